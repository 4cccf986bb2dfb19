//! Progress over time: what changed between two reports of the same person on the same
//! framework.

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};
use crate::id::Id;
use crate::proficiency::Proficiency;
use crate::report::{Report, StepRef, Tier};

/// How one level's fit and tier changed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LevelProgress {
    /// The level's id.
    pub level: Id,
    /// The level's name.
    pub name: String,
    /// Fit before, 0–1.
    pub fit_before: f64,
    /// Fit after, 0–1.
    pub fit_after: f64,
    /// Tier before.
    pub tier_before: Tier,
    /// Tier after.
    pub tier_after: Tier,
}

/// How one skill's rating changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SkillProgress {
    /// The skill's id.
    pub skill: Id,
    /// The skill's name.
    pub name: String,
    /// The rating before.
    pub before: Proficiency,
    /// The rating after.
    pub after: Proficiency,
}

/// What changed between two reports of the same person on the same framework: readiness,
/// each level's fit and tier, each skill's rating, the steps newly completed, and the weeks
/// the plan has left.
///
/// # Example
/// ```
/// use skillgauge::{Assessment, Framework, Progress, Proficiency::*};
///
/// let framework = Framework::backend_developer();
/// let before = framework.assess(&Assessment::new().rate("security", Novice)?)?;
/// let after = framework.assess(&Assessment::new().rate("security", Competent)?)?;
/// let progress = Progress::between(&before, &after)?;
/// let security = progress.skills.iter().find(|s| s.skill == "security").unwrap();
/// assert_eq!((security.before, security.after), (Novice, Competent));
/// assert!(progress.to_string().contains("Security: novice to competent")); // see `Display`
/// # Ok::<(), skillgauge::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Progress {
    /// The framework.
    pub framework: Id,
    /// Its name.
    pub framework_name: String,
    /// Readiness before (`null`: not yet ready).
    pub readiness_before: Option<Id>,
    /// Its name.
    pub readiness_before_name: Option<String>,
    /// Readiness after.
    pub readiness_after: Option<Id>,
    /// Its name.
    pub readiness_after_name: Option<String>,
    /// The overall score before and after.
    pub score_before: u8,
    /// The overall score after.
    pub score_after: u8,
    /// Every level, lowest first.
    pub levels: Vec<LevelProgress>,
    /// Every skill, in framework order.
    pub skills: Vec<SkillProgress>,
    /// Steps completed in the later report but not the earlier one.
    pub steps_completed: Vec<StepRef>,
    /// The weeks the earlier plan had left.
    pub plan_weeks_before: u64,
    /// The weeks the later plan has left.
    pub plan_weeks_after: u64,
}

impl Progress {
    /// Compares an earlier report with a later one.
    ///
    /// # Errors
    /// [`ErrorKind::FrameworkMismatch`] when the reports are for different frameworks (or
    /// versions with different levels or skills).
    pub fn between(before: &Report, after: &Report) -> Result<Progress, Error> {
        let same_shape = before.levels.len() == after.levels.len()
            && before.skills.len() == after.skills.len()
            && before
                .levels
                .iter()
                .zip(&after.levels)
                .all(|(a, b)| a.level == b.level)
            && before
                .skills
                .iter()
                .zip(&after.skills)
                .all(|(a, b)| a.skill == b.skill);
        if before.framework != after.framework || !same_shape {
            return Err(ErrorKind::FrameworkMismatch {
                expected: before.framework.clone(),
                found: after.framework.clone(),
            }
            .into());
        }
        Ok(Progress {
            framework: after.framework.clone(),
            framework_name: after.framework_name.clone(),
            readiness_before: before.readiness.clone(),
            readiness_before_name: before.readiness_name.clone(),
            readiness_after: after.readiness.clone(),
            readiness_after_name: after.readiness_name.clone(),
            score_before: before.score,
            score_after: after.score,
            levels: before
                .levels
                .iter()
                .zip(&after.levels)
                .map(|(b, a)| LevelProgress {
                    level: a.level.clone(),
                    name: a.name.clone(),
                    fit_before: b.fit,
                    fit_after: a.fit,
                    tier_before: b.tier,
                    tier_after: a.tier,
                })
                .collect(),
            skills: before
                .skills
                .iter()
                .zip(&after.skills)
                .map(|(b, a)| SkillProgress {
                    skill: a.skill.clone(),
                    name: a.name.clone(),
                    before: b.rating,
                    after: a.rating,
                })
                .collect(),
            steps_completed: after
                .completed
                .iter()
                .filter(|s| !before.completed.iter().any(|b| b.step == s.step))
                .cloned()
                .collect(),
            plan_weeks_before: before.plan.weeks,
            plan_weeks_after: after.plan.weeks,
        })
    }

    /// Whether nothing changed.
    pub fn is_unchanged(&self) -> bool {
        self.readiness_before == self.readiness_after
            && self.score_before == self.score_after
            && self.steps_completed.is_empty()
            && self.plan_weeks_before == self.plan_weeks_after
            && self.skills.iter().all(|s| s.before == s.after)
            && self.levels.iter().all(|l| {
                l.fit_before.to_bits() == l.fit_after.to_bits() && l.tier_before == l.tier_after
            })
    }
}
