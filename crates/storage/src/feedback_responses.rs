//! The leadership's responses to strategic feedback: each shared item has a random handle;
//! the response says whether it was taken up, answers the employee, and may send it on to a
//! unit, whose leader then reads it — without a name when it was given without one.

use crate::db::{Db, now};
use crate::schema::{FeedbackResponses as R, FeedbackRevisions, People, StrategicFeedback as F};
use crate::{Result, StorageError};
use chrono::{DateTime, Utc};
use domain::dialogue::{Feedback, Response, Visibility};
use domain::{ConversationId, CycleId, GoalId, OrgId, PersonId, UnitId};
use sea_query::{Alias, Cond, Expr, Order, Query, SimpleExpr};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
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

/// The response row kept beside an item of feedback: one per conversation and goal.
fn kept_beside() -> SimpleExpr {
    Expr::col((R::Table, R::ConversationId))
        .equals((F::Table, F::ConversationId))
        .and(Expr::col((R::Table, R::GoalId)).equals((F::Table, F::GoalId)))
}

/// An item of a cycle's feedback shared with the leadership, without its texts: enough to
/// decide what may be shown, count what was raised and order it. A large organisation shares
/// thousands of items a cycle; the texts of those shown are read by their handles
/// ([`Db::shared_texts`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedEntry {
    pub person: PersonId,
    /// The giver's name, when they shared with it; empty otherwise.
    pub name: String,
    /// The giver's unit now.
    pub unit: UnitId,
    pub goal: GoalId,
    pub visibility: Visibility,
    pub clarity: Option<u8>,
    pub raised: Raised,
    /// Kept beside every item shared since handles exist.
    pub handle: Option<Uuid>,
    /// When it was first shared; unknown for items shared before this was kept.
    pub shared_at: Option<DateTime<Utc>>,
    /// What the leadership did, once it responded.
    pub response: Option<Responded>,
}

/// Which of the item's questions were answered with something.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Raised {
    pub barriers: bool,
    pub opportunities: bool,
    pub dilemmas: bool,
}

/// The leadership's response to an item, in short.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Responded {
    pub taken_up: bool,
    /// It wrote the employee an answer.
    pub answered: bool,
}

#[derive(sqlx::FromRow)]
struct EntryRow {
    employee_id: Uuid,
    goal_id: Uuid,
    clarity: Option<i32>,
    visibility: String,
    barriers: bool,
    opportunities: bool,
    dilemmas: bool,
    name: String,
    unit_id: Uuid,
    handle: Option<Uuid>,
    taken_up: Option<bool>,
    answered: Option<bool>,
    answered_at: Option<DateTime<Utc>>,
    shared_at: Option<DateTime<Utc>>,
}

impl TryFrom<EntryRow> for SharedEntry {
    type Error = StorageError;
    fn try_from(row: EntryRow) -> Result<SharedEntry> {
        let (clarity, visibility) =
            crate::dialogue::rating_and_visibility(row.goal_id, row.clarity, &row.visibility)?;
        Ok(SharedEntry {
            person: PersonId(row.employee_id),
            name: row.name,
            unit: UnitId(row.unit_id),
            goal: GoalId(row.goal_id),
            visibility,
            clarity,
            raised: Raised {
                barriers: row.barriers,
                opportunities: row.opportunities,
                dilemmas: row.dilemmas,
            },
            handle: row.handle,
            shared_at: row.shared_at,
            response: row.answered_at.map(|_| Responded {
                taken_up: row.taken_up.unwrap_or_default(),
                answered: row.answered.unwrap_or_default(),
            }),
        })
    }
}

#[derive(sqlx::FromRow)]
struct TextRow {
    #[sqlx(flatten)]
    feedback: crate::dialogue::FeedbackRow,
    handle: Uuid,
    #[sqlx(flatten)]
    response: ResponseRow,
}

/// Shared with the leadership, in a cycle of the organisation.
fn shared_in(org: OrgId, cycle: CycleId) -> Cond {
    Cond::all()
        .add(Expr::col((F::Table, F::OrgId)).eq(org.0))
        .add(Expr::col((F::Table, F::CycleId)).eq(cycle.0))
        .add(Expr::col((F::Table, F::Visibility)).ne(Visibility::Conversation.as_str()))
}

impl Db {
    /// A cycle's feedback shared with the leadership, named or not, each item with its giver
    /// and its handle, ordered by handle: random, so the order says nothing of who or when.
    /// Kept in memory under the cycle's `feedback_revisions` counter (see [`crate::revisions`]):
    /// reading it is a pass over every item of the cycle.
    pub async fn leadership_feedback(
        &self,
        org: OrgId,
        cycle: CycleId,
    ) -> Result<Arc<Vec<SharedEntry>>> {
        let revision = self.cycle_revision(FeedbackRevisions::Table, cycle).await?;
        let read = self.read_shared_entries(org, cycle);
        self.memory
            .shared_entries
            .or_read((org, cycle), revision, read)
            .await
    }

    async fn read_shared_entries(&self, org: OrgId, cycle: CycleId) -> Result<Vec<SharedEntry>> {
        let f = |c: F| Expr::col((F::Table, c));
        let given = |c: F| f(c).ne("");
        let named = f(F::Visibility).eq(Visibility::Named.as_str());
        let rows: Vec<EntryRow> = self
            .all(
                Query::select()
                    .columns(
                        [F::EmployeeId, F::GoalId, F::Clarity, F::Visibility]
                            .map(|c| (F::Table, c)),
                    )
                    .expr_as(given(F::Barriers), Alias::new("barriers"))
                    .expr_as(given(F::Opportunities), Alias::new("opportunities"))
                    .expr_as(given(F::HardSituations), Alias::new("dilemmas"))
                    .expr_as(
                        Expr::case(named, Expr::col((People::Table, People::Name))).finally(""),
                        Alias::new("name"),
                    )
                    .column((People::Table, People::UnitId))
                    .columns(
                        [R::Handle, R::TakenUp, R::AnsweredAt, R::SharedAt].map(|c| (R::Table, c)),
                    )
                    .expr_as(
                        Expr::col((R::Table, R::Answer)).ne(""),
                        Alias::new("answered"),
                    )
                    .from(F::Table)
                    .inner_join(
                        People::Table,
                        Expr::col((People::Table, People::Id)).equals((F::Table, F::EmployeeId)),
                    )
                    .left_join(R::Table, kept_beside())
                    .cond_where(shared_in(org, cycle))
                    .order_by((R::Table, R::Handle), Order::Asc),
            )
            .await?;
        rows.into_iter().map(SharedEntry::try_from).collect()
    }

    /// The texts of a cycle's shared items and the leadership's responses, by handle: of those
    /// given, or of all.
    pub async fn shared_texts(
        &self,
        org: OrgId,
        cycle: CycleId,
        handles: Option<&[Uuid]>,
    ) -> Result<HashMap<Uuid, (Feedback, Option<Response>)>> {
        if handles.is_some_and(|h| h.is_empty()) {
            return Ok(HashMap::new());
        }
        let rows: Vec<TextRow> = self
            .all(
                crate::dialogue::select()
                    .columns(
                        // The goal is the item's (the response row's is the same).
                        [
                            R::Handle,
                            R::TakenUp,
                            R::Answer,
                            R::RoutedUnitId,
                            R::AnsweredAt,
                        ]
                        .map(|c| (R::Table, c)),
                    )
                    .inner_join(R::Table, kept_beside())
                    .cond_where(shared_in(org, cycle))
                    .and_where_option(
                        handles.map(|h| Expr::col((R::Table, R::Handle)).is_in(h.iter().copied())),
                    ),
            )
            .await?;
        rows.into_iter()
            .map(|row| {
                let response = row.response.response();
                let (_, feedback) = <(PersonId, Feedback)>::try_from(row.feedback)?;
                Ok((row.handle, (feedback, response)))
            })
            .collect()
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
