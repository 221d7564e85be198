//! The questions a cycle marks as this year's focus.

use crate::Result;
use crate::db::Db;
use crate::schema::CycleFocusQuestions as Q;
use domain::questions::Focus;
use domain::{CycleId, VersionId};
use sea_query::{Expr, Order, Query};
use uuid::Uuid;

impl Db {
    pub async fn focus_questions(&self, cycle: CycleId) -> Result<Option<Focus>> {
        let rows: Vec<(Uuid, i32)> = self
            .all(
                Query::select()
                    .columns([Q::VersionId, Q::Position])
                    .from(Q::Table)
                    .and_where(Expr::col(Q::CycleId).eq(cycle.0))
                    .order_by(Q::Position, Order::Asc),
            )
            .await?;
        Ok(rows.first().map(|(version, _)| Focus {
            version: VersionId(*version),
            positions: rows.iter().map(|(_, p)| *p as usize).collect(),
        }))
    }

    /// Replaces the cycle's focus questions; `None` or an empty focus clears them.
    pub async fn set_focus_questions(&self, cycle: CycleId, focus: Option<&Focus>) -> Result<()> {
        let mut tx = self.begin().await?;
        tx.c()
            .exec(
                Query::delete()
                    .from_table(Q::Table)
                    .and_where(Expr::col(Q::CycleId).eq(cycle.0)),
            )
            .await?;
        if let Some(focus) = focus {
            for position in &focus.positions {
                tx.c()
                    .exec(
                        Query::insert()
                            .into_table(Q::Table)
                            .columns([Q::CycleId, Q::VersionId, Q::Position])
                            .values_panic([
                                cycle.0.into(),
                                focus.version.0.into(),
                                (*position as i32).into(),
                            ]),
                    )
                    .await?;
            }
        }
        tx.commit().await
    }
}
