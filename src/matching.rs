//! Matching one person against many job postings.

use std::sync::Arc;

use crate::assessment::Assessment;
use crate::batch::{Scored, score_row};
use crate::error::{Error, ErrorKind};
use crate::framework::Framework;
use crate::id::Id;
use crate::proficiency::Proficiency;
use crate::report::{Blocker, Tier};
use crate::resolve::merge;
use crate::score;

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
#[non_exhaustive]
pub struct RoleMatch {
    /// The posting's position in the input.
    pub posting: usize,
    /// The role's framework.
    pub framework: Id,
    /// The role's name.
    pub framework_name: String,
    /// The level hired for.
    pub level: Id,
    /// The level's name.
    pub level_name: String,
    /// Whether the person meets the level (and every level below it).
    pub ready: bool,
    /// Fit for the level, 0–1.
    pub fit: f64,
    /// The tier of that fit.
    pub tier: Tier,
    /// The largest blockers (weight × gap), at most [`TOP_BLOCKERS`].
    pub blockers: Vec<Blocker>,
}

/// How many blockers a [`RoleMatch`] names.
pub const TOP_BLOCKERS: usize = 3;

/// Matches one person against many postings, best fit first: a job board's "jobs you are
/// ready for".
///
/// The assessment's ratings are read by skill id; skills a framework does not have are
/// ignored (a person's profile spans many roles), and skills it has but the person did not
/// rate count as `none`. For the same reason the assessment's own `framework`, if it names
/// one, is not checked against the postings'. Ties in fit keep input order. [`match_top_roles`] gives only the
/// best few, faster.
///
/// # Errors
/// [`ErrorKind::LevelIndex`] naming the posting whose level index is out of range.
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
    assessment: &Assessment,
    postings: &[Posting<'_>],
) -> Result<Vec<RoleMatch>, Error> {
    match_top_roles(assessment, postings, postings.len())
}

/// The best `limit` matches of [`match_roles`], in the same order: every posting is
/// scored, but names and blockers are gathered only for the matches returned.
///
/// # Errors
/// As [`match_roles`]: [`ErrorKind::LevelIndex`] naming the posting whose level index is
/// out of range, whatever `limit` is.
///
/// # Example
/// ```
/// use skillgauge::{Assessment, Framework, Posting, match_roles, match_top_roles, Proficiency::*};
///
/// let backend = Framework::backend_developer();
/// let me = Assessment::new().rate("programming-languages", Proficient)?;
/// let postings: Vec<Posting> = (0..4).map(|level| Posting { framework: backend, level }).collect();
/// let best = match_top_roles(&me, &postings, 1)?;
/// assert_eq!(best, match_roles(&me, &postings)?[..1]);
/// assert_eq!(best[0].level.as_str(), "entry");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn match_top_roles(
    assessment: &Assessment,
    postings: &[Posting<'_>],
    limit: usize,
) -> Result<Vec<RoleMatch>, Error> {
    // The person's row for each framework, in the framework's skill order: built once per
    // run of postings on one framework (postings usually come grouped by framework).
    let mut rows: Vec<Proficiency> = Vec::new();
    let mut row_of: Vec<usize> = Vec::with_capacity(postings.len());
    let mut scored = Vec::with_capacity(postings.len());
    for (p, posting) in postings.iter().enumerate() {
        let c = &*posting.framework.compiled;
        if posting.level >= c.def.levels.len() {
            return Err(ErrorKind::LevelIndex {
                field: format!("postings[{p}].level"),
                index: posting.level,
                levels: c.def.levels.len(),
            }
            .into());
        }
        let same = p > 0
            && Arc::ptr_eq(
                &posting.framework.compiled,
                &postings[p - 1].framework.compiled,
            );
        if same {
            row_of.push(row_of[p - 1]);
        } else {
            row_of.push(rows.len());
            rows.resize(rows.len() + c.def.skills.len(), Proficiency::None);
            let row = &mut rows[row_of[p]..];
            // Skills the framework does not have are someone else's: ignored.
            let ignored = merge(
                c,
                assessment,
                |s, _, r| {
                    row[s] = r.proficiency;
                    Ok(())
                },
                |_| Ok(()),
            );
            debug_assert!(ignored.is_ok());
        }
        let row = &rows[row_of[p]..row_of[p] + c.def.skills.len()];
        scored.push((p, score_row(c, row, posting.level)));
    }
    let order =
        |a: &(usize, Scored), b: &(usize, Scored)| b.1.fit.total_cmp(&a.1.fit).then(a.0.cmp(&b.0));
    if limit < scored.len() {
        if limit == 0 {
            return Ok(Vec::new());
        }
        scored.select_nth_unstable_by(limit - 1, order);
        scored.truncate(limit);
    }
    scored.sort_unstable_by(order);
    Ok(scored
        .into_iter()
        .map(|(p, s)| {
            let posting = postings[p];
            let c = &*posting.framework.compiled;
            let level = &c.def.levels[posting.level];
            let row = &rows[row_of[p]..row_of[p] + c.def.skills.len()];
            RoleMatch {
                posting: p,
                framework: c.def.id.clone(),
                framework_name: c.def.name.clone(),
                level: level.id.clone(),
                level_name: level.name.clone(),
                ready: s.readiness.is_some_and(|r| r >= posting.level),
                fit: s.fit,
                tier: s.tier,
                blockers: score::blockers(c, row, posting.level, TOP_BLOCKERS),
            }
        })
        .collect())
}
