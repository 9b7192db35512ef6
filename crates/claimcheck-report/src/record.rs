//! The flat record of one figure, shared by the JSON Lines, JSON and CSV
//! formats; SARIF keeps its fact fields as a result's properties.

use std::borrow::Cow;

use claimcheck_core::{Assessment, Claim, Fact, Kind, Role, display};
use serde::Serialize;

use crate::Document;

/// A figure in a record: whole numbers without a decimal point, dates as
/// `YYYY-MM-DD`.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub(crate) enum Figure {
    Whole(i64),
    Number(f64),
    Date(String),
}

/// Largest whole number an f64 holds exactly.
const EXACT_WHOLE: f64 = 9_007_199_254_740_992.0;

fn figure(kind: Kind, value: f64) -> Figure {
    if kind == Kind::Date {
        Figure::Date(display::Value(kind, value).to_string())
    } else if value.fract() == 0.0 && value.abs() < EXACT_WHOLE {
        Figure::Whole(value as i64)
    } else {
        Figure::Number(value)
    }
}

/// One figure. The verdict fields are present only in `verify` reports;
/// inside them, `None` is written as null (or an empty CSV cell).
// An absent field and a null one differ here: that is what the nested
// options say.
#[allow(clippy::option_option)]
#[derive(Debug, Serialize)]
pub(crate) struct Record<'a> {
    /// The `id` of the JSON Lines record the article came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a serde_json::Value>,
    /// That record's other fields, as given.
    #[serde(rename = "record", skip_serializing_if = "Option::is_none")]
    passed_through: Option<&'a serde_json::Map<String, serde_json::Value>>,
    file: &'a str,
    line: usize,
    column: usize,
    start: usize,
    end: usize,
    text: &'a str,
    kind: &'static str,
    value: Option<Figure>,
    low: Option<Figure>,
    high: Option<Figure>,
    qualifier: &'static str,
    unit: Option<&'a str>,
    precision: Option<Figure>,
    noun: Option<&'a str>,
    role: &'static str,
    /// The interval in the base unit, for durations and measures whose
    /// unit is not the base ("weeks" in days).
    base_unit: Option<&'a str>,
    base_low: Option<Figure>,
    base_high: Option<Figure>,
    sentence: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    verdict: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fact: Option<Option<&'a str>>,
    /// The fact's description for people.
    #[serde(skip_serializing_if = "Option::is_none")]
    subject: Option<Option<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reference_value: Option<Option<Figure>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reference_low: Option<Option<Figure>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reference_high: Option<Option<Figure>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reference_unit: Option<Option<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<Option<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    as_of: Option<Option<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a str>,
    /// The facts that tied, for `ambiguous`, separated by `|`.
    #[serde(skip_serializing_if = "Option::is_none")]
    candidates: Option<String>,
}

impl<'a> Record<'a> {
    pub(crate) fn of_claim(document: Document<'a>, claim: &'a Claim) -> Record<'a> {
        let quantity = &claim.quantity;
        let (line, column) = document.lines.position(document.source, claim.span.start);
        let has_base = matches!(quantity.kind, Kind::Duration | Kind::Measure)
            && quantity.unit.as_deref() != Some(quantity.base.unit.as_str());
        let base_figure = |value: Option<f64>| {
            value
                .filter(|_| has_base)
                .map(|value| figure(quantity.kind, value))
        };
        Record {
            id: document.origin.map(|origin| origin.id),
            passed_through: document.origin.map(|origin| origin.fields),
            file: document.path,
            line,
            column,
            start: claim.span.start,
            end: claim.span.end,
            text: claim.span.of(document.source),
            kind: quantity.kind.as_str(),
            value: quantity.value.map(|value| figure(quantity.kind, value)),
            low: quantity
                .interval
                .low_value()
                .map(|value| figure(quantity.kind, value)),
            high: quantity
                .interval
                .high_value()
                .map(|value| figure(quantity.kind, value)),
            qualifier: quantity.qualifier.as_str(),
            unit: quantity.unit.as_deref(),
            precision: quantity.precision.map(|step| figure(Kind::Count, step)),
            noun: claim.noun.as_ref().map(|noun| noun.word.as_str()),
            role: match claim.role {
                Role::Claim => "claim",
                Role::Context => "context",
                Role::Forecast { .. } => "forecast",
                Role::Denied { .. } => "denied",
                Role::Dateline => "dateline",
            },
            base_unit: has_base.then_some(quantity.base.unit.as_str()),
            base_low: base_figure(quantity.base.interval.low_value()),
            base_high: base_figure(quantity.base.interval.high_value()),
            sentence: collapse_whitespace(claim.sentence.of(document.source)),
            verdict: None,
            fact: None,
            subject: None,
            reference_value: None,
            reference_low: None,
            reference_high: None,
            reference_unit: None,
            source: None,
            as_of: None,
            reason: None,
            candidates: None,
        }
    }

    pub(crate) fn of_assessment(
        document: Document<'a>,
        assessment: &'a Assessment<'a>,
    ) -> Record<'a> {
        let fact: Option<&'a Fact> = assessment.fact;
        let fact_figure =
            |value: Option<f64>| fact.and_then(|fact| value.map(|value| figure(fact.kind, value)));
        let candidates: Vec<&str> = assessment
            .candidates
            .iter()
            .map(|fact| fact.id.as_str())
            .collect();
        Record {
            verdict: Some(assessment.verdict.as_str()),
            fact: Some(fact.map(|fact| fact.id.as_str())),
            subject: Some(fact.and_then(|fact| fact.subject.as_deref())),
            reference_value: Some(fact_figure(fact.map(|fact| fact.value))),
            reference_low: Some(fact_figure(fact.and_then(|fact| fact.interval.low_value()))),
            reference_high: Some(fact_figure(
                fact.and_then(|fact| fact.interval.high_value()),
            )),
            reference_unit: Some(fact.and_then(|fact| fact.units.first()).map(String::as_str)),
            source: Some(fact.and_then(|fact| fact.source.as_deref())),
            as_of: Some(fact.and_then(|fact| fact.as_of.as_deref())),
            reason: Some(&assessment.reason),
            candidates: Some(candidates.join("|")),
            ..Record::of_claim(document, &assessment.claim)
        }
    }
}

/// A sentence on one line, as a reader would quote it.
pub(crate) fn collapse_whitespace(text: &str) -> Cow<'_, str> {
    if is_on_one_line(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

/// Whether a text already is its collapsed self: ASCII with single spaces
/// between words. Most sentences are, and telling so is far cheaper than
/// splitting and joining them. Any byte above ASCII may be part of Unicode
/// white space, so such a text is collapsed the long way.
fn is_on_one_line(text: &str) -> bool {
    // Whole-text scans that the standard library and the compiler turn into
    // wide instructions, rather than one loop testing byte after byte.
    text.is_ascii()
        && !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ")
        && text
            .bytes()
            .filter(|byte| matches!(byte, b'\t'..=b'\r'))
            .count()
            == 0
}

#[cfg(test)]
mod tests {
    use super::collapse_whitespace;

    #[test]
    fn sentences_are_collapsed_onto_one_line() {
        let cases = [
            ("one two", "one two"),
            ("one  two", "one two"),
            (" one\n two\t", "one two"),
            ("one\r\ntwo", "one two"),
            ("one\u{b}two", "one two"),
            ("one\u{a0}two", "one two"),
            ("“quoted” words", "“quoted” words"),
            ("", ""),
        ];
        for (text, line) in cases {
            assert_eq!(collapse_whitespace(text), line, "{text:?}");
        }
    }
}
