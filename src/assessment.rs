use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::Error;
use crate::id::Id;
use crate::parse;
use crate::proficiency::Proficiency;

/// How sure a person is of a self-rating.
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
    strum::EnumIter,
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Confidence {
    /// A guess.
    Low,
    /// Fairly sure.
    Medium,
    /// Sure, and could show why.
    High,
}

/// What kind of evidence backs a rating.
#[derive(
    Clone,
    Copy,
    Debug,
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
pub enum EvidenceKind {
    /// Something the person built.
    Project,
    /// A certificate or exam.
    Certification,
    /// Work done in a job.
    Work,
    /// A course completed.
    Course,
    /// A review by someone else: a code review, a performance review.
    Review,
    /// Anything else.
    Other,
}

/// One item of evidence for a rating.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// What kind of evidence it is.
    pub kind: EvidenceKind,
    /// What it is, in words.
    pub description: String,
    /// Where it can be seen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A self-rating of one skill: a proficiency, optionally with confidence and evidence.
///
/// In JSON a rating is either a bare proficiency (`"competent"` or `3`) or an object
/// `{ "proficiency": …, "confidence": …, "evidence": [ … ] }`. A rating with neither
/// confidence nor evidence is written back bare.
///
/// # Example
/// ```
/// use skillgauge::{Proficiency, Rating};
///
/// let bare: Rating = serde_json::from_str("3")?;
/// assert_eq!(bare, Rating::from(Proficiency::Competent));
/// let full: Rating = serde_json::from_str(r#"{"proficiency": "novice", "confidence": "low"}"#)?;
/// assert_eq!(full.proficiency, Proficiency::Novice);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rating {
    /// The self-rated proficiency.
    pub proficiency: Proficiency,
    /// How sure the person is, if they said.
    pub confidence: Option<Confidence>,
    /// What backs the rating.
    pub evidence: Vec<Evidence>,
}

impl From<Proficiency> for Rating {
    fn from(proficiency: Proficiency) -> Rating {
        Rating {
            proficiency,
            confidence: None,
            evidence: Vec::new(),
        }
    }
}

/// The object form of a rating.
#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct DetailedRating {
    /// The self-rated proficiency.
    proficiency: Proficiency,
    /// How sure the person is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    confidence: Option<Confidence>,
    /// What backs the rating.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    evidence: Vec<Evidence>,
}

impl Serialize for Rating {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.confidence.is_none() && self.evidence.is_empty() {
            self.proficiency.serialize(serializer)
        } else {
            DetailedRating {
                proficiency: self.proficiency,
                confidence: self.confidence,
                evidence: self.evidence.clone(),
            }
            .serialize(serializer)
        }
    }
}

struct RatingVisitor;

impl<'de> Visitor<'de> for RatingVisitor {
    type Value = Rating;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a proficiency (name or 0-5) or an object with `proficiency`")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Rating, E> {
        Proficiency::deserialize(de::value::StrDeserializer::new(v)).map(Rating::from)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Rating, E> {
        Proficiency::deserialize(de::value::U64Deserializer::new(v)).map(Rating::from)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Rating, E> {
        Proficiency::deserialize(de::value::I64Deserializer::new(v)).map(Rating::from)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Rating, A::Error> {
        let d = DetailedRating::deserialize(de::value::MapAccessDeserializer::new(map))?;
        Ok(Rating {
            proficiency: d.proficiency,
            confidence: d.confidence,
            evidence: d.evidence,
        })
    }
}

impl<'de> Deserialize<'de> for Rating {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RatingVisitor)
    }
}

#[cfg(feature = "schemars")]
impl schemars::JsonSchema for Rating {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Rating".into()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        concat!(module_path!(), "::Rating").into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let bare = generator.subschema_for::<Proficiency>();
        let detailed = <DetailedRating as schemars::JsonSchema>::json_schema(generator);
        schemars::json_schema!({
            "description": "A self-rating: a bare proficiency, or an object with the proficiency and optionally confidence and evidence.",
            "oneOf": [bare, detailed],
        })
    }
}

/// What the person wants from the plan.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Preferences {
    /// The level to plan for; the level above readiness when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_level: Option<Id>,
    /// Hours a week for the plan, 1–168; 10 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours_per_week: Option<u32>,
    /// Preferred training options, most preferred first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub training: Vec<Id>,
    /// The number of weeks the person wants the plan done in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline_weeks: Option<u32>,
}

/// The hours a week a plan assumes when the person gives none.
pub const DEFAULT_HOURS_PER_WEEK: u32 = 10;

/// A person's self-assessment against one framework: the input of
/// [`Framework::assess`](crate::Framework::assess).
///
/// # Example
/// ```
/// use skillgauge::{Assessment, Proficiency};
///
/// let assessment = Assessment::from_json(r#"{
///     "framework": "backend-developer",
///     "ratings": { "programming-languages": "competent", "security": 2 },
///     "experience_years": 1.5,
///     "preferences": { "hours_per_week": 8 }
/// }"#)?;
/// assert_eq!(assessment.rating("security"), Proficiency::AdvancedBeginner);
/// assert_eq!(assessment.rating("communication"), Proficiency::None); // unrated
/// # Ok::<(), skillgauge::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(
    feature = "schemars",
    schemars(
        description = "A person's self-assessment against one framework, the request: self-ratings by skill id (unrated skills count as `none`), experience, completed steps and plan preferences."
    )
)]
pub struct Assessment {
    /// The framework the assessment is for; checked when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub framework: Option<Id>,
    /// Self-ratings by skill id. Unrated skills count as `none`.
    #[serde(default, deserialize_with = "crate::wire::unique_map")]
    pub ratings: BTreeMap<Id, Rating>,
    /// Years of professional experience, if stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub experience_years: Option<f64>,
    /// Steps already done.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub completed_steps: Vec<Id>,
    /// What the person wants from the plan.
    #[serde(default, skip_serializing_if = "is_default_preferences")]
    pub preferences: Preferences,
}

fn is_default_preferences(p: &Preferences) -> bool {
    *p == Preferences::default()
}

impl Assessment {
    /// An empty assessment: nothing rated, no preferences.
    pub fn new() -> Assessment {
        Assessment::default()
    }

    /// Reads an assessment from JSON.
    ///
    /// # Errors
    /// [`ErrorKind::Parse`](crate::ErrorKind::Parse) naming the field, line and column of malformed JSON, an unknown
    /// field, a misspelled or out-of-range proficiency, or an invalid id.
    pub fn from_json(text: &str) -> Result<Assessment, Error> {
        parse::from_json(text)
    }

    /// Reads an assessment from a JSON file.
    ///
    /// # Errors
    /// [`ErrorKind::Io`](crate::ErrorKind::Io) when the file cannot be read; otherwise as [`Assessment::from_json`].
    pub fn from_path(path: impl AsRef<Path>) -> Result<Assessment, Error> {
        let path = path.as_ref();
        parse::read_file(path)
            .and_then(|text| Assessment::from_json(&text))
            .map_err(|e| e.with_file(path))
    }

    /// The assessment as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Rates `skill` at `proficiency` (builder style).
    ///
    /// # Errors
    /// [`crate::InvalidId`] when `skill` is not a valid id; it converts into
    /// [`Error`], so `?` works in functions returning either.
    ///
    /// # Example
    /// ```
    /// use skillgauge::{Assessment, Proficiency::*};
    ///
    /// let a = Assessment::new().rate("security", Competent)?.rate("databases-data-modeling", Novice)?;
    /// assert_eq!(a.rating("security"), Competent);
    /// # Ok::<(), skillgauge::Error>(())
    /// ```
    pub fn rate(
        mut self,
        skill: &str,
        proficiency: Proficiency,
    ) -> Result<Assessment, crate::InvalidId> {
        self.ratings
            .insert(Id::new(skill)?, Rating::from(proficiency));
        Ok(self)
    }

    /// The self-rating of `skill`: `none` when unrated.
    pub fn rating(&self, skill: &str) -> Proficiency {
        self.ratings
            .get(skill)
            .map_or(Proficiency::None, |r| r.proficiency)
    }

    /// The hours a week the plan assumes.
    pub fn hours_per_week(&self) -> u32 {
        self.preferences
            .hours_per_week
            .unwrap_or(DEFAULT_HOURS_PER_WEEK)
    }
}
