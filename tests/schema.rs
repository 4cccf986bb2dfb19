//! The JSON Schemas (`schemars` feature) accept what skillgauge accepts and writes, and reject
//! the shape errors it rejects, checked with an independent validator.
#![cfg(feature = "schemars")]

use std::path::PathBuf;
use std::process::Command;

use serde_json::{Value, json};
use skillgauge::{Assessment, Calibration, Framework, Options, Proficiency, schema};

const SAMPLES: [&str; 5] = [
    "graduate.json",
    "career-switcher.json",
    "mid-level.json",
    "points-ladder-assessment.json",
    "gate-ladder-assessment.json",
];

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("examples/data")
        .join(name)
}

#[track_caller]
fn read_json(path: &PathBuf) -> Value {
    let text = std::fs::read_to_string(path).expect("readable sample");
    serde_json::from_str(&text).expect("sample is JSON")
}

#[track_caller]
fn read_toml(text: &str) -> Value {
    toml::from_str::<Value>(text).expect("sample is TOML")
}

#[track_caller]
fn errors(schema: &Value, instance: &Value) -> Vec<String> {
    let validator = jsonschema::draft202012::new(schema).expect("the schema compiles");
    validator
        .iter_errors(instance)
        .map(|e| format!("at `{}`: {e}", e.instance_path()))
        .collect()
}

#[track_caller]
fn assert_accepts(schema: &Value, instance: &Value, what: &str) {
    let errors = errors(schema, instance);
    assert!(errors.is_empty(), "{what} should be valid: {errors:#?}");
}

/// Asserts the schema rejects `instance`, with an error at `path` (a JSON pointer).
#[track_caller]
fn assert_rejects(schema: &Value, instance: &Value, path: &str, what: &str) {
    let errors = errors(schema, instance);
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with(&format!("at `{path}`:"))),
        "{what} should be rejected at `{path}`: {errors:#?}"
    );
}

fn sample_assessment() -> Value {
    read_json(&data("graduate.json"))
}

fn minimal_framework() -> Value {
    json!({
        "id": "data-engineer",
        "name": "Data Engineer",
        "skills": [{ "id": "sql", "name": "SQL" }],
        "levels": [{ "id": "junior", "name": "Junior", "requires": { "sql": "competent" } }]
    })
}

#[test]
fn every_schema_is_a_valid_draft_2020_12_schema() {
    for (name, schema) in [
        ("framework", schema::framework()),
        ("assessment", schema::assessment()),
        ("report", schema::report()),
    ] {
        assert_eq!(
            schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "{name}"
        );
        if let Err(e) = jsonschema::meta::validate(&schema) {
            panic!("{name} schema is not a valid JSON Schema: {e}");
        }
    }
}

#[test]
fn unknown_fields_are_rejected_at_the_root_of_every_schema() {
    assert_eq!(schema::framework()["additionalProperties"], false);
    assert_eq!(schema::assessment()["additionalProperties"], false);
    assert_eq!(schema::report()["additionalProperties"], false);
    assert_eq!(schema::framework()["title"], "Framework");
    assert_eq!(schema::assessment()["title"], "Assessment");
    assert_eq!(schema::report()["title"], "Report");
}

#[test]
fn descriptions_are_for_readers_of_json_not_of_rustdoc() {
    fn walk(value: &Value, found: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(text)) = map.get("description")
                    && (text.contains("[`") || text.contains("](") || text.contains("\n# "))
                {
                    found.push(text.clone());
                }
                map.values().for_each(|v| walk(v, found));
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, found)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    for schema in [schema::framework(), schema::assessment(), schema::report()] {
        walk(&schema, &mut found);
    }
    assert!(
        found.is_empty(),
        "intra-doc links or rustdoc sections in schema descriptions: {found:#?}"
    );
}

#[test]
fn assessment_schema_accepts_every_sample() {
    let schema = schema::assessment();
    for name in SAMPLES {
        let path = data(name);
        let instance = read_json(&path);
        // The sample is one skillgauge reads, so the schema must accept it too.
        Assessment::from_path(&path).expect("sample loads");
        assert_accepts(&schema, &instance, name);
    }
}

#[test]
fn assessment_schema_accepts_every_rating_form_and_an_empty_assessment() {
    let schema = schema::assessment();
    let instance = json!({
        "ratings": {
            "programming-languages": "competent",
            "databases-data-modeling": 0,
            "security": 5,
            "communication": { "proficiency": 2 },
            "apis-integration": { "proficiency": "novice", "confidence": "high",
                "evidence": [{ "kind": "work", "description": "Payments API", "url": "https://example.com" }] }
        }
    });
    Assessment::from_json(&instance.to_string()).expect("skillgauge reads it");
    assert_accepts(&schema, &instance, "every rating form");
    assert_accepts(&schema, &json!({}), "an empty assessment");
}

#[test]
fn assessment_schema_rejects_an_unknown_field() {
    let mut instance = sample_assessment();
    instance["experience"] = json!(3);
    assert_rejects(&schema::assessment(), &instance, "", "a top-level typo");

    let mut instance = sample_assessment();
    instance["preferences"]["hours_a_week"] = json!(8);
    assert_rejects(
        &schema::assessment(),
        &instance,
        "/preferences",
        "a preferences typo",
    );

    let mut instance = sample_assessment();
    instance["ratings"]["security"]["confidance"] = json!("low");
    assert_rejects(
        &schema::assessment(),
        &instance,
        "/ratings/security",
        "a rating typo",
    );
}

#[test]
fn assessment_schema_rejects_a_misspelled_proficiency() {
    let mut instance = sample_assessment();
    instance["ratings"]["databases-data-modeling"] = json!("compitent");
    assert!(Assessment::from_json(&instance.to_string()).is_err());
    assert_rejects(
        &schema::assessment(),
        &instance,
        "/ratings/databases-data-modeling",
        "`compitent`",
    );

    let fixture =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/misspelled-assessment.json");
    assert_rejects(
        &schema::assessment(),
        &read_json(&fixture),
        "/ratings/security",
        "the misspelled fixture",
    );
}

#[test]
fn assessment_schema_rejects_a_proficiency_out_of_range() {
    for bad in [json!(6), json!(-1), json!(2.5)] {
        let mut instance = sample_assessment();
        instance["ratings"]["security"] = bad.clone();
        assert!(
            Assessment::from_json(&instance.to_string()).is_err(),
            "{bad}"
        );
        assert_rejects(
            &schema::assessment(),
            &instance,
            "/ratings/security",
            &format!("proficiency {bad}"),
        );
    }
    let mut instance = sample_assessment();
    instance["ratings"]["security"]["proficiency"] = json!(6);
    assert_rejects(
        &schema::assessment(),
        &instance,
        "/ratings/security",
        "proficiency 6 in the object form",
    );
}

#[test]
fn assessment_schema_rejects_a_malformed_id() {
    let mut instance = sample_assessment();
    instance["completed_steps"] = json!(["Programming Foundations"]);
    assert_rejects(
        &schema::assessment(),
        &instance,
        "/completed_steps/0",
        "an id with capitals and a space",
    );
    let mut instance = sample_assessment();
    instance["ratings"]["Security"] = json!("novice");
    assert_rejects(
        &schema::assessment(),
        &instance,
        "/ratings",
        "a skill id with a capital",
    );
}

#[test]
fn framework_schema_accepts_the_built_in_framework() {
    let schema = schema::framework();
    let written = serde_json::to_value(Framework::backend_developer()).expect("serializes");
    assert_accepts(&schema, &written, "the built-in framework as written");
    let source = read_toml(skillgauge::BACKEND_DEVELOPER_TOML);
    assert_accepts(&schema, &source, "the built-in framework's TOML source");
}

#[test]
fn framework_schema_accepts_the_sample_frameworks() {
    let schema = schema::framework();
    let gate = read_json(&data("gate-ladder.json"));
    assert_accepts(&schema, &gate, "gate-ladder.json");

    let text = std::fs::read_to_string(data("points-ladder.toml")).expect("readable sample");
    let points = read_toml(&text);
    assert_accepts(&schema, &points, "points-ladder.toml");

    let minimal = minimal_framework();
    Framework::from_value(minimal.clone()).expect("skillgauge reads it");
    assert_accepts(&schema, &minimal, "a minimal framework");
}

#[test]
fn framework_schema_rejects_an_unknown_top_level_field() {
    let mut instance = minimal_framework();
    instance["verison"] = json!("2.0.0");
    assert!(Framework::from_value(instance.clone()).is_err());
    assert_rejects(&schema::framework(), &instance, "", "`verison`");
}

#[test]
fn framework_schema_rejects_a_skill_with_a_typo_field() {
    let mut instance = minimal_framework();
    instance["skills"][0]["wieght"] = json!(2);
    assert!(Framework::from_value(instance.clone()).is_err());
    assert_rejects(&schema::framework(), &instance, "/skills/0", "`wieght`");

    let fixture =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/typo-framework.toml");
    let text = std::fs::read_to_string(fixture).expect("readable fixture");
    assert_rejects(
        &schema::framework(),
        &read_toml(&text),
        "/skills/0",
        "the typo fixture",
    );
}

#[test]
fn framework_schema_rejects_shape_errors() {
    let schema = schema::framework();
    let mut instance = minimal_framework();
    instance
        .as_object_mut()
        .expect("an object")
        .remove("levels");
    assert_rejects(&schema, &instance, "", "no levels");

    let mut instance = minimal_framework();
    instance["points"] = json!([0, 1, 2, 3, 4]);
    assert_rejects(&schema, &instance, "/points", "five points");

    let mut instance = minimal_framework();
    instance["fit"] = json!({ "decay": [1.0, 0.5, 0.25, 0.1, 0.05, 0.0] });
    assert_rejects(&schema, &instance, "/fit/decay", "six decay values");

    let mut instance = minimal_framework();
    instance["levels"][0]["requires"]["sql"] = json!("guru");
    assert_rejects(
        &schema,
        &instance,
        "/levels/0/requires/sql",
        "an unknown proficiency",
    );

    let mut instance = minimal_framework();
    instance["skills"][0]["category"] = json!("soft");
    assert_rejects(&schema, &instance, "/skills/0/category", "a category");
}

#[test]
fn report_schema_accepts_the_reports_skillgauge_writes() -> Result<(), skillgauge::Error> {
    let schema = schema::report();
    let framework = Framework::backend_developer();

    let graduate = Assessment::from_json(include_str!("../examples/data/graduate.json"))?;
    let report = framework.assess(&graduate)?;
    let value = serde_json::to_value(&report).expect("serializes");
    assert_accepts(&schema, &value, "the graduate's report");
    assert!(value["salary"].is_object(), "covers the salary band");

    let empty = framework.assess(&Assessment::new())?;
    let value = serde_json::to_value(&empty).expect("serializes");
    assert_eq!(value["readiness"], Value::Null);
    assert_accepts(&schema, &value, "an empty assessment's report");

    let everything = Assessment::new()
        .rate("programming-languages", Proficiency::Expert)
        .and_then(|a| a.rate("security", Proficiency::Expert))
        .expect("valid ids");
    let capped = framework.assess_with(
        &everything,
        &Options {
            calibration: Calibration::CapUnevidenced {
                above: Proficiency::Competent,
            },
        },
    )?;
    let value = serde_json::to_value(&capped).expect("serializes");
    assert_accepts(&schema, &value, "a report under a calibration policy");

    for (framework, assessment) in [
        ("points-ladder.toml", "points-ladder-assessment.json"),
        ("gate-ladder.json", "gate-ladder-assessment.json"),
    ] {
        let framework = Framework::from_path(data(framework))?;
        let report = framework.assess(&Assessment::from_path(data(assessment))?)?;
        let value = serde_json::to_value(&report).expect("serializes");
        assert_accepts(&schema, &value, assessment);
    }
    for name in ["career-switcher.json", "mid-level.json"] {
        let report = framework.assess(&Assessment::from_path(data(name))?)?;
        let value = serde_json::to_value(&report).expect("serializes");
        assert_accepts(&schema, &value, name);
    }
    Ok(())
}

#[test]
fn report_schema_describes_output_only() -> Result<(), skillgauge::Error> {
    let schema = schema::report();
    let report = Framework::backend_developer().assess(&Assessment::new())?;
    let value = serde_json::to_value(&report).expect("serializes");

    // skillgauge writes proficiencies as names, never numbers.
    let mut numbered = value.clone();
    numbered["skills"][0]["rating"] = json!(0);
    assert_rejects(&schema, &numbered, "/skills/0/rating", "a numbered rating");

    // `readiness` is always written, `null` when not yet ready.
    let mut missing = value.clone();
    missing
        .as_object_mut()
        .expect("an object")
        .remove("readiness");
    assert_rejects(&schema, &missing, "", "a report without readiness");

    let mut extra = value;
    extra["readyness"] = Value::Null;
    assert_rejects(&schema, &extra, "", "an unknown field");
    Ok(())
}

#[test]
fn schema_example_writes_three_parseable_files() {
    let dir = std::env::temp_dir().join(format!(
        "skillgauge-schema-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos())
    ));
    let out = Command::new(env!("CARGO"))
        .args([
            "run",
            "--quiet",
            "--features",
            "schemars",
            "--example",
            "schema",
            "--",
        ])
        .arg(&dir)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "the example failed: {stderr}");
    let stdout = String::from_utf8(out.stdout).expect("utf-8 output");
    for (name, expected) in [
        ("framework", schema::framework()),
        ("assessment", schema::assessment()),
        ("report", schema::report()),
    ] {
        let path = dir.join(format!("{name}.schema.json"));
        assert!(
            stdout.contains(&path.display().to_string()),
            "prints {}: {stdout}",
            path.display()
        );
        let written = read_json(&path);
        assert_eq!(written, expected, "{name}.schema.json");
    }
    std::fs::remove_dir_all(&dir).expect("clean up");
}

#[test]
fn schema_example_reports_an_unwritable_directory_in_one_line() {
    // A directory cannot be created under a regular file.
    let out = Command::new(env!("CARGO"))
        .args([
            "run",
            "--quiet",
            "--features",
            "schemars",
            "--example",
            "schema",
            "--",
            "Cargo.toml/schemas",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).expect("utf-8 errors");
    assert!(
        stderr.starts_with("error: cannot create Cargo.toml/schemas"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(out.stdout.is_empty());
}
