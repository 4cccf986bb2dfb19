//! The per-level scoring rules in integer form, and the packed sums of the prepared
//! scorer: what DESIGN.md section 2 asks of a level (fit, tier, readiness), precomputed
//! once per framework so that scoring is integer sums and comparisons.

use crate::exact::{MILLI, from_thousandths};
use crate::proficiency::Proficiency;
use crate::report::Tier;

/// What the tables are built from: the scoring fields of a compiled framework, all in
/// thousandths where they are quantities.
pub(crate) struct Rules<'a> {
    /// Per skill: its weight.
    pub(crate) weight: &'a [u64],
    /// Points per proficiency.
    pub(crate) points: [u64; 6],
    /// Per skill and rating: how many levels, from the lowest, that rating meets.
    pub(crate) meets: &'a [[u8; 6]],
    /// Per level: its requirements above `none`, (skill, proficiency).
    pub(crate) requires: &'a [Vec<(u32, Proficiency)>],
    /// Per level: Σ weight over the skills it requires.
    pub(crate) required_weight: &'a [u64],
    /// Per level: `min_points`, 0 when it has none.
    pub(crate) min_points: &'a [u64],
    /// Fit decay by gap, and the tier thresholds.
    pub(crate) decay: [u64; 5],
    pub(crate) near: u64,
    pub(crate) stretch: u64,
}

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

/// The per-level scoring rules of a framework, precomputed so that a level's fit and tier
/// follow from a candidate's points and requirements credit by integer comparisons. `assess`
/// (`score::Scores::new`) and the prepared scorer both score through them; the prepared scorer
/// adds, when it fits, the packed sums that give points, credits and met levels at once.
#[derive(Debug)]
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

/// The readiness level index: the levels every skill meets (`skills_met`, from the lowest)
/// whose points the candidate also reaches (`reaches`, only looked at when some level has
/// `min_points`; they never decrease up the ladder).
#[inline]
fn readiness<L>(
    any_min_points: bool,
    skills_met: usize,
    levels: &[L],
    reaches: impl Fn(&L) -> bool,
) -> Option<usize> {
    let met = if any_min_points {
        levels[..skills_met]
            .iter()
            .take_while(|&l| reaches(l))
            .count()
    } else {
        skills_met
    };
    met.checked_sub(1)
}

/// A part of the fit, the ratio `n / d` of quantities in thousandths, as a number
/// (monotone in `n`). Every path computes it from the same `n` and `d`, so bit for bit alike.
#[inline]
#[allow(clippy::cast_precision_loss)] // a ratio for people; tiers compare integers
fn part(n: u64, d: u64) -> f64 {
    n as f64 / d as f64
}

impl Tables {
    pub(crate) fn new(c: &Rules<'_>) -> Tables {
        let levels = c
            .required_weight
            .iter()
            .zip(c.min_points)
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
        readiness(self.any_min_points, skills_met, &self.levels, |l| {
            points >= l.min_points
        })
    }

    /// The fit and tier of `level` from the candidate's points, how many levels every skill
    /// meets, and its requirements credit for the level (`score::credit`).
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
        let p: &$crate::tables::Packed = $p;
        match &p.entries {
            $crate::tables::Entries::W1(t) => {
                let $sums = |row: &[Proficiency]| $crate::tables::sums(t, &p.base, row);
                $body
            }
            $crate::tables::Entries::W2(t) => {
                let $sums = |row: &[Proficiency]| $crate::tables::sums(t, &p.base, row);
                $body
            }
            $crate::tables::Entries::W3(t) => {
                let $sums = |row: &[Proficiency]| $crate::tables::sums(t, &p.base, row);
                $body
            }
            $crate::tables::Entries::W4(t) => {
                let $sums = |row: &[Proficiency]| $crate::tables::sums(t, &p.base, row);
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
/// quantities in thousandths, as [`Tables::level`] computes it.
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
    fn new(c: &Rules<'_>, t: &Tables) -> Option<Packed> {
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
        readiness(self.any_min_points, c.skills_met, &self.levels, |l| {
            c.points >= l.min_points
        })
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
        // `f64::min` and the clamp of [`Tables::level`] come to this comparison, bit for bit.
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
