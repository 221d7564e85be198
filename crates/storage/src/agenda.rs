//! Agenda points that either party adds to their conversation.

use crate::db::{Db, now};
use crate::schema::AgendaPoints;
use crate::{Result, StorageError};
use domain::ConversationId;
use domain::preparation::Side;
use sea_query::{Expr, Order, Query};
use uuid::Uuid;

/// One point on a conversation's agenda.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgendaPoint {
    pub id: Uuid,
    pub side: Side,
    pub text: String,
}

impl Db {
    /// The agenda, in the order points were added.
    pub async fn agenda(&self, conversation: ConversationId) -> Result<Vec<AgendaPoint>> {
        let rows: Vec<(Uuid, String, String)> = self
            .all(
                Query::select()
                    .columns([AgendaPoints::Id, AgendaPoints::Side, AgendaPoints::Text])
                    .from(AgendaPoints::Table)
                    .and_where(Expr::col(AgendaPoints::ConversationId).eq(conversation.0))
                    .order_by(AgendaPoints::CreatedAt, Order::Asc)
                    .order_by(AgendaPoints::Id, Order::Asc),
            )
            .await?;
        rows.into_iter()
            .map(|(id, side, text)| {
                Ok(AgendaPoint {
                    id,
                    side: side
                        .parse()
                        .map_err(|_| StorageError::Corrupt(format!("side {side}")))?,
                    text,
                })
            })
            .collect()
    }

    pub async fn add_agenda_point(
        &self,
        conversation: ConversationId,
        side: Side,
        text: &str,
    ) -> Result<()> {
        self.exec(
            Query::insert()
                .into_table(AgendaPoints::Table)
                .columns([
                    AgendaPoints::Id,
                    AgendaPoints::ConversationId,
                    AgendaPoints::Side,
                    AgendaPoints::Text,
                    AgendaPoints::CreatedAt,
                ])
                .values_panic([
                    Uuid::now_v7().into(),
                    conversation.0.into(),
                    side.as_str().into(),
                    text.into(),
                    now().into(),
                ]),
        )
        .await?;
        Ok(())
    }

    /// Removes a point, only if it belongs to this conversation and was added by this side.
    pub async fn remove_agenda_point(
        &self,
        conversation: ConversationId,
        side: Side,
        id: Uuid,
    ) -> Result<()> {
        let touched = self
            .exec(
                Query::delete()
                    .from_table(AgendaPoints::Table)
                    .and_where(Expr::col(AgendaPoints::ConversationId).eq(conversation.0))
                    .and_where(Expr::col(AgendaPoints::Side).eq(side.as_str()))
                    .and_where(Expr::col(AgendaPoints::Id).eq(id)),
            )
            .await?;
        match touched {
            0 => Err(StorageError::NotFound),
            _ => Ok(()),
        }
    }
}
