//! Structured logs: one JSON object per line on stderr.
//!
//! A request is logged by its method, its route *template* (`/v1/people/{person}/assessments`,
//! never the path with the person in it), its status and its latency. Nothing else about a
//! request is logged: no path, no query, no header, no body.

use std::fmt;
use std::io::Write;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use axum::extract::{MatchedPath, Request};
use axum::middleware::Next;
use axum::response::Response;
use serde_json::{Map, Value};
use tracing::field::{Field, Visit};
use tracing::level_filters::LevelFilter;
use tracing::{Event, Subscriber};
use tracing_subscriber::Layer;
use tracing_subscriber::layer::{Context, SubscriberExt};
use tracing_subscriber::util::SubscriberInitExt;

/// Installs the JSON-lines logger for events at `INFO` and above.
pub fn init() {
    // Fails only when a logger is already installed, which then keeps logging.
    let _ = tracing_subscriber::registry()
        .with(LevelFilter::INFO)
        .with(JsonLines)
        .try_init();
}

/// Writes each event as `{"time", "level", "message", ...fields}` on stderr.
struct JsonLines;

impl<S: Subscriber> Layer<S> for JsonLines {
    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        let mut fields = Fields(Map::new());
        event.record(&mut fields);
        let since = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default();
        // Both are plain ASCII without quotes: no escaping needed.
        let mut line = format!(
            r#"{{"time":"{}","level":"{}"}}"#,
            crate::store::rfc3339(since.as_secs(), since.subsec_millis()),
            event.metadata().level().as_str().to_ascii_lowercase(),
        )
        .into_bytes();
        let Ok(rest) = serde_json::to_vec(&Value::Object(fields.0)) else {
            return;
        };
        // `time` and `level` first, then the event's fields: `{"time":…,"level":…,"route":…}`.
        if rest.len() > 2 {
            line.pop();
            line.push(b',');
            line.extend_from_slice(rest.get(1..).unwrap_or_default());
        }
        line.push(b'\n');
        // A log line that cannot be written is dropped: logging never fails a request.
        let _ = std::io::stderr().lock().write_all(&line);
    }
}

/// An event's fields as JSON values.
struct Fields(Map<String, Value>);

impl Visit for Fields {
    fn record_f64(&mut self, field: &Field, value: f64) {
        self.0.insert(field.name().into(), value.into());
    }

    fn record_i64(&mut self, field: &Field, value: i64) {
        self.0.insert(field.name().into(), value.into());
    }

    fn record_u64(&mut self, field: &Field, value: u64) {
        self.0.insert(field.name().into(), value.into());
    }

    fn record_bool(&mut self, field: &Field, value: bool) {
        self.0.insert(field.name().into(), value.into());
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().into(), value.into());
    }

    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        self.0
            .insert(field.name().into(), format!("{value:?}").into());
    }
}

/// Middleware that logs every request: method, route template, status, latency.
pub async fn requests(request: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = request.method().clone();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "(no route)".to_owned(), |p| p.as_str().to_owned());
    let response = next.run(request).await;
    let micros = u64::try_from(start.elapsed().as_micros()).unwrap_or(u64::MAX);
    tracing::info!(
        method = method.as_str(),
        route = route.as_str(),
        status = response.status().as_u16(),
        latency_ms = micros as f64 / 1000.0,
        "request"
    );
    response
}
