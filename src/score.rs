//! The scoring rules of DESIGN.md section 2.

use serde::{Deserialize, Serialize};

use crate::assessment::{Assessment, Confidence};
use crate::error::Error;
use crate::framework::Framework;
use crate::plan;
use crate::proficiency::Proficiency;
use crate::report::{
    Blocker, LevelResult, Report, Salary, SkillResult, Strength, Warning, WarningCode,
};

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

/// Options for [`Framework::assess_with`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Options {
    /// The calibration policy; [`Calibration::Trust`] by default.
    #[serde(default)]
    pub calibration: Calibration,
}

/// The overall score: Σ weight × rating / (5 × Σ weight) × 100, rounded half up.
pub(crate) fn score(weights: &[f64], ratings: &[Proficiency]) -> u8 {
    let (mut sum, mut total) = (0.0, 0.0);
    for (w, r) in weights.iter().zip(ratings) {
        sum += w * f64::from(r.as_u8());
        total += w;
    }
    if total <= 0.0 {
        return 0;
    }
    // A tiny tolerance so that an exact half computed as 62.4999999 still rounds up.
    let value = (sum * 20.0 / total + 0.5 + 1e-9).floor();
    // In range by construction: ratings are 0-5.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // clamped to 0-100
    let score = value.clamp(0.0, 100.0) as u8;
    score
}

impl Framework {
    /// Assesses a person against this framework with the default [`Options`].
    ///
    /// # Errors
    /// Any error of [`Assessment::validate`]: a rated skill, completed step, target level
    /// or training option the framework lacks, or a value out of range.
    ///
    /// # Example
    /// ```
    /// use skillgauge::{Assessment, Framework};
    ///
    /// let assessment = Assessment::from_json(r#"{
    ///     "ratings": {
    ///         "programming-languages": "competent", "databases-data-modeling": 2,
    ///         "apis-integration": 2, "security": 1, "problem-solving-debugging": 2,
    ///         "attention-to-detail": 2, "communication": 2
    ///     }
    /// }"#)?;
    /// let report = Framework::backend_developer().assess(&assessment)?;
    /// assert_eq!(report.readiness.as_ref().map(|l| l.as_str()), Some("entry"));
    /// assert_eq!(report.target.as_ref().map(|l| l.as_str()), Some("mid"));
    /// # Ok::<(), skillgauge::Error>(())
    /// ```
    pub fn assess(&self, assessment: &Assessment) -> Result<Report, Error> {
        self.assess_with(assessment, &Options::default())
    }

    /// Assesses a person against this framework.
    ///
    /// # Errors
    /// As [`Framework::assess`].
    ///
    /// # Example
    /// ```
    /// use skillgauge::{Assessment, Calibration, Framework, Options, Proficiency};
    ///
    /// let a = Assessment::new().rate("security", Proficiency::Expert)?;
    /// let options = Options { calibration: Calibration::CapUnevidenced { above: Proficiency::Competent } };
    /// let report = Framework::backend_developer().assess_with(&a, &options)?;
    /// let security = report.skill("security").unwrap();
    /// assert_eq!(security.self_rating, Some(Proficiency::Expert));
    /// assert_eq!(security.rating, Proficiency::Competent);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[allow(clippy::too_many_lines)] // the report is assembled field by field, in order
    pub fn assess_with(&self, assessment: &Assessment, options: &Options) -> Result<Report, Error> {
        assessment.validate(self)?;
        let skills = self.skills();
        let index = &self.index;
        let scorer = &index.prepared;

        let self_ratings: Vec<Proficiency> = skills
            .iter()
            .map(|s| assessment.rating(s.id.as_str()))
            .collect();
        let effective: Vec<Proficiency> = skills
            .iter()
            .zip(&self_ratings)
            .map(|(skill, &rating)| match options.calibration {
                Calibration::CapUnevidenced { above } => {
                    let evidenced = assessment
                        .ratings
                        .get(&skill.id)
                        .is_some_and(|r| !r.evidence.is_empty());
                    if evidenced { rating } else { rating.min(above) }
                }
                Calibration::Trust => rating,
            })
            .collect();

        let points = scorer.points_of(&effective);
        let mut levels = Vec::with_capacity(self.levels().len());
        for (li, level) in self.levels().iter().enumerate() {
            let met = scorer.level_met(&effective, points, li);
            let fit = scorer.fit_of(&effective, points, li);
            levels.push(LevelResult {
                level: level.id.clone(),
                met,
                fit,
                tier: scorer.tier(met, fit),
            });
        }
        // The highest level met with every lower level met too.
        let ready = levels.iter().take_while(|l| l.met).count().checked_sub(1);
        let top = self.levels().len() - 1;
        let target = match &assessment.preferences.target_level {
            Some(id) => index.levels.get(id).copied().unwrap_or(top),
            None => ready.map_or(0, |r| (r + 1).min(top)),
        };
        let required = &index.requires[target];

        let skill_results = skills
            .iter()
            .enumerate()
            .map(|(si, skill)| SkillResult {
                skill: skill.id.clone(),
                self_rating: (options.calibration != Calibration::Trust)
                    .then_some(self_ratings[si]),
                rating: effective[si],
                required: required[si],
                gap: required[si].as_u8().saturating_sub(effective[si].as_u8()),
            })
            .collect();

        let blockers = blockers(skills, &effective, required);

        let mut strengths: Vec<(usize, Strength)> = skills
            .iter()
            .enumerate()
            .filter(|&(si, _)| required[si] > Proficiency::None && effective[si] > required[si])
            .map(|(si, skill)| {
                let surplus = effective[si].index() - required[si].index();
                (
                    surplus,
                    Strength {
                        skill: skill.id.clone(),
                        rating: effective[si],
                        required: required[si],
                    },
                )
            })
            .collect();
        strengths.sort_by_key(|s| std::cmp::Reverse(s.0));

        let target_min = scorer.min_points(target);
        let missing_points = (target_min > points).then_some(target_min - points);

        let salary = ready.and_then(|r| {
            let level = &self.levels()[r];
            level.salary.as_ref().map(|band| Salary {
                level: level.id.clone(),
                band: band.clone(),
                caveat: self.salary_note().map(str::to_owned),
            })
        });

        let warnings = warnings(self, assessment, &self_ratings, &effective);
        let plan = plan::build(self, assessment, &effective, ready, target);

        Ok(Report {
            framework: self.id().clone(),
            readiness: ready.map(|r| self.levels()[r].id.clone()),
            score: score(&index.weights, &effective),
            points,
            levels,
            skills: skill_results,
            target: Some(self.levels()[target].id.clone()),
            strengths: strengths.into_iter().map(|(_, s)| s).collect(),
            blockers,
            missing_points,
            warnings,
            salary,
            plan,
        })
    }
}

/// The unmet requirements of a level, largest weight × gap first; equal ones keep framework
/// order (the sort is stable).
pub(crate) fn blockers(
    skills: &[crate::Skill],
    ratings: &[Proficiency],
    required: &[Proficiency],
) -> Vec<Blocker> {
    let mut blockers: Vec<Blocker> = skills
        .iter()
        .zip(ratings)
        .zip(required)
        .filter(|((_, r), q)| r < q)
        .map(|((skill, &rating), &required)| Blocker {
            skill: skill.id.clone(),
            rating,
            required,
            gap: required.as_u8() - rating.as_u8(),
            weight: skill.weight,
        })
        .collect();
    blockers
        .sort_by(|a, b| (b.weight * f64::from(b.gap)).total_cmp(&(a.weight * f64::from(a.gap))));
    blockers
}

/// Years of experience under which most-skills-expert is implausible.
const IMPLAUSIBLE_EXPERT_YEARS: f64 = 2.0;

fn warnings(
    framework: &Framework,
    assessment: &Assessment,
    self_ratings: &[Proficiency],
    effective: &[Proficiency],
) -> Vec<Warning> {
    let skills = framework.skills();
    let mut out = Vec::new();
    let all_rated = skills
        .iter()
        .all(|s| assessment.ratings.contains_key(&s.id));
    if skills.len() >= 2
        && all_rated
        && let Some(first) = self_ratings.first()
        && self_ratings.iter().all(|r| r == first)
    {
        out.push(Warning {
            code: WarningCode::UniformRatings,
            skill: None,
            message: format!(
                "every skill is rated {}: rate each skill against its own descriptors",
                first.label()
            ),
        });
    }
    if let Some(years) = assessment.experience_years {
        let experts = self_ratings
            .iter()
            .filter(|r| **r == Proficiency::Expert)
            .count();
        if years < IMPLAUSIBLE_EXPERT_YEARS && experts * 2 > skills.len() {
            out.push(Warning {
                code: WarningCode::ImplausibleForExperience,
                skill: None,
                message: format!(
                    "{experts} of {} skills are rated expert with {years} years of experience: \
                     expertise usually takes years of practice",
                    skills.len()
                ),
            });
        }
    }
    for (si, skill) in skills.iter().enumerate() {
        let Some(rating) = assessment.ratings.get(&skill.id) else {
            out.push(Warning {
                code: WarningCode::UnratedSkill,
                skill: Some(skill.id.clone()),
                message: format!("{} is not rated and counts as none", skill.name),
            });
            continue;
        };
        if rating.proficiency >= Proficiency::Proficient
            && rating.confidence == Some(Confidence::Low)
            && rating.evidence.is_empty()
        {
            out.push(Warning {
                code: WarningCode::UnevidencedHighRating,
                skill: Some(skill.id.clone()),
                message: format!(
                    "{} is rated {} with low confidence and no evidence",
                    skill.name,
                    rating.proficiency.label()
                ),
            });
        }
        if effective[si] < self_ratings[si] {
            out.push(Warning {
                code: WarningCode::CappedRating,
                skill: Some(skill.id.clone()),
                message: format!(
                    "{} is self-rated {} without evidence and counted as {}",
                    skill.name,
                    self_ratings[si].label(),
                    effective[si].label()
                ),
            });
        }
    }
    out
}
