//! Which steps the plan takes, and in what order (DESIGN.md section 3, Selection and
//! Prerequisites): greedy by value per week of each step *together with the unmet
//! prerequisites it pulls in*, in exact arithmetic.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use crate::compile::Compiled;
use crate::definition::StepKind;
use crate::exact::{cmp_ratio, lcm};
use crate::proficiency::Proficiency;
use crate::resolve::Resolved;

/// The study pace at which selection compares steps: the default study hours a week.
const SELECTION_HOURS_PER_WEEK: u32 = crate::assessment::DEFAULT_HOURS_PER_WEEK;

/// How a step would be taken: its training option and its pace.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Taking {
    /// The training option chosen, if the step lists any.
    pub(crate) training: Option<u32>,
    /// Hours a week.
    pub(crate) pace: u32,
    /// Whether the pace is fixed (work, or a fixed-pace training option) rather than the
    /// person's own study hours.
    pub(crate) fixed: bool,
}

/// The training option and pace of a step for this person: the preferred option where the
/// step allows it, else the step's first; experience at the framework's work pace.
pub(crate) fn taking(c: &Compiled, preferred: &[u32], step: usize, hours_per_week: u32) -> Taking {
    let s = &c.steps[step];
    let training = preferred
        .iter()
        .find(|t| s.training.contains(t))
        .or_else(|| s.training.first())
        .copied();
    if s.kind == StepKind::Experience {
        return Taking {
            training,
            pace: c.work_hours,
            fixed: true,
        };
    }
    match training.and_then(|t| c.training_pace[t as usize]) {
        Some(pace) => Taking {
            training,
            pace,
            fixed: true,
        },
        None => Taking {
            training,
            pace: hours_per_week,
            fixed: false,
        },
    }
}

/// The time unit of a plan, in parts of a week: every step's duration (hours / pace) is a
/// whole number of these.
pub(crate) fn units_per_week(c: &Compiled, hours_per_week: u32) -> u128 {
    lcm(c.pace_lcm, u128::from(hours_per_week.max(1)))
}

/// A step chosen for the plan, with the skills it raises where that closes a gap.
pub(crate) struct Chosen {
    pub(crate) step: usize,
    pub(crate) closes: Vec<(usize, Proficiency, Proficiency)>,
}

/// A candidate's priority: value per unit of time, then framework order.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Key {
    value: u128,
    cost: u128,
    step: usize,
}

impl Ord for Key {
    fn cmp(&self, other: &Self) -> Ordering {
        cmp_ratio(self.value, self.cost, other.value, other.cost)
            .then_with(|| other.step.cmp(&self.step))
    }
}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The person's simulated state while the plan is built.
pub(crate) struct Planner<'a> {
    c: &'a Compiled,
    /// The target's requirement per skill.
    required: Vec<Proficiency>,
    pub(crate) ratings: Vec<Proficiency>,
    pub(crate) points: u64,
    target_points: u64,
    completed: &'a [bool],
    planned: Vec<bool>,
    /// Per step: its own cost in time units.
    cost: Vec<u128>,
    /// Per step: whether it may be planned in the first pass.
    first_pass: Vec<bool>,
    undo: Vec<(usize, Proficiency)>,
    /// Weighted gap closed so far, in thousandths: Σ weight × levels raised towards the
    /// target's requirement.
    closed: u128,
    /// Per step: the generation that last visited it, so searches need no fresh memory.
    visited: Vec<u32>,
    generation: u32,
}

impl<'a> Planner<'a> {
    pub(crate) fn new(c: &'a Compiled, r: &'a Resolved<'_>, target: usize) -> Planner<'a> {
        let mut required = vec![Proficiency::None; c.weight.len()];
        for &(s, q) in &c.requires[target] {
            required[s as usize] = q;
        }
        // Steps are compared at the standard study pace, whatever the person's own hours:
        // then the person's hours change only the schedule, never the choice of steps, so
        // more study hours can only bring the end nearer (DESIGN invariant 9). At the
        // standard pace this is exactly the weeks each step takes.
        let unit = units_per_week(c, SELECTION_HOURS_PER_WEEK);
        let cost = (0..c.steps.len())
            .map(|i| {
                let t = taking(c, &r.preferred, i, SELECTION_HOURS_PER_WEEK);
                u128::from(c.steps[i].hours) * (unit / u128::from(t.pace))
            })
            .collect();
        let first_pass = c
            .steps
            .iter()
            .map(|s| !s.optional || s.training.iter().any(|t| r.preferred.contains(t)))
            .collect();
        Planner {
            c,
            required,
            points: crate::score::points(c, &r.ratings),
            ratings: r.ratings.clone(),
            target_points: c.min_points[target],
            completed: &r.completed,
            planned: vec![false; c.steps.len()],
            cost,
            first_pass,
            undo: Vec::new(),
            closed: 0,
            visited: vec![0; c.steps.len()],
            generation: 0,
        }
    }

    fn missing_points(&self) -> u64 {
        self.target_points.saturating_sub(self.points)
    }

    /// Whether any requirement of the target or any of its points are still missing.
    pub(crate) fn has_gap(&self) -> bool {
        self.missing_points() > 0 || self.ratings.iter().zip(&self.required).any(|(r, q)| r < q)
    }

    /// Whether the person already meets everything a step develops. A step that develops
    /// nothing (a licence, an onboarding) is done only when completed or planned.
    fn satisfies(&self, step: usize) -> bool {
        let develops = &self.c.steps[step].develops;
        !develops.is_empty() && develops.iter().all(|&(s, p)| self.ratings[s as usize] >= p)
    }

    fn done(&self, step: usize) -> bool {
        self.completed[step] || self.planned[step] || self.satisfies(step)
    }

    /// Starts a new search over steps: nothing visited yet.
    fn new_search(&mut self) {
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            self.visited.fill(0);
            self.generation = 1;
        }
    }

    /// Marks `step` visited in this search; false when it already was.
    fn visit(&mut self, step: usize) -> bool {
        let fresh = self.visited[step] != self.generation;
        self.visited[step] = self.generation;
        fresh
    }

    /// The step's unmet prerequisites, each after its own, then the step itself.
    fn bundle(&mut self, step: usize) -> Vec<usize> {
        self.new_search();
        self.visit(step);
        let mut out = Vec::new();
        // Iterative post-order depth-first search: (step, next prerequisite to look at).
        let mut stack = vec![(step, 0usize)];
        while let Some(&(node, next)) = stack.last() {
            if let Some(&p) = self.c.steps[node].prerequisites.get(next) {
                if let Some(top) = stack.last_mut() {
                    top.1 += 1;
                }
                let p = p as usize;
                if self.done(p) || !self.visit(p) {
                    continue;
                }
                stack.push((p, 0));
            } else {
                out.push(node);
                stack.pop();
            }
        }
        out
    }

    /// Applies a step; returns the raises that close a gap (a requirement of the target, or
    /// missing points).
    fn apply(&mut self, step: usize) -> Vec<(usize, Proficiency, Proficiency)> {
        let c = self.c;
        let missing = self.missing_points();
        let mut closes = Vec::new();
        for &(s, to) in &c.steps[step].develops {
            let s = s as usize;
            let from = self.ratings[s];
            if to <= from {
                continue;
            }
            let required = self.required[s];
            if required > from || (missing > 0 && c.points[to.index()] > c.points[from.index()]) {
                closes.push((s, from, to));
            }
            if required > from {
                let levels = to.min(required).as_u8() - from.as_u8();
                self.closed += u128::from(c.weight[s]) * u128::from(levels);
            }
            self.undo.push((s, from));
            self.points += c.weight[s] * (c.points[to.index()] - c.points[from.index()]);
            self.ratings[s] = to;
        }
        closes
    }

    /// Undoes every rating change since the undo log had `mark` entries.
    fn undo_to(&mut self, mark: usize) {
        let c = self.c;
        while self.undo.len() > mark {
            let Some((s, from)) = self.undo.pop() else {
                break;
            };
            let to = self.ratings[s];
            self.points -= c.weight[s] * (c.points[to.index()] - c.points[from.index()]);
            let required = self.required[s];
            if required > from {
                let levels = to.min(required).as_u8() - from.as_u8();
                self.closed -= u128::from(c.weight[s]) * u128::from(levels);
            }
            self.ratings[s] = from;
        }
    }

    /// The value of `step` alone now: weighted gap closed plus points gained towards the
    /// missing points (capped at what is missing), in thousandths.
    fn own_value(&mut self, step: usize) -> u128 {
        let (mark, closed, points, missing) = (
            self.undo.len(),
            self.closed,
            self.points,
            self.missing_points(),
        );
        self.apply(step);
        let value = self.closed - closed + u128::from((self.points - points).min(missing));
        self.undo_to(mark);
        value
    }

    /// Applies `step` with its unmet prerequisites, as the plan would take them: each
    /// prerequisite after its own, skipping one that the members before it have satisfied
    /// (it counts as done at that point of the plan). The ratings stay applied; returns the
    /// members in order, `step` last.
    fn apply_bundle(&mut self, step: usize) -> Vec<Chosen> {
        let bundle = self.bundle(step);
        let mark = self.undo.len();
        let mut applied: Vec<Chosen> = Vec::with_capacity(bundle.len());
        for (k, &b) in bundle.iter().enumerate() {
            if k + 1 < bundle.len() && self.satisfies(b) {
                continue;
            }
            let closes = self.apply(b);
            applied.push(Chosen { step: b, closes });
        }
        // A member that closes nothing is needed only as a prerequisite of a needed member;
        // one that only a skipped member needed is left out.
        let mut needed: Vec<bool> = applied.iter().map(|a| !a.closes.is_empty()).collect();
        for k in (0..applied.len()).rev() {
            if needed[k] {
                for &p in &self.c.steps[applied[k].step].prerequisites {
                    if let Some(j) = applied.iter().position(|a| a.step == p as usize) {
                        needed[j] = true;
                    }
                }
            }
        }
        if needed.iter().all(|&n| n) {
            return applied;
        }
        let kept: Vec<usize> = applied
            .iter()
            .zip(&needed)
            .filter(|&(_, &n)| n)
            .map(|(a, _)| a.step)
            .collect();
        self.undo_to(mark);
        if let Some(pruned) = self.apply_checked(&kept) {
            return pruned;
        }
        // A left-out member had satisfied a skipped one that a kept member needs: take the
        // whole bundle as it is, every member the prerequisite of the next.
        self.undo_to(mark);
        bundle
            .iter()
            .map(|&b| Chosen {
                step: b,
                closes: self.apply(b),
            })
            .collect()
    }

    /// Applies `members` in order if each one's prerequisites are done when it comes
    /// (completed, planned, earlier among `members`, or met by the ratings of that point);
    /// `None`, with the ratings as they were on the way, when one is not.
    fn apply_checked(&mut self, members: &[usize]) -> Option<Vec<Chosen>> {
        let mut out = Vec::with_capacity(members.len());
        for (k, &m) in members.iter().enumerate() {
            let ready = self.c.steps[m].prerequisites.iter().all(|&p| {
                let p = p as usize;
                self.done(p) || members[..k].contains(&p)
            });
            if !ready {
                return None;
            }
            out.push(Chosen {
                step: m,
                closes: self.apply(m),
            });
        }
        Some(out)
    }

    /// The key of `step` now: the value of the bundle the plan would take for it, per week
    /// of that bundle; `None` when it cannot be a candidate in this pass.
    fn key(&mut self, step: usize, first: bool) -> Option<Key> {
        let s = &self.c.steps[step];
        if s.kind == StepKind::Habit || self.completed[step] || self.planned[step] {
            return None;
        }
        // A candidate closes something itself; steps that only lead to others are pulled
        // in as prerequisites.
        if self.own_value(step) == 0 {
            return None;
        }
        let (mark, closed, points, missing) = (
            self.undo.len(),
            self.closed,
            self.points,
            self.missing_points(),
        );
        let members = self.apply_bundle(step);
        let value = self.closed - closed + u128::from((self.points - points).min(missing));
        self.undo_to(mark);
        // The step must still close something once its prerequisites are done.
        if members
            .last()
            .is_none_or(|m| m.step != step || m.closes.is_empty())
            || (first && members.iter().any(|m| !self.first_pass[m.step]))
        {
            return None;
        }
        let cost: u128 = members.iter().map(|m| self.cost[m.step]).sum();
        (value > 0).then_some(Key {
            value,
            cost: cost.max(1),
            step,
        })
    }

    /// Takes `step` with its unmet prerequisites; returns the items, prerequisites first.
    fn take(&mut self, step: usize) -> Vec<Chosen> {
        let applied = self.apply_bundle(step);
        for a in &applied {
            self.planned[a.step] = true;
        }
        applied
    }

    /// The steps whose key may have risen because `taken` are now done, or because a raise
    /// of the skills `changed` satisfies a step (outright, or within a bundle): everything
    /// that depends on those, directly or not.
    fn affected(&mut self, taken: &[Chosen], changed: &[usize]) -> Vec<usize> {
        let c = self.c;
        self.new_search();
        let mut stack: Vec<usize> = taken.iter().map(|t| t.step).collect();
        for &s in changed {
            for &d in &c.developers[s] {
                let d = d as usize;
                if self.visit(d) {
                    stack.push(d);
                }
            }
        }
        let mut out = Vec::new();
        while let Some(step) = stack.pop() {
            for &d in &c.dependents[step] {
                let d = d as usize;
                if self.visit(d) {
                    out.push(d);
                    stack.push(d);
                }
            }
        }
        out
    }

    /// Greedy selection: optional steps the person did not ask for only in a second pass,
    /// when gaps remain.
    pub(crate) fn select(&mut self) -> Vec<Chosen> {
        let mut chosen = Vec::new();
        for first in [true, false] {
            if !self.has_gap() {
                break;
            }
            let mut heap: BinaryHeap<Key> = (0..self.c.steps.len())
                .filter_map(|i| self.key(i, first))
                .collect();
            while let Some(top) = heap.pop() {
                if self.planned[top.step] {
                    continue;
                }
                let Some(key) = self.key(top.step, first) else {
                    continue;
                };
                // Keys in the heap bound the true keys from above (see `affected`), so a key
                // that still beats the next one in the heap is the best.
                if key != top || heap.peek().is_some_and(|next| *next > key) {
                    heap.push(key);
                    continue;
                }
                let mark = self.undo.len();
                let taken = self.take(top.step);
                let changed: Vec<usize> = self.undo[mark..].iter().map(|&(s, _)| s).collect();
                for d in self.affected(&taken, &changed) {
                    if let Some(k) = self.key(d, first) {
                        heap.push(k);
                    }
                }
                chosen.extend(taken);
            }
        }
        chosen
    }
}
