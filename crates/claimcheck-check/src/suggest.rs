//! Reference rows proposed for unverified claims, so that a team can build
//! its reference from its own articles.
//!
//! A row's keywords are the most specific words of the claim's sentence:
//! words that stand in few of the sentences being suggested for (a word in
//! every sentence tells them apart from nothing), names before other words,
//! then words nearer the figure before those further away, among the
//! sentence's topic words (see `SentenceWords::topic_words`) other than the
//! noun the claim counts.

use std::collections::{BTreeMap, HashMap};

use claimcheck_core::{
    Assessment, Kind, NounRole, Role, Span, Suggestion, Verdict, display, vocab,
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
    /// Candidate keywords, names first and then by nearness to the
    /// figure, with whether each is a name.
    words: Vec<(String, bool)>,
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

            draft(source, assessment, &figures, &location)
        })
        .collect()
}

fn draft(
    source: &str,
    assessment: &Assessment<'_>,
    figures: &[Span],
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
    // A range or loose amount proposes its middle, with its bounds.
    let (value, low, high) = if let Some(value) = quantity.value {
        (plain(value), String::new(), String::new())
    } else {
        let low = quantity.interval.low_value()?;
        let high = quantity.interval.high_value()?;
        (plain(f64::midpoint(low, high)), plain(low), plain(high))
    };
    // The counted noun is the row's unit already; a noun the figure
    // describes ("six-week war") is the best keyword there is.
    let noun = claim
        .noun
        .as_ref()
        .filter(|noun| noun.role == NounRole::Counted)
        .map(|noun| vocab::word_key(&noun.word));
    let unit_key = vocab::word_key(&unit);
    let mut words: Vec<(String, bool, usize)> = SentenceWords::new(source, claim.sentence)
        .topic_words(source, figures)
        .filter(|(key, _)| Some(key) != noun.as_ref() && *key != unit_key)
        .map(|(key, span)| {
            // A capital at the start of a sentence says nothing of a name.
            let is_name = span.start != claim.sentence.start
                && span
                    .of(source)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase);
            (key, is_name, span.distance(claim.span))
        })
        .collect();
    words.sort_by_key(|(_, is_name, distance)| (!is_name, *distance));
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
        words: words
            .into_iter()
            .map(|(key, is_name, _)| (key, is_name))
            .collect(),
    })
}

/// The rows for every draft of the run: keywords chosen by how few
/// sentences hold them, ids made from unit and keywords and kept unique.
#[must_use]
pub fn suggestions(drafts: Vec<Draft>) -> Vec<Suggestion> {
    let mut sentences_holding: HashMap<&str, usize> = HashMap::new();
    for draft in &drafts {
        for (word, _) in &draft.words {
            *sentences_holding.entry(word.as_str()).or_default() += 1;
        }
    }
    let chosen: Vec<Vec<String>> = drafts
        .iter()
        .map(|draft| {
            let mut ranked: Vec<(usize, &(String, bool))> =
                draft.words.iter().enumerate().collect();
            // A stable sort keeps the draft's order (names, then nearness)
            // among words equally rare.
            ranked.sort_by_key(|(_, (word, _))| sentences_holding[word.as_str()]);
            ranked
                .into_iter()
                .take(KEYWORDS_PER_ROW)
                .map(|(_, (word, _))| word.clone())
                .collect()
        })
        .collect();
    let mut taken: BTreeMap<String, usize> = BTreeMap::new();
    drafts
        .into_iter()
        .zip(chosen)
        .map(|(draft, keywords)| {
            let mut row = draft.row;
            let base = slug(&row.unit, &keywords);
            let count = taken.entry(base.clone()).or_default();
            *count += 1;
            row.id = if *count == 1 {
                base
            } else {
                format!("{base}-{count}")
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
