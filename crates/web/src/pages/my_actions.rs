//! What a person has promised in development agreements: their own actions, and for leaders and
//! anyone they named, the organisation's commitments. Each owner says here how their items
//! stand, with a note; every report is kept. They see the items they own and nothing else of
//! the agreement.

use crate::error::{AppError, AppResult};
use crate::forms::{Form, parse_id};
use crate::page::Page;
use crate::pages::render;
use crate::pages::terms::{Names, terms_view};
use crate::session::CurrentUser;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::agreement::{Progress, Terms};
use domain::progress::{ProgressUpdate, may_report, read_note};
use domain::{ConversationId, ItemId};
use serde::Deserialize;
use storage::{StorageError, now};

struct OwnedLine {
    conversation_id: String,
    item_id: String,
    revision: u32,
    /// Whose agreement it is in.
    employee: String,
    cycle: String,
    text: String,
    kind: String,
    due: String,
    progress: &'static str,
    history: Vec<String>,
}

#[derive(Template)]
#[template(path = "my_actions.html")]
struct MyActionsView {
    page: Page,
    lines: Vec<OwnedLine>,
    progresses: Vec<(&'static str, String)>,
}

pub async fn show(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
) -> AppResult<Response> {
    let org = user.org.id;
    let t = page.t;
    let mut lines = Vec::new();
    for id in state.db.conversations_owning(org, user.person.id).await? {
        let conversation = state.db.conversation(org, id).await?;
        let Some(agreement) = state.db.agreement(id).await? else {
            continue;
        };
        let employee = state.db.person(org, conversation.employee_id).await?.name;
        let cycle = user.cycle(conversation.cycle_id)?.clone().name;
        let reports = state.db.progress_history(id).await?;
        // Only what this person owns: not the rest of the agreement.
        let mine = Terms {
            goals: agreement
                .terms
                .goals
                .iter()
                .map(|g| {
                    let mut g = g.clone();
                    g.actions.retain(|a| a.owner == user.person.id);
                    g
                })
                .collect(),
            commitments: agreement
                .terms
                .commitments
                .iter()
                .filter(|c| c.owner == user.person.id)
                .cloned()
                .collect(),
        };
        let names = Names::load(&state, org, &[&mine], &reports).await?;
        let (goals, commitments) = terms_view(&t, &mine, &names, &reports);
        let actions = goals
            .into_iter()
            .flat_map(|g| g.actions)
            .map(|a| (a.id, a.text, a.kind, a.due, a.progress, a.history));
        let promised = commitments
            .into_iter()
            .map(|c| (c.id, c.text, c.kind, c.due, c.progress, c.history));
        for (item_id, text, kind, due, progress, history) in actions.chain(promised) {
            lines.push(OwnedLine {
                conversation_id: id.to_string(),
                item_id,
                revision: agreement.revision,
                employee: employee.clone(),
                cycle: cycle.clone(),
                text,
                kind,
                due,
                progress,
                history,
            });
        }
    }
    render(MyActionsView {
        lines,
        progresses: Progress::ALL
            .iter()
            .map(|p| {
                (
                    p.as_str(),
                    t.get(&format!("agreement-progress-{}", p.as_str())),
                )
            })
            .collect(),
        page: page.titled("my-actions-title"),
    })
}

#[derive(Deserialize)]
pub struct ReportForm {
    #[serde(default)]
    revision: String,
    #[serde(default)]
    progress: String,
    #[serde(default)]
    note: String,
}

/// The owner (or a party) reports how an item stands.
pub async fn report(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((conversation, item)): Path<(String, String)>,
    Form(form): Form<ReportForm>,
) -> AppResult<Response> {
    let org = user.org.id;
    let conversation = state
        .db
        .conversation(org, parse_id::<ConversationId>(&conversation)?)
        .await?;
    let item: ItemId = parse_id(&item)?;
    let agreement = state
        .db
        .agreement(conversation.id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !may_report(&conversation, &agreement, item, user.person.id) {
        return Err(AppError::NotFound);
    }
    let progress: Progress = form
        .progress
        .parse()
        .map_err(|_| AppError::BadRequest("error-bad-form"))?;
    let note = read_note(&form.note).map_err(|_| AppError::BadRequest("error-too-long"))?;
    let seen: u32 = form.revision.parse().unwrap_or(u32::MAX);
    let next = agreement
        .report(seen, item, progress)
        .map_err(|_| AppError::Conflict("error-agreement-stale"))?;
    let update = ProgressUpdate {
        conversation_id: conversation.id,
        item,
        by: user.person.id,
        at: now(),
        progress,
        note,
    };
    match state
        .db
        .save_agreement(&next, agreement.revision, Some(&update), &[])
        .await
    {
        Ok(()) => Ok(Redirect::to("/my-actions?done=done-saved").into_response()),
        Err(StorageError::Conflict) => Err(AppError::Conflict("error-agreement-stale")),
        Err(other) => Err(other.into()),
    }
}
