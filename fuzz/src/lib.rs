//! Checks shared by the harnesses in `src/bin/`: each panics with what it
//! found, which afl-fuzz records as a crash.

use std::fmt::Display;

use claimcheck_core::{Bound, Interval};

/// An interval a claim or fact holds: no bound is NaN (every comparison
/// with NaN is false, so such a figure would silently match nothing), and
/// the lower bound is not above the upper one.
///
/// # Panics
///
/// When either promise is broken; `what` names the interval in the message.
pub fn assert_interval(interval: &Interval, what: impl Display) {
    let is_nan = |bound: Option<Bound>| bound.is_some_and(|bound| bound.value.is_nan());
    assert!(
        !is_nan(interval.low) && !is_nan(interval.high),
        "{what}: NaN bound in {interval:?}"
    );
    if let (Some(low), Some(high)) = (interval.low_value(), interval.high_value()) {
        assert!(low <= high, "{what}: low {low} above high {high}");
    }
}
