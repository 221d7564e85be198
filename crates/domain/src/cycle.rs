//! The yearly cycle (*MUS-runde*, *årshjul*): the leadership's intention for the year's
//! conversations, the strategic goals in focus, the timeline, and each leader's framing of the
//! intention for their own unit.

use crate::access::Actor;
use crate::ids::{CycleId, GoalId, OrgId, QuestionSetId, UnitId};
use crate::strategy::{GoalStatus, GoalTree};
use chrono::NaiveDate;
use std::fmt;
use std::str::FromStr;

/// Where a cycle stands. Draft: the leadership prepares it, only they see it. Open: leaders
/// frame it, conversations are scheduled and held. Closed: read-only history.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CycleState {
    Draft,
    Open,
    Closed,
}

impl CycleState {
    pub fn as_str(self) -> &'static str {
        match self {
            CycleState::Draft => "draft",
            CycleState::Open => "open",
            CycleState::Closed => "closed",
        }
    }
}

impl fmt::Display for CycleState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for CycleState {
    type Err = CycleError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "draft" => Ok(CycleState::Draft),
            "open" => Ok(CycleState::Open),
            "closed" => Ok(CycleState::Closed),
            _ => Err(CycleError::UnknownState),
        }
    }
}

/// The dates of a cycle, in order by construction: preparation opens, conversations are held
/// in a window, agreements are followed up on the follow-up dates, and the cycle is evaluated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeline {
    preparation_opens: NaiveDate,
    conversations_from: NaiveDate,
    conversations_to: NaiveDate,
    follow_ups: Vec<NaiveDate>,
    evaluation: NaiveDate,
}

impl Timeline {
    pub fn new(
        preparation_opens: NaiveDate,
        conversations_from: NaiveDate,
        conversations_to: NaiveDate,
        mut follow_ups: Vec<NaiveDate>,
        evaluation: NaiveDate,
    ) -> Result<Timeline, CycleError> {
        follow_ups.sort();
        follow_ups.dedup();
        let in_order = preparation_opens <= conversations_from
            && conversations_from <= conversations_to
            && follow_ups
                .first()
                .is_none_or(|first| conversations_to <= *first)
            && follow_ups.last().copied().unwrap_or(conversations_to) <= evaluation;
        if !in_order {
            return Err(CycleError::TimelineOrder);
        }
        Ok(Timeline {
            preparation_opens,
            conversations_from,
            conversations_to,
            follow_ups,
            evaluation,
        })
    }

    pub fn preparation_opens(&self) -> NaiveDate {
        self.preparation_opens
    }
    pub fn conversations_from(&self) -> NaiveDate {
        self.conversations_from
    }
    pub fn conversations_to(&self) -> NaiveDate {
        self.conversations_to
    }
    pub fn follow_ups(&self) -> &[NaiveDate] {
        &self.follow_ups
    }
    pub fn evaluation(&self) -> NaiveDate {
        self.evaluation
    }
}

/// A cycle. Focus goals are never empty once the cycle is open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cycle {
    pub id: CycleId,
    pub org_id: OrgId,
    pub name: String,
    /// The answer to "What should MUS contribute to here this year?".
    pub intention: String,
    pub state: CycleState,
    pub timeline: Timeline,
    pub focus_goals: Vec<GoalId>,
    /// The question set people prepare with; its newest version when preparation starts.
    pub question_set: Option<QuestionSetId>,
}

/// What the leadership decides for a cycle: everything but its identity and state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CyclePlan {
    pub name: String,
    pub intention: String,
    pub timeline: Timeline,
    pub focus_goals: Vec<GoalId>,
    pub question_set: Option<QuestionSetId>,
}

impl CyclePlan {
    /// A new draft cycle with this plan.
    pub fn into_draft(self, org_id: OrgId) -> Cycle {
        Cycle {
            id: CycleId::new(),
            org_id,
            name: self.name,
            intention: self.intention,
            state: CycleState::Draft,
            timeline: self.timeline,
            focus_goals: self.focus_goals,
            question_set: self.question_set,
        }
    }
}

/// A leader's framing of the cycle for one unit: how the intention and the focus goals apply
/// to their people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Framing {
    pub cycle_id: CycleId,
    pub unit_id: UnitId,
    pub text: String,
}

/// Why a cycle change was refused. Each has a translated message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CycleError {
    #[error("the cycle needs a name")]
    EmptyName,
    #[error("the cycle needs an intention")]
    EmptyIntention,
    #[error("text is too long")]
    TooLong,
    #[error("the dates are not in order")]
    TimelineOrder,
    #[error("not a date")]
    BadDate,
    #[error("unknown state")]
    UnknownState,
    #[error("a cycle needs at least one strategic goal in focus")]
    NoFocusGoals,
    #[error("a focus goal is not a live goal of this organisation")]
    UnusableGoal,
    #[error("the intention and focus goals are fixed once the cycle is open")]
    NotDraft,
    #[error("a closed cycle cannot change")]
    Closed,
    #[error("another cycle is already open")]
    AnotherOpen,
    #[error("that change of state is not possible")]
    Transition,
    #[error("you may only frame units you lead")]
    NotYourUnit,
    #[error("framing is written while the cycle is open")]
    NotOpen,
    #[error("the question set is not one of this organisation's")]
    UnknownQuestionSet,
    #[error("another cycle already has this name")]
    NameTaken,
}

impl CycleError {
    pub fn message_key(self) -> &'static str {
        match self {
            CycleError::EmptyName => "error-cycle-name-empty",
            CycleError::EmptyIntention => "error-cycle-intention-empty",
            CycleError::TooLong => "error-too-long",
            CycleError::TimelineOrder => "error-cycle-timeline-order",
            CycleError::BadDate => "error-bad-date",
            CycleError::UnknownState => "error-cycle-state",
            CycleError::NoFocusGoals => "error-cycle-no-focus",
            CycleError::UnusableGoal => "error-cycle-goal",
            CycleError::NotDraft => "error-cycle-not-draft",
            CycleError::Closed => "error-cycle-closed",
            CycleError::AnotherOpen => "error-cycle-another-open",
            CycleError::Transition => "error-cycle-transition",
            CycleError::NotYourUnit => "error-framing-not-your-unit",
            CycleError::NotOpen => "error-framing-not-open",
            CycleError::UnknownQuestionSet => "error-cycle-question-set",
            CycleError::NameTaken => "error-cycle-name-taken",
        }
    }
}

/// A cycle's name and intention, validated.
pub fn cycle_text(name: &str, intention: &str) -> Result<(String, String), CycleError> {
    let (name, intention) = (name.trim(), intention.trim());
    if name.is_empty() {
        return Err(CycleError::EmptyName);
    }
    if intention.is_empty() {
        return Err(CycleError::EmptyIntention);
    }
    if name.chars().count() > 200 || intention.chars().count() > 5000 {
        return Err(CycleError::TooLong);
    }
    Ok((name.to_owned(), intention.to_owned()))
}

/// Focus goals must be active goals of the organisation (not achieved, dropped or retired),
/// given once each.
pub fn check_focus(goals: &GoalTree, focus: &[GoalId]) -> Result<Vec<GoalId>, CycleError> {
    let mut focus = focus.to_vec();
    focus.sort();
    focus.dedup();
    if focus.iter().any(|id| {
        goals
            .get(*id)
            .is_none_or(|g| g.retired || g.status != GoalStatus::Active)
    }) {
        return Err(CycleError::UnusableGoal);
    }
    Ok(focus)
}

impl Cycle {
    /// Checks that no other of the organisation's cycles has this name (ignoring case).
    pub fn name_free(
        name: &str,
        others: &[Cycle],
        except: Option<CycleId>,
    ) -> Result<(), CycleError> {
        let wanted = name.trim().to_lowercase();
        if others
            .iter()
            .any(|c| Some(c.id) != except && c.name.to_lowercase() == wanted)
        {
            return Err(CycleError::NameTaken);
        }
        Ok(())
    }

    /// Applies an edit. A draft may change everything; an open cycle its name and dates (the
    /// intention and focus stay as the leaders framed them); a closed cycle nothing.
    pub fn edit(&self, plan: CyclePlan) -> Result<Cycle, CycleError> {
        match self.state {
            CycleState::Closed => Err(CycleError::Closed),
            CycleState::Open
                if plan.intention != self.intention || plan.focus_goals != self.focus_goals =>
            {
                Err(CycleError::NotDraft)
            }
            CycleState::Draft | CycleState::Open => Ok(Cycle {
                name: plan.name,
                intention: plan.intention,
                timeline: plan.timeline,
                focus_goals: plan.focus_goals,
                question_set: plan.question_set,
                ..self.clone()
            }),
        }
    }

    /// Moves the cycle on: draft → open (with focus goals, and no other cycle open), open →
    /// closed.
    pub fn transition(&self, to: CycleState, another_open: bool) -> Result<Cycle, CycleError> {
        match (self.state, to) {
            (CycleState::Draft, CycleState::Open) => {
                if self.focus_goals.is_empty() {
                    return Err(CycleError::NoFocusGoals);
                }
                if another_open {
                    return Err(CycleError::AnotherOpen);
                }
            }
            (CycleState::Open, CycleState::Closed) => {}
            _ => return Err(CycleError::Transition),
        }
        Ok(Cycle {
            state: to,
            ..self.clone()
        })
    }

    /// Whether this user may see the cycle at all: drafts are for those who keep the strategy.
    pub fn visible_to(&self, actor: &Actor) -> bool {
        self.org_id == actor.org_id && (self.state != CycleState::Draft || actor.keeps_strategy())
    }

    /// Checks that `actor` may write the framing for `unit` now.
    pub fn check_framing(&self, actor: &Actor, unit: UnitId) -> Result<(), CycleError> {
        if self.state != CycleState::Open {
            return Err(CycleError::NotOpen);
        }
        if !actor.led_units.contains(&unit) {
            return Err(CycleError::NotYourUnit);
        }
        Ok(())
    }
}

/// The cycles that have reached their conversations (not drafts), newest first: the order of
/// every page that compares cycles.
pub fn newest_first(mut cycles: Vec<Cycle>) -> Vec<Cycle> {
    cycles.retain(|c| c.state != CycleState::Draft);
    cycles.sort_by_key(|c| std::cmp::Reverse(c.timeline.conversations_from()));
    cycles
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::PersonId;
    use crate::role::GrantedRoles;
    use crate::strategy::{GoalStatus, Period, StrategicGoal, parse_date};

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn timeline() -> Timeline {
        Timeline::new(
            d("2026-09-01"),
            d("2026-09-15"),
            d("2026-11-30"),
            vec![d("2027-05-01"), d("2027-02-01")],
            d("2027-08-31"),
        )
        .unwrap()
    }

    fn cycle(state: CycleState, focus: Vec<GoalId>) -> Cycle {
        Cycle {
            id: CycleId::new(),
            org_id: OrgId(uuid::Uuid::nil()),
            name: "MUS 2026".into(),
            intention: "Forældredialog".into(),
            state,
            timeline: timeline(),
            focus_goals: focus,
            question_set: None,
        }
    }

    fn plan(name: String, intention: String, focus: Vec<GoalId>) -> CyclePlan {
        CyclePlan {
            name,
            intention,
            timeline: timeline(),
            focus_goals: focus,
            question_set: None,
        }
    }

    #[test]
    fn timelines_run_forwards() {
        assert_eq!(
            timeline().follow_ups(),
            [d("2027-02-01"), d("2027-05-01")],
            "follow-ups are sorted"
        );
        let backwards = Timeline::new(
            d("2026-10-01"),
            d("2026-09-15"),
            d("2026-11-30"),
            vec![],
            d("2027-08-31"),
        );
        assert_eq!(backwards, Err(CycleError::TimelineOrder));
        let early_follow_up = Timeline::new(
            d("2026-09-01"),
            d("2026-09-15"),
            d("2026-11-30"),
            vec![d("2026-10-01")],
            d("2027-08-31"),
        );
        assert_eq!(early_follow_up, Err(CycleError::TimelineOrder));
        let late_follow_up = Timeline::new(
            d("2026-09-01"),
            d("2026-09-15"),
            d("2026-11-30"),
            vec![d("2027-09-01")],
            d("2027-08-31"),
        );
        assert_eq!(late_follow_up, Err(CycleError::TimelineOrder));
        assert_eq!(cycle_text(" ", "x"), Err(CycleError::EmptyName));
        assert_eq!(cycle_text("x", " "), Err(CycleError::EmptyIntention));
    }

    #[test]
    fn states_allow_what_they_should() {
        let goal = GoalId::new();
        let draft = cycle(CycleState::Draft, vec![]);
        assert_eq!(
            draft.transition(CycleState::Open, false),
            Err(CycleError::NoFocusGoals)
        );
        let draft = cycle(CycleState::Draft, vec![goal]);
        assert_eq!(
            draft.transition(CycleState::Open, true),
            Err(CycleError::AnotherOpen)
        );
        assert_eq!(
            draft.transition(CycleState::Closed, false),
            Err(CycleError::Transition)
        );
        let open = draft.transition(CycleState::Open, false).unwrap();
        assert_eq!(
            open.edit(plan(
                "MUS 2026/27".into(),
                open.intention.clone(),
                vec![goal]
            ))
            .unwrap()
            .name,
            "MUS 2026/27"
        );
        assert_eq!(
            open.edit(plan(open.name.clone(), "Noget andet".into(), vec![goal])),
            Err(CycleError::NotDraft)
        );
        assert_eq!(
            open.edit(plan(open.name.clone(), open.intention.clone(), vec![])),
            Err(CycleError::NotDraft)
        );
        let closed = open.transition(CycleState::Closed, false).unwrap();
        assert_eq!(
            closed.edit(plan(
                closed.name.clone(),
                closed.intention.clone(),
                vec![goal]
            )),
            Err(CycleError::Closed)
        );
        assert_eq!(
            closed.transition(CycleState::Open, false),
            Err(CycleError::Transition)
        );
    }

    #[test]
    fn drafts_are_hidden_and_framing_is_for_a_units_leader() {
        let org = OrgId(uuid::Uuid::nil());
        let unit = UnitId::new();
        let employee = Actor {
            person_id: PersonId::new(),
            org_id: org,
            granted: GrantedRoles::default(),
            led_units: vec![],
        };
        let leader = Actor {
            led_units: vec![unit],
            ..employee.clone()
        };
        let hr = Actor {
            granted: GrantedRoles {
                hr: true,
                ..Default::default()
            },
            ..employee.clone()
        };
        let draft = cycle(CycleState::Draft, vec![]);
        assert!(
            !draft.visible_to(&employee) && !draft.visible_to(&leader) && draft.visible_to(&hr)
        );
        assert_eq!(draft.check_framing(&leader, unit), Err(CycleError::NotOpen));
        let open = cycle(CycleState::Open, vec![GoalId::new()]);
        assert!(open.visible_to(&employee));
        assert_eq!(open.check_framing(&leader, unit), Ok(()));
        assert_eq!(
            open.check_framing(&leader, UnitId::new()),
            Err(CycleError::NotYourUnit)
        );
        assert_eq!(open.check_framing(&hr, unit), Err(CycleError::NotYourUnit));
        let stranger = Actor {
            org_id: OrgId::new(),
            ..hr
        };
        assert!(!open.visible_to(&stranger));
    }

    #[test]
    fn focus_goals_must_be_live() {
        let org = OrgId::new();
        let mk = |retired| StrategicGoal {
            id: GoalId::new(),
            org_id: org,
            parent_id: None,
            unit_id: UnitId::new(),
            title: "G".into(),
            description: String::new(),
            period: Period::new(d("2026-01-01"), d("2026-12-31")).unwrap(),
            status: GoalStatus::Active,
            retired,
        };
        let (live, old) = (mk(false), mk(true));
        let (live_id, old_id) = (live.id, old.id);
        let goals = GoalTree::new(vec![live, old]);
        assert_eq!(check_focus(&goals, &[live_id, live_id]), Ok(vec![live_id]));
        assert_eq!(
            check_focus(&goals, &[old_id]),
            Err(CycleError::UnusableGoal)
        );
        assert_eq!(
            check_focus(&goals, &[GoalId::new()]),
            Err(CycleError::UnusableGoal)
        );
    }
}
