//! Hand-checked scoring tests (DESIGN.md section 2, report JSON of section 4).
//!
//! Every expected number below is worked out by hand from the rules of DESIGN.md and the
//! framework data, with the arithmetic next to the assertion; none is copied from the
//! code's output.
//!
//! The built-in Backend Developer matrix used throughout (weights; entry / mid / senior /
//! expert; C = competent, AB = advanced beginner, N = novice, P = proficient, E = expert):
//!
//! | skill                     | w | entry | mid | senior | expert |
//! |---------------------------|---|-------|-----|--------|--------|
//! | programming-languages     | 3 | C 3   | P 4 | P 4    | E 5    |
//! | databases-data-modeling   | 2 | AB 2  | C 3 | P 4    | E 5    |
//! | apis-integration          | 2 | AB 2  | C 3 | P 4    | E 5    |
//! | security                  | 2 | N 1   | AB 2| C 3    | P 4    |
//! | problem-solving-debugging | 2 | AB 2  | C 3 | P 4    | E 5    |
//! | attention-to-detail       | 1 | AB 2  | C 3 | C 3    | P 4    |
//! | communication             | 1 | AB 2  | C 3 | P 4    | P 4    |
//!
//! Σw = 13; score = Σ w×rating / (5 × 13) × 100 = Σ w×rating / 65 × 100; default points
//! table [0..5] so points = Σ w×rating; decay by gap 0,1,2,3,4+ = 1, 0.7, 0.4, 0.15, 0.05;
//! near 0.85, stretch 0.55.

use std::collections::BTreeSet;

use serde_json::Value;
use skillgauge::{
    Assessment, Calibration, Confidence, Error, Evidence, EvidenceKind, Framework, Id, Options,
    Proficiency as P, Rating, Report, Tier, WarningCode,
};

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

const PL: &str = "programming-languages";
const DB: &str = "databases-data-modeling";
const API: &str = "apis-integration";
const SEC: &str = "security";
const PSD: &str = "problem-solving-debugging";
const ATD: &str = "attention-to-detail";
const COM: &str = "communication";

/// The built-in skills in framework order.
const BUILTIN_SKILLS: [&str; 7] = [PL, DB, API, SEC, PSD, ATD, COM];

fn bd() -> &'static Framework {
    Framework::backend_developer()
}

#[track_caller]
fn load(toml: &str) -> Framework {
    match Framework::from_toml(toml) {
        Ok(framework) => framework,
        Err(err) => panic!("test framework should load: {err}"),
    }
}

/// An assessment rating each `(skill, proficiency)` with a bare rating.
#[track_caller]
fn rated(pairs: &[(&str, P)]) -> Assessment {
    pairs.iter().fold(Assessment::new(), |a, &(skill, p)| {
        a.rate(skill, p).expect("valid skill id")
    })
}

/// An assessment of the built-in framework rating all seven skills, in framework order.
#[track_caller]
fn builtin(ratings: [P; 7]) -> Assessment {
    let pairs: Vec<(&str, P)> = BUILTIN_SKILLS.into_iter().zip(ratings).collect();
    rated(&pairs)
}

/// A rating with confidence and, optionally, one item of evidence.
fn detailed(proficiency: P, confidence: Option<Confidence>, evidenced: bool) -> Rating {
    let evidence = if evidenced {
        vec![Evidence {
            kind: EvidenceKind::Project,
            description: "a service in production".to_owned(),
            url: None,
        }]
    } else {
        Vec::new()
    };
    Rating {
        proficiency,
        confidence,
        evidence,
    }
}

/// `assessment` with `skill` rated by `rating`.
#[track_caller]
fn with(mut assessment: Assessment, skill: &str, rating: Rating) -> Assessment {
    assessment
        .ratings
        .insert(Id::new(skill).expect("valid skill id"), rating);
    assessment
}

#[track_caller]
fn assess(framework: &Framework, assessment: &Assessment) -> Report {
    match framework.assess(assessment) {
        Ok(report) => report,
        Err(err) => panic!("assessment should be valid: {err}"),
    }
}

fn cap_at(above: P) -> Options {
    Options {
        calibration: Calibration::CapUnevidenced { above },
    }
}

#[track_caller]
fn assess_with(framework: &Framework, assessment: &Assessment, options: Options) -> Report {
    match framework.assess_with(assessment, &options) {
        Ok(report) => report,
        Err(err) => panic!("assessment should be valid: {err}"),
    }
}

#[track_caller]
fn assert_close(actual: f64, expected: f64, what: &str) {
    assert!(
        (actual - expected).abs() < 1e-9,
        "{what}: expected {expected}, got {actual}"
    );
}

#[track_caller]
fn check_readiness(report: &Report, expected: Option<&str>) {
    assert_eq!(
        report.readiness.as_ref().map(Id::as_str),
        expected,
        "readiness"
    );
}

#[track_caller]
fn check_target(report: &Report, expected: &str) {
    assert_eq!(
        report.target.as_ref().map(Id::as_str),
        Some(expected),
        "target"
    );
}

/// Each level in order: (id, met, fit, tier).
#[track_caller]
fn check_levels(report: &Report, expected: &[(&str, bool, f64, Tier)]) {
    assert_eq!(report.levels.len(), expected.len(), "number of levels");
    for (actual, &(id, met, fit, tier)) in report.levels.iter().zip(expected) {
        assert_eq!(actual.level, id, "level order");
        assert_eq!(actual.met, met, "{id}: met");
        assert_close(actual.fit, fit, &format!("{id}: fit"));
        assert_eq!(actual.tier, tier, "{id}: tier");
    }
}

/// Blockers in order: (skill, rating, required, gap, weight).
#[track_caller]
fn check_blockers(report: &Report, expected: &[(&str, P, P, u8, f64)]) {
    let actual: Vec<(&str, P, P, u8, f64)> = report
        .blockers
        .iter()
        .map(|b| (b.skill.as_str(), b.rating, b.required, b.gap, b.weight))
        .collect();
    assert_eq!(actual, expected, "blockers");
}

/// Strengths in order: (skill, rating, required).
#[track_caller]
fn check_strengths(report: &Report, expected: &[(&str, P, P)]) {
    let actual: Vec<(&str, P, P)> = report
        .strengths
        .iter()
        .map(|s| (s.skill.as_str(), s.rating, s.required))
        .collect();
    assert_eq!(actual, expected, "strengths");
}

/// The salary band of the readiness level and the built-in framework's caveat.
#[track_caller]
fn check_builtin_salary(report: &Report, expected: Option<(&str, Option<u64>, Option<u64>)>) {
    match (&report.salary, expected) {
        (None, None) => {}
        (Some(salary), Some((level, min, max))) => {
            assert_eq!(salary.level, level, "salary level");
            assert_eq!(
                (salary.band.min, salary.band.max),
                (min, max),
                "salary band"
            );
            assert_eq!(salary.band.currency, "USD");
            let note = bd()
                .salary_note()
                .expect("the built-in framework has a salary note");
            assert!(note.starts_with("These figures are just rough estimates"));
            assert_eq!(salary.caveat.as_deref(), Some(note), "salary caveat");
        }
        (actual, expected) => panic!("salary: expected {expected:?}, got {actual:?}"),
    }
}

/// The skills named by the warnings with `code`, in report order.
fn warned(report: &Report, code: WarningCode) -> Vec<Option<&str>> {
    report
        .warnings
        .iter()
        .filter(|w| w.code == code)
        .map(|w| w.skill.as_ref().map(Id::as_str))
        .collect()
}

#[track_caller]
fn skill_name(framework: &Framework, id: &str) -> String {
    framework.skill(id).expect("known skill").name.clone()
}

// ---------------------------------------------------------------------------------------
// 1. Hand-checked profiles on the built-in framework
// ---------------------------------------------------------------------------------------

#[test]
fn builtin_nobody() {
    let report = assess(bd(), &Assessment::new());
    // Nothing rated: every rating is none.
    check_readiness(&report, None);
    assert_eq!(report.score, 0); // 0 / 65 × 100 = 0
    assert_close(report.points, 0.0, "points"); // Σ w × 0 = 0
    // Every requirement missed, gap = required:
    // entry:  PL 3→0.15×3=0.45, DB 2→0.4×2=0.8, API 0.8, SEC 1→0.7×2=1.4, PSD 0.8,
    //         AtD 2→0.4×1=0.4, COM 0.4; Σ = 5.05 → 5.05/13 = 0.38846… aspirational
    // mid:    PL 4→0.05×3=0.15, DB 3→0.15×2=0.3, API 0.3, SEC 2→0.4×2=0.8, PSD 0.3,
    //         AtD 3→0.15, COM 3→0.15; Σ = 2.15 → 2.15/13 = 0.16538…
    // senior: PL 4→0.15, DB 4→0.05×2=0.1, API 0.1, SEC 3→0.15×2=0.3, PSD 0.1,
    //         AtD 3→0.15, COM 4→0.05; Σ = 0.95 → 0.95/13 = 0.07307…
    // expert: PL 5(4+)→0.15, DB 0.1, API 0.1, SEC 4→0.1, PSD 0.1, AtD 4→0.05,
    //         COM 4→0.05; Σ = 0.65 → 0.65/13 = 0.05
    check_levels(
        &report,
        &[
            ("entry", false, 5.05 / 13.0, Tier::Aspirational),
            ("mid", false, 2.15 / 13.0, Tier::Aspirational),
            ("senior", false, 0.95 / 13.0, Tier::Aspirational),
            ("expert", false, 0.05, Tier::Aspirational),
        ],
    );
    // Not ready: the target is the lowest level.
    check_target(&report, "entry");
    // weight × gap: PL 3×3=9, DB 2×2=4, API 2×2=4, SEC 2×1=2, PSD 2×2=4, AtD 1×2=2,
    // COM 1×2=2 → 9; then the 4s in framework order DB, API, PSD; then the 2s SEC, AtD, COM.
    check_blockers(
        &report,
        &[
            (PL, P::None, P::Competent, 3, 3.0),
            (DB, P::None, P::AdvancedBeginner, 2, 2.0),
            (API, P::None, P::AdvancedBeginner, 2, 2.0),
            (PSD, P::None, P::AdvancedBeginner, 2, 2.0),
            (SEC, P::None, P::Novice, 1, 2.0),
            (ATD, P::None, P::AdvancedBeginner, 2, 1.0),
            (COM, P::None, P::AdvancedBeginner, 2, 1.0),
        ],
    );
    check_strengths(&report, &[]);
    assert_eq!(report.missing_points, None); // no level has min_points
    check_builtin_salary(&report, None);
    // Skills against the target (entry): required = entry's row, gap = required − 0.
    let skills: Vec<(&str, P, P, u8)> = report
        .skills
        .iter()
        .map(|s| (s.skill.as_str(), s.rating, s.required, s.gap))
        .collect();
    assert_eq!(
        skills,
        [
            (PL, P::None, P::Competent, 3),
            (DB, P::None, P::AdvancedBeginner, 2),
            (API, P::None, P::AdvancedBeginner, 2),
            (SEC, P::None, P::Novice, 1),
            (PSD, P::None, P::AdvancedBeginner, 2),
            (ATD, P::None, P::AdvancedBeginner, 2),
            (COM, P::None, P::AdvancedBeginner, 2),
        ]
    );
    // Seven unrated skills, one warning each, in framework order.
    let unrated: Vec<Option<&str>> = BUILTIN_SKILLS.into_iter().map(Some).collect();
    assert_eq!(warned(&report, WarningCode::UnratedSkill), unrated);
    assert_eq!(report.warnings.len(), 7);
}

#[test]
fn builtin_fresh_graduate() {
    // PL competent, DB AB, API novice, SEC none, PSD AB, AtD AB, COM competent:
    // entry misses API (AB, gap 1) and security (novice, gap 1).
    let report = assess(
        bd(),
        &builtin([
            P::Competent,
            P::AdvancedBeginner,
            P::Novice,
            P::None,
            P::AdvancedBeginner,
            P::AdvancedBeginner,
            P::Competent,
        ]),
    );
    check_readiness(&report, None);
    // Σ w×r = 3×3 + 2×2 + 2×1 + 2×0 + 2×2 + 1×2 + 1×3 = 9+4+2+0+4+2+3 = 24
    // score = 24/65×100 = 36.92… → 37
    assert_eq!(report.score, 37);
    assert_close(report.points, 24.0, "points");
    // entry:  PL 0→3, DB 0→2, API 1→1.4, SEC 1→1.4, PSD 0→2, AtD 0→1, COM 0→1
    //         Σ = 11.8 → 11.8/13 = 0.90769… ≥ 0.85 near
    // mid:    PL 1→2.1, DB 1→1.4, API 2→0.8, SEC 2→0.8, PSD 1→1.4, AtD 1→0.7, COM 0→1
    //         Σ = 8.2 → 8.2/13 = 0.63076… stretch
    // senior: PL 1→2.1, DB 2→0.8, API 3→0.3, SEC 3→0.3, PSD 2→0.8, AtD 1→0.7, COM 1→0.7
    //         Σ = 5.7 → 5.7/13 = 0.43846… aspirational
    // expert: PL 2→1.2, DB 3→0.3, API 4→0.1, SEC 4→0.1, PSD 3→0.3, AtD 2→0.4, COM 1→0.7
    //         Σ = 3.1 → 3.1/13 = 0.23846… aspirational
    check_levels(
        &report,
        &[
            ("entry", false, 11.8 / 13.0, Tier::Near),
            ("mid", false, 8.2 / 13.0, Tier::Stretch),
            ("senior", false, 5.7 / 13.0, Tier::Aspirational),
            ("expert", false, 3.1 / 13.0, Tier::Aspirational),
        ],
    );
    check_target(&report, "entry");
    // API 2×1 = 2, SEC 2×1 = 2: a tie, so framework order (API before security).
    check_blockers(
        &report,
        &[
            (API, P::Novice, P::AdvancedBeginner, 1, 2.0),
            (SEC, P::None, P::Novice, 1, 2.0),
        ],
    );
    // Only communication (competent) is above what entry requires (AB).
    check_strengths(&report, &[(COM, P::Competent, P::AdvancedBeginner)]);
    check_builtin_salary(&report, None);
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
}

#[test]
fn builtin_just_entry_ready() {
    // Exactly the entry requirements.
    let report = assess(
        bd(),
        &builtin([
            P::Competent,
            P::AdvancedBeginner,
            P::AdvancedBeginner,
            P::Novice,
            P::AdvancedBeginner,
            P::AdvancedBeginner,
            P::AdvancedBeginner,
        ]),
    );
    check_readiness(&report, Some("entry"));
    // Σ w×r = 3×3 + 2×2 + 2×2 + 2×1 + 2×2 + 1×2 + 1×2 = 9+4+4+2+4+2+2 = 27
    // score = 27/65×100 = 41.54 → 42
    assert_eq!(report.score, 42);
    assert_close(report.points, 27.0, "points");
    // mid:    every gap 1 → 0.7 × Σw = 0.7 × 13 / 13 = 0.7 stretch
    // senior: PL 1→2.1, DB 2→0.8, API 2→0.8, SEC 2→0.8, PSD 2→0.8, AtD 1→0.7, COM 2→0.4
    //         Σ = 6.4 → 6.4/13 = 0.49230… aspirational
    // expert: PL 2→1.2, DB 3→0.3, API 3→0.3, SEC 3→0.3, PSD 3→0.3, AtD 2→0.4, COM 2→0.4
    //         Σ = 3.2 → 3.2/13 = 0.24615… aspirational
    check_levels(
        &report,
        &[
            ("entry", true, 1.0, Tier::Ready),
            ("mid", false, 0.7, Tier::Stretch),
            ("senior", false, 6.4 / 13.0, Tier::Aspirational),
            ("expert", false, 3.2 / 13.0, Tier::Aspirational),
        ],
    );
    check_target(&report, "mid");
    // Every mid requirement is missed by 1: weight × gap = weight: PL 3, then the 2s in
    // framework order (DB, API, SEC, PSD), then the 1s (AtD, COM).
    check_blockers(
        &report,
        &[
            (PL, P::Competent, P::Proficient, 1, 3.0),
            (DB, P::AdvancedBeginner, P::Competent, 1, 2.0),
            (API, P::AdvancedBeginner, P::Competent, 1, 2.0),
            (SEC, P::Novice, P::AdvancedBeginner, 1, 2.0),
            (PSD, P::AdvancedBeginner, P::Competent, 1, 2.0),
            (ATD, P::AdvancedBeginner, P::Competent, 1, 1.0),
            (COM, P::AdvancedBeginner, P::Competent, 1, 1.0),
        ],
    );
    check_strengths(&report, &[]);
    // Skills against mid: required = mid's row, gap 1 each.
    let skills: Vec<(&str, P, u8)> = report
        .skills
        .iter()
        .map(|s| (s.skill.as_str(), s.required, s.gap))
        .collect();
    assert_eq!(
        skills,
        [
            (PL, P::Proficient, 1),
            (DB, P::Competent, 1),
            (API, P::Competent, 1),
            (SEC, P::AdvancedBeginner, 1),
            (PSD, P::Competent, 1),
            (ATD, P::Competent, 1),
            (COM, P::Competent, 1),
        ]
    );
    check_builtin_salary(&report, Some(("entry", Some(50_000), Some(65_000))));
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
}

#[test]
fn builtin_mid_except_one_blocker() {
    // Mid's requirements except databases (AB, mid needs competent); security competent,
    // above mid's AB.
    let report = assess(
        bd(),
        &builtin([
            P::Proficient,
            P::AdvancedBeginner,
            P::Competent,
            P::Competent,
            P::Competent,
            P::Competent,
            P::Competent,
        ]),
    );
    // Entry: 4≥3, 2≥2, 3≥2, 3≥1, 3≥2, 3≥2, 3≥2 → met; mid: DB 2 < 3 → not met.
    check_readiness(&report, Some("entry"));
    // Σ w×r = 3×4 + 2×2 + 2×3 + 2×3 + 2×3 + 1×3 + 1×3 = 12+4+6+6+6+3+3 = 40
    // score = 40/65×100 = 61.54 → 62
    assert_eq!(report.score, 62);
    assert_close(report.points, 40.0, "points");
    // mid:    DB 1→1.4, the rest full: 3+2+2+2+1+1 = 11; Σ = 12.4 → 12.4/13 = 0.95384… near
    // senior: PL 0→3, DB 2→0.8, API 1→1.4, SEC 0→2, PSD 1→1.4, AtD 0→1, COM 1→0.7
    //         Σ = 10.3 → 10.3/13 = 0.79230… stretch
    // expert: PL 1→2.1, DB 3→0.3, API 2→0.8, SEC 1→1.4, PSD 2→0.8, AtD 1→0.7, COM 1→0.7
    //         Σ = 6.8 → 6.8/13 = 0.52307… aspirational
    check_levels(
        &report,
        &[
            ("entry", true, 1.0, Tier::Ready),
            ("mid", false, 12.4 / 13.0, Tier::Near),
            ("senior", false, 10.3 / 13.0, Tier::Stretch),
            ("expert", false, 6.8 / 13.0, Tier::Aspirational),
        ],
    );
    check_target(&report, "mid");
    check_blockers(&report, &[(DB, P::AdvancedBeginner, P::Competent, 1, 2.0)]);
    // Security competent > mid's AB; PL proficient = mid's proficient is no strength.
    check_strengths(&report, &[(SEC, P::Competent, P::AdvancedBeginner)]);
    check_builtin_salary(&report, Some(("entry", Some(50_000), Some(65_000))));
}

#[test]
fn builtin_senior() {
    // Senior's requirements, API and communication expert, attention to detail proficient.
    let report = assess(
        bd(),
        &builtin([
            P::Proficient,
            P::Proficient,
            P::Expert,
            P::Competent,
            P::Proficient,
            P::Proficient,
            P::Expert,
        ]),
    );
    check_readiness(&report, Some("senior"));
    // Σ w×r = 3×4 + 2×4 + 2×5 + 2×3 + 2×4 + 1×4 + 1×5 = 12+8+10+6+8+4+5 = 53
    // score = 53/65×100 = 81.54 → 82
    assert_eq!(report.score, 82);
    assert_close(report.points, 53.0, "points");
    // expert: PL 1→2.1, DB 1→1.4, API 0→2, SEC 1→1.4, PSD 1→1.4, AtD 0→1, COM 0→1
    //         Σ = 10.3 → 10.3/13 = 0.79230… stretch
    check_levels(
        &report,
        &[
            ("entry", true, 1.0, Tier::Ready),
            ("mid", true, 1.0, Tier::Ready),
            ("senior", true, 1.0, Tier::Ready),
            ("expert", false, 10.3 / 13.0, Tier::Stretch),
        ],
    );
    check_target(&report, "expert");
    // PL 3×1 = 3; DB, SEC, PSD 2×1 = 2 each, in framework order.
    check_blockers(
        &report,
        &[
            (PL, P::Proficient, P::Expert, 1, 3.0),
            (DB, P::Proficient, P::Expert, 1, 2.0),
            (SEC, P::Competent, P::Proficient, 1, 2.0),
            (PSD, P::Proficient, P::Expert, 1, 2.0),
        ],
    );
    // Against expert only communication (expert > proficient) is above the requirement.
    check_strengths(&report, &[(COM, P::Expert, P::Proficient)]);
    check_builtin_salary(&report, Some(("senior", Some(90_000), Some(120_000))));
}

#[test]
fn builtin_expert_everywhere() {
    let report = assess(bd(), &builtin([P::Expert; 7]));
    check_readiness(&report, Some("expert"));
    // Σ w×r = 5 × 13 = 65 → 65/65×100 = 100
    assert_eq!(report.score, 100);
    assert_close(report.points, 65.0, "points");
    check_levels(
        &report,
        &[
            ("entry", true, 1.0, Tier::Ready),
            ("mid", true, 1.0, Tier::Ready),
            ("senior", true, 1.0, Tier::Ready),
            ("expert", true, 1.0, Tier::Ready),
        ],
    );
    // At the top, the target is the top level.
    check_target(&report, "expert");
    check_blockers(&report, &[]);
    // Expert requires proficient of security, attention to detail and communication:
    // each 1 above, equal surplus, framework order.
    check_strengths(
        &report,
        &[
            (SEC, P::Expert, P::Proficient),
            (ATD, P::Expert, P::Proficient),
            (COM, P::Expert, P::Proficient),
        ],
    );
    check_builtin_salary(&report, Some(("expert", Some(120_000), None)));
    // Seven equal ratings: uniform_ratings (and nothing else: no experience stated).
    assert_eq!(warned(&report, WarningCode::UniformRatings), [None]);
    assert_eq!(report.warnings.len(), 1);
}

// ---------------------------------------------------------------------------------------
// 2. Small inline frameworks: gates, points, hybrid
// ---------------------------------------------------------------------------------------

/// Gates only. `trainee` has no requirements; weights 2.5 / 1 / 1 (Σ = 4.5).
const GATES: &str = r#"
id = "gates"
name = "Gates"

[[skills]]
id = "rust"
name = "Rust"
weight = 2.5

[[skills]]
id = "sql"
name = "SQL"

[[skills]]
id = "writing"
name = "Technical writing"

[[levels]]
id = "trainee"
name = "Trainee"

[[levels]]
id = "junior"
name = "Junior"
requires = { rust = "advanced_beginner", sql = "novice" }

[[levels]]
id = "senior"
name = "Senior"
requires = { rust = "proficient", sql = "competent", writing = "competent" }
"#;

#[test]
fn gates_empty_assessment_meets_the_level_without_requirements() {
    let report = assess(&load(GATES), &Assessment::new());
    // trainee requires nothing and has no min_points: fit 1, met.
    check_readiness(&report, Some("trainee"));
    assert_eq!(report.score, 0);
    assert_close(report.points, 0.0, "points");
    // junior: rust gap 2 → 2.5×0.4 = 1.0, sql gap 1 → 1×0.7 = 0.7; Σw = 3.5
    //         → 1.7/3.5 = 0.48571… aspirational
    // senior: rust gap 4 → 2.5×0.05 = 0.125, sql gap 3 → 0.15, writing gap 3 → 0.15;
    //         Σw = 4.5 → 0.425/4.5 = 0.09444… aspirational
    check_levels(
        &report,
        &[
            ("trainee", true, 1.0, Tier::Ready),
            ("junior", false, 1.7 / 3.5, Tier::Aspirational),
            ("senior", false, 0.425 / 4.5, Tier::Aspirational),
        ],
    );
    check_target(&report, "junior");
    // rust 2.5×2 = 5 before sql 1×1 = 1.
    check_blockers(
        &report,
        &[
            ("rust", P::None, P::AdvancedBeginner, 2, 2.5),
            ("sql", P::None, P::Novice, 1, 1.0),
        ],
    );
    // No salary band in this framework, even though a level is met.
    assert_eq!(report.salary, None);
}

#[test]
fn gates_exactly_at_a_requirement_is_met() {
    let report = assess(
        &load(GATES),
        &rated(&[("rust", P::AdvancedBeginner), ("sql", P::Novice)]),
    );
    check_readiness(&report, Some("junior"));
    // Σ w×r = 2.5×2 + 1×1 = 6; score = 6 / (5×4.5) × 100 = 26.67 → 27
    assert_eq!(report.score, 27);
    assert_close(report.points, 6.0, "points"); // 2.5×2 + 1×1 = 6
    // senior: rust gap 2 → 2.5×0.4 = 1.0, sql gap 2 → 0.4, writing gap 3 → 0.15
    //         → 1.55/4.5 = 0.34444… aspirational
    check_levels(
        &report,
        &[
            ("trainee", true, 1.0, Tier::Ready),
            ("junior", true, 1.0, Tier::Ready),
            ("senior", false, 1.55 / 4.5, Tier::Aspirational),
        ],
    );
    check_target(&report, "senior");
    // rust 2.5×2 = 5; sql 1×2 = 2; writing 1×3 = 3 → rust, writing, sql.
    check_blockers(
        &report,
        &[
            ("rust", P::AdvancedBeginner, P::Proficient, 2, 2.5),
            ("writing", P::None, P::Competent, 3, 1.0),
            ("sql", P::Novice, P::Competent, 2, 1.0),
        ],
    );
}

#[test]
fn gates_one_below_a_requirement_is_not_met() {
    let report = assess(
        &load(GATES),
        &rated(&[("rust", P::Novice), ("sql", P::Novice)]),
    );
    check_readiness(&report, Some("trainee"));
    // junior: rust gap 1 → 2.5×0.7 = 1.75, sql 1 → 1; → 2.75/3.5 = 0.78571… stretch
    // senior: rust gap 3 → 2.5×0.15 = 0.375, sql gap 2 → 0.4, writing gap 3 → 0.15
    //         → 0.925/4.5 = 0.20555… aspirational
    check_levels(
        &report,
        &[
            ("trainee", true, 1.0, Tier::Ready),
            ("junior", false, 2.75 / 3.5, Tier::Stretch),
            ("senior", false, 0.925 / 4.5, Tier::Aspirational),
        ],
    );
    check_target(&report, "junior");
    check_blockers(&report, &[("rust", P::Novice, P::AdvancedBeginner, 1, 2.5)]);
    assert_eq!(report.missing_points, None);
}

#[test]
fn gates_weights_other_than_one_count_in_fit() {
    let framework = load(GATES);
    // One gap of 1 on senior, on the heavy skill: (2.5×0.7 + 1 + 1)/4.5 = 3.75/4.5
    // = 0.8333… < 0.85 → stretch.
    let heavy = assess(
        &framework,
        &rated(&[
            ("rust", P::Competent),
            ("sql", P::Competent),
            ("writing", P::Competent),
        ]),
    );
    check_readiness(&heavy, Some("junior"));
    assert_close(heavy.levels[2].fit, 3.75 / 4.5, "senior fit, rust short");
    assert_eq!(heavy.levels[2].tier, Tier::Stretch);
    // Σ w×r = 2.5×3 + 3 + 3 = 13.5; 13.5/22.5×100 = 60
    assert_eq!(heavy.score, 60);
    // The same gap on a light skill: (2.5 + 1 + 0.7)/4.5 = 4.2/4.5 = 0.9333… → near.
    let light = assess(
        &framework,
        &rated(&[
            ("rust", P::Proficient),
            ("sql", P::Competent),
            ("writing", P::AdvancedBeginner),
        ]),
    );
    check_readiness(&light, Some("junior"));
    assert_close(light.levels[2].fit, 4.2 / 4.5, "senior fit, writing short");
    assert_eq!(light.levels[2].tier, Tier::Near);
    // Σ w×r = 2.5×4 + 3 + 2 = 15; 15/22.5×100 = 66.67 → 67
    assert_eq!(light.score, 67);
    // Exactly senior: Σ w×r = 2.5×4 + 3 + 3 = 16 → 16/22.5×100 = 71.11 → 71; top level.
    let senior = assess(
        &framework,
        &rated(&[
            ("rust", P::Proficient),
            ("sql", P::Competent),
            ("writing", P::Competent),
        ]),
    );
    check_readiness(&senior, Some("senior"));
    check_target(&senior, "senior");
    assert_eq!(senior.score, 71);
    assert_close(senior.points, 16.0, "points"); // 2.5×4 + 3 + 3
}

#[test]
fn custom_fit_settings_change_tiers() {
    // decay 1, 0.9, 0.5, 0.2, 0; near 0.9; stretch 0.6.
    let custom = load(&format!(
        "{GATES}\n[fit]\ndecay = [1.0, 0.9, 0.5, 0.2, 0.0]\nnear = 0.9\nstretch = 0.6\n"
    ));
    let default = load(GATES);

    let short_rust = rated(&[
        ("rust", P::Competent),
        ("sql", P::Competent),
        ("writing", P::Competent),
    ]);
    // default: (2.5×0.7 + 2)/4.5 = 0.8333… stretch (< 0.85)
    let d = assess(&default, &short_rust);
    assert_close(d.levels[2].fit, 3.75 / 4.5, "default senior fit");
    assert_eq!(d.levels[2].tier, Tier::Stretch);
    // custom: (2.5×0.9 + 2)/4.5 = 4.25/4.5 = 0.9444… ≥ 0.9 near
    let c = assess(&custom, &short_rust);
    assert_close(c.levels[2].fit, 4.25 / 4.5, "custom senior fit");
    assert_eq!(c.levels[2].tier, Tier::Near);

    let nobody = Assessment::new();
    // default junior: (2.5×0.4 + 0.7)/3.5 = 0.4857… aspirational
    let d = assess(&default, &nobody);
    assert_close(d.levels[1].fit, 1.7 / 3.5, "default junior fit");
    assert_eq!(d.levels[1].tier, Tier::Aspirational);
    // custom junior: (2.5×0.5 + 1×0.9)/3.5 = 2.15/3.5 = 0.6142… ≥ 0.6 stretch
    // custom senior: rust gap 4 → 0, sql gap 3 → 0.2, writing gap 3 → 0.2 → 0.4/4.5
    let c = assess(&custom, &nobody);
    check_levels(
        &c,
        &[
            ("trainee", true, 1.0, Tier::Ready),
            ("junior", false, 2.15 / 3.5, Tier::Stretch),
            ("senior", false, 0.4 / 4.5, Tier::Aspirational),
        ],
    );
}

/// One skill, one level requiring competent; thresholds equal to decay values.
const THRESHOLDS: &str = r#"
id = "thresholds"
name = "Thresholds"

[fit]
near = 0.7
stretch = 0.4

[[skills]]
id = "x"
name = "X"

[[levels]]
id = "only"
name = "Only"
requires = { x = "competent" }
"#;

#[test]
fn fit_exactly_at_a_threshold_takes_that_tier() {
    let framework = load(THRESHOLDS);
    // gap 1 → 0.7 = near → near (fit ≥ near)
    let r = assess(&framework, &rated(&[("x", P::AdvancedBeginner)]));
    check_levels(&r, &[("only", false, 0.7, Tier::Near)]);
    // gap 2 → 0.4 = stretch → stretch
    let r = assess(&framework, &rated(&[("x", P::Novice)]));
    check_levels(&r, &[("only", false, 0.4, Tier::Stretch)]);
    // gap 3 → 0.15 < 0.4 → aspirational
    let r = assess(&framework, &rated(&[("x", P::None)]));
    check_levels(&r, &[("only", false, 0.15, Tier::Aspirational)]);
    // gap 0 → met
    let r = assess(&framework, &rated(&[("x", P::Competent)]));
    check_levels(&r, &[("only", true, 1.0, Tier::Ready)]);
}

/// Points only, Medium's table; coding weighs 2.5 (Σw = 3.5).
/// Points per rating: testing 0, 1, 3, 6, 12, 20; coding 2.5× that: 0, 2.5, 7.5, 15, 30, 50.
const POINTS: &str = r#"
id = "points-ladder"
name = "Points ladder"
points = [0, 1, 3, 6, 12, 20]

[[skills]]
id = "coding"
name = "Coding"
weight = 2.5

[[skills]]
id = "testing"
name = "Testing"

[[levels]]
id = "junior"
name = "Junior"
min_points = 8.5

[[levels]]
id = "regular"
name = "Regular"
min_points = 21

[[levels]]
id = "staff"
name = "Staff"
min_points = 60
"#;

#[test]
fn points_exactly_at_min_points_is_met() {
    // coding AB → 2.5×3 = 7.5; testing novice → 1; total 8.5 = junior's min_points.
    let report = assess(
        &load(POINTS),
        &rated(&[("coding", P::AdvancedBeginner), ("testing", P::Novice)]),
    );
    assert_close(report.points, 8.5, "points");
    check_readiness(&report, Some("junior"));
    // Σ w×r = 2.5×2 + 1×1 = 6; 6/(5×3.5)×100 = 34.29 → 34
    assert_eq!(report.score, 34);
    // regular 8.5/21 = 0.40476…; staff 8.5/60 = 0.141666…
    check_levels(
        &report,
        &[
            ("junior", true, 1.0, Tier::Ready),
            ("regular", false, 8.5 / 21.0, Tier::Aspirational),
            ("staff", false, 8.5 / 60.0, Tier::Aspirational),
        ],
    );
    check_target(&report, "regular");
    // 21 − 8.5 = 12.5 points missing; no skill requirements, so no blockers.
    assert_eq!(report.missing_points, Some(12.5));
    check_blockers(&report, &[]);
    check_strengths(&report, &[]);
}

#[test]
fn points_one_under_min_points_is_not_met() {
    // coding AB → 7.5; testing none → 0; total 7.5 = 8.5 − 1.
    let report = assess(&load(POINTS), &rated(&[("coding", P::AdvancedBeginner)]));
    assert_close(report.points, 7.5, "points");
    check_readiness(&report, None);
    // Σ w×r = 2.5×2 = 5; 5/17.5×100 = 28.57 → 29
    assert_eq!(report.score, 29);
    // junior 7.5/8.5 = 0.88235… near; regular 7.5/21 = 0.35714…; staff 7.5/60 = 0.125
    check_levels(
        &report,
        &[
            ("junior", false, 7.5 / 8.5, Tier::Near),
            ("regular", false, 7.5 / 21.0, Tier::Aspirational),
            ("staff", false, 0.125, Tier::Aspirational),
        ],
    );
    check_target(&report, "junior");
    assert_eq!(report.missing_points, Some(1.0)); // 8.5 − 7.5
}

#[test]
fn points_with_weight_and_readiness_stopping_at_first_unmet_level() {
    let framework = load(POINTS);
    // coding competent (2.5×6 = 15) + testing competent (6) = 21 = regular exactly.
    let regular = assess(
        &framework,
        &rated(&[("coding", P::Competent), ("testing", P::Competent)]),
    );
    assert_close(regular.points, 21.0, "points");
    check_readiness(&regular, Some("regular"));
    // Σ w×r = 2.5×3 + 3 = 10.5; 10.5/17.5×100 = 60
    assert_eq!(regular.score, 60);
    // staff 21/60 = 0.35
    check_levels(
        &regular,
        &[
            ("junior", true, 1.0, Tier::Ready),
            ("regular", true, 1.0, Tier::Ready),
            ("staff", false, 0.35, Tier::Aspirational),
        ],
    );
    check_target(&regular, "staff");
    assert_eq!(regular.missing_points, Some(39.0)); // 60 − 21

    // coding none + testing expert (20) = 20 = regular − 1: junior met, regular not, so
    // readiness stops at junior (and staff is not met either).
    let short = assess(&framework, &rated(&[("testing", P::Expert)]));
    assert_close(short.points, 20.0, "points");
    check_readiness(&short, Some("junior"));
    // regular 20/21 = 0.95238… near; staff 20/60 = 0.3333…
    check_levels(
        &short,
        &[
            ("junior", true, 1.0, Tier::Ready),
            ("regular", false, 20.0 / 21.0, Tier::Near),
            ("staff", false, 20.0 / 60.0, Tier::Aspirational),
        ],
    );
    assert_eq!(short.missing_points, Some(1.0)); // 21 − 20
    // Σ w×r = 1×5 = 5; 5/17.5×100 = 28.57 → 29
    assert_eq!(short.score, 29);

    // coding expert (2.5×20 = 50) + testing AB (3) = 53: staff fit 53/60 = 0.88333… near
    let strong = assess(
        &framework,
        &rated(&[("coding", P::Expert), ("testing", P::AdvancedBeginner)]),
    );
    assert_close(strong.points, 53.0, "points");
    check_readiness(&strong, Some("regular"));
    assert_close(strong.levels[2].fit, 53.0 / 60.0, "staff fit");
    assert_eq!(strong.levels[2].tier, Tier::Near);
    assert_eq!(strong.missing_points, Some(7.0)); // 60 − 53
    // Σ w×r = 2.5×5 + 2 = 14.5; 14.5/17.5×100 = 82.86 → 83
    assert_eq!(strong.score, 83);

    // At the top level (met) there is nothing missing.
    let top = assess(
        &framework,
        &rated(&[("coding", P::Expert), ("testing", P::Proficient)]),
    );
    // 50 + 12 = 62 ≥ 60
    assert_close(top.points, 62.0, "points");
    check_readiness(&top, Some("staff"));
    check_target(&top, "staff");
    assert_eq!(top.missing_points, None);
}

#[test]
fn a_higher_level_can_never_be_met_without_the_lower_ones() {
    // "readiness needs every lower level met too": with monotone requirements and
    // min_points (validated) a person meeting a higher level always meets the lower ones,
    // so the only way to build the counter-example is a non-monotone ladder, which is
    // rejected.
    let fewer_points = POINTS.replace("min_points = 60", "min_points = 20");
    match Framework::from_toml(&fewer_points) {
        Err(Error::DecreasingMinPoints { level, lower, .. }) => {
            assert_eq!((level.as_str(), lower.as_str()), ("staff", "regular"));
        }
        other => panic!("expected DecreasingMinPoints, got {other:?}"),
    }
    let fewer_requirements = GATES.replace(
        r#"requires = { rust = "proficient", sql = "competent", writing = "competent" }"#,
        r#"requires = { rust = "novice", sql = "competent", writing = "competent" }"#,
    );
    match Framework::from_toml(&fewer_requirements) {
        Err(Error::DecreasingRequirement {
            level,
            lower,
            skill,
            ..
        }) => {
            assert_eq!(
                (level.as_str(), lower.as_str(), skill.as_str()),
                ("senior", "junior", "rust")
            );
        }
        other => panic!("expected DecreasingRequirement, got {other:?}"),
    }
}

/// Hybrid: requirements and `min_points`. Default points table; backend weighs 2 (Σw = 4),
/// so points = 2×backend + frontend + ops.
const HYBRID: &str = r#"
id = "hybrid"
name = "Hybrid"

[[skills]]
id = "backend"
name = "Backend"
weight = 2

[[skills]]
id = "frontend"
name = "Frontend"

[[skills]]
id = "ops"
name = "Operations"

[[levels]]
id = "junior"
name = "Junior"
min_points = 6
requires = { backend = "advanced_beginner" }

[[levels]]
id = "senior"
name = "Senior"
min_points = 16
requires = { backend = "proficient", ops = "competent" }
"#;

#[test]
fn hybrid_requirements_met_but_points_short() {
    // backend AB: requirement met; points 2×2 = 4 < 6.
    let report = assess(&load(HYBRID), &rated(&[("backend", P::AdvancedBeginner)]));
    assert_close(report.points, 4.0, "points");
    check_readiness(&report, None);
    // junior: requirements part 1, points part 4/6 = 0.6667 → fit 0.6667 stretch
    // senior: backend gap 2 → 2×0.4 = 0.8, ops gap 3 → 0.15; /3 = 0.95/3 = 0.31667;
    //         points 4/16 = 0.25 → fit 0.25 aspirational
    check_levels(
        &report,
        &[
            ("junior", false, 4.0 / 6.0, Tier::Stretch),
            ("senior", false, 0.25, Tier::Aspirational),
        ],
    );
    check_target(&report, "junior");
    check_blockers(&report, &[]);
    assert_eq!(report.missing_points, Some(2.0)); // 6 − 4
    // Σ w×r = 2×2 = 4; 4/20×100 = 20
    assert_eq!(report.score, 20);
}

#[test]
fn hybrid_points_enough_but_requirement_missed() {
    // backend novice (2), frontend expert (5), ops competent (3): 10 ≥ 6 points, but
    // backend is 1 short of AB.
    let report = assess(
        &load(HYBRID),
        &rated(&[
            ("backend", P::Novice),
            ("frontend", P::Expert),
            ("ops", P::Competent),
        ]),
    );
    assert_close(report.points, 10.0, "points"); // 2×1 + 5 + 3
    check_readiness(&report, None);
    // junior: requirements 0.7 (one skill, gap 1); points min(1, 10/6) = 1 → 0.7 stretch
    // senior: backend gap 3 → 2×0.15 = 0.3, ops 0 → 1; 1.3/3 = 0.4333;
    //         points 10/16 = 0.625 → fit 0.4333… aspirational
    check_levels(
        &report,
        &[
            ("junior", false, 0.7, Tier::Stretch),
            ("senior", false, 1.3 / 3.0, Tier::Aspirational),
        ],
    );
    check_blockers(
        &report,
        &[("backend", P::Novice, P::AdvancedBeginner, 1, 2.0)],
    );
    assert_eq!(report.missing_points, None);
    // Strengths against junior: only backend is required, and it is short.
    check_strengths(&report, &[]);
}

#[test]
fn hybrid_fit_is_the_smaller_part() {
    let framework = load(HYBRID);
    // backend competent (6), ops competent (3), frontend expert (5) = 14
    let report = assess(
        &framework,
        &rated(&[
            ("backend", P::Competent),
            ("frontend", P::Expert),
            ("ops", P::Competent),
        ]),
    );
    assert_close(report.points, 14.0, "points");
    check_readiness(&report, Some("junior"));
    // senior: requirements (2×0.7 + 1)/3 = 2.4/3 = 0.8; points 14/16 = 0.875 → 0.8 stretch
    check_levels(
        &report,
        &[
            ("junior", true, 1.0, Tier::Ready),
            ("senior", false, 0.8, Tier::Stretch),
        ],
    );
    check_target(&report, "senior");
    check_blockers(&report, &[("backend", P::Competent, P::Proficient, 1, 2.0)]);
    assert_eq!(report.missing_points, Some(2.0)); // 16 − 14
    // Σ w×r = 2×3 + 5 + 3 = 14; 14/20×100 = 70
    assert_eq!(report.score, 70);

    // backend proficient (8), ops competent (3), frontend proficient (4) = 15: every
    // requirement met, one point short: fit = 15/16 = 0.9375 near.
    let short = assess(
        &framework,
        &rated(&[
            ("backend", P::Proficient),
            ("frontend", P::Proficient),
            ("ops", P::Competent),
        ]),
    );
    assert_close(short.points, 15.0, "points");
    check_readiness(&short, Some("junior"));
    check_levels(
        &short,
        &[
            ("junior", true, 1.0, Tier::Ready),
            ("senior", false, 15.0 / 16.0, Tier::Near),
        ],
    );
    assert_eq!(short.missing_points, Some(1.0));
    check_blockers(&short, &[]);

    // frontend expert instead: 8 + 5 + 3 = 16 = min_points → senior met.
    let senior = assess(
        &framework,
        &rated(&[
            ("backend", P::Proficient),
            ("frontend", P::Expert),
            ("ops", P::Competent),
        ]),
    );
    assert_close(senior.points, 16.0, "points");
    check_readiness(&senior, Some("senior"));
    assert_eq!(senior.missing_points, None);
}

/// Weights 1 and 7 (Σw = 8), so score = 20 × S / 8 = 2.5 × S: odd S lands on a half.
const ROUNDING: &str = r#"
id = "rounding"
name = "Rounding"

[[skills]]
id = "minor"
name = "Minor"
weight = MINOR

[[skills]]
id = "major"
name = "Major"
weight = MAJOR

[[levels]]
id = "only"
name = "Only"
"#;

#[test]
fn score_rounds_halves_up() {
    // (minor, major, expected): S = minor + 7 × major; score = 2.5 × S, halves up.
    let cases = [
        (P::Novice, P::None, 3),                 // S = 1 → 2.5 → 3
        (P::Competent, P::None, 8),              // S = 3 → 7.5 → 8
        (P::Expert, P::None, 13),                // S = 5 → 12.5 → 13
        (P::AdvancedBeginner, P::Novice, 23),    // S = 2 + 7 = 9 → 22.5 → 23
        (P::Novice, P::AdvancedBeginner, 38),    // S = 1 + 14 = 15 → 37.5 → 38
        (P::Competent, P::AdvancedBeginner, 43), // S = 3 + 14 = 17 → 42.5 → 43
        (P::Expert, P::Proficient, 83),          // S = 5 + 28 = 33 → 82.5 → 83
        (P::AdvancedBeginner, P::None, 5),       // S = 2 → 5 exactly
        // With weights 0.1 / 0.7 these two come out of f64 as 52.49999… and 62.49999…:
        (P::None, P::Competent, 53),       // S = 7×3 = 21 → 52.5 → 53
        (P::Proficient, P::Competent, 63), // S = 4 + 21 = 25 → 62.5 → 63
    ];
    // Weights 0.1 / 0.7 give the same proportions (and inexact binary fractions).
    for (minor_w, major_w) in [("1", "7"), ("0.1", "0.7")] {
        let framework = load(&ROUNDING.replace("MINOR", minor_w).replace("MAJOR", major_w));
        for (minor, major, expected) in cases {
            let report = assess(&framework, &rated(&[("minor", minor), ("major", major)]));
            assert_eq!(
                report.score, expected,
                "weights {minor_w}/{major_w}, minor {minor}, major {major}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// 3. Warnings: each code firing and not firing
// ---------------------------------------------------------------------------------------

#[test]
fn uniform_ratings_warning() {
    // All seven rated competent: fires, about no skill in particular.
    let all = assess(bd(), &builtin([P::Competent; 7]));
    assert_eq!(warned(&all, WarningCode::UniformRatings), [None]);
    let warning = &all.warnings[0];
    assert!(warning.message.contains("competent"), "{}", warning.message);

    // One differs: no warning.
    let mut ratings = [P::Competent; 7];
    ratings[6] = P::Proficient;
    let one_differs = assess(bd(), &builtin(ratings));
    assert!(!one_differs.has_warning(WarningCode::UniformRatings));

    // Six rated competent, communication unrated: no uniform warning (unrated instead).
    let pairs: Vec<(&str, P)> = BUILTIN_SKILLS[..6]
        .iter()
        .map(|&s| (s, P::Competent))
        .collect();
    let some_unrated = assess(bd(), &rated(&pairs));
    assert!(!some_unrated.has_warning(WarningCode::UniformRatings));
    assert_eq!(
        warned(&some_unrated, WarningCode::UnratedSkill),
        [Some(COM)]
    );

    // Nothing rated: not uniform either.
    assert!(!assess(bd(), &Assessment::new()).has_warning(WarningCode::UniformRatings));
}

#[test]
fn implausible_for_experience_warning() {
    // Four of seven expert (more than half), three competent (so not uniform).
    let most_expert = |years: Option<f64>| {
        let mut a = builtin([
            P::Expert,
            P::Expert,
            P::Expert,
            P::Expert,
            P::Competent,
            P::Competent,
            P::Competent,
        ]);
        a.experience_years = years;
        a
    };
    let fires = assess(bd(), &most_expert(Some(1.5)));
    assert_eq!(
        warned(&fires, WarningCode::ImplausibleForExperience),
        [None]
    );
    assert_eq!(fires.warnings.len(), 1, "{:?}", fires.warnings);
    // At exactly 2 years: no warning.
    let two = assess(bd(), &most_expert(Some(2.0)));
    assert!(!two.has_warning(WarningCode::ImplausibleForExperience));
    // Experience not stated: no warning.
    let absent = assess(bd(), &most_expert(None));
    assert!(!absent.has_warning(WarningCode::ImplausibleForExperience));
    // Three of seven expert, under 2 years: not most, no warning.
    let mut a = builtin([
        P::Expert,
        P::Expert,
        P::Expert,
        P::Competent,
        P::Competent,
        P::Competent,
        P::Competent,
    ]);
    a.experience_years = Some(0.5);
    assert!(!assess(bd(), &a).has_warning(WarningCode::ImplausibleForExperience));

    // Exactly half expert (2 of 4) is not "most"; 3 of 4 is.
    let four = load(
        r#"
id = "four"
name = "Four"

[[skills]]
id = "a"
name = "A"

[[skills]]
id = "b"
name = "B"

[[skills]]
id = "c"
name = "C"

[[skills]]
id = "d"
name = "D"

[[levels]]
id = "only"
name = "Only"
"#,
    );
    let mut half = rated(&[
        ("a", P::Expert),
        ("b", P::Expert),
        ("c", P::Novice),
        ("d", P::Novice),
    ]);
    half.experience_years = Some(1.0);
    assert!(!assess(&four, &half).has_warning(WarningCode::ImplausibleForExperience));
    let mut three = rated(&[
        ("a", P::Expert),
        ("b", P::Expert),
        ("c", P::Expert),
        ("d", P::Novice),
    ]);
    three.experience_years = Some(1.0);
    assert!(assess(&four, &three).has_warning(WarningCode::ImplausibleForExperience));
}

#[test]
fn unrated_skill_warning() {
    // Security and communication unrated: one warning each, naming the skill.
    let a = rated(&[
        (PL, P::Competent),
        (DB, P::Competent),
        (API, P::Competent),
        (PSD, P::Competent),
        (ATD, P::Competent),
    ]);
    let report = assess(bd(), &a);
    assert_eq!(
        warned(&report, WarningCode::UnratedSkill),
        [Some(SEC), Some(COM)]
    );
    for w in report
        .warnings
        .iter()
        .filter(|w| w.code == WarningCode::UnratedSkill)
    {
        let id = w.skill.as_ref().expect("names its skill");
        let name = skill_name(bd(), id.as_str());
        assert!(
            w.message.contains(&name),
            "{} should name {name}",
            w.message
        );
    }
    assert_eq!(report.warnings.len(), 2);

    // All rated (varied): no warnings at all.
    let all = assess(
        bd(),
        &builtin([
            P::Competent,
            P::Competent,
            P::Competent,
            P::Novice,
            P::Competent,
            P::Competent,
            P::Competent,
        ]),
    );
    assert!(all.warnings.is_empty(), "{:?}", all.warnings);
}

#[test]
fn unevidenced_high_rating_warning() {
    // Base: everything competent but security varied so no uniform warning.
    let base = || {
        builtin([
            P::Competent,
            P::Competent,
            P::Competent,
            P::Novice,
            P::Competent,
            P::Competent,
            P::Competent,
        ])
    };
    let low = Some(Confidence::Low);
    // Proficient, low confidence, no evidence: fires, naming security.
    let fires = assess(
        bd(),
        &with(base(), SEC, detailed(P::Proficient, low, false)),
    );
    assert_eq!(
        warned(&fires, WarningCode::UnevidencedHighRating),
        [Some(SEC)]
    );
    let w = &fires.warnings[0];
    assert!(w.message.contains("Security"), "{}", w.message);
    assert_eq!(fires.warnings.len(), 1);
    // Expert too.
    let expert = assess(bd(), &with(base(), SEC, detailed(P::Expert, low, false)));
    assert_eq!(
        warned(&expert, WarningCode::UnevidencedHighRating),
        [Some(SEC)]
    );
    // With evidence: no warning.
    let evidenced = assess(bd(), &with(base(), SEC, detailed(P::Proficient, low, true)));
    assert!(!evidenced.has_warning(WarningCode::UnevidencedHighRating));
    // Medium confidence: no warning.
    let medium = assess(
        bd(),
        &with(
            base(),
            SEC,
            detailed(P::Proficient, Some(Confidence::Medium), false),
        ),
    );
    assert!(!medium.has_warning(WarningCode::UnevidencedHighRating));
    // Competent with low confidence: below proficient, no warning.
    let competent = assess(bd(), &with(base(), SEC, detailed(P::Competent, low, false)));
    assert!(!competent.has_warning(WarningCode::UnevidencedHighRating));
}

#[test]
fn capped_rating_warning() {
    // Security expert without evidence; programming languages expert with evidence;
    // databases competent without evidence (not above the cap).
    let a = with(
        with(
            builtin([
                P::Competent,
                P::Competent,
                P::Competent,
                P::Novice,
                P::Competent,
                P::Competent,
                P::Competent,
            ]),
            SEC,
            detailed(P::Expert, Some(Confidence::High), false),
        ),
        PL,
        detailed(P::Expert, None, true),
    );
    // Under Trust: never.
    let trust = assess(bd(), &a);
    assert!(!trust.has_warning(WarningCode::CappedRating));
    // Capped at competent: only security (unevidenced and above the cap).
    let capped = assess_with(bd(), &a, cap_at(P::Competent));
    assert_eq!(warned(&capped, WarningCode::CappedRating), [Some(SEC)]);
    let w = capped
        .warnings
        .iter()
        .find(|w| w.code == WarningCode::CappedRating)
        .expect("capped warning");
    assert!(w.message.contains("Security"), "{}", w.message);
    // Capped at expert: nothing is above the cap.
    let loose = assess_with(bd(), &a, cap_at(P::Expert));
    assert!(!loose.has_warning(WarningCode::CappedRating));
}

// ---------------------------------------------------------------------------------------
// 4. Calibration policy
// ---------------------------------------------------------------------------------------

/// Mid exactly, with programming languages self-rated expert (mid needs proficient).
fn mid_with_expert_languages(evidenced: bool) -> Assessment {
    with(
        builtin([
            P::Expert,
            P::Competent,
            P::Competent,
            P::AdvancedBeginner,
            P::Competent,
            P::Competent,
            P::Competent,
        ]),
        PL,
        detailed(P::Expert, None, evidenced),
    )
}

#[test]
fn trust_uses_self_ratings_as_given() {
    let report = assess(bd(), &mid_with_expert_languages(false));
    check_readiness(&report, Some("mid"));
    // Σ w×r = 3×5 + 2×3 + 2×3 + 2×2 + 2×3 + 1×3 + 1×3 = 15+6+6+4+6+3+3 = 43
    // score = 43/65×100 = 66.15 → 66
    assert_eq!(report.score, 66);
    assert_close(report.points, 43.0, "points");
    let pl = report.skill(PL).expect("skill result");
    assert_eq!(pl.rating, P::Expert);
    assert!(report.skills.iter().all(|s| s.self_rating.is_none()));
    // Explicit Trust equals the default.
    let explicit = assess_with(
        bd(),
        &mid_with_expert_languages(false),
        Options {
            calibration: Calibration::Trust,
        },
    );
    assert_eq!(explicit, report);
}

#[test]
fn cap_unevidenced_counts_an_unevidenced_expert_as_competent() {
    let report = assess_with(
        bd(),
        &mid_with_expert_languages(false),
        cap_at(P::Competent),
    );
    let pl = report.skill(PL).expect("skill result");
    assert_eq!(pl.self_rating, Some(P::Expert));
    assert_eq!(pl.rating, P::Competent);
    // Every other skill shows its self-rating, unchanged (none above competent).
    for s in report.skills.iter().filter(|s| s.skill != PL) {
        assert_eq!(s.self_rating, Some(s.rating), "{}", s.skill);
    }
    // PL counts 3: mid needs proficient → readiness drops to entry.
    check_readiness(&report, Some("entry"));
    // Σ w×r = 3×3 + 6+6+4+6+3+3 = 37; 37/65×100 = 56.92 → 57
    assert_eq!(report.score, 57);
    assert_close(report.points, 37.0, "points");
    // mid: PL gap 1 → 3×0.7 = 2.1, the rest 10 → 12.1/13 = 0.93076… near
    // senior: PL 1→2.1, DB 1→1.4, API 1→1.4, SEC 1→1.4, PSD 1→1.4, AtD 0→1, COM 1→0.7
    //         Σ = 9.4 → 9.4/13 = 0.72307… stretch
    // expert: PL 2→1.2, DB 2→0.8, API 2→0.8, SEC 2→0.8, PSD 2→0.8, AtD 1→0.7, COM 1→0.7
    //         Σ = 5.8 → 5.8/13 = 0.44615… aspirational
    check_levels(
        &report,
        &[
            ("entry", true, 1.0, Tier::Ready),
            ("mid", false, 12.1 / 13.0, Tier::Near),
            ("senior", false, 9.4 / 13.0, Tier::Stretch),
            ("expert", false, 5.8 / 13.0, Tier::Aspirational),
        ],
    );
    check_target(&report, "mid");
    check_blockers(&report, &[(PL, P::Competent, P::Proficient, 1, 3.0)]);
    check_builtin_salary(&report, Some(("entry", Some(50_000), Some(65_000))));
}

#[test]
fn cap_unevidenced_leaves_evidenced_ratings_alone() {
    let report = assess_with(bd(), &mid_with_expert_languages(true), cap_at(P::Competent));
    let pl = report.skill(PL).expect("skill result");
    assert_eq!(pl.self_rating, Some(P::Expert));
    assert_eq!(pl.rating, P::Expert);
    check_readiness(&report, Some("mid"));
    assert_eq!(report.score, 66); // as under Trust: 43/65×100 = 66.15 → 66
    assert!(!report.has_warning(WarningCode::CappedRating));
}

#[test]
fn warnings_never_change_readiness_under_trust() {
    // All expert, low confidence, no evidence, half a year: uniform, implausible and seven
    // unevidenced-high-rating warnings...
    let mut noisy = BUILTIN_SKILLS.into_iter().fold(Assessment::new(), |a, s| {
        with(a, s, detailed(P::Expert, Some(Confidence::Low), false))
    });
    noisy.experience_years = Some(0.5);
    let report = assess(bd(), &noisy);
    assert!(report.has_warning(WarningCode::UniformRatings));
    assert!(report.has_warning(WarningCode::ImplausibleForExperience));
    assert_eq!(warned(&report, WarningCode::UnevidencedHighRating).len(), 7);
    // ...and still expert, score 100, exactly as the same bare ratings.
    check_readiness(&report, Some("expert"));
    assert_eq!(report.score, 100);
    let quiet = assess(bd(), &builtin([P::Expert; 7]));
    assert_eq!(report.readiness, quiet.readiness);
    assert_eq!(report.levels, quiet.levels);
    assert_eq!(report.skills, quiet.skills);
    assert_close(report.points, quiet.points, "points");
}

// ---------------------------------------------------------------------------------------
// 5. JSON contract
// ---------------------------------------------------------------------------------------

fn keys(value: &Value) -> BTreeSet<&str> {
    value
        .as_object()
        .expect("a JSON object")
        .keys()
        .map(String::as_str)
        .collect()
}

#[track_caller]
fn json(report: &Report) -> Value {
    serde_json::from_str(&report.to_json()).expect("report JSON parses")
}

const TOP_LEVEL: [&str; 12] = [
    "framework",
    "readiness",
    "score",
    "points",
    "levels",
    "skills",
    "target",
    "strengths",
    "blockers",
    "warnings",
    "salary",
    "plan",
];

#[test]
fn json_contract_not_ready() {
    let report = assess(bd(), &Assessment::new());
    let v = json(&report);
    assert_eq!(keys(&v), BTreeSet::from(TOP_LEVEL));
    assert_eq!(v["framework"], "backend-developer");
    assert!(v["readiness"].is_null());
    assert!(v["salary"].is_null());
    assert_eq!(v["score"], 0);
    assert_eq!(v["target"], "entry");
    let levels = v["levels"].as_array().expect("levels array");
    assert_eq!(levels.len(), 4);
    for l in levels {
        assert_eq!(keys(l), BTreeSet::from(["level", "met", "fit", "tier"]));
    }
    assert_eq!(levels[0]["level"], "entry");
    assert_eq!(levels[0]["met"], false);
    assert_eq!(levels[0]["tier"], "aspirational");
    let skills = v["skills"].as_array().expect("skills array");
    assert_eq!(skills.len(), 7);
    for s in skills {
        assert_eq!(
            keys(s),
            BTreeSet::from(["skill", "rating", "required", "gap"])
        );
    }
    // Proficiencies as snake_case names.
    assert_eq!(skills[1]["skill"], DB);
    assert_eq!(skills[1]["rating"], "none");
    assert_eq!(skills[1]["required"], "advanced_beginner");
    assert_eq!(skills[1]["gap"], 2);
    // Warnings: code snake_case, skill, message.
    let w = &v["warnings"][0];
    assert_eq!(keys(w), BTreeSet::from(["code", "skill", "message"]));
    assert_eq!(w["code"], "unrated_skill");
    assert_eq!(w["skill"], PL);
    // Blockers and the plan.
    assert_eq!(v["blockers"][0]["skill"], PL);
    assert_eq!(v["blockers"][0]["required"], "competent");
    let plan = &v["plan"];
    let plan_keys = keys(plan);
    for key in [
        "target",
        "items",
        "total_hours",
        "weeks",
        "milestones",
        "unreachable",
        "deadline",
        "hours_per_week",
    ] {
        assert!(plan_keys.contains(key), "plan lacks {key}: {plan_keys:?}");
    }
    assert!(
        plan_keys.iter().all(|k| [
            "target",
            "items",
            "total_hours",
            "weeks",
            "milestones",
            "unreachable",
            "deadline",
            "hours_per_week",
            "note"
        ]
        .contains(k)),
        "unexpected plan keys: {plan_keys:?}"
    );
    assert_eq!(plan["target"], "entry");
    assert!(plan["deadline"].is_null());
}

#[test]
fn json_contract_ready_with_salary_and_strengths() {
    let report = assess(
        bd(),
        &builtin([
            P::Proficient,
            P::AdvancedBeginner,
            P::Competent,
            P::Competent,
            P::Competent,
            P::Competent,
            P::Competent,
        ]),
    );
    let v = json(&report);
    assert_eq!(keys(&v), BTreeSet::from(TOP_LEVEL));
    assert_eq!(v["readiness"], "entry");
    assert_eq!(v["target"], "mid");
    assert_eq!(v["score"], 62);
    assert_eq!(v["salary"]["level"], "entry");
    assert_eq!(v["salary"]["min"], 50_000);
    assert_eq!(v["salary"]["max"], 65_000);
    assert_eq!(
        v["salary"]["caveat"].as_str(),
        bd().salary_note(),
        "salary caveat"
    );
    assert_eq!(v["levels"][1]["tier"], "near");
    assert_eq!(v["strengths"][0]["skill"], SEC);
    assert_eq!(v["strengths"][0]["rating"], "competent");
    assert_eq!(v["strengths"][0]["required"], "advanced_beginner");
    assert_eq!(v["blockers"][0]["skill"], DB);
    assert_eq!(v["blockers"][0]["rating"], "advanced_beginner");
}

#[test]
fn json_missing_points_only_when_the_target_lacks_points() {
    let framework = load(POINTS);
    // 8.5 points: junior met, target regular (21) → missing_points 12.5.
    let short = json(&assess(
        &framework,
        &rated(&[("coding", P::AdvancedBeginner), ("testing", P::Novice)]),
    ));
    let mut expected = BTreeSet::from(TOP_LEVEL);
    expected.insert("missing_points");
    assert_eq!(keys(&short), expected);
    assert_eq!(short["missing_points"], 12.5);
    // 62 points: staff met and the target; nothing missing, no key.
    let top = json(&assess(
        &framework,
        &rated(&[("coding", P::Expert), ("testing", P::Proficient)]),
    ));
    assert_eq!(keys(&top), BTreeSet::from(TOP_LEVEL));
    assert!(top["salary"].is_null(), "no band in this framework");
}

#[test]
fn json_shows_self_rating_only_under_a_calibration_policy() {
    let a = mid_with_expert_languages(false);
    let trust = json(&assess(bd(), &a));
    assert!(trust["skills"][0].get("self_rating").is_none());
    let capped = json(&assess_with(bd(), &a, cap_at(P::Competent)));
    assert_eq!(capped["skills"][0]["self_rating"], "expert");
    assert_eq!(capped["skills"][0]["rating"], "competent");
}

// ---------------------------------------------------------------------------------------
// 6. Rendering
// ---------------------------------------------------------------------------------------

#[test]
fn rendering_a_ready_report() {
    // Entry exactly, communication self-rated proficient with low confidence.
    let a = with(
        builtin([
            P::Competent,
            P::AdvancedBeginner,
            P::AdvancedBeginner,
            P::Novice,
            P::AdvancedBeginner,
            P::AdvancedBeginner,
            P::AdvancedBeginner,
        ]),
        COM,
        detailed(P::Proficient, Some(Confidence::Low), false),
    );
    let report = assess(bd(), &a);
    check_readiness(&report, Some("entry"));
    // Against mid, communication (proficient ≥ competent) no longer blocks; the other six do.
    let blockers: Vec<&str> = report.blockers.iter().map(|b| b.skill.as_str()).collect();
    assert_eq!(blockers, [PL, DB, API, SEC, PSD, ATD]);
    let text = report.to_string();
    let markdown = report.to_markdown();
    for out in [&text, &markdown] {
        assert!(out.contains("entry"), "{out}");
        assert!(out.contains("50,000-65,000"), "{out}");
        assert!(out.contains("unevidenced_high_rating"), "{out}");
        for b in &blockers {
            assert!(out.contains(b), "{b} missing from\n{out}");
        }
        assert!(!out.contains("not yet ready"), "{out}");
    }
    assert!(text.contains("Readiness: entry"), "{text}");
    assert!(markdown.contains("**Readiness:** entry"), "{markdown}");
    assert!(text.contains("[unevidenced_high_rating]"), "{text}");
    assert!(markdown.contains("`unevidenced_high_rating`"), "{markdown}");
}

#[test]
fn rendering_a_not_ready_report() {
    let report = assess(bd(), &Assessment::new());
    let text = report.to_string();
    let markdown = report.to_markdown();
    for out in [&text, &markdown] {
        assert!(out.contains("not yet ready"), "{out}");
        assert!(out.contains("unrated_skill"), "{out}");
        for s in BUILTIN_SKILLS {
            assert!(out.contains(s), "{s} missing from\n{out}");
        }
        assert!(!out.contains("Salary"), "{out}");
    }
}

#[test]
fn rendering_open_ended_and_upper_bands() {
    let senior = assess(
        bd(),
        &builtin([
            P::Proficient,
            P::Proficient,
            P::Expert,
            P::Competent,
            P::Proficient,
            P::Proficient,
            P::Expert,
        ]),
    );
    assert!(senior.to_string().contains("90,000-120,000"));
    assert!(senior.to_markdown().contains("90,000-120,000"));
    let expert = assess(bd(), &builtin([P::Expert; 7]));
    assert!(expert.to_string().contains("120,000 or more"));
    assert!(expert.to_markdown().contains("uniform_ratings"));
}
