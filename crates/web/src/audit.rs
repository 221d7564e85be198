//! Recording audit events from handlers.

use crate::error::AppResult;
use domain::audit::AuditKind;
use domain::{OrgId, PersonId};
use storage::{AuditEntry, Db};

/// Records one event. Failing to audit fails the request: an unaudited change is not allowed.
pub async fn audit(
    db: &Db,
    org: Option<OrgId>,
    actor: Option<PersonId>,
    kind: AuditKind,
    subject: &str,
    detail: &str,
    ip: Option<&str>,
) -> AppResult<()> {
    db.record_audit(AuditEntry {
        org_id: org,
        actor_id: actor,
        kind,
        subject: subject.to_owned(),
        detail: detail.to_owned(),
        ip: ip.map(str::to_owned),
    })
    .await?;
    Ok(())
}

/// Records an event done by the logged-in user.
pub async fn audit_by(
    db: &Db,
    user: &crate::session::CurrentUser,
    kind: AuditKind,
    subject: &str,
    detail: &str,
) -> AppResult<()> {
    audit(
        db,
        Some(user.org.id),
        Some(user.person.id),
        kind,
        subject,
        detail,
        None,
    )
    .await
}
