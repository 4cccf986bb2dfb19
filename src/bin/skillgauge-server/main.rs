//! `skillgauge-server`: the skillgauge HTTP API for job boards and coaching backends, with
//! OpenAPI, stored history, progress over time and a web questionnaire.
//!
//! `cargo run --features server --bin skillgauge-server` listens on 127.0.0.1:8080 with the
//! built-in framework and an SQLite file in the working directory; `--help` lists the
//! configuration. The server uses only the public API of the `skillgauge` library.
//!
//! The modules, in the order a request meets them: [`config`] and this file (start and
//! stop), [`log`] (one JSON line per request), [`auth`] (API keys and person links),
//! [`api`] (routes, limits and the stateless handlers), [`people`] (stored assessments,
//! history, progress, links), [`model`] (request and response bodies), [`problem`]
//! (errors), [`store`] (SQLite and PostgreSQL), [`openapi`] and [`web`].

#![forbid(unsafe_code)]

mod api;
mod auth;
mod config;
mod log;
mod model;
mod openapi;
mod people;
mod problem;
mod store;
mod web;

use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use axum::serve::ListenerExt;
use tokio::net::TcpListener;
use tokio::sync::Notify;

use crate::auth::Keys;
use crate::config::{Command, Config, HELP};

/// How long shutdown waits for requests in flight.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

fn main() -> ExitCode {
    let config = match config::parse(std::env::args().skip(1), |name| std::env::var(name).ok()) {
        Ok(Command::Run(config)) => config,
        Ok(Command::Help) => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Ok(Command::Version) => {
            println!("skillgauge-server {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!(
                "skillgauge-server: {message}\nRun `skillgauge-server --help` for the options."
            );
            return ExitCode::from(2);
        }
    };
    log::init();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("skillgauge-server: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            tracing::error!(error = message.as_str(), "stopped");
            eprintln!("skillgauge-server: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The keys from the configuration; with none, a read key and an admin key made for this
/// run and printed once on stderr.
fn keys(config: &Config) -> Result<Keys, String> {
    if !(config.read_keys.is_empty() && config.admin_keys.is_empty()) {
        return Ok(Keys::new(
            config.read_keys.iter().map(String::as_str),
            config.admin_keys.iter().map(String::as_str),
        ));
    }
    let fresh = || auth::random_hex(16).map_err(|e| format!("cannot generate a key: {e}"));
    let (read, admin) = (fresh()?, fresh()?);
    eprintln!(
        "No API key is configured, so these were generated for this run only (set \
         SKILLGAUGE_READ_KEYS and SKILLGAUGE_ADMIN_KEYS to keep your own):\n  read key:  \
         {read}\n  admin key: {admin}"
    );
    Ok(Keys::new([read.as_str()], [admin.as_str()]))
}

async fn run(config: Config) -> Result<(), String> {
    let keys = keys(&config)?;
    let store = store::open(&config.database)
        .await
        .map_err(|e| format!("cannot open the database: {e}"))?;
    let database = if config.database.starts_with("sqlite") {
        "sqlite"
    } else {
        "postgres"
    };
    let shared = api::Shared::new(store, config.max_body_bytes)
        .await
        .map_err(|e| format!("cannot load the stored frameworks: {e}"))?;
    let app = api::router(Arc::new(shared), Arc::new(keys), config.request_timeout);
    let listener = TcpListener::bind(&config.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.listen))?;
    let address = listener
        .local_addr()
        .map_err(|e| format!("cannot read the address listened on: {e}"))?;
    // The one line on stdout: tests and scripts read the port from it.
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "listening on http://{address}");
    let _ = stdout.flush();
    drop(stdout);
    tracing::info!(
        address = %address,
        database,
        max_body_bytes = config.max_body_bytes,
        request_timeout_secs = config.request_timeout.as_secs(),
        "listening"
    );

    let listener = listener.tap_io(|tcp| {
        // Small JSON answers go out at once rather than waiting on Nagle's algorithm.
        let _ = tcp.set_nodelay(true);
    });
    let stop = Arc::new(Notify::new());
    let server = axum::serve(listener, app).with_graceful_shutdown({
        let stop = Arc::clone(&stop);
        async move { stop.notified().await }
    });
    let server = server.into_future();
    tokio::pin!(server);
    tokio::select! {
        result = &mut server => return result.map_err(|e| format!("the server failed: {e}")),
        () = shutdown_signal() => {}
    }
    tracing::info!("shutting down");
    stop.notify_one();
    if let Ok(result) = tokio::time::timeout(SHUTDOWN_GRACE, server).await {
        result.map_err(|e| format!("the server failed: {e}"))?;
    } else {
        tracing::warn!(
            grace_secs = SHUTDOWN_GRACE.as_secs(),
            "requests still in flight were dropped"
        );
    }
    tracing::info!("stopped");
    Ok(())
}

/// SIGINT (Ctrl-C) or SIGTERM.
async fn shutdown_signal() {
    let interrupt = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}
