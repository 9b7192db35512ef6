use claimcheck_core::calendar::{self, Date};
use claimcheck_core::{
    Bound, Interval, Kind, Mention, Noun, NounRole, Qualifier, Reading, Role, Span, Tense,
};

use crate::{interval, normalize};

fn mention(
    qualifier: Qualifier,
    reading: Reading,
    unit: Option<&str>,
    noun: Option<&str>,
) -> Mention {
    Mention {
        span: Span::new(100, 110),
        sentence: Span::new(0, 200),
        paragraph: Span::new(0, 200),
        qualifier,
        reading,
        unit: unit.map(str::to_string),
        noun: noun.map(|word| Noun {
            word: word.to_string(),
            span: Span::new(111, 111 + word.len()),
            role: NounRole::Counted,
        }),
        refers_back: false,
        forecast: None,
        denied: None,
        earlier: false,
        dateline: false,
        relative: false,
    }
}

fn figure(value: f64, step: f64) -> Reading {
    Reading::Figure { value, step }
}

fn day(year: i16, month: i8, day: i8) -> f64 {
    calendar::day_number(jiff_date(year, month, day))
}

fn jiff_date(year: i16, month: i8, day: i8) -> Date {
    Date::new(year, month, day).unwrap()
}

#[test]
fn qualifier_intervals() {
    use Qualifier::*;
    // (qualifier, value, step, unit step, expected)
    let cases = [
        (Exact, 2000.0, 1000.0, 1.0, Interval::closed(1900.0, 2100.0)),
        (
            Exact,
            6500.0,
            100.0,
            1.0,
            Interval::half_open(6450.0, 6550.0),
        ),
        (Exact, 286.0, 1.0, 1.0, Interval::half_open(285.5, 286.5)),
        (Exact, 10.0, 10.0, 1.0, Interval::closed(9.5, 10.5)),
        (Exact, 6.0, 1.0, 1.0, Interval::half_open(5.5, 6.5)),
        (Exact, 1.5e6, 1e5, 1.0, Interval::half_open(1.45e6, 1.55e6)),
        (
            Approx,
            30_000.0,
            10_000.0,
            1.0,
            Interval::closed(27_000.0, 33_000.0),
        ),
        (Approx, 300.0, 1.0, 1.0, Interval::closed(270.0, 330.0)),
        (Approx, 3.0, 1.0, 1.0, Interval::closed(2.5, 3.5)),
        // One-sided figures reach a few steps past them, or a fifth.
        (
            MoreThan,
            6500.0,
            100.0,
            1.0,
            bounded(
                Interval::above(6500.0, false),
                Interval::below(7800.0, true),
            ),
        ),
        (
            AtLeast,
            1000.0,
            1000.0,
            1.0,
            bounded(Interval::above(1000.0, true), Interval::below(4000.0, true)),
        ),
        (
            UpTo,
            120.0,
            10.0,
            1.0,
            bounded(Interval::above(90.0, true), Interval::below(120.0, true)),
        ),
        // ... but never past zero below a positive figure.
        (
            LessThan,
            20.0,
            10.0,
            1.0,
            bounded(Interval::above(0.0, true), Interval::below(20.0, false)),
        ),
        (
            LessThan,
            -3.0,
            1.0,
            1.0,
            bounded(Interval::above(-6.0, true), Interval::below(-3.0, false)),
        ),
    ];
    for (qualifier, value, step, unit_step, expected) in cases {
        assert_eq!(
            interval(qualifier, value, step, unit_step),
            expected,
            "{qualifier:?} {value}"
        );
    }
    let nearly = interval(Nearly, 30_000.0, 10_000.0, 1.0);
    assert!(nearly.contains(28_000.0) && !nearly.contains(30_000.0) && !nearly.contains(26_000.0));
    let nearly_ten = interval(Nearly, 10.0, 10.0, 1.0);
    assert!(nearly_ten.contains(9.0) && !nearly_ten.contains(8.0));
    let just_over = interval(JustOver, 6500.0, 100.0, 1.0);
    assert!(
        just_over.contains(7100.0) && !just_over.contains(6500.0) && !just_over.contains(7200.0)
    );
    let just_under = interval(JustUnder, 6500.0, 100.0, 1.0);
    assert!(
        just_under.contains(5900.0) && !just_under.contains(6500.0) && !just_under.contains(5800.0)
    );
}

/// The low bound of `low` and the high bound of `high`.
fn bounded(low: Interval, high: Interval) -> Interval {
    Interval {
        low: low.low,
        high: high.high,
    }
}

/// A round figure is not a licence: it stands for its value within a
/// small share of it, and a small count for itself.
#[test]
fn round_figures_reach_a_small_share_of_their_value() {
    use Qualifier::{Approx, Exact, MoreThan};
    // (qualifier, value, step, unit step, truth, admitted)
    let cases = [
        (Exact, 2000.0, 1000.0, 1.0, 1960.0, true),
        (Exact, 10.0, 10.0, 1.0, 12.0, false),
        (Exact, 10e6, 10e6, 1.0, 12.5e6, false),
        (Exact, 200.0, 100.0, 1.0, 240.0, false),
        (Exact, 286.0, 1.0, 1.0, 386.0, false),
        (Approx, 30_000.0, 10_000.0, 1.0, 29_000.0, true),
        (Approx, 200.0, 100.0, 1.0, 240.0, false),
        // Six weeks and ten weeks, in weeks, against 44 days.
        (Exact, 6.0, 1.0, 1.0, 44.0 / 7.0, true),
        (Exact, 10.0, 10.0, 1.0, 44.0 / 7.0, false),
        // "more than 3,400" is no account of 4,300, nor "more than three
        // months" of three years (in months); "more than 1,000" is one of
        // 1,400.
        (MoreThan, 3400.0, 100.0, 1.0, 4300.0, false),
        (MoreThan, 3.0, 1.0, 1.0, 36.0, false),
        (MoreThan, 1000.0, 1000.0, 1.0, 1400.0, true),
        (MoreThan, 6500.0, 100.0, 1.0, 6731.0, true),
    ];
    for (qualifier, value, step, unit_step, truth, admitted) in cases {
        assert_eq!(
            interval(qualifier, value, step, unit_step).contains(truth),
            admitted,
            "{qualifier:?} {value} against {truth}"
        );
    }
}

#[test]
fn counts_take_their_noun_in_plural_form() {
    let claims = normalize(
        vec![mention(
            Qualifier::MoreThan,
            figure(6500.0, 100.0),
            None,
            Some("troops"),
        )],
        None,
    )
    .claims;
    let quantity = &claims[0].quantity;
    assert_eq!(
        (quantity.kind, quantity.unit.as_deref(), claims[0].role),
        (Kind::Count, Some("troops"), Role::Claim)
    );
    assert_eq!(quantity.base.unit, "troops");
    let one = normalize(
        vec![mention(
            Qualifier::Exact,
            figure(1.0, 1.0),
            None,
            Some("war"),
        )],
        None,
    )
    .claims;
    assert_eq!(one[0].quantity.unit.as_deref(), Some("wars"));
}

#[test]
fn durations_carry_days_and_decades_read_as_years() {
    let six_weeks = &normalize(
        vec![mention(
            Qualifier::Exact,
            figure(6.0, 1.0),
            Some("week"),
            None,
        )],
        None,
    )
    .claims[0]
        .quantity;
    assert_eq!(
        (six_weeks.kind, six_weeks.unit.as_deref()),
        (Kind::Duration, Some("weeks"))
    );
    assert_eq!(six_weeks.interval, Interval::half_open(5.5, 6.5));
    assert_eq!(six_weeks.base.interval, Interval::half_open(38.5, 45.5));
    assert!(
        six_weeks
            .base
            .interval
            .overlaps(&Interval::closed(44.0, 45.0))
    );

    let decades = &normalize(
        vec![mention(
            Qualifier::UpTo,
            figure(2.0, 1.0),
            Some("decades"),
            None,
        )],
        None,
    )
    .claims[0]
        .quantity;
    assert_eq!(
        (decades.value, decades.unit.as_deref()),
        (Some(20.0), Some("years"))
    );
    assert_eq!(
        decades.interval,
        bounded(Interval::above(0.0, true), Interval::below(20.0, true))
    );

    let several = &normalize(
        vec![mention(
            Qualifier::Exact,
            Reading::Vague {
                low: 3.0,
                high: 9.0,
            },
            Some("decades"),
            None,
        )],
        None,
    )
    .claims[0]
        .quantity;
    assert_eq!(
        (several.value, several.qualifier),
        (None, Qualifier::Approx)
    );
    assert_eq!(several.interval, Interval::closed(30.0, 90.0));
}

#[test]
fn money_and_percent_take_their_unit() {
    let money = &normalize(
        vec![mention(
            Qualifier::Exact,
            figure(1.2e9, 1e8),
            Some("$"),
            None,
        )],
        None,
    )
    .claims[0]
        .quantity;
    assert_eq!(
        (money.kind, money.unit.as_deref(), money.base.unit.as_str()),
        (Kind::Money, Some("usd"), "usd")
    );
    // Pence are hundredths of a pound.
    let pence = &normalize(
        vec![mention(
            Qualifier::Exact,
            figure(13.7, 0.01),
            Some("pence"),
            None,
        )],
        None,
    )
    .claims[0]
        .quantity;
    assert_eq!(
        (pence.kind, pence.unit.as_deref()),
        (Kind::Money, Some("gbp"))
    );
    assert!(
        pence
            .value
            .is_some_and(|pounds| (pounds - 0.137).abs() < 1e-12)
    );
    let percent = &normalize(
        vec![mention(
            Qualifier::Exact,
            figure(12.0, 1.0),
            Some("per cent"),
            None,
        )],
        None,
    )
    .claims[0]
        .quantity;
    assert_eq!(
        (percent.kind, percent.unit.as_deref()),
        (Kind::Percent, Some("percent"))
    );
}

#[test]
fn ranges_keep_their_bounds() {
    let range = &normalize(
        vec![mention(
            Qualifier::Exact,
            Reading::Range {
                low: Bound {
                    value: 2e6,
                    inclusive: true,
                },
                high: Bound {
                    value: 3e6,
                    inclusive: true,
                },
            },
            None,
            Some("people"),
        )],
        None,
    )
    .claims[0]
        .quantity;
    assert_eq!((range.qualifier, range.value), (Qualifier::Range, None));
    assert_eq!(range.interval, Interval::closed(2e6, 3e6));
}

#[test]
fn the_dateline_dates_the_document_and_fills_missing_years() {
    let dateline = Mention {
        span: Span::new(10, 26),
        sentence: Span::new(10, 26),
        ..mention(
            Qualifier::Exact,
            Reading::Date {
                year: Some(2022),
                month: 10,
                day: Some(31),
                through: None,
                tense: Tense::Unmarked,
            },
            None,
            None,
        )
    };
    let meeting = mention(
        Qualifier::Exact,
        Reading::Date {
            year: None,
            month: 10,
            day: Some(3),
            through: None,
            tense: Tense::Unmarked,
        },
        None,
        None,
    );
    let in_august = mention(
        Qualifier::Exact,
        Reading::Date {
            year: None,
            month: 8,
            day: None,
            through: None,
            tense: Tense::Unmarked,
        },
        None,
        None,
    );
    let normalized = normalize(vec![dateline, meeting, in_august], None);
    assert_eq!(
        normalized.date.map(|date| date.date),
        Some(jiff_date(2022, 10, 31))
    );
    let [dateline, meeting, august] = &normalized.claims[..] else {
        panic!("three claims")
    };
    assert_eq!(dateline.role, Role::Context);
    assert_eq!(meeting.quantity.value, Some(day(2022, 10, 3)));
    assert_eq!(
        meeting.quantity.base.interval,
        Interval::exact(day(2022, 10, 3))
    );
    assert_eq!(august.quantity.value, None);
    assert_eq!(
        august.quantity.interval,
        Interval::closed(day(2022, 8, 1), day(2022, 8, 31))
    );
}

#[test]
fn a_date_without_a_year_falls_in_the_year_its_tense_says() {
    let in_year = |month, day: Option<u8>, tense| {
        let reading = Reading::Date {
            year: None,
            month,
            day,
            through: None,
            tense,
        };
        let claims = normalize(
            vec![mention(Qualifier::Exact, reading, None, None)],
            Some("2022-10-31"),
        )
        .claims;
        let first_day = claims[0].quantity.interval.low_value().unwrap();
        calendar::date_of(first_day).unwrap().year()
    };
    let cases = [
        // "met in December", written on 31 October 2022: last December.
        (12, None, Tense::Past, 2021),
        (8, None, Tense::Past, 2022),
        (10, Some(31), Tense::Past, 2022),
        (11, Some(1), Tense::Past, 2021),
        // "will meet in March": next March; November is still to come.
        (3, None, Tense::Future, 2023),
        (11, None, Tense::Future, 2022),
        (10, None, Tense::Future, 2022),
        (10, Some(31), Tense::Future, 2022),
        (10, Some(30), Tense::Future, 2023),
        // Nothing says: the document's year, unless that is over nine
        // months away and another year is nearer.
        (12, None, Tense::Unmarked, 2022),
        (3, None, Tense::Unmarked, 2022),
        (1, None, Tense::Unmarked, 2023),
    ];
    for (month, day, tense, year) in cases {
        assert_eq!(
            in_year(month, day, tense),
            year as i16,
            "{month}/{day:?} {tense:?}"
        );
    }
}

#[test]
fn an_unmarked_date_near_new_year_falls_in_the_nearer_year() {
    let reading = Reading::Date {
        year: None,
        month: 12,
        day: Some(28),
        through: None,
        tense: Tense::Unmarked,
    };
    let claims = normalize(
        vec![mention(Qualifier::Exact, reading, None, None)],
        Some("2023-01-10"),
    )
    .claims;
    assert_eq!(claims[0].quantity.value, Some(day(2022, 12, 28)));
}

#[test]
fn a_span_of_days_runs_from_its_first_day_to_its_last() {
    let span = |year, tense| {
        let reading = Reading::Date {
            year,
            month: 12,
            day: Some(30),
            through: Some((12, 31)),
            tense,
        };
        normalize(
            vec![mention(Qualifier::Exact, reading, None, None)],
            Some("2022-10-31"),
        )
        .claims
        .remove(0)
        .quantity
    };
    let written = span(Some(2020), Tense::Unmarked);
    assert_eq!(written.qualifier, Qualifier::Range);
    assert_eq!(written.value, None);
    assert_eq!(
        written.interval,
        Interval::closed(day(2020, 12, 30), day(2020, 12, 31))
    );
    // "met from Dec. 30 to 31", written in October: last December's days.
    assert_eq!(
        span(None, Tense::Past).interval,
        Interval::closed(day(2021, 12, 30), day(2021, 12, 31))
    );
}

#[test]
fn a_date_inside_a_sentence_is_no_dateline() {
    let in_prose = mention(
        Qualifier::Exact,
        Reading::Date {
            year: Some(2022),
            month: 10,
            day: Some(3),
            through: None,
            tense: Tense::Unmarked,
        },
        None,
        None,
    );
    assert_eq!(normalize(vec![in_prose], None).date, None);
}

#[test]
fn front_matter_date_wins_over_a_dateline() {
    let dateline = Mention {
        sentence: Span::new(100, 110),
        ..mention(
            Qualifier::Exact,
            Reading::Date {
                year: Some(2022),
                month: 10,
                day: Some(31),
                through: None,
                tense: Tense::Unmarked,
            },
            None,
            None,
        )
    };
    let normalized = normalize(vec![dateline], Some("2021-05-04T10:00:00Z"));
    assert_eq!(
        normalized.date.map(|date| date.date),
        Some(jiff_date(2021, 5, 4))
    );
}

#[test]
fn a_date_without_year_and_no_document_date_is_open() {
    let claims = normalize(
        vec![mention(
            Qualifier::Exact,
            Reading::Date {
                year: None,
                month: 10,
                day: Some(3),
                through: None,
                tense: Tense::Unmarked,
            },
            None,
            None,
        )],
        None,
    )
    .claims;
    assert_eq!(claims[0].quantity.interval, Interval::UNBOUNDED);
}

#[test]
fn years_and_decades_span_their_days() {
    let claims = normalize(
        vec![
            mention(
                Qualifier::Exact,
                Reading::Years {
                    first: 1991,
                    last: 1991,
                },
                None,
                None,
            ),
            mention(
                Qualifier::Exact,
                Reading::Years {
                    first: 1990,
                    last: 1999,
                },
                None,
                None,
            ),
        ],
        None,
    )
    .claims;
    assert_eq!(
        (claims[0].quantity.kind, claims[0].quantity.value),
        (Kind::Year, Some(1991.0))
    );
    assert_eq!(Some(claims[0].quantity.base.interval), calendar::year(1991));
    assert_eq!(claims[1].quantity.value, None);
    assert_eq!(
        claims[1].quantity.interval,
        Interval::closed(1990.0, 1999.0)
    );
    assert!(claims.iter().all(|claim| claim.role == Role::Context));
}

#[test]
fn ago_counts_back_from_the_document_date() {
    let ago = mention(
        Qualifier::Exact,
        Reading::Ago {
            value: 2.0,
            step: 1.0,
        },
        Some("years"),
        None,
    );
    let claims = normalize(vec![ago], Some("2022-10-31")).claims;
    let quantity = &claims[0].quantity;
    assert_eq!((quantity.kind, claims[0].role), (Kind::Date, Role::Context));
    assert!(quantity.base.interval.contains(day(2020, 11, 10)));
    assert!(!quantity.base.interval.contains(day(2019, 10, 31)));
    assert!(!quantity.base.interval.contains(day(2022, 1, 1)));
}

#[test]
fn figures_that_refer_back_are_context() {
    let restated = Mention {
        refers_back: true,
        ..mention(Qualifier::Exact, figure(2.0, 1.0), None, Some("countries"))
    };
    assert_eq!(
        normalize(vec![restated], None).claims[0].role,
        Role::Context
    );
}

#[test]
fn figures_beyond_a_float_assert_nothing() {
    let cases = [
        // Its reach past the figure is beyond a float.
        mention(
            Qualifier::MoreThan,
            figure(1e308, 1e308),
            None,
            Some("troops"),
        ),
        // Days of so many years are.
        mention(Qualifier::Exact, figure(1e307, 1e307), Some("years"), None),
        mention(Qualifier::Exact, figure(f64::INFINITY, 1.0), None, None),
        mention(Qualifier::Exact, figure(f64::NAN, 1.0), Some("%"), None),
        mention(
            Qualifier::Range,
            Reading::Range {
                low: Bound {
                    value: 5.0,
                    inclusive: true,
                },
                high: Bound {
                    value: f64::INFINITY,
                    inclusive: true,
                },
            },
            None,
            None,
        ),
    ];
    for case in cases {
        let reading = format!("{:?}", case.reading);
        let claim = &normalize(vec![case], None).claims[0];
        assert_eq!(claim.quantity.value, None, "{reading}");
        assert_eq!(claim.quantity.interval, Interval::UNBOUNDED, "{reading}");
        assert_eq!(
            claim.quantity.base.interval,
            Interval::UNBOUNDED,
            "{reading}"
        );
    }
    // A figure large but within a float keeps its interval.
    let large = mention(Qualifier::Exact, figure(1e300, 1e300), None, None);
    let claim = &normalize(vec![large], None).claims[0];
    assert_eq!(
        claim.quantity.interval,
        Interval::closed(0.95e300, 1.05e300)
    );
}

#[test]
fn a_reach_too_small_to_move_a_figure_leaves_it_exact() {
    // Twenty-one digits written to the unit: half a unit is lost in the
    // float, and [v - 0.5, v + 0.5) would hold nothing at all.
    let value = 123_456_789_012_345_678_901.0;
    assert_eq!(
        interval(Qualifier::Exact, value, 1.0, 1.0),
        Interval::exact(value)
    );
    assert_eq!(
        interval(Qualifier::Exact, 1.0, 0.0, 0.0),
        Interval::exact(1.0)
    );
    assert_eq!(
        interval(Qualifier::Exact, 286.0, 1.0, 1.0),
        Interval::half_open(285.5, 286.5)
    );
}
