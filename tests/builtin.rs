//! The built-in Backend Developer framework, checked against what the seed roadmap
//! (`seed/backend-developer-roadmap.txt`) says, not against its own TOML: every statement of
//! the seed quoted here must be in the framework as data.

use skillgauge::{
    Assessment, BACKEND_DEVELOPER_TOML, Category, Cost, DEFAULT_POINTS, FitSettings, Framework,
    FrameworkDefinition, Level, Pace, Period, Proficiency, Skill, Step, StepKind,
};

fn fw() -> &'static Framework {
    Framework::backend_developer()
}

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

fn required(level: &Level, skill: &str) -> Proficiency {
    level
        .requires
        .get(skill)
        .copied()
        .unwrap_or(Proficiency::None)
}

/// Lowercase, with the seed's typographic apostrophe as the framework writes it.
fn normal(text: &str) -> String {
    text.replace('\u{2019}', "'").to_lowercase()
}

#[track_caller]
fn assert_mentions(text: &str, phrase: &str, what: &str) {
    assert!(
        normal(text).contains(&normal(phrase)),
        "{what} does not say `{phrase}`: {text:?}"
    );
}

/// The seed's six "specific tasks", as it writes them.
const SEED_TASKS: [&str; 6] = [
    "Designing and implementing the application’s database and data model",
    "Writing code in languages such as Python, Java, or PHP to create and manage the application’s backend",
    "Integrating the backend with the frontend, using APIs or other methods",
    "Implementing security measures to protect the application and its data",
    "Testing and debugging the application to ensure it is stable and reliable",
    "Maintaining and updating the application as needed",
];

/// The seed's seven "Skills Required": id, the seed's name, category (the seed's
/// introduction sets problem-solving, attention to detail and communication apart from the
/// technical skills), weight (editorial, documented in the TOML) and a phrase of the seed's
/// description of the skill.
const SEED_SKILLS: [(&str, &str, Category, f64, &str); 7] = [
    (
        "programming-languages",
        "Programming languages",
        Category::Technical,
        3.0,
        "data structures, algorithms and software design patterns",
    ),
    (
        "databases-data-modeling",
        "Databases and data modeling",
        Category::Technical,
        2.0,
        "design and implement a database schema",
    ),
    (
        "apis-integration",
        "APIs and integration",
        Category::Technical,
        2.0,
        "designing and implementing APIs, or using existing APIs",
    ),
    (
        "security",
        "Security",
        Category::Technical,
        2.0,
        "security best practices",
    ),
    (
        "problem-solving-debugging",
        "Problem-solving and debugging",
        Category::Professional,
        2.0,
        "identify and fix issues",
    ),
    (
        "attention-to-detail",
        "Attention to detail",
        Category::Professional,
        1.0,
        "stable and reliable applications",
    ),
    (
        "communication",
        "Communication skills",
        Category::Professional,
        1.0,
        "collaborate effectively",
    ),
];

/// The seed's salary levels: id, the seed's label, and its band in USD a year.
const SEED_LEVELS: [(&str, &str, u64, Option<u64>); 4] = [
    ("entry", "Entry level", 50_000, Some(65_000)),
    ("mid", "Mid-level", 65_000, Some(90_000)),
    ("senior", "Senior level", 90_000, Some(120_000)),
    // "even higher salaries, potentially in the six-figure range": no figure, so the floor
    // is the top of the senior band and there is no ceiling.
    ("expert", "Expert level", 120_000, None),
];

/// The seed's seven "Steps to become Backend Developer": id, the seed's heading, the kind
/// it is, and phrases of the seed's bullets under it.
const SEED_STEPS: [(&str, &str, StepKind, &[&str]); 7] = [
    (
        "programming-foundations",
        "Gain a strong foundation in programming concepts and languages",
        StepKind::Learn,
        &[
            "at least one programming language, such as Python, Java, or PHP",
            "data structures, algorithms, and software design patterns",
        ],
    ),
    (
        "database-fundamentals",
        "Learn about databases and data modeling",
        StepKind::Learn,
        &[
            "store and retrieve data",
            "relational and non-relational",
            "design and implement a database schema",
        ],
    ),
    (
        "build-portfolio",
        "Build up your portfolio of work",
        StepKind::Build,
        &[
            "building small backend applications or projects on your own",
            "showcase your skills and accomplishments to potential employers or clients",
        ],
    ),
    (
        "computer-science-degree",
        "Consider earning a degree in a related field",
        StepKind::Credential,
        &[
            "not strictly necessary",
            "computer science, software engineering, or a related field",
            "stand out in the job market",
        ],
    ),
    (
        "stay-up-to-date",
        "Stay up to date with the latest technologies and best practices",
        StepKind::Habit,
        &[
            "evolving field",
            "blogs",
            "conferences and workshops",
            "online communities",
        ],
    ),
    (
        "practical-experience",
        "Look for opportunities to gain practical experience",
        StepKind::Experience,
        &[
            "interning or working as a junior developer",
            "hackathons or other coding competitions",
        ],
    ),
    (
        "continue-learning",
        "Continue learning and growing",
        StepKind::Habit,
        &[
            "continue to learn and grow",
            "online courses",
            "side projects",
            "additional education",
        ],
    ),
];

/// The steps added for what the seven leave uncovered (APIs, security, testing and
/// debugging, collaboration) and for the senior and expert levels.
const ADDED_STEPS: [&str; 9] = [
    "api-design-integration",
    "application-security",
    "testing-debugging",
    "collaboration",
    "system-design",
    "advanced-security",
    "own-production-services",
    "lead-architecture",
    "mentor-and-lead",
];

/// The seed's "Courses and Trainings": id, the seed's label, and a phrase of its text.
const SEED_TRAINING: [(&str, &str, &str); 4] = [
    (
        "online_course",
        "Online courses and tutorials",
        "fundamentals of backend development",
    ),
    ("bootcamp", "Bootcamps", "intensive, short-term training"),
    (
        "degree",
        "Traditional degree programs",
        "computer science, software engineering, or a related field",
    ),
    ("self_study", "Self-study", "self-directed"),
];

/// The seed's "Companies who hires", as it spells them, in its order.
const SEED_HIRING: [(&str, &[&str]); 7] = [
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

#[test]
fn identity_and_summary_come_from_the_seed() {
    let fw = fw();
    assert_eq!(fw.id().as_str(), "backend-developer");
    assert_eq!(fw.name(), "Backend Developer");
    assert_eq!(fw.version(), "1.0.0");
    for phrase in [
        "design, development, and maintenance of the server side of a website or application",
        "front end (user interface) and any external systems or APIs",
        "problem-solving abilities, attention to detail",
        "frontend developers, designers and other stakeholders",
    ] {
        assert_mentions(fw.summary(), phrase, "the summary");
    }
    // A pure gate ladder on the default settings; experience is a full-time job.
    assert_eq!(fw.points(), &DEFAULT_POINTS);
    assert_eq!(fw.fit(), &FitSettings::default());
    assert_eq!(fw.work_hours_per_week(), 40);
}

#[test]
fn the_six_responsibilities_are_the_seeds_tasks_verbatim() {
    let written: Vec<String> = fw().responsibilities().iter().map(|r| normal(r)).collect();
    let seed: Vec<String> = SEED_TASKS.iter().map(|t| normal(t)).collect();
    assert_eq!(written, seed);
}

#[test]
fn the_seven_skills_in_seed_order_with_names_categories_and_weights() {
    let ids: Vec<&str> = fw().skills().iter().map(|s| s.id.as_str()).collect();
    let seed_ids: Vec<&str> = SEED_SKILLS.iter().map(|s| s.0).collect();
    assert_eq!(ids, seed_ids);
    for (id, name, category, weight, phrase) in SEED_SKILLS {
        let s = skill(id);
        assert!(
            normal(&s.name).starts_with(&normal(name)),
            "skill `{id}` is named {:?}, not after the seed's {name:?}",
            s.name
        );
        assert_eq!(s.category, category, "skill `{id}` category");
        assert!(
            (s.weight - weight).abs() < f64::EPSILON,
            "skill `{id}` weight {} is not {weight}",
            s.weight
        );
        assert_mentions(&s.description, phrase, &format!("skill `{id}`"));
    }
    let languages = &skill("programming-languages").description;
    for language in ["Python", "Java", "PHP"] {
        assert_mentions(languages, language, "the programming-languages description");
    }
}

#[test]
fn every_skill_describes_every_proficiency_differently() {
    for s in fw().skills() {
        let mut seen: Vec<&str> = Vec::new();
        for p in Proficiency::ALL {
            let d = s.descriptor(p).unwrap_or_default();
            assert!(
                !d.trim().is_empty(),
                "skill `{}` has no {p} descriptor",
                s.id
            );
            assert!(
                !seen.contains(&d),
                "skill `{}` repeats a descriptor at {p}",
                s.id
            );
            seen.push(d);
        }
    }
}

#[test]
fn the_four_levels_carry_the_seeds_labels_and_salary_bands() {
    let ids: Vec<&str> = fw().levels().iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["entry", "mid", "senior", "expert"]);
    for (id, name, min, max) in SEED_LEVELS {
        let l = level(id);
        assert_eq!(l.name, name, "level `{id}` name");
        assert!(!l.summary.is_empty(), "level `{id}` has no summary");
        assert!(l.min_points.is_none(), "level `{id}` has min_points");
        let band = l
            .salary
            .as_ref()
            .unwrap_or_else(|| panic!("level `{id}` has no salary band"));
        assert_eq!((band.min, band.max), (Some(min), max), "level `{id}` band");
        assert_eq!(band.currency, "USD", "level `{id}` currency");
        assert_eq!(band.period, Period::Year, "level `{id}` period");
    }
    assert_mentions(
        &level("mid").summary,
        "a few years of experience under their belt",
        "the mid-level summary",
    );
    assert_mentions(
        &level("expert").summary,
        "proven track record of success",
        "the expert summary",
    );
}

#[test]
fn the_seeds_salary_caveats_are_kept() {
    let note = |id: &str| {
        level(id)
            .salary
            .as_ref()
            .and_then(|b| b.note.clone())
            .unwrap_or_default()
    };
    assert_mentions(
        &note("entry"),
        "education and skills, as well as the specific company and location",
        "the entry band's note",
    );
    assert_mentions(&note("senior"), "or more", "the senior band's note");
    assert_mentions(&note("senior"), "industry", "the senior band's note");
    assert_mentions(&note("expert"), "six-figure", "the expert band's note");
    let caveat = fw().salary_note().unwrap_or_default();
    for phrase in [
        "rough estimates",
        "location",
        "industry",
        "benefits, work-life balance and opportunities for growth and development",
    ] {
        assert_mentions(caveat, phrase, "the salary caveat");
    }
}

/// The editorial requirement matrix (entry, mid, senior, expert), reasoned in the TOML's
/// comments; other tests hand-check plans against it.
#[test]
fn the_requirement_matrix_is_the_documented_one_and_never_decreases() {
    use Proficiency::{
        AdvancedBeginner as Ab, Competent as C, Expert as E, Novice as N, Proficient as P,
    };
    let matrix: [(&str, [Proficiency; 4]); 7] = [
        ("programming-languages", [C, P, P, E]),
        ("databases-data-modeling", [Ab, C, P, E]),
        ("apis-integration", [Ab, C, P, E]),
        ("security", [N, Ab, C, P]),
        ("problem-solving-debugging", [Ab, C, P, E]),
        ("attention-to-detail", [Ab, C, C, P]),
        ("communication", [Ab, C, P, P]),
    ];
    for (id, row) in matrix {
        for ((level_id, ..), want) in SEED_LEVELS.iter().zip(row) {
            assert_eq!(
                required(level(level_id), id),
                want,
                "level `{level_id}` requirement for `{id}`"
            );
        }
        assert!(row.windows(2).all(|w| w[0] <= w[1]), "`{id}` decreases");
    }
    for l in fw().levels() {
        assert_eq!(l.requires.len(), 7, "level `{}` requires every skill", l.id);
    }
}

#[test]
fn the_seven_seed_steps_come_first_with_the_seeds_headings_and_bullets() {
    let first: Vec<&str> = fw().steps().iter().take(7).map(|s| s.id.as_str()).collect();
    let seed: Vec<&str> = SEED_STEPS.iter().map(|s| s.0).collect();
    assert_eq!(first, seed);
    for (id, heading, kind, phrases) in SEED_STEPS {
        let s = step(id);
        assert_eq!(s.title, heading, "step `{id}` title");
        assert_eq!(s.kind, kind, "step `{id}` kind");
        assert!(!s.actions.is_empty(), "step `{id}` has no actions");
        let text = format!("{} {} {}", s.title, s.summary, s.actions.join(" "));
        for phrase in phrases {
            assert_mentions(&text, phrase, &format!("step `{id}`"));
        }
    }
    // "While a degree is not strictly necessary": the one optional step, taken as a degree.
    let degree = step("computer-science-degree");
    assert_eq!(degree.training, ["degree"]);
    let optional: Vec<&str> = fw()
        .steps()
        .iter()
        .filter(|s| s.optional)
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(optional, ["computer-science-degree"]);
}

#[test]
fn added_steps_cover_what_the_seed_steps_leave_uncovered() {
    let after: Vec<&str> = fw().steps().iter().skip(7).map(|s| s.id.as_str()).collect();
    assert_eq!(after, ADDED_STEPS);
    for id in ADDED_STEPS {
        let s = step(id);
        assert!(!s.develops.is_empty(), "step `{id}` develops nothing");
        assert!(!s.actions.is_empty(), "step `{id}` has no actions");
        assert!(!s.optional, "step `{id}` is optional");
    }
    // The skills the seed's seven steps leave below the entry level: APIs, security,
    // testing and debugging (attention to detail) and collaboration (communication).
    for (id, skill_id) in [
        ("api-design-integration", "apis-integration"),
        ("application-security", "security"),
        ("testing-debugging", "problem-solving-debugging"),
        ("testing-debugging", "attention-to-detail"),
        ("collaboration", "communication"),
    ] {
        assert!(
            step(id).develops.contains_key(skill_id),
            "step `{id}` does not develop `{skill_id}`"
        );
    }
}

/// The best a skill can reach through steps a plan may choose to close a gap: not optional
/// (the degree is planned only on request) and not a habit (never planned).
fn reachable(skill_id: &str) -> Proficiency {
    fw().steps()
        .iter()
        .filter(|s| !s.optional && s.kind != StepKind::Habit)
        .filter_map(|s| s.develops.get(skill_id).copied())
        .max()
        .unwrap_or(Proficiency::None)
}

#[test]
fn every_requirement_is_reachable_by_a_plannable_step() {
    for l in fw().levels() {
        for (skill_id, &needed) in &l.requires {
            let reached = reachable(skill_id.as_str());
            assert!(
                reached >= needed,
                "level `{}` requires {needed} in `{skill_id}`; plannable steps reach {reached}",
                l.id
            );
        }
    }
    // And the planner agrees: from nothing, every level is reached with nothing unreachable.
    for l in fw().levels() {
        let request = format!(r#"{{"preferences": {{"target_level": "{}"}}}}"#, l.id);
        let report = fw().assess_json(&request).expect("a report");
        assert!(
            report.plan.unreachable.is_empty(),
            "{}: {:?}",
            l.id,
            report.plan.unreachable
        );
        let last = report.plan.milestones.last().map(|m| m.level.as_str());
        assert_eq!(
            last,
            Some(l.id.as_str()),
            "the plan to `{}` reaches it",
            l.id
        );
    }
}

#[test]
fn prerequisites_build_on_the_foundation_and_never_wait_for_a_habit() {
    assert!(step("programming-foundations").prerequisites.is_empty());
    assert!(step("computer-science-degree").prerequisites.is_empty());
    for id in [
        "database-fundamentals",
        "api-design-integration",
        "testing-debugging",
        "collaboration",
    ] {
        assert_eq!(
            step(id).prerequisites,
            ["programming-foundations"],
            "step `{id}`"
        );
    }
    for s in fw().steps() {
        for p in &s.prerequisites {
            assert_ne!(
                step(p.as_str()).kind,
                StepKind::Habit,
                "step `{}` waits for habit `{p}`",
                s.id
            );
        }
    }
}

#[test]
fn efforts_follow_the_kind_of_step() {
    for s in fw().steps() {
        if s.kind == StepKind::Habit {
            assert_eq!(s.hours, None, "habit `{}` has one-off hours", s.id);
            assert!(
                s.hours_per_week.is_some_and(|h| (1..=10).contains(&h)),
                "habit `{}` takes {:?} hours a week, not a few kept up beside a job",
                s.id,
                s.hours_per_week
            );
        } else {
            assert_eq!(s.hours_per_week, None, "step `{}` has weekly hours", s.id);
            assert!(
                s.hours.is_some_and(|h| h > 0),
                "step `{}` takes no time",
                s.id
            );
        }
    }
    // Blogs and communities: 2 hours a week; a course and a side project a year: 3.
    assert_eq!(step("stay-up-to-date").hours_per_week, Some(2));
    assert_eq!(step("continue-learning").hours_per_week, Some(3));
    // Experience is real working time: a working year counts as 1,800 hours (45 weeks of
    // 40), so the first job is one year, owning services and leading architecture two each.
    for (id, years) in [
        ("practical-experience", 1),
        ("own-production-services", 2),
        ("lead-architecture", 2),
        ("mentor-and-lead", 1),
    ] {
        assert_eq!(step(id).kind, StepKind::Experience, "step `{id}`");
        assert_eq!(step(id).hours, Some(1_800 * years), "step `{id}`");
    }
    // A bachelor's degree: 120 US credit hours at about 45 hours each.
    assert_eq!(step("computer-science-degree").hours, Some(5_400));
}

#[test]
fn the_four_training_options_with_their_pace() {
    let ids: Vec<&str> = fw().training().iter().map(|t| t.id.as_str()).collect();
    let seed: Vec<&str> = SEED_TRAINING.iter().map(|t| t.0).collect();
    assert_eq!(ids, seed);
    for (id, name, phrase) in SEED_TRAINING {
        let option = fw().training_option(id).expect("listed above");
        assert_eq!(option.name, name, "training option `{id}` name");
        assert_mentions(&option.description, phrase, &format!("training `{id}`"));
        assert!(option.duration.is_some(), "training `{id}` has no duration");
        assert!(option.cost.is_some(), "training `{id}` has no cost");
    }
    // Online courses and self-study go at the person's own pace.
    for id in ["online_course", "self_study"] {
        let option = fw().training_option(id).expect("listed above");
        assert_eq!(option.pace, Pace::SelfPaced, "training `{id}`");
        assert_eq!(option.hours_per_week, None, "training `{id}` sets a pace");
    }
    // A bootcamp is intensive and full time: a 40-hour week.
    let bootcamp = fw().training_option("bootcamp").expect("listed above");
    assert_eq!(bootcamp.pace, Pace::Intensive);
    assert_eq!(bootcamp.hours_per_week, Some(40));
    // A degree sets its own pace, and at that pace the 5,400-hour degree takes the "3 to 4
    // years full time" its duration says: 156 to 208 weeks.
    let degree = fw().training_option("degree").expect("listed above");
    assert_eq!(degree.pace, Pace::FullTime);
    assert_mentions(
        degree.duration.as_deref().unwrap_or_default(),
        "3 to 4 years",
        "degree",
    );
    let pace = degree.hours_per_week.expect("a degree sets its pace");
    let weeks = 5_400_u32.div_ceil(pace);
    assert!(
        (156..=208).contains(&weeks),
        "{weeks} weeks at {pace} h/week"
    );
    assert_eq!(degree.cost, Some(Cost::VeryHigh));
    assert_eq!(
        fw().training_option("self_study").and_then(|t| t.cost),
        Some(Cost::Free)
    );
}

#[test]
fn the_seven_hiring_industries_with_the_seeds_employers() {
    let hiring: Vec<(&str, Vec<&str>)> = fw()
        .hiring()
        .iter()
        .map(|h| {
            (
                h.industry.as_str(),
                h.employers.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    let seed: Vec<(&str, Vec<&str>)> = SEED_HIRING
        .iter()
        .map(|&(industry, employers)| (industry, employers.to_vec()))
        .collect();
    assert_eq!(hiring, seed);
}

/// The built-in's documented pace (the TOML's comments and `backend-developer.md`): from an
/// empty profile at 10 study hours a week, foundation study reaches entry and a year of
/// practical experience reaches mid.
///
/// Greedy by value per week (weight × levels closed ÷ weeks of the step with its unmet
/// prerequisites), towards mid:
/// 1. programming-foundations (200 h, 20 wk) + api-design-integration (60 h, 6 wk):
///    PL 2×3 + PSD 2×2 + API 2×2 + security 1×2 = 16 in 26 wk = 0.615, the best bundle
///    (the bundle up to application-security: 22 in 36 = 0.611).
/// 2. database-fundamentals: DB 2×2 = 4 in 6 wk = 2/3, tied with collaboration's 2 in 3 wk;
///    the tie goes to the earlier step in framework order. 3. collaboration (2/3).
/// 4. application-security: security 1×2 in 4 wk = 1/2, tied with testing-debugging, which
///    comes later in the file. 5. testing-debugging.
/// 6. build-portfolio (15 wk) with practical-experience (1,800 h at 40 = 45 wk): PL 3 + 11
///    = 14 in 60 wk beats build-portfolio alone (3 in 15).
///
/// Study runs back to back: 20 + 6 + 6 + 3 + 4 + 4 + 15 = 58 weeks (580 hours); the job
/// waits for the portfolio and runs weeks 59-103.
#[test]
fn an_empty_profile_reaches_mid_in_about_two_years() {
    let report = fw()
        .assess_json(r#"{"preferences": {"target_level": "mid"}}"#)
        .expect("a report");
    let plan = &report.plan;
    let items: Vec<(&str, u64, u64)> = plan
        .items
        .iter()
        .map(|i| (i.step.as_str(), i.start_week, i.end_week))
        .collect();
    assert_eq!(
        items,
        [
            ("programming-foundations", 1, 20),
            ("api-design-integration", 21, 26),
            ("database-fundamentals", 27, 32),
            ("collaboration", 33, 35),
            ("application-security", 36, 39),
            ("testing-debugging", 40, 43),
            ("build-portfolio", 44, 58),
            ("practical-experience", 59, 103),
        ]
    );
    assert_eq!(
        (plan.total_hours, plan.work_hours, plan.weeks),
        (580, 1_800, 103)
    );
    // Entry needs the portfolio's competent programming (week 58); mid the job (week 103).
    let milestones: Vec<(&str, u64)> = plan
        .milestones
        .iter()
        .map(|m| (m.level.as_str(), m.week))
        .collect();
    assert_eq!(milestones, [("entry", 58), ("mid", 103)]);
    // The habits are listed beside the plan, never scheduled.
    let habits: Vec<(&str, u32)> = plan
        .habits
        .iter()
        .map(|h| (h.step.as_str(), h.hours_per_week))
        .collect();
    assert_eq!(habits, [("stay-up-to-date", 2), ("continue-learning", 3)]);
}

#[test]
fn an_empty_profile_reaches_expert_in_well_under_ten_years() {
    let report = fw()
        .assess(
            &Assessment::from_json(r#"{"preferences": {"target_level": "expert"}}"#)
                .expect("valid"),
        )
        .expect("a report");
    assert!(report.plan.weeks < 520, "{} weeks", report.plan.weeks);
    assert!(report.plan.unreachable.is_empty());
}

#[test]
fn the_embedded_toml_round_trips() -> Result<(), skillgauge::Error> {
    let fw = fw();
    // The source, read as plain data, is the framework.
    let definition: FrameworkDefinition =
        toml::from_str(BACKEND_DEVELOPER_TOML).expect("the source is a definition");
    assert_eq!(&definition, fw.definition());
    assert_eq!(&Framework::new(definition)?, fw);
    // Written back, in either format, it reads the same.
    assert_eq!(
        &Framework::from_toml(&fw.to_toml()?)?,
        fw,
        "TOML round trip"
    );
    assert_eq!(&Framework::from_json(&fw.to_json())?, fw, "JSON round trip");
    Ok(())
}
