//! The strategic dialogue: the employee's feedback on each focus goal that concerns them, seen
//! by the two parties; and what of it reaches the leadership group, named or anonymous as each
//! employee chose.

use crate::error::{AppError, AppResult};
use crate::forms::Form;
use crate::page::Page;
use crate::pages::insight::{ResponseView, response_view};
use crate::pages::party::Party;
use crate::pages::{render, render_status};
use crate::session::CurrentUser;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::cycle::CycleState;
use domain::dialogue::{Feedback, Visibility, goals_concerning};
use domain::preparation::Side;
use std::collections::HashMap;

/// One focus goal with the employee's answers, as typed or as stored.
struct GoalForm {
    id: String,
    title: String,
    description: String,
    contribution: String,
    hard_situations: String,
    what_then: String,
    opportunities: String,
    barriers: String,
    clarity: u8,
    visibility: &'static str,
    /// What the leadership answered, if it did.
    response: Option<ResponseView>,
}

#[derive(Template)]
#[template(path = "dialogue.html")]
struct DialogueView {
    page: Page,
    id: String,
    back: String,
    employee_name: String,
    goals: Vec<GoalForm>,
    editable: bool,
    is_employee: bool,
    visibilities: Vec<(&'static str, String)>,
    error: Option<String>,
}

const FIELDS: [&str; 5] = [
    "contribution",
    "hard_situations",
    "what_then",
    "opportunities",
    "barriers",
];

async fn view(
    state: &AppState,
    user: &CurrentUser,
    page: Page,
    party: &Party,
    typed: Option<&[(String, String)]>,
    error: Option<String>,
) -> AppResult<DialogueView> {
    let org = party.cycle.org_id;
    let goals = state.db.goal_tree_at(org, user.revisions).await?;
    let units = user.units.clone();
    let stored: HashMap<_, Feedback> = state
        .db
        .feedback_of(party.conversation.id)
        .await?
        .into_iter()
        .map(|f| (f.goal_id, f))
        .collect();
    let responses = state.db.responses_of(party.conversation.id).await?;
    let t = page.t;
    let concerning = goals_concerning(
        &party.cycle.focus_goals,
        &goals,
        &units,
        party.employee.unit_id,
    );
    let forms = concerning
        .into_iter()
        .filter_map(|id| goals.get(id))
        .map(|goal| {
            let saved = stored.get(&goal.id);
            let value = |name: &str| -> String {
                match typed {
                    Some(fields) => field(fields, &format!("{}-{name}", goal.id)).to_owned(),
                    None => saved
                        .map(|f| match name {
                            "contribution" => f.contribution.clone(),
                            "hard_situations" => f.hard_situations.clone(),
                            "what_then" => f.what_then.clone(),
                            "opportunities" => f.opportunities.clone(),
                            "barriers" => f.barriers.clone(),
                            "clarity" => f.clarity.map(|c| c.to_string()).unwrap_or_default(),
                            _ => f.visibility.as_str().to_owned(),
                        })
                        .unwrap_or_default(),
                }
            };
            GoalForm {
                id: goal.id.to_string(),
                title: goal.title.clone(),
                description: goal.description.clone(),
                contribution: value("contribution"),
                hard_situations: value("hard_situations"),
                what_then: value("what_then"),
                opportunities: value("opportunities"),
                barriers: value("barriers"),
                clarity: value("clarity").parse().unwrap_or(0),
                visibility: value("visibility")
                    .parse::<Visibility>()
                    .unwrap_or(Visibility::Conversation)
                    .as_str(),
                response: responses.get(&goal.id).map(|r| response_view(r, &units)),
            }
        })
        .collect();
    Ok(DialogueView {
        id: party.conversation.id.to_string(),
        back: party.conversation_page(),
        employee_name: party.employee.name.clone(),
        goals: forms,
        editable: party.side == Side::Employee
            && party.live()
            && party.cycle.state == CycleState::Open,
        is_employee: party.side == Side::Employee,
        visibilities: Visibility::ALL
            .iter()
            .map(|v| {
                (
                    v.as_str(),
                    t.get(&format!("dialogue-visibility-{}", v.as_str())),
                )
            })
            .collect(),
        error,
        page: page.titled("dialogue-title"),
    })
}

fn field<'a>(fields: &'a [(String, String)], name: &str) -> &'a str {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

pub async fn show(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let party = Party::load(&state, &user, &id).await?;
    render(view(&state, &user, page, &party, None, None).await?)
}

/// The employee saves their feedback on all the goals at once.
pub async fn save(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let party = Party::load(&state, &user, &id).await?;
    if party.side != Side::Employee {
        return Err(AppError::Forbidden);
    }
    if !party.live() || party.cycle.state != CycleState::Open {
        return Err(AppError::BadRequest("error-prep-closed"));
    }
    let org = party.cycle.org_id;
    let goals = state.db.goal_tree_at(org, user.revisions).await?;
    let units = user.units.clone();
    let concerning = goals_concerning(
        &party.cycle.focus_goals,
        &goals,
        &units,
        party.employee.unit_id,
    );
    let read: Result<Vec<Option<Feedback>>, _> = concerning
        .iter()
        .map(|goal| {
            let v = |name: &str| field(&fields, &format!("{goal}-{name}"));
            let [a, b, c, d, e] = FIELDS.map(v);
            Feedback::read(*goal, a, b, c, d, e, v("clarity"), v("visibility"))
        })
        .collect();
    match read {
        Ok(items) => {
            let items: Vec<Feedback> = items.into_iter().flatten().collect();
            state.db.save_feedback(&party.conversation, &items).await?;
            Ok(Redirect::to(&format!(
                "/conversations/{}/dialogue?done=done-saved",
                party.conversation.id
            ))
            .into_response())
        }
        Err(error) => {
            let message = Some(page.t.get(error.message_key()));
            render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                view(&state, &user, page, &party, Some(&fields), message).await?,
            )
        }
    }
}
