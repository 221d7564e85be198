//! Users and roles: who can log in and with which granted roles. Administrators only.

use crate::audit::audit_by;
use crate::auth::{MIN_PASSWORD_CHARS, hash_password};
use crate::error::{AppError, AppResult};
use crate::forms::{Form, checked, parse_id};
use crate::page::Page;
use crate::pages::view::{matches_search, role_label};
use crate::pages::{render, render_status};
use crate::session::CurrentUser;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::PersonId;
use domain::access::Capability;
use domain::audit::AuditKind;
use domain::person::Person;
use domain::role::{GrantedRoles, Role};
use serde::Deserialize;

struct UserLine {
    id: String,
    name: String,
    email: String,
    active: bool,
    can_log_in: bool,
    roles: String,
}

#[derive(Template)]
#[template(path = "users.html")]
struct UsersView {
    page: Page,
    q: String,
    users: Vec<UserLine>,
}

#[derive(Deserialize)]
pub struct UsersQuery {
    #[serde(default)]
    q: String,
}

pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Query(query): Query<UsersQuery>,
) -> AppResult<Response> {
    user.require(Capability::ManageUsers)?;
    let summaries = state.db.user_summaries(user.org.id).await?;
    let t = page.t;
    let users = summaries
        .into_iter()
        .filter(|s| matches_search(&s.person, &query.q))
        .map(|s| UserLine {
            id: s.person.id.to_string(),
            name: s.person.name,
            email: s.person.email.to_string(),
            active: s.person.active,
            can_log_in: s.can_log_in,
            roles: s
                .granted
                .roles()
                .into_iter()
                .map(|r| role_label(&t, r))
                .collect::<Vec<_>>()
                .join(", "),
        })
        .collect();
    render(UsersView {
        page: page.titled("users-title"),
        q: query.q,
        users,
    })
}

#[derive(Template)]
#[template(path = "user_form.html")]
struct UserFormView {
    page: Page,
    id: String,
    email: String,
    roles: Vec<(&'static str, String, bool)>,
    can_log_in: bool,
    error: Option<String>,
    min_password: usize,
}

async fn user_form(
    state: &AppState,
    page: Page,
    person: &Person,
    error: Option<String>,
) -> AppResult<UserFormView> {
    let granted = state.db.granted_roles(person.id).await?;
    let can_log_in = state.db.login_record(&person.email).await?.is_some();
    let t = page.t;
    Ok(UserFormView {
        id: person.id.to_string(),
        email: person.email.to_string(),
        roles: Role::GRANTABLE
            .iter()
            .map(|r| (r.as_str(), role_label(&t, *r), granted.has(*r)))
            .collect(),
        can_log_in,
        error,
        min_password: MIN_PASSWORD_CHARS,
        page: page.named(&person.name),
    })
}

pub async fn edit(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
) -> AppResult<Response> {
    user.require(Capability::ManageUsers)?;
    let person = state.db.person(user.org.id, parse_id(&id)?).await?;
    render(user_form(&state, page, &person, None).await?)
}

#[derive(Deserialize)]
pub struct RolesForm {
    leadership: Option<String>,
    hr: Option<String>,
    admin: Option<String>,
}

pub async fn set_roles(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
    Form(form): Form<RolesForm>,
) -> AppResult<Response> {
    user.require(Capability::ManageUsers)?;
    let id: PersonId = parse_id(&id)?;
    let person = state.db.person(user.org.id, id).await?;
    let granted = GrantedRoles {
        leadership: checked(&form.leadership),
        hr: checked(&form.hr),
        admin: checked(&form.admin),
    };
    // An administrator cannot lock themself out; another administrator must do it.
    if id == user.person.id && !granted.admin {
        let message = Some(page.t.get("error-own-admin-role"));
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            user_form(&state, page, &person, message).await?,
        );
    }
    let before = state.db.granted_roles(id).await?;
    if before != granted {
        state.db.set_granted_roles(id, granted).await?;
        let list = |g: GrantedRoles| {
            g.roles()
                .iter()
                .map(|r| r.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let detail = format!("[{}] → [{}]", list(before), list(granted));
        audit_by(
            &state.db,
            &user,
            AuditKind::RolesChanged,
            person.email.as_str(),
            &detail,
        )
        .await?;
    }
    Ok(Redirect::to(&format!("/admin/users/{id}?done=done-roles")).into_response())
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirm: String,
}

pub async fn set_password(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
    Form(form): Form<PasswordForm>,
) -> AppResult<Response> {
    user.require(Capability::ManageUsers)?;
    let id: PersonId = parse_id(&id)?;
    let person = state.db.person(user.org.id, id).await?;
    let problem = if form.password.chars().count() < MIN_PASSWORD_CHARS {
        Some("error-password-short")
    } else if form.password != form.confirm {
        Some("error-password-mismatch")
    } else {
        None
    };
    if let Some(key) = problem {
        let message = Some(page.t.with(key, &[("min", MIN_PASSWORD_CHARS.to_string())]));
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            user_form(&state, page, &person, message).await?,
        );
    }
    let hash = hash_password(form.password)
        .await
        .map_err(AppError::Internal)?;
    state.db.set_password_hash(id, &hash).await?;
    // Sessions opened with the old password end.
    if id != user.person.id {
        state.db.delete_sessions_of(id, None).await?;
    }
    audit_by(
        &state.db,
        &user,
        AuditKind::PasswordSet,
        person.email.as_str(),
        "",
    )
    .await?;
    Ok(Redirect::to(&format!("/admin/users/{id}?done=done-password")).into_response())
}
