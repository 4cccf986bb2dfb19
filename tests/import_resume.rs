//! JSON Resume in: matching by name, id and keyword; level words; the draft's low confidence
//! and evidence; what did not match; bad résumés refused with their line and column.
#![cfg(feature = "import")]

use skillgauge::import::{self, EscoOptions, ImportErrorKind, OnetOptions};
use skillgauge::{Confidence, EvidenceKind, Framework, Proficiency, WarningCode};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn read(path: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}/{path}")).expect("fixture")
}

fn software_developers() -> Framework {
    let mut options = OnetOptions::default();
    options.title = Some("Software Developers".to_owned());
    let imported = import::onet(&read("onet/Skills.txt"), "15-1252.00", &options).unwrap();
    Framework::new(imported.framework).unwrap()
}

fn esco_developer() -> Framework {
    let imported = import::esco(
        &read("esco/occupationSkillRelations_en.csv"),
        &read("esco/skills_en.csv"),
        "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1",
        &EscoOptions::default(),
    )
    .unwrap();
    Framework::new(imported.framework).unwrap()
}

/// The draft's ratings as (skill, proficiency), in id order.
fn ratings(draft: &import::Draft) -> Vec<(&str, Proficiency)> {
    draft
        .assessment
        .ratings
        .iter()
        .map(|(id, r)| (id.as_str(), r.proficiency))
        .collect()
}

fn evidence<'a>(draft: &'a import::Draft, skill: &str) -> Vec<&'a str> {
    draft.assessment.ratings[skill]
        .evidence
        .iter()
        .map(|e| e.description.as_str())
        .collect()
}

#[test]
fn developer_resume_against_onet() {
    use Proficiency::*;
    let framework = software_developers();
    let draft = import::resume(&read("resume/developer.json"), framework.definition()).unwrap();
    assert_eq!(
        draft.assessment.framework.as_ref().unwrap(),
        "onet-15-1252-00"
    );
    assert_eq!(
        ratings(&draft),
        [
            ("critical-thinking", Competent),  // "critical thinking", any case
            ("programming", Proficient),       // "Advanced"
            ("reading-comprehension", Expert), // "Master"
            ("speaking", Novice),              // keyword; "Wizard" not understood
            ("systems-analysis", AdvancedBeginner), // "Systems-Analysis", "some experience"
            ("writing", Novice),               // keyword of "Technical writing", "Beginner"
        ]
    );
    assert_eq!(draft.unmatched, ["Knitting", "Debugging"]);

    // Every rating is a low-confidence draft whose evidence says how it was read.
    for rating in draft.assessment.ratings.values() {
        assert_eq!(rating.confidence, Some(Confidence::Low));
        assert!(!rating.evidence.is_empty());
        assert!(
            rating
                .evidence
                .iter()
                .all(|e| e.kind == EvidenceKind::Other)
        );
    }
    assert_eq!(
        evidence(&draft, "programming"),
        [r#"JSON Resume skill "Programming" at level "Advanced", read as proficient"#]
    );
    assert_eq!(
        evidence(&draft, "writing"),
        [
            r#"JSON Resume skill "Technical writing" (keyword "Writing") at level "Beginner", read as novice"#
        ]
    );
    assert_eq!(
        evidence(&draft, "speaking"),
        [
            r#"JSON Resume skill "Public speaking" (keyword "Speaking") at level "Wizard" (not understood), read as novice"#
        ]
    );

    // The draft assesses like any assessment. Its ratings carry evidence, so the
    // unevidenced-high-rating warning does not fire; the unrated skills are flagged.
    let report = framework.assess(&draft.assessment).unwrap();
    assert!(report.has_warning(WarningCode::UnratedSkill));
    assert!(!report.has_warning(WarningCode::UnevidencedHighRating));
    assert_eq!(report.readiness, Option::None);
}

#[test]
fn developer_resume_against_esco_matches_keywords() {
    use Proficiency::*;
    let framework = esco_developer();
    let draft = import::resume(&read("resume/developer.json"), framework.definition()).unwrap();
    assert_eq!(
        ratings(&draft),
        [
            ("computer-programming", Proficient), // "Programming" is an alternative label
            ("debug-software", Novice),           // two keywords, no level
            ("javascript", Proficient),           // keywords of "Programming"
            ("sql", Proficient),
        ]
    );
    assert_eq!(
        evidence(&draft, "debug-software"),
        [
            r#"JSON Resume skill "Debugging" (keyword "debug software") with no level, read as novice"#,
            r#"JSON Resume skill "Debugging" (keyword "fix software bugs") with no level, read as novice"#,
        ]
    );
    assert_eq!(
        draft.unmatched,
        [
            "critical thinking",
            "Technical writing",
            "Reading Comprehension",
            "Systems-Analysis",
            "Knitting",
            "Public speaking",
        ]
    );
    framework.assess(&draft.assessment).unwrap();
}

#[test]
fn backend_resume_against_the_built_in_framework() {
    use Proficiency::*;
    let framework = Framework::backend_developer();
    let draft = import::resume(&read("resume/backend.json"), framework.definition()).unwrap();
    assert_eq!(
        ratings(&draft),
        [
            ("apis-integration", Proficient),      // keyword = the skill's name
            ("communication", Competent),          // "Good"
            ("databases-data-modeling", Novice),   // "beginner"
            ("programming-languages", Proficient), // the id
            ("security", Competent),               // "Intermediate"
        ]
    );
    assert_eq!(draft.unmatched, ["Gardening"]);
    let report = framework.assess(&draft.assessment).unwrap();
    assert!(report.has_warning(WarningCode::UnratedSkill));
}

#[test]
fn the_highest_match_wins_and_every_match_is_evidence() {
    let framework = Framework::backend_developer();
    let json = br#"{ "skills": [
        { "name": "Security", "level": "Beginner" },
        { "name": "AppSec", "level": "Expert", "keywords": ["security"] },
        { "name": "Security", "level": "beginner" },
        { "name": "Security", "level": "Beginner" }
    ] }"#;
    let draft = import::resume(json, framework.definition()).unwrap();
    let security = &draft.assessment.ratings["security"];
    assert_eq!(security.proficiency, Proficiency::Expert);
    // The last entry says the same as the first, and is not repeated.
    assert_eq!(security.evidence.len(), 3);
    assert!(draft.unmatched.is_empty());
}

#[test]
fn level_words() {
    use Proficiency::*;
    let table = [
        ("none", None),
        ("Beginner", Novice),
        ("novice", Novice),
        ("Basic", Novice),
        ("advanced beginner", AdvancedBeginner),
        ("Pre-Intermediate", AdvancedBeginner),
        ("Intermediate", Competent),
        ("working knowledge", Competent),
        ("Mid-Level", Competent),
        ("Advanced", Proficient),
        ("upper_intermediate", Proficient),
        ("Fluent", Proficient),
        ("Expert", Expert),
        ("Master", Expert),
        ("native", Expert),
        ("3", Competent),
        ("  EXPERT  ", Expert),
    ];
    for (word, p) in table {
        assert_eq!(import::proficiency_for_level_word(word), Some(p), "{word}");
    }
    for word in ["", "wizard", "7", "very"] {
        assert_eq!(
            import::proficiency_for_level_word(word),
            Option::None,
            "{word}"
        );
    }
}

#[test]
fn resumes_without_skills() {
    let framework = Framework::backend_developer();
    for json in [
        &b"{}"[..],
        br#"{"skills": null}"#,
        br#"{"skills": []}"#,
        br#"{"skills": [{}]}"#,
    ] {
        let draft = import::resume(json, framework.definition()).unwrap();
        assert!(draft.assessment.ratings.is_empty());
        assert!(draft.unmatched.is_empty());
    }
}

#[test]
fn bad_resumes_are_refused_with_line_and_column() {
    let framework = Framework::backend_developer();
    let err = import::resume(
        b"{\n  \"skills\": [\n    { \"name\": }\n  ]\n}",
        framework.definition(),
    )
    .unwrap_err();
    assert!(
        matches!(
            err.kind(),
            ImportErrorKind::Malformed { format: "JSON", .. }
        ),
        "{err}"
    );
    assert_eq!((err.line(), err.column()), (Some(3), Some(15)));

    let err = import::resume(b"{\"skills\": \"Rust\"}", framework.definition()).unwrap_err();
    assert!(
        matches!(err.kind(), ImportErrorKind::InvalidResume { .. }),
        "{err}"
    );
    assert_eq!((err.line(), err.column()), (Some(1), Some(17)));
    assert_eq!(
        err.to_string(),
        "line 1, column 17: invalid JSON Resume: invalid type: string \"Rust\", expected a sequence"
    );

    let err = import::resume(
        b"{\"skills\": [{\"keywords\": [1]}]}",
        framework.definition(),
    )
    .unwrap_err();
    assert!(
        matches!(err.kind(), ImportErrorKind::InvalidResume { .. }),
        "{err}"
    );

    let err = import::resume(b"", framework.definition()).unwrap_err();
    assert!(
        matches!(err.kind(), ImportErrorKind::Malformed { .. }),
        "{err}"
    );
}
