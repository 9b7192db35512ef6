//! Claims that disagree across articles, with or without a fact to say
//! which one is wrong.
//!
//! Two claims in different articles are about the same figure when they
//! hold the same fact, or, when neither holds a fact, when they measure
//! the same thing (the same counted noun, currency or dimension) and their
//! sentences share at least [`SHARED_TOPIC_WORDS`] topic words. If no value
//! satisfies both, the later one is `inconsistent`, and its reason names
//! the other.

use std::collections::{HashMap, HashSet};

use claimcheck_core::{Assessment, Claim, Fact, NounRole, Role, Span, Verdict, display};

use crate::FactIndex;
use crate::index::Measure;
use crate::sentence::SentenceWords;

/// How many topic words two sentences must share to be about the same
/// figure when no fact ties them.
pub const SHARED_TOPIC_WORDS: usize = 2;

/// The claims of a run, kept to be compared once every article is read.
#[derive(Debug)]
pub struct CrossCheck<'i, 'f> {
    index: &'i FactIndex<'f>,
    entries: Vec<Entry<'f>>,
}

#[derive(Debug)]
struct Entry<'f> {
    document: usize,
    claim: Claim,
    fact: Option<&'f Fact>,
    measure: Measure,
    /// Where the claim stands, `file:line:column`, and its text.
    place: String,
    text: String,
    topic: HashSet<String>,
}

impl<'i, 'f> CrossCheck<'i, 'f> {
    #[must_use]
    pub fn new(index: &'i FactIndex<'f>) -> CrossCheck<'i, 'f> {
        CrossCheck {
            index,
            entries: Vec::new(),
        }
    }

    /// Keeps the claims of one document, the `document`-th of the run.
    /// `location` turns a byte offset into `file:line:column`.
    pub fn add(
        &mut self,
        document: usize,
        source: &str,
        assessments: &[Assessment<'f>],
        location: impl Fn(usize) -> String,
    ) {
        for assessment in assessments {
            let claim = &assessment.claim;
            // Dates and years count once a fact has put them to the test;
            // a forecast or a denied figure never disagrees with what
            // another article found.
            let compares = matches!(
                assessment.verdict,
                Verdict::Supported | Verdict::Contradicted | Verdict::Unverified
            ) && matches!(claim.role, Role::Claim | Role::Context);
            if !compares {
                continue;
            }
            let figures: Vec<Span> = std::iter::once(claim.span)
                .chain(
                    claim
                        .noun
                        .as_ref()
                        .filter(|noun| noun.role == NounRole::Counted)
                        .map(|noun| noun.span),
                )
                .collect();
            let topic = SentenceWords::new(source, claim.sentence)
                .topic_words(source, &figures)
                .map(|(key, _)| key)
                .collect();
            self.entries.push(Entry {
                document,
                claim: claim.clone(),
                fact: assessment.fact,
                measure: self.index.measure(claim),
                place: location(claim.span.start),
                text: claim.span.of(source).to_string(),
                topic,
            });
        }
    }

    /// The claims that disagree with a claim of an earlier article, each
    /// with the article it stands in, in input order.
    #[must_use]
    pub fn inconsistencies(self) -> Vec<(usize, Assessment<'f>)> {
        // Claims can only disagree within a fact, or within a measure when
        // no fact ties them, so each is compared only with those.
        let mut buckets: HashMap<Bucket, Vec<usize>> = HashMap::new();
        let mut found = Vec::new();
        for (position, later) in self.entries.iter().enumerate() {
            let bucket = match later.fact {
                Some(fact) => Bucket::Fact(fact.id.clone()),
                None => Bucket::Measure(later.measure.clone()),
            };
            let earlier_ones = buckets.entry(bucket).or_default();
            let disagreeing = earlier_ones
                .iter()
                .map(|earlier| &self.entries[*earlier])
                .find(|earlier| {
                    earlier.document != later.document
                        && same_figure(earlier, later)
                        && !overlap(earlier, later)
                });
            if let Some(earlier) = disagreeing {
                let reason = format!(
                    "{} says \"{}\" ({}), and both cannot be right",
                    earlier.place,
                    earlier.text,
                    display::Reading(&earlier.claim.quantity)
                );
                let assessment = Assessment {
                    claim: later.claim.clone(),
                    verdict: Verdict::Inconsistent,
                    fact: later.fact,
                    candidates: Vec::new(),
                    reason,
                };
                found.push((later.document, assessment));
            }
            earlier_ones.push(position);
        }
        found
    }
}

/// The claims a claim could disagree with.
#[derive(Debug, PartialEq, Eq, Hash)]
enum Bucket {
    Fact(String),
    Measure(Measure),
}

fn same_figure(earlier: &Entry<'_>, later: &Entry<'_>) -> bool {
    match (earlier.fact, later.fact) {
        (Some(earlier), Some(later)) => earlier.id == later.id,
        (None, None) => {
            earlier.measure == later.measure
                && earlier.topic.intersection(&later.topic).count() >= SHARED_TOPIC_WORDS
        }
        _ => false,
    }
}

fn overlap(earlier: &Entry<'_>, later: &Entry<'_>) -> bool {
    earlier
        .claim
        .quantity
        .base
        .interval
        .overlaps(&later.claim.quantity.base.interval)
}
