//! Each person chooses which reminder mails they get.

use crate::error::AppResult;
use crate::forms::Form;
use crate::page::Page;
use crate::pages::render;
use crate::session::CurrentUser;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use domain::mail::Reminder;

#[derive(Template)]
#[template(path = "reminders.html")]
struct RemindersView {
    page: Page,
    /// (kind, label, on)
    kinds: Vec<(&'static str, String, bool)>,
}

pub async fn show(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
) -> AppResult<Response> {
    let off = state.db.reminder_opt_outs(user.person.id).await?;
    render(RemindersView {
        kinds: Reminder::ALL
            .iter()
            .map(|k| {
                (
                    k.as_str(),
                    page.t.get(&format!("reminders-kind-{}", k.as_str())),
                    !off.contains(k),
                )
            })
            .collect(),
        page: page.titled("reminders-title"),
    })
}

/// Saves the choice: every kind not ticked is turned off.
pub async fn save(
    State(state): State<AppState>,
    user: CurrentUser,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let on: Vec<Reminder> = fields
        .iter()
        .filter(|(k, _)| k == "on")
        .filter_map(|(_, v)| v.parse().ok())
        .collect();
    let off: Vec<Reminder> = Reminder::ALL
        .into_iter()
        .filter(|k| !on.contains(k))
        .collect();
    state.db.set_reminder_opt_outs(user.person.id, &off).await?;
    Ok(Redirect::to("/account/reminders?done=done-saved").into_response())
}
