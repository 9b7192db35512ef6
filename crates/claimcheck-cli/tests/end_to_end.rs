//! Runs the built `claimcheck` binary the way a user does and checks what
//! it prints and how it exits.
//!
//! Every article under `data/articles/` and every fixture under
//! `data/fixtures/` gets two snapshots, `extract@…` and `verify@…`, in the
//! top-level `snapshots/` folder; a new file gets its snapshots without new
//! code. A fixture `name.md` is verified against `name.csv` when one stands
//! beside it, else against `data/fixtures/reference.csv`; an article against
//! `data/reference.csv`. Every other test reads fixtures only, so that
//! changing or adding an article needs nothing but accepting its snapshots.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;

use common::{BINARY, FIXTURE_REFERENCE, ROOT, SEED, claimcheck, reference_for, stderr, stdout};

/// The exit status, standard output and standard error, as a reviewer
/// reads them.
fn transcript(output: &Output) -> String {
    let mut transcript = format!("exit status: {}\n", output.status.code().unwrap_or(-1));
    transcript.push_str(&stdout(output));
    if !output.stderr.is_empty() {
        transcript.push_str("--- stderr ---\n");
        transcript.push_str(&stderr(output));
    }
    transcript
}

/// Compares a run's transcript with the snapshot `name` in
/// `snapshots/<folder>/`.
fn snapshot(folder: &str, name: &str, output: &Output) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(Path::new(ROOT).join("snapshots").join(folder));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!(name, transcript(output)));
}

/// The path of a file under the root, with `/` separators, as the binary
/// is given it.
fn relative(path: &Path) -> String {
    let relative = path.strip_prefix(ROOT).expect("inputs lie under the root");
    relative.to_string_lossy().replace('\\', "/")
}

macro_rules! snapshot_every_input {
    ($name:literal, |$article:ident| $arguments:expr) => {
        insta::with_settings!({
            snapshot_path => concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots/", $name),
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::glob!("../../../data", "{articles,fixtures}/*.{md,txt}", |path| {
                let $article = relative(path);
                let arguments: Vec<String> = $arguments;
                let arguments: Vec<&str> = arguments.iter().map(String::as_str).collect();
                insta::assert_snapshot!($name, transcript(&claimcheck(&arguments)));
            });
        });
    };
}

#[test]
fn extract_snapshots() {
    snapshot_every_input!("extract", |article| vec!["extract".into(), article]);
}

/// Every verdict is shown, not only the problems, so that each is pinned.
#[test]
fn verify_snapshots() {
    snapshot_every_input!("verify", |article| {
        let reference = reference_for(&article);
        vec![
            "verify".into(),
            "--show".into(),
            "all".into(),
            "--reference".into(),
            reference,
            article,
        ]
    });
}

#[test]
fn the_seed_article_has_one_contradiction_the_geneva_date() {
    let output = claimcheck(&[
        "verify",
        "--reference",
        FIXTURE_REFERENCE,
        "--format",
        "jsonl",
        SEED,
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let contradicted: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is JSON"))
        .filter(|record: &serde_json::Value| record["verdict"] == "contradicted")
        .collect();
    assert_eq!(contradicted.len(), 1, "{contradicted:#?}");
    assert_eq!(contradicted[0]["text"], "Oct. 3");
    assert_eq!(contradicted[0]["fact"], "geneva-ministers-meeting-2022-10");
    assert_eq!(contradicted[0]["value"], "2022-10-03");
    assert_eq!(contradicted[0]["reference_value"], "2022-10-02");
}

#[test]
fn verify_checks_data_articles_against_data_reference_by_default() {
    let default = claimcheck(&["verify"]);
    let explicit = claimcheck(&[
        "verify",
        "--reference",
        "data/reference.csv",
        "data/articles",
    ]);
    assert_eq!(transcript(&default), transcript(&explicit));
    assert!(
        stdout(&default).contains(" claims: "),
        "{}",
        transcript(&default)
    );
}

#[test]
fn the_386_fixture_contradicts_the_death_toll_too() {
    let output = claimcheck(&[
        "verify",
        "--reference",
        FIXTURE_REFERENCE,
        "--format",
        "jsonl",
        "data/fixtures/regress-386-people.md",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let records: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let toll = records
        .iter()
        .find(|record| record["text"] == "386")
        .expect("386 is a claim");
    assert_eq!(toll["verdict"], "contradicted");
    assert_eq!(toll["fact"], "clashes-2022-09-deaths");
    let contradicted = records
        .iter()
        .filter(|record| record["verdict"] == "contradicted")
        .count();
    assert_eq!(contradicted, 2, "386 people and the Geneva date");
}

#[test]
fn only_supported_claims_exit_zero() {
    let output = claimcheck(&[
        "verify",
        "--reference",
        FIXTURE_REFERENCE,
        "data/fixtures/all-claims-supported.md",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", transcript(&output));
    assert!(stdout(&output).contains("6 supported, 0 contradicted, 0 unverified"));
}

#[test]
fn a_non_numeric_reference_value_exits_two_naming_line_and_column() {
    let output = claimcheck(&[
        "verify",
        "--show",
        "supported",
        "--reference",
        "data/fixtures/reference-non-numeric-value.csv",
        SEED,
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "claimcheck: data/fixtures/reference-non-numeric-value.csv:3: column `value`: `two` is not a number\n"
    );
    // The article is still checked against the rows that are valid.
    assert!(stdout(&output).contains("supported[russian-peacekeepers]: \"2,000\""));
}

#[test]
fn a_missing_article_exits_two_after_checking_the_others() {
    let output = claimcheck(&[
        "verify",
        "--reference",
        FIXTURE_REFERENCE,
        "data/no-such-article.md",
        SEED,
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "claimcheck: data/no-such-article.md: no such file or folder\n"
    );
    assert!(stdout(&output).contains("1 contradicted"));
}

/// The seed article's mentions as JSON, checking on the way that every
/// `text` is the slice of the file at `start..end`.
fn seed_mentions() -> Vec<serde_json::Value> {
    let output = claimcheck(&["extract", "--format", "jsonl", SEED]);
    assert_eq!(output.status.code(), Some(0));
    let source = std::fs::read_to_string(Path::new(ROOT).join(SEED)).unwrap();
    let records: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    for record in &records {
        let start = record["start"].as_u64().unwrap() as usize;
        let end = record["end"].as_u64().unwrap() as usize;
        assert_eq!(
            &source[start..end],
            record["text"],
            "text is the source slice"
        );
    }
    records
}

fn mention<'r>(records: &'r [serde_json::Value], text: &str) -> &'r serde_json::Value {
    records
        .iter()
        .find(|record| record["text"] == text)
        .unwrap_or_else(|| panic!("no mention {text:?}"))
}

#[test]
fn extract_reads_the_seed_counts() {
    let records = seed_mentions();
    let troops = mention(&records, "more than 6,500");
    assert_eq!(
        (troops["line"].as_u64(), troops["column"].as_u64()),
        (Some(45), Some(59))
    );
    assert_eq!(
        (
            troops["value"].as_i64(),
            troops["low"].as_i64(),
            troops["high"].as_i64()
        ),
        (Some(6500), Some(6500), Some(7800))
    );
    assert_eq!(
        (
            troops["qualifier"].as_str(),
            troops["unit"].as_str(),
            troops["kind"].as_str()
        ),
        (Some("more_than"), Some("troops"), Some("count"))
    );
    assert!(
        troops["sentence"]
            .as_str()
            .unwrap()
            .starts_with("A six-week war in autumn 2020")
    );
    let peacekeepers = mention(&records, "2,000");
    assert_eq!(
        (peacekeepers["low"].as_i64(), peacekeepers["high"].as_i64()),
        (Some(1900), Some(2100))
    );
    assert_eq!(mention(&records, "286")["unit"], "people");
    assert_eq!(mention(&records, "around 30,000")["qualifier"], "approx");
    assert_eq!(mention(&records, "two")["unit"], "wars");
}

#[test]
fn extract_reads_the_seed_durations() {
    let records = seed_mentions();
    let war = mention(&records, "six-week");
    assert_eq!(
        (
            war["kind"].as_str(),
            war["unit"].as_str(),
            war["value"].as_i64()
        ),
        (Some("duration"), Some("weeks"), Some(6))
    );
    assert_eq!(
        (war["low"].as_f64(), war["high"].as_f64()),
        (Some(5.5), Some(6.5))
    );
    assert_eq!(
        (
            war["base_unit"].as_str(),
            war["base_low"].as_f64(),
            war["base_high"].as_f64()
        ),
        (Some("days"), Some(38.5), Some(45.5))
    );
    let decades = mention(&records, "up to another two decades");
    assert_eq!(
        (
            decades["value"].as_i64(),
            decades["unit"].as_str(),
            decades["qualifier"].as_str()
        ),
        (Some(20), Some("years"), Some("up_to"))
    );
    assert_eq!(
        (decades["low"].as_i64(), decades["high"].as_i64()),
        (Some(0), Some(20))
    );
    assert_eq!(mention(&records, "several decades")["kind"], "duration");
}

#[test]
fn extract_reads_the_seed_dates_and_nothing_from_the_url() {
    let records = seed_mentions();
    let year = mention(&records, "1991");
    assert_eq!(
        (year["kind"].as_str(), year["value"].as_i64()),
        (Some("year"), Some(1991))
    );
    let decade = mention(&records, "1990s");
    assert_eq!(
        (decade["low"].as_i64(), decade["high"].as_i64()),
        (Some(1990), Some(1999))
    );
    assert_eq!(mention(&records, "October 31, 2022")["value"], "2022-10-31");
    assert_eq!(mention(&records, "Oct. 3")["value"], "2022-10-03");
    let august = mention(&records, "August");
    assert_eq!(
        (august["low"].as_str(), august["high"].as_str()),
        (Some("2022-08-01"), Some("2022-08-31"))
    );
    assert!(
        records
            .iter()
            .all(|record| record["line"].as_u64() < Some(79)),
        "nothing comes from the URL on the last line"
    );
}

#[test]
fn output_is_the_same_whatever_the_thread_count() {
    for format in ["text", "jsonl", "csv"] {
        let one = claimcheck(&["--threads", "1", "verify", "--format", format, "data"]);
        let four = claimcheck(&["--threads", "4", "verify", "--format", format, "data"]);
        assert_eq!(one.stdout, four.stdout, "{format}");
        assert_eq!(one.status.code(), four.status.code());
    }
}

#[test]
fn machine_formats_agree() {
    let jsonl = stdout(&claimcheck(&[
        "verify",
        "--reference",
        FIXTURE_REFERENCE,
        "--format",
        "jsonl",
        SEED,
    ]));
    let json: Vec<serde_json::Value> = serde_json::from_str(&stdout(&claimcheck(&[
        "verify",
        "--reference",
        FIXTURE_REFERENCE,
        "--format",
        "json",
        SEED,
    ])))
    .expect("json is one array");
    let lines: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(json, lines);
    let csv = stdout(&claimcheck(&[
        "verify",
        "--reference",
        FIXTURE_REFERENCE,
        "--format",
        "csv",
        SEED,
    ]));
    let mut rows = csv.lines();
    let header = rows.next().expect("a header row");
    assert!(
        header.starts_with("file,line,column,start,end,text,kind,value,low,high,qualifier,unit")
    );
    assert!(header.contains(",verdict,fact,"));
    assert_eq!(rows.count(), lines.len());
}

#[test]
fn standard_input_is_read_as_markdown() {
    use std::io::Write;
    let mut child = Command::new(BINARY)
        .args(["extract", "--format", "jsonl", "-"])
        .current_dir(ROOT)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Some `42` and 300 troops.\n")
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let records: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(records.len(), 1);
    assert_eq!(
        (records[0]["file"].as_str(), records[0]["value"].as_i64()),
        (Some("<stdin>"), Some(300))
    );
}

/// A snapshot whose input was deleted or renamed would never fail again;
/// this keeps the folder honest without cargo-insta in CI.
#[test]
fn every_snapshot_has_its_input() {
    for stage in ["extract", "verify", "reference", "suggest", "formats"] {
        let folder = Path::new(ROOT).join("snapshots").join(stage);
        for entry in std::fs::read_dir(&folder).expect("the snapshot folder exists") {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|extension| extension != "snap") {
                continue;
            }
            let snapshot = std::fs::read_to_string(&path).unwrap();
            // A snapshot of a whole folder's run names no single input.
            let Some(input) = snapshot
                .lines()
                .find_map(|line| line.strip_prefix("input_file: "))
            else {
                continue;
            };
            assert!(
                Path::new(ROOT).join(input).exists(),
                "{} is a snapshot of {input}, which is gone",
                path.display()
            );
        }
    }
}

/// `reference check` on every CSV under `data/`: the bundled reference, the
/// fixtures' own references, and the ones written wrong on purpose.
#[test]
fn reference_check_snapshots() {
    insta::with_settings!({
        snapshot_path => concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots/reference"),
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::glob!("../../../data", "{reference.csv,fixtures/*.csv}", |path| {
            let csv = relative(path);
            insta::assert_snapshot!("reference-check", transcript(&claimcheck(&["reference", "check", &csv])));
        });
    });
}

#[test]
fn reference_check_exits_zero_on_a_clean_file_and_two_on_problems() {
    assert_eq!(
        claimcheck(&["reference", "check", FIXTURE_REFERENCE])
            .status
            .code(),
        Some(0)
    );
    let broken = claimcheck(&[
        "reference",
        "check",
        "data/fixtures/reference-five-errors.csv",
    ]);
    assert_eq!(broken.status.code(), Some(2));
    let problems = stdout(&broken)
        .lines()
        .filter(|line| line.contains(".csv:"))
        .count();
    assert!(problems >= 5, "{}", stdout(&broken));
    assert_eq!(
        claimcheck(&["reference", "check", "data/no-such.csv"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn the_three_contradictions_fixture_contradicts_a_count_a_duration_and_a_date() {
    let output = claimcheck(&[
        "verify",
        "--reference",
        FIXTURE_REFERENCE,
        "--format",
        "jsonl",
        "data/fixtures/contradicts-count-duration-date.md",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let mut kinds: Vec<String> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).unwrap())
        .filter(|record| record["verdict"] == "contradicted")
        .map(|record| record["kind"].as_str().unwrap().to_string())
        .collect();
    kinds.sort();
    assert_eq!(kinds, ["count", "date", "duration"]);
}

#[test]
fn suggest_proposes_rows_for_the_unverified_claims_of_the_seed_article() {
    let output = claimcheck(&["suggest"]);
    assert_eq!(output.status.code(), Some(0));
    snapshot("suggest", "suggest@articles", &output);
}

#[test]
fn suggested_rows_append_to_their_reference_and_keep_it_valid() {
    let reference = "data/fixtures/reference-nine-facts.csv";
    let output = claimcheck(&["suggest", "--reference", reference, "data/fixtures"]);
    assert_eq!(output.status.code(), Some(0));
    let rows = stdout(&output);
    let existing = std::fs::read_to_string(Path::new(ROOT).join(reference)).unwrap();
    let header = existing.lines().next().unwrap();
    assert!(
        !rows.starts_with(header),
        "rows to append have no header:\n{rows}"
    );
    assert!(rows.lines().count() > 10, "{rows}");
    let appended = format!("{existing}{rows}");
    let (facts, problems) =
        claimcheck_reference::parse(Path::new("appended.csv"), appended.as_bytes());
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        facts.len(),
        existing.lines().count() - 1 + rows.lines().count()
    );
    // Without a reference yet, the rows start one, header first; where
    // each claim stands goes in an x_claim column only when asked.
    let fresh = stdout(&claimcheck(&[
        "suggest",
        "--reference",
        "data/no-such-reference.csv",
        "--claims",
        "data/fixtures",
    ]));
    assert!(fresh.starts_with("id,value,low,high,unit,keywords,subject,source,as_of,x_claim\n"));
    let refused = claimcheck(&[
        "suggest",
        "--reference",
        reference,
        "--claims",
        "data/fixtures",
    ]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("x_claim"));
}

#[test]
fn cross_check_finds_articles_that_disagree_without_a_fact() {
    let output = claimcheck(&[
        "verify",
        "--reference",
        FIXTURE_REFERENCE,
        "--cross-check",
        "--show",
        "all",
        "data/fixtures/cross-check",
    ]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "an inconsistency fails the run"
    );
    snapshot(
        "verify",
        "verify-cross-check@fixtures__cross-check",
        &output,
    );
    let without = claimcheck(&[
        "verify",
        "--reference",
        FIXTURE_REFERENCE,
        "data/fixtures/cross-check",
    ]);
    assert_eq!(
        without.status.code(),
        Some(0),
        "without --cross-check nothing is compared"
    );
}

#[test]
fn cross_check_compares_claims_that_hold_the_same_fact() {
    let output = claimcheck(&[
        "verify",
        "--reference",
        FIXTURE_REFERENCE,
        "--cross-check",
        "--format",
        "jsonl",
        SEED,
        "data/fixtures/regress-386-people.md",
    ]);
    let inconsistent: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).unwrap())
        .filter(|record| record["verdict"] == "inconsistent")
        .collect();
    assert_eq!(inconsistent.len(), 1, "{inconsistent:#?}");
    assert_eq!(
        (
            inconsistent[0]["text"].as_str(),
            inconsistent[0]["fact"].as_str()
        ),
        (Some("386"), Some("clashes-2022-09-deaths"))
    );
    let reason = inconsistent[0]["reason"].as_str().unwrap();
    assert!(
        reason.starts_with(&format!("{SEED}:47:13 says \"286\"")),
        "{reason}"
    );
}

/// A document large enough to be parsed and read in pieces (over 1 MB)
/// reads as its parts would: every figure once, in order, whatever the
/// threads and the format.
#[test]
fn a_large_document_is_read_in_pieces_as_a_whole() {
    let seed = std::fs::read_to_string(Path::new(ROOT).join(SEED)).unwrap();
    let copies = 300;
    assert!(
        seed.len() * copies > 1 << 20,
        "too small to be parsed in pieces"
    );
    let large = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("large-article.md");
    std::fs::write(&large, seed.repeat(copies)).unwrap();
    let large = large.to_str().unwrap();
    let one = claimcheck(&["--threads", "1", "extract", "--format", "jsonl", large]);
    let four = claimcheck(&["--threads", "4", "extract", "--format", "jsonl", large]);
    assert_eq!(one.stdout, four.stdout);
    let records: Vec<serde_json::Value> = stdout(&one)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let per_copy = stdout(&claimcheck(&["extract", "--format", "jsonl", SEED]))
        .lines()
        .count();
    assert_eq!(records.len(), per_copy * copies, "every figure once");
    let starts: Vec<u64> = records
        .iter()
        .map(|record| record["start"].as_u64().unwrap())
        .collect();
    assert!(
        starts.windows(2).all(|pair| pair[0] < pair[1]),
        "in source order"
    );
    let json: Vec<serde_json::Value> = serde_json::from_str(&stdout(&claimcheck(&[
        "extract", "--format", "json", large,
    ])))
    .unwrap();
    assert_eq!(json, records, "one JSON array across pieces");
    let csv = stdout(&claimcheck(&["extract", "--format", "csv", large]));
    assert_eq!(
        csv.lines().filter(|line| line.starts_with("file,")).count(),
        1,
        "one CSV header"
    );
    let verified = claimcheck(&["verify", "--reference", FIXTURE_REFERENCE, large]);
    assert!(stdout(&verified).contains(&format!(
        "\n1 file, {} claims: {} supported, {} contradicted, {} unverified, 0 ambiguous\n",
        11 * copies,
        8 * copies,
        copies,
        2 * copies
    )));
}

/// Runs claimcheck with `input` on standard input.
fn claimcheck_with_input(arguments: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(BINARY)
        .args(arguments)
        .current_dir(ROOT)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the claimcheck binary runs");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    // Written from a thread of its own, so that a full output pipe cannot
    // stall both sides.
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    output
}

/// Every fixture as a JSON Lines record, with fields to pass through.
fn records_of_every_input() -> Vec<String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(Path::new(ROOT).join("data/fixtures"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "md" || extension == "txt")
        })
        .collect();
    paths.sort();
    paths
        .iter()
        .enumerate()
        .map(|(number, path)| {
            serde_json::json!({
                "id": relative(path),
                "text": std::fs::read_to_string(path).unwrap(),
                "batch": number % 3,
                "desk": {"name": "world", "ok": true},
            })
            .to_string()
        })
        .collect()
}

#[test]
fn a_stream_split_in_two_gives_the_output_of_one_run() {
    let records = records_of_every_input();
    let whole = records.join("\n") + "\n";
    let (first, second) = records.split_at(records.len() / 2);
    let arguments = [
        "verify",
        "--reference",
        FIXTURE_REFERENCE,
        "--input-format",
        "jsonl",
        "--exit-zero",
        "-",
    ];
    let one_run = claimcheck_with_input(&arguments, whole.as_bytes());
    assert_eq!(one_run.status.code(), Some(0), "{}", stderr(&one_run));
    let mut halves = Vec::new();
    for half in [first, second] {
        let run = claimcheck_with_input(&arguments, (half.join("\n") + "\n").as_bytes());
        assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
        halves.extend(run.stdout);
    }
    assert_eq!(stdout(&one_run), String::from_utf8(halves).unwrap());

    let results: Vec<serde_json::Value> = stdout(&one_run)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let ids: Vec<&str> = results
        .iter()
        .map(|result| result["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.windows(2).all(|pair| pair[0] <= pair[1]),
        "in input order"
    );
    assert!(ids.contains(&SEED), "{ids:?}");
    let seed_contradictions: Vec<&serde_json::Value> = results
        .iter()
        .filter(|result| result["id"] == SEED && result["verdict"] == "contradicted")
        .collect();
    assert_eq!(seed_contradictions.len(), 1);
    assert_eq!(seed_contradictions[0]["text"], "Oct. 3");
    let mut seed_record: serde_json::Value = records
        .iter()
        .map(|record| serde_json::from_str::<serde_json::Value>(record).unwrap())
        .find(|record| record["id"] == SEED)
        .unwrap();
    seed_record.as_object_mut().unwrap().remove("id");
    seed_record.as_object_mut().unwrap().remove("text");
    assert_eq!(
        seed_contradictions[0]["record"], seed_record,
        "other fields pass through, without the text"
    );

    let four_threads = claimcheck_with_input(
        &[
            "--threads",
            "4",
            "verify",
            "--reference",
            FIXTURE_REFERENCE,
            "--input-format",
            "jsonl",
            "-",
        ],
        whole.as_bytes(),
    );
    assert_eq!(four_threads.stdout, one_run.stdout);
    assert_eq!(
        four_threads.status.code(),
        Some(1),
        "findings exit 1 by default"
    );
}

#[test]
fn a_stream_writes_results_before_its_input_ends() {
    use std::io::{BufRead, Write};
    let mut child = Command::new(BINARY)
        .args([
            "verify",
            "--reference",
            FIXTURE_REFERENCE,
            "--input-format",
            "jsonl",
            "-",
        ])
        .current_dir(ROOT)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    writeln!(
        stdin,
        r#"{{"id": "first", "text": "Russia deployed 2,000 peacekeepers."}}"#
    )
    .unwrap();
    stdin.flush().unwrap();
    let (sender, receiver) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut line = String::new();
        stdout.read_line(&mut line).unwrap();
        sender.send(line).unwrap();
        stdout
    });
    let line = receiver
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("a result while standard input is still open");
    let result: serde_json::Value = serde_json::from_str(&line).unwrap();
    assert_eq!(
        (&result["id"], &result["verdict"]),
        (&serde_json::json!("first"), &serde_json::json!("supported"))
    );
    drop(stdin);
    reader.join().unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(0));
}

#[test]
fn unreadable_records_are_reported_in_place_and_the_stream_goes_on() {
    let arguments = [
        "verify",
        "--reference",
        FIXTURE_REFERENCE,
        "--input-format",
        "jsonl",
        "data/fixtures/records/mixed.jsonl",
    ];
    let output = claimcheck(&arguments);
    assert_eq!(
        output.status.code(),
        Some(2),
        "unreadable records fail the run"
    );
    snapshot(
        "verify",
        "verify-jsonl@fixtures__records__mixed.jsonl",
        &output,
    );
    let records: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let problems = records
        .iter()
        .filter(|record| record.get("error").is_some())
        .count();
    assert_eq!(problems, 4);
    assert!(stderr(&output).ends_with("; 4 unreadable records skipped\n"));

    let with_exit_zero = claimcheck(&[&arguments[..], &["--exit-zero"]].concat());
    assert_eq!(with_exit_zero.status.code(), Some(0));
    assert_eq!(with_exit_zero.stdout, output.stdout);
}

#[test]
fn exit_zero_keeps_the_findings_but_not_the_failure() {
    let output = claimcheck(&[
        "verify",
        "--reference",
        FIXTURE_REFERENCE,
        "--exit-zero",
        SEED,
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("contradicted"));
    let missing = claimcheck(&[
        "verify",
        "--reference",
        FIXTURE_REFERENCE,
        "--exit-zero",
        "data/no-such-article.md",
    ]);
    assert_eq!(
        missing.status.code(),
        Some(2),
        "errors of the run still fail it"
    );
}

#[test]
fn a_stream_is_written_as_json_lines_only() {
    let output = claimcheck(&["extract", "--input-format", "jsonl", "--format", "csv", "-"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "claimcheck: --input-format jsonl writes JSON Lines only, not --format csv\n"
    );
}
