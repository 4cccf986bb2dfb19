//! Random valid frameworks and assessments of them, for the property tests of DESIGN.md
//! section 5, and a small independent model of the rules the properties check against.
//!
//! Frameworks are built as [`FrameworkDefinition`] values (never as text) and validated with
//! [`Framework::new`]. They cover fractional weights with up to three decimals, custom fit
//! settings and points tables, gate, points and hybrid ladders, every step kind, random
//! prerequisite DAGs in random framework order, optional steps, training options with and
//! without a fixed pace, and any work pace from 1 to 168 hours a week.
//!
//! Test files include this module as `mod r#gen;` (`gen` is a reserved word in Rust 2024).
#![allow(dead_code)] // each test file uses a part

use std::collections::BTreeMap;
use std::fmt;

use proptest::bool::weighted;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use skillgauge::{
    Assessment, Calibration, Category, Confidence, DEFAULT_POINTS, Evidence, EvidenceKind,
    FitSettings, Framework, FrameworkDefinition, Hiring, Id, Level, Options, Preferences,
    Proficiency, Rating, Report, SalaryBand, Skill, Step, StepKind, TrainingOption,
};

/// Cases per property: enough to find the rare shapes, few enough for a debug build.
pub const CASES: u32 = 256;

/// Medium's public points ladder.
pub const MEDIUM_POINTS: [u32; 6] = [0, 1, 3, 6, 12, 20];

/// Weights people write: whole, halves and the tenths that do not add up in binary.
const WEIGHTS: [f64; 9] = [1.0, 0.1, 0.2, 0.7, 0.3, 0.5, 1.5, 2.0, 3.0];

const YEARS: [f64; 8] = [0.0, 0.5, 1.0, 1.5, 3.0, 5.0, 12.0, 70.0];

/// Names with spaces, punctuation and non-ASCII letters, for the round trips.
const NAMES: [&str; 5] = [
    "Skill",
    "Bases de données",
    "C++ & \"Rust\"",
    "日本語",
    "a\\b",
];

/// `m` thousandths as the `f64` the engine reads as exactly `m` thousandths.
pub fn milli(m: u64) -> f64 {
    m as f64 / 1000.0
}

/// A decimal with at most three decimals, in thousandths.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // small, positive
pub fn thousandths(value: f64) -> u64 {
    (value * 1000.0).round() as u64
}

pub fn proficiency(value: u8) -> Proficiency {
    Proficiency::from_u8(value.min(5)).expect("0-5 is a proficiency")
}

pub fn id(text: &str) -> Id {
    Id::new(text).expect("a valid id")
}

// ---------------------------------------------------------------------------------------
// Framework definitions
// ---------------------------------------------------------------------------------------

/// A weight from 0.001 to 50 with at most three decimals.
pub fn weight() -> impl Strategy<Value = f64> {
    prop_oneof![
        3 => select(&WEIGHTS[..]),
        2 => (1u64..=50_000).prop_map(milli),
        1 => (1u64..=1_000).prop_map(milli),
    ]
}

/// A points table: the default, Medium's, flat, or random (non-decreasing, at most 10,000).
pub fn points_table() -> impl Strategy<Value = [u32; 6]> {
    let random = (
        prop_oneof![3 => Just(0u32), 1 => 0u32..=3],
        vec(prop_oneof![3 => 0u32..=5, 1 => 0u32..=2_000], 5),
    )
        .prop_map(|(start, steps)| {
            let mut table = [start; 6];
            for (i, step) in steps.into_iter().enumerate() {
                table[i + 1] = (table[i] + step).min(10_000);
            }
            table
        });
    prop_oneof![
        2 => Just(DEFAULT_POINTS),
        2 => Just(MEDIUM_POINTS),
        1 => Just([0; 6]),
        1 => Just([0, 0, 0, 0, 0, 10_000]),
        3 => random,
    ]
}

/// Fit settings: the defaults, or a decay from 1 that never increases and near ≥ stretch,
/// all with at most three decimals.
pub fn fit_settings() -> impl Strategy<Value = FitSettings> {
    let custom = (vec(0u64..=1_000, 4), 0u64..=1_000, 0u64..=1_000).prop_map(|(mut d, a, b)| {
        d.sort_unstable_by(|x, y| y.cmp(x));
        let mut fit = FitSettings::default();
        fit.decay = [1.0, milli(d[0]), milli(d[1]), milli(d[2]), milli(d[3])];
        fit.near = milli(a.max(b));
        fit.stretch = milli(a.min(b));
        fit
    });
    prop_oneof![1 => Just(FitSettings::default()), 2 => custom]
}

/// How a level's points threshold is drawn: a per-mille share of the most points anybody
/// can score, or the exact points of a random profile (so thresholds are hit exactly).
#[derive(Clone, Debug)]
enum Threshold {
    Share(u64),
    Profile(Vec<u8>),
}

#[derive(Clone, Debug)]
struct StepSpec {
    kind: StepKind,
    hours: u32,
    habit_hours: u32,
    develops: Vec<Option<u8>>,
    prerequisites: Vec<bool>,
    optional: bool,
    training: Vec<usize>,
}

fn step_kind() -> impl Strategy<Value = StepKind> {
    prop_oneof![
        4 => Just(StepKind::Learn),
        2 => Just(StepKind::Build),
        1 => Just(StepKind::Credential),
        2 => Just(StepKind::Experience),
        1 => Just(StepKind::Habit),
    ]
}

fn step_spec(i: usize, skills: usize, training: usize) -> impl Strategy<Value = StepSpec> {
    (
        step_kind(),
        prop_oneof![4 => 1u32..=300, 1 => 1u32..=5_000],
        1u32..=20,
        vec(option::weighted(0.4, 1u8..=5), skills),
        vec(weighted(0.3), i),
        weighted(0.15),
        subsequence((0..training).collect::<Vec<_>>(), 0..=training).prop_shuffle(),
    )
        .prop_map(
            |(kind, hours, habit_hours, develops, prerequisites, optional, training)| StepSpec {
                kind,
                hours,
                habit_hours,
                develops,
                prerequisites,
                optional,
                training,
            },
        )
}

/// Everything drawn for one framework, before it is assembled.
#[derive(Clone, Debug)]
struct Draw {
    skills: Vec<(f64, bool, usize)>,
    points: [u32; 6],
    fit: FitSettings,
    work_hours: u32,
    /// Per level and skill: how much the requirement rises over the level below.
    increments: Vec<Vec<u8>>,
    /// 0: gates only, 1: points only, 2: both.
    ladder: u8,
    /// The first level with a points threshold.
    points_from: usize,
    thresholds: Vec<Threshold>,
    steps: Vec<StepSpec>,
    paces: Vec<Option<u32>>,
    order: Vec<usize>,
    extras: (bool, u64, bool),
}

/// Random valid framework definitions.
pub fn definitions() -> impl Strategy<Value = FrameworkDefinition> {
    (1usize..=7, 1usize..=5, 0usize..=14, 0usize..=8)
        .prop_flat_map(|(ns, nl, nst, nt)| {
            let increment = prop_oneof![4 => Just(0u8), 2 => 1u8..=2, 1 => 0u8..=5];
            let threshold = prop_oneof![
                1 => (0u64..=1_000).prop_map(Threshold::Share),
                1 => vec(0u8..=5, ns).prop_map(Threshold::Profile),
            ];
            let steps: Vec<_> = (0..nst).map(|i| step_spec(i, ns, nt)).collect();
            let pace = prop_oneof![1 => select(&[10u32, 20, 35, 40][..]), 1 => 1u32..=168];
            (
                vec((weight(), any::<bool>(), 0..NAMES.len()), ns),
                points_table(),
                fit_settings(),
                prop_oneof![2 => Just(40u32), 1 => 1u32..=168],
                vec(vec(increment, ns), nl),
                (0u8..=2, 0..nl, vec(threshold, nl)),
                steps,
                vec(option::weighted(0.4, pace), nt),
                Just((0..nst).collect::<Vec<usize>>()).prop_shuffle(),
                (any::<bool>(), 1u64..=200_000, any::<bool>()),
            )
        })
        .prop_map(
            |(skills, points, fit, work_hours, increments, ladder, steps, paces, order, extras)| {
                assemble(Draw {
                    skills,
                    points,
                    fit,
                    work_hours,
                    increments,
                    ladder: ladder.0,
                    points_from: ladder.1,
                    thresholds: ladder.2,
                    steps,
                    paces,
                    order,
                    extras,
                })
            },
        )
}

fn skill_id(i: usize) -> String {
    format!("s{i}")
}

#[allow(clippy::too_many_lines)] // one framework, section by section
fn assemble(d: Draw) -> FrameworkDefinition {
    let ns = d.skills.len();
    let skills: Vec<Skill> = d
        .skills
        .iter()
        .enumerate()
        .map(|(i, &(w, professional, name))| {
            let mut skill =
                Skill::new(&skill_id(i), format!("{} {i}", NAMES[name])).expect("a valid skill id");
            skill.weight = w;
            if professional {
                skill.category = Category::Professional;
                skill.description = format!("What skill {i} covers");
                skill
                    .descriptors
                    .insert(Proficiency::Competent, "works on their own".to_owned());
            }
            skill
        })
        .collect();
    let weights: Vec<u64> = d.skills.iter().map(|s| thousandths(s.0)).collect();
    let points_of = |row: &[u8]| -> u64 {
        row.iter()
            .zip(&weights)
            .map(|(&r, &w)| w * u64::from(d.points[usize::from(r)]))
            .sum()
    };
    let most = points_of(&vec![5; ns]);
    let mut thresholds: Vec<u64> = d
        .thresholds
        .iter()
        .map(|t| match t {
            Threshold::Share(share) => most * share / 1_000,
            Threshold::Profile(row) => points_of(row),
        })
        .collect();
    thresholds.sort_unstable();

    let mut levels = Vec::with_capacity(d.increments.len());
    let mut required = vec![0u8; ns];
    for (li, row) in d.increments.iter().enumerate() {
        for (r, inc) in required.iter_mut().zip(row) {
            *r = (*r + inc).min(5);
        }
        let mut level = Level::new(&format!("l{li}"), format!("Level {li}")).expect("a level id");
        if d.ladder != 1 {
            for (si, &r) in required.iter().enumerate() {
                if r > 0 {
                    level.requires.insert(id(&skill_id(si)), proficiency(r));
                }
            }
        }
        if d.ladder != 0 && li >= d.points_from {
            level.min_points = Some(milli(thresholds[li]));
        }
        if d.extras.0 {
            let min = d.extras.1 * (li as u64 + 1);
            level.salary = Some(SalaryBand::new(Some(min), Some(min + 1_000), "EUR"));
        }
        levels.push(level);
    }

    let training: Vec<TrainingOption> = d
        .paces
        .iter()
        .enumerate()
        .map(|(t, &pace)| {
            let mut option =
                TrainingOption::new(&format!("t{t}"), format!("Training {t}")).expect("an id");
            option.hours_per_week = pace;
            option
        })
        .collect();
    let kinds: Vec<StepKind> = d.steps.iter().map(|s| s.kind).collect();
    let built: Vec<Step> = d
        .steps
        .iter()
        .enumerate()
        .map(|(i, spec)| {
            let mut step =
                Step::new(&format!("p{i}"), format!("Step {i}"), spec.hours).expect("a step id");
            step.kind = spec.kind;
            if spec.kind == StepKind::Habit {
                step.hours = None;
                step.hours_per_week = Some(spec.habit_hours);
            }
            step.optional = spec.optional;
            step.develops = spec
                .develops
                .iter()
                .enumerate()
                .filter_map(|(si, p)| p.map(|p| (id(&skill_id(si)), proficiency(p))))
                .collect();
            step.prerequisites = spec
                .prerequisites
                .iter()
                .enumerate()
                .filter(|&(p, &on)| on && kinds[p] != StepKind::Habit)
                .map(|(p, _)| id(&format!("p{p}")))
                .collect();
            step.training = spec.training.iter().map(|t| id(&format!("t{t}"))).collect();
            step
        })
        .collect();
    // Framework order is a random permutation of the order the DAG was drawn in.
    let steps: Vec<Step> = d.order.iter().map(|&i| built[i].clone()).collect();

    let mut def = FrameworkDefinition::new("fw", "Generated", skills, levels).expect("an id");
    def.points = d.points;
    def.fit = d.fit;
    def.work_hours_per_week = d.work_hours;
    def.steps = steps;
    def.training = training;
    if d.extras.2 {
        "A generated role".clone_into(&mut def.summary);
        def.responsibilities = vec!["Build things".to_owned()];
        def.hiring = vec![Hiring::new("Technology", vec!["Acme".to_owned()])];
        def.salary_note = Some("varies".to_owned());
    }
    def
}

/// Validates a definition the generator made; a refusal is a bug in the generator (or in
/// the validation), reported with the definition.
#[track_caller]
pub fn framework(def: FrameworkDefinition) -> Framework {
    let copy = def.clone();
    Framework::new(def)
        .unwrap_or_else(|err| panic!("generated an invalid framework: {err}\n{}", compact(&copy)))
}

/// Random valid frameworks.
pub fn frameworks() -> impl Strategy<Value = Framework> {
    definitions().prop_map(framework)
}

fn compact<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

// ---------------------------------------------------------------------------------------
// Assessments
// ---------------------------------------------------------------------------------------

fn confidence() -> impl Strategy<Value = Confidence> {
    prop_oneof![
        Just(Confidence::Low),
        Just(Confidence::Medium),
        Just(Confidence::High)
    ]
}

fn evidence() -> impl Strategy<Value = Evidence> {
    (
        select(
            &[
                EvidenceKind::Project,
                EvidenceKind::Work,
                EvidenceKind::Review,
            ][..],
        ),
        any::<bool>(),
    )
        .prop_map(|(kind, url)| Evidence {
            kind,
            description: "built and shipped it".to_owned(),
            url: url.then(|| "https://example.com/pr/1".to_owned()),
        })
}

/// A rating: bare, with confidence, or with evidence too.
pub fn rating() -> impl Strategy<Value = Rating> {
    (
        0u8..=5,
        option::of(confidence()),
        prop_oneof![2 => Just(Vec::new()), 1 => vec(evidence(), 1..=2)],
    )
        .prop_map(|(p, confidence, evidence)| Rating {
            proficiency: proficiency(p),
            confidence,
            evidence,
        })
}

/// Study hours a week: usually evenings, sometimes anything up to 168.
pub fn study_hours() -> impl Strategy<Value = u32> {
    prop_oneof![3 => 1u32..=40, 1 => 1u32..=168]
}

/// Random valid assessments of `def`: some skills unrated, some completed steps, and
/// random preferences.
pub fn assessments(def: &FrameworkDefinition) -> impl Strategy<Value = Assessment> + use<> {
    let skills: Vec<Id> = def.skills.iter().map(|s| s.id.clone()).collect();
    let steps: Vec<Id> = def.steps.iter().map(|s| s.id.clone()).collect();
    let levels: Vec<Id> = def.levels.iter().map(|l| l.id.clone()).collect();
    let training: Vec<Id> = def.training.iter().map(|t| t.id.clone()).collect();
    let nt = training.len();
    (
        vec(option::weighted(0.75, rating()), skills.len()),
        option::of(select(&YEARS[..])),
        vec(weighted(0.15), steps.len()),
        option::of(select(levels)),
        option::of(study_hours()),
        subsequence(training, 0..=nt).prop_shuffle(),
        option::of(prop_oneof![3 => 1u32..=200, 1 => 1u32..=1_040]),
        any::<bool>(),
    )
        .prop_map(
            move |(ratings, years, completed, target, hours, preferred, deadline, named)| {
                Assessment {
                    framework: named.then(|| id("fw")),
                    ratings: skills
                        .iter()
                        .zip(ratings)
                        .filter_map(|(s, r)| r.map(|r| (s.clone(), r)))
                        .collect::<BTreeMap<Id, Rating>>(),
                    experience_years: years,
                    completed_steps: steps
                        .iter()
                        .zip(completed)
                        .filter(|(_, on)| *on)
                        .map(|(s, _)| s.clone())
                        .collect(),
                    preferences: Preferences {
                        target_level: target,
                        hours_per_week: hours,
                        training: preferred,
                        deadline_weeks: deadline,
                    },
                }
            },
        )
}

/// A valid framework and an assessment of it. `Debug` prints both as compact JSON, so a
/// shrunk counterexample can be pasted into a hand-checked test.
#[derive(Clone)]
pub struct Case {
    pub framework: Framework,
    pub assessment: Assessment,
}

impl fmt::Debug for Case {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "\nframework:  {}\nassessment: {}\n",
            compact(self.framework.definition()),
            compact(&self.assessment)
        )
    }
}

/// Random frameworks with an assessment each.
pub fn cases() -> impl Strategy<Value = Case> {
    definitions()
        .prop_flat_map(|def| {
            let assessment = assessments(&def);
            (Just(def), assessment)
        })
        .prop_map(|(def, assessment)| Case {
            framework: framework(def),
            assessment,
        })
}

// ---------------------------------------------------------------------------------------
// An independent model of the rules, in thousandths
// ---------------------------------------------------------------------------------------

/// The screening policy the properties also run under.
pub fn capped() -> Options {
    Options::new(Calibration::CapUnevidenced {
        above: Proficiency::Competent,
    })
}

#[track_caller]
#[allow(clippy::trivially_copy_pass_by_ref)] // as `Framework::assess_with`
pub fn assess_with(framework: &Framework, assessment: &Assessment, options: &Options) -> Report {
    match framework.assess_with(assessment, options) {
        Ok(report) => report,
        Err(err) => panic!("assessing a valid assessment failed: {err}"),
    }
}

#[track_caller]
pub fn assess(case: &Case) -> Report {
    assess_with(&case.framework, &case.assessment, &Options::default())
}

#[track_caller]
pub fn skill_index(framework: &Framework, skill: &str) -> usize {
    framework
        .skills()
        .iter()
        .position(|s| s.id == skill)
        .unwrap_or_else(|| panic!("unknown skill {skill}"))
}

#[track_caller]
pub fn level_index(framework: &Framework, level: &str) -> usize {
    framework
        .level_index(level)
        .unwrap_or_else(|| panic!("unknown level {level}"))
}

#[track_caller]
pub fn step<'a>(framework: &'a Framework, step: &str) -> &'a Step {
    framework
        .step(step)
        .unwrap_or_else(|| panic!("unknown step {step}"))
}

/// The effective ratings a report used, in framework order.
pub fn effective(report: &Report) -> Vec<Proficiency> {
    report.skills.iter().map(|s| s.rating).collect()
}

/// The weights in thousandths.
pub fn weights(framework: &Framework) -> Vec<u64> {
    framework
        .skills()
        .iter()
        .map(|s| thousandths(s.weight))
        .collect()
}

/// Σ weight × points(rating), in thousandths of a point.
pub fn points(framework: &Framework, ratings: &[Proficiency]) -> u64 {
    weights(framework)
        .iter()
        .zip(ratings)
        .map(|(w, r)| w * u64::from(framework.points()[r.index()]))
        .sum()
}

/// A level's `min_points` in thousandths (0 when it has none).
pub fn min_points(framework: &Framework, level: usize) -> u64 {
    framework.levels()[level].min_points.map_or(0, thousandths)
}

/// A level's requirement for a skill (`none` when it lists none).
pub fn required(framework: &Framework, level: usize, skill: &Id) -> Proficiency {
    framework.levels()[level]
        .requires
        .get(skill)
        .copied()
        .unwrap_or_default()
}

/// Whether `ratings` meet the level's own requirements and points threshold.
pub fn meets(framework: &Framework, level: usize, ratings: &[Proficiency]) -> bool {
    framework
        .skills()
        .iter()
        .zip(ratings)
        .all(|(s, &r)| r >= required(framework, level, &s.id))
        && points(framework, ratings) >= min_points(framework, level)
}

/// The highest level met with every lower level met too.
pub fn readiness(framework: &Framework, ratings: &[Proficiency]) -> Option<usize> {
    (0..framework.levels().len())
        .take_while(|&l| meets(framework, l, ratings))
        .last()
}

/// The report's readiness as a level index.
pub fn readiness_of(framework: &Framework, report: &Report) -> Option<usize> {
    report
        .readiness
        .as_ref()
        .map(|l| level_index(framework, l.as_str()))
}

/// Completing a step sets each skill it develops to at least the `develops` proficiency.
pub fn apply(framework: &Framework, ratings: &mut [Proficiency], step: &Step) {
    for (skill, &p) in &step.develops {
        let r = &mut ratings[skill_index(framework, skill.as_str())];
        *r = (*r).max(p);
    }
}

/// Whether the ratings already meet everything a step develops (never for a step that
/// develops nothing).
pub fn satisfies(framework: &Framework, ratings: &[Proficiency], step: &Step) -> bool {
    !step.develops.is_empty()
        && step
            .develops
            .iter()
            .all(|(skill, &p)| ratings[skill_index(framework, skill.as_str())] >= p)
}

/// The ratings after every item of the plan.
pub fn replay(framework: &Framework, report: &Report) -> Vec<Proficiency> {
    let mut ratings = effective(report);
    for item in &report.plan.items {
        apply(framework, &mut ratings, step(framework, item.step.as_str()));
    }
    ratings
}

/// The step ids of a plan, for messages.
pub fn step_ids(report: &Report) -> Vec<&str> {
    report.plan.items.iter().map(|i| i.step.as_str()).collect()
}

/// The first line where two texts differ, with its neighbours, for messages.
pub fn first_difference(a: &str, b: &str) -> String {
    let (la, lb): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    let at = la
        .iter()
        .zip(&lb)
        .position(|(x, y)| x != y)
        .unwrap_or(la.len().min(lb.len()));
    let from = at.saturating_sub(3).min(la.len()).min(lb.len());
    format!(
        "line {} of {} and {}:\n--- left\n{}\n--- right\n{}",
        at + 1,
        la.len(),
        lb.len(),
        la[from..(at + 3).min(la.len())].join("\n"),
        lb[from..(at + 3).min(lb.len())].join("\n"),
    )
}

/// Lowers every `min_points` of `def` to at most what an expert in every skill scores, so
/// a definition whose weights were changed stays valid (clamping keeps them monotone).
pub fn clamp_min_points(def: &mut FrameworkDefinition) {
    let most: u64 = def
        .skills
        .iter()
        .map(|s| thousandths(s.weight) * u64::from(def.points[5]))
        .sum();
    for level in &mut def.levels {
        if let Some(p) = level.min_points {
            level.min_points = Some(milli(thousandths(p).min(most)));
        }
    }
}

/// The proptest configuration of the property files: [`CASES`] cases, failures saved next
/// to the test file as `<file>.proptest-regressions`.
pub fn config() -> proptest::test_runner::Config {
    proptest::test_runner::Config {
        cases: CASES,
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::WithSource("proptest-regressions"),
        )),
        ..proptest::test_runner::Config::default()
    }
}
