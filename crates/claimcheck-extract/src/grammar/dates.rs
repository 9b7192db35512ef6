//! Dates, decades and single-word ordinals: figures that place events in
//! time or in order rather than count.

use claimcheck_core::{Mention, Qualifier, Reading, Tense, calendar};

use super::{Grammar, Step, is_plausible_year, puts_as_forecast};
use crate::lexicon;
use crate::tokens::{Token, TokenKind};

/// A date as written: its parts, the last day of the span of days it
/// opens, if it does, and the token after it.
struct Written {
    year: Option<i32>,
    month: u8,
    day: Option<u8>,
    through: Option<(u8, u8)>,
    end: usize,
}

impl Written {
    fn date(year: Option<i32>, month: u8, day: Option<u8>, end: usize) -> Written {
        Written {
            year,
            month,
            day,
            through: None,
            end,
        }
    }
}

impl Grammar<'_, '_> {
    pub(super) fn date_at(&self, index: usize) -> Option<(Mention, usize)> {
        let first = self
            .iso_date_at(index)
            .or_else(|| self.month_first_date_at(index))
            .or_else(|| self.day_span_first_at(index))
            .or_else(|| self.day_first_date_at(index))?;
        let written = self.span_end_at(index, &first).unwrap_or(first);
        // Without a year, 29 February may still exist.
        let exists =
            |month, day| calendar::date(written.year.unwrap_or(2000), month, day).is_some();
        let days_exist = written.day.is_none_or(|day| exists(written.month, day))
            && written
                .through
                .is_none_or(|(month, day)| exists(month, day));
        if !days_exist {
            return None;
        }
        let tense = match written.year {
            Some(_) => Tense::Unmarked,
            None => match self.tense_before(index) {
                Tense::Unmarked => self.tense_after(written.end),
                tense => tense,
            },
        };
        let reading = Reading::Date {
            year: written.year,
            month: written.month,
            day: written.day,
            through: written.through,
            tense,
        };
        Some(self.context_mention(index, written.end, reading))
    }

    /// The date that ends a span of days opened by `first`, which starts at
    /// `start`: "Oct. 2-3", "Oct. 5 to Oct. 7, 2022", "30 September to 2
    /// October", "between Oct. 3 and 5". The last day must come later in
    /// the year, and a year written after it is the span's.
    fn span_end_at(&self, start: usize, first: &Written) -> Option<Written> {
        let first_day = first.day?;
        if first.year.is_some() || first.through.is_some() || !self.joins_days(start, first.end) {
            return None;
        }
        let at = first.end + 1;
        let (month, day, end) = if let Some((month, next)) = self.month_at(at) {
            (month, self.day_at(next)?, next + 1)
        } else {
            let day = self.day_at(at)?;
            match self.month_at(at + 1) {
                Some((month, next)) => (month, day, next),
                None => (first.month, day, at + 1),
            }
        };
        if (month, day) <= (first.month, first_day) {
            return None;
        }
        let (year, end) = self.year_after_day(end);
        Some(Written {
            year,
            month: first.month,
            day: Some(first_day),
            through: Some((month, day)),
            end,
        })
    }

    /// The year written after a month and day at `at` (", 2022" or
    /// " 2022"), if one is, and where the date then ends.
    fn year_after_day(&self, at: usize) -> (Option<i32>, usize) {
        let comma = usize::from(self.is_punct(at, ","));
        match self.year_digits(at + comma) {
            Some(year) => (Some(year), at + comma + 1),
            None => (None, at),
        }
    }

    /// "5-7 October 2022", "5 to 7 October": days before their month.
    fn day_span_first_at(&self, index: usize) -> Option<Written> {
        let first_day = self.day_at(index)?;
        if !self.joins_days(index, index + 1) {
            return None;
        }
        let last_day = self.day_at(index + 2)?;
        let (month, after_month) = self.month_at(index + 3)?;
        if last_day <= first_day {
            return None;
        }
        let year = self.year_digits(after_month);
        Some(Written {
            year,
            month,
            day: Some(first_day),
            through: Some((month, last_day)),
            end: after_month + usize::from(year.is_some()),
        })
    }

    /// Whether the token at `at` joins two days into a span, in a date
    /// starting at `start`: a dash, "to", "through", "until", or "and"
    /// after "between".
    fn joins_days(&self, start: usize, at: usize) -> bool {
        let after_between = || {
            start
                .checked_sub(1)
                .is_some_and(|before| self.is_word(before, "between"))
        };
        self.is_punct(at, "-")
            || self.is_punct(at, "–")
            || matches!(self.word(at), Some("to" | "through" | "until" | "till"))
            || (self.is_word(at, "and") && after_between())
    }

    /// The time the nearest word before `index` in its clause that marks
    /// one marks. A verb joined by "and" or "but" is another verb's: in
    /// "raised rates and meet again on Nov. 3", "raised" is not the
    /// meeting's.
    fn tense_before(&self, index: usize) -> Tense {
        self.nearest_in_clause_before(&self.memory.tense_before, index, tense_marked_by)
            .unwrap_or(Tense::Unmarked)
    }

    /// The time the first word after a date, up to the end of the clause,
    /// marks: a date put first has its verb after it ("On Dec. 28, an
    /// earthquake struck"). A comma right after the date ends no clause.
    fn tense_after(&self, end: usize) -> Tense {
        let start = end + usize::from(self.is_punct(end, ","));
        self.memory
            .tense_after
            .ask(self.tokens.len(), Some(start), |at| {
                if self.ends_clause(at) {
                    Step::Stop(None)
                } else {
                    tense_marked_by(&self.tokens[at])
                        .map_or(Step::Forward, |tense| Step::Stop(Some(tense)))
                }
            })
            .unwrap_or(Tense::Unmarked)
    }

    fn context_mention(&self, start: usize, end: usize, reading: Reading) -> (Mention, usize) {
        let mention = Mention {
            span: self.span(start, end),
            sentence: self.sentence,
            paragraph: self.paragraph,
            qualifier: Qualifier::Exact,
            reading,
            unit: None,
            noun: None,
            refers_back: false,
            forecast: None,
            denied: None,
            earlier: false,
            dateline: self.opens_dateline(start, end),
            relative: self.compared_in_time(start),
        };
        (mention, end)
    }

    /// Whether a date or year starting at token `start` is a point of
    /// comparison rather than the time of an event: a word of comparison
    /// before it in its clause ("more than in 2011", "since fighting began
    /// in October 2023", "until 2016").
    pub(super) fn compared_in_time(&self, start: usize) -> bool {
        self.nearest_in_clause_before(&self.memory.comparison_before, start, |token| {
            matches!(
                lexicon::marker(&token.lower),
                Some(lexicon::Marker::Comparison)
            )
            .then_some(())
        })
        .is_some()
    }

    /// Whether the date from token `start` to `end` is a dateline: on a
    /// line of its own, perhaps after a word or two ("Published October
    /// 31, 2022"), or opening a wire story after its place and before a
    /// dash ("LONDON, June 28 —", "YEREVAN, Armenia, Oct. 31 -").
    fn opens_dateline(&self, start: usize, end: usize) -> bool {
        let first_not_capitals = self
            .memory
            .not_capitals
            .ask(self.tokens.len(), Some(0), |at| {
                let token = &self.tokens[at];
                let capitals = token.kind != TokenKind::Figure
                    && (token.kind != TokenKind::Word || token.is_capitalized());
                if capitals {
                    Step::Forward
                } else {
                    Step::Stop(Some(at))
                }
            });
        let only_capitals_before = first_not_capitals.is_none_or(|at| at >= start);
        let alone =
            end == self.tokens.len() || (end + 1 == self.tokens.len() && self.is_punct(end, "."));
        let dash = self
            .token(end)
            .is_some_and(|token| matches!(token.text, "—" | "–" | "-" | "--"));
        let after_place = start > 0 && self.is_punct(start - 1, ",");
        only_capitals_before && (alone || (dash && after_place))
    }

    /// `2022-10-31`
    fn iso_date_at(&self, index: usize) -> Option<Written> {
        let year = self.digits_of_length(index, 4)?;
        let month =
            (self.is_punct(index + 1, "-") && self.glued(index + 1) && self.glued(index + 2))
                .then(|| self.digits_of_length(index + 2, 2))??;
        let day = (self.is_punct(index + 3, "-") && self.glued(index + 3) && self.glued(index + 4))
            .then(|| self.digits_of_length(index + 4, 2))??;
        Some(Written::date(
            Some(year as i32),
            u8::try_from(month).ok()?,
            Some(u8::try_from(day).ok()?),
            index + 5,
        ))
    }

    /// "October 31, 2022", "Oct. 3", "October 2022", "in August".
    fn month_first_date_at(&self, index: usize) -> Option<Written> {
        let (month, next) = self.month_at(index)?;
        if let Some(day) = self.day_at(next) {
            let (year, end) = self.year_after_day(next + 1);
            return Some(Written::date(year, month, Some(day), end));
        }
        if let Some(year) = self.year_digits(next) {
            return Some(Written::date(Some(year), month, None, next + 1));
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
            return Some(Written::date(None, month, None, index + 1));
        }
        None
    }

    /// "31 October 2022", "3rd of October".
    fn day_first_date_at(&self, index: usize) -> Option<Written> {
        let day = self.day_at(index)?;
        let of = usize::from(self.is_word(index + 1, "of"));
        let (month, end) = self.month_at(index + 1 + of)?;
        Some(match self.year_digits(end) {
            Some(year) => Written::date(Some(year), month, Some(day), end + 1),
            None => Written::date(None, month, Some(day), end),
        })
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

    /// "the 1990s", "the '90s", "the early 2000s".
    pub(super) fn decade_at(&self, index: usize) -> Option<(Mention, usize)> {
        let part = self.word(index).and_then(lexicon::part_of_decade);
        let token = match part {
            Some(_) => {
                let dash = usize::from(self.is_punct(index + 1, "-"));
                self.token(index + 1 + dash)?
            }
            None => self.token(index)?,
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
        let (first, last) = match part {
            Some((from, to)) => (first + from, first + to),
            None => (first, first + 9),
        };
        let end = self.tokens[index..]
            .iter()
            .position(|t| std::ptr::eq(t, token))
            .map_or(index + 1, |offset| index + offset + 1);
        Some(self.context_mention(index, end, Reading::Years { first, last }))
    }

    /// "second", "21st", "twenty-first", "21st-century".
    pub(super) fn ordinal_at(&self, index: usize) -> Option<(Mention, usize)> {
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
}

/// The time a token marks; a joining "and" or "but" marks that the verbs
/// beyond it are another's, as no time.
fn tense_marked_by(token: &Token<'_>) -> Option<Tense> {
    if puts_as_forecast(token) {
        Some(Tense::Future)
    } else if token.kind != TokenKind::Word {
        None
    } else if matches!(token.lower.as_ref(), "and" | "but") {
        Some(Tense::Unmarked)
    } else {
        lexicon::tense_of(&token.lower)
    }
}
