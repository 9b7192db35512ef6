//! One-line reasons a reader understands.

use std::fmt::Write;

use claimcheck_core::calendar::Date;
use claimcheck_core::{Claim, Fact, Kind, Qualifier, Verdict, display};

/// How reasons quote a fact, worked out once per fact rather than for
/// every claim it meets.
#[derive(Debug)]
pub(crate) struct Quote {
    /// "1,960 peacekeepers", "6,731 troops (6,500–7,300)", "2022-10-02".
    pub(crate) figure: String,
    /// "russian-peacekeepers-2020, as of 2020-11-10, source …".
    pub(crate) origin: String,
    as_of: Option<Date>,
    /// What the fact is when it is no outcome: "forecast", "pledge".
    expected: Option<&'static str>,
}

impl Quote {
    pub(crate) fn of(fact: &Fact) -> Quote {
        Quote {
            figure: display::FactFigure(fact).to_string(),
            origin: fact_origin(fact),
            as_of: fact.as_of.as_deref().and_then(|as_of| as_of.parse().ok()),
            expected: fact.role.is_expected().then(|| fact.role.as_str()),
        }
    }
}

/// "reference: 1,960 peacekeepers (russian-peacekeepers-2020, source …);
/// "2,000" is a round figure for 1,900–2,100 peacekeepers"; `others` are
/// facts that fit the claim as well, with their figures as [`Quote`]d.
pub(crate) fn compared(
    claim: &Claim,
    text: &str,
    quote: &Quote,
    verdict: Verdict,
    document_date: Option<Date>,
    others: &[(&Fact, &str)],
) -> String {
    // Room for the whole reason at once, so that it is not copied as it
    // grows: what is quoted, and about as much again for the words around.
    let mut reason =
        String::with_capacity(2 * (quote.figure.len() + quote.origin.len() + text.len()) + 64);
    for piece in [
        "reference: ",
        &quote.figure,
        " (",
        &quote.origin,
        "); \"",
        text,
        "\" ",
        how_claim_reads(claim),
        " ",
    ] {
        reason.push_str(piece);
    }
    let _ = write!(reason, "{}", display::Reading(&claim.quantity));
    if verdict == Verdict::Contradicted {
        reason.push_str(", which the reference rules out");
    }
    if let Some(role) = quote.expected {
        let _ = write!(reason, " (the reference's figure is a {role})");
    }
    let later = quote
        .as_of
        .zip(document_date)
        .filter(|(as_of, written)| as_of > written);
    if let Some((as_of, written)) = later {
        let _ = write!(
            reason,
            "; the reference is as of {as_of}, after the article's date {written}"
        );
    }
    for (index, (fact, figure)) in others.iter().enumerate() {
        let lead = if index == 0 {
            "; as close a fit: "
        } else {
            ", "
        };
        let _ = write!(reason, "{lead}{} ({figure})", fact.id);
    }
    reason
}

/// For a figure held against a fact of the other stance (a forecast
/// against an outcome, or the reverse) that disagrees with it.
pub(crate) fn across_stances(claim: &Claim, source: &str, fact: &Fact, quote: &Quote) -> String {
    match claim.role {
        claimcheck_core::Role::Forecast { word } => format!(
            "\"{}\" puts it as a forecast, and {} ({}) is an outcome: a difference proves nothing",
            word.of(source),
            fact.id,
            quote.figure
        ),
        _ => format!(
            "{} ({}) is a {}, and the article states this figure as what happened: a difference proves nothing",
            fact.id,
            quote.figure,
            fact.role.as_str()
        ),
    }
}

/// For a figure that disagrees with a fact tied to it only loosely:
/// through words elsewhere in the article, or a noun of a kindred sort.
pub(crate) fn loosely_tied(fact: &Fact, quote: &Quote, kindred: bool) -> String {
    let tie = if kindred {
        "counts people of another sort"
    } else {
        "names it only elsewhere in the article"
    };
    format!(
        "{} ({}) may apply, but the figure's paragraph {tie}: too loose a tie to rule it out",
        fact.id, quote.figure
    )
}

/// For an amount held against a fact in another currency.
pub(crate) fn in_another_currency(
    claim: &Claim,
    text: &str,
    fact: &Fact,
    quote: &Quote,
    same_figure: bool,
) -> String {
    let written = claim.quantity.unit.as_deref().unwrap_or_default();
    let reference = fact.units.first().map_or("", String::as_str);
    if same_figure {
        format!(
            "reference: {} ({}); \"{text}\" gives the same figure in {written}, not {reference}: the currency is wrong",
            quote.figure, quote.origin
        )
    } else {
        format!(
            "{} ({}) may apply, but it is in {reference} and \"{text}\" in {written}, which cannot be converted here",
            fact.id, quote.figure
        )
    }
}

/// For a figure many times larger or smaller than a fact, which is about
/// something else.
pub(crate) fn far_apart(fact: &Fact, quote: &Quote) -> String {
    format!(
        "{} ({}) may apply, but the figure is over a hundred times larger or smaller: it is about something else",
        fact.id, quote.figure
    )
}

/// For a figure its sentence puts in `year`, which the fact is not of.
pub(crate) fn another_year(fact: &Fact, quote: &Quote, year: i32) -> String {
    format!(
        "{} ({}) may apply, but the figure's sentence puts it in {year}, which the fact is not of: another year's figure proves nothing",
        fact.id, quote.figure
    )
}

/// For a figure relative to another (a difference, a point of
/// comparison, a span within another) that disagrees with a fact.
pub(crate) fn relative(fact: &Fact, quote: &Quote) -> String {
    format!(
        "{} ({}) may apply, but the figure is relative to another (a difference, a comparison or a span within another): a level it differs from proves nothing",
        fact.id, quote.figure
    )
}

/// Why a fact that applied to a claim went to another figure.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Lost {
    /// A figure of the same sentence fits it better, or as well;
    /// `keeper_fit` is how well it fits that figure.
    InSentence { keeper_fit: i64 },
    /// Its keywords stand closer to another figure of the document.
    Closer,
}

/// For a claim whose fact went to `keeper`, another figure.
pub(crate) fn lost(fact: &Fact, keeper: &str, lost: Lost) -> String {
    match lost {
        Lost::InSentence { .. } => format!(
            "{} applies to \"{keeper}\" in the same sentence, not to this figure",
            fact.id
        ),
        Lost::Closer => format!(
            "{} applies to \"{keeper}\", whose sentence names it, not to this figure",
            fact.id
        ),
    }
}

/// A fact that measures what a claim measures but does not apply to it.
#[derive(Clone, Copy)]
pub(crate) struct NearMiss<'f> {
    pub(crate) fact: &'f Fact,
    /// The fact's first keyword group the article has no word of; `None`
    /// when every group has a word somewhere, just not near the figure.
    pub(crate) missing: Option<&'f [String]>,
    /// How many other facts measure the same.
    pub(crate) others: usize,
}

pub(crate) fn unverified(claim: &Claim, near_miss: Option<NearMiss<'_>>) -> String {
    if let Some(NearMiss {
        fact,
        missing,
        others,
    }) = near_miss
    {
        let others = match others {
            0 => String::new(),
            1 => " (and 1 more fact)".to_string(),
            more => format!(" (and {more} more facts)"),
        };
        return match missing {
            Some(missing) => format!(
                "no fact applies: {} measures the same but needs `{}` in the article{others}",
                fact.id,
                missing.join("|")
            ),
            None => format!(
                "no fact applies: {} measures the same but its keywords stand elsewhere in the article, not near this figure{others}",
                fact.id
            ),
        };
    }
    format!("no reference fact for {}", measured(claim))
}

/// For a figure that `word` puts as expected or possible.
pub(crate) fn forecast(word: &str) -> String {
    format!("\"{word}\" puts it as a forecast, which no reference value confirms or rules out")
}

/// For a figure that `word` denies.
pub(crate) fn denied(word: &str) -> String {
    format!("\"{word}\" denies it: the article does not assert it")
}

/// `facts` are the facts with their figures as [`Quote`]d.
pub(crate) fn ambiguous(facts: &[(&Fact, &str)], verdicts: &[Verdict]) -> String {
    let mut reason = String::from("facts apply equally and disagree: ");
    for (index, ((fact, figure), verdict)) in facts.iter().zip(verdicts).enumerate() {
        let separator = if index == 0 { "" } else { "; " };
        for piece in [separator, &fact.id, " (", figure, ") ", verb(*verdict)] {
            reason.push_str(piece);
        }
    }
    reason
}

fn verb(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Supported => "supports it",
        _ => "rules it out",
    }
}

/// What a claim measures, for "no reference fact for …".
fn measured(claim: &Claim) -> String {
    let quantity = &claim.quantity;
    match (quantity.kind, quantity.unit.as_deref()) {
        (Kind::Count, Some(noun)) => format!("a count of {noun}"),
        (Kind::Count, None) => "a count with no noun".to_string(),
        (kind, Some(unit)) => format!("a {} in {unit}", kind.as_str().replace('_', " ")),
        (kind, None) => format!("a {}", kind.as_str()),
    }
}

fn fact_origin(fact: &Fact) -> String {
    let mut origin = fact.id.clone();
    if let Some(as_of) = &fact.as_of {
        let _ = write!(origin, ", as of {as_of}");
    }
    if let Some(source) = &fact.source {
        let _ = write!(origin, ", source {source}");
    }
    origin
}

/// How the claim reads its [`display::Reading`]: "says" 286 people, "is a
/// round figure for" 1,500–2,500 peacekeepers, "reads as" more than 6,500
/// troops.
fn how_claim_reads(claim: &Claim) -> &'static str {
    let quantity = &claim.quantity;
    if display::point_value(quantity).is_some() {
        "says"
    } else if quantity.qualifier == Qualifier::Exact && quantity.precision.is_some() {
        "is a round figure for"
    } else {
        "reads as"
    }
}
