//! Calendar dates as day numbers, so that dates, months and years compare
//! as plain intervals.
//!
//! A day number counts days since 1970-01-01. A date is the closed interval
//! of one day, a month or a year the closed interval of its days, which is
//! why "in 2020" overlaps a fact dated 2020-09-27.

pub use jiff::civil::Date;

use crate::Interval;

const EPOCH: Date = jiff::civil::date(1970, 1, 1);

#[must_use]
pub fn day_number(date: Date) -> f64 {
    f64::from((date - EPOCH).get_days())
}

/// The date of a day number, or `None` outside the years -9999 to 9999.
#[must_use]
pub fn date_of(day_number: f64) -> Option<Date> {
    let span = jiff::Span::new().try_days(day_number.round() as i64).ok()?;
    EPOCH.checked_add(span).ok()
}

/// `YYYY-MM-DD`, or the bare number when it is out of the calendar's range.
#[must_use]
pub fn format_day(day_number: f64) -> String {
    date_of(day_number).map_or_else(|| day_number.to_string(), |date| date.to_string())
}

/// The days from `first` to `last`, both included.
#[must_use]
pub fn days(first: Date, last: Date) -> Interval {
    Interval::closed(day_number(first), day_number(last))
}

/// The days of a calendar year, or `None` when out of range.
#[must_use]
pub fn year(year: i32) -> Option<Interval> {
    let year = i16::try_from(year).ok()?;
    let first = Date::new(year, 1, 1).ok()?;
    let last = Date::new(year, 12, 31).ok()?;
    Some(days(first, last))
}

/// The days of a month, or `None` when the month does not exist.
#[must_use]
pub fn month(year: i32, month: u8) -> Option<Interval> {
    let year = i16::try_from(year).ok()?;
    let first = Date::new(year, i8::try_from(month).ok()?, 1).ok()?;
    Some(days(first, first.last_of_month()))
}

/// The one day of a date, or `None` when the date does not exist.
#[must_use]
pub fn day(year: i32, month: u8, day: u8) -> Option<Interval> {
    let date = date(year, month, day)?;
    Some(days(date, date))
}

/// A date from its parts, or `None` when it does not exist (31 April).
#[must_use]
pub fn date(year: i32, month: u8, day: u8) -> Option<Date> {
    Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        let date = jiff::civil::date(2022, 10, 2);
        let number = day_number(date);
        assert_eq!(number, 19267.0);
        assert_eq!(date_of(number), Some(date));
        assert_eq!(format_day(number), "2022-10-02");
    }

    #[test]
    fn a_year_holds_its_dates_and_a_month_its_days() {
        let in_2020 = year(2020).unwrap();
        assert!(in_2020.contains(day_number(jiff::civil::date(2020, 9, 27))));
        assert!(!in_2020.contains(day_number(jiff::civil::date(2021, 1, 1))));
        let august = month(2022, 8).unwrap();
        assert!(august.contains(day_number(jiff::civil::date(2022, 8, 31))));
        assert!(!august.contains(day_number(jiff::civil::date(2022, 9, 1))));
    }

    #[test]
    fn impossible_dates_are_none() {
        assert_eq!(day(2022, 4, 31), None);
        assert_eq!(day(2021, 2, 29), None);
        assert!(day(2020, 2, 29).is_some());
        assert_eq!(month(2022, 13), None);
    }
}
