//! Runs the import examples as processes on the fixtures and checks what they print.
#![cfg(feature = "import")]

use std::process::{Command, Output, Stdio};

const DEVELOPER: &str =
    "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1";

#[track_caller]
fn run(name: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--all-features", "--example", name, "--"])
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .output()
        .expect("cargo runs")
}

#[track_caller]
fn success(name: &str, args: &[&str]) -> String {
    let out = run(name, args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{name} {args:?} failed: {stderr}");
    String::from_utf8(out.stdout).expect("utf-8 output")
}

#[track_caller]
fn failure(name: &str, args: &[&str]) -> String {
    let out = run(name, args);
    assert!(!out.status.success(), "{name} {args:?} should fail");
    let stderr = String::from_utf8(out.stderr).expect("utf-8 errors");
    assert!(!stderr.contains("panicked"), "no panic: {stderr}");
    stderr
}

#[test]
fn onet_assesses_a_person() {
    let out = success(
        "onet",
        &[
            "tests/fixtures/onet/Skills.txt",
            "15-1252.00",
            "tests/fixtures/onet/me.json",
        ],
    );
    assert!(out.starts_with("Software Developers: 13 skills from O*NET; left out: Troubleshooting (recommend_suppress, line 48), Repairing (not_relevant, line 50)\n"), "{out}");
    assert!(out.contains("Ready for: Entry\n"), "{out}");
    assert!(
        out.contains("Programming: you rate yourself competent; Job-ready asks for proficient"),
        "{out}"
    );
    assert!(out.contains("used under the CC BY 4.0 license"), "{out}");

    // Without an assessment: an empty one.
    let out = success("onet", &["tests/fixtures/onet/Skills.txt", "15-1211.00"]);
    assert!(
        out.starts_with("Computer Systems Analysts: 12 skills"),
        "{out}"
    );
    assert!(out.contains("not yet ready"), "{out}");
}

#[test]
fn onet_writes_toml_and_json_ld() {
    let toml = success(
        "onet",
        &["tests/fixtures/onet/Skills.txt", "15-1252.00", "--toml"],
    );
    let framework = skillgauge::Framework::from_toml(&toml).expect("a framework file");
    assert_eq!(framework.name(), "Software Developers");
    let jsonld = success(
        "onet",
        &["tests/fixtures/onet/Skills.txt", "15-1252.00", "--jsonld"],
    );
    let value: serde_json::Value = serde_json::from_str(&jsonld).expect("JSON");
    assert_eq!(value["skills"][0]["type"], "RichSkillDescriptor");
    assert_eq!(value["occupation"]["@type"], "Occupation");
}

#[test]
fn onet_reports_bad_input() {
    let err = failure("onet", &["tests/fixtures/onet/Skills.txt", "15-1252"]);
    assert_eq!(
        err,
        "error: tests/fixtures/onet/Skills.txt: no occupation `15-1252` in the data: did you mean `15-1252.00`?\n"
    );
    let err = failure("onet", &["tests/fixtures/esco/skills_en.csv", "15-1252.00"]);
    assert!(
        err.contains("line 1, column 2: missing column `O*NET-SOC Code`"),
        "{err}"
    );
}

#[test]
fn esco_assesses_a_person() {
    let out = success(
        "esco",
        &[
            "tests/fixtures/esco/occupationSkillRelations_en.csv",
            "tests/fixtures/esco/skills_en.csv",
            DEVELOPER,
            "tests/fixtures/esco/me.json",
        ],
    );
    assert!(
        out.starts_with("software developer: 11 skills from ESCO\n"),
        "{out}"
    );
    assert!(out.contains("Ready for: Entry\n"), "{out}");
    assert!(
        out.contains("This framework uses the ESCO classification of the European Commission"),
        "{out}"
    );

    let err = failure(
        "esco",
        &[
            "tests/fixtures/esco/occupationSkillRelations_en.csv",
            "tests/fixtures/esco/skills_en.csv",
            "f2b15a0e-e65a-438a-affb-29b9d50b77d1",
        ],
    );
    assert!(
        err.contains(&format!("did you mean `{DEVELOPER}`?")),
        "{err}"
    );
}

#[test]
fn resume_drafts_and_assesses() {
    let out = success("resume", &["tests/fixtures/resume/backend.json"]);
    assert!(
        out.starts_with(
            "Draft from tests/fixtures/resume/backend.json: 5 of 7 skills rated, low confidence"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            r#"security: JSON Resume skill "Security" at level "Intermediate", read as competent"#
        ),
        "{out}"
    );
    assert!(out.contains("Not in the framework: Gardening\n"), "{out}");
    assert!(
        out.contains("Backend Developer: your self-assessment"),
        "{out}"
    );

    let draft = success("resume", &["tests/fixtures/resume/backend.json", "--draft"]);
    let assessment = skillgauge::Assessment::from_json(&draft).expect("an assessment");
    assert_eq!(assessment.ratings.len(), 5);
}
