//! What every test of the built binary needs: running it from the root as
//! a user does, reading what it printed, and the reference each input is
//! checked against.

// Each test file is its own crate and uses only part of this module.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub(crate) const BINARY: &str = env!("CARGO_BIN_EXE_claimcheck");
pub(crate) const ROOT: &str = env!("CARGO_MANIFEST_DIR");
/// The article this project started from, as a fixture: the bundled
/// articles are the user's, and no test depends on their figures.
pub(crate) const SEED: &str = "data/fixtures/seed-article-one-wrong-date.md";
/// The reference of the fixtures that have none of their own.
pub(crate) const FIXTURE_REFERENCE: &str = "data/fixtures/reference.csv";

/// Runs claimcheck from the root with `environment` set, and no colour
/// asked of it by the environment the tests run in.
pub(crate) fn run(arguments: &[&str], environment: &[(&str, &str)]) -> Output {
    let mut command = command_in(Path::new(ROOT), arguments);
    for (name, value) in environment {
        command.env(name, value);
    }
    command.output().expect("the claimcheck binary runs")
}

/// claimcheck with `arguments`, to run in `folder`, with no colour asked
/// of it by the environment the tests run in.
pub(crate) fn command_in(folder: &Path, arguments: &[&str]) -> Command {
    let mut command = Command::new(BINARY);
    command
        .args(arguments)
        .current_dir(folder)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE");
    command
}

/// Runs claimcheck from the root; reports are read as a pipe gives them,
/// without styles.
pub(crate) fn claimcheck(arguments: &[&str]) -> Output {
    run(arguments, &[])
}

pub(crate) fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("output is UTF-8")
}

pub(crate) fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("errors are UTF-8")
}

/// The reference an input (a path from the root) is verified against: its
/// own CSV beside it, else the fixtures' shared one for a fixture, else the
/// user's.
pub(crate) fn reference_for(article: &str) -> String {
    let beside = Path::new(article).with_extension("csv");
    if Path::new(ROOT).join(&beside).exists() {
        beside.to_string_lossy().replace('\\', "/")
    } else if article.starts_with("data/fixtures/") {
        FIXTURE_REFERENCE.to_string()
    } else {
        "data/reference.csv".to_string()
    }
}

/// A folder made for one test, where the binary runs; removed when the
/// test ends.
pub(crate) struct Scratch {
    pub(crate) root: PathBuf,
}

impl Scratch {
    /// An empty folder `name` under the target's scratch space.
    pub(crate) fn new(name: &str) -> Scratch {
        let root = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join("scratch")
            .join(name);
        let _ = fs::remove_dir_all(&root);
        fs::create_dir_all(&root).expect("the scratch space is writable");
        Scratch { root }
    }

    /// Copies a file of the project (a path from the root) to `to`.
    pub(crate) fn copy(&self, from: &str, to: &str) -> &Scratch {
        let to = self.root.join(to);
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::copy(Path::new(ROOT).join(from), to).unwrap();
        self
    }

    pub(crate) fn write(&self, to: &str, contents: impl AsRef<[u8]>) -> &Scratch {
        let to = self.root.join(to);
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::write(to, contents).unwrap();
        self
    }

    /// Runs claimcheck in `folder` of the scratch folder, as [`run`] does
    /// from the root.
    pub(crate) fn run_in(&self, folder: &str, arguments: &[&str]) -> Output {
        let folder = self.root.join(folder);
        fs::create_dir_all(&folder).unwrap();
        command_in(&folder, arguments)
            .output()
            .expect("the claimcheck binary runs")
    }

    pub(crate) fn run(&self, arguments: &[&str]) -> Output {
        self.run_in("", arguments)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}
