//! The organisation's confidentiality settings: the anonymity threshold of strategic feedback
//! and how long private preparation drafts are kept after the conversation. Administrators set
//! them; every change is audited.

use crate::audit::audit_by;
use crate::error::AppResult;
use crate::forms::Form;
use crate::page::Page;
use crate::pages::{render, render_status};
use crate::session::CurrentUser;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::access::Capability;
use domain::audit::AuditKind;
use domain::org::Settings;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "settings.html")]
struct SettingsView {
    page: Page,
    threshold: String,
    retention: String,
    stale: String,
    escalate: String,
    error: Option<String>,
}

pub async fn show(user: CurrentUser, page: Page) -> AppResult<Response> {
    user.require(Capability::ManageSettings)?;
    let settings = user.org.settings;
    render(SettingsView {
        threshold: settings.anonymity_threshold.to_string(),
        retention: settings.draft_retention_days.to_string(),
        stale: settings.patience.stale_after_days.to_string(),
        escalate: settings.patience.escalate_after_days.to_string(),
        error: None,
        page: page.titled("settings-title"),
    })
}

#[derive(Deserialize)]
pub struct SettingsForm {
    #[serde(default)]
    threshold: String,
    #[serde(default)]
    retention: String,
    #[serde(default)]
    stale: String,
    #[serde(default)]
    escalate: String,
}

pub async fn save(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Form(form): Form<SettingsForm>,
) -> AppResult<Response> {
    user.require(Capability::ManageSettings)?;
    match Settings::read(
        &form.threshold,
        &form.retention,
        &form.stale,
        &form.escalate,
    ) {
        Ok(settings) => {
            state.db.update_settings(user.org.id, settings).await?;
            audit_by(
                &state.db,
                &user,
                AuditKind::SettingsChanged,
                &user.org.slug,
                &format!(
                    "anonymity threshold {}, draft retention {} days, stale after {} days, escalated {} days later",
                    settings.anonymity_threshold,
                    settings.draft_retention_days,
                    settings.patience.stale_after_days,
                    settings.patience.escalate_after_days
                ),
            )
            .await?;
            Ok(Redirect::to("/admin/settings?done=done-saved").into_response())
        }
        Err(error) => render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            SettingsView {
                error: Some(page.t.get(error.message_key())),
                threshold: form.threshold,
                retention: form.retention,
                stale: form.stale,
                escalate: form.escalate,
                page: page.titled("settings-title"),
            },
        ),
    }
}
