//! SARIF 2.1.0, the log format of code scanning: one result per verdict,
//! each under the rule of its verdict, with the figure's place in the
//! article, the reason as its message, and the fact in its properties.
//!
//! A contradicted or inconsistent claim is a failure of level `error`, an
//! ambiguous one of level `warning`. A supported claim is a result of kind
//! `pass` and an unverified one of kind `review` (a person has to look);
//! SARIF gives results of a kind other than `fail` the level `none`.
//!
//! Columns count UTF-16 code units, SARIF's default `columnKind`, which
//! the run states; byte offsets and lengths are given too.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{self, Write};

use claimcheck_core::{Assessment, Verdict};
use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use serde_json::Value;
use serde_sarif::sarif;

use crate::lines::Columns;
use crate::record::Record;
use crate::{Document, Envelope, Finding};

/// The rules, one per verdict; a result names its rule by its place here.
const RULES: [Verdict; 5] = [
    Verdict::Contradicted,
    Verdict::Inconsistent,
    Verdict::Ambiguous,
    Verdict::Unverified,
    Verdict::Supported,
];

/// The fields of a record that say which fact a verdict rests on, kept as
/// a result's properties under the names the JSON records give them.
const FACT_FIELDS: [&str; 9] = [
    "fact",
    "subject",
    "reference_value",
    "reference_low",
    "reference_high",
    "reference_unit",
    "source",
    "as_of",
    "candidates",
];

/// What a file path may not hold as it is in a URI reference.
const NOT_IN_URI: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

fn level(verdict: Verdict) -> sarif::ResultLevel {
    match Finding::of(verdict) {
        Some(Finding::Error) => sarif::ResultLevel::Error,
        Some(Finding::Warning) => sarif::ResultLevel::Warning,
        None => sarif::ResultLevel::None,
    }
}

fn kind(verdict: Verdict) -> sarif::ResultKind {
    match verdict {
        Verdict::Supported => sarif::ResultKind::Pass,
        Verdict::Unverified => sarif::ResultKind::Review,
        Verdict::Contradicted | Verdict::Inconsistent | Verdict::Ambiguous => {
            sarif::ResultKind::Fail
        }
    }
}

/// A rule's name, which SARIF wants apart from its id, and what it says
/// of the claims under it.
fn description(verdict: Verdict) -> (&'static str, &'static str) {
    match verdict {
        Verdict::Contradicted => (
            "ContradictedByTheReference",
            "A fact of the reference applies to the figure and rules it out.",
        ),
        Verdict::Inconsistent => (
            "InconsistentAcrossArticles",
            "Another article states the same figure and both cannot be right.",
        ),
        Verdict::Ambiguous => (
            "AmbiguousBetweenFacts",
            "Facts of the reference apply equally well to the figure and disagree.",
        ),
        Verdict::Unverified => (
            "UnverifiedForWantOfAFact",
            "No fact of the reference applies to the figure.",
        ),
        Verdict::Supported => (
            "SupportedByTheReference",
            "A fact of the reference applies to the figure and agrees with it.",
        ),
    }
}

fn rule(verdict: Verdict) -> sarif::ReportingDescriptor {
    let (name, text) = description(verdict);
    let level = match level(verdict) {
        sarif::ResultLevel::Error => "error",
        sarif::ResultLevel::Warning => "warning",
        sarif::ResultLevel::Note => "note",
        sarif::ResultLevel::None => "none",
    };
    sarif::ReportingDescriptor::builder()
        .id(verdict.as_str())
        .name(name)
        .short_description(
            sarif::MultiformatMessageString::builder()
                .text(text)
                .build(),
        )
        .default_configuration(
            sarif::ReportingConfiguration::builder()
                .level(Value::from(level))
                .build(),
        )
        .build()
}

/// The log around the results: the tool and its rules before them, the
/// ends of the run and of the log after them.
pub(crate) fn envelope() -> Envelope {
    let driver = sarif::ToolComponent::builder()
        .name("claimcheck")
        .version(env!("CARGO_PKG_VERSION"))
        .rules(RULES.map(rule).to_vec())
        .build();
    let run = sarif::Run::builder()
        .tool(sarif::Tool::builder().driver(driver).build())
        .column_kind(Value::from("utf16CodeUnits"))
        .results(Vec::new())
        .build();
    let log = sarif::Sarif::builder()
        .schema("https://json.schemastore.org/sarif-2.1.0.json")
        .version(Value::from("2.1.0"))
        .runs(vec![run])
        .build();
    let text = serde_json::to_string(&log).expect("a log of plain strings serializes");
    // Keys are written with their quotes bare, and quotes inside strings
    // escaped, so only the run's results can match.
    let results = "\"results\":[";
    let split = text
        .find("\"results\":[]")
        .expect("the run has an empty array of results")
        + results.len();
    Envelope {
        head: Cow::Owned(text[..split].to_string()),
        tail: Cow::Owned(text[split..].to_string()),
    }
}

/// The result of one claim, on a line of its own.
pub(crate) fn result(
    out: &mut impl Write,
    document: Document<'_>,
    assessment: &Assessment<'_>,
) -> io::Result<()> {
    let verdict = assessment.verdict;
    let span = assessment.claim.span;
    let place = document.lines.region(document.source, span, Columns::Utf16);
    let region = sarif::Region::builder()
        .start_line(place.start_line as i64)
        .start_column(place.start_column as i64)
        .end_line(place.end_line as i64)
        .end_column(place.end_column as i64)
        .byte_offset(span.start as i64)
        .byte_length(span.len() as i64)
        .snippet(
            sarif::ArtifactContent::builder()
                .text(span.of(document.source))
                .build(),
        )
        .build();
    let artifact = sarif::ArtifactLocation::builder()
        .uri(utf8_percent_encode(document.path, NOT_IN_URI).to_string())
        .build();
    let location = sarif::Location::builder()
        .physical_location(
            sarif::PhysicalLocation::builder()
                .artifact_location(artifact)
                .region(region)
                .build(),
        )
        .build();
    let rule_index = RULES
        .iter()
        .position(|rule| *rule == verdict)
        .expect("every verdict has its rule");
    let mut result = sarif::Result::builder()
        .rule_id(verdict.as_str())
        .rule_index(rule_index as i64)
        .kind(kind(verdict))
        .level(level(verdict))
        .message(
            sarif::Message::builder()
                .text(assessment.reason.as_str())
                .build(),
        )
        .locations(vec![location])
        .build();
    let properties = fact_properties(document, assessment)?;
    if !properties.is_empty() {
        result.properties = Some(
            sarif::PropertyBag::builder()
                .additional_properties(properties)
                .build(),
        );
    }
    serde_json::to_writer(&mut *out, &result)?;
    out.write_all(b"\n")
}

/// The fact fields of the claim's record that have a value.
fn fact_properties(
    document: Document<'_>,
    assessment: &Assessment<'_>,
) -> io::Result<BTreeMap<String, Value>> {
    let record = serde_json::to_value(Record::of_assessment(document, assessment))?;
    Ok(FACT_FIELDS
        .iter()
        .filter_map(|field| {
            record
                .get(field)
                .filter(|value| !value.is_null() && *value != "")
                .map(|value| ((*field).to_string(), value.clone()))
        })
        .collect())
}
