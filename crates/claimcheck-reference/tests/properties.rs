//! Properties of the reference reader over generated files: any bytes are
//! read without a panic, every problem names a line the file has, every
//! well-formed row comes back as a fact on its line, and a wrong row is
//! reported on its own line without hiding any other.

use std::path::Path;

use claimcheck_reference::{ReferenceError, parse, parse_synonyms};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::{Index, select};

const PATH: &str = "ref.csv";

const FIXTURE: &[u8] = include_bytes!("../../../data/fixtures/reference.csv");

/// The lines of a file as an editor counts them: LF, CRLF and a lone CR
/// each end one, as each ends a record for csv.
fn lines_in(bytes: &[u8]) -> u64 {
    let mut lines = 1;
    for (i, byte) in bytes.iter().enumerate() {
        if *byte == b'\n' || (*byte == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            lines += 1;
        }
    }
    lines
}

/// The line a message names after the path.
fn line_of(message: &str) -> Option<u64> {
    let rest = message.strip_prefix(PATH)?.strip_prefix(':')?;
    rest[..rest.find(':')?].parse().ok()
}

fn check_problems(bytes: &[u8], errors: &[ReferenceError]) -> Result<(), TestCaseError> {
    let lines = lines_in(bytes);
    for error in errors {
        let message = error.to_string();
        let line = line_of(&message);
        prop_assert!(
            line.is_some_and(|line| (1..=lines).contains(&line)),
            "{message:?} names no line of the {lines}"
        );
    }
    Ok(())
}

/// Parses `bytes` as a reference and as synonyms, checking every line named.
fn read_safely(bytes: &[u8]) -> Result<(), TestCaseError> {
    let (facts, errors) = parse(Path::new(PATH), bytes);
    check_problems(bytes, &errors)?;
    let lines = lines_in(bytes);
    for fact in &facts {
        prop_assert!((2..=lines).contains(&fact.line), "{fact:?}");
        prop_assert!(fact.interval.contains(fact.value), "{fact:?}");
    }
    let (_, errors) = parse_synonyms(Path::new(PATH), bytes);
    check_problems(bytes, &errors)
}

/// Pieces the format reacts to, so that generated files reach past the
/// header into rows, quotes and cells.
const PIECES: &[&[u8]] = &[
    b"id",
    b"value",
    b"low",
    b"high",
    b"unit",
    b"tolerance",
    b"keywords",
    b"as_of",
    b"role",
    b"noun",
    b"synonyms",
    b"x_",
    b",",
    b",",
    b",",
    b"\"",
    b"\"\"",
    b"\n",
    b"\r\n",
    b"\r",
    b"|",
    b";",
    b"%",
    b"-",
    b".",
    b"0",
    b"1",
    b"42",
    b"2022-10-02",
    b"1991",
    b"date",
    b"year",
    b"wars",
    b"km",
    b"million usd",
    b"forecast",
    b" ",
    b"\xff",
    b"\xe9",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
];

fn pieces() -> impl Strategy<Value = Vec<u8>> {
    (any::<bool>(), vec(select(PIECES), 0..80)).prop_map(|(with_header, pieces)| {
        let mut bytes = if with_header {
            b"id,value,low,high,unit,tolerance,keywords,as_of,role\n".to_vec()
        } else {
            Vec::new()
        };
        for piece in pieces {
            bytes.extend_from_slice(piece);
        }
        bytes
    })
}

#[derive(Clone, Debug)]
enum Mutation {
    Insert(Index, u8),
    Replace(Index, u8),
    Delete(Index, usize),
    /// Writes a span twice, as a row pasted again would be.
    Repeat(Index, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let byte = prop_oneof![any::<u8>(), select(b",\"\r\n|;%-.0\xff\xe9".as_slice())];
    prop_oneof![
        (any::<Index>(), byte.clone()).prop_map(|(at, byte)| Mutation::Insert(at, byte)),
        (any::<Index>(), byte).prop_map(|(at, byte)| Mutation::Replace(at, byte)),
        (any::<Index>(), 1..40usize).prop_map(|(at, len)| Mutation::Delete(at, len)),
        (any::<Index>(), 1..300usize).prop_map(|(at, len)| Mutation::Repeat(at, len)),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for mutation in mutations {
        let len = bytes.len();
        match *mutation {
            Mutation::Insert(at, byte) => bytes.insert(at.index(len + 1), byte),
            Mutation::Replace(at, byte) if len > 0 => bytes[at.index(len)] = byte,
            Mutation::Delete(at, count) if len > 0 => {
                let start = at.index(len);
                bytes.drain(start..(start + count).min(len));
            }
            Mutation::Repeat(at, count) if len > 0 => {
                let start = at.index(len);
                let span = bytes[start..(start + count).min(len)].to_vec();
                bytes.splice(start..start, span);
            }
            _ => {}
        }
    }
    bytes
}

/// Figures in hundredths, written as plain decimals.
fn decimal(hundredths: i64) -> String {
    let sign = if hundredths < 0 { "-" } else { "" };
    let (whole, cents) = (hundredths.abs() / 100, hundredths.abs() % 100);
    if cents == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{cents:02}")
    }
}

/// One well-formed row's cells, by column.
#[derive(Clone, Debug)]
struct Row {
    value: String,
    low: String,
    high: String,
    unit: String,
    tolerance: String,
    keywords: String,
    subject: String,
    as_of: String,
    role: String,
    note: Vec<u8>,
}

const UNITS: &[&str] = &[
    "wars",
    "troops|soldiers",
    "People",
    "km",
    "percent",
    "million usd|usd",
    "days",
    "years",
];
const WORDS: &[&str] = &["war", "peace", "2020", "russia", "Soviet Union", "six-week"];

/// The cells `value`, `low`, `high`, `unit` and `tolerance` of a row.
type Figures = (String, String, String, String, String);

/// The figures of a count or measure.
fn decimal_figures() -> impl Strategy<Value = Figures> {
    (
        -100_000_000i64..100_000_000,
        option::of(0i64..100_000),
        option::of(0i64..100_000),
        select(UNITS),
        option::of(prop_oneof![Just("5"), Just("0.5"), Just("2 %"), Just("0%")]),
    )
        .prop_map(|(value, below, above, unit, tolerance)| {
            let bound = |side: Option<i64>, sign: i64| {
                side.map(|side| decimal(value + sign * side))
                    .unwrap_or_default()
            };
            let tolerance = if below.is_none() && above.is_none() {
                tolerance.unwrap_or_default().to_owned()
            } else {
                String::new()
            };
            (
                decimal(value),
                bound(below, -1),
                bound(above, 1),
                unit.to_owned(),
                tolerance,
            )
        })
}

fn year_figures() -> impl Strategy<Value = Figures> {
    (1000i32..2500, option::of(0i32..50), option::of(0i32..50)).prop_map(|(year, below, above)| {
        let bound = |side: Option<i32>| side.map(|side| side.to_string()).unwrap_or_default();
        (
            year.to_string(),
            bound(below.map(|below| year - below)),
            bound(above.map(|above| year + above)),
            "year".to_owned(),
            String::new(),
        )
    })
}

fn date_figures() -> impl Strategy<Value = Figures> {
    (1900i32..2100, 1u8..=12, 1u8..=28, any::<(bool, bool)>()).prop_map(
        |(year, month, day, (low, high))| {
            let date = |year: i32| format!("{year}-{month:02}-{day:02}");
            (
                date(year),
                if low { date(year - 1) } else { String::new() },
                if high { date(year + 1) } else { String::new() },
                "Date".to_owned(),
                String::new(),
            )
        },
    )
}

fn row() -> impl Strategy<Value = Row> {
    (
        prop_oneof![6 => decimal_figures(), 1 => year_figures(), 1 => date_figures()],
        vec(select(WORDS), 0..3),
        "[a-zA-Z0-9 ,\"\r\n]{0,16}",
        option::of(date_figures().prop_map(|(date, ..)| date)),
        option::of(select(&["outcome", "Forecast", "pledge", "TARGET"][..])),
        vec(any::<u8>(), 0..6),
    )
        .prop_map(
            |((value, low, high, unit, tolerance), keywords, subject, as_of, role, note)| Row {
                value,
                low,
                high,
                unit,
                tolerance,
                keywords: keywords.join(";"),
                subject,
                as_of: as_of.unwrap_or_default(),
                role: role.unwrap_or_default().to_owned(),
                note,
            },
        )
}

/// How a table is laid out: column order, line ends, a BOM, blank lines
/// between rows, and whether every cell is quoted.
#[derive(Clone, Debug)]
struct Layout {
    columns: Vec<&'static str>,
    crlf: bool,
    bom: bool,
    blank_lines: Vec<bool>,
    quote_all: bool,
}

const COLUMNS: [&str; 12] = [
    "id",
    "value",
    "low",
    "high",
    "unit",
    "tolerance",
    "keywords",
    "subject",
    "as_of",
    "role",
    "x_note",
    "Source",
];

fn layout() -> impl Strategy<Value = Layout> {
    (
        Just(COLUMNS.to_vec()).prop_shuffle(),
        any::<(bool, bool, bool)>(),
        vec(any::<bool>(), 40),
    )
        .prop_map(|(columns, (crlf, bom, quote_all), blank_lines)| Layout {
            columns,
            crlf,
            bom,
            blank_lines,
            quote_all,
        })
}

/// What is wrong with a row, one thing at a time.
#[derive(Clone, Copy, Debug)]
enum Defect {
    NotAFigure,
    ExtraField,
    Latin1Subject,
    EmptyUnitAlternative,
    RepeatedId,
    BadAsOf,
}

const DEFECTS: [Defect; 6] = [
    Defect::NotAFigure,
    Defect::ExtraField,
    Defect::Latin1Subject,
    Defect::EmptyUnitAlternative,
    Defect::RepeatedId,
    Defect::BadAsOf,
];

fn cell(text: &[u8], quote: bool, out: &mut Vec<u8>) {
    let needs_quotes = text
        .iter()
        .any(|byte| matches!(byte, b',' | b'"' | b'\r' | b'\n'));
    if quote || needs_quotes || text.first() == Some(&b'"') {
        out.push(b'"');
        for byte in text {
            if *byte == b'"' {
                out.push(b'"');
            }
            out.push(*byte);
        }
        out.push(b'"');
    } else {
        out.extend_from_slice(text);
    }
}

/// Writes the table, returning it with the line each row starts on.
fn write_table(layout: &Layout, rows: &[(Row, Option<Defect>)]) -> (Vec<u8>, Vec<u64>) {
    let end: &[u8] = if layout.crlf { b"\r\n" } else { b"\n" };
    let mut out = if layout.bom {
        b"\xEF\xBB\xBF".to_vec()
    } else {
        Vec::new()
    };
    out.extend_from_slice(layout.columns.join(",").as_bytes());
    out.extend_from_slice(end);
    let mut starts = Vec::new();
    for (i, (row, defect)) in rows.iter().enumerate() {
        if layout.blank_lines[i % layout.blank_lines.len()] {
            out.extend_from_slice(end);
        }
        starts.push(lines_in(&out));
        let id = match defect {
            Some(Defect::RepeatedId) => "row-0".to_owned(),
            _ => format!("row-{i}"),
        };
        for (c, column) in layout.columns.iter().enumerate() {
            if c > 0 {
                out.push(b',');
            }
            let text: Vec<u8> = match (*column, defect) {
                ("id", _) => id.clone().into_bytes(),
                ("value", Some(Defect::NotAFigure)) => format!("x{}", row.value).into_bytes(),
                ("value", _) => row.value.clone().into_bytes(),
                ("low", _) => row.low.clone().into_bytes(),
                ("high", _) => row.high.clone().into_bytes(),
                ("unit", Some(Defect::EmptyUnitAlternative)) => {
                    format!("{}||", row.unit).into_bytes()
                }
                ("unit", _) => row.unit.clone().into_bytes(),
                ("tolerance", _) => row.tolerance.clone().into_bytes(),
                ("keywords", _) => row.keywords.clone().into_bytes(),
                ("subject", Some(Defect::Latin1Subject)) => b"Caf\xe9 owners".to_vec(),
                ("subject", _) => row.subject.clone().into_bytes(),
                ("as_of", Some(Defect::BadAsOf)) => b"2022-13-01".to_vec(),
                ("as_of", _) => row.as_of.clone().into_bytes(),
                ("role", _) => row.role.clone().into_bytes(),
                // Cells of `x_` columns are the user's: any bytes at all.
                ("x_note", _) => row.note.clone(),
                _ => b"https://example.org/a,b".to_vec(),
            };
            cell(&text, layout.quote_all, &mut out);
        }
        if let Some(Defect::ExtraField) = defect {
            out.extend_from_slice(b",extra");
        }
        out.extend_from_slice(end);
    }
    (out, starts)
}

fn table() -> impl Strategy<Value = (Layout, Vec<(Row, Option<Defect>)>)> {
    (
        layout(),
        vec((row(), option::of(select(&DEFECTS[..]))), 1..12),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    #[test]
    fn any_bytes_are_read_safely(bytes in vec(any::<u8>(), 0..400)) {
        read_safely(&bytes)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn pieces_of_the_format_are_read_safely(bytes in pieces()) {
        read_safely(&bytes)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_500))]

    #[test]
    fn mutations_of_a_reference_are_read_safely(mutations in vec(mutation(), 1..8)) {
        read_safely(&mutate(FIXTURE.to_vec(), &mutations))?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1_500))]

    #[test]
    fn every_well_formed_row_comes_back_as_a_fact((layout, rows) in table()) {
        let rows: Vec<(Row, Option<Defect>)> =
            rows.into_iter().map(|(row, _)| (row, None)).collect();
        let (bytes, starts) = write_table(&layout, &rows);
        let (facts, errors) = parse(Path::new(PATH), &bytes);
        prop_assert!(errors.is_empty(), "{errors:#?}");
        prop_assert_eq!(facts.len(), rows.len());
        for (i, ((row, _), fact)) in rows.iter().zip(&facts).enumerate() {
            prop_assert_eq!(&fact.id, &format!("row-{i}"));
            prop_assert_eq!(fact.line, starts[i]);
            let subject = row.subject.trim();
            prop_assert_eq!(fact.subject.as_deref(), (!subject.is_empty()).then_some(subject));
            prop_assert!(fact.interval.contains(fact.value), "{fact:?}");
        }
    }

    #[test]
    fn a_wrong_row_is_reported_on_its_line_and_hides_no_other((layout, rows) in table()) {
        // The first row is right, so that a repeated id repeats a known one.
        let rows: Vec<(Row, Option<Defect>)> = rows
            .into_iter()
            .enumerate()
            .map(|(i, (row, defect))| (row, defect.filter(|_| i > 0)))
            .collect();
        let (bytes, starts) = write_table(&layout, &rows);
        let (facts, errors) = parse(Path::new(PATH), &bytes);
        let read: Vec<(&str, u64)> =
            facts.iter().map(|fact| (fact.id.as_str(), fact.line)).collect();
        let right: Vec<(String, u64)> = rows
            .iter()
            .enumerate()
            .filter(|(_, (_, defect))| defect.is_none())
            .map(|(i, _)| (format!("row-{i}"), starts[i]))
            .collect();
        let right: Vec<(&str, u64)> = right.iter().map(|(id, line)| (id.as_str(), *line)).collect();
        prop_assert_eq!(read, right);
        let mut reported: Vec<u64> = errors
            .iter()
            .filter_map(|error| line_of(&error.to_string()))
            .collect();
        reported.dedup();
        let wrong: Vec<u64> = rows
            .iter()
            .enumerate()
            .filter(|(_, (_, defect))| defect.is_some())
            .map(|(i, _)| starts[i])
            .collect();
        prop_assert_eq!(reported, wrong, "{:#?}", errors);
        for error in &errors {
            let message = error.to_string();
            let is_count = matches!(error, ReferenceError::FieldCount { .. });
            prop_assert!(is_count || message.contains(": column `"), "{message}");
        }
    }
}
