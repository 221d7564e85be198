//! People: everyone in an organisation, whether or not they can log in.

use crate::ids::{OrgId, PersonId, UnitId};
use std::fmt;

/// An e-mail address, trimmed and lower-cased: it is the login name and the import's match key.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Self, PersonError> {
        let email = raw.trim().to_lowercase();
        let (local, domain) = email.split_once('@').ok_or(PersonError::InvalidEmail)?;
        let valid = !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains('@')
            && email.len() <= 254
            && !email.chars().any(|c| c.is_whitespace() || c.is_control());
        if valid {
            Ok(Email(email))
        } else {
            Err(PersonError::InvalidEmail)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A person in an organisation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub id: PersonId,
    pub org_id: OrgId,
    pub unit_id: UnitId,
    pub name: String,
    pub email: Email,
    pub job_title: String,
    /// An explicit leader; without one, the leader of the person's unit (or the nearest one above).
    pub leader_id: Option<PersonId>,
    /// Deactivated people keep their history but cannot log in and leave the active lists.
    pub active: bool,
}

/// The editable fields of a person, validated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonFields {
    pub name: String,
    pub email: Email,
    pub job_title: String,
}

impl PersonFields {
    pub fn parse(name: &str, email: &str, job_title: &str) -> Result<Self, PersonError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(PersonError::EmptyName);
        }
        if name.chars().count() > 200 || job_title.trim().chars().count() > 200 {
            return Err(PersonError::TooLong);
        }
        Ok(PersonFields {
            name: name.to_owned(),
            email: Email::parse(email)?,
            job_title: job_title.trim().to_owned(),
        })
    }
}

/// Why a person could not be saved. Each has a translated message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PersonError {
    #[error("name is empty")]
    EmptyName,
    #[error("text is too long")]
    TooLong,
    #[error("not a valid e-mail address")]
    InvalidEmail,
    #[error("e-mail address already in use")]
    EmailTaken,
    #[error("unit not found")]
    UnknownUnit,
    #[error("leader not found")]
    UnknownLeader,
    #[error("a person cannot be their own leader")]
    OwnLeader,
}

impl PersonError {
    pub fn message_key(self) -> &'static str {
        match self {
            PersonError::EmptyName => "error-person-name-empty",
            PersonError::TooLong => "error-too-long",
            PersonError::InvalidEmail => "error-email-invalid",
            PersonError::EmailTaken => "error-email-taken",
            PersonError::UnknownUnit => "error-unit-unknown",
            PersonError::UnknownLeader => "error-leader-unknown",
            PersonError::OwnLeader => "error-leader-self",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            Email::parse("  Lane@Maelkeboetten.DK ").unwrap().as_str(),
            "lane@maelkeboetten.dk"
        );
        for bad in [
            "",
            "lane",
            "@x.dk",
            "lane@",
            "lane@dk",
            "la ne@x.dk",
            "a@b@c.dk",
            "a@.dk",
        ] {
            assert_eq!(Email::parse(bad), Err(PersonError::InvalidEmail), "{bad}");
        }
    }

    #[test]
    fn person_fields_need_a_name() {
        assert_eq!(
            PersonFields::parse(" ", "a@b.dk", ""),
            Err(PersonError::EmptyName)
        );
        let ok = PersonFields::parse(" Lane Jensen ", "lane@b.dk", " Pædagog ").unwrap();
        assert_eq!(ok.name, "Lane Jensen");
        assert_eq!(ok.job_title, "Pædagog");
    }
}
