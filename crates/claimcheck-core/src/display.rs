//! Figures as a reader writes them: "1,960", "6,500–7,300", "2022-10-02",
//! "more than 6,500". Both the reasons of `check` and the reports of
//! `report` use these, so a figure reads the same everywhere.

use crate::{Interval, Kind, Quantity, calendar};

/// A number with thousands separators and at most three decimals:
/// `1,960`, `0.5`, `1,450,000`, `-3`.
#[must_use]
pub fn number(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let rounded = (value * 1000.0).round() / 1000.0;
    let digits = if rounded.fract() == 0.0 && rounded.abs() < 1e15 {
        // Most figures are whole, and an integer prints far faster than a
        // float.
        (rounded.abs() as u64).to_string()
    } else {
        // The shortest form that reads back as `rounded` has at most three
        // decimals, and is far cheaper to find than a fixed-precision one.
        rounded.abs().to_string()
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((&digits, ""));
    let mut grouped = String::with_capacity(digits.len() + whole.len() / 3 + 1);
    if rounded < 0.0 {
        grouped.push('-');
    }
    for (index, digit) in whole.char_indices() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if !fraction.is_empty() {
        grouped.push('.');
        grouped.push_str(fraction);
    }
    grouped
}

/// A value of the given kind: dates hold day numbers and show as ISO dates.
#[must_use]
pub fn value(kind: Kind, value: f64) -> String {
    match kind {
        Kind::Date => calendar::format_day(value),
        Kind::Year => format!("{value}"),
        _ => number(value),
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
#[must_use]
pub fn interval(kind: Kind, interval: &Interval) -> String {
    let show = |bound: f64| value(kind, bound);
    let dash = if kind == Kind::Date { " to " } else { "–" };
    match (interval.low, interval.high) {
        (Some(low), Some(high)) if low.value == high.value => show(low.value),
        (Some(low), Some(high)) => format!("{}{dash}{}", show(low.value), show(high.value)),
        (Some(low), None) if low.inclusive => format!("at least {}", show(low.value)),
        (Some(low), None) => format!("more than {}", show(low.value)),
        (None, Some(high)) if high.inclusive => format!("at most {}", show(high.value)),
        (None, Some(high)) => format!("less than {}", show(high.value)),
        (None, None) => "any value".to_string(),
    }
}

/// What a quantity allows, with its unit: "286 people", "1,500–2,500
/// peacekeepers", "more than 6,500 troops", "5.5–6.5 weeks (38.5–45.5
/// days)", "2022-10-03".
#[must_use]
pub fn reading(quantity: &Quantity) -> String {
    let unit = match (quantity.kind, quantity.unit.as_deref()) {
        (Kind::Date | Kind::Year, _) | (_, None) => String::new(),
        (_, Some(unit)) => format!(" {unit}"),
    };
    if let Some(point) = point_value(quantity) {
        return format!("{}{unit}", value(quantity.kind, point));
    }
    let in_base = match quantity.kind {
        Kind::Duration | Kind::Measure
            if quantity.unit.as_deref() != Some(quantity.base.unit.as_str()) =>
        {
            format!(
                " ({} {})",
                interval(quantity.kind, &quantity.base.interval),
                quantity.base.unit
            )
        }
        _ => String::new(),
    };
    format!(
        "{}{unit}{in_base}",
        interval(quantity.kind, &quantity.interval)
    )
}

/// The one value a quantity allows, if it allows one: an exact date, or a
/// count written to the unit ("286" allows 286 and nothing else).
#[must_use]
pub fn point_value(quantity: &Quantity) -> Option<f64> {
    let value = quantity.value?;
    let is_point =
        quantity.interval.low == quantity.interval.high && quantity.interval.low.is_some();
    let counts_to_the_unit = quantity.kind == Kind::Count
        && quantity.precision.is_some_and(|step| step <= 1.0)
        && value.fract() == 0.0;
    (is_point || counts_to_the_unit).then_some(value)
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
            assert_eq!(number(value), shown);
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
            assert_eq!(super::interval(kind, &interval), shown);
        }
    }
}
