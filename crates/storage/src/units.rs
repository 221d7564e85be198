//! The unit tree of an organisation.

use crate::db::{Db, now};
use crate::schema::Units;
use crate::{Result, StorageError};
use domain::org::{Unit, UnitTree};
use domain::{OrgId, PersonId, UnitId};
use sea_query::{Expr, Query, SimpleExpr};
use std::sync::Arc;
use uuid::Uuid;

#[derive(sqlx::FromRow)]
struct UnitRow {
    id: Uuid,
    org_id: Uuid,
    parent_id: Option<Uuid>,
    name: String,
    kind: String,
    leader_id: Option<Uuid>,
}

impl TryFrom<UnitRow> for Unit {
    type Error = StorageError;
    fn try_from(row: UnitRow) -> Result<Self> {
        Ok(Unit {
            id: UnitId(row.id),
            org_id: OrgId(row.org_id),
            parent_id: row.parent_id.map(UnitId),
            name: row.name,
            kind: row
                .kind
                .parse()
                .map_err(|_| StorageError::Corrupt(format!("unit kind {}", row.kind)))?,
            leader_id: row.leader_id.map(PersonId),
        })
    }
}

impl Db {
    /// All units of the organisation.
    pub async fn units(&self, org: OrgId) -> Result<Vec<Unit>> {
        let rows: Vec<UnitRow> = self
            .all(
                Query::select()
                    .columns([
                        Units::Id,
                        Units::OrgId,
                        Units::ParentId,
                        Units::Name,
                        Units::Kind,
                        Units::LeaderId,
                    ])
                    .from(Units::Table)
                    .and_where(Expr::col(Units::OrgId).eq(org.0)),
            )
            .await?;
        rows.into_iter().map(Unit::try_from).collect()
    }

    /// The organisation's unit tree, from memory while its `units_revision` has not moved
    /// (see [`crate::revisions`]).
    pub async fn unit_tree(&self, org: OrgId) -> Result<Arc<UnitTree>> {
        let revision = self.revisions(org).await?.units;
        self.unit_tree_at(org, revision).await
    }

    /// The tree at a revision already read.
    pub(crate) async fn unit_tree_at(&self, org: OrgId, revision: i64) -> Result<Arc<UnitTree>> {
        let read = async { Ok(UnitTree::new(self.units(org).await?)) };
        self.memory.trees.or_read(org, revision, read).await
    }

    /// Inserts a unit. A name already used in the organisation gives [`StorageError::Conflict`].
    pub async fn insert_unit(&self, unit: &Unit) -> Result<()> {
        self.exec(
            Query::insert()
                .into_table(Units::Table)
                .columns([
                    Units::Id,
                    Units::OrgId,
                    Units::ParentId,
                    Units::Name,
                    Units::NameKey,
                    Units::Kind,
                    Units::LeaderId,
                    Units::CreatedAt,
                ])
                .values_panic([
                    unit.id.0.into(),
                    unit.org_id.0.into(),
                    unit.parent_id.map(|p| p.0).into(),
                    unit.name.clone().into(),
                    unit.name.to_lowercase().into(),
                    unit.kind.as_str().into(),
                    unit.leader_id.map(|p| p.0).into(),
                    now().into(),
                ]),
        )
        .await?;
        Ok(())
    }

    pub async fn rename_unit(&self, org: OrgId, unit: UnitId, name: &str) -> Result<()> {
        self.update_unit(
            org,
            unit,
            [
                (Units::Name, name.into()),
                (Units::NameKey, name.to_lowercase().into()),
            ],
        )
        .await
    }

    pub async fn move_unit(&self, org: OrgId, unit: UnitId, parent: UnitId) -> Result<()> {
        self.update_unit(org, unit, [(Units::ParentId, parent.0.into())])
            .await
    }

    pub async fn set_unit_leader(
        &self,
        org: OrgId,
        unit: UnitId,
        leader: Option<PersonId>,
    ) -> Result<()> {
        self.update_unit(org, unit, [(Units::LeaderId, leader.map(|p| p.0).into())])
            .await
    }

    async fn update_unit<const N: usize>(
        &self,
        org: OrgId,
        unit: UnitId,
        values: [(Units, SimpleExpr); N],
    ) -> Result<()> {
        let touched = self
            .exec(
                Query::update()
                    .table(Units::Table)
                    .values(values)
                    .and_where(Expr::col(Units::OrgId).eq(org.0))
                    .and_where(Expr::col(Units::Id).eq(unit.0)),
            )
            .await?;
        if touched == 0 {
            return Err(StorageError::NotFound);
        }
        Ok(())
    }

    /// The units a person leads directly.
    pub async fn led_units(&self, org: OrgId, person: PersonId) -> Result<Vec<UnitId>> {
        let rows: Vec<(Uuid,)> = self
            .all(
                Query::select()
                    .column(Units::Id)
                    .from(Units::Table)
                    .and_where(Expr::col(Units::OrgId).eq(org.0))
                    .and_where(Expr::col(Units::LeaderId).eq(person.0)),
            )
            .await?;
        Ok(rows.into_iter().map(|(id,)| UnitId(id)).collect())
    }
}
