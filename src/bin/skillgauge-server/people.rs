//! A person's stored assessments: by the job board's id for them (with an API key), or by
//! the person's own link (the link is the credential). History, single reports and progress
//! between two stored reports.
//!
//! No message here names a person, a link or an assessment: a 404 says only that nothing
//! was found.

use std::sync::Arc;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::value::RawValue;
use skillgauge::{ErrorKind, Progress, Report};

use crate::api::{JsonText, Shared, internal, json, segment};
use crate::auth;
use crate::model::{
    HistoryItem, Latest, LevelFit, LinkCreated, LinkView, StoredAssessment, StoredReport,
};
use crate::problem::Problem;
use crate::store::{self, NewAssessment, Owner, Row};

/// The longest person id.
pub const MAX_PERSON_LEN: usize = 128;

/// A job board's person id: 1–128 ASCII letters, digits, `-`, `_` and `.`.
///
/// # Errors
/// A 400 naming `person` (without repeating the id).
pub fn person_id(path: Result<Path<String>, PathRejection>) -> Result<String, Problem> {
    let person = segment(path)?;
    let valid = !person.is_empty()
        && person.len() <= MAX_PERSON_LEN
        && person
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    if valid {
        Ok(person)
    } else {
        Err(Problem::invalid_field(
            "person",
            format!(
                "person: an id is 1 to {MAX_PERSON_LEN} ASCII letters, digits, `-`, `_` and `.`"
            ),
        ))
    }
}

fn no_person() -> Problem {
    Problem::not_found("no stored assessments were found")
}

fn no_link() -> Problem {
    Problem::not_found("no person has this link")
}

/// The owner a link names, or a 404 (the same for a malformed link as for an unknown one).
fn link_owner(path: Result<Path<String>, PathRejection>) -> Result<Owner, Problem> {
    let link = segment(path).map_err(|_| no_link())?;
    if auth::is_link(&link) {
        Ok(Owner::Link(auth::link_hash(&link)))
    } else {
        Err(no_link())
    }
}

/// Assesses a request body and readies it for storing.
fn assessed(s: &Shared, text: &str) -> Result<NewAssessment, Problem> {
    let (assessment, report) = s.assess(text)?;
    let serialize = |e: serde_json::Error| {
        tracing::error!(error = %e, "report does not serialize");
        Problem::internal()
    };
    Ok(NewAssessment {
        framework: report.framework.as_str().to_owned(),
        assessment: serde_json::to_string(&assessment).map_err(serialize)?,
        report: serde_json::to_string(&report).map_err(serialize)?,
        created_at: store::now_rfc3339(),
    })
}

/// Stored JSON as a raw value, to embed without parsing it again.
fn raw(text: String) -> Result<Box<RawValue>, Problem> {
    RawValue::from_string(text).map_err(|_| {
        tracing::error!("stored JSON does not parse");
        Problem::internal()
    })
}

fn report_of(row: &Row) -> Result<Report, Problem> {
    serde_json::from_str(&row.report).map_err(|e| {
        tracing::error!(error = %e, "stored report does not parse");
        Problem::internal()
    })
}

fn history_item(row: &Row) -> Result<HistoryItem, Problem> {
    let report = report_of(row)?;
    Ok(HistoryItem {
        id: row.id,
        created_at: row.created_at.clone(),
        framework: report.framework,
        readiness: report.readiness,
        readiness_name: report.readiness_name,
        score: report.score,
        target: report.target,
        fits: report
            .levels
            .into_iter()
            .map(|l| LevelFit {
                level: l.level,
                name: l.name,
                fit: l.fit,
            })
            .collect(),
    })
}

fn stored_report(row: Row, person: Option<String>) -> Result<Response, Problem> {
    let body = StoredReport {
        id: row.id,
        person,
        created_at: row.created_at,
        report: raw(row.report)?,
    };
    Ok(json(StatusCode::CREATED, &body))
}

/// `POST /v1/people/{person}/assessments`: stores an assessment, answers with its report
/// once it is committed.
pub async fn store(
    State(s): State<Arc<Shared>>,
    person: Result<Path<String>, PathRejection>,
    JsonText(text): JsonText,
) -> Result<Response, Problem> {
    let person = person_id(person)?;
    let new = assessed(&s, &text)?;
    let row = s
        .store
        .add_assessment(Owner::Person(person.clone()), new)
        .await
        .map_err(|e| internal(&e))?
        .ok_or_else(Problem::internal)?;
    stored_report(row, Some(person))
}

/// `GET /v1/people/{person}/assessments`: the history, oldest first.
pub async fn history(
    State(s): State<Arc<Shared>>,
    person: Result<Path<String>, PathRejection>,
) -> Result<Response, Problem> {
    let person = person_id(person)?;
    let rows = s
        .store
        .history(Owner::Person(person))
        .await
        .map_err(|e| internal(&e))?
        .ok_or_else(no_person)?;
    let items = rows
        .iter()
        .map(history_item)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(json(StatusCode::OK, &items))
}

/// `GET /v1/people/{person}/assessments/{id}`: one stored assessment with its report.
pub async fn stored(
    State(s): State<Arc<Shared>>,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<Response, Problem> {
    let Ok(Path((person, id))) = path else {
        return Err(Problem::not_found("no such resource"));
    };
    let person = person_id(Ok(Path(person)))?;
    let id: i64 = id
        .parse()
        .map_err(|_| Problem::not_found("no stored assessment was found"))?;
    let row = s
        .store
        .assessment(Owner::Person(person), id)
        .await
        .map_err(|e| internal(&e))?
        .ok_or_else(|| Problem::not_found("no stored assessment was found"))?;
    let body = StoredAssessment {
        id: row.id,
        person: row.person,
        created_at: row.created_at,
        assessment: raw(row.assessment)?,
        report: raw(row.report)?,
    };
    Ok(json(StatusCode::OK, &body))
}

/// The `from` and `to` of a progress query; anything else is refused.
fn progress_query(query: Option<&str>) -> Result<(Option<i64>, Option<i64>), Problem> {
    let (mut from, mut to) = (None, None);
    for pair in query.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let slot = match key {
            "from" => &mut from,
            "to" => &mut to,
            _ => {
                return Err(Problem::invalid_field(
                    key,
                    "unknown query parameter: only `from` and `to` are accepted",
                ));
            }
        };
        let id = value.parse::<i64>().map_err(|_| {
            Problem::invalid_field(key, format!("{key} must be a stored assessment's id"))
        })?;
        *slot = Some(id);
    }
    Ok((from, to))
}

fn between(from: &Row, to: &Row) -> Result<Progress, Problem> {
    let before = report_of(from)?;
    let after = report_of(to)?;
    Progress::between(&before, &after).map_err(|e| match e.kind() {
        ErrorKind::FrameworkMismatch { .. } => Problem::conflict(
            "the two assessments are on different frameworks (or versions of one): \
             progress compares two assessments on the same framework",
        ),
        _ => Problem::from_library(&e),
    })
}

/// `GET /v1/people/{person}/progress?from=ID&to=ID`: progress between two stored
/// assessments, the first and the latest by default.
pub async fn progress(
    State(s): State<Arc<Shared>>,
    person: Result<Path<String>, PathRejection>,
    RawQuery(query): RawQuery,
) -> Result<Response, Problem> {
    let person = person_id(person)?;
    let (from, to) = progress_query(query.as_deref())?;
    let rows = s
        .store
        .history(Owner::Person(person))
        .await
        .map_err(|e| internal(&e))?
        .ok_or_else(no_person)?;
    let pick = |id: Option<i64>, default: Option<&Row>| -> Result<Row, Problem> {
        match id {
            Some(id) => rows.iter().find(|r| r.id == id),
            None => default,
        }
        .cloned()
        .ok_or_else(|| Problem::not_found("no stored assessment was found"))
    };
    let from = pick(from, rows.first())?;
    let to = pick(to, rows.last())?;
    Ok(json(StatusCode::OK, &between(&from, &to)?))
}

/// `POST /v1/links`: a new person with a new link, and their first assessment.
pub async fn create_link(
    State(s): State<Arc<Shared>>,
    JsonText(text): JsonText,
) -> Result<Response, Problem> {
    let new = assessed(&s, &text)?;
    let randomness = |_| {
        tracing::error!("the operating system gave no randomness");
        Problem::internal()
    };
    let link = auth::new_link().map_err(randomness)?;
    // The person's internal id is random too, and says nothing about the link; `:` keeps
    // it apart from every job board id.
    let person = format!("link:{}", auth::random_hex(16).map_err(randomness)?);
    let row = s
        .store
        .create_link_person(person, auth::link_hash(&link), new)
        .await
        .map_err(|e| internal(&e))?;
    let body = LinkCreated {
        link,
        id: row.id,
        created_at: row.created_at,
        report: raw(row.report)?,
    };
    Ok(json(StatusCode::CREATED, &body))
}

/// `GET /v1/links/{link}`: the person's history, latest report and progress.
pub async fn link_view(
    State(s): State<Arc<Shared>>,
    link: Result<Path<String>, PathRejection>,
) -> Result<Response, Problem> {
    let owner = link_owner(link)?;
    let rows = s
        .store
        .history(owner)
        .await
        .map_err(|e| internal(&e))?
        .ok_or_else(no_link)?;
    let history = rows
        .iter()
        .map(history_item)
        .collect::<Result<Vec<_>, _>>()?;
    let Some(latest) = rows.last() else {
        return Err(no_link());
    };
    // Progress from the first assessment on the latest one's framework; a framework whose
    // levels changed since then shows the latest alone.
    let first = rows
        .iter()
        .find(|r| r.framework == latest.framework)
        .unwrap_or(latest);
    let progress = match between(first, latest) {
        Ok(progress) => progress,
        Err(_) => between(latest, latest)?,
    };
    let body = LinkView {
        history,
        latest: Latest {
            id: latest.id,
            created_at: latest.created_at.clone(),
            report: raw(latest.report.clone())?,
        },
        progress,
    };
    Ok(json(StatusCode::OK, &body))
}

/// `POST /v1/links/{link}/assessments`: stores another assessment for the link's person.
pub async fn link_store(
    State(s): State<Arc<Shared>>,
    link: Result<Path<String>, PathRejection>,
    JsonText(text): JsonText,
) -> Result<Response, Problem> {
    let owner = link_owner(link)?;
    let new = assessed(&s, &text)?;
    let row = s
        .store
        .add_assessment(owner, new)
        .await
        .map_err(|e| internal(&e))?
        .ok_or_else(no_link)?;
    stored_report(row, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_ids() {
        let ok = |s: &str| person_id(Ok(Path(s.to_owned()))).is_ok();
        assert!(ok("c-1_2.x"));
        assert!(ok(&"a".repeat(128)));
        assert!(!ok(&"a".repeat(129)));
        assert!(!ok(""));
        assert!(!ok("a/b"));
        assert!(!ok("link:abc"));
        assert!(!ok("é"));
    }

    #[test]
    fn progress_queries() {
        assert_eq!(progress_query(None).unwrap(), (None, None));
        assert_eq!(
            progress_query(Some("from=3&to=9")).unwrap(),
            (Some(3), Some(9))
        );
        assert_eq!(progress_query(Some("to=9")).unwrap(), (None, Some(9)));
        let err = progress_query(Some("from=x")).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("from"));
        let err = progress_query(Some("since=1")).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("since"));
    }
}
