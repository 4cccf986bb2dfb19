//! Build a framework for one occupation from ESCO's CSV files and assess a person against it.
//!
//! ```text
//! cargo run --features import --example esco -- tests/fixtures/esco/occupationSkillRelations_en.csv \
//!     tests/fixtures/esco/skills_en.csv http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1
//! cargo run --features import --example esco -- RELATIONS.csv SKILLS.csv URI me.json
//! ```
use std::process::ExitCode;

use skillgauge::import::{self, EscoOptions};
use skillgauge::{Assessment, Framework};

const HELP: &str = "\
esco: build a framework for an occupation from ESCO's CSV files and assess against it

USAGE:
    cargo run --features import --example esco -- RELATIONS.csv SKILLS.csv URI [ASSESSMENT.json] [--toml | --jsonld]

ARGS:
    RELATIONS.csv       ESCO's occupationSkillRelations_en.csv (any release: columns are found
                        by name)
    SKILLS.csv          ESCO's skills_en.csv
    URI                 the occupation's concept URI,
                        such as http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1
    ASSESSMENT.json     the person's assessment; without it, an empty one

OPTIONS:
    --toml              print the framework as a TOML framework file instead of assessing
    --jsonld            print the skills as Rich Skill Descriptors and the job-ready level as
                        a schema.org Occupation (JSON-LD) instead of assessing
    -h, --help          print this help
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        print!("{HELP}");
        return ExitCode::SUCCESS;
    }
    let flags: Vec<&str> = args
        .iter()
        .map(String::as_str)
        .filter(|a| a.starts_with("--"))
        .collect();
    let positional: Vec<&str> = args
        .iter()
        .map(String::as_str)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let (relations, skills, uri, assessment) = match positional.as_slice() {
        [relations, skills, uri] => (*relations, *skills, *uri, None),
        [relations, skills, uri, assessment] => (*relations, *skills, *uri, Some(*assessment)),
        _ => {
            eprint!("{HELP}");
            return ExitCode::from(2);
        }
    };
    match run(relations, skills, uri, assessment, &flags) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn read(path: &str) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
    import::read_limited(file).map_err(|e| format!("{path}: {e}"))
}

fn run(
    relations: &str,
    skills: &str,
    uri: &str,
    assessment: Option<&str>,
    flags: &[&str],
) -> Result<(), String> {
    let imported = import::esco(
        &read(relations)?,
        &read(skills)?,
        uri,
        &EscoOptions::default(),
    )
    .map_err(|e| {
        // Say which file the error is in.
        let file = match e.input() {
            Some("skills") => skills,
            _ => relations,
        };
        format!("{file}: {e}")
    })?;
    let framework = Framework::new(imported.framework).map_err(|e| e.to_string())?;

    if flags.contains(&"--toml") {
        print!("{}", framework.to_toml().map_err(|e| e.to_string())?);
        return Ok(());
    }
    if flags.contains(&"--jsonld") {
        let jsonld = serde_json::json!({
            "skills": import::rich_skill_descriptors(framework.definition()),
            "occupation": import::occupation(framework.definition(), "job-ready"),
        });
        println!(
            "{}",
            serde_json::to_string_pretty(&jsonld).map_err(|e| e.to_string())?
        );
        return Ok(());
    }

    println!(
        "{}: {} skills from ESCO",
        framework.name(),
        framework.skills().len()
    );
    let assessment = match assessment {
        Some(path) => Assessment::from_path(path).map_err(|e| e.to_string())?,
        None => Assessment::default(),
    };
    let report = framework.assess(&assessment).map_err(|e| e.to_string())?;
    println!("{report}");
    if let Some(attribution) = framework.attribution() {
        println!("{attribution}");
    }
    Ok(())
}
