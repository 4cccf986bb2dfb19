//! Validating a framework's numbers: weights, points, fit settings and thresholds are held
//! exactly (at most three decimals) and within their ranges; paces and hours within theirs;
//! every step has the effort its kind needs; and the small value checks (a step that
//! develops to `none`, a currency code, a salary band, the number of fixed paces).

#![allow(
    clippy::float_cmp,
    reason = "the numbers under test are held exactly, so they are compared exactly"
)]

use serde_json::{Value, json};
use skillgauge::limits::{MAX_FIXED_PACES, MAX_POINTS, MAX_STEP_HOURS, MAX_WEIGHT};
use skillgauge::{Error, ErrorKind, Framework, Proficiency, StepKind};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// Two skills, one level, one step: the base each test patches.
fn base() -> Value {
    json!({
        "id": "tiny",
        "name": "Tiny",
        "skills": [{ "id": "rust", "name": "Rust" }, { "id": "sql", "name": "SQL" }],
        "levels": [{ "id": "entry", "name": "Entry", "requires": { "rust": "novice" } }],
        "steps": [{ "id": "basics", "title": "Basics", "hours": 10, "develops": { "rust": "novice" } }],
    })
}

/// `base()` with `value` at `pointer` (which must exist up to its last segment).
fn with(pointer: &str, value: Value) -> Value {
    let mut framework = base();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let target = framework.pointer_mut(parent).unwrap();
    match target {
        Value::Array(items) => items[key.parse::<usize>().unwrap()] = value,
        _ => target[key] = value,
    }
    framework
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

/// Checks the error's field and its whole message.
#[track_caller]
fn assert_error(err: &Error, field: &str, message: &str) {
    assert_eq!(err.field(), Some(field), "field of {err:?}");
    assert_eq!(err.to_string(), message, "message of {err:?}");
}

#[track_caller]
fn assert_weight(err: &Error, field: &str, skill: &str, shown: &str) {
    assert!(
        matches!(err.kind(), ErrorKind::InvalidWeight { skill: s, .. } if s == skill),
        "expected InvalidWeight for {skill}, got {err:?}"
    );
    assert_error(
        err,
        field,
        &format!(
            "{field}: skill `{skill}` has weight {shown}: a weight is a positive number up to \
             1000000 with at most three decimals"
        ),
    );
}

#[track_caller]
fn assert_out_of_range(err: &Error, field: &str, value: f64, min: f64, max: f64) {
    assert!(
        matches!(err.kind(), ErrorKind::OutOfRange { value: v, min: lo, max: hi, .. }
            if v.to_bits() == value.to_bits() && *lo == min && *hi == max),
        "expected {value} outside {min}-{max} for {field}, got {err:?}"
    );
    assert_error(
        err,
        field,
        &format!("{field}: {value} is outside {min}-{max}"),
    );
}

#[track_caller]
fn assert_too_precise(err: &Error, field: &str, shown: &str) {
    assert!(
        matches!(err.kind(), ErrorKind::TooPrecise { .. }),
        "expected TooPrecise for {field}, got {err:?}"
    );
    assert_error(
        err,
        field,
        &format!("{field}: {shown} has more than three decimals"),
    );
}

/// A minimal TOML framework with `extra` lines in its one skill.
fn toml_skill(extra: &str) -> String {
    format!(
        "id = \"tiny\"\nname = \"Tiny\"\n\n[[skills]]\nid = \"rust\"\nname = \"Rust\"\n{extra}\n\n\
         [[levels]]\nid = \"entry\"\nname = \"Entry\"\n"
    )
}

// ---------------------------------------------------------------------------------------------
// Weights
// ---------------------------------------------------------------------------------------------

#[test]
fn weights_with_more_than_three_decimals_are_refused_naming_the_skill() {
    // Issue 9: 199.00000004 made a score of 0.49999 round to 1 through a tolerance.
    let err = reject(with("/skills/1/weight", json!(199.000_000_04)));
    assert!(
        matches!(err.kind(), ErrorKind::InvalidWeight { weight, .. } if *weight == 199.000_000_04),
        "{err:?}"
    );
    assert_weight(&err, "skills[1].weight", "sql", "199.00000004");
    assert_weight(
        &reject(with("/skills/0/weight", json!(0.0001))),
        "skills[0].weight",
        "rust",
        "0.0001",
    );
    assert_weight(
        &reject(with("/skills/0/weight", json!(1.2345))),
        "skills[0].weight",
        "rust",
        "1.2345",
    );
}

#[test]
fn a_subnormal_weight_is_refused() {
    // Issue 9: 5e-324 underflowed, and the plan then claimed no step develops the skill.
    let err = reject(with("/skills/0/weight", json!(5e-324)));
    assert_weight(&err, "skills[0].weight", "rust", "5e-324");
    // The same from JSON text: the number is read exactly, and the error points at the key
    // `"weight"` on line 5, after `    { "id": "rust", "name": "Rust", ` (36 characters).
    let text = r#"{
  "id": "tiny",
  "name": "Tiny",
  "skills": [
    { "id": "rust", "name": "Rust", "weight": 5e-324 }
  ],
  "levels": [{ "id": "entry", "name": "Entry" }]
}"#;
    let err = Framework::from_json(text).unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::InvalidWeight { weight, .. } if weight.to_bits() == 5e-324f64.to_bits()),
        "{err:?}"
    );
    assert_eq!((err.line(), err.column()), (Some(5), Some(37)));
}

#[test]
fn zero_negative_and_too_large_weights_are_refused() {
    assert_weight(
        &reject(with("/skills/0/weight", json!(0))),
        "skills[0].weight",
        "rust",
        "0",
    );
    assert_weight(
        &reject(with("/skills/1/weight", json!(-1))),
        "skills[1].weight",
        "sql",
        "-1",
    );
    assert_weight(
        &reject(with("/skills/0/weight", json!(-0.5))),
        "skills[0].weight",
        "rust",
        "-0.5",
    );
    assert_weight(
        &reject(with("/skills/0/weight", json!(MAX_WEIGHT + 1))),
        "skills[0].weight",
        "rust",
        "1000001",
    );
    assert_weight(
        &reject(with("/skills/0/weight", json!(1_000_000.001))),
        "skills[0].weight",
        "rust",
        "1000000.001",
    );
    assert_weight(
        &reject(with("/skills/0/weight", json!(1e308))),
        "skills[0].weight",
        "rust",
        "1e308",
    );
}

#[test]
fn nan_and_infinite_weights_from_toml_are_refused() {
    for (text, shown) in [("nan", "NaN"), ("inf", "inf"), ("-inf", "-inf")] {
        let err = Framework::from_toml(&toml_skill(&format!("weight = {text}"))).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::InvalidWeight { .. }),
            "{err:?}"
        );
        // `weight` is on line 7, column 1.
        assert_eq!(
            err.to_string(),
            format!(
                "skills[0].weight: skill `rust` has weight {shown}: a weight is a positive number \
                 up to 1000000 with at most three decimals (line 7, column 1)"
            )
        );
    }
}

#[test]
fn weights_with_up_to_three_decimals_within_range_are_accepted() {
    for weight in [0.001, 0.2, 1.0, 199.123, f64::from(MAX_WEIGHT)] {
        let framework = load(with("/skills/0/weight", json!(weight)));
        assert_eq!(framework.skills()[0].weight.to_bits(), weight.to_bits());
    }
}

// ---------------------------------------------------------------------------------------------
// Points table
// ---------------------------------------------------------------------------------------------

#[test]
fn points_above_ten_thousand_are_refused() {
    let err = reject(with("/points", json!([0, 1, 2, 3, 4, MAX_POINTS + 1])));
    assert_out_of_range(&err, "points[5]", 10_001.0, 0.0, 10_000.0);
    load(with("/points", json!([0, 1, 2, 3, 4, MAX_POINTS])));
}

#[test]
fn a_decreasing_points_table_is_refused() {
    let err = reject(with("/points", json!([0, 1, 2, 1, 4, 5])));
    assert!(
        matches!(
            err.kind(),
            ErrorKind::DecreasingPoints {
                proficiency: Proficiency::Competent,
                value: 1,
                previous: 2,
                ..
            }
        ),
        "{err:?}"
    );
    assert_error(
        &err,
        "points[3]",
        "points[3]: points table decreases at competent: 1 is less than 2",
    );
    assert_error(
        &reject(with("/points", json!([0, 1, 2, 3, 4, 0]))),
        "points[5]",
        "points[5]: points table decreases at expert: 0 is less than 4",
    );
    // Flat is not decreasing.
    load(with("/points", json!([1, 1, 1, 1, 1, 1])));
}

// ---------------------------------------------------------------------------------------------
// Fit settings
// ---------------------------------------------------------------------------------------------

#[test]
fn a_first_decay_below_one_is_refused() {
    // Issue 9: with decay[0] < 1 a level you meet had fit below 1.
    let err = reject(with(
        "/fit",
        json!({ "decay": [0.9, 0.7, 0.4, 0.15, 0.05] }),
    ));
    assert!(
        matches!(err.kind(), ErrorKind::InvalidDecay { value, previous: None, .. } if *value == 0.9),
        "{err:?}"
    );
    assert_error(
        &err,
        "fit.decay[0]",
        "fit.decay[0]: 0.9 is not 1: a requirement met earns full credit",
    );
    assert_error(
        &reject(with(
            "/fit",
            json!({ "decay": [0.999, 0.7, 0.4, 0.15, 0.05] }),
        )),
        "fit.decay[0]",
        "fit.decay[0]: 0.999 is not 1: a requirement met earns full credit",
    );
}

#[test]
fn an_increasing_decay_is_refused() {
    let err = reject(with("/fit", json!({ "decay": [1.0, 0.5, 0.6, 0.1, 0.0] })));
    assert!(
        matches!(err.kind(), ErrorKind::InvalidDecay { value, previous: Some(p), .. }
            if *value == 0.6 && *p == 0.5),
        "{err:?}"
    );
    assert_error(
        &err,
        "fit.decay[2]",
        "fit.decay[2]: 0.6 is more than the 0.5 before it: decay never increases with the gap",
    );
}

#[test]
fn fit_values_with_more_than_three_decimals_are_refused() {
    assert_too_precise(
        &reject(with(
            "/fit",
            json!({ "decay": [1.0, 0.7001, 0.4, 0.15, 0.05] }),
        )),
        "fit.decay[1]",
        "0.7001",
    );
    assert_too_precise(
        &reject(with("/fit", json!({ "near": 0.8501 }))),
        "fit.near",
        "0.8501",
    );
    assert_too_precise(
        &reject(with("/fit", json!({ "stretch": 0.0005 }))),
        "fit.stretch",
        "0.0005",
    );
}

#[test]
fn fit_values_outside_zero_to_one_are_refused() {
    assert_out_of_range(
        &reject(with("/fit", json!({ "decay": [1.5, 0.5, 0.4, 0.1, 0.0] }))),
        "fit.decay[0]",
        1.5,
        0.0,
        1.0,
    );
    assert_out_of_range(
        &reject(with("/fit", json!({ "decay": [1.0, 0.5, 0.4, 0.1, -0.1] }))),
        "fit.decay[4]",
        -0.1,
        0.0,
        1.0,
    );
    assert_out_of_range(
        &reject(with("/fit", json!({ "near": 1.5 }))),
        "fit.near",
        1.5,
        0.0,
        1.0,
    );
    assert_out_of_range(
        &reject(with("/fit", json!({ "stretch": -0.1 }))),
        "fit.stretch",
        -0.1,
        0.0,
        1.0,
    );
}

#[test]
fn a_stretch_above_near_is_refused() {
    let err = reject(with("/fit", json!({ "near": 0.5, "stretch": 0.6 })));
    assert!(
        matches!(err.kind(), ErrorKind::StretchAboveNear { stretch, near } if *stretch == 0.6 && *near == 0.5),
        "{err:?}"
    );
    assert_error(
        &err,
        "fit.stretch",
        "fit.stretch: 0.6 is more than fit.near = 0.5",
    );
    // Equal is allowed.
    load(with("/fit", json!({ "near": 0.6, "stretch": 0.6 })));
}

#[test]
fn fit_boundaries_are_accepted() {
    load(with(
        "/fit",
        json!({ "decay": [1.0, 1.0, 0.0, 0.0, 0.0], "near": 1.0, "stretch": 1.0 }),
    ));
    load(with(
        "/fit",
        json!({ "decay": [1.0, 0.0, 0.0, 0.0, 0.0], "near": 0.0, "stretch": 0.0 }),
    ));
    load(with(
        "/fit",
        json!({ "decay": [1.0, 0.999, 0.001, 0.001, 0.0], "near": 0.001, "stretch": 0.001 }),
    ));
}

// ---------------------------------------------------------------------------------------------
// min_points
// ---------------------------------------------------------------------------------------------

#[test]
fn min_points_with_four_decimals_are_refused() {
    assert_too_precise(
        &reject(with("/levels/0/min_points", json!(2.5001))),
        "levels[0].min_points",
        "2.5001",
    );
    // Three decimals are held exactly.
    let framework = load(with("/levels/0/min_points", json!(2.501)));
    assert_eq!(framework.levels()[0].min_points, Some(2.501));
}

#[test]
fn negative_min_points_are_refused() {
    let err = reject(with("/levels/0/min_points", json!(-1)));
    assert!(
        matches!(err.kind(), ErrorKind::OutOfRange { value, min, .. } if *value == -1.0 && *min == 0.0),
        "{err:?}"
    );
    assert_eq!(err.field(), Some("levels[0].min_points"));
    assert!(
        err.to_string()
            .starts_with("levels[0].min_points: -1 is outside 0-"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------------
// Paces and hours
// ---------------------------------------------------------------------------------------------

#[test]
fn work_hours_per_week_outside_1_to_168_are_refused() {
    for hours in [0, 169] {
        assert_out_of_range(
            &reject(with("/work_hours_per_week", json!(hours))),
            "work_hours_per_week",
            f64::from(hours),
            1.0,
            168.0,
        );
    }
    for hours in [1, 168] {
        assert_eq!(
            load(with("/work_hours_per_week", json!(hours))).work_hours_per_week(),
            hours
        );
    }
}

#[test]
fn training_hours_per_week_outside_1_to_168_are_refused() {
    for hours in [0, 169] {
        let mut value = base();
        value["training"] = json!([
            { "id": "online", "name": "Online" },
            { "id": "bootcamp", "name": "Bootcamp", "hours_per_week": hours },
        ]);
        assert_out_of_range(
            &reject(value),
            "training[1].hours_per_week",
            f64::from(hours),
            1.0,
            168.0,
        );
    }
    let mut value = base();
    value["training"] = json!([
        { "id": "a", "name": "A", "hours_per_week": 1 },
        { "id": "b", "name": "B", "hours_per_week": 168 },
    ]);
    load(value);
}

#[test]
fn step_hours_outside_1_to_100000_are_refused() {
    for hours in [0, MAX_STEP_HOURS + 1] {
        assert_out_of_range(
            &reject(with("/steps/0/hours", json!(hours))),
            "steps[0].hours",
            f64::from(hours),
            1.0,
            100_000.0,
        );
    }
    load(with("/steps/0/hours", json!(1)));
    load(with("/steps/0/hours", json!(MAX_STEP_HOURS)));
}

#[test]
fn habit_hours_per_week_outside_1_to_168_are_refused() {
    for hours in [0, 169] {
        let value = with(
            "/steps/0",
            json!({ "id": "keep-up", "title": "Keep up", "kind": "habit", "hours_per_week": hours }),
        );
        assert_out_of_range(
            &reject(value),
            "steps[0].hours_per_week",
            f64::from(hours),
            1.0,
            168.0,
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Effort by kind
// ---------------------------------------------------------------------------------------------

#[test]
fn a_habit_without_hours_per_week_is_refused() {
    let value = with(
        "/steps/0",
        json!({ "id": "keep-up", "title": "Keep up", "kind": "habit" }),
    );
    let err = reject(value);
    assert!(
        matches!(err.kind(), ErrorKind::MissingEffort { step, kind: StepKind::Habit, .. } if step == "keep-up"),
        "{err:?}"
    );
    assert_error(
        &err,
        "steps[0].hours_per_week",
        "steps[0].hours_per_week: habit step `keep-up` needs hours_per_week",
    );
}

#[test]
fn a_step_of_any_other_kind_without_hours_is_refused() {
    for kind in ["learn", "build", "credential", "experience"] {
        let value = with(
            "/steps/0",
            json!({ "id": "job", "title": "Job", "kind": kind }),
        );
        let err = reject(value);
        assert!(
            matches!(err.kind(), ErrorKind::MissingEffort { kind: k, .. } if k.to_string() == kind),
            "{err:?}"
        );
        assert_error(
            &err,
            "steps[0].hours",
            &format!("steps[0].hours: {kind} step `job` needs hours"),
        );
    }
}

#[test]
fn a_step_with_the_other_kind_of_effort_is_refused() {
    // A habit with hours: a habit takes hours a week for as long as it is kept up.
    let value = with(
        "/steps/0",
        json!({ "id": "keep-up", "title": "Keep up", "kind": "habit", "hours": 50 }),
    );
    let err = reject(value);
    assert!(
        matches!(
            err.kind(),
            ErrorKind::WrongEffort {
                kind: StepKind::Habit,
                ..
            }
        ),
        "{err:?}"
    );
    assert_error(
        &err,
        "steps[0].hours",
        "steps[0].hours: habit step `keep-up` takes hours_per_week, not this field",
    );

    // Both given: the one that does not belong is named.
    let value = with(
        "/steps/0",
        json!({ "id": "keep-up", "title": "Keep up", "kind": "habit", "hours": 50, "hours_per_week": 2 }),
    );
    assert_eq!(reject(value).field(), Some("steps[0].hours"));

    // A course with hours a week.
    let value = with(
        "/steps/0",
        json!({ "id": "course", "title": "Course", "kind": "learn", "hours": 40, "hours_per_week": 4 }),
    );
    let err = reject(value);
    assert!(
        matches!(
            err.kind(),
            ErrorKind::WrongEffort {
                kind: StepKind::Learn,
                ..
            }
        ),
        "{err:?}"
    );
    assert_error(
        &err,
        "steps[0].hours_per_week",
        "steps[0].hours_per_week: learn step `course` takes hours, not this field",
    );
}

// ---------------------------------------------------------------------------------------------
// Small value checks
// ---------------------------------------------------------------------------------------------

#[test]
fn a_step_developing_a_skill_to_none_is_refused() {
    // Issue 9: `develops = { x = "none" }` loaded and developed nothing.
    for none in [json!("none"), json!(0)] {
        let err = reject(with(
            "/steps/0/develops",
            json!({ "rust": "novice", "sql": none }),
        ));
        assert!(
            matches!(err.kind(), ErrorKind::DevelopsNone { step, skill, .. } if step == "basics" && skill == "sql"),
            "{err:?}"
        );
        assert_error(
            &err,
            "steps[0].develops.sql",
            "steps[0].develops.sql: step `basics` develops `sql` to none, which develops nothing",
        );
    }
}

#[test]
fn a_currency_that_is_not_an_iso_code_is_refused() {
    // Issue 9: `"euro"` loaded as a currency.
    for currency in ["euro", "usd", "US", "USDD", "", "U$D"] {
        let err = reject(with(
            "/levels/0/salary",
            json!({ "min": 1, "max": 2, "currency": currency }),
        ));
        assert!(
            matches!(err.kind(), ErrorKind::InvalidCurrency { currency: c, .. } if c == currency),
            "{err:?}"
        );
        assert_error(
            &err,
            "levels[0].salary.currency",
            &format!(
                "levels[0].salary.currency: `{currency}` is not an ISO 4217 currency code such as \
                 USD or EUR"
            ),
        );
    }
    for currency in ["USD", "EUR", "GBP"] {
        load(with("/levels/0/salary", json!({ "currency": currency })));
    }
    // The default currency is USD.
    let framework = load(with("/levels/0/salary", json!({ "min": 1 })));
    assert_eq!(
        framework.levels()[0].salary.as_ref().unwrap().currency,
        "USD"
    );
}

#[test]
fn a_long_currency_is_cut_in_the_error() {
    let long = "e".repeat(200);
    let err = reject(with("/levels/0/salary", json!({ "currency": long })));
    let ErrorKind::InvalidCurrency { currency, .. } = err.kind() else {
        panic!("expected InvalidCurrency, got {err:?}");
    };
    assert_eq!(*currency, "e".repeat(80));
}

#[test]
fn a_salary_band_with_min_above_max_is_refused() {
    let err = reject(with(
        "/levels/0/salary",
        json!({ "min": 90_000, "max": 50_000 }),
    ));
    assert!(
        matches!(
            err.kind(),
            ErrorKind::SalaryRange {
                min: 90_000,
                max: 50_000,
                ..
            }
        ),
        "{err:?}"
    );
    assert_error(
        &err,
        "levels[0].salary",
        "levels[0].salary: min 90000 is more than max 50000",
    );
    for band in [
        json!({ "min": 5 }),
        json!({ "max": 5 }),
        json!({}),
        json!({ "min": 5, "max": 5 }),
    ] {
        load(with("/levels/0/salary", band));
    }
}

/// `n` training options with fixed paces `paces[i]` (`None`: self-paced).
fn training(paces: &[Option<u32>]) -> Value {
    let options: Vec<Value> = paces
        .iter()
        .enumerate()
        .map(|(i, pace)| match pace {
            Some(p) => json!({ "id": format!("t{i}"), "name": "T", "hours_per_week": p }),
            None => json!({ "id": format!("t{i}"), "name": "T" }),
        })
        .collect();
    with("/training", Value::Array(options))
}

#[test]
fn more_than_eight_distinct_fixed_paces_are_refused() {
    let paces: Vec<Option<u32>> = (1..=9).map(Some).collect();
    let err = reject(training(&paces));
    assert!(
        matches!(err.kind(), ErrorKind::TooManyPaces { count: 9, max } if *max == MAX_FIXED_PACES),
        "{err:?}"
    );
    assert_error(
        &err,
        "training",
        "training: 9 different hours_per_week among the training options, more than the limit of 8",
    );
}

#[test]
fn repeated_paces_and_self_paced_options_do_not_count_towards_the_limit() {
    // Eight distinct paces, one of them twice, and two self-paced options.
    let mut paces: Vec<Option<u32>> = (1..=8).map(Some).collect();
    paces.extend([Some(8), None, None]);
    assert_eq!(load(training(&paces)).training().len(), 11);
}
