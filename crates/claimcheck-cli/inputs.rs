//! The files a run reads: paths as given, folders walked in sorted order.

use std::io;
use std::path::{Path, PathBuf};

use anyhow::Context;
use walkdir::WalkDir;

use crate::InputFormat;

/// How standard input is named in reports.
pub(crate) const STDIN_NAME: &str = "<stdin>";

#[derive(Debug)]
pub(crate) enum Input {
    Stdin,
    File(PathBuf),
    /// A path that could not be listed, kept so that it is reported in
    /// its place.
    Missing(PathBuf, String),
}

/// The inputs named by `paths`, in order: `-` is standard input, a folder
/// stands for its files of the input format (`.md` and `.txt` files, or
/// `.jsonl` and `.ndjson` files; recursively, sorted by path), and
/// anything else is a file.
pub(crate) fn collect(paths: &[PathBuf], format: InputFormat) -> Vec<Input> {
    let extensions: &[&str] = match format {
        InputFormat::Files => &["md", "txt"],
        InputFormat::Jsonl => &["jsonl", "ndjson"],
    };
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            walk(path, extensions, &mut inputs);
        } else if path.exists() {
            inputs.push(Input::File(path.clone()));
        } else {
            inputs.push(Input::Missing(
                path.clone(),
                "no such file or folder".to_string(),
            ));
        }
    }
    inputs
}

fn walk(folder: &Path, extensions: &[&str], inputs: &mut Vec<Input>) {
    for entry in WalkDir::new(folder).sort_by_file_name() {
        match entry {
            Ok(entry) if entry.file_type().is_file() && has_extension(entry.path(), extensions) => {
                inputs.push(Input::File(entry.into_path()));
            }
            Ok(_) => {}
            Err(error) => {
                let path = error.path().unwrap_or(folder).to_path_buf();
                inputs.push(Input::Missing(path, error.to_string()));
            }
        }
    }
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| {
            extensions
                .iter()
                .any(|wanted| extension.eq_ignore_ascii_case(wanted))
        })
}

impl Input {
    /// The size of the input in bytes, as far as it is known before reading.
    pub(crate) fn size(&self) -> u64 {
        match self {
            Input::File(path) => std::fs::metadata(path).map_or(0, |metadata| metadata.len()),
            Input::Stdin | Input::Missing(..) => 0,
        }
    }

    /// The name the input is reported under, and its text.
    pub(crate) fn read(&self) -> anyhow::Result<(String, String)> {
        match self {
            Input::Stdin => {
                let mut bytes = Vec::new();
                io::Read::read_to_end(&mut io::stdin(), &mut bytes)
                    .context("<stdin>: cannot read")?;
                Ok((STDIN_NAME.to_string(), text(STDIN_NAME, bytes)?))
            }
            Input::File(path) => {
                let bytes = std::fs::read(path)
                    .with_context(|| format!("{}: cannot read", path.display()))?;
                let name = path.display().to_string();
                let source = text(&name, bytes)?;
                Ok((name, source))
            }
            Input::Missing(path, error) => Err(anyhow::anyhow!("{}: {error}", path.display())),
        }
    }
}

/// The bytes of the input `name` as text, or an error naming the line and
/// column (from 1; columns count characters, as reports do) of the first
/// byte that is not UTF-8, where an editor would show it.
fn text(name: &str, bytes: Vec<u8>) -> anyhow::Result<String> {
    String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        // Everything before the first bad byte is UTF-8, so this never fails.
        let before = std::str::from_utf8(valid).unwrap_or_default();
        let line = 1 + before.matches('\n').count();
        let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
        let column = 1 + before[line_start..].chars().count();
        anyhow::anyhow!("{name}:{line}:{column}: not valid UTF-8")
    })
}
