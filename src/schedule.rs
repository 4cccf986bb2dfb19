//! The plan (DESIGN.md section 3): the chosen steps placed on the study and work tracks,
//! milestones, habits, unreachable gaps and the deadline check. Times are exact: whole
//! numbers of a unit that divides every step's duration.

use crate::compile::Compiled;
use crate::definition::StepKind;
use crate::exact::div_ceil;
use crate::limits::{MAX_HOURS_PER_WEEK, MAX_STUDY_HOURS_PER_WEEK};
use crate::report::{
    Change, Deadline, Habit, Milestone, Plan, PlanItem, StepRef, Track, Unreachable,
};
use crate::resolve::Resolved;
use crate::select::{Planner, Selection, taking, units_per_week};

/// One item's place on its track, in time units from the start.
#[derive(Clone, Copy)]
struct Slot {
    start: u128,
    end: u128,
}

/// How an item is timed: its track, hours and pace.
#[derive(Clone, Copy)]
struct Timing {
    step: usize,
    track: Track,
    hours: u32,
    /// A fixed pace (work, or a fixed-pace training option); `None` runs at the person's
    /// study hours.
    fixed: Option<u32>,
}

/// Places items in plan order: each starts when its track is free and every prerequisite
/// in the plan has ended. `hours_per_week` of `None` makes self-paced study take no time
/// (the lower bound behind a deadline's feasibility). Returns the unit and the slots.
fn place(c: &Compiled, items: &[Timing], hours_per_week: Option<u32>) -> (u128, Vec<Slot>) {
    let unit = match hours_per_week {
        Some(h) => units_per_week(c, h),
        None => c.pace_lcm,
    };
    let mut position: Vec<Option<usize>> = vec![None; c.steps.len()];
    let mut free = [0u128; 2];
    let mut slots: Vec<Slot> = Vec::with_capacity(items.len());
    for (k, item) in items.iter().enumerate() {
        let pace = item.fixed.or(hours_per_week);
        let duration = pace.map_or(0, |p| u128::from(item.hours) * (unit / u128::from(p)));
        let track = usize::from(item.track == Track::Work);
        let ready = c
            .prerequisites
            .of(item.step)
            .iter()
            .filter_map(|&p| position[p as usize].map(|j| slots[j].end))
            .fold(free[track], u128::max);
        let slot = Slot {
            start: ready,
            end: ready + duration,
        };
        free[track] = slot.end;
        position[item.step] = Some(k);
        slots.push(slot);
    }
    (unit, slots)
}

/// The week a plan's items all end in.
fn weeks(unit: u128, slots: &[Slot]) -> u64 {
    let end = slots.iter().map(|s| s.end).max().unwrap_or(0);
    u64::try_from(div_ceil(end, unit)).unwrap_or(u64::MAX)
}

fn week_of(units: u128, unit: u128) -> u64 {
    u64::try_from(units / unit).unwrap_or(u64::MAX)
}

fn step_ref(c: &Compiled, step: usize) -> StepRef {
    let s = &c.def.steps[step];
    StepRef {
        step: s.id.clone(),
        title: s.title.clone(),
    }
}

/// The plan for `target`, from readiness `readiness`.
pub(crate) fn plan(
    c: &Compiled,
    r: &Resolved<'_>,
    readiness: Option<usize>,
    target: usize,
) -> Plan {
    let def = &c.def;
    let levels = &def.levels;
    let mut plan = Plan {
        target: levels[target].id.clone(),
        target_name: levels[target].name.clone(),
        hours_per_week: r.hours_per_week,
        work_hours_per_week: c.work_hours,
        items: Vec::new(),
        habits: habits(c, r),
        total_hours: 0,
        work_hours: 0,
        weeks: 0,
        milestones: Vec::new(),
        unreachable: Vec::new(),
        deadline: None,
        note: None,
    };
    if readiness.is_some_and(|l| l >= target) {
        let above = readiness
            .filter(|&l| l > target)
            .map(|l| format!(" (you are ready for {})", levels[l].name))
            .unwrap_or_default();
        let met = if target + 1 == levels.len() {
            format!(
                "You already meet the top level, {}{above}",
                levels[target].name
            )
        } else {
            format!("You already meet {}{above}", levels[target].name)
        };
        plan.note = Some(if plan.habits.is_empty() {
            format!("{met}; the framework suggests no habits to keep you current.")
        } else {
            format!("{met}: keep up the habits below to stay current.")
        });
        deadline(c, r, &mut plan, &[]);
        return plan;
    }

    let mut planner = Planner::new(c, r, target);
    let selection = planner.select();
    plan.unreachable = unreachable(c, r, &planner, target);
    let timings: Vec<Timing> = selection
        .chosen
        .iter()
        .map(|ch| {
            let t = taking(c, &r.preferred, ch.step, r.hours_per_week);
            Timing {
                step: ch.step,
                track: if c.steps[ch.step].kind == StepKind::Experience {
                    Track::Work
                } else {
                    Track::Study
                },
                hours: c.steps[ch.step].hours,
                fixed: t.fixed.then_some(t.pace),
            }
        })
        .collect();
    let (unit, slots) = place(c, &timings, Some(r.hours_per_week));
    plan.items = items(c, r, &selection, &timings, &slots, unit);
    for t in &timings {
        match t.track {
            Track::Study => plan.total_hours += u64::from(t.hours),
            Track::Work => plan.work_hours += u64::from(t.hours),
        }
    }
    plan.weeks = weeks(unit, &slots);
    plan.milestones = milestones(c, r, readiness, &timings, &slots, unit);
    deadline(c, r, &mut plan, &timings);
    plan
}

fn items(
    c: &Compiled,
    r: &Resolved<'_>,
    selection: &Selection,
    timings: &[Timing],
    slots: &[Slot],
    unit: u128,
) -> Vec<PlanItem> {
    let def = &c.def;
    let chosen = &selection.chosen;
    let mut position: Vec<Option<usize>> = vec![None; c.steps.len()];
    for (k, ch) in chosen.iter().enumerate() {
        position[ch.step] = Some(k);
    }
    let mut items: Vec<PlanItem> = chosen
        .iter()
        .zip(timings)
        .zip(slots)
        .map(|((ch, t), slot)| {
            let step = &def.steps[ch.step];
            let training = taking(c, &r.preferred, ch.step, r.hours_per_week).training;
            let start_week = week_of(slot.start, unit) + 1;
            let end_week = u64::try_from(div_ceil(slot.end, unit))
                .unwrap_or(u64::MAX)
                .max(start_week);
            PlanItem {
                step: step.id.clone(),
                title: step.title.clone(),
                kind: step.kind,
                track: t.track,
                closes: selection
                    .closes(ch)
                    .iter()
                    .map(|&(s, from, to)| Change {
                        skill: def.skills[s as usize].id.clone(),
                        name: def.skills[s as usize].name.clone(),
                        from,
                        to,
                    })
                    .collect(),
                required_by: Vec::new(),
                hours: t.hours,
                hours_per_week: t.fixed.unwrap_or(r.hours_per_week),
                training: training.map(|i| def.training[i as usize].id.clone()),
                training_name: training.map(|i| def.training[i as usize].name.clone()),
                start_week,
                end_week,
            }
        })
        .collect();
    for ch in chosen {
        for &p in c.prerequisites.of(ch.step) {
            if let Some(k) = position[p as usize] {
                items[k].required_by.push(step_ref(c, ch.step));
            }
        }
    }
    items
}

/// Every habit of the framework, with the steps not yet done that it follows.
fn habits(c: &Compiled, r: &Resolved<'_>) -> Vec<Habit> {
    c.steps
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind == StepKind::Habit)
        .map(|(i, s)| Habit {
            step: c.def.steps[i].id.clone(),
            title: c.def.steps[i].title.clone(),
            hours_per_week: s.habit_hours,
            after: c
                .prerequisites
                .of(i)
                .iter()
                .filter(|&&p| {
                    // Done as for any prerequisite: completed, or everything it develops met.
                    let develops = c.develops.of(p as usize);
                    let met = !develops.is_empty()
                        && develops.iter().all(|&(s, q)| r.ratings[s as usize] >= q);
                    !r.completed[p as usize] && !met
                })
                .map(|&p| step_ref(c, p as usize))
                .collect(),
        })
        .collect()
}

fn unreachable(
    c: &Compiled,
    r: &Resolved<'_>,
    planner: &Planner<'_>,
    target: usize,
) -> Vec<Unreachable> {
    let def = &c.def;
    let mut out = Vec::new();
    for &(s, required) in &c.requires[target] {
        let si = s as usize;
        let reached = planner.rating(si);
        if reached >= required {
            continue;
        }
        let skill = &def.skills[si];
        let developers: Vec<usize> = c
            .developers
            .of(si)
            .iter()
            .map(|&d| d as usize)
            .filter(|&d| {
                c.develops
                    .of(d)
                    .iter()
                    .any(|&(x, p)| x == s && p >= required)
            })
            .collect();
        let completed = developers.iter().find(|&&d| r.completed[d]);
        let habit = developers
            .iter()
            .find(|&&d| c.steps[d].kind == StepKind::Habit);
        let reason = if let Some(&d) = completed {
            format!(
                "only \"{}\" develops {} to {}, and it is marked completed: re-rate the skill or \
                 reopen the step",
                def.steps[d].title,
                skill.name,
                required.label()
            )
        } else if let Some(&d) = habit {
            format!(
                "only the habit \"{}\" develops {} to {}, and habits are kept up, not planned",
                def.steps[d].title,
                skill.name,
                required.label()
            )
        } else {
            format!(
                "no step of the framework develops {} to {}",
                skill.name,
                required.label()
            )
        };
        out.push(Unreachable::Skill {
            skill: skill.id.clone(),
            name: skill.name.clone(),
            reached,
            required,
            reason,
        });
    }
    let target_points = c.min_points[target];
    if planner.points < target_points {
        out.push(Unreachable::Points {
            reached: crate::exact::from_thousandths(planner.points),
            required: crate::exact::from_thousandths(target_points),
            reason: "the framework's steps cannot raise enough skills to reach the level's \
                     points threshold"
                .to_owned(),
        });
    }
    out
}

/// When each level above readiness is first met, taking items in order of their end.
fn milestones(
    c: &Compiled,
    r: &Resolved<'_>,
    readiness: Option<usize>,
    timings: &[Timing],
    slots: &[Slot],
    unit: u128,
) -> Vec<Milestone> {
    let def = &c.def;
    let mut ratings = r.ratings.clone();
    let mut points = crate::score::points(c, &ratings);
    let mut unmet: Vec<usize> = c
        .requires
        .iter()
        .map(|row| {
            row.iter()
                .filter(|&&(s, q)| ratings[s as usize] < q)
                .count()
        })
        .collect();
    let mut order: Vec<usize> = (0..timings.len()).collect();
    order.sort_by_key(|&k| (slots[k].end, k));
    let mut next = readiness.map_or(0, |l| l + 1);
    let mut found = Vec::new();
    for k in order {
        let step = timings[k].step;
        for &(s, to) in c.develops.of(step) {
            let si = s as usize;
            let from = ratings[si];
            if to <= from {
                continue;
            }
            for (level, row) in c.requires.iter().enumerate() {
                if let Ok(i) = row.binary_search_by_key(&s, |&(x, _)| x)
                    && row[i].1 > from
                    && row[i].1 <= to
                {
                    unmet[level] -= 1;
                }
            }
            points += c.weight[si] * (c.points[to.index()] - c.points[from.index()]);
            ratings[si] = to;
        }
        while next < unmet.len() && unmet[next] == 0 && points >= c.min_points[next] {
            let week = u64::try_from(div_ceil(slots[k].end, unit)).unwrap_or(u64::MAX);
            found.push(Milestone {
                level: def.levels[next].id.clone(),
                name: def.levels[next].name.clone(),
                step: def.steps[step].id.clone(),
                title: def.steps[step].title.clone(),
                week: week.max(week_of(slots[k].start, unit) + 1),
            });
            next += 1;
        }
    }
    found
}

/// The deadline check: whether the plan fits, the study hours that would make it fit, and
/// whether it is feasible at all.
fn deadline(c: &Compiled, r: &Resolved<'_>, plan: &mut Plan, timings: &[Timing]) {
    let Some(d) = r.deadline else {
        return;
    };
    let limit = u64::from(d);
    let fits_at = |h: u32| {
        let (unit, slots) = place(c, timings, Some(h));
        weeks(unit, &slots) <= limit
    };
    // For a fixed set of items, more study hours never end the plan later, so the hours
    // needed are found by bisection.
    let needed = if fits_at(1) {
        Some(1)
    } else if !fits_at(MAX_HOURS_PER_WEEK) {
        None
    } else {
        let (mut low, mut high) = (1, MAX_HOURS_PER_WEEK);
        while high - low > 1 {
            let mid = u32::midpoint(low, high);
            if fits_at(mid) {
                high = mid;
            } else {
                low = mid;
            }
        }
        Some(high)
    };
    let (unit, fixed) = place(c, timings, None);
    let fixed_weeks = weeks(unit, &fixed);
    let gaps = plan.unreachable.len();
    let reason = if gaps > 0 {
        Some(format!(
            "{} no step of the framework can close, so no pace reaches {}",
            if gaps == 1 {
                "1 gap".to_owned()
            } else {
                format!("{gaps} gaps")
            },
            plan.target_name
        ))
    } else if fixed_weeks > limit {
        let courses = timings
            .iter()
            .any(|t| t.track == Track::Study && t.fixed.is_some());
        let work = timings.iter().any(|t| t.track == Track::Work);
        let what = match (work, courses) {
            (true, true) => "the work experience and fixed-pace courses alone take",
            (true, false) => "the work experience alone takes",
            _ => "the fixed-pace courses alone take",
        };
        Some(format!(
            "{what} {fixed_weeks} weeks, more than the {d}-week deadline"
        ))
    } else if plan.weeks <= limit {
        // It fits at the person's own study hours, whatever they are.
        None
    } else {
        match needed {
            None => Some(format!(
                "it would need more than {MAX_HOURS_PER_WEEK} study hours a week"
            )),
            Some(h) if h > MAX_STUDY_HOURS_PER_WEEK => Some(format!(
                "it would need {h} study hours a week, more than {MAX_STUDY_HOURS_PER_WEEK}"
            )),
            Some(_) => None,
        }
    };
    plan.deadline = Some(Deadline {
        weeks: d,
        fits: gaps == 0 && plan.weeks <= limit,
        // No pace reaches a target with gaps no step can close.
        hours_per_week_needed: if gaps == 0 { needed } else { None },
        feasible: reason.is_none(),
        reason,
    });
}
