//! Calibration warnings (DESIGN.md section 2): ratings worth a second look. Warnings never
//! change readiness; only the calibration policy does, in resolving.

use std::fmt::Write as _;

use crate::assessment::Confidence;
use crate::compile::Compiled;
use crate::proficiency::Proficiency;
use crate::report::{Warning, WarningCode};
use crate::resolve::Resolved;

/// Years of experience under which most-skills-expert is implausible.
const IMPLAUSIBLE_EXPERT_YEARS: f64 = 2.0;

/// Years of experience from which no rating above advanced beginner suggests under-rating.
const UNDER_RATING_YEARS: f64 = 5.0;

/// `a novice`, `an expert`, `competent`: a rating as a person would say it of themselves.
pub(crate) fn as_person(p: Proficiency) -> &'static str {
    match p {
        Proficiency::None => "new to it",
        Proficiency::Novice => "a novice",
        Proficiency::AdvancedBeginner => "an advanced beginner",
        Proficiency::Competent => "competent",
        Proficiency::Proficient => "proficient",
        Proficiency::Expert => "an expert",
    }
}

/// `1 year`, `2.5 years`.
fn years(y: f64) -> String {
    if (y - 1.0).abs() < f64::EPSILON {
        "1 year".to_owned()
    } else {
        format!("{y} years")
    }
}

fn warning(c: &Compiled, code: WarningCode, skill: Option<usize>, message: String) -> Warning {
    let skills = &c.def.skills;
    Warning {
        code,
        skill: skill.map(|s| skills[s].id.clone()),
        name: skill.map(|s| skills[s].name.clone()),
        message,
    }
}

pub(crate) fn warnings(c: &Compiled, r: &Resolved<'_>) -> Vec<Warning> {
    let mut out = Vec::new();
    ratings_as_a_whole(c, r, &mut out);
    low_confidence(c, r, &mut out);
    each_skill(c, r, &mut out);
    out
}

/// Warnings about the ratings taken together: all the same, or out of line with experience.
fn ratings_as_a_whole(c: &Compiled, r: &Resolved<'_>, out: &mut Vec<Warning>) {
    let skills = &c.def.skills;
    let ratings = &r.self_ratings;
    let all_rated = r.entries.iter().all(Option::is_some);
    if skills.len() >= 2
        && all_rated
        && let Some(first) = ratings.first()
        && ratings.iter().all(|r| r == first)
    {
        out.push(warning(
            c,
            WarningCode::UniformRatings,
            None,
            format!(
                "you rated every skill the same ({}): read each skill's descriptions and rate it on its own",
                first.label()
            ),
        ));
    }
    let Some(y) = r.assessment.experience_years else {
        return;
    };
    let experts = ratings
        .iter()
        .filter(|&&p| p == Proficiency::Expert)
        .count();
    if y < IMPLAUSIBLE_EXPERT_YEARS && experts * 2 > skills.len() {
        out.push(warning(
            c,
            WarningCode::ImplausibleForExperience,
            None,
            format!(
                "you rate yourself an expert in {experts} of {} skills with {} of experience: \
                 expertise usually takes years of practice",
                skills.len(),
                years(y)
            ),
        ));
    }
    let rated_any = r.entries.iter().any(Option::is_some);
    if y >= UNDER_RATING_YEARS
        && rated_any
        && ratings.iter().all(|&p| p <= Proficiency::AdvancedBeginner)
    {
        out.push(warning(
            c,
            WarningCode::PossibleUnderRating,
            None,
            format!(
                "with {} of experience you rate no skill above advanced beginner: you may be \
                 selling yourself short, so check each rating against its descriptions",
                years(y)
            ),
        ));
    }
}

/// One warning naming every rating given with low confidence (a draft read from a résumé,
/// say).
fn low_confidence(c: &Compiled, r: &Resolved<'_>, out: &mut Vec<Warning>) {
    const LISTED: usize = 5;
    let unsure: Vec<&str> = c
        .def
        .skills
        .iter()
        .zip(&r.entries)
        .filter(|(_, e)| e.is_some_and(|e| e.confidence == Some(Confidence::Low)))
        .map(|(s, _)| s.name.as_str())
        .collect();
    if unsure.is_empty() {
        return;
    }
    let mut names = unsure[..unsure.len().min(LISTED)].join(", ");
    if unsure.len() > LISTED {
        let _ = write!(names, " and {} more", unsure.len() - LISTED);
    }
    let (count, each) = if unsure.len() == 1 {
        ("1 rating is".to_owned(), "it")
    } else {
        (format!("{} ratings are", unsure.len()), "each")
    };
    out.push(warning(
        c,
        WarningCode::LowConfidenceRatings,
        None,
        format!(
            "{count} given with low confidence ({names}): check {each} against its descriptions \
             before relying on the result"
        ),
    ));
}

/// Warnings about single skills: unrated, high without evidence, capped by the policy.
fn each_skill(c: &Compiled, r: &Resolved<'_>, out: &mut Vec<Warning>) {
    let ratings = &r.self_ratings;
    for (si, skill) in c.def.skills.iter().enumerate() {
        let Some(rating) = r.entries[si] else {
            out.push(warning(
                c,
                WarningCode::UnratedSkill,
                Some(si),
                format!("{} is not rated, so it counts as none", skill.name),
            ));
            continue;
        };
        if rating.proficiency >= Proficiency::Proficient
            && rating.confidence == Some(Confidence::Low)
            && rating.evidence.is_empty()
        {
            out.push(warning(
                c,
                WarningCode::UnevidencedHighRating,
                Some(si),
                format!(
                    "{}: you rate yourself {} with low confidence and no evidence",
                    skill.name,
                    as_person(rating.proficiency)
                ),
            ));
        }
        if r.ratings[si] < ratings[si] {
            out.push(warning(
                c,
                WarningCode::CappedRating,
                Some(si),
                format!(
                    "{}: rated {} without evidence, so it counts as {}",
                    skill.name,
                    ratings[si].label(),
                    r.ratings[si].label()
                ),
            ));
        }
    }
}
