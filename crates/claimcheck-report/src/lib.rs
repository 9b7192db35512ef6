//! Renders what the pipeline found, one document at a time.
//!
//! A [`Report`] writes to any `io::Write` in one of four [`Format`]s. The
//! text format is for people: `file:line:column`, the verdict, the line of
//! source with a caret under the figure, and the reason. The machine
//! formats (JSON Lines, JSON, CSV) carry one flat record per figure with
//! the same fields, so a column means the same thing in each.
//!
//! Lines and columns (1-based; columns count characters) are computed here
//! from the byte spans of the claims; nothing before this stage needs them.

mod record;
mod text;

use std::io::{self, Write};

use claimcheck_core::{Assessment, Claim, Suggestion, Verdict};

use crate::record::{Lines, Record};

/// How a report is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Jsonl,
    Json,
    Csv,
}

/// One file's text and the name it is reported under.
#[derive(Clone, Copy, Debug)]
pub struct Document<'a> {
    pub path: &'a str,
    pub source: &'a str,
}

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
    /// ambiguous", and the claims found inconsistent across articles, if any.
    #[must_use]
    pub fn verdicts_line(&self) -> String {
        let claims = self.supported + self.contradicted + self.unverified + self.ambiguous;
        let inconsistent = match self.inconsistent {
            0 => String::new(),
            count => format!("; {count} inconsistent across articles"),
        };
        format!(
            "{}, {}: {} supported, {} contradicted, {} unverified, {} ambiguous{inconsistent}",
            plural(self.files, "file"),
            plural(claims, "claim"),
            self.supported,
            self.contradicted,
            self.unverified,
            self.ambiguous
        )
    }

    /// "1 file, 19 figures"
    #[must_use]
    pub fn mentions_line(&self) -> String {
        format!(
            "{}, {}",
            plural(self.files, "file"),
            plural(self.mentions, "figure")
        )
    }
}

/// `file:line:column` of a byte offset in a document.
#[must_use]
pub fn location(document: Document<'_>, offset: usize) -> String {
    let (line, column) = Lines::new(document.source).position(offset);
    format!("{}:{line}:{column}", document.path)
}

/// Writes suggested reference rows as a reference CSV, with the place of
/// each claim in an `x_claim` column.
///
/// # Errors
/// When the writer fails.
pub fn write_suggestions(writer: impl Write, suggestions: &[Suggestion]) -> io::Result<()> {
    let mut csv = csv::Writer::from_writer(writer);
    csv.write_record([
        "id", "value", "low", "high", "unit", "keywords", "subject", "source", "as_of", "x_claim",
    ])?;
    for row in suggestions {
        let keywords = row.keywords.join(";");
        csv.write_record([
            row.id.as_str(),
            &row.value,
            &row.low,
            &row.high,
            &row.unit,
            &keywords,
            &row.subject,
            "",
            "",
            &row.claim,
        ])?;
    }
    csv.flush()
}

fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

/// A report being written.
#[derive(Debug)]
pub struct Report<W: Write> {
    out: Output<W>,
    summary: Summary,
}

#[derive(Debug)]
enum Output<W: Write> {
    Text(W),
    Jsonl(W),
    /// Whether a record has been written, for the commas between them.
    Json(W, bool),
    Csv(Box<csv::Writer<W>>),
}

impl<W: Write> Report<W> {
    pub fn new(format: Format, writer: W) -> Report<W> {
        let out = match format {
            Format::Text => Output::Text(writer),
            Format::Jsonl => Output::Jsonl(writer),
            Format::Json => Output::Json(writer, false),
            Format::Csv => Output::Csv(Box::new(csv::Writer::from_writer(writer))),
        };
        Report {
            out,
            summary: Summary::default(),
        }
    }

    /// Writes the figures extracted from one document.
    ///
    /// # Errors
    /// When the writer fails.
    pub fn claims(&mut self, document: Document<'_>, claims: &[Claim]) -> io::Result<()> {
        self.summary.files += 1;
        self.summary.mentions += claims.len();
        let lines = Lines::new(document.source);
        for claim in claims {
            match &mut self.out {
                Output::Text(writer) => text::claim(writer, document, &lines, claim)?,
                out => write_record(out, &Record::of_claim(document, &lines, claim))?,
            }
        }
        Ok(())
    }

    /// Writes the verdicts of one document.
    ///
    /// # Errors
    /// When the writer fails.
    pub fn assessments(
        &mut self,
        document: Document<'_>,
        assessments: &[Assessment<'_>],
    ) -> io::Result<()> {
        self.summary.files += 1;
        self.write_assessments(document, assessments)
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
        self.write_assessments(document, assessments)
    }

    fn write_assessments(
        &mut self,
        document: Document<'_>,
        assessments: &[Assessment<'_>],
    ) -> io::Result<()> {
        let lines = Lines::new(document.source);
        for assessment in assessments {
            self.summary.count(assessment.verdict);
            match &mut self.out {
                Output::Text(writer) => text::assessment(writer, document, &lines, assessment)?,
                out => write_record(out, &Record::of_assessment(document, &lines, assessment))?,
            }
        }
        Ok(())
    }

    /// Ends the report and returns what it counted. The text format closes
    /// with `summary_line`; the machine formats keep their output pure and
    /// leave the summary to the caller.
    ///
    /// # Errors
    /// When the writer fails.
    pub fn finish(self, summary_line: impl Fn(&Summary) -> String) -> io::Result<Summary> {
        match self.out {
            Output::Text(mut writer) => {
                writeln!(writer, "{}", summary_line(&self.summary))?;
                writer.flush()?;
            }
            Output::Jsonl(mut writer) => writer.flush()?,
            Output::Json(mut writer, wrote_any) => {
                writer.write_all(if wrote_any { b"\n]\n" } else { b"[]\n" })?;
                writer.flush()?;
            }
            Output::Csv(mut writer) => writer.flush()?,
        }
        Ok(self.summary)
    }
}

fn write_record<W: Write>(out: &mut Output<W>, record: &Record<'_>) -> io::Result<()> {
    match out {
        Output::Text(_) => unreachable!("the text format writes no records"),
        Output::Jsonl(writer) => {
            serde_json::to_writer(&mut *writer, record)?;
            writer.write_all(b"\n")
        }
        Output::Json(writer, wrote_any) => {
            writer.write_all(if *wrote_any { b",\n" } else { b"[\n" })?;
            *wrote_any = true;
            serde_json::to_writer(&mut *writer, record).map_err(io::Error::from)
        }
        Output::Csv(writer) => writer.serialize(record).map_err(io::Error::other),
    }
}
