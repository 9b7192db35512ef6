//! Hostile reference files: each is read to the end, every problem comes
//! back at once with its file, line and (where one is to blame) column, and
//! every good row is still read. Byte-level cases live in
//! `data/fixtures/reference-hostile/`, where an editor shows them as they are.

use std::fmt::Write;
use std::path::Path;

use claimcheck_reference::{parse, parse_synonyms};

const PATH: &str = "ref.csv";

/// The ids and lines of the facts read, and the messages of the problems.
type Outcome = (Vec<(String, u64)>, Vec<String>);

fn outcome(path: &str, bytes: &[u8]) -> Outcome {
    let (facts, errors) = parse(Path::new(path), bytes);
    (
        facts.into_iter().map(|fact| (fact.id, fact.line)).collect(),
        errors.iter().map(ToString::to_string).collect(),
    )
}

fn fixture(name: &str) -> Outcome {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/fixtures/reference-hostile")
        .join(name);
    let bytes = std::fs::read(&path).unwrap();
    outcome(name, &bytes)
}

fn facts(expected: &[(&str, u64)]) -> Vec<(String, u64)> {
    expected
        .iter()
        .map(|(id, line)| ((*id).to_owned(), *line))
        .collect()
}

fn synonym_messages(csv: &[u8]) -> Vec<String> {
    let (_, errors) = parse_synonyms(Path::new("syn.csv"), csv);
    errors.iter().map(ToString::to_string).collect()
}

#[test]
fn a_file_without_a_row_has_no_header() {
    for csv in [&b""[..], b"\xEF\xBB\xBF", b"\n\r\n\n"] {
        assert_eq!(
            outcome(PATH, csv),
            (vec![], vec!["ref.csv:1: no header row".to_owned()]),
            "{csv:?}"
        );
        assert_eq!(synonym_messages(csv), ["syn.csv:1: no header row"]);
    }
}

#[test]
fn a_header_alone_is_an_empty_table() {
    for csv in [
        &b"id,value,unit"[..],
        b"id,value,unit\n",
        b"\xEF\xBB\xBFid,value,unit\r\n",
        b"id,value,unit\n\n\n",
    ] {
        assert_eq!(outcome(PATH, csv), (vec![], vec![]), "{csv:?}");
    }
    assert_eq!(synonym_messages(b"noun,synonyms\n"), Vec::<String>::new());
}

#[test]
fn a_missing_column_hides_no_problem_of_the_rows() {
    // Without `unit` a figure may be a number or a date, so neither is
    // reported; what is wrong whatever the unit still is.
    let csv = b"id,value,x_note\na,1,\nb,2022-10-02,\nc,x,\na,3,\nd\n";
    assert_eq!(
        outcome(PATH, csv),
        (
            vec![],
            vec![
                "ref.csv:1: missing required column `unit`".to_owned(),
                "ref.csv:4: column `value`: `x` is not a number".to_owned(),
                "ref.csv:5: column `id`: `a` is already the id on line 2".to_owned(),
                "ref.csv:6: 1 fields, but the header has 3".to_owned(),
            ]
        )
    );
    // So too in a row whose unit is empty.
    assert_eq!(
        outcome(PATH, b"id,value,unit\na,2022-10-02,\nb,x,\n").1,
        [
            "ref.csv:2: column `unit`: required, but empty",
            "ref.csv:3: column `unit`: required, but empty",
            "ref.csv:3: column `value`: `x` is not a number",
        ]
    );
    assert_eq!(
        synonym_messages(b"noun\ndeaths\ncaf\xe9\n"),
        [
            "syn.csv:1: missing required column `synonyms`",
            "syn.csv:3: column `noun`: not valid UTF-8",
        ]
    );
}

#[test]
fn a_duplicate_header_is_reported_and_its_first_column_read() {
    let csv = b"id,value,unit,VALUE, id \na,1,wars,2,b\n";
    let (facts, errors) = parse(Path::new(PATH), csv);
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "ref.csv:1: column `value` appears more than once",
            "ref.csv:1: column `id` appears more than once",
        ]
    );
    assert_eq!((facts[0].id.as_str(), facts[0].value), ("a", 1.0));
}

#[test]
fn ragged_rows_are_reported_and_the_others_read() {
    assert_eq!(
        fixture("ragged-rows.csv"),
        (
            facts(&[("ok-first", 2), ("ok-last", 5)]),
            vec![
                "ragged-rows.csv:3: 2 fields, but the header has 3".to_owned(),
                "ragged-rows.csv:4: 4 fields, but the header has 3".to_owned(),
            ]
        )
    );
    assert_eq!(
        synonym_messages(b"noun,synonyms\nballots\nvotes,ballots,x\n"),
        [
            "syn.csv:2: 1 fields, but the header has 2",
            "syn.csv:3: 3 fields, but the header has 2",
        ]
    );
}

#[test]
fn quoted_newlines_keep_the_lines_after_them_right() {
    assert_eq!(
        fixture("quoted-newlines.csv"),
        (
            facts(&[("ok-first", 2), ("ok-quotes", 6)]),
            vec![
                "quoted-newlines.csv:4: column `value`: `two` is not a number".to_owned(),
                "quoted-newlines.csv:9: column `unit`: `wars||` has an empty alternative"
                    .to_owned(),
            ]
        )
    );
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/fixtures/reference-hostile/quoted-newlines.csv");
    let (facts, _) = claimcheck_reference::load(&path).unwrap();
    assert_eq!(
        facts[1].subject.as_deref(),
        Some("She said \"three\"\n\nand left a blank line")
    );
}

#[test]
fn a_bom_and_crlf_line_ends_are_read() {
    assert_eq!(
        fixture("bom-and-crlf.csv"),
        (
            facts(&[("ok-first", 2), ("ok-multiline", 4)]),
            vec![
                "bom-and-crlf.csv:3: column `value`: `12x` is not a number".to_owned(),
                "bom-and-crlf.csv:7: column `low`: `9` is greater than `high` (`3`)".to_owned(),
            ]
        )
    );
}

#[test]
fn old_mac_line_ends_count_as_lines() {
    assert_eq!(
        fixture("lone-cr-line-ends.csv"),
        (
            facts(&[("ok-first", 2), ("ok-last", 4)]),
            vec!["lone-cr-line-ends.csv:3: column `value`: `x` is not a number".to_owned()]
        )
    );
}

#[test]
fn a_latin_1_byte_is_its_cells_problem() {
    assert_eq!(
        fixture("latin-1-cells.csv"),
        (
            facts(&[("ok-first", 2), ("ok-note", 5)]),
            vec![
                "latin-1-cells.csv:3: column `subject`: not valid UTF-8".to_owned(),
                "latin-1-cells.csv:4: column `unit`: not valid UTF-8".to_owned(),
            ]
        )
    );
}

#[test]
fn a_utf_16_file_is_named_as_such() {
    assert_eq!(
        fixture("utf-16.csv"),
        (
            vec![],
            vec!["utf-16.csv:1: the file is UTF-16, not UTF-8: save it as UTF-8".to_owned()]
        )
    );
}

#[test]
fn a_quote_never_closed_is_reported_where_it_opens() {
    assert_eq!(
        fixture("unclosed-quote.csv"),
        (
            facts(&[("ok-first", 2)]),
            vec![
                "unclosed-quote.csv:3: column `value`: `x` is not a number".to_owned(),
                "unclosed-quote.csv:4: column `subject`: the quote that opens this cell is never \
                 closed, so the rest of the file is read into it"
                    .to_owned(),
            ]
        )
    );
    // In the header, the cell has no name but its place.
    assert_eq!(
        outcome(PATH, b"id,value,\"unit\na,1,wars\n"),
        (
            vec![],
            vec![
                "ref.csv:1: column `3`: the quote that opens this cell is never closed, so the \
                 rest of the file is read into it"
                    .to_owned()
            ]
        )
    );
    // The line is the quote's, after a cell of the same record that spans lines.
    assert_eq!(
        outcome(
            PATH,
            b"id,value,unit,subject\na,1,\"wars\nand more\",\"open\n"
        )
        .1
        .first()
        .map(String::as_str),
        Some(
            "ref.csv:3: column `subject`: the quote that opens this cell is never closed, so \
             the rest of the file is read into it"
        )
    );
    assert_eq!(
        synonym_messages(b"noun,synonyms\nballots,\"votes\n"),
        [
            "syn.csv:2: column `synonyms`: the quote that opens this cell is never closed, so \
             the rest of the file is read into it"
        ]
    );
}

#[test]
fn quotes_that_close_on_the_last_line_are_fine() {
    for csv in [
        &b"id,value,unit,subject\na,1,wars,\"closed\""[..],
        b"id,value,unit,subject\na,1,wars,\"a \"\"quoted\"\" word\"\n",
        b"id,value,unit,subject\na,1,wars,\"two\nlines\"\r\n\r\n",
        // A quote inside an unquoted cell is a character of it.
        b"id,value,unit,subject\na,1,wars,5\" tall\n",
        b"id,value,unit,subject\na,1,wars,\"closed\" then more\n",
    ] {
        let (facts, errors) = outcome(PATH, csv);
        assert_eq!((facts.len(), errors), (1, vec![]), "{csv:?}");
    }
}

#[test]
fn each_later_duplicate_id_names_the_first() {
    let csv = b"id,value,unit\na,1,wars\nb,1,wars\na,2,wars\n a ,3,wars\nA,4,wars\n";
    assert_eq!(
        outcome(PATH, csv),
        (
            facts(&[("a", 2), ("b", 3), ("A", 6)]),
            vec![
                "ref.csv:4: column `id`: `a` is already the id on line 2".to_owned(),
                "ref.csv:5: column `id`: `a` is already the id on line 2".to_owned(),
            ]
        )
    );
}

#[test]
fn every_figure_that_is_not_a_number_is_named() {
    let long = "9".repeat(400);
    let cells = [
        ("value", "12x"),
        ("value", "inf"),
        ("value", "NaN"),
        ("value", "1e5"),
        ("value", "0x1F"),
        ("value", "\u{2212}5"),
        ("value", "\u{661}\u{662}"),
        ("value", "5."),
        ("value", long.as_str()),
        ("low", "abc"),
        ("high", "1.2.3"),
        ("high", "--1"),
    ];
    let mut csv = String::from("id,value,low,high,unit\n");
    let mut expected = Vec::new();
    for (row, (column, cell)) in cells.iter().enumerate() {
        let (value, low, high) = match *column {
            "value" => (*cell, "", ""),
            "low" => ("5", *cell, ""),
            _ => ("5", "", *cell),
        };
        let _ = writeln!(csv, "r{row},{value},{low},{high},wars");
        expected.push(format!(
            "ref.csv:{}: column `{column}`: `{cell}` is not a number",
            row + 2
        ));
    }
    csv.push_str("ok, 7 ,6,8,wars\n");
    assert_eq!(
        outcome(PATH, csv.as_bytes()),
        (facts(&[("ok", cells.len() as u64 + 2)]), expected)
    );
}

#[test]
fn bounds_out_of_order_are_reported_in_every_syntax() {
    let csv = b"id,value,low,high,unit\n\
                a,10,12,8,wars\n\
                b,1991,1992,1990,year\n\
                c,2020-01-05,2020-01-09,2020-01-01,date\n\
                d,5,6,,wars\n\
                e,9,,8,wars\n\
                ok,5,4,6,wars\n";
    assert_eq!(
        outcome(PATH, csv),
        (
            facts(&[("ok", 7)]),
            vec![
                "ref.csv:2: column `low`: `12` is greater than `high` (`8`)".to_owned(),
                "ref.csv:3: column `low`: `1992` is greater than `high` (`1990`)".to_owned(),
                "ref.csv:4: column `low`: `2020-01-09` is greater than `high` (`2020-01-01`)"
                    .to_owned(),
                "ref.csv:5: column `value`: `5` is less than `low` (`6`)".to_owned(),
                "ref.csv:6: column `value`: `9` is greater than `high` (`8`)".to_owned(),
            ]
        )
    );
}
