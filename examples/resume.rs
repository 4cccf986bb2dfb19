//! Turn a JSON Resume into a draft assessment for a framework and print the report.
//!
//! ```text
//! cargo run --features import --example resume -- tests/fixtures/resume/backend.json
//! cargo run --features import --example resume -- tests/fixtures/resume/developer.json --framework software-developers.toml
//! ```
use std::process::ExitCode;

use skillgauge::Framework;
use skillgauge::import;

const HELP: &str = "\
resume: draft a self-assessment from a JSON Resume and assess it

USAGE:
    cargo run --features import --example resume -- RESUME.json [--framework FILE] [--draft]

ARGS:
    RESUME.json         a JSON Resume (https://jsonresume.org/schema); its skills are read

OPTIONS:
    --framework FILE    the framework (.toml or .json); the built-in Backend Developer by default
    --draft             print the draft assessment as JSON instead of the report
    -h, --help          print this help
";

fn main() -> ExitCode {
    let mut resume = None;
    let mut framework = None;
    let mut draft_only = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => {
                print!("{HELP}");
                return ExitCode::SUCCESS;
            }
            "--draft" => draft_only = true,
            "--framework" => framework = args.next(),
            _ if resume.is_none() && !arg.starts_with("--") => resume = Some(arg),
            _ => {
                eprint!("{HELP}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(resume) = resume else {
        eprint!("{HELP}");
        return ExitCode::from(2);
    };
    match run(&resume, framework.as_deref(), draft_only) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(resume: &str, framework: Option<&str>, draft_only: bool) -> Result<(), String> {
    let owned;
    let framework = match framework {
        Some(path) => {
            owned = Framework::from_path(path).map_err(|e| e.to_string())?;
            &owned
        }
        None => Framework::backend_developer(),
    };
    let file = std::fs::File::open(resume).map_err(|e| format!("{resume}: {e}"))?;
    let bytes = import::read_limited(file).map_err(|e| format!("{resume}: {e}"))?;
    let draft =
        import::resume(&bytes, framework.definition()).map_err(|e| format!("{resume}: {e}"))?;
    if draft_only {
        println!("{}", draft.assessment.to_json());
        return Ok(());
    }
    println!(
        "Draft from {resume}: {} of {} skills rated, low confidence, for you to check.",
        draft.assessment.ratings.len(),
        framework.skills().len()
    );
    for (id, rating) in &draft.assessment.ratings {
        for evidence in &rating.evidence {
            println!("  {id}: {}", evidence.description);
        }
    }
    if !draft.unmatched.is_empty() {
        println!("Not in the framework: {}", draft.unmatched.join(", "));
    }
    let report = framework
        .assess(&draft.assessment)
        .map_err(|e| e.to_string())?;
    println!("{report}");
    Ok(())
}
