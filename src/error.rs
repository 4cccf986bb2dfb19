use std::fmt;

use crate::id::Id;

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

/// Everything that can go wrong loading a framework or assessing against it.
///
/// Every variant names its culprit: the field (as a dotted path such as
/// `levels.mid.requires`), the id, the cycle's path. Messages are lowercase with no
/// trailing period.
///
/// # Example
/// ```
/// use skillgauge::{Error, Framework};
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
/// assert!(matches!(err, Error::UnknownId { .. }));
/// assert_eq!(err.to_string(), "levels.junior.requires names unknown skill `rsut`");
/// ```
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The text could not be read as the expected shape: bad syntax, a misspelled field or
    /// value, a missing required field, a wrong type.
    #[error("{format} {}{}: {message}", Location(.path), LineCol(*.line, *.column))]
    Parse {
        /// The format being read.
        format: Format,
        /// Where in the document, as a dotted path (`ratings.security.proficiency`); empty
        /// for the top level.
        path: String,
        /// 1-based line, when the parser knows it.
        line: Option<usize>,
        /// 1-based column, when the parser knows it.
        column: Option<usize>,
        /// What was wrong.
        message: String,
    },
    /// A file could not be read.
    #[error("cannot read {path}: {message}")]
    Io {
        /// The file.
        path: String,
        /// The operating system's reason.
        message: String,
    },
    /// The input is larger than [`MAX_INPUT_BYTES`](crate::limits::MAX_INPUT_BYTES).
    #[error("input is {len} bytes, more than the limit of {max}")]
    InputTooLarge {
        /// The input's size in bytes.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// A framework has no skills or no levels.
    #[error("framework has no {field}: at least one is required")]
    Empty {
        /// `skills` or `levels`.
        field: &'static str,
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
    /// The same id appears twice where ids must be unique.
    #[error("duplicate {kind} id `{id}` in {field}")]
    DuplicateId {
        /// The list holding the duplicate.
        field: String,
        /// What the id names.
        kind: IdKind,
        /// The id.
        id: Id,
    },
    /// A reference names an id that does not exist.
    #[error("{field} names unknown {kind} `{id}`")]
    UnknownId {
        /// The field holding the reference.
        field: String,
        /// What the id should name.
        kind: IdKind,
        /// The unknown id.
        id: Id,
    },
    /// Steps whose prerequisites form a cycle.
    #[error("prerequisite cycle: {}", CyclePath(.path))]
    PrerequisiteCycle {
        /// The cycle, first step repeated at the end: `a -> b -> a`.
        path: Vec<Id>,
    },
    /// A level requires less of a skill than a lower level does.
    #[error("{}", decreasing_requirement(level, lower, skill, *required, *lower_required))]
    DecreasingRequirement {
        /// The higher level.
        level: Id,
        /// The lower level.
        lower: Id,
        /// The skill.
        skill: Id,
        /// What the higher level requires (`none` when it does not list the skill).
        required: crate::Proficiency,
        /// What the lower level requires.
        lower_required: crate::Proficiency,
    },
    /// A level's `min_points` is below a lower level's.
    #[error("{}", decreasing_min_points(level, lower, *min_points, *lower_min_points))]
    DecreasingMinPoints {
        /// The higher level.
        level: Id,
        /// The lower level.
        lower: Id,
        /// The higher level's threshold (0 when it has none).
        min_points: f64,
        /// The lower level's threshold.
        lower_min_points: f64,
    },
    /// A skill weight that is not a positive number up to [`MAX_WEIGHT`](crate::limits::MAX_WEIGHT).
    #[error("skill `{skill}` has weight {}: a weight is a positive number up to 1000000", Num(*.weight))]
    InvalidWeight {
        /// The skill.
        skill: Id,
        /// The weight given.
        weight: f64,
    },
    /// A points table that decreases somewhere.
    #[error("points table decreases at {proficiency}: {value} is less than {previous}")]
    DecreasingPoints {
        /// The proficiency whose points are lower than the one below it.
        proficiency: crate::Proficiency,
        /// Its points.
        value: u32,
        /// The points of the proficiency below.
        previous: u32,
    },
    /// A value outside its allowed range.
    #[error("{field}: {reason}")]
    InvalidValue {
        /// The field.
        field: String,
        /// What is wrong and what is allowed.
        reason: String,
    },
    /// An assessment written for another framework.
    #[error("assessment is for framework `{found}`, not `{expected}`")]
    FrameworkMismatch {
        /// The framework assessed against.
        expected: Id,
        /// The framework the assessment names.
        found: Id,
    },
}

fn decreasing_requirement(
    level: &Id,
    lower: &Id,
    skill: &Id,
    required: crate::Proficiency,
    lower_required: crate::Proficiency,
) -> String {
    if required == crate::Proficiency::None {
        format!(
            "level `{level}` does not require {skill}, but lower level `{lower}` requires {lower_required}: \
             a level repeats every requirement of the levels below it, at least as high"
        )
    } else {
        format!(
            "level `{level}` requires {skill} at {required}, less than {lower_required} required by lower level `{lower}`"
        )
    }
}

fn decreasing_min_points(level: &Id, lower: &Id, min_points: f64, lower_min_points: f64) -> String {
    if min_points == 0.0 {
        format!(
            "level `{level}` has no min_points, but lower level `{lower}` needs {lower_min_points}: \
             a level needs at least the points of the levels below it"
        )
    } else {
        format!(
            "level `{level}` has min_points {min_points}, less than {lower_min_points} of lower level `{lower}`"
        )
    }
}

/// A number for people: exponent form only for extreme magnitudes.
struct Num(f64);

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let magnitude = self.0.abs();
        if magnitude.is_finite() && magnitude != 0.0 && !(1e-4..1e9).contains(&magnitude) {
            write!(f, "{:e}", self.0)
        } else {
            write!(f, "{}", self.0)
        }
    }
}

struct Location<'a>(&'a str);

impl fmt::Display for Location<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() || self.0 == "." {
            f.write_str("document")
        } else {
            write!(f, "field `{}`", self.0)
        }
    }
}

struct LineCol(Option<usize>, Option<usize>);

impl fmt::Display for LineCol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.0, self.1) {
            (Some(line), Some(column)) => write!(f, " (line {line}, column {column})"),
            (Some(line), None) => write!(f, " (line {line})"),
            _ => Ok(()),
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

impl Error {
    pub(crate) fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Error {
        Error::InvalidValue {
            field: field.into(),
            reason: reason.into(),
        }
    }
}
