//! Scoring many candidates against one framework: [`Prepared`], batch scoring and
//! top-k ranking. Results are identical to [`Framework::assess`] (the same rules on the same
//! compiled form).

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::sync::Arc;

use crate::assessment::Assessment;
use crate::compile::Compiled;
use crate::error::{Error, ErrorKind};
use crate::exact::from_thousandths;
use crate::framework::Framework;
use crate::id::Id;
use crate::proficiency::Proficiency;
use crate::report::Tier;
use crate::resolve::{check_ratings, merge, unknown_skill};
use crate::score;
use crate::tables::{self, Candidate, Packed};

/// Rows per parallel top-k chunk.
#[cfg(feature = "rayon")]
const CHUNK_ROWS: usize = 64 * 1024;

/// A framework prepared to score many candidates fast.
///
/// A candidate is a *row*: one [`Proficiency`] per skill, in framework order. Scoring a row
/// allocates nothing; results are identical to [`Framework::assess`]. The framework's
/// scoring rules are precomputed per skill and rating when it is compiled, so a candidate
/// costs a few table look-ups and additions, in exact integer arithmetic.
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
#[derive(Clone, Debug)]
pub struct Prepared {
    compiled: Arc<Compiled>,
}

/// The scores of one candidate row.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
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
#[non_exhaustive]
pub struct Ranked {
    /// The candidate's position in the input.
    pub candidate: usize,
    /// Its scores.
    pub scored: Scored,
}

/// Levels whose fits and tiers a [`ScoredLevels`] holds without allocating.
const INLINE_LEVELS: usize = 8;

/// One value per level: inline for up to [`INLINE_LEVELS`] levels, on the heap beyond.
#[derive(Clone)]
enum PerLevel<T> {
    Inline { len: u8, items: [T; INLINE_LEVELS] },
    Heap(Vec<T>),
}

impl<T: Copy> PerLevel<T> {
    fn new(levels: usize, fill: T) -> PerLevel<T> {
        match u8::try_from(levels) {
            Ok(len) if levels <= INLINE_LEVELS => PerLevel::Inline {
                len,
                items: [fill; INLINE_LEVELS],
            },
            _ => PerLevel::Heap(vec![fill; levels]),
        }
    }

    fn as_slice(&self) -> &[T] {
        match self {
            PerLevel::Inline { len, items } => &items[..usize::from(*len)],
            PerLevel::Heap(items) => items,
        }
    }

    fn as_mut_slice(&mut self) -> &mut [T] {
        match self {
            PerLevel::Inline { len, items } => &mut items[..usize::from(*len)],
            PerLevel::Heap(items) => items,
        }
    }
}

impl<T: Copy + std::fmt::Debug> std::fmt::Debug for PerLevel<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.as_slice()).finish()
    }
}

impl<T: Copy + PartialEq> PartialEq for PerLevel<T> {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

/// The scores of one candidate on every level at once: readiness and points, and each
/// level's fit and tier, exactly as [`Prepared::score`] gives them level by level.
///
/// Holds up to eight levels without allocating.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ScoredLevels {
    /// The index of the readiness level, `None` when not yet ready.
    pub readiness: Option<usize>,
    /// Total points.
    pub points: f64,
    fits: PerLevel<f64>,
    tiers: PerLevel<Tier>,
}

impl ScoredLevels {
    /// The number of levels.
    pub fn levels(&self) -> usize {
        self.fits.as_slice().len()
    }

    /// Per level, lowest first: the fit, 0–1.
    pub fn fits(&self) -> &[f64] {
        self.fits.as_slice()
    }

    /// Per level, lowest first: the tier.
    pub fn tiers(&self) -> &[Tier] {
        self.tiers.as_slice()
    }

    /// The scores for level index `level`, as [`Prepared::score`] gives them.
    ///
    /// # Panics
    /// When `level` is not a level index.
    pub fn scored(&self, level: usize) -> Scored {
        Scored {
            readiness: self.readiness,
            points: self.points,
            fit: self.fits()[level],
            tier: self.tiers()[level],
        }
    }
}

/// The scores of a batch of candidates on every level, from
/// [`Prepared::score_levels_into`]: per candidate, readiness and points (the same for
/// every level), and each level's fit and tier. Keep one and reuse it, so repeated batches
/// reuse its memory.
///
/// Every accessor takes a candidate's position in the batch and, like indexing, panics
/// when it is out of range.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LevelScores {
    levels: usize,
    /// Per candidate: 0 when not yet ready, else the readiness level index + 1.
    readiness: Vec<u8>,
    points: Vec<f64>,
    /// Per candidate, then per level.
    fits: Vec<f64>,
    tiers: Vec<Tier>,
}

impl LevelScores {
    /// An empty buffer.
    pub fn new() -> LevelScores {
        LevelScores::default()
    }

    /// The number of candidates.
    pub fn len(&self) -> usize {
        self.points.len()
    }

    /// Whether there are no candidates.
    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    /// The number of levels per candidate.
    pub fn levels(&self) -> usize {
        self.levels
    }

    /// The readiness level index of a candidate, `None` when not yet ready.
    ///
    /// # Panics
    /// When `candidate` is out of range.
    pub fn readiness(&self, candidate: usize) -> Option<usize> {
        usize::from(self.readiness[candidate]).checked_sub(1)
    }

    /// The total points of a candidate.
    ///
    /// # Panics
    /// When `candidate` is out of range.
    pub fn points(&self, candidate: usize) -> f64 {
        self.points[candidate]
    }

    /// A candidate's fit per level, lowest first.
    ///
    /// # Panics
    /// When `candidate` is out of range.
    pub fn fits(&self, candidate: usize) -> &[f64] {
        assert!(
            candidate < self.len(),
            "candidate {candidate} of {}",
            self.len()
        );
        &self.fits[candidate * self.levels..(candidate + 1) * self.levels]
    }

    /// A candidate's tier per level, lowest first.
    ///
    /// # Panics
    /// When `candidate` is out of range.
    pub fn tiers(&self, candidate: usize) -> &[Tier] {
        assert!(
            candidate < self.len(),
            "candidate {candidate} of {}",
            self.len()
        );
        &self.tiers[candidate * self.levels..(candidate + 1) * self.levels]
    }

    /// A candidate's scores for level index `level`, as [`Prepared::score`] gives them.
    ///
    /// # Panics
    /// When `candidate` or `level` is out of range.
    pub fn scored(&self, candidate: usize, level: usize) -> Scored {
        Scored {
            readiness: self.readiness(candidate),
            points: self.points(candidate),
            fit: self.fits(candidate)[level],
            tier: self.tiers(candidate)[level],
        }
    }

    fn clear(&mut self, levels: usize) {
        self.levels = levels;
        self.readiness.clear();
        self.points.clear();
        self.fits.clear();
        self.tiers.clear();
    }

    /// Sized for `candidates` on `levels` levels; what it held is left to be overwritten.
    fn resize(&mut self, levels: usize, candidates: usize) {
        self.levels = levels;
        self.readiness.resize(candidates, 0);
        self.points.resize(candidates, 0.0);
        self.fits.resize(candidates * levels, 0.0);
        self.tiers.resize(candidates * levels, Tier::Aspirational);
    }

    /// The stored form of a readiness: 0 for `None`, else the level index + 1 (levels are
    /// at most [`MAX_LEVELS`](crate::limits::MAX_LEVELS)).
    #[inline]
    fn code(readiness: Option<usize>) -> u8 {
        u8::try_from(readiness.map_or(0, |r| r + 1)).unwrap_or(u8::MAX)
    }
}

impl Framework {
    /// The framework prepared for batch scoring; cheap, as it shares the compiled framework.
    pub fn prepare(&self) -> Prepared {
        Prepared {
            compiled: Arc::clone(&self.compiled),
        }
    }
}

/// A candidate's scores for `level`, from its packed sums.
#[inline]
fn scored_packed<const K: usize>(p: &Packed, c: &Candidate<K>, level: usize) -> Scored {
    let (fit, tier) = p.level(c, level);
    Scored {
        readiness: p.readiness(c),
        points: p.points(c),
        fit,
        tier,
    }
}

/// A row's scores for `level`, without the packed tables.
fn scored_plain(c: &Compiled, row: &[Proficiency], level: usize) -> Scored {
    let t = &c.tables;
    let points = score::points(c, row);
    let met = score::skills_meet(c, row);
    let (fit, tier) = t.level(level, points, met, score::credit(c, row, level));
    Scored {
        readiness: t.readiness(points, met),
        points: from_thousandths(points),
        fit,
        tier,
    }
}

/// Writes a row's fit and tier for every level into `fits` and `tiers`, without the
/// packed tables; returns its readiness and points.
fn levels_plain(
    c: &Compiled,
    row: &[Proficiency],
    fits: &mut [f64],
    tiers: &mut [Tier],
) -> (Option<usize>, f64) {
    let t = &c.tables;
    let points = score::points(c, row);
    let met = score::skills_meet(c, row);
    for (level, (fit, tier)) in fits.iter_mut().zip(tiers).enumerate() {
        (*fit, *tier) = t.level(level, points, met, score::credit(c, row, level));
    }
    (t.readiness(points, met), from_thousandths(points))
}

/// As [`levels_plain`], from a candidate's packed sums.
#[inline]
fn levels_packed<const K: usize>(
    p: &Packed,
    c: &Candidate<K>,
    fits: &mut [f64],
    tiers: &mut [Tier],
) -> (Option<usize>, f64) {
    for (level, (fit, tier)) in fits.iter_mut().zip(tiers).enumerate() {
        (*fit, *tier) = p.level(c, level);
    }
    (p.readiness(c), p.points(c))
}

/// The scores of a row of `c`'s length for level index `level`, in range.
#[inline]
pub(crate) fn score_row(c: &Compiled, row: &[Proficiency], level: usize) -> Scored {
    match &c.tables.packed {
        Some(p) => tables::with_sums!(p, sums => scored_packed(p, &p.candidate(sums(row)), level)),
        None => scored_plain(c, row, level),
    }
}

impl Prepared {
    /// The number of skills a row must have.
    pub fn skills(&self) -> usize {
        self.compiled.weight.len()
    }

    /// The number of levels.
    pub fn levels(&self) -> usize {
        self.compiled.requires.len()
    }

    /// Scores a row whose length is checked.
    fn score_unchecked(&self, row: &[Proficiency], level: usize) -> Scored {
        score_row(&self.compiled, row, level)
    }

    fn check_level(&self, level: usize) -> Result<(), Error> {
        if level >= self.levels() {
            return Err(ErrorKind::LevelIndex {
                field: "level".to_owned(),
                index: level,
                levels: self.levels(),
            }
            .into());
        }
        Ok(())
    }

    fn check_row(&self, row: &[Proficiency]) -> Result<(), Error> {
        if row.len() != self.skills() {
            return Err(ErrorKind::RowLength {
                len: row.len(),
                skills: self.skills(),
            }
            .into());
        }
        Ok(())
    }

    /// Scores one row: readiness, points, and fit and tier for level index `level`.
    ///
    /// # Errors
    /// [`ErrorKind::RowLength`] when the row's length is not [`Prepared::skills`],
    /// [`ErrorKind::LevelIndex`] when `level` is not a level index.
    pub fn score(&self, row: &[Proficiency], level: usize) -> Result<Scored, Error> {
        self.check_level(level)?;
        self.check_row(row)?;
        Ok(self.score_unchecked(row, level))
    }

    /// The readiness level index of one row, `None` when not yet ready.
    ///
    /// # Errors
    /// [`ErrorKind::RowLength`] when the row's length is not [`Prepared::skills`].
    pub fn readiness(&self, row: &[Proficiency]) -> Result<Option<usize>, Error> {
        self.check_row(row)?;
        let c = &*self.compiled;
        Ok(match &c.tables.packed {
            Some(p) => tables::with_sums!(p, sums => p.readiness(&p.candidate(sums(row)))),
            None => c
                .tables
                .readiness(score::points(c, row), score::skills_meet(c, row)),
        })
    }

    /// Scores one assessment on every level: what [`Framework::assess`] gives for its
    /// readiness, points, and each level's fit and tier, without the rest of the report.
    ///
    /// The ratings are read by skill id (unrated skills count as `none`), trusting the
    /// self-ratings as [`Framework::assess`] does by default. Only what scoring reads is
    /// checked: the framework named, and the skill ids rated. Allocates nothing for
    /// frameworks of up to eight levels whose scoring tables pack into a few words per skill
    /// (the built-in one and most real ones); others take one row of ratings.
    ///
    /// # Errors
    /// As [`Framework::assess`] for those: [`ErrorKind::FrameworkMismatch`] when the
    /// assessment names another framework, [`ErrorKind::UnknownId`] naming
    /// `ratings.<id>` for a rated skill the framework does not have,
    /// [`ErrorKind::TooMany`] for more ratings than [`limits::MAX_SKILLS`](crate::limits::MAX_SKILLS).
    ///
    /// # Example
    /// ```
    /// use skillgauge::{Assessment, Framework, Proficiency::*, Tier};
    ///
    /// let framework = Framework::backend_developer();
    /// let scorer = framework.prepare();
    /// let me = Assessment::new().rate("programming-languages", Competent)?.rate("security", Novice)?;
    /// let scores = scorer.score_assessment(&me)?;
    /// let report = framework.assess(&me)?;
    /// assert_eq!(scores.readiness, Option::None);
    /// assert_eq!(scores.points, report.points);
    /// for (level, result) in report.levels.iter().enumerate() {
    ///     assert_eq!(scores.fits()[level], result.fit);
    ///     assert_eq!(scores.tiers()[level], result.tier);
    /// }
    /// assert_eq!(scores.tiers()[0], Tier::Stretch);
    ///
    /// let typo = Assessment::new().rate("securty", Expert)?;
    /// let err = scorer.score_assessment(&typo).unwrap_err();
    /// assert_eq!(err.field(), Some("ratings.securty"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn score_assessment(&self, assessment: &Assessment) -> Result<ScoredLevels, Error> {
        let c = &*self.compiled;
        check_ratings(c, assessment)?;
        let unknown = |id: &Id| Err(unknown_skill(c, id));
        let levels = self.levels();
        let mut fits = PerLevel::new(levels, 0.0);
        let mut tiers = PerLevel::new(levels, Tier::Aspirational);
        let (f, t) = (fits.as_mut_slice(), tiers.as_mut_slice());
        let (readiness, points) = if let Some(p) = &c.tables.packed {
            let mut sums = p.base;
            merge(
                c,
                assessment,
                |s, _, r| {
                    p.add(&mut sums, s, r.proficiency);
                    Ok(())
                },
                unknown,
            )?;
            levels_packed(p, &p.candidate(sums), f, t)
        } else {
            let mut row = vec![Proficiency::None; self.skills()];
            merge(
                c,
                assessment,
                |s, _, r| {
                    row[s] = r.proficiency;
                    Ok(())
                },
                unknown,
            )?;
            levels_plain(c, &row, f, t)
        };
        Ok(ScoredLevels {
            readiness,
            points,
            fits,
            tiers,
        })
    }

    fn rows<'r>(&self, ratings: &'r [Proficiency]) -> std::slice::ChunksExact<'r, Proficiency> {
        ratings.chunks_exact(self.skills().max(1))
    }

    fn check_batch(&self, ratings: &[Proficiency], level: usize) -> Result<(), Error> {
        self.check_level(level)?;
        if ratings.len() % self.skills().max(1) != 0 {
            return Err(ErrorKind::BatchLength {
                len: ratings.len(),
                skills: self.skills(),
            }
            .into());
        }
        Ok(())
    }

    /// Appends the scores of every row for `level` (checked) to `out`.
    fn batch(&self, ratings: &[Proficiency], level: usize, out: &mut Vec<Scored>) {
        let c = &*self.compiled;
        let rows = self.rows(ratings);
        match &c.tables.packed {
            Some(p) => tables::with_sums!(p, sums => out.extend(
                rows.map(|row| scored_packed(p, &p.candidate(sums(row)), level))
            )),
            None => out.extend(rows.map(|row| scored_plain(c, row, level))),
        }
    }

    /// Scores a batch of candidates given as consecutive rows, allocating only the output.
    ///
    /// # Errors
    /// [`ErrorKind::BatchLength`] when `ratings` is not a whole number of rows,
    /// [`ErrorKind::LevelIndex`] when `level` is not a level index.
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
        let mut out = Vec::with_capacity(ratings.len() / self.skills().max(1));
        self.batch(ratings, level, &mut out);
        Ok(out)
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
        out.reserve(ratings.len() / self.skills().max(1));
        self.batch(ratings, level, out);
        Ok(())
    }

    /// Writes every row's scores on every level (checked) into `out`, resized to hold
    /// exactly them: a buffer reused for batches of one size is written once, in place.
    fn batch_levels(&self, ratings: &[Proficiency], out: &mut LevelScores) {
        let c = &*self.compiled;
        let levels = self.levels();
        out.resize(levels, ratings.len() / self.skills().max(1));
        let slots = out
            .fits
            .chunks_exact_mut(levels.max(1))
            .zip(out.tiers.chunks_exact_mut(levels.max(1)))
            .zip(out.readiness.iter_mut().zip(&mut out.points))
            .zip(self.rows(ratings));
        match &c.tables.packed {
            Some(p) => tables::with_sums!(p, sums => {
                for (((f, t), (r, pts)), row) in slots {
                    let (ready, total) = levels_packed(p, &p.candidate(sums(row)), f, t);
                    (*r, *pts) = (LevelScores::code(ready), total);
                }
            }),
            None => {
                for (((f, t), (r, pts)), row) in slots {
                    let (ready, total) = levels_plain(c, row, f, t);
                    (*r, *pts) = (LevelScores::code(ready), total);
                }
            }
        }
    }

    /// Scores a batch of candidates, given as consecutive rows, on every level in one pass:
    /// readiness and points, and each level's fit and tier. For every row and level the
    /// results are exactly what [`Prepared::score`] gives for that level.
    ///
    /// # Errors
    /// [`ErrorKind::BatchLength`] when `ratings` is not a whole number of rows.
    ///
    /// # Example
    /// ```
    /// use skillgauge::{Framework, Proficiency::*, Tier};
    ///
    /// let scorer = Framework::backend_developer().prepare();
    /// let rows = [[Competent; 7], [Expert; 7]].concat(); // two candidates
    /// let scores = scorer.score_levels(&rows)?;
    /// assert_eq!((scores.len(), scores.levels()), (2, 4));
    /// assert_eq!(scores.readiness(1), Some(3));
    /// assert_eq!(scores.tiers(1), [Tier::Ready; 4]);
    /// for level in 0..4 {
    ///     assert_eq!(scores.scored(0, level), scorer.score(&rows[..7], level)?);
    /// }
    /// # Ok::<(), skillgauge::Error>(())
    /// ```
    pub fn score_levels(&self, ratings: &[Proficiency]) -> Result<LevelScores, Error> {
        let mut out = LevelScores::new();
        self.score_levels_into(ratings, &mut out)?;
        Ok(out)
    }

    /// [`Prepared::score_levels`] into a buffer the caller keeps, so repeated batches reuse
    /// its memory: the buffer is cleared, then holds every row's scores.
    ///
    /// # Errors
    /// As [`Prepared::score_levels`]; the buffer is left empty, sized for this framework's
    /// levels.
    ///
    /// # Example
    /// ```
    /// use skillgauge::{Framework, LevelScores, Proficiency::*, Tier};
    ///
    /// let scorer = Framework::backend_developer().prepare();
    /// let mut out = LevelScores::new();
    /// for batch in [[Novice; 14].as_slice(), [Proficient; 7].as_slice()] {
    ///     scorer.score_levels_into(batch, &mut out)?;
    /// }
    /// assert_eq!(out.len(), 1);
    /// assert_eq!(out.readiness(0), Some(2)); // senior
    /// // Expert: four skills, of weight 9 in 13, one short (credit 0.7 each): fit 10.3 / 13.
    /// assert_eq!(out.tiers(0)[3], Tier::Stretch);
    /// assert_eq!(out.fits(0)[3], 103.0 / 130.0); // 10.3 / 13, correctly rounded
    /// assert_eq!(out.points(0), 52.0);
    /// # Ok::<(), skillgauge::Error>(())
    /// ```
    pub fn score_levels_into(
        &self,
        ratings: &[Proficiency],
        out: &mut LevelScores,
    ) -> Result<(), Error> {
        if let Err(err) = self.check_batch(ratings, 0) {
            out.clear(self.levels());
            return Err(err);
        }
        self.batch_levels(ratings, out);
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
        let k = k.min(ratings.len() / self.skills().max(1));
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
            .par_chunks_exact(self.skills().max(1))
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
        let stride = self.skills().max(1);
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
