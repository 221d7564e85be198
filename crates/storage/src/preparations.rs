//! Preparations: one per party and conversation, answers stored as JSON.

use crate::db::{Db, now};
use crate::schema::Preparations;
use crate::{Result, StorageError};
use domain::ConversationId;
use domain::preparation::Preparation;
use sea_query::{Expr, OnConflict, Query};

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
}
