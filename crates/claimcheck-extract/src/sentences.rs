//! Sentence boundaries inside a block of prose.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes and
//! brackets) followed by white space and then a capital, a digit, an opening
//! quote or the end of the block. A period after a known abbreviation
//! ("Oct.", "Mr.", "No.", "U.S.") or a single initial ends nothing, which is
//! what keeps "met on Oct. 3 in Geneva" one sentence.

use claimcheck_core::Span;

use crate::prose::BARRIER;

pub(crate) fn split(text: &str, block: Span) -> Vec<Span> {
    let mut sentences = Vec::new();
    let mut start = block.start;
    let bytes = text.as_bytes();
    let mut position = block.start;
    while let Some(terminator) = next_terminator(bytes, position, block.end) {
        let c = text[terminator..].chars().next().unwrap_or('.');
        let mut end = terminator + c.len_utf8();
        end += text[end..block.end]
            .chars()
            .take_while(|next| {
                matches!(
                    next,
                    '.' | '!' | '?' | '…' | '"' | '\'' | '”' | '’' | ')' | ']' | '»'
                )
            })
            .map(char::len_utf8)
            .sum::<usize>();
        position = end;
        if end < block.end && !bytes[end].is_ascii_whitespace() {
            continue;
        }
        if c == '.' && end == terminator + 1 && is_abbreviation(&text[start..terminator]) {
            continue;
        }
        if starts_sentence(&text[end..block.end]) {
            push_trimmed(text, Span::new(start, end), &mut sentences);
            start = end;
        }
    }
    push_trimmed(text, Span::new(start, block.end), &mut sentences);
    sentences
}

/// Where the next `.`, `!`, `?` or `…` is, from `from` up to `to`. Bytes
/// are searched rather than characters decoded, since nearly every byte of
/// prose ends nothing: the three ASCII marks are single bytes, and `…` is
/// the only candidate that starts with 0xE2.
fn next_terminator(bytes: &[u8], from: usize, to: usize) -> Option<usize> {
    (from..to).find(|&at| match bytes[at] {
        b'.' | b'!' | b'?' => true,
        0xE2 => bytes[at..to].starts_with("…".as_bytes()),
        _ => false,
    })
}

fn starts_sentence(rest: &str) -> bool {
    match rest.trim_start().chars().next() {
        None => true,
        Some(c) => {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«')
        }
    }
}

/// Whether the text before a period ends in a word that a period
/// abbreviates rather than ends.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| {
            c.is_whitespace()
                || matches!(c, '(' | '"' | '“' | '\'' | '‘' | '[')
                || c == char::from(BARRIER)
        })
        .next()
        .unwrap_or("");
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    // Dotted initialisms: "U.S", "e.g", "a.m"; not a figure such as "1.5".
    let is_initial =
        |part: &str| part.chars().count() == 1 && part.chars().all(char::is_alphabetic);
    if word.contains('.') && word.split('.').all(is_initial) {
        return true;
    }
    // Lowering an ASCII word needs no new string.
    if word.is_ascii() {
        ABBREVIATIONS
            .iter()
            .any(|abbreviation| abbreviation.eq_ignore_ascii_case(word))
    } else {
        ABBREVIATIONS.contains(&word.to_lowercase().as_str())
    }
}

/// Words that take a period in news prose without ending a sentence.
/// "etc." is missing on purpose: it usually does end one.
const ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
    "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "mr", "mrs", "ms", "dr",
    "prof", "st", "sr", "jr", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj", "gov",
    "sen", "rep", "pres", "rev", "hon", "amb", "no", "nos", "vs", "v", "inc", "ltd", "co", "corp",
    "dept", "univ", "approx", "est", "fig", "figs", "vol", "pp", "p", "ca", "cf", "al", "mt", "ft",
    "pt", "ave", "blvd", "rd",
];

fn push_trimmed(text: &str, span: Span, sentences: &mut Vec<Span>) {
    let is_blank = |c: char| c.is_whitespace() || c == char::from(BARRIER);
    let slice = &text[span.start..span.end];
    let leading = slice.len() - slice.trim_start_matches(is_blank).len();
    let trailing = slice.len() - slice.trim_end_matches(is_blank).len();
    if leading + trailing < slice.len() {
        sentences.push(Span::new(span.start + leading, span.end - trailing));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences_of(text: &str) -> Vec<&str> {
        split(text, Span::new(0, text.len()))
            .iter()
            .map(|span| span.of(text))
            .collect()
    }

    #[test]
    fn splitting_table() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two! Three? Four", &["One.", "Two!", "Three?", "Four"]),
            (
                "Ministers met on Oct. 3 in Geneva. Then",
                &["Ministers met on Oct. 3 in Geneva.", "Then"],
            ),
            (
                "The U.S. and Mr. Aliyev agreed. No. 10 said so.",
                &["The U.S. and Mr. Aliyev agreed.", "No. 10 said so."],
            ),
            (
                "J. Smith wrote it. It sold 1.5 million.",
                &["J. Smith wrote it.", "It sold 1.5 million."],
            ),
            (
                "He said \"It was useful.\" The president left.",
                &["He said \"It was useful.\"", "The president left."],
            ),
            (
                "a peace agreement... to guarantee peace.",
                &["a peace agreement... to guarantee peace."],
            ),
            (
                "It rose 5.5 percent. 2,000 troops left.",
                &["It rose 5.5 percent.", "2,000 troops left."],
            ),
            (
                "Inflation rose to 1.5. Then it fell to 2 percent.",
                &["Inflation rose to 1.5.", "Then it fell to 2 percent."],
            ),
            ("  padded.  ", &["padded."]),
        ];
        for (text, expected) in cases {
            assert_eq!(&sentences_of(text), expected, "{text}");
        }
    }
}
