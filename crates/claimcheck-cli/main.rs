//! The `claimcheck` command: reads articles, runs them through the stages
//! and reports. This is the only place that touches files, threads, the
//! terminal and exit statuses.

// The binary is where output goes to the terminal.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod config;
mod inputs;
mod pipeline;
mod records;
mod terminal;

use std::cell::RefCell;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use claimcheck_check::FactIndex;
use claimcheck_check::cross::CrossCheck;
use claimcheck_core::Verdict;
use claimcheck_report::{Document, Format, LineIndex, Report, Run, Shown};

use crate::config::Config;
use crate::pipeline::Kept;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::terminal::Color;

/// Checks the numbers in prose against a reference CSV of verified figures.
///
/// claimcheck finds every figure in articles (Markdown or plain text),
/// reads what each one asserts (value, the interval its qualifier and
/// rounding allow, what it counts, when), and checks it against the facts
/// of a reference CSV. Each claim is supported, contradicted, unverified or
/// ambiguous, with the reason and the source.
///
/// Settings come from the nearest claimcheck.toml from the working
/// directory up (`claimcheck init` writes one); options given here take
/// precedence.
///
/// Exit status: 0 when nothing is contradicted, 1 when a claim is
/// contradicted (or, with --cross-check, inconsistent across articles; the
/// verdicts that fail are set by --fail-on or `fail_on`), 2
/// when the run could not be done (unreadable file or record, invalid
/// reference CSV, bad arguments). Files that can be read are still checked
/// and reported before exiting 2. With --exit-zero, findings and unreadable
/// records exit 0, for engines that fail a task on any other status. A
/// closed standard output (`claimcheck verify | head -1`) ends any command
/// at once, quietly, with 0.
#[derive(Debug, Parser)]
#[command(
    name = "claimcheck",
    version,
    max_term_width = 100,
    after_help = "Examples:
  Check the articles claimcheck.toml names against its reference:
    claimcheck verify
  Write a commented claimcheck.toml to start from:
    claimcheck init
  Every figure of one article with its verdict:
    claimcheck verify --show all story.md
  Every figure as read:
    claimcheck extract story.md
  Reference rows for the claims no fact covers:
    claimcheck suggest >> data/reference.csv
  The reference's own problems:
    claimcheck reference check"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,

    /// Threads for extract, verify and suggest, as their own --threads
    /// option [default: one per core].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,

    /// Read settings from this file instead of the nearest claimcheck.toml
    /// from the working directory up.
    #[arg(long, global = true, value_name = "FILE", conflicts_with = "no_config")]
    config: Option<PathBuf>,

    /// Read no claimcheck.toml: only the command line counts.
    #[arg(long, global = true)]
    no_config: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Lists every figure in the articles as read: value, interval,
    /// qualifier, unit, kind and sentence.
    #[command(after_help = "Examples:
  One line per figure:
    claimcheck extract story.md
  One CSV row per figure, for a spreadsheet:
    claimcheck extract --format csv data/articles > figures.csv
  Articles as JSON Lines records, on standard input:
    claimcheck extract --input-format jsonl - < articles.jsonl > figures.jsonl")]
    Extract {
        #[command(flatten)]
        articles: Articles,

        #[command(flatten)]
        output: Output<ExtractFormat>,
    },
    /// Checks every claim in the articles against the reference CSV, and
    /// exits 1 when one is contradicted (or has a verdict --fail-on names).
    ///
    /// The text report shows each contradicted, ambiguous or inconsistent
    /// figure in its line, with the reason and the fact it was held
    /// against, then a summary that counts every verdict and repeats the
    /// reference's problems. The machine formats carry every figure.
    #[command(after_help = "Examples:
  The problems of one article, then the summary:
    claimcheck verify story.md
  Also the figures no fact covers:
    claimcheck verify --show unverified story.md
  Every figure, in colour, in a pager:
    claimcheck verify --show all --color always data/articles | less -R
  Every verdict as JSON Lines, against another reference:
    claimcheck verify --reference facts.csv --format jsonl data/articles > verdicts.jsonl
  Also claims that disagree across articles:
    claimcheck verify --cross-check data/articles")]
    Verify {
        #[command(flatten)]
        reference: ReferenceFiles,

        #[command(flatten)]
        articles: Articles,

        #[command(flatten)]
        output: Output<VerifyFormat>,

        /// The verdicts that make the run exit 1 (comma-separated, or
        /// repeated) [default: `fail_on` of claimcheck.toml, else
        /// contradicted,inconsistent].
        #[arg(long, value_enum, value_delimiter = ',', value_name = "VERDICTS")]
        fail_on: Vec<FailOn>,

        /// Also list the figures with these verdicts in the text report,
        /// which shows only contradicted, ambiguous and inconsistent ones
        /// and counts the rest (comma-separated, or repeated; `all` for
        /// every figure). The machine formats always carry every figure.
        #[arg(long, value_enum, value_delimiter = ',', value_name = "VERDICTS")]
        show: Vec<ShownVerdict>,

        /// Also compare claims across articles: two claims holding the same
        /// fact, or counting the same thing in sentences that share topic
        /// words, that cannot both be right are `inconsistent` (exit 1),
        /// even when no reference value exists. Keeps every article in
        /// memory until the end.
        #[arg(long)]
        cross_check: bool,
    },
    /// Proposes reference rows for every claim no fact covers, on standard
    /// output: value prefilled (a qualified figure as bounds), keywords
    /// from the words of the figure's own context, source left for you.
    ///
    /// The rows come in the columns of the reference CSV, with no header,
    /// so that `claimcheck suggest >> data/reference.csv` adds them; when
    /// the reference does not exist yet, a header row starts a new one.
    #[command(after_help = "Examples:
  Rows to append to the reference:
    claimcheck suggest story.md >> data/reference.csv
  With each claim's place, for a reference with an x_claim column:
    claimcheck suggest --reference facts.csv --claims data/articles >> facts.csv")]
    Suggest {
        #[command(flatten)]
        reference: ReferenceFiles,

        #[command(flatten)]
        articles: Articles,

        /// Also write where each claim stands (`file:line:column`) in an
        /// `x_claim` column, which the reference must have when it exists.
        #[arg(long)]
        claims: bool,
    },
    /// Works with the reference CSV on its own.
    #[command(after_help = "Examples:
  Problems of the reference claimcheck.toml names, with line and column:
    claimcheck reference check")]
    Reference {
        #[command(subcommand)]
        action: ReferenceAction,
    },
    /// Writes a commented claimcheck.toml in the working directory: where
    /// the reference is, which files are articles, which verdicts fail.
    #[command(after_help = "Examples:
  Start the settings of a repository:
    claimcheck init")]
    Init {
        /// Replace a claimcheck.toml that is already there.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Subcommand)]
enum ReferenceAction {
    /// Validates the reference CSVs and lists every problem, with its line
    /// and column; exits 2 when there is one.
    #[command(after_help = "Examples:
  Problems of the reference claimcheck.toml names, with line and column:
    claimcheck reference check
  Of other references, checked as one (an id may appear in only one):
    claimcheck reference check facts.csv budget.csv")]
    Check {
        /// The reference CSVs to check [default: `reference` of
        /// claimcheck.toml].
        #[arg(value_name = "CSV")]
        csvs: Vec<PathBuf>,
    },
}

/// The articles a command reads, and the threads it reads them on.
#[derive(Debug, Args)]
struct Articles {
    /// Files or folders to read (folders are searched for .md and .txt
    /// files, in sorted order); `-` reads standard input [default: the
    /// files that `[articles]` of claimcheck.toml names].
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// Threads to check files on [default: one per core]. Output is the same
    /// whatever the number.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
}

/// How articles come in and results go out, for extract and verify, each
/// with its own report formats `F`.
#[derive(Debug, Args)]
struct Output<F: ValueEnum + Clone + Send + Sync + 'static> {
    /// How the inputs hold articles (with jsonl, folders are searched for
    /// .jsonl and .ndjson files).
    #[arg(long, value_enum, default_value_t = InputFormat::Files)]
    input_format: InputFormat,

    /// How the report is written [default: text, or `format` of
    /// claimcheck.toml for verify; jsonl with --input-format jsonl, which
    /// writes nothing else].
    #[arg(long, value_enum)]
    format: Option<F>,

    /// Exit 0 even when a claim is contradicted (verify) or an input record
    /// cannot be read (errors of the run still exit 2). For Spark, Hadoop
    /// Streaming and the like, which fail a task on any other status; the
    /// findings and problems are in the output.
    #[arg(long)]
    exit_zero: bool,

    /// When the text format is in colour [default: `color` of
    /// claimcheck.toml, else auto].
    #[arg(long, value_enum, value_name = "WHEN")]
    color: Option<Color>,
}

/// How the inputs hold articles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum InputFormat {
    /// One article per file: Markdown (`.md`, and standard input) or plain
    /// text (`.txt`).
    Files,
    /// JSON Lines, one article per line: `{"id": …, "text": …}` with any
    /// other fields, which are passed through under `record` in every
    /// result. The text is read as Markdown; a result's `line` and
    /// `column` count within it. Results come out as JSON Lines, in input
    /// order, while the input is still being read; a line
    /// that is not such a record is reported on standard error and as an
    /// `{"error": …}` record in its place, and the stream goes on.
    Jsonl,
}

impl<F: ValueEnum + Clone + Copy + Send + Sync + Into<Format> + 'static> Output<F> {
    /// The report format, the `configured` one when none is given, or why
    /// the combination cannot be written.
    fn format(&self, configured: Option<F>) -> anyhow::Result<Format> {
        let format = self
            .format
            .or(configured)
            .map_or(Format::Text(Shown::PROBLEMS), Into::into);
        match (self.input_format, self.format) {
            (InputFormat::Files, _) => Ok(format),
            (InputFormat::Jsonl, None) => Ok(Format::Jsonl),
            (InputFormat::Jsonl, Some(_)) if format == Format::Jsonl => Ok(Format::Jsonl),
            (InputFormat::Jsonl, Some(other)) => Err(anyhow::anyhow!(
                "--input-format jsonl writes JSON Lines only, not --format {}",
                other
                    .to_possible_value()
                    .map_or_else(String::new, |value| value.get_name().to_string())
            )),
        }
    }

    /// What the summary counts documents as.
    fn documents(&self) -> &'static str {
        match self.input_format {
            InputFormat::Files => "file",
            InputFormat::Jsonl => "record",
        }
    }
}

/// The files that say what is true.
#[derive(Debug, Args)]
struct ReferenceFiles {
    /// The reference CSV of verified figures; repeated, their facts are
    /// merged and an id may appear in only one [default: `reference` of
    /// claimcheck.toml].
    #[arg(long, value_name = "CSV")]
    reference: Vec<PathBuf>,

    /// A CSV of nouns that count the same thing (columns `noun`,
    /// `synonyms`), added to the built-in groups (deaths = killed, dead,
    /// lives, fatalities; troops = soldiers, servicemen; …) [default:
    /// `synonyms` of claimcheck.toml].
    #[arg(long, value_name = "CSV")]
    synonyms: Option<PathBuf>,
}

impl ReferenceFiles {
    /// The reference CSVs given, else those of the configuration.
    fn references(&self, config: Option<&Config>) -> anyhow::Result<Vec<PathBuf>> {
        if !self.reference.is_empty() {
            return Ok(self.reference.clone());
        }
        match config {
            Some(config) if !config.references.is_empty() => Ok(config.references.clone()),
            Some(config) => anyhow::bail!(
                "no reference CSV: {} sets no `reference`; add one there, or give --reference facts.csv",
                config.path.display()
            ),
            None => anyhow::bail!(
                "no reference CSV: give --reference facts.csv, or name it as `reference` in a \
                 claimcheck.toml in this folder or one above (`claimcheck init` writes one)"
            ),
        }
    }

    fn synonyms(&self, config: Option<&Config>) -> Option<PathBuf> {
        self.synonyms
            .clone()
            .or_else(|| config.and_then(|config| config.synonyms.clone()))
    }
}

impl Articles {
    /// The paths given, else the files the configuration names.
    fn paths(&self, config: Option<&Config>) -> anyhow::Result<Vec<PathBuf>> {
        if !self.paths.is_empty() {
            return Ok(self.paths.clone());
        }
        if let Some(found) = config.map(Config::articles).transpose()?.flatten() {
            return Ok(found);
        }
        let settings = config.map_or_else(
            || {
                "a claimcheck.toml in this folder or one above (`claimcheck init` writes one)"
                    .to_string()
            },
            |config| config.path.display().to_string(),
        );
        anyhow::bail!(
            "no articles: name files or folders (`claimcheck verify story.md`, `-` for standard \
             input), or list them under [articles] include in {settings}"
        )
    }
}

/// A verdict that can fail a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
enum FailOn {
    Contradicted,
    Inconsistent,
    Ambiguous,
    Unverified,
    Supported,
}

impl FailOn {
    /// What fails a run unless told otherwise: a figure the reference
    /// disproves, or two articles that cannot both be right.
    const DEFAULT: [FailOn; 2] = [FailOn::Contradicted, FailOn::Inconsistent];

    fn verdict(self) -> Verdict {
        match self {
            FailOn::Contradicted => Verdict::Contradicted,
            FailOn::Inconsistent => Verdict::Inconsistent,
            FailOn::Ambiguous => Verdict::Ambiguous,
            FailOn::Unverified => Verdict::Unverified,
            FailOn::Supported => Verdict::Supported,
        }
    }
}

/// Verdicts the text report of verify can list besides its problems.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ShownVerdict {
    Supported,
    Unverified,
    /// Every figure.
    All,
}

/// The verdicts a text report shows in full: its problems and `listed`.
fn shown(listed: &[ShownVerdict]) -> Shown {
    listed
        .iter()
        .fold(Shown::PROBLEMS, |shown, listed| match listed {
            ShownVerdict::Supported => shown.with(Verdict::Supported),
            ShownVerdict::Unverified => shown.with(Verdict::Unverified),
            ShownVerdict::All => Shown::ALL,
        })
}

/// The report formats of `extract`.
#[derive(Clone, Copy, Debug, ValueEnum)]
enum ExtractFormat {
    /// For people: one figure a line, then a summary.
    Text,
    /// One JSON object per figure, one per line.
    Jsonl,
    /// One JSON array of the same objects.
    Json,
    /// One CSV row per figure, with a header row.
    Csv,
}

impl From<ExtractFormat> for Format {
    fn from(format: ExtractFormat) -> Format {
        match format {
            ExtractFormat::Text => Format::Text(Shown::PROBLEMS),
            ExtractFormat::Jsonl => Format::Jsonl,
            ExtractFormat::Json => Format::Json,
            ExtractFormat::Csv => Format::Csv,
        }
    }
}

/// The report formats of `verify`: those of `extract`, and those of the
/// tools that review changes.
#[derive(Clone, Copy, Debug, ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
enum VerifyFormat {
    /// For people: each problem in its line of source, then a summary.
    Text,
    /// One JSON object per claim, one per line.
    Jsonl,
    /// One JSON array of the same objects.
    Json,
    /// One CSV row per claim, with a header row.
    Csv,
    /// One self-contained HTML page for review: a summary, each article's
    /// whole text with its figures marked by verdict, and their details on
    /// hover or focus. Kept in memory until the end.
    Html,
    /// SARIF 2.1.0 for code scanning: a result per claim under the rule of
    /// its verdict (contradicted and inconsistent are errors, ambiguous a
    /// warning, supported a pass, unverified to review).
    Sarif,
    /// GitHub Actions annotations: an error per contradicted or
    /// inconsistent claim, a warning per ambiguous one; supported and
    /// unverified claims are not annotated.
    Github,
    /// reviewdog's Diagnostic JSON Lines: the same findings as github.
    Rdjsonl,
    /// schema.org `ClaimReview` in JSON-LD: a review per claim, rated 1 to 5.
    Claimreview,
}

impl From<VerifyFormat> for Format {
    fn from(format: VerifyFormat) -> Format {
        match format {
            VerifyFormat::Text => Format::Text(Shown::PROBLEMS),
            VerifyFormat::Jsonl => Format::Jsonl,
            VerifyFormat::Json => Format::Json,
            VerifyFormat::Csv => Format::Csv,
            VerifyFormat::Html => Format::Html,
            VerifyFormat::Sarif => Format::Sarif,
            VerifyFormat::Github => Format::Github,
            VerifyFormat::Rdjsonl => Format::Rdjsonl,
            VerifyFormat::Claimreview => Format::ClaimReview,
        }
    }
}

/// How a run ended, before it becomes an exit status.
#[derive(Debug, Default)]
struct Outcome {
    /// Inputs that could not be read, invalid reference and synonyms
    /// rows, each as reported.
    problems: Vec<String>,
    /// What had to be done to read the inputs (files skipped as binary,
    /// bytes that were not text), each as reported; no failure.
    notes: Vec<String>,
    /// JSON Lines records that could not be read.
    unreadable_records: usize,
    /// Claims with a verdict that fails the run.
    failing: usize,
    exit_zero: bool,
}

impl Outcome {
    fn exit_code(&self) -> ExitCode {
        let record_problems = self.unreadable_records > 0 && !self.exit_zero;
        if !self.problems.is_empty() || record_problems {
            ExitCode::from(2)
        } else if self.failing > 0 && !self.exit_zero {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }

    /// "; 2 unreadable records skipped; 1 note above", for what there
    /// was, to end the summary on standard error.
    fn skipped_line(&self) -> String {
        let records = match self.unreadable_records {
            0 => None,
            1 => Some("1 unreadable record skipped".to_string()),
            count => Some(format!("{count} unreadable records skipped")),
        };
        let notes = match self.notes.len() {
            0 => None,
            1 => Some("1 note above".to_string()),
            count => Some(format!("{count} notes above")),
        };
        records
            .into_iter()
            .chain(notes)
            .flat_map(|part| ["; ".to_string(), part])
            .collect()
    }

    fn run(&self) -> Run<'_> {
        Run {
            problems: &self.problems,
            notes: &self.notes,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let articles = match &cli.command {
        Command::Extract { articles, .. }
        | Command::Verify { articles, .. }
        | Command::Suggest { articles, .. } => Some(articles),
        Command::Reference { .. } | Command::Init { .. } => None,
    };
    if let Some(threads) = articles
        .and_then(|articles| articles.threads)
        .or(cli.threads)
    {
        if let Err(error) = rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(threads))
            .build_global()
        {
            eprintln!("claimcheck: cannot start {threads} threads: {error}");
            return ExitCode::from(2);
        }
    }
    match run(cli) {
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

fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let choice = match (cli.config, cli.no_config) {
        // Init writes a file, whatever another one holds.
        _ if matches!(cli.command, Command::Init { .. }) => config::Choice::Ignored,
        (Some(path), _) => config::Choice::File(path),
        (None, true) => config::Choice::Ignored,
        (None, false) => config::Choice::Nearest,
    };
    let config = choice.load()?;
    let config = config.as_ref();
    let color = |given: Option<Color>| {
        given
            .or_else(|| config.and_then(|config| config.color))
            .unwrap_or_default()
    };
    match cli.command {
        Command::Extract { articles, output } => {
            let format = output.format(None)?;
            extract(
                &articles.paths(config)?,
                &output,
                format,
                color(output.color),
            )
        }
        Command::Verify {
            reference,
            articles,
            output,
            fail_on,
            show,
            cross_check,
        } => {
            let format = match output.format(config.and_then(|config| config.format))? {
                Format::Text(_) => Format::Text(shown(&show)),
                machine => machine,
            };
            let fail_on = if fail_on.is_empty() {
                config
                    .and_then(|config| config.fail_on.clone())
                    .unwrap_or(FailOn::DEFAULT.to_vec())
            } else {
                fail_on
            };
            let sources = Sources {
                references: reference.references(config)?,
                synonyms: reference.synonyms(config),
            };
            verify(
                &sources,
                &articles.paths(config)?,
                &output,
                Verifying {
                    format,
                    color: color(output.color),
                    fail_on: &fail_on,
                    cross_check,
                },
            )
        }
        Command::Suggest {
            reference,
            articles,
            claims,
        } => {
            let sources = Sources {
                references: reference.references(config)?,
                synonyms: reference.synonyms(config),
            };
            suggest(&sources, &articles.paths(config)?, claims)
        }
        Command::Reference {
            action: ReferenceAction::Check { csvs },
        } => {
            let files = ReferenceFiles {
                reference: csvs,
                synonyms: None,
            };
            check_reference(&files.references(config)?)
        }
        Command::Init { force } => init(force),
    }
}

/// Writes the starter claimcheck.toml in the working directory.
fn init(force: bool) -> anyhow::Result<Outcome> {
    let path = Path::new(config::FILE_NAME);
    if path.exists() && !force {
        anyhow::bail!(
            "{}: already exists; `claimcheck init --force` replaces it",
            path.display()
        );
    }
    std::fs::write(path, config::STARTER)
        .with_context(|| format!("{}: cannot write", path.display()))?;
    eprintln!(
        "wrote {}: set its `reference` and `[articles] include`, then run `claimcheck verify`",
        path.display()
    );
    Ok(Outcome::default())
}

/// The reference files of a run, resolved.
struct Sources {
    references: Vec<PathBuf>,
    synonyms: Option<PathBuf>,
}

/// How verify reports and when it fails.
#[derive(Clone, Copy)]
struct Verifying<'a> {
    format: Format,
    color: Color,
    fail_on: &'a [FailOn],
    cross_check: bool,
}

fn extract(
    paths: &[PathBuf],
    output: &Output<ExtractFormat>,
    format: Format,
    color: Color,
) -> anyhow::Result<Outcome> {
    let mut outcome = Outcome {
        exit_zero: output.exit_zero,
        ..Outcome::default()
    };
    let report = RefCell::new(Report::new(format, terminal::stdout(format, color)));
    pipeline::run(
        paths,
        output.input_format,
        &mut outcome,
        |piece| {
            let claims = piece.claims();
            let rendered = format.claims(piece.loaded.document(), &claims.figures, piece.first)?;
            Ok(rendered.ignoring(claims.ignored))
        },
        |_, rendered| report.borrow_mut().write(rendered),
        |problem| report.borrow_mut().record_problem(problem),
    )?;
    let documents = output.documents();
    let summary = report
        .into_inner()
        .finish(|summary| summary.listing_closing(documents, outcome.run()))?;
    if !matches!(format, Format::Text(_)) {
        eprintln!(
            "{}{}",
            summary.mentions_line(documents),
            outcome.skipped_line()
        );
    }
    Ok(outcome)
}

fn verify(
    sources: &Sources,
    paths: &[PathBuf],
    output: &Output<VerifyFormat>,
    verifying: Verifying<'_>,
) -> anyhow::Result<Outcome> {
    let Verifying {
        format,
        color,
        fail_on,
        cross_check,
    } = verifying;
    if cross_check && output.input_format == InputFormat::Jsonl {
        anyhow::bail!(
            "--cross-check keeps every article until the end, which a stream of records cannot; check files instead"
        );
    }
    let mut outcome = Outcome {
        exit_zero: output.exit_zero,
        ..Outcome::default()
    };
    let facts = pipeline::load_reference(&sources.references, &mut outcome)?;
    let synonyms = pipeline::load_synonyms(sources.synonyms.as_deref(), &mut outcome)?;
    let index = FactIndex::new(&facts, synonyms);
    let report = Report::new(format, terminal::stdout(format, color))
        .with_reference(&names(&sources.references));
    let report = RefCell::new(report);
    let mut cross = cross_check.then(|| CrossCheck::new(&index));
    // With --cross-check, what it takes to show the articles again at the end.
    let mut documents: Vec<(String, String, LineIndex)> = Vec::new();
    pipeline::run(
        paths,
        output.input_format,
        &mut outcome,
        |piece| {
            let document = piece.loaded.document();
            let Kept {
                figures: assessments,
                ignored,
            } = piece.assessments(&index);
            let rendered = format
                .assessments(document, piece.covers, &assessments, piece.first)?
                .ignoring(ignored);
            Ok((rendered, cross_check.then_some(assessments)))
        },
        |piece, (rendered, assessments)| {
            report.borrow_mut().write(rendered)?;
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
        |problem| report.borrow_mut().record_problem(problem),
    )?;
    let mut report = report.into_inner();
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
                        origin: None,
                    },
                    &here,
                )?;
            }
        }
    }
    let documents = output.documents();
    // The page shows every figure, so it opens with the counts alone, not
    // the terminal's closing, which says what it left out.
    let summary = report.finish(|summary| match format {
        Format::Text(shown) => summary.closing(documents, shown, outcome.run()),
        _ => summary.verdicts_line(documents),
    })?;
    if !matches!(format, Format::Text(_)) {
        eprintln!(
            "{}{}",
            summary.verdicts_line(documents),
            outcome.skipped_line()
        );
    }
    outcome.failing = fail_on
        .iter()
        .map(|verdict| summary.of(verdict.verdict()))
        .sum();
    Ok(outcome)
}

/// Writes rows for the first reference of `sources`, keeping clear of the
/// ids of all of them.
fn suggest(sources: &Sources, paths: &[PathBuf], claims: bool) -> anyhow::Result<Outcome> {
    let mut outcome = Outcome::default();
    let target = sources
        .references
        .first()
        .context("no reference CSV to suggest rows for")?;
    // With no reference yet, the rows start one.
    let existing: Vec<PathBuf> = sources
        .references
        .iter()
        .filter(|reference| reference.exists())
        .cloned()
        .collect();
    let facts = if existing.is_empty() {
        Vec::new()
    } else {
        pipeline::load_reference(&existing, &mut outcome)?
    };
    let shape = if target.exists() {
        let bytes =
            std::fs::read(target).with_context(|| format!("{}: cannot read", target.display()))?;
        claimcheck_reference::shape(&bytes)
    } else {
        None
    };
    let columns = match &shape {
        Some(shape) => {
            let has_claims = shape.columns.iter().any(|column| column == "x_claim");
            if claims && !has_claims {
                anyhow::bail!(
                    "{}: --claims writes an x_claim column, which this reference has not; add `x_claim` to its header",
                    target.display()
                );
            }
            shape.columns.clone()
        }
        None => claimcheck_report::SUGGESTED_COLUMNS
            .iter()
            .map(ToString::to_string)
            .chain(claims.then(|| "x_claim".to_string()))
            .collect(),
    };
    let synonyms = pipeline::load_synonyms(sources.synonyms.as_deref(), &mut outcome)?;
    let index = FactIndex::new(&facts, synonyms);
    let mut drafts = Vec::new();
    pipeline::run(
        paths,
        InputFormat::Files,
        &mut outcome,
        |piece| {
            let document = piece.loaded.document();
            let assessments = piece.assessments(&index).figures;
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
        |_| Ok(()),
    )?;
    let mut taken = shape
        .as_ref()
        .map(|shape| shape.ids.clone())
        .unwrap_or_default();
    taken.extend(facts.iter().map(|fact| fact.id.clone()));
    let suggestions = claimcheck_check::suggest::suggestions(drafts, &taken);
    claimcheck_report::write_suggestions(
        io::stdout().lock(),
        &suggestions,
        &columns,
        shape.is_none(),
    )?;
    let rows = if suggestions.len() == 1 {
        "1 row".to_string()
    } else {
        format!("{} rows", suggestions.len())
    };
    if shape.is_some() {
        eprintln!("{rows} suggested, in the columns of {}", target.display());
    } else {
        eprintln!("{rows} suggested");
    }
    Ok(outcome)
}

/// Lists the problems of reference CSVs, read as one, on standard output,
/// then a summary; any problem makes the exit status 2.
fn check_reference(paths: &[PathBuf]) -> anyhow::Result<Outcome> {
    let (facts, problems) = claimcheck_reference::load_all(paths)?;
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
    writeln!(out, "{}: {fact_count}, {problem_count}", names(paths))?;
    Ok(Outcome {
        problems: problems.iter().map(ToString::to_string).collect(),
        ..Outcome::default()
    })
}

/// The files, as a report names them.
fn names(paths: &[PathBuf]) -> String {
    let names: Vec<String> = paths
        .iter()
        .map(|path| path.display().to_string())
        .collect();
    names.join(", ")
}
