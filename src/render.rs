//! Text and Markdown renderings of a [`Report`], built on its structured fields.

use std::fmt::{self, Write as _};

use crate::plan::{Change, Plan, Unreachable};
use crate::report::{Report, Salary};

fn money(value: u64) -> String {
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

fn band(salary: &Salary) -> String {
    let b = &salary.band;
    let range = match (b.min, b.max) {
        (Some(min), Some(max)) => format!("{}-{}", money(min), money(max)),
        (Some(min), None) => format!("{} or more", money(min)),
        (None, Some(max)) => format!("up to {}", money(max)),
        (None, None) => return "no figure given".to_owned(),
    };
    let article = if b.period == crate::Period::Hour {
        "an"
    } else {
        "a"
    };
    let mut text = format!("{} {range} {article} {}", b.currency, b.period);
    if let Some(note) = &b.note {
        let _ = write!(text, " ({note})");
    }
    text
}

fn changes(closes: &[Change]) -> String {
    closes
        .iter()
        .map(|c| format!("{}: {} -> {}", c.skill, c.from.label(), c.to.label()))
        .collect::<Vec<_>>()
        .join("; ")
}

fn weeks(start: u64, end: u64) -> String {
    if start == end {
        format!("week {start}")
    } else {
        format!("weeks {start}-{end}")
    }
}

fn why(item: &crate::plan::PlanItem) -> String {
    if !item.closes.is_empty() {
        changes(&item.closes)
    } else if !item.required_by.is_empty() {
        let by: Vec<&str> = item.required_by.iter().map(crate::Id::as_str).collect();
        format!("prerequisite of {}", by.join(", "))
    } else {
        "keeps you current".to_owned()
    }
}

fn unreachable_line(u: &Unreachable) -> String {
    match u {
        Unreachable::Skill {
            skill,
            reached,
            required,
            reason,
        } => {
            format!(
                "{skill}: reaches {} of {} required; {reason}",
                reached.label(),
                required.label()
            )
        }
        Unreachable::Points {
            reached,
            required,
            reason,
        } => {
            format!(
                "points: reaches {} of {} required; {reason}",
                num(*reached),
                num(*required)
            )
        }
    }
}

/// `1 hour`, `2 hours`.
fn count(n: f64, one: &str, many: &str) -> String {
    let word = if (n - 1.0).abs() < f64::EPSILON {
        one
    } else {
        many
    };
    format!("{} {word}", num(n))
}

/// A computed number for people: at most two decimals, no trailing zeros, so float noise
/// (0.30000000000000004) reads as 0.3.
fn num(n: f64) -> String {
    let text = format!("{n:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

fn deadline_line(plan: &Plan) -> Option<String> {
    let d = plan.deadline.as_ref()?;
    let gaps = plan.unreachable.len();
    Some(if gaps > 0 {
        format!(
            "cannot meet the {}-week deadline at any pace: {} no step closes",
            d.weeks,
            count(gaps as f64, "gap", "gaps")
        )
    } else if d.fits {
        format!(
            "fits the {}-week deadline at {} h/week",
            d.weeks, plan.hours_per_week
        )
    } else if d.feasible {
        format!(
            "does not fit the {}-week deadline at {} h/week; {} h/week would make it fit",
            d.weeks, plan.hours_per_week, d.hours_per_week_needed
        )
    } else {
        format!(
            "cannot fit the {}-week deadline: it would need {} h/week, more than a week has",
            d.weeks, d.hours_per_week_needed
        )
    })
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Assessment against {}", self.framework)?;
        match &self.readiness {
            Some(level) => writeln!(f, "Readiness: {level}")?,
            None => writeln!(f, "Readiness: not yet ready for any level")?,
        }
        writeln!(
            f,
            "Score: {}/100, {}",
            self.score,
            count(self.points, "point", "points")
        )?;
        if let Some(salary) = &self.salary {
            writeln!(f, "Salary band ({}): {}", salary.level, band(salary))?;
            if let Some(caveat) = &salary.caveat {
                writeln!(f, "  {caveat}")?;
            }
        }
        writeln!(f, "\nLevels:")?;
        for l in &self.levels {
            writeln!(
                f,
                "  {:<16} {:<13} fit {:.2}",
                l.level.as_str(),
                l.tier.to_string(),
                l.fit
            )?;
        }
        if let Some(target) = &self.target {
            writeln!(f, "\nTowards {target}:")?;
            if self.blockers.is_empty() && self.missing_points.is_none() {
                writeln!(f, "  nothing blocks it")?;
            }
            for b in &self.blockers {
                writeln!(
                    f,
                    "  blocker  {}: {} of {} required (gap {}, weight {})",
                    b.skill,
                    b.rating.label(),
                    b.required.label(),
                    b.gap,
                    b.weight
                )?;
            }
            if let Some(missing) = self.missing_points {
                writeln!(f, "  blocker  points: {} more needed", num(missing))?;
            }
            for s in &self.strengths {
                writeln!(
                    f,
                    "  strength {}: {} where {} is required",
                    s.skill,
                    s.rating.label(),
                    s.required.label()
                )?;
            }
        }
        if !self.warnings.is_empty() {
            writeln!(f, "\nWarnings:")?;
            for w in &self.warnings {
                writeln!(f, "  [{}] {}", w.code, w.message)?;
            }
        }
        write_plan_text(f, &self.plan)
    }
}

fn write_plan_text(f: &mut fmt::Formatter<'_>, plan: &Plan) -> fmt::Result {
    let target = plan.target.as_ref().map_or("", crate::Id::as_str);
    writeln!(
        f,
        "\nPlan towards {target}: {}, {} at {} h/week",
        count(plan.total_hours as f64, "hour", "hours"),
        count(plan.weeks as f64, "week", "weeks"),
        plan.hours_per_week
    )?;
    if let Some(note) = &plan.note {
        writeln!(f, "  {note}")?;
    } else if plan.items.is_empty() {
        writeln!(f, "  no step of the framework closes a gap")?;
    }
    for item in &plan.items {
        let training = item
            .training
            .as_ref()
            .map(|t| format!(", {t}"))
            .unwrap_or_default();
        writeln!(
            f,
            "  {:<15} {} ({} h{training})",
            weeks(item.start_week, item.end_week),
            item.title,
            item.hours
        )?;
        writeln!(f, "  {:<15}   {}", "", why(item))?;
    }
    for m in &plan.milestones {
        writeln!(
            f,
            "  milestone: {} after {}, week {}",
            m.level, m.after_step, m.week
        )?;
    }
    for u in &plan.unreachable {
        writeln!(f, "  unreachable: {}", unreachable_line(u))?;
    }
    if let Some(line) = deadline_line(plan) {
        writeln!(f, "  deadline: {line}")?;
    }
    Ok(())
}

/// Escapes framework-authored text for Markdown: table pipes, emphasis, links, code and
/// raw HTML are all shown as typed, and line breaks cannot end a table row.
fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

impl Report {
    /// The report as Markdown, for emails and web pages: headings, tables and lists.
    ///
    /// # Example
    /// ```
    /// use skillgauge::{Assessment, Framework};
    ///
    /// let report = Framework::backend_developer().assess(&Assessment::new())?;
    /// let markdown = report.to_markdown();
    /// assert!(markdown.starts_with("# Assessment against backend-developer"));
    /// assert!(markdown.contains("| week | step |"));
    /// # Ok::<(), skillgauge::Error>(())
    /// ```
    pub fn to_markdown(&self) -> String {
        let mut md = String::new();
        let _ = self.write_markdown(&mut md);
        md
    }

    #[allow(clippy::too_many_lines)] // one section after another, in report order
    fn write_markdown(&self, md: &mut String) -> fmt::Result {
        writeln!(md, "# Assessment against {}\n", self.framework)?;
        match &self.readiness {
            Some(level) => writeln!(md, "**Readiness:** {level}  ")?,
            None => writeln!(md, "**Readiness:** not yet ready for any level  ")?,
        }
        writeln!(
            md,
            "**Score:** {}/100 ({})  ",
            self.score,
            count(self.points, "point", "points")
        )?;
        if let Some(salary) = &self.salary {
            writeln!(
                md,
                "**Salary band ({}):** {}  ",
                salary.level,
                cell(&band(salary))
            )?;
            if let Some(caveat) = &salary.caveat {
                writeln!(md, "*{}*", cell(caveat))?;
            }
        }
        writeln!(
            md,
            "\n## Levels\n\n| level | met | fit | tier |\n|---|---|---|---|"
        )?;
        for l in &self.levels {
            writeln!(
                md,
                "| {} | {} | {:.2} | {} |",
                l.level,
                if l.met { "yes" } else { "no" },
                l.fit,
                l.tier
            )?;
        }
        if let Some(target) = &self.target {
            writeln!(md, "\n## Towards {target}\n")?;
            if self.blockers.is_empty() && self.missing_points.is_none() {
                writeln!(md, "Nothing blocks it.")?;
            }
            for b in &self.blockers {
                writeln!(
                    md,
                    "- **Blocker:** {}: {} of {} required (gap {}, weight {})",
                    b.skill,
                    b.rating.label(),
                    b.required.label(),
                    b.gap,
                    b.weight
                )?;
            }
            if let Some(missing) = self.missing_points {
                writeln!(md, "- **Blocker:** {} more points needed", num(missing))?;
            }
            for s in &self.strengths {
                writeln!(
                    md,
                    "- **Strength:** {}: {} where {} is required",
                    s.skill,
                    s.rating.label(),
                    s.required.label()
                )?;
            }
        }
        if !self.warnings.is_empty() {
            writeln!(md, "\n## Warnings\n")?;
            for w in &self.warnings {
                writeln!(md, "- `{}` {}", w.code, cell(&w.message))?;
            }
        }
        let plan = &self.plan;
        writeln!(
            md,
            "\n## Plan\n\n{}, {} at {} h/week.\n",
            count(plan.total_hours as f64, "hour", "hours"),
            count(plan.weeks as f64, "week", "weeks"),
            plan.hours_per_week
        )?;
        if let Some(note) = &plan.note {
            writeln!(md, "{}\n", cell(note))?;
        } else if plan.items.is_empty() {
            writeln!(md, "No step of the framework closes a gap.\n")?;
        }
        if !plan.items.is_empty() {
            writeln!(
                md,
                "| week | step | why | hours | training |\n|---|---|---|---|---|"
            )?;
        }
        for item in &plan.items {
            writeln!(
                md,
                "| {} | {} | {} | {} | {} |",
                weeks(item.start_week, item.end_week),
                cell(&item.title),
                cell(&why(item)),
                item.hours,
                item.training.as_ref().map_or("", crate::Id::as_str)
            )?;
        }
        if !plan.milestones.is_empty() {
            writeln!(md, "\n### Milestones\n")?;
            for m in &plan.milestones {
                writeln!(
                    md,
                    "- **{}** after {}, week {}",
                    m.level, m.after_step, m.week
                )?;
            }
        }
        if !plan.unreachable.is_empty() {
            writeln!(md, "\n### Unreachable\n")?;
            for u in &plan.unreachable {
                writeln!(md, "- {}", cell(&unreachable_line(u)))?;
            }
        }
        if let Some(line) = deadline_line(plan) {
            writeln!(md, "\n**Deadline:** {line}")?;
        }
        Ok(())
    }
}
