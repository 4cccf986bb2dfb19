//! O*NET's `Skills.txt` → a framework for one occupation.

use std::collections::BTreeMap;

use super::table::{Column, Dialect, Row, Table};
use super::{
    Ids, ImportError, ImportErrorKind, Imported, SkipReason, Skipped, cut, decimal, invalid_id,
    ladder, thousandths, weight,
};
use crate::{Category, FrameworkDefinition, Occupation, Proficiency, Skill};

/// The attribution an O*NET framework carries when [`OnetOptions::database_version`] is not
/// given; with a version, "the O*NET Database" reads "the O*NET 29.0 Database".
///
/// O*NET data is licensed under [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/);
/// the licence asks for this attribution and for a statement that the data was modified. The
/// importer modifies it: it maps importance to weights and levels to proficiencies, derives
/// career levels and leaves suppressed and not-relevant elements out.
pub const ONET_ATTRIBUTION: &str = "This framework includes information from the O*NET Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. skillgauge has modified all or some of this information. USDOL/ETA has not approved, endorsed, or tested these modifications.";

/// The attribution for data from the O*NET database of `version` (`"29.0"`), or of an unnamed
/// version: [`ONET_ATTRIBUTION`] with the version named.
///
/// # Example
/// ```
/// use skillgauge::import::{ONET_ATTRIBUTION, onet_attribution};
///
/// assert_eq!(onet_attribution(None), ONET_ATTRIBUTION);
/// assert!(onet_attribution(Some("29.0")).starts_with(
///     "This framework includes information from the O*NET 29.0 Database by the U.S."
/// ));
/// ```
pub fn onet_attribution(version: Option<&str>) -> String {
    match version.map(str::trim).filter(|v| !v.is_empty()) {
        None => ONET_ATTRIBUTION.to_owned(),
        Some(v) => {
            ONET_ATTRIBUTION.replacen("the O*NET Database", &format!("the O*NET {v} Database"), 1)
        }
    }
}

/// How [`onet`] builds a framework.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct OnetOptions {
    /// The occupation's title (`Software Developers`), which `Skills.txt` does not carry: it is
    /// in O*NET's `Occupation Data.txt`. Without it the framework is named after the code.
    pub title: Option<String>,
    /// The importance (1–5, at most three decimals) from which `job-ready` requires a skill;
    /// 3 by default, O*NET's "important".
    pub min_importance: f64,
    /// How many levels go below `job-ready`, each asking one proficiency less (0–2, default 1:
    /// `entry`).
    pub lower_levels: u8,
    /// The O*NET database version (`"29.0"`), named in the attribution when given.
    pub database_version: Option<String>,
}

impl Default for OnetOptions {
    fn default() -> Self {
        OnetOptions {
            title: None,
            min_importance: 3.0,
            lower_levels: 1,
            database_version: None,
        }
    }
}

/// The O*NET level (0–7, in thousandths: `5380` for 5.38) mapped onto the proficiency scale,
/// `None` above 7.
///
/// The scale is stretched evenly, 7 O*NET steps onto 5 proficiencies, and rounded half up:
/// proficiency = ⌊level × 5/7 + ½⌋, computed exactly in integers. So a level from
///
/// | O*NET level | proficiency |
/// |---|---|
/// | 0 to below 0.7 | none |
/// | 0.7 to below 2.1 | novice |
/// | 2.1 to below 3.5 | advanced beginner |
/// | 3.5 to below 4.9 | competent |
/// | 4.9 to below 6.3 | proficient |
/// | 6.3 to 7 | expert |
///
/// The mapping never decreases: a higher O*NET level never gives a lower proficiency.
///
/// # Example
/// ```
/// use skillgauge::{Proficiency, import::proficiency_for_onet_level};
///
/// assert_eq!(proficiency_for_onet_level(5380), Some(Proficiency::Proficient));
/// assert_eq!(proficiency_for_onet_level(3500), Some(Proficiency::Competent));
/// assert_eq!(proficiency_for_onet_level(3499), Some(Proficiency::AdvancedBeginner));
/// assert_eq!(proficiency_for_onet_level(7001), None);
/// ```
pub fn proficiency_for_onet_level(level_thousandths: u32) -> Option<Proficiency> {
    if level_thousandths > 7000 {
        return None;
    }
    let steps = (level_thousandths * 5 + 3500) / 7000;
    Proficiency::from_u8(u8::try_from(steps).ok()?)
}

/// The O*NET importance (1–5, in thousandths: `4620` for 4.62) as a skill weight: the
/// importance itself, exactly (4.62 → 4.62). `None` outside 1–5.
///
/// # Example
/// ```
/// use skillgauge::import::weight_for_onet_importance;
///
/// assert_eq!(weight_for_onet_importance(4620), Some(4.62));
/// assert_eq!(weight_for_onet_importance(999), None);
/// ```
pub fn weight_for_onet_importance(importance_thousandths: u32) -> Option<f64> {
    (1000..=5000)
        .contains(&importance_thousandths)
        .then(|| weight(u64::from(importance_thousandths)))
}

/// The 13 columns of O*NET's `Skills.txt`, in order.
const COLUMNS: [&str; 13] = [
    "O*NET-SOC Code",
    "Element ID",
    "Element Name",
    "Scale ID",
    "Data Value",
    "N",
    "Standard Error",
    "Lower CI Bound",
    "Upper CI Bound",
    "Recommend Suppress",
    "Not Relevant",
    "Date",
    "Domain Source",
];

struct Columns {
    code: Column,
    element: Column,
    name: Column,
    scale: Column,
    value: Column,
    suppress: Column,
    not_relevant: Column,
}

/// An element's two ratings as read so far.
struct Element {
    id: String,
    name: String,
    line: u64,
    importance: Option<u32>,
    level: Option<u32>,
    suppress: bool,
    not_relevant: bool,
}

/// Builds a framework for the occupation `code` (`15-1252.00`) from O*NET's `Skills.txt`.
///
/// The file is tab-separated with a header row naming O*NET's 13 columns, `O*NET-SOC Code`
/// to `Domain Source` (they are found by name, so their order does not matter, but all must
/// be there). Each element (skill) of an occupation has two rows, `IM` (importance 1–5) and
/// `LV` (level 0–7). `Knowledge.txt` and `Abilities.txt` have the same layout and import the
/// same way. Every row of the file is checked, not only the occupation's.
///
/// The framework:
/// - one skill per element, in file order, with an id from the element's name
///   (`judgment-and-decision-making`), the element id (`2.B.3.e`) as its
///   [`reference`](Skill::reference), and the importance as its weight
///   ([`weight_for_onet_importance`]); Technical Skills (`2.B.3`) and Systems Skills
///   (`2.B.4`) are technical, the basic, social, problem-solving and resource-management
///   skills professional;
/// - levels: `job-ready` requires every skill whose importance is at least
///   [`OnetOptions::min_importance`] at its O*NET level mapped by
///   [`proficiency_for_onet_level`] (a level that maps to `none` is no requirement); below it,
///   [`OnetOptions::lower_levels`] levels (`entry`, then `foundation`) each ask one proficiency
///   less of every skill;
/// - the [`Occupation`] (`O*NET-SOC`, the code, the title) and the CC BY 4.0 attribution
///   ([`onet_attribution`]).
///
/// An element with `Recommend Suppress = Y` on either row, or `Not Relevant = Y`, is left out
/// and listed in [`Imported::skipped`].
///
/// # Errors
/// An [`ImportError`] with the line and column for a missing column, a short row, an empty
/// field, a malformed O*NET-SOC code, a scale other than `IM`/`LV`, a value that is not a
/// number or out of its scale's range, a flag other than `Y`/`N`/`n/a`, and an element with
/// a repeated or a missing row; without a place for an occupation not in the file
/// ([`ImportErrorKind::UnknownOccupation`], suggesting `15-1252.00` for `15-1252`) or options
/// out of range.
pub fn onet(skills_txt: &[u8], code: &str, options: &OnetOptions) -> Result<Imported, ImportError> {
    let code = code.trim();
    let min_importance = min_importance(options.min_importance)?;

    let mut table = Table::open(skills_txt, Dialect::Tsv)?;
    // All 13 must be there, so that a file of another layout is refused, not half-read.
    for name in COLUMNS {
        table.require(name)?;
    }
    let columns = Columns {
        code: table.require(COLUMNS[0])?,
        element: table.require(COLUMNS[1])?,
        name: table.require(COLUMNS[2])?,
        scale: table.require(COLUMNS[3])?,
        value: table.require(COLUMNS[4])?,
        suppress: table.require(COLUMNS[9])?,
        not_relevant: table.require(COLUMNS[10])?,
    };

    let mut elements: Vec<Element> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    let mut suggestion = None;
    while let Some(row) = table.next_row() {
        let row = row?;
        let row_code = row.non_empty(columns.code)?;
        if !is_onet_code(row_code) {
            return Err(row.error(
                columns.code,
                ImportErrorKind::InvalidCode {
                    code: cut(row_code),
                },
            ));
        }
        let rating = read_rating(&row, &columns)?;
        if row_code != code {
            if suggestion.is_none() && !code.is_empty() && row_code.starts_with(code) {
                suggestion = Some(row_code.to_owned());
            }
            continue;
        }
        let element_id = row.non_empty(columns.element)?;
        let slot = *index.entry(element_id.to_owned()).or_insert_with(|| {
            elements.push(Element {
                id: element_id.to_owned(),
                name: String::new(),
                line: row.line(),
                importance: None,
                level: None,
                suppress: false,
                not_relevant: false,
            });
            elements.len() - 1
        });
        let Some(element) = elements.get_mut(slot) else {
            continue;
        };
        if element.name.is_empty() {
            row.non_empty(columns.name)?.clone_into(&mut element.name);
        }
        let target = match rating.scale {
            Scale::Importance => &mut element.importance,
            Scale::Level => &mut element.level,
        };
        if target.is_some() {
            return Err(row.error(
                columns.scale,
                ImportErrorKind::DuplicateRow {
                    element: cut(element_id),
                    scale: rating.scale.id().to_owned(),
                },
            ));
        }
        *target = Some(rating.value);
        element.suppress |= rating.suppress;
        element.not_relevant |= rating.not_relevant;
    }

    if elements.is_empty() {
        return Err(ImportErrorKind::UnknownOccupation {
            code: cut(code),
            suggestion,
        }
        .into());
    }
    let scale_column = columns.scale.index() as u64 + 1;
    build(code, options, min_importance, &elements, scale_column)
}

/// The title of the occupation `code` in O*NET's `Occupation Data.txt` (tab-separated, with
/// the columns `O*NET-SOC Code` and `Title`; others are ignored), for [`OnetOptions::title`].
///
/// # Errors
/// An [`ImportError`] with the line and column for a missing column, a short row or a
/// malformed code, and [`ImportErrorKind::UnknownOccupation`] when the file does not list
/// `code`.
///
/// # Example
/// ```
/// use skillgauge::import::onet_title;
///
/// let data = "O*NET-SOC Code\tTitle\tDescription\n15-1252.00\tSoftware Developers\tResearch...\n";
/// assert_eq!(onet_title(data.as_bytes(), "15-1252.00")?, "Software Developers");
/// # Ok::<(), skillgauge::import::ImportError>(())
/// ```
pub fn onet_title(occupation_data: &[u8], code: &str) -> Result<String, ImportError> {
    let code = code.trim();
    let mut table = Table::open(occupation_data, Dialect::Tsv)?;
    let code_column = table.require(COLUMNS[0])?;
    let title = table.require("Title")?;
    while let Some(row) = table.next_row() {
        let row = row?;
        let row_code = row.non_empty(code_column)?;
        if !is_onet_code(row_code) {
            return Err(row.error(
                code_column,
                ImportErrorKind::InvalidCode {
                    code: cut(row_code),
                },
            ));
        }
        if row_code == code {
            return Ok(row.non_empty(title)?.to_owned());
        }
    }
    Err(ImportErrorKind::UnknownOccupation {
        code: cut(code),
        suggestion: None,
    }
    .into())
}

fn build(
    code: &str,
    options: &OnetOptions,
    min_importance: u32,
    elements: &[Element],
    scale_column: u64,
) -> Result<Imported, ImportError> {
    let mut ids = Ids::default();
    let mut skills = Vec::new();
    let mut skipped = Vec::new();
    let mut top = BTreeMap::new();
    for element in elements {
        let (importance, level) = match (element.importance, element.level) {
            (Some(importance), Some(level)) => (importance, level),
            (importance, _) => {
                let scale = if importance.is_none() { "IM" } else { "LV" };
                return Err(ImportError::at(
                    ImportErrorKind::MissingScale {
                        element: cut(&element.id),
                        scale: scale.to_owned(),
                    },
                    element.line,
                    scale_column,
                ));
            }
        };
        let reason = if element.not_relevant {
            Some(SkipReason::NotRelevant)
        } else if element.suppress {
            Some(SkipReason::RecommendSuppress)
        } else {
            None
        };
        if let Some(reason) = reason {
            skipped.push(Skipped {
                reference: element.id.clone(),
                name: element.name.clone(),
                reason,
                line: element.line,
            });
            continue;
        }
        let id = ids.take(&element.name);
        let mut skill =
            Skill::new(id.as_str(), element.name.as_str()).map_err(|e| invalid_id(&e))?;
        skill.category = category(&element.id);
        skill.weight = weight(u64::from(importance));
        skill.description = format!(
            "O*NET rates {} at importance {} of 5 and level {} of 7 for this occupation.",
            element.name,
            decimal(u64::from(importance)),
            decimal(u64::from(level)),
        );
        skill.reference = Some(element.id.clone());
        if importance >= min_importance
            && let Some(p) = proficiency_for_onet_level(level).filter(|p| *p > Proficiency::None)
        {
            top.insert(id, p);
        }
        skills.push(skill);
    }

    let title = options
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let name = title.map_or_else(|| format!("O*NET-SOC {code}"), str::to_owned);
    let framework_id = format!("onet-{}", code.replace('.', "-"));
    let summary = format!(
        "Skills of {name} (O*NET-SOC {code}) from O*NET's importance and level ratings: {} skills, {} required for job-ready.",
        skills.len(),
        top.len(),
    );
    let top_summary = format!(
        "Every skill of importance {} or more at the level O*NET rates for the occupation.",
        decimal(u64::from(min_importance)),
    );
    let levels = ladder(&top, options.lower_levels, &top_summary)?;
    let mut framework = FrameworkDefinition::new(&framework_id, name, skills, levels)
        .map_err(|e| invalid_id(&e))?;
    framework.summary = summary;
    framework.attribution = Some(onet_attribution(options.database_version.as_deref()));
    framework.occupation = Some(Occupation::new(
        "O*NET-SOC",
        code,
        title.unwrap_or_default(),
    ));
    Ok(Imported { framework, skipped })
}

/// O*NET's Technical Skills (2.B.3) and Systems Skills (2.B.4) are technical; the basic,
/// social, complex problem solving and resource management skills professional.
fn category(element: &str) -> Category {
    if element.starts_with("2.B.3.") || element.starts_with("2.B.4.") {
        Category::Technical
    } else {
        Category::Professional
    }
}

fn min_importance(value: f64) -> Result<u32, ImportError> {
    let scaled = value * 1000.0;
    if (1.0..=5.0).contains(&value) && (scaled - scaled.round()).abs() < 1e-6 {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // 1000..=5000
        return Ok(scaled.round() as u32);
    }
    Err(ImportErrorKind::InvalidOption {
        name: "min_importance",
        message: format!("{value} is not an importance from 1 to 5 with at most three decimals"),
    }
    .into())
}

/// `15-1252.00`: two digits, a dash, four digits, a dot, two digits.
fn is_onet_code(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            2 => *c == b'-',
            7 => *c == b'.',
            _ => c.is_ascii_digit(),
        })
}

#[derive(Clone, Copy)]
enum Scale {
    Importance,
    Level,
}

impl Scale {
    fn id(self) -> &'static str {
        match self {
            Scale::Importance => "IM",
            Scale::Level => "LV",
        }
    }
}

struct Rating {
    scale: Scale,
    value: u32,
    suppress: bool,
    not_relevant: bool,
}

/// Reads and checks the scale, value and flags of one row.
fn read_rating(row: &Row, columns: &Columns) -> Result<Rating, ImportError> {
    let scale_text = row.non_empty(columns.scale)?;
    let (scale, min, max) = match scale_text {
        "IM" => (Scale::Importance, 1, 5),
        "LV" => (Scale::Level, 0, 7),
        other => {
            return Err(row.error(
                columns.scale,
                ImportErrorKind::UnknownScale { scale: cut(other) },
            ));
        }
    };
    let text = row.non_empty(columns.value)?;
    let out_of_range = || {
        row.error(
            columns.value,
            ImportErrorKind::OutOfRange {
                scale: scale.id().to_owned(),
                value: cut(text),
                min,
                max,
            },
        )
    };
    let value = match (text.strip_prefix('-'), thousandths(text)) {
        (_, Some(value)) => value,
        // A negative number is a number, below every scale.
        (Some(rest), None) if thousandths(rest).is_some() => return Err(out_of_range()),
        _ => {
            return Err(row.error(
                columns.value,
                ImportErrorKind::InvalidNumber {
                    name: columns.value.name().to_owned(),
                    value: cut(text),
                },
            ));
        }
    };
    if value < u64::from(min) * 1000 || value > u64::from(max) * 1000 {
        return Err(out_of_range());
    }
    Ok(Rating {
        scale,
        value: u32::try_from(value).map_err(|_| out_of_range())?,
        suppress: flag(row, columns.suppress)?,
        not_relevant: flag(row, columns.not_relevant)?,
    })
}

/// `Y` is true; `N`, `n/a` and an empty field are false.
fn flag(row: &Row, column: Column) -> Result<bool, ImportError> {
    let value = row.get(column)?;
    if value.eq_ignore_ascii_case("y") {
        Ok(true)
    } else if value.is_empty()
        || value.eq_ignore_ascii_case("n")
        || value.eq_ignore_ascii_case("n/a")
    {
        Ok(false)
    } else {
        Err(row.error(
            column,
            ImportErrorKind::InvalidFlag {
                name: column.name().to_owned(),
                value: cut(value),
            },
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_table() {
        let p = |x| proficiency_for_onet_level(x).map(Proficiency::as_u8);
        assert_eq!(p(0), Some(0));
        assert_eq!(p(699), Some(0));
        assert_eq!(p(700), Some(1));
        assert_eq!(p(2099), Some(1));
        assert_eq!(p(2100), Some(2));
        assert_eq!(p(4899), Some(3));
        assert_eq!(p(4900), Some(4));
        assert_eq!(p(6300), Some(5));
        assert_eq!(p(7000), Some(5));
    }

    #[test]
    fn codes() {
        assert!(is_onet_code("15-1252.00"));
        assert!(!is_onet_code("15-1252"));
        assert!(!is_onet_code("15-1252.0x"));
        assert!(!is_onet_code("151252.000"));
    }
}
