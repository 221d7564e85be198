//! The audit trail for administrators, newest first.

use crate::error::AppResult;
use crate::page::Page;
use crate::pages::render;
use crate::session::CurrentUser;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use domain::access::Capability;
use serde::Deserialize;

const PER_PAGE: u64 = 50;

struct EventLine {
    at: String,
    actor: String,
    kind: String,
    subject: String,
    detail: String,
    ip: String,
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditView {
    page: Page,
    events: Vec<EventLine>,
    page_number: u64,
    has_next: bool,
}

#[derive(Deserialize)]
pub struct AuditQuery {
    #[serde(default)]
    page: Option<u64>,
}

pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Query(query): Query<AuditQuery>,
) -> AppResult<Response> {
    user.require(Capability::ReadAudit)?;
    let page_number = query.page.unwrap_or(1).clamp(1, 1_000_000);
    let mut records = state
        .db
        .audit_events(user.org.id, PER_PAGE + 1, (page_number - 1) * PER_PAGE)
        .await?;
    let has_next = records.len() as u64 > PER_PAGE;
    records.truncate(PER_PAGE as usize);
    let t = page.t;
    let events = records
        .into_iter()
        .map(|e| EventLine {
            at: t.datetime(&e.at),
            actor: e.actor_name.unwrap_or_else(|| "—".into()),
            kind: t.get(&format!("audit-{}", e.kind.as_str())),
            subject: e.subject,
            detail: e.detail,
            ip: e.ip.unwrap_or_default(),
        })
        .collect();
    render(AuditView {
        page: page.titled("audit-title"),
        events,
        page_number,
        has_next,
    })
}
