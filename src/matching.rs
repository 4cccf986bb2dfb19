//! Matching one person against many job postings.

use std::collections::HashMap;

use crate::assessment::Assessment;
use crate::error::{Error, ErrorKind};
use crate::framework::Framework;
use crate::id::Id;
use crate::proficiency::Proficiency;
use crate::report::{Blocker, Tier};
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
/// rate count as `none`. Ties in fit keep input order.
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
    // One hash lookup per skill instead of a string-comparing tree search per posting.
    let ratings: HashMap<&str, Proficiency> = assessment
        .ratings
        .iter()
        .map(|(id, r)| (id.as_str(), r.proficiency))
        .collect();
    let mut row = Vec::new();
    let mut out = Vec::with_capacity(postings.len());
    for (p, posting) in postings.iter().enumerate() {
        let c = &*posting.framework.compiled;
        let Some(level) = c.def.levels.get(posting.level) else {
            return Err(ErrorKind::LevelIndex {
                field: format!("postings[{p}].level"),
                index: posting.level,
                levels: c.def.levels.len(),
            }
            .into());
        };
        row.clear();
        row.extend(
            c.def
                .skills
                .iter()
                .map(|s| ratings.get(s.id.as_str()).copied().unwrap_or_default()),
        );
        let points = score::points(c, &row);
        let ready = score::skills_meet(c, &row).min(score::points_meet(c, points)) > posting.level;
        let fit = score::fit(c, &row, points, posting.level);
        let mut blockers = score::blockers(c, &row, posting.level);
        blockers.truncate(TOP_BLOCKERS);
        out.push(RoleMatch {
            posting: p,
            framework: c.def.id.clone(),
            framework_name: c.def.name.clone(),
            level: level.id.clone(),
            level_name: level.name.clone(),
            ready,
            fit: fit.value(),
            tier: score::tier(c, ready, fit),
            blockers,
        });
    }
    out.sort_by(|a, b| b.fit.total_cmp(&a.fit).then(a.posting.cmp(&b.posting)));
    Ok(out)
}
