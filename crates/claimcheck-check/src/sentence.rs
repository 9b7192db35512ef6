//! The words of a sentence in the form keywords compare in.

use std::collections::HashSet;
use std::sync::LazyLock;

use claimcheck_core::{Span, vocab};
use regex::Regex;

/// A sentence's words as keys ([`vocab::word_key`]), in order. A
/// hyphenated compound counts as one word and as each of its parts, so
/// `six-week` and `week` both find "six-week".
#[derive(Debug)]
pub(crate) struct SentenceWords {
    /// Single words in order, compounds split into their parts.
    parts: Vec<(String, Span)>,
    /// Whole hyphenated compounds.
    compounds: Vec<(String, Span)>,
}

impl SentenceWords {
    pub(crate) fn new(source: &str, sentence: Span) -> SentenceWords {
        static WORD: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"[\p{L}\p{N}]+(?:['’]\p{L}+)?(?:-[\p{L}\p{N}]+)*").unwrap()
        });
        let mut parts = Vec::new();
        let mut compounds = Vec::new();
        for found in WORD.find_iter(sentence.of(source)) {
            let start = sentence.start + found.start();
            if found.as_str().contains('-') {
                compounds.push((
                    vocab::word_key(found.as_str()),
                    Span::new(start, sentence.start + found.end()),
                ));
                let mut offset = start;
                for part in found.as_str().split('-') {
                    parts.push((
                        vocab::word_key(part),
                        Span::new(offset, offset + part.len()),
                    ));
                    offset += part.len() + 1;
                }
            } else {
                parts.push((
                    vocab::word_key(found.as_str()),
                    Span::new(start, sentence.start + found.end()),
                ));
            }
        }
        SentenceWords { parts, compounds }
    }

    /// The words that say what the sentence is about, each key once, in
    /// order: no function words, no units, no words of the `figures`
    /// (spans of figures and of the nouns they count), and no figures but
    /// years.
    pub(crate) fn topic_words<'s>(
        &'s self,
        source: &'s str,
        figures: &'s [Span],
    ) -> impl Iterator<Item = (String, Span)> + 's {
        let mut seen = HashSet::new();
        self.parts.iter().filter_map(move |(key, span)| {
            let original = span.of(source);
            let is_year = original.len() == 4 && original.bytes().all(|b| b.is_ascii_digit());
            let has_digits = original.chars().any(|c| c.is_ascii_digit());
            let in_a_figure = figures.iter().any(|figure| figure.contains(*span));
            let topical = !vocab::is_function_word(key)
                && vocab::unit(key).is_none()
                && !in_a_figure
                && (is_year || !has_digits);
            (topical && seen.insert(key.clone())).then(|| (key.clone(), *span))
        })
    }

    /// Every key of the sentence: its words, and its compounds whole.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &str> {
        self.parts
            .iter()
            .chain(&self.compounds)
            .map(|(key, _)| key.as_str())
    }

    /// Where a keyword (a key, or several separated by single spaces)
    /// first stands in the sentence.
    pub(crate) fn find(&self, keyword: &str) -> Option<Span> {
        if !keyword.contains(' ') {
            let in_parts = self.parts.iter().find(|(key, _)| key == keyword);
            let in_compounds = || self.compounds.iter().find(|(key, _)| key == keyword);
            return in_parts.or_else(in_compounds).map(|(_, span)| *span);
        }
        let length = keyword.split(' ').count();
        self.parts.windows(length).find_map(|window| {
            let matches = window
                .iter()
                .map(|(key, _)| key.as_str())
                .eq(keyword.split(' '));
            matches.then(|| window[0].1.cover(window[length - 1].1))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_meet_words_in_any_number_and_inside_compounds() {
        let text = "A six-week war in autumn 2020, when the Soviet Union's troops left.";
        let words = SentenceWords::new(text, Span::new(0, text.len()));
        let cases = [
            ("war", Some("war")),
            ("six-week", Some("six-week")),
            ("week", Some("week")),
            ("2020", Some("2020")),
            ("soviet union", Some("Soviet Union's")),
            ("troop", Some("troops")),
            ("union soviet", None),
            ("geneva", None),
        ];
        for (keyword, expected) in cases {
            assert_eq!(
                words.find(keyword).map(|span| span.of(text)),
                expected,
                "{keyword}"
            );
        }
    }
}
