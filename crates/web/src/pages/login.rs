//! Logging in and out, and choosing the language.

use crate::audit::audit;
use crate::auth::{
    MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS, THROTTLE_WINDOW_MINUTES, verify_password,
};
use crate::error::{AppError, AppResult};
use crate::forms::{Form, local_path};
use crate::page::Page;
use crate::pages::{render, render_status};
use crate::session::{Visitor, start_session};
use crate::state::AppState;
use askama::Template;
use axum::extract::{ConnectInfo, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Duration;
use domain::audit::AuditKind;
use domain::locale::Locale;
use domain::person::Email;
use serde::Deserialize;
use std::net::SocketAddr;
use storage::now;

#[derive(Template)]
#[template(path = "login.html")]
struct LoginView {
    page: Page,
    email: String,
    error: Option<String>,
}

pub async fn login_page(
    State(state): State<AppState>,
    visitor: Visitor,
    page: Page,
) -> AppResult<Response> {
    if visitor.user.is_some() {
        return Ok(Redirect::to("/").into_response());
    }
    let page = page.titled("login-title");
    if visitor.session.is_some() {
        return render(LoginView {
            page,
            email: String::new(),
            error: None,
        });
    }
    // The login form needs a CSRF token, so a visitor without a session gets an anonymous one.
    let (cookie, csrf) = start_session(&state, None, None).await?;
    let view = LoginView {
        page: Page { csrf, ..page },
        email: String::new(),
        error: None,
    };
    Ok(([(header::SET_COOKIE, cookie)], render(view)?).into_response())
}

#[derive(Deserialize)]
pub struct LoginForm {
    email: String,
    password: String,
}

pub async fn login(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    visitor: Visitor,
    page: Page,
    Form(form): Form<LoginForm>,
) -> AppResult<Response> {
    let db = &state.db;
    let ip = peer.ip().to_string();
    let email = form.email.trim().to_lowercase();
    let since = now() - Duration::minutes(THROTTLE_WINDOW_MINUTES);
    let (by_account, by_address) = db.recent_login_failures(&email, &ip, since).await?;
    if by_account >= MAX_FAILURES_PER_ACCOUNT || by_address >= MAX_FAILURES_PER_ADDRESS {
        return Err(AppError::TooManyAttempts);
    }
    let record = match Email::parse(&email) {
        Ok(parsed) => db.login_record(&parsed).await?,
        Err(_) => None,
    };
    let valid = verify_password(
        form.password,
        record.as_ref().map(|r| r.password_hash.clone()),
    )
    .await;
    // Failed logins show in the audit trail of the account's organisation, if there is one.
    let known_org = match &record {
        Some(r) => Some(r.person.org_id),
        None => match Email::parse(&email) {
            Ok(parsed) => db.person_by_email(&parsed).await?.map(|p| p.org_id),
            Err(_) => None,
        },
    };
    let record = record.filter(|r| valid && r.person.active);
    let Some(record) = record else {
        db.record_login_failure(&email, &ip).await?;
        audit(
            db,
            known_org,
            None,
            AuditKind::LoginFailed,
            &email,
            "",
            Some(&ip),
        )
        .await?;
        let page = page.titled("login-title");
        let error = Some(page.t.get("login-failed"));
        return render_status(StatusCode::UNAUTHORIZED, LoginView { page, email, error });
    };
    db.clear_login_failures(&email).await?;
    // A new session id at login: a session id planted before login is worth nothing after it.
    let chosen_locale = visitor.session.as_ref().and_then(|s| s.locale);
    if let Some(old) = &visitor.session {
        db.delete_session(&old.id_hash).await?;
    }
    if let Some(locale) = chosen_locale {
        db.set_user_locale(record.person.id, locale).await?;
    }
    let (cookie, _) = start_session(&state, Some(record.person.id), None).await?;
    audit(
        db,
        Some(record.person.org_id),
        Some(record.person.id),
        AuditKind::Login,
        &email,
        "",
        Some(&ip),
    )
    .await?;
    Ok(([(header::SET_COOKIE, cookie)], Redirect::to("/")).into_response())
}

pub async fn logout(State(state): State<AppState>, visitor: Visitor) -> AppResult<Response> {
    if let Some(session) = &visitor.session {
        state.db.delete_session(&session.id_hash).await?;
    }
    if let Some(user) = &visitor.user {
        audit(
            &state.db,
            Some(user.org.id),
            Some(user.person.id),
            AuditKind::Logout,
            user.person.email.as_str(),
            "",
            None,
        )
        .await?;
    }
    // A fresh anonymous session keeps the user's language for the login page that follows.
    let (cookie, _) = start_session(&state, None, Some(visitor.locale)).await?;
    Ok(([(header::SET_COOKIE, cookie)], Redirect::to("/login")).into_response())
}

#[derive(Deserialize)]
pub struct LanguageForm {
    lang: String,
    #[serde(default)]
    next: String,
}

/// Switches the language: remembered for the user, or for the session before login.
pub async fn set_language(
    State(state): State<AppState>,
    visitor: Visitor,
    Form(form): Form<LanguageForm>,
) -> AppResult<Response> {
    let locale: Locale = form
        .lang
        .parse()
        .map_err(|_| AppError::BadRequest("error-bad-language"))?;
    if let Some(user) = &visitor.user {
        state.db.set_user_locale(user.person.id, locale).await?;
    } else if let Some(session) = &visitor.session {
        state
            .db
            .set_session_locale(&session.id_hash, locale)
            .await?;
    }
    Ok(Redirect::to(local_path(&form.next)).into_response())
}
