//! The psychological contract: what the employee can count on here, what is expected of them,
//! and what they can expect from the organisation. Written together by both parties, confirmed
//! by both, and renegotiated every year: this year's contract starts from last year's and shows
//! what changed.

use crate::ids::ConversationId;

/// The contract's three lists.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum List {
    /// What the employee can count on here.
    CountOn,
    /// What is expected of the employee.
    Expected,
    /// What the employee can expect from the organisation.
    FromOrganisation,
}

impl List {
    pub const ALL: [List; 3] = [List::CountOn, List::Expected, List::FromOrganisation];

    pub fn as_str(self) -> &'static str {
        match self {
            List::CountOn => "count-on",
            List::Expected => "expected",
            List::FromOrganisation => "from-organisation",
        }
    }
}

/// One line of the contract.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Item {
    pub list: List,
    pub text: String,
}

/// A conversation's contract.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contract {
    pub conversation_id: ConversationId,
    pub items: Vec<Item>,
    pub employee_confirmed: bool,
    pub leader_confirmed: bool,
    pub revision: u32,
}

/// Why a contract change was refused. Each has a translated message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ContractError {
    #[error("a line is too long")]
    TooLong,
    #[error("too many lines")]
    TooMany,
    #[error("the contract was changed by the other party meanwhile")]
    Stale,
}

impl ContractError {
    pub fn message_key(self) -> &'static str {
        match self {
            ContractError::TooLong => "error-contract-too-long",
            ContractError::TooMany => "error-contract-too-many",
            ContractError::Stale => "error-contract-stale",
        }
    }
}

/// Reads a list from a textarea: one item per line, blank lines dropped.
pub fn read_list(list: List, text: &str) -> Result<Vec<Item>, ContractError> {
    let items: Vec<Item> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| Item {
            list,
            text: l.to_owned(),
        })
        .collect();
    if items.len() > 30 {
        return Err(ContractError::TooMany);
    }
    if items.iter().any(|i| i.text.chars().count() > 500) {
        return Err(ContractError::TooLong);
    }
    Ok(items)
}

impl Contract {
    /// This year's contract, starting from last year's lines (or empty), unconfirmed.
    pub fn start(conversation_id: ConversationId, last_year: Option<&Contract>) -> Contract {
        Contract {
            conversation_id,
            items: last_year.map(|c| c.items.clone()).unwrap_or_default(),
            employee_confirmed: false,
            leader_confirmed: false,
            revision: 0,
        }
    }

    /// New lines, based on the revision the editor saw. Any change needs both to confirm again.
    pub fn edit(&self, seen: u32, items: Vec<Item>) -> Result<Contract, ContractError> {
        if seen != self.revision {
            return Err(ContractError::Stale);
        }
        let changed = items != self.items;
        Ok(Contract {
            employee_confirmed: self.employee_confirmed && !changed,
            leader_confirmed: self.leader_confirmed && !changed,
            items,
            revision: self.revision + 1,
            ..self.clone()
        })
    }

    /// One party confirms the contract as it stands at `seen`.
    pub fn confirm(&self, seen: u32, employee: bool) -> Result<Contract, ContractError> {
        if seen != self.revision {
            return Err(ContractError::Stale);
        }
        let mut next = Contract {
            revision: self.revision + 1,
            ..self.clone()
        };
        if employee {
            next.employee_confirmed = true;
        } else {
            next.leader_confirmed = true;
        }
        Ok(next)
    }

    pub fn confirmed(&self) -> bool {
        self.employee_confirmed && self.leader_confirmed
    }

    pub fn list(&self, list: List) -> Vec<&Item> {
        self.items.iter().filter(|i| i.list == list).collect()
    }
}

/// How a line differs from last year's contract.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Unchanged(String),
    Added(String),
    Changed { before: String, after: String },
    Removed(String),
}

/// This year's lines of one list against last year's, line by line in order.
pub fn changes(last_year: &[&Item], this_year: &[&Item]) -> Vec<Change> {
    let before: Vec<&str> = last_year.iter().map(|i| i.text.as_str()).collect();
    let after: Vec<&str> = this_year.iter().map(|i| i.text.as_str()).collect();
    let mut out = Vec::new();
    // Lines kept anywhere in the list are unchanged; the rest pair up by position as changes.
    let removed: Vec<&str> = before
        .iter()
        .copied()
        .filter(|b| !after.contains(b))
        .collect();
    let mut removed_iter = removed.iter();
    for line in &after {
        if before.contains(line) {
            out.push(Change::Unchanged((*line).to_owned()));
        } else if let Some(old) = removed_iter.next() {
            out.push(Change::Changed {
                before: (*old).to_owned(),
                after: (*line).to_owned(),
            });
        } else {
            out.push(Change::Added((*line).to_owned()));
        }
    }
    out.extend(removed_iter.map(|old| Change::Removed((*old).to_owned())));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(list: List, text: &str) -> Item {
        Item {
            list,
            text: text.into(),
        }
    }

    #[test]
    fn lists_are_read_line_by_line() {
        let items = read_list(List::Expected, "  Møder forberedt\n\n Deler viden \r\n").unwrap();
        assert_eq!(
            items,
            vec![
                item(List::Expected, "Møder forberedt"),
                item(List::Expected, "Deler viden")
            ]
        );
        assert_eq!(
            read_list(List::CountOn, &"x\n".repeat(31)),
            Err(ContractError::TooMany)
        );
        assert_eq!(
            read_list(List::CountOn, &"x".repeat(501)),
            Err(ContractError::TooLong)
        );
    }

    #[test]
    fn changes_since_last_year() {
        let last = [
            item(List::CountOn, "Faste rammer"),
            item(List::CountOn, "Sparring med kolleger"),
            item(List::CountOn, "Fri til kursus"),
        ];
        let this = [
            item(List::CountOn, "Faste rammer"),
            item(List::CountOn, "Sparring hver 14. dag"),
            item(List::CountOn, "Mentor i forældresamtaler"),
        ];
        let last: Vec<&Item> = last.iter().collect();
        let this: Vec<&Item> = this.iter().collect();
        assert_eq!(
            changes(&last, &this),
            vec![
                Change::Unchanged("Faste rammer".into()),
                Change::Changed {
                    before: "Sparring med kolleger".into(),
                    after: "Sparring hver 14. dag".into()
                },
                Change::Changed {
                    before: "Fri til kursus".into(),
                    after: "Mentor i forældresamtaler".into()
                },
            ]
        );
        let fewer = [item(List::CountOn, "Faste rammer")];
        let fewer: Vec<&Item> = fewer.iter().collect();
        assert_eq!(
            changes(&last, &fewer)[1..],
            [
                Change::Removed("Sparring med kolleger".into()),
                Change::Removed("Fri til kursus".into())
            ]
        );
        assert_eq!(
            changes(&[], &fewer),
            vec![Change::Added("Faste rammer".into())]
        );
    }

    #[test]
    fn both_confirm_and_a_change_asks_again() {
        let last = Contract {
            conversation_id: ConversationId::new(),
            items: vec![item(List::Expected, "Forberedt")],
            employee_confirmed: true,
            leader_confirmed: true,
            revision: 4,
        };
        let this = Contract::start(ConversationId::new(), Some(&last));
        assert_eq!(
            (this.items.clone(), this.confirmed(), this.revision),
            (last.items.clone(), false, 0)
        );
        let signed = this.confirm(0, true).unwrap().confirm(1, false).unwrap();
        assert!(signed.confirmed());
        assert_eq!(signed.confirm(1, true), Err(ContractError::Stale));
        let same = signed.edit(2, signed.items.clone()).unwrap();
        assert!(
            same.confirmed(),
            "saving the same lines keeps the confirmations"
        );
        let changed = same
            .edit(3, vec![item(List::Expected, "Noget andet")])
            .unwrap();
        assert!(!changed.employee_confirmed && !changed.leader_confirmed);
    }
}
