use serde::{Deserialize, Serialize};

/// A reference row proposed for a claim no fact covers, written as the
/// reference CSV wants its cells: a team checks the figure, fills in the
/// source, and adds the row to its reference.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    pub id: String,
    /// The claim's figure, as a plain decimal or an ISO date.
    pub value: String,
    pub low: String,
    pub high: String,
    pub unit: String,
    /// One group per keyword: the sentence's most specific words.
    pub keywords: Vec<String>,
    /// The claim's sentence, shortened.
    pub subject: String,
    /// Where the claim stands: `file:line:column`.
    pub claim: String,
}
