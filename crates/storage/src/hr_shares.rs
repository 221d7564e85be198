//! The parts of a conversation its employee shares with HR.

use crate::schema::ConversationHrShares as S;
use crate::{Db, Result};
use domain::ConversationId;
use domain::sharing::Part;
use sea_query::{Expr, OnConflict, Query};

impl Db {
    pub async fn hr_shares(&self, conversation: ConversationId) -> Result<Vec<Part>> {
        let rows: Vec<(String,)> = self
            .all(
                Query::select()
                    .column(S::Part)
                    .from(S::Table)
                    .and_where(Expr::col(S::ConversationId).eq(conversation.0)),
            )
            .await?;
        Ok(rows.into_iter().filter_map(|(p,)| p.parse().ok()).collect())
    }

    /// Shares the parts in `parts` with HR and withdraws the others.
    pub async fn set_hr_shares(&self, conversation: ConversationId, parts: &[Part]) -> Result<()> {
        let mut tx = self.begin().await?;
        tx.c()
            .exec(
                Query::delete()
                    .from_table(S::Table)
                    .and_where(Expr::col(S::ConversationId).eq(conversation.0)),
            )
            .await?;
        for part in parts {
            tx.c()
                .exec(
                    Query::insert()
                        .into_table(S::Table)
                        .columns([S::ConversationId, S::Part])
                        .values_panic([conversation.0.into(), part.as_str().into()])
                        .on_conflict(
                            OnConflict::columns([S::ConversationId, S::Part])
                                .do_nothing()
                                .to_owned(),
                        ),
                )
                .await?;
        }
        tx.commit().await
    }
}
