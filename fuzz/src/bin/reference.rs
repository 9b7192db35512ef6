//! Any bytes as a reference CSV and as a synonyms file. A panic, a problem
//! whose message does not start with the file and a line, or a fact whose
//! interval is NaN or reversed is a crash.

use std::path::Path;

use claimcheck_fuzz::assert_interval;

const PATH: &str = "fuzz.csv";

fn main() {
    afl::fuzz!(|bytes: &[u8]| {
        let path = Path::new(PATH);
        let (facts, problems) = claimcheck_reference::parse(path, bytes);
        let (_, synonym_problems) = claimcheck_reference::parse_synonyms(path, bytes);
        for problem in problems.iter().chain(&synonym_problems) {
            assert_names_file_and_line(&problem.to_string());
        }
        for fact in &facts {
            assert_interval(&fact.interval, "fact interval");
            assert_interval(&fact.base.interval, "fact base interval");
        }
    });
}

/// `fuzz.csv:<line>:`, with lines counted from 1.
fn assert_names_file_and_line(message: &str) {
    let line = message
        .strip_prefix(PATH)
        .and_then(|rest| rest.strip_prefix(':'))
        .and_then(|rest| rest.split_once(':'))
        .and_then(|(line, _)| line.parse::<u64>().ok());
    assert!(
        line.is_some_and(|line| line >= 1),
        "problem without file and line: {message}"
    );
}
