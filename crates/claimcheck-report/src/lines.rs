//! Line starts of a document, to turn byte offsets into lines and columns.

use std::ops::Range;

use claimcheck_core::Span;

/// Where each line of a document starts. Built once per document and
/// shared by every piece of it that is rendered.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineIndex {
    starts: Vec<usize>,
}

const BYTE_ORDER_MARK: char = '\u{feff}';

impl LineIndex {
    #[must_use]
    pub fn new(source: &str) -> LineIndex {
        let starts = std::iter::once(0)
            .chain(memchr_newlines(source).map(|offset| offset + 1))
            .collect();
        LineIndex { starts }
    }

    /// The 1-based line and column (in characters) of a byte offset into
    /// `source`, the text the index was built from.
    #[must_use]
    pub fn position(&self, source: &str, offset: usize) -> (usize, usize) {
        self.position_in(source, offset, Columns::Characters)
    }

    /// The 1-based line and column of a byte offset, the column counted in
    /// `columns`.
    pub(crate) fn position_in(
        &self,
        source: &str,
        offset: usize,
        columns: Columns,
    ) -> (usize, usize) {
        let line = self.starts.partition_point(|start| *start <= offset);
        let before = &source[self.line_start(source, line).min(offset)..offset];
        let column = match columns {
            Columns::Characters => before.chars().count(),
            Columns::Utf16 => before.encode_utf16().count(),
            Columns::Bytes => before.len(),
        };
        (line, column + 1)
    }

    /// Where a span starts and where it ends, its end being the column
    /// after its last character.
    pub(crate) fn region(&self, source: &str, span: Span, columns: Columns) -> Region {
        let (start_line, start_column) = self.position_in(source, span.start, columns);
        let (end_line, end_column) = self.position_in(source, span.end, columns);
        Region {
            start_line,
            start_column,
            end_line,
            end_column,
        }
    }

    /// The byte range of the whole lines a span stands on, without the
    /// last one's line break.
    #[must_use]
    pub fn around(&self, source: &str, span: Span) -> Range<usize> {
        let first = self.starts.partition_point(|start| *start <= span.start);
        // The start of the line after the one the span's last byte is on.
        let after = self
            .starts
            .partition_point(|start| *start < span.end.max(span.start + 1));
        let end = self.starts.get(after).map_or(source.len(), |next| next - 1);
        let end = if source[..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        self.line_start(source, first).min(span.start)..end
    }

    /// Where the text of a line (from 1) starts: a byte order mark is no
    /// part of the first line, nor counts in its columns, as in an editor.
    fn line_start(&self, source: &str, line: usize) -> usize {
        let start = self.starts[line - 1];
        if line == 1 && source.starts_with(BYTE_ORDER_MARK) {
            start + BYTE_ORDER_MARK.len_utf8()
        } else {
            start
        }
    }
}

/// What a column counts. Each consumer of positions has its own: people
/// and claimcheck's own formats count characters, SARIF counts UTF-16 code
/// units unless told otherwise, and reviewdog counts UTF-8 bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Columns {
    Characters,
    Utf16,
    Bytes,
}

/// The lines and columns (1-based) a span covers; the end column is the
/// one after the span's last character, as SARIF, reviewdog and GitHub's
/// annotations all read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Region {
    pub(crate) start_line: usize,
    pub(crate) start_column: usize,
    pub(crate) end_line: usize,
    pub(crate) end_column: usize,
}

fn memchr_newlines(source: &str) -> impl Iterator<Item = usize> + '_ {
    source
        .bytes()
        .enumerate()
        .filter(|(_, byte)| *byte == b'\n')
        .map(|(offset, _)| offset)
}

#[cfg(test)]
mod tests {
    use claimcheck_core::Span;

    use super::{Columns, LineIndex, Region};

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let source = "ab\n€5 x\r\nlast";
        let lines = LineIndex::new(source);
        assert_eq!(lines.position(source, 0), (1, 1));
        assert_eq!(lines.position(source, 3), (2, 1));
        assert_eq!(
            lines.position(source, 6),
            (2, 2),
            "€ is one character of three bytes"
        );
        assert_eq!(lines.position(source, 11), (3, 1));
    }

    #[test]
    fn a_byte_order_mark_is_no_part_of_the_first_line() {
        let source = "\u{feff}12 troops\r\n5 days";
        let lines = LineIndex::new(source);
        assert_eq!(lines.position(source, 3), (1, 1));
        assert_eq!(lines.position(source, 6), (1, 4));
        assert_eq!(lines.position(source, 14), (2, 1));
        let region = lines.region(source, Span::new(3, 5), Columns::Bytes);
        assert_eq!((region.start_column, region.end_column), (1, 3));
        assert_eq!(&source[lines.around(source, Span::new(3, 5))], "12 troops");
    }

    #[test]
    fn a_span_stands_on_whole_lines() {
        let source = "ab\n€5 x\r\nlast";
        let lines = LineIndex::new(source);
        let on = |start, end| &source[lines.around(source, Span::new(start, end))];
        assert_eq!(on(3, 6), "€5 x", "the line break and its \\r are left out");
        assert_eq!(on(0, 1), "ab");
        assert_eq!(
            on(1, 5),
            "ab\n€5 x",
            "a span across a break takes both lines"
        );
        assert_eq!(on(12, 16), "last");
    }

    #[test]
    fn columns_count_in_the_unit_asked_for() {
        // "€" is one character, one UTF-16 unit and three bytes; "𐐀" is one
        // character, two UTF-16 units (a surrogate pair) and four bytes.
        let source = "x\n€𐐀 42 days";
        let lines = LineIndex::new(source);
        let figure = Span::new(source.find("42").unwrap(), source.len());
        let cases = [
            (Columns::Characters, 4, 11),
            (Columns::Utf16, 5, 12),
            (Columns::Bytes, 9, 16),
        ];
        for (columns, start_column, end_column) in cases {
            assert_eq!(
                lines.region(source, figure, columns),
                Region {
                    start_line: 2,
                    start_column,
                    end_line: 2,
                    end_column
                },
                "{columns:?}"
            );
        }
    }

    #[test]
    fn a_span_across_a_line_break_ends_on_the_next_line() {
        let source = "met on Oct.\n3 in Geneva";
        let lines = LineIndex::new(source);
        let figure = Span::new(7, 13);
        assert_eq!(
            lines.region(source, figure, Columns::Characters),
            Region {
                start_line: 1,
                start_column: 8,
                end_line: 2,
                end_column: 2
            }
        );
    }
}
