//! Psychological contracts, one per conversation, lines stored as JSON.

use crate::db::{Db, now};
use crate::schema::Contracts;
use crate::{Result, StorageError};
use domain::ConversationId;
use domain::contract::Contract;
use sea_query::{Expr, OnConflict, Query};

#[derive(sqlx::FromRow)]
struct ContractRow {
    items: String,
    employee_confirmed: bool,
    leader_confirmed: bool,
    revision: i32,
}

impl Db {
    pub async fn contract(&self, conversation: ConversationId) -> Result<Option<Contract>> {
        let row: Option<ContractRow> = self
            .optional(
                Query::select()
                    .columns([
                        Contracts::Items,
                        Contracts::EmployeeConfirmed,
                        Contracts::LeaderConfirmed,
                        Contracts::Revision,
                    ])
                    .from(Contracts::Table)
                    .and_where(Expr::col(Contracts::ConversationId).eq(conversation.0)),
            )
            .await?;
        row.map(|row| {
            Ok(Contract {
                conversation_id: conversation,
                items: serde_json::from_str(&row.items)
                    .map_err(|e| StorageError::Corrupt(format!("contract: {e}")))?,
                employee_confirmed: row.employee_confirmed,
                leader_confirmed: row.leader_confirmed,
                revision: row.revision as u32,
            })
        })
        .transpose()
    }

    /// Saves a contract whose revision was raised from `previous`; if the stored one has moved
    /// on meanwhile (the other party saved), nothing is written: [`StorageError::Conflict`].
    pub async fn save_contract(&self, contract: &Contract, previous: u32) -> Result<()> {
        let items = serde_json::to_string(&contract.items)
            .map_err(|e| StorageError::Corrupt(e.to_string()))?;
        let touched = self
            .exec(
                Query::insert()
                    .into_table(Contracts::Table)
                    .columns([
                        Contracts::ConversationId,
                        Contracts::Items,
                        Contracts::EmployeeConfirmed,
                        Contracts::LeaderConfirmed,
                        Contracts::Revision,
                        Contracts::UpdatedAt,
                    ])
                    .values_panic([
                        contract.conversation_id.0.into(),
                        items.into(),
                        contract.employee_confirmed.into(),
                        contract.leader_confirmed.into(),
                        (contract.revision as i32).into(),
                        now().into(),
                    ])
                    .on_conflict(
                        OnConflict::column(Contracts::ConversationId)
                            .update_columns([
                                Contracts::Items,
                                Contracts::EmployeeConfirmed,
                                Contracts::LeaderConfirmed,
                                Contracts::Revision,
                                Contracts::UpdatedAt,
                            ])
                            .action_and_where(
                                Expr::col((Contracts::Table, Contracts::Revision))
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
