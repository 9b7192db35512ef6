use serde::{Deserialize, Serialize};

use crate::{Bound, Qualifier, Span};

/// A number phrase found in prose, as written: the output of `extract`.
///
/// A mention records what the words say and nothing the reader must infer;
/// the year missing from "Oct. 3" or the interval implied by "2,000" are left
/// to `normalize`.
// Each flag is a separate observation of the prose (a figure can restate,
// be an earlier value and be relative all at once), so no enum would fit.
#[allow(clippy::struct_excessive_bools)]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// The whole number phrase: qualifier, figure and any unit of measure
    /// (`more than 6,500`, `six-week`, `$1.2bn`, `Oct. 3`). A counted noun is
    /// not part of it; see `noun`.
    pub span: Span,
    /// The sentence the phrase stands in.
    pub sentence: Span,
    /// The block the sentence stands in: a paragraph, heading or list
    /// item; for a table cell, its row, whose words say what the cell's
    /// figure is about.
    pub paragraph: Span,
    pub qualifier: Qualifier,
    pub reading: Reading,
    /// The unit of measure or currency as written, lower-cased (`week`,
    /// `decades`, `%`, `$`, `km`); `None` for plain counts.
    pub unit: Option<String>,
    /// The noun the figure counts ("286 people") or, for a compound such as
    /// "six-week war", the noun the phrase modifies.
    pub noun: Option<Noun>,
    /// A determiner points back to things already named ("the two
    /// countries", "both"), so the figure restates rather than asserts.
    pub refers_back: bool,
    /// The word that puts the figure as expected or possible rather than as
    /// fact ("could reach 1,000", "is expected to rise to 500", "had
    /// predicted a toll of 50"): the nearest such word before it in its
    /// clause. Dates have none: a date to come is still set down.
    pub forecast: Option<Span>,
    /// The word that denies the figure ("286, not 386 as first reported",
    /// "rather than 386"): the article says it is not so.
    pub denied: Option<Span>,
    /// The figure is what something changed from ("rose from 9.9% to
    /// 10.1%", "up from 9.9%"): an earlier value.
    pub earlier: bool,
    /// The date opens a wire story's first line ("LONDON, June 28 —"):
    /// when the story was filed.
    pub dateline: bool,
    /// The figure is relative to another: a difference ("$5 billion
    /// bigger than", "11 more"), a point of comparison ("more than in
    /// 2011", "since 2014") or a span of time within another ("the first
    /// three days").
    pub relative: bool,
}

/// The figure of a mention as written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Reading {
    /// One figure. `step` is the place value of the last digit the writer
    /// gave, which bounds how precisely the figure was meant: 1,000 for
    /// "2,000", 100 for "6,500", 1 for "286" and "six", 0.1 for "1.5".
    Figure { value: f64, step: f64 },
    /// Two figures given as bounds: "200-300", "between 2 and 3 million"
    /// (both included), "more than 10 and less than 40" (neither).
    Range { low: Bound, high: Bound },
    /// A share of a whole: "two-thirds", "half", "1 in 5", "3/4"; `value`
    /// is the share of one (0.75 for "three quarters").
    Fraction { value: f64, step: f64 },
    /// An amount given only loosely ("several", "dozens", "tens of
    /// thousands"); the bounds are the reading documented for each word.
    Vague { low: f64, high: f64 },
    /// Calendar years, first to last: one year ("in 1991", "the 2020
    /// ceasefire"), a span ("1988-1994") or a decade ("the 1990s").
    Years { first: i32, last: i32 },
    /// A calendar date, possibly without a year or a day ("Oct. 3", "in
    /// August"), or a span of days from it `through` a last (month, day)
    /// of the same year ("Oct. 2-3", "from Oct. 5 to Oct. 7", "30 September
    /// to 2 October 2022"). Without a year, `tense` is what the words
    /// before it say of its time, from which `normalize` tells the year.
    Date {
        year: Option<i32>,
        month: u8,
        day: Option<u8>,
        through: Option<(u8, u8)>,
        tense: Tense,
    },
    /// A time before the document's date ("two years ago"); `unit` holds the
    /// unit of time.
    Ago { value: f64, step: f64 },
    /// A rank ("second", "21st").
    Ordinal { value: f64 },
}

/// The time a date without a year stands in, as the nearest word before
/// it that marks one says: "met in December" is past, "will meet in
/// December" and "next December" are to come.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tense {
    /// No word marks it, or the date has its year.
    Unmarked,
    Past,
    Future,
}

/// A noun tied to a figure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Noun {
    /// Lower-cased, as written.
    pub word: String,
    pub span: Span,
    pub role: NounRole,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NounRole {
    /// The figure counts it: "2,000 peacekeepers".
    Counted,
    /// The figure and its unit describe it: "a six-week war".
    Modified,
}
