//! The machine formats of `verify`: the records (JSON Lines, JSON, CSV)
//! and the formats of the tools that review changes (SARIF, GitHub Actions
//! annotations, reviewdog's rdjsonl and schema.org `ClaimReview`). Each has
//! a snapshot per article of `data/articles/` and of
//! `data/fixtures/every-verdict.md`, in `snapshots/formats/`; the SARIF
//! logs are also held to Microsoft's SARIF validator. The text report's
//! snapshots are `end_to_end`'s, the review page's `html`'s.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;

use common::{ROOT, SEED, claimcheck, reference_for, stderr, stdout};

const EVERY_VERDICT: &str = "data/fixtures/every-verdict.md";
const REVIEW_FORMATS: [&str; 4] = ["sarif", "github", "rdjsonl", "claimreview"];
const RECORD_FORMATS: [&str; 3] = ["jsonl", "json", "csv"];

fn verify(article: &str, format: &str) -> Output {
    let reference = reference_for(article);
    claimcheck(&[
        "verify",
        "--reference",
        &reference,
        "--format",
        format,
        article,
    ])
}

#[test]
fn format_snapshots() {
    for format in RECORD_FORMATS.into_iter().chain(REVIEW_FORMATS) {
        insta::with_settings!({
            snapshot_path => concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots/formats"),
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::glob!("../../../data", "{articles/*.md,fixtures/every-verdict.md}", |path| {
                let relative = path.strip_prefix(ROOT).expect("inputs lie under the root");
                let article = relative.to_string_lossy().replace('\\', "/");
                let output = verify(&article, format);
                let transcript = format!(
                    "exit status: {}\n{}",
                    output.status.code().unwrap_or(-1),
                    stdout(&output)
                );
                insta::assert_snapshot!(format, transcript);
            });
        });
    }
}

/// What `sarif-multitool validate` finds wrong with a SARIF file: its
/// error lines, or why it did not finish. `None` when the validator is
/// not installed, which fails the test under CI, where it must be.
fn validation_errors(path: &Path) -> Option<Vec<String>> {
    let output = match Command::new("sarif-multitool")
        .arg("validate")
        .arg(path)
        .output()
    {
        Ok(output) => output,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            assert!(
                std::env::var_os("CI").is_none(),
                "sarif-multitool is not installed, and CI must validate SARIF: npm install -g --allow-scripts=@microsoft/sarif-multitool-linux @microsoft/sarif-multitool"
            );
            #[allow(clippy::print_stderr)]
            {
                eprintln!(
                    "skipped: sarif-multitool is not installed (npm install -g --allow-scripts=@microsoft/sarif-multitool-linux @microsoft/sarif-multitool)"
                );
            }
            return None;
        }
        Err(error) => panic!("sarif-multitool cannot be run: {error}"),
    };
    let report = format!("{}{}", stdout(&output), stderr(&output));
    // The validator exits 0 even when it finds errors; it exits otherwise
    // when it could not read its input or run at all.
    let mut errors: Vec<String> = report
        .lines()
        .filter(|line| line.contains(": error "))
        .map(str::to_string)
        .collect();
    if !output.status.success() || !report.contains("Analysis completed successfully") {
        errors.push(format!(
            "sarif-multitool exited with {:?}:\n{report}",
            output.status.code()
        ));
    }
    Some(errors)
}

fn scratch_file(name: &str, contents: &[u8]) -> PathBuf {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, contents).expect("the scratch folder is writable");
    path
}

#[test]
fn sarif_logs_pass_microsofts_validator() {
    let mut articles: Vec<String> = std::fs::read_dir(Path::new(ROOT).join("data/articles"))
        .expect("data/articles is readable")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "md"))
        .map(|path| {
            format!(
                "data/articles/{}",
                path.file_name().unwrap().to_string_lossy()
            )
        })
        .collect();
    articles.sort();
    articles.extend([SEED.to_string(), EVERY_VERDICT.to_string()]);
    for article in &articles {
        let output = verify(article, "sarif");
        let name = Path::new(article).file_stem().unwrap().to_string_lossy();
        let path = scratch_file(&format!("{name}.sarif"), &output.stdout);
        let Some(errors) = validation_errors(&path) else {
            return;
        };
        assert!(errors.is_empty(), "{article}:\n{}", errors.join("\n"));
    }
}

/// The check above finds errors when there are some.
#[test]
fn the_validator_check_finds_an_invalid_log() {
    let log = br#"{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"claimcheck"}},"results":[{"message":{"text":"a"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"a.md"},"region":{"startLine":0}}}]}]}]}"#;
    let path = scratch_file("invalid.sarif", log);
    let Some(errors) = validation_errors(&path) else {
        return;
    };
    assert!(
        errors.iter().any(|error| error.contains("startLine")),
        "{errors:?}"
    );
}

#[test]
fn review_formats_are_the_same_whatever_the_thread_count() {
    for format in REVIEW_FORMATS {
        let arguments = |threads| {
            [
                "--threads",
                threads,
                "verify",
                "--format",
                format,
                "data/articles",
                "data/fixtures",
            ]
        };
        let one = claimcheck(&arguments("1"));
        let two = claimcheck(&arguments("2"));
        assert!(!one.stdout.is_empty(), "{format}");
        assert_eq!(one.stdout, two.stdout, "{format}");
    }
}

#[test]
fn a_sarif_log_names_the_tool_at_the_binarys_version() {
    let log: serde_json::Value =
        serde_json::from_slice(&verify(EVERY_VERDICT, "sarif").stdout).expect("SARIF is JSON");
    let driver = &log["runs"][0]["tool"]["driver"];
    let version = stdout(&claimcheck(&["--version"]));
    assert_eq!(driver["name"], "claimcheck");
    assert_eq!(
        Some(version.trim()),
        driver["version"]
            .as_str()
            .map(|version| format!("claimcheck {version}"))
            .as_deref()
    );
}

#[test]
fn every_verdict_has_its_rule_and_results_point_to_them() {
    let log: serde_json::Value =
        serde_json::from_slice(&verify(EVERY_VERDICT, "sarif").stdout).expect("SARIF is JSON");
    let run = &log["runs"][0];
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules")
        .iter()
        .map(|rule| rule["id"].as_str().expect("an id"))
        .collect();
    assert_eq!(
        rules,
        [
            "contradicted",
            "inconsistent",
            "ambiguous",
            "unverified",
            "supported"
        ]
    );
    for result in run["results"].as_array().expect("results") {
        let index = result["ruleIndex"].as_u64().expect("a rule index") as usize;
        assert_eq!(result["ruleId"], rules[index]);
    }
}

#[test]
fn extract_offers_only_its_own_formats() {
    let help = stdout(&claimcheck(&["extract", "--help"]));
    assert!(help.contains("csv"));
    for format in REVIEW_FORMATS {
        assert!(!help.contains(format), "extract --help offers {format}");
        let output = claimcheck(&["extract", "--format", format, SEED]);
        assert_eq!(output.status.code(), Some(2), "{format}");
    }
    let help = stdout(&claimcheck(&["verify", "--help"]));
    for format in REVIEW_FORMATS {
        assert!(help.contains(format), "verify --help lacks {format}");
    }
}

#[test]
fn a_stream_of_records_is_not_written_in_a_review_format() {
    for format in REVIEW_FORMATS {
        let output = claimcheck(&["verify", "--input-format", "jsonl", "--format", format, "-"]);
        assert_eq!(output.status.code(), Some(2));
        assert_eq!(
            stderr(&output),
            format!(
                "claimcheck: --input-format jsonl writes JSON Lines only, not --format {format}\n"
            )
        );
    }
}

#[test]
fn records_give_the_facts_subject_after_the_fact() {
    let csv = stdout(&verify(EVERY_VERDICT, "csv"));
    let header = csv.lines().next().expect("a header row");
    assert!(
        header.contains(",verdict,fact,subject,reference_value,"),
        "{header}"
    );
    let jsonl = stdout(&verify(EVERY_VERDICT, "jsonl"));
    let contradicted: serde_json::Value = jsonl
        .lines()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).expect("a JSON record"))
        .find(|record| record["verdict"] == "contradicted")
        .expect("the fixture has a contradiction");
    assert_eq!(
        contradicted["subject"],
        "Time needed to rebuild the two river bridges"
    );
    let fields: Vec<&String> = contradicted
        .as_object()
        .expect("an object")
        .keys()
        .collect();
    let fact = fields.iter().position(|field| *field == "fact");
    assert_eq!(fields[fact.expect("a fact field") + 1], "subject");
}
