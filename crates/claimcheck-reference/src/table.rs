//! A CSV table with a header row: columns in any order and of any case,
//! columns starting `x_` left for users, a BOM and CRLF accepted, and every
//! problem reported with its line and column.

use std::collections::HashMap;
use std::path::Path;

use csv::ByteRecord;
use rustc_hash::{FxBuildHasher, FxHashMap};

use crate::ReferenceError;

/// The names a table knows and those it requires.
pub(crate) type Columns = (&'static [&'static str], &'static [&'static str]);

/// Reads a table: a header row, then records, each handed to `read` as a
/// [`Row`] of its readable, non-empty cells. Returns what `read` made of
/// the rows with no problem; every problem is pushed onto `errors`, in file
/// order.
pub(crate) fn read_table<T>(
    path: &Path,
    bytes: &[u8],
    columns: Columns,
    errors: &mut Vec<ReferenceError>,
    mut read: impl FnMut(&mut Row<'_>) -> Option<T>,
) -> Vec<T> {
    let bytes = without_bom(bytes);
    let mut records = byte_records(bytes);
    let mut lines = Lines {
        bytes,
        byte: 0,
        line: 1,
    };
    let header = match records.next() {
        Some(Ok(record)) => read_header(path, lines.of(&record), &record, columns, errors),
        Some(Err(source)) => {
            errors.push(ReferenceError::Csv {
                path: path.to_owned(),
                line: 1,
                cause: source,
            });
            None
        }
        None => {
            errors.push(ReferenceError::NoHeader {
                path: path.to_owned(),
                line: 1,
            });
            None
        }
    };
    let Some(header) = header else {
        return Vec::new();
    };
    let mut items = Vec::new();
    for record in records {
        match record {
            Ok(record) => {
                let line = lines.of(&record);
                if let Some(item) = read_row(path, line, &header, &record, errors, &mut read) {
                    items.push(item);
                }
            }
            // Reading from memory leaves only I/O errors, which would repeat.
            Err(source) => {
                errors.push(ReferenceError::Csv {
                    path: path.to_owned(),
                    line: lines.line,
                    cause: source,
                });
                break;
            }
        }
    }
    items
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
    /// The known columns by position, in column order, so that encoding
    /// problems come out as they appear.
    columns: Vec<(usize, &'static str)>,
}

fn read_header(
    path: &Path,
    line: u64,
    record: &ByteRecord,
    (columns, required): Columns,
    errors: &mut Vec<ReferenceError>,
) -> Option<Header> {
    let mut index = HashMap::new();
    for (i, raw) in record.iter().enumerate() {
        let name = String::from_utf8_lossy(raw).trim().to_lowercase();
        if let Some(known) = columns.iter().copied().find(|known| *known == name) {
            if index.contains_key(known) {
                errors.push(ReferenceError::DuplicateColumn {
                    path: path.to_owned(),
                    line,
                    column: name,
                });
            } else {
                index.insert(known, i);
            }
        } else if !name.starts_with("x_") {
            errors.push(ReferenceError::UnknownColumn {
                path: path.to_owned(),
                line,
                column: name,
            });
        }
    }
    let mut complete = true;
    for &column in required {
        if !index.contains_key(column) {
            errors.push(ReferenceError::MissingColumn {
                path: path.to_owned(),
                line,
                column,
            });
            complete = false;
        }
    }
    let mut columns: Vec<_> = index.into_iter().map(|(column, i)| (i, column)).collect();
    columns.sort_unstable();
    complete.then_some(Header {
        width: record.len(),
        columns,
    })
}

/// The lines records start on. csv's own positions point just past the
/// previous record, which is a line early after CRLF or blank lines.
struct Lines<'a> {
    bytes: &'a [u8],
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
            #[expect(
                clippy::naive_bytecount,
                reason = "one record at a time is too little for a crate"
            )]
            let newlines = skipped.iter().filter(|b| **b == b'\n').count();
            self.line += newlines as u64;
            self.byte = start;
        }
        self.line
    }
}

/// Reads one record with `read`, pushing its problems; `None` when there
/// are any.
fn read_row<'a, T>(
    path: &'a Path,
    line: u64,
    header: &Header,
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
    pub(crate) errors: Vec<ReferenceError>,
}

impl<'a> Row<'a> {
    pub(crate) fn cell(&self, column: &'static str) -> Option<&'a str> {
        self.cells.get(column).copied()
    }

    pub(crate) fn required(&mut self, column: &'static str) -> Option<&'a str> {
        let cell = self.cell(column);
        // A cell that is not UTF-8 is reported already, and is not empty.
        if cell.is_none() && !self.unreadable.contains(&column) {
            self.errors.push(row_error!(self, Empty { column }));
        }
        cell
    }
}
