//! Storage: frameworks, people and their stored assessments, behind one [`Store`] trait with
//! an SQLite backend (the default: one local file, nothing to install) and a PostgreSQL
//! backend. Both create the same schema through numbered migrations recorded in
//! `schema_migrations`.
//!
//! Every write is one transaction, and the future resolves only after it has committed: an
//! acknowledged write is on disk (SQLite in WAL mode with `synchronous = FULL`; PostgreSQL's
//! default synchronous commit).

mod postgres;
mod sqlite;

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

/// The future every store method returns: boxed, so that `Store` can be a trait object.
pub type StoreFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, StoreError>> + Send + 'a>>;

/// A failure of the database, described without any of the data involved.
#[derive(Debug, Clone)]
pub struct StoreError(pub String);

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StoreError {}

/// Whose assessments: a job board's person id, or the digest of a person link.
#[derive(Clone, Debug)]
pub enum Owner {
    /// The job board's own id for the person.
    Person(String),
    /// The SHA-256 digest (hex) of the person's link.
    Link(String),
}

/// An assessment to store, with the report computed from it.
#[derive(Clone, Debug)]
pub struct NewAssessment {
    /// The framework it was assessed against.
    pub framework: String,
    /// The assessment, as JSON.
    pub assessment: String,
    /// The report, as JSON.
    pub report: String,
    /// When it was made, RFC 3339 UTC.
    pub created_at: String,
}

/// A stored assessment.
#[derive(Clone, Debug)]
pub struct Row {
    /// Its id, unique across all people.
    pub id: i64,
    /// The person's id (for link people, an internal id that is not the link).
    pub person: String,
    /// When it was stored, RFC 3339 UTC.
    pub created_at: String,
    /// The framework it was assessed against.
    pub framework: String,
    /// The assessment, as JSON.
    pub assessment: String,
    /// The report, as JSON.
    pub report: String,
}

/// What a store keeps. Implementations are cheap to share (`Arc<dyn Store>`).
pub trait Store: Send + Sync {
    /// Whether the database answers.
    fn ping(&self) -> StoreFuture<'_, ()>;

    /// Every stored framework as `(id, JSON body)`, by id.
    fn frameworks(&self) -> StoreFuture<'_, Vec<(String, String)>>;

    /// Inserts or replaces a framework; `true` when it is new.
    fn put_framework(&self, id: String, body: String, now: String) -> StoreFuture<'_, bool>;

    /// Stores an assessment for `owner`: a [`Owner::Person`] is created on its first
    /// assessment; a [`Owner::Link`] must exist (`None` when it does not).
    fn add_assessment(&self, owner: Owner, new: NewAssessment) -> StoreFuture<'_, Option<Row>>;

    /// Creates a person reachable by the link whose digest is `link_hash`, with an internal
    /// id `person`, and stores their first assessment.
    fn create_link_person(
        &self,
        person: String,
        link_hash: String,
        new: NewAssessment,
    ) -> StoreFuture<'_, Row>;

    /// Every stored assessment of `owner`, oldest first; `None` when the owner is unknown.
    fn history(&self, owner: Owner) -> StoreFuture<'_, Option<Vec<Row>>>;

    /// One stored assessment of `owner`; `None` when either is unknown.
    fn assessment(&self, owner: Owner, id: i64) -> StoreFuture<'_, Option<Row>>;
}

/// Opens the store a database URL names, and brings its schema up to date.
///
/// `sqlite://PATH` (or `sqlite:PATH`) opens or creates an SQLite file; `postgres://…` or
/// `postgresql://…` connects to PostgreSQL.
///
/// # Errors
/// An unknown scheme, or a database that cannot be opened or migrated.
pub async fn open(url: &str) -> Result<Arc<dyn Store>, StoreError> {
    if let Some(path) = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
    {
        if path.is_empty() {
            return Err(StoreError("the SQLite URL names no file".into()));
        }
        Ok(Arc::new(sqlite::Sqlite::open(path.into()).await?))
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(Arc::new(postgres::Postgres::open(url).await?))
    } else {
        Err(StoreError(
            "the database URL must start with sqlite:// or postgres://".into(),
        ))
    }
}

/// The migrations, in order; each runs once, in one transaction, and is recorded in
/// `schema_migrations`. The two dialects differ only in how an id counts up.
pub struct Migration {
    /// Its number.
    pub version: i64,
    /// What it does.
    pub name: &'static str,
    /// The SQL for SQLite.
    pub sqlite: &'static str,
    /// The SQL for PostgreSQL.
    pub postgres: &'static str,
}

/// Every migration.
pub const MIGRATIONS: &[Migration] = &[Migration {
    version: 1,
    name: "frameworks, people and assessments",
    sqlite: "
        CREATE TABLE frameworks (
            id TEXT PRIMARY KEY,
            body TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE people (
            id TEXT PRIMARY KEY,
            link_hash TEXT UNIQUE,
            created_at TEXT NOT NULL
        );
        CREATE TABLE assessments (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            person TEXT NOT NULL REFERENCES people (id),
            framework TEXT NOT NULL,
            created_at TEXT NOT NULL,
            assessment TEXT NOT NULL,
            report TEXT NOT NULL
        );
        CREATE INDEX assessments_by_person ON assessments (person, id);
    ",
    postgres: "
        CREATE TABLE frameworks (
            id TEXT PRIMARY KEY,
            body TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE people (
            id TEXT PRIMARY KEY,
            link_hash TEXT UNIQUE,
            created_at TEXT NOT NULL
        );
        CREATE TABLE assessments (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            person TEXT NOT NULL REFERENCES people (id),
            framework TEXT NOT NULL,
            created_at TEXT NOT NULL,
            assessment TEXT NOT NULL,
            report TEXT NOT NULL
        );
        CREATE INDEX assessments_by_person ON assessments (person, id);
    ",
}];

/// The current time as RFC 3339 UTC with milliseconds: `2025-01-31T09:05:00.123Z`.
pub fn now_rfc3339() -> String {
    let since = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    rfc3339(since.as_secs(), since.subsec_millis())
}

/// `secs` after the Unix epoch as RFC 3339 UTC with milliseconds.
pub fn rfc3339(secs: u64, millis: u32) -> String {
    let days = secs / 86_400;
    let rest = secs % 86_400;
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{millis:03}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::rfc3339;

    #[test]
    fn rfc3339_dates() {
        assert_eq!(rfc3339(0, 0), "1970-01-01T00:00:00.000Z");
        assert_eq!(rfc3339(951_782_400, 5), "2000-02-29T00:00:00.005Z");
        assert_eq!(rfc3339(1_735_689_599, 999), "2024-12-31T23:59:59.999Z");
        assert_eq!(rfc3339(4_107_542_400, 0), "2100-03-01T00:00:00.000Z");
    }
}
