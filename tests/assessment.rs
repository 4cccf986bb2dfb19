//! Reading assessments and checking them against a framework: parse errors with their
//! paths, validation errors naming the culprit, and the JSON round trip.

use serde_json::{Value, json};
use skillgauge::limits::{
    MAX_DEADLINE_WEEKS, MAX_EXPERIENCE_YEARS, MAX_INPUT_BYTES, MAX_LIST, MAX_SKILLS, MAX_STEPS,
    MAX_TEXT_LEN,
};
use skillgauge::{
    Assessment, Confidence, DEFAULT_HOURS_PER_WEEK, Error, Evidence, EvidenceKind, Format,
    Framework, IdKind, Proficiency, Rating,
};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const FRAMEWORK: &str = r#"
id = "tiny"
name = "Tiny"

[[skills]]
id = "security"
name = "Security"

[[skills]]
id = "rust"
name = "Rust"

[[levels]]
id = "entry"
name = "Entry"
requires = { rust = "novice" }

[[levels]]
id = "mid"
name = "Mid"
requires = { rust = "competent", security = "novice" }

[[steps]]
id = "basics"
title = "Basics"
hours = 10
training = ["online_course"]
develops = { rust = "novice" }

[[training]]
id = "online_course"
name = "Online courses"

[[training]]
id = "bootcamp"
name = "Bootcamp"
"#;

fn framework() -> Framework {
    Framework::from_toml(FRAMEWORK).unwrap()
}

#[track_caller]
fn parse(text: &str) -> Assessment {
    Assessment::from_json(text).unwrap_or_else(|err| panic!("expected a valid assessment: {err}"))
}

#[track_caller]
fn parse_err(text: &str) -> Error {
    match Assessment::from_json(text) {
        Ok(a) => panic!("expected a parse error, got {a:?}"),
        Err(err) => err,
    }
}

/// Parses `value` and validates it against the test framework, expecting an error; checks
/// that `Framework::assess` reports the same error.
#[track_caller]
fn invalid(value: &Value) -> Error {
    let assessment = parse(&value.to_string());
    let framework = framework();
    let err = match assessment.validate(&framework) {
        Ok(()) => panic!("expected the assessment to be rejected: {value}"),
        Err(err) => err,
    };
    match framework.assess(&assessment) {
        Ok(_) => panic!("validate rejected but assess accepted: {value}"),
        Err(again) => assert_eq!(again, err),
    }
    err
}

/// Parses `value`, validates it and assesses it against the test framework.
#[track_caller]
fn valid(value: &Value) -> Assessment {
    let assessment = parse(&value.to_string());
    let framework = framework();
    if let Err(err) = assessment.validate(&framework) {
        panic!("expected the assessment to be valid: {err}\n{value}");
    }
    if let Err(err) = framework.assess(&assessment) {
        panic!("validate accepted but assess rejected: {err}\n{value}");
    }
    assessment
}

/// Checks a parse error's format, path and message, and its full text.
#[track_caller]
fn assert_parse(err: &Error, path: &str, message: &str, text: &str) {
    match err {
        Error::Parse {
            format,
            path: p,
            message: m,
            ..
        } => {
            assert_eq!(*format, Format::Json);
            assert_eq!(p, path, "path of {err:?}");
            assert_eq!(m, message, "message of {err:?}");
        }
        other => panic!("expected a parse error, got {other:?}"),
    }
    assert_eq!(err.to_string(), text);
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
fn assert_invalid_value(err: &Error, field: &str, text: &str) {
    assert!(
        matches!(err, Error::InvalidValue { field: f, .. } if f == field),
        "expected InvalidValue for {field}, got {err:?}"
    );
    assert_eq!(err.to_string(), text);
}

const UNKNOWN_PROFICIENCY: &str =
    "expected one of none, novice, advanced_beginner, competent, proficient, expert or 0-5";

// ---------------------------------------------------------------------------------------------
// Ratings: forms accepted
// ---------------------------------------------------------------------------------------------

#[test]
fn bare_name_integer_and_object_ratings_are_accepted() {
    let a = valid(&json!({
        "ratings": {
            "security": "competent",
            "rust": 3,
        }
    }));
    assert_eq!(a.rating("security"), Proficiency::Competent);
    assert_eq!(a.rating("rust"), Proficiency::Competent);
    assert_eq!(a.ratings["security"], a.ratings["rust"]);
    assert_eq!(a.ratings["rust"], Rating::from(Proficiency::Competent));

    let a = valid(&json!({
        "ratings": {
            "security": { "proficiency": "novice", "confidence": "low",
                          "evidence": [{ "kind": "project", "description": "OWASP review",
                                         "url": "https://example.com/pr/12" }] },
            "rust": { "proficiency": 4 },
        }
    }));
    let security = &a.ratings["security"];
    assert_eq!(security.proficiency, Proficiency::Novice);
    assert_eq!(security.confidence, Some(Confidence::Low));
    assert_eq!(
        security.evidence,
        [Evidence {
            kind: EvidenceKind::Project,
            description: "OWASP review".to_owned(),
            url: Some("https://example.com/pr/12".to_owned()),
        }]
    );
    // An object with only a proficiency is the same as the bare form.
    assert_eq!(a.ratings["rust"], Rating::from(Proficiency::Proficient));
}

#[test]
fn every_proficiency_by_name_and_number() {
    for p in Proficiency::ALL {
        let by_name = parse(&json!({ "ratings": { "rust": p.as_str() } }).to_string());
        let by_number = parse(&json!({ "ratings": { "rust": p.as_u8() } }).to_string());
        let by_object =
            parse(&json!({ "ratings": { "rust": { "proficiency": p.as_u8() } } }).to_string());
        assert_eq!(by_name.rating("rust"), p);
        assert_eq!(by_number, by_name);
        assert_eq!(by_object, by_name);
    }
}

#[test]
fn unrated_skills_are_allowed_and_count_as_none() {
    let a = valid(&json!({ "ratings": { "rust": "expert" } }));
    assert_eq!(a.rating("security"), Proficiency::None);
    let a = valid(&json!({}));
    assert!(a.ratings.is_empty());
    assert_eq!(a.rating("rust"), Proficiency::None);
    assert_eq!(parse("{}"), Assessment::new());
}

#[test]
fn full_assessment_is_valid() {
    let a = valid(&json!({
        "framework": "tiny",
        "ratings": { "rust": "competent", "security": 1 },
        "experience_years": 1.5,
        "completed_steps": ["basics"],
        "preferences": { "target_level": "mid", "hours_per_week": 8,
                         "training": ["bootcamp", "online_course"], "deadline_weeks": 26 }
    }));
    assert_eq!(
        a.framework.as_ref().map(skillgauge::Id::as_str),
        Some("tiny")
    );
    assert_eq!(a.experience_years, Some(1.5));
    assert_eq!(a.completed_steps, ["basics"]);
    assert_eq!(a.preferences.target_level.as_ref().unwrap(), "mid");
    assert_eq!(a.hours_per_week(), 8);
    assert_eq!(a.preferences.training, ["bootcamp", "online_course"]);
    assert_eq!(a.preferences.deadline_weeks, Some(26));
}

#[test]
fn hours_per_week_defaults_to_ten() {
    assert_eq!(DEFAULT_HOURS_PER_WEEK, 10);
    assert_eq!(Assessment::new().hours_per_week(), DEFAULT_HOURS_PER_WEEK);
}

#[test]
fn rate_builder() {
    let a = Assessment::new()
        .rate("rust", Proficiency::Expert)
        .unwrap()
        .rate("security", Proficiency::Novice)
        .unwrap();
    assert_eq!(a.rating("rust"), Proficiency::Expert);
    assert_eq!(a.rating("security"), Proficiency::Novice);
    assert!(a.validate(&framework()).is_ok());

    let err = Assessment::new()
        .rate("Rust", Proficiency::Expert)
        .unwrap_err();
    assert_eq!(err.value, "Rust");
    assert_eq!(
        err.to_string(),
        "invalid id `Rust`: an id holds only lowercase ASCII letters, digits, `-` and `_`"
    );
}

// ---------------------------------------------------------------------------------------------
// Ratings: parse errors
// ---------------------------------------------------------------------------------------------

#[test]
fn misspelled_proficiency_names_the_skill() {
    let err = parse_err(r#"{"ratings": {"security": "compitent"}}"#);
    let message = format!("unknown proficiency `compitent`, {UNKNOWN_PROFICIENCY}");
    assert_parse(
        &err,
        "ratings.security",
        &message,
        &format!("JSON field `ratings.security` (line 1, column 36): {message}"),
    );
    assert!(matches!(
        err,
        Error::Parse {
            line: Some(1),
            column: Some(36),
            ..
        }
    ));
}

#[test]
fn proficiency_out_of_range_names_the_skill() {
    let err = parse_err(r#"{"ratings": {"security": 6}}"#);
    assert_parse(
        &err,
        "ratings.security",
        "proficiency 6 is outside 0-5",
        "JSON field `ratings.security` (line 1, column 26): proficiency 6 is outside 0-5",
    );
    let err = parse_err(r#"{"ratings": {"security": -1}}"#);
    assert_parse(
        &err,
        "ratings.security",
        "proficiency -1 is outside 0-5",
        "JSON field `ratings.security` (line 1, column 27): proficiency -1 is outside 0-5",
    );
    let err = parse_err(r#"{"ratings": {"rust": 18446744073709551615}}"#);
    assert!(
        matches!(&err, Error::Parse { path, message, .. }
            if path == "ratings.rust" && message == "proficiency 18446744073709551615 is outside 0-5"),
        "{err:?}"
    );
}

#[test]
fn fractional_and_wrongly_typed_proficiencies_are_rejected() {
    for bad in [
        json!(2.5),
        json!(3.0),
        json!(true),
        json!(null),
        json!(["novice"]),
    ] {
        let err = parse_err(&json!({ "ratings": { "rust": bad } }).to_string());
        assert!(
            matches!(&err, Error::Parse { path, message, .. }
                if path == "ratings.rust" && message.starts_with("invalid type")),
            "{bad}: {err:?}"
        );
    }
    // The digit as a string is not a wire form.
    let err = parse_err(r#"{"ratings": {"rust": "3"}}"#);
    assert!(
        matches!(&err, Error::Parse { path, .. } if path == "ratings.rust"),
        "{err:?}"
    );
}

#[test]
fn misspelled_proficiency_inside_an_object() {
    let err = parse_err(r#"{"ratings": {"security": {"proficiency": "compitent"}}}"#);
    let message = format!("unknown proficiency `compitent`, {UNKNOWN_PROFICIENCY}");
    assert_parse(
        &err,
        "ratings.security.proficiency",
        &message,
        &format!("JSON field `ratings.security.proficiency` (line 1, column 52): {message}"),
    );
}

#[test]
fn rating_object_without_proficiency() {
    let err = parse_err(r#"{"ratings": {"security": {"confidence": "low"}}}"#);
    assert_parse(
        &err,
        "ratings.security",
        "missing field `proficiency`",
        "JSON field `ratings.security` (line 1, column 46): missing field `proficiency`",
    );
}

#[test]
fn unknown_field_in_a_rating_object() {
    let err = parse_err(r#"{"ratings": {"security": {"proficiency": 3, "confidance": "low"}}}"#);
    assert_parse(
        &err,
        "ratings.security.confidance",
        "unknown field `confidance`, expected one of `proficiency`, `confidence`, `evidence`",
        "JSON field `ratings.security.confidance` (line 1, column 56): unknown field `confidance`, expected one of `proficiency`, `confidence`, `evidence`",
    );
}

#[test]
fn unknown_confidence_value() {
    let err = parse_err(r#"{"ratings": {"security": {"proficiency": 3, "confidence": "sure"}}}"#);
    assert_parse(
        &err,
        "ratings.security.confidence",
        "unknown variant `sure`, expected one of `low`, `medium`, `high`",
        "JSON field `ratings.security.confidence` (line 1, column 64): unknown variant `sure`, expected one of `low`, `medium`, `high`",
    );
}

#[test]
fn unknown_field_in_evidence() {
    let err = parse_err(
        r#"{"ratings": {"security": {"proficiency": 3, "evidence": [{"kind": "project", "description": "d", "ur": "x"}]}}}"#,
    );
    assert_parse(
        &err,
        "ratings.security.evidence[0].ur",
        "unknown field `ur`, expected one of `kind`, `description`, `url`",
        "JSON field `ratings.security.evidence[0].ur` (line 1, column 101): unknown field `ur`, expected one of `kind`, `description`, `url`",
    );
}

#[test]
fn unknown_evidence_kind_and_missing_description() {
    let err = parse_err(
        r#"{"ratings": {"security": {"proficiency": 3, "evidence": [{"kind": "projct", "description": "d"}]}}}"#,
    );
    assert_parse(
        &err,
        "ratings.security.evidence[0].kind",
        "unknown variant `projct`, expected one of `project`, `certification`, `work`, `course`, `review`, `other`",
        "JSON field `ratings.security.evidence[0].kind` (line 1, column 74): unknown variant `projct`, expected one of `project`, `certification`, `work`, `course`, `review`, `other`",
    );
    let err = parse_err(
        r#"{"ratings": {"rust": {"proficiency": 3, "evidence": [{"kind": "work", "description": "d"}, {"kind": "work"}]}}}"#,
    );
    assert!(
        matches!(&err, Error::Parse { path, message, .. }
            if path == "ratings.rust.evidence[1]" && message == "missing field `description`"),
        "{err:?}"
    );
}

#[test]
fn invalid_skill_id_in_ratings() {
    let err = parse_err(r#"{"ratings": {"Security": 3}}"#);
    assert_parse(
        &err,
        "ratings.Security",
        "invalid id `Security`: an id holds only lowercase ASCII letters, digits, `-` and `_`",
        "JSON field `ratings.Security` (line 1, column 23): invalid id `Security`: an id holds only lowercase ASCII letters, digits, `-` and `_`",
    );
}

#[test]
fn unknown_top_level_and_preference_fields() {
    let err = parse_err(r#"{"ratingz": {}}"#);
    assert_parse(
        &err,
        "ratingz",
        "unknown field `ratingz`, expected one of `framework`, `ratings`, `experience_years`, `completed_steps`, `preferences`",
        "JSON field `ratingz` (line 1, column 10): unknown field `ratingz`, expected one of `framework`, `ratings`, `experience_years`, `completed_steps`, `preferences`",
    );
    let err = parse_err(r#"{"preferences": {"hours": 8}}"#);
    assert_parse(
        &err,
        "preferences.hours",
        "unknown field `hours`, expected one of `target_level`, `hours_per_week`, `training`, `deadline_weeks`",
        "JSON field `preferences.hours` (line 1, column 24): unknown field `hours`, expected one of `target_level`, `hours_per_week`, `training`, `deadline_weeks`",
    );
}

#[test]
fn wrongly_typed_numbers_name_their_field() {
    let err = parse_err(r#"{"preferences": {"hours_per_week": -1}}"#);
    assert_parse(
        &err,
        "preferences.hours_per_week",
        "invalid value: integer `-1`, expected u32",
        "JSON field `preferences.hours_per_week` (line 1, column 37): invalid value: integer `-1`, expected u32",
    );
    let err = parse_err(r#"{"experience_years": "two"}"#);
    assert!(
        matches!(&err, Error::Parse { path, .. } if path == "experience_years"),
        "{err:?}"
    );
    let err = parse_err(r#"{"completed_steps": ["Basics"]}"#);
    assert!(
        matches!(&err, Error::Parse { path, .. } if path == "completed_steps[0]"),
        "{err:?}"
    );
}

#[test]
fn syntax_errors_report_line_and_column() {
    let err = parse_err("{\n  \"ratings\": {\"rust\": 3,}\n}");
    assert!(
        matches!(
            &err,
            Error::Parse {
                line: Some(2),
                column: Some(_),
                ..
            }
        ),
        "{err:?}"
    );
    let err = parse_err("{} {}");
    assert_parse(
        &err,
        "",
        "trailing characters",
        "JSON document (line 1, column 4): trailing characters",
    );
}

#[test]
fn duplicate_rating_is_rejected() {
    let err = parse_err(r#"{"ratings": {"security": 5, "security": 1}}"#);
    assert!(
        matches!(&err, Error::Parse { path, .. } if path.starts_with("ratings")),
        "{err:?}"
    );
}

#[test]
fn json_array_is_not_an_assessment() {
    parse_err("[]");
    parse_err(r#"["backend-developer"]"#);
}

// ---------------------------------------------------------------------------------------------
// Validation against a framework
// ---------------------------------------------------------------------------------------------

#[test]
fn unknown_skill_rated() {
    let err = invalid(&json!({ "ratings": { "rust": 2, "kubernetes": "expert" } }));
    assert_unknown(&err, "ratings", IdKind::Skill, "kubernetes");
}

#[test]
fn unknown_completed_step() {
    let err = invalid(&json!({ "completed_steps": ["basics", "advanced"] }));
    assert_unknown(&err, "completed_steps", IdKind::Step, "advanced");
}

#[test]
fn unknown_target_level() {
    let err = invalid(&json!({ "preferences": { "target_level": "staff" } }));
    assert_unknown(&err, "preferences.target_level", IdKind::Level, "staff");
}

#[test]
fn unknown_training_option() {
    let err = invalid(&json!({ "preferences": { "training": ["online_course", "degree"] } }));
    assert_unknown(&err, "preferences.training", IdKind::Training, "degree");
}

#[test]
fn ids_of_the_wrong_kind_are_unknown() {
    // A level id is not a skill, a training id is not a step.
    assert_unknown(
        &invalid(&json!({ "ratings": { "entry": 1 } })),
        "ratings",
        IdKind::Skill,
        "entry",
    );
    assert_unknown(
        &invalid(&json!({ "completed_steps": ["bootcamp"] })),
        "completed_steps",
        IdKind::Step,
        "bootcamp",
    );
    assert_unknown(
        &invalid(&json!({ "preferences": { "target_level": "rust" } })),
        "preferences.target_level",
        IdKind::Level,
        "rust",
    );
}

#[test]
fn hours_per_week_range() {
    for hours in [0, 169, u32::MAX] {
        let err = invalid(&json!({ "preferences": { "hours_per_week": hours } }));
        assert_invalid_value(
            &err,
            "preferences.hours_per_week",
            &format!("preferences.hours_per_week: {hours} is outside 1-168"),
        );
    }
    for hours in [1, 168] {
        let a = valid(&json!({ "preferences": { "hours_per_week": hours } }));
        assert_eq!(a.hours_per_week(), hours);
    }
}

#[test]
fn experience_years_range() {
    for years in [-1.0, 200.0, -0.5, 70.5] {
        let err = invalid(&json!({ "experience_years": years }));
        assert_invalid_value(
            &err,
            "experience_years",
            &format!("experience_years: {years} is outside 0-{MAX_EXPERIENCE_YEARS}"),
        );
    }
    assert_eq!(
        invalid(&json!({ "experience_years": -1 })).to_string(),
        "experience_years: -1 is outside 0-70"
    );
    assert_eq!(
        invalid(&json!({ "experience_years": 200 })).to_string(),
        "experience_years: 200 is outside 0-70"
    );
    for years in [0.0, 0.5, 70.0] {
        valid(&json!({ "experience_years": years }));
    }
}

#[test]
fn deadline_weeks_range() {
    for weeks in [0, MAX_DEADLINE_WEEKS + 1] {
        let err = invalid(&json!({ "preferences": { "deadline_weeks": weeks } }));
        assert_invalid_value(
            &err,
            "preferences.deadline_weeks",
            &format!("preferences.deadline_weeks: {weeks} is outside 1-{MAX_DEADLINE_WEEKS}"),
        );
    }
    for weeks in [1, MAX_DEADLINE_WEEKS] {
        valid(&json!({ "preferences": { "deadline_weeks": weeks } }));
    }
}

#[test]
fn framework_mismatch() {
    let err = invalid(&json!({ "framework": "other", "ratings": { "rust": 1 } }));
    assert!(
        matches!(&err, Error::FrameworkMismatch { expected, found } if expected == "tiny" && found == "other"),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "assessment is for framework `other`, not `tiny`"
    );
    // The matching id, or none, is fine.
    valid(&json!({ "framework": "tiny" }));
    valid(&json!({}));
}

#[test]
fn framework_mismatch_is_reported_before_unknown_skills() {
    let err = invalid(&json!({ "framework": "other", "ratings": { "kubernetes": 1 } }));
    assert!(matches!(err, Error::FrameworkMismatch { .. }), "{err:?}");
}

#[test]
fn evidence_limits_name_the_skill() {
    let long = "x".repeat(MAX_TEXT_LEN + 1);
    let err = invalid(&json!({ "ratings": { "rust": { "proficiency": 3,
        "evidence": [{ "kind": "work", "description": "ok" }, { "kind": "work", "description": long }] } } }));
    assert!(
        matches!(&err, Error::TextTooLong { field, len, max } if field == "ratings.rust.evidence[1].description" && *len == long.len() && *max == MAX_TEXT_LEN),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        format!(
            "ratings.rust.evidence[1].description is {} bytes long, more than the limit of {MAX_TEXT_LEN}",
            long.len()
        )
    );

    let err = invalid(&json!({ "ratings": { "rust": { "proficiency": 3,
        "evidence": [{ "kind": "work", "description": "ok", "url": long }] } } }));
    assert!(
        matches!(&err, Error::TextTooLong { field, .. } if field == "ratings.rust.evidence[0].url"),
        "{err:?}"
    );

    let many: Vec<Value> = (0..=MAX_LIST)
        .map(|_| json!({ "kind": "other", "description": "d" }))
        .collect();
    let err =
        invalid(&json!({ "ratings": { "security": { "proficiency": 1, "evidence": many } } }));
    assert!(
        matches!(&err, Error::TooMany { field, len, max } if field == "ratings.security.evidence" && *len == MAX_LIST + 1 && *max == MAX_LIST),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        format!(
            "ratings.security.evidence has {} entries, more than the limit of {MAX_LIST}",
            MAX_LIST + 1
        )
    );
}

#[test]
fn too_many_preferred_training_options() {
    let err = invalid(&json!({ "preferences": { "training": vec!["bootcamp"; MAX_LIST + 1] } }));
    assert!(
        matches!(&err, Error::TooMany { field, .. } if field == "preferences.training"),
        "{err:?}"
    );
}

#[test]
fn against_the_built_in_framework() {
    let framework = Framework::backend_developer();
    let a = Assessment::from_json(
        r#"{
        "framework": "backend-developer",
        "ratings": { "programming-languages": "competent", "security": 1 },
        "completed_steps": ["programming-foundations"],
        "preferences": { "target_level": "mid", "training": ["online_course", "self_study"] }
    }"#,
    )
    .unwrap();
    a.validate(framework).unwrap();
    framework.assess(&a).unwrap();

    let err = Assessment::new()
        .rate("kubernetes", Proficiency::Expert)
        .unwrap()
        .validate(framework)
        .unwrap_err();
    assert_eq!(err.to_string(), "ratings names unknown skill `kubernetes`");

    let a = parse(r#"{"framework": "tiny"}"#);
    assert_eq!(
        a.validate(framework).unwrap_err().to_string(),
        "assessment is for framework `tiny`, not `backend-developer`"
    );
}

// ---------------------------------------------------------------------------------------------
// Round trip
// ---------------------------------------------------------------------------------------------

#[test]
fn round_trip_through_json() {
    let text = r#"{
        "framework": "tiny",
        "ratings": {
            "rust": "competent",
            "security": { "proficiency": 1, "confidence": "high",
                          "evidence": [{ "kind": "certification", "description": "Cert" },
                                       { "kind": "review", "description": "PR", "url": "https://x.test" }] }
        },
        "experience_years": 2.5,
        "completed_steps": ["basics"],
        "preferences": { "target_level": "mid", "hours_per_week": 5, "training": ["bootcamp"], "deadline_weeks": 52 }
    }"#;
    let a = parse(text);
    let json = a.to_json();
    let again = parse(&json);
    assert_eq!(again, a);
    assert_eq!(again.to_json(), json);

    let via_serde: Assessment = serde_json::from_str(&serde_json::to_string(&a).unwrap()).unwrap();
    assert_eq!(via_serde, a);
}

#[test]
fn bare_ratings_are_written_bare_and_detailed_ones_as_objects() {
    let a = parse(
        r#"{"ratings": {
            "rust": 3,
            "security": { "proficiency": "novice", "confidence": "low" }
        }}"#,
    );
    let value: Value = serde_json::from_str(&a.to_json()).unwrap();
    assert_eq!(value["ratings"]["rust"], json!("competent"));
    assert_eq!(
        value["ratings"]["security"],
        json!({ "proficiency": "novice", "confidence": "low" })
    );

    // An object with only a proficiency is written back bare.
    let a = parse(r#"{"ratings": {"rust": {"proficiency": 2}}}"#);
    let value: Value = serde_json::from_str(&a.to_json()).unwrap();
    assert_eq!(value["ratings"]["rust"], json!("advanced_beginner"));

    // Evidence without confidence keeps the object form.
    let a = parse(
        r#"{"ratings": {"rust": {"proficiency": 2, "evidence": [{"kind": "course", "description": "c"}]}}}"#,
    );
    let value: Value = serde_json::from_str(&a.to_json()).unwrap();
    assert_eq!(
        value["ratings"]["rust"],
        json!({ "proficiency": "advanced_beginner", "evidence": [{ "kind": "course", "description": "c" }] })
    );
}

#[test]
fn empty_assessment_is_written_minimally() {
    let value: Value = serde_json::from_str(&Assessment::new().to_json()).unwrap();
    assert_eq!(value, json!({ "ratings": {} }));
    assert_eq!(parse(&Assessment::new().to_json()), Assessment::new());
}

#[test]
fn rating_serde_on_its_own() {
    let bare: Rating = serde_json::from_str("3").unwrap();
    assert_eq!(bare, Rating::from(Proficiency::Competent));
    assert_eq!(serde_json::to_string(&bare).unwrap(), "\"competent\"");
    let full: Rating =
        serde_json::from_str(r#"{"proficiency": "expert", "confidence": "medium"}"#).unwrap();
    assert_eq!(full.proficiency, Proficiency::Expert);
    assert_eq!(full.confidence, Some(Confidence::Medium));
    assert_eq!(
        serde_json::to_value(&full).unwrap(),
        json!({ "proficiency": "expert", "confidence": "medium" })
    );
}

// ---------------------------------------------------------------------------------------------
// from_path
// ---------------------------------------------------------------------------------------------

#[test]
fn from_path_reads_json_and_reports_io_errors() {
    let path = std::env::temp_dir().join(format!(
        "skillgauge-test-{}-assessment.json",
        std::process::id()
    ));
    std::fs::write(&path, r#"{"ratings": {"rust": 2}}"#).unwrap();
    let read = Assessment::from_path(&path);
    let _ = std::fs::remove_file(&path);
    assert_eq!(read.unwrap().rating("rust"), Proficiency::AdvancedBeginner);

    let missing = std::env::temp_dir().join("skillgauge-test-does-not-exist/assessment.json");
    let err = Assessment::from_path(&missing).unwrap_err();
    let shown = missing.display().to_string();
    assert!(
        matches!(&err, Error::Io { path, message } if *path == shown && !message.is_empty()),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .starts_with(&format!("cannot read {shown}: ")),
        "{err}"
    );
}

#[test]
fn too_many_ratings_and_completed_steps() {
    let ratings: serde_json::Map<String, Value> = (0..=MAX_SKILLS)
        .map(|i| (format!("k{i}"), json!(1)))
        .collect();
    let err = invalid(&json!({ "ratings": ratings }));
    assert!(
        matches!(&err, Error::TooMany { field, len, max } if field == "ratings" && *len == MAX_SKILLS + 1 && *max == MAX_SKILLS),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        format!(
            "ratings has {} entries, more than the limit of {MAX_SKILLS}",
            MAX_SKILLS + 1
        )
    );

    let err = invalid(&json!({ "completed_steps": vec!["basics"; MAX_STEPS + 1] }));
    assert!(
        matches!(&err, Error::TooMany { field, .. } if field == "completed_steps"),
        "{err:?}"
    );
}

#[test]
fn input_too_large() {
    let text = " ".repeat(MAX_INPUT_BYTES + 1);
    let err = parse_err(&text);
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

#[test]
fn experience_years_not_expressible_in_json_are_rejected() {
    let framework = framework();
    for (years, shown) in [
        (f64::NAN, "NaN"),
        (f64::INFINITY, "inf"),
        (f64::NEG_INFINITY, "-inf"),
    ] {
        let a = Assessment {
            experience_years: Some(years),
            ..Assessment::new()
        };
        let err = a.validate(&framework).unwrap_err();
        assert_invalid_value(
            &err,
            "experience_years",
            &format!("experience_years: {shown} is outside 0-70"),
        );
        assert_eq!(framework.assess(&a).unwrap_err(), err);
    }
}

#[test]
fn a_byte_order_mark_is_not_content() {
    let with_bom = "\u{feff}{ \"ratings\": { \"security\": 2 } }";
    let assessment = Assessment::from_json(with_bom).unwrap();
    assert_eq!(
        assessment.rating("security"),
        skillgauge::Proficiency::AdvancedBeginner
    );
}

#[test]
fn text_that_is_not_json_gets_the_parser_error_with_its_position() {
    let err = Assessment::from_json("ratings = {}\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "JSON document (line 1, column 1): expected value"
    );
    let err = Assessment::from_json("[]").unwrap_err();
    assert_eq!(
        err.to_string(),
        "JSON document: expected an object at the top level"
    );
}
