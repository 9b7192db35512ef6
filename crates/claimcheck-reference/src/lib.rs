//! Reads the reference CSV of verified figures into validated [`Fact`]s.
//!
//! [`parse`] returns every valid fact and every problem found, in file
//! order; a row with any problem is left out, so one bad row never hides the
//! others. [`load`] reads the file first.
//!
//! # Format
//!
//! - A header row is required. Column order is free; names are trimmed and
//!   matched case-insensitively. Known columns: `id`, `value`, `low`, `high`,
//!   `unit`, `keywords`, `tolerance`, `subject`, `source`, `as_of`; `id`,
//!   `value` and `unit` are required. Other columns must start with `x_`
//!   (kept for people, ignored here). A UTF-8 BOM and CRLF are accepted.
//! - Every row has as many fields as the header. Cells are trimmed.
//! - `id`: unique.
//! - `unit`: alternatives separated by `|` (`troops|soldiers`). Exactly
//!   `date` makes a calendar date fact (`value`, `low`, `high` as
//!   `YYYY-MM-DD`), exactly `year` a calendar year fact (integer years). A
//!   first alternative that [`vocab::unit`] knows makes a measure, and every
//!   alternative must then be a unit of the same dimension; figures are
//!   written in the first alternative (`2` with `decades` is 20 years).
//!   Anything else is a counted noun, folded with [`vocab::fold_noun`].
//! - `value`, `low`, `high`: plain decimals (`6731`, `0.5`, `-3`) without
//!   separators. `low` and `high` are optional; a missing side is the value.
//! - `tolerance`: `50` (in the first unit) or `5%` (of the value), making
//!   the interval value ± tolerance. Not together with `low` or `high`, and
//!   not on dates or years.
//! - `keywords`: groups separated by `;` that must all match, alternatives
//!   inside a group separated by `|` (`war;2020|six-week`). Words are kept
//!   in their [`vocab::word_key`] form, the form sentence words compare in.
//! - `subject`, `source`: free text. `as_of`: a `YYYY-MM-DD` date.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use claimcheck_core::calendar::{self, Date};
use claimcheck_core::{Base, Dimension, Fact, Interval, Kind, vocab};
use csv::ByteRecord;

/// A problem with the reference file. Data errors name the line and, where
/// one is to blame, the column.
#[derive(Debug, thiserror::Error)]
pub enum ReferenceError {
    #[error("{path}: cannot read: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}: cannot parse csv: {source}")]
    Csv {
        path: PathBuf,
        line: u64,
        source: csv::Error,
    },
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

/// Parses a reference CSV. `path` is used only in messages. Returns every
/// valid fact (rows with any problem are left out) and every problem found,
/// in file order.
#[must_use]
pub fn parse(path: &Path, bytes: &[u8]) -> (Vec<Fact>, Vec<ReferenceError>) {
    let mut errors = Vec::new();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Flexible, because a ragged row is reported by `read_row` and must not
    // stop the rows after it; byte records, so that bad UTF-8 is one cell's
    // problem.
    let mut records = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes)
        .into_byte_records();
    let mut lines = Lines {
        bytes,
        byte: 0,
        line: 1,
    };
    let header = match records.next() {
        Some(Ok(record)) => read_header(path, lines.of(&record), &record, &mut errors),
        Some(Err(source)) => {
            errors.push(ReferenceError::Csv {
                path: path.to_owned(),
                line: 1,
                source,
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
        return (Vec::new(), errors);
    };
    let mut facts = Vec::new();
    let mut ids = HashMap::new();
    for record in records {
        match record {
            Ok(record) => {
                let line = lines.of(&record);
                if let Some(fact) = read_row(path, line, &header, &record, &mut ids, &mut errors) {
                    facts.push(fact);
                }
            }
            // Reading from memory leaves only I/O errors, which would repeat.
            Err(source) => {
                errors.push(ReferenceError::Csv {
                    path: path.to_owned(),
                    line: lines.line,
                    source,
                });
                break;
            }
        }
    }
    (facts, errors)
}

/// Reads and parses a file, as [`parse`] does.
///
/// # Errors
///
/// Only when the file cannot be read; problems in its content come back in
/// the `Vec`.
pub fn load(path: &Path) -> Result<(Vec<Fact>, Vec<ReferenceError>), ReferenceError> {
    let bytes = std::fs::read(path).map_err(|source| ReferenceError::Read {
        path: path.to_owned(),
        source,
    })?;
    Ok(parse(path, &bytes))
}

const COLUMNS: [&str; 10] = [
    "id",
    "value",
    "low",
    "high",
    "unit",
    "keywords",
    "tolerance",
    "subject",
    "source",
    "as_of",
];
const REQUIRED: [&str; 3] = ["id", "value", "unit"];

/// Where each known column is.
struct Header {
    width: usize,
    index: HashMap<&'static str, usize>,
}

fn read_header(
    path: &Path,
    line: u64,
    record: &ByteRecord,
    errors: &mut Vec<ReferenceError>,
) -> Option<Header> {
    let mut index = HashMap::new();
    for (i, raw) in record.iter().enumerate() {
        let name = String::from_utf8_lossy(raw).trim().to_lowercase();
        if let Some(known) = COLUMNS.into_iter().find(|known| *known == name) {
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
    for column in REQUIRED {
        if !index.contains_key(column) {
            errors.push(ReferenceError::MissingColumn {
                path: path.to_owned(),
                line,
                column,
            });
            complete = false;
        }
    }
    complete.then_some(Header {
        width: record.len(),
        index,
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

/// Reads one record, pushing its problems; `None` when there are any.
fn read_row(
    path: &Path,
    line: u64,
    header: &Header,
    record: &ByteRecord,
    ids: &mut HashMap<String, u64>,
    errors: &mut Vec<ReferenceError>,
) -> Option<Fact> {
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
        cells: HashMap::new(),
        unreadable: Vec::new(),
        errors: Vec::new(),
    };
    // In column order, so that encoding problems come out as they appear.
    let mut columns: Vec<_> = header
        .index
        .iter()
        .map(|(column, i)| (*i, *column))
        .collect();
    columns.sort_unstable();
    for (i, column) in columns {
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
    let fact = row.fact(ids);
    errors.append(&mut row.errors);
    fact
}

/// A [`ReferenceError`] at the row's position.
macro_rules! row_error {
    ($row:expr, $variant:ident { $($field:tt)* }) => {
        ReferenceError::$variant { path: $row.path.to_owned(), line: $row.line, $($field)* }
    };
}

/// How `value`, `low` and `high` are written.
#[derive(Clone, Copy, PartialEq)]
enum Syntax {
    Decimal,
    Date,
    Year,
}

/// What the `unit` column makes of a fact.
enum FactUnit {
    Date,
    Year,
    Measure(&'static vocab::Unit, Vec<String>),
    Count(Vec<String>),
}

enum Tolerance {
    Absolute(f64),
    Relative(f64),
}

/// The readable, non-empty cells of one record and the problems found in it.
struct Row<'a> {
    path: &'a Path,
    line: u64,
    cells: HashMap<&'static str, &'a str>,
    unreadable: Vec<&'static str>,
    errors: Vec<ReferenceError>,
}

impl<'a> Row<'a> {
    fn cell(&self, column: &'static str) -> Option<&'a str> {
        self.cells.get(column).copied()
    }

    fn required(&mut self, column: &'static str) -> Option<&'a str> {
        let cell = self.cell(column);
        // A cell that is not UTF-8 is reported already, and is not empty.
        if cell.is_none() && !self.unreadable.contains(&column) {
            self.errors.push(row_error!(self, Empty { column }));
        }
        cell
    }

    fn fact(&mut self, ids: &mut HashMap<String, u64>) -> Option<Fact> {
        let id = self.id(ids);
        let unit_cell = self.required("unit");
        let unit = unit_cell.and_then(|cell| self.unit(cell));
        let syntax = unit_cell.map_or(Syntax::Decimal, syntax_of);
        let value = self
            .required("value")
            .and_then(|_| self.number("value", syntax));
        // A bound that does not parse counts as absent here: it is reported
        // already, and an absent side is the value, so it adds no false error.
        let low = self.number("low", syntax);
        let high = self.number("high", syntax);
        self.check_bounds(value, low, high);
        let tolerance = self.tolerance(syntax);
        let keywords = self.keywords();
        let as_of = self.cell("as_of");
        if let Some(cell) = as_of {
            if parse_date(cell).is_none() {
                self.errors.push(row_error!(
                    self,
                    NotADate {
                        column: "as_of",
                        cell: cell.to_owned()
                    }
                ));
            }
        }
        if !self.errors.is_empty() {
            return None;
        }
        let (id, unit, value) = (id?, unit?, value?);
        let low = low.unwrap_or(value);
        let high = high.unwrap_or(value);
        let interval = match tolerance {
            Some(Tolerance::Absolute(t)) => Interval::closed(value - t, value + t),
            Some(Tolerance::Relative(percent)) => {
                let t = value.abs() * percent / 100.0;
                Interval::closed(value - t, value + t)
            }
            None => Interval::closed(low, high),
        };
        let (kind, value, interval, units, base) = match unit {
            FactUnit::Date => {
                let base = Base {
                    dimension: Dimension::Calendar,
                    unit: "days".to_owned(),
                    interval,
                };
                (Kind::Date, value, interval, vec!["date".to_owned()], base)
            }
            FactUnit::Year => {
                // Both years were checked against the calendar when parsed.
                let first = calendar::year(low as i32)?.low?;
                let last = calendar::year(high as i32)?.high?;
                let base = Base {
                    dimension: Dimension::Calendar,
                    unit: "days".to_owned(),
                    interval: Interval {
                        low: Some(first),
                        high: Some(last),
                    },
                };
                (Kind::Year, value, interval, vec!["year".to_owned()], base)
            }
            FactUnit::Measure(unit, names) => {
                let interval = interval.map(|v| v * unit.scale);
                let base = Base {
                    dimension: unit.dimension,
                    unit: unit.base.to_owned(),
                    interval: interval.map(|v| unit.to_base(v)),
                };
                (unit.kind, value * unit.scale, interval, names, base)
            }
            FactUnit::Count(nouns) => {
                let base = Base {
                    dimension: Dimension::Count,
                    unit: nouns[0].clone(),
                    interval,
                };
                (Kind::Count, value, interval, nouns, base)
            }
        };
        Some(Fact {
            id,
            line: self.line,
            kind,
            value,
            interval,
            units,
            base,
            keywords,
            subject: self.cell("subject").map(str::to_owned),
            source: self.cell("source").map(str::to_owned),
            as_of: as_of.map(str::to_owned),
        })
    }

    fn id(&mut self, ids: &mut HashMap<String, u64>) -> Option<String> {
        let id = self.required("id")?;
        // The first row keeps the id even when it has other problems, so
        // that fixing those does not turn up a new duplicate.
        if let Some(&first_line) = ids.get(id) {
            self.errors.push(row_error!(
                self,
                DuplicateId {
                    column: "id",
                    id: id.to_owned(),
                    first_line,
                }
            ));
            return None;
        }
        ids.insert(id.to_owned(), self.line);
        Some(id.to_owned())
    }

    fn unit(&mut self, cell: &str) -> Option<FactUnit> {
        let column = "unit";
        let alternatives: Vec<String> = cell
            .split('|')
            .map(|alt| phrase(alt, str::to_lowercase))
            .collect();
        if alternatives.iter().any(String::is_empty) {
            self.errors.push(row_error!(
                self,
                EmptyPart {
                    column,
                    cell: cell.to_owned(),
                    part: "alternative",
                }
            ));
            return None;
        }
        match (alternatives[0].as_str(), alternatives.len()) {
            ("date", 1) => return Some(FactUnit::Date),
            ("year", 1) => return Some(FactUnit::Year),
            // A count of "dates" is far less likely than a typo.
            ("date", _) => {
                self.errors.push(row_error!(
                    self,
                    DateAlternatives {
                        column,
                        cell: cell.to_owned()
                    }
                ));
                return None;
            }
            _ => {}
        }
        let Some(first) = vocab::unit(&alternatives[0]) else {
            let mut nouns: Vec<String> = Vec::new();
            for noun in alternatives.iter().map(|alt| vocab::fold_noun(alt)) {
                if !nouns.contains(&noun) {
                    nouns.push(noun);
                }
            }
            return Some(FactUnit::Count(nouns));
        };
        let mut names: Vec<String> = Vec::new();
        let mut ok = true;
        for alternative in &alternatives {
            match vocab::unit(alternative) {
                Some(unit) if unit.dimension == first.dimension => {
                    if !names.iter().any(|name| name == unit.name) {
                        names.push(unit.name.to_owned());
                    }
                }
                _ => {
                    ok = false;
                    self.errors.push(row_error!(
                        self,
                        UnitDimension {
                            column,
                            alternative: alternative.to_owned(),
                            first: alternatives[0].clone(),
                        }
                    ));
                }
            }
        }
        ok.then_some(FactUnit::Measure(first, names))
    }

    fn number(&mut self, column: &'static str, syntax: Syntax) -> Option<f64> {
        let cell = self.cell(column)?;
        let number = match syntax {
            Syntax::Decimal => parse_decimal(cell),
            Syntax::Date => parse_date(cell).map(calendar::day_number),
            Syntax::Year => parse_year(cell).map(f64::from),
        };
        if number.is_none() {
            let cell = cell.to_owned();
            self.errors.push(match syntax {
                Syntax::Decimal if has_separator(&cell) => {
                    row_error!(self, Separator { column, cell })
                }
                Syntax::Decimal => row_error!(self, NotANumber { column, cell }),
                Syntax::Date => row_error!(self, NotADate { column, cell }),
                Syntax::Year => row_error!(self, NotAYear { column, cell }),
            });
        }
        number
    }

    fn check_bounds(&mut self, value: Option<f64>, low: Option<f64>, high: Option<f64>) {
        let cell = |column| self.cell(column).unwrap_or_default().to_owned();
        let error = match (value, low, high) {
            (_, Some(l), Some(h)) if l > h => row_error!(
                self,
                AboveHigh {
                    column: "low",
                    cell: cell("low"),
                    high: cell("high")
                }
            ),
            (Some(v), Some(l), _) if v < l => row_error!(
                self,
                BelowLow {
                    column: "value",
                    cell: cell("value"),
                    low: cell("low")
                }
            ),
            (Some(v), _, Some(h)) if v > h => row_error!(
                self,
                AboveHigh {
                    column: "value",
                    cell: cell("value"),
                    high: cell("high")
                }
            ),
            _ => return,
        };
        self.errors.push(error);
    }

    fn tolerance(&mut self, syntax: Syntax) -> Option<Tolerance> {
        let column = "tolerance";
        let cell = self.cell(column)?;
        let (path, line) = (self.path.to_owned(), self.line);
        // Dates and years take bounds: a tolerance in days on a year would
        // be a unit the reader never sees.
        let unit = match syntax {
            Syntax::Date => Some("date"),
            Syntax::Year => Some("year"),
            Syntax::Decimal => None,
        };
        if let Some(unit) = unit {
            self.errors.push(ReferenceError::CalendarTolerance {
                path,
                line,
                column,
                unit,
            });
            return None;
        }
        // Two ways to give the interval would leave one of them unused.
        if self.cells.contains_key("low") || self.cells.contains_key("high") {
            self.errors
                .push(ReferenceError::ToleranceWithBounds { path, line, column });
            return None;
        }
        let tolerance = match cell.strip_suffix('%') {
            Some(percent) => parse_decimal(percent.trim_end()).map(|t| (t, Tolerance::Relative(t))),
            None => parse_decimal(cell).map(|t| (t, Tolerance::Absolute(t))),
        };
        match tolerance {
            Some((t, tolerance)) if t >= 0.0 => Some(tolerance),
            _ => {
                self.errors.push(row_error!(
                    self,
                    BadTolerance {
                        column,
                        cell: cell.to_owned()
                    }
                ));
                None
            }
        }
    }

    fn keywords(&mut self) -> Vec<Vec<String>> {
        let column = "keywords";
        let Some(cell) = self.cell(column) else {
            return Vec::new();
        };
        let groups: Vec<Vec<String>> = cell
            .split(';')
            .map(|group| {
                group
                    .split('|')
                    .map(|alt| phrase(alt, vocab::word_key))
                    .collect()
            })
            .collect();
        let empty_group = groups
            .iter()
            .any(|group| group.iter().all(String::is_empty));
        let empty_alternative = groups
            .iter()
            .any(|group| group.iter().any(String::is_empty) && !group.iter().all(String::is_empty));
        for (empty, part) in [(empty_group, "group"), (empty_alternative, "alternative")] {
            if empty {
                self.errors.push(row_error!(
                    self,
                    EmptyPart {
                        column,
                        cell: cell.to_owned(),
                        part,
                    }
                ));
            }
        }
        groups
    }
}

/// The words of `text`, each passed through `fold`, with single spaces
/// between them, as [`vocab`] spells phrases.
fn phrase(text: &str, fold: impl Fn(&str) -> String) -> String {
    text.split_whitespace()
        .map(fold)
        .collect::<Vec<_>>()
        .join(" ")
}

fn syntax_of(unit: &str) -> Syntax {
    match unit.trim().to_lowercase().as_str() {
        "year" => Syntax::Year,
        // `date|...` is an error of its own; reading the value as a date
        // keeps a valid date from being reported as well.
        cell if cell
            .split('|')
            .next()
            .is_some_and(|first| first.trim() == "date") =>
        {
            Syntax::Date
        }
        _ => Syntax::Decimal,
    }
}

/// A plain decimal: optional sign, digits, optional fraction. No exponent,
/// `inf` or `nan`, which `f64::from_str` would take.
fn parse_decimal(cell: &str) -> Option<f64> {
    let digits = cell.strip_prefix(['+', '-']).unwrap_or(cell);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    let all_digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    if !(all_digits(whole) && all_digits(fraction)) {
        return None;
    }
    cell.parse().ok().filter(|number: &f64| number.is_finite())
}

/// Whether the cell is a number once thousands separators are removed, so
/// that the message can say what is wrong.
fn has_separator(cell: &str) -> bool {
    const SEPARATORS: [char; 6] = [',', '_', ' ', '\'', '\u{a0}', '\u{202f}'];
    cell.contains(SEPARATORS) && parse_decimal(&cell.replace(SEPARATORS, "")).is_some()
}

/// `YYYY-MM-DD`, and a day that exists.
fn parse_date(cell: &str) -> Option<Date> {
    let bytes = cell.as_bytes();
    let shape = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shape {
        return None;
    }
    calendar::date(
        cell[..4].parse().ok()?,
        cell[5..7].parse().ok()?,
        cell[8..].parse().ok()?,
    )
}

/// An integer year the calendar can hold.
fn parse_year(cell: &str) -> Option<i32> {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year = cell.parse().ok()?;
    calendar::year(year).map(|_| year)
}

#[cfg(test)]
mod tests;
