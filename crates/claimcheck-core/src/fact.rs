use serde::{Deserialize, Serialize};

use crate::{Base, Interval, Kind};

/// A verified figure from the reference CSV: the output of `reference`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    pub id: String,
    /// The line of the CSV the fact was read from, for messages.
    pub line: u64,
    pub kind: Kind,
    /// The reference figure in the fact's first unit; dates hold days since
    /// 1970-01-01.
    pub value: f64,
    /// The values the reference allows, in the fact's first unit.
    pub interval: Interval,
    /// The accepted units or counted nouns, folded; the first one is how
    /// the figure is shown.
    pub units: Vec<String>,
    /// The interval in the base unit of the fact's dimension.
    pub base: Base,
    /// Groups of words that must all appear in a claim's sentence; any
    /// alternative of a group will do. Words are folded; a phrase of several
    /// words is stored with single spaces.
    pub keywords: Vec<Vec<String>>,
    pub subject: Option<String>,
    pub source: Option<String>,
    /// ISO date the figure was current.
    pub as_of: Option<String>,
    pub role: FactRole,
    /// The figure is a difference between two others (a margin, a rise,
    /// an anomaly), as a word of the row's id, subject or keywords says.
    pub relative: bool,
    /// The interval is the value read as a figure a source reported
    /// (`13000` as 12,870–13,130), not bounds the row gives.
    pub reported: bool,
}

/// Whether a reference figure is what happened or what someone expects.
///
/// An article's forecast is held against the reference's forecasts, and
/// its statements of what happened against outcomes; across the two, a
/// difference proves nothing and the claim stays unverified.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactRole {
    #[default]
    Outcome,
    Forecast,
    Pledge,
    Target,
}

impl FactRole {
    pub const ALL: [FactRole; 4] = [
        FactRole::Outcome,
        FactRole::Forecast,
        FactRole::Pledge,
        FactRole::Target,
    ];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            FactRole::Outcome => "outcome",
            FactRole::Forecast => "forecast",
            FactRole::Pledge => "pledge",
            FactRole::Target => "target",
        }
    }

    /// A forecast, pledge or target: what someone expects or promises.
    #[must_use]
    pub fn is_expected(self) -> bool {
        self != FactRole::Outcome
    }
}
