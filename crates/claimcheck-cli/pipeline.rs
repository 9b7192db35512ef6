//! The run shared by every command: loading documents in parallel (files,
//! or the records of JSON Lines inputs), cutting large documents into
//! pieces, running the stages on each piece on any thread, and handing the
//! results on in input order.
//!
//! Memory stays bounded whatever the size of the corpus: files are loaded
//! a window of [`READ_AHEAD_BYTES`] at a time (records, a batch of
//! [`records`] at a time), and their pieces are processed and written a
//! batch of [`PIECES_IN_FLIGHT_BYTES`] at a time. A large document is cut
//! at block boundaries (a sentence never crosses a block), so its pieces
//! run in parallel too.

use std::io::{self, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};

use anyhow::Context;
use claimcheck_check::FactIndex;
use claimcheck_core::calendar::Date;
use claimcheck_core::vocab::Synonyms;
use claimcheck_core::{Assessment, Claim, Fact, Span};
use claimcheck_extract::Prepared;
use claimcheck_report::{Document, LineIndex, Origin, RecordProblem};
use rayon::prelude::*;
use serde_json::{Map, Value};

use crate::inputs::{self, Input, Reading};
use crate::records::{self, Incoming, Line, Unreadable};
use crate::{InputFormat, Outcome};

/// How many bytes of input are loaded ahead of what is written.
const READ_AHEAD_BYTES: u64 = 4 << 20;

/// About how large a piece of a document is.
const PIECE_BYTES: usize = 256 << 10;

/// How many bytes of pieces are processed at once before their results are
/// written.
const PIECES_IN_FLIGHT_BYTES: usize = 2 << 20;

/// Reads the reference CSVs as one, reporting their problems and counting
/// them.
pub(crate) fn load_reference(
    paths: &[PathBuf],
    outcome: &mut Outcome,
) -> anyhow::Result<Vec<Fact>> {
    let (facts, problems) = claimcheck_reference::load_all(paths)?;
    report_problems(&problems, outcome);
    Ok(facts)
}

/// Reads the synonyms CSV, when there is one, on top of the built-in
/// groups.
pub(crate) fn load_synonyms(
    path: Option<&Path>,
    outcome: &mut Outcome,
) -> anyhow::Result<Synonyms> {
    let Some(path) = path else {
        return Ok(Synonyms::default());
    };
    let (synonyms, problems) = claimcheck_reference::load_synonyms(path)?;
    report_problems(&problems, outcome);
    Ok(synonyms)
}

/// Reports problems on standard error as they are found, and keeps them
/// for the end of the report.
fn report_problems(problems: &[impl std::fmt::Display], outcome: &mut Outcome) {
    for problem in problems {
        let problem = problem.to_string();
        eprintln!("claimcheck: {problem}");
        outcome.problems.push(problem);
    }
}

/// A document read and made ready: its text, its prose, its date, its lines.
pub(crate) struct Loaded {
    name: String,
    source: String,
    prepared: Prepared,
    date: Option<Date>,
    lines: LineIndex,
    /// The `id` and other fields of the record it came from, if it did.
    origin: Option<(Value, Map<String, Value>)>,
    /// What had to be done to read it.
    note: Option<String>,
}

impl Loaded {
    fn load(input: &Input) -> Arrival {
        let text = match input.read() {
            Ok(Reading::Text(text)) => text,
            Ok(Reading::Binary(note)) => return Arrival::Skipped(note),
            Err(error) => return Arrival::Failed(error),
        };
        let format = match input {
            Input::Stdin => claimcheck_extract::Format::Markdown,
            _ => claimcheck_extract::Format::of_path(Path::new(&text.name)),
        };
        let mut loaded = Loaded::new(text.name, text.source, format, None);
        loaded.note = text.note;
        Arrival::Loaded(Box::new(loaded))
    }

    /// A record's text, read as Markdown (which plain text also is).
    fn of_record(file: &str, record: records::Record) -> Loaded {
        let origin = Some((record.id, record.fields));
        let format = claimcheck_extract::Format::Markdown;
        Loaded::new(file.to_string(), record.text, format, origin)
    }

    fn new(
        name: String,
        source: String,
        format: claimcheck_extract::Format,
        origin: Option<(Value, Map<String, Value>)>,
    ) -> Loaded {
        // Preparing a large document is the one step its pieces cannot
        // share out, so its line index is built beside it.
        let (prepared, lines) = rayon::join(
            || claimcheck_extract::prepare(&source, format),
            || LineIndex::new(&source),
        );
        let first =
            prepared.mentions(prepared.blocks_before(claimcheck_normalize::DATELINE_WINDOW));
        let date = claimcheck_normalize::document_date(&first, prepared.declared_date())
            .map(|date| date.date);
        Loaded {
            name,
            source,
            prepared,
            date,
            lines,
            origin,
            note: None,
        }
    }

    /// The `claimcheck:` comments that name no directive, as problems: a
    /// misspelt `ignore` would otherwise let figures through unnoticed.
    fn directive_problems(&self) -> impl Iterator<Item = String> + '_ {
        self.prepared.unknown_directives().iter().map(|comment| {
            format!(
                "{}: unknown comment `{}` (claimcheck knows `ignore`, for the next block, and `ignore-file`)",
                claimcheck_report::location(self.document(), comment.start),
                comment.of(&self.source).trim()
            )
        })
    }

    pub(crate) fn document(&self) -> Document<'_> {
        Document {
            path: &self.name,
            source: &self.source,
            lines: &self.lines,
            origin: self
                .origin
                .as_ref()
                .map(|(id, fields)| Origin { id, fields }),
        }
    }
}

/// Some consecutive blocks of a document, read on their own.
pub(crate) struct Piece<'a> {
    pub(crate) loaded: &'a Loaded,
    blocks: Range<usize>,
    /// The first piece of its document, which counts the document.
    pub(crate) first: bool,
    /// The bytes of the document the piece shows: from its first block to
    /// the next piece's, the first from the document's start and the last
    /// to its end, so that the pieces cover the document once.
    pub(crate) covers: Span,
    bytes: usize,
}

/// What a piece holds: `T` for each figure read, and how many figures
/// comments set aside.
pub(crate) struct Kept<T> {
    pub(crate) figures: Vec<T>,
    pub(crate) ignored: usize,
}

impl Piece<'_> {
    /// The piece's claims: its mentions, read with its document's date,
    /// but those that comments set aside.
    pub(crate) fn claims(&self) -> Kept<Claim> {
        let prepared = &self.loaded.prepared;
        let mut mentions = prepared.mentions(self.blocks.clone());
        let read = mentions.len();
        mentions.retain(|mention| !prepared.is_ignored(mention.span));
        Kept {
            ignored: read - mentions.len(),
            figures: claimcheck_normalize::claims(mentions, self.loaded.date),
        }
    }

    /// The piece's claims, each held against the reference.
    pub(crate) fn assessments<'f>(&self, index: &FactIndex<'f>) -> Kept<Assessment<'f>> {
        let source = self.loaded.document().source;
        let Kept { figures, ignored } = self.claims();
        Kept {
            figures: claimcheck_check::check(source, self.text(), figures, self.loaded.date, index),
            ignored,
        }
    }

    /// The text the piece's keywords are looked for in: the whole document
    /// when it is one piece, front matter and headline included.
    pub(crate) fn text(&self) -> Span {
        let whole = self.blocks == (0..self.loaded.prepared.block_count());
        if whole {
            Span::new(0, self.loaded.source.len())
        } else {
            self.loaded.prepared.span_of(self.blocks.clone())
        }
    }
}

/// A document as it comes in: loaded, or the reason it could not be.
enum Arrival {
    Loaded(Box<Loaded>),
    /// An input that cannot be read: a problem of the run.
    Failed(anyhow::Error),
    /// An input left out on purpose, with a note that says why.
    Skipped(String),
    /// A JSON Lines record that cannot be read: reported in the output
    /// too, in its place, and the stream goes on.
    Unreadable(UnreadableRecord),
}

/// A line of a JSON Lines input that is no record, and why.
struct UnreadableRecord {
    file: String,
    line: usize,
    problem: Unreadable,
}

/// What is done in turn, in input order: a piece to process, or an
/// unreadable record to report.
enum Step<'a> {
    Piece(Piece<'a>),
    Unreadable(&'a UnreadableRecord),
}

impl Step<'_> {
    fn bytes(&self) -> u64 {
        match self {
            Step::Piece(piece) => piece.bytes as u64,
            Step::Unreadable(_) => 0,
        }
    }
}

/// A step done: a piece with its result, or an unreadable record.
enum Done<'s, 'a, T> {
    Piece(&'s Piece<'a>, anyhow::Result<T>),
    Unreadable(&'a UnreadableRecord),
}

/// Runs `work` on every piece of every document of the inputs, on all
/// threads, and hands each result to `emit` in input order. An input that
/// cannot be read is reported and counted as a problem, and the run goes
/// on; so does an unreadable record, which `unreadable` also gets in its
/// place.
pub(crate) fn run<T: Send>(
    paths: &[PathBuf],
    input_format: InputFormat,
    outcome: &mut Outcome,
    work: impl Fn(&Piece<'_>) -> anyhow::Result<T> + Sync,
    mut emit: impl FnMut(&Piece<'_>, T) -> io::Result<()>,
    mut unreadable: impl FnMut(&RecordProblem<'_>) -> io::Result<()>,
) -> anyhow::Result<()> {
    let inputs = inputs::collect(paths, input_format);
    let arrivals: Box<dyn Iterator<Item = Vec<Arrival>>> = match input_format {
        InputFormat::Files => Box::new(file_windows(inputs)),
        InputFormat::Jsonl => Box::new(record_batches(inputs)),
    };
    for window in arrivals {
        let mut steps = Vec::new();
        for arrival in &window {
            match arrival {
                Arrival::Loaded(document) => {
                    if let Some(note) = &document.note {
                        eprintln!("claimcheck: {note}");
                        outcome.notes.push(note.clone());
                    }
                    for problem in document.directive_problems() {
                        eprintln!("claimcheck: {problem}");
                        outcome.problems.push(problem);
                    }
                    steps.extend(pieces_of(document).map(Step::Piece));
                }
                Arrival::Skipped(note) => {
                    eprintln!("claimcheck: {note}");
                    outcome.notes.push(note.clone());
                }
                Arrival::Failed(error) => {
                    let problem = format!("{error:#}");
                    eprintln!("claimcheck: {problem}");
                    outcome.problems.push(problem);
                }
                Arrival::Unreadable(record) => steps.push(Step::Unreadable(record)),
            }
        }
        for batch in batches(&steps) {
            let done: Vec<Done<'_, '_, T>> = batch
                .par_iter()
                .map(|step| match step {
                    Step::Piece(piece) => Done::Piece(piece, isolated(|| work(piece))),
                    Step::Unreadable(record) => Done::Unreadable(record),
                })
                .collect();
            for step in done {
                match step {
                    Done::Piece(piece, Ok(result)) => {
                        emit(piece, result).context("cannot write the report")?;
                    }
                    Done::Piece(piece, Err(error)) => {
                        let problem = format!("{}: {error:#}", piece.loaded.name);
                        eprintln!("claimcheck: {problem}");
                        outcome.problems.push(problem);
                    }
                    Done::Unreadable(record) => {
                        outcome.unreadable_records += 1;
                        eprintln!(
                            "claimcheck: {}: line {}: {}",
                            record.file, record.line, record.problem.message
                        );
                        let problem = RecordProblem {
                            file: &record.file,
                            input_line: record.line,
                            id: record.problem.id.as_ref(),
                            error: &record.problem.message,
                        };
                        unreadable(&problem).context("cannot write the report")?;
                    }
                }
            }
            io::stdout().flush().context("cannot write the report")?;
        }
    }
    Ok(())
}

/// The result of `work`, or, should it panic, an error in its place, so
/// that a bug met in one piece costs that piece alone and the run goes on.
fn isolated<T>(work: impl FnOnce() -> anyhow::Result<T>) -> anyhow::Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).unwrap_or_else(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("no message");
        Err(anyhow::anyhow!(
            "internal error, part of this file was not checked (please report it): {message}"
        ))
    })
}

/// The files, loaded a window of about [`READ_AHEAD_BYTES`] at a time.
fn file_windows(inputs: Vec<Input>) -> impl Iterator<Item = Vec<Arrival>> {
    let mut start = 0;
    std::iter::from_fn(move || {
        let rest = &inputs[start..];
        if rest.is_empty() {
            return None;
        }
        let window = &rest[..about(rest, READ_AHEAD_BYTES, Input::size)];
        start += window.len();
        Some(window.par_iter().map(Loaded::load).collect())
    })
}

/// The records of JSON Lines inputs, read and loaded a batch at a time as
/// they come in.
fn record_batches(inputs: Vec<Input>) -> impl Iterator<Item = Vec<Arrival>> {
    let reader = records::spawn_reader(inputs);
    std::iter::from_fn(move || {
        let batch = reader.next_batch()?;
        Some(
            batch
                .into_par_iter()
                .filter_map(|incoming| match incoming {
                    Incoming::Line(line) if line.is_blank() => None,
                    Incoming::Line(line) => Some(arrival_of(&line)),
                    Incoming::Failed(error) => Some(Arrival::Failed(error)),
                })
                .collect(),
        )
    })
}

fn arrival_of(line: &Line) -> Arrival {
    match line.record() {
        Ok(record) => Arrival::Loaded(Box::new(Loaded::of_record(&line.file, record))),
        Err(problem) => Arrival::Unreadable(UnreadableRecord {
            file: line.file.clone(),
            line: line.number,
            problem,
        }),
    }
}

fn pieces_of(loaded: &Loaded) -> impl Iterator<Item = Piece<'_>> {
    let chunks = loaded.prepared.chunks(PIECE_BYTES);
    let whole = chunks.len() == 1;
    let mut starts: Vec<usize> = chunks
        .iter()
        .skip(1)
        .map(|blocks| loaded.prepared.span_of(blocks.clone()).start)
        .collect();
    starts.insert(0, 0);
    starts.push(loaded.source.len());
    chunks
        .into_iter()
        .enumerate()
        .map(move |(index, blocks)| Piece {
            loaded,
            covers: Span::new(starts[index], starts[index + 1]),
            bytes: if whole {
                loaded.source.len()
            } else {
                PIECE_BYTES
            },
            blocks,
            first: index == 0,
        })
}

/// The steps cut into consecutive batches of about
/// [`PIECES_IN_FLIGHT_BYTES`], each at least one step.
fn batches<'s, 'a>(steps: &'s [Step<'a>]) -> impl Iterator<Item = &'s [Step<'a>]> {
    let mut rest = steps;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let (batch, after) = rest.split_at(about(rest, PIECES_IN_FLIGHT_BYTES as u64, Step::bytes));
        rest = after;
        Some(batch)
    })
}

/// How many of the first `items` fit in about `limit` bytes: at least one,
/// and the one that crosses the limit.
fn about<T>(items: &[T], limit: u64, size: impl Fn(&T) -> u64) -> usize {
    let mut bytes = 0;
    let fitting = items
        .iter()
        .take_while(|item| {
            let fits = bytes < limit;
            bytes += size(item);
            fits
        })
        .count();
    fitting.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_in_one_files_work_costs_that_file_alone() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let paths = [
            root.join("data/fixtures/every-verdict.md"),
            root.join("data/fixtures/seed-article-one-wrong-date.md"),
        ];
        let mut outcome = Outcome::default();
        let mut checked = Vec::new();
        run(
            &paths,
            InputFormat::Files,
            &mut outcome,
            |piece| {
                assert!(
                    !piece.loaded.name.ends_with("every-verdict.md"),
                    "a bug met in this file"
                );
                Ok(piece.loaded.name.clone())
            },
            |_, name| {
                checked.push(name);
                Ok(())
            },
            |_| Ok(()),
        )
        .unwrap();
        assert_eq!(checked.len(), 1);
        assert!(checked[0].ends_with("seed-article-one-wrong-date.md"));
        assert_eq!(outcome.problems.len(), 1, "{:?}", outcome.problems);
        assert!(
            outcome.problems[0].contains("every-verdict.md: internal error")
                && outcome.problems[0].contains("a bug met in this file"),
            "{:?}",
            outcome.problems
        );
    }
}
