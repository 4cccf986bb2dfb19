//! Errors as `application/problem+json` (RFC 9457), with the field at fault.
//!
//! A [`Problem`] is what every handler returns on failure. Its `detail` is written for the
//! client that sent the request and never carries a person id, a link, a key or a rating that
//! the client did not itself send in that request's body; the logs see only the status.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use schemars::JsonSchema;
use serde::Serialize;

/// The media type of error responses.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// An error response: status, a short title, a detail for the client and, when the error
/// is about one field of the input, its path (`ratings.security`) with line and column.
#[derive(Clone, Debug, Serialize, JsonSchema)]
#[schemars(
    title = "Problem",
    description = "An error (RFC 9457 problem details), with the field at fault when there is one."
)]
pub struct Problem {
    /// `about:blank`: the status and title say what happened.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// A short summary of the kind of problem, the same for every occurrence.
    pub title: &'static str,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong, in words.
    pub detail: String,
    /// The field at fault, as a path such as `ratings.security`, when the error is about one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The 1-based line of the culprit in the request body, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The 1-based column of the culprit in the request body, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

impl Problem {
    /// A problem with `status`, a title for it and `detail`.
    pub fn new(status: StatusCode, detail: impl Into<String>) -> Problem {
        Problem {
            kind: "about:blank",
            title: title(status),
            status: status.as_u16(),
            detail: detail.into(),
            field: None,
            line: None,
            column: None,
        }
    }

    /// 400: the input is malformed or invalid.
    pub fn bad_request(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::BAD_REQUEST, detail)
    }

    /// 400 about one field.
    pub fn invalid_field(field: impl Into<String>, detail: impl Into<String>) -> Problem {
        Problem::bad_request(detail).with_field(field)
    }

    /// 404: no such resource.
    pub fn not_found(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::NOT_FOUND, detail)
    }

    /// 409: the request conflicts with the resource's state.
    pub fn conflict(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::CONFLICT, detail)
    }

    /// 500: something failed on the server's side. The cause goes to the log, not to the
    /// client.
    pub fn internal() -> Problem {
        Problem::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the server could not complete the request",
        )
    }

    /// 503: the database is not answering.
    pub fn unavailable(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::SERVICE_UNAVAILABLE, detail)
    }

    /// Names the field at fault.
    #[must_use]
    pub fn with_field(mut self, field: impl Into<String>) -> Problem {
        let field = field.into();
        self.field = (!field.is_empty()).then_some(field);
        self
    }

    /// Sets the line and column of the culprit.
    #[must_use]
    pub fn at(mut self, line: Option<usize>, column: Option<usize>) -> Problem {
        self.line = line;
        self.column = column;
        self
    }

    /// A 400 from a library error: its message, field, line and column.
    pub fn from_library(err: &skillgauge::Error) -> Problem {
        let mut problem = Problem::bad_request(err.to_string()).at(err.line(), err.column());
        if let Some(field) = err.field() {
            problem = problem.with_field(field);
        }
        problem
    }

    /// The status code.
    pub fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = self.status();
        let body = serde_json::to_vec(&self).unwrap_or_default();
        let mut response = (status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if status == StatusCode::UNAUTHORIZED {
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

/// The title for a status: its reason phrase.
fn title(status: StatusCode) -> &'static str {
    status.canonical_reason().unwrap_or("Error")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn library_errors_keep_field_line_and_column() {
        let err =
            skillgauge::Assessment::from_json(r#"{ "ratings": { "security": "compitent" } }"#)
                .unwrap_err();
        let problem = Problem::from_library(&err);
        assert_eq!(problem.status, 400);
        assert_eq!(problem.field.as_deref(), Some("ratings.security"));
        assert_eq!((problem.line, problem.column), (Some(1), Some(38)));
    }

    #[test]
    fn unauthorized_asks_for_a_bearer_token() {
        let response = Problem::new(StatusCode::UNAUTHORIZED, "missing key").into_response();
        assert_eq!(response.headers()[header::WWW_AUTHENTICATE], "Bearer");
        assert_eq!(response.headers()[header::CONTENT_TYPE], PROBLEM_JSON);
    }
}
