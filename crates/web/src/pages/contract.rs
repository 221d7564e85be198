//! The psychological contract of a conversation, written by both parties, confirmed by both,
//! shown against last year's. Only the two parties may open it.

use crate::error::{AppError, AppResult};
use crate::forms::{Form, parse_id};
use crate::page::Page;
use crate::pages::{render, render_status};
use crate::session::CurrentUser;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::ConversationId;
use domain::contract::{Change, Contract, ContractError, List, changes, read_list};
use domain::conversation::Conversation;
use domain::cycle::{Cycle, CycleState};
use storage::StorageError;

struct Loaded {
    conversation: Conversation,
    cycle: Cycle,
    employee: bool,
    contract: Contract,
    last_year: Option<Contract>,
}

/// The conversation for one of its two parties, this year's contract (started from last year's
/// if there is none yet) and last year's.
async fn load(state: &AppState, user: &CurrentUser, id: &str) -> AppResult<Loaded> {
    let org = user.org.id;
    let conversation = state
        .db
        .conversation(org, parse_id::<ConversationId>(id)?)
        .await?;
    let employee = conversation.employee_id == user.person.id;
    if !employee && conversation.leader_id != user.person.id {
        return Err(AppError::NotFound);
    }
    let cycles = user.cycles.to_vec();
    let cycle = cycles
        .iter()
        .find(|c| c.id == conversation.cycle_id)
        .cloned()
        .ok_or(AppError::NotFound)?;
    // Last year's: the employee's contract in the nearest earlier cycle that has one.
    let mut last_year = None;
    for earlier in cycles
        .iter()
        .filter(|c| c.timeline.conversations_from() < cycle.timeline.conversations_from())
    {
        if let Some(previous) = state
            .db
            .conversation_of(org, earlier.id, conversation.employee_id)
            .await?
            && let Some(contract) = state.db.contract(previous.id).await?
        {
            last_year = Some(contract);
            break;
        }
    }
    let contract = match state.db.contract(conversation.id).await? {
        Some(contract) => contract,
        None => Contract::start(conversation.id, last_year.as_ref()),
    };
    Ok(Loaded {
        conversation,
        cycle,
        employee,
        contract,
        last_year,
    })
}

struct ListView {
    key: &'static str,
    title: String,
    text: String,
    changes: Vec<(&'static str, String)>,
}

#[derive(Template)]
#[template(path = "contract.html")]
struct ContractView {
    page: Page,
    id: String,
    /// The conversation's page, to go back to.
    back: String,
    revision: u32,
    lists: Vec<ListView>,
    has_last_year: bool,
    employee_confirmed: bool,
    leader_confirmed: bool,
    you_confirmed: bool,
    editable: bool,
    error: Option<String>,
}

fn view(
    page: Page,
    loaded: &Loaded,
    typed: Option<&[(String, String)]>,
    error: Option<String>,
) -> ContractView {
    let t = page.t;
    let c = &loaded.contract;
    let lists = List::ALL
        .into_iter()
        .map(|list| {
            let mine = c.list(list);
            let before = loaded
                .last_year
                .as_ref()
                .map(|l| l.list(list))
                .unwrap_or_default();
            let typed_text = typed.and_then(|fields| {
                fields
                    .iter()
                    .find(|(k, _)| k == list.as_str())
                    .map(|(_, v)| v.clone())
            });
            ListView {
                key: list.as_str(),
                title: t.get(&format!("contract-{}", list.as_str())),
                text: typed_text.unwrap_or_else(|| {
                    mine.iter()
                        .map(|i| i.text.as_str())
                        .collect::<Vec<_>>()
                        .join("\n")
                }),
                changes: changes(&before, &mine)
                    .into_iter()
                    .map(|change| match change {
                        Change::Unchanged(text) => ("unchanged", text),
                        Change::Added(text) => ("added", text),
                        Change::Changed { before, after } => (
                            "changed",
                            t.with(
                                "contract-changed-from",
                                &[("after", after), ("before", before)],
                            ),
                        ),
                        Change::Removed(text) => ("removed", text),
                    })
                    .collect(),
            }
        })
        .collect();
    ContractView {
        back: format!(
            "/cycles/{}/people/{}",
            loaded.conversation.cycle_id, loaded.conversation.employee_id
        ),
        id: loaded.conversation.id.to_string(),
        revision: c.revision,
        lists,
        has_last_year: loaded.last_year.is_some(),
        employee_confirmed: c.employee_confirmed,
        leader_confirmed: c.leader_confirmed,
        you_confirmed: if loaded.employee {
            c.employee_confirmed
        } else {
            c.leader_confirmed
        },
        editable: loaded.cycle.state == CycleState::Open && !loaded.conversation.cancelled,
        error,
        page: page.titled("contract-title"),
    }
}

pub async fn show(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let loaded = load(&state, &user, &id).await?;
    render(view(page, &loaded, None, None))
}

/// Saves the three lists (`action=save`) or confirms the contract as it stands (`action=confirm`).
pub async fn save(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let loaded = load(&state, &user, &id).await?;
    if loaded.cycle.state != CycleState::Open || loaded.conversation.cancelled {
        return Err(AppError::BadRequest("error-prep-closed"));
    }
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    };
    let seen: u32 = field("revision").parse().unwrap_or(u32::MAX);
    let current = &loaded.contract;
    let next = if field("action") == "confirm" {
        current.confirm(seen, loaded.employee)
    } else {
        List::ALL
            .into_iter()
            .map(|list| read_list(list, field(list.as_str())))
            .collect::<Result<Vec<_>, _>>()
            .and_then(|lists| current.edit(seen, lists.concat()))
    };
    let saved = match next {
        Ok(next) => match state.db.save_contract(&next, current.revision).await {
            Ok(()) => Ok(()),
            Err(StorageError::Conflict) => Err(ContractError::Stale),
            Err(other) => return Err(other.into()),
        },
        Err(error) => Err(error),
    };
    match saved {
        Ok(()) => Ok(Redirect::to(&format!(
            "/conversations/{}/contract?done=done-saved",
            loaded.conversation.id
        ))
        .into_response()),
        Err(error) => {
            let status = if error == ContractError::Stale {
                StatusCode::CONFLICT
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            let message = Some(page.t.get(error.message_key()));
            render_status(status, view(page, &loaded, Some(&fields), message))
        }
    }
}
