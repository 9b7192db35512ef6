use serde::{Deserialize, Serialize};

use crate::{Noun, Quantity, Span};

/// A mention read for what it asserts: the output of `normalize`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub span: Span,
    pub sentence: Span,
    /// The block the sentence stands in: a paragraph, heading, list item
    /// or table cell.
    pub paragraph: Span,
    pub role: Role,
    pub quantity: Quantity,
    pub noun: Option<Noun>,
    /// What something changed from ("rose from 9.9% to 10.1%"): a fact
    /// that the current figure beside it also meets goes to that figure.
    pub earlier: bool,
    /// The figure is relative to another (a difference, a point of
    /// comparison, a span within another): it may agree with a fact of
    /// what it measures, but a level it differs from is no proof it is
    /// wrong.
    pub relative: bool,
}

/// Whether a figure is there to be checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The writer asserts the figure; it gets a verdict, `unverified` when no
    /// fact applies.
    Claim,
    /// The figure places events in time or points back to something already
    /// said (a dateline, "in 2020", "two years ago", "the two countries", an
    /// ordinal). It gets a verdict only when a fact applies to it.
    Context,
    /// The writer puts the figure as expected or possible, by the `word`
    /// before it ("could reach 1,000"). It is `unverified` whatever the
    /// reference says: facts of what is cannot rule on what may be.
    Forecast { word: Span },
    /// The writer denies the figure, by the `word` before it ("286, not
    /// 386 as first reported"). It is `unverified` whatever the reference
    /// says, and takes no fact from the figure asserted beside it.
    Denied { word: Span },
    /// The article's own date, in its dateline ("LONDON, June 28 —" or a
    /// date on a line of its own): never held against a fact.
    Dateline,
}
