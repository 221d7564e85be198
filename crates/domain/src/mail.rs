//! Mail that MOUSE sends: the kinds of reminder a person can choose to get, a queued mail, and
//! how often a failed one is tried again.

use crate::ids::{OrgId, PersonId};
use chrono::Duration;

/// A kind of reminder. Each person gets every kind unless they turn it off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reminder {
    /// The preparation deadline is near and the person has not started preparing.
    PreparationNotStarted,
    /// The conversation is tomorrow.
    ConversationTomorrow,
    /// An action or commitment the person owns is due within a week, or overdue.
    ActionDue,
    /// A follow-up meeting is due.
    FollowUpDue,
    /// An agreement the person is party to is going stale.
    AgreementStale,
}

impl Reminder {
    pub const ALL: [Reminder; 5] = [
        Reminder::PreparationNotStarted,
        Reminder::ConversationTomorrow,
        Reminder::ActionDue,
        Reminder::FollowUpDue,
        Reminder::AgreementStale,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Reminder::PreparationNotStarted => "preparation",
            Reminder::ConversationTomorrow => "tomorrow",
            Reminder::ActionDue => "action",
            Reminder::FollowUpDue => "follow-up",
            Reminder::AgreementStale => "stale",
        }
    }
}

impl std::str::FromStr for Reminder {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Self::ALL.into_iter().find(|r| r.as_str() == s).ok_or(())
    }
}

/// A mail to be sent. The event key names what it is about (a reminder of one thing on one
/// occasion): a second mail with the same key is never queued.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mail {
    pub org_id: OrgId,
    pub person_id: PersonId,
    pub event_key: String,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    /// An iCalendar invitation to attach, if any.
    pub calendar: Option<String>,
}

/// After this many failed tries a mail is given up, and the reason kept.
pub const MAX_ATTEMPTS: u32 = 8;

/// How long to wait before trying a mail again after its `attempts`th failure: a minute, then
/// doubling, at most six hours.
pub fn retry_delay(attempts: u32) -> Duration {
    let minutes = 1i64 << attempts.saturating_sub(1).min(9);
    Duration::minutes(minutes.min(6 * 60))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_and_stop_growing() {
        assert_eq!(retry_delay(1), Duration::minutes(1));
        assert_eq!(retry_delay(2), Duration::minutes(2));
        assert_eq!(retry_delay(4), Duration::minutes(8));
        assert_eq!(retry_delay(30), Duration::hours(6));
    }

    #[test]
    fn kinds_round_trip() {
        for kind in Reminder::ALL {
            assert_eq!(kind.as_str().parse(), Ok(kind));
        }
    }
}
