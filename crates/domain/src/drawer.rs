//! The drawer detector: an agreement must not end in a drawer. A signed agreement is going
//! stale when an action is overdue or nothing has happened on it for a while; after a further
//! period its leader's own leader sees it too. When the organisation's own commitments are
//! overdue, it escalates at once to the leader's leader and to HR: the employee's development
//! must not stall on the organisation. An agreement leaves the drawer when its employee signs
//! the next one ([`LatestSigned`]).

use crate::agreement::{Progress, Terms};
use crate::conversation::TIME_ZONE;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use std::collections::HashMap;
use std::hash::Hash;

/// How long an organisation lets an agreement rest before it counts as going stale, and how
/// much longer before the leader's own leader is told.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Patience {
    pub stale_after_days: u32,
    pub escalate_after_days: u32,
}

impl Default for Patience {
    fn default() -> Self {
        Patience {
            stale_after_days: 60,
            escalate_after_days: 30,
        }
    }
}

/// What the detector finds on one signed agreement.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Health {
    /// The employee's (and any named owner's) actions past their date and not done or dropped.
    pub overdue_actions: usize,
    /// The organisation's commitments past their date and not done or dropped.
    pub overdue_commitments: usize,
    /// Days since the oldest overdue action was due (0 when none is).
    pub overdue_days: i64,
    /// Days since anything happened on the agreement.
    pub quiet_days: i64,
    /// Going stale: something is overdue, or it has been quiet too long.
    pub stale: bool,
    /// The leader's own leader should see it: stale for the further period, or the
    /// organisation's side is overdue.
    pub escalated: bool,
    /// Every action and commitment is done or dropped: the agreement is fulfilled, not
    /// forgotten, however quiet it is.
    pub complete: bool,
}

impl Health {
    /// How urgent it is, for sorting lists: the organisation's own failures first, then the
    /// longest overdue, then the longest quiet.
    pub fn urgency(&self) -> (bool, bool, i64, i64) {
        (
            self.overdue_commitments > 0,
            self.stale,
            self.overdue_days,
            self.quiet_days,
        )
    }
}

fn open(progress: Progress) -> bool {
    matches!(progress, Progress::Planned | Progress::Started)
}

/// What is still to be done on an agreement, whatever the day: kept with the agreement, so that
/// the agreements going stale on any day can be found without reading a document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Outstanding {
    /// Actions and commitments still planned or started.
    pub open: usize,
    /// The earliest date of an open action.
    pub first_action_due: Option<NaiveDate>,
    /// The earliest date of an open commitment of the organisation.
    pub first_commitment_due: Option<NaiveDate>,
}

impl Outstanding {
    pub fn of(terms: &Terms) -> Outstanding {
        let actions = terms.goals.iter().flat_map(|g| g.actions.iter());
        let commitments = terms.commitments.iter();
        Outstanding {
            open: actions.clone().filter(|a| open(a.progress)).count()
                + commitments.clone().filter(|c| open(c.progress)).count(),
            first_action_due: actions.filter(|a| open(a.progress)).map(|a| a.due).min(),
            first_commitment_due: commitments
                .filter(|c| open(c.progress))
                .filter_map(|c| c.due)
                .min(),
        }
    }
}

/// What an agreement's actions and commitments say on a given day: all the detector needs of
/// its document, so that storage can count it without reading the document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pulse {
    /// Actions and commitments still planned or started.
    pub open: usize,
    /// Open actions (the employee's and any named owner's) past their date.
    pub overdue_actions: usize,
    /// Open commitments of the organisation past their date.
    pub overdue_commitments: usize,
    /// The date of the longest overdue open action.
    pub oldest_overdue_action: Option<NaiveDate>,
}

impl Pulse {
    /// The terms counted on `today`.
    pub fn of(terms: &Terms, today: NaiveDate) -> Pulse {
        let actions = terms.goals.iter().flat_map(|g| g.actions.iter());
        let overdue: Vec<NaiveDate> = actions
            .filter(|a| open(a.progress) && a.due < today)
            .map(|a| a.due)
            .collect();
        Pulse {
            open: Outstanding::of(terms).open,
            overdue_actions: overdue.len(),
            overdue_commitments: terms
                .commitments
                .iter()
                .filter(|c| open(c.progress) && c.due.is_some_and(|d| d < today))
                .count(),
            oldest_overdue_action: overdue.into_iter().min(),
        }
    }
}

/// Assesses a signed agreement on `today`, given when anything last happened on it.
pub fn assess(
    terms: &Terms,
    last_activity: DateTime<Utc>,
    today: NaiveDate,
    patience: Patience,
) -> Health {
    judge(Pulse::of(terms, today), last_activity, today, patience)
}

/// Assesses a signed agreement from its [`Pulse`] on `today`.
pub fn judge(
    pulse: Pulse,
    last_activity: DateTime<Utc>,
    today: NaiveDate,
    patience: Patience,
) -> Health {
    let quiet_days = (today - last_activity.date_naive()).num_days().max(0);
    let complete = pulse.open == 0;
    let quiet_too_long = !complete && quiet_days > i64::from(patience.stale_after_days);
    let stale = quiet_too_long || pulse.overdue_actions > 0 || pulse.overdue_commitments > 0;
    // The further period runs from when it went stale: from the overdue date or the end of
    // the quiet allowance, whichever came first.
    let overdue_days = pulse
        .oldest_overdue_action
        .map_or(0, |due| (today - due).num_days());
    let quiet_beyond = quiet_days - i64::from(patience.stale_after_days);
    let stale_since_days = overdue_days.max(quiet_beyond);
    let escalated = pulse.overdue_commitments > 0
        || (stale && stale_since_days > i64::from(patience.escalate_after_days));
    Health {
        overdue_actions: pulse.overdue_actions,
        overdue_commitments: pulse.overdue_commitments,
        overdue_days,
        quiet_days,
        stale,
        escalated,
        complete,
    }
}

/// How many days the two parties have to sign the agreement once the conversation is held:
/// an agreement never signed is in the drawer before it starts.
pub const SIGN_WITHIN_DAYS: i64 = 14;

/// The days since a conversation was held, when its agreement has waited too long for both
/// signatures.
pub fn unsigned_too_long(held_at: DateTime<Utc>, today: NaiveDate) -> Option<i64> {
    let days = (today - held_at.with_timezone(&TIME_ZONE).date_naive()).num_days();
    (days > SIGN_WITHIN_DAYS).then_some(days)
}

/// The moment before which a conversation must have been held for its agreement to have waited
/// too long on `today` ([`unsigned_too_long`] as a bound a database can compare with).
pub fn unsigned_since(today: NaiveDate) -> DateTime<Utc> {
    let first_day_in_time = today - chrono::Days::new(SIGN_WITHIN_DAYS as u64);
    let midnight = first_day_in_time.and_hms_opt(0, 0, 0).unwrap_or_default();
    // Midnight is never skipped or repeated in Copenhagen (the clocks change at 2 and 3).
    TIME_ZONE
        .from_local_datetime(&midnight)
        .earliest()
        .map_or_else(|| midnight.and_utc(), |t| t.with_timezone(&Utc))
}

/// The cycle of each employee's latest signed agreement, by the day its conversations began.
/// A conversation of an earlier cycle is superseded: the later conversation opened with its
/// agreement and renegotiated the contract, so what was left open on it, or never signed, was
/// taken up there. It is out of the drawer (its cycle's effect figures still count it).
pub struct LatestSigned<P>(HashMap<P, NaiveDate>);

impl<P: Eq + Hash + Copy> LatestSigned<P> {
    /// From each signed agreement's employee and the day its cycle's conversations began.
    pub fn of(signed: impl IntoIterator<Item = (P, NaiveDate)>) -> LatestSigned<P> {
        let mut latest: HashMap<P, NaiveDate> = HashMap::new();
        for (employee, began) in signed {
            let last = latest.entry(employee).or_insert(began);
            *last = (*last).max(began);
        }
        LatestSigned(latest)
    }

    /// Whether a conversation of `employee` in the cycle begun on `began` is superseded.
    pub fn supersedes(&self, employee: P, began: NaiveDate) -> bool {
        self.0.get(&employee).is_some_and(|latest| *latest > began)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agreement::{Action, Commitment, DevGoal, GoalText};
    use crate::ids::{GoalId, ItemId, PersonId};
    use crate::strategy::parse_date;
    use chrono::TimeZone;

    fn day(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn terms(action_due: &str, action: Progress, commitment_due: Option<&str>) -> Terms {
        let owner = PersonId::new();
        let mut a = Action::read("Kursus", "course", owner, action_due).unwrap();
        a.progress = action;
        let mut c = Commitment::read(
            "Kursusplads",
            "course-place",
            owner,
            commitment_due.unwrap_or(""),
        )
        .unwrap();
        c.progress = Progress::Planned;
        Terms {
            goals: vec![DevGoal {
                id: ItemId::new(),
                text: GoalText::read("Mål", "Effekt", "high", vec![GoalId::new()], vec![]).unwrap(),
                actions: vec![a],
            }],
            commitments: vec![c],
        }
    }

    fn at(s: &str) -> DateTime<Utc> {
        Utc.from_utc_datetime(&day(s).and_hms_opt(12, 0, 0).unwrap())
    }

    #[test]
    fn the_bound_for_unsigned_agreements_agrees_with_the_day_count() {
        for today in ["2026-03-29", "2026-06-15", "2026-10-25", "2026-12-31"].map(day) {
            let bound = unsigned_since(today);
            for minutes in -3000..3000 {
                let held = bound + chrono::Duration::minutes(minutes);
                assert_eq!(
                    unsigned_too_long(held, today).is_some(),
                    held < bound,
                    "{today} {held}"
                );
            }
        }
    }

    #[test]
    fn a_busy_agreement_on_time_is_fresh() {
        let h = assess(
            &terms("2027-03-01", Progress::Started, None),
            at("2026-12-01"),
            day("2026-12-10"),
            Patience::default(),
        );
        assert!(!h.stale && !h.escalated);
        assert_eq!(h.quiet_days, 9);
    }

    #[test]
    fn overdue_or_quiet_goes_stale_and_later_up_a_level() {
        let p = Patience::default();
        let overdue = assess(
            &terms("2026-12-01", Progress::Planned, None),
            at("2026-11-28"),
            day("2026-12-10"),
            p,
        );
        assert!(overdue.stale && !overdue.escalated);
        assert_eq!(overdue.overdue_actions, 1);
        let long_overdue = assess(
            &terms("2026-10-01", Progress::Started, None),
            at("2026-11-28"),
            day("2026-12-10"),
            p,
        );
        assert!(
            long_overdue.escalated,
            "70 days overdue is beyond the further 30"
        );
        let done = assess(
            &terms("2026-10-01", Progress::Done, None),
            at("2026-11-28"),
            day("2026-12-10"),
            p,
        );
        assert!(!done.stale, "done actions are not overdue");
        let mut fulfilled = terms("2026-10-01", Progress::Done, None);
        fulfilled.commitments[0].progress = Progress::Done;
        let long_done = assess(&fulfilled, at("2026-01-01"), day("2026-12-10"), p);
        assert!(
            !long_done.stale && long_done.complete,
            "a fulfilled agreement is not in a drawer"
        );
        let quiet = assess(
            &terms("2027-06-01", Progress::Planned, None),
            at("2026-09-01"),
            day("2026-11-15"),
            p,
        );
        assert!(
            quiet.stale && !quiet.escalated,
            "75 quiet days: stale, 15 days into the further period"
        );
        let very_quiet = assess(
            &terms("2027-06-01", Progress::Planned, None),
            at("2026-08-01"),
            day("2026-11-15"),
            p,
        );
        assert!(very_quiet.escalated);
    }

    #[test]
    fn the_organisations_overdue_promises_escalate_at_once() {
        let h = assess(
            &terms("2027-06-01", Progress::Planned, Some("2026-12-01")),
            at("2026-12-05"),
            day("2026-12-06"),
            Patience::default(),
        );
        assert_eq!(h.overdue_commitments, 1);
        assert!(h.stale && h.escalated);
        assert!(
            h.urgency()
                > assess(
                    &terms("2026-01-01", Progress::Planned, None),
                    at("2026-01-01"),
                    day("2026-12-06"),
                    Patience::default()
                )
                .urgency()
        );
    }

    #[test]
    fn an_agreement_left_unsigned_for_two_weeks_is_a_drawer_case() {
        let held = at("2026-11-02");
        assert_eq!(unsigned_too_long(held, day("2026-11-16")), None);
        assert_eq!(unsigned_too_long(held, day("2026-11-17")), Some(15));
    }

    #[test]
    fn only_a_later_cycle_s_signed_agreement_of_the_same_employee_supersedes() {
        let day = |d: &str| parse_date(d).unwrap();
        let latest = LatestSigned::of([
            ("lane", day("2024-09-01")),
            ("lane", day("2026-09-01")),
            ("lane", day("2025-09-01")),
            ("ali", day("2025-09-01")),
        ]);
        let superseded = |who, began| latest.supersedes(who, day(began));
        assert!(superseded("lane", "2025-09-01") && superseded("lane", "2024-09-01"));
        assert!(!superseded("lane", "2026-09-01"), "the latest is current");
        // Unsigned conversations too; the same cycle or a later one is not superseded.
        assert!(superseded("ali", "2024-09-01"));
        assert!(!superseded("ali", "2025-09-01") && !superseded("ali", "2026-09-01"));
        assert!(
            !superseded("emma", "2020-09-01"),
            "nothing signed, nothing superseded"
        );
    }
}
