//! temp
mod r#gen;
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;
#[test]
fn stats() {
    let mut runner = TestRunner::default();
    let s = r#gen::cases();
    let (mut items, mut plans, mut unr, mut work, mut fixed, mut notes, mut dl, mut feasible, mut ms, mut habits, mut prereq_items, mut optional) = (0,0,0,0,0,0,0,0,0,0,0,0);
    let mut maxitems = 0;
    let n = 500;
    let t = std::time::Instant::now();
    for _ in 0..n {
        let c = s.new_tree(&mut runner).unwrap().current();
        let r = r#gen::assess(&c);
        let p = &r.plan;
        if !p.items.is_empty() { plans += 1; }
        items += p.items.len(); maxitems = maxitems.max(p.items.len());
        if !p.unreachable.is_empty() { unr += 1; }
        if p.items.iter().any(|i| i.track == skillgauge::Track::Work) { work += 1; }
        if p.items.iter().any(|i| i.track == skillgauge::Track::Study && i.hours_per_week != p.hours_per_week) { fixed += 1; }
        if p.note.is_some() { notes += 1; }
        if let Some(d) = &p.deadline { dl += 1; if d.feasible { feasible += 1; } }
        if !p.milestones.is_empty() { ms += 1; }
        if !p.habits.is_empty() { habits += 1; }
        if p.items.iter().any(|i| i.closes.is_empty()) { prereq_items += 1; }
        if p.items.iter().any(|i| c.framework.step(i.step.as_str()).unwrap().optional) { optional += 1; }
    }
    eprintln!("n={n} plans={plans} items={items} max={maxitems} unreachable={unr} work={work} fixed={fixed} notes={notes} deadline={dl} feasible={feasible} milestones={ms} habits={habits} prereq-only={prereq_items} optional={optional} in {:?}", t.elapsed());
}
