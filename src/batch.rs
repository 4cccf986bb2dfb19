//! Scoring many candidates against one framework: [`Prepared`], batch scoring and
//! top-k ranking. Results are identical to [`Framework::assess`] (the same rules on the same
//! compiled form).

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::sync::Arc;

use crate::compile::Compiled;
use crate::error::{Error, ErrorKind};
use crate::exact::from_thousandths;
use crate::framework::Framework;
use crate::proficiency::Proficiency;
use crate::report::Tier;
use crate::score;

/// Rows per parallel top-k chunk.
#[cfg(feature = "rayon")]
const CHUNK_ROWS: usize = 64 * 1024;

/// A framework prepared to score many candidates fast.
///
/// A candidate is a *row*: one [`Proficiency`] per skill, in framework order. Scoring a row
/// allocates nothing; results are identical to [`Framework::assess`].
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

impl Framework {
    /// The framework prepared for batch scoring; cheap, as it shares the compiled framework.
    pub fn prepare(&self) -> Prepared {
        Prepared {
            compiled: Arc::clone(&self.compiled),
        }
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
        let c = &*self.compiled;
        let points = score::points(c, row);
        let skills_met = score::skills_meet(c, row);
        let fit = score::fit(c, row, points, level);
        let met = skills_met > level && points >= c.min_points[level];
        Scored {
            readiness: skills_met.min(score::points_meet(c, points)).checked_sub(1),
            points: from_thousandths(points),
            fit: fit.value(),
            tier: score::tier(c, met, fit),
        }
    }

    fn check(&self, rows: usize, len: usize, level: usize) -> Result<(), Error> {
        if level >= self.levels() {
            return Err(ErrorKind::LevelIndex {
                field: "level".to_owned(),
                index: level,
                levels: self.levels(),
            }
            .into());
        }
        if len != rows {
            return Err(ErrorKind::RowLength {
                len,
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
        self.check(self.skills(), row.len(), level)?;
        Ok(self.score_unchecked(row, level))
    }

    /// The readiness level index of one row, `None` when not yet ready.
    ///
    /// # Errors
    /// [`ErrorKind::RowLength`] when the row's length is not [`Prepared::skills`].
    pub fn readiness(&self, row: &[Proficiency]) -> Result<Option<usize>, Error> {
        self.check(self.skills(), row.len(), 0)?;
        let c = &*self.compiled;
        let met = score::skills_meet(c, row).min(score::points_meet(c, score::points(c, row)));
        Ok(met.checked_sub(1))
    }

    fn rows<'r>(&self, ratings: &'r [Proficiency]) -> impl Iterator<Item = &'r [Proficiency]> {
        ratings.chunks_exact(self.skills().max(1))
    }

    fn check_batch(&self, ratings: &[Proficiency], level: usize) -> Result<(), Error> {
        let whole = ratings.len() / self.skills().max(1) * self.skills();
        self.check(whole, ratings.len(), level)
    }

    /// Scores a batch of candidates given as consecutive rows, allocating only the output.
    ///
    /// # Errors
    /// [`ErrorKind::RowLength`] when `ratings` is not a whole number of rows,
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
