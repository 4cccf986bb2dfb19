//! Runs every example as a process on the fixture data and checks what it prints.

use std::io::Write;
use std::process::{Command, Output, Stdio};

#[track_caller]
fn run_example(name: &str, args: &[&str], stdin: Option<&str>) -> Output {
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
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .expect("piped stdin")
            .write_all(text.as_bytes())
            .expect("write stdin");
    }
    child.wait_with_output().expect("example finishes")
}

#[track_caller]
fn success(name: &str, args: &[&str]) -> String {
    let out = run_example(name, args, None);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{name} {args:?} failed: {stderr}");
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// Runs an example that must fail; returns its standard error.
#[track_caller]
fn failure(name: &str, args: &[&str]) -> String {
    let out = run_example(name, args, None);
    assert!(!out.status.success(), "{name} {args:?} should fail");
    assert!(out.stdout.is_empty(), "a failing run prints no report");
    let stderr = String::from_utf8(out.stderr).expect("utf-8 errors");
    assert!(!stderr.contains("panicked"), "no panic: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "one clear message: {stderr}");
    stderr
}

#[test]
fn assess_sample_shows_readiness_explanation_salary_and_plan() {
    let out = success("assess", &[]);
    // The sample graduate meets every entry requirement (programming-languages competent,
    // security novice, the rest advanced beginner or better) but not mid's proficient
    // programming-languages.
    assert!(out.contains("Readiness: entry\n"), "{out}");
    // Σ weight × rating = 3×3 + 2×2 + 2×2 + 2×1 + 2×3 + 1×2 + 1×3 = 30 of 13 × 5 = 65:
    // 46.15 rounds to 46.
    assert!(out.contains("Score: 46/100, 30 points"), "{out}");
    assert!(
        out.contains("Salary band (entry): USD 50,000-65,000 a year"),
        "{out}"
    );
    assert!(out.contains("Towards mid:"), "{out}");
    assert!(
        out.contains(
            "blocker  programming-languages: competent of proficient required (gap 1, weight 3)"
        ),
        "{out}"
    );
    assert!(out.contains("Plan towards mid"), "{out}");
    assert!(out.contains("milestone: mid after"), "{out}");
    // The sample asks for 52 weeks; the plan says whether it fits.
    assert!(out.contains("52-week deadline"), "{out}");
}

#[test]
fn assess_json_is_the_contract() {
    let out = success("assess", &["--json"]);
    let value: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(value["framework"], "backend-developer");
    assert_eq!(value["readiness"], "entry");
    assert_eq!(value["score"], 46);
    assert_eq!(value["target"], "mid");
    assert!(
        value["plan"]["items"]
            .as_array()
            .is_some_and(|items| !items.is_empty())
    );
}

#[test]
fn assess_markdown_has_tables() {
    let out = success("assess", &["--markdown"]);
    assert!(
        out.starts_with("# Assessment against backend-developer"),
        "{out}"
    );
    assert!(out.contains("| level | met | fit | tier |"), "{out}");
    assert!(
        out.contains("| week | step | why | hours | training |"),
        "{out}"
    );
}

#[test]
fn assess_each_sample_file() {
    let switcher = success("assess", &["examples/data/career-switcher.json"]);
    // programming-languages novice is below entry's competent.
    assert!(
        switcher.contains("Readiness: not yet ready for any level"),
        "{switcher}"
    );
    assert!(switcher.contains("Plan towards entry"), "{switcher}");
    let mid = success("assess", &["examples/data/mid-level.json"]);
    // proficient, competent ×5 and advanced beginner security meet every mid requirement.
    assert!(mid.contains("Readiness: mid\n"), "{mid}");
    assert!(mid.contains("Plan towards senior"), "{mid}");
}

#[test]
fn assess_with_custom_frameworks() {
    let out = success(
        "assess",
        &[
            "--framework",
            "examples/data/gate-ladder.json",
            "examples/data/gate-ladder-assessment.json",
        ],
    );
    // test-design competent, communication proficient meet junior; automation novice is
    // below senior's competent.
    assert!(out.contains("Readiness: junior\n"), "{out}");
    assert!(out.contains("EUR 40,000-55,000 a year"), "{out}");
    assert!(
        out.contains("blocker  automation: novice of competent required (gap 2, weight 1)"),
        "{out}"
    );
    let out = success(
        "assess",
        &[
            "--framework",
            "examples/data/points-ladder.toml",
            "examples/data/points-ladder-assessment.json",
        ],
    );
    // Points [0,1,3,6,12,20]: 2×6 + 1×3 + 2×3 + 1×1 = 22: engineer-1 (10) met, engineer-2 (30) not.
    assert!(out.contains("Readiness: engineer-1\n"), "{out}");
    assert!(out.contains("22 points"), "{out}");
    assert!(out.contains("blocker  points: 8 more needed"), "{out}");
}

#[test]
fn assess_help() {
    let out = success("assess", &["--help"]);
    for option in ["--json", "--markdown", "--framework", "FILE.json"] {
        assert!(out.contains(option), "help mentions {option}: {out}");
    }
}

#[test]
fn assess_bad_input_gets_one_clear_message() {
    let err = failure("assess", &["tests/fixtures/missing.json"]);
    assert!(
        err.starts_with("error: assessment tests/fixtures/missing.json: cannot read"),
        "{err}"
    );
    let err = failure("assess", &["tests/fixtures/broken.json"]);
    assert_eq!(
        err,
        "error: assessment tests/fixtures/broken.json: JSON field `ratings` (line 1, column 31): trailing comma\n"
    );
    let err = failure("assess", &["tests/fixtures/misspelled-assessment.json"]);
    assert!(
        err.contains(
            "field `ratings.security` (line 4, column 27): unknown proficiency `compitent`"
        ),
        "{err}"
    );
    let err = failure("assess", &["tests/fixtures/unknown-skill-assessment.json"]);
    assert!(
        err.ends_with("ratings names unknown skill `kubernetes`\n"),
        "{err}"
    );
    let err = failure(
        "assess",
        &[
            "--framework",
            "tests/fixtures/typo-framework.toml",
            "examples/data/graduate.json",
        ],
    );
    assert!(err.contains("framework tests/fixtures/typo-framework.toml: TOML field `skills[0].wieght` (line 7, column 1): unknown field `wieght`"), "{err}");
    let err = failure("assess", &["--nope"]);
    assert!(err.contains("unknown option --nope"), "{err}");
    let err = failure("assess", &["--json", "--markdown"]);
    assert_eq!(err, "error: choose one of --json and --markdown\n");
    let err = failure(
        "assess",
        &["--framework", "--json", "examples/data/graduate.json"],
    );
    assert_eq!(err, "error: --framework needs a file\n");
}

#[test]
fn custom_framework_describes_and_assesses() {
    let out = success("custom_framework", &[]);
    assert!(
        out.starts_with("Platform Engineer 2.1.0 (platform-engineer)"),
        "{out}"
    );
    assert!(
        out.contains("points per rating: [0, 1, 3, 6, 12, 20]"),
        "{out}"
    );
    assert!(
        out.contains("engineer-2       Engineer II needs infrastructure competent, 30 points"),
        "{out}"
    );
    assert!(out.contains("Readiness: engineer-1"), "{out}");
    let err = failure(
        "custom_framework",
        &[
            "tests/fixtures/typo-framework.toml",
            "examples/data/graduate.json",
        ],
    );
    assert!(err.contains("unknown field `wieght`"), "{err}");
}

#[test]
fn questionnaire_with_piped_answers() {
    // One bad answer ("foo") is asked again; then the sample graduate's ratings.
    // Labels are accepted as shown ("Advanced beginner"), in any case.
    let answers = "3\nfoo\nAdvanced beginner\n2\n1\nCOMPETENT\n2\n3\nmid\n8\n";
    let out = run_example("questionnaire", &[], Some(answers));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("[7/7] Communication"), "{stdout}");
    assert!(stdout.contains("`foo` is not a rating"), "{stdout}");
    assert!(stdout.contains("Readiness: entry\n"), "{stdout}");
    assert!(stdout.contains("Plan towards mid"), "{stdout}");
    assert!(stdout.contains("at 8 h/week"), "{stdout}");
}

#[test]
fn questionnaire_stops_cleanly_when_input_ends() {
    let out = run_example("questionnaire", &[], Some("3\n2\n"));
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("input ended before every question was answered"),
        "{stderr}"
    );
}
