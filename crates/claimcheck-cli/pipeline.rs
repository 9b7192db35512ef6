//! The run shared by every command: loading inputs in parallel, cutting
//! large documents into pieces, running the stages on each piece on any
//! thread, and handing the results on in input order.
//!
//! Memory stays bounded whatever the size of the corpus: documents are
//! loaded a window of [`READ_AHEAD_BYTES`] at a time, and their pieces are
//! processed and written a batch of [`PIECES_IN_FLIGHT_BYTES`] at a time.
//! A large document is cut at block boundaries (a sentence never crosses a
//! block), so its pieces run in parallel too.

use std::io::{self, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};

use anyhow::Context;
use claimcheck_core::calendar::Date;
use claimcheck_core::vocab::Synonyms;
use claimcheck_core::{Claim, Fact};
use claimcheck_extract::Prepared;
use claimcheck_report::{Document, LineIndex};
use rayon::prelude::*;

use crate::Outcome;
use crate::inputs::{self, Input};

/// Where the synonyms file is looked for when none is given.
const DEFAULT_SYNONYMS: &str = "data/synonyms.csv";

/// How many bytes of input are loaded ahead of what is written.
const READ_AHEAD_BYTES: u64 = 4 << 20;

/// About how large a piece of a document is.
const PIECE_BYTES: usize = 256 << 10;

/// How many bytes of pieces are processed at once before their results are
/// written.
const PIECES_IN_FLIGHT_BYTES: usize = 2 << 20;

/// Reads the reference CSV, reporting its problems and counting them.
pub(crate) fn load_reference(path: &Path, outcome: &mut Outcome) -> anyhow::Result<Vec<Fact>> {
    let (facts, problems) = claimcheck_reference::load(path)?;
    for problem in &problems {
        eprintln!("claimcheck: {problem}");
    }
    outcome.problems += problems.len();
    Ok(facts)
}

/// Reads the synonyms CSV, or the default one when it exists, on top of the
/// built-in groups.
pub(crate) fn load_synonyms(
    path: Option<&Path>,
    outcome: &mut Outcome,
) -> anyhow::Result<Synonyms> {
    let default = Path::new(DEFAULT_SYNONYMS);
    let Some(path) = path.or_else(|| default.exists().then_some(default)) else {
        return Ok(Synonyms::default());
    };
    let (synonyms, problems) = claimcheck_reference::load_synonyms(path)?;
    for problem in &problems {
        eprintln!("claimcheck: {problem}");
    }
    outcome.problems += problems.len();
    Ok(synonyms)
}

/// A document read and made ready: its text, its prose, its date, its lines.
pub(crate) struct Loaded {
    name: String,
    source: String,
    prepared: Prepared,
    date: Option<Date>,
    lines: LineIndex,
}

impl Loaded {
    fn load(input: &Input) -> anyhow::Result<Loaded> {
        let (name, source) = input.read()?;
        let format = match input {
            Input::Stdin => claimcheck_extract::Format::Markdown,
            _ => claimcheck_extract::Format::of_path(Path::new(&name)),
        };
        let prepared = claimcheck_extract::prepare(&source, format);
        let first =
            prepared.mentions(prepared.blocks_before(claimcheck_normalize::DATELINE_WINDOW));
        let date = claimcheck_normalize::document_date(&first, prepared.declared_date())
            .map(|date| date.date);
        let lines = LineIndex::new(&source);
        Ok(Loaded {
            name,
            source,
            prepared,
            date,
            lines,
        })
    }

    pub(crate) fn document(&self) -> Document<'_> {
        Document {
            path: &self.name,
            source: &self.source,
            lines: &self.lines,
        }
    }
}

/// Some consecutive blocks of a document, read on their own.
pub(crate) struct Piece<'a> {
    pub(crate) loaded: &'a Loaded,
    blocks: Range<usize>,
    /// The first piece of its document, which counts the document.
    pub(crate) first: bool,
    bytes: usize,
}

impl Piece<'_> {
    /// The piece's claims: its mentions, read with its document's date.
    pub(crate) fn claims(&self) -> Vec<Claim> {
        let mentions = self.loaded.prepared.mentions(self.blocks.clone());
        claimcheck_normalize::claims(mentions, self.loaded.date)
    }

    pub(crate) fn date(&self) -> Option<Date> {
        self.loaded.date
    }
}

/// Runs `work` on every piece of every input, on all threads, and hands
/// each result to `emit` in input order. An input that cannot be read is
/// reported and counted, and the run goes on.
pub(crate) fn run<T: Send>(
    paths: &[PathBuf],
    outcome: &mut Outcome,
    work: impl Fn(&Piece<'_>) -> anyhow::Result<T> + Sync,
    mut emit: impl FnMut(&Piece<'_>, T) -> io::Result<()>,
) -> anyhow::Result<()> {
    let inputs = inputs::collect(paths);
    let mut rest = &inputs[..];
    while !rest.is_empty() {
        let (window, after) = rest.split_at(about(rest, READ_AHEAD_BYTES, Input::size));
        rest = after;
        let loaded: Vec<anyhow::Result<Loaded>> = window.par_iter().map(Loaded::load).collect();
        let mut pieces = Vec::new();
        for document in &loaded {
            match document {
                Ok(document) => pieces.extend(pieces_of(document)),
                Err(error) => {
                    outcome.problems += 1;
                    eprintln!("claimcheck: {error:#}");
                }
            }
        }
        for batch in batches(&pieces) {
            let results: Vec<anyhow::Result<T>> = batch.par_iter().map(&work).collect();
            for (piece, result) in batch.iter().zip(results) {
                emit(piece, result.with_context(|| piece.loaded.name.clone())?)
                    .context("cannot write the report")?;
            }
            io::stdout().flush().context("cannot write the report")?;
        }
    }
    Ok(())
}

fn pieces_of(loaded: &Loaded) -> impl Iterator<Item = Piece<'_>> {
    let chunks = loaded.prepared.chunks(PIECE_BYTES);
    let whole = chunks.len() == 1;
    chunks
        .into_iter()
        .enumerate()
        .map(move |(index, blocks)| Piece {
            loaded,
            bytes: if whole {
                loaded.source.len()
            } else {
                PIECE_BYTES
            },
            blocks,
            first: index == 0,
        })
}

/// The pieces cut into consecutive batches of about
/// [`PIECES_IN_FLIGHT_BYTES`], each at least one piece.
fn batches<'p, 'a>(pieces: &'p [Piece<'a>]) -> impl Iterator<Item = &'p [Piece<'a>]> {
    let mut rest = pieces;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let (batch, after) = rest.split_at(about(rest, PIECES_IN_FLIGHT_BYTES as u64, |piece| {
            piece.bytes as u64
        }));
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
