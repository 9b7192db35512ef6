//! Properties that hold for any input: extraction never panics, every span
//! lies on character boundaries inside its sentence, every warning points
//! into the input, in order, and the same input gives the same output.

use claimcheck_extract::{Format, extract};
use proptest::prelude::*;

/// Words and marks the grammar reacts to, so that random text reaches deep
/// into it rather than stopping at the first letter.
const PIECES: &[&str] = &[
    "0",
    "1",
    "2",
    "12",
    "286",
    "2,000",
    "6 500",
    "1.5",
    ".5",
    "-3",
    "+4",
    "1e6",
    "3/4",
    "½",
    "2½",
    "21st",
    "1990s",
    "'90s",
    "2020",
    "one",
    "two",
    "twenty",
    "-",
    "–",
    "five",
    "hundred",
    "thousand",
    "million",
    "dozen",
    "dozens",
    "half",
    "a",
    "an",
    "quarter",
    "third",
    "thirds",
    "and",
    "or",
    "to",
    "of",
    "in",
    "out",
    "over",
    "between",
    "from",
    "point",
    "minus",
    "more",
    "than",
    "at",
    "least",
    "up",
    "about",
    "around",
    "nearly",
    "exactly",
    "equal",
    "or more",
    "%",
    "percent",
    "per",
    "cent",
    "$",
    "US$",
    "€",
    "£",
    "USD",
    "MEUR",
    "bn",
    "m",
    "M",
    "k",
    "km",
    "°",
    "C",
    "feet",
    "inches",
    "dollars",
    "cents",
    "weeks",
    "week",
    "years",
    "ago",
    "decades",
    "several",
    "October",
    "Oct.",
    "May",
    "August",
    "the",
    "troops",
    "people",
    "war",
    "No.",
    "COVID",
    "G20",
    "x",
    "^",
    "<",
    ">=",
    "≤",
    "~",
    "/",
    ",",
    ".",
    "!",
    "?",
    "\"",
    "(",
    ")",
    "**",
    "`",
    "[a](http://x.org/1)",
    "<https://x.org/2>",
    "#",
    "\n",
    "\n\n",
    " ",
    "é",
    "日本",
    "🙂",
    "\u{a0}",
    "\u{2212}",
];

fn prose() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|pieces| {
        let mut text = String::new();
        for (index, piece) in pieces.iter().enumerate() {
            if index % 3 != 0 {
                text.push(' ');
            }
            text.push_str(piece);
        }
        text
    })
}

fn check_spans(source: &str, format: Format) -> Result<(), TestCaseError> {
    let first = extract(source, format);
    for mention in &first.mentions {
        let span = mention.span;
        prop_assert!(
            span.start < span.end && span.end <= source.len(),
            "{span:?} in {source:?}"
        );
        prop_assert!(source.is_char_boundary(span.start) && source.is_char_boundary(span.end));
        prop_assert!(
            mention.sentence.contains(span),
            "{span:?} outside its sentence {:?}",
            mention.sentence
        );
        prop_assert!(
            source.is_char_boundary(mention.sentence.start)
                && source.is_char_boundary(mention.sentence.end)
        );
        let text = &source[span.start..span.end];
        prop_assert_eq!(text.trim(), text, "a phrase starts and ends on a token");
        if let Some(noun) = &mention.noun {
            prop_assert!(
                source.is_char_boundary(noun.span.start) && source.is_char_boundary(noun.span.end)
            );
        }
    }
    prop_assert!(
        first
            .mentions
            .windows(2)
            .all(|pair| pair[0].span.end <= pair[1].span.start),
        "mentions are in order and apart"
    );
    for warning in &first.warnings {
        let span = warning.span();
        prop_assert!(
            span.start <= span.end && span.end <= source.len(),
            "{warning:?}"
        );
        prop_assert!(source.is_char_boundary(span.start) && source.is_char_boundary(span.end));
    }
    prop_assert!(
        first
            .warnings
            .windows(2)
            .all(|pair| pair[0].span().start <= pair[1].span().start),
        "warnings are in order"
    );
    prop_assert_eq!(
        &first,
        &extract(source, format),
        "the same input gives the same output"
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn any_text_is_read_safely(source in any::<String>()) {
        check_spans(&source, Format::Plain)?;
        check_spans(&source, Format::Markdown)?;
    }

    #[test]
    fn number_heavy_text_is_read_safely(source in prose()) {
        check_spans(&source, Format::Plain)?;
        check_spans(&source, Format::Markdown)?;
    }
}
