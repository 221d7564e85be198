//! How many personal answers each unit holds in a cycle. Whether a unit's average may be shown
//! depends on every unit's count (`domain::disclosure`), but a dashboard reads the answers of its
//! own scope only: the counts are all it needs of the rest of the organisation. Counting them is
//! a pass over the cycle's answers, so they are kept in memory under the cycle's
//! `answers_revisions` counter (see [`crate::revisions`]), and so are the whole organisation's
//! answers themselves, and which units may show them.

use crate::Revisions;
use crate::db::Db;
use crate::schema::{
    AnswersRevisions, ConversationEvaluations as E, People, StrategicFeedback as F,
};
use crate::{Reach, Result, StorageError};
use domain::dialogue::Visibility;
use domain::disclosure::disclosable;
use domain::evaluation::Scores;
use domain::org::UnitTree;
use domain::preparation::Side;
use domain::{CycleId, GoalId, OrgId, PersonId, UnitId};
use sea_query::{Alias, Asterisk, Expr, Func, Iden, Query, SelectStatement};
use std::collections::{HashMap, HashSet};
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

/// Which units may show a cycle's answers ([`domain::disclosure::disclosable`] of each measure's
/// counts): the same for every viewer until the answers, the people's units, the unit tree or
/// the organisation's threshold change, and a walk of every unit to work out.
#[derive(Debug, Default)]
pub struct Disclosed {
    pub evaluations: HashMap<Side, HashSet<UnitId>>,
    pub clarity: HashMap<GoalId, HashSet<UnitId>>,
}

/// What [`Disclosed`] is worked out from: the answers' counter, the unit tree's, the threshold.
pub(crate) type DisclosedAt = (i64, i64, usize);

/// An evaluation as the dashboards count it: who gave it and their four answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scored {
    pub side: Side,
    pub scores: Scores,
}

/// A cycle's personal answers as the dashboards count them, each with the employee of its
/// conversation: the evaluations' scores, and how clear each focus goal is (1–5) to those who
/// shared their strategic feedback beyond the conversation. No texts: no dashboard shows them,
/// and the organisation's are kept in memory.
#[derive(Debug, Default)]
pub struct Answers {
    pub evaluations: Vec<(PersonId, Scored)>,
    pub clarity: Vec<(PersonId, GoalId, u8)>,
}

impl Db {
    /// The counts of a cycle, from memory while its answers and its organisation's people's
    /// units are as they were when counted.
    pub async fn answer_counts(&self, org: OrgId, cycle: CycleId) -> Result<Arc<AnswerCounts>> {
        let revision = self.cycle_revision(AnswersRevisions::Table, cycle).await?;
        self.answer_counts_at(org, cycle, revision).await
    }

    /// The counts of a cycle at its answers' `revision`, kept or counted.
    async fn answer_counts_at(
        &self,
        org: OrgId,
        cycle: CycleId,
        revision: i64,
    ) -> Result<Arc<AnswerCounts>> {
        let read = self.count_answers(org, cycle);
        self.memory
            .answer_counts
            .or_read((org, cycle), revision, read)
            .await
    }

    /// Which units may show the cycle's answers, worked out from the counts with `units`, the
    /// organisation's unit tree at `revisions`, and the threshold; kept while none of them changes.
    pub async fn disclosed(
        &self,
        org: OrgId,
        cycle: CycleId,
        units: &UnitTree,
        revisions: Revisions,
        threshold: usize,
    ) -> Result<Arc<Disclosed>> {
        let revision = self.cycle_revision(AnswersRevisions::Table, cycle).await?;
        let worked_out = async {
            let counts = self.answer_counts_at(org, cycle, revision).await?;
            let shown = |own| disclosable(units, own, threshold);
            Ok(Disclosed {
                evaluations: counts
                    .evaluations
                    .iter()
                    .map(|(k, own)| (*k, shown(own)))
                    .collect(),
                clarity: counts
                    .clarity
                    .iter()
                    .map(|(k, own)| (*k, shown(own)))
                    .collect(),
            })
        };
        let at = (revision, revisions.units, threshold);
        self.memory
            .disclosed
            .or_read((org, cycle), at, worked_out)
            .await
    }

    /// A cycle's answers within reach. The whole organisation's are kept in memory as the
    /// counts are: a dashboard of the organisation reads tens of thousands of them.
    pub async fn answers(
        &self,
        org: OrgId,
        cycle: CycleId,
        reach: Reach<'_>,
    ) -> Result<Arc<Answers>> {
        let read = async {
            Ok::<_, StorageError>(Answers {
                evaluations: self.scores_in(org, cycle, reach).await?,
                clarity: self.clarity_in(org, cycle, reach).await?,
            })
        };
        if !matches!(reach, Reach::Organisation) {
            return Ok(Arc::new(read.await?));
        }
        let revision = self.cycle_revision(AnswersRevisions::Table, cycle).await?;
        self.memory
            .organisation_answers
            .or_read((org, cycle), revision, read)
            .await
    }

    async fn count_answers(&self, org: OrgId, cycle: CycleId) -> Result<AnswerCounts> {
        let evaluations: Vec<(String, Uuid, i64)> = self
            .all(&per_giver_unit(E::Table, E::Side, org, cycle))
            .await?;
        let clarity: Vec<(Uuid, Uuid, i64)> = self
            .all(
                per_giver_unit(F::Table, F::GoalId, org, cycle)
                    .and_where(
                        Expr::col((F::Table, F::Visibility)).ne(Visibility::Conversation.as_str()),
                    )
                    .and_where(Expr::col((F::Table, F::Clarity)).is_not_null()),
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

/// How many answers of a cycle `table` holds per `key` and the unit of their giver: both answer
/// tables repeat the organisation, the cycle and the employee of the conversation.
fn per_giver_unit<T>(table: T, key: T, org: OrgId, cycle: CycleId) -> SelectStatement
where
    T: Iden + Copy + 'static,
{
    let col = |name: &str| Expr::col((table, Alias::new(name)));
    let unit = (People::Table, People::UnitId);
    Query::select()
        .column((table, key))
        .column(unit)
        .expr(Func::count(Expr::col(Asterisk)))
        .from(table)
        .inner_join(
            People::Table,
            Expr::col((People::Table, People::Id)).equals((table, Alias::new("employee_id"))),
        )
        .and_where(col("org_id").eq(org.0))
        .and_where(col("cycle_id").eq(cycle.0))
        .group_by_col((table, key))
        .group_by_col(unit)
        .to_owned()
}
