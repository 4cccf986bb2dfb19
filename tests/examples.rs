//! Runs the examples as processes, as a person would (`cargo run --example ...`), on the
//! sample data and fixtures, and checks what they print: names and plain words, the JSON
//! contract, one clear line for bad input, and a questionnaire that survives any answer.
//! (The `schema` example, which needs the `schemars` feature, is run by `tests/schema.rs`.)

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

#[track_caller]
fn run_example(name: &str, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--example", name, "--"])
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cargo runs");
    if let Some(bytes) = stdin {
        // Dropping the handle at the end of the statement closes the pipe: end of input.
        child
            .stdin
            .take()
            .expect("piped stdin")
            .write_all(bytes)
            .expect("write stdin");
    }
    child.wait_with_output().expect("the example finishes")
}

/// Runs an example that must succeed; returns its standard output.
#[track_caller]
fn success(name: &str, args: &[&str]) -> String {
    let out = run_example(name, args, None);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{name} {args:?} failed: {stderr}");
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Runs an example that must fail with `code`; returns its one line of standard error.
#[track_caller]
fn failure(name: &str, args: &[&str], code: i32) -> String {
    let out = run_example(name, args, None);
    let stderr = String::from_utf8(out.stderr).expect("UTF-8 errors");
    assert_eq!(out.status.code(), Some(code), "{name} {args:?}: {stderr}");
    assert!(out.stdout.is_empty(), "a failing run prints no report");
    assert!(!stderr.contains("panicked"), "no panic: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "one clear line: {stderr}");
    stderr
}

#[track_caller]
fn assert_has(out: &str, text: &str) {
    assert!(out.contains(text), "missing {text:?} in:\n{out}");
}

/// The line of `out` that starts with `start`, trimmed at the end.
#[track_caller]
fn line<'a>(out: &'a str, start: &str) -> &'a str {
    out.lines()
        .find(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("no line starting {start:?} in:\n{out}"))
        .trim_end()
}

/// Asserts the object has exactly these keys (in any order).
#[track_caller]
fn assert_keys(value: &Value, keys: &str) {
    let mut found: Vec<&str> = value
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    found.sort_unstable();
    let mut expected: Vec<&str> = keys.split_whitespace().collect();
    expected.sort_unstable();
    assert_eq!(found, expected);
}

/// The ids of the built-in framework that have a separator, so never read as words: they
/// must not show in text meant for people.
const SLUGS: &str = "backend-developer programming-languages databases-data-modeling \
    apis-integration problem-solving-debugging attention-to-detail programming-foundations \
    application-security practical-experience stay-up-to-date online_course advanced_beginner";

#[track_caller]
fn assert_no_slugs(out: &str) {
    for slug in SLUGS.split_whitespace() {
        assert!(!out.contains(slug), "the id {slug:?} shows in:\n{out}");
    }
}

/// The sample graduate (examples/data/graduate.json) against the built-in framework:
/// programming competent, databases, APIs and attention to detail advanced beginner,
/// security novice, problem-solving and communication competent, foundations completed.
///
/// - Entry is met; mid is not. Score: Σ weight × rating = 3×3 + 2×2 + 2×2 + 2×1 + 2×3 +
///   1×2 + 1×3 = 30 of 13 × 5 = 65, 46.15%, so 46. Mid fit: the five skills one short get
///   0.7 (weights 3 + 2 + 2 + 2 + 1 = 10), the two met get 1 (weights 3): 10/13 = 77%.
/// - Plan to mid: application security (security 1 level × weight 2 in 40 h at 10 h/week =
///   4 weeks: 0.5 a week; its prerequisites are met by the ratings) before practical
///   experience (3 + 2 + 2 + 1 = 8 in 1,800 h at 40 h/week = 45 weeks: 0.18 a week). They
///   run on the two tracks at once: weeks 1-4 and 1-45; 45 weeks is about 10 months.
#[test]
fn assess_sample_speaks_in_names_and_plain_words() {
    let out = success("assess", &[]);
    assert!(
        out.starts_with("Backend Developer: your self-assessment\n"),
        "{out}"
    );
    assert_has(&out, "\nReady for: Entry level\n");
    assert_has(&out, "\nOverall score: 46 out of 100\n");
    // No level of the built-in framework uses points, so no points line.
    assert!(!out.contains("Points:"), "{out}");
    let salary = line(&out, "Salary band for Entry level: ");
    assert!(salary.contains(": USD 50,000-65,000 a year"), "{salary}");
    let mid = line(&out, "  Mid-level ");
    assert!(
        mid.contains(" within reach ") && mid.ends_with(" 77%"),
        "{mid}"
    );
    assert_has(&out, "\nWhat stands between you and Mid-level:\n");
    assert_has(
        &out,
        "  - Security: you rate yourself a novice; Mid-level asks for advanced beginner\n",
    );
    assert_has(
        &out,
        "  - Databases and data modeling: you rate yourself an advanced beginner; Mid-level asks for competent\n",
    );
    assert_has(&out, "\nYour plan towards Mid-level:\n");
    assert_has(
        &out,
        "  40 hours of study at 10 hours a week; 1,800 hours of work experience at 40 hours a week, alongside. It all ends in week 45 (about 10 months).\n",
    );
    assert_eq!(
        line(&out, "  Weeks 1-4 "),
        "  Weeks 1-4     Learn application security"
    );
    assert_has(&out, "study: 40 hours, with Online courses and tutorials\n");
    assert_has(&out, "raises Security: novice to advanced beginner\n");
    assert_eq!(
        line(&out, "  Weeks 1-45 "),
        "  Weeks 1-45    Look for opportunities to gain practical experience"
    );
    assert_has(&out, "work experience: 1,800 hours at 40 hours a week\n");
    assert_has(
        &out,
        "  - week 45: Mid-level, once \"Look for opportunities to gain practical experience\" is done\n",
    );
    // Habits are kept up beside the plan, by the week; the foundations are completed.
    assert_has(
        &out,
        "  - Stay up to date with the latest technologies and best practices: 2 hours a week\n",
    );
    assert_has(
        &out,
        "  - Continue learning and growing: 3 hours a week, once \"Look for opportunities to gain practical experience\" is done\n",
    );
    assert!(
        !out.contains("Weeks 1-5 "),
        "a habit is never scheduled: {out}"
    );
    assert_has(
        &out,
        "Deadline: the plan fits your deadline of 52 weeks at 10 study hours a week\n",
    );
    assert_no_slugs(&out);
}

#[test]
fn assess_json_is_the_documented_contract() {
    let out = success("assess", &["--json"]);
    let report: Value = serde_json::from_str(&out).expect("valid JSON");
    assert_keys(
        &report,
        "blockers completed framework framework_name levels plan points readiness readiness_name salary score skills strengths target target_name warnings",
    );
    assert_eq!(report["framework_name"], "Backend Developer");
    assert_eq!(report["readiness"], "entry");
    assert_eq!(report["readiness_name"], "Entry level");
    assert_eq!(report["score"], 46);
    assert_eq!(report["points"], 30.0);
    assert_eq!(
        (&report["target"], &report["target_name"]),
        (&"mid".into(), &"Mid-level".into())
    );
    assert_keys(&report["levels"][1], "fit level met name tier");
    assert_eq!(report["levels"][1]["tier"], "stretch");
    // The completed foundations, by title too.
    assert_eq!(
        report["completed"][0]["title"],
        "Gain a strong foundation in programming concepts and languages"
    );
    assert_keys(&report["skills"][0], "gap name rating required skill");

    let plan = &report["plan"];
    assert_keys(
        plan,
        "deadline habits hours_per_week items milestones target target_name total_hours unreachable weeks work_hours work_hours_per_week",
    );
    assert_eq!(
        (&plan["total_hours"], &plan["work_hours"], &plan["weeks"]),
        (&40.into(), &1800.into(), &45.into())
    );
    let study = &plan["items"][0];
    assert_keys(
        study,
        "closes end_week hours hours_per_week kind start_week step title track training training_name",
    );
    assert_eq!(study["step"], "application-security");
    assert_eq!(study["track"], "study");
    assert_eq!(study["training_name"], "Online courses and tutorials");
    assert_eq!(study["closes"][0]["name"], "Security");
    let work = &plan["items"][1];
    assert_eq!(work["step"], "practical-experience");
    assert_eq!(
        (&work["kind"], &work["track"]),
        (&"experience".into(), &"work".into())
    );
    assert_eq!(
        (&work["start_week"], &work["end_week"]),
        (&1.into(), &45.into())
    );
    assert_eq!(plan["habits"][0]["hours_per_week"], 2);
    assert_eq!(
        plan["habits"][1]["after"][0]["step"],
        "practical-experience"
    );
    // Fits at 10 h/week; at 1 h/week security would take 40 weeks, still inside 52.
    assert_eq!(
        plan["deadline"],
        serde_json::json!({ "weeks": 52, "fits": true, "hours_per_week_needed": 1, "feasible": true })
    );
}

#[test]
fn assess_markdown_reads_as_markdown_and_as_plain_text() {
    let out = success("assess", &["--markdown"]);
    assert!(
        out.starts_with("# Backend Developer: your self-assessment\n"),
        "{out}"
    );
    assert_has(&out, "**Ready for:** Entry level");
    assert_has(&out, "| level | how close | fit |\n|---|---|---|\n");
    assert_has(&out, "| Mid-level | within reach | 77% |\n");
    assert_has(&out, "\n## Your plan towards Mid-level\n");
    assert_has(&out, "- **Weeks 1-4:** Learn application security\n");
    assert_has(
        &out,
        "- **Weeks 1-45:** Look for opportunities to gain practical experience\n",
    );
    // A blank line ends the habits list, so the deadline is not read as part of its last item.
    assert_has(
        &out,
        " is done\n\n**Deadline:** the plan fits your deadline of 52 weeks",
    );
    for entity in ["&gt;", "&lt;", "&amp;", "->"] {
        assert!(!out.contains(entity), "{entity} in:\n{out}");
    }
    assert_no_slugs(&out);
}

#[test]
fn assess_the_other_sample_profiles() {
    // Programming novice is below entry's competent. Every step the plan needs lists the
    // preferred bootcamp, so each runs at its fixed 40 hours a week, not the person's 15.
    // Foundations + API design (PL 1×3, APIs 2×2, security 1×2 = 9 in 5 + 1.5 weeks) beat the
    // bundle up to the portfolio (16 in 11.75 weeks); then databases (4 in 1.5 weeks), then
    // the portfolio: weeks 1-5, 6-7 (5 to 6.5), 7-8 (6.5 to 8), 9-12 (8 to 11.75).
    let switcher = success("assess", &["examples/data/career-switcher.json"]);
    assert_has(&switcher, "\nReady for: not yet ready for any level\n");
    assert_has(&switcher, "\nYour plan towards Entry level:\n");
    // 200 + 60 + 60 + 150 hours, none of them at the person's own pace.
    assert_has(
        &switcher,
        "\n  470 hours of study. It all ends in week 12 (about 3 months).\n",
    );
    assert_has(
        &switcher,
        "study: 200 hours at 40 hours a week, with Bootcamps\n",
    );
    assert_eq!(
        line(&switcher, "  Weeks 6-7 "),
        "  Weeks 6-7     Learn API design and integration"
    );
    assert_eq!(
        line(&switcher, "  Weeks 7-8 "),
        "  Weeks 7-8     Learn about databases and data modeling"
    );
    assert_eq!(
        line(&switcher, "  Weeks 9-12 "),
        "  Weeks 9-12    Build up your portfolio of work"
    );
    assert_has(
        &switcher,
        "needed first for: Learn API design and integration; Learn about databases and data modeling\n",
    );
    assert_no_slugs(&switcher);

    // Mid met. To senior at 6 h/week: advanced security (80 h: 13.3 weeks), then system
    // design (120 h: 20 weeks, to week 34), alongside 3,600 h owning services (90 weeks).
    let mid = success("assess", &["examples/data/mid-level.json"]);
    assert_has(&mid, "\nReady for: Mid-level\n");
    assert_has(&mid, "\nYour plan towards Senior level:\n");
    assert_eq!(
        line(&mid, "  Weeks 1-14 "),
        "  Weeks 1-14    Study secure development in depth"
    );
    assert_eq!(
        line(&mid, "  Weeks 14-34 "),
        "  Weeks 14-34   Study system design"
    );
    assert_eq!(
        line(&mid, "  Weeks 1-90 "),
        "  Weeks 1-90    Own production services"
    );
    assert_has(&mid, "It all ends in week 90 (about 21 months).");
    assert_has(
        &mid,
        "Deadline: the plan fits your deadline of 104 weeks at 6 study hours a week\n",
    );
    assert_no_slugs(&mid);
}

#[test]
fn assess_with_the_sample_ladders() {
    // Gate ladder: junior met; senior QA fit = (2 × 1 + 1 × 0.4 + 1 × 1) / 4 = 0.85 exactly,
    // the `near` threshold. No step exists, so the gap is unreachable, and said so.
    let gate = success(
        "assess",
        &[
            "--framework",
            "examples/data/gate-ladder.json",
            "examples/data/gate-ladder-assessment.json",
        ],
    );
    assert_has(&gate, "\nReady for: Junior QA\n");
    assert_has(
        &gate,
        "\nSalary band for Junior QA: EUR 40,000-55,000 a year\n",
    );
    let senior = line(&gate, "  Senior QA ");
    assert!(
        senior.contains(" nearly there ") && senior.ends_with(" 85%"),
        "{senior}"
    );
    assert_has(
        &gate,
        "  - Test automation: you rate yourself a novice; Senior QA asks for competent\n",
    );
    assert_has(
        &gate,
        "no step of the framework develops Test automation to competent",
    );

    // Points ladder [0, 1, 3, 6, 12, 20]: 2 × 6 + 1 × 3 + 2 × 3 + 1 × 1 = 22 points, so
    // Engineer I (10) but not Engineer II (30). Mentoring (+5 points in 1 week) beats the
    // on-call rotation (+9, capped at the 8 missing, in 3 weeks); both are work, one after
    // the other: weeks 1 and 2-4.
    let points = success(
        "assess",
        &[
            "--framework",
            "examples/data/points-ladder.toml",
            "examples/data/points-ladder-assessment.json",
        ],
    );
    assert_has(&points, "\nReady for: Engineer I\n");
    assert_has(&points, "\nPoints: 22\n");
    assert_has(&points, "  - Engineer II needs 8 more points\n");
    assert_eq!(
        line(&points, "  Week 1 "),
        "  Week 1        Mentor a new hire through onboarding"
    );
    assert_eq!(
        line(&points, "  Weeks 2-4 "),
        "  Weeks 2-4     Join the on-call rotation"
    );
    assert_has(
        &points,
        "  - week 4: Engineer II, once \"Join the on-call rotation\" is done\n",
    );
}

/// The two-tracks sample (examples/data/two-tracks.toml) at 5 study hours a week, preferring
/// the evening bootcamp (15 h/week), with a 20-hour work week:
/// - Selection compares steps at the standard 10 study hours a week (so that the person's
///   hours never change the choice): SQL with the bootcamp: 2 levels × weight 2 = 4 in
///   90/15 = 6 weeks (0.67 a week) first; then the dashboards (1 in 20/10 = 2 weeks: 0.5),
///   statistics (1 in 40/10 = 4 weeks: 0.25), then the internship (2 + 1 + 1 = 4 in
///   480/20 = 24 weeks: 0.17).
/// - Study: SQL weeks 1-6, dashboards 7-10, statistics 11-18; the internship waits for SQL
///   and the dashboards and runs weeks 11-34, alongside statistics.
/// - Deadline 40: at 2 h/week the internship ends at 6 + 10 + 24 = 40; at 1 h/week, 50.
#[test]
fn assess_shows_the_two_tracks() {
    let args = [
        "--framework",
        "examples/data/two-tracks.toml",
        "examples/data/two-tracks-assessment.json",
    ];
    let out = success("assess", &args);
    assert_has(&out, "\nReady for: not yet ready for any level\n");
    assert_has(
        &out,
        "150 hours of study at 5 hours a week unless a course sets its own pace; 480 hours of work experience at 20 hours a week, alongside. It all ends in week 34 (about 8 months).",
    );
    assert_eq!(line(&out, "  Weeks 1-6 "), "  Weeks 1-6     Learn SQL");
    assert_has(
        &out,
        "study: 90 hours at 15 hours a week, with Evening bootcamp\n",
    );
    assert_eq!(
        line(&out, "  Weeks 7-10 "),
        "  Weeks 7-10    Build a dashboard portfolio"
    );
    assert_eq!(
        line(&out, "  Weeks 11-34 "),
        "  Weeks 11-34   Work as an analytics intern"
    );
    assert_has(&out, "work experience: 480 hours at 20 hours a week\n");
    assert_eq!(
        line(&out, "  Weeks 11-18 "),
        "  Weeks 11-18   Take an introductory statistics course"
    );
    assert_has(
        &out,
        "  - week 6: Junior Analyst, once \"Learn SQL\" is done\n",
    );
    assert_has(
        &out,
        "  - week 34: Data Analyst, once \"Work as an analytics intern\" is done\n",
    );
    assert_has(
        &out,
        "  - Practise on open data: 2 hours a week, once \"Learn SQL\" is done\n",
    );

    let json: Value = serde_json::from_str(&success("assess", &[&args[..], &["--json"]].concat()))
        .expect("valid JSON");
    let paces: Vec<(&str, &str, u64)> = json["plan"]["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| {
            let step = i["step"].as_str().expect("a step");
            let track = i["track"].as_str().expect("a track");
            (step, track, i["hours_per_week"].as_u64().expect("a pace"))
        })
        .collect();
    assert_eq!(
        paces,
        [
            ("sql-fundamentals", "study", 15),
            ("dashboard-portfolio", "study", 5),
            ("statistics-course", "study", 5),
            ("analytics-internship", "work", 20),
        ]
    );
    assert_eq!(json["plan"]["deadline"]["hours_per_week_needed"], 2);
    assert_eq!(json["plan"]["deadline"]["feasible"], true);
}

#[test]
fn assess_help_and_bad_arguments() {
    let help = success("assess", &["--help"]);
    for option in [
        "--json",
        "--markdown",
        "--framework",
        "FILE.json",
        "graduate.json",
    ] {
        assert_has(&help, option);
    }
    // Arguments, split at spaces, and the message.
    let bad = [
        ("--nope", "unknown option --nope (try --help)"),
        ("--json --markdown", "choose one of --json and --markdown"),
        ("--framework --json x.json", "--framework needs a file"),
        (
            "a.json b.json",
            "give at most one assessment file (try --help)",
        ),
        (
            "--framework f.toml --framework g.toml",
            "give --framework at most once",
        ),
    ];
    for (args, message) in bad {
        let args: Vec<&str> = args.split(' ').collect();
        assert_eq!(failure("assess", &args, 2), format!("error: {message}\n"));
    }
    let err = failure(
        "assess",
        &["--framework", "examples/data/two-tracks.toml"],
        1,
    );
    assert_eq!(
        err,
        "error: with --framework, give an assessment file for that framework\n"
    );
}

#[test]
fn assess_bad_assessments_get_one_line_naming_file_field_and_position() {
    let cases: [(&str, &str); 5] = [
        (
            "tests/fixtures/broken.json",
            "JSON field `ratings`: trailing comma (line 1, column 31)",
        ),
        (
            "tests/fixtures/misspelled-assessment.json",
            "JSON field `ratings.security`: unknown proficiency `compitent`: did you mean \
             `competent`? expected one of none, novice, advanced_beginner, competent, \
             proficient, expert or 0-5 (line 4, column 27)",
        ),
        (
            "tests/fixtures/typo-skill-assessment.json",
            "ratings.securty names unknown skill `securty` (did you mean `security`?) \
             (line 4, column 5)",
        ),
        (
            "tests/fixtures/unknown-skill-assessment.json",
            "ratings.kubernetes names unknown skill `kubernetes` (line 1, column 16)",
        ),
        (
            "examples/data/points-ladder-assessment.json",
            "framework: the assessment is for framework `platform-engineer`, not \
             `backend-developer` (line 2, column 3)",
        ),
    ];
    for (file, message) in cases {
        let err = failure("assess", &[file], 1);
        assert_eq!(err, format!("error: assessment {file}: {message}\n"));
    }
    let err = failure("assess", &["tests/fixtures/missing.json"], 1);
    assert!(
        err.starts_with("error: assessment tests/fixtures/missing.json: cannot read the file: "),
        "{err}"
    );
}

#[test]
fn assess_bad_frameworks_get_one_line_naming_file_field_and_position() {
    let bad = |framework: &str| {
        failure(
            "assess",
            &["--framework", framework, "examples/data/graduate.json"],
            1,
        )
    };
    let err = bad("tests/fixtures/typo-framework.toml");
    let start = "error: framework tests/fixtures/typo-framework.toml: TOML field \
                 `skills[0].wieght`: unknown field `wieght`, expected one of `id`, `name`";
    assert!(err.starts_with(start), "{err}");
    assert!(err.ends_with(" (line 7, column 1)\n"), "{err}");

    // Found in validation, after parsing: the field's line and column are still given.
    let err = bad("tests/fixtures/habit-hours-framework.toml");
    assert_eq!(
        err,
        "error: framework tests/fixtures/habit-hours-framework.toml: steps[0].hours: habit step \
         `read-the-docs` takes hours_per_week, not this field (line 16, column 1)\n"
    );

    let err = bad("tests/fixtures/missing.toml");
    assert!(
        err.starts_with("error: framework tests/fixtures/missing.toml: cannot read the file: "),
        "{err}"
    );
}

#[test]
fn custom_framework_describes_the_two_tracks_sample_in_words() {
    let out = success("custom_framework", &[]);
    assert!(
        out.starts_with("Data Analyst 1.0.0 (data-analyst)\n"),
        "{out}"
    );
    assert_has(&out, "\nSkills:\n  SQL (technical, weight 2)\n");
    assert_has(
        &out,
        "  Junior Analyst: SQL competent, Statistics advanced beginner, Working with stakeholders novice\n",
    );
    assert_has(
        &out,
        "  Learn SQL: learn, 90 hours of study; with Evening bootcamp or Online courses; raises SQL to competent\n",
    );
    assert_has(
        &out,
        "  Work as an analytics intern: work experience, 480 hours at 20 hours a week; after Learn SQL and Build a dashboard portfolio; raises SQL to proficient, Data visualisation to competent, Working with stakeholders to competent\n",
    );
    assert_has(
        &out,
        "  Practise on open data: a habit, 2 hours a week; after Learn SQL\n",
    );
    assert_has(
        &out,
        "\nTraining:\n  Evening bootcamp: a fixed pace of 15 hours a week\n  Online courses: at your own pace\n",
    );
    // A points table is shown only where levels use points.
    assert!(!out.contains("points per rating"), "{out}");
    // Then the report.
    assert_has(
        &out,
        "\nData Analyst: your self-assessment\nReady for: not yet ready for any level\n",
    );
}

#[test]
fn custom_framework_with_a_points_ladder_and_bad_input() {
    let out = success(
        "custom_framework",
        &[
            "examples/data/points-ladder.toml",
            "examples/data/points-ladder-assessment.json",
        ],
    );
    assert!(
        out.starts_with("Platform Engineer 2.1.0 (platform-engineer)\n"),
        "{out}"
    );
    assert_has(
        &out,
        "  Engineer II: Infrastructure as code competent, 30 points\n",
    );
    assert_has(
        &out,
        "  points per rating, none to expert: 0, 1, 3, 6, 12, 20\n",
    );
    assert_has(&out, "\nReady for: Engineer I\n");

    let err = failure(
        "custom_framework",
        &[
            "tests/fixtures/typo-framework.toml",
            "examples/data/graduate.json",
        ],
        1,
    );
    assert!(
        err.starts_with(
            "error: framework tests/fixtures/typo-framework.toml: TOML field `skills[0].wieght`"
        ),
        "{err}"
    );
    let err = failure("custom_framework", &["only-one.toml"], 2);
    assert!(err.starts_with("usage: custom_framework"), "{err}");
}

#[test]
fn custom_framework_never_writes_control_characters_to_the_terminal() {
    let dir = std::env::temp_dir().join(format!("skillgauge-examples-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let framework = dir.join("escape.json");
    let assessment = dir.join("escape-assessment.json");
    // ESC [2J clears the screen; the skill's name, level name and step title carry it.
    std::fs::write(
        &framework,
        r#"{ "id": "escape", "name": "Escape\u001b[2J",
             "skills": [{ "id": "x", "name": "Clear\u001b[2J" }],
             "levels": [{ "id": "one", "name": "One\u001b[2J", "requires": { "x": "novice" } }],
             "steps": [{ "id": "s", "title": "Step\u001b[2J", "hours": 10, "develops": { "x": "novice" } }] }"#,
    )
    .expect("write the framework");
    std::fs::write(&assessment, "{}").expect("write the assessment");
    let out = success(
        "custom_framework",
        &[
            framework.to_str().expect("UTF-8 path"),
            assessment.to_str().expect("UTF-8 path"),
        ],
    );
    std::fs::remove_dir_all(&dir).expect("clean up");
    assert!(
        !out.contains('\u{1b}'),
        "an escape reached the terminal: {out:?}"
    );
    assert_has(&out, "Clear\u{fffd}[2J");
    assert_has(&out, "Step\u{fffd}[2J");
}

/// The graduate's ratings again, answered the way people type them. Target mid at 8 study
/// hours a week: the security course now takes 40 / 8 = 5 weeks.
#[test]
fn questionnaire_with_piped_answers_re_asks_and_suggests() {
    let answers = "3\ncompitent\nAdvanced Beginner\n2\nnovice\nCOMPETENT\nadvanced-beginner\n3\n\
                   senor\nMid-level\n0\n8\n\n";
    let out = run_example("questionnaire", &[], Some(answers.as_bytes()));
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    // Each skill by name, with its descriptors as numbered choices.
    assert_has(&stdout, "\n[1/7] Programming languages and concepts\n");
    assert_has(
        &stdout,
        "\n  0 none               Has not yet written a program beyond copying an example.\n",
    );
    assert_has(&stdout, "\n[7/7] Communication skills\n");
    // The misspelling gets the crate's "did you mean", and the question again.
    assert_has(
        &stdout,
        "Your rating: compitent\n  unknown proficiency `compitent`: did you mean `competent`? ",
    );
    assert_eq!(
        stdout.matches("Your rating: ").count(),
        8,
        "seven skills, one re-asked"
    );
    assert_has(
        &stdout,
        "  `senor` is not a level: answer one of Entry level, Mid-level, Senior level, Expert level\n",
    );
    assert_has(&stdout, "  `0` is not a number of hours from 1 to 168\n");
    assert_has(&stdout, "\nReady for: Entry level\n");
    assert_has(&stdout, "\nYour plan towards Mid-level:\n");
    assert_has(&stdout, "40 hours of study at 8 hours a week;");
    assert_eq!(
        line(&stdout, "  Weeks 1-5 "),
        "  Weeks 1-5     Learn application security"
    );
    // No deadline was given.
    assert!(!stdout.contains("Deadline:"), "{stdout}");
}

#[test]
fn questionnaire_takes_ids_defaults_and_a_deadline() {
    // Expert everywhere, target left blank: at the top, the plan is the habits. Every
    // rating the same draws the uniform-ratings warning.
    let answers = "5\n5\nexpert\n5\n5\n5\nExpert\n\n40\n10\n";
    let out = run_example("questionnaire", &[], Some(answers.as_bytes()));
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_has(&stdout, "\nReady for: Expert level\n");
    assert_has(&stdout, "You already meet the top level, Expert level");
    assert_has(&stdout, "you rated every skill the same (expert)");
    assert_has(
        &stdout,
        "Deadline: the plan fits your deadline of 10 weeks at 40 study hours a week\n",
    );

    // A target by id.
    let answers = "3\n2\n2\n1\n3\n2\n3\nsenior\n\n\n";
    let out = run_example("questionnaire", &[], Some(answers.as_bytes()));
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_has(&stdout, "\nYour plan towards Senior level:\n");
}

#[test]
fn questionnaire_gives_up_cleanly_when_input_ends() {
    for answers in [
        &b""[..],
        b"3\n2\n",
        b"3\ncompitent",
        b"3\n2\n2\n1\n3\n2\n3\nmid\n8\n",
    ] {
        let out = run_example("questionnaire", &[], Some(answers));
        let stderr = String::from_utf8(out.stderr).expect("UTF-8 errors");
        assert_eq!(out.status.code(), Some(1), "{answers:?}: {stderr}");
        assert_eq!(
            stderr, "error: input ended before every question was answered\n",
            "{answers:?}"
        );
        let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
        assert!(!stdout.contains("Ready for:"), "{stdout}");
    }
}

#[test]
fn questionnaire_re_asks_after_bytes_that_are_not_text() {
    let mut answers = b"\xff\xfe\n".to_vec();
    answers.extend_from_slice(b"3\n2\n2\n1\n3\n2\n3\n\n\n\n");
    let out = run_example("questionnaire", &[], Some(&answers));
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_has(&stdout, "  unknown proficiency `\u{fffd}\u{fffd}`");
    assert_has(&stdout, "\nReady for: Entry level\n");
}
