//! The JSON Schemas (`schemars` feature) accept what skillgauge accepts and writes, and refuse
//! the shape errors it refuses, checked with an independent validator (`jsonschema`).
#![cfg(feature = "schemars")]

use std::path::PathBuf;
use std::process::Command;

use serde_json::{Value, json};
use skillgauge::{Assessment, Calibration, Framework, Options, Proficiency, Report, schema};

/// Every sample assessment, with the framework file it is for (`None`: the built-in one).
const SAMPLES: [(&str, Option<&str>); 6] = [
    ("graduate.json", None),
    ("career-switcher.json", None),
    ("mid-level.json", None),
    ("points-ladder-assessment.json", Some("points-ladder.toml")),
    ("gate-ladder-assessment.json", Some("gate-ladder.json")),
    ("two-tracks-assessment.json", Some("two-tracks.toml")),
];

/// Every sample framework file.
const FRAMEWORKS: [&str; 3] = ["gate-ladder.json", "points-ladder.toml", "two-tracks.toml"];

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("examples/data")
        .join(name)
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A JSON or TOML file as a JSON value.
#[track_caller]
fn read_value(path: &PathBuf) -> Value {
    let text = std::fs::read_to_string(path).expect("readable file");
    if path.extension().is_some_and(|e| e == "toml") {
        toml::from_str(&text).expect("valid TOML")
    } else {
        serde_json::from_str(&text).expect("valid JSON")
    }
}

/// The validator's errors, each with the JSON pointer of the value it is about.
#[track_caller]
fn errors(schema: &Value, instance: &Value) -> Vec<(String, String)> {
    let validator = jsonschema::draft202012::new(schema).expect("the schema compiles");
    validator
        .iter_errors(instance)
        .map(|e| (e.instance_path().to_string(), e.to_string()))
        .collect()
}

#[track_caller]
fn assert_accepts(schema: &Value, instance: &Value, what: &str) {
    let errors = errors(schema, instance);
    assert!(errors.is_empty(), "{what} should be valid: {errors:#?}");
}

/// Asserts the schema refuses `instance` because of the value at `path` (a JSON pointer):
/// an error at `path`, or at an enclosing value that quotes it. A validator reports a
/// value that matches no branch of `oneOf` or `anyOf` (an optional field, a rating's two
/// forms) at the value holding the branches.
#[track_caller]
fn assert_rejects(schema: &Value, instance: &Value, path: &str, what: &str) {
    let bad = instance.pointer(path).map(Value::to_string);
    let errors = errors(schema, instance);
    let about = |(at, message): &(String, String)| {
        at == path
            || (path.starts_with(&format!("{at}/"))
                && message.contains("is not valid under any of the schemas")
                && bad.as_ref().is_some_and(|b| message.contains(b.as_str())))
    };
    assert!(
        errors.iter().any(about),
        "{what} should be rejected at `{path}`: {errors:#?}"
    );
}

/// A change to a JSON document: the value to put at a JSON pointer (whose parent exists),
/// or `None` to remove what is there.
type Change = (&'static str, Option<Value>);

fn set(pointer: &'static str, value: Value) -> Vec<Change> {
    vec![(pointer, Some(value))]
}

#[track_caller]
fn changed(mut document: Value, changes: &[Change]) -> Value {
    for (pointer, value) in changes {
        let (parent, key) = pointer.rsplit_once('/').expect("a JSON pointer");
        match document.pointer_mut(parent).expect("the parent exists") {
            Value::Object(map) => {
                match value {
                    Some(v) => map.insert(key.to_owned(), v.clone()),
                    None => map.remove(key),
                };
            }
            Value::Array(items) => {
                let index: usize = key.parse().expect("an index");
                items[index] = value.clone().expect("arrays are only changed");
            }
            _ => panic!("{pointer}: the parent is not a container"),
        }
    }
    document
}

#[track_caller]
fn to_value(report: &Report) -> Value {
    serde_json::to_value(report).expect("a report serializes")
}

fn graduate() -> Value {
    read_value(&data("graduate.json"))
}

/// A small framework with one of everything that has a shape of its own.
fn small_framework() -> Value {
    json!({
        "id": "data-engineer",
        "name": "Data Engineer",
        "work_hours_per_week": 30,
        "fit": { "near": 0.9 },
        "skills": [{ "id": "sql", "name": "SQL", "weight": 1.5,
                     "descriptors": { "novice": "Runs a SELECT.", "expert": "Designs the warehouse." } }],
        "levels": [{ "id": "junior", "name": "Junior", "requires": { "sql": "competent" },
                     "salary": { "min": 40000, "max": 50000, "currency": "EUR" } }],
        "steps": [
            { "id": "course", "title": "SQL course", "hours": 40, "training": ["bootcamp"],
              "develops": { "sql": "competent" } },
            { "id": "job", "title": "Junior job", "kind": "experience", "hours": 900,
              "prerequisites": ["course"], "develops": { "sql": "proficient" } },
            { "id": "read", "title": "Read the docs", "kind": "habit", "hours_per_week": 1 }
        ],
        "training": [{ "id": "bootcamp", "name": "Bootcamp", "pace": "intensive", "hours_per_week": 40 }],
        "hiring": [{ "industry": "Retail", "employers": ["A shop"] }]
    })
}

#[test]
fn every_schema_is_a_valid_draft_2020_12_schema_with_its_title() {
    for (title, schema) in [
        ("Framework", schema::framework()),
        ("Assessment", schema::assessment()),
        ("Report", schema::report()),
    ] {
        assert_eq!(
            schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "{title}"
        );
        assert_eq!(schema["title"], title);
        if let Err(e) = jsonschema::meta::validate(&schema) {
            panic!("{title} schema is not a valid JSON Schema: {e}");
        }
    }
}

/// Walks every object schema (a node with `properties` or `patternProperties`) outside the
/// conditional parts (`if`/`then`/`else`), which only add to the schema around them.
fn object_schemas<'a>(value: &'a Value, path: &str, out: &mut Vec<(String, &'a Value)>) {
    match value {
        Value::Object(map) => {
            if map.contains_key("properties") || map.contains_key("patternProperties") {
                out.push((path.to_owned(), value));
            }
            for (key, v) in map {
                if !matches!(key.as_str(), "if" | "then" | "else") {
                    object_schemas(v, &format!("{path}/{key}"), out);
                }
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                object_schemas(v, &format!("{path}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_object_schema_refuses_unknown_fields() {
    for (name, schema) in [
        ("framework", schema::framework()),
        ("assessment", schema::assessment()),
        ("report", schema::report()),
    ] {
        let mut objects = Vec::new();
        object_schemas(&schema, "", &mut objects);
        // Structs and id-keyed maps alike: every type skillgauge reads denies unknown fields.
        assert!(objects.len() >= 5, "{name}: only {} objects", objects.len());
        for (path, object) in objects {
            assert_eq!(
                object["additionalProperties"], false,
                "{name} schema at `{path}` allows unknown fields"
            );
        }
    }
    // Descriptors map proficiency names to text: their names are closed instead.
    let skill = &schema::framework()["$defs"]["Skill"]["properties"]["descriptors"];
    assert_eq!(skill["additionalProperties"], json!({ "type": "string" }));
    assert_eq!(
        skill["propertyNames"]["enum"],
        json!([
            "none",
            "novice",
            "advanced_beginner",
            "competent",
            "proficient",
            "expert"
        ])
    );
}

#[test]
fn descriptions_are_for_readers_of_json_not_of_rustdoc() {
    fn walk(value: &Value, found: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(text)) = map.get("description")
                    && ["[`", "](", "\n# ", "```", "`None`", "# Example"]
                        .iter()
                        .any(|s| text.contains(s))
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
        "rustdoc syntax in descriptions: {found:#?}"
    );
    // The skill's description keeps its first sentence and loses its doctest.
    assert_eq!(
        schema::framework()["$defs"]["Skill"]["description"],
        "A skill of a framework."
    );
}

#[test]
fn framework_schema_accepts_the_built_in_framework() -> Result<(), skillgauge::Error> {
    let schema = schema::framework();
    let builtin = Framework::backend_developer();
    let written = serde_json::to_value(builtin).expect("serializes");
    assert_accepts(&schema, &written, "the built-in framework as written");
    let source: Value = toml::from_str(skillgauge::BACKEND_DEVELOPER_TOML).expect("TOML");
    assert_accepts(&schema, &source, "the built-in framework's TOML source");
    // What the schema accepted is what skillgauge loads.
    assert_eq!(&Framework::from_value(source)?, builtin);
    Ok(())
}

#[test]
fn framework_schema_accepts_every_sample_framework() -> Result<(), skillgauge::Error> {
    let schema = schema::framework();
    for name in FRAMEWORKS {
        let source = read_value(&data(name));
        assert_accepts(&schema, &source, name);
        let loaded = Framework::from_path(data(name))?;
        let written: Value = serde_json::from_str(&loaded.to_json()).expect("JSON");
        assert_accepts(&schema, &written, &format!("{name} as written back"));
    }
    let small = small_framework();
    Framework::from_value(small.clone())?;
    assert_accepts(&schema, &small, "the small framework");
    Ok(())
}

/// Each case: what to change in the small framework, and where the schema must refuse it.
/// skillgauge refuses every one of them too.
#[test]
fn framework_schema_refuses_what_skillgauge_refuses() {
    let schema = schema::framework();
    #[rustfmt::skip]
    let cases: Vec<(&str, &str, Vec<Change>)> = vec![
        ("a top-level typo", "", set("/verison", json!("2"))),
        ("no levels", "", vec![("/levels", None)]),
        ("a skill typo", "/skills/0", set("/skills/0/wieght", json!(2))),
        ("a level typo", "/levels/0", set("/levels/0/require", json!({}))),
        ("a step typo", "/steps/0", set("/steps/0/hour", json!(3))),
        ("a training typo", "/training/0", set("/training/0/hours_a_week", json!(3))),
        ("a hiring typo", "/hiring/0", set("/hiring/0/employer", json!([]))),
        ("a fit typo", "/fit", set("/fit/nearly", json!(0.9))),
        ("a salary typo", "/levels/0/salary", set("/levels/0/salary/maximum", json!(1))),
        ("five points", "/points", set("/points", json!([0, 1, 2, 3, 4]))),
        ("six decays", "/fit/decay", set("/fit/decay", json!([1, 0.5, 0.2, 0.1, 0, 0]))),
        ("an unknown proficiency", "/levels/0/requires/sql", set("/levels/0/requires/sql", json!("guru"))),
        ("a proficiency of 6", "/steps/0/develops/sql", set("/steps/0/develops/sql", json!(6))),
        ("a descriptor for no proficiency", "/skills/0/descriptors", set("/skills/0/descriptors/guru", json!("All."))),
        ("an unknown category", "/skills/0/category", set("/skills/0/category", json!("soft"))),
        ("a malformed id", "/skills/0/id", set("/skills/0/id", json!("Bad Id"))),
        ("a weight of 0", "/skills/0/weight", set("/skills/0/weight", json!(0))),
        ("a negative weight", "/skills/0/weight", set("/skills/0/weight", json!(-1))),
        ("a currency in words", "/levels/0/salary/currency", set("/levels/0/salary/currency", json!("euro"))),
        ("a step of 0 hours", "/steps/0/hours", set("/steps/0/hours", json!(0))),
        ("a habit with hours", "/steps/2", vec![("/steps/2/hours", Some(json!(50))), ("/steps/2/hours_per_week", None)]),
        ("a habit with both efforts", "/steps/2/hours", set("/steps/2/hours", json!(50))),
        ("a learn step by the week", "/steps/0", vec![("/steps/0/hours_per_week", Some(json!(5))), ("/steps/0/hours", None)]),
        ("a step with no effort", "/steps/0", vec![("/steps/0/hours", None)]),
        ("an experience step by the week", "/steps/1/hours_per_week", set("/steps/1/hours_per_week", json!(40))),
        ("a habit of 169 hours a week", "/steps/2/hours_per_week", set("/steps/2/hours_per_week", json!(169))),
        ("a training pace of 0", "/training/0/hours_per_week", set("/training/0/hours_per_week", json!(0))),
        ("a training pace of 169", "/training/0/hours_per_week", set("/training/0/hours_per_week", json!(169))),
        ("no work hours", "/work_hours_per_week", set("/work_hours_per_week", json!(0))),
        ("169 work hours", "/work_hours_per_week", set("/work_hours_per_week", json!(169))),
    ];
    for (what, path, changes) in cases {
        let instance = changed(small_framework(), &changes);
        assert!(
            Framework::from_value(instance.clone()).is_err(),
            "skillgauge loads {what}"
        );
        assert_rejects(&schema, &instance, path, what);
    }
    let typo = read_value(&fixture("typo-framework.toml"));
    assert!(Framework::from_path(fixture("typo-framework.toml")).is_err());
    assert_rejects(&schema, &typo, "/skills/0", "the typo fixture");
}

#[test]
fn framework_schema_takes_either_effort_by_kind_and_null_as_absent() {
    let schema = schema::framework();
    let mut instance = small_framework();
    // `null` is what serde reads as a field left out.
    instance["steps"][2]["hours"] = Value::Null;
    instance["steps"][0]["hours_per_week"] = Value::Null;
    assert!(Framework::from_value(instance.clone()).is_ok());
    assert_accepts(
        &schema,
        &instance,
        "nulls for the effort a kind does not use",
    );
    // A step without `kind` is a `learn` step, which takes `hours`: the small framework's
    // first step, which the schema accepts (see above).
    assert!(small_framework()["steps"][0].get("kind").is_none());
    let mut instance = small_framework();
    instance["steps"][0]["kind"] = json!("habit");
    assert_rejects(&schema, &instance, "/steps/0", "a habit with `hours`");
}

#[test]
fn assessment_schema_accepts_every_sample() -> Result<(), skillgauge::Error> {
    let schema = schema::assessment();
    for (name, _) in SAMPLES {
        assert_accepts(&schema, &read_value(&data(name)), name);
        // A sample is one skillgauge reads, so the schema must accept it too.
        Assessment::from_path(data(name))?;
    }
    Ok(())
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
        },
        "experience_years": 70,
        "preferences": { "hours_per_week": 168, "deadline_weeks": 1040 }
    });
    assert!(
        Framework::backend_developer()
            .assess_json(&instance.to_string())
            .is_ok()
    );
    assert_accepts(&schema, &instance, "every rating form, every upper bound");
    assert_accepts(&schema, &json!({}), "an empty assessment");
}

#[test]
fn assessment_schema_refuses_what_skillgauge_refuses() {
    let schema = schema::assessment();
    let rating = "/ratings/security";
    let prefs = "/preferences";
    #[rustfmt::skip]
    let cases: Vec<(&str, &str, Vec<Change>)> = vec![
        ("a top-level typo", "", set("/experience", json!(3))),
        ("a preferences typo", prefs, set("/preferences/hours_a_week", json!(8))),
        ("a rating typo", rating, set("/ratings/security/confidance", json!("low"))),
        ("an evidence typo", "/ratings/communication/evidence/0", set("/ratings/communication/evidence/0/link", json!("https://x"))),
        ("a misspelled proficiency", "/ratings/apis-integration", set("/ratings/apis-integration", json!("compitent"))),
        ("proficiency 6", rating, set(rating, json!(6))),
        ("proficiency -1", rating, set(rating, json!(-1))),
        ("proficiency 2.5", rating, set(rating, json!(2.5))),
        ("proficiency 6 in the object form", rating, set("/ratings/security/proficiency", json!(6))),
        ("an unknown confidence", rating, set("/ratings/security/confidence", json!("certain"))),
        ("a step id with capitals", "/completed_steps/0", set("/completed_steps/0", json!("Programming Foundations"))),
        ("a skill id with a capital", "/ratings", set("/ratings/Security", json!(1))),
        ("0 hours a week", "/preferences/hours_per_week", set("/preferences/hours_per_week", json!(0))),
        ("169 hours a week", "/preferences/hours_per_week", set("/preferences/hours_per_week", json!(169))),
        ("a deadline of 0 weeks", "/preferences/deadline_weeks", set("/preferences/deadline_weeks", json!(0))),
        ("a deadline of 1041 weeks", "/preferences/deadline_weeks", set("/preferences/deadline_weeks", json!(1041))),
        ("negative experience", "/experience_years", set("/experience_years", json!(-1))),
        ("71 years of experience", "/experience_years", set("/experience_years", json!(71))),
    ];
    for (what, path, changes) in cases {
        let instance = changed(graduate(), &changes);
        assert!(
            Framework::backend_developer()
                .assess_json(&instance.to_string())
                .is_err(),
            "skillgauge accepts {what}"
        );
        assert_rejects(&schema, &instance, path, what);
    }
    let misspelled = read_value(&fixture("misspelled-assessment.json"));
    assert_rejects(
        &schema,
        &misspelled,
        "/ratings/security",
        "the misspelled fixture",
    );
}

/// A report of the built-in framework for `assessment`, checked against the schema.
#[track_caller]
fn checked(assessment: &Value, options: Options, what: &str) -> Value {
    let assessment = Assessment::from_json(&assessment.to_string()).expect("an assessment");
    let report = Framework::backend_developer()
        .assess_with(&assessment, &options)
        .expect("a report");
    let value = to_value(&report);
    assert_accepts(&schema::report(), &value, what);
    value
}

#[test]
fn report_schema_accepts_the_sample_reports() -> Result<(), skillgauge::Error> {
    let schema = schema::report();
    for (name, framework) in SAMPLES {
        let framework = match framework {
            Some(file) => Framework::from_path(data(file))?,
            None => Framework::backend_developer().clone(),
        };
        let report = framework.assess(&Assessment::from_path(data(name))?)?;
        let value = to_value(&report);
        assert_accepts(&schema, &value, name);
        // The round trip through the written form is exact.
        let back: Report = serde_json::from_value(value).expect("a report reads back");
        assert_eq!(back, report, "{name}");
    }
    Ok(())
}

#[test]
fn report_schema_accepts_reports_with_every_optional_part() {
    let trust = Options::default();
    // The graduate (examples/data/graduate.json): a salary band, a deadline that fits,
    // milestones and habits.
    let value = checked(&graduate(), trust, "the graduate's report");
    assert!(value["salary"].is_object());
    assert_eq!(value["plan"]["deadline"]["fits"], true);
    assert!(
        !value["plan"]["milestones"]
            .as_array()
            .expect("a list")
            .is_empty()
    );
    assert!(
        !value["plan"]["habits"]
            .as_array()
            .expect("a list")
            .is_empty()
    );

    // Nothing rated: not yet ready (null), unrated-skill warnings, prerequisites pulled in.
    let value = checked(&json!({}), trust, "an empty assessment's report");
    assert_eq!(value["readiness"], Value::Null);
    assert_eq!(value["readiness_name"], Value::Null);
    assert_eq!(value["salary"], Value::Null);
    assert!(
        value["plan"]["items"]
            .as_array()
            .expect("items")
            .iter()
            .any(|i| i["required_by"].is_array())
    );

    // Under a calibration cap: self_rating beside the capped rating, a capped warning.
    let options = Options::new(Calibration::CapUnevidenced {
        above: Proficiency::Competent,
    });
    let value = checked(
        &json!({ "ratings": { "security": "expert" } }),
        options,
        "a capped report",
    );
    assert_eq!(value["skills"][3]["self_rating"], "expert");
    assert!(
        value["warnings"]
            .as_array()
            .expect("warnings")
            .iter()
            .any(|w| w["code"] == "capped_rating" && w["name"] == "Security")
    );

    // A target already met: the plan is the habits, with a note.
    let value = checked(
        &json!({ "ratings": { "programming-languages": 3, "databases-data-modeling": 2,
            "apis-integration": 2, "security": 1, "problem-solving-debugging": 2,
            "attention-to-detail": 2, "communication": 2 },
            "preferences": { "target_level": "entry" } }),
        trust,
        "a report whose target is met",
    );
    assert!(value["plan"]["note"].is_string());
    assert_eq!(value["plan"]["items"], json!([]));

    // The only step that reaches expert programming marked completed: unreachable, and a
    // deadline that cannot be feasible.
    let value = checked(
        &json!({ "completed_steps": ["mentor-and-lead"],
            "preferences": { "target_level": "expert", "deadline_weeks": 10 } }),
        trust,
        "a report with an unreachable gap",
    );
    assert_eq!(value["plan"]["unreachable"][0]["kind"], "skill");
    assert_eq!(value["plan"]["deadline"]["feasible"], false);
    assert!(value["plan"]["deadline"]["reason"].is_string());
}

#[test]
fn report_schema_accepts_points_reports_and_unreachable_points() -> Result<(), skillgauge::Error> {
    let schema = schema::report();
    let framework = Framework::from_path(data("points-ladder.toml"))?;
    let report = framework.assess(&Assessment::from_path(data(
        "points-ladder-assessment.json",
    ))?)?;
    let value = to_value(&report);
    assert_accepts(&schema, &value, "a points report");
    assert!(value["missing_points"].is_number());
    assert!(value["levels"][0]["min_points"].is_number());

    // No step at all: the points threshold cannot be reached.
    let framework = Framework::from_value(json!({
        "id": "points", "name": "Points",
        "skills": [{ "id": "a", "name": "A" }],
        "levels": [{ "id": "one", "name": "One", "min_points": 3 }]
    }))?;
    let value = to_value(&framework.assess(&Assessment::new())?);
    assert_accepts(&schema, &value, "a report with unreachable points");
    assert_eq!(value["plan"]["unreachable"][0]["kind"], "points");
    Ok(())
}

#[test]
fn report_schema_describes_output_only() -> Result<(), skillgauge::Error> {
    let schema = schema::report();
    let value = to_value(&Framework::backend_developer().assess(&Assessment::new())?);
    #[rustfmt::skip]
    let cases: Vec<(&str, &str, Vec<Change>)> = vec![
        // skillgauge writes proficiencies as names, never numbers.
        ("a numbered rating", "/skills/0/rating", set("/skills/0/rating", json!(0))),
        // `readiness` is always written, `null` when not yet ready.
        ("no readiness", "", vec![("/readiness", None)]),
        ("an unknown field", "", set("/readyness", Value::Null)),
        ("an unknown item field", "/plan/items/0", set("/plan/items/0/week", json!(1))),
        ("a score of 101", "/score", set("/score", json!(101))),
        ("a fit above 1", "/levels/0/fit", set("/levels/0/fit", json!(1.5))),
        ("an unknown track", "/plan/items/0/track", set("/plan/items/0/track", json!("evenings"))),
        ("a habit without its hours", "/plan/habits/0", vec![("/plan/habits/0/hours_per_week", None)]),
    ];
    for (what, path, changes) in cases {
        let instance = changed(value.clone(), &changes);
        assert_rejects(&schema, &instance, path, what);
    }
    Ok(())
}

#[test]
fn schema_example_writes_the_three_schemas() {
    let dir = std::env::temp_dir().join(format!("skillgauge-schema-{}", std::process::id()));
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
        assert_eq!(read_value(&path), expected, "{name}.schema.json");
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
        ])
        .arg("Cargo.toml/schemas")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).expect("utf-8 errors");
    assert!(
        stderr.starts_with("error: cannot create Cargo.toml/schemas: "),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(out.stdout.is_empty());
}
