//! Hand-checked plans for the two time tracks (DESIGN.md section 3, Tracks and Schedule):
//! study items one after another at the person's hours or a fixed-pace training option's,
//! experience items on the work track at `work_hours_per_week` in parallel, week numbers
//! (start = floor + 1, end = ceil), `weeks`, `total_hours` and `work_hours`.
//
// Every expected value was worked out by hand from the rules; the working is in the
// comments. Value per week = weighted gap closed / weeks, all weights 1 unless stated.

mod util;

use skillgauge::{Framework, Id, Plan, Track};
use util::framework;

type TestResult = Result<(), Box<dyn std::error::Error>>;

#[track_caller]
fn plan(framework: &Framework, json: &str) -> Plan {
    framework
        .assess_json(json)
        .unwrap_or_else(|e| panic!("assessment fails: {e}"))
        .plan
}

/// Each item as (step, track, pace in hours a week, training, start week, end week).
type Row<'a> = (&'a str, Track, u32, Option<&'a str>, u64, u64);

fn timeline(plan: &Plan) -> Vec<Row<'_>> {
    plan.items
        .iter()
        .map(|i| {
            (
                i.step.as_str(),
                i.track,
                i.hours_per_week,
                i.training.as_ref().map(Id::as_str),
                i.start_week,
                i.end_week,
            )
        })
        .collect()
}

const S: Track = Track::Study;
const W: Track = Track::Work;

/// Three skills, one level needing each at competent (a gap of 3 each), two study steps
/// and one experience step. Work pace is the default, 40 hours a week.
const TRACKS: &str = r#"
id = "tracks"
name = "Tracks"

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
hours = 400
develops = { ops = "competent" }

[[steps]]
id = "talks"
title = "Give talks"
hours = 40
develops = { talk = "competent" }
"#;

// At 10 h a week: talks 40 h = 4 weeks, value 3/4 = 0.75; course 60 h = 6 weeks, 3/6 =
// 0.5; job 400 h at 40 h = 10 weeks, 3/10 = 0.3. Order talks, course, job.
// Study track: talks 0-4 (weeks 1-4), course 4-10 (weeks 5-10: it ends exactly at 4.0 so
// the next starts in week 5). Work track: job 0-10 (weeks 1-10), alongside the study.
// weeks = ceil(max(10, 10)) = 10; study 100 h; work 400 h apart.
#[test]
fn study_runs_alongside_work() {
    let fw = framework(TRACKS);
    let plan = plan(&fw, "{}");
    assert_eq!(
        timeline(&plan),
        [
            ("talks", S, 10, None, 1, 4),
            ("course", S, 10, None, 5, 10),
            ("job", W, 40, None, 1, 10),
        ]
    );
    assert_eq!(plan.hours_per_week, 10);
    assert_eq!(plan.work_hours_per_week, 40);
    assert_eq!(plan.total_hours, 100);
    assert_eq!(plan.work_hours, 400);
    assert_eq!(plan.weeks, 10);
    // The study items overlap the work item's weeks.
    let job = &plan.items[2];
    assert!(
        plan.items[..2]
            .iter()
            .all(|i| i.start_week >= job.start_week && i.end_week <= job.end_week)
    );
}

// The JSON names the track of each item.
#[test]
fn json_names_each_items_track() -> TestResult {
    let report = framework(TRACKS).assess_json("{}")?;
    let json: serde_json::Value = serde_json::from_str(&report.to_json())?;
    let items = json["plan"]["items"].as_array().ok_or("items")?;
    let tracks: Vec<&str> = items.iter().filter_map(|i| i["track"].as_str()).collect();
    assert_eq!(tracks, ["study", "study", "work"]);
    assert_eq!(json["plan"]["total_hours"], 100);
    assert_eq!(json["plan"]["work_hours"], 400);
    assert_eq!(json["plan"]["work_hours_per_week"], 40);
    Ok(())
}

// The job takes 400 / 40 = 10 weeks whatever the study hours.
//
// Selection compares steps at the standard 10 h a week, whatever the person's hours:
// talks 4 weeks (3/4), course 6 weeks (3/6), job 10 weeks (3/10): order talks, course, job.
//
// At 1 h a week: study: talks 0-40 (1-40), course 40-100 (41-100); work: job weeks 1-10.
// weeks 100.
//
// At 40 h a week: study: talks 0-1 (1-1), course 1-2.5 (start floor(1) + 1 = 2, end
// ceil(2.5) = 3); work: job 1-10. weeks 10.
#[test]
fn work_track_pace_does_not_depend_on_study_hours() {
    let fw = framework(TRACKS);
    let slow = plan(&fw, r#"{"preferences":{"hours_per_week":1}}"#);
    assert_eq!(
        timeline(&slow),
        [
            ("talks", S, 1, None, 1, 40),
            ("course", S, 1, None, 41, 100),
            ("job", W, 40, None, 1, 10),
        ]
    );
    assert_eq!(
        (slow.total_hours, slow.work_hours, slow.weeks),
        (100, 400, 100)
    );

    let fast = plan(&fw, r#"{"preferences":{"hours_per_week":40}}"#);
    assert_eq!(
        timeline(&fast),
        [
            ("talks", S, 40, None, 1, 1),
            ("course", S, 40, None, 2, 3),
            ("job", W, 40, None, 1, 10),
        ]
    );
    assert_eq!(
        (fast.total_hours, fast.work_hours, fast.weeks),
        (100, 400, 10)
    );
}

// `work_hours_per_week = 20`: the job takes 400 / 20 = 20 weeks (3/20 = 0.15, still last).
// Study as at 10 h: talks 1-4, course 5-10. weeks = 20.
//
// `work_hours_per_week = 80`: the job takes 5 weeks (3/5 = 0.6), between talks (0.75) and
// course (0.5) in the order; on its own track it still starts at 0: weeks 1-5. Study:
// talks 1-4, course 5-10. weeks 10.
#[test]
fn framework_sets_the_work_pace() {
    let half = framework(&format!("work_hours_per_week = 20\n{TRACKS}"));
    assert_eq!(half.work_hours_per_week(), 20);
    let plan_half = plan(&half, "{}");
    assert_eq!(
        timeline(&plan_half),
        [
            ("talks", S, 10, None, 1, 4),
            ("course", S, 10, None, 5, 10),
            ("job", W, 20, None, 1, 20),
        ]
    );
    assert_eq!(plan_half.work_hours_per_week, 20);
    assert_eq!(
        (plan_half.total_hours, plan_half.work_hours, plan_half.weeks),
        (100, 400, 20)
    );

    let double = framework(&format!("work_hours_per_week = 80\n{TRACKS}"));
    let plan_double = plan(&double, "{}");
    assert_eq!(
        timeline(&plan_double),
        [
            ("talks", S, 10, None, 1, 4),
            ("job", W, 80, None, 1, 5),
            ("course", S, 10, None, 5, 10),
        ]
    );
    assert_eq!(plan_double.weeks, 10);
}

// Fractional weeks. At 8 h a week: talks 40/8 = 5 weeks (0.6), course 60/8 = 7.5 weeks
// (0.4), job 0.3. talks 0-5: weeks 1-5; course 5-12.5: start floor(5) + 1 = 6, end
// ceil(12.5) = 13. weeks = 13.
//
// At 7 h a week: talks 40/7 = 5.71 weeks (0.525), course 60/7 = 8.57 (0.35), job 0.3.
// talks 0-5.71: weeks 1-6 (end ceil(5.71) = 6); course 5.71-14.29: start floor(5.71) + 1
// = 6, the week talks ends in, end ceil(100/7 = 14.29) = 15. weeks 15.
#[test]
fn start_week_is_floor_plus_one_and_end_week_is_ceil() {
    let fw = framework(TRACKS);
    let eight = plan(&fw, r#"{"preferences":{"hours_per_week":8}}"#);
    assert_eq!(
        timeline(&eight),
        [
            ("talks", S, 8, None, 1, 5),
            ("course", S, 8, None, 6, 13),
            ("job", W, 40, None, 1, 10),
        ]
    );
    assert_eq!(eight.weeks, 13);

    let seven = plan(&fw, r#"{"preferences":{"hours_per_week":7}}"#);
    assert_eq!(
        timeline(&seven),
        [
            ("talks", S, 7, None, 1, 6),
            ("course", S, 7, None, 6, 15),
            ("job", W, 40, None, 1, 10),
        ]
    );
    assert_eq!((seven.total_hours, seven.weeks), (100, 15));
}

/// Two experience steps and nothing to study.
const TWO_JOBS: &str = r#"
id = "two-jobs"
name = "Two jobs"

[[skills]]
id = "ops"
name = "Operations"

[[skills]]
id = "support"
name = "Support"

[[levels]]
id = "junior"
name = "Junior"
requires = { ops = "competent", support = "competent" }

[[steps]]
id = "job-b"
title = "Answer support tickets"
kind = "experience"
hours = 120
develops = { support = "competent" }

[[steps]]
id = "job-a"
title = "Run operations"
kind = "experience"
hours = 80
develops = { ops = "competent" }
"#;

// job-a 80 h at 40 = 2 weeks (3/2 = 1.5), job-b 120 h = 3 weeks (3/3 = 1): job-a first.
// One job at a time: job-a weeks 1-2, job-b 2-5 (weeks 3-5). weeks 5; no study hours.
// The person's 3 study hours a week change nothing.
#[test]
fn experience_items_run_one_after_another() {
    let fw = framework(TWO_JOBS);
    for json in ["{}", r#"{"preferences":{"hours_per_week":3}}"#] {
        let plan = plan(&fw, json);
        assert_eq!(
            timeline(&plan),
            [("job-a", W, 40, None, 1, 2), ("job-b", W, 40, None, 3, 5)],
            "{json}"
        );
        assert_eq!((plan.total_hours, plan.work_hours, plan.weeks), (0, 200, 5));
    }
}

/// Training options: a self-paced course, a 40-hour bootcamp, a 26-hour degree. The work
/// pace is 20 hours a week, so it differs from every training pace.
const PACE: &str = r#"
id = "pace"
name = "Pace"
work_hours_per_week = 20

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
id = "junior"
name = "Junior"
requires = { a = "competent", b = "competent", c = "competent" }

[[steps]]
id = "learn-a"
title = "Learn A"
hours = 80
training = ["bootcamp", "course"]
develops = { a = "competent" }

[[steps]]
id = "learn-b"
title = "Learn B"
hours = 60
training = ["course", "bootcamp"]
develops = { b = "competent" }

[[steps]]
id = "job"
title = "Do C at work"
kind = "experience"
hours = 400
training = ["bootcamp"]
develops = { c = "competent" }

[[training]]
id = "course"
name = "Online course"

[[training]]
id = "bootcamp"
name = "Bootcamp"
pace = "intensive"
hours_per_week = 40

[[training]]
id = "degree"
name = "Degree"
pace = "full_time"
hours_per_week = 26
"#;

// No preference: each step's first option. learn-a with the bootcamp runs at 40 h: 80/40 =
// 2 weeks (3/2 = 1.5); learn-b with the course at the person's 10 h: 6 weeks (0.5); job at
// the work pace 20, not the bootcamp's 40: 400/20 = 20 weeks (0.15), though it names the
// bootcamp, its first option. Study: learn-a 0-2 (1-2), learn-b 2-8 (3-8); work 1-20.
// weeks 20; study 140 h.
#[test]
fn fixed_pace_option_sets_the_pace_of_its_step() {
    let plan = plan(&framework(PACE), "{}");
    assert_eq!(
        timeline(&plan),
        [
            ("learn-a", S, 40, Some("bootcamp"), 1, 2),
            ("learn-b", S, 10, Some("course"), 3, 8),
            ("job", W, 20, Some("bootcamp"), 1, 20),
        ]
    );
    assert_eq!(plan.items[0].training_name.as_deref(), Some("Bootcamp"));
    assert_eq!(
        plan.items[1].training_name.as_deref(),
        Some("Online course")
    );
    assert_eq!(
        (plan.total_hours, plan.work_hours, plan.weeks),
        (140, 400, 20)
    );
}

// Preferring the course: learn-a allows it, so it runs at 10 h: 8 weeks (3/8 = 0.375);
// learn-b 6 weeks (0.5) comes first. job lists only the bootcamp: its first, at 20 h.
// Study: learn-b 0-6 (1-6), learn-a 6-14 (7-14). weeks 20.
// A preferred option no step lists ("degree") is skipped for the next preferred one.
#[test]
fn preferred_option_is_chosen_where_the_step_allows_it() {
    let fw = framework(PACE);
    let expected = [
        ("learn-b", S, 10, Some("course"), 1, 6),
        ("learn-a", S, 10, Some("course"), 7, 14),
        ("job", W, 20, Some("bootcamp"), 1, 20),
    ];
    let course = plan(&fw, r#"{"preferences":{"training":["course"]}}"#);
    assert_eq!(timeline(&course), expected);
    assert_eq!(course.weeks, 20);
    let degree_then_course = plan(&fw, r#"{"preferences":{"training":["degree","course"]}}"#);
    assert_eq!(timeline(&degree_then_course), expected);
}

// Preferring the bootcamp: learn-b allows it: 60/40 = 1.5 weeks (3/1.5 = 2) beats learn-a
// 2 weeks (1.5). learn-b 0-1.5: weeks 1-2; learn-a 1.5-3.5: start floor(1.5) + 1 = 2, end
// ceil(3.5) = 4. The job stays at the work pace: 1-20. The person's own 10 h a week is
// what the plan reports, though every study item runs at 40.
#[test]
fn preferred_fixed_pace_option_speeds_up_every_step_that_allows_it() {
    let plan = plan(
        &framework(PACE),
        r#"{"preferences":{"training":["bootcamp"]}}"#,
    );
    assert_eq!(
        timeline(&plan),
        [
            ("learn-b", S, 40, Some("bootcamp"), 1, 2),
            ("learn-a", S, 40, Some("bootcamp"), 2, 4),
            ("job", W, 20, Some("bootcamp"), 1, 20),
        ]
    );
    assert_eq!(plan.hours_per_week, 10);
    assert_eq!((plan.total_hours, plan.weeks), (140, 20));
}

// A fixed-pace item keeps its pace whatever the person's hours. Selection compares steps
// at the standard 10 h a week: learn-b with the course 6 weeks (3/6 = 0.5), learn-a with
// the bootcamp 2 weeks (1.5), the job 20 weeks (0.15): order learn-a, learn-b, job. At the
// person's 2 h a week: learn-a 0-2 (1-2), learn-b 2-32 (3-32); work 1-20. weeks 32.
#[test]
fn fixed_pace_does_not_follow_the_persons_hours() {
    let plan = plan(&framework(PACE), r#"{"preferences":{"hours_per_week":2}}"#);
    assert_eq!(
        timeline(&plan),
        [
            ("learn-a", S, 40, Some("bootcamp"), 1, 2),
            ("learn-b", S, 2, Some("course"), 3, 32),
            ("job", W, 20, Some("bootcamp"), 1, 20),
        ]
    );
    assert_eq!(plan.weeks, 32);
}
