//! The leadership's responses to strategic feedback: each shared item has a random handle;
//! the response says whether it was taken up, answers the employee, and may send it on to a
//! unit, whose leader then reads it — without a name when it was given without one.

use crate::db::{Db, now};
use crate::schema::{Conversations, FeedbackResponses as R, StrategicFeedback as F};
use crate::{Result, StorageError};
use chrono::{DateTime, Utc};
use domain::dialogue::{Feedback, Response, Visibility};
use domain::{ConversationId, CycleId, GoalId, OrgId, PersonId, UnitId};
use sea_query::{Expr, Query, SelectStatement};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

#[derive(sqlx::FromRow)]
struct ResponseRow {
    handle: Uuid,
    employee_id: Uuid,
    goal_id: Uuid,
    taken_up: bool,
    answer: String,
    routed_unit_id: Option<Uuid>,
    answered_at: Option<DateTime<Utc>>,
    shared_at: Option<DateTime<Utc>>,
}

impl ResponseRow {
    /// The response, once the leadership has given one.
    fn response(&self) -> Option<Response> {
        self.answered_at.map(|_| Response {
            taken_up: self.taken_up,
            answer: self.answer.clone(),
            routed_to: self.routed_unit_id.map(UnitId),
        })
    }
}

/// What is kept beside a shared item of feedback.
#[derive(Clone, Debug)]
pub struct Handle {
    /// Random: names the item on the pages without leading back to its conversation.
    pub id: Uuid,
    pub response: Option<Response>,
    /// When it was first shared; unknown for items shared before this was kept.
    pub shared_at: Option<DateTime<Utc>>,
}

/// The handles of a cycle's shared items, by employee and goal.
pub type Handled = HashMap<(PersonId, GoalId), Handle>;

/// Every response row with the employee of its conversation.
fn select_responses() -> SelectStatement {
    Query::select()
        .columns([
            (R::Table, R::Handle),
            (R::Table, R::GoalId),
            (R::Table, R::TakenUp),
            (R::Table, R::Answer),
            (R::Table, R::RoutedUnitId),
            (R::Table, R::AnsweredAt),
            (R::Table, R::SharedAt),
        ])
        .column((Conversations::Table, Conversations::EmployeeId))
        .from(R::Table)
        .inner_join(
            Conversations::Table,
            Expr::col((Conversations::Table, Conversations::Id))
                .equals((R::Table, R::ConversationId)),
        )
        .to_owned()
}

impl Db {
    /// The handles and responses of a cycle's shared feedback.
    pub async fn feedback_responses(&self, org: OrgId, cycle: CycleId) -> Result<Handled> {
        let rows: Vec<ResponseRow> = self
            .all(
                select_responses()
                    .and_where(Expr::col((R::Table, R::OrgId)).eq(org.0))
                    .and_where(
                        Expr::col((Conversations::Table, Conversations::CycleId)).eq(cycle.0),
                    ),
            )
            .await?;
        Ok(rows
            .into_iter()
            .map(|row| {
                let key = (PersonId(row.employee_id), GoalId(row.goal_id));
                let handle = Handle {
                    id: row.handle,
                    response: row.response(),
                    shared_at: row.shared_at,
                };
                (key, handle)
            })
            .collect())
    }

    /// The leadership responds to an item; `NotFound` unless the handle is the organisation's.
    pub async fn respond_to_feedback(
        &self,
        org: OrgId,
        handle: Uuid,
        response: &Response,
        by: PersonId,
    ) -> Result<()> {
        let touched = self
            .exec(
                Query::update()
                    .table(R::Table)
                    .values([
                        (R::TakenUp, response.taken_up.into()),
                        (R::Answer, response.answer.clone().into()),
                        (R::RoutedUnitId, response.routed_to.map(|u| u.0).into()),
                        (R::AnsweredBy, by.0.into()),
                        (R::AnsweredAt, now().into()),
                    ])
                    .and_where(Expr::col(R::OrgId).eq(org.0))
                    .and_where(Expr::col(R::Handle).eq(handle)),
            )
            .await?;
        if touched == 0 {
            return Err(StorageError::NotFound);
        }
        Ok(())
    }

    /// The leadership's responses on one conversation's feedback, for its employee.
    pub async fn responses_of(
        &self,
        conversation: ConversationId,
    ) -> Result<HashMap<GoalId, Response>> {
        let rows: Vec<ResponseRow> = self
            .all(
                select_responses()
                    .and_where(Expr::col((R::Table, R::ConversationId)).eq(conversation.0)),
            )
            .await?;
        Ok(rows
            .iter()
            .filter_map(|row| row.response().map(|r| (GoalId(row.goal_id), r)))
            .collect())
    }

    /// The feedback the leadership sent on to any of `units`: who gave it (none when it was
    /// given without a name), the item and the response.
    pub async fn routed_feedback(
        &self,
        org: OrgId,
        units: &HashSet<UnitId>,
    ) -> Result<Vec<(Option<PersonId>, Feedback, Response)>> {
        if units.is_empty() {
            return Ok(Vec::new());
        }
        let rows: Vec<RoutedRow> = self
            .all(
                crate::dialogue::select()
                    .columns([
                        (R::Table, R::TakenUp),
                        (R::Table, R::Answer),
                        (R::Table, R::RoutedUnitId),
                        (R::Table, R::AnsweredAt),
                    ])
                    .inner_join(
                        R::Table,
                        Expr::col((F::Table, F::ConversationId))
                            .equals((R::Table, R::ConversationId))
                            .and(Expr::col((F::Table, F::GoalId)).equals((R::Table, R::GoalId))),
                    )
                    .and_where(Expr::col((R::Table, R::OrgId)).eq(org.0))
                    .and_where(
                        Expr::col((R::Table, R::RoutedUnitId))
                            .is_in(units.iter().map(|u| u.0).collect::<Vec<_>>()),
                    )
                    .and_where(
                        Expr::col((F::Table, F::Visibility)).ne(Visibility::Conversation.as_str()),
                    ),
            )
            .await?;
        let mut out = Vec::new();
        for row in rows {
            if row.answered_at.is_none() {
                continue;
            }
            let response = Response {
                taken_up: row.taken_up,
                answer: row.answer,
                routed_to: row.routed_unit_id.map(UnitId),
            };
            let (employee, feedback) = <(PersonId, Feedback)>::try_from(row.feedback)?;
            let who = (feedback.visibility == Visibility::Named).then_some(employee);
            out.push((who, feedback, response));
        }
        Ok(out)
    }
}

#[derive(sqlx::FromRow)]
struct RoutedRow {
    #[sqlx(flatten)]
    feedback: crate::dialogue::FeedbackRow,
    taken_up: bool,
    answer: String,
    routed_unit_id: Option<Uuid>,
    answered_at: Option<DateTime<Utc>>,
}
