use std::fmt;
use std::str::FromStr;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use strum::{EnumCount, EnumIter, IntoStaticStr};

/// The one rating scale, after the Dreyfus model of skill acquisition: 0 (`none`) to 5 (`expert`).
///
/// Ordered, so `Proficiency::Competent > Proficiency::Novice`. The wire form (serde,
/// [`Display`](fmt::Display)) is the `snake_case` name. Reading has one grammar, shared by
/// [`FromStr`], deserializing a string and the questionnaire: the name in any ASCII case, with a
/// space or a dash allowed for the underscore, or a single digit 0–5, surrounding whitespace
/// ignored. Deserializing also accepts the integer 0–5.
///
/// # Example
/// ```
/// use skillgauge::Proficiency;
///
/// let p: Proficiency = "competent".parse()?;
/// assert_eq!(p, Proficiency::Competent);
/// assert_eq!(p.as_u8(), 3);
/// assert_eq!(p.to_string(), "competent");
/// assert_eq!("Advanced Beginner".parse::<Proficiency>()?, Proficiency::AdvancedBeginner);
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

/// How much of the input a [`ParseProficiencyError`] keeps, in characters.
const INPUT_CHARS: usize = 80;

/// The longest name, `advanced_beginner`, in bytes (all names are ASCII).
const LONGEST_NAME: usize = 17;

/// The furthest a misspelling may be from a name, in edits, to be suggested.
const MAX_EDITS: usize = 2;

/// The shortest prefix of a name that is suggested as that name.
const MIN_PREFIX: usize = 3;

/// The error for a string that names no [`Proficiency`].
///
/// It keeps the text, trimmed and cut to 80 characters, and the proficiency it probably meant
/// when one name is close (a typo of at most two edits, or a unique prefix of at least three
/// letters).
///
/// # Example
/// ```
/// use skillgauge::Proficiency;
///
/// let err = "compitent".parse::<Proficiency>().unwrap_err();
/// assert_eq!(err.input(), "compitent");
/// assert_eq!(err.suggestion(), Some(Proficiency::Competent));
/// assert_eq!(
///     err.to_string(),
///     "unknown proficiency `compitent`: did you mean `competent`? \
///      expected one of none, novice, advanced_beginner, competent, proficient, expert or 0-5"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown proficiency `{input}`: {}expected one of none, novice, advanced_beginner, competent, proficient, expert or 0-5",
    DidYouMean(.suggestion)
)]
pub struct ParseProficiencyError {
    input: String,
    suggestion: Option<Proficiency>,
}

impl ParseProficiencyError {
    /// The text that did not parse, without surrounding whitespace, cut to its first 80
    /// characters.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// The proficiency the text probably meant, if one name is close to it.
    pub fn suggestion(&self) -> Option<Proficiency> {
        self.suggestion
    }
}

/// Writes `did you mean `name`? ` for a suggestion, nothing otherwise.
struct DidYouMean<'a>(&'a Option<Proficiency>);

impl fmt::Display for DidYouMean<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(p) => write!(f, "did you mean `{p}`? "),
            None => Ok(()),
        }
    }
}

/// The one proficiency grammar, shared by [`FromStr`], deserializing a string and the
/// questionnaire.
///
/// Accepted, after trimming surrounding whitespace:
/// - the `snake_case` name (`none`, `novice`, `advanced_beginner`, `competent`, `proficient`,
///   `expert`), in any ASCII case, with a space or a dash allowed in place of the underscore;
/// - a single digit from 0 to 5.
///
/// Anything else is a [`ParseProficiencyError`], with a suggestion when one name is close.
///
/// # Example
/// ```
/// use skillgauge::Proficiency;
///
/// for text in [
///     "advanced_beginner",
///     "Advanced Beginner",
///     "advanced-beginner",
///     "ADVANCED_BEGINNER",
///     "  advanced beginner\n",
///     "2",
///     " 2 ",
/// ] {
///     assert_eq!(text.parse::<Proficiency>()?, Proficiency::AdvancedBeginner);
/// }
/// for text in ["+2", "002", "2.0", "6", "-1", "advancedbeginner", ""] {
///     assert!(text.parse::<Proficiency>().is_err(), "{text:?}");
/// }
/// let err = "advancedbeginner".parse::<Proficiency>().unwrap_err();
/// assert_eq!(err.suggestion(), Some(Proficiency::AdvancedBeginner));
/// // Display writes the name back, so it always parses again.
/// assert_eq!(Proficiency::AdvancedBeginner.to_string(), "advanced_beginner");
/// # Ok::<(), skillgauge::ParseProficiencyError>(())
/// ```
impl FromStr for Proficiency {
    type Err = ParseProficiencyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let text = s.trim();
        let digit = match text.as_bytes() {
            [d @ b'0'..=b'5'] => Proficiency::from_u8(d - b'0'),
            _ => None,
        };
        digit
            .or_else(|| {
                Proficiency::ALL
                    .into_iter()
                    .find(|p| same_name(text, p.as_str()))
            })
            .ok_or_else(|| ParseProficiencyError {
                input: text.chars().take(INPUT_CHARS).collect(),
                suggestion: suggest(text),
            })
    }
}

/// Whether `text` is `name` in any ASCII case, with a space or a dash allowed for each `_`.
fn same_name(text: &str, name: &str) -> bool {
    // Names are ASCII, so comparing bytes is exact: no byte of a non-ASCII character matches.
    text.len() == name.len()
        && text
            .bytes()
            .zip(name.bytes())
            .all(|(t, n)| t.to_ascii_lowercase() == n || (n == b'_' && matches!(t, b' ' | b'-')))
}

/// The proficiency a trimmed, unparsable text probably meant: the only name it is a prefix of
/// (at least three letters), else the only nearest name within two edits. The text is
/// normalised as for [`same_name`] first.
fn suggest(text: &str) -> Option<Proficiency> {
    // Anything longer than the longest name plus the edits allowed is too far from every name;
    // this also bounds the work for long input.
    let mut normal = Vec::with_capacity(LONGEST_NAME + MAX_EDITS + 1);
    for c in text.chars() {
        normal.push(match c.to_ascii_lowercase() {
            ' ' | '-' => '_',
            c => c,
        });
        if normal.len() > LONGEST_NAME + MAX_EDITS {
            return None;
        }
    }
    let names: Vec<(Proficiency, Vec<char>)> = Proficiency::ALL
        .into_iter()
        .map(|p| (p, p.as_str().chars().collect()))
        .collect();

    if normal.len() >= MIN_PREFIX {
        let mut prefixed = names.iter().filter(|(_, name)| name.starts_with(&normal));
        if let (Some(&(p, _)), None) = (prefixed.next(), prefixed.next()) {
            return Some(p);
        }
    }

    let distances: Vec<(Proficiency, usize)> = names
        .iter()
        .map(|(p, name)| (*p, edit_distance(&normal, name)))
        .collect();
    let best = distances.iter().map(|&(_, d)| d).min()?;
    // An edit for every character is a guess, not a typo ("no" is two edits from `none`).
    if best > MAX_EDITS || best >= normal.len() {
        return None;
    }
    let mut nearest = distances.iter().filter(|&&(_, d)| d == best);
    match (nearest.next(), nearest.next()) {
        (Some(&(p, _)), None) => Some(p),
        _ => None,
    }
}

/// The optimal string alignment distance: the fewest insertions, deletions, substitutions and
/// swaps of neighbouring characters that turn `a` into `b`.
pub(crate) fn edit_distance(a: &[char], b: &[char]) -> usize {
    // Three rows of the table: for the prefix of `a` two characters back, one back, and now.
    let mut two_back = vec![0; b.len() + 1];
    let mut one_back: Vec<usize> = (0..=b.len()).collect();
    let mut row = vec![0; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitute = one_back[j] + usize::from(ca != cb);
            let mut best = substitute.min(one_back[j + 1] + 1).min(row[j] + 1);
            if i > 0 && j > 0 && ca == b[j - 1] && a[i - 1] == cb {
                best = best.min(two_back[j - 1] + 1);
            }
            row[j + 1] = best;
        }
        std::mem::swap(&mut two_back, &mut one_back);
        std::mem::swap(&mut one_back, &mut row);
    }
    one_back[b.len()]
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

    /// The same grammar as [`FromStr`], and the same message on error.
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Proficiency, E> {
        v.parse().map_err(E::custom)
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

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn edit_distance_counts_edits_and_swaps() {
        let cases = [
            ("", "", 0),
            ("", "none", 4),
            ("none", "", 4),
            ("none", "none", 0),
            ("compitent", "competent", 1),
            ("cmopetent", "competent", 1),
            ("competnet", "competent", 1),
            ("exprt", "expert", 1),
            ("expertt", "expert", 1),
            ("none", "novice", 3),
            ("kitten", "sitting", 3),
            ("ca", "abc", 3),
        ];
        for (a, b, d) in cases {
            assert_eq!(edit_distance(&chars(a), &chars(b)), d, "{a:?} {b:?}");
            assert_eq!(edit_distance(&chars(b), &chars(a)), d, "{b:?} {a:?}");
        }
    }

    #[test]
    fn names_are_ascii_and_no_longer_than_the_bound() {
        for p in Proficiency::ALL {
            assert!(p.as_str().is_ascii());
            assert!(p.as_str().len() <= LONGEST_NAME);
        }
        assert!(
            Proficiency::ALL
                .iter()
                .any(|p| p.as_str().len() == LONGEST_NAME)
        );
    }
}
