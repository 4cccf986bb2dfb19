//! Load a framework of your own (TOML or JSON), show what it defines in plain words, and
//! assess against it.
//!
//! ```text
//! cargo run --example custom_framework                      # the two-tracks sample
//! cargo run --example custom_framework -- examples/data/points-ladder.toml examples/data/points-ladder-assessment.json
//! ```
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write as _};
use std::process::ExitCode;

use skillgauge::{Assessment, DEFAULT_POINTS, Framework, Id, Level, Proficiency, Step, StepKind};

const USAGE: &str = "usage: custom_framework [FRAMEWORK.toml|FRAMEWORK.json ASSESSMENT.json]";

/// Framework text as it may be shown in a terminal: the author's control characters (which
/// could clear the screen or move the cursor) become U+FFFD, line breaks a space.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => ' ',
            c if c.is_control() => '\u{fffd}',
            c => c,
        })
        .collect()
}

/// `1 hour`, `90 hours`.
fn hours(n: u32) -> String {
    if n == 1 {
        "1 hour".to_owned()
    } else {
        format!("{n} hours")
    }
}

/// The skills of `map` above `none`, by name, in framework order.
fn in_skill_order(
    framework: &Framework,
    map: &BTreeMap<Id, Proficiency>,
) -> Vec<(String, Proficiency)> {
    framework
        .skills()
        .iter()
        .filter_map(|s| map.get(&s.id).map(|&p| (clean(&s.name), p)))
        .filter(|&(_, p)| p > Proficiency::None)
        .collect()
}

/// What a level asks for: each required skill at its proficiency, and its points.
fn needs(framework: &Framework, level: &Level) -> String {
    let mut needs: Vec<String> = in_skill_order(framework, &level.requires)
        .into_iter()
        .map(|(name, p)| format!("{name} {}", p.label()))
        .collect();
    if let Some(points) = level.min_points {
        needs.push(format!("{points} points"));
    }
    if needs.is_empty() {
        "nothing in particular".to_owned()
    } else {
        needs.join(", ")
    }
}

/// A step in words: its kind and effort, its training, what it needs first and what it
/// raises.
fn step_line(framework: &Framework, step: &Step) -> String {
    let effort = match (step.kind, step.hours, step.hours_per_week) {
        (StepKind::Habit, _, Some(h)) => format!("a habit, {} a week", hours(h)),
        (StepKind::Experience, Some(h), _) => format!(
            "work experience, {} at {} hours a week",
            hours(h),
            framework.work_hours_per_week()
        ),
        (kind, Some(h), _) => format!("{kind}, {} of study", hours(h)),
        (kind, ..) => kind.to_string(),
    };
    let mut parts = vec![effort];
    if step.optional {
        parts.push("optional".to_owned());
    }
    if !step.training.is_empty() {
        let names: Vec<String> = step
            .training
            .iter()
            .map(|t| {
                clean(
                    framework
                        .training_option(t.as_str())
                        .map_or(t.as_str(), |o| &o.name),
                )
            })
            .collect();
        parts.push(format!("with {}", names.join(" or ")));
    }
    if !step.prerequisites.is_empty() {
        let titles: Vec<String> = step
            .prerequisites
            .iter()
            .map(|p| clean(framework.step(p.as_str()).map_or(p.as_str(), |s| &s.title)))
            .collect();
        parts.push(format!("after {}", titles.join(" and ")));
    }
    if !step.develops.is_empty() {
        let raises: Vec<String> = in_skill_order(framework, &step.develops)
            .into_iter()
            .map(|(name, p)| format!("{name} to {}", p.label()))
            .collect();
        parts.push(format!("raises {}", raises.join(", ")));
    }
    format!("{}: {}", clean(&step.title), parts.join("; "))
}

/// What the framework defines, in names and plain words.
fn describe(framework: &Framework) -> String {
    let mut out = format!(
        "{} {} ({})\n",
        clean(framework.name()),
        clean(framework.version()),
        framework.id()
    );
    if !framework.summary().is_empty() {
        let _ = writeln!(out, "{}", clean(framework.summary()));
    }
    out += "\nSkills:\n";
    for skill in framework.skills() {
        let _ = writeln!(
            out,
            "  {} ({}, weight {})",
            clean(&skill.name),
            skill.category,
            skill.weight
        );
    }
    out += "\nLevels, lowest first:\n";
    for level in framework.levels() {
        let _ = writeln!(out, "  {}: {}", clean(&level.name), needs(framework, level));
    }
    let uses_points = framework.levels().iter().any(|l| l.min_points.is_some());
    if uses_points || framework.points() != &DEFAULT_POINTS {
        let points: Vec<String> = framework.points().iter().map(u32::to_string).collect();
        let _ = writeln!(
            out,
            "  points per rating, none to expert: {}",
            points.join(", ")
        );
    }
    if !framework.steps().is_empty() {
        out += "\nSteps:\n";
        for step in framework.steps() {
            let _ = writeln!(out, "  {}", step_line(framework, step));
        }
    }
    if !framework.training().is_empty() {
        out += "\nTraining:\n";
        for option in framework.training() {
            let pace = match option.hours_per_week {
                Some(h) => format!("a fixed pace of {} a week", hours(h)),
                None => "at your own pace".to_owned(),
            };
            let _ = writeln!(out, "  {}: {pace}", clean(&option.name));
        }
    }
    out
}

fn run(framework_path: &str, assessment_path: &str) -> Result<String, String> {
    // `from_path` names the file in its errors.
    let framework = Framework::from_path(framework_path).map_err(|e| format!("framework {e}"))?;
    let assessment =
        Assessment::from_path(assessment_path).map_err(|e| format!("assessment {e}"))?;
    let report = framework
        .assess(&assessment)
        .map_err(|e| format!("assessment {assessment_path}: {e}"))?;
    Ok(format!("{}\n{report}", describe(&framework)))
}

fn main() -> ExitCode {
    let dir = env!("CARGO_MANIFEST_DIR");
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (framework, assessment) = match args.as_slice() {
        [] => (
            format!("{dir}/examples/data/two-tracks.toml"),
            format!("{dir}/examples/data/two-tracks-assessment.json"),
        ),
        [framework, assessment] => (framework.clone(), assessment.clone()),
        [flag] if flag == "-h" || flag == "--help" => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&framework, &assessment) {
        Ok(out) => {
            // A closed pipe (`| head`) is the reader's choice, not an error.
            let mut stdout = io::stdout().lock();
            match stdout
                .write_all(out.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                    eprintln!("error: cannot write the report: {e}");
                    ExitCode::FAILURE
                }
                _ => ExitCode::SUCCESS,
            }
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
