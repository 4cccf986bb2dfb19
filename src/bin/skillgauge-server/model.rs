//! The server's own request and response bodies. The library's types (assessment, report,
//! framework, progress) are used as they are; these wrap them. Each derives its JSON Schema,
//! so `/openapi.json` is built from the same definitions the handlers use.

use std::collections::BTreeMap;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use skillgauge::{Assessment, Blocker, Id, Progress, Rating, Tier};

/// The most candidates one ranking request may hold.
pub const MAX_CANDIDATES: usize = 100_000;

/// The most postings one match request may hold.
pub const MAX_POSTINGS: usize = 10_000;

/// The longest candidate id in a ranking request, in bytes.
pub const MAX_CANDIDATE_ID: usize = 256;

/// A reference to a component schema of the OpenAPI document.
fn component(name: &str) -> Schema {
    json_schema!({ "$ref": format!("#/components/schemas/{name}") })
}

fn report_ref(_: &mut SchemaGenerator) -> Schema {
    component("Report")
}

fn assessment_ref(_: &mut SchemaGenerator) -> Schema {
    component("Assessment")
}

/// `GET /healthz` and `GET /readyz`.
#[derive(Serialize, JsonSchema)]
#[schemars(title = "Status")]
pub struct Status {
    /// `ok` (healthz) or `ready` (readyz).
    pub status: &'static str,
}

/// An id with its name.
#[derive(Serialize, JsonSchema)]
pub struct Named {
    /// The id.
    pub id: Id,
    /// Its name.
    pub name: String,
}

/// One framework in `GET /v1/frameworks`.
#[derive(Serialize, JsonSchema)]
pub struct FrameworkSummary {
    /// The framework's id.
    pub id: Id,
    /// The role's name.
    pub name: String,
    /// The framework's version.
    pub version: String,
    /// Its levels, lowest first.
    pub levels: Vec<Named>,
    /// Its skills, in framework order.
    pub skills: Vec<Named>,
}

/// A stored assessment's report, as answered when it is stored.
#[derive(Serialize, JsonSchema)]
pub struct StoredReport {
    /// The stored assessment's id.
    pub id: i64,
    /// The job board's id for the person (absent for people reached by a link).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// When it was stored, RFC 3339 UTC.
    pub created_at: String,
    /// The report.
    #[schemars(schema_with = "report_ref")]
    pub report: Box<RawValue>,
}

/// A stored assessment with its report.
#[derive(Serialize, JsonSchema)]
pub struct StoredAssessment {
    /// The stored assessment's id.
    pub id: i64,
    /// The job board's id for the person.
    pub person: String,
    /// When it was stored, RFC 3339 UTC.
    pub created_at: String,
    /// The assessment as it was stored.
    #[schemars(schema_with = "assessment_ref")]
    pub assessment: Box<RawValue>,
    /// The report.
    #[schemars(schema_with = "report_ref")]
    pub report: Box<RawValue>,
}

/// One level's fit in a history entry.
#[derive(Serialize, JsonSchema)]
pub struct LevelFit {
    /// The level's id.
    pub level: Id,
    /// Its name.
    pub name: String,
    /// Fit for the level, 0–1.
    #[schemars(range(min = 0, max = 1))]
    pub fit: f64,
}

/// One stored assessment in a person's history.
#[derive(Serialize, JsonSchema)]
pub struct HistoryItem {
    /// The stored assessment's id.
    pub id: i64,
    /// When it was stored, RFC 3339 UTC.
    pub created_at: String,
    /// The framework it was assessed against.
    pub framework: Id,
    /// The readiness level then (`null`: not yet ready).
    pub readiness: Option<Id>,
    /// Its name.
    pub readiness_name: Option<String>,
    /// The overall score then, 0–100.
    #[schemars(range(min = 0, max = 100))]
    pub score: u8,
    /// The level the report explained and planned for.
    pub target: Id,
    /// Fit per level, lowest first.
    pub fits: Vec<LevelFit>,
}

/// A new person link and the report of its first assessment.
#[derive(Serialize, JsonSchema)]
pub struct LinkCreated {
    /// The person's link: 32 lowercase hex characters (128 random bits). It is the only key
    /// to the person's history: it is shown once and stored only as a digest.
    #[schemars(regex(pattern = "^[0-9a-f]{32}$"))]
    pub link: String,
    /// The stored assessment's id.
    pub id: i64,
    /// When it was stored, RFC 3339 UTC.
    pub created_at: String,
    /// The report.
    #[schemars(schema_with = "report_ref")]
    pub report: Box<RawValue>,
}

/// The latest report in a link view.
#[derive(Serialize, JsonSchema)]
pub struct Latest {
    /// The stored assessment's id.
    pub id: i64,
    /// When it was stored, RFC 3339 UTC.
    pub created_at: String,
    /// The report.
    #[schemars(schema_with = "report_ref")]
    pub report: Box<RawValue>,
}

/// Everything a person's link shows: their history, their latest report, and their
/// progress from their first assessment on the latest one's framework to the latest.
#[derive(Serialize, JsonSchema)]
pub struct LinkView {
    /// Every stored assessment, oldest first.
    pub history: Vec<HistoryItem>,
    /// The latest one, with its report.
    pub latest: Latest,
    /// Progress from the first assessment on the latest one's framework to the latest.
    pub progress: Progress,
}

/// `POST /v1/rank`: candidates to rank for one level.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RankRequest {
    /// The framework (default `backend-developer`).
    #[serde(default)]
    pub framework: Option<Id>,
    /// The level to rank for.
    pub level: Id,
    /// How many of the best to return.
    #[schemars(range(min = 1, max = 100_000))]
    pub k: usize,
    /// The candidates.
    #[schemars(length(max = 100_000))]
    pub candidates: Vec<Candidate>,
}

/// One candidate to rank.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Candidate {
    /// The caller's id for the candidate, returned as it is.
    #[schemars(length(min = 1, max = 256))]
    pub id: String,
    /// Ratings by skill id; unrated skills count as `none`.
    #[serde(default)]
    pub ratings: BTreeMap<Id, Rating>,
}

/// One ranked candidate, best first.
#[derive(Serialize, JsonSchema)]
pub struct RankedCandidate {
    /// The caller's id for the candidate.
    pub id: String,
    /// The candidate's readiness level (`null`: not yet ready).
    pub readiness: Option<Id>,
    /// Its name.
    pub readiness_name: Option<String>,
    /// Fit for the level ranked for, 0–1.
    #[schemars(range(min = 0, max = 1))]
    pub fit: f64,
    /// The tier of that fit.
    pub tier: Tier,
    /// Total points.
    pub points: f64,
}

/// `POST /v1/match`: one person against job postings.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MatchRequest {
    /// The person. Skills a posting's framework does not have are ignored; its `framework`
    /// field is not used.
    #[schemars(schema_with = "assessment_ref")]
    pub assessment: Assessment,
    /// The postings.
    #[schemars(length(max = 10_000))]
    pub postings: Vec<PostingRequest>,
    /// At most this many matches, the best (default: one per posting). Names and blockers
    /// are gathered only for the matches returned, so a small limit is faster.
    #[serde(default)]
    pub limit: Option<usize>,
}

/// A job posting: a framework and the level it hires for.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PostingRequest {
    /// The framework (default `backend-developer`).
    #[serde(default)]
    pub framework: Option<Id>,
    /// The level hired for.
    pub level: Id,
}

/// How the person matches one posting, best fit first.
#[derive(Serialize, JsonSchema)]
pub struct MatchResult {
    /// The posting's position in the request.
    pub posting: usize,
    /// The posting's framework.
    pub framework: Id,
    /// Its name.
    pub framework_name: String,
    /// The level hired for.
    pub level: Id,
    /// Its name.
    pub level_name: String,
    /// Whether the person meets the level (and every level below it).
    pub ready: bool,
    /// Fit for the level, 0–1.
    #[schemars(range(min = 0, max = 1))]
    pub fit: f64,
    /// The tier of that fit.
    pub tier: Tier,
    /// The largest blockers, at most three.
    pub blockers: Vec<Blocker>,
}
