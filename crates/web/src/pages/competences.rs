//! The competence catalogue: everyone in the organisation may read it, HR keeps it. Development
//! goals pick their competences from it.

use crate::audit::audit_by;
use crate::error::{AppError, AppResult};
use crate::forms::parse_id;
use crate::page::Page;
use crate::pages::{render, render_status};
use crate::session::CurrentUser;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::access::Capability;
use domain::audit::AuditKind;
use domain::competence::Competence;
use domain::strategy::GoalTree;
use domain::{CompetenceId, GoalId};

struct CompetenceLine {
    id: String,
    name: String,
    description: String,
    goals: Vec<(String, String)>,
    retired: bool,
}

#[derive(Template)]
#[template(path = "competences.html")]
struct CatalogueView {
    page: Page,
    competences: Vec<CompetenceLine>,
    can_edit: bool,
}

/// The catalogue, live competences first.
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
) -> AppResult<Response> {
    let org = user.org.id;
    let goals = state.db.goal_tree_at(org, user.revisions).await?;
    let mut competences = state.db.competences(org).await?;
    competences.sort_by_key(|c| c.retired);
    render(CatalogueView {
        competences: competences
            .into_iter()
            .map(|c| CompetenceLine {
                id: c.id.to_string(),
                goals: goal_links(&goals, &c.goals),
                name: c.name,
                description: c.description,
                retired: c.retired,
            })
            .collect(),
        can_edit: user.actor.can(Capability::ManageCompetences),
        page: page.titled("competences-title"),
    })
}

/// Links to goals by id, in the tree's order; goals that no longer exist are left out.
pub fn goal_links(goals: &GoalTree, ids: &[GoalId]) -> Vec<(String, String)> {
    goals
        .walk()
        .into_iter()
        .filter(|(_, g)| ids.contains(&g.id))
        .map(|(_, g)| (g.id.to_string(), g.title.clone()))
        .collect()
}

/// Checkboxes for the live goals of the tree (and any retired one already chosen), indented.
pub fn goal_options(goals: &GoalTree, chosen: &[GoalId]) -> Vec<(String, String, bool)> {
    goals
        .walk()
        .into_iter()
        .filter(|(_, g)| !g.retired || chosen.contains(&g.id))
        .map(|(depth, g)| {
            (
                g.id.to_string(),
                format!("{}{}", "\u{a0}\u{a0}\u{a0}".repeat(depth), g.title),
                chosen.contains(&g.id),
            )
        })
        .collect()
}

#[derive(Template)]
#[template(path = "competence_form.html")]
struct FormView {
    page: Page,
    /// `None` when adding.
    id: Option<String>,
    name: String,
    description: String,
    retired: bool,
    goals: Vec<(String, String, bool)>,
    error: Option<String>,
}

fn form_view(
    page: Page,
    goals: &GoalTree,
    competence: &Competence,
    new: bool,
    error: Option<String>,
) -> FormView {
    FormView {
        id: (!new).then(|| competence.id.to_string()),
        name: competence.name.clone(),
        description: competence.description.clone(),
        retired: competence.retired,
        goals: goal_options(goals, &competence.goals),
        error,
        page: page.titled(if new {
            "competence-new-title"
        } else {
            "competence-edit-title"
        }),
    }
}

fn require_hr(user: &CurrentUser) -> AppResult<()> {
    if user.actor.can(Capability::ManageCompetences) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

fn blank(user: &CurrentUser) -> Competence {
    Competence {
        id: CompetenceId::new(),
        org_id: user.org.id,
        name: String::new(),
        description: String::new(),
        goals: Vec::new(),
        retired: false,
    }
}

pub async fn new_form(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
) -> AppResult<Response> {
    require_hr(&user)?;
    let goals = state.db.goal_tree_at(user.org.id, user.revisions).await?;
    render(form_view(page, &goals, &blank(&user), true, None))
}

async fn existing(state: &AppState, user: &CurrentUser, id: &str) -> AppResult<Competence> {
    let id: CompetenceId = parse_id(id)?;
    state
        .db
        .competences(user.org.id)
        .await?
        .into_iter()
        .find(|c| c.id == id)
        .ok_or(AppError::NotFound)
}

pub async fn edit_form(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
) -> AppResult<Response> {
    require_hr(&user)?;
    let competence = existing(&state, &user, &id).await?;
    let goals = state.db.goal_tree_at(user.org.id, user.revisions).await?;
    render(form_view(page, &goals, &competence, false, None))
}

/// Fills a competence from the form's fields; goals outside the organisation's tree are dropped.
fn read(mut competence: Competence, fields: &[(String, String)], goals: &GoalTree) -> Competence {
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    competence.name = field("name");
    competence.description = field("description");
    competence.retired = field("retired") == "on";
    competence.goals = fields
        .iter()
        .filter(|(k, _)| k == "goal")
        .filter_map(|(_, v)| v.parse::<GoalId>().ok())
        .filter(|g| goals.get(*g).is_some())
        .collect();
    competence
}

async fn save(
    state: &AppState,
    user: &CurrentUser,
    page: Page,
    competence: Competence,
    new: bool,
    fields: &[(String, String)],
) -> AppResult<Response> {
    let org = user.org.id;
    let goals = state.db.goal_tree_at(org, user.revisions).await?;
    let catalogue = state.db.competences(org).await?;
    let typed = read(competence, fields, &goals);
    match typed.clone().check(&catalogue) {
        Ok(competence) => {
            let kind = if new {
                state.db.insert_competence(&competence).await?;
                AuditKind::CompetenceCreated
            } else {
                state.db.update_competence(&competence).await?;
                AuditKind::CompetenceChanged
            };
            audit_by(
                &state.db,
                user,
                kind,
                &competence.id.to_string(),
                &competence.name,
            )
            .await?;
            Ok(Redirect::to("/competences?done=done-saved").into_response())
        }
        Err(error) => {
            let message = Some(page.t.get(error.message_key()));
            render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                form_view(page, &goals, &typed, new, message),
            )
        }
    }
}

pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    crate::forms::Form(fields): crate::forms::Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    require_hr(&user)?;
    let competence = blank(&user);
    save(&state, &user, page, competence, true, &fields).await
}

pub async fn update(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
    crate::forms::Form(fields): crate::forms::Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    require_hr(&user)?;
    let competence = existing(&state, &user, &id).await?;
    save(&state, &user, page, competence, false, &fields).await
}
