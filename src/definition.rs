//! A framework as plain data: the layout of framework files (DESIGN.md section 4), before
//! validation. [`Framework::new`](crate::Framework::new) validates a definition and compiles
//! it for scoring and planning.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::id::Id;
use crate::proficiency::Proficiency;

/// Whether a skill is technical or professional ("soft").
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
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
#[non_exhaustive]
pub enum Category {
    /// A technical skill: languages, databases, APIs, security.
    #[default]
    Technical,
    /// A professional skill: problem-solving, attention to detail, communication.
    Professional,
}

fn default_weight() -> f64 {
    1.0
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde passes fields by reference
fn is_default_weight(w: &f64) -> bool {
    // Exact: any other weight must be written out to round-trip.
    w.to_bits() == 1.0f64.to_bits()
}

/// A skill of a framework.
///
/// # Example
/// ```
/// use skillgauge::{Proficiency, Skill};
///
/// let skill = Skill::new("sql", "SQL")?;
/// assert_eq!(skill.weight, 1.0);
/// assert_eq!(skill.descriptor(Proficiency::Competent), None);
/// # Ok::<(), skillgauge::InvalidId>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Skill {
    /// The skill's id, unique in its framework.
    pub id: Id,
    /// Its name for people.
    pub name: String,
    /// Technical or professional.
    #[serde(default)]
    pub category: Category,
    /// What the skill covers.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Its weight in points, fit and score: a positive number up to 1,000,000 with at most
    /// three decimals (weights are held exactly, as thousandths), 1 by default.
    #[serde(default = "default_weight", skip_serializing_if = "is_default_weight")]
    pub weight: f64,
    /// One sentence per proficiency saying what that rating looks like for this skill.
    /// Descriptors are what make self-ratings honest: a person reads them before choosing.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "crate::wire::unique_map"
    )]
    pub descriptors: BTreeMap<Proficiency, String>,
    /// Other words for the skill (alternative labels), used when matching a résumé and in
    /// exports.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// The skill's identifier in a published taxonomy it comes from: an ESCO concept URI,
    /// an O*NET element id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

impl Skill {
    /// A technical skill of weight 1 with no description or descriptors.
    ///
    /// # Errors
    /// [`InvalidId`](crate::InvalidId) when `id` is not a valid id.
    pub fn new(id: &str, name: impl Into<String>) -> Result<Skill, crate::InvalidId> {
        Ok(Skill {
            id: Id::new(id)?,
            name: name.into(),
            category: Category::default(),
            description: String::new(),
            weight: 1.0,
            descriptors: BTreeMap::new(),
            keywords: Vec::new(),
            reference: None,
        })
    }

    /// The descriptor for `proficiency`, if the framework gives one.
    ///
    /// # Example
    /// ```
    /// use skillgauge::{Framework, Proficiency};
    ///
    /// let security = Framework::backend_developer().skill("security").unwrap();
    /// assert!(security.descriptor(Proficiency::Competent).is_some());
    /// ```
    pub fn descriptor(&self, proficiency: Proficiency) -> Option<&str> {
        self.descriptors.get(&proficiency).map(String::as_str)
    }
}

/// How often a salary figure is paid.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::Display,
    strum::EnumString,
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum Period {
    /// A year.
    #[default]
    Year,
    /// A month.
    Month,
    /// An hour.
    Hour,
}

fn default_currency() -> String {
    "USD".to_owned()
}

/// A salary band. Either end may be open: the built-in expert band has a floor and no ceiling.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SalaryBand {
    /// The lower end, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<u64>,
    /// The upper end, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u64>,
    /// ISO 4217 currency code (three capital letters), `USD` by default.
    #[serde(default = "default_currency")]
    pub currency: String,
    /// The period the figures are for, a year by default.
    #[serde(default)]
    pub period: Period,
    /// A caveat for this band ("or more, depending on the industry").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl SalaryBand {
    /// A yearly band in `currency` from `min` to `max`.
    pub fn new(min: Option<u64>, max: Option<u64>, currency: impl Into<String>) -> SalaryBand {
        SalaryBand {
            min,
            max,
            currency: currency.into(),
            period: Period::Year,
            note: None,
        }
    }
}

/// A career level, such as `entry` or `senior`. A framework lists its levels lowest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Level {
    /// The level's id, unique in its framework.
    pub id: Id,
    /// Its name for people.
    pub name: String,
    /// What a person at this level does.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// The salary band, if the framework gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salary: Option<SalaryBand>,
    /// The total points needed, if the level has a points threshold (at most three
    /// decimals).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_points: Option<f64>,
    /// The minimum proficiency per skill; skills not listed are not required.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "crate::wire::unique_map"
    )]
    pub requires: BTreeMap<Id, Proficiency>,
}

impl Level {
    /// A level with no requirements, no points threshold and no salary band.
    ///
    /// # Errors
    /// [`InvalidId`](crate::InvalidId) when `id` is not a valid id.
    pub fn new(id: &str, name: impl Into<String>) -> Result<Level, crate::InvalidId> {
        Ok(Level {
            id: Id::new(id)?,
            name: name.into(),
            summary: String::new(),
            salary: None,
            min_points: None,
            requires: BTreeMap::new(),
        })
    }
}

/// What kind of thing a step is, which decides how its effort is spent.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
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
pub enum StepKind {
    /// Study: a course, a book, a tutorial. Takes `hours` of the person's own time.
    #[default]
    Learn,
    /// Make something: a project, a portfolio. Takes `hours` of the person's own time.
    Build,
    /// Earn a qualification: a degree, a certificate. Takes `hours` of the person's own time.
    Credential,
    /// Practise on the job: an internship, a junior role. Takes `hours` of paid work, at the
    /// framework's `work_hours_per_week`, alongside any study.
    Experience,
    /// An ongoing practice, such as keeping up to date. Takes `hours_per_week` for as long as
    /// the person keeps it up; listed beside the plan, never scheduled.
    Habit,
}

/// One thing to do on the way to a level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Step {
    /// The step's id, unique in its framework.
    pub id: Id,
    /// Its title for people.
    pub title: String,
    /// What the step is about.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Concrete actions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<String>,
    /// What kind of step it is.
    #[serde(default)]
    pub kind: StepKind,
    /// Optional steps (a degree) are planned only when the person prefers their training or
    /// nothing else closes the gap.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub optional: bool,
    /// The effort in hours (1 to 100,000): required for every kind but a habit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<u32>,
    /// The hours a week a habit takes (1–168): required for a habit, refused otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours_per_week: Option<u32>,
    /// Steps to finish first. A habit cannot be one: it never finishes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prerequisites: Vec<Id>,
    /// The training options that fit this step, the usual one first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub training: Vec<Id>,
    /// The skills this step develops, and to which proficiency (above `none`).
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "crate::wire::unique_map"
    )]
    pub develops: BTreeMap<Id, Proficiency>,
}

impl Step {
    /// A `learn` step of `hours` hours that develops nothing yet.
    ///
    /// # Errors
    /// [`InvalidId`](crate::InvalidId) when `id` is not a valid id.
    pub fn new(id: &str, title: impl Into<String>, hours: u32) -> Result<Step, crate::InvalidId> {
        Ok(Step {
            id: Id::new(id)?,
            title: title.into(),
            summary: String::new(),
            actions: Vec::new(),
            kind: StepKind::Learn,
            optional: false,
            hours: Some(hours),
            hours_per_week: None,
            prerequisites: Vec::new(),
            training: Vec::new(),
            develops: BTreeMap::new(),
        })
    }
}

/// The pace of a training option, in words. A fixed pace in hours is
/// [`TrainingOption::hours_per_week`].
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::Display,
    strum::EnumString,
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum Pace {
    /// At the learner's own pace.
    #[default]
    SelfPaced,
    /// Part time, alongside work.
    PartTime,
    /// Full time.
    FullTime,
    /// Intensive and short (a bootcamp).
    Intensive,
}

/// What a training option typically costs.
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
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum Cost {
    /// Free.
    Free,
    /// Tens to a few hundred dollars.
    Low,
    /// Hundreds to a few thousand dollars.
    Moderate,
    /// Several thousand dollars or more.
    High,
    /// Tens of thousands of dollars.
    VeryHigh,
}

/// A way to learn: online courses, bootcamps, degree programmes, self-study.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TrainingOption {
    /// The option's id, unique in its framework.
    pub id: Id,
    /// Its name for people.
    pub name: String,
    /// What it involves.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Its pace, in words.
    #[serde(default)]
    pub pace: Pace,
    /// A fixed pace (1–168 hours a week): a step taken with this option runs at this pace
    /// instead of the person's own study hours. `None` for self-paced options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours_per_week: Option<u32>,
    /// Its typical duration, in words ("3 to 6 months").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
    /// What it typically costs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<Cost>,
}

impl TrainingOption {
    /// A self-paced option with no description.
    ///
    /// # Errors
    /// [`InvalidId`](crate::InvalidId) when `id` is not a valid id.
    pub fn new(id: &str, name: impl Into<String>) -> Result<TrainingOption, crate::InvalidId> {
        Ok(TrainingOption {
            id: Id::new(id)?,
            name: name.into(),
            description: String::new(),
            pace: Pace::SelfPaced,
            hours_per_week: None,
            duration: None,
            cost: None,
        })
    }
}

/// An industry that hires for the role, with example employers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Hiring {
    /// The industry.
    pub industry: String,
    /// Example employers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub employers: Vec<String>,
}

impl Hiring {
    /// An industry with its example employers.
    pub fn new(industry: impl Into<String>, employers: Vec<String>) -> Hiring {
        Hiring {
            industry: industry.into(),
            employers,
        }
    }
}

/// The fit and tier settings of a framework. Every value is in 0–1 with at most three
/// decimals: they are held exactly, as thousandths.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct FitSettings {
    /// The credit for a requirement missed by 0, 1, 2, 3 and 4 or more proficiencies: the
    /// first is 1 (a met requirement earns full credit), and they never increase.
    #[serde(
        default = "FitSettings::default_decay",
        deserialize_with = "crate::wire::exact_array"
    )]
    pub decay: [f64; 5],
    /// The fit from which an unmet level is `near`.
    #[serde(default = "FitSettings::default_near")]
    pub near: f64,
    /// The fit from which an unmet level is a `stretch`; at most `near`.
    #[serde(default = "FitSettings::default_stretch")]
    pub stretch: f64,
}

impl FitSettings {
    fn default_decay() -> [f64; 5] {
        [1.0, 0.7, 0.4, 0.15, 0.05]
    }
    fn default_near() -> f64 {
        0.85
    }
    fn default_stretch() -> f64 {
        0.55
    }
}

impl Default for FitSettings {
    fn default() -> Self {
        FitSettings {
            decay: FitSettings::default_decay(),
            near: FitSettings::default_near(),
            stretch: FitSettings::default_stretch(),
        }
    }
}

/// An occupation of a published taxonomy, such as O*NET-SOC `15-1252.00` or an ESCO
/// occupation URI.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Occupation {
    /// The taxonomy: `O*NET-SOC` or `ESCO`.
    pub scheme: String,
    /// The occupation's code in it (an O*NET-SOC code, an ESCO concept URI).
    pub code: String,
    /// The occupation's name there.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
}

impl Occupation {
    /// An occupation of `scheme` with its `code` and `name`.
    pub fn new(
        scheme: impl Into<String>,
        code: impl Into<String>,
        name: impl Into<String>,
    ) -> Occupation {
        Occupation {
            scheme: scheme.into(),
            code: code.into(),
            name: name.into(),
        }
    }
}

/// The default points table: each proficiency is worth its number.
pub const DEFAULT_POINTS: [u32; 6] = [0, 1, 2, 3, 4, 5];

/// The default pace of `experience` steps, in hours a week.
pub const DEFAULT_WORK_HOURS_PER_WEEK: u32 = 40;

fn default_points() -> [u32; 6] {
    DEFAULT_POINTS
}

fn default_version() -> String {
    "1.0.0".to_owned()
}

fn default_work_hours() -> u32 {
    DEFAULT_WORK_HOURS_PER_WEEK
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde passes fields by reference
fn is_default_work_hours(hours: &u32) -> bool {
    *hours == DEFAULT_WORK_HOURS_PER_WEEK
}

/// One role's whole definition as plain data, in the layout of framework files: what
/// [`Framework::new`](crate::Framework::new) validates.
///
/// Build one in Rust, or read one with serde; every field but `id`, `name`, `skills` and
/// `levels` has a default.
///
/// # Example
/// ```
/// use skillgauge::{Framework, FrameworkDefinition, Level, Proficiency, Skill};
///
/// let mut junior = Level::new("junior", "Junior")?;
/// junior.requires.insert("sql".parse()?, Proficiency::Competent);
/// let definition = FrameworkDefinition::new(
///     "data-engineer", "Data Engineer", vec![Skill::new("sql", "SQL")?], vec![junior],
/// )?;
/// let framework = Framework::new(definition)?;
/// assert_eq!(framework.name(), "Data Engineer");
/// # Ok::<(), skillgauge::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename = "Framework", deny_unknown_fields)]
#[non_exhaustive]
pub struct FrameworkDefinition {
    // The field docs are the descriptions in the JSON Schema of framework files.
    /// The framework's id.
    pub id: Id,
    /// The role's name.
    pub name: String,
    /// The framework's version.
    #[serde(default = "default_version")]
    pub version: String,
    /// A summary of the role.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// What a person in the role is responsible for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsibilities: Vec<String>,
    /// Points per proficiency, `none` to `expert`, never decreasing, each at most 10,000.
    #[serde(
        default = "default_points",
        deserialize_with = "crate::wire::exact_array"
    )]
    pub points: [u32; 6],
    /// The pace of `experience` steps, 1–168 hours a week (40 by default).
    #[serde(
        default = "default_work_hours",
        skip_serializing_if = "is_default_work_hours"
    )]
    pub work_hours_per_week: u32,
    /// The fit and tier settings.
    #[serde(default)]
    pub fit: FitSettings,
    /// A caveat that applies to every salary band.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salary_note: Option<String>,
    /// Where the framework's data comes from and under which licence, for frameworks built
    /// from published taxonomies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
    /// The occupation of a published taxonomy the framework describes, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occupation: Option<Occupation>,
    /// The skills.
    pub skills: Vec<Skill>,
    /// The levels, lowest first.
    pub levels: Vec<Level>,
    /// The steps towards the levels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Step>,
    /// The ways to learn.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub training: Vec<TrainingOption>,
    /// The industries that hire for the role.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hiring: Vec<Hiring>,
}

impl FrameworkDefinition {
    /// A definition with these skills and levels and every other field at its default.
    ///
    /// # Errors
    /// [`InvalidId`](crate::InvalidId) when `id` is not a valid id.
    pub fn new(
        id: &str,
        name: impl Into<String>,
        skills: Vec<Skill>,
        levels: Vec<Level>,
    ) -> Result<FrameworkDefinition, crate::InvalidId> {
        Ok(FrameworkDefinition {
            id: Id::new(id)?,
            name: name.into(),
            version: default_version(),
            summary: String::new(),
            responsibilities: Vec::new(),
            points: DEFAULT_POINTS,
            work_hours_per_week: DEFAULT_WORK_HOURS_PER_WEEK,
            fit: FitSettings::default(),
            salary_note: None,
            attribution: None,
            occupation: None,
            skills,
            levels,
            steps: Vec::new(),
            training: Vec::new(),
            hiring: Vec::new(),
        })
    }
}
