//! Allocation counts, with a counting global allocator: batch scoring allocates nothing
//! beyond its output, and one `assess` of the built-in framework stays under a stated budget.
//!
//! The counter is per thread, so tests running in parallel do not disturb each other.
#![allow(unsafe_code)] // a `GlobalAlloc` must be an `unsafe impl`; the library forbids unsafe code

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use skillgauge::{Assessment, Framework, LevelScores, Proficiency};

/// The system allocator, counting allocations made by the current thread.
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<u64> = const { Cell::new(0) };
}

fn bump() {
    // `try_with`: the thread-local may already be gone while a thread shuts down.
    let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
}

// SAFETY: every call is forwarded unchanged to `System`, which upholds the contract.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        bump();
        // SAFETY: forwarded with the caller's layout.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        bump();
        // SAFETY: forwarded with the caller's layout.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        bump();
        // SAFETY: `ptr` was allocated by `System` with `layout`, as the caller guarantees.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` with `layout`, as the caller guarantees.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// How many allocations (and reallocations) `f` makes on this thread.
fn allocations<T>(f: impl FnOnce() -> T) -> (u64, T) {
    let before = ALLOCATIONS.with(Cell::get);
    let value = f();
    (ALLOCATIONS.with(Cell::get) - before, value)
}

/// Deterministic rows for the built-in framework, every rating appearing.
fn rows(candidates: usize) -> Vec<Proficiency> {
    let skills = Framework::backend_developer().skills().len();
    (0..candidates * skills)
        .map(|i| Proficiency::ALL[(i * 7 + i / 5) % Proficiency::ALL.len()])
        .collect()
}

#[test]
fn the_counter_sees_allocations() {
    // Without this, a counter that never counts would pass every other test.
    let (n, v) = allocations(|| vec![1u8; 100]);
    assert_eq!(n, 1);
    assert_eq!(v.len(), 100);
}

#[test]
fn batch_scoring_into_a_reused_buffer_allocates_nothing() {
    let prepared = Framework::backend_developer().prepare();
    let ratings = rows(10_000);
    let mut out = Vec::with_capacity(10_000);
    for level in 0..prepared.levels() {
        let (n, result) = allocations(|| prepared.score_batch_into(&ratings, level, &mut out));
        result.expect("whole rows, a valid level");
        assert_eq!(n, 0, "level {level}");
        assert_eq!(out.len(), 10_000);
    }
}

#[test]
fn batch_scoring_allocates_only_its_output() {
    let prepared = Framework::backend_developer().prepare();
    let ratings = rows(10_000);
    let (n, scored) = allocations(|| prepared.score_batch(&ratings, 2));
    assert_eq!(scored.expect("valid").len(), 10_000);
    assert_eq!(n, 1, "one allocation: the output vector");

    let (n, best) = allocations(|| prepared.top_k(&ratings, 2, 10));
    assert_eq!(best.expect("valid").len(), 10);
    assert!(n <= 2, "top-k allocates its heap and its output: {n}");

    let row = &ratings[..prepared.skills()];
    let (n, scored) = allocations(|| prepared.score(row, 1));
    scored.expect("valid");
    assert_eq!(n, 0, "scoring one row");
}

#[test]
fn scoring_every_level_allocates_only_its_output() {
    let prepared = Framework::backend_developer().prepare();
    let ratings = rows(10_000);
    let (n, scores) = allocations(|| prepared.score_levels(&ratings));
    assert_eq!(scores.expect("valid").len(), 10_000);
    assert!(n <= 4, "four output columns: {n}");

    let mut out = LevelScores::new();
    prepared
        .score_levels_into(&ratings, &mut out)
        .expect("valid");
    let (n, result) = allocations(|| prepared.score_levels_into(&ratings, &mut out));
    result.expect("valid");
    assert_eq!((n, out.len()), (0, 10_000), "into a reused buffer");

    let graduate = Assessment::from_json(include_str!("../examples/data/graduate.json"))
        .expect("the sample is valid");
    let (n, scores) = allocations(|| prepared.score_assessment(&graduate));
    assert_eq!(scores.expect("valid").levels(), 4);
    assert_eq!(n, 0, "one assessment on every level");
}

/// The most allocations one `assess` of the built-in framework may make, report included.
const ASSESS_BUDGET: u64 = 90;

#[test]
fn one_assess_of_the_built_in_framework_stays_within_its_budget() {
    let framework = Framework::backend_developer();
    let graduate = Assessment::from_json(include_str!("../examples/data/graduate.json"))
        .expect("the sample is valid");
    // The first call may build lazily initialised data; count a later one.
    framework.assess(&graduate).expect("valid");
    let (n, report) = allocations(|| framework.assess(&graduate));
    let report = report.expect("valid");
    assert!(!report.plan.items.is_empty(), "the sample has a plan");
    eprintln!("one assess: {n} allocations");
    assert!(
        n <= ASSESS_BUDGET,
        "one assess made {n} allocations, budget {ASSESS_BUDGET}"
    );
}
