//! The strategy: the organisation's goals and the units' sub-goals, as a tree everyone in the
//! organisation can read. The leadership group and HR keep it; a leader adds what a goal means
//! for the units they lead.

use crate::audit::audit_by;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, parse_id};
use crate::page::Page;
use crate::pages::view::kind_label;
use crate::pages::{render, render_status};
use crate::session::CurrentUser;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::audit::AuditKind;
use domain::org::UnitTree;
use domain::strategy::{
    GoalError, GoalStatus, GoalTree, Period, StrategicGoal, goal_text, parse_date,
};
use domain::{GoalId, UnitId};
use serde::Deserialize;
use std::sync::Arc;
use storage::StorageError;

/// A goal as a line in the tree.
struct GoalLine {
    id: String,
    depth: usize,
    title: String,
    unit: String,
    period: String,
    status: String,
    retired: bool,
}

fn goal_line(page: &Page, units: &UnitTree, depth: usize, goal: &StrategicGoal) -> GoalLine {
    GoalLine {
        id: goal.id.to_string(),
        depth,
        title: goal.title.clone(),
        unit: units
            .get(goal.unit_id)
            .map(|u| u.name.clone())
            .unwrap_or_default(),
        period: format!(
            "{} – {}",
            page.t.date(goal.period.from()),
            page.t.date(goal.period.to())
        ),
        status: page.t.get(&format!("goal-status-{}", goal.status.as_str())),
        retired: goal.retired,
    }
}

#[derive(Template)]
#[template(path = "strategy.html")]
struct StrategyView {
    page: Page,
    goals: Vec<GoalLine>,
    can_add_top: bool,
    can_read_feedback: bool,
}

pub async fn overview(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
) -> AppResult<Response> {
    let org = user.org.id;
    let units = user.units.clone();
    let goals = state.db.goal_tree_at(org, user.revisions).await?;
    let page = page.titled("strategy-title");
    let lines = goals
        .walk()
        .into_iter()
        .map(|(depth, g)| goal_line(&page, &units, depth, g))
        .collect();
    render(StrategyView {
        goals: lines,
        can_add_top: user.actor.keeps_strategy(),
        can_read_feedback: user.actor.granted.leadership,
        page,
    })
}

#[derive(Template)]
#[template(path = "goal.html")]
struct GoalView {
    page: Page,
    goal: GoalLine,
    description: String,
    path: Vec<(String, String)>,
    children: Vec<GoalLine>,
    /// Cycles that have the goal in focus (those the user may see).
    cycles: Vec<(String, String)>,
    can_edit: bool,
    can_add_sub: bool,
}

pub async fn show(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let id: GoalId = parse_id(&id)?;
    let org = user.org.id;
    let goals = state.db.goal_tree_at(org, user.revisions).await?;
    let goal = goals.get(id).ok_or(AppError::NotFound)?;
    let units = user.units.clone();
    let page = page.named(&goal.title);
    // A leader may add sub-goals under any live goal, for their own units.
    let can_add_sub = !goal.retired && (user.actor.keeps_strategy() || user.actor.is_leader());
    render(GoalView {
        goal: goal_line(&page, &units, 0, goal),
        description: goal.description.clone(),
        path: goals
            .path(id)
            .iter()
            .map(|g| (g.id.to_string(), g.title.clone()))
            .collect(),
        children: goals
            .children(id)
            .into_iter()
            .map(|g| goal_line(&page, &units, 1, g))
            .collect(),
        cycles: state
            .db
            .cycles_with_goal(org, id)
            .await?
            .into_iter()
            .filter(|c| c.visible_to(&user.actor))
            .map(|c| {
                (
                    c.id.to_string(),
                    format!(
                        "{} ({})",
                        c.name,
                        super::cycles::state_label(&page.t, c.state)
                    ),
                )
            })
            .collect(),
        can_edit: user.actor.may_edit_goals_of(goal.unit_id, &units),
        can_add_sub,
        page,
    })
}

/// The goal form as typed.
#[derive(Deserialize, Default)]
pub struct GoalForm {
    #[serde(default)]
    parent: String,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    retired: Option<String>,
}

impl GoalForm {
    /// The form filled in with a goal as it is.
    fn of(goal: &StrategicGoal) -> GoalForm {
        GoalForm {
            parent: goal.parent_id.map(|p| p.to_string()).unwrap_or_default(),
            unit: goal.unit_id.to_string(),
            title: goal.title.clone(),
            description: goal.description.clone(),
            from: goal.period.from().to_string(),
            to: goal.period.to().to_string(),
            status: goal.status.as_str().into(),
            retired: goal.retired.then(|| "on".into()),
        }
    }
}

#[derive(Template)]
#[template(path = "goal_form.html")]
struct GoalFormView {
    page: Page,
    /// `None` when creating.
    id: Option<String>,
    parent_title: Option<String>,
    form: GoalForm,
    units: Vec<(String, String)>,
    statuses: Vec<(&'static str, String)>,
    error: Option<String>,
}

/// The units a goal may be placed on: the organisation for top goals; for sub-goals, the units
/// the user may edit goals for.
fn unit_options(
    user: &CurrentUser,
    units: &UnitTree,
    top: bool,
    page: &Page,
) -> Vec<(String, String)> {
    units
        .walk()
        .into_iter()
        .filter(|(_, u)| {
            if top {
                u.parent_id.is_none()
            } else {
                user.actor.may_edit_goals_of(u.id, units)
            }
        })
        .map(|(depth, u)| {
            (
                u.id.to_string(),
                format!(
                    "{}{} ({})",
                    "\u{a0}\u{a0}".repeat(depth),
                    u.name,
                    kind_label(&page.t, u.kind)
                ),
            )
        })
        .collect()
}

fn form_view(
    user: &CurrentUser,
    units: &UnitTree,
    goals: &GoalTree,
    page: Page,
    id: Option<GoalId>,
    form: GoalForm,
    error: Option<String>,
) -> GoalFormView {
    let parent: Option<GoalId> = form.parent.parse().ok();
    let parent_title = parent.and_then(|p| goals.get(p)).map(|g| g.title.clone());
    let statuses = GoalStatus::ALL
        .iter()
        .map(|s| {
            (
                s.as_str(),
                page.t.get(&format!("goal-status-{}", s.as_str())),
            )
        })
        .collect();
    GoalFormView {
        units: unit_options(user, units, parent.is_none(), &page),
        id: id.map(|i| i.to_string()),
        parent_title,
        form,
        statuses,
        error,
        page,
    }
}

#[derive(Deserialize)]
pub struct NewGoalQuery {
    #[serde(default)]
    parent: String,
}

pub async fn new_form(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Query(query): Query<NewGoalQuery>,
) -> AppResult<Response> {
    let org = user.org.id;
    let (units, goals) = (
        user.units.clone(),
        state.db.goal_tree_at(org, user.revisions).await?,
    );
    let parent: Option<GoalId> = if query.parent.is_empty() {
        None
    } else {
        Some(parse_id(&query.parent)?)
    };
    let allowed = match parent {
        None => user.actor.keeps_strategy(),
        Some(p) => {
            goals.get(p).is_some_and(|g| !g.retired)
                && (user.actor.keeps_strategy() || user.actor.is_leader())
        }
    };
    if !allowed {
        return Err(AppError::Forbidden);
    }
    let this_year = chrono::Utc::now().date_naive();
    let (from, to) = match parent.and_then(|p| goals.get(p)) {
        Some(p) => (p.period.from(), p.period.to()),
        None => (this_year, this_year + chrono::Duration::days(364)),
    };
    let form = GoalForm {
        parent: query.parent,
        from: from.to_string(),
        to: to.to_string(),
        status: "active".into(),
        ..Default::default()
    };
    render(form_view(
        &user,
        &units,
        &goals,
        page.titled("goal-new-title"),
        None,
        form,
        None,
    ))
}

/// Reads the form into text, period and status, or names what is wrong.
fn read_form(form: &GoalForm) -> Result<(String, String, Period, GoalStatus), GoalError> {
    let (title, description) = goal_text(&form.title, &form.description)?;
    let period = Period::new(parse_date(&form.from)?, parse_date(&form.to)?)?;
    Ok((title, description, period, form.status.parse()?))
}

pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Form(form): Form<GoalForm>,
) -> AppResult<Response> {
    if !user.actor.keeps_strategy() && !user.actor.is_leader() {
        return Err(AppError::Forbidden);
    }
    let org = user.org.id;
    let (units, goals) = (
        user.units.clone(),
        state.db.goal_tree_at(org, user.revisions).await?,
    );
    let checked = (|| {
        let parent: Option<GoalId> = if form.parent.is_empty() {
            None
        } else {
            Some(form.parent.parse().map_err(|_| GoalError::UnknownParent)?)
        };
        let unit: UnitId = form.unit.parse().map_err(|_| GoalError::UnknownUnit)?;
        goals.check_place(&user.actor, &units, parent, unit)?;
        let (title, description, period, status) = read_form(&form)?;
        Ok::<_, GoalError>(StrategicGoal {
            id: GoalId::new(),
            org_id: org,
            parent_id: parent,
            unit_id: unit,
            title,
            description,
            period,
            status,
            retired: false,
        })
    })();
    match checked {
        Ok(goal) => {
            state.db.insert_goal(&goal).await?;
            audit_by(&state.db, &user, AuditKind::GoalCreated, &goal.title, "").await?;
            Ok(
                Redirect::to(&format!("/strategy/goals/{}?done=done-created", goal.id))
                    .into_response(),
            )
        }
        Err(error) => {
            let message = Some(page.t.get(error.message_key()));
            let view = form_view(
                &user,
                &units,
                &goals,
                page.titled("goal-new-title"),
                None,
                form,
                message,
            );
            render_status(StatusCode::UNPROCESSABLE_ENTITY, view)
        }
    }
}

/// The goal the user may edit, or 404 (not in the organisation) / 403 (not theirs).
async fn editable(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
) -> AppResult<(StrategicGoal, Arc<UnitTree>, Arc<GoalTree>)> {
    let id: GoalId = parse_id(id)?;
    let org = user.org.id;
    let (units, goals) = (
        user.units.clone(),
        state.db.goal_tree_at(org, user.revisions).await?,
    );
    let goal = goals.get(id).ok_or(AppError::NotFound)?.clone();
    if !user.actor.may_edit_goals_of(goal.unit_id, &units) {
        return Err(AppError::Forbidden);
    }
    Ok((goal, units, goals))
}

pub async fn edit_form(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let (goal, units, goals) = editable(&state, &user, &id).await?;
    let form = GoalForm::of(&goal);
    render(form_view(
        &user,
        &units,
        &goals,
        page.named(&goal.title),
        Some(goal.id),
        form,
        None,
    ))
}

pub async fn update(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
    Form(form): Form<GoalForm>,
) -> AppResult<Response> {
    let (goal, units, goals) = editable(&state, &user, &id).await?;
    match read_form(&form) {
        Ok((title, description, period, status)) => {
            let updated = StrategicGoal {
                title,
                description,
                period,
                status,
                retired: form.retired.is_some(),
                ..goal.clone()
            };
            state.db.update_goal(&updated).await?;
            let detail = describe_change(&goal, &updated);
            audit_by(
                &state.db,
                &user,
                AuditKind::GoalChanged,
                &updated.title,
                &detail,
            )
            .await?;
            Ok(
                Redirect::to(&format!("/strategy/goals/{}?done=done-saved", goal.id))
                    .into_response(),
            )
        }
        Err(error) => {
            let message = Some(page.t.get(error.message_key()));
            let view = form_view(
                &user,
                &units,
                &goals,
                page.named(&goal.title),
                Some(goal.id),
                form,
                message,
            );
            render_status(StatusCode::UNPROCESSABLE_ENTITY, view)
        }
    }
}

fn describe_change(before: &StrategicGoal, after: &StrategicGoal) -> String {
    let mut changes = Vec::new();
    if before.title != after.title {
        changes.push(format!("title: {} → {}", before.title, after.title));
    }
    if before.period != after.period {
        changes.push(format!(
            "period: {}–{}",
            after.period.from(),
            after.period.to()
        ));
    }
    if before.status != after.status {
        changes.push(format!("status: {} → {}", before.status, after.status));
    }
    if before.retired != after.retired {
        changes.push(
            if after.retired {
                "retired"
            } else {
                "back in use"
            }
            .to_owned(),
        );
    }
    if before.description != after.description {
        changes.push("description".to_owned());
    }
    changes.join("; ")
}

/// Deletes a goal nothing links to; a linked goal must be retired instead.
pub async fn delete(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let (goal, units, goals) = editable(&state, &user, &id).await?;
    match state.db.delete_goal(user.org.id, goal.id).await {
        Ok(()) => {
            audit_by(&state.db, &user, AuditKind::GoalDeleted, &goal.title, "").await?;
            Ok(Redirect::to("/strategy?done=done-deleted").into_response())
        }
        Err(StorageError::Conflict) => {
            let form = GoalForm::of(&goal);
            let message = Some(page.t.get("error-goal-linked"));
            let view = form_view(
                &user,
                &units,
                &goals,
                page.named(&goal.title),
                Some(goal.id),
                form,
                message,
            );
            render_status(StatusCode::CONFLICT, view)
        }
        Err(other) => Err(other.into()),
    }
}
