//! The `claimcheck` command: reads articles, runs them through the stages
//! and reports. This is the only place that touches files, threads, the
//! terminal and exit statuses.

// The binary is where output goes to the terminal.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod inputs;
mod pipeline;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use claimcheck_check::FactIndex;
use claimcheck_check::cross::CrossCheck;
use claimcheck_report::{Document, Format, LineIndex, Report, Summary};
use clap::{Args, Parser, Subcommand, ValueEnum};

/// Checks the numbers in prose against a reference CSV of verified figures.
///
/// claimcheck finds every figure in articles (Markdown or plain text),
/// reads what each one asserts (value, the interval its qualifier and
/// rounding allow, what it counts, when), and checks it against the facts
/// of a reference CSV. Each claim is supported, contradicted, unverified or
/// ambiguous, with the reason and the source.
///
/// Exit status: 0 when nothing is contradicted, 1 when a claim is
/// contradicted (or, with --cross-check, inconsistent across articles), 2
/// when the run could not be done (unreadable file, invalid reference CSV,
/// bad arguments). Files that can be read are still checked and reported
/// before exiting 2.
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
        #[command(flatten)]
        articles: Articles,

        /// How the report is written.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
    },
    /// Checks every claim in the articles against the reference CSV, and
    /// exits 1 when one is contradicted.
    Verify {
        #[command(flatten)]
        reference: ReferenceFiles,

        #[command(flatten)]
        articles: Articles,

        /// How the report is written.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,

        /// Also compare claims across articles: two claims holding the same
        /// fact, or counting the same thing in sentences that share topic
        /// words, that cannot both be right are `inconsistent` (exit 1),
        /// even when no reference value exists. Keeps every article in
        /// memory until the end.
        #[arg(long)]
        cross_check: bool,
    },
    /// Proposes reference rows for every claim no fact covers, as a
    /// reference CSV on standard output: value prefilled, keywords from the
    /// sentence's most specific words, source left for you.
    Suggest {
        #[command(flatten)]
        reference: ReferenceFiles,

        #[command(flatten)]
        articles: Articles,
    },
    /// Works with the reference CSV on its own.
    Reference {
        #[command(subcommand)]
        action: ReferenceAction,
    },
}

#[derive(Debug, Subcommand)]
enum ReferenceAction {
    /// Validates the reference CSV and lists every problem, with its line
    /// and column; exits 2 when there is one.
    Check {
        /// The reference CSV to check.
        #[arg(value_name = "CSV", default_value = "data/reference.csv")]
        csv: PathBuf,
    },
}

/// The articles a command reads.
#[derive(Debug, Args)]
struct Articles {
    /// Files or folders to read (folders are searched for .md and .txt
    /// files, in sorted order); `-` reads standard input as Markdown.
    #[arg(value_name = "PATH", default_value = "data/articles")]
    paths: Vec<PathBuf>,
}

/// The files that say what is true.
#[derive(Debug, Args)]
struct ReferenceFiles {
    /// The reference CSV of verified figures.
    #[arg(long, value_name = "CSV", default_value = "data/reference.csv")]
    reference: PathBuf,

    /// A CSV of nouns that count the same thing (columns `noun`,
    /// `synonyms`), added to the built-in groups (deaths = killed, dead,
    /// lives, fatalities; troops = soldiers, servicemen; …) [default:
    /// data/synonyms.csv, when it exists].
    #[arg(long, value_name = "CSV")]
    synonyms: Option<PathBuf>,
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
        Command::Extract { articles, format } => extract(&articles.paths, format.into()),
        Command::Verify {
            reference,
            articles,
            format,
            cross_check,
        } => verify(&reference, &articles.paths, format.into(), cross_check),
        Command::Suggest {
            reference,
            articles,
        } => suggest(&reference, &articles.paths),
        Command::Reference {
            action: ReferenceAction::Check { csv },
        } => check_reference(&csv),
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
    pipeline::run(
        paths,
        &mut outcome,
        |piece| Ok(format.claims(piece.loaded.document(), &piece.claims(), piece.first)?),
        |_, rendered| report.write(rendered),
    )?;
    let summary = report.finish(Summary::mentions_line)?;
    if format != Format::Text {
        eprintln!("{}", summary.mentions_line());
    }
    Ok(outcome)
}

fn verify(
    files: &ReferenceFiles,
    paths: &[PathBuf],
    format: Format,
    cross_check: bool,
) -> anyhow::Result<Outcome> {
    let mut outcome = Outcome::default();
    let facts = pipeline::load_reference(&files.reference, &mut outcome)?;
    let synonyms = pipeline::load_synonyms(files.synonyms.as_deref(), &mut outcome)?;
    let index = FactIndex::new(&facts, synonyms);
    let mut report = Report::new(format, io::stdout().lock());
    let mut cross = cross_check.then(|| CrossCheck::new(&index));
    // With --cross-check, what it takes to show the articles again at the end.
    let mut documents: Vec<(String, String, LineIndex)> = Vec::new();
    pipeline::run(
        paths,
        &mut outcome,
        |piece| {
            let document = piece.loaded.document();
            let assessments =
                claimcheck_check::check(document.source, piece.claims(), piece.date(), &index);
            let rendered = format.assessments(document, &assessments, piece.first)?;
            Ok((rendered, cross_check.then_some(assessments)))
        },
        |piece, (rendered, assessments)| {
            report.write(rendered)?;
            if let (Some(cross), Some(assessments)) = (&mut cross, assessments) {
                let document = piece.loaded.document();
                if piece.first {
                    documents.push((
                        document.path.to_string(),
                        document.source.to_string(),
                        document.lines.clone(),
                    ));
                }
                let location = |offset| claimcheck_report::location(document, offset);
                cross.add(documents.len() - 1, document.source, &assessments, location);
            }
            Ok(())
        },
    )?;
    if let Some(cross) = cross {
        let found = cross.inconsistencies();
        for (position, (path, source, lines)) in documents.iter().enumerate() {
            let here: Vec<_> = found
                .iter()
                .filter(|(document, _)| *document == position)
                .map(|(_, assessment)| assessment.clone())
                .collect();
            if !here.is_empty() {
                report.inconsistencies(
                    Document {
                        path,
                        source,
                        lines,
                    },
                    &here,
                )?;
            }
        }
    }
    let summary = report.finish(Summary::verdicts_line)?;
    if format != Format::Text {
        eprintln!("{}", summary.verdicts_line());
    }
    outcome.contradicted = summary.contradicted + summary.inconsistent;
    Ok(outcome)
}

fn suggest(files: &ReferenceFiles, paths: &[PathBuf]) -> anyhow::Result<Outcome> {
    let mut outcome = Outcome::default();
    let facts = pipeline::load_reference(&files.reference, &mut outcome)?;
    let synonyms = pipeline::load_synonyms(files.synonyms.as_deref(), &mut outcome)?;
    let index = FactIndex::new(&facts, synonyms);
    let mut drafts = Vec::new();
    pipeline::run(
        paths,
        &mut outcome,
        |piece| {
            let document = piece.loaded.document();
            let assessments =
                claimcheck_check::check(document.source, piece.claims(), piece.date(), &index);
            let location = |offset| claimcheck_report::location(document, offset);
            Ok(claimcheck_check::suggest::drafts(
                document.source,
                &assessments,
                location,
            ))
        },
        |_, piece_drafts| {
            drafts.extend(piece_drafts);
            Ok(())
        },
    )?;
    let suggestions = claimcheck_check::suggest::suggestions(drafts);
    claimcheck_report::write_suggestions(io::stdout().lock(), &suggestions)?;
    eprintln!(
        "{} suggested",
        if suggestions.len() == 1 {
            "1 row".to_string()
        } else {
            format!("{} rows", suggestions.len())
        }
    );
    Ok(outcome)
}

/// Lists the problems of a reference CSV on standard output, then a
/// summary; any problem makes the exit status 2.
fn check_reference(path: &Path) -> anyhow::Result<Outcome> {
    let (facts, problems) = claimcheck_reference::load(path)?;
    let mut out = io::stdout().lock();
    for problem in &problems {
        writeln!(out, "{problem}")?;
    }
    let problem_count = match problems.len() {
        0 => "no problems".to_string(),
        1 => "1 problem".to_string(),
        many => format!("{many} problems"),
    };
    let fact_count = if facts.len() == 1 {
        "1 valid fact".to_string()
    } else {
        format!("{} valid facts", facts.len())
    };
    writeln!(out, "{}: {fact_count}, {problem_count}", path.display())?;
    Ok(Outcome {
        problems: problems.len(),
        contradicted: 0,
    })
}
