//! The development agreement (*udviklingsaftale*): development goals tied to the strategic goals
//! and to competences, each with a success criterion and actions; and the organisation's
//! commitments that make them possible. Both parties sign it. Once signed, a change is an
//! amendment that the other party accepts or rejects; the agreement keeps every amendment with
//! who proposed it, who answered, and when, so nothing agreed is ever overwritten.

use crate::ids::{CompetenceId, ConversationId, GoalId, ItemId, PersonId};
use crate::preparation::Side;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

macro_rules! choice {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl std::str::FromStr for $name {
            type Err = AgreementError;
            fn from_str(s: &str) -> Result<Self, AgreementError> {
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == s)
                    .ok_or(AgreementError::BadChoice)
            }
        }
    };
}

choice!(
    /// How much a development goal weighs against the others.
    Priority { High = "high", Medium = "medium", Low = "low" }
);

choice!(
    /// What kind of step an action is.
    ActionKind {
        Course = "course",
        OnTheJob = "on-the-job",
        Mentoring = "mentoring",
        Project = "project",
        Other = "other",
    }
);

choice!(
    /// What the organisation puts in.
    CommitmentKind {
        Time = "time",
        Budget = "budget",
        CoursePlace = "course-place",
        Assignment = "assignment",
        Mentor = "mentor",
        Other = "other",
    }
);

choice!(
    /// How an action or a commitment stands.
    Progress {
        Planned = "planned",
        Started = "started",
        Done = "done",
        Dropped = "dropped",
    }
);

/// A step towards a development goal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    pub id: ItemId,
    pub text: String,
    pub kind: ActionKind,
    pub owner: PersonId,
    pub due: NaiveDate,
    pub progress: Progress,
}

/// What a development goal says, without its actions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoalText {
    pub title: String,
    /// "What effect do we expect?"
    pub success: String,
    pub priority: Priority,
    /// The red thread: at least one strategic goal.
    pub strategic_goals: Vec<GoalId>,
    pub competences: Vec<CompetenceId>,
}

/// One development goal of the agreement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DevGoal {
    pub id: ItemId,
    #[serde(flatten)]
    pub text: GoalText,
    pub actions: Vec<Action>,
}

/// Something the organisation does so that the employee can reach their goals.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Commitment {
    pub id: ItemId,
    pub text: String,
    pub kind: CommitmentKind,
    /// The leader, or someone they name.
    pub owner: PersonId,
    pub due: Option<NaiveDate>,
    pub progress: Progress,
}

/// What the two parties agree on.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Terms {
    pub goals: Vec<DevGoal>,
    pub commitments: Vec<Commitment>,
}

/// One change to the terms. Before signing it is applied at once; after, it is proposed as
/// an amendment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Edit {
    AddGoal(GoalText),
    ChangeGoal(usize, GoalText),
    RemoveGoal(usize),
    AddAction(usize, Action),
    RemoveAction(usize, usize),
    AddCommitment(Commitment),
    RemoveCommitment(usize),
}

/// How an amendment was answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    Accepted,
    Rejected,
    /// Taken back by the party who proposed it.
    Withdrawn,
}

/// A change proposed after signing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Amendment {
    pub by: Side,
    pub at: DateTime<Utc>,
    pub edit: Edit,
    /// The terms the amendment was proposed against, kept for the record.
    pub before: Terms,
    pub answer: Option<(Decision, DateTime<Utc>)>,
}

/// A conversation's development agreement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agreement {
    pub conversation_id: ConversationId,
    pub terms: Terms,
    pub employee_signed: Option<DateTime<Utc>>,
    pub leader_signed: Option<DateTime<Utc>>,
    pub amendments: Vec<Amendment>,
    pub revision: u32,
}

/// Why a step on the agreement was refused. Each has a translated message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AgreementError {
    #[error("not one of the choices")]
    BadChoice,
    #[error("the goal needs a title")]
    TitleMissing,
    #[error("the goal needs a success criterion")]
    SuccessMissing,
    #[error("link the goal to at least one strategic goal")]
    NoStrategicGoal,
    #[error("the text is missing")]
    TextMissing,
    #[error("text is too long")]
    TooLong,
    #[error("not a date")]
    BadDate,
    #[error("too many goals, actions or commitments")]
    TooMany,
    #[error("that item is no longer there")]
    NoSuchItem,
    #[error("the agreement was changed by the other party meanwhile")]
    Stale,
    #[error("an amendment is waiting for an answer")]
    AmendmentPending,
    #[error("there is no amendment to answer")]
    NoAmendment,
    #[error("the other party answers an amendment")]
    OwnAmendment,
    #[error("the agreement is signed once the conversation is held")]
    NotHeld,
    #[error("add at least one development goal before signing")]
    Empty,
    #[error("already signed")]
    AlreadySigned,
}

impl AgreementError {
    pub fn message_key(self) -> &'static str {
        match self {
            AgreementError::BadChoice => "error-bad-form",
            AgreementError::TitleMissing => "error-agreement-title",
            AgreementError::SuccessMissing => "error-agreement-success",
            AgreementError::NoStrategicGoal => "error-agreement-no-goal",
            AgreementError::TextMissing => "error-agreement-text",
            AgreementError::TooLong => "error-too-long",
            AgreementError::BadDate => "error-bad-date",
            AgreementError::TooMany => "error-agreement-too-many",
            AgreementError::NoSuchItem => "error-agreement-stale",
            AgreementError::Stale => "error-agreement-stale",
            AgreementError::AmendmentPending => "error-agreement-pending",
            AgreementError::NoAmendment => "error-agreement-no-amendment",
            AgreementError::OwnAmendment => "error-agreement-own-amendment",
            AgreementError::NotHeld => "error-agreement-not-held",
            AgreementError::Empty => "error-agreement-empty",
            AgreementError::AlreadySigned => "error-agreement-signed",
        }
    }

    /// Refusals because the agreement moved on under the user, rather than bad input.
    pub fn is_conflict(self) -> bool {
        matches!(
            self,
            AgreementError::Stale
                | AgreementError::NoSuchItem
                | AgreementError::AmendmentPending
                | AgreementError::NoAmendment
                | AgreementError::AlreadySigned
        )
    }
}

const MAX_GOALS: usize = 10;
const MAX_ACTIONS: usize = 20;
const MAX_COMMITMENTS: usize = 20;

fn text(raw: &str, max: usize, missing: AgreementError) -> Result<String, AgreementError> {
    let text = raw.trim();
    if text.is_empty() {
        Err(missing)
    } else if text.chars().count() > max {
        Err(AgreementError::TooLong)
    } else {
        Ok(text.to_owned())
    }
}

/// A date as typed in `<input type=date>`.
pub fn parse_due(raw: &str) -> Result<NaiveDate, AgreementError> {
    NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").map_err(|_| AgreementError::BadDate)
}

impl GoalText {
    pub fn read(
        title: &str,
        success: &str,
        priority: &str,
        mut strategic_goals: Vec<GoalId>,
        mut competences: Vec<CompetenceId>,
    ) -> Result<GoalText, AgreementError> {
        strategic_goals.sort();
        strategic_goals.dedup();
        competences.sort();
        competences.dedup();
        let title = text(title, 200, AgreementError::TitleMissing)?;
        let success = text(success, 2000, AgreementError::SuccessMissing)?;
        if strategic_goals.is_empty() {
            return Err(AgreementError::NoStrategicGoal);
        }
        Ok(GoalText {
            title,
            success,
            priority: priority.parse()?,
            strategic_goals,
            competences,
        })
    }
}

impl Action {
    pub fn read(
        what: &str,
        kind: &str,
        owner: PersonId,
        due: &str,
    ) -> Result<Action, AgreementError> {
        Ok(Action {
            id: ItemId::new(),
            text: text(what, 500, AgreementError::TextMissing)?,
            kind: kind.parse()?,
            owner,
            due: parse_due(due)?,
            progress: Progress::Planned,
        })
    }
}

impl Commitment {
    pub fn read(
        what: &str,
        kind: &str,
        owner: PersonId,
        due: &str,
    ) -> Result<Commitment, AgreementError> {
        Ok(Commitment {
            id: ItemId::new(),
            text: text(what, 500, AgreementError::TextMissing)?,
            kind: kind.parse()?,
            owner,
            due: match due.trim() {
                "" => None,
                raw => Some(parse_due(raw)?),
            },
            progress: Progress::Planned,
        })
    }
}

fn goal(terms: &mut Terms, i: usize) -> Result<&mut DevGoal, AgreementError> {
    terms.goals.get_mut(i).ok_or(AgreementError::NoSuchItem)
}

impl Edit {
    /// The terms with this change made, or why it cannot be made to them.
    pub fn apply(&self, terms: &Terms) -> Result<Terms, AgreementError> {
        let mut next = terms.clone();
        match self {
            Edit::AddGoal(text) => {
                if next.goals.len() >= MAX_GOALS {
                    return Err(AgreementError::TooMany);
                }
                next.goals.push(DevGoal {
                    id: ItemId::new(),
                    text: text.clone(),
                    actions: Vec::new(),
                });
            }
            Edit::ChangeGoal(i, text) => goal(&mut next, *i)?.text = text.clone(),
            Edit::RemoveGoal(i) => {
                goal(&mut next, *i)?;
                next.goals.remove(*i);
            }
            Edit::AddAction(i, action) => {
                let goal = goal(&mut next, *i)?;
                if goal.actions.len() >= MAX_ACTIONS {
                    return Err(AgreementError::TooMany);
                }
                goal.actions.push(action.clone());
            }
            Edit::RemoveAction(i, a) => {
                let goal = goal(&mut next, *i)?;
                if *a >= goal.actions.len() {
                    return Err(AgreementError::NoSuchItem);
                }
                goal.actions.remove(*a);
            }
            Edit::AddCommitment(commitment) => {
                if next.commitments.len() >= MAX_COMMITMENTS {
                    return Err(AgreementError::TooMany);
                }
                next.commitments.push(commitment.clone());
            }
            Edit::RemoveCommitment(i) => {
                if *i >= next.commitments.len() {
                    return Err(AgreementError::NoSuchItem);
                }
                next.commitments.remove(*i);
            }
        }
        Ok(next)
    }
}

impl Agreement {
    pub fn new(conversation_id: ConversationId) -> Agreement {
        Agreement {
            conversation_id,
            terms: Terms::default(),
            employee_signed: None,
            leader_signed: None,
            amendments: Vec::new(),
            revision: 0,
        }
    }

    /// When the agreement itself last moved: a signature, an amendment or an answer to one.
    /// Reports and follow-ups on it are events too; storage keeps the latest of them all.
    pub fn last_event(&self) -> Option<DateTime<Utc>> {
        self.amendments
            .iter()
            .flat_map(|a| [Some(a.at), a.answer.map(|(_, at)| at)])
            .chain([self.employee_signed, self.leader_signed])
            .flatten()
            .max()
    }

    /// Signed by both parties.
    pub fn signed(&self) -> bool {
        self.employee_signed.is_some() && self.leader_signed.is_some()
    }

    pub fn signed_by(&self, side: Side) -> Option<DateTime<Utc>> {
        match side {
            Side::Employee => self.employee_signed,
            Side::Leader => self.leader_signed,
        }
    }

    /// The amendment waiting for an answer, if any.
    pub fn pending(&self) -> Option<&Amendment> {
        self.amendments.iter().find(|a| a.answer.is_none())
    }

    fn next(&self, seen: u32) -> Result<Agreement, AgreementError> {
        if seen != self.revision {
            return Err(AgreementError::Stale);
        }
        Ok(Agreement {
            revision: self.revision + 1,
            ..self.clone()
        })
    }

    /// Makes a change: at once while the agreement is a draft (any signature given so far
    /// falls, since the text changed), as an amendment once both have signed.
    pub fn change(
        &self,
        seen: u32,
        by: Side,
        at: DateTime<Utc>,
        edit: Edit,
    ) -> Result<Agreement, AgreementError> {
        let mut next = self.next(seen)?;
        if self.pending().is_some() {
            return Err(AgreementError::AmendmentPending);
        }
        let terms = edit.apply(&self.terms)?;
        if self.signed() {
            next.amendments.push(Amendment {
                by,
                at,
                edit,
                before: self.terms.clone(),
                answer: None,
            });
        } else {
            next.terms = terms;
            next.employee_signed = None;
            next.leader_signed = None;
        }
        Ok(next)
    }

    /// One party signs the agreement as it stands, once the conversation is held.
    pub fn sign(
        &self,
        seen: u32,
        by: Side,
        at: DateTime<Utc>,
        held: bool,
    ) -> Result<Agreement, AgreementError> {
        let mut next = self.next(seen)?;
        if !held {
            return Err(AgreementError::NotHeld);
        }
        if self.terms.goals.is_empty() {
            return Err(AgreementError::Empty);
        }
        if self.signed_by(by).is_some() {
            return Err(AgreementError::AlreadySigned);
        }
        match by {
            Side::Employee => next.employee_signed = Some(at),
            Side::Leader => next.leader_signed = Some(at),
        }
        Ok(next)
    }

    /// Answers the pending amendment: the other party accepts or rejects it; its author may
    /// withdraw it.
    pub fn answer(
        &self,
        seen: u32,
        by: Side,
        at: DateTime<Utc>,
        decision: Decision,
    ) -> Result<Agreement, AgreementError> {
        let mut next = self.next(seen)?;
        let index = self
            .amendments
            .iter()
            .position(|a| a.answer.is_none())
            .ok_or(AgreementError::NoAmendment)?;
        let amendment = &mut next.amendments[index];
        let own = amendment.by == by;
        if own != (decision == Decision::Withdrawn) {
            return Err(AgreementError::OwnAmendment);
        }
        amendment.answer = Some((decision, at));
        if decision == Decision::Accepted {
            next.terms = amendment.edit.apply(&self.terms)?;
        }
        Ok(next)
    }

    /// Reports how an action or a commitment stands. This follows the agreement rather than
    /// changing it, so it needs no amendment.
    pub fn report(
        &self,
        seen: u32,
        item: ItemId,
        progress: Progress,
    ) -> Result<Agreement, AgreementError> {
        let mut next = self.next(seen)?;
        let terms = &mut next.terms;
        let slot = terms
            .goals
            .iter_mut()
            .flat_map(|g| g.actions.iter_mut())
            .find(|a| a.id == item)
            .map(|a| &mut a.progress)
            .or_else(|| {
                terms
                    .commitments
                    .iter_mut()
                    .find(|c| c.id == item)
                    .map(|c| &mut c.progress)
            });
        *slot.ok_or(AgreementError::NoSuchItem)? = progress;
        Ok(next)
    }

    /// Who owns an action or a commitment.
    pub fn owner_of(&self, item: ItemId) -> Option<PersonId> {
        let terms = &self.terms;
        terms
            .goals
            .iter()
            .flat_map(|g| g.actions.iter())
            .find(|a| a.id == item)
            .map(|a| a.owner)
            .or_else(|| {
                terms
                    .commitments
                    .iter()
                    .find(|c| c.id == item)
                    .map(|c| c.owner)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(hour: u32) -> DateTime<Utc> {
        use chrono::TimeZone;
        Utc.with_ymd_and_hms(2026, 11, 10, hour, 0, 0).unwrap()
    }

    fn goal_text(title: &str) -> GoalText {
        GoalText::read(
            title,
            "Forældrene går fra samtalen med en aftale",
            "high",
            vec![GoalId::new()],
            vec![],
        )
        .unwrap()
    }

    fn signed_agreement() -> Agreement {
        Agreement::new(ConversationId::new())
            .change(
                0,
                Side::Employee,
                at(9),
                Edit::AddGoal(goal_text("Forældresamtaler")),
            )
            .unwrap()
            .sign(1, Side::Employee, at(10), true)
            .unwrap()
            .sign(2, Side::Leader, at(10), true)
            .unwrap()
    }

    #[test]
    fn goals_are_read_with_their_red_thread() {
        assert_eq!(
            GoalText::read(" ", "x", "high", vec![GoalId::new()], vec![]),
            Err(AgreementError::TitleMissing)
        );
        assert_eq!(
            GoalText::read("Mål", " ", "high", vec![GoalId::new()], vec![]),
            Err(AgreementError::SuccessMissing)
        );
        assert_eq!(
            GoalText::read("Mål", "Effekt", "high", vec![], vec![]),
            Err(AgreementError::NoStrategicGoal)
        );
        assert_eq!(
            GoalText::read("Mål", "Effekt", "urgent", vec![GoalId::new()], vec![]),
            Err(AgreementError::BadChoice)
        );
        let owner = PersonId::new();
        assert_eq!(
            Action::read("Kursus", "course", owner, "2027-13-01"),
            Err(AgreementError::BadDate)
        );
        let commitment = Commitment::read("To timer om ugen", "time", owner, "").unwrap();
        assert_eq!(
            (commitment.due, commitment.progress),
            (None, Progress::Planned)
        );
    }

    #[test]
    fn a_draft_changes_at_once_and_a_change_unsigns_it() {
        let draft = Agreement::new(ConversationId::new())
            .change(0, Side::Leader, at(9), Edit::AddGoal(goal_text("A")))
            .unwrap();
        assert_eq!(draft.terms.goals.len(), 1);
        assert_eq!(
            draft.sign(1, Side::Employee, at(9), false),
            Err(AgreementError::NotHeld)
        );
        let half = draft.sign(1, Side::Employee, at(9), true).unwrap();
        assert_eq!(
            half.sign(2, Side::Employee, at(9), true),
            Err(AgreementError::AlreadySigned)
        );
        let changed = half
            .change(2, Side::Leader, at(9), Edit::ChangeGoal(0, goal_text("B")))
            .unwrap();
        assert_eq!(
            changed.employee_signed, None,
            "the text changed under the signature"
        );
        assert_eq!(
            changed.change(2, Side::Employee, at(9), Edit::RemoveGoal(0)),
            Err(AgreementError::Stale)
        );
        assert_eq!(
            changed.change(3, Side::Employee, at(9), Edit::RemoveGoal(5)),
            Err(AgreementError::NoSuchItem)
        );
        assert_eq!(
            Agreement::new(ConversationId::new()).sign(0, Side::Leader, at(9), true),
            Err(AgreementError::Empty)
        );
    }

    #[test]
    fn after_signing_changes_are_amendments_the_other_party_answers() {
        let signed = signed_agreement();
        assert!(signed.signed());
        let owner = PersonId::new();
        let action = Action::read(
            "Mentor i forældresamtaler",
            "mentoring",
            owner,
            "2027-03-01",
        )
        .unwrap();
        let proposed = signed
            .change(3, Side::Employee, at(11), Edit::AddAction(0, action))
            .unwrap();
        assert!(
            proposed.terms.goals[0].actions.is_empty(),
            "not applied yet"
        );
        assert!(proposed.signed(), "signatures stand");
        assert_eq!(
            proposed.change(4, Side::Leader, at(11), Edit::RemoveGoal(0)),
            Err(AgreementError::AmendmentPending)
        );
        assert_eq!(
            proposed.answer(4, Side::Employee, at(12), Decision::Accepted),
            Err(AgreementError::OwnAmendment)
        );
        let accepted = proposed
            .answer(4, Side::Leader, at(12), Decision::Accepted)
            .unwrap();
        assert_eq!(accepted.terms.goals[0].actions.len(), 1);
        assert_eq!(
            accepted.amendments[0].answer,
            Some((Decision::Accepted, at(12)))
        );
        assert_eq!(
            accepted.amendments[0].before, signed.terms,
            "kept for the record"
        );

        let rejected = accepted
            .change(5, Side::Leader, at(13), Edit::RemoveGoal(0))
            .unwrap()
            .answer(6, Side::Employee, at(14), Decision::Rejected)
            .unwrap();
        assert_eq!(rejected.terms, accepted.terms);
        assert_eq!(rejected.amendments.len(), 2);
        assert_eq!(
            rejected.answer(7, Side::Employee, at(14), Decision::Rejected),
            Err(AgreementError::NoAmendment)
        );
    }

    #[test]
    fn progress_is_reported_without_an_amendment() {
        let signed = signed_agreement();
        let owner = PersonId::new();
        let with_commitment = signed
            .change(
                3,
                Side::Leader,
                at(11),
                Edit::AddCommitment(
                    Commitment::read("Kursusplads", "course-place", owner, "").unwrap(),
                ),
            )
            .unwrap()
            .answer(4, Side::Employee, at(11), Decision::Accepted)
            .unwrap();
        let commitment = with_commitment.terms.commitments[0].id;
        assert_eq!(with_commitment.owner_of(commitment), Some(owner));
        let reported = with_commitment
            .report(5, commitment, Progress::Done)
            .unwrap();
        assert_eq!(reported.terms.commitments[0].progress, Progress::Done);
        assert_eq!(reported.amendments.len(), 1);
        assert_eq!(
            reported.report(6, ItemId::new(), Progress::Done),
            Err(AgreementError::NoSuchItem)
        );
    }
}
