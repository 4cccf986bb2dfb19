//! Property tests for the input and output invariants of DESIGN.md section 5 (2, 6, 7, 8)
//! on random valid frameworks: nothing panics on any text, the same input gives the same
//! output byte for byte, definitions, assessments and reports round-trip, and every way of
//! breaking a valid definition is refused with an error naming the culprit.

mod r#gen;

use std::mem::discriminant;

use r#gen::{
    Case, assess_with, capped, cases, config, definitions, first_difference, id, milli, thousandths,
};
use proptest::prelude::*;
use proptest::sample::{Index, select};
use skillgauge::{
    Assessment, ErrorKind, Framework, FrameworkDefinition, IdKind, Options, Proficiency, Report,
    StepKind,
};

fn options(cap: bool) -> Options {
    if cap { capped() } else { Options::default() }
}

fn fail(what: &str, err: impl std::fmt::Display) -> TestCaseError {
    TestCaseError::fail(format!("{what}: {err}"))
}

proptest! {
    #![proptest_config(config())]

    /// Invariant 6: the same input gives the same output byte for byte: twice, on a clone
    /// of the framework, on one rebuilt from its definition, and on one reloaded from its
    /// JSON and from its TOML.
    #[test]
    fn same_input_same_output_byte_for_byte(case in cases(), cap in any::<bool>()) {
        let Case { framework, assessment } = &case;
        let first = assess_with(framework, assessment, &options(cap));
        let second = assess_with(framework, assessment, &options(cap));
        let json = first.to_json();
        prop_assert_eq!(&json, &second.to_json());
        prop_assert_eq!(first.to_markdown(), second.to_markdown());
        prop_assert_eq!(first.to_string(), second.to_string());
        let rebuilt = Framework::new(framework.definition().clone()).map_err(|e| fail("rebuilding", e))?;
        let from_json = Framework::from_json(&framework.to_json()).map_err(|e| fail("reloading JSON", e))?;
        let toml = framework.to_toml().map_err(|e| fail("writing TOML", e))?;
        let from_toml = Framework::from_toml(&toml).map_err(|e| fail("reloading TOML", e))?;
        let others = [("clone", framework.clone()), ("new", rebuilt), ("json", from_json), ("toml", from_toml)];
        for (how, other) in others {
            let again = assess_with(&other, assessment, &options(cap));
            let text = again.to_json();
            prop_assert!(text == json, "{how}: {}", first_difference(&json, &text));
            prop_assert_eq!(again.to_markdown(), first.to_markdown());
        }
        if !cap {
            let again = framework.assess_json(&assessment.to_json()).map_err(|e| fail("assess_json", e))?;
            prop_assert_eq!(again.to_json(), json);
        }
    }

    /// Invariant 7: definitions round-trip through JSON and TOML, assessments and reports
    /// through JSON, to equal values (fits to the bit).
    #[test]
    fn definitions_assessments_and_reports_round_trip(case in cases(), cap in any::<bool>()) {
        let Case { framework, assessment } = &case;
        let def = framework.definition();
        let json = framework.to_json();
        let back: FrameworkDefinition = serde_json::from_str(&json).map_err(|e| fail("definition from JSON", e))?;
        prop_assert_eq!(&back, def);
        let back = Framework::from_json(&json).map_err(|e| fail("framework from JSON", e))?;
        prop_assert_eq!(&back, framework);
        let text = serde_json::to_string(framework).unwrap();
        let back: Framework = serde_json::from_str(&text).map_err(|e| fail("serde", e))?;
        prop_assert_eq!(&back, framework);
        let toml = framework.to_toml().map_err(|e| fail("to TOML", e))?;
        let back: FrameworkDefinition = toml::from_str(&toml).map_err(|e| fail("definition from TOML", e))?;
        prop_assert_eq!(&back, def, "through TOML:\n{}", toml);

        let text = assessment.to_json();
        let back = Assessment::from_json(&text).map_err(|e| fail("assessment", e))?;
        prop_assert_eq!(&back, assessment, "{}", text);
        let text = serde_json::to_string(assessment).unwrap();
        let back: Assessment = serde_json::from_str(&text).map_err(|e| fail("serde", e))?;
        prop_assert_eq!(&back, assessment);

        let report = assess_with(framework, assessment, &options(cap));
        let text = report.to_json();
        let back: Report = serde_json::from_str(&text).map_err(|e| fail("report", e))?;
        for (b, r) in back.levels.iter().zip(&report.levels) {
            prop_assert_eq!(b.fit.to_bits(), r.fit.to_bits(), "fit of {}", r.level);
        }
        prop_assert_eq!(back.points.to_bits(), report.points.to_bits());
        prop_assert_eq!(&back, &report);
        prop_assert_eq!(back.to_json(), text);
    }

    /// Invariant 7: `Proficiency` round-trips through `Display`/`FromStr`, and the one
    /// grammar takes the name in any case, with a space or dash for the underscore, padded,
    /// and the digit.
    #[test]
    fn proficiency_round_trips_through_display_and_from_str(
        p in select(&Proficiency::ALL[..]), upper in proptest::collection::vec(any::<bool>(), 17),
        sep in select(&["_", " ", "-"][..]), pad in select(&["", " ", "\t", "  \n"][..]),
    ) {
        prop_assert_eq!(p.to_string().parse::<Proficiency>(), Ok(p));
        prop_assert_eq!(p.as_u8().to_string().parse::<Proficiency>(), Ok(p));
        let written: String = p
            .to_string()
            .chars()
            .zip(upper.iter().cycle())
            .map(|(c, &u)| match c {
                '_' => sep.to_owned(),
                _ if u => c.to_ascii_uppercase().to_string(),
                _ => c.to_string(),
            })
            .collect();
        let padded = format!("{pad}{written}{pad}");
        prop_assert_eq!(padded.parse::<Proficiency>(), Ok(p), "{:?}", padded);
        let json: Proficiency = serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
        prop_assert_eq!(json, p);
        let number: Proficiency = serde_json::from_str(&p.as_u8().to_string()).unwrap();
        prop_assert_eq!(number, p);
    }
}

// ---------------------------------------------------------------------------------------
// Invariant 8: invalid frameworks are refused, naming the culprit
// ---------------------------------------------------------------------------------------

/// One way to break a valid definition, with the error it must give: the kind (checked by
/// `kind_ok`), the field, and texts the message must contain (the culprit's ids).
struct Broken {
    def: FrameworkDefinition,
    /// The field the error names; empty for a cycle, whose field is checked from its path.
    field: String,
    mentions: Vec<String>,
    kind_ok: Box<dyn Fn(&ErrorKind) -> bool>,
    /// Whether the definition can be written as JSON (no NaN or infinite number).
    writable: bool,
}

/// Adds a mutation to `$out`: the broken definition, the field its error names, the ids
/// its message names, and the pattern its kind matches.
macro_rules! broken {
    ($out:ident, $def:expr, $field:expr, [$($mention:expr),*], $kind:pat $(if $guard:expr)?) => {{
        let def: FrameworkDefinition = $def;
        let writable = def.skills.iter().all(|s| s.weight.is_finite());
        $out.push(Broken {
            def,
            field: $field,
            mentions: vec![$($mention.to_string()),*],
            kind_ok: Box::new(move |k: &ErrorKind| matches!(k, $kind $(if $guard)?)),
            writable,
        });
    }};
}

/// `def` changed by `change`.
fn with(
    def: &FrameworkDefinition,
    change: impl FnOnce(&mut FrameworkDefinition),
) -> FrameworkDefinition {
    let mut copy = def.clone();
    change(&mut copy);
    copy
}

/// Whether step `from` needs step `to`, directly or not (or is it).
fn needs(def: &FrameworkDefinition, from: usize, to: usize) -> bool {
    let mut stack = vec![from];
    let mut seen = vec![false; def.steps.len()];
    while let Some(x) = stack.pop() {
        if x == to {
            return true;
        }
        if !std::mem::replace(&mut seen[x], true) {
            stack.extend(def.steps[x].prerequisites.iter().map(|p| index_of(def, p)));
        }
    }
    false
}

fn index_of(def: &FrameworkDefinition, step: &skillgauge::Id) -> usize {
    def.steps.iter().position(|x| x.id == *step).unwrap()
}

/// Every mutation that applies to `def`, each breaking one rule.
#[allow(clippy::too_many_lines)] // one case per condition
fn mutations(def: &FrameworkDefinition, pick: &[Index; 3]) -> Vec<Broken> {
    use ErrorKind as K;
    let mut out: Vec<Broken> = Vec::new();
    let (ns, nl, nst, nt) = (
        def.skills.len(),
        def.levels.len(),
        def.steps.len(),
        def.training.len(),
    );
    let (si, li) = (pick[0].index(ns), pick[1].index(nl));

    // Duplicate ids: a copy of an existing element at the end.
    let dup = def.skills[si].id.clone();
    broken!(out, with(def, |d| d.skills.push(def.skills[si].clone())), format!("skills[{ns}].id"), [dup],
        K::DuplicateId { kind: IdKind::Skill, id, .. } if *id == dup);
    let dup = def.levels[li].id.clone();
    broken!(out, with(def, |d| d.levels.push(def.levels[li].clone())), format!("levels[{nl}].id"), [dup],
        K::DuplicateId { kind: IdKind::Level, id, .. } if *id == dup);
    if nt > 0 {
        let t = pick[2].index(nt);
        let dup = def.training[t].id.clone();
        broken!(out, with(def, |d| d.training.push(def.training[t].clone())), format!("training[{nt}].id"), [dup],
            K::DuplicateId { kind: IdKind::Training, id, .. } if *id == dup);
    }

    // Unknown ids.
    broken!(out, with(def, |d| { d.levels[li].requires.insert(id("zz-unknown"), Proficiency::Novice); }),
        format!("levels[{li}].requires.zz-unknown"), ["zz-unknown"],
        K::UnknownId { kind: IdKind::Skill, id, .. } if *id == "zz-unknown");

    if nst > 0 {
        let i = pick[2].index(nst);
        let s = &def.steps[i];
        let dup = s.id.clone();
        broken!(out, with(def, |d| d.steps.push(s.clone())), format!("steps[{nst}].id"), [dup],
            K::DuplicateId { kind: IdKind::Step, id, .. } if *id == dup);
        broken!(
            out,
            with(def, |d| {
                d.steps[i]
                    .develops
                    .insert(id("zz-unknown"), Proficiency::Competent);
            }),
            format!("steps[{i}].develops.zz-unknown"),
            ["zz-unknown"],
            K::UnknownId {
                kind: IdKind::Skill,
                ..
            }
        );
        let j = s.prerequisites.len();
        broken!(out, with(def, |d| d.steps[i].prerequisites.push(id("zz-missing"))),
            format!("steps[{i}].prerequisites[{j}]"), ["zz-missing"],
            K::UnknownId { kind: IdKind::Step, id, .. } if *id == "zz-missing");
        let j = s.training.len();
        broken!(
            out,
            with(def, |d| d.steps[i].training.push(id("zz-course"))),
            format!("steps[{i}].training[{j}]"),
            ["zz-course"],
            K::UnknownId {
                kind: IdKind::Training,
                ..
            }
        );
        // A step that develops a skill to none.
        let skill = def.skills[si].id.clone();
        broken!(
            out,
            with(def, |d| {
                d.steps[i].develops.insert(skill.clone(), Proficiency::None);
            }),
            format!("steps[{i}].develops.{skill}"),
            [s.id],
            K::DevelopsNone { .. }
        );
        // Effort that does not fit the kind.
        if s.kind == StepKind::Habit {
            broken!(
                out,
                with(def, |d| d.steps[i].hours_per_week = None),
                format!("steps[{i}].hours_per_week"),
                [s.id],
                K::MissingEffort {
                    kind: StepKind::Habit,
                    ..
                }
            );
            broken!(
                out,
                with(def, |d| d.steps[i].hours = Some(10)),
                format!("steps[{i}].hours"),
                [s.id],
                K::WrongEffort { .. }
            );
        } else {
            broken!(
                out,
                with(def, |d| d.steps[i].hours = None),
                format!("steps[{i}].hours"),
                [s.id],
                K::MissingEffort { .. }
            );
            broken!(
                out,
                with(def, |d| d.steps[i].hours_per_week = Some(5)),
                format!("steps[{i}].hours_per_week"),
                [s.id],
                K::WrongEffort { .. }
            );
            broken!(
                out,
                with(def, |d| d.steps[i].hours = Some(0)),
                format!("steps[{i}].hours"),
                [],
                K::OutOfRange { .. }
            );
        }
    }

    // A prerequisite cycle: a step made to need itself or a step that (transitively) needs
    // it; and a habit as a prerequisite.
    let doers: Vec<usize> = (0..nst)
        .filter(|&i| def.steps[i].kind != StepKind::Habit)
        .collect();
    if !doers.is_empty() {
        let i = doers[pick[0].index(doers.len())];
        let dependants: Vec<usize> = doers
            .iter()
            .copied()
            .filter(|&j| needs(def, j, i))
            .collect();
        let j = dependants[pick[1].index(dependants.len())];
        let (waits, awaited) = (def.steps[i].id.clone(), def.steps[j].id.clone());
        let cyclic = with(def, |d| d.steps[i].prerequisites.push(awaited.clone()));
        let check = cyclic.clone();
        broken!(out, cyclic, String::new(), [waits, awaited],
            K::PrerequisiteCycle { path, .. } if path.len() >= 2
                && path.first() == path.last()
                && path.contains(&waits)
                && path.contains(&awaited)
                && path.windows(2).all(|w| check.steps[index_of(&check, &w[0])].prerequisites.contains(&w[1])));
        if let Some(h) = def.steps.iter().position(|s| s.kind == StepKind::Habit) {
            let j = def.steps[i].prerequisites.len();
            broken!(
                out,
                with(def, |d| d.steps[i]
                    .prerequisites
                    .push(def.steps[h].id.clone())),
                format!("steps[{i}].prerequisites[{j}]"),
                [def.steps[h].id],
                K::HabitPrerequisite { .. }
            );
        }
    }

    // Requirements and thresholds that fall up the ladder.
    for l in 1..nl {
        let (level, below) = (def.levels[l].id.clone(), def.levels[l - 1].id.clone());
        let requires = &def.levels[l - 1].requires;
        if let Some((skill, &q)) = requires.iter().nth(pick[2].index(requires.len().max(1))) {
            let lower = proficiency_below(q);
            let changed = with(def, |d| {
                d.levels[l].requires.remove(skill);
                if lower > Proficiency::None {
                    d.levels[l].requires.insert(skill.clone(), lower);
                }
            });
            let (s, up, down) = (skill.clone(), level.clone(), below.clone());
            broken!(out, changed, format!("levels[{l}].requires.{skill}"), [level, below],
                K::DecreasingRequirement { level: x, lower: y, skill: z, required, lower_required, .. }
                    if *x == up && *y == down && *z == s && *required == lower && *lower_required == q);
        }
        if let Some(p) = def.levels[l - 1].min_points.filter(|&p| p > 0.0) {
            broken!(
                out,
                with(def, |d| d.levels[l].min_points =
                    Some(milli(thousandths(p) - 1))),
                format!("levels[{l}].min_points"),
                [level, below],
                K::DecreasingMinPoints { .. }
            );
        }
    }
    broken!(
        out,
        with(def, |d| d.levels[li].min_points =
            Some(d.levels[li].min_points.unwrap_or(0.0) + 0.0001)),
        format!("levels[{li}].min_points"),
        [],
        K::TooPrecise { .. }
    );
    let most: u64 = def
        .skills
        .iter()
        .map(|s| thousandths(s.weight) * u64::from(def.points[5]))
        .sum();
    broken!(
        out,
        with(def, |d| d.levels[nl - 1].min_points = Some(milli(most + 1))),
        format!("levels[{}].min_points", nl - 1),
        [def.levels[nl - 1].id],
        K::UnreachableMinPoints { .. }
    );

    // Weights that are not positive, too precise, too large or not numbers.
    for bad in [
        0.0,
        0.0001,
        0.0005,
        -1.0,
        5e-324,
        1_000_000.5,
        1e7,
        f64::NAN,
        f64::INFINITY,
    ] {
        let skill = def.skills[si].id.clone();
        broken!(out, with(def, |d| d.skills[si].weight = bad), format!("skills[{si}].weight"), [skill],
            K::InvalidWeight { skill: s, .. } if *s == skill);
    }

    // Settings: fit, points table, paces, names.
    broken!(
        out,
        with(def, |d| d.fit.decay[0] = 0.9),
        "fit.decay[0]".into(),
        [],
        K::InvalidDecay { previous: None, .. }
    );
    if let Some(k) = (1..5).find(|&k| def.fit.decay[k - 1] < 1.0) {
        broken!(
            out,
            with(def, |d| d.fit.decay[k] =
                milli(thousandths(def.fit.decay[k - 1]) + 1)),
            format!("fit.decay[{k}]"),
            [],
            K::InvalidDecay {
                previous: Some(_),
                ..
            }
        );
    }
    broken!(
        out,
        with(def, |d| d.fit.decay[2] = 0.12345),
        "fit.decay[2]".into(),
        [],
        K::TooPrecise { .. }
    );
    if def.fit.near < 1.0 {
        broken!(
            out,
            with(def, |d| d.fit.stretch =
                milli(thousandths(def.fit.near) + 1)),
            "fit.stretch".into(),
            [],
            K::StretchAboveNear { .. }
        );
    }
    if let Some(k) = (1..6).find(|&k| def.points[k - 1] > 0) {
        broken!(
            out,
            with(def, |d| d.points[k] = def.points[k - 1] - 1),
            format!("points[{k}]"),
            [],
            K::DecreasingPoints { .. }
        );
    }
    broken!(
        out,
        with(def, |d| d.points[5] = 10_001),
        "points[5]".into(),
        [],
        K::OutOfRange { .. }
    );
    for hours in [0, 169] {
        broken!(
            out,
            with(def, |d| d.work_hours_per_week = hours),
            "work_hours_per_week".into(),
            [],
            K::OutOfRange { .. }
        );
        if nt > 0 {
            let t = pick[2].index(nt);
            broken!(
                out,
                with(def, |d| d.training[t].hours_per_week = Some(hours)),
                format!("training[{t}].hours_per_week"),
                [],
                K::OutOfRange { .. }
            );
        }
    }
    broken!(
        out,
        with(def, |d| "   ".clone_into(&mut d.skills[si].name)),
        format!("skills[{si}].name"),
        [],
        K::Blank { .. }
    );
    broken!(
        out,
        with(def, |d| d.skills.clear()),
        "skills".into(),
        [],
        K::Empty { .. }
    );
    out
}

fn proficiency_below(p: Proficiency) -> Proficiency {
    Proficiency::from_u8(p.as_u8().saturating_sub(1)).unwrap_or_default()
}

proptest! {
    #![proptest_config(config())]

    /// Invariant 8: each mutation of a valid definition is refused by `Framework::new`
    /// with the right kind of error naming the field and the ids at fault; loading the
    /// same definition from JSON and TOML gives the same error, with its line.
    #[test]
    fn broken_definitions_are_refused_naming_the_culprit(
        def in definitions(), pick in any::<[Index; 3]>(),
    ) {
        for broken in &mutations(&def, &pick) {
            check_refused(broken)?;
        }
    }
}

fn check_refused(broken: &Broken) -> Result<(), TestCaseError> {
    let what = if broken.field.is_empty() {
        "cycle"
    } else {
        broken.field.as_str()
    };
    let Err(err) = Framework::new(broken.def.clone()) else {
        return Err(TestCaseError::fail(format!("{what}: accepted")));
    };
    prop_assert!(
        (broken.kind_ok)(err.kind()),
        "{what}: wrong error {:?}",
        err.kind()
    );
    let message = err.to_string();
    if let ErrorKind::PrerequisiteCycle { path, .. } = err.kind() {
        // The prerequisites of the cycle's first step.
        let first = broken
            .def
            .steps
            .iter()
            .position(|s| s.id == path[0])
            .unwrap();
        let field = format!("steps[{first}].prerequisites");
        prop_assert_eq!(err.field(), Some(field.as_str()), "{}: {}", what, message);
    } else {
        prop_assert_eq!(
            err.field(),
            Some(broken.field.as_str()),
            "{}: {}",
            what,
            message
        );
    }
    for culprit in &broken.mentions {
        prop_assert!(
            message.contains(culprit.as_str()),
            "{what}: `{message}` does not name {culprit}"
        );
    }
    prop_assert!(
        !message.ends_with('.'),
        "{what}: `{message}` ends with a period"
    );
    if !broken.writable {
        return Ok(());
    }
    let json = serde_json::to_string_pretty(&broken.def).unwrap();
    let Err(from_json) = Framework::from_json(&json) else {
        return Err(TestCaseError::fail(format!("{what}: accepted from JSON")));
    };
    prop_assert_eq!(
        discriminant(from_json.kind()),
        discriminant(err.kind()),
        "{}: from JSON {:?}",
        what,
        from_json.kind()
    );
    prop_assert_eq!(from_json.field(), err.field());
    prop_assert!(
        from_json.line().is_some(),
        "{what}: no line for {:?} in JSON",
        err.field()
    );
    if let Ok(toml) = toml::to_string(&broken.def) {
        let Err(from_toml) = Framework::from_toml(&toml) else {
            return Err(TestCaseError::fail(format!("{what}: accepted from TOML")));
        };
        prop_assert_eq!(
            discriminant(from_toml.kind()),
            discriminant(err.kind()),
            "{}: from TOML {:?}",
            what,
            from_toml.kind()
        );
        prop_assert_eq!(from_toml.field(), err.field());
        prop_assert!(
            from_toml.line().is_some(),
            "{what}: no line for {:?} in TOML",
            err.field()
        );
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Invariant 2: nothing panics on any input
// ---------------------------------------------------------------------------------------

/// Tokens that break parsers and validators in interesting ways.
const TOKENS: [&str; 24] = [
    "",
    "-1",
    "0",
    "1e400",
    "-0.0",
    "0.0001",
    "1e-320",
    "99999999999999999999",
    "NaN",
    "null",
    "true",
    "\"\"",
    "\"expert\"",
    "\"zz\"",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\u{0}",
    "é",
    "\n",
];

/// A text with `edits` applied: each deletes a few characters at a position or inserts a
/// token there.
fn mutate(text: &str, edits: &[(Index, usize, usize)]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for &(at, op, n) in edits {
        let i = at.index(chars.len() + 1);
        if op == 0 {
            let end = (i + n % 8).min(chars.len());
            chars.drain(i..end);
        } else {
            let token = TOKENS[n % TOKENS.len()];
            chars.splice(i..i, token.chars());
        }
    }
    chars.into_iter().collect()
}

fn edits() -> impl Strategy<Value = Vec<(Index, usize, usize)>> {
    proptest::collection::vec((any::<Index>(), 0usize..2, any::<usize>()), 1..6)
}

/// Loads and uses whatever a text gives; an error must say something and point at a real
/// line.
fn exercise(
    loaded: Result<Framework, skillgauge::Error>,
    text: &str,
    assessment: &Assessment,
) -> Result<(), TestCaseError> {
    match loaded {
        Ok(framework) => {
            if let Ok(report) = framework.assess(assessment) {
                let _ = (report.to_json(), report.to_markdown(), report.to_string());
            }
            let _ = framework.assess(&Assessment::new()).map(|r| r.to_json());
        }
        Err(err) => {
            let message = err.to_string();
            prop_assert!(!message.is_empty());
            if let Some(line) = err.line() {
                prop_assert!(
                    line >= 1 && line <= text.lines().count().max(1) + 1,
                    "line {line} of a {}-line text",
                    text.lines().count()
                );
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    /// Invariant 2: arbitrary text never panics the loaders.
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}", bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let raw = String::from_utf8_lossy(&bytes).into_owned();
        for t in [&text, &raw] {
            exercise(Framework::from_json(t), t, &Assessment::new())?;
            exercise(Framework::from_toml(t), t, &Assessment::new())?;
            let _ = Assessment::from_json(t);
            let _ = Framework::backend_developer().assess_json(t);
        }
    }

    /// Invariant 2: valid frameworks and assessments with random edits never panic
    /// anything: loading, assessing, rendering.
    #[test]
    fn edited_valid_texts_never_panic(
        case in cases(), json_edits in edits(), toml_edits in edits(), assessment_edits in edits(),
    ) {
        let Case { framework, assessment } = &case;
        let json = mutate(&framework.to_json(), &json_edits);
        exercise(Framework::from_json(&json), &json, assessment)?;
        let toml = mutate(&framework.to_toml().unwrap(), &toml_edits);
        exercise(Framework::from_toml(&toml), &toml, assessment)?;
        let text = mutate(&assessment.to_json(), &assessment_edits);
        if let Ok(edited) = Assessment::from_json(&text) {
            if let Ok(report) = framework.assess_with(&edited, &capped()) {
                let _ = (report.to_json(), report.to_markdown(), report.to_string());
            }
        }
        match framework.assess_json(&text) {
            Ok(report) => { let _ = report.to_markdown(); }
            Err(err) => prop_assert!(!err.to_string().is_empty()),
        }
    }
}
