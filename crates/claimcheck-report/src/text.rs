//! The text format, for people.
//!
//! Pieces are rendered with styles on any thread, always; whoever writes
//! the report to a terminal, a pipe or a file decides whether the styles
//! stay (anstream strips them where they would be noise).

use std::fmt::Write as _;
use std::io::{self, Write};

use annotate_snippets::renderer::{
    DEFAULT_ERROR_STYLE, DEFAULT_INFO_STYLE, DEFAULT_NOTE_STYLE, DEFAULT_WARNING_STYLE,
};
use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
use anstyle::{AnsiColor, Effects, Style};
use claimcheck_core::{Assessment, Claim, Fact, NounRole, Role, Verdict, display};

use crate::{COUNTED, Document, Run, Shown, Summary, plural};

/// How wide a block is drawn: a longer line of source is cut around the
/// figure, so that a paragraph written on one line still shows where the
/// figure stands. The underline has no label, which would take room from
/// the words around the figure.
const WIDTH: usize = 100;

const RENDERER: Renderer = Renderer::styled().term_width(WIDTH);

const PLACE: Style = Style::new().effects(Effects::BOLD);
const KIND: Style = AnsiColor::Cyan.on_default();
const HINT: Style = Style::new().effects(Effects::DIMMED);

/// `path:line:column: kind "text" = reading`
pub(crate) fn claim(out: &mut impl Write, document: Document<'_>, claim: &Claim) -> io::Result<()> {
    let (line, column) = document.lines.position(document.source, claim.span.start);
    let noun = match &claim.noun {
        Some(noun) if noun.role == NounRole::Modified => format!(", describes \"{}\"", noun.word),
        _ => String::new(),
    };
    let context = match claim.role {
        Role::Claim => "",
        Role::Context => " (context)",
        Role::Forecast { .. } => " (forecast)",
        Role::Denied { .. } => " (denied)",
        Role::Dateline => " (dateline)",
    };
    writeln!(
        out,
        "{PLACE}{}:{line}:{column}{PLACE:#}: {KIND}{}{KIND:#} \"{}\" = {}{noun}{context}",
        document.path,
        claim.quantity.kind.as_str(),
        claim.span.of(document.source),
        display::Reading(&claim.quantity),
    )
}

/// A verdict as a linter's diagnostic: the verdict (with the fact's id),
/// the figure and what it was read as, its place, its line with the
/// figure underlined, the reason, and the fact it was held against (or
/// the facts that tied):
///
/// ```text
/// contradicted[bridges-rebuilding]: "18 months" = 17.5–18.5 months (532.656–563.094 days)
///  --> data/fixtures/every-verdict.md:7:29
///   |
/// 7 | Rebuilding the bridges took 18 months, engineers said.
///   |                             ^^^^^^^^^
///   |
///   = reason: reference: 2 years (bridges-rebuilding, …); "18 months" is …
///   = fact: bridges-rebuilding — Time needed to rebuild the two river bridges
///           2 years, as of 2024-05-10, source https://example.org/engineers
/// ```
pub(crate) fn assessment(
    out: &mut impl Write,
    document: Document<'_>,
    assessment: &Assessment<'_>,
) -> io::Result<()> {
    let span = assessment.claim.span;
    let (line, _) = document.lines.position(document.source, span.start);
    // Only the lines the figure is on, so that a block costs the same
    // whatever the size of the document.
    let lines = document.lines.around(document.source, span);
    // A figure broken across lines ("October\n5") is quoted on one.
    let figure: Vec<&str> = span.of(document.source).split_whitespace().collect();
    let title = format!(
        "\"{}\" = {}",
        figure.join(" "),
        display::Reading(&assessment.claim.quantity)
    );
    let mut title = level(assessment.verdict).primary_title(title);
    if let Some(fact) = assessment.fact {
        title = title.id(fact.id.as_str());
    }
    let snippet = Snippet::source(&document.source[lines.clone()])
        .line_start(line)
        .path(document.path)
        .annotation(
            AnnotationKind::Primary
                .span(span.start - lines.start..span.end.min(lines.end) - lines.start),
        );
    let facts = assessment.fact.iter().map(|fact| ("fact", *fact));
    let candidates = assessment
        .candidates
        .iter()
        .map(|fact| ("candidate", *fact));
    let group = title
        .element(snippet)
        .element(note("reason").message(assessment.reason.as_str()))
        .elements(
            facts
                .chain(candidates)
                .map(|(name, fact)| note(name).message(about(fact))),
        );
    writeln!(out, "{}\n", RENDERER.render(&[group]))
}

/// How much a verdict asks of a reader, as a linter's levels say it, under
/// the verdict's name.
fn level(verdict: Verdict) -> Level<'static> {
    let level = match verdict {
        Verdict::Contradicted | Verdict::Inconsistent => Level::ERROR,
        Verdict::Ambiguous => Level::WARNING,
        Verdict::Unverified => Level::INFO,
        Verdict::Supported => Level::NOTE,
    };
    level.with_name(verdict.as_str())
}

/// The style of a verdict's name, the same in a block and in the summary.
fn style(verdict: Verdict) -> Style {
    match verdict {
        Verdict::Contradicted | Verdict::Inconsistent => DEFAULT_ERROR_STYLE,
        Verdict::Ambiguous => DEFAULT_WARNING_STYLE,
        Verdict::Unverified => DEFAULT_INFO_STYLE,
        Verdict::Supported => DEFAULT_NOTE_STYLE,
    }
}

fn note(name: &'static str) -> Level<'static> {
    Level::NOTE.with_name(name)
}

/// A fact for a reader: its id and subject, then its figure, when it was
/// current and where it comes from.
fn about(fact: &Fact) -> String {
    let mut about = fact.id.clone();
    if let Some(subject) = &fact.subject {
        let _ = write!(about, " — {subject}");
    }
    let _ = write!(about, "\n{}", display::FactFigure(fact));
    if let Some(as_of) = &fact.as_of {
        let _ = write!(about, ", as of {as_of}");
    }
    if let Some(source) = &fact.source {
        let _ = write!(about, ", source {source}");
    }
    about
}

/// The end of a text report of verdicts: the count of each, what was left
/// out and how to list it, and the problems of the run (each already
/// reported on standard error as it was found, and repeated here, where
/// it does not scroll away):
///
/// ```text
/// 1 file, 6 claims: 2 supported, 1 contradicted, 2 unverified, 1 ambiguous
/// not shown: 2 supported, 2 unverified; list them with --show supported,unverified
/// 1 problem:
///   data/reference.csv:3: column `value`: `two` is not a number
/// ```
pub(crate) fn closing(summary: &Summary, document: &str, shown: Shown, run: Run<'_>) -> String {
    let mut closing = summary.counts(document, counted_as);
    let hidden: Vec<Verdict> = COUNTED
        .into_iter()
        .filter(|verdict| !shown.contains(*verdict) && summary.of(*verdict) > 0)
        .collect();
    if !hidden.is_empty() {
        let counts: Vec<String> = hidden
            .iter()
            .map(|verdict| format!("{} {}", summary.of(*verdict), verdict.as_str()))
            .collect();
        let names: Vec<&str> = hidden.iter().map(|verdict| verdict.as_str()).collect();
        let _ = write!(
            closing,
            "\n{HINT}not shown: {}; list them with --show {}{HINT:#}",
            counts.join(", "),
            names.join(",")
        );
    }
    closing.push_str(&trailer(run));
    closing
}

/// The problems and notes of a run, each on a line under its count, for
/// the end of a text report.
pub(crate) fn trailer(run: Run<'_>) -> String {
    let mut trailer = String::new();
    for (lines, kind, style) in [
        (run.problems, "problem", DEFAULT_ERROR_STYLE),
        (run.notes, "note", DEFAULT_NOTE_STYLE),
    ] {
        if lines.is_empty() {
            continue;
        }
        let _ = write!(trailer, "\n{style}{}{style:#}:", plural(lines.len(), kind));
        for line in lines {
            let _ = write!(trailer, "\n  {line}");
        }
    }
    trailer
}

/// "1 contradicted", in the verdict's style when there are any.
fn counted_as(count: usize, verdict: Verdict) -> String {
    if count == 0 {
        format!("0 {}", verdict.as_str())
    } else {
        let style = style(verdict);
        format!("{style}{count} {}{style:#}", verdict.as_str())
    }
}
