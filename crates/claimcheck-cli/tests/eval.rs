//! Scores `verify` on the newsroom evaluation set in `data/eval/` (see its
//! README for the layout and how verdicts are decided) and holds verdict
//! accuracy to the floor in `data/eval/FLOOR`. `just eval` prints the
//! table and every figure judged otherwise than labelled.

// The table is this test's report.
#![allow(clippy::print_stdout)]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

const BINARY: &str = env!("CARGO_BIN_EXE_claimcheck");
const EVAL: &str = "data/eval";
const FLOOR: &str = "data/eval/FLOOR";
const VERDICTS: [&str; 4] = ["supported", "contradicted", "unverified", "ambiguous"];

/// A figure of an article with the verdict a fact-checker expects.
#[derive(Clone, Debug)]
struct Label {
    start: usize,
    end: usize,
    verdict: String,
    fact: Option<String>,
    note: String,
}

/// An article to verify: an original or its perturbed copy.
struct Case {
    name: String,
    text: String,
    reference: PathBuf,
    labels: Vec<Label>,
}

/// A figure as `verify` judged it.
#[derive(Debug)]
struct Judged {
    start: usize,
    end: usize,
    verdict: String,
    fact: Option<String>,
    reason: String,
}

/// Where `needle` stands in `text` as a whole word: not inside a longer
/// word or figure ("12" never inside "120" or "12.5").
fn whole_word_matches(text: &str, needle: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let is_word = |byte: u8| byte.is_ascii_alphanumeric();
    let is_digit = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_digit);
    text.match_indices(needle)
        .map(|(start, _)| start)
        .filter(|&start| {
            let end = start + needle.len();
            let before_ok = start == 0
                || !(is_word(bytes[start - 1])
                    || (start >= 2
                        && matches!(bytes[start - 1], b',' | b'.')
                        && is_digit(start - 2)));
            let after_ok = end == bytes.len()
                || !(is_word(bytes[end])
                    || (matches!(bytes[end], b',' | b'.') && is_digit(end + 1)));
            before_ok && after_ok
        })
        .collect()
}

/// The rows of a CSV file as maps from column to cell, each with its line.
fn rows(path: &Path) -> Vec<(usize, BTreeMap<String, String>)> {
    let mut reader =
        csv::Reader::from_path(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let header: Vec<String> = reader
        .headers()
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()))
        .iter()
        .map(str::to_string)
        .collect();
    reader
        .records()
        .enumerate()
        .map(|(index, record)| {
            let record =
                record.unwrap_or_else(|error| panic!("{}:{}: {error}", path.display(), index + 2));
            let cells = header
                .iter()
                .cloned()
                .zip(record.iter().map(|cell| cell.trim().to_string()))
                .collect();
            (index + 2, cells)
        })
        .collect()
}

/// Where the `occurrence`-th whole-word `figure` of a row stands.
fn locate(
    text: &str,
    path: &Path,
    line: usize,
    row: &BTreeMap<String, String>,
    column: &str,
) -> (usize, usize) {
    let figure = &row[column];
    let occurrence: usize = row
        .get("occurrence")
        .filter(|cell| !cell.is_empty())
        .map_or(Ok(1), |cell| cell.parse())
        .unwrap_or_else(|error| panic!("{}:{line}: occurrence: {error}", path.display()));
    let start = *whole_word_matches(text, figure)
        .get(occurrence - 1)
        .unwrap_or_else(|| {
            panic!(
                "{}:{line}: `{figure}` does not occur {occurrence} time(s) as a whole word",
                path.display()
            )
        });
    (start, start + figure.len())
}

fn label_of(row: &BTreeMap<String, String>, start: usize, end: usize) -> Label {
    let verdict = row["verdict"].clone();
    assert!(
        VERDICTS.contains(&verdict.as_str()),
        "unknown verdict `{verdict}`"
    );
    Label {
        start,
        end,
        verdict,
        fact: row.get("fact").filter(|fact| !fact.is_empty()).cloned(),
        note: row.get("note").cloned().unwrap_or_default(),
    }
}

/// The cases of one article folder: the article, and its perturbed copy
/// when it has perturbations.
fn cases_of(folder: &Path, name: &str) -> Vec<Case> {
    let text = std::fs::read_to_string(folder.join("article.md")).unwrap();
    let reference = folder.join("reference.csv");
    let labels_path = folder.join("labels.csv");
    let labels: Vec<Label> = rows(&labels_path)
        .iter()
        .map(|(line, row)| {
            let (start, end) = locate(&text, &labels_path, *line, row, "figure");
            label_of(row, start, end)
        })
        .collect();
    let mut cases = vec![Case {
        name: name.to_string(),
        text: text.clone(),
        reference: reference.clone(),
        labels: labels.clone(),
    }];
    let edits_path = folder.join("perturbations.csv");
    if !edits_path.exists() {
        return cases;
    }
    let mut edits: Vec<(usize, usize, String, Label)> = rows(&edits_path)
        .iter()
        .map(|(line, row)| {
            let (start, end) = locate(&text, &edits_path, *line, row, "find");
            (start, end, row["replace"].clone(), label_of(row, 0, 0))
        })
        .collect();
    edits.sort_by_key(|edit| edit.0);
    let mut perturbed = String::with_capacity(text.len());
    let mut perturbed_labels = Vec::new();
    let mut copied = 0;
    for (start, end, replacement, label) in &edits {
        assert!(*start >= copied, "{}: edits overlap", edits_path.display());
        perturbed.push_str(&text[copied..*start]);
        let new_start = perturbed.len();
        perturbed.push_str(replacement);
        perturbed_labels.push(Label {
            start: new_start,
            end: perturbed.len(),
            ..label.clone()
        });
        copied = *end;
    }
    perturbed.push_str(&text[copied..]);
    for label in &labels {
        let edited = edits
            .iter()
            .any(|(start, end, ..)| label.start < *end && *start < label.end);
        if edited {
            continue;
        }
        let shift: isize = edits
            .iter()
            .filter(|(start, ..)| *start < label.start)
            .map(|(start, end, replacement, _)| replacement.len() as isize - (end - start) as isize)
            .sum();
        perturbed_labels.push(Label {
            start: (label.start as isize + shift) as usize,
            end: (label.end as isize + shift) as usize,
            ..label.clone()
        });
    }
    perturbed_labels.sort_by_key(|label| label.start);
    cases.push(Case {
        name: format!("{name} (perturbed)"),
        text: perturbed,
        reference,
        labels: perturbed_labels,
    });
    cases
}

fn all_cases() -> Vec<Case> {
    let mut folders = Vec::new();
    for desk in std::fs::read_dir(EVAL).unwrap().flatten() {
        if !desk.path().is_dir() {
            continue;
        }
        for article in std::fs::read_dir(desk.path()).unwrap().flatten() {
            if article.path().join("article.md").exists() {
                folders.push(article.path());
            }
        }
    }
    folders.sort();
    folders
        .iter()
        .flat_map(|folder| {
            let name = folder.strip_prefix(EVAL).unwrap().display().to_string();
            cases_of(folder, &name)
        })
        .collect()
}

fn verify(case: &Case) -> Vec<Judged> {
    let mut child = Command::new(BINARY)
        .args(["verify", "--format", "jsonl", "--exit-zero", "--reference"])
        .arg(&case.reference)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(case.text.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{}: verify failed: {}",
        case.name,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| {
            let record: Value = serde_json::from_str(line).unwrap();
            let text = |field: &str| record[field].as_str().map(str::to_string);
            Judged {
                start: record["start"].as_u64().unwrap() as usize,
                end: record["end"].as_u64().unwrap() as usize,
                verdict: text("verdict").unwrap(),
                fact: text("fact"),
                reason: text("reason").unwrap_or_default(),
            }
        })
        .collect()
}

/// One figure scored: what was expected and what was found.
struct Outcome {
    expected: String,
    found: String,
    /// A line for the list of misses, when the two differ.
    miss: Option<String>,
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

fn score(case: &Case, judged: &[Judged]) -> Vec<Outcome> {
    let mut used = vec![false; judged.len()];
    let mut outcomes = Vec::new();
    for label in &case.labels {
        let overlap = |figure: &Judged| {
            label
                .end
                .min(figure.end)
                .saturating_sub(label.start.max(figure.start))
        };
        let found = judged
            .iter()
            .enumerate()
            .filter(|(at, figure)| !used[*at] && overlap(figure) > 0)
            .max_by_key(|(at, figure)| (overlap(figure), std::cmp::Reverse(*at)));
        let (verdict, fact, reason) = match found {
            Some((at, figure)) => {
                used[at] = true;
                (
                    figure.verdict.clone(),
                    figure.fact.clone(),
                    figure.reason.clone(),
                )
            }
            None => (
                "unverified".to_string(),
                None,
                "not read as a claim".to_string(),
            ),
        };
        let right = verdict == label.verdict;
        let miss = (!right).then(|| {
            format!(
                "{}:{}: \"{}\" expected {}{} ({}), got {verdict}{}: {reason}",
                case.name,
                line_of(&case.text, label.start),
                &case.text[label.start..label.end],
                label.verdict,
                label
                    .fact
                    .as_ref()
                    .map_or(String::new(), |fact| format!(" [{fact}]")),
                label.note,
                fact.map_or(String::new(), |fact| format!(" [{fact}]")),
            )
        });
        outcomes.push(Outcome {
            expected: label.verdict.clone(),
            found: verdict,
            miss,
        });
    }
    for (at, figure) in judged.iter().enumerate() {
        if used[at] || figure.verdict == "unverified" {
            continue;
        }
        outcomes.push(Outcome {
            expected: "unverified".to_string(),
            found: figure.verdict.clone(),
            miss: Some(format!(
                "{}:{}: \"{}\" has no label (expected unverified), got {}{}: {}",
                case.name,
                line_of(&case.text, figure.start),
                &case.text[figure.start..figure.end],
                figure.verdict,
                figure
                    .fact
                    .as_ref()
                    .map_or(String::new(), |fact| format!(" [{fact}]")),
                figure.reason
            )),
        });
    }
    outcomes
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

#[test]
fn newsroom_verdicts_meet_the_floor() {
    let cases = all_cases();
    assert!(!cases.is_empty(), "no articles under {EVAL}");
    let outcomes: Vec<Outcome> = cases
        .iter()
        .flat_map(|case| score(case, &verify(case)))
        .collect();
    let right = outcomes
        .iter()
        .filter(|outcome| outcome.expected == outcome.found)
        .count();
    let accuracy = ratio(right, outcomes.len());
    let floor: f64 = std::fs::read_to_string(FLOOR)
        .unwrap()
        .trim()
        .parse()
        .expect("FLOOR holds one number");
    let originals = cases
        .iter()
        .filter(|case| !case.name.ends_with("(perturbed)"))
        .count();
    let mut report = String::new();
    let _ = writeln!(
        report,
        "newsroom evaluation: {originals} articles and {} perturbed copies, {} figures",
        cases.len() - originals,
        outcomes.len()
    );
    let _ = writeln!(
        report,
        "verdict accuracy {accuracy:.3} (floor {floor:.3})\n"
    );
    let _ = writeln!(
        report,
        "| verdict | expected | found | right | precision | recall |"
    );
    let _ = writeln!(report, "| --- | ---: | ---: | ---: | ---: | ---: |");
    for verdict in VERDICTS {
        let expected = outcomes.iter().filter(|o| o.expected == verdict).count();
        let found = outcomes.iter().filter(|o| o.found == verdict).count();
        let hits = outcomes
            .iter()
            .filter(|o| o.expected == verdict && o.found == verdict)
            .count();
        let _ = writeln!(
            report,
            "| {verdict} | {expected} | {found} | {hits} | {:.3} | {:.3} |",
            ratio(hits, found),
            ratio(hits, expected)
        );
    }
    let misses: Vec<&str> = outcomes.iter().filter_map(|o| o.miss.as_deref()).collect();
    let _ = writeln!(report, "\n{} figures judged otherwise:", misses.len());
    for miss in misses {
        let _ = writeln!(report, "  {miss}");
    }
    println!("{report}");
    assert!(
        accuracy >= floor,
        "verdict accuracy {accuracy:.3} is below the floor {floor:.3}"
    );
}

#[test]
fn whole_words_are_never_parts_of_longer_figures() {
    let text = "12 of 120, 12.5 and 2,012; x12 or 12.";
    assert_eq!(whole_word_matches(text, "12"), [0, 34]);
    assert_eq!(whole_word_matches(text, "2,012"), [20]);
}
