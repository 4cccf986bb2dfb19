//! The error type as a program uses it: `kind()` to match on, `field()` in one path style
//! for parse and validation errors, `line()`/`column()` wherever the text is at hand,
//! `file()` for files, `source()` for the operating system's error, bounded reads, `?` on
//! ids, `Send + Sync` everywhere, and a framework built in Rust that validates and
//! round-trips through JSON and TOML.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use skillgauge::limits::MAX_INPUT_BYTES;
use skillgauge::{
    Assessment, Calibration, Category, Cost, Error, ErrorKind, FitSettings, Format, Framework,
    FrameworkDefinition, Hiring, Id, Level, Occupation, Options, Pace, Proficiency, SalaryBand,
    Skill, Step, StepKind, TrainingOption,
};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// A file under the temporary directory with a name unique to this process and call,
/// removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn path(name: &str) -> TempFile {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let unique = format!("skillgauge-errors-{}-{n}-{name}", std::process::id());
        TempFile(std::env::temp_dir().join(unique))
    }

    fn with(name: &str, contents: impl AsRef<[u8]>) -> TempFile {
        let file = TempFile::path(name);
        std::fs::write(&file.0, contents).unwrap();
        file
    }

    /// A sparse file of `len` zero bytes: no disk space is used.
    fn sparse(name: &str, len: u64) -> TempFile {
        let file = TempFile::path(name);
        std::fs::File::create(&file.0)
            .unwrap()
            .set_len(len)
            .unwrap();
        file
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[track_caller]
fn toml_err(text: &str) -> Error {
    match Framework::from_toml(text) {
        Ok(_) => panic!("expected the TOML framework to be rejected"),
        Err(err) => err,
    }
}

#[track_caller]
fn json_err(text: &str) -> Error {
    match Framework::from_json(text) {
        Ok(_) => panic!("expected the JSON framework to be rejected"),
        Err(err) => err,
    }
}

#[track_caller]
fn assert_position(err: &Error, line: usize, column: usize) {
    assert_eq!(
        (err.line(), err.column()),
        (Some(line), Some(column)),
        "position of {err}"
    );
}

#[track_caller]
fn assert_parse(err: &Error, format: Format, field: &str) {
    assert!(
        matches!(err.kind(), ErrorKind::Parse { format: f, .. } if *f == format),
        "expected a {format} parse error, got {err:?}"
    );
    assert_eq!(err.field(), Some(field), "{err:?}");
}

/// A TOML framework: skills `rust`, `sql`, `security`, two levels and two steps, with
/// placeholders. The lines tests point into are listed below it.
const TOML: &str = r#"id = "tiny"
name = "Tiny"

[[skills]]
id = "rust"
name = "Rust"

[[skills]]
id = "sql"
name = "SQL"

[[skills]]
id = "security"
name = "Security"
WEIGHT

[[levels]]
id = "entry"
name = "Entry"
requires = { security = "competent" }

[[levels]]
id = "mid"
name = "Mid"
requires = { security = MID }

[[steps]]
id = "project"
title = "Project"
hours = 20
prerequisites = [PREREQUISITES]

[[steps]]
id = "basics"
title = "Basics"
hours = 10
"#;
// Line 15: WEIGHT; line 25: requires of `mid`; line 27: [[steps]] of `project`; line 31: its
// prerequisites.

/// `TOML` with its placeholders filled in.
fn toml(weight: &str, mid: &str, prerequisites: &str) -> String {
    TOML.replace("WEIGHT", weight)
        .replace("MID", mid)
        .replace("PREREQUISITES", prerequisites)
}

/// The same framework in JSON, one entry a line: the skill `security` on line 7, the level
/// `mid` on line 11, the step `project` on line 14.
const JSON: &str = r#"{
  "id": "tiny",
  "name": "Tiny",
  "skills": [
    { "id": "rust", "name": "Rust" },
    { "id": "sql", "name": "SQL" },
    { "id": "security", "name": "Security", "weight": WEIGHT }
  ],
  "levels": [
    { "id": "entry", "name": "Entry", "requires": { "security": "competent" } },
    { "id": "mid", "name": "Mid", "requires": { "security": MID } }
  ],
  "steps": [
    { "id": "project", "title": "Project", "hours": 20, "prerequisites": [PREREQUISITES] },
    { "id": "basics", "title": "Basics", "hours": 10 }
  ]
}"#;

fn json(weight: &str, mid: &str, prerequisites: &str) -> String {
    JSON.replace("WEIGHT", weight)
        .replace("MID", mid)
        .replace("PREREQUISITES", prerequisites)
}

// ---------------------------------------------------------------------------------------------
// One path style, with line and column, for parse and validation errors
// ---------------------------------------------------------------------------------------------

#[test]
fn the_valid_base_framework_loads_in_both_formats() {
    let from_toml = Framework::from_toml(&toml("weight = 2", "\"expert\"", "")).unwrap();
    let from_json = Framework::from_json(&json("2", "\"expert\"", "")).unwrap();
    assert_eq!(from_toml, from_json);
}

#[test]
fn a_weight_is_named_skills_2_weight_when_parsing_and_validating() {
    // Parse: a string where a number goes. TOML points at the value: line 15, column 10.
    let err = toml_err(&toml("weight = \"heavy\"", "\"expert\"", ""));
    assert_parse(&err, Format::Toml, "skills[2].weight");
    assert_position(&err, 15, 10);
    assert_eq!(
        err.to_string(),
        "TOML field `skills[2].weight`: invalid type: string \"heavy\", expected f64 (line 15, \
         column 10)"
    );
    // Validation: too many decimals. It points at the key: line 15, column 1.
    let err = toml_err(&toml("weight = 0.0001", "\"expert\"", ""));
    assert!(
        matches!(err.kind(), ErrorKind::InvalidWeight { .. }),
        "{err:?}"
    );
    assert_eq!(err.field(), Some("skills[2].weight"));
    assert_position(&err, 15, 1);

    // JSON, line 7: `    { "id": "security", "name": "Security", "weight": "heavy" }`.
    // serde_json points at the last character it read: the closing quote of "heavy", after
    // 4 + 2 + 18 ("id": "security", ) + 20 ("name": "Security", ) + 10 ("weight": ) + 6
    // characters, so column 61.
    let err = json_err(&json("\"heavy\"", "\"expert\"", ""));
    assert_parse(&err, Format::Json, "skills[2].weight");
    assert_position(&err, 7, 61);
    // Validation points at the key `"weight"`: column 4 + 2 + 18 + 20 + 1 = 45.
    let err = json_err(&json("0.0001", "\"expert\"", ""));
    assert!(
        matches!(err.kind(), ErrorKind::InvalidWeight { .. }),
        "{err:?}"
    );
    assert_eq!(err.field(), Some("skills[2].weight"));
    assert_position(&err, 7, 45);
}

#[test]
fn a_requirement_is_named_levels_1_requires_security_when_parsing_and_validating() {
    // Parse: a misspelled proficiency, with a suggestion. TOML points at the value, after
    // `requires = { security = ` (24 characters) on line 25.
    let err = toml_err(&toml("", "\"expret\"", ""));
    assert_parse(&err, Format::Toml, "levels[1].requires.security");
    assert_position(&err, 25, 25);
    assert_eq!(
        err.to_string(),
        "TOML field `levels[1].requires.security`: unknown proficiency `expret`: did you mean \
         `expert`? expected one of none, novice, advanced_beginner, competent, proficient, expert \
         or 0-5 (line 25, column 25)"
    );
    // Validation: below the lower level's requirement. Points at the key `security`, after
    // `requires = { ` (13 characters).
    let err = toml_err(&toml("", "\"novice\"", ""));
    assert!(
        matches!(err.kind(), ErrorKind::DecreasingRequirement { .. }),
        "{err:?}"
    );
    assert_eq!(err.field(), Some("levels[1].requires.security"));
    assert_position(&err, 25, 14);

    // JSON, line 11: `    { "id": "mid", "name": "Mid", "requires": { "security": MID } }`.
    // The key `"security"` starts after 4 + 2 + 13 ("id": "mid", ) + 15 ("name": "Mid", )
    // + 14 ("requires": { ) = 48 characters.
    let err = json_err(&json("1", "\"novice\"", ""));
    assert_eq!(err.field(), Some("levels[1].requires.security"));
    assert_position(&err, 11, 49);
    // The parse error ends at the closing quote of "expret": 48 + 12 ("security": ) + 8.
    let err = json_err(&json("1", "\"expret\"", ""));
    assert_parse(&err, Format::Json, "levels[1].requires.security");
    assert_position(&err, 11, 68);
}

#[test]
fn a_prerequisite_is_named_steps_0_prerequisites_1_when_parsing_and_validating() {
    // Parse: not an id. Only the line is checked: the TOML parser places an element's error
    // at the start of its array, and serde_json one past the closing quote of the id.
    let err = toml_err(&toml("", "\"expert\"", "\"rust-basics\", \"Basics\""));
    assert_parse(&err, Format::Toml, "steps[0].prerequisites[1]");
    assert_eq!(err.line(), Some(31));
    let err = json_err(&json("1", "\"expert\"", "\"rust-basics\", \"Basics\""));
    assert_parse(&err, Format::Json, "steps[0].prerequisites[1]");
    assert_eq!(err.line(), Some(14));

    // Validation: an unknown step. Points at the element: TOML line 31 after
    // `prerequisites = ["basics", ` (27 characters).
    let err = toml_err(&toml("", "\"expert\"", "\"basics\", \"basic\""));
    assert!(matches!(err.kind(), ErrorKind::UnknownId { .. }), "{err:?}");
    assert_eq!(err.field(), Some("steps[0].prerequisites[1]"));
    assert_position(&err, 31, 28);
    assert_eq!(
        err.to_string(),
        "steps[0].prerequisites[1] names unknown step `basic` (did you mean `basics`?) (line 31, \
         column 28)"
    );
    // JSON line 14: `    { "id": "project", "title": "Project", "hours": 20, "prerequisites": [`
    // is 4 + 2 + 17 + 20 + 13 + 18 = 74 characters, then `"basics", ` 10 more.
    let err = json_err(&json("1", "\"expert\"", "\"basics\", \"basic\""));
    assert_eq!(err.field(), Some("steps[0].prerequisites[1]"));
    assert_position(&err, 14, 85);
}

#[test]
fn a_missing_field_points_at_the_nearest_enclosing_one() {
    // The step has no `hours`: the error points at its `[[steps]]` header, line 27.
    let text = toml("", "\"expert\"", "").replace("hours = 20\n", "");
    let err = toml_err(&text);
    assert!(
        matches!(err.kind(), ErrorKind::MissingEffort { .. }),
        "{err:?}"
    );
    assert_eq!(err.field(), Some("steps[0].hours"));
    assert_position(&err, 27, 1);
    // In JSON, at the step's `{` on line 14, column 5.
    let text = json("1", "\"expert\"", "").replace("\"hours\": 20, ", "");
    let err = json_err(&text);
    assert_eq!(err.field(), Some("steps[0].hours"));
    assert_position(&err, 14, 5);
}

#[test]
fn columns_count_characters_not_bytes() {
    // `    { "id": "rust", "name": "Rüst", ` is 36 characters (37 bytes): the key `"weight"`
    // is at column 37.
    let text = r#"{
  "id": "tiny",
  "name": "Tiny",
  "skills": [
    { "id": "rust", "name": "Rüst", "weight": 0.0001 }
  ],
  "levels": [{ "id": "entry", "name": "Entry" }]
}"#;
    assert_position(&json_err(text), 5, 37);
}

#[test]
fn syntax_errors_have_a_position() {
    // `name = ` with no value: line 2, column 8. A syntax error has no field.
    let err = Framework::from_toml("id = \"t\"\nname = \n").unwrap_err();
    assert!(
        matches!(
            err.kind(),
            ErrorKind::Parse {
                format: Format::Toml,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(err.field(), None);
    assert_position(&err, 2, 8);

    // ` "name": }`: the `}` is the tenth character of line 2.
    let err = Framework::from_json("{\"id\": \"t\",\n \"name\": }").unwrap_err();
    assert_parse(&err, Format::Json, "name");
    assert_position(&err, 2, 10);
    assert_eq!(
        err.to_string(),
        "JSON field `name`: expected value (line 2, column 10)"
    );
}

#[test]
fn errors_of_framework_new_and_from_value_have_no_position() {
    let definition = FrameworkDefinition::new("t", "T", vec![], vec![]).unwrap();
    let err = Framework::new(definition).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Empty { .. }), "{err:?}");
    assert_eq!(err.field(), Some("skills"));
    assert_eq!((err.line(), err.column(), err.file()), (None, None, None));
    assert_eq!(
        err.to_string(),
        "framework has no skills: at least one is required"
    );

    let value: serde_json::Value = serde_json::from_str(&json("0.0001", "\"expert\"", "")).unwrap();
    let err = Framework::from_value(value).unwrap_err();
    assert_eq!(err.field(), Some("skills[2].weight"));
    assert_eq!((err.line(), err.column()), (None, None));
    let value: serde_json::Value =
        serde_json::from_str(&json("\"heavy\"", "\"expert\"", "")).unwrap();
    let err = Framework::from_value(value).unwrap_err();
    assert_parse(&err, Format::Json, "skills[2].weight");
    assert_eq!((err.line(), err.column()), (None, None));
}

#[test]
fn the_kind_displays_without_the_position() {
    let err = toml_err(&toml("weight = 0", "\"expert\"", ""));
    let kind = err.kind().to_string();
    assert_eq!(
        kind,
        "skills[2].weight: skill `security` has weight 0: a weight is a positive number up to \
         1000000 with at most three decimals"
    );
    assert_eq!(err.to_string(), format!("{kind} (line 15, column 1)"));
}

#[test]
fn assessment_errors_point_into_the_request() {
    // Issue 9: evidence with a blank description passed the screening cap. Line 3 is
    // `    "security": { "proficiency": 4, "evidence": [{ "kind": "project", "description": " " }] }`;
    // the key `"description"` comes after 4 + 14 + 18 + 15 + 19 = 70 characters.
    let request = r#"{
  "ratings": {
    "security": { "proficiency": 4, "evidence": [{ "kind": "project", "description": " " }] }
  }
}"#;
    let framework = Framework::backend_developer();
    let err = framework.assess_json(request).unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::BlankEvidence { skill, .. } if skill == "security"),
        "{err:?}"
    );
    assert_eq!(
        err.field(),
        Some("ratings.security.evidence[0].description")
    );
    assert_position(&err, 3, 71);
    assert_eq!(
        err.to_string(),
        "ratings.security.evidence[0].description: evidence for `security` needs a description \
         (line 3, column 71)"
    );
    // Refused under the screening policy too, rather than counting as evidence.
    let assessment = Assessment::from_json(request).unwrap();
    let options = Options::new(Calibration::CapUnevidenced {
        above: Proficiency::Competent,
    });
    let err = framework.assess_with(&assessment, &options).unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::BlankEvidence { .. }),
        "{err:?}"
    );
    assert_eq!(err.line(), None);
}

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------

#[test]
fn from_path_errors_name_the_file() {
    let file = TempFile::with("bad.toml", toml("weight = 0.0001", "\"expert\"", ""));
    let err = Framework::from_path(&file.0).unwrap_err();
    assert_eq!(err.file(), Some(file.0.as_path()));
    assert_eq!(err.field(), Some("skills[2].weight"));
    assert_position(&err, 15, 1);
    assert_eq!(
        err.to_string(),
        format!(
            "{}: skills[2].weight: skill `security` has weight 0.0001: a weight is a positive \
             number up to 1000000 with at most three decimals (line 15, column 1)",
            file.0.display()
        )
    );

    // A parse error in a JSON file.
    let file = TempFile::with("bad.json", json("\"heavy\"", "\"expert\"", ""));
    let err = Framework::from_path(&file.0).unwrap_err();
    assert_parse(&err, Format::Json, "skills[2].weight");
    assert_eq!(err.file(), Some(file.0.as_path()));
    assert!(
        err.to_string().starts_with(&format!(
            "{}: JSON field `skills[2].weight`: ",
            file.0.display()
        )),
        "{err}"
    );
}

#[test]
fn a_missing_file_keeps_the_io_error_as_its_source() {
    let file = TempFile::path("missing.toml");
    for err in [
        Framework::from_path(&file.0).unwrap_err(),
        Assessment::from_path(&file.0).unwrap_err(),
    ] {
        let ErrorKind::Io { source } = err.kind() else {
            panic!("expected an Io error, got {err:?}");
        };
        assert_eq!(source.kind(), io::ErrorKind::NotFound);
        let from_source = std::error::Error::source(&err)
            .and_then(|s| s.downcast_ref::<io::Error>())
            .expect("the io::Error is the source");
        assert_eq!(from_source.kind(), io::ErrorKind::NotFound);
        assert_eq!(err.file(), Some(file.0.as_path()));
        assert_eq!(err.field(), None);
        assert_eq!(err.line(), None);
        assert_eq!(
            err.to_string(),
            format!("{}: cannot read the file: {source}", file.0.display())
        );
        // A clone shares the same source.
        let clone = err.clone();
        assert!(std::error::Error::source(&clone).is_some());
    }
}

#[test]
fn a_directory_or_a_file_that_is_not_utf8_is_an_io_error() {
    let err = Framework::from_path(std::env::temp_dir()).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Io { .. }), "{err:?}");

    let file = TempFile::with("latin1.toml", b"id = \"t\"\nname = \"caf\xe9\"\n");
    let err = Framework::from_path(&file.0).unwrap_err();
    let ErrorKind::Io { source } = err.kind() else {
        panic!("expected an Io error, got {err:?}");
    };
    assert_eq!(source.kind(), io::ErrorKind::InvalidData);
    assert_eq!(err.file(), Some(file.0.as_path()));
}

#[cfg(unix)]
#[test]
fn dev_zero_is_refused_at_the_size_limit() {
    // Issue 9: the whole file was read before the size check, and /dev/zero never ends.
    let err = Framework::from_path("/dev/zero").unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::InputTooLarge { max } if *max == MAX_INPUT_BYTES),
        "{err:?}"
    );
    assert_eq!(err.file(), Some(Path::new("/dev/zero")));
    let err = Assessment::from_path("/dev/zero").unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::InputTooLarge { .. }),
        "{err:?}"
    );
}

#[test]
fn a_file_over_64_mib_is_refused_and_one_at_the_limit_is_read() {
    let limit = u64::try_from(MAX_INPUT_BYTES).unwrap();
    assert_eq!(limit, 64 * 1024 * 1024);
    let over = TempFile::sparse("over.json", limit + 1);
    let err = Framework::from_path(&over.0).unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::InputTooLarge { max } if *max == MAX_INPUT_BYTES),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        format!(
            "{}: input is more than the limit of 67108864 bytes",
            over.0.display()
        )
    );
    drop(over);

    // Exactly at the limit the file is read, and fails as JSON (it is all NUL bytes).
    let at = TempFile::sparse("at.json", limit);
    let err = Framework::from_path(&at.0).unwrap_err();
    assert!(
        matches!(
            err.kind(),
            ErrorKind::Parse {
                format: Format::Json,
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn text_over_64_mib_is_refused() {
    let text = " ".repeat(MAX_INPUT_BYTES + 1);
    for err in [
        Framework::from_json(&text).unwrap_err(),
        Framework::from_toml(&text).unwrap_err(),
        Assessment::from_json(&text).unwrap_err(),
    ] {
        assert!(
            matches!(err.kind(), ErrorKind::InputTooLarge { .. }),
            "{err:?}"
        );
        assert_eq!(
            err.to_string(),
            "input is more than the limit of 67108864 bytes"
        );
        assert_eq!((err.field(), err.line()), (None, None));
    }
}

// ---------------------------------------------------------------------------------------------
// `?`, Send + Sync
// ---------------------------------------------------------------------------------------------

fn rate_with_question_marks(skill: &str) -> Result<Assessment, Error> {
    let id = Id::new(skill)?;
    Ok(Assessment::new().rate(id.as_str(), Proficiency::Competent)?)
}

fn rate_directly(skill: &str) -> Result<Assessment, Error> {
    Ok(Assessment::new().rate(skill, Proficiency::Competent)?)
}

#[test]
fn invalid_ids_convert_into_errors_so_question_mark_works() {
    let assessment = rate_with_question_marks("security").unwrap();
    assert_eq!(assessment.rating("security"), Proficiency::Competent);

    for err in [
        rate_with_question_marks("Security").unwrap_err(),
        rate_directly("Security").unwrap_err(),
    ] {
        let ErrorKind::InvalidId { source, .. } = err.kind() else {
            panic!("expected InvalidId, got {err:?}");
        };
        assert_eq!(source.value, "Security");
        assert_eq!(err.field(), Some("id"));
        assert_eq!(
            err.to_string(),
            "id: invalid id `Security`: an id holds only lowercase ASCII letters, digits, `-` and `_`"
        );
        let inner = std::error::Error::source(&err)
            .and_then(|s| s.downcast_ref::<skillgauge::InvalidId>())
            .expect("the InvalidId is the source");
        assert_eq!(inner, source);
    }
}

fn assert_error_type<T: std::error::Error + Send + Sync + 'static>() {}

#[test]
fn error_is_send_sync_and_static() {
    fn boxed() -> Result<Framework, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Framework::from_json("{")?)
    }
    assert_error_type::<Error>();
    assert_error_type::<skillgauge::InvalidId>();
    assert_error_type::<skillgauge::ParseProficiencyError>();
    assert!(boxed().is_err());
    // Errors cross threads.
    let err = std::thread::spawn(|| Framework::from_json("{").unwrap_err())
        .join()
        .unwrap();
    assert_eq!(err.line(), Some(1));
}

/// Asserts that every type named is `Send + Sync`.
macro_rules! assert_send_sync {
    ($($t:ty),* $(,)?) => {{
        fn check<T: Send + Sync>() {}
        $(check::<$t>();)*
    }};
}

#[test]
fn every_public_type_is_send_and_sync() {
    use skillgauge::*;
    assert_send_sync! {
        Assessment, Confidence, Evidence, EvidenceKind, Preferences, Rating, Prepared, Ranked,
        Scored, Category, Cost, FitSettings, FrameworkDefinition, Hiring, Level, Occupation,
        Pace, Period, SalaryBand, Skill, Step, StepKind, TrainingOption, Error, ErrorKind,
        Format, IdKind, Framework, Id, InvalidId, Posting<'static>, RoleMatch, Calibration,
        Options, ParseProficiencyError, Proficiency, Blocker, Change, Deadline, Habit,
        LevelResult, Milestone, Plan, PlanItem, Report, Salary, SkillResult, StepRef, Strength,
        Tier, Track, Unreachable, Warning, WarningCode,
    }
    #[cfg(feature = "import")]
    {
        use skillgauge::import::*;
        assert_send_sync! {
            Draft, EscoOptions, ImportError, ImportErrorKind, Imported, OnetOptions,
            SkipReason, Skipped,
        }
    }
    // The built-in framework is shared between threads.
    let id = std::thread::spawn(|| Framework::backend_developer().id().clone())
        .join()
        .unwrap();
    assert_eq!(id, "backend-developer");
}

// ---------------------------------------------------------------------------------------------
// A definition built in Rust
// ---------------------------------------------------------------------------------------------

/// A definition that sets every part of the format to something other than its default.
fn typed_definition() -> Result<FrameworkDefinition, Error> {
    let mut rust = Skill::new("rust", "Rust")?;
    rust.weight = 0.2;
    rust.description = "Writing Rust".into();
    rust.descriptors
        .insert(Proficiency::Novice, "Writes small programs".to_owned());
    rust.descriptors.insert(
        Proficiency::Expert,
        "Designs crates others build on".to_owned(),
    );
    rust.keywords = vec!["rustlang".to_owned()];
    let mut talk = Skill::new("talk", "Communication")?;
    talk.category = Category::Professional;
    talk.weight = 2.5;
    talk.reference = Some("https://example.com/skills/talk".to_owned());

    let mut entry = Level::new("entry", "Entry")?;
    entry.summary = "Works with guidance".into();
    entry.requires.insert(Id::new("rust")?, Proficiency::Novice);
    entry.salary = Some(SalaryBand::new(Some(50_000), Some(65_000), "USD"));
    entry.min_points = Some(1.5);
    let mut mid = Level::new("mid", "Mid")?;
    mid.requires
        .insert(Id::new("rust")?, Proficiency::Competent);
    mid.requires.insert(Id::new("talk")?, Proficiency::Novice);
    let mut band = SalaryBand::new(Some(65_000), None, "EUR");
    band.note = Some("or more".to_owned());
    mid.salary = Some(band);
    // At most (0.2 + 2.5) × 20 = 54 points with the table below.
    mid.min_points = Some(12.125);

    let mut basics = Step::new("basics", "Basics", 40)?;
    basics.summary = "The language".into();
    basics.actions = vec!["Read the book".to_owned(), "Do the exercises".to_owned()];
    basics.training = vec![Id::new("online")?, Id::new("bootcamp")?];
    basics
        .develops
        .insert(Id::new("rust")?, Proficiency::Novice);
    let mut project = Step::new("project", "A project", 60)?;
    project.kind = StepKind::Build;
    project.prerequisites = vec![Id::new("basics")?];
    project
        .develops
        .insert(Id::new("rust")?, Proficiency::Competent);
    let mut job = Step::new("job", "A first job", 1_600)?;
    job.kind = StepKind::Experience;
    job.develops
        .insert(Id::new("talk")?, Proficiency::Competent);
    let mut degree = Step::new("degree", "A degree", 3_000)?;
    degree.kind = StepKind::Credential;
    degree.optional = true;
    degree.training = vec![Id::new("bootcamp")?];
    degree
        .develops
        .insert(Id::new("rust")?, Proficiency::Proficient);
    let mut keep_up = Step::new("keep-up", "Keep up", 1)?;
    keep_up.kind = StepKind::Habit;
    keep_up.hours = None;
    keep_up.hours_per_week = Some(3);

    let online = TrainingOption::new("online", "Online courses")?;
    let mut bootcamp = TrainingOption::new("bootcamp", "Bootcamp")?;
    bootcamp.description = "Full time".into();
    bootcamp.pace = Pace::FullTime;
    bootcamp.hours_per_week = Some(40);
    bootcamp.duration = Some("12 weeks".to_owned());
    bootcamp.cost = Some(Cost::High);

    let mut def = FrameworkDefinition::new(
        "data-engineer",
        "Data Engineer",
        vec![rust, talk],
        vec![entry, mid],
    )?;
    def.version = "2.1.0".into();
    def.summary = "Builds data pipelines".into();
    def.responsibilities = vec!["Pipelines".to_owned(), "Schemas".to_owned()];
    def.points = [0, 1, 3, 6, 12, 20];
    def.work_hours_per_week = 35;
    let mut fit = FitSettings::default();
    fit.decay = [1.0, 0.75, 0.5, 0.125, 0.0];
    fit.near = 0.9;
    fit.stretch = 0.5;
    def.fit = fit;
    def.salary_note = Some("Varies by city".to_owned());
    def.attribution = Some("Written for this test".to_owned());
    def.occupation = Some(Occupation::new(
        "ESCO",
        "http://example.com/occupation/1",
        "Data engineer",
    ));
    def.steps = vec![basics, project, job, degree, keep_up];
    def.training = vec![online, bootcamp];
    def.hiring = vec![Hiring::new(
        "Technology",
        vec!["Acme".to_owned(), "Initech".to_owned()],
    )];
    Ok(def)
}

#[test]
fn a_definition_built_in_rust_validates() {
    let definition = typed_definition().unwrap();
    let framework = Framework::new(definition.clone()).unwrap();
    assert_eq!(framework.definition(), &definition);
    assert_eq!(framework.work_hours_per_week(), 35);
    assert_eq!(framework.step("keep-up").unwrap().hours_per_week, Some(3));
    let via_try: Framework = definition.try_into().unwrap();
    assert_eq!(via_try, framework);
}

#[test]
fn a_definition_built_in_rust_round_trips_through_json_and_toml() {
    let definition = typed_definition().unwrap();
    let framework = Framework::new(definition.clone()).unwrap();

    let json = framework.to_json();
    let from_json = Framework::from_json(&json).unwrap();
    assert_eq!(from_json.definition(), &definition);
    assert_eq!(from_json.to_json(), json);

    let toml = framework.to_toml().unwrap();
    let from_toml = Framework::from_toml(&toml).unwrap();
    assert_eq!(from_toml.definition(), &definition);
    assert_eq!(from_toml.to_toml().unwrap(), toml);

    let value = serde_json::to_value(&framework).unwrap();
    assert_eq!(
        Framework::from_value(value).unwrap().definition(),
        &definition
    );
}

#[test]
fn an_invalid_definition_built_in_rust_is_refused_without_a_position() {
    let mut definition = typed_definition().unwrap();
    definition.skills[1].weight = 2.5001;
    let err = Framework::new(definition).unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::InvalidWeight { skill, .. } if skill == "talk"),
        "{err:?}"
    );
    assert_eq!(err.field(), Some("skills[1].weight"));
    assert_eq!(err.line(), None);

    // A bad id in a constructor stops at `?`.
    let built = (|| -> Result<FrameworkDefinition, Error> {
        Ok(FrameworkDefinition::new(
            "Data Engineer",
            "Data Engineer",
            vec![],
            vec![],
        )?)
    })();
    assert!(matches!(
        built.unwrap_err().kind(),
        ErrorKind::InvalidId { .. }
    ));
}
