//! The text format, for people.

use std::io::{self, Write};

use claimcheck_core::{Assessment, Claim, NounRole, Role, Span, display};

use crate::Document;

/// How much of a long line is shown around a figure, in characters.
const EXCERPT_WIDTH: usize = 100;

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
        "{}:{line}:{column}: {} \"{}\" = {}{noun}{context}",
        document.path,
        claim.quantity.kind.as_str(),
        claim.span.of(document.source),
        display::Reading(&claim.quantity),
    )
}

/// A verdict with the source line, a caret under the figure, and the reason:
///
/// ```text
/// data/articles/a.md:51:70: contradicted: "Oct. 3" [geneva-ministers-meeting-2022-10]
///    |
/// 51 | …foreign ministers met on Oct. 3 in Geneva to begin drafting…
///    |                           ^^^^^^
///    = reference: 2022-10-02 (…); "Oct. 3" says 2022-10-03, which the reference rules out
/// ```
pub(crate) fn assessment(
    out: &mut impl Write,
    document: Document<'_>,
    assessment: &Assessment<'_>,
) -> io::Result<()> {
    let span = assessment.claim.span;
    let (line, column) = document.lines.position(document.source, span.start);
    let fact = match (assessment.fact, assessment.candidates.as_slice()) {
        (Some(fact), _) => format!(" [{}]", fact.id),
        (None, []) => String::new(),
        (None, candidates) => format!(
            " [{}]",
            candidates
                .iter()
                .map(|fact| fact.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    writeln!(
        out,
        "{}:{line}:{column}: {}: \"{}\"{fact}",
        document.path,
        assessment.verdict.as_str(),
        span.of(document.source)
    )?;
    let gutter = " ".repeat(line.to_string().len());
    let (excerpt, caret_start, caret_width) = excerpt(
        document.lines.line(document.source, line),
        column - 1,
        caret_width(
            document.source,
            span,
            document.lines.line(document.source, line),
            column,
        ),
    );
    writeln!(out, "{gutter} |")?;
    writeln!(out, "{line} | {excerpt}")?;
    writeln!(
        out,
        "{gutter} | {}{}",
        " ".repeat(caret_start),
        "^".repeat(caret_width.max(1))
    )?;
    writeln!(out, "{gutter} = {}", assessment.reason)?;
    writeln!(out)
}

/// The caret's width in characters, ending at the line's end when the
/// figure runs onto the next line.
fn caret_width(source: &str, span: Span, line_text: &str, column: usize) -> usize {
    let on_line = line_text.chars().count().saturating_sub(column - 1);
    span.of(source)
        .chars()
        .take_while(|c| *c != '\n')
        .count()
        .min(on_line)
}

/// The part of a line to show, and where the caret falls in it.
fn excerpt(line_text: &str, caret_start: usize, caret_width: usize) -> (String, usize, usize) {
    let chars: Vec<char> = line_text.chars().collect();
    if chars.len() <= EXCERPT_WIDTH {
        return (line_text.to_string(), caret_start, caret_width);
    }
    let margin = EXCERPT_WIDTH.saturating_sub(caret_width) / 2;
    let from = caret_start.saturating_sub(margin);
    let to = (from + EXCERPT_WIDTH).min(chars.len());
    let from = to.saturating_sub(EXCERPT_WIDTH).min(from);
    let mut shown = String::new();
    let mut caret = caret_start - from;
    if from > 0 {
        shown.push('…');
        caret += 1;
    }
    shown.extend(&chars[from..to]);
    if to < chars.len() {
        shown.push('…');
    }
    (shown, caret, caret_width)
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn short_lines_are_shown_whole() {
        assert_eq!(
            excerpt("met on Oct. 3 in Geneva", 7, 6),
            ("met on Oct. 3 in Geneva".to_string(), 7, 6)
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_caret() {
        let line = format!("{}TARGET{}", "a".repeat(300), "b".repeat(300));
        let (shown, caret, width) = excerpt(&line, 300, 6);
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert_eq!(
            shown.chars().skip(caret).take(width).collect::<String>(),
            "TARGET"
        );
        assert_eq!(shown.chars().count(), 102);
    }
}
