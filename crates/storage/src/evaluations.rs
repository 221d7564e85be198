//! Evaluations of held conversations: written once per party, read by the party, and by their
//! leader and the dashboards only as aggregates.

use crate::answer_counts::Scored;
use crate::db::Db;
use crate::reach::Reach;
use crate::schema::ConversationEvaluations as E;
use crate::{Result, StorageError};
use chrono::{DateTime, Utc};
use domain::conversation::Conversation;
use domain::evaluation::{Evaluation, Scores};
use domain::preparation::Side;
use domain::{ConversationId, CycleId, OrgId, PersonId};
use sea_query::{Expr, Query, SelectStatement};
use uuid::Uuid;

#[derive(sqlx::FromRow)]
struct EvaluationRow {
    conversation_id: Uuid,
    side: String,
    equals: i32,
    strategy: i32,
    priorities: i32,
    worth: i32,
    comment: String,
    given_at: DateTime<Utc>,
}

impl TryFrom<EvaluationRow> for Evaluation {
    type Error = StorageError;
    fn try_from(row: EvaluationRow) -> Result<Evaluation> {
        let corrupt = || StorageError::Corrupt(format!("evaluation {}", row.conversation_id));
        Ok(Evaluation {
            conversation_id: ConversationId(row.conversation_id),
            side: row.side.parse().map_err(|_| corrupt())?,
            scores: scores([row.equals, row.strategy, row.priorities, row.worth])
                .ok_or_else(corrupt)?,
            comment: row.comment,
            at: row.given_at,
        })
    }
}

fn select() -> SelectStatement {
    Query::select()
        .columns([
            E::ConversationId,
            E::Side,
            E::Equals,
            E::Strategy,
            E::Priorities,
            E::Worth,
            E::Comment,
            E::GivenAt,
        ])
        .from(E::Table)
        .to_owned()
}

impl Db {
    /// Records an evaluation; a party that has already given theirs gets `Conflict`.
    pub async fn give_evaluation(&self, c: &Conversation, e: &Evaluation) -> Result<()> {
        use domain::evaluation::Question as Q;
        let score = |q| i32::from(e.scores.get(q));
        self.exec(
            Query::insert()
                .into_table(E::Table)
                .columns([
                    E::ConversationId,
                    E::Side,
                    E::OrgId,
                    E::CycleId,
                    E::EmployeeId,
                    E::LeaderId,
                    E::Equals,
                    E::Strategy,
                    E::Priorities,
                    E::Worth,
                    E::Comment,
                    E::GivenAt,
                ])
                .values_panic([
                    c.id.0.into(),
                    e.side.as_str().into(),
                    c.org_id.0.into(),
                    c.cycle_id.0.into(),
                    c.employee_id.0.into(),
                    c.leader_id.0.into(),
                    score(Q::Equals).into(),
                    score(Q::Strategy).into(),
                    score(Q::Priorities).into(),
                    score(Q::Worth).into(),
                    e.comment.clone().into(),
                    e.at.into(),
                ]),
        )
        .await?;
        Ok(())
    }

    /// A party's own evaluation of a conversation, if given.
    pub async fn evaluation(
        &self,
        conversation: ConversationId,
        side: Side,
    ) -> Result<Option<Evaluation>> {
        let row: Option<EvaluationRow> = self
            .optional(
                select()
                    .and_where(Expr::col(E::ConversationId).eq(conversation.0))
                    .and_where(Expr::col(E::Side).eq(side.as_str())),
            )
            .await?;
        row.map(Evaluation::try_from).transpose()
    }

    /// What the employees said of the conversations a leader held, in every cycle.
    pub async fn evaluations_of_leader(
        &self,
        org: OrgId,
        leader: PersonId,
    ) -> Result<Vec<Evaluation>> {
        let rows: Vec<EvaluationRow> = self
            .all(
                select()
                    .and_where(Expr::col(E::OrgId).eq(org.0))
                    .and_where(Expr::col(E::LeaderId).eq(leader.0))
                    .and_where(Expr::col(E::Side).eq(Side::Employee.as_str())),
            )
            .await?;
        rows.into_iter().map(Evaluation::try_from).collect()
    }

    /// The scores of the evaluations given in a cycle on the conversations within reach, with
    /// the employee of each conversation: what the dashboards aggregate (no comments).
    pub async fn scores_in(
        &self,
        org: OrgId,
        cycle: CycleId,
        reach: Reach<'_>,
    ) -> Result<Vec<(PersonId, Scored)>> {
        let rows: Vec<(Uuid, String, i32, i32, i32, i32)> = self
            .all(
                Query::select()
                    .columns([
                        E::EmployeeId,
                        E::Side,
                        E::Equals,
                        E::Strategy,
                        E::Priorities,
                        E::Worth,
                    ])
                    .from(E::Table)
                    .and_where(Expr::col(E::OrgId).eq(org.0))
                    .and_where(Expr::col(E::CycleId).eq(cycle.0))
                    .and_where_option(reach.holds(org, E::ConversationId)),
            )
            .await?;
        rows.into_iter()
            .map(|(employee, side, equals, strategy, priorities, worth)| {
                let corrupt = || StorageError::Corrupt(format!("evaluation of {employee}"));
                let scored = Scored {
                    side: side.parse().map_err(|_| corrupt())?,
                    scores: scores([equals, strategy, priorities, worth]).ok_or_else(corrupt)?,
                };
                Ok((PersonId(employee), scored))
            })
            .collect()
    }
}

/// The four answers as stored, checked.
fn scores(stored: [i32; 4]) -> Option<Scores> {
    Scores::new(stored.map(|n| u8::try_from(n).unwrap_or(0))).ok()
}
