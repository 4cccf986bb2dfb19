//! The one error type: what went wrong ([`ErrorKind`]), and where (field, file, line,
//! column).

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::id::{Id, InvalidId};
use crate::proficiency::Proficiency;

/// The kinds of things an [`Id`] names, used in errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::Display, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum IdKind {
    /// A [`Skill`](crate::Skill).
    Skill,
    /// A [`Level`](crate::Level).
    Level,
    /// A [`Step`](crate::Step).
    Step,
    /// A [`TrainingOption`](crate::TrainingOption).
    #[strum(serialize = "training option")]
    Training,
    /// A [`Framework`](crate::Framework).
    Framework,
}

/// The text formats frameworks and assessments are read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::Display)]
#[non_exhaustive]
pub enum Format {
    /// JSON.
    #[strum(serialize = "JSON")]
    Json,
    /// TOML.
    #[strum(serialize = "TOML")]
    Toml,
}

/// What went wrong. Every variant names its culprit: the field (a path such as
/// `levels[1].requires.security`), the id, the cycle's path.
#[derive(Clone, Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The text could not be read as the expected shape: bad syntax, a misspelled field or
    /// value, a missing required field, a wrong type.
    #[error("{format} {}: {message}", Place(.field))]
    Parse {
        /// The format being read.
        format: Format,
        /// Where in the document (`ratings.security`); empty for the top level.
        field: String,
        /// What was wrong.
        message: String,
    },
    /// A file could not be read; the operating system's error is the [`source`](std::error::Error::source).
    #[error("cannot read the file: {source}")]
    Io {
        /// The operating system's error.
        source: Arc<std::io::Error>,
    },
    /// The input is larger than [`MAX_INPUT_BYTES`](crate::limits::MAX_INPUT_BYTES).
    #[error("input is more than the limit of {max} bytes")]
    InputTooLarge {
        /// The limit.
        max: usize,
    },
    /// A value that is not a valid id.
    #[error("{field}: {source}")]
    InvalidId {
        /// The field.
        field: String,
        /// Why the id is invalid.
        source: InvalidId,
    },
    /// A framework has no skills or no levels.
    #[error("framework has no {field}: at least one is required")]
    Empty {
        /// `skills` or `levels`.
        field: String,
    },
    /// A list is longer than its documented limit (see [`limits`](crate::limits)).
    #[error("{field} has {len} entries, more than the limit of {max}")]
    TooMany {
        /// The list.
        field: String,
        /// Its length.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// A text is longer than [`MAX_TEXT_LEN`](crate::limits::MAX_TEXT_LEN).
    #[error("{field} is {len} bytes long, more than the limit of {max}")]
    TextTooLong {
        /// The text's field.
        field: String,
        /// Its length in bytes.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// A name, title or description that must say something is blank.
    #[error("{field} cannot be blank")]
    Blank {
        /// The field.
        field: String,
    },
    /// The same id appears twice where ids must be unique.
    #[error("{field}: duplicate {kind} id `{id}`")]
    DuplicateId {
        /// The list holding the duplicate.
        field: String,
        /// What the id names.
        kind: IdKind,
        /// The id.
        id: Id,
    },
    /// A reference names an id that does not exist.
    #[error("{field} names unknown {kind} `{id}`{}", Suggest(.suggestion.as_ref()))]
    UnknownId {
        /// The field holding the reference.
        field: String,
        /// What the id should name.
        kind: IdKind,
        /// The unknown id.
        id: Id,
        /// A known id close to it, if any.
        suggestion: Option<Id>,
    },
    /// Steps whose prerequisites form a cycle.
    #[error("{field}: prerequisite cycle {}", CyclePath(.path))]
    PrerequisiteCycle {
        /// The prerequisites of the first step of the cycle.
        field: String,
        /// The cycle, first step repeated at the end: `a -> b -> a`.
        path: Vec<Id>,
    },
    /// A step lists a habit as a prerequisite; habits are ongoing and never finish.
    #[error(
        "{field}: step `{step}` cannot wait for habit `{habit}`, which is ongoing and never finishes"
    )]
    HabitPrerequisite {
        /// The prerequisites field.
        field: String,
        /// The step.
        step: Id,
        /// The habit it lists.
        habit: Id,
    },
    /// A level requires less of a skill than a lower level does.
    #[error("{field}: {}", Decreasing(.level, .lower, .skill, *.required, *.lower_required))]
    DecreasingRequirement {
        /// The higher level's requirement for the skill.
        field: String,
        /// The higher level.
        level: Id,
        /// The lower level.
        lower: Id,
        /// The skill.
        skill: Id,
        /// What the higher level requires (`none` when it does not list the skill).
        required: Proficiency,
        /// What the lower level requires.
        lower_required: Proficiency,
    },
    /// A level's `min_points` is below a lower level's.
    #[error("{field}: level `{level}` needs {} points, less than the {} of lower level `{lower}`", Num(*.min_points), Num(*.lower_min_points))]
    DecreasingMinPoints {
        /// The higher level's `min_points`.
        field: String,
        /// The higher level.
        level: Id,
        /// The lower level.
        lower: Id,
        /// The higher level's threshold (0 when it has none).
        min_points: f64,
        /// The lower level's threshold.
        lower_min_points: f64,
    },
    /// A level's `min_points` is more than anybody could score.
    #[error("{field}: level `{level}` needs {} points, more than the {} of an expert in every skill: nobody could meet it", Num(*.min_points), Num(*.most))]
    UnreachableMinPoints {
        /// The level's `min_points`.
        field: String,
        /// The level.
        level: Id,
        /// Its threshold.
        min_points: f64,
        /// The most points possible.
        most: f64,
    },
    /// A skill weight that is not a positive number up to
    /// [`MAX_WEIGHT`](crate::limits::MAX_WEIGHT) with at most three decimals.
    #[error("{field}: skill `{skill}` has weight {}: a weight is a positive number up to 1000000 with at most three decimals", Num(*.weight))]
    InvalidWeight {
        /// The weight's field.
        field: String,
        /// The skill.
        skill: Id,
        /// The weight given.
        weight: f64,
    },
    /// A number given with more decimals than the engine holds exactly (three).
    #[error("{field}: {} has more than three decimals", Num(*.value))]
    TooPrecise {
        /// The field.
        field: String,
        /// The value given.
        value: f64,
    },
    /// A number outside its allowed range.
    #[error("{field}: {} is outside {}-{}", Num(*.value), Num(*.min), Num(*.max))]
    OutOfRange {
        /// The field.
        field: String,
        /// The value given.
        value: f64,
        /// The smallest value allowed.
        min: f64,
        /// The largest value allowed.
        max: f64,
    },
    /// A points table that decreases somewhere.
    #[error("{field}: points table decreases at {proficiency}: {value} is less than {previous}")]
    DecreasingPoints {
        /// The entry of the points table.
        field: String,
        /// The proficiency whose points are lower than the one below it.
        proficiency: Proficiency,
        /// Its points.
        value: u32,
        /// The points of the proficiency below.
        previous: u32,
    },
    /// A fit decay that rises with the gap, or does not start at 1.
    #[error("{field}: {}", DecayText(*.value, *.previous))]
    InvalidDecay {
        /// The entry of `fit.decay`.
        field: String,
        /// The value given.
        value: f64,
        /// The entry before it (`None` for the first, which must be 1).
        previous: Option<f64>,
    },
    /// `fit.stretch` above `fit.near`.
    #[error("fit.stretch: {} is more than fit.near = {}", Num(*.stretch), Num(*.near))]
    StretchAboveNear {
        /// The stretch threshold.
        stretch: f64,
        /// The near threshold.
        near: f64,
    },
    /// A salary band whose minimum is above its maximum.
    #[error("{field}: min {min} is more than max {max}")]
    SalaryRange {
        /// The band.
        field: String,
        /// Its minimum.
        min: u64,
        /// Its maximum.
        max: u64,
    },
    /// A currency that is not an ISO 4217 code (three capital letters).
    #[error("{field}: `{currency}` is not an ISO 4217 currency code such as USD or EUR")]
    InvalidCurrency {
        /// The field.
        field: String,
        /// The text given.
        currency: String,
    },
    /// A step that claims to develop a skill to `none`.
    #[error("{field}: step `{step}` develops `{skill}` to none, which develops nothing")]
    DevelopsNone {
        /// The field.
        field: String,
        /// The step.
        step: Id,
        /// The skill.
        skill: Id,
    },
    /// A step without the effort its kind needs: `hours`, or `hours_per_week` for a habit.
    #[error("{field}: {kind} step `{step}` needs {field_name}", field_name = EffortField(*.kind))]
    MissingEffort {
        /// The missing field.
        field: String,
        /// The step.
        step: Id,
        /// Its kind.
        kind: crate::StepKind,
    },
    /// A step with an effort field its kind does not use.
    #[error("{field}: {kind} step `{step}` takes {}, not this field", EffortField(*.kind))]
    WrongEffort {
        /// The field that does not belong.
        field: String,
        /// The step.
        step: Id,
        /// Its kind.
        kind: crate::StepKind,
    },
    /// More distinct fixed training paces than the planner's exact time arithmetic holds.
    #[error(
        "training: {count} different hours_per_week among the training options, more than the limit of {max}"
    )]
    TooManyPaces {
        /// How many distinct paces there are.
        count: usize,
        /// The limit.
        max: usize,
    },
    /// An evidence item without a description.
    #[error("{field}: evidence for `{skill}` needs a description")]
    BlankEvidence {
        /// The description's field.
        field: String,
        /// The rated skill.
        skill: Id,
    },
    /// An assessment written for another framework.
    #[error("framework: the assessment is for framework `{found}`, not `{expected}`")]
    FrameworkMismatch {
        /// The framework assessed against.
        expected: Id,
        /// The framework the assessment names.
        found: Id,
    },
    /// One row whose length is not the framework's number of skills.
    #[error("row: a row holds one rating per skill, {skills}, but this one has {len}")]
    RowLength {
        /// The number of ratings given.
        len: usize,
        /// The skills in a row.
        skills: usize,
    },
    /// Batch ratings that are not a whole number of rows.
    #[error("ratings: {len} ratings are not a whole number of rows of {skills} (one per skill)")]
    BatchLength {
        /// The number of ratings given.
        len: usize,
        /// The skills in a row.
        skills: usize,
    },
    /// A level index outside the framework's levels.
    #[error("{field}: level index {index} is outside 0-{}", .levels.saturating_sub(1))]
    LevelIndex {
        /// The field.
        field: String,
        /// The index given.
        index: usize,
        /// How many levels there are.
        levels: usize,
    },
}

/// Everything that can go wrong loading a framework or assessing against it: a
/// [`ErrorKind`] with where it happened — the field, the file and, where the text is at
/// hand, the line and column.
///
/// Messages are lowercase with no trailing period.
///
/// # Example
/// ```
/// use skillgauge::{ErrorKind, Framework};
///
/// let err = Framework::from_toml(r#"
/// id = "tiny"
/// name = "Tiny"
/// [[skills]]
/// id = "rust"
/// name = "Rust"
/// [[levels]]
/// id = "junior"
/// name = "Junior"
/// requires = { rsut = "novice" }
/// "#).unwrap_err();
/// assert!(matches!(err.kind(), ErrorKind::UnknownId { .. }));
/// assert_eq!(err.field(), Some("levels[0].requires.rsut"));
/// assert_eq!(err.line(), Some(10));
/// assert_eq!(
///     err.to_string(),
///     "levels[0].requires.rsut names unknown skill `rsut` (did you mean `rust`?) (line 10, column 14)"
/// );
/// ```
#[derive(Clone, Debug)]
pub struct Error {
    kind: Box<ErrorKind>,
    file: Option<PathBuf>,
    position: Option<(usize, usize)>,
}

impl Error {
    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The field at fault, as a path such as `skills[2].weight` or `ratings.security`, when
    /// the error is about one.
    pub fn field(&self) -> Option<&str> {
        use ErrorKind as K;
        match &*self.kind {
            K::Parse { field, .. } if field.is_empty() => None,
            K::Parse { field, .. }
            | K::InvalidId { field, .. }
            | K::Empty { field }
            | K::TooMany { field, .. }
            | K::TextTooLong { field, .. }
            | K::Blank { field }
            | K::DuplicateId { field, .. }
            | K::UnknownId { field, .. }
            | K::PrerequisiteCycle { field, .. }
            | K::HabitPrerequisite { field, .. }
            | K::DecreasingRequirement { field, .. }
            | K::DecreasingMinPoints { field, .. }
            | K::UnreachableMinPoints { field, .. }
            | K::InvalidWeight { field, .. }
            | K::TooPrecise { field, .. }
            | K::OutOfRange { field, .. }
            | K::DecreasingPoints { field, .. }
            | K::InvalidDecay { field, .. }
            | K::SalaryRange { field, .. }
            | K::InvalidCurrency { field, .. }
            | K::DevelopsNone { field, .. }
            | K::MissingEffort { field, .. }
            | K::WrongEffort { field, .. }
            | K::BlankEvidence { field, .. }
            | K::LevelIndex { field, .. } => Some(field),
            K::StretchAboveNear { .. } => Some("fit.stretch"),
            K::TooManyPaces { .. } => Some("training"),
            K::FrameworkMismatch { .. } => Some("framework"),
            K::RowLength { .. } => Some("row"),
            K::BatchLength { .. } => Some("ratings"),
            K::Io { .. } | K::InputTooLarge { .. } => None,
        }
    }

    /// The file the text came from, for errors of `from_path`.
    pub fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// The 1-based line of the culprit in the text, where the text was at hand.
    pub fn line(&self) -> Option<usize> {
        self.position.map(|(line, _)| line)
    }

    /// The 1-based column (in characters) of the culprit, where the text was at hand.
    pub fn column(&self) -> Option<usize> {
        self.position.map(|(_, column)| column)
    }

    pub(crate) fn with_file(mut self, file: &Path) -> Error {
        self.file = Some(file.to_path_buf());
        self
    }

    pub(crate) fn with_position(mut self, position: Option<(usize, usize)>) -> Error {
        if self.position.is_none() {
            self.position = position;
        }
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{}: ", file.display())?;
        }
        write!(f, "{}", self.kind)?;
        if let Some((line, column)) = self.position {
            write!(f, " (line {line}, column {column})")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &*self.kind {
            ErrorKind::Io { source } => Some(&**source),
            ErrorKind::InvalidId { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Error {
        Error {
            kind: Box::new(kind),
            file: None,
            position: None,
        }
    }
}

/// So that `?` works on [`Id::new`](crate::Id::new) and the builder methods in a function
/// returning [`Error`].
impl From<InvalidId> for Error {
    fn from(source: InvalidId) -> Error {
        ErrorKind::InvalidId {
            field: "id".to_owned(),
            source,
        }
        .into()
    }
}

/// A number for people: exponent form only for extreme magnitudes.
pub(crate) struct Num(pub(crate) f64);

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let magnitude = self.0.abs();
        if magnitude.is_finite() && magnitude != 0.0 && !(1e-4..1e12).contains(&magnitude) {
            write!(f, "{:e}", self.0)
        } else {
            write!(f, "{}", self.0)
        }
    }
}

struct Place<'a>(&'a str);

impl fmt::Display for Place<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            f.write_str("document")
        } else {
            write!(f, "field `{}`", self.0)
        }
    }
}

struct Suggest<'a>(Option<&'a Id>);

impl fmt::Display for Suggest<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(id) => write!(f, " (did you mean `{id}`?)"),
            None => Ok(()),
        }
    }
}

struct CyclePath<'a>(&'a [Id]);

impl fmt::Display for CyclePath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, id) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(" -> ")?;
            }
            f.write_str(id.as_str())?;
        }
        Ok(())
    }
}

struct Decreasing<'a>(&'a Id, &'a Id, &'a Id, Proficiency, Proficiency);

impl fmt::Display for Decreasing<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Decreasing(level, lower, skill, required, lower_required) = self;
        if *required == Proficiency::None {
            write!(
                f,
                "level `{level}` does not require {skill}, but lower level `{lower}` requires \
                 {lower_required}: a level repeats every requirement of the levels below it, at \
                 least as high"
            )
        } else {
            write!(
                f,
                "level `{level}` requires {skill} at {required}, less than {lower_required} \
                 required by lower level `{lower}`"
            )
        }
    }
}

struct DecayText(f64, Option<f64>);

impl fmt::Display for DecayText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.1 {
            None => write!(
                f,
                "{} is not 1: a requirement met earns full credit",
                Num(self.0)
            ),
            Some(previous) => write!(
                f,
                "{} is more than the {} before it: decay never increases with the gap",
                Num(self.0),
                Num(previous)
            ),
        }
    }
}

struct EffortField(crate::StepKind);

impl fmt::Display for EffortField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0 == crate::StepKind::Habit {
            "hours_per_week"
        } else {
            "hours"
        })
    }
}
