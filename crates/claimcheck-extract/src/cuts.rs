//! Where a large Markdown document may be cut so that its pieces, parsed
//! on their own, give the events the whole would.
//!
//! A cut goes before a line that starts with a letter and follows a blank
//! line: that ends every paragraph, list, quote, table and indented code
//! block, so the next line starts afresh. Only two things run on across
//! it: a fenced code block, and an HTML block of the kinds that end at a
//! closing marker (`<!--`, `<script>`, `<pre>`, …); the front matter is
//! set apart before. A scan of the lines follows both at the top level.
//! One it misjudges (a fence inside a list item) is caught when the piece
//! is parsed, since the block then runs to the piece's end.

use std::ops::Range;

/// Where to cut `source` into pieces of at least `piece_bytes` each
/// (the last may be shorter), in order, covering it. One piece when the
/// document is no longer than that or has no place to cut.
pub(crate) fn pieces(source: &str, piece_bytes: usize) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    if source.len() <= piece_bytes {
        pieces.push(0..source.len());
        return pieces;
    }
    let mut start = 0;
    let mut open: Option<Open> = None;
    let mut after_blank = false;
    for line in lines(source) {
        let text = &source[line.clone()];
        if after_blank
            && open.is_none()
            && line.start - start >= piece_bytes
            && text.starts_with(|c: char| c.is_ascii_alphabetic())
        {
            pieces.push(start..line.start);
            start = line.start;
        }
        open = match open {
            Some(block) => block.continues_after(text).then_some(block),
            None => Open::starting(text),
        };
        after_blank = is_blank(text);
    }
    pieces.push(start..source.len());
    pieces
}

/// The lines of `text`, without their line breaks.
fn lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let end = text[start..].find('\n').map_or(text.len(), |at| start + at);
        let line = start..end;
        start = end + 1;
        Some(line)
    })
}

/// A block that runs on across blank lines until its closing line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Open {
    /// A fenced code block: its fence character and length.
    Fence(u8, usize),
    /// An HTML block, until a line with this marker.
    Html(&'static str),
}

impl Open {
    /// The block a top-level line opens and leaves open, if any.
    fn starting(line: &str) -> Option<Open> {
        let rest = indented(line)?;
        if let Some((fence, length)) = fence(rest) {
            let info = &rest[length..];
            // A backtick fence's info string has no backtick; otherwise the
            // line is inline code.
            return (fence == b'~' || !info.contains('`')).then_some(Open::Fence(fence, length));
        }
        let marker = html_block_end(rest)?;
        let closed_on_its_line = rest[1..].to_ascii_lowercase().contains(marker);
        (!closed_on_its_line).then_some(Open::Html(marker))
    }

    /// Whether the block is still open after `line`.
    fn continues_after(self, line: &str) -> bool {
        match self {
            Open::Fence(character, length) => !indented(line).is_some_and(|rest| {
                fence(rest).is_some_and(|(found, found_length)| {
                    found == character && found_length >= length && is_blank(&rest[found_length..])
                })
            }),
            Open::Html(marker) => !line.to_ascii_lowercase().contains(marker),
        }
    }
}

/// Whether a line (or the rest of one) is blank as Markdown has it: only
/// spaces and tabs, not any Unicode white space.
pub(crate) fn is_blank(line: &str) -> bool {
    line.bytes()
        .all(|byte| matches!(byte, b' ' | b'\t' | b'\r' | b'\n'))
}

/// A line indented by at most three spaces, as a block's opening or
/// closing line must be: what follows the indent.
fn indented(line: &str) -> Option<&str> {
    let rest = line.trim_start_matches(' ');
    let indent = line.len() - rest.len();
    (indent <= 3 && !rest.starts_with('\t')).then_some(rest)
}

/// The fence a line starts with: its character and length, three or more.
fn fence(rest: &str) -> Option<(u8, usize)> {
    let character = *rest.as_bytes().first()?;
    if !matches!(character, b'`' | b'~') {
        return None;
    }
    let length = rest.bytes().take_while(|&byte| byte == character).count();
    (length >= 3).then_some((character, length))
}

/// For a line starting one of the HTML blocks that run to a closing
/// marker rather than to a blank line, that marker, lower case.
fn html_block_end(rest: &str) -> Option<&'static str> {
    let tag = rest.strip_prefix('<')?;
    if tag.starts_with("!--") {
        return Some("-->");
    }
    if tag.starts_with('?') {
        return Some("?>");
    }
    if tag.starts_with("![CDATA[") {
        return Some("]]>");
    }
    if tag.starts_with('!') && tag[1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
        return Some(">");
    }
    let name_end = tag
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(tag.len());
    let after_name = &tag[name_end..];
    let ends_name = after_name.is_empty() || after_name.starts_with([' ', '\t', '>']);
    if !ends_name {
        return None;
    }
    match tag[..name_end].to_ascii_lowercase().as_str() {
        "script" => Some("</script>"),
        "pre" => Some("</pre>"),
        "style" => Some("</style>"),
        "textarea" => Some("</textarea>"),
        _ => None,
    }
}
