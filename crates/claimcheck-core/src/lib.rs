//! The types every claimcheck stage speaks, and the vocabulary they share.
//!
//! A file flows through the stages as these types:
//!
//! - [`Mention`] (from `extract`): where a number phrase is and what was
//!   written, before any interpretation: "more than 6,500" with the counted
//!   noun "troops", or "Oct. 3" with no year.
//! - [`Claim`] (from `normalize`): what the mention asserts, as a
//!   [`Quantity`] with an [`Interval`] in the unit written and a [`Base`] in a
//!   unit that compares across spellings (days for durations, days since the
//!   epoch for dates).
//! - [`Fact`] (from `reference`): a verified figure with its interval, units
//!   and keywords.
//! - [`Assessment`] (from `check`): a claim with its [`Verdict`], the fact it
//!   was held against, and a one-line reason.
//!
//! [`Span`]s are byte offsets into the original file; lines and columns are
//! computed only when rendering. The [`vocab`] module holds the words that
//! more than one stage must read the same way: units of measure and the
//! folding of nouns to one form.

pub mod calendar;
mod claim;
pub mod display;
mod fact;
mod interval;
mod mention;
pub mod precision;
mod quantity;
mod span;
mod suggestion;
mod verdict;
pub mod vocab;

pub use claim::{Claim, Role};
pub use fact::{Fact, FactRole};
pub use interval::{Bound, Interval};
pub use mention::{Mention, Noun, NounRole, Reading, Tense};
pub use quantity::{Base, Dimension, Kind, Qualifier, Quantity};
pub use span::Span;
pub use suggestion::Suggestion;
pub use verdict::{Assessment, Verdict};
