//! Benchmarks: the full engine, the prepared scorer, batches, role matching, and how cost
//! grows with framework size. Run with `cargo bench`; figures are in the README.
#![allow(missing_docs)] // criterion_group! generates undocumented public functions

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use serde_json::{Value, json};
use skillgauge::{
    Assessment, Framework, LevelScores, Posting, Proficiency, match_roles, match_top_roles,
};

const GRADUATE: &str = include_str!("../examples/data/graduate.json");

/// A small deterministic generator, so every run measures the same inputs.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }
}

fn level_name(l: usize) -> String {
    format!("l{l}")
}

/// A synthetic framework: `skills` skills, `skills / 2` steps in a DAG (each developing three
/// skills, with up to two earlier prerequisites), and five levels requiring every skill at
/// monotone proficiencies.
fn synthetic(skills: usize, seed: u64) -> (Framework, Assessment) {
    synthetic_with(skills, skills / 2, seed, None)
}

/// As [`synthetic`], with `steps` steps and an optional points table.
fn synthetic_with(
    skills: usize,
    step_count: usize,
    seed: u64,
    points: Option<[u32; 6]>,
) -> (Framework, Assessment) {
    let mut rng = Lcg(seed);
    let skill_list: Vec<Value> = (0..skills)
        .map(|i| json!({ "id": format!("s{i}"), "name": format!("Skill {i}"), "weight": 1 + rng.next(3) }))
        .collect();
    let base: Vec<u64> = (0..skills).map(|_| rng.next(2)).collect();
    let levels: Vec<Value> = (0..5)
        .map(|l| {
            let requires: serde_json::Map<String, Value> = base
                .iter()
                .enumerate()
                .map(|(i, b)| (format!("s{i}"), json!((b + l as u64).min(5))))
                .filter(|(_, p)| p != &json!(0))
                .collect();
            json!({ "id": level_name(l), "name": format!("Level {l}"), "requires": requires })
        })
        .collect();
    let steps: Vec<Value> = (0..step_count)
        .map(|i| {
            let develops: serde_json::Map<String, Value> = (0..3)
                .map(|_| {
                    (
                        format!("s{}", rng.next(skills as u64)),
                        json!(1 + rng.next(5)),
                    )
                })
                .collect();
            let prerequisites: Vec<String> = if i == 0 {
                Vec::new()
            } else {
                let mut p: Vec<String> = (0..rng.next(3))
                    .map(|_| format!("t{}", rng.next(i as u64)))
                    .collect();
                p.sort();
                p.dedup();
                p
            };
            json!({ "id": format!("t{i}"), "title": format!("Step {i}"), "hours": 1 + rng.next(80),
                    "develops": develops, "prerequisites": prerequisites })
        })
        .collect();
    let mut value = json!({
        "id": "synthetic", "name": "Synthetic", "skills": skill_list, "levels": levels, "steps": steps
    });
    if let Some(points) = points {
        value["points"] = json!(points);
    }
    let framework = Framework::from_value(value).expect("synthetic framework is valid");
    let mut ratings = serde_json::Map::new();
    for i in 0..skills {
        if rng.next(2) == 0 {
            ratings.insert(format!("s{i}"), json!(rng.next(4)));
        }
    }
    let assessment =
        Assessment::from_json(&json!({ "ratings": ratings }).to_string()).expect("valid");
    (framework, assessment)
}

fn engine(c: &mut Criterion) {
    let framework = Framework::backend_developer();
    let assessment = Assessment::from_json(GRADUATE).expect("sample assessment is valid");
    c.bench_function("a_assess_with_plan_builtin", |b| {
        b.iter(|| framework.assess(black_box(&assessment)).expect("valid"));
    });
    c.bench_function("b_json_in_json_out_builtin", |b| {
        b.iter(|| {
            let a = Assessment::from_json(black_box(GRADUATE)).expect("valid");
            framework.assess(&a).expect("valid").to_json()
        });
    });
}

fn prepared(c: &mut Criterion) {
    let scorer = Framework::backend_developer().prepare();
    let row = [
        Proficiency::Competent,
        Proficiency::AdvancedBeginner,
        Proficiency::AdvancedBeginner,
        Proficiency::Novice,
        Proficiency::Competent,
        Proficiency::AdvancedBeginner,
        Proficiency::Competent,
    ];
    c.bench_function("c_prepared_readiness_builtin", |b| {
        b.iter(|| scorer.readiness(black_box(&row)).expect("valid"));
    });
    c.bench_function("c_prepared_score_builtin", |b| {
        b.iter(|| scorer.score(black_box(&row), 1).expect("valid"));
    });
    let graduate = Assessment::from_json(GRADUATE).expect("sample assessment is valid");
    c.bench_function("c_score_assessment_all_levels_builtin", |b| {
        b.iter(|| {
            scorer
                .score_assessment(black_box(&graduate))
                .expect("valid")
        });
    });

    let mut rng = Lcg(42);
    let candidates: usize = 1_000_000;
    let ratings: Vec<Proficiency> = (0..candidates * 7)
        .map(|_| Proficiency::ALL[usize::try_from(rng.next(6)).unwrap_or(0)])
        .collect();
    let mut group = c.benchmark_group("d_batch_1m_builtin");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(8))
        .throughput(Throughput::Elements(1_000_000));
    group.bench_function("score_batch", |b| {
        b.iter(|| scorer.score_batch(black_box(&ratings), 1).expect("valid"));
    });
    let mut out = Vec::with_capacity(candidates);
    group.bench_function("score_batch_into_reused", |b| {
        b.iter(|| {
            scorer
                .score_batch_into(black_box(&ratings), 1, &mut out)
                .expect("valid");
        });
    });
    let mut levels = LevelScores::new();
    group.bench_function("score_levels_into_reused_all_4_levels", |b| {
        b.iter(|| {
            scorer
                .score_levels_into(black_box(&ratings), &mut levels)
                .expect("valid");
        });
    });
    group.bench_function("top_100", |b| {
        b.iter(|| scorer.top_k(black_box(&ratings), 1, 100).expect("valid"));
    });
    #[cfg(feature = "rayon")]
    group.bench_function("score_batch_parallel", |b| {
        b.iter(|| {
            scorer
                .score_batch_parallel(black_box(&ratings), 1)
                .expect("valid")
        });
    });
    group.finish();
}

fn roles(c: &mut Criterion) {
    // 1,000 postings: 250 synthetic frameworks of 10 to 40 skills, each at its 4 lower levels.
    let frameworks: Vec<Framework> = (0..250)
        .map(|i| synthetic(10 + i % 31, i as u64).0)
        .collect();
    let postings: Vec<Posting<'_>> = frameworks
        .iter()
        .flat_map(|f| {
            (0..4).map(move |level| Posting {
                framework: f,
                level,
            })
        })
        .collect();
    let mut rng = Lcg(9);
    let ratings: serde_json::Map<String, Value> = (0..40)
        .map(|i| (format!("s{i}"), json!(rng.next(6))))
        .collect();
    let person = Assessment::from_json(&json!({ "ratings": ratings }).to_string()).expect("valid");
    c.bench_function("e_match_1000_postings", |b| {
        b.iter(|| match_roles(black_box(&person), &postings).expect("valid"));
    });
    c.bench_function("e_match_top_10_of_1000_postings", |b| {
        b.iter(|| match_top_roles(black_box(&person), &postings, 10).expect("valid"));
    });
}

fn scale(c: &mut Criterion) {
    let mut group = c.benchmark_group("f_g_assess_with_plan_synthetic");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for skills in [1_000, 10_000, 100_000] {
        let (framework, assessment) = synthetic(skills, 1);
        group.throughput(Throughput::Elements(skills as u64));
        group.bench_with_input(BenchmarkId::from_parameter(skills), &skills, |b, _| {
            b.iter(|| framework.assess(black_box(&assessment)).expect("valid"));
        });
    }
    group.finish();
}

/// Planning from an empty assessment, one rating, and with a flat points table, at
/// 1,000 to 100,000 skills and as many steps: the cost should grow no worse than n log n.
fn planning(c: &mut Criterion) {
    let mut group = c.benchmark_group("h_plan_empty_synthetic");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    for skills in [1_000, 10_000, 100_000] {
        for (case, points) in [("default", None), ("flat", Some([0; 6]))] {
            let (framework, _) = synthetic_with(skills, skills, 3, points);
            let empty = Assessment::new();
            let one = Assessment::new()
                .rate("s0", Proficiency::Novice)
                .expect("valid id");
            group.bench_with_input(
                BenchmarkId::new(format!("{case}/empty"), skills),
                &skills,
                |b, _| {
                    b.iter(|| framework.assess(black_box(&empty)).expect("valid"));
                },
            );
            group.bench_with_input(
                BenchmarkId::new(format!("{case}/one"), skills),
                &skills,
                |b, _| {
                    b.iter(|| framework.assess(black_box(&one)).expect("valid"));
                },
            );
        }
    }
    group.finish();
}

criterion_group!(benches, engine, prepared, roles, scale, planning);
criterion_main!(benches);
