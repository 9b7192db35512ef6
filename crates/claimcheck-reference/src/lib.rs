//! Reads the reference CSV of verified figures into validated [`Fact`]s.
//!
//! [`parse`] returns every valid fact and every problem found, in file
//! order; a row with any problem is left out, so one bad row never hides the
//! others. [`load`] reads the file first, and [`load_all`] reads several
//! as one reference. Each problem names the file, the line its row starts
//! on (a quoted cell may span lines) and, where one cell is to blame, its
//! column. `parse` takes any bytes and never panics, in time linear in
//! their length, so it can face a fuzzer as it is.
//!
//! # Format
//!
//! - UTF-8, with or without a BOM; a UTF-16 file is refused whole. A cell
//!   that is not UTF-8 is its row's problem. Lines end in LF, CRLF or CR.
//! - A header row is required; a header alone is an empty table. Column
//!   order is free; names are trimmed and matched case-insensitively. Known
//!   columns: `id`, `value`, `low`, `high`, `unit`, `keywords`, `tolerance`,
//!   `subject`, `source`, `as_of`; `id`, `value` and `unit` are required.
//!   Other columns must start with `x_` (kept for people, ignored here).
//!   When a required column is missing, no fact is read, but the rows are
//!   still checked for what they get wrong whatever that column holds.
//! - Every row has as many fields as the header. Cells are trimmed. A quote
//!   that opens a cell and is never closed is reported where it opens, as
//!   csv would read the rest of the file into that cell.
//! - `id`: unique.
//! - `unit`: alternatives separated by `|` (`troops|soldiers`). Exactly
//!   `date` makes a calendar date fact (`value`, `low`, `high` as
//!   `YYYY-MM-DD`), exactly `year` a calendar year fact (integer years). A
//!   first alternative that [`vocab::unit`] knows makes a measure, and every
//!   alternative must then be a unit of the same dimension; figures are
//!   written in the first alternative (`2` with `decades` is 20 years).
//!   Anything else is a counted noun, folded with [`vocab::fold_noun`].
//! - `value`, `low`, `high`: plain decimals (`6731`, `0.5`, `-3`) without
//!   separators. `low` and `high` are optional; a missing side is the
//!   value, except that a bound equal to the value with the other side
//!   missing leaves that side open (`6500` with `low` `6500` is at least
//!   6,500). A value with neither bound nor tolerance, written with zeros
//!   at the end (`13000`) or in a scale (`6.5` `million people`), is read
//!   as a figure a source reported: within 1% and half its last digit.
//!   In a row without a readable unit, a figure is checked only for being
//!   a decimal or a date.
//! - `tolerance`: `50` (in the first unit) or `5%` (of the value), making
//!   the interval value ± tolerance. Not together with `low` or `high`, and
//!   not on dates or years.
//! - `keywords`: groups separated by `;` that must all match, alternatives
//!   inside a group separated by `|` (`war;2020|six-week`). Words are kept
//!   in their [`vocab::word_key`] form, the form sentence words compare in.
//! - `subject`, `source`: free text. `as_of`: a `YYYY-MM-DD` date.
//! - `role`: `outcome`, `forecast`, `pledge` or `target`. When empty, a
//!   row whose id, subject or keywords name an expectation ("forecast",
//!   "pledge", "target": [`vocab::expectation`]) is one; otherwise it is an
//!   outcome.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::path::{Path, PathBuf};

use claimcheck_core::Fact;
use claimcheck_core::vocab::Synonyms;

/// A [`ReferenceError`] at the row's position.
macro_rules! row_error {
    ($row:expr, $variant:ident { $($field:tt)* }) => {
        ReferenceError::$variant { path: $row.path.to_owned(), line: $row.line, $($field)* }
    };
}

mod facts;
mod synonyms;
mod table;

/// A problem with the reference file. Data errors name the line and, where
/// one is to blame, the column.
#[derive(Debug, thiserror::Error)]
pub enum ReferenceError {
    // The cause is part of the message, not a `source`, so that it is
    // not printed twice when the error is shown with its chain.
    #[error("{path}: cannot read: {cause}")]
    Read {
        path: PathBuf,
        cause: std::io::Error,
    },
    #[error("{path}:{line}: cannot parse csv: {cause}")]
    Csv {
        path: PathBuf,
        line: u64,
        cause: csv::Error,
    },
    #[error("{path}:1: the file is UTF-16, not UTF-8: save it as UTF-8")]
    Utf16 { path: PathBuf },
    #[error("{path}:{line}: no header row")]
    NoHeader { path: PathBuf, line: u64 },
    #[error("{path}:{line}: unknown column `{column}` (extra columns must start with `x_`)")]
    UnknownColumn {
        path: PathBuf,
        line: u64,
        column: String,
    },
    #[error("{path}:{line}: column `{column}` appears more than once")]
    DuplicateColumn {
        path: PathBuf,
        line: u64,
        column: String,
    },
    #[error("{path}:{line}: missing required column `{column}`")]
    MissingColumn {
        path: PathBuf,
        line: u64,
        column: &'static str,
    },
    #[error("{path}:{line}: {found} fields, but the header has {expected}")]
    FieldCount {
        path: PathBuf,
        line: u64,
        expected: usize,
        found: usize,
    },
    #[error(
        "{path}:{line}: column `{column}`: the quote that opens this cell is never closed, so \
         the rest of the file is read into it"
    )]
    UnclosedQuote {
        path: PathBuf,
        line: u64,
        column: String,
    },
    #[error("{path}:{line}: column `{column}`: not valid UTF-8")]
    NotUtf8 {
        path: PathBuf,
        line: u64,
        column: &'static str,
    },
    #[error("{path}:{line}: column `{column}`: required, but empty")]
    Empty {
        path: PathBuf,
        line: u64,
        column: &'static str,
    },
    #[error("{path}:{line}: column `{column}`: `{id}` is already the id on line {first_line}")]
    DuplicateId {
        path: PathBuf,
        line: u64,
        column: &'static str,
        id: String,
        first_line: u64,
    },
    #[error(
        "{path}:{line}: column `{column}`: `{id}` is already the id on line {first_line} of \
         {first_path}"
    )]
    DuplicateIdAcrossFiles {
        path: PathBuf,
        line: u64,
        column: &'static str,
        id: String,
        first_path: PathBuf,
        first_line: u64,
    },
    #[error("{path}:{line}: column `{column}`: `{cell}` is not a number")]
    NotANumber {
        path: PathBuf,
        line: u64,
        column: &'static str,
        cell: String,
    },
    #[error(
        "{path}:{line}: column `{column}`: `{cell}` is not a number: separators are not allowed"
    )]
    Separator {
        path: PathBuf,
        line: u64,
        column: &'static str,
        cell: String,
    },
    #[error("{path}:{line}: column `{column}`: `{cell}` is not a valid YYYY-MM-DD date")]
    NotADate {
        path: PathBuf,
        line: u64,
        column: &'static str,
        cell: String,
    },
    #[error("{path}:{line}: column `{column}`: `{cell}` is not a year")]
    NotAYear {
        path: PathBuf,
        line: u64,
        column: &'static str,
        cell: String,
    },
    #[error("{path}:{line}: column `{column}`: `{cell}` is less than `low` (`{low}`)")]
    BelowLow {
        path: PathBuf,
        line: u64,
        column: &'static str,
        cell: String,
        low: String,
    },
    #[error("{path}:{line}: column `{column}`: `{cell}` is greater than `high` (`{high}`)")]
    AboveHigh {
        path: PathBuf,
        line: u64,
        column: &'static str,
        cell: String,
        high: String,
    },
    #[error(
        "{path}:{line}: column `{column}`: `{cell}` is not a tolerance (a number or percentage \
         of at least zero, such as `50` or `5%`)"
    )]
    BadTolerance {
        path: PathBuf,
        line: u64,
        column: &'static str,
        cell: String,
    },
    #[error(
        "{path}:{line}: column `{column}`: `{cell}` is not a role (one of outcome, forecast, \
         pledge, target, or empty)"
    )]
    UnknownRole {
        path: PathBuf,
        line: u64,
        column: &'static str,
        cell: String,
    },
    #[error("{path}:{line}: column `{column}`: not allowed on `{unit}` facts")]
    CalendarTolerance {
        path: PathBuf,
        line: u64,
        column: &'static str,
        unit: &'static str,
    },
    #[error("{path}:{line}: column `{column}`: not allowed together with `low` or `high`")]
    ToleranceWithBounds {
        path: PathBuf,
        line: u64,
        column: &'static str,
    },
    #[error("{path}:{line}: column `{column}`: `{cell}` has an empty {part}")]
    EmptyPart {
        path: PathBuf,
        line: u64,
        column: &'static str,
        cell: String,
        part: &'static str,
    },
    #[error("{path}:{line}: column `{column}`: `{cell}`: `date` takes no alternatives")]
    DateAlternatives {
        path: PathBuf,
        line: u64,
        column: &'static str,
        cell: String,
    },
    #[error(
        "{path}:{line}: column `{column}`: `{alternative}` is not a unit of the same dimension \
         as `{first}`"
    )]
    UnitDimension {
        path: PathBuf,
        line: u64,
        column: &'static str,
        alternative: String,
        first: String,
    },
}

/// Parses a reference CSV from any bytes. `path` is used only in messages.
/// Returns every valid fact (rows with any problem are left out) and every
/// problem found, in file order.
#[must_use]
pub fn parse(path: &Path, bytes: &[u8]) -> (Vec<Fact>, Vec<ReferenceError>) {
    facts::facts(path, bytes)
}

/// The shape of a reference CSV that rows are appended to: its columns as
/// its header writes them, and every id its rows hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shape {
    pub columns: Vec<String>,
    pub ids: std::collections::HashSet<String>,
}

/// The [`Shape`] of a reference CSV; `None` when it has no header row.
#[must_use]
pub fn shape(bytes: &[u8]) -> Option<Shape> {
    table::shape(bytes)
}

/// Reads and parses a file, as [`parse`] does.
///
/// # Errors
///
/// Only when the file cannot be read; problems in its content come back in
/// the `Vec`.
pub fn load(path: &Path) -> Result<(Vec<Fact>, Vec<ReferenceError>), ReferenceError> {
    Ok(parse(path, &read(path)?))
}

/// Reads several reference files as one, as [`load`] reads each: their
/// facts in file order, and their problems. An id may stand in one file
/// only; a row that repeats an earlier file's id is left out.
///
/// # Errors
///
/// Only when a file cannot be read.
pub fn load_all(paths: &[PathBuf]) -> Result<(Vec<Fact>, Vec<ReferenceError>), ReferenceError> {
    let mut facts = Vec::new();
    let mut problems = Vec::new();
    let mut first_seen: HashMap<String, (&Path, u64)> = HashMap::new();
    for path in paths {
        let (found, found_problems) = load(path)?;
        problems.extend(found_problems);
        for fact in found {
            match first_seen.entry(fact.id.clone()) {
                Entry::Occupied(first) => {
                    let (first_path, first_line) = *first.get();
                    problems.push(ReferenceError::DuplicateIdAcrossFiles {
                        path: path.clone(),
                        line: fact.line,
                        column: "id",
                        id: fact.id,
                        first_path: first_path.to_owned(),
                        first_line,
                    });
                }
                Entry::Vacant(first) => {
                    first.insert((path, fact.line));
                    facts.push(fact);
                }
            }
        }
    }
    Ok((facts, problems))
}

/// Parses a synonyms CSV: columns `noun` and `synonyms` (alternatives
/// separated by `|`), each row making the words count the same thing. The
/// groups are added to the built-in ones.
#[must_use]
pub fn parse_synonyms(path: &Path, bytes: &[u8]) -> (Synonyms, Vec<ReferenceError>) {
    synonyms::synonyms(path, bytes)
}

/// Reads and parses a synonyms file, as [`parse_synonyms`] does.
///
/// # Errors
///
/// Only when the file cannot be read.
pub fn load_synonyms(path: &Path) -> Result<(Synonyms, Vec<ReferenceError>), ReferenceError> {
    Ok(parse_synonyms(path, &read(path)?))
}

fn read(path: &Path) -> Result<Vec<u8>, ReferenceError> {
    std::fs::read(path).map_err(|cause| ReferenceError::Read {
        path: path.to_owned(),
        cause,
    })
}

#[cfg(test)]
mod tests;
