//! The built-in Backend Developer framework, checked against the seed roadmap
//! (`seed/backend-developer-roadmap.txt`), not against its own TOML.

use std::collections::BTreeMap;

use skillgauge::{Framework, Level, Proficiency, Skill, Step, StepKind};

fn fw() -> &'static Framework {
    Framework::backend_developer()
}

/// The seed's seven skills, in its order, with a keyword of each name.
const SKILLS: [(&str, &str); 7] = [
    ("programming-languages", "programming"),
    ("databases-data-modeling", "database"),
    ("apis-integration", "api"),
    ("security", "security"),
    ("problem-solving-debugging", "debugging"),
    ("attention-to-detail", "detail"),
    ("communication", "communication"),
];

/// The seed's four levels with their salary bands in USD a year.
const LEVELS: [(&str, u64, Option<u64>); 4] = [
    ("entry", 50_000, Some(65_000)),
    ("mid", 65_000, Some(90_000)),
    ("senior", 90_000, Some(120_000)),
    ("expert", 120_000, None),
];

/// The seed's seven steps to become a backend developer.
const SEED_STEPS: [&str; 7] = [
    "programming-foundations",
    "database-fundamentals",
    "build-portfolio",
    "computer-science-degree",
    "stay-up-to-date",
    "practical-experience",
    "continue-learning",
];

/// The seed's "companies who hire", as it spells them.
const HIRING: [(&str, &[&str]); 7] = [
    ("Technology", &["Microsoft", "Google", "Apple", "IBM"]),
    ("Media", &["The New York Times", "CNN", "NBC"]),
    (
        "Finance",
        &["Bank of America", "JPMorgan Chase", "Wells Fargo"],
    ),
    (
        "Healthcare",
        &["Mayo Clinic", "Cleveland Clinic", "Kaiser Permanente"],
    ),
    ("E-commerce", &["Amazon", "eBay", "Alibaba"]),
    ("Consultancy", &["Accenture", "Deloitte", "PwC"]),
    ("Marketing", &["Ogilvy", "Leo Burnett", "Saatchi & Saatchi"]),
];

#[track_caller]
fn skill(id: &str) -> &'static Skill {
    fw().skill(id)
        .unwrap_or_else(|| panic!("skill `{id}` is missing"))
}

#[track_caller]
fn level(id: &str) -> &'static Level {
    fw().level(id)
        .unwrap_or_else(|| panic!("level `{id}` is missing"))
}

#[track_caller]
fn step(id: &str) -> &'static Step {
    fw().step(id)
        .unwrap_or_else(|| panic!("step `{id}` is missing"))
}

#[track_caller]
fn required(level: &Level, skill: &str) -> Proficiency {
    level
        .requires
        .get(skill)
        .copied()
        .unwrap_or(Proficiency::None)
}

#[track_caller]
fn assert_mentions(text: &str, keyword: &str, what: &str) {
    assert!(
        text.to_lowercase().contains(&keyword.to_lowercase()),
        "{what} does not mention `{keyword}`: {text:?}"
    );
}

#[test]
fn identity_and_summary_come_from_the_seed() {
    let fw = fw();
    assert_eq!(fw.id().as_str(), "backend-developer");
    assert_eq!(fw.name(), "Backend Developer");
    assert_eq!(fw.version(), "1.0.0");
    for keyword in ["server side", "front end", "apis"] {
        assert_mentions(fw.summary(), keyword, "summary");
    }
    assert_eq!(
        fw.points(),
        &skillgauge::DEFAULT_POINTS,
        "points are the default table"
    );
    assert_eq!(
        fw.fit(),
        &skillgauge::FitSettings::default(),
        "fit settings are the defaults"
    );
}

#[test]
fn six_responsibilities_from_the_seed() {
    let resp = fw().responsibilities();
    assert_eq!(resp.len(), 6, "the seed lists six tasks");
    let keywords = [
        "database and data model",
        "python, java, or php",
        "integrating the backend with the frontend",
        "security measures",
        "testing and debugging",
        "maintaining and updating",
    ];
    for (text, keyword) in resp.iter().zip(keywords) {
        assert_mentions(text, keyword, "responsibility");
    }
}

#[test]
fn seven_skills_in_seed_order() {
    let ids: Vec<&str> = fw().skills().iter().map(|s| s.id.as_str()).collect();
    let expected: Vec<&str> = SKILLS.iter().map(|&(id, _)| id).collect();
    assert_eq!(ids, expected);
    for (id, keyword) in SKILLS {
        let s = skill(id);
        assert_mentions(&s.name, keyword, &format!("skill `{id}` name"));
        assert!(!s.description.is_empty(), "skill `{id}` has no description");
        assert!(s.weight > 0.0, "skill `{id}` has weight {}", s.weight);
    }
    let languages = &skill("programming-languages").description;
    for keyword in [
        "python",
        "java",
        "php",
        "data structures",
        "algorithms",
        "design patterns",
    ] {
        assert_mentions(languages, keyword, "programming-languages description");
    }
}

#[test]
fn every_skill_has_all_five_descriptors() {
    for s in fw().skills() {
        for p in Proficiency::ALL
            .into_iter()
            .filter(|&p| p != Proficiency::None)
        {
            let d = s.descriptors.get(p);
            assert!(
                d.is_some_and(|d| !d.trim().is_empty()),
                "skill `{}` has no {p} descriptor",
                s.id
            );
        }
    }
}

#[test]
fn four_levels_with_the_seed_salaries() {
    let ids: Vec<&str> = fw().levels().iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["entry", "mid", "senior", "expert"]);
    for (id, min, max) in LEVELS {
        let band = level(id)
            .salary
            .as_ref()
            .unwrap_or_else(|| panic!("level `{id}` has no salary band"));
        assert_eq!(band.min, Some(min), "level `{id}` salary min");
        assert_eq!(band.max, max, "level `{id}` salary max");
        assert_eq!(band.currency, "USD", "level `{id}` currency");
        assert_eq!(band.period, skillgauge::Period::Year, "level `{id}` period");
        assert!(
            level(id).min_points.is_none(),
            "level `{id}` has min_points"
        );
        assert!(!level(id).summary.is_empty(), "level `{id}` has no summary");
    }
    let senior = level("senior")
        .salary
        .as_ref()
        .and_then(|b| b.note.as_deref());
    assert_mentions(senior.unwrap_or_default(), "or more", "senior salary note");
    let expert = level("expert")
        .salary
        .as_ref()
        .and_then(|b| b.note.as_deref());
    assert_mentions(
        expert.unwrap_or_default(),
        "six-figure",
        "expert salary note",
    );
    let note = fw().salary_note().unwrap_or_default();
    for keyword in [
        "rough estimates",
        "location",
        "industry",
        "benefits",
        "work-life balance",
    ] {
        assert_mentions(note, keyword, "salary note");
    }
}

#[test]
fn every_level_requires_every_skill() {
    for l in fw().levels() {
        for (id, _) in SKILLS {
            assert!(
                required(l, id) > Proficiency::None,
                "level `{}` does not require `{id}`",
                l.id
            );
        }
    }
}

/// The editorial matrix other tests hand-check against (entry, mid, senior, expert), with
/// each skill's weight and category.
#[test]
fn weights_categories_and_matrix_are_the_fixed_ones() {
    use Proficiency::{
        AdvancedBeginner as Ab, Competent as C, Expert as E, Novice as N, Proficient as P,
    };
    let matrix: [(&str, f64, &str, [Proficiency; 4]); 7] = [
        ("programming-languages", 3.0, "technical", [C, P, P, E]),
        ("databases-data-modeling", 2.0, "technical", [Ab, C, P, E]),
        ("apis-integration", 2.0, "technical", [Ab, C, P, E]),
        ("security", 2.0, "technical", [N, Ab, C, P]),
        (
            "problem-solving-debugging",
            2.0,
            "professional",
            [Ab, C, P, E],
        ),
        ("attention-to-detail", 1.0, "professional", [Ab, C, C, P]),
        ("communication", 1.0, "professional", [Ab, C, P, P]),
    ];
    for (id, weight, category, row) in matrix {
        let s = skill(id);
        assert!(
            (s.weight - weight).abs() < f64::EPSILON,
            "skill `{id}` weight {} is not {weight}",
            s.weight
        );
        assert_eq!(s.category.to_string(), category, "skill `{id}` category");
        for ((level_id, ..), want) in LEVELS.iter().zip(row) {
            assert_eq!(
                required(level(level_id), id),
                want,
                "level `{level_id}` requirement for `{id}`"
            );
        }
    }
}

#[test]
fn requirements_never_decrease_up_the_ladder() {
    let levels = fw().levels();
    for pair in levels.windows(2) {
        let (lower, higher) = (&pair[0], &pair[1]);
        for s in fw().skills() {
            let (low, high) = (
                required(lower, s.id.as_str()),
                required(higher, s.id.as_str()),
            );
            assert!(
                high >= low,
                "level `{}` requires {high} in `{}`, less than {low} at `{}`",
                higher.id,
                s.id,
                lower.id
            );
        }
    }
}

#[test]
fn the_seven_seed_steps_exist_and_the_degree_is_optional() {
    for id in SEED_STEPS {
        let s = step(id);
        assert!(!s.title.is_empty(), "step `{id}` has no title");
        assert!(!s.actions.is_empty(), "step `{id}` has no actions");
    }
    let degree = step("computer-science-degree");
    assert!(degree.optional, "the degree is optional in the seed");
    assert_eq!(degree.kind, StepKind::Credential);
    assert_eq!(degree.training, ["degree"]);
    assert_eq!(step("stay-up-to-date").kind, StepKind::Habit);
    assert_eq!(step("continue-learning").kind, StepKind::Habit);
    assert_eq!(step("practical-experience").kind, StepKind::Experience);
    let optional: Vec<&str> = fw()
        .steps()
        .iter()
        .filter(|s| s.optional)
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(
        optional,
        ["computer-science-degree"],
        "only the degree is optional"
    );
}

#[test]
fn the_skills_the_seed_steps_leave_uncovered_have_steps() {
    for id in [
        "api-design-integration",
        "application-security",
        "testing-debugging",
        "collaboration",
    ] {
        assert!(
            !step(id).develops.is_empty(),
            "step `{id}` develops nothing"
        );
    }
}

#[test]
fn four_training_options() {
    let ids: Vec<&str> = fw().training().iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["online_course", "bootcamp", "degree", "self_study"]);
    let names = [
        ("online_course", "online courses"),
        ("bootcamp", "bootcamp"),
        ("degree", "degree"),
        ("self_study", "self-study"),
    ];
    for (id, keyword) in names {
        let option = fw()
            .training_option(id)
            .unwrap_or_else(|| panic!("training option `{id}` is missing"));
        assert_mentions(
            &option.name,
            keyword,
            &format!("training option `{id}` name"),
        );
        assert!(
            !option.description.is_empty(),
            "training option `{id}` has no description"
        );
        assert!(
            option.duration.is_some(),
            "training option `{id}` has no duration"
        );
        assert!(option.cost.is_some(), "training option `{id}` has no cost");
    }
    for s in fw().steps() {
        for t in &s.training {
            assert!(
                fw().training_option(t.as_str()).is_some(),
                "step `{}` names unknown training `{t}`",
                s.id
            );
        }
    }
}

#[test]
fn seven_industries_with_every_seed_employer() {
    let hiring = fw().hiring();
    assert_eq!(
        hiring.len(),
        HIRING.len(),
        "the seed names seven industries"
    );
    for (industry, employers) in HIRING {
        let entry = hiring
            .iter()
            .find(|h| h.industry == industry)
            .unwrap_or_else(|| panic!("industry `{industry}` is missing"));
        for employer in employers {
            assert!(
                entry.employers.iter().any(|e| e == employer),
                "industry `{industry}` lacks employer `{employer}`"
            );
        }
    }
}

#[test]
fn every_requirement_is_reachable_by_some_step() {
    for l in fw().levels() {
        for (skill_id, &needed) in &l.requires {
            let reached = fw()
                .steps()
                .iter()
                .filter_map(|s| s.develops.get(skill_id.as_str()).copied())
                .max()
                .unwrap_or(Proficiency::None);
            assert!(
                reached >= needed,
                "level `{}` requires {needed} in `{skill_id}` but no step reaches beyond {reached}",
                l.id
            );
        }
    }
}

#[test]
fn prerequisites_exist_and_form_no_cycle() {
    let steps = fw().steps();
    for s in steps {
        for p in &s.prerequisites {
            assert!(
                fw().step(p.as_str()).is_some(),
                "step `{}` needs unknown step `{p}`",
                s.id
            );
            assert!(p != &s.id, "step `{}` needs itself", s.id);
        }
    }
    // Kahn's algorithm: repeatedly take the steps whose prerequisites are all taken.
    let mut remaining: BTreeMap<&str, Vec<&str>> = steps
        .iter()
        .map(|s| {
            (
                s.id.as_str(),
                s.prerequisites.iter().map(skillgauge::Id::as_str).collect(),
            )
        })
        .collect();
    let mut done: Vec<&str> = Vec::new();
    while !remaining.is_empty() {
        let ready: Vec<&str> = remaining
            .iter()
            .filter(|(_, prereqs)| prereqs.iter().all(|p| done.contains(p)))
            .map(|(&id, _)| id)
            .collect();
        assert!(
            !ready.is_empty(),
            "prerequisite cycle among {:?}",
            remaining.keys().collect::<Vec<_>>()
        );
        for id in ready {
            remaining.remove(id);
            done.push(id);
        }
    }
    assert_eq!(done.len(), steps.len());
}

#[test]
fn foundations_come_first() {
    assert!(
        step("programming-foundations").prerequisites.is_empty(),
        "programming-foundations needs nothing"
    );
    assert!(
        step("computer-science-degree").prerequisites.is_empty(),
        "a degree needs no earlier step"
    );
    for id in [
        "database-fundamentals",
        "api-design-integration",
        "testing-debugging",
        "collaboration",
    ] {
        assert!(
            step(id)
                .prerequisites
                .iter()
                .any(|p| p == "programming-foundations"),
            "step `{id}` does not build on programming-foundations"
        );
    }
}

#[test]
fn hours_are_positive_and_the_degree_takes_thousands() {
    for s in fw().steps() {
        assert!(s.hours > 0, "step `{}` takes no time", s.id);
    }
    assert!(
        step("computer-science-degree").hours > 1000,
        "a degree takes more than 1000 hours"
    );
    assert!(
        step("programming-foundations").hours >= 100,
        "the language and data-structures foundation takes at least 100 hours"
    );
    for id in ["stay-up-to-date", "continue-learning"] {
        assert!(
            step(id).hours <= 100,
            "habit `{id}` takes more than 100 hours a cycle"
        );
    }
}

#[test]
fn round_trips_through_toml_and_json() -> Result<(), skillgauge::Error> {
    let fw = fw();
    assert_eq!(
        &Framework::from_toml(&fw.to_toml()?)?,
        fw,
        "toml round trip"
    );
    assert_eq!(&Framework::from_json(&fw.to_json())?, fw, "json round trip");
    assert_eq!(
        &Framework::from_toml(skillgauge::BACKEND_DEVELOPER_TOML)?,
        fw,
        "embedded source"
    );
    Ok(())
}
