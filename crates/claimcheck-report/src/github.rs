//! GitHub Actions workflow commands: printed by a step, each becomes an
//! annotation on the line of the figure, in the run and on the pull
//! request's changed files.
//!
//! ```text
//! ::error file=a.md,line=57,col=120,endLine=57,endColumn=126,title=contradicted%3A "Oct. 3"::reference: 2022-10-02 (…)
//! ```

use std::io::{self, Write};

use claimcheck_core::Assessment;

use crate::lines::Columns;
use crate::{Document, Finding};

/// The annotation of a contradicted, inconsistent (`error`) or ambiguous
/// (`warning`) claim; nothing for the others.
pub(crate) fn annotation(
    out: &mut impl Write,
    document: Document<'_>,
    assessment: &Assessment<'_>,
) -> io::Result<()> {
    let Some(finding) = Finding::of(assessment.verdict) else {
        return Ok(());
    };
    let command = match finding {
        Finding::Error => "error",
        Finding::Warning => "warning",
    };
    let span = assessment.claim.span;
    let region = document
        .lines
        .region(document.source, span, Columns::Characters);
    let title = format!(
        "{}: \"{}\"",
        assessment.verdict.as_str(),
        span.of(document.source)
    );
    write!(
        out,
        "::{command} file={},line={}",
        escape_property(document.path),
        region.start_line
    )?;
    // GitHub drops an annotation whose columns span lines.
    if region.start_line == region.end_line {
        write!(out, ",col={}", region.start_column)?;
    }
    write!(out, ",endLine={}", region.end_line)?;
    if region.start_line == region.end_line {
        write!(out, ",endColumn={}", region.end_column)?;
    }
    writeln!(
        out,
        ",title={}::{}",
        escape_property(&title),
        escape_data(&assessment.reason)
    )
}

/// A command's message, escaped as GitHub's toolkit does, so that a line
/// break cannot end the command and `%` cannot be read as an escape.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property's value: the message's escapes, and the `:` and `,` that
/// end a value.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::{escape_data, escape_property};

    #[test]
    fn messages_escape_percent_signs_and_line_breaks() {
        let cases = [
            ("plain words", "plain words"),
            ("12% of 2,000: more", "12%25 of 2,000: more"),
            ("two\r\nlines\n", "two%0D%0Alines%0A"),
            ("%0A as written", "%250A as written"),
        ];
        for (text, escaped) in cases {
            assert_eq!(escape_data(text), escaped, "{text:?}");
        }
    }

    #[test]
    fn properties_also_escape_colons_and_commas() {
        let cases = [
            ("a.md", "a.md"),
            ("contradicted: \"2,000\"", "contradicted%3A \"2%2C000\""),
            ("50%,\n", "50%25%2C%0A"),
        ];
        for (text, escaped) in cases {
            assert_eq!(escape_property(text), escaped, "{text:?}");
        }
    }
}
