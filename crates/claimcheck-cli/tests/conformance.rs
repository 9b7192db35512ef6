//! Scores extraction against the Recognizers-Text conformance suite in
//! `data/conformance/` (see its README for the format and the scoring) and
//! holds it to the targets: F1 on values of at least 0.90 over the whole
//! suite and 0.85 on each part. `just conformance` prints the table.

// The table is this test's report.
#![allow(clippy::print_stdout)]

use std::collections::BTreeMap;
use std::path::Path;

use claimcheck_core::{Claim, Kind, Qualifier};
use serde_json::Value;

const SUITE: &str = "data/conformance/recognizers-en.jsonl";
const OVERALL_TARGET: f64 = 0.90;
const PART_TARGET: f64 = 0.85;

/// A mention as the suite scores it: character offsets, the figure, and
/// the bounds only when the phrase states them ("more than", "between").
#[derive(Debug)]
struct Predicted {
    start: usize,
    end: usize,
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    unit: Option<String>,
}

#[derive(Debug)]
struct Expected {
    start: usize,
    end: usize,
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    unit: Option<String>,
}

#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    cases: usize,
    expected: usize,
    matched: usize,
    false_positives: usize,
    units_agreeing: usize,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.cases += other.cases;
        self.expected += other.expected;
        self.matched += other.matched;
        self.false_positives += other.false_positives;
        self.units_agreeing += other.units_agreeing;
    }

    fn precision(&self) -> f64 {
        ratio(self.matched, self.matched + self.false_positives)
    }

    fn recall(&self) -> f64 {
        ratio(self.matched, self.expected)
    }

    fn f1(&self) -> f64 {
        let (precision, recall) = (self.precision(), self.recall());
        if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        }
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

fn predict(text: &str) -> Vec<Predicted> {
    let extraction = claimcheck_extract::extract(text, claimcheck_extract::Format::Plain);
    let claims = claimcheck_normalize::normalize(extraction.mentions, None).claims;
    claims.iter().map(|claim| predicted(text, claim)).collect()
}

fn predicted(text: &str, claim: &Claim) -> Predicted {
    let quantity = &claim.quantity;
    let chars = |byte: usize| text[..byte].chars().count();
    let (low, high) = match quantity.qualifier {
        Qualifier::MoreThan | Qualifier::AtLeast => (quantity.value, None),
        Qualifier::UpTo | Qualifier::LessThan => (None, quantity.value),
        Qualifier::Exactly => (quantity.value, quantity.value),
        _ if quantity.value.is_none() => (
            quantity.interval.low_value(),
            quantity.interval.high_value(),
        ),
        _ => (None, None),
    };
    Predicted {
        start: chars(claim.span.start),
        end: chars(claim.span.end),
        // Dates are day numbers, which the suite never expects.
        value: quantity.value.filter(|_| quantity.kind != Kind::Date),
        low,
        high,
        unit: quantity.unit.clone(),
    }
}

fn expected(text: &str, case: &Value) -> Vec<Expected> {
    let mut searched_from = 0;
    case["expected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|mention| {
            let surface = mention["surface"].as_str().unwrap();
            // Surfaces are listed in text order; a repeated one is the next occurrence.
            let byte = text[searched_from..]
                .find(surface)
                .map_or_else(|| text.find(surface).unwrap_or(0), |at| searched_from + at);
            searched_from = byte + surface.len();
            let chars = |byte: usize| text[..byte].chars().count();
            Expected {
                start: chars(byte),
                end: chars(byte + surface.len()),
                value: mention["value"].as_f64(),
                low: mention["low"].as_f64(),
                high: mention["high"].as_f64(),
                unit: mention["unit"].as_str().map(str::to_string),
            }
        })
        .collect()
}

fn same(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-9),
        (None, None) => true,
        _ => false,
    }
}

fn matches(expected: &Expected, predicted: &Predicted) -> bool {
    if expected.value.is_some() {
        same(expected.value, predicted.value)
    } else {
        same(expected.low, predicted.low) && same(expected.high, predicted.high)
    }
}

/// Units compare case-insensitively without a plural "s", and by a few
/// names the suite spells in words where claimcheck uses codes.
fn unit_key(unit: &str) -> String {
    let lower = unit.to_lowercase();
    let named = match lower.as_str() {
        "usd" => "dollar",
        "eur" => "euro",
        "gbp" => "pound",
        "jpy" => "japanese yen",
        "cny" => "chinese yuan",
        "°c" => "c",
        "°f" => "f",
        "km" => "kilometer",
        "m" => "meter",
        "cm" => "centimeter",
        "mm" => "millimeter",
        "kg" => "kilogram",
        "g" => "gram",
        "tonnes" => "ton",
        "km2" => "square kilometer",
        other => other,
    };
    named.strip_suffix('s').unwrap_or(named).to_string()
}

fn score(case: &Value) -> Tally {
    let text = case["text"].as_str().unwrap();
    let expected = expected(text, case);
    let predicted = predict(text);
    let mut taken = vec![false; predicted.len()];
    let mut tally = Tally {
        cases: 1,
        expected: expected.len(),
        ..Tally::default()
    };
    for wanted in &expected {
        let found = predicted
            .iter()
            .enumerate()
            .find(|(index, predicted)| !taken[*index] && matches(wanted, predicted));
        if let Some((index, predicted)) = found {
            taken[index] = true;
            tally.matched += 1;
            let agree = match (&wanted.unit, &predicted.unit) {
                (Some(wanted), Some(found)) => unit_key(wanted) == unit_key(found),
                (None, _) => true,
                (Some(_), None) => false,
            };
            tally.units_agreeing += usize::from(agree);
        }
    }
    // Each part annotates only its own type, so an unmatched prediction is
    // wrong only where it overlaps an expected surface.
    for (index, predicted) in predicted.iter().enumerate() {
        let overlaps = expected
            .iter()
            .any(|wanted| predicted.start < wanted.end && wanted.start < predicted.end);
        if !taken[index] && overlaps {
            tally.false_positives += 1;
        }
    }
    tally
}

fn suite() -> Vec<Value> {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(SUITE))
        .expect("the suite is in data/conformance");
    text.lines()
        .map(|line| serde_json::from_str(line).expect("each line is JSON"))
        .collect()
}

#[test]
fn conformance_meets_its_targets() {
    let mut parts: BTreeMap<String, Tally> = BTreeMap::new();
    let mut misses = Vec::new();
    for case in suite() {
        let tally = score(&case);
        if tally.matched < tally.expected || tally.false_positives > 0 {
            misses.push(format!(
                "{} {:?}",
                case["id"].as_str().unwrap(),
                case["text"].as_str().unwrap()
            ));
        }
        parts
            .entry(case["suite"].as_str().unwrap().to_string())
            .or_default()
            .add(tally);
    }
    let mut overall = Tally::default();
    println!("| part | cases | expected | precision | recall | F1 | units agree |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (part, tally) in &parts {
        overall.add(*tally);
        print_row(part, tally);
    }
    print_row("all", &overall);
    if std::env::var_os("CONFORMANCE_MISSES").is_some() {
        for miss in &misses {
            println!("{miss}");
        }
    }
    let short: Vec<&String> = parts
        .iter()
        .filter(|(_, tally)| tally.f1() < PART_TARGET)
        .map(|(part, _)| part)
        .collect();
    assert!(
        overall.f1() >= OVERALL_TARGET,
        "F1 {:.3} over the suite is below {OVERALL_TARGET}",
        overall.f1()
    );
    assert!(short.is_empty(), "F1 below {PART_TARGET} on {short:?}");
}

fn print_row(part: &str, tally: &Tally) {
    println!(
        "| {part} | {} | {} | {:.3} | {:.3} | {:.3} | {:.3} |",
        tally.cases,
        tally.expected,
        tally.precision(),
        tally.recall(),
        tally.f1(),
        ratio(tally.units_agreeing, tally.matched)
    );
}
