use serde::{Deserialize, Serialize};

use crate::{Claim, Fact};

/// The outcome of holding a claim against the reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// A fact applies and its interval overlaps the claim's.
    Supported,
    /// A fact applies and no value satisfies both.
    Contradicted,
    /// No fact applies.
    Unverified,
    /// Facts apply equally well and disagree.
    Ambiguous,
    /// Another article states the same figure and both cannot be right
    /// (found by `verify --cross-check`).
    Inconsistent,
}

impl Verdict {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::Contradicted => "contradicted",
            Verdict::Unverified => "unverified",
            Verdict::Ambiguous => "ambiguous",
            Verdict::Inconsistent => "inconsistent",
        }
    }
}

/// A claim with its verdict: the output of `check`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Assessment<'f> {
    pub claim: Claim,
    pub verdict: Verdict,
    /// The fact the verdict rests on; `None` when unverified or ambiguous.
    pub fact: Option<&'f Fact>,
    /// The facts that tied, when ambiguous.
    pub candidates: Vec<&'f Fact>,
    /// One line a reader understands.
    pub reason: String,
}
