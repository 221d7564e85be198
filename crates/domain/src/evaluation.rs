//! The evaluation of a conversation: once it is held, each party says how it went — was it a
//! dialogue between equals, did it make the link to the strategy clear, was the development
//! prioritised well, was it worth the time — on a scale of 1 to 5, with a comment.
//!
//! An evaluation is given once and never changed, and the employees' evaluations reach their
//! leader only as an aggregate, published in whole blocks of *threshold* answers in the order
//! they were given. So no two views a leader can see differ by fewer than *threshold*
//! answers, and nobody can be picked out by comparing the figures before and after one more
//! employee answered.

use crate::ConversationId;
use crate::conversation::Conversation;
use crate::preparation::Side;
use chrono::{DateTime, Utc};

/// The questions, in the order they are asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Question {
    /// The conversation was a dialogue between equals.
    Equals,
    /// It made the link to the strategy clear.
    Strategy,
    /// The development was prioritised well.
    Priorities,
    /// It was worth the time.
    Worth,
}

impl Question {
    pub const ALL: [Question; 4] = [
        Question::Equals,
        Question::Strategy,
        Question::Priorities,
        Question::Worth,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Question::Equals => "equals",
            Question::Strategy => "strategy",
            Question::Priorities => "priorities",
            Question::Worth => "worth",
        }
    }
}

/// The longest comment, in characters.
pub const MAX_COMMENT: usize = 2000;

/// The four answers, each from 1 to 5, in the order of [`Question::ALL`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scores([u8; 4]);

impl Scores {
    /// Reads the four answers as typed; every one is needed.
    pub fn read(raw: [&str; 4]) -> Result<Scores, EvaluationError> {
        let mut scores = [0; 4];
        for (slot, text) in scores.iter_mut().zip(raw) {
            *slot = match text.trim() {
                "" => return Err(EvaluationError::Missing),
                t => t.parse().map_err(|_| EvaluationError::OutOfRange)?,
            };
        }
        Scores::new(scores)
    }

    /// The four answers, each from 1 to 5.
    pub fn new(scores: [u8; 4]) -> Result<Scores, EvaluationError> {
        if scores.iter().all(|n| (1..=5).contains(n)) {
            Ok(Scores(scores))
        } else {
            Err(EvaluationError::OutOfRange)
        }
    }

    pub fn get(&self, question: Question) -> u8 {
        let index = Question::ALL
            .iter()
            .position(|q| *q == question)
            .unwrap_or(0);
        self.0[index]
    }
}

/// One party's evaluation of one conversation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluation {
    pub conversation_id: ConversationId,
    pub side: Side,
    pub scores: Scores,
    pub comment: String,
    pub at: DateTime<Utc>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EvaluationError {
    #[error("every question needs an answer")]
    Missing,
    #[error("answers are from 1 to 5")]
    OutOfRange,
    #[error("the comment is too long")]
    TooLong,
    #[error("a conversation is evaluated once it is held")]
    NotHeld,
}

impl EvaluationError {
    pub fn message_key(self) -> &'static str {
        match self {
            EvaluationError::Missing => "error-evaluation-missing",
            EvaluationError::OutOfRange => "error-evaluation-range",
            EvaluationError::TooLong => "error-too-long",
            EvaluationError::NotHeld => "error-evaluation-not-held",
        }
    }
}

impl Evaluation {
    /// A party's evaluation of a conversation that has been held.
    pub fn give(
        conversation: &Conversation,
        side: Side,
        scores: Scores,
        comment: &str,
        at: DateTime<Utc>,
    ) -> Result<Evaluation, EvaluationError> {
        if conversation.held_at.is_none() || conversation.cancelled {
            return Err(EvaluationError::NotHeld);
        }
        let comment = comment.trim();
        if comment.chars().count() > MAX_COMMENT {
            return Err(EvaluationError::TooLong);
        }
        Ok(Evaluation {
            conversation_id: conversation.id,
            side,
            scores,
            comment: comment.to_owned(),
            at,
        })
    }
}

/// What a group's evaluations show.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// How many answers were given.
    pub received: usize,
    /// How many of them the figures are made of: whole blocks of the threshold; zero while
    /// there are too few.
    pub shown: usize,
    /// Per question: the average and how many answered 1, 2, 3, 4 and 5.
    pub questions: Vec<(Question, f64, [usize; 5])>,
    /// The comments of the answers shown, sorted, so that their order tells nothing.
    pub comments: Vec<String>,
}

impl Summary {
    /// Summarises answers in any order for a viewer who may not see any one of them.
    pub fn of(answers: &[Evaluation], threshold: usize) -> Summary {
        let threshold = threshold.max(1);
        let mut ordered: Vec<&Evaluation> = answers.iter().collect();
        ordered.sort_by_key(|e| (e.at, e.conversation_id, e.side == Side::Leader));
        let shown = ordered.len() / threshold * threshold;
        let published = &ordered[..shown];
        let questions = if shown == 0 {
            Vec::new()
        } else {
            Question::ALL
                .iter()
                .map(|q| {
                    let mut spread = [0; 5];
                    for e in published {
                        spread[usize::from(e.scores.get(*q)) - 1] += 1;
                    }
                    let sum: usize = published
                        .iter()
                        .map(|e| usize::from(e.scores.get(*q)))
                        .sum();
                    (*q, sum as f64 / shown as f64, spread)
                })
                .collect()
        };
        let mut comments: Vec<String> = published
            .iter()
            .filter(|e| !e.comment.is_empty())
            .map(|e| e.comment.clone())
            .collect();
        comments.sort();
        Summary {
            received: answers.len(),
            shown,
            questions,
            comments,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn answer(n: u8, minute: u32) -> Evaluation {
        let digit = n.to_string();
        Evaluation {
            conversation_id: ConversationId::new(),
            side: Side::Employee,
            scores: Scores::read([digit.as_str(); 4]).unwrap(),
            comment: format!("svar {n}"),
            at: Utc.with_ymd_and_hms(2026, 11, 1, 10, minute, 0).unwrap(),
        }
    }

    #[test]
    fn every_answer_is_needed_and_from_one_to_five() {
        assert_eq!(
            Scores::read(["1", "2", "", "4"]),
            Err(EvaluationError::Missing)
        );
        assert_eq!(
            Scores::read(["1", "2", "6", "4"]),
            Err(EvaluationError::OutOfRange)
        );
        assert_eq!(
            Scores::read(["1", "2", "x", "4"]),
            Err(EvaluationError::OutOfRange)
        );
        let scores = Scores::read(["1", " 2", "3", "5"]).unwrap();
        assert_eq!(scores.get(Question::Worth), 5);
    }

    #[test]
    fn too_few_answers_show_nothing_but_their_count() {
        let answers: Vec<_> = (1..=4).map(|n| answer(n, u32::from(n))).collect();
        let summary = Summary::of(&answers, 5);
        assert_eq!((summary.received, summary.shown), (4, 0));
        assert!(summary.questions.is_empty() && summary.comments.is_empty());
    }

    #[test]
    fn figures_grow_in_whole_blocks_so_one_more_answer_cannot_be_read_off() {
        let mut answers: Vec<_> = (1..=5).map(|n| answer(n, u32::from(n))).collect();
        let five = Summary::of(&answers, 5);
        assert_eq!(five.shown, 5);
        assert_eq!(five.questions[0].1, 3.0);
        assert_eq!(five.questions[0].2, [1, 1, 1, 1, 1]);
        // A sixth answer, given later, changes nothing a leader can see...
        answers.push(answer(1, 30));
        let six = Summary::of(&answers, 5);
        assert_eq!((six.received, six.shown), (6, 5));
        assert_eq!(six.questions, five.questions);
        assert_eq!(six.comments, five.comments);
        // ...until it is part of a whole new block; and the order given does not matter.
        answers.extend((2..=5).map(|n| answer(n, 40 + u32::from(n))));
        answers.reverse();
        let ten = Summary::of(&answers, 5);
        assert_eq!(ten.shown, 10);
        assert_eq!(ten.comments.len(), 10);
        assert!(
            ten.comments.windows(2).all(|w| w[0] <= w[1]),
            "sorted, not in the order given"
        );
    }
}
