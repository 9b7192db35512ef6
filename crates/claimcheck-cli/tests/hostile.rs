//! What the binary does with input nobody has read: broken encodings,
//! binary files, links that loop, missing paths, bad arguments, a reader
//! that stops reading, broken JSON Lines records; and that it never
//! changes a byte of what it reads. Each case states its expected outcome.

mod common;

use std::fs;
use std::io::Write;
use std::process::Stdio;

use common::{Scratch, command_in, stderr, stdout};

/// A sentence with a figure the fixture reference's quay facts support.
const QUAY: &str = "The works on the quay took 14 months.";

fn records(output: &std::process::Output) -> Vec<serde_json::Value> {
    stdout(output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is JSON"))
        .collect()
}

/// `extract --format jsonl` of one file of a scratch folder.
fn extract(scratch: &Scratch, file: &str) -> std::process::Output {
    scratch.run(&["extract", "--format", "jsonl", file])
}

#[test]
fn bytes_that_are_not_utf8_are_noted_and_the_figures_around_them_checked() {
    let scratch = Scratch::new("latin1");
    let mut bytes = b"Caf\xe9 owners said 12 workers left.\n\n".to_vec();
    bytes.extend_from_slice(QUAY.as_bytes());
    scratch.write("latin1.md", &bytes);
    let output = extract(&scratch, "latin1.md");
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stderr(&output).contains(
            "latin1.md:1:4: not valid UTF-8: 1 byte read as U+001A, keeping every offset"
        ),
        "{}",
        stderr(&output)
    );
    assert!(
        stderr(&output).contains("1 file, 2 figures; 1 note above"),
        "{}",
        stderr(&output)
    );
    let found = records(&output);
    let months = &found[1];
    assert_eq!(months["text"], "14 months");
    let start = usize::try_from(months["start"].as_u64().unwrap()).unwrap();
    assert_eq!(
        &bytes[start..start + "14 months".len()],
        b"14 months",
        "offsets are those of the file's bytes"
    );

    let text = scratch.run(&["extract", "latin1.md"]);
    assert!(
        stdout(&text).contains("1 note:\n  latin1.md:1:4: not valid UTF-8"),
        "the text report repeats the note at its end: {}",
        stdout(&text)
    );
}

#[test]
fn utf16_with_a_byte_order_mark_is_decoded() {
    let scratch = Scratch::new("utf16");
    let mut little = vec![0xff, 0xfe];
    little.extend(QUAY.encode_utf16().flat_map(u16::to_le_bytes));
    let mut big = vec![0xfe, 0xff];
    big.extend(QUAY.encode_utf16().flat_map(u16::to_be_bytes));
    scratch.write("little.md", little).write("big.md", big);
    for file in ["little.md", "big.md"] {
        let output = extract(&scratch, file);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let found = records(&output);
        assert_eq!(found.len(), 1, "{file}");
        assert_eq!(found[0]["text"], "14 months");
        assert_eq!(found[0]["column"], 28);
    }
}

#[test]
fn a_utf8_byte_order_mark_and_crlf_keep_positions_exact() {
    let scratch = Scratch::new("bom-crlf");
    let source = format!("\u{feff}Owners said 12 workers left.\r\n\r\n{QUAY}\r\n");
    scratch.write("bom.md", &source);
    let found = records(&extract(&scratch, "bom.md"));
    assert_eq!(found.len(), 2);
    assert_eq!(
        (&found[0]["line"], &found[0]["column"]),
        (&1.into(), &13.into())
    );
    assert_eq!(
        (&found[1]["line"], &found[1]["column"]),
        (&3.into(), &28.into())
    );
    for figure in &found {
        let start = usize::try_from(figure["start"].as_u64().unwrap()).unwrap();
        let end = usize::try_from(figure["end"].as_u64().unwrap()).unwrap();
        assert_eq!(&source[start..end], figure["text"].as_str().unwrap());
    }
}

#[test]
fn nul_bytes_in_a_named_file_are_no_text_but_the_rest_is() {
    let scratch = Scratch::new("nul");
    scratch.write(
        "nul.md",
        format!("Owners\0 said 12\0 workers left.\n\n{QUAY}"),
    );
    let output = extract(&scratch, "nul.md");
    assert_eq!(output.status.code(), Some(0));
    let texts: Vec<String> = records(&output)
        .iter()
        .map(|figure| figure["text"].as_str().unwrap().to_string())
        .collect();
    assert!(texts.contains(&"14 months".to_string()), "{texts:?}");
}

#[test]
fn a_binary_file_in_a_folder_is_skipped_with_a_note() {
    let scratch = Scratch::new("binary");
    scratch
        .write(
            "news/picture.md",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR 12 troops",
        )
        .write("news/story.md", QUAY)
        .write("news/empty.md", "");
    let output = scratch.run(&["extract", "news"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stdout(&output).contains("2 files, 1 figure\n1 note:\n  news/picture.md: skipped: a binary file (a NUL byte in its first 8 KiB)"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn unreadable_paths_are_problems_and_the_readable_ones_are_still_reported() {
    let scratch = Scratch::new("missing");
    scratch.write("news/story.md", QUAY).write("file.md", QUAY);
    let mut arguments = vec!["extract", "missing.md", "news", "file.md/inside.md"];
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(scratch.root.join("news"), scratch.root.join("news/loop"))
            .unwrap();
        arguments.push("news/loop");
    }
    let output = scratch.run(&arguments);
    assert_eq!(output.status.code(), Some(2));
    let report = stdout(&output);
    assert!(
        report.contains("news/story.md:1:28: duration \"14 months\""),
        "{report}"
    );
    assert!(
        report.contains("missing.md: no such file or folder"),
        "{report}"
    );
    assert!(
        report.contains("file.md/inside.md: no such file or folder"),
        "{report}"
    );
    #[cfg(unix)]
    assert!(
        report.contains("news/loop: File system loop found"),
        "{report}"
    );
}

#[test]
fn bad_arguments_are_usage_errors() {
    let scratch = Scratch::new("arguments");
    scratch.write("story.md", QUAY);
    for (arguments, says) in [
        (&["verify", "--bogus"][..], "unexpected argument '--bogus'"),
        (
            &["verify", "--threads", "0", "story.md"][..],
            "invalid value '0' for '--threads <N>'",
        ),
        (
            &["--threads", "0", "extract", "story.md"][..],
            "invalid value '0' for '--threads <N>'",
        ),
        (
            &["verify", "--reference", ".", "story.md"][..],
            ".: cannot read",
        ),
        (
            &["verify", "--format", "pdf"][..],
            "invalid value 'pdf' for '--format <FORMAT>'",
        ),
        (
            &["no-such-command"][..],
            "unrecognized subcommand 'no-such-command'",
        ),
    ] {
        let output = scratch.run(arguments);
        assert_eq!(output.status.code(), Some(2), "{arguments:?}");
        assert!(
            stderr(&output).contains(says),
            "{arguments:?}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn a_closed_standard_output_ends_every_command_quietly_with_status_0() {
    let scratch = Scratch::new("closed");
    scratch
        .copy("data/fixtures/every-verdict.md", "story.md")
        .copy("data/fixtures/every-verdict.csv", "facts.csv")
        .copy("data/fixtures/reference-five-errors.csv", "broken.csv");
    for arguments in [
        &["extract", "story.md"][..],
        &["verify", "--reference", "facts.csv", "story.md"],
        &[
            "verify",
            "--reference",
            "facts.csv",
            "--format",
            "sarif",
            "story.md",
        ],
        &["suggest", "--reference", "facts.csv", "story.md"],
        &["reference", "check", "broken.csv"],
        &["verify", "--help"],
    ] {
        let mut child = command_in(&scratch.root, arguments)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Nobody reads: the first write finds the pipe closed.
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{arguments:?}");
        assert_eq!(stderr(&output), "", "{arguments:?}");
    }
}

#[test]
fn broken_json_lines_records_are_reported_in_place_and_the_stream_goes_on() {
    let scratch = Scratch::new("records");
    let deep = format!(
        "{{\"id\":2,\"text\":\"x\",\"extra\":{}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let mut input = format!("{{\"id\":1,\"text\":\"{QUAY}\"}}\n{deep}\n").into_bytes();
    input.extend_from_slice(b"{\"id\":3,\"text\":\"Caf\xe9 12 workers\"}\n");
    input.extend_from_slice(format!("{{\"id\":4,\"text\":\"{QUAY}\"}}\n").as_bytes());
    let mut child = command_in(&scratch.root, &["extract", "--input-format", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let found = records(&output);
    let lines: Vec<String> = found
        .iter()
        .map(|record| {
            record.get("error").map_or_else(
                || format!("figure of {}", record["id"]),
                ToString::to_string,
            )
        })
        .collect();
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert_eq!(lines[0], "figure of 1");
    assert!(lines[1].contains("recursion limit"), "{lines:?}");
    assert!(
        lines[2].contains("not valid UTF-8 (column 20)"),
        "{lines:?}"
    );
    assert_eq!(lines[3], "figure of 4");
}

/// A record far past the batch the reader hands on (about 4 MB) passes
/// alone, and the one after it still comes out.
#[test]
fn a_hundred_megabyte_record_passes_alone() {
    let scratch = Scratch::new("huge-record");
    let text = "x".repeat(100 << 20);
    let input =
        format!("{{\"id\":1,\"text\":\"{text} 12 troops\"}}\n{{\"id\":2,\"text\":\"{QUAY}\"}}\n");
    let mut child = command_in(&scratch.root, &["extract", "--input-format", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let found = records(&output);
    let texts: Vec<&str> = found
        .iter()
        .map(|figure| figure["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["12", "14 months"]);
}

#[test]
fn a_hundred_thousand_files_in_one_folder_are_read_in_order() {
    let scratch = Scratch::new("many-files");
    let folder = scratch.root.join("news");
    fs::create_dir_all(&folder).unwrap();
    for number in 0..100_000 {
        fs::write(
            folder.join(format!("{number:06}.txt")),
            format!("{number} troops"),
        )
        .unwrap();
    }
    let output = scratch.run(&["extract", "--format", "csv", "news"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("100000 files, 100000 figures"),
        "{}",
        stderr(&output)
    );
    let report = stdout(&output);
    let mut rows = report.lines().skip(1);
    assert!(rows.next().unwrap().starts_with("news/000000.txt,1,1,"));
    assert!(rows.last().unwrap().starts_with("news/099999.txt,1,1,"));
}

#[test]
fn no_command_changes_a_byte_or_a_time_of_what_it_reads() {
    let scratch = Scratch::new("read-only");
    scratch
        .copy("data/fixtures/every-verdict.md", "news/story.md")
        .copy("data/fixtures/every-verdict.csv", "facts.csv")
        .copy("data/fixtures/comments-ignore-figures.md", "news/ignored.md")
        .write("synonyms.csv", "noun,synonyms\nrefugees,displaced people\n")
        .write("claimcheck.toml", "reference = \"facts.csv\"\nsynonyms = \"synonyms.csv\"\n[articles]\ninclude = [\"news/*.md\"]\n");
    let files = [
        "news/story.md",
        "facts.csv",
        "news/ignored.md",
        "synonyms.csv",
        "claimcheck.toml",
    ];
    let state = || {
        files
            .iter()
            .map(|file| {
                let path = scratch.root.join(file);
                (
                    fs::read(&path).unwrap(),
                    fs::metadata(&path).unwrap().modified().unwrap(),
                )
            })
            .collect::<Vec<_>>()
    };
    let before = state();
    let mut commands: Vec<Vec<&str>> = vec![
        vec!["extract"],
        vec!["suggest"],
        vec!["suggest", "--claims", "--reference", "new.csv"],
        vec!["reference", "check"],
        vec!["verify", "--cross-check"],
    ];
    for format in [
        "text",
        "jsonl",
        "json",
        "csv",
        "html",
        "sarif",
        "github",
        "rdjsonl",
        "claimreview",
    ] {
        commands.push(vec!["verify", "--format", format]);
    }
    for command in &commands {
        let output = scratch.run(command);
        assert!(
            matches!(output.status.code(), Some(0 | 1)),
            "{command:?}: {}",
            stderr(&output)
        );
    }
    assert!(state() == before, "a command changed an input");
    assert!(
        !scratch.root.join("new.csv").exists(),
        "suggest writes to standard output only"
    );
}
