//! Which steps the plan takes, and in what order (DESIGN.md section 3, Selection and
//! Prerequisites): greedy by value per week of each step *together with the unmet
//! prerequisites it pulls in*, in exact arithmetic.
//!
//! # How the greedy choice stays cheap
//!
//! Every candidate's key (the value of the bundle the plan would take for it, per week of
//! that bundle) sits in a heap, exact and stamped with a version. A key depends only on the
//! state of the steps in the candidate's bundle — whether each is done, and the ratings of
//! the skills they develop — and on the points still missing. So after each take only the
//! candidates whose bundle holds a step that the take planned, or whose raises it changed,
//! are evaluated again (found by walking dependents through steps not yet done); every
//! other key is still exact. The points still missing change every key only through the
//! cap on points gained, which is applied when a key reaches the top of the heap, and
//! through which members close something; each evaluation records the points-missing level
//! at which that could change, and is evaluated again when it is reached.
//!
//! The work is one evaluation per step at the start of each pass, then one per candidate
//! affected by a take, each in the size of that candidate's bundle, with no allocation:
//! every search reuses the planner's buffers and generation stamps.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::ops::Range;

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

/// A raise that closes a gap: (skill, from, to).
pub(crate) type Raise = (u32, Proficiency, Proficiency);

/// A step chosen for the plan, with the raises it makes that close a gap.
pub(crate) struct Chosen {
    pub(crate) step: usize,
    /// Its raises, in [`Selection::raises`].
    pub(crate) closes: Range<usize>,
}

/// The steps chosen, in plan order, and their raises that close a gap.
pub(crate) struct Selection {
    pub(crate) chosen: Vec<Chosen>,
    pub(crate) raises: Vec<Raise>,
}

impl Selection {
    /// The raises of a chosen step that close a gap.
    pub(crate) fn closes(&self, chosen: &Chosen) -> &[Raise] {
        self.raises.get(chosen.closes.clone()).unwrap_or_default()
    }
}

/// A key, evaluated: the gap its bundle closes and the points it gains (before the cap at
/// what is missing), in thousandths, and its cost in time units.
#[derive(Clone, Copy)]
struct Key {
    closed: u128,
    gained: u64,
    cost: u128,
}

/// Done, as planned so far: completed, planned, or everything it develops met.
const DONE: u8 = 1;
const PLANNED: u8 = 2;
/// Never a candidate again: a habit, completed, or closing nothing on its own (which only
/// stays so as ratings rise and points come in).
const DEAD: u8 = 4;
/// May be planned in the first pass.
const FIRST_PASS: u8 = 8;

/// What searches read and write per step, kept small so that walks stay in cache.
#[derive(Clone, Copy, Default)]
struct Mark {
    /// The generation of the search that last visited it.
    visited: u32,
    /// Its position among a bundle's members, valid while `visited` is current.
    position: u32,
    flags: u8,
}

/// What the planner keeps per skill.
#[derive(Clone, Copy)]
struct SkillState {
    rating: Proficiency,
    /// The target's requirement.
    required: Proficiency,
    /// The rating before the current take, valid while `stamp` is current.
    before: Proficiency,
    stamp: u32,
}

/// Not in the queue.
const ABSENT: u32 = u32::MAX;

/// Candidates by key, best first: an indexed binary heap with at most one entry per step.
/// Entries carry an approximation of their ratio, so most comparisons are one of floats;
/// near-ties are decided exactly.
struct Queue {
    /// (value / cost, approximately; step).
    heap: Vec<(f64, u32)>,
    /// Per step: its position in `heap`, or [`ABSENT`].
    at: Vec<u32>,
    /// Per step: its value and cost, exactly.
    exact: Vec<(u128, u128)>,
}

impl Queue {
    fn new(steps: usize) -> Queue {
        Queue {
            heap: Vec::with_capacity(steps),
            at: vec![ABSENT; steps],
            exact: vec![(0, 1); steps],
        }
    }

    fn clear(&mut self) {
        for &(_, step) in &self.heap {
            self.at[step as usize] = ABSENT;
        }
        self.heap.clear();
    }

    /// The best step and its value.
    fn top(&self) -> Option<(usize, u128)> {
        self.heap
            .first()
            .map(|&(_, step)| (step as usize, self.exact[step as usize].0))
    }

    /// Whether entry `a` ranks above entry `b`: a greater ratio, exactly, then the earlier
    /// step.
    fn above(&self, a: (f64, u32), b: (f64, u32)) -> bool {
        // The approximations are within a few units in the last place of the ratios: a
        // margin far wider than that decides without the exact comparison.
        const MARGIN: f64 = 1.0 + 1e-9;
        if a.0 > b.0 * MARGIN {
            return true;
        }
        if b.0 > a.0 * MARGIN {
            return false;
        }
        let (va, ca) = self.exact[a.1 as usize];
        let (vb, cb) = self.exact[b.1 as usize];
        match cmp_ratio(va, ca, vb, cb) {
            Ordering::Greater => true,
            Ordering::Less => false,
            Ordering::Equal => a.1 < b.1,
        }
    }

    /// Files `step` with this value and cost (cost > 0).
    #[allow(clippy::cast_precision_loss)] // an approximation; ties are decided exactly
    fn set(&mut self, step: usize, value: u128, cost: u128) {
        self.exact[step] = (value, cost);
        let entry = (value as f64 / cost as f64, index(step));
        let mut i = self.at[step] as usize;
        if self.at[step] == ABSENT {
            i = self.heap.len();
            self.heap.push(entry);
        } else {
            self.heap[i] = entry;
        }
        let i = self.sift_up(i);
        self.sift_down(i);
    }

    fn remove(&mut self, step: usize) {
        let at = self.at[step];
        if at == ABSENT {
            return;
        }
        self.at[step] = ABSENT;
        let i = at as usize;
        let Some(last) = self.heap.pop() else {
            return;
        };
        if i < self.heap.len() {
            self.heap[i] = last;
            let i = self.sift_up(i);
            self.sift_down(i);
        }
    }

    fn place(&mut self, i: usize, entry: (f64, u32)) {
        self.heap[i] = entry;
        self.at[entry.1 as usize] = index(i);
    }

    fn sift_up(&mut self, mut i: usize) -> usize {
        let entry = self.heap[i];
        while i > 0 {
            let parent = (i - 1) / 2;
            if !self.above(entry, self.heap[parent]) {
                break;
            }
            self.place(i, self.heap[parent]);
            i = parent;
        }
        self.place(i, entry);
        i
    }

    fn sift_down(&mut self, mut i: usize) {
        let entry = self.heap[i];
        let len = self.heap.len();
        loop {
            let left = 2 * i + 1;
            if left >= len {
                break;
            }
            let right = left + 1;
            let child = if right < len && self.above(self.heap[right], self.heap[left]) {
                right
            } else {
                left
            };
            if !self.above(self.heap[child], entry) {
                break;
            }
            self.place(i, self.heap[child]);
            i = child;
        }
        self.place(i, entry);
    }
}

/// The person's simulated state while the plan is built, with the buffers every search
/// reuses.
pub(crate) struct Planner<'a> {
    c: &'a Compiled,
    skills: Vec<SkillState>,
    marks: Vec<Mark>,
    /// Per step: its own cost in time units, at the selection pace.
    cost: Vec<u128>,
    /// Per step: the key last evaluated.
    keys: Vec<Option<Key>>,
    /// Per step: bumped at each evaluation, to recognise outdated thresholds.
    version: Vec<u32>,
    pub(crate) points: u64,
    target_points: u64,
    /// Weighted gap closed so far, in thousandths: Σ weight × levels raised towards the
    /// target's requirement.
    closed: u128,
    /// Rating changes, for undoing a trial.
    undo: Vec<(u32, Proficiency)>,
    generation: u32,
    /// The fewest points missing that a member closing something with points alone met,
    /// during the current evaluation.
    least_missing: u64,
    candidates: Queue,
    /// (points missing at or below which to evaluate again, step, version).
    thresholds: BinaryHeap<(u64, u32, u32)>,
    // Buffers.
    stack: Vec<(u32, u32)>,
    bundle: Vec<u32>,
    members: Vec<(u32, bool)>,
    kept: Vec<u32>,
    affected: Vec<u32>,
    chosen: Vec<Chosen>,
    raises: Vec<Raise>,
}

impl<'a> Planner<'a> {
    pub(crate) fn new(c: &'a Compiled, r: &'a Resolved<'_>, target: usize) -> Planner<'a> {
        let mut skills: Vec<SkillState> = r
            .ratings
            .iter()
            .map(|&rating| SkillState {
                rating,
                required: Proficiency::None,
                before: rating,
                stamp: 0,
            })
            .collect();
        for &(s, q) in &c.requires[target] {
            skills[s as usize].required = q;
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
        let marks = c
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let mut flags = 0;
                if !s.optional || s.training.iter().any(|t| r.preferred.contains(t)) {
                    flags |= FIRST_PASS;
                }
                if r.completed[i] || s.kind == StepKind::Habit {
                    flags |= DEAD;
                }
                if r.completed[i] || satisfied(c, &skills, i) {
                    flags |= DONE;
                }
                Mark {
                    flags,
                    ..Mark::default()
                }
            })
            .collect();
        let steps = c.steps.len();
        Planner {
            c,
            skills,
            marks,
            cost,
            keys: vec![None; steps],
            version: vec![0; steps],
            points: crate::score::points(c, &r.ratings),
            target_points: c.min_points[target],
            closed: 0,
            // Buffers sized for a plan that takes every step, so they do not grow on the way.
            undo: Vec::with_capacity(c.develops.len()),
            generation: 0,
            least_missing: u64::MAX,
            candidates: Queue::new(steps),
            thresholds: BinaryHeap::with_capacity(steps),
            stack: Vec::with_capacity(steps),
            bundle: Vec::with_capacity(steps),
            members: Vec::with_capacity(steps),
            kept: Vec::with_capacity(steps),
            affected: Vec::with_capacity(steps),
            chosen: Vec::with_capacity(steps),
            raises: Vec::with_capacity(c.develops.len()),
        }
    }

    /// The rating of `skill` the plan reaches so far.
    pub(crate) fn rating(&self, skill: usize) -> Proficiency {
        self.skills[skill].rating
    }

    fn missing_points(&self) -> u64 {
        self.target_points.saturating_sub(self.points)
    }

    /// Whether any requirement of the target or any of its points are still missing.
    pub(crate) fn has_gap(&self) -> bool {
        self.missing_points() > 0 || self.skills.iter().any(|s| s.rating < s.required)
    }

    /// Whether a step is done at this point of a trial: done as planned so far, or
    /// everything it develops met by the ratings of the trial.
    fn done_now(&self, step: usize) -> bool {
        self.marks[step].flags & DONE != 0 || satisfied(self.c, &self.skills, step)
    }

    /// Starts a new search over steps: nothing visited yet.
    fn new_search(&mut self) -> u32 {
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            for m in &mut self.marks {
                m.visited = 0;
            }
            for s in &mut self.skills {
                s.stamp = 0;
            }
            self.generation = 1;
        }
        self.generation
    }

    /// Marks `step` visited in this search; false when it already was.
    fn visit(&mut self, step: usize) -> bool {
        let mark = &mut self.marks[step];
        let fresh = mark.visited != self.generation;
        mark.visited = self.generation;
        fresh
    }

    /// The step's unmet prerequisites, each after its own, then the step itself, into
    /// `self.bundle`.
    fn collect_bundle(&mut self, step: usize) {
        self.new_search();
        self.visit(step);
        self.bundle.clear();
        self.stack.clear();
        // Iterative post-order depth-first search: (step, next prerequisite to look at).
        self.stack.push((index(step), 0));
        while let Some(top) = self.stack.last_mut() {
            let node = top.0 as usize;
            if let Some(&p) = self.c.prerequisites.of(node).get(top.1 as usize) {
                top.1 += 1;
                let p = p as usize;
                if self.marks[p].flags & DONE != 0 || !self.visit(p) {
                    continue;
                }
                self.stack.push((index(p), 0));
            } else {
                self.bundle.push(index(node));
                self.stack.pop();
            }
        }
    }

    /// Applies a step; returns whether it closes a gap (a requirement of the target, or
    /// missing points). With `record`, the raises that close one are kept for the plan.
    fn apply(&mut self, step: usize, record: bool) -> bool {
        let c = self.c;
        let missing = self.missing_points();
        let (mut by_requirement, mut by_points) = (false, false);
        for &(s, to) in c.develops.of(step) {
            let skill = &mut self.skills[s as usize];
            let from = skill.rating;
            if to <= from {
                continue;
            }
            let required = skill.required;
            let gained = c.points[to.index()] - c.points[from.index()];
            let closes = if required > from {
                by_requirement = true;
                let levels = to.min(required).as_u8() - from.as_u8();
                self.closed += u128::from(c.weight[s as usize]) * u128::from(levels);
                true
            } else if missing > 0 && gained > 0 {
                by_points = true;
                true
            } else {
                false
            };
            if closes && record {
                self.raises.push((s, from, to));
            }
            skill.rating = to;
            self.undo.push((s, from));
            self.points += c.weight[s as usize] * gained;
        }
        if by_points && !by_requirement {
            // It closes something only while points are missing at this point: note how
            // far that is from running out.
            self.least_missing = self.least_missing.min(missing);
        }
        by_requirement || by_points
    }

    /// Undoes every rating change since the undo log had `mark` entries.
    fn undo_to(&mut self, mark: usize) {
        let c = self.c;
        while self.undo.len() > mark {
            let Some((s, from)) = self.undo.pop() else {
                break;
            };
            let skill = &mut self.skills[s as usize];
            let to = skill.rating;
            self.points -= c.weight[s as usize] * (c.points[to.index()] - c.points[from.index()]);
            if skill.required > from {
                let levels = to.min(skill.required).as_u8() - from.as_u8();
                self.closed -= u128::from(c.weight[s as usize]) * u128::from(levels);
            }
            skill.rating = from;
        }
    }

    /// Whether `step` alone would close anything now. Once it would not, it never will:
    /// ratings only rise and the missing points only fall.
    fn closes_alone(&self, step: usize) -> bool {
        let c = self.c;
        let missing = self.missing_points();
        c.develops.of(step).iter().any(|&(s, to)| {
            let skill = &self.skills[s as usize];
            to > skill.rating
                && (skill.required > skill.rating
                    || (missing > 0 && c.points[to.index()] > c.points[skill.rating.index()]))
        })
    }

    /// Applies `step` with its unmet prerequisites, as the plan would take them: each
    /// prerequisite after its own, skipping one that the members before it have satisfied
    /// (it counts as done at that point of the plan). The ratings stay applied; the members
    /// are left in `self.members` in order, `step` last, each with whether it closes a gap.
    fn apply_bundle(&mut self, step: usize) {
        self.collect_bundle(step);
        let mark = self.undo.len();
        self.members.clear();
        let last = self.bundle.len() - 1;
        for k in 0..self.bundle.len() {
            let b = self.bundle[k] as usize;
            let raises = self.undo.len();
            let closes = self.apply(b, false);
            // A prerequisite that raises nothing is satisfied at this point: skipped.
            if k < last && self.undo.len() == raises && !self.c.develops.of(b).is_empty() {
                continue;
            }
            self.members.push((index(b), closes));
        }
        // A member that closes nothing is needed only as a prerequisite of a needed member;
        // one that only a skipped member needed is left out.
        if self.members.iter().all(|&(_, closes)| closes) {
            return;
        }
        let generation = self.new_search();
        for (k, &(m, _)) in self.members.iter().enumerate() {
            let mark = &mut self.marks[m as usize];
            mark.visited = generation;
            mark.position = index(k);
        }
        let mut all_needed = true;
        for k in (0..self.members.len()).rev() {
            let (m, needed) = self.members[k];
            if !needed {
                all_needed = false;
                continue;
            }
            for &p in self.c.prerequisites.of(m as usize) {
                let mark = self.marks[p as usize];
                if mark.visited == generation {
                    self.members[mark.position as usize].1 = true;
                }
            }
        }
        if all_needed {
            return;
        }
        self.kept.clear();
        self.kept
            .extend(self.members.iter().filter(|m| m.1).map(|&(m, _)| m));
        self.undo_to(mark);
        if self.apply_kept() {
            return;
        }
        // A left-out member had satisfied a skipped one that a kept member needs: take the
        // whole bundle as it is, every member the prerequisite of the next.
        self.undo_to(mark);
        self.members.clear();
        for k in 0..self.bundle.len() {
            let b = self.bundle[k] as usize;
            let closes = self.apply(b, false);
            self.members.push((index(b), closes));
        }
    }

    /// Applies `self.kept` in order if each one's prerequisites are done when it comes
    /// (completed, planned, earlier among them, or met by the ratings of that point), into
    /// `self.members`; false, with the ratings as they were on the way, when one is not.
    fn apply_kept(&mut self) -> bool {
        let generation = self.new_search();
        self.members.clear();
        for k in 0..self.kept.len() {
            let m = self.kept[k] as usize;
            let ready = self.c.prerequisites.of(m).iter().all(|&p| {
                let p = p as usize;
                self.marks[p].visited == generation || self.done_now(p)
            });
            if !ready {
                return false;
            }
            let closes = self.apply(m, false);
            self.members.push((index(m), closes));
            self.marks[m].visited = generation;
        }
        true
    }

    /// The key of `step` now: the value of the bundle the plan would take for it, per week
    /// of that bundle; `None` when it cannot be a candidate in this pass. Leaves in
    /// `self.least_missing` what tells when it must be evaluated again as points come in.
    fn evaluate(&mut self, step: usize, first: bool) -> Option<Key> {
        self.least_missing = u64::MAX;
        let flags = self.marks[step].flags;
        if flags & (DEAD | PLANNED) != 0 || (first && flags & FIRST_PASS == 0) {
            return None;
        }
        // A candidate closes something itself; steps that only lead to others are pulled
        // in as prerequisites.
        if !self.closes_alone(step) {
            self.marks[step].flags |= DEAD;
            return None;
        }
        let (mark, closed, points) = (self.undo.len(), self.closed, self.points);
        self.apply_bundle(step);
        let key = Key {
            closed: self.closed - closed,
            gained: self.points - points,
            cost: self
                .members
                .iter()
                .map(|&(m, _)| self.cost[m as usize])
                .sum(),
        };
        self.undo_to(mark);
        // The step must still close something once its prerequisites are done.
        let candidate = self
            .members
            .last()
            .is_some_and(|&(m, closes)| m as usize == step && closes)
            && !(first
                && self
                    .members
                    .iter()
                    .any(|&(m, _)| self.marks[m as usize].flags & FIRST_PASS == 0));
        candidate.then_some(key)
    }

    /// The value of a key with the points missing now.
    fn value(&self, key: Key) -> u128 {
        key.closed + u128::from(key.gained.min(self.missing_points()))
    }

    /// Evaluates `step` again and files its key.
    fn rekey(&mut self, step: usize, first: bool) {
        let key = self.evaluate(step, first);
        self.version[step] = self.version[step].wrapping_add(1);
        self.keys[step] = key;
        let Some(key) = key else {
            self.candidates.remove(step);
            return;
        };
        let missing = self.missing_points();
        if self.least_missing != u64::MAX {
            // Once the missing points fall to `missing - least_missing`, a member closing
            // with points alone closes nothing any more, and the bundle may change.
            self.thresholds.push((
                missing - self.least_missing,
                index(step),
                self.version[step],
            ));
        }
        let value = self.value(key);
        if value > 0 {
            self.candidates.set(step, value, key.cost.max(1));
        } else {
            self.candidates.remove(step);
        }
    }

    /// Takes `step` with its unmet prerequisites, and evaluates again every candidate whose
    /// key that may change.
    fn take(&mut self, step: usize, first: bool) {
        let mark = self.undo.len();
        let missing = self.missing_points();
        self.apply_bundle(step);
        // Apply the members again, recording what each closes: the same sequence, so the
        // same raises.
        self.undo_to(mark);
        for k in 0..self.members.len() {
            let m = self.members[k].0 as usize;
            let start = self.raises.len();
            self.apply(m, true);
            self.chosen.push(Chosen {
                step: m,
                closes: start..self.raises.len(),
            });
            self.marks[m].flags |= PLANNED | DONE;
            self.candidates.remove(m);
        }
        self.find_affected(mark);
        let affected = std::mem::take(&mut self.affected);
        for &d in &affected {
            self.rekey(d as usize, first);
        }
        self.affected = affected;
        let now = self.missing_points();
        if now < missing {
            while let Some(&(at, s, version)) = self.thresholds.peek() {
                if at < now {
                    break;
                }
                self.thresholds.pop();
                if self.version[s as usize] == version {
                    self.rekey(s as usize, first);
                }
            }
        }
    }

    /// Into `self.affected`, the candidates whose key may have changed with the take whose
    /// rating changes start at `mark` in the undo log: those whose bundle holds a step the
    /// take planned, or a step whose raises it changed. A bundle holds the step itself and
    /// its unmet prerequisites reached through unmet steps, so they are found from those
    /// sources through dependents, passing only steps not done (a step that became done
    /// with this take is itself a source).
    fn find_affected(&mut self, mark: usize) {
        let c = self.c;
        let generation = self.new_search();
        self.affected.clear();
        for k in 0..self.members.len() {
            let m = self.members[k].0 as usize;
            if self.visit(m) {
                self.affected.push(index(m));
            }
        }
        // The rating each changed skill had before the take.
        for k in mark..self.undo.len() {
            let (s, from) = self.undo[k];
            let skill = &mut self.skills[s as usize];
            if skill.stamp != generation {
                skill.stamp = generation;
                skill.before = from;
            }
        }
        for k in mark..self.undo.len() {
            let s = self.undo[k].0 as usize;
            let before = self.skills[s].before;
            for &d in c.developers.of(s) {
                let d = d as usize;
                // A step raising the skill no higher than it was is not changed.
                let raised = c
                    .develops
                    .of(d)
                    .iter()
                    .any(|&(x, to)| x as usize == s && to > before);
                if raised && self.visit(d) {
                    if satisfied(c, &self.skills, d) {
                        self.marks[d].flags |= DONE;
                    }
                    self.affected.push(index(d));
                }
            }
        }
        let sources = self.affected.len();
        let mut k = 0;
        while k < self.affected.len() {
            let u = self.affected[k] as usize;
            if k < sources || self.marks[u].flags & DONE == 0 {
                for &d in c.dependents.of(u) {
                    if self.visit(d as usize) {
                        self.affected.push(d);
                    }
                }
            }
            k += 1;
        }
        // Keep the candidates.
        let marks = &self.marks;
        self.affected
            .retain(|&u| marks[u as usize].flags & (DEAD | PLANNED) == 0);
    }

    /// Greedy selection: optional steps the person did not ask for only in a second pass,
    /// when gaps remain.
    pub(crate) fn select(&mut self) -> Selection {
        for first in [true, false] {
            if !self.has_gap() {
                break;
            }
            self.candidates.clear();
            self.thresholds.clear();
            for i in 0..self.c.steps.len() {
                self.rekey(i, first);
            }
            while let Some((step, filed)) = self.candidates.top() {
                let Some(key) = self.keys[step] else {
                    self.candidates.remove(step);
                    continue;
                };
                // Every key in the queue is exact but for the cap at the points missing,
                // which only falls: a key that still holds is the best.
                let value = self.value(key);
                if value == filed {
                    self.take(step, first);
                } else if value > 0 {
                    self.candidates.set(step, value, key.cost.max(1));
                } else {
                    self.candidates.remove(step);
                }
            }
        }
        Selection {
            chosen: std::mem::take(&mut self.chosen),
            raises: std::mem::take(&mut self.raises),
        }
    }
}

/// Whether the ratings meet everything a step develops. A step that develops nothing (a
/// licence, an onboarding) is done only when completed or planned.
fn satisfied(c: &Compiled, skills: &[SkillState], step: usize) -> bool {
    let develops = c.develops.of(step);
    !develops.is_empty()
        && develops
            .iter()
            .all(|&(s, p)| skills[s as usize].rating >= p)
}

/// A step or skill index as stored: frameworks hold at most 100,000 of each.
fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use std::cmp::Ordering;

    use serde_json::{Value, json};

    use super::{Planner, Selection};
    use crate::exact::cmp_ratio;
    use crate::{Assessment, Framework, Options};

    impl Planner<'_> {
        /// The greedy rule as written: every round, every step evaluated afresh, the best
        /// taken.
        fn select_naively(&mut self) -> Selection {
            for first in [true, false] {
                if !self.has_gap() {
                    break;
                }
                loop {
                    let mut best: Option<(usize, u128, u128)> = None;
                    for i in 0..self.c.steps.len() {
                        let Some(key) = self.evaluate(i, first) else {
                            continue;
                        };
                        let (value, cost) = (self.value(key), key.cost.max(1));
                        if value > 0
                            && best.is_none_or(|(_, v, c)| {
                                cmp_ratio(value, cost, v, c) == Ordering::Greater
                            })
                        {
                            best = Some((i, value, cost));
                        }
                    }
                    let Some((step, _, _)) = best else {
                        break;
                    };
                    self.take(step, first);
                }
            }
            Selection {
                chosen: std::mem::take(&mut self.chosen),
                raises: std::mem::take(&mut self.raises),
            }
        }
    }

    /// A deterministic generator.
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            usize::try_from(self.0 >> 33).unwrap_or(0) % n.max(1)
        }
    }

    /// A random valid framework and assessment: up to 25 skills, 80 steps of every kind in
    /// a random prerequisite DAG, fixed and free training paces, points ladders with
    /// `min_points` and flat points tables.
    #[allow(clippy::too_many_lines)]
    fn case(seed: u64) -> (Framework, Assessment) {
        let mut r = Lcg(seed);
        let skills = 1 + r.below(25);
        let steps = r.below(80);
        let mode = r.below(3);
        let mut table = [0u32; 6];
        for i in 1..6 {
            table[i] = table[i - 1]
                + if mode == 0 {
                    0
                } else {
                    u32::try_from(r.below(4)).unwrap_or(0)
                };
        }
        let weights = [1.0, 0.5, 2.0, 0.2, 3.0];
        let skill_list: Vec<Value> = (0..skills)
            .map(|i| json!({ "id": format!("s{i}"), "name": "S", "weight": weights[r.below(5)] }))
            .collect();
        let most: f64 = skill_list
            .iter()
            .filter_map(|s| s["weight"].as_f64())
            .sum::<f64>()
            * f64::from(table[5]);
        let mut required = vec![0usize; skills];
        let mut min_points = 0.0f64;
        let levels: Vec<Value> = (0..=r.below(4))
            .map(|l| {
                for q in &mut required {
                    if r.below(2) == 0 {
                        *q = (*q + 1 + r.below(3)).min(5);
                    }
                }
                let needs: serde_json::Map<String, Value> = required
                    .iter()
                    .enumerate()
                    .filter(|&(_, &q)| q > 0)
                    .map(|(i, &q)| (format!("s{i}"), json!(q)))
                    .collect();
                let mut level = json!({ "id": format!("l{l}"), "name": "L", "requires": needs });
                if mode == 2 {
                    #[allow(clippy::cast_precision_loss)]
                    let step_up = r.below(8) as f64;
                    min_points = (min_points + step_up).min(most).floor();
                    level["min_points"] = json!(min_points);
                }
                level
            })
            .collect();
        let level_count = levels.len();
        let training_count = r.below(4);
        let training: Vec<Value> = (0..training_count)
            .map(|t| {
                let mut option = json!({ "id": format!("t{t}"), "name": "T" });
                if r.below(2) == 0 {
                    option["hours_per_week"] = json!([5, 10, 20, 40, 7][r.below(5)]);
                }
                option
            })
            .collect();
        let kinds = [
            "learn",
            "build",
            "credential",
            "experience",
            "habit",
            "learn",
            "learn",
        ];
        let step_kinds: Vec<&str> = (0..steps).map(|_| kinds[r.below(7)]).collect();
        let mut step_list: Vec<Value> = (0..steps)
            .map(|i| {
                let kind = step_kinds[i];
                let develops: serde_json::Map<String, Value> = (0..r.below(4))
                    .map(|_| (format!("s{}", r.below(skills)), json!(1 + r.below(5))))
                    .collect();
                let mut prerequisites: Vec<String> = (0..r.below(4))
                    .map(|_| r.below(i))
                    .filter(|&p| p < i && step_kinds[p] != "habit")
                    .map(|p| format!("p{p}"))
                    .collect();
                prerequisites.sort();
                prerequisites.dedup();
                let mut step = json!({ "id": format!("p{i}"), "title": "P", "kind": kind,
                    "develops": develops, "prerequisites": prerequisites,
                    "optional": r.below(8) == 0 });
                if kind == "habit" {
                    step["hours_per_week"] = json!(1 + r.below(5));
                } else {
                    step["hours"] = json!(1 + r.below(200));
                }
                let options: std::collections::BTreeSet<String> = (0..r.below(3))
                    .filter(|_| training_count > 0)
                    .map(|_| format!("t{}", r.below(training_count)))
                    .collect();
                step["training"] = json!(options);
                step
            })
            .collect();
        for i in (1..step_list.len()).rev() {
            step_list.swap(i, r.below(i + 1));
        }
        let framework = Framework::from_value(json!({ "id": "x", "name": "X", "points": table,
            "skills": skill_list, "levels": levels, "steps": step_list, "training": training }))
        .expect("a valid framework");
        let mut ratings = serde_json::Map::new();
        for i in 0..skills {
            if r.below(2) == 0 {
                ratings.insert(format!("s{i}"), json!(r.below(5)));
            }
        }
        let completed: Vec<String> = (0..steps)
            .filter(|_| r.below(6) == 0)
            .map(|i| format!("p{i}"))
            .collect();
        let mut preferences = json!({});
        if training_count > 0 && r.below(2) == 0 {
            preferences["training"] = json!([format!("t{}", r.below(training_count))]);
        }
        if r.below(3) == 0 {
            preferences["target_level"] = json!(format!("l{}", r.below(level_count)));
        }
        let assessment =
            json!({ "ratings": ratings, "completed_steps": completed, "preferences": preferences });
        (
            framework,
            Assessment::from_json(&assessment.to_string()).expect("a valid assessment"),
        )
    }

    /// The incremental selection (keys evaluated again only when a take may change them)
    /// takes exactly the steps, in the order and with the raises, of the greedy rule as
    /// written.
    #[test]
    fn selection_equals_the_greedy_rule_as_written() {
        let mut planned = 0;
        for seed in 0..3_000 {
            let (framework, assessment) = case(seed);
            let c = &*framework.compiled;
            let r = crate::resolve::resolve(c, &assessment, Options::default()).expect("valid");
            let scores = crate::score::Scores::new(c, &r.ratings, r.target);
            let fast = Planner::new(c, &r, scores.target).select();
            let naive = Planner::new(c, &r, scores.target).select_naively();
            let steps = |s: &Selection| -> Vec<(usize, Vec<super::Raise>)> {
                s.chosen
                    .iter()
                    .map(|ch| (ch.step, s.closes(ch).to_vec()))
                    .collect()
            };
            assert_eq!(steps(&fast), steps(&naive), "seed {seed}");
            planned += fast.chosen.len();
        }
        assert!(
            planned > 10_000,
            "{planned} items: the cases plan too little"
        );
    }
}
