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
        for (how, other) in [("clone", framework.clone()), ("new", rebuilt), ("json", from_json), ("toml", from_toml)] {
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
        let back: Framework = serde_json::from_str(&serde_json::to_string(framework).unwrap()).map_err(|e| fail("serde", e))?;
        prop_assert_eq!(&back, framework);
        let toml = framework.to_toml().map_err(|e| fail("to TOML", e))?;
        let back: FrameworkDefinition = toml::from_str(&toml).map_err(|e| fail("definition from TOML", e))?;
        prop_assert_eq!(&back, def, "through TOML:\n{}", toml);

        let text = assessment.to_json();
        let back = Assessment::from_json(&text).map_err(|e| fail("assessment", e))?;
        prop_assert_eq!(&back, assessment, "{}", text);
        let back: Assessment = serde_json::from_str(&serde_json::to_string(assessment).unwrap()).map_err(|e| fail("serde", e))?;
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
            .map(|(c, &u)| if c == '_' { sep.to_owned() } else if u { c.to_ascii_uppercase().to_string() } else { c.to_string() })
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
    what: String,
    def: FrameworkDefinition,
    field: String,
    mentions: Vec<String>,
    kind_ok: Box<dyn Fn(&ErrorKind) -> bool>,
    /// Whether the definition can be written as JSON (no NaN or infinite number).
    writable: bool,
}

/// Every mutation that applies to `def`.
#[allow(clippy::too_many_lines)] // one case per condition
fn mutations(def: &FrameworkDefinition, pick: &[Index; 3]) -> Vec<Broken> {
    let mut out: Vec<Broken> = Vec::new();
    let mut add = |what: String,
                   def: FrameworkDefinition,
                   field: String,
                   mentions: Vec<String>,
                   kind_ok: Box<dyn Fn(&ErrorKind) -> bool>| {
        let writable = def.skills.iter().all(|s| s.weight.is_finite());
        out.push(Broken {
            what,
            def,
            field,
            mentions,
            kind_ok,
            writable,
        });
    };
    let (ns, nl, nst, nt) = (
        def.skills.len(),
        def.levels.len(),
        def.steps.len(),
        def.training.len(),
    );
    let si = pick[0].index(ns);
    let li = pick[1].index(nl);

    // Duplicate ids: a copy of an existing element at the end.
    let mut copy = def.clone();
    copy.skills.push(def.skills[si].clone());
    let dup = def.skills[si].id.clone();
    add(
        format!("duplicate skill {dup}"),
        copy,
        format!("skills[{ns}].id"),
        vec![dup.to_string()],
        Box::new(
            move |k| matches!(k, ErrorKind::DuplicateId { kind: IdKind::Skill, id, .. } if *id == dup),
        ),
    );
    let mut copy = def.clone();
    copy.levels.push(def.levels[li].clone());
    let dup = def.levels[li].id.clone();
    add(
        format!("duplicate level {dup}"),
        copy,
        format!("levels[{nl}].id"),
        vec![dup.to_string()],
        Box::new(
            move |k| matches!(k, ErrorKind::DuplicateId { kind: IdKind::Level, id, .. } if *id == dup),
        ),
    );
    if nt > 0 {
        let mut copy = def.clone();
        let t = pick[2].index(nt);
        copy.training.push(def.training[t].clone());
        let dup = def.training[t].id.clone();
        add(
            format!("duplicate training {dup}"),
            copy,
            format!("training[{nt}].id"),
            vec![dup.to_string()],
            Box::new(
                move |k| matches!(k, ErrorKind::DuplicateId { kind: IdKind::Training, id, .. } if *id == dup),
            ),
        );
    }
    if nst > 0 {
        let i = pick[2].index(nst);
        let mut copy = def.clone();
        copy.steps.push(def.steps[i].clone());
        let dup = def.steps[i].id.clone();
        add(
            format!("duplicate step {dup}"),
            copy,
            format!("steps[{nst}].id"),
            vec![dup.to_string()],
            Box::new(
                move |k| matches!(k, ErrorKind::DuplicateId { kind: IdKind::Step, id, .. } if *id == dup),
            ),
        );
    }

    // Unknown ids.
    let mut copy = def.clone();
    copy.levels[li]
        .requires
        .insert(id("zz-unknown"), Proficiency::Novice);
    add(
        "unknown skill in requires".into(),
        copy,
        format!("levels[{li}].requires.zz-unknown"),
        vec!["zz-unknown".into()],
        Box::new(
            |k| matches!(k, ErrorKind::UnknownId { kind: IdKind::Skill, id, .. } if *id == "zz-unknown"),
        ),
    );
    if nst > 0 {
        let i = pick[2].index(nst);
        let mut copy = def.clone();
        copy.steps[i]
            .develops
            .insert(id("zz-unknown"), Proficiency::Competent);
        add(
            "unknown skill in develops".into(),
            copy,
            format!("steps[{i}].develops.zz-unknown"),
            vec!["zz-unknown".into()],
            Box::new(|k| {
                matches!(
                    k,
                    ErrorKind::UnknownId {
                        kind: IdKind::Skill,
                        ..
                    }
                )
            }),
        );
        let mut copy = def.clone();
        let j = copy.steps[i].prerequisites.len();
        copy.steps[i].prerequisites.push(id("zz-missing"));
        add(
            "unknown prerequisite".into(),
            copy,
            format!("steps[{i}].prerequisites[{j}]"),
            vec!["zz-missing".into()],
            Box::new(
                |k| matches!(k, ErrorKind::UnknownId { kind: IdKind::Step, id, .. } if *id == "zz-missing"),
            ),
        );
        let mut copy = def.clone();
        let j = copy.steps[i].training.len();
        copy.steps[i].training.push(id("zz-course"));
        add(
            "unknown training".into(),
            copy,
            format!("steps[{i}].training[{j}]"),
            vec!["zz-course".into()],
            Box::new(|k| {
                matches!(
                    k,
                    ErrorKind::UnknownId {
                        kind: IdKind::Training,
                        ..
                    }
                )
            }),
        );
        // A step develops a skill to none.
        let mut copy = def.clone();
        let skill = def.skills[si].id.clone();
        copy.steps[i]
            .develops
            .insert(skill.clone(), Proficiency::None);
        add(
            "develops none".into(),
            copy,
            format!("steps[{i}].develops.{skill}"),
            vec![def.steps[i].id.to_string()],
            Box::new(|k| matches!(k, ErrorKind::DevelopsNone { .. })),
        );
        // Effort that does not fit the kind.
        let s = &def.steps[i];
        let mut copy = def.clone();
        if s.kind == StepKind::Habit {
            copy.steps[i].hours_per_week = None;
            add(
                "habit without hours a week".into(),
                copy,
                format!("steps[{i}].hours_per_week"),
                vec![s.id.to_string()],
                Box::new(|k| {
                    matches!(
                        k,
                        ErrorKind::MissingEffort {
                            kind: StepKind::Habit,
                            ..
                        }
                    )
                }),
            );
            let mut copy = def.clone();
            copy.steps[i].hours = Some(10);
            add(
                "habit with hours".into(),
                copy,
                format!("steps[{i}].hours"),
                vec![s.id.to_string()],
                Box::new(|k| matches!(k, ErrorKind::WrongEffort { .. })),
            );
        } else {
            copy.steps[i].hours = None;
            add(
                "step without hours".into(),
                copy,
                format!("steps[{i}].hours"),
                vec![s.id.to_string()],
                Box::new(|k| matches!(k, ErrorKind::MissingEffort { .. })),
            );
            let mut copy = def.clone();
            copy.steps[i].hours_per_week = Some(5);
            add(
                "step with hours a week".into(),
                copy,
                format!("steps[{i}].hours_per_week"),
                vec![s.id.to_string()],
                Box::new(|k| matches!(k, ErrorKind::WrongEffort { .. })),
            );
            let mut copy = def.clone();
            copy.steps[i].hours = Some(0);
            add(
                "step of 0 hours".into(),
                copy,
                format!("steps[{i}].hours"),
                vec![],
                Box::new(|k| matches!(k, ErrorKind::OutOfRange { .. })),
            );
        }
    }

    // Prerequisite cycles: a step made to need itself or a step that (transitively) needs it.
    let index_of = |copy: &FrameworkDefinition, s: &skillgauge::Id| {
        copy.steps.iter().position(|x| x.id == *s).unwrap()
    };
    let needs = |copy: &FrameworkDefinition, from: usize, to: usize| -> bool {
        let mut stack = vec![from];
        let mut seen = vec![false; copy.steps.len()];
        while let Some(x) = stack.pop() {
            if x == to {
                return true;
            }
            if !std::mem::replace(&mut seen[x], true) {
                stack.extend(
                    copy.steps[x]
                        .prerequisites
                        .iter()
                        .map(|p| index_of(copy, p)),
                );
            }
        }
        false
    };
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
        let mut copy = def.clone();
        copy.steps[i].prerequisites.push(def.steps[j].id.clone());
        let (from_step, to_step) = (def.steps[i].id.clone(), def.steps[j].id.clone());
        let mut ids = vec![from_step.to_string(), to_step.to_string()];
        ids.dedup();
        let check = copy.clone();
        add(
            format!("cycle through {from_step} and {to_step}"),
            copy,
            String::new(),
            ids,
            Box::new(move |k| match k {
                ErrorKind::PrerequisiteCycle { path, .. } => {
                    path.len() >= 2
                        && path.first() == path.last()
                        && path.contains(&from_step)
                        && path.contains(&to_step)
                        && path.windows(2).all(|w| {
                            check.steps[index_of(&check, &w[0])]
                                .prerequisites
                                .contains(&w[1])
                        })
                }
                _ => false,
            }),
        );
        // A habit as a prerequisite.
        if let Some(h) = def.steps.iter().position(|s| s.kind == StepKind::Habit) {
            let mut copy = def.clone();
            let j = copy.steps[i].prerequisites.len();
            copy.steps[i].prerequisites.push(def.steps[h].id.clone());
            add(
                "habit prerequisite".into(),
                copy,
                format!("steps[{i}].prerequisites[{j}]"),
                vec![def.steps[h].id.to_string()],
                Box::new(|k| matches!(k, ErrorKind::HabitPrerequisite { .. })),
            );
        }
    }

    // Requirements and thresholds that fall up the ladder.
    for l in 1..nl {
        if let Some((skill, &q)) = def.levels[l - 1]
            .requires
            .iter()
            .nth(pick[2].index(def.levels[l - 1].requires.len().max(1)))
        {
            let mut copy = def.clone();
            let lower = proficiency_below(q);
            if lower == Proficiency::None {
                copy.levels[l].requires.remove(skill);
            } else {
                copy.levels[l].requires.insert(skill.clone(), lower);
            }
            let (level, below, skill_id) = (
                def.levels[l].id.clone(),
                def.levels[l - 1].id.clone(),
                skill.clone(),
            );
            add(
                format!("{level} requires {skill_id} below {below}"),
                copy,
                format!("levels[{l}].requires.{skill}"),
                vec![level.to_string(), below.to_string()],
                Box::new(move |k| {
                    matches!(k, ErrorKind::DecreasingRequirement { level: got_level, lower: got_lower, skill: got_skill, required, lower_required, .. }
                    if *got_level == level && *got_lower == below && *got_skill == skill_id && *required == lower && *lower_required == q)
                }),
            );
        }
        if let Some(p) = def.levels[l - 1].min_points.filter(|&p| p > 0.0) {
            let mut copy = def.clone();
            copy.levels[l].min_points = Some(milli(thousandths(p) - 1));
            add(
                format!("min_points of level {l} falls"),
                copy,
                format!("levels[{l}].min_points"),
                vec![
                    def.levels[l].id.to_string(),
                    def.levels[l - 1].id.to_string(),
                ],
                Box::new(|k| matches!(k, ErrorKind::DecreasingMinPoints { .. })),
            );
        }
    }
    let mut copy = def.clone();
    copy.levels[li].min_points = Some(copy.levels[li].min_points.unwrap_or(0.0) + 0.0001);
    add(
        "min_points with four decimals".into(),
        copy,
        format!("levels[{li}].min_points"),
        vec![],
        Box::new(|k| matches!(k, ErrorKind::TooPrecise { .. })),
    );
    let most: u64 = def
        .skills
        .iter()
        .map(|s| thousandths(s.weight) * u64::from(def.points[5]))
        .sum();
    let mut copy = def.clone();
    copy.levels[nl - 1].min_points = Some(milli(most + 1));
    add(
        "unreachable min_points".into(),
        copy,
        format!("levels[{}].min_points", nl - 1),
        vec![def.levels[nl - 1].id.to_string()],
        Box::new(|k| matches!(k, ErrorKind::UnreachableMinPoints { .. })),
    );

    // Bad weights.
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
        let mut copy = def.clone();
        copy.skills[si].weight = bad;
        let skill = def.skills[si].id.clone();
        add(
            format!("weight {bad}"),
            copy,
            format!("skills[{si}].weight"),
            vec![skill.to_string()],
            Box::new(
                move |k| matches!(k, ErrorKind::InvalidWeight { skill: s, .. } if *s == skill),
            ),
        );
    }

    // Settings: fit, points table, paces.
    let mut copy = def.clone();
    copy.fit.decay[0] = 0.9;
    add(
        "decay not starting at 1".into(),
        copy,
        "fit.decay[0]".into(),
        vec![],
        Box::new(|k| matches!(k, ErrorKind::InvalidDecay { previous: None, .. })),
    );
    if let Some(k) = (1..5).find(|&k| def.fit.decay[k - 1] < 1.0) {
        let mut copy = def.clone();
        copy.fit.decay[k] = milli(thousandths(def.fit.decay[k - 1]) + 1);
        add(
            "decay rising".into(),
            copy,
            format!("fit.decay[{k}]"),
            vec![],
            Box::new(|k| {
                matches!(
                    k,
                    ErrorKind::InvalidDecay {
                        previous: Some(_),
                        ..
                    }
                )
            }),
        );
    }
    let mut copy = def.clone();
    copy.fit.decay[2] = 0.12345;
    add(
        "decay with five decimals".into(),
        copy,
        "fit.decay[2]".into(),
        vec![],
        Box::new(|k| matches!(k, ErrorKind::TooPrecise { .. })),
    );
    if def.fit.near < 1.0 {
        let mut copy = def.clone();
        copy.fit.stretch = milli(thousandths(def.fit.near) + 1);
        add(
            "stretch above near".into(),
            copy,
            "fit.stretch".into(),
            vec![],
            Box::new(|k| matches!(k, ErrorKind::StretchAboveNear { .. })),
        );
    }
    if let Some(k) = (1..6).find(|&k| def.points[k - 1] > 0) {
        let mut copy = def.clone();
        copy.points[k] = def.points[k - 1] - 1;
        add(
            "points falling".into(),
            copy,
            format!("points[{k}]"),
            vec![],
            Box::new(|k| matches!(k, ErrorKind::DecreasingPoints { .. })),
        );
    }
    let mut copy = def.clone();
    copy.points[5] = 10_001;
    add(
        "points above 10,000".into(),
        copy,
        "points[5]".into(),
        vec![],
        Box::new(|k| matches!(k, ErrorKind::OutOfRange { .. })),
    );
    for hours in [0, 169] {
        let mut copy = def.clone();
        copy.work_hours_per_week = hours;
        add(
            format!("work pace {hours}"),
            copy,
            "work_hours_per_week".into(),
            vec![],
            Box::new(|k| matches!(k, ErrorKind::OutOfRange { .. })),
        );
        if nt > 0 {
            let t = pick[2].index(nt);
            let mut copy = def.clone();
            copy.training[t].hours_per_week = Some(hours);
            add(
                format!("training pace {hours}"),
                copy,
                format!("training[{t}].hours_per_week"),
                vec![],
                Box::new(|k| matches!(k, ErrorKind::OutOfRange { .. })),
            );
        }
    }
    let mut copy = def.clone();
    copy.skills[si].name = "   ".into();
    add(
        "blank skill name".into(),
        copy,
        format!("skills[{si}].name"),
        vec![],
        Box::new(|k| matches!(k, ErrorKind::Blank { .. })),
    );
    let mut copy = def.clone();
    copy.skills.clear();
    add(
        "no skills".into(),
        copy,
        "skills".into(),
        vec![],
        Box::new(|k| matches!(k, ErrorKind::Empty { .. })),
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
    let what = &broken.what;
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
    fn edited_valid_texts_never_panic(case in cases(), json_edits in edits(), toml_edits in edits(), assessment_edits in edits()) {
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
