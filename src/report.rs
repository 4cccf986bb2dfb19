//! The output of an assessment: the report and its plan (DESIGN.md section 4).
//!
//! Every id in a report comes with the name the framework gives it, so a client can show a
//! report without loading the framework.

use serde::{Deserialize, Serialize};

use crate::definition::{SalaryBand, StepKind};
use crate::id::Id;
use crate::proficiency::Proficiency;

/// How close a person is to a level, best first.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::Display,
    strum::EnumString,
    strum::EnumIter,
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum Tier {
    /// The level is met.
    Ready,
    /// Not met, fit at least the framework's `near` threshold (0.85 by default).
    Near,
    /// Not met, fit at least the `stretch` threshold (0.55 by default).
    Stretch,
    /// Not met, fit below `stretch`.
    Aspirational,
}

/// The result for one level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct LevelResult {
    /// The level's id.
    pub level: Id,
    /// The level's name.
    pub name: String,
    /// Whether every requirement and the points threshold are met.
    pub met: bool,
    /// Fit from 0 to 1 (see the crate docs, "How scoring works").
    pub fit: f64,
    /// The tier that fit falls in.
    pub tier: Tier,
    /// The level's points threshold, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_points: Option<f64>,
}

/// The result for one skill, against the target level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SkillResult {
    /// The skill's id.
    pub skill: Id,
    /// The skill's name.
    pub name: String,
    /// The self-rating, shown only when a calibration policy changed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_rating: Option<Proficiency>,
    /// The effective rating used for scoring.
    pub rating: Proficiency,
    /// What the target level requires (`none` when it does not require the skill).
    pub required: Proficiency,
    /// How many proficiencies short of the requirement, 0 when met.
    pub gap: u8,
}

/// A requirement of the target level that is not met.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Blocker {
    /// The skill's id.
    pub skill: Id,
    /// The skill's name.
    pub name: String,
    /// Its effective rating.
    pub rating: Proficiency,
    /// What the target requires.
    pub required: Proficiency,
    /// How many proficiencies short.
    pub gap: u8,
    /// The skill's weight.
    pub weight: f64,
}

/// A skill rated above what the target level requires of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Strength {
    /// The skill's id.
    pub skill: Id,
    /// The skill's name.
    pub name: String,
    /// Its effective rating.
    pub rating: Proficiency,
    /// What the target requires.
    pub required: Proficiency,
}

/// The stable code of a calibration warning.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::Display,
    strum::EnumString,
    strum::EnumIter,
    strum::IntoStaticStr,
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum WarningCode {
    /// Every skill has the same self-rating (two or more skills, all rated).
    UniformRatings,
    /// Most skills rated expert with under two years of experience.
    ImplausibleForExperience,
    /// Many years of experience, yet no skill rated above advanced beginner: the person may
    /// be under-rating themselves.
    PossibleUnderRating,
    /// A skill is not rated and counts as `none`.
    UnratedSkill,
    /// A rating of `proficient` or above with low confidence and no evidence.
    UnevidencedHighRating,
    /// Ratings given with low confidence, such as a draft read from a résumé: one warning
    /// naming them all.
    LowConfidenceRatings,
    /// The calibration policy capped an unevidenced rating.
    CappedRating,
}

/// A calibration warning: something about the ratings worth a second look.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Warning {
    /// The stable code.
    pub code: WarningCode,
    /// The skill it is about, when it is about one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skill: Option<Id>,
    /// That skill's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What is wrong, for people.
    pub message: String,
}

/// The salary band of the readiness level, with the framework's caveat.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Salary {
    /// The level the band is for.
    pub level: Id,
    /// That level's name.
    pub name: String,
    /// The band.
    #[serde(flatten)]
    pub band: SalaryBand,
    /// The framework's caveat for all its bands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caveat: Option<String>,
}

/// The result of an assessment: readiness, per-level and per-skill results, the
/// explanation, warnings, salary band and the plan.
///
/// Structured data first: `Display` renders a text summary, [`Report::to_markdown`] a
/// Markdown one and [`Report::to_json`] the JSON contract.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(
    feature = "schemars",
    schemars(
        description = "The result of an assessment, the response: readiness, per-level and per-skill results, the explanation, warnings, salary band and the personalised next-steps plan. Every id comes with its name."
    )
)]
#[non_exhaustive]
pub struct Report {
    /// The framework assessed against.
    pub framework: Id,
    /// The framework's name (the role).
    pub framework_name: String,
    /// The highest level met with every lower level met too; `None` (JSON `null`) is
    /// *not yet ready*.
    pub readiness: Option<Id>,
    /// That level's name.
    pub readiness_name: Option<String>,
    /// The overall score, 0–100.
    pub score: u8,
    /// Total points: Σ weight × points(effective rating).
    pub points: f64,
    /// One result per level, lowest first.
    pub levels: Vec<LevelResult>,
    /// One result per skill, in framework order, against the target.
    pub skills: Vec<SkillResult>,
    /// The level explained and planned for: the preferred target, else the level above
    /// readiness, else (at the top) the top level.
    pub target: Id,
    /// The target's name.
    pub target_name: String,
    /// Skills above what the target requires, highest surplus first.
    pub strengths: Vec<Strength>,
    /// Requirements of the target not met, largest weight × gap first.
    pub blockers: Vec<Blocker>,
    /// Points still missing for the target's `min_points`, when it has one and it is not met.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub missing_points: Option<f64>,
    /// Calibration warnings.
    pub warnings: Vec<Warning>,
    /// The salary band of the readiness level, if it has one.
    pub salary: Option<Salary>,
    /// The steps the person has completed, in framework order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub completed: Vec<StepRef>,
    /// The personalised next-steps plan.
    pub plan: Plan,
}

impl Report {
    /// The report as pretty-printed JSON, in the contract of DESIGN.md section 4.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The result for a level.
    pub fn level(&self, id: &str) -> Option<&LevelResult> {
        self.levels.iter().find(|l| l.level == id)
    }

    /// The result for a skill.
    pub fn skill(&self, id: &str) -> Option<&SkillResult> {
        self.skills.iter().find(|s| s.skill == id)
    }

    /// Whether a warning with `code` was raised.
    pub fn has_warning(&self, code: WarningCode) -> bool {
        self.warnings.iter().any(|w| w.code == code)
    }

    /// Whether any level of the framework has a points threshold (`min_points`): only then
    /// do points mean something to the person.
    pub fn has_points_levels(&self) -> bool {
        self.levels.iter().any(|l| l.min_points.is_some())
    }
}

/// Which of the two time tracks a plan item runs on.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::Display,
    strum::EnumString,
    strum::EnumIter,
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum Track {
    /// The person's own time: `learn`, `build` and `credential` steps, one after another,
    /// at the person's study hours or the pace of a fixed-pace training option.
    Study,
    /// Paid work: `experience` steps, one after another, at the framework's
    /// `work_hours_per_week`, alongside any study.
    Work,
}

/// A skill raised by a plan item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Change {
    /// The skill's id.
    pub skill: Id,
    /// The skill's name.
    pub name: String,
    /// The rating before the item.
    pub from: Proficiency,
    /// The rating after it.
    pub to: Proficiency,
}

/// A step named in a plan, with its title.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct StepRef {
    /// The step's id.
    pub step: Id,
    /// Its title.
    pub title: String,
}

/// One step of the plan, scheduled.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PlanItem {
    /// The step's id.
    pub step: Id,
    /// Its title.
    pub title: String,
    /// What kind of step it is.
    pub kind: StepKind,
    /// The track it runs on.
    pub track: Track,
    /// The gaps it closes (skill: from → to). Empty for a prerequisite that closes nothing
    /// itself.
    pub closes: Vec<Change>,
    /// The later plan items that need this step first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required_by: Vec<StepRef>,
    /// The effort in hours.
    pub hours: u32,
    /// The pace it runs at, in hours a week.
    pub hours_per_week: u32,
    /// The training option chosen: the person's preferred one where the step allows it,
    /// else the step's first.
    pub training: Option<Id>,
    /// That training option's name.
    pub training_name: Option<String>,
    /// The week (from 1) its start falls in.
    pub start_week: u64,
    /// The week its end falls in.
    pub end_week: u64,
}

/// An ongoing practice to keep up alongside the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Habit {
    /// The step's id.
    pub step: Id,
    /// Its title.
    pub title: String,
    /// The hours a week it takes.
    pub hours_per_week: u32,
    /// Steps not yet done that it follows (start the habit once they are done).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after: Vec<StepRef>,
}

/// The point in the plan at which a higher level would first be met.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Milestone {
    /// The level's id.
    pub level: Id,
    /// The level's name.
    pub name: String,
    /// The item whose end completes it.
    pub step: Id,
    /// That item's title.
    pub title: String,
    /// The week that item ends.
    pub week: u64,
}

/// A gap no step can close.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Unreachable {
    /// A skill requirement.
    Skill {
        /// The skill's id.
        skill: Id,
        /// The skill's name.
        name: String,
        /// The rating the plan reaches.
        reached: Proficiency,
        /// What the target requires.
        required: Proficiency,
        /// Why no step closes it.
        reason: String,
    },
    /// The target's `min_points`.
    Points {
        /// The points the plan reaches.
        reached: f64,
        /// The target's threshold.
        required: f64,
        /// Why no step closes it.
        reason: String,
    },
}

/// Whether the plan fits the person's deadline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Deadline {
    /// The deadline, in weeks.
    pub weeks: u32,
    /// Whether the plan ends by then at the person's study hours and reaches the target.
    pub fits: bool,
    /// The smallest whole number of study hours a week (1–168) that would make the same
    /// items end by the deadline; `None` when none would.
    pub hours_per_week_needed: Option<u32>,
    /// Whether the deadline can be met at all: the target is reachable, the work track and
    /// the fixed-pace items fit in it, and it needs at most 40 study hours a week.
    pub feasible: bool,
    /// Why it is not feasible, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// The personalised next-steps plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Plan {
    /// The level planned for.
    pub target: Id,
    /// Its name.
    pub target_name: String,
    /// The person's study hours a week.
    pub hours_per_week: u32,
    /// The framework's work hours a week, the pace of experience steps.
    pub work_hours_per_week: u32,
    /// The steps, in the order to take them.
    pub items: Vec<PlanItem>,
    /// The framework's habits, to keep up alongside the plan.
    pub habits: Vec<Habit>,
    /// The hours of study (the study track's items).
    pub total_hours: u64,
    /// The hours of paid work (the work track's items).
    pub work_hours: u64,
    /// The week the last item ends (0 for a plan with no items).
    pub weeks: u64,
    /// When each level above readiness would first be met.
    pub milestones: Vec<Milestone>,
    /// Gaps no step can close.
    pub unreachable: Vec<Unreachable>,
    /// The deadline check, when the person gave one.
    pub deadline: Option<Deadline>,
    /// Why the plan looks as it does, when it is not a plain path to the target: the
    /// target is already met, or the person is at the top of the ladder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}
