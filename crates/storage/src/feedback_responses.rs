//! The leadership's responses to strategic feedback: each shared item has a random handle;
//! the response says whether it was taken up, answers the employee, and may send it on to a
//! unit, whose leader then reads it — without a name when it was given without one.

use crate::db::{Db, now};
use crate::schema::{FeedbackResponses as R, People, StrategicFeedback as F};
use crate::{Result, StorageError};
use chrono::{DateTime, Utc};
use domain::dialogue::{Feedback, Response, Visibility};
use domain::{ConversationId, CycleId, GoalId, OrgId, PersonId, UnitId};
use sea_query::{Expr, Query, SimpleExpr};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

#[derive(sqlx::FromRow)]
struct ResponseRow {
    goal_id: Uuid,
    taken_up: bool,
    answer: String,
    routed_unit_id: Option<Uuid>,
    answered_at: Option<DateTime<Utc>>,
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

/// The response row kept beside an item of feedback: one per conversation and goal.
fn kept_beside() -> SimpleExpr {
    Expr::col((R::Table, R::ConversationId))
        .equals((F::Table, F::ConversationId))
        .and(Expr::col((R::Table, R::GoalId)).equals((F::Table, F::GoalId)))
}

/// An item of a cycle's feedback shared with the leadership, with its giver and its handle.
#[derive(Clone, Debug)]
pub struct SharedItem {
    pub person: PersonId,
    /// The giver's name and unit now; a page names only those who shared with their name.
    pub name: String,
    pub unit: UnitId,
    pub feedback: Feedback,
    /// Kept beside every item shared since handles exist.
    pub handle: Option<Handle>,
}

#[derive(sqlx::FromRow)]
struct SharedRow {
    #[sqlx(flatten)]
    feedback: crate::dialogue::FeedbackRow,
    name: String,
    unit_id: Uuid,
    handle: Option<Uuid>,
    taken_up: Option<bool>,
    answer: Option<String>,
    routed_unit_id: Option<Uuid>,
    answered_at: Option<DateTime<Utc>>,
    shared_at: Option<DateTime<Utc>>,
}

impl TryFrom<SharedRow> for SharedItem {
    type Error = StorageError;
    fn try_from(row: SharedRow) -> Result<SharedItem> {
        let (person, feedback) = <(PersonId, Feedback)>::try_from(row.feedback)?;
        let response = row.answered_at.map(|_| Response {
            taken_up: row.taken_up.unwrap_or_default(),
            answer: row.answer.unwrap_or_default(),
            routed_to: row.routed_unit_id.map(UnitId),
        });
        Ok(SharedItem {
            person,
            name: row.name,
            unit: UnitId(row.unit_id),
            feedback,
            handle: row.handle.map(|id| Handle {
                id,
                response,
                shared_at: row.shared_at,
            }),
        })
    }
}

impl Db {
    /// A cycle's feedback shared with the leadership, named or not, each item with its giver
    /// and its handle, in one statement: a large organisation shares thousands of items.
    pub async fn leadership_feedback(&self, org: OrgId, cycle: CycleId) -> Result<Vec<SharedItem>> {
        let rows: Vec<SharedRow> = self
            .all(
                crate::dialogue::select()
                    .columns([
                        (People::Table, People::Name),
                        (People::Table, People::UnitId),
                    ])
                    .columns([
                        (R::Table, R::Handle),
                        (R::Table, R::TakenUp),
                        (R::Table, R::Answer),
                        (R::Table, R::RoutedUnitId),
                        (R::Table, R::AnsweredAt),
                        (R::Table, R::SharedAt),
                    ])
                    .inner_join(
                        People::Table,
                        Expr::col((People::Table, People::Id)).equals((F::Table, F::EmployeeId)),
                    )
                    .left_join(R::Table, kept_beside())
                    .and_where(Expr::col((F::Table, F::OrgId)).eq(org.0))
                    .and_where(Expr::col((F::Table, F::CycleId)).eq(cycle.0))
                    .and_where(
                        Expr::col((F::Table, F::Visibility)).ne(Visibility::Conversation.as_str()),
                    ),
            )
            .await?;
        rows.into_iter().map(SharedItem::try_from).collect()
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
                Query::select()
                    .columns([
                        R::GoalId,
                        R::TakenUp,
                        R::Answer,
                        R::RoutedUnitId,
                        R::AnsweredAt,
                    ])
                    .from(R::Table)
                    .and_where(Expr::col(R::ConversationId).eq(conversation.0)),
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
                    .inner_join(R::Table, kept_beside())
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
