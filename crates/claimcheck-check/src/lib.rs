//! Holds each [`Claim`] against the reference [`Fact`]s and gives it a
//! [`Verdict`] with a one-line reason.
//!
//! A fact is a **candidate** for a claim when both measure the same thing
//! (the same counted noun or synonym, a noun counting people of some kind
//! against a fact of people, the same currency, or the same dimension:
//! durations meet durations, dates meet dates and years) and every keyword
//! group of the fact has a word in the claim's paragraph; failing any
//! such fact, a few facts named in the claim's sentence whose other words
//! stand elsewhere in the document are loose candidates. A figure whose
//! noun is not written ("As many as 33 million were affected") meets count
//! facts whose every keyword group stands in its sentence.
//!
//! Each candidate is scored by all the evidence: where its keyword groups
//! stand (the claim's sentence, its paragraph, elsewhere in the document),
//! how well the measures meet, whether the claim's noun is a keyword,
//! whether both are of one kind (a date before a year) and one stance (a
//! forecast before an outcome), whether the value agrees, whether the
//! claim asserts or restates, is current or what something changed from,
//! which figure of the sentence each keyword stands nearest, and how
//! specific the fact is. A fact goes only to the claims where its keywords
//! stand closest in the document; within a sentence, claims and facts are
//! then paired one to one by the best total score
//! ([`pathfinding::kuhn_munkres`], or best pair first in a sentence with
//! more figures than [`MATCHED_EXACTLY`]).
//!
//! The verdict compares intervals: the claim's (from its qualifier and
//! precision) against its fact's (bounds, tolerance, or the value a source
//! reported). Overlap is `supported`, no overlap `contradicted`. A claim
//! contradicted while an equally fitting fact it agrees with went to an
//! equally fitting figure of the sentence is `ambiguous`. A forecast held
//! against an outcome, or the reverse, that disagrees is `unverified`, as
//! is a claim no fact is left for. Context figures (years, dates,
//! ordinals, restatements) are assessed only when a fact goes to them.

pub mod cross;
mod index;
mod reason;
mod sentence;
pub mod suggest;

use std::ops::Range;
use std::rc::Rc;

use pathfinding::kuhn_munkres::kuhn_munkres;
use pathfinding::matrix::Matrix;
use rustc_hash::FxHashMap;

use claimcheck_core::calendar::{self, Date};
use claimcheck_core::{
    Assessment, Bound, Claim, Dimension, Fact, Interval, Kind, NounRole, Qualifier, Role, Span,
    Verdict, vocab,
};

pub use crate::index::FactIndex;
use crate::index::{DocumentWords, GroupPlaces, MeasureFit, Scope};
use crate::reason::{Lost, NearMiss, Quote};

/// The most figures of one sentence that are paired with facts by the
/// exact best total; beyond it, the best pair is taken first, so that
/// time grows no faster than the pairs themselves.
pub const MATCHED_EXACTLY: usize = 16;

/// A fact that may apply to a claim, and the evidence that it does.
// Each flag is a piece of evidence of its own, weighed apart in `score`.
#[allow(clippy::struct_excessive_bools)]
#[derive(Clone, Debug)]
struct Candidate<'f> {
    position: usize,
    fact: &'f Fact,
    scope: Scope,
    measure: MeasureFit,
    /// The claim's noun is one of the fact's keywords ("six-week war").
    names_noun: bool,
    /// Both dates, both years, both counts.
    same_kind: bool,
    /// Both of what happened, or both of what is expected.
    same_stance: bool,
    agrees: bool,
    /// An amount in another currency with the fact's own figure ("$22.6
    /// billion" for £22.6 billion): as good a fit as the right currency.
    own_figure_in_another_currency: bool,
    groups: usize,
    /// For each keyword group, the bytes from the claim to its nearest
    /// word in the sentence; `None` where the group stands elsewhere.
    nearest: Vec<Option<usize>>,
    /// How many keyword groups stand nearer this claim than any other
    /// figure of the sentence the fact may apply to.
    owned: usize,
}

impl Candidate<'_> {
    /// Whether the fact is tied to the claim closely enough to rule it
    /// out: its keywords in the claim's paragraph, and the claim's noun
    /// the fact's, not only a kindred one ("82 Iranians" and a fact of
    /// people).
    fn ties_closely(&self) -> bool {
        self.scope >= Scope::Paragraph && self.measure != MeasureFit::Kind
    }

    /// The bytes to the farthest keyword group of the sentence.
    fn distance(&self) -> usize {
        self.nearest.iter().flatten().copied().max().unwrap_or(0)
    }
}

/// What the reference holds for one claim.
#[derive(Debug, Default)]
struct Matches<'f> {
    candidates: Vec<Candidate<'f>>,
    /// The candidate the claim was given.
    kept: Option<usize>,
    /// Facts that applied but went to another claim.
    lost: Vec<(&'f Fact, usize, Lost)>,
}

/// Assesses the claims of one document, in order. `text` is the part of
/// `source` the claims come from, whose words place keywords; context
/// figures that no fact goes to are left out.
#[must_use]
pub fn check<'f>(
    source: &str,
    text: Span,
    claims: Vec<Claim>,
    document_date: Option<Date>,
    index: &FactIndex<'f>,
) -> Vec<Assessment<'f>> {
    let words = if claims.iter().any(|claim| index.may_meet_keyed_facts(claim)) {
        index.document_words(source, text)
    } else {
        DocumentWords::default()
    };
    let mut finder = Finder {
        index,
        words: &words,
        places: FxHashMap::default(),
        named_in_sentence: FxHashMap::default(),
        whole_in_paragraph: FxHashMap::default(),
    };
    let mut matches: Vec<Matches<'f>> = claims
        .iter()
        .map(|claim| Matches {
            candidates: finder.candidates(claim),
            ..Matches::default()
        })
        .collect();
    let sentences = sentence_ranges(&claims);
    for range in &sentences {
        count_owned_groups(&mut matches[range.clone()]);
    }
    // A fact goes to the figures where its keywords stand closest: first
    // those whose own sentence holds them all, then those whose paragraph
    // does, then the rest of the document, each time to the figures left
    // and the facts no closer figure has taken.
    let mut taken: FxHashMap<usize, usize> = FxHashMap::default();
    for scope in [Scope::Sentence, Scope::Paragraph, Scope::Document] {
        let mut newly = Vec::new();
        for range in &sentences {
            let sentence = Sentence {
                claims: &claims[range.clone()],
                first: range.start,
                scope,
                taken: &taken,
            };
            pair_within_sentence(&sentence, &mut matches[range.clone()], &mut newly);
        }
        for (position, claim) in newly {
            taken.entry(position).or_insert(claim);
        }
    }
    share_with_conversions(source, &claims, &mut matches);
    for range in &sentences {
        note_what_was_lost(
            &claims[range.clone()],
            &mut matches[range.clone()],
            range.start,
            &taken,
        );
    }
    let texts: Vec<&str> = claims.iter().map(|claim| claim.span.of(source)).collect();
    let context = Context {
        source,
        text,
        texts: &texts,
        words: &words,
        index,
        document_date,
    };
    let own_years = own_years(source, &claims, &sentences);
    let mut assessments = Vec::with_capacity(claims.len());
    let mut matches = matches.into_iter();
    for (claim, years) in claims.into_iter().zip(own_years) {
        let claim_matches = matches.next().unwrap_or_default();
        assessments.extend(assess(claim, &claim_matches, years, &context));
    }
    assessments
}

/// The year each claim's sentence puts it in: a year or a date within one
/// year that stands nearer it than any other figure of the sentence ("Le
/// Pen won 33.9% in 2017"; in "fell to 2.67% from 4.08% in 2010", the 2010
/// is the 4.08%'s). Only a year written out counts ("in April" takes
/// its year from the article's date, which may be wrong); a year a period
/// starts in ("the biggest rise since 1993") puts the figure in no year,
/// nor does any year an age, which is the person's when written.
fn own_years(source: &str, claims: &[Claim], sentences: &[Range<usize>]) -> Vec<Years> {
    let mut years = vec![Years::default(); claims.len()];
    for range in sentences {
        let sentence = &claims[range.clone()];
        // A year that opens its sentence ("In 2019, GDP grew 6%") or a
        // clause of its own ("than in 2017, when Macron won 66.1% to Le
        // Pen's 33.9%") places every figure after it that no nearer year
        // places.
        let mut governing = None;
        let mut placings = Vec::new();
        for time in sentence {
            let Some(year) = single_year(time) else {
                continue;
            };
            let starts_a_period = source[..time.span.start]
                .rsplit(|c: char| !c.is_alphabetic())
                .filter(|word| !word.is_empty())
                .take(2)
                .any(|word| vocab::starts_a_period(&word.to_lowercase()));
            if !time.span.of(source).contains(&year.to_string()) || starts_a_period {
                continue;
            }
            let figures = || {
                sentence.iter().enumerate().filter(|(_, other)| {
                    !matches!(other.quantity.kind, Kind::Year | Kind::Date | Kind::Ordinal)
                })
            };
            let opens = figures().all(|(_, other)| other.span.start > time.span.end);
            let then_when = source[time.span.end..]
                .trim_start_matches([',', ' '])
                .starts_with("when ");
            if governing.is_none() && (opens || then_when) {
                governing = Some((time.span.end, year));
            }
            // A year mostly places what comes before it in its clause
            // ("the 413 seats it won in 2001 and the record 419"), else
            // the figure nearest it ("In 2017, Macron won 66.1%").
            let before_in_clause = figures()
                .filter(|(_, other)| {
                    other.span.end <= time.span.start
                        && !source[other.span.end..time.span.start].contains([',', ';', ':', '('])
                })
                .max_by_key(|(_, other)| other.span.end);
            let placed = match before_in_clause {
                Some(before) => Some((0, before)),
                None => figures()
                    .min_by_key(|(_, other)| other.span.distance(time.span))
                    .map(|nearest| (1, nearest)),
            };
            if let Some((rank, (at, figure))) = placed {
                let distance = figure.span.distance(time.span);
                if figure.quantity.kind != Kind::Age {
                    placings.push((rank, distance, at, year));
                }
            }
        }
        // Each figure takes the year that places it best: one after it in
        // its clause, else the nearest.
        placings.sort_unstable();
        for (_, _, at, year) in placings.drain(..) {
            years[range.start + at].own.get_or_insert(year);
        }
        if let Some((from, year)) = governing {
            for (at, claim) in sentence.iter().enumerate() {
                let placed = &mut years[range.start + at].own;
                let placeable = !matches!(
                    claim.quantity.kind,
                    Kind::Age | Kind::Year | Kind::Date | Kind::Ordinal
                );
                if claim.span.start >= from && placeable {
                    placed.get_or_insert(year);
                }
            }
        }
        // "fell to 2.67% from 4.08% in 2010": the 2010 is the earlier
        // figure's, so the current one is of another year.
        let earlier = (0..sentence.len())
            .find(|&at| sentence[at].earlier && years[range.start + at].own.is_some())
            .and_then(|at| years[range.start + at].own);
        for (at, claim) in sentence.iter().enumerate() {
            if !claim.earlier {
                years[range.start + at].earlier = earlier;
            }
        }
    }
    years
}

/// The years a claim's sentence places: its own, and the one it gives to
/// an earlier figure beside it.
#[derive(Clone, Copy, Debug, Default)]
struct Years {
    own: Option<i32>,
    earlier: Option<i32>,
}

/// The year a context year or date stands for, when it is one year.
fn single_year(claim: &Claim) -> Option<i32> {
    if claim.role != Role::Context {
        return None;
    }
    let interval = claim.quantity.base.interval;
    let (low, high) = (interval.low_value()?, interval.high_value()?);
    let year_of = |day: f64| calendar::date_of(day).map(|date| i32::from(date.year()));
    match claim.quantity.kind {
        Kind::Year | Kind::Date => {
            let (first, last) = (year_of(low)?, year_of((high - 1.0).max(low))?);
            (first == last).then_some(first)
        }
        _ => None,
    }
}

/// Finds candidates, remembering per document where each fact's keywords
/// stand and which facts of a bucket each sentence and paragraph may hold.
struct Finder<'i, 'f, 'w> {
    index: &'i FactIndex<'f>,
    words: &'w DocumentWords,
    places: FxHashMap<usize, Option<GroupPlaces>>,
    /// For each bucket and sentence, the facts with a word there.
    named_in_sentence: FxHashMap<(usize, Span), Rc<[usize]>>,
    /// For each bucket and paragraph, the facts whose every keyword group
    /// has a word there, and those without keywords.
    whole_in_paragraph: FxHashMap<(usize, Span), Rc<[usize]>>,
}

impl<'f> Finder<'_, 'f, '_> {
    /// The facts of a bucket whose every keyword group has a word in the
    /// claim's paragraph, with those that have no keywords, in file order.
    fn whole_in_paragraph(&mut self, bucket: usize, claim: &Claim) -> Rc<[usize]> {
        let (index, words, places) = (self.index, self.words, &mut self.places);
        self.whole_in_paragraph
            .entry((bucket, claim.paragraph))
            .or_insert_with(|| {
                let mut whole: Vec<usize> = index
                    .facts_maybe_whole_in(bucket, words, claim.paragraph)
                    .into_iter()
                    .filter(|&position| {
                        places
                            .entry(position)
                            .or_insert_with(|| index.group_places(position, words))
                            .as_ref()
                            .is_some_and(|places| places.all_within(claim.paragraph))
                    })
                    .collect();
                whole.extend_from_slice(index.open_facts(bucket));
                whole.sort_unstable();
                whole.into()
            })
            .clone()
    }

    /// The facts of a bucket named in the claim's sentence whose other
    /// keywords stand only elsewhere in the article, up to one more than
    /// [`LOOSE_FITS`].
    fn named_only_nearby(&mut self, bucket: usize, claim: &Claim, whole: &[usize]) -> Vec<usize> {
        let (index, words) = (self.index, self.words);
        let named = self
            .named_in_sentence
            .entry((bucket, claim.sentence))
            .or_insert_with(|| index.facts_named_in(bucket, words, claim.sentence).into())
            .clone();
        named
            .iter()
            .copied()
            .filter(|position| whole.binary_search(position).is_err())
            .filter(|&position| {
                self.places
                    .entry(position)
                    .or_insert_with(|| index.group_places(position, words))
                    .is_some()
            })
            .take(LOOSE_FITS + 1)
            .collect()
    }

    fn candidates(&mut self, claim: &Claim) -> Vec<Candidate<'f>> {
        // A date whose year is unknown asserts nothing to check, and a
        // denied figure takes no fact from the figure asserted beside it.
        if claim.quantity.base.interval == Interval::UNBOUNDED
            || matches!(claim.role, Role::Denied { .. } | Role::Dateline)
        {
            return Vec::new();
        }
        // The facts that may apply are those whole in the claim's
        // paragraph; looking only at those keeps a long article with a
        // large reference from testing every fact for every figure.
        let buckets = self.index.buckets_of(claim);
        let mut found = Vec::new();
        for &(bucket, measure) in &buckets {
            for &position in self.whole_in_paragraph(bucket, claim).iter() {
                self.consider(claim, position, measure, &mut found);
            }
        }
        if !found.is_empty() {
            return found;
        }
        // A fact named in the sentence but whole only in the article (its
        // place in the headline, say) may tie a figure nothing nearer does,
        // when few such facts do: a figure that many facts fit that loosely
        // is tied to none.
        let mut loose = Vec::new();
        for &(bucket, measure) in &buckets {
            let whole = self.whole_in_paragraph(bucket, claim);
            for position in self.named_only_nearby(bucket, claim, &whole) {
                self.consider(claim, position, measure, &mut loose);
            }
        }
        if loose.len() <= LOOSE_FITS {
            found = loose;
        }
        found
    }

    /// Adds the fact at `position` to the claim's candidates, with the
    /// evidence that it applies, unless it cannot.
    fn consider(
        &mut self,
        claim: &Claim,
        position: usize,
        measure: MeasureFit,
        found: &mut Vec<Candidate<'f>>,
    ) {
        let fact = self.index.fact(position);
        if found.iter().any(|known| known.position == position)
            || !durations_comparable(claim, fact)
        {
            return;
        }
        let (index, words) = (self.index, self.words);
        let places = self
            .places
            .entry(position)
            .or_insert_with(|| index.group_places(position, words));
        let Some(places) = places else { return };
        let mut scope = Scope::Sentence;
        let nearest: Vec<Option<usize>> = (0..places.len())
            .map(|group| {
                let (group_scope, nearest) = places.placed(group, claim);
                scope = scope.min(group_scope);
                nearest
            })
            .collect();
        // A figure whose noun is not written, an amount in another
        // currency, and a date or year meet a fact only through words of
        // their own sentence: nothing else ties them to it.
        let needs_sentence = measure <= MeasureFit::Unnamed || claim.role == Role::Context;
        if needs_sentence && scope != Scope::Sentence {
            return;
        }
        let noun = self.index.noun_id(claim);
        let names_noun = noun.is_some_and(|noun| {
            self.index
                .groups(position)
                .flatten()
                .any(|phrase| phrase == [noun])
        });
        // "Kipchoge, 38,": an age given after a name is that person's, and
        // meets only the facts that name them.
        let someone_elses_age = claim.quantity.kind == Kind::Age
            && claim.noun.as_ref().is_some_and(|noun| {
                noun.role == NounRole::Modified && noun.span.end <= claim.span.start
            })
            && !names_noun;
        if someone_elses_age {
            return;
        }
        // An amount in another currency never agrees: the same figure there
        // is the wrong currency, another one cannot be converted. But the
        // fact's own figure in another currency is that fact, miswritten.
        let near = agrees_nearby(claim, fact);
        let (agrees, own_figure_in_another_currency) = match measure {
            MeasureFit::OtherCurrency => (false, near),
            _ => (near, false),
        };
        found.push(Candidate {
            position,
            fact,
            scope,
            measure,
            names_noun,
            same_kind: fact.kind == claim.quantity.kind,
            same_stance: fact.role.is_expected() == matches!(claim.role, Role::Forecast { .. }),
            agrees,
            own_figure_in_another_currency,
            groups: nearest.len(),
            nearest,
            owned: 0,
        });
    }
}

/// The most facts that may fit a figure only through words elsewhere in
/// the article for any of them to be taken.
const LOOSE_FITS: usize = 4;

/// Whether two lengths of time are written in units near enough to be
/// about the same thing: weeks and days, days and years, but not a race
/// time in seconds and a stay of six weeks.
fn durations_comparable(claim: &Claim, fact: &Fact) -> bool {
    /// How many times larger one unit may be than the other.
    const UNITS_APART: f64 = 400.0;
    if claim.quantity.base.dimension != Dimension::Duration {
        return true;
    }
    let size = |name: Option<&str>| {
        name.and_then(vocab::unit_named)
            .map(|unit| unit.to_base * unit.scale)
    };
    // "2 hours 56 minutes 13 seconds" is written to the second.
    let written = size(claim.quantity.unit.as_deref())
        .map(|size| size * claim.quantity.precision.unwrap_or(1.0).min(1.0));
    match (written, size(fact.units.first().map(String::as_str))) {
        (Some(written), Some(reference)) => {
            written.max(reference) <= UNITS_APART * written.min(reference)
        }
        _ => true,
    }
}

/// The claims of one document sentence by sentence, as ranges of their
/// positions.
fn sentence_ranges(claims: &[Claim]) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    while start < claims.len() {
        let sentence = claims[start].sentence;
        let end = start
            + claims[start..]
                .iter()
                .take_while(|claim| claim.sentence == sentence)
                .count();
        ranges.push(start..end);
        start = end;
    }
    ranges
}

/// One sentence's claims, paired at one scope.
struct Sentence<'c, 't> {
    claims: &'c [Claim],
    /// The position of the first claim in the document.
    first: usize,
    /// The scope of the candidates paired now.
    scope: Scope,
    /// Facts already kept by a figure where their keywords stand closer,
    /// with that figure's position.
    taken: &'t FxHashMap<usize, usize>,
}

/// A candidate a claim may be paired with now, and its score.
#[derive(Clone, Copy, Debug)]
struct Pairing {
    candidate: usize,
    fact: usize,
    score: i64,
}

/// Pairs the claims of one sentence that keep no fact yet with their
/// candidates of the sentence's scope, one to one; each fact kept is
/// pushed to `kept` with its claim's position in the document.
fn pair_within_sentence(
    sentence: &Sentence<'_, '_>,
    matches: &mut [Matches<'_>],
    kept: &mut Vec<(usize, usize)>,
) {
    let pairings: Vec<Vec<Pairing>> = sentence
        .claims
        .iter()
        .zip(matches.iter())
        .map(|(claim, claim_matches)| {
            if claim_matches.kept.is_some() {
                return Vec::new();
            }
            claim_matches
                .candidates
                .iter()
                .enumerate()
                .filter(|(_, candidate)| {
                    candidate.scope == sentence.scope
                        && !sentence.taken.contains_key(&candidate.position)
                })
                .map(|(at, candidate)| Pairing {
                    candidate: at,
                    fact: candidate.position,
                    score: score(claim, candidate),
                })
                .collect()
        })
        .collect();
    let mut facts: Vec<usize> = pairings
        .iter()
        .flatten()
        .map(|pairing| pairing.fact)
        .collect();
    if facts.is_empty() {
        return;
    }
    facts.sort_unstable();
    facts.dedup();
    let exactly = sentence.claims.len() <= MATCHED_EXACTLY && facts.len() <= 2 * MATCHED_EXACTLY;
    let chosen = if exactly {
        best_total(&pairings, &facts)
    } else {
        best_pairs_first(&pairings)
    };
    for (claim, choice) in chosen.into_iter().enumerate() {
        if let Some(pairing) = choice {
            matches[claim].kept = Some(pairing.candidate);
            kept.push((pairing.fact, sentence.first + claim));
        }
    }
}

/// A figure restated in other units in parentheses ("about 72 km (45
/// miles)") is the same figure: it is held against the fact its
/// neighbour keeps, so that a wrong conversion is caught.
fn share_with_conversions(source: &str, claims: &[Claim], matches: &mut [Matches<'_>]) {
    for second in 1..claims.len() {
        let (a, b) = (&claims[second - 1], &claims[second]);
        let same_measure = a.quantity.base.dimension == b.quantity.base.dimension
            && (a.quantity.base.dimension != Dimension::Money
                || a.quantity.base.unit == b.quantity.base.unit);
        let in_parentheses = source
            .get(a.span.end..b.span.start)
            .is_some_and(|between| between.trim() == "(");
        if a.sentence != b.sentence || !same_measure || !in_parentheses {
            continue;
        }
        for (from, to) in [(second - 1, second), (second, second - 1)] {
            let Some(kept) = matches[from].kept.filter(|_| matches[to].kept.is_none()) else {
                continue;
            };
            let position = matches[from].candidates[kept].position;
            matches[to].kept = matches[to]
                .candidates
                .iter()
                .position(|candidate| candidate.position == position);
        }
    }
}

/// Records, for each candidate a claim did not keep, who did: a figure of
/// the same sentence, or one where the fact's keywords stand closer.
fn note_what_was_lost(
    claims: &[Claim],
    matches: &mut [Matches<'_>],
    first: usize,
    taken: &FxHashMap<usize, usize>,
) {
    // Each fact kept in the sentence, with the claim keeping it and how
    // well it fits there.
    let holder: FxHashMap<usize, (usize, i64)> = matches
        .iter()
        .enumerate()
        .filter_map(|(claim, claim_matches)| {
            let candidate = &claim_matches.candidates[claim_matches.kept?];
            let fit = fit_in_context(&claims[claim], candidate);
            Some((candidate.position, (claim, fit)))
        })
        .collect();
    for claim_matches in matches.iter_mut() {
        let Matches {
            candidates,
            kept,
            lost,
        } = claim_matches;
        for (at, candidate) in candidates.iter().enumerate() {
            if *kept == Some(at) {
                continue;
            }
            if let Some(&(keeper, keeper_fit)) = holder.get(&candidate.position) {
                lost.push((
                    candidate.fact,
                    first + keeper,
                    Lost::InSentence { keeper_fit },
                ));
            } else if let Some(&keeper) = taken.get(&candidate.position) {
                lost.push((candidate.fact, keeper, Lost::Closer));
            }
        }
    }
}

/// For each fact wanted in the sentence, which figure each of its keyword
/// groups stands nearest: "Labour won 412 seats, the Conservatives 121"
/// gives Labour's keyword to 412 and the Conservatives' to 121.
fn count_owned_groups(matches: &mut [Matches<'_>]) {
    let mut owners: FxHashMap<(usize, usize), (usize, usize)> = FxHashMap::default();
    for (claim, claim_matches) in matches.iter().enumerate() {
        for candidate in &claim_matches.candidates {
            for (group, nearest) in candidate.nearest.iter().enumerate() {
                let Some(distance) = *nearest else { continue };
                owners
                    .entry((candidate.position, group))
                    .and_modify(|owner| {
                        if distance < owner.0 {
                            *owner = (distance, claim);
                        }
                    })
                    .or_insert((distance, claim));
            }
        }
    }
    for (claim, claim_matches) in matches.iter_mut().enumerate() {
        for candidate in &mut claim_matches.candidates {
            candidate.owned = (0..candidate.groups)
                .filter(|&group| {
                    owners
                        .get(&(candidate.position, group))
                        .is_some_and(|owner| owner.1 == claim)
                })
                .count();
        }
        // A figure with no noun of its own ("As many as 33 million were
        // affected by the floods") is tied to a fact only by its keywords,
        // so they must stand nearer it than any other figure.
        claim_matches.candidates.retain(|candidate| {
            candidate.measure > MeasureFit::Unnamed || candidate.owned == candidate.groups
        });
    }
}

/// How well a candidate fits its claim, all evidence weighed (a
/// difference before a level for a figure that is one, and the reverse)
/// in order of weight: each flag of [`fit_in_context`] and the agreeing
/// value outweigh all that comes after them together, so that where the
/// keywords stand comes first and the bytes between them last; only the
/// share of keyword groups the claim owns and the number of groups, the
/// two last but one, may trade places.
fn score(claim: &Claim, candidate: &Candidate<'_>) -> i64 {
    fit_in_context(claim, candidate)
        + if candidate.agrees { AGREES } else { 0 }
        + (31 - (candidate.distance() / 8).min(31)) as i64
}

/// The value that agrees outweighs what comes after it in [`score`].
const AGREES: i64 = 1 << 14;

/// The score of a candidate without its value and distance: candidates
/// equal in it fit the claim's context equally.
fn fit_in_context(claim: &Claim, candidate: &Candidate<'_>) -> i64 {
    let flag = |set: bool, weight: i64| if set { weight } else { 0 };
    let scope = match candidate.scope {
        Scope::Sentence => 2,
        Scope::Paragraph => 1,
        Scope::Document => 0,
    };
    let measure = match candidate.measure {
        MeasureFit::Named => 2,
        MeasureFit::OtherCurrency if candidate.own_figure_in_another_currency => 2,
        MeasureFit::Kind => 1,
        MeasureFit::Unnamed | MeasureFit::OtherCurrency => 0,
    };
    // A fact without keywords owns its claim outright.
    let owned_share = (candidate.owned * 1024)
        .checked_div(candidate.groups)
        .map_or(1024, |share| share as i64);
    (scope << 22)
        + (measure << 19)
        + flag(candidate.names_noun, 1 << 18)
        + flag(candidate.same_kind, 1 << 17)
        + flag(candidate.same_stance, 1 << 16)
        + flag(claim.relative == candidate.fact.relative, 1 << 15)
        + flag(claim.role != Role::Context, 1 << 12)
        + flag(!claim.earlier, 1 << 11)
        + owned_share
        + 32 * candidate.groups.min(15) as i64
}

/// The pairing each claim takes, by the best total score over the
/// sentence: each claim may also take none.
fn best_total(pairings: &[Vec<Pairing>], facts: &[usize]) -> Vec<Option<Pairing>> {
    // A column per fact, then one per claim for taking none: no claim is
    // forced onto a fact that does not apply to it.
    const NONE_APPLIES: i64 = -(1 << 40);
    let claims = pairings.len();
    let columns = facts.len() + claims;
    let mut weights = Matrix::new(claims, columns, NONE_APPLIES);
    for (claim, claim_pairings) in pairings.iter().enumerate() {
        weights[(claim, facts.len() + claim)] = 0;
        for pairing in claim_pairings {
            let column = facts.partition_point(|&fact| fact < pairing.fact);
            weights[(claim, column)] = pairing.score;
        }
    }
    let (_, columns) = kuhn_munkres(&weights);
    columns
        .into_iter()
        .enumerate()
        .map(|(claim, column)| {
            let fact = *facts.get(column)?;
            pairings[claim]
                .iter()
                .find(|pairing| pairing.fact == fact)
                .copied()
        })
        .collect()
}

/// The pairing each claim takes, the best-scored first.
fn best_pairs_first(pairings: &[Vec<Pairing>]) -> Vec<Option<Pairing>> {
    let mut all: Vec<(usize, Pairing)> = pairings
        .iter()
        .enumerate()
        .flat_map(|(claim, claim_pairings)| {
            claim_pairings.iter().map(move |pairing| (claim, *pairing))
        })
        .collect();
    all.sort_unstable_by(|a, b| {
        b.1.score
            .cmp(&a.1.score)
            .then(a.0.cmp(&b.0))
            .then(a.1.candidate.cmp(&b.1.candidate))
    });
    let mut chosen = vec![None; pairings.len()];
    let mut taken = FxHashMap::default();
    for (claim, pairing) in all {
        if chosen[claim].is_none() && !taken.contains_key(&pairing.fact) {
            chosen[claim] = Some(pairing);
            taken.insert(pairing.fact, claim);
        }
    }
    chosen
}

/// What a claim is assessed among: its document and the reference.
struct Context<'s, 'f> {
    source: &'s str,
    text: Span,
    /// The text of each claim of the document.
    texts: &'s [&'s str],
    words: &'s DocumentWords,
    index: &'s FactIndex<'f>,
    document_date: Option<Date>,
}

fn assess<'f>(
    claim: Claim,
    matches: &Matches<'f>,
    years: Years,
    context: &Context<'_, 'f>,
) -> Option<Assessment<'f>> {
    if let Role::Denied { word } = claim.role {
        let reason = reason::denied(word.of(context.source));
        return Some(unverified(claim, reason));
    }
    let Some(kept) = matches.kept.map(|kept| &matches.candidates[kept]) else {
        return unassigned(claim, matches, context);
    };
    let text = claim.span.of(context.source);
    let quote = context.index.quote(kept.position);
    if kept.measure == MeasureFit::OtherCurrency {
        return Some(in_another_currency(claim, text, kept.fact, quote));
    }
    let verdict = compare(&claim, kept.fact);
    let fit = fit_in_context(&claim, kept);
    let held_elsewhere = |other: &Candidate<'f>| {
        matches.lost.iter().find_map(|(fact, _, lost)| match lost {
            Lost::InSentence { keeper_fit } if std::ptr::eq(*fact, other.fact) => Some(*keeper_fit),
            _ => None,
        })
    };
    // Agreement is itself evidence that a figure is about a fact; to rule
    // one out, the figure must be tied to the fact by its own words.
    if verdict == Verdict::Contradicted && far_apart(&claim, kept.fact) {
        let reason = reason::far_apart(kept.fact, quote);
        return Some(unverified(claim, reason));
    }
    // "Le Pen won 33.9% in 2017" says nothing of her share in 2022, nor
    // the 2.67% of "fell to 2.67% from 4.08% in 2010" of the 2010 rate.
    let another_year = match (years.own, years.earlier) {
        (Some(year), _) => Some(year).filter(|&year| !context.index.may_be_of(kept.position, year)),
        (None, Some(year)) => {
            Some(year).filter(|&year| context.index.is_only_of(kept.position, year))
        }
        (None, None) => None,
    };
    if let Some(year) = another_year.filter(|_| verdict == Verdict::Contradicted) {
        let reason = reason::another_year(kept.fact, quote, year);
        return Some(unverified(claim, reason));
    }
    if verdict == Verdict::Contradicted && claim.relative && !kept.fact.relative {
        let reason = reason::relative(kept.fact, quote);
        return Some(unverified(claim, reason));
    }
    if verdict == Verdict::Contradicted && !kept.ties_closely() {
        let reason = reason::loosely_tied(kept.fact, quote, kept.measure == MeasureFit::Kind);
        return Some(unverified(claim, reason));
    }
    // What someone expects is often stated without a word that marks it
    // ("emissions must fall 42%"); only a figure the article puts as
    // expected is kept from an outcome.
    let expected_as_plain =
        kept.fact.role.is_expected() && claim.role == Role::Claim && kept.owned > 0;
    if verdict == Verdict::Contradicted && !kept.same_stance && !expected_as_plain {
        let reason = reason::across_stances(&claim, context.source, kept.fact, quote);
        return Some(unverified(claim, reason));
    }
    // A fact that fits as well and agrees went to a figure it fits no
    // better: which of the two figures is wrong, the sentence cannot tell.
    if verdict == Verdict::Contradicted {
        let agreeing = matches.candidates.iter().find(|other| {
            let other_fit = fit_in_context(&claim, other);
            other.agrees
                && other_fit >= fit
                && held_elsewhere(other).is_some_and(|keeper_fit| keeper_fit <= other_fit)
        });
        if let Some(other) = agreeing {
            let listed = [
                (kept.fact, quote.figure.as_str()),
                (
                    other.fact,
                    context.index.quote(other.position).figure.as_str(),
                ),
            ];
            let reason = reason::ambiguous(&listed, &[Verdict::Contradicted, Verdict::Supported]);
            return Some(Assessment {
                claim,
                verdict: Verdict::Ambiguous,
                fact: None,
                candidates: vec![kept.fact, other.fact],
                reason,
            });
        }
    }
    // Facts as fitting that no other figure took: the reason names them.
    let others: Vec<(&Fact, &str)> = matches
        .candidates
        .iter()
        .filter(|other| {
            other.position != kept.position
                && fit_in_context(&claim, other) == fit
                && held_elsewhere(other).is_none()
        })
        .map(|other| {
            (
                other.fact,
                context.index.quote(other.position).figure.as_str(),
            )
        })
        .collect();
    let reason = reason::compared(&claim, text, quote, verdict, context.document_date, &others);

    Some(Assessment {
        claim,
        verdict,
        fact: Some(kept.fact),
        candidates: Vec::new(),
        reason,
    })
}

/// An amount held against a fact in another currency: contradicted when it
/// is the fact's own figure in the wrong currency ("€102.5 billion" for
/// $102.5 billion), unverified otherwise, since no rate of exchange is
/// known.
fn in_another_currency<'f>(
    claim: Claim,
    text: &str,
    fact: &'f Fact,
    quote: &Quote,
) -> Assessment<'f> {
    let same_figure = claim.quantity.interval.overlaps(&fact.interval);
    let reason = reason::in_another_currency(&claim, text, fact, quote, same_figure);
    if !same_figure {
        return unverified(claim, reason);
    }
    Assessment {
        claim,
        verdict: Verdict::Contradicted,
        fact: Some(fact),
        candidates: Vec::new(),
        reason,
    }
}

/// The assessment of a claim no fact went to: unverified, saying why, or
/// nothing for a context figure.
fn unassigned<'f>(
    claim: Claim,
    matches: &Matches<'f>,
    context: &Context<'_, 'f>,
) -> Option<Assessment<'f>> {
    if matches!(claim.role, Role::Context | Role::Dateline) {
        return None;
    }
    if let Role::Forecast { word } = claim.role {
        let reason = reason::forecast(word.of(context.source));
        return Some(unverified(claim, reason));
    }
    if let Some((fact, keeper, lost)) = matches.lost.first() {
        let reason = reason::lost(fact, context.texts[*keeper], *lost);
        return Some(unverified(claim, reason));
    }
    let near_miss = near_miss(&claim, context);
    let reason = reason::unverified(&claim, near_miss);
    Some(unverified(claim, reason))
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
/// with the keyword group the document lacks, and how many other facts
/// measure the same.
fn near_miss<'f>(claim: &Claim, context: &Context<'_, 'f>) -> Option<NearMiss<'f>> {
    if claim.quantity.base.interval == Interval::UNBOUNDED {
        return None;
    }
    let measuring = context.index.measuring(claim);
    let (&first, others) = measuring.split_first()?;
    let fact = context.index.fact(first);
    let group = context
        .index
        .missing_group(first, context.words, context.text);
    Some(NearMiss {
        fact,
        missing: group.map(|group| fact.keywords[group].as_slice()),
        others: others.len(),
    })
}

/// Whether a fact's value agrees with a claim near the claim's figure: a
/// one-sided figure ("more than 13 million") agrees with everything
/// beyond it, but it points to a fact near it, up to twice it or down to
/// half, not to one four times as large. Only for telling facts apart;
/// the verdict compares the whole interval.
fn agrees_nearby(claim: &Claim, fact: &Fact) -> bool {
    let interval = claim.quantity.base.interval;
    let bound = |value: f64| {
        Some(Bound {
            value,
            inclusive: true,
        })
    };
    let nearby = match (interval.low, interval.high) {
        (Some(low), None) => Interval {
            low: Some(low),
            high: bound(low.value + low.value.abs()),
        },
        (None, Some(high)) => Interval {
            low: bound(high.value - high.value.abs() / 2.0),
            high: Some(high),
        },
        _ => interval,
    };
    nearby.overlaps(&fact.base.interval)
}

/// How many times larger than a fact a figure may be, or smaller, and
/// still be a wrong account of it rather than a figure of something else.
const TIMES_APART: f64 = 100.0;

/// Whether a figure is so far from a fact that it is about something
/// else: more than [`TIMES_APART`] over or under it, unless it is the
/// fact's own digits at another scale ("$2.6 million" for $2.6 billion),
/// a slip of scale.
fn far_apart(claim: &Claim, fact: &Fact) -> bool {
    let middle = |interval: &Interval| match (interval.low_value(), interval.high_value()) {
        (Some(low), Some(high)) => Some(f64::midpoint(low, high).abs()),
        (Some(bound), None) | (None, Some(bound)) => Some(bound.abs()),
        (None, None) => None,
    };
    if claim.quantity.base.dimension == Dimension::Calendar {
        return false;
    }
    let (Some(written), Some(reference)) = (
        middle(&claim.quantity.base.interval),
        middle(&fact.base.interval),
    ) else {
        return false;
    };
    if written == 0.0 || reference == 0.0 {
        return false;
    }
    let orders = (written / reference).log10().abs();
    let a_slip_of_scale = (orders - orders.round()).abs() < 0.01;
    orders > TIMES_APART.log10() && !a_slip_of_scale
}

/// Whether a claim's interval meets a fact's. A value the reference took
/// from a source's "more than 13,000" or "nearly 6.5 million" stands for
/// a little either side of it; but sources seldom put a toll as "fewer
/// than" a figure, so an article's "fewer than 13,000" or "under 13,000"
/// is held against the value itself.
fn compare(claim: &Claim, fact: &Fact) -> Verdict {
    let below = matches!(
        claim.quantity.qualifier,
        Qualifier::LessThan | Qualifier::JustUnder
    );
    let base = fact.base.interval;
    let reference = match (base.low_value(), base.high_value()) {
        // The reach is even either side, so the value is its middle.
        (Some(low), Some(high)) if fact.reported && below => {
            Interval::exact(f64::midpoint(low, high))
        }
        _ => base,
    };
    // "more than three years" against a reference of 3 years: the
    // reference took the source's bound for its value, as it takes "more
    // than 13,000" as 13000.
    let mut written = claim.quantity.base.interval;
    if claim.quantity.qualifier == Qualifier::MoreThan {
        if let Some(low) = written.low.as_mut() {
            low.inclusive = true;
        }
    }
    if written.overlaps(&reference) {
        Verdict::Supported
    } else {
        Verdict::Contradicted
    }
}

#[cfg(test)]
mod tests;
