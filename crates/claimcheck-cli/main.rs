//! The `claimcheck` command: reads articles, runs them through the stages
//! and reports. This is the only place that touches files, threads, the
//! terminal and exit statuses.

// The binary is where output goes to the terminal.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod inputs;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use claimcheck_check::FactIndex;
use claimcheck_core::Fact;
use claimcheck_report::{Document, Format, Report, Summary};
use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use crate::inputs::Input;

/// Checks the numbers in prose against a reference CSV of verified figures.
///
/// claimcheck finds every figure in articles (Markdown or plain text),
/// reads what each one asserts (value, the interval its qualifier and
/// rounding allow, what it counts, when), and checks it against the facts
/// of a reference CSV. Each claim is supported, contradicted, unverified or
/// ambiguous, with the reason and the source.
///
/// Exit status: 0 when nothing is contradicted, 1 when a claim is
/// contradicted, 2 when the run could not be done (unreadable file, invalid
/// reference CSV, bad arguments). Files that can be read are still checked
/// and reported before exiting 2.
#[derive(Debug, Parser)]
#[command(name = "claimcheck", version, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,

    /// Threads to check files on [default: one per core]. Output is the same
    /// whatever the number.
    #[arg(long, global = true, value_name = "N")]
    threads: Option<usize>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Lists every figure in the articles as read: value, interval,
    /// qualifier, unit, kind and sentence.
    Extract {
        /// Files or folders to read (folders are searched for .md and .txt
        /// files, in sorted order); `-` reads standard input as Markdown.
        #[arg(value_name = "PATH", default_value = "data/articles")]
        paths: Vec<PathBuf>,

        /// How the report is written.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Checks every claim in the articles against the reference CSV, and
    /// exits 1 when one is contradicted.
    Verify {
        /// The reference CSV of verified figures.
        #[arg(long, value_name = "CSV", default_value = "data/reference.csv")]
        reference: PathBuf,

        /// Files or folders to check (folders are searched for .md and .txt
        /// files, in sorted order); `-` reads standard input as Markdown.
        #[arg(value_name = "PATH", default_value = "data/articles")]
        paths: Vec<PathBuf>,

        /// How the report is written.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum OutputFormat {
    /// For people: one entry per figure with its place, then a summary.
    Text,
    /// One JSON object per figure, one per line.
    Jsonl,
    /// One JSON array of the same objects.
    Json,
    /// One CSV row per figure, with a header row.
    Csv,
}

impl From<OutputFormat> for Format {
    fn from(format: OutputFormat) -> Format {
        match format {
            OutputFormat::Text => Format::Text,
            OutputFormat::Jsonl => Format::Jsonl,
            OutputFormat::Json => Format::Json,
            OutputFormat::Csv => Format::Csv,
        }
    }
}

/// How a run ended, before it becomes an exit status.
#[derive(Debug, Default)]
struct Outcome {
    problems: usize,
    contradicted: usize,
}

impl Outcome {
    fn exit_code(&self) -> ExitCode {
        if self.problems > 0 {
            ExitCode::from(2)
        } else if self.contradicted > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(threads) = cli.threads {
        if let Err(error) = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build_global()
        {
            eprintln!("claimcheck: cannot start {threads} threads: {error}");
            return ExitCode::from(2);
        }
    }
    let result = match cli.command {
        Command::Extract { paths, format } => extract(&paths, format.into()),
        Command::Verify {
            reference,
            paths,
            format,
        } => verify(&reference, &paths, format.into()),
    };
    match result {
        Ok(outcome) => outcome.exit_code(),
        Err(error) => {
            // A closed pipe (`claimcheck … | head`) is the reader's choice, not a failure.
            if error
                .downcast_ref::<io::Error>()
                .is_some_and(|error| error.kind() == io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("claimcheck: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn extract(paths: &[PathBuf], format: Format) -> anyhow::Result<Outcome> {
    let mut outcome = Outcome::default();
    let mut report = Report::new(format, io::stdout().lock());
    for_each_document(
        paths,
        &mut outcome,
        |document| Ok(read_claims(document).1),
        |document, claims| report.claims(document, &claims),
    )?;
    let summary = report.finish(Summary::mentions_line)?;
    if format != Format::Text {
        eprintln!("{}", summary.mentions_line());
    }
    Ok(outcome)
}

fn verify(reference: &Path, paths: &[PathBuf], format: Format) -> anyhow::Result<Outcome> {
    let mut outcome = Outcome::default();
    let facts = load_reference(reference, &mut outcome)?;
    let index = FactIndex::new(&facts);
    let mut report = Report::new(format, io::stdout().lock());
    for_each_document(
        paths,
        &mut outcome,
        |document| {
            let (date, claims) = read_claims(document);
            Ok(claimcheck_check::check(
                document.source,
                claims,
                date,
                &index,
            ))
        },
        |document, assessments| report.assessments(document, &assessments),
    )?;
    let summary = report.finish(Summary::verdicts_line)?;
    if format != Format::Text {
        eprintln!("{}", summary.verdicts_line());
    }
    outcome.contradicted = summary.contradicted;
    Ok(outcome)
}

fn load_reference(path: &Path, outcome: &mut Outcome) -> anyhow::Result<Vec<Fact>> {
    let (facts, problems) = claimcheck_reference::load(path)?;
    for problem in &problems {
        eprintln!("claimcheck: {problem}");
    }
    outcome.problems += problems.len();
    Ok(facts)
}

/// Extracts and normalizes one document.
fn read_claims(
    document: Document<'_>,
) -> (
    Option<claimcheck_core::calendar::Date>,
    Vec<claimcheck_core::Claim>,
) {
    let format = if document.path == inputs::STDIN_NAME {
        claimcheck_extract::Format::Markdown
    } else {
        claimcheck_extract::Format::of_path(Path::new(document.path))
    };
    let extraction = claimcheck_extract::extract(document.source, format);
    let normalized =
        claimcheck_normalize::normalize(extraction.mentions, extraction.declared_date.as_deref());
    (normalized.date.map(|date| date.date), normalized.claims)
}

/// Runs `work` on every document in parallel and hands the results to
/// `render` in input order, a batch at a time, so output is the same for
/// any number of threads and memory stays bounded by the batch.
fn for_each_document<T: Send>(
    paths: &[PathBuf],
    outcome: &mut Outcome,
    work: impl Fn(Document<'_>) -> anyhow::Result<T> + Sync,
    mut render: impl FnMut(Document<'_>, T) -> io::Result<()>,
) -> anyhow::Result<()> {
    let inputs = inputs::collect(paths);
    let batch_size = rayon::current_num_threads() * 16;
    for batch in inputs.chunks(batch_size) {
        let results: Vec<anyhow::Result<(String, String, T)>> = batch
            .par_iter()
            .map(|input| {
                let (name, source) = input.read()?;
                let result = work(Document {
                    path: &name,
                    source: &source,
                })?;
                Ok((name, source, result))
            })
            .collect();
        for result in results {
            match result {
                Ok((name, source, result)) => render(
                    Document {
                        path: &name,
                        source: &source,
                    },
                    result,
                )
                .context("cannot write the report")?,
                Err(error) => {
                    outcome.problems += 1;
                    eprintln!("claimcheck: {error:#}");
                }
            }
        }
        io::stdout().flush().context("cannot write the report")?;
    }
    Ok(())
}

impl Input {
    fn read(&self) -> anyhow::Result<(String, String)> {
        match self {
            Input::Stdin => {
                let mut source = String::new();
                io::Read::read_to_string(&mut io::stdin(), &mut source)
                    .context("<stdin>: cannot read")?;
                Ok((inputs::STDIN_NAME.to_string(), source))
            }
            Input::File(path) => {
                let bytes = std::fs::read(path)
                    .with_context(|| format!("{}: cannot read", path.display()))?;
                let source = String::from_utf8(bytes).map_err(|error| {
                    let offset = error.utf8_error().valid_up_to();
                    anyhow::anyhow!("{}: not valid UTF-8 (byte {offset})", path.display())
                })?;
                Ok((path.display().to_string(), source))
            }
            Input::Missing(path, error) => Err(anyhow::anyhow!("{}: {error}", path.display())),
        }
    }
}
