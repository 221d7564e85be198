//! The unit tree: create, rename, move and set the leader. For HR and administrators.

use crate::audit::audit_by;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, parse_id};
use crate::page::Page;
use crate::pages::view::{UnitLine, kind_label, names, unit_lines};
use crate::pages::{render, render_status};
use crate::session::CurrentUser;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::access::Capability;
use domain::audit::AuditKind;
use domain::org::{Unit, UnitError, UnitKind, UnitTree, unit_name};
use domain::person::Email;
use domain::{PersonId, UnitId};
use serde::Deserialize;
use storage::StorageError;

#[derive(Template)]
#[template(path = "units.html")]
struct UnitsView {
    page: Page,
    units: Vec<UnitLine>,
    parents: Vec<(String, String)>,
    kinds: Vec<(&'static str, String)>,
    form: NewUnitForm,
    error: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct NewUnitForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    parent: String,
}

fn parent_options(tree: &UnitTree, except: Option<UnitId>) -> Vec<(String, String)> {
    let excluded = except.map(|u| tree.subtree(u)).unwrap_or_default();
    tree.walk()
        .into_iter()
        .filter(|(_, u)| !excluded.contains(&u.id))
        .map(|(depth, u)| {
            (
                u.id.to_string(),
                format!("{}{}", "\u{a0}\u{a0}".repeat(depth), u.name),
            )
        })
        .collect()
}

async fn units_view(
    state: &AppState,
    user: &CurrentUser,
    page: Page,
    form: NewUnitForm,
    error: Option<String>,
) -> AppResult<UnitsView> {
    let org = user.org.id;
    let tree = user.units.clone();
    let leaders = tree.walk().into_iter().filter_map(|(_, u)| u.leader_id);
    let names = names(&state.db, org, &tree, &[], leaders).await?;
    let counts = state.db.headcounts(org).await?;
    let t = page.t;
    Ok(UnitsView {
        units: unit_lines(&t, &tree, &names, &counts),
        parents: parent_options(&tree, None),
        kinds: [UnitKind::Department, UnitKind::Team]
            .into_iter()
            .map(|k| (k.as_str(), kind_label(&t, k)))
            .collect(),
        form,
        error,
        page: page.titled("units-title"),
    })
}

pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
) -> AppResult<Response> {
    user.require(Capability::ManageStructure)?;
    render(units_view(&state, &user, page, NewUnitForm::default(), None).await?)
}

pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Form(form): Form<NewUnitForm>,
) -> AppResult<Response> {
    user.require(Capability::ManageStructure)?;
    let tree = user.units.clone();
    let checked = (|| {
        let name = unit_name(&form.name)?;
        let kind: UnitKind = form.kind.parse()?;
        let parent: UnitId = form.parent.parse().map_err(|_| UnitError::UnknownParent)?;
        tree.check_new(&name, kind, parent)?;
        Ok::<_, UnitError>(Unit {
            id: UnitId::new(),
            org_id: user.org.id,
            parent_id: Some(parent),
            name,
            kind,
            leader_id: None,
        })
    })();
    let result = match checked {
        Ok(unit) => state
            .db
            .insert_unit(&unit)
            .await
            .map(|_| unit)
            .map_err(|e| match e {
                StorageError::Conflict => Ok(UnitError::DuplicateName),
                other => Err(other),
            }),
        Err(e) => Err(Ok(e)),
    };
    match result {
        Ok(unit) => {
            audit_by(
                &state.db,
                &user,
                AuditKind::UnitCreated,
                &unit.name,
                unit.kind.as_str(),
            )
            .await?;
            Ok(Redirect::to("/admin/units?done=done-created").into_response())
        }
        Err(Ok(error)) => {
            let message = Some(page.t.get(error.message_key()));
            let status = if error == UnitError::DuplicateName {
                StatusCode::CONFLICT
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            render_status(
                status,
                units_view(&state, &user, page, form, message).await?,
            )
        }
        Err(Err(e)) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "unit_form.html")]
struct UnitFormView {
    page: Page,
    id: String,
    is_root: bool,
    kind: String,
    form: UnitForm,
    parents: Vec<(String, String)>,
    error: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct UnitForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    parent: String,
    #[serde(default)]
    leader_email: String,
}

pub async fn edit_form(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
) -> AppResult<Response> {
    user.require(Capability::ManageStructure)?;
    let id: UnitId = parse_id(&id)?;
    let tree = user.units.clone();
    let unit = tree.get(id).ok_or(AppError::NotFound)?;
    let leader_email = match unit.leader_id {
        Some(l) => state.db.person(user.org.id, l).await?.email.to_string(),
        None => String::new(),
    };
    let form = UnitForm {
        name: unit.name.clone(),
        parent: unit.parent_id.map(|p| p.to_string()).unwrap_or_default(),
        leader_email,
    };
    render(unit_form_view(
        page.named(&unit.name),
        &tree,
        unit,
        form,
        None,
    ))
}

fn unit_form_view(
    page: Page,
    tree: &UnitTree,
    unit: &Unit,
    form: UnitForm,
    error: Option<String>,
) -> UnitFormView {
    UnitFormView {
        id: unit.id.to_string(),
        is_root: unit.parent_id.is_none(),
        kind: kind_label(&page.t, unit.kind),
        parents: parent_options(tree, Some(unit.id)),
        form,
        error,
        page,
    }
}

/// Saves name, place in the tree and leader in one go; each change is checked before any is made.
pub async fn update(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
    Form(form): Form<UnitForm>,
) -> AppResult<Response> {
    user.require(Capability::ManageStructure)?;
    let id: UnitId = parse_id(&id)?;
    let org = user.org.id;
    let tree = user.units.clone();
    let unit = tree.get(id).ok_or(AppError::NotFound)?.clone();
    let page = page.named(&unit.name);
    let refuse = |page: Page, form: UnitForm, key: &'static str, status: StatusCode| {
        let message = Some(page.t.get(key));
        render_status(status, unit_form_view(page, &tree, &unit, form, message))
    };
    let name =
        match unit_name(&form.name).and_then(|n| tree.check_name_free(&n, Some(id)).map(|_| n)) {
            Ok(n) => n,
            Err(e) => {
                return refuse(
                    page,
                    form,
                    e.message_key(),
                    StatusCode::UNPROCESSABLE_ENTITY,
                );
            }
        };
    let parent = if unit.parent_id.is_none() {
        None
    } else {
        match form
            .parent
            .parse::<UnitId>()
            .map_err(|_| UnitError::UnknownParent)
            .and_then(|p| tree.check_move(id, p).map(|_| p))
        {
            Ok(p) => Some(p),
            Err(e) => {
                return refuse(
                    page,
                    form,
                    e.message_key(),
                    StatusCode::UNPROCESSABLE_ENTITY,
                );
            }
        }
    };
    let leader: Option<PersonId> = if form.leader_email.trim().is_empty() {
        None
    } else {
        let found = match Email::parse(&form.leader_email) {
            Ok(email) => state.db.person_by_email(&email).await?,
            Err(_) => None,
        };
        match found {
            Some(p) if p.org_id == org && p.active => Some(p.id),
            _ => {
                return refuse(
                    page,
                    form,
                    "error-leader-unknown",
                    StatusCode::UNPROCESSABLE_ENTITY,
                );
            }
        }
    };
    let mut changes = Vec::new();
    if name != unit.name {
        match state.db.rename_unit(org, id, &name).await {
            Err(StorageError::Conflict) => {
                return refuse(
                    page,
                    form,
                    UnitError::DuplicateName.message_key(),
                    StatusCode::CONFLICT,
                );
            }
            other => other?,
        }
        changes.push(format!("name: {} → {name}", unit.name));
    }
    if let Some(parent) = parent.filter(|p| Some(*p) != unit.parent_id) {
        state.db.move_unit(org, id, parent).await?;
        changes.push(format!(
            "moved under {}",
            tree.get(parent)
                .map(|u| u.name.as_str())
                .unwrap_or_default()
        ));
    }
    if leader != unit.leader_id {
        state.db.set_unit_leader(org, id, leader).await?;
        changes.push(format!("leader: {}", form.leader_email.trim()));
    }
    if !changes.is_empty() {
        audit_by(
            &state.db,
            &user,
            AuditKind::UnitChanged,
            &name,
            &changes.join("; "),
        )
        .await?;
    }
    Ok(Redirect::to("/admin/units?done=done-saved").into_response())
}
