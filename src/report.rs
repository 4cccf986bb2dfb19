use serde::{Deserialize, Serialize};

use crate::framework::SalaryBand;
use crate::id::Id;
use crate::plan::Plan;
use crate::proficiency::Proficiency;

/// How close a person is to a level.
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
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
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
pub struct LevelResult {
    /// The level.
    pub level: Id,
    /// Whether every requirement and the points threshold are met.
    pub met: bool,
    /// Fit from 0 to 1 (see the crate docs, "How scoring works").
    pub fit: f64,
    /// The tier that fit falls in.
    pub tier: Tier,
}

/// The result for one skill, against the target level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SkillResult {
    /// The skill.
    pub skill: Id,
    /// The self-rating, shown only when a calibration policy is in force.
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
pub struct Blocker {
    /// The skill.
    pub skill: Id,
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
pub struct Strength {
    /// The skill.
    pub skill: Id,
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
    /// A skill is not rated and counts as `none`.
    UnratedSkill,
    /// A rating of `proficient` or above with low confidence and no evidence.
    UnevidencedHighRating,
    /// The calibration policy capped an unevidenced rating.
    CappedRating,
}

/// A calibration warning: something about the ratings worth a second look.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Warning {
    /// The stable code.
    pub code: WarningCode,
    /// The skill it is about, when it is about one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skill: Option<Id>,
    /// What is wrong, for people.
    pub message: String,
}

/// The salary band of the readiness level, with the framework's caveat.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Salary {
    /// The level the band is for.
    pub level: Id,
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
        description = "The result of an assessment, the response: readiness, per-level and per-skill results, the explanation, warnings, salary band and the personalised next-steps plan."
    )
)]
pub struct Report {
    /// The framework assessed against.
    pub framework: Id,
    /// The highest level met with every lower level met too; `None` (JSON `null`) is
    /// *not yet ready*.
    pub readiness: Option<Id>,
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
    pub target: Option<Id>,
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
}
