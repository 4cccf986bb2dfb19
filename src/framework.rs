use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::OnceLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::Error;
use crate::id::Id;
use crate::proficiency::Proficiency;
use crate::{parse, validate};

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
pub enum Category {
    /// A technical skill: languages, databases, APIs, security.
    #[default]
    Technical,
    /// A professional skill: problem-solving, attention to detail, communication.
    Professional,
}

/// One sentence per proficiency saying what that rating looks like for a skill.
///
/// Descriptors are what make self-ratings honest: a person reads them before choosing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Descriptors {
    /// What `none` looks like.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub none: Option<String>,
    /// What `novice` looks like.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub novice: Option<String>,
    /// What `advanced_beginner` looks like.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advanced_beginner: Option<String>,
    /// What `competent` looks like.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub competent: Option<String>,
    /// What `proficient` looks like.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proficient: Option<String>,
    /// What `expert` looks like.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expert: Option<String>,
}

impl Descriptors {
    /// The descriptor for `proficiency`, if the framework gives one.
    ///
    /// # Example
    /// ```
    /// use skillgauge::{Framework, Proficiency};
    ///
    /// let framework = Framework::backend_developer();
    /// let security = framework.skill("security").unwrap();
    /// assert!(security.descriptors.get(Proficiency::Competent).is_some());
    /// ```
    pub fn get(&self, proficiency: Proficiency) -> Option<&str> {
        match proficiency {
            Proficiency::None => self.none.as_deref(),
            Proficiency::Novice => self.novice.as_deref(),
            Proficiency::AdvancedBeginner => self.advanced_beginner.as_deref(),
            Proficiency::Competent => self.competent.as_deref(),
            Proficiency::Proficient => self.proficient.as_deref(),
            Proficiency::Expert => self.expert.as_deref(),
        }
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = (Proficiency, &str)> {
        Proficiency::ALL
            .into_iter()
            .filter_map(|p| self.get(p).map(|d| (p, d)))
    }
}

fn default_weight() -> f64 {
    1.0
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde passes fields by reference
fn is_default_weight(w: &f64) -> bool {
    // Exact: any other weight, however close to 1, must be written out to round-trip.
    w.to_bits() == 1.0f64.to_bits()
}

/// A skill of a framework.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
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
    /// Its weight in points, fit and score: a positive finite number, 1 by default.
    #[serde(default = "default_weight", skip_serializing_if = "is_default_weight")]
    pub weight: f64,
    /// What each rating looks like for this skill.
    #[serde(default, skip_serializing_if = "is_default")]
    pub descriptors: Descriptors,
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
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
pub struct SalaryBand {
    /// The lower end, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<u64>,
    /// The upper end, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u64>,
    /// ISO 4217 currency code, `USD` by default.
    #[serde(default = "default_currency")]
    pub currency: String,
    /// The period the figures are for, a year by default.
    #[serde(default)]
    pub period: Period,
    /// A caveat for this band ("or more, depending on the industry").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A career level, such as `entry` or `senior`. A framework lists its levels lowest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
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
    /// The total points needed, if the level has a points threshold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_points: Option<f64>,
    /// The minimum proficiency per skill; skills not listed are not required.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "crate::parse::unique_map"
    )]
    pub requires: BTreeMap<Id, Proficiency>,
}

/// What kind of thing a step is.
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
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum StepKind {
    /// Study: a course, a book, a tutorial.
    #[default]
    Learn,
    /// Make something: a project, a portfolio.
    Build,
    /// Earn a qualification: a degree, a certificate.
    Credential,
    /// Practise on the job: an internship, a junior role, a hackathon.
    Experience,
    /// An ongoing practice: keeping up to date, continued learning.
    Habit,
}

/// One thing to do on the way to a level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
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
    /// The effort, in hours (at least 1).
    pub hours: u32,
    /// Steps to finish first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub prerequisites: Vec<Id>,
    /// The training options that fit this step, the usual one first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub training: Vec<Id>,
    /// The skills this step develops, and to which proficiency.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "crate::parse::unique_map"
    )]
    pub develops: BTreeMap<Id, Proficiency>,
}

/// The pace of a training option.
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
pub struct TrainingOption {
    /// The option's id, unique in its framework.
    pub id: Id,
    /// Its name for people.
    pub name: String,
    /// What it involves.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Its pace.
    #[serde(default)]
    pub pace: Pace,
    /// Its typical duration, in words ("3 to 6 months").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
    /// What it typically costs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<Cost>,
}

/// An industry that hires for the role, with example employers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Hiring {
    /// The industry.
    pub industry: String,
    /// Example employers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub employers: Vec<String>,
}

/// The fit and tier settings of a framework.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FitSettings {
    /// The credit for a requirement missed by 0, 1, 2, 3 and 4 or more proficiencies:
    /// values in 0–1, never increasing.
    #[serde(
        default = "FitSettings::default_decay",
        deserialize_with = "crate::parse::exact_array"
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

/// The default points table: each proficiency is worth its number.
pub const DEFAULT_POINTS: [u32; 6] = [0, 1, 2, 3, 4, 5];

fn default_points() -> [u32; 6] {
    DEFAULT_POINTS
}

fn default_version() -> String {
    "1.0.0".to_owned()
}

/// The wire layout of a framework file (DESIGN.md section 4).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename = "Framework", deny_unknown_fields)]
pub(crate) struct FrameworkData {
    // The field docs are the descriptions in the JSON Schema of framework files.
    /// The framework's id.
    pub(crate) id: Id,
    /// The role's name.
    pub(crate) name: String,
    /// The framework's version.
    #[serde(default = "default_version")]
    pub(crate) version: String,
    /// A summary of the role.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(crate) summary: String,
    /// What a person in the role is responsible for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) responsibilities: Vec<String>,
    /// Points per proficiency, `none` to `expert`, never decreasing.
    #[serde(
        default = "default_points",
        deserialize_with = "crate::parse::exact_array"
    )]
    pub(crate) points: [u32; 6],
    /// The fit and tier settings.
    #[serde(default)]
    pub(crate) fit: FitSettings,
    /// A caveat that applies to every salary band.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) salary_note: Option<String>,
    /// The skills.
    pub(crate) skills: Vec<Skill>,
    /// The levels, lowest first.
    pub(crate) levels: Vec<Level>,
    /// The steps towards the levels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) steps: Vec<Step>,
    /// The ways to learn.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) training: Vec<TrainingOption>,
    /// The industries that hire for the role.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) hiring: Vec<Hiring>,
}

/// Dense indices built once when a framework is validated, so scoring and planning never
/// look an id up by name and never index out of bounds.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Index {
    pub(crate) skills: HashMap<Id, usize>,
    pub(crate) levels: HashMap<Id, usize>,
    pub(crate) steps: HashMap<Id, usize>,
    pub(crate) training: HashMap<Id, usize>,
    /// `requires[level][skill]`, dense.
    pub(crate) requires: Vec<Vec<Proficiency>>,
    /// Per step: (skill index, proficiency) pairs.
    pub(crate) develops: Vec<Vec<(usize, Proficiency)>>,
    /// Per step: prerequisite step indices.
    pub(crate) prerequisites: Vec<Vec<usize>>,
    /// Per step: training option indices.
    pub(crate) step_training: Vec<Vec<usize>>,
    pub(crate) weights: Vec<f64>,
    /// The scoring tables.
    pub(crate) prepared: crate::prepared::Prepared,
}

/// One role's whole definition: skills, levels, steps, training, hiring, and the scoring
/// settings. A `Framework` is always valid: it can only be made by loading and validating
/// data, so scoring and planning never meet a dangling id.
///
/// # Example
/// ```
/// use skillgauge::Framework;
///
/// let framework = Framework::from_toml(r#"
/// id = "data-engineer"
/// name = "Data Engineer"
///
/// [[skills]]
/// id = "sql"
/// name = "SQL"
///
/// [[levels]]
/// id = "junior"
/// name = "Junior"
/// requires = { sql = "competent" }
/// "#)?;
/// assert_eq!(framework.skills().len(), 1);
/// assert_eq!(framework.version(), "1.0.0");
/// # Ok::<(), skillgauge::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Framework {
    pub(crate) data: FrameworkData,
    pub(crate) index: Index,
}

static BACKEND_DEVELOPER: OnceLock<Framework> = OnceLock::new();

/// The built-in framework's source, in the public TOML format.
pub const BACKEND_DEVELOPER_TOML: &str = include_str!("data/backend-developer.toml");

impl Framework {
    /// The built-in *Backend Developer* framework, drawn from a public Backend Developer career roadmap.
    ///
    /// Parsed and validated once, on first use.
    ///
    /// # Panics
    /// Never in a released crate: a test checks the embedded file is valid.
    ///
    /// # Example
    /// ```
    /// let framework = skillgauge::Framework::backend_developer();
    /// assert_eq!(framework.id().as_str(), "backend-developer");
    /// assert_eq!(framework.levels().len(), 4);
    /// ```
    pub fn backend_developer() -> &'static Framework {
        BACKEND_DEVELOPER.get_or_init(|| match Framework::from_toml(BACKEND_DEVELOPER_TOML) {
            Ok(framework) => framework,
            Err(err) => panic!("the built-in framework is invalid: {err}"),
        })
    }

    /// Loads and validates a framework from JSON.
    ///
    /// # Errors
    /// [`Error::Parse`] for malformed JSON, unknown fields or values of the wrong shape
    /// (naming the field, line and column); any validation error of
    /// [`Framework::validate`](Self) otherwise.
    pub fn from_json(text: &str) -> Result<Framework, Error> {
        Framework::from_data(parse::from_json(text)?)
    }

    /// Loads and validates a framework from TOML.
    ///
    /// # Errors
    /// As [`Framework::from_json`].
    pub fn from_toml(text: &str) -> Result<Framework, Error> {
        Framework::from_data(parse::from_toml(text)?)
    }

    /// Loads and validates a framework from a JSON value.
    ///
    /// # Errors
    /// As [`Framework::from_json`].
    pub fn from_value(value: serde_json::Value) -> Result<Framework, Error> {
        Framework::from_data(parse::from_json_value(value)?)
    }

    /// Loads a framework file: TOML when the name ends in `.toml`, JSON otherwise.
    ///
    /// # Errors
    /// [`Error::Io`] when the file cannot be read; otherwise as [`Framework::from_json`].
    pub fn from_path(path: impl AsRef<Path>) -> Result<Framework, Error> {
        let path = path.as_ref();
        let text = read_file(path)?;
        if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
        {
            Framework::from_toml(&text)
        } else {
            Framework::from_json(&text)
        }
    }

    pub(crate) fn from_data(data: FrameworkData) -> Result<Framework, Error> {
        let index = validate::framework(&data)?;
        Ok(Framework { data, index })
    }

    /// The framework as pretty-printed JSON, in the layout it loads from.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.data).unwrap_or_default()
    }

    /// The framework as TOML, in the layout it loads from.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] if a value has no TOML form (never for a loaded framework).
    pub fn to_toml(&self) -> Result<String, Error> {
        toml::to_string(&self.data).map_err(|e| Error::invalid("framework", e.to_string()))
    }

    /// The framework's id.
    pub fn id(&self) -> &Id {
        &self.data.id
    }
    /// The role's name.
    pub fn name(&self) -> &str {
        &self.data.name
    }
    /// The framework's version.
    pub fn version(&self) -> &str {
        &self.data.version
    }
    /// A summary of the role.
    pub fn summary(&self) -> &str {
        &self.data.summary
    }
    /// What a person in the role is responsible for.
    pub fn responsibilities(&self) -> &[String] {
        &self.data.responsibilities
    }
    /// Points per proficiency, `none` first.
    pub fn points(&self) -> &[u32; 6] {
        &self.data.points
    }
    /// The fit and tier settings.
    pub fn fit(&self) -> &FitSettings {
        &self.data.fit
    }
    /// A caveat that applies to every salary band.
    pub fn salary_note(&self) -> Option<&str> {
        self.data.salary_note.as_deref()
    }
    /// The skills, in framework order.
    pub fn skills(&self) -> &[Skill] {
        &self.data.skills
    }
    /// The levels, lowest first.
    pub fn levels(&self) -> &[Level] {
        &self.data.levels
    }
    /// The steps, in framework order.
    pub fn steps(&self) -> &[Step] {
        &self.data.steps
    }
    /// The training options.
    pub fn training(&self) -> &[TrainingOption] {
        &self.data.training
    }
    /// The industries that hire for the role.
    pub fn hiring(&self) -> &[Hiring] {
        &self.data.hiring
    }
    /// The skill with this id.
    pub fn skill(&self, id: &str) -> Option<&Skill> {
        self.index
            .skills
            .get(id)
            .and_then(|&i| self.data.skills.get(i))
    }
    /// The level with this id.
    pub fn level(&self, id: &str) -> Option<&Level> {
        self.index
            .levels
            .get(id)
            .and_then(|&i| self.data.levels.get(i))
    }
    /// The step with this id.
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.index
            .steps
            .get(id)
            .and_then(|&i| self.data.steps.get(i))
    }
    /// The training option with this id.
    pub fn training_option(&self, id: &str) -> Option<&TrainingOption> {
        self.index
            .training
            .get(id)
            .and_then(|&i| self.data.training.get(i))
    }
}

pub(crate) fn read_file(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|e| Error::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    })
}

impl Serialize for Framework {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.data.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Framework {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let data = FrameworkData::deserialize(deserializer)?;
        Framework::from_data(data).map_err(serde::de::Error::custom)
    }
}

// The schema of the wire form, `FrameworkData`. The checks beyond its shape (ids that resolve,
// no prerequisite cycles, requirements that never decrease) are not expressible in JSON Schema
// and happen on loading.
#[cfg(feature = "schemars")]
impl schemars::JsonSchema for Framework {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Framework".into()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        concat!(module_path!(), "::Framework").into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let mut schema = FrameworkData::json_schema(generator);
        schema.insert(
            "description".to_owned(),
            "A career framework: one role's skills, levels, steps, training and hiring. \
             Loading also checks that every id resolves, that prerequisites have no cycle and \
             that requirements never decrease up the ladder."
                .into(),
        );
        schema
    }
}
