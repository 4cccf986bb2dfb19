//! Benchmarks of the full engine on the built-in framework.
#![allow(missing_docs)] // criterion_group! generates undocumented public functions
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use skillgauge::{Assessment, Framework};

const GRADUATE: &str = include_str!("../examples/data/graduate.json");

fn assess(c: &mut Criterion) {
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

criterion_group!(benches, assess);
criterion_main!(benches);
