//! Exact arithmetic: decimals held as integer thousandths, and exact comparison of ratios.
//!
//! Weights, points, thresholds and fit settings are read as decimal numbers with at most
//! three decimals and held as thousandths, so sums are exact whatever their order, and
//! every comparison (a threshold, a tie, a rounding boundary) is exact by construction.

use std::cmp::Ordering;

/// Thousandths in one unit.
pub(crate) const MILLI: u64 = 1000;

/// `value` in thousandths, when it is finite, not negative, at most `max` and has at most
/// three decimals.
///
/// A decimal text with at most three decimals parses to the `f64` nearest to `m / 1000`,
/// which is exactly what `m as f64 / 1000.0` computes (one correctly rounded division), so
/// the round trip below accepts those texts and refuses any with more decimals.
pub(crate) fn thousandths(value: f64, max: u64) -> Result<u64, Inexact> {
    if !value.is_finite() || value < 0.0 {
        return Err(Inexact::Range);
    }
    #[allow(clippy::cast_precision_loss)] // max is far below 2^53
    if value > max as f64 {
        return Err(Inexact::Range);
    }
    let scaled = (value * 1000.0).round();
    // In range: value <= max <= 2^53 / 1000.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let m = scaled as u64;
    if from_thousandths(m).to_bits() == value.to_bits() {
        Ok(m)
    } else {
        Err(Inexact::Decimals)
    }
}

/// Why a number cannot be held exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Inexact {
    /// Negative, not finite or too large.
    Range,
    /// More than three decimals.
    Decimals,
}

/// Thousandths as the nearest `f64`: exact for every value below 2^53.
#[allow(clippy::cast_precision_loss)] // documented: thousandths stay far below 2^53
pub(crate) fn from_thousandths(m: u64) -> f64 {
    m as f64 / 1000.0
}

/// Compares `a / b` with `c / d` exactly (`b`, `d` > 0), by the continued-fraction
/// expansion of both, so no product can overflow.
pub(crate) fn cmp_ratio(mut a: u128, mut b: u128, mut c: u128, mut d: u128) -> Ordering {
    // Operands below 2^64 have cross products below 2^128: compare those directly.
    if (a | b | c | d) >> 64 == 0 {
        return (a * d).cmp(&(c * b));
    }
    // Each turn compares the integer parts, then the inverted remainders, with the
    // comparison's direction flipping at each inversion.
    let mut flipped = false;
    loop {
        let (qa, ra) = (a / b, a % b);
        let (qc, rc) = (c / d, c % d);
        let order = qa.cmp(&qc);
        if order != Ordering::Equal {
            return if flipped { order.reverse() } else { order };
        }
        let order = match (ra == 0, rc == 0) {
            (true, true) => return Ordering::Equal,
            (true, false) => Ordering::Less,
            (false, true) => Ordering::Greater,
            (false, false) => {
                // ra/b vs rc/d  <=>  d/rc vs b/ra
                (a, b, c, d) = (b, ra, d, rc);
                flipped = !flipped;
                continue;
            }
        };
        return if flipped { order.reverse() } else { order };
    }
}

/// The greatest common divisor.
pub(crate) fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// The least common multiple of two positive numbers.
pub(crate) fn lcm(a: u128, b: u128) -> u128 {
    a / gcd(a, b) * b
}

/// `a / b` rounded up (`b` > 0).
pub(crate) fn div_ceil(a: u128, b: u128) -> u128 {
    a.div_ceil(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousandths_accepts_three_decimals_and_refuses_more() {
        assert_eq!(thousandths(0.2, 1_000_000), Ok(200));
        assert_eq!(thousandths(0.7, 1_000_000), Ok(700));
        assert_eq!(thousandths(0.1, 1_000_000), Ok(100));
        assert_eq!(thousandths(1.0, 1_000_000), Ok(1000));
        assert_eq!(thousandths(199.123, 1_000_000), Ok(199_123));
        assert_eq!(thousandths(0.0001, 1_000_000), Err(Inexact::Decimals));
        assert_eq!(
            thousandths(199.000_000_04, 1_000_000),
            Err(Inexact::Decimals)
        );
        assert_eq!(thousandths(5e-324, 1_000_000), Err(Inexact::Decimals));
        assert_eq!(thousandths(-1.0, 1_000_000), Err(Inexact::Range));
        assert_eq!(thousandths(f64::NAN, 1_000_000), Err(Inexact::Range));
        assert_eq!(thousandths(1_000_001.0, 1_000_000), Err(Inexact::Range));
        // 0.2 + 0.7 + 0.1 in thousandths is exactly 1.
        let sum: u64 = [0.2, 0.7, 0.1]
            .iter()
            .map(|&w| thousandths(w, 10).unwrap())
            .sum();
        assert_eq!(sum, 1000);
    }

    #[test]
    fn ratios_compare_exactly() {
        assert_eq!(cmp_ratio(1, 3, 2, 6), Ordering::Equal);
        assert_eq!(cmp_ratio(1, 3, 1, 2), Ordering::Less);
        assert_eq!(cmp_ratio(5, 2, 7, 3), Ordering::Greater);
        assert_eq!(cmp_ratio(0, 1, 0, 5), Ordering::Equal);
        assert_eq!(cmp_ratio(0, 1, 1, 5), Ordering::Less);
        let big = u128::MAX;
        assert_eq!(cmp_ratio(big, big - 1, big - 1, big - 2), Ordering::Less);
        assert_eq!(cmp_ratio(big - 1, big, big - 2, big - 1), Ordering::Greater);
        // Every small pair against the obvious cross product.
        for a in 0..12u128 {
            for b in 1..12u128 {
                for c in 0..12u128 {
                    for d in 1..12u128 {
                        assert_eq!(
                            cmp_ratio(a, b, c, d),
                            (a * d).cmp(&(c * b)),
                            "{a}/{b} {c}/{d}"
                        );
                    }
                }
            }
        }
    }
}
