//! Figures as a reader writes them: "1,960", "6,500–7,300", "2022-10-02",
//! "more than 6,500". Both the reasons of `check` and the reports of
//! `report` use these, so a figure reads the same everywhere.
//!
//! Each form is a type that implements [`Display`], so that a reason or a
//! report line writes its figures straight into its own buffer: a verify
//! run writes one reason per claim, and a `String` per figure and per
//! phrase cost more than the matching did.

use std::fmt::{self, Display, Formatter};

use crate::{Fact, Interval, Kind, Quantity, calendar};

/// A number with thousands separators and at most three decimals:
/// `1,960`, `0.5`, `1,450,000`, `-3`.
#[derive(Clone, Copy, Debug)]
pub struct Number(pub f64);

impl Display for Number {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let Number(value) = *self;
        if !value.is_finite() {
            return write!(f, "{value}");
        }
        let rounded = (value * 1000.0).round() / 1000.0;
        if rounded < 0.0 {
            f.write_str("-")?;
        }
        if rounded.fract() == 0.0 && rounded.abs() < 1e15 {
            // Most figures are whole, and an integer prints far faster than
            // a float.
            let mut digits = itoa::Buffer::new();
            return write_grouped(f, digits.format(rounded.abs() as u64));
        }
        // The shortest form that reads back as `rounded` has at most three
        // decimals, and is far cheaper to find than a fixed-precision one.
        let digits = rounded.abs().to_string();
        let (whole, fraction) = digits.split_once('.').unwrap_or((&digits, ""));
        write_grouped(f, whole)?;
        if !fraction.is_empty() {
            f.write_str(".")?;
            f.write_str(fraction)?;
        }
        Ok(())
    }
}

/// Writes a run of digits with a comma before each group of three. Piece
/// by piece: a reason has several figures, and a format string per group
/// cost more than the rest of the reason.
fn write_grouped(f: &mut Formatter<'_>, digits: &str) -> fmt::Result {
    let head = match digits.len() % 3 {
        0 => 3,
        rest => rest,
    };
    f.write_str(&digits[..head.min(digits.len())])?;
    for start in (head..digits.len()).step_by(3) {
        f.write_str(",")?;
        f.write_str(&digits[start..start + 3])?;
    }
    Ok(())
}

/// A value of the given kind: dates hold day numbers and show as ISO dates.
#[derive(Clone, Copy, Debug)]
pub struct Value(pub Kind, pub f64);

impl Display for Value {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match *self {
            Value(Kind::Date, value) => f.write_str(&calendar::format_day(value)),
            Value(Kind::Year, value) => write!(f, "{value}"),
            Value(_, value) => Number(value).fmt(f),
        }
    }
}

/// A value as the reference CSV writes it: a plain decimal without
/// separators (`6500`, `0.5`), an ISO date, or a year.
#[must_use]
pub fn plain(kind: Kind, value: f64) -> String {
    if kind == Kind::Date {
        return calendar::format_day(value);
    }
    let rounded = (value * 1e6).round() / 1e6;
    format!("{rounded}")
}

/// An interval in words: `1,500–2,500`, `more than 6,500`, `at most 20`,
/// `2022-08-01 to 2022-08-31`, or one value when both ends meet.
#[derive(Clone, Copy, Debug)]
pub struct InWords<'a>(pub Kind, pub &'a Interval);

impl Display for InWords<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let InWords(kind, interval) = *self;
        let show = |bound: f64| Value(kind, bound);
        let dash = if kind == Kind::Date { " to " } else { "–" };
        let (before, value) = match (interval.low, interval.high) {
            (Some(low), Some(high)) if low.value == high.value => ("", low.value),
            // A one-sided figure's reach: "more than 6,500 and up to 7,800",
            // "at most 20".
            (Some(low), Some(high)) if !low.inclusive && kind != Kind::Date => {
                write!(f, "more than {}", show(low.value))?;
                (" and up to ", high.value)
            }
            (Some(low), Some(high)) if low.value == 0.0 && kind != Kind::Date => (
                if high.inclusive {
                    "at most "
                } else {
                    "less than "
                },
                high.value,
            ),
            (Some(low), Some(high)) => {
                show(low.value).fmt(f)?;
                (dash, high.value)
            }
            (Some(low), None) if low.inclusive => ("at least ", low.value),
            (Some(low), None) => ("more than ", low.value),
            (None, Some(high)) if high.inclusive => ("at most ", high.value),
            (None, Some(high)) => ("less than ", high.value),
            (None, None) => return f.write_str("any value"),
        };
        f.write_str(before)?;
        show(value).fmt(f)
    }
}

/// What a quantity allows, with its unit: "286 people", "1,500–2,500
/// peacekeepers", "more than 6,500 troops", "5.5–6.5 weeks (38.5–45.5
/// days)", "2022-10-03".
#[derive(Clone, Copy, Debug)]
pub struct Reading<'a>(pub &'a Quantity);

impl Display for Reading<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let Reading(quantity) = *self;
        let point = point_value(quantity);
        match point {
            Some(point) => Value(quantity.kind, point).fmt(f)?,
            None => InWords(quantity.kind, &quantity.interval).fmt(f)?,
        }
        match (quantity.kind, quantity.unit.as_deref()) {
            (Kind::Date | Kind::Year, _) | (_, None) => {}
            (_, Some(unit)) => {
                f.write_str(" ")?;
                f.write_str(unit)?;
            }
        }
        // Seconds in days would read as "0–0 days": the base helps only
        // where it reads.
        let readable = quantity
            .base
            .interval
            .high_value()
            .is_none_or(|high| high.abs() >= 1.0);
        let in_base = point.is_none()
            && matches!(quantity.kind, Kind::Duration | Kind::Measure)
            && quantity.unit.as_deref() != Some(quantity.base.unit.as_str())
            && readable;
        if in_base {
            f.write_str(" (")?;
            InWords(quantity.kind, &quantity.base.interval).fmt(f)?;
            f.write_str(" ")?;
            f.write_str(&quantity.base.unit)?;
            f.write_str(")")?;
        }
        Ok(())
    }
}

/// A reference fact's figure with its unit, and the values it allows when
/// they are more than the figure: "1,960 peacekeepers", "6,731 troops
/// (6,500–7,300)", "2022-10-02".
#[derive(Clone, Copy, Debug)]
pub struct FactFigure<'a>(pub &'a Fact);

impl Display for FactFigure<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let FactFigure(fact) = *self;
        Value(fact.kind, fact.value).fmt(f)?;
        if !matches!(fact.kind, Kind::Date | Kind::Year)
            && let Some(unit) = fact.units.first()
        {
            f.write_str(" ")?;
            f.write_str(unit)?;
        }
        let is_exact = fact.interval.low_value() == Some(fact.value)
            && fact.interval.high_value() == Some(fact.value);
        if !is_exact {
            f.write_str(" (")?;
            InWords(fact.kind, &fact.interval).fmt(f)?;
            f.write_str(")")?;
        }
        Ok(())
    }
}

/// The one value a quantity allows, if it allows one: an exact date, or a
/// whole count that admits no other ("286" allows 286 and nothing else, and
/// so does "10 people").
#[must_use]
pub fn point_value(quantity: &Quantity) -> Option<f64> {
    let value = quantity.value?;
    let is_point =
        quantity.interval.low == quantity.interval.high && quantity.interval.low.is_some();
    let only_the_whole = quantity.interval.low_value() == Some(value - 0.5)
        && quantity.interval.high_value() == Some(value + 0.5);
    let counts_one_value = quantity.kind == Kind::Count && only_the_whole && value.fract() == 0.0;
    (is_point || counts_one_value).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_group_thousands_and_trim_decimals() {
        let cases = [
            (1960.0, "1,960"),
            (1_450_000.0, "1,450,000"),
            (0.5, "0.5"),
            (-3.0, "-3"),
            (285.5, "285.5"),
            (1.0 / 3.0, "0.333"),
            (100.0, "100"),
            (-1234.5, "-1,234.5"),
            (0.1 + 0.2, "0.3"),
            (1_234_567.891_5, "1,234,567.892"),
            (2.0e21, "2,000,000,000,000,000,000,000"),
            (-0.0001, "0"),
        ];
        for (value, shown) in cases {
            assert_eq!(Number(value).to_string(), shown);
        }
    }

    #[test]
    fn plain_values_have_no_separators() {
        let cases = [
            (Kind::Count, 6500.0, "6500"),
            (Kind::Money, 1.2e9, "1200000000"),
            (Kind::Percent, 2.0 / 3.0 * 100.0, "66.666667"),
            (Kind::Year, 1991.0, "1991"),
            (Kind::Date, 19267.0, "2022-10-02"),
        ];
        for (kind, value, shown) in cases {
            assert_eq!(plain(kind, value), shown);
        }
    }

    #[test]
    fn intervals_read_as_words() {
        let cases = [
            (Kind::Count, Interval::closed(6500.0, 7300.0), "6,500–7,300"),
            (
                Kind::Count,
                Interval::above(6500.0, false),
                "more than 6,500",
            ),
            (Kind::Count, Interval::above(6500.0, true), "at least 6,500"),
            (Kind::Duration, Interval::below(20.0, true), "at most 20"),
            (Kind::Count, Interval::below(20.0, false), "less than 20"),
            (Kind::Year, Interval::exact(1991.0), "1991"),
            (Kind::Date, Interval::exact(19267.0), "2022-10-02"),
        ];
        for (kind, interval, shown) in cases {
            assert_eq!(InWords(kind, &interval).to_string(), shown);
        }
    }
}
