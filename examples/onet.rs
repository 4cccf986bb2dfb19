//! Build a framework for one occupation from O*NET's `Skills.txt` and assess a person against
//! it.
//!
//! ```text
//! cargo run --features import --example onet -- tests/fixtures/onet/Skills.txt 15-1252.00
//! cargo run --features import --example onet -- tests/fixtures/onet/Skills.txt 15-1252.00 me.json
//! cargo run --features import --example onet -- db_29_0_text/Skills.txt 15-1252.00 --toml > software-developers.toml
//! ```
//!
//! The occupation's title comes from `Occupation Data.txt` when that file sits beside
//! `Skills.txt`, as it does in O*NET's download.
use std::path::Path;
use std::process::ExitCode;

use skillgauge::import::{self, ImportErrorKind, OnetOptions};
use skillgauge::{Assessment, Framework};

const HELP: &str = "\
onet: build a framework for an occupation from O*NET's Skills.txt and assess against it

USAGE:
    cargo run --features import --example onet -- SKILLS.txt CODE [ASSESSMENT.json] [--toml | --jsonld]

ARGS:
    SKILLS.txt          O*NET's Skills.txt (or Knowledge.txt, Abilities.txt: the same layout)
    CODE                the O*NET-SOC code of the occupation, such as 15-1252.00
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
    let (skills_path, code, assessment_path) = match positional.as_slice() {
        [skills, code] => (*skills, *code, None),
        [skills, code, assessment] => (*skills, *code, Some(*assessment)),
        _ => {
            eprint!("{HELP}");
            return ExitCode::from(2);
        }
    };
    match run(skills_path, code, assessment_path, &flags) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    import::read_limited(file).map_err(|e| format!("{}: {e}", path.display()))
}

fn run(
    skills_path: &str,
    code: &str,
    assessment: Option<&str>,
    flags: &[&str],
) -> Result<(), String> {
    let skills_path = Path::new(skills_path);
    let mut options = OnetOptions::default();
    let occupation_data = skills_path.with_file_name("Occupation Data.txt");
    if occupation_data.exists() {
        let data = read(&occupation_data)?;
        match import::onet_title(&data, code) {
            Ok(title) => options.title = Some(title),
            // Skills.txt will say the occupation is unknown, with a suggestion.
            Err(e) if matches!(e.kind(), ImportErrorKind::UnknownOccupation { .. }) => {}
            Err(e) => return Err(format!("{}: {e}", occupation_data.display())),
        }
    }
    let imported = import::onet(&read(skills_path)?, code, &options)
        .map_err(|e| format!("{}: {e}", skills_path.display()))?;
    let skipped: Vec<String> = imported
        .skipped
        .iter()
        .map(|s| format!("{} ({}, line {})", s.name, s.reason, s.line))
        .collect();
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
        "{}: {} skills from O*NET{}",
        framework.name(),
        framework.skills().len(),
        if skipped.is_empty() {
            String::new()
        } else {
            format!("; left out: {}", skipped.join(", "))
        }
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
