//! The leadership's effect intentions per cycle.

use crate::db::{Db, now};
use crate::schema::EffectIntentions as I;
use crate::{Result, StorageError};
use domain::intention::{Intention, Metric};
use domain::{CycleId, OrgId};
use sea_query::{Expr, Order, Query};
use uuid::Uuid;

impl Db {
    pub async fn add_intention(&self, org: OrgId, intention: &Intention) -> Result<()> {
        self.exec(
            Query::insert()
                .into_table(I::Table)
                .columns([
                    I::Id,
                    I::OrgId,
                    I::CycleId,
                    I::Text,
                    I::Metric,
                    I::Target,
                    I::CreatedAt,
                ])
                .values_panic([
                    intention.id.into(),
                    org.0.into(),
                    intention.cycle_id.0.into(),
                    intention.text.clone().into(),
                    intention.metric.code().into(),
                    intention.target.into(),
                    now().into(),
                ]),
        )
        .await?;
        Ok(())
    }

    /// A cycle's intentions, in the order they were set.
    pub async fn intentions(&self, org: OrgId, cycle: CycleId) -> Result<Vec<Intention>> {
        let rows: Vec<(Uuid, String, String, f64)> = self
            .all(
                Query::select()
                    .columns([I::Id, I::Text, I::Metric, I::Target])
                    .from(I::Table)
                    .and_where(Expr::col(I::OrgId).eq(org.0))
                    .and_where(Expr::col(I::CycleId).eq(cycle.0))
                    .order_by(I::CreatedAt, Order::Asc)
                    .order_by(I::Id, Order::Asc),
            )
            .await?;
        rows.into_iter()
            .map(|(id, text, metric, target)| {
                Ok(Intention {
                    id,
                    cycle_id: cycle,
                    text,
                    metric: Metric::parse(&metric)
                        .map_err(|_| StorageError::Corrupt(format!("metric {metric}")))?,
                    target,
                })
            })
            .collect()
    }

    /// Removes one of a cycle's intentions; `NotFound` if it is not there.
    pub async fn remove_intention(&self, org: OrgId, cycle: CycleId, id: Uuid) -> Result<()> {
        let touched = self
            .exec(
                Query::delete()
                    .from_table(I::Table)
                    .and_where(Expr::col(I::OrgId).eq(org.0))
                    .and_where(Expr::col(I::CycleId).eq(cycle.0))
                    .and_where(Expr::col(I::Id).eq(id)),
            )
            .await?;
        if touched == 0 {
            return Err(StorageError::NotFound);
        }
        Ok(())
    }
}
