//! The leadership group sets the effect it wants from a cycle: measurable intentions, each a
//! dashboard figure with a target. Everyone sees them, with their measured values, on the
//! effect dashboard.

use crate::error::{AppError, AppResult};
use crate::forms::{Form, parse_id};
use crate::i18n::Tr;
use crate::page::Page;
use crate::pages::cycles::visible_cycle;
use crate::pages::{render, render_status};
use crate::session::CurrentUser;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::cycle::Cycle;
use domain::effect::Figure;
use domain::evaluation::Question;
use domain::intention::{Intention, Metric};
use domain::strategy::{GoalStatus, GoalTree};
use serde::Deserialize;
use storage::StorageError;
use uuid::Uuid;

/// How a metric is named on the page, in the viewer's language.
pub fn metric_label(t: &Tr, goals: &GoalTree, metric: Metric) -> String {
    match metric {
        Metric::Share(figure) => t.with(
            "intention-metric-share",
            &[("figure", t.get(&format!("effect-{}", figure.as_str())))],
        ),
        Metric::Served(goal) => t.with(
            "intention-metric-served",
            &[(
                "goal",
                goals.get(goal).map(|g| g.title.clone()).unwrap_or_default(),
            )],
        ),
        Metric::Evaluation(q) => t.with(
            "intention-metric-evaluation",
            &[("question", t.get(&format!("evaluation-q-{}", q.as_str())))],
        ),
    }
}

/// A target as the page shows it: "90 %" or "4,2".
pub fn target_label(t: &Tr, metric: Metric, value: f64) -> String {
    match metric {
        Metric::Evaluation(_) => t.decimal(value, 1),
        _ => format!("{} %", t.decimal(value, 0)),
    }
}

/// Every metric the form offers: the shares, development serving each active goal (the
/// cycle's focus goals first), and the employees' evaluation of each question.
fn metric_choices(t: &Tr, goals: &GoalTree, cycle: &Cycle) -> Vec<(String, String)> {
    let mut metrics: Vec<Metric> = Figure::ALL.into_iter().map(Metric::Share).collect();
    let mut served: Vec<_> = goals
        .walk()
        .into_iter()
        .filter(|(_, g)| g.status == GoalStatus::Active)
        .map(|(_, g)| g.id)
        .collect();
    served.sort_by_key(|g| !cycle.focus_goals.contains(g));
    metrics.extend(served.into_iter().map(Metric::Served));
    metrics.extend(Question::ALL.into_iter().map(Metric::Evaluation));
    metrics
        .into_iter()
        .map(|m| (m.code(), metric_label(t, goals, m)))
        .collect()
}

struct Line {
    id: String,
    text: String,
    metric: String,
    target: String,
}

#[derive(Template)]
#[template(path = "intentions.html")]
struct IntentionsView {
    page: Page,
    id: String,
    cycle_name: String,
    intention: String,
    lines: Vec<Line>,
    metrics: Vec<(String, String)>,
    typed: IntentionForm,
    error: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct IntentionForm {
    #[serde(default)]
    text: String,
    #[serde(default)]
    metric: String,
    #[serde(default)]
    target: String,
}

async fn view(
    state: &AppState,
    user: &CurrentUser,
    page: Page,
    cycle: &Cycle,
    typed: IntentionForm,
    error: Option<String>,
) -> AppResult<IntentionsView> {
    let org = cycle.org_id;
    let goals = state.db.goal_tree_at(org, user.revisions).await?;
    let t = page.t;
    let lines = state
        .db
        .intentions(org, cycle.id)
        .await?
        .into_iter()
        .map(|i| Line {
            id: i.id.to_string(),
            metric: metric_label(&t, &goals, i.metric),
            target: target_label(&t, i.metric, i.target),
            text: i.text,
        })
        .collect();
    Ok(IntentionsView {
        id: cycle.id.to_string(),
        cycle_name: cycle.name.clone(),
        intention: cycle.intention.clone(),
        lines,
        metrics: metric_choices(&t, &goals, cycle),
        typed,
        error,
        page: page.titled("intentions-title"),
    })
}

/// Only the leadership group sets the cycle's intended effect.
fn leadership_cycle(user: &CurrentUser, id: &str) -> AppResult<Cycle> {
    let cycle = visible_cycle(user, id)?;
    if !user.actor.granted.leadership {
        return Err(AppError::Forbidden);
    }
    Ok(cycle)
}

pub async fn show(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let cycle = leadership_cycle(&user, &id)?;
    render(view(&state, &user, page, &cycle, IntentionForm::default(), None).await?)
}

pub async fn add(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
    Form(form): Form<IntentionForm>,
) -> AppResult<Response> {
    let cycle = leadership_cycle(&user, &id)?;
    match Intention::read(cycle.id, &form.text, &form.metric, &form.target) {
        Ok(intention) => {
            state.db.add_intention(user.org.id, &intention).await?;
            Ok(
                Redirect::to(&format!("/cycles/{}/intentions?done=done-saved", cycle.id))
                    .into_response(),
            )
        }
        Err(error) => {
            let message = Some(page.t.get(error.message_key()));
            let shown = view(&state, &user, page, &cycle, form, message).await?;
            render_status(StatusCode::UNPROCESSABLE_ENTITY, shown)
        }
    }
}

pub async fn remove(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, intention)): Path<(String, String)>,
) -> AppResult<Response> {
    let cycle = leadership_cycle(&user, &id)?;
    let intention = parse_id::<Uuid>(&intention)?;
    match state
        .db
        .remove_intention(user.org.id, cycle.id, intention)
        .await
    {
        Ok(()) => Ok(Redirect::to(&format!(
            "/cycles/{}/intentions?done=done-deleted",
            cycle.id
        ))
        .into_response()),
        Err(StorageError::NotFound) => Err(AppError::NotFound),
        Err(other) => Err(other.into()),
    }
}
