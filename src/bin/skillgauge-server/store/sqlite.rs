//! The SQLite backend: one file, WAL mode, `synchronous = FULL`.
//!
//! SQLite has one writer at a time, so writes go to one writer thread that owns the write
//! connection. It commits them in groups: it takes every write waiting (up to
//! [`MAX_GROUP`]), runs each in a savepoint of one transaction (a failing write is rolled
//! back alone), commits once, and only then answers each. An answer still means the write is
//! on disk; the disk is synced once per group instead of once per write. Reads use a small
//! pool of read-only connections, which WAL lets run beside the writer, on tokio's blocking
//! pool (rusqlite is blocking).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError, mpsc};

use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior, params};
use tokio::sync::oneshot;

use super::{MIGRATIONS, NewAssessment, Owner, Row, Store, StoreError, StoreFuture};

/// Idle read connections kept open.
const READERS: usize = 4;

/// The most writes committed together.
const MAX_GROUP: usize = 256;

/// Milliseconds a connection waits for a lock before giving up.
const BUSY_TIMEOUT_MS: u64 = 5_000;

/// What the writer thread calls once the group's commit is known: it answers the caller.
type Finish = Box<dyn FnOnce(Result<(), StoreError>) + Send>;

/// A write: run inside the group's transaction, it returns how to answer.
type Job = Box<dyn FnOnce(&Connection) -> Finish + Send>;

/// An SQLite database file.
pub struct Sqlite {
    jobs: Mutex<mpsc::Sender<Job>>,
    readers: Arc<Readers>,
}

struct Readers {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
}

fn err(e: &rusqlite::Error) -> StoreError {
    StoreError(format!("sqlite: {e}"))
}

fn joined(e: &tokio::task::JoinError) -> StoreError {
    StoreError(format!("sqlite task: {e}"))
}

impl Sqlite {
    /// Opens (creating if needed) the file at `path`, migrates it and starts its writer.
    ///
    /// # Errors
    /// When the file cannot be opened, is not an SQLite database, or a migration fails.
    pub async fn open(path: PathBuf) -> Result<Sqlite, StoreError> {
        let writer_path = path.clone();
        let writer = tokio::task::spawn_blocking(move || {
            let mut writer = connect(&writer_path, false).map_err(|e| err(&e))?;
            migrate(&mut writer).map_err(|e| err(&e))?;
            Ok::<_, StoreError>(writer)
        })
        .await
        .map_err(|e| joined(&e))??;
        let (jobs, queue) = mpsc::channel();
        std::thread::Builder::new()
            .name("sqlite-writer".into())
            .spawn(move || write_groups(&writer, &queue))
            .map_err(|e| StoreError(format!("sqlite: cannot start the writer: {e}")))?;
        Ok(Sqlite {
            jobs: Mutex::new(jobs),
            readers: Arc::new(Readers {
                path,
                idle: Mutex::new(Vec::new()),
            }),
        })
    }

    /// Runs `f` in the writer's next group and answers once that group has committed.
    async fn write<T, F>(&self, f: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> rusqlite::Result<T> + Send + 'static,
    {
        let (answer, answered) = oneshot::channel::<Result<T, StoreError>>();
        let job: Job = Box::new(move |conn| {
            let result = in_savepoint(conn, f);
            Box::new(move |commit: Result<(), StoreError>| {
                // The caller may have gone (a timeout): nobody to answer.
                let _ = answer.send(commit.and(result));
            })
        });
        self.jobs
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .send(job)
            .map_err(|_| StoreError("sqlite: the writer has stopped".into()))?;
        answered
            .await
            .map_err(|_| StoreError("sqlite: the writer dropped the write".into()))?
    }

    /// Runs `f` on a read-only connection from the pool.
    async fn read<T, F>(&self, f: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> rusqlite::Result<T> + Send + 'static,
    {
        let readers = Arc::clone(&self.readers);
        tokio::task::spawn_blocking(move || {
            let pooled = readers
                .idle
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .pop();
            let conn = match pooled {
                Some(conn) => conn,
                None => connect(&readers.path, true).map_err(|e| err(&e))?,
            };
            let result = f(&conn).map_err(|e| err(&e));
            let mut idle = readers.idle.lock().unwrap_or_else(PoisonError::into_inner);
            if idle.len() < READERS {
                idle.push(conn);
            }
            result
        })
        .await
        .map_err(|e| joined(&e))?
    }
}

/// Runs `f` in a savepoint: kept when it succeeds, rolled back alone when it fails.
fn in_savepoint<T>(
    conn: &Connection,
    f: impl FnOnce(&Connection) -> rusqlite::Result<T>,
) -> Result<T, StoreError> {
    conn.execute_batch("SAVEPOINT write").map_err(|e| err(&e))?;
    match f(conn) {
        Ok(value) => {
            conn.execute_batch("RELEASE write").map_err(|e| err(&e))?;
            Ok(value)
        }
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK TO write; RELEASE write");
            Err(err(&e))
        }
    }
}

/// The writer thread: commits the writes waiting, in groups, until the store is dropped.
fn write_groups(conn: &Connection, queue: &mpsc::Receiver<Job>) {
    while let Ok(first) = queue.recv() {
        let mut group = vec![first];
        while group.len() < MAX_GROUP {
            match queue.try_recv() {
                Ok(job) => group.push(job),
                Err(_) => break,
            }
        }
        if let Err(e) = conn.execute_batch("BEGIN IMMEDIATE") {
            let e = err(&e);
            tracing::error!(error = %e, "sqlite: cannot begin a write");
            // Dropping the jobs answers each caller with an error.
            continue;
        }
        let finishes: Vec<Finish> = group.into_iter().map(|job| job(conn)).collect();
        let commit = conn.execute_batch("COMMIT").map_err(|e| err(&e));
        if commit.is_err() {
            let _ = conn.execute_batch("ROLLBACK");
        }
        for finish in finishes {
            finish(commit.clone());
        }
    }
}

/// Opens a connection with the settings every connection needs.
fn connect(path: &Path, read_only: bool) -> rusqlite::Result<Connection> {
    let flags = if read_only {
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
    } else {
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
    };
    let conn = Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(std::time::Duration::from_millis(BUSY_TIMEOUT_MS))?;
    if !read_only {
        // WAL lets readers run beside the writer; FULL syncs the log on every commit, so
        // an acknowledged write survives a crash of the process or of the machine.
        conn.pragma_update(None, "journal_mode", "WAL")?;
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(conn)
}

/// Applies the migrations not yet recorded in `schema_migrations`.
fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    conn.execute_batch(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at TEXT NOT NULL
        )",
    )?;
    for migration in MIGRATIONS {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let done: Option<i64> = tx
            .query_row(
                "SELECT version FROM schema_migrations WHERE version = ?1",
                [migration.version],
                |r| r.get(0),
            )
            .optional()?;
        if done.is_none() {
            tx.execute_batch(migration.sqlite)?;
            tx.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)",
                params![migration.version, migration.name, super::now_rfc3339()],
            )?;
        }
        tx.commit()?;
    }
    Ok(())
}

const SELECT_ROW: &str = "SELECT a.id, a.person, a.created_at, a.framework, a.assessment, a.report
     FROM assessments a JOIN people p ON p.id = a.person";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok(Row {
        id: r.get(0)?,
        person: r.get(1)?,
        created_at: r.get(2)?,
        framework: r.get(3)?,
        assessment: r.get(4)?,
        report: r.get(5)?,
    })
}

/// The `WHERE` condition for an owner, with `?1` its key.
fn owner_filter(owner: &Owner) -> (&'static str, &str) {
    match owner {
        Owner::Person(id) => ("p.id = ?1", id),
        Owner::Link(hash) => ("p.link_hash = ?1", hash),
    }
}

fn insert(tx: &Connection, person: String, new: NewAssessment) -> rusqlite::Result<Row> {
    tx.prepare_cached(
        "INSERT INTO assessments (person, framework, created_at, assessment, report)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        person,
        new.framework,
        new.created_at,
        new.assessment,
        new.report
    ])?;
    Ok(Row {
        id: tx.last_insert_rowid(),
        person,
        created_at: new.created_at,
        framework: new.framework,
        assessment: new.assessment,
        report: new.report,
    })
}

impl Store for Sqlite {
    fn ping(&self) -> StoreFuture<'_, ()> {
        Box::pin(self.read(|c| c.query_row("SELECT 1", [], |_| Ok(()))))
    }

    fn frameworks(&self) -> StoreFuture<'_, Vec<(String, String)>> {
        Box::pin(self.read(|c| {
            c.prepare("SELECT id, body FROM frameworks ORDER BY id")?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect()
        }))
    }

    fn put_framework(&self, id: String, body: String, now: String) -> StoreFuture<'_, bool> {
        Box::pin(self.write(move |tx| {
            let existed = tx
                .query_row("SELECT 1 FROM frameworks WHERE id = ?1", [&id], |_| Ok(()))
                .optional()?
                .is_some();
            tx.execute(
                "INSERT INTO frameworks (id, body, updated_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
                params![id, body, now],
            )?;
            Ok(!existed)
        }))
    }

    fn add_assessment(&self, owner: Owner, new: NewAssessment) -> StoreFuture<'_, Option<Row>> {
        Box::pin(self.write(move |tx| {
            let person = match owner {
                Owner::Person(id) => {
                    tx.prepare_cached(
                        "INSERT INTO people (id, created_at) VALUES (?1, ?2)
                         ON CONFLICT (id) DO NOTHING",
                    )?
                    .execute(params![id, new.created_at])?;
                    id
                }
                Owner::Link(hash) => {
                    let found = tx
                        .prepare_cached("SELECT id FROM people WHERE link_hash = ?1")?
                        .query_row([hash], |r| r.get(0))
                        .optional()?;
                    match found {
                        Some(id) => id,
                        None => return Ok(None),
                    }
                }
            };
            insert(tx, person, new).map(Some)
        }))
    }

    fn create_link_person(
        &self,
        person: String,
        link_hash: String,
        new: NewAssessment,
    ) -> StoreFuture<'_, Row> {
        Box::pin(self.write(move |tx| {
            tx.execute(
                "INSERT INTO people (id, link_hash, created_at) VALUES (?1, ?2, ?3)",
                params![person, link_hash, new.created_at],
            )?;
            insert(tx, person, new)
        }))
    }

    fn history(&self, owner: Owner) -> StoreFuture<'_, Option<Vec<Row>>> {
        Box::pin(self.read(move |c| {
            let (filter, key) = owner_filter(&owner);
            let rows: Vec<Row> = c
                .prepare_cached(&format!("{SELECT_ROW} WHERE {filter} ORDER BY a.id"))?
                .query_map([key], row)?
                .collect::<rusqlite::Result<_>>()?;
            // People are created with their first assessment: none means unknown.
            Ok((!rows.is_empty()).then_some(rows))
        }))
    }

    fn assessment(&self, owner: Owner, id: i64) -> StoreFuture<'_, Option<Row>> {
        Box::pin(self.read(move |c| {
            let (filter, key) = owner_filter(&owner);
            c.prepare_cached(&format!("{SELECT_ROW} WHERE {filter} AND a.id = ?2"))?
                .query_row(params![key, id], row)
                .optional()
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new(n: usize) -> NewAssessment {
        NewAssessment {
            framework: "f".into(),
            assessment: format!("{{\"n\":{n}}}"),
            report: "{}".into(),
            created_at: "2025-01-01T00:00:00.000Z".into(),
        }
    }

    /// A failing write in a group is rolled back alone; the others commit and are answered.
    #[test]
    fn group_commits_keep_each_write_apart() {
        let dir = std::env::temp_dir().join(format!("skillgauge-sqlite-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let runtime = tokio::runtime::Runtime::new().unwrap();
        runtime.block_on(async {
            let store = Arc::new(Sqlite::open(dir.join("t.db")).await.unwrap());
            let mut tasks = Vec::new();
            for n in 0..40 {
                let store = Arc::clone(&store);
                tasks.push(tokio::spawn(async move {
                    if n % 10 == 0 {
                        // The same person created twice: every one after the first fails.
                        store
                            .create_link_person("link:dup".into(), format!("h{n}"), new(n))
                            .await
                            .map(|_| ())
                    } else {
                        store
                            .add_assessment(Owner::Person(format!("p{}", n % 3)), new(n))
                            .await
                            .map(|_| ())
                    }
                }));
            }
            let mut failed = 0;
            for task in tasks {
                if task.await.unwrap().is_err() {
                    failed += 1;
                }
            }
            assert_eq!(failed, 3);
            let mut stored = 0;
            for p in 0..3 {
                stored += store
                    .history(Owner::Person(format!("p{p}")))
                    .await
                    .unwrap()
                    .unwrap()
                    .len();
            }
            assert_eq!(stored, 36);
            let mut linked = 0;
            for n in [0, 10, 20, 30] {
                let rows = store.history(Owner::Link(format!("h{n}"))).await.unwrap();
                linked += rows.map_or(0, |r| r.len());
            }
            assert_eq!(linked, 1);
        });
        let _ = std::fs::remove_dir_all(&dir);
    }
}
