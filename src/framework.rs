//! The [`Framework`] facade: loading, validating, assessing and preparing, every method in
//! one place.

use std::path::Path;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::assessment::Assessment;
use crate::compile::{self, Compiled};
use crate::definition::{
    FitSettings, FrameworkDefinition, Hiring, Level, Occupation, Skill, Step, TrainingOption,
};
use crate::error::{Error, ErrorKind, Format};
use crate::id::Id;
use crate::options::Options;
use crate::parse;
use crate::report::Report;
use crate::resolve;
use crate::schedule;
use crate::score::{self, Scores};

/// One role's whole definition: skills, levels, steps, training, hiring, and the scoring
/// settings. A `Framework` is always valid: it can only be made by validating a
/// [`FrameworkDefinition`], so scoring and planning never meet a dangling id.
///
/// Cloning is cheap: clones share the compiled framework.
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
#[derive(Clone, Debug)]
pub struct Framework {
    pub(crate) compiled: Arc<Compiled>,
}

static BACKEND_DEVELOPER: OnceLock<Framework> = OnceLock::new();

/// The built-in framework's source, in the public TOML format.
pub const BACKEND_DEVELOPER_TOML: &str = include_str!("data/backend-developer.toml");

impl Framework {
    /// Validates a definition and compiles it for scoring and planning.
    ///
    /// # Errors
    /// An error naming the culprit for each way a definition can be wrong: a duplicate or
    /// unknown id, a prerequisite cycle, a habit as a prerequisite, requirements or
    /// `min_points` that decrease up the ladder, a weight that is not positive or has more
    /// than three decimals, a pace outside 1–168 hours a week, a step without its effort,
    /// and the size limits of [`limits`](crate::limits). See [`ErrorKind`].
    ///
    /// # Example
    /// ```
    /// use skillgauge::{ErrorKind, Framework, FrameworkDefinition, Level, Skill};
    ///
    /// let mut skill = Skill::new("sql", "SQL")?;
    /// skill.weight = 0.0001; // more precision than weights hold
    /// let definition = FrameworkDefinition::new("x", "X", vec![skill], vec![Level::new("junior", "Junior")?])?;
    /// let err = Framework::new(definition).unwrap_err();
    /// assert!(matches!(err.kind(), ErrorKind::InvalidWeight { skill, .. } if skill == "sql"));
    /// assert_eq!(err.field(), Some("skills[0].weight"));
    /// # Ok::<(), skillgauge::Error>(())
    /// ```
    pub fn new(definition: FrameworkDefinition) -> Result<Framework, Error> {
        Ok(Framework {
            compiled: Arc::new(compile::compile(definition)?),
        })
    }

    /// The built-in *Backend Developer* framework, drawn from a public Backend Developer
    /// career roadmap. Parsed and validated once, on first use.
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

    /// Loads and validates a framework from text in `format`; errors found in validation
    /// carry the line and column of their field too.
    fn from_text(format: Format, text: &str) -> Result<Framework, Error> {
        let definition: FrameworkDefinition = parse::from_text(format, text)?;
        Framework::new(definition).map_err(|e| {
            let position = e.field().and_then(|f| parse::locate(format, text, f));
            e.with_position(position)
        })
    }

    /// Loads and validates a framework from JSON.
    ///
    /// # Errors
    /// [`ErrorKind::Parse`] for malformed JSON, unknown fields or values of the wrong shape
    /// (naming the field, line and column); any error of [`Framework::new`] otherwise, with
    /// the line and column of its field.
    pub fn from_json(text: &str) -> Result<Framework, Error> {
        Framework::from_text(Format::Json, text)
    }

    /// Loads and validates a framework from TOML.
    ///
    /// # Errors
    /// As [`Framework::from_json`].
    pub fn from_toml(text: &str) -> Result<Framework, Error> {
        Framework::from_text(Format::Toml, text)
    }

    /// Loads and validates a framework from a JSON value.
    ///
    /// # Errors
    /// As [`Framework::from_json`], without line and column.
    pub fn from_value(value: serde_json::Value) -> Result<Framework, Error> {
        Framework::new(parse::from_json_value(value)?)
    }

    /// Loads a framework file: TOML when the name ends in `.toml`, JSON otherwise. The file
    /// is read through a reader that stops at
    /// [`MAX_INPUT_BYTES`](crate::limits::MAX_INPUT_BYTES); every error names the file.
    ///
    /// # Errors
    /// [`ErrorKind::Io`] when the file cannot be read (the operating system's error is the
    /// [`source`](std::error::Error::source)), [`ErrorKind::InputTooLarge`] past the limit;
    /// otherwise as [`Framework::from_json`].
    pub fn from_path(path: impl AsRef<Path>) -> Result<Framework, Error> {
        let path = path.as_ref();
        parse::read_file(path)
            .and_then(|text| Framework::from_text(parse::format_of(path), &text))
            .map_err(|e| e.with_file(path))
    }

    /// The definition the framework was validated from.
    pub fn definition(&self) -> &FrameworkDefinition {
        &self.compiled.def
    }

    /// The framework as pretty-printed JSON, in the layout it loads from.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self.definition()).unwrap_or_default()
    }

    /// The framework as TOML, in the layout it loads from.
    ///
    /// # Errors
    /// [`ErrorKind::Parse`] if a value has no TOML form (never for a valid framework).
    pub fn to_toml(&self) -> Result<String, Error> {
        toml::to_string(self.definition()).map_err(|e| {
            ErrorKind::Parse {
                format: Format::Toml,
                field: String::new(),
                message: e.to_string(),
            }
            .into()
        })
    }

    /// The framework's id.
    pub fn id(&self) -> &Id {
        &self.definition().id
    }
    /// The role's name.
    pub fn name(&self) -> &str {
        &self.definition().name
    }
    /// The framework's version.
    pub fn version(&self) -> &str {
        &self.definition().version
    }
    /// A summary of the role.
    pub fn summary(&self) -> &str {
        &self.definition().summary
    }
    /// What a person in the role is responsible for.
    pub fn responsibilities(&self) -> &[String] {
        &self.definition().responsibilities
    }
    /// Points per proficiency, `none` first.
    pub fn points(&self) -> &[u32; 6] {
        &self.definition().points
    }
    /// The pace of `experience` steps, in hours a week.
    pub fn work_hours_per_week(&self) -> u32 {
        self.definition().work_hours_per_week
    }
    /// The fit and tier settings.
    pub fn fit(&self) -> &FitSettings {
        &self.definition().fit
    }
    /// A caveat that applies to every salary band.
    pub fn salary_note(&self) -> Option<&str> {
        self.definition().salary_note.as_deref()
    }
    /// Where the framework's data comes from, for frameworks built from taxonomies.
    pub fn attribution(&self) -> Option<&str> {
        self.definition().attribution.as_deref()
    }
    /// The taxonomy occupation the framework describes, if any.
    pub fn occupation(&self) -> Option<&Occupation> {
        self.definition().occupation.as_ref()
    }
    /// The skills, in framework order.
    pub fn skills(&self) -> &[Skill] {
        &self.definition().skills
    }
    /// The levels, lowest first.
    pub fn levels(&self) -> &[Level] {
        &self.definition().levels
    }
    /// The steps, in framework order.
    pub fn steps(&self) -> &[Step] {
        &self.definition().steps
    }
    /// The training options.
    pub fn training(&self) -> &[TrainingOption] {
        &self.definition().training
    }
    /// The industries that hire for the role.
    pub fn hiring(&self) -> &[Hiring] {
        &self.definition().hiring
    }
    /// The skill with this id.
    pub fn skill(&self, id: &str) -> Option<&Skill> {
        self.compiled.skill(id).map(|i| &self.skills()[i])
    }
    /// The level with this id.
    pub fn level(&self, id: &str) -> Option<&Level> {
        self.compiled.level(id).map(|i| &self.levels()[i])
    }
    /// The position of the level with this id, lowest first.
    pub fn level_index(&self, id: &str) -> Option<usize> {
        self.compiled.level(id)
    }
    /// The step with this id.
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.compiled.step(id).map(|i| &self.steps()[i])
    }
    /// The training option with this id.
    pub fn training_option(&self, id: &str) -> Option<&TrainingOption> {
        self.compiled.training(id).map(|i| &self.training()[i])
    }

    /// Checks an assessment against this framework without assessing it.
    ///
    /// # Errors
    /// [`ErrorKind::FrameworkMismatch`] when it names another framework;
    /// [`ErrorKind::UnknownId`] for a rated skill, completed step, target level or training
    /// option the framework lacks (with a suggestion when one is close);
    /// [`ErrorKind::OutOfRange`] for hours a week outside 1–168, experience outside 0–70
    /// years or a deadline outside 1–1040 weeks; [`ErrorKind::BlankEvidence`] for evidence
    /// without a description; [`ErrorKind::TooMany`] and [`ErrorKind::TextTooLong`] past the
    /// [`limits`](crate::limits).
    ///
    /// # Example
    /// ```
    /// use skillgauge::{Assessment, Framework, Proficiency};
    ///
    /// let a = Assessment::new().rate("securty", Proficiency::Expert)?;
    /// let err = Framework::backend_developer().check(&a).unwrap_err();
    /// assert_eq!(err.to_string(), "ratings.securty names unknown skill `securty` (did you mean `security`?)");
    /// # Ok::<(), skillgauge::Error>(())
    /// ```
    pub fn check(&self, assessment: &Assessment) -> Result<(), Error> {
        resolve::resolve(&self.compiled, assessment, Options::default()).map(|_| ())
    }

    /// Assesses a person against this framework with the default [`Options`].
    ///
    /// # Errors
    /// Any error of [`Framework::check`].
    ///
    /// # Example
    /// ```
    /// use skillgauge::{Assessment, Framework};
    ///
    /// let assessment = Assessment::from_json(r#"{
    ///     "ratings": {
    ///         "programming-languages": "competent", "databases-data-modeling": 2,
    ///         "apis-integration": 2, "security": 1, "problem-solving-debugging": 2,
    ///         "attention-to-detail": 2, "communication": 2
    ///     }
    /// }"#)?;
    /// let report = Framework::backend_developer().assess(&assessment)?;
    /// assert_eq!(report.readiness_name.as_deref(), Some("Entry level"));
    /// assert_eq!(report.target.as_str(), "mid");
    /// # Ok::<(), skillgauge::Error>(())
    /// ```
    pub fn assess(&self, assessment: &Assessment) -> Result<Report, Error> {
        self.assess_with(assessment, &Options::default())
    }

    /// Assesses a person against this framework.
    ///
    /// # Errors
    /// As [`Framework::assess`].
    ///
    /// # Example
    /// ```
    /// use skillgauge::{Assessment, Calibration, Framework, Options, Proficiency};
    ///
    /// let a = Assessment::new().rate("security", Proficiency::Expert)?;
    /// let options = Options::new(Calibration::CapUnevidenced { above: Proficiency::Competent });
    /// let report = Framework::backend_developer().assess_with(&a, &options)?;
    /// let security = report.skill("security").unwrap();
    /// assert_eq!(security.self_rating, Some(Proficiency::Expert));
    /// assert_eq!(security.rating, Proficiency::Competent);
    /// # Ok::<(), skillgauge::Error>(())
    /// ```
    pub fn assess_with(&self, assessment: &Assessment, options: &Options) -> Result<Report, Error> {
        let c = &*self.compiled;
        let r = resolve::resolve(c, assessment, *options)?;
        let scores = Scores::new(c, &r.ratings, r.target);
        let plan = schedule::plan(c, &r, scores.readiness, scores.target);
        Ok(score::report(c, &r, &scores, plan))
    }

    /// Assesses a JSON request: parses it, checks it and assesses it, with every error's
    /// line and column in `text`.
    ///
    /// # Errors
    /// As [`Assessment::from_json`] and [`Framework::assess`].
    ///
    /// # Example
    /// ```
    /// use skillgauge::Framework;
    ///
    /// let err = Framework::backend_developer()
    ///     .assess_json("{\n  \"ratings\": { \"securty\": 3 }\n}")
    ///     .unwrap_err();
    /// assert_eq!(err.line(), Some(2));
    /// # Ok::<(), skillgauge::Error>(())
    /// ```
    pub fn assess_json(&self, text: &str) -> Result<Report, Error> {
        let assessment = Assessment::from_json(text)?;
        self.assess(&assessment).map_err(|e| {
            let position = e.field().and_then(|f| parse::locate(Format::Json, text, f));
            e.with_position(position)
        })
    }
}

impl PartialEq for Framework {
    fn eq(&self, other: &Self) -> bool {
        self.definition() == other.definition()
    }
}

impl Serialize for Framework {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.definition().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Framework {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let definition = FrameworkDefinition::deserialize(deserializer)?;
        Framework::new(definition).map_err(serde::de::Error::custom)
    }
}

impl TryFrom<FrameworkDefinition> for Framework {
    type Error = Error;

    fn try_from(definition: FrameworkDefinition) -> Result<Framework, Error> {
        Framework::new(definition)
    }
}
