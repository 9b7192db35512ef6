//! The facts, compiled for matching: bucketed by what they measure, their
//! keywords turned into numbers, and each bucket indexed by an anchor word
//! per fact, so that a claim tests only the facts its sentence could hold.

use std::cell::{RefCell, RefMut};
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
    /// Buckets by dimension, then by [`Measure::key`], so that a claim's
    /// bucket is found without building its measure.
    by_measure: FxHashMap<Dimension, FxHashMap<String, Bucket>>,
    /// Every word of every keyword, numbered, so that sentences and facts
    /// compare numbers rather than strings.
    vocabulary: FxHashMap<String, WordId>,
    /// Each fact's keyword groups in numbers, in the order of `facts`.
    keywords: Keywords,
    /// How reasons quote each fact, worked out when first needed: a run
    /// quotes only the facts its claims meet, often few of many.
    quotes: Vec<OnceLock<Quote>>,
    /// Each thread's numbers for the words it has met, spelled as in the
    /// text: one lookup per word of a sentence, where folding the word
    /// and then looking the fold up took two.
    word_ids: ThreadLocal<RefCell<WordIds>>,
    /// Each thread's room for a sentence's keywords, kept from document to
    /// document, since it holds an array as long as the vocabulary.
    sentences: ThreadLocal<RefCell<SentenceKeywords>>,
}

/// Words as the text spells them, with the numbers of their keys.
type WordIds = FxHashMap<Box<str>, Option<WordId>>;

pub(crate) type WordId = u32;

/// Every fact's keyword groups in numbers, in one array. A fact is its
/// number of groups, then each group: how many numbers follow in it, its
/// number of alternatives, then each alternative: its number of words,
/// then the words. Testing a claim's candidates then reads one short run
/// of memory per fact, where nested vectors cost a cache miss per level;
/// and a group is passed over without reading its alternatives.
#[derive(Debug, Default)]
struct Keywords {
    /// Where each fact starts in `numbers`.
    starts: Vec<u32>,
    numbers: Vec<u32>,
}

/// The keyword groups of one fact.
#[derive(Clone, Debug)]
struct Groups<'k> {
    rest: &'k [u32],
    left: u32,
}

/// The alternatives of one keyword group, each a phrase of words.
#[derive(Clone, Debug)]
struct Phrases<'k> {
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

/// The facts of one measure.
#[derive(Debug, Default)]
struct Bucket {
    /// Every fact, in file order.
    all: Vec<usize>,
    /// Facts without keywords, which apply wherever the measure does.
    open: Vec<usize>,
    /// Facts by the first word of each alternative of their most selective
    /// keyword group: a fact can apply only where its sentence has one.
    /// Each with the [`Sketch`] of the words it cannot apply without.
    by_anchor: FxHashMap<WordId, Vec<(usize, Sketch)>>,
}

/// A set of keyword words in 64 bits, bit `word % 64` for each: a sketch
/// that may hold words the set does not, never the other way round. Half
/// the facts a sentence's words bring to a claim lack a word of another
/// group, and two sketches tell most of those apart in one instruction,
/// where testing each group cost a hundred and more.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Sketch(u64);

impl Sketch {
    fn add(&mut self, word: WordId) {
        self.0 |= 1 << (word % 64);
    }

    /// Whether every word of `needed` may be in this set.
    fn may_hold(self, needed: Sketch) -> bool {
        needed.0 & !self.0 == 0
    }

    /// The words a fact cannot apply without: those of each keyword group
    /// that has one phrase only.
    fn needed_by(groups: Groups<'_>) -> Sketch {
        let mut needed = Sketch::default();
        for mut group in groups.filter(|group| group.len() == 1) {
            for &word in group.next().unwrap_or_default() {
                needed.add(word);
            }
        }
        needed
    }
}

/// A sentence's words as the index numbers them; words no keyword has are
/// `None`. One is filled sentence after sentence, keeping its room.
#[derive(Debug, Default)]
pub(crate) struct SentenceKeywords {
    /// Single words in order, compounds split into their parts, for
    /// phrases of several words.
    parts: Vec<(Option<WordId>, Span)>,
    /// The whole compounds that are keyword words, while `first` is built.
    compounds: Vec<(WordId, Span)>,
    /// Where each keyword word first stands: among the single words, else
    /// among the whole compounds.
    first: FirstPlaces,
}

/// Where each keyword word first stands in a sentence, in an array by word
/// number: as a hash map, its inserts and lookups took a fifth of checking.
/// Each place is stamped with its sentence, so that a new sentence need not
/// clear the array.
#[derive(Debug, Default)]
struct FirstPlaces {
    places: Vec<(u32, Span)>,
    sentence: u32,
    /// The words placed in this sentence.
    words: Vec<WordId>,
    /// The same words, sketched.
    sketch: Sketch,
}

/// A fact that applies to a claim: how near its keywords stand.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fit {
    /// Bytes from the claim to the farthest of the fact's keyword groups
    /// (each at its nearest word): how far the claim stands from all its
    /// keywords, not just from one that another figure shares.
    pub(crate) distance: usize,
    /// The claim's noun is one of the fact's keywords.
    pub(crate) names_noun: bool,
    /// How many keyword groups the fact has.
    pub(crate) groups: usize,
}

/// The position among a fact's keyword groups of one the sentence has no
/// word of.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Missing(pub(crate) usize);

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
        let mut by_measure: FxHashMap<Dimension, FxHashMap<String, Bucket>> = FxHashMap::default();
        for (position, fact) in facts.iter().enumerate() {
            let units: Vec<&str> = match fact.base.dimension {
                Dimension::Count => fact.units.iter().map(String::as_str).collect(),
                _ => vec![fact.base.unit.as_str()],
            };
            for unit in units {
                let Measure { dimension, key } = Measure::of(fact.base.dimension, unit, &synonyms);
                let bucket = by_measure
                    .entry(dimension)
                    .or_default()
                    .entry(key)
                    .or_default();
                if bucket.all.last() == Some(&position) {
                    continue;
                }
                bucket.all.push(position);
                match keywords.of(position).min_by_key(ExactSizeIterator::len) {
                    None => bucket.open.push(position),
                    Some(anchor_group) => {
                        let needed = Sketch::needed_by(keywords.of(position));
                        for phrase in anchor_group {
                            let anchored = bucket.by_anchor.entry(phrase[0]).or_default();
                            if anchored.last().map(|&(last, _)| last) != Some(position) {
                                anchored.push((position, needed));
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
            vocabulary,
            keywords,
            quotes: facts.iter().map(|_| OnceLock::new()).collect(),
            word_ids: ThreadLocal::new(),
            sentences: ThreadLocal::new(),
        }
    }

    pub(crate) fn fact(&self, position: usize) -> &'f Fact {
        &self.facts[position]
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

    /// The facts measuring what the claim measures.
    fn bucket(&self, claim: &Claim) -> Option<&Bucket> {
        let base = &claim.quantity.base;
        let buckets = self.by_measure.get(&base.dimension)?;
        with_measure_key(base.dimension, &base.unit, &self.synonyms, |key| {
            buckets.get(key)
        })
    }

    /// Whether some fact measuring what the claim measures has keywords:
    /// only then do the words of its sentence matter.
    pub(crate) fn has_keyed_facts(&self, claim: &Claim) -> bool {
        self.bucket(claim)
            .is_some_and(|bucket| !bucket.by_anchor.is_empty())
    }

    /// Every fact measuring what the claim measures, in file order.
    pub(crate) fn measuring(&self, claim: &Claim) -> &[usize] {
        self.bucket(claim)
            .map_or(&[], |bucket| bucket.all.as_slice())
    }

    /// This thread's room for the keywords of a sentence.
    pub(crate) fn sentence_room(&self) -> RefMut<'_, SentenceKeywords> {
        self.sentences.get_or_default().borrow_mut()
    }

    /// Puts the words of a sentence of `source` into `keywords` in the
    /// index's numbers, replacing what it held.
    pub(crate) fn number_words(
        &self,
        source: &str,
        sentence: Span,
        keywords: &mut SentenceKeywords,
    ) {
        keywords.clear();
        let SentenceKeywords {
            parts,
            compounds,
            first,
        } = keywords;
        first.make_room(self.vocabulary.len());
        let mut word_ids = self.word_ids.get_or_default().borrow_mut();
        visit_words(source, sentence, |word, span, piece| {
            let id = self.word_id(word, &mut word_ids);
            match piece {
                Piece::Compound => compounds.extend(id.map(|id| (id, span))),
                Piece::Single | Piece::Part => parts.push((id, span)),
            }
        });
        let single_words = parts.iter().filter_map(|&(id, span)| Some((id?, span)));
        for (word, span) in single_words.chain(compounds.iter().copied()) {
            first.place(word, span);
        }
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

    /// The facts that could apply to a claim in a sentence: those of its
    /// measure without keywords, and those with an anchor word in the
    /// sentence. Each once, in file order, in `candidates`, which the
    /// caller reuses from claim to claim.
    pub(crate) fn candidates(
        &self,
        claim: &Claim,
        sentence: &SentenceKeywords,
        candidates: &mut Vec<usize>,
    ) {
        candidates.clear();
        let Some(bucket) = self.bucket(claim) else {
            return;
        };
        candidates.extend(&bucket.open);
        let words = sentence.first.sketch;
        for word in &sentence.first.words {
            if let Some(anchored) = bucket.by_anchor.get(word) {
                let may_apply = anchored
                    .iter()
                    .filter(|(_, needed)| words.may_hold(*needed));
                candidates.extend(may_apply.map(|&(position, _)| position));
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
    }

    /// The number of a claim's counted noun, if some keyword is that word.
    pub(crate) fn noun_id(&self, claim: &Claim) -> Option<WordId> {
        let noun = claim.noun.as_ref()?;
        vocab::with_word_key(&noun.word, |key| self.vocabulary.get(key).copied())
    }

    /// How the fact at `position` fits a claim standing at `claim` whose
    /// noun is `noun`; or, when a keyword group has no word in the
    /// sentence, the first such group. The fact itself is not read, since
    /// most candidates are turned away and it lies far off in memory.
    pub(crate) fn fit(
        &self,
        position: usize,
        claim: Span,
        noun: Option<WordId>,
        sentence: &SentenceKeywords,
    ) -> Result<Fit, Missing> {
        let mut distance = 0;
        let mut groups = 0;
        let mut names_noun = false;
        for (index, group) in self.keywords.of(position).enumerate() {
            let mut nearest = None;
            for phrase in group {
                names_noun |= noun.is_some_and(|noun| phrase == [noun]);
                if let Some(span) = sentence.find(phrase) {
                    let here = span.distance(claim);
                    nearest = Some(nearest.map_or(here, |nearest: usize| nearest.min(here)));
                }
            }
            distance = distance.max(nearest.ok_or(Missing(index))?);
            groups += 1;
        }
        Ok(Fit {
            distance,
            names_noun,
            groups,
        })
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

impl SentenceKeywords {
    /// Forgets the words, keeping the room.
    pub(crate) fn clear(&mut self) {
        self.parts.clear();
        self.compounds.clear();
        self.first.next_sentence();
    }

    /// Where a phrase first stands: a single word among the words, else
    /// among the compounds; several words only as consecutive words.
    fn find(&self, phrase: &[WordId]) -> Option<Span> {
        if let [word] = phrase {
            return self.first.get(*word);
        }
        self.parts.windows(phrase.len()).find_map(|window| {
            let matches = window
                .iter()
                .zip(phrase)
                .all(|((id, _), word)| *id == Some(*word));
            matches.then(|| window[0].1.cover(window[phrase.len() - 1].1))
        })
    }
}

impl FirstPlaces {
    /// Room for every word of a vocabulary of `words`.
    fn make_room(&mut self, words: usize) {
        if self.places.len() < words {
            self.places.resize(words, (0, Span::default()));
        }
    }

    /// Forgets the words placed, by moving on to a new stamp.
    fn next_sentence(&mut self) {
        self.words.clear();
        self.sketch = Sketch::default();
        self.sentence = self.sentence.wrapping_add(1);
        if self.sentence == 0 {
            // Stamps have come round: old places could pass for new ones.
            self.places.fill((0, Span::default()));
            self.sentence = 1;
        }
    }

    /// Places a word where it stands, unless it already stands earlier.
    fn place(&mut self, word: WordId, span: Span) {
        let place = &mut self.places[word as usize];
        if place.0 != self.sentence {
            *place = (self.sentence, span);
            self.words.push(word);
            self.sketch.add(word);
        }
    }

    fn get(&self, word: WordId) -> Option<Span> {
        let &(sentence, span) = self.places.get(word as usize)?;
        (sentence == self.sentence).then_some(span)
    }
}

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
        let mut sentence = SentenceKeywords::default();
        index.number_words(text, Span::new(0, text.len()), &mut sentence);
        let cases = [
            ("war", Some("war")),
            ("six-week", Some("six-week")),
            ("week", Some("week")),
            ("2020", Some("2020")),
            ("soviet union", Some("Soviet Union's")),
            ("troop", Some("troops")),
            ("union soviet", None),
            ("geneva", None),
        ];
        for (keyword, expected) in cases {
            let phrase: Vec<WordId> = keyword
                .split(' ')
                .map(|word| index.vocabulary[word])
                .collect();
            assert_eq!(
                sentence.find(&phrase).map(|span| span.of(text)),
                expected,
                "{keyword}"
            );
        }
    }
}
