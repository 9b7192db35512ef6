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
    /// A file, named on the command line or `walked` into in a folder.
    File {
        path: PathBuf,
        walked: bool,
    },
    /// A path that could not be listed, kept so that it is reported in
    /// its place.
    Missing(PathBuf, String),
}

/// An input read as text.
#[derive(Debug)]
pub(crate) struct Text {
    /// The name it is reported under.
    pub(crate) name: String,
    pub(crate) source: String,
    /// What had to be done to read it, for the reader to know.
    pub(crate) note: Option<String>,
}

/// What reading an input gave.
#[derive(Debug)]
pub(crate) enum Reading {
    Text(Text),
    /// A file met in a folder that holds no text, skipped with a note.
    Binary(String),
}

/// How far into a file met in a folder a NUL byte makes it binary, as
/// ripgrep and git judge.
const BINARY_SNIFF_BYTES: usize = 8 << 10;

/// Stands for each byte that is not UTF-8, one for one, so that the byte
/// offsets of everything around it stay those of the file; a control
/// character, it joins no word or number.
const SUBSTITUTE: u8 = 0x1a;

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
            inputs.push(Input::File {
                path: path.clone(),
                walked: false,
            });
        } else {
            inputs.push(Input::Missing(
                path.clone(),
                "no such file or folder".to_string(),
            ));
        }
    }
    inputs
}

/// Links are followed, as a reader of the folder would; a link that loops
/// back is reported in its place, and the walk goes on.
fn walk(folder: &Path, extensions: &[&str], inputs: &mut Vec<Input>) {
    for entry in WalkDir::new(folder).follow_links(true).sort_by_file_name() {
        match entry {
            Ok(entry) if entry.file_type().is_file() && has_extension(entry.path(), extensions) => {
                inputs.push(Input::File {
                    path: entry.into_path(),
                    walked: true,
                });
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
            Input::File { path, .. } => {
                std::fs::metadata(path).map_or(0, |metadata| metadata.len())
            }
            Input::Stdin | Input::Missing(..) => 0,
        }
    }

    /// The input as text: UTF-8, or UTF-16 with a byte order mark; a byte
    /// that is neither is read as a substitute, with a note.
    pub(crate) fn read(&self) -> anyhow::Result<Reading> {
        match self {
            Input::Stdin => {
                let mut bytes = Vec::new();
                io::Read::read_to_end(&mut io::stdin(), &mut bytes)
                    .context("<stdin>: cannot read")?;
                Ok(Reading::Text(text(STDIN_NAME.to_string(), bytes)))
            }
            Input::File { path, walked } => {
                let bytes = std::fs::read(path)
                    .with_context(|| format!("{}: cannot read", path.display()))?;
                let name = path.display().to_string();
                if *walked && is_binary(&bytes) {
                    return Ok(Reading::Binary(format!(
                        "{name}: skipped: a binary file (a NUL byte in its first 8 KiB)"
                    )));
                }
                Ok(Reading::Text(text(name, bytes)))
            }
            Input::Missing(path, error) => Err(anyhow::anyhow!("{}: {error}", path.display())),
        }
    }
}

fn is_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(BINARY_SNIFF_BYTES)];
    encoding_rs::Encoding::for_bom(head).is_none() && head.contains(&0)
}

/// The bytes of the input `name` as text. UTF-16 with a byte order mark
/// is decoded (positions then count in its UTF-8 text); otherwise each
/// byte that is not UTF-8 becomes [`SUBSTITUTE`], and the note names the
/// line and column (from 1, in characters, as reports count) of the first.
fn text(name: String, bytes: Vec<u8>) -> Text {
    match encoding_rs::Encoding::for_bom(&bytes) {
        Some((encoding, _)) if encoding != encoding_rs::UTF_8 => {
            let (source, malformed) = encoding.decode_with_bom_removal(&bytes);
            let note = malformed.then(|| {
                format!(
                    "{name}: not valid {}: what is not was read as U+FFFD",
                    encoding.name()
                )
            });
            return Text {
                source: source.into_owned(),
                note,
                name,
            };
        }
        _ => {}
    }
    match String::from_utf8(bytes) {
        Ok(source) => Text {
            name,
            source,
            note: None,
        },
        Err(error) => {
            let first = error.utf8_error().valid_up_to();
            let mut bytes = error.into_bytes();
            let substituted = substitute_invalid(&mut bytes, first);
            let (line, column) = {
                // Everything before the first bad byte is UTF-8.
                let before = String::from_utf8_lossy(&bytes[..first]);
                let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
                (
                    1 + before.matches('\n').count(),
                    1 + before[line_start..].chars().count(),
                )
            };
            let note = format!(
                "{name}:{line}:{column}: not valid UTF-8: {} read as U+001A, keeping every offset; the rest is checked",
                if substituted == 1 {
                    "1 byte".to_string()
                } else {
                    format!("{substituted} bytes")
                }
            );
            Text {
                name,
                // Every byte that was not UTF-8 is now ASCII.
                source: String::from_utf8(bytes).unwrap_or_default(),
                note: Some(note),
            }
        }
    }
}

/// Replaces each byte of every invalid UTF-8 sequence from `first` on (the
/// bytes before it are UTF-8) with [`SUBSTITUTE`], and says how many there
/// were.
fn substitute_invalid(bytes: &mut [u8], first: usize) -> usize {
    let mut substituted = 0;
    let mut at = first;
    while at < bytes.len() {
        match std::str::from_utf8(&bytes[at..]) {
            Ok(_) => break,
            Err(error) => {
                let bad = at + error.valid_up_to();
                let length = error.error_len().unwrap_or(bytes.len() - bad);
                bytes[bad..bad + length].fill(SUBSTITUTE);
                substituted += length;
                at = bad + length;
            }
        }
    }
    substituted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_that_are_not_utf8_become_one_substitute_each() {
        let read = text(
            "a.md".to_string(),
            b"ok\n12 \xff\xfe troops \xe2\x82".to_vec(),
        );
        assert_eq!(read.source, "ok\n12 \u{1a}\u{1a} troops \u{1a}\u{1a}");
        assert_eq!(
            read.note.as_deref(),
            Some(
                "a.md:2:4: not valid UTF-8: 4 bytes read as U+001A, keeping every offset; the rest is checked"
            )
        );
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_decoded() {
        let mut bytes = vec![0xff, 0xfe];
        bytes.extend("12 troops".encode_utf16().flat_map(u16::to_le_bytes));
        let read = text("a.md".to_string(), bytes);
        assert_eq!((read.source.as_str(), read.note), ("12 troops", None));
        let mut bytes = vec![0xfe, 0xff];
        bytes.extend("5 days".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(text("b.md".to_string(), bytes).source, "5 days");
    }

    #[test]
    fn a_nul_makes_a_file_binary_but_not_utf16() {
        assert!(is_binary(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
        assert!(!is_binary(b"12 troops"));
        assert!(!is_binary(&[0xff, 0xfe, b'1', 0, b'2', 0]));
    }
}
