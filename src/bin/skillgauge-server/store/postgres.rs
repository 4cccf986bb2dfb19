//! The PostgreSQL backend, on tokio-postgres with a small pool of connections.
//!
//! Every write is one statement (a data-modifying `WITH` where a person is created with
//! their first assessment), so it is its own transaction with one round trip; statements are
//! prepared once per connection. Commits use PostgreSQL's default synchronous commit: a
//! commit returns once its WAL record is flushed, so an acknowledged write survives a crash.

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::{Arc, Mutex, PoisonError};

use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio_postgres::types::ToSql;
use tokio_postgres::{Client, Config, NoTls, Statement};

use super::{MIGRATIONS, NewAssessment, Owner, Row, Store, StoreError, StoreFuture};

/// The most connections open at once.
const CONNECTIONS: usize = 8;

/// The advisory lock that keeps two servers starting together from migrating at once.
const MIGRATION_LOCK: i64 = 0x736b_696c_6c67;

/// A PostgreSQL database.
pub struct Postgres {
    pool: Arc<Pool>,
}

struct Pool {
    config: Config,
    idle: Mutex<Vec<Conn>>,
    permits: Arc<Semaphore>,
}

/// A connection with the statements it has prepared.
struct Conn {
    client: Client,
    statements: HashMap<&'static str, Statement>,
}

/// A connection on loan from the pool; it goes back when dropped, unless it has closed.
struct Pooled {
    conn: Option<Conn>,
    pool: Arc<Pool>,
    _permit: OwnedSemaphorePermit,
}

type Params<'a> = [&'a (dyn ToSql + Sync)];

impl Pooled {
    fn conn(&mut self) -> Result<&mut Conn, StoreError> {
        self.conn
            .as_mut()
            .ok_or_else(|| StoreError("postgres: connection already returned".into()))
    }

    /// `sql`, prepared on this connection once.
    async fn statement(&mut self, sql: &'static str) -> Result<Statement, StoreError> {
        let conn = self.conn()?;
        if let Some(statement) = conn.statements.get(sql) {
            return Ok(statement.clone());
        }
        let statement = conn.client.prepare(sql).await.map_err(|e| err(&e))?;
        conn.statements.insert(sql, statement.clone());
        Ok(statement)
    }

    async fn query(
        &mut self,
        sql: &'static str,
        params: &Params<'_>,
    ) -> Result<Vec<tokio_postgres::Row>, StoreError> {
        let statement = self.statement(sql).await?;
        self.conn()?
            .client
            .query(&statement, params)
            .await
            .map_err(|e| err(&e))
    }

    async fn query_opt(
        &mut self,
        sql: &'static str,
        params: &Params<'_>,
    ) -> Result<Option<tokio_postgres::Row>, StoreError> {
        let statement = self.statement(sql).await?;
        self.conn()?
            .client
            .query_opt(&statement, params)
            .await
            .map_err(|e| err(&e))
    }

    async fn query_one(
        &mut self,
        sql: &'static str,
        params: &Params<'_>,
    ) -> Result<tokio_postgres::Row, StoreError> {
        let statement = self.statement(sql).await?;
        self.conn()?
            .client
            .query_one(&statement, params)
            .await
            .map_err(|e| err(&e))
    }
}

impl Drop for Pooled {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.take()
            && !conn.client.is_closed()
        {
            self.pool
                .idle
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(conn);
        }
    }
}

/// A database error, described by its message and SQLSTATE only: PostgreSQL's `DETAIL`
/// can quote the values involved.
fn err(e: &tokio_postgres::Error) -> StoreError {
    match e.as_db_error() {
        Some(db) => StoreError(format!(
            "postgres: {} (SQLSTATE {})",
            db.message(),
            db.code().code()
        )),
        None => StoreError(format!("postgres: {e}")),
    }
}

impl Pool {
    async fn get(self: &Arc<Pool>) -> Result<Pooled, StoreError> {
        let permit = Arc::clone(&self.permits)
            .acquire_owned()
            .await
            .map_err(|_| StoreError("postgres: pool closed".into()))?;
        let idle = loop {
            let next = self
                .idle
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .pop();
            match next {
                Some(conn) if conn.client.is_closed() => {}
                other => break other,
            }
        };
        let conn = if let Some(conn) = idle {
            conn
        } else {
            let (client, connection) = self.config.connect(NoTls).await.map_err(|e| err(&e))?;
            tokio::spawn(async move {
                if let Err(e) = connection.await {
                    tracing::warn!(error = %err(&e), "postgres connection closed");
                }
            });
            Conn {
                client,
                statements: HashMap::new(),
            }
        };
        Ok(Pooled {
            conn: Some(conn),
            pool: Arc::clone(self),
            _permit: permit,
        })
    }
}

impl Postgres {
    /// Connects to the database `url` names and migrates it.
    ///
    /// # Errors
    /// A URL that does not parse, a server that cannot be reached, or a failed migration.
    pub async fn open(url: &str) -> Result<Postgres, StoreError> {
        let config = Config::from_str(url)
            .map_err(|_| StoreError("postgres: the database URL does not parse".into()))?;
        let pool = Arc::new(Pool {
            config,
            idle: Mutex::new(Vec::new()),
            permits: Arc::new(Semaphore::new(CONNECTIONS)),
        });
        let store = Postgres { pool };
        store.migrate().await?;
        Ok(store)
    }

    async fn migrate(&self) -> Result<(), StoreError> {
        let mut conn = self.pool.get().await?;
        let tx = conn
            .conn()?
            .client
            .transaction()
            .await
            .map_err(|e| err(&e))?;
        tx.query("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
            .await
            .map_err(|e| err(&e))?;
        tx.batch_execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (
                version BIGINT PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at TEXT NOT NULL
            )",
        )
        .await
        .map_err(|e| err(&e))?;
        for migration in MIGRATIONS {
            let done = tx
                .query_opt(
                    "SELECT version FROM schema_migrations WHERE version = $1",
                    &[&migration.version],
                )
                .await
                .map_err(|e| err(&e))?;
            if done.is_none() {
                tx.batch_execute(migration.postgres)
                    .await
                    .map_err(|e| err(&e))?;
                tx.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                    &[&migration.version, &migration.name, &super::now_rfc3339()],
                )
                .await
                .map_err(|e| err(&e))?;
            }
        }
        tx.commit().await.map_err(|e| err(&e))
    }
}

const HISTORY_OF_PERSON: &str = "
    SELECT a.id, a.person, a.created_at, a.framework, a.assessment, a.report
    FROM assessments a WHERE a.person = $1 ORDER BY a.id";

const HISTORY_OF_LINK: &str = "
    SELECT a.id, a.person, a.created_at, a.framework, a.assessment, a.report
    FROM assessments a JOIN people p ON p.id = a.person WHERE p.link_hash = $1 ORDER BY a.id";

const ONE_OF_PERSON: &str = "
    SELECT a.id, a.person, a.created_at, a.framework, a.assessment, a.report
    FROM assessments a WHERE a.person = $1 AND a.id = $2";

const ONE_OF_LINK: &str = "
    SELECT a.id, a.person, a.created_at, a.framework, a.assessment, a.report
    FROM assessments a JOIN people p ON p.id = a.person WHERE p.link_hash = $1 AND a.id = $2";

/// Creates the person on their first assessment, and stores it, in one statement.
const ADD_FOR_PERSON: &str = "
    WITH person AS (
        INSERT INTO people (id, created_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING
    )
    INSERT INTO assessments (person, framework, created_at, assessment, report)
    VALUES ($1, $3, $2, $4, $5)
    RETURNING id";

/// Stores an assessment for the person a link names; no row when there is none.
const ADD_FOR_LINK: &str = "
    INSERT INTO assessments (person, framework, created_at, assessment, report)
    SELECT id, $2, $3, $4, $5 FROM people WHERE link_hash = $1
    RETURNING id, person";

const CREATE_LINK_PERSON: &str = "
    WITH person AS (
        INSERT INTO people (id, link_hash, created_at) VALUES ($1, $2, $3)
    )
    INSERT INTO assessments (person, framework, created_at, assessment, report)
    VALUES ($1, $4, $3, $5, $6)
    RETURNING id";

const PUT_FRAMEWORK: &str = "
    INSERT INTO frameworks (id, body, updated_at) VALUES ($1, $2, $3)
    ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at
    RETURNING (xmax = 0) AS inserted";

fn get<'a, T: tokio_postgres::types::FromSql<'a>>(
    r: &'a tokio_postgres::Row,
    column: usize,
) -> Result<T, StoreError> {
    r.try_get(column).map_err(|e| err(&e))
}

fn row(r: &tokio_postgres::Row) -> Result<Row, StoreError> {
    Ok(Row {
        id: get(r, 0)?,
        person: get(r, 1)?,
        created_at: get(r, 2)?,
        framework: get(r, 3)?,
        assessment: get(r, 4)?,
        report: get(r, 5)?,
    })
}

fn stored(id: i64, person: String, new: NewAssessment) -> Row {
    Row {
        id,
        person,
        created_at: new.created_at,
        framework: new.framework,
        assessment: new.assessment,
        report: new.report,
    }
}

impl Store for Postgres {
    fn ping(&self) -> StoreFuture<'_, ()> {
        Box::pin(async move {
            let mut conn = self.pool.get().await?;
            conn.query_one("SELECT 1", &[]).await?;
            Ok(())
        })
    }

    fn frameworks(&self) -> StoreFuture<'_, Vec<(String, String)>> {
        Box::pin(async move {
            let mut conn = self.pool.get().await?;
            let rows = conn
                .query("SELECT id, body FROM frameworks ORDER BY id", &[])
                .await?;
            rows.iter().map(|r| Ok((get(r, 0)?, get(r, 1)?))).collect()
        })
    }

    fn put_framework(&self, id: String, body: String, now: String) -> StoreFuture<'_, bool> {
        Box::pin(async move {
            let mut conn = self.pool.get().await?;
            // `xmax = 0` on the returned row: it was inserted, not updated.
            let r = conn.query_one(PUT_FRAMEWORK, &[&id, &body, &now]).await?;
            get(&r, 0)
        })
    }

    fn add_assessment(&self, owner: Owner, new: NewAssessment) -> StoreFuture<'_, Option<Row>> {
        Box::pin(async move {
            let mut conn = self.pool.get().await?;
            match owner {
                Owner::Person(person) => {
                    let r = conn
                        .query_one(
                            ADD_FOR_PERSON,
                            &[
                                &person,
                                &new.created_at,
                                &new.framework,
                                &new.assessment,
                                &new.report,
                            ],
                        )
                        .await?;
                    Ok(Some(stored(get(&r, 0)?, person, new)))
                }
                Owner::Link(hash) => {
                    let found = conn
                        .query_opt(
                            ADD_FOR_LINK,
                            &[
                                &hash,
                                &new.framework,
                                &new.created_at,
                                &new.assessment,
                                &new.report,
                            ],
                        )
                        .await?;
                    match found {
                        Some(r) => Ok(Some(stored(get(&r, 0)?, get(&r, 1)?, new))),
                        None => Ok(None),
                    }
                }
            }
        })
    }

    fn create_link_person(
        &self,
        person: String,
        link_hash: String,
        new: NewAssessment,
    ) -> StoreFuture<'_, Row> {
        Box::pin(async move {
            let mut conn = self.pool.get().await?;
            let r = conn
                .query_one(
                    CREATE_LINK_PERSON,
                    &[
                        &person,
                        &link_hash,
                        &new.created_at,
                        &new.framework,
                        &new.assessment,
                        &new.report,
                    ],
                )
                .await?;
            Ok(stored(get(&r, 0)?, person, new))
        })
    }

    fn history(&self, owner: Owner) -> StoreFuture<'_, Option<Vec<Row>>> {
        Box::pin(async move {
            let mut conn = self.pool.get().await?;
            let rows = match &owner {
                Owner::Person(id) => conn.query(HISTORY_OF_PERSON, &[id]).await?,
                Owner::Link(hash) => conn.query(HISTORY_OF_LINK, &[hash]).await?,
            };
            let rows = rows.iter().map(row).collect::<Result<Vec<_>, _>>()?;
            // People are created with their first assessment: none means unknown.
            Ok((!rows.is_empty()).then_some(rows))
        })
    }

    fn assessment(&self, owner: Owner, id: i64) -> StoreFuture<'_, Option<Row>> {
        Box::pin(async move {
            let mut conn = self.pool.get().await?;
            let found = match &owner {
                Owner::Person(person) => conn.query_opt(ONE_OF_PERSON, &[person, &id]).await?,
                Owner::Link(hash) => conn.query_opt(ONE_OF_LINK, &[hash, &id]).await?,
            };
            found.as_ref().map(row).transpose()
        })
    }
}
