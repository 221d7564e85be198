//! One error type for every handler, turned into a response at the edge.
//!
//! Handlers return `Result<_, AppError>`. The response carries an [`ErrorPage`] marker that the
//! session layer renders as a translated page in the visitor's language; internal errors are
//! logged with their cause and shown only as a generic message.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use storage::StorageError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// No logged-in user: pages send the visitor to the login page.
    #[error("login required")]
    LoginRequired,
    /// The user's roles do not allow this page or action.
    #[error("forbidden")]
    Forbidden,
    /// The record does not exist or lies outside what the user may see; we do not say which,
    /// so that ids cannot be probed across units or organisations.
    #[error("not found")]
    NotFound,
    /// The form's CSRF token is missing or wrong (or the session expired while the form was open).
    #[error("csrf")]
    Csrf,
    /// Too many failed logins for the account or from the address.
    #[error("too many attempts")]
    TooManyAttempts,
    /// The request body exceeds the limit for its route.
    #[error("payload too large")]
    TooLarge,
    /// The request itself is malformed; the key names a translated explanation.
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    /// The record changed since the user saw it; the key names a translated explanation.
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// Anything unexpected: logged, never shown.
    #[error("internal error: {0}")]
    Internal(String),
}

/// Marks a response as an error page for the session layer to render.
#[derive(Clone, Copy, Debug)]
pub struct ErrorPage {
    pub message_key: &'static str,
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::LoginRequired => StatusCode::SEE_OTHER,
            AppError::Forbidden | AppError::Csrf => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::TooManyAttempts => StatusCode::TOO_MANY_REQUESTS,
            AppError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn message_key(&self) -> &'static str {
        match self {
            AppError::LoginRequired => "error-login-required",
            AppError::Forbidden => "error-forbidden",
            AppError::NotFound => "error-not-found",
            AppError::Csrf => "error-csrf",
            AppError::TooManyAttempts => "error-too-many-attempts",
            AppError::TooLarge => "error-too-large",
            AppError::BadRequest(key) | AppError::Conflict(key) => key,
            AppError::Internal(_) => "error-internal",
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let AppError::LoginRequired = self {
            return Redirect::to("/login").into_response();
        }
        if let AppError::Internal(cause) = &self {
            tracing::error!(%cause, "internal error");
        }
        let mut response = (self.status(), self.message_key()).into_response();
        response.extensions_mut().insert(ErrorPage {
            message_key: self.message_key(),
        });
        response
    }
}

impl From<StorageError> for AppError {
    fn from(error: StorageError) -> Self {
        match error {
            StorageError::NotFound => AppError::NotFound,
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl From<askama::Error> for AppError {
    fn from(error: askama::Error) -> Self {
        AppError::Internal(format!("template: {error}"))
    }
}

pub type AppResult<T> = Result<T, AppError>;
