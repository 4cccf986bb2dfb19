//! An interactive self-assessment in the terminal.
//!
//! For each skill of the built-in framework it shows the skill's name and what every rating
//! looks like, as numbered choices, and reads your answer: the number, or the name in any
//! case (`competent`, `Advanced beginner`, `advanced-beginner`). A misspelled name gets a
//! "did you mean" and the question again. Then it asks for a target level (by name or id),
//! study hours a week and a deadline, and prints the report with its plan.
//!
//! Piped answers work too, one per line; a blank line takes the default where there is one.
//! If the input ends before every question is answered, it says so and exits with status 1.
//!
//! ```text
//! cargo run --example questionnaire
//! printf '3\n2\n2\n1\n3\n2\n3\nmid\n8\n52\n' | cargo run --example questionnaire
//! ```
use std::io::{self, BufRead, IsTerminal, Write};
use std::process::ExitCode;

use skillgauge::limits::{MAX_DEADLINE_WEEKS, MAX_HOURS_PER_WEEK};
use skillgauge::{Assessment, DEFAULT_HOURS_PER_WEEK, Framework, Id, Proficiency, Rating};

/// Why the questionnaire stopped early.
enum Stop {
    /// The input ended before every question was answered.
    Ended,
    /// Reading or writing failed.
    Io(io::Error),
}

impl From<io::Error> for Stop {
    fn from(e: io::Error) -> Stop {
        Stop::Io(e)
    }
}

/// The terminal session: where answers come from and where questions go.
struct Session<R, W> {
    input: R,
    out: W,
    /// Whether to write each answer after its prompt: piped answers are not echoed by a
    /// terminal, and the transcript reads better with them.
    echo: bool,
}

impl<R: BufRead, W: Write> Session<R, W> {
    /// Asks until `parse` accepts the answer; the answer is trimmed first.
    fn ask<T>(
        &mut self,
        prompt: &str,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Result<T, Stop> {
        loop {
            write!(self.out, "{prompt}")?;
            self.out.flush()?;
            let mut line = Vec::new();
            if self.input.read_until(b'\n', &mut line)? == 0 {
                return Err(Stop::Ended);
            }
            // Bytes that are not UTF-8 become U+FFFD: a bad answer, asked again.
            let line = String::from_utf8_lossy(&line);
            let answer = line.trim();
            if self.echo {
                writeln!(self.out, "{answer}")?;
            }
            match parse(answer) {
                Ok(value) => return Ok(value),
                Err(message) => writeln!(self.out, "  {message}")?,
            }
        }
    }
}

/// A rating: the number or the name, through the crate's one proficiency grammar, so a
/// misspelling gets its "did you mean".
fn parse_rating(answer: &str) -> Result<Proficiency, String> {
    if answer.is_empty() {
        return Err("please answer 0-5 or a name such as competent".to_owned());
    }
    answer
        .trim()
        .parse::<Proficiency>()
        .map_err(|e| e.to_string())
}

/// A target level by id or by name (any case); blank for the level above readiness.
fn parse_level(framework: &Framework, answer: &str) -> Result<Option<Id>, String> {
    if answer.is_empty() {
        return Ok(None);
    }
    framework
        .levels()
        .iter()
        .find(|l| l.id == answer || l.name.eq_ignore_ascii_case(answer))
        .map(|l| Some(l.id.clone()))
        .ok_or_else(|| {
            let names: Vec<&str> = framework.levels().iter().map(|l| l.name.as_str()).collect();
            format!(
                "`{answer}` is not a level: answer one of {}",
                names.join(", ")
            )
        })
}

/// A whole number from 1 to `max`; blank for `None`.
fn parse_count(answer: &str, max: u32, what: &str) -> Result<Option<u32>, String> {
    if answer.is_empty() {
        return Ok(None);
    }
    match answer.parse::<u32>() {
        Ok(n) if (1..=max).contains(&n) => Ok(Some(n)),
        _ => Err(format!(
            "`{answer}` is not a number of {what} from 1 to {max}"
        )),
    }
}

fn questionnaire<R: BufRead, W: Write>(s: &mut Session<R, W>) -> Result<String, Stop> {
    let framework = Framework::backend_developer();
    let skills = framework.skills();
    writeln!(s.out, "{} self-assessment", framework.name())?;
    writeln!(
        s.out,
        "Rate each skill: answer with the number of the description that fits you best, or its name."
    )?;
    let mut assessment = Assessment::new();
    for (n, skill) in skills.iter().enumerate() {
        writeln!(s.out, "\n[{}/{}] {}", n + 1, skills.len(), skill.name)?;
        if !skill.description.is_empty() {
            writeln!(s.out, "  {}", skill.description)?;
        }
        for p in Proficiency::ALL {
            match skill.descriptor(p) {
                Some(d) => writeln!(s.out, "  {} {:<18} {d}", p.as_u8(), p.label())?,
                None => writeln!(s.out, "  {} {}", p.as_u8(), p.label())?,
            }
        }
        let rating = s.ask("Your rating: ", parse_rating)?;
        assessment
            .ratings
            .insert(skill.id.clone(), Rating::from(rating));
    }

    writeln!(s.out, "\nWhich level do you want a plan for?")?;
    for level in framework.levels() {
        writeln!(s.out, "  {:<8} {}", level.id.as_str(), level.name)?;
    }
    assessment.preferences.target_level = s.ask(
        "Target level (name or id; blank for the next one up): ",
        |answer| parse_level(framework, answer),
    )?;
    let hours_prompt = format!(
        "Study hours a week (1-{MAX_HOURS_PER_WEEK}; blank for {DEFAULT_HOURS_PER_WEEK}): "
    );
    assessment.preferences.hours_per_week = s.ask(&hours_prompt, |answer| {
        parse_count(answer, MAX_HOURS_PER_WEEK, "hours")
    })?;
    let deadline_prompt = format!("Deadline in weeks (1-{MAX_DEADLINE_WEEKS}; blank for none): ");
    assessment.preferences.deadline_weeks = s.ask(&deadline_prompt, |answer| {
        parse_count(answer, MAX_DEADLINE_WEEKS, "weeks")
    })?;

    // Every answer was checked against the framework above, so this cannot fail; if it
    // ever did, the message says why rather than a panic.
    match framework.assess(&assessment) {
        Ok(report) => Ok(report.to_string()),
        Err(e) => Err(Stop::Io(io::Error::other(e))),
    }
}

fn main() -> ExitCode {
    let stdin = io::stdin();
    let mut session = Session {
        echo: !stdin.is_terminal(),
        input: stdin.lock(),
        out: io::stdout().lock(),
    };
    let result = questionnaire(&mut session).and_then(|report| {
        writeln!(session.out, "\n{report}")?;
        session.out.flush()?;
        Ok(())
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is the reader's choice, not an error.
        Err(Stop::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Stop::Ended) => {
            // End the prompt's line, so the message starts on its own.
            let _ = writeln!(session.out);
            eprintln!("error: input ended before every question was answered");
            ExitCode::FAILURE
        }
        Err(Stop::Io(e)) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
