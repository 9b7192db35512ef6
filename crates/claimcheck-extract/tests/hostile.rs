//! Hostile text: extraction survives it with work and memory in proportion
//! to its length, reads what it can, and warns of what it reads around.
//!
//! The largest inputs are built here rather than kept as fixtures; a
//! debug build reads a tenth of the size a release build does (a fiftieth
//! of the prose, which its unoptimized grammar reads slowest), and time is
//! held to linear growth by comparing two sizes, the best of three runs
//! each, with a generous ratio, since the machine is shared.

use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use claimcheck_core::{Mention, Reading};
use claimcheck_extract::{
    ExtractWarning, Extraction, Format, MAX_SENTENCE_BYTES, MAX_SENTENCE_FIGURES, extract,
};

/// The size of the largest inputs: 50 MB, or 5 MB in a debug build.
const LARGE: usize = if cfg!(debug_assertions) {
    5_000_000
} else {
    50_000_000
};

/// The size of the largest input of prose: 50 MB, or 1 MB in a debug
/// build.
const LARGE_PROSE: usize = if cfg!(debug_assertions) {
    1_000_000
} else {
    50_000_000
};

/// The most that making an input four times as long may multiply the
/// time taken: linear work takes four times as long, and work over pairs
/// of figures sixteen. Twice the linear ratio leaves room for a machine
/// that other work slows by turns.
const QUADRUPLING_RATIO: f64 = 8.0;

fn both_formats(source: &str) -> [Extraction; 2] {
    [
        extract(source, Format::Plain),
        extract(source, Format::Markdown),
    ]
}

/// The text of each mention.
fn texts<'s>(source: &'s str, mentions: &[Mention]) -> Vec<&'s str> {
    mentions
        .iter()
        .map(|mention| mention.span.of(source))
        .collect()
}

fn value(mention: &Mention) -> Option<f64> {
    match mention.reading {
        Reading::Figure { value, .. } => Some(value),
        _ => None,
    }
}

/// Every span of an extraction lies in the source on character
/// boundaries, and every mention within its sentence.
fn assert_spans_hold(source: &str, extraction: &Extraction) {
    let on_boundaries = |start: usize, end: usize| {
        start <= end
            && end <= source.len()
            && source.is_char_boundary(start)
            && source.is_char_boundary(end)
    };
    for mention in &extraction.mentions {
        assert!(
            on_boundaries(mention.span.start, mention.span.end),
            "{mention:?}"
        );
        assert!(
            on_boundaries(mention.sentence.start, mention.sentence.end),
            "{mention:?}"
        );
        assert!(mention.sentence.contains(mention.span), "{mention:?}");
    }
    for warning in &extraction.warnings {
        let span = warning.span();
        assert!(on_boundaries(span.start, span.end), "{warning:?}");
    }
}

/// Held while a test times extraction, so that no two tests of this file
/// time theirs at once.
static TIMING: Mutex<()> = Mutex::new(());

/// Asserts that reading `make(size)` takes time in proportion to its
/// size, comparing a quarter of `size` with the whole: the shortest of
/// three runs of each, taken in turns, so that a burst of other work on
/// the machine slows both alike.
fn assert_linear(make: impl Fn(usize) -> String, size: usize, format: Format) {
    let _alone = TIMING.lock().unwrap_or_else(PoisonError::into_inner);
    let sources = [make(size / 4), make(size)];
    let mut best = [Duration::MAX; 2];
    for _ in 0..3 {
        for (source, best) in sources.iter().zip(&mut best) {
            let start = Instant::now();
            let extraction = extract(source, format);
            *best = (*best).min(start.elapsed());
            drop(extraction);
        }
    }
    let [quarter, whole] = best;
    let ratio = whole.as_secs_f64() / quarter.as_secs_f64().max(1e-6);
    let start: String = make(40).chars().take(40).collect();
    assert!(
        ratio < QUADRUPLING_RATIO,
        "{start:?}… four times as long, {size} bytes, took {ratio:.2} times as long \
         ({quarter:?}, then {whole:?})"
    );
}

/// A sentence of 100,000 figures of five or six digits, which no
/// grouping joins, and no comma.
fn figures_without_end(count: usize) -> String {
    let mut source = String::from("Figures");
    for figure in 10_000..10_000 + count {
        source.push(' ');
        source.push_str(&figure.to_string());
    }
    source.push('.');
    source
}

#[test]
fn a_sentence_of_100_000_figures_is_read_whole_in_windows() {
    let source = figures_without_end(100_000);
    let extraction = extract(&source, Format::Plain);
    assert_eq!(extraction.mentions.len(), 100_000);
    assert!(
        extraction
            .mentions
            .iter()
            .zip(10_000..)
            .all(|(mention, figure)| value(mention) == Some(f64::from(figure))),
        "every figure is read, in order"
    );
    let windows: Vec<&[Mention]> = extraction
        .mentions
        .chunk_by(|a, b| a.sentence == b.sentence)
        .collect();
    assert_eq!(windows.len(), 100_000_usize.div_ceil(MAX_SENTENCE_FIGURES));
    assert!(windows.iter().all(|window| {
        window.len() <= MAX_SENTENCE_FIGURES && window[0].sentence.len() <= MAX_SENTENCE_BYTES
    }));
    assert!(
        windows[..windows.len() - 1]
            .iter()
            .all(|window| window.len() == MAX_SENTENCE_FIGURES)
    );
    assert_eq!(
        extraction.warnings,
        [ExtractWarning::LongSentence {
            sentence: claimcheck_core::Span::new(0, source.len()),
            windows: 100_000_usize.div_ceil(MAX_SENTENCE_FIGURES),
        }]
    );
    assert_spans_hold(&source, &extraction);
}

#[test]
fn figures_in_a_sentence_take_linear_time() {
    assert_linear(figures_without_end, 40_000, Format::Plain);
}

/// Prose with figures in every clause and no sentence end, on one line.
fn one_line(bytes: usize) -> String {
    const CLAUSE: &str = "the army sent 2,000 troops and about 5 tanks in 2020, \
        more than the 1,950 troops of the year before; ";
    CLAUSE.repeat(bytes / CLAUSE.len() + 1)
}

#[test]
fn a_line_of_50_mb_reads_every_clause_as_alone_in_linear_time() {
    let unit = one_line(1);
    let alone = extract(&unit, Format::Plain);
    assert_eq!(
        texts(&unit, &alone.mentions),
        ["2,000", "about 5", "2020", "1,950"]
    );
    let source = one_line(LARGE_PROSE);
    let clauses = source.len() / unit.len();
    let extraction = extract(&source, Format::Plain);
    assert_eq!(extraction.mentions.len(), clauses * alone.mentions.len());
    assert_eq!(
        extraction.warnings.len(),
        1,
        "{:?}",
        extraction.warnings.first()
    );
    assert!(matches!(
        extraction.warnings[0],
        ExtractWarning::LongSentence { windows, .. } if windows >= source.len() / MAX_SENTENCE_BYTES
    ));
    let first = &extraction.mentions[..alone.mentions.len()];
    let noun = |mentions: &[Mention]| -> Vec<Option<String>> {
        mentions
            .iter()
            .map(|mention| mention.noun.as_ref().map(|noun| noun.word.clone()))
            .collect()
    };
    assert_eq!(noun(first), noun(&alone.mentions));
    drop(extraction);
    assert_linear(one_line, 400_000, Format::Plain);
    assert_linear(one_line, 400_000, Format::Markdown);
}

#[test]
fn a_file_of_50_mb_of_digits_is_one_figure_out_of_range() {
    let out_of_range = |size: usize| {
        [ExtractWarning::FigureOutOfRange {
            span: claimcheck_core::Span::new(0, size),
        }]
    };
    let extraction = extract(&"7".repeat(LARGE), Format::Markdown);
    assert!(extraction.mentions.is_empty());
    assert_eq!(extraction.warnings, out_of_range(LARGE));
    let extraction = extract(&"7".repeat(LARGE / 10), Format::Plain);
    assert!(extraction.mentions.is_empty());
    assert_eq!(extraction.warnings, out_of_range(LARGE / 10));
    assert_linear(|size| "7".repeat(size), LARGE / 10, Format::Markdown);
}

#[test]
fn a_million_digits_make_no_figure_and_no_infinity() {
    let digits = "9".repeat(1_000_000);
    let cases = [
        format!("{digits} troops and 5 tanks."),
        format!("0.{}1 troops and 5 tanks.", "0".repeat(1_000_000)),
    ];
    for source in &cases {
        let figure = source.split(' ').next().unwrap_or_default();
        for extraction in both_formats(source) {
            assert_eq!(texts(source, &extraction.mentions), ["5"]);
            // The figure alone is longer than a window.
            assert_eq!(
                extraction.warnings,
                [
                    ExtractWarning::LongSentence {
                        sentence: claimcheck_core::Span::new(0, source.len()),
                        windows: 2,
                    },
                    ExtractWarning::FigureOutOfRange {
                        span: claimcheck_core::Span::new(0, figure.len()),
                    },
                ]
            );
        }
    }
    // A million zeros after the point still make one: it is written to a
    // place too small for a float, but its value is one.
    let source = format!("1.{} troops.", "0".repeat(1_000_000));
    let extraction = extract(&source, Format::Plain);
    assert_eq!(extraction.mentions.len(), 1);
    assert_eq!(value(&extraction.mentions[0]), Some(1.0));
    assert!(matches!(
        extraction.warnings[..],
        [ExtractWarning::LongSentence { windows: 2, .. }]
    ));
}

#[test]
fn magnitudes_beyond_a_float_are_warned_of_not_read() {
    let four_hundred_digits = format!("1{}", "0".repeat(400));
    let cases = [
        ("1e400", "1e400"),
        ("1e-400", "1e-400"),
        ("10^400 dollars", "10^400 dollars"),
        ("1.5x10^400 km", "1.5x10^400 km"),
        ("2.5^-1000", "2.5^-1000"),
        (&four_hundred_digits, &four_hundred_digits),
        ("9e307 million dollars", "9e307 million dollars"),
    ];
    for (figure, phrase) in cases {
        let source = format!("They counted {figure}, then 12 troops left.");
        for extraction in both_formats(&source) {
            assert_eq!(texts(&source, &extraction.mentions), ["12"], "{source}");
            let spans: Vec<&str> = extraction
                .warnings
                .iter()
                .map(|warning| warning.span().of(&source))
                .collect();
            assert_eq!(spans, [phrase.trim_end()], "{source}");
        }
    }
    // A googol has no word in the lexicon: it is no figure.
    let source = "a googol of grains and 3 troops";
    assert_eq!(
        texts(source, &extract(source, Format::Plain).mentions),
        ["3"]
    );
}

#[test]
fn digits_of_other_scripts_are_left_unread_with_a_warning() {
    let cases = [
        ("They sent ٣٤٥ troops and 12 tanks.", "٣٤٥"),
        ("They sent ۳۴۵ troops and 12 tanks.", "۳۴۵"),
        ("They sent ३४५ troops and 12 tanks.", "३४५"),
        ("They sent １２３ troops and 12 tanks.", "１２３"),
        ("They sent 5٣ troops and 12 tanks.", "٣"),
    ];
    for (source, digits) in cases {
        for extraction in both_formats(source) {
            assert_spans_hold(source, &extraction);
            let read = texts(source, &extraction.mentions);
            assert_eq!(read.last(), Some(&"12"), "{source}");
            assert!(!read.iter().any(|text| text.contains(digits)), "{source}");
            assert_eq!(
                extraction.warnings,
                [ExtractWarning::ForeignDigits {
                    span: claimcheck_core::Span::new(
                        source.find(digits).unwrap(),
                        source.find(digits).unwrap() + digits.len()
                    ),
                }],
                "{source}"
            );
        }
    }
    // Superscripts mark powers and notes, not figures of another script.
    let source = "an area of 5 km² and 3 people¹";
    assert!(extract(source, Format::Plain).warnings.is_empty());
}

#[test]
fn marks_and_controls_around_figures_keep_spans_on_characters() {
    let cases = [
        ("\u{200f}5\u{200f} troops", "5"),
        ("\u{202e}2,000\u{202c} troops", "2,000"),
        ("5\u{301} troops and 2,000\u{301}\u{301} tanks", "2,000"),
        ("\u{301}\u{301}12 troops", "12"),
        ("a\u{200f} 12\u{2066} troops\u{2069}", "12"),
        ("\u{feff}12 troops", "12"),
    ];
    for (source, figure) in cases {
        for extraction in both_formats(source) {
            assert_spans_hold(source, &extraction);
            assert!(
                texts(source, &extraction.mentions).contains(&figure),
                "{source:?}: {:?}",
                texts(source, &extraction.mentions)
            );
        }
    }
}

#[test]
fn nul_bytes_are_read_around() {
    let source = "5\0 troops\0\0 and 2,000 people\0.\0\n\n\0\0";
    for extraction in both_formats(source) {
        assert_spans_hold(source, &extraction);
        assert!(texts(source, &extraction.mentions).contains(&"2,000"));
    }
    assert!(
        extract(&"\0".repeat(10_000), Format::Markdown)
            .mentions
            .is_empty()
    );
}

/// Runs `read` on a thread with the default stack of two megabytes, as a
/// worker of the command's thread pool has, and returns what it gives.
fn on_a_small_stack<T: Send + 'static>(read: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(read)
        .unwrap()
        .join()
        .unwrap()
}

#[test]
fn markdown_nested_100_000_deep_needs_no_deep_stack() {
    let depth = 100_000;
    let cases = [
        ">".repeat(depth),
        "> ".repeat(depth),
        "- ".repeat(depth),
        "1. ".repeat(depth),
        "* ".repeat(depth),
        "[".repeat(depth),
        "*".repeat(depth),
        "_".repeat(depth),
        "<".repeat(depth),
    ];
    for prefix in cases {
        let read = on_a_small_stack(move || {
            let source = format!("{prefix} 5 troops left");
            let extraction = extract(&source, Format::Markdown);
            texts(&source, &extraction.mentions)
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        });
        // "<<<< 5" is less than 5, as "< 5" is.
        assert!(
            matches!(&read[..], [figure] if figure.ends_with('5')),
            "{read:?}"
        );
    }
    // A quote on every line, each one deeper.
    let lines = on_a_small_stack(|| {
        let mut source = String::new();
        for depth in 0..2_000 {
            source.push_str(&">".repeat(depth));
            source.push_str(" 5 troops\n");
        }
        extract(&source, Format::Markdown).mentions.len()
    });
    assert_eq!(lines, 2_000);
}

#[test]
fn chains_of_number_words_take_linear_time() {
    // Each "and" looks past itself at the number after it, which looks
    // past its own.
    for unit in ["5 thousand and ", "one hundred and ", "rose from 5 "] {
        let make = |size: usize| unit.repeat(size / unit.len());
        let extraction = extract(&make(20_000), Format::Plain);
        assert!(!extraction.mentions.is_empty(), "{unit}");
        assert_linear(make, 200_000, Format::Plain);
    }
}

#[test]
fn figures_in_words_past_the_most_a_sentence_reads_are_warned_of() {
    let source = format!("They counted {} in all.", "two apples, ".repeat(150));
    assert!(
        source.len() <= MAX_SENTENCE_BYTES,
        "the sentence is one window"
    );
    let extraction = extract(&source, Format::Plain);
    assert_eq!(extraction.mentions.len(), MAX_SENTENCE_FIGURES);
    let [ExtractWarning::TooManyFigures { unread }] = extraction.warnings[..] else {
        panic!("{:?}", extraction.warnings);
    };
    assert!(unread.of(&source).starts_with("two apples"));
    assert_eq!(unread.end, source.len());
}

#[test]
fn empty_input_gives_nothing() {
    for source in ["", " ", "\n\n\n", "\t \r\n", "> ", "- ", "#", "---\n---\n"] {
        for extraction in both_formats(source) {
            assert!(extraction.mentions.is_empty(), "{source:?}");
            assert!(extraction.warnings.is_empty(), "{source:?}");
        }
    }
}

/// Reads a fixture of `data/fixtures/hostile/`: its text, and what
/// extraction gives of it as Markdown.
fn hostile_fixture(name: &str) -> (String, Extraction) {
    let path = format!(
        "{}/../../data/fixtures/hostile/{name}.md",
        env!("CARGO_MANIFEST_DIR")
    );
    let source = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"));
    let extraction = extract(&source, Format::Markdown);
    assert_spans_hold(&source, &extraction);
    (source, extraction)
}

/// What each warning is, by name, with its text.
fn warned<'s>(source: &'s str, extraction: &Extraction) -> Vec<(&'static str, &'s str)> {
    extraction
        .warnings
        .iter()
        .map(|warning| {
            let kind = match warning {
                ExtractWarning::LongSentence { .. } => "long sentence",
                ExtractWarning::TooManyFigures { .. } => "too many figures",
                ExtractWarning::FigureOutOfRange { .. } => "out of range",
                ExtractWarning::ForeignDigits { .. } => "foreign digits",
            };
            (kind, warning.span().of(source))
        })
        .collect()
}

#[test]
fn hostile_fixtures_read_as_their_names_say() {
    let (source, extraction) = hostile_fixture("digits-of-other-scripts");
    assert_eq!(texts(&source, &extraction.mentions), ["345", "123", "5 km"]);
    assert_eq!(
        warned(&source, &extraction),
        ["٣٤٥", "۱۲۰۰", "३४५", "１２３"].map(|digits| ("foreign digits", digits))
    );

    let (source, extraction) = hostile_fixture("marks-and-controls-around-figures");
    assert_eq!(
        texts(&source, &extraction.mentions),
        ["5", "2,000", "12", "7", "300", "40"]
    );
    assert!(extraction.warnings.is_empty());

    let (source, extraction) = hostile_fixture("magnitudes-beyond-a-float");
    assert_eq!(texts(&source, &extraction.mentions), ["1e100", "12"]);
    let nines = "9".repeat(400);
    assert_eq!(
        warned(&source, &extraction),
        [
            "1e400",
            "10^400 dollars",
            &nines,
            "1e-400",
            "9e307 million dollars"
        ]
        .map(|figure| ("out of range", figure))
    );
}
