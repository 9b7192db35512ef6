use serde::{Deserialize, Serialize};

use crate::Interval;

/// What sort of figure a mention is, as a reader would class it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Count,
    /// A share written as a fraction or ratio ("two-thirds", "1 in 5").
    Fraction,
    Percent,
    PercentagePoints,
    Money,
    Duration,
    /// A person's age ("the 23-year-old", "Sunak, 42,").
    Age,
    /// How many times another amount ("tripled", "2.5 times larger").
    Multiple,
    /// How often something happens ("once a year", "a once-every-100-years
    /// flood").
    Frequency,
    Measure,
    Date,
    Year,
    Ordinal,
}

impl Kind {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Fraction => "fraction",
            Kind::Percent => "percent",
            Kind::PercentagePoints => "percentage_points",
            Kind::Money => "money",
            Kind::Duration => "duration",
            Kind::Age => "age",
            Kind::Multiple => "multiple",
            Kind::Frequency => "frequency",
            Kind::Measure => "measure",
            Kind::Date => "date",
            Kind::Year => "year",
            Kind::Ordinal => "ordinal",
        }
    }
}

/// The words in front of a figure that bend its meaning. The interval each
/// one yields is decided in `normalize` and documented in ARCHITECTURE.md.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// No qualifying words: the figure as written, with its implied precision.
    #[default]
    Exact,
    /// "exactly", "precisely", "equal to": the figure itself, no rounding.
    Exactly,
    /// "about", "around", "roughly", "some", "an estimated", "several".
    Approx,
    /// "more than", "over", "upwards of", "above".
    MoreThan,
    /// "just over", "just above".
    JustOver,
    /// "at least", "no fewer than", "no less than".
    AtLeast,
    /// "up to", "as many as", "at most", "no more than".
    UpTo,
    /// "less than", "fewer than", "under", "below".
    LessThan,
    /// "just under", "just below".
    JustUnder,
    /// "nearly", "almost", "close to".
    Nearly,
    /// "200-300", "between 200 and 300", "more than 10 and less than 40".
    Range,
}

impl Qualifier {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Exactly => "exactly",
            Qualifier::Approx => "approx",
            Qualifier::MoreThan => "more_than",
            Qualifier::JustOver => "just_over",
            Qualifier::AtLeast => "at_least",
            Qualifier::UpTo => "up_to",
            Qualifier::LessThan => "less_than",
            Qualifier::JustUnder => "just_under",
            Qualifier::Nearly => "nearly",
            Qualifier::Range => "range",
        }
    }
}

/// What a figure measures, for deciding whether two figures can be
/// compared at all: a year never compares with a count, while weeks and
/// days compare once both are in days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// Things counted; two counts compare only when they count the same noun.
    Count,
    /// Lengths of time, in days.
    Duration,
    /// Ages of people, in years: never compared with a length of time,
    /// such as a race margin or a contract.
    Age,
    /// Ratios of one amount to another ("doubled", "three times as many").
    Multiple,
    /// Rates of recurrence, in times per year.
    Frequency,
    /// Points in time, in days since 1970-01-01.
    Calendar,
    /// Amounts of one currency; two amounts compare only in the same currency.
    Money,
    Percent,
    PercentagePoints,
    Length,
    Area,
    Volume,
    Mass,
    Temperature,
    Speed,
    Energy,
    Power,
    /// Ranks ("second", "21st"), which assert no amount.
    Ordinal,
}

/// A figure in the base unit of its dimension, the form that compares.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Base {
    pub dimension: Dimension,
    /// The base unit: `days`, `m`, `kg`, a currency code, or for counts the
    /// folded noun counted.
    pub unit: String,
    pub interval: Interval,
}

/// A normalized figure: what a phrase asserts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub kind: Kind,
    pub qualifier: Qualifier,
    /// The figure as written, in `unit`; `None` for ranges and vague amounts
    /// ("several decades"). Dates hold days since 1970-01-01.
    pub value: Option<f64>,
    /// The values the phrase allows, in `unit`.
    pub interval: Interval,
    /// The unit of measure or the counted noun, in its folded form
    /// (`troops`, `weeks`, `usd`, `percent`).
    pub unit: Option<String>,
    /// The rounding step the figure was written to (1,000 for "2,000"), when
    /// its interval comes from implied precision.
    pub precision: Option<f64>,
    /// The same interval in its dimension's base unit.
    pub base: Base,
}
