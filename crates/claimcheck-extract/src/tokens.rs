//! Tokens of one sentence: words, figures, symbols and punctuation, each
//! with its span and whether white space comes before it.
//!
//! Figures are scanned here so that "6,500", "6 500", "1,234,567.89", ".5",
//! "-3", "21st" and "1990s" each arrive as one token; the grammar decides
//! what they mean.

use std::borrow::Cow;

use claimcheck_core::Span;

use crate::prose::BARRIER;
use crate::{MAX_SENTENCE_BYTES, MAX_SENTENCE_FIGURES, lexicon};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokenKind {
    Word,
    /// Digits, possibly grouped and with a decimal part.
    Figure,
    /// Digits with an ordinal suffix: "21st".
    Ordinal,
    /// A decade: "1990s", "'90s".
    Decade,
    /// A currency sign, `%` or `°`.
    Symbol,
    Punct,
    /// Text that is not prose (code, a URL); nothing may span it.
    Barrier,
}

#[derive(Clone, Debug)]
pub(crate) struct Token<'t> {
    pub(crate) kind: TokenKind,
    pub(crate) span: Span,
    pub(crate) text: &'t str,
    /// Lower-cased text, for matching against the lexicon; borrowed when
    /// the text has no capitals, as most words do.
    pub(crate) lower: Cow<'t, str>,
    pub(crate) space_before: bool,
}

impl Token<'_> {
    pub(crate) fn is_punct(&self, punct: &str) -> bool {
        self.kind == TokenKind::Punct && self.text == punct
    }

    pub(crate) fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

const SYMBOLS: &[char] = &['$', '€', '£', '¥', '₽', '₹', '₴', '₺', '₩', '%', '°'];

/// A stretch of prose and a copy of it with ASCII capitals lowered, at the
/// same offsets. Tokens borrow their lower-case text from the copy, so that
/// a capitalized word costs no allocation of its own.
#[derive(Debug)]
pub(crate) struct Lowered<'t> {
    text: &'t str,
    lower: String,
    start: usize,
}

impl<'t> Lowered<'t> {
    pub(crate) fn new(text: &'t str, stretch: Span) -> Lowered<'t> {
        Lowered {
            text,
            lower: stretch.of(text).to_ascii_lowercase(),
            start: stretch.start,
        }
    }

    /// The lower-case form of a token's text, which starts at `start`.
    fn lower(&self, text: &str, start: usize) -> Cow<'_, str> {
        // The copy lowered ASCII capitals only; any other capital is
        // lowered here, which prose rarely needs.
        if text.is_ascii() || !text.chars().any(char::is_uppercase) {
            let start = start - self.start;
            Cow::Borrowed(&self.lower[start..start + text.len()])
        } else {
            Cow::Owned(text.to_lowercase())
        }
    }
}

/// Replaces `tokens` with the tokens of the next window of a sentence of
/// the stretch, from byte `from` (where a token starts) on, and returns
/// where the window after it starts: the sentence's end once all of it is
/// read. A window ends before it would pass [`MAX_SENTENCE_BYTES`] or hold
/// more than [`MAX_SENTENCE_FIGURES`] figures in digits (see [`cut`]); a
/// sentence within both is one window. Each token is read with the whole
/// sentence around it, so a window holds the tokens the whole would.
///
/// The caller keeps one vector for every sentence, so that tokenizing
/// allocates nothing new once it has seen a long sentence.
pub(crate) fn tokenize<'t>(
    lowered: &'t Lowered<'_>,
    sentence: Span,
    from: usize,
    tokens: &mut Vec<Token<'t>>,
) -> usize {
    tokens.clear();
    let text = lowered.text;
    let slice = &text[sentence.start..sentence.end];
    let mut position = from - sentence.start;
    let mut space_before = slice[..position]
        .chars()
        .next_back()
        .is_none_or(char::is_whitespace);
    let mut figures = 0;
    while position < slice.len() {
        let rest = &slice[position..];
        let c = rest.chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            space_before = true;
            position += c.len_utf8();
            continue;
        }
        let (kind, length) = if c == char::from(BARRIER) {
            (
                TokenKind::Barrier,
                rest.len() - rest.trim_start_matches(char::from(BARRIER)).len(),
            )
        } else if c.is_alphabetic() {
            // Most tokens are words, and no figure starts with a letter.
            (TokenKind::Word, word_length(rest))
        } else if let Some(figure) = scan_figure(slice, position) {
            figure
        } else if lexicon::is_vulgar_fraction(c) {
            (TokenKind::Figure, c.len_utf8())
        } else if c.is_ascii_digit() {
            // Digits glued to a word or figure ("G20", "MH17") are labels, not figures.
            (
                TokenKind::Punct,
                rest.len() - rest.trim_start_matches(char::is_alphanumeric).len(),
            )
        } else if is_foreign_digit(c) {
            (
                TokenKind::Punct,
                rest.len() - rest.trim_start_matches(is_foreign_digit).len(),
            )
        } else if SYMBOLS.contains(&c) {
            (TokenKind::Symbol, c.len_utf8())
        } else {
            (TokenKind::Punct, c.len_utf8())
        };
        let start = sentence.start + position;
        let is_figure = matches!(
            kind,
            TokenKind::Figure | TokenKind::Ordinal | TokenKind::Decade
        );
        let too_long = start + length - from > MAX_SENTENCE_BYTES;
        if !tokens.is_empty() && (too_long || is_figure && figures == MAX_SENTENCE_FIGURES) {
            return cut(tokens, start, space_before);
        }
        figures += usize::from(is_figure);
        let token_text = &slice[position..position + length];
        tokens.push(Token {
            kind,
            span: Span::new(start, start + length),
            text: token_text,
            lower: lowered.lower(token_text, start),
            space_before,
        });
        space_before = false;
        position += length;
    }
    sentence.end
}

/// Ends a full window of `tokens`, whose next token would start at
/// `next_start`, and returns where the next window starts. The cut goes
/// after the last clause that ends in the window's second half, else
/// before its last token that white space comes before, else before the
/// next token: a phrase is seldom cut, and only in a sentence too long to
/// read whole.
fn cut(tokens: &mut Vec<Token<'_>>, next_start: usize, next_space_before: bool) -> usize {
    let half = tokens.len() / 2 + 1;
    let start_of = |at: usize| tokens.get(at).map_or(next_start, |token| token.span.start);
    let space_before = |at: usize| {
        tokens
            .get(at)
            .map_or(next_space_before, |token| token.space_before)
    };
    let after_clause = (half..=tokens.len()).rev().find(|&at| {
        let before = &tokens[at - 1];
        before.kind == TokenKind::Punct && lexicon::ends_clause(before.text)
    });
    let at = after_clause
        .or_else(|| (half..=tokens.len()).rev().find(|&at| space_before(at)))
        .unwrap_or(tokens.len());
    let next = start_of(at);
    tokens.truncate(at);
    next
}

/// Whether a character is a digit of a script other than Latin (Arabic-
/// Indic `٣`, Devanagari `३`, fullwidth `３`), which makes no figure. Not
/// superscripts and subscripts, which mark powers and notes ("km²"), nor
/// the symbols of number forms and enclosed numbers (`⅓`, `Ⅻ`, `③`).
fn is_foreign_digit(c: char) -> bool {
    !c.is_ascii()
        && c.is_numeric()
        && !lexicon::is_vulgar_fraction(c)
        && !matches!(
            c,
            '\u{b2}'
                | '\u{b3}'
                | '\u{b9}'
                | '\u{2070}'..='\u{209f}'
                | '\u{2150}'..='\u{218f}'
                | '\u{2460}'..='\u{24ff}'
                | '\u{2776}'..='\u{2793}'
        )
}

/// Whether a token is a run of digits of another script.
pub(crate) fn is_foreign_digits(token: &Token<'_>) -> bool {
    token.kind == TokenKind::Punct && token.text.starts_with(is_foreign_digit)
}

/// Letters, with apostrophes inside ("Azerbaijan's", "don't").
fn word_length(rest: &str) -> usize {
    // Most words are ASCII letters, which need no decoding; characters are
    // read one by one only from the first byte that is not one.
    let ascii_letters = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    let mut length = ascii_letters;
    let mut chars = rest[ascii_letters..].char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        if c.is_alphabetic() {
            length = ascii_letters + offset + c.len_utf8();
        } else if !matches!(c, '\'' | '’')
            || !chars.peek().is_some_and(|(_, next)| next.is_alphabetic())
        {
            break;
        }
    }
    length
}

/// A figure token starting at `position`, if one does.
fn scan_figure(slice: &str, position: usize) -> Option<(TokenKind, usize)> {
    let bytes = slice.as_bytes();
    let rest = &slice[position..];
    // Punctuation reaches here too, and most of it can start no figure:
    // only a digit, a point, a sign or a decade's apostrophe can.
    if !rest.starts_with(|c: char| {
        c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | '\u{2212}' | '\'' | '\u{2019}')
    }) {
        return None;
    }
    let previous = slice[..position].chars().next_back();
    // Digits glued to a word or a figure ("G20", "MH17") are no figure's
    // start, except after a currency code ("USD115") or in a list written
    // without spaces ("22,24,26").
    let after_currency_code = previous.is_some_and(|c| c.is_ascii_uppercase())
        && ends_with_currency_code(&slice[..position]);
    let in_list = previous == Some(',')
        && slice[..position - 1].ends_with(|c: char| c.is_ascii_digit())
        && !slice[position..].starts_with('0');
    if previous.is_some_and(|c| c.is_alphanumeric() || c == '.' || c == ',')
        && !after_currency_code
        && !in_list
    {
        return None;
    }
    if let Some(length) = two_digit_decade(rest) {
        return Some((TokenKind::Decade, length));
    }
    let sign = if previous.is_none_or(|c| {
        c.is_whitespace() || matches!(c, '(' | '[' | '"' | '“' | '<' | '>' | '=' | '~' | '^')
    }) {
        rest.chars()
            .next()
            .filter(|c| matches!(c, '-' | '+' | '\u{2212}'))
            .map_or(0, char::len_utf8)
    } else {
        0
    };
    let digits_start = position + sign;
    let first = *bytes.get(digits_start)?;
    let leading_point =
        first == b'.' && bytes.get(digits_start + 1).is_some_and(u8::is_ascii_digit);
    if !first.is_ascii_digit() && !leading_point {
        return None;
    }
    let mut end = digits_start;
    if !leading_point {
        end = digit_run(bytes, end);
        if end - digits_start <= 3 {
            end = grouped(slice, end);
        }
    }
    // A decimal part needs a digit after the point, so "in 1991." ends at 1991.
    if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end = digit_run(bytes, end + 1);
    }
    end = exponent(slice, end);
    if sign == 0 && !leading_point {
        let digits = &slice[position..end];
        let tail = &slice[end..];
        let ends_word = |length: usize| {
            !tail[length..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        };
        let all_digits = digits.bytes().all(|b| b.is_ascii_digit());
        let suffix = tail.get(..2).map(str::to_ascii_lowercase);
        if all_digits
            && matches!(suffix.as_deref(), Some("st" | "nd" | "rd" | "th"))
            && ends_word(2)
        {
            return Some((TokenKind::Ordinal, end + 2 - position));
        }
        if all_digits && digits.len() == 4 && digits.ends_with('0') {
            let plural = ["s", "'s", "\u{2019}s"]
                .into_iter()
                .find(|mark| tail.starts_with(mark) && ends_word(mark.len()));
            if let Some(plural) = plural {
                return Some((TokenKind::Decade, 4 + plural.len()));
            }
        }
    }
    Some((TokenKind::Figure, end - position))
}

/// "'90s" or "’90s", as a length in bytes.
fn two_digit_decade(rest: &str) -> Option<usize> {
    let apostrophe = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '\'' | '\u{2019}'))?;
    let after = &rest[apostrophe.len_utf8()..];
    let bytes = after.as_bytes();
    let is_decade = bytes.len() >= 3
        && bytes[0].is_ascii_digit()
        && bytes[1] == b'0'
        && bytes[2] == b's'
        && !after[3..].chars().next().is_some_and(char::is_alphanumeric);
    is_decade.then_some(apostrophe.len_utf8() + 3)
}

/// Extends a figure over an exponent: "1.3e6", "12.32e+14", "-12e-1".
fn exponent(slice: &str, end: usize) -> usize {
    let bytes = slice.as_bytes();
    if !matches!(bytes.get(end), Some(b'e' | b'E')) {
        return end;
    }
    let sign = usize::from(matches!(bytes.get(end + 1), Some(b'+' | b'-')));
    let digits_end = digit_run(bytes, end + 1 + sign);
    let has_digits = digits_end > end + 1 + sign;
    let ends_word = !slice[digits_end..]
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric);
    if has_digits && ends_word {
        digits_end
    } else {
        end
    }
}

/// Whether text ends in a three-letter currency code in capitals ("USD").
fn ends_with_currency_code(text: &str) -> bool {
    let Some(code) = text.get(text.len().saturating_sub(3)..) else {
        return false;
    };
    let before = text[..text.len() - code.len()].chars().next_back();
    code.len() == 3
        && code.chars().all(|c| c.is_ascii_uppercase())
        && !before.is_some_and(char::is_alphanumeric)
        && claimcheck_core::vocab::unit(&code.to_lowercase())
            .is_some_and(|unit| unit.kind == claimcheck_core::Kind::Money)
}

fn digit_run(bytes: &[u8], mut end: usize) -> usize {
    while bytes.get(end).is_some_and(u8::is_ascii_digit) {
        end += 1;
    }
    end
}

/// Extends a run of one to three digits over groups of exactly three:
/// "6,500", "1,234,567", and "6 500" with a space or a no-break space; or
/// over the Indian grouping of lakhs and crores: "12,34,567", "1,00,000".
fn grouped(slice: &str, end: usize) -> usize {
    indian_grouped(slice.as_bytes(), end).unwrap_or_else(|| thousands_grouped(slice, end))
}

fn indian_grouped(bytes: &[u8], start: usize) -> Option<usize> {
    let mut end = start;
    let mut pairs = 0;
    while bytes.get(end) == Some(&b',') && digit_run(bytes, end + 1) == end + 3 {
        pairs += 1;
        end += 3;
    }
    let last = digit_run(bytes, end + 1);
    let closes = bytes.get(end) == Some(&b',') && last == end + 4;
    (pairs > 0 && closes).then_some(last)
}

fn thousands_grouped(slice: &str, mut end: usize) -> usize {
    let bytes = slice.as_bytes();
    let mut separator: Option<&str> = None;
    loop {
        let rest = &slice[end..];
        let Some(next) = rest.chars().next() else {
            break;
        };
        if !matches!(next, ',' | ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}') {
            break;
        }
        let this_separator = &rest[..next.len_utf8()];
        if separator.is_some_and(|previous| previous != this_separator) {
            break;
        }
        let group_start = end + next.len_utf8();
        let group_end = digit_run(bytes, group_start);
        if group_end - group_start != 3 {
            break;
        }
        separator = Some(this_separator);
        end = group_end;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each token's kind, text and whether white space comes before it.
    fn tokens_of(text: &str) -> Vec<(TokenKind, &str, bool)> {
        let whole = Span::new(0, text.len());
        let lowered = Lowered::new(text, whole);
        let mut tokens = Vec::new();
        assert_eq!(tokenize(&lowered, whole, 0, &mut tokens), text.len());
        tokens
            .iter()
            .map(|token| (token.kind, token.span.of(text), token.space_before))
            .collect()
    }

    fn kinds_and_texts(text: &str) -> Vec<(TokenKind, &str)> {
        tokens_of(text)
            .into_iter()
            .map(|(kind, text, _)| (kind, text))
            .collect()
    }

    #[test]
    fn figures_are_single_tokens() {
        use TokenKind::{Figure, Punct, Word};
        let cases: &[(&str, &[(TokenKind, &str)])] = &[
            ("6,500", &[(Figure, "6,500")]),
            ("6 500 troops", &[(Figure, "6 500"), (Word, "troops")]),
            ("6\u{a0}500", &[(Figure, "6\u{a0}500")]),
            ("1,234,567.89", &[(Figure, "1,234,567.89")]),
            (
                "0.5 and .5",
                &[(Figure, "0.5"), (Word, "and"), (Figure, ".5")],
            ),
            (
                "-3 and +4.2",
                &[(Figure, "-3"), (Word, "and"), (Figure, "+4.2")],
            ),
            ("in 1991.", &[(Word, "in"), (Figure, "1991"), (Punct, ".")]),
            ("2020 300", &[(Figure, "2020"), (Figure, "300")]),
            // A list written without spaces: "22,24,26".
            ("1,50", &[(Figure, "1"), (Punct, ","), (Figure, "50")]),
            ("200-300", &[(Figure, "200"), (Punct, "-"), (Figure, "300")]),
        ];
        for (text, expected) in cases {
            assert_eq!(&kinds_and_texts(text), expected, "{text}");
        }
    }

    #[test]
    fn ordinals_decades_words_and_symbols() {
        use TokenKind::{Decade, Figure, Ordinal, Punct, Symbol, Word};
        let cases: &[(&str, &[(TokenKind, &str)])] = &[
            (
                "21st-century",
                &[(Ordinal, "21st"), (Punct, "-"), (Word, "century")],
            ),
            ("the 1990s", &[(Word, "the"), (Decade, "1990s")]),
            ("the '90s", &[(Word, "the"), (Decade, "'90s")]),
            ("$1.2bn", &[(Symbol, "$"), (Figure, "1.2"), (Word, "bn")]),
            ("12%", &[(Figure, "12"), (Symbol, "%")]),
            ("Azerbaijan's 2", &[(Word, "Azerbaijan's"), (Figure, "2")]),
            (
                "G20 MH17",
                &[(Word, "G"), (Punct, "20"), (Word, "MH"), (Punct, "17")],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(&kinds_and_texts(text), expected, "{text}");
        }
    }

    /// The windows a sentence of `text` is read in, as the text of each.
    fn windows_of(text: &str) -> Vec<&str> {
        let whole = Span::new(0, text.len());
        let lowered = Lowered::new(text, whole);
        let mut tokens = Vec::new();
        let mut windows = Vec::new();
        let mut from = 0;
        while from < text.len() {
            let next = tokenize(&lowered, whole, from, &mut tokens);
            let (first, last) = (&tokens[0], &tokens[tokens.len() - 1]);
            windows.push(&text[first.span.start..last.span.end]);
            assert!(
                text[last.span.end..next].trim().is_empty(),
                "a window ends where the next starts"
            );
            from = next;
        }
        windows
    }

    #[test]
    fn a_long_sentence_is_cut_after_a_clause_or_between_words() {
        let clauses = "ten troops left the town, ".repeat(400);
        let windows = windows_of(&clauses);
        assert!(windows.len() > 1);
        for window in &windows[..windows.len() - 1] {
            assert!(window.len() <= MAX_SENTENCE_BYTES, "{}", window.len());
            assert!(window.ends_with("town,"), "{window:?}");
        }
        let words = "troops ".repeat(2_000);
        for window in windows_of(&words) {
            assert!(window.len() <= MAX_SENTENCE_BYTES);
            assert!(window.starts_with("troops") && window.ends_with("troops"));
        }
        // A token longer than a window is one of its own.
        let long = format!("5 {} troops", "9".repeat(2 * MAX_SENTENCE_BYTES));
        assert_eq!(
            windows_of(&long),
            ["5", &*"9".repeat(2 * MAX_SENTENCE_BYTES), "troops"]
        );
        let figures = "5 ".repeat(MAX_SENTENCE_FIGURES + 1);
        assert_eq!(
            windows_of(&figures),
            ["5 ".repeat(MAX_SENTENCE_FIGURES).trim_end(), "5"]
        );
    }

    #[test]
    fn space_before_is_recorded() {
        let tokens = tokens_of("six-week war");
        let spaces: Vec<bool> = tokens
            .iter()
            .map(|(.., space_before)| *space_before)
            .collect();
        assert_eq!(spaces, [true, false, false, true]);
    }
}
