//! Organisations. Creating one also creates the root of its unit tree.

use crate::db::{Db, now};
use crate::schema::{Organisations, Units};
use crate::{Result, StorageError};
use domain::OrgId;
use domain::UnitId;
use domain::drawer::Patience;
use domain::org::{Organisation, Settings, UnitKind};
use sea_query::{Expr, Order, Query};
use uuid::Uuid;

#[derive(sqlx::FromRow)]
pub(crate) struct OrgRow {
    pub(crate) id: Uuid,
    pub(crate) name: String,
    pub(crate) slug: String,
    pub(crate) anonymity_threshold: i32,
    pub(crate) draft_retention_days: i32,
    pub(crate) stale_after_days: i32,
    pub(crate) escalate_after_days: i32,
}

impl From<OrgRow> for Organisation {
    fn from(row: OrgRow) -> Self {
        Organisation {
            id: OrgId(row.id),
            name: row.name,
            slug: row.slug,
            settings: Settings {
                anonymity_threshold: row.anonymity_threshold.max(0) as u32,
                draft_retention_days: row.draft_retention_days.max(0) as u32,
                patience: Patience {
                    stale_after_days: row.stale_after_days.max(1) as u32,
                    escalate_after_days: row.escalate_after_days.max(1) as u32,
                },
            },
        }
    }
}

fn select() -> sea_query::SelectStatement {
    Query::select()
        .columns([
            Organisations::Id,
            Organisations::Name,
            Organisations::Slug,
            Organisations::AnonymityThreshold,
            Organisations::DraftRetentionDays,
            Organisations::StaleAfterDays,
            Organisations::EscalateAfterDays,
        ])
        .from(Organisations::Table)
        .to_owned()
}

impl Db {
    /// Creates an organisation and its root unit (named like the organisation).
    pub async fn create_organisation(&self, name: &str, slug: &str) -> Result<Organisation> {
        let org = Organisation {
            id: OrgId::new(),
            name: name.trim().to_owned(),
            slug: slug.trim().to_lowercase(),
            settings: Settings::default(),
        };
        let at = now();
        let mut tx = self.begin().await?;
        tx.c()
            .exec(
                Query::insert()
                    .into_table(Organisations::Table)
                    .columns([
                        Organisations::Id,
                        Organisations::Name,
                        Organisations::Slug,
                        Organisations::CreatedAt,
                    ])
                    .values_panic([
                        org.id.0.into(),
                        org.name.clone().into(),
                        org.slug.clone().into(),
                        at.into(),
                    ]),
            )
            .await?;
        tx.c()
            .exec(
                Query::insert()
                    .into_table(Units::Table)
                    .columns([
                        Units::Id,
                        Units::OrgId,
                        Units::Name,
                        Units::NameKey,
                        Units::Kind,
                        Units::CreatedAt,
                    ])
                    .values_panic([
                        UnitId::new().0.into(),
                        org.id.0.into(),
                        org.name.clone().into(),
                        org.name.to_lowercase().into(),
                        UnitKind::Organisation.as_str().into(),
                        at.into(),
                    ]),
            )
            .await?;
        tx.commit().await?;
        Ok(org)
    }

    pub async fn organisation(&self, id: OrgId) -> Result<Organisation> {
        let row: Option<OrgRow> = self
            .optional(select().and_where(Expr::col(Organisations::Id).eq(id.0)))
            .await?;
        row.map(Into::into).ok_or(StorageError::NotFound)
    }

    pub async fn organisation_by_slug(&self, slug: &str) -> Result<Option<Organisation>> {
        let row: Option<OrgRow> = self
            .optional(
                select().and_where(Expr::col(Organisations::Slug).eq(slug.trim().to_lowercase())),
            )
            .await?;
        Ok(row.map(Into::into))
    }

    pub async fn organisations(&self) -> Result<Vec<Organisation>> {
        let rows: Vec<OrgRow> = self
            .all(select().order_by(Organisations::Name, Order::Asc))
            .await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    pub async fn update_settings(&self, org: OrgId, settings: Settings) -> Result<()> {
        self.exec(
            Query::update()
                .table(Organisations::Table)
                .values([
                    (
                        Organisations::AnonymityThreshold,
                        (settings.anonymity_threshold as i32).into(),
                    ),
                    (
                        Organisations::DraftRetentionDays,
                        (settings.draft_retention_days as i32).into(),
                    ),
                    (
                        Organisations::StaleAfterDays,
                        (settings.patience.stale_after_days as i32).into(),
                    ),
                    (
                        Organisations::EscalateAfterDays,
                        (settings.patience.escalate_after_days as i32).into(),
                    ),
                ])
                .and_where(Expr::col(Organisations::Id).eq(org.0)),
        )
        .await?;
        Ok(())
    }
}
