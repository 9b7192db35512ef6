//! The promise of the README's "Reviewing changes": the articles under
//! `data/articles/` are the user's, and changing a figure in one or adding
//! a new one needs nothing but accepting the snapshot diffs. This test
//! keeps the promise by doing it: in a copy of the tree it changes a figure
//! of every article and adds an article, runs the whole suite once with
//! snapshots written (as accepting them in `cargo insta review` would), and
//! then runs it again as CI does, which must pass.
//!
//! The copy builds in `target/snapshot-workflow/`, kept between runs so
//! that only the first one compiles everything.

use std::path::{Path, PathBuf};
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const THIS_TEST: &str = "changing_or_adding_an_article_needs_only_its_snapshots_accepted";

#[test]
fn changing_or_adding_an_article_needs_only_its_snapshots_accepted() {
    let copy = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("snapshot-workflow-tree");
    if copy.exists() {
        std::fs::remove_dir_all(&copy).unwrap();
    }
    copy_tree(Path::new(ROOT), &copy);

    let articles = copy.join("data/articles");
    let mut changed = 0;
    for entry in std::fs::read_dir(&articles).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        if let Some(edited) = change_first_figure(&text) {
            std::fs::write(&path, edited).unwrap();
            changed += 1;
        }
    }
    assert!(changed > 0, "no article under data/articles holds a figure");
    std::fs::write(
        articles.join("zz-added-by-the-snapshot-workflow-test.md"),
        "# A new article\n\nThe council approved 42 new homes on Tuesday, \
         and the work will take 18 months.\n",
    )
    .unwrap();
    let snapshots_before = snapshot_files(&copy);

    let accepting = suite(&copy, "always");
    let snapshots_after = snapshot_files(&copy);
    assert!(
        snapshots_after.len() > snapshots_before.len(),
        "the new article got no snapshots:\n{}",
        String::from_utf8_lossy(&accepting.stderr)
    );
    assert_ne!(
        snapshots_before,
        snapshots_after
            .iter()
            .filter(|(name, _)| snapshots_before.iter().any(|(before, _)| before == name))
            .cloned()
            .collect::<Vec<_>>(),
        "a changed figure changed no snapshot"
    );

    let checking = suite(&copy, "no");
    assert!(
        checking.status.success(),
        "with the snapshots accepted, the suite still fails:\n{}\n{}",
        String::from_utf8_lossy(&checking.stdout),
        String::from_utf8_lossy(&checking.stderr)
    );
    let pending: Vec<_> = snapshot_files(&copy)
        .into_iter()
        .filter(|(name, _)| name.ends_with(".snap.new"))
        .collect();
    assert!(pending.is_empty(), "{pending:?}");
    std::fs::remove_dir_all(&copy).unwrap();
}

/// Runs every test of the copy but this one, with `INSTA_UPDATE` set.
fn suite(tree: &Path, insta_update: &str) -> std::process::Output {
    Command::new(env!("CARGO"))
        .args(["test", "-q", "--workspace", "--", "--skip", THIS_TEST])
        .current_dir(tree)
        .env("INSTA_UPDATE", insta_update)
        .env(
            "CARGO_TARGET_DIR",
            Path::new(ROOT).join("target/snapshot-workflow"),
        )
        .output()
        .expect("cargo runs")
}

/// The source tree, without builds and version control.
fn copy_tree(from: &Path, to: &Path) {
    let entries = walkdir::WalkDir::new(from)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            let name = entry.file_name().to_string_lossy();
            entry.depth() == 0 || !(name == "target" || name == ".git")
        });
    for entry in entries {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else if entry.file_type().is_file() {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The text with its first figure of three or more digits one higher, if
/// it has one.
fn change_first_figure(text: &str) -> Option<String> {
    let figure = regex::Regex::new(r"\b[1-9][0-9]{2,}\b").unwrap();
    let found = figure.find(text)?;
    let higher = found.as_str().parse::<u64>().ok()? + 1;
    Some(format!(
        "{}{higher}{}",
        &text[..found.start()],
        &text[found.end()..]
    ))
}

/// Every file under `snapshots/`, by name, with its contents.
fn snapshot_files(tree: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(tree.join("snapshots"))
        .sort_by_file_name()
        .into_iter()
        .map(Result::unwrap)
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| {
            (
                entry
                    .path()
                    .strip_prefix(tree)
                    .unwrap()
                    .display()
                    .to_string(),
                std::fs::read(entry.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}
