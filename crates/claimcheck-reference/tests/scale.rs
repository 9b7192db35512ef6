//! Reading takes time linear in the file: ten times the rows, or one cell of
//! ten times the alternatives, takes about ten times as long, where a
//! quadratic step would take a hundred. The sizes are timed in turns and
//! the fastest of three kept, so that a busy machine slows a run rather
//! than fails it; a ratio under 40 leaves room for noise and none for a
//! quadratic.

use std::fmt::Write;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use claimcheck_reference::{parse, parse_synonyms};

/// Held while timing, so that the tests of this file do not time each other.
static TIMING: Mutex<()> = Mutex::new(());

fn timed(run: impl FnOnce()) -> Duration {
    let start = Instant::now();
    run();
    start.elapsed()
}

/// Asserts that `run(10 * small)` takes less than 40 times `run(small)`,
/// where `small` is `start` doubled until a run takes 20 ms: shorter runs
/// are timed more by caches and the clock than by the work. The two sizes
/// are timed in turns, three times each, and the fastest of each kept, so
/// that load from elsewhere slows both alike.
fn assert_linear(what: &str, start: usize, mut run: impl FnMut(usize)) {
    let _timing = TIMING
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let mut small = start;
    while timed(|| run(small)) < Duration::from_millis(20) {
        small *= 2;
    }
    let (mut small_time, mut large_time) = (Duration::MAX, Duration::MAX);
    for _ in 0..3 {
        small_time = small_time.min(timed(|| run(small)));
        large_time = large_time.min(timed(|| run(10 * small)));
    }
    let ratio = large_time.as_secs_f64() / small_time.as_secs_f64();
    assert!(
        ratio < 40.0,
        "{what}: {} took {large_time:?}, {small} took {small_time:?}: {ratio:.1} times as long",
        10 * small
    );
}

/// Every 1,000th row repeats the id of the row before it.
fn repeats_an_id(row: usize) -> bool {
    row % 1000 == 999
}

/// Every 997th row has a value that is not a number.
fn has_no_number(row: usize) -> bool {
    row % 997 == 996
}

/// A reference of `rows` rows, some of them wrong.
fn reference(rows: usize) -> String {
    let mut csv = String::from("id,value,low,high,unit,keywords,subject\n");
    for row in 0..rows {
        let id = if repeats_an_id(row) { row - 1 } else { row };
        let value = if has_no_number(row) {
            "n/a".to_owned()
        } else {
            (row + 10).to_string()
        };
        let _ = writeln!(
            csv,
            "fact-{id},{value},{},{},troops|soldiers,war;{}|peace,\"Row {row}, quoted\"",
            row + 5,
            row + 20,
            row % 97
        );
    }
    csv
}

/// Reads `reference(rows)` and checks that every row came back, as a fact
/// or as its problems, on its line.
fn read_reference(csv: &str, rows: usize) {
    let (facts, errors) = parse(Path::new("ref.csv"), csv.as_bytes());
    let wrong = |row: &usize| repeats_an_id(*row) || has_no_number(*row);
    let problems = (0..rows).filter(|row| repeats_an_id(*row)).count()
        + (0..rows).filter(|row| has_no_number(*row)).count();
    assert_eq!(errors.len(), problems);
    assert_eq!(facts.len(), (0..rows).filter(|row| !wrong(row)).count());
    let last_good = (0..rows).rev().find(|row| !wrong(row)).unwrap();
    assert_eq!(facts.last().unwrap().line, last_good as u64 + 2);
    assert_eq!(
        errors[0].to_string(),
        "ref.csv:998: column `value`: `n/a` is not a number"
    );
    assert_eq!(
        errors[1].to_string(),
        "ref.csv:1001: column `id`: `fact-998` is already the id on line 1000"
    );
}

fn assert_rows_linear(small: usize) {
    let mut csvs = std::collections::HashMap::new();
    assert_linear("rows", small, |rows| {
        let csv = csvs.entry(rows).or_insert_with(|| reference(rows));
        read_reference(csv, rows);
    });
}

#[test]
fn rows_take_linear_time() {
    assert_rows_linear(5_000);
}

/// The linear time the test above measures on smaller tables, here on a
/// million rows read once, with every problem in them.
#[test]
fn a_million_rows_are_read_with_every_problem() {
    read_reference(&reference(1_000_000), 1_000_000);
}

/// A name no earlier call gave, so that every timed run folds its words
/// afresh rather than finding them in the per-thread caches of folded words.
fn fresh(prefix: &str) -> String {
    static CALLS: AtomicUsize = AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, Ordering::Relaxed);
    let letters: String = call
        .to_string()
        .bytes()
        .map(|digit| char::from(b'a' + digit - b'0'))
        .collect();
    format!("{prefix}{letters}x")
}

/// A header, the start of its one row, the row's last cell's alternatives
/// (made of a word and their place) and what separates them.
type LongCell = (&'static str, &'static str, fn(&str, usize) -> String, char);

#[test]
fn a_cell_of_many_alternatives_takes_linear_time() {
    let cells: [LongCell; 4] = [
        ("id,value,unit", "a,1,", |word, i| format!("{word}{i}"), '|'),
        (
            "id,value,unit",
            "a,1,",
            |_, i| ["km", "m", "mi"][i % 3].to_owned(),
            '|',
        ),
        (
            "id,value,unit",
            "a,1,",
            |word, i| format!("days|{word}{i}"),
            '|',
        ),
        (
            "id,value,unit,keywords",
            "a,1,wars,",
            |word, i| format!("{word}{i}|w{i}"),
            ';',
        ),
    ];
    for (header, start, alternative, separator) in cells {
        assert_linear(&format!("{header}: {start}"), 2_000, |count| {
            let word = fresh("noun");
            let mut csv = format!("{header}\n{start}");
            for i in 0..count {
                if i > 0 {
                    csv.push(separator);
                }
                csv.push_str(&alternative(&word, i));
            }
            csv.push('\n');
            let _ = parse(Path::new("ref.csv"), csv.as_bytes());
        });
    }
}

#[test]
fn synonym_rows_that_chain_take_linear_time() {
    // Each row's noun is new and its synonym the previous row's noun, so
    // each row joins the one group that all the earlier rows make.
    assert_linear("synonyms", 2_000, |rows| {
        let word = fresh("word");
        let mut csv = String::from("noun,synonyms\n");
        for row in 0..rows {
            let _ = writeln!(csv, "{word}{},{word}{row}", row + 1);
        }
        let (synonyms, errors) = parse_synonyms(Path::new("syn.csv"), csv.as_bytes());
        assert!(errors.is_empty());
        assert_eq!(
            synonyms.key(&format!("{word}0")),
            synonyms.key(&format!("{word}{rows}"))
        );
    });
}
