//! The competence catalogue: the competences an organisation develops in its people, kept by HR.
//! A development goal names the competences it builds, and a competence may point to the
//! strategic goals it serves, so that the red thread runs through it.

use crate::ids::{CompetenceId, GoalId, OrgId};

/// One competence in the catalogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Competence {
    pub id: CompetenceId,
    pub org_id: OrgId,
    pub name: String,
    pub description: String,
    /// The strategic goals this competence serves, if any.
    pub goals: Vec<GoalId>,
    /// Retired competences stay on the agreements that name them but are not offered anew.
    pub retired: bool,
}

/// Why a competence was refused. Each has a translated message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CompetenceError {
    #[error("the name is required")]
    NameMissing,
    #[error("text is too long")]
    TooLong,
    #[error("another competence has that name")]
    NameTaken,
}

impl CompetenceError {
    pub fn message_key(self) -> &'static str {
        match self {
            CompetenceError::NameMissing => "error-competence-name",
            CompetenceError::TooLong => "error-too-long",
            CompetenceError::NameTaken => "error-competence-name-taken",
        }
    }
}

impl Competence {
    /// A competence from a form, checked against the rest of the catalogue: names are unique
    /// regardless of case, so that the catalogue does not hold the same thing twice.
    pub fn check(mut self, catalogue: &[Competence]) -> Result<Competence, CompetenceError> {
        self.name = self.name.trim().to_owned();
        self.description = self.description.trim().to_owned();
        if self.name.is_empty() {
            return Err(CompetenceError::NameMissing);
        }
        if self.name.chars().count() > 200 || self.description.chars().count() > 5000 {
            return Err(CompetenceError::TooLong);
        }
        let key = self.name.to_lowercase();
        if catalogue
            .iter()
            .any(|c| c.id != self.id && c.name.to_lowercase() == key)
        {
            return Err(CompetenceError::NameTaken);
        }
        self.goals.sort();
        self.goals.dedup();
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn competence(name: &str) -> Competence {
        Competence {
            id: CompetenceId::new(),
            org_id: OrgId::new(),
            name: name.into(),
            description: String::new(),
            goals: Vec::new(),
            retired: false,
        }
    }

    #[test]
    fn names_are_required_trimmed_and_unique() {
        let existing = vec![competence("Forældredialog")];
        assert_eq!(
            competence("  ").check(&existing),
            Err(CompetenceError::NameMissing)
        );
        assert_eq!(
            competence(" forældredialog ").check(&existing),
            Err(CompetenceError::NameTaken)
        );
        assert_eq!(
            competence(&"x".repeat(201)).check(&existing),
            Err(CompetenceError::TooLong)
        );
        let ok = competence(" Pædagogisk dokumentation ")
            .check(&existing)
            .unwrap();
        assert_eq!(ok.name, "Pædagogisk dokumentation");
        // Saving a competence again under its own name is no clash.
        assert!(existing[0].clone().check(&existing).is_ok());
    }
}
