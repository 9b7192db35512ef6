use std::fmt::Write;
use std::path::Path;

use claimcheck_core::{Base, Dimension, Fact, Interval, Kind, calendar};

use super::{load, parse, parse_synonyms};

const PATH: &str = "ref.csv";

fn messages(bytes: &[u8]) -> (usize, Vec<String>) {
    let (facts, errors) = parse(Path::new(PATH), bytes);
    (
        facts.len(),
        errors.iter().map(ToString::to_string).collect(),
    )
}

/// The one fact of a CSV that must parse cleanly.
fn only_fact(csv: &str) -> Fact {
    let (mut facts, errors) = parse(Path::new(PATH), csv.as_bytes());
    assert!(errors.is_empty(), "{csv:?}: {errors:#?}");
    assert_eq!(facts.len(), 1, "{csv:?}");
    facts.remove(0)
}

fn day(year: i32, month: u8, day: u8) -> f64 {
    calendar::day_number(calendar::date(year, month, day).unwrap())
}

#[test]
fn a_reference_parses_into_nine_facts() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/fixtures/reference-nine-facts.csv");
    let (facts, errors) = load(&path).unwrap();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(facts.len(), 9);
    let by_id = |id: &str| facts.iter().find(|fact| fact.id == id).unwrap();

    let peacekeepers = by_id("russian-peacekeepers-2020");
    assert_eq!(peacekeepers.kind, Kind::Count);
    assert_eq!(peacekeepers.units, ["peacekeepers", "troops", "servicemen"]);
    // A round value is read as the figure a source reported, within 1%
    // and half its last digit.
    assert_eq!(peacekeepers.interval, Interval::closed(1955.0, 1965.0));
    assert_eq!(peacekeepers.base.unit, "peacekeepers");
    assert_eq!(peacekeepers.line, 5);

    let duration = by_id("karabakh-2020-war-duration");
    assert_eq!(duration.kind, Kind::Duration);
    assert_eq!(duration.units, ["days"]);
    assert_eq!(duration.interval, Interval::closed(44.0, 45.0));
    assert_eq!(
        duration.base,
        Base {
            dimension: Dimension::Duration,
            unit: "days".into(),
            interval: Interval::closed(44.0, 45.0)
        }
    );

    let geneva = by_id("geneva-ministers-meeting-2022-10");
    assert_eq!(geneva.kind, Kind::Date);
    assert_eq!(geneva.value, day(2022, 10, 2));
    assert_eq!(geneva.interval, Interval::exact(day(2022, 10, 2)));
    assert_eq!(geneva.base.dimension, Dimension::Calendar);

    let soviet = by_id("soviet-union-dissolution");
    assert_eq!((soviet.kind, soviet.value), (Kind::Year, 1991.0));
    assert_eq!(soviet.interval, Interval::exact(1991.0));
    assert_eq!(Some(soviet.base.interval), calendar::year(1991));
    assert_eq!(soviet.keywords[0], ["soviet union"]);

    let deaths = by_id("karabakh-2020-war-military-deaths");
    assert_eq!(deaths.keywords, [vec!["war"], vec!["2020", "six-week"]]);
    assert_eq!(deaths.interval, Interval::closed(6500.0, 7300.0));
    assert_eq!(deaths.as_of.as_deref(), Some("2022-06-01"));

    let ids: Vec<_> = facts.iter().map(|fact| fact.id.as_str()).collect();
    assert_eq!(
        ids[0], "karabakh-2020-war-military-deaths",
        "facts keep file order"
    );
    assert_eq!(ids[8], "geneva-ministers-meeting-2022-10");
}

/// (name, csv, check of its first fact)
type Accepted = (&'static str, &'static str, fn(&Fact));

const ACCEPTED: &[Accepted] = &[
    (
        "bom, crlf, header case and spaces",
        "\u{feff} ID ,Value,UNIT\r\na,1,Wars\r\n",
        |fact| {
            assert_eq!(fact.line, 2);
            assert_eq!(fact.units, ["wars"]);
        },
    ),
    (
        "x_ columns are ignored",
        "x_note,id,value,unit,X_Other\nhello,a,1,wars,\n",
        |fact| {
            assert_eq!(fact.id, "a");
        },
    ),
    (
        "absolute tolerance",
        "id,value,unit,tolerance\na,100,wars,3\n",
        |fact| {
            assert_eq!(fact.interval, Interval::closed(97.0, 103.0));
        },
    ),
    (
        "relative tolerance",
        "id,value,unit,tolerance\na,-200,wars,5 %\n",
        |fact| {
            assert_eq!(fact.interval, Interval::closed(-210.0, -190.0));
        },
    ),
    (
        "one bound, the other side is the value",
        "id,value,low,unit\na,10,8,wars\n",
        |fact| {
            assert_eq!(fact.interval, Interval::closed(8.0, 10.0));
        },
    ),
    (
        "figures are written in the first unit",
        "id,value,high,unit,tolerance\na,2,3,decades|years|decade,\n",
        |fact| {
            assert_eq!((fact.kind, fact.value), (Kind::Duration, 20.0));
            assert_eq!(fact.units, ["years"]);
            assert_eq!(fact.interval, Interval::closed(20.0, 30.0));
            assert_eq!(
                fact.base.interval,
                Interval::closed(20.0 * 365.25, 30.0 * 365.25)
            );
        },
    ),
    (
        "money compares in its currency",
        "id,value,unit\na,5.5,$|usd|dollars\n",
        |fact| {
            assert_eq!(fact.kind, Kind::Money);
            assert_eq!(fact.units, ["usd"]);
            assert_eq!(
                (fact.base.dimension, fact.base.unit.as_str()),
                (Dimension::Money, "usd")
            );
        },
    ),
    (
        "counted nouns are folded and deduplicated",
        "id,value,unit\na,3,Person|people|life\n",
        |fact| {
            assert_eq!(fact.units, ["people", "lives"]);
            assert_eq!(fact.base.unit, "people");
        },
    ),
    (
        "a range of years covers all their days",
        "id,value,low,high,unit\na,1991,1990,1992,year\n",
        |fact| {
            assert_eq!(fact.interval, Interval::closed(1990.0, 1992.0));
            assert_eq!(
                fact.base.interval,
                calendar::days(
                    calendar::date(1990, 1, 1).unwrap(),
                    calendar::date(1992, 12, 31).unwrap()
                )
            );
        },
    ),
    (
        "a range of dates",
        "id,value,low,high,unit\na,2020-10-01,2020-09-27,2020-11-10,date\n",
        |fact| {
            assert_eq!(
                fact.interval,
                Interval::closed(day(2020, 9, 27), day(2020, 11, 10))
            );
            assert_eq!(fact.base.interval, fact.interval);
        },
    ),
    (
        "keyword phrases are folded word by word",
        "id,value,unit,keywords\na,1,wars,Soviet  Union| USSR ;Person\n",
        |fact| {
            assert_eq!(
                fact.keywords,
                [vec!["soviet union", "ussr"], vec!["person"]]
            );
        },
    ),
    (
        "empty optional cells",
        "id,value,unit,keywords,subject,source,as_of\na,1,wars, , ,,\n",
        |fact| {
            assert_eq!(
                (
                    fact.keywords.len(),
                    &fact.subject,
                    &fact.source,
                    &fact.as_of
                ),
                (0, &None, &None, &None)
            );
        },
    ),
    (
        "a multi-line cell keeps later lines right",
        "id,value,unit,subject\na,1,wars,\"two\nlines\"\nb,2,wars,\n",
        |fact| {
            assert_eq!(fact.subject.as_deref(), Some("two\nlines"));
        },
    ),
];

#[test]
fn accepted_inputs() {
    for (name, csv, check) in ACCEPTED {
        let (facts, errors) = parse(Path::new(PATH), csv.as_bytes());
        assert!(errors.is_empty(), "{name}: {errors:#?}");
        check(&facts[0]);
    }
    let (facts, _) = parse(Path::new(PATH), ACCEPTED.last().unwrap().1.as_bytes());
    assert_eq!(facts[1].line, 4, "a record's line is where it starts");
    assert_eq!(
        only_fact("id,value,unit\n\n\na,1,wars\n").line,
        4,
        "blank lines are skipped but counted"
    );
}

/// (name, csv, facts still read, messages)
const PROBLEMS: &[(&str, &str, usize, &[&str])] = &[
    ("empty file", "", 0, &["ref.csv:1: no header row"]),
    (
        "unknown column",
        "id,value,unit,notes\na,1,wars,x\n",
        1,
        &["ref.csv:1: unknown column `notes` (extra columns must start with `x_`)"],
    ),
    (
        "missing required columns",
        "ID,low\na,1\n",
        0,
        &[
            "ref.csv:1: missing required column `value`",
            "ref.csv:1: missing required column `unit`",
        ],
    ),
    (
        "duplicate column",
        "id,value,unit,Value\na,1,wars,2\n",
        1,
        &["ref.csv:1: column `value` appears more than once"],
    ),
    (
        "ragged rows",
        "id,value,unit\na,1\nb,2,wars\nc,3,wars,4\n",
        1,
        &[
            "ref.csv:2: 2 fields, but the header has 3",
            "ref.csv:4: 4 fields, but the header has 3",
        ],
    ),
    (
        "lines count crlf and blank lines",
        "id,value,unit\r\na,1,wars\r\n\r\nb,2\r\n",
        1,
        &["ref.csv:4: 2 fields, but the header has 3"],
    ),
    (
        "empty required cells",
        "id,value,unit\n ,,\n",
        0,
        &[
            "ref.csv:2: column `id`: required, but empty",
            "ref.csv:2: column `unit`: required, but empty",
            "ref.csv:2: column `value`: required, but empty",
        ],
    ),
    (
        "duplicate id",
        "id,value,unit\na,1,wars\nb,1,wars\na,2,wars\n",
        2,
        &["ref.csv:4: column `id`: `a` is already the id on line 2"],
    ),
    (
        "non-numeric value",
        "id,value,unit\na,\"6,7a1\",wars\nb,1e5,wars\nc,nan,wars\nd,.5,wars\n",
        0,
        &[
            "ref.csv:2: column `value`: `6,7a1` is not a number",
            "ref.csv:3: column `value`: `1e5` is not a number",
            "ref.csv:4: column `value`: `nan` is not a number",
            "ref.csv:5: column `value`: `.5` is not a number",
        ],
    ),
    (
        "separators in numbers",
        "id,value,low,unit\na,\"6,731\",6 500,troops\n",
        0,
        &[
            "ref.csv:2: column `value`: `6,731` is not a number: separators are not allowed",
            "ref.csv:2: column `low`: `6 500` is not a number: separators are not allowed",
        ],
    ),
    (
        "low above high",
        "id,value,low,high,unit\na,10,12,8,wars\n",
        0,
        &["ref.csv:2: column `low`: `12` is greater than `high` (`8`)"],
    ),
    (
        "value outside bounds",
        "id,value,low,high,unit\na,5,6,,wars\nb,9,,8,wars\nc,2020-01-01,2020-02-01,,date\n",
        0,
        &[
            "ref.csv:2: column `value`: `5` is less than `low` (`6`)",
            "ref.csv:3: column `value`: `9` is greater than `high` (`8`)",
            "ref.csv:4: column `value`: `2020-01-01` is less than `low` (`2020-02-01`)",
        ],
    ),
    (
        "bad tolerance",
        "id,value,unit,tolerance\na,1,wars,-5\nb,1,wars,5%%\nc,1,wars,some\n",
        0,
        &[
            "ref.csv:2: column `tolerance`: `-5` is not a tolerance (a number or percentage of at least zero, such as `50` or `5%`)",
            "ref.csv:3: column `tolerance`: `5%%` is not a tolerance (a number or percentage of at least zero, such as `50` or `5%`)",
            "ref.csv:4: column `tolerance`: `some` is not a tolerance (a number or percentage of at least zero, such as `50` or `5%`)",
        ],
    ),
    (
        "unknown role",
        "id,value,unit,role\na,1,wars,prediction\nb,1,wars,Forecast\n",
        1,
        &[
            "ref.csv:2: column `role`: `prediction` is not a role (one of outcome, forecast, pledge, target, or empty)",
        ],
    ),
    (
        "tolerance where it cannot apply",
        "id,value,low,unit,tolerance\na,1991,,year,1\nb,2022-10-02,,date,1\nc,5,4,wars,1\n",
        0,
        &[
            "ref.csv:2: column `tolerance`: not allowed on `year` facts",
            "ref.csv:3: column `tolerance`: not allowed on `date` facts",
            "ref.csv:4: column `tolerance`: not allowed together with `low` or `high`",
        ],
    ),
    (
        "empty keyword group",
        "id,value,unit,keywords\na,1,wars,war;;2020\nb,1,wars,;war\nc,1,wars,war; \n",
        0,
        &[
            "ref.csv:2: column `keywords`: `war;;2020` has an empty group",
            "ref.csv:3: column `keywords`: `;war` has an empty group",
            "ref.csv:4: column `keywords`: `war;` has an empty group",
        ],
    ),
    (
        "empty keyword alternative",
        "id,value,unit,keywords\na,1,wars,war|;2020\n",
        0,
        &["ref.csv:2: column `keywords`: `war|;2020` has an empty alternative"],
    ),
    (
        "empty unit alternative",
        "id,value,unit\na,1,troops||soldiers\nb,1,troops|\n",
        0,
        &[
            "ref.csv:2: column `unit`: `troops||soldiers` has an empty alternative",
            "ref.csv:3: column `unit`: `troops|` has an empty alternative",
        ],
    ),
    (
        "units of another dimension",
        "id,value,unit\na,1,days|km|troops\n",
        0,
        &[
            "ref.csv:2: column `unit`: `km` is not a unit of the same dimension as `days`",
            "ref.csv:2: column `unit`: `troops` is not a unit of the same dimension as `days`",
        ],
    ),
    (
        "date with alternatives",
        "id,value,unit\na,2022-10-02,date|day\n",
        0,
        &["ref.csv:2: column `unit`: `date|day`: `date` takes no alternatives"],
    ),
    (
        "invalid dates",
        "id,value,high,unit\na,2022-02-30,,date\nb,2022-2-3,,date\nc,2022-10-02,tomorrow,date\n",
        0,
        &[
            "ref.csv:2: column `value`: `2022-02-30` is not a valid YYYY-MM-DD date",
            "ref.csv:3: column `value`: `2022-2-3` is not a valid YYYY-MM-DD date",
            "ref.csv:4: column `high`: `tomorrow` is not a valid YYYY-MM-DD date",
        ],
    ),
    (
        "invalid years",
        "id,value,unit\na,1991.5,year\nb,99999,year\n",
        0,
        &[
            "ref.csv:2: column `value`: `1991.5` is not a year",
            "ref.csv:3: column `value`: `99999` is not a year",
        ],
    ),
    (
        "invalid as_of",
        "id,value,unit,as_of\na,1,wars,2022-13-01\nb,1,wars,31/10/2022\n",
        0,
        &[
            "ref.csv:2: column `as_of`: `2022-13-01` is not a valid YYYY-MM-DD date",
            "ref.csv:3: column `as_of`: `31/10/2022` is not a valid YYYY-MM-DD date",
        ],
    ),
];

#[test]
fn each_problem_is_reported() {
    for (name, csv, fact_count, expected) in PROBLEMS {
        let (facts, errors) = messages(csv.as_bytes());
        assert_eq!(errors, *expected, "{name}");
        assert_eq!(facts, *fact_count, "{name}: facts read");
    }
}

/// Every message the validation can give, in one snapshot a reviewer reads
/// whole: each case's CSV, then what it gets.
#[test]
fn validation_messages() {
    let mut listing = String::new();
    for (name, csv, _, _) in PROBLEMS {
        let (_, errors) = messages(csv.as_bytes());
        let _ = writeln!(listing, "## {name}\n{}", csv.trim_end());
        for error in errors {
            let _ = writeln!(listing, "=> {error}");
        }
        listing.push('\n');
    }
    insta::with_settings!({
        snapshot_path => concat!(env!("CARGO_MANIFEST_DIR"), "/../../snapshots/reference"),
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!("validation-messages", listing);
    });
}

#[test]
fn every_problem_of_a_file_is_reported() {
    let csv = "id,value,low,high,unit,keywords,as_of,extra\n\
               ok,1,,,wars,,,\n\
               bad,\"1,000\",5,2,troops||men,war;;peace,2022-02-30,\n\
               ok,2,,,wars,,,\n";
    let (facts, errors) = messages(csv.as_bytes());
    assert_eq!(facts, 1);
    assert_eq!(
        errors,
        [
            "ref.csv:1: unknown column `extra` (extra columns must start with `x_`)",
            "ref.csv:3: column `unit`: `troops||men` has an empty alternative",
            "ref.csv:3: column `value`: `1,000` is not a number: separators are not allowed",
            "ref.csv:3: column `low`: `5` is greater than `high` (`2`)",
            "ref.csv:3: column `keywords`: `war;;peace` has an empty group",
            "ref.csv:3: column `as_of`: `2022-02-30` is not a valid YYYY-MM-DD date",
            "ref.csv:4: column `id`: `ok` is already the id on line 2",
        ]
    );
}

#[test]
fn bad_utf8_is_one_cell_problem() {
    let (facts, errors) = messages(b"id,value,unit,x_note\na,\xff1,wars,\xfe\nb,2,wars,\n");
    assert_eq!(
        facts, 1,
        "a bad byte in an `x_` column is the user's business"
    );
    assert_eq!(errors, ["ref.csv:2: column `value`: not valid UTF-8"]);
}

#[test]
fn unreadable_file_is_an_error() {
    let error = load(Path::new("/nonexistent/ref.csv")).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("/nonexistent/ref.csv: cannot read: "),
        "{error}"
    );
}

#[test]
fn garbage_never_panics() {
    let nasty: &[&[u8]] = &[
        b"",
        b"\xEF\xBB\xBF",
        b"\xEF\xBB",
        b"\n\n\r\n",
        b"\"",
        b"\"id,value,unit",
        b",,,,,,",
        b"\xff\xfe\x00\x00",
        b"id,value,unit\n\"unterminated,1,wars",
        b"id,value,unit\n\x00,\x00,\x00\n",
        b"id,value,unit,low,high\na,1,|,-,+\nb,-,;,.,1.\nc,99999999999999999999999999999999,%,,\n",
        b"id,value,unit,keywords,tolerance\na,1,wars,|;|,%\nb,1,date,;,-\nc,-0,year,,0%\n",
        b"id,value,unit\na,2022-02-2\xc3\xa9,date\nb,+1991,year\nc,-10000,year\n",
    ];
    for input in nasty {
        let _ = parse(Path::new(PATH), input);
    }
    let long_number = format!("id,value,unit\na,{},wars\n", "9".repeat(400));
    assert_eq!(messages(long_number.as_bytes()).1.len(), 1);
    // Generated inputs are in tests/properties.rs.
}

#[test]
fn synonyms_add_groups_to_the_builtin_ones() {
    let csv = "noun,synonyms,x_note\ncasualties,victims | dead,mine\nblue helmets,peacekeepers,\n";
    let (synonyms, errors) = parse_synonyms(Path::new("syn.csv"), csv.as_bytes());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(
        synonyms.key("victims"),
        synonyms.key("killed"),
        "dead was already a death"
    );
    assert_eq!(synonyms.key("casualty"), synonyms.key("deaths"));
    assert_eq!(synonyms.key("peacekeepers"), synonyms.key("blue helmets"));
}

#[test]
fn synonym_problems_name_line_and_column() {
    let cases: &[(&str, &[&str])] = &[
        (
            "noun\ndeaths\n",
            &["syn.csv:1: missing required column `synonyms`"],
        ),
        (
            "noun,synonyms\ndeaths,killed||dead\n",
            &["syn.csv:2: column `synonyms`: `killed||dead` has an empty alternative"],
        ),
        (
            "noun,synonyms\n,killed\n",
            &["syn.csv:2: column `noun`: required, but empty"],
        ),
        (
            "noun,synonyms,other\n",
            &["syn.csv:1: unknown column `other` (extra columns must start with `x_`)"],
        ),
    ];
    for (csv, expected) in cases {
        let (_, errors) = parse_synonyms(Path::new("syn.csv"), csv.as_bytes());
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(&messages, expected, "{csv}");
    }
}

#[test]
fn a_scale_word_before_a_unit_writes_figures_in_it() {
    let fact = only_fact("id,value,low,high,unit\naid,1200,1100,1300,million usd|usd\n");
    assert_eq!(
        (fact.kind, fact.units.as_slice()),
        (Kind::Money, ["usd".to_string()].as_slice())
    );
    assert_eq!(fact.value, 1.2e9);
    assert_eq!(fact.base.interval, Interval::closed(1.1e9, 1.3e9));
    // A count too: every alternative is counted in the first one's scale.
    let count = only_fact("id,value,low,high,unit\na,2.9,2.8,3,million people|population\n");
    assert_eq!(
        (count.kind, count.value, count.units.as_slice()),
        (
            Kind::Count,
            2.9e6,
            ["people".to_string(), "populations".to_string()].as_slice()
        )
    );
    assert_eq!(count.base.interval, Interval::closed(2.8e6, 3e6));
}

#[test]
fn a_row_says_whether_it_holds_an_outcome_or_an_expectation() {
    use claimcheck_core::FactRole;
    // (row under "id,value,unit,keywords,subject,role", role)
    let cases = [
        ("gdp,3.2,percent,growth,,", FactRole::Outcome),
        ("gdp,3.2,percent,growth,,forecast", FactRole::Forecast),
        ("gdp,3.2,percent,growth,,Target", FactRole::Target),
        ("gdp,3.2,percent,growth,,outcome", FactRole::Outcome),
        // Said by the id, the keywords or the subject.
        (
            "imf-growth-forecast,3.2,percent,growth,,",
            FactRole::Forecast,
        ),
        ("aid,15,million usd,pledged,,", FactRole::Pledge),
        (
            "cut,42,percent,emissions,Emissions cut targeted by 2030,",
            FactRole::Target,
        ),
        // The column wins.
        (
            "imf-growth-forecast,3.2,percent,growth,,outcome",
            FactRole::Outcome,
        ),
    ];
    for (row, role) in cases {
        let csv = format!("id,value,unit,keywords,subject,role\n{row}\n");
        assert_eq!(only_fact(&csv).role, role, "{row}");
    }
}

#[test]
fn a_figure_in_years_that_names_an_age_is_an_age() {
    let age = only_fact("id,value,unit,keywords\nkiptum-age,23,years,kiptum\n");
    assert_eq!((age.kind, age.base.dimension), (Kind::Age, Dimension::Age));
    let spelled = only_fact("id,value,unit\nkiptum,23,years old\n");
    assert_eq!(spelled.kind, Kind::Age);
    let duration = only_fact("id,value,unit,keywords\ncontract,5,years,contract\n");
    assert_eq!(duration.kind, Kind::Duration);
}

#[test]
fn round_values_are_read_as_reported_figures() {
    // (value, unit, interval)
    let cases = [
        ("13000", "people", Interval::closed(12_870.0, 13_130.0)),
        ("286", "people", Interval::exact(286.0)),
        ("3.2", "percent", Interval::exact(3.2)),
        (
            "6.5",
            "million people",
            Interval::closed(6_450_000.0, 6_550_000.0),
        ),
    ];
    for (value, unit, interval) in cases {
        let fact = only_fact(&format!("id,value,unit\nf,{value},{unit}\n"));
        assert_eq!(fact.interval, interval, "{value} {unit}");
    }
    // Bounds given by the row are its own; one equal to the value, with
    // the other side left out, leaves that side open.
    let bounded = only_fact("id,value,low,high,unit\nf,13000,12000,14000,people\n");
    assert_eq!(bounded.interval, Interval::closed(12_000.0, 14_000.0));
    let at_least = only_fact("id,value,low,unit\nf,13000,13000,people\n");
    assert_eq!(at_least.interval, Interval::above(13_000.0, true));
    let at_most = only_fact("id,value,high,unit\nf,13000,13000,people\n");
    assert_eq!(at_most.interval, Interval::below(13_000.0, true));
}
