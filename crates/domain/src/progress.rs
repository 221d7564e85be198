//! Following an agreement through: who may say how an action or a commitment stands, and the
//! history of what they said. Every report is kept; the agreement shows the latest.

use crate::agreement::{Agreement, AgreementError, Progress};
use crate::conversation::Conversation;
use crate::ids::{ConversationId, ItemId, PersonId};
use chrono::{DateTime, Utc};

/// One report on an action or a commitment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgressUpdate {
    pub conversation_id: ConversationId,
    pub item: ItemId,
    pub by: PersonId,
    pub at: DateTime<Utc>,
    pub progress: Progress,
    pub note: String,
}

/// The two parties follow the whole agreement; anyone else only what they own (a colleague
/// named as mentor, say).
pub fn may_report(
    conversation: &Conversation,
    agreement: &Agreement,
    item: ItemId,
    person: PersonId,
) -> bool {
    person == conversation.employee_id
        || person == conversation.leader_id
        || agreement.owner_of(item) == Some(person)
}

/// A short note with a report.
pub fn read_note(raw: &str) -> Result<String, AgreementError> {
    let note = raw.trim();
    if note.chars().count() > 1000 {
        return Err(AgreementError::TooLong);
    }
    Ok(note.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agreement::{Commitment, Edit};
    use crate::cycle::{Cycle, CycleState, Timeline};
    use crate::preparation::Side;
    use crate::strategy::parse_date;

    #[test]
    fn parties_and_owners_report_and_nobody_else() {
        let d = |s| parse_date(s).unwrap();
        let cycle = Cycle {
            id: crate::CycleId::new(),
            org_id: crate::OrgId::new(),
            name: "MUS".into(),
            intention: String::new(),
            state: CycleState::Open,
            timeline: Timeline::new(
                d("2026-10-01"),
                d("2026-11-01"),
                d("2026-12-01"),
                vec![],
                d("2027-09-01"),
            )
            .unwrap(),
            focus_goals: vec![],
            question_set: None,
        };
        let (employee, leader, mentor) = (PersonId::new(), PersonId::new(), PersonId::new());
        let conversation = Conversation::new(&cycle, employee, leader);
        let commitment = Commitment::read("Mentor ved to samtaler", "mentor", mentor, "").unwrap();
        let item = commitment.id;
        let agreement = Agreement::new(conversation.id)
            .change(0, Side::Leader, Utc::now(), Edit::AddCommitment(commitment))
            .unwrap();
        for person in [employee, leader, mentor] {
            assert!(may_report(&conversation, &agreement, item, person));
        }
        assert!(!may_report(
            &conversation,
            &agreement,
            item,
            PersonId::new()
        ));
        assert_eq!(read_note(&"x".repeat(1001)), Err(AgreementError::TooLong));
    }
}
