//! Frameworks from published taxonomies, draft assessments from résumés, and JSON-LD exports
//! (feature `import`).
//!
//! - [`onet`] builds a framework for one occupation from O*NET's `Skills.txt`.
//! - [`esco`] builds a framework for one occupation from ESCO's `occupationSkillRelations` and
//!   `skills` CSV files.
//! - [`resume`] turns the `skills` of a [JSON Resume](https://jsonresume.org/schema) into a
//!   draft, low-confidence [`Assessment`](crate::Assessment) for a framework.
//! - [`rich_skill_descriptors`] and [`occupation`] export a framework's skills as Rich Skill
//!   Descriptors and a level as a schema.org `Occupation`, both JSON-LD.
//!
//! Frameworks built from O*NET or ESCO carry the attribution their licences ask for in
//! [`FrameworkDefinition::attribution`]: show it wherever the framework's data is shown. How
//! the data is mapped is documented on each importer: for O*NET, [`onet`] (the level rule),
//! [`proficiency_for_onet_level`] and [`weight_for_onet_importance`]; for ESCO, [`esco`]; for
//! résumés, [`resume`] and [`proficiency_for_level_word`].
//!
//! The importers read bytes, not files, so they work the same on an upload, a download or a
//! file; [`read_limited`] reads a file or any other reader with the size limit applied. Every
//! input is refused above [`MAX_INPUT_BYTES`], and no input, whatever its bytes, makes an
//! importer panic: a bad input is an [`ImportError`] naming the line and the column.
//!
//! # Example
//! ```
//! use skillgauge::{Framework, import};
//!
//! let skills_txt = "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tN\t\
//! Standard Error\tLower CI Bound\tUpper CI Bound\tRecommend Suppress\tNot Relevant\tDate\t\
//! Domain Source
//! 15-1252.00\t2.B.3.e\tProgramming\tIM\t4.62\t8\t0.18\t4.27\t4.98\tN\tn/a\t08/2023\tAnalyst
//! 15-1252.00\t2.B.3.e\tProgramming\tLV\t5.38\t8\t0.18\t5.02\t5.73\tN\tN\t08/2023\tAnalyst
//! ";
//! let mut options = import::OnetOptions::default();
//! options.title = Some("Software Developers".to_owned());
//! let imported = import::onet(skills_txt.as_bytes(), "15-1252.00", &options)?;
//! let framework = Framework::new(imported.framework)?;
//! assert_eq!(framework.name(), "Software Developers");
//! assert_eq!(framework.skills()[0].weight, 4.62);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::io::Read;

use crate::{FrameworkDefinition, Id, Level, Proficiency};

mod esco;
mod jsonld;
mod onet;
mod resume;
mod table;

pub use esco::{ESCO_ATTRIBUTION, EscoOptions, esco};
pub use jsonld::{
    RSD_CONTEXT, SCHEMA_ORG_CONTEXT, occupation, rich_skill_descriptor, rich_skill_descriptors,
};
pub use onet::{
    ONET_ATTRIBUTION, OnetOptions, onet, onet_attribution, onet_title, proficiency_for_onet_level,
    weight_for_onet_importance,
};
pub use resume::{Draft, proficiency_for_level_word, resume};

/// The largest input an importer accepts, in bytes (64 MiB). The full O*NET `Skills.txt` and
/// ESCO's English CSV files are each a fraction of that.
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// The most lower levels an importer puts below `job-ready` (see [`OnetOptions::lower_levels`]).
pub const MAX_LOWER_LEVELS: u8 = 2;

/// What went wrong, without where (see [`ImportError`]).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ImportErrorKind {
    /// The input is larger than [`MAX_INPUT_BYTES`].
    #[error("the input is over {max} bytes")]
    TooLarge {
        /// The limit, in bytes.
        max: usize,
    },
    /// The input could not be read.
    #[error("cannot read the input: {message}")]
    Io {
        /// What the reader said.
        message: String,
    },
    /// A field is not valid UTF-8.
    #[error("the text is not valid UTF-8")]
    InvalidUtf8,
    /// The text is not well-formed CSV, TSV or JSON.
    #[error("malformed {format}: {message}")]
    Malformed {
        /// `CSV`, `TSV` or `JSON`.
        format: &'static str,
        /// What the parser said.
        message: String,
    },
    /// The header row lacks a column the importer needs. The error's column is the one after
    /// the last header field, where the missing column would go.
    #[error("missing column `{name}`")]
    MissingColumn {
        /// The column's header name.
        name: String,
    },
    /// A row is shorter than the header: it has no field in a column the importer needs.
    #[error("the row has no `{name}` field")]
    MissingField {
        /// The column's header name.
        name: String,
    },
    /// A field that must hold a value is empty.
    #[error("`{name}` is empty")]
    EmptyField {
        /// The column's header name.
        name: String,
    },
    /// An O*NET-SOC code that is not of the form `15-1252.00`.
    #[error("`{code}` is not an O*NET-SOC code (such as 15-1252.00)")]
    InvalidCode {
        /// The text found (cut to 80 characters).
        code: String,
    },
    /// An O*NET `Scale ID` other than `IM` (importance) and `LV` (level).
    #[error("unknown scale `{scale}`: expected IM or LV")]
    UnknownScale {
        /// The scale found (cut to 80 characters).
        scale: String,
    },
    /// A field that must be a number is not one.
    #[error("`{name}` is `{value}`, not a number")]
    InvalidNumber {
        /// The column's header name.
        name: String,
        /// The text found (cut to 80 characters).
        value: String,
    },
    /// A value outside its scale: importance 1–5, level 0–7.
    #[error("{scale} value `{value}` is out of range {min}-{max}")]
    OutOfRange {
        /// The scale: `IM` or `LV`.
        scale: String,
        /// The value found (cut to 80 characters).
        value: String,
        /// The smallest value of the scale.
        min: u32,
        /// The largest value of the scale.
        max: u32,
    },
    /// A yes/no flag that is none of `Y`, `N` and `n/a`.
    #[error("`{name}` is `{value}`: expected Y, N or n/a")]
    InvalidFlag {
        /// The column's header name.
        name: String,
        /// The text found (cut to 80 characters).
        value: String,
    },
    /// An O*NET element with two rows for the same scale.
    #[error("element `{element}` has a second {scale} row")]
    DuplicateRow {
        /// The element id, such as `2.B.3.e`.
        element: String,
        /// The scale repeated.
        scale: String,
    },
    /// An O*NET element with only one of its two rows. The error's line is the row it has,
    /// its column the `Scale ID` column.
    #[error("element `{element}` has no {scale} row")]
    MissingScale {
        /// The element id, such as `2.B.3.e`.
        element: String,
        /// The scale missing.
        scale: String,
    },
    /// The occupation asked for is not in the data.
    #[error(
        "no occupation `{code}` in the data{}",
        .suggestion.as_ref().map(|s| format!(": did you mean `{s}`?")).unwrap_or_default()
    )]
    UnknownOccupation {
        /// The code or URI asked for (cut to 80 characters).
        code: String,
        /// An occupation of the data that starts or ends with it, if one does.
        suggestion: Option<String>,
    },
    /// An ESCO relation type other than `essential` and `optional`.
    #[error("relation type `{value}` is neither essential nor optional")]
    UnknownRelation {
        /// The text found (cut to 80 characters).
        value: String,
    },
    /// An ESCO relation names a skill the skills file does not have, and gives no label.
    #[error("skill `{uri}` is not in the skills file")]
    UnknownSkill {
        /// The skill's concept URI (cut to 80 characters).
        uri: String,
    },
    /// The JSON Resume is valid JSON but not the expected shape.
    #[error("invalid JSON Resume: {message}")]
    InvalidResume {
        /// What was wrong.
        message: String,
    },
    /// An importer option is out of range.
    #[error("option `{name}`: {message}")]
    InvalidOption {
        /// The option.
        name: &'static str,
        /// What is wrong with it.
        message: String,
    },
}

/// An input an importer could not use: what is wrong ([`kind`](ImportError::kind)) and where
/// ([`input`](ImportError::input), [`line`](ImportError::line),
/// [`column`](ImportError::column)).
///
/// Lines are 1-based. In CSV and TSV files the column is the 1-based field number (the column
/// of the table, as a spreadsheet shows it); in JSON it is the 1-based character on the line.
/// Errors that are about the whole input, such as an occupation not found, have neither.
///
/// # Example
/// ```
/// use skillgauge::import::{self, ImportErrorKind, OnetOptions};
///
/// let header = "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tN\t\
///     Standard Error\tLower CI Bound\tUpper CI Bound\tRecommend Suppress\tNot Relevant\tDate\t\
///     Domain Source";
/// let row = "15-1252.00\t2.B.3.e\tProgramming\tXX\t4.62\t8\t0.18\t4.27\t4.98\tN\tn/a\t08/2023\tAnalyst";
/// let text = format!("{header}\n{row}\n");
/// let err = import::onet(text.as_bytes(), "15-1252.00", &OnetOptions::default()).unwrap_err();
/// assert_eq!((err.line(), err.column()), (Some(2), Some(4)));
/// assert!(matches!(err.kind(), ImportErrorKind::UnknownScale { .. }));
/// assert_eq!(err.to_string(), "line 2, column 4: unknown scale `XX`: expected IM or LV");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    kind: ImportErrorKind,
    input: Option<&'static str>,
    line: Option<u64>,
    column: Option<u64>,
}

impl ImportError {
    pub(crate) fn new(kind: ImportErrorKind) -> ImportError {
        ImportError {
            kind,
            input: None,
            line: None,
            column: None,
        }
    }

    pub(crate) fn at(kind: ImportErrorKind, line: u64, column: u64) -> ImportError {
        ImportError {
            kind,
            input: None,
            line: Some(line),
            column: Some(column),
        }
    }

    pub(crate) fn in_input(mut self, input: &'static str) -> ImportError {
        self.input = Some(input);
        self
    }

    /// What is wrong.
    pub fn kind(&self) -> &ImportErrorKind {
        &self.kind
    }

    /// Which input of an importer that reads several (ESCO's `relations` or `skills`).
    pub fn input(&self) -> Option<&'static str> {
        self.input
    }

    /// The 1-based line, when the error is at a place in the input.
    pub fn line(&self) -> Option<u64> {
        self.line
    }

    /// The 1-based column, when the error is at a place in the input: the field number in a
    /// CSV or TSV file, the character on the line in JSON.
    pub fn column(&self) -> Option<u64> {
        self.column
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut place = Vec::new();
        if let Some(input) = self.input {
            place.push(input.to_owned());
        }
        if let Some(line) = self.line {
            place.push(format!("line {line}"));
        }
        if let Some(column) = self.column {
            place.push(format!("column {column}"));
        }
        if place.is_empty() {
            write!(f, "{}", self.kind)
        } else {
            write!(f, "{}: {}", place.join(", "), self.kind)
        }
    }
}

impl std::error::Error for ImportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        // The kind is the message itself; nothing further down.
        None
    }
}

impl From<ImportErrorKind> for ImportError {
    fn from(kind: ImportErrorKind) -> ImportError {
        ImportError::new(kind)
    }
}

/// What an importer built: the framework, and the elements of the source it left out.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Imported {
    /// The framework, ready for [`Framework::new`](crate::Framework::new).
    pub framework: FrameworkDefinition,
    /// The source's skills that were left out, and why, in the order of the input.
    pub skipped: Vec<Skipped>,
}

/// A skill of the source that an importer left out.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Skipped {
    /// Its identifier in the source: the O*NET element id (`2.B.3.e`).
    pub reference: String,
    /// Its name in the source.
    pub name: String,
    /// Why it was left out.
    pub reason: SkipReason,
    /// The line of its first row.
    pub line: u64,
}

/// Why an importer left a skill out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::Display)]
#[strum(serialize_all = "snake_case")]
#[non_exhaustive]
pub enum SkipReason {
    /// O*NET marks an estimate `Recommend Suppress = Y`: too unreliable to publish.
    RecommendSuppress,
    /// O*NET marks the level `Not Relevant = Y`: the skill is not relevant to the occupation.
    NotRelevant,
}

/// Reads all of `reader`, refusing more than [`MAX_INPUT_BYTES`] bytes.
///
/// # Errors
/// [`ImportErrorKind::TooLarge`] past the limit, [`ImportErrorKind::Io`] when reading fails.
///
/// # Example
/// ```
/// let bytes = skillgauge::import::read_limited(&b"some text"[..])?;
/// assert_eq!(bytes, b"some text");
/// # Ok::<(), skillgauge::import::ImportError>(())
/// ```
pub fn read_limited(reader: impl Read) -> Result<Vec<u8>, ImportError> {
    let mut bytes = Vec::new();
    let limit = u64::try_from(MAX_INPUT_BYTES)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    reader
        .take(limit)
        .read_to_end(&mut bytes)
        .map_err(|e| ImportErrorKind::Io {
            message: e.to_string(),
        })?;
    check_size(&bytes)?;
    Ok(bytes)
}

pub(crate) fn check_size(bytes: &[u8]) -> Result<(), ImportError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(ImportErrorKind::TooLarge {
            max: MAX_INPUT_BYTES,
        }
        .into());
    }
    Ok(())
}

/// Text from the input, cut to 80 characters for an error message.
pub(crate) fn cut(text: &str) -> String {
    text.chars().take(80).collect()
}

/// Text cut to at most `max` bytes at a character boundary.
pub(crate) fn cut_bytes(text: &str, max: usize) -> String {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or_default().to_owned()
}

/// The id-safe form of a label: lowercase ASCII letters and digits, every other run of
/// characters one `-`, common accented Latin letters without their accents, at most
/// [`MAX_ID_LEN`](crate::MAX_ID_LEN) bytes; `skill` when nothing is left.
pub(crate) fn slug(label: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in label.chars().flat_map(char::to_lowercase) {
        let folded = match c {
            'a'..='z' | '0'..='9' => None,
            _ => Some(fold(c)),
        };
        if folded == Some("") {
            dash = true;
            continue;
        }
        if dash && !out.is_empty() {
            out.push('-');
        }
        dash = false;
        match folded {
            None => out.push(c),
            Some(text) => out.push_str(text),
        }
    }
    let out = truncate_id(&out, MAX_ID_LEN);
    if out.is_empty() {
        "skill".to_owned()
    } else {
        out
    }
}

const MAX_ID_LEN: usize = 64;

/// `slug` cut to `max` bytes, never ending in `-`.
fn truncate_id(slug: &str, max: usize) -> String {
    // Slugs are ASCII, so any byte index is a character boundary.
    let cut = slug.get(..slug.len().min(max)).unwrap_or_default();
    cut.trim_end_matches('-').to_owned()
}

/// A lowercase character other than an ASCII letter or digit as slug text: the base letters
/// of common accented Latin letters, nothing for anything else.
fn fold(c: char) -> &'static str {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' => "i",
        'ł' | 'ľ' | 'ĺ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'ř' | 'ŕ' => "r",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'æ' => "ae",
        'œ' => "oe",
        _ => "",
    }
}

/// Hands out ids derived from labels, unique within one framework: a label's slug, or when that
/// is taken, the slug with `-2`, `-3`, … (cut so the id stays within 64 bytes).
#[derive(Default)]
pub(crate) struct Ids {
    taken: BTreeSet<String>,
}

impl Ids {
    pub(crate) fn take(&mut self, label: &str) -> Id {
        let base = slug(label);
        let mut candidate = base.clone();
        let mut n = 2u32;
        while self.taken.contains(&candidate) {
            let suffix = format!("-{n}");
            let stem = truncate_id(&base, MAX_ID_LEN - suffix.len());
            candidate = if stem.is_empty() {
                format!("skill{suffix}")
            } else {
                format!("{stem}{suffix}")
            };
            n += 1;
        }
        self.taken.insert(candidate.clone());
        // A slug is always a valid id; fall back to a fixed one rather than panic.
        Id::new(candidate).unwrap_or_else(|_| fallback_id())
    }
}

fn fallback_id() -> Id {
    Id::new("skill").unwrap_or_else(|_| unreachable!("`skill` is a valid id"))
}

/// Parses a non-negative decimal (`4.62`, `5`, `.5`) into thousandths, rounding half up past
/// the third decimal. `None` for anything else, including signs, exponents and more than nine
/// integer digits.
pub(crate) fn thousandths(text: &str) -> Option<u64> {
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    if (int.is_empty() && frac.is_empty())
        || int.len() > 9
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let mut value = int
        .bytes()
        .fold(0u64, |acc, b| acc * 10 + u64::from(b - b'0'));
    let mut digits = frac.bytes().map(|b| u64::from(b - b'0'));
    for _ in 0..3 {
        value = value * 10 + digits.next().unwrap_or(0);
    }
    if digits.next().is_some_and(|d| d >= 5) {
        value += 1;
    }
    Some(value)
}

/// A quantity held as thousandths written as a decimal with two decimals at least
/// (`4620` → `4.62`, `5000` → `5.00`, `4625` → `4.625`).
pub(crate) fn decimal(thousandths: u64) -> String {
    let mut text = format!("{}.{:03}", thousandths / 1000, thousandths % 1000);
    if text.ends_with('0') {
        text.pop();
    }
    text
}

/// The ladder both taxonomy importers build: `job-ready` requires `top`; each of the
/// `lower_levels` levels below it (`entry`, then `foundation`) asks one proficiency less of
/// every skill than the level above, dropping requirements that reach `none`. Lowest first.
pub(crate) fn ladder(
    top: &BTreeMap<Id, Proficiency>,
    lower_levels: u8,
    top_summary: &str,
) -> Result<Vec<Level>, ImportError> {
    const LOWER: [(&str, &str, &str); 2] = [
        (
            "entry",
            "Entry",
            "One proficiency below job-ready on every required skill: ready to start under guidance.",
        ),
        (
            "foundation",
            "Foundation",
            "Two proficiencies below job-ready on every required skill: the groundwork is there.",
        ),
    ];
    if lower_levels > MAX_LOWER_LEVELS {
        return Err(ImportErrorKind::InvalidOption {
            name: "lower_levels",
            message: format!("{lower_levels} is more than {MAX_LOWER_LEVELS}"),
        }
        .into());
    }
    let mut levels = Vec::new();
    for (steps, (id, name, summary)) in LOWER
        .iter()
        .enumerate()
        .take(usize::from(lower_levels))
        .rev()
    {
        let below = u8::try_from(steps + 1).unwrap_or(u8::MAX);
        let mut level = Level::new(id, *name).map_err(|e| invalid_id(&e))?;
        (*summary).clone_into(&mut level.summary);
        level.requires = top
            .iter()
            .filter_map(|(skill, p)| {
                let lower = Proficiency::from_u8(p.as_u8().saturating_sub(below))?;
                (lower > Proficiency::None).then(|| (skill.clone(), lower))
            })
            .collect();
        levels.push(level);
    }
    let mut job_ready = Level::new("job-ready", "Job-ready").map_err(|e| invalid_id(&e))?;
    top_summary.clone_into(&mut job_ready.summary);
    job_ready.requires = top.clone();
    levels.push(job_ready);
    Ok(levels)
}

pub(crate) fn invalid_id(e: &crate::InvalidId) -> ImportError {
    ImportErrorKind::InvalidOption {
        name: "id",
        message: e.to_string(),
    }
    .into()
}

/// A weight option as thousandths: positive, at most 1,000,000, at most three decimals.
pub(crate) fn weight_option(name: &'static str, weight: f64) -> Result<u64, ImportError> {
    let scaled = weight * 1000.0;
    let valid = weight > 0.0
        && weight <= 1_000_000.0
        && (scaled - scaled.round()).abs() < 1e-6
        && scaled.round() >= 1.0;
    if !valid {
        return Err(ImportErrorKind::InvalidOption {
            name,
            message: format!(
                "{weight} is not a weight (a positive number up to 1000000 with at most three decimals)"
            ),
        }
        .into());
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // checked just above
    Ok(scaled.round() as u64)
}

/// Thousandths as the `f64` weight the framework holds: the nearest double to the decimal,
/// the same value parsing the decimal text gives.
pub(crate) fn weight(thousandths: u64) -> f64 {
    #[allow(clippy::cast_precision_loss)] // at most 10^9, exact in an f64
    let w = thousandths as f64 / 1000.0;
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(
            slug("Judgment and Decision Making"),
            "judgment-and-decision-making"
        );
        assert_eq!(slug("  C++ / C#  "), "c-c");
        assert_eq!(slug("Économie sociale"), "economie-sociale");
        assert_eq!(slug("!!!"), "skill");
        assert_eq!(slug(&"abc ".repeat(40)).len(), 63);
        let mut ids = Ids::default();
        assert_eq!(ids.take("Java").as_str(), "java");
        assert_eq!(ids.take("JAVA").as_str(), "java-2");
        assert_eq!(ids.take("java!").as_str(), "java-3");
        let long = "x".repeat(70);
        assert_eq!(ids.take(&long).as_str().len(), 64);
        assert_eq!(ids.take(&long).as_str(), format!("{}-2", "x".repeat(62)));
    }

    #[test]
    fn decimals() {
        assert_eq!(thousandths("4.62"), Some(4620));
        assert_eq!(thousandths("5"), Some(5000));
        assert_eq!(thousandths(".5"), Some(500));
        assert_eq!(thousandths("1.2345"), Some(1235));
        assert_eq!(thousandths("1.2344"), Some(1234));
        assert_eq!(thousandths("-1"), None);
        assert_eq!(thousandths("1e3"), None);
        assert_eq!(thousandths("."), None);
        assert_eq!(thousandths(""), None);
        assert_eq!(decimal(4620), "4.62");
        assert_eq!(decimal(5000), "5.00");
        assert_eq!(decimal(4625), "4.625");
        assert_eq!(weight(4620).to_bits(), 4.62f64.to_bits());
    }
}
