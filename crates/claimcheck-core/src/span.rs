use serde::{Deserialize, Serialize};

/// A half-open range of byte offsets into the original file.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    #[must_use]
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    #[must_use]
    pub fn len(self) -> usize {
        self.end - self.start
    }

    #[must_use]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    #[must_use]
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    #[must_use]
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Bytes between the two spans; zero when they touch or overlap.
    #[must_use]
    pub fn distance(self, other: Span) -> usize {
        other
            .start
            .saturating_sub(self.end)
            .max(self.start.saturating_sub(other.end))
    }

    /// The text under the span.
    ///
    /// # Panics
    /// When the span does not lie on character boundaries of `text`, which
    /// would be a bug in the stage that made it.
    #[must_use]
    pub fn of(self, text: &str) -> &str {
        &text[self.start..self.end]
    }
}

#[cfg(test)]
mod tests {
    use super::Span;

    #[test]
    fn distance_is_zero_for_touching_and_overlapping_spans() {
        assert_eq!(Span::new(0, 5).distance(Span::new(5, 8)), 0);
        assert_eq!(Span::new(0, 5).distance(Span::new(3, 8)), 0);
        assert_eq!(Span::new(0, 5).distance(Span::new(9, 10)), 4);
        assert_eq!(Span::new(9, 10).distance(Span::new(0, 5)), 4);
    }

    #[test]
    fn cover_spans_both() {
        assert_eq!(Span::new(4, 6).cover(Span::new(1, 2)), Span::new(1, 6));
    }
}
