//! Renders what the pipeline found.
//!
//! Rendering is split in two so that it can run on every core: a
//! [`Format`] renders the figures of a piece of a document into bytes (on
//! any thread), and a [`Report`] writes the pieces in order to one writer,
//! adding what only a whole report has (the CSV header once, the commas of
//! a JSON array, the closing summary).
//!
//! The text format is for people, and reads like a linter's: one block per
//! figure that needs attention (contradicted, ambiguous, inconsistent),
//! with the verdict, `file:line:column`, the line of source with the
//! figure underlined, the reason and the fact it was held against; the
//! other verdicts only counted unless [`Shown`] lists them; and a closing
//! summary. It is written with styles, which the writer keeps or strips.
//! The machine formats (JSON Lines, JSON, CSV) carry one flat record per
//! figure, every figure, with the same fields, so a column means the same
//! thing in each.
//!
//! Lines and columns (1-based; columns count characters) are computed here
//! from the byte spans of the claims, with a [`LineIndex`] built once per
//! document; nothing before this stage needs them.

mod lines;
mod record;
mod spare;
mod text;

use std::io::{self, Write};

use claimcheck_core::{Assessment, Claim, Suggestion, Verdict};
use serde::Serialize;

pub use crate::lines::LineIndex;
use crate::record::Record;

/// How a report is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// For people, listing the verdicts shown in full (a listing of
    /// figures shows them all).
    Text(Shown),
    Jsonl,
    Json,
    Csv,
}

/// One file's text, the name it is reported under, and where its lines start.
#[derive(Clone, Copy, Debug)]
pub struct Document<'a> {
    pub path: &'a str,
    pub source: &'a str,
    pub lines: &'a LineIndex,
    /// For an article read from a JSON Lines record: what its records say
    /// besides the text.
    pub origin: Option<Origin<'a>>,
}

/// The record an article came from: its `id`, and its other fields, which
/// are passed through to every output record.
#[derive(Clone, Copy, Debug)]
pub struct Origin<'a> {
    pub id: &'a serde_json::Value,
    pub fields: &'a serde_json::Map<String, serde_json::Value>,
}

/// An input record that could not be read, reported in the output stream
/// in its place so that nothing is lost where standard error is not kept.
#[derive(Debug, Serialize)]
pub struct RecordProblem<'a> {
    /// The input it came from.
    pub file: &'a str,
    /// Its line in that input, from 1.
    pub input_line: usize,
    /// Its `id`, when that much could be read.
    pub id: Option<&'a serde_json::Value>,
    pub error: &'a str,
}

/// A piece of a report, rendered and counted, waiting for its turn to be
/// written.
#[derive(Debug, Default)]
pub struct Rendered {
    bytes: Vec<u8>,
    summary: Summary,
}

impl Format {
    /// Renders the figures of a piece of a document. `starts_file` counts the
    /// document once, on its first piece.
    ///
    /// # Errors
    /// When a record cannot be serialized, which only an I/O failure causes.
    pub fn claims(
        self,
        document: Document<'_>,
        claims: &[Claim],
        starts_file: bool,
    ) -> io::Result<Rendered> {
        let mut rendered = Rendered::starting(starts_file, room_for(claims.iter()));
        rendered.summary.mentions = claims.len();
        let mut csv = self.csv_writer(&mut rendered.bytes);
        for claim in claims {
            match self {
                Format::Text(_) => text::claim(&mut rendered.bytes, document, claim)?,
                _ => rendered.record(&mut csv, &Record::of_claim(document, claim))?,
            }
        }
        rendered.finish_csv(csv)?;
        Ok(rendered)
    }

    /// Renders the verdicts of a piece of a document.
    ///
    /// # Errors
    /// When a record cannot be serialized, which only an I/O failure causes.
    pub fn assessments(
        self,
        document: Document<'_>,
        assessments: &[Assessment<'_>],
        starts_file: bool,
    ) -> io::Result<Rendered> {
        let claims = assessments.iter().map(|assessment| &assessment.claim);
        let mut rendered = Rendered::starting(starts_file, room_for(claims));
        let mut csv = self.csv_writer(&mut rendered.bytes);
        for assessment in assessments {
            rendered.summary.count(assessment.verdict);
            match self {
                Format::Text(shown) if !shown.contains(assessment.verdict) => {}
                Format::Text(_) => text::assessment(&mut rendered.bytes, document, assessment)?,
                _ => rendered.record(&mut csv, &Record::of_assessment(document, assessment))?,
            }
        }
        rendered.finish_csv(csv)?;
        Ok(rendered)
    }

    /// For CSV, a writer into `bytes`, which it takes until
    /// [`Rendered::finish_csv`].
    fn csv_writer(self, bytes: &mut Vec<u8>) -> Option<csv::Writer<Vec<u8>>> {
        (self == Format::Csv).then(|| csv::Writer::from_writer(std::mem::take(bytes)))
    }
}

/// Bytes a record takes besides the sentence it quotes, about: a verdict
/// with its reason takes this much, a bare figure less.
const RECORD_BYTES: usize = 800;

/// Room for the records of `claims`, so that a piece's buffer is sized once
/// rather than copied onto fresh pages each time it grows. Room never
/// written takes no memory.
fn room_for<'c>(claims: impl Iterator<Item = &'c Claim>) -> usize {
    claims
        .map(|claim| claim.sentence.len() + RECORD_BYTES)
        .sum()
}

impl Rendered {
    fn starting(starts_file: bool, room: usize) -> Rendered {
        Rendered {
            bytes: spare::buffer(room),
            summary: Summary {
                files: usize::from(starts_file),
                ..Summary::default()
            },
        }
    }

    /// A record on a line of its own: JSON, or a CSV row (with the header
    /// the CSV writer adds before its first row).
    fn record(
        &mut self,
        csv: &mut Option<csv::Writer<Vec<u8>>>,
        record: &Record<'_>,
    ) -> io::Result<()> {
        if let Some(csv) = csv {
            return csv.serialize(record).map_err(io::Error::other);
        }
        serde_json::to_writer(&mut self.bytes, record)?;
        self.bytes.push(b'\n');
        Ok(())
    }

    fn finish_csv(&mut self, csv: Option<csv::Writer<Vec<u8>>>) -> io::Result<()> {
        if let Some(csv) = csv {
            self.bytes = csv
                .into_inner()
                .map_err(|error| io::Error::other(error.to_string()))?;
        }
        Ok(())
    }
}

/// The verdicts of single figures, in the order a summary counts them.
const COUNTED: [Verdict; 4] = [
    Verdict::Supported,
    Verdict::Contradicted,
    Verdict::Unverified,
    Verdict::Ambiguous,
];

/// Counts of what a run found, for the closing summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub mentions: usize,
    pub supported: usize,
    pub contradicted: usize,
    pub unverified: usize,
    pub ambiguous: usize,
    pub inconsistent: usize,
}

impl Summary {
    fn add(&mut self, other: Summary) {
        self.files += other.files;
        self.mentions += other.mentions;
        self.supported += other.supported;
        self.contradicted += other.contradicted;
        self.unverified += other.unverified;
        self.ambiguous += other.ambiguous;
        self.inconsistent += other.inconsistent;
    }

    fn count(&mut self, verdict: Verdict) {
        match verdict {
            Verdict::Supported => self.supported += 1,
            Verdict::Contradicted => self.contradicted += 1,
            Verdict::Unverified => self.unverified += 1,
            Verdict::Ambiguous => self.ambiguous += 1,
            Verdict::Inconsistent => self.inconsistent += 1,
        }
    }

    /// "1 file, 11 claims: 8 supported, 1 contradicted, 2 unverified, 0
    /// ambiguous", and the claims found inconsistent across articles, if
    /// any. `document` is what a document is called: "file", "record".
    #[must_use]
    pub fn verdicts_line(&self, document: &str) -> String {
        self.counts(document, |count, verdict| {
            format!("{count} {}", verdict.as_str())
        })
    }

    /// The line of [`Summary::verdicts_line`], each count written by
    /// `count` ("8 supported", or the same in a style).
    fn counts(&self, document: &str, count: impl Fn(usize, Verdict) -> String) -> String {
        let claims = self.supported + self.contradicted + self.unverified + self.ambiguous;
        let mut line = format!(
            "{}, {}: ",
            plural(self.files, document),
            plural(claims, "claim")
        );
        for (index, verdict) in COUNTED.into_iter().enumerate() {
            if index > 0 {
                line.push_str(", ");
            }
            line.push_str(&count(self.of(verdict), verdict));
        }
        if self.inconsistent > 0 {
            line.push_str("; ");
            line.push_str(&count(self.inconsistent, Verdict::Inconsistent));
            line.push_str(" across articles");
        }
        line
    }

    /// The end of a text report of verdicts, with styles: the line of
    /// counts, the verdicts not `shown` and how to list them, and the
    /// `problems` of the run, one a line.
    #[must_use]
    pub fn closing(&self, document: &str, shown: Shown, problems: &[String]) -> String {
        text::closing(self, document, shown, problems)
    }

    /// How many figures got a verdict.
    #[must_use]
    pub fn of(&self, verdict: Verdict) -> usize {
        match verdict {
            Verdict::Supported => self.supported,
            Verdict::Contradicted => self.contradicted,
            Verdict::Unverified => self.unverified,
            Verdict::Ambiguous => self.ambiguous,
            Verdict::Inconsistent => self.inconsistent,
        }
    }

    /// "1 file, 19 figures"; `document` as for [`Summary::verdicts_line`].
    #[must_use]
    pub fn mentions_line(&self, document: &str) -> String {
        format!(
            "{}, {}",
            plural(self.files, document),
            plural(self.mentions, "figure")
        )
    }
}

/// The verdicts a text report shows in full; it counts the others in its
/// summary only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shown(u8);

impl Shown {
    /// What needs a reader: figures contradicted, ambiguous, or
    /// inconsistent across articles.
    pub const PROBLEMS: Shown = Shown(0)
        .with(Verdict::Contradicted)
        .with(Verdict::Ambiguous)
        .with(Verdict::Inconsistent);

    pub const ALL: Shown = Shown::PROBLEMS
        .with(Verdict::Supported)
        .with(Verdict::Unverified);

    /// These verdicts and `verdict`.
    #[must_use]
    pub const fn with(self, verdict: Verdict) -> Shown {
        Shown(self.0 | 1 << verdict as u8)
    }

    #[must_use]
    pub const fn contains(self, verdict: Verdict) -> bool {
        self.0 & 1 << verdict as u8 != 0
    }
}

impl Default for Shown {
    fn default() -> Shown {
        Shown::PROBLEMS
    }
}

/// A report being written, piece by piece, in order.
#[derive(Debug)]
pub struct Report<W: Write> {
    format: Format,
    out: W,
    summary: Summary,
    /// Whether a record has been written: the JSON array needs commas from
    /// then on, and a CSV its header only once.
    wrote_record: bool,
}

impl<W: Write> Report<W> {
    pub fn new(format: Format, out: W) -> Report<W> {
        Report {
            format,
            out,
            summary: Summary::default(),
            wrote_record: false,
        }
    }

    /// Writes the next piece.
    ///
    /// # Errors
    /// When the writer fails.
    pub fn write(&mut self, rendered: Rendered) -> io::Result<()> {
        let Rendered { bytes, summary } = rendered;
        self.summary.add(summary);
        self.write_bytes(&bytes)?;
        spare::give_back(bytes);
        Ok(())
    }

    fn write_bytes(&mut self, bytes: &[u8]) -> io::Result<()> {
        if bytes.is_empty() {
            return Ok(());
        }
        match self.format {
            Format::Text(_) | Format::Jsonl => self.out.write_all(bytes)?,
            Format::Csv => {
                // Each piece's rows come with the header; the report keeps one.
                let rows = if self.wrote_record {
                    bytes
                        .iter()
                        .position(|byte| *byte == b'\n')
                        .map_or(&[][..], |header_end| &bytes[header_end + 1..])
                } else {
                    bytes
                };
                self.out.write_all(rows)?;
            }
            Format::Json => {
                for line in bytes
                    .split(|byte| *byte == b'\n')
                    .filter(|line| !line.is_empty())
                {
                    self.out
                        .write_all(if self.wrote_record { b",\n" } else { b"[\n" })?;
                    self.out.write_all(line)?;
                    self.wrote_record = true;
                }
            }
        }
        self.wrote_record = true;
        Ok(())
    }

    /// Writes a record that could not be read, as a JSON object with an
    /// `error` field; the other formats have no place for it.
    ///
    /// # Errors
    /// When the writer fails.
    pub fn record_problem(&mut self, problem: &RecordProblem<'_>) -> io::Result<()> {
        if self.format == Format::Jsonl {
            serde_json::to_writer(&mut self.out, problem)?;
            self.out.write_all(b"\n")?;
        }
        Ok(())
    }

    /// Writes claims of one document found inconsistent with claims of
    /// other documents; the document was counted when its verdicts were
    /// written.
    ///
    /// # Errors
    /// When the writer fails.
    pub fn inconsistencies(
        &mut self,
        document: Document<'_>,
        assessments: &[Assessment<'_>],
    ) -> io::Result<()> {
        let rendered = self.format.assessments(document, assessments, false)?;
        self.write(rendered)
    }

    /// Ends the report and returns what it counted. The text format closes
    /// with `summary_line`; the machine formats keep their output pure and
    /// leave the summary to the caller.
    ///
    /// # Errors
    /// When the writer fails.
    pub fn finish(mut self, summary_line: impl Fn(&Summary) -> String) -> io::Result<Summary> {
        match self.format {
            Format::Text(_) => writeln!(self.out, "{}", summary_line(&self.summary))?,
            Format::Json => {
                self.out
                    .write_all(if self.wrote_record { b"\n]\n" } else { b"[]\n" })?;
            }
            Format::Jsonl | Format::Csv => {}
        }
        self.out.flush()?;
        Ok(self.summary)
    }
}

/// `file:line:column` of a byte offset in a document.
#[must_use]
pub fn location(document: Document<'_>, offset: usize) -> String {
    let (line, column) = document.lines.position(document.source, offset);
    format!("{}:{line}:{column}", document.path)
}

/// Writes suggested reference rows in `columns` (a reference's own, in its
/// order), after a header row when `header`: each cell the row has for
/// its column, the place of the claim for `x_claim`, and empty for the
/// rest (`source`, `as_of`, a team's own `x_` columns).
///
/// # Errors
/// When the writer fails.
pub fn write_suggestions(
    writer: impl Write,
    suggestions: &[Suggestion],
    columns: &[String],
    header: bool,
) -> io::Result<()> {
    let mut csv = csv::Writer::from_writer(writer);
    if header {
        csv.write_record(columns)?;
    }
    for row in suggestions {
        let keywords = row.keywords.join(";");
        let cell = |column: &String| match column.to_lowercase().as_str() {
            "id" => row.id.as_str(),
            "value" => &row.value,
            "low" => &row.low,
            "high" => &row.high,
            "unit" => &row.unit,
            "keywords" => &keywords,
            "subject" => &row.subject,
            "x_claim" => &row.claim,
            _ => "",
        };
        csv.write_record(columns.iter().map(cell))?;
    }
    csv.flush()
}

/// The columns of a new reference that suggested rows are written in.
pub const SUGGESTED_COLUMNS: [&str; 9] = [
    "id", "value", "low", "high", "unit", "keywords", "subject", "source", "as_of",
];

fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}
