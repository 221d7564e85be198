//! Two-sided preparation: employee and leader each answer the cycle's question set, privately,
//! until they share. Once both have shared, each sees the other's answers beside their own.
//!
//! A preparation is saved as it is typed; every save raises its revision, and a save based on
//! an older revision (the same person in a second tab) is refused rather than silently
//! overwriting the newer text.

use crate::ids::{ConversationId, GoalId};
use crate::questions::{QuestionKind, Version};
use std::collections::BTreeMap;

/// Which party a preparation belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Side {
    Employee,
    Leader,
}

impl Side {
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Employee => "employee",
            Side::Leader => "leader",
        }
    }

    pub fn other(self) -> Side {
        match self {
            Side::Employee => Side::Leader,
            Side::Leader => Side::Employee,
        }
    }
}

impl std::str::FromStr for Side {
    type Err = PrepError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "employee" => Ok(Side::Employee),
            "leader" => Ok(Side::Leader),
            _ => Err(PrepError::Corrupt),
        }
    }
}

/// An answer to one question.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Answer {
    Text(String),
    Scale(u8),
    Goals(Vec<GoalId>),
}

/// One party's preparation. Answers are keyed by the question's place in the version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preparation {
    pub conversation_id: ConversationId,
    pub side: Side,
    pub answers: BTreeMap<usize, Answer>,
    pub revision: u32,
    pub shared: bool,
}

/// Why a preparation could not be saved. Each has a translated message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PrepError {
    #[error("an answer is too long")]
    TooLong,
    #[error("a scale answer must be between 1 and 5")]
    BadScale,
    #[error("a chosen goal is not one of the cycle's goals")]
    BadGoal,
    #[error("the preparation was changed elsewhere")]
    Stale,
    #[error("stored preparation does not parse")]
    Corrupt,
}

impl PrepError {
    pub fn message_key(self) -> &'static str {
        match self {
            PrepError::TooLong => "error-prep-too-long",
            PrepError::BadScale => "error-prep-scale",
            PrepError::BadGoal => "error-prep-goal",
            PrepError::Stale => "error-prep-stale",
            PrepError::Corrupt => "error-internal",
        }
    }
}

/// Longest answer to one question; a page of text.
pub const MAX_ANSWER_CHARS: usize = 10_000;

/// Reads answers from form fields named `q{index}` (goals repeat the field), checked against the
/// version's questions and the goals that may be picked. Empty answers are left out.
pub fn read_answers(
    version: &Version,
    fields: &[(String, String)],
    goals: &[GoalId],
) -> Result<BTreeMap<usize, Answer>, PrepError> {
    let mut answers = BTreeMap::new();
    for (index, question) in version.questions.iter().enumerate() {
        let name = format!("q{index}");
        let values: Vec<&str> = fields
            .iter()
            .filter(|(k, _)| *k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
            .collect();
        let Some(first) = values.first() else {
            continue;
        };
        let answer = match &question.kind {
            QuestionKind::Text => {
                if first.chars().count() > MAX_ANSWER_CHARS {
                    return Err(PrepError::TooLong);
                }
                Answer::Text((*first).to_owned())
            }
            QuestionKind::Scale { .. } => match first.parse::<u8>() {
                Ok(n @ 1..=5) => Answer::Scale(n),
                _ => return Err(PrepError::BadScale),
            },
            QuestionKind::Goals => {
                let mut picked = Vec::new();
                for value in values {
                    let id: GoalId = value.parse().map_err(|_| PrepError::BadGoal)?;
                    if !goals.contains(&id) {
                        return Err(PrepError::BadGoal);
                    }
                    if !picked.contains(&id) {
                        picked.push(id);
                    }
                }
                Answer::Goals(picked)
            }
        };
        answers.insert(index, answer);
    }
    Ok(answers)
}

impl Preparation {
    pub fn new(conversation_id: ConversationId, side: Side) -> Preparation {
        Preparation {
            conversation_id,
            side,
            answers: BTreeMap::new(),
            revision: 0,
            shared: false,
        }
    }

    /// The preparation with new answers, if `seen` is the revision the author was editing.
    pub fn save(
        &self,
        seen: u32,
        answers: BTreeMap<usize, Answer>,
    ) -> Result<Preparation, PrepError> {
        if seen != self.revision {
            return Err(PrepError::Stale);
        }
        Ok(Preparation {
            answers,
            revision: self.revision + 1,
            ..self.clone()
        })
    }

    pub fn share(&self) -> Preparation {
        Preparation {
            shared: true,
            ..self.clone()
        }
    }

    /// After the conversation, the author keeps the answers to these questions and the rest is
    /// deleted.
    pub fn keep_only(&self, seen: u32, keep: &[usize]) -> Result<Preparation, PrepError> {
        let kept = self
            .answers
            .iter()
            .filter(|(index, _)| keep.contains(index))
            .map(|(index, answer)| (*index, answer.clone()))
            .collect();
        self.save(seen, kept)
    }
}

/// What a party may see of the other's preparation: everything once both have shared, nothing
/// before.
pub fn other_visible<'a>(
    own: Option<&Preparation>,
    other: Option<&'a Preparation>,
) -> Option<&'a Preparation> {
    match (own, other) {
        (Some(own), Some(other)) if own.shared && other.shared => Some(other),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::VersionId;
    use crate::questions::default_questions;

    fn version() -> Version {
        Version {
            id: VersionId::new(),
            number: 1,
            questions: default_questions(),
        }
    }

    fn field(k: &str, v: &str) -> (String, String) {
        (k.to_owned(), v.to_owned())
    }

    #[test]
    fn answers_are_read_by_kind() {
        let v = version();
        let scale = v
            .questions
            .iter()
            .position(|q| matches!(q.kind, QuestionKind::Scale { .. }))
            .unwrap();
        let goals = v
            .questions
            .iter()
            .position(|q| q.kind == QuestionKind::Goals)
            .unwrap();
        let goal = GoalId::new();
        let fields = vec![
            field("q0", " Tryghed "),
            field(&format!("q{scale}"), "4"),
            field(&format!("q{goals}"), &goal.to_string()),
            field(&format!("q{goals}"), &goal.to_string()),
            field("q1", "  "),
            field("q999", "ignored"),
        ];
        let answers = read_answers(&v, &fields, &[goal]).unwrap();
        assert_eq!(answers.get(&0), Some(&Answer::Text("Tryghed".into())));
        assert_eq!(answers.get(&scale), Some(&Answer::Scale(4)));
        assert_eq!(answers.get(&goals), Some(&Answer::Goals(vec![goal])));
        assert_eq!(answers.len(), 3, "empty answers are left out");
        assert_eq!(
            read_answers(&v, &[field(&format!("q{scale}"), "6")], &[]),
            Err(PrepError::BadScale)
        );
        assert_eq!(
            read_answers(
                &v,
                &[field(&format!("q{goals}"), &GoalId::new().to_string())],
                &[goal]
            ),
            Err(PrepError::BadGoal)
        );
        assert_eq!(
            read_answers(&v, &[field("q0", &"x".repeat(MAX_ANSWER_CHARS + 1))], &[]),
            Err(PrepError::TooLong)
        );
    }

    #[test]
    fn after_the_conversation_only_the_chosen_answers_are_kept() {
        let prep = Preparation::new(ConversationId::new(), Side::Employee)
            .save(
                0,
                BTreeMap::from([
                    (0, Answer::Text("Mere sparring".into())),
                    (1, Answer::Scale(4)),
                    (3, Answer::Text("Privat".into())),
                ]),
            )
            .unwrap();
        let kept = prep.keep_only(1, &[1, 7]).unwrap();
        assert_eq!(kept.answers, BTreeMap::from([(1, Answer::Scale(4))]));
        assert_eq!(prep.keep_only(0, &[]), Err(PrepError::Stale));
    }

    #[test]
    fn stale_saves_are_refused_and_sharing_is_mutual() {
        let own = Preparation::new(ConversationId::new(), Side::Employee);
        let saved = own
            .save(0, BTreeMap::from([(0, Answer::Text("a".into()))]))
            .unwrap();
        assert_eq!(saved.revision, 1);
        assert_eq!(
            saved.save(0, BTreeMap::new()),
            Err(PrepError::Stale),
            "a second tab with old text"
        );
        let theirs = Preparation::new(own.conversation_id, Side::Leader)
            .save(0, BTreeMap::from([(0, Answer::Text("b".into()))]))
            .unwrap();
        assert!(other_visible(Some(&saved), Some(&theirs)).is_none());
        let (saved, theirs) = (saved.share(), theirs);
        assert!(
            other_visible(Some(&saved), Some(&theirs)).is_none(),
            "only one has shared"
        );
        let theirs = theirs.share();
        assert_eq!(other_visible(Some(&saved), Some(&theirs)), Some(&theirs));
        assert!(other_visible(None, Some(&theirs)).is_none());
    }
}
