//! The user's own account: changing one's password.

use crate::audit::audit_by;
use crate::auth::{MIN_PASSWORD_CHARS, hash_password, verify_password};
use crate::error::{AppError, AppResult};
use crate::forms::Form;
use crate::page::Page;
use crate::pages::{render, render_status};
use crate::session::{CurrentUser, Visitor};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::audit::AuditKind;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "account_password.html")]
struct PasswordView {
    page: Page,
    min_password: usize,
    error: Option<String>,
}

pub async fn password_form(_user: CurrentUser, page: Page) -> AppResult<Response> {
    render(PasswordView {
        page: page.titled("account-password-title"),
        min_password: MIN_PASSWORD_CHARS,
        error: None,
    })
}

#[derive(Deserialize)]
pub struct ChangePassword {
    #[serde(default)]
    current: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
}

/// Changes the password after checking the current one; other sessions of the user end.
pub async fn change_password(
    State(state): State<AppState>,
    user: CurrentUser,
    visitor: Visitor,
    page: Page,
    Form(form): Form<ChangePassword>,
) -> AppResult<Response> {
    let page = page.titled("account-password-title");
    let stored = state
        .db
        .login_record(&user.person.email)
        .await?
        .map(|r| r.password_hash);
    let problem = if !verify_password(form.current, stored).await {
        Some("error-current-password")
    } else if form.password.chars().count() < MIN_PASSWORD_CHARS {
        Some("error-password-short")
    } else if form.password != form.confirm {
        Some("error-password-mismatch")
    } else {
        None
    };
    if let Some(key) = problem {
        let error = Some(page.t.with(key, &[("min", MIN_PASSWORD_CHARS.to_string())]));
        let view = PasswordView {
            page,
            min_password: MIN_PASSWORD_CHARS,
            error,
        };
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, view);
    }
    let hash = hash_password(form.password)
        .await
        .map_err(AppError::Internal)?;
    state.db.set_password_hash(user.person.id, &hash).await?;
    let keep = visitor.session.as_ref().map(|s| s.id_hash.as_str());
    state.db.delete_sessions_of(user.person.id, keep).await?;
    audit_by(
        &state.db,
        &user,
        AuditKind::PasswordSet,
        user.person.email.as_str(),
        "own password",
    )
    .await?;
    Ok(Redirect::to("/?done=done-password").into_response())
}
