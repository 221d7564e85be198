//! The strategic dialogue's feedback, per conversation and focus goal.

use crate::db::{Db, now};
use crate::reach::Reach;
use crate::schema::{FeedbackResponses, StrategicFeedback as F};
use crate::{Result, StorageError};
use domain::conversation::Conversation;
use domain::dialogue::{Feedback, Visibility};
use domain::{ConversationId, CycleId, GoalId, OrgId, PersonId};
use sea_query::{Expr, OnConflict, Query, SelectStatement};
use uuid::Uuid;

#[derive(sqlx::FromRow)]
pub(crate) struct FeedbackRow {
    employee_id: Uuid,
    goal_id: Uuid,
    contribution: String,
    hard_situations: String,
    what_then: String,
    opportunities: String,
    barriers: String,
    clarity: Option<i32>,
    visibility: String,
}

/// An item's clarity rating and visibility as stored, checked.
pub(crate) fn rating_and_visibility(
    goal: Uuid,
    clarity: Option<i32>,
    visibility: &str,
) -> Result<(Option<u8>, Visibility)> {
    let corrupt = || StorageError::Corrupt(format!("feedback {goal}"));
    Ok((
        clarity
            .map(|c| u8::try_from(c).map_err(|_| corrupt()))
            .transpose()?,
        visibility.parse().map_err(|_| corrupt())?,
    ))
}

impl TryFrom<FeedbackRow> for (PersonId, Feedback) {
    type Error = StorageError;
    fn try_from(row: FeedbackRow) -> Result<Self> {
        let (clarity, visibility) =
            rating_and_visibility(row.goal_id, row.clarity, &row.visibility)?;
        Ok((
            PersonId(row.employee_id),
            Feedback {
                goal_id: GoalId(row.goal_id),
                clarity,
                visibility,
                contribution: row.contribution,
                hard_situations: row.hard_situations,
                what_then: row.what_then,
                opportunities: row.opportunities,
                barriers: row.barriers,
            },
        ))
    }
}

pub(crate) fn select() -> SelectStatement {
    Query::select()
        .columns(
            [
                F::EmployeeId,
                F::GoalId,
                F::Contribution,
                F::HardSituations,
                F::WhatThen,
                F::Opportunities,
                F::Barriers,
                F::Clarity,
                F::Visibility,
            ]
            .map(|c| (F::Table, c)),
        )
        .from(F::Table)
        .to_owned()
}

impl Db {
    /// The employee's feedback in one conversation.
    pub async fn feedback_of(&self, conversation: ConversationId) -> Result<Vec<Feedback>> {
        let rows: Vec<FeedbackRow> = self
            .all(select().and_where(Expr::col(F::ConversationId).eq(conversation.0)))
            .await?;
        rows.into_iter()
            .map(|row| <(PersonId, Feedback)>::try_from(row).map(|(_, f)| f))
            .collect()
    }

    /// Replaces the employee's feedback in a conversation, all at once.
    pub async fn save_feedback(&self, c: &Conversation, items: &[Feedback]) -> Result<()> {
        let mut tx = self.begin().await?;
        tx.c()
            .exec(
                Query::delete()
                    .from_table(F::Table)
                    .and_where(Expr::col(F::ConversationId).eq(c.id.0)),
            )
            .await?;
        let at = now();
        for f in items {
            tx.c()
                .exec(
                    Query::insert()
                        .into_table(F::Table)
                        .columns([
                            F::ConversationId,
                            F::GoalId,
                            F::OrgId,
                            F::CycleId,
                            F::EmployeeId,
                            F::Contribution,
                            F::HardSituations,
                            F::WhatThen,
                            F::Opportunities,
                            F::Barriers,
                            F::Clarity,
                            F::Visibility,
                            F::UpdatedAt,
                        ])
                        .values_panic([
                            c.id.0.into(),
                            f.goal_id.0.into(),
                            c.org_id.0.into(),
                            c.cycle_id.0.into(),
                            c.employee_id.0.into(),
                            f.contribution.clone().into(),
                            f.hard_situations.clone().into(),
                            f.what_then.clone().into(),
                            f.opportunities.clone().into(),
                            f.barriers.clone().into(),
                            f.clarity.map(i32::from).into(),
                            f.visibility.as_str().into(),
                            at.into(),
                        ]),
                )
                .await?;
            // A shared item gets its handle for the leadership's response once, and keeps it.
            if f.visibility != Visibility::Conversation {
                tx.c()
                    .exec(
                        Query::insert()
                            .into_table(FeedbackResponses::Table)
                            .columns([
                                FeedbackResponses::Handle,
                                FeedbackResponses::ConversationId,
                                FeedbackResponses::GoalId,
                                FeedbackResponses::OrgId,
                                FeedbackResponses::TakenUp,
                                FeedbackResponses::Answer,
                                FeedbackResponses::SharedAt,
                            ])
                            .values_panic([
                                Uuid::new_v4().into(),
                                c.id.0.into(),
                                f.goal_id.0.into(),
                                c.org_id.0.into(),
                                false.into(),
                                "".into(),
                                at.into(),
                            ])
                            .on_conflict(
                                OnConflict::columns([
                                    FeedbackResponses::ConversationId,
                                    FeedbackResponses::GoalId,
                                ])
                                .do_nothing()
                                .to_owned(),
                            ),
                    )
                    .await?;
            }
        }
        tx.commit().await
    }
    /// How clear each focus goal is to those who shared their feedback of a cycle with the
    /// leadership, named or not, on the conversations within reach, with the employee of each
    /// conversation: what the dashboards aggregate (no texts). What they kept to their
    /// conversation is never read here.
    pub async fn clarity_in(
        &self,
        org: OrgId,
        cycle: CycleId,
        reach: Reach<'_>,
    ) -> Result<Vec<(PersonId, GoalId, u8)>> {
        let rows: Vec<(Uuid, Uuid, i32)> = self
            .all(
                Query::select()
                    .columns([F::EmployeeId, F::GoalId, F::Clarity].map(|c| (F::Table, c)))
                    .from(F::Table)
                    .and_where(Expr::col(F::OrgId).eq(org.0))
                    .and_where(Expr::col(F::CycleId).eq(cycle.0))
                    .and_where(Expr::col(F::Visibility).ne(Visibility::Conversation.as_str()))
                    .and_where(Expr::col(F::Clarity).is_not_null())
                    .and_where_option(reach.holds(org, (F::Table, F::ConversationId))),
            )
            .await?;
        rows.into_iter()
            .map(|(employee, goal, clarity)| {
                let clarity = u8::try_from(clarity)
                    .map_err(|_| StorageError::Corrupt(format!("feedback {goal}")))?;
                Ok((PersonId(employee), GoalId(goal), clarity))
            })
            .collect()
    }
}
