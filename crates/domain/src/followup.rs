//! Follow-up meetings on a signed development agreement: planned from the cycle's follow-up
//! dates when the agreement is signed, moved when the parties need to. At each, the parties
//! record for every development goal how far it has come, a status (on track, at risk, done, or
//! dropped with a reason) and a short note each.

use crate::agreement::Agreement;
use crate::ids::{ConversationId, FollowUpId, ItemId};
use crate::preparation::Side;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Where a development goal stands at a follow-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    OnTrack,
    AtRisk,
    Done,
    Dropped,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::OnTrack,
        Status::AtRisk,
        Status::Done,
        Status::Dropped,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::OnTrack => "on-track",
            Status::AtRisk => "at-risk",
            Status::Done => "done",
            Status::Dropped => "dropped",
        }
    }
}

impl std::str::FromStr for Status {
    type Err = FollowUpError;
    fn from_str(s: &str) -> Result<Self, FollowUpError> {
        Self::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or(FollowUpError::BadStatus)
    }
}

/// One development goal at one follow-up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub goal: ItemId,
    /// How far it has come, in words.
    pub progress: String,
    pub status: Status,
    /// Why it was dropped; empty otherwise.
    pub reason: String,
    pub employee_note: String,
    pub leader_note: String,
    /// Who last set the progress and status, which the two share.
    #[serde(default)]
    pub set_by: Option<Side>,
}

/// A follow-up meeting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FollowUp {
    pub id: FollowUpId,
    pub conversation_id: ConversationId,
    pub due: NaiveDate,
    pub held_at: Option<DateTime<Utc>>,
    pub reviews: Vec<Review>,
    pub revision: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FollowUpError {
    #[error("not one of the statuses")]
    BadStatus,
    #[error("say why the goal was dropped")]
    ReasonMissing,
    #[error("text is too long")]
    TooLong,
    #[error("not a date")]
    BadDate,
    #[error("changed by the other party meanwhile")]
    Stale,
    #[error("the follow-up has been held")]
    Held,
    #[error("follow-ups are planned once the agreement is signed")]
    NotSigned,
}

impl FollowUpError {
    pub fn message_key(self) -> &'static str {
        match self {
            FollowUpError::BadStatus => "error-bad-form",
            FollowUpError::ReasonMissing => "error-followup-reason",
            FollowUpError::TooLong => "error-too-long",
            FollowUpError::BadDate => "error-bad-date",
            FollowUpError::Stale => "error-followup-stale",
            FollowUpError::Held => "error-followup-held",
            FollowUpError::NotSigned => "error-followup-not-signed",
        }
    }

    pub fn is_conflict(self) -> bool {
        matches!(
            self,
            FollowUpError::Stale | FollowUpError::Held | FollowUpError::NotSigned
        )
    }
}

/// What one party writes about one goal at a follow-up.
pub struct ReviewInput<'a> {
    pub goal: ItemId,
    pub progress: &'a str,
    pub status: &'a str,
    pub reason: &'a str,
    pub note: &'a str,
}

fn text(raw: &str, max: usize) -> Result<String, FollowUpError> {
    let t = raw.trim();
    if t.chars().count() > max {
        Err(FollowUpError::TooLong)
    } else {
        Ok(t.to_owned())
    }
}

/// The follow-ups a newly signed agreement gets: one on each of the cycle's follow-up dates
/// that is still ahead.
pub fn plan(
    conversation_id: ConversationId,
    dates: &[NaiveDate],
    today: NaiveDate,
) -> Vec<FollowUp> {
    dates
        .iter()
        .filter(|d| **d >= today)
        .map(|due| FollowUp::new(conversation_id, *due))
        .collect()
}

impl FollowUp {
    pub fn new(conversation_id: ConversationId, due: NaiveDate) -> FollowUp {
        FollowUp {
            id: FollowUpId::new(),
            conversation_id,
            due,
            held_at: None,
            reviews: Vec::new(),
            revision: 0,
        }
    }

    /// The review of a goal so far, or a fresh one on track.
    pub fn review_of(&self, goal: ItemId) -> Review {
        self.reviews
            .iter()
            .find(|r| r.goal == goal)
            .cloned()
            .unwrap_or(Review {
                goal,
                progress: String::new(),
                status: Status::OnTrack,
                reason: String::new(),
                employee_note: String::new(),
                leader_note: String::new(),
                set_by: None,
            })
    }

    fn next(&self, seen: u32) -> Result<FollowUp, FollowUpError> {
        if seen != self.revision {
            return Err(FollowUpError::Stale);
        }
        if self.held_at.is_some() {
            return Err(FollowUpError::Held);
        }
        Ok(FollowUp {
            revision: self.revision + 1,
            ..self.clone()
        })
    }

    /// One party records the goals' progress and status and their own note; the other party's
    /// note stays as it is. Goals no longer in the agreement are left out.
    pub fn record(
        &self,
        seen: u32,
        by: Side,
        agreement: &Agreement,
        inputs: &[ReviewInput],
    ) -> Result<FollowUp, FollowUpError> {
        let mut next = self.next(seen)?;
        let mut reviews = Vec::new();
        for goal in &agreement.terms.goals {
            let Some(input) = inputs.iter().find(|i| i.goal == goal.id) else {
                if let Some(kept) = self.reviews.iter().find(|r| r.goal == goal.id) {
                    reviews.push(kept.clone());
                }
                continue;
            };
            let mut review = self.review_of(goal.id);
            review.progress = text(input.progress, 2000)?;
            review.status = input.status.parse()?;
            review.reason = text(input.reason, 1000)?;
            if review.status == Status::Dropped && review.reason.is_empty() {
                return Err(FollowUpError::ReasonMissing);
            }
            if review.status != Status::Dropped {
                review.reason.clear();
            }
            review.set_by = Some(by);
            let note = text(input.note, 1000)?;
            match by {
                Side::Employee => review.employee_note = note,
                Side::Leader => review.leader_note = note,
            }
            reviews.push(review);
        }
        next.reviews = reviews;
        Ok(next)
    }

    /// Moves the meeting to another day.
    pub fn move_to(&self, seen: u32, due: &str) -> Result<FollowUp, FollowUpError> {
        let mut next = self.next(seen)?;
        next.due = NaiveDate::parse_from_str(due.trim(), "%Y-%m-%d")
            .map_err(|_| FollowUpError::BadDate)?;
        Ok(next)
    }

    /// The meeting took place; what it recorded is now history.
    pub fn hold(&self, seen: u32, at: DateTime<Utc>) -> Result<FollowUp, FollowUpError> {
        let mut next = self.next(seen)?;
        next.held_at = Some(at);
        Ok(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agreement::{Edit, GoalText};
    use crate::ids::GoalId;
    use crate::strategy::parse_date;

    fn agreement() -> Agreement {
        let text = GoalText::read(
            "Forældresamtaler",
            "Effekt",
            "high",
            vec![GoalId::new()],
            vec![],
        )
        .unwrap();
        Agreement::new(ConversationId::new())
            .change(0, Side::Employee, Utc::now(), Edit::AddGoal(text))
            .unwrap()
    }

    #[test]
    fn follow_ups_are_planned_from_the_dates_still_ahead() {
        let d = |s| parse_date(s).unwrap();
        let planned = plan(
            ConversationId::new(),
            &[d("2026-05-18"), d("2027-03-01"), d("2027-06-01")],
            d("2026-11-27"),
        );
        assert_eq!(
            planned.iter().map(|f| f.due).collect::<Vec<_>>(),
            vec![d("2027-03-01"), d("2027-06-01")]
        );
    }

    #[test]
    fn each_party_writes_their_own_note_and_a_drop_needs_a_reason() {
        let a = agreement();
        let goal = a.terms.goals[0].id;
        let f = FollowUp::new(a.conversation_id, parse_date("2027-03-01").unwrap());
        let input = |status, reason, note| ReviewInput {
            goal,
            progress: "Halvvejs",
            status,
            reason,
            note,
        };
        let by_lane = f
            .record(
                0,
                Side::Employee,
                &a,
                &[input("on-track", "", "Godt i gang")],
            )
            .unwrap();
        let by_peter = by_lane
            .record(1, Side::Leader, &a, &[input("at-risk", "", "Travlt forår")])
            .unwrap();
        let review = by_peter.review_of(goal);
        assert_eq!(
            (
                review.status,
                review.employee_note.as_str(),
                review.leader_note.as_str()
            ),
            (Status::AtRisk, "Godt i gang", "Travlt forår")
        );
        assert_eq!(
            by_peter.record(2, Side::Leader, &a, &[input("dropped", " ", "")]),
            Err(FollowUpError::ReasonMissing)
        );
        assert_eq!(
            by_peter.record(1, Side::Leader, &a, &[]),
            Err(FollowUpError::Stale)
        );
        let held = by_peter.hold(2, Utc::now()).unwrap();
        assert_eq!(held.move_to(3, "2027-04-01"), Err(FollowUpError::Held));
    }
}
