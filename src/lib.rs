#![doc = include_str!("lib.md")]
#![doc = include_str!("data/backend-developer.md")]
#![forbid(unsafe_code)]

mod assessment;
mod error;
mod framework;
mod id;
pub mod limits;
mod parse;
mod proficiency;
#[cfg(feature = "schemars")]
pub mod schema;
mod validate;

pub use assessment::{
    Assessment, Confidence, DEFAULT_HOURS_PER_WEEK, Evidence, EvidenceKind, Preferences, Rating,
};
pub use error::{Error, Format, IdKind};
pub use framework::{
    BACKEND_DEVELOPER_TOML, Category, Cost, DEFAULT_POINTS, Descriptors, FitSettings, Framework,
    Hiring, Level, Pace, Period, SalaryBand, Skill, Step, StepKind, TrainingOption,
};
pub use id::{Id, InvalidId, LevelId, MAX_ID_LEN, SkillId, StepId, TrainingId};
pub use proficiency::{ParseProficiencyError, Proficiency};
mod plan;
mod prepared;
mod render;
mod report;
mod score;

pub use plan::{Change, Deadline, Milestone, Plan, PlanItem, Unreachable};
pub use prepared::{Posting, Prepared, Ranked, RoleMatch, Scored, TOP_BLOCKERS, match_roles};
pub use report::{
    Blocker, LevelResult, Report, Salary, SkillResult, Strength, Tier, Warning, WarningCode,
};
pub use score::{Calibration, Options};

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
