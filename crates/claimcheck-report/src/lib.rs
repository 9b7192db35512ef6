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
//! The HTML format is one self-contained page for the whole run, for a
//! reviewer: each article's whole text with its figures marked by verdict
//! (see [`html`]).
//!
//! Verdicts also go to the tools that review changes: SARIF for code
//! scanning, GitHub Actions workflow commands, reviewdog's JSON Lines, and
//! schema.org `ClaimReview` for fact-check pages. Each renders a claim on
//! its own (on the workers, like the records), and the report writes what
//! wraps them.
//!
//! Lines and columns (1-based) are computed here from the byte spans of the
//! claims, with a [`LineIndex`] built once per document; nothing before
//! this stage needs them. Columns count characters, except where a format
//! defines its own unit (UTF-16 code units for SARIF, bytes for reviewdog).

mod claimreview;
mod github;
mod html;
mod lines;
mod rdjsonl;
mod record;
mod sarif;
mod spare;
mod text;

use std::borrow::Cow;
use std::io::{self, Write};

use claimcheck_core::{Assessment, Claim, Span, Suggestion, Verdict};
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
    /// One HTML page for the whole run; for `verify` only.
    Html,
    /// SARIF 2.1.0: one result per verdict.
    Sarif,
    /// GitHub Actions workflow commands: an annotation per finding.
    Github,
    /// reviewdog's Diagnostic JSON Lines: a diagnostic per finding.
    Rdjsonl,
    /// schema.org `ClaimReview` in JSON-LD: a review per verdict.
    ClaimReview,
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
    marks: html::Marks,
}

impl Rendered {
    /// The piece, counting `count` figures that comments set aside.
    #[must_use]
    pub fn ignoring(mut self, count: usize) -> Rendered {
        self.summary.ignored += count;
        self
    }
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
        if self.reports_verdicts_only() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "this format reports verdicts, which figures alone have not",
            ));
        }
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

    /// Renders the verdicts of a piece of a document. `covers` is the part
    /// of the document the piece shows, its claims' text among the rest
    /// (the pieces of a document cover it once, in order); only the HTML
    /// page shows text besides the figures.
    ///
    /// # Errors
    /// When a record cannot be serialized, which only an I/O failure causes.
    pub fn assessments(
        self,
        document: Document<'_>,
        covers: Span,
        assessments: &[Assessment<'_>],
        starts_file: bool,
    ) -> io::Result<Rendered> {
        let claims = assessments.iter().map(|assessment| &assessment.claim);
        let mut rendered = Rendered::starting(starts_file, room_for(claims));
        if self == Format::Html {
            rendered.bytes.reserve(covers.len());
            for assessment in assessments {
                rendered.summary.count(assessment.verdict);
            }
            html::piece(
                &mut rendered.bytes,
                &mut rendered.marks,
                document,
                covers,
                assessments,
                starts_file,
            );
            return Ok(rendered);
        }
        let mut csv = self.csv_writer(&mut rendered.bytes);
        for assessment in assessments {
            rendered.summary.count(assessment.verdict);
            let bytes = &mut rendered.bytes;
            match self {
                Format::Text(shown) if !shown.contains(assessment.verdict) => {}
                Format::Text(_) => text::assessment(bytes, document, assessment)?,
                Format::Jsonl | Format::Json | Format::Csv => {
                    rendered.record(&mut csv, &Record::of_assessment(document, assessment))?;
                }
                Format::Sarif => sarif::result(bytes, document, assessment)?,
                Format::Github => github::annotation(bytes, document, assessment)?,
                Format::Rdjsonl => rdjsonl::diagnostic(bytes, document, assessment)?,
                Format::ClaimReview => claimreview::review(bytes, document, assessment)?,
                // A page's piece is its whole text, rendered above.
                Format::Html => {}
            }
        }
        rendered.finish_csv(csv)?;
        Ok(rendered)
    }

    /// Whether the format has a place only for verdicts, so that `extract`
    /// cannot be written in it.
    #[must_use]
    pub fn reports_verdicts_only(self) -> bool {
        match self {
            Format::Text(_) | Format::Jsonl | Format::Json | Format::Csv => false,
            Format::Html
            | Format::Sarif
            | Format::Github
            | Format::Rdjsonl
            | Format::ClaimReview => true,
        }
    }

    /// What a format whose records are the items of one JSON array writes
    /// around them.
    fn envelope(self) -> Option<Envelope> {
        match self {
            Format::Json => Some(Envelope {
                head: Cow::Borrowed("["),
                tail: Cow::Borrowed("]"),
            }),
            Format::Sarif => Some(sarif::envelope()),
            Format::ClaimReview => Some(claimreview::envelope()),
            Format::Text(_)
            | Format::Jsonl
            | Format::Csv
            | Format::Html
            | Format::Github
            | Format::Rdjsonl => None,
        }
    }

    /// For CSV, a writer into `bytes`, which it takes until
    /// [`Rendered::finish_csv`].
    fn csv_writer(self, bytes: &mut Vec<u8>) -> Option<csv::Writer<Vec<u8>>> {
        (self == Format::Csv).then(|| csv::Writer::from_writer(std::mem::take(bytes)))
    }
}

/// What a report writes before its first record and after its last, when
/// its records are the items of one JSON array; the records are written
/// one a line, with commas between them.
#[derive(Debug)]
struct Envelope {
    /// Up to and including the array's `[`.
    head: Cow<'static, str>,
    /// From the array's `]` on.
    tail: Cow<'static, str>,
}

/// A verdict a reviewer has to act on, and how urgently: what the review
/// formats (annotations, review comments) are made of. Supported and
/// unverified claims ask nothing of a reviewer of a change and are left
/// out of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Finding {
    /// The figure is wrong, or another article's is.
    Error,
    /// The reference cannot tell which of its facts applies.
    Warning,
}

impl Finding {
    fn of(verdict: Verdict) -> Option<Finding> {
        match verdict {
            Verdict::Contradicted | Verdict::Inconsistent => Some(Finding::Error),
            Verdict::Ambiguous => Some(Finding::Warning),
            Verdict::Supported | Verdict::Unverified => None,
        }
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
            marks: html::Marks::default(),
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
    /// Figures that `claimcheck: ignore` comments set aside, counted so
    /// that no figure goes unmentioned.
    pub ignored: usize,
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
        self.ignored += other.ignored;
    }

    /// "; 2 figures ignored by comments", when there were any.
    fn ignored_note(&self) -> String {
        if self.ignored == 0 {
            String::new()
        } else {
            format!("; {} ignored by comments", plural(self.ignored, "figure"))
        }
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
        line.push_str(&self.ignored_note());
        line
    }

    /// The end of a text report of verdicts, with styles: the line of
    /// counts, the verdicts not `shown` and how to list them, and the
    /// problems and notes of the `run`, one a line.
    #[must_use]
    pub fn closing(&self, document: &str, shown: Shown, run: Run<'_>) -> String {
        text::closing(self, document, shown, run)
    }

    /// The end of a text listing of figures: the line of
    /// [`Summary::mentions_line`], and the problems and notes of the `run`.
    #[must_use]
    pub fn listing_closing(&self, document: &str, run: Run<'_>) -> String {
        self.mentions_line(document) + &text::trailer(run)
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
            "{}, {}{}",
            plural(self.files, document),
            plural(self.mentions, "figure"),
            self.ignored_note()
        )
    }
}

/// What went wrong in a run and what had to be done to read its inputs,
/// each as reported when found, for the end of a text report.
#[derive(Clone, Copy, Debug, Default)]
pub struct Run<'a> {
    /// Unreadable inputs, invalid rows of the reference.
    pub problems: &'a [String],
    /// Files skipped as binary, bytes that were not text.
    pub notes: &'a [String],
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
    envelope: Option<Envelope>,
    out: W,
    summary: Summary,
    /// Whether a record has been written: a JSON array needs commas from
    /// then on, and a CSV its header only once.
    wrote_record: bool,
    /// The HTML page, kept until the end: its summary and list come first.
    page: html::Page,
}

impl<W: Write> Report<W> {
    pub fn new(format: Format, out: W) -> Report<W> {
        Report {
            format,
            envelope: format.envelope(),
            out,
            summary: Summary::default(),
            wrote_record: false,
            page: html::Page::default(),
        }
    }

    /// Names the reference CSV in the HTML page's summary.
    #[must_use]
    pub fn with_reference(mut self, reference: &str) -> Report<W> {
        self.page.name_reference(reference);
        self
    }

    /// Writes the next piece.
    ///
    /// # Errors
    /// When the writer fails.
    pub fn write(&mut self, rendered: Rendered) -> io::Result<()> {
        let Rendered {
            bytes,
            summary,
            marks,
        } = rendered;
        self.summary.add(summary);
        if self.format == Format::Html {
            self.page.add(&bytes, marks);
        } else {
            self.write_bytes(&bytes)?;
        }
        spare::give_back(bytes);
        Ok(())
    }

    fn write_bytes(&mut self, bytes: &[u8]) -> io::Result<()> {
        if bytes.is_empty() {
            return Ok(());
        }
        if let Some(envelope) = &self.envelope {
            for line in bytes
                .split(|byte| *byte == b'\n')
                .filter(|line| !line.is_empty())
            {
                if self.wrote_record {
                    self.out.write_all(b",\n")?;
                } else {
                    self.out.write_all(envelope.head.as_bytes())?;
                    self.out.write_all(b"\n")?;
                }
                self.out.write_all(line)?;
                self.wrote_record = true;
            }
            return Ok(());
        }
        match self.format {
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
            _ => self.out.write_all(bytes)?,
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
        if self.format == Format::Html {
            for assessment in assessments {
                self.summary.count(assessment.verdict);
            }
            self.page.inconsistencies(document, assessments);
            return Ok(());
        }
        let rendered = self
            .format
            .assessments(document, Span::default(), assessments, false)?;
        self.write(rendered)
    }

    /// Ends the report and returns what it counted. The text format closes
    /// with `summary_line`, and the HTML page, written only now, opens
    /// with it; the machine formats keep their output pure and leave the
    /// summary to the caller.
    ///
    /// # Errors
    /// When the writer fails.
    pub fn finish(mut self, summary_line: impl Fn(&Summary) -> String) -> io::Result<Summary> {
        if let Some(envelope) = &self.envelope {
            if self.wrote_record {
                self.out.write_all(b"\n")?;
            } else {
                self.out.write_all(envelope.head.as_bytes())?;
            }
            self.out.write_all(envelope.tail.as_bytes())?;
            self.out.write_all(b"\n")?;
        } else if matches!(self.format, Format::Text(_)) {
            writeln!(self.out, "{}", summary_line(&self.summary))?;
        } else if self.format == Format::Html {
            let line = summary_line(&self.summary);
            self.page.finish(&mut self.out, &self.summary, &line)?;
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
    mut writer: impl Write,
    suggestions: &[Suggestion],
    columns: &[String],
    header: bool,
) -> io::Result<()> {
    // Rows are written to memory first: the csv writer would turn a
    // closed pipe into an error of another kind, which the caller could no
    // longer tell from a failure.
    let mut csv = csv::Writer::from_writer(Vec::new());
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
    let rows = csv.into_inner().map_err(io::Error::other)?;
    writer.write_all(&rows)?;
    writer.flush()
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
