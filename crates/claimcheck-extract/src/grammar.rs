//! The grammar of number phrases, run over the tokens of one sentence.
//!
//! At each token it tries, in order: a date, a decade, an ordinal
//! ([`dates`]), and a quantity: a qualifier ("more than", ">="), a
//! currency, a figure ([`figures`]), a second figure making a range, a
//! qualifier after it ("or more"), a unit of measure, and the noun counted.
//! A lower and an upper bound joined ("more than 10 and less than 40") make
//! one range. The first reading that matches is taken and scanning resumes
//! after it.

mod dates;
mod figures;

use std::cell::RefCell;

use claimcheck_core::{
    Bound, Dimension, Kind, Mention, Noun, NounRole, Qualifier, Reading, Span, Tense, vocab,
};
use rustc_hash::FxHashMap;

use self::figures::{Amount, Figure, Shape};
use crate::tokens::{self, Token, TokenKind};
use crate::{ExtractWarning, MAX_SENTENCE_FIGURES, lexicon};

/// Reads the mentions of one sentence, or one window of a long one, from
/// its tokens into `found`, and what it reads around into `warnings`: at
/// most [`MAX_SENTENCE_FIGURES`] mentions, and no figure beyond what a
/// 64-bit float holds.
pub(crate) fn mentions(
    tokens: &[Token<'_>],
    sentence: Span,
    paragraph: Span,
    memory: &mut Memory,
    (found, warnings): (&mut Vec<Mention>, &mut Vec<ExtractWarning>),
) {
    memory.clear();
    let grammar = Grammar {
        tokens,
        sentence,
        paragraph,
        memory,
    };
    let mut read = 0;
    // The last mention read whose noun a later count without one takes.
    let mut lender: Option<usize> = None;
    let mut index = 0;
    while index < tokens.len() {
        if !grammar.may_start_at(index) {
            // Every test of the grammar checks that the shortcut skips
            // nothing the rules would have read.
            debug_assert!(
                grammar.mention_at(index).is_none(),
                "a mention starts at `{}`, which may_start_at rules out",
                tokens[index].text
            );
            if tokens::is_foreign_digits(&tokens[index]) {
                warnings.push(ExtractWarning::ForeignDigits {
                    span: tokens[index].span,
                });
            }
            index += 1;
            continue;
        }
        let Some((mut mention, next)) = grammar.mention_at(index) else {
            index += 1;
            continue;
        };
        if !is_finite(&mention.reading) {
            warnings.push(ExtractWarning::FigureOutOfRange { span: mention.span });
        } else if read == MAX_SENTENCE_FIGURES {
            warnings.push(ExtractWarning::TooManyFigures {
                unread: Span::new(mention.span.start, sentence.end),
            });
            return;
        } else {
            let lent = lender.and_then(|at| found[at].noun.as_ref());
            grammar.carry_noun(index, &mut mention, lent);
            if lends_noun(&mention) {
                lender = Some(found.len());
            }
            found.push(mention);
            read += 1;
        }
        index = next;
    }
}

/// Whether every figure of a reading is a number: one beyond what a
/// 64-bit float holds has come out infinite, or not a number where an
/// infinity met another or a figure too small to hold was written.
fn is_finite(reading: &Reading) -> bool {
    match *reading {
        Reading::Figure { value, step }
        | Reading::Fraction { value, step }
        | Reading::Ago { value, step } => value.is_finite() && step.is_finite(),
        Reading::Range { low, high } => low.value.is_finite() && high.value.is_finite(),
        Reading::Vague { low, high } => low.is_finite() && high.is_finite(),
        Reading::Ordinal { value } => value.is_finite(),
        Reading::Years { .. } | Reading::Date { .. } => true,
    }
}

/// Whether a count's noun carries over to a later count in its sentence
/// that has none: "317 seats, the CHP 134".
fn lends_noun(mention: &Mention) -> bool {
    let counts = mention.unit.is_none()
        && matches!(
            mention.reading,
            Reading::Figure { .. } | Reading::Range { .. } | Reading::Vague { .. }
        );
    counts
        && mention
            .noun
            .as_ref()
            .is_some_and(|noun| noun.role == NounRole::Counted)
}

struct Grammar<'a, 't> {
    tokens: &'a [Token<'t>],
    sentence: Span,
    paragraph: Span,
    memory: &'a Memory,
}

/// What the grammar remembers of a sentence, so that however many figures
/// it holds, reading it costs time in proportion to its length.
///
/// Most are answers to questions asked by walking the tokens from a figure
/// (the nearest word before it in its clause that marks a forecast, where
/// its clause starts, ...). A walk that reaches a token another walk went
/// through takes that one's answer: in a sentence of a hundred thousand
/// figures and no comma, each would otherwise walk back to its start. The
/// last is each token's whole number in words, which looks past an "and"
/// at the number after it ("a million and two thousand" is one, "a
/// million and a million" two), and that one past its own "and".
#[derive(Default)]
pub(crate) struct Memory {
    forecast_before: Walk<Span>,
    tense_before: Walk<Tense>,
    comparison_before: Walk<()>,
    change_before: Walk<()>,
    clause_start: Walk<usize>,
    tally_before: Walk<usize>,
    toll_before: Walk<usize>,
    tense_after: Walk<Tense>,
    content_word: Walk<usize>,
    plural_after: Walk<usize>,
    not_capitals: Walk<usize>,
    cardinals: RefCell<Vec<Kept<figures::Cardinal>>>,
}

impl Memory {
    /// Forgets the answers of the last sentence.
    fn clear(&mut self) {
        self.forecast_before.clear();
        self.tense_before.clear();
        self.comparison_before.clear();
        self.change_before.clear();
        self.clause_start.clear();
        self.tally_before.clear();
        self.toll_before.clear();
        self.tense_after.clear();
        self.content_word.clear();
        self.plural_after.clear();
        self.not_capitals.clear();
        self.cardinals.get_mut().clear();
    }
}

/// One question asked by walking a sentence's tokens, with the answer kept
/// for each token a walk has gone through. Each question is asked by one
/// method, with one `step`, so a token's answer is the same whichever walk
/// reached it.
struct Walk<T> {
    answers: RefCell<Vec<Kept<T>>>,
    path: RefCell<Vec<usize>>,
}

impl<T> Default for Walk<T> {
    fn default() -> Walk<T> {
        Walk {
            answers: RefCell::default(),
            path: RefCell::default(),
        }
    }
}

/// A token's answer to a question the grammar remembers: none yet, or
/// the answer, which may be that there is none.
#[derive(Clone, Copy)]
enum Kept<T> {
    Unasked,
    Answered(Option<T>),
}

/// What a walk finds at a token.
enum Step<T> {
    /// The walk ends here with this answer.
    Stop(Option<T>),
    /// The walk goes on this many tokens before.
    Back(usize),
    /// The walk goes on to the token after.
    Forward,
}

impl<T: Copy> Walk<T> {
    fn clear(&mut self) {
        self.answers.get_mut().clear();
    }

    /// The answer of a walk over `len` tokens from the token at `from`
    /// (none when there is no such token), as `step` decides at each: none
    /// when it walks off either end. `step` must not ask this walk again.
    fn ask(&self, len: usize, from: Option<usize>, step: impl Fn(usize) -> Step<T>) -> Option<T> {
        let from = from.filter(|&from| from < len)?;
        let mut answers = self.answers.borrow_mut();
        if answers.len() < len {
            answers.resize(len, Kept::Unasked);
        }
        let mut path = self.path.borrow_mut();
        path.clear();
        let mut at = Some(from);
        let answer = loop {
            let Some(here) = at else {
                break None;
            };
            if let Kept::Answered(known) = answers[here] {
                break known;
            }
            path.push(here);
            at = match step(here) {
                Step::Stop(answer) => break answer,
                Step::Back(tokens) => here.checked_sub(tokens),
                Step::Forward => Some(here + 1).filter(|&next| next < len),
            };
        };
        for &here in path.iter() {
            answers[here] = Kept::Answered(answer);
        }
        answer
    }
}

/// A parsed quantity: everything of a mention but its qualifier.
struct Quantity {
    end: usize,
    reading: Reading,
    unit: Option<String>,
    noun: Option<Noun>,
}

/// A figure and its unit, before the reading is decided.
struct Measured {
    amount: Amount,
    end: usize,
    unit: Option<String>,
    /// The unit is glued on and the phrase describes a noun ("six-week war").
    compound: bool,
    /// "two years ago": a time, not a duration.
    ago: bool,
}

/// Which side a one-sided qualifier bounds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Lower,
    Upper,
}

fn side(qualifier: Qualifier) -> Option<Side> {
    match qualifier {
        Qualifier::MoreThan | Qualifier::AtLeast | Qualifier::JustOver => Some(Side::Lower),
        Qualifier::LessThan | Qualifier::UpTo | Qualifier::JustUnder => Some(Side::Upper),
        _ => None,
    }
}

impl Grammar<'_, '_> {
    fn token(&self, index: usize) -> Option<&Token<'_>> {
        self.tokens.get(index)
    }

    fn word(&self, index: usize) -> Option<&str> {
        self.token(index)
            .filter(|token| token.kind == TokenKind::Word)
            .map(|token| token.lower.as_ref())
    }

    fn is_word(&self, index: usize, word: &str) -> bool {
        self.word(index) == Some(word)
    }

    fn are_words(&self, index: usize, words: &[&str]) -> bool {
        words
            .iter()
            .enumerate()
            .all(|(offset, word)| self.is_word(index + offset, word))
    }

    /// Whether the token at `index` directly follows the one before it.
    fn glued(&self, index: usize) -> bool {
        self.token(index).is_some_and(|token| !token.space_before)
    }

    fn is_punct(&self, index: usize, punct: &str) -> bool {
        self.token(index).is_some_and(|token| token.is_punct(punct))
    }

    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.tokens[start].span.start, self.tokens[end - 1].span.end)
    }

    /// The marker phrase starting at token `index`, the longest there is,
    /// and where it ends.
    fn marker_at(&self, index: usize) -> Option<(lexicon::Marker, usize)> {
        let mut phrase = String::new();
        let mut found = None;
        for length in 1..=lexicon::longest_marker() {
            let Some(word) = self.word(index + length - 1) else {
                break;
            };
            if length > 1 {
                phrase.push(' ');
            }
            phrase.push_str(word);
            if let Some(marker) = lexicon::marker(&phrase) {
                found = Some((marker, index + length));
            }
        }
        found
    }

    /// Whether any rule of [`Self::mention_at`] may match at `index`. Most
    /// tokens of prose start no mention, and trying every rule on each of
    /// them took most of the grammar's time; this looks only at what each
    /// rule needs first.
    fn may_start_at(&self, index: usize) -> bool {
        let token = &self.tokens[index];
        match token.kind {
            TokenKind::Figure | TokenKind::Ordinal | TokenKind::Decade | TokenKind::Symbol => true,
            // A currency code depends on its case and on the token after it:
            // "USD 5", "US$ 5".
            TokenKind::Word => {
                may_start_mention(&token.lower) || self.currency_prefix(index).is_some()
            }
            TokenKind::Punct => self.qualifier_at(index).is_some(),
            TokenKind::Barrier => false,
        }
    }

    fn mention_at(&self, index: usize) -> Option<(Mention, usize)> {
        if let Some(found) = self
            .date_at(index)
            .or_else(|| self.decade_at(index))
            .or_else(|| self.ordinal_at(index))
        {
            return Some(found);
        }
        let (mut qualifier, mut quantity) = self.qualified_quantity_at(index)?;
        let mut end = quantity.end;
        if let Some((postfix, after)) = self.postfix_qualifier_at(end, qualifier) {
            qualifier = postfix;
            end = after;
            // "500 or more people"
            if quantity.noun.is_none() && quantity.unit.is_none() {
                quantity.noun = self.counted_noun(end, false, false);
            }
        }
        if let Some(second) = self.paired_bound_at(end, qualifier, &quantity) {
            quantity.reading = second.reading;
            quantity.unit = quantity.unit.or(second.unit);
            quantity.noun = quantity.noun.or(second.noun);
            qualifier = Qualifier::Range;
            end = second.end;
        }
        if matches!(quantity.reading, Reading::Range { .. }) {
            qualifier = Qualifier::Range;
        }
        let counts = matches!(
            quantity.reading,
            Reading::Figure { .. } | Reading::Range { .. } | Reading::Vague { .. }
        );
        if counts && quantity.noun.is_none() && quantity.unit.is_none() {
            quantity.noun = self.noun_before(index);
        }
        // "the two countries" restates a count; "the six-week war" still
        // asserts how long the war was.
        let refers_back = quantity.unit.is_none()
            && index
                .checked_sub(1)
                .and_then(|before| self.word(before))
                .is_some_and(lexicon::refers_back);
        // A year or a date to come is still set down; an amount to come is
        // not yet so.
        let is_amount = !matches!(
            quantity.reading,
            Reading::Years { .. } | Reading::Date { .. } | Reading::Ago { .. }
        );
        let forecast = is_amount
            .then(|| {
                self.nearest_in_clause_before(&self.memory.forecast_before, index, |token| {
                    (puts_as_forecast(token) && !self.compares_with_expectation(token))
                        .then_some(token.span)
                })
                .or_else(|| self.forecast_after(end, quantity.noun.as_ref()))
            })
            .flatten();
        let earlier =
            self.is_changed_from(index) || self.marked_earlier_after(end, quantity.noun.as_ref());
        let relative = self.is_relative(index, end, quantity.noun.as_ref())
            || (matches!(quantity.reading, Reading::Years { .. }) && self.compared_in_time(index));
        let mention = Mention {
            span: self.span(index, end),
            sentence: self.sentence,
            paragraph: self.paragraph,
            qualifier,
            reading: quantity.reading,
            unit: quantity.unit,
            noun: quantity.noun,
            refers_back,
            forecast,
            denied: self.denial_before(index),
            earlier,
            dateline: false,
            relative,
        };
        Some((mention, end))
    }

    /// Gives a count with no noun of its own, starting at token `index`,
    /// the noun `lent` by the last count before it in the sentence that
    /// has one (see [`lends_noun`]), as a reader
    /// carries it over a list or an ellipsis: "317 seats, the CHP 134 and
    /// the MHP 40", "grew by 187,000 in August and 263,000 in September".
    /// Not after a verb in the past that is no verb of change: in "killed
    /// 10 people and destroyed 2,000", the 2,000 are no people.
    fn carry_noun(&self, index: usize, mention: &mut Mention, lent: Option<&Noun>) {
        let counts = matches!(
            mention.reading,
            Reading::Figure { .. } | Reading::Range { .. } | Reading::Vague { .. }
        );
        if !counts || mention.unit.is_some() || mention.noun.is_some() {
            return;
        }
        let new_verb = index
            .checked_sub(1)
            .and_then(|before| self.word(before))
            .is_some_and(|word| {
                lexicon::tense_of(word) == Some(Tense::Past) && !lexicon::is_change_verb(word)
            });
        if !new_verb {
            mention.noun = lent.cloned();
        }
    }

    /// Whether the figure from token `start` to `end` is relative to
    /// another: a difference ("$5 billion bigger than", "20 seconds off",
    /// "11 more Palestinians", "a net loss of 251"), or a span of time
    /// within another ("the first three days", "in the past 24 hours").
    fn is_relative(&self, start: usize, end: usize, noun: Option<&Noun>) -> bool {
        // "the first three days", but not "designed to last 100 years".
        let within = start.checked_sub(1).is_some_and(|before| {
            self.marker_at(before)
                .is_some_and(|(marker, _)| marker == lexicon::Marker::Within)
                && before
                    .checked_sub(1)
                    .and_then(|determiner| self.word(determiner))
                    .is_some_and(lexicon::refers_back)
        });
        let increment = self.word(end).is_some_and(lexicon::is_noun_prefix);
        // "a net loss of 251 MPs", "a margin of 20 seconds"
        let of_a_difference = start.checked_sub(2).is_some_and(|head| {
            self.is_word(head + 1, "of") && self.word(head).is_some_and(vocab::names_difference)
        });
        // "a $7.1 billion budget gap", "a 3% rise", "two points higher":
        // the phrase after the figure names what it measures a difference.
        let names_a_difference = || {
            self.noun_phrase(end)
                .last()
                .is_some_and(|(word, ..)| vocab::names_difference(word))
        };
        within
            || increment
            || of_a_difference
            || self.marked_after(end, noun, lexicon::Marker::Difference)
            || names_a_difference()
    }

    /// Whether a phrase after the figure ending at token `end`, or after
    /// its noun, makes it an earlier value: "7.8% a year earlier",
    /// "$13.76bn in the year-earlier period".
    fn marked_earlier_after(&self, end: usize, noun: Option<&Noun>) -> bool {
        self.marked_after(end, noun, lexicon::Marker::Earlier)
    }

    /// Whether the phrase after the figure ending at token `end`, or after
    /// its noun when that follows, is a `marker`.
    fn marked_after(&self, end: usize, noun: Option<&Noun>, marker: lexicon::Marker) -> bool {
        let after_noun = noun
            .filter(|noun| noun.span.start >= self.tokens[end - 1].span.end)
            .map_or(end, |noun| {
                end + self.tokens[end..]
                    .iter()
                    .take_while(|token| token.span.end <= noun.span.end)
                    .count()
            });
        self.marker_at(after_noun)
            .is_some_and(|(found, _)| found == marker)
    }

    /// "stronger than expected", "worse-than-forecast", "as predicted":
    /// the word weighs what happened against a forecast, which puts it as
    /// fact.
    fn compares_with_expectation(&self, token: &Token<'_>) -> bool {
        let at = self
            .tokens
            .partition_point(|earlier| earlier.span.start < token.span.start);
        let before = match at.checked_sub(1) {
            Some(hyphen) if self.is_punct(hyphen, "-") => hyphen.checked_sub(1),
            before => before,
        };
        before.is_some_and(|before| self.is_word(before, "than") || self.is_word(before, "as"))
    }

    /// The word that puts a figure ending at token `end` as a forecast from
    /// just after it and its noun: "300mm is forecast", "temperatures of
    /// 45 degrees are expected", "2,000 troops will leave".
    fn forecast_after(&self, end: usize, noun: Option<&Noun>) -> Option<Span> {
        let after_noun = noun.map_or(0, |noun| noun.span.end);
        let mut at = end
            + self.tokens[end.min(self.tokens.len())..]
                .iter()
                .take_while(|token| token.span.end <= after_noun)
                .count();
        if self
            .word(at)
            .is_some_and(|word| matches!(word, "is" | "are" | "was" | "were" | "be"))
        {
            at += 1;
        }
        let token = self.token(at)?;
        let set_to = self.is_word(at, "set") && self.is_word(at + 1, "to");
        // "The toll of 286 is likely to rise", "could reach 1,000": the
        // figure is what is now, and what is expected is its change or
        // another figure.
        let verb_at = at + 1 + usize::from(self.is_word(at + 1, "to"));
        let expects_a_change = self.word(verb_at).is_some_and(lexicon::is_change_verb)
            || self.tokens[verb_at.min(self.tokens.len())..]
                .iter()
                .take(3)
                .any(|token| token.kind == TokenKind::Figure);
        ((puts_as_forecast(token) || set_to) && !expects_a_change).then_some(token.span)
    }

    /// The word right before the figure at `index` that denies it: "not
    /// 386", "rather than 386", "instead of 386". ("Not more than" is a
    /// qualifier, part of the figure.)
    fn denial_before(&self, index: usize) -> Option<Span> {
        let before = index.checked_sub(1)?;
        let denies = match self.word(before)? {
            "not" => true,
            "than" => self.is_word(before.checked_sub(1)?, "rather"),
            "of" => self.is_word(before.checked_sub(1)?, "instead"),
            _ => false,
        };
        denies.then(|| self.tokens[before].span)
    }

    /// Whether the figure at `index` is what something changed from: after
    /// "from" that a verb of change or "up"/"down" comes before ("rose
    /// from", "up from"). Not after "versus" or "compared with", which as
    /// often set two things side by side ("221 seats versus 213") as two
    /// times.
    fn is_changed_from(&self, index: usize) -> bool {
        let Some(from) = index.checked_sub(1).filter(|&at| self.is_word(at, "from")) else {
            return false;
        };
        let up_or_down = from
            .checked_sub(1)
            .is_some_and(|at| matches!(self.word(at), Some("up" | "down")));
        up_or_down || self.follows_change_verb(from)
    }

    /// What `find` picks out of the nearest token before `index` that it
    /// picks anything out of, within the clause: in "the deal, signed in
    /// 2020, expires in December", "signed" says nothing of December.
    /// `walk` keeps the answers of one `find`.
    fn nearest_in_clause_before<T: Copy>(
        &self,
        walk: &Walk<T>,
        index: usize,
        find: impl Fn(&Token<'_>) -> Option<T>,
    ) -> Option<T> {
        walk.ask(self.tokens.len(), index.checked_sub(1), |at| {
            let token = &self.tokens[at];
            if self.ends_clause(at) {
                Step::Stop(None)
            } else if let Some(found) = find(token) {
                Step::Stop(Some(found))
            } else {
                Step::Back(1)
            }
        })
    }

    /// Whether the token at `index` is punctuation that ends a clause.
    fn ends_clause(&self, index: usize) -> bool {
        let token = &self.tokens[index];
        token.kind == TokenKind::Punct && lexicon::ends_clause(token.text)
    }

    /// A qualifier, if any, and the quantity it qualifies.
    fn qualified_quantity_at(&self, index: usize) -> Option<(Qualifier, Quantity)> {
        let (qualifier, mut start) = self
            .qualifier_at(index)
            .unwrap_or((Qualifier::Exact, index));
        loop {
            if let Some(quantity) = self.quantity_at(start, qualifier) {
                let dimension = quantity
                    .unit
                    .as_deref()
                    .and_then(vocab::unit)
                    .map(|unit| unit.dimension);
                // "buried under 2 metres of snow": beneath, not less than.
                let beneath = self.is_word(index, "under")
                    && self.is_word(quantity.end, "of")
                    && dimension == Some(Dimension::Length);
                // "forced from their homes over eight years": the time it
                // took, unless "for over three years", "lasted over".
                let during = self.is_word(index, "over")
                    && dimension == Some(Dimension::Duration)
                    && !index
                        .checked_sub(1)
                        .and_then(|before| self.word(before))
                        .is_some_and(lexicon::makes_over_longer);
                return (!beneath && !during).then_some((qualifier, quantity));
            }
            // "up to another two decades": fillers may stand between a
            // qualifier and its figure, but nothing else may.
            if qualifier == Qualifier::Exact || !self.word(start).is_some_and(lexicon::is_filler) {
                return None;
            }
            start += 1;
        }
    }

    /// A qualifier in words ("more than", "no fewer than") or symbols
    /// (">", ">=", "≤").
    fn qualifier_at(&self, index: usize) -> Option<(Qualifier, usize)> {
        let in_words = self.word(index).and_then(|word| {
            lexicon::qualifiers_starting_with(word)
                .iter()
                .find(|(words, _)| self.are_words(index, words))
                .map(|(words, qualifier)| (*qualifier, index + words.len()))
        });
        if let Some((_, end)) = in_words {
            if self.is_not_a_qualifier(index, end) {
                return None;
            }
        }
        in_words.or_else(|| {
            let token = self
                .token(index)
                .filter(|token| token.kind == TokenKind::Punct)?;
            let then_equals = self.is_punct(index + 1, "=");
            match token.text {
                ">" if then_equals => Some((Qualifier::AtLeast, index + 2)),
                ">" => Some((Qualifier::MoreThan, index + 1)),
                "<" if then_equals => Some((Qualifier::UpTo, index + 2)),
                "<" => Some((Qualifier::LessThan, index + 1)),
                "≥" => Some((Qualifier::AtLeast, index + 1)),
                "≤" => Some((Qualifier::UpTo, index + 1)),
                _ => None,
            }
        })
    }

    /// Words that read as a qualifier but here are not: "how about 20?"
    /// asks, after a figure "over" spreads it over a time ("$5 million
    /// over five years"), and after a verb of change "up to" says where
    /// it went ("ticked up to 5.4%").
    fn is_not_a_qualifier(&self, index: usize, end: usize) -> bool {
        let single = |word: &str| end == index + 1 && self.is_word(index, word);
        let before = index.checked_sub(1).and_then(|before| self.token(before));
        let asks = before.is_some_and(|token| matches!(token.lower.as_ref(), "how" | "what"));
        let after_figure = before.is_some_and(|token| {
            token.kind == TokenKind::Figure
                || lexicon::is_number_word(&token.lower)
                || vocab::unit(&token.lower).is_some()
        });
        let moved_up = self.are_words(index, &["up", "to"])
            && before.is_some_and(|token| lexicon::goes_up_to_a_level(&token.lower));
        (asks && single("about")) || (after_figure && single("over")) || moved_up
    }

    /// A qualifier written after the figure: "500 or more", "5,000 or
    /// less", "500+", and "more than 5,000 or equal" (at least).
    fn postfix_qualifier_at(
        &self,
        index: usize,
        qualifier: Qualifier,
    ) -> Option<(Qualifier, usize)> {
        // "or equal to 6000" starts a figure of its own.
        let or_equal = self.are_words(index, &["or", "equal"]);
        if or_equal && matches!(qualifier, Qualifier::MoreThan | Qualifier::LessThan) {
            let to = usize::from(self.is_word(index + 2, "to"));
            if self.figure_at(index + 2 + to, false).is_some() {
                return None;
            }
            let widened = if qualifier == Qualifier::MoreThan {
                Qualifier::AtLeast
            } else {
                Qualifier::UpTo
            };
            return Some((widened, index + 2 + to));
        }
        // "about 500 or more" and "equal to 5,000 or less" are bounds too.
        if !matches!(
            qualifier,
            Qualifier::Exact | Qualifier::Approx | Qualifier::Exactly
        ) {
            return None;
        }
        if self.is_punct(index, "+") && self.glued(index) {
            return Some((Qualifier::AtLeast, index + 1));
        }
        let (postfix, end) =
            lexicon::POSTFIX_QUALIFIERS
                .iter()
                .find_map(|(words, qualifier)| {
                    self.are_words(index, words)
                        .then_some((*qualifier, index + words.len()))
                })?;
        // "5,000 or more than" with nothing after; "or more than 4,500" is a figure of its own.
        if self.is_word(end, "than") {
            return self
                .figure_at(end + 1, false)
                .is_none()
                .then_some((postfix, end + 1));
        }
        Some((postfix, end))
    }

    /// A second bound joined to a one-sided quantity: "more than 10 and
    /// less than 40", "at most 100 and at least 20". Returns the second
    /// quantity with the whole range as its reading.
    fn paired_bound_at(
        &self,
        index: usize,
        qualifier: Qualifier,
        first: &Quantity,
    ) -> Option<Quantity> {
        let first_side = side(qualifier)?;
        let (Reading::Figure {
            value: first_value, ..
        }
        | Reading::Fraction {
            value: first_value, ..
        }) = first.reading
        else {
            return None;
        };
        let comma = usize::from(self.is_punct(index, ","));
        let joint = index + comma;
        let after_joint = if matches!(self.word(joint), Some("and" | "but")) {
            joint + 1
        } else if comma == 1 {
            joint
        } else {
            return None;
        };
        let (second_qualifier, second) = self.qualified_quantity_at(after_joint)?;
        let second_side = side(second_qualifier)?;
        let (Reading::Figure {
            value: second_value,
            ..
        }
        | Reading::Fraction {
            value: second_value,
            ..
        }) = second.reading
        else {
            return None;
        };
        let same_shape = matches!(first.reading, Reading::Fraction { .. })
            == matches!(second.reading, Reading::Fraction { .. });
        if second_side == first_side
            || !same_shape
            || (first.unit.is_some() && second.unit.is_some() && first.unit != second.unit)
        {
            return None;
        }
        let bound = |value: f64, qualifier: Qualifier| Bound {
            value,
            inclusive: matches!(qualifier, Qualifier::AtLeast | Qualifier::UpTo),
        };
        let (low, high) = match first_side {
            Side::Lower => (
                bound(first_value, qualifier),
                bound(second_value, second_qualifier),
            ),
            Side::Upper => (
                bound(second_value, second_qualifier),
                bound(first_value, qualifier),
            ),
        };
        // "more than 40 and less than 10" states two ranges, not one.
        (low.value < high.value).then_some(Quantity {
            reading: Reading::Range { low, high },
            ..second
        })
    }

    fn quantity_at(&self, start: usize, qualifier: Qualifier) -> Option<Quantity> {
        let opener = self
            .word(start)
            .filter(|word| lexicon::is_range_opener(word));
        let figure_start = start + usize::from(opener.is_some());
        let (currency, figure_start, currency_scale) = match self.currency_prefix(figure_start) {
            Some((currency, next, scale)) => (Some(currency), next, scale),
            None => (None, figure_start, 1.0),
        };
        if self.is_label(figure_start) {
            return None;
        }
        let own_reading = currency
            .is_none()
            .then(|| self.own_reading_at(figure_start));
        if let Some(quantity) = own_reading.flatten() {
            return Some(quantity);
        }
        let first = self.figure_at(figure_start, currency.is_some())?;
        if self.is_zero_compound(&first) {
            return None;
        }
        if first.shape == Shape::Ordinal {
            let value = first.value()?;
            return Some(Quantity {
                end: first.end,
                reading: Reading::Ordinal { value },
                unit: None,
                noun: None,
            });
        }
        let range = self.range_tail(start, opener, &first, currency.is_some());
        // The unit right after the first figure: the figure's own, or the
        // first of a range with its unit on both figures.
        let first_unit = (range.is_none() && currency.is_none())
            .then(|| self.unit_of(first.end, &first, &first.amount))
            .flatten();
        let range = range.or_else(|| {
            let unit = first_unit.as_ref()?;
            self.range_of_measures(start, opener, &first, unit)
        });
        let (amount, end, is_range) = match range {
            Some((amount, end)) => (amount, end, true),
            None if opener.is_some() => return None,
            None => (first.amount, first.end, false),
        };
        let amount = figures::scaled(amount, currency_scale);
        let age = || {
            self.gives_an_age(start, figure_start, end, &amount)
                .then(|| (AGE.to_string(), end, false))
        };
        let unit = match (currency.is_some(), is_range) {
            (true, _) => None,
            (false, true) => self.unit_of(end, &first, &amount).or_else(age),
            (false, false) => first_unit.or_else(age),
        };
        // A bare four-digit figure between 1000 and 2100 is a year unless it
        // counts something ("2020 troops") or a qualifier, currency or unit
        // makes it an amount.
        let plain = currency.is_none() && unit.is_none() && qualifier == Qualifier::Exact;
        if let Some(years) = plain
            .then(|| self.years(start, &first, &amount, is_range))
            .flatten()
        {
            return Some(Quantity {
                end,
                reading: years,
                unit: None,
                noun: None,
            });
        }
        let Measured {
            amount,
            end,
            unit: unit_spelling,
            compound,
            ago,
        } = match unit {
            Some(unit) => self.measured(amount, unit),
            None => Measured {
                amount,
                end,
                unit: currency,
                compound: false,
                ago: false,
            },
        };
        let shape = match first.shape {
            Shape::Fraction if unit_spelling.is_none() => Shape::Fraction,
            _ => Shape::Amount,
        };
        let reading = reading_of(amount, shape, ago, is_range);
        let noun = match unit_spelling.as_deref() {
            // "Kipchoge, 38,": the age is the named man's.
            Some(AGE) => self.name_before(figure_start),
            _ => self.noun_after(end, &amount, &reading, unit_spelling.as_deref(), compound),
        };
        let is_one = first.spelled && first.end == figure_start + 1 && first.value() == Some(1.0);
        if is_one && self.one_is_a_pronoun(start, noun.is_some(), unit_spelling.is_some()) {
            return None;
        }
        Some(Quantity {
            end,
            reading,
            unit: unit_spelling,
            noun,
        })
    }

    /// "zero-dose children", "zero-emission cars": a name, not a count.
    /// "three-nought-four" is still a number.
    fn is_zero_compound(&self, first: &Figure) -> bool {
        first.spelled
            && first.value() == Some(0.0)
            && self.is_punct(first.end, "-")
            && self.glued(first.end)
            && !self
                .word(first.end + 1)
                .is_some_and(lexicon::is_number_word)
    }

    /// A range whose first figure carries the unit too: "between 9% and
    /// 10%", "15cm to 25cm", "9 per cent to 10 per cent". Both units must
    /// be one and the same; the second is read as any range's unit is.
    fn range_of_measures(
        &self,
        start: usize,
        opener: Option<&str>,
        first: &Figure,
        (first_unit, unit_end, compound): &(String, usize, bool),
    ) -> Option<(Amount, usize)> {
        if *compound {
            return None;
        }
        let unit_end = *unit_end;
        let with_unit = Figure {
            end: unit_end,
            ..*first
        };
        let (amount, end) = self.range_tail(start, opener, &with_unit, false)?;
        let (second_unit, ..) = self.unit_of(end, first, &amount)?;
        let unit_name = |spelling: &str| vocab::unit(spelling).map(|unit| unit.name);
        let same =
            unit_name(first_unit).is_some() && unit_name(first_unit) == unit_name(&second_unit);
        same.then_some((amount, end))
    }

    /// A figure with its unit: a smaller unit after it adds to it ("5 feet
    /// 2 inches"), and "ago" turns a duration into a time.
    fn measured(
        &self,
        amount: Amount,
        (spelling, end, compound): (String, usize, bool),
    ) -> Measured {
        let mut measured = Measured {
            amount,
            end,
            unit: None,
            compound,
            ago: false,
        };
        if let (Amount::Exact { mut value, .. }, false) = (amount, compound) {
            // The smallest unit sets the precision: "2 hours 30 minutes" is
            // written to ten minutes, "82 hours, 5 minutes and 24 seconds"
            // to the second.
            let size = |spelling: &str| vocab::unit(spelling).map(|unit| unit.to_base * unit.scale);
            let mut unit = spelling.clone();
            while let Some((added, step, after)) = self.smaller_unit_after(measured.end, &unit) {
                // In the first unit: the last unit added to is smaller.
                let in_first = size(&unit)
                    .zip(size(&spelling))
                    .map_or(1.0, |(last, first)| last / first);
                value += added * in_first;
                measured.amount = Amount::Exact {
                    value,
                    step: step * in_first,
                };
                measured.end = after;
                unit = self.word(after - 1).unwrap_or_default().to_string();
                if vocab::unit(&unit).is_none_or(|smaller| smaller.kind == Kind::Money) {
                    break;
                }
            }
        }
        let is_money = vocab::unit(&spelling).is_some_and(|unit| unit.kind == Kind::Money);
        // "120 MEUR": millions of euros, as finance writes them.
        if is_money && million_code(&self.tokens[end - 1]).is_some() {
            measured.amount = figures::scaled(measured.amount, 1e6);
        }
        // "75 USD million"
        if let Some(scale) = self
            .word(measured.end)
            .and_then(lexicon::scale)
            .filter(|_| is_money && !compound)
        {
            measured.amount = figures::scaled(measured.amount, scale);
            measured.end += 1;
        }
        let is_time = vocab::unit(&spelling).is_some_and(|unit| unit.base == "days");
        if !compound && is_time && self.is_word(measured.end, "ago") {
            measured.ago = true;
            measured.end += 1;
        }
        measured.unit = Some(spelling);
        measured
    }

    /// Whether a figure from `figure_start` to `end` (with its opener from
    /// `start`) is a person's age: after "aged" ("aged 42", "aged between
    /// 15 and 59"), or set off by commas after a name ("Captain Yared
    /// Getachew, 29, was").
    fn gives_an_age(&self, start: usize, figure_start: usize, end: usize, amount: &Amount) -> bool {
        if start
            .checked_sub(1)
            .is_some_and(|before| self.is_word(before, "aged"))
        {
            return true;
        }
        let a_lifetime = matches!(amount, Amount::Exact { value, step } if *step == 1.0 && (1.0..=120.0).contains(value));
        let set_off = self
            .token(end)
            .is_none_or(|token| matches!(token.text, "," | ")" | ";" | "."));
        a_lifetime && set_off && self.name_before(figure_start).is_some()
    }

    /// The name a figure is set off after by a comma ("Sunak, 42,"), as
    /// the noun its age describes.
    fn name_before(&self, figure_start: usize) -> Option<Noun> {
        let name = self.tokens.get(figure_start.checked_sub(2)?)?;
        let after_a_name = self.is_punct(figure_start - 1, ",")
            && name.kind == TokenKind::Word
            && name.is_capitalized();
        after_a_name.then(|| Noun {
            word: name.lower.to_string(),
            span: name.span,
            role: NounRole::Modified,
        })
    }

    /// A figure with a reading of its own: a time taken ("2:01:09"), a
    /// frequency ("once a year") or a multiple ("tripled").
    fn own_reading_at(&self, index: usize) -> Option<Quantity> {
        self.time_taken_at(index)
            .or_else(|| self.frequency_at(index))
            .or_else(|| self.multiple_at(index))
    }

    /// How often something happens, in times a year: "once a year",
    /// "twice a week", "three times a month", "once every thousand years",
    /// "a once-every-100-years flood", "a one-in-100-year event". Within
    /// what the period's figure was written to: "every thousand years" is
    /// every 950 to 1,050.
    fn frequency_at(&self, index: usize) -> Option<Quantity> {
        // The words may be joined by hyphens: "once-every-100-years".
        let next =
            |at: usize| at + 1 + usize::from(self.is_punct(at + 1, "-") && self.glued(at + 1));
        let (times, mut at) = if let Some(times) = self.word(index).and_then(lexicon::repetitions) {
            (times, next(index))
        } else {
            let figure = self.figure_at(index, false)?;
            let times = figure.value()?;
            let word_at = next(figure.end - 1);
            let after = if self.is_word(word_at, "times") {
                next(word_at)
            } else if self.is_word(word_at, "in") && times == 1.0 {
                // "one in 100 years", "a one-in-100-year flood"
                word_at
            } else {
                return None;
            };
            (times, after)
        };
        let every = match self.word(at) {
            Some("a" | "an" | "per" | "each") => false,
            Some("every" | "in") => true,
            _ => return None,
        };
        at = next(at);
        let (period, step) = match self.figure_at(at, false).filter(|_| every) {
            Some(figure) => {
                let period = figure.value()?;
                at = figure.end
                    + usize::from(self.is_punct(figure.end, "-") && self.glued(figure.end));
                (period, figure.step())
            }
            None => (1.0, 0.0),
        };
        let unit =
            vocab::unit(self.word(at)?).filter(|unit| unit.dimension == Dimension::Duration)?;
        let days = unit.to_base * unit.scale;
        let reach = claimcheck_core::precision::written_reach(period, step, 1.0).min(period / 2.0);
        let per_year = |period: f64| times * vocab::DAYS_PER_YEAR / (period * days);
        Some(Quantity {
            end: at + 1,
            reading: Reading::Range {
                low: Bound {
                    value: per_year(period + reach),
                    inclusive: true,
                },
                high: Bound {
                    value: per_year(period - reach),
                    inclusive: true,
                },
            },
            unit: Some("per year".to_string()),
            noun: None,
        })
    }

    /// A multiple written as a word: "tripled", "more than doubled",
    /// "twice as many", "a fivefold rise".
    fn multiple_at(&self, index: usize) -> Option<Quantity> {
        let value = self.word(index).and_then(lexicon::multiple)?;
        Some(Quantity {
            end: index + 1,
            reading: Reading::Figure { value, step: 1.0 },
            unit: Some("times".to_string()),
            noun: None,
        })
    }

    /// A time taken written as a clock reads: "2:01:09" (hours, minutes,
    /// seconds) or "3:43.13" (minutes, seconds), in seconds, to the last
    /// digit written. Times of day never reach here: they are set apart as
    /// no prose before the grammar runs.
    fn time_taken_at(&self, index: usize) -> Option<Quantity> {
        let digits = |at: usize, lengths: &[usize]| {
            self.token(at)
                .filter(|token| token.kind == TokenKind::Figure)
                .filter(|token| {
                    let whole = token.text.split('.').next().unwrap_or_default();
                    lengths.contains(&whole.len()) && whole.bytes().all(|b| b.is_ascii_digit())
                })
                .map(|token| token.text)
        };
        let first = digits(index, &[1, 2])?;
        if first.contains('.') {
            return None;
        }
        let mut parts = vec![first];
        let mut at = index + 1;
        while parts.len() < 3 && self.is_punct(at, ":") && self.glued(at) && self.glued(at + 1) {
            let Some(part) = digits(at + 1, &[2]) else {
                break;
            };
            parts.push(part);
            at += 2;
            if part.contains('.') {
                break;
            }
        }
        if parts.len() < 2 {
            return None;
        }
        let last = parts[parts.len() - 1];
        let step = last
            .split_once('.')
            .map_or(1.0, |(_, decimals)| 10f64.powi(-(decimals.len() as i32)));
        let seconds = parts
            .iter()
            .map(|part| part.parse::<f64>().unwrap_or(0.0))
            .fold(0.0, |total, part| total * 60.0 + part);
        Some(Quantity {
            end: at,
            reading: Reading::Figure {
                value: seconds,
                step,
            },
            unit: Some("seconds".to_string()),
            noun: None,
        })
    }

    /// "one" is a pronoun far more often than a figure: it is read only when
    /// it counts something ("one war") or measures ("that one mile"), never
    /// in "one of", "no one".
    fn one_is_a_pronoun(&self, start: usize, counts_something: bool, has_unit: bool) -> bool {
        if has_unit {
            return false;
        }
        let after_determiner = start
            .checked_sub(1)
            .and_then(|before| self.word(before))
            .is_some_and(lexicon::makes_one_a_pronoun);
        after_determiner || !counts_something
    }

    /// Whether the figure at `index` is one side of a score: two small
    /// whole numbers joined by a hyphen after a word of a result ("won
    /// 2-1") or in a list of such pairs ("1-6, 7-6, 6-4"), which is no
    /// range.
    fn is_score(&self, index: usize) -> bool {
        let side = |at: usize| {
            self.token(at).is_some_and(|token| {
                token.kind == TokenKind::Figure
                    && token.text.len() <= 3
                    && token.text.bytes().all(|byte| byte.is_ascii_digit())
            })
        };
        let pair_at = |first: usize| {
            side(first)
                && (self.is_punct(first + 1, "-") || self.is_punct(first + 1, "–"))
                && self.glued(first + 1)
                && self.glued(first + 2)
                && side(first + 2)
        };
        let first = if pair_at(index) {
            index
        } else if index >= 2 && pair_at(index - 2) {
            index - 2
        } else {
            return false;
        };
        let listed = (first >= 4 && self.is_punct(first - 1, ",") && pair_at(first - 4))
            || (self.is_punct(first + 3, ",") && pair_at(first + 4));
        let after_a_result = (1..=3).any(|back| {
            first
                .checked_sub(back)
                .and_then(|at| self.word(at))
                .is_some_and(lexicon::names_a_result)
        });
        listed || after_a_result
    }

    /// Whether the figure at `index` names rather than counts: "COVID-19",
    /// "F-16", "#1", "No. 10", "Resolution 2334".
    fn is_label(&self, index: usize) -> bool {
        if self.is_slashed(index) || self.is_score(index) {
            return true;
        }
        let Some(before) = index.checked_sub(1) else {
            return false;
        };
        let Some(previous) = self.token(before) else {
            return false;
        };
        if !self.glued(index) {
            if previous.kind == TokenKind::Word
                && previous.is_capitalized()
                && lexicon::is_label(&previous.lower)
            {
                return true;
            }
            let abbreviated_number = previous.is_punct(".")
                && before > 0
                && self
                    .word(before - 1)
                    .is_some_and(|word| matches!(word, "no" | "nos"));
            return abbreviated_number;
        }
        match previous.kind {
            TokenKind::Punct if previous.text == "#" => true,
            TokenKind::Punct if previous.text == "-" => {
                before > 0
                    && self.glued(before)
                    && self.token(before - 1).is_some_and(|word| {
                        word.kind == TokenKind::Word
                            && lexicon::unit_number(&word.lower).is_none()
                            && lexicon::tens(&word.lower).is_none()
                    })
            }
            _ => false,
        }
    }

    /// Whether the figure at `index` is one of figures joined by slashes
    /// that make no fraction: a date ("9/11", "3/4/2022") or a code ("24/7").
    fn is_slashed(&self, index: usize) -> bool {
        let is_figure = |at: usize| {
            self.token(at)
                .is_some_and(|token| token.kind == TokenKind::Figure)
        };
        let slash_after = self.is_punct(index + 1, "/")
            && self.glued(index + 1)
            && self.glued(index + 2)
            && is_figure(index + 2);
        let slash_before = index >= 2
            && self.is_punct(index - 1, "/")
            && self.glued(index - 1)
            && self.glued(index)
            && is_figure(index - 2);
        (slash_after || slash_before) && !self.is_fraction_start(index)
    }

    /// "$", "US$", "€", or an ISO code in capitals ("USD 5m", and "MAUD 60"
    /// for millions). Returns the spelling, where the figure starts, and
    /// the scale the prefix applies.
    fn currency_prefix(&self, index: usize) -> Option<(String, usize, f64)> {
        let token = self.token(index)?;
        let figure_follows = self
            .token(index + 1)
            .is_some_and(|next| next.kind == TokenKind::Figure);
        // `may_start_at` asks this of every word, and a word is a currency
        // only before a figure or a "$", which is cheaper to see first.
        if token.kind == TokenKind::Word && !figure_follows && !self.is_dollar(index + 1) {
            return None;
        }
        if let Some(code) = million_code(token).filter(|_| figure_follows) {
            return Some((code, index + 1, 1e6));
        }
        let (spelling, next) = match token.kind {
            // A "$" glued to letters belongs to them ("R$", "Z$"): a
            // currency this table does not know is no US dollar.
            TokenKind::Symbol if token.text == "$" && self.after_letters(index) => None,
            TokenKind::Symbol if token.text != "%" && token.text != "°" => {
                Some((token.text.to_string(), index + 1))
            }
            TokenKind::Word if self.is_dollar(index + 1) && self.glued(index + 1) => {
                let spelling = format!("{}$", token.lower);
                vocab::unit(&spelling)
                    .is_some()
                    .then_some((spelling, index + 2))
            }
            TokenKind::Word
                if token.text.len() == 3 && token.text.chars().all(|c| c.is_ascii_uppercase()) =>
            {
                let is_money =
                    vocab::unit(&token.lower).is_some_and(|unit| unit.kind == Kind::Money);
                (is_money && figure_follows).then(|| (token.lower.to_string(), index + 1))
            }
            _ => None,
        }?;
        Some((spelling, next, 1.0))
    }

    /// Whether the token at `index` is glued to a word before it.
    fn after_letters(&self, index: usize) -> bool {
        self.glued(index)
            && index
                .checked_sub(1)
                .is_some_and(|before| self.tokens[before].kind == TokenKind::Word)
    }

    fn is_dollar(&self, index: usize) -> bool {
        self.token(index).is_some_and(|token| token.text == "$")
    }

    /// A year or span of years written as bare figures: "in 2020",
    /// "1988-1994", "the 2020 ceasefire".
    fn years(
        &self,
        start: usize,
        first: &Figure,
        amount: &Amount,
        is_range: bool,
    ) -> Option<Reading> {
        if first.bare_digits != Some(4) {
            return None;
        }
        let (first_year, last_year) = match *amount {
            Amount::Exact { value, .. } => (value, value),
            Amount::Between { low, high } if is_range => (low.value, high.value),
            Amount::Between { .. } => return None,
        };
        if !is_plausible_year(first_year) || !is_plausible_year(last_year) {
            return None;
        }
        let introduced = start
            .checked_sub(1)
            .and_then(|before| self.word(before))
            .is_some_and(lexicon::introduces_year);
        let counts_something = self.counted_noun(first.end, false, false).is_some();
        if !introduced && counts_something {
            return None;
        }
        Some(Reading::Years {
            first: first_year as i32,
            last: last_year as i32,
        })
    }

    /// The unit after an amount, reaching past "of" for money only:
    /// "hundreds of millions of dollars".
    fn unit_of(
        &self,
        end: usize,
        figure: &Figure,
        amount: &Amount,
    ) -> Option<(String, usize, bool)> {
        if matches!(amount, Amount::Between { .. }) && self.is_word(end, "of") {
            return self.unit_at(end + 1, figure).filter(|(spelling, ..)| {
                vocab::unit(spelling).is_some_and(|unit| unit.kind == Kind::Money)
            });
        }
        self.unit_at(end, figure)
    }

    /// A unit of measure after a figure: "%", "°C", "-week", "km", "per cent".
    /// Returns the spelling, where the phrase ends, and whether it is a
    /// compound that modifies the next noun ("a six-week war").
    fn unit_at(&self, index: usize, figure: &Figure) -> Option<(String, usize, bool)> {
        let token = self.token(index)?;
        if token.kind == TokenKind::Symbol {
            return match token.text {
                "%" => Some(("%".to_string(), index + 1, false)),
                "°" => {
                    let scale = self
                        .word(index + 1)
                        .filter(|word| matches!(*word, "c" | "f"))
                        .filter(|_| self.glued(index + 1))?;
                    Some((format!("°{scale}"), index + 2, false))
                }
                _ => None,
            };
        }
        if token.is_punct("-") && !token.space_before && self.glued(index + 1) {
            let word = self.word(index + 1)?;
            vocab::unit(word)?;
            let mut end = index + 2;
            // "a 10-year-old", "a six-week-long war"
            let suffix = self
                .word(end + 1)
                .filter(|suffix| matches!(*suffix, "long" | "old"))
                .filter(|_| self.is_punct(end, "-") && self.glued(end));
            if suffix.is_some() {
                end += 2;
            }
            // "the 23-year-old" is an age, never a length of time.
            if suffix == Some("old") && matches!(word, "year" | "years") {
                return Some(("year-old".to_string(), end, true));
            }
            return Some((word.to_string(), end, true));
        }
        if token.kind != TokenKind::Word {
            return None;
        }
        if let Some(code) = million_code(token) {
            return Some((code, index + 1, false));
        }
        // "81 km/h", "5m/s": a unit of two words joined by a slash.
        if self.is_punct(index + 1, "/") && self.glued(index + 1) && self.glued(index + 2) {
            let per = self
                .word(index + 2)
                .map(|per| format!("{}/{per}", token.lower));
            if let Some(spelling) = per.filter(|spelling| vocab::unit(spelling).is_some()) {
                return Some((spelling, index + 3, false));
            }
        }
        if !token.space_before {
            // Glued: "5km", "10kg"; a glued "m" that is not a magnitude is metres.
            let spelling = if token.lower == "m" && figure.magnitude.is_none() {
                "metres"
            } else {
                token.lower.as_ref()
            };
            return vocab::unit(spelling).map(|_| (spelling.to_string(), index + 1, false));
        }
        // The longest phrase is tried first ("pounds sterling" before
        // "pounds"). Its words are joined once, so that each shorter phrase
        // is a prefix of it and costs no string of its own.
        let mut phrase = String::new();
        let mut ends = [0; vocab::LONGEST_UNIT_PHRASE];
        let mut length = 0;
        while let Some(word) = self.word(index + length).filter(|_| length < ends.len()) {
            if length > 0 {
                phrase.push(' ');
            }
            phrase.push_str(word);
            ends[length] = phrase.len();
            length += 1;
        }
        (1..=length).rev().find_map(|length| {
            let spelling = &phrase[..ends[length - 1]];
            vocab::unit(spelling).map(|_| (spelling.to_string(), index + length, false))
        })
    }

    /// A smaller unit of the same measure after a first one: "5 feet 2
    /// inches", "5 ft 2 in", "3 dollars and 50 cents", "2 hours 30
    /// minutes". Returns the amount it adds and the step it is written to,
    /// both in the first unit, and where it ends.
    fn smaller_unit_after(&self, index: usize, first_spelling: &str) -> Option<(f64, f64, usize)> {
        let first = vocab::unit(first_spelling)?;
        let comma = usize::from(self.is_punct(index, ",") && first.kind != Kind::Money);
        let start = index + comma + usize::from(self.is_word(index + comma, "and"));
        let figure = self
            .figure_at(start, false)
            .filter(|figure| figure.shape == Shape::Amount)?;
        let value = figure.value()?;
        // "15 dollars 50", "thirteen dollars and forty-five": cents, unless
        // the figure counts something of its own ("15 dollars and 50 people").
        let nothing_after = self.word(figure.end).is_none_or(lexicon::ends_noun_phrase);
        let is_cents =
            first.kind == Kind::Money && (0.0..100.0).contains(&value) && value.fract() == 0.0;
        if is_cents && nothing_after && self.tokens[index - 1].kind == TokenKind::Word {
            return Some((value * 0.01, figure.step() * 0.01, figure.end));
        }
        let word = self.word(figure.end)?;
        let ratio = match (first.kind, word) {
            (Kind::Money, "cent" | "cents") if self.tokens[index - 1].kind == TokenKind::Word => {
                0.01
            }
            // "in" abbreviates inches only right after feet.
            (Kind::Measure, "in") if first.name == "feet" => {
                vocab::unit("inches")?.to_base / first.to_base
            }
            (Kind::Money, _) => return None,
            _ => {
                let second = vocab::unit(word)?;
                let smaller = second.dimension == first.dimension
                    && second.to_base < first.to_base * first.scale;
                if !smaller {
                    return None;
                }
                second.to_base * second.scale / (first.to_base * first.scale)
            }
        };
        Some((value * ratio, figure.step() * ratio, figure.end + 1))
    }

    // ---- Nouns --------------------------------------------------------------

    /// The words of the noun phrase starting at `index`, with hyphenated
    /// compounds joined ("Armenian-populated"), each with whether it is
    /// plural.
    fn noun_phrase(&self, mut index: usize) -> Vec<(String, Span, bool)> {
        let mut words = Vec::new();
        while words.len() < 4 {
            let Some(token) = self.token(index) else {
                break;
            };
            // After its first word, a verb in the past ends the phrase: "the
            // six-week war ended", "a 72-hour ceasefire collapsed".
            let verb_after_it =
                !words.is_empty() && lexicon::tense_of(&token.lower) == Some(Tense::Past);
            if token.kind != TokenKind::Word
                || lexicon::ends_noun_phrase(&token.lower)
                || lexicon::is_number_word(&token.lower)
                || verb_after_it
            {
                break;
            }
            let mut word = token.lower.to_string();
            let mut span = token.span;
            let acronym_plural = is_acronym_plural(token.text);
            index += 1;
            while self.is_punct(index, "-")
                && self.glued(index)
                && self.glued(index + 1)
                && self.word(index + 1).is_some()
            {
                let part = &self.tokens[index + 1];
                word.push('-');
                word.push_str(&part.lower);
                span = span.cover(part.span);
                index += 2;
            }
            let plural = acronym_plural || looks_plural(&word);
            words.push((word, span, plural));
        }
        words
    }

    /// The noun a figure counts: the first plural of the noun phrase after
    /// it ("2,000 Russian peacekeepers"), or its last word when the figure is
    /// one ("one war") or a share of a whole ("a third of the budget").
    fn counted_noun(&self, mut index: usize, singular: bool, after_of: bool) -> Option<Noun> {
        let of_a_whole = after_of && self.is_word(index, "of");
        if of_a_whole {
            index += 1;
            if matches!(self.word(index), Some("the" | "all" | "its" | "their")) {
                index += 1;
            }
        }
        while self.word(index).is_some_and(lexicon::is_noun_prefix) {
            index += 1;
        }
        let words = self.noun_phrase(index);
        // Only a plural is counted by a figure above one: in "286 rose" the
        // word after is a verb. Of several, the last is the head ("300,000
        // measles cases"), unless it is an adjective describing an earlier
        // one ("286 people dead"). A share's whole may be singular ("a
        // third of the budget").
        let plural = words
            .iter()
            .rev()
            .find(|(word, _, plural)| *plural && !vocab::is_adjective_plural(word))
            .or_else(|| words.iter().rev().find(|(.., plural)| *plural));
        let chosen = if singular || of_a_whole {
            plural.or(words.last())
        } else {
            plural
        }?;
        Some(Noun {
            word: chosen.0.clone(),
            span: chosen.1,
            role: NounRole::Counted,
        })
    }

    /// The noun after a figure ending at `end`: the one a compound
    /// describes ("six-week war"), or the one it counts, of a whole for a
    /// share, a loose amount or a percentage ("two-thirds of voters"), or
    /// the whole's when it is a part ("237 of the 400 seats").
    fn noun_after(
        &self,
        end: usize,
        amount: &Amount,
        reading: &Reading,
        unit: Option<&str>,
        compound: bool,
    ) -> Option<Noun> {
        if compound {
            return self.modified_noun(end);
        }
        let counts_after_of = matches!(amount, Amount::Between { .. })
            || matches!(reading, Reading::Fraction { .. })
            || unit
                .is_some_and(|unit| vocab::unit(unit).is_some_and(|unit| unit.base == "percent"));
        if unit.is_some() && !counts_after_of {
            return None;
        }
        let singular = matches!(amount, Amount::Exact { value, .. } if *value == 1.0);
        self.counted_noun(end, singular, counts_after_of)
            .or_else(|| {
                unit.is_none()
                    .then(|| {
                        self.noun_of_the_whole_after(end)
                            .or_else(|| self.noun_of_the_part_after(end))
                            .or_else(|| self.noun_marked_after(end))
                    })
                    .flatten()
            })
    }

    /// The noun of a part of what was named before: "232 Palestinians, 65
    /// of them children", "11 million of those people".
    fn noun_of_the_part_after(&self, end: usize) -> Option<Noun> {
        if !self.is_word(end, "of") {
            return None;
        }
        let (lexicon::Marker::Partitive, after) = self.marker_at(end + 1)? else {
            return None;
        };
        self.counted_noun(after, false, false)
    }

    /// What a phrase after a figure says it counts: those something befell
    /// ("Eighteen more died overnight", "286 were killed"), or the people
    /// on board ("all 176 on board").
    fn noun_marked_after(&self, end: usize) -> Option<Noun> {
        let mut at = end;
        while self
            .word(at)
            .is_some_and(|word| lexicon::is_noun_prefix(word) || lexicon::is_auxiliary(word))
        {
            at += 1;
        }
        let (marker, after) = self.marker_at(at)?;
        let word = match marker {
            lexicon::Marker::Befell => self.word(at)?.to_string(),
            lexicon::Marker::Aboard => "people".to_string(),
            _ => return None,
        };
        Some(Noun {
            word,
            span: self.span(at, after),
            role: NounRole::Counted,
        })
    }

    /// The noun of the whole that a figure ending at `end` is a part of:
    /// "237 of the 400 seats", "3 of 5 seats" count seats.
    fn noun_of_the_whole_after(&self, end: usize) -> Option<Noun> {
        if !self.is_word(end, "of") {
            return None;
        }
        let whole_at = end + 1 + usize::from(self.is_word(end + 1, "the"));
        let whole = self.figure_at(whole_at, false)?;
        self.counted_noun(whole.end, false, false)
    }

    /// The noun a figure counts when it comes before it: "a death toll of
    /// 286" counts deaths, "a crowd of 10,000" a crowd. A toll counts
    /// across the verb that gives it, too: "the death toll was 286", "has
    /// risen to 286".
    fn noun_before(&self, start: usize) -> Option<Noun> {
        let Some(of) = start.checked_sub(1).filter(|of| self.is_word(*of, "of")) else {
            return self
                .toll_given_before(start)
                .or_else(|| self.casualty_verb_before(start))
                .or_else(|| self.subject_noun_before(start));
        };
        let head_at = of.checked_sub(1)?;
        let head = self
            .word(head_at)
            .filter(|word| !lexicon::ends_noun_phrase(word) && !lexicon::is_number_word(word))?;
        if head == "toll" {
            return Some(self.toll_noun(head_at));
        }
        if self.is_tally(head_at) {
            return None;
        }
        Some(Noun {
            word: head.to_string(),
            span: self.tokens[head_at].span,
            role: NounRole::Counted,
        })
    }

    /// Whether the word at `index` names an amount rather than a thing
    /// counted ("number", "loss", "majority").
    fn is_tally(&self, index: usize) -> bool {
        matches!(self.marker_at(index), Some((lexicon::Marker::Tally, _)))
    }

    /// The subject of the verb that gives a figure no noun of its own:
    /// "the number of people killed rose to 2,901" counts people, "The
    /// population of England and Wales reached 59,597,300" a population,
    /// "Payrolls grew by 187,000" payrolls; and "put the number of dead at
    /// 4,500" the dead.
    fn subject_noun_before(&self, start: usize) -> Option<Noun> {
        let mut at = start;
        while let Some((lexicon::Marker::Lead, _)) =
            at.checked_sub(1).and_then(|before| self.marker_at(before))
        {
            at -= 1;
        }
        let led = at < start;
        let verb = at.checked_sub(1)?;
        let gives = self
            .word(verb)
            .is_some_and(|word| lexicon::gives_a_toll(word) || lexicon::is_change_verb_form(word));
        if !gives && !led {
            return None;
        }
        let tokens = self.tokens.len();
        let clause_start = self
            .memory
            .clause_start
            .ask(tokens, verb.checked_sub(1), |at| {
                if self.ends_clause(at) {
                    Step::Stop(Some(at + 1))
                } else {
                    Step::Back(1)
                }
            })
            .unwrap_or(0);
        // A tally may stand before a clause set off by commas: "the number
        // of zero-dose children, who had no shot, rose to 14.5 million".
        let tally = self
            .memory
            .tally_before
            .ask(tokens, verb.checked_sub(1), |head| {
                if self.is_tally(head) && self.is_word(head + 1, "of") {
                    Step::Stop(Some(head))
                } else {
                    Step::Back(1)
                }
            });
        let (words, plural_first) = match tally {
            Some(head) => {
                // The first plural of what the tally counts, past words
                // that start no noun: "the number of so-called zero-dose
                // children, who had no shot".
                let plural = self
                    .memory
                    .plural_after
                    .ask(tokens, Some(head + 2), |at| {
                        if self.ends_clause(at) {
                            Step::Stop(None)
                        } else if self.word(at).is_some_and(looks_plural) {
                            Step::Stop(Some(at))
                        } else {
                            Step::Forward
                        }
                    })
                    .filter(|&at| at < verb);
                let what = plural.unwrap_or(head + 2 + usize::from(self.is_word(head + 2, "the")));
                (self.noun_phrase(what), true)
            }
            None if gives => {
                let first = self
                    .memory
                    .content_word
                    .ask(tokens, Some(clause_start), |at| {
                        if self.word(at).is_some_and(vocab::is_function_word) {
                            Step::Forward
                        } else {
                            Step::Stop(Some(at))
                        }
                    })
                    .filter(|&at| at < verb)?;
                (self.noun_phrase(first), false)
            }
            None => return None,
        };
        let chosen = if plural_first {
            words
                .iter()
                .rev()
                .find(|(.., plural)| *plural)
                .or(words.first())
        } else {
            words.last()
        }?;
        if chosen.1.end > self.tokens[verb].span.start {
            return None;
        }
        // The token of the chosen word, which a compound word has none of.
        let at = self
            .tokens
            .partition_point(|token| token.span.start < chosen.1.start);
        if self.tokens.get(at)?.span != chosen.1 {
            return None;
        }
        if chosen.0 == "toll" {
            return Some(self.toll_noun(at));
        }
        if self.is_tally(at) {
            return None;
        }
        Some(Noun {
            word: chosen.0.clone(),
            span: chosen.1,
            role: NounRole::Counted,
        })
    }

    /// The people a verb just before the figure did something to, as "286
    /// killed" counts them: "the floods killed 1,700", "wounded 11".
    fn casualty_verb_before(&self, start: usize) -> Option<Noun> {
        let at = start.checked_sub(1)?;
        let verb = self
            .word(at)
            .filter(|word| lexicon::counts_whom_it_befell(word))?;
        Some(Noun {
            word: verb.to_string(),
            span: self.tokens[at].span,
            role: NounRole::Counted,
        })
    }

    /// The toll that the words just before `start` give the figure:
    /// "toll was", "toll now stands at", "toll has risen to", past what it
    /// rose from ("toll rose from 120 to"). Only a toll: "the result was
    /// 286" counts nothing.
    fn toll_given_before(&self, start: usize) -> Option<Noun> {
        let toll = self
            .memory
            .toll_before
            .ask(self.tokens.len(), start.checked_sub(1), |at| {
                if self.tokens[at].kind == TokenKind::Figure {
                    return match at.checked_sub(1) {
                        Some(from) if self.is_word(from, "from") => Step::Back(2),
                        _ => Step::Stop(None),
                    };
                }
                match self.word(at) {
                    Some("toll") => Step::Stop(Some(at)),
                    Some(word) if lexicon::gives_a_toll(word) => Step::Back(1),
                    _ => Step::Stop(None),
                }
            })?;
        Some(self.toll_noun(toll))
    }

    /// What the toll at `toll_at` counts: the people its modifier names
    /// ("death toll", "casualty toll"), else deaths ("the quake toll").
    fn toll_noun(&self, toll_at: usize) -> Noun {
        let modifier = toll_at
            .checked_sub(1)
            .and_then(|at| self.word(at).map(|word| (at, word)))
            .filter(|(_, modifier)| vocab::counts_people(modifier));
        let (word, span) = match modifier {
            Some((at, modifier)) => (
                vocab::fold_noun(modifier),
                self.tokens[at].span.cover(self.tokens[toll_at].span),
            ),
            None => ("deaths".to_string(), self.tokens[toll_at].span),
        };
        Noun {
            word,
            span,
            role: NounRole::Counted,
        }
    }

    /// The noun a compound describes: the head of the noun phrase after
    /// it ("a six-week war", "a 10-year development plan").
    fn modified_noun(&self, index: usize) -> Option<Noun> {
        let words = self.noun_phrase(index);
        // "The 23-year-old ran the race": a verb, not what the compound
        // describes ("a six-week armed conflict" describes the conflict).
        if let [(word, ..)] = words.as_slice() {
            if lexicon::tense_of(word) == Some(Tense::Past) {
                return None;
            }
        }
        let (word, span, _) = words.last()?.clone();
        Some(Noun {
            word,
            span,
            role: NounRole::Modified,
        })
    }
}

/// Whether a mention may start with `word`, whatever surrounds it: the
/// words each rule of [`Grammar::mention_at`] may start with. Remembered
/// per thread, since prose repeats its words and asking each part of the
/// lexicon in turn costs more than a lookup.
fn may_start_mention(word: &str) -> bool {
    thread_local! {
        static ANSWERS: RefCell<FxHashMap<Box<str>, bool>> = RefCell::default();
    }
    ANSWERS.with_borrow_mut(|answers| {
        if let Some(&answer) = answers.get(word) {
            return answer;
        }
        let answer = lexicon::is_number_word(word)
            || !lexicon::qualifiers_starting_with(word).is_empty()
            || lexicon::month(word).is_some()
            || lexicon::part_of_decade(word).is_some()
            || lexicon::is_range_opener(word)
            || lexicon::is_indefinite_article(word)
            || lexicon::vague_multiple(word).is_some()
            || lexicon::multiple(word).is_some()
            || lexicon::repetitions(word).is_some();
        // Bounded, so that memory does not grow with the corpus's vocabulary.
        if answers.len() >= vocab::REMEMBERED_WORDS {
            answers.clear();
        }
        answers.insert(word.into(), answer);
        answer
    })
}

/// Whether a token puts what follows it as expected or possible; "May"
/// the month does not.
fn puts_as_forecast(token: &Token<'_>) -> bool {
    token.kind == TokenKind::Word
        && lexicon::puts_as_forecast(&token.lower)
        && !(token.lower == "may" && token.is_capitalized())
}

/// A currency code with an M for millions, as finance writes it: "MUSD",
/// "MEUR". Returns the code.
fn million_code(token: &Token<'_>) -> Option<String> {
    let code = token
        .text
        .strip_prefix('M')
        .filter(|code| code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase()))?;
    let code = code.to_lowercase();
    vocab::unit(&code)
        .is_some_and(|unit| unit.kind == Kind::Money)
        .then_some(code)
}

/// What an amount reads as: a time ago, a share of a whole (a fraction
/// with no unit), one figure, a range, or a loose amount.
fn reading_of(amount: Amount, shape: Shape, ago: bool, is_range: bool) -> Reading {
    match (amount, shape) {
        (Amount::Exact { value, step }, _) if ago => Reading::Ago { value, step },
        (Amount::Exact { value, step }, Shape::Fraction) => Reading::Fraction { value, step },
        (Amount::Exact { value, step }, _) => Reading::Figure { value, step },
        (Amount::Between { low, high }, _) if is_range => Reading::Range { low, high },
        (Amount::Between { low, high }, _) => Reading::Vague {
            low: low.value,
            high: high.value,
        },
    }
}

/// How an age is spelled as a unit.
const AGE: &str = "years old";

fn is_plausible_year(value: f64) -> bool {
    value.fract() == 0.0 && (1000.0..=2100.0).contains(&value)
}

fn looks_plural(word: &str) -> bool {
    let last = word.rsplit('-').next().unwrap_or(word);
    vocab::is_irregular_plural(last)
        || (last.len() > 3
            && last.ends_with('s')
            && !last.ends_with("ss")
            && !last.ends_with("us")
            && !last.ends_with("is"))
        || is_plural_of_people(last)
}

/// Demonyms and words for people, in the plural ("Yemenis", "Iraqis") or
/// the same in both numbers ("Chinese", "Swiss", "French").
fn is_plural_of_people(word: &str) -> bool {
    let same_in_both = ["ese", "ss", "ch", "sh"]
        .iter()
        .any(|ending| word.ends_with(ending));
    vocab::counts_people(word) && (same_in_both || vocab::word_key(word) != word)
}

/// "MPs", "NGOs": capitals and a plural "s".
fn is_acronym_plural(text: &str) -> bool {
    text.strip_suffix('s')
        .is_some_and(|stem| stem.len() >= 2 && stem.chars().all(|c| c.is_ascii_uppercase()))
}
