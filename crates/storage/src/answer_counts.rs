//! How many personal answers each unit holds in a cycle. Whether a unit's average may be shown
//! depends on every unit's count (`domain::disclosure`), but a dashboard reads the answers of its
//! own scope only: the counts are all it needs of the rest of the organisation. Counting them is
//! a pass over the cycle's answers, so they are kept in memory under the cycle's
//! `answers_revisions` counter (see [`crate::revisions`]).

use crate::db::Db;
use crate::schema::{
    AnswersRevisions, ConversationEvaluations as E, People, StrategicFeedback as F,
};
use crate::{Result, StorageError};
use domain::dialogue::Visibility;
use domain::preparation::Side;
use domain::{CycleId, GoalId, OrgId, UnitId};
use sea_query::{Expr, Func, Query};
use std::collections::HashMap;
use std::sync::Arc;
use uuid::Uuid;

/// Answers per unit of their givers (the conversation's employee), in one cycle.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AnswerCounts {
    /// Evaluations given by each side: every evaluation answers every question.
    pub evaluations: HashMap<Side, HashMap<UnitId, usize>>,
    /// Shared feedback that says how clear each focus goal is.
    pub clarity: HashMap<GoalId, HashMap<UnitId, usize>>,
}

impl Db {
    /// The counts of a cycle, from memory while its answers and its organisation's people's
    /// units are as they were when counted.
    pub async fn answer_counts(&self, org: OrgId, cycle: CycleId) -> Result<Arc<AnswerCounts>> {
        let revision: Option<(i64,)> = self
            .optional(
                Query::select()
                    .column(AnswersRevisions::Revision)
                    .from(AnswersRevisions::Table)
                    .and_where(Expr::col(AnswersRevisions::CycleId).eq(cycle.0)),
            )
            .await?;
        let revision = revision.map_or(0, |(r,)| r);
        if let Some(kept) = self.answer_counts.get((org, cycle), revision) {
            return Ok(kept);
        }
        let counts = Arc::new(self.count_answers(org, cycle).await?);
        self.answer_counts
            .put((org, cycle), revision, counts.clone());
        Ok(counts)
    }

    async fn count_answers(&self, org: OrgId, cycle: CycleId) -> Result<AnswerCounts> {
        let unit = (People::Table, People::UnitId);
        let evaluations: Vec<(String, Uuid, i64)> = self
            .all(
                Query::select()
                    .column((E::Table, E::Side))
                    .column(unit)
                    .expr(Func::count(Expr::col((E::Table, E::ConversationId))))
                    .from(E::Table)
                    .inner_join(
                        People::Table,
                        Expr::col((People::Table, People::Id)).equals((E::Table, E::EmployeeId)),
                    )
                    .and_where(Expr::col((E::Table, E::OrgId)).eq(org.0))
                    .and_where(Expr::col((E::Table, E::CycleId)).eq(cycle.0))
                    .group_by_col((E::Table, E::Side))
                    .group_by_col(unit),
            )
            .await?;
        let clarity: Vec<(Uuid, Uuid, i64)> = self
            .all(
                Query::select()
                    .column((F::Table, F::GoalId))
                    .column(unit)
                    .expr(Func::count(Expr::col((F::Table, F::EmployeeId))))
                    .from(F::Table)
                    .inner_join(
                        People::Table,
                        Expr::col((People::Table, People::Id)).equals((F::Table, F::EmployeeId)),
                    )
                    .and_where(Expr::col((F::Table, F::OrgId)).eq(org.0))
                    .and_where(Expr::col((F::Table, F::CycleId)).eq(cycle.0))
                    .and_where(
                        Expr::col((F::Table, F::Visibility)).ne(Visibility::Conversation.as_str()),
                    )
                    .and_where(Expr::col((F::Table, F::Clarity)).is_not_null())
                    .group_by_col((F::Table, F::GoalId))
                    .group_by_col(unit),
            )
            .await?;
        let mut counts = AnswerCounts::default();
        for (side, unit, n) in evaluations {
            let side: Side = side
                .parse()
                .map_err(|_| StorageError::Corrupt(format!("evaluation side {side}")))?;
            counts
                .evaluations
                .entry(side)
                .or_default()
                .insert(UnitId(unit), n as usize);
        }
        for (goal, unit, n) in clarity {
            counts
                .clarity
                .entry(GoalId(goal))
                .or_default()
                .insert(UnitId(unit), n as usize);
        }
        Ok(counts)
    }
}
