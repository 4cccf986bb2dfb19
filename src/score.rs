//! The scoring rules of DESIGN.md section 2, in exact integer arithmetic on the compiled
//! form: points, readiness, fit and tiers, the overall score, blockers and strengths.

use std::cmp::Ordering;

use crate::compile::Compiled;
use crate::exact::{MILLI, cmp_ratio, from_thousandths};
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

/// How many levels, from the lowest, `points` reach (`min_points` never decrease).
pub(crate) fn points_meet(c: &Compiled, points: u64) -> usize {
    c.min_points.iter().take_while(|&&m| points >= m).count()
}

/// A fit: the smaller of the requirements part and the points part, each an exact ratio.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fit {
    requirements: (u128, u128),
    points: (u128, u128),
}

impl Fit {
    /// Whether the fit is at least `threshold` thousandths, exactly.
    pub(crate) fn at_least(self, threshold: u64) -> bool {
        let t = u128::from(threshold);
        let m = u128::from(MILLI);
        [self.requirements, self.points]
            .iter()
            .all(|&(n, d)| cmp_ratio(n, d, t, m) != Ordering::Less)
    }

    /// The fit as a number from 0 to 1. Each part converts monotonically, so raising a
    /// rating never lowers it.
    #[allow(clippy::cast_precision_loss)] // a ratio for people; comparisons use `at_least`
    pub(crate) fn value(self) -> f64 {
        let part = |(n, d): (u128, u128)| n as f64 / d as f64;
        part(self.requirements)
            .min(part(self.points))
            .clamp(0.0, 1.0)
    }
}

/// The fit of `ratings` (with `points`) for `level`.
pub(crate) fn fit(c: &Compiled, ratings: &[Proficiency], points: u64, level: usize) -> Fit {
    let total = c.required_weight[level];
    let requirements = if total == 0 {
        (1, 1)
    } else {
        let credit: u128 = c.requires[level]
            .iter()
            .map(|&(s, q)| {
                let gap = q.index().saturating_sub(ratings[s as usize].index()).min(4);
                u128::from(c.weight[s as usize]) * u128::from(c.decay[gap])
            })
            .sum();
        (credit, u128::from(total) * u128::from(MILLI))
    };
    let min = c.min_points[level];
    let points = if min == 0 {
        (1, 1)
    } else {
        (u128::from(points.min(min)), u128::from(min))
    };
    Fit {
        requirements,
        points,
    }
}

/// The tier of a level met or not, with its fit.
pub(crate) fn tier(c: &Compiled, met: bool, fit: Fit) -> Tier {
    if met {
        Tier::Ready
    } else if fit.at_least(c.near) {
        Tier::Near
    } else if fit.at_least(c.stretch) {
        Tier::Stretch
    } else {
        Tier::Aspirational
    }
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

/// The scores an assessment's ratings give, before the report is written.
pub(crate) struct Scores {
    pub(crate) points: u64,
    /// Per level: its own requirements and points met, and its fit.
    pub(crate) levels: Vec<(bool, Fit)>,
    pub(crate) readiness: Option<usize>,
    pub(crate) target: usize,
}

impl Scores {
    pub(crate) fn new(c: &Compiled, ratings: &[Proficiency], target: Option<usize>) -> Scores {
        let points = points(c, ratings);
        let skills_met = skills_meet(c, ratings);
        let levels: Vec<(bool, Fit)> = (0..c.requires.len())
            .map(|l| {
                let met = skills_met > l && points >= c.min_points[l];
                (met, fit(c, ratings, points, l))
            })
            .collect();
        let readiness = skills_met.min(points_meet(c, points)).checked_sub(1);
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

/// The unmet requirements of a level, largest weight × gap first; equal ones keep framework
/// order (the sort is stable).
pub(crate) fn blockers(c: &Compiled, ratings: &[Proficiency], level: usize) -> Vec<Blocker> {
    let mut found: Vec<(u64, Blocker)> = c.requires[level]
        .iter()
        .filter(|&&(s, q)| ratings[s as usize] < q)
        .map(|&(s, q)| {
            let si = s as usize;
            let skill = &c.def.skills[si];
            let gap = q.as_u8() - ratings[si].as_u8();
            (
                c.weight[si] * u64::from(gap),
                Blocker {
                    skill: skill.id.clone(),
                    name: skill.name.clone(),
                    rating: ratings[si],
                    required: q,
                    gap,
                    weight: from_thousandths(c.weight[si]),
                },
            )
        })
        .collect();
    found.sort_by_key(|b| std::cmp::Reverse(b.0));
    found.into_iter().map(|(_, b)| b).collect()
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
        .map(|(l, (level, &(met, fit)))| LevelResult {
            level: level.id.clone(),
            name: level.name.clone(),
            met,
            fit: fit.value(),
            tier: tier(c, met, fit),
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
        blockers: blockers(c, ratings, target),
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
