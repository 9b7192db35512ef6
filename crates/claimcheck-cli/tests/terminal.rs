//! What a person sees: the default text report of `verify` (problems
//! first, the rest counted, the summary last), `--show`, colour, and the
//! help of every command.
//!
//! The report is pinned on `data/fixtures/every-verdict.md`, checked
//! against its own reference: 2 supported, 1 contradicted
//! (`bridges-rebuilding`), 2 unverified and 1 ambiguous figure.

use std::process::Output;

mod common;

use common::{claimcheck, run, stderr, stdout};

const ARTICLE: &str = "data/fixtures/every-verdict.md";
const REFERENCE: &str = "data/fixtures/every-verdict.csv";
const COUNTS: &str = "1 file, 6 claims: 2 supported, 1 contradicted, 2 unverified, 1 ambiguous";

/// `verify` of the fixture against its reference, with `options` before
/// the article.
fn verify(options: &[&str]) -> Output {
    let arguments = [&["verify", "--reference", REFERENCE], options, &[ARTICLE]].concat();
    claimcheck(&arguments)
}

/// The titles of the blocks of a text report: `verdict[fact]: "figure" = …`.
fn titles(report: &str) -> Vec<&str> {
    report
        .lines()
        .filter(|line| {
            [
                "supported",
                "contradicted",
                "unverified",
                "ambiguous",
                "inconsistent",
            ]
            .iter()
            .any(|verdict| {
                line.strip_prefix(verdict)
                    .is_some_and(|rest| rest.starts_with(": \"") || rest.starts_with('['))
            })
        })
        .collect()
}

/// The lines after the last block: the summary.
fn summary(report: &str) -> Vec<&str> {
    let lines: Vec<&str> = report.lines().collect();
    let start = lines
        .iter()
        .position(|line| line.starts_with("1 file, "))
        .expect("a line of counts");
    lines[start..].to_vec()
}

fn has_escape_codes(output: &Output) -> bool {
    output.stdout.contains(&0x1b)
}

#[test]
fn by_default_only_problems_are_shown_and_the_summary_comes_last() {
    let output = verify(&[]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let report = stdout(&output);
    assert_eq!(
        titles(&report),
        [
            "ambiguous: \"1,200\" = 1,150–1,250 refugees",
            "contradicted[bridges-rebuilding]: \"18 months\" = 17.5–18.5 months (532.656–563.094 days)",
        ],
        "{report}"
    );
    assert_eq!(
        summary(&report),
        [
            COUNTS,
            "not shown: 2 supported, 2 unverified; list them with --show supported,unverified",
        ],
        "{report}"
    );
}

#[test]
fn a_block_gives_the_place_the_line_the_reason_and_the_fact() {
    let report = stdout(&verify(&[]));
    let contradiction = report
        .split("\n\n")
        .find(|block| block.starts_with("contradicted"))
        .expect("a block for the contradiction");
    let lines: Vec<&str> = contradiction.lines().collect();
    assert_eq!(lines[1], " --> data/fixtures/every-verdict.md:7:29");
    assert_eq!(
        lines[3],
        "7 | Rebuilding the bridges took 18 months, engineers said."
    );
    assert_eq!(lines[4], "  |                             ^^^^^^^^^");
    assert!(
        lines[6].starts_with("  = reason: reference: 2 years (bridges-rebuilding"),
        "{contradiction}"
    );
    assert_eq!(
        lines[7..],
        [
            "  = fact: bridges-rebuilding — Time needed to rebuild the two river bridges",
            "          2 years, as of 2024-05-10, source https://example.org/engineers",
        ]
    );
    let ambiguity = report
        .split("\n\n")
        .find(|block| block.starts_with("ambiguous"))
        .expect("a block for the ambiguous figure");
    let candidates: Vec<&str> = ambiguity
        .lines()
        .filter(|line| line.contains("= candidate: "))
        .collect();
    assert_eq!(
        candidates,
        [
            "  = candidate: border-aid-groups — Refugees counted at the border by aid groups",
            "  = candidate: border-agency — Refugees counted at the border by the border agency",
        ]
    );
}

#[test]
fn show_adds_the_verdicts_it_names() {
    let report = stdout(&verify(&["--show", "unverified"]));
    let titles = titles(&report);
    assert_eq!(titles.len(), 4, "{report}");
    assert!(
        titles
            .iter()
            .filter(|title| title.starts_with("unverified"))
            .count()
            == 2
    );
    assert!(!titles.iter().any(|title| title.starts_with("supported")));
    assert_eq!(
        summary(&report),
        [
            COUNTS,
            "not shown: 2 supported; list them with --show supported"
        ]
    );
}

#[test]
fn show_takes_a_list_a_repeated_option_or_all() {
    let all = verify(&["--show", "all"]);
    assert_eq!(titles(&stdout(&all)).len(), 6);
    assert_eq!(
        summary(&stdout(&all)),
        [COUNTS],
        "nothing is left out, so nothing to say how to show"
    );
    for same in [
        &["--show", "unverified,supported"][..],
        &["--show", "supported", "--show", "unverified"],
    ] {
        assert_eq!(verify(same).stdout, all.stdout, "{same:?}");
    }
    let refused = verify(&["--show", "everything"]);
    assert_eq!(refused.status.code(), Some(2));
}

#[test]
fn machine_formats_carry_every_figure_whatever_is_shown() {
    let jsonl = verify(&["--format", "jsonl"]);
    assert_eq!(stdout(&jsonl).lines().count(), 6);
    assert_eq!(
        verify(&["--format", "jsonl", "--show", "all"]).stdout,
        jsonl.stdout
    );
    assert_eq!(
        stderr(&jsonl),
        format!("{COUNTS}\n"),
        "the summary stays on stderr"
    );
    assert!(!has_escape_codes(&verify(&[
        "--format", "jsonl", "--color", "always"
    ])));
}

#[test]
fn the_reference_problems_are_repeated_at_the_end() {
    let output = claimcheck(&[
        "verify",
        "--reference",
        "data/fixtures/reference-five-errors.csv",
        ARTICLE,
    ]);
    assert_eq!(output.status.code(), Some(2));
    let problems: Vec<String> = stderr(&output)
        .lines()
        .map(|line| {
            line.strip_prefix("claimcheck: ")
                .expect("a problem")
                .to_string()
        })
        .collect();
    assert_eq!(problems.len(), 6, "{problems:?}");
    let report = stdout(&output);
    let summary = summary(&report);
    assert_eq!(summary[2], "6 problems:", "{report}");
    let repeated: Vec<&str> = summary[3..]
        .iter()
        .map(|line| line.strip_prefix("  ").expect("indented"))
        .collect();
    assert_eq!(repeated, problems);
}

#[test]
fn the_synonyms_problems_are_repeated_at_the_end() {
    let output = verify(&[
        "--synonyms",
        "data/fixtures/synonyms/empty-alternative-and-missing-noun.csv",
    ]);
    assert_eq!(output.status.code(), Some(2));
    let report = stdout(&output);
    let summary = summary(&report);
    assert_eq!(
        summary[2..],
        [
            "2 problems:",
            "  data/fixtures/synonyms/empty-alternative-and-missing-noun.csv:2: column `synonyms`: `displaced||migrants` has an empty alternative",
            "  data/fixtures/synonyms/empty-alternative-and-missing-noun.csv:3: column `noun`: required, but empty",
        ],
        "{report}"
    );
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let always = verify(&["--color", "always"]);
    assert!(has_escape_codes(&always));
    let plain = verify(&[]);
    assert!(
        !has_escape_codes(&plain),
        "piped output has no escape codes"
    );
    assert_eq!(verify(&["--color", "never"]).stdout, plain.stdout);
    let stripped = anstream::adapter::strip_bytes(&always.stdout).into_vec();
    assert_eq!(stripped, plain.stdout, "the same report, with styles");

    let extract = |color| claimcheck(&["extract", "--color", color, ARTICLE]);
    assert!(has_escape_codes(&extract("always")));
    assert!(!has_escape_codes(&extract("auto")));
    assert!(!has_escape_codes(&extract("never")));
}

/// Piped output has no colour in auto mode whatever; `CLICOLOR_FORCE` turns
/// it on, which shows that auto listens to the environment, and `NO_COLOR`
/// then turns it off again.
#[test]
fn no_color_is_respected_in_auto_mode() {
    let auto = [
        "verify",
        "--color",
        "auto",
        "--reference",
        REFERENCE,
        ARTICLE,
    ];
    assert!(has_escape_codes(&run(&auto, &[("CLICOLOR_FORCE", "1")])));
    let refused = run(&auto, &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]);
    assert!(!has_escape_codes(&refused));
    assert!(
        has_escape_codes(&run(
            &["verify", "--color", "always", ARTICLE],
            &[("NO_COLOR", "1")]
        )),
        "an explicit --color always wins"
    );
}

#[test]
fn a_coloured_report_is_the_same_whatever_the_thread_count() {
    let arguments = |threads| {
        [
            "verify",
            "--threads",
            threads,
            "--show",
            "all",
            "--color",
            "always",
            "data/fixtures",
        ]
    };
    let one = claimcheck(&arguments("1"));
    let four = claimcheck(&arguments("4"));
    assert!(has_escape_codes(&one));
    assert_eq!(one.stdout, four.stdout);
    let before = claimcheck(&[
        "--threads",
        "4",
        "verify",
        "--show",
        "all",
        "--color",
        "always",
        "data/fixtures",
    ]);
    assert_eq!(
        before.stdout, one.stdout,
        "--threads also goes before the command"
    );
}

fn help(command: &[&str]) -> String {
    let output = claimcheck(&[command, &["--help"]].concat());
    assert_eq!(output.status.code(), Some(0), "{command:?}");
    stdout(&output)
}

#[test]
fn every_command_has_examples_of_itself() {
    for command in [
        &[][..],
        &["extract"],
        &["verify"],
        &["suggest"],
        &["reference"],
        &["reference", "check"],
    ] {
        let help = help(command);
        let examples = help
            .split_once("\nExamples:\n")
            .unwrap_or_else(|| panic!("{command:?} has no examples:\n{help}"))
            .1;
        let invocation = ["claimcheck", command.first().copied().unwrap_or("")].join(" ");
        assert!(
            examples
                .lines()
                .any(|line| line.trim_start().starts_with(invocation.trim_end())),
            "{command:?}: {examples}"
        );
    }
}

#[test]
fn commands_offer_only_the_options_they_take() {
    let suggest = help(&["suggest"]);
    for option in [
        "--input-format",
        "--format",
        "--exit-zero",
        "--color",
        "--show",
    ] {
        assert!(!suggest.contains(option), "suggest offers {option}");
    }
    let extract = help(&["extract"]);
    for option in ["--show", "--reference", "--cross-check"] {
        assert!(!extract.contains(option), "extract offers {option}");
    }
    assert!(help(&["verify"]).contains("--show <VERDICTS>"));
    assert!(!help(&["reference", "check"]).contains("--threads"));
    for refused in [
        &["suggest", "--input-format", "jsonl"][..],
        &["extract", "--show", "all"],
        &["reference", "check", "--threads", "2"],
    ] {
        assert_eq!(claimcheck(refused).status.code(), Some(2), "{refused:?}");
    }
    let suggested = claimcheck(&["suggest", "--threads", "1", ARTICLE]);
    assert_eq!(suggested.status.code(), Some(0), "{}", stderr(&suggested));
}
