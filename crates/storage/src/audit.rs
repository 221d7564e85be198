//! The audit trail: append-only, read by administrators of the organisation.

use crate::db::{Db, now};
use crate::schema::{AuditEvents, People};
use crate::{Result, StorageError};
use chrono::{DateTime, Utc};
use domain::audit::AuditKind;
use domain::{OrgId, PersonId};
use sea_query::{Expr, Order, Query};
use uuid::Uuid;

/// An event to record.
#[derive(Clone, Debug)]
pub struct AuditEntry {
    /// `None` only for events outside any organisation, such as a failed login for an unknown
    /// e-mail address.
    pub org_id: Option<OrgId>,
    pub actor_id: Option<PersonId>,
    pub kind: AuditKind,
    /// What the event concerns, in words an administrator recognises (a name, an e-mail, a file).
    pub subject: String,
    pub detail: String,
    pub ip: Option<String>,
}

/// A recorded event, with the actor's name resolved.
#[derive(Clone, Debug)]
pub struct AuditRecord {
    pub at: DateTime<Utc>,
    pub actor_name: Option<String>,
    pub kind: AuditKind,
    pub subject: String,
    pub detail: String,
    pub ip: Option<String>,
}

#[derive(sqlx::FromRow)]
struct AuditRow {
    at: DateTime<Utc>,
    actor_name: Option<String>,
    kind: String,
    subject: String,
    detail: String,
    ip: Option<String>,
}

impl Db {
    pub async fn record_audit(&self, entry: AuditEntry) -> Result<()> {
        self.exec(
            Query::insert()
                .into_table(AuditEvents::Table)
                .columns([
                    AuditEvents::Id,
                    AuditEvents::OrgId,
                    AuditEvents::ActorId,
                    AuditEvents::Kind,
                    AuditEvents::Subject,
                    AuditEvents::Detail,
                    AuditEvents::Ip,
                    AuditEvents::At,
                ])
                .values_panic([
                    Uuid::now_v7().into(),
                    entry.org_id.map(|o| o.0).into(),
                    entry.actor_id.map(|a| a.0).into(),
                    entry.kind.as_str().into(),
                    entry.subject.into(),
                    entry.detail.into(),
                    entry.ip.into(),
                    now().into(),
                ]),
        )
        .await?;
        Ok(())
    }

    /// The organisation's events, newest first.
    pub async fn audit_events(
        &self,
        org: OrgId,
        limit: u64,
        offset: u64,
    ) -> Result<Vec<AuditRecord>> {
        let rows: Vec<AuditRow> = self
            .all(
                Query::select()
                    .column((AuditEvents::Table, AuditEvents::At))
                    .expr_as(
                        Expr::col((People::Table, People::Name)),
                        sea_query::Alias::new("actor_name"),
                    )
                    .columns([
                        (AuditEvents::Table, AuditEvents::Kind),
                        (AuditEvents::Table, AuditEvents::Subject),
                        (AuditEvents::Table, AuditEvents::Detail),
                        (AuditEvents::Table, AuditEvents::Ip),
                    ])
                    .from(AuditEvents::Table)
                    .left_join(
                        People::Table,
                        Expr::col((People::Table, People::Id))
                            .equals((AuditEvents::Table, AuditEvents::ActorId)),
                    )
                    .and_where(Expr::col((AuditEvents::Table, AuditEvents::OrgId)).eq(org.0))
                    .order_by((AuditEvents::Table, AuditEvents::At), Order::Desc)
                    .order_by((AuditEvents::Table, AuditEvents::Id), Order::Desc)
                    .limit(limit)
                    .offset(offset),
            )
            .await?;
        rows.into_iter()
            .map(|row| {
                Ok(AuditRecord {
                    at: row.at,
                    actor_name: row.actor_name,
                    kind: row
                        .kind
                        .parse()
                        .map_err(|_| StorageError::Corrupt(format!("audit kind {}", row.kind)))?,
                    subject: row.subject,
                    detail: row.detail,
                    ip: row.ip,
                })
            })
            .collect()
    }
}
