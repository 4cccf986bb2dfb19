//! Text and Markdown renderings of a [`Report`], in names and plain words.
//!
//! Both are written from one outline of blocks, so they say the same things. Text written by
//! a framework's author is never written raw: control characters (which could clear a
//! terminal) are replaced in text, and Markdown syntax is escaped in Markdown.

use std::fmt::{self, Write as _};

use crate::calibrate::as_person;
use crate::definition::Period;
use crate::proficiency::Proficiency;
use crate::progress::Progress;
use crate::report::{Change, Plan, PlanItem, Report, Salary, Tier, Track, Unreachable};

/// One block of the outline.
enum Block {
    Title(String),
    Field(String, String),
    Heading(String),
    Para(String),
    Bullet(String),
    /// A row of the levels table: name, tier, fit.
    LevelRow(String, &'static str, String),
    /// A plan item: when, what, and the lines that explain it.
    Item(String, String, Vec<String>),
}

/// `1,234,567`.
fn thousands(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `1 hour`, `1,800 hours`.
fn count(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{} {many}", thousands(n))
    }
}

/// `1 hour a week`, `10 hours a week`.
fn per_week(hours: u32) -> String {
    count(u64::from(hours), "hour a week", "hours a week")
}

/// A computed number for people: at most three decimals, no trailing zeros.
fn num(n: f64) -> String {
    let text = format!("{n:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

fn band(salary: &Salary) -> String {
    let b = &salary.band;
    let range = match (b.min, b.max) {
        (Some(min), Some(max)) => format!("{}-{}", thousands(min), thousands(max)),
        (Some(min), None) => format!("{} or more", thousands(min)),
        (None, Some(max)) => format!("up to {}", thousands(max)),
        (None, None) => return "no figure given".to_owned(),
    };
    let period = match b.period {
        Period::Hour => "an hour",
        Period::Month => "a month",
        _ => "a year",
    };
    let mut text = format!("{} {range} {period}", b.currency);
    if let Some(note) = &b.note {
        let _ = write!(text, " ({note})");
    }
    text
}

fn tier_words(tier: Tier) -> &'static str {
    match tier {
        Tier::Ready => "ready",
        Tier::Near => "nearly there",
        Tier::Stretch => "within reach",
        _ => "a long way off",
    }
}

/// How long a number of weeks is, in the unit a person would use.
fn span(weeks: u64) -> String {
    if weeks < 9 {
        count(weeks, "week", "weeks")
    } else if weeks < 104 {
        format!("about {} months", (weeks * 12 + 26) / 52)
    } else {
        let halves = (weeks * 2 + 26) / 52;
        if halves % 2 == 0 {
            format!("about {} years", halves / 2)
        } else {
            format!("about {}.5 years", halves / 2)
        }
    }
}

fn weeks(start: u64, end: u64) -> String {
    if start == end {
        format!("Week {start}")
    } else {
        format!("Weeks {start}-{end}")
    }
}

/// "Security: you rate yourself a novice; Mid level asks for advanced beginner".
fn rating_line(name: &str, rating: Proficiency, required: Proficiency, level: &str) -> String {
    if rating == Proficiency::None {
        format!(
            "{name}: not started yet; {level} asks for {}",
            required.label()
        )
    } else {
        format!(
            "{name}: you rate yourself {}; {level} asks for {}",
            as_person(rating),
            required.label()
        )
    }
}

fn changes(closes: &[Change]) -> String {
    closes
        .iter()
        .map(|c| format!("{}: {} to {}", c.name, c.from.label(), c.to.label()))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Whether every study item runs at the person's own hours (no course sets its pace).
fn own_pace(plan: &Plan) -> bool {
    plan.items
        .iter()
        .filter(|i| i.track == Track::Study)
        .all(|i| i.hours_per_week == plan.hours_per_week)
}

fn item_block(plan: &Plan, item: &PlanItem) -> Block {
    let effort = match item.track {
        Track::Work => format!(
            "work experience: {} at {}",
            count(u64::from(item.hours), "hour", "hours"),
            per_week(item.hours_per_week)
        ),
        // With mixed paces, every study item says its own.
        _ if !own_pace(plan) => format!(
            "study: {} at {}",
            count(u64::from(item.hours), "hour", "hours"),
            per_week(item.hours_per_week)
        ),
        _ => format!("study: {}", count(u64::from(item.hours), "hour", "hours")),
    };
    let with = item
        .training_name
        .as_ref()
        .map(|t| format!(", with {t}"))
        .unwrap_or_default();
    let mut lines = vec![format!("{effort}{with}")];
    if !item.closes.is_empty() {
        lines.push(format!("raises {}", changes(&item.closes)));
    }
    if !item.required_by.is_empty() {
        let titles: Vec<&str> = item.required_by.iter().map(|s| s.title.as_str()).collect();
        lines.push(format!("needed first for: {}", titles.join("; ")));
    }
    Block::Item(
        weeks(item.start_week, item.end_week),
        item.title.clone(),
        lines,
    )
}

fn deadline_line(plan: &Plan) -> Option<String> {
    let d = plan.deadline.as_ref()?;
    let deadline = count(u64::from(d.weeks), "week", "weeks");
    Some(if d.fits {
        format!(
            "the plan fits your deadline of {deadline} at {}",
            count(
                u64::from(plan.hours_per_week),
                "study hour a week",
                "study hours a week"
            )
        )
    } else if let Some(reason) = &d.reason {
        format!("your deadline of {deadline} cannot be met: {reason}")
    } else if let Some(h) = d.hours_per_week_needed {
        format!(
            "the plan does not fit your deadline of {deadline} at {}; {} would make it fit",
            count(
                u64::from(plan.hours_per_week),
                "study hour a week",
                "study hours a week"
            ),
            per_week(h)
        )
    } else {
        format!("the plan does not fit your deadline of {deadline}")
    })
}

fn unreachable_line(u: &Unreachable, target: &str) -> String {
    match u {
        Unreachable::Skill {
            name,
            reached,
            required,
            reason,
            ..
        } => format!(
            "{name}: the plan reaches {}, {target} asks for {}; {reason}",
            reached.label(),
            required.label()
        ),
        Unreachable::Points {
            reached,
            required,
            reason,
        } => format!(
            "points: the plan reaches {} of the {} needed; {reason}",
            num(*reached),
            num(*required)
        ),
    }
}

impl Report {
    /// The report as an outline of blocks, the one source of the text and Markdown forms.
    #[allow(clippy::too_many_lines)] // one section after another, in report order
    fn outline(&self) -> Vec<Block> {
        let mut out = Vec::new();
        out.push(Block::Title(format!(
            "{}: your self-assessment",
            self.framework_name
        )));
        out.push(Block::Field(
            "Ready for".to_owned(),
            self.readiness_name
                .clone()
                .unwrap_or_else(|| "not yet ready for any level".to_owned()),
        ));
        out.push(Block::Field(
            "Overall score".to_owned(),
            format!("{} out of 100", self.score),
        ));
        if self.has_points_levels() {
            out.push(Block::Field("Points".to_owned(), num(self.points)));
        }
        if let Some(salary) = &self.salary {
            out.push(Block::Field(
                format!("Salary band for {}", salary.name),
                band(salary),
            ));
            if let Some(caveat) = &salary.caveat {
                out.push(Block::Para(caveat.clone()));
            }
        }

        out.push(Block::Heading("How you fit each level".to_owned()));
        for l in &self.levels {
            out.push(Block::LevelRow(
                l.name.clone(),
                tier_words(l.tier),
                format!("{:.0}%", l.fit * 100.0),
            ));
        }

        let target = &self.target_name;
        out.push(Block::Heading(format!(
            "What stands between you and {target}"
        )));
        if self.blockers.is_empty() && self.missing_points.is_none() {
            out.push(Block::Para(format!(
                "Nothing: you meet every requirement of {target}."
            )));
        }
        for b in &self.blockers {
            out.push(Block::Bullet(rating_line(
                &b.name, b.rating, b.required, target,
            )));
        }
        if let Some(missing) = self.missing_points {
            out.push(Block::Bullet(format!(
                "{target} needs {} more points",
                num(missing)
            )));
        }
        if !self.strengths.is_empty() {
            out.push(Block::Heading(format!("Already above what {target} asks")));
            for s in &self.strengths {
                out.push(Block::Bullet(rating_line(
                    &s.name, s.rating, s.required, target,
                )));
            }
        }
        if !self.warnings.is_empty() {
            out.push(Block::Heading("Worth a second look".to_owned()));
            for w in &self.warnings {
                out.push(Block::Bullet(w.message.clone()));
            }
        }
        self.plan_outline(&mut out);
        out
    }

    fn plan_outline(&self, out: &mut Vec<Block>) {
        let plan = &self.plan;
        out.push(Block::Heading(format!(
            "Your plan towards {}",
            plan.target_name
        )));
        if let Some(note) = &plan.note {
            out.push(Block::Para(note.clone()));
        } else if plan.items.is_empty() {
            out.push(Block::Para(
                "No step of the framework closes the gaps below.".to_owned(),
            ));
        } else {
            let mut summary = Vec::new();
            if plan.total_hours > 0 {
                let any_own = plan
                    .items
                    .iter()
                    .any(|i| i.track == Track::Study && i.hours_per_week == plan.hours_per_week);
                let pace = if own_pace(plan) {
                    format!(" at {}", per_week(plan.hours_per_week))
                } else if any_own {
                    format!(
                        " at {} unless a course sets its own pace",
                        per_week(plan.hours_per_week)
                    )
                } else {
                    String::new()
                };
                summary.push(format!(
                    "{} of study{pace}",
                    count(plan.total_hours, "hour", "hours")
                ));
            }
            if plan.work_hours > 0 {
                summary.push(format!(
                    "{} of work experience at {}, alongside",
                    count(plan.work_hours, "hour", "hours"),
                    per_week(plan.work_hours_per_week)
                ));
            }
            out.push(Block::Para(format!(
                "{}. It all ends in week {} ({}).",
                summary.join("; "),
                plan.weeks,
                span(plan.weeks)
            )));
        }
        for item in &plan.items {
            out.push(item_block(plan, item));
        }
        if !plan.milestones.is_empty() {
            out.push(Block::Heading("Milestones".to_owned()));
            for m in &plan.milestones {
                out.push(Block::Bullet(format!(
                    "week {}: {}, once \"{}\" is done",
                    m.week, m.name, m.title
                )));
            }
        }
        if !plan.unreachable.is_empty() {
            out.push(Block::Heading("What the plan cannot close".to_owned()));
            for u in &plan.unreachable {
                out.push(Block::Bullet(unreachable_line(u, &plan.target_name)));
            }
        }
        if !plan.habits.is_empty() {
            out.push(Block::Heading("Keep doing alongside".to_owned()));
            for h in &plan.habits {
                let after = if h.after.is_empty() {
                    String::new()
                } else {
                    let titles: Vec<&str> = h.after.iter().map(|s| s.title.as_str()).collect();
                    format!(", once \"{}\" is done", titles.join("\" and \""))
                };
                out.push(Block::Bullet(format!(
                    "{}: {}{after}",
                    h.title,
                    count(u64::from(h.hours_per_week), "hour a week", "hours a week")
                )));
            }
        }
        if let Some(line) = deadline_line(plan) {
            out.push(Block::Field("Deadline".to_owned(), line));
        }
    }

    /// The report as Markdown, for emails and web pages: headings, a table and lists that
    /// read well as plain text too.
    ///
    /// # Example
    /// ```
    /// use skillgauge::{Assessment, Framework};
    ///
    /// let report = Framework::backend_developer().assess(&Assessment::new())?;
    /// let markdown = report.to_markdown();
    /// assert!(markdown.starts_with("# Backend Developer: your self-assessment"));
    /// assert!(markdown.contains("## Your plan towards Entry level"));
    /// # Ok::<(), skillgauge::Error>(())
    /// ```
    pub fn to_markdown(&self) -> String {
        let mut md = String::new();
        let mut in_table = false;
        let mut in_list = false;
        for block in self.outline() {
            if in_table && !matches!(block, Block::LevelRow(..)) {
                md.push('\n');
                in_table = false;
            }
            // A line right after a list item would continue that item (a lazy continuation).
            if in_list && matches!(block, Block::Field(..) | Block::Para(..)) {
                md.push('\n');
            }
            in_list = matches!(block, Block::Bullet(..) | Block::Item(..));
            let _ = match block {
                Block::Title(t) => writeln!(md, "# {}\n", escape(&t)),
                Block::Field(label, value) => {
                    writeln!(md, "**{}:** {}  ", escape(&label), escape(&value))
                }
                Block::Heading(h) => writeln!(md, "\n## {}\n", escape(&h)),
                Block::Para(p) => writeln!(md, "{}\n", escape(&p)),
                Block::Bullet(b) => writeln!(md, "- {}", escape(&b)),
                Block::LevelRow(name, tier, fit) => {
                    if !in_table {
                        in_table = true;
                        let _ = writeln!(md, "| level | how close | fit |\n|---|---|---|");
                    }
                    writeln!(md, "| {} | {tier} | {fit} |", escape(&name))
                }
                Block::Item(when, title, lines) => {
                    let _ = writeln!(md, "- **{when}:** {}", escape(&title));
                    for line in lines {
                        let _ = writeln!(md, "  - {}", escape(&line));
                    }
                    Ok(())
                }
            };
        }
        md
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let outline = self.outline();
        let name_width = outline
            .iter()
            .filter_map(|b| match b {
                Block::LevelRow(name, ..) => Some(name.chars().count()),
                _ => None,
            })
            .max()
            .unwrap_or(0)
            .min(40);
        for block in outline {
            match block {
                Block::Title(t) => writeln!(f, "{}", Clean(&t))?,
                Block::Field(label, value) => writeln!(f, "{}: {}", Clean(&label), Clean(&value))?,
                Block::Heading(h) => writeln!(f, "\n{}:", Clean(&h))?,
                Block::Para(p) => writeln!(f, "  {}", Clean(&p))?,
                Block::Bullet(b) => writeln!(f, "  - {}", Clean(&b))?,
                Block::LevelRow(name, tier, fit) => {
                    let clean = Clean(&name).to_string();
                    let pad = name_width.saturating_sub(clean.chars().count());
                    writeln!(f, "  {clean}{:pad$}  {tier:<15} {fit:>4}", "")?;
                }
                Block::Item(when, title, lines) => {
                    writeln!(f, "  {when:<13} {}", Clean(&title))?;
                    for line in lines {
                        writeln!(f, "  {:<13}   {}", "", Clean(&line))?;
                    }
                }
            }
        }
        Ok(())
    }
}

impl Progress {
    /// The lines both renderings share.
    fn lines(&self) -> Vec<String> {
        let ready = |name: &Option<String>| {
            name.clone()
                .unwrap_or_else(|| "not yet ready for any level".to_owned())
        };
        let mut out = vec![format!(
            "Ready for: {} (was {})",
            ready(&self.readiness_after_name),
            ready(&self.readiness_before_name)
        )];
        out.push(format!(
            "Overall score: {} out of 100 (was {})",
            self.score_after, self.score_before
        ));
        for l in &self.levels {
            out.push(format!(
                "{}: fit {:.0}% (was {:.0}%)",
                l.name,
                l.fit_after * 100.0,
                l.fit_before * 100.0
            ));
        }
        for s in self.skills.iter().filter(|s| s.before != s.after) {
            out.push(format!(
                "{}: {} to {}",
                s.name,
                s.before.label(),
                s.after.label()
            ));
        }
        for s in &self.steps_completed {
            out.push(format!("Done: {}", s.title));
        }
        out.push(format!(
            "Plan: {} weeks left (was {})",
            self.plan_weeks_after, self.plan_weeks_before
        ));
        if self.is_unchanged() {
            out.push("No change since the earlier assessment.".to_owned());
        }
        out
    }

    /// The progress as Markdown.
    pub fn to_markdown(&self) -> String {
        let mut md = format!("# Progress: {}\n\n", escape(&self.framework_name));
        for line in self.lines() {
            let _ = writeln!(md, "- {}", escape(&line));
        }
        md
    }
}

impl fmt::Display for Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Progress: {}", Clean(&self.framework_name))?;
        for line in self.lines() {
            writeln!(f, "  {}", Clean(&line))?;
        }
        Ok(())
    }
}

/// Text safe for a terminal: control characters and bidirectional overrides become a
/// replacement character, line breaks a space.
struct Clean<'a>(&'a str);

impl fmt::Display for Clean<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            match c {
                '\n' | '\r' | '\t' => f.write_char(' ')?,
                c if c.is_control()
                    || ('\u{202a}'..='\u{202e}').contains(&c)
                    || ('\u{2066}'..='\u{2069}').contains(&c) =>
                {
                    f.write_char('\u{fffd}')?;
                }
                c => f.write_char(c)?,
            }
        }
        Ok(())
    }
}

/// Escapes text for Markdown with backslashes, so it shows as typed and still reads well as
/// plain text; control characters are cleaned as for a terminal.
fn escape(text: &str) -> String {
    let clean = Clean(text).to_string();
    let mut out = String::with_capacity(clean.len());
    for c in clean.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' | '<' | '>' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_read_in_the_unit_a_person_would_use() {
        assert_eq!(span(1), "1 week");
        assert_eq!(span(8), "8 weeks");
        assert_eq!(span(45), "about 10 months");
        assert_eq!(span(104), "about 2 years");
        assert_eq!(span(130), "about 2.5 years");
    }

    #[test]
    fn terminal_text_never_carries_control_characters() {
        assert_eq!(
            Clean("a\u{1b}[2Jb\nc\u{202e}").to_string(),
            "a\u{fffd}[2Jb c\u{fffd}"
        );
        assert_eq!(escape("a <b> & *c*"), "a \\<b\\> \\& \\*c\\*");
    }
}
