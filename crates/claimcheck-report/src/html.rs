//! The HTML format: one self-contained review page for a whole run.
//!
//! A piece of a document is rendered on any thread into its share of the
//! page: every byte of the document it covers, escaped, with each checked
//! figure marked by its verdict (a colour, an underline style and a
//! symbol) and followed by a note with its reading, the fact it was held
//! against, the source, the date and the reason. The note shows when the
//! figure is hovered, focused or the target of the address, by CSS alone:
//! the page has no script and loads nothing, and its policy forbids it to.
//!
//! The summary and the list of figures by verdict open the page but are
//! known only at the end, so [`Page`] keeps the articles until
//! [`Page::finish`]: the page holds the report in memory. A figure's id
//! names its document by its number in the run, which a piece rendered on
//! a worker thread does not know; the piece notes where the number goes
//! ([`Marks`]) and the page writes it in.

use std::fmt::Write as _;
use std::io::{self, Write};

use claimcheck_core::{Assessment, Fact, Kind, Span, Verdict, display};

use crate::{Document, Summary, location};

/// The verdicts in the order the page lists them: what needs a look first.
const LISTED: [Verdict; 5] = [
    Verdict::Contradicted,
    Verdict::Inconsistent,
    Verdict::Ambiguous,
    Verdict::Unverified,
    Verdict::Supported,
];

/// What a piece leaves for the page besides its bytes.
#[derive(Debug, Default)]
pub(crate) struct Marks {
    /// The path of the document the piece starts, escaped.
    starts: Option<String>,
    /// Offsets into the piece's bytes where its document's number goes.
    numbers: Vec<usize>,
    /// The piece's figures, for the list by verdict.
    figures: Vec<Listed>,
}

/// A figure in the list by verdict.
#[derive(Debug)]
struct Listed {
    verdict: Verdict,
    /// Its id on the page, or for a piece the part after the document's
    /// number.
    anchor: String,
    /// The figure as written, on one line, escaped.
    text: String,
    /// `file:line:column`, escaped.
    place: String,
}

/// How a figure's id is written.
enum Anchor<'m> {
    /// In its document's text: `d`, the document's number (left to the
    /// page), `-` and the figure's first byte.
    InText {
        start: usize,
        numbers: &'m mut Vec<usize>,
    },
    /// In the list of claims inconsistent across articles: `x` and its
    /// place in that list.
    Across(usize),
}

impl Anchor<'_> {
    fn write(&mut self, out: &mut Vec<u8>) {
        match self {
            Anchor::InText { start, numbers } => {
                out.push(b'd');
                numbers.push(out.len());
                let _ = write!(Text(out), "-{start}");
            }
            Anchor::Across(index) => {
                let _ = write!(Text(out), "x{index}");
            }
        }
    }

    /// The id as the list links to it, for a piece without its number.
    fn listed(&self) -> String {
        match self {
            Anchor::InText { start, .. } => format!("-{start}"),
            Anchor::Across(index) => format!("x{index}"),
        }
    }
}

/// Renders the part of a document a piece covers, its figures marked.
/// The pieces of a document cover it once, in order: the first opens the
/// document's section and the one that reaches its end closes it.
pub(crate) fn piece(
    out: &mut Vec<u8>,
    marks: &mut Marks,
    document: Document<'_>,
    covers: Span,
    assessments: &[Assessment<'_>],
    starts_file: bool,
) {
    let source = document.source;
    if starts_file {
        let path = escaped(document.path);
        out.extend_from_slice(b"<section class=\"article\" id=\"d");
        marks.numbers.push(out.len());
        out.extend_from_slice(b"\">\n<h2>");
        out.extend_from_slice(path.as_bytes());
        // The parser drops a line break right after <pre>; this one is
        // dropped so that the document's own first byte is kept.
        out.extend_from_slice(b"</h2>\n<pre class=\"text\">\n");
        marks.starts = Some(path);
    }
    let mut cursor = covers.start;
    for assessment in assessments {
        let span = assessment.claim.span;
        if span.start < covers.start || span.start > covers.end {
            continue;
        }
        // Figures do not overlap; were one to start inside another, it
        // keeps its anchor and the text is still written once.
        let start = span.start.max(cursor);
        let end = span.end.min(covers.end).max(start);
        text(out, &source[cursor..start]);
        let mut anchor = Anchor::InText {
            start: span.start,
            numbers: &mut marks.numbers,
        };
        marks.figures.push(Listed {
            verdict: assessment.verdict,
            anchor: anchor.listed(),
            text: escaped(&one_line(span.of(source))),
            place: escaped(&location(document, span.start)),
        });
        figure(out, &mut anchor, &source[start..end], document, assessment);
        cursor = end;
    }
    text(out, &source[cursor..covers.end]);
    if covers.end >= source.len() {
        out.extend_from_slice(b"</pre>\n</section>\n");
    }
}

/// A figure, marked, and its note.
fn figure(
    out: &mut Vec<u8>,
    anchor: &mut Anchor<'_>,
    written: &str,
    document: Document<'_>,
    assessment: &Assessment<'_>,
) {
    let verdict = assessment.verdict.as_str();
    let _ = write!(
        Text(out),
        "<span class=\"claim\"><mark class=\"fig {verdict}\" tabindex=\"0\" id=\""
    );
    anchor.write(out);
    out.extend_from_slice(b"\" aria-describedby=\"");
    anchor.write(out);
    out.extend_from_slice(b"-note\">");
    text(out, written);
    out.extend_from_slice(b"</mark><small class=\"note\" role=\"note\" id=\"");
    anchor.write(out);
    let _ = write!(
        Text(out),
        "-note\"> <b class=\"verdict {verdict}\">{verdict}</b>"
    );
    let claim = &assessment.claim;
    row(out, "reads", |out| {
        text(out, &display::Reading(&claim.quantity).to_string());
    });
    if let Some(fact) = assessment.fact {
        fact_rows(out, "fact", fact);
    }
    for candidate in &assessment.candidates {
        fact_rows(out, "candidate", candidate);
    }
    row(out, "reason", |out| text(out, &assessment.reason));
    row(out, "at", |out| {
        text(out, &location(document, claim.span.start));
    });
    out.extend_from_slice(b"</small></span>");
}

/// The rows of a fact: its id, subject and figure, its source and date.
fn fact_rows(out: &mut Vec<u8>, label: &str, fact: &Fact) {
    row(out, label, |out| {
        out.extend_from_slice(b"<code>");
        text(out, &fact.id);
        out.extend_from_slice(b"</code>");
        if let Some(subject) = &fact.subject {
            out.extend_from_slice(b", ");
            text(out, subject);
        }
        out.extend_from_slice(b": ");
        text(out, &fact_figure(fact));
    });
    if let Some(source) = &fact.source {
        row(out, "source", |out| link(out, source));
    }
    if let Some(as_of) = &fact.as_of {
        row(out, "as of", |out| text(out, as_of));
    }
}

/// "1,960 peacekeepers (1,955–1,965)": the fact's figure, its unit, and
/// the values it allows when they are more than the figure.
fn fact_figure(fact: &Fact) -> String {
    let mut shown = display::Value(fact.kind, fact.value).to_string();
    if let (Some(unit), false) = (
        fact.units.first(),
        matches!(fact.kind, Kind::Date | Kind::Year),
    ) {
        shown.push(' ');
        shown.push_str(unit);
    }
    let allowed = display::InWords(fact.kind, &fact.interval).to_string();
    if allowed != display::Value(fact.kind, fact.value).to_string() {
        let _ = write!(shown, " ({allowed})");
    }
    shown
}

/// One line of a note: a label and what `content` writes.
fn row(out: &mut Vec<u8>, label: &str, content: impl FnOnce(&mut Vec<u8>)) {
    out.extend_from_slice(b"<span class=\"row\"><i>");
    out.extend_from_slice(label.as_bytes());
    out.extend_from_slice(b"</i> ");
    content(out);
    out.extend_from_slice(b"</span>");
}

/// A source as a link when it is a web address, else as text: a source
/// such as `javascript:…` must never become something to follow.
fn link(out: &mut Vec<u8>, source: &str) {
    let scheme = source.split_once(':').map(|(scheme, _)| scheme);
    if scheme.is_some_and(|scheme| {
        scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")
    }) {
        out.extend_from_slice(b"<a href=\"");
        html_escape::encode_double_quoted_attribute_to_vec(source, out);
        out.extend_from_slice(b"\" rel=\"noreferrer\">");
        text(out, source);
        out.extend_from_slice(b"</a>");
    } else {
        text(out, source);
    }
}

/// Text escaped for an element (and a quoted attribute), with each
/// carriage return as a reference: the parser would fold a bare CR LF
/// into LF, and the page shows the document's bytes as they are.
fn text(out: &mut Vec<u8>, text: &str) {
    let mut lines = text.split('\r');
    if let Some(first) = lines.next() {
        html_escape::encode_double_quoted_attribute_to_vec(first, out);
    }
    for line in lines {
        out.extend_from_slice(b"&#13;");
        html_escape::encode_double_quoted_attribute_to_vec(line, out);
    }
}

fn escaped(plain: &str) -> String {
    let mut out = Vec::with_capacity(plain.len());
    text(&mut out, plain);
    String::from_utf8(out).unwrap_or_default()
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A byte buffer that `write!` can format into.
struct Text<'a>(&'a mut Vec<u8>);

impl std::fmt::Write for Text<'_> {
    fn write_str(&mut self, text: &str) -> std::fmt::Result {
        self.0.extend_from_slice(text.as_bytes());
        Ok(())
    }
}

/// The page being put together: the articles as their pieces come, and
/// what the list and the summary need.
#[derive(Debug, Default)]
pub(crate) struct Page {
    reference: Option<String>,
    /// Each document's path, escaped, in order; a document's number is
    /// its place here, from 1.
    documents: Vec<String>,
    articles: Vec<u8>,
    /// Claims inconsistent across articles, rendered, and how many.
    across: Vec<u8>,
    across_count: usize,
    listed: Vec<Listed>,
}

impl Page {
    pub(crate) fn name_reference(&mut self, reference: &str) {
        self.reference = Some(escaped(reference));
    }

    /// Adds the next piece, writing its document's number where it goes.
    pub(crate) fn add(&mut self, bytes: &[u8], marks: Marks) {
        if let Some(path) = marks.starts {
            self.documents.push(path);
        }
        let number = self.documents.len().to_string();
        let mut from = 0;
        for at in marks.numbers {
            self.articles.extend_from_slice(&bytes[from..at]);
            self.articles.extend_from_slice(number.as_bytes());
            from = at;
        }
        self.articles.extend_from_slice(&bytes[from..]);
        self.listed
            .extend(marks.figures.into_iter().map(|listed| Listed {
                anchor: format!("d{number}{}", listed.anchor),
                ..listed
            }));
    }

    /// Adds claims of one document found inconsistent with claims of
    /// other documents, each with its note, to a list of their own.
    pub(crate) fn inconsistencies(
        &mut self,
        document: Document<'_>,
        assessments: &[Assessment<'_>],
    ) {
        for assessment in assessments {
            let span = assessment.claim.span;
            self.across_count += 1;
            let mut anchor = Anchor::Across(self.across_count);
            let place = escaped(&location(document, span.start));
            self.listed.push(Listed {
                verdict: assessment.verdict,
                anchor: anchor.listed(),
                text: escaped(&one_line(span.of(document.source))),
                place: place.clone(),
            });
            self.across.extend_from_slice(b"<li>");
            figure(
                &mut self.across,
                &mut anchor,
                span.of(document.source),
                document,
                assessment,
            );
            let _ = writeln!(
                Text(&mut self.across),
                " <span class=\"place\">{place}</span></li>"
            );
        }
    }

    /// Writes the whole page: the summary and legend, the list of figures
    /// by verdict, then the articles.
    pub(crate) fn finish(
        &self,
        out: &mut impl Write,
        summary: &Summary,
        line: &str,
    ) -> io::Result<()> {
        let line = escaped(line);
        write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>claimcheck: {line}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n\
             <header>\n<h1>claimcheck review</h1>\n<p class=\"summary\">{line}</p>\n"
        )?;
        if let Some(reference) = &self.reference {
            writeln!(out, "<p>Reference: <code>{reference}</code></p>")?;
        }
        legend(out, summary)?;
        writeln!(out, "<ol class=\"files\">")?;
        for (index, path) in self.documents.iter().enumerate() {
            writeln!(out, "<li><a href=\"#d{}\">{path}</a></li>", index + 1)?;
        }
        writeln!(out, "</ol>\n</header>\n<div class=\"layout\">")?;
        self.list(out)?;
        writeln!(out, "<main>")?;
        out.write_all(&self.articles)?;
        if !self.across.is_empty() {
            writeln!(
                out,
                "<section class=\"across\">\n<h2>Inconsistent across articles</h2>\n<ul>"
            )?;
            out.write_all(&self.across)?;
            writeln!(out, "</ul>\n</section>")?;
        }
        writeln!(out, "</main>\n</div>\n</body>\n</html>")
    }

    /// Links to every figure, grouped by verdict.
    fn list(&self, out: &mut impl Write) -> io::Result<()> {
        writeln!(
            out,
            "<nav aria-label=\"figures by verdict\">\n<h2>Figures by verdict</h2>"
        )?;
        for verdict in LISTED {
            let name = verdict.as_str();
            let listed: Vec<&Listed> = self
                .listed
                .iter()
                .filter(|listed| listed.verdict == verdict)
                .collect();
            if listed.is_empty() {
                continue;
            }
            writeln!(
                out,
                "<h3><span class=\"swatch {name}\">{name}</span> {}</h3>\n<ol class=\"{name}\">",
                listed.len()
            )?;
            for figure in listed {
                writeln!(
                    out,
                    "<li><a href=\"#{}\">{}</a> <span class=\"place\">{}</span></li>",
                    figure.anchor, figure.text, figure.place
                )?;
            }
            writeln!(out, "</ol>")?;
        }
        writeln!(out, "</nav>")
    }
}

/// The count of each verdict beside how it is marked.
fn legend(out: &mut impl Write, summary: &Summary) -> io::Result<()> {
    writeln!(
        out,
        "<p>Figures are marked by verdict: colour, underline and symbol. \
         Hover over a figure or focus it (Tab) to see its reading, fact, source and reason.</p>\n\
         <table class=\"legend\">\n<tr><th>verdict</th><th>claims</th><th>meaning</th></tr>"
    )?;
    for verdict in LISTED {
        let (count, meaning) = match verdict {
            Verdict::Supported => (summary.supported, "a fact holds the figure"),
            Verdict::Contradicted => (summary.contradicted, "a fact rules the figure out"),
            Verdict::Unverified => (summary.unverified, "no fact applies"),
            Verdict::Ambiguous => (summary.ambiguous, "facts tie and disagree"),
            Verdict::Inconsistent => (summary.inconsistent, "another article says otherwise"),
        };
        let name = verdict.as_str();
        writeln!(
            out,
            "<tr><td><span class=\"swatch {name}\">{name}</span></td><td>{count}</td><td>{meaning}</td></tr>"
        )?;
    }
    writeln!(out, "</table>")
}

/// The page's style: each verdict has a colour, an underline style and a
/// symbol, so that no verdict is told by colour alone.
const STYLE: &str = r#":root { color-scheme: light; font: 16px/1.5 system-ui, sans-serif; color: #1f2328; background: #fff; }
body { margin: 0; }
header { padding: 1rem 2rem; border-bottom: 1px solid #d0d7de; }
h1 { margin: 0 0 .5rem; font-size: 1.5rem; }
.summary { font-weight: 600; }
.legend { border-collapse: collapse; margin: .5rem 0; }
.legend th, .legend td { padding: .15rem .75rem .15rem 0; text-align: left; }
.layout { display: grid; grid-template-columns: minmax(14rem, 22rem) minmax(0, 1fr); gap: 2rem; padding: 1rem 2rem; }
nav { position: sticky; top: 0; align-self: start; max-height: 100vh; overflow: auto; font-size: .9rem; }
nav h2 { font-size: 1.1rem; }
nav h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
nav ol { margin: 0; padding-left: 1.5rem; }
.place { color: #59636e; font-size: .85em; }
main { min-width: 0; }
main h2 { font-size: 1.1rem; overflow-wrap: anywhere; }
pre.text { position: relative; white-space: pre-wrap; overflow-wrap: anywhere; max-width: 52rem; font: 1rem/1.75 system-ui, sans-serif; margin: 0 0 3rem; }
.fig { color: inherit; background: var(--tint); text-decoration: underline 2px var(--ink); text-decoration-style: var(--line); text-underline-offset: 4px; text-decoration-skip-ink: none; border-radius: 2px; cursor: help; }
.fig::after, .swatch::after { content: var(--symbol); color: var(--ink); font-weight: 700; font-size: .8em; vertical-align: super; padding-left: 1px; }
.fig:focus, .fig:target { outline: 2px solid #0969da; outline-offset: 1px; }
.swatch { background: var(--tint); text-decoration: underline 2px var(--ink); text-decoration-style: var(--line); text-underline-offset: 4px; padding: 0 .2rem; }
.supported { --ink: #1a7f37; --tint: #dafbe1; --line: solid; --symbol: "\2713"; }
.contradicted { --ink: #cf222e; --tint: #ffebe9; --line: wavy; --symbol: "\2717"; }
.unverified { --ink: #7d4e00; --tint: #fff8c5; --line: dotted; --symbol: "?"; }
.ambiguous { --ink: #8250df; --tint: #fbefff; --line: dashed; --symbol: "\2248"; }
.inconsistent { --ink: #0550ae; --tint: #ddf4ff; --line: double; --symbol: "\2260"; }
.note { display: none; position: absolute; left: 1rem; margin-top: .2em; z-index: 10; width: 34rem; max-width: calc(100% - 2rem); white-space: normal; overflow-wrap: anywhere; background: #fff; border: 1px solid #8c959f; border-radius: 6px; box-shadow: 0 4px 14px rgb(0 0 0 / .18); padding: .5rem .75rem; font: .875rem/1.45 system-ui, sans-serif; }
.claim:hover .note, .claim:focus-within .note, .fig:target + .note { display: block; }
.note .row { display: block; }
.note i { font-style: normal; color: #59636e; }
.note b.verdict { display: block; color: var(--ink); }
.note b.verdict::before { content: var(--symbol) " "; }
.across ul { list-style: none; padding: 0; }
.across li { position: relative; margin: .5rem 0; }
"#;

#[cfg(test)]
mod tests {
    use super::{escaped, link};

    #[test]
    fn text_is_escaped_and_carriage_returns_kept() {
        assert_eq!(
            escaped("<script>alert(\"a & b\")</script>\r\n"),
            "&lt;script&gt;alert(&quot;a &amp; b&quot;)&lt;/script&gt;&#13;\n"
        );
    }

    #[test]
    fn only_web_addresses_become_links() {
        let linked = |source: &str| {
            let mut out = Vec::new();
            link(&mut out, source);
            String::from_utf8(out).unwrap()
        };
        assert_eq!(
            linked("https://example.org/a?b=1&c=\"2\""),
            "<a href=\"https://example.org/a?b=1&amp;c=&quot;2&quot;\" rel=\"noreferrer\">https://example.org/a?b=1&amp;c=&quot;2&quot;</a>"
        );
        assert!(linked("HTTP://example.org").starts_with("<a href="));
        for hostile in [
            "javascript:alert(1)",
            "JavaScript:alert(\"x\")",
            "data:text/html,<script>alert(1)</script>",
            " https://example.org",
            "example.org/page",
        ] {
            let shown = linked(hostile);
            assert!(!shown.contains("<a"), "{hostile} is linked: {shown}");
            assert!(!shown.contains('<') && !shown.contains('"'), "{shown}");
        }
    }
}
