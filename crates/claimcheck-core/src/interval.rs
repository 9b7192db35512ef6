use serde::{Deserialize, Serialize};

/// One end of an [`Interval`].
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bound {
    pub value: f64,
    pub inclusive: bool,
}

/// The set of values a figure allows; `None` on a side means unbounded.
///
/// Claims and facts are both intervals, so a verdict is one question: do
/// they overlap? Bounds carry their inclusiveness because "more than 6,500"
/// must exclude exactly 6,500 while "at least 6,500" includes it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Interval {
    pub low: Option<Bound>,
    pub high: Option<Bound>,
}

impl Interval {
    pub const UNBOUNDED: Interval = Interval {
        low: None,
        high: None,
    };

    #[must_use]
    pub fn exact(value: f64) -> Interval {
        Interval::closed(value, value)
    }

    /// `[low, high]`
    #[must_use]
    pub fn closed(low: f64, high: f64) -> Interval {
        Interval {
            low: Some(Bound {
                value: low,
                inclusive: true,
            }),
            high: Some(Bound {
                value: high,
                inclusive: true,
            }),
        }
    }

    /// `[low, high)`, the reading of a rounded figure: 2,000 stands for
    /// anything that rounds to it, which excludes 2,500 itself.
    #[must_use]
    pub fn half_open(low: f64, high: f64) -> Interval {
        Interval {
            low: Some(Bound {
                value: low,
                inclusive: true,
            }),
            high: Some(Bound {
                value: high,
                inclusive: false,
            }),
        }
    }

    #[must_use]
    pub fn above(value: f64, inclusive: bool) -> Interval {
        Interval {
            low: Some(Bound { value, inclusive }),
            high: None,
        }
    }

    #[must_use]
    pub fn below(value: f64, inclusive: bool) -> Interval {
        Interval {
            low: None,
            high: Some(Bound { value, inclusive }),
        }
    }

    #[must_use]
    pub fn low_value(&self) -> Option<f64> {
        self.low.map(|bound| bound.value)
    }

    #[must_use]
    pub fn high_value(&self) -> Option<f64> {
        self.high.map(|bound| bound.value)
    }

    /// Whether some value lies in both intervals.
    #[must_use]
    pub fn overlaps(&self, other: &Interval) -> bool {
        reaches(self.low, other.high) && reaches(other.low, self.high)
    }

    #[must_use]
    pub fn contains(&self, value: f64) -> bool {
        self.overlaps(&Interval::exact(value))
    }

    /// The interval under an increasing map, such as a unit conversion.
    #[must_use]
    pub fn map(self, convert: impl Fn(f64) -> f64) -> Interval {
        let convert_bound = |bound: Bound| Bound {
            value: convert(bound.value),
            inclusive: bound.inclusive,
        };
        Interval {
            low: self.low.map(convert_bound),
            high: self.high.map(convert_bound),
        }
    }
}

/// Whether a lower bound leaves room below an upper bound.
fn reaches(low: Option<Bound>, high: Option<Bound>) -> bool {
    match (low, high) {
        (Some(low), Some(high)) => {
            low.value < high.value || (low.value == high.value && low.inclusive && high.inclusive)
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::Interval;

    #[test]
    fn overlap_table() {
        let cases = [
            // (a, b, overlaps)
            (
                Interval::above(6500.0, false),
                Interval::exact(6731.0),
                true,
            ),
            (
                Interval::above(6500.0, false),
                Interval::exact(6500.0),
                false,
            ),
            (Interval::above(6500.0, true), Interval::exact(6500.0), true),
            (
                Interval::above(6500.0, false),
                Interval::closed(6000.0, 6500.0),
                false,
            ),
            (
                Interval::half_open(1500.0, 2500.0),
                Interval::exact(1960.0),
                true,
            ),
            (
                Interval::half_open(1500.0, 2500.0),
                Interval::exact(2500.0),
                false,
            ),
            (
                Interval::closed(285.5, 286.5),
                Interval::exact(386.0),
                false,
            ),
            (
                Interval::closed(285.5, 286.5),
                Interval::closed(284.0, 287.0),
                true,
            ),
            (Interval::below(20.0, true), Interval::exact(20.0), true),
            (Interval::below(20.0, false), Interval::exact(20.0), false),
            (Interval::UNBOUNDED, Interval::exact(1.0), true),
        ];
        for (a, b, expected) in cases {
            assert_eq!(a.overlaps(&b), expected, "{a:?} vs {b:?}");
            assert_eq!(
                b.overlaps(&a),
                expected,
                "overlap must be symmetric: {b:?} vs {a:?}"
            );
        }
    }

    #[test]
    fn map_converts_both_bounds_and_keeps_inclusiveness() {
        let weeks = Interval::half_open(5.5, 6.5);
        let days = weeks.map(|w| w * 7.0);
        assert_eq!(days, Interval::half_open(38.5, 45.5));
    }
}
