//! An assessment checked against a compiled framework and resolved by index, once: the
//! dense ratings that scoring and planning share.

use std::cmp::Ordering;

use crate::assessment::{Assessment, DEFAULT_HOURS_PER_WEEK, Rating};
use crate::compile::{Compiled, count, in_range, text};
use crate::error::{Error, ErrorKind, IdKind};
use crate::id::{Id, closest};
use crate::limits::{
    MAX_DEADLINE_WEEKS, MAX_EXPERIENCE_YEARS, MAX_HOURS_PER_WEEK, MAX_LIST, MAX_SKILLS, MAX_STEPS,
};
use crate::options::{Calibration, Options};
use crate::proficiency::Proficiency;

/// An assessment resolved against a framework.
pub(crate) struct Resolved<'a> {
    pub(crate) assessment: &'a Assessment,
    /// Per skill: the person's rating, if they gave one.
    pub(crate) entries: Vec<Option<&'a Rating>>,
    /// Per skill: the self-rating (`none` when unrated).
    pub(crate) self_ratings: Vec<Proficiency>,
    /// Per skill: the rating used, after the calibration policy.
    pub(crate) ratings: Vec<Proficiency>,
    /// Whether the calibration policy is anything but trust.
    pub(crate) calibrated: bool,
    /// Per step: whether the person has completed it.
    pub(crate) completed: Vec<bool>,
    /// The preferred target level.
    pub(crate) target: Option<usize>,
    /// Preferred training options, most preferred first.
    pub(crate) preferred: Vec<u32>,
    /// Study hours a week.
    pub(crate) hours_per_week: u32,
    /// The deadline in weeks.
    pub(crate) deadline: Option<u32>,
}

fn unknown(ids: &[(Id, u32)], field: String, kind: IdKind, id: &Id) -> Error {
    ErrorKind::UnknownId {
        field,
        kind,
        suggestion: closest(id.as_str(), ids.iter().map(|(k, _)| k)).cloned(),
        id: id.clone(),
    }
    .into()
}

/// Checks `assessment` against the framework and resolves it.
#[allow(clippy::too_many_lines)] // one pass over the assessment, field by field
pub(crate) fn resolve<'a>(
    c: &Compiled,
    assessment: &'a Assessment,
    options: Options,
) -> Result<Resolved<'a>, Error> {
    check_ratings(c, assessment)?;
    let mut entries: Vec<Option<&Rating>> = vec![None; c.weight.len()];
    merge(
        c,
        assessment,
        |si, id, rating| {
            entries[si] = Some(rating);
            check_evidence(id, rating)
        },
        |id| Err(unknown_skill(c, id)),
    )?;
    if let Some(years) = assessment.experience_years
        && !(0.0..=MAX_EXPERIENCE_YEARS).contains(&years)
    {
        return Err(ErrorKind::OutOfRange {
            field: "experience_years".to_owned(),
            value: years,
            min: 0.0,
            max: MAX_EXPERIENCE_YEARS,
        }
        .into());
    }
    count(
        || "completed_steps".to_owned(),
        assessment.completed_steps.len(),
        MAX_STEPS,
    )?;
    let mut completed = vec![false; c.steps.len()];
    for (i, step) in assessment.completed_steps.iter().enumerate() {
        match c.step(step.as_str()) {
            Some(s) => completed[s] = true,
            None => {
                return Err(unknown(
                    &c.step_ids,
                    format!("completed_steps[{i}]"),
                    IdKind::Step,
                    step,
                ));
            }
        }
    }
    let prefs = &assessment.preferences;
    let target = match &prefs.target_level {
        None => None,
        Some(level) => Some(c.level(level.as_str()).ok_or_else(|| {
            unknown(
                &c.level_ids,
                "preferences.target_level".to_owned(),
                IdKind::Level,
                level,
            )
        })?),
    };
    if let Some(hours) = prefs.hours_per_week {
        in_range(
            || "preferences.hours_per_week".to_owned(),
            hours,
            1,
            MAX_HOURS_PER_WEEK,
        )?;
    }
    count(
        || "preferences.training".to_owned(),
        prefs.training.len(),
        MAX_LIST,
    )?;
    let mut preferred = Vec::with_capacity(prefs.training.len());
    for (i, option) in prefs.training.iter().enumerate() {
        match c.training(option.as_str()) {
            Some(t) => preferred.push(u32::try_from(t).unwrap_or(u32::MAX)),
            None => {
                return Err(unknown(
                    &c.training_ids,
                    format!("preferences.training[{i}]"),
                    IdKind::Training,
                    option,
                ));
            }
        }
    }
    if let Some(weeks) = prefs.deadline_weeks {
        in_range(
            || "preferences.deadline_weeks".to_owned(),
            weeks,
            1,
            MAX_DEADLINE_WEEKS,
        )?;
    }

    let self_ratings: Vec<Proficiency> = entries
        .iter()
        .map(|e| e.map_or(Proficiency::None, |r| r.proficiency))
        .collect();
    let ratings = match options.calibration {
        Calibration::Trust => self_ratings.clone(),
        Calibration::CapUnevidenced { above } => entries
            .iter()
            .zip(&self_ratings)
            .map(|(e, &r)| {
                let evidenced = e.is_some_and(|r| !r.evidence.is_empty());
                if evidenced { r } else { r.min(above) }
            })
            .collect(),
    };
    Ok(Resolved {
        assessment,
        entries,
        self_ratings,
        ratings,
        calibrated: options.calibration != Calibration::Trust,
        completed,
        target,
        preferred,
        hours_per_week: prefs.hours_per_week.unwrap_or(DEFAULT_HOURS_PER_WEEK),
        deadline: prefs.deadline_weeks,
    })
}

/// Checks the evidence of the rating of skill `id`.
fn check_evidence(id: &Id, rating: &Rating) -> Result<(), Error> {
    let field = || format!("ratings.{id}.evidence");
    count(field, rating.evidence.len(), MAX_LIST)?;
    for (i, e) in rating.evidence.iter().enumerate() {
        let at = |f: &str| format!("ratings.{id}.evidence[{i}].{f}");
        text(|| at("description"), &e.description)?;
        if e.description.trim().is_empty() {
            return Err(ErrorKind::BlankEvidence {
                field: at("description"),
                skill: id.clone(),
            }
            .into());
        }
        if let Some(url) = &e.url {
            text(|| at("url"), url)?;
        }
    }
    Ok(())
}

/// Checks what scoring an assessment's ratings needs: that the assessment names this
/// framework, if any, and has no more ratings than a framework can have skills.
pub(crate) fn check_ratings(c: &Compiled, assessment: &Assessment) -> Result<(), Error> {
    if let Some(id) = &assessment.framework
        && *id != c.def.id
    {
        return Err(ErrorKind::FrameworkMismatch {
            expected: c.def.id.clone(),
            found: id.clone(),
        }
        .into());
    }
    count(
        || "ratings".to_owned(),
        assessment.ratings.len(),
        MAX_SKILLS,
    )
}

/// The error for a rated skill the framework does not have, with the closest id.
pub(crate) fn unknown_skill(c: &Compiled, id: &Id) -> Error {
    unknown(&c.skill_ids, format!("ratings.{id}"), IdKind::Skill, id)
}

/// Calls `each(skill, id, rating)` for every rating of `assessment` whose skill the
/// framework has, and `unknown(id)` for each other, in id order: both lists are sorted by
/// id, so one merge resolves them, with no hashing. Stops at the first error either returns.
pub(crate) fn merge<'a>(
    c: &Compiled,
    assessment: &'a Assessment,
    mut each: impl FnMut(usize, &'a Id, &'a Rating) -> Result<(), Error>,
    mut unknown: impl FnMut(&Id) -> Result<(), Error>,
) -> Result<(), Error> {
    let mut known = c.skill_ids.iter();
    let mut next = known.next();
    'ratings: for (id, rating) in &assessment.ratings {
        // One comparison of the two ids a step.
        while let Some((k, si)) = next {
            match k.as_str().cmp(id.as_str()) {
                Ordering::Less => next = known.next(),
                Ordering::Equal => {
                    next = known.next();
                    each(*si as usize, id, rating)?;
                    continue 'ratings;
                }
                Ordering::Greater => break,
            }
        }
        unknown(id)?;
    }
    Ok(())
}
