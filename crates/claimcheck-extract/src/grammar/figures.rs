//! Figures: the number at the heart of a phrase, in digits ("6,500",
//! "1.5e6", "3/4", "½"), in words ("one hundred and twelve", "two point
//! five", "two-thirds", "one and a half"), or both ("4 thousand 3 hundred
//! and 21", "3 million and a half"), with its sign, scale and shape.

use std::fmt::Write;

use claimcheck_core::{Bound, Kind, vocab};

use super::{Grammar, Kept, looks_plural};
use crate::lexicon;
use crate::tokens::TokenKind;

/// A figure as written, before any qualifier, unit or noun.
#[derive(Clone, Copy, Debug)]
pub(super) struct Figure {
    pub(super) end: usize,
    pub(super) amount: Amount,
    pub(super) shape: Shape,
    /// The scale applied last ("million" in "1.5 million"), which a range's
    /// first figure borrows ("2-3 million").
    pub(super) magnitude: Option<f64>,
    /// The number of digits, when written as bare digits with no separator,
    /// sign or decimals: such a figure may be a year.
    pub(super) bare_digits: Option<usize>,
    pub(super) spelled: bool,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Amount {
    /// One value, written to `step` (the place of its last digit).
    Exact { value: f64, step: f64 },
    /// Bounds: a range or a loose amount ("several", "dozens").
    Between { low: Bound, high: Bound },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Shape {
    /// An amount: a count, or a measure once a unit follows.
    Amount,
    /// A share of a whole: "two-thirds", "1 in 5", "half".
    Fraction,
    /// A rank: "one hundred twenty-fifth".
    Ordinal,
}

/// One word (or hyphenated pair) of a number in words, or a small figure
/// in digits standing among them ("3 hundred and 21").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Atom {
    Start,
    Units,
    Teens,
    Tens,
    /// A whole two-digit number in one piece: "twenty-one", "fifty - two".
    Compound,
    Digits,
    Hundred,
    Scale,
    Dozen,
    And,
}

impl Atom {
    fn is_number(self) -> bool {
        matches!(
            self,
            Atom::Units | Atom::Teens | Atom::Tens | Atom::Compound | Atom::Digits
        )
    }
}

/// A whole number in words, digits or both.
#[derive(Clone, Copy, Debug)]
pub(super) struct Cardinal {
    value: f64,
    end: usize,
    last: Atom,
    last_scale: Option<f64>,
    /// A single figure in digits and nothing else.
    digits_only: bool,
}

impl Figure {
    fn exact(value: f64, step: f64, end: usize, spelled: bool) -> Figure {
        Figure {
            end,
            amount: Amount::Exact { value, step },
            shape: Shape::Amount,
            magnitude: None,
            bare_digits: None,
            spelled,
        }
    }

    /// The place of the last digit written, for an exact figure.
    pub(super) fn step(&self) -> f64 {
        match self.amount {
            Amount::Exact { step, .. } => step,
            Amount::Between { .. } => 1.0,
        }
    }

    pub(super) fn value(&self) -> Option<f64> {
        match self.amount {
            Amount::Exact { value, .. } => Some(value),
            Amount::Between { .. } => None,
        }
    }

    fn negated(mut self) -> Figure {
        self.amount = match self.amount {
            Amount::Exact { value, step } => Amount::Exact {
                value: -value,
                step,
            },
            Amount::Between { low, high } => Amount::Between {
                low: Bound {
                    value: -high.value,
                    ..high
                },
                high: Bound {
                    value: -low.value,
                    ..low
                },
            },
        };
        self
    }
}

/// An amount times a factor: a scale written apart from its figure ("75
/// USD million").
pub(super) fn scaled(amount: Amount, factor: f64) -> Amount {
    match amount {
        Amount::Exact { value, step } => Amount::Exact {
            value: value * factor,
            step: step * factor,
        },
        Amount::Between { low, high } => Amount::Between {
            low: Bound {
                value: low.value * factor,
                ..low
            },
            high: Bound {
                value: high.value * factor,
                ..high
            },
        },
    }
}

/// A closed range, as written bounds are.
pub(super) fn between(low: f64, high: f64) -> Amount {
    Amount::Between {
        low: Bound {
            value: low,
            inclusive: true,
        },
        high: Bound {
            value: high,
            inclusive: true,
        },
    }
}

/// The share a fraction stands for is read to the nearest tenth: "a third"
/// is 28–38%, "half" 45–55%, whatever way it is written.
const SHARE_STEP: f64 = 0.1;

impl Grammar<'_, '_> {
    /// The figure starting at `index`, if one does.
    pub(super) fn figure_at(&self, index: usize, has_currency: bool) -> Option<Figure> {
        if self.word(index).is_some_and(lexicon::is_negation) {
            return self
                .unsigned_figure_at(index + 1, has_currency)
                .map(Figure::negated);
        }
        self.unsigned_figure_at(index, has_currency)
    }

    fn unsigned_figure_at(&self, index: usize, has_currency: bool) -> Option<Figure> {
        let token = self.token(index)?;
        match token.kind {
            TokenKind::Figure => {
                if let Some(fraction) = self.digit_fraction_at(index) {
                    return Some(fraction);
                }
                let bare_integer = token.text.bytes().all(|b| b.is_ascii_digit());
                let continues_in_words = self.word(index + 1).is_some_and(|word| {
                    lexicon::scale(word).is_some()
                        || lexicon::is_dozen(word)
                        || matches!(word, "in" | "out" | "over")
                });
                if bare_integer && continues_in_words {
                    self.spelled_figure(index)
                } else {
                    Some(self.digits_figure(index, has_currency))
                }
            }
            TokenKind::Word => self
                .vague_figure(index)
                .or_else(|| self.spelled_figure(index)),
            _ => None,
        }
    }

    /// "6,500", "1.5 million", "$2bn", "30k", "1.3e6", with any scale after it.
    fn digits_figure(&self, index: usize, has_currency: bool) -> Figure {
        let text = self.tokens[index].text;
        let value = parse_digits(text);
        let step = written_step(text);
        let mut figure = Figure::exact(value, step, index + 1, false);
        figure.bare_digits = text
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then_some(text.len());
        let next = index + 1;
        let magnitude = self.word(next).and_then(|word| {
            if let Some(scale) = lexicon::scale(word) {
                return Some(scale);
            }
            let glued = self.glued(next);
            match (word, self.tokens[next].text) {
                // "10M" and "1,674.5 M" are millions; a glued "m" is metres
                // unless money or a plural count follows it ("3.3m people",
                // "100m euros"; but "3m high", "a 2m wall").
                ("m", written) => (written == "M"
                    || glued && (has_currency || self.word(next + 1).is_some_and(looks_plural)))
                .then_some(1e6),
                // Finance writes a million "MM"; "300mm" is millimetres.
                ("mm", written) => (written == "MM").then_some(1e6),
                ("k", _) => Some(1e3),
                // One letter apart from its figure ("10 b") is too often something else.
                ("b", _) => (glued || has_currency).then_some(1e9),
                _ => lexicon::magnitude_abbreviation(word),
            }
        });
        if let Some(magnitude) = magnitude {
            figure.amount = Amount::Exact {
                value: value * magnitude,
                step: step * magnitude,
            };
            figure.magnitude = Some(magnitude);
            figure.bare_digits = None;
            figure.end = next + 1;
        } else if let Some((power, end)) = self.power_after(next, value, step) {
            figure.amount = power;
            figure.bare_digits = None;
            figure.end = end;
        }
        figure
    }

    /// A power after a figure: "1.1^23", "2.5^-1", "1.3x10^6", "6.23×10^-4".
    fn power_after(&self, index: usize, base: f64, step: f64) -> Option<(Amount, usize)> {
        let times_ten = self
            .token(index)
            .is_some_and(|token| matches!(token.lower.as_ref(), "x" | "×"))
            && self.glued(index)
            && self
                .token(index + 1)
                .is_some_and(|token| token.text == "10")
            && self.glued(index + 1);
        let caret = if times_ten { index + 2 } else { index };
        if !(self.is_punct(caret, "^") && self.glued(caret) && self.glued(caret + 1)) {
            return None;
        }
        let negative = self.is_punct(caret + 1, "-");
        let exponent_at = caret + 1 + usize::from(negative);
        let exponent_token = self
            .token(exponent_at)
            .filter(|token| token.kind == TokenKind::Figure)?;
        let exponent: f64 = exponent_token.text.parse().ok()?;
        let exponent = if negative { -exponent } else { exponent };
        if exponent.fract() != 0.0 {
            return None;
        }
        // A power beyond what a float holds comes out infinite or zero,
        // and is then no figure to read: "10^400" is not "10" and "400".
        let amount = if times_ten {
            let scale = 10f64.powf(exponent);
            Amount::Exact {
                value: unless_lost(base * scale, base != 0.0),
                step: step * scale,
            }
        } else {
            let value = unless_lost(base.powf(exponent), base != 0.0);
            Amount::Exact {
                value,
                step: (value.abs() * 1e-3).max(f64::MIN_POSITIVE),
            }
        };
        Some((amount, exponent_at + 1))
    }

    /// "3/4", "2 1/4", "10 ½", "½".
    fn digit_fraction_at(&self, index: usize) -> Option<Figure> {
        let token = self.token(index)?;
        if let Some(share) = vulgar_fraction(token.text) {
            return Some(digit_share(share, index + 1));
        }
        if let Some((share, _)) = self.slashed_fraction_at(index) {
            return Some(digit_share(share, index + 3));
        }
        let whole: f64 = token
            .text
            .parse()
            .ok()
            .filter(|_| token.text.bytes().all(|b| b.is_ascii_digit()))?;
        let (fraction, denominator, end) = None.or_else(|| {
            // A mixed number: "2 1/4", "10 ½".
            let next = index + 1;
            let next_token = self.token(next)?;
            if let Some(share) = vulgar_fraction(next_token.text) {
                return Some((whole + share, vulgar_denominator(next_token.text), next + 1));
            }
            let (value, denominator) = self
                .slashed_fraction_at(next)
                .filter(|(value, _)| *value < 1.0)?;
            Some((whole + value, denominator, next + 3))
        })?;
        // A mixed number measures something ("10 1/2 miles"), never a share.
        Some(Figure::exact(fraction, 1.0 / denominator, end, false))
    }

    /// Whether a figure written with digits and a slash at `index` is a fraction.
    pub(super) fn is_fraction_start(&self, index: usize) -> bool {
        self.slashed_fraction_at(index).is_some()
    }

    /// "3/4" at `index`: the value and the denominator. Only proper
    /// fractions with denominators up to ten count: "9/11", "10/31" are
    /// dates and "24/7" a code.
    fn slashed_fraction_at(&self, index: usize) -> Option<(f64, f64)> {
        let numerator = self
            .token(index)
            .filter(|token| token.kind == TokenKind::Figure)?;
        let slash_glued =
            self.is_punct(index + 1, "/") && self.glued(index + 1) && self.glued(index + 2);
        let denominator = self
            .token(index + 2)
            .filter(|token| slash_glued && token.kind == TokenKind::Figure)?;
        // "3/4/2022" is a date.
        if self.is_punct(index + 3, "/") && self.glued(index + 3) {
            return None;
        }
        let numerator: f64 = numerator.text.parse().ok()?;
        let denominator: f64 = denominator.text.parse().ok()?;
        ((2.0..=10.0).contains(&denominator)
            && numerator.fract() == 0.0
            && numerator.abs() < denominator)
            .then_some((numerator / denominator, denominator))
    }

    /// "several", "dozens", "hundreds", "tens of thousands", "several hundred".
    fn vague_figure(&self, index: usize) -> Option<Figure> {
        let word = self.word(index)?;
        let vague = |low: f64, high: f64, end: usize| Figure {
            end,
            amount: between(low, high),
            shape: Shape::Amount,
            magnitude: None,
            bare_digits: None,
            spelled: true,
        };
        if word == "several" {
            let scale = self
                .word(index + 1)
                .and_then(|next| lexicon::scale(next).or((next == "dozen").then_some(12.0)));
            if let Some(scale) = scale {
                return Some(vague(3.0 * scale, 9.0 * scale, index + 2));
            }
        }
        let multiple = lexicon::vague_multiple(word).filter(|_| self.is_word(index + 1, "of"));
        if let Some(times) = multiple {
            let of_scale = match self.word(index + 2) {
                Some("thousands") => Some(1e3),
                Some("millions") => Some(1e6),
                Some("billions") => Some(1e9),
                _ => None,
            };
            if let Some(of_scale) = of_scale {
                // "tens of thousands": from 20,000 up to a hundred thousand.
                return Some(vague(
                    2.0 * times * of_scale,
                    10.0 * times * of_scale - 1.0,
                    index + 3,
                ));
            }
        }
        let (low, high) = lexicon::vague_amount(word)?;
        // "scores" is a figure only in "scores of".
        if word == "scores" && !self.is_word(index + 1, "of") {
            return None;
        }
        Some(vague(low, high, index + 1))
    }

    /// A number in words, with its decimals ("two point five"), its
    /// fraction ("one and a half", "two-thirds"), or as a rank ("one
    /// hundred twenty-fifth").
    fn spelled_figure(&self, index: usize) -> Option<Figure> {
        match (self.word(index), self.word(index + 1), self.word(index + 2)) {
            (Some("a"), Some("couple"), Some("of")) => {
                return Some(Figure::exact(2.0, 1.0, index + 3, true));
            }
            (Some("a"), Some("score"), Some("of")) => {
                return Some(Figure::exact(20.0, 10.0, index + 3, true));
            }
            _ => {}
        }
        if let Some(fraction) = self.fraction_at(index, 1.0, index) {
            return Some(fraction);
        }
        let cardinal = self.cardinal(index)?;
        if let Some(figure) = self.after_cardinal(index, &cardinal) {
            return Some(figure);
        }
        let mut figure = Figure::exact(
            cardinal.value,
            last_digit_place(cardinal.value),
            cardinal.end,
            !cardinal.digits_only,
        );
        figure.magnitude = cardinal.last_scale;
        Some(figure)
    }

    /// What may follow a whole number and change it: decimals, a
    /// fraction, a rank, a ratio.
    fn after_cardinal(&self, start: usize, cardinal: &Cardinal) -> Option<Figure> {
        let end = cardinal.end;
        let spelled = !cardinal.digits_only;
        if self.is_word(end, "point") && spelled {
            let (decimals, places, after) = self.decimal_words(end + 1)?;
            let value = cardinal.value + decimals;
            return Some(Figure::exact(value, 10f64.powi(-places), after, true));
        }
        if let Some(figure) = self.rank_or_share(start, cardinal) {
            return Some(figure);
        }
        if self.is_word(end, "and") {
            if let Some((fraction, after)) = self
                .simple_fraction(end + 1)
                .filter(|(share, _)| *share < 1.0)
            {
                // "one and a half", "five and a half million", "3 million and a
                // half", "one billion and three quarters million"
                let trailing_scale = self.word(after).and_then(lexicon::scale);
                let (value, after) = match (cardinal.last_scale, trailing_scale) {
                    (None, Some(scale)) => ((cardinal.value + fraction) * scale, after + 1),
                    (Some(_), Some(scale)) => (cardinal.value + fraction * scale, after + 1),
                    (Some(scale), None) => (cardinal.value + fraction * scale, after),
                    (None, None) => (cardinal.value + fraction, after),
                };
                return Some(Figure::exact(
                    value,
                    last_digit_place(value.round()).min(1.0),
                    after,
                    spelled,
                ));
            }
        }
        self.ratio(cardinal)
    }

    /// A fraction or rank right after a whole number: "three fifths",
    /// "twenty-three fifths" (shares), "twenty fifth", "two hundredth"
    /// (ranks).
    fn rank_or_share(&self, start: usize, cardinal: &Cardinal) -> Option<Figure> {
        let end = cardinal.end;
        let dash = usize::from(self.is_punct(end, "-"));
        let (denominator, plural, _) = self.denominator_at(end + dash)?;
        if !plural && cardinal.value > 1.0 {
            let rank = match cardinal.last {
                Atom::Tens if denominator < 10.0 => cardinal.value + denominator,
                Atom::Hundred | Atom::Scale if denominator < 100.0 => cardinal.value + denominator,
                _ if denominator >= 100.0 => cardinal.value * denominator,
                _ => return None,
            };
            let mut figure = Figure::exact(rank, 1.0, end + dash + 1, true);
            figure.shape = Shape::Ordinal;
            return Some(figure);
        }
        self.fraction_at(end, cardinal.value, start)
    }

    /// Whether the word at `index` is a numerator of one: "a third", "one
    /// half".
    fn stands_for_one(&self, index: usize) -> bool {
        self.word(index)
            .is_some_and(|word| lexicon::is_indefinite_article(word) || word == "one")
    }

    /// "a half", "one third", "three fifths", "two-thirds": the value and
    /// where it ends; no scale, no judgement of what follows.
    fn simple_fraction(&self, index: usize) -> Option<(f64, usize)> {
        let (numerator, at) = if self.stands_for_one(index) {
            (1.0, index + 1)
        } else {
            let cardinal = self.cardinal(index)?;
            (cardinal.value, cardinal.end)
        };
        let dash = usize::from(self.is_punct(at, "-"));
        let (denominator, _, end) = self.denominator_at(at + dash)?;
        Some((numerator / denominator, end))
    }

    /// A fraction whose numerator is `numerator` and whose denominator
    /// word is at `index` ("fifths"), or that starts there ("a half", "a
    /// quarter", "one third"), with any scale after it ("half a million").
    /// `start` is where the figure began.
    fn fraction_at(&self, index: usize, numerator: f64, start: usize) -> Option<Figure> {
        let (numerator, at) = if index == start && self.stands_for_one(index) {
            (1.0, index + 1)
        } else {
            (numerator, index)
        };
        let dash = usize::from(self.is_punct(at, "-"));
        let word = self.word(at + dash)?;
        let (denominator, plural, end) = self.denominator_at(at + dash)?;
        let is_half_or_quarter = matches!(word, "half" | "halves" | "quarter" | "quarters");
        let next = self.word(end);
        let scale_follows = next.is_some_and(|next| lexicon::scale(next).is_some());
        // "a third of", "a fifth." are shares; "a third party" is a rank.
        let before_noun =
            next.is_some_and(|next| !lexicon::ends_noun_phrase(next)) && !scale_follows;
        if !plural && !is_half_or_quarter && before_noun {
            return None;
        }
        // A bare "half" or "quarter" is a figure only where it cannot be a
        // noun: "half of", "half a million", "quarter million", "more than half".
        let bare = at == start;
        let noun_cannot_be_meant = matches!(next, Some("of" | "a" | "an"))
            || scale_follows
            || self.after_qualifier_word(start);
        if bare && is_half_or_quarter && !noun_cannot_be_meant {
            return None;
        }
        // A half or quarter that is a part of a year, a match or a game:
        // "the third quarter of the year", "the second half", "three
        // quarters in a row". A share's "quarters" end the phrase or go on
        // with "of" or a scale.
        let ranked = start
            .checked_sub(1)
            .and_then(|before| self.word(before))
            .is_some_and(|word| {
                lexicon::ordinal(word).is_some()
                    || matches!(
                        word,
                        "last" | "final" | "latter" | "former" | "opening" | "closing"
                    )
            });
        let period_noun = plural && next.is_some_and(|next| next != "of") && !scale_follows;
        if is_half_or_quarter && (ranked && bare || period_noun) {
            return None;
        }
        let share = numerator / denominator;
        let scaled = |scale: f64, end: usize| {
            let value = share * scale;
            Some(Figure::exact(
                value,
                last_digit_place(value.round()),
                end,
                true,
            ))
        };
        // "a quarter of a century", "half an hour", "half a percentage
        // point": a share of a unit of time or of a percentage point, read
        // with that unit, which is where the figure ends.
        let unit_at = |at: usize| {
            self.word(at)
                .and_then(vocab::unit)
                .is_some_and(|unit| unit.kind == Kind::Duration)
                || self.is_word(at, "percentage")
                    && self
                        .word(at + 1)
                        .is_some_and(|word| word.starts_with("point"))
        };
        match (next, self.word(end + 1), self.word(end + 2)) {
            (Some("of"), Some("a" | "an"), _) if unit_at(end + 2) => {
                Some(Figure::exact(share, SHARE_STEP, end + 2, true))
            }
            (Some("a" | "an"), ..) if is_half_or_quarter && unit_at(end + 1) => {
                Some(Figure::exact(share, SHARE_STEP, end + 1, true))
            }
            // "two thirds of a million"
            (Some("of"), Some("a"), Some(scale)) if lexicon::scale(scale).is_some() => {
                scaled(lexicon::scale(scale)?, end + 3)
            }
            // "half a million", "half a dozen"
            (Some("a" | "an"), Some(scale), _)
                if lexicon::scale(scale).is_some() || scale == "dozen" =>
            {
                scaled(lexicon::scale(scale).unwrap_or(12.0), end + 2)
            }
            // "half million", "three quarters billion"
            (Some(scale), ..) if lexicon::scale(scale).is_some() => {
                scaled(lexicon::scale(scale)?, end + 1)
            }
            _ => {
                let mut figure = Figure::exact(share, SHARE_STEP, end, true);
                figure.shape = Shape::Fraction;
                Some(figure)
            }
        }
    }

    /// The denominator of a fraction at `index`, whether it is plural, and
    /// where it ends: "fifths", "a quarter", "twenty-firsts".
    fn denominator_at(&self, index: usize) -> Option<(f64, bool, usize)> {
        let word = self.word(index)?;
        if let Some(tens) = lexicon::tens(word) {
            let glued_dash =
                self.is_punct(index + 1, "-") && self.glued(index + 1) && self.glued(index + 2);
            let unit_word = self.word(index + 2).filter(|_| glued_dash)?;
            let (unit, plural) = lexicon::denominator(unit_word).or_else(|| {
                matches!(unit_word, "first" | "firsts" | "second" | "seconds").then(|| {
                    (
                        if unit_word.starts_with('f') { 1.0 } else { 2.0 },
                        unit_word.ends_with('s'),
                    )
                })
            })?;
            return (unit < 10.0).then_some((tens + unit, plural, index + 3));
        }
        let (denominator, plural) = lexicon::denominator(word)?;
        Some((denominator, plural, index + 1))
    }

    /// Whether the word before `index` ends a qualifier ("more than half",
    /// "nearly half", "at least half").
    fn after_qualifier_word(&self, index: usize) -> bool {
        index
            .checked_sub(1)
            .and_then(|before| self.word(before))
            .is_some_and(|word| {
                matches!(
                    word,
                    "than"
                        | "about"
                        | "around"
                        | "nearly"
                        | "almost"
                        | "over"
                        | "under"
                        | "roughly"
                        | "some"
                        | "just"
                        | "exactly"
                        | "least"
                        | "most"
                        | "only"
                )
            })
    }

    /// "1 in 5", "two out of three", "one over three": a share.
    fn ratio(&self, cardinal: &Cardinal) -> Option<Figure> {
        let end = cardinal.end;
        let (after, over) = match self.word(end) {
            Some("in") => (end + 1, false),
            Some("over") => (end + 1, true),
            Some("out") if self.is_word(end + 1, "of") => (end + 2, false),
            _ => return None,
        };
        let whole = self.cardinal(after)?;
        // "one in 2020" is a time, not a ratio.
        let is_year = whole.digits_only && whole.value >= 1000.0;
        if is_year || cardinal.value.fract() != 0.0 || whole.value == 0.0 {
            return None;
        }
        // "over" divides only when nothing is measured or counted after it:
        // "one over three", but "2,000 over five years", "one over par".
        let counts_after = self
            .word(whole.end)
            .is_some_and(|next| !lexicon::ends_noun_phrase(next));
        if over && counts_after || !over && whole.value <= cardinal.value {
            return None;
        }
        let mut figure = Figure::exact(cardinal.value / whole.value, SHARE_STEP, whole.end, true);
        figure.shape = Shape::Fraction;
        Some(figure)
    }

    /// Digits in words after "point": "zero three" is .03, "seventy-one" .71.
    fn decimal_words(&self, index: usize) -> Option<(f64, i32, usize)> {
        let mut digits = String::new();
        let mut position = index;
        while let Some((atom, value, end)) = self.atom(position) {
            if !matches!(
                atom,
                Atom::Units | Atom::Teens | Atom::Compound | Atom::Tens
            ) {
                break;
            }
            let _ = write!(digits, "{value}");
            position = end;
        }
        if digits.is_empty() {
            return None;
        }
        let decimals: f64 = format!("0.{digits}").parse().ok()?;
        let nonzero = digits.bytes().any(|digit| digit != b'0');
        let places = i32::try_from(digits.len()).unwrap_or(i32::MAX);
        Some((unless_lost(decimals, nonzero), places, position))
    }

    /// The atom of a number at `index`, its value, and where it ends.
    fn atom(&self, index: usize) -> Option<(Atom, f64, usize)> {
        let token = self.token(index)?;
        if token.kind == TokenKind::Figure {
            let is_whole = token.text.bytes().all(|b| b.is_ascii_digit());
            return is_whole.then(|| (Atom::Digits, token.text.parse().unwrap_or(0.0), index + 1));
        }
        let word = self.word(index)?;
        if let Some(value) = lexicon::unit_number(word) {
            let atom = if value < 10.0 {
                Atom::Units
            } else {
                Atom::Teens
            };
            return Some((atom, value, index + 1));
        }
        if let Some(tens) = lexicon::tens(word) {
            // "twenty-one", and "fifty - two" with the dash set apart.
            let unit = self
                .is_punct(index + 1, "-")
                .then(|| self.word(index + 2).and_then(lexicon::unit_number))
                .flatten();
            return Some(match unit {
                Some(unit) if (1.0..10.0).contains(&unit) => {
                    (Atom::Compound, tens + unit, index + 3)
                }
                _ => (Atom::Tens, tens, index + 1),
            });
        }
        match word {
            "hundred" => Some((Atom::Hundred, 100.0, index + 1)),
            _ if lexicon::is_dozen(word) => Some((Atom::Dozen, 12.0, index + 1)),
            "and" => Some((Atom::And, 0.0, index + 1)),
            _ => lexicon::scale(word).map(|scale| (Atom::Scale, scale, index + 1)),
        }
    }

    /// A whole number in words, digits or both: "one hundred and twelve",
    /// "twenty-one trillion three hundred", "4 thousand 3 hundred and 21",
    /// "three lakh crore", "a dozen".
    ///
    /// Each is remembered: the number at a token looks past an "and" at
    /// the number after it, which looks past its own, so a run of "5
    /// thousand and 5 thousand and …" asks for each many times over. The
    /// numbers after each "and" of the run of words from `index` are read
    /// from the last back, so that each look past an "and" finds its
    /// answer and reading never nests deeper than one number in another.
    /// The run is followed only up to a number already read, after which
    /// every one has been.
    fn cardinal(&self, index: usize) -> Option<Cardinal> {
        if let Kept::Answered(cardinal) = self.kept_cardinal(index) {
            return cardinal;
        }
        let mut run_end = index + 1;
        while (self.atom(run_end).is_some()
            || self
                .word(run_end)
                .is_some_and(lexicon::is_indefinite_article))
            && matches!(self.kept_cardinal(run_end), Kept::Unasked)
        {
            run_end += 1;
        }
        let after_and = (index + 1..run_end).filter(|&at| self.is_word(at - 1, "and"));
        for at in after_and.rev() {
            if let Kept::Unasked = self.kept_cardinal(at) {
                let cardinal = self.read_cardinal(at);
                self.keep_cardinal(at, cardinal);
            }
        }
        let cardinal = self.read_cardinal(index);
        self.keep_cardinal(index, cardinal);
        cardinal
    }

    fn kept_cardinal(&self, index: usize) -> Kept<Cardinal> {
        let cardinals = self.memory.cardinals.borrow();
        cardinals.get(index).copied().unwrap_or(Kept::Unasked)
    }

    fn keep_cardinal(&self, index: usize, cardinal: Option<Cardinal>) {
        let mut cardinals = self.memory.cardinals.borrow_mut();
        if cardinals.len() <= index {
            cardinals.resize(self.tokens.len().max(index + 1), Kept::Unasked);
        }
        cardinals[index] = Kept::Answered(cardinal);
    }

    /// A whole number in words, digits or both, read afresh; see
    /// [`Self::cardinal`].
    fn read_cardinal(&self, index: usize) -> Option<Cardinal> {
        let mut position = index;
        let mut total = 0.0;
        let mut group = 0.0;
        let mut last = Atom::Start;
        let mut last_scale = None;
        let mut last_value = 0.0;
        let mut atoms = 0;
        if self
            .word(position)
            .is_some_and(lexicon::is_indefinite_article)
        {
            let next = self.atom(position + 1)?;
            if !matches!(next.0, Atom::Hundred | Atom::Scale | Atom::Dozen)
                || self.is_word(position + 1, "dozens")
            {
                return None;
            }
            group = 1.0;
            last_value = 1.0;
            last = Atom::Units;
            position += 1;
        }
        while let Some((atom, value, end)) = self.atom(position) {
            let fits = match atom {
                Atom::Units | Atom::Teens | Atom::Digits => {
                    matches!(last, Atom::Start | Atom::Hundred | Atom::Scale | Atom::And)
                        || (last == Atom::Tens && atom == Atom::Units)
                }
                Atom::Tens | Atom::Compound => {
                    matches!(last, Atom::Start | Atom::Hundred | Atom::Scale | Atom::And)
                }
                // A bare "hundred" or "thousand" starts a number only in lower case, so
                // "the Hundred Years' War" stays a name.
                Atom::Hundred | Atom::Scale if last == Atom::Start => {
                    !self.tokens[position].is_capitalized()
                }
                // "nineteen hundred", "322 hundred", "4 thousand 3 hundred"; not
                // "three hundred and two hundred".
                Atom::Hundred => last.is_number() && (group < 100.0 || atoms == 1),
                Atom::Scale => {
                    last.is_number() || matches!(last, Atom::Hundred | Atom::Scale | Atom::Dozen)
                }
                Atom::Dozen => last.is_number(),
                // "five billion and three quarters": the fraction is read after.
                // "1 million and 2 million" are two figures: after a scale,
                // "and" adds only what a smaller scale counts.
                Atom::And => {
                    matches!(last, Atom::Hundred | Atom::Scale)
                        && self.atom(end).is_some_and(|(next, ..)| next.is_number())
                        && !self
                            .simple_fraction(end)
                            .is_some_and(|(share, _)| share < 1.0)
                        && !(last == Atom::Scale
                            && self.cardinal(end).is_some_and(|after| {
                                after
                                    .last_scale
                                    .zip(last_scale)
                                    .is_some_and(|(after_scale, scale)| after_scale >= scale)
                            }))
                }
                Atom::Start => false,
            };
            if !fits {
                break;
            }
            match atom {
                Atom::Hundred => group = f64::max(group, 1.0) * 100.0,
                // "three hundred and two dozens": the dozens are the two.
                Atom::Dozen if group > last_value => group += last_value * 11.0,
                Atom::Dozen => group = f64::max(group, 1.0) * 12.0,
                Atom::Scale
                    if last == Atom::Scale
                        && group == 0.0
                        && last_scale.is_some_and(|previous| value > previous) =>
                {
                    // "three lakh crore", "a thousand million"
                    total *= value;
                }
                Atom::Scale => {
                    total += f64::max(group, 1.0) * value;
                    group = 0.0;
                }
                Atom::And => {}
                _ => {
                    group += value;
                    last_value = value;
                }
            }
            if atom == Atom::Scale {
                last_scale = Some(value);
            }
            last = atom;
            position = end;
            atoms += 1;
        }
        if atoms == 0 {
            return None;
        }
        let digits_only = atoms == 1 && last == Atom::Digits;
        Some(Cardinal {
            value: total + group,
            end: position,
            last,
            last_scale,
            digits_only,
        })
    }

    /// A second figure making a range: "200-300", "200 to 300", "two or
    /// three", "20~100", "20 through 100", "between 2 and 3 million". The
    /// scale of the second applies to the first ("2-3 million").
    pub(super) fn range_tail(
        &self,
        start: usize,
        opener: Option<&str>,
        first: &Figure,
        has_currency: bool,
    ) -> Option<(Amount, usize)> {
        let joint = first.end;
        let word_after = self.word(joint);
        let is_range = match opener {
            Some("between") => word_after == Some("and"),
            Some(_) => word_after == Some("to") && !self.follows_change_verb(start),
            None => {
                let dash = self.token(joint).is_some_and(|token| {
                    token.kind == TokenKind::Punct && matches!(token.text, "-" | "–" | "~")
                });
                dash || matches!(word_after, Some("through" | "thru"))
                    || (matches!(word_after, Some("to" | "or")) && !self.follows_change_verb(start))
            }
        };
        // "fell from 86% in 2019 to 81%": a year after "in" is a time, and
        // the "to" goes on with the change.
        let year_in = first.bare_digits == Some(4)
            && start
                .checked_sub(1)
                .is_some_and(|before| self.is_word(before, "in"));
        if !is_range || first.shape != Shape::Amount || year_in {
            return None;
        }
        let second_start = joint + 1 + usize::from(self.currency_prefix(joint + 1).is_some());
        let second = self.figure_at(second_start, has_currency)?;
        // Words joined by a dash are a compound ("fifty-two") or a code
        // ("three-nought-four"), not a range.
        let dash_between_words = first.spelled && word_after.is_none();
        if second.shape != Shape::Amount || dash_between_words {
            return None;
        }
        let (Some(low), Some(high)) = (first.value(), second.value()) else {
            return None;
        };
        let low = match (first.magnitude, second.magnitude) {
            (None, Some(magnitude)) => low * magnitude,
            _ => low,
        };
        // "2020-21"
        let high = match (first.bare_digits, second.bare_digits) {
            (Some(4), Some(2)) => (low / 100.0).floor() * 100.0 + high,
            _ => high,
        };
        // "won 3-1" is a score, not a range; "10 billion or 10 trillion" are
        // alternatives, where "two or three" is a range.
        let alternatives = word_after == Some("or") && high > 2.0 * low.abs().max(1.0);
        (low < high && !alternatives).then_some((between(low, high), second.end))
    }

    /// Whether a verb of change comes before `start` in its clause: "rose
    /// from 200 to 300", "raised the rate paid by companies from 13.8% to
    /// 15%".
    pub(super) fn follows_change_verb(&self, start: usize) -> bool {
        let near = (start.saturating_sub(3)..start)
            .any(|index| self.word(index).is_some_and(lexicon::is_change_verb));
        near || self
            .nearest_in_clause_before(&self.memory.change_before, start, |token| {
                (token.kind == TokenKind::Word && lexicon::is_change_verb_form(&token.lower))
                    .then_some(())
            })
            .is_some()
    }
}

/// A fraction written with digits, as a share of a whole.
fn digit_share(value: f64, end: usize) -> Figure {
    let mut figure = Figure::exact(value, SHARE_STEP, end, false);
    figure.shape = Shape::Fraction;
    figure
}

/// The value of a figure token: digits with separators, decimals, an
/// exponent ("1.3e6"), or a vulgar fraction ("½").
fn parse_digits(text: &str) -> f64 {
    if let Some(share) = vulgar_fraction(text) {
        return share;
    }
    let negative = text.starts_with('\u{2212}');
    let cleaned: String = text
        .chars()
        .filter(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'))
        .collect();
    let value = cleaned.parse::<f64>().unwrap_or(0.0);
    let mantissa = cleaned.split(['e', 'E']).next().unwrap_or_default();
    let value = unless_lost(
        value,
        mantissa.bytes().any(|byte| matches!(byte, b'1'..=b'9')),
    );
    if negative { -value } else { value }
}

/// `value`, computed from a figure written `nonzero` or not, or not a
/// number when a figure not zero came out as zero: it was too small for a
/// float to hold ("1e-400"), and zero would be a figure the text never
/// gave. [`super::mentions`] reads no figure that is not a number, nor
/// one that came out infinite.
fn unless_lost(value: f64, nonzero: bool) -> f64 {
    if value == 0.0 && nonzero {
        f64::NAN
    } else {
        value
    }
}

fn vulgar(text: &str) -> Option<(f64, f64)> {
    let mut chars = text.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    lexicon::VULGAR_FRACTIONS
        .iter()
        .find(|(fraction, ..)| *fraction == c)
        .map(|(_, numerator, denominator)| (*numerator, *denominator))
}

fn vulgar_fraction(text: &str) -> Option<f64> {
    vulgar(text).map(|(numerator, denominator)| numerator / denominator)
}

fn vulgar_denominator(text: &str) -> f64 {
    vulgar(text).map_or(1.0, |(_, denominator)| denominator)
}

/// The place value of the last digit a figure was written with: 1,000 for
/// "2,000", 100 for "6,500", 0.1 for "1.5", 0.01 for "4.80", and for
/// "1.3e6" 100,000.
fn written_step(text: &str) -> f64 {
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(at) => (&text[..at], text[at + 1..].parse::<i32>().unwrap_or(0)),
        None => (text, 0),
    };
    let scale = 10f64.powi(exponent);
    if let Some((_, decimals)) = mantissa.split_once('.') {
        let places = decimals.bytes().filter(u8::is_ascii_digit).count();
        return 10f64.powi(-i32::try_from(places).unwrap_or(i32::MAX)) * scale;
    }
    let digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    let trailing_zeros = digits
        .iter()
        .rev()
        .take_while(|digit| **digit == b'0')
        .count();
    if trailing_zeros == digits.len() {
        return scale;
    }
    10f64.powi(i32::try_from(trailing_zeros).unwrap_or(i32::MAX)) * scale
}

/// The place value of the last non-zero digit of a whole number: 1,000 for
/// 2,000, 1 for 25, 100,000 for 500,000.
pub(super) fn last_digit_place(value: f64) -> f64 {
    if value == 0.0 || value.fract() != 0.0 {
        return 1.0;
    }
    let mut place = 1.0;
    while (value / (place * 10.0)).fract() == 0.0 && place < 1e15 {
        place *= 10.0;
    }
    place
}
