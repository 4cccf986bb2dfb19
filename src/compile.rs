//! Validation of a [`FrameworkDefinition`] and its compiled form: dense indices, exact
//! integer tables and sparse requirements, which the rules (scoring, selection,
//! scheduling) read. Every refusal names its culprit.

use std::collections::HashSet;

use crate::definition::{FrameworkDefinition, StepKind};
use crate::error::{Error, ErrorKind, IdKind};
use crate::exact::{self, Inexact, MILLI};
use crate::id::{Id, closest};
use crate::limits::{
    MAX_FIXED_PACES, MAX_HOURS_PER_WEEK, MAX_LEVELS, MAX_LIST, MAX_POINTS, MAX_SKILLS,
    MAX_STEP_HOURS, MAX_STEPS, MAX_TEXT_LEN, MAX_TRAINING, MAX_WEIGHT,
};
use crate::proficiency::Proficiency;
use crate::tables::{Rules, Tables};

/// The largest `min_points`, far above any real ladder and far from overflow.
const MAX_MIN_POINTS: u64 = 1_000_000_000_000;

/// A step, compiled.
#[derive(Debug)]
pub(crate) struct CompiledStep {
    pub(crate) kind: StepKind,
    pub(crate) optional: bool,
    /// Hours of effort (0 for a habit).
    pub(crate) hours: u32,
    /// A habit's hours a week (0 for other kinds).
    pub(crate) habit_hours: u32,
    /// Training options, the usual one first.
    pub(crate) training: Vec<u32>,
}

/// One list per step or skill, all in one buffer (compressed sparse rows): the planner
/// walks these lists many times per assessment, and one buffer keeps those walks in cache.
#[derive(Debug, Default)]
pub(crate) struct Lists<T> {
    /// List `i` is `items[start[i]..start[i + 1]]`.
    start: Vec<u32>,
    items: Vec<T>,
}

impl<T> Lists<T> {
    /// The number of items over all the lists.
    pub(crate) fn len(&self) -> usize {
        self.items.len()
    }

    /// The lists of `(owner, item)` pairs, for `owners` owners, each in the order given.
    fn from_pairs(owners: usize, pairs: &[(u32, T)]) -> Lists<T>
    where
        T: Copy,
    {
        let mut start = vec![0u32; owners + 1];
        for &(o, _) in pairs {
            start[o as usize + 1] += 1;
        }
        for i in 0..owners {
            start[i + 1] += start[i];
        }
        let mut next = start.clone();
        let mut items: Vec<Option<T>> = vec![None; pairs.len()];
        for &(o, item) in pairs {
            let at = &mut next[o as usize];
            items[*at as usize] = Some(item);
            *at += 1;
        }
        Lists {
            start,
            items: items.into_iter().flatten().collect(),
        }
    }

    /// List `i`.
    pub(crate) fn of(&self, i: usize) -> &[T] {
        let (from, to) = (self.start[i] as usize, self.start[i + 1] as usize);
        &self.items[from..to]
    }
}

/// A validated framework, compiled for the rules.
#[derive(Debug)]
pub(crate) struct Compiled {
    /// The definition it was compiled from, for names and texts.
    pub(crate) def: FrameworkDefinition,
    /// (id, index) sorted by id, for look-ups by binary search.
    pub(crate) skill_ids: Vec<(Id, u32)>,
    pub(crate) level_ids: Vec<(Id, u32)>,
    pub(crate) step_ids: Vec<(Id, u32)>,
    pub(crate) training_ids: Vec<(Id, u32)>,
    /// Per skill: its weight in thousandths.
    pub(crate) weight: Vec<u64>,
    /// Σ weight, in thousandths.
    pub(crate) total_weight: u64,
    /// Points per proficiency.
    pub(crate) points: [u64; 6],
    /// Per skill and rating: how many levels, from the lowest, that rating meets for the
    /// skill (requirements never decrease up the ladder, so the levels met form a prefix).
    pub(crate) meets: Vec<[u8; 6]>,
    /// Per level: its requirements above `none`, (skill, proficiency) in framework order.
    pub(crate) requires: Vec<Vec<(u32, Proficiency)>>,
    /// Per level: `min_points` in thousandths of a point (weight thousandths × points), 0
    /// when the level has none.
    pub(crate) min_points: Vec<u64>,
    /// Fit decay by gap, in thousandths.
    pub(crate) decay: [u64; 5],
    /// The per-level scoring rules in integer form, and the prepared scorer's packed sums.
    pub(crate) tables: Tables,
    pub(crate) steps: Vec<CompiledStep>,
    /// Per step: (skill, proficiency) it develops, in framework order.
    pub(crate) develops: Lists<(u32, Proficiency)>,
    /// Per step: its prerequisite steps, in framework order.
    pub(crate) prerequisites: Lists<u32>,
    /// Per step: the steps that list it as a prerequisite, in framework order.
    pub(crate) dependents: Lists<u32>,
    /// Per skill: the steps that develop it, in framework order.
    pub(crate) developers: Lists<u32>,
    /// Per training option: its fixed pace, if it has one.
    pub(crate) training_pace: Vec<Option<u32>>,
    pub(crate) work_hours: u32,
    /// The least common multiple of the work pace and every fixed training pace.
    pub(crate) pace_lcm: u128,
}

impl Compiled {
    /// The index of the skill with this id.
    pub(crate) fn skill(&self, id: &str) -> Option<usize> {
        find(&self.skill_ids, id)
    }
    /// The index of the level with this id.
    pub(crate) fn level(&self, id: &str) -> Option<usize> {
        find(&self.level_ids, id)
    }
    /// The index of the step with this id.
    pub(crate) fn step(&self, id: &str) -> Option<usize> {
        find(&self.step_ids, id)
    }
    /// The index of the training option with this id.
    pub(crate) fn training(&self, id: &str) -> Option<usize> {
        find(&self.training_ids, id)
    }
    /// The requirement of `level` for `skill` (`none` when it has none).
    pub(crate) fn required(&self, level: usize, skill: usize) -> Proficiency {
        let row = &self.requires[level];
        row.binary_search_by_key(&skill, |&(s, _)| s as usize)
            .map_or(Proficiency::None, |i| row[i].1)
    }
}

fn find(ids: &[(Id, u32)], id: &str) -> Option<usize> {
    ids.binary_search_by(|(k, _)| k.as_str().cmp(id))
        .ok()
        .map(|i| ids[i].1 as usize)
}

/// Sorts ids with their positions, refusing duplicates.
fn index<'a>(
    field: &str,
    kind: IdKind,
    ids: impl Iterator<Item = &'a Id>,
) -> Result<Vec<(Id, u32)>, Error> {
    let mut out: Vec<(Id, u32)> = ids
        .enumerate()
        .map(|(i, id)| (id.clone(), u32::try_from(i).unwrap_or(u32::MAX)))
        .collect();
    out.sort_unstable();
    if let Some(pair) = out.windows(2).find(|w| w[0].0 == w[1].0) {
        let later = pair[1].1;
        return Err(ErrorKind::DuplicateId {
            field: format!("{field}[{later}].id"),
            kind,
            id: pair[1].0.clone(),
        }
        .into());
    }
    Ok(out)
}

fn lookup(ids: &[(Id, u32)], field: String, kind: IdKind, id: &Id) -> Result<u32, Error> {
    match ids.binary_search_by(|(k, _)| k.cmp(id)) {
        Ok(i) => Ok(ids[i].1),
        Err(_) => Err(ErrorKind::UnknownId {
            field,
            kind,
            suggestion: closest(id.as_str(), ids.iter().map(|(k, _)| k)).cloned(),
            id: id.clone(),
        }
        .into()),
    }
}

pub(crate) fn text(field: impl FnOnce() -> String, value: &str) -> Result<(), Error> {
    if value.len() > MAX_TEXT_LEN {
        return Err(ErrorKind::TextTooLong {
            field: field(),
            len: value.len(),
            max: MAX_TEXT_LEN,
        }
        .into());
    }
    Ok(())
}

pub(crate) fn count(field: impl FnOnce() -> String, len: usize, max: usize) -> Result<(), Error> {
    if len > max {
        return Err(ErrorKind::TooMany {
            field: field(),
            len,
            max,
        }
        .into());
    }
    Ok(())
}

/// A name or title: within the length limit and not blank.
fn name(field: impl Fn() -> String, value: &str) -> Result<(), Error> {
    text(&field, value)?;
    if value.trim().is_empty() {
        return Err(ErrorKind::Blank { field: field() }.into());
    }
    Ok(())
}

fn texts(field: &str, values: &[String]) -> Result<(), Error> {
    count(|| field.to_owned(), values.len(), MAX_LIST)?;
    for (i, value) in values.iter().enumerate() {
        text(|| format!("{field}[{i}]"), value)?;
    }
    Ok(())
}

pub(crate) fn in_range(
    field: impl FnOnce() -> String,
    value: u32,
    min: u32,
    max: u32,
) -> Result<(), Error> {
    if !(min..=max).contains(&value) {
        return Err(ErrorKind::OutOfRange {
            field: field(),
            value: f64::from(value),
            min: f64::from(min),
            max: f64::from(max),
        }
        .into());
    }
    Ok(())
}

/// A decimal in 0–`max` with at most three decimals, in thousandths.
fn decimal(field: impl Fn() -> String, value: f64, max: u64) -> Result<u64, Error> {
    exact::thousandths(value, max).map_err(|e| {
        match e {
            Inexact::Decimals => ErrorKind::TooPrecise {
                field: field(),
                value,
            },
            #[allow(clippy::cast_precision_loss)] // small bounds
            Inexact::Range => ErrorKind::OutOfRange {
                field: field(),
                value,
                min: 0.0,
                max: max as f64,
            },
        }
        .into()
    })
}

/// Validates a definition and compiles it.
#[allow(clippy::too_many_lines)] // one pass over the file, section by section
pub(crate) fn compile(def: FrameworkDefinition) -> Result<Compiled, Error> {
    name(|| "name".to_owned(), &def.name)?;
    text(|| "version".to_owned(), &def.version)?;
    text(|| "summary".to_owned(), &def.summary)?;
    for (field, value) in [
        ("salary_note", &def.salary_note),
        ("attribution", &def.attribution),
    ] {
        if let Some(value) = value {
            text(|| field.to_owned(), value)?;
        }
    }
    if let Some(occupation) = &def.occupation {
        name(|| "occupation.scheme".to_owned(), &occupation.scheme)?;
        name(|| "occupation.code".to_owned(), &occupation.code)?;
        text(|| "occupation.name".to_owned(), &occupation.name)?;
    }
    texts("responsibilities", &def.responsibilities)?;
    for (field, empty) in [
        ("skills", def.skills.is_empty()),
        ("levels", def.levels.is_empty()),
    ] {
        if empty {
            return Err(ErrorKind::Empty {
                field: field.to_owned(),
            }
            .into());
        }
    }
    count(|| "skills".to_owned(), def.skills.len(), MAX_SKILLS)?;
    count(|| "levels".to_owned(), def.levels.len(), MAX_LEVELS)?;
    count(|| "steps".to_owned(), def.steps.len(), MAX_STEPS)?;
    count(|| "training".to_owned(), def.training.len(), MAX_TRAINING)?;
    count(|| "hiring".to_owned(), def.hiring.len(), MAX_LIST)?;

    for (i, &value) in def.points.iter().enumerate() {
        in_range(|| format!("points[{i}]"), value, 0, MAX_POINTS)?;
        if i > 0 && value < def.points[i - 1] {
            return Err(ErrorKind::DecreasingPoints {
                field: format!("points[{i}]"),
                proficiency: Proficiency::ALL[i],
                value,
                previous: def.points[i - 1],
            }
            .into());
        }
    }
    in_range(
        || "work_hours_per_week".to_owned(),
        def.work_hours_per_week,
        1,
        MAX_HOURS_PER_WEEK,
    )?;

    let fit = &def.fit;
    let mut decay = [0u64; 5];
    for (i, &d) in fit.decay.iter().enumerate() {
        let field = || format!("fit.decay[{i}]");
        decay[i] = decimal(field, d, 1)?;
        let previous = (i > 0).then(|| fit.decay[i - 1]);
        let bad = match previous {
            None => decay[0] != MILLI,
            Some(_) => decay[i] > decay[i - 1],
        };
        if bad {
            return Err(ErrorKind::InvalidDecay {
                field: field(),
                value: d,
                previous,
            }
            .into());
        }
    }
    let near = decimal(|| "fit.near".to_owned(), fit.near, 1)?;
    let stretch = decimal(|| "fit.stretch".to_owned(), fit.stretch, 1)?;
    if stretch > near {
        return Err(ErrorKind::StretchAboveNear {
            stretch: fit.stretch,
            near: fit.near,
        }
        .into());
    }

    let skill_ids = index("skills", IdKind::Skill, def.skills.iter().map(|s| &s.id))?;
    let mut weight = Vec::with_capacity(def.skills.len());
    for (i, skill) in def.skills.iter().enumerate() {
        let at = |f: &str| format!("skills[{i}].{f}");
        name(|| at("name"), &skill.name)?;
        text(|| at("description"), &skill.description)?;
        for (p, d) in &skill.descriptors {
            text(|| format!("skills[{i}].descriptors.{p}"), d)?;
        }
        texts(&at("keywords"), &skill.keywords)?;
        if let Some(reference) = &skill.reference {
            text(|| at("reference"), reference)?;
        }
        match exact::thousandths(skill.weight, u64::from(MAX_WEIGHT)) {
            Ok(w) if w > 0 => weight.push(w),
            _ => {
                return Err(ErrorKind::InvalidWeight {
                    field: at("weight"),
                    skill: skill.id.clone(),
                    weight: skill.weight,
                }
                .into());
            }
        }
    }
    let total_weight: u64 = weight.iter().sum();

    let training_ids = index(
        "training",
        IdKind::Training,
        def.training.iter().map(|t| &t.id),
    )?;
    let mut training_pace = Vec::with_capacity(def.training.len());
    let mut paces = HashSet::new();
    for (i, option) in def.training.iter().enumerate() {
        let at = |f: &str| format!("training[{i}].{f}");
        name(|| at("name"), &option.name)?;
        text(|| at("description"), &option.description)?;
        if let Some(d) = &option.duration {
            text(|| at("duration"), d)?;
        }
        if let Some(pace) = option.hours_per_week {
            in_range(|| at("hours_per_week"), pace, 1, MAX_HOURS_PER_WEEK)?;
            paces.insert(pace);
        }
        training_pace.push(option.hours_per_week);
    }
    if paces.len() > MAX_FIXED_PACES {
        return Err(ErrorKind::TooManyPaces {
            count: paces.len(),
            max: MAX_FIXED_PACES,
        }
        .into());
    }
    let pace_lcm = paces
        .iter()
        .fold(u128::from(def.work_hours_per_week), |l, &p| {
            exact::lcm(l, u128::from(p))
        });
    for (i, hiring) in def.hiring.iter().enumerate() {
        name(|| format!("hiring[{i}].industry"), &hiring.industry)?;
        texts(&format!("hiring[{i}].employers"), &hiring.employers)?;
    }

    let most_points = total_weight * u64::from(def.points[5]);
    let level_ids = index("levels", IdKind::Level, def.levels.iter().map(|l| &l.id))?;
    let mut requires: Vec<Vec<(u32, Proficiency)>> = Vec::with_capacity(def.levels.len());
    let mut min_points: Vec<u64> = Vec::with_capacity(def.levels.len());
    for (li, level) in def.levels.iter().enumerate() {
        let at = |f: &str| format!("levels[{li}].{f}");
        name(|| at("name"), &level.name)?;
        text(|| at("summary"), &level.summary)?;
        if let Some(band) = &level.salary {
            if let (Some(min), Some(max)) = (band.min, band.max)
                && min > max
            {
                return Err(ErrorKind::SalaryRange {
                    field: at("salary"),
                    min,
                    max,
                }
                .into());
            }
            if band.currency.len() != 3 || !band.currency.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(ErrorKind::InvalidCurrency {
                    field: at("salary.currency"),
                    currency: band.currency.chars().take(80).collect(),
                }
                .into());
            }
            if let Some(note) = &band.note {
                text(|| at("salary.note"), note)?;
            }
        }
        // min_points is in points; weights are thousandths, so points × weight is too.
        let points = match level.min_points {
            None => 0,
            Some(p) => decimal(|| at("min_points"), p, MAX_MIN_POINTS)?,
        };
        if points > most_points {
            return Err(ErrorKind::UnreachableMinPoints {
                field: at("min_points"),
                level: level.id.clone(),
                min_points: exact::from_thousandths(points),
                most: exact::from_thousandths(most_points),
            }
            .into());
        }
        count(|| at("requires"), level.requires.len(), MAX_SKILLS)?;
        let mut row = Vec::with_capacity(level.requires.len());
        for (skill, &p) in &level.requires {
            let si = lookup(
                &skill_ids,
                format!("levels[{li}].requires.{skill}"),
                IdKind::Skill,
                skill,
            )?;
            if p > Proficiency::None {
                row.push((si, p));
            }
        }
        row.sort_unstable_by_key(|&(s, _)| s);
        if li > 0 {
            let lower = &def.levels[li - 1];
            // Every requirement of the lower level must be repeated at least as high.
            for &(si, q) in &requires[li - 1] {
                let p = row
                    .binary_search_by_key(&si, |&(s, _)| s)
                    .map_or(Proficiency::None, |i| row[i].1);
                if p < q {
                    let skill = &def.skills[si as usize].id;
                    return Err(ErrorKind::DecreasingRequirement {
                        field: format!("levels[{li}].requires.{skill}"),
                        level: level.id.clone(),
                        lower: lower.id.clone(),
                        skill: skill.clone(),
                        required: p,
                        lower_required: q,
                    }
                    .into());
                }
            }
            let lower_points = min_points[li - 1];
            if points < lower_points {
                return Err(ErrorKind::DecreasingMinPoints {
                    field: at("min_points"),
                    level: level.id.clone(),
                    lower: lower.id.clone(),
                    min_points: exact::from_thousandths(points),
                    lower_min_points: exact::from_thousandths(lower_points),
                }
                .into());
            }
        }
        requires.push(row);
        min_points.push(points);
    }

    let step_ids = index("steps", IdKind::Step, def.steps.iter().map(|s| &s.id))?;
    let mut steps = Vec::with_capacity(def.steps.len());
    // (step, item) pairs, in framework order.
    let mut develops_of: Vec<(u32, (u32, Proficiency))> = Vec::new();
    let mut prerequisites_of: Vec<(u32, u32)> = Vec::new();
    for (i, step) in def.steps.iter().enumerate() {
        let at = |f: &str| format!("steps[{i}].{f}");
        name(|| at("title"), &step.title)?;
        text(|| at("summary"), &step.summary)?;
        texts(&at("actions"), &step.actions)?;
        let habit = step.kind == StepKind::Habit;
        let (needed, needed_name, other, other_name) = if habit {
            (step.hours_per_week, "hours_per_week", step.hours, "hours")
        } else {
            (step.hours, "hours", step.hours_per_week, "hours_per_week")
        };
        if other.is_some() {
            return Err(ErrorKind::WrongEffort {
                field: at(other_name),
                step: step.id.clone(),
                kind: step.kind,
            }
            .into());
        }
        let Some(effort) = needed else {
            return Err(ErrorKind::MissingEffort {
                field: at(needed_name),
                step: step.id.clone(),
                kind: step.kind,
            }
            .into());
        };
        let max = if habit {
            MAX_HOURS_PER_WEEK
        } else {
            MAX_STEP_HOURS
        };
        in_range(|| at(needed_name), effort, 1, max)?;

        count(|| at("develops"), step.develops.len(), MAX_SKILLS)?;
        let mut develops = Vec::with_capacity(step.develops.len());
        for (skill, &p) in &step.develops {
            let field = format!("steps[{i}].develops.{skill}");
            if p == Proficiency::None {
                return Err(ErrorKind::DevelopsNone {
                    field,
                    step: step.id.clone(),
                    skill: skill.clone(),
                }
                .into());
            }
            develops.push((lookup(&skill_ids, field, IdKind::Skill, skill)?, p));
        }
        develops.sort_unstable_by_key(|&(s, _)| s);
        let step_at = u32::try_from(i).unwrap_or(u32::MAX);
        develops_of.extend(develops.iter().map(|&d| (step_at, d)));

        count(|| at("prerequisites"), step.prerequisites.len(), MAX_LIST)?;
        let mut prerequisites = Vec::with_capacity(step.prerequisites.len());
        for (j, id) in step.prerequisites.iter().enumerate() {
            let field = format!("steps[{i}].prerequisites[{j}]");
            let p = lookup(&step_ids, field.clone(), IdKind::Step, id)?;
            if prerequisites.contains(&p) {
                return Err(ErrorKind::DuplicateId {
                    field,
                    kind: IdKind::Step,
                    id: id.clone(),
                }
                .into());
            }
            if def.steps[p as usize].kind == StepKind::Habit {
                return Err(ErrorKind::HabitPrerequisite {
                    field,
                    step: step.id.clone(),
                    habit: id.clone(),
                }
                .into());
            }
            prerequisites.push(p);
        }
        // Framework order, which planning uses to break ties.
        prerequisites.sort_unstable();
        prerequisites_of.extend(prerequisites.iter().map(|&p| (step_at, p)));

        count(|| at("training"), step.training.len(), MAX_LIST)?;
        let mut training = Vec::with_capacity(step.training.len());
        for (j, id) in step.training.iter().enumerate() {
            let field = format!("steps[{i}].training[{j}]");
            let t = lookup(&training_ids, field.clone(), IdKind::Training, id)?;
            if training.contains(&t) {
                return Err(ErrorKind::DuplicateId {
                    field,
                    kind: IdKind::Training,
                    id: id.clone(),
                }
                .into());
            }
            training.push(t);
        }
        steps.push(CompiledStep {
            kind: step.kind,
            optional: step.optional,
            hours: if habit { 0 } else { effort },
            habit_hours: if habit { effort } else { 0 },
            training,
        });
    }
    let step_count = def.steps.len();
    let prerequisites = Lists::from_pairs(step_count, &prerequisites_of);
    if let Some(path) = find_cycle(&prerequisites, step_count) {
        let first = path[0];
        return Err(ErrorKind::PrerequisiteCycle {
            field: format!("steps[{first}].prerequisites"),
            path: path.into_iter().map(|i| def.steps[i].id.clone()).collect(),
        }
        .into());
    }

    let mut meets = vec![[u8::try_from(def.levels.len()).unwrap_or(u8::MAX); 6]; def.skills.len()];
    for (li, row) in requires.iter().enumerate().rev() {
        let li = u8::try_from(li).unwrap_or(u8::MAX);
        for &(s, q) in row {
            for r in &mut meets[s as usize][..q.index()] {
                *r = (*r).min(li);
            }
        }
    }
    let required_weight: Vec<u64> = requires
        .iter()
        .map(|row| row.iter().map(|&(s, _)| weight[s as usize]).sum())
        .collect();
    let points = def.points.map(u64::from);
    let tables = Tables::new(&Rules {
        weight: &weight,
        points,
        meets: &meets,
        requires: &requires,
        required_weight: &required_weight,
        min_points: &min_points,
        decay,
        near,
        stretch,
    });
    let developers: Vec<(u32, u32)> = develops_of.iter().map(|&(i, (s, _))| (s, i)).collect();
    let dependents: Vec<(u32, u32)> = prerequisites_of.iter().map(|&(i, p)| (p, i)).collect();
    let def_work_hours = def.work_hours_per_week;
    let def_skill_count = def.skills.len();
    Ok(Compiled {
        points,
        def,
        skill_ids,
        level_ids,
        step_ids,
        training_ids,
        weight,
        total_weight,
        meets,
        requires,
        min_points,
        decay,
        steps,
        develops: Lists::from_pairs(step_count, &develops_of),
        dependents: Lists::from_pairs(step_count, &dependents),
        developers: Lists::from_pairs(def_skill_count, &developers),
        prerequisites,
        training_pace,
        work_hours: def_work_hours,
        pace_lcm,
        tables,
    })
}

/// The first prerequisite cycle, as step indices with the first repeated at the end.
/// Iterative depth-first search, so a chain of 100,000 steps cannot overflow the stack.
fn find_cycle(prerequisites: &Lists<u32>, steps: usize) -> Option<Vec<usize>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let mut mark = vec![Mark::New; steps];
    for root in 0..steps {
        if mark[root] != Mark::New {
            continue;
        }
        // (step, next prerequisite to visit)
        let mut stack = vec![(root, 0usize)];
        mark[root] = Mark::Open;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&child) = prerequisites.of(node).get(*next) {
                *next += 1;
                let child = child as usize;
                match mark[child] {
                    Mark::New => {
                        mark[child] = Mark::Open;
                        stack.push((child, 0));
                    }
                    Mark::Open => {
                        let start = stack.iter().position(|&(n, _)| n == child).unwrap_or(0);
                        let mut path: Vec<usize> = stack[start..].iter().map(|&(n, _)| n).collect();
                        path.push(child);
                        return Some(path);
                    }
                    Mark::Done => {}
                }
            } else {
                mark[node] = Mark::Done;
                stack.pop();
            }
        }
    }
    None
}
