//! Configuration from flags and environment variables; a flag overrides its variable.

use std::time::Duration;

/// The `--help` text.
pub const HELP: &str = "\
skillgauge-server: the skillgauge HTTP API, its web page, stored history and progress

USAGE:
    skillgauge-server [OPTIONS]

With no options it listens on 127.0.0.1:8080, stores data in ./skillgauge.db (SQLite) and,
with no key configured, generates one read key and one admin key and prints them once.

OPTIONS (each flag overrides its environment variable):
    --listen ADDR                 Address to listen on; port 0 picks a free port
                                  [env: SKILLGAUGE_LISTEN] [default: 127.0.0.1:8080]
    --database URL                sqlite://PATH (a local file, created if missing) or
                                  postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE
                                  [env: DATABASE_URL] [default: sqlite://skillgauge.db]
    --read-key KEY                An API key that may read and assess (repeatable)
                                  [env: SKILLGAUGE_READ_KEYS, comma-separated]
    --admin-key KEY               An API key that may also change frameworks (repeatable)
                                  [env: SKILLGAUGE_ADMIN_KEYS, comma-separated]
    --max-body-bytes N            Largest request body accepted; larger gets 413
                                  [env: SKILLGAUGE_MAX_BODY_BYTES] [default: 1048576]
    --request-timeout-secs N      Longest time a request may take; longer gets 503
                                  [env: SKILLGAUGE_REQUEST_TIMEOUT_SECS] [default: 10]
    -h, --help                    Print this help
    -V, --version                 Print the version

Keys on the command line are visible to other users of the machine (ps); prefer the
environment variables. Keys are kept only as SHA-256 digests.

On start the server prints one line on stdout, `listening on http://ADDR`, and then logs one
JSON object per line on stderr. SIGINT or SIGTERM stops it gracefully.
";

/// The most a request may be allowed to take.
const MAX_TIMEOUT_SECS: u64 = 3_600;

/// What the server runs with.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// The address to listen on.
    pub listen: String,
    /// The database URL.
    pub database: String,
    /// Read keys, in clear until they are hashed at start.
    pub read_keys: Vec<String>,
    /// Admin keys, likewise.
    pub admin_keys: Vec<String>,
    /// The largest request body, in bytes.
    pub max_body_bytes: usize,
    /// The longest a request may take.
    pub request_timeout: Duration,
}

/// What the command line asks for.
#[derive(Debug, PartialEq)]
pub enum Command {
    /// Run the server.
    Run(Config),
    /// Print the help.
    Help,
    /// Print the version.
    Version,
}

/// Parses the command line (without the program name) over the environment `env`.
///
/// # Errors
/// A message naming the flag or variable at fault.
pub fn parse(
    args: impl IntoIterator<Item = String>,
    env: impl Fn(&str) -> Option<String>,
) -> Result<Command, String> {
    let mut listen = None;
    let mut database = None;
    let mut read_keys = Vec::new();
    let mut admin_keys = Vec::new();
    let mut max_body = None;
    let mut timeout = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_owned(), Some(value.to_owned()))
            }
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "--listen" => listen = Some(value("--listen")?),
            "--database" => database = Some(value("--database")?),
            "--read-key" => read_keys.push(key(&value("--read-key")?, "--read-key")?),
            "--admin-key" => admin_keys.push(key(&value("--admin-key")?, "--admin-key")?),
            "--max-body-bytes" => max_body = Some((value("--max-body-bytes")?, "--max-body-bytes")),
            "--request-timeout-secs" => {
                timeout = Some((value("--request-timeout-secs")?, "--request-timeout-secs"));
            }
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    if read_keys.is_empty() {
        read_keys = env_keys(&env, "SKILLGAUGE_READ_KEYS")?;
    }
    if admin_keys.is_empty() {
        admin_keys = env_keys(&env, "SKILLGAUGE_ADMIN_KEYS")?;
    }
    let max_body = max_body
        .or_else(|| env("SKILLGAUGE_MAX_BODY_BYTES").map(|v| (v, "SKILLGAUGE_MAX_BODY_BYTES")));
    let timeout = timeout.or_else(|| {
        env("SKILLGAUGE_REQUEST_TIMEOUT_SECS").map(|v| (v, "SKILLGAUGE_REQUEST_TIMEOUT_SECS"))
    });
    let max_body_bytes = match max_body {
        Some((v, name)) => v
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| format!("{name}: `{v}` is not a positive number of bytes"))?,
        None => 1_048_576,
    };
    let request_timeout = match timeout {
        Some((v, name)) => v
            .trim()
            .parse::<u64>()
            .ok()
            .filter(|n| (1..=MAX_TIMEOUT_SECS).contains(n))
            .map(Duration::from_secs)
            .ok_or_else(|| {
                format!("{name}: `{v}` is not a number of seconds from 1 to {MAX_TIMEOUT_SECS}")
            })?,
        None => Duration::from_secs(10),
    };
    Ok(Command::Run(Config {
        listen: listen
            .or_else(|| env("SKILLGAUGE_LISTEN"))
            .unwrap_or_else(|| "127.0.0.1:8080".to_owned()),
        database: database
            .or_else(|| env("DATABASE_URL"))
            .unwrap_or_else(|| "sqlite://skillgauge.db".to_owned()),
        read_keys,
        admin_keys,
        max_body_bytes,
        request_timeout,
    }))
}

fn key(text: &str, name: &str) -> Result<String, String> {
    let text = text.trim();
    if text.is_empty() || text.chars().any(|c| c.is_whitespace() || c.is_control()) {
        Err(format!(
            "{name}: a key is one or more characters without spaces"
        ))
    } else {
        Ok(text.to_owned())
    }
}

fn env_keys(env: &impl Fn(&str) -> Option<String>, name: &str) -> Result<Vec<String>, String> {
    env(name)
        .unwrap_or_default()
        .split(',')
        .filter(|k| !k.trim().is_empty())
        .map(|k| key(k, name))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str], env: &[(&str, &str)]) -> Result<Config, String> {
        let env: Vec<(String, String)> = env
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        match parse(args.iter().map(|s| (*s).to_owned()), |name| {
            env.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
        })? {
            Command::Run(config) => Ok(config),
            other => Err(format!("{other:?}")),
        }
    }

    #[test]
    fn defaults() {
        let config = run(&[], &[]).unwrap();
        assert_eq!(config.listen, "127.0.0.1:8080");
        assert_eq!(config.database, "sqlite://skillgauge.db");
        assert!(config.read_keys.is_empty() && config.admin_keys.is_empty());
        assert_eq!(config.max_body_bytes, 1_048_576);
        assert_eq!(config.request_timeout, Duration::from_secs(10));
    }

    #[test]
    fn flags_override_the_environment() {
        let env = [
            ("SKILLGAUGE_LISTEN", "0.0.0.0:1"),
            ("DATABASE_URL", "postgres://x@h/db"),
            ("SKILLGAUGE_READ_KEYS", "r1, r2"),
            ("SKILLGAUGE_ADMIN_KEYS", "a1"),
            ("SKILLGAUGE_MAX_BODY_BYTES", "10"),
        ];
        let config = run(&[], &env).unwrap();
        assert_eq!(config.read_keys, ["r1", "r2"]);
        assert_eq!(config.max_body_bytes, 10);
        let config = run(
            &[
                "--listen=127.0.0.1:0",
                "--read-key",
                "k",
                "--read-key",
                "l",
                "--database",
                "sqlite://x.db",
            ],
            &env,
        )
        .unwrap();
        assert_eq!(config.listen, "127.0.0.1:0");
        assert_eq!(config.read_keys, ["k", "l"]);
        assert_eq!(config.admin_keys, ["a1"]);
        assert_eq!(config.database, "sqlite://x.db");
    }

    #[test]
    fn errors_name_the_flag() {
        assert!(run(&["--listen"], &[]).unwrap_err().contains("--listen"));
        assert!(run(&["--nope"], &[]).unwrap_err().contains("--nope"));
        assert!(
            run(&["--max-body-bytes", "0"], &[])
                .unwrap_err()
                .contains("--max-body-bytes")
        );
        assert!(
            run(&["--request-timeout-secs", "x"], &[])
                .unwrap_err()
                .contains("--request-timeout-secs")
        );
        assert!(
            run(&["--read-key", " "], &[])
                .unwrap_err()
                .contains("--read-key")
        );
        assert_eq!(
            parse(["--help".to_owned()], |_| None).unwrap(),
            Command::Help
        );
    }
}
