//! Runs `skillgauge-server` as a child process on loopback and talks to it over real HTTP.
//!
//! [`Server::start`] spawns the built binary with `--listen 127.0.0.1:0`, known keys and a
//! database ([`Db::sqlite`], or [`Db::postgres`] when `SKILLGAUGE_TEST_POSTGRES_URL` is set),
//! and reads the port from its `listening on` line. The child is killed when the `Server`
//! drops, also when a test fails. Its stderr (the JSON logs) goes to a file the test can read.
//!
//! Test files include this module as `mod harness;`.
#![allow(dead_code)] // each test file uses a part

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::Value;

/// The read key every test server accepts.
pub const READ: &str = "test-read-key-7f3a9c";
/// The admin key every test server accepts.
pub const ADMIN: &str = "test-admin-key-2b8e41";

/// How long a server may take to start.
const START_TIMEOUT: Duration = Duration::from_secs(30);
/// How long any one request may take.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A unique name for this process and call: `{prefix}_{pid}_{n}_{nanos}`.
pub fn unique(prefix: &str) -> String {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    format!("{prefix}_{}_{n}_{nanos}", std::process::id())
}

/// A directory removed when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    /// A new empty directory under the system's temporary directory.
    pub fn new() -> TempDir {
        let path = std::env::temp_dir().join(unique("skillgauge-test"));
        fs::create_dir_all(&path).expect("create a temporary directory");
        TempDir(path)
    }

    /// Its path.
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// A database for one test: an SQLite file in a temporary directory, or a PostgreSQL
/// database created for the test and dropped after it.
pub struct Db {
    /// The URL the server is given.
    pub url: String,
    kind: Kind,
    dir: TempDir,
}

enum Kind {
    Sqlite,
    Postgres { admin_url: String, name: String },
}

/// The PostgreSQL server for tests, from `SKILLGAUGE_TEST_POSTGRES_URL`. Without it the
/// PostgreSQL tests fail when `CI=true` and are skipped (with a message) otherwise.
pub fn postgres_url() -> Option<String> {
    match std::env::var("SKILLGAUGE_TEST_POSTGRES_URL") {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ => {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "SKILLGAUGE_TEST_POSTGRES_URL is not set, and CI=true: the PostgreSQL tests \
                 must run in CI (e.g. postgres://skillgauge@127.0.0.1:5432/skillgauge)"
            );
            eprintln!(
                "skipped: SKILLGAUGE_TEST_POSTGRES_URL is not set, so this PostgreSQL test did not run"
            );
            None
        }
    }
}

/// `url` with its database name replaced by `name` (the query, if any, kept).
pub fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    // scheme://authority/database
    let after_scheme = base.find("://").map_or(0, |i| i + 3);
    let authority_end = base[after_scheme..]
        .find('/')
        .map_or(base.len(), |i| after_scheme + i);
    let mut out = format!("{}/{name}", &base[..authority_end]);
    if let Some(query) = query {
        out.push('?');
        out.push_str(query);
    }
    out
}

/// Runs one SQL statement against the PostgreSQL server at `url`.
fn postgres_execute(url: &str, sql: &str) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls)
            .await
            .expect("connect to SKILLGAUGE_TEST_POSTGRES_URL");
        let task = tokio::spawn(connection);
        client
            .batch_execute(sql)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e}"));
        drop(client);
        let _ = task.await;
    });
}

impl Db {
    /// A fresh SQLite file.
    pub fn sqlite() -> Db {
        let dir = TempDir::new();
        let url = format!("sqlite://{}", dir.path().join("skillgauge.db").display());
        Db {
            url,
            kind: Kind::Sqlite,
            dir,
        }
    }

    /// A fresh PostgreSQL database, or `None` (skipped) without a test server.
    pub fn postgres() -> Option<Db> {
        let admin_url = postgres_url()?;
        let name = unique("skillgauge_test");
        postgres_execute(&admin_url, &format!("CREATE DATABASE {name}"));
        Some(Db {
            url: with_database(&admin_url, &name),
            kind: Kind::Postgres { admin_url, name },
            dir: TempDir::new(),
        })
    }

    /// A directory for the test's files (logs).
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// `sqlite` or `postgres`.
    pub fn kind(&self) -> &'static str {
        match self.kind {
            Kind::Sqlite => "sqlite",
            Kind::Postgres { .. } => "postgres",
        }
    }
}

impl Drop for Db {
    fn drop(&mut self) {
        if let Kind::Postgres { admin_url, name } = &self.kind {
            // Never panic in drop: a failed cleanup leaves a database behind, no more.
            let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            let admin_url = admin_url.clone();
            let _ = std::thread::spawn(move || postgres_execute(&admin_url, &sql)).join();
        }
    }
}

/// A response.
#[derive(Debug)]
pub struct Reply {
    /// The status code.
    pub status: u16,
    /// The `Content-Type`.
    pub content_type: String,
    /// Every header, lowercase names.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: String,
}

impl Reply {
    /// The body as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// A header's value.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Asserts the status, showing the body when it differs.
    #[track_caller]
    pub fn expect(&self, status: u16) -> &Reply {
        assert_eq!(
            self.status, status,
            "unexpected status; body: {}",
            self.body
        );
        self
    }

    /// Asserts an error: status, `application/problem+json`, and the field named (if any).
    #[track_caller]
    pub fn problem(&self, status: u16, field: Option<&str>) -> Value {
        self.expect(status);
        assert_eq!(
            self.content_type, "application/problem+json",
            "{}",
            self.body
        );
        let problem = self.json();
        assert_eq!(problem["status"], status);
        assert!(problem["title"].is_string() && problem["detail"].is_string());
        assert_eq!(problem["field"].as_str(), field, "{}", self.body);
        problem
    }
}

/// An HTTP client for one server, cheap to clone and to send to another thread.
#[derive(Clone)]
pub struct Client {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    agent: ureq::Agent,
}

/// A running server; it derefs to its [`Client`].
pub struct Server {
    child: Child,
    client: Client,
    log: PathBuf,
}

impl std::ops::Deref for Server {
    type Target = Client;

    fn deref(&self) -> &Client {
        &self.client
    }
}

impl Server {
    /// Starts a server on `db` with the test keys.
    pub fn start(db: &Db) -> Server {
        Server::start_with(db, &[])
    }

    /// Starts a server on `db` with the test keys and more arguments.
    pub fn start_with(db: &Db, args: &[&str]) -> Server {
        let log = db.dir().join(unique("server") + ".log");
        let stderr = fs::File::create(&log).expect("create the log file");
        let mut child = Command::new(env!("CARGO_BIN_EXE_skillgauge-server"))
            .args(["--listen", "127.0.0.1:0", "--database", &db.url])
            .args(["--read-key", READ, "--admin-key", ADMIN])
            .args(args)
            .env_remove("DATABASE_URL")
            .env_remove("SKILLGAUGE_READ_KEYS")
            .env_remove("SKILLGAUGE_ADMIN_KEYS")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .expect("start skillgauge-server");
        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = tx.send(line);
        });
        // From here on, the child is killed however the test ends.
        let mut server = Server {
            child,
            client: Client {
                base: String::new(),
                agent: ureq::Agent::config_builder()
                    .http_status_as_error(false)
                    .allow_non_standard_methods(true)
                    .timeout_global(Some(REQUEST_TIMEOUT))
                    .build()
                    .into(),
            },
            log,
        };
        let line = rx.recv_timeout(START_TIMEOUT).unwrap_or_default();
        let Some(base) = line.trim().strip_prefix("listening on ") else {
            panic!(
                "the server did not start: {line:?}; its log:\n{}",
                server.log_text()
            );
        };
        assert!(base.starts_with("http://127.0.0.1:"), "{base}");
        base.clone_into(&mut server.client.base);
        server
    }

    /// A client of its own, for another thread.
    pub fn client(&self) -> Client {
        self.client.clone()
    }

    /// Everything the server wrote to stderr so far.
    pub fn log_text(&self) -> String {
        fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Kills the server at once (SIGKILL on Unix), as a crash would.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Stops the server with SIGTERM and waits for it, returning whether it exited cleanly.
    pub fn terminate(&mut self) -> bool {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        for _ in 0..200 {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.success();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        self.kill();
        false
    }
}

impl Client {
    /// Sends a request: `body` as JSON when given.
    pub fn request(
        &self,
        method: &str,
        path: &str,
        key: Option<&str>,
        body: Option<&str>,
    ) -> Reply {
        self.request_typed(method, path, key, body.map(|b| ("application/json", b)))
    }

    /// Sends a request with a body of any content type.
    pub fn request_typed(
        &self,
        method: &str,
        path: &str,
        key: Option<&str>,
        body: Option<(&str, &str)>,
    ) -> Reply {
        let authorization = key.map(|k| format!("Bearer {k}"));
        let mut headers = Vec::new();
        if let Some(value) = &authorization {
            headers.push(("Authorization", value.as_str()));
        }
        if let Some((content_type, _)) = body {
            headers.push(("Content-Type", content_type));
        }
        self.send(method, path, &headers, body.map(|(_, b)| b))
    }

    /// Sends a request with exactly these headers.
    pub fn send(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<&str>,
    ) -> Reply {
        self.try_send(method, path, headers, body)
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"))
    }

    /// Sends a request with exactly these headers; an error when no answer comes.
    pub fn try_send(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<&str>,
    ) -> Result<Reply, String> {
        let mut builder = ureq::http::Request::builder()
            .method(method)
            .uri(format!("{}{path}", self.base));
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        let result = match body {
            Some(body) => self
                .agent
                .run(builder.body(body.to_owned()).expect("a request")),
            None => self.agent.run(builder.body(()).expect("a request")),
        };
        let mut response = result.map_err(|e| e.to_string())?;
        let headers: Vec<(String, String)> = response
            .headers()
            .iter()
            .map(|(n, v)| (n.as_str().to_owned(), v.to_str().unwrap_or("").to_owned()))
            .collect();
        let body = response
            .body_mut()
            .with_config()
            .limit(256 * 1024 * 1024)
            .read_to_string()
            .map_err(|e| format!("reading the body: {e}"))?;
        let content_type = headers
            .iter()
            .find(|(n, _)| n == "content-type")
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        Ok(Reply {
            status: response.status().as_u16(),
            content_type,
            headers,
            body,
        })
    }

    /// `GET path` with `key`.
    pub fn get(&self, path: &str, key: Option<&str>) -> Reply {
        self.request("GET", path, key, None)
    }

    /// `POST path` with a JSON body and `key`.
    pub fn post(&self, path: &str, key: Option<&str>, body: &str) -> Reply {
        self.request("POST", path, key, Some(body))
    }

    /// `PUT path` with a JSON body and `key`.
    pub fn put(&self, path: &str, key: Option<&str>, body: &str) -> Reply {
        self.request("PUT", path, key, Some(body))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Runs a test body against SQLite and against PostgreSQL, as `sqlite::NAME` and
/// `postgres::NAME`; each gets a fresh database.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[test]
                fn $name() {
                    super::$name(&$crate::harness::Db::sqlite());
                }
            )*
        }
        mod postgres {
            $(
                #[test]
                fn $name() {
                    if let Some(db) = $crate::harness::Db::postgres() {
                        super::$name(&db);
                    }
                }
            )*
        }
    };
}
