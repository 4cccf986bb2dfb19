//! Options for an assessment: how far self-ratings are trusted.

use serde::{Deserialize, Serialize};

use crate::proficiency::Proficiency;

/// How far self-ratings are trusted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Calibration {
    /// Use every self-rating as given (the default).
    #[default]
    Trust,
    /// For screening: a rating above `above` with no evidence counts as `above`.
    CapUnevidenced {
        /// The highest proficiency accepted without evidence.
        above: Proficiency,
    },
}

/// Options for [`Framework::assess_with`](crate::Framework::assess_with).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Options {
    /// The calibration policy; [`Calibration::Trust`] by default.
    #[serde(default)]
    pub calibration: Calibration,
}

impl Options {
    /// Options with this calibration policy.
    ///
    /// # Example
    /// ```
    /// use skillgauge::{Calibration, Options, Proficiency};
    ///
    /// let screening = Options::new(Calibration::CapUnevidenced { above: Proficiency::Competent });
    /// assert_ne!(screening, Options::default());
    /// ```
    pub fn new(calibration: Calibration) -> Options {
        Options { calibration }
    }
}
