//! Load a framework of your own (TOML or JSON), show what it defines, and assess against it.
//!
//! ```text
//! cargo run --example custom_framework                      # the points-ladder sample
//! cargo run --example custom_framework -- examples/data/gate-ladder.json examples/data/gate-ladder-assessment.json
//! ```
use std::fmt::Write as _;
use std::process::ExitCode;

use skillgauge::{Assessment, Framework};

const USAGE: &str = "usage: custom_framework [FRAMEWORK.toml|FRAMEWORK.json ASSESSMENT.json]";

fn run(framework_path: &str, assessment_path: &str) -> Result<String, String> {
    let framework = Framework::from_path(framework_path)
        .map_err(|e| format!("framework {framework_path}: {e}"))?;
    let assessment = Assessment::from_path(assessment_path)
        .map_err(|e| format!("assessment {assessment_path}: {e}"))?;
    let mut out = format!(
        "{} {} ({})\n",
        framework.name(),
        framework.version(),
        framework.id()
    );
    if !framework.summary().is_empty() {
        let _ = writeln!(out, "{}", framework.summary());
    }
    let _ = writeln!(out, "points per rating: {:?}", framework.points());
    out += "skills:\n";
    for skill in framework.skills() {
        let _ = writeln!(
            out,
            "  {:<16} {} (weight {}, {})",
            skill.id.as_str(),
            skill.name,
            skill.weight,
            skill.category
        );
    }
    out += "levels, lowest first:\n";
    for level in framework.levels() {
        let mut needs: Vec<String> = level
            .requires
            .iter()
            .map(|(s, p)| format!("{s} {p}"))
            .collect();
        if let Some(points) = level.min_points {
            needs.push(format!("{points} points"));
        }
        let needs = if needs.is_empty() {
            "nothing".to_owned()
        } else {
            needs.join(", ")
        };
        let _ = writeln!(
            out,
            "  {:<16} {} needs {needs}",
            level.id.as_str(),
            level.name
        );
    }
    let report = framework
        .assess(&assessment)
        .map_err(|e| format!("assessment {assessment_path}: {e}"))?;
    let _ = write!(out, "\n{report}");
    Ok(out)
}

fn main() -> ExitCode {
    let dir = env!("CARGO_MANIFEST_DIR");
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (framework, assessment) = match args.as_slice() {
        [] => (
            format!("{dir}/examples/data/points-ladder.toml"),
            format!("{dir}/examples/data/points-ladder-assessment.json"),
        ),
        [framework, assessment] => (framework.clone(), assessment.clone()),
        [flag] if flag == "-h" || flag == "--help" => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&framework, &assessment) {
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
