use std::fmt;
use std::str::FromStr;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use strum::{EnumCount, EnumIter, IntoStaticStr};

/// The one rating scale, after the Dreyfus model of skill acquisition: 0 (`none`) to 5 (`expert`).
///
/// Ordered, so `Proficiency::Competent > Proficiency::Novice`. The wire form (serde,
/// [`Display`](fmt::Display), [`FromStr`]) is the `snake_case` name; deserializing also accepts
/// the integer 0–5, and [`FromStr`] accepts the digit.
///
/// # Example
/// ```
/// use skillgauge::Proficiency;
///
/// let p: Proficiency = "competent".parse()?;
/// assert_eq!(p, Proficiency::Competent);
/// assert_eq!(p.as_u8(), 3);
/// assert_eq!(p.to_string(), "competent");
/// assert_eq!(Proficiency::from_u8(5), Some(Proficiency::Expert));
/// assert!(Proficiency::Expert > Proficiency::Proficient);
/// # Ok::<(), skillgauge::ParseProficiencyError>(())
/// ```
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
    EnumIter,
    EnumCount,
    IntoStaticStr,
)]
#[strum(serialize_all = "snake_case")]
pub enum Proficiency {
    /// 0: no knowledge or experience of the skill.
    #[default]
    None,
    /// 1: knows the basics from study; needs close guidance.
    Novice,
    /// 2: has applied it in simple, guided situations.
    AdvancedBeginner,
    /// 3: works independently on ordinary problems.
    Competent,
    /// 4: handles complex problems and sees the whole situation.
    Proficient,
    /// 5: an authority who others learn from.
    Expert,
}

impl Proficiency {
    /// Every proficiency, lowest first.
    pub const ALL: [Proficiency; 6] = [
        Proficiency::None,
        Proficiency::Novice,
        Proficiency::AdvancedBeginner,
        Proficiency::Competent,
        Proficiency::Proficient,
        Proficiency::Expert,
    ];

    /// The rating as a number from 0 to 5.
    pub const fn as_u8(self) -> u8 {
        self as u8
    }

    /// The rating as an index from 0 to 5, for tables indexed by proficiency.
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The proficiency for a number from 0 to 5, or `None` outside that range.
    pub const fn from_u8(value: u8) -> Option<Proficiency> {
        match value {
            0 => Some(Proficiency::None),
            1 => Some(Proficiency::Novice),
            2 => Some(Proficiency::AdvancedBeginner),
            3 => Some(Proficiency::Competent),
            4 => Some(Proficiency::Proficient),
            5 => Some(Proficiency::Expert),
            _ => None,
        }
    }

    /// The `snake_case` name, the same as the wire form.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// A label for people: `"advanced beginner"` rather than `"advanced_beginner"`.
    pub fn label(self) -> &'static str {
        match self {
            Proficiency::None => "none",
            Proficiency::Novice => "novice",
            Proficiency::AdvancedBeginner => "advanced beginner",
            Proficiency::Competent => "competent",
            Proficiency::Proficient => "proficient",
            Proficiency::Expert => "expert",
        }
    }
}

impl fmt::Display for Proficiency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error for a string that names no [`Proficiency`]; it holds the text, cut to 80
/// characters.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown proficiency `{0}`, expected one of none, novice, advanced_beginner, competent, proficient, expert or 0-5"
)]
pub struct ParseProficiencyError(pub String);

impl FromStr for Proficiency {
    type Err = ParseProficiencyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Some(p) = Proficiency::ALL.into_iter().find(|p| p.as_str() == s) {
            return Ok(p);
        }
        s.parse::<u8>()
            .ok()
            .and_then(Proficiency::from_u8)
            .ok_or_else(|| ParseProficiencyError(s.chars().take(80).collect()))
    }
}

impl Serialize for Proficiency {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

struct ProficiencyVisitor;

impl Visitor<'_> for ProficiencyVisitor {
    type Value = Proficiency;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "a proficiency: none, novice, advanced_beginner, competent, proficient, expert or 0-5",
        )
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Proficiency, E> {
        Proficiency::ALL
            .into_iter()
            .find(|p| p.as_str() == v)
            .ok_or_else(|| E::custom(ParseProficiencyError(v.chars().take(80).collect())))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Proficiency, E> {
        u8::try_from(v)
            .ok()
            .and_then(Proficiency::from_u8)
            .ok_or_else(|| E::custom(format_args!("proficiency {v} is outside 0-5")))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Proficiency, E> {
        u64::try_from(v)
            .map_err(|_| E::custom(format_args!("proficiency {v} is outside 0-5")))
            .and_then(|v| self.visit_u64(v))
    }
}

impl<'de> Deserialize<'de> for Proficiency {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ProficiencyVisitor)
    }
}

// Two wire forms: readers accept the name or the integer 0–5, writers write the name, so a
// schema for output (the serialize contract) allows only the name.
#[cfg(feature = "schemars")]
impl schemars::JsonSchema for Proficiency {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Proficiency".into()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        concat!(module_path!(), "::Proficiency").into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let names: Vec<&str> = Proficiency::ALL
            .into_iter()
            .map(Proficiency::as_str)
            .collect();
        let name = schemars::json_schema!({
            "description": "The proficiency's name.",
            "type": "string",
            "enum": names,
        });
        if generator.contract().is_serialize() {
            let mut schema = name;
            schema.insert(
                "description".to_owned(),
                "A proficiency, from `none` (0) to `expert` (5).".into(),
            );
            return schema;
        }
        schemars::json_schema!({
            "description": "A proficiency, from `none` (0) to `expert` (5): its name or its number.",
            "oneOf": [
                name,
                {
                    "description": "The proficiency's number.",
                    "type": "integer",
                    "minimum": 0,
                    "maximum": 5,
                },
            ],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    #[test]
    fn all_matches_strum_iteration_and_numbers() {
        let iterated: Vec<_> = Proficiency::iter().collect();
        assert_eq!(iterated, Proficiency::ALL);
        assert_eq!(Proficiency::COUNT, 6);
        for (i, p) in Proficiency::ALL.into_iter().enumerate() {
            assert_eq!(p.index(), i);
        }
    }
}
