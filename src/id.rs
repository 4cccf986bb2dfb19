use std::borrow::Borrow;
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The longest id accepted, in bytes.
pub const MAX_ID_LEN: usize = 64;

/// A validated identifier for a skill, level, step, training option or framework.
///
/// An id is 1 to [`MAX_ID_LEN`] characters of lowercase ASCII letters, digits, `-` and `_`,
/// starting with a letter or digit: `programming-languages`, `entry`, `online_course`.
/// The wire form is the id itself. Cloning an id is cheap (it is shared, not copied).
///
/// # Example
/// ```
/// use skillgauge::Id;
///
/// let id = Id::new("apis-integration")?;
/// assert_eq!(id.as_str(), "apis-integration");
/// assert!(Id::new("APIs").is_err());
/// assert!(Id::new("").is_err());
/// # Ok::<(), skillgauge::InvalidId>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id(Arc<str>);

/// A skill's [`Id`].
pub type SkillId = Id;
/// A level's [`Id`].
pub type LevelId = Id;
/// A step's [`Id`].
pub type StepId = Id;
/// A training option's [`Id`].
pub type TrainingId = Id;

/// The error for a string that is not a valid [`Id`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid id `{value}`: {reason}")]
pub struct InvalidId {
    /// The rejected text (cut to 80 characters).
    pub value: String,
    /// Why it was rejected.
    pub reason: &'static str,
}

impl Id {
    /// Validates `value` as an id.
    ///
    /// # Errors
    /// [`InvalidId`] when `value` is empty, longer than [`MAX_ID_LEN`], starts with `-` or `_`,
    /// or holds anything but lowercase ASCII letters, digits, `-` and `_`.
    pub fn new(value: impl AsRef<str>) -> Result<Id, InvalidId> {
        let value = value.as_ref();
        let reason = if value.is_empty() {
            Some("an id cannot be empty")
        } else if value.len() > MAX_ID_LEN {
            Some("an id is at most 64 characters")
        } else if value.starts_with(['-', '_']) {
            Some("an id starts with a lowercase letter or digit")
        } else if !value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        {
            Some("an id holds only lowercase ASCII letters, digits, `-` and `_`")
        } else {
            None
        };
        match reason {
            None => Ok(Id(Arc::from(value))),
            Some(reason) => Err(InvalidId {
                value: value.chars().take(80).collect(),
                reason,
            }),
        }
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Id {
    type Err = InvalidId;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Id::new(s)
    }
}

impl TryFrom<&str> for Id {
    type Error = InvalidId;

    fn try_from(s: &str) -> Result<Self, Self::Error> {
        Id::new(s)
    }
}

impl TryFrom<String> for Id {
    type Error = InvalidId;

    fn try_from(s: String) -> Result<Self, Self::Error> {
        Id::new(s)
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Id {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<str>::deserialize(deserializer)?;
        Id::new(&*s).map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for Id {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Id".into()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        concat!(module_path!(), "::Id").into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        // The same rules as `Id::new`; the pattern is ASCII-only, so characters are bytes.
        schemars::json_schema!({
            "description": "An id: 1 to 64 lowercase ASCII letters, digits, `-` and `_`, starting with a letter or digit.",
            "type": "string",
            "pattern": "^[a-z0-9][a-z0-9_-]*$",
            "minLength": 1,
            "maxLength": MAX_ID_LEN,
        })
    }
}

/// The one id among `known` closest to `word` — a prefix of it, or within two edits —
/// for "did you mean" hints; `None` when there is none or no single best.
pub(crate) fn closest<'a>(word: &str, known: impl Iterator<Item = &'a Id>) -> Option<&'a Id> {
    if word.len() > MAX_ID_LEN || word.len() < 3 {
        return None;
    }
    let word: Vec<char> = word.chars().collect();
    let mut best: Option<(usize, &Id)> = None;
    let mut tied = false;
    for id in known {
        // Ids within two edits differ in length by at most two.
        if id.0.len().abs_diff(word.len()) > 2 {
            continue;
        }
        let candidate: Vec<char> = id.0.chars().collect();
        let distance = crate::proficiency::edit_distance(&word, &candidate);
        if distance > 2 {
            continue;
        }
        match best {
            Some((d, _)) if d < distance => {}
            Some((d, _)) if d == distance => tied = true,
            _ => {
                best = Some((distance, id));
                tied = false;
            }
        }
    }
    if tied { None } else { best.map(|(_, id)| id) }
}
