//! The value types: `Proficiency`, `Id`, the enums' wire names, `Send + Sync`, and
//! property tests that no input makes the loaders panic.

use std::fmt::Display;
use std::str::FromStr;

use proptest::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use skillgauge::{
    Assessment, Category, Confidence, Cost, EvidenceKind, Framework, Id, MAX_ID_LEN, Pace,
    ParseProficiencyError, Period, Proficiency, StepKind, Tier, WarningCode,
};
use strum::IntoEnumIterator;

// ---------------------------------------------------------------------------------------------
// Proficiency
// ---------------------------------------------------------------------------------------------

const NAMES: [&str; 6] = [
    "none",
    "novice",
    "advanced_beginner",
    "competent",
    "proficient",
    "expert",
];

#[test]
fn proficiency_display_from_str_round_trip() {
    let all: Vec<Proficiency> = Proficiency::iter().collect();
    assert_eq!(all, Proficiency::ALL);
    for (p, name) in Proficiency::ALL.into_iter().zip(NAMES) {
        assert_eq!(p.to_string(), name);
        assert_eq!(p.as_str(), name);
        assert_eq!(name.parse::<Proficiency>(), Ok(p));
        assert_eq!(p.to_string().parse::<Proficiency>(), Ok(p));
        // The digit parses too.
        assert_eq!(p.as_u8().to_string().parse::<Proficiency>(), Ok(p));
    }
}

#[test]
fn proficiency_numbers_and_labels() {
    for (i, p) in Proficiency::ALL.into_iter().enumerate() {
        assert_eq!(usize::from(p.as_u8()), i);
        assert_eq!(p.index(), i);
        assert_eq!(Proficiency::from_u8(p.as_u8()), Some(p));
    }
    assert_eq!(Proficiency::AdvancedBeginner.label(), "advanced beginner");
    assert_eq!(Proficiency::Competent.label(), "competent");
    assert_eq!(Proficiency::default(), Proficiency::None);
}

#[test]
fn proficiency_ordering() {
    use Proficiency::{AdvancedBeginner, Competent, Expert, Novice, Proficient};
    assert!(Proficiency::None < Novice);
    assert!(Novice < AdvancedBeginner);
    assert!(AdvancedBeginner < Competent);
    assert!(Competent < Proficient);
    assert!(Proficient < Expert);
    let mut shuffled = vec![
        Expert,
        Proficiency::None,
        Competent,
        Novice,
        Proficient,
        AdvancedBeginner,
    ];
    shuffled.sort();
    assert_eq!(shuffled, Proficiency::ALL);
    assert_eq!(Proficiency::ALL.iter().max(), Some(&Expert));
}

#[test]
fn proficiency_serde_forms() {
    for p in Proficiency::ALL {
        assert_eq!(serde_json::to_value(p).unwrap(), json!(p.as_str()));
        let from_name: Proficiency = serde_json::from_value(json!(p.as_str())).unwrap();
        let from_int: Proficiency = serde_json::from_value(json!(p.as_u8())).unwrap();
        let from_text: Proficiency = serde_json::from_str(&p.as_u8().to_string()).unwrap();
        assert_eq!((from_name, from_int, from_text), (p, p, p));
        // TOML integers are signed: they deserialize too.
        let wrapped: std::collections::BTreeMap<String, Proficiency> =
            toml::from_str(&format!("x = {}", p.as_u8())).unwrap();
        assert_eq!(wrapped["x"], p);
    }
}

#[test]
fn proficiency_parse_errors() {
    let err = "compitent".parse::<Proficiency>().unwrap_err();
    assert_eq!(err, ParseProficiencyError("compitent".to_owned()));
    assert_eq!(
        err.to_string(),
        "unknown proficiency `compitent`, expected one of none, novice, advanced_beginner, competent, proficient, expert or 0-5"
    );
    for bad in [
        "",
        "6",
        "-1",
        "Competent",
        "advanced beginner",
        " competent",
        "3.0",
    ] {
        assert!(bad.parse::<Proficiency>().is_err(), "{bad:?}");
    }
    let err = serde_json::from_value::<Proficiency>(json!(6)).unwrap_err();
    assert_eq!(err.to_string(), "proficiency 6 is outside 0-5");
    let err = serde_json::from_value::<Proficiency>(json!(-1)).unwrap_err();
    assert_eq!(err.to_string(), "proficiency -1 is outside 0-5");
    assert!(serde_json::from_value::<Proficiency>(json!(3.0)).is_err());
    assert!(serde_json::from_value::<Proficiency>(json!("3")).is_err());
}

// ---------------------------------------------------------------------------------------------
// Serde names equal strum names
// ---------------------------------------------------------------------------------------------

/// Checks that serde writes `x` as its `Display` text and reads it back from it, and that
/// `FromStr` reads it back too.
#[track_caller]
fn assert_names_agree<T>(x: T)
where
    T: Serialize + DeserializeOwned + Display + FromStr + PartialEq + std::fmt::Debug + Copy,
    <T as FromStr>::Err: std::fmt::Debug,
{
    let name = x.to_string();
    assert_eq!(
        serde_json::to_value(x).unwrap(),
        Value::String(name.clone()),
        "{x:?}"
    );
    assert_eq!(
        serde_json::from_value::<T>(Value::String(name.clone())).unwrap(),
        x
    );
    assert_eq!(name.parse::<T>().unwrap(), x);
    assert!(
        name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
        "{name} is not snake_case"
    );
}

#[test]
fn serde_and_strum_names_agree_for_iterable_enums() {
    fn check<T>(expected: usize)
    where
        T: IntoEnumIterator
            + Serialize
            + DeserializeOwned
            + Display
            + FromStr
            + PartialEq
            + std::fmt::Debug
            + Copy,
        <T as FromStr>::Err: std::fmt::Debug,
    {
        let mut count = 0;
        for x in T::iter() {
            assert_names_agree(x);
            count += 1;
        }
        assert_eq!(count, expected, "{}", std::any::type_name::<T>());
    }
    check::<Proficiency>(6);
    check::<Category>(2);
    check::<StepKind>(5);
    check::<Confidence>(3);
    check::<EvidenceKind>(6);
    check::<Tier>(4);
    check::<WarningCode>(WarningCode::iter().count());
}

#[test]
fn serde_and_strum_names_agree_for_other_enums() {
    // These do not derive EnumIter: the matches fail to compile if a variant is added.
    let pace = [
        Pace::SelfPaced,
        Pace::PartTime,
        Pace::FullTime,
        Pace::Intensive,
    ];
    for p in pace {
        match p {
            Pace::SelfPaced | Pace::PartTime | Pace::FullTime | Pace::Intensive => {
                assert_names_agree(p);
            }
        }
    }
    let cost = [
        Cost::Free,
        Cost::Low,
        Cost::Moderate,
        Cost::High,
        Cost::VeryHigh,
    ];
    for c in cost {
        match c {
            Cost::Free | Cost::Low | Cost::Moderate | Cost::High | Cost::VeryHigh => {
                assert_names_agree(c);
            }
        }
    }
    let period = [Period::Year, Period::Month, Period::Hour];
    for p in period {
        match p {
            Period::Year | Period::Month | Period::Hour => {
                assert_names_agree(p);
            }
        }
    }
    assert_eq!(Pace::SelfPaced.to_string(), "self_paced");
    assert_eq!(Cost::VeryHigh.to_string(), "very_high");
}

#[test]
fn a_few_wire_names_are_fixed() {
    assert_eq!(
        Proficiency::AdvancedBeginner.to_string(),
        "advanced_beginner"
    );
    assert_eq!(StepKind::Credential.to_string(), "credential");
    assert_eq!(EvidenceKind::Certification.to_string(), "certification");
    assert_eq!(Tier::Aspirational.to_string(), "aspirational");
    assert_eq!(WarningCode::UnratedSkill.to_string(), "unrated_skill");
    assert_eq!(Category::Professional.to_string(), "professional");
}

// ---------------------------------------------------------------------------------------------
// Id
// ---------------------------------------------------------------------------------------------

#[test]
fn id_examples() {
    for ok in [
        "a",
        "0",
        "programming-languages",
        "online_course",
        "a-",
        "x_1-2",
        &"a".repeat(MAX_ID_LEN),
    ] {
        let id = Id::new(ok).unwrap();
        assert_eq!(id.as_str(), ok);
        assert_eq!(id, ok);
    }
    let cases = [
        ("", "an id cannot be empty"),
        (
            "APIs",
            "an id holds only lowercase ASCII letters, digits, `-` and `_`",
        ),
        (
            "a b",
            "an id holds only lowercase ASCII letters, digits, `-` and `_`",
        ),
        (
            "café",
            "an id holds only lowercase ASCII letters, digits, `-` and `_`",
        ),
        ("-a", "an id starts with a lowercase letter or digit"),
        ("_a", "an id starts with a lowercase letter or digit"),
    ];
    for (bad, reason) in cases {
        let err = Id::new(bad).unwrap_err();
        assert_eq!(err.value, bad);
        assert_eq!(err.reason, reason);
        assert_eq!(err.to_string(), format!("invalid id `{bad}`: {reason}"));
    }
    let long = "a".repeat(MAX_ID_LEN + 1);
    let err = Id::new(long.clone()).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("invalid id `{long}`: an id is at most 64 characters")
    );
    // The rejected text is cut to 80 characters.
    let err = Id::new("b".repeat(200)).unwrap_err();
    assert_eq!(err.value, "b".repeat(80));
}

#[test]
fn id_conversions_agree() {
    let id = Id::new("security").unwrap();
    assert_eq!(Id::from_str("security").unwrap(), id);
    assert_eq!(Id::try_from("security").unwrap(), id);
    assert_eq!(Id::try_from("security".to_owned()).unwrap(), id);
    assert_eq!(AsRef::<str>::as_ref(&id), "security");
    assert_eq!(serde_json::to_value(&id).unwrap(), json!("security"));
    assert!(serde_json::from_value::<Id>(json!(3)).is_err());
    assert_eq!(
        serde_json::from_value::<Id>(json!("Bad"))
            .unwrap_err()
            .to_string(),
        "invalid id `Bad`: an id holds only lowercase ASCII letters, digits, `-` and `_`"
    );
}

// ---------------------------------------------------------------------------------------------
// Send + Sync
// ---------------------------------------------------------------------------------------------

fn assert_send_sync<T: Send + Sync>() {}

#[test]
fn public_types_are_send_and_sync() {
    assert_send_sync::<skillgauge::Assessment>();
    assert_send_sync::<skillgauge::Confidence>();
    assert_send_sync::<skillgauge::Evidence>();
    assert_send_sync::<skillgauge::EvidenceKind>();
    assert_send_sync::<skillgauge::Preferences>();
    assert_send_sync::<skillgauge::Rating>();
    assert_send_sync::<skillgauge::Error>();
    assert_send_sync::<skillgauge::Format>();
    assert_send_sync::<skillgauge::IdKind>();
    assert_send_sync::<skillgauge::Category>();
    assert_send_sync::<skillgauge::Cost>();
    assert_send_sync::<skillgauge::Descriptors>();
    assert_send_sync::<skillgauge::FitSettings>();
    assert_send_sync::<skillgauge::Framework>();
    assert_send_sync::<skillgauge::Hiring>();
    assert_send_sync::<skillgauge::Level>();
    assert_send_sync::<skillgauge::Pace>();
    assert_send_sync::<skillgauge::Period>();
    assert_send_sync::<skillgauge::SalaryBand>();
    assert_send_sync::<skillgauge::Skill>();
    assert_send_sync::<skillgauge::Step>();
    assert_send_sync::<skillgauge::StepKind>();
    assert_send_sync::<skillgauge::TrainingOption>();
    assert_send_sync::<skillgauge::Id>();
    assert_send_sync::<skillgauge::InvalidId>();
    assert_send_sync::<skillgauge::LevelId>();
    assert_send_sync::<skillgauge::SkillId>();
    assert_send_sync::<skillgauge::StepId>();
    assert_send_sync::<skillgauge::TrainingId>();
    assert_send_sync::<skillgauge::ParseProficiencyError>();
    assert_send_sync::<skillgauge::Proficiency>();
    assert_send_sync::<skillgauge::Change>();
    assert_send_sync::<skillgauge::Deadline>();
    assert_send_sync::<skillgauge::Milestone>();
    assert_send_sync::<skillgauge::Plan>();
    assert_send_sync::<skillgauge::PlanItem>();
    assert_send_sync::<skillgauge::Unreachable>();
    assert_send_sync::<skillgauge::Blocker>();
    assert_send_sync::<skillgauge::LevelResult>();
    assert_send_sync::<skillgauge::Report>();
    assert_send_sync::<skillgauge::Salary>();
    assert_send_sync::<skillgauge::SkillResult>();
    assert_send_sync::<skillgauge::Strength>();
    assert_send_sync::<skillgauge::Tier>();
    assert_send_sync::<skillgauge::Warning>();
    assert_send_sync::<skillgauge::WarningCode>();
    assert_send_sync::<skillgauge::Calibration>();
    assert_send_sync::<skillgauge::Options>();
    assert_send_sync::<skillgauge::Prepared>();
    assert_send_sync::<skillgauge::Scored>();
    assert_send_sync::<skillgauge::Ranked>();
    assert_send_sync::<skillgauge::Posting<'static>>();
    assert_send_sync::<skillgauge::RoleMatch>();
    // The built-in framework is shared between threads.
    let handle = std::thread::spawn(|| Framework::backend_developer().id().clone());
    assert_eq!(handle.join().unwrap(), "backend-developer");
}

// ---------------------------------------------------------------------------------------------
// Property tests
// ---------------------------------------------------------------------------------------------

const VALID_ID: &str = "[a-z0-9][a-z0-9_-]{0,63}";

/// A character outside `[a-z0-9_-]`.
fn foreign_char() -> impl Strategy<Value = char> {
    any::<char>().prop_filter("outside the id alphabet", |c| {
        !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-' || *c == '_')
    })
}

/// Field names of frameworks and assessments, so generated objects reach past the first
/// unknown-field check.
const KEYS: &[&str] = &[
    "id",
    "name",
    "version",
    "summary",
    "responsibilities",
    "points",
    "fit",
    "decay",
    "near",
    "stretch",
    "salary_note",
    "skills",
    "levels",
    "steps",
    "training",
    "hiring",
    "category",
    "description",
    "weight",
    "descriptors",
    "salary",
    "min",
    "max",
    "currency",
    "period",
    "min_points",
    "requires",
    "title",
    "actions",
    "kind",
    "optional",
    "hours",
    "prerequisites",
    "develops",
    "pace",
    "duration",
    "cost",
    "industry",
    "employers",
    "a",
    "b",
    "entry",
    "s",
    "framework",
    "ratings",
    "proficiency",
    "confidence",
    "evidence",
    "experience_years",
    "completed_steps",
    "preferences",
    "target_level",
    "hours_per_week",
    "deadline_weeks",
];

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(KEYS).prop_map(str::to_owned),
        1 => ".{0,8}",
    ]
}

fn json_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-10i64..10).prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        prop::sample::select(KEYS).prop_map(|s| Value::from(s.to_owned())),
        prop::sample::select(&NAMES[..]).prop_map(|s| Value::from(s.to_owned())),
        ".{0,12}".prop_map(Value::from),
    ]
}

/// JSON values up to depth 4.
fn json_value() -> impl Strategy<Value = Value> {
    json_leaf().prop_recursive(4, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(key(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Text made of JSON and TOML tokens, more likely than arbitrary text to get past the lexer.
fn jsonish_text() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        prop::sample::select(vec![
            "{",
            "}",
            "[",
            "]",
            ":",
            ",",
            "=",
            "\n",
            " ",
            "\"",
            "[[",
            "]]",
            "true",
            "null",
            "nan",
            "inf",
            "-",
            "0",
            "1",
            "5",
            "1e999",
            "-1",
            "3.5",
            "\"novice\"",
            "\"x\"",
        ])
        .prop_map(str::to_owned),
        prop::sample::select(KEYS).prop_map(|k| format!("\"{k}\"")),
        prop::sample::select(KEYS).prop_map(str::to_owned),
    ];
    prop::collection::vec(token, 0..60).prop_map(|tokens| tokens.concat())
}

/// A valid framework, in TOML and JSON, to cut up.
fn seed_framework() -> (String, String) {
    let framework = Framework::from_toml(
        r#"
id = "tiny"
name = "Tiny"
points = [0, 1, 3, 6, 12, 20]
[fit]
near = 0.9
[[skills]]
id = "a"
name = "A"
weight = 2
[[skills]]
id = "b"
name = "B"
[[levels]]
id = "entry"
name = "Entry"
requires = { a = "novice" }
salary = { min = 1, max = 2 }
[[levels]]
id = "mid"
name = "Mid"
requires = { a = "competent", b = 1 }
min_points = 3
[[steps]]
id = "s1"
title = "S1"
hours = 3
develops = { a = "competent" }
training = ["t"]
[[steps]]
id = "s2"
title = "S2"
hours = 3
prerequisites = ["s1"]
[[training]]
id = "t"
name = "T"
"#,
    )
    .unwrap();
    (framework.to_toml().unwrap(), framework.to_json())
}

/// Replaces `text[start..start + len]` (clamped to char boundaries) with `insert`.
fn splice(text: &str, start: usize, len: usize, insert: &str) -> String {
    let mut start = start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (start + len).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}{insert}{}", &text[..start], &text[end..])
}

fn feed_all(text: &str) {
    let _ = Framework::from_json(text);
    let _ = Framework::from_toml(text);
    let _ = Assessment::from_json(text);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn proficiency_u8_round_trip(n in 0u8..=5) {
        let p = Proficiency::from_u8(n).unwrap();
        prop_assert_eq!(p.as_u8(), n);
        let json = serde_json::to_string(&json!(n)).unwrap();
        prop_assert_eq!(serde_json::from_str::<Proficiency>(&json).unwrap(), p);
        prop_assert_eq!(n.to_string().parse::<Proficiency>().unwrap(), p);
        // And back through the name.
        let name = serde_json::to_string(&p).unwrap();
        prop_assert_eq!(serde_json::from_str::<Proficiency>(&name).unwrap(), p);
    }

    #[test]
    fn proficiency_other_u8_rejected(n in 6u8..) {
        prop_assert_eq!(Proficiency::from_u8(n), None);
        prop_assert!(n.to_string().parse::<Proficiency>().is_err());
    }

    #[test]
    fn proficiency_other_integers_rejected(n in any::<i64>().prop_filter("outside 0-5", |n| !(0..=5).contains(n))) {
        let err = serde_json::from_value::<Proficiency>(json!(n)).unwrap_err();
        prop_assert_eq!(err.to_string(), format!("proficiency {n} is outside 0-5"));
        prop_assert!(n.to_string().parse::<Proficiency>().is_err());
    }

    #[test]
    fn proficiency_large_u64_rejected(n in 6u64..) {
        prop_assert!(serde_json::from_value::<Proficiency>(json!(n)).is_err());
    }

    #[test]
    fn valid_ids_round_trip(s in VALID_ID) {
        let id = Id::new(s.clone()).unwrap();
        prop_assert_eq!(id.as_str(), s.as_str());
        prop_assert_eq!(id.to_string(), s.clone());
        prop_assert_eq!(id.to_string().parse::<Id>().unwrap(), id.clone());
        let json = serde_json::to_string(&id).unwrap();
        prop_assert_eq!(serde_json::from_str::<Id>(&json).unwrap(), id);
    }

    #[test]
    fn ids_with_an_uppercase_letter_rejected(s in VALID_ID, at in any::<prop::sample::Index>(), c in proptest::char::range('A', 'Z')) {
        let mut chars: Vec<char> = s.chars().collect();
        let i = at.index(chars.len() + 1);
        chars.insert(i, c);
        let bad: String = chars.into_iter().collect();
        prop_assert!(Id::new(bad.clone()).is_err());
        prop_assert!(bad.parse::<Id>().is_err());
        prop_assert!(serde_json::from_value::<Id>(json!(bad)).is_err());
    }

    #[test]
    fn ids_with_a_foreign_char_rejected(s in "[a-z0-9][a-z0-9_-]{0,20}", at in any::<prop::sample::Index>(), c in foreign_char()) {
        let mut chars: Vec<char> = s.chars().collect();
        let i = at.index(chars.len() + 1);
        chars.insert(i, c);
        let bad: String = chars.into_iter().collect();
        prop_assert!(Id::new(bad).is_err());
    }

    #[test]
    fn ids_starting_with_dash_or_underscore_rejected(s in "[-_][a-z0-9_-]{0,40}") {
        let err = Id::new(s).unwrap_err();
        prop_assert_eq!(err.reason, "an id starts with a lowercase letter or digit");
    }

    #[test]
    fn ids_longer_than_64_rejected(s in "[a-z0-9][a-z0-9_-]{64,120}") {
        let err = Id::new(s).unwrap_err();
        prop_assert_eq!(err.reason, "an id is at most 64 characters");
    }

    #[test]
    fn no_panic_on_arbitrary_text(text in ".*") {
        feed_all(&text);
    }

    #[test]
    fn no_panic_on_arbitrary_bytes(bytes in proptest::string::bytes_regex("(?s-u:.{0,200})").unwrap()) {
        feed_all(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn no_panic_on_jsonish_text(text in jsonish_text()) {
        feed_all(&text);
    }

    #[test]
    fn no_panic_on_cut_up_frameworks(start in 0usize..2000, len in 0usize..40, insert in prop_oneof![Just(String::new()), jsonish_text(), ".{0,4}"]) {
        let (toml, json) = seed_framework();
        feed_all(&splice(&toml, start, len, &insert));
        feed_all(&splice(&json, start, len, &insert));
    }

    #[test]
    fn no_panic_on_arbitrary_json_values(value in json_value()) {
        let _ = Framework::from_value(value.clone());
        let _ = serde_json::from_value::<Assessment>(value.clone());
        let _ = Assessment::from_json(&value.to_string());
    }

    #[test]
    fn no_panic_on_framework_shaped_values(
        skills in prop::collection::vec(json_value(), 0..3),
        levels in prop::collection::vec(json_value(), 0..3),
        steps in prop::collection::vec(json_value(), 0..3),
        extra in json_value(),
    ) {
        let mut value = json!({ "id": "t", "name": "T", "skills": skills, "levels": levels, "steps": steps });
        if let (Some(obj), Value::Object(more)) = (value.as_object_mut(), extra) {
            obj.extend(more);
        }
        let _ = Framework::from_value(value);
    }

    #[test]
    fn framework_values_that_load_round_trip(
        weight in 0.01f64..100.0,
        points in prop::collection::vec(0u32..10, 6),
        required in 0u8..=5,
        hours in 1u32..1000,
    ) {
        let mut table = points;
        table.sort_unstable();
        let value = json!({
            "id": "t", "name": "T", "points": table,
            "skills": [{ "id": "a", "name": "A", "weight": weight }],
            "levels": [{ "id": "l", "name": "L", "requires": { "a": required } }],
            "steps": [{ "id": "s", "title": "S", "hours": hours, "develops": { "a": "expert" } }],
        });
        let framework = Framework::from_value(value).unwrap();
        let again = Framework::from_json(&framework.to_json()).unwrap();
        prop_assert_eq!(&again, &framework);
        let again = Framework::from_toml(&framework.to_toml().unwrap()).unwrap();
        prop_assert_eq!(&again, &framework);
    }
}
