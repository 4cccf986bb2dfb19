//! A bounded load generator for a running `skillgauge-server`, on loopback only.
//!
//! ```text
//! cargo run --release --features server --example loadtest -- \
//!     --url http://127.0.0.1:8080 --key READ_KEY --seconds 10 --concurrency 8 --mode assess
//! ```
//!
//! It starts nothing itself. Each of `--concurrency` threads keeps one keep-alive
//! connection and sends requests back to back for `--seconds` (at most 60): `--mode assess`
//! posts to the stateless `/v1/assess`, `--mode store` stores assessments for 50 people per
//! thread (`/v1/people/{person}/assessments`). It prints requests per second, the p50 and p99
//! latency and the number of errors, and exits with 1 when there was any error. Only
//! loopback addresses (127.0.0.0/8, `localhost`, `[::1]`) are accepted as targets.

use std::net::{IpAddr, Ipv6Addr};
use std::process::ExitCode;
use std::thread;
use std::time::{Duration, Instant};

const USAGE: &str = "usage: loadtest --url http://127.0.0.1:PORT --key KEY [--seconds N (1-60, default 10)] \
                     [--concurrency N (1-256, default 8)] [--mode assess|store (default assess)]";

/// The longest run allowed.
const MAX_SECONDS: u64 = 60;

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Assess,
    Store,
}

struct Options {
    base: String,
    key: String,
    seconds: u64,
    concurrency: usize,
    mode: Mode,
}

fn parse(args: impl Iterator<Item = String>) -> Result<Options, String> {
    let (mut url, mut key, mut seconds, mut concurrency, mut mode) =
        (None, None, 10, 8, Mode::Assess);
    let mut args = args.peekable();
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--url" => url = Some(value()?),
            "--key" => key = Some(value()?),
            "--seconds" => {
                seconds = value()?
                    .parse()
                    .ok()
                    .filter(|s| (1..=MAX_SECONDS).contains(s))
                    .ok_or(format!("--seconds is a number from 1 to {MAX_SECONDS}"))?;
            }
            "--concurrency" => {
                concurrency = value()?
                    .parse()
                    .ok()
                    .filter(|c| (1..=256).contains(c))
                    .ok_or("--concurrency is a number from 1 to 256")?;
            }
            "--mode" => {
                mode = match value()?.as_str() {
                    "assess" => Mode::Assess,
                    "store" => Mode::Store,
                    other => return Err(format!("unknown mode `{other}`: assess or store")),
                };
            }
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    let url = url.ok_or("--url is required")?;
    let base = url.trim_end_matches('/').to_owned();
    check_loopback(&base)?;
    Ok(Options {
        base,
        key: key.ok_or("--key is required")?,
        seconds,
        concurrency,
        mode,
    })
}

/// Refuses any target but this machine's loopback.
fn check_loopback(base: &str) -> Result<(), String> {
    let rest = base
        .strip_prefix("http://")
        .ok_or("--url must start with http://")?;
    let authority = rest.split('/').next().unwrap_or_default();
    let host = if let Some(v6) = authority.strip_prefix('[') {
        v6.split(']').next().unwrap_or_default()
    } else {
        authority.split(':').next().unwrap_or_default()
    };
    let loopback = host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<IpAddr>()
            .is_ok_and(|ip| ip.is_loopback() || ip == IpAddr::V6(Ipv6Addr::LOCALHOST));
    if loopback {
        Ok(())
    } else {
        Err(format!(
            "refusing `{host}`: the load generator only targets loopback (127.0.0.1, localhost, [::1])"
        ))
    }
}

/// Assessment bodies that differ, so the server does not see one request over and over.
fn bodies() -> Vec<String> {
    const NAMES: [&str; 6] = [
        "none",
        "novice",
        "advanced_beginner",
        "competent",
        "proficient",
        "expert",
    ];
    (0..24)
        .map(|i: usize| {
            let r = |k: usize| NAMES[(i + k * 5) % 6];
            format!(
                r#"{{"ratings":{{"programming-languages":"{}","databases-data-modeling":"{}","apis-integration":"{}","security":{{"proficiency":"{}","confidence":"medium"}},"problem-solving-debugging":"{}","attention-to-detail":"{}","communication":"{}"}},"experience_years":{},"preferences":{{"hours_per_week":{},"deadline_weeks":52}}}}"#,
                r(0),
                r(1),
                r(2),
                r(3),
                r(4),
                r(5),
                r(6),
                i % 8,
                5 + i % 20,
            )
        })
        .collect()
}

/// One worker's results: latencies in microseconds, and errors.
struct Tally {
    micros: Vec<u32>,
    errors: u64,
    first_error: Option<String>,
}

fn worker(options: &Options, id: usize, deadline: Instant, bodies: &[String]) -> Tally {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(10)))
        .max_idle_connections_per_host(1)
        .build()
        .into();
    let authorization = format!("Bearer {}", options.key);
    let mut tally = Tally {
        micros: Vec::with_capacity(1 << 16),
        errors: 0,
        first_error: None,
    };
    let mut n = 0usize;
    while Instant::now() < deadline {
        let body = &bodies[(id * 7 + n) % bodies.len()];
        let (url, expected) = match options.mode {
            Mode::Assess => (format!("{}/v1/assess", options.base), 200),
            Mode::Store => (
                format!(
                    "{}/v1/people/load-{id}-{}/assessments",
                    options.base,
                    n % 50
                ),
                201,
            ),
        };
        let start = Instant::now();
        let outcome = agent
            .post(&url)
            .header("Authorization", &authorization)
            .header("Content-Type", "application/json")
            .send(body.as_str())
            .map_err(|e| e.to_string())
            .and_then(|mut response| {
                let status = response.status().as_u16();
                // Read the whole answer: the latency is the time to the last byte.
                let text = response
                    .body_mut()
                    .with_config()
                    .limit(16 * 1024 * 1024)
                    .read_to_string()
                    .map_err(|e| e.to_string())?;
                if status == expected {
                    Ok(())
                } else {
                    Err(format!(
                        "status {status}: {}",
                        text.chars().take(200).collect::<String>()
                    ))
                }
            });
        let micros = u32::try_from(start.elapsed().as_micros()).unwrap_or(u32::MAX);
        match outcome {
            Ok(()) => tally.micros.push(micros),
            Err(e) => {
                tally.errors += 1;
                tally.first_error.get_or_insert(e);
            }
        }
        n += 1;
    }
    tally
}

/// The quantile of sorted values at `per_mille` (500 is the median), in milliseconds:
/// the smallest value with at least that share of the values at or below it.
fn quantile_ms(sorted: &[u32], per_mille: usize) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = (per_mille * sorted.len()).div_ceil(1000);
    let at = rank.clamp(1, sorted.len()) - 1;
    f64::from(sorted[at]) / 1000.0
}

fn main() -> ExitCode {
    let options = match parse(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("loadtest: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let bodies = bodies();
    let started = Instant::now();
    let deadline = started + Duration::from_secs(options.seconds);
    let tallies: Vec<Tally> = thread::scope(|scope| {
        let handles: Vec<_> = (0..options.concurrency)
            .map(|id| {
                let (options, bodies) = (&options, &bodies);
                scope.spawn(move || worker(options, id, deadline, bodies))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join().unwrap_or(Tally {
                    micros: Vec::new(),
                    errors: 1,
                    first_error: Some("a worker thread panicked".into()),
                })
            })
            .collect()
    });
    let elapsed = started.elapsed().as_secs_f64();
    let mut micros: Vec<u32> = tallies
        .iter()
        .flat_map(|t| t.micros.iter().copied())
        .collect();
    micros.sort_unstable();
    let errors: u64 = tallies.iter().map(|t| t.errors).sum();
    let ok = micros.len();
    let mode = match options.mode {
        Mode::Assess => "assess (POST /v1/assess)",
        Mode::Store => "store (POST /v1/people/{person}/assessments)",
    };
    println!("mode:         {mode}");
    println!("concurrency:  {}", options.concurrency);
    println!("duration:     {elapsed:.1} s");
    println!("requests:     {ok} ok, {errors} errors");
    println!("throughput:   {:.0} requests/s", ok as f64 / elapsed);
    println!(
        "latency:      p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        quantile_ms(&micros, 500),
        quantile_ms(&micros, 990),
        quantile_ms(&micros, 1000)
    );
    if let Some(first) = tallies.iter().find_map(|t| t.first_error.as_ref()) {
        println!("first error:  {first}");
    }
    if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback() {
        for ok in [
            "http://127.0.0.1:8080",
            "http://127.1.2.3",
            "http://localhost:1/",
            "http://[::1]:8080",
        ] {
            assert!(check_loopback(ok).is_ok(), "{ok}");
        }
        for bad in [
            "http://10.0.0.1:8080",
            "http://example.com",
            "https://127.0.0.1",
            "http://192.168.1.1",
            "http://[::2]:1",
        ] {
            assert!(check_loopback(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn quantiles() {
        let sorted: Vec<u32> = (1..=100).map(|i| i * 1000).collect();
        assert!((quantile_ms(&sorted, 500) - 50.0).abs() < 1e-9);
        assert!((quantile_ms(&sorted, 990) - 99.0).abs() < 1e-9);
        assert!((quantile_ms(&sorted, 1000) - 100.0).abs() < 1e-9);
    }
}
