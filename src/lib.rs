#![doc = include_str!("lib.md")]
#![doc = include_str!("data/backend-developer.md")]
#![forbid(unsafe_code)]

// Values: ids, the rating scale, exact numbers, limits and the error type.
mod error;
mod exact;
mod id;
pub mod limits;
mod proficiency;

// Plain data: the framework definition, the assessment, options, and the report.
mod assessment;
mod definition;
mod options;
mod report;
mod wire;

// Input: JSON and TOML, bounded reads, field positions.
mod parse;

// Compiled forms: the per-level scoring tables, a validated framework, and an assessment
// resolved against it.
mod compile;
mod resolve;
mod tables;

// Rules, on the compiled forms: scoring, calibration, step selection, scheduling.
mod calibrate;
mod schedule;
mod score;
mod select;

// The facade: every method of `Framework`.
mod framework;

// Features on top: batch scoring, role matching, progress over time, importers.
mod batch;
#[cfg(feature = "import")]
pub mod import;
mod matching;
mod progress;

// Output: text and Markdown, JSON Schemas.
mod render;
#[cfg(feature = "schemars")]
pub mod schema;

pub use assessment::{
    Assessment, Confidence, DEFAULT_HOURS_PER_WEEK, Evidence, EvidenceKind, Preferences, Rating,
};
pub use batch::{LevelScores, Prepared, Ranked, Scored, ScoredLevels};
pub use definition::{
    Category, Cost, DEFAULT_POINTS, DEFAULT_WORK_HOURS_PER_WEEK, FitSettings, FrameworkDefinition,
    Hiring, Level, Occupation, Pace, Period, SalaryBand, Skill, Step, StepKind, TrainingOption,
};
pub use error::{Error, ErrorKind, Format, IdKind};
pub use framework::{BACKEND_DEVELOPER_TOML, Framework};
pub use id::{Id, InvalidId, LevelId, MAX_ID_LEN, SkillId, StepId, TrainingId};
pub use matching::{Posting, RoleMatch, TOP_BLOCKERS, match_roles, match_top_roles};
pub use options::{Calibration, Options};
pub use proficiency::{ParseProficiencyError, Proficiency};
pub use progress::{LevelProgress, Progress, SkillProgress};
pub use report::{
    Blocker, Change, Deadline, Habit, LevelResult, Milestone, Plan, PlanItem, Report, Salary,
    SkillResult, StepRef, Strength, Tier, Track, Unreachable, Warning, WarningCode,
};

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
