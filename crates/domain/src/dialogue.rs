//! The strategic dialogue: up the red thread. For each focus goal that concerns them, the
//! employee says how they see their contribution, what makes it hard to act on the goal and
//! what they should then do, the opportunities and barriers they see, and how clear the goal is
//! to them. They choose who may read each item: only this conversation, or the leadership group
//! with their name or without it. Anonymous items reach leadership only together with those of
//! enough other people that nobody can be picked out.

use crate::ids::{GoalId, PersonId, UnitId};
use crate::org::UnitTree;
use crate::strategy::GoalTree;
use chrono::{DateTime, Utc};
use std::collections::{HashMap, HashSet};

/// Who may read an item of feedback, chosen by the employee.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Visibility {
    /// Only the two parties of the conversation.
    Conversation,
    /// The leadership group, with the employee's name.
    Named,
    /// The leadership group, without a name, and only among enough others.
    Anonymous,
}

impl Visibility {
    pub const ALL: [Visibility; 3] = [
        Visibility::Conversation,
        Visibility::Named,
        Visibility::Anonymous,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Conversation => "conversation",
            Visibility::Named => "named",
            Visibility::Anonymous => "anonymous",
        }
    }
}

impl std::str::FromStr for Visibility {
    type Err = DialogueError;
    fn from_str(s: &str) -> Result<Self, DialogueError> {
        Self::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .ok_or(DialogueError::BadVisibility)
    }
}

/// What the employee says about one goal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Feedback {
    pub goal_id: GoalId,
    pub contribution: String,
    /// What makes it hard to act on the goal in concrete situations.
    pub hard_situations: String,
    /// What they should then do.
    pub what_then: String,
    pub opportunities: String,
    pub barriers: String,
    /// How clear the goal is to them, 1–5.
    pub clarity: Option<u8>,
    pub visibility: Visibility,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DialogueError {
    #[error("not one of the choices")]
    BadVisibility,
    #[error("clarity is rated 1 to 5")]
    BadClarity,
    #[error("text is too long")]
    TooLong,
}

impl DialogueError {
    pub fn message_key(self) -> &'static str {
        match self {
            DialogueError::BadVisibility => "error-bad-form",
            DialogueError::BadClarity => "error-dialogue-clarity",
            DialogueError::TooLong => "error-too-long",
        }
    }
}

impl Feedback {
    /// Reads one goal's answers; `None` when nothing was written or rated.
    #[allow(clippy::too_many_arguments)]
    pub fn read(
        goal_id: GoalId,
        contribution: &str,
        hard_situations: &str,
        what_then: &str,
        opportunities: &str,
        barriers: &str,
        clarity: &str,
        visibility: &str,
    ) -> Result<Option<Feedback>, DialogueError> {
        let texts = [
            contribution,
            hard_situations,
            what_then,
            opportunities,
            barriers,
        ]
        .map(|t| t.trim().to_owned());
        if texts.iter().any(|t| t.chars().count() > 3000) {
            return Err(DialogueError::TooLong);
        }
        let clarity = match clarity.trim() {
            "" => None,
            raw => match raw.parse::<u8>() {
                Ok(n @ 1..=5) => Some(n),
                _ => return Err(DialogueError::BadClarity),
            },
        };
        // Nothing chosen keeps it to the conversation, the safest place.
        let visibility = match visibility {
            "" => Visibility::Conversation,
            chosen => chosen.parse()?,
        };
        if clarity.is_none() && texts.iter().all(String::is_empty) {
            return Ok(None);
        }
        let [
            contribution,
            hard_situations,
            what_then,
            opportunities,
            barriers,
        ] = texts;
        Ok(Some(Feedback {
            goal_id,
            contribution,
            hard_situations,
            what_then,
            opportunities,
            barriers,
            clarity,
            visibility,
        }))
    }
}

/// The cycle's focus goals that concern a person in `unit`: those owned by the unit or one
/// above it (the organisation's own goals concern everyone).
pub fn goals_concerning(
    focus: &[GoalId],
    goals: &GoalTree,
    units: &UnitTree,
    unit: UnitId,
) -> Vec<GoalId> {
    let above: Vec<UnitId> = units.path(unit).iter().map(|u| u.id).collect();
    focus
        .iter()
        .copied()
        .filter(|g| goals.get(*g).is_some_and(|g| above.contains(&g.unit_id)))
        .collect()
}

/// What the leadership group may read about one goal; each item carries the caller's `T`
/// (such as its texts and its handle for answering it).
#[derive(Clone, Debug, PartialEq)]
pub struct GoalFeedback<T> {
    /// Items shared with a name, by name.
    pub named: Vec<(String, T)>,
    /// Items shared anonymously, when enough people did, in the order the caller gave them:
    /// one that says nothing about whose conversation came first (the pages order them by
    /// their random handles).
    pub anonymous: Vec<T>,
    /// The average clarity of the anonymous items and how many rated, when they are shown.
    pub anonymous_clarity: Option<(f64, usize)>,
    /// How many anonymous items are held back because too few people gave one.
    pub held_back: usize,
}

/// One item shared with the leadership, as the caller read it: whose it is and how it was
/// shared; its texts, if the caller read them, travel in `extra`.
#[derive(Clone, Debug)]
pub struct Shared<T> {
    pub person: PersonId,
    pub name: String,
    pub visibility: Visibility,
    /// How clear the goal is to them, 1–5.
    pub clarity: Option<u8>,
    /// When it was first shared; unknown counts as the oldest.
    pub since: Option<DateTime<Utc>>,
    pub extra: T,
}

/// Sorts the feedback shared with leadership on one goal into what may be shown. Items kept
/// to the conversation never get here; the caller passes only shared ones. Anonymous items
/// are shown in whole blocks of `threshold` people, in the order they were first shared, so
/// that one more never stands out as the newest.
pub fn for_leadership<T>(shared: Vec<Shared<T>>, threshold: usize) -> GoalFeedback<T> {
    let threshold = threshold.max(1);
    let mut out = GoalFeedback {
        named: Vec::new(),
        anonymous: Vec::new(),
        anonymous_clarity: None,
        held_back: 0,
    };
    let mut anonymous: Vec<Shared<T>> = Vec::new();
    for item in shared {
        match item.visibility {
            Visibility::Named => out.named.push((item.name, item.extra)),
            Visibility::Anonymous => anonymous.push(item),
            Visibility::Conversation => {}
        }
    }
    out.named.sort_by(|a, b| a.0.cmp(&b.0));
    // Each person's first sharing; a large organisation has thousands on one goal.
    let mut first: HashMap<PersonId, Option<DateTime<Utc>>> = HashMap::new();
    for item in &anonymous {
        first
            .entry(item.person)
            .and_modify(|since| *since = (*since).min(item.since))
            .or_insert(item.since);
    }
    let mut people: Vec<(Option<DateTime<Utc>>, PersonId)> =
        first.into_iter().map(|(p, since)| (since, p)).collect();
    people.sort();
    let shown: HashSet<PersonId> = people
        .iter()
        .take(people.len() / threshold * threshold)
        .map(|(_, p)| *p)
        .collect();
    let (open, waiting): (Vec<_>, Vec<_>) = anonymous
        .into_iter()
        .partition(|item| shown.contains(&item.person));
    out.held_back = waiting.len();
    let ratings: Vec<u8> = open.iter().filter_map(|i| i.clarity).collect();
    if !ratings.is_empty() {
        let sum: u32 = ratings.iter().map(|r| u32::from(*r)).sum();
        out.anonymous_clarity = Some((f64::from(sum) / ratings.len() as f64, ratings.len()));
    }
    out.anonymous = open.into_iter().map(|i| i.extra).collect();
    out
}

/// What the leadership did with an item of feedback: taken up or not, its answer to the
/// employee, and the unit it was sent on to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    pub taken_up: bool,
    pub answer: String,
    pub routed_to: Option<UnitId>,
}

impl Response {
    pub fn read(
        taken_up: bool,
        answer: &str,
        routed_to: Option<UnitId>,
    ) -> Result<Response, DialogueError> {
        let answer = answer.trim();
        if answer.chars().count() > 3000 {
            return Err(DialogueError::TooLong);
        }
        Ok(Response {
            taken_up,
            answer: answer.to_owned(),
            routed_to,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feedback_is_read_and_empty_answers_are_nothing() {
        let goal = GoalId::new();
        assert_eq!(
            Feedback::read(goal, " ", "", "", "", "", "", "named"),
            Ok(None)
        );
        assert_eq!(
            Feedback::read(goal, "x", "", "", "", "", "6", "named"),
            Err(DialogueError::BadClarity)
        );
        assert_eq!(
            Feedback::read(goal, "x", "", "", "", "", "", "everyone"),
            Err(DialogueError::BadVisibility)
        );
        let rated = Feedback::read(goal, "", "", "", "", "", "2", "conversation")
            .unwrap()
            .unwrap();
        assert_eq!(rated.clarity, Some(2));
    }

    #[test]
    fn anonymous_feedback_waits_for_enough_people_and_never_names_anyone() {
        use chrono::TimeZone;
        let at = |minute| Some(Utc.with_ymd_and_hms(2026, 11, 1, 10, minute, 0).unwrap());
        let item = |name: &str, text, clarity, visibility, minute| Shared {
            person: PersonId::new(),
            name: name.to_owned(),
            visibility,
            clarity: Some(clarity),
            since: at(minute),
            extra: text,
        };
        let mut shared = vec![
            item(
                "Lane",
                "Jeg vil gerne have mere sparring",
                2,
                Visibility::Anonymous,
                1,
            ),
            item("Mads", "Tydeligt", 4, Visibility::Named, 2),
            item("Sara", "Kun til os", 1, Visibility::Conversation, 3),
        ];
        let few = for_leadership(shared.clone(), 5);
        assert_eq!(few.named.len(), 1);
        assert!(few.anonymous.is_empty() && few.anonymous_clarity.is_none());
        assert_eq!(few.held_back, 1);

        for i in 0..4 {
            shared.push(item(
                &format!("P{i}"),
                "Svært i hverdagen",
                4,
                Visibility::Anonymous,
                10 + i,
            ));
        }
        let enough = for_leadership(shared.clone(), 5);
        assert_eq!(enough.anonymous.len(), 5);
        assert_eq!(enough.anonymous_clarity, Some((18.0 / 5.0, 5)));
        assert_eq!(enough.held_back, 0);
        assert!(
            enough.named.iter().all(|(name, _)| name == "Mads"),
            "only named items carry names"
        );

        // A sixth, shared later, waits for a whole new block: nothing visible changes.
        shared.push(item(
            "Nyest",
            "Det nyeste svar",
            1,
            Visibility::Anonymous,
            50,
        ));
        let six = for_leadership(shared, 5);
        assert_eq!(six.anonymous, enough.anonymous);
        assert_eq!(six.anonymous_clarity, enough.anonymous_clarity);
        assert_eq!(six.held_back, 1);
    }
}
