//! Line starts of a document, to turn byte offsets into lines and columns.

use std::ops::Range;

use claimcheck_core::Span;

/// Where each line of a document starts. Built once per document and
/// shared by every piece of it that is rendered.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineIndex {
    starts: Vec<usize>,
}

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
        let line = self.starts.partition_point(|start| *start <= offset);
        let line_start = self.starts[line - 1];
        let column = source[line_start..offset].chars().count() + 1;
        (line, column)
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
        self.starts[first - 1]..end
    }
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
    use super::LineIndex;
    use claimcheck_core::Span;

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
}
