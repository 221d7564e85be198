//! Evaluating a held conversation (each party, once), and a leader's own results: what their
//! employees said of the conversations they held, only ever as a large enough aggregate.

use crate::error::{AppError, AppResult};
use crate::forms::Form;
use crate::page::Page;
use crate::pages::party::Party;
use crate::pages::{csv_response, render, render_status};
use crate::session::CurrentUser;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::cycle::CycleState;
use domain::evaluation::{Evaluation, EvaluationError, Question, Scores, Summary};
use domain::preparation::Side;
use serde::Deserialize;
use storage::{StorageError, now};

/// One question as the form shows it: its field name, text and the chosen answer (0: none).
struct Asked {
    name: &'static str,
    text: String,
    chosen: u8,
}

#[derive(Template)]
#[template(path = "evaluation.html")]
struct EvaluationView {
    page: Page,
    id: String,
    back: String,
    other_name: String,
    is_employee: bool,
    held: bool,
    closed: bool,
    given: Option<String>,
    questions: Vec<Asked>,
    comment: String,
    threshold: u32,
    error: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct EvaluationForm {
    #[serde(default)]
    equals: String,
    #[serde(default)]
    strategy: String,
    #[serde(default)]
    priorities: String,
    #[serde(default)]
    worth: String,
    #[serde(default)]
    comment: String,
}

impl EvaluationForm {
    fn answer(&self, question: Question) -> &str {
        match question {
            Question::Equals => &self.equals,
            Question::Strategy => &self.strategy,
            Question::Priorities => &self.priorities,
            Question::Worth => &self.worth,
        }
    }
}

fn view(
    page: Page,
    party: &Party,
    user: &CurrentUser,
    given: Option<&Evaluation>,
    typed: &EvaluationForm,
    error: Option<String>,
) -> EvaluationView {
    let t = page.t;
    let questions = Question::ALL
        .into_iter()
        .map(|q| Asked {
            name: q.as_str(),
            text: t.get(&format!("evaluation-q-{}", q.as_str())),
            chosen: match given {
                Some(e) => e.scores.get(q),
                None => typed.answer(q).trim().parse().unwrap_or(0),
            },
        })
        .collect();
    let (employee, leader) = party.names();
    EvaluationView {
        id: party.conversation.id.to_string(),
        back: party.conversation_page(),
        other_name: match party.side {
            Side::Employee => leader,
            Side::Leader => employee,
        }
        .to_owned(),
        is_employee: party.side == Side::Employee,
        held: party.conversation.held_at.is_some() && !party.conversation.cancelled,
        closed: party.cycle.state == CycleState::Closed,
        given: given.map(|e| t.datetime(&e.at)),
        questions,
        comment: given.map_or_else(|| typed.comment.clone(), |e| e.comment.clone()),
        threshold: user.org.settings.anonymity_threshold,
        error,
        page: page.titled("evaluation-title"),
    }
}

pub async fn show(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let party = Party::load(&state, &user, &id).await?;
    let given = state
        .db
        .evaluation(party.conversation.id, party.side)
        .await?;
    render(view(
        page,
        &party,
        &user,
        given.as_ref(),
        &EvaluationForm::default(),
        None,
    ))
}

/// A party gives their evaluation; it cannot be changed afterwards.
pub async fn give(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
    Form(form): Form<EvaluationForm>,
) -> AppResult<Response> {
    let party = Party::load(&state, &user, &id).await?;
    // A closed cycle's figures are final: they must not move answer by answer.
    if party.cycle.state == CycleState::Closed {
        return Err(AppError::Conflict("error-evaluation-closed"));
    }
    let raw = Question::ALL.map(|q| form.answer(q));
    let read = Scores::read(raw).and_then(|scores| {
        Evaluation::give(
            &party.conversation,
            party.side,
            scores,
            &form.comment,
            now(),
        )
    });
    let evaluation = match read {
        Ok(evaluation) => evaluation,
        // Not yet held is the conversation's state, not a fault in the form.
        Err(EvaluationError::NotHeld) => {
            return Err(AppError::Conflict(EvaluationError::NotHeld.message_key()));
        }
        Err(error) => {
            let message = Some(page.t.get(error.message_key()));
            let shown = view(page, &party, &user, None, &form, message);
            return render_status(StatusCode::UNPROCESSABLE_ENTITY, shown);
        }
    };
    match state
        .db
        .give_evaluation(&party.conversation, &evaluation)
        .await
    {
        Ok(()) => Ok(Redirect::to(&format!(
            "/conversations/{}/evaluation?done=done-saved",
            party.conversation.id
        ))
        .into_response()),
        Err(StorageError::Conflict) => Err(AppError::Conflict("error-evaluation-given")),
        Err(other) => Err(other.into()),
    }
}

/// One question's figures on the leader's page.
struct Figure {
    text: String,
    average: String,
    spread: [usize; 5],
    /// The bar of the answers 1 to 5: where each part starts and how wide it is, in per cent.
    segments: Vec<Segment>,
}

struct Segment {
    answer: usize,
    x: String,
    width: String,
}

/// Lays the answers 1 to 5 side by side in a bar 100 wide.
fn segments(spread: &[usize; 5]) -> Vec<Segment> {
    let total = spread.iter().sum::<usize>().max(1) as f64;
    let mut x = 0.0;
    spread
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(i, n)| {
            let width = *n as f64 * 100.0 / total;
            let segment = Segment {
                answer: i + 1,
                x: format!("{x:.2}"),
                width: format!("{width:.2}"),
            };
            x += width;
            segment
        })
        .collect()
}

#[derive(Template)]
#[template(path = "evaluations.html")]
struct ResultsView {
    page: Page,
    summary: Summary,
    figures: Vec<Figure>,
    threshold: usize,
}

/// A leader's own results: what the employees said of the conversations they held.
pub async fn mine(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
) -> AppResult<Response> {
    if !user.actor.is_leader() {
        return Err(AppError::Forbidden);
    }
    let answers = state
        .db
        .evaluations_of_leader(user.org.id, user.person.id)
        .await?;
    let threshold = user.org.settings.anonymity_threshold as usize;
    let summary = Summary::of(&answers, threshold);
    let t = page.t;
    let figures = summary
        .questions
        .iter()
        .map(|(q, average, spread)| Figure {
            text: t.get(&format!("evaluation-q-{}", q.as_str())),
            average: t.decimal(*average, 1),
            spread: *spread,
            segments: segments(spread),
        })
        .collect();
    render(ResultsView {
        summary,
        figures,
        threshold,
        page: page.titled("evaluations-title"),
    })
}

/// The leader's results as CSV: the figures shown, never more.
pub async fn export(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
) -> AppResult<Response> {
    if !user.actor.is_leader() {
        return Err(AppError::Forbidden);
    }
    let answers = state
        .db
        .evaluations_of_leader(user.org.id, user.person.id)
        .await?;
    let summary = Summary::of(&answers, user.org.settings.anonymity_threshold as usize);
    let t = page.t;
    let mut rows = vec![
        [
            t.get("evaluations-question"),
            t.get("evaluations-average"),
            "1".into(),
            "2".into(),
            "3".into(),
            "4".into(),
            "5".into(),
            t.get("evaluations-csv-answers"),
        ]
        .to_vec(),
    ];
    for (q, average, spread) in &summary.questions {
        let mut row = vec![
            t.get(&format!("evaluation-q-{}", q.as_str())),
            format!("{average:.2}"),
        ];
        row.extend(spread.iter().map(|n| n.to_string()));
        row.push(summary.shown.to_string());
        rows.push(row);
    }
    csv_response(&rows, "mouse-conversation-feedback.csv")
}
