//! The facts, indexed so that a claim looks only at facts that could apply
//! to it: those measuring what it measures, and of those, the ones with a
//! word of their first keyword group in its sentence.

use std::collections::HashMap;

use claimcheck_core::vocab::Synonyms;
use claimcheck_core::{Claim, Dimension, Fact};

use crate::sentence::SentenceWords;

/// The reference facts, indexed for matching.
#[derive(Debug)]
pub struct FactIndex<'f> {
    facts: &'f [Fact],
    synonyms: Synonyms,
    by_measure: HashMap<Measure, Bucket>,
}

/// What a figure measures, in the form facts and claims meet in.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Measure {
    dimension: Dimension,
    /// The counted noun's synonym key for counts, the currency for money,
    /// empty otherwise.
    key: String,
}

impl Measure {
    fn of(dimension: Dimension, unit: &str, synonyms: &Synonyms) -> Measure {
        let key = match dimension {
            Dimension::Count => synonyms.key(unit),
            Dimension::Money => unit.to_string(),
            _ => String::new(),
        };
        Measure { dimension, key }
    }
}

/// The facts of one measure.
#[derive(Debug, Default)]
struct Bucket {
    /// Every fact, in file order.
    all: Vec<usize>,
    /// Facts without keywords, which apply wherever the measure does.
    open: Vec<usize>,
    /// Facts by the first word of each alternative of their most selective
    /// keyword group: a fact can apply only where its sentence has one.
    by_anchor: HashMap<String, Vec<usize>>,
}

impl<'f> FactIndex<'f> {
    /// Indexes the facts; counted nouns meet through `synonyms` ("killed"
    /// meets "deaths").
    #[must_use]
    pub fn new(facts: &'f [Fact], synonyms: Synonyms) -> FactIndex<'f> {
        let mut by_measure: HashMap<Measure, Bucket> = HashMap::new();
        for (position, fact) in facts.iter().enumerate() {
            let units: Vec<&str> = match fact.base.dimension {
                Dimension::Count => fact.units.iter().map(String::as_str).collect(),
                _ => vec![fact.base.unit.as_str()],
            };
            for unit in units {
                let bucket = by_measure
                    .entry(Measure::of(fact.base.dimension, unit, &synonyms))
                    .or_default();
                if bucket.all.last() == Some(&position) {
                    continue;
                }
                bucket.all.push(position);
                let anchor_group = fact.keywords.iter().min_by_key(|group| group.len());
                match anchor_group {
                    None => bucket.open.push(position),
                    Some(group) => {
                        for alternative in group {
                            let first_word = alternative.split(' ').next().unwrap_or(alternative);
                            let anchored =
                                bucket.by_anchor.entry(first_word.to_string()).or_default();
                            if anchored.last() != Some(&position) {
                                anchored.push(position);
                            }
                        }
                    }
                }
            }
        }
        FactIndex {
            facts,
            synonyms,
            by_measure,
        }
    }

    pub(crate) fn fact(&self, position: usize) -> &'f Fact {
        &self.facts[position]
    }

    /// What a claim measures, in the form facts are indexed by.
    pub(crate) fn measure(&self, claim: &Claim) -> Measure {
        Measure::of(
            claim.quantity.base.dimension,
            &claim.quantity.base.unit,
            &self.synonyms,
        )
    }

    /// Every fact measuring what the claim measures, in file order.
    pub(crate) fn measuring(&self, claim: &Claim) -> &[usize] {
        self.by_measure
            .get(&self.measure(claim))
            .map_or(&[], |bucket| bucket.all.as_slice())
    }

    /// The facts that could apply to a claim in a sentence: those of its
    /// measure without keywords, and those with an anchor word in the
    /// sentence. Each once, in file order.
    pub(crate) fn candidates(&self, claim: &Claim, words: &SentenceWords) -> Vec<usize> {
        let Some(bucket) = self.by_measure.get(&self.measure(claim)) else {
            return Vec::new();
        };
        let mut candidates = bucket.open.clone();
        for key in words.keys() {
            if let Some(anchored) = bucket.by_anchor.get(key) {
                candidates.extend(anchored);
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        candidates
    }
}
