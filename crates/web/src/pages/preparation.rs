//! Preparing a conversation: each party answers the question set privately, saved as they
//! type, and shares when ready; once both have shared, the answers stand side by side.
//! Nobody but the two parties ever sees a preparation.

use crate::error::{AppError, AppResult};
use crate::forms::{Form, parse_id};
use crate::i18n::Tr;
use crate::page::Page;
use crate::pages::question_sets::section_label;
use crate::pages::terms::LastYear;
use crate::pages::{render, render_status};
use crate::session::CurrentUser;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use domain::conversation::Conversation;
use domain::cycle::{Cycle, CycleState};
use domain::preparation::{Answer, PrepError, Preparation, Side, other_visible, read_answers};
use domain::questions::{QuestionKind, Section, Version};
use domain::strategy::GoalTree;
use domain::{ConversationId, GoalId};
use std::sync::Arc;
use storage::StorageError;

/// What saving needs, loaded for one of the two parties: the conversation, the questions and
/// goals the answers are read against, and both preparations.
struct Basis {
    conversation: Conversation,
    cycle: Cycle,
    version: Version,
    goals: Arc<GoalTree>,
    own: Preparation,
    other: Option<Preparation>,
}

/// Everything a preparation page needs: its basis and what is only shown.
struct Context {
    basis: Basis,
    other_name: String,
    /// The leaders' framings of the cycle for the employee's unit and those above it.
    framings: Vec<(String, String)>,
    /// Last year's agreement, with how each goal went: (cycle, goals, commitments).
    last_year: Option<LastYear>,
    /// The positions of this year's focus questions in the version prepared with; empty when
    /// the cycle marks none, and then every question is asked alike.
    focus_questions: Vec<usize>,
}

/// Loads the conversation for its employee or its leader; anyone else gets a 404.
async fn basis(state: &AppState, user: &CurrentUser, id: &str) -> AppResult<Basis> {
    let org = user.org.id;
    let conversation = state
        .db
        .conversation(org, parse_id::<ConversationId>(id)?)
        .await?;
    let side = if conversation.employee_id == user.person.id {
        Side::Employee
    } else if conversation.leader_id == user.person.id {
        Side::Leader
    } else {
        return Err(AppError::NotFound);
    };
    let cycle = user.cycle(conversation.cycle_id)?.clone();
    let version = match conversation.version {
        Some(version) => state.db.version(org, version).await?,
        None => {
            let set = cycle
                .question_set
                .ok_or(AppError::BadRequest("error-prep-no-questions"))?;
            state.db.question_set(org, set).await?.current
        }
    };
    let mut preparations = state.db.preparations(conversation.id).await?;
    let own = match preparations.iter().position(|p| p.side == side) {
        Some(i) => preparations.remove(i),
        None => Preparation::new(conversation.id, side),
    };
    Ok(Basis {
        other: preparations.pop(),
        goals: state.db.goal_tree_at(org, user.revisions).await?,
        conversation,
        cycle,
        version,
        own,
    })
}

/// The page around a basis: the other party, the framings, last year and the focus questions.
async fn dress(state: &AppState, user: &CurrentUser, basis: Basis) -> AppResult<Context> {
    let org = user.org.id;
    let other_id = match basis.own.side {
        Side::Employee => basis.conversation.leader_id,
        Side::Leader => basis.conversation.employee_id,
    };
    let employee = state.db.person(org, basis.conversation.employee_id).await?;
    let written = state.db.framings(basis.cycle.id).await?;
    let mut framings: Vec<(String, String)> = user
        .units
        .path(employee.unit_id)
        .iter()
        .filter_map(|u| {
            written
                .iter()
                .find(|f| f.unit_id == u.id)
                .map(|f| (u.name.clone(), f.text.clone()))
        })
        .collect();
    framings.reverse();
    let focus_questions = match state.db.focus_questions(basis.cycle.id).await? {
        Some(focus) => {
            let marked = state.db.version(org, focus.version).await?;
            focus.positions_in(&marked, &basis.version)
        }
        None => Vec::new(),
    };
    Ok(Context {
        focus_questions,
        last_year: LastYear::load(state, &Tr::new(user.locale), &basis.conversation).await?,
        framings,
        other_name: state.db.person(org, other_id).await?.name,
        basis,
    })
}

async fn context(state: &AppState, user: &CurrentUser, id: &str) -> AppResult<Context> {
    dress(state, user, basis(state, user, id).await?).await
}

/// One question with this party's answer and, once both have shared, the other's.
struct QuestionView {
    name: String,
    text: String,
    kind: &'static str,
    text_answer: String,
    scale: Option<(String, String)>,
    scale_answer: u8,
    goal_options: Vec<(String, String, bool)>,
    other_answer: Option<String>,
    /// Not among this year's focus questions: answered if the author wishes.
    optional: bool,
    /// One of this year's focus questions.
    focus: bool,
}

struct SectionView {
    title: String,
    questions: Vec<QuestionView>,
    /// How many of its questions are optional this year.
    optional: usize,
}

#[derive(Template)]
#[template(path = "preparation.html")]
struct PreparationView<'a> {
    page: Page,
    id: String,
    cycle_id: String,
    cycle_name: String,
    intention: String,
    focus: Vec<(String, String)>,
    sections: Vec<SectionView>,
    revision: u32,
    shared: bool,
    other_shared: bool,
    both_shared: bool,
    other_name: String,
    framings: Vec<(String, String)>,
    last_year: Option<&'a LastYear>,
    /// After the conversation: the employee's answered questions, to keep or delete.
    keep_choices: Vec<(String, String)>,
    has_focus: bool,
    editable: bool,
    error: Option<String>,
}

/// The other party's answer in words.
fn describe(t: &Tr, goals: &GoalTree, answer: &Answer) -> String {
    let text = match answer {
        Answer::Text(text) => text.clone(),
        Answer::Scale(n) => n.to_string(),
        Answer::Goals(ids) => ids
            .iter()
            .filter_map(|id| goals.get(*id))
            .map(|g| g.title.clone())
            .collect::<Vec<_>>()
            .join(", "),
    };
    if text.trim().is_empty() {
        t.get("prep-no-answer")
    } else {
        text
    }
}

/// The goals a preparation may point to: the cycle's focus goals and their sub-goals, as long
/// as they are live.
fn goal_choices(goals: &GoalTree, cycle: &Cycle) -> Vec<GoalId> {
    goals
        .walk()
        .into_iter()
        .filter(|(_, g)| {
            !g.retired
                && goals
                    .path(g.id)
                    .iter()
                    .any(|p| cycle.focus_goals.contains(&p.id))
        })
        .map(|(_, g)| g.id)
        .collect()
}

fn view<'a>(
    page: Page,
    ctx: &'a Context,
    answers: &std::collections::BTreeMap<usize, Answer>,
    error: Option<String>,
) -> PreparationView<'a> {
    let t = page.t;
    let other = other_visible(Some(&ctx.basis.own), ctx.basis.other.as_ref());
    let choices = goal_choices(&ctx.basis.goals, &ctx.basis.cycle);
    let sections = Section::ALL
        .into_iter()
        .map(|section| SectionView {
            optional: 0,
            title: section_label(&t, section),
            questions: ctx
                .basis
                .version
                .questions
                .iter()
                .enumerate()
                .filter(|(_, q)| q.section == section)
                .map(|(index, q)| {
                    let answer = answers.get(&index);
                    QuestionView {
                        name: format!("q{index}"),
                        text: q.text.get(t.locale).to_owned(),
                        kind: q.kind.as_str(),
                        text_answer: match answer {
                            Some(Answer::Text(s)) => s.clone(),
                            _ => String::new(),
                        },
                        scale: match &q.kind {
                            QuestionKind::Scale { low, high } => Some((low.get(t.locale).to_owned(), high.get(t.locale).to_owned())),
                            _ => None,
                        },
                        scale_answer: match answer {
                            Some(Answer::Scale(n)) => *n,
                            _ => 0,
                        },
                        goal_options: choices
                            .iter()
                            .filter_map(|id| ctx.basis.goals.get(*id))
                            .map(|g| (g.id.to_string(), g.title.clone(), matches!(answer, Some(Answer::Goals(ids)) if ids.contains(&g.id))))
                            .collect(),
                        optional: !ctx.focus_questions.is_empty() && !ctx.focus_questions.contains(&index),
                        focus: ctx.focus_questions.contains(&index),
                        other_answer: other.map(|o| o.answers.get(&index).map_or_else(|| t.get("prep-no-answer"), |a| describe(&t, &ctx.basis.goals, a))),
                    }
                })
                .collect(),
        })
        .filter(|s| !s.questions.is_empty())
        .map(|mut s| {
            s.optional = s.questions.iter().filter(|q| q.optional).count();
            s
        })
        .collect();
    PreparationView {
        id: ctx.basis.conversation.id.to_string(),
        cycle_id: ctx.basis.cycle.id.to_string(),
        cycle_name: ctx.basis.cycle.name.clone(),
        intention: ctx.basis.cycle.intention.clone(),
        focus: ctx
            .basis
            .cycle
            .focus_goals
            .iter()
            .filter_map(|id| ctx.basis.goals.get(*id))
            .map(|g| (g.id.to_string(), g.title.clone()))
            .collect(),
        sections,
        revision: ctx.basis.own.revision,
        shared: ctx.basis.own.shared,
        other_shared: ctx.basis.other.as_ref().is_some_and(|o| o.shared),
        both_shared: other.is_some(),
        other_name: ctx.other_name.clone(),
        framings: ctx.framings.clone(),
        last_year: ctx.last_year.as_ref(),
        keep_choices: if may_choose_what_is_kept(&ctx.basis.conversation, &ctx.basis.own) {
            ctx.basis
                .own
                .answers
                .keys()
                .filter_map(|i| {
                    ctx.basis
                        .version
                        .questions
                        .get(*i)
                        .map(|q| (format!("q{i}"), q.text.get(t.locale).to_owned()))
                })
                .collect()
        } else {
            Vec::new()
        },
        has_focus: !ctx.focus_questions.is_empty(),
        editable: editable(&ctx.basis.cycle, &ctx.basis.conversation),
        error,
        page: page.titled("prep-title"),
    }
}

/// Preparation happens while the cycle is open, until the conversation is held or cancelled.
fn editable(cycle: &Cycle, conversation: &Conversation) -> bool {
    cycle.state == CycleState::Open && !conversation.cancelled && conversation.held_at.is_none()
}

/// Once the conversation is held, the employee decides which of their answers are kept.
fn may_choose_what_is_kept(conversation: &Conversation, own: &Preparation) -> bool {
    conversation.held_at.is_some() && own.side == Side::Employee && !own.answers.is_empty()
}

/// The employee keeps the answers they tick; the rest are deleted for good.
pub async fn keep(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let ctx = basis(&state, &user, &id).await?;
    if !may_choose_what_is_kept(&ctx.conversation, &ctx.own) {
        return Err(AppError::BadRequest("error-prep-keep"));
    }
    let keep: Vec<usize> = fields
        .iter()
        .filter(|(k, _)| k == "keep")
        .filter_map(|(_, v)| v.strip_prefix('q')?.parse().ok())
        .collect();
    let seen: u32 = fields
        .iter()
        .find(|(k, _)| k == "revision")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(u32::MAX);
    let next = ctx
        .own
        .keep_only(seen, &keep)
        .map_err(|_| AppError::Conflict("error-prep-keep-stale"))?;
    match state.db.save_preparation(&next, ctx.own.revision).await {
        Ok(()) => Ok(Redirect::to(&format!(
            "/conversations/{}/preparation?done=done-saved",
            ctx.conversation.id
        ))
        .into_response()),
        Err(StorageError::Conflict) => Err(AppError::Conflict("error-prep-keep-stale")),
        Err(other) => Err(other.into()),
    }
}

pub async fn show(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let ctx = context(&state, &user, &id).await?;
    let answers = ctx.basis.own.answers.clone();
    render(view(page, &ctx, &answers, None))
}

/// Saves (and, with `action=share`, shares) the user's own preparation. Autosave requests
/// (`X-Autosave: 1`) get 204 with the new revision, or the translated refusal as plain text.
pub async fn save(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let mut ctx = basis(&state, &user, &id).await?;
    let autosave = headers.get("x-autosave").is_some();
    let field = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    };
    let seen: u32 = field("revision").parse().unwrap_or(u32::MAX);
    let share = field("action") == "share";
    if !editable(&ctx.cycle, &ctx.conversation) {
        return Err(AppError::BadRequest("error-prep-closed"));
    }
    let outcome = read_answers(&ctx.version, &fields, &goal_choices(&ctx.goals, &ctx.cycle))
        .and_then(|answers| ctx.own.save(seen, answers));
    let saved = match outcome {
        Ok(next) => {
            let next = if share { next.share() } else { next };
            match state.db.save_preparation(&next, ctx.own.revision).await {
                Ok(()) => Ok(next),
                Err(StorageError::Conflict) => Err(PrepError::Stale),
                Err(other) => return Err(other.into()),
            }
        }
        Err(error) => Err(error),
    };
    match saved {
        Ok(next) => {
            if ctx.conversation.version.is_none() {
                // The first save fixes the version both parties prepare with.
                ctx.conversation.version = Some(ctx.version.id);
                state.db.save_conversation(&ctx.conversation).await?;
            }
            if autosave {
                let mut response = StatusCode::NO_CONTENT.into_response();
                response
                    .headers_mut()
                    .insert("x-revision", HeaderValue::from(next.revision));
                return Ok(response);
            }
            let done = if share { "done-shared" } else { "done-saved" };
            Ok(Redirect::to(&format!(
                "/conversations/{}/preparation?done={done}",
                ctx.conversation.id
            ))
            .into_response())
        }
        Err(error) => {
            let status = if error == PrepError::Stale {
                StatusCode::CONFLICT
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            let message = page.t.get(error.message_key());
            if autosave {
                return Ok((status, message).into_response());
            }
            // Show the text as typed, so nothing is lost even when it could not be saved.
            let typed = read_answers(&ctx.version, &fields, &goal_choices(&ctx.goals, &ctx.cycle))
                .unwrap_or_else(|_| ctx.own.answers.clone());
            let ctx = dress(&state, &user, ctx).await?;
            render_status(status, view(page, &ctx, &typed, Some(message)))
        }
    }
}
