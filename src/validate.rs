//! Validation of frameworks, building the dense [`Index`] scoring relies on.

use std::collections::HashMap;

use crate::error::{Error, IdKind};
use crate::framework::{FrameworkData, Index};
use crate::id::Id;
use crate::limits::{
    MAX_LEVELS, MAX_LIST, MAX_SKILLS, MAX_STEP_HOURS, MAX_STEPS, MAX_TEXT_LEN, MAX_TRAINING,
    MAX_WEIGHT,
};
use crate::proficiency::Proficiency;

pub(crate) fn text(field: impl FnOnce() -> String, value: &str) -> Result<(), Error> {
    if value.len() > MAX_TEXT_LEN {
        return Err(Error::TextTooLong {
            field: field(),
            len: value.len(),
            max: MAX_TEXT_LEN,
        });
    }
    Ok(())
}

pub(crate) fn count(field: impl FnOnce() -> String, len: usize, max: usize) -> Result<(), Error> {
    if len > max {
        return Err(Error::TooMany {
            field: field(),
            len,
            max,
        });
    }
    Ok(())
}

/// A name or title: within the length limit and not blank.
fn name(field: impl Fn() -> String, value: &str) -> Result<(), Error> {
    text(&field, value)?;
    if value.trim().is_empty() {
        return Err(Error::invalid(field(), "cannot be blank"));
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

/// Maps each id to its position, rejecting duplicates.
fn positions<'a>(
    field: &str,
    kind: IdKind,
    ids: impl Iterator<Item = &'a Id>,
) -> Result<HashMap<Id, usize>, Error> {
    let mut map = HashMap::new();
    for (i, id) in ids.enumerate() {
        if map.insert(id.clone(), i).is_some() {
            return Err(Error::DuplicateId {
                field: field.to_owned(),
                kind,
                id: id.clone(),
            });
        }
    }
    Ok(map)
}

fn lookup(
    map: &HashMap<Id, usize>,
    field: impl FnOnce() -> String,
    kind: IdKind,
    id: &Id,
) -> Result<usize, Error> {
    map.get(id).copied().ok_or_else(|| Error::UnknownId {
        field: field(),
        kind,
        id: id.clone(),
    })
}

/// Resolves a list of references, rejecting unknown and repeated ones.
fn references(
    map: &HashMap<Id, usize>,
    field: &str,
    kind: IdKind,
    ids: &[Id],
) -> Result<Vec<usize>, Error> {
    count(|| field.to_owned(), ids.len(), MAX_LIST)?;
    let mut out = Vec::with_capacity(ids.len());
    let mut seen = std::collections::HashSet::with_capacity(ids.len());
    for id in ids {
        let i = lookup(map, || field.to_owned(), kind, id)?;
        if !seen.insert(i) {
            return Err(Error::DuplicateId {
                field: field.to_owned(),
                kind,
                id: id.clone(),
            });
        }
        out.push(i);
    }
    Ok(out)
}

fn unit_interval(field: impl FnOnce() -> String, value: f64) -> Result<(), Error> {
    if !(0.0..=1.0).contains(&value) {
        return Err(Error::invalid(field(), format!("{value} is outside 0-1")));
    }
    Ok(())
}

#[allow(clippy::too_many_lines)] // one pass over the file, section by section
pub(crate) fn framework(data: &FrameworkData) -> Result<Index, Error> {
    name(|| "name".to_owned(), &data.name)?;
    text(|| "version".to_owned(), &data.version)?;
    text(|| "summary".to_owned(), &data.summary)?;
    if let Some(note) = &data.salary_note {
        text(|| "salary_note".to_owned(), note)?;
    }
    texts("responsibilities", &data.responsibilities)?;
    if data.skills.is_empty() {
        return Err(Error::Empty { field: "skills" });
    }
    if data.levels.is_empty() {
        return Err(Error::Empty { field: "levels" });
    }
    count(|| "skills".to_owned(), data.skills.len(), MAX_SKILLS)?;
    count(|| "levels".to_owned(), data.levels.len(), MAX_LEVELS)?;
    count(|| "steps".to_owned(), data.steps.len(), MAX_STEPS)?;
    count(|| "training".to_owned(), data.training.len(), MAX_TRAINING)?;
    count(|| "hiring".to_owned(), data.hiring.len(), MAX_LIST)?;

    for pair in data.points.windows(2).enumerate() {
        let (i, &[previous, value]) = pair else {
            continue;
        };
        if value < previous {
            return Err(Error::DecreasingPoints {
                proficiency: Proficiency::ALL[i + 1],
                value,
                previous,
            });
        }
    }
    let fit = &data.fit;
    for (i, &d) in fit.decay.iter().enumerate() {
        unit_interval(|| format!("fit.decay[{i}]"), d)?;
        if i > 0 && d > fit.decay[i - 1] {
            return Err(Error::invalid(
                format!("fit.decay[{i}]"),
                format!(
                    "{d} is more than fit.decay[{}] = {}: decay never increases with the gap",
                    i - 1,
                    fit.decay[i - 1]
                ),
            ));
        }
    }
    unit_interval(|| "fit.near".to_owned(), fit.near)?;
    unit_interval(|| "fit.stretch".to_owned(), fit.stretch)?;
    if fit.stretch > fit.near {
        return Err(Error::invalid(
            "fit.stretch",
            format!("{} is more than fit.near = {}", fit.stretch, fit.near),
        ));
    }

    let skills = positions("skills", IdKind::Skill, data.skills.iter().map(|s| &s.id))?;
    let mut weights = Vec::with_capacity(data.skills.len());
    for skill in &data.skills {
        let at = || format!("skills.{}", skill.id);
        name(|| format!("{}.name", at()), &skill.name)?;
        text(|| format!("{}.description", at()), &skill.description)?;
        for (p, d) in skill.descriptors.iter() {
            text(|| format!("{}.descriptors.{p}", at()), d)?;
        }
        if !(skill.weight.is_finite() && skill.weight > 0.0 && skill.weight <= MAX_WEIGHT) {
            return Err(Error::InvalidWeight {
                skill: skill.id.clone(),
                weight: skill.weight,
            });
        }
        weights.push(skill.weight);
    }

    let training = positions(
        "training",
        IdKind::Training,
        data.training.iter().map(|t| &t.id),
    )?;
    for option in &data.training {
        let at = || format!("training.{}", option.id);
        name(|| format!("{}.name", at()), &option.name)?;
        text(|| format!("{}.description", at()), &option.description)?;
        if let Some(d) = &option.duration {
            text(|| format!("{}.duration", at()), d)?;
        }
    }
    for (i, hiring) in data.hiring.iter().enumerate() {
        name(|| format!("hiring[{i}].industry"), &hiring.industry)?;
        texts(&format!("hiring[{i}].employers"), &hiring.employers)?;
    }

    let most_points: f64 = weights.iter().map(|w| w * f64::from(data.points[5])).sum();
    let levels = positions("levels", IdKind::Level, data.levels.iter().map(|l| &l.id))?;
    let mut requires = Vec::with_capacity(data.levels.len());
    let mut min_points = Vec::with_capacity(data.levels.len());
    for (li, level) in data.levels.iter().enumerate() {
        let at = || format!("levels.{}", level.id);
        name(|| format!("{}.name", at()), &level.name)?;
        text(|| format!("{}.summary", at()), &level.summary)?;
        if let Some(band) = &level.salary {
            if let (Some(min), Some(max)) = (band.min, band.max)
                && min > max
            {
                return Err(Error::invalid(
                    format!("{}.salary", at()),
                    format!("min {min} is more than max {max}"),
                ));
            }
            text(|| format!("{}.salary.currency", at()), &band.currency)?;
            if let Some(note) = &band.note {
                text(|| format!("{}.salary.note", at()), note)?;
            }
        }
        let points = level.min_points.unwrap_or(0.0);
        if !(points.is_finite() && points >= 0.0) {
            return Err(Error::invalid(
                format!("{}.min_points", at()),
                format!("{points} is not a non-negative finite number"),
            ));
        }
        if points > most_points {
            return Err(Error::invalid(
                format!("{}.min_points", at()),
                format!(
                    "{points} is more than the {most_points} points of an expert in every skill: nobody could meet it"
                ),
            ));
        }
        let mut row = vec![Proficiency::None; data.skills.len()];
        for (skill, &p) in &level.requires {
            let si = lookup(
                &skills,
                || format!("{}.requires", at()),
                IdKind::Skill,
                skill,
            )?;
            row[si] = p;
        }
        if li > 0 {
            let lower = &data.levels[li - 1];
            let lower_row: &Vec<Proficiency> = &requires[li - 1];
            for (si, (&p, &q)) in row.iter().zip(lower_row).enumerate() {
                if p < q {
                    return Err(Error::DecreasingRequirement {
                        level: level.id.clone(),
                        lower: lower.id.clone(),
                        skill: data.skills[si].id.clone(),
                        required: p,
                        lower_required: q,
                    });
                }
            }
            let lower_points: f64 = min_points[li - 1];
            if points < lower_points {
                return Err(Error::DecreasingMinPoints {
                    level: level.id.clone(),
                    lower: lower.id.clone(),
                    min_points: points,
                    lower_min_points: lower_points,
                });
            }
        }
        requires.push(row);
        min_points.push(points);
    }

    let steps = positions("steps", IdKind::Step, data.steps.iter().map(|s| &s.id))?;
    let mut develops = Vec::with_capacity(data.steps.len());
    let mut prerequisites = Vec::with_capacity(data.steps.len());
    let mut step_training = Vec::with_capacity(data.steps.len());
    for step in &data.steps {
        let at = || format!("steps.{}", step.id);
        name(|| format!("{}.title", at()), &step.title)?;
        text(|| format!("{}.summary", at()), &step.summary)?;
        texts(&format!("{}.actions", at()), &step.actions)?;
        if step.hours == 0 || step.hours > MAX_STEP_HOURS {
            return Err(Error::invalid(
                format!("{}.hours", at()),
                format!("{} is outside 1-{MAX_STEP_HOURS}", step.hours),
            ));
        }
        count(
            || format!("{}.develops", at()),
            step.develops.len(),
            MAX_SKILLS,
        )?;
        let mut dev = Vec::with_capacity(step.develops.len());
        for (skill, &p) in &step.develops {
            dev.push((
                lookup(
                    &skills,
                    || format!("{}.develops", at()),
                    IdKind::Skill,
                    skill,
                )?,
                p,
            ));
        }
        // Framework order, so planning reads skills in the order people see them.
        dev.sort_unstable_by_key(|&(si, _)| si);
        develops.push(dev);
        let mut pre = references(
            &steps,
            &format!("{}.prerequisites", at()),
            IdKind::Step,
            &step.prerequisites,
        )?;
        // Framework order, which planning uses to break ties.
        pre.sort_unstable();
        prerequisites.push(pre);
        step_training.push(references(
            &training,
            &format!("{}.training", at()),
            IdKind::Training,
            &step.training,
        )?);
    }
    if let Some(path) = find_cycle(&prerequisites) {
        return Err(Error::PrerequisiteCycle {
            path: path.into_iter().map(|i| data.steps[i].id.clone()).collect(),
        });
    }

    let prepared =
        crate::prepared::Prepared::new(&weights, &data.points, &data.fit, &requires, &min_points);
    Ok(Index {
        skills,
        levels,
        steps,
        training,
        requires,
        develops,
        prerequisites,
        step_training,
        weights,
        prepared,
    })
}

/// The first prerequisite cycle, as step indices with the first repeated at the end.
/// Iterative depth-first search, so a chain of 100,000 steps cannot overflow the stack.
fn find_cycle(prerequisites: &[Vec<usize>]) -> Option<Vec<usize>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let mut mark = vec![Mark::New; prerequisites.len()];
    for root in 0..prerequisites.len() {
        if mark[root] != Mark::New {
            continue;
        }
        // (step, next prerequisite to visit)
        let mut stack = vec![(root, 0usize)];
        mark[root] = Mark::Open;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&child) = prerequisites[node].get(*next) {
                *next += 1;
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
