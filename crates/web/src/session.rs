//! Sessions, the logged-in user, and CSRF protection, as one middleware and two extractors.
//!
//! Every request passes [`session_layer`]: it resolves the session cookie to a [`Visitor`],
//! refuses state-changing requests whose CSRF token does not match the session's, and renders
//! error responses as translated pages in the visitor's language.

use crate::auth::{random_token, same_secret, token_hash};
use crate::error::{AppError, ErrorPage};
use crate::page::{ErrorView, Page};
use crate::state::AppState;
use askama::Template;
use axum::body::{Body, Bytes};
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use chrono::Duration;
use domain::CycleId;
use domain::access::Actor;
use domain::cycle::{Cycle, CycleState};
use domain::locale::Locale;
use domain::org::Organisation;
use domain::org::UnitTree;
use domain::person::Person;
use std::collections::HashMap;
use std::sync::Arc;
use storage::{Db, Revisions, SessionRecord, now};

pub const COOKIE: &str = "mouse_session";
/// How long a session lives; a working day with margin.
pub const SESSION_HOURS: i64 = 12;
/// Bodies of state-changing requests are read whole to find the CSRF token; the import's file
/// is the largest legitimate body.
pub const MAX_BODY_BYTES: usize = domain::import::MAX_IMPORT_BYTES + 256 * 1024;

/// The logged-in user of a request.
#[derive(Clone, Debug)]
pub struct CurrentUser {
    pub person: Person,
    pub org: Organisation,
    pub actor: Actor,
    pub locale: Locale,
    /// The organisation's unit tree and cycles (newest first), read with the user: as of the
    /// start of the request, so a handler that changes units or cycles reads them afresh.
    pub units: Arc<UnitTree>,
    pub cycles: Arc<Vec<Cycle>>,
    /// The organisation's revision counters as read with the user, for what is kept under them.
    pub revisions: Revisions,
    /// Whether anyone names this user as their leader (see [`CurrentUser::may_lead_anyone`]).
    pub has_reports: bool,
}

impl CurrentUser {
    /// Refuses with 403 unless the user's roles give this capability.
    pub fn require(&self, capability: domain::access::Capability) -> Result<(), AppError> {
        if self.actor.can(capability) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// The units this user leads, with every unit below them.
    pub fn led_subtree(&self) -> Vec<domain::UnitId> {
        self.actor
            .led_units
            .iter()
            .flat_map(|u| self.units.subtree(*u))
            .collect()
    }

    /// False for those who lead no unit and whom no one names as their leader: most people.
    pub fn may_lead_anyone(&self) -> bool {
        self.actor.is_leader() || self.has_reports
    }

    /// The organisation's open cycle, if any.
    pub fn open_cycle(&self) -> Option<&Cycle> {
        self.cycles.iter().find(|c| c.state == CycleState::Open)
    }

    /// One of the organisation's cycles; 404 for any other id.
    pub fn cycle(&self, id: CycleId) -> Result<&Cycle, AppError> {
        self.cycles
            .iter()
            .find(|c| c.id == id)
            .ok_or(AppError::NotFound)
    }

    /// Each cycle's name, for lists that name the cycle of a line.
    pub fn cycle_names(&self) -> HashMap<CycleId, String> {
        self.cycles.iter().map(|c| (c.id, c.name.clone())).collect()
    }
}

/// Whoever is making the request: maybe a session, maybe a user.
#[derive(Clone, Debug, Default)]
pub struct Visitor {
    pub session: Option<SessionRecord>,
    pub user: Option<Arc<CurrentUser>>,
    pub locale: Locale,
}

impl Visitor {
    pub fn csrf(&self) -> Option<&str> {
        self.session.as_ref().map(|s| s.csrf_token.as_str())
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Visitor {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(parts
            .extensions
            .get::<Visitor>()
            .cloned()
            .unwrap_or_default())
    }
}

impl<S: Send + Sync> FromRequestParts<S> for CurrentUser {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Visitor>()
            .and_then(|v| v.user.as_deref().cloned())
            .ok_or(AppError::LoginRequired)
    }
}

/// Runs the request with its statements on one database connection (transactions take their
/// own; see `storage`'s `lease`).
pub async fn session_layer(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let db = state.db.clone();
    db.one_connection(serve(state, request, next)).await
}

async fn serve(state: AppState, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    // The body first: a slow client then holds no database connection while it sends.
    let (parts, body) = request.into_parts();
    let sent = read_sent(&parts, body).await;
    let visitor = match load_visitor(&state.db, &parts.headers).await {
        Ok(visitor) => visitor,
        Err(error) => return render_error(&Visitor::default(), &path, error),
    };
    let body = match sent.and_then(|sent| check_csrf(&visitor, sent)) {
        Ok(body) => body,
        Err(error) => return render_error(&visitor, &path, error),
    };
    let mut request = Request::from_parts(parts, body);
    request.extensions_mut().insert(visitor.clone());
    let response = next.run(request).await;
    match response.extensions().get::<ErrorPage>().copied() {
        Some(page) => render_error_page(&visitor, &path, response.status(), page.message_key),
        None => response,
    }
}

async fn load_visitor(db: &Db, headers: &HeaderMap) -> Result<Visitor, AppError> {
    let Some(token) = cookie(headers, COOKIE) else {
        return Ok(Visitor::default());
    };
    let Some((session, user)) = db.session_user(&token_hash(token)).await? else {
        return Ok(Visitor::default());
    };
    let user = user.map(|ctx| {
        Arc::new(CurrentUser {
            actor: Actor {
                person_id: ctx.person.id,
                org_id: ctx.person.org_id,
                granted: ctx.granted,
                led_units: ctx.led_units,
            },
            org: ctx.org,
            locale: ctx.locale,
            person: ctx.person,
            units: ctx.units,
            cycles: ctx.cycles,
            revisions: ctx.revisions,
            has_reports: ctx.has_reports,
        })
    });
    let locale = user
        .as_ref()
        .map(|u| u.locale)
        .or(session.locale)
        .unwrap_or_default();
    Ok(Visitor {
        session: Some(session),
        user,
        locale,
    })
}

/// A request's body, and for a state-changing request the CSRF token it sent.
enum Sent {
    Unread(Body),
    StateChange { body: Bytes, token: Option<String> },
}

/// Reads a state-changing request's body whole, to find its CSRF token: a form field named
/// `csrf` (URL-encoded or multipart) or an `X-CSRF-Token` header.
async fn read_sent(parts: &Parts, body: Body) -> Result<Sent, AppError> {
    if matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return Ok(Sent::Unread(body));
    }
    let body = read_body(body).await?;
    let token = match parts
        .headers
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
    {
        Some(token) => Some(token.to_owned()),
        None => form_token(&parts.headers, &body).await,
    };
    Ok(Sent::StateChange { body, token })
}

/// State-changing requests must carry the session's CSRF token.
fn check_csrf(visitor: &Visitor, sent: Sent) -> Result<Body, AppError> {
    match sent {
        Sent::Unread(body) => Ok(body),
        Sent::StateChange { body, token } => match (visitor.csrf(), token) {
            (Some(expected), Some(sent)) if same_secret(expected, &sent) => Ok(Body::from(body)),
            _ => Err(AppError::Csrf),
        },
    }
}

/// Reads a request body up to [`MAX_BODY_BYTES`]. A larger one is still read (and dropped) up to
/// a bound, so that the client finishes sending and sees our 413 page instead of a reset
/// connection.
async fn read_body(body: Body) -> Result<Bytes, AppError> {
    use futures_util::StreamExt;
    const DRAIN_LIMIT: usize = 4 * MAX_BODY_BYTES;
    let mut stream = body.into_data_stream();
    let mut kept = Vec::new();
    let mut seen = 0usize;
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| AppError::BadRequest("error-bad-form"))?;
        seen += chunk.len();
        if seen > DRAIN_LIMIT {
            break;
        }
        if seen <= MAX_BODY_BYTES {
            kept.extend_from_slice(&chunk);
        }
    }
    if seen > MAX_BODY_BYTES {
        return Err(AppError::TooLarge);
    }
    Ok(Bytes::from(kept))
}

async fn form_token(headers: &HeaderMap, body: &Bytes) -> Option<String> {
    let content_type = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    if content_type.starts_with("application/x-www-form-urlencoded") {
        let fields: Vec<(String, String)> = serde_urlencoded::from_bytes(body).ok()?;
        return fields
            .into_iter()
            .find(|(k, _)| k == "csrf")
            .map(|(_, v)| v);
    }
    let boundary = multer::parse_boundary(content_type).ok()?;
    let stream =
        futures_util::stream::once(std::future::ready(Ok::<_, std::io::Error>(body.clone())));
    let mut multipart = multer::Multipart::new(stream, boundary);
    while let Ok(Some(field)) = multipart.next_field().await {
        if field.name() == Some("csrf") {
            return field.text().await.ok();
        }
    }
    None
}

pub fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// Starts a session (anonymous, or for a person after login); returns its `Set-Cookie` and
/// its CSRF token.
pub async fn start_session(
    state: &AppState,
    person: Option<domain::PersonId>,
    locale: Option<Locale>,
) -> Result<(HeaderValue, String), AppError> {
    let token = random_token();
    let csrf = random_token();
    state
        .db
        .insert_session(&SessionRecord {
            id_hash: token_hash(&token),
            person_id: person,
            csrf_token: csrf.clone(),
            locale,
            expires_at: now() + Duration::hours(SESSION_HOURS),
        })
        .await?;
    Ok((set_cookie(state, &token, SESSION_HOURS * 3600)?, csrf))
}

/// A `Set-Cookie` value; `max_age` 0 deletes the cookie.
pub fn set_cookie(state: &AppState, value: &str, max_age: i64) -> Result<HeaderValue, AppError> {
    HeaderValue::from_str(&cookie_value(value, max_age, state.config.secure_cookies))
        .map_err(|e| AppError::Internal(e.to_string()))
}

/// Scripts cannot read the cookie, other sites' forms do not carry it, and with `secure` it
/// travels over HTTPS only.
fn cookie_value(value: &str, max_age: i64, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}")
}

fn render_error(visitor: &Visitor, path: &str, error: AppError) -> Response {
    let status = error.status();
    let response = error.into_response();
    match response.extensions().get::<ErrorPage>() {
        Some(page) => render_error_page(visitor, path, status, page.message_key),
        None => response,
    }
}

fn render_error_page(
    visitor: &Visitor,
    path: &str,
    status: axum::http::StatusCode,
    key: &'static str,
) -> Response {
    let page = Page::for_visitor(visitor, path, "error-title");
    let view = ErrorView {
        message: page.t.get(key),
        page,
        status: status.as_u16(),
    };
    match view.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(_) => (status, key).into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_carry_the_security_flags() {
        assert_eq!(
            cookie_value("abc", 60, true),
            "mouse_session=abc; Path=/; HttpOnly; SameSite=Lax; Max-Age=60; Secure"
        );
        assert!(!cookie_value("abc", 60, false).contains("Secure"));
    }

    #[test]
    fn finds_the_session_cookie_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; mouse_session=xyz; b=2"),
        );
        assert_eq!(cookie(&headers, COOKIE), Some("xyz"));
        assert_eq!(cookie(&headers, "missing"), None);
    }
}
