//! Assess a self-assessment against a framework and print the report.
//!
//! ```text
//! cargo run --example assess                          # the built-in sample profile
//! cargo run --example assess -- me.json --markdown    # your own assessment
//! cargo run --example assess -- --framework examples/data/two-tracks.toml examples/data/two-tracks-assessment.json
//! ```
//!
//! Bad input never panics: it prints one line naming the file, the field and, where the
//! parser knows them, the line and column, and exits with status 1 (2 for bad arguments).
use std::fs::File;
use std::io::{self, Read, Write};
use std::process::ExitCode;

use skillgauge::Framework;
use skillgauge::limits::MAX_INPUT_BYTES;

const HELP: &str = "\
assess: rate yourself against a career framework and get a readiness level and a plan

USAGE:
    cargo run --example assess -- [FILE.json] [--json | --markdown] [--framework FILE]

ARGS:
    FILE.json           an assessment (see README, \"The JSON contract\"); without it,
                        a built-in sample profile (a graduate, examples/data/graduate.json)

OPTIONS:
    --json              print the report as JSON
    --markdown          print the report as Markdown
    --framework FILE    assess against this framework (.toml or .json) instead of the
                        built-in Backend Developer framework
    -h, --help          print this help
";

/// The built-in sample: a graduate, ready for entry level.
const SAMPLE: &str = include_str!("data/graduate.json");

enum Output {
    Text,
    Json,
    Markdown,
}

struct Args {
    assessment: Option<String>,
    framework: Option<String>,
    output: Output,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Option<Args>, String> {
    let mut parsed = Args {
        assessment: None,
        framework: None,
        output: Output::Text,
    };
    let mut iter = args.into_iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--json" | "--markdown" => {
                if !matches!(parsed.output, Output::Text) {
                    return Err("choose one of --json and --markdown".to_owned());
                }
                parsed.output = if arg == "--json" {
                    Output::Json
                } else {
                    Output::Markdown
                };
            }
            "--framework" => match iter.next() {
                Some(file) if !file.starts_with('-') => {
                    if parsed.framework.replace(file).is_some() {
                        return Err("give --framework at most once".to_owned());
                    }
                }
                _ => return Err("--framework needs a file".to_owned()),
            },
            flag if flag.starts_with('-') => {
                return Err(format!("unknown option {flag} (try --help)"));
            }
            file => {
                if parsed.assessment.replace(file.to_owned()).is_some() {
                    return Err("give at most one assessment file (try --help)".to_owned());
                }
            }
        }
    }
    Ok(Some(parsed))
}

/// Reads a file as UTF-8 text, never more than the library's input limit: a huge or endless
/// file (`/dev/zero`) is refused at the limit instead of filling memory.
///
/// The example reads the text itself, rather than using `Assessment::from_path`, so that
/// `Framework::assess_json` can point errors found against the framework (an unknown skill,
/// a target level the framework lacks) at their line and column.
fn read_text(path: &str) -> Result<String, String> {
    let cannot = |e: io::Error| format!("{path}: cannot read the file: {e}");
    let limit = u64::try_from(MAX_INPUT_BYTES).unwrap_or(u64::MAX);
    let mut bytes = Vec::new();
    File::open(path)
        .and_then(|file| file.take(limit.saturating_add(1)).read_to_end(&mut bytes))
        .map_err(cannot)?;
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(format!(
            "{path}: input is more than the limit of {MAX_INPUT_BYTES} bytes"
        ));
    }
    String::from_utf8(bytes).map_err(|_| format!("{path}: cannot read the file: not UTF-8 text"))
}

fn run(args: &Args) -> Result<String, String> {
    // `Framework::from_path` names the file in its errors.
    let custom;
    let framework = match &args.framework {
        Some(path) => {
            custom = Framework::from_path(path).map_err(|e| format!("framework {e}"))?;
            &custom
        }
        None => Framework::backend_developer(),
    };
    let report = match &args.assessment {
        Some(path) => {
            let text = read_text(path).map_err(|e| format!("assessment {e}"))?;
            framework
                .assess_json(&text)
                .map_err(|e| format!("assessment {path}: {e}"))?
        }
        None if args.framework.is_some() => {
            return Err("with --framework, give an assessment file for that framework".to_owned());
        }
        None => framework
            .assess_json(SAMPLE)
            .map_err(|e| format!("built-in sample: {e}"))?,
    };
    Ok(match args.output {
        Output::Text => report.to_string(),
        Output::Json => report.to_json() + "\n",
        Output::Markdown => report.to_markdown(),
    })
}

/// Writes to standard output; a closed pipe (`| head`) ends the program quietly instead of
/// panicking as `print!` would.
fn emit(text: &str) -> ExitCode {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot write the report: {e}");
            ExitCode::FAILURE
        }
    }
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => return emit(HELP),
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(out) => emit(&out),
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
