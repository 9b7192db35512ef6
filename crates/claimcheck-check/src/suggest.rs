//! Reference rows proposed for unverified claims, so that a team can build
//! its reference from its own articles.
//!
//! A row's keywords are the most specific words of the figure's own
//! context: of the words no nearer another figure of its sentence
//! ("from 7.8% in 2019" gives 2019 to the 7.8%, not to the figure it rose
//! to), those that stand in few of the sentences being suggested for (a
//! word in every sentence tells them apart from nothing), names before
//! other words, then words nearer the figure; all among the sentence's
//! topic words (see `SentenceWords::topic_words`: no verbs that report or
//! change a figure) other than the noun the claim counts. A qualified figure keeps
//! its qualifier as the row's bounds, so that a row never contradicts the
//! article it came from.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::BuildHasher;

use claimcheck_core::{
    Assessment, Kind, NounRole, Qualifier, Role, Span, Suggestion, Verdict, display, vocab,
};

use crate::sentence::SentenceWords;

/// How many keyword groups a suggestion proposes.
const KEYWORDS_PER_ROW: usize = 2;

/// How much of the sentence a suggestion's subject keeps, in characters.
const SUBJECT_LENGTH: usize = 100;

/// An unverified claim, ready to become a row once every sentence of the
/// run has been seen.
#[derive(Clone, Debug)]
pub struct Draft {
    row: Suggestion,
    /// Candidate keywords, the figure's own when it has any: names first,
    /// then by nearness to the figure.
    words: Vec<String>,
}

/// The drafts for the unverified claims of one document. `location` turns
/// a byte offset into `file:line:column`.
#[must_use]
pub fn drafts(
    source: &str,
    assessments: &[Assessment<'_>],
    location: impl Fn(usize) -> String,
) -> Vec<Draft> {
    assessments
        .iter()
        .filter(|assessment| {
            assessment.verdict == Verdict::Unverified && assessment.claim.role == Role::Claim
        })
        .filter_map(|assessment| {
            let sentence = assessment.claim.sentence;
            // The other figures of the sentence and what they count are
            // about something else.
            // Years and dates place the others in time; they are keywords,
            // not figures a word may belong to.
            let others: Vec<Span> = assessments
                .iter()
                .filter(|other| {
                    sentence.contains(other.claim.span) && other.claim.role != Role::Context
                })
                .map(|other| other.claim.span)
                .filter(|span| *span != assessment.claim.span)
                .collect();
            let figures: Vec<Span> = assessments
                .iter()
                .filter(|other| sentence.contains(other.claim.span))
                .flat_map(|other| {
                    let counted = other
                        .claim
                        .noun
                        .as_ref()
                        .filter(|noun| noun.role == NounRole::Counted);
                    std::iter::once(other.claim.span).chain(counted.map(|noun| noun.span))
                })
                .collect();
            let sentence_figures = SentenceFigures {
                all: &figures,
                others: &others,
            };
            draft(source, assessment, &sentence_figures, &location)
        })
        .collect()
}

/// The figures of a claim's sentence.
struct SentenceFigures<'s> {
    /// Every figure and the noun each counts, whose words are no keywords.
    all: &'s [Span],
    /// The other figures, which a word may stand nearer.
    others: &'s [Span],
}

fn draft(
    source: &str,
    assessment: &Assessment<'_>,
    figures: &SentenceFigures<'_>,
    location: &impl Fn(usize) -> String,
) -> Option<Draft> {
    let claim = &assessment.claim;
    let quantity = &claim.quantity;
    // A share is kept in percent, the unit it compares in. A count with no
    // noun can never be matched, so a row for it is no use.
    let (unit, factor) = if quantity.kind == Kind::Fraction {
        ("percent".to_string(), 100.0)
    } else {
        (quantity.unit.clone()?, 1.0)
    };
    let plain = |value: f64| display::plain(quantity.kind, value * factor);
    let bound = |bound: Option<f64>| bound.map(plain).unwrap_or_default();
    let (low, high) = (
        quantity.interval.low_value(),
        quantity.interval.high_value(),
    );
    let (value, low, high) = match (quantity.value, quantity.qualifier) {
        (Some(value), Qualifier::Exact | Qualifier::Exactly) => {
            (plain(value), String::new(), String::new())
        }
        // "more than 13,000" is a row bounded on one side: how far past
        // it the truth lies is for the source to say.
        (Some(value), Qualifier::MoreThan | Qualifier::AtLeast) => {
            (plain(value), bound(low), String::new())
        }
        (Some(value), Qualifier::UpTo | Qualifier::LessThan) => {
            (plain(value), String::new(), bound(high))
        }
        // "nearly 90%" is a row of 81 to 90, not of 90: a row of exactly
        // the figure would rule out what the article says.
        (Some(value), _) => (plain(value), bound(low), bound(high)),
        // A range or loose amount proposes its middle, with its bounds.
        (None, _) => (plain(f64::midpoint(low?, high?)), bound(low), bound(high)),
    };
    // The counted noun is the row's unit already; a noun the figure
    // describes ("six-week war") is the best keyword there is.
    let noun = claim
        .noun
        .as_ref()
        .filter(|noun| noun.role == NounRole::Counted)
        .map(|noun| vocab::word_key(&noun.word));
    let unit_key = vocab::word_key(&unit);
    let mut words: Vec<(String, bool, bool, usize)> = SentenceWords::new(source, claim.sentence)
        .topic_words(source, figures.all)
        .filter(|(key, _)| Some(key) != noun.as_ref() && *key != unit_key)
        .map(|(key, span)| {
            // A capital at the start of a sentence says nothing of a name.
            let is_name = span.start != claim.sentence.start
                && span
                    .of(source)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase);
            let distance = span.distance(claim.span);
            let own = figures
                .others
                .iter()
                .all(|other| distance <= span.distance(*other));
            (key, own, is_name, distance)
        })
        .collect();
    // Words nearer another figure are that figure's: "2019" in "rose to
    // 9.1% from 7.8% in 2019" would tie the 9.1% to the earlier year.
    if words.iter().any(|(_, own, ..)| *own) {
        words.retain(|(_, own, ..)| *own);
    }
    words.sort_by_key(|(_, _, is_name, distance)| (!is_name, *distance));
    let sentence: String = claim
        .sentence
        .of(source)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let subject = if sentence.chars().count() > SUBJECT_LENGTH {
        format!(
            "{}…",
            sentence.chars().take(SUBJECT_LENGTH).collect::<String>()
        )
    } else {
        sentence
    };
    let row = Suggestion {
        id: String::new(),
        value,
        low,
        high,
        unit,
        keywords: Vec::new(),
        subject,
        claim: location(claim.span.start),
    };
    Some(Draft {
        row,
        words: words.into_iter().map(|(key, ..)| key).collect(),
    })
}

/// The rows for every draft of the run: keywords chosen from the figure's
/// own context by how few sentences hold them, ids made from unit and
/// keywords and kept unique among themselves and the `taken` ids of the
/// reference they are for.
#[must_use]
pub fn suggestions<S: BuildHasher>(
    drafts: Vec<Draft>,
    taken: &HashSet<String, S>,
) -> Vec<Suggestion> {
    let mut sentences_holding: HashMap<&str, usize> = HashMap::new();
    for draft in &drafts {
        for word in &draft.words {
            *sentences_holding.entry(word.as_str()).or_default() += 1;
        }
    }
    let chosen: Vec<Vec<String>> = drafts
        .iter()
        .map(|draft| {
            let mut ranked: Vec<&String> = draft.words.iter().collect();
            // A stable sort keeps the draft's order (names, then nearness)
            // among words equally rare.
            ranked.sort_by_key(|word| sentences_holding[word.as_str()]);
            ranked.into_iter().take(KEYWORDS_PER_ROW).cloned().collect()
        })
        .collect();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    drafts
        .into_iter()
        .zip(chosen)
        .map(|(draft, keywords)| {
            let mut row = draft.row;
            let base = slug(&row.unit, &keywords);
            row.id = loop {
                let count = counts.entry(base.clone()).or_default();
                *count += 1;
                let id = if *count == 1 {
                    base.clone()
                } else {
                    format!("{base}-{count}")
                };
                if !taken.contains(&id) {
                    break id;
                }
            };
            row.keywords = keywords;
            row
        })
        .collect()
}

/// "peacekeepers-deploy-russia": lower case, words joined by dashes.
fn slug(unit: &str, keywords: &[String]) -> String {
    let text = std::iter::once(unit)
        .chain(keywords.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join(" ");
    let mut slug = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs_join_lower_case_words() {
        assert_eq!(
            slug("Peacekeepers", &["russia".into(), "six-week".into()]),
            "peacekeepers-russia-six-week"
        );
        assert_eq!(slug("%", &[]), "");
    }
}
