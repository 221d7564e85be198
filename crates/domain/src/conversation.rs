//! The conversation between an employee and their leader in a cycle. This module holds its
//! scheduling: the leader sets time, place and preparation deadline; the employee may propose
//! another time; the leader accepts it or changes the time. Every change to the appointment
//! raises its sequence number, so that calendar programs update the invitation they already
//! hold instead of adding a second one.

use crate::cycle::{Cycle, CycleState};
use crate::ids::{ConversationId, CycleId, OrgId, PersonId, VersionId};
use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Europe::Copenhagen;

/// Conversations are held in Danish time; forms and invitations use it.
pub const TIME_ZONE: chrono_tz::Tz = Copenhagen;

/// The appointment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    pub starts_at: DateTime<Utc>,
    pub duration_minutes: u32,
    pub place: String,
    /// An `https://` link for a video meeting, if any.
    pub video_link: Option<String>,
    pub agenda_note: String,
    pub preparation_deadline: NaiveDate,
}

/// Another time, proposed by the employee.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    pub starts_at: DateTime<Utc>,
    pub note: String,
}

/// One employee's conversation in one cycle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conversation {
    pub id: ConversationId,
    pub org_id: OrgId,
    pub cycle_id: CycleId,
    pub employee_id: PersonId,
    /// The leader who holds the conversation.
    pub leader_id: PersonId,
    pub schedule: Option<Schedule>,
    pub proposal: Option<Proposal>,
    pub cancelled: bool,
    /// Raised at every change of the appointment (iCalendar's SEQUENCE).
    pub sequence: u32,
    /// The question-set version both parties prepare with, fixed when the first one starts.
    pub version: Option<VersionId>,
    /// When the leader marked the conversation as held; the appointment is then history.
    pub held_at: Option<DateTime<Utc>>,
}

/// What else a conversation's stage depends on: its preparations and its agreement.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    /// Either party has started preparing.
    pub prepared: bool,
    /// Both parties have signed the development agreement.
    pub agreed: bool,
}

/// Where a conversation stands: scheduled → preparing → held → agreed, or cancelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stage {
    NotScheduled,
    Scheduled,
    Preparing,
    Held,
    Agreed,
    Cancelled,
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::NotScheduled,
        Stage::Scheduled,
        Stage::Preparing,
        Stage::Held,
        Stage::Agreed,
        Stage::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::NotScheduled => "not-scheduled",
            Stage::Scheduled => "scheduled",
            Stage::Preparing => "preparing",
            Stage::Held => "held",
            Stage::Agreed => "agreed",
            Stage::Cancelled => "cancelled",
        }
    }
}

/// Why a scheduling step was refused. Each has a translated message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    #[error("not a valid date and time")]
    BadTime,
    #[error("not a date")]
    BadDate,
    #[error("the duration must be between 15 minutes and 8 hours")]
    BadDuration,
    #[error("the video link must be a web address starting with https://")]
    BadLink,
    #[error("text is too long")]
    TooLong,
    #[error("give a place or a video link")]
    NoPlace,
    #[error("the time is outside the cycle's conversation period")]
    OutsideWindow,
    #[error("the preparation deadline must be before the conversation")]
    DeadlineAfterStart,
    #[error("conversations are scheduled while the cycle is open")]
    CycleNotOpen,
    #[error("the conversation is not scheduled")]
    NotScheduled,
    #[error("the conversation is cancelled")]
    Cancelled,
    #[error("there is no proposal to accept")]
    NoProposal,
    #[error("the conversation has been held")]
    Held,
    #[error("the conversation has not started yet")]
    NotYet,
}

impl ScheduleError {
    pub fn message_key(self) -> &'static str {
        match self {
            ScheduleError::BadTime => "error-schedule-time",
            ScheduleError::BadDate => "error-bad-date",
            ScheduleError::BadDuration => "error-schedule-duration",
            ScheduleError::BadLink => "error-schedule-link",
            ScheduleError::TooLong => "error-too-long",
            ScheduleError::NoPlace => "error-schedule-place",
            ScheduleError::OutsideWindow => "error-schedule-window",
            ScheduleError::DeadlineAfterStart => "error-schedule-deadline",
            ScheduleError::CycleNotOpen => "error-schedule-cycle",
            ScheduleError::NotScheduled => "error-schedule-not-scheduled",
            ScheduleError::Cancelled => "error-schedule-cancelled",
            ScheduleError::NoProposal => "error-schedule-no-proposal",
            ScheduleError::Held => "error-schedule-held",
            ScheduleError::NotYet => "error-schedule-not-yet",
        }
    }
}

/// A local Danish time as typed in `<input type=datetime-local>` (`YYYY-MM-DDTHH:MM`).
/// A time that does not exist (the hour skipped in spring) is refused; an ambiguous one (the
/// hour repeated in autumn) takes the earlier.
pub fn parse_local_time(raw: &str) -> Result<DateTime<Utc>, ScheduleError> {
    let naive = NaiveDateTime::parse_from_str(raw.trim(), "%Y-%m-%dT%H:%M")
        .map_err(|_| ScheduleError::BadTime)?;
    TIME_ZONE
        .from_local_datetime(&naive)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or(ScheduleError::BadTime)
}

/// The same instant as a local Danish time, for forms.
pub fn local_input(at: &DateTime<Utc>) -> String {
    at.with_timezone(&TIME_ZONE)
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

impl Schedule {
    /// Validates an appointment against the cycle: inside its conversation period, with a
    /// place or a link, and a preparation deadline before the day.
    pub fn parse(
        cycle: &Cycle,
        starts_at: &str,
        duration_minutes: &str,
        place: &str,
        video_link: &str,
        agenda_note: &str,
        preparation_deadline: &str,
    ) -> Result<Schedule, ScheduleError> {
        let starts_at = parse_local_time(starts_at)?;
        let duration_minutes: u32 = duration_minutes
            .trim()
            .parse()
            .map_err(|_| ScheduleError::BadDuration)?;
        if !(15..=480).contains(&duration_minutes) {
            return Err(ScheduleError::BadDuration);
        }
        let (place, link, agenda) = (place.trim(), video_link.trim(), agenda_note.trim());
        if place.chars().count() > 200 || link.len() > 500 || agenda.chars().count() > 2000 {
            return Err(ScheduleError::TooLong);
        }
        let video_link = match link {
            "" => None,
            l if l.starts_with("https://")
                && l.len() > "https://".len()
                && !l.contains(char::is_whitespace) =>
            {
                Some(l.to_owned())
            }
            _ => return Err(ScheduleError::BadLink),
        };
        if place.is_empty() && video_link.is_none() {
            return Err(ScheduleError::NoPlace);
        }
        let preparation_deadline =
            NaiveDate::parse_from_str(preparation_deadline.trim(), "%Y-%m-%d")
                .map_err(|_| ScheduleError::BadDate)?;
        check_window(cycle, &starts_at)?;
        if preparation_deadline > starts_at.with_timezone(&TIME_ZONE).date_naive() {
            return Err(ScheduleError::DeadlineAfterStart);
        }
        Ok(Schedule {
            starts_at,
            duration_minutes,
            place: place.to_owned(),
            video_link,
            agenda_note: agenda.to_owned(),
            preparation_deadline,
        })
    }

    pub fn ends_at(&self) -> DateTime<Utc> {
        self.starts_at + chrono::Duration::minutes(i64::from(self.duration_minutes))
    }
}

/// The conversation must fall on a day of the cycle's conversation period.
fn check_window(cycle: &Cycle, at: &DateTime<Utc>) -> Result<(), ScheduleError> {
    let day = at.with_timezone(&TIME_ZONE).date_naive();
    if day < cycle.timeline.conversations_from() || day > cycle.timeline.conversations_to() {
        return Err(ScheduleError::OutsideWindow);
    }
    Ok(())
}

impl Conversation {
    /// A conversation not yet scheduled.
    pub fn new(cycle: &Cycle, employee: PersonId, leader: PersonId) -> Conversation {
        Conversation {
            id: ConversationId::new(),
            org_id: cycle.org_id,
            cycle_id: cycle.id,
            employee_id: employee,
            leader_id: leader,
            schedule: None,
            proposal: None,
            cancelled: false,
            sequence: 0,
            version: None,
            held_at: None,
        }
    }

    pub fn stage(&self, marks: Marks) -> Stage {
        if self.cancelled {
            Stage::Cancelled
        } else if self.schedule.is_none() {
            Stage::NotScheduled
        } else if marks.agreed {
            Stage::Agreed
        } else if self.held_at.is_some() {
            Stage::Held
        } else if marks.prepared {
            Stage::Preparing
        } else {
            Stage::Scheduled
        }
    }

    /// The leader marks the conversation as held, on its day or later.
    pub fn hold(&self, cycle: &Cycle, now: DateTime<Utc>) -> Result<Conversation, ScheduleError> {
        self.check_live(cycle)?;
        let starts = self.schedule.as_ref().ok_or(ScheduleError::NotScheduled)?;
        let day = |t: &DateTime<Utc>| t.with_timezone(&TIME_ZONE).date_naive();
        if day(&now) < day(&starts.starts_at) {
            return Err(ScheduleError::NotYet);
        }
        Ok(Conversation {
            held_at: Some(now),
            proposal: None,
            ..self.clone()
        })
    }

    /// A leader sets (or changes) the appointment; a pending proposal is answered by it.
    pub fn schedule(
        &self,
        cycle: &Cycle,
        schedule: Schedule,
    ) -> Result<Conversation, ScheduleError> {
        if cycle.state != CycleState::Open {
            return Err(ScheduleError::CycleNotOpen);
        }
        if self.held_at.is_some() {
            return Err(ScheduleError::Held);
        }
        // The leader holding the conversation stays the same whoever moves it.
        Ok(Conversation {
            schedule: Some(schedule),
            proposal: None,
            cancelled: false,
            sequence: self.next_sequence(),
            ..self.clone()
        })
    }

    /// The employee proposes another time within the conversation period.
    pub fn propose(
        &self,
        cycle: &Cycle,
        starts_at: &str,
        note: &str,
    ) -> Result<Conversation, ScheduleError> {
        self.check_live(cycle)?;
        let starts_at = parse_local_time(starts_at)?;
        check_window(cycle, &starts_at)?;
        if note.chars().count() > 1000 {
            return Err(ScheduleError::TooLong);
        }
        Ok(Conversation {
            proposal: Some(Proposal {
                starts_at,
                note: note.trim().to_owned(),
            }),
            ..self.clone()
        })
    }

    /// The leader accepts the proposed time; the rest of the appointment stays.
    pub fn accept_proposal(&self, cycle: &Cycle) -> Result<Conversation, ScheduleError> {
        self.check_live(cycle)?;
        let proposal = self.proposal.clone().ok_or(ScheduleError::NoProposal)?;
        let mut schedule = self.schedule.clone().ok_or(ScheduleError::NotScheduled)?;
        let day = proposal.starts_at.with_timezone(&TIME_ZONE).date_naive();
        schedule.starts_at = proposal.starts_at;
        schedule.preparation_deadline = schedule.preparation_deadline.min(day);
        Ok(Conversation {
            schedule: Some(schedule),
            proposal: None,
            sequence: self.next_sequence(),
            ..self.clone()
        })
    }

    /// The leader keeps the time and declines the employee's proposal.
    pub fn decline_proposal(&self, cycle: &Cycle) -> Result<Conversation, ScheduleError> {
        self.check_live(cycle)?;
        if self.proposal.is_none() {
            return Err(ScheduleError::NoProposal);
        }
        Ok(Conversation {
            proposal: None,
            ..self.clone()
        })
    }

    /// The leader cancels the appointment; calendars receive a cancellation.
    pub fn cancel(&self, cycle: &Cycle) -> Result<Conversation, ScheduleError> {
        self.check_live(cycle)?;
        Ok(Conversation {
            cancelled: true,
            proposal: None,
            sequence: self.next_sequence(),
            ..self.clone()
        })
    }

    fn check_live(&self, cycle: &Cycle) -> Result<(), ScheduleError> {
        if cycle.state != CycleState::Open {
            return Err(ScheduleError::CycleNotOpen);
        }
        if self.cancelled {
            return Err(ScheduleError::Cancelled);
        }
        if self.schedule.is_none() {
            return Err(ScheduleError::NotScheduled);
        }
        if self.held_at.is_some() {
            return Err(ScheduleError::Held);
        }
        Ok(())
    }

    fn next_sequence(&self) -> u32 {
        if self.schedule.is_some() {
            self.sequence + 1
        } else {
            self.sequence
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cycle::{CycleState, Timeline};
    use crate::strategy::parse_date;

    fn cycle(state: CycleState) -> Cycle {
        let d = |s| parse_date(s).unwrap();
        Cycle {
            id: CycleId::new(),
            org_id: OrgId::new(),
            name: "MUS 2026".into(),
            intention: "x".into(),
            state,
            timeline: Timeline::new(
                d("2026-10-19"),
                d("2026-11-02"),
                d("2026-12-18"),
                vec![],
                d("2027-09-30"),
            )
            .unwrap(),
            focus_goals: vec![],
            question_set: None,
        }
    }

    fn schedule(c: &Cycle, at: &str, deadline: &str) -> Result<Schedule, ScheduleError> {
        Schedule::parse(
            c,
            at,
            "60",
            "Personalestuen",
            "",
            "Vi starter med sidste års aftale.",
            deadline,
        )
    }

    #[test]
    fn local_times_are_danish_times() {
        let winter = parse_local_time("2026-11-10T09:00").unwrap();
        assert_eq!(winter.to_rfc3339(), "2026-11-10T08:00:00+00:00");
        let summer = parse_local_time("2026-06-10T09:00").unwrap();
        assert_eq!(summer.to_rfc3339(), "2026-06-10T07:00:00+00:00");
        assert_eq!(
            parse_local_time("2026-03-29T02:30"),
            Err(ScheduleError::BadTime),
            "skipped hour"
        );
        assert_eq!(
            parse_local_time("10/11/2026 9:00"),
            Err(ScheduleError::BadTime)
        );
        assert_eq!(local_input(&winter), "2026-11-10T09:00");
    }

    #[test]
    fn schedules_are_checked_against_the_cycle() {
        let c = cycle(CycleState::Open);
        let ok = schedule(&c, "2026-11-10T09:00", "2026-11-06").unwrap();
        assert_eq!(ok.ends_at() - ok.starts_at, chrono::Duration::minutes(60));
        assert_eq!(
            schedule(&c, "2027-01-10T09:00", "2026-11-06"),
            Err(ScheduleError::OutsideWindow)
        );
        assert_eq!(
            schedule(&c, "2026-11-10T09:00", "2026-11-11"),
            Err(ScheduleError::DeadlineAfterStart)
        );
        assert_eq!(
            Schedule::parse(&c, "2026-11-10T09:00", "5", "Rum", "", "", "2026-11-06"),
            Err(ScheduleError::BadDuration)
        );
        assert_eq!(
            Schedule::parse(&c, "2026-11-10T09:00", "60", "", "", "", "2026-11-06"),
            Err(ScheduleError::NoPlace)
        );
        assert_eq!(
            Schedule::parse(
                &c,
                "2026-11-10T09:00",
                "60",
                "",
                "javascript:alert(1)",
                "",
                "2026-11-06"
            ),
            Err(ScheduleError::BadLink)
        );
        assert!(
            Schedule::parse(
                &c,
                "2026-11-10T09:00",
                "45",
                "",
                "https://meet.example/abc",
                "",
                "2026-11-06"
            )
            .unwrap()
            .video_link
            .is_some()
        );
    }

    #[test]
    fn rescheduling_raises_the_sequence_and_proposals_are_answered() {
        let c = cycle(CycleState::Open);
        let (employee, leader) = (PersonId::new(), PersonId::new());
        let fresh = Conversation::new(&c, employee, leader);
        assert_eq!(fresh.stage(Marks::default()), Stage::NotScheduled);
        assert_eq!(
            fresh.propose(&c, "2026-11-10T09:00", ""),
            Err(ScheduleError::NotScheduled)
        );
        let booked = fresh
            .schedule(&c, schedule(&c, "2026-11-10T09:00", "2026-11-06").unwrap())
            .unwrap();
        assert_eq!(
            (booked.stage(Marks::default()), booked.sequence),
            (Stage::Scheduled, 0)
        );
        let proposed = booked
            .propose(&c, "2026-11-12T13:00", "Jeg er på kursus den 10.")
            .unwrap();
        assert_eq!(
            proposed.sequence, 0,
            "a proposal does not change the appointment"
        );
        assert_eq!(
            proposed.propose(&c, "2027-02-01T13:00", ""),
            Err(ScheduleError::OutsideWindow)
        );
        let accepted = proposed.accept_proposal(&c).unwrap();
        assert_eq!(accepted.sequence, 1);
        assert_eq!(
            local_input(&accepted.schedule.as_ref().unwrap().starts_at),
            "2026-11-12T13:00"
        );
        assert!(accepted.proposal.is_none());
        assert_eq!(accepted.accept_proposal(&c), Err(ScheduleError::NoProposal));
        let cancelled = accepted.cancel(&c).unwrap();
        assert_eq!(
            (cancelled.stage(Marks::default()), cancelled.sequence),
            (Stage::Cancelled, 2)
        );
        assert_eq!(cancelled.cancel(&c), Err(ScheduleError::Cancelled));
        let again = cancelled
            .schedule(&c, schedule(&c, "2026-11-20T09:00", "2026-11-16").unwrap())
            .unwrap();
        assert_eq!(
            (again.stage(Marks::default()), again.sequence),
            (Stage::Scheduled, 3)
        );
        let closed = cycle(CycleState::Closed);
        assert_eq!(
            fresh.schedule(
                &closed,
                schedule(&c, "2026-11-10T09:00", "2026-11-06").unwrap()
            ),
            Err(ScheduleError::CycleNotOpen)
        );
    }

    #[test]
    fn the_stage_runs_from_scheduled_to_agreed_and_holding_waits_for_the_day() {
        let c = cycle(CycleState::Open);
        let booked = Conversation::new(&c, PersonId::new(), PersonId::new())
            .schedule(&c, schedule(&c, "2026-11-10T09:00", "2026-11-06").unwrap())
            .unwrap();
        let prepared = Marks {
            prepared: true,
            agreed: false,
        };
        assert_eq!(booked.stage(prepared), Stage::Preparing);
        let day_before = parse_local_time("2026-11-09T23:59").unwrap();
        assert_eq!(booked.hold(&c, day_before), Err(ScheduleError::NotYet));
        let same_day_early = parse_local_time("2026-11-10T08:00").unwrap();
        let held = booked.hold(&c, same_day_early).unwrap();
        assert_eq!(held.stage(prepared), Stage::Held);
        let agreed = Marks {
            prepared: true,
            agreed: true,
        };
        assert_eq!(held.stage(agreed), Stage::Agreed);
        assert_eq!(held.hold(&c, same_day_early), Err(ScheduleError::Held));
        assert_eq!(held.cancel(&c), Err(ScheduleError::Held));
        assert_eq!(
            held.schedule(&c, schedule(&c, "2026-11-12T09:00", "2026-11-06").unwrap()),
            Err(ScheduleError::Held),
            "a held conversation is not moved"
        );
    }
}
