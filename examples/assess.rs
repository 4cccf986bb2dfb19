//! Assess a self-assessment against a framework and print the report.
//!
//! ```text
//! cargo run --example assess                          # the built-in sample profile
//! cargo run --example assess -- me.json --markdown    # your own assessment
//! cargo run --example assess -- --framework examples/data/points-ladder.toml examples/data/points-ladder-assessment.json
//! ```
use std::process::ExitCode;

use skillgauge::{Assessment, Framework};

const HELP: &str = "\
assess: rate yourself against a career framework and get a readiness level and a plan

USAGE:
    cargo run --example assess -- [FILE.json] [--json | --markdown] [--framework FILE]

ARGS:
    FILE.json           an assessment (see README, \"The JSON contract\"); without it,
                        a built-in sample profile (a graduate aiming at mid-level)

OPTIONS:
    --json              print the report as JSON
    --markdown          print the report as Markdown
    --framework FILE    assess against this framework (.toml or .json) instead of the
                        built-in Backend Developer framework
    -h, --help          print this help
";

/// The built-in sample: a graduate, entry-ready, aiming at mid-level.
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

fn parse_args() -> Result<Option<Args>, String> {
    let mut args = Args {
        assessment: None,
        framework: None,
        output: Output::Text,
    };
    let mut iter = std::env::args().skip(1);
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--json" | "--markdown" => {
                if !matches!(args.output, Output::Text) {
                    return Err("choose one of --json and --markdown".to_owned());
                }
                args.output = if arg == "--json" {
                    Output::Json
                } else {
                    Output::Markdown
                };
            }
            "--framework" => match iter.next() {
                Some(file) if !file.starts_with('-') => args.framework = Some(file),
                _ => return Err("--framework needs a file".to_owned()),
            },
            flag if flag.starts_with('-') => {
                return Err(format!("unknown option {flag} (try --help)"));
            }
            file => {
                if args.assessment.replace(file.to_owned()).is_some() {
                    return Err("give at most one assessment file (try --help)".to_owned());
                }
            }
        }
    }
    Ok(Some(args))
}

fn run(args: &Args) -> Result<String, String> {
    let custom;
    let framework = match &args.framework {
        Some(path) => {
            custom = Framework::from_path(path).map_err(|e| format!("framework {e}"))?;
            &custom
        }
        None => Framework::backend_developer(),
    };
    let assessment = match &args.assessment {
        Some(path) => Assessment::from_path(path).map_err(|e| format!("assessment {e}"))?,
        None if args.framework.is_some() => {
            return Err("with --framework, give an assessment file for that framework".to_owned());
        }
        None => Assessment::from_json(SAMPLE).map_err(|e| format!("built-in sample: {e}"))?,
    };
    let source = args.assessment.as_deref().unwrap_or("built-in sample");
    let report = framework
        .assess(&assessment)
        .map_err(|e| format!("assessment {source}: {e}"))?;
    Ok(match args.output {
        Output::Text => report.to_string(),
        Output::Json => report.to_json() + "\n",
        Output::Markdown => report.to_markdown(),
    })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Some(args)) => args,
        Ok(None) => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
