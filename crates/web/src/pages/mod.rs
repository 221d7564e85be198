//! Page handlers, one module per area. Each handler checks access through `domain::access`
//! before it reads anything, loads what it shows, and renders one template.

pub mod account;
pub mod agreement;
pub mod audit;
pub mod calendar;
pub mod competences;
pub mod contract;
pub mod conversation_list;
pub mod conversations;
pub mod cycles;
pub mod dialogue;
pub mod drawer;
pub mod effect;
pub mod effect_ahead;
pub mod effect_data;
pub mod effect_parts;
pub mod effect_scores;
pub mod evaluation;
pub mod follow_up;
pub mod home;
pub mod import;
pub mod insight;
pub mod intentions;
pub mod login;
pub mod my_actions;
pub mod paging;
pub mod party;
pub mod people;
pub mod preparation;
pub mod print;
pub mod question_sets;
pub mod red_thread;
pub mod reminders;
pub mod report;
pub mod settings;
pub mod strategy;
pub mod system;
pub mod terms;
pub mod units;
pub mod users;
pub mod view;

use crate::error::AppResult;
use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

/// Renders a template as a 200 page.
pub fn render(view: impl Template) -> AppResult<Response> {
    Ok(Html(view.render()?).into_response())
}

/// Renders a template with another status, e.g. a form shown again with its errors.
pub fn render_status(status: StatusCode, view: impl Template) -> AppResult<Response> {
    Ok((status, Html(view.render()?)).into_response())
}

/// Rows as a CSV download named `filename`.
pub fn csv_response(rows: &[Vec<String>], filename: &str) -> AppResult<Response> {
    let mut out = csv::Writer::from_writer(Vec::new());
    for row in rows {
        out.write_record(row)
            .map_err(|e| crate::error::AppError::Internal(e.to_string()))?;
    }
    let bytes = out
        .into_inner()
        .map_err(|e| crate::error::AppError::Internal(e.to_string()))?;
    Ok((
        [
            (
                axum::http::header::CONTENT_TYPE,
                "text/csv; charset=utf-8".to_owned(),
            ),
            (
                axum::http::header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}
