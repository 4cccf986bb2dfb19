//! Hand-checked schedules (DESIGN.md section 3, Schedule, Milestones, Habits, Deadline):
//! prerequisites on the other track end before their dependants start, milestones by end
//! time, habits listed apart and never planned (and the plan itself at the top of the
//! ladder), and the deadline check with the hours needed and a feasibility reason.
//
// Every expected value was worked out by hand; the working is in the comments. Value per
// week = weighted gap closed / weeks; all weights 1; study at 10 h a week unless stated;
// work at 40.

mod util;

use skillgauge::{Deadline, Framework, Plan, Unreachable};
use util::{framework, milestones, plan_of, steps, weeks};

#[track_caller]
fn deadline(plan: &Plan) -> &Deadline {
    plan.deadline.as_ref().expect("a deadline was given")
}

// ---------------------------------------------------------------------------------------
// Prerequisites across the tracks
// ---------------------------------------------------------------------------------------

/// A design course that needs the job first, and reading that needs nothing.
const AFTER_JOB: &str = r#"
id = "after-job"
name = "After the job"

[[skills]]
id = "ops"
name = "Operations"

[[skills]]
id = "design"
name = "Design"

[[skills]]
id = "talk"
name = "Talking"

[[levels]]
id = "junior"
name = "Junior"
requires = { ops = "competent", design = "competent", talk = "competent" }

[[steps]]
id = "job"
title = "Work a job"
kind = "experience"
hours = 400
develops = { ops = "competent" }

[[steps]]
id = "design-course"
title = "Design systems at work"
hours = 20
prerequisites = ["job"]
develops = { design = "competent" }

[[steps]]
id = "reading"
title = "Read about talking"
hours = 150
develops = { talk = "competent" }
"#;

// Round 1: job 3/10 = 0.3; design-course with the job (3 + 3)/(10 + 2) = 0.5; reading
// 3/15 = 0.2: design-course, the job pulled in before it. Round 2: reading.
// Work: job 0-10 (weeks 1-10). Study: design-course waits for the job: 10-12 (weeks
// 11-12), though the study track is free from 0; reading follows it in plan order: 12-27
// (weeks 13-27). weeks 27; study 170 h, work 400 h.
#[test]
fn study_item_waits_for_a_work_prerequisite() {
    let plan = plan_of(&framework(AFTER_JOB), "{}");
    assert_eq!(
        weeks(&plan),
        [
            ("job", 1, 10),
            ("design-course", 11, 12),
            ("reading", 13, 27)
        ]
    );
    let required_by: Vec<&str> = plan.items[0]
        .required_by
        .iter()
        .map(|r| r.step.as_str())
        .collect();
    assert_eq!(required_by, ["design-course"]);
    assert_eq!(
        (plan.total_hours, plan.work_hours, plan.weeks),
        (170, 400, 27)
    );
}

/// A job that needs a course first.
const AFTER_COURSE: &str = r#"
id = "after-course"
name = "After the course"

[[skills]]
id = "code"
name = "Code"

[[skills]]
id = "ops"
name = "Operations"

[[levels]]
id = "junior"
name = "Junior"
requires = { code = "competent", ops = "competent" }

[[steps]]
id = "course"
title = "Take a course"
hours = 60
develops = { code = "competent" }

[[steps]]
id = "job"
title = "Work a job"
kind = "experience"
hours = 400
prerequisites = ["course"]
develops = { ops = "competent" }
"#;

// At 10 h: course 3/6 = 0.5; job with course 6/16 = 0.375: course, then job (3/10).
// course 0-6 (1-6); job waits for it: 6-16 (7-16). weeks 16.
// At 8 h: course 7.5 weeks (0.4; job bundle 6/17.5 = 0.34): course 0-7.5 (weeks 1-8); job
// 7.5-17.5: start floor(7.5) + 1 = 8, the week the course ends in, end 18. weeks 18.
#[test]
fn work_item_waits_for_a_study_prerequisite() {
    let fw = framework(AFTER_COURSE);
    let ten = plan_of(&fw, "{}");
    assert_eq!(weeks(&ten), [("course", 1, 6), ("job", 7, 16)]);
    assert_eq!(ten.weeks, 16);
    let eight = plan_of(&fw, r#"{"preferences":{"hours_per_week":8}}"#);
    assert_eq!(weeks(&eight), [("course", 1, 8), ("job", 8, 18)]);
    assert_eq!(eight.weeks, 18);
}

// ---------------------------------------------------------------------------------------
// Milestones by end time
// ---------------------------------------------------------------------------------------

const MILESTONES: &str = r#"
id = "milestones"
name = "Milestones"

[[skills]]
id = "code"
name = "Code"

[[skills]]
id = "ops"
name = "Operations"

[[skills]]
id = "support"
name = "Support"

[[levels]]
id = "junior"
name = "Junior"
requires = { code = "competent" }

[[levels]]
id = "senior"
name = "Senior"
requires = { code = "competent", ops = "competent", support = "competent" }

[[steps]]
id = "job"
title = "Work a job"
kind = "experience"
hours = 400
develops = { ops = "competent", support = "competent" }

[[steps]]
id = "course"
title = "Take a course"
hours = 60
develops = { code = "competent" }
"#;

// Target senior. job 6/10 = 0.6 beats course 3/6 = 0.5: plan order job, course. But the
// course ends first: job 0-10 (weeks 1-10), course 0-6 (weeks 1-6). By end time: after the
// course (week 6) junior is met; after the job (week 10) senior. (Taken in plan order,
// both levels would be credited to the course, senior in week 6 before the job ends.)
#[test]
fn milestones_follow_end_time_not_plan_order() {
    let fw = framework(MILESTONES);
    let plan = plan_of(&fw, r#"{"preferences":{"target_level":"senior"}}"#);
    assert_eq!(weeks(&plan), [("job", 1, 10), ("course", 1, 6)]);
    assert_eq!(
        milestones(&plan),
        [("junior", "course", 6), ("senior", "job", 10)]
    );
    assert_eq!(plan.milestones[0].name, "Junior");
    assert_eq!(plan.milestones[0].title, "Take a course");

    // At 8 h the course takes 7.5 weeks: junior in week ceil(7.5) = 8.
    let plan = plan_of(
        &fw,
        r#"{"preferences":{"target_level":"senior","hours_per_week":8}}"#,
    );
    assert_eq!(
        milestones(&plan),
        [("junior", "course", 8), ("senior", "job", 10)]
    );

    // At 5 h the course takes 12 weeks (3/12 = 0.25 < 0.6) and ends after the job: senior
    // waits for it, and both levels are first met in week 12, after the course.
    let plan = plan_of(
        &fw,
        r#"{"preferences":{"target_level":"senior","hours_per_week":5}}"#,
    );
    assert_eq!(
        milestones(&plan),
        [("junior", "course", 12), ("senior", "course", 12)]
    );
}

// Already junior: milestones list only the levels above readiness.
#[test]
fn milestones_start_above_readiness() {
    let plan = plan_of(
        &framework(MILESTONES),
        r#"{"ratings":{"code":"competent"}}"#,
    );
    assert_eq!(plan.target.as_str(), "senior");
    assert_eq!(weeks(&plan), [("job", 1, 10)]);
    assert_eq!(milestones(&plan), [("senior", "job", 10)]);
}

// ---------------------------------------------------------------------------------------
// Habits
// ---------------------------------------------------------------------------------------

/// A habit that would win on value per hour if it were a candidate: 1 in 2 hours a week.
fn habits(security_course: bool) -> Framework {
    let course = if security_course {
        "[[steps]]\nid = \"security-course\"\ntitle = \"Learn security\"\nhours = 100\n\
         develops = { security = \"novice\" }\n"
    } else {
        ""
    };
    framework(&format!(
        r#"
id = "habits"
name = "Habits"

[[skills]]
id = "security"
name = "Security"

[[skills]]
id = "code"
name = "Code"

[[levels]]
id = "junior"
name = "Junior"
requires = {{ security = "novice", code = "competent" }}

[[steps]]
id = "course"
title = "Learn to code"
hours = 50
develops = {{ code = "competent" }}

[[steps]]
id = "read-blogs"
title = "Read security blogs"
kind = "habit"
hours_per_week = 2
prerequisites = ["course"]
develops = {{ security = "novice" }}

{course}"#
    ))
}

// Only the habit develops security: the habit is listed with its hours a week and the step
// it follows, never an item; the gap is unreachable, with a reason naming the habit.
#[test]
fn gap_only_a_habit_develops_is_unreachable() {
    let plan = plan_of(&habits(false), "{}");
    assert_eq!(weeks(&plan), [("course", 1, 5)]);
    assert_eq!(plan.habits.len(), 1);
    let habit = &plan.habits[0];
    assert_eq!(
        (
            habit.step.as_str(),
            habit.title.as_str(),
            habit.hours_per_week
        ),
        ("read-blogs", "Read security blogs", 2)
    );
    let after: Vec<&str> = habit.after.iter().map(|s| s.step.as_str()).collect();
    assert_eq!(after, ["course"]);
    let [Unreachable::Skill { skill, reason, .. }] = plan.unreachable.as_slice() else {
        panic!("one unreachable skill expected: {:?}", plan.unreachable)
    };
    assert_eq!(skill.as_str(), "security");
    assert_eq!(
        reason,
        "only the habit \"Read security blogs\" develops Security to novice, and habits are \
         kept up, not planned"
    );
}

// With a 100-hour security course (1 in 10 weeks = 0.1) the course closes the gap, though
// the habit is cheaper by the hour. course 3/5 = 0.6 first (1-5), security-course (6-15).
#[test]
fn habit_is_never_chosen_to_close_a_gap() {
    let plan = plan_of(&habits(true), "{}");
    assert_eq!(weeks(&plan), [("course", 1, 5), ("security-course", 6, 15)]);
    assert!(plan.unreachable.is_empty());
    assert_eq!(plan.habits.len(), 1);
    assert!(plan.items.iter().all(|i| i.step != "read-blogs"));
    // The habit's prerequisite, once completed, is not listed under `after`.
    let plan = plan_of(&habits(true), r#"{"completed_steps":["course"]}"#);
    assert!(plan.habits[0].after.is_empty());
}

/// Two levels and two habits, one of which follows a step.
fn ladder(with_habits: bool) -> Framework {
    let habits = if with_habits {
        r#"
[[steps]]
id = "keep-coding"
title = "Keep coding"
kind = "habit"
hours_per_week = 3
prerequisites = ["course"]
develops = { code = "competent" }

[[steps]]
id = "read"
title = "Read the news"
kind = "habit"
hours_per_week = 1
develops = { code = "novice" }
"#
    } else {
        ""
    };
    framework(&format!(
        r#"
id = "ladder"
name = "Ladder"

[[skills]]
id = "code"
name = "Code"

[[levels]]
id = "junior"
name = "Junior"
requires = {{ code = "novice" }}

[[levels]]
id = "senior"
name = "Senior"
requires = {{ code = "competent" }}

[[steps]]
id = "course"
title = "Take a course"
hours = 30
develops = {{ code = "competent" }}
{habits}"#
    ))
}

/// The habits as (step, hours a week, steps they follow).
fn habit_rows(plan: &Plan) -> Vec<(&str, u32, Vec<&str>)> {
    plan.habits
        .iter()
        .map(|h| {
            (
                h.step.as_str(),
                h.hours_per_week,
                h.after.iter().map(|a| a.step.as_str()).collect(),
            )
        })
        .collect()
}

// A plan with items lists every habit beside them, in framework order, and has no note.
#[test]
fn every_plan_lists_the_habits_beside_its_items() {
    let plan = plan_of(
        &ladder(true),
        r#"{"preferences":{"target_level":"senior"}}"#,
    );
    assert_eq!(weeks(&plan), [("course", 1, 3)]);
    assert_eq!(
        habit_rows(&plan),
        [("keep-coding", 3, vec!["course"]), ("read", 1, vec![])]
    );
    assert_eq!(plan.note, None);
    // Junior (code novice) aiming at senior: the course is still to do.
    let plan = plan_of(&ladder(true), r#"{"ratings":{"code":"novice"}}"#);
    assert_eq!(habit_rows(&plan)[0], ("keep-coding", 3, vec!["course"]));
}

// At the top of the ladder the habits are the plan, with a note saying why.
#[test]
fn at_the_top_the_habits_are_the_plan() {
    let plan = plan_of(&ladder(true), r#"{"ratings":{"code":"competent"}}"#);
    assert_eq!(plan.target.as_str(), "senior");
    assert!(plan.items.is_empty());
    assert_eq!((plan.total_hours, plan.work_hours, plan.weeks), (0, 0, 0));
    assert!(plan.milestones.is_empty() && plan.unreachable.is_empty());
    // Competent already meets all the course develops, so keep-coding waits for nothing.
    assert_eq!(
        habit_rows(&plan),
        [("keep-coding", 3, vec![]), ("read", 1, vec![])]
    );
    assert_eq!(
        plan.note.as_deref(),
        Some("You already meet the top level, Senior: keep up the habits below to stay current.")
    );
}

// A target already met below the top: the same, naming the level the person is ready for.
#[test]
fn target_already_met_keeps_the_habits() {
    let fw = ladder(true);
    let above = plan_of(
        &fw,
        r#"{"ratings":{"code":"competent"},"preferences":{"target_level":"junior"}}"#,
    );
    assert!(above.items.is_empty());
    assert_eq!(above.habits.len(), 2);
    assert_eq!(
        above.note.as_deref(),
        Some(
            "You already meet Junior (you are ready for Senior): keep up the habits below to stay current."
        )
    );
    let exactly = plan_of(
        &fw,
        r#"{"ratings":{"code":"novice"},"preferences":{"target_level":"junior"}}"#,
    );
    assert_eq!(
        exactly.note.as_deref(),
        Some("You already meet Junior: keep up the habits below to stay current.")
    );
}

// With no habits the note says so: a plan is never empty without saying why.
#[test]
fn at_the_top_without_habits_the_note_says_so() {
    let plan = plan_of(&ladder(false), r#"{"ratings":{"code":"expert"}}"#);
    assert!(plan.items.is_empty() && plan.habits.is_empty());
    assert_eq!(
        plan.note.as_deref(),
        Some(
            "You already meet the top level, Senior; the framework suggests no habits to keep you current."
        )
    );
}

// ---------------------------------------------------------------------------------------
// Deadline
// ---------------------------------------------------------------------------------------

/// 100 hours of study (course 60, talks 40) and a 200-hour job (5 weeks at 40 h).
const DEADLINE: &str = r#"
id = "deadline"
name = "Deadline"

[[skills]]
id = "code"
name = "Code"

[[skills]]
id = "ops"
name = "Operations"

[[skills]]
id = "talk"
name = "Talking"

[[levels]]
id = "junior"
name = "Junior"
requires = { code = "competent", ops = "competent", talk = "competent" }

[[steps]]
id = "course"
title = "Take a course"
hours = 60
develops = { code = "competent" }

[[steps]]
id = "job"
title = "Work a job"
kind = "experience"
hours = 200
develops = { ops = "competent" }

[[steps]]
id = "talks"
title = "Give talks"
hours = 40
develops = { talk = "competent" }
"#;

fn with_deadline(extra: &str, hours: u32, weeks: u32) -> String {
    format!(r#"{{{extra}"preferences":{{"hours_per_week":{hours},"deadline_weeks":{weeks}}}}}"#)
}

// At 10 h: talks 3/4 = 0.75, job 3/5 = 0.6, course 3/6 = 0.5. Study: talks 0-4, course
// 4-10; work: job 0-5. weeks 10.
// Deadline 10: fits. The same items at h hours a week end at max(100/h, 5) weeks, within
// 10 when 100/h <= 10: h >= 10. At 9 h: 100/9 = 11.1, week 12: too late. Needed 10.
#[test]
fn deadline_that_fits() {
    let fw = framework(DEADLINE);
    let plan = plan_of(&fw, &with_deadline("", 10, 10));
    assert_eq!(
        weeks(&plan),
        [("talks", 1, 4), ("job", 1, 5), ("course", 5, 10)]
    );
    assert_eq!(plan.weeks, 10);
    let d = deadline(&plan);
    assert_eq!(
        (
            d.weeks,
            d.fits,
            d.hours_per_week_needed,
            d.feasible,
            d.reason.as_deref()
        ),
        (10, true, Some(10), true, None)
    );
    // One hour less does not fit.
    let plan = plan_of(&fw, &with_deadline("", 9, 10));
    assert_eq!(plan.weeks, 12);
    assert!(!deadline(&plan).fits);
    assert_eq!(deadline(&plan).hours_per_week_needed, Some(10));
}

// Deadline 8 at 10 h: 10 weeks do not fit. 100/h <= 8 needs h >= 12.5: 13 (100/13 = 7.7,
// week 8; 100/12 = 8.3, week 9). The job's 5 weeks fit: feasible.
// Checked from the other side: at 13 h the plan ends in week 8 (study 7.7, job 5); at 12 h
// in week 9.
#[test]
fn deadline_that_needs_more_hours_but_is_feasible() {
    let fw = framework(DEADLINE);
    let plan = plan_of(&fw, &with_deadline("", 10, 8));
    let d = deadline(&plan);
    assert_eq!(
        (
            d.weeks,
            d.fits,
            d.hours_per_week_needed,
            d.feasible,
            d.reason.as_deref()
        ),
        (8, false, Some(13), true, None)
    );
    let at_13 = plan_of(&fw, &with_deadline("", 13, 8));
    assert_eq!(at_13.weeks, 8);
    assert!(deadline(&at_13).fits);
    let at_12 = plan_of(&fw, &with_deadline("", 12, 8));
    assert_eq!(at_12.weeks, 9);
    assert!(!deadline(&at_12).fits);
}

// Deadline 4: the job alone takes 200/40 = 5 weeks, whatever the study hours: not
// feasible, and no hours make it fit.
#[test]
fn deadline_the_work_track_alone_outlasts() {
    let plan = plan_of(&framework(DEADLINE), &with_deadline("", 40, 4));
    let d = deadline(&plan);
    assert_eq!(
        (d.fits, d.hours_per_week_needed, d.feasible),
        (false, None, false)
    );
    assert_eq!(
        d.reason.as_deref(),
        Some("the work experience alone takes 5 weeks, more than the 4-week deadline")
    );
}

// Already competent at operations: only the 100 hours of study. Deadline 2: 100/h <= 2
// needs h >= 50 (at 49, 100/49 = 2.04, week 3): more than 40 study hours a week.
#[test]
fn deadline_that_needs_more_than_forty_study_hours() {
    let fw = framework(DEADLINE);
    let ops = r#""ratings":{"ops":"competent"},"#;
    let plan = plan_of(&fw, &with_deadline(ops, 10, 2));
    assert_eq!(steps(&plan), ["talks", "course"]);
    let d = deadline(&plan);
    assert_eq!(
        (d.fits, d.hours_per_week_needed, d.feasible),
        (false, Some(50), false)
    );
    assert_eq!(
        d.reason.as_deref(),
        Some("it would need 50 study hours a week, more than 40")
    );
    assert!(!deadline(&plan_of(&fw, &with_deadline(ops, 49, 2))).fits);
    // At the 50 h the person says they have, it fits, so it is feasible for them.
    let d = plan_of(&fw, &with_deadline(ops, 50, 2))
        .deadline
        .expect("a deadline");
    assert_eq!((d.fits, d.feasible, d.reason), (true, true, None));
}

// A 400-hour course alone and a 2-week deadline: 200 h a week, more than a week has.
#[test]
fn deadline_that_needs_more_hours_than_a_week_has() {
    let fw = framework(&DEADLINE.replace("hours = 60", "hours = 400"));
    let plan = plan_of(
        &fw,
        &with_deadline(
            r#""ratings":{"ops":"competent","talk":"competent"},"#,
            10,
            2,
        ),
    );
    assert_eq!(steps(&plan), ["course"]);
    let d = deadline(&plan);
    assert_eq!(
        (d.fits, d.hours_per_week_needed, d.feasible),
        (false, None, false)
    );
    assert_eq!(
        d.reason.as_deref(),
        Some("it would need more than 168 study hours a week")
    );
}

// The same 400-hour course taken with a 40-hour bootcamp: 10 weeks at a fixed pace. A
// deadline of 8 weeks cannot be met at any study hours.
#[test]
fn deadline_a_fixed_pace_course_alone_outlasts() {
    let toml = DEADLINE.replace("hours = 60", "hours = 400\ntraining = [\"bootcamp\"]")
        + "\n[[training]]\nid = \"bootcamp\"\nname = \"Bootcamp\"\npace = \"intensive\"\nhours_per_week = 40\n";
    let plan = plan_of(
        &framework(&toml),
        &with_deadline(
            r#""ratings":{"ops":"competent","talk":"competent"},"#,
            10,
            8,
        ),
    );
    assert_eq!(weeks(&plan), [("course", 1, 10)]);
    let d = deadline(&plan);
    assert_eq!(
        (d.fits, d.hours_per_week_needed, d.feasible),
        (false, None, false)
    );
    assert_eq!(
        d.reason.as_deref(),
        Some("the fixed-pace courses alone take 10 weeks, more than the 8-week deadline")
    );
}

// A requirement no step develops: the plan's 10 weeks are within 50, but no pace reaches
// the level, so it neither fits nor is feasible, and no study hours are "needed".
#[test]
fn deadline_with_an_unreachable_gap_is_not_feasible() {
    let toml = DEADLINE
        .replace(
            "talk = \"competent\" }\n\n[[steps]]",
            "talk = \"competent\", lead = \"novice\" }\n\n[[steps]]",
        )
        .replace(
            "[[levels]]",
            "[[skills]]\nid = \"lead\"\nname = \"Leading\"\n\n[[levels]]",
        );
    let plan = plan_of(&framework(&toml), &with_deadline("", 10, 50));
    assert_eq!(plan.weeks, 10);
    assert!(matches!(
        plan.unreachable.as_slice(),
        [Unreachable::Skill { .. }]
    ));
    let d = deadline(&plan);
    assert_eq!(
        (d.fits, d.hours_per_week_needed, d.feasible),
        (false, None, false)
    );
    assert_eq!(
        d.reason.as_deref(),
        Some("1 gap no step of the framework can close, so no pace reaches Junior")
    );
}

// A target already met: nothing to schedule, so any deadline fits.
#[test]
fn deadline_with_the_target_met_fits() {
    let plan = plan_of(
        &framework(DEADLINE),
        &with_deadline(
            r#""ratings":{"code":"competent","ops":"competent","talk":"competent"},"#,
            10,
            1,
        ),
    );
    assert!(plan.items.is_empty());
    let d = deadline(&plan);
    assert_eq!(
        (d.weeks, d.fits, d.feasible, d.reason.as_deref()),
        (1, true, true, None)
    );
}
