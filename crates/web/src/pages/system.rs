//! Health check and the embedded static files.

use crate::error::AppError;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use rust_embed::RustEmbed;

/// 200 when the database answers, 503 otherwise; for load balancers and monitoring.
pub async fn healthz(State(state): State<AppState>) -> Response {
    if state.db.ping().await {
        (StatusCode::OK, "ok").into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
    }
}

/// 200 without touching the database: the process is up and serving. Also the benchmark's
/// ceiling, the cheapest request this server can answer.
pub async fn livez() -> &'static str {
    "ok"
}

#[derive(RustEmbed)]
#[folder = "static/"]
struct Assets;

pub async fn asset(Path(path): Path<String>) -> Result<Response, AppError> {
    let file = Assets::get(&path).ok_or(AppError::NotFound)?;
    let mime = mime_guess::from_path(&path).first_or_octet_stream();
    Ok((
        [
            (header::CONTENT_TYPE, mime.as_ref().to_owned()),
            (header::CACHE_CONTROL, "public, max-age=3600".to_owned()),
        ],
        file.data.into_owned(),
    )
        .into_response())
}
