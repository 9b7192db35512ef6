//! Reads each [`Mention`] for what it asserts, as a [`Claim`].
//!
//! This is where a figure gets its meaning:
//!
//! - its **interval**, from its qualifier and its implied precision (see
//!   [`interval`] and ARCHITECTURE.md for the rule of each qualifier);
//! - its **unit** in one form (`troops`, `weeks`, `usd`) and its **kind**;
//! - its **base**, the same interval in a unit that compares across
//!   spellings: days for durations, days since 1970-01-01 for dates;
//! - the **year** of a date written without one, from the document's date
//!   and the tense the words before it mark;
//! - its **role**: years, dates and ordinals place events in time and a
//!   figure after "the" restates one; both are context, checked only when
//!   a fact names them. A figure put as expected or possible ("could reach
//!   1,000") is a forecast, and one the article denies ("not 386") denied;
//!   neither is held against a fact.
//!
//! A figure too large for a 64-bit float to hold, or whose interval or
//! conversion comes out beyond it, asserts nothing: its interval is
//! unbounded, which no fact is held against (`extract` reads no such
//! figure, and warns of it instead).

use claimcheck_core::calendar::{self, Date};
use claimcheck_core::precision;
use claimcheck_core::{
    Base, Claim, Dimension, Interval, Kind, Mention, Qualifier, Quantity, Reading, Role, Span,
    Tense, vocab,
};

/// The claims of one document.
#[derive(Clone, Debug, PartialEq)]
pub struct Normalized {
    /// The date the document was written, which gives dates without a year
    /// their year.
    pub date: Option<DocumentDate>,
    pub claims: Vec<Claim>,
}

/// Where a document's date was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocumentDate {
    pub date: Date,
    /// The dateline it was read from; `None` for front matter.
    pub dateline: Option<Span>,
}

/// How far into a file, in bytes, a dateline may stand.
pub const DATELINE_WINDOW: usize = 2_000;

/// How much longer than its date a dateline's sentence may be, for words
/// such as "Published" or a place name.
const DATELINE_SLACK: usize = 40;

/// Reads the mentions of one document. `declared_date` is the `date:` of
/// its front matter, if it has one.
#[must_use]
pub fn normalize(mentions: Vec<Mention>, declared_date: Option<&str>) -> Normalized {
    let date = document_date(&mentions, declared_date);
    let claims = claims(mentions, date.map(|date| date.date));
    Normalized { date, claims }
}

/// The date a document was written: the `date:` of its front matter, else
/// a dateline among its first mentions. Only mentions starting before
/// [`DATELINE_WINDOW`] are looked at, so the mentions of the first blocks
/// are enough.
#[must_use]
pub fn document_date(
    first_mentions: &[Mention],
    declared_date: Option<&str>,
) -> Option<DocumentDate> {
    declared_date
        .and_then(parse_declared_date)
        .map(|date| DocumentDate {
            date,
            dateline: None,
        })
        .or_else(|| dateline(first_mentions))
}

/// Reads mentions as claims, giving dates without a year their year from
/// `document_date` and the tense written before them.
#[must_use]
pub fn claims(mentions: Vec<Mention>, document_date: Option<Date>) -> Vec<Claim> {
    mentions
        .into_iter()
        .map(|mention| claim(mention, document_date))
        .collect()
}

/// `2022-10-31`, also as the start of a timestamp.
fn parse_declared_date(declared: &str) -> Option<Date> {
    declared.get(..10)?.parse().ok()
}

/// The first full date near the top that stands almost alone, as a
/// dateline does ("October 31, 2022").
fn dateline(mentions: &[Mention]) -> Option<DocumentDate> {
    mentions
        .iter()
        .take_while(|mention| mention.span.start < DATELINE_WINDOW)
        .find_map(|mention| {
            let Reading::Date {
                year: Some(year),
                month,
                day: Some(day),
                ..
            } = mention.reading
            else {
                return None;
            };
            let alone = mention.sentence.len() <= mention.span.len() + DATELINE_SLACK;
            let date = calendar::date(year, month, day)?;
            alone.then_some(DocumentDate {
                date,
                dateline: Some(mention.span),
            })
        })
}

fn claim(mention: Mention, document_date: Option<Date>) -> Claim {
    let quantity = within_range(quantity(&mention, document_date));
    let is_context =
        matches!(quantity.kind, Kind::Date | Kind::Year | Kind::Ordinal) || mention.refers_back;
    let role = match (mention.denied, mention.forecast) {
        _ if mention.dateline => Role::Dateline,
        _ if is_context => Role::Context,
        (Some(word), _) => Role::Denied { word },
        (None, Some(word)) => Role::Forecast { word },
        (None, None) => Role::Claim,
    };
    Claim {
        span: mention.span,
        sentence: mention.sentence,
        paragraph: mention.paragraph,
        role,
        quantity,
        noun: mention.noun,
        earlier: mention.earlier,
        relative: mention.relative,
    }
}

/// The quantity as it is when every figure of it is a finite number;
/// otherwise with no value and unbounded intervals, so that an infinity
/// or a figure that is not a number never reaches a comparison with a
/// fact.
fn within_range(quantity: Quantity) -> Quantity {
    let finite = |interval: &Interval| {
        [interval.low, interval.high]
            .iter()
            .flatten()
            .all(|bound| bound.value.is_finite())
    };
    let in_range = quantity.value.is_none_or(f64::is_finite)
        && quantity.precision.is_none_or(f64::is_finite)
        && finite(&quantity.interval)
        && finite(&quantity.base.interval);
    if in_range {
        return quantity;
    }
    Quantity {
        value: None,
        interval: Interval::UNBOUNDED,
        precision: None,
        base: Base {
            interval: Interval::UNBOUNDED,
            ..quantity.base
        },
        ..quantity
    }
}

fn quantity(mention: &Mention, document_date: Option<Date>) -> Quantity {
    match mention.reading {
        Reading::Figure { value, step } => amount(mention, Some(value), step, None),
        Reading::Range { low, high } => amount(
            mention,
            None,
            0.0,
            Some(Interval {
                low: Some(low),
                high: Some(high),
            }),
        ),
        Reading::Vague { low, high } => {
            amount(mention, None, 0.0, Some(Interval::closed(low, high)))
        }
        Reading::Fraction { value, step } => fraction(mention.qualifier, value, step),
        Reading::Years { first, last } => years(first, last),
        Reading::Date {
            year,
            month,
            day,
            through,
            tense,
        } => {
            let days = |year| days_written(year, month, day, through);
            let year = year.or_else(|| document_date.map(|date| year_by_tense(days, tense, date)));
            date(year.and_then(days), through.is_some())
        }
        Reading::Ago { value, step } => ago(mention, value, step, document_date),
        Reading::Ordinal { value } => Quantity {
            kind: Kind::Ordinal,
            qualifier: Qualifier::Exact,
            value: Some(value),
            interval: Interval::exact(value),
            unit: None,
            precision: None,
            base: Base {
                dimension: Dimension::Ordinal,
                unit: String::new(),
                interval: Interval::exact(value),
            },
        },
    }
}

/// A figure with a unit of measure, or a count of its noun. `bounds` is
/// set for ranges and vague amounts, whose interval is given, not implied.
fn amount(mention: &Mention, value: Option<f64>, step: f64, bounds: Option<Interval>) -> Quantity {
    let unit = mention.unit.as_deref().and_then(vocab::unit);
    let scale = unit.map_or(1.0, |unit| unit.scale);
    let value = value.map(|value| value * scale);
    let step = step * scale;
    let qualifier = match (&mention.reading, mention.qualifier) {
        (Reading::Range { .. }, _) => Qualifier::Range,
        (Reading::Vague { .. }, Qualifier::Exact) => Qualifier::Approx,
        (_, qualifier) => qualifier,
    };
    let (interval, precision) = match (bounds, value) {
        (Some(bounds), _) => (bounds.map(|bound| bound * scale), None),
        (None, Some(value)) => (
            interval(qualifier, value, step, scale),
            matches!(qualifier, Qualifier::Exact | Qualifier::Approx).then_some(step),
        ),
        (None, None) => (Interval::UNBOUNDED, None),
    };
    if let Some(unit) = unit {
        return Quantity {
            kind: unit.kind,
            qualifier,
            value,
            interval,
            unit: Some(unit.name.to_string()),
            precision,
            base: Base {
                dimension: unit.dimension,
                unit: unit.base.to_string(),
                interval: interval.map(|value| unit.to_base(value)),
            },
        };
    }
    let noun = mention
        .noun
        .as_ref()
        .map(|noun| vocab::fold_noun(&noun.word));
    Quantity {
        kind: Kind::Count,
        qualifier,
        value,
        interval,
        unit: noun.clone(),
        precision,
        base: Base {
            dimension: Dimension::Count,
            unit: noun.unwrap_or_default(),
            interval,
        },
    }
}

/// The values a figure allows, from its qualifier, the step it was written
/// to, and one of the smallest thing it is written in (`unit_step`: one
/// person, one week, one dollar).
///
/// A figure with no qualifier stands for what rounds to it, but a round
/// figure only within a small share of its value
/// ([`precision::written_reach`]): "286" is [285.5, 286.5) and so admits
/// only 286 as a count, "6,500" is [6,450, 6,550), "2,000" is [1,900,
/// 2,100] and "10 people" is exactly ten. Words of approximation reach
/// [`precision::APPROX_SHARE`] of the figure either side; "nearly" and
/// "just under" stay below the figure, "just over" above it. A one-sided
/// figure reaches a few of its steps past it ([`precision::bound_reach`]):
/// "more than 6,500" is (6,500, 7,800], "up to 12 months" [9, 12].
#[must_use]
pub fn interval(qualifier: Qualifier, value: f64, step: f64, unit_step: f64) -> Interval {
    let magnitude = value.abs();
    let loose = |share: f64, least: f64| (share * magnitude).max(least);
    match qualifier {
        Qualifier::Exactly => Interval::exact(value),
        Qualifier::Exact | Qualifier::Range => {
            let reach = precision::written_reach(value, step, unit_step);
            // Half a step is rounding, which leaves out the half itself:
            // "2,000" is not what 2,500 rounds to. A reach too small to
            // move a figure of twenty digits leaves it exact, not empty.
            if reach == step / 2.0 && value - reach < value + reach {
                Interval::half_open(value - reach, value + reach)
            } else {
                Interval::closed(value - reach, value + reach)
            }
        }
        Qualifier::Approx => {
            let reach = loose(precision::APPROX_SHARE, unit_step / 2.0);
            Interval::closed(value - reach, value + reach)
        }
        Qualifier::MoreThan | Qualifier::AtLeast => Interval {
            low: Interval::above(value, qualifier == Qualifier::AtLeast).low,
            high: Interval::below(value + precision::bound_reach(value, step), true).high,
        },
        // Below a positive figure the reach stops at zero: "up to two
        // decades" is no negative length of time.
        Qualifier::UpTo | Qualifier::LessThan => Interval {
            low: Interval::above(
                match value - precision::bound_reach(value, step) {
                    low if value > 0.0 => low.max(0.0),
                    low => low,
                },
                true,
            )
            .low,
            high: Interval::below(value, qualifier == Qualifier::UpTo).high,
        },
        Qualifier::JustOver => Interval {
            low: Interval::above(value, false).low,
            high: Interval::below(value + loose(precision::JUST_SHARE, unit_step), true).high,
        },
        Qualifier::JustUnder => Interval {
            low: Interval::above(value - loose(precision::JUST_SHARE, unit_step), true).low,
            high: Interval::below(value, false).high,
        },
        Qualifier::Nearly => Interval {
            low: Interval::above(value - loose(precision::APPROX_SHARE, unit_step), true).low,
            high: Interval::below(value, false).high,
        },
    }
}

/// A share ("two-thirds", "1 in 5"): shown as a share of one, compared as
/// a percentage, so that "two-thirds" meets a fact of 66%. A share in
/// words is loose by nature, so it stands for all that rounds to it.
fn fraction(qualifier: Qualifier, value: f64, step: f64) -> Quantity {
    let interval = interval(qualifier, value, step, step);
    Quantity {
        kind: Kind::Fraction,
        qualifier,
        value: Some(value),
        interval,
        unit: None,
        precision: matches!(qualifier, Qualifier::Exact | Qualifier::Approx).then_some(step),
        base: Base {
            dimension: Dimension::Percent,
            unit: "percent".to_string(),
            interval: interval.map(|share| share * 100.0),
        },
    }
}

fn years(first: i32, last: i32) -> Quantity {
    let base = match (calendar::year(first), calendar::year(last)) {
        (Some(first), Some(last)) => Interval {
            low: first.low,
            high: last.high,
        },
        _ => Interval::UNBOUNDED,
    };
    Quantity {
        kind: Kind::Year,
        qualifier: if first == last {
            Qualifier::Exact
        } else {
            Qualifier::Range
        },
        value: (first == last).then_some(f64::from(first)),
        interval: Interval::closed(f64::from(first), f64::from(last)),
        unit: None,
        precision: None,
        base: calendar_base(base),
    }
}

/// The days a date written in `year` spans: its day, the days from it
/// `through` a last (month, day), or its month; `None` for a date that the
/// year does not have (29 February).
fn days_written(
    year: i32,
    month: u8,
    day: Option<u8>,
    through: Option<(u8, u8)>,
) -> Option<Interval> {
    let first = match day {
        Some(day) => calendar::day(year, month, day)?,
        None => calendar::month(year, month)?,
    };
    match through {
        Some((last_month, last_day)) => Some(Interval {
            low: first.low,
            high: calendar::day(year, last_month, last_day)?.high,
        }),
        None => Some(first),
    }
}

/// How far from the document's date, in days, a date without a year
/// stays in the document's year when no word marks its time: beyond it,
/// "on Dec. 28" in a January article is last December, "in January" in a
/// late-October one next January.
const UNMARKED_REACH: f64 = 270.0;

/// The year of a date written without one, in a document of
/// `document_date`, given the `days` it spans in any year. What is past is
/// the last such day or month that starts by the document's date ("met in
/// December", in October, is last December); what is to come is the first
/// that ends on or after it ("will meet in March", in October, is next
/// March); unmarked, it is the document's year unless that puts it beyond
/// [`UNMARKED_REACH`] of the document's date and a year either side is
/// nearer.
fn year_by_tense(
    days: impl Fn(i32) -> Option<Interval>,
    tense: Tense,
    document_date: calendar::Date,
) -> i32 {
    let year = i32::from(document_date.year());
    let today = calendar::day_number(document_date);
    // 29 February of a year without one has no place: the year stays.
    let Some(in_this_year) = days(year) else {
        return year;
    };
    let starts_later = in_this_year.low_value().is_some_and(|start| start > today);
    let ended_before = in_this_year.high_value().is_some_and(|end| end < today);
    let distance = |days: Option<Interval>| {
        days.map_or(f64::INFINITY, |days| {
            let (low, high) = (
                days.low_value().unwrap_or(today),
                days.high_value().unwrap_or(today),
            );
            (low - today).max(today - high).max(0.0)
        })
    };
    match tense {
        Tense::Past if starts_later => year - 1,
        Tense::Future if ended_before => year + 1,
        Tense::Unmarked if distance(Some(in_this_year)) > UNMARKED_REACH => [year - 1, year + 1]
            .into_iter()
            .map(|other| (distance(days(other)), other))
            .filter(|(away, _)| *away < distance(Some(in_this_year)))
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map_or(year, |(_, other)| other),
        _ => year,
    }
}

/// A date of the calendar, from the days it spans; unknown days (no year
/// to place them in) assert nothing.
fn date(days: Option<Interval>, is_span: bool) -> Quantity {
    let interval = days.unwrap_or(Interval::UNBOUNDED);
    let value = interval
        .low_value()
        .filter(|low| Some(*low) == interval.high_value());
    Quantity {
        kind: Kind::Date,
        qualifier: if is_span {
            Qualifier::Range
        } else {
            Qualifier::Exact
        },
        value,
        interval,
        unit: None,
        precision: None,
        base: calendar_base(interval),
    }
}

/// "two years ago": the document's date less the duration, as precise as
/// the duration was written.
fn ago(mention: &Mention, value: f64, step: f64, document_date: Option<Date>) -> Quantity {
    let unit = mention.unit.as_deref().and_then(vocab::unit);
    let (interval, value) = match (unit, document_date) {
        (Some(unit), Some(document_date)) => {
            let today = calendar::day_number(document_date);
            let days_back = interval(
                mention.qualifier,
                value * unit.scale,
                step * unit.scale,
                unit.scale,
            )
            .map(|value| unit.to_base(value));
            // Further back is earlier, so the bounds swap.
            let interval = Interval {
                low: days_back.high.map(|bound| claimcheck_core::Bound {
                    value: today - bound.value,
                    ..bound
                }),
                high: days_back.low.map(|bound| claimcheck_core::Bound {
                    value: today - bound.value,
                    ..bound
                }),
            };
            (
                interval,
                Some((today - unit.to_base(value * unit.scale)).round()),
            )
        }
        _ => (Interval::UNBOUNDED, None),
    };
    Quantity {
        kind: Kind::Date,
        qualifier: mention.qualifier,
        value,
        interval,
        unit: None,
        precision: None,
        base: calendar_base(interval),
    }
}

fn calendar_base(interval: Interval) -> Base {
    Base {
        dimension: Dimension::Calendar,
        unit: "days".to_string(),
        interval,
    }
}

#[cfg(test)]
mod tests;
