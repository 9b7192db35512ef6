//! The reference table: one verified figure a row.

use std::collections::HashMap;
use std::path::Path;

use claimcheck_core::calendar::{self, Date};
use claimcheck_core::{Base, Dimension, Fact, FactRole, Interval, Kind, precision, vocab};
use rustc_hash::FxHashSet;

use crate::ReferenceError;
use crate::table::{self, Row};

/// Reads the facts of a reference CSV; see the crate documentation.
pub(crate) fn facts(path: &Path, bytes: &[u8]) -> (Vec<Fact>, Vec<ReferenceError>) {
    let mut errors = Vec::new();
    let mut ids = HashMap::new();
    let facts = table::read_table(path, bytes, (&COLUMNS, &REQUIRED), &mut errors, |row| {
        row.fact(&mut ids)
    });
    (facts, errors)
}

const COLUMNS: [&str; 11] = [
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
    "role",
];
const REQUIRED: [&str; 3] = ["id", "value", "unit"];

/// How `value`, `low` and `high` are written.
#[derive(Clone, Copy, PartialEq)]
enum Syntax {
    Decimal,
    Date,
    Year,
    /// The row has no readable unit: a figure is a decimal or a date, and
    /// only a decimal is compared with the bounds.
    Unknown,
}

/// What the `unit` column makes of a fact.
enum FactUnit {
    Date,
    Year,
    /// The unit, the names of its alternatives, and the scale the row's
    /// figures are written in (1,000,000 for "million usd").
    Measure(&'static vocab::Unit, Vec<String>, f64),
    /// The counted nouns, and the scale the row's figures are written in
    /// (1,000,000 for "million people").
    Count(Vec<String>, f64),
}

enum Tolerance {
    Absolute(f64),
    Relative(f64),
}

impl Row<'_> {
    fn fact(&mut self, ids: &mut HashMap<String, u64>) -> Option<Fact> {
        let id = self.id(ids);
        let unit_cell = self.required("unit");
        let unit = unit_cell.and_then(|cell| self.unit(cell));
        let syntax = unit_cell.map_or(Syntax::Unknown, syntax_of);
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
        let role = self.role(&keywords);
        let relative = self
            .row_words(&keywords)
            .any(|word| vocab::names_difference(&word));
        let unit = unit.map(|unit| self.age_if_named(unit, &keywords));
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
        let stated = tolerance.is_some() || low.is_some() || high.is_some();
        let interval = self.interval(value, (low, high), tolerance, syntax, &unit);
        let reported = !stated && interval != Interval::exact(value);
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
                let first = calendar::year(low.unwrap_or(value) as i32)?.low?;
                let last = calendar::year(high.unwrap_or(value) as i32)?.high?;
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
            FactUnit::Measure(unit, names, magnitude) => {
                let scale = unit.scale * magnitude;
                let interval = interval.map(|v| v * scale);
                let base = Base {
                    dimension: unit.dimension,
                    unit: unit.base.to_owned(),
                    interval: interval.map(|v| unit.to_base(v)),
                };
                (unit.kind, value * scale, interval, names, base)
            }
            FactUnit::Count(nouns, magnitude) => {
                let interval = interval.map(|v| v * magnitude);
                let value = value * magnitude;
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
            role: role?,
            relative,
            reported,
        })
    }

    /// The values a row allows, in its figures as written: its tolerance,
    /// its bounds, or the value as a source reported it.
    fn interval(
        &self,
        value: f64,
        (low, high): (Option<f64>, Option<f64>),
        tolerance: Option<Tolerance>,
        syntax: Syntax,
        unit: &FactUnit,
    ) -> Interval {
        match (tolerance, low, high) {
            (Some(Tolerance::Absolute(t)), ..) => Interval::closed(value - t, value + t),
            (Some(Tolerance::Relative(percent)), ..) => {
                let t = value.abs() * percent / 100.0;
                Interval::closed(value - t, value + t)
            }
            (None, None, None) if syntax == Syntax::Decimal => {
                let scaled = matches!(
                    unit,
                    FactUnit::Measure(.., magnitude) | FactUnit::Count(_, magnitude)
                        if *magnitude != 1.0
                );
                let cell = self.cell("value").unwrap_or_default();
                let reach = precision::reported_reach(cell, value, scaled);
                Interval::closed(value - reach, value + reach)
            }
            // A bound equal to the value with the other side left out says
            // "at least" or "at most": a source's "more than 6,500" is a
            // row of 6500 with `low` 6500.
            (None, Some(low), None) if low == value && syntax == Syntax::Decimal => {
                Interval::above(value, true)
            }
            (None, None, Some(high)) if high == value && syntax == Syntax::Decimal => {
                Interval::below(value, true)
            }
            (None, low, high) => Interval::closed(low.unwrap_or(value), high.unwrap_or(value)),
        }
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
            .map(|alt| phrase(alt, |word, phrase| phrase.push_str(&word.to_lowercase())))
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
        // "million usd", "million people": figures written in millions.
        let (magnitude, alternatives) = scaled_alternatives(&alternatives);
        // Sets, not scans of what is kept, so that a cell of many
        // alternatives takes linear time.
        let Some(first) = vocab::unit(&alternatives[0]) else {
            let mut seen = FxHashSet::default();
            let nouns = alternatives
                .iter()
                .map(|alt| vocab::fold_noun(alt))
                .filter(|noun| seen.insert(noun.clone()))
                .collect();
            return Some(FactUnit::Count(nouns, magnitude));
        };
        let mut names: Vec<String> = Vec::new();
        let mut seen = FxHashSet::default();
        let mut ok = true;
        for alternative in &alternatives {
            match vocab::unit(alternative) {
                Some(unit) if unit.dimension == first.dimension => {
                    if seen.insert(unit.name) {
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
        ok.then_some(FactUnit::Measure(first, names, magnitude))
    }

    fn number(&mut self, column: &'static str, syntax: Syntax) -> Option<f64> {
        let cell = self.cell(column)?;
        let number = match syntax {
            Syntax::Unknown if parse_date(cell).is_some() => return None,
            Syntax::Decimal | Syntax::Unknown => parse_decimal(cell),
            Syntax::Date => parse_date(cell).map(calendar::day_number),
            Syntax::Year => parse_year(cell).map(f64::from),
        };
        if number.is_none() {
            let cell = cell.to_owned();
            self.errors.push(match syntax {
                Syntax::Decimal | Syntax::Unknown if has_separator(&cell) => {
                    row_error!(self, Separator { column, cell })
                }
                Syntax::Decimal | Syntax::Unknown => row_error!(self, NotANumber { column, cell }),
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
            Syntax::Decimal | Syntax::Unknown => None,
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

    /// A figure in years whose row names an age ("kiptum-age-2023") is a
    /// person's age, which only ages meet; other units stay as they are.
    fn age_if_named(&self, unit: FactUnit, keywords: &[Vec<String>]) -> FactUnit {
        let FactUnit::Measure(measure, _, magnitude) = &unit else {
            return unit;
        };
        let age = vocab::unit("years old");
        let names_age = measure.dimension == Dimension::Duration
            && measure.name == "years"
            && self.row_words(keywords).any(|word| vocab::names_age(&word));
        match age {
            Some(age) if names_age => FactUnit::Measure(age, vec![age.name.to_owned()], *magnitude),
            _ => unit,
        }
    }

    /// The words of the row's id, subject and keywords, lower case.
    fn row_words<'r>(&'r self, keywords: &'r [Vec<String>]) -> impl Iterator<Item = String> + 'r {
        let written = [self.cell("id"), self.cell("subject")]
            .into_iter()
            .flatten()
            .flat_map(|text| text.split(|c: char| !c.is_alphanumeric()))
            .map(str::to_lowercase);
        let keyword_words = keywords
            .iter()
            .flatten()
            .flat_map(|phrase| phrase.split(' '))
            .map(str::to_owned);
        written.chain(keyword_words)
    }

    /// The `role` column, or when it is empty the role that a word of the
    /// row's id, subject or keywords names ("imf-growth-forecast").
    fn role(&mut self, keywords: &[Vec<String>]) -> Option<FactRole> {
        let column = "role";
        let Some(cell) = self.cell(column) else {
            let named = self
                .row_words(keywords)
                .find_map(|word| vocab::expectation(&word));
            return Some(named.unwrap_or_default());
        };
        let written = cell.to_lowercase();
        let role = FactRole::ALL
            .into_iter()
            .find(|role| role.as_str() == written);
        if role.is_none() {
            self.errors.push(row_error!(
                self,
                UnknownRole {
                    column,
                    cell: cell.to_owned()
                }
            ));
        }
        role
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
                    .map(|alt| {
                        phrase(alt, |word, phrase| {
                            vocab::with_word_key(word, |key| phrase.push_str(key));
                        })
                    })
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

/// Unit alternatives without a leading scale word, and the scale of the
/// first, in which the row's figures are written ("million usd|usd" is
/// usd, in millions; "million people|population" counts people and
/// population, in millions).
fn scaled_alternatives(alternatives: &[String]) -> (f64, Vec<String>) {
    let split = |alternative: &str| {
        let (first, rest) = alternative.split_once(' ')?;
        Some((vocab::scale(first)?, rest.to_string()))
    };
    let magnitude = split(&alternatives[0]).map_or(1.0, |(scale, _)| scale);
    let bare = alternatives
        .iter()
        .map(|alternative| split(alternative).map_or_else(|| alternative.clone(), |(_, rest)| rest))
        .collect();
    (magnitude, bare)
}

/// The words of `text`, each appended by `fold`, with single spaces
/// between them, as [`vocab`] spells phrases.
fn phrase(text: &str, fold: impl Fn(&str, &mut String)) -> String {
    let mut phrase = String::with_capacity(text.len());
    for (index, word) in text.split_whitespace().enumerate() {
        if index > 0 {
            phrase.push(' ');
        }
        fold(word, &mut phrase);
    }
    phrase
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
