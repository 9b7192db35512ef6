//! The prose of a file, with everything that is not prose blanked out.
//!
//! Markdown is parsed, and only the text a reader reads is kept: code,
//! HTML, link targets, autolinks, images and front matter are not prose.
//! The result is a buffer exactly as long as the file, holding the prose
//! bytes at their original offsets, so every span found in it is a span of
//! the file. Markup around prose (`**`, `#`, `[`) becomes spaces, so
//! "more than **6,500**" still reads as one phrase; text that is not prose
//! becomes [`BARRIER`] bytes, which no phrase may cross.

use claimcheck_core::Span;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use rayon::prelude::*;
use regex::Regex;
use std::sync::LazyLock;

/// Fills text that is not prose. An ASCII control byte keeps the buffer
/// valid UTF-8 whatever bytes it replaces.
pub(crate) const BARRIER: u8 = 0x01;

#[derive(Debug)]
pub(crate) struct Prose {
    pub(crate) text: String,
    /// Runs of prose that a sentence cannot cross: paragraphs, headings,
    /// list items, table cells.
    pub(crate) blocks: Vec<Span>,
    /// The `date:` field of the front matter, as written.
    pub(crate) declared_date: Option<String>,
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
        declared_date: None,
    }
}

pub(crate) fn markdown(source: &str) -> Prose {
    let mut text: Vec<u8> = source
        .bytes()
        .map(|byte| if byte == b'\n' { b'\n' } else { b' ' })
        .collect();
    let mut blocks = Vec::new();
    let mut open_block: Option<Span> = None;
    let mut hidden_depth = 0usize;
    // Whether each open link hides its text, so its end knows what to undo.
    let mut open_links: Vec<bool> = Vec::new();
    let mut in_metadata = false;
    let mut declared_date = None;

    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if is_block(&tag) {
                    close(&mut open_block, &mut blocks);
                }
                match tag {
                    Tag::MetadataBlock(_) => in_metadata = true,
                    Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::Image { .. } => {
                        hidden_depth += 1;
                        fill(&mut text, range.start, range.end, BARRIER);
                    }
                    Tag::Link { link_type, .. } => {
                        // An autolink's text is its address.
                        let hides = matches!(link_type, LinkType::Autolink | LinkType::Email);
                        if hides {
                            hidden_depth += 1;
                            fill(&mut text, range.start, range.end, BARRIER);
                        }
                        open_links.push(hides);
                    }
                    _ => {}
                }
            }
            Event::End(tag_end) => {
                match tag_end {
                    TagEnd::MetadataBlock(_) => in_metadata = false,
                    TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::Image => hidden_depth -= 1,
                    TagEnd::Link if open_links.pop() == Some(true) => hidden_depth -= 1,
                    _ => {}
                }
                if is_block_end(tag_end) {
                    close(&mut open_block, &mut blocks);
                }
            }
            Event::Text(content) if in_metadata => {
                declared_date = declared_date.or_else(|| front_matter_date(&content));
            }
            Event::Text(content) if hidden_depth == 0 => {
                copy_prose(source, &mut text, range.start, range.end, &content);
                let span = Span::new(range.start, range.end);
                open_block = Some(open_block.map_or(span, |block| block.cover(span)));
            }
            Event::Code(_)
            | Event::Html(_)
            | Event::InlineHtml(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => {
                fill(&mut text, range.start, range.end, BARRIER);
            }
            _ => {}
        }
    }
    close(&mut open_block, &mut blocks);
    mask_non_prose_tokens(&mut text);
    Prose {
        text: into_string(text),
        blocks,
        declared_date,
    }
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

fn close(open_block: &mut Option<Span>, blocks: &mut Vec<Span>) {
    if let Some(block) = open_block.take() {
        blocks.push(block);
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
        .collect();
    for (start, end) in matches {
        fill(text, start, end, BARRIER);
    }
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

    #[test]
    fn plain_blocks_are_paragraphs() {
        let source = "One.\nTwo.\n\n  \nThree.";
        let prose = plain(source);
        let blocks: Vec<&str> = prose.blocks.iter().map(|block| block.of(source)).collect();
        assert_eq!(blocks, ["One.\nTwo.", "Three."]);
    }
}
