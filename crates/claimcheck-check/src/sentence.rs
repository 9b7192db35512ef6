//! The words of a sentence in the form keywords compare in.

use std::collections::HashSet;
use std::ops::Range;

use claimcheck_core::{Span, vocab};

/// A sentence's words as keys ([`vocab::word_key`]), in order. A
/// hyphenated compound counts as one word and as each of its parts, so
/// `six-week` and `week` both find "six-week".
#[derive(Debug)]
pub(crate) struct SentenceWords {
    /// Every key, one after another; the words below point into it, which
    /// spares an allocation per word.
    keys: String,
    /// Single words in order, compounds split into their parts.
    parts: Vec<Word>,
    /// Whole hyphenated compounds.
    compounds: Vec<Word>,
}

/// A word of the sentence: where its key lies in `keys`, and where the
/// word stands in the source.
#[derive(Clone, Copy, Debug)]
struct Word {
    key: (usize, usize),
    span: Span,
}

impl SentenceWords {
    pub(crate) fn new(source: &str, sentence: Span) -> SentenceWords {
        let mut words = SentenceWords {
            keys: String::with_capacity(sentence.len()),
            parts: Vec::new(),
            compounds: Vec::new(),
        };
        let text = sentence.of(source);
        for found in word_ranges(text) {
            let start = sentence.start + found.start;
            let span = Span::new(start, sentence.start + found.end);
            let found = &text[found];
            if found.contains('-') {
                let compound = words.key_of(found, span);
                words.compounds.push(compound);
                let mut offset = start;
                for part in found.split('-') {
                    let part = words.key_of(part, Span::new(offset, offset + part.len()));
                    words.parts.push(part);
                    offset += part.span.len() + 1;
                }
            } else {
                let word = words.key_of(found, span);
                words.parts.push(word);
            }
        }
        words
    }

    fn key_of(&mut self, word: &str, span: Span) -> Word {
        let start = self.keys.len();
        vocab::with_word_key(word, |key| self.keys.push_str(key));
        Word {
            key: (start, self.keys.len()),
            span,
        }
    }

    fn key(&self, word: Word) -> &str {
        &self.keys[word.key.0..word.key.1]
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
        self.parts.iter().filter_map(move |&word| {
            let key = self.key(word);
            let original = word.span.of(source);
            let is_year = original.len() == 4 && original.bytes().all(|b| b.is_ascii_digit());
            let has_digits = original.chars().any(|c| c.is_ascii_digit());
            let in_a_figure = figures.iter().any(|figure| figure.contains(word.span));
            let topical = !vocab::is_function_word(key)
                && vocab::unit(key).is_none()
                && !in_a_figure
                && (is_year || !has_digits);
            (topical && seen.insert(key)).then(|| (key.to_string(), word.span))
        })
    }

    /// Single words in order, compounds split into their parts, as keys
    /// with their places.
    pub(crate) fn parts(&self) -> impl Iterator<Item = (&str, Span)> {
        self.parts.iter().map(|&word| (self.key(word), word.span))
    }

    /// Hyphenated compounds whole, as keys with their places.
    pub(crate) fn compounds(&self) -> impl Iterator<Item = (&str, Span)> {
        self.compounds
            .iter()
            .map(|&word| (self.key(word), word.span))
    }
}

/// Where the words of a text stand: runs of letters and digits, keeping a
/// possessive or contraction (`Union's`, `don’t`) and hyphenated parts
/// (`six-week`). A scan by hand, since a regular expression's cost per
/// match dominated here.
fn word_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut rest = 0;
    std::iter::from_fn(move || {
        let start = rest + text[rest..].find(char::is_alphanumeric)?;
        let mut end = run_end(text, start, char::is_alphanumeric);
        if let Some(mark) = text[end..]
            .chars()
            .next()
            .filter(|c| matches!(c, '\'' | '’'))
        {
            let after = end + mark.len_utf8();
            let letters_end = run_end(text, after, char::is_alphabetic);
            if letters_end > after {
                end = letters_end;
            }
        }
        while text[end..].starts_with('-') {
            let part_end = run_end(text, end + 1, char::is_alphanumeric);
            if part_end == end + 1 {
                break;
            }
            end = part_end;
        }
        rest = end;
        Some(start..end)
    })
}

/// Where the run of characters matching `is` that starts at `from` ends.
fn run_end(text: &str, from: usize, is: fn(char) -> bool) -> usize {
    text[from..]
        .find(|c: char| !is(c))
        .map_or(text.len(), |length| from + length)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_possessives_and_hyphenated_parts() {
        let text = "The Soviet Union's six-week war—2,000 troops; don’t re- 'quote' x-y-z.";
        let words: Vec<&str> = word_ranges(text).map(|range| &text[range]).collect();
        assert_eq!(
            words,
            [
                "The", "Soviet", "Union's", "six-week", "war", "2", "000", "troops", "don’t", "re",
                "quote", "x-y-z"
            ]
        );
    }
}
