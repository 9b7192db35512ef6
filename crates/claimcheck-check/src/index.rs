//! The facts, compiled for matching: bucketed by what they measure, their
//! keywords turned into numbers, and each bucket indexed by the words of
//! each fact's anchor group, so that a paragraph tests only the facts its
//! words could hold whole.

use std::cell::RefCell;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use thread_local::ThreadLocal;

use claimcheck_core::vocab::{self, Synonyms};
use claimcheck_core::{Claim, Dimension, Fact, Span};

use crate::reason::Quote;
use crate::sentence::{Piece, visit_words};

/// The reference facts, indexed for matching.
#[derive(Debug)]
pub struct FactIndex<'f> {
    facts: &'f [Fact],
    synonyms: Synonyms,
    buckets: Vec<Bucket>,
    /// Buckets by dimension, then by [`Measure::key`], so that a claim's
    /// bucket is found without building its measure.
    by_measure: FxHashMap<Dimension, FxHashMap<String, usize>>,
    /// The facts that count people in general, for claims that count
    /// people of a kind (passengers, Iranians, the dead).
    people_in_general: usize,
    /// The facts that count people of a kind, for claims that count people
    /// in general.
    people_of_a_kind: usize,
    /// The synonym key of people in general.
    people_key: String,
    /// Every count fact with keywords, for counts whose noun is not
    /// written ("As many as 33 million were affected").
    counts: usize,
    /// Every amount of money with keywords, in whatever currency.
    money: usize,
    /// Every word of every keyword, numbered, so that documents and facts
    /// compare numbers rather than strings.
    vocabulary: FxHashMap<String, WordId>,
    /// Each fact's keyword groups in numbers, in the order of `facts`.
    keywords: Keywords,
    /// The years each fact is of, in the order of `facts`.
    years: Vec<FactYears>,
    /// How reasons quote each fact, worked out when first needed: a run
    /// quotes only the facts its claims meet, often few of many.
    quotes: Vec<OnceLock<Quote>>,
    /// Each thread's numbers for the words it has met, spelled as in the
    /// text: one lookup per word, where folding the word and then looking
    /// the fold up took two.
    word_ids: ThreadLocal<RefCell<WordIds>>,
}

/// The facts listed under any of `words`: each once, in file order.
fn facts_under(
    lists: &FxHashMap<WordId, Vec<usize>>,
    words: impl Iterator<Item = WordId>,
) -> Vec<usize> {
    let mut found = Vec::new();
    for word in words {
        if let Some(facts) = lists.get(&word) {
            found.extend_from_slice(facts);
        }
    }
    found.sort_unstable();
    found.dedup();
    found
}

/// The years a fact is of: those its id, subject or keywords name
/// ("labour-seats-2024", "fy2025"), else the year it was current in.
#[derive(Debug)]
struct FactYears {
    named: Vec<i32>,
    as_of: Option<i32>,
}

impl FactYears {
    fn of(fact: &Fact) -> FactYears {
        let mut named = Vec::new();
        let words = [fact.id.as_str(), fact.subject.as_deref().unwrap_or("")];
        let keywords = fact.keywords.iter().flatten().map(String::as_str);
        for text in words.into_iter().chain(keywords) {
            let runs = text.split(|c: char| !c.is_ascii_digit());
            named.extend(
                runs.filter(|run| run.len() == 4)
                    .filter_map(|run| run.parse::<i32>().ok())
                    .filter(|year| (1900..=2100).contains(year)),
            );
        }
        let as_of = fact
            .as_of
            .as_deref()
            .and_then(|date| date.get(..4)?.parse().ok());
        FactYears { named, as_of }
    }

    /// Whether a figure of `year` may be the fact's: not when the year is
    /// before every year the fact is of. A figure of the year before the
    /// one a fact was current in is often the fact's own (a year's total
    /// is reported in the next); a later year is often the fact's target
    /// ("by 2030") or its period's end.
    fn may_be_of(&self, year: i32) -> bool {
        match self.named.iter().min() {
            Some(&first) => year >= first,
            None => self.as_of.is_none_or(|as_of| year >= as_of - 1),
        }
    }

    fn is_only_of(&self, year: i32) -> bool {
        if self.named.is_empty() {
            return self
                .as_of
                .is_some_and(|as_of| as_of == year || as_of == year + 1);
        }
        self.named.iter().all(|&named| named == year)
    }
}

/// Words as the text spells them, with the numbers of their keys.
type WordIds = FxHashMap<Box<str>, Option<WordId>>;

pub(crate) type WordId = u32;

/// Every fact's keyword groups in numbers, in one array. A fact is its
/// number of groups, then each group: how many numbers follow in it, its
/// number of alternatives, then each alternative: its number of words,
/// then the words. A fact's keywords then lie in one short run of memory,
/// where nested vectors cost a cache miss per level.
#[derive(Debug, Default)]
struct Keywords {
    numbers: Vec<u32>,
    /// Where each fact starts in `numbers`.
    starts: Vec<u32>,
}

/// The keyword groups of one fact.
#[derive(Clone, Debug)]
pub(crate) struct Groups<'k> {
    rest: &'k [u32],
    left: u32,
}

/// The alternatives of one keyword group, each a phrase of words.
#[derive(Clone, Debug)]
pub(crate) struct Phrases<'k> {
    rest: &'k [u32],
    left: u32,
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
        let key = with_measure_key(dimension, unit, synonyms, str::to_string);
        Measure { dimension, key }
    }
}

/// Lends the key of what `unit` measures in `dimension` to `read`.
fn with_measure_key<R>(
    dimension: Dimension,
    unit: &str,
    synonyms: &Synonyms,
    read: impl FnOnce(&str) -> R,
) -> R {
    match dimension {
        Dimension::Count => synonyms.with_key(unit, read),
        Dimension::Money => read(unit),
        _ => read(""),
    }
}

/// How well what a claim measures meets what a fact measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum MeasureFit {
    /// An amount of money in another currency: the figure can only show
    /// that the currency is wrong, when it is the fact's own.
    OtherCurrency,
    /// The claim's noun is not written: only the fact's keywords, all in
    /// its sentence, tie them.
    Unnamed,
    /// One counts people of a kind, the other people in general ("82
    /// Iranians" and a fact of people; "the toll rose to 20,000" and a
    /// fact of people killed).
    Kind,
    /// The same counted noun or synonym, currency, or dimension.
    Named,
}

/// The facts of one measure.
#[derive(Debug, Default)]
struct Bucket {
    /// Every fact, in file order.
    all: Vec<usize>,
    /// Facts without keywords, which apply wherever the measure does.
    open: Vec<usize>,
    /// Facts by each word of their keywords, for facts named anywhere in a
    /// sentence.
    by_word: FxHashMap<WordId, Vec<usize>>,
    /// Facts by the first word of each phrase of their anchor group, the
    /// group whose words the fewest facts share: a fact whole in a
    /// paragraph has a word of every group there, so of its anchor too,
    /// and the anchor's short lists keep a paragraph from meeting every
    /// fact that shares a common word with it.
    by_anchor: FxHashMap<WordId, Vec<usize>>,
}

impl Bucket {
    fn add(&mut self, position: usize, keywords: &Keywords, anchor: Option<Phrases<'_>>) {
        if self.all.last() == Some(&position) {
            return;
        }
        self.all.push(position);
        let Some(anchor) = anchor else {
            self.open.push(position);
            return;
        };
        for word in keywords.of(position).flatten().flatten() {
            let facts = self.by_word.entry(*word).or_default();
            if facts.last() != Some(&position) {
                facts.push(position);
            }
        }
        for phrase in anchor {
            let facts = self.by_anchor.entry(phrase[0]).or_default();
            if facts.last() != Some(&position) {
                facts.push(position);
            }
        }
    }
}

impl<'f> FactIndex<'f> {
    /// Indexes the facts; counted nouns meet through `synonyms` ("killed"
    /// meets "deaths").
    #[must_use]
    pub fn new(facts: &'f [Fact], synonyms: Synonyms) -> FactIndex<'f> {
        let mut vocabulary = FxHashMap::default();
        let mut keywords = Keywords::default();
        for fact in facts {
            keywords.push(&fact.keywords, &mut vocabulary);
        }
        // How many facts each phrase's first word opens, to choose anchors.
        let mut facts_opened: FxHashMap<WordId, u32> = FxHashMap::default();
        for position in 0..facts.len() {
            let mut firsts: Vec<WordId> = keywords
                .of(position)
                .flatten()
                .map(|phrase| phrase[0])
                .collect();
            firsts.sort_unstable();
            firsts.dedup();
            for word in firsts {
                *facts_opened.entry(word).or_default() += 1;
            }
        }
        let anchor_of = |position: usize| {
            keywords.of(position).min_by_key(|group| {
                group
                    .clone()
                    .map(|phrase| facts_opened[&phrase[0]])
                    .sum::<u32>()
            })
        };
        let people_key = synonyms.key("people");
        let mut buckets: Vec<Bucket> = (0..4).map(|_| Bucket::default()).collect();
        let (people_in_general, people_of_a_kind, counts, money) = (0, 1, 2, 3);
        let mut by_measure: FxHashMap<Dimension, FxHashMap<String, usize>> = FxHashMap::default();
        for (position, fact) in facts.iter().enumerate() {
            let units: Vec<&str> = match fact.base.dimension {
                Dimension::Count => fact.units.iter().map(String::as_str).collect(),
                _ => vec![fact.base.unit.as_str()],
            };
            for unit in units {
                let Measure { dimension, key } = Measure::of(fact.base.dimension, unit, &synonyms);
                if dimension == Dimension::Count && key == people_key {
                    buckets[people_in_general].add(position, &keywords, anchor_of(position));
                } else if dimension == Dimension::Count && vocab::counts_people(&key) {
                    buckets[people_of_a_kind].add(position, &keywords, anchor_of(position));
                }
                let next = buckets.len();
                let bucket = *by_measure
                    .entry(dimension)
                    .or_default()
                    .entry(key)
                    .or_insert(next);
                if bucket == next {
                    buckets.push(Bucket::default());
                }
                buckets[bucket].add(position, &keywords, anchor_of(position));
            }
            let any_of_its_dimension = match fact.base.dimension {
                Dimension::Count => Some(counts),
                Dimension::Money => Some(money),
                _ => None,
            };
            if let Some(bucket) = any_of_its_dimension.filter(|_| !fact.keywords.is_empty()) {
                buckets[bucket].add(position, &keywords, anchor_of(position));
            }
        }
        FactIndex {
            facts,
            synonyms,
            buckets,
            by_measure,
            people_in_general,
            people_of_a_kind,
            people_key,
            counts,
            money,
            vocabulary,
            keywords,
            years: facts.iter().map(FactYears::of).collect(),
            quotes: facts.iter().map(|_| OnceLock::new()).collect(),
            word_ids: ThreadLocal::new(),
        }
    }

    pub(crate) fn fact(&self, position: usize) -> &'f Fact {
        &self.facts[position]
    }

    /// Whether the fact at `position` may be of `year`.
    pub(crate) fn may_be_of(&self, position: usize, year: i32) -> bool {
        self.years[position].may_be_of(year)
    }

    /// Whether the fact at `position` is of `year` and of no other.
    pub(crate) fn is_only_of(&self, position: usize, year: i32) -> bool {
        self.years[position].is_only_of(year)
    }

    /// How reasons quote the fact at `position`.
    pub(crate) fn quote(&self, position: usize) -> &Quote {
        self.quotes[position].get_or_init(|| Quote::of(&self.facts[position]))
    }

    /// What a claim measures, in the form facts are indexed by.
    pub(crate) fn measure(&self, claim: &Claim) -> Measure {
        Measure::of(
            claim.quantity.base.dimension,
            &claim.quantity.base.unit,
            &self.synonyms,
        )
    }

    /// The bucket of the facts measuring exactly what the claim measures.
    fn own_bucket(&self, claim: &Claim) -> Option<usize> {
        let base = &claim.quantity.base;
        let buckets = self.by_measure.get(&base.dimension)?;
        with_measure_key(base.dimension, &base.unit, &self.synonyms, |key| {
            buckets.get(key).copied()
        })
    }

    /// The buckets of facts a claim may meet, best first, each with how
    /// well it meets them: its own measure; for a count of people, the
    /// facts counting people of any kind; for a count with no noun, every
    /// count fact with keywords.
    pub(crate) fn buckets_of(&self, claim: &Claim) -> Vec<(usize, MeasureFit)> {
        let base = &claim.quantity.base;
        let mut found = Vec::with_capacity(2);
        if base.dimension == Dimension::Count && base.unit.is_empty() {
            found.push((self.counts, MeasureFit::Unnamed));
            return found;
        }
        found.extend(
            self.own_bucket(claim)
                .map(|bucket| (bucket, MeasureFit::Named)),
        );
        if base.dimension == Dimension::Count {
            let kindred = self.synonyms.with_key(&base.unit, |key| {
                if key == self.people_key {
                    Some(self.people_of_a_kind)
                } else {
                    vocab::counts_people(key).then_some(self.people_in_general)
                }
            });
            found.extend(kindred.map(|bucket| (bucket, MeasureFit::Kind)));
        }
        if base.dimension == Dimension::Money {
            found.push((self.money, MeasureFit::OtherCurrency));
        }
        found
    }

    /// Whether a claim may meet a fact with keywords: only then do the
    /// words of its document matter.
    pub(crate) fn may_meet_keyed_facts(&self, claim: &Claim) -> bool {
        self.buckets_of(claim)
            .iter()
            .any(|&(bucket, _)| !self.buckets[bucket].by_word.is_empty())
    }

    /// Facts of a bucket without keywords, in file order.
    pub(crate) fn open_facts(&self, bucket: usize) -> &[usize] {
        &self.buckets[bucket].open
    }

    /// Facts of a bucket with a word of their keywords in `within` of the
    /// document: each once, in file order.
    pub(crate) fn facts_named_in(
        &self,
        bucket: usize,
        words: &DocumentWords,
        within: Span,
    ) -> Vec<usize> {
        facts_under(&self.buckets[bucket].by_word, words.words_in(within))
    }

    /// Facts of a bucket with keywords that may be whole in `within` of
    /// the document: their anchor group has a word there, and every group
    /// has a phrase whose first word stands there. Each once, in file
    /// order; whether each phrase stands whole is left to
    /// [`GroupPlaces::all_within`].
    pub(crate) fn facts_maybe_whole_in(
        &self,
        bucket: usize,
        words: &DocumentWords,
        within: Span,
    ) -> Vec<usize> {
        let mut present: Vec<WordId> = words.words_in(within).collect();
        present.sort_unstable();
        present.dedup();
        let mut found = facts_under(&self.buckets[bucket].by_anchor, present.iter().copied());
        found.retain(|&position| {
            self.keywords
                .of(position)
                .all(|mut group| group.any(|phrase| present.binary_search(&phrase[0]).is_ok()))
        });
        found
    }

    /// Every fact measuring what the claim measures, in file order.
    pub(crate) fn measuring(&self, claim: &Claim) -> &[usize] {
        self.own_bucket(claim)
            .map_or(&[], |bucket| self.buckets[bucket].all.as_slice())
    }

    /// The words of `text` in `source` that some keyword has, in the
    /// index's numbers.
    pub(crate) fn document_words(&self, source: &str, text: Span) -> DocumentWords {
        let mut words = DocumentWords::default();
        let mut word_ids = self.word_ids.get_or_default().borrow_mut();
        visit_words(source, text, |word, span, piece| {
            let id = self.word_id(word, &mut word_ids);
            let part = match piece {
                Piece::Compound => None,
                Piece::Single | Piece::Part => {
                    words.parts.push((id, span));
                    Some(words.parts.len() as u32 - 1)
                }
            };
            if let Some(word) = id {
                words.places.push(Place { word, span, part });
            }
        });
        words
            .places
            .sort_unstable_by_key(|place| (place.word, place.span.start, place.part.is_none()));
        words.in_order = words
            .places
            .iter()
            .map(|place| (place.span.start, place.word))
            .collect();
        words.in_order.sort_unstable();
        words
    }

    /// The number of the word's key, if some keyword has it; `cache` is
    /// this thread's [`FactIndex::word_ids`].
    fn word_id(&self, word: &str, cache: &mut WordIds) -> Option<WordId> {
        if vocab::is_own_key(word) {
            return self.vocabulary.get(word).copied();
        }
        if let Some(&id) = cache.get(word) {
            return id;
        }
        let id = vocab::with_word_key(word, |key| self.vocabulary.get(key).copied());
        if cache.len() >= vocab::REMEMBERED_WORDS {
            cache.clear();
        }
        cache.insert(word.into(), id);
        id
    }

    /// The number of a claim's counted noun, if some keyword is that word.
    pub(crate) fn noun_id(&self, claim: &Claim) -> Option<WordId> {
        let noun = claim.noun.as_ref()?;
        vocab::with_word_key(&noun.word, |key| self.vocabulary.get(key).copied())
    }

    /// The keyword groups of the fact at `position`.
    pub(crate) fn groups(&self, position: usize) -> Groups<'_> {
        self.keywords.of(position)
    }

    /// Where each keyword group of the fact at `position` stands in the
    /// document, each group's places in order; `None` when some group has
    /// no word there.
    pub(crate) fn group_places(
        &self,
        position: usize,
        words: &DocumentWords,
    ) -> Option<GroupPlaces> {
        let mut places = GroupPlaces::default();
        for group in self.keywords.of(position) {
            let start = places.spans.len();
            for phrase in group {
                words.phrase_places(phrase, &mut places.spans);
            }
            if places.spans.len() == start {
                return None;
            }
            places.spans[start..].sort_unstable_by_key(|span| (span.start, span.end));
            places.ends.push(places.spans.len());
        }
        Some(places)
    }

    /// The first keyword group of the fact at `position` with no word in
    /// `within` of the document.
    pub(crate) fn missing_group(
        &self,
        position: usize,
        words: &DocumentWords,
        within: Span,
    ) -> Option<usize> {
        let mut spans = Vec::new();
        self.keywords.of(position).position(|group| {
            spans.clear();
            for phrase in group {
                words.phrase_places(phrase, &mut spans);
            }
            !spans.iter().any(|span| within.contains(*span))
        })
    }
}

/// The words of a document that keywords have, where each stands.
#[derive(Debug, Default)]
pub(crate) struct DocumentWords {
    /// Single words in order, compounds split into their parts, for
    /// phrases of several words; words no keyword has are `None`.
    parts: Vec<(Option<WordId>, Span)>,
    /// Each keyword word where it stands, in word order, then text order.
    places: Vec<Place>,
    /// Each keyword word by where it starts, in text order.
    in_order: Vec<(usize, WordId)>,
}

/// A keyword word where it stands: a single word or part of a compound
/// (its position in `parts`), or a whole compound.
#[derive(Clone, Copy, Debug)]
struct Place {
    word: WordId,
    span: Span,
    part: Option<u32>,
}

impl DocumentWords {
    /// The keyword words that start inside `within`.
    fn words_in(&self, within: Span) -> impl Iterator<Item = WordId> + '_ {
        let from = self
            .in_order
            .partition_point(|(start, _)| *start < within.start);
        self.in_order[from..]
            .iter()
            .take_while(move |(start, _)| *start < within.end)
            .map(|(_, word)| *word)
    }

    /// Appends where a phrase stands: a single word anywhere, whole
    /// compounds included; several words only as consecutive words.
    fn phrase_places(&self, phrase: &[WordId], found: &mut Vec<Span>) {
        let Some((&first, rest)) = phrase.split_first() else {
            return;
        };
        let from = self.places.partition_point(|place| place.word < first);
        let places = self.places[from..]
            .iter()
            .take_while(|place| place.word == first);
        for place in places {
            if rest.is_empty() {
                found.push(place.span);
                continue;
            }
            let Some(part) = place.part else { continue };
            let following = self
                .parts
                .get(part as usize + 1..part as usize + phrase.len());
            let matches = following.is_some_and(|following| {
                following
                    .iter()
                    .zip(rest)
                    .all(|((id, _), word)| *id == Some(*word))
            });
            if let (true, Some(following)) = (matches, following) {
                found.push(place.span.cover(following[following.len() - 1].1));
            }
        }
    }
}

/// Where each keyword group of one fact stands in a document.
#[derive(Debug, Default)]
pub(crate) struct GroupPlaces {
    /// Every group's places, one group after another, each in text order.
    spans: Vec<Span>,
    /// Where each group's places end in `spans`.
    ends: Vec<usize>,
}

/// How close to a claim a keyword group stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Scope {
    Document,
    Paragraph,
    Sentence,
}

impl GroupPlaces {
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    fn group(&self, group: usize) -> &[Span] {
        let start = if group == 0 { 0 } else { self.ends[group - 1] };
        &self.spans[start..self.ends[group]]
    }

    /// Whether every group has a word inside `outer`.
    pub(crate) fn all_within(&self, outer: Span) -> bool {
        (0..self.len()).all(|group| {
            let spans = self.group(group);
            let from = spans.partition_point(|span| span.start < outer.start);
            spans[from..]
                .iter()
                .take_while(|span| span.start < outer.end)
                .any(|span| outer.contains(*span))
        })
    }

    /// How close the group stands to a claim: in its sentence (with the
    /// bytes from the claim to its nearest word there), its paragraph, or
    /// elsewhere in the document.
    pub(crate) fn placed(&self, group: usize, claim: &Claim) -> (Scope, Option<usize>) {
        let spans = self.group(group);
        let within = |outer: Span| {
            let from = spans.partition_point(|span| span.start < outer.start);
            spans[from..]
                .iter()
                .take_while(move |span| span.start < outer.end)
                .filter(move |span| outer.contains(**span))
        };
        let nearest = within(claim.sentence)
            .map(|span| span.distance(claim.span))
            .min();
        if nearest.is_some() {
            return (Scope::Sentence, nearest);
        }
        if within(claim.paragraph).next().is_some() {
            return (Scope::Paragraph, None);
        }
        (Scope::Document, None)
    }
}

impl Keywords {
    /// Adds the next fact's keyword groups, numbering new words as they
    /// come.
    fn push(&mut self, groups: &[Vec<String>], vocabulary: &mut FxHashMap<String, WordId>) {
        self.starts.push(self.numbers.len() as u32);
        self.numbers.push(groups.len() as u32);
        for group in groups {
            let size_at = self.numbers.len();
            self.numbers.push(0);
            self.numbers.push(group.len() as u32);
            for keyword in group {
                let words_at = self.numbers.len();
                self.numbers.push(0);
                for word in keyword.split(' ') {
                    let next = vocabulary.len() as WordId;
                    self.numbers
                        .push(*vocabulary.entry(word.to_string()).or_insert(next));
                }
                self.numbers[words_at] = (self.numbers.len() - words_at - 1) as u32;
            }
            self.numbers[size_at] = (self.numbers.len() - size_at - 1) as u32;
        }
    }

    /// The keyword groups of the fact at `position`.
    fn of(&self, position: usize) -> Groups<'_> {
        let rest = &self.numbers[self.starts[position] as usize..];
        Groups {
            rest: &rest[1..],
            left: rest[0],
        }
    }
}

impl<'k> Iterator for Groups<'k> {
    type Item = Phrases<'k>;

    fn next(&mut self) -> Option<Phrases<'k>> {
        self.left = self.left.checked_sub(1)?;
        let (&size, rest) = self.rest.split_first()?;
        let (group, rest) = rest.split_at(size as usize);
        self.rest = rest;
        let (&alternatives, rest) = group.split_first()?;
        Some(Phrases {
            rest,
            left: alternatives,
        })
    }
}

impl<'k> Iterator for Phrases<'k> {
    type Item = &'k [WordId];

    fn next(&mut self) -> Option<&'k [WordId]> {
        self.left = self.left.checked_sub(1)?;
        let (&words, rest) = self.rest.split_first()?;
        let (phrase, rest) = rest.split_at(words as usize);
        self.rest = rest;
        Some(phrase)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left as usize, Some(self.left as usize))
    }
}

impl ExactSizeIterator for Phrases<'_> {}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn flat_keywords_read_back_as_the_groups_given() {
        let facts: Vec<Vec<Vec<&str>>> = vec![
            vec![vec!["war"], vec!["2020", "six week", "soviet union army"]],
            vec![],
            vec![vec!["geneva", "war"]],
        ];
        let mut vocabulary = FxHashMap::default();
        let mut keywords = Keywords::default();
        for groups in &facts {
            let groups: Vec<Vec<String>> = groups
                .iter()
                .map(|group| group.iter().map(ToString::to_string).collect())
                .collect();
            keywords.push(&groups, &mut vocabulary);
        }
        let spelled = |id: &WordId| {
            let (word, _) = vocabulary.iter().find(|(_, number)| *number == id).unwrap();
            word.clone()
        };
        for (position, groups) in facts.iter().enumerate() {
            let read: Vec<Vec<String>> = keywords
                .of(position)
                .map(|phrases| {
                    assert_eq!(phrases.len(), phrases.clone().count());
                    phrases
                        .map(|phrase| phrase.iter().map(spelled).collect::<Vec<_>>().join(" "))
                        .collect()
                })
                .collect();
            assert_eq!(read, *groups, "fact {position}");
        }
        assert_eq!(vocabulary.len(), 8, "each word numbered once");
    }

    #[test]
    fn keywords_meet_words_in_any_number_and_inside_compounds() {
        let keywords = "war|six-week|week|2020|soviet union|troop|union soviet|geneva";
        let csv = format!("id,value,unit,keywords\nfact,1,troops,{keywords}\n");
        let (facts, problems) = claimcheck_reference::parse(Path::new("test.csv"), csv.as_bytes());
        assert!(problems.is_empty(), "{problems:?}");
        let index = FactIndex::new(&facts, Synonyms::default());
        let text = "A six-week war in autumn 2020, when the Soviet Union's troops left.";
        let words = index.document_words(text, Span::new(0, text.len()));
        let cases = [
            ("war", vec!["war"]),
            ("six-week", vec!["six-week"]),
            ("week", vec!["week"]),
            ("2020", vec!["2020"]),
            ("soviet union", vec!["Soviet Union's"]),
            ("troop", vec!["troops"]),
            ("union soviet", vec![]),
            ("geneva", vec![]),
        ];
        for (keyword, expected) in cases {
            let phrase: Vec<WordId> = keyword
                .split(' ')
                .map(|word| index.vocabulary[word])
                .collect();
            let mut found = Vec::new();
            words.phrase_places(&phrase, &mut found);
            let found: Vec<&str> = found.iter().map(|span| span.of(text)).collect();
            assert_eq!(found, expected, "{keyword}");
        }
    }
}
