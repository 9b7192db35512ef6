//! A CSV table with a header row: columns in any order and of any case,
//! columns starting `x_` left for users, a BOM and any line ends accepted,
//! and every problem reported with its line and column.

use std::collections::HashMap;
use std::path::Path;

use csv::ByteRecord;
use rustc_hash::{FxBuildHasher, FxHashMap};

use crate::ReferenceError;

/// The names a table knows and those it requires.
pub(crate) type Columns = (&'static [&'static str], &'static [&'static str]);

/// Reads a table: a header row, then records, each handed to `read` as a
/// [`Row`] of its readable, non-empty cells. Returns what `read` made of
/// the rows with no problem, or nothing when the header lacks a required
/// column; every problem is pushed onto `errors`, in file order. Rows are
/// read even under an incomplete header, so that their own problems come
/// out in the same pass.
pub(crate) fn read_table<T>(
    path: &Path,
    bytes: &[u8],
    columns: Columns,
    errors: &mut Vec<ReferenceError>,
    mut read: impl FnMut(&mut Row<'_>) -> Option<T>,
) -> Vec<T> {
    // A spreadsheet's "Unicode text": read as UTF-8, its header would be a
    // row of unknown columns with a zero byte between letters.
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        errors.push(ReferenceError::Utf16 {
            path: path.to_owned(),
        });
        return Vec::new();
    }
    let mut records = Records::new(without_bom(bytes));
    let problems_before = errors.len();
    let Some((line, record)) = records.next(path, None, errors) else {
        if errors.len() == problems_before {
            errors.push(ReferenceError::NoHeader {
                path: path.to_owned(),
                line: 1,
            });
        }
        return Vec::new();
    };
    let header = read_header(path, line, &record, columns, errors);
    let mut items = Vec::new();
    while let Some((line, record)) = records.next(path, Some(&header), errors) {
        let item = read_row(path, line, &header, &record, errors, &mut read);
        if let Some(item) = item.filter(|_| header.missing.is_empty()) {
            items.push(item);
        }
    }
    items
}

/// The records of a table with the lines they start on.
struct Records<'a> {
    records: std::iter::Peekable<csv::ByteRecordsIntoIter<&'a [u8]>>,
    lines: Lines<'a>,
}

impl<'a> Records<'a> {
    fn new(bytes: &'a [u8]) -> Records<'a> {
        Records {
            records: byte_records(bytes).peekable(),
            lines: Lines {
                bytes,
                byte: 0,
                line: 1,
            },
        }
    }

    /// The next record and its line; `None` at the end, or after a problem
    /// that leaves nothing to read, which is pushed onto `errors`.
    fn next(
        &mut self,
        path: &Path,
        header: Option<&Header>,
        errors: &mut Vec<ReferenceError>,
    ) -> Option<(u64, ByteRecord)> {
        let record = match self.records.next()? {
            Ok(record) => record,
            // Reading from memory leaves only I/O errors, which would repeat.
            Err(cause) => {
                errors.push(ReferenceError::Csv {
                    path: path.to_owned(),
                    line: self.lines.line,
                    cause,
                });
                return None;
            }
        };
        let line = self.lines.of(&record);
        // Only the last record can hold a quote never closed, since such a
        // cell runs to the end of the file.
        if self.records.peek().is_none() {
            if let Some((line, field)) = self.lines.unclosed_quote() {
                let column = header
                    .and_then(|header| header.names.get(field).cloned())
                    .unwrap_or_else(|| (field + 1).to_string());
                errors.push(ReferenceError::UnclosedQuote {
                    path: path.to_owned(),
                    line,
                    column,
                });
                return None;
            }
        }
        Some((line, record))
    }
}

fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// Every row of a table, header included. Flexible, because a ragged row
/// is reported by `read_row` and must not stop the rows after it; byte
/// records, so that bad UTF-8 is one cell's problem.
fn byte_records(bytes: &[u8]) -> csv::ByteRecordsIntoIter<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes)
        .into_byte_records()
}

/// The columns of a table as its header writes them, and every cell of
/// its `id` column; `None` when it has no header.
pub(crate) fn shape(bytes: &[u8]) -> Option<crate::Shape> {
    let mut records = byte_records(without_bom(bytes));
    let header = records.next()?.ok()?;
    let columns: Vec<String> = header
        .iter()
        .map(|name| String::from_utf8_lossy(name).trim().to_string())
        .collect();
    let id_at = columns
        .iter()
        .position(|name| name.eq_ignore_ascii_case("id"));
    let ids = records
        .flatten()
        .filter_map(|record| {
            let cell = record.get(id_at?)?;
            Some(String::from_utf8_lossy(cell).trim().to_string())
        })
        .collect();
    Some(crate::Shape { columns, ids })
}

/// Where each known column is.
pub(crate) struct Header {
    width: usize,
    /// Every column's name as read, to name a cell by its place.
    names: Vec<String>,
    /// The known columns by position, in column order, so that encoding
    /// problems come out as they appear.
    columns: Vec<(usize, &'static str)>,
    /// The required columns it lacks, reported once for the whole table.
    missing: Vec<&'static str>,
}

fn read_header(
    path: &Path,
    line: u64,
    record: &ByteRecord,
    (columns, required): Columns,
    errors: &mut Vec<ReferenceError>,
) -> Header {
    let names: Vec<String> = record
        .iter()
        .map(|raw| String::from_utf8_lossy(raw).trim().to_lowercase())
        .collect();
    let mut index = HashMap::new();
    for (i, name) in names.iter().enumerate() {
        if let Some(known) = columns.iter().copied().find(|known| known == name) {
            if index.contains_key(known) {
                errors.push(ReferenceError::DuplicateColumn {
                    path: path.to_owned(),
                    line,
                    column: name.clone(),
                });
            } else {
                index.insert(known, i);
            }
        } else if !name.starts_with("x_") {
            errors.push(ReferenceError::UnknownColumn {
                path: path.to_owned(),
                line,
                column: name.clone(),
            });
        }
    }
    let missing: Vec<&'static str> = required
        .iter()
        .copied()
        .filter(|column| !index.contains_key(column))
        .collect();
    for &column in &missing {
        errors.push(ReferenceError::MissingColumn {
            path: path.to_owned(),
            line,
            column,
        });
    }
    let mut columns: Vec<_> = index.into_iter().map(|(column, i)| (i, column)).collect();
    columns.sort_unstable();
    Header {
        width: record.len(),
        names,
        columns,
        missing,
    }
}

/// The lines records start on. csv's own positions point just past the
/// previous record, which is a line early after CRLF or blank lines.
struct Lines<'a> {
    bytes: &'a [u8],
    /// Where the last record looked up starts.
    byte: usize,
    line: u64,
}

impl Lines<'_> {
    fn of(&mut self, record: &ByteRecord) -> u64 {
        let mut start = record
            .position()
            .map_or(0, |position| position.byte() as usize);
        while matches!(self.bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if let Some(skipped) = self.bytes.get(self.byte..start) {
            self.line += line_breaks(skipped);
            self.byte = start;
        }
        self.line
    }

    /// Where the record last looked up opens a quoted cell that is never
    /// closed: the quote's line and the cell's index. csv reads such a cell
    /// to the end of the file without complaint, swallowing the rows after
    /// it. The states are csv's own (a quote opens a cell only at its start,
    /// and `""` inside one is a quote).
    fn unclosed_quote(&self) -> Option<(u64, usize)> {
        let record = self.bytes.get(self.byte..)?;
        let mut field = 0;
        let mut at_start = true;
        let mut open: Option<usize> = None;
        let mut bytes = record.iter().enumerate().peekable();
        while let Some((i, &byte)) = bytes.next() {
            if open.is_some() {
                if byte == b'"' && bytes.next_if(|(_, next)| **next == b'"').is_none() {
                    open = None;
                }
                continue;
            }
            match byte {
                b',' => {
                    field += 1;
                    at_start = true;
                    continue;
                }
                b'\r' | b'\n' => return None,
                b'"' if at_start => open = Some(i),
                _ => {}
            }
            at_start = false;
        }
        open.map(|quote| (self.line + line_breaks(&record[..quote]), field))
    }
}

/// The line breaks in `bytes`: LF, CRLF, or a lone CR as old Mac files
/// end lines (csv ends a record at each).
fn line_breaks(bytes: &[u8]) -> u64 {
    let mut breaks = 0;
    let mut after_cr = false;
    for &byte in bytes {
        if byte == b'\r' || (byte == b'\n' && !after_cr) {
            breaks += 1;
        }
        after_cr = byte == b'\r';
    }
    breaks
}

/// Reads one record with `read`, pushing its problems; `None` when there
/// are any.
fn read_row<'a, T>(
    path: &'a Path,
    line: u64,
    header: &'a Header,
    record: &'a ByteRecord,
    errors: &mut Vec<ReferenceError>,
    read: &mut impl FnMut(&mut Row<'a>) -> Option<T>,
) -> Option<T> {
    if record.len() != header.width {
        errors.push(ReferenceError::FieldCount {
            path: path.to_owned(),
            line,
            expected: header.width,
            found: record.len(),
        });
        return None;
    }
    let mut row = Row {
        path,
        line,
        cells: FxHashMap::with_capacity_and_hasher(header.columns.len(), FxBuildHasher),
        unreadable: Vec::new(),
        absent: &header.missing,
        errors: Vec::new(),
    };
    for &(i, column) in &header.columns {
        match std::str::from_utf8(&record[i]) {
            Ok(cell) if cell.trim().is_empty() => {}
            Ok(cell) => {
                row.cells.insert(column, cell.trim());
            }
            Err(_) => {
                row.unreadable.push(column);
                row.errors.push(ReferenceError::NotUtf8 {
                    path: path.to_owned(),
                    line,
                    column,
                });
            }
        }
    }
    let item = read(&mut row);
    let clean = row.errors.is_empty();
    errors.append(&mut row.errors);
    item.filter(|_| clean)
}

/// The readable, non-empty cells of one record and the problems found in it.
pub(crate) struct Row<'a> {
    pub(crate) path: &'a Path,
    pub(crate) line: u64,
    pub(crate) cells: FxHashMap<&'static str, &'a str>,
    pub(crate) unreadable: Vec<&'static str>,
    /// Required columns the header lacks, reported with the header.
    pub(crate) absent: &'a [&'static str],
    pub(crate) errors: Vec<ReferenceError>,
}

impl<'a> Row<'a> {
    pub(crate) fn cell(&self, column: &'static str) -> Option<&'a str> {
        self.cells.get(column).copied()
    }

    pub(crate) fn required(&mut self, column: &'static str) -> Option<&'a str> {
        let cell = self.cell(column);
        // A cell that is not UTF-8 is reported already, and is not empty;
        // a column the header lacks is reported once, with the header.
        if cell.is_none() && !self.unreadable.contains(&column) && !self.absent.contains(&column) {
            self.errors.push(row_error!(self, Empty { column }));
        }
        cell
    }
}
