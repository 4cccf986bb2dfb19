//! Delimited text (O*NET's TSV, ESCO's CSV) read row by row, with columns found by header name
//! and every error placed at its line and column.

use csv::{ReaderBuilder, StringRecord, StringRecordsIntoIter};

use super::{ImportError, ImportErrorKind, check_size};

/// The flavour of delimited text.
#[derive(Clone, Copy)]
pub(crate) enum Dialect {
    /// Tab-separated, no quoting (O*NET's text files).
    Tsv,
    /// Comma-separated, fields quoted with `"` where they hold commas or line breaks (ESCO).
    Csv,
}

impl Dialect {
    fn name(self) -> &'static str {
        match self {
            Dialect::Tsv => "TSV",
            Dialect::Csv => "CSV",
        }
    }
}

/// A table being read: its header, then its rows on demand.
pub(crate) struct Table<'a> {
    header: StringRecord,
    header_line: u64,
    rows: StringRecordsIntoIter<&'a [u8]>,
    dialect: Dialect,
    lines: Lines<'a>,
}

/// Turns the byte offsets the CSV reader gives into line numbers. The reader's own line
/// numbers lag behind on `\r\n` line ends and skipped blank lines, so lines are counted
/// here: a record starts at its offset past any line breaks, and `\n`, `\r\n` and a lone
/// `\r` each end a line.
struct Lines<'a> {
    bytes: &'a [u8],
    cursor: usize,
    line: u64,
}

impl Lines<'_> {
    /// The 1-based line of the record the reader places at byte `offset`. Offsets must not
    /// decrease from one call to the next.
    fn line_at(&mut self, offset: u64) -> u64 {
        let mut start = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        while matches!(self.bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        while self.cursor < start {
            match self.bytes.get(self.cursor) {
                Some(b'\n') => self.line += 1,
                Some(b'\r') if self.bytes.get(self.cursor + 1) != Some(&b'\n') => self.line += 1,
                _ => {}
            }
            self.cursor += 1;
        }
        self.line
    }
}

/// One row of a table.
pub(crate) struct Row {
    record: StringRecord,
    line: u64,
}

/// A column found in the header: its index and its header name.
#[derive(Clone, Copy)]
pub(crate) struct Column {
    index: usize,
    name: &'static str,
}

impl<'a> Table<'a> {
    /// Opens `bytes` and reads the header row. An input with no rows at all has an empty header,
    /// so the first column asked for is reported missing.
    pub(crate) fn open(bytes: &'a [u8], dialect: Dialect) -> Result<Table<'a>, ImportError> {
        check_size(bytes)?;
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let mut builder = ReaderBuilder::new();
        builder.has_headers(false).flexible(true);
        match dialect {
            Dialect::Tsv => builder.delimiter(b'\t').quoting(false),
            Dialect::Csv => builder.delimiter(b','),
        };
        let mut rows = builder.from_reader(bytes).into_records();
        let mut lines = Lines {
            bytes,
            cursor: 0,
            line: 1,
        };
        let (header, header_line) = match rows.next() {
            None => (StringRecord::new(), 1),
            Some(record) => {
                let record = record.map_err(|e| csv_error(&e, dialect, &mut lines))?;
                let line = line_of(&record, &mut lines);
                (record, line)
            }
        };
        Ok(Table {
            header,
            header_line,
            rows,
            dialect,
            lines,
        })
    }

    /// The column whose header is `name` (ASCII case and surrounding space ignored), if any.
    pub(crate) fn find(&self, name: &'static str) -> Option<Column> {
        self.header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
            .map(|index| Column { index, name })
    }

    /// The column whose header is `name`, or an error placed just after the last header field.
    pub(crate) fn require(&self, name: &'static str) -> Result<Column, ImportError> {
        self.find(name).ok_or_else(|| {
            ImportError::at(
                ImportErrorKind::MissingColumn {
                    name: name.to_owned(),
                },
                self.header_line,
                self.header.len() as u64 + 1,
            )
        })
    }

    /// The next row, `None` at the end.
    pub(crate) fn next_row(&mut self) -> Option<Result<Row, ImportError>> {
        let record = match self.rows.next()? {
            Ok(record) => record,
            Err(e) => return Some(Err(csv_error(&e, self.dialect, &mut self.lines))),
        };
        let line = line_of(&record, &mut self.lines);
        Some(Ok(Row { record, line }))
    }
}

impl Row {
    /// The 1-based line the row starts on.
    pub(crate) fn line(&self) -> u64 {
        self.line
    }

    /// The field in `column`, trimmed, or an error when the row is too short.
    pub(crate) fn get(&self, column: Column) -> Result<&str, ImportError> {
        self.record.get(column.index).map(str::trim).ok_or_else(|| {
            self.error(
                column,
                ImportErrorKind::MissingField {
                    name: column.name.to_owned(),
                },
            )
        })
    }

    /// The field in `column`, trimmed, or an error when the row is too short or it is empty.
    pub(crate) fn non_empty(&self, column: Column) -> Result<&str, ImportError> {
        let value = self.get(column)?;
        if value.is_empty() {
            return Err(self.error(
                column,
                ImportErrorKind::EmptyField {
                    name: column.name.to_owned(),
                },
            ));
        }
        Ok(value)
    }

    /// The field in an optional column: empty when the table has no such column or the row
    /// stops short of it.
    pub(crate) fn optional(&self, column: Option<Column>) -> &str {
        column
            .and_then(|c| self.record.get(c.index))
            .map_or("", str::trim)
    }

    /// An error about the field in `column` of this row.
    pub(crate) fn error(&self, column: Column, kind: ImportErrorKind) -> ImportError {
        ImportError::at(kind, self.line, column.index as u64 + 1)
    }
}

impl Column {
    /// The column's header name.
    pub(crate) fn name(self) -> &'static str {
        self.name
    }

    /// The column's 0-based index.
    pub(crate) fn index(self) -> usize {
        self.index
    }
}

fn line_of(record: &StringRecord, lines: &mut Lines<'_>) -> u64 {
    record
        .position()
        .map_or(lines.line, |p| lines.line_at(p.byte()))
}

fn csv_error(error: &csv::Error, dialect: Dialect, lines: &mut Lines<'_>) -> ImportError {
    if let csv::ErrorKind::Utf8 { pos, err } = error.kind() {
        return ImportError::at(
            ImportErrorKind::InvalidUtf8,
            pos.as_ref().map_or(lines.line, |p| lines.line_at(p.byte())),
            err.field() as u64 + 1,
        );
    }
    let kind = ImportErrorKind::Malformed {
        format: dialect.name(),
        message: error.to_string(),
    };
    ImportError {
        line: error.position().map(|p| lines.line_at(p.byte())),
        ..ImportError::new(kind)
    }
}
