//! Follow-up meetings on signed agreements.

use crate::db::{Conn, Db, now};
use crate::development_goals::write_goal_reviews;
use crate::schema::{Conversations, FollowUps as F};
use crate::{Reach, Result, StorageError};
use chrono::{DateTime, NaiveDate, Utc};
use domain::followup::FollowUp;
use domain::{ConversationId, FollowUpId, OrgId};
use sea_query::{Expr, Order, Query, SelectStatement};
use uuid::Uuid;

#[derive(sqlx::FromRow)]
struct FollowUpRow {
    id: Uuid,
    conversation_id: Uuid,
    due: NaiveDate,
    held_at: Option<DateTime<Utc>>,
    reviews: String,
    revision: i32,
}

impl TryFrom<FollowUpRow> for FollowUp {
    type Error = StorageError;
    fn try_from(row: FollowUpRow) -> Result<Self> {
        Ok(FollowUp {
            id: FollowUpId(row.id),
            conversation_id: ConversationId(row.conversation_id),
            due: row.due,
            held_at: row.held_at,
            reviews: serde_json::from_str(&row.reviews)
                .map_err(|e| StorageError::Corrupt(format!("follow-up {}: {e}", row.id)))?,
            revision: row.revision as u32,
        })
    }
}

fn select() -> SelectStatement {
    Query::select()
        .columns([
            (F::Table, F::Id),
            (F::Table, F::ConversationId),
            (F::Table, F::Due),
            (F::Table, F::HeldAt),
            (F::Table, F::Reviews),
            (F::Table, F::Revision),
        ])
        .from(F::Table)
        .to_owned()
}

fn reviews(f: &FollowUp) -> Result<String> {
    serde_json::to_string(&f.reviews).map_err(|e| StorageError::Corrupt(e.to_string()))
}

/// Writes new follow-ups, inside the caller's transaction.
pub(crate) async fn insert_follow_ups(c: &mut Conn<'_>, follow_ups: &[FollowUp]) -> Result<()> {
    for f in follow_ups {
        c.exec(
            Query::insert()
                .into_table(F::Table)
                .columns([
                    F::Id,
                    F::ConversationId,
                    F::Due,
                    F::HeldAt,
                    F::Reviews,
                    F::Revision,
                    F::UpdatedAt,
                ])
                .values_panic([
                    f.id.0.into(),
                    f.conversation_id.0.into(),
                    f.due.into(),
                    f.held_at.into(),
                    reviews(f)?.into(),
                    (f.revision as i32).into(),
                    now().into(),
                ]),
        )
        .await?;
        if f.held_at.is_some() {
            write_goal_reviews(c, f).await?;
        }
    }
    Ok(())
}

impl Db {
    /// A conversation's follow-ups, by date.
    pub async fn follow_ups(&self, conversation: ConversationId) -> Result<Vec<FollowUp>> {
        let rows: Vec<FollowUpRow> = self
            .all(
                select()
                    .and_where(Expr::col((F::Table, F::ConversationId)).eq(conversation.0))
                    .order_by((F::Table, F::Due), Order::Asc),
            )
            .await?;
        rows.into_iter().map(TryFrom::try_from).collect()
    }

    /// The follow-ups within reach not yet held, by date.
    pub async fn open_follow_ups(&self, org: OrgId, reach: Reach<'_>) -> Result<Vec<FollowUp>> {
        self.follow_ups_in(org, reach, true).await
    }

    /// Every follow-up within reach, held or not, by date.
    pub async fn all_follow_ups(&self, org: OrgId, reach: Reach<'_>) -> Result<Vec<FollowUp>> {
        self.follow_ups_in(org, reach, false).await
    }

    async fn follow_ups_in(
        &self,
        org: OrgId,
        reach: Reach<'_>,
        only_open: bool,
    ) -> Result<Vec<FollowUp>> {
        let mut query = select()
            .inner_join(
                Conversations::Table,
                Expr::col((Conversations::Table, Conversations::Id))
                    .equals((F::Table, F::ConversationId)),
            )
            .cond_where(reach.condition(org))
            .order_by((F::Table, F::Due), Order::Asc)
            .to_owned();
        if only_open {
            query.and_where(Expr::col((F::Table, F::HeldAt)).is_null());
        }
        let rows: Vec<FollowUpRow> = self.all(&query).await?;
        rows.into_iter().map(TryFrom::try_from).collect()
    }

    /// One follow-up of the organisation.
    pub async fn follow_up(&self, org: OrgId, id: FollowUpId) -> Result<FollowUp> {
        let row: Option<FollowUpRow> = self
            .optional(
                select()
                    .inner_join(
                        Conversations::Table,
                        Expr::col((Conversations::Table, Conversations::Id))
                            .equals((F::Table, F::ConversationId)),
                    )
                    .and_where(Expr::col((Conversations::Table, Conversations::OrgId)).eq(org.0))
                    .and_where(Expr::col((F::Table, F::Id)).eq(id.0)),
            )
            .await?;
        row.ok_or(StorageError::NotFound)?.try_into()
    }

    pub async fn add_follow_up(&self, follow_up: &FollowUp) -> Result<()> {
        let mut conn = self.conn().await?;
        insert_follow_ups(&mut conn.c(), std::slice::from_ref(follow_up)).await
    }

    /// Saves a follow-up whose revision was raised from `previous`, unless someone saved it
    /// since: [`StorageError::Conflict`].
    pub async fn save_follow_up(&self, f: &FollowUp, previous: u32) -> Result<()> {
        let mut tx = self.begin().await?;
        let touched = tx
            .c()
            .exec(
                Query::update()
                    .table(F::Table)
                    .values([
                        (F::Due, f.due.into()),
                        (F::HeldAt, f.held_at.into()),
                        (F::Reviews, reviews(f)?.into()),
                        (F::Revision, (f.revision as i32).into()),
                        (F::UpdatedAt, now().into()),
                    ])
                    .and_where(Expr::col(F::Id).eq(f.id.0))
                    .and_where(Expr::col(F::Revision).eq(previous as i32)),
            )
            .await?;
        if touched == 0 {
            return Err(StorageError::Conflict);
        }
        write_goal_reviews(&mut tx.c(), f).await?;
        tx.commit().await
    }
}
