//! The words of a sentence in the form keywords compare in.

use std::collections::HashSet;
use std::ops::Range;

use claimcheck_core::{Span, vocab};

/// A sentence's words as keys ([`vocab::word_key`]), in order, hyphenated
/// compounds split into their parts: what topic words are drawn from.
#[derive(Debug)]
pub(crate) struct SentenceWords {
    /// Every key, one after another; the words below point into it, which
    /// spares an allocation per word.
    keys: String,
    words: Vec<Word>,
}

/// A word of the sentence: where its key lies in `keys`, and where the
/// word stands in the source.
#[derive(Clone, Copy, Debug)]
struct Word {
    key: (usize, usize),
    span: Span,
}

/// What a word found by [`visit_words`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Piece {
    /// A word with no hyphen.
    Single,
    /// A hyphenated compound whole (`six-week`), visited before its parts.
    Compound,
    /// One part of a compound (`six`, then `week`).
    Part,
}

/// Visits the words of a sentence in order, each hyphenated compound
/// whole and then part by part, so that `six-week` and `week` both find
/// "six-week".
pub(crate) fn visit_words(source: &str, sentence: Span, mut visit: impl FnMut(&str, Span, Piece)) {
    let text = sentence.of(source);
    for (found, hyphenated) in word_ranges(text) {
        let start = sentence.start + found.start;
        let word = &text[found.clone()];
        let span = Span::new(start, sentence.start + found.end);
        if !hyphenated {
            visit(word, span, Piece::Single);
            continue;
        }
        visit(word, span, Piece::Compound);
        let mut offset = start;
        for part in word.split('-') {
            visit(part, Span::new(offset, offset + part.len()), Piece::Part);
            offset += part.len() + 1;
        }
    }
}

impl SentenceWords {
    pub(crate) fn new(source: &str, sentence: Span) -> SentenceWords {
        let mut words = SentenceWords {
            keys: String::with_capacity(sentence.len()),
            words: Vec::new(),
        };
        visit_words(source, sentence, |word, span, piece| {
            if piece != Piece::Compound {
                let start = words.keys.len();
                vocab::with_word_key(word, |key| words.keys.push_str(key));
                words.words.push(Word {
                    key: (start, words.keys.len()),
                    span,
                });
            }
        });
        words
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
        self.words.iter().filter_map(move |&word| {
            let key = self.key(word);
            let original = word.span.of(source);
            let is_year = original.len() == 4 && original.bytes().all(|b| b.is_ascii_digit());
            let has_digits = original.chars().any(|c| c.is_ascii_digit());
            let in_a_figure = figures.iter().any(|figure| figure.contains(word.span));
            let topical = !vocab::is_function_word(key)
                && !vocab::is_reporting_verb(&original.to_lowercase())
                && vocab::unit(key).is_none()
                && !in_a_figure
                && (is_year || !has_digits);
            (topical && seen.insert(key)).then(|| (key.to_string(), word.span))
        })
    }
}

/// Where the words of a text stand, and whether each is hyphenated: runs
/// of letters and digits, keeping a possessive or contraction (`Union's`,
/// `don’t`) and hyphenated parts (`six-week`). A scan by hand, since a
/// regular expression's cost per match dominated here.
fn word_ranges(text: &str) -> impl Iterator<Item = (Range<usize>, bool)> + '_ {
    let mut rest = 0;
    std::iter::from_fn(move || {
        let start = next_char(text, rest, char::is_alphanumeric)?;
        let mut end = run_end(text, start, char::is_alphanumeric);
        let mark = ['\'', '’']
            .into_iter()
            .find(|&mark| text[end..].starts_with(mark));
        if let Some(mark) = mark {
            let after = end + mark.len_utf8();
            let letters_end = run_end(text, after, char::is_alphabetic);
            if letters_end > after {
                end = letters_end;
            }
        }
        let mut hyphenated = false;
        while text.as_bytes().get(end) == Some(&b'-') {
            let part_end = run_end(text, end + 1, char::is_alphanumeric);
            if part_end == end + 1 {
                break;
            }
            end = part_end;
            hyphenated = true;
        }
        rest = end;
        Some((start..end, hyphenated))
    })
}

/// Where the run of characters matching `is` that starts at `from` ends.
fn run_end(text: &str, from: usize, is: impl Fn(char) -> bool) -> usize {
    next_char(text, from, |c| !is(c)).unwrap_or(text.len())
}

/// Where the first character from `from` on that matches `is` starts.
/// Prose is mostly ASCII, and a byte is tested far faster than a `char`
/// is decoded.
fn next_char(text: &str, from: usize, is: impl Fn(char) -> bool) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = from;
    while let Some(&byte) = bytes.get(at) {
        let c = if byte.is_ascii() {
            char::from(byte)
        } else {
            text[at..].chars().next()?
        };
        if is(c) {
            return Some(at);
        }
        at += c.len_utf8();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_possessives_and_hyphenated_parts() {
        let text = "The Soviet Union's six-week war—2,000 troops; don’t re- 'quote' x-y-z.";
        let words: Vec<&str> = word_ranges(text).map(|(range, _)| &text[range]).collect();
        assert_eq!(
            words,
            [
                "The", "Soviet", "Union's", "six-week", "war", "2", "000", "troops", "don’t", "re",
                "quote", "x-y-z"
            ]
        );
    }
}
