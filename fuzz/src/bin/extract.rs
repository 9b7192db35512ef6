//! Any bytes, decoded lossily as the binary decodes a file that is not
//! UTF-8, through `extract` and `normalize` in both formats. A panic, a
//! span that would not slice the source, or an interval that is NaN or
//! reversed is a crash.

use claimcheck_core::Span;
use claimcheck_extract::{Format, extract};
use claimcheck_fuzz::assert_interval;

fn main() {
    afl::fuzz!(|bytes: &[u8]| {
        let source = String::from_utf8_lossy(bytes);
        for format in [Format::Markdown, Format::Plain] {
            check(&source, format);
        }
    });
}

fn check(source: &str, format: Format) {
    let extraction = extract(source, format);
    for mention in &extraction.mentions {
        assert!(
            !mention.span.is_empty(),
            "{format:?}: empty phrase at {:?}",
            mention.span
        );
        assert!(
            mention.sentence.contains(mention.span),
            "{format:?}: phrase {:?} outside its sentence {:?}",
            mention.span,
            mention.sentence
        );
        let words = [mention.forecast, mention.denied];
        let noun = mention.noun.as_ref().map(|noun| noun.span);
        for span in [mention.span, mention.sentence, mention.paragraph]
            .into_iter()
            .chain(words.into_iter().flatten())
            .chain(noun)
        {
            assert_slices(source, span, format);
        }
    }
    assert!(
        extraction
            .mentions
            .windows(2)
            .all(|pair| pair[0].span.end <= pair[1].span.start),
        "{format:?}: mentions out of order or overlapping"
    );
    let normalized =
        claimcheck_normalize::normalize(extraction.mentions, extraction.declared_date.as_deref());
    for claim in &normalized.claims {
        let quantity = &claim.quantity;
        assert!(
            !quantity.value.is_some_and(f64::is_nan),
            "{format:?}: NaN value at {:?}",
            claim.span
        );
        assert_interval(
            &quantity.interval,
            format_args!("{format:?}: claim interval at {:?}", claim.span),
        );
        assert_interval(
            &quantity.base.interval,
            format_args!("{format:?}: claim base interval at {:?}", claim.span),
        );
    }
}

/// The report slices the source with every span, so each must lie inside
/// it and on character boundaries.
fn assert_slices(source: &str, span: Span, format: Format) {
    assert!(
        span.start <= span.end
            && span.end <= source.len()
            && source.is_char_boundary(span.start)
            && source.is_char_boundary(span.end),
        "{format:?}: span {span:?} does not slice a source of {} bytes",
        source.len()
    );
}
