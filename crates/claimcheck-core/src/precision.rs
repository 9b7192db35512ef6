//! How far a written figure may stand from the truth and still be right.
//!
//! `normalize` reads claims with these rules and `reference` reads facts
//! with them, so that an article's "2,000" and a reference's `13000` are
//! judged by one measure. README.md shows each rule as a table of
//! examples.

/// How far a bare round figure reaches, as a share of its value: "2,000
/// peacekeepers" admits 1,900–2,100, which holds 1,960; "200 mm" admits
/// 190–210, which rules out 240.
pub const ROUND_SHARE: f64 = 0.05;

/// How far "about", "around", "some" and "nearly" reach, as a share of the
/// figure.
pub const APPROX_SHARE: f64 = 0.10;

/// How far "just over" and "just under" reach, as a share of the figure:
/// "just over $1 billion" holds $1.1 billion.
pub const JUST_SHARE: f64 = 0.10;

/// How far past its figure a one-sided figure ("more than", "at least",
/// "up to", "fewer than") reaches, in steps of its last digit, or as a
/// share of it, whichever is more: see [`bound_reach`].
pub const BOUND_STEPS: f64 = 3.0;

/// See [`BOUND_STEPS`].
pub const BOUND_SHARE: f64 = 0.2;

/// How far past its figure a one-sided figure reaches. A writer gives the
/// round figure just short of the truth: "more than 6,500" holds 6,731
/// and "more than 1,000", a milestone, holds 1,400; but the truth is not
/// far past it, so "more than 3,400" does not hold 4,300, "more than three
/// months" not three years, and "up to 12 months" not 12 weeks.
#[must_use]
pub fn bound_reach(value: f64, step: f64) -> f64 {
    (BOUND_STEPS * step).max(BOUND_SHARE * value.abs())
}

/// How far a round value of the reference reaches, as a share of it: a
/// reference of `13000`, taken from a source that said "more than 13,000",
/// admits 12,870–13,130, so that the article's "more than 13,000" agrees
/// with it and "more than 20,000" does not.
pub const REPORTED_SHARE: f64 = 0.01;

/// How far either side a figure written without a qualifier reaches.
///
/// `step` is the place of its last non-zero digit (1,000 for "2,000"), and
/// `unit_step` one of the smallest thing it is written in (one person,
/// one week, one dollar). The figure stands for what rounds to it, but a
/// round figure only within [`ROUND_SHARE`] of its value, and never
/// closer than half of `unit_step`: "10 people" is exactly ten, "six
/// weeks" anything from five and a half to six and a half weeks.
#[must_use]
pub fn written_reach(value: f64, step: f64, unit_step: f64) -> f64 {
    let half_step = step / 2.0;
    half_step.min((ROUND_SHARE * value.abs()).max(unit_step / 2.0))
}

/// How far either side a reference value written as `cell` reaches, when
/// the row gives no bounds or tolerance of its own. A value with zeros
/// at the end (`13000`), or written in a scale (`6.5` with `million
/// people`), is taken as the rounded figure a source reported, within
/// [`REPORTED_SHARE`] of it and half its last digit; any other value is
/// exact.
#[must_use]
pub fn reported_reach(cell: &str, value: f64, scaled: bool) -> f64 {
    let step = written_step(cell);
    if step < 10.0 && !scaled {
        return 0.0;
    }
    (step / 2.0).min(REPORTED_SHARE * value.abs())
}

/// The place of the last non-zero digit of a plain decimal as written:
/// 1,000 for `13000`, 0.1 for `6.5`, 1 for `286` and `0`.
#[must_use]
pub fn written_step(cell: &str) -> f64 {
    let digits = cell.trim().trim_start_matches(['+', '-']);
    if let Some((_, fraction)) = digits.split_once('.') {
        let places = fraction.trim_end_matches('0').len();
        return 10f64.powi(-(places as i32));
    }
    let zeros = digits.len() - digits.trim_end_matches('0').len();
    if zeros == digits.len() {
        return 1.0;
    }
    10f64.powi(zeros as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_figures_reach_a_small_share_and_small_counts_none() {
        // (value, step, unit_step, reach)
        let cases = [
            (2000.0, 1000.0, 1.0, 100.0),
            (10.0, 10.0, 1.0, 0.5),
            (286.0, 1.0, 1.0, 0.5),
            (6500.0, 100.0, 1.0, 50.0),
            (6.0, 1.0, 1.0, 0.5),
            (200.0, 100.0, 1.0, 10.0),
            (1.0e9, 1.0e9, 1.0, 5.0e7),
        ];
        for (value, step, unit_step, reach) in cases {
            assert_eq!(written_reach(value, step, unit_step), reach, "{value}");
        }
    }

    #[test]
    fn one_sided_figures_reach_a_few_steps_past_them() {
        // (value, step, reach)
        let cases = [
            (6500.0, 100.0, 1300.0),
            (3400.0, 100.0, 680.0),
            (1000.0, 1000.0, 3000.0),
            (21.0, 1.0, 4.2),
            (3.0, 1.0, 3.0),
        ];
        for (value, step, reach) in cases {
            assert!((bound_reach(value, step) - reach).abs() < 1e-9, "{value}");
        }
    }

    #[test]
    fn only_round_reference_values_reach() {
        assert_eq!(written_step("13000"), 1000.0);
        assert_eq!(written_step("6.50"), 0.1);
        assert_eq!(written_step("0"), 1.0);
        assert_eq!(reported_reach("13000", 13000.0, false), 130.0);
        assert_eq!(reported_reach("1960", 1960.0, false), 5.0);
        assert_eq!(reported_reach("286", 286.0, false), 0.0);
        assert_eq!(reported_reach("3.2", 3.2, false), 0.0);
        assert!((reported_reach("6.5", 6.5, true) - 0.05).abs() < 1e-12);
    }
}
