//! Loading and validating frameworks: every validation rule, parse errors with their paths,
//! defaults, and the JSON and TOML round trips.

use serde_json::{Value, json};
use skillgauge::limits::{
    MAX_INPUT_BYTES, MAX_LEVELS, MAX_LIST, MAX_SKILLS, MAX_STEP_HOURS, MAX_STEPS, MAX_TEXT_LEN,
    MAX_TRAINING,
};
use skillgauge::{
    Category, Cost, DEFAULT_POINTS, Error, FitSettings, Format, Framework, IdKind, Pace, Period,
    Proficiency, StepKind,
};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// The smallest valid framework: one skill, one level.
const MINIMAL_TOML: &str = r#"
id = "tiny"
name = "Tiny"

[[skills]]
id = "a"
name = "A"

[[levels]]
id = "entry"
name = "Entry"
"#;

/// The smallest valid framework as a JSON value, for tests that patch one field.
fn minimal() -> Value {
    json!({
        "id": "tiny",
        "name": "Tiny",
        "skills": [{ "id": "a", "name": "A" }],
        "levels": [{ "id": "entry", "name": "Entry" }],
    })
}

/// A framework with two skills, two levels, two steps and a training option, for tests of
/// references between them.
fn rich() -> Value {
    json!({
        "id": "tiny",
        "name": "Tiny",
        "skills": [{ "id": "a", "name": "A" }, { "id": "b", "name": "B" }],
        "levels": [
            { "id": "entry", "name": "Entry", "requires": { "a": "novice" } },
            { "id": "mid", "name": "Mid", "requires": { "a": "competent", "b": "novice" } },
        ],
        "steps": [
            { "id": "s1", "title": "S1", "hours": 10, "develops": { "a": "novice" },
              "training": ["t1"] },
            { "id": "s2", "title": "S2", "hours": 20, "develops": { "a": "competent" },
              "prerequisites": ["s1"], "training": ["t1"] },
        ],
        "training": [{ "id": "t1", "name": "T1" }],
    })
}

/// `n` steps `s0`, `s1`, … each requiring the ids in `prerequisites[i]`.
fn steps(prerequisites: &[&[&str]]) -> Value {
    let steps: Vec<Value> = prerequisites
        .iter()
        .enumerate()
        .map(|(i, pre)| json!({ "id": format!("s{i}"), "title": "S", "hours": 1, "prerequisites": pre }))
        .collect();
    let mut value = minimal();
    value["steps"] = Value::Array(steps);
    value
}

#[track_caller]
fn load(value: Value) -> Framework {
    Framework::from_value(value).unwrap_or_else(|err| panic!("expected a valid framework: {err}"))
}

#[track_caller]
fn reject(value: Value) -> Error {
    match Framework::from_value(value) {
        Ok(_) => panic!("expected the framework to be rejected"),
        Err(err) => err,
    }
}

#[track_caller]
fn reject_toml(text: &str) -> Error {
    match Framework::from_toml(text) {
        Ok(_) => panic!("expected the TOML framework to be rejected"),
        Err(err) => err,
    }
}

#[track_caller]
fn reject_json(text: &str) -> Error {
    match Framework::from_json(text) {
        Ok(_) => panic!("expected the JSON framework to be rejected"),
        Err(err) => err,
    }
}

/// `MINIMAL_TOML` with `extra` appended to the table named by `at` (`""` for the top level,
/// `"skill"` or `"level"` for the one skill or level).
fn toml_with(at: &str, extra: &str) -> String {
    match at {
        "" => MINIMAL_TOML.replacen(
            "name = \"Tiny\"\n",
            &format!("name = \"Tiny\"\n{extra}\n"),
            1,
        ),
        "skill" => MINIMAL_TOML.replacen("name = \"A\"\n", &format!("name = \"A\"\n{extra}\n"), 1),
        "level" => format!("{MINIMAL_TOML}{extra}\n"),
        _ => panic!("unknown table {at}"),
    }
}

/// Checks a parse error's variant and fields (not line and column) and its full text.
#[track_caller]
fn assert_parse(err: &Error, format: Format, path: &str, message: &str, text: &str) {
    match err {
        Error::Parse {
            format: f,
            path: p,
            message: m,
            ..
        } => {
            assert_eq!(*f, format, "format of {err:?}");
            assert_eq!(p, path, "path of {err:?}");
            assert_eq!(m, message, "message of {err:?}");
        }
        other => panic!("expected a parse error, got {other:?}"),
    }
    assert_eq!(err.to_string(), text);
}

#[track_caller]
fn assert_invalid_value(err: &Error, field: &str, text: &str) {
    assert!(
        matches!(err, Error::InvalidValue { field: f, .. } if f == field),
        "expected InvalidValue for {field}, got {err:?}"
    );
    assert_eq!(err.to_string(), text);
}

#[track_caller]
fn assert_duplicate(err: &Error, field: &str, kind: IdKind, id: &str) {
    assert!(
        matches!(err, Error::DuplicateId { field: f, kind: k, id: i } if f == field && *k == kind && i == id),
        "expected DuplicateId {kind} `{id}` in {field}, got {err:?}"
    );
    assert_eq!(
        err.to_string(),
        format!("duplicate {kind} id `{id}` in {field}")
    );
}

#[track_caller]
fn assert_unknown(err: &Error, field: &str, kind: IdKind, id: &str) {
    assert!(
        matches!(err, Error::UnknownId { field: f, kind: k, id: i } if f == field && *k == kind && i == id),
        "expected UnknownId {kind} `{id}` in {field}, got {err:?}"
    );
    assert_eq!(
        err.to_string(),
        format!("{field} names unknown {kind} `{id}`")
    );
}

#[track_caller]
fn assert_cycle(err: &Error, path: &[&str]) {
    match err {
        Error::PrerequisiteCycle { path: p } => {
            let got: Vec<&str> = p.iter().map(skillgauge::Id::as_str).collect();
            assert_eq!(got, path);
        }
        other => panic!("expected a prerequisite cycle, got {other:?}"),
    }
    assert_eq!(
        err.to_string(),
        format!("prerequisite cycle: {}", path.join(" -> "))
    );
}

#[track_caller]
fn assert_text_too_long(err: &Error, field: &str, len: usize) {
    assert!(
        matches!(err, Error::TextTooLong { field: f, len: l, max } if f == field && *l == len && *max == MAX_TEXT_LEN),
        "expected TextTooLong for {field}, got {err:?}"
    );
    assert_eq!(
        err.to_string(),
        format!("{field} is {len} bytes long, more than the limit of {MAX_TEXT_LEN}")
    );
}

#[track_caller]
fn assert_too_many(err: &Error, field: &str, len: usize, max: usize) {
    assert!(
        matches!(err, Error::TooMany { field: f, len: l, max: m } if f == field && *l == len && *m == max),
        "expected TooMany for {field}, got {err:?}"
    );
    assert_eq!(
        err.to_string(),
        format!("{field} has {len} entries, more than the limit of {max}")
    );
}

// ---------------------------------------------------------------------------------------------
// Valid frameworks and defaults
// ---------------------------------------------------------------------------------------------

#[test]
#[allow(
    clippy::float_cmp,
    reason = "defaults are exact literals, compared exactly"
)]
fn minimal_framework_loads_with_defaults() {
    let framework = Framework::from_toml(MINIMAL_TOML).unwrap();
    assert_eq!(framework.id().as_str(), "tiny");
    assert_eq!(framework.name(), "Tiny");
    assert_eq!(framework.version(), "1.0.0");
    assert_eq!(framework.summary(), "");
    assert!(framework.responsibilities().is_empty());
    assert_eq!(framework.points(), &[0, 1, 2, 3, 4, 5]);
    assert_eq!(framework.points(), &DEFAULT_POINTS);
    assert_eq!(framework.fit(), &FitSettings::default());
    assert_eq!(framework.fit().decay, [1.0, 0.7, 0.4, 0.15, 0.05]);
    assert_eq!(framework.fit().near, 0.85);
    assert_eq!(framework.fit().stretch, 0.55);
    assert_eq!(framework.salary_note(), None);
    assert!(framework.steps().is_empty());
    assert!(framework.training().is_empty());
    assert!(framework.hiring().is_empty());

    let skill = framework.skill("a").unwrap();
    assert_eq!(skill.name, "A");
    assert_eq!(skill.category, Category::Technical);
    assert_eq!(skill.weight, 1.0);
    assert_eq!(skill.description, "");
    assert_eq!(skill.descriptors.get(Proficiency::Competent), None);

    let level = framework.level("entry").unwrap();
    assert_eq!(level.summary, "");
    assert_eq!(level.salary, None);
    assert_eq!(level.min_points, None);
    assert!(level.requires.is_empty());
}

#[test]
#[allow(
    clippy::float_cmp,
    reason = "defaults are exact literals, compared exactly"
)]
fn nested_defaults_are_applied() {
    let framework = Framework::from_toml(
        r#"
id = "tiny"
name = "Tiny"
[fit]
near = 0.9
[[skills]]
id = "a"
name = "A"
[[levels]]
id = "entry"
name = "Entry"
salary = { min = 1 }
[[steps]]
id = "s"
title = "S"
hours = 3
[[training]]
id = "t"
name = "T"
"#,
    )
    .unwrap();
    // A partial [fit] table keeps the other defaults.
    assert_eq!(framework.fit().decay, FitSettings::default().decay);
    assert_eq!(framework.fit().stretch, 0.55);
    assert_eq!(framework.fit().near, 0.9);

    let salary = framework.level("entry").unwrap().salary.clone().unwrap();
    assert_eq!(salary.min, Some(1));
    assert_eq!(salary.max, None);
    assert_eq!(salary.currency, "USD");
    assert_eq!(salary.period, Period::Year);
    assert_eq!(salary.note, None);

    let step = framework.step("s").unwrap();
    assert_eq!(step.kind, StepKind::Learn);
    assert!(!step.optional);
    assert_eq!(step.hours, 3);
    assert!(step.actions.is_empty() && step.prerequisites.is_empty());
    assert!(step.training.is_empty() && step.develops.is_empty());

    let training = framework.training_option("t").unwrap();
    assert_eq!(training.pace, Pace::SelfPaced);
    assert_eq!(training.cost, None);
    assert_eq!(training.duration, None);
}

#[test]
fn lookups_by_id() {
    let framework = load(rich());
    assert_eq!(framework.skill("b").unwrap().name, "B");
    assert_eq!(framework.level("mid").unwrap().name, "Mid");
    assert_eq!(framework.step("s2").unwrap().title, "S2");
    assert_eq!(framework.training_option("t1").unwrap().name, "T1");
    assert!(framework.skill("zz").is_none());
    assert!(framework.level("zz").is_none());
    assert!(framework.step("zz").is_none());
    assert!(framework.training_option("zz").is_none());
    // Lookups are by id, not name, and never by another kind's id.
    assert!(framework.skill("entry").is_none());
    assert!(framework.step("a").is_none());
}

#[test]
fn levels_keep_their_order() {
    let framework = load(rich());
    let ids: Vec<&str> = framework.levels().iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["entry", "mid"]);
}

#[test]
fn built_in_framework_has_the_documented_ids() {
    let framework = Framework::backend_developer();
    assert_eq!(framework.id().as_str(), "backend-developer");
    let levels: Vec<&str> = framework.levels().iter().map(|l| l.id.as_str()).collect();
    assert_eq!(levels, ["entry", "mid", "senior", "expert"]);
    assert!(framework.skill("programming-languages").is_some());
    assert!(framework.skill("security").is_some());
    for id in ["online_course", "bootcamp", "degree", "self_study"] {
        assert!(framework.training_option(id).is_some(), "training {id}");
    }
    assert!(framework.step("programming-foundations").is_some());
    // The embedded source is the same framework.
    assert_eq!(
        &Framework::from_toml(skillgauge::BACKEND_DEVELOPER_TOML).unwrap(),
        framework
    );
}

// ---------------------------------------------------------------------------------------------
// Round trips
// ---------------------------------------------------------------------------------------------

/// A framework that sets every field away from its default.
const FULL_TOML: &str = r#"
id = "full"
name = "Full"
version = "2.1.0"
summary = "A framework that sets everything."
responsibilities = ["Build things", "Fix things"]
salary_note = "Figures vary by region."
points = [0, 1, 3, 6, 12, 20]

[fit]
decay = [1.0, 0.5, 0.25, 0.1, 0.0]
near = 0.9
stretch = 0.5

[[skills]]
id = "a"
name = "A"
category = "professional"
description = "Skill A."
weight = 2.5
descriptors = { none = "n0", novice = "n1", advanced_beginner = "n2", competent = "n3", proficient = "n4", expert = "n5" }

[[skills]]
id = "b"
name = "B"
weight = 0.5

[[levels]]
id = "entry"
name = "Entry"
summary = "Starting out."
salary = { min = 1000, max = 2000, currency = "EUR", period = "month", note = "or more" }
min_points = 1.5
requires = { a = "novice", b = 2 }

[[levels]]
id = "mid"
name = "Mid"
salary = { min = 3000 }
min_points = 3
requires = { a = "competent", b = "advanced_beginner" }

[[steps]]
id = "s1"
title = "S1"
summary = "First."
actions = ["Do x", "Do y"]
kind = "build"
optional = true
hours = 5
training = ["t1", "t2"]
develops = { a = "competent", b = "novice" }

[[steps]]
id = "s2"
title = "S2"
kind = "habit"
hours = 7
prerequisites = ["s1"]

[[training]]
id = "t1"
name = "T1"
description = "Courses."
pace = "part_time"
duration = "3 months"
cost = "very_high"

[[training]]
id = "t2"
name = "T2"
pace = "intensive"
cost = "free"

[[hiring]]
industry = "Technology"
employers = ["X", "Y"]

[[hiring]]
industry = "Finance"
"#;

#[test]
fn full_framework_reads_every_field() {
    let f = Framework::from_toml(FULL_TOML).unwrap();
    assert_eq!(f.version(), "2.1.0");
    assert_eq!(f.responsibilities(), ["Build things", "Fix things"]);
    assert_eq!(f.salary_note(), Some("Figures vary by region."));
    assert_eq!(f.points(), &[0, 1, 3, 6, 12, 20]);
    let a = f.skill("a").unwrap();
    assert_eq!(a.category, Category::Professional);
    assert!((a.weight - 2.5).abs() < f64::EPSILON);
    for p in Proficiency::ALL {
        assert_eq!(
            a.descriptors.get(p),
            Some(format!("n{}", p.as_u8()).as_str())
        );
    }
    let entry = f.level("entry").unwrap();
    let salary = entry.salary.as_ref().unwrap();
    assert_eq!((salary.min, salary.max), (Some(1000), Some(2000)));
    assert_eq!(salary.period, Period::Month);
    assert_eq!(
        entry.requires.get("b"),
        Some(&Proficiency::AdvancedBeginner)
    );
    assert_eq!(f.level("mid").unwrap().min_points, Some(3.0));
    let s1 = f.step("s1").unwrap();
    assert_eq!(s1.kind, StepKind::Build);
    assert!(s1.optional);
    assert_eq!(s1.develops.get("a"), Some(&Proficiency::Competent));
    assert_eq!(f.step("s2").unwrap().kind, StepKind::Habit);
    let t1 = f.training_option("t1").unwrap();
    assert_eq!((t1.pace, t1.cost), (Pace::PartTime, Some(Cost::VeryHigh)));
    assert_eq!(f.hiring()[0].employers, ["X", "Y"]);
    assert!(f.hiring()[1].employers.is_empty());
}

#[test]
fn json_and_toml_load_the_same_framework() {
    let toml = Framework::from_toml(MINIMAL_TOML).unwrap();
    let json = Framework::from_json(&minimal().to_string()).unwrap();
    assert_eq!(toml, json);

    let full_toml = Framework::from_toml(FULL_TOML).unwrap();
    let full_json = Framework::from_json(
        r#"{
        "id": "full", "name": "Full", "version": "2.1.0",
        "summary": "A framework that sets everything.",
        "responsibilities": ["Build things", "Fix things"],
        "salary_note": "Figures vary by region.",
        "points": [0, 1, 3, 6, 12, 20],
        "fit": { "decay": [1.0, 0.5, 0.25, 0.1, 0.0], "near": 0.9, "stretch": 0.5 },
        "skills": [
            { "id": "a", "name": "A", "category": "professional", "description": "Skill A.",
              "weight": 2.5,
              "descriptors": { "none": "n0", "novice": "n1", "advanced_beginner": "n2",
                               "competent": "n3", "proficient": "n4", "expert": "n5" } },
            { "id": "b", "name": "B", "weight": 0.5 }
        ],
        "levels": [
            { "id": "entry", "name": "Entry", "summary": "Starting out.",
              "salary": { "min": 1000, "max": 2000, "currency": "EUR", "period": "month", "note": "or more" },
              "min_points": 1.5, "requires": { "a": "novice", "b": 2 } },
            { "id": "mid", "name": "Mid", "salary": { "min": 3000 }, "min_points": 3,
              "requires": { "a": "competent", "b": "advanced_beginner" } }
        ],
        "steps": [
            { "id": "s1", "title": "S1", "summary": "First.", "actions": ["Do x", "Do y"],
              "kind": "build", "optional": true, "hours": 5, "training": ["t1", "t2"],
              "develops": { "a": "competent", "b": "novice" } },
            { "id": "s2", "title": "S2", "kind": "habit", "hours": 7, "prerequisites": ["s1"] }
        ],
        "training": [
            { "id": "t1", "name": "T1", "description": "Courses.", "pace": "part_time",
              "duration": "3 months", "cost": "very_high" },
            { "id": "t2", "name": "T2", "pace": "intensive", "cost": "free" }
        ],
        "hiring": [
            { "industry": "Technology", "employers": ["X", "Y"] },
            { "industry": "Finance" }
        ]
    }"#,
    )
    .unwrap();
    assert_eq!(full_toml, full_json);
}

#[test]
fn to_json_round_trips() {
    for framework in [
        Framework::from_toml(MINIMAL_TOML).unwrap(),
        Framework::from_toml(FULL_TOML).unwrap(),
        Framework::backend_developer().clone(),
    ] {
        let json = framework.to_json();
        let again = Framework::from_json(&json).unwrap_or_else(|e| panic!("{e}\n{json}"));
        assert_eq!(again, framework);
        // Writing again gives the same text: no hash-order leaks.
        assert_eq!(again.to_json(), json);
    }
}

#[test]
fn to_toml_round_trips() {
    for framework in [
        Framework::from_toml(MINIMAL_TOML).unwrap(),
        Framework::from_toml(FULL_TOML).unwrap(),
        Framework::backend_developer().clone(),
    ] {
        let toml = framework.to_toml().unwrap();
        let again = Framework::from_toml(&toml).unwrap_or_else(|e| panic!("{e}\n{toml}"));
        assert_eq!(again, framework);
        assert_eq!(again.to_toml().unwrap(), toml);
    }
}

#[test]
fn serde_round_trips_and_validates() {
    let framework = Framework::from_toml(FULL_TOML).unwrap();
    let text = serde_json::to_string(&framework).unwrap();
    let again: Framework = serde_json::from_str(&text).unwrap();
    assert_eq!(again, framework);

    // Deserializing through serde validates too.
    let mut bad = minimal();
    bad["skills"][0]["weight"] = json!(0);
    let err = serde_json::from_value::<Framework>(bad).unwrap_err();
    assert_eq!(
        err.to_string(),
        "skill `a` has weight 0: a weight is a positive number up to 1000000"
    );
}

#[test]
fn defaults_are_written_out_or_omitted_without_changing_the_framework() {
    let framework = Framework::from_toml(MINIMAL_TOML).unwrap();
    let value: Value = serde_json::from_str(&framework.to_json()).unwrap();
    assert_eq!(value["version"], "1.0.0");
    assert_eq!(value["points"], json!([0, 1, 2, 3, 4, 5]));
    assert_eq!(value["skills"][0]["category"], "technical");
    // Weight 1 is the default and is left out.
    assert!(value["skills"][0].get("weight").is_none());
}

#[test]
#[allow(
    clippy::float_cmp,
    reason = "a round trip must give back the same bits"
)]
fn weight_just_below_one_round_trips() {
    let mut value = minimal();
    value["skills"][0]["weight"] = json!(0.999_999_999_999_999_9_f64);
    let framework = load(value);
    let again = Framework::from_json(&framework.to_json()).unwrap();
    assert_eq!(again.skills()[0].weight, framework.skills()[0].weight);
    assert_eq!(again, framework);
}

// ---------------------------------------------------------------------------------------------
// from_path
// ---------------------------------------------------------------------------------------------

/// A file in the temporary directory, removed when dropped.
struct TempFile(std::path::PathBuf);

impl TempFile {
    fn new(name: &str, contents: &str) -> TempFile {
        let path =
            std::env::temp_dir().join(format!("skillgauge-test-{}-{name}", std::process::id()));
        std::fs::write(&path, contents).unwrap();
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn from_path_reads_toml_by_extension() {
    let expected = Framework::from_toml(MINIMAL_TOML).unwrap();
    let toml = TempFile::new("framework.toml", MINIMAL_TOML);
    assert_eq!(Framework::from_path(&toml.0).unwrap(), expected);
    let upper = TempFile::new("framework.TOML", MINIMAL_TOML);
    assert_eq!(Framework::from_path(&upper.0).unwrap(), expected);
}

#[test]
fn from_path_reads_json_otherwise() {
    let expected = Framework::from_toml(MINIMAL_TOML).unwrap();
    let text = minimal().to_string();
    let json = TempFile::new("framework.json", &text);
    assert_eq!(Framework::from_path(&json.0).unwrap(), expected);
    let bare = TempFile::new("framework", &text);
    assert_eq!(Framework::from_path(&bare.0).unwrap(), expected);

    // TOML text in a .json file is read as JSON, and fails as JSON.
    let wrong = TempFile::new("wrong.json", MINIMAL_TOML);
    let err = Framework::from_path(&wrong.0).unwrap_err();
    assert!(
        matches!(
            err,
            Error::Parse {
                format: Format::Json,
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn from_path_reports_validation_errors() {
    let file = TempFile::new("bad.toml", &toml_with("skill", "weight = 0"));
    let err = Framework::from_path(&file.0).unwrap_err();
    assert!(matches!(err, Error::InvalidWeight { .. }), "{err:?}");
}

#[test]
fn from_path_reports_io_errors_naming_the_file() {
    let path = std::env::temp_dir().join("skillgauge-test-does-not-exist/framework.toml");
    let err = Framework::from_path(&path).unwrap_err();
    let shown = path.display().to_string();
    match &err {
        Error::Io { path: p, message } => {
            assert_eq!(p, &shown);
            assert!(!message.is_empty());
            assert_eq!(err.to_string(), format!("cannot read {shown}: {message}"));
        }
        other => panic!("expected an Io error, got {other:?}"),
    }
    // A directory is not a file.
    let dir = std::env::temp_dir();
    let err = Framework::from_path(&dir).unwrap_err();
    assert!(
        matches!(&err, Error::Io { path, .. } if *path == dir.display().to_string()),
        "{err:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// Duplicate and unknown ids
// ---------------------------------------------------------------------------------------------

#[test]
fn duplicate_skill_id() {
    let mut value = minimal();
    value["skills"] = json!([{ "id": "a", "name": "A" }, { "id": "a", "name": "A again" }]);
    assert_duplicate(&reject(value), "skills", IdKind::Skill, "a");
}

#[test]
fn duplicate_level_id() {
    let mut value = minimal();
    value["levels"] = json!([{ "id": "entry", "name": "E" }, { "id": "entry", "name": "E2" }]);
    assert_duplicate(&reject(value), "levels", IdKind::Level, "entry");
}

#[test]
fn duplicate_step_id() {
    let mut value = rich();
    value["steps"][1]["id"] = json!("s1");
    value["steps"][1]["prerequisites"] = json!([]);
    assert_duplicate(&reject(value), "steps", IdKind::Step, "s1");
}

#[test]
fn duplicate_training_id() {
    let mut value = rich();
    value["training"] = json!([{ "id": "t1", "name": "T1" }, { "id": "t1", "name": "Again" }]);
    assert_duplicate(&reject(value), "training", IdKind::Training, "t1");
}

#[test]
fn duplicate_references_in_a_step() {
    let mut value = rich();
    value["steps"][1]["prerequisites"] = json!(["s1", "s1"]);
    assert_duplicate(&reject(value), "steps.s2.prerequisites", IdKind::Step, "s1");

    let mut value = rich();
    value["steps"][0]["training"] = json!(["t1", "t1"]);
    assert_duplicate(&reject(value), "steps.s1.training", IdKind::Training, "t1");
}

#[test]
fn ids_of_different_kinds_may_coincide() {
    // A skill, a level, a step and a training option may share an id.
    let value = json!({
        "id": "x", "name": "X",
        "skills": [{ "id": "x", "name": "X" }],
        "levels": [{ "id": "x", "name": "X", "requires": { "x": "novice" } }],
        "steps": [{ "id": "x", "title": "X", "hours": 1, "training": ["x"], "develops": { "x": "novice" } }],
        "training": [{ "id": "x", "name": "X" }],
    });
    load(value);
}

#[test]
fn requires_names_unknown_skill() {
    let mut value = minimal();
    value["levels"][0]["requires"] = json!({ "rsut": "novice" });
    assert_unknown(
        &reject(value),
        "levels.entry.requires",
        IdKind::Skill,
        "rsut",
    );
}

#[test]
fn develops_names_unknown_skill() {
    let mut value = rich();
    value["steps"][1]["develops"] = json!({ "a": "expert", "zz": "novice" });
    assert_unknown(&reject(value), "steps.s2.develops", IdKind::Skill, "zz");
}

#[test]
fn prerequisite_names_unknown_step() {
    let mut value = rich();
    value["steps"][1]["prerequisites"] = json!(["s1", "nope"]);
    assert_unknown(
        &reject(value),
        "steps.s2.prerequisites",
        IdKind::Step,
        "nope",
    );
}

#[test]
fn step_training_names_unknown_option() {
    let mut value = rich();
    value["steps"][0]["training"] = json!(["bootcamp"]);
    assert_unknown(
        &reject(value),
        "steps.s1.training",
        IdKind::Training,
        "bootcamp",
    );
}

#[test]
fn unknown_id_from_toml() {
    let err = reject_toml(&toml_with("level", "requires = { rsut = \"novice\" }"));
    assert_unknown(&err, "levels.entry.requires", IdKind::Skill, "rsut");
}

// ---------------------------------------------------------------------------------------------
// Prerequisite cycles
// ---------------------------------------------------------------------------------------------

#[test]
fn self_prerequisite_is_a_cycle() {
    assert_cycle(&reject(steps(&[&["s0"]])), &["s0", "s0"]);
}

#[test]
fn two_step_cycle() {
    assert_cycle(&reject(steps(&[&["s1"], &["s0"]])), &["s0", "s1", "s0"]);
}

#[test]
fn three_step_cycle() {
    assert_cycle(
        &reject(steps(&[&["s1"], &["s2"], &["s0"]])),
        &["s0", "s1", "s2", "s0"],
    );
}

#[test]
fn cycle_behind_an_acyclic_prefix_names_only_the_cycle() {
    // s0 -> s1 -> s2 -> s3 -> s2: the cycle is s2 -> s3 -> s2, not the path into it.
    assert_cycle(
        &reject(steps(&[&["s1"], &["s2"], &["s3"], &["s2"]])),
        &["s2", "s3", "s2"],
    );
}

#[test]
fn diamond_is_not_a_cycle() {
    // s0 needs s1 and s2, which both need s3.
    load(steps(&[&["s1", "s2"], &["s3"], &["s3"], &[]]));
}

#[test]
fn long_chain_is_not_a_cycle_and_does_not_overflow() {
    let n = 20_000;
    let chain: Vec<Vec<String>> = (0..n)
        .map(|i| {
            if i + 1 < n {
                vec![format!("s{}", i + 1)]
            } else {
                vec![]
            }
        })
        .collect();
    let refs: Vec<Vec<&str>> = chain
        .iter()
        .map(|v| v.iter().map(String::as_str).collect())
        .collect();
    let slices: Vec<&[&str]> = refs.iter().map(Vec::as_slice).collect();
    let framework = load(steps(&slices));
    assert_eq!(framework.steps().len(), n);
}

// ---------------------------------------------------------------------------------------------
// Monotone levels
// ---------------------------------------------------------------------------------------------

#[test]
fn requirement_decreasing_up_the_ladder() {
    let mut value = rich();
    value["levels"][1]["requires"]["a"] = json!("novice");
    value["levels"][0]["requires"]["a"] = json!("competent");
    let err = reject(value);
    assert!(
        matches!(
            &err,
            Error::DecreasingRequirement { level, lower, skill, required: Proficiency::Novice, lower_required: Proficiency::Competent }
                if level == "mid" && lower == "entry" && skill == "a"
        ),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "level `mid` requires a at novice, less than competent required by lower level `entry`"
    );
}

#[test]
fn requirement_absent_from_the_higher_level() {
    let mut value = rich();
    value["levels"][1]["requires"] = json!({ "b": "novice" });
    let err = reject(value);
    assert!(
        matches!(
            &err,
            Error::DecreasingRequirement { level, lower, skill, required: Proficiency::None, lower_required: Proficiency::Novice }
                if level == "mid" && lower == "entry" && skill == "a"
        ),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "level `mid` does not require a, but lower level `entry` requires novice: a level repeats every requirement of the levels below it, at least as high"
    );
}

#[test]
fn requirement_decreasing_between_the_top_two_of_three_levels() {
    let mut value = rich();
    value["levels"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "id": "senior", "name": "Senior", "requires": { "a": "competent" } }));
    let err = reject(value);
    assert!(
        matches!(&err, Error::DecreasingRequirement { level, lower, skill, .. }
            if level == "senior" && lower == "mid" && skill == "b"),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "level `senior` does not require b, but lower level `mid` requires novice: a level repeats every requirement of the levels below it, at least as high"
    );
}

#[test]
fn equal_requirements_are_monotone() {
    let mut value = rich();
    value["levels"][1]["requires"] = json!({ "a": "novice" });
    load(value);
}

#[test]
fn min_points_decreasing() {
    let mut value = rich();
    value["levels"][0]["min_points"] = json!(10);
    value["levels"][1]["min_points"] = json!(5);
    let err = reject(value);
    assert!(
        matches!(&err, Error::DecreasingMinPoints { level, lower, min_points, lower_min_points }
            if level == "mid" && lower == "entry"
                && (*min_points - 5.0).abs() < f64::EPSILON
                && (*lower_min_points - 10.0).abs() < f64::EPSILON),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "level `mid` has min_points 5, less than 10 of lower level `entry`"
    );
}

#[test]
fn min_points_absent_on_the_higher_level() {
    let mut value = rich();
    value["levels"][0]["min_points"] = json!(2.5);
    let err = reject(value);
    assert!(
        matches!(&err, Error::DecreasingMinPoints { level, lower, min_points, .. }
            if level == "mid" && lower == "entry" && *min_points == 0.0),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "level `mid` has no min_points, but lower level `entry` needs 2.5: a level needs at least the points of the levels below it"
    );
}

#[test]
fn min_points_must_be_non_negative_and_finite() {
    let mut value = minimal();
    value["levels"][0]["min_points"] = json!(-1);
    assert_invalid_value(
        &reject(value),
        "levels.entry.min_points",
        "levels.entry.min_points: -1 is not a non-negative finite number",
    );
    let err = reject_toml(&toml_with("level", "min_points = nan"));
    assert_invalid_value(
        &err,
        "levels.entry.min_points",
        "levels.entry.min_points: NaN is not a non-negative finite number",
    );
    let err = reject_toml(&toml_with("level", "min_points = inf"));
    assert_invalid_value(
        &err,
        "levels.entry.min_points",
        "levels.entry.min_points: inf is not a non-negative finite number",
    );
}

// ---------------------------------------------------------------------------------------------
// Weights, points, fit, salary, hours
// ---------------------------------------------------------------------------------------------

#[track_caller]
fn assert_weight(err: &Error, skill: &str, text: &str) {
    assert!(
        matches!(err, Error::InvalidWeight { skill: s, .. } if s == skill),
        "expected InvalidWeight for {skill}, got {err:?}"
    );
    assert_eq!(err.to_string(), text);
}

#[test]
fn weight_zero() {
    let mut value = minimal();
    value["skills"][0]["weight"] = json!(0);
    let err = reject(value);
    assert!(matches!(err, Error::InvalidWeight { weight, .. } if weight == 0.0));
    assert_weight(
        &err,
        "a",
        "skill `a` has weight 0: a weight is a positive number up to 1000000",
    );
}

#[test]
fn weight_negative() {
    let mut value = minimal();
    value["skills"][0]["weight"] = json!(-1);
    let err = reject(value);
    assert!(
        matches!(err, Error::InvalidWeight { weight, .. } if (weight + 1.0).abs() < f64::EPSILON)
    );
    assert_weight(
        &err,
        "a",
        "skill `a` has weight -1: a weight is a positive number up to 1000000",
    );
}

#[test]
fn weight_nan_and_infinite_from_toml() {
    let err = reject_toml(&toml_with("skill", "weight = nan"));
    assert!(matches!(err, Error::InvalidWeight { weight, .. } if weight.is_nan()));
    assert_weight(
        &err,
        "a",
        "skill `a` has weight NaN: a weight is a positive number up to 1000000",
    );

    let err = reject_toml(&toml_with("skill", "weight = inf"));
    assert_weight(
        &err,
        "a",
        "skill `a` has weight inf: a weight is a positive number up to 1000000",
    );

    let err = reject_toml(&toml_with("skill", "weight = -inf"));
    assert_weight(
        &err,
        "a",
        "skill `a` has weight -inf: a weight is a positive number up to 1000000",
    );
}

#[test]
fn weight_names_the_right_skill() {
    let mut value = rich();
    value["skills"][1]["weight"] = json!(-0.5);
    assert_weight(
        &reject(value),
        "b",
        "skill `b` has weight -0.5: a weight is a positive number up to 1000000",
    );
}

#[test]
fn points_table_decreasing() {
    let mut value = minimal();
    value["points"] = json!([0, 1, 2, 1, 4, 5]);
    let err = reject(value);
    assert!(
        matches!(
            err,
            Error::DecreasingPoints {
                proficiency: Proficiency::Competent,
                value: 1,
                previous: 2
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "points table decreases at competent: 1 is less than 2"
    );

    let mut value = minimal();
    value["points"] = json!([0, 1, 2, 3, 4, 0]);
    let err = reject(value);
    assert_eq!(
        err.to_string(),
        "points table decreases at expert: 0 is less than 4"
    );
}

#[test]
fn flat_points_table_is_allowed() {
    let mut value = minimal();
    value["points"] = json!([1, 1, 1, 1, 1, 1]);
    load(value);
}

#[test]
fn points_table_of_wrong_length() {
    let err = reject_toml(&toml_with("", "points = [0, 1, 2]"));
    assert_parse(
        &err,
        Format::Toml,
        "points",
        "invalid length 3, expected an array of length 6",
        "TOML field `points` (line 4, column 10): invalid length 3, expected an array of length 6",
    );

    let mut value = minimal();
    value["points"] = json!([0, 1, 2, 3, 4]);
    let err = reject(value);
    assert_parse(
        &err,
        Format::Json,
        "points",
        "invalid length 5, expected an array of length 6",
        "JSON field `points`: invalid length 5, expected an array of length 6",
    );

    let mut value = minimal();
    value["points"] = json!([0, 1, 2, 3, 4, 5, 6]);
    let err = reject(value);
    assert!(
        matches!(&err, Error::Parse { path, .. } if path == "points"),
        "{err:?}"
    );
}

#[test]
fn negative_points_are_a_parse_error() {
    let mut value = minimal();
    value["points"] = json!([0, 1, 2, 3, 4, -5]);
    let err = reject(value);
    assert_parse(
        &err,
        Format::Json,
        "points[5]",
        "invalid value: integer `-5`, expected u32",
        "JSON field `points[5]`: invalid value: integer `-5`, expected u32",
    );
}

#[test]
fn points_table_too_long_is_rejected_in_every_format() {
    let err = reject_toml(&toml_with("", "points = [0, 1, 2, 3, 4, 5, 6]"));
    assert!(
        matches!(&err, Error::Parse { path, .. } if path == "points"),
        "{err:?}"
    );

    let err = reject_toml(&toml_with(
        "",
        "[fit]\ndecay = [1.0, 0.7, 0.4, 0.15, 0.05, 0.0]",
    ));
    assert!(
        matches!(&err, Error::Parse { path, .. } if path == "fit.decay"),
        "{err:?}"
    );

    let mut value = minimal();
    value["points"] = json!([0, 1, 2, 3, 4, 5, 6]);
    let err = reject_json(&value.to_string());
    assert!(
        matches!(&err, Error::Parse { path, message, .. } if path == "points" && message.contains("length")),
        "{err:?}"
    );
}

#[test]
fn fit_decay_increasing() {
    let mut value = minimal();
    value["fit"] = json!({ "decay": [1.0, 0.5, 0.6, 0.1, 0.0] });
    assert_invalid_value(
        &reject(value),
        "fit.decay[2]",
        "fit.decay[2]: 0.6 is more than fit.decay[1] = 0.5: decay never increases with the gap",
    );
}

#[test]
fn fit_decay_of_wrong_length() {
    let mut value = minimal();
    value["fit"] = json!({ "decay": [1.0, 0.5] });
    let err = reject(value);
    assert_parse(
        &err,
        Format::Json,
        "fit.decay",
        "invalid length 2, expected an array of length 5",
        "JSON field `fit.decay`: invalid length 2, expected an array of length 5",
    );
}

#[test]
fn fit_values_outside_zero_to_one() {
    let cases = [
        (
            json!({ "decay": [1.5, 0.5, 0.4, 0.1, 0.0] }),
            "fit.decay[0]",
            "fit.decay[0]: 1.5 is outside 0-1",
        ),
        (
            json!({ "decay": [1.0, 0.5, 0.4, 0.1, -0.1] }),
            "fit.decay[4]",
            "fit.decay[4]: -0.1 is outside 0-1",
        ),
        (
            json!({ "near": 1.5 }),
            "fit.near",
            "fit.near: 1.5 is outside 0-1",
        ),
        (
            json!({ "near": -0.5 }),
            "fit.near",
            "fit.near: -0.5 is outside 0-1",
        ),
        (
            json!({ "stretch": -0.1 }),
            "fit.stretch",
            "fit.stretch: -0.1 is outside 0-1",
        ),
    ];
    for (fit, field, text) in cases {
        let mut value = minimal();
        value["fit"] = fit;
        assert_invalid_value(&reject(value), field, text);
    }
}

#[test]
fn fit_nan_and_infinite_from_toml() {
    let err = reject_toml(&toml_with("", "[fit]\nnear = nan"));
    assert_invalid_value(&err, "fit.near", "fit.near: NaN is outside 0-1");
    let err = reject_toml(&toml_with("", "[fit]\nstretch = inf"));
    assert_invalid_value(&err, "fit.stretch", "fit.stretch: inf is outside 0-1");
    let err = reject_toml(&toml_with("", "[fit]\ndecay = [1.0, nan, 0.4, 0.15, 0.05]"));
    assert_invalid_value(&err, "fit.decay[1]", "fit.decay[1]: NaN is outside 0-1");
}

#[test]
fn fit_near_below_stretch() {
    let mut value = minimal();
    value["fit"] = json!({ "near": 0.5, "stretch": 0.6 });
    assert_invalid_value(
        &reject(value),
        "fit.stretch",
        "fit.stretch: 0.6 is more than fit.near = 0.5",
    );
}

#[test]
fn fit_boundaries_are_allowed() {
    let mut value = minimal();
    value["fit"] = json!({ "decay": [1.0, 1.0, 0.0, 0.0, 0.0], "near": 1.0, "stretch": 1.0 });
    load(value);
    let mut value = minimal();
    value["fit"] = json!({ "decay": [0.0, 0.0, 0.0, 0.0, 0.0], "near": 0.0, "stretch": 0.0 });
    load(value);
}

#[test]
fn salary_min_above_max() {
    let mut value = rich();
    value["levels"][1]["salary"] = json!({ "min": 90_000, "max": 50_000 });
    assert_invalid_value(
        &reject(value),
        "levels.mid.salary",
        "levels.mid.salary: min 90000 is more than max 50000",
    );
}

#[test]
fn salary_open_ends_and_equal_ends_are_allowed() {
    for salary in [
        json!({ "min": 5 }),
        json!({ "max": 5 }),
        json!({}),
        json!({ "min": 5, "max": 5 }),
    ] {
        let mut value = minimal();
        value["levels"][0]["salary"] = salary;
        load(value);
    }
}

#[test]
fn step_hours_zero_and_too_many() {
    let mut value = rich();
    value["steps"][0]["hours"] = json!(0);
    assert_invalid_value(
        &reject(value),
        "steps.s1.hours",
        &format!("steps.s1.hours: 0 is outside 1-{MAX_STEP_HOURS}"),
    );

    let mut value = rich();
    value["steps"][1]["hours"] = json!(MAX_STEP_HOURS + 1);
    assert_invalid_value(
        &reject(value),
        "steps.s2.hours",
        &format!(
            "steps.s2.hours: {} is outside 1-{MAX_STEP_HOURS}",
            MAX_STEP_HOURS + 1
        ),
    );

    let mut value = rich();
    value["steps"][1]["hours"] = json!(MAX_STEP_HOURS);
    load(value);
}

#[test]
fn step_hours_missing_or_negative() {
    let mut value = rich();
    value["steps"][0].as_object_mut().unwrap().remove("hours");
    assert_parse(
        &reject(value),
        Format::Json,
        "steps[0]",
        "missing field `hours`",
        "JSON field `steps[0]`: missing field `hours`",
    );
    let mut value = rich();
    value["steps"][0]["hours"] = json!(-3);
    assert_parse(
        &reject(value),
        Format::Json,
        "steps[0].hours",
        "invalid value: integer `-3`, expected u32",
        "JSON field `steps[0].hours`: invalid value: integer `-3`, expected u32",
    );
}

// ---------------------------------------------------------------------------------------------
// Empty and missing
// ---------------------------------------------------------------------------------------------

#[test]
fn no_skills() {
    let mut value = minimal();
    value["skills"] = json!([]);
    let err = reject(value);
    assert!(matches!(err, Error::Empty { field: "skills" }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "framework has no skills: at least one is required"
    );

    let err = reject_toml(
        "id = \"t\"\nname = \"T\"\nskills = []\n[[levels]]\nid = \"l\"\nname = \"L\"\n",
    );
    assert!(matches!(err, Error::Empty { field: "skills" }), "{err:?}");
}

#[test]
fn no_levels() {
    let mut value = minimal();
    value["levels"] = json!([]);
    let err = reject(value);
    assert!(matches!(err, Error::Empty { field: "levels" }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "framework has no levels: at least one is required"
    );
}

#[test]
fn missing_skills_field() {
    let err = reject_toml("id = \"t\"\nname = \"T\"\n[[levels]]\nid = \"l\"\nname = \"L\"\n");
    assert_parse(
        &err,
        Format::Toml,
        "",
        "missing field `skills`",
        "TOML document (line 1, column 1): missing field `skills`",
    );

    let err = reject_json(r#"{"id": "t", "name": "T", "levels": [{"id": "l", "name": "L"}]}"#);
    assert_parse(
        &err,
        Format::Json,
        "",
        "missing field `skills`",
        "JSON document (line 1, column 62): missing field `skills`",
    );

    let mut value = minimal();
    value.as_object_mut().unwrap().remove("skills");
    assert_parse(
        &reject(value),
        Format::Json,
        "",
        "missing field `skills`",
        "JSON document: missing field `skills`",
    );
}

#[test]
fn missing_required_fields_name_their_place() {
    let mut value = minimal();
    value.as_object_mut().unwrap().remove("name");
    assert_parse(
        &reject(value),
        Format::Json,
        "",
        "missing field `name`",
        "JSON document: missing field `name`",
    );

    let mut value = minimal();
    value["skills"][0].as_object_mut().unwrap().remove("name");
    assert_parse(
        &reject(value),
        Format::Json,
        "skills[0]",
        "missing field `name`",
        "JSON field `skills[0]`: missing field `name`",
    );

    let mut value = minimal();
    value["levels"][0].as_object_mut().unwrap().remove("id");
    assert_parse(
        &reject(value),
        Format::Json,
        "levels[0]",
        "missing field `id`",
        "JSON field `levels[0]`: missing field `id`",
    );
}

// ---------------------------------------------------------------------------------------------
// Unknown fields and bad values
// ---------------------------------------------------------------------------------------------

#[test]
fn unknown_field_at_top_level() {
    let err = reject_toml(&toml_with("", "wieght = 1"));
    assert_parse(
        &err,
        Format::Toml,
        "wieght",
        "unknown field `wieght`, expected one of `id`, `name`, `version`, `summary`, `responsibilities`, `points`, `fit`, `salary_note`, `skills`, `levels`, `steps`, `training`, `hiring`",
        "TOML field `wieght` (line 4, column 1): unknown field `wieght`, expected one of `id`, `name`, `version`, `summary`, `responsibilities`, `points`, `fit`, `salary_note`, `skills`, `levels`, `steps`, `training`, `hiring`",
    );
}

#[test]
fn unknown_field_in_a_skill() {
    let err = reject_toml(&toml_with("skill", "wieght = 2"));
    assert_parse(
        &err,
        Format::Toml,
        "skills[0].wieght",
        "unknown field `wieght`, expected one of `id`, `name`, `category`, `description`, `weight`, `descriptors`",
        "TOML field `skills[0].wieght` (line 8, column 1): unknown field `wieght`, expected one of `id`, `name`, `category`, `description`, `weight`, `descriptors`",
    );

    let mut value = rich();
    value["skills"][1]["wieght"] = json!(2);
    let err = reject_json(&value.to_string());
    assert!(
        matches!(&err, Error::Parse { format: Format::Json, path, line: Some(1), column: Some(_), .. } if path == "skills[1].wieght"),
        "{err:?}"
    );
}

#[test]
fn unknown_field_in_a_level() {
    let err = reject_toml(&toml_with("level", "min_point = 3"));
    assert_parse(
        &err,
        Format::Toml,
        "levels[0].min_point",
        "unknown field `min_point`, expected one of `id`, `name`, `summary`, `salary`, `min_points`, `requires`",
        "TOML field `levels[0].min_point` (line 12, column 1): unknown field `min_point`, expected one of `id`, `name`, `summary`, `salary`, `min_points`, `requires`",
    );
}

#[test]
fn unknown_field_in_a_step() {
    let mut value = rich();
    value["steps"][1]["prerequisite"] = json!(["s1"]);
    assert_parse(
        &reject(value),
        Format::Json,
        "steps[1].prerequisite",
        "unknown field `prerequisite`, expected one of `id`, `title`, `summary`, `actions`, `kind`, `optional`, `hours`, `prerequisites`, `training`, `develops`",
        "JSON field `steps[1].prerequisite`: unknown field `prerequisite`, expected one of `id`, `title`, `summary`, `actions`, `kind`, `optional`, `hours`, `prerequisites`, `training`, `develops`",
    );
}

#[test]
fn unknown_field_in_a_training_option() {
    let mut value = rich();
    value["training"][0]["price"] = json!("low");
    assert_parse(
        &reject(value),
        Format::Json,
        "training[0].price",
        "unknown field `price`, expected one of `id`, `name`, `description`, `pace`, `duration`, `cost`",
        "JSON field `training[0].price`: unknown field `price`, expected one of `id`, `name`, `description`, `pace`, `duration`, `cost`",
    );
}

#[test]
fn unknown_field_in_a_salary() {
    let err = reject_toml(&toml_with("level", "salary = { min = 1, maximum = 2 }"));
    assert_parse(
        &err,
        Format::Toml,
        "levels[0].salary.maximum",
        "unknown field `maximum`, expected one of `min`, `max`, `currency`, `period`, `note`",
        "TOML field `levels[0].salary.maximum` (line 12, column 21): unknown field `maximum`, expected one of `min`, `max`, `currency`, `period`, `note`",
    );
}

#[test]
fn unknown_field_in_descriptors() {
    let err = reject_toml(&toml_with("skill", "descriptors = { novce = \"x\" }"));
    assert_parse(
        &err,
        Format::Toml,
        "skills[0].descriptors.novce",
        "unknown field `novce`, expected one of `none`, `novice`, `advanced_beginner`, `competent`, `proficient`, `expert`",
        "TOML field `skills[0].descriptors.novce` (line 8, column 17): unknown field `novce`, expected one of `none`, `novice`, `advanced_beginner`, `competent`, `proficient`, `expert`",
    );
}

#[test]
fn unknown_field_in_fit_and_hiring() {
    let mut value = minimal();
    value["fit"] = json!({ "nere": 0.9 });
    assert_parse(
        &reject(value),
        Format::Json,
        "fit.nere",
        "unknown field `nere`, expected one of `decay`, `near`, `stretch`",
        "JSON field `fit.nere`: unknown field `nere`, expected one of `decay`, `near`, `stretch`",
    );
    let mut value = minimal();
    value["hiring"] = json!([{ "industry": "Tech", "employer": ["X"] }]);
    assert_parse(
        &reject(value),
        Format::Json,
        "hiring[0].employer",
        "unknown field `employer`, expected `industry` or `employers`",
        "JSON field `hiring[0].employer`: unknown field `employer`, expected `industry` or `employers`",
    );
}

#[test]
fn unknown_enum_values_name_their_field() {
    let cases = [
        (
            "/skills/0/category",
            json!("soft"),
            "skills[0].category",
            "unknown variant `soft`, expected `technical` or `professional`",
        ),
        (
            "/levels/0/salary",
            json!({ "period": "week" }),
            "levels[0].salary.period",
            "unknown variant `week`, expected one of `year`, `month`, `hour`",
        ),
        (
            "/levels/0/requires",
            json!({ "a": "compitent" }),
            "levels[0].requires.a",
            "unknown proficiency `compitent`, expected one of none, novice, advanced_beginner, competent, proficient, expert or 0-5",
        ),
        (
            "/levels/0/requires",
            json!({ "a": 7 }),
            "levels[0].requires.a",
            "proficiency 7 is outside 0-5",
        ),
    ];
    for (pointer, bad, path, message) in cases {
        let mut value = minimal();
        let slot = pointer.rsplit_once('/').unwrap();
        value.pointer_mut(slot.0).unwrap()[slot.1] = bad;
        let err = reject(value);
        assert_parse(
            &err,
            Format::Json,
            path,
            message,
            &format!("JSON field `{path}`: {message}"),
        );
    }
}

#[test]
fn step_kind_pace_and_cost_values_are_checked() {
    let mut value = rich();
    value["steps"][0]["kind"] = json!("study");
    assert!(matches!(&reject(value), Error::Parse { path, .. } if path == "steps[0].kind"));
    let mut value = rich();
    value["training"][0]["pace"] = json!("slow");
    assert!(matches!(&reject(value), Error::Parse { path, .. } if path == "training[0].pace"));
    let mut value = rich();
    value["training"][0]["cost"] = json!("cheap");
    assert!(matches!(&reject(value), Error::Parse { path, .. } if path == "training[0].cost"));
}

#[test]
fn duplicate_key_in_toml() {
    let err = reject_toml("id = \"t\"\nname = \"T\"\nname = \"U\"\n");
    assert!(
        matches!(
            &err,
            Error::Parse {
                format: Format::Toml,
                line: Some(3),
                column: Some(1),
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn duplicate_key_in_toml_names_the_key() {
    let err = reject_toml("id = \"t\"\nname = \"T\"\nname = \"U\"\n");
    assert!(err.to_string().contains("name"), "{err}");
}

#[test]
fn duplicate_field_in_json() {
    let err = reject_json(r#"{"id": "t", "name": "x", "name": "y"}"#);
    assert_parse(
        &err,
        Format::Json,
        "",
        "duplicate field `name`",
        "JSON document (line 1, column 31): duplicate field `name`",
    );
}

#[test]
fn duplicate_key_in_a_json_map_is_rejected() {
    let text = r#"{"id": "t", "name": "T", "skills": [{"id": "a", "name": "A"}],
        "levels": [{"id": "l", "name": "L", "requires": {"a": "expert", "a": "novice"}}]}"#;
    let err = reject_json(text);
    assert!(
        matches!(&err, Error::Parse { path, .. } if path.starts_with("levels[0].requires")),
        "{err:?}"
    );
}

#[test]
fn json_array_is_not_a_framework() {
    let err = reject_json("[]");
    assert!(!err.to_string().contains("FrameworkData"), "{err}");
    let err = reject_json(r#"["t", "T"]"#);
    assert!(err.to_string().contains("expected"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// Invalid ids
// ---------------------------------------------------------------------------------------------

#[test]
fn invalid_framework_ids() {
    let cases = [
        (
            "Tiny",
            "invalid id `Tiny`: an id holds only lowercase ASCII letters, digits, `-` and `_`",
        ),
        (
            "t t",
            "invalid id `t t`: an id holds only lowercase ASCII letters, digits, `-` and `_`",
        ),
        ("", "invalid id ``: an id cannot be empty"),
        (
            "-t",
            "invalid id `-t`: an id starts with a lowercase letter or digit",
        ),
    ];
    for (id, message) in cases {
        let mut value = minimal();
        value["id"] = json!(id);
        assert_parse(
            &reject(value),
            Format::Json,
            "id",
            message,
            &format!("JSON field `id`: {message}"),
        );
    }
}

#[test]
fn invalid_ids_in_lists_and_maps_name_their_place() {
    let mut value = minimal();
    value["skills"][0]["id"] = json!("Rust");
    assert_parse(
        &reject(value),
        Format::Json,
        "skills[0].id",
        "invalid id `Rust`: an id holds only lowercase ASCII letters, digits, `-` and `_`",
        "JSON field `skills[0].id`: invalid id `Rust`: an id holds only lowercase ASCII letters, digits, `-` and `_`",
    );

    let mut value = minimal();
    value["levels"][0]["id"] = json!("x".repeat(65));
    assert_parse(
        &reject(value),
        Format::Json,
        "levels[0].id",
        &format!(
            "invalid id `{}`: an id is at most 64 characters",
            "x".repeat(65)
        ),
        &format!(
            "JSON field `levels[0].id`: invalid id `{}`: an id is at most 64 characters",
            "x".repeat(65)
        ),
    );

    let err = reject_toml(&toml_with("level", "requires = { A = \"novice\" }"));
    assert_parse(
        &err,
        Format::Toml,
        "levels[0].requires.A",
        "invalid id `A`: an id holds only lowercase ASCII letters, digits, `-` and `_`",
        "TOML field `levels[0].requires.A` (line 12, column 14): invalid id `A`: an id holds only lowercase ASCII letters, digits, `-` and `_`",
    );

    let mut value = rich();
    value["steps"][1]["prerequisites"] = json!(["S1"]);
    assert!(
        matches!(&reject(value), Error::Parse { path, .. } if path == "steps[1].prerequisites[0]")
    );
}

// ---------------------------------------------------------------------------------------------
// Limits
// ---------------------------------------------------------------------------------------------

#[test]
fn text_too_long_names_the_field() {
    let long = "x".repeat(MAX_TEXT_LEN + 1);
    let cases: &[(&str, &str, &str)] = &[
        ("", "name", "name"),
        ("", "version", "version"),
        ("", "summary", "summary"),
        ("", "salary_note", "salary_note"),
        ("/skills/1", "name", "skills.b.name"),
        ("/skills/0", "description", "skills.a.description"),
        ("/levels/1", "name", "levels.mid.name"),
        ("/levels/0", "summary", "levels.entry.summary"),
        ("/steps/1", "title", "steps.s2.title"),
        ("/steps/0", "summary", "steps.s1.summary"),
        ("/training/0", "name", "training.t1.name"),
        ("/training/0", "description", "training.t1.description"),
        ("/training/0", "duration", "training.t1.duration"),
    ];
    for &(at, key, field) in cases {
        let mut value = rich();
        value.pointer_mut(at).unwrap()[key] = json!(long);
        assert_text_too_long(&reject(value), field, long.len());
    }

    let nested: Vec<(Value, &str)> = vec![
        (
            json!({ "responsibilities": ["ok", long] }),
            "responsibilities[1]",
        ),
        (
            json!({ "hiring": [{ "industry": long }] }),
            "hiring[0].industry",
        ),
        (
            json!({ "hiring": [{ "industry": "x" }, { "industry": "y", "employers": ["a", long] }] }),
            "hiring[1].employers[1]",
        ),
    ];
    for (patch, field) in nested {
        let mut value = rich();
        for (k, v) in patch.as_object().unwrap() {
            value[k] = v.clone();
        }
        assert_text_too_long(&reject(value), field, long.len());
    }

    let mut value = rich();
    value["skills"][0]["descriptors"] = json!({ "competent": long });
    assert_text_too_long(&reject(value), "skills.a.descriptors.competent", long.len());
    let mut value = rich();
    value["skills"][0]["descriptors"] = json!({ "advanced_beginner": long });
    assert_text_too_long(
        &reject(value),
        "skills.a.descriptors.advanced_beginner",
        long.len(),
    );

    let mut value = rich();
    value["levels"][0]["salary"] = json!({ "currency": long });
    assert_text_too_long(&reject(value), "levels.entry.salary.currency", long.len());
    let mut value = rich();
    value["levels"][0]["salary"] = json!({ "note": long });
    assert_text_too_long(&reject(value), "levels.entry.salary.note", long.len());

    let mut value = rich();
    value["steps"][1]["actions"] = json!(["a", "b", long]);
    assert_text_too_long(&reject(value), "steps.s2.actions[2]", long.len());
}

#[test]
fn text_at_the_limit_is_accepted() {
    let mut value = rich();
    value["name"] = json!("x".repeat(MAX_TEXT_LEN));
    value["skills"][0]["description"] = json!("é".repeat(MAX_TEXT_LEN / 2));
    load(value);
}

#[test]
fn text_length_is_counted_in_bytes() {
    let mut value = rich();
    value["name"] = json!("é".repeat(MAX_TEXT_LEN / 2 + 1));
    assert_text_too_long(&reject(value), "name", MAX_TEXT_LEN + 2);
}

#[test]
fn too_many_entries_names_the_list() {
    let mut value = minimal();
    value["levels"] = Value::Array(
        (0..=MAX_LEVELS)
            .map(|i| json!({ "id": format!("l{i}"), "name": "L" }))
            .collect(),
    );
    assert_too_many(&reject(value), "levels", MAX_LEVELS + 1, MAX_LEVELS);

    let mut value = minimal();
    value["training"] = Value::Array(
        (0..=MAX_TRAINING)
            .map(|i| json!({ "id": format!("t{i}"), "name": "T" }))
            .collect(),
    );
    assert_too_many(&reject(value), "training", MAX_TRAINING + 1, MAX_TRAINING);

    let mut value = minimal();
    value["responsibilities"] = json!(vec!["r"; MAX_LIST + 1]);
    assert_too_many(&reject(value), "responsibilities", MAX_LIST + 1, MAX_LIST);

    let mut value = minimal();
    value["hiring"] = json!(vec![json!({ "industry": "x" }); MAX_LIST + 1]);
    assert_too_many(&reject(value), "hiring", MAX_LIST + 1, MAX_LIST);

    let mut value = minimal();
    value["hiring"] = json!([{ "industry": "x", "employers": vec!["e"; MAX_LIST + 1] }]);
    assert_too_many(
        &reject(value),
        "hiring[0].employers",
        MAX_LIST + 1,
        MAX_LIST,
    );

    let mut value = rich();
    value["steps"][0]["actions"] = json!(vec!["a"; MAX_LIST + 1]);
    assert_too_many(&reject(value), "steps.s1.actions", MAX_LIST + 1, MAX_LIST);

    let mut value = rich();
    value["steps"][0]["prerequisites"] = json!(vec!["s2"; MAX_LIST + 1]);
    assert_too_many(
        &reject(value),
        "steps.s1.prerequisites",
        MAX_LIST + 1,
        MAX_LIST,
    );
}

#[test]
fn lists_at_the_limit_are_accepted() {
    let mut value = minimal();
    value["levels"] = Value::Array(
        (0..MAX_LEVELS)
            .map(|i| json!({ "id": format!("l{i}"), "name": "L" }))
            .collect(),
    );
    value["responsibilities"] = json!(vec!["r"; MAX_LIST]);
    load(value);
}

#[test]
fn input_too_large() {
    let text = " ".repeat(MAX_INPUT_BYTES + 1);
    for err in [reject_json(&text), reject_toml(&text)] {
        assert!(
            matches!(err, Error::InputTooLarge { len, max } if len == MAX_INPUT_BYTES + 1 && max == MAX_INPUT_BYTES),
            "{err:?}"
        );
        assert_eq!(
            err.to_string(),
            format!(
                "input is {} bytes, more than the limit of {MAX_INPUT_BYTES}",
                MAX_INPUT_BYTES + 1
            )
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Syntax errors
// ---------------------------------------------------------------------------------------------

#[test]
fn json_syntax_error_reports_line_and_column() {
    let err = reject_json("{\"id\": \"t\",\n \"name\": }");
    assert!(
        matches!(
            &err,
            Error::Parse {
                format: Format::Json,
                line: Some(2),
                column: Some(10),
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "JSON field `name` (line 2, column 10): expected value"
    );
}

#[test]
fn json_trailing_characters() {
    let text = format!("{}\nx", minimal());
    let err = reject_json(&text);
    assert_parse(
        &err,
        Format::Json,
        "",
        "trailing characters",
        "JSON document (line 2, column 1): trailing characters",
    );
}

#[test]
fn toml_syntax_error_reports_line_and_column() {
    let err = reject_toml("id = \"t\"\nname = \n");
    assert!(
        matches!(&err, Error::Parse { format: Format::Toml, path, line: Some(2), column: Some(8), .. } if path.is_empty()),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "TOML document (line 2, column 8): string values must be quoted, expected literal string"
    );
}

#[test]
fn toml_column_counts_characters() {
    // Two 2-byte characters before the error: the column counts characters, not bytes.
    let err = reject_toml("id = \"t\"\nname = \"éé\" x\n");
    assert!(
        matches!(
            &err,
            Error::Parse {
                line: Some(2),
                column: Some(13),
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn unclosed_json_object_names_the_enclosing_field() {
    let err = reject_json("{");
    assert_parse(
        &err,
        Format::Json,
        "",
        "EOF while parsing an object",
        "JSON document (line 1, column 1): EOF while parsing an object",
    );
    let err = reject_json(r#"{"id": "t", "fit": {"near": 0.5,"#);
    assert!(
        matches!(&err, Error::Parse { path, line: Some(1), .. } if path == "fit"),
        "{err:?}"
    );
}

#[test]
fn json_columns_are_one_based() {
    let err = reject_json("");
    assert!(
        matches!(err, Error::Parse { column: Some(c), .. } if c >= 1),
        "{err:?}"
    );
}

#[test]
fn too_many_skills_and_steps() {
    let mut value = minimal();
    value["skills"] = Value::Array(
        (0..=MAX_SKILLS)
            .map(|i| json!({ "id": format!("k{i}"), "name": "K" }))
            .collect(),
    );
    assert_too_many(&reject(value), "skills", MAX_SKILLS + 1, MAX_SKILLS);

    let mut value = minimal();
    value["steps"] = Value::Array(
        (0..=MAX_STEPS)
            .map(|i| json!({ "id": format!("s{i}"), "title": "S", "hours": 1 }))
            .collect(),
    );
    assert_too_many(&reject(value), "steps", MAX_STEPS + 1, MAX_STEPS);
}

#[test]
fn blank_names_and_titles_are_rejected() {
    let mut value = minimal();
    value["skills"][0]["name"] = json!("   ");
    assert_invalid_value(
        &reject(value),
        "skills.a.name",
        "skills.a.name: cannot be blank",
    );

    let mut value = minimal();
    value["name"] = json!("");
    assert_invalid_value(&reject(value), "name", "name: cannot be blank");

    let mut value = rich();
    value["steps"][0]["title"] = json!("\t");
    let err = reject(value);
    assert!(
        err.to_string().ends_with(".title: cannot be blank"),
        "{err}"
    );
}

#[test]
fn min_points_nobody_can_reach_is_rejected() {
    // One skill of weight 1: an expert has points[5] = 5 under the default table.
    let mut value = minimal();
    value["levels"][0]["min_points"] = json!(5);
    assert!(
        Framework::from_value(value.clone()).is_ok(),
        "exactly the maximum is reachable"
    );
    value["levels"][0]["min_points"] = json!(5.5);
    assert_invalid_value(
        &reject(value),
        "levels.entry.min_points",
        "levels.entry.min_points: 5.5 is more than the 5 points of an expert in every skill: nobody could meet it",
    );
}

#[test]
fn a_weight_beyond_the_limit_is_rejected() {
    let mut value = minimal();
    value["skills"][0]["weight"] = json!(1e308);
    let err = reject(value);
    assert!(matches!(err, Error::InvalidWeight { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "skill `a` has weight 1e308: a weight is a positive number up to 1000000"
    );
    let mut value = minimal();
    value["skills"][0]["weight"] = json!(1_000_000);
    assert!(Framework::from_value(value).is_ok());
}
