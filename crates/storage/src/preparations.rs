//! Preparations: one per party and conversation, answers stored as JSON.

use crate::db::{Db, now};
use crate::schema::{Conversations, Organisations, Preparations};
use crate::{Result, StorageError};
use chrono::{DateTime, Utc};
use domain::ConversationId;
use domain::preparation::Preparation;
use sea_query::{Expr, OnConflict, Query};
use uuid::Uuid;

#[derive(sqlx::FromRow)]
struct PreparationRow {
    side: String,
    answers: String,
    revision: i32,
    shared: bool,
}

impl Db {
    /// Both parties' preparations of a conversation (none, one or two). The caller decides what
    /// the viewer may see of them (`domain::preparation::other_visible`).
    pub async fn preparations(&self, conversation: ConversationId) -> Result<Vec<Preparation>> {
        let rows: Vec<PreparationRow> = self
            .all(
                Query::select()
                    .columns([
                        Preparations::Side,
                        Preparations::Answers,
                        Preparations::Revision,
                        Preparations::Shared,
                    ])
                    .from(Preparations::Table)
                    .and_where(Expr::col(Preparations::ConversationId).eq(conversation.0)),
            )
            .await?;
        rows.into_iter()
            .map(|row| {
                Ok(Preparation {
                    conversation_id: conversation,
                    side: row
                        .side
                        .parse()
                        .map_err(|_| StorageError::Corrupt(format!("side {}", row.side)))?,
                    answers: serde_json::from_str(&row.answers)
                        .map_err(|e| StorageError::Corrupt(format!("answers: {e}")))?,
                    revision: row.revision as u32,
                    shared: row.shared,
                })
            })
            .collect()
    }

    /// Saves a preparation whose revision was raised from `previous`. If another save got there
    /// first (the stored revision is no longer `previous`), nothing is written and this gives
    /// [`StorageError::Conflict`].
    pub async fn save_preparation(&self, prep: &Preparation, previous: u32) -> Result<()> {
        let answers = serde_json::to_string(&prep.answers)
            .map_err(|e| StorageError::Corrupt(e.to_string()))?;
        let touched = self
            .exec(
                Query::insert()
                    .into_table(Preparations::Table)
                    .columns([
                        Preparations::ConversationId,
                        Preparations::Side,
                        Preparations::Answers,
                        Preparations::Revision,
                        Preparations::Shared,
                        Preparations::UpdatedAt,
                    ])
                    .values_panic([
                        prep.conversation_id.0.into(),
                        prep.side.as_str().into(),
                        answers.into(),
                        (prep.revision as i32).into(),
                        prep.shared.into(),
                        now().into(),
                    ])
                    .on_conflict(
                        OnConflict::columns([Preparations::ConversationId, Preparations::Side])
                            .update_columns([
                                Preparations::Answers,
                                Preparations::Revision,
                                Preparations::Shared,
                                Preparations::UpdatedAt,
                            ])
                            .action_and_where(
                                Expr::col((Preparations::Table, Preparations::Revision))
                                    .eq(previous as i32),
                            )
                            .to_owned(),
                    ),
            )
            .await?;
        if touched == 0 {
            return Err(StorageError::Conflict);
        }
        Ok(())
    }

    /// Really deletes the preparations that were never shared, of conversations held longer
    /// ago than their organisation keeps private drafts. Returns how many went.
    pub async fn purge_expired_drafts(&self, now: DateTime<Utc>) -> Result<u64> {
        let held: Vec<(Uuid, DateTime<Utc>, i32)> = self
            .all(
                Query::select()
                    .column((Conversations::Table, Conversations::Id))
                    .column((Conversations::Table, Conversations::HeldAt))
                    .column((Organisations::Table, Organisations::DraftRetentionDays))
                    .from(Conversations::Table)
                    .inner_join(
                        Organisations::Table,
                        Expr::col((Organisations::Table, Organisations::Id))
                            .equals((Conversations::Table, Conversations::OrgId)),
                    )
                    .and_where(
                        Expr::col((Conversations::Table, Conversations::HeldAt)).is_not_null(),
                    )
                    .and_where(
                        Expr::col((Conversations::Table, Conversations::Id)).in_subquery(
                            Query::select()
                                .column(Preparations::ConversationId)
                                .from(Preparations::Table)
                                .and_where(Expr::col(Preparations::Shared).eq(false))
                                .to_owned(),
                        ),
                    ),
            )
            .await?;
        let expired: Vec<Uuid> = held
            .into_iter()
            .filter(|(_, held_at, days)| *held_at + chrono::Duration::days(i64::from(*days)) <= now)
            .map(|(id, _, _)| id)
            .collect();
        if expired.is_empty() {
            return Ok(0);
        }
        self.exec(
            Query::delete()
                .from_table(Preparations::Table)
                .and_where(Expr::col(Preparations::Shared).eq(false))
                .and_where(Expr::col(Preparations::ConversationId).is_in(expired)),
        )
        .await
    }
}
