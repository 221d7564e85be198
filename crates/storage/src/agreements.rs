//! Development agreements and the shared notes of a conversation, one of each per
//! conversation, written under a revision so that neither party overwrites the other unseen.

use crate::db::{Db, now};
use crate::schema::{Agreements, ConversationNotes, Conversations, Preparations};
use crate::{Result, StorageError};
use chrono::{DateTime, Utc};
use domain::agreement::{Agreement, Amendment, Terms};
use domain::conversation::Marks;
use domain::{ConversationId, CycleId, OrgId};
use sea_query::{Expr, OnConflict, Query};
use std::collections::HashMap;
use uuid::Uuid;

#[derive(sqlx::FromRow)]
struct AgreementRow {
    document: String,
    employee_signed_at: Option<DateTime<Utc>>,
    leader_signed_at: Option<DateTime<Utc>>,
    revision: i32,
}

fn corrupt(e: serde_json::Error) -> StorageError {
    StorageError::Corrupt(format!("agreement: {e}"))
}

impl Db {
    pub async fn agreement(&self, conversation: ConversationId) -> Result<Option<Agreement>> {
        let row: Option<AgreementRow> = self
            .optional(
                Query::select()
                    .columns([
                        Agreements::Document,
                        Agreements::EmployeeSignedAt,
                        Agreements::LeaderSignedAt,
                        Agreements::Revision,
                    ])
                    .from(Agreements::Table)
                    .and_where(Expr::col(Agreements::ConversationId).eq(conversation.0)),
            )
            .await?;
        row.map(|row| {
            let mut document: serde_json::Value =
                serde_json::from_str(&row.document).map_err(corrupt)?;
            let terms: Terms = serde_json::from_value(document["terms"].take()).map_err(corrupt)?;
            let amendments: Vec<Amendment> =
                serde_json::from_value(document["amendments"].take()).map_err(corrupt)?;
            Ok(Agreement {
                conversation_id: conversation,
                terms,
                employee_signed: row.employee_signed_at,
                leader_signed: row.leader_signed_at,
                amendments,
                revision: row.revision as u32,
            })
        })
        .transpose()
    }

    /// Saves an agreement whose revision was raised from `previous`; if the stored one has
    /// moved on meanwhile, nothing is written: [`StorageError::Conflict`].
    pub async fn save_agreement(&self, agreement: &Agreement, previous: u32) -> Result<()> {
        let document = serde_json::json!({
            "terms": agreement.terms,
            "amendments": agreement.amendments,
        })
        .to_string();
        let touched = self
            .exec(
                Query::insert()
                    .into_table(Agreements::Table)
                    .columns([
                        Agreements::ConversationId,
                        Agreements::Document,
                        Agreements::EmployeeSignedAt,
                        Agreements::LeaderSignedAt,
                        Agreements::Revision,
                        Agreements::UpdatedAt,
                    ])
                    .values_panic([
                        agreement.conversation_id.0.into(),
                        document.into(),
                        agreement.employee_signed.into(),
                        agreement.leader_signed.into(),
                        (agreement.revision as i32).into(),
                        now().into(),
                    ])
                    .on_conflict(
                        OnConflict::column(Agreements::ConversationId)
                            .update_columns([
                                Agreements::Document,
                                Agreements::EmployeeSignedAt,
                                Agreements::LeaderSignedAt,
                                Agreements::Revision,
                                Agreements::UpdatedAt,
                            ])
                            .action_and_where(
                                Expr::col((Agreements::Table, Agreements::Revision))
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

    /// The shared notes of a conversation and their revision (empty at revision 0).
    pub async fn notes(&self, conversation: ConversationId) -> Result<(String, u32)> {
        let row: Option<(String, i32)> = self
            .optional(
                Query::select()
                    .columns([ConversationNotes::Text, ConversationNotes::Revision])
                    .from(ConversationNotes::Table)
                    .and_where(Expr::col(ConversationNotes::ConversationId).eq(conversation.0)),
            )
            .await?;
        Ok(row
            .map(|(text, revision)| (text, revision as u32))
            .unwrap_or_default())
    }

    /// Saves the notes as revision `previous + 1`, unless someone saved since `previous`.
    pub async fn save_notes(
        &self,
        conversation: ConversationId,
        text: &str,
        previous: u32,
    ) -> Result<()> {
        let touched = self
            .exec(
                Query::insert()
                    .into_table(ConversationNotes::Table)
                    .columns([
                        ConversationNotes::ConversationId,
                        ConversationNotes::Text,
                        ConversationNotes::Revision,
                        ConversationNotes::UpdatedAt,
                    ])
                    .values_panic([
                        conversation.0.into(),
                        text.into(),
                        (previous as i32 + 1).into(),
                        now().into(),
                    ])
                    .on_conflict(
                        OnConflict::column(ConversationNotes::ConversationId)
                            .update_columns([
                                ConversationNotes::Text,
                                ConversationNotes::Revision,
                                ConversationNotes::UpdatedAt,
                            ])
                            .action_and_where(
                                Expr::col((ConversationNotes::Table, ConversationNotes::Revision))
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

    /// Whether one conversation's preparation has started and its agreement is signed by both.
    pub async fn marks(&self, conversation: ConversationId) -> Result<Marks> {
        let prepared: Option<(Uuid,)> = self
            .optional(
                Query::select()
                    .column(Preparations::ConversationId)
                    .from(Preparations::Table)
                    .and_where(Expr::col(Preparations::ConversationId).eq(conversation.0))
                    .limit(1),
            )
            .await?;
        let agreed = self
            .agreement(conversation)
            .await?
            .is_some_and(|a| a.signed());
        Ok(Marks {
            prepared: prepared.is_some(),
            agreed,
        })
    }

    /// For each conversation of a cycle that has any: whether preparation has started and
    /// whether the agreement is signed by both.
    pub async fn conversation_marks(
        &self,
        org: OrgId,
        cycle: CycleId,
    ) -> Result<HashMap<ConversationId, Marks>> {
        let in_cycle = || {
            Query::select()
                .column(Conversations::Id)
                .from(Conversations::Table)
                .and_where(Expr::col(Conversations::OrgId).eq(org.0))
                .and_where(Expr::col(Conversations::CycleId).eq(cycle.0))
                .to_owned()
        };
        let prepared: Vec<(Uuid,)> = self
            .all(
                Query::select()
                    .distinct()
                    .column(Preparations::ConversationId)
                    .from(Preparations::Table)
                    .and_where(Expr::col(Preparations::ConversationId).in_subquery(in_cycle())),
            )
            .await?;
        let agreed: Vec<(Uuid,)> = self
            .all(
                Query::select()
                    .column(Agreements::ConversationId)
                    .from(Agreements::Table)
                    .and_where(Expr::col(Agreements::ConversationId).in_subquery(in_cycle()))
                    .and_where(Expr::col(Agreements::EmployeeSignedAt).is_not_null())
                    .and_where(Expr::col(Agreements::LeaderSignedAt).is_not_null()),
            )
            .await?;
        let mut marks: HashMap<ConversationId, Marks> = HashMap::new();
        for (id,) in prepared {
            marks.entry(ConversationId(id)).or_default().prepared = true;
        }
        for (id,) in agreed {
            marks.entry(ConversationId(id)).or_default().agreed = true;
        }
        Ok(marks)
    }
}
