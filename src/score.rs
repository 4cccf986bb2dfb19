//! The scoring rules of DESIGN.md section 2, in exact integer arithmetic on the compiled
//! form: points, readiness, fit and tiers, the overall score, blockers and strengths.

use crate::compile::Compiled;
use crate::exact::from_thousandths;
use crate::proficiency::Proficiency;
use crate::report::{
    Blocker, LevelResult, Plan, Report, Salary, SkillResult, StepRef, Strength, Tier,
};
use crate::resolve::Resolved;

/// Total points, in thousandths: Σ weight × points(rating).
pub(crate) fn points(c: &Compiled, ratings: &[Proficiency]) -> u64 {
    c.weight
        .iter()
        .zip(ratings)
        .map(|(&w, r)| w * c.points[r.index()])
        .sum()
}

/// How many levels, from the lowest, every skill's requirement is met for.
pub(crate) fn skills_meet(c: &Compiled, ratings: &[Proficiency]) -> usize {
    c.meets
        .iter()
        .zip(ratings)
        .map(|(m, r)| usize::from(m[r.index()]))
        .min()
        .unwrap_or(c.requires.len())
}

/// The overall score: Σ weight × rating / (5 × Σ weight) × 100, rounded half up, exactly:
/// ⌊(40·S + W) / (2·W)⌋ with S = Σ weight × rating and W = Σ weight.
pub(crate) fn score(c: &Compiled, ratings: &[Proficiency]) -> u8 {
    let s: u128 = c
        .weight
        .iter()
        .zip(ratings)
        .map(|(&w, r)| u128::from(w) * u128::from(r.as_u8()))
        .sum();
    let w = u128::from(c.total_weight);
    if w == 0 {
        return 0;
    }
    u8::try_from((40 * s + w) / (2 * w)).unwrap_or(100).min(100)
}

/// The requirements credit of `ratings` for `level`: the numerator of the fit's
/// requirements part (Σ weight × decay by gap), which fits in 64 bits (at most 100,000
/// skills × 10⁹ × 1000).
pub(crate) fn credit(c: &Compiled, ratings: &[Proficiency], level: usize) -> u64 {
    c.requires[level]
        .iter()
        .map(|&(s, q)| {
            let gap = q.index().saturating_sub(ratings[s as usize].index()).min(4);
            c.weight[s as usize] * c.decay[gap]
        })
        .sum()
}

/// The scores an assessment's ratings give, before the report is written.
pub(crate) struct Scores {
    pub(crate) points: u64,
    /// Per level: its own requirements and points met, its fit and its tier.
    pub(crate) levels: Vec<(bool, f64, Tier)>,
    pub(crate) readiness: Option<usize>,
    pub(crate) target: usize,
}

impl Scores {
    /// The scores of `ratings`, by the per-level rules of [`Tables`](crate::tables::Tables) that the prepared
    /// scorer uses too.
    pub(crate) fn new(c: &Compiled, ratings: &[Proficiency], target: Option<usize>) -> Scores {
        let t = &c.tables;
        let points = points(c, ratings);
        let skills_met = skills_meet(c, ratings);
        let levels = (0..c.requires.len())
            .map(|l| {
                let met = skills_met > l && points >= c.min_points[l];
                let (fit, tier) = t.level(l, points, skills_met, credit(c, ratings, l));
                (met, fit, tier)
            })
            .collect();
        let readiness = t.readiness(points, skills_met);
        let top = c.requires.len() - 1;
        let target = target.unwrap_or_else(|| readiness.map_or(0, |r| (r + 1).min(top)));
        Scores {
            points,
            levels,
            readiness,
            target,
        }
    }
}

/// The first `limit` unmet requirements of a level, largest weight × gap first; equal ones
/// keep framework order (the sort is stable).
pub(crate) fn blockers(
    c: &Compiled,
    ratings: &[Proficiency],
    level: usize,
    limit: usize,
) -> Vec<Blocker> {
    // (weight × gap, skill, required), largest first; ties in framework order (a stable sort).
    let mut found: Vec<(u64, usize, Proficiency)> = c.requires[level]
        .iter()
        .filter(|&&(s, q)| ratings[s as usize] < q)
        .map(|&(s, q)| {
            let gap = q.as_u8() - ratings[s as usize].as_u8();
            (c.weight[s as usize] * u64::from(gap), s as usize, q)
        })
        .collect();
    found.sort_by_key(|b| std::cmp::Reverse(b.0));
    found.truncate(limit);
    found
        .into_iter()
        .map(|(_, si, q)| {
            let skill = &c.def.skills[si];
            Blocker {
                skill: skill.id.clone(),
                name: skill.name.clone(),
                rating: ratings[si],
                required: q,
                gap: q.as_u8() - ratings[si].as_u8(),
                weight: from_thousandths(c.weight[si]),
            }
        })
        .collect()
}

/// Assembles the report from the scores and the plan.
pub(crate) fn report(c: &Compiled, r: &Resolved<'_>, scores: &Scores, plan: Plan) -> Report {
    let def = &c.def;
    let target = scores.target;
    let ratings = &r.ratings;
    let levels = def
        .levels
        .iter()
        .zip(&scores.levels)
        .enumerate()
        .map(|(l, (level, &(met, fit, tier)))| LevelResult {
            level: level.id.clone(),
            name: level.name.clone(),
            met,
            fit,
            tier,
            min_points: (c.min_points[l] > 0).then(|| from_thousandths(c.min_points[l])),
        })
        .collect();
    let skills = def
        .skills
        .iter()
        .enumerate()
        .map(|(si, skill)| {
            let required = c.required(target, si);
            SkillResult {
                skill: skill.id.clone(),
                name: skill.name.clone(),
                self_rating: (r.calibrated && r.self_ratings[si] != ratings[si])
                    .then_some(r.self_ratings[si]),
                rating: ratings[si],
                required,
                gap: required.as_u8().saturating_sub(ratings[si].as_u8()),
            }
        })
        .collect();
    let mut strengths: Vec<(usize, Strength)> = c.requires[target]
        .iter()
        .filter(|&&(s, q)| ratings[s as usize] > q)
        .map(|&(s, q)| {
            let si = s as usize;
            let skill = &def.skills[si];
            (
                ratings[si].index() - q.index(),
                Strength {
                    skill: skill.id.clone(),
                    name: skill.name.clone(),
                    rating: ratings[si],
                    required: q,
                },
            )
        })
        .collect();
    strengths.sort_by_key(|s| std::cmp::Reverse(s.0));
    let target_min = c.min_points[target];
    let salary = scores.readiness.and_then(|l| {
        let level = &def.levels[l];
        level.salary.as_ref().map(|band| Salary {
            level: level.id.clone(),
            name: level.name.clone(),
            band: band.clone(),
            caveat: def.salary_note.clone(),
        })
    });
    Report {
        framework: def.id.clone(),
        framework_name: def.name.clone(),
        readiness: scores.readiness.map(|l| def.levels[l].id.clone()),
        readiness_name: scores.readiness.map(|l| def.levels[l].name.clone()),
        score: score(c, ratings),
        points: from_thousandths(scores.points),
        levels,
        skills,
        target: def.levels[target].id.clone(),
        target_name: def.levels[target].name.clone(),
        strengths: strengths.into_iter().map(|(_, s)| s).collect(),
        blockers: blockers(c, ratings, target, usize::MAX),
        missing_points: (target_min > scores.points)
            .then(|| from_thousandths(target_min - scores.points)),
        warnings: crate::calibrate::warnings(c, r),
        salary,
        completed: r
            .completed
            .iter()
            .enumerate()
            .filter(|&(_, &done)| done)
            .map(|(i, _)| StepRef {
                step: def.steps[i].id.clone(),
                title: def.steps[i].title.clone(),
            })
            .collect(),
        plan,
    }
}
