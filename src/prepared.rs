//! A framework compiled for fast scoring: dense lookup tables per skill and rating.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};

use crate::error::Error;
use crate::framework::{FitSettings, Framework};
use crate::proficiency::Proficiency;
use crate::report::Tier;

const RATINGS: usize = 6;

/// Rows per parallel top-k chunk.
#[cfg(feature = "rayon")]
const CHUNK_ROWS: usize = 64 * 1024;

/// A framework compiled once into flat tables, to score many candidates fast.
///
/// A candidate is a *row*: one [`Proficiency`] per skill, in framework order. Scoring a row
/// reads a handful of table entries per skill and allocates nothing; results are identical
/// to [`Framework::assess`] (which scores through the same tables).
///
/// # Example
/// ```
/// use skillgauge::{Framework, Proficiency::*};
///
/// let scorer = Framework::backend_developer().prepare();
/// // programming-languages, databases, apis, security, problem-solving, attention, communication
/// let row = [Competent, AdvancedBeginner, AdvancedBeginner, Novice, Competent, AdvancedBeginner, Competent];
/// let scored = scorer.score(&row, 1)?; // fit for level 1, `mid`
/// assert_eq!(scored.readiness, Some(0)); // entry
/// assert_eq!(scored.points, 30.0);
/// assert!(scored.fit < 1.0);
/// # Ok::<(), skillgauge::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Prepared {
    skills: usize,
    levels: usize,
    /// `[skill][rating]`: weight × points(rating).
    points: Vec<[f64; RATINGS]>,
    /// `[skill][rating]`: how many levels, from the lowest, this rating meets for this skill.
    meets: Vec<[u8; RATINGS]>,
    /// `[level]`: the points threshold (0 when none).
    min_points: Vec<f64>,
    /// `[level * skills + skill][rating]`: weight × decay(gap) for required skills, 0 otherwise.
    credit: Vec<[f64; RATINGS]>,
    /// `[level]`: Σ weight over the skills the level requires.
    required_weight: Vec<f64>,
    fit: FitSettings,
}

/// The scores of one candidate row.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scored {
    /// The index of the readiness level, `None` when not yet ready.
    pub readiness: Option<usize>,
    /// Total points.
    pub points: f64,
    /// Fit for the chosen level, 0–1.
    pub fit: f64,
    /// The tier of the chosen level.
    pub tier: Tier,
}

/// A candidate in a ranking.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ranked {
    /// The candidate's position in the input.
    pub candidate: usize,
    /// Its scores.
    pub scored: Scored,
}

impl Framework {
    /// The framework's scoring tables, compiled once when it was loaded and validated; this
    /// returns an owned copy (a few kilobytes for a typical framework) to keep with a batch.
    pub fn prepare(&self) -> Prepared {
        self.index.prepared.clone()
    }
}

impl Prepared {
    pub(crate) fn new(
        weights: &[f64],
        table: &[u32; 6],
        fit: &FitSettings,
        requires: &[Vec<Proficiency>],
        min_points: &[f64],
    ) -> Prepared {
        let skills = weights.len();
        let levels = requires.len();
        let mut points = Vec::with_capacity(skills);
        let mut meets = Vec::with_capacity(skills);
        for (si, &w) in weights.iter().enumerate() {
            points.push(Proficiency::ALL.map(|r| w * f64::from(table[r.index()])));
            // Requirements never decrease up the ladder, so the levels met form a prefix.
            meets.push(Proficiency::ALL.map(|r| {
                let met = requires.iter().take_while(|req| req[si] <= r).count();
                u8::try_from(met).unwrap_or(u8::MAX)
            }));
        }
        let mut credit = Vec::with_capacity(levels * skills);
        let mut required_weight = Vec::with_capacity(levels);
        for req in requires {
            let mut total = 0.0;
            for (&w, &q) in weights.iter().zip(req) {
                let is_required = q > Proficiency::None;
                if is_required {
                    total += w;
                }
                credit.push(Proficiency::ALL.map(|r| {
                    let gap = q.index().saturating_sub(r.index()).min(4);
                    if is_required { w * fit.decay[gap] } else { 0.0 }
                }));
            }
            required_weight.push(total);
        }
        Prepared {
            skills,
            levels,
            points,
            meets,
            min_points: min_points.to_vec(),
            credit,
            required_weight,
            fit: fit.clone(),
        }
    }

    /// The number of skills a row must have.
    pub fn skills(&self) -> usize {
        self.skills
    }

    /// The number of levels.
    pub fn levels(&self) -> usize {
        self.levels
    }

    /// The bytes the tables take, for sizing caches.
    pub fn memory_bytes(&self) -> usize {
        std::mem::size_of::<Prepared>()
            + self.points.len() * RATINGS * 8
            + self.meets.len() * RATINGS
            + self.min_points.len() * 8
            + self.credit.len() * RATINGS * 8
            + self.required_weight.len() * 8
    }

    /// Total points of a row (its length must be [`Prepared::skills`]).
    pub(crate) fn points_of(&self, row: &[Proficiency]) -> f64 {
        let mut sum = 0.0;
        for (points, r) in self.points.iter().zip(row) {
            sum += points[r.index()];
        }
        sum
    }

    /// How many levels, from the lowest, every skill of the row meets.
    fn skills_meet(&self, row: &[Proficiency]) -> usize {
        let mut met = self.levels;
        for (meets, r) in self.meets.iter().zip(row) {
            met = met.min(usize::from(meets[r.index()]));
        }
        met
    }

    /// How many levels the points reach (`min_points` never decrease up the ladder).
    fn points_meet(&self, points: f64) -> usize {
        self.min_points.iter().take_while(|&&m| points >= m).count()
    }

    /// How many levels, from the lowest, the row meets; readiness is this minus one.
    pub(crate) fn levels_met(&self, row: &[Proficiency], points: f64) -> usize {
        self.skills_meet(row).min(self.points_meet(points))
    }

    /// The points threshold of a level (0 when it has none).
    pub(crate) fn min_points(&self, level: usize) -> f64 {
        self.min_points[level]
    }

    /// Whether level `level` is met on its own (not counting lower levels).
    pub(crate) fn level_met(&self, row: &[Proficiency], points: f64, level: usize) -> bool {
        points >= self.min_points[level] && self.skills_meet(row) > level
    }

    /// The requirements credit of a row for a level: Σ weight × decay(gap).
    fn credit_of(&self, row: &[Proficiency], level: usize) -> f64 {
        let mut credit = 0.0;
        let tables = &self.credit[level * self.skills..(level + 1) * self.skills];
        for (table, r) in tables.iter().zip(row) {
            credit += table[r.index()];
        }
        credit
    }

    /// Fit from the points and the requirements credit.
    fn fit_from(&self, points: f64, credit: f64, level: usize) -> f64 {
        let total = self.required_weight[level];
        let requirements = if total > 0.0 { credit / total } else { 1.0 };
        let min = self.min_points[level];
        let points_part = if min > 0.0 {
            (points / min).min(1.0)
        } else {
            1.0
        };
        requirements.min(points_part).clamp(0.0, 1.0)
    }

    /// Fit of a row for a level.
    pub(crate) fn fit_of(&self, row: &[Proficiency], points: f64, level: usize) -> f64 {
        self.fit_from(points, self.credit_of(row, level), level)
    }

    pub(crate) fn tier(&self, met: bool, fit: f64) -> Tier {
        if met {
            Tier::Ready
        } else if fit >= self.fit.near {
            Tier::Near
        } else if fit >= self.fit.stretch {
            Tier::Stretch
        } else {
            Tier::Aspirational
        }
    }

    /// Scores a row in one pass over its skills, summing in the same order as the
    /// separate accessors so the results are bit-identical.
    fn score_unchecked(&self, row: &[Proficiency], level: usize) -> Scored {
        let tables = &self.credit[level * self.skills..(level + 1) * self.skills];
        let (mut points, mut credit, mut met) = (0.0, 0.0, self.levels);
        for (((p, m), c), r) in self.points.iter().zip(&self.meets).zip(tables).zip(row) {
            let r = r.index();
            points += p[r];
            credit += c[r];
            met = met.min(usize::from(m[r]));
        }
        let fit = self.fit_from(points, credit, level);
        let level_met = met > level && points >= self.min_points[level];
        Scored {
            readiness: met.min(self.points_meet(points)).checked_sub(1),
            points,
            fit,
            tier: self.tier(level_met, fit),
        }
    }

    fn check(&self, rows: usize, len: usize, level: usize) -> Result<(), Error> {
        if level >= self.levels {
            return Err(Error::invalid(
                "level",
                format!("level index {level} is outside 0-{}", self.levels - 1),
            ));
        }
        if len != rows {
            return Err(Error::invalid(
                "ratings",
                format!("{len} ratings do not make rows of {} skills", self.skills),
            ));
        }
        Ok(())
    }

    /// Scores one row: readiness, points, and fit and tier for level index `level`.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when the row's length is not [`Prepared::skills`] or `level`
    /// is not a level index.
    pub fn score(&self, row: &[Proficiency], level: usize) -> Result<Scored, Error> {
        self.check(self.skills, row.len(), level)?;
        Ok(self.score_unchecked(row, level))
    }

    /// The readiness level index of one row, `None` when not yet ready.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when the row's length is not [`Prepared::skills`].
    pub fn readiness(&self, row: &[Proficiency]) -> Result<Option<usize>, Error> {
        self.check(self.skills, row.len(), 0)?;
        Ok(self.levels_met(row, self.points_of(row)).checked_sub(1))
    }

    fn rows<'r>(&self, ratings: &'r [Proficiency]) -> impl Iterator<Item = &'r [Proficiency]> {
        ratings.chunks_exact(self.skills.max(1))
    }

    fn check_batch(&self, ratings: &[Proficiency], level: usize) -> Result<(), Error> {
        let whole = ratings.len() / self.skills.max(1) * self.skills;
        self.check(whole, ratings.len(), level)
    }

    /// Scores a batch of candidates given as consecutive rows, allocating only the output.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when `ratings` is not a whole number of rows or `level` is
    /// not a level index.
    ///
    /// # Example
    /// ```
    /// use skillgauge::{Framework, Proficiency};
    ///
    /// let scorer = Framework::backend_developer().prepare();
    /// let rows = vec![Proficiency::Competent; 7 * 3]; // three candidates
    /// let scored = scorer.score_batch(&rows, 0)?;
    /// assert_eq!(scored.len(), 3);
    /// # Ok::<(), skillgauge::Error>(())
    /// ```
    pub fn score_batch(&self, ratings: &[Proficiency], level: usize) -> Result<Vec<Scored>, Error> {
        self.check_batch(ratings, level)?;
        Ok(self
            .rows(ratings)
            .map(|row| self.score_unchecked(row, level))
            .collect())
    }

    /// [`Prepared::score_batch`] into a buffer the caller keeps, so repeated batches reuse
    /// its memory: the buffer is cleared, then holds one result per row.
    ///
    /// # Errors
    /// As [`Prepared::score_batch`]; the buffer is left empty.
    ///
    /// # Example
    /// ```
    /// use skillgauge::{Framework, Proficiency};
    ///
    /// let scorer = Framework::backend_developer().prepare();
    /// let mut out = Vec::new();
    /// for batch in [vec![Proficiency::Novice; 14], vec![Proficiency::Expert; 7]] {
    ///     scorer.score_batch_into(&batch, 0, &mut out)?;
    /// }
    /// assert_eq!(out.len(), 1);
    /// assert_eq!(out[0].readiness, Some(3));
    /// # Ok::<(), skillgauge::Error>(())
    /// ```
    pub fn score_batch_into(
        &self,
        ratings: &[Proficiency],
        level: usize,
        out: &mut Vec<Scored>,
    ) -> Result<(), Error> {
        out.clear();
        self.check_batch(ratings, level)?;
        out.extend(
            self.rows(ratings)
                .map(|row| self.score_unchecked(row, level)),
        );
        Ok(())
    }

    /// The `k` best candidates for level index `level`, best first.
    ///
    /// Ranked by fit, then points, then the ratings themselves (higher first, skill by
    /// skill), so the ranking does not depend on the order candidates are given in; only
    /// candidates with identical rows are ordered by position. Allocates O(k).
    ///
    /// # Errors
    /// As [`Prepared::score_batch`].
    pub fn top_k(
        &self,
        ratings: &[Proficiency],
        level: usize,
        k: usize,
    ) -> Result<Vec<Ranked>, Error> {
        self.check_batch(ratings, level)?;
        Ok(self.top_k_of(ratings, 0, level, k))
    }

    /// Top-k over `ratings`, numbering candidates from `first`.
    fn top_k_of(
        &self,
        ratings: &[Proficiency],
        first: usize,
        level: usize,
        k: usize,
    ) -> Vec<Ranked> {
        // Never reserve more than there are candidates, whatever k a caller passes.
        let k = k.min(ratings.len() / self.skills.max(1));
        if k == 0 {
            return Vec::new();
        }
        // A min-heap of the best k so far: its top is the worst kept.
        let mut heap: BinaryHeap<Entry<'_>> = BinaryHeap::with_capacity(k + 1);
        for (i, row) in self.rows(ratings).enumerate() {
            let entry = Entry {
                row,
                ranked: Ranked {
                    candidate: first + i,
                    scored: self.score_unchecked(row, level),
                },
            };
            if heap.len() < k {
                heap.push(entry);
            } else if heap.peek().is_some_and(|worst| entry < *worst) {
                heap.pop();
                heap.push(entry);
            }
        }
        let mut best = heap.into_sorted_vec();
        best.truncate(k);
        best.into_iter().map(|e| e.ranked).collect()
    }
}

#[cfg(feature = "rayon")]
impl Prepared {
    /// [`Prepared::score_batch`] spread over all cores, with identical results.
    ///
    /// # Errors
    /// As [`Prepared::score_batch`].
    pub fn score_batch_parallel(
        &self,
        ratings: &[Proficiency],
        level: usize,
    ) -> Result<Vec<Scored>, Error> {
        use rayon::prelude::*;
        self.check_batch(ratings, level)?;
        Ok(ratings
            .par_chunks_exact(self.skills.max(1))
            .map(|row| self.score_unchecked(row, level))
            .collect())
    }

    /// [`Prepared::top_k`] spread over all cores, with identical results.
    ///
    /// # Errors
    /// As [`Prepared::score_batch`].
    pub fn top_k_parallel(
        &self,
        ratings: &[Proficiency],
        level: usize,
        k: usize,
    ) -> Result<Vec<Ranked>, Error> {
        use rayon::prelude::*;
        self.check_batch(ratings, level)?;
        let stride = self.skills.max(1);
        let partial: Vec<Vec<Ranked>> = ratings
            .par_chunks(CHUNK_ROWS * stride)
            .enumerate()
            .map(|(c, chunk)| self.top_k_of(chunk, c * CHUNK_ROWS, level, k))
            .collect();
        // Merging the chunks' best k under the same total order gives the same best k.
        let mut all: Vec<Entry<'_>> = partial
            .into_iter()
            .flatten()
            .map(|ranked| {
                let at = ranked.candidate * stride;
                Entry {
                    row: &ratings[at..at + stride],
                    ranked,
                }
            })
            .collect();
        all.sort();
        all.truncate(k);
        Ok(all.into_iter().map(|e| e.ranked).collect())
    }
}

/// A ranking entry; `Less` means better.
struct Entry<'r> {
    row: &'r [Proficiency],
    ranked: Ranked,
}

impl Ord for Entry<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        let (a, b) = (&self.ranked, &other.ranked);
        b.scored
            .fit
            .total_cmp(&a.scored.fit)
            .then_with(|| b.scored.points.total_cmp(&a.scored.points))
            .then_with(|| other.row.cmp(self.row))
            .then_with(|| a.candidate.cmp(&b.candidate))
    }
}

impl PartialOrd for Entry<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Entry<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Entry<'_> {}

/// A job posting: a framework and the level it hires for.
#[derive(Clone, Copy, Debug)]
pub struct Posting<'a> {
    /// The role's framework.
    pub framework: &'a Framework,
    /// The index of the level hired for, lowest first.
    pub level: usize,
}

/// How one person matches one posting.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleMatch {
    /// The posting's position in the input.
    pub posting: usize,
    /// The role's framework.
    pub framework: crate::Id,
    /// The level hired for.
    pub level: crate::Id,
    /// Whether the person meets the level (and every level below it).
    pub ready: bool,
    /// Fit for the level, 0–1.
    pub fit: f64,
    /// The tier of that fit.
    pub tier: Tier,
    /// The largest blockers (weight × gap), at most [`TOP_BLOCKERS`].
    pub blockers: Vec<crate::Blocker>,
}

/// How many blockers a [`RoleMatch`] names.
pub const TOP_BLOCKERS: usize = 3;

/// Matches one person against many postings, best fit first: a job board's "jobs you are
/// ready for".
///
/// The assessment's ratings are read by skill id; skills a framework does not have are
/// ignored (a person's profile spans many roles), and skills it has but the person did not
/// rate count as `none`. Ties in fit keep input order.
///
/// # Errors
/// [`Error::InvalidValue`] naming the posting whose level index is out of range.
///
/// # Example
/// ```
/// use skillgauge::{Assessment, Framework, Posting, match_roles, Proficiency::*};
///
/// let backend = Framework::backend_developer();
/// let me = Assessment::new().rate("programming-languages", Competent)?.rate("security", Competent)?;
/// let postings = [Posting { framework: backend, level: 2 }, Posting { framework: backend, level: 0 }];
/// let matches = match_roles(&me, &postings)?;
/// assert_eq!(matches[0].level.as_str(), "entry"); // the better fit first
/// assert!(matches[0].fit > matches[1].fit);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn match_roles(
    assessment: &crate::Assessment,
    postings: &[Posting<'_>],
) -> Result<Vec<RoleMatch>, Error> {
    // One hash lookup per skill instead of a string-comparing tree search per posting.
    let ratings: HashMap<&str, Proficiency> = assessment
        .ratings
        .iter()
        .map(|(id, r)| (id.as_str(), r.proficiency))
        .collect();
    let mut row = Vec::new();
    let mut out = Vec::with_capacity(postings.len());
    for (p, posting) in postings.iter().enumerate() {
        let framework = posting.framework;
        let Some(level) = framework.levels().get(posting.level) else {
            return Err(Error::invalid(
                format!("postings[{p}].level"),
                format!(
                    "level index {} is outside 0-{}",
                    posting.level,
                    framework.levels().len() - 1
                ),
            ));
        };
        let scorer = &framework.index.prepared;
        row.clear();
        row.extend(
            framework
                .skills()
                .iter()
                .map(|s| ratings.get(s.id.as_str()).copied().unwrap_or_default()),
        );
        let points = scorer.points_of(&row);
        let ready = scorer.levels_met(&row, points) > posting.level;
        let fit = scorer.fit_of(&row, points, posting.level);
        let required = &framework.index.requires[posting.level];
        let mut blockers = crate::score::blockers(framework.skills(), &row, required);
        blockers.truncate(TOP_BLOCKERS);
        out.push(RoleMatch {
            posting: p,
            framework: framework.id().clone(),
            level: level.id.clone(),
            ready,
            fit,
            tier: scorer.tier(ready, fit),
            blockers,
        });
    }
    out.sort_by(|a, b| b.fit.total_cmp(&a.fit).then(a.posting.cmp(&b.posting)));
    Ok(out)
}
