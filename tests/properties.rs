//! Property tests for the invariants of DESIGN.md section 5, on random valid frameworks and
//! random assessments of them.

use std::fmt;

use proptest::bool::weighted;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::{Index, select};
use serde_json::{Map, Value, json};
use skillgauge::{
    Assessment, Calibration, Framework, Id, Options, Plan, Proficiency, Rating, Report, Step, Tier,
    Unreachable,
};

const CASES: u32 = 256;
const WEIGHTS: [f64; 4] = [1.0, 1.5, 2.0, 3.0];
const MEDIUM_POINTS: [u32; 6] = [0, 1, 3, 6, 12, 20];
const TRAINING: [&str; 3] = ["t0", "t1", "t2"];
const YEARS: [f64; 7] = [0.0, 0.5, 1.0, 1.5, 3.0, 10.0, 25.0];

// ---------------------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------------------

/// One generated step, by index.
#[derive(Clone, Debug)]
struct StepSpec {
    hours: u32,
    develops: Vec<(usize, u8)>,
    prerequisites: Vec<usize>,
    optional: bool,
    training: Vec<usize>,
    kind: &'static str,
}

/// One generated framework, before it becomes JSON.
#[derive(Clone, Debug)]
struct FrameworkSpec {
    weights: Vec<f64>,
    points: Option<[u32; 6]>,
    /// `requires[level][skill]`, 0 meaning absent; non-decreasing up the ladder.
    requires: Vec<Vec<u8>>,
    min_points: Vec<Option<f64>>,
    steps: Vec<StepSpec>,
}

impl FrameworkSpec {
    fn to_value(&self) -> Value {
        let skills: Vec<Value> = self
            .weights
            .iter()
            .enumerate()
            .map(|(i, w)| json!({ "id": format!("s{i}"), "name": format!("Skill {i}"), "weight": w }))
            .collect();
        let top = self.points.unwrap_or([0, 1, 2, 3, 4, 5])[5];
        let most_points: f64 = self.weights.iter().map(|w| w * f64::from(top)).sum();
        let levels: Vec<Value> = self
            .requires
            .iter()
            .zip(&self.min_points)
            .enumerate()
            .map(|(li, (row, min_points))| {
                let requires: Map<String, Value> = row
                    .iter()
                    .enumerate()
                    .filter(|&(_, &p)| p > 0)
                    .map(|(si, &p)| (format!("s{si}"), json!(proficiency(p).as_str())))
                    .collect();
                let mut level = json!({ "id": format!("l{li}"), "name": format!("Level {li}") });
                if !requires.is_empty() {
                    level["requires"] = Value::Object(requires);
                }
                if let Some(points) = min_points {
                    // Frameworks may not ask more than an expert in every skill has; clamping
                    // by one constant keeps the thresholds non-decreasing.
                    level["min_points"] = json!(points.min(most_points));
                }
                level
            })
            .collect();
        let steps: Vec<Value> = self
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let develops: Map<String, Value> = s
                    .develops
                    .iter()
                    .map(|&(si, p)| (format!("s{si}"), json!(p)))
                    .collect();
                json!({
                    "id": format!("p{i}"),
                    "title": format!("Step {i}"),
                    "kind": s.kind,
                    "optional": s.optional,
                    "hours": s.hours,
                    "prerequisites": s.prerequisites.iter().map(|p| format!("p{p}")).collect::<Vec<_>>(),
                    "training": s.training.iter().map(|&t| TRAINING[t]).collect::<Vec<_>>(),
                    "develops": develops,
                })
            })
            .collect();
        let training: Vec<Value> = TRAINING
            .iter()
            .map(|t| json!({ "id": t, "name": format!("Training {t}") }))
            .collect();
        let mut framework = json!({
            "id": "fw",
            "name": "Generated",
            "skills": skills,
            "levels": levels,
            "steps": steps,
            "training": training,
        });
        if let Some(points) = self.points {
            framework["points"] = json!(points);
        }
        framework
    }
}

fn proficiency(value: u8) -> Proficiency {
    Proficiency::from_u8(value.min(5)).expect("0-5 is a proficiency")
}

/// A random ordered subset of the training options (most preferred / usual first).
fn training_subset() -> impl Strategy<Value = Vec<usize>> {
    (Just(vec![0usize, 1, 2]).prop_shuffle(), 0..=3usize).prop_map(|(mut all, k)| {
        all.truncate(k);
        all
    })
}

fn step_spec(i: usize, n_skills: usize, allow_optional: bool) -> impl Strategy<Value = StepSpec> {
    (
        1u32..200,
        vec((weighted(0.35), 1u8..=5), n_skills),
        (0..n_skills, 1u8..=5),
        vec(weighted(0.3), i),
        weighted(if allow_optional { 0.2 } else { 0.0 }),
        training_subset(),
        prop_oneof![4 => Just("learn"), 1 => Just("build"), 1 => Just("habit")],
    )
        .prop_map(
            |(hours, develops, fallback, prerequisites, optional, training, kind)| {
                let mut develops: Vec<(usize, u8)> = develops
                    .into_iter()
                    .enumerate()
                    .filter(|(_, (on, _))| *on)
                    .map(|(si, (_, p))| (si, p))
                    .collect();
                if develops.is_empty() {
                    develops.push(fallback);
                }
                StepSpec {
                    hours,
                    develops,
                    prerequisites: prerequisites
                        .into_iter()
                        .enumerate()
                        .filter(|(_, on)| *on)
                        .map(|(p, _)| p)
                        .collect(),
                    optional,
                    training,
                    kind,
                }
            },
        )
}

fn points_table() -> impl Strategy<Value = Option<[u32; 6]>> {
    prop_oneof![
        2 => Just(None),
        2 => Just(Some(MEDIUM_POINTS)),
        1 => vec(0u32..=4, 6).prop_map(|inc| {
            let mut table = [0u32; 6];
            let mut sum = 0;
            for (slot, i) in table.iter_mut().zip(inc) {
                sum += i;
                *slot = sum;
            }
            Some(table)
        }),
    ]
}

fn framework_spec(allow_optional: bool) -> impl Strategy<Value = FrameworkSpec> {
    (1usize..=8, 1usize..=5, 0usize..=10).prop_flat_map(move |(ns, nl, nt)| {
        let steps: Vec<_> = (0..nt).map(|i| step_spec(i, ns, allow_optional)).collect();
        let increment = prop_oneof![3 => Just(0u8), 2 => 1u8..=2, 1 => 0u8..=5];
        (
            vec(select(&WEIGHTS[..]), ns),
            points_table(),
            vec(vec(increment, ns), nl),
            any::<bool>(),
            vec((prop_oneof![Just(0u32), 1u32..=20], any::<bool>()), nl),
            steps,
        )
            .prop_map(
                |(weights, points, increments, use_points, points_inc, steps)| {
                    let mut requires: Vec<Vec<u8>> = Vec::with_capacity(increments.len());
                    for row in increments {
                        let next = match requires.last() {
                            Some(lower) => {
                                lower.iter().zip(row).map(|(l, i)| (l + i).min(5)).collect()
                            }
                            None => row.into_iter().map(|i| i.min(5)).collect(),
                        };
                        requires.push(next);
                    }
                    let mut sum = 0.0;
                    let min_points = points_inc
                        .into_iter()
                        .map(|(half_points, present)| {
                            sum += f64::from(half_points) * 0.5;
                            (use_points && (present || sum > 0.0)).then_some(sum)
                        })
                        .collect();
                    FrameworkSpec {
                        weights,
                        points,
                        requires,
                        min_points,
                        steps,
                    }
                },
            )
    })
}

fn assessment_value(spec: &FrameworkSpec) -> impl Strategy<Value = Value> + use<> {
    let (ns, nl, nt) = (spec.weights.len(), spec.requires.len(), spec.steps.len());
    (
        vec(option::weighted(0.8, (0u8..=5, 0u8..4)), ns),
        option::of(select(&YEARS[..])),
        vec(weighted(0.2), nt),
        option::of(0..nl),
        option::of(1u32..=40),
        training_subset(),
        option::of(1u32..=200),
        any::<bool>(),
    )
        .prop_map(
            |(ratings, years, completed, target, hours, training, deadline, named)| {
                let ratings: Map<String, Value> = ratings
                    .into_iter()
                    .enumerate()
                    .filter_map(|(si, r)| r.map(|r| (si, r)))
                    .map(|(si, (p, form))| {
                        let name = proficiency(p).as_str();
                        let rating = match form {
                            0 => json!(name),
                            1 => json!(p),
                            2 => json!({ "proficiency": name, "confidence": "low" }),
                            _ => json!({
                                "proficiency": name,
                                "confidence": "low",
                                "evidence": [{ "kind": "project", "description": "built it", "url": "https://example.com" }],
                            }),
                        };
                        (format!("s{si}"), rating)
                    })
                    .collect();
                let mut preferences = Map::new();
                if let Some(target) = target {
                    preferences.insert("target_level".into(), json!(format!("l{target}")));
                }
                if let Some(hours) = hours {
                    preferences.insert("hours_per_week".into(), json!(hours));
                }
                if !training.is_empty() {
                    let names: Vec<&str> = training.iter().map(|&t| TRAINING[t]).collect();
                    preferences.insert("training".into(), json!(names));
                }
                if let Some(deadline) = deadline {
                    preferences.insert("deadline_weeks".into(), json!(deadline));
                }
                let mut assessment = json!({
                    "ratings": ratings,
                    "completed_steps": completed
                        .iter()
                        .enumerate()
                        .filter(|(_, on)| **on)
                        .map(|(i, _)| format!("p{i}"))
                        .collect::<Vec<_>>(),
                    "preferences": preferences,
                });
                if let Some(years) = years {
                    assessment["experience_years"] = json!(years);
                }
                if named {
                    assessment["framework"] = json!("fw");
                }
                assessment
            },
        )
}

/// A valid framework and an assessment of it. `Debug` prints both as compact JSON, so a
/// shrunk counterexample can be pasted straight into a unit test.
#[derive(Clone)]
struct Case {
    framework: Framework,
    assessment: Assessment,
}

impl fmt::Debug for Case {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let framework: Value =
            serde_json::from_str(&self.framework.to_json()).unwrap_or(Value::Null);
        write!(
            f,
            "\nframework:  {framework}\nassessment: {}\n",
            serde_json::to_string(&self.assessment).unwrap_or_default()
        )
    }
}

fn load(spec: &FrameworkSpec) -> Framework {
    let value = spec.to_value();
    match Framework::from_value(value.clone()) {
        Ok(framework) => framework,
        Err(err) => panic!("generated an invalid framework: {err}\n{value}"),
    }
}

fn parse_assessment(value: &Value) -> Assessment {
    match serde_json::from_value::<Assessment>(value.clone()) {
        Ok(assessment) => assessment,
        Err(err) => panic!("generated an invalid assessment: {err}\n{value}"),
    }
}

fn cases_with(allow_optional: bool) -> impl Strategy<Value = Case> {
    framework_spec(allow_optional)
        .prop_flat_map(|spec| {
            let assessment = assessment_value(&spec);
            (Just(spec), assessment)
        })
        .prop_map(|(spec, assessment)| Case {
            framework: load(&spec),
            assessment: parse_assessment(&assessment),
        })
}

fn cases() -> impl Strategy<Value = Case> {
    cases_with(true)
}

// ---------------------------------------------------------------------------------------
// Independent model of the rules
// ---------------------------------------------------------------------------------------

fn capped() -> Options {
    Options {
        calibration: Calibration::CapUnevidenced {
            above: Proficiency::Competent,
        },
    }
}

fn assess(case: &Case) -> Report {
    assess_opts(&case.framework, &case.assessment, Options::default())
}

fn assess_opts(framework: &Framework, assessment: &Assessment, options: Options) -> Report {
    match framework.assess_with(assessment, &options) {
        Ok(report) => report,
        Err(err) => panic!("assessing a valid assessment failed: {err}"),
    }
}

fn skill_index(framework: &Framework, id: &Id) -> usize {
    framework
        .skills()
        .iter()
        .position(|s| s.id == *id)
        .unwrap_or_else(|| panic!("unknown skill {id}"))
}

fn level_index(framework: &Framework, id: &Id) -> usize {
    framework
        .levels()
        .iter()
        .position(|l| l.id == *id)
        .unwrap_or_else(|| panic!("unknown level {id}"))
}

fn step<'a>(framework: &'a Framework, id: &Id) -> &'a Step {
    framework
        .step(id.as_str())
        .unwrap_or_else(|| panic!("unknown step {id}"))
}

/// Σ weight × points(rating), in framework order.
fn points(framework: &Framework, ratings: &[Proficiency]) -> f64 {
    framework
        .skills()
        .iter()
        .zip(ratings)
        .map(|(s, r)| s.weight * f64::from(framework.points()[r.index()]))
        .sum()
}

fn requirements_met(framework: &Framework, level: usize, ratings: &[Proficiency]) -> bool {
    framework.levels()[level]
        .requires
        .iter()
        .all(|(skill, &p)| ratings[skill_index(framework, skill)] >= p)
}

fn meets(framework: &Framework, level: usize, ratings: &[Proficiency]) -> bool {
    let min_points = framework.levels()[level].min_points.unwrap_or(0.0);
    requirements_met(framework, level, ratings) && points(framework, ratings) >= min_points
}

/// Completing a step sets each skill it develops to at least the `develops` proficiency.
fn apply(framework: &Framework, ratings: &mut [Proficiency], step: &Step) {
    for (skill, &p) in &step.develops {
        let r = &mut ratings[skill_index(framework, skill)];
        *r = (*r).max(p);
    }
}

fn satisfies(framework: &Framework, ratings: &[Proficiency], step: &Step) -> bool {
    step.develops
        .iter()
        .all(|(skill, &p)| ratings[skill_index(framework, skill)] >= p)
}

fn effective(report: &Report) -> Vec<Proficiency> {
    report.skills.iter().map(|s| s.rating).collect()
}

/// The ratings after every item of the plan.
fn replay(framework: &Framework, report: &Report) -> Vec<Proficiency> {
    let mut ratings = effective(report);
    for item in &report.plan.items {
        apply(framework, &mut ratings, step(framework, &item.step));
    }
    ratings
}

fn readiness_index(framework: &Framework, report: &Report) -> Option<usize> {
    report
        .readiness
        .as_ref()
        .map(|id| level_index(framework, id))
}

fn steps_of(plan: &Plan) -> Vec<&Id> {
    plan.items.iter().map(|i| &i.step).collect()
}

fn without_training(mut report: Report) -> Report {
    for item in &mut report.plan.items {
        item.training = None;
    }
    report
}

fn hours_of(plan: &Plan) -> u64 {
    plan.items.iter().map(|i| u64::from(i.hours)).sum()
}

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    /// Invariant 1: raising any one rating never lowers readiness, points, score or fit.
    #[test]
    fn raising_a_rating_never_lowers_results(
        (case, which, by) in (cases(), any::<Index>(), 1u8..=5),
    ) {
        let framework = &case.framework;
        let id = framework.skills()[which.index(framework.skills().len())].id.clone();
        let mut raised = case.assessment.clone();
        let rating = raised
            .ratings
            .entry(id.clone())
            .or_insert_with(|| Rating::from(Proficiency::None));
        rating.proficiency = proficiency(rating.proficiency.as_u8() + by);
        for options in [Options::default(), capped()] {
            let before = assess_opts(framework, &case.assessment, options);
            let after = assess_opts(framework, &raised, options);
            prop_assert!(
                readiness_index(framework, &before) <= readiness_index(framework, &after),
                "readiness fell from {:?} to {:?} raising {id} ({options:?})",
                before.readiness, after.readiness,
            );
            prop_assert!(after.points >= before.points, "points fell raising {id} ({options:?})");
            prop_assert!(after.score >= before.score, "score fell raising {id} ({options:?})");
            for (b, a) in before.levels.iter().zip(&after.levels) {
                prop_assert!(
                    a.fit >= b.fit,
                    "fit of {} fell from {} to {} raising {id} ({options:?})",
                    b.level, b.fit, a.fit,
                );
                prop_assert!(a.met || !b.met, "{} no longer met raising {id}", b.level);
            }
        }
    }

    /// Invariant 2: readiness, score and fit stay in range; tiers agree with `met`; and
    /// (the rules of section 2, computed independently) readiness, points, score, fit,
    /// tier, target and gaps are what the rules say.
    #[test]
    fn results_are_in_range_and_follow_the_scoring_rules(case in cases(), cap in any::<bool>()) {
        let framework = &case.framework;
        let options = if cap { capped() } else { Options::default() };
        let report = assess_opts(framework, &case.assessment, options);

        if let Some(level) = &report.readiness {
            prop_assert!(framework.level(level.as_str()).is_some(), "unknown readiness {level}");
        }
        prop_assert!(report.score <= 100);
        prop_assert_eq!(report.levels.len(), framework.levels().len());
        for l in &report.levels {
            prop_assert!(l.fit.is_finite() && (0.0..=1.0).contains(&l.fit), "fit {}", l.fit);
            prop_assert_eq!(l.tier == Tier::Ready, l.met, "tier {:?} vs met {}", l.tier, l.met);
        }

        // Effective ratings, from the assessment and the policy.
        let expected: Vec<Proficiency> = framework
            .skills()
            .iter()
            .map(|s| {
                let rating = case.assessment.ratings.get(&s.id);
                let own = rating.map_or(Proficiency::None, |r| r.proficiency);
                let evidenced = rating.is_some_and(|r| !r.evidence.is_empty());
                if cap && !evidenced { own.min(Proficiency::Competent) } else { own }
            })
            .collect();
        let ids: Vec<&Id> = report.skills.iter().map(|s| &s.skill).collect();
        let framework_ids: Vec<&Id> = framework.skills().iter().map(|s| &s.id).collect();
        prop_assert_eq!(ids, framework_ids, "skills are not in framework order");
        prop_assert_eq!(&effective(&report), &expected);

        let total = points(framework, &expected);
        // Exact: weights and points are small multiples of 0.5.
        prop_assert_eq!(report.points.to_bits(), total.to_bits(), "points {} vs {}", report.points, total);

        let met: Vec<bool> = (0..framework.levels().len()).map(|l| meets(framework, l, &expected)).collect();
        for (l, m) in report.levels.iter().zip(&met) {
            prop_assert_eq!(l.met, *m, "met of {}", l.level);
        }
        let ready = met.iter().take_while(|m| **m).count().checked_sub(1);
        prop_assert_eq!(readiness_index(framework, &report), ready);

        // Score: Σ w × r / (5 Σ w) × 100, halves up. Weights are multiples of 0.5, so in
        // halves everything is an integer.
        let (mut sum, mut weight) = (0u64, 0u64);
        for (s, r) in framework.skills().iter().zip(&expected) {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "weights are small multiples of 0.5")]
            let halves = (s.weight * 2.0) as u64;
            sum += halves * u64::from(r.as_u8());
            weight += halves;
        }
        let score = (40 * sum + weight) / (2 * weight);
        prop_assert_eq!(u64::from(report.score), score, "score");

        let settings = framework.fit();
        for (li, (level, result)) in framework.levels().iter().zip(&report.levels).enumerate() {
            let (mut credit, mut total_weight) = (0.0, 0.0);
            for (skill, &req) in &level.requires {
                if req > Proficiency::None {
                    let si = skill_index(framework, skill);
                    let gap = req.index().saturating_sub(expected[si].index()).min(4);
                    credit += framework.skills()[si].weight * settings.decay[gap];
                    total_weight += framework.skills()[si].weight;
                }
            }
            let requirements = if total_weight > 0.0 { credit / total_weight } else { 1.0 };
            let min_points = level.min_points.unwrap_or(0.0);
            let points_part = if min_points > 0.0 { (total / min_points).min(1.0) } else { 1.0 };
            let fit = requirements.min(points_part);
            prop_assert!((result.fit - fit).abs() < 1e-12, "fit of {}: {} vs {fit}", level.id, result.fit);
            let tier = if met[li] {
                Tier::Ready
            } else if result.fit >= settings.near {
                Tier::Near
            } else if result.fit >= settings.stretch {
                Tier::Stretch
            } else {
                Tier::Aspirational
            };
            prop_assert_eq!(result.tier, tier, "tier of {}", level.id);
        }

        let top = framework.levels().len() - 1;
        let target = match &case.assessment.preferences.target_level {
            Some(id) => level_index(framework, id),
            None => ready.map_or(0, |r| (r + 1).min(top)),
        };
        prop_assert_eq!(report.target.as_ref(), Some(&framework.levels()[target].id));
        prop_assert_eq!(report.plan.target.as_ref(), report.target.as_ref());
        let requires = &framework.levels()[target].requires;
        for (s, r) in report.skills.iter().zip(&expected) {
            let required = requires.get(&s.skill).copied().unwrap_or(Proficiency::None);
            prop_assert_eq!(s.required, required);
            prop_assert_eq!(s.gap, required.as_u8().saturating_sub(r.as_u8()));
            let blocker = report.blockers.iter().any(|b| b.skill == s.skill);
            prop_assert_eq!(blocker, *r < required, "blocker {}", s.skill);
        }
    }

    /// Invariant 3: every plan item's prerequisites are completed, already satisfied, or
    /// earlier in the plan.
    #[test]
    fn prerequisites_come_first(case in cases()) {
        let framework = &case.framework;
        let report = assess(&case);
        let mut ratings = effective(&report);
        let mut earlier: Vec<&Id> = Vec::new();
        for item in &report.plan.items {
            let s = step(framework, &item.step);
            for pre in &s.prerequisites {
                let completed = case.assessment.completed_steps.contains(pre);
                let satisfied = satisfies(framework, &ratings, step(framework, pre));
                prop_assert!(
                    completed || satisfied || earlier.contains(&pre),
                    "{} is planned before its prerequisite {pre}, which is neither completed, \
                     satisfied nor earlier; plan {:?}",
                    item.step, steps_of(&report.plan),
                );
            }
            apply(framework, &mut ratings, s);
            earlier.push(&item.step);
        }
    }

    /// Invariant 4: applying every item of the plan meets the target, unless `unreachable`
    /// lists exactly the gaps left, and no step of the framework could close them.
    #[test]
    fn the_plan_reaches_the_target_or_says_why(case in cases()) {
        let framework = &case.framework;
        let report = assess(&case);
        let plan = &report.plan;
        if plan.note.is_some() {
            return Ok(());
        }
        let target_id = plan.target.as_ref().expect("a plan has a target");
        let target = level_index(framework, target_id);
        let level = &framework.levels()[target];
        let ratings = replay(framework, &report);
        let reached = points(framework, &ratings);
        let min_points = level.min_points.unwrap_or(0.0);
        let steps: Vec<&Id> = steps_of(plan);

        for (skill, &required) in &level.requires {
            let si = skill_index(framework, skill);
            let listed = plan.unreachable.iter().any(|u| matches!(u, Unreachable::Skill { skill: s, .. } if s == skill));
            prop_assert_eq!(
                listed,
                ratings[si] < required,
                "{} reaches {} of {} required after the plan {:?}, listed unreachable: {}",
                skill, ratings[si], required, steps, listed,
            );
        }
        let points_listed = plan.unreachable.iter().any(|u| matches!(u, Unreachable::Points { .. }));
        prop_assert_eq!(
            points_listed,
            reached < min_points,
            "the plan {:?} reaches {} of {} points, listed unreachable: {}",
            steps, reached, min_points, points_listed,
        );
        if plan.unreachable.is_empty() {
            prop_assert!(meets(framework, target, &ratings), "the plan {steps:?} does not meet {target_id}");
        }

        for u in &plan.unreachable {
            match u {
                Unreachable::Skill { skill, reached: r, required, .. } => {
                    let si = skill_index(framework, skill);
                    prop_assert_eq!(*r, ratings[si], "reached of {}", skill);
                    prop_assert_eq!(Some(required), level.requires.get(skill), "required of {}", skill);
                    prop_assert!(ratings[si] < *required, "{skill} is listed unreachable but is met");
                    // No step left to do develops it any further.
                    for s in framework.steps() {
                        if case.assessment.completed_steps.contains(&s.id) {
                            continue;
                        }
                        if let Some(&p) = s.develops.get(skill) {
                            prop_assert!(
                                p <= ratings[si],
                                "{skill} is listed unreachable at {} but step {} develops it to {p}; plan {steps:?}",
                                ratings[si], s.id,
                            );
                        }
                    }
                }
                Unreachable::Points { reached: r, required, .. } => {
                    prop_assert_eq!(r.to_bits(), reached.to_bits(), "reached points {} vs {}", r, reached);
                    prop_assert_eq!(required.to_bits(), min_points.to_bits(), "required points {} vs {}", required, min_points);
                    prop_assert!(reached < min_points);
                    // No step left to do would add a point.
                    let table = framework.points();
                    for s in framework.steps() {
                        if case.assessment.completed_steps.contains(&s.id) {
                            continue;
                        }
                        for (skill, &p) in &s.develops {
                            let now = ratings[skill_index(framework, skill)];
                            prop_assert!(
                                table[p.index()] <= table[now.index()],
                                "points are listed unreachable ({reached} of {min_points}) but step {} \
                                 raises {skill} from {now} to {p}; plan {steps:?}",
                                s.id,
                            );
                        }
                    }
                }
            }
        }
    }

    /// Invariant 5: every plan item closes some gap or is a prerequisite of a later item,
    /// and following `required_by` leads to an item that closes a gap.
    #[test]
    fn every_item_closes_a_gap_or_is_needed(case in cases()) {
        let framework = &case.framework;
        let report = assess(&case);
        let plan = &report.plan;
        if plan.note.is_some() {
            return Ok(());
        }
        let items = &plan.items;
        let position = |id: &Id| items.iter().position(|i| i.step == *id);
        for (k, item) in items.iter().enumerate() {
            if !item.closes.is_empty() {
                continue;
            }
            prop_assert!(
                !item.required_by.is_empty(),
                "{} closes nothing and is required by nothing; plan {:?}",
                item.step, steps_of(plan),
            );
            for by in &item.required_by {
                let later = position(by);
                prop_assert!(
                    later.is_some_and(|j| j > k),
                    "{} is required by {by}, which is not later in the plan {:?}",
                    item.step, steps_of(plan),
                );
                prop_assert!(
                    step(framework, by).prerequisites.contains(&item.step),
                    "{} is said to be required by {by}, which does not list it",
                    item.step,
                );
            }
            // Transitively, some later item closes a gap.
            let mut frontier = vec![k];
            let mut found = false;
            while let Some(j) = frontier.pop() {
                if !items[j].closes.is_empty() {
                    found = true;
                    break;
                }
                frontier.extend(items[j].required_by.iter().filter_map(position));
            }
            prop_assert!(found, "{} leads to no item that closes a gap", item.step);
        }
        // `closes` is truthful: each change is a real raise by the step.
        let mut ratings = effective(&report);
        for item in items {
            let s = step(framework, &item.step);
            for change in &item.closes {
                let si = skill_index(framework, &change.skill);
                prop_assert_eq!(change.from, ratings[si], "from of {} in {}", change.skill, item.step);
                prop_assert_eq!(Some(&change.to), s.develops.get(&change.skill));
                prop_assert!(change.to > change.from);
            }
            apply(framework, &mut ratings, s);
        }
    }

    /// Invariant 6: same input, same output, byte for byte, also from a reloaded framework.
    #[test]
    fn same_input_same_output(case in cases()) {
        let first = assess(&case);
        let second = assess(&case);
        prop_assert_eq!(first.to_json(), second.to_json());
        prop_assert_eq!(first.to_markdown(), second.to_markdown());
        prop_assert_eq!(first.to_string(), second.to_string());
        let reloaded = Framework::from_json(&case.framework.to_json())
            .map_err(|e| TestCaseError::fail(format!("reloading failed: {e}")))?;
        let third = assess_opts(&reloaded, &case.assessment, Options::default());
        prop_assert_eq!(first.to_json(), third.to_json());
        prop_assert_eq!(first.to_markdown(), third.to_markdown());
        prop_assert_eq!(&first, &third);
    }

    /// Invariant 7: Framework, Assessment and Report round-trip through JSON.
    #[test]
    fn json_round_trips(case in cases(), cap in any::<bool>()) {
        let reloaded = Framework::from_json(&case.framework.to_json())
            .map_err(|e| TestCaseError::fail(format!("reloading failed: {e}")))?;
        prop_assert_eq!(&reloaded, &case.framework);

        let text = serde_json::to_string(&case.assessment).expect("an assessment serializes");
        let back: Assessment = serde_json::from_str(&text).expect("an assessment deserializes");
        prop_assert_eq!(&back, &case.assessment);
        let back = Assessment::from_json(&case.assessment.to_json()).expect("to_json reloads");
        prop_assert_eq!(&back, &case.assessment);

        let options = if cap { capped() } else { Options::default() };
        let report = assess_opts(&case.framework, &case.assessment, options);
        let json = report.to_json();
        let back: Report = serde_json::from_str(&json)
            .map_err(|e| TestCaseError::fail(format!("the report does not reload: {e}\n{json}")))?;
        for (b, r) in back.levels.iter().zip(&report.levels) {
            prop_assert_eq!(
                b.fit.to_bits(),
                r.fit.to_bits(),
                "fit of {} is {} but comes back from JSON as {}",
                r.level,
                r.fit,
                b.fit,
            );
        }
        prop_assert_eq!(&back, &report);
    }

    /// Completed steps are never planned again.
    #[test]
    fn completed_steps_are_never_planned(case in cases()) {
        let report = assess(&case);
        for item in &report.plan.items {
            prop_assert!(
                !case.assessment.completed_steps.contains(&item.step),
                "completed step {} is planned",
                item.step,
            );
        }
    }

    /// Preferred training changes only the training chosen, when no step is optional; and
    /// the option chosen is the most preferred one the step allows, else the step's first.
    #[test]
    fn training_preferences_change_only_training(
        (case, other) in (cases_with(false), training_subset()),
    ) {
        let framework = &case.framework;
        let mut changed = case.assessment.clone();
        changed.preferences.training = other
            .iter()
            .map(|&t| Id::new(TRAINING[t]).expect("a valid id"))
            .collect();
        let first = assess(&case);
        let second = assess_opts(framework, &changed, Options::default());
        for (assessment, report) in [(&case.assessment, &first), (&changed, &second)] {
            for item in &report.plan.items {
                let allowed = &step(framework, &item.step).training;
                let expected = assessment
                    .preferences
                    .training
                    .iter()
                    .find(|t| allowed.contains(t))
                    .or_else(|| allowed.first());
                prop_assert_eq!(item.training.as_ref(), expected, "training of {}", item.step);
            }
        }
        prop_assert_eq!(without_training(first), without_training(second));
    }

    /// More hours a week never make the plan end later, and never change its steps.
    #[test]
    fn more_hours_never_end_later((case, h, k) in (cases(), 1u32..=40, 1u32..=40)) {
        let framework = &case.framework;
        let mut slow = case.assessment.clone();
        slow.preferences.hours_per_week = Some(h);
        let mut fast = case.assessment.clone();
        fast.preferences.hours_per_week = Some(h + k);
        let slow = assess_opts(framework, &slow, Options::default());
        let fast = assess_opts(framework, &fast, Options::default());
        prop_assert!(
            fast.plan.weeks <= slow.plan.weeks,
            "{} weeks at {} h/week but {} at {}",
            fast.plan.weeks, h + k, slow.plan.weeks, h,
        );
        prop_assert_eq!(steps_of(&fast.plan), steps_of(&slow.plan));
        prop_assert_eq!(fast.plan.total_hours, slow.plan.total_hours);
    }

    /// Items run back to back at the person's hours a week.
    #[test]
    fn schedule_arithmetic(case in cases()) {
        let report = assess(&case);
        let plan = &report.plan;
        let h = u64::from(case.assessment.preferences.hours_per_week.unwrap_or(10));
        prop_assert_eq!(u64::from(plan.hours_per_week), h);
        let mut before = 0u64;
        for item in &plan.items {
            prop_assert_eq!(item.hours, step(&case.framework, &item.step).hours);
            let through = before + u64::from(item.hours);
            prop_assert_eq!(item.start_week, before / h + 1, "start of {}", item.step);
            prop_assert_eq!(item.end_week, through.div_ceil(h), "end of {}", item.step);
            before = through;
        }
        prop_assert_eq!(plan.total_hours, before);
        prop_assert_eq!(plan.total_hours, hours_of(plan));
        prop_assert_eq!(plan.weeks, before.div_ceil(h));
        match (case.assessment.preferences.deadline_weeks, &plan.deadline) {
            (None, None) => {}
            (Some(weeks), Some(d)) => {
                prop_assert_eq!(d.weeks, weeks);
                // A plan with gaps no step closes never reaches the target in time.
                let reachable = plan.unreachable.is_empty();
                prop_assert_eq!(d.fits, reachable && plan.weeks <= u64::from(weeks));
                let needed = before.div_ceil(u64::from(weeks));
                prop_assert_eq!(d.hours_per_week_needed, needed);
                prop_assert_eq!(d.feasible, reachable && needed <= 168);
                if d.fits {
                    prop_assert!(needed <= h);
                }
            }
            (asked, got) => prop_assert!(false, "deadline {asked:?} gave {got:?}"),
        }
    }

    /// Milestones: above readiness, in level order, met exactly after their item, and one
    /// for every level above readiness that the whole plan meets.
    #[test]
    fn milestones_mark_when_levels_are_met(case in cases()) {
        let framework = &case.framework;
        let report = assess(&case);
        let plan = &report.plan;
        let ready = readiness_index(framework, &report);
        let mut previous: Option<usize> = None;
        for m in &plan.milestones {
            let level = level_index(framework, &m.level);
            prop_assert!(ready.is_none_or(|r| level > r), "milestone {} is not above readiness", m.level);
            prop_assert!(previous.is_none_or(|p| level > p), "milestones out of level order");
            previous = Some(level);
            let at = plan.items.iter().position(|i| i.step == m.after_step);
            let Some(at) = at else {
                return Err(TestCaseError::fail(format!("milestone after {} which is not planned", m.after_step)));
            };
            prop_assert_eq!(m.week, plan.items[at].end_week, "week of milestone {}", m.level);
            let mut ratings = effective(&report);
            for item in &plan.items[..at] {
                apply(framework, &mut ratings, step(framework, &item.step));
            }
            prop_assert!(!meets(framework, level, &ratings), "{} is met before {}", m.level, m.after_step);
            apply(framework, &mut ratings, step(framework, &m.after_step));
            for lower in 0..=level {
                prop_assert!(
                    meets(framework, lower, &ratings),
                    "{} is not met after {} (milestone {})",
                    framework.levels()[lower].id, m.after_step, m.level,
                );
            }
        }
        let ratings = replay(framework, &report);
        let first_above = ready.map_or(0, |r| r + 1);
        let expected: Vec<&Id> = (first_above..framework.levels().len())
            .take_while(|&l| meets(framework, l, &ratings))
            .map(|l| &framework.levels()[l].id)
            .collect();
        let found: Vec<&Id> = plan.milestones.iter().map(|m| &m.level).collect();
        prop_assert_eq!(found, expected, "milestones after the plan {:?}", steps_of(plan));
    }
}

/// Invariant 7, second half: `Proficiency` round-trips through `Display`/`FromStr`.
#[test]
fn proficiency_round_trips_through_display() {
    for p in Proficiency::ALL {
        assert_eq!(p.to_string().parse::<Proficiency>(), Ok(p));
        assert_eq!(p.as_u8().to_string().parse::<Proficiency>(), Ok(p));
    }
}

// ---------------------------------------------------------------------------------------
// Shrunk counterexamples of the properties above, kept as plain tests
// ---------------------------------------------------------------------------------------

fn framework(value: Value) -> Framework {
    Framework::from_value(value).expect("a valid framework")
}

/// Invariant 3: a prerequisite that closes no gap itself is still planned before the step
/// that needs it (found by `prerequisites_come_first`).
#[test]
fn a_prerequisite_that_closes_nothing_is_still_planned() {
    let framework = framework(json!({
        "id": "fw", "name": "F",
        "skills": [{ "id": "s0", "name": "S0" }, { "id": "s1", "name": "S1" }],
        "levels": [{ "id": "l0", "name": "L0", "requires": { "s0": "novice" } }],
        "steps": [
            { "id": "p0", "title": "P0", "hours": 1, "develops": { "s1": "novice" } },
            { "id": "p1", "title": "P1", "hours": 1, "prerequisites": ["p0"], "develops": { "s0": "novice" } }
        ]
    }));
    let report = framework.assess(&Assessment::new()).expect("assesses");
    let steps: Vec<&str> = report.plan.items.iter().map(|i| i.step.as_str()).collect();
    assert_eq!(steps, ["p0", "p1"], "p1 needs p0, which is not done");
    assert_eq!(
        report.plan.items[0].required_by,
        [Id::new("p1").expect("an id")]
    );
}

/// Invariant 3 for the habits of a person who already meets the target: a habit's
/// prerequisites are planned first too (found by `prerequisites_come_first`).
#[test]
fn a_habit_plan_respects_prerequisites() {
    let framework = framework(json!({
        "id": "fw", "name": "F",
        "skills": [{ "id": "s0", "name": "S0" }],
        "levels": [{ "id": "l0", "name": "L0" }],
        "steps": [
            { "id": "p0", "title": "P0", "hours": 1, "develops": { "s0": "novice" } },
            { "id": "p1", "title": "P1", "hours": 1, "kind": "habit", "prerequisites": ["p0"], "develops": { "s0": "novice" } }
        ]
    }));
    let report = framework.assess(&Assessment::new()).expect("assesses");
    assert!(report.plan.note.is_some(), "the target is met");
    let steps: Vec<&str> = report.plan.items.iter().map(|i| i.step.as_str()).collect();
    let at = |id: &str| steps.iter().position(|s| *s == id);
    if let Some(habit) = at("p1") {
        assert!(
            at("p0").is_some_and(|pre| pre < habit),
            "habit p1 is planned without its prerequisite p0: {steps:?}"
        );
    }
}

/// Invariant 7: a fit whose shortest form has 17 significant digits round-trips through
/// the JSON report (found by `json_round_trips`).
#[test]
fn a_seventeen_digit_fit_round_trips() {
    let framework = framework(json!({
        "id": "fw", "name": "F",
        "skills": [{ "id": "s0", "name": "S0" }, { "id": "s1", "name": "S1" }, { "id": "s2", "name": "S2" }],
        "levels": [{ "id": "l0", "name": "L0", "requires": { "s0": "expert", "s1": "expert", "s2": "expert" } }]
    }));
    let assessment =
        Assessment::from_json(r#"{ "ratings": { "s0": 2, "s1": 2 } }"#).expect("an assessment");
    let report = framework.assess(&assessment).expect("assesses");
    assert_eq!(
        report.levels[0].fit.to_bits(),
        ((0.15 + 0.15 + 0.05) / 3.0_f64).to_bits()
    );
    let back: Report = serde_json::from_str(&report.to_json()).expect("reloads");
    assert_eq!(
        back.levels[0].fit.to_bits(),
        report.levels[0].fit.to_bits(),
        "{} came back as {}",
        report.levels[0].fit,
        back.levels[0].fit
    );
    assert_eq!(back, report);
}

// ---------------------------------------------------------------------------------------
// The prepared scorer, batches and role matching agree with the full assessment
// ---------------------------------------------------------------------------------------

/// Shuffles rows of `n` ratings with a small deterministic generator.
fn shuffle_rows(ratings: &[Proficiency], n: usize, mut seed: u64) -> Vec<Proficiency> {
    let mut rows: Vec<&[Proficiency]> = ratings.chunks_exact(n).collect();
    for i in (1..rows.len()).rev() {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let j = usize::try_from(seed >> 33).unwrap_or(0) % (i + 1);
        rows.swap(i, j);
    }
    rows.concat()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn prepared_scores_equal_the_full_assessment(case in cases(), cap in any::<bool>()) {
        let options = if cap { capped() } else { Options::default() };
        let report = assess_opts(&case.framework, &case.assessment, options);
        let row = effective(&report);
        let scorer = case.framework.prepare();
        prop_assert_eq!(scorer.readiness(&row).unwrap(), readiness_index(&case.framework, &report));
        for (li, level) in report.levels.iter().enumerate() {
            let scored = scorer.score(&row, li).unwrap();
            prop_assert_eq!(scored.readiness, readiness_index(&case.framework, &report));
            prop_assert_eq!(scored.points.to_bits(), report.points.to_bits());
            prop_assert_eq!(scored.fit.to_bits(), level.fit.to_bits());
            prop_assert_eq!(scored.tier, level.tier);
        }
    }

    #[test]
    fn batches_equal_single_rows_and_ranking_ignores_input_order(
        case in cases(),
        raw in vec(0u8..=5, 0..400),
        k in 0usize..12,
        seed in any::<u64>(),
    ) {
        let scorer = case.framework.prepare();
        let n = scorer.skills();
        let whole = raw.len() / n * n;
        let ratings: Vec<Proficiency> = raw[..whole].iter().map(|&r| proficiency(r)).collect();
        let level = usize::try_from(seed % 64).unwrap() % scorer.levels();
        let batch = scorer.score_batch(&ratings, level).unwrap();
        // A stale buffer of another length: it must be cleared, not appended to.
        let mut reused: Vec<_> = batch.iter().rev().chain(&batch).copied().collect();
        scorer.score_batch_into(&ratings, level, &mut reused).unwrap();
        prop_assert_eq!(&reused, &batch);
        prop_assert_eq!(batch.len(), whole / n);
        for (row, scored) in ratings.chunks_exact(n).zip(&batch) {
            prop_assert_eq!(*scored, scorer.score(row, level).unwrap());
        }

        let top = scorer.top_k(&ratings, level, k).unwrap();
        prop_assert_eq!(top.len(), k.min(batch.len()));
        // Best first, and nobody left out scores better than the last kept.
        for pair in top.windows(2) {
            prop_assert!(pair[0].scored.fit >= pair[1].scored.fit);
        }
        if let Some(last) = top.last() {
            let kept: Vec<usize> = top.iter().map(|r| r.candidate).collect();
            for (i, scored) in batch.iter().enumerate() {
                if !kept.contains(&i) {
                    prop_assert!(scored.fit <= last.scored.fit);
                }
            }
        }
        // The same candidates in another order rank the same (compared by content).
        let shuffled = shuffle_rows(&ratings, n, seed);
        let again = scorer.top_k(&shuffled, level, k).unwrap();
        let content = |ranked: &[skillgauge::Ranked], rows: &[Proficiency]| -> Vec<(u64, u64, Vec<Proficiency>)> {
            ranked
                .iter()
                .map(|r| (r.scored.fit.to_bits(), r.scored.points.to_bits(), rows[r.candidate * n..(r.candidate + 1) * n].to_vec()))
                .collect()
        };
        prop_assert_eq!(content(&top, &ratings), content(&again, &shuffled));
        // And the same input twice gives the same ranking, candidate for candidate.
        prop_assert_eq!(top, scorer.top_k(&ratings, level, k).unwrap());
    }

    #[test]
    fn role_matching_agrees_with_the_full_assessment(case in cases()) {
        let postings: Vec<skillgauge::Posting<'_>> = (0..case.framework.levels().len())
            .map(|level| skillgauge::Posting { framework: &case.framework, level })
            .collect();
        let matches = skillgauge::match_roles(&case.assessment, &postings).unwrap();
        prop_assert_eq!(matches.len(), postings.len());
        for pair in matches.windows(2) {
            prop_assert!(pair[0].fit >= pair[1].fit);
        }
        for m in &matches {
            let mut targeted = case.assessment.clone();
            targeted.preferences.target_level = Some(m.level.clone());
            let report = assess_opts(&case.framework, &targeted, Options::default());
            let level = &report.levels[m.posting];
            prop_assert_eq!(m.fit.to_bits(), level.fit.to_bits());
            prop_assert_eq!(m.ready, readiness_index(&case.framework, &report).is_some_and(|r| r >= m.posting));
            let top: Vec<_> = report.blockers.iter().take(skillgauge::TOP_BLOCKERS).cloned().collect();
            prop_assert_eq!(&m.blockers, &top);
        }
    }
}

#[test]
fn batch_rejects_ragged_input_and_bad_levels() {
    let scorer = Framework::backend_developer().prepare();
    let err = scorer
        .score_batch(&[Proficiency::Novice; 10], 0)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "ratings: 10 ratings do not make rows of 7 skills"
    );
    let err = scorer.score(&[Proficiency::Novice; 7], 4).unwrap_err();
    assert_eq!(err.to_string(), "level: level index 4 is outside 0-3");
    let postings = [skillgauge::Posting {
        framework: Framework::backend_developer(),
        level: 9,
    }];
    let err = skillgauge::match_roles(&Assessment::new(), &postings).unwrap_err();
    assert_eq!(
        err.to_string(),
        "postings[0].level: level index 9 is outside 0-3"
    );
}

#[test]
fn top_k_with_a_huge_k_returns_everyone_without_reserving_k() {
    let scorer = Framework::backend_developer().prepare();
    let rows = vec![Proficiency::Competent; 7 * 3];
    for k in [3, 1 << 40, usize::MAX] {
        assert_eq!(scorer.top_k(&rows, 0, k).unwrap().len(), 3, "k = {k}");
    }
}

#[test]
fn prepared_builtin_framework_is_small() {
    // 7 skills × 6 ratings × (8 + 1) bytes + 4 levels × 7 × 6 × 8 + small vectors.
    let bytes = Framework::backend_developer().prepare().memory_bytes();
    assert!(
        bytes < 4096,
        "prepared built-in framework takes {bytes} bytes"
    );
}

#[cfg(feature = "rayon")]
#[test]
fn parallel_batches_equal_single_thread() {
    let scorer = Framework::backend_developer().prepare();
    // 200,000 candidates: several of the parallel top-k's chunks of 65,536 rows.
    let mut seed = 7u64;
    let ratings: Vec<Proficiency> = (0..200_000 * 7)
        .map(|_| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            proficiency(u8::try_from((seed >> 33) % 6).unwrap())
        })
        .collect();
    for level in 0..4 {
        assert_eq!(
            scorer.score_batch_parallel(&ratings, level).unwrap(),
            scorer.score_batch(&ratings, level).unwrap()
        );
        for k in [0, 1, 10, 1000] {
            assert_eq!(
                scorer.top_k_parallel(&ratings, level, k).unwrap(),
                scorer.top_k(&ratings, level, k).unwrap()
            );
        }
    }
}
