//! The plan rules of DESIGN.md section 3.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::assessment::Assessment;
use crate::framework::{Framework, StepKind};
use crate::id::Id;
use crate::proficiency::Proficiency;

/// A skill raised by a plan item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// The skill.
    pub skill: Id,
    /// The rating before the item.
    pub from: Proficiency,
    /// The rating after it.
    pub to: Proficiency,
}

/// One step of the plan, scheduled.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlanItem {
    /// The step.
    pub step: Id,
    /// Its title.
    pub title: String,
    /// The gaps it closes (skill: from → to). Empty for a prerequisite that closes nothing
    /// itself, and for the habits of a person at the top.
    pub closes: Vec<Change>,
    /// The later plan items that need this step first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required_by: Vec<Id>,
    /// The effort in hours.
    pub hours: u32,
    /// The training option chosen: the person's preferred one where the step allows it,
    /// else the step's first.
    pub training: Option<Id>,
    /// The week (from 1) its first hour falls in.
    pub start_week: u64,
    /// The week its last hour falls in.
    pub end_week: u64,
}

/// The point in the plan at which a higher level would be met.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// The level.
    pub level: Id,
    /// The item after which it is met.
    pub after_step: Id,
    /// The week that item ends.
    pub week: u64,
}

/// A gap no step of the framework can close.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Unreachable {
    /// A skill requirement.
    Skill {
        /// The skill.
        skill: Id,
        /// The rating the plan reaches.
        reached: Proficiency,
        /// What the target requires.
        required: Proficiency,
        /// Why no step closes it.
        reason: String,
    },
    /// The target's `min_points`.
    Points {
        /// The points the plan reaches.
        reached: f64,
        /// The target's threshold.
        required: f64,
        /// Why no step closes it.
        reason: String,
    },
}

/// Whether the plan fits the person's deadline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    /// The deadline, in weeks.
    pub weeks: u32,
    /// Whether the plan ends by then at the person's hours a week and reaches the target
    /// (never when `unreachable` lists a gap).
    pub fits: bool,
    /// The hours a week that would finish the plan's items by the deadline.
    pub hours_per_week_needed: u64,
    /// Whether those hours are possible (at most 168 a week) and the plan reaches the
    /// target (never when `unreachable` lists a gap).
    pub feasible: bool,
}

/// The personalised next-steps plan.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The level planned for.
    pub target: Option<Id>,
    /// The hours a week the schedule assumes.
    pub hours_per_week: u32,
    /// The steps, in the order to take them.
    pub items: Vec<PlanItem>,
    /// The sum of the items' hours.
    pub total_hours: u64,
    /// ceil(total hours / hours a week).
    pub weeks: u64,
    /// When each level above readiness would be met.
    pub milestones: Vec<Milestone>,
    /// Gaps no step can close.
    pub unreachable: Vec<Unreachable>,
    /// The deadline check, when the person gave one.
    pub deadline: Option<Deadline>,
    /// Why the plan looks as it does, when it is not a plain path to the target: the
    /// target is already met, or the person is at the top of the ladder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A candidate's priority: value per hour, then framework order (lower index first).
#[derive(Clone, Copy, PartialEq)]
struct Key {
    ratio: f64,
    step: usize,
}

impl Key {
    /// The key of a step with `value` and `hours`, or `None` when it closes nothing.
    ///
    /// The ratio drops its lowest 12 mantissa bits (a relative 2⁻⁴⁰), so sums that are equal
    /// on paper but differ in the last bit (0.1 + 0.2 against 0.3) tie, and framework order
    /// decides. Truncation keeps the order of positive ratios, which lazy greedy relies on.
    fn new(value: f64, hours: u32, step: usize) -> Option<Key> {
        let ratio = value / f64::from(hours);
        (ratio > 0.0).then(|| Key {
            ratio: f64::from_bits(ratio.to_bits() & !0xfff),
            step,
        })
    }
}

impl Eq for Key {}

impl Ord for Key {
    fn cmp(&self, other: &Self) -> Ordering {
        self.ratio
            .total_cmp(&other.ratio)
            .then_with(|| other.step.cmp(&self.step))
    }
}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The simulated state of a person while the plan is built or replayed.
struct State<'a> {
    framework: &'a Framework,
    target: usize,
    ratings: Vec<Proficiency>,
    points: f64,
}

impl State<'_> {
    fn missing_points(&self) -> f64 {
        let min = self.framework.index.prepared.min_points(self.target);
        (min - exact_points(self.framework, &self.ratings, self.points, min)).max(0.0)
    }

    /// The weighted gap closed by a step, plus the missing points it would add.
    fn value(&self, step: usize) -> f64 {
        let index = &self.framework.index;
        let table = self.framework.points();
        let required = &index.requires[self.target];
        let missing = self.missing_points();
        let (mut closed, mut gained) = (0.0, 0.0);
        for &(si, to) in &index.develops[step] {
            let now = self.ratings[si];
            let w = index.weights[si];
            let useful = to.min(required[si]);
            if useful > now {
                closed += w * f64::from(useful.as_u8() - now.as_u8());
            }
            if missing > 0.0 && to > now {
                gained += w * f64::from(table[to.index()] - table[now.index()]);
            }
        }
        closed + gained.min(missing)
    }

    /// Whether the person already meets everything a step develops.
    /// A step that develops nothing (a licence, an onboarding) is satisfied only by
    /// completing it.
    fn satisfies(&self, step: usize) -> bool {
        let develops = &self.framework.index.develops[step];
        !develops.is_empty() && develops.iter().all(|&(si, p)| self.ratings[si] >= p)
    }

    /// Applies a step, returning the gap-closing changes and an undo log.
    fn apply(&mut self, step: usize, undo: &mut Vec<(usize, Proficiency)>) -> Vec<Change> {
        let index = &self.framework.index;
        let table = self.framework.points();
        let required = &index.requires[self.target];
        let mut closes = Vec::new();
        // Points missing before the step: every raise of the step counts towards them.
        let missing = self.missing_points();
        for &(si, to) in &index.develops[step] {
            let from = self.ratings[si];
            if to <= from {
                continue;
            }
            if required[si] > from || (missing > 0.0 && table[to.index()] > table[from.index()]) {
                closes.push(Change {
                    skill: self.framework.skills()[si].id.clone(),
                    from,
                    to,
                });
            }
            undo.push((si, from));
            self.points += index.weights[si] * f64::from(table[to.index()] - table[from.index()]);
            self.ratings[si] = to;
        }
        closes
    }

    fn undo(&mut self, undo: &mut Vec<(usize, Proficiency)>) {
        let table = self.framework.points();
        while let Some((si, from)) = undo.pop() {
            let to = self.ratings[si];
            self.points -= self.framework.index.weights[si]
                * f64::from(table[to.index()] - table[from.index()]);
            self.ratings[si] = from;
        }
    }
}

/// The points of `ratings`, from a running total kept step by step. Sums in another order can
/// differ in the last bit, so near `threshold` the scorer's own sum decides: the plan then
/// agrees with `assess` on whether a threshold is met. Elsewhere the running total is used,
/// which keeps planning linear in the number of steps.
fn exact_points(
    framework: &Framework,
    ratings: &[Proficiency],
    running: f64,
    threshold: f64,
) -> f64 {
    if (running - threshold).abs() <= 1e-9 * threshold.abs().max(1.0) {
        framework.index.prepared.points_of(ratings)
    } else {
        running
    }
}

/// A step chosen for the plan, before scheduling.
struct Chosen {
    step: usize,
    closes: Vec<Change>,
}

pub(crate) fn build(
    framework: &Framework,
    assessment: &Assessment,
    effective: &[Proficiency],
    readiness: Option<usize>,
    target: usize,
) -> Plan {
    let index = &framework.index;
    let steps = framework.steps();
    let prefs = &assessment.preferences;
    let hours_per_week = assessment.hours_per_week();
    let preferred: Vec<usize> = prefs
        .training
        .iter()
        .filter_map(|t| index.training.get(t).copied())
        .collect();
    let mut completed = vec![false; steps.len()];
    for id in &assessment.completed_steps {
        if let Some(&i) = index.steps.get(id) {
            completed[i] = true;
        }
    }

    let mut state = State {
        framework,
        target,
        ratings: effective.to_vec(),
        points: index.prepared.points_of(effective),
    };
    let target_met = readiness.is_some_and(|r| r >= target);
    let mut note = None;
    let chosen = if target_met {
        let level = &framework.levels()[target];
        let habits = keep_current(&mut state, &completed);
        let levels = framework.levels();
        let above = readiness
            .filter(|&r| r > target)
            .map(|r| format!(" (you are ready for {})", levels[r].name))
            .unwrap_or_default();
        let met = if target + 1 == levels.len() {
            format!("You already meet the top level, {}{above}", level.name)
        } else {
            format!("You already meet {}{above}", level.name)
        };
        let has_habits = framework.steps().iter().any(|s| s.kind == StepKind::Habit);
        note = Some(if !habits.is_empty() {
            format!("{met}: these habits keep you current.")
        } else if has_habits {
            format!("{met}, and have done every habit the framework suggests.")
        } else {
            format!("{met}; the framework defines no habits to keep you current.")
        });
        habits
    } else {
        select(&mut state, &completed, &preferred)
    };

    let unreachable = if target_met {
        Vec::new()
    } else {
        unreachable(framework, &state, &completed)
    };
    schedule(
        framework,
        effective,
        readiness,
        target,
        chosen,
        &preferred,
        hours_per_week,
        prefs.deadline_weeks,
        unreachable,
        note,
    )
}

/// The habits that keep a person current, each after its unmet prerequisites.
fn keep_current(state: &mut State<'_>, completed: &[bool]) -> Vec<Chosen> {
    let framework = state.framework;
    let mut planned = vec![false; framework.steps().len()];
    let mut chosen = Vec::new();
    let mut undo = Vec::new();
    for (i, step) in framework.steps().iter().enumerate() {
        if step.kind != StepKind::Habit || completed[i] || planned[i] {
            continue;
        }
        let bundle = unmet_prerequisites(state, i, completed, &planned);
        // Keeping current is habits only: a habit that first needs other work (continued
        // learning after a first job, say) is left out rather than pulling that work in.
        if bundle
            .iter()
            .any(|&b| framework.steps()[b].kind != StepKind::Habit)
        {
            continue;
        }
        for &s in &bundle {
            state.apply(s, &mut undo);
            planned[s] = true;
            chosen.push(Chosen {
                step: s,
                closes: Vec::new(),
            });
        }
    }
    chosen
}

/// Greedy selection by value per hour, optional steps only in a second pass unless the
/// person prefers their training.
fn select(state: &mut State<'_>, completed: &[bool], preferred: &[usize]) -> Vec<Chosen> {
    let framework = state.framework;
    let index = &framework.index;
    let steps = framework.steps();
    let mut planned = vec![false; steps.len()];
    let mut rejected = vec![false; steps.len()];
    let mut chosen: Vec<Chosen> = Vec::new();
    let allowed_first = |i: usize| {
        !steps[i].optional || index.step_training[i].iter().any(|t| preferred.contains(t))
    };

    for pass in 0..2 {
        if pass == 1 && !has_gap(state) {
            break;
        }
        // The second pass offers every step left, optional ones included.
        let mut heap: BinaryHeap<Key> = (0..steps.len())
            .filter(|&i| !completed[i] && !planned[i] && !rejected[i])
            .filter(|&i| pass == 1 || allowed_first(i))
            .filter_map(|i| Key::new(state.value(i), steps[i].hours, i))
            .collect();
        while let Some(top) = heap.pop() {
            let i = top.step;
            if planned[i] {
                continue;
            }
            let Some(key) = Key::new(state.value(i), steps[i].hours, i) else {
                continue;
            };
            if heap.peek().is_some_and(|next| *next > key) {
                heap.push(key);
                continue;
            }
            let bundle = unmet_prerequisites(state, i, completed, &planned);
            // An optional prerequisite the person did not ask for waits for the second pass.
            if pass == 0 && bundle.iter().any(|&b| !allowed_first(b)) {
                continue;
            }
            take(state, &bundle, &mut planned, &mut rejected, &mut chosen);
        }
    }
    chosen
}

fn has_gap(state: &State<'_>) -> bool {
    let required = &state.framework.index.requires[state.target];
    state.missing_points() > 0.0 || state.ratings.iter().zip(required).any(|(r, q)| r < q)
}

/// Plans step `i` with its unmet prerequisites before it. A bundle member that closes
/// nothing and is needed by no kept member is dropped (the prerequisites can close what
/// the step itself would have).
fn take(
    state: &mut State<'_>,
    bundle: &[usize],
    planned: &mut [bool],
    rejected: &mut [bool],
    chosen: &mut Vec<Chosen>,
) {
    let index = &state.framework.index;
    let Some(&i) = bundle.last() else { return };
    let mut undo = Vec::new();
    let mut closes: Vec<Vec<Change>> = bundle.iter().map(|&s| state.apply(s, &mut undo)).collect();
    let mut keep: Vec<bool> = closes.iter().map(|c| !c.is_empty()).collect();
    if keep.last() == Some(&false) {
        rejected[i] = true;
    }
    // Keep what closes something and, transitively, its prerequisites: the bundle lists
    // prerequisites before the steps that need them, so one backward pass suffices.
    let position: HashMap<usize, usize> = bundle.iter().enumerate().map(|(k, &b)| (b, k)).collect();
    for k in (0..bundle.len()).rev() {
        if keep[k] {
            for p in &index.prerequisites[bundle[k]] {
                if let Some(&j) = position.get(p) {
                    keep[j] = true;
                }
            }
        }
    }
    if keep.iter().any(|&k| !k) {
        // Dropped members changed no gap, so replaying the kept ones gives the same gaps.
        state.undo(&mut undo);
        closes = bundle
            .iter()
            .zip(&keep)
            .map(|(&s, &k)| {
                if k {
                    state.apply(s, &mut undo)
                } else {
                    Vec::new()
                }
            })
            .collect();
    }
    for ((&s, changes), kept) in bundle.iter().zip(closes).zip(keep) {
        if kept {
            planned[s] = true;
            chosen.push(Chosen {
                step: s,
                closes: changes,
            });
        }
    }
}

/// The step and its prerequisites that are not completed, planned or satisfied, in an
/// order where each comes after its own prerequisites (framework order among equals); the
/// step itself last.
fn unmet_prerequisites(
    state: &State<'_>,
    i: usize,
    completed: &[bool],
    planned: &[bool],
) -> Vec<usize> {
    let index = &state.framework.index;
    let mut out = Vec::new();
    let mut seen = HashSet::from([i]);
    // Iterative post-order depth-first search: (step, next prerequisite to look at).
    let mut stack = vec![(i, 0usize)];
    while let Some(&mut (node, ref mut next)) = stack.last_mut() {
        if let Some(&p) = index.prerequisites[node].get(*next) {
            *next += 1;
            if completed[p] || planned[p] || seen.contains(&p) || state.satisfies(p) {
                continue;
            }
            seen.insert(p);
            stack.push((p, 0));
        } else {
            out.push(node);
            stack.pop();
        }
    }
    out
}

fn unreachable(framework: &Framework, state: &State<'_>, completed: &[bool]) -> Vec<Unreachable> {
    let index = &framework.index;
    let target = state.target;
    let required = &index.requires[target];
    // Per skill, the highest proficiency a completed step develops, and that step.
    let mut by_completed: Vec<Option<(Proficiency, usize)>> = vec![None; framework.skills().len()];
    for (i, _) in completed.iter().enumerate().filter(|&(_, &done)| done) {
        for &(si, p) in &index.develops[i] {
            if by_completed[si].is_none_or(|(best, _)| p > best) {
                by_completed[si] = Some((p, i));
            }
        }
    }
    let mut out = Vec::new();
    for (si, skill) in framework.skills().iter().enumerate() {
        let reached = state.ratings[si];
        if reached >= required[si] {
            continue;
        }
        let reason = match by_completed[si] {
            Some((p, i)) if p >= required[si] => format!(
                "only {} develops {} to {}, and it is marked completed: re-rate the skill or reopen the step",
                framework.steps()[i].id,
                skill.id,
                required[si]
            ),
            _ => format!(
                "no step of the framework develops {} to {}",
                skill.id, required[si]
            ),
        };
        out.push(Unreachable::Skill {
            skill: skill.id.clone(),
            reached,
            required: required[si],
            reason,
        });
    }
    let missing = state.missing_points();
    if missing > 0.0 {
        out.push(Unreachable::Points {
            reached: state.points,
            required: index.prepared.min_points(target),
            reason:
                "the framework's steps cannot raise enough skills to reach the level's min_points"
                    .to_owned(),
        });
    }
    out
}

#[allow(clippy::too_many_arguments)] // the parts of one plan, assembled once
fn schedule(
    framework: &Framework,
    effective: &[Proficiency],
    readiness: Option<usize>,
    target: usize,
    chosen: Vec<Chosen>,
    preferred: &[usize],
    hours_per_week: u32,
    deadline_weeks: Option<u32>,
    unreachable: Vec<Unreachable>,
    note: Option<String>,
) -> Plan {
    let index = &framework.index;
    let steps = framework.steps();
    let per_week = u64::from(hours_per_week.max(1));
    let mut milestones = Milestones::new(framework, effective, readiness);
    let mut items = Vec::with_capacity(chosen.len());
    let mut elapsed: u64 = 0;
    let order: Vec<usize> = chosen.iter().map(|c| c.step).collect();
    for c in chosen {
        let step = &steps[c.step];
        let start_week = elapsed / per_week + 1;
        elapsed += u64::from(step.hours);
        let end_week = elapsed.div_ceil(per_week);
        let training = preferred
            .iter()
            .find(|t| index.step_training[c.step].contains(t))
            .or_else(|| index.step_training[c.step].first())
            .map(|&t| framework.training()[t].id.clone());
        milestones.after(c.step, end_week);
        items.push(PlanItem {
            step: step.id.clone(),
            title: step.title.clone(),
            closes: c.closes,
            required_by: Vec::new(),
            hours: step.hours,
            training,
            start_week,
            end_week,
        });
    }
    // Each item's later items that list it as a prerequisite.
    let mut position: Vec<Option<usize>> = vec![None; steps.len()];
    for (k, &step) in order.iter().enumerate() {
        position[step] = Some(k);
    }
    for &step in &order {
        for &p in &index.prerequisites[step] {
            if let Some(k) = position[p] {
                items[k].required_by.push(steps[step].id.clone());
            }
        }
    }
    let weeks = elapsed.div_ceil(per_week);
    let deadline = deadline_weeks.map(|d| {
        let needed = elapsed.div_ceil(u64::from(d.max(1)));
        Deadline {
            weeks: d,
            // No pace reaches a target with gaps no step can close.
            fits: unreachable.is_empty() && weeks <= u64::from(d),
            hours_per_week_needed: needed,
            feasible: unreachable.is_empty() && needed <= 168,
        }
    });
    Plan {
        target: Some(framework.levels()[target].id.clone()),
        hours_per_week,
        items,
        total_hours: elapsed,
        weeks,
        milestones: milestones.found,
        unreachable,
        deadline,
        note,
    }
}

/// Replays the plan and notes when each level above readiness is first met, keeping a
/// count of unmet requirements per level so each item costs O(levels × skills it develops).
struct Milestones<'a> {
    framework: &'a Framework,
    ratings: Vec<Proficiency>,
    points: f64,
    unmet: Vec<usize>,
    next: usize,
    found: Vec<Milestone>,
}

impl<'a> Milestones<'a> {
    fn new(
        framework: &'a Framework,
        effective: &[Proficiency],
        readiness: Option<usize>,
    ) -> Milestones<'a> {
        let index = &framework.index;
        let unmet = index
            .requires
            .iter()
            .map(|req| req.iter().zip(effective).filter(|(q, r)| r < q).count())
            .collect();
        Milestones {
            framework,
            ratings: effective.to_vec(),
            points: index.prepared.points_of(effective),
            unmet,
            next: readiness.map_or(0, |r| r + 1),
            found: Vec::new(),
        }
    }

    fn after(&mut self, step: usize, week: u64) {
        let index = &self.framework.index;
        let table = self.framework.points();
        for &(si, to) in &index.develops[step] {
            let from = self.ratings[si];
            if to <= from {
                continue;
            }
            for (level, req) in index.requires.iter().enumerate() {
                if req[si] > from && req[si] <= to {
                    self.unmet[level] -= 1;
                }
            }
            self.points += index.weights[si] * f64::from(table[to.index()] - table[from.index()]);
            self.ratings[si] = to;
        }
        while self.next < self.unmet.len()
            && self.unmet[self.next] == 0
            && exact_points(
                self.framework,
                &self.ratings,
                self.points,
                index.prepared.min_points(self.next),
            ) >= index.prepared.min_points(self.next)
        {
            self.found.push(Milestone {
                level: self.framework.levels()[self.next].id.clone(),
                after_step: self.framework.steps()[step].id.clone(),
                week,
            });
            self.next += 1;
        }
    }
}
