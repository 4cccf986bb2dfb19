//! Hand-checked plans (DESIGN.md section 3).
//
// Every expected plan below was worked out by hand from DESIGN.md and the framework data
// (`src/data/backend-developer.toml` or the inline TOML of the test), never copied from the
// code's output. The comments show the working: each candidate's value / hours at each
// round of the greedy selection, and the week arithmetic.
//
// Definitions used throughout (DESIGN.md section 3, as `src/plan.rs` spells them out):
// - value of a step = Σ over what it develops of weight × (min(develops, required) − current)⁺
//   in proficiency steps, plus min(missing points, points gained) when the target has a
//   `min_points` not yet reached; ratio = value / hours; highest ratio first, ties by
//   framework order (lower index first).
// - A chosen step's unmet prerequisites (not completed, not planned, not already satisfied
//   by the simulated ratings) go just before it, in prerequisite order. A member of that
//   bundle that then closes no gap and is needed by no kept member is not planned
//   (invariant 5: every item closes a gap or is a prerequisite of one that does).
// - start_week = floor(hours before / h) + 1; end_week = ceil(hours through the item / h);
//   weeks = ceil(total / h); h = 10 unless the person says otherwise.
//
// The built-in framework, by index (weights in brackets):
//
// skills: PL programming-languages [3], DB databases-data-modeling [2], API apis-integration
// [2], SEC security [2], PSD problem-solving-debugging [2], AtD attention-to-detail [1],
// COM communication [1].
//
// requirements (0 none, 1 novice, 2 advanced beginner, 3 competent, 4 proficient, 5 expert):
//
// | level  | PL | DB | API | SEC | PSD | AtD | COM |
// |--------|----|----|-----|-----|-----|-----|-----|
// | entry  | 3  | 2  | 2   | 1   | 2   | 2   | 2   |
// | mid    | 4  | 3  | 3   | 2   | 3   | 3   | 3   |
// | senior | 4  | 4  | 4   | 3   | 4   | 3   | 4   |
// | expert | 5  | 5  | 5   | 4   | 5   | 4   | 4   |
//
// steps (index id hours [prerequisites] develops; training):
// - 0 PF programming-foundations 200 [] PL2 PSD2; oc ss bc degree
// - 1 DBF database-fundamentals 60 [PF] DB2; oc ss bc degree
// - 2 BP build-portfolio 150 [DBF, API-D] PL3 AtD2 COM2; ss bc oc
// - 3 CSD computer-science-degree 5400 optional [] PL3 DB3 API2 SEC1 PSD3 AtD2 COM2; degree
// - 4 SUTD stay-up-to-date (habit) 50 [PF] SEC1; ss oc
// - 5 PE practical-experience 1600 [BP, TD, COL] PL4 DB3 API3 PSD3 AtD3 COM3; none
// - 6 CL continue-learning (habit) 80 [PE] PL4; oc ss degree
// - 7 API-D api-design-integration 60 [PF] API2 SEC1; oc ss bc
// - 8 APPSEC application-security 40 [DBF, API-D] SEC2; oc ss bc
// - 9 TD testing-debugging 40 [PF] PSD2 AtD2; oc ss bc
// - 10 COL collaboration 30 [PF] COM2; ss oc bc
// - 11 SD system-design 120 [PE] DB4 API4; oc ss
// - 12 ADVSEC advanced-security 80 [PE, APPSEC] SEC3; oc ss
// - 13 OPS own-production-services 3200 [PE] DB4 API4 SEC3 PSD4 AtD3 COM4; none
// - 14 LA lead-architecture 3200 [SD, ADVSEC, OPS] DB5 API5 SEC4 PSD5 AtD4; none
// - 15 ML mentor-and-lead 800 [OPS] PL5 AtD4 COM4; none
//
// (oc online_course, ss self_study, bc bootcamp.)

use skillgauge::{
    Assessment, Framework, Id, Plan, Proficiency as P, Report, StepKind, Unreachable,
};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn builtin() -> &'static Framework {
    Framework::backend_developer()
}

// One expected plan item.
struct Item {
    step: &'static str,
    closes: &'static [(&'static str, P, P)],
    required_by: &'static [&'static str],
    hours: u32,
    training: Option<&'static str>,
    // (start week, end week)
    weeks: (u64, u64),
}

// The plan's step ids, in order.
fn steps(plan: &Plan) -> Vec<&str> {
    plan.items.iter().map(|i| i.step.as_str()).collect()
}

#[track_caller]
fn assert_items(plan: &Plan, expected: &[Item]) {
    assert_eq!(
        steps(plan),
        expected.iter().map(|e| e.step).collect::<Vec<_>>(),
        "plan steps"
    );
    for (item, want) in plan.items.iter().zip(expected) {
        let closes: Vec<(&str, P, P)> = item
            .closes
            .iter()
            .map(|c| (c.skill.as_str(), c.from, c.to))
            .collect();
        assert_eq!(closes, want.closes, "closes of {}", want.step);
        let required_by: Vec<&str> = item.required_by.iter().map(Id::as_str).collect();
        assert_eq!(
            required_by, want.required_by,
            "required_by of {}",
            want.step
        );
        assert_eq!(item.hours, want.hours, "hours of {}", want.step);
        assert_eq!(
            item.training.as_ref().map(Id::as_str),
            want.training,
            "training of {}",
            want.step
        );
        assert_eq!(
            (item.start_week, item.end_week),
            want.weeks,
            "start and end week of {}",
            want.step
        );
    }
}

#[track_caller]
fn assert_milestones(plan: &Plan, expected: &[(&str, &str, u64)]) {
    let got: Vec<(&str, &str, u64)> = plan
        .milestones
        .iter()
        .map(|m| (m.level.as_str(), m.after_step.as_str(), m.week))
        .collect();
    assert_eq!(got, expected, "milestones (level, after step, week)");
}

#[track_caller]
fn trainings(plan: &Plan) -> Vec<(&str, Option<&str>)> {
    plan.items
        .iter()
        .map(|i| (i.step.as_str(), i.training.as_ref().map(Id::as_str)))
        .collect()
}

// Invariant 3: every item's prerequisites are completed, already satisfied (by the ratings
// as the plan has raised them so far), or earlier in the plan.
#[track_caller]
fn assert_prerequisites_hold(framework: &Framework, assessment: &Assessment, report: &Report) {
    let mut ratings: Vec<(String, P)> = report
        .skills
        .iter()
        .map(|s| (s.skill.as_str().to_owned(), s.rating))
        .collect();
    let rating = |ratings: &[(String, P)], skill: &str| {
        ratings
            .iter()
            .find(|(s, _)| s == skill)
            .map_or(P::None, |&(_, p)| p)
    };
    let mut done: Vec<&str> = assessment.completed_steps.iter().map(Id::as_str).collect();
    for item in &report.plan.items {
        let step = framework
            .step(item.step.as_str())
            .expect("planned step exists");
        for pre in &step.prerequisites {
            let pre_step = framework.step(pre.as_str()).expect("prerequisite exists");
            let satisfied = pre_step
                .develops
                .iter()
                .all(|(skill, &p)| rating(&ratings, skill.as_str()) >= p);
            assert!(
                done.contains(&pre.as_str()) || satisfied,
                "{} is planned but its prerequisite {pre} is not completed, satisfied or earlier",
                item.step
            );
        }
        for (skill, &p) in &step.develops {
            if let Some(entry) = ratings.iter_mut().find(|(s, _)| s == skill.as_str()) {
                entry.1 = entry.1.max(p);
            }
        }
        done.push(item.step.as_str());
    }
}

// ---------------------------------------------------------------------------------------
// 1. Hand-checked plans on the built-in framework
// ---------------------------------------------------------------------------------------

// A career switcher from zero, aiming at entry.
//
// Ratings all 0; entry needs PL3 DB2 API2 SEC1 PSD2 AtD2 COM2; no `min_points`.
//
// Round 1 (all 0):
// PF (3×2 + 2×2) = 10/200 = 0.05; DBF 2×2 = 4/60 = 0.067; BP (3×3 + 1×2 + 1×2) = 13/150
// = 0.087; SUTD 2/50 = 0.04; PE (9+4+4+4+2+2) = 25/1600 = 0.016; CL 3×3 = 9/80 = 0.1125;
// API-D (4+2) = 6/60 = 0.1; APPSEC (min(2,1)=1)×2 = 2/40 = 0.05; TD (4+2) = 6/40 = 0.15;
// COL 2/30 = 0.067; SD (4+4) = 8/120 = 0.067; ADVSEC 2/80 = 0.025; OPS 18/3200; LA
// 16/3200; ML (9+2+2) = 13/800 = 0.016; CSD optional (not considered: no preference).
// → TD (0.15). Its prerequisite PF is unmet (PL 0 < 2), so the bundle is [PF, TD]:
// PF closes PL 0→2 and PSD 0→2 and is required by TD; TD then closes AtD 0→2 only.
//
// Round 2 (PL2 PSD2 AtD2): DBF 4/60 = 0.067; BP (3+2) = 5/150 = 0.033; SUTD 2/50 = 0.04;
// CL 3/80 = 0.0375; API-D 6/60 = 0.1; APPSEC 2/40 = 0.05; COL 2/30 = 0.067; SD 8/120 =
// 0.067; PE 13/1600; ML 5/800 → API-D (0.1): closes API 0→2, SEC 0→1.
//
// Round 3 (+API2 SEC1): DBF 4/60 = 1/15; COL 2/30 = 1/15; SD 4/120; CL 3/80; BP 5/150;
// SUTD and APPSEC 0 → tie DBF/COL at exactly 1/15, DBF first (index 1 < 10): DB 0→2.
//
// Round 4 (+DB2): COL 2/30 = 0.067; CL 3/80; BP 5/150; SD 0 → COL: COM 0→2.
//
// Round 5 (+COM2): CL 3/80 = 0.0375; BP 3/150 = 0.02; ML 3/800; PE 3/1600 → CL, whose
// prerequisite PE needs BP (DBF and API-D already planned, TD and COL too): bundle
// [BP, PE, CL]. BP closes PL 2→3; then PE and CL close nothing, so they are not planned.
// Entry is met: done. The optional degree is never considered (no gap left for pass 2).
//
// Weeks at 10 h: PF 0–200 → 1–20; TD 200–240 → 21–24; API-D 240–300 → 25–30; DBF
// 300–360 → 31–36; COL 360–390 → 37–39; BP 390–540 → 40–54. Total 540 h = 54 weeks.
// Training: no preference, so each step's first option.
#[test]
fn career_switcher_from_zero_to_entry() -> TestResult {
    let assessment = Assessment::from_json(r#"{ "preferences": { "target_level": "entry" } }"#)?;
    let report = builtin().assess(&assessment)?;
    assert_eq!(report.readiness, None);
    assert_eq!(report.target.as_ref().map(Id::as_str), Some("entry"));
    let plan = &report.plan;
    assert_eq!(plan.target.as_ref().map(Id::as_str), Some("entry"));
    assert_eq!(plan.hours_per_week, 10);
    assert_items(
        plan,
        &[
            Item {
                step: "programming-foundations",
                closes: &[
                    ("programming-languages", P::None, P::AdvancedBeginner),
                    ("problem-solving-debugging", P::None, P::AdvancedBeginner),
                ],
                required_by: &[
                    "testing-debugging",
                    "api-design-integration",
                    "database-fundamentals",
                    "collaboration",
                ],
                hours: 200,
                training: Some("online_course"),
                weeks: (1, 20),
            },
            Item {
                step: "testing-debugging",
                closes: &[("attention-to-detail", P::None, P::AdvancedBeginner)],
                required_by: &[],
                hours: 40,
                training: Some("online_course"),
                weeks: (21, 24),
            },
            Item {
                step: "api-design-integration",
                closes: &[
                    ("apis-integration", P::None, P::AdvancedBeginner),
                    ("security", P::None, P::Novice),
                ],
                required_by: &["build-portfolio"],
                hours: 60,
                training: Some("online_course"),
                weeks: (25, 30),
            },
            Item {
                step: "database-fundamentals",
                closes: &[("databases-data-modeling", P::None, P::AdvancedBeginner)],
                required_by: &["build-portfolio"],
                hours: 60,
                training: Some("online_course"),
                weeks: (31, 36),
            },
            Item {
                step: "collaboration",
                closes: &[("communication", P::None, P::AdvancedBeginner)],
                required_by: &[],
                hours: 30,
                training: Some("self_study"),
                weeks: (37, 39),
            },
            Item {
                step: "build-portfolio",
                closes: &[("programming-languages", P::AdvancedBeginner, P::Competent)],
                required_by: &[],
                hours: 150,
                training: Some("self_study"),
                weeks: (40, 54),
            },
        ],
    );
    assert_eq!(plan.total_hours, 540);
    assert_eq!(plan.weeks, 54);
    assert_milestones(plan, &[("entry", "build-portfolio", 54)]);
    assert!(plan.unreachable.is_empty());
    assert_eq!(plan.deadline, None);
    assert_eq!(plan.note, None);
    assert!(!steps(plan).contains(&"computer-science-degree"));
    assert_prerequisites_hold(builtin(), &assessment, &report);

    // Without a stated target the level above "not yet ready" is entry: the same plan.
    let default_target = builtin().assess(&Assessment::new())?;
    assert_eq!(default_target.plan, report.plan);
    Ok(())
}

// A graduate aiming at entry, at 8 hours a week.
//
// Ratings PL3 DB3 API1 SEC1 PSD2 AtD2 COM1: entry's gaps are API 1→2 and COM 1→2 only.
//
// Round 1: PF, DBF, TD, SUTD, APPSEC, CL, ADVSEC 0 (every skill they raise is met);
// BP COM 1 = 1/150; PE (API min(3,2)−1 = 1 ×2 + COM 1) = 3/1600; API-D API 1×2 = 2/60 =
// 1/30; COL 1/30; SD API 2/120; OPS 3/3200; LA 2/3200; ML 1/800 → tie API-D/COL at
// exactly 1/30, API-D first (index 7 < 10). Its prerequisite PF is already satisfied
// (PL3 ≥ 2, PSD2 ≥ 2), so it is not pulled in. API-D closes API novice→AB (SEC stays 1).
//
// Round 2: COL 1/30 beats BP 1/150, ML 1/800, PE 1/1600, OPS 1/3200 → COL: COM 1→2.
//
// Weeks at 8 h: API-D 0–60 → start 1, end ceil(60/8 = 7.5) = 8; COL 60–90 → start
// floor(60/8) + 1 = 8 (the same week), end ceil(90/8 = 11.25) = 12. Total 90 h,
// ceil(90/8) = 12 weeks. Entry is met after COL, in week 12.
#[test]
fn graduate_to_entry() -> TestResult {
    let assessment = Assessment::from_json(
        r#"{
            "ratings": {
                "programming-languages": "competent",
                "databases-data-modeling": "competent",
                "apis-integration": "novice",
                "security": "novice",
                "problem-solving-debugging": "advanced_beginner",
                "attention-to-detail": "advanced_beginner",
                "communication": "novice"
            },
            "experience_years": 0,
            "preferences": { "hours_per_week": 8 }
        }"#,
    )?;
    let report = builtin().assess(&assessment)?;
    assert_eq!(report.readiness, None);
    let plan = &report.plan;
    assert_eq!(plan.target.as_ref().map(Id::as_str), Some("entry"));
    assert_eq!(plan.hours_per_week, 8);
    assert_items(
        plan,
        &[
            Item {
                step: "api-design-integration",
                closes: &[("apis-integration", P::Novice, P::AdvancedBeginner)],
                required_by: &[],
                hours: 60,
                training: Some("online_course"),
                weeks: (1, 8),
            },
            Item {
                step: "collaboration",
                closes: &[("communication", P::Novice, P::AdvancedBeginner)],
                required_by: &[],
                hours: 30,
                training: Some("self_study"),
                weeks: (8, 12),
            },
        ],
    );
    assert_eq!(plan.total_hours, 90);
    assert_eq!(plan.weeks, 12);
    assert_milestones(plan, &[("entry", "collaboration", 12)]);
    assert!(plan.unreachable.is_empty());
    assert_eq!(plan.note, None);
    assert_prerequisites_hold(builtin(), &assessment, &report);
    Ok(())
}

// An entry-level person aiming at mid, 5 hours a week, with a deadline.
//
// Ratings exactly entry: PL3 DB2 API2 SEC1 PSD2 AtD2 COM2. Readiness entry, target mid
// (PL4 DB3 API3 SEC2 PSD3 AtD3 COM3).
fn entry_level() -> &'static str {
    r#"{
        "ratings": {
            "programming-languages": "competent",
            "databases-data-modeling": "advanced_beginner",
            "apis-integration": "advanced_beginner",
            "security": "novice",
            "problem-solving-debugging": "advanced_beginner",
            "attention-to-detail": "advanced_beginner",
            "communication": "advanced_beginner"
        }"#
}

fn entry_level_with(preferences: &str) -> Result<Assessment, skillgauge::Error> {
    Assessment::from_json(&format!(
        "{}, \"preferences\": {preferences} }}",
        entry_level()
    ))
}

// Round 1: PF, DBF, BP, SUTD, API-D, TD, COL 0 (nothing they raise reaches past entry);
// PE (PL 1×3 + DB 2 + API 2 + PSD 2 + AtD 1 + COM 1) = 11/1600 = 0.0069; CL PL 1×3 =
// 3/80 = 0.0375; APPSEC SEC (2−1)×2 = 2/40 = 0.05; SD (DB min(4,3)−2 = 1 ×2 + API 2) =
// 4/120 = 0.033; ADVSEC SEC min(3,2)−1 = 1 ×2 = 2/80 = 0.025; OPS 10/3200; LA 9/3200;
// ML (3+1+1) = 5/800 → APPSEC (0.05). Its prerequisites DBF (DB2 ≥ 2) and API-D (API2,
// SEC1) are already satisfied: not pulled in. Closes SEC novice→AB.
//
// Round 2: CL 3/80 = 0.0375; SD 4/120 = 0.033; ADVSEC 0; PE 9/1600; ML 5/800 → CL. Its
// prerequisite PE is unmet; PE's own prerequisites BP (PL3 AtD2 COM2), TD (PSD2 AtD2) and
// COL (COM2) are all satisfied. Bundle [PE, CL]: PE closes PL 3→4, DB, API, PSD, AtD and
// COM 2→3; CL then closes nothing and is not planned. Mid is met.
//
// Weeks at 5 h: APPSEC 0–40 → 1–8; PE 40–1640 → start floor(40/5) + 1 = 9, end
// ceil(1640/5) = 328. Total 1640 h = 328 weeks. Mid is met after PE, in week 328.
#[test]
fn entry_to_mid_at_five_hours_with_a_deadline() -> TestResult {
    let assessment =
        entry_level_with(r#"{ "hours_per_week": 5, "deadline_weeks": 52, "training": [] }"#)?;
    let report = builtin().assess(&assessment)?;
    assert_eq!(report.readiness.as_ref().map(Id::as_str), Some("entry"));
    let plan = &report.plan;
    assert_eq!(plan.target.as_ref().map(Id::as_str), Some("mid"));
    assert_eq!(plan.hours_per_week, 5);
    assert_items(
        plan,
        &[
            Item {
                step: "application-security",
                closes: &[("security", P::Novice, P::AdvancedBeginner)],
                required_by: &[],
                hours: 40,
                training: Some("online_course"),
                weeks: (1, 8),
            },
            Item {
                step: "practical-experience",
                closes: &[
                    ("programming-languages", P::Competent, P::Proficient),
                    ("databases-data-modeling", P::AdvancedBeginner, P::Competent),
                    ("apis-integration", P::AdvancedBeginner, P::Competent),
                    (
                        "problem-solving-debugging",
                        P::AdvancedBeginner,
                        P::Competent,
                    ),
                    ("attention-to-detail", P::AdvancedBeginner, P::Competent),
                    ("communication", P::AdvancedBeginner, P::Competent),
                ],
                required_by: &[],
                hours: 1600,
                training: None,
                weeks: (9, 328),
            },
        ],
    );
    assert_eq!(plan.total_hours, 1640);
    assert_eq!(plan.weeks, 328);
    assert_milestones(plan, &[("mid", "practical-experience", 328)]);
    assert!(plan.unreachable.is_empty());
    assert_eq!(plan.note, None);
    assert_prerequisites_hold(builtin(), &assessment, &report);

    // Deadline 52 weeks: 328 > 52, so it does not fit; ceil(1640/52) = 32 (52 × 31 = 1612
    // < 1640 ≤ 1664 = 52 × 32) hours a week would make it fit, and 32 ≤ 168 is feasible.
    let deadline = plan.deadline.as_ref().expect("a deadline was given");
    assert_eq!(deadline.weeks, 52);
    assert!(!deadline.fits);
    assert_eq!(deadline.hours_per_week_needed, 32);
    assert!(deadline.feasible);

    // Deadline 328 weeks: exactly the plan's length, so it fits; ceil(1640/328) = 5.
    let fits = builtin().assess(&entry_level_with(
        r#"{ "hours_per_week": 5, "deadline_weeks": 328 }"#,
    )?)?;
    let deadline = fits.plan.deadline.expect("a deadline was given");
    assert_eq!(
        (
            deadline.weeks,
            deadline.fits,
            deadline.hours_per_week_needed,
            deadline.feasible
        ),
        (328, true, 5, true)
    );

    // Deadline 9 weeks: ceil(1640/9) = 183 (9 × 182 = 1638 < 1640), more than the 168
    // hours a week has: not feasible.
    let infeasible = builtin().assess(&entry_level_with(
        r#"{ "hours_per_week": 5, "deadline_weeks": 9 }"#,
    )?)?;
    assert_eq!(steps(&infeasible.plan), steps(plan));
    let deadline = infeasible.plan.deadline.expect("a deadline was given");
    assert_eq!(
        (
            deadline.weeks,
            deadline.fits,
            deadline.hours_per_week_needed,
            deadline.feasible
        ),
        (9, false, 183, false)
    );
    Ok(())
}

// A person who has completed programming-foundations and testing-debugging, but rates
// themselves low anyway: PL1 PSD1, everything else 0. Target entry.
//
// Completed steps are never planned, and a completed prerequisite is not pulled in even
// though the ratings do not satisfy it (PF develops PL2 PSD2; PL is 1).
//
// Round 1 (PL1 PSD1): PF and TD completed; DBF 4/60 = 0.067; BP (PL 2×3 + AtD 2 + COM 2)
// = 10/150 = 0.067; SUTD 2/50 = 0.04; PE (6+4+4+2+2+2) = 20/1600; CL 6/80 = 0.075; API-D
// (4+2) = 6/60 = 0.1; APPSEC 2/40 = 0.05; COL 2/30 = 0.067; SD 8/120 = 0.067; ADVSEC
// 2/80; OPS 16/3200; LA 14/3200; ML 10/800 → API-D (0.1); PF completed, so alone.
// Closes API 0→2, SEC 0→1.
//
// Round 2 (+API2 SEC1): CL 6/80 = 0.075; DBF 4/60, BP 10/150, COL 2/30 = 0.067; SD
// 4/120; PE 16/1600; ML 10/800; SUTD, APPSEC 0 → CL. Bundle in prerequisite order
// (depth first, prerequisites in framework order): CL needs PE; PE needs BP (unmet: PL1),
// TD (completed), COL (unmet: COM 0); BP needs DBF (unmet: DB 0) and API-D (planned);
// DBF and COL need PF (completed). So [DBF, BP, COL, PE, CL]:
// DBF closes DB 0→2; BP closes PL 1→3, AtD 0→2, COM 0→2; COL then closes nothing (COM
// is already 2) but PE needs it; PE closes PSD 1→3 (the only open gap: TD and PF, the
// cheap ways to close it, are completed); CL closes nothing and is not planned.
// Entry is met.
//
// Weeks at 10 h: API-D 0–60 → 1–6; DBF 60–120 → 7–12; BP 120–270 → 13–27; COL 270–300
// → 28–30; PE 300–1900 → 31–190. Total 1900 h = 190 weeks. Entry after PE, week 190
// (mid is not met: SEC 1 < 2).
#[test]
fn completed_steps_are_never_planned_nor_pulled_in() -> TestResult {
    let assessment = Assessment::from_json(
        r#"{
            "ratings": { "programming-languages": "novice", "problem-solving-debugging": 1 },
            "completed_steps": ["programming-foundations", "testing-debugging"],
            "preferences": { "target_level": "entry" }
        }"#,
    )?;
    let report = builtin().assess(&assessment)?;
    let plan = &report.plan;
    assert_items(
        plan,
        &[
            Item {
                step: "api-design-integration",
                closes: &[
                    ("apis-integration", P::None, P::AdvancedBeginner),
                    ("security", P::None, P::Novice),
                ],
                required_by: &["build-portfolio"],
                hours: 60,
                training: Some("online_course"),
                weeks: (1, 6),
            },
            Item {
                step: "database-fundamentals",
                closes: &[("databases-data-modeling", P::None, P::AdvancedBeginner)],
                required_by: &["build-portfolio"],
                hours: 60,
                training: Some("online_course"),
                weeks: (7, 12),
            },
            Item {
                step: "build-portfolio",
                closes: &[
                    ("programming-languages", P::Novice, P::Competent),
                    ("attention-to-detail", P::None, P::AdvancedBeginner),
                    ("communication", P::None, P::AdvancedBeginner),
                ],
                required_by: &["practical-experience"],
                hours: 150,
                training: Some("self_study"),
                weeks: (13, 27),
            },
            Item {
                step: "collaboration",
                closes: &[],
                required_by: &["practical-experience"],
                hours: 30,
                training: Some("self_study"),
                weeks: (28, 30),
            },
            Item {
                step: "practical-experience",
                closes: &[("problem-solving-debugging", P::Novice, P::Competent)],
                required_by: &[],
                hours: 1600,
                training: None,
                weeks: (31, 190),
            },
        ],
    );
    assert_eq!(plan.total_hours, 1900);
    assert_eq!(plan.weeks, 190);
    assert_milestones(plan, &[("entry", "practical-experience", 190)]);
    assert!(plan.unreachable.is_empty());
    for completed in ["programming-foundations", "testing-debugging"] {
        assert!(!steps(plan).contains(&completed), "{completed} is planned");
    }
    assert_prerequisites_hold(builtin(), &assessment, &report);

    // The contrast: the same ratings with nothing completed.
    // Round 1: API-D and TD tie at 0.1 (6/60, 4/40); API-D first, pulling in PF (PL1 < 2):
    // [PF, API-D]. Round 2 (PL2 PSD2 API2 SEC1): DBF 4/60 = COL 2/30 = 0.067 > TD (AtD
    // 2)/40 = 0.05 > BP 7/150, CL 3/80 → DBF; round 3 COL; round 4 TD (0.05) over CL
    // 0.0375; round 5 CL → [BP, PE, CL], of which only BP (PL 2→3) closes anything.
    let fresh = Assessment::from_json(
        r#"{ "ratings": { "programming-languages": 1, "problem-solving-debugging": 1 } }"#,
    )?;
    let fresh = builtin().assess(&fresh)?;
    assert_eq!(
        steps(&fresh.plan),
        [
            "programming-foundations",
            "api-design-integration",
            "database-fundamentals",
            "collaboration",
            "testing-debugging",
            "build-portfolio",
        ]
    );
    assert_eq!(fresh.plan.total_hours, 540);
    Ok(())
}

// ---------------------------------------------------------------------------------------
// 2. Optional steps
// ---------------------------------------------------------------------------------------

// Preferring degree training makes the degree a candidate in the first pass, but it does
// not win on value per hour. For the career switcher from zero its value is at most
// PL 3×3 + DB 2×2 + API 2×2 + SEC 1×2 + PSD 2×2 + AtD 2 + COM 2 = 27, so its ratio is at
// most 27/5400 = 0.005, below the winner of every round of the plan above (0.15, 0.1,
// 1/15, 1/15, 0.0375). So the plan is the same six steps; only the training changes:
// degree where the step lists it (PF, DBF), the step's first option elsewhere.
#[test]
fn preferring_degree_training_alone_does_not_force_the_degree() -> TestResult {
    let assessment = Assessment::from_json(r#"{ "preferences": { "training": ["degree"] } }"#)?;
    let plan = builtin().assess(&assessment)?.plan;
    assert!(!steps(&plan).contains(&"computer-science-degree"));
    assert_eq!(
        trainings(&plan),
        [
            ("programming-foundations", Some("degree")),
            ("testing-debugging", Some("online_course")),
            ("api-design-integration", Some("online_course")),
            ("database-fundamentals", Some("degree")),
            ("collaboration", Some("self_study")),
            ("build-portfolio", Some("self_study")),
        ]
    );
    assert_eq!((plan.total_hours, plan.weeks), (540, 54));
    Ok(())
}

// Only the optional degree develops `theory`.
//
// Without a preference: pass 1 (non-optional) has only the tutorial: coding 3×1 = 3/20 =
// 0.15 → tutorial, coding 0→3. A gap is left (theory 0 < 2), so pass 2 considers the
// degree: coding 0 (met) + theory 2×2 = 4/100 = 0.04 → degree, closing theory 0→2.
// Weeks at 10 h: tutorial 0–20 → 1–2; degree 20–120 → 3–12. Total 120 h = 12 weeks.
//
// Preferring university: the degree is a first-pass candidate at (3 + 4)/100 = 0.07,
// still below the tutorial's 0.15; after the tutorial it is 0.04 and the only candidate.
// The same plan.
const OPTIONAL_ONLY: &str = r#"
id = "optional-only"
name = "Optional only"

[[skills]]
id = "coding"
name = "Coding"

[[skills]]
id = "theory"
name = "Theory"
weight = 2

[[levels]]
id = "junior"
name = "Junior"
requires = { coding = "competent", theory = "advanced_beginner" }

[[steps]]
id = "tutorial"
title = "Tutorial"
hours = 20
training = ["self_study"]
develops = { coding = "competent" }

[[steps]]
id = "degree"
title = "Degree"
kind = "credential"
optional = true
hours = 100
training = ["university"]
develops = { coding = "competent", theory = "advanced_beginner" }

[[training]]
id = "self_study"
name = "Self-study"

[[training]]
id = "university"
name = "University"
"#;

#[test]
fn optional_step_is_chosen_when_nothing_else_closes_the_gap() -> TestResult {
    let framework = Framework::from_toml(OPTIONAL_ONLY)?;
    let expected = [
        Item {
            step: "tutorial",
            closes: &[("coding", P::None, P::Competent)],
            required_by: &[],
            hours: 20,
            training: Some("self_study"),
            weeks: (1, 2),
        },
        Item {
            step: "degree",
            closes: &[("theory", P::None, P::AdvancedBeginner)],
            required_by: &[],
            hours: 100,
            training: Some("university"),
            weeks: (3, 12),
        },
    ];
    for preferences in [r"{}", r#"{ "training": ["university"] }"#] {
        let assessment = Assessment::from_json(&format!(r#"{{ "preferences": {preferences} }}"#))?;
        let plan = framework.assess(&assessment)?.plan;
        assert_items(&plan, &expected);
        assert_eq!((plan.total_hours, plan.weeks), (120, 12));
        assert_milestones(&plan, &[("junior", "degree", 12)]);
        assert!(plan.unreachable.is_empty(), "{preferences}");
    }
    Ok(())
}

// The degree has the better ratio (3/50 = 0.06 against the course's 3/100 = 0.03).
// Without a preference it is not a first-pass candidate, the course closes the gap and
// no second pass is needed: [course]. Preferring university makes it a first-pass
// candidate, and it wins: [degree] (the course is then worth 0).
const OPTIONAL_BETTER: &str = r#"
id = "optional-better"
name = "Optional better"

[[skills]]
id = "coding"
name = "Coding"

[[levels]]
id = "junior"
name = "Junior"
requires = { coding = "competent" }

[[steps]]
id = "course"
title = "Course"
hours = 100
training = ["online_course"]
develops = { coding = "competent" }

[[steps]]
id = "degree"
title = "Degree"
optional = true
hours = 50
training = ["university"]
develops = { coding = "competent" }

[[training]]
id = "online_course"
name = "Online course"

[[training]]
id = "university"
name = "University"
"#;

#[test]
fn optional_step_with_the_better_ratio_needs_the_preference() -> TestResult {
    let framework = Framework::from_toml(OPTIONAL_BETTER)?;
    let plain = framework.assess(&Assessment::new())?.plan;
    assert_eq!(steps(&plain), ["course"]);
    assert_eq!((plain.total_hours, plain.weeks), (100, 10));
    let preferring = Assessment::from_json(r#"{ "preferences": { "training": ["university"] } }"#)?;
    let preferred = framework.assess(&preferring)?.plan;
    assert_eq!(steps(&preferred), ["degree"]);
    assert_eq!(trainings(&preferred), [("degree", Some("university"))]);
    assert_eq!((preferred.total_hours, preferred.weeks), (50, 5));
    Ok(())
}

// ---------------------------------------------------------------------------------------
// 3. Unreachable gaps
// ---------------------------------------------------------------------------------------

#[track_caller]
fn assert_unreachable_skill(
    entry: &Unreachable,
    skill: &str,
    reached: P,
    required: P,
    reason_has: &[&str],
) {
    match entry {
        Unreachable::Skill {
            skill: s,
            reached: r,
            required: q,
            reason,
        } => {
            assert_eq!((s.as_str(), *r, *q), (skill, reached, required));
            for part in reason_has {
                assert!(reason.contains(part), "reason {reason:?} lacks {part:?}");
            }
        }
        other @ Unreachable::Points { .. } => panic!("expected a skill, got {other:?}"),
    }
}

// Junior needs coding competent, ops proficient and writing novice. The only step raises
// coding to competent and ops to advanced beginner; nothing develops writing.
// course: coding 3 + ops min(2,4) = 2 → 5/40 = 0.125 → closes coding 0→3, ops 0→2.
// Left: ops reached AB, required proficient; writing reached none, required novice.
// Weeks: 0–40 → 1–4.
const GAPS: &str = r#"
id = "gaps"
name = "Gaps"

[[skills]]
id = "coding"
name = "Coding"

[[skills]]
id = "ops"
name = "Operations"

[[skills]]
id = "writing"
name = "Writing"

[[levels]]
id = "junior"
name = "Junior"
requires = { coding = "competent", ops = "proficient", writing = "novice" }

[[steps]]
id = "course"
title = "Course"
hours = 40
develops = { coding = "competent", ops = "advanced_beginner" }
"#;

#[test]
fn gaps_no_step_closes_are_listed() -> TestResult {
    let framework = Framework::from_toml(GAPS)?;
    let plan = framework.assess(&Assessment::new())?.plan;
    assert_items(
        &plan,
        &[Item {
            step: "course",
            closes: &[
                ("coding", P::None, P::Competent),
                ("ops", P::None, P::AdvancedBeginner),
            ],
            required_by: &[],
            hours: 40,
            training: None,
            weeks: (1, 4),
        }],
    );
    assert_eq!((plan.total_hours, plan.weeks), (40, 4));
    assert_milestones(&plan, &[]);
    assert_eq!(plan.unreachable.len(), 2, "{:?}", plan.unreachable);
    assert_unreachable_skill(
        &plan.unreachable[0],
        "ops",
        P::AdvancedBeginner,
        P::Proficient,
        &["ops", "proficient"],
    );
    assert_unreachable_skill(
        &plan.unreachable[1],
        "writing",
        P::None,
        P::Novice,
        &["writing", "novice"],
    );
    Ok(())
}

// A points-only ladder with Medium's table [0, 1, 3, 6, 12, 20]: skills a (weight 1) and
// b (weight 2), one level "member" with only `min_points`.
fn points_ladder(min_points: u32, a_to: &str, a_hours: u32) -> String {
    format!(
        r#"
id = "points"
name = "Points"
points = [0, 1, 3, 6, 12, 20]

[[skills]]
id = "a"
name = "A"

[[skills]]
id = "b"
name = "B"
weight = 2

[[levels]]
id = "member"
name = "Member"
min_points = {min_points}

[[steps]]
id = "s1"
title = "S1"
hours = {a_hours}
develops = {{ a = "{a_to}" }}

[[steps]]
id = "s2"
title = "S2"
hours = 10
develops = {{ b = "advanced_beginner" }}
"#
    )
}

// min_points 30; a rated novice (1 point); s1 (10 h) raises a to competent, s2 (10 h) b
// to advanced beginner. Missing 29.
// Round 1: s1 gains 1 × (6 − 1) = 5 → 5/10 = 0.5; s2 gains 2 × (3 − 0) = 6 → 0.6 → s2,
// closing b 0→2 (it raises points while points are missing). Points 7, missing 23.
// Round 2: s1 5/10 → s1, closing a 1→3. Points 12 < 30: unreachable, reached 12.
// Weeks: s2 0–10 → 1–1; s1 10–20 → 2–2.
#[test]
fn points_no_step_reaches_are_listed() -> TestResult {
    let framework = Framework::from_toml(&points_ladder(30, "competent", 10))?;
    let assessment = Assessment::new().rate("a", P::Novice)?;
    let report = framework.assess(&assessment)?;
    assert_eq!(report.missing_points, Some(29.0));
    let plan = &report.plan;
    assert_items(
        plan,
        &[
            Item {
                step: "s2",
                closes: &[("b", P::None, P::AdvancedBeginner)],
                required_by: &[],
                hours: 10,
                training: None,
                weeks: (1, 1),
            },
            Item {
                step: "s1",
                closes: &[("a", P::Novice, P::Competent)],
                required_by: &[],
                hours: 10,
                training: None,
                weeks: (2, 2),
            },
        ],
    );
    assert_eq!((plan.total_hours, plan.weeks), (20, 2));
    assert_milestones(plan, &[]);
    match plan.unreachable.as_slice() {
        [
            Unreachable::Points {
                reached,
                required,
                reason,
            },
        ] => {
            assert!((reached - 12.0).abs() < 1e-9, "reached {reached}");
            assert!((required - 30.0).abs() < 1e-9, "required {required}");
            assert!(!reason.is_empty());
        }
        other => panic!("expected one points entry, got {other:?}"),
    }
    Ok(())
}

// min_points 4, nothing rated (0 points). s1 (20 h) raises a to expert: 20 points, but
// only the 4 missing count → 4/20 = 0.2 (uncapped it would be 20/20 = 1.0); s2 (10 h)
// raises b to AB: 6 points, 4 count → 4/10 = 0.4 (uncapped 0.6). Capped, s2 wins; then 6
// ≥ 4 and nothing is missing: [s2], member met after it in week 1. (Uncapped, s1 would
// have won.)
#[test]
fn points_gained_count_only_up_to_what_is_missing() -> TestResult {
    let framework = Framework::from_toml(&points_ladder(4, "expert", 20))?;
    let plan = framework.assess(&Assessment::new())?.plan;
    assert_items(
        &plan,
        &[Item {
            step: "s2",
            closes: &[("b", P::None, P::AdvancedBeginner)],
            required_by: &[],
            hours: 10,
            training: None,
            weeks: (1, 1),
        }],
    );
    assert_milestones(&plan, &[("member", "s2", 1)]);
    assert!(plan.unreachable.is_empty());
    Ok(())
}

// Junior needs coding novice and ops competent. Only ops-course (completed) develops ops
// to competent; intro raises coding and ops to novice.
// intro: coding 1 + ops 1 = 2/5 = 0.4 → closes coding 0→1, ops 0→1. ops-course is
// completed, so never planned: ops stays novice, and the reason names the completed step.
const REOPEN: &str = r#"
id = "reopen"
name = "Reopen"

[[skills]]
id = "coding"
name = "Coding"

[[skills]]
id = "ops"
name = "Operations"

[[levels]]
id = "junior"
name = "Junior"
requires = { coding = "novice", ops = "competent" }

[[steps]]
id = "ops-course"
title = "Operations course"
hours = 20
develops = { ops = "competent" }

[[steps]]
id = "intro"
title = "Introduction"
hours = 5
develops = { coding = "novice", ops = "novice" }
"#;

#[test]
fn unreachable_because_the_only_step_is_completed_says_so() -> TestResult {
    let framework = Framework::from_toml(REOPEN)?;
    let assessment = Assessment::from_json(r#"{ "completed_steps": ["ops-course"] }"#)?;
    let plan = framework.assess(&assessment)?.plan;
    assert_items(
        &plan,
        &[Item {
            step: "intro",
            closes: &[("coding", P::None, P::Novice), ("ops", P::None, P::Novice)],
            required_by: &[],
            hours: 5,
            training: None,
            weeks: (1, 1),
        }],
    );
    assert_eq!(plan.unreachable.len(), 1, "{:?}", plan.unreachable);
    assert_unreachable_skill(
        &plan.unreachable[0],
        "ops",
        P::Novice,
        P::Competent,
        &["ops-course", "completed"],
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------
// 4. Top of the ladder, and a target already met
// ---------------------------------------------------------------------------------------

fn everything(p: P) -> Result<Assessment, skillgauge::InvalidId> {
    builtin()
        .skills()
        .iter()
        .try_fold(Assessment::new(), |a, s| a.rate(s.id.as_str(), p))
}

// Rated expert everywhere: every level is met, readiness expert, target expert (the top).
// The plan is the habits, in framework order: SUTD (index 4, 50 h, first option
// self_study) then CL (index 6, 80 h, first option online_course), closing nothing.
// Weeks: SUTD 0–50 → 1–5; CL 50–130 → 6–13. Total 130 h = 13 weeks. No level above
// expert, so no milestones.
#[test]
fn expert_gets_the_habits_with_a_note() -> TestResult {
    let framework = builtin();
    let assessment = everything(P::Expert)?;
    let report = framework.assess(&assessment)?;
    assert_eq!(report.readiness.as_ref().map(Id::as_str), Some("expert"));
    let plan = &report.plan;
    assert_eq!(plan.target.as_ref().map(Id::as_str), Some("expert"));
    assert_items(
        plan,
        &[
            Item {
                step: "stay-up-to-date",
                closes: &[],
                required_by: &[],
                hours: 50,
                training: Some("self_study"),
                weeks: (1, 5),
            },
            Item {
                step: "continue-learning",
                closes: &[],
                required_by: &[],
                hours: 80,
                training: Some("online_course"),
                weeks: (6, 13),
            },
        ],
    );
    for item in &plan.items {
        let step = framework.step(item.step.as_str()).expect("step exists");
        assert_eq!(step.kind, StepKind::Habit);
    }
    assert_eq!((plan.total_hours, plan.weeks), (130, 13));
    assert_milestones(plan, &[]);
    assert!(plan.unreachable.is_empty());
    let note = plan.note.as_deref().expect("a note says why");
    assert!(note.contains("Expert level"), "{note}");
    assert!(note.contains("top"), "{note}");
    assert!(note.contains("habits"), "{note}");
    assert_prerequisites_hold(framework, &assessment, &report);
    Ok(())
}

// The same expert with both habits completed: nothing left to plan, and the note says so.
#[test]
fn expert_with_every_habit_completed_gets_an_empty_plan_that_says_why() -> TestResult {
    let mut assessment = everything(P::Expert)?;
    assessment.completed_steps = vec!["stay-up-to-date".parse()?, "continue-learning".parse()?];
    let plan = builtin().assess(&assessment)?.plan;
    assert!(plan.items.is_empty(), "{:?}", steps(&plan));
    assert_eq!((plan.total_hours, plan.weeks), (0, 0));
    let note = plan.note.as_deref().expect("an empty plan says why");
    assert!(note.contains("Expert level"), "{note}");
    assert!(note.contains("done every habit"), "{note}");
    Ok(())
}

// Exactly entry, target entry: the target is already met, so the plan says so; it is not
// the top of the ladder, so the note does not call it that. Nothing closes a gap.
//
// Keeping current is habits only: a habit whose unmet prerequisites are not habits is left
// out rather than pulling that work in (invariant 3 still holds: nothing unmet is planned).
// - SUTD (index 4): its prerequisite PF (PL2 PSD2) is satisfied by PL3 PSD2 → [SUTD].
// - CL (index 6): its prerequisite PE (PL4 …) is not satisfied (PL3), and PE is an
//   experience step, not a habit → CL is left out.
//
// Weeks at 10 h: SUTD 0–50 → 1–5. Total 50 h = 5 weeks. Milestones: SUTD develops only
// security novice, which the person has: none.
#[test]
fn target_already_met_gets_a_note() -> TestResult {
    let assessment = entry_level_with(r#"{ "target_level": "entry" }"#)?;
    let report = builtin().assess(&assessment)?;
    assert_eq!(report.readiness.as_ref().map(Id::as_str), Some("entry"));
    let plan = &report.plan;
    assert_eq!(plan.target.as_ref().map(Id::as_str), Some("entry"));
    let note = plan.note.as_deref().expect("a note says the target is met");
    assert!(note.contains("already meet"), "{note}");
    assert!(note.contains("Entry level"), "{note}");
    assert!(!note.contains("top"), "{note}");
    assert_items(
        plan,
        &[Item {
            step: "stay-up-to-date",
            closes: &[],
            required_by: &[],
            hours: 50,
            training: Some("self_study"),
            weeks: (1, 5),
        }],
    );
    assert_eq!((plan.total_hours, plan.weeks), (50, 5));
    assert!(plan.unreachable.is_empty());
    assert_milestones(plan, &[]);
    assert_prerequisites_hold(builtin(), &assessment, &report);
    Ok(())
}

// ---------------------------------------------------------------------------------------
// 5. Training preference
// ---------------------------------------------------------------------------------------

// Preferences do not change which non-optional steps are chosen, only the training.
#[test]
fn preferred_training_where_the_step_allows_it() -> TestResult {
    // Career switcher: every step of the plan lists self_study.
    let switcher = Assessment::from_json(r#"{ "preferences": { "training": ["self_study"] } }"#)?;
    let plan = builtin().assess(&switcher)?.plan;
    assert_eq!(
        trainings(&plan),
        [
            ("programming-foundations", Some("self_study")),
            ("testing-debugging", Some("self_study")),
            ("api-design-integration", Some("self_study")),
            ("database-fundamentals", Some("self_study")),
            ("collaboration", Some("self_study")),
            ("build-portfolio", Some("self_study")),
        ]
    );

    // Entry to mid: application-security lists self_study; practical-experience lists no
    // training at all, so it gets none.
    let plan = builtin()
        .assess(&entry_level_with(r#"{ "training": ["self_study"] }"#)?)?
        .plan;
    assert_eq!(
        trainings(&plan),
        [
            ("application-security", Some("self_study")),
            ("practical-experience", None),
        ]
    );

    // The expert's habits list no bootcamp: each gets its own first option
    // (stay-up-to-date: self_study; continue-learning: online_course).
    let mut expert = everything(P::Expert)?;
    expert.preferences.training = vec!["bootcamp".parse()?];
    assert_eq!(
        trainings(&builtin().assess(&expert)?.plan),
        [
            ("stay-up-to-date", Some("self_study")),
            ("continue-learning", Some("online_course")),
        ]
    );
    // The first preferred option the step lists wins, whatever the step's own order:
    // continue-learning lists online_course before self_study.
    expert.preferences.training = vec!["bootcamp".parse()?, "self_study".parse()?];
    assert_eq!(
        trainings(&builtin().assess(&expert)?.plan),
        [
            ("stay-up-to-date", Some("self_study")),
            ("continue-learning", Some("self_study")),
        ]
    );

    // Degree first, then bootcamp: degree where listed (PF, DBF), else bootcamp.
    let switcher =
        Assessment::from_json(r#"{ "preferences": { "training": ["degree", "bootcamp"] } }"#)?;
    assert_eq!(
        trainings(&builtin().assess(&switcher)?.plan),
        [
            ("programming-foundations", Some("degree")),
            ("testing-debugging", Some("bootcamp")),
            ("api-design-integration", Some("bootcamp")),
            ("database-fundamentals", Some("degree")),
            ("collaboration", Some("bootcamp")),
            ("build-portfolio", Some("bootcamp")),
        ]
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------
// 6. Schedule
// ---------------------------------------------------------------------------------------

// Three skills of weight 1 and three levels, each adding one requirement; three steps.
// Against target "three" (a3 b1 c1): first 3/15 = 0.2; second 1/10 = 0.1; third 1/35 =
// 0.029. Order first (15 h), second (10 h), third (35 h); total 60 h.
const SCHEDULE: &str = r#"
id = "schedule"
name = "Schedule"

[[skills]]
id = "a"
name = "A"

[[skills]]
id = "b"
name = "B"

[[skills]]
id = "c"
name = "C"

[[levels]]
id = "one"
name = "One"
requires = { a = "competent" }

[[levels]]
id = "two"
name = "Two"
requires = { a = "competent", b = "novice" }

[[levels]]
id = "three"
name = "Three"
requires = { a = "competent", b = "novice", c = "novice" }

[[steps]]
id = "first"
title = "First"
hours = 15
develops = { a = "competent" }

[[steps]]
id = "second"
title = "Second"
hours = 10
develops = { b = "novice" }

[[steps]]
id = "third"
title = "Third"
hours = 35
develops = { c = "novice" }
"#;

fn schedule_plan(hours_per_week: u32, extra: &str) -> Result<Plan, skillgauge::Error> {
    let framework = Framework::from_toml(SCHEDULE)?;
    let assessment = Assessment::from_json(&format!(
        r#"{{ "preferences": {{ "target_level": "three", "hours_per_week": {hours_per_week} {extra} }} }}"#
    ))?;
    Ok(framework.assess(&assessment)?.plan)
}

#[track_caller]
fn assert_weeks(plan: &Plan, expected: &[(&str, u64, u64)]) {
    let got: Vec<(&str, u64, u64)> = plan
        .items
        .iter()
        .map(|i| (i.step.as_str(), i.start_week, i.end_week))
        .collect();
    assert_eq!(got, expected, "(step, start week, end week)");
}

// At 10 h: first 0–15 → start 1, end ceil(1.5) = 2; second 15–25 → start floor(1.5) + 1
// = 2 (it starts in the week first ends in), end ceil(2.5) = 3; third 25–60 → start
// floor(2.5) + 1 = 3, end 6. Weeks ceil(6.0) = 6. Milestones: one (a3) after first, week
// 2; two (+b1) after second, week 3; three (+c1) after third, week 6.
#[test]
fn items_run_back_to_back_and_share_weeks() -> TestResult {
    let plan = schedule_plan(10, "")?;
    assert_weeks(&plan, &[("first", 1, 2), ("second", 2, 3), ("third", 3, 6)]);
    assert_eq!((plan.total_hours, plan.weeks), (60, 6));
    assert_milestones(
        &plan,
        &[
            ("one", "first", 2),
            ("two", "second", 3),
            ("three", "third", 6),
        ],
    );
    Ok(())
}

// At 5 h an item can end exactly on a week boundary: first 0–15 → 1–3 (15/5 = 3);
// second 15–25 → start floor(15/5) + 1 = 4 (the next week), end 5; third 25–60 → start
// 6, end 12. Weeks 12.
// At 7 h: first 0–15 → 1–ceil(2.14) = 3; second 15–25 → floor(2.14) + 1 = 3 to
// ceil(3.57) = 4; third 25–60 → floor(3.57) + 1 = 4 to ceil(8.57) = 9. Weeks 9.
#[test]
fn week_boundaries() -> TestResult {
    let plan = schedule_plan(5, "")?;
    assert_weeks(
        &plan,
        &[("first", 1, 3), ("second", 4, 5), ("third", 6, 12)],
    );
    assert_eq!(plan.weeks, 12);
    assert_milestones(
        &plan,
        &[
            ("one", "first", 3),
            ("two", "second", 5),
            ("three", "third", 12),
        ],
    );

    let plan = schedule_plan(7, "")?;
    assert_weeks(&plan, &[("first", 1, 3), ("second", 3, 4), ("third", 4, 9)]);
    assert_eq!(plan.weeks, 9);
    Ok(())
}

// At 168 h (every hour of the week) all 60 h fall in week 1; a 1-week deadline fits and
// needs ceil(60/1) = 60 h a week, which is feasible.
// On the built-in entry-to-mid plan (40 h, then 1600 h): application-security 0–40 →
// 1–1; practical-experience 40–1640 → floor(40/168) + 1 = 1 to ceil(9.76) = 10; 10 weeks.
#[test]
fn full_time_every_hour_of_the_week() -> TestResult {
    let plan = schedule_plan(168, r#", "deadline_weeks": 1"#)?;
    assert_eq!(plan.hours_per_week, 168);
    assert_weeks(&plan, &[("first", 1, 1), ("second", 1, 1), ("third", 1, 1)]);
    assert_eq!((plan.total_hours, plan.weeks), (60, 1));
    assert_milestones(
        &plan,
        &[
            ("one", "first", 1),
            ("two", "second", 1),
            ("three", "third", 1),
        ],
    );
    let deadline = plan.deadline.expect("a deadline was given");
    assert_eq!(
        (
            deadline.weeks,
            deadline.fits,
            deadline.hours_per_week_needed,
            deadline.feasible
        ),
        (1, true, 60, true)
    );

    let plan = builtin()
        .assess(&entry_level_with(r#"{ "hours_per_week": 168 }"#)?)?
        .plan;
    assert_weeks(
        &plan,
        &[
            ("application-security", 1, 1),
            ("practical-experience", 1, 10),
        ],
    );
    assert_eq!((plan.total_hours, plan.weeks), (1640, 10));
    Ok(())
}

// Without a stated target, nothing rated: the target is the level above "not yet ready",
// "one" (a3). Against it only first is worth anything (3/15); b and c are not required.
// [first], 1–2, one met after it in week 2; the default 10 h a week.
#[test]
fn default_target_and_hours() -> TestResult {
    let framework = Framework::from_toml(SCHEDULE)?;
    let plan = framework.assess(&Assessment::new())?.plan;
    assert_eq!(plan.target.as_ref().map(Id::as_str), Some("one"));
    assert_eq!(plan.hours_per_week, skillgauge::DEFAULT_HOURS_PER_WEEK);
    assert_weeks(&plan, &[("first", 1, 2)]);
    assert_eq!((plan.total_hours, plan.weeks), (15, 2));
    assert_milestones(&plan, &[("one", "first", 2)]);
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Ties
// ---------------------------------------------------------------------------------------

// Weights 0.1, 0.2 and 0.3. "zed" (first in framework order, 10 h) closes z 0→1: value
// 0.3 × 1 = 0.3, ratio 0.03. "xy" (second, 10 h) closes x 0→1 and y 0→1: value 0.1 + 0.2
// = 0.3, ratio 0.03. A tie, so framework order decides: zed, then xy (1–1, 2–2).
const DECIMAL_WEIGHTS: &str = r#"
id = "decimal-weights"
name = "Decimal weights"

[[skills]]
id = "x"
name = "X"
weight = 0.1

[[skills]]
id = "y"
name = "Y"
weight = 0.2

[[skills]]
id = "z"
name = "Z"
weight = 0.3

[[levels]]
id = "junior"
name = "Junior"
requires = { x = "novice", y = "novice", z = "novice" }

[[steps]]
id = "zed"
title = "Zed"
hours = 10
develops = { z = "novice" }

[[steps]]
id = "xy"
title = "XY"
hours = 10
develops = { x = "novice", y = "novice" }
"#;

#[test]
fn equal_ratios_with_decimal_weights_tie_by_framework_order() -> TestResult {
    let framework = Framework::from_toml(DECIMAL_WEIGHTS)?;
    let plan = framework.assess(&Assessment::new())?.plan;
    assert_weeks(&plan, &[("zed", 1, 1), ("xy", 2, 2)]);
    Ok(())
}

// An optional step as a prerequisite. "masters" (50 h, a 0→3: 3/50 = 0.06) needs the
// optional "degree" (100 h); "course" (200 h, a 0→3: 3/200 = 0.015) needs nothing.
// Without a preference for university, the degree may be chosen only when nothing else
// closes the gap (DESIGN section 3); the course closes it, so neither the degree nor the
// masters that needs it is planned: [course], 1–20.
const OPTIONAL_PREREQUISITE: &str = r#"
id = "optional-prerequisite"
name = "Optional prerequisite"

[[skills]]
id = "a"
name = "A"

[[levels]]
id = "junior"
name = "Junior"
requires = { a = "competent" }

[[steps]]
id = "degree"
title = "Degree"
optional = true
hours = 100
training = ["university"]
develops = { a = "novice" }

[[steps]]
id = "masters"
title = "Masters"
hours = 50
prerequisites = ["degree"]
training = ["university"]
develops = { a = "competent" }

[[steps]]
id = "course"
title = "Course"
hours = 200
develops = { a = "competent" }

[[training]]
id = "university"
name = "University"
"#;

#[test]
fn an_optional_prerequisite_is_not_pulled_in_without_the_preference() -> TestResult {
    let framework = Framework::from_toml(OPTIONAL_PREREQUISITE)?;
    let plan = framework.assess(&Assessment::new())?.plan;
    assert_weeks(&plan, &[("course", 1, 20)]);
    Ok(())
}

// Preferring university: the degree is a first-pass candidate (1/100 = 0.01), masters
// 3/50 = 0.06, course 3/200 = 0.015 → masters, with the degree before it: the degree
// closes a 0→1 and is required by masters, masters closes a 1→3. Weeks: degree 0–100 →
// 1–10; masters 100–150 → 11–15. Total 150 h = 15 weeks.
#[test]
fn an_optional_prerequisite_is_pulled_in_with_the_preference() -> TestResult {
    let framework = Framework::from_toml(OPTIONAL_PREREQUISITE)?;
    let assessment = Assessment::from_json(r#"{ "preferences": { "training": ["university"] } }"#)?;
    let plan = framework.assess(&assessment)?.plan;
    assert_items(
        &plan,
        &[
            Item {
                step: "degree",
                closes: &[("a", P::None, P::Novice)],
                required_by: &["masters"],
                hours: 100,
                training: Some("university"),
                weeks: (1, 10),
            },
            Item {
                step: "masters",
                closes: &[("a", P::Novice, P::Competent)],
                required_by: &[],
                hours: 50,
                training: Some("university"),
                weeks: (11, 15),
            },
        ],
    );
    assert_eq!((plan.total_hours, plan.weeks), (150, 15));
    Ok(())
}

// Weights 0.1, 0.2 and 0.7 and min_points 1: the plan's running total adds them in plan
// order (0.7 + 0.2 + 0.1 = 0.9999999999999999 in f64) while the scorer sums in framework
// order (0.1 + 0.2 + 0.7 = 1.0). At the threshold the plan must agree with the scorer: the
// level is reached after the third step, nothing is unreachable.
// Values: c 0.7/1 h, b 0.2/1 h, a 0.1/1 h (min(missing, gained)) → c, b, a.
#[test]
fn points_at_a_threshold_agree_with_the_scorer() -> TestResult {
    let framework = Framework::from_toml(
        r#"
id = "drift"
name = "Drift"
[[skills]]
id = "a"
name = "A"
weight = 0.1
[[skills]]
id = "b"
name = "B"
weight = 0.2
[[skills]]
id = "c"
name = "C"
weight = 0.7
[[levels]]
id = "l0"
name = "L0"
min_points = 1
[[steps]]
id = "sa"
title = "A"
hours = 1
develops = { a = "novice" }
[[steps]]
id = "sb"
title = "B"
hours = 1
develops = { b = "novice" }
[[steps]]
id = "sc"
title = "C"
hours = 1
develops = { c = "novice" }
"#,
    )?;
    let plan = framework.assess(&Assessment::new())?.plan;
    assert_eq!(steps(&plan), ["sc", "sb", "sa"]);
    assert!(plan.unreachable.is_empty(), "{:?}", plan.unreachable);
    assert_milestones(&plan, &[("l0", "sa", 1)]);
    Ok(())
}

// A licence that develops nothing is not "already satisfied": it is planned before the
// course that needs it (required by it), though it closes no gap itself.
#[test]
fn a_prerequisite_that_develops_nothing_is_planned() -> TestResult {
    let framework = Framework::from_toml(
        r#"
id = "gate"
name = "Gate"
[[skills]]
id = "a"
name = "A"
[[levels]]
id = "l0"
name = "L0"
requires = { a = "novice" }
[[steps]]
id = "licence"
title = "Get the licence"
hours = 5
[[steps]]
id = "course"
title = "Course"
hours = 10
prerequisites = ["licence"]
develops = { a = "novice" }
"#,
    )?;
    let plan = framework.assess(&Assessment::new())?.plan;
    assert_eq!(steps(&plan), ["licence", "course"]);
    assert_eq!(plan.items[0].required_by, ["course"]);
    // Completed, it is not planned again.
    let done = Assessment::from_json(r#"{ "completed_steps": ["licence"] }"#)?;
    assert_eq!(steps(&framework.assess(&done)?.plan), ["course"]);
    Ok(())
}
