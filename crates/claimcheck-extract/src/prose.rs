//! The prose of a file, with everything that is not prose blanked out.
//!
//! Markdown is parsed, and only the text a reader reads is kept: code,
//! HTML, link targets, autolinks, images and front matter are not prose.
//! The result is a buffer exactly as long as the file, holding the prose
//! bytes at their original offsets, so every span found in it is a span of
//! the file. Markup around prose (`**`, `#`, `[`) becomes spaces, so
//! "more than **6,500**" still reads as one phrase; text that is not prose
//! becomes [`BARRIER`] bytes, which no phrase may cross.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use claimcheck_core::Span;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use rayon::prelude::*;
use regex::Regex;
use rustc_hash::FxHashSet;

use crate::cuts;

/// Fills text that is not prose. An ASCII control byte keeps the buffer
/// valid UTF-8 whatever bytes it replaces.
pub(crate) const BARRIER: u8 = 0x01;

#[derive(Debug)]
pub(crate) struct Prose {
    pub(crate) text: String,
    /// Runs of prose that a sentence cannot cross: paragraphs, headings,
    /// list items, table cells.
    pub(crate) blocks: Vec<Span>,
    /// Each table cell, in text order.
    pub(crate) cells: Vec<TableCell>,
    /// The `date:` field of the front matter, as written.
    pub(crate) declared_date: Option<String>,
    /// What `<!-- claimcheck: … -->` comments set aside.
    pub(crate) suppressed: Suppressed,
}

/// The text whose figures comments ask to ignore, and the comments that
/// ask for something unknown.
#[derive(Debug, Default)]
pub(crate) struct Suppressed {
    /// Sorted by start.
    pub(crate) ignored: Vec<Span>,
    pub(crate) unknown: Vec<Span>,
}

/// The comment that starts a directive: `<!-- claimcheck: ignore -->`.
const DIRECTIVE_PREFIX: &str = "claimcheck:";

#[derive(Debug, PartialEq, Eq)]
enum Directive {
    /// The next block.
    Ignore,
    /// The whole file.
    IgnoreFile,
    Unknown,
}

/// The directive an HTML comment gives, if it is one.
fn directive(html: &str) -> Option<Directive> {
    let inner = html.trim().strip_prefix("<!--")?.strip_suffix("-->")?;
    let named = inner.trim().strip_prefix(DIRECTIVE_PREFIX)?;
    Some(match named.trim() {
        "ignore" => Directive::Ignore,
        "ignore-file" => Directive::IgnoreFile,
        _ => Directive::Unknown,
    })
}

/// The directives met while reading one piece, and what they cover.
#[derive(Default)]
struct Suppressions {
    ignored: Vec<Span>,
    unknown: Vec<Span>,
    ignores_whole_file: bool,
    /// An ignore comment still waiting for the block after it.
    waiting: bool,
    /// How many elements are open: a block that starts with none open is
    /// a top-level block, what an ignore comment covers.
    depth: usize,
    /// The piece's first top-level block, which a comment left waiting at
    /// the end of the piece before covers.
    first_block: Option<Span>,
}

impl Suppressions {
    /// An element starts: a block, if none is open, that an ignore comment
    /// may be waiting for; an HTML block holds comments, not prose.
    fn open(&mut self, tag: &Tag<'_>, element: Span) {
        if self.depth == 0 && !matches!(tag, Tag::HtmlBlock) {
            self.first_block.get_or_insert(element);
            if std::mem::take(&mut self.waiting) {
                self.ignored.push(element);
            }
        }
        self.depth += 1;
    }

    fn close(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    fn html(&mut self, html: &str, at: Span) {
        match directive(html) {
            None => {}
            Some(Directive::Ignore) => self.waiting = true,
            Some(Directive::IgnoreFile) => self.ignores_whole_file = true,
            Some(Directive::Unknown) => self.unknown.push(at),
        }
    }
}

/// What the pieces' directives set aside in a document of `length` bytes.
fn suppressed(read: &[ReadPiece], length: usize) -> Suppressed {
    let mut suppressed = Suppressed::default();
    for (index, piece) in read.iter().enumerate() {
        let own = &piece.suppressions;
        if own.waiting {
            let next = read
                .get(index + 1)
                .and_then(|next| next.suppressions.first_block);
            suppressed.ignored.extend(next);
        }
        suppressed.ignored.extend(&own.ignored);
        suppressed.unknown.extend(&own.unknown);
    }
    if read
        .iter()
        .any(|piece| piece.suppressions.ignores_whole_file)
    {
        suppressed.ignored = vec![Span::new(0, length)];
    }
    suppressed.ignored.sort_by_key(|span| span.start);
    suppressed
}

pub(crate) fn plain(source: &str) -> Prose {
    static BLANK_LINE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\n[ \t\r]*(?:\n[ \t\r]*)+").unwrap());
    let mut blocks = Vec::new();
    let mut start = 0;
    for gap in BLANK_LINE.find_iter(source) {
        blocks.push(Span::new(start, gap.start()));
        start = gap.end();
    }
    blocks.push(Span::new(start, source.len()));
    blocks.retain(|block| !source[block.start..block.end].trim().is_empty());
    let mut text = source.as_bytes().to_vec();
    mask_non_prose_tokens(&mut text);
    Prose {
        text: into_string(text),
        blocks,
        cells: Vec::new(),
        declared_date: None,
        suppressed: Suppressed::default(),
    }
}

pub(crate) fn markdown(source: &str) -> Prose {
    markdown_in_pieces(source, PARSE_PIECE_BYTES)
}

/// About how many bytes of a large Markdown document are parsed as one
/// piece. Parsing is otherwise the one step of a document that a single
/// thread does while the rest wait.
const PARSE_PIECE_BYTES: usize = 1 << 20;

fn markdown_in_pieces(source: &str, piece_bytes: usize) -> Prose {
    let mut text: Vec<u8> = source.bytes().map(blank).collect();
    let (declared_date, body) = match front_matter(source) {
        Some((fields, body)) => (front_matter_date(&source[fields]), body),
        None => (None, 0),
    };
    let mut pieces: Vec<Range<usize>> = cuts::pieces(&source[body..], piece_bytes)
        .into_iter()
        .map(|piece| piece.start + body..piece.end + body)
        .collect();
    let mut read: Vec<ReadPiece> = split_at(&mut text[body..], &pieces)
        .into_par_iter()
        .zip(&pieces)
        .map(|(slice, piece)| read_piece(source, piece.clone(), Definitions::None, slice))
        .collect();
    // A block left open at a cut means the cut was wrong: the rest of the
    // document is read again as one piece.
    if let Some(wrong) = read[..read.len() - 1]
        .iter()
        .position(|piece| piece.open_at_end)
    {
        let rest = pieces[wrong].start..source.len();
        pieces.truncate(wrong);
        pieces.push(rest.clone());
        read.truncate(wrong);
        read.push(reread_piece(
            source,
            rest.clone(),
            Definitions::None,
            &mut text[rest],
        ));
    }
    read_again_with_definitions(source, &pieces, &mut read, &mut text[body..]);
    mask_non_prose_tokens(&mut text);
    let cells = read
        .iter()
        .flat_map(|piece| piece.cells.iter().copied())
        .collect();
    let suppressed = suppressed(&read, source.len());
    Prose {
        text: into_string(text),
        blocks: read.into_iter().flat_map(|piece| piece.blocks).collect(),
        cells,
        declared_date,
        suppressed,
    }
}

/// Reads again each piece that may refer to link labels and footnotes
/// that another piece defines, with their definitions. `text` is the
/// buffer from the first piece on.
fn read_again_with_definitions(
    source: &str,
    pieces: &[Range<usize>],
    read: &mut [ReadPiece],
    text: &mut [u8],
) {
    if read.len() < 2 {
        return;
    }
    let elsewhere: Vec<String> = (0..read.len())
        .map(|index| definitions_outside(read, index))
        .collect();
    if elsewhere.iter().all(String::is_empty) {
        return;
    }
    let again: Vec<Option<ReadPiece>> = split_at(text, pieces)
        .into_par_iter()
        .zip(pieces)
        .zip(&elsewhere)
        .enumerate()
        .map(|(index, ((slice, piece), definitions))| {
            (!definitions.is_empty()).then(|| {
                let definitions = if index == 0 {
                    Definitions::After(definitions)
                } else {
                    Definitions::Before(definitions)
                };
                reread_piece(source, piece.clone(), definitions, slice)
            })
        })
        .collect();
    for (piece, again) in read.iter_mut().zip(again) {
        if let Some(again) = again {
            *piece = again;
        }
    }
}

/// Definitions, in the simplest form, of the labels that the pieces other
/// than the one at `index` define and it does not.
fn definitions_outside(read: &[ReadPiece], index: usize) -> String {
    let own: FxHashSet<&str> = read[index].labels.iter().map(String::as_str).collect();
    let mut labels: Vec<&str> = read
        .iter()
        .enumerate()
        .filter(|&(other, _)| other != index)
        .flat_map(|(_, piece)| piece.labels.iter().map(String::as_str))
        .filter(|label| !own.contains(label))
        .collect();
    labels.sort_unstable();
    labels.dedup();
    let mut definitions = String::new();
    for label in labels {
        // A blank line after each, or a footnote would take in the next.
        for part in ["[", label, "]: x\n\n"] {
            definitions.push_str(part);
        }
    }
    definitions
}

/// Reads a piece again into `text`, its part of the document's buffer,
/// after blanking what an earlier reading wrote there.
fn reread_piece(
    source: &str,
    piece: Range<usize>,
    definitions: Definitions<'_>,
    text: &mut [u8],
) -> ReadPiece {
    for (slot, &byte) in text.iter_mut().zip(&source.as_bytes()[piece.clone()]) {
        *slot = blank(byte);
    }
    read_piece(source, piece, definitions, text)
}

/// What a byte of the source is before any prose is copied in: line
/// breaks stay, so that lines and blank lines keep their places.
fn blank(byte: u8) -> u8 {
    if byte == b'\n' { b'\n' } else { b' ' }
}

/// `text` cut at the pieces' bounds, which cover it in order.
fn split_at<'t>(text: &'t mut [u8], pieces: &[Range<usize>]) -> Vec<&'t mut [u8]> {
    let mut slices = Vec::with_capacity(pieces.len());
    let mut rest = text;
    for piece in pieces {
        let (slice, after) = rest.split_at_mut(piece.len());
        slices.push(slice);
        rest = after;
    }
    slices
}

/// What reading one piece of a document gave.
#[derive(Default)]
struct ReadPiece {
    /// Its blocks, at offsets in the document.
    blocks: Vec<Span>,
    /// Its table cells, at offsets in the document.
    cells: Vec<TableCell>,
    /// Whether a code or HTML block ran to the piece's end: its cut may
    /// have fallen inside that block.
    open_at_end: bool,
    /// The link labels it defines, and its footnotes as `^label`.
    labels: Vec<String>,
    suppressions: Suppressions,
}

/// Definitions of labels that a piece refers to and other pieces define,
/// and where they go.
#[derive(Clone, Copy)]
enum Definitions<'d> {
    None,
    /// Before the piece, where a code block left open at the document's
    /// end cannot take them in.
    Before(&'d str),
    /// After the first piece, which ends at a cut, after a blank line: it
    /// may start indented, and would then continue a footnote placed
    /// before it.
    After(&'d str),
}

/// Parses the `piece` of `source` with `definitions`, and writes its prose
/// into `text`, the piece's part of the document's buffer.
fn read_piece(
    source: &str,
    piece: Range<usize>,
    definitions: Definitions<'_>,
    text: &mut [u8],
) -> ReadPiece {
    let written = &source[piece.clone()];
    let (parsed, before): (Cow<'_, str>, usize) = match definitions {
        Definitions::None => (Cow::Borrowed(written), 0),
        Definitions::Before(definitions) => (
            Cow::Owned(format!("{definitions}{written}")),
            definitions.len(),
        ),
        Definitions::After(definitions) => (Cow::Owned(format!("{written}\n{definitions}")), 0),
    };
    let end = written.len();
    let mut read = ReadPiece::default();
    let mut open_block: Option<Span> = None;
    let mut table = TableColumns::default();
    let mut hidden_depth = 0usize;
    // Whether each open link hides its text, so its end knows what to undo.
    let mut open_links: Vec<bool> = Vec::new();
    // Not metadata blocks: the parser takes them anywhere, and would hide
    // the prose between two thematic breaks.
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut events = Parser::new_ext(&parsed, options).into_offset_iter();
    for (event, range) in events.by_ref() {
        // The definitions are there only to be referred to.
        if !(before..before + end).contains(&range.start) {
            continue;
        }
        let range = range.start - before..(range.end - before).min(end);
        let whole = Span::new(range.start + piece.start, range.end + piece.start);
        match event {
            Event::Start(tag) => {
                if is_block(&tag) {
                    close(&mut open_block, &mut read.blocks, piece.start);
                }
                read.suppressions.open(&tag, whole);
                match tag {
                    Tag::Table(_) => table = TableColumns::default(),
                    Tag::TableHead => table.start_row(whole, true),
                    Tag::TableRow => table.start_row(whole, false),
                    Tag::FootnoteDefinition(label) => read.labels.push(format!("^{label}")),
                    Tag::CodeBlock(_) | Tag::HtmlBlock => {
                        hidden_depth += 1;
                        fill(text, range.start, range.end, BARRIER);
                        read.open_at_end |= range.end == end;
                    }
                    Tag::Image { .. } => {
                        hidden_depth += 1;
                        fill(text, range.start, range.end, BARRIER);
                    }
                    Tag::Link { link_type, .. } => {
                        // An autolink's text is its address.
                        let hides = matches!(link_type, LinkType::Autolink | LinkType::Email);
                        if hides {
                            hidden_depth += 1;
                            fill(text, range.start, range.end, BARRIER);
                        }
                        open_links.push(hides);
                    }
                    _ => {}
                }
            }
            Event::End(tag_end) => {
                read.suppressions.close();
                match tag_end {
                    TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::Image => hidden_depth -= 1,
                    TagEnd::Link if open_links.pop() == Some(true) => hidden_depth -= 1,
                    TagEnd::TableCell => {
                        let cell = open_block.map(|cell| {
                            Span::new(cell.start + piece.start, cell.end + piece.start)
                        });
                        table.end_cell(cell, &mut read.cells);
                    }
                    _ => {}
                }
                if is_block_end(tag_end) {
                    close(&mut open_block, &mut read.blocks, piece.start);
                }
            }
            Event::Text(content) if hidden_depth == 0 => {
                copy_prose(written, text, range.start, range.end, &content);
                let span = Span::new(range.start, range.end);
                open_block = Some(open_block.map_or(span, |block| block.cover(span)));
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                read.suppressions.html(&html, whole);
                fill(text, range.start, range.end, BARRIER);
            }
            Event::Code(_) | Event::InlineMath(_) | Event::DisplayMath(_) => {
                fill(text, range.start, range.end, BARRIER);
            }
            _ => {}
        }
    }
    close(&mut open_block, &mut read.blocks, piece.start);
    if matches!(definitions, Definitions::None) {
        read.labels.extend(
            events
                .reference_definitions()
                .iter()
                .map(|(label, _)| label.to_string()),
        );
    }
    read
}

fn is_block(tag: &Tag<'_>) -> bool {
    !matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

fn is_block_end(tag_end: TagEnd) -> bool {
    !matches!(
        tag_end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// A table cell, its row, and the header cell of its column: a figure
/// alone in a cell counts what its header names, and the words of its
/// row name what it is about.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TableCell {
    pub(crate) cell: Span,
    pub(crate) row: Span,
    pub(crate) header: Option<Span>,
}

/// The header cells of the table being read, and where in it it is.
#[derive(Default)]
struct TableColumns {
    headers: Vec<Option<Span>>,
    in_head: bool,
    row: Span,
    column: usize,
}

impl TableColumns {
    fn start_row(&mut self, row: Span, in_head: bool) {
        self.row = row;
        self.in_head = in_head;
        self.column = 0;
    }

    /// Notes a cell as it ends: a header cell as its column's header too.
    fn end_cell(&mut self, cell: Option<Span>, cells: &mut Vec<TableCell>) {
        if self.in_head {
            self.headers.push(cell);
        }
        if let Some(cell) = cell {
            cells.push(TableCell {
                cell,
                row: self.row,
                header: (!self.in_head)
                    .then(|| self.headers.get(self.column).copied().flatten())
                    .flatten(),
            });
        }
        self.column += 1;
    }
}

/// Ends the open block, if any, as a block of the document, whose offsets
/// are `offset` past the piece's.
fn close(open_block: &mut Option<Span>, blocks: &mut Vec<Span>, offset: usize) {
    if let Some(block) = open_block.take() {
        blocks.push(Span::new(block.start + offset, block.end + offset));
    }
}

fn fill(text: &mut [u8], start: usize, end: usize, byte: u8) {
    for slot in &mut text[start..end] {
        if *slot != b'\n' {
            *slot = byte;
        }
    }
}

/// Copies a text event into the buffer at its offsets. The event's text
/// differs from the source where the source escapes (`\$`) or uses an
/// entity (`&amp;`); the readable text is then placed where it best fits,
/// and the rest of the range stays blank.
fn copy_prose(source: &str, text: &mut [u8], start: usize, end: usize, content: &str) {
    let written = &source[start..end];
    if written == content {
        text[start..end].copy_from_slice(written.as_bytes());
    } else if let Some(offset) = written.find(content) {
        text[start + offset..start + offset + content.len()].copy_from_slice(content.as_bytes());
    } else if content.len() <= written.len() && written.is_ascii() {
        text[start..start + content.len()].copy_from_slice(content.as_bytes());
    }
}

/// The front matter a document opens with, YAML between `---` lines (or
/// ending with `...`) or TOML between `+++` lines: where its fields lie,
/// and where the body after it starts.
fn front_matter(source: &str) -> Option<(Range<usize>, usize)> {
    let is_delimiter =
        |line: &str, delimiter: &str| line.strip_prefix(delimiter).is_some_and(cuts::is_blank);
    let mut lines = source.split_inclusive('\n');
    let first = lines.next()?;
    let closers: &[&str] = if is_delimiter(first, "---") {
        &["---", "..."]
    } else if is_delimiter(first, "+++") {
        &["+++"]
    } else {
        return None;
    };
    let fields_start = first.len();
    let mut at = fields_start;
    for (index, line) in lines.enumerate() {
        let is_closing = closers.iter().any(|closer| is_delimiter(line, closer));
        // An empty or blank first field line makes the first a thematic break.
        if index == 0 && (is_closing || cuts::is_blank(line)) {
            return None;
        }
        if is_closing {
            return Some((fields_start..at, at + line.len()));
        }
        at += line.len();
    }
    None
}

fn front_matter_date(yaml: &str) -> Option<String> {
    yaml.lines().find_map(|line| {
        let value = line
            .trim()
            .strip_prefix("date")?
            .trim_start()
            .strip_prefix([':', '='])?;
        let value = value.trim().trim_matches(['"', '\'']);
        (!value.is_empty()).then(|| value.to_string())
    })
}

/// About how many bytes of a large document are masked as one piece.
const MASK_PIECE_BYTES: usize = 1 << 20;

/// Blanks the tokens of prose that carry digits but no figures: addresses,
/// file names, version strings, phone numbers, ISBNs, clock times.
///
/// A large document is masked in pieces on every thread, cut at blank
/// lines, which no such token crosses: preparing a document is otherwise
/// work for one thread while the rest wait.
fn mask_non_prose_tokens(text: &mut [u8]) {
    let mut pieces = Vec::new();
    let mut rest = text;
    while rest.len() > MASK_PIECE_BYTES {
        let Some(cut) = after_blank_line_start(rest, MASK_PIECE_BYTES) else {
            break;
        };
        let (piece, after) = rest.split_at_mut(cut);
        pieces.push(piece);
        rest = after;
    }
    pieces.push(rest);
    pieces.into_par_iter().for_each(mask_piece);
}

/// Just after the first line break, from `from` on, that a blank line
/// follows: a cut there leaves the blank line whole in the next piece.
fn after_blank_line_start(text: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    loop {
        let line_start = at + text[at..].iter().position(|&byte| byte == b'\n')? + 1;
        let blank = text[line_start..]
            .iter()
            .find(|byte| !matches!(byte, b' ' | b'\t' | b'\r'))
            .is_some_and(|&byte| byte == b'\n');
        if blank {
            return Some(line_start);
        }
        at = line_start;
    }
}

fn mask_piece(text: &mut [u8]) {
    // Bytes and ASCII classes keep this on the regex crate's fast automata:
    // Unicode word boundaries would send it to the slow one on any text
    // with an accent or a dash.
    static NON_PROSE: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
        regex::bytes::Regex::new(
            r"(?xi-u)
            \b(?:https?|ftp)://[^\s<>\x01]+
            | \bwww\.[^\s<>\x01]+
            | \b[A-Za-z0-9_.+-]+@[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+
            | \b[A-Za-z0-9_-]+\.(?:md|markdown|txt|pdf|docx?|xlsx?|pptx?|csv|json|ya?ml|toml|png|jpe?g|gif|svg|html?|zip|gz|tar|exe|py|rs|js|ts|go|rb|java|c|h|cpp|sh)\b
            | \bv[0-9]+(?:\.[0-9]+)+\b
            | \b[0-9]+(?:\.[0-9]+){2,}\b
            | \bISBN(?:-1[03])?:?[\ \t]*\n?[\ \t]*[0-9][0-9\ -]{8,16}[0-9X]\b
            | \+[0-9]{1,3}[\ .-]?\(?[0-9]{1,4}\)?(?:[\ .-]?[0-9]{2,4}){2,4}\b
            | \([0-9]{3}\)\ ?[0-9]{3}-[0-9]{4}\b
            | \b[0-9]{3}-[0-9]{3}-[0-9]{4}\b
            | \b[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\s?[ap]\.?m\.?)?
            | \b[0-9]{1,2}\s?[ap]\.m\.
            | \b[0-9]{1,2}\s?[ap]m\b
            ",
        )
        .unwrap()
    });
    let matches: Vec<(usize, usize)> = NON_PROSE
        .find_iter(text)
        .map(|found| (found.start(), found.end()))
        .filter(|&(start, end)| !is_time_taken(text, start, end))
        .collect();
    for (start, end) in matches {
        fill(text, start, end, BARRIER);
    }
}

/// Whether a clock-like figure is a time taken, which is read, rather than
/// a time of day, which is not: hours, minutes and seconds ("finished in
/// 2:01:09"), or minutes and seconds after a word that times a race ("a
/// 3:43 mile", "in 59:47"); never after "at", nor with "am" or "pm".
fn is_time_taken(text: &[u8], start: usize, end: usize) -> bool {
    let written = &text[start..end];
    if !written
        .iter()
        .all(|byte| byte.is_ascii_digit() || *byte == b':')
    {
        return false;
    }
    let before = &text[..start];
    let word_end = before.len()
        - before
            .iter()
            .rev()
            .take_while(|byte| **byte == b' ')
            .count();
    let word_start = before[..word_end]
        .iter()
        .rposition(|byte| !byte.is_ascii_alphabetic())
        .map_or(0, |at| at + 1);
    let word = String::from_utf8_lossy(&before[word_start..word_end]).to_lowercase();
    let colons = written.split(|byte| *byte == b':').count() - 1;
    word != "at" && (colons == 2 || crate::lexicon::times_a_race(&word))
}

fn into_string(text: Vec<u8>) -> String {
    String::from_utf8(text).unwrap_or_else(|error| {
        // Prose bytes are copied whole from a `&str` at character boundaries
        // and everything else is ASCII, so this cannot happen; blanking the
        // invalid bytes keeps offsets intact if it ever does.
        let mut bytes = error.into_bytes();
        for byte in &mut bytes {
            if !byte.is_ascii() {
                *byte = b' ';
            }
        }
        String::from_utf8(bytes).unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose_of(markdown_text: &str) -> String {
        markdown(markdown_text)
            .text
            .replace(char::from(BARRIER), "#")
    }

    #[test]
    fn markdown_keeps_prose_at_its_offsets() {
        let source = "Some **6,500** troops, see [AFP](http://x.com/2022/10).";
        let prose = markdown(source);
        assert_eq!(prose.text.len(), source.len());
        assert_eq!(prose.text.find("6,500"), source.find("6,500"));
        let words: Vec<&str> = prose.text.split_whitespace().collect();
        assert_eq!(words, ["Some", "6,500", "troops,", "see", "AFP", "."]);
    }

    #[test]
    fn code_html_autolinks_and_images_are_barriers() {
        let source = "a `5` b <b>6</b> <https://x.com/2022/10/31> ![7 cats](x.png) c";
        let shown = prose_of(source);
        assert_eq!(shown.len(), source.len());
        let words: Vec<&str> = shown.split_whitespace().collect();
        assert_eq!(
            words,
            [
                "a",
                "###",
                "b",
                "###6####",
                &"#".repeat(26),
                &"#".repeat(16),
                "c"
            ]
        );
    }

    #[test]
    fn code_blocks_and_front_matter_are_not_prose() {
        let source = "---\ndate: 2022-10-31\ncount: 5\n---\n\n```\n42 apples\n```\n\n12 pears\n";
        let prose = markdown(source);
        assert!(
            !prose.text.contains('5'),
            "front matter leaked: {:?}",
            prose.text
        );
        assert!(
            !prose.text.contains("42"),
            "code block leaked: {:?}",
            prose.text
        );
        assert!(prose.text.contains("12 pears"));
        assert_eq!(prose.declared_date.as_deref(), Some("2022-10-31"));
    }

    #[test]
    fn only_the_opening_front_matter_is_not_prose() {
        // The Markdown parser would also take `---` … `---` further down for
        // front matter, and the prose between for its fields.
        let source = "Intro, 5 troops.\n\n---\nThen 6 troops.\n\nAnd 7 troops.\n\n---\n";
        let prose = markdown(source);
        assert!(prose.text.contains("Then 6 troops."), "{:?}", prose.text);
        assert!(prose.text.contains("And 7 troops."), "{:?}", prose.text);
        assert_eq!(prose.declared_date, None);

        let toml = "+++\ndate = \"2022-10-31\"\n+++\nBody, 8 troops.\n";
        let prose = markdown(toml);
        assert_eq!(prose.declared_date.as_deref(), Some("2022-10-31"));
        assert!(!prose.text.contains("date"), "{:?}", prose.text);
        assert!(prose.text.contains("Body, 8 troops."));

        // An empty first field line makes `---` a thematic break.
        let prose = markdown("---\n\ndate: 2022-10-31\n---\n");
        assert_eq!(prose.declared_date, None);
        assert!(prose.text.contains("2022-10-31"), "{:?}", prose.text);
    }

    #[test]
    fn blocks_split_paragraphs_headings_and_items() {
        let source = "# Title 1\n\nPara one\ncontinues.\n\n- item 2\n- item 3\n";
        let prose = markdown(source);
        let blocks: Vec<&str> = prose.blocks.iter().map(|block| block.of(source)).collect();
        assert_eq!(
            blocks,
            ["Title 1", "Para one\ncontinues.", "item 2", "item 3"]
        );
    }

    #[test]
    fn bare_urls_emails_versions_and_times_are_barriers_in_plain_text() {
        let source = "see https://a.com/2022/10/31 or me@x.org, v1.2.3, 10.0.0.1 at 10:30 on 5";
        let prose = plain(source);
        let visible: String = prose
            .text
            .chars()
            .filter(|c| *c != char::from(BARRIER))
            .collect();
        assert_eq!(visible, "see  or , ,  at  on 5");
    }

    #[test]
    fn a_large_document_masks_in_pieces_as_it_would_whole() {
        let paragraphs = [
            "see https://a.com/2022/10/31 or me@x.org, v1.2.3 at 10:30 on 5",
            "ISBN:\n978-3-16-148410-0 and call +44 20 7946 0958 at 9 a.m.",
            "12 pears and report-2.pdf",
        ];
        let mut text = String::new();
        while text.len() < 3 * MASK_PIECE_BYTES {
            for paragraph in paragraphs {
                text.push_str(paragraph);
                text.push_str(if text.len() % 3 == 0 { "\n \n" } else { "\n\n" });
            }
        }
        let mut in_pieces = text.clone().into_bytes();
        mask_non_prose_tokens(&mut in_pieces);
        let mut whole = text.into_bytes();
        mask_piece(&mut whole);
        assert!(in_pieces.contains(&BARRIER));
        assert!(in_pieces == whole, "masking in pieces changed the text");
    }

    #[test]
    fn an_isbn_may_break_a_line_but_not_a_paragraph() {
        let shown = |source: &str| {
            let visible: String = plain(source)
                .text
                .chars()
                .filter(|c| *c != char::from(BARRIER))
                .collect();
            visible
        };
        assert_eq!(shown("ISBN:\n978-3-16-148410-0 x"), "\n x");
        assert_eq!(
            shown("ISBN\n\n978-3-16-148410-0 x"),
            "ISBN\n\n978-3-16-148410-0 x"
        );
    }

    /// Blocks of Markdown, each with figures and a line that starts with a
    /// letter after a blank line, so that the cuts fall in and around them.
    const BLOCKS: &[&str] = &[
        "Para with 5 troops, [the report][un], [un] and a note[^1].",
        "```\ncode 1\n\nLetter 2 in code\n```",
        "~~~~\nx\n\nY 3\n~~~~",
        "  ```\nindented fence 4\n\nZ 4\n  ```",
        "- ```\n  list fence 5\n\n  more 6",
        "- item 7\n\n  continued 8",
        "> quote 9\n>\n> more 10",
        "<!-- comment 11\n\nStill comment 12\n-->",
        "<script>\nvar a = 13;\n\nb 14\n</script>",
        "<div>\nhtml 15\n</div>",
        "| a | b |\n|---|---|\n| 16 | 17 |",
        "    indented code 18\n\n    more 19",
        "[un]: https://example.com/20",
        "[^1]: Footnote 21 text.",
        "Heading 22\n==========",
        "# Heading 23",
        "1. first 24\n2. second 25",
        "Text `code 26` and <b>27</b> with an ![image 28](x.png).",
        "<pre>\n28\n\nLetter 29\n</pre>",
        "> ```\n> quoted fence 30\n>\n> Letter 31",
        "<!DOCTYPE x\n\nLetter 32\n>",
        "<?php\n\nLetter 33 ?>",
        "<![CDATA[\n\nLetter 34]]>",
        "[^2]: Footnote 35\n\n    continued 36 [^1]",
        "- a 37\n\n  ```\n  x 38\n\n  Y 39\n  ```",
        "Setext 40\n---",
        "~~~ info `41`\nz\n\nW 42\n~~~",
        "``` `43`\nnot a fence",
        "---\nafter a break 44",
        "...",
        "+++\nplus 45\n+++",
        "no-break space 46\n\u{a0}\nLetter 47",
        "<!-- claimcheck: ignore -->",
        "<!-- claimcheck: ignore -->\n- ignored 48\n- and 49",
        "<!--claimcheck:ignore-file-->",
        UNCLOSED_FENCE,
    ];

    /// A code block that runs to the document's end, and swallows any
    /// block after it.
    const UNCLOSED_FENCE: &str = "```rust\nfn main() {}\n\nfn unclosed() {}";

    /// Whether a document read in the smallest pieces it can be cut into
    /// reads as it does whole; if not, where they first differ.
    fn reads_in_pieces_as_whole(source: &str) -> Result<(), String> {
        let whole = markdown_in_pieces(source, usize::MAX);
        let pieces = markdown_in_pieces(source, 1);
        let around = |at: usize| {
            let start = source.floor_char_boundary(at.saturating_sub(60));
            let end = source.ceil_char_boundary((at + 60).min(source.len()));
            format!("at byte {at}, in {:?}", &source[start..end])
        };
        if let Some(at) =
            (0..source.len()).find(|&at| whole.text.as_bytes()[at] != pieces.text.as_bytes()[at])
        {
            return Err(format!("the prose differs {}", around(at)));
        }
        if let Some((whole_block, piece_block)) = whole
            .blocks
            .iter()
            .zip(&pieces.blocks)
            .find(|(a, b)| a != b)
        {
            return Err(format!(
                "block {:?} whole is {:?} in pieces, {}",
                whole_block.of(source),
                piece_block.of(source),
                around(whole_block.start)
            ));
        }
        if whole.blocks.len() != pieces.blocks.len() || whole.declared_date != pieces.declared_date
        {
            return Err("the blocks or the date differ".to_string());
        }
        if whole.suppressed.ignored != pieces.suppressed.ignored
            || whole.suppressed.unknown != pieces.suppressed.unknown
        {
            return Err(format!(
                "what comments set aside differs: {:?} whole, {:?} in pieces",
                whole.suppressed, pieces.suppressed
            ));
        }
        Ok(())
    }

    #[test]
    fn an_ignore_comment_covers_the_next_top_level_block() {
        let source = "Kept 1.\n\n<!-- claimcheck: ignore -->\n\n> Quoted 2\n>\n> - and 3\n\nKept 4.\n\n<!-- claimcheck: ignored -->\n";
        let prose = markdown(source);
        let ignored: Vec<&str> = prose
            .suppressed
            .ignored
            .iter()
            .map(|span| span.of(source))
            .collect();
        assert_eq!(ignored, ["> Quoted 2\n>\n> - and 3\n"]);
        let unknown: Vec<&str> = prose
            .suppressed
            .unknown
            .iter()
            .map(|span| span.of(source).trim_end())
            .collect();
        assert_eq!(unknown, ["<!-- claimcheck: ignored -->"]);
        let file = "One 1.\n\n<!-- claimcheck: ignore-file -->\n\nTwo 2.";
        assert_eq!(
            markdown(file).suppressed.ignored,
            [Span::new(0, file.len())]
        );
        assert!(
            plain("<!-- claimcheck: ignore-file -->\n5 troops")
                .suppressed
                .ignored
                .is_empty()
        );
    }

    #[test]
    fn a_large_markdown_document_reads_in_pieces_as_it_would_whole() {
        let mut source = String::from("---\ntitle: x\n\ndate: 2022-10-31\n---\n\n");
        for round in 0..3 {
            let blocks = BLOCKS.iter().filter(|&&block| block != UNCLOSED_FENCE);
            for (index, block) in blocks.enumerate() {
                source.push_str(block);
                source.push_str(if (index + round) % 4 == 0 {
                    "\n"
                } else {
                    "\n\n"
                });
                source.push_str("Letter after a blank line.\n\n");
            }
        }
        source.push_str(UNCLOSED_FENCE);
        assert!(
            cuts::pieces(&source, 1).len() > 30,
            "the document was hardly cut: {} pieces",
            cuts::pieces(&source, 1).len()
        );
        reads_in_pieces_as_whole(&source).unwrap();
        assert_eq!(
            markdown_in_pieces(&source, 1).declared_date.as_deref(),
            Some("2022-10-31")
        );
    }

    proptest::proptest! {
        #[test]
        fn any_sequence_of_blocks_reads_in_pieces_as_whole(
            picks in proptest::collection::vec((0..BLOCKS.len(), 0..3usize), 1..40),
            windows_line_breaks: bool,
        ) {
            let mut source = String::new();
            for (block, gap) in picks {
                source.push_str(BLOCKS[block]);
                source.push_str(["\n", "\n\n", "\n\nLetter.\n\n"][gap]);
            }
            if windows_line_breaks {
                source = source.replace('\n', "\r\n");
            }
            if let Err(difference) = reads_in_pieces_as_whole(&source) {
                return Err(proptest::test_runner::TestCaseError::fail(
                    format!("{source:?}\n{difference}"),
                ));
            }
        }
    }

    #[test]
    fn plain_blocks_are_paragraphs() {
        let source = "One.\nTwo.\n\n  \nThree.";
        let prose = plain(source);
        let blocks: Vec<&str> = prose.blocks.iter().map(|block| block.of(source)).collect();
        assert_eq!(blocks, ["One.\nTwo.", "Three."]);
    }
}
