//! Request extractors whose failures become translated errors instead of axum's plain text.

use crate::error::AppError;
use axum::extract::{FromRequest, Request};
use serde::de::DeserializeOwned;
use std::str::FromStr;

/// A URL-encoded form; a body that does not fit the form gives a translated 400.
pub struct Form<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Form<T> {
    type Rejection = AppError;
    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        axum::Form::<T>::from_request(request, state)
            .await
            .map(|axum::Form(value)| Form(value))
            .map_err(|_| AppError::BadRequest("error-bad-form"))
    }
}

/// Parses an id from the path; an id that does not parse names nothing, so it is a 404.
pub fn parse_id<T: FromStr>(raw: &str) -> Result<T, AppError> {
    raw.parse().map_err(|_| AppError::NotFound)
}

/// An HTML checkbox sends its value when ticked and nothing otherwise.
pub fn checked(value: &Option<String>) -> bool {
    value.is_some()
}

/// A redirect target from a form, kept on this site.
pub fn local_path(next: &str) -> &str {
    if next.starts_with('/') && !next.starts_with("//") && !next.contains('\\') {
        next
    } else {
        "/"
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn redirects_stay_on_the_site() {
        assert_eq!(super::local_path("/people"), "/people");
        assert_eq!(super::local_path("//evil.example"), "/");
        assert_eq!(super::local_path("https://evil.example"), "/");
        assert_eq!(super::local_path("/\\evil.example"), "/");
    }
}
