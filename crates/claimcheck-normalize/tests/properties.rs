//! Properties of what extraction and normalization give for any text:
//! neither panics; every span of a claim lies in the text on character
//! boundaries, inside its sentence and paragraph; claims come in order and
//! apart; every interval has its low bound at or below its high one, and
//! no figure of a claim is infinite or not a number. Warnings of what was
//! read around point into the text too, in order.
//!
//! The texts are any string; strings of pieces that reach deep into the
//! grammar and the Markdown parser, among them figures beyond a float,
//! controls, marks and digits of other scripts; and the fixtures of
//! `data/fixtures/`, each mutated: pieces inserted, stretches deleted and
//! stretches repeated up to past the length of a sentence read whole.

use std::path::Path;
use std::sync::LazyLock;

use claimcheck_core::{Claim, Interval, Span};
use claimcheck_extract::{ExtractWarning, Format, MAX_SENTENCE_BYTES, extract};
use claimcheck_normalize::normalize;
use proptest::prelude::*;
use proptest::sample::Index;

/// Pieces of hostile text, and words the grammar reacts to, so that
/// random strings of them meet both.
const PIECES: &[&str] = &[
    "1e400",
    "1e-400",
    "10^400",
    "1.5x10^",
    "^",
    "-",
    "9e307",
    "0.5",
    "2,000",
    "6 500",
    "5",
    "12",
    "286",
    "1990s",
    "21st",
    "½",
    "3/4",
    "\0",
    "\u{200f}",
    "\u{202e}",
    "\u{2066}",
    "\u{301}",
    "\u{feff}",
    "\u{a0}",
    "٣٤٥",
    "३",
    "１２３",
    "²",
    ">",
    ">>>>",
    "> ",
    "- ",
    "1. ",
    "* ",
    "*",
    "_",
    "[",
    "](",
    ")",
    "`",
    "```",
    "<",
    "<b>",
    "&amp;",
    "\\",
    "|",
    "| 5 |",
    "---",
    "\n",
    "\n\n",
    " ",
    ",",
    ";",
    ".",
    "?",
    "once",
    "every",
    "a",
    "year",
    "years",
    "times",
    "ago",
    "aged",
    "one",
    "two",
    "hundred",
    "thousand",
    "million",
    "lakh",
    "and",
    "or",
    "to",
    "between",
    "more",
    "than",
    "at",
    "least",
    "up",
    "about",
    "nearly",
    "over",
    "under",
    "not",
    "from",
    "rose",
    "fell",
    "was",
    "toll",
    "death",
    "number",
    "of",
    "people",
    "troops",
    "the",
    "will",
    "could",
    "expected",
    "since",
    "In",
    "Oct.",
    "May",
    "August",
    "2020",
    "percent",
    "%",
    "$",
    "€",
    "USD",
    "bn",
    "m",
    "km",
    "feet",
    "inches",
    "weeks",
    "Kipchoge",
    "Mr.",
    "No.",
];

fn pieces() -> impl Strategy<Value = String> {
    // Figures of hundreds of digits, beyond a float either way.
    let piece = prop_oneof![
        16 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => (300..420usize).prop_map(|digits| "9".repeat(digits)),
        1 => (320..340usize).prop_map(|zeros| format!("0.{}1", "0".repeat(zeros))),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.join(" "))
}

/// The fixtures of `data/fixtures/`, in and under it.
static FIXTURES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/fixtures");
    let mut texts = Vec::new();
    let mut folders = vec![root];
    while let Some(folder) = folders.pop() {
        let mut entries: Vec<_> = std::fs::read_dir(&folder)
            .unwrap_or_else(|error| panic!("{}: {error}", folder.display()))
            .map(|entry| entry.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                folders.push(path);
            } else if path
                .extension()
                .is_some_and(|extension| extension == "md" || extension == "txt")
            {
                texts.push(std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    assert!(texts.len() > 10, "the fixtures were not found");
    texts
});

/// A change to a text, at a place chosen anywhere in it.
#[derive(Clone, Debug)]
enum Mutation {
    Insert(Index, String),
    Delete(Index, usize),
    /// Repeats a stretch of up to 40 bytes up to 200 times over.
    Repeat(Index, usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let piece = prop_oneof![
        prop::sample::select(PIECES).prop_map(str::to_string),
        any::<String>(),
    ];
    prop_oneof![
        (any::<Index>(), piece).prop_map(|(at, piece)| Mutation::Insert(at, piece)),
        (any::<Index>(), 1..40usize).prop_map(|(at, length)| Mutation::Delete(at, length)),
        (any::<Index>(), 1..40usize, 2..200usize)
            .prop_map(|(at, length, times)| Mutation::Repeat(at, length, times)),
    ]
}

/// The last character boundary of `text` at or before `at`.
fn boundary_at_or_before(text: &str, at: usize) -> usize {
    (0..=at.min(text.len()))
        .rev()
        .find(|&at| text.is_char_boundary(at))
        .unwrap_or(0)
}

/// `text` with `mutation` made, on character boundaries.
fn mutate(text: &mut String, mutation: &Mutation) {
    let place = |at: &Index| boundary_at_or_before(text, at.index(text.len() + 1));
    match mutation {
        Mutation::Insert(at, piece) => {
            let at = place(at);
            text.insert_str(at, piece);
        }
        Mutation::Delete(at, length) => {
            let start = place(at);
            let end = boundary_at_or_before(text, start + length);
            text.replace_range(start..end, "");
        }
        Mutation::Repeat(at, length, times) => {
            let start = place(at);
            let end = boundary_at_or_before(text, start + length);
            let stretch = text[start..end].repeat(*times);
            text.insert_str(end, &stretch);
        }
    }
}

fn mutated_fixture() -> impl Strategy<Value = String> {
    (any::<Index>(), prop::collection::vec(mutation(), 1..8)).prop_map(|(fixture, mutations)| {
        let mut text = FIXTURES[fixture.index(FIXTURES.len())].clone();
        for mutation in &mutations {
            mutate(&mut text, mutation);
        }
        text
    })
}

fn on_boundaries(source: &str, span: Span) -> bool {
    span.start <= span.end
        && span.end <= source.len()
        && source.is_char_boundary(span.start)
        && source.is_char_boundary(span.end)
}

/// Whether an interval's bounds are numbers, the low at or below the high.
fn is_sound(interval: &Interval) -> bool {
    let numbers = [interval.low, interval.high]
        .iter()
        .flatten()
        .all(|bound| bound.value.is_finite());
    let ordered = match (interval.low, interval.high) {
        (Some(low), Some(high)) => low.value <= high.value,
        _ => true,
    };
    numbers && ordered
}

fn check_claim(source: &str, claim: &Claim) -> Result<(), TestCaseError> {
    for span in [claim.span, claim.sentence, claim.paragraph] {
        prop_assert!(on_boundaries(source, span), "{span:?} in {claim:?}");
    }
    if let Some(noun) = &claim.noun {
        prop_assert!(on_boundaries(source, noun.span), "{claim:?}");
    }
    prop_assert!(!claim.span.is_empty(), "{claim:?}");
    prop_assert!(claim.sentence.contains(claim.span), "{claim:?}");
    let quantity = &claim.quantity;
    prop_assert!(is_sound(&quantity.interval), "{claim:?}");
    prop_assert!(is_sound(&quantity.base.interval), "{claim:?}");
    prop_assert!(quantity.value.is_none_or(f64::is_finite), "{claim:?}");
    prop_assert!(quantity.precision.is_none_or(f64::is_finite), "{claim:?}");
    Ok(())
}

fn check(source: &str) -> Result<(), TestCaseError> {
    for format in [Format::Plain, Format::Markdown] {
        let extraction = extract(source, format);
        for warning in &extraction.warnings {
            prop_assert!(on_boundaries(source, warning.span()), "{warning:?}");
        }
        prop_assert!(
            extraction
                .warnings
                .windows(2)
                .all(|pair| pair[0].span().start <= pair[1].span().start),
            "warnings are in order: {:?}",
            extraction.warnings
        );
        let windowed: Vec<Span> = extraction
            .warnings
            .iter()
            .filter_map(|warning| match warning {
                ExtractWarning::LongSentence { sentence, .. } => Some(*sentence),
                _ => None,
            })
            .collect();
        let normalized = normalize(extraction.mentions, extraction.declared_date.as_deref());
        for claim in &normalized.claims {
            check_claim(source, claim)?;
            // A sentence too long to read whole hands each of its claims
            // a window, no longer than the bound unless a figure is.
            let in_windows = windowed
                .iter()
                .any(|sentence| sentence.contains(claim.sentence));
            prop_assert!(
                !in_windows || claim.sentence.len() <= MAX_SENTENCE_BYTES.max(claim.span.len()),
                "{claim:?}"
            );
        }
        prop_assert!(
            normalized
                .claims
                .windows(2)
                .all(|pair| pair[0].span.end <= pair[1].span.start),
            "claims are in order and apart"
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    #[test]
    fn any_text_normalizes_soundly(source in any::<String>()) {
        check(&source)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    #[test]
    fn hostile_pieces_normalize_soundly(source in pieces()) {
        check(&source)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1_000))]

    #[test]
    fn mutated_fixtures_normalize_soundly(source in mutated_fixture()) {
        check(&source)?;
    }
}

/// Every input the fuzzer found a crash with (`fuzz/`), kept in
/// `data/fixtures/fuzz-found/`, now reads soundly.
#[test]
fn inputs_the_fuzzer_found_read_soundly() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/fixtures/fuzz-found");
    let mut replayed = 0;
    for entry in std::fs::read_dir(&folder).expect("data/fixtures/fuzz-found is readable") {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let source = String::from_utf8_lossy(&bytes);
        check(&source).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        replayed += 1;
    }
    assert!(replayed > 0, "no input in {}", folder.display());
}
