//! The grammar of number phrases, run over the tokens of one sentence.
//!
//! At each token it tries, in order: a date, a decade, an ordinal, and a
//! quantity: an optional qualifier ("more than"), an optional currency, a
//! figure in digits or words, an optional second figure making a range, an
//! optional unit of measure, and the noun counted. The first that matches
//! is taken and scanning resumes after it.

use claimcheck_core::{Mention, Noun, NounRole, Qualifier, Reading, Span, calendar, vocab};

use crate::lexicon;
use crate::tokens::{Token, TokenKind};

pub(crate) fn mentions(tokens: &[Token<'_>], sentence: Span, found: &mut Vec<Mention>) {
    let grammar = Grammar { tokens, sentence };
    let mut index = 0;
    while index < tokens.len() {
        match grammar.mention_at(index) {
            Some((mention, next)) => {
                found.push(mention);
                index = next;
            }
            None => index += 1,
        }
    }
}

struct Grammar<'a, 't> {
    tokens: &'a [Token<'t>],
    sentence: Span,
}

/// A figure as written, before any range, unit or noun.
#[derive(Clone, Copy, Debug)]
struct Figure {
    end: usize,
    amount: Amount,
    /// The scale word or abbreviation applied ("million" in "1.5 million").
    magnitude: Option<f64>,
    /// Written in digits with no separator, sign or decimals: may be a year.
    bare_digits: Option<usize>,
    spelled: bool,
}

#[derive(Clone, Copy, Debug)]
enum Amount {
    Exact { value: f64, step: f64 },
    Vague { low: f64, high: f64 },
}

/// A parsed quantity: everything of a mention but its qualifier.
struct Quantity {
    end: usize,
    reading: Reading,
    unit: Option<String>,
    noun: Option<Noun>,
}

impl Grammar<'_, '_> {
    fn token(&self, index: usize) -> Option<&Token<'_>> {
        self.tokens.get(index)
    }

    fn word(&self, index: usize) -> Option<&str> {
        self.token(index)
            .filter(|token| token.kind == TokenKind::Word)
            .map(|token| token.lower.as_str())
    }

    fn is_word(&self, index: usize, word: &str) -> bool {
        self.word(index) == Some(word)
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

    fn mention_at(&self, index: usize) -> Option<(Mention, usize)> {
        if let Some(found) = self
            .date_at(index)
            .or_else(|| self.decade_at(index))
            .or_else(|| self.ordinal_at(index))
        {
            return Some(found);
        }
        let (qualifier, after_qualifier) = match self.qualifier_at(index) {
            Some((qualifier, after)) => (qualifier, after),
            None => (Qualifier::Exact, index),
        };
        let mut start = after_qualifier;
        let quantity = loop {
            if let Some(quantity) = self.quantity_at(start, qualifier) {
                break quantity;
            }
            // "up to another two decades": fillers may stand between a
            // qualifier and its figure, but nothing else may.
            if qualifier == Qualifier::Exact || !self.word(start).is_some_and(lexicon::is_filler) {
                return None;
            }
            start += 1;
        };
        let qualifier = if matches!(quantity.reading, Reading::Range { .. }) {
            Qualifier::Range
        } else {
            qualifier
        };
        // "the two countries" restates a count; "the six-week war" still
        // asserts how long the war was.
        let refers_back = quantity.unit.is_none()
            && index
                .checked_sub(1)
                .and_then(|before| self.word(before))
                .is_some_and(lexicon::refers_back);
        let mention = Mention {
            span: self.span(index, quantity.end),
            sentence: self.sentence,
            qualifier,
            reading: quantity.reading,
            unit: quantity.unit,
            noun: quantity.noun,
            refers_back,
        };
        Some((mention, quantity.end))
    }

    fn qualifier_at(&self, index: usize) -> Option<(Qualifier, usize)> {
        lexicon::QUALIFIERS.iter().find_map(|(words, qualifier)| {
            let matches = words
                .iter()
                .enumerate()
                .all(|(offset, word)| self.is_word(index + offset, word));
            matches.then_some((*qualifier, index + words.len()))
        })
    }

    // ---- Dates -----------------------------------------------------------

    fn date_at(&self, index: usize) -> Option<(Mention, usize)> {
        let (year, month, day, end) = self
            .iso_date_at(index)
            .or_else(|| self.month_first_date_at(index))
            .or_else(|| self.day_first_date_at(index))?;
        if let Some(day) = day {
            let exists = match year {
                Some(year) => calendar::date(year, month, day).is_some(),
                // Without a year, 29 February may still exist.
                None => calendar::date(2000, month, day).is_some(),
            };
            if !exists {
                return None;
            }
        }
        Some(self.context_mention(index, end, Reading::Date { year, month, day }))
    }

    fn context_mention(&self, start: usize, end: usize, reading: Reading) -> (Mention, usize) {
        let mention = Mention {
            span: self.span(start, end),
            sentence: self.sentence,
            qualifier: Qualifier::Exact,
            reading,
            unit: None,
            noun: None,
            refers_back: false,
        };
        (mention, end)
    }

    /// `2022-10-31`
    fn iso_date_at(&self, index: usize) -> Option<(Option<i32>, u8, Option<u8>, usize)> {
        let year = self.digits_of_length(index, 4)?;
        let month =
            (self.is_punct(index + 1, "-") && self.glued(index + 1) && self.glued(index + 2))
                .then(|| self.digits_of_length(index + 2, 2))??;
        let day = (self.is_punct(index + 3, "-") && self.glued(index + 3) && self.glued(index + 4))
            .then(|| self.digits_of_length(index + 4, 2))??;
        Some((
            Some(year as i32),
            u8::try_from(month).ok()?,
            Some(u8::try_from(day).ok()?),
            index + 5,
        ))
    }

    /// "October 31, 2022", "Oct. 3", "October 2022", "in August".
    fn month_first_date_at(&self, index: usize) -> Option<(Option<i32>, u8, Option<u8>, usize)> {
        let (month, mut next) = self.month_at(index)?;
        if let Some(day) = self.day_at(next) {
            let mut end = next + 1;
            let comma = usize::from(self.is_punct(end, ","));
            let year = self.year_digits(end + comma);
            if year.is_some() {
                end += comma + 1;
            }
            return Some((year, month, Some(day), end));
        }
        if let Some(year) = self.year_digits(next) {
            return Some((Some(year), month, None, next + 1));
        }
        // A month alone is a date only after words that expect one, and
        // only in full ("in August", "mid-August"), so "May" the verb and
        // names like "Mar" stay words.
        let before = if self.is_punct(index.checked_sub(1)?, "-") && self.glued(index) {
            index.checked_sub(2)?
        } else {
            index - 1
        };
        let month_word = self.word(index)?;
        if lexicon::introduces_month(self.word(before)?) && lexicon::is_full_month_name(month_word)
        {
            next = index + 1;
            return Some((None, month, None, next));
        }
        None
    }

    /// "31 October 2022", "3rd of October".
    fn day_first_date_at(&self, index: usize) -> Option<(Option<i32>, u8, Option<u8>, usize)> {
        let day = self.day_at(index)?;
        let of = usize::from(self.is_word(index + 1, "of"));
        let (month, end) = self.month_at(index + 1 + of)?;
        match self.year_digits(end) {
            Some(year) => Some((Some(year), month, Some(day), end + 1)),
            None => Some((None, month, Some(day), end)),
        }
    }

    /// A capitalized month name, with the period of an abbreviation.
    fn month_at(&self, index: usize) -> Option<(u8, usize)> {
        let token = self.token(index)?;
        if token.kind != TokenKind::Word || !token.is_capitalized() {
            return None;
        }
        let month = lexicon::month(&token.lower)?;
        let abbreviated = !lexicon::is_full_month_name(&token.lower);
        let period = abbreviated && self.is_punct(index + 1, ".") && self.glued(index + 1);
        Some((month, index + 1 + usize::from(period)))
    }

    fn day_at(&self, index: usize) -> Option<u8> {
        let token = self.token(index)?;
        let digits = match token.kind {
            TokenKind::Figure if token.text.len() <= 2 => token.text,
            TokenKind::Ordinal if token.text.len() <= 4 => &token.text[..token.text.len() - 2],
            _ => return None,
        };
        let day: u8 = digits.parse().ok()?;
        (1..=31).contains(&day).then_some(day)
    }

    fn digits_of_length(&self, index: usize, length: usize) -> Option<u32> {
        let token = self.token(index)?;
        let is_digits = token.kind == TokenKind::Figure
            && token.text.len() == length
            && token.text.bytes().all(|b| b.is_ascii_digit());
        is_digits.then(|| token.text.parse().ok())?
    }

    fn year_digits(&self, index: usize) -> Option<i32> {
        let year = self.digits_of_length(index, 4)? as i32;
        is_plausible_year(f64::from(year)).then_some(year)
    }

    // ---- Decades and ordinals -------------------------------------------

    /// "the 1990s", "the '90s", "the early 2000s".
    fn decade_at(&self, index: usize) -> Option<(Mention, usize)> {
        let (start, token) = match self.word(index) {
            Some("early" | "mid" | "late") => {
                let dash = usize::from(self.is_punct(index + 1, "-"));
                (index, self.token(index + 1 + dash)?)
            }
            _ => (index, self.token(index)?),
        };
        if token.kind != TokenKind::Decade {
            return None;
        }
        let digits: String = token.text.chars().filter(char::is_ascii_digit).collect();
        let first: i32 = digits.parse().ok()?;
        let first = match digits.len() {
            2 if first >= 30 => 1900 + first,
            2 => 2000 + first,
            _ => first,
        };
        let (first, last) = match self.word(start) {
            Some("early") => (first, first + 3),
            Some("mid") => (first + 3, first + 6),
            Some("late") => (first + 6, first + 9),
            _ => (first, first + 9),
        };
        let end = self.tokens[start..]
            .iter()
            .position(|t| std::ptr::eq(t, token))
            .map_or(start + 1, |offset| start + offset + 1);
        Some(self.context_mention(start, end, Reading::Years { first, last }))
    }

    /// "second", "21st", "twenty-first", "21st-century".
    fn ordinal_at(&self, index: usize) -> Option<(Mention, usize)> {
        let token = self.token(index)?;
        let (value, end) = match token.kind {
            TokenKind::Ordinal => (token.text[..token.text.len() - 2].parse().ok()?, index + 1),
            TokenKind::Word => {
                if let Some(value) = lexicon::ordinal(&token.lower) {
                    (value, index + 1)
                } else {
                    let tens = lexicon::tens(&token.lower)?;
                    let glued_dash = self.is_punct(index + 1, "-")
                        && self.glued(index + 1)
                        && self.glued(index + 2);
                    let unit =
                        glued_dash.then(|| self.word(index + 2).and_then(lexicon::ordinal))??;
                    if unit >= 10.0 {
                        return None;
                    }
                    (tens + unit, index + 3)
                }
            }
            _ => return None,
        };
        Some(self.context_mention(index, end, Reading::Ordinal { value }))
    }

    // ---- Quantities -------------------------------------------------------

    fn quantity_at(&self, start: usize, qualifier: Qualifier) -> Option<Quantity> {
        let opener = self
            .word(start)
            .filter(|word| matches!(*word, "between" | "from"));
        let figure_start = start + usize::from(opener.is_some());
        let (currency, figure_start) = match self.currency_prefix(figure_start) {
            Some((currency, next)) => (Some(currency), next),
            None => (None, figure_start),
        };
        if self.is_label(figure_start) {
            return None;
        }
        let first = self.figure_at(figure_start, currency.is_some())?;
        let (amount, mut end, is_range) =
            match self.range_tail(start, opener, &first, currency.is_some()) {
                Some((amount, end)) => (amount, end, true),
                None if opener.is_some() => return None,
                None => (first.amount, first.end, false),
            };
        // A bare four-digit figure between 1000 and 2100 is a year unless it
        // counts something ("2020 troops") or a qualifier, currency or unit
        // makes it an amount.
        let unit = if currency.is_some() {
            None
        } else if matches!(amount, Amount::Vague { .. }) && self.is_word(end, "of") {
            // "hundreds of millions of dollars": only money follows an "of".
            self.unit_at(end + 1, &first).filter(|(spelling, ..)| {
                vocab::unit(spelling).is_some_and(|unit| unit.kind == claimcheck_core::Kind::Money)
            })
        } else {
            self.unit_at(end, &first)
        };
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
        let mut unit_spelling = currency;
        let mut compound = false;
        let mut ago = false;
        if let Some((spelling, unit_end, is_compound)) = unit {
            end = unit_end;
            compound = is_compound;
            if !compound
                && self.is_word(end, "ago")
                && vocab::unit(&spelling).is_some_and(|unit| unit.base == "days")
            {
                ago = true;
                end += 1;
            }
            unit_spelling = Some(spelling);
        }
        let reading = match amount {
            Amount::Exact { value, step } if ago => Reading::Ago { value, step },
            Amount::Exact { value, step } => Reading::Figure { value, step },
            Amount::Vague { low, high } if is_range => Reading::Range { low, high },
            Amount::Vague { low, high } => Reading::Vague { low, high },
        };
        let counts_after_of = matches!(amount, Amount::Vague { .. })
            || unit_spelling
                .as_deref()
                .is_some_and(|unit| vocab::unit(unit).is_some_and(|unit| unit.base == "percent"));
        let noun = if compound {
            self.modified_noun(end)
        } else if unit_spelling.is_none() || counts_after_of {
            let singular = matches!(amount, Amount::Exact { value, .. } if value == 1.0);
            self.counted_noun(end, singular, counts_after_of)
        } else {
            None
        };
        let is_one = first.spelled
            && first.end == figure_start + 1
            && matches!(amount, Amount::Exact { value, .. } if value == 1.0);
        if is_one && self.one_is_a_pronoun(start, noun.is_some() || unit_spelling.is_some()) {
            return None;
        }
        Some(Quantity {
            end,
            reading,
            unit: unit_spelling,
            noun,
        })
    }

    /// "one" is a pronoun far more often than a figure: it is read only when
    /// it counts something ("one war"), never in "one of", "no one".
    fn one_is_a_pronoun(&self, start: usize, counts_something: bool) -> bool {
        let after_determiner = start
            .checked_sub(1)
            .and_then(|before| self.word(before))
            .is_some_and(lexicon::makes_one_a_pronoun);
        after_determiner || !counts_something
    }

    /// Whether the figure at `index` names rather than counts: "COVID-19",
    /// "F-16", "#1", "No. 10", "Resolution 2334".
    fn is_label(&self, index: usize) -> bool {
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

    /// "$", "US$", "€", or an ISO code in capitals ("USD 5m").
    fn currency_prefix(&self, index: usize) -> Option<(String, usize)> {
        let token = self.token(index)?;
        match token.kind {
            TokenKind::Symbol if token.text != "%" && token.text != "°" => {
                Some((token.text.to_string(), index + 1))
            }
            TokenKind::Word
                if self.token(index + 1).is_some_and(|next| next.text == "$")
                    && self.glued(index + 1) =>
            {
                let spelling = format!("{}$", token.lower);
                vocab::unit(&spelling)
                    .is_some()
                    .then_some((spelling, index + 2))
            }
            TokenKind::Word
                if token.text.len() == 3 && token.text.chars().all(|c| c.is_ascii_uppercase()) =>
            {
                let is_money = vocab::unit(&token.lower)
                    .is_some_and(|unit| unit.kind == claimcheck_core::Kind::Money);
                let figure_follows = self
                    .token(index + 1)
                    .is_some_and(|next| next.kind == TokenKind::Figure);
                (is_money && figure_follows).then(|| (token.lower.clone(), index + 1))
            }
            _ => None,
        }
    }

    fn figure_at(&self, index: usize, has_currency: bool) -> Option<Figure> {
        let token = self.token(index)?;
        match token.kind {
            TokenKind::Figure => Some(self.digits_figure(index, has_currency)),
            TokenKind::Word => self
                .vague_figure(index)
                .or_else(|| self.spelled_figure(index)),
            _ => None,
        }
    }

    fn digits_figure(&self, index: usize, has_currency: bool) -> Figure {
        let text = self.tokens[index].text;
        let digits: String = text
            .chars()
            .filter(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'))
            .collect();
        let negative = text.starts_with('\u{2212}');
        let value = digits.parse::<f64>().unwrap_or(0.0) * if negative { -1.0 } else { 1.0 };
        let step = written_step(text);
        let bare = text
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then_some(text.len());
        let mut figure = Figure {
            end: index + 1,
            amount: Amount::Exact { value, step },
            magnitude: None,
            bare_digits: bare,
            spelled: false,
        };
        let next = index + 1;
        let magnitude = match self.word(next) {
            Some(word) if !self.glued(next) || lexicon::scale(word).is_some() => {
                lexicon::scale(word).or_else(|| {
                    // "$5 bn" keeps its abbreviation across a space only after a currency.
                    (has_currency && matches!(word, "bn" | "mn" | "m" | "tn"))
                        .then(|| lexicon::magnitude_abbreviation(word))
                        .flatten()
                })
            }
            Some(word) => match word {
                "m" | "b" if !has_currency => None,
                _ => lexicon::magnitude_abbreviation(word),
            },
            None => None,
        };
        if let Some(magnitude) = magnitude {
            figure.amount = Amount::Exact {
                value: value * magnitude,
                step: step * magnitude,
            };
            figure.magnitude = Some(magnitude);
            figure.bare_digits = None;
            figure.end = next + 1;
        } else if self.is_word(next, "dozen") {
            figure.amount = Amount::Exact {
                value: value * 12.0,
                step: step * 12.0,
            };
            figure.bare_digits = None;
            figure.end = next + 1;
        }
        figure
    }

    /// "several", "dozens", "hundreds", "tens of thousands", "several hundred".
    fn vague_figure(&self, index: usize) -> Option<Figure> {
        let word = self.word(index)?;
        let vague = |low: f64, high: f64, end: usize| Figure {
            end,
            amount: Amount::Vague { low, high },
            magnitude: None,
            bare_digits: None,
            spelled: true,
        };
        if word == "several" {
            if let Some(scale) = self
                .word(index + 1)
                .and_then(|next| lexicon::scale(next).or((next == "dozen").then_some(12.0)))
            {
                return Some(vague(3.0 * scale, 9.0 * scale, index + 2));
            }
        }
        if matches!(word, "tens" | "hundreds") && self.is_word(index + 1, "of") {
            let of_scale = match self.word(index + 2) {
                Some("thousands") => Some(1e3),
                Some("millions") => Some(1e6),
                Some("billions") => Some(1e9),
                _ => None,
            };
            if let Some(of_scale) = of_scale {
                // "tens of thousands": from 20,000 up to a hundred thousand.
                let times = if word == "tens" { 10.0 } else { 100.0 };
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

    /// "two", "twenty-five", "one hundred and twelve", "two thousand",
    /// "a dozen", "half a million", "a quarter of a million", "a couple of".
    fn spelled_figure(&self, index: usize) -> Option<Figure> {
        if let Some(figure) = self.fraction_of_scale_at(index) {
            return Some(figure);
        }
        let mut position = index;
        let mut total = 0.0;
        let mut current = 0.0;
        let mut read_any = false;
        // What the last word was, to refuse sequences like "five six".
        let mut last_was_units = false;
        let mut last_was_scale = false;
        if matches!(self.word(position), Some("a" | "an")) {
            self.multiplier(position + 1)?;
            current = 1.0;
            position += 1;
        }
        while let Some(word) = self.word(position) {
            if let Some(value) = lexicon::unit_number(word) {
                if last_was_units
                    || (current % 100.0 != 0.0
                        && current % 100.0 < 20.0
                        && current != 0.0
                        && !last_was_scale)
                {
                    break;
                }
                current += value;
                last_was_units = true;
                last_was_scale = false;
            } else if let Some(value) = lexicon::tens(word) {
                if current % 100.0 != 0.0 {
                    break;
                }
                current += value;
                let dash_unit = self.is_punct(position + 1, "-")
                    && self.glued(position + 1)
                    && self.glued(position + 2);
                if let Some(unit) = dash_unit
                    .then(|| self.word(position + 2).and_then(lexicon::unit_number))
                    .flatten()
                {
                    if (1.0..10.0).contains(&unit) {
                        current += unit;
                        position += 2;
                    }
                }
                last_was_units = true;
                last_was_scale = false;
            } else if word == "hundred" || word == "dozen" {
                if !read_any && current == 0.0 {
                    break;
                }
                current = current.max(1.0) * if word == "hundred" { 100.0 } else { 12.0 };
                last_was_units = false;
                last_was_scale = true;
            } else if let Some(scale) = lexicon::scale(word) {
                if current == 0.0 {
                    break;
                }
                total += current * scale;
                current = 0.0;
                last_was_units = false;
                last_was_scale = true;
            } else if word == "and"
                && last_was_scale
                && self.word(position + 1).is_some_and(|next| {
                    lexicon::unit_number(next).is_some() || lexicon::tens(next).is_some()
                })
            {
                last_was_scale = false;
            } else {
                break;
            }
            read_any = true;
            position += 1;
        }
        if !read_any
            || (position == index + 1 && current + total == 0.0 && !self.is_word(index, "zero"))
        {
            return None;
        }
        Some(spelled(total + current, position))
    }

    /// "half a million", "a quarter of a million", "a couple of", "a score of".
    fn fraction_of_scale_at(&self, index: usize) -> Option<Figure> {
        match (self.word(index), self.word(index + 1), self.word(index + 2)) {
            (Some("half"), Some("a" | "an"), _) => self
                .multiplier(index + 2)
                .map(|scale| spelled(scale / 2.0, index + 3)),
            (Some("a"), Some("quarter"), Some("of")) if self.is_word(index + 3, "a") => self
                .multiplier(index + 4)
                .map(|scale| spelled(scale / 4.0, index + 5)),
            (Some("a"), Some("couple"), Some("of")) => Some(spelled(2.0, index + 3)),
            (Some("a"), Some("score"), Some("of")) => Some(spelled(20.0, index + 3)),
            _ => None,
        }
    }

    /// A word that multiplies what comes before it: "hundred", "million", "dozen".
    fn multiplier(&self, index: usize) -> Option<f64> {
        self.word(index)
            .and_then(|word| lexicon::scale(word).or((word == "dozen").then_some(12.0)))
    }

    /// A second figure making a range: "200-300", "200 to 300", "two or
    /// three", "between 2 and 3 million". The scale of the second applies
    /// to the first ("2-3 million").
    fn range_tail(
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
                    token.kind == TokenKind::Punct && matches!(token.text, "-" | "–")
                });
                dash || (matches!(word_after, Some("to" | "or"))
                    && !self.follows_change_verb(start))
            }
        };
        if !is_range {
            return None;
        }
        let second_start = joint + 1 + usize::from(self.currency_prefix(joint + 1).is_some());
        let second = self.figure_at(second_start, has_currency)?;
        if second.spelled != first.spelled {
            return None;
        }
        let (Amount::Exact { value: low, .. }, Amount::Exact { value: high, .. }) =
            (first.amount, second.amount)
        else {
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
        // "won 3-1" is a score, not a range.
        (low < high).then_some((Amount::Vague { low, high }, second.end))
    }

    fn follows_change_verb(&self, start: usize) -> bool {
        (start.saturating_sub(3)..start)
            .any(|index| self.word(index).is_some_and(lexicon::is_change_verb))
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
            Amount::Vague { low, high } if is_range => (low, high),
            Amount::Vague { .. } => return None,
        };
        if !is_plausible_year(first_year) || !is_plausible_year(last_year) {
            return None;
        }
        let introduced = start
            .checked_sub(1)
            .and_then(|before| self.word(before))
            .is_some_and(lexicon::introduces_year);
        if !introduced
            && self
                .counted_noun(first.end, false, false)
                .is_some_and(|noun| looks_plural(&noun.word))
        {
            return None;
        }
        Some(Reading::Years {
            first: first_year as i32,
            last: last_year as i32,
        })
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
            let unit = vocab::unit(word)?;
            if unit.kind == claimcheck_core::Kind::Money {
                return None;
            }
            let mut end = index + 2;
            // "a 10-year-old", "a six-week-long war"
            if self.is_punct(end, "-")
                && self.glued(end)
                && matches!(self.word(end + 1), Some("long" | "old"))
            {
                end += 2;
            }
            return Some((word.to_string(), end, true));
        }
        if token.kind != TokenKind::Word {
            return None;
        }
        if !token.space_before {
            // Glued: "5km", "10kg"; a glued "m" that is not a magnitude is metres.
            let spelling = if token.lower == "m" && figure.magnitude.is_none() {
                "metres"
            } else {
                token.lower.as_str()
            };
            return vocab::unit(spelling).map(|_| (spelling.to_string(), index + 1, false));
        }
        (1..=vocab::LONGEST_UNIT_PHRASE).rev().find_map(|length| {
            let words: Option<Vec<&str>> =
                (index..index + length).map(|at| self.word(at)).collect();
            let phrase = words?.join(" ");
            vocab::unit(&phrase).map(|_| (phrase, index + length, false))
        })
    }

    // ---- Nouns --------------------------------------------------------------

    /// The words of the noun phrase starting at `index`, with hyphenated
    /// compounds joined ("Armenian-populated").
    fn noun_phrase(&self, mut index: usize) -> Vec<(String, Span)> {
        let mut words = Vec::new();
        while words.len() < 4 {
            let Some(token) = self.token(index) else {
                break;
            };
            if token.kind != TokenKind::Word || lexicon::ends_noun_phrase(&token.lower) {
                break;
            }
            let mut word = token.lower.clone();
            let mut span = token.span;
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
            words.push((word, span));
        }
        words
    }

    /// The noun a figure counts: the first plural of the noun phrase after
    /// it ("2,000 Russian peacekeepers"), or its last word when the figure is
    /// one ("one war").
    fn counted_noun(&self, mut index: usize, singular: bool, after_of: bool) -> Option<Noun> {
        if after_of && self.is_word(index, "of") {
            index += 1;
            if matches!(self.word(index), Some("the" | "all" | "its" | "their")) {
                index += 1;
            }
        }
        while self.word(index).is_some_and(lexicon::is_noun_prefix) {
            index += 1;
        }
        let words = self.noun_phrase(index);
        let chosen = if singular {
            words.last()
        } else {
            words
                .iter()
                .find(|(word, _)| looks_plural(word))
                .or_else(|| (words.len() == 1).then(|| &words[0]))
        }?;
        Some(Noun {
            word: chosen.0.clone(),
            span: chosen.1,
            role: NounRole::Counted,
        })
    }

    /// The noun a compound describes: the head of the noun phrase after
    /// it ("a six-week war", "a 10-year development plan").
    fn modified_noun(&self, index: usize) -> Option<Noun> {
        let (word, span) = self.noun_phrase(index).pop()?;
        Some(Noun {
            word,
            span,
            role: NounRole::Modified,
        })
    }
}

/// A figure spelled in words, precise to its last non-zero digit.
fn spelled(value: f64, end: usize) -> Figure {
    Figure {
        end,
        amount: Amount::Exact {
            value,
            step: last_digit_place(value),
        },
        magnitude: None,
        bare_digits: None,
        spelled: true,
    }
}

fn is_plausible_year(value: f64) -> bool {
    value.fract() == 0.0 && (1000.0..=2100.0).contains(&value)
}

fn looks_plural(word: &str) -> bool {
    let last = word.rsplit('-').next().unwrap_or(word);
    lexicon::is_irregular_plural(last)
        || (last.len() > 3
            && last.ends_with('s')
            && !last.ends_with("ss")
            && !last.ends_with("us")
            && !last.ends_with("is"))
}

/// The place value of the last digit a figure was written with: 1,000 for
/// "2,000", 100 for "6,500", 0.1 for "1.5", 0.01 for "4.80".
fn written_step(text: &str) -> f64 {
    if let Some((_, decimals)) = text.split_once('.') {
        let places = decimals.bytes().filter(u8::is_ascii_digit).count();
        return 10f64.powi(-(places as i32));
    }
    let digits: Vec<u8> = text.bytes().filter(u8::is_ascii_digit).collect();
    let trailing_zeros = digits
        .iter()
        .rev()
        .take_while(|digit| **digit == b'0')
        .count();
    if trailing_zeros == digits.len() {
        return 1.0;
    }
    10f64.powi(trailing_zeros as i32)
}

/// The place value of the last non-zero digit of a whole number: 1,000 for
/// 2,000, 1 for 25, 100,000 for 500,000.
fn last_digit_place(value: f64) -> f64 {
    if value == 0.0 || value.fract() != 0.0 {
        return 1.0;
    }
    let mut place = 1.0;
    while (value / (place * 10.0)).fract() == 0.0 && place < 1e15 {
        place *= 10.0;
    }
    place
}
