//! Reading JSON and TOML into typed values, with errors that name the field, line and
//! column; bounded reads of files; and finding a field's line and column in a text, so that
//! errors found after parsing (validation) point into the text too.

use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::error::{Error, ErrorKind, Format};
use crate::limits::MAX_INPUT_BYTES;

/// The format of a file: TOML when its name ends in `.toml`, JSON otherwise.
pub(crate) fn format_of(path: &Path) -> Format {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
    {
        Format::Toml
    } else {
        Format::Json
    }
}

/// Reads a file as UTF-8 text, never holding more than [`MAX_INPUT_BYTES`] + 1 bytes: a
/// larger file (or an endless one such as `/dev/zero`) is refused at the limit.
pub(crate) fn read_file(path: &Path) -> Result<String, Error> {
    let io = |e: std::io::Error| {
        Error::from(ErrorKind::Io {
            source: Arc::new(e),
        })
    };
    let file = std::fs::File::open(path).map_err(io)?;
    read_bounded(file)
}

/// Reads a reader to the end, refusing more than [`MAX_INPUT_BYTES`].
pub(crate) fn read_bounded(reader: impl Read) -> Result<String, Error> {
    let io = |e: std::io::Error| {
        Error::from(ErrorKind::Io {
            source: Arc::new(e),
        })
    };
    let mut bytes = Vec::new();
    let limit = u64::try_from(MAX_INPUT_BYTES).unwrap_or(u64::MAX);
    reader.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(ErrorKind::InputTooLarge {
            max: MAX_INPUT_BYTES,
        }
        .into());
    }
    String::from_utf8(bytes).map_err(|e| {
        io(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("not UTF-8 text: {e}"),
        ))
    })
}

fn check_size(text: &str) -> Result<(), Error> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(ErrorKind::InputTooLarge {
            max: MAX_INPUT_BYTES,
        }
        .into());
    }
    Ok(())
}

/// Parses `text` in `format`.
pub(crate) fn from_text<T: DeserializeOwned>(format: Format, text: &str) -> Result<T, Error> {
    match format {
        Format::Json => from_json(text),
        Format::Toml => from_toml(text),
    }
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
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|err| {
        let field = path_string(err.path());
        json_error(field, err.inner())
    })?;
    de.end().map_err(|e| json_error(String::new(), &e))?;
    Ok(value)
}

pub(crate) fn from_json_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, Error> {
    expect_object(Format::Json, value.is_object())?;
    serde_path_to_error::deserialize(value).map_err(|err| {
        let field = path_string(err.path());
        json_error(field, err.inner())
    })
}

fn json_error(field: String, inner: &serde_json::Error) -> Error {
    let position = (inner.line() != 0).then(|| (inner.line(), inner.column().max(1)));
    let mut message = inner.to_string();
    // serde_json appends the position; it is carried in the error's position instead.
    if let Some(at) = message.rfind(" at line ") {
        message.truncate(at);
    }
    Error::from(ErrorKind::Parse {
        format: Format::Json,
        field,
        message,
    })
    .with_position(position)
}

pub(crate) fn from_toml<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    check_size(text)?;
    let text = without_bom(text);
    let de = toml::Deserializer::parse(text).map_err(|e| toml_error(text, String::new(), &e))?;
    serde_path_to_error::deserialize(de).map_err(|err| {
        let field = path_string(err.path());
        toml_error(text, field, err.inner())
    })
}

fn toml_error(text: &str, field: String, err: &toml::de::Error) -> Error {
    let position = err.span().map(|span| line_col(text, span.start));
    Error::from(ErrorKind::Parse {
        format: Format::Toml,
        field,
        message: toml_message(text, err),
    })
    .with_position(position)
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
    Err(ErrorKind::Parse {
        format,
        field: String::new(),
        message: "expected an object at the top level".to_owned(),
    }
    .into())
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

/// One step of a field path: `.key` or `[index]`.
#[derive(Debug, PartialEq)]
enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

/// Splits `skills[2].weight` into its segments.
fn segments(path: &str) -> Option<Vec<Segment<'_>>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = part.split_at(part.find('[').unwrap_or(part.len()));
        if !key.is_empty() {
            out.push(Segment::Key(key));
        }
        while let Some(inner) = rest.strip_prefix('[') {
            let end = inner.find(']')?;
            out.push(Segment::Index(inner[..end].parse().ok()?));
            rest = &inner[end + 1..];
        }
    }
    Some(out)
}

/// The line and column of `field` in `text`: of the key when the path ends in a key, of
/// the element when it ends in an index. `None` when the text does not have it.
pub(crate) fn locate(format: Format, text: &str, field: &str) -> Option<(usize, usize)> {
    let text = without_bom(text);
    let path = segments(field)?;
    if path.is_empty() {
        return None;
    }
    // A field the text leaves out (a step's missing `hours`, a requirement a level does not
    // list) points at the nearest enclosing field that is there.
    let offset = (1..=path.len()).rev().find_map(|n| match format {
        Format::Json => json_offset(text.as_bytes(), &path[..n]),
        Format::Toml => toml_offset(text, &path[..n]),
    })?;
    Some(line_col(text, offset))
}

fn toml_offset(text: &str, path: &[Segment<'_>]) -> Option<usize> {
    use toml::de::{DeTable, DeValue};
    let root = DeTable::parse(text).ok()?;
    let mut table = root.get_ref();
    let mut value: Option<&DeValue<'_>> = None;
    let mut span = 0;
    for segment in path {
        match (segment, value) {
            (Segment::Key(key), None) => {
                let (k, v) = table.iter().find(|(k, _)| k.get_ref().as_ref() == *key)?;
                span = k.span().start;
                value = Some(v.get_ref());
            }
            (Segment::Key(key), Some(DeValue::Table(t))) => {
                let (k, v) = t.iter().find(|(k, _)| k.get_ref().as_ref() == *key)?;
                span = k.span().start;
                value = Some(v.get_ref());
            }
            (Segment::Index(i), Some(DeValue::Array(items))) => {
                let item = items.get(*i)?;
                span = item.span().start;
                value = Some(item.get_ref());
            }
            _ => return None,
        }
        if let Some(DeValue::Table(t)) = value {
            table = t;
        }
    }
    Some(span)
}

/// A forgiving scanner over JSON text that `serde_json` has already accepted.
struct Scan<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Scan<'_> {
    fn skip_space(&mut self) {
        while self.bytes.get(self.at).is_some_and(u8::is_ascii_whitespace) {
            self.at += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn eat(&mut self, byte: u8) -> Option<()> {
        self.skip_space();
        (self.peek()? == byte).then(|| self.at += 1)
    }

    /// Reads a string, returning its raw content (escapes left as written).
    fn string(&mut self) -> Option<&[u8]> {
        self.eat(b'"')?;
        let start = self.at;
        loop {
            match self.peek()? {
                b'\\' => self.at += 2,
                b'"' => {
                    self.at += 1;
                    return self.bytes.get(start..self.at - 1);
                }
                _ => self.at += 1,
            }
        }
    }

    /// Skips one value, nested ones included, without recursion.
    fn skip_value(&mut self) -> Option<()> {
        self.skip_space();
        let mut depth = 0usize;
        loop {
            match self.peek()? {
                b'"' => {
                    self.string()?;
                }
                b'{' | b'[' => {
                    depth += 1;
                    self.at += 1;
                }
                b'}' | b']' => {
                    depth = depth.checked_sub(1)?;
                    self.at += 1;
                }
                b',' | b':' if depth > 0 => self.at += 1,
                b',' | b':' => return Some(()),
                _ => self.at += 1,
            }
            self.skip_space();
            if depth == 0 && matches!(self.peek(), None | Some(b',' | b'}' | b']')) {
                return Some(());
            }
        }
    }
}

fn json_offset(bytes: &[u8], path: &[Segment<'_>]) -> Option<usize> {
    let mut scan = Scan { bytes, at: 0 };
    let mut found = 0;
    for segment in path {
        match segment {
            Segment::Key(key) => {
                scan.eat(b'{')?;
                loop {
                    scan.skip_space();
                    let start = scan.at;
                    let matched = scan.string()? == key.as_bytes();
                    scan.eat(b':')?;
                    if matched {
                        found = start;
                        break;
                    }
                    scan.skip_value()?;
                    scan.eat(b',')?;
                }
            }
            Segment::Index(i) => {
                scan.eat(b'[')?;
                for _ in 0..*i {
                    scan.skip_value()?;
                    scan.eat(b',')?;
                }
                scan.skip_space();
                found = scan.at;
            }
        }
    }
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_split_into_keys_and_indices() {
        assert_eq!(
            segments("skills[2].weight"),
            Some(vec![
                Segment::Key("skills"),
                Segment::Index(2),
                Segment::Key("weight")
            ])
        );
        assert_eq!(
            segments("fit.decay[0]"),
            Some(vec![
                Segment::Key("fit"),
                Segment::Key("decay"),
                Segment::Index(0)
            ])
        );
    }

    #[test]
    fn fields_are_located_in_json_and_toml() {
        let json = "{\n  \"a\": [1, {\"x\": \"[,]\"}],\n  \"skills\": [\n    {\"id\": \"a\"},\n    {\"id\": \"b\", \"weight\": 0.0001}\n  ]\n}";
        assert_eq!(
            locate(Format::Json, json, "skills[1].weight"),
            Some((5, 17))
        );
        assert_eq!(locate(Format::Json, json, "skills[1]"), Some((5, 5)));
        assert_eq!(locate(Format::Json, json, "nothing"), None);
        let toml =
            "id = \"x\"\n\n[[skills]]\nid = \"a\"\n\n[[skills]]\nid = \"b\"\nweight = 0.0001\n";
        assert_eq!(locate(Format::Toml, toml, "skills[1].weight"), Some((8, 1)));
    }
}
