//! Calibration (DESIGN.md section 2): each warning code fires when it should and not
//! otherwise, messages name skills by name, the cap policy, and warnings that never change
//! readiness under trust.

use serde_json::{Value, json};
use skillgauge::Proficiency::{AdvancedBeginner, Competent, Expert, Novice, Proficient};
use skillgauge::{Assessment, Calibration, Framework, Options, Proficiency, Report, WarningCode};

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

/// The built-in skill ids, in framework order.
const SKILLS: [&str; 7] = [
    "programming-languages",
    "databases-data-modeling",
    "apis-integration",
    "security",
    "problem-solving-debugging",
    "attention-to-detail",
    "communication",
];

fn builtin() -> &'static Framework {
    Framework::backend_developer()
}

#[track_caller]
fn assessment(value: &Value) -> Assessment {
    Assessment::from_json(&value.to_string()).unwrap_or_else(|e| panic!("{e}: {value}"))
}

#[track_caller]
fn report(value: &Value) -> Report {
    builtin()
        .assess(&assessment(value))
        .unwrap_or_else(|e| panic!("{e}: {value}"))
}

#[track_caller]
fn report_with(value: &Value, options: Options) -> Report {
    builtin()
        .assess_with(&assessment(value), &options)
        .unwrap_or_else(|e| panic!("{e}: {value}"))
}

/// Every built-in skill rated, in framework order.
fn ratings(profile: [Proficiency; 7]) -> Value {
    Value::Object(
        SKILLS
            .iter()
            .zip(profile)
            .map(|(id, p)| ((*id).to_owned(), json!(p.as_str())))
            .collect(),
    )
}

/// The warnings with `code`: (skill, name, message).
fn warned(report: &Report, code: WarningCode) -> Vec<(Option<&str>, Option<&str>, &str)> {
    report
        .warnings
        .iter()
        .filter(|w| w.code == code)
        .map(|w| {
            (
                w.skill.as_ref().map(skillgauge::Id::as_str),
                w.name.as_deref(),
                w.message.as_str(),
            )
        })
        .collect()
}

fn codes(report: &Report) -> Vec<WarningCode> {
    report.warnings.iter().map(|w| w.code).collect()
}

fn cap_at(above: Proficiency) -> Options {
    Options::new(Calibration::CapUnevidenced { above })
}

/// Exactly what mid asks: proficient programming languages, advanced beginner security,
/// competent elsewhere.
const MID: [Proficiency; 7] = [
    Proficient,
    Competent,
    Competent,
    AdvancedBeginner,
    Competent,
    Competent,
    Competent,
];

// ---------------------------------------------------------------------------------------
// uniform_ratings
// ---------------------------------------------------------------------------------------

#[test]
fn uniform_ratings_fires_when_every_skill_has_the_same_rating() {
    for (p, words) in [
        (Competent, "competent"),
        (AdvancedBeginner, "advanced beginner"),
        (Proficiency::None, "none"),
    ] {
        let r = report(&json!({ "ratings": ratings([p; 7]) }));
        assert_eq!(
            warned(&r, WarningCode::UniformRatings),
            [(
                None,
                None,
                format!(
                    "you rated every skill the same ({words}): read each skill's descriptions and rate it on its own"
                )
                .as_str()
            )]
        );
    }
}

#[test]
fn uniform_ratings_is_silent_when_one_rating_differs_or_a_skill_is_unrated() {
    let mut profile = [Competent; 7];
    profile[6] = Proficient;
    let r = report(&json!({ "ratings": ratings(profile) }));
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);

    // Six rated alike, one unrated: the unrated one is warned about, not uniformity.
    let mut six = ratings([Competent; 7]);
    six.as_object_mut().map(|m| m.remove("communication"));
    let r = report(&json!({ "ratings": six }));
    assert_eq!(codes(&r), [WarningCode::UnratedSkill]);
}

#[test]
fn uniform_ratings_needs_two_skills() {
    let one = Framework::from_toml(
        "id = \"one\"\nname = \"One\"\n[[skills]]\nid = \"a\"\nname = \"Alpha\"\n[[levels]]\nid = \"l\"\nname = \"L\"\n",
    )
    .expect("valid");
    let r = one
        .assess(&Assessment::new().rate("a", Competent).expect("id"))
        .expect("report");
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

// ---------------------------------------------------------------------------------------
// implausible_for_experience and possible_under_rating
// ---------------------------------------------------------------------------------------

#[test]
fn implausible_for_experience_fires_for_most_skills_expert_under_two_years() {
    // 4 of 7 is most skills.
    let profile = [
        Expert, Expert, Expert, Expert, Competent, Competent, Competent,
    ];
    let r = report(&json!({ "ratings": ratings(profile), "experience_years": 1 }));
    assert_eq!(
        warned(&r, WarningCode::ImplausibleForExperience),
        [(
            None,
            None,
            "you rate yourself an expert in 4 of 7 skills with 1 year of experience: expertise usually takes years of practice"
        )]
    );
    let r = report(&json!({ "ratings": ratings([Expert; 7]), "experience_years": 1.5 }));
    assert_eq!(
        warned(&r, WarningCode::ImplausibleForExperience),
        [(
            None,
            None,
            "you rate yourself an expert in 7 of 7 skills with 1.5 years of experience: expertise usually takes years of practice"
        )]
    );
}

#[test]
fn implausible_for_experience_is_silent_otherwise() {
    let four = [
        Expert, Expert, Expert, Expert, Competent, Competent, Competent,
    ];
    let three = [
        Expert, Expert, Expert, Competent, Competent, Competent, Competent,
    ];
    for (profile, years) in [
        (three, json!(1)),   // 3 of 7 is not most
        (four, json!(2)),    // two years is enough
        (four, json!(null)), // no experience stated
    ] {
        let mut value = json!({ "ratings": ratings(profile) });
        if !years.is_null() {
            value["experience_years"] = years;
        }
        let r = report(&value);
        assert!(
            warned(&r, WarningCode::ImplausibleForExperience).is_empty(),
            "{value}"
        );
    }
}

const UNDER: &str = "you rate no skill above advanced beginner: you may be selling yourself short, so check each rating against its descriptions";

#[test]
fn possible_under_rating_fires_for_many_years_and_every_rating_low() {
    // 25 years, everything novice.
    let r = report(&json!({ "ratings": ratings([Novice; 7]), "experience_years": 25 }));
    assert_eq!(
        warned(&r, WarningCode::PossibleUnderRating),
        [(
            None,
            None,
            format!("with 25 years of experience {UNDER}").as_str()
        )]
    );
    // From five years, advanced beginner at most.
    let r = report(&json!({ "ratings": ratings([AdvancedBeginner; 7]), "experience_years": 5 }));
    assert_eq!(
        warned(&r, WarningCode::PossibleUnderRating),
        [(
            None,
            None,
            format!("with 5 years of experience {UNDER}").as_str()
        )]
    );
    // Some skills rated low, the rest unrated (counting as none).
    let r = report(&json!({ "ratings": { "security": "novice" }, "experience_years": 12.5 }));
    assert_eq!(
        warned(&r, WarningCode::PossibleUnderRating),
        [(
            None,
            None,
            format!("with 12.5 years of experience {UNDER}").as_str()
        )]
    );
}

#[test]
fn possible_under_rating_is_silent_otherwise() {
    let mut one_competent = [Novice; 7];
    one_competent[3] = Competent;
    for value in [
        // 25 years with one skill competent.
        json!({ "ratings": ratings(one_competent), "experience_years": 25 }),
        // 2 years with everything novice: a beginner.
        json!({ "ratings": ratings([Novice; 7]), "experience_years": 2 }),
        json!({ "ratings": ratings([AdvancedBeginner; 7]), "experience_years": 4.5 }),
        // No experience stated.
        json!({ "ratings": ratings([Novice; 7]) }),
        // Nothing rated at all: the unrated warnings say it.
        json!({ "experience_years": 25 }),
    ] {
        let r = report(&value);
        assert!(
            warned(&r, WarningCode::PossibleUnderRating).is_empty(),
            "{value}: {:?}",
            r.warnings
        );
    }
}

// ---------------------------------------------------------------------------------------
// unrated_skill and unevidenced_high_rating
// ---------------------------------------------------------------------------------------

#[test]
fn unrated_skill_fires_once_per_unrated_skill_in_framework_order() {
    let r = report(&json!({ "ratings": {
        "programming-languages": 3, "apis-integration": 2, "security": 0,
        "problem-solving-debugging": 2, "communication": 2 } }));
    // `security` rated none is rated: only the two never mentioned are warned about.
    assert_eq!(
        warned(&r, WarningCode::UnratedSkill),
        [
            (
                Some("databases-data-modeling"),
                Some("Databases and data modeling"),
                "Databases and data modeling is not rated, so it counts as none"
            ),
            (
                Some("attention-to-detail"),
                Some("Attention to detail"),
                "Attention to detail is not rated, so it counts as none"
            ),
        ]
    );
    let all = report(&json!({}));
    assert_eq!(warned(&all, WarningCode::UnratedSkill).len(), 7);
    assert_eq!(codes(&all), [WarningCode::UnratedSkill; 7]);
}

#[test]
fn unevidenced_high_rating_fires_for_proficient_or_above_with_low_confidence_and_no_evidence() {
    let r = report(&json!({ "ratings": {
        "security": { "proficiency": "proficient", "confidence": "low" },
        "communication": { "proficiency": "expert", "confidence": "low" } } }));
    assert_eq!(
        warned(&r, WarningCode::UnevidencedHighRating),
        [
            (
                Some("security"),
                Some("Security"),
                "Security: you rate yourself proficient with low confidence and no evidence"
            ),
            (
                Some("communication"),
                Some("Communication skills"),
                "Communication skills: you rate yourself an expert with low confidence and no evidence"
            ),
        ]
    );
}

#[test]
fn unevidenced_high_rating_is_silent_otherwise() {
    for rating in [
        json!({ "proficiency": "competent", "confidence": "low" }),
        json!({ "proficiency": "proficient", "confidence": "medium" }),
        json!({ "proficiency": "expert", "confidence": "high" }),
        json!({ "proficiency": "expert" }),
        json!("expert"),
        json!({ "proficiency": "expert", "confidence": "low",
                "evidence": [{ "kind": "certification", "description": "OSCP" }] }),
    ] {
        let r = report(&json!({ "ratings": { "security": rating } }));
        assert!(
            warned(&r, WarningCode::UnevidencedHighRating).is_empty(),
            "{rating}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// low_confidence_ratings
// ---------------------------------------------------------------------------------------

const CHECK: &str = "against its descriptions before relying on the result";

#[test]
fn low_confidence_ratings_names_every_unsure_rating_in_one_warning() {
    let r = report(&json!({ "ratings": {
        "security": { "proficiency": "competent", "confidence": "low" },
        "communication": { "proficiency": "novice", "confidence": "medium" } } }));
    assert_eq!(
        warned(&r, WarningCode::LowConfidenceRatings),
        [(
            None,
            None,
            format!("1 rating is given with low confidence (Security): check it {CHECK}").as_str()
        )]
    );
    let r = report(&json!({ "ratings": {
        "communication": { "proficiency": "novice", "confidence": "low" },
        "security": { "proficiency": "competent", "confidence": "low",
                      "evidence": [{ "kind": "course", "description": "web security course" }] } } }));
    // In framework order, evidence or not.
    assert_eq!(
        warned(&r, WarningCode::LowConfidenceRatings),
        [(
            None,
            None,
            format!("2 ratings are given with low confidence (Security, Communication skills): check each {CHECK}").as_str()
        )]
    );
    // At most five names, then how many more.
    let all_low: serde_json::Map<String, Value> = SKILLS
        .iter()
        .map(|id| {
            (
                (*id).to_owned(),
                json!({ "proficiency": "novice", "confidence": "low" }),
            )
        })
        .collect();
    let r = report(&json!({ "ratings": all_low }));
    assert_eq!(
        warned(&r, WarningCode::LowConfidenceRatings),
        [(
            None,
            None,
            format!("7 ratings are given with low confidence (Programming languages and concepts, Databases and data modeling, APIs and integration, Security, Problem-solving and debugging and 2 more): check each {CHECK}").as_str()
        )]
    );
}

#[test]
fn low_confidence_ratings_is_silent_without_a_low_confidence() {
    let r = report(&json!({ "ratings": {
        "security": { "proficiency": "competent", "confidence": "medium" },
        "communication": { "proficiency": "novice", "confidence": "high" },
        "apis-integration": "competent" } }));
    assert!(warned(&r, WarningCode::LowConfidenceRatings).is_empty());
}

// ---------------------------------------------------------------------------------------
// capped_rating and the cap policy
// ---------------------------------------------------------------------------------------

/// Mid-level on every skill, with programming languages rated expert (mid asks proficient).
fn mid_with_expert_languages(evidence: bool) -> Value {
    let mut profile = MID;
    profile[0] = Expert;
    let mut value = json!({ "ratings": ratings(profile) });
    if evidence {
        value["ratings"]["programming-languages"] = json!({ "proficiency": "expert",
            "evidence": [{ "kind": "work", "description": "five years on the payments backend" }] });
    }
    value
}

#[test]
fn trust_uses_self_ratings_as_given() {
    let r = report(&mid_with_expert_languages(false));
    assert_eq!(
        r.readiness.as_ref().map(skillgauge::Id::as_str),
        Some("mid")
    );
    let languages = r.skill("programming-languages").expect("a skill result");
    assert_eq!((languages.rating, languages.self_rating), (Expert, None));
    assert!(warned(&r, WarningCode::CappedRating).is_empty());
}

#[test]
fn the_cap_counts_an_unevidenced_rating_at_the_cap_and_says_so() {
    let r = report_with(&mid_with_expert_languages(false), cap_at(Competent));
    // Programming languages counts as competent: mid (proficient) is no longer met.
    assert_eq!(
        r.readiness.as_ref().map(skillgauge::Id::as_str),
        Some("entry")
    );
    let languages = r.skill("programming-languages").expect("a skill result");
    assert_eq!(
        (languages.rating, languages.self_rating),
        (Competent, Some(Expert))
    );
    // Ratings at or below the cap are left alone, and show no self-rating.
    let security = r.skill("security").expect("a skill result");
    assert_eq!(
        (security.rating, security.self_rating),
        (AdvancedBeginner, None)
    );
    assert_eq!(
        warned(&r, WarningCode::CappedRating),
        [(
            Some("programming-languages"),
            Some("Programming languages and concepts"),
            "Programming languages and concepts: rated expert without evidence, so it counts as competent"
        )]
    );
    // The blocker for mid shows the capped rating.
    assert_eq!(r.target, "mid");
    assert_eq!(r.blockers.len(), 1);
    assert_eq!(
        (
            r.blockers[0].skill.as_str(),
            r.blockers[0].rating,
            r.blockers[0].required
        ),
        ("programming-languages", Competent, Proficient)
    );
}

#[test]
fn the_cap_leaves_evidenced_ratings_alone() {
    let r = report_with(&mid_with_expert_languages(true), cap_at(Competent));
    assert_eq!(
        r.readiness.as_ref().map(skillgauge::Id::as_str),
        Some("mid")
    );
    let languages = r.skill("programming-languages").expect("a skill result");
    assert_eq!((languages.rating, languages.self_rating), (Expert, None));
    assert!(warned(&r, WarningCode::CappedRating).is_empty());
}

#[test]
fn the_cap_names_its_level_in_words() {
    let r = report_with(
        &json!({ "ratings": { "security": "proficient" } }),
        cap_at(AdvancedBeginner),
    );
    assert_eq!(
        warned(&r, WarningCode::CappedRating),
        [(
            Some("security"),
            Some("Security"),
            "Security: rated proficient without evidence, so it counts as advanced beginner"
        )]
    );
    assert_eq!(
        r.skill("security").map(|s| s.rating),
        Some(AdvancedBeginner)
    );
}

// ---------------------------------------------------------------------------------------
// Across codes
// ---------------------------------------------------------------------------------------

#[test]
fn messages_name_skills_by_name_never_by_id() {
    let r = report_with(
        &json!({
            "ratings": {
                "programming-languages": { "proficiency": "expert", "confidence": "low" },
                "problem-solving-debugging": { "proficiency": "expert", "confidence": "low" },
                "attention-to-detail": "expert", "communication": "expert"
            },
            "experience_years": 1
        }),
        cap_at(Competent),
    );
    let fw = builtin();
    assert!(r.warnings.len() >= 8, "{:?}", r.warnings);
    for w in &r.warnings {
        for id in SKILLS {
            assert!(!w.message.contains(id), "{id} in {:?}", w.message);
        }
        if let Some(id) = &w.skill {
            let name = &fw.skill(id.as_str()).expect("a framework skill").name;
            assert_eq!(w.name.as_ref(), Some(name));
            assert!(w.message.contains(name.as_str()), "{:?}", w.message);
        } else {
            assert_eq!(w.name, None);
        }
    }
    // Codes come overall first, then skill by skill in framework order.
    assert_eq!(
        codes(&r),
        [
            WarningCode::ImplausibleForExperience,
            WarningCode::LowConfidenceRatings,
            WarningCode::UnevidencedHighRating, // programming languages
            WarningCode::CappedRating,
            WarningCode::UnratedSkill,          // databases
            WarningCode::UnratedSkill,          // apis
            WarningCode::UnratedSkill,          // security
            WarningCode::UnevidencedHighRating, // problem-solving
            WarningCode::CappedRating,
            WarningCode::CappedRating, // attention to detail
            WarningCode::CappedRating, // communication
        ]
    );
}

#[test]
fn warning_codes_serialize_as_their_stable_snake_case_names() {
    let names: Vec<String> = [
        WarningCode::UniformRatings,
        WarningCode::ImplausibleForExperience,
        WarningCode::PossibleUnderRating,
        WarningCode::UnratedSkill,
        WarningCode::UnevidencedHighRating,
        WarningCode::LowConfidenceRatings,
        WarningCode::CappedRating,
    ]
    .iter()
    .map(|c| {
        let json = serde_json::to_value(c).expect("JSON");
        assert_eq!(json.as_str(), Some(c.to_string().as_str()));
        c.to_string()
    })
    .collect();
    assert_eq!(
        names,
        [
            "uniform_ratings",
            "implausible_for_experience",
            "possible_under_rating",
            "unrated_skill",
            "unevidenced_high_rating",
            "low_confidence_ratings",
            "capped_rating"
        ]
    );
}

#[test]
#[allow(clippy::float_cmp)] // the same points, exactly
fn warnings_never_change_readiness_under_trust() {
    // The same ratings, bare and quiet, then with everything that draws a warning.
    let quiet = json!({ "ratings": ratings(MID) });
    let mut loud = json!({ "ratings": ratings(MID), "experience_years": 0.5 });
    loud["ratings"]["programming-languages"] =
        json!({ "proficiency": "proficient", "confidence": "low" });
    let mut expert_low = json!({ "ratings": ratings([Expert; 7]), "experience_years": 0.5 });
    expert_low["ratings"]["security"] = json!({ "proficiency": "expert", "confidence": "low" });
    let expert_quiet = json!({ "ratings": ratings([Expert; 7]) });
    let under = json!({ "ratings": ratings([Novice; 7]), "experience_years": 40 });
    let under_quiet = json!({ "ratings": ratings([Novice; 7]) });

    for (quiet, loud) in [
        (quiet, loud),
        (expert_quiet, expert_low),
        (under_quiet, under),
    ] {
        let (q, l) = (report(&quiet), report(&loud));
        assert!(l.warnings.len() > q.warnings.len(), "{loud}");
        assert_eq!(l.readiness, q.readiness);
        assert_eq!(l.score, q.score);
        assert_eq!(l.points, q.points);
        assert_eq!(l.levels, q.levels);
        assert_eq!(l.skills, q.skills);
        assert_eq!(l.blockers, q.blockers);
    }
}
