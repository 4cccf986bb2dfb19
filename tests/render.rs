//! Rendering a report: text and Markdown speak in names and plain words (never ids),
//! singular and plural right, a points line only where points mean something, framework
//! text never written raw, Markdown escaped without HTML entities, and a JSON report that
//! carries every name.

use serde_json::{Value, json};
use skillgauge::{Assessment, Calibration, Framework, Options, Proficiency, Report};

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

fn builtin() -> &'static Framework {
    Framework::backend_developer()
}

#[track_caller]
fn assess(framework: &Framework, value: &Value) -> Report {
    let a = Assessment::from_json(&value.to_string()).unwrap_or_else(|e| panic!("{e}: {value}"));
    framework
        .assess(&a)
        .unwrap_or_else(|e| panic!("{e}: {value}"))
}

/// Every built-in skill rated, in framework order.
fn ratings(profile: [u8; 7]) -> Value {
    let fw = builtin();
    Value::Object(
        fw.skills()
            .iter()
            .zip(profile)
            .map(|(s, p)| (s.id.to_string(), json!(p)))
            .collect(),
    )
}

/// Varied profiles of the built-in framework: nothing, entry with a deadline it cannot
/// meet, entry at a bootcamp's pace with one study hour a week, mid with a completed step
/// aiming at expert, everything expert, many years all novice under a cap policy, and a
/// deadline that needs more hours.
fn profiles() -> Vec<(Value, Options)> {
    let trust = Options::default();
    let cap = Options::new(Calibration::CapUnevidenced {
        above: Proficiency::Competent,
    });
    let entry = ratings([3, 2, 2, 1, 2, 2, 2]);
    vec![
        (json!({}), trust),
        (
            json!({ "ratings": entry, "experience_years": 1,
                    "preferences": { "training": ["online_course"], "deadline_weeks": 26 } }),
            trust,
        ),
        (
            json!({ "ratings": entry,
                    "preferences": { "training": ["bootcamp", "degree"], "hours_per_week": 1,
                                     "deadline_weeks": 60 } }),
            trust,
        ),
        (
            json!({ "ratings": ratings([4, 3, 3, 2, 3, 3, 3]), "completed_steps": ["practical-experience"],
                    "preferences": { "target_level": "expert", "training": ["self_study"] } }),
            trust,
        ),
        (json!({ "ratings": ratings([5; 7]) }), trust),
        (
            json!({ "ratings": ratings([1, 1, 1, 5, 1, 1, 1]), "experience_years": 25,
                    "preferences": { "target_level": "senior" } }),
            cap,
        ),
        (
            json!({ "ratings": { "programming-languages": 2 },
                    "preferences": { "hours_per_week": 5, "deadline_weeks": 40 } }),
            trust,
        ),
    ]
}

/// The ids of the built-in framework that are not plain words (those are checked apart).
fn builtin_ids() -> Vec<String> {
    let fw = builtin();
    let mut ids = vec![fw.id().to_string()];
    ids.extend(fw.skills().iter().map(|s| s.id.to_string()));
    ids.extend(fw.steps().iter().map(|s| s.id.to_string()));
    ids.extend(fw.training().iter().map(|t| t.id.to_string()));
    ids.push("advanced_beginner".to_owned());
    ids.retain(|id| id.contains(['-', '_']));
    ids
}

/// Whether `word` occurs in `text` as a word of its own.
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        let part = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_');
        !part(before) && !part(after)
    })
}

/// Whether `text` says "1 hours", "1 weeks" or "1 years" of a lone 1.
fn says_plural_of_one(text: &str) -> Option<String> {
    for unit in ["hours", "weeks", "years", "study hours"] {
        let needle = format!("1 {unit}");
        for (at, _) in text.match_indices(&needle) {
            let before = text[..at].chars().next_back();
            if !before.is_some_and(|c| c.is_ascii_digit() || c == ',' || c == '.') {
                return Some(
                    text[at.saturating_sub(30)..(at + needle.len() + 10).min(text.len())]
                        .to_owned(),
                );
            }
        }
    }
    None
}

// ---------------------------------------------------------------------------------------
// Names, not ids
// ---------------------------------------------------------------------------------------

#[test]
fn no_id_appears_in_the_text_or_markdown_of_any_profile() {
    let ids = builtin_ids();
    for must in [
        "programming-languages",
        "online_course",
        "practical-experience",
        "backend-developer",
    ] {
        assert!(ids.iter().any(|id| id == must), "{must} is checked");
    }
    assert!(ids.len() >= 20, "{ids:?}");
    for (value, options) in profiles() {
        let a = Assessment::from_json(&value.to_string()).expect("valid");
        let report = builtin().assess_with(&a, &options).expect("a report");
        let text = report.to_string();
        let markdown = report.to_markdown();
        for id in &ids {
            let escaped = id.replace('_', "\\_");
            assert!(
                !text.contains(id.as_str()),
                "`{id}` in the text for {value}:\n{text}"
            );
            assert!(
                !markdown.contains(id.as_str()) && !markdown.contains(&escaped),
                "`{id}` in the Markdown for {value}:\n{markdown}"
            );
        }
        // Level ids that are plain words: `mid` and `entry` never stand alone.
        for word in ["mid", "entry"] {
            assert!(
                !has_word(&text, word),
                "`{word}` in the text for {value}:\n{text}"
            );
            assert!(
                !has_word(&markdown, word),
                "`{word}` in the Markdown for {value}"
            );
        }
        // Tier names are said in words.
        for word in ["aspirational", "stretch"] {
            assert!(!has_word(&text, word), "`{word}` in the text for {value}");
        }
        assert!(
            text.starts_with("Backend Developer: your self-assessment\n"),
            "{text}"
        );
        assert!(markdown.starts_with("# Backend Developer: your self-assessment\n"));
    }
}

#[test]
fn ratings_are_said_in_plain_words_with_level_names() {
    // Entry level exactly: mid is next.
    let r = assess(
        builtin(),
        &json!({ "ratings": ratings([3, 2, 2, 1, 2, 2, 2]) }),
    );
    let text = r.to_string();
    for line in [
        "What stands between you and Mid-level:",
        "  - Security: you rate yourself a novice; Mid-level asks for advanced beginner",
        "  - Databases and data modeling: you rate yourself an advanced beginner; Mid-level asks for competent",
        "  - Programming languages and concepts: you rate yourself competent; Mid-level asks for proficient",
        "Ready for: Entry level",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "missing {line:?} in:\n{text}"
        );
    }
    assert!(r.to_markdown().contains(
        "\n- Security: you rate yourself a novice; Mid-level asks for advanced beginner\n"
    ));

    // Everything expert: strengths against Expert level, in words.
    let text = assess(builtin(), &json!({ "ratings": ratings([5; 7]) })).to_string();
    for line in [
        "Already above what Expert level asks:",
        "  - Security: you rate yourself an expert; Expert level asks for proficient",
        "  Nothing: you meet every requirement of Expert level.",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "missing {line:?} in:\n{text}"
        );
    }
}

#[test]
fn an_experts_habits_wait_for_nothing_they_already_meet() {
    // Programming foundations develops what an expert has; it is done, so the habit that
    // follows it can start now.
    let r = assess(builtin(), &json!({ "ratings": ratings([5; 7]) }));
    assert!(
        r.plan.habits.iter().all(|h| h.after.is_empty()),
        "{:?}",
        r.plan.habits
    );
    let text = r.to_string();
    assert!(
        text.lines()
            .any(|l| l == "  - Stay up to date with the latest technologies and best practices: 2 hours a week"),
        "{text}"
    );
    // With nothing rated it still waits for the foundations.
    let text = assess(builtin(), &json!({})).to_string();
    assert!(
        text.contains("2 hours a week, once \"Gain a strong foundation in programming concepts and languages\" is done"),
        "{text}"
    );
}

// ---------------------------------------------------------------------------------------
// Singular and plural
// ---------------------------------------------------------------------------------------

const ONES: &str = r#"
id = "ones"
name = "Ones"
work_hours_per_week = 1

[[skills]]
id = "a"
name = "Alpha"

[[skills]]
id = "b"
name = "Beta"

[[levels]]
id = "l1"
name = "Level one"
requires = { a = "novice", b = "novice" }

[[steps]]
id = "read"
title = "Read the guide"
hours = 1
develops = { a = "novice" }

[[steps]]
id = "shadow"
title = "Shadow a colleague"
kind = "experience"
hours = 1
develops = { b = "novice" }

[[steps]]
id = "practise"
title = "Practise"
kind = "habit"
hours_per_week = 1
develops = { a = "novice" }
"#;

#[test]
fn one_is_singular_everywhere() {
    let fw = Framework::from_toml(ONES).expect("valid");
    let r = assess(
        &fw,
        &json!({ "preferences": { "hours_per_week": 1, "deadline_weeks": 1 } }),
    );
    // Both items take one hour at one hour a week, on their own tracks: week 1 each.
    let text = r.to_string();
    for expected in [
        "  1 hour of study at 1 hour a week; 1 hour of work experience at 1 hour a week, alongside. It all ends in week 1 (1 week).",
        "  Week 1        Read the guide",
        "                  study: 1 hour",
        "                  work experience: 1 hour at 1 hour a week",
        "  - Practise: 1 hour a week",
        "Deadline: the plan fits your deadline of 1 week at 1 study hour a week",
    ] {
        assert!(
            text.lines().any(|l| l == expected),
            "missing {expected:?} in:\n{text}"
        );
    }
    assert_eq!(says_plural_of_one(&text), None, "{text}");
    assert_eq!(says_plural_of_one(&r.to_markdown()), None);
}

#[test]
fn no_lone_one_is_plural_in_any_builtin_profile() {
    for (value, options) in profiles() {
        let a = Assessment::from_json(&value.to_string()).expect("valid");
        let r = builtin().assess_with(&a, &options).expect("a report");
        assert_eq!(says_plural_of_one(&r.to_string()), None, "{value}");
        assert_eq!(says_plural_of_one(&r.to_markdown()), None, "{value}");
        for w in &r.warnings {
            assert_eq!(says_plural_of_one(&w.message), None, "{value}");
        }
    }
    let r = assess(
        builtin(),
        &json!({ "ratings": ratings([5, 5, 5, 5, 3, 3, 3]), "experience_years": 1 }),
    );
    assert!(r.to_string().contains("with 1 year of experience"), "{r}");
}

// ---------------------------------------------------------------------------------------
// The points line
// ---------------------------------------------------------------------------------------

const POINTS: &str = r#"
id = "pts"
name = "Pts"
[[skills]]
id = "a"
name = "Alpha"
weight = 2
[[skills]]
id = "b"
name = "Beta"
[[levels]]
id = "l1"
name = "One"
min_points = 4
[[levels]]
id = "l2"
name = "Two"
min_points = 10
"#;

#[test]
fn a_points_line_only_where_levels_have_min_points() {
    // The built-in ladder is pure gates: no points line, though the report has points.
    let r = assess(
        builtin(),
        &json!({ "ratings": ratings([3, 2, 2, 1, 2, 2, 2]) }),
    );
    assert!(r.points > 0.0);
    assert!(!r.has_points_levels());
    assert!(!r.to_string().contains("Points"), "{r}");
    assert!(!r.to_markdown().contains("Points"));

    // 2 × 3 + 1 = 7 points: One met, Two needs 3 more.
    let fw = Framework::from_toml(POINTS).expect("valid");
    let r = assess(&fw, &json!({ "ratings": { "a": 3, "b": 1 } }));
    assert!(r.has_points_levels());
    let text = r.to_string();
    assert!(text.lines().any(|l| l == "Points: 7"), "{text}");
    assert!(
        text.lines().any(|l| l == "  - Two needs 3 more points"),
        "{text}"
    );
    assert!(r.to_markdown().contains("\n**Points:** 7  \n"));
}

// ---------------------------------------------------------------------------------------
// Framework text is never written raw
// ---------------------------------------------------------------------------------------

const EVIL: &str = r#"
id = "evil"
name = "Evil\u001b]0;owned\u0007 Corp"
salary_note = "note\u001b[2J"

[[skills]]
id = "a"
name = "Evil\u001b[2J *bold* | pipe <b> & -> x_y"

[[skills]]
id = "b"
name = "Beta\r\nline\u202e"

[[levels]]
id = "l1"
name = "Level\u009bOne"
salary = { min = 1, max = 2, currency = "USD", note = "n\u001b[31m" }

[[levels]]
id = "l2"
name = "Two | *2*"
requires = { a = "competent", b = "novice" }

[[steps]]
id = "s1"
title = "Step\u001b[2J one *x*"
hours = 10
training = ["t1"]
develops = { a = "competent" }

[[steps]]
id = "s2"
title = "Work\u0007"
kind = "experience"
hours = 40
prerequisites = ["s1"]
develops = { b = "novice" }

[[steps]]
id = "h"
title = "Habit\u001b"
kind = "habit"
hours_per_week = 1
develops = { b = "novice" }

[[training]]
id = "t1"
name = "Train\u001b[2J"
"#;

fn evil_report() -> Report {
    let fw = Framework::from_toml(EVIL).expect("control characters are data, not an error");
    assess(
        &fw,
        &json!({ "ratings": { "a": "novice" }, "preferences": { "deadline_weeks": 1 } }),
    )
}

#[test]
fn control_characters_in_framework_text_never_reach_the_text() {
    let r = evil_report();
    let text = r.to_string();
    let raw: Vec<char> = text
        .chars()
        .filter(|&c| c != '\n' && (c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)))
        .collect();
    assert!(raw.is_empty(), "{raw:?} in {text:?}");
    // Each one is shown as a replacement character; line breaks in a name become spaces.
    assert!(
        text.starts_with("Evil\u{fffd}]0;owned\u{fffd} Corp: your self-assessment\n"),
        "{text:?}"
    );
    assert!(
        text.contains("Evil\u{fffd}[2J *bold* | pipe <b> & -> x_y: you rate yourself a novice"),
        "{text:?}"
    );
    assert!(text.contains("Beta  line\u{fffd}"), "{text:?}");
    assert!(text.contains("Level\u{fffd}One"), "{text:?}");
    // The JSON report keeps the data as it is.
    let value: Value = serde_json::from_str(&r.to_json()).expect("JSON");
    assert_eq!(
        value["framework_name"],
        json!("Evil\u{1b}]0;owned\u{7} Corp")
    );
}

#[test]
fn markdown_escapes_author_text_without_html_entities() {
    let md = evil_report().to_markdown();
    let raw: Vec<char> = md
        .chars()
        .filter(|&c| c != '\n' && c.is_control())
        .collect();
    assert!(raw.is_empty(), "{raw:?} in {md:?}");
    for entity in ["&gt;", "&lt;", "&amp;", "-&gt;"] {
        assert!(!md.contains(entity), "{entity} in {md}");
    }
    // `*`, `|`, `<`, `&`, `_` and `[` are escaped with backslashes, so they show as typed.
    assert!(
        md.contains("- Evil\u{fffd}\\[2J \\*bold\\* \\| pipe \\<b\\> \\& -\\> x\\_y: you rate yourself a novice; Two \\| \\*2\\* asks for competent\n"),
        "{md}"
    );
    assert!(
        md.contains("- **Week 1:** Step\u{fffd}\\[2J one \\*x\\*\n"),
        "{md}"
    );
    // Every table row has exactly its four cell borders: a `|` in a name is escaped.
    let rows: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
    assert_eq!(rows.len(), 4, "{md}");
    for row in rows {
        let borders = row
            .match_indices('|')
            .filter(|(at, _)| !row[..*at].ends_with('\\'))
            .count();
        assert_eq!(borders, 4, "{row}");
    }
}

#[test]
fn markdown_of_the_builtin_reads_as_plain_text() {
    for (value, options) in profiles() {
        let a = Assessment::from_json(&value.to_string()).expect("valid");
        let md = builtin()
            .assess_with(&a, &options)
            .expect("a report")
            .to_markdown();
        for entity in ["&gt;", "&lt;", "&amp;", "-&gt;"] {
            assert!(!md.contains(entity), "{entity} in {md}");
        }
        // A field after a list starts its own paragraph, not a lazy continuation.
        if let Some(at) = md.find("**Deadline:**") {
            assert!(md[..at].ends_with("\n\n"), "{md}");
        }
    }
}

// ---------------------------------------------------------------------------------------
// The JSON report carries every name
// ---------------------------------------------------------------------------------------

#[track_caller]
fn assert_name(value: &Value, key: &str, expected: Option<&str>) {
    assert_eq!(value[key].as_str(), expected, "{key} of {value}");
}

#[test]
fn the_json_report_carries_every_name() {
    let fw = builtin();
    let skill = |id: &Value| {
        fw.skill(id.as_str().expect("an id"))
            .map(|s| s.name.as_str())
    };
    let level = |id: &Value| {
        fw.level(id.as_str().expect("an id"))
            .map(|l| l.name.as_str())
    };
    let step = |id: &Value| {
        fw.step(id.as_str().expect("an id"))
            .map(|s| s.title.as_str())
    };
    let mut checked = std::collections::BTreeSet::new();
    for (value, options) in profiles() {
        let a = Assessment::from_json(&value.to_string()).expect("valid");
        let report = fw.assess_with(&a, &options).expect("a report");
        let json: Value = serde_json::from_str(&report.to_json()).expect("JSON");
        assert_name(&json, "framework_name", Some("Backend Developer"));
        assert_name(&json, "target_name", level(&json["target"]));
        if json["readiness"].is_null() {
            assert!(json["readiness_name"].is_null());
        } else {
            assert_name(&json, "readiness_name", level(&json["readiness"]));
        }
        for l in json["levels"].as_array().expect("levels") {
            assert_name(l, "name", level(&l["level"]));
        }
        for list in ["skills", "blockers", "strengths"] {
            for s in json[list].as_array().expect(list) {
                assert_name(s, "name", skill(&s["skill"]));
                checked.insert(list);
            }
        }
        for w in json["warnings"].as_array().expect("warnings") {
            if w["skill"].is_string() {
                assert_name(w, "name", skill(&w["skill"]));
                checked.insert("warnings");
            }
        }
        if !json["salary"].is_null() {
            assert_name(&json["salary"], "name", level(&json["salary"]["level"]));
            checked.insert("salary");
        }
        let plan = &json["plan"];
        assert_name(plan, "target_name", level(&plan["target"]));
        for item in plan["items"].as_array().expect("items") {
            assert_name(item, "title", step(&item["step"]));
            match item["training"].as_str() {
                Some(t) => {
                    let name = fw.training_option(t).map(|o| o.name.as_str());
                    assert_name(item, "training_name", name);
                    checked.insert("training_name");
                }
                None => assert!(item["training_name"].is_null(), "{item}"),
            }
            for c in item["closes"].as_array().expect("closes") {
                assert_name(c, "name", skill(&c["skill"]));
                checked.insert("closes");
            }
            for r in item["required_by"].as_array().into_iter().flatten() {
                assert_name(r, "title", step(&r["step"]));
                checked.insert("required_by");
            }
        }
        for h in plan["habits"].as_array().expect("habits") {
            assert_name(h, "title", step(&h["step"]));
            for s in h["after"].as_array().into_iter().flatten() {
                assert_name(s, "title", step(&s["step"]));
                checked.insert("after");
            }
        }
        for m in plan["milestones"].as_array().expect("milestones") {
            assert_name(m, "name", level(&m["level"]));
            assert_name(m, "title", step(&m["step"]));
            checked.insert("milestones");
        }
    }
    // Every kind of named entry was met at least once.
    let expected = [
        "after",
        "blockers",
        "closes",
        "milestones",
        "required_by",
        "salary",
        "skills",
        "strengths",
        "training_name",
        "warnings",
    ];
    assert_eq!(checked.into_iter().collect::<Vec<_>>(), expected);
}

#[test]
fn the_json_report_names_unreachable_gaps() {
    let fw = Framework::from_toml(
        r#"
id = "gap"
name = "Gap"
[[skills]]
id = "a"
name = "Alpha"
[[skills]]
id = "b"
name = "Beta"
[[levels]]
id = "l1"
name = "One"
requires = { a = "novice", b = "competent" }
[[steps]]
id = "s"
title = "Learn Alpha"
hours = 10
develops = { a = "novice" }
"#,
    )
    .expect("valid");
    let r = assess(&fw, &json!({}));
    let json: Value = serde_json::from_str(&r.to_json()).expect("JSON");
    let unreachable = json["plan"]["unreachable"].as_array().expect("a list");
    assert_eq!(unreachable.len(), 1, "{json}");
    assert_eq!(unreachable[0]["kind"], json!("skill"));
    assert_eq!(unreachable[0]["skill"], json!("b"));
    assert_eq!(unreachable[0]["name"], json!("Beta"));
    let text = r.to_string();
    assert!(text.contains("What the plan cannot close:"), "{text}");
    assert!(
        text.contains("  - Beta: the plan reaches none, One asks for competent; "),
        "{text}"
    );
}
