//! A JSON Resume's `skills` → a draft, low-confidence assessment for a framework.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{ImportError, ImportErrorKind, check_size, cut};
use crate::{
    Assessment, Confidence, Evidence, EvidenceKind, FrameworkDefinition, Id, Proficiency, Rating,
};

/// A draft assessment made from a résumé, and what it could not use.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Draft {
    /// Ratings for the framework's skills the résumé names, each of `low` confidence with the
    /// mapping as its evidence. A draft for the person to review, not a finished assessment.
    pub assessment: Assessment,
    /// The résumé's skills that matched no skill of the framework, by name (or first keyword
    /// for a skill with no name), in résumé order.
    pub unmatched: Vec<String>,
}

/// The parts of a JSON Resume read here; every other field is ignored.
#[derive(Deserialize)]
struct Resume {
    #[serde(default)]
    skills: Option<Vec<ResumeSkill>>,
}

#[derive(Deserialize)]
struct ResumeSkill {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    level: Option<String>,
    #[serde(default)]
    keywords: Option<Vec<String>>,
}

/// The most evidence items a draft rating carries.
const MAX_EVIDENCE: usize = 100;

/// The longest résumé text quoted in an evidence description, in characters.
const QUOTE: usize = 100;

/// The proficiency a résumé's level word stands for, `None` for a word not understood.
///
/// Case, surrounding space and `-`/`_` between words do not matter. The words, lowest first:
///
/// | proficiency | words |
/// |---|---|
/// | none | none, no experience |
/// | novice | beginner, novice, basic, elementary, entry level, familiar, fundamental, learning, junior, awareness |
/// | advanced beginner | advanced beginner, pre-intermediate, lower intermediate, some experience, fair |
/// | competent | intermediate, competent, good, working knowledge, mid-level, moderate, capable, solid, experienced |
/// | proficient | advanced, proficient, upper intermediate, strong, very good, senior, fluent |
/// | expert | expert, master, mastery, guru, excellent, native, authority |
///
/// Besides these, any form [`Proficiency`] parses (`competent`, `3`).
///
/// # Example
/// ```
/// use skillgauge::{Proficiency, import::proficiency_for_level_word};
///
/// assert_eq!(proficiency_for_level_word("Master"), Some(Proficiency::Expert));
/// assert_eq!(proficiency_for_level_word(" intermediate "), Some(Proficiency::Competent));
/// assert_eq!(proficiency_for_level_word("Advanced-Beginner"), Some(Proficiency::AdvancedBeginner));
/// assert_eq!(proficiency_for_level_word("wizard"), None);
/// ```
pub fn proficiency_for_level_word(word: &str) -> Option<Proficiency> {
    let normal = normalize(word);
    let p = match normal.as_str() {
        "none" | "no experience" => Proficiency::None,
        "beginner" | "novice" | "basic" | "basics" | "elementary" | "entry level" | "entry"
        | "familiar" | "fundamental" | "fundamentals" | "learning" | "junior" | "awareness" => {
            Proficiency::Novice
        }
        "advanced beginner" | "pre intermediate" | "lower intermediate" | "some experience"
        | "fair" => Proficiency::AdvancedBeginner,
        "intermediate" | "competent" | "good" | "working knowledge" | "mid level" | "mid"
        | "moderate" | "capable" | "solid" | "experienced" => Proficiency::Competent,
        "advanced" | "proficient" | "upper intermediate" | "strong" | "very good" | "senior"
        | "fluent" => Proficiency::Proficient,
        "expert" | "master" | "mastery" | "guru" | "excellent" | "native" | "authority" => {
            Proficiency::Expert
        }
        _ => return word.parse().ok(),
    };
    Some(p)
}

/// Lowercase, `-` and `_` as spaces, runs of white space as one space, trimmed.
fn normalize(text: &str) -> String {
    text.to_lowercase()
        .replace(['-', '_'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Drafts an assessment for `framework` from the `skills` of a JSON Resume.
///
/// Each résumé skill (`name`, `level`, `keywords`) is matched, by its name and by each of its
/// keywords, against every skill's name, id and keywords, ignoring case and treating `-`, `_`
/// and spaces alike. A match rates the skill at the résumé skill's level
/// ([`proficiency_for_level_word`]); a skill with no level, or a level not understood, is
/// rated `novice`, and the evidence says so. When several résumé skills match one skill, the
/// highest rating wins and every match is kept as evidence.
///
/// Every rating has `low` confidence and, as evidence of kind `other`, a description of the
/// mapping (`JSON Resume skill "Rust" at level "Advanced", read as proficient`): the draft is
/// what the résumé claims, for the person to confirm. The rest of the résumé is ignored.
///
/// # Errors
/// [`ImportErrorKind::Malformed`] with line and column for text that is not JSON,
/// [`ImportErrorKind::InvalidResume`] with line and column for JSON whose `skills` is not a
/// list of skills, [`ImportErrorKind::TooLarge`] over [`MAX_INPUT_BYTES`](super::MAX_INPUT_BYTES).
///
/// # Example
/// ```
/// use skillgauge::{Confidence, Framework, Proficiency, import};
///
/// let framework = Framework::backend_developer();
/// let json = r#"{ "skills": [
///     { "name": "Security", "level": "Advanced" },
///     { "name": "Knitting", "level": "Master" }
/// ] }"#;
/// let draft = import::resume(json.as_bytes(), framework.definition())?;
/// let security = &draft.assessment.ratings["security"];
/// assert_eq!(security.proficiency, Proficiency::Proficient);
/// assert_eq!(security.confidence, Some(Confidence::Low));
/// assert_eq!(draft.unmatched, ["Knitting"]);
/// # Ok::<(), skillgauge::import::ImportError>(())
/// ```
pub fn resume(json: &[u8], framework: &FrameworkDefinition) -> Result<Draft, ImportError> {
    check_size(json)?;
    let resume: Resume = serde_json::from_slice(json).map_err(|e| json_error(&e))?;

    // Every name, id and keyword of the framework, normalized, to the skills it names.
    let mut terms: BTreeMap<String, Vec<&Id>> = BTreeMap::new();
    for skill in &framework.skills {
        let names = [skill.name.as_str(), skill.id.as_str()];
        for term in names
            .into_iter()
            .chain(skill.keywords.iter().map(String::as_str))
        {
            let ids = terms.entry(normalize(term)).or_default();
            if !ids.contains(&&skill.id) {
                ids.push(&skill.id);
            }
        }
    }

    let mut ratings: BTreeMap<Id, Rating> = BTreeMap::new();
    let mut unmatched = Vec::new();
    for entry in resume.skills.unwrap_or_default() {
        let name = entry.name.as_deref().map(str::trim).unwrap_or_default();
        let keywords = entry.keywords.unwrap_or_default();
        let (proficiency, reading) = read_level(entry.level.as_deref());
        let mut matched = false;
        let candidates = std::iter::once((name, None))
            .chain(keywords.iter().map(|k| (k.trim(), Some(k.trim()))));
        for (term, keyword) in candidates {
            if term.is_empty() {
                continue;
            }
            let Some(ids) = terms.get(&normalize(term)) else {
                continue;
            };
            matched = true;
            let description = describe(name, keyword, &reading, proficiency);
            for id in ids {
                let rating = ratings.entry((*id).clone()).or_insert_with(|| {
                    let mut rating = Rating::from(proficiency);
                    rating.confidence = Some(Confidence::Low);
                    rating
                });
                rating.proficiency = rating.proficiency.max(proficiency);
                if rating.evidence.len() < MAX_EVIDENCE
                    && !rating.evidence.iter().any(|e| e.description == description)
                {
                    rating.evidence.push(Evidence {
                        kind: EvidenceKind::Other,
                        description: description.clone(),
                        url: None,
                    });
                }
            }
        }
        if !matched {
            let label = if name.is_empty() {
                keywords.iter().map(|k| k.trim()).find(|k| !k.is_empty())
            } else {
                Some(name)
            };
            if let Some(label) = label {
                unmatched.push(label.to_owned());
            }
        }
    }

    Ok(Draft {
        assessment: Assessment {
            framework: Some(framework.id.clone()),
            ratings,
            ..Assessment::default()
        },
        unmatched,
    })
}

/// The proficiency of a résumé level, and how it was read, for the evidence.
fn read_level(level: Option<&str>) -> (Proficiency, String) {
    match level.map(str::trim).filter(|l| !l.is_empty()) {
        None => (Proficiency::Novice, "with no level".to_owned()),
        Some(word) => match proficiency_for_level_word(word) {
            Some(p) => (p, format!("at level \"{}\"", quote(word))),
            None => (
                Proficiency::Novice,
                format!("at level \"{}\" (not understood)", quote(word)),
            ),
        },
    }
}

fn describe(name: &str, keyword: Option<&str>, reading: &str, p: Proficiency) -> String {
    let skill = if name.is_empty() {
        "JSON Resume skill".to_owned()
    } else {
        format!("JSON Resume skill \"{}\"", quote(name))
    };
    match keyword {
        Some(k) => format!(
            "{skill} (keyword \"{}\") {reading}, read as {}",
            quote(k),
            p.label()
        ),
        None => format!("{skill} {reading}, read as {}", p.label()),
    }
}

fn quote(text: &str) -> String {
    let mut quoted: String = text.chars().take(QUOTE).collect();
    if text.chars().nth(QUOTE).is_some() {
        quoted.push('…');
    }
    quoted
}

fn json_error(e: &serde_json::Error) -> ImportError {
    let kind = if e.is_data() {
        ImportErrorKind::InvalidResume {
            message: strip_position(&e.to_string()),
        }
    } else {
        ImportErrorKind::Malformed {
            format: "JSON",
            message: strip_position(&e.to_string()),
        }
    };
    if e.line() == 0 {
        ImportError::new(kind)
    } else {
        ImportError::at(kind, e.line() as u64, e.column() as u64)
    }
}

/// The JSON parser's message without its " at line L column C" tail, which the error carries apart.
fn strip_position(message: &str) -> String {
    let text = message
        .rfind(" at line ")
        .and_then(|i| message.get(..i))
        .unwrap_or(message);
    cut(text)
}
