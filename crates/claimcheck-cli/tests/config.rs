//! claimcheck.toml, `claimcheck init`, inline suppression, and running
//! from anywhere: each test builds a small repository of fixtures in a
//! folder of its own and runs the binary in it.

mod common;

use std::fs;

use common::{Scratch, stderr, stdout};

/// The fixture with every verdict as the one article of a repository, with
/// its reference, and `settings` as its claimcheck.toml.
fn every_verdict(name: &str, settings: &str) -> Scratch {
    let repository = Scratch::new(name);
    repository
        .copy("data/fixtures/every-verdict.md", "news/every-verdict.md")
        .copy("data/fixtures/every-verdict.csv", "facts/reference.csv")
        .write("claimcheck.toml", settings);
    repository
}

const SETTINGS: &str = r#"
reference = "facts/reference.csv"

[articles]
include = ["news/**/*.md"]
"#;

const EVERY_VERDICT_COUNTS: &str =
    "1 file, 6 claims: 2 supported, 1 contradicted, 2 unverified, 1 ambiguous";

#[test]
fn verify_runs_from_any_subfolder_with_the_paths_of_the_settings() {
    let repository = every_verdict("subfolder", SETTINGS);
    for (folder, shown_as) in [
        ("", "news/every-verdict.md"),
        ("news", "../news/every-verdict.md"),
        ("deep/down/here", "../../../news/every-verdict.md"),
    ] {
        let output = repository.run_in(folder, &["verify"]);
        let report = stdout(&output);
        assert_eq!(output.status.code(), Some(1), "from {folder:?}: {report}");
        assert!(report.contains(EVERY_VERDICT_COUNTS), "{report}");
        assert!(
            report.contains(&format!("--> {shown_as}:7:29")),
            "from {folder:?}, the contradiction is not at {shown_as}:7:29:\n{report}"
        );
    }
}

#[test]
fn outside_a_repository_the_reference_is_given_or_asked_for() {
    let repository = Scratch::new("outside");
    repository
        .copy("data/fixtures/every-verdict.md", "story.md")
        .copy("data/fixtures/every-verdict.csv", "facts.csv");
    let given = repository.run(&["verify", "--reference", "facts.csv", "story.md"]);
    assert_eq!(given.status.code(), Some(1), "{}", stderr(&given));
    assert!(stdout(&given).contains(EVERY_VERDICT_COUNTS));

    let missing = repository.run(&["verify", "--no-config", "story.md"]);
    assert_eq!(missing.status.code(), Some(2));
    let error = stderr(&missing);
    assert!(
        error.contains("no reference CSV: give --reference facts.csv")
            && error.contains("claimcheck init"),
        "{error}"
    );
    let no_articles = repository.run(&["verify", "--no-config", "--reference", "facts.csv"]);
    assert_eq!(no_articles.status.code(), Some(2));
    assert!(
        stderr(&no_articles).contains("no articles: name files or folders"),
        "{}",
        stderr(&no_articles)
    );
}

#[test]
fn an_unknown_or_misspelt_key_is_an_error_with_its_line() {
    let repository = every_verdict(
        "unknown-key",
        "reference = \"facts/reference.csv\"\n\n[verify]\nfail-on = [\"ambiguous\"]\n",
    );
    let output = repository.run(&["verify", "news"]);
    assert_eq!(output.status.code(), Some(2));
    let error = stderr(&output);
    assert!(
        error.contains("claimcheck.toml: TOML parse error at line 4, column 1")
            && error.contains("unknown field `fail-on`"),
        "{error}"
    );
    assert!(stdout(&output).is_empty());

    let bad_value = every_verdict("bad-value", "color = \"sometimes\"\n");
    let error = stderr(&bad_value.run(&["verify", "news"]));
    assert!(
        error.contains("line 1") && error.contains("sometimes"),
        "{error}"
    );
}

#[test]
fn fail_on_chooses_the_verdicts_that_fail_the_run() {
    // The fixture has one of each verdict but inconsistent.
    for (fail_on, status) in [
        ("[]", 0),
        ("[\"ambiguous\"]", 1),
        ("[\"inconsistent\"]", 0),
        ("[\"contradicted\"]", 1),
    ] {
        let settings = format!("{SETTINGS}\n[verify]\nfail_on = {fail_on}\n");
        let repository = every_verdict("fail-on", &settings);
        let output = repository.run(&["verify"]);
        assert_eq!(output.status.code(), Some(status), "fail_on = {fail_on}");
    }
    let repository = every_verdict(
        "fail-on-flag",
        &format!("{SETTINGS}\n[verify]\nfail_on = []\n"),
    );
    let flagged = repository.run(&["verify", "--fail-on", "unverified,supported"]);
    assert_eq!(
        flagged.status.code(),
        Some(1),
        "the option overrides the file"
    );
}

#[test]
fn articles_are_the_included_files_but_the_excluded() {
    let repository = every_verdict(
        "globs",
        r#"
reference = "facts/reference.csv"

[articles]
include = ["news/**/*.md", "news/**/*.txt"]
exclude = ["news/drafts/**"]
"#,
    );
    repository
        .copy("data/fixtures/every-verdict.md", "news/2024/b.txt")
        .copy("data/fixtures/every-verdict.md", "news/drafts/unchecked.md")
        .copy("data/fixtures/every-verdict.md", "news/notes.rst");
    let output = repository.run(&["verify", "--format", "jsonl"]);
    let files: std::collections::BTreeSet<String> = stdout(&output)
        .lines()
        .map(|line| {
            let record: serde_json::Value = serde_json::from_str(line).unwrap();
            record["file"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(
        files.into_iter().collect::<Vec<_>>(),
        ["news/2024/b.txt", "news/every-verdict.md"]
    );
    // A path on the command line is read as given.
    let given = repository.run(&["verify", "news/drafts"]);
    assert!(stdout(&given).contains(EVERY_VERDICT_COUNTS));

    let nothing = every_verdict(
        "globs-nothing",
        "reference = \"facts/reference.csv\"\n[articles]\ninclude = [\"posts/*.md\"]\n",
    );
    let output = nothing.run(&["verify"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("[articles] include matches no file (posts/*.md)"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn several_references_are_one_with_ids_unique_across_them() {
    let repository = every_verdict(
        "several",
        r#"
reference = ["facts/reference.csv", "facts/more.csv"]

[articles]
include = ["news/*.md"]
"#,
    );
    // The meals the fixture leaves unverified, and an id taken by the
    // first file.
    repository.write(
        "facts/more.csv",
        "id,value,unit,keywords\n\
         shelter-meals,35000,meals,volunteers;shelters\n\
         flood-displaced-families,9000,families,flood\n",
    );
    let output = repository.run(&["verify"]);
    let report = stdout(&output);
    assert!(
        report.contains("1 file, 6 claims: 3 supported, 1 contradicted, 1 unverified, 1 ambiguous"),
        "{report}"
    );
    assert_eq!(output.status.code(), Some(2), "a problem of the reference");
    assert!(
        report.contains(
            "facts/more.csv:3: column `id`: `flood-displaced-families` is already the id on line 5 of facts/reference.csv"
        ),
        "{report}"
    );
    let check = repository.run(&["reference", "check"]);
    assert_eq!(check.status.code(), Some(2));
    assert!(
        stdout(&check).contains("facts/reference.csv, facts/more.csv: 5 valid facts, 1 problem"),
        "{}",
        stdout(&check)
    );
}

#[test]
fn format_and_color_come_from_the_settings_unless_given() {
    let repository = every_verdict("format-color", &format!("color = \"always\"\n{SETTINGS}"));
    let coloured = stdout(&repository.run(&["verify"]));
    assert!(coloured.contains("\u{1b}["), "{coloured}");
    let plain = stdout(&repository.run(&["verify", "--color", "never"]));
    assert!(!plain.contains('\u{1b}'), "{plain}");

    let repository = every_verdict(
        "format",
        &format!("{SETTINGS}\n[verify]\nformat = \"github\"\n"),
    );
    let annotations = stdout(&repository.run(&["verify"]));
    assert!(
        annotations
            .lines()
            .any(|line| line.starts_with("::error file=news/every-verdict.md,line=7,")),
        "{annotations}"
    );
    let jsonl = stdout(&repository.run(&["verify", "--format", "jsonl"]));
    assert_eq!(jsonl.lines().count(), 6);
}

#[test]
fn config_names_another_file_and_no_config_reads_none() {
    let repository = every_verdict("config-option", SETTINGS);
    repository.write(
        "elsewhere/strict.toml",
        "reference = \"../facts/reference.csv\"\n[articles]\ninclude = [\"../news/*.md\"]\n[verify]\nfail_on = [\"unverified\"]\n",
    );
    let output = repository.run(&["verify", "--config", "elsewhere/strict.toml"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains(EVERY_VERDICT_COUNTS));

    let ignored = repository.run(&["--no-config", "verify", "news"]);
    assert_eq!(ignored.status.code(), Some(2));
    assert!(stderr(&ignored).contains("no reference CSV"));
}

#[test]
fn init_writes_a_starter_that_works_and_keeps_an_existing_file() {
    let repository = Scratch::new("init");
    let first = repository.run(&["init"]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let written = fs::read_to_string(repository.root.join("claimcheck.toml")).unwrap();
    assert!(written.contains("reference = \"data/reference.csv\""));

    let again = repository.run(&["init"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("already exists; `claimcheck init --force` replaces it"));
    fs::write(repository.root.join("claimcheck.toml"), "changed").unwrap();
    assert_eq!(repository.run(&["init", "--force"]).status.code(), Some(0));
    assert_eq!(
        fs::read_to_string(repository.root.join("claimcheck.toml")).unwrap(),
        written
    );

    repository
        .copy("data/fixtures/every-verdict.md", "data/articles/story.md")
        .copy("data/fixtures/every-verdict.csv", "data/reference.csv");
    let output = repository.run(&["verify"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stdout(&output).contains(EVERY_VERDICT_COUNTS));
}

#[test]
fn an_ignore_comment_sets_the_next_block_aside_and_the_summary_counts_it() {
    let repository = Scratch::new("ignore");
    repository
        .copy("data/fixtures/comments-ignore-figures.md", "story.md")
        .copy("data/fixtures/comments-ignore-figures.csv", "facts.csv");
    let output = repository.run(&["verify", "--reference", "facts.csv", "story.md"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(
        stdout(&output).contains(
            "1 file, 2 claims: 2 supported, 0 contradicted, 0 unverified, 0 ambiguous; 1 figure ignored by comments"
        ),
        "{}",
        stdout(&output)
    );
    let extract = repository.run(&["extract", "--format", "jsonl", "story.md"]);
    assert!(!stdout(&extract).contains("\"900\""));
    assert!(stderr(&extract).contains("1 file, 2 figures; 1 figure ignored by comments"));

    // Without the comment, the draft's figure is a contradiction.
    let text = fs::read_to_string(repository.root.join("story.md")).unwrap();
    repository.write(
        "uncommented.md",
        text.replace("<!-- claimcheck: ignore -->\n", ""),
    );
    let uncommented = repository.run(&["verify", "--reference", "facts.csv", "uncommented.md"]);
    assert_eq!(uncommented.status.code(), Some(1));

    repository.write(
        "whole.md",
        format!("<!-- claimcheck: ignore-file -->\n\n{text}"),
    );
    let whole = repository.run(&["verify", "--reference", "facts.csv", "whole.md"]);
    assert!(
        stdout(&whole).contains("1 file, 0 claims: 0 supported, 0 contradicted, 0 unverified, 0 ambiguous; 3 figures ignored by comments"),
        "{}",
        stdout(&whole)
    );
}

#[test]
fn a_misspelt_directive_is_a_problem_at_its_place() {
    let repository = Scratch::new("misspelt");
    repository
        .copy("data/fixtures/comments-ignore-figures.csv", "facts.csv")
        .write(
            "story.md",
            "The works on the quay took 14 months.\n\n<!-- claimcheck: ignroe -->\nThe port said 900 workers rebuilt the quay.\n",
        );
    let output = repository.run(&["verify", "--reference", "facts.csv", "story.md"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("story.md:3:1: unknown comment `<!-- claimcheck: ignroe -->`"),
        "{}",
        stderr(&output)
    );
    assert!(
        stdout(&output).contains("1 contradicted"),
        "the figures are still checked"
    );
}
