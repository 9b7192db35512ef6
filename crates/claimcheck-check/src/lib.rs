//! Holds each [`Claim`] against the reference [`Fact`]s and gives it a
//! [`Verdict`] with a one-line reason.
//!
//! A fact **applies** to a claim when both measure the same thing (the same
//! counted noun, the same currency, or the same dimension: durations meet
//! durations, dates meet dates and years) and every keyword group of the
//! fact has a word in the claim's sentence. Of the facts that apply, those
//! with the most keyword groups are the candidates. Within one sentence a
//! fact goes to one claim only: the one whose noun is among the fact's
//! keywords ("six-week war"), else one of the fact's kind (a date before
//! a year), else one that is not an earlier value ("rose from 9.9%"),
//! else the one nearest all the fact's keyword groups.
//!
//! The verdict compares intervals: the claim's (from its qualifier and
//! precision) against the fact's (its bounds, tolerance or exact value).
//! Overlap is `supported`, no overlap `contradicted`, no candidate
//! `unverified`, and candidates that disagree `ambiguous`. Context figures
//! (years, dates, ordinals, restatements) are assessed only when a fact
//! applies to them.

pub mod cross;
mod index;
mod reason;
mod sentence;
pub mod suggest;

use rustc_hash::FxHashMap;

use claimcheck_core::calendar::Date;
use claimcheck_core::{Assessment, Claim, Fact, Interval, Role, Verdict};

pub use crate::index::FactIndex;
use crate::index::{Fit, Missing, SentenceKeywords};
use crate::reason::NearMiss;

/// A fact that applies to a claim, and how well it fits.
#[derive(Clone, Copy, Debug)]
struct Candidate<'f> {
    position: usize,
    fact: &'f Fact,
    fit: Fit,
    /// The fact and the claim are of one kind: both dates, both years.
    same_kind: bool,
    /// The claim is what something changed from.
    earlier: bool,
    /// The claim restates or places in time rather than asserts.
    context: bool,
}

/// Assesses the claims of one document, in order. Context figures that no
/// fact applies to are left out. `source` is the document's text, which
/// the claims' spans point into.
#[must_use]
pub fn check<'f>(
    source: &str,
    claims: Vec<Claim>,
    document_date: Option<Date>,
    index: &FactIndex<'f>,
) -> Vec<Assessment<'f>> {
    let mut assessments = Vec::with_capacity(claims.len());
    let mut keywords = index.sentence_room();
    let mut positions = Vec::new();
    let mut matches = Vec::new();
    let mut keepers = FxHashMap::default();
    let mut claims = claims.into_iter();
    while let Some(first) = claims.as_slice().first() {
        let in_sentence = claims
            .as_slice()
            .iter()
            .take_while(|claim| claim.sentence == first.sentence)
            .count();
        let room = Room {
            keywords: &mut keywords,
            positions: &mut positions,
            matches: &mut matches,
            keepers: &mut keepers,
        };
        let sentence = Sentence {
            claims: &mut claims,
            count: in_sentence,
        };
        check_sentence(
            source,
            sentence,
            room,
            document_date,
            index,
            &mut assessments,
        );
    }
    assessments
}

/// The claims of one sentence: the next `count` of the document's. They
/// are read where they lie and moved only into their assessments: a claim
/// is 248 bytes, and each move of every claim of a large document showed.
struct Sentence<'c> {
    claims: &'c mut std::vec::IntoIter<Claim>,
    count: usize,
}

/// Buffers kept from sentence to sentence, so that each is allocated once.
struct Room<'r, 'f> {
    keywords: &'r mut SentenceKeywords,
    /// A claim's candidate facts, by position.
    positions: &'r mut Vec<usize>,
    /// What each claim of the sentence matches; there may be more than
    /// the sentence has claims.
    matches: &'r mut Vec<Matches<'f>>,
    keepers: &'r mut Keepers,
}

/// Assesses the claims of one sentence, taking them out of the document's.
fn check_sentence<'f>(
    source: &str,
    Sentence {
        claims: remaining,
        count,
    }: Sentence<'_>,
    room: Room<'_, 'f>,
    document_date: Option<Date>,
    index: &FactIndex<'f>,
    assessments: &mut Vec<Assessment<'f>>,
) {
    let Room {
        keywords: sentence,
        positions,
        matches,
        keepers,
    } = room;
    let claims = &remaining.as_slice()[..count];
    // Most facts have keywords; a sentence none of whose claims measures
    // what such a fact does is not worth numbering word by word.
    if claims.iter().any(|claim| index.has_keyed_facts(claim)) {
        index.number_words(source, claims[0].sentence, sentence);
    } else {
        sentence.clear();
    }
    let sentence = &*sentence;
    if matches.len() < claims.len() {
        matches.resize_with(claims.len(), Matches::default);
    }
    let matches = &mut matches[..claims.len()];
    for (claim, matches) in claims.iter().zip(matches.iter_mut()) {
        matches.candidates.clear();
        matches.lost.clear();
        // A date whose year is unknown asserts nothing to check, nor does a
        // forecast or a denied figure; none takes a fact from the figures
        // that do.
        let asserts = claim.quantity.base.interval != Interval::UNBOUNDED
            && !matches!(claim.role, Role::Forecast { .. } | Role::Denied { .. });
        if !asserts {
            continue;
        }
        let noun = index.noun_id(claim);
        index.candidates(claim, sentence, positions);
        for &position in positions.iter() {
            if let Ok(fit) = index.fit(position, claim.span, noun, sentence) {
                let fact = index.fact(position);
                matches.candidates.push(Candidate {
                    position,
                    fact,
                    fit,
                    same_kind: fact.kind == claim.quantity.kind,
                    earlier: claim.earlier,
                    context: claim.role == Role::Context,
                });
            }
        }
    }
    give_each_fact_to_one_claim(matches, keepers);
    let texts: Vec<&str> = claims.iter().map(|claim| claim.span.of(source)).collect();
    let claims = remaining.by_ref().take(count);
    for (position, (claim, matches)) in claims.zip(matches.iter()).enumerate() {
        let context = Context {
            source,
            texts: &texts,
            sentence,
            index,
            document_date,
        };
        if let Some(assessment) = assess(claim, texts[position], matches, &context) {
            assessments.push(assessment);
        }
    }
}

/// What a claim is assessed among: its sentence and the reference.
struct Context<'s, 'f> {
    source: &'s str,
    /// The text of each claim of the sentence.
    texts: &'s [&'s str],
    sentence: &'s SentenceKeywords,
    index: &'s FactIndex<'f>,
    document_date: Option<Date>,
}

/// What the reference holds for one claim.
#[derive(Debug, Default)]
struct Matches<'f> {
    candidates: Vec<Candidate<'f>>,
    /// Facts that applied but went to another claim of the sentence, with
    /// that claim's position in the sentence.
    lost: Vec<(&'f Fact, usize)>,
}

/// For each fact wanted by a claim of a sentence, the claim that keeps it
/// (its position in the sentence) and how well it fits, lower first.
type Keepers = FxHashMap<usize, (usize, Closeness)>;

/// How well a fact fits a claim of its sentence, best first: the claim's
/// noun among the fact's keywords, then an asserted figure before one that
/// restates ("237 of the 400 seats"), then a claim of the fact's own kind
/// (a date fact's day is the month's, not the year's, to tell), then a
/// current figure before what it changed from ("rose from 9.9% to
/// 10.1%"), then bytes from the fact's keywords.
type Closeness = (bool, bool, bool, bool, usize);

/// Within one sentence, a fact wanted by several claims goes to the one it
/// fits best (see [`Closeness`]), else the first. The others lose it.
fn give_each_fact_to_one_claim(matches: &mut [Matches<'_>], keepers: &mut Keepers) {
    if matches.len() < 2 {
        return;
    }
    keepers.clear();
    for (claim, claim_matches) in matches.iter().enumerate() {
        for candidate in &claim_matches.candidates {
            let closeness = (
                !candidate.fit.names_noun,
                candidate.context,
                !candidate.same_kind,
                candidate.earlier,
                candidate.fit.distance,
            );
            keepers
                .entry(candidate.position)
                .and_modify(|kept| {
                    if closeness < kept.1 {
                        *kept = (claim, closeness);
                    }
                })
                .or_insert((claim, closeness));
        }
    }
    for (claim, claim_matches) in matches.iter_mut().enumerate() {
        let Matches { candidates, lost } = claim_matches;
        candidates.retain(|candidate| {
            let keeper = keepers[&candidate.position].0;
            if keeper != claim {
                lost.push((candidate.fact, keeper));
            }
            keeper == claim
        });
    }
}

fn assess<'f>(
    claim: Claim,
    text: &str,
    matches: &Matches<'f>,
    context: &Context<'_, 'f>,
) -> Option<Assessment<'f>> {
    let unasserted = match claim.role {
        Role::Forecast { word } => Some(reason::forecast(word.of(context.source))),
        Role::Denied { word } => Some(reason::denied(word.of(context.source))),
        Role::Claim | Role::Context => None,
    };
    if let Some(reason) = unasserted {
        return Some(unverified(claim, reason));
    }
    let most_groups = matches
        .candidates
        .iter()
        .map(|candidate| candidate.fit.groups)
        .max();
    let best = matches
        .candidates
        .iter()
        .filter(|candidate| Some(candidate.fit.groups) == most_groups);
    let Some(first) = best.clone().next() else {
        if claim.role == Role::Context {
            return None;
        }
        let lost: Vec<(&Fact, &str)> = matches
            .lost
            .iter()
            .map(|(fact, keeper)| (*fact, context.texts[*keeper]))
            .collect();
        let near_miss = near_miss(&claim, context);
        let reason = reason::unverified(&claim, &lost, near_miss);
        return Some(unverified(claim, reason));
    };
    let verdict = compare(&claim, first.fact);
    let quote = |candidate: &Candidate<'f>| context.index.quote(candidate.position);
    if best
        .clone()
        .any(|candidate| compare(&claim, candidate.fact) != verdict)
    {
        let listed: Vec<(&Fact, &str)> = best
            .clone()
            .map(|candidate| (candidate.fact, quote(candidate).figure.as_str()))
            .collect();
        let verdicts: Vec<Verdict> = best
            .clone()
            .map(|candidate| compare(&claim, candidate.fact))
            .collect();
        let reason = reason::ambiguous(&listed, &verdicts);
        return Some(Assessment {
            claim,
            verdict: Verdict::Ambiguous,
            fact: None,
            candidates: best.map(|candidate| candidate.fact).collect(),
            reason,
        });
    }
    let reason = reason::compared(&claim, text, quote(first), verdict, context.document_date);
    Some(Assessment {
        claim,
        verdict,
        fact: Some(first.fact),
        candidates: Vec::new(),
        reason,
    })
}

fn unverified<'f>(claim: Claim, reason: String) -> Assessment<'f> {
    Assessment {
        claim,
        verdict: Verdict::Unverified,
        fact: None,
        candidates: Vec::new(),
        reason,
    }
}

/// For a claim no fact applies to: the first fact measuring the same,
/// with the keyword group the sentence lacks, and how many other facts
/// measure the same.
fn near_miss<'f>(claim: &Claim, context: &Context<'_, 'f>) -> Option<NearMiss<'f>> {
    if claim.quantity.base.interval == Interval::UNBOUNDED {
        return None;
    }
    let measuring = context.index.measuring(claim);
    let (&first, others) = measuring.split_first()?;
    let fact = context.index.fact(first);
    let noun = context.index.noun_id(claim);
    let Missing(group) = context
        .index
        .fit(first, claim.span, noun, context.sentence)
        .err()?;
    Some(NearMiss {
        fact,
        missing: &fact.keywords[group],
        others: others.len(),
    })
}

fn compare(claim: &Claim, fact: &Fact) -> Verdict {
    if claim.quantity.base.interval.overlaps(&fact.base.interval) {
        Verdict::Supported
    } else {
        Verdict::Contradicted
    }
}

#[cfg(test)]
mod tests;
