//! MOUSE's web front: server-rendered pages in Danish and English.
//!
//! Handlers are thin: they ask `domain::access` whether the user may do what they ask, call
//! storage, and render one template. Sessions, CSRF and error pages are handled once, in
//! [`session::session_layer`].

mod audit;
pub mod auth;
pub mod error;
mod forms;
pub mod i18n;
pub mod mail;
mod page;
pub mod pages;
pub mod session;
pub mod state;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware;
use axum::routing::{get, post};
pub use state::{AppState, WebConfig};
use std::net::SocketAddr;
use std::time::Duration;
use tokio::net::TcpListener;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// The whole application.
pub fn router(state: AppState) -> Router {
    use pages::*;
    let pages = Router::new()
        .route("/", get(home::home))
        .route("/login", get(login::login_page).post(login::login))
        .route("/logout", post(login::logout))
        .route("/language", post(login::set_language))
        .route(
            "/account/password",
            get(account::password_form).post(account::change_password),
        )
        .route("/strategy", get(strategy::overview))
        .route("/red-thread", get(red_thread::show))
        .route("/my-actions", get(my_actions::show))
        .route("/follow-through", get(drawer::list))
        .route(
            "/my-actions/{conversation}/{item}",
            post(my_actions::report),
        )
        .route("/strategy/goals", post(strategy::create))
        .route("/strategy/feedback", get(insight::leadership))
        .route("/strategy/feedback.csv", get(insight::export))
        .route("/strategy/feedback/{handle}", post(insight::respond))
        .route("/strategy/routed", get(insight::routed))
        .route("/strategy/goals/new", get(strategy::new_form))
        .route(
            "/strategy/goals/{id}",
            get(strategy::show).post(strategy::update),
        )
        .route("/strategy/goals/{id}/edit", get(strategy::edit_form))
        .route("/strategy/goals/{id}/delete", post(strategy::delete))
        .route("/cycles", get(cycles::list).post(cycles::create))
        .route("/cycles/new", get(cycles::new_form))
        .route("/cycles/{id}", get(cycles::show).post(cycles::update))
        .route("/cycles/{id}/edit", get(cycles::edit_form))
        .route("/cycles/{id}/state", post(cycles::change_state))
        .route("/cycles/{id}/framing", post(cycles::frame))
        .route("/cycles/{id}/report", get(report::show))
        .route(
            "/cycles/{id}/intentions",
            get(intentions::show).post(intentions::add),
        )
        .route(
            "/cycles/{id}/intentions/{intention}/delete",
            post(intentions::remove),
        )
        .route(
            "/cycles/{id}/focus-questions",
            post(cycles::mark_focus_questions),
        )
        .route("/conversations", get(conversation_list::list))
        .route("/cycles/{id}/overview", get(conversations::overview))
        .route("/cycles/{id}/people/{person}", get(conversations::show))
        .route(
            "/cycles/{id}/people/{person}/schedule",
            post(conversations::schedule),
        )
        .route("/conversations/{id}/propose", post(conversations::propose))
        .route(
            "/conversations/{id}/preparation",
            get(preparation::show).post(preparation::save),
        )
        .route(
            "/conversations/{id}/preparation/keep",
            post(preparation::keep),
        )
        .route(
            "/conversations/{id}/invitation.ics",
            get(conversations::ics),
        )
        .route(
            "/conversations/{id}/contract",
            get(contract::show).post(contract::save),
        )
        .route(
            "/conversations/{id}/agreement",
            get(agreement::show).post(agreement::save),
        )
        .route("/conversations/{id}/print", get(print::show))
        .route("/conversations/{id}/follow-ups", post(follow_up::add))
        .route(
            "/conversations/{id}/follow-ups/{follow_up}",
            get(follow_up::show).post(follow_up::save),
        )
        .route(
            "/conversations/{id}/hr-share",
            post(agreement::share_with_hr),
        )
        .route(
            "/conversations/{id}/dialogue",
            get(dialogue::show).post(dialogue::save),
        )
        .route(
            "/conversations/{id}/evaluation",
            get(evaluation::show).post(evaluation::give),
        )
        .route("/evaluations", get(evaluation::mine))
        .route("/evaluations.csv", get(evaluation::export))
        .route("/effect", get(effect::dashboard))
        .route("/effect/parts", get(effect_parts::figure_parts))
        .route("/effect.csv", get(effect_parts::export))
        .route(
            "/conversations/{id}/agenda",
            post(conversations::add_agenda),
        )
        .route(
            "/conversations/{id}/agenda/{point}/remove",
            post(conversations::remove_agenda),
        )
        .route("/conversations/{id}/{action}", post(conversations::decide))
        .route(
            "/question-sets",
            get(question_sets::list).post(question_sets::create),
        )
        .route("/question-sets/{id}", get(question_sets::show))
        .route("/question-sets/{id}/questions", post(question_sets::add))
        .route(
            "/question-sets/{id}/questions/{index}",
            post(question_sets::replace),
        )
        .route(
            "/question-sets/{id}/questions/{index}/{op}",
            post(question_sets::rearrange),
        )
        .route(
            "/competences",
            get(competences::list).post(competences::create),
        )
        .route("/competences/new", get(competences::new_form))
        .route("/competences/{id}", post(competences::update))
        .route("/competences/{id}/edit", get(competences::edit_form))
        .route("/people", get(people::list))
        .route("/people/{id}", get(people::show))
        .route("/admin/people", post(people::create))
        .route("/admin/people/new", get(people::new_form))
        .route("/admin/people/{id}", post(people::update))
        .route("/admin/people/{id}/edit", get(people::edit_form))
        .route("/admin/people/{id}/{action}", post(people::set_active))
        .route("/admin/units", get(units::list).post(units::create))
        .route(
            "/admin/units/{id}",
            get(units::edit_form).post(units::update),
        )
        .route("/admin/users", get(users::list))
        .route("/admin/users/{id}", get(users::edit))
        .route("/admin/users/{id}/roles", post(users::set_roles))
        .route("/admin/users/{id}/password", post(users::set_password))
        .route("/admin/import", get(import::form).post(import::upload))
        .route("/admin/import/{id}/apply", post(import::apply))
        .route("/admin/audit", get(audit::list))
        .route("/admin/settings", get(settings::show).post(settings::save))
        .route(
            "/account/calendar",
            get(calendar::show).post(calendar::save),
        )
        .route(
            "/account/reminders",
            get(reminders::show).post(reminders::save),
        )
        .fallback(|| async { error::AppError::NotFound })
        .layer(DefaultBodyLimit::max(session::MAX_BODY_BYTES))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            session::session_layer,
        ));
    Router::new()
        .route("/healthz", get(system::healthz))
        .route("/livez", get(system::livez))
        // Calendar programs fetch the feed without a session: its secret address is the key.
        .route("/calendar/{file}", get(calendar::feed_ics))
        .route("/static/{*path}", get(system::asset))
        .merge(pages)
        .layer(header(
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'",
        ))
        .layer(header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(header(header::REFERRER_POLICY, "same-origin"))
        .layer(header(header::X_FRAME_OPTIONS, "DENY"))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(30),
        ))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

fn header(name: HeaderName, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
}

/// Serves until the process is asked to stop (Ctrl-C or SIGTERM).
pub async fn serve(listener: TcpListener, state: AppState) -> std::io::Result<()> {
    let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
