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

// ---------------------------------------------------------------------------------------
// Tables: the rules above, precomputed per skill and rating for the prepared scorer
// ---------------------------------------------------------------------------------------

/// The most 64-bit words a packed table entry may take.
pub(crate) const MAX_WORDS: usize = 4;
/// The most words a packed table may hold (8 MiB).
const MAX_PACKED_WORDS: usize = 1 << 20;
/// The largest sum, in its packed unit, whose fits or points are tabulated.
const MAX_VALUE_TABLE: u64 = 4095;

/// Per-level constants of the rules, in thousandths as above, so a level's fit and tier
/// follow from a candidate's points and requirements credit by integer comparisons.
#[derive(Debug)]
pub(crate) struct LevelRule {
    /// `min_points`, 0 when the level has none.
    min_points: u64,
    /// The requirements part's denominator, Σ weight × 1000 over the level's requirements
    /// (0 when it requires nothing).
    den: u64,
    /// The least (credit, points) at which each part of the fit reaches `near`, and
    /// `stretch`: a part n / d is at least t thousandths exactly when n ≥ ⌈t·d / 1000⌉
    /// (and the points part min(p, m) / m exactly when p ≥ ⌈t·m / 1000⌉, which is at most m).
    near: (u64, u64),
    stretch: (u64, u64),
}

/// The scoring tables of a framework: the rules of this module precomputed, so scoring a
/// candidate takes integer sums and comparisons, and gives what [`Scores::new`] gives.
#[derive(Debug, Default)]
pub(crate) struct Tables {
    /// Per level.
    levels: Vec<LevelRule>,
    /// Whether some level has `min_points`.
    any_min_points: bool,
    /// Sums packed into a few words per skill and rating, when the framework is small
    /// enough (the built-in one and typical ones are).
    pub(crate) packed: Option<Packed>,
}

/// `⌈t · d / 1000⌉`, at most `d` since `t` is at most 1000.
fn threshold(t: u64, d: u64) -> u64 {
    let at = (u128::from(t) * u128::from(d)).div_ceil(u128::from(MILLI));
    u64::try_from(at).unwrap_or(u64::MAX)
}

/// A part of the fit as [`Fit::value`] converts it: `n / d` in `f64`.
#[inline]
#[allow(clippy::cast_precision_loss)] // the same conversion as `Fit::value`
fn part(n: u64, d: u64) -> f64 {
    n as f64 / d as f64
}

impl Tables {
    pub(crate) fn new(c: &Compiled) -> Tables {
        let levels = c
            .required_weight
            .iter()
            .zip(&c.min_points)
            .map(|(&w, &min_points)| {
                let den = w * MILLI;
                LevelRule {
                    min_points,
                    den,
                    near: (threshold(c.near, den), threshold(c.near, min_points)),
                    stretch: (threshold(c.stretch, den), threshold(c.stretch, min_points)),
                }
            })
            .collect();
        let mut tables = Tables {
            levels,
            any_min_points: c.min_points.iter().any(|&m| m > 0),
            packed: None,
        };
        tables.packed = Packed::new(c, &tables);
        tables
    }

    /// The readiness level index from the candidate's points and how many levels, from
    /// the lowest, every skill meets.
    pub(crate) fn readiness(&self, points: u64, skills_met: usize) -> Option<usize> {
        let mut met = skills_met;
        if self.any_min_points {
            met = self.levels[..met]
                .iter()
                .take_while(|l| points >= l.min_points)
                .count();
        }
        met.checked_sub(1)
    }

    /// The fit and tier of `level` from the candidate's points, how many levels every skill
    /// meets, and its requirements credit for the level ([`Tables::credit`]).
    pub(crate) fn level(
        &self,
        level: usize,
        points: u64,
        skills_met: usize,
        credit: u64,
    ) -> (f64, Tier) {
        let rule = &self.levels[level];
        let (d, m) = (rule.den, rule.min_points);
        let requirements = if d == 0 { 1.0 } else { part(credit, d) };
        let points_part = if m == 0 { 1.0 } else { part(points.min(m), m) };
        let fit = requirements.min(points_part).clamp(0.0, 1.0);
        let tier = if skills_met > level && points >= m {
            Tier::Ready
        } else if credit >= rule.near.0 && points >= rule.near.1 {
            Tier::Near
        } else if credit >= rule.stretch.0 && points >= rule.stretch.1 {
            Tier::Stretch
        } else {
            Tier::Aspirational
        };
        (fit, tier)
    }

    /// The requirements credit of `ratings` for `level`: the numerator of [`fit`]'s
    /// requirements part, which fits in 64 bits (at most 100,000 skills × 10⁹ × 1000).
    pub(crate) fn credit(c: &Compiled, ratings: &[Proficiency], level: usize) -> u64 {
        c.requires[level]
            .iter()
            .map(|&(s, q)| {
                let gap = q.index().saturating_sub(ratings[s as usize].index()).min(4);
                c.weight[s as usize] * c.decay[gap]
            })
            .sum()
    }
}

/// A few bits of a packed sum.
#[derive(Clone, Copy, Debug, Default)]
struct Lane {
    word: usize,
    shift: u32,
    mask: u64,
}

impl Lane {
    #[inline]
    fn get<const K: usize>(self, sums: &[u64; K]) -> u64 {
        (sums[self.word % K] >> self.shift) & self.mask
    }
}

/// A part of the fit, `min(n × unit, d) / d`, for `n` in a packed unit.
#[derive(Debug)]
enum Part {
    /// Always 1: the level requires nothing, or has no `min_points`.
    One,
    /// By `n`, when there are few.
    Table(Box<[f64]>),
    Ratio {
        unit: u64,
        d: u64,
    },
}

impl Part {
    /// The part for `n` from 0 to `most`.
    fn new(most: u128, unit: u64, d: u64) -> Part {
        if d == 0 {
            return Part::One;
        }
        match u64::try_from(most) {
            Ok(most) if most <= MAX_VALUE_TABLE => {
                Part::Table((0..=most).map(|n| part((n * unit).min(d), d)).collect())
            }
            _ => Part::Ratio { unit, d },
        }
    }

    #[inline]
    fn get(&self, n: u64) -> f64 {
        match self {
            Part::One => 1.0,
            Part::Table(t) => t[usize::try_from(n).unwrap_or(usize::MAX)],
            Part::Ratio { unit, d } => part((n * unit).min(*d), *d),
        }
    }
}

/// One level's rules in the packed units.
#[derive(Debug)]
struct PackedLevel {
    credit: Lane,
    /// The least points, in the points unit, that reach `min_points`.
    min_points: u64,
    /// [`LevelRule::near`] and `stretch` in the packed units.
    near: (u64, u64),
    stretch: (u64, u64),
    requirements: Part,
    points: Part,
}

/// Per skill, six entries (one per rating) of one to four words.
#[derive(Debug)]
pub(crate) enum Entries {
    W1(Vec<[[u64; 1]; 6]>),
    W2(Vec<[[u64; 2]; 6]>),
    W3(Vec<[[u64; 3]; 6]>),
    W4(Vec<[[u64; 4]; 6]>),
}

fn entries<const K: usize>(flat: &[[u64; MAX_WORDS]]) -> Vec<[[u64; K]; 6]> {
    flat.chunks_exact(6)
        .map(|skill| std::array::from_fn(|r| std::array::from_fn(|k| skill[r][k])))
        .collect()
}

/// The packed sums of a row: `base` plus the row's entries, wrapping.
#[inline]
pub(crate) fn sums<const K: usize>(
    entries: &[[[u64; K]; 6]],
    base: &[u64; MAX_WORDS],
    row: &[Proficiency],
) -> [u64; K] {
    let mut acc: [u64; K] = std::array::from_fn(|k| base[k]);
    for (entry, &r) in entries.iter().zip(row) {
        let add = &entry[r.index()];
        for k in 0..K {
            acc[k] = acc[k].wrapping_add(add[k]);
        }
    }
    acc
}

/// Runs `$body` with `$sums` a function from a row to its packed sums (`[u64; K]`, `K` the
/// words of an entry), specialised for the width of `$p`'s entries.
macro_rules! with_sums {
    ($p:expr, $sums:ident => $body:expr) => {{
        let p: &$crate::score::Packed = $p;
        match &p.entries {
            $crate::score::Entries::W1(t) => {
                let $sums = |row: &[Proficiency]| $crate::score::sums(t, &p.base, row);
                $body
            }
            $crate::score::Entries::W2(t) => {
                let $sums = |row: &[Proficiency]| $crate::score::sums(t, &p.base, row);
                $body
            }
            $crate::score::Entries::W3(t) => {
                let $sums = |row: &[Proficiency]| $crate::score::sums(t, &p.base, row);
                $body
            }
            $crate::score::Entries::W4(t) => {
                let $sums = |row: &[Proficiency]| $crate::score::sums(t, &p.base, row);
                $body
            }
        }
    }};
}
pub(crate) use with_sums;

/// Packed sums: per skill and rating, one entry of one to four 64-bit words holding side
/// by side, in lanes wide enough that no sum carries into the next, the points, the
/// requirements credit for each level, and per level a count of whether the skill fails
/// the level's requirement. Adding a candidate's entries (one addition per word and skill)
/// sums every lane at once.
///
/// Weights, points and decays are divided by their greatest common divisors (the points
/// and credit units) to keep lanes narrow; every threshold is converted to those units
/// exactly (n × unit ≥ x exactly when n ≥ ⌈x / unit⌉), and every fit is computed from the
/// quantities in thousandths, as [`Fit::value`] computes it.
#[derive(Debug)]
pub(crate) struct Packed {
    /// Entry (skill, rating) less entry (skill, `none`), wrapping: a candidate's sums are
    /// `base` plus its entries. The wrapping cancels out, since the true sums fit in their
    /// lanes and the lanes in the words.
    pub(crate) entries: Entries,
    /// Σ entry (skill, `none`) over the skills: the sums of a candidate rated `none` on all.
    pub(crate) base: [u64; MAX_WORDS],
    points: Lane,
    points_unit: u64,
    /// Total points by points in the points unit, when there are few.
    points_value: Option<Box<[f64]>>,
    /// One field of `count_bits` bits per level, the lowest level lowest: how many skills
    /// fail the level's requirement.
    counts: Lane,
    /// The lowest failed level, by the count lane's trailing zero bits.
    first_failed: [u8; 65],
    /// Per level, lowest first.
    levels: Vec<PackedLevel>,
    any_min_points: bool,
}

/// A candidate's packed sums (`K` words, at least the entries' words), with its points (in
/// the points unit) and how many levels, from the lowest, every skill meets.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Candidate<const K: usize> {
    sums: [u64; K],
    points: u64,
    skills_met: usize,
}

fn gcd64(a: u64, b: u64) -> u64 {
    u64::try_from(crate::exact::gcd(u128::from(a), u128::from(b))).unwrap_or(1)
}

/// The bits needed to hold `max`.
fn bits(max: u128) -> u32 {
    128 - max.leading_zeros()
}

fn mask(width: u32) -> u64 {
    if width >= 64 {
        u64::MAX
    } else {
        (1u64 << width) - 1
    }
}

impl Packed {
    /// The packed tables of `c`, or `None` when an entry would take more than
    /// [`MAX_WORDS`] words, the table more than [`MAX_PACKED_WORDS`], or the per-level
    /// counts more than one word.
    #[allow(clippy::too_many_lines)] // lanes, entries, then per-level constants
    fn new(c: &Compiled, t: &Tables) -> Option<Packed> {
        let skills = c.weight.len();
        let levels = c.requires.len();
        let w_unit = c.weight.iter().fold(0, |g, &w| gcd64(g, w)).max(1);
        let p_unit = c.points.iter().fold(0, |g, &p| gcd64(g, p)).max(1);
        let d_unit = c.decay.iter().fold(0, |g, &d| gcd64(g, d)).max(1);
        let weight: Vec<u64> = c.weight.iter().map(|w| w / w_unit).collect();
        let points = c.points.map(|p| p / p_unit);
        let decay = c.decay.map(|d| d / d_unit);

        // Lane widths: each the bits of the lane's largest sum.
        let total: u128 = weight.iter().map(|&w| u128::from(w)).sum();
        let points_most = total * u128::from(points[5]);
        let count_bits = bits(skills as u128);
        let all_counts_bits = count_bits * u32::try_from(levels).ok()?;
        if all_counts_bits > 64 {
            return None;
        }
        let credit_most: Vec<u128> = c
            .requires
            .iter()
            .map(|row| {
                let w: u128 = row
                    .iter()
                    .map(|&(s, _)| u128::from(weight[s as usize]))
                    .sum();
                w * u128::from(decay[0])
            })
            .collect();
        // First fit, in order: points, counts, then each level's credit.
        let mut used: Vec<u32> = Vec::new();
        let mut place = |width: u32| -> Option<Lane> {
            if width == 0 {
                return Some(Lane::default());
            }
            if width > 64 {
                return None;
            }
            let word = if let Some(w) = used.iter().position(|&u| u + width <= 64) {
                w
            } else {
                used.push(0);
                used.len() - 1
            };
            let lane = Lane {
                word,
                shift: used[word],
                mask: mask(width),
            };
            used[word] += width;
            Some(lane)
        };
        let points_lane = place(bits(points_most))?;
        let counts = place(all_counts_bits)?;
        let credits: Vec<Lane> = credit_most
            .iter()
            .map(|&m| place(bits(m)))
            .collect::<Option<_>>()?;
        let words = used.len().max(1);
        if words > MAX_WORDS || skills * 6 * words > MAX_PACKED_WORDS {
            return None;
        }

        let mut flat = vec![[0u64; MAX_WORDS]; skills * 6];
        let mut add = |s: usize, r: usize, lane: Lane, value: u64| {
            flat[s * 6 + r][lane.word] += value << lane.shift;
        };
        for (s, &w) in weight.iter().enumerate() {
            for (r, &p) in points.iter().enumerate() {
                add(s, r, points_lane, w * p);
                for l in usize::from(c.meets[s][r])..levels {
                    let at = count_bits * u32::try_from(l).unwrap_or(0);
                    add(s, r, counts, 1 << at);
                }
            }
        }
        for (l, row) in c.requires.iter().enumerate() {
            for &(s, q) in row {
                let s = s as usize;
                for r in 0..6 {
                    let gap = q.index().saturating_sub(r).min(4);
                    add(s, r, credits[l], weight[s] * decay[gap]);
                }
            }
        }
        let mut base = [0u64; MAX_WORDS];
        for skill in flat.chunks_exact_mut(6) {
            let none = skill[0];
            for (b, n) in base.iter_mut().zip(none) {
                *b = b.wrapping_add(n);
            }
            for entry in skill {
                for (e, n) in entry.iter_mut().zip(none) {
                    *e = e.wrapping_sub(n);
                }
            }
        }
        let entries = match words {
            1 => Entries::W1(entries(&flat)),
            2 => Entries::W2(entries(&flat)),
            3 => Entries::W3(entries(&flat)),
            _ => Entries::W4(entries(&flat)),
        };

        let mut first_failed = [0u8; 65];
        for (tz, level) in first_failed.iter_mut().enumerate() {
            *level = u8::try_from(tz / count_bits as usize).unwrap_or(u8::MAX);
        }
        first_failed[64] = u8::try_from(levels).unwrap_or(u8::MAX);
        let points_unit = w_unit * p_unit;
        let credit_unit = w_unit * d_unit;
        // n × unit ≥ x exactly when n ≥ ⌈x / unit⌉.
        let at_least = |x: u64, unit: u64| x.div_ceil(unit);
        let levels = t
            .levels
            .iter()
            .zip(&credits)
            .zip(&credit_most)
            .map(|((rule, &credit), &most)| PackedLevel {
                credit,
                min_points: at_least(rule.min_points, points_unit),
                near: (
                    at_least(rule.near.0, credit_unit),
                    at_least(rule.near.1, points_unit),
                ),
                stretch: (
                    at_least(rule.stretch.0, credit_unit),
                    at_least(rule.stretch.1, points_unit),
                ),
                requirements: Part::new(most, credit_unit, rule.den),
                points: Part::new(points_most, points_unit, rule.min_points),
            })
            .collect();
        let points_value = u64::try_from(points_most)
            .ok()
            .filter(|&m| m <= MAX_VALUE_TABLE)
            .map(|most| {
                (0..=most)
                    .map(|p| from_thousandths(p * points_unit))
                    .collect()
            });
        Some(Packed {
            entries,
            base,
            points: points_lane,
            points_unit,
            points_value,
            counts,
            first_failed,
            levels,
            any_min_points: t.any_min_points,
        })
    }

    /// Adds skill `s` rated `r` to sums started from `base` (which counts it as `none`).
    #[inline]
    pub(crate) fn add(&self, sums: &mut [u64; MAX_WORDS], s: usize, r: Proficiency) {
        fn add<const K: usize>(sums: &mut [u64; MAX_WORDS], entry: &[u64; K]) {
            for (acc, d) in sums.iter_mut().zip(entry) {
                *acc = acc.wrapping_add(*d);
            }
        }
        let r = r.index();
        match &self.entries {
            Entries::W1(t) => add(sums, &t[s][r]),
            Entries::W2(t) => add(sums, &t[s][r]),
            Entries::W3(t) => add(sums, &t[s][r]),
            Entries::W4(t) => add(sums, &t[s][r]),
        }
    }

    /// The candidate with these sums.
    #[inline]
    pub(crate) fn candidate<const K: usize>(&self, sums: [u64; K]) -> Candidate<K> {
        let counts = self.counts.get(&sums);
        Candidate {
            sums,
            points: self.points.get(&sums),
            skills_met: usize::from(self.first_failed[counts.trailing_zeros() as usize % 65]),
        }
    }

    /// A candidate's total points.
    #[inline]
    pub(crate) fn points<const K: usize>(&self, c: &Candidate<K>) -> f64 {
        match &self.points_value {
            Some(t) => t[usize::try_from(c.points).unwrap_or(usize::MAX)],
            None => from_thousandths(c.points * self.points_unit),
        }
    }

    /// A candidate's readiness level index.
    #[inline]
    pub(crate) fn readiness<const K: usize>(&self, c: &Candidate<K>) -> Option<usize> {
        let mut met = c.skills_met;
        if self.any_min_points {
            met = self.levels[..met]
                .iter()
                .take_while(|l| c.points >= l.min_points)
                .count();
        }
        met.checked_sub(1)
    }

    /// A candidate's fit and tier for `level`, without a branch on the candidate.
    #[inline]
    #[allow(clippy::needless_bitwise_bool)] // no branch on the candidate: `&` on purpose
    pub(crate) fn level<const K: usize>(&self, c: &Candidate<K>, level: usize) -> (f64, Tier) {
        const TIERS: [Tier; 4] = [Tier::Ready, Tier::Near, Tier::Stretch, Tier::Aspirational];
        let l = &self.levels[level];
        let credit = l.credit.get(&c.sums);
        let requirements = l.requirements.get(credit);
        // Both parts are n / d with 0 ≤ n ≤ d, so in [0, 1] and never NaN or -0: there
        // `f64::min` and the clamp of `Fit::value` come to this comparison, bit for bit.
        let fit = match &l.points {
            Part::One => requirements,
            part => {
                let points = part.get(c.points);
                if points < requirements {
                    points
                } else {
                    requirements
                }
            }
        };
        let met = (c.skills_met > level) & (c.points >= l.min_points);
        // The near thresholds are at least the stretch ones, so near implies stretch.
        let near = (credit >= l.near.0) & (c.points >= l.near.1);
        let stretch = (credit >= l.stretch.0) & (c.points >= l.stretch.1);
        let tier = if met {
            0
        } else {
            3 - usize::from(near) - usize::from(stretch)
        };
        (fit, TIERS[tier])
    }
}
