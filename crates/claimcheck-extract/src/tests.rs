//! Table-driven tests of what extraction reads from a sentence.

// Tables of cases are long by nature; splitting them would hide the pattern.
#![allow(clippy::too_many_lines)]

use claimcheck_core::{Mention, NounRole, Qualifier, Reading, Tense};
use pretty_assertions::assert_eq;

use crate::{Format, extract};

/// What one mention should be: its text, qualifier, reading, unit as
/// written, and noun.
struct Expected {
    text: &'static str,
    qualifier: Qualifier,
    reading: Reading,
    unit: Option<&'static str>,
    noun: Option<(&'static str, NounRole)>,
}

fn figure(value: f64, step: f64) -> Reading {
    Reading::Figure { value, step }
}

fn expect(
    text: &'static str,
    qualifier: Qualifier,
    reading: Reading,
    unit: Option<&'static str>,
    noun: Option<&'static str>,
) -> Expected {
    Expected {
        text,
        qualifier,
        reading,
        unit,
        noun: noun.map(|noun| (noun, NounRole::Counted)),
    }
}

fn check(input: &str, expected: &[Expected]) {
    let extraction = extract(input, Format::Plain);
    let found: Vec<String> = extraction
        .mentions
        .iter()
        .map(|mention| {
            format!(
                "{:?} {:?} {:?} unit={:?} noun={:?}",
                mention.span.of(input),
                mention.qualifier,
                mention.reading,
                mention.unit,
                mention
                    .noun
                    .as_ref()
                    .map(|noun| (noun.word.as_str(), noun.role))
            )
        })
        .collect();
    let wanted: Vec<String> = expected
        .iter()
        .map(|expected| {
            format!(
                "{:?} {:?} {:?} unit={:?} noun={:?}",
                expected.text, expected.qualifier, expected.reading, expected.unit, expected.noun
            )
        })
        .collect();
    assert_eq!(found, wanted, "in {input:?}");
}

#[test]
fn digits() {
    use Qualifier::Exact;
    let cases: &[(&str, Vec<Expected>)] = &[
        (
            "6,500 troops",
            vec![expect(
                "6,500",
                Exact,
                figure(6500.0, 100.0),
                None,
                Some("troops"),
            )],
        ),
        (
            "6 500 troops",
            vec![expect(
                "6 500",
                Exact,
                figure(6500.0, 100.0),
                None,
                Some("troops"),
            )],
        ),
        (
            "1,234,567.89 euros",
            vec![expect(
                "1,234,567.89 euros",
                Exact,
                figure(1_234_567.89, 0.01),
                Some("euros"),
                None,
            )],
        ),
        (
            "0.5 percent",
            vec![expect(
                "0.5 percent",
                Exact,
                figure(0.5, 0.1),
                Some("percent"),
                None,
            )],
        ),
        (
            "rose by .5 points",
            vec![expect(".5", Exact, figure(0.5, 0.1), None, Some("points"))],
        ),
        (
            "a low of -3 degrees",
            vec![expect(
                "-3",
                Exact,
                figure(-3.0, 1.0),
                None,
                Some("degrees"),
            )],
        ),
        (
            "+4.2 percent",
            vec![expect(
                "+4.2 percent",
                Exact,
                figure(4.2, 0.1),
                Some("percent"),
                None,
            )],
        ),
        (
            "2,000 peacekeepers",
            vec![expect(
                "2,000",
                Exact,
                figure(2000.0, 1000.0),
                None,
                Some("peacekeepers"),
            )],
        ),
        (
            "4.80 metres",
            vec![expect(
                "4.80 metres",
                Exact,
                figure(4.8, 0.01),
                Some("metres"),
                None,
            )],
        ),
    ];
    for (input, expected) in cases {
        check(input, expected);
    }
}

#[test]
fn magnitudes_and_money() {
    use Qualifier::Exact;
    let cases: &[(&str, Vec<Expected>)] = &[
        (
            "1.5 million people",
            vec![expect(
                "1.5 million",
                Exact,
                figure(1.5e6, 1e5),
                None,
                Some("people"),
            )],
        ),
        (
            "a $1.2bn deal",
            vec![expect("$1.2bn", Exact, figure(1.2e9, 1e8), Some("$"), None)],
        ),
        (
            "$3.4 billion",
            vec![expect(
                "$3.4 billion",
                Exact,
                figure(3.4e9, 1e8),
                Some("$"),
                None,
            )],
        ),
        // A glued "m" before a plural count is millions, else metres.
        (
            "3.3m people",
            vec![expect(
                "3.3m",
                Exact,
                figure(3.3e6, 1e5),
                None,
                Some("people"),
            )],
        ),
        (
            "a 3m wall",
            vec![expect("3m", Exact, figure(3.0, 1.0), Some("metres"), None)],
        ),
        (
            "30k runners",
            vec![expect(
                "30k",
                Exact,
                figure(3e4, 1e4),
                None,
                Some("runners"),
            )],
        ),
        (
            "US$5m in aid",
            vec![expect("US$5m", Exact, figure(5e6, 1e6), Some("us$"), None)],
        ),
        (
            "R$43bn in dividends",
            vec![expect("R$43bn", Exact, figure(43e9, 1e9), Some("r$"), None)],
        ),
        // A dollar of a currency not known is no US dollar.
        (
            "Z$100bn printed",
            vec![expect("100bn", Exact, figure(1e11, 1e11), None, None)],
        ),
        (
            "€300 million",
            vec![expect(
                "€300 million",
                Exact,
                figure(3e8, 1e8),
                Some("€"),
                None,
            )],
        ),
        (
            "£11.6 billion",
            vec![expect(
                "£11.6 billion",
                Exact,
                figure(1.16e10, 1e8),
                Some("£"),
                None,
            )],
        ),
        (
            "5 dollars",
            vec![expect(
                "5 dollars",
                Exact,
                figure(5.0, 1.0),
                Some("dollars"),
                None,
            )],
        ),
        (
            "300 rubles",
            vec![expect(
                "300 rubles",
                Exact,
                figure(300.0, 100.0),
                Some("rubles"),
                None,
            )],
        ),
        (
            "₽300",
            vec![expect("₽300", Exact, figure(300.0, 100.0), Some("₽"), None)],
        ),
        (
            "USD 40 million",
            vec![expect(
                "USD 40 million",
                Exact,
                figure(4e7, 1e7),
                Some("usd"),
                None,
            )],
        ),
        (
            "12% of voters",
            vec![expect(
                "12%",
                Exact,
                figure(12.0, 1.0),
                Some("%"),
                Some("voters"),
            )],
        ),
        (
            "12 per cent",
            vec![expect(
                "12 per cent",
                Exact,
                figure(12.0, 1.0),
                Some("per cent"),
                None,
            )],
        ),
        (
            "3 percentage points",
            vec![expect(
                "3 percentage points",
                Exact,
                figure(3.0, 1.0),
                Some("percentage points"),
                None,
            )],
        ),
    ];
    for (input, expected) in cases {
        check(input, expected);
    }
}

#[test]
fn number_words() {
    use Qualifier::Exact;
    let cases: &[(&str, Vec<Expected>)] = &[
        (
            "two wars",
            vec![expect("two", Exact, figure(2.0, 1.0), None, Some("wars"))],
        ),
        (
            "twenty-five soldiers",
            vec![expect(
                "twenty-five",
                Exact,
                figure(25.0, 1.0),
                None,
                Some("soldiers"),
            )],
        ),
        (
            "one hundred and twelve people",
            vec![expect(
                "one hundred and twelve",
                Exact,
                figure(112.0, 1.0),
                None,
                Some("people"),
            )],
        ),
        (
            "two thousand troops",
            vec![expect(
                "two thousand",
                Exact,
                figure(2000.0, 1000.0),
                None,
                Some("troops"),
            )],
        ),
        (
            "a dozen villages",
            vec![expect(
                "a dozen",
                Exact,
                figure(12.0, 1.0),
                None,
                Some("villages"),
            )],
        ),
        (
            "half a million refugees",
            vec![expect(
                "half a million",
                Exact,
                figure(5e5, 1e5),
                None,
                Some("refugees"),
            )],
        ),
        (
            "a quarter of a million votes",
            vec![expect(
                "a quarter of a million",
                Exact,
                figure(2.5e5, 1e4),
                None,
                Some("votes"),
            )],
        ),
        (
            "a couple of days",
            vec![expect(
                "a couple of days",
                Exact,
                figure(2.0, 1.0),
                Some("days"),
                None,
            )],
        ),
        (
            "a score of ships",
            vec![expect(
                "a score of",
                Exact,
                figure(20.0, 10.0),
                None,
                Some("ships"),
            )],
        ),
        (
            "one war",
            vec![expect("one", Exact, figure(1.0, 1.0), None, Some("war"))],
        ),
        // A source's estimate is as precise as its digits.
        (
            "an estimated 300 people",
            vec![expect(
                "an estimated 300",
                Exact,
                figure(300.0, 100.0),
                None,
                Some("people"),
            )],
        ),
    ];
    for (input, expected) in cases {
        check(input, expected);
    }
}

#[test]
fn vague_amounts() {
    use Qualifier::Exact;
    let vague = |low: f64, high: f64| Reading::Vague { low, high };
    let cases: &[(&str, Vec<Expected>)] = &[
        (
            "several decades",
            vec![expect(
                "several decades",
                Exact,
                vague(3.0, 9.0),
                Some("decades"),
                None,
            )],
        ),
        (
            "dozens of people",
            vec![expect(
                "dozens",
                Exact,
                vague(24.0, 119.0),
                None,
                Some("people"),
            )],
        ),
        (
            "tens of thousands of people",
            vec![expect(
                "tens of thousands",
                Exact,
                vague(2e4, 99_999.0),
                None,
                Some("people"),
            )],
        ),
        (
            "hundreds of millions of dollars",
            vec![expect(
                "hundreds of millions of dollars",
                Exact,
                vague(2e8, 999_999_999.0),
                Some("dollars"),
                None,
            )],
        ),
        (
            "several hundred homes",
            vec![expect(
                "several hundred",
                Exact,
                vague(300.0, 900.0),
                None,
                Some("homes"),
            )],
        ),
    ];
    for (input, expected) in cases {
        check(input, expected);
    }
}

#[test]
fn qualifiers() {
    use Qualifier::*;
    let cases: &[(&str, Qualifier, &str)] = &[
        ("more than 6,500 troops", MoreThan, "more than 6,500"),
        ("over 300 troops", MoreThan, "over 300"),
        ("upwards of 300 troops", MoreThan, "upwards of 300"),
        ("at least 300 troops", AtLeast, "at least 300"),
        ("no fewer than 300 troops", AtLeast, "no fewer than 300"),
        ("nearly 300 troops", Nearly, "nearly 300"),
        ("almost 300 troops", Nearly, "almost 300"),
        ("about 300 troops", Approx, "about 300"),
        ("around 30,000 lives", Approx, "around 30,000"),
        ("roughly 300 troops", Approx, "roughly 300"),
        ("some 300 troops", Approx, "some 300"),
        ("approximately 300 troops", Approx, "approximately 300"),
        ("up to 300 troops", UpTo, "up to 300"),
        ("killed up to 300 people", UpTo, "up to 300"),
        ("plans to cut up to 700 jobs", UpTo, "up to 700"),
        // After a verb of change, "up to" says where it went.
        ("the rate ticked up to 5.4%", Exact, "5.4%"),
        ("prices went up to $4", Exact, "$4"),
        ("as many as 300 troops", UpTo, "as many as 300"),
        ("less than 300 troops", LessThan, "less than 300"),
        ("fewer than 300 troops", LessThan, "fewer than 300"),
        ("under 300 troops", LessThan, "under 300"),
        ("under 2 metres high", LessThan, "under 2 metres"),
        // Beneath, not less than.
        ("buried under 2 metres of snow", Exact, "2 metres"),
        // The time something took, unless a word makes it a length.
        ("displaced over eight years", Exact, "eight years"),
        ("it rained over three days", Exact, "three days"),
        ("for over three years", MoreThan, "over three years"),
        (
            "the talks lasted over two hours",
            MoreThan,
            "over two hours",
        ),
        ("at most 300 troops", UpTo, "at most 300"),
        ("just over 300 troops", JustOver, "just over 300"),
        ("just under 300 troops", JustUnder, "just under 300"),
        (
            "by up to another two decades",
            UpTo,
            "up to another two decades",
        ),
    ];
    for (input, qualifier, text) in cases {
        let extraction = extract(input, Format::Plain);
        let mention = &extraction.mentions[0];
        assert_eq!(
            (mention.span.of(input), mention.qualifier),
            (*text, *qualifier),
            "{input}"
        );
    }
}

#[test]
fn ranges() {
    use Qualifier::{Exact, Range};
    let range = |low: f64, high: f64| Reading::Range {
        low: claimcheck_core::Bound {
            value: low,
            inclusive: true,
        },
        high: claimcheck_core::Bound {
            value: high,
            inclusive: true,
        },
    };
    let cases: &[(&str, Vec<Expected>)] = &[
        (
            "200-300 people",
            vec![expect(
                "200-300",
                Range,
                range(200.0, 300.0),
                None,
                Some("people"),
            )],
        ),
        (
            "200 to 300 people",
            vec![expect(
                "200 to 300",
                Range,
                range(200.0, 300.0),
                None,
                Some("people"),
            )],
        ),
        (
            "between 200 and 300 people",
            vec![expect(
                "between 200 and 300",
                Range,
                range(200.0, 300.0),
                None,
                Some("people"),
            )],
        ),
        (
            "between 1 million and 2 million people",
            vec![expect(
                "between 1 million and 2 million",
                Range,
                range(1e6, 2e6),
                None,
                Some("people"),
            )],
        ),
        // After a scale, "and" adds a smaller one.
        (
            "one million and two thousand people",
            vec![expect(
                "one million and two thousand",
                Exact,
                figure(1_002_000.0, 1000.0),
                None,
                Some("people"),
            )],
        ),
        (
            "2-3 million people",
            vec![expect(
                "2-3 million",
                Range,
                range(2e6, 3e6),
                None,
                Some("people"),
            )],
        ),
        (
            "two or three days",
            vec![expect(
                "two or three days",
                Range,
                range(2.0, 3.0),
                Some("days"),
                None,
            )],
        ),
        (
            "10-15%",
            vec![expect("10-15%", Range, range(10.0, 15.0), Some("%"), None)],
        ),
        // The unit on both figures.
        (
            "between 9% and 10%",
            vec![expect(
                "between 9% and 10%",
                Range,
                range(9.0, 10.0),
                Some("%"),
                None,
            )],
        ),
        (
            "snow lay 15cm to 25cm deep",
            vec![expect(
                "15cm to 25cm",
                Range,
                range(15.0, 25.0),
                Some("cm"),
                None,
            )],
        ),
        (
            "9 per cent to 10 per cent",
            vec![expect(
                "9 per cent to 10 per cent",
                Range,
                range(9.0, 10.0),
                Some("per cent"),
                None,
            )],
        ),
        // Different units are two figures.
        (
            "5 km to 10 miles",
            vec![
                expect("5 km", Exact, figure(5.0, 1.0), Some("km"), None),
                expect("10 miles", Exact, figure(10.0, 10.0), Some("miles"), None),
            ],
        ),
        // A change from one figure to another is two figures.
        (
            "prices rose from 200 to 300 rubles",
            vec![
                expect("200", Exact, figure(200.0, 100.0), None, None),
                expect(
                    "300 rubles",
                    Exact,
                    figure(300.0, 100.0),
                    Some("rubles"),
                    None,
                ),
            ],
        ),
        // A year in a change is no bound of a range.
        (
            "fell from 86% in 2019 to 81% in 2021",
            vec![
                expect("86%", Exact, figure(86.0, 1.0), Some("%"), None),
                expect(
                    "2019",
                    Exact,
                    Reading::Years {
                        first: 2019,
                        last: 2019,
                    },
                    None,
                    None,
                ),
                expect("81%", Exact, figure(81.0, 1.0), Some("%"), None),
                expect(
                    "2021",
                    Exact,
                    Reading::Years {
                        first: 2021,
                        last: 2021,
                    },
                    None,
                    None,
                ),
            ],
        ),
        // A score is neither a range nor two counts.
        ("won 3-1", vec![]),
    ];
    for (input, expected) in cases {
        check(input, expected);
    }
}

#[test]
fn units_durations_and_compounds() {
    use Qualifier::Exact;
    let modified = |text, reading, unit, noun| Expected {
        text,
        qualifier: Exact,
        reading,
        unit: Some(unit),
        noun: Some((noun, NounRole::Modified)),
    };
    let cases: &[(&str, Vec<Expected>)] = &[
        (
            "44 days",
            vec![expect(
                "44 days",
                Exact,
                figure(44.0, 1.0),
                Some("days"),
                None,
            )],
        ),
        (
            "a six-week war",
            vec![modified("six-week", figure(6.0, 1.0), "week", "war")],
        ),
        (
            "a 10-year plan",
            vec![modified("10-year", figure(10.0, 10.0), "year", "plan")],
        ),
        // The verb after the noun is no part of it.
        (
            "the six-week war ended",
            vec![modified("six-week", figure(6.0, 1.0), "week", "war")],
        ),
        (
            "a six-week armed conflict",
            vec![modified("six-week", figure(6.0, 1.0), "week", "conflict")],
        ),
        (
            "two decades",
            vec![expect(
                "two decades",
                Exact,
                figure(2.0, 1.0),
                Some("decades"),
                None,
            )],
        ),
        (
            "5 km",
            vec![expect("5 km", Exact, figure(5.0, 1.0), Some("km"), None)],
        ),
        // A unit of two words joined by a slash is one unit.
        (
            "81 km/h",
            vec![expect(
                "81 km/h",
                Exact,
                figure(81.0, 1.0),
                Some("km/h"),
                None,
            )],
        ),
        (
            "20m/s",
            vec![expect(
                "20m/s",
                Exact,
                figure(20.0, 10.0),
                Some("m/s"),
                None,
            )],
        ),
        (
            "300 tonnes",
            vec![expect(
                "300 tonnes",
                Exact,
                figure(300.0, 100.0),
                Some("tonnes"),
                None,
            )],
        ),
        (
            "2.5 degrees Celsius",
            vec![expect(
                "2.5 degrees Celsius",
                Exact,
                figure(2.5, 0.1),
                Some("degrees celsius"),
                None,
            )],
        ),
        (
            "40°C",
            vec![expect("40°C", Exact, figure(40.0, 10.0), Some("°c"), None)],
        ),
        (
            "two years ago",
            vec![expect(
                "two years ago",
                Exact,
                Reading::Ago {
                    value: 2.0,
                    step: 1.0,
                },
                Some("years"),
                None,
            )],
        ),
    ];
    for (input, expected) in cases {
        check(input, expected);
    }
}

#[test]
fn dates_years_decades_and_ordinals() {
    use Qualifier::Exact;
    let date = |year, month, day| Reading::Date {
        year: Some(year),
        month,
        day,
        through: None,
        tense: Tense::Unmarked,
    };
    let undated = |month, day, tense| Reading::Date {
        year: None,
        month,
        day,
        through: None,
        tense,
    };
    let span = |year, month, day, through, tense| Reading::Date {
        year,
        month,
        day: Some(day),
        through: Some(through),
        tense,
    };
    let years = |first, last| Reading::Years { first, last };
    let context = |text, reading| expect(text, Exact, reading, None, None);
    let cases: &[(&str, Vec<Expected>)] = &[
        (
            "October 31, 2022",
            vec![context("October 31, 2022", date(2022, 10, Some(31)))],
        ),
        (
            "Ministers met on Oct. 2-3 in Geneva.",
            vec![context("Oct. 2-3", span(None, 10, 2, (10, 3), Tense::Past))],
        ),
        (
            "The summit ran from Oct. 5 to Oct. 7, 2022 in Prague.",
            vec![context(
                "Oct. 5 to Oct. 7, 2022",
                span(Some(2022), 10, 5, (10, 7), Tense::Unmarked),
            )],
        ),
        (
            "Talks ran from 30 September to 2 October.",
            vec![context(
                "30 September to 2 October",
                span(None, 9, 30, (10, 2), Tense::Past),
            )],
        ),
        (
            "on 5-7 October 2022",
            vec![context(
                "5-7 October 2022",
                span(Some(2022), 10, 5, (10, 7), Tense::Unmarked),
            )],
        ),
        (
            "between Oct. 3 and 5",
            vec![context(
                "Oct. 3 and 5",
                span(None, 10, 3, (10, 5), Tense::Unmarked),
            )],
        ),
        // "and" joins two days only after "between"; a span runs forward.
        (
            "on Oct. 3 and Oct. 5",
            vec![
                context("Oct. 3", undated(10, Some(3), Tense::Unmarked)),
                context("Oct. 5", undated(10, Some(5), Tense::Unmarked)),
            ],
        ),
        (
            "on Oct. 7 - Oct. 5",
            vec![
                context("Oct. 7", undated(10, Some(7), Tense::Unmarked)),
                context("Oct. 5", undated(10, Some(5), Tense::Unmarked)),
            ],
        ),
        (
            "on 31 October 2022",
            vec![context("31 October 2022", date(2022, 10, Some(31)))],
        ),
        (
            "met on Oct. 3 in Geneva",
            vec![context("Oct. 3", undated(10, Some(3), Tense::Past))],
        ),
        (
            "in Brussels in August.",
            vec![context("August", undated(8, None, Tense::Unmarked))],
        ),
        (
            "in mid-August",
            vec![context("August", undated(8, None, Tense::Unmarked))],
        ),
        (
            "on the 3rd of October",
            vec![context(
                "3rd of October",
                undated(10, Some(3), Tense::Unmarked),
            )],
        ),
        (
            "The leaders last met in Prague in December.",
            vec![context("December", undated(12, None, Tense::Past))],
        ),
        (
            "They will meet again in November.",
            vec![context("November", undated(11, None, Tense::Future))],
        ),
        (
            "They'll meet in May.",
            vec![context("May", undated(5, None, Tense::Future))],
        ),
        (
            "Talks resume next March.",
            vec![context("March", undated(3, None, Tense::Future))],
        ),
        (
            "The deal, signed in 2020, expires in December.",
            vec![
                context("2020", years(2020, 2020)),
                context("December", undated(12, None, Tense::Unmarked)),
            ],
        ),
        // A date put first has its verb after it.
        (
            "In December, talks will resume.",
            vec![context("December", undated(12, None, Tense::Future))],
        ),
        (
            "On Dec. 28, an earthquake struck the region.",
            vec![context("Dec. 28", undated(12, Some(28), Tense::Past))],
        ),
        (
            "Since December, prices have doubled.",
            vec![
                context("December", undated(12, None, Tense::Past)),
                expect(
                    "doubled",
                    Qualifier::Exact,
                    figure(2.0, 1.0),
                    Some("times"),
                    None,
                ),
            ],
        ),
        // A verb joined by "and" is another's.
        (
            "Policymakers raised rates and meet again on Nov. 3.",
            vec![context("Nov. 3", undated(11, Some(3), Tense::Unmarked))],
        ),
        (
            "in October 2022",
            vec![context("October 2022", date(2022, 10, None))],
        ),
        (
            "on 2022-10-31",
            vec![context("2022-10-31", date(2022, 10, Some(31)))],
        ),
        (
            "collapsed in 1991",
            vec![context("1991", years(1991, 1991))],
        ),
        (
            "the 2020 ceasefire agreement",
            vec![context("2020", years(2020, 2020))],
        ),
        ("in the 1990s", vec![context("1990s", years(1990, 1999))]),
        (
            "in the early 2000s",
            vec![context("early 2000s", years(2000, 2003))],
        ),
        ("the '90s", vec![context("'90s", years(1990, 1999))]),
        (
            "the 1988-1994 war",
            vec![context("1988-1994", years(1988, 1994))],
        ),
        (
            "the second round",
            vec![context("second", Reading::Ordinal { value: 2.0 })],
        ),
        (
            "the 21st-century war",
            vec![context("21st", Reading::Ordinal { value: 21.0 })],
        ),
        (
            "the twenty-first time",
            vec![context("twenty-first", Reading::Ordinal { value: 21.0 })],
        ),
    ];
    for (input, expected) in cases {
        check(input, expected);
    }
}

#[test]
fn years_are_not_counts_and_counts_are_not_years() {
    use Qualifier::Exact;
    check(
        "2020 troops",
        &[expect(
            "2020",
            Exact,
            figure(2020.0, 10.0),
            None,
            Some("troops"),
        )],
    );
    check(
        "in 2020 troops left",
        &[expect(
            "2020",
            Exact,
            Reading::Years {
                first: 2020,
                last: 2020,
            },
            None,
            None,
        )],
    );
    check(
        "more than 2020 troops",
        &[expect(
            "more than 2020",
            Qualifier::MoreThan,
            figure(2020.0, 10.0),
            None,
            Some("troops"),
        )],
    );
}

#[test]
fn counted_nouns_skip_adjectives_and_reach_past_prepositions() {
    let nouns = |input: &str| -> Vec<Option<String>> {
        extract(input, Format::Plain)
            .mentions
            .iter()
            .map(|mention| mention.noun.as_ref().map(|noun| noun.word.clone()))
            .collect()
    };
    let cases: &[(&str, Option<&str>)] = &[
        ("2,000 Russian peacekeepers", Some("peacekeepers")),
        ("286 people from both sides", Some("people")),
        ("a force of 2,000 peacekeepers", Some("peacekeepers")),
        ("2,000 more troops", Some("troops")),
        ("286 killed in clashes", Some("killed")),
        ("5 million people died", Some("people")),
        ("thousands of Armenian refugees", Some("refugees")),
        ("a death toll of 286", Some("deaths")),
        ("the toll of 286 rose", Some("deaths")),
        ("The death toll was 286.", Some("deaths")),
        ("The casualty toll has risen to 286.", Some("casualties")),
        ("the toll now stands at 286", Some("deaths")),
        ("The toll reached 286 on Friday.", Some("deaths")),
        // Only a toll says what it counts.
        ("The result was 286.", None),
        // A verb's victims, when no noun follows.
        ("The floods killed 1,700.", Some("killed")),
        ("The strike wounded 11.", Some("wounded")),
        ("The floods killed 1,700 cattle.", Some("cattle")),
        ("a crowd of 10,000 gathered", Some("crowd")),
    ];
    for (input, noun) in cases {
        assert_eq!(nouns(input), vec![noun.map(str::to_string)], "{input}");
    }
    // A part counts what its whole does.
    assert_eq!(
        nouns("won 237 of the 400 seats"),
        [Some("seats".to_string()), Some("seats".to_string())]
    );
    // What a toll rose from it is no longer; what it rose to it is.
    assert_eq!(
        nouns("The death toll rose from 120 to 286."),
        [None, Some("deaths".to_string())]
    );
}

#[test]
fn what_is_not_a_figure() {
    let cases = [
        "see https://example.org/2022/10/31/a79252 for more",
        "write to press@example.org today",
        "upgrade to v1.2.3 now",
        "call +1 555 123 4567 now",
        "ISBN 978-3-16-148410-0 is cited",
        "flight MH17 and the G20",
        "COVID-19 and the F-16",
        "Resolution 2334 passed",
        "No. 10 said so",
        "one of the worst",
        "no one came",
        "a month after the clashes",
        "decades of domination",
        "at 10:30 on Monday",
        "read notes.md first",
    ];
    for input in cases {
        let mentions = extract(input, Format::Plain).mentions;
        let texts: Vec<&str> = mentions
            .iter()
            .filter(|mention| !matches!(mention.reading, Reading::Ordinal { .. }))
            .map(|mention| mention.span.of(input))
            .collect();
        assert!(texts.is_empty(), "{input:?} gave {texts:?}");
    }
}

#[test]
fn figures_after_the_restate_rather_than_assert() {
    let mentions = extract(
        "the two countries and the six-week war and two wars",
        Format::Plain,
    )
    .mentions;
    let refers_back: Vec<bool> = mentions.iter().map(|mention| mention.refers_back).collect();
    assert_eq!(refers_back, [true, false, false]);
}

/// A figure's text and the word that makes it a forecast, if one does.
type Forecast<'a> = (&'a str, Option<&'a str>);

#[test]
fn figures_put_as_expected_or_possible_are_forecasts() {
    let cases: &[(&str, &[Forecast<'_>])] = &[
        (
            "Officials warned the death toll could reach 1,000.",
            &[("1,000", Some("could"))],
        ),
        (
            "The toll is expected to rise to 500 deaths.",
            &[("500", Some("expected"))],
        ),
        (
            "Analysts had predicted a toll of 50.",
            &[("50", Some("predicted"))],
        ),
        ("Talks may last 12 days.", &[("12 days", Some("may"))]),
        // Weighed against a forecast, what happened is still fact.
        (
            "Stronger-than-expected revenue closed a $7.1 billion gap.",
            &[("$7.1 billion", None)],
        ),
        (
            "Sales rose as predicted to 4,000 units.",
            &[("4,000", None)],
        ),
        // The word after the figure and its noun.
        (
            "Rainfall of 300mm is forecast for Friday.",
            &[("300mm", Some("forecast"))],
        ),
        (
            "Some 2,000 troops will leave.",
            &[("Some 2,000", Some("will"))],
        ),
        // What is expected is the change of a figure that is now.
        ("The toll of 286 is likely to rise.", &[("286", None)]),
        ("The toll of 286 could rise.", &[("286", None)]),
        (
            "The toll of 286 could reach 1,000.",
            &[("286", None), ("1,000", Some("could"))],
        ),
        ("286 people were killed.", &[("286", None)]),
        // The clause ends before the figure: "could" says nothing of it.
        (
            "The toll, which could rise, stands at 286.",
            &[("286", None)],
        ),
        // A date to come is still set down.
        (
            "They will meet on March 3, 2023.",
            &[("March 3, 2023", None)],
        ),
        (
            "Talks held in May drew 300 people.",
            &[("May", None), ("300", None)],
        ),
    ];
    for (input, expected) in cases {
        let mentions = extract(input, Format::Plain).mentions;
        let found: Vec<Forecast<'_>> = mentions
            .iter()
            .map(|mention| {
                let word = mention.forecast.map(|word| word.of(input));
                (mention.span.of(input), word)
            })
            .collect();
        assert_eq!(&found, expected, "{input:?}");
    }
}

#[test]
fn figures_the_article_denies_are_marked() {
    let cases: &[(&str, &[Option<&str>])] = &[
        ("It was 286, not 386.", &[None, Some("not")]),
        ("It was 286 rather than 386.", &[None, Some("than")]),
        ("It was 286 instead of 386.", &[None, Some("of")]),
        // A qualifier, not a denial.
        ("It was not more than 386.", &[None]),
    ];
    for (input, expected) in cases {
        let denied: Vec<Option<&str>> = extract(input, Format::Plain)
            .mentions
            .iter()
            .map(|mention| mention.denied.map(|word| word.of(input)))
            .collect();
        assert_eq!(&denied, expected, "{input:?}");
    }
}

#[test]
fn what_a_figure_changed_from_is_an_earlier_value() {
    let cases: &[(&str, &[bool])] = &[
        ("Inflation rose from 9.9% to 10.1%.", &[true, false]),
        ("Inflation hit 10.1%, up from 9.9%.", &[false, true]),
        // Side by side, not one after the other.
        ("Republicans won 221 seats versus 213.", &[false, false]),
        // "from" alone is no change.
        ("Troops from 20 countries came.", &[false]),
    ];
    for (input, expected) in cases {
        let earlier: Vec<bool> = extract(input, Format::Plain)
            .mentions
            .iter()
            .map(|mention| mention.earlier)
            .collect();
        assert_eq!(&earlier, expected, "{input:?}");
    }
}

#[test]
fn markdown_spans_point_into_the_file() {
    let source = "# Heading 5\n\nIt killed more than **6,500** [troops](https://x.org/99).\n";
    let extraction = extract(source, Format::Markdown);
    let texts: Vec<&str> = extraction
        .mentions
        .iter()
        .map(|mention| mention.span.of(source))
        .collect();
    assert_eq!(texts, ["5", "more than **6,500"]);
}

#[test]
fn front_matter_date_is_declared() {
    let extraction = extract(
        "---\ntitle: x\ndate: \"2022-10-31\"\n---\n\nText.\n",
        Format::Markdown,
    );
    assert_eq!(extraction.declared_date.as_deref(), Some("2022-10-31"));
    assert!(extraction.mentions.is_empty());
}

fn bounds(low: f64, low_inclusive: bool, high: f64, high_inclusive: bool) -> Reading {
    Reading::Range {
        low: claimcheck_core::Bound {
            value: low,
            inclusive: low_inclusive,
        },
        high: claimcheck_core::Bound {
            value: high,
            inclusive: high_inclusive,
        },
    }
}

#[test]
fn fractions_and_shares() {
    use Qualifier::Exact;
    let share = |value: f64| Reading::Fraction { value, step: 0.1 };
    let cases: &[(&str, Vec<Expected>)] = &[
        (
            "two-thirds of residents",
            vec![expect(
                "two-thirds",
                Exact,
                share(2.0 / 3.0),
                None,
                Some("residents"),
            )],
        ),
        (
            "a third of the budget",
            vec![expect(
                "a third",
                Exact,
                share(1.0 / 3.0),
                None,
                Some("budget"),
            )],
        ),
        (
            "half of voters",
            vec![expect("half", Exact, share(0.5), None, Some("voters"))],
        ),
        (
            "three quarters",
            vec![expect("three quarters", Exact, share(0.75), None, None)],
        ),
        (
            "3/4 of the area",
            vec![expect("3/4", Exact, share(0.75), None, Some("area"))],
        ),
        ("½ of it", vec![expect("½", Exact, share(0.5), None, None)]),
        (
            "1 in 5 adults",
            vec![expect("1 in 5", Exact, share(0.2), None, Some("adults"))],
        ),
        (
            "two out of three voters",
            vec![expect(
                "two out of three",
                Exact,
                share(2.0 / 3.0),
                None,
                Some("voters"),
            )],
        ),
        (
            "one over three",
            vec![expect(
                "one over three",
                Exact,
                share(1.0 / 3.0),
                None,
                None,
            )],
        ),
        (
            "one and a half million people",
            vec![expect(
                "one and a half million",
                Exact,
                figure(1.5e6, 1.0),
                None,
                Some("people"),
            )],
        ),
        (
            "10 1/2 miles",
            vec![expect(
                "10 1/2 miles",
                Exact,
                figure(10.5, 0.5),
                Some("miles"),
                None,
            )],
        ),
        // A share of a percentage point is percentage points.
        (
            "raised rates by half a percentage point",
            vec![expect(
                "half a percentage point",
                Exact,
                figure(0.5, 0.1),
                Some("percentage point"),
                None,
            )],
        ),
        // A share of a unit of time is a duration.
        (
            "the highest in a quarter of a century",
            vec![expect(
                "a quarter of a century",
                Exact,
                figure(0.25, 0.1),
                Some("century"),
                None,
            )],
        ),
        (
            "more than half",
            vec![expect(
                "more than half",
                Qualifier::MoreThan,
                share(0.5),
                None,
                None,
            )],
        ),
    ];
    for (input, expected) in cases {
        check(input, expected);
    }
}

#[test]
fn what_looks_like_a_fraction_but_is_not() {
    let cases: &[(&str, &[&str])] = &[
        // A rank before a noun, and the other half of a game.
        ("a third party and the second half", &["third", "second"]),
        // Parts of a year.
        ("it shrank in the third quarter of the year", &["third"]),
        ("in the second half of the year", &["second"]),
        ("margins rose for three quarters in a row", &["three"]),
        // A date and a score.
        ("on 9/11 and 10/31", &[]),
        ("3/4/2022", &[]),
        ("open 24/7", &[]),
        // Time and money spread over years, not divided.
        (
            "2,000 over five years and 20 over five years",
            &["2,000", "five years", "20", "five years"],
        ),
        ("one in 2020", &["2020"]),
    ];
    for (input, texts) in cases {
        let found: Vec<&str> = extract(input, Format::Plain)
            .mentions
            .iter()
            .filter(|mention| {
                !matches!(mention.reading, Reading::Fraction { .. })
                    || mention.span.of(input).contains('/')
            })
            .map(|mention| mention.span.of(input))
            .collect();
        let fractions = extract(input, Format::Plain)
            .mentions
            .iter()
            .filter(|mention| matches!(mention.reading, Reading::Fraction { .. }))
            .count();
        assert_eq!((&found[..], fractions), (*texts, 0), "{input}");
    }
}

#[test]
fn signs_decimals_and_mixed_writing() {
    use Qualifier::Exact;
    let cases: &[(&str, Vec<Expected>)] = &[
        (
            "minus five percent",
            vec![expect(
                "minus five percent",
                Exact,
                figure(-5.0, 1.0),
                Some("percent"),
                None,
            )],
        ),
        (
            "negative 3",
            vec![expect("negative 3", Exact, figure(-3.0, 1.0), None, None)],
        ),
        (
            "two point five",
            vec![expect(
                "two point five",
                Exact,
                figure(2.5, 0.1),
                None,
                None,
            )],
        ),
        (
            "4 thousand 3 hundred and 21 votes",
            vec![expect(
                "4 thousand 3 hundred and 21",
                Exact,
                figure(4321.0, 1.0),
                None,
                Some("votes"),
            )],
        ),
        (
            "three lakh rupees",
            vec![expect(
                "three lakh rupees",
                Exact,
                figure(3e5, 1e5),
                Some("rupees"),
                None,
            )],
        ),
        (
            "12,34,567 rupees",
            vec![expect(
                "12,34,567 rupees",
                Exact,
                figure(1_234_567.0, 1.0),
                Some("rupees"),
                None,
            )],
        ),
        (
            "1.3e6 cells",
            vec![expect(
                "1.3e6",
                Exact,
                figure(1.3e6, 1e5),
                None,
                Some("cells"),
            )],
        ),
        (
            "1.3x10^6 cells",
            vec![expect(
                "1.3x10^6",
                Exact,
                figure(1.3e6, 1e5),
                None,
                Some("cells"),
            )],
        ),
        (
            "fifty - two",
            vec![expect("fifty - two", Exact, figure(52.0, 1.0), None, None)],
        ),
        (
            "three dozens",
            vec![expect("three dozens", Exact, figure(36.0, 1.0), None, None)],
        ),
    ];
    for (input, expected) in cases {
        check(input, expected);
    }
}

#[test]
fn bounds_after_symbols_and_in_pairs() {
    use Qualifier::{AtLeast, Exactly, LessThan, Range, UpTo};
    let cases: &[(&str, Vec<Expected>)] = &[
        (
            "exactly 2,000 troops",
            vec![expect(
                "exactly 2,000",
                Exactly,
                figure(2000.0, 1000.0),
                None,
                Some("troops"),
            )],
        ),
        (
            "500 or more people",
            vec![expect(
                "500 or more",
                AtLeast,
                figure(500.0, 100.0),
                None,
                Some("people"),
            )],
        ),
        (
            "5,000 or less",
            vec![expect(
                "5,000 or less",
                UpTo,
                figure(5000.0, 1000.0),
                None,
                None,
            )],
        ),
        (
            "500+ people",
            vec![expect(
                "500+",
                AtLeast,
                figure(500.0, 100.0),
                None,
                Some("people"),
            )],
        ),
        (
            "x >= 30",
            vec![expect(">= 30", AtLeast, figure(30.0, 10.0), None, None)],
        ),
        (
            "x <-30",
            vec![expect("<-30", LessThan, figure(-30.0, 10.0), None, None)],
        ),
        (
            "more than 10 and less than 40 km",
            vec![expect(
                "more than 10 and less than 40 km",
                Range,
                bounds(10.0, false, 40.0, false),
                Some("km"),
                None,
            )],
        ),
        (
            "at most 100 and at least 20 apples",
            vec![expect(
                "at most 100 and at least 20",
                Range,
                bounds(20.0, true, 100.0, true),
                None,
                Some("apples"),
            )],
        ),
        // A lower bound above an upper one is two claims, not a range.
        (
            "more than 40 and less than 10",
            vec![
                expect(
                    "more than 40",
                    Qualifier::MoreThan,
                    figure(40.0, 10.0),
                    None,
                    None,
                ),
                expect("less than 10", LessThan, figure(10.0, 10.0), None, None),
            ],
        ),
    ];
    for (input, expected) in cases {
        check(input, expected);
    }
}

#[test]
fn smaller_units_add_to_larger_ones() {
    // (input, text, value, step, unit): the step is the smaller unit's.
    let cases = [
        (
            "he is 5 feet 2 inches",
            "5 feet 2 inches",
            5.0 + 2.0 / 12.0,
            1.0 / 12.0,
            "feet",
        ),
        (
            "5 ft 2 in tall",
            "5 ft 2 in",
            5.0 + 2.0 / 12.0,
            1.0 / 12.0,
            "ft",
        ),
        (
            "3 dollars and 50 cents",
            "3 dollars and 50 cents",
            3.5,
            0.1,
            "dollars",
        ),
        ("15 dollars 50.", "15 dollars 50", 15.5, 0.1, "dollars"),
        (
            "2 hours 30 minutes",
            "2 hours 30 minutes",
            2.5,
            10.0 / 60.0,
            "hours",
        ),
        ("75 USD million", "75 USD million", 7.5e7, 1e6, "usd"),
        ("120 MEUR", "120 MEUR", 1.2e8, 1e7, "eur"),
    ];
    for (input, text, value, step, unit) in cases {
        let mentions = extract(input, Format::Plain).mentions;
        let [mention] = &mentions[..] else {
            panic!("{input}: {mentions:?}")
        };
        let Reading::Figure {
            value: read,
            step: read_step,
        } = mention.reading
        else {
            panic!("{input}: {mention:?}")
        };
        assert_eq!(
            (mention.span.of(input), mention.unit.as_deref()),
            (text, Some(unit)),
            "{input}"
        );
        assert!(
            (read - value).abs() < 1e-9 && (read_step - step).abs() < 1e-9,
            "{input}: {read} by {read_step}"
        );
    }
    // The cents are a figure of their own when they count something.
    let mentions = extract("15 dollars and 50 people", Format::Plain).mentions;
    assert_eq!(mentions.len(), 2);
}

#[test]
fn chunks_cover_every_block_and_read_the_same_as_the_whole() {
    let source = "# Title 1\n\nIt cost $5m. It took 3 weeks.\n\n- 12 troops\n- 13 troops\n\nAbout 2,000 left in 2020.\n";
    let prepared = crate::prepare(source, Format::Markdown);
    let whole = prepared.mentions(0..prepared.block_count());
    for bytes in [1, 10, 30, 1_000] {
        let chunks = prepared.chunks(bytes);
        let covered: Vec<usize> = chunks.iter().flat_map(Clone::clone).collect();
        assert_eq!(
            covered,
            (0..prepared.block_count()).collect::<Vec<_>>(),
            "{bytes}-byte chunks"
        );
        let pieced: Vec<Mention> = chunks
            .into_iter()
            .flat_map(|chunk| prepared.mentions(chunk))
            .collect();
        assert_eq!(pieced, whole, "{bytes}-byte chunks");
    }
    assert_eq!(
        prepared.blocks_before(12),
        0..2,
        "the title and the first paragraph start before byte 12"
    );
}

/// The noun each figure of `input` counts, by the figure's text.
fn nouns_by_figure(input: &str) -> Vec<(String, Option<String>)> {
    extract(input, Format::Plain)
        .mentions
        .iter()
        .map(|mention| {
            (
                mention.span.of(input).to_string(),
                mention.noun.as_ref().map(|noun| noun.word.clone()),
            )
        })
        .collect()
}

#[test]
fn the_counted_noun_is_found_as_a_reader_finds_it() {
    // (input, figure, the noun it counts)
    let cases: &[(&str, &str, Option<&str>)] = &[
        // Demonyms and roles count people.
        (
            "Some 24 million Yemenis needed aid.",
            "Some 24 million",
            Some("yemenis"),
        ),
        (
            "It killed 82 Iranians and the 63 Canadians on board.",
            "82",
            Some("iranians"),
        ),
        (
            "It killed 82 Iranians and the 63 Canadians on board.",
            "63",
            Some("canadians"),
        ),
        ("Eight Chinese were among them.", "Eight", Some("chinese")),
        // What befell them, after the figure.
        ("The crash killed all 176 on board.", "176", Some("people")),
        ("Eighteen more died overnight.", "Eighteen", Some("died")),
        ("Yesterday 286 were killed.", "286", Some("killed")),
        // A noun carried from an earlier figure of the list.
        (
            "Labour won 412 seats, the Conservatives 121 and the Liberal Democrats 72.",
            "72",
            Some("seats"),
        ),
        (
            "The AKP won 317 seats, the CHP 134 and the MHP 40.",
            "134",
            Some("seats"),
        ),
        (
            "Payrolls grew by 187,000 in August and 263,000 in September.",
            "263,000",
            Some("payrolls"),
        ),
        // ... but not to what a new verb in the past did.
        ("It killed 10 people and destroyed 2,000.", "2,000", None),
        // A possessive is not the noun.
        (
            "The valley's 2,300 farms were flooded.",
            "2,300",
            Some("farms"),
        ),
        // A part of what came before.
        (
            "It killed 232 Palestinians, 65 of them children.",
            "65",
            Some("children"),
        ),
        // The subject of the verb that gives the figure.
        (
            "The number of people killed rose to 2,901.",
            "2,901",
            Some("people"),
        ),
        (
            "The population reached 59,597,300.",
            "59,597,300",
            Some("population"),
        ),
        ("The Maui wildfire toll rises to 93.", "93", Some("deaths")),
        // Words for an amount count nothing.
        ("Payrolls showed a loss of 140,000.", "140,000", None),
        // The head of several plurals; capitals with a plural "s".
        (
            "More than 300,000 measles cases were reported.",
            "More than 300,000",
            Some("cases"),
        ),
        ("The party lost 251 MPs.", "251", Some("mps")),
        // An adjective for people describes the plural before it, and
        // heads only alone.
        ("The quake left 286 people dead.", "286", Some("people")),
        ("It left 300 homeless families.", "300", Some("families")),
        ("The floods left 1,700 dead.", "1,700", Some("dead")),
        // Plurals without an "s".
        ("It killed 300 cattle.", "300", Some("cattle")),
        ("It hurt 12 firemen.", "12", Some("firemen")),
    ];
    for (input, figure, noun) in cases {
        let found = nouns_by_figure(input);
        let noun_found = found
            .iter()
            .find(|(text, _)| text == figure)
            .unwrap_or_else(|| panic!("{figure:?} not read in {input:?}: {found:?}"));
        assert_eq!(noun_found.1.as_deref(), *noun, "{figure:?} in {input:?}");
    }
}

/// Each figure of `input` as `text kind-defining unit`.
fn units_by_figure(input: &str) -> Vec<(String, Option<String>, Reading)> {
    extract(input, Format::Plain)
        .mentions
        .into_iter()
        .map(|mention| {
            (
                mention.span.of(input).to_string(),
                mention.unit,
                mention.reading,
            )
        })
        .collect()
}

#[test]
fn ages_times_multiples_and_frequencies_read_as_such() {
    // (input, figure, unit, value when it is one figure)
    let cases: &[(&str, &str, &str, Option<f64>)] = &[
        (
            "The 23-year-old took 34 seconds off.",
            "23-year-old",
            "year-old",
            Some(23.0),
        ),
        (
            "Captain Yared Getachew, 29, was in command.",
            "29",
            "years old",
            Some(29.0),
        ),
        ("Voters aged 65 backed it.", "65", "years old", Some(65.0)),
        (
            "Kiptum finished in 2:00:35.",
            "2:00:35",
            "seconds",
            Some(7235.0),
        ),
        ("She ran a 3:43 mile.", "3:43", "seconds", Some(223.0)),
        (
            "The second half took 59:47.",
            "59:47",
            "seconds",
            Some(3587.0),
        ),
        (
            "Sales nearly tripled.",
            "nearly tripled",
            "times",
            Some(3.0),
        ),
        (
            "Profits more than doubled.",
            "more than doubled",
            "times",
            Some(2.0),
        ),
        ("It was 2.5 times larger.", "2.5 times", "times", Some(2.5)),
        ("Floods come once a year.", "once a year", "per year", None),
        (
            "It happens once every thousand years.",
            "once every thousand years",
            "per year",
            None,
        ),
        (
            "It was a once-every-100-years flood.",
            "once-every-100-years",
            "per year",
            None,
        ),
    ];
    for (input, figure, unit, value) in cases {
        let found = units_by_figure(input);
        let (_, found_unit, reading) = found
            .iter()
            .find(|(text, ..)| text == figure)
            .unwrap_or_else(|| panic!("{figure:?} not read in {input:?}: {found:?}"));
        assert_eq!(found_unit.as_deref(), Some(*unit), "{input}");
        if let (Some(value), Reading::Figure { value: read, .. }) = (value, reading) {
            assert_eq!(read, value, "{input}");
        }
    }
    // A time of day is no time taken, nor a figure.
    assert!(units_by_figure("They met at 10:30 and left at 4:30 p.m.").is_empty());
    // Once every thousand years is every 950 to 1,050 years.
    let (_, _, reading) = &units_by_figure("It happens once every thousand years.")[0];
    let Reading::Range { low, high } = reading else {
        panic!("{reading:?}")
    };
    assert!((low.value - 1.0 / 1050.0).abs() < 1e-9 && (high.value - 1.0 / 950.0).abs() < 1e-9);
}

#[test]
fn earlier_values_and_datelines_are_marked() {
    let marked = |input: &str| -> Vec<(String, bool, bool)> {
        extract(input, Format::Plain)
            .mentions
            .iter()
            .map(|mention| {
                (
                    mention.span.of(input).to_string(),
                    mention.earlier,
                    mention.dateline,
                )
            })
            .collect()
    };
    assert_eq!(
        marked("Unemployment was 9.1%, against 7.8% a year earlier."),
        [("9.1%".into(), false, false), ("7.8%".into(), true, false)]
    );
    assert_eq!(
        marked("Revenue was $91.8bn, against $84.3bn the previous year."),
        [
            ("$91.8bn".into(), false, false),
            ("$84.3bn".into(), true, false)
        ]
    );
    assert_eq!(
        marked("LONDON, June 28 — The population grew."),
        [("June 28".into(), false, true)]
    );
    assert_eq!(
        marked("October 31, 2022"),
        [("October 31, 2022".into(), false, true)]
    );
    assert_eq!(
        marked("They met on June 28 in London."),
        [("June 28".into(), false, false)]
    );
}

#[test]
fn lexicon_is_canonical() {
    for (name, text) in crate::lexicon::FILES {
        let rows: Vec<&str> = text.lines().skip(1).collect();
        let mut sorted = rows.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(rows, sorted, "{name}: keep rows sorted and unique");
        for row in rows {
            assert_eq!(row, row.to_lowercase(), "{name}: `{row}` is not lower case");
        }
    }
}

/// A figure relative to another: a difference, a point of comparison or a
/// span within another. A verb that looks like a marker is none.
#[test]
fn relative_figures_are_marked() {
    let cases = [
        ("It was $5 billion bigger than planned.", "$5 billion", true),
        ("Another 11 more Palestinians died.", "11", true),
        (
            "They closed a $7.1 billion budget gap.",
            "$7.1 billion",
            true,
        ),
        ("Prices saw a 3% rise.", "3%", true),
        ("In the first three days, 40 died.", "three days", true),
        ("Over the past 24 hours the river rose.", "24 hours", true),
        (
            "The bridge was designed to last 100 years.",
            "100 years",
            false,
        ),
        ("The quake killed 286 people.", "286", false),
    ];
    for (input, figure, relative) in cases {
        let extraction = extract(input, Format::Plain);
        let mention = extraction
            .mentions
            .iter()
            .find(|mention| mention.span.of(input) == figure)
            .unwrap_or_else(|| panic!("{figure:?} not read in {input:?}"));
        assert_eq!(mention.relative, relative, "{figure:?} in {input:?}");
    }
}

/// A figure alone in a table cell counts what its column header names,
/// when the header is words alone, and is a percentage under a header
/// with "%"; a figure that names its own noun or unit keeps it. Its
/// paragraph is its row.
#[test]
fn a_table_cell_takes_its_column_header() {
    let input = "\
| Party | Seats | Share (%) | Votes |
| --- | --- | --- | --- |
| Labour | 412 | 33.7 | 9.7 million voters |
| Conservative | 121 | 23.7 | $5m |
";
    let mentions = extract(input, Format::Markdown).mentions;
    let found: Vec<(&str, Option<&str>, Option<&str>)> = mentions
        .iter()
        .map(|mention| {
            (
                mention.span.of(input),
                mention.noun.as_ref().map(|noun| noun.word.as_str()),
                mention.unit.as_deref(),
            )
        })
        .collect();
    let expected = [
        ("412", Some("seats"), None),
        ("33.7", None, Some("%")),
        ("9.7 million", Some("voters"), None),
        ("121", Some("seats"), None),
        ("23.7", None, Some("%")),
        ("$5m", None, Some("$")),
    ];
    assert_eq!(found, expected);
    assert!(
        mentions[0]
            .paragraph
            .of(input)
            .starts_with("| Labour | 412")
    );
}

/// A score is no range: two small whole numbers joined by a hyphen after
/// a word of a result, or in a list of such pairs, are not read; a range
/// of people is.
#[test]
fn scores_are_not_ranges() {
    let cases: [(&str, &[&str]); 4] = [
        ("Alcaraz beat Djokovic 1-6, 7-6, 6-1, 3-6, 6-4.", &[]),
        ("Arsenal won 2-1 at home.", &[]),
        ("The sets went 6-4, 7-5 in the end.", &[]),
        ("The war killed 200-300 people.", &["200-300"]),
    ];
    for (input, expected) in cases {
        let extraction = extract(input, Format::Plain);
        let found: Vec<&str> = extraction
            .mentions
            .iter()
            .map(|mention| mention.span.of(input))
            .collect();
        assert_eq!(found, expected, "{input}");
    }
}
