//! O*NET import: the fixture checked by hand, assessed and planned; every bad input refused
//! with its line and column; the TOML round trip.
#![cfg(feature = "import")]
// Weights are exact decimals: comparing them exactly is the point.
#![allow(clippy::float_cmp)]

use std::collections::BTreeMap;

use skillgauge::import::{
    self, ImportError, ImportErrorKind, ONET_ATTRIBUTION, OnetOptions, SkipReason,
};
use skillgauge::{Assessment, Category, Framework, FrameworkDefinition, Proficiency, Rating};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/onet");

fn skills_txt() -> String {
    std::fs::read_to_string(format!("{DIR}/Skills.txt")).expect("fixture Skills.txt")
}

fn title(code: &str) -> String {
    let data = std::fs::read(format!("{DIR}/Occupation Data.txt")).expect("fixture");
    import::onet_title(&data, code).expect("title")
}

fn options(code: &str) -> OnetOptions {
    let mut options = OnetOptions::default();
    options.title = Some(title(code));
    options
}

#[track_caller]
fn import(code: &str, options: &OnetOptions) -> import::Imported {
    import::onet(skills_txt().as_bytes(), code, options).expect("import")
}

#[track_caller]
fn refuse(text: &str, code: &str) -> ImportError {
    import::onet(text.as_bytes(), code, &OnetOptions::default()).expect_err("refused")
}

/// The fixture with line `line` (1-based) replaced by `f(line)`.
fn edit(line: usize, f: impl Fn(&str) -> String) -> String {
    skills_txt()
        .lines()
        .enumerate()
        .map(|(i, l)| if i + 1 == line { f(l) } else { l.to_owned() })
        .map(|l| l + "\n")
        .collect()
}

/// The fixture with field `field` (1-based) of line `line` set to `value`.
fn set_field(line: usize, field: usize, value: &str) -> String {
    edit(line, |l| {
        let mut fields: Vec<&str> = l.split('\t').collect();
        fields[field - 1] = value;
        fields.join("\t")
    })
}

fn requires(definition: &FrameworkDefinition, level: &str) -> BTreeMap<String, Proficiency> {
    let level = definition
        .levels
        .iter()
        .find(|l| l.id == level)
        .expect("level");
    level
        .requires
        .iter()
        .map(|(id, p)| (id.to_string(), *p))
        .collect()
}

fn expect(pairs: &[(&str, Proficiency)]) -> BTreeMap<String, Proficiency> {
    pairs.iter().map(|(id, p)| ((*id).to_owned(), *p)).collect()
}

#[track_caller]
fn assert_at(err: &ImportError, line: u64, column: u64) {
    assert_eq!(
        (err.line(), err.column()),
        (Some(line), Some(column)),
        "{err}"
    );
}

#[test]
fn software_developers_by_hand() {
    use Proficiency::*;
    let imported = import("15-1252.00", &options("15-1252.00"));
    let def = &imported.framework;
    assert_eq!(def.id, "onet-15-1252-00");
    assert_eq!(def.name, "Software Developers");
    let occupation = def.occupation.as_ref().expect("occupation");
    assert_eq!(occupation.scheme, "O*NET-SOC");
    assert_eq!(occupation.code, "15-1252.00");
    assert_eq!(occupation.name, "Software Developers");
    assert_eq!(def.attribution.as_deref(), Some(ONET_ATTRIBUTION));

    // 15 elements, less one suppressed and one not relevant, in file order.
    let ids: Vec<&str> = def.skills.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "reading-comprehension",
            "active-listening",
            "writing",
            "speaking",
            "mathematics",
            "critical-thinking",
            "negotiation",
            "complex-problem-solving",
            "technology-design",
            "programming",
            "quality-control-analysis",
            "judgment-and-decision-making",
            "systems-analysis",
        ]
    );
    // Weights are the importance, exactly.
    let weights: Vec<f64> = def.skills.iter().map(|s| s.weight).collect();
    let expected: Vec<f64> = [
        "3.88", "3.62", "3.25", "3.25", "2.88", "4.00", "2.25", "4.00", "3.12", "4.62", "3.38",
        "3.50", "3.75",
    ]
    .iter()
    .map(|w| w.parse().unwrap())
    .collect();
    assert_eq!(weights, expected);
    let programming = &def.skills[9];
    assert_eq!(programming.name, "Programming");
    assert_eq!(programming.reference.as_deref(), Some("2.B.3.e"));
    assert_eq!(programming.category, Category::Technical);
    assert_eq!(def.skills[0].category, Category::Professional);
    assert_eq!(
        programming.description,
        "O*NET rates Programming at importance 4.62 of 5 and level 5.38 of 7 for this occupation."
    );

    // Skipped, with the reason and the line of the element's first row.
    let skipped: Vec<(&str, &str, SkipReason, u64)> = imported
        .skipped
        .iter()
        .map(|s| (s.reference.as_str(), s.name.as_str(), s.reason, s.line))
        .collect();
    assert_eq!(
        skipped,
        [
            (
                "2.B.3.k",
                "Troubleshooting",
                SkipReason::RecommendSuppress,
                48
            ),
            ("2.B.3.l", "Repairing", SkipReason::NotRelevant, 50),
        ]
    );

    // job-ready: importance ≥ 3 at the mapped level; Mathematics (2.88) and Negotiation
    // (2.25) are not required; Writing's level 3.50 sits exactly on the competent boundary.
    let levels: Vec<&str> = def.levels.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(levels, ["entry", "job-ready"]);
    assert_eq!(
        requires(def, "job-ready"),
        expect(&[
            ("reading-comprehension", Competent),
            ("active-listening", Competent),
            ("writing", Competent),
            ("speaking", AdvancedBeginner),
            ("critical-thinking", Competent),
            ("complex-problem-solving", Competent),
            ("technology-design", Competent),
            ("programming", Proficient),
            ("quality-control-analysis", Competent),
            ("judgment-and-decision-making", Competent),
            ("systems-analysis", Competent),
        ])
    );
    assert_eq!(
        requires(def, "entry"),
        expect(&[
            ("reading-comprehension", AdvancedBeginner),
            ("active-listening", AdvancedBeginner),
            ("writing", AdvancedBeginner),
            ("speaking", Novice),
            ("critical-thinking", AdvancedBeginner),
            ("complex-problem-solving", AdvancedBeginner),
            ("technology-design", AdvancedBeginner),
            ("programming", Competent),
            ("quality-control-analysis", AdvancedBeginner),
            ("judgment-and-decision-making", AdvancedBeginner),
            ("systems-analysis", AdvancedBeginner),
        ])
    );
}

#[test]
fn software_developers_assessed_and_planned() {
    let framework = Framework::new(import("15-1252.00", &options("15-1252.00")).framework)
        .expect("valid framework");

    // Nobody rated: not yet ready, every requirement a blocker, and no step can close them
    // (an imported framework has no steps), which the plan says.
    let report = framework.assess(&Assessment::default()).expect("report");
    assert_eq!(report.readiness, None);
    assert_eq!(report.target, "entry");
    assert_eq!(report.blockers.len(), 11);
    assert!(report.plan.items.is_empty());
    assert!(!report.plan.unreachable.is_empty());

    // Competent at everything: entry, with Programming the one blocker for job-ready.
    let mut assessment = Assessment::default();
    for skill in framework.skills() {
        assessment
            .ratings
            .insert(skill.id.clone(), Rating::from(Proficiency::Competent));
    }
    let report = framework.assess(&assessment).expect("report");
    assert_eq!(
        report.readiness.as_ref().map(skillgauge::Id::as_str),
        Some("entry")
    );
    assert_eq!(report.target, "job-ready");
    let blockers: Vec<&str> = report.blockers.iter().map(|b| b.skill.as_str()).collect();
    assert_eq!(blockers, ["programming"]);

    // And proficient at Programming: job-ready.
    assessment.ratings.insert(
        "programming".parse().unwrap(),
        Rating::from(Proficiency::Proficient),
    );
    let report = framework.assess(&assessment).expect("report");
    assert_eq!(
        report.readiness.as_ref().map(skillgauge::Id::as_str),
        Some("job-ready")
    );
}

#[test]
fn computer_systems_analysts_with_two_lower_levels() {
    use Proficiency::*;
    let mut options = options("15-1211.00");
    options.lower_levels = 2;
    options.database_version = Some("28.3".to_owned());
    let imported = import("15-1211.00", &options);
    let def = &imported.framework;
    assert_eq!(def.name, "Computer Systems Analysts");
    assert_eq!(def.skills.len(), 12);
    // The suppressed LV row leaves its element out too.
    assert_eq!(imported.skipped.len(), 1);
    assert_eq!(
        imported.skipped[0].name,
        "Management of Financial Resources"
    );
    assert_eq!(imported.skipped[0].reason, SkipReason::RecommendSuppress);
    assert_eq!(imported.skipped[0].line, 26);
    assert!(
        def.attribution
            .as_deref()
            .unwrap()
            .starts_with("This framework includes information from the O*NET 28.3 Database")
    );
    let installation = def.skills.iter().find(|s| s.id == "installation").unwrap();
    assert_eq!(installation.weight, 1.5);

    let levels: Vec<&str> = def.levels.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(levels, ["foundation", "entry", "job-ready"]);
    let top = requires(def, "job-ready");
    assert_eq!(top.len(), 11, "all but Installation (importance 1.50)");
    assert_eq!(top["systems-analysis"], Competent);
    assert_eq!(top["programming"], Competent);
    let foundation = requires(def, "foundation");
    assert!(foundation.values().all(|p| *p == Novice), "{foundation:?}");
    assert_eq!(foundation.len(), 11);

    let framework = Framework::new(imported.framework).expect("valid");
    let report = framework.assess(&Assessment::default()).expect("report");
    assert_eq!(report.target, "foundation");
}

#[test]
fn no_lower_levels_and_a_higher_bar() {
    let mut options = OnetOptions::default();
    options.lower_levels = 0;
    options.min_importance = 4.0;
    let def = import("15-1252.00", &options).framework;
    assert_eq!(def.name, "O*NET-SOC 15-1252.00");
    assert_eq!(def.occupation.as_ref().unwrap().name, "");
    assert_eq!(def.levels.len(), 1);
    let top: Vec<String> = requires(&def, "job-ready").into_keys().collect();
    assert_eq!(
        top,
        [
            "complex-problem-solving",
            "critical-thinking",
            "programming"
        ]
    );
}

#[test]
fn round_trip_through_toml() {
    for code in ["15-1252.00", "15-1211.00"] {
        let def = import(code, &options(code)).framework;
        let framework = Framework::new(def.clone()).expect("valid");
        let toml = framework.to_toml().expect("toml");
        let back = Framework::from_toml(&toml).expect("reads back");
        assert_eq!(back.definition(), &def, "{code}");
    }
}

#[test]
fn missing_column() {
    let text = edit(1, |l| l.replace("\tNot Relevant", ""));
    let err = refuse(&text, "15-1252.00");
    assert_eq!(
        err.kind(),
        &ImportErrorKind::MissingColumn {
            name: "Not Relevant".to_owned()
        }
    );
    assert_at(&err, 1, 13);
    assert_eq!(
        err.to_string(),
        "line 1, column 13: missing column `Not Relevant`"
    );

    let err = refuse("", "15-1252.00");
    assert_at(&err, 1, 1);
    assert!(
        matches!(err.kind(), ImportErrorKind::MissingColumn { name } if name == "O*NET-SOC Code")
    );
}

#[test]
fn short_row() {
    let text = edit(5, |l| l.split('\t').take(4).collect::<Vec<_>>().join("\t"));
    let err = refuse(&text, "15-1252.00");
    assert!(matches!(err.kind(), ImportErrorKind::MissingField { name } if name == "Data Value"));
    assert_at(&err, 5, 5);
    assert_eq!(
        err.to_string(),
        "line 5, column 5: the row has no `Data Value` field"
    );
}

#[test]
fn scale_other_than_im_or_lv() {
    let err = refuse(&set_field(3, 4, "LVL"), "15-1252.00");
    assert_eq!(
        err.kind(),
        &ImportErrorKind::UnknownScale {
            scale: "LVL".to_owned()
        }
    );
    assert_at(&err, 3, 4);
}

#[test]
fn values_out_of_range() {
    // Line 2 is an IM row (1–5), line 3 an LV row (0–7).
    for (line, value) in [
        (2, "5.20"),
        (2, "0.99"),
        (2, "-1"),
        (3, "7.01"),
        (3, "-0.5"),
    ] {
        let err = refuse(&set_field(line, 5, value), "15-1252.00");
        assert!(
            matches!(err.kind(), ImportErrorKind::OutOfRange { value: v, .. } if v == value),
            "{value}: {err}"
        );
        assert_at(&err, line as u64, 5);
    }
    let err = refuse(&set_field(2, 5, "5.20"), "15-1252.00");
    assert_eq!(
        err.to_string(),
        "line 2, column 5: IM value `5.20` is out of range 1-5"
    );
    // The boundaries themselves are in range.
    assert!(
        import::onet(
            set_field(2, 5, "5").as_bytes(),
            "15-1211.00",
            &OnetOptions::default()
        )
        .is_ok()
    );
    assert!(
        import::onet(
            set_field(3, 5, "0").as_bytes(),
            "15-1211.00",
            &OnetOptions::default()
        )
        .is_ok()
    );

    let err = refuse(&set_field(2, 5, "high"), "15-1252.00");
    assert!(matches!(err.kind(), ImportErrorKind::InvalidNumber { .. }));
    assert_at(&err, 2, 5);
    let err = refuse(&set_field(2, 5, ""), "15-1252.00");
    assert!(matches!(err.kind(), ImportErrorKind::EmptyField { .. }));
    assert_at(&err, 2, 5);
}

#[test]
fn malformed_code_in_the_file() {
    let err = refuse(&set_field(4, 1, "15-1211"), "15-1252.00");
    assert_eq!(
        err.kind(),
        &ImportErrorKind::InvalidCode {
            code: "15-1211".to_owned()
        }
    );
    assert_at(&err, 4, 1);
}

#[test]
fn unknown_occupation() {
    let err = refuse(&skills_txt(), "15-9999.00");
    assert_eq!(
        err.kind(),
        &ImportErrorKind::UnknownOccupation {
            code: "15-9999.00".to_owned(),
            suggestion: None
        }
    );
    // About the whole file, so no place in it.
    assert_eq!((err.line(), err.column()), (None, None));
    assert_eq!(err.to_string(), "no occupation `15-9999.00` in the data");

    let err = refuse(&skills_txt(), "15-1252");
    assert_eq!(
        err.to_string(),
        "no occupation `15-1252` in the data: did you mean `15-1252.00`?"
    );
}

#[test]
fn bad_flags_and_rows() {
    let err = refuse(&set_field(2, 10, "maybe"), "15-1211.00");
    assert!(
        matches!(err.kind(), ImportErrorKind::InvalidFlag { name, .. } if name == "Recommend Suppress")
    );
    assert_at(&err, 2, 10);

    // A second IM row for Reading Comprehension: refused at the repeat.
    let text = edit(3, |l| {
        l.replace("\tLV\t", "\tIM\t")
            .replace("\t4.12\t", "\t4.00\t")
    });
    let err = refuse(&text, "15-1211.00");
    assert!(
        matches!(err.kind(), ImportErrorKind::DuplicateRow { element, scale } if element == "2.A.1.a" && scale == "IM")
    );
    assert_at(&err, 3, 4);

    // Reading Comprehension's LV row gone: refused at its IM row.
    let mut lines: Vec<&str> = Vec::new();
    let all = skills_txt();
    lines.extend(all.lines());
    lines.remove(2);
    let text = lines.join("\n") + "\n";
    let err = refuse(&text, "15-1211.00");
    assert_eq!(
        err.to_string(),
        "line 2, column 4: element `2.A.1.a` has no LV row"
    );

    let text = edit(4, |l| format!("{l}\u{0}"))
        .into_bytes()
        .into_iter()
        .map(|b| if b == 0 { 0xFF } else { b })
        .collect::<Vec<u8>>();
    let err = import::onet(&text, "15-1211.00", &OnetOptions::default()).unwrap_err();
    assert_eq!(err.kind(), &ImportErrorKind::InvalidUtf8);
    assert_at(&err, 4, 13);
}

#[test]
fn header_order_does_not_matter_and_bom_is_ignored() {
    // Swap two columns everywhere: the columns are found by name.
    let swapped: String = skills_txt()
        .lines()
        .map(|l| {
            let mut f: Vec<&str> = l.split('\t').collect();
            f.swap(3, 11);
            f.join("\t") + "\r\n"
        })
        .collect();
    let a = import::onet(swapped.as_bytes(), "15-1252.00", &OnetOptions::default()).unwrap();
    let b = import("15-1252.00", &OnetOptions::default());
    assert_eq!(a, b);
    let with_bom = format!("\u{feff}{}", skills_txt());
    let c = import::onet(with_bom.as_bytes(), "15-1252.00", &OnetOptions::default()).unwrap();
    assert_eq!(c, b);
}

#[test]
fn options_out_of_range() {
    let mut options = OnetOptions::default();
    options.lower_levels = 3;
    let err = import::onet(skills_txt().as_bytes(), "15-1252.00", &options).unwrap_err();
    assert_eq!(err.to_string(), "option `lower_levels`: 3 is more than 2");
    let mut options = OnetOptions::default();
    options.min_importance = 0.5;
    let err = import::onet(skills_txt().as_bytes(), "15-1252.00", &options).unwrap_err();
    assert!(matches!(
        err.kind(),
        ImportErrorKind::InvalidOption {
            name: "min_importance",
            ..
        }
    ));
}

#[test]
fn too_large_input_is_refused() {
    let big = vec![b'a'; import::MAX_INPUT_BYTES + 1];
    let err = import::onet(&big, "15-1252.00", &OnetOptions::default()).unwrap_err();
    assert_eq!(
        err.kind(),
        &ImportErrorKind::TooLarge {
            max: import::MAX_INPUT_BYTES
        }
    );
    let err = import::read_limited(&big[..]).unwrap_err();
    assert!(matches!(err.kind(), ImportErrorKind::TooLarge { .. }));
}

#[test]
fn titles_from_occupation_data() {
    assert_eq!(title("15-1211.00"), "Computer Systems Analysts");
    let data = std::fs::read(format!("{DIR}/Occupation Data.txt")).unwrap();
    let err = import::onet_title(&data, "11-1011.00").unwrap_err();
    assert!(matches!(
        err.kind(),
        ImportErrorKind::UnknownOccupation { .. }
    ));
}
