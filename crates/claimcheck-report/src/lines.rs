//! Line starts of a document, to turn byte offsets into lines and columns.

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

    /// The text of a 1-based line, without its line break.
    #[must_use]
    pub fn line<'s>(&self, source: &'s str, line: usize) -> &'s str {
        let start = self.starts[line - 1];
        let end = self.starts.get(line).map_or(source.len(), |next| next - 1);
        source[start..end].trim_end_matches('\r')
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
        assert_eq!(lines.line(source, 2), "€5 x");
        assert_eq!(lines.line(source, 3), "last");
    }
}
