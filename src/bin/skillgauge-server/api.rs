//! The routes, the shared state and the stateless handlers: frameworks, assess, rank,
//! match, health and the OpenAPI document. A person's stored assessments and links are in
//! [`people`].

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, PoisonError, RwLock};
use std::time::Duration;

use axum::Router;
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRequest, Path, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use http_body_util::{BodyExt, LengthLimitError, Limited};
use serde::Serialize;
use serde::de::DeserializeOwned;
use skillgauge::{Assessment, Framework, Id, Posting, Proficiency, Report};

use crate::auth::{self, Keys};
use crate::model::{
    Candidate, FrameworkSummary, MAX_CANDIDATE_ID, MAX_CANDIDATES, MAX_POSTINGS, MatchRequest,
    MatchResult, Named, RankRequest, RankedCandidate, Status,
};
use crate::problem::Problem;
use crate::store::{self, Store};
use crate::{log, openapi, people, web};

/// The most ratings (candidates × the framework's skills) one ranking request may score.
pub const MAX_RANK_CELLS: usize = 20_000_000;

/// The id of the built-in framework, which cannot be replaced.
pub const BUILT_IN: &str = "backend-developer";

/// What every handler shares.
pub struct Shared {
    /// The database.
    pub store: Arc<dyn Store>,
    /// Frameworks stored through the API, by id (the built-in one is not here).
    frameworks: RwLock<BTreeMap<String, Framework>>,
    /// Serialises framework writes, so the database and `frameworks` agree.
    framework_writes: tokio::sync::Mutex<()>,
    /// The largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// `/openapi.json`, built once.
    openapi: Vec<u8>,
    /// `/v1/public/framework`, built once.
    public_framework: Vec<u8>,
}

impl Shared {
    /// The shared state over `store`, with the frameworks it holds loaded. A stored
    /// framework that no longer validates (after an upgrade) is skipped with a warning.
    ///
    /// # Errors
    /// When the store cannot list its frameworks.
    pub async fn new(
        store: Arc<dyn Store>,
        max_body_bytes: usize,
    ) -> Result<Shared, store::StoreError> {
        let mut frameworks = BTreeMap::new();
        for (id, body) in store.frameworks().await? {
            match Framework::from_json(&body) {
                Ok(framework) if id != BUILT_IN => {
                    frameworks.insert(id, framework);
                }
                Ok(_) => {}
                Err(e) => {
                    tracing::warn!(framework = id.as_str(), error = %e, "stored framework skipped");
                }
            }
        }
        Ok(Shared {
            store,
            frameworks: RwLock::new(frameworks),
            framework_writes: tokio::sync::Mutex::new(()),
            max_body_bytes,
            openapi: serde_json::to_vec(&openapi::document()).unwrap_or_default(),
            public_framework: serde_json::to_vec(Framework::backend_developer())
                .unwrap_or_default(),
        })
    }

    /// The framework with `id`, the built-in one for `None`.
    pub fn framework(&self, id: Option<&str>) -> Option<Framework> {
        match id {
            None | Some(BUILT_IN) => Some(Framework::backend_developer().clone()),
            Some(id) => self
                .frameworks
                .read()
                .unwrap_or_else(PoisonError::into_inner)
                .get(id)
                .cloned(),
        }
    }

    /// The framework for a field of the request, or a 400 naming the field.
    fn framework_for(&self, id: Option<&Id>, field: &str) -> Result<Framework, Problem> {
        self.framework(id.map(Id::as_str)).ok_or_else(|| {
            Problem::invalid_field(
                field,
                format!(
                    "{field} names unknown framework `{}`",
                    id.map_or("", Id::as_str)
                ),
            )
        })
    }

    /// Parses, checks and assesses an assessment, against the framework it names.
    ///
    /// # Errors
    /// A 400 naming the field at fault, with line and column.
    pub fn assess(&self, text: &str) -> Result<(Assessment, Report), Problem> {
        let assessment = Assessment::from_json(text).map_err(|e| Problem::from_library(&e))?;
        let framework = self.framework_for(assessment.framework.as_ref(), "framework")?;
        match framework.assess(&assessment) {
            Ok(report) => Ok((assessment, report)),
            // The rare failure pays for a second parse that finds its line and column.
            Err(e) => {
                let e = framework.assess_json(text).err().unwrap_or(e);
                Err(Problem::from_library(&e))
            }
        }
    }
}

/// The application: every route, its limits, its logging.
pub fn router(shared: Arc<Shared>, keys: Arc<Keys>, timeout: Duration) -> Router {
    let keyed = Router::new()
        .route("/v1/frameworks", get(list_frameworks))
        .route("/v1/frameworks/{id}", get(get_framework).put(put_framework))
        .route("/v1/assess", post(assess))
        .route(
            "/v1/people/{person}/assessments",
            post(people::store).get(people::history),
        )
        .route("/v1/people/{person}/assessments/{id}", get(people::stored))
        .route("/v1/people/{person}/progress", get(people::progress))
        .route("/v1/rank", post(rank))
        .route("/v1/match", post(match_postings))
        .route_layer(middleware::from_fn_with_state(keys, auth::require_key));
    let public = Router::new()
        .route("/", get(web::index))
        .route("/app.js", get(web::script))
        .route("/app.css", get(web::style))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/openapi.json", get(openapi_json))
        .route("/v1/public/framework", get(public_framework))
        .route("/v1/links", post(people::create_link))
        .route("/v1/links/{link}", get(people::link_view))
        .route("/v1/links/{link}/assessments", post(people::link_store));
    keyed
        .merge(public)
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(shared)
        .layer(middleware::from_fn_with_state(timeout, time_limit))
        .layer(middleware::from_fn(headers))
        .layer(middleware::from_fn(log::requests))
}

/// A JSON response.
pub fn json<T: Serialize + ?Sized>(status: StatusCode, value: &T) -> Response {
    match serde_json::to_vec(value) {
        Ok(body) => {
            let mut response = (status, body).into_response();
            response.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
            response
        }
        Err(e) => {
            tracing::error!(error = %e, "response does not serialize");
            Problem::internal().into_response()
        }
    }
}

/// A request body that is JSON text: `Content-Type: application/json` (else 415), at most
/// the configured size (else 413), UTF-8 (else 400).
pub struct JsonText(pub String);

impl FromRequest<Arc<Shared>> for JsonText {
    type Rejection = Problem;

    async fn from_request(request: Request, state: &Arc<Shared>) -> Result<Self, Problem> {
        let headers = request.headers();
        if !is_json(headers) {
            return Err(Problem::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "the request body must be JSON, sent with `Content-Type: application/json`",
            ));
        }
        let limit = state.max_body_bytes;
        let too_large = || {
            Problem::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("the request body is larger than the limit of {limit} bytes"),
            )
        };
        let declared = headers
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        if declared.is_some_and(|n| n > limit as u64) {
            return Err(too_large());
        }
        let bytes = match Limited::new(request.into_body(), limit).collect().await {
            Ok(collected) => collected.to_bytes(),
            Err(e) if e.downcast_ref::<LengthLimitError>().is_some() => return Err(too_large()),
            Err(_) => return Err(Problem::bad_request("the request body could not be read")),
        };
        String::from_utf8(bytes.into())
            .map(JsonText)
            .map_err(|_| Problem::bad_request("the request body is not UTF-8"))
    }
}

/// Whether the content type is JSON: `application/json` or `application/…+json`, with any
/// parameters.
fn is_json(headers: &HeaderMap) -> bool {
    let Some(value) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let essence = value.split(';').next().unwrap_or("").trim();
    let Some(subtype) = essence
        .get(..12)
        .filter(|t| t.eq_ignore_ascii_case("application/"))
        .and_then(|_| essence.get(12..))
    else {
        return false;
    };
    subtype.eq_ignore_ascii_case("json")
        || subtype
            .get(subtype.len().saturating_sub(5)..)
            .is_some_and(|s| s.eq_ignore_ascii_case("+json"))
}

/// Parses a request body into `T`, refusing unknown fields; an error names the field, line
/// and column.
///
/// # Errors
/// A 400 naming the field at fault.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, Problem> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut de)
        .map_err(|e| json_problem(&path_string(e.path()), &e.into_inner()))?;
    de.end().map_err(|e| json_problem("", &e))?;
    Ok(value)
}

/// A field path as the library writes it: `candidates[1].ratings.security`, empty for the
/// document itself.
fn path_string(path: &serde_path_to_error::Path) -> String {
    let mut text = path.to_string();
    // `?` marks a segment the parser had not read yet (a syntax error inside a map).
    while text == "?" || text.ends_with(".?") {
        text.truncate(text.len().saturating_sub(2));
    }
    if text == "." { String::new() } else { text }
}

fn json_problem(field: &str, e: &serde_json::Error) -> Problem {
    let message = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let message = message.strip_suffix(&suffix).unwrap_or(&message);
    let place = if field.is_empty() {
        "document".to_owned()
    } else {
        format!("field `{field}`")
    };
    let position = (e.line() > 0).then_some((e.line(), e.column()));
    Problem::bad_request(format!("JSON {place}: {message}"))
        .with_field(field)
        .at(position.map(|p| p.0), position.map(|p| p.1))
}

/// The single path parameter, or a 404 when it cannot be decoded.
///
/// # Errors
/// A 404.
pub fn segment(path: Result<Path<String>, PathRejection>) -> Result<String, Problem> {
    path.map(|Path(s)| s)
        .map_err(|_| Problem::not_found("no such resource"))
}

async fn not_found() -> Problem {
    Problem::not_found("no such resource")
}

async fn method_not_allowed() -> Problem {
    Problem::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "this resource does not support that method",
    )
}

/// Ends a request that takes longer than `limit` with a 503.
async fn time_limit(State(limit): State<Duration>, request: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => Problem::unavailable(format!(
            "the request took longer than the limit of {} seconds",
            limit.as_secs_f64()
        ))
        .into_response(),
    }
}

/// Headers on every response: no sniffing, no framing, no referrer; API answers (which may
/// be about a person) are not cached.
async fn headers(request: Request, next: Next) -> Response {
    let api = request.uri().path().starts_with("/v1/");
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    if api {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

async fn healthz() -> Response {
    json(StatusCode::OK, &Status { status: "ok" })
}

async fn readyz(State(s): State<Arc<Shared>>) -> Response {
    match tokio::time::timeout(Duration::from_secs(2), s.store.ping()).await {
        Ok(Ok(())) => json(StatusCode::OK, &Status { status: "ready" }),
        Ok(Err(e)) => {
            tracing::warn!(error = %e, "database not ready");
            Problem::unavailable("the database is not answering").into_response()
        }
        Err(_) => Problem::unavailable("the database is not answering").into_response(),
    }
}

async fn openapi_json(State(s): State<Arc<Shared>>) -> Response {
    raw_json(s.openapi.clone())
}

async fn public_framework(State(s): State<Arc<Shared>>) -> Response {
    raw_json(s.public_framework.clone())
}

fn raw_json(body: Vec<u8>) -> Response {
    let mut response = body.into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

fn summary(framework: &Framework) -> FrameworkSummary {
    FrameworkSummary {
        id: framework.id().clone(),
        name: framework.name().to_owned(),
        version: framework.version().to_owned(),
        levels: framework
            .levels()
            .iter()
            .map(|l| Named {
                id: l.id.clone(),
                name: l.name.clone(),
            })
            .collect(),
        skills: framework
            .skills()
            .iter()
            .map(|s| Named {
                id: s.id.clone(),
                name: s.name.clone(),
            })
            .collect(),
    }
}

async fn list_frameworks(State(s): State<Arc<Shared>>) -> Response {
    let mut list = vec![summary(Framework::backend_developer())];
    list.extend(
        s.frameworks
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .values()
            .map(summary),
    );
    json(StatusCode::OK, &list)
}

async fn get_framework(
    State(s): State<Arc<Shared>>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Response, Problem> {
    let id = segment(id)?;
    let framework = s
        .framework(Some(&id))
        .ok_or_else(|| Problem::not_found("no framework has this id"))?;
    Ok(json(StatusCode::OK, &framework))
}

async fn put_framework(
    State(s): State<Arc<Shared>>,
    id: Result<Path<String>, PathRejection>,
    JsonText(text): JsonText,
) -> Result<Response, Problem> {
    let id = segment(id)?;
    if id == BUILT_IN {
        return Err(Problem::conflict(
            "the built-in framework is read-only: store yours under another id",
        ));
    }
    let framework = Framework::from_json(&text).map_err(|e| Problem::from_library(&e))?;
    if framework.id().as_str() != id {
        return Err(Problem::conflict(format!(
            "the framework's id `{}` differs from the id in the path",
            framework.id()
        ))
        .with_field("id"));
    }
    let body = serde_json::to_string(&framework).map_err(|_| Problem::internal())?;
    let _writing = s.framework_writes.lock().await;
    let created = s
        .store
        .put_framework(id.clone(), body, store::now_rfc3339())
        .await
        .map_err(|e| internal(&e))?;
    s.frameworks
        .write()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(id, framework.clone());
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok(json(status, &framework))
}

/// A 500 for a failure of the database, logged without any data of the request.
pub fn internal(e: &store::StoreError) -> Problem {
    tracing::error!(error = %e, "database error");
    Problem::internal()
}

async fn assess(
    State(s): State<Arc<Shared>>,
    JsonText(text): JsonText,
) -> Result<Response, Problem> {
    let (_, report) = s.assess(&text)?;
    Ok(json(StatusCode::OK, &report))
}

async fn rank(State(s): State<Arc<Shared>>, JsonText(text): JsonText) -> Result<Response, Problem> {
    // Parsing and scoring up to 100,000 candidates is CPU work: off the async threads.
    let work = tokio::task::spawn_blocking(move || rank_now(&s, &text));
    work.await.map_err(|_| Problem::internal())?
}

fn rank_now(s: &Shared, text: &str) -> Result<Response, Problem> {
    let request: RankRequest = parse(text)?;
    let framework = s.framework_for(request.framework.as_ref(), "framework")?;
    let level = level_index(&framework, &request.level, "level")?;
    if request.candidates.len() > MAX_CANDIDATES {
        return Err(Problem::invalid_field(
            "candidates",
            format!(
                "candidates has {} entries, more than the limit of {MAX_CANDIDATES}",
                request.candidates.len()
            ),
        ));
    }
    if !(1..=MAX_CANDIDATES).contains(&request.k) {
        return Err(Problem::invalid_field(
            "k",
            format!("k: {} is outside 1-{MAX_CANDIDATES}", request.k),
        ));
    }
    let skills: HashMap<&str, usize> = framework
        .skills()
        .iter()
        .enumerate()
        .map(|(i, skill)| (skill.id.as_str(), i))
        .collect();
    let width = skills.len();
    // One rating per skill per candidate: bounded, whatever the framework's size.
    let cells = width
        .checked_mul(request.candidates.len())
        .filter(|&cells| cells <= MAX_RANK_CELLS)
        .ok_or_else(|| {
            Problem::invalid_field(
                "candidates",
                format!(
                    "candidates × skills of the framework is more than the limit of {MAX_RANK_CELLS}: send fewer candidates per request"
                ),
            )
        })?;
    let mut rows = vec![Proficiency::None; cells];
    for (c, Candidate { id, ratings }) in request.candidates.iter().enumerate() {
        if id.is_empty() || id.len() > MAX_CANDIDATE_ID {
            return Err(Problem::invalid_field(
                format!("candidates[{c}].id"),
                format!("candidates[{c}].id must be 1 to {MAX_CANDIDATE_ID} bytes long"),
            ));
        }
        for (skill, rating) in ratings {
            let field = format!("candidates[{c}].ratings.{skill}");
            let &i = skills.get(skill.as_str()).ok_or_else(|| {
                Problem::invalid_field(&field, format!("{field} names unknown skill `{skill}`"))
            })?;
            if let Some(cell) = rows.get_mut(c * width + i) {
                *cell = rating.proficiency;
            }
        }
    }
    let ranked = framework
        .prepare()
        .top_k(&rows, level, request.k)
        .map_err(|e| Problem::from_library(&e))?;
    let levels = framework.levels();
    let out: Vec<RankedCandidate> = ranked
        .into_iter()
        .filter_map(|r| {
            let candidate = request.candidates.get(r.candidate)?;
            let readiness = r.scored.readiness.and_then(|i| levels.get(i));
            Some(RankedCandidate {
                id: candidate.id.clone(),
                readiness: readiness.map(|l| l.id.clone()),
                readiness_name: readiness.map(|l| l.name.clone()),
                fit: r.scored.fit,
                tier: r.scored.tier,
                points: r.scored.points,
            })
        })
        .collect();
    Ok(json(StatusCode::OK, &out))
}

/// The index of level `id` in `framework`, or a 400 naming `field`.
fn level_index(framework: &Framework, id: &Id, field: &str) -> Result<usize, Problem> {
    framework.level_index(id.as_str()).ok_or_else(|| {
        Problem::invalid_field(
            field,
            format!(
                "{field} names unknown level `{id}` of framework `{}`",
                framework.id()
            ),
        )
    })
}

async fn match_postings(
    State(s): State<Arc<Shared>>,
    JsonText(text): JsonText,
) -> Result<Response, Problem> {
    let work = tokio::task::spawn_blocking(move || match_now(&s, &text));
    work.await.map_err(|_| Problem::internal())?
}

fn match_now(s: &Shared, text: &str) -> Result<Response, Problem> {
    let request: MatchRequest = parse(text)?;
    if request.postings.len() > MAX_POSTINGS {
        return Err(Problem::invalid_field(
            "postings",
            format!(
                "postings has {} entries, more than the limit of {MAX_POSTINGS}",
                request.postings.len()
            ),
        ));
    }
    let mut resolved = Vec::with_capacity(request.postings.len());
    for (p, posting) in request.postings.iter().enumerate() {
        let framework = s.framework_for(
            posting.framework.as_ref(),
            &format!("postings[{p}].framework"),
        )?;
        let level = level_index(&framework, &posting.level, &format!("postings[{p}].level"))?;
        resolved.push((framework, level));
    }
    let postings: Vec<Posting<'_>> = resolved
        .iter()
        .map(|(framework, level)| Posting {
            framework,
            level: *level,
        })
        .collect();
    let limit = request.limit.unwrap_or(usize::MAX);
    let matches = skillgauge::match_top_roles(&request.assessment, &postings, limit)
        .map_err(|e| Problem::from_library(&e))?;
    let out: Vec<MatchResult> = matches
        .into_iter()
        .map(|m| MatchResult {
            posting: m.posting,
            framework: m.framework,
            framework_name: m.framework_name,
            level: m.level,
            level_name: m.level_name,
            ready: m.ready,
            fit: m.fit,
            tier: m.tier,
            blockers: m.blockers,
        })
        .collect();
    Ok(json(StatusCode::OK, &out))
}

/// Tests of the pieces that need no server; the routes are tested over HTTP in `tests/`.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_content_types() {
        let with = |v: &str| {
            let mut h = HeaderMap::new();
            h.insert(header::CONTENT_TYPE, v.parse().unwrap());
            is_json(&h)
        };
        assert!(with("application/json"));
        assert!(with("Application/JSON; charset=utf-8"));
        assert!(with("application/merge-patch+json"));
        assert!(!with("text/plain"));
        assert!(!with("application/x-www-form-urlencoded"));
        assert!(!with("application/jsonx"));
        assert!(!is_json(&HeaderMap::new()));
    }

    #[test]
    fn parse_errors_name_the_field() {
        let err = parse::<RankRequest>(r#"{"level": "mid", "k": 1, "candidates": [{"id": "a", "ratings": {"security": "compitent"}}]}"#)
            .err()
            .unwrap();
        assert_eq!(err.field.as_deref(), Some("candidates[0].ratings.security"));
        assert!(err.line.is_some());
        let err = parse::<RankRequest>(r#"{"level": "mid", "k": 1, "candidates": [], "x": 1}"#)
            .err()
            .unwrap();
        assert!(err.detail.contains("unknown field `x`"), "{}", err.detail);
        let err = parse::<RankRequest>(r#"{"level": "mid", "k": 1, "candidates": []} []"#)
            .err()
            .unwrap();
        assert_eq!(err.field, None);
    }
}
