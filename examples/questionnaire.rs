//! An interactive self-assessment in the terminal.
//!
//! For each skill of the built-in framework it shows what every rating looks like, reads your
//! answer (a number 0-5 or a name such as `competent`), and asks again on a bad answer. Then it
//! asks for a target level and hours a week, and prints the report with its plan.
//!
//! ```text
//! cargo run --example questionnaire
//! printf '3\n2\n2\n1\n3\n2\n3\nmid\n8\n' | cargo run --example questionnaire
//! ```
use std::io::{self, BufRead, IsTerminal, Write};
use std::process::ExitCode;

use skillgauge::{Assessment, Framework, Proficiency, Rating};

/// Reads one trimmed line; `None` at the end of input.
fn read_line(input: &mut impl BufRead) -> io::Result<Option<String>> {
    let mut line = String::new();
    if input.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    Ok(Some(line.trim().to_owned()))
}

/// Asks until `parse` accepts the answer.
fn ask<T>(
    input: &mut impl BufRead,
    out: &mut impl Write,
    prompt: &str,
    parse: impl Fn(&str) -> Result<T, String>,
) -> Result<T, String> {
    loop {
        write!(out, "{prompt}").map_err(|e| e.to_string())?;
        out.flush().map_err(|e| e.to_string())?;
        let Some(answer) = read_line(input).map_err(|e| e.to_string())? else {
            return Err("input ended before every question was answered".to_owned());
        };
        // Piped answers are not echoed by a terminal: show them so the transcript reads well.
        if !io::stdin().is_terminal() {
            writeln!(out, "{answer}").map_err(|e| e.to_string())?;
        }
        match parse(&answer) {
            Ok(value) => return Ok(value),
            Err(message) => writeln!(out, "  {message}").map_err(|e| e.to_string())?,
        }
    }
}

fn questionnaire(input: &mut impl BufRead, out: &mut impl Write) -> Result<String, String> {
    let framework = Framework::backend_developer();
    let w = |out: &mut dyn Write, text: String| writeln!(out, "{text}").map_err(|e| e.to_string());
    w(out, format!("{} self-assessment", framework.name()))?;
    w(out, "Rate each skill from 0 (none) to 5 (expert); the descriptions say what each rating looks like.".to_owned())?;
    let mut assessment = Assessment::new();
    for (n, skill) in framework.skills().iter().enumerate() {
        w(
            out,
            format!("\n[{}/{}] {}", n + 1, framework.skills().len(), skill.name),
        )?;
        if !skill.description.is_empty() {
            w(out, format!("  {}", skill.description))?;
        }
        for p in Proficiency::ALL {
            let descriptor = skill.descriptor(p).unwrap_or("");
            w(
                out,
                format!("  {} {:<18} {descriptor}", p.as_u8(), p.label()),
            )?;
        }
        let rating = ask(input, out, "Your rating: ", |answer| {
            // Accept the labels as shown: "Advanced beginner", "advanced-beginner", "EXPERT".
            let name = answer.trim().to_lowercase().replace([' ', '-'], "_");
            name.parse::<Proficiency>().map_err(|_| {
                if answer.is_empty() {
                    "please answer 0-5 or a name such as competent".to_owned()
                } else {
                    format!("`{answer}` is not a rating: answer 0-5 or a name such as competent")
                }
            })
        })?;
        assessment
            .ratings
            .insert(skill.id.clone(), Rating::from(rating));
    }
    let levels: Vec<&str> = framework.levels().iter().map(|l| l.id.as_str()).collect();
    let prompt = format!(
        "\nTarget level ({}; blank for the next one up): ",
        levels.join(", ")
    );
    assessment.preferences.target_level = ask(input, out, &prompt, |answer| {
        if answer.is_empty() {
            return Ok(None);
        }
        match framework.level(answer) {
            Some(level) => Ok(Some(level.id.clone())),
            None => Err(format!(
                "`{answer}` is not a level: answer one of {}",
                levels.join(", ")
            )),
        }
    })?;
    assessment.preferences.hours_per_week = ask(
        input,
        out,
        "Hours a week for learning (1-168; blank for 10): ",
        |answer| {
            if answer.is_empty() {
                return Ok(None);
            }
            match answer.parse::<u32>() {
                Ok(hours) if (1..=168).contains(&hours) => Ok(Some(hours)),
                _ => Err(format!("`{answer}` is not a number of hours from 1 to 168")),
            }
        },
    )?;
    let report = framework.assess(&assessment).map_err(|e| e.to_string())?;
    Ok(report.to_string())
}

fn main() -> ExitCode {
    let stdin = io::stdin();
    let mut stdout = io::stdout();
    match questionnaire(&mut stdin.lock(), &mut stdout) {
        Ok(report) => {
            println!("\n{report}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("\nerror: {message}");
            ExitCode::FAILURE
        }
    }
}
