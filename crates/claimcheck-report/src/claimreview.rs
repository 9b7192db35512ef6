//! schema.org `ClaimReview` in JSON-LD, the markup fact-check pages carry
//! so that search engines and fact-check aggregators can read their
//! verdicts: one review per claim, in one `@graph` under one `@context`.
//!
//! The verdict becomes a rating from 1 (worst) to 5 (best), with the
//! verdict in words as its `alternateName`:
//!
//! | verdict | `ratingValue` | why |
//! | --- | --- | --- |
//! | supported | 5 | the reference agrees |
//! | ambiguous | 3 | facts that apply disagree: neither true nor false |
//! | unverified | 3 | no fact applies: neither true nor false |
//! | inconsistent | 2 | another article disagrees: one of the two is wrong |
//! | contradicted | 1 | the reference rules the figure out |

use std::borrow::Cow;
use std::io::{self, Write};

use claimcheck_core::{Assessment, Fact, Verdict};
use serde::Serialize;

use crate::record::collapse_whitespace;
use crate::{Document, Envelope, location};

const BEST_RATING: u8 = 5;
const WORST_RATING: u8 = 1;

/// The rating of a verdict and its name in words.
fn rating(verdict: Verdict) -> (u8, &'static str) {
    match verdict {
        Verdict::Supported => (5, "Supported"),
        Verdict::Ambiguous => (3, "Ambiguous"),
        Verdict::Unverified => (3, "Unverified"),
        Verdict::Inconsistent => (2, "Inconsistent"),
        Verdict::Contradicted => (1, "Contradicted"),
    }
}

pub(crate) fn envelope() -> Envelope {
    Envelope {
        head: Cow::Borrowed(r#"{"@context":"https://schema.org","@graph":["#),
        tail: Cow::Borrowed("]}"),
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct ClaimReview<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    claim_reviewed: Cow<'a, str>,
    item_reviewed: Claim<'a>,
    author: Organization,
    review_rating: ReviewRating<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    citation: Vec<Citation<'a>>,
}

/// The claim, identified by where it stands, and the article it appears
/// in.
#[derive(Debug, Serialize)]
struct Claim<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    /// `file:line:column`.
    identifier: String,
    appearance: Work<'a>,
}

#[derive(Debug, Serialize)]
struct Work<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    url: &'a str,
}

#[derive(Debug, Serialize)]
struct Organization {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'static str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct ReviewRating<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    rating_value: u8,
    best_rating: u8,
    worst_rating: u8,
    alternate_name: &'static str,
    rating_explanation: &'a str,
}

/// A reference fact the review rests on: its id, what it is, and its
/// source, as a link when the source is an address, else as a credit.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Citation<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    identifier: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    credit_text: Option<&'a str>,
    /// When the figure was current.
    #[serde(skip_serializing_if = "Option::is_none")]
    temporal_coverage: Option<&'a str>,
}

impl<'a> Citation<'a> {
    fn of(fact: &'a Fact) -> Citation<'a> {
        let source = fact.source.as_deref();
        let is_address =
            |source: &&str| source.starts_with("https://") || source.starts_with("http://");
        Citation {
            kind: "CreativeWork",
            identifier: &fact.id,
            name: fact.subject.as_deref(),
            url: source.filter(is_address),
            credit_text: source.filter(|source| !is_address(source)),
            temporal_coverage: fact.as_of.as_deref(),
        }
    }
}

/// The review of one claim, on a line of its own: the sentence, the
/// rating, the reason, and the facts it rests on (the tied ones for an
/// ambiguous claim).
pub(crate) fn review(
    out: &mut impl Write,
    document: Document<'_>,
    assessment: &Assessment<'_>,
) -> io::Result<()> {
    let (rating_value, alternate_name) = rating(assessment.verdict);
    let claim = &assessment.claim;
    let facts = assessment
        .fact
        .into_iter()
        .chain(assessment.candidates.iter().copied());
    let review = ClaimReview {
        kind: "ClaimReview",
        claim_reviewed: collapse_whitespace(claim.sentence.of(document.source)),
        item_reviewed: Claim {
            kind: "Claim",
            identifier: location(document, claim.span.start),
            appearance: Work {
                kind: "CreativeWork",
                url: document.path,
            },
        },
        author: Organization {
            kind: "Organization",
            name: "claimcheck",
        },
        review_rating: ReviewRating {
            kind: "Rating",
            rating_value,
            best_rating: BEST_RATING,
            worst_rating: WORST_RATING,
            alternate_name,
            rating_explanation: &assessment.reason,
        },
        citation: facts.map(Citation::of).collect(),
    };
    serde_json::to_writer(&mut *out, &review)?;
    out.write_all(b"\n")
}
