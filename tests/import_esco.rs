//! ESCO import: both fixture occupations checked by hand, assessed and planned; both file
//! layouts; shuffled columns and rows; bad inputs refused with their line and column; the
//! TOML round trip.
#![cfg(feature = "import")]
// Weights are exact decimals: comparing them exactly is the point.
#![allow(clippy::float_cmp)]

use std::collections::BTreeMap;
use std::fmt::Write as _;

use skillgauge::import::{self, ESCO_ATTRIBUTION, EscoOptions, ImportError, ImportErrorKind};
use skillgauge::{Assessment, Category, Framework, FrameworkDefinition, Proficiency, Rating};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/esco");
const DEVELOPER: &str =
    "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1";
const DATA_SCIENTIST: &str =
    "http://data.europa.eu/esco/occupation/258e46f9-0075-4a2e-adae-1ff0477e0f30";

fn read(name: &str) -> Vec<u8> {
    std::fs::read(format!("{DIR}/{name}")).expect("fixture")
}

fn relations() -> Vec<u8> {
    read("occupationSkillRelations_en.csv")
}

fn skills() -> Vec<u8> {
    read("skills_en.csv")
}

fn skill_uri(n: u32) -> String {
    format!("http://data.europa.eu/esco/skill/00000000-0000-4000-8000-{n:012}")
}

#[track_caller]
fn import(relations: &[u8], uri: &str, options: &EscoOptions) -> FrameworkDefinition {
    import::esco(relations, &skills(), uri, options)
        .expect("import")
        .framework
}

#[track_caller]
fn refuse(relations: &[u8], skills: &[u8]) -> ImportError {
    import::esco(relations, skills, DEVELOPER, &EscoOptions::default()).expect_err("refused")
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

/// Rewrites a CSV table: columns in the order `order` (indices into the original), rows
/// reversed.
fn shuffle(bytes: &[u8], order: &[usize]) -> Vec<u8> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes);
    let mut records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let header = records.remove(0);
    records.reverse();
    let mut writer = csv::Writer::from_writer(Vec::new());
    for record in std::iter::once(&header).chain(&records) {
        writer
            .write_record(order.iter().map(|&i| &record[i]))
            .unwrap();
    }
    writer.into_inner().unwrap()
}

/// The relations fixture with text replaced.
fn relations_with(from: &str, to: &str) -> Vec<u8> {
    String::from_utf8(relations())
        .unwrap()
        .replacen(from, to, 1)
        .into_bytes()
}

#[track_caller]
fn assert_at(err: &ImportError, input: &str, line: u64, column: u64) {
    assert_eq!(
        (err.input(), err.line(), err.column()),
        (Some(input), Some(line), Some(column)),
        "{err}"
    );
}

#[test]
fn software_developer_by_hand() {
    let def = import(&relations(), DEVELOPER, &EscoOptions::default());
    assert_eq!(def.id, "esco-f2b15a0e-e65a-438a-affb-29b9d50b77d1");
    assert_eq!(def.name, "software developer");
    assert_eq!(def.attribution.as_deref(), Some(ESCO_ATTRIBUTION));
    let occupation = def.occupation.as_ref().expect("occupation");
    assert_eq!(
        (
            occupation.scheme.as_str(),
            occupation.code.as_str(),
            occupation.name.as_str()
        ),
        ("ESCO", DEVELOPER, "software developer")
    );

    // Essential skills first, then optional, each by label; `C++` and `C#` both slug to `c`,
    // and the lower URI (C++) keeps it.
    let ids: Vec<&str> = def.skills.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "computer-programming",
            "debug-software",
            "develop-software-prototype",
            "interpret-technical-requirements",
            "think-analytically",
            "use-software-design-patterns",
            "c-2",
            "c",
            "cloud-technologies",
            "javascript",
            "sql",
        ]
    );
    let names: Vec<&str> = def.skills.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names[6..8], ["C#", "C++"]);
    let weights: Vec<f64> = def.skills.iter().map(|s| s.weight).collect();
    assert_eq!(
        weights,
        [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.5, 0.5, 0.5, 0.5, 0.5]
    );

    let programming = &def.skills[0];
    assert_eq!(programming.reference, Some(skill_uri(1)));
    assert_eq!(
        programming.keywords,
        ["programming", "software coding", "coding"]
    );
    assert_eq!(
        programming.description,
        "Writing, testing and maintaining the instructions that make computers do useful work."
    );
    assert_eq!(programming.category, Category::Technical);
    // Transversal skills are professional.
    assert_eq!(def.skills[4].category, Category::Professional);

    let levels: Vec<&str> = def.levels.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(levels, ["entry", "job-ready"]);
    let job_ready = requires(&def, "job-ready");
    assert_eq!(
        job_ready.keys().collect::<Vec<_>>(),
        [
            "computer-programming",
            "debug-software",
            "develop-software-prototype",
            "interpret-technical-requirements",
            "think-analytically",
            "use-software-design-patterns",
        ]
    );
    assert!(job_ready.values().all(|p| *p == Proficiency::Competent));
    let entry = requires(&def, "entry");
    assert_eq!(entry.len(), 6);
    assert!(entry.values().all(|p| *p == Proficiency::AdvancedBeginner));
}

#[test]
fn software_developer_assessed_and_planned() {
    let framework =
        Framework::new(import(&relations(), DEVELOPER, &EscoOptions::default())).expect("valid");
    let report = framework.assess(&Assessment::default()).expect("report");
    assert_eq!(report.readiness, None);
    assert_eq!(report.target, "entry");
    assert_eq!(report.blockers.len(), 6);
    assert!(report.plan.items.is_empty());
    assert!(!report.plan.unreachable.is_empty());

    let mut assessment = Assessment::default();
    for skill in framework.skills() {
        assessment
            .ratings
            .insert(skill.id.clone(), Rating::from(Proficiency::Competent));
    }
    let report = framework.assess(&assessment).expect("report");
    assert_eq!(
        report.readiness.as_ref().map(skillgauge::Id::as_str),
        Some("job-ready")
    );
}

#[test]
fn data_scientist_with_chosen_proficiency_and_weights() {
    let mut options = EscoOptions::default();
    options.essential = Proficiency::Proficient;
    options.essential_weight = 2.0;
    options.optional_weight = 0.25;
    options.lower_levels = 2;
    options.esco_version = Some("v1.2.0".to_owned());
    let def = import(&relations(), DATA_SCIENTIST, &options);
    assert_eq!(def.name, "data scientist");
    let skills: Vec<(&str, f64)> = def
        .skills
        .iter()
        .map(|s| (s.id.as_str(), s.weight))
        .collect();
    assert_eq!(
        skills,
        [
            ("perform-data-mining", 2.0),
            ("sql", 2.0),
            ("statistics", 2.0),
            ("think-analytically", 2.0),
            ("computer-programming", 0.25),
            ("present-reports", 0.25),
            ("python-computer-programming", 0.25),
        ]
    );
    assert!(def.attribution.as_deref().unwrap().starts_with(
        "This framework uses the ESCO classification (v1.2.0) of the European Commission."
    ));
    let levels: Vec<&str> = def.levels.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(levels, ["foundation", "entry", "job-ready"]);
    assert!(
        requires(&def, "job-ready")
            .values()
            .all(|p| *p == Proficiency::Proficient)
    );
    assert!(
        requires(&def, "entry")
            .values()
            .all(|p| *p == Proficiency::Competent)
    );
    assert!(
        requires(&def, "foundation")
            .values()
            .all(|p| *p == Proficiency::AdvancedBeginner)
    );
    let framework = Framework::new(def).expect("valid");
    let report = framework.assess(&Assessment::default()).expect("report");
    assert_eq!(report.target, "foundation");
}

#[test]
fn older_layout_gives_the_same_framework() {
    let older = read("occupationSkillRelations_older.csv");
    let mut options = EscoOptions::default();
    options.name = Some("software developer".to_owned());
    let from_older = import(&older, DEVELOPER, &options);
    let from_current = import(&relations(), DEVELOPER, &EscoOptions::default());
    assert_eq!(from_older, from_current);

    // With no label in the file and no name given, the framework is named after the URI.
    let unnamed = import(&older, DEVELOPER, &EscoOptions::default());
    assert_eq!(
        unnamed.name,
        "ESCO occupation f2b15a0e-e65a-438a-affb-29b9d50b77d1"
    );
}

#[test]
fn shuffled_columns_and_rows_give_the_same_framework() {
    let expected = import(&relations(), DEVELOPER, &EscoOptions::default());
    for order in [[5, 4, 3, 2, 1, 0], [2, 0, 4, 1, 5, 3]] {
        let relations = shuffle(&relations(), &order);
        let skills = shuffle(&skills(), &[12, 4, 1, 11, 0, 5, 10, 3, 9, 2, 8, 7, 6]);
        let def = import::esco(&relations, &skills, DEVELOPER, &EscoOptions::default())
            .expect("import")
            .framework;
        assert_eq!(def, expected, "{order:?}");
    }
    let older = shuffle(&read("occupationSkillRelations_older.csv"), &[3, 1, 0, 2]);
    let mut options = EscoOptions::default();
    options.name = Some("software developer".to_owned());
    assert_eq!(import(&older, DEVELOPER, &options), expected);
}

#[test]
fn essential_wins_over_optional_and_labels_stand_in_for_missing_skills() {
    let mut text = String::from_utf8(relations()).unwrap();
    // SQL is optional for the developer; say it is essential too.
    writeln!(
        text,
        "{DEVELOPER},software developer,essential,knowledge,{},SQL",
        skill_uri(7)
    )
    .unwrap();
    // A skill the skills file does not have, with a label.
    writeln!(
        text,
        "{DEVELOPER},software developer,optional,knowledge,{},Rust (computer programming)",
        skill_uri(99)
    )
    .unwrap();
    let def = import(text.as_bytes(), DEVELOPER, &EscoOptions::default());
    assert_eq!(requires(&def, "job-ready")["sql"], Proficiency::Competent);
    let rust = def
        .skills
        .iter()
        .find(|s| s.id == "rust-computer-programming")
        .expect("rust");
    assert_eq!(rust.reference, Some(skill_uri(99)));
    assert!(rust.keywords.is_empty());
}

#[test]
fn round_trip_through_toml() {
    for uri in [DEVELOPER, DATA_SCIENTIST] {
        let def = import(&relations(), uri, &EscoOptions::default());
        let toml = Framework::new(def.clone())
            .expect("valid")
            .to_toml()
            .expect("toml");
        let back = Framework::from_toml(&toml).expect("reads back");
        assert_eq!(back.definition(), &def, "{uri}");
    }
}

#[test]
fn missing_columns() {
    let err = refuse(
        &relations_with(
            "occupationUri,occupationLabel,relationType,",
            "occupationUri,occupationLabel,relation,",
        ),
        &skills(),
    );
    assert_eq!(
        err.kind(),
        &ImportErrorKind::MissingColumn {
            name: "relationType".to_owned()
        }
    );
    assert_at(&err, "relations", 1, 7);
    assert_eq!(
        err.to_string(),
        "relations, line 1, column 7: missing column `relationType`"
    );

    let skills =
        String::from_utf8(skills())
            .unwrap()
            .replacen(",preferredLabel,", ",prefLabel,", 1);
    let err = refuse(&relations(), skills.as_bytes());
    assert!(
        matches!(err.kind(), ImportErrorKind::MissingColumn { name } if name == "preferredLabel")
    );
    assert_at(&err, "skills", 1, 14);
}

#[test]
fn unknown_relation_type() {
    let err = refuse(&relations_with(",essential,", ",mandatory,"), &skills());
    assert_eq!(
        err.kind(),
        &ImportErrorKind::UnknownRelation {
            value: "mandatory".to_owned()
        }
    );
    assert_at(&err, "relations", 2, 3);
}

#[test]
fn unknown_skill_without_a_label() {
    let older = String::from_utf8(read("occupationSkillRelations_older.csv"))
        .unwrap()
        .replacen(&skill_uri(3), &skill_uri(98), 1);
    let err = refuse(older.as_bytes(), &skills());
    assert!(matches!(err.kind(), ImportErrorKind::UnknownSkill { uri } if *uri == skill_uri(98)));
    assert_at(&err, "relations", 4, 4);
}

#[test]
fn short_rows_and_empty_fields() {
    // A row cut after its relation type.
    let text = String::from_utf8(relations()).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines[2] = lines[2].split(',').take(3).collect::<Vec<_>>().join(",");
    let err = refuse((lines.join("\n") + "\n").as_bytes(), &skills());
    assert!(matches!(err.kind(), ImportErrorKind::MissingField { name } if name == "skillUri"));
    assert_at(&err, "relations", 3, 5);

    // Multi-line quoted fields do not throw the line numbers off: the skills file's fourth
    // concept starts on line 8 (the first three have three, two and one alternative labels).
    let skills =
        String::from_utf8(skills())
            .unwrap()
            .replacen(&format!(",{},", skill_uri(4)), ",,", 1);
    let err = refuse(&relations(), skills.as_bytes());
    assert!(matches!(err.kind(), ImportErrorKind::EmptyField { name } if name == "conceptUri"));
    assert_at(&err, "skills", 8, 2);
}

#[test]
fn unknown_occupation() {
    let err = import::esco(
        &relations(),
        &skills(),
        "http://data.europa.eu/esco/occupation/nothing",
        &EscoOptions::default(),
    )
    .unwrap_err();
    assert!(matches!(
        err.kind(),
        ImportErrorKind::UnknownOccupation {
            suggestion: None,
            ..
        }
    ));
    assert_eq!(err.input(), Some("relations"));
    assert_eq!((err.line(), err.column()), (None, None));

    // The bare UUID is not the URI, but the error points to it.
    let err = import::esco(
        &relations(),
        &skills(),
        "f2b15a0e-e65a-438a-affb-29b9d50b77d1",
        &EscoOptions::default(),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "relations: no occupation `f2b15a0e-e65a-438a-affb-29b9d50b77d1` in the data: did you mean `{DEVELOPER}`?"
        )
    );
}

#[test]
fn options_out_of_range() {
    for (field, value) in [
        ("optional", 0.0),
        ("optional", -1.0),
        ("optional", 0.0005),
        ("essential", 2e6),
    ] {
        let mut options = EscoOptions::default();
        if field == "optional" {
            options.optional_weight = value;
        } else {
            options.essential_weight = value;
        }
        let err = import::esco(&relations(), &skills(), DEVELOPER, &options).unwrap_err();
        assert!(
            matches!(err.kind(), ImportErrorKind::InvalidOption { .. }),
            "{value}"
        );
    }
    let mut options = EscoOptions::default();
    options.essential = Proficiency::None;
    let err = import::esco(&relations(), &skills(), DEVELOPER, &options).unwrap_err();
    assert!(matches!(
        err.kind(),
        ImportErrorKind::InvalidOption {
            name: "essential",
            ..
        }
    ));
}
