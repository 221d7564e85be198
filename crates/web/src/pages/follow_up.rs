//! A follow-up meeting on a signed agreement: for each development goal, how far it has come,
//! its status and a note from each party. For the two parties only.

use crate::error::{AppError, AppResult};
use crate::forms::{Form, parse_id};
use crate::page::Page;
use crate::pages::party::Party;
use crate::pages::terms::{GoalView, Names, terms_view};
use crate::pages::{render, render_status};
use crate::session::CurrentUser;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::FollowUpId;
use domain::agreement::Agreement;
use domain::followup::{FollowUp, FollowUpError, ReviewInput, Status};
use domain::preparation::Side;
use storage::{StorageError, now};

struct Context {
    party: Party,
    agreement: Agreement,
    follow_up: FollowUp,
}

async fn context(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    follow_up: &str,
) -> AppResult<Context> {
    let party = Party::load(state, user, id).await?;
    let follow_up = state
        .db
        .follow_up(user.org.id, parse_id::<FollowUpId>(follow_up)?)
        .await?;
    if follow_up.conversation_id != party.conversation.id {
        return Err(AppError::NotFound);
    }
    let agreement = state
        .db
        .agreement(party.conversation.id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Context {
        party,
        agreement,
        follow_up,
    })
}

/// One goal at the follow-up, with what was recorded (or typed).
struct GoalReview {
    goal: GoalView,
    id: String,
    progress: String,
    status: &'static str,
    reason: String,
    my_note: String,
    other_note: String,
    /// Who set the shared progress and status last.
    set_by: Option<String>,
}

#[derive(Template)]
#[template(path = "follow_up.html")]
struct FollowUpView {
    page: Page,
    conversation_id: String,
    id: String,
    due: String,
    due_input: String,
    held: Option<String>,
    revision: u32,
    other_name: String,
    goals: Vec<GoalReview>,
    statuses: Vec<(&'static str, String)>,
    error: Option<String>,
}

async fn view(
    state: &AppState,
    page: Page,
    cx: &Context,
    typed: Option<&[(String, String)]>,
    error: Option<String>,
) -> AppResult<FollowUpView> {
    let t = page.t;
    let reports = state.db.progress_history(cx.party.conversation.id).await?;
    let names = Names::load(
        state,
        cx.party.cycle.org_id,
        &[&cx.agreement.terms],
        &reports,
    )
    .await?;
    let (goals, _) = terms_view(&t, &cx.agreement.terms, &names, &reports);
    let f = &cx.follow_up;
    let side = cx.party.side;
    let goals = cx
        .agreement
        .terms
        .goals
        .iter()
        .zip(goals)
        .map(|(goal, view)| {
            let review = f.review_of(goal.id);
            let field = |name: &str, stored: String| match typed {
                Some(fields) => fields
                    .iter()
                    .find(|(k, _)| *k == format!("{}-{name}", goal.id))
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default(),
                None => stored,
            };
            let (mine, other) = match side {
                Side::Employee => (review.employee_note.clone(), review.leader_note.clone()),
                Side::Leader => (review.leader_note.clone(), review.employee_note.clone()),
            };
            GoalReview {
                id: goal.id.to_string(),
                progress: field("progress", review.progress.clone()),
                status: field("status", review.status.as_str().to_owned())
                    .parse::<Status>()
                    .unwrap_or(review.status)
                    .as_str(),
                reason: field("reason", review.reason.clone()),
                my_note: field("note", mine),
                other_note: other,
                set_by: review.set_by.map(|side| match side {
                    Side::Employee => cx.party.employee.name.clone(),
                    Side::Leader => cx.party.leader.name.clone(),
                }),
                goal: view,
            }
        })
        .collect();
    let other_name = match side {
        Side::Employee => cx.party.leader.name.clone(),
        Side::Leader => cx.party.employee.name.clone(),
    };
    Ok(FollowUpView {
        conversation_id: cx.party.conversation.id.to_string(),
        id: f.id.to_string(),
        due: t.date(f.due),
        due_input: f.due.to_string(),
        held: f.held_at.map(|at| t.datetime(&at)),
        revision: f.revision,
        other_name,
        goals,
        statuses: Status::ALL
            .iter()
            .map(|s| {
                (
                    s.as_str(),
                    t.get(&format!("followup-status-{}", s.as_str())),
                )
            })
            .collect(),
        error,
        page: page.titled("followup-title"),
    })
}

pub async fn show(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path((id, follow_up)): Path<(String, String)>,
) -> AppResult<Response> {
    let cx = context(&state, &user, &id, &follow_up).await?;
    render(view(&state, page, &cx, None, None).await?)
}

/// Records the reviews (`op=record`), moves the meeting (`op=move`) or marks it held
/// (`op=hold`).
pub async fn save(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path((id, follow_up)): Path<(String, String)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let cx = context(&state, &user, &id, &follow_up).await?;
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    };
    let seen: u32 = field("revision").parse().unwrap_or(u32::MAX);
    let f = &cx.follow_up;
    let keys: Vec<(String, [String; 4])> = cx
        .agreement
        .terms
        .goals
        .iter()
        .map(|g| {
            let key = |name: &str| format!("{}-{name}", g.id);
            (
                g.id.to_string(),
                [key("progress"), key("status"), key("reason"), key("note")],
            )
        })
        .collect();
    let inputs: Vec<ReviewInput> = cx
        .agreement
        .terms
        .goals
        .iter()
        .zip(&keys)
        .filter(|(_, (_, k))| fields.iter().any(|(name, _)| *name == k[1]))
        .map(|(g, (_, k))| ReviewInput {
            goal: g.id,
            progress: field(&k[0]),
            status: field(&k[1]),
            reason: field(&k[2]),
            note: field(&k[3]),
        })
        .collect();
    let next = match field("op") {
        "record" => f.record(seen, cx.party.side, &cx.agreement, &inputs),
        // What was typed on the page is recorded before the meeting is closed.
        "hold" => f
            .record(seen, cx.party.side, &cx.agreement, &inputs)
            .and_then(|recorded| recorded.hold(recorded.revision, now())),
        "move" => f.move_to(seen, field("due")),
        _ => return Err(AppError::BadRequest("error-bad-form")),
    };
    let saved = match next {
        Ok(next) => match state.db.save_follow_up(&next, f.revision).await {
            Ok(()) => Ok(()),
            Err(StorageError::Conflict) => Err(FollowUpError::Stale),
            Err(other) => return Err(other.into()),
        },
        Err(error) => Err(error),
    };
    match saved {
        Ok(()) => Ok(Redirect::to(&format!(
            "/conversations/{}/follow-ups/{}?done=done-saved",
            cx.party.conversation.id, f.id
        ))
        .into_response()),
        Err(error) => {
            let status = if error.is_conflict() {
                StatusCode::CONFLICT
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            let message = Some(page.t.get(error.message_key()));
            let typed = (field("op") != "move").then_some(fields.as_slice());
            render_status(status, view(&state, page, &cx, typed, message).await?)
        }
    }
}

/// Either party adds a follow-up to a signed agreement.
pub async fn add(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let party = Party::load(&state, &user, &id).await?;
    let signed = state
        .db
        .agreement(party.conversation.id)
        .await?
        .is_some_and(|a| a.signed());
    if !signed {
        return Err(AppError::Conflict("error-followup-not-signed"));
    }
    let due = fields
        .iter()
        .find(|(k, _)| k == "due")
        .map_or("", |(_, v)| v.as_str());
    let due = chrono::NaiveDate::parse_from_str(due.trim(), "%Y-%m-%d")
        .map_err(|_| AppError::BadRequest("error-bad-date"))?;
    state
        .db
        .add_follow_up(&FollowUp::new(party.conversation.id, due))
        .await?;
    Ok(Redirect::to(&format!(
        "/conversations/{}/agreement?done=done-saved",
        party.conversation.id
    ))
    .into_response())
}
