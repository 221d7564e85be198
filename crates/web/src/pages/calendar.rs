//! Each person's calendar feed: a secret address their calendar program subscribes to, with
//! their conversations, follow-ups and deadlines. The address is shown once when made; a new
//! one replaces it, and it can be revoked.

use crate::auth::{random_token, token_hash};
use crate::error::{AppError, AppResult};
use crate::forms::Form;
use crate::i18n::Tr;
use crate::page::Page;
use crate::pages::render;
use crate::pages::view::names_of;
use crate::session::CurrentUser;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};
use domain::calendar::{Entry, When, feed};
use serde::Deserialize;
use storage::now;

#[derive(Template)]
#[template(path = "calendar.html")]
struct CalendarView {
    page: Page,
    /// When the current address was made, if there is one.
    created: Option<String>,
    /// The new address, shown this once.
    fresh: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
) -> AppResult<Response> {
    let created = state.db.feed_created(user.person.id).await?;
    render(CalendarView {
        created: created.map(|at| page.t.datetime(&at)),
        fresh: None,
        page: page.titled("calendar-title"),
    })
}

#[derive(Deserialize)]
pub struct FeedForm {
    #[serde(default)]
    op: String,
}

/// Makes the first address (`op=create`), a new one in place of the old (`op=renew`), or
/// revokes it (`op=revoke`). A repeated `create` (a reloaded page) keeps the address there is:
/// only an explicit renewal ends one.
pub async fn save(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    headers: HeaderMap,
    Form(form): Form<FeedForm>,
) -> AppResult<Response> {
    let exists = state.db.feed_created(user.person.id).await?.is_some();
    match form.op.as_str() {
        "create" if exists => Ok(Redirect::to("/account/calendar").into_response()),
        "create" | "renew" => {
            let token = random_token();
            state
                .db
                .set_feed_token(user.person.id, &token_hash(&token))
                .await?;
            // The address must work from outside the browser, so it is absolute.
            let host = headers
                .get(header::HOST)
                .and_then(|h| h.to_str().ok())
                .unwrap_or("localhost");
            let scheme = if state.config.secure_cookies {
                "https"
            } else {
                "http"
            };
            render(CalendarView {
                created: Some(page.t.datetime(&now())),
                fresh: Some(format!("{scheme}://{host}/calendar/{token}.ics")),
                page: page.titled("calendar-title"),
            })
        }
        "revoke" => {
            state.db.revoke_feed(user.person.id).await?;
            Ok(Redirect::to("/account/calendar?done=done-saved").into_response())
        }
        _ => Err(AppError::BadRequest("error-bad-form")),
    }
}

/// The feed itself, for calendar programs: no session, the secret address is the key.
pub async fn feed_ics(
    State(state): State<AppState>,
    Path(file): Path<String>,
) -> AppResult<Response> {
    let token = file.strip_suffix(".ics").ok_or(AppError::NotFound)?;
    let person_id = state
        .db
        .feed_owner(&token_hash(token))
        .await?
        .ok_or(AppError::NotFound)?;
    // A deactivated person's feed stops with their login.
    let user = state
        .db
        .user_context(person_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let org = user.person.org_id;
    let person = user.person;
    let t = Tr::new(user.locale);
    let conversations = state.db.conversations_with(org, person_id).await?;
    let others = conversations
        .iter()
        .flat_map(|c| [c.employee_id, c.leader_id]);
    let names = names_of(&state.db, org, others).await?;
    // Follow-ups of the conversations the person is a party to, not the whole organisation's.
    let parties = storage::Reach::Leader {
        leader: person_id,
        units: &[],
    };
    let open_follow_ups = state.db.open_follow_ups(org, parties).await?;
    let mut entries = Vec::new();
    for c in &conversations {
        let other_id = if c.employee_id == person_id {
            c.leader_id
        } else {
            c.employee_id
        };
        let other = names.get(&other_id).cloned().unwrap_or_default();
        if let (Some(s), false) = (&c.schedule, c.cancelled) {
            entries.push(Entry {
                uid: format!("{}@mouse", c.id),
                summary: t.with("calendar-conversation", &[("name", other.clone())]),
                description: s.agenda_note.clone(),
                location: s.place.clone(),
                when: When::Timed {
                    starts_at: s.starts_at,
                    ends_at: s.ends_at(),
                },
            });
        }
        for f in open_follow_ups.iter().filter(|f| f.conversation_id == c.id) {
            entries.push(Entry {
                uid: format!("{}@mouse", f.id),
                summary: t.with("calendar-follow-up", &[("name", other.clone())]),
                description: String::new(),
                location: String::new(),
                when: When::Day(f.due),
            });
        }
    }
    for d in state.db.deadlines_of(org, person_id).await? {
        entries.push(Entry {
            uid: format!("{}@mouse", d.item_id),
            summary: t.with("calendar-deadline", &[("text", d.text)]),
            description: String::new(),
            location: String::new(),
            when: When::Day(d.due),
        });
    }
    let body = feed(
        &t.with("calendar-name", &[("name", person.name)]),
        &entries,
        now(),
    );
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CACHE_CONTROL, "private, max-age=300"),
        ],
        body,
    )
        .into_response())
}
