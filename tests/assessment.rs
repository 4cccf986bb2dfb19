//! Reading assessments (the forms a rating takes, parse errors with their field, line and
//! column) and checking them against a framework (unknown ids with suggestions, ranges,
//! blank evidence, the framework named), `assess_json` positions, the JSON round trip and
//! `from_path`.

// Range errors carry the exact value given.
#![allow(clippy::float_cmp)]

use std::error::Error as _;

use serde_json::{Value, json};
use skillgauge::{
    Assessment, Confidence, DEFAULT_HOURS_PER_WEEK, Error, ErrorKind, Evidence, EvidenceKind,
    Format, Framework, IdKind, Proficiency, Rating,
};

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

/// Skills `security` and `rust`; levels `entry` and `mid`; step `basics`; training
/// options `online_course` and `bootcamp`.
const TINY: &str = include_str!("fixtures/assessment-tiny.toml");

const EXPECTED: &str =
    "expected one of none, novice, advanced_beginner, competent, proficient, expert or 0-5";

fn tiny() -> Framework {
    Framework::from_toml(TINY).expect("the test framework is valid")
}

#[track_caller]
fn parse(text: &str) -> Assessment {
    Assessment::from_json(text).unwrap_or_else(|e| panic!("expected a valid assessment: {e}"))
}

#[track_caller]
fn parse_err(text: &str) -> Error {
    match Assessment::from_json(text) {
        Ok(a) => panic!("expected a parse error, got {a:?}"),
        Err(e) => e,
    }
}

/// Checks a JSON parse error: its field, message, position and full text.
#[track_caller]
fn assert_parse(err: &Error, field: &str, message: &str, position: Option<(usize, usize)>) {
    match err.kind() {
        ErrorKind::Parse {
            format,
            field: f,
            message: m,
        } => {
            assert_eq!(*format, Format::Json);
            assert_eq!(f, field, "{err:?}");
            assert_eq!(m, message, "{err:?}");
        }
        other => panic!("expected a parse error, got {other:?}"),
    }
    assert_eq!(err.field(), (!field.is_empty()).then_some(field));
    assert_eq!(err.line().zip(err.column()), position, "{err}");
    let place = err
        .field()
        .map_or("document".to_owned(), |f| format!("field `{f}`"));
    let at = position.map_or(String::new(), |(l, c)| format!(" (line {l}, column {c})"));
    assert_eq!(err.to_string(), format!("JSON {place}: {message}{at}"));
}

/// Parses `value` and checks it against the tiny framework, expecting an error, which
/// `assess` must report too.
#[track_caller]
fn invalid(value: &Value) -> Error {
    let a = parse(&value.to_string());
    let fw = tiny();
    let err = match fw.check(&a) {
        Ok(()) => panic!("expected {value} to be refused"),
        Err(e) => e,
    };
    let again = fw
        .assess(&a)
        .expect_err("check refused but assess accepted");
    assert_eq!(again.to_string(), err.to_string());
    // Checking has no text at hand: no position.
    assert_eq!(err.line(), None);
    err
}

/// Parses `value`, checks and assesses it against the tiny framework.
#[track_caller]
fn valid(value: &Value) -> Assessment {
    let a = parse(&value.to_string());
    let fw = tiny();
    if let Err(e) = fw.check(&a) {
        panic!("expected {value} to be valid: {e}");
    }
    fw.assess(&a).expect("check accepted but assess refused");
    a
}

#[track_caller]
fn assert_unknown(err: &Error, field: &str, kind: IdKind, id: &str, suggestion: Option<&str>) {
    match err.kind() {
        ErrorKind::UnknownId {
            field: f,
            kind: k,
            id: i,
            suggestion: s,
        } => {
            assert_eq!(f, field);
            assert_eq!(*k, kind);
            assert_eq!(i, id);
            assert_eq!(s.as_ref().map(skillgauge::Id::as_str), suggestion);
        }
        other => panic!("expected UnknownId, got {other:?}"),
    }
    assert_eq!(err.field(), Some(field));
    let hint = suggestion.map_or(String::new(), |s| format!(" (did you mean `{s}`?)"));
    assert_eq!(
        err.to_string(),
        format!("{field} names unknown {kind} `{id}`{hint}")
    );
}

/// Checks an `OutOfRange` error; `range` is how the message writes the bounds (`1-168`).
#[track_caller]
fn assert_out_of_range(err: &Error, field: &str, value: f64, range: &str) {
    assert!(
        matches!(err.kind(), ErrorKind::OutOfRange { field: f, value: v, .. } if f == field && *v == value),
        "{err:?}"
    );
    assert_eq!(err.field(), Some(field));
    assert_eq!(
        err.to_string(),
        format!("{field}: {value} is outside {range}")
    );
}

// ---------------------------------------------------------------------------------------
// Ratings: the forms accepted
// ---------------------------------------------------------------------------------------

#[test]
fn bare_integer_and_object_ratings_are_the_same_rating() {
    let forms = [
        json!("competent"),
        json!(3),
        json!("Competent"),
        json!({ "proficiency": "competent" }),
        json!({ "proficiency": 3 }),
    ];
    for form in forms {
        let a = valid(&json!({ "ratings": { "rust": form } }));
        assert_eq!(
            a.ratings["rust"],
            Rating::from(Proficiency::Competent),
            "{form}"
        );
    }
    // One grammar for every proficiency: the name with a space or a dash, in any case.
    for form in [
        "advanced_beginner",
        "Advanced Beginner",
        "advanced-beginner",
        "2",
    ] {
        let a = parse(&json!({ "ratings": { "rust": form } }).to_string());
        assert_eq!(a.rating("rust"), Proficiency::AdvancedBeginner, "{form}");
    }
}

#[test]
fn object_rating_carries_confidence_and_evidence() {
    let a = valid(&json!({
        "ratings": {
            "security": { "proficiency": "novice", "confidence": "low",
                          "evidence": [{ "kind": "project", "description": "OWASP review",
                                         "url": "https://example.com/pr/12" },
                                       { "kind": "review", "description": "team lead" }] }
        }
    }));
    let security = &a.ratings["security"];
    assert_eq!(security.proficiency, Proficiency::Novice);
    assert_eq!(security.confidence, Some(Confidence::Low));
    assert_eq!(
        security.evidence,
        [
            Evidence {
                kind: EvidenceKind::Project,
                description: "OWASP review".to_owned(),
                url: Some("https://example.com/pr/12".to_owned()),
            },
            Evidence {
                kind: EvidenceKind::Review,
                description: "team lead".to_owned(),
                url: None,
            }
        ]
    );
}

#[test]
fn unrated_skills_count_as_none_and_the_empty_object_is_the_empty_assessment() {
    let a = valid(&json!({ "ratings": { "rust": "expert" } }));
    assert_eq!(a.rating("security"), Proficiency::None);
    assert_eq!(parse("{}"), Assessment::new());
    assert_eq!(
        parse(r#"{"ratings": {}, "preferences": {}}"#),
        Assessment::new()
    );
    assert_eq!(Assessment::new().hours_per_week(), DEFAULT_HOURS_PER_WEEK);
    assert_eq!(DEFAULT_HOURS_PER_WEEK, 10);
}

#[test]
fn every_field_of_a_full_assessment_is_read() {
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
    assert_eq!(
        a.preferences
            .target_level
            .as_ref()
            .map(skillgauge::Id::as_str),
        Some("mid")
    );
    assert_eq!(a.hours_per_week(), 8);
    assert_eq!(a.preferences.training, ["bootcamp", "online_course"]);
    assert_eq!(a.preferences.deadline_weeks, Some(26));
}

#[test]
fn the_builder_works_with_question_mark_in_a_function_returning_error() -> Result<(), Error> {
    let a = Assessment::new()
        .rate("rust", Proficiency::Expert)?
        .rate("security", Proficiency::Novice)?;
    assert_eq!(a.rating("rust"), Proficiency::Expert);
    tiny().check(&a)?;
    let err: Error = Assessment::new()
        .rate("Rust", Proficiency::Expert)
        .map_err(Error::from)
        .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::InvalidId { .. }), "{err:?}");
    assert!(err.source().is_some(), "the InvalidId is the source");
    Ok(())
}

#[test]
fn a_byte_order_mark_is_not_content() {
    let a = parse("\u{feff}{\"ratings\": {\"rust\": \"novice\"}}");
    assert_eq!(a.rating("rust"), Proficiency::Novice);
}

// ---------------------------------------------------------------------------------------
// Parse errors
// ---------------------------------------------------------------------------------------

#[test]
fn misspelled_proficiency_suggests_the_name() {
    // serde_json reports the end of the string: `"compitent"` closes at column 36.
    assert_parse(
        &parse_err(r#"{"ratings": {"security": "compitent"}}"#),
        "ratings.security",
        &format!("unknown proficiency `compitent`: did you mean `competent`? {EXPECTED}"),
        Some((1, 36)),
    );
    // Inside an object the field is the proficiency's; `"compitent"` closes at column 52.
    assert_parse(
        &parse_err(r#"{"ratings": {"security": {"proficiency": "compitent"}}}"#),
        "ratings.security.proficiency",
        &format!("unknown proficiency `compitent`: did you mean `competent`? {EXPECTED}"),
        Some((1, 52)),
    );
    // A word near no name gets no suggestion.
    assert_parse(
        &parse_err(r#"{"ratings": {"security": "guru"}}"#),
        "ratings.security",
        &format!("unknown proficiency `guru`: {EXPECTED}"),
        Some((1, 31)),
    );
}

#[test]
fn misspelled_proficiency_in_a_file_is_placed_on_its_line() {
    let text = include_str!("fixtures/misspelled-assessment.json");
    // Line 4 is `    "security": "compitent"`: the string ends at column 27.
    assert_parse(
        &parse_err(text),
        "ratings.security",
        &format!("unknown proficiency `compitent`: did you mean `competent`? {EXPECTED}"),
        Some((4, 27)),
    );
}

#[test]
fn proficiency_out_of_range_names_the_skill() {
    assert_parse(
        &parse_err(r#"{"ratings": {"security": 6}}"#),
        "ratings.security",
        "proficiency 6 is outside 0-5",
        Some((1, 26)),
    );
    assert_parse(
        &parse_err(r#"{"ratings": {"security": -1}}"#),
        "ratings.security",
        "proficiency -1 is outside 0-5",
        Some((1, 27)),
    );
}

#[test]
fn wrongly_typed_ratings_are_refused_naming_the_skill() {
    const RATING: &str = "a proficiency (name or 0-5) or an object with `proficiency`";
    for (bad, found) in [
        (json!(2.5), "floating point `2.5`"),
        (json!(true), "boolean `true`"),
        (json!(null), "null"),
        (json!(["novice"]), "sequence"),
    ] {
        let err = parse_err(&json!({ "ratings": { "rust": bad } }).to_string());
        assert!(
            matches!(err.kind(), ErrorKind::Parse { field, message, .. }
                if field == "ratings.rust" && *message == format!("invalid type: {found}, expected {RATING}")),
            "{bad}: {err:?}"
        );
    }
    assert_parse(
        &parse_err(r#"{"ratings": {"security": {"confidence": "low"}}}"#),
        "ratings.security",
        "missing field `proficiency`",
        Some((1, 46)),
    );
}

#[test]
fn unknown_fields_are_refused_at_every_depth() {
    assert_parse(
        &parse_err(r#"{"ratingz": {}}"#),
        "ratingz",
        "unknown field `ratingz`, expected one of `framework`, `ratings`, `experience_years`, `completed_steps`, `preferences`",
        Some((1, 10)),
    );
    assert_parse(
        &parse_err(r#"{"preferences": {"hours_per_weak": 1}}"#),
        "preferences.hours_per_weak",
        "unknown field `hours_per_weak`, expected one of `target_level`, `hours_per_week`, `training`, `deadline_weeks`",
        Some((1, 33)),
    );
    assert_parse(
        &parse_err(r#"{"ratings": {"security": {"proficiency": 3, "confidance": "low"}}}"#),
        "ratings.security.confidance",
        "unknown field `confidance`, expected one of `proficiency`, `confidence`, `evidence`",
        Some((1, 56)),
    );
    assert_parse(
        &parse_err(
            r#"{"ratings": {"security": {"proficiency": 3, "evidence": [{"kind": "project", "description": "d", "ur": "x"}]}}}"#,
        ),
        "ratings.security.evidence[0].ur",
        "unknown field `ur`, expected one of `kind`, `description`, `url`",
        Some((1, 101)),
    );
}

#[test]
fn unknown_enum_values_list_the_accepted_ones() {
    assert_parse(
        &parse_err(r#"{"ratings": {"security": {"proficiency": 3, "confidence": "sure"}}}"#),
        "ratings.security.confidence",
        "unknown variant `sure`, expected one of `low`, `medium`, `high`",
        Some((1, 64)),
    );
    assert_parse(
        &parse_err(
            r#"{"ratings": {"security": {"proficiency": 3, "evidence": [{"kind": "projct", "description": "d"}]}}}"#,
        ),
        "ratings.security.evidence[0].kind",
        "unknown variant `projct`, expected one of `project`, `certification`, `work`, `course`, `review`, `other`",
        Some((1, 74)),
    );
    assert_parse(
        &parse_err(
            r#"{"ratings": {"security": {"proficiency": 3, "evidence": [{"kind": "project"}]}}}"#,
        ),
        "ratings.security.evidence[0]",
        "missing field `description`",
        Some((1, 76)),
    );
}

#[test]
fn duplicate_keys_are_refused() {
    // The second `"security"` closes at column 38.
    assert_parse(
        &parse_err(r#"{"ratings": {"security": 1, "security": 2}}"#),
        "ratings",
        "duplicate key `security`",
        Some((1, 38)),
    );
    assert_parse(
        &parse_err(r#"{"ratings": {}, "ratings": {}}"#),
        "",
        "duplicate field `ratings`",
        Some((1, 25)),
    );
}

#[test]
fn wrongly_typed_fields_name_their_field() {
    assert_parse(
        &parse_err(r#"{"experience_years": "two"}"#),
        "experience_years",
        "invalid type: string \"two\", expected f64",
        Some((1, 26)),
    );
    assert_parse(
        &parse_err(r#"{"preferences": {"hours_per_week": -1}}"#),
        "preferences.hours_per_week",
        "invalid value: integer `-1`, expected u32",
        Some((1, 37)),
    );
    assert_parse(
        &parse_err(r#"{"preferences": {"hours_per_week": 1.5}}"#),
        "preferences.hours_per_week",
        "invalid type: floating point `1.5`, expected u32",
        Some((1, 38)),
    );
    assert_parse(
        &parse_err(r#"{"completed_steps": "basics"}"#),
        "completed_steps",
        "invalid type: string \"basics\", expected a sequence",
        Some((1, 28)),
    );
    assert_parse(
        &parse_err(r#"{"ratings": ["security"]}"#),
        "ratings",
        "invalid type: sequence, expected a map",
        Some((1, 12)),
    );
}

#[test]
fn an_invalid_skill_id_is_a_parse_error() {
    assert_parse(
        &parse_err(r#"{"ratings": {"Security": 1}}"#),
        "ratings.Security",
        "invalid id `Security`: an id holds only lowercase ASCII letters, digits, `-` and `_`",
        Some((1, 23)),
    );
}

#[test]
fn syntax_errors_report_line_and_column() {
    // The trailing comma of line 2, `  "ratings": {"security": 3,}`, is seen at the `}`.
    assert_parse(
        &parse_err("{\n  \"ratings\": {\"security\": 3,}\n}"),
        "ratings",
        "trailing comma",
        Some((2, 29)),
    );
    // Four lines and a final newline: the end of input is line 5.
    assert_parse(
        &parse_err("{\n  \"ratings\": {\n    \"security\": 3\n  }\n"),
        "",
        "EOF while parsing an object",
        Some((5, 1)),
    );
    assert_parse(&parse_err("{} {}"), "", "trailing characters", Some((1, 4)));
    assert_parse(
        &parse_err(include_str!("fixtures/broken.json")),
        "ratings",
        "trailing comma",
        Some((1, 31)),
    );
}

#[test]
fn only_an_object_is_an_assessment() {
    // An array would otherwise be read as the fields in order.
    for text in ["[]", "  [{\"ratings\": {}}]", "[null, {}, null, [], {}]"] {
        assert_parse(
            &parse_err(text),
            "",
            "expected an object at the top level",
            None,
        );
    }
    assert_parse(
        &parse_err("\"x\""),
        "",
        "invalid type: string \"x\", expected struct Assessment",
        Some((1, 3)),
    );
}

// ---------------------------------------------------------------------------------------
// Checking against a framework
// ---------------------------------------------------------------------------------------

#[test]
fn unknown_ids_are_named_with_a_suggestion_when_one_is_close() {
    let fw = Framework::backend_developer();
    let check = |value: Value| fw.check(&parse(&value.to_string())).unwrap_err();
    assert_unknown(
        &check(json!({ "ratings": { "securty": 3 } })),
        "ratings.securty",
        IdKind::Skill,
        "securty",
        Some("security"),
    );
    assert_unknown(
        &check(json!({ "ratings": { "kubernetes": 3 } })),
        "ratings.kubernetes",
        IdKind::Skill,
        "kubernetes",
        None,
    );
    assert_unknown(
        &check(json!({ "completed_steps": ["build-portfolio", "programming-foundation"] })),
        "completed_steps[1]",
        IdKind::Step,
        "programming-foundation",
        Some("programming-foundations"),
    );
    assert_unknown(
        &check(json!({ "preferences": { "target_level": "senoir" } })),
        "preferences.target_level",
        IdKind::Level,
        "senoir",
        Some("senior"),
    );
    assert_unknown(
        &check(json!({ "preferences": { "training": ["bootcamp", "online-course"] } })),
        "preferences.training[1]",
        IdKind::Training,
        "online-course",
        Some("online_course"),
    );
}

#[test]
fn ids_of_another_kind_are_unknown() {
    assert_unknown(
        &invalid(&json!({ "ratings": { "entry": 1 } })),
        "ratings.entry",
        IdKind::Skill,
        "entry",
        None,
    );
    assert_unknown(
        &invalid(&json!({ "completed_steps": ["bootcamp"] })),
        "completed_steps[0]",
        IdKind::Step,
        "bootcamp",
        None,
    );
    assert_unknown(
        &invalid(&json!({ "preferences": { "target_level": "rust" } })),
        "preferences.target_level",
        IdKind::Level,
        "rust",
        None,
    );
    assert_unknown(
        &invalid(&json!({ "preferences": { "training": ["basics"] } })),
        "preferences.training[0]",
        IdKind::Training,
        "basics",
        None,
    );
}

#[test]
fn hours_per_week_is_1_to_168() {
    for hours in [0, 169, 1000] {
        let err = invalid(&json!({ "preferences": { "hours_per_week": hours } }));
        assert_out_of_range(
            &err,
            "preferences.hours_per_week",
            f64::from(hours),
            "1-168",
        );
    }
    for hours in [1, 10, 168] {
        assert_eq!(
            valid(&json!({ "preferences": { "hours_per_week": hours } })).hours_per_week(),
            hours
        );
    }
}

#[test]
fn experience_is_0_to_70_years() {
    for years in [-0.5, 70.5, 200.0] {
        let err = invalid(&json!({ "experience_years": years }));
        assert_out_of_range(&err, "experience_years", years, "0-70");
    }
    for years in [0.0, 0.5, 25.0, 70.0] {
        valid(&json!({ "experience_years": years }));
    }
}

#[test]
fn deadline_is_1_to_1040_weeks() {
    for weeks in [0, 1041] {
        let err = invalid(&json!({ "preferences": { "deadline_weeks": weeks } }));
        assert_out_of_range(
            &err,
            "preferences.deadline_weeks",
            f64::from(weeks),
            "1-1040",
        );
    }
    for weeks in [1, 52, 1040] {
        valid(&json!({ "preferences": { "deadline_weeks": weeks } }));
    }
}

#[test]
fn blank_evidence_descriptions_are_refused() {
    for blank in ["", "  ", "\n\t"] {
        let err = invalid(&json!({ "ratings": { "rust": { "proficiency": 4,
            "evidence": [{ "kind": "work", "description": "shipped the billing service" },
                         { "kind": "project", "description": blank }] } } }));
        assert!(
            matches!(err.kind(), ErrorKind::BlankEvidence { field, skill }
                if field == "ratings.rust.evidence[1].description" && skill == "rust"),
            "{err:?}"
        );
        assert_eq!(err.field(), Some("ratings.rust.evidence[1].description"));
        assert_eq!(
            err.to_string(),
            "ratings.rust.evidence[1].description: evidence for `rust` needs a description"
        );
    }
    valid(&json!({ "ratings": { "rust": { "proficiency": 4,
        "evidence": [{ "kind": "work", "description": "x" }] } } }));
}

#[test]
fn an_assessment_for_another_framework_is_refused() {
    let err = invalid(&json!({ "framework": "other", "ratings": { "rust": 1 } }));
    assert!(
        matches!(err.kind(), ErrorKind::FrameworkMismatch { expected, found }
            if expected == "tiny" && found == "other"),
        "{err:?}"
    );
    assert_eq!(err.field(), Some("framework"));
    assert_eq!(
        err.to_string(),
        "framework: the assessment is for framework `other`, not `tiny`"
    );
    // Reported before anything about skills the other framework may well have.
    let err = invalid(&json!({ "framework": "other", "ratings": { "kubernetes": 1 } }));
    assert!(
        matches!(err.kind(), ErrorKind::FrameworkMismatch { .. }),
        "{err:?}"
    );
    valid(&json!({ "framework": "tiny" }));
}

// ---------------------------------------------------------------------------------------
// assess_json: check errors placed in the text
// ---------------------------------------------------------------------------------------

#[track_caller]
fn assess_json_err(text: &str) -> Error {
    match Framework::backend_developer().assess_json(text) {
        Ok(_) => panic!("expected an error for {text}"),
        Err(e) => e,
    }
}

#[test]
fn assess_json_places_check_errors_at_their_key() {
    let text = "{\n  \"ratings\": {\n    \"security\": 2,\n    \"securty\": 3\n  }\n}";
    let err = assess_json_err(text);
    // Line 4 is `    "securty": 3`: the key starts at column 5.
    assert_eq!((err.line(), err.column()), (Some(4), Some(5)));
    assert_eq!(
        err.to_string(),
        "ratings.securty names unknown skill `securty` (did you mean `security`?) (line 4, column 5)"
    );

    let err = assess_json_err("{\n  \"preferences\": {\n    \"hours_per_week\": 200\n  }\n}");
    assert_eq!((err.line(), err.column()), (Some(3), Some(5)));
    assert_eq!(
        err.to_string(),
        "preferences.hours_per_week: 200 is outside 1-168 (line 3, column 5)"
    );

    let err = assess_json_err("{\n  \"framework\": \"x\"\n}");
    assert_eq!((err.line(), err.column()), (Some(2), Some(3)));

    // The second evidence item, on line 3, starts its `"description"` key at column 19.
    let err = assess_json_err(
        "{\"ratings\": {\"security\": {\"proficiency\": 3,\n \"evidence\": [{\"kind\": \"work\", \"description\": \"a\"},\n {\"kind\": \"work\", \"description\": \" \"}]}}}",
    );
    assert!(
        matches!(err.kind(), ErrorKind::BlankEvidence { .. }),
        "{err:?}"
    );
    assert_eq!((err.line(), err.column()), (Some(3), Some(19)));

    // completed_steps[1] is the second element: its quote is at column 41 of line 1.
    let err =
        assess_json_err(r#"{"completed_steps": ["build-portfolio", "programming-foundation"]}"#);
    assert_eq!((err.line(), err.column()), (Some(1), Some(41)));
}

#[test]
fn assess_json_keeps_parse_error_positions() {
    let err = assess_json_err("{\n  \"ratings\": {\"security\": 3,}\n}");
    assert!(matches!(err.kind(), ErrorKind::Parse { .. }), "{err:?}");
    assert_eq!((err.line(), err.column()), (Some(2), Some(29)));
}

#[test]
fn assess_json_agrees_with_parse_then_assess() {
    let text = r#"{"ratings": {"programming-languages": 3, "security": 1}, "experience_years": 2}"#;
    let fw = Framework::backend_developer();
    let direct = fw.assess_json(text).expect("valid");
    let two_steps = fw.assess(&parse(text)).expect("valid");
    assert_eq!(direct, two_steps);
}

// ---------------------------------------------------------------------------------------
// JSON round trip and files
// ---------------------------------------------------------------------------------------

#[test]
fn an_assessment_round_trips_through_json() {
    let a = parse(
        &json!({
            "framework": "tiny",
            "ratings": {
                "rust": 3,
                "security": { "proficiency": "novice", "confidence": "high",
                              "evidence": [{ "kind": "course", "description": "c", "url": "u" }] }
            },
            "experience_years": 2.25,
            "completed_steps": ["basics"],
            "preferences": { "target_level": "mid", "hours_per_week": 6,
                             "training": ["bootcamp"], "deadline_weeks": 30 }
        })
        .to_string(),
    );
    let text = a.to_json();
    assert_eq!(parse(&text), a);
    let value: Value = serde_json::from_str(&text).expect("JSON");
    // The empty assessment is written minimally.
    let empty: Value = serde_json::from_str(&Assessment::new().to_json()).expect("JSON");
    assert_eq!(empty, json!({ "ratings": {} }));
    // A bare rating is written bare, by name; a detailed one as an object.
    assert_eq!(value["ratings"]["rust"], json!("competent"));
    assert_eq!(
        value["ratings"]["security"],
        json!({ "proficiency": "novice", "confidence": "high",
                "evidence": [{ "kind": "course", "description": "c", "url": "u" }] })
    );
}

#[test]
fn from_path_names_the_file() {
    let dir = std::env::temp_dir().join(format!("skillgauge-assessment-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");

    let good = dir.join("good.json");
    std::fs::write(&good, r#"{"ratings": {"security": "novice"}}"#).expect("write");
    assert_eq!(
        Assessment::from_path(&good)
            .expect("valid")
            .rating("security"),
        Proficiency::Novice
    );

    let bad = dir.join("bad.json");
    std::fs::write(&bad, r#"{"ratings": {"security": 9}}"#).expect("write");
    let err = Assessment::from_path(&bad).unwrap_err();
    assert_eq!(err.file(), Some(bad.as_path()));
    assert_eq!(err.field(), Some("ratings.security"));
    assert_eq!(
        err.to_string(),
        format!(
            "{}: JSON field `ratings.security`: proficiency 9 is outside 0-5 (line 1, column 26)",
            bad.display()
        )
    );

    let missing = dir.join("missing.json");
    let err = Assessment::from_path(&missing).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Io { .. }), "{err:?}");
    assert_eq!(err.file(), Some(missing.as_path()));
    assert!(
        err.to_string()
            .starts_with(&format!("{}: ", missing.display())),
        "{err}"
    );
    let source = err.source().expect("the io error is the source");
    let io = source
        .downcast_ref::<std::io::Error>()
        .expect("an io::Error");
    assert_eq!(io.kind(), std::io::ErrorKind::NotFound);

    std::fs::remove_dir_all(&dir).ok();
}
