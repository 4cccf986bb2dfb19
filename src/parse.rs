//! Reading JSON and TOML into typed values with errors that name the field.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeOwned, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use crate::error::{Error, Format};
use crate::limits::MAX_INPUT_BYTES;

fn check_size(text: &str) -> Result<(), Error> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(Error::InputTooLarge {
            len: text.len(),
            max: MAX_INPUT_BYTES,
        });
    }
    Ok(())
}

fn path_string(path: &serde_path_to_error::Path) -> String {
    let mut text = path.to_string();
    // `?` marks a segment the parser had not read yet (a syntax error inside a map).
    while text == "?" || text.ends_with(".?") {
        text.truncate(text.len().saturating_sub(2));
    }
    if text == "." { String::new() } else { text }
}

pub(crate) fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    check_size(text)?;
    let text = without_bom(text);
    // Anything else that is not an object gets the parser's own error, with its position.
    expect_object(Format::Json, !text.trim_start().starts_with('['))?;
    let mut de = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(json_error)?;
    de.end().map_err(|e| json_parts(String::new(), &e))?;
    Ok(value)
}

pub(crate) fn from_json_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, Error> {
    expect_object(Format::Json, value.is_object())?;
    serde_path_to_error::deserialize(value).map_err(json_error)
}

#[allow(clippy::needless_pass_by_value)] // used as a `map_err` callback
fn json_error(err: serde_path_to_error::Error<serde_json::Error>) -> Error {
    json_parts(path_string(err.path()), err.inner())
}

fn json_parts(path: String, inner: &serde_json::Error) -> Error {
    let (line, column) = if inner.line() == 0 {
        (None, None)
    } else {
        (Some(inner.line()), Some(inner.column().max(1)))
    };
    let mut message = inner.to_string();
    // serde_json appends the position; it is carried in `line` and `column` instead.
    if let Some(at) = message.rfind(" at line ") {
        message.truncate(at);
    }
    Error::Parse {
        format: Format::Json,
        path,
        line,
        column,
        message,
    }
}

pub(crate) fn from_toml<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    check_size(text)?;
    let text = without_bom(text);
    let de = toml::Deserializer::parse(text).map_err(|e| toml_error(text, String::new(), &e))?;
    serde_path_to_error::deserialize(de).map_err(|err| {
        let path = path_string(err.path());
        toml_error(text, path, err.inner())
    })
}

fn toml_error(text: &str, path: String, err: &toml::de::Error) -> Error {
    let (line, column) = match err.span() {
        Some(span) => {
            let (l, c) = line_col(text, span.start);
            (Some(l), Some(c))
        }
        None => (None, None),
    };
    Error::Parse {
        format: Format::Toml,
        path,
        line,
        column,
        message: toml_message(text, err),
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (line, column)
}

/// Deserializes a fixed-size array, rejecting a list of any other length (a plain `[T; N]`
/// would silently drop extra TOML entries).
pub(crate) fn exact_array<'de, D, T, const N: usize>(deserializer: D) -> Result<[T; N], D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let items = Vec::<T>::deserialize(deserializer)?;
    let len = items.len();
    items.try_into().map_err(|_| {
        de::Error::custom(format_args!(
            "invalid length {len}, expected an array of length {N}"
        ))
    })
}

/// Deserializes a map, rejecting a key given twice (serde keeps the last one silently).
pub(crate) fn unique_map<'de, D, K, V>(deserializer: D) -> Result<BTreeMap<K, V>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Ord + fmt::Display,
    V: Deserialize<'de>,
{
    struct UniqueMap<K, V>(PhantomData<(K, V)>);

    impl<'de, K, V> Visitor<'de> for UniqueMap<K, V>
    where
        K: Deserialize<'de> + Ord + fmt::Display,
        V: Deserialize<'de>,
    {
        type Value = BTreeMap<K, V>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a map")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some(key) = map.next_key::<K>()? {
                if out.contains_key(&key) {
                    return Err(de::Error::custom(format_args!("duplicate key `{key}`")));
                }
                let value = map.next_value()?;
                out.insert(key, value);
            }
            Ok(out)
        }
    }

    deserializer.deserialize_map(UniqueMap(PhantomData))
}

/// Editors on Windows often start UTF-8 files with a byte-order mark; it is not content.
fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Rejects JSON whose top level is not an object: serde would otherwise accept a struct
/// written as an array of its fields in order.
fn expect_object(format: Format, is_object: bool) -> Result<(), Error> {
    if is_object {
        return Ok(());
    }
    Err(Error::Parse {
        format,
        path: String::new(),
        line: None,
        column: None,
        message: "expected an object at the top level".to_owned(),
    })
}

/// The TOML parser's message, naming the key of a `duplicate key` error.
fn toml_message(text: &str, err: &toml::de::Error) -> String {
    let message = err.message().trim();
    if message.starts_with("duplicate key")
        && let Some(key) = err.span().and_then(|span| text.get(span))
    {
        return format!("duplicate key `{}`", key.trim());
    }
    message.to_owned()
}
