//! The scoring rules (DESIGN.md section 2), checked by hand on small frameworks: readiness
//! gates, points and hybrids, fit and its two parts, tiers exactly at their thresholds, the
//! overall score rounded half up exactly, exactness whatever the order of skills, blockers,
//! strengths, missing points and the salary band.

// Exact values are the point: fits, points and weights are compared exactly.
#![allow(clippy::float_cmp)]

use std::fmt::Write as _;

use skillgauge::Proficiency::{AdvancedBeginner, Competent, Expert, Novice, Proficient};
use skillgauge::{Assessment, ErrorKind, Framework, Proficiency, Report, Tier};

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

#[track_caller]
fn load(toml: &str) -> Framework {
    Framework::from_toml(toml).unwrap_or_else(|e| panic!("expected a valid framework: {e}"))
}

#[track_caller]
fn rate(framework: &Framework, ratings: &[(&str, Proficiency)]) -> Report {
    let mut a = Assessment::new();
    for &(skill, p) in ratings {
        a = a.rate(skill, p).expect("a valid id");
    }
    framework
        .assess(&a)
        .unwrap_or_else(|e| panic!("expected a report: {e}"))
}

#[track_caller]
fn rate_for(framework: &Framework, ratings: &[(&str, Proficiency)], target: &str) -> Report {
    let mut a = Assessment::new();
    for &(skill, p) in ratings {
        a = a.rate(skill, p).expect("a valid id");
    }
    a.preferences.target_level = Some(skillgauge::Id::new(target).expect("a valid id"));
    framework
        .assess(&a)
        .unwrap_or_else(|e| panic!("expected a report: {e}"))
}

/// Each level's (met, fit, tier), lowest first.
fn levels(report: &Report) -> Vec<(bool, f64, Tier)> {
    report
        .levels
        .iter()
        .map(|l| (l.met, l.fit, l.tier))
        .collect()
}

fn readiness(report: &Report) -> Option<&str> {
    report.readiness.as_ref().map(skillgauge::Id::as_str)
}

/// (skill, rating, required, gap, weight) of each blocker, in report order.
fn blockers(report: &Report) -> Vec<(&str, Proficiency, Proficiency, u8, f64)> {
    report
        .blockers
        .iter()
        .map(|b| (b.skill.as_str(), b.rating, b.required, b.gap, b.weight))
        .collect()
}

/// Skills `a` (weight 3) and `b` (weight 1); `l1` asks a novice, `l2` a competent and b
/// novice, `l3` a expert and b competent.
const GATES: &str = include_str!("fixtures/score-gates.toml");

// ---------------------------------------------------------------------------------------
// Readiness (gates)
// ---------------------------------------------------------------------------------------

#[test]
fn nothing_rated_is_not_yet_ready() {
    let r = rate(&load(GATES), &[]);
    assert_eq!(readiness(&r), None);
    assert_eq!(r.readiness_name, None);
    assert_eq!(r.target, "l1");
    assert_eq!((r.score, r.points), (0, 0.0));
    // l1: a misses by 1: 0.7.
    // l2: a misses by 3 (0.15 × 3), b by 1 (0.7 × 1): 1.15 / 4 = 0.2875.
    // l3: a misses by 5, counted as 4 (0.05 × 3), b by 3 (0.15): 0.3 / 4 = 0.075.
    assert_eq!(
        levels(&r),
        [
            (false, 0.7, Tier::Stretch),
            (false, 0.2875, Tier::Aspirational),
            (false, 0.075, Tier::Aspirational)
        ]
    );
}

#[test]
fn exactly_at_a_requirement_is_met_and_one_below_is_not() {
    let fw = load(GATES);
    let r = rate(&fw, &[("a", Competent), ("b", Novice)]);
    assert_eq!(readiness(&r), Some("l2"));
    assert_eq!(r.readiness_name.as_deref(), Some("Two"));
    assert_eq!((r.target.as_str(), r.target_name.as_str()), ("l3", "Three"));
    // l3: a misses by 2 (0.4 × 3), b by 2 (0.4): 1.6 / 4 = 0.4.
    assert_eq!(
        levels(&r),
        [
            (true, 1.0, Tier::Ready),
            (true, 1.0, Tier::Ready),
            (false, 0.4, Tier::Aspirational)
        ]
    );

    let r = rate(&fw, &[("a", AdvancedBeginner), ("b", Novice)]);
    assert_eq!(readiness(&r), Some("l1"));
    // l2: a misses by 1 (0.7 × 3), b met (1): 3.1 / 4 = 0.775.
    assert_eq!(r.levels[1].fit, 0.775);
    assert_eq!(r.levels[1].tier, Tier::Stretch);
}

#[test]
fn a_requirement_missed_by_one_near_the_top_of_the_weight_is_near() {
    let r = rate(&load(GATES), &[("a", Competent)]);
    assert_eq!(readiness(&r), Some("l1"));
    // l2: a met (3), b misses by 1 (0.7): 3.7 / 4 = 0.925.
    assert_eq!(r.levels[1].fit, 0.925);
    assert_eq!(r.levels[1].tier, Tier::Near);
    // 3 × 3 of 5 × 4: 45.
    assert_eq!(r.score, 45);
    assert_eq!(r.points, 9.0);
}

#[test]
fn met_levels_always_form_a_prefix_and_readiness_is_its_top() {
    // A level is never met while a lower one is not: every combination of ratings.
    let fw = load(GATES);
    for a in Proficiency::ALL {
        for b in Proficiency::ALL {
            let r = rate(&fw, &[("a", a), ("b", b)]);
            let met: Vec<bool> = r.levels.iter().map(|l| l.met).collect();
            let count = met.iter().take_while(|&&m| m).count();
            assert!(met[count..].iter().all(|&m| !m), "{a} {b}: {met:?}");
            let expected = count.checked_sub(1).map(|i| r.levels[i].level.as_str());
            assert_eq!(readiness(&r), expected, "{a} {b}");
            // A met level has fit 1: decay starts at 1.
            for l in &r.levels {
                assert_eq!(l.met, l.fit == 1.0 && l.tier == Tier::Ready, "{a} {b}");
            }
        }
    }
}

#[test]
fn a_ladder_that_would_let_a_higher_level_be_met_alone_is_refused() {
    // `l2` asking less of `a` than `l1` would let `l2` be met while `l1` is not.
    let toml = GATES.replace(
        r#"requires = { a = "competent", b = "novice" }"#,
        r#"requires = { b = "novice" }"#,
    );
    let err = Framework::from_toml(&toml).unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::DecreasingRequirement { level, lower, skill, .. }
            if level == "l2" && lower == "l1" && skill == "a"),
        "{err:?}"
    );
}

#[test]
fn a_level_without_requirements_is_met_by_everyone_with_fit_1() {
    let fw = load(
        r#"
id = "open"
name = "Open"
[[skills]]
id = "a"
name = "Alpha"
[[levels]]
id = "base"
name = "Base"
[[levels]]
id = "next"
name = "Next"
requires = { a = "novice" }
"#,
    );
    let r = rate(&fw, &[]);
    assert_eq!(readiness(&r), Some("base"));
    assert_eq!(r.target, "next");
    // next: a misses by 1: 0.7.
    assert_eq!(
        levels(&r),
        [(true, 1.0, Tier::Ready), (false, 0.7, Tier::Stretch)]
    );
}

// ---------------------------------------------------------------------------------------
// Points and hybrids
// ---------------------------------------------------------------------------------------

/// Medium's points table [0, 1, 3, 6, 12, 20]; `a` weighs 2, `b` and `c` 1. `p1` needs 6
/// points, `p2` 20, `p3` 40 and `a` proficient.
const POINTS: &str = include_str!("fixtures/score-points.toml");

#[test]
fn points_are_weight_times_the_table() {
    let fw = load(POINTS);
    // 2 × 6 + 1 × 1 + 1 × 20 = 33.
    let r = rate(&fw, &[("a", Competent), ("b", Novice), ("c", Expert)]);
    assert_eq!(r.points, 33.0);
    // The default table is the proficiency itself: 3 × 3 + 1 × 2 = 11.
    assert_eq!(
        rate(&load(GATES), &[("a", Competent), ("b", AdvancedBeginner)]).points,
        11.0
    );
}

#[test]
fn points_short_of_min_points_block_the_level_and_are_reported_missing() {
    let fw = load(POINTS);
    // 2 × 6 = 12 points: p1 (6) met, p2 (20) not.
    let r = rate(&fw, &[("a", Competent)]);
    assert_eq!(readiness(&r), Some("p1"));
    assert_eq!(r.target, "p2");
    assert_eq!(r.missing_points, Some(8.0));
    assert!(r.blockers.is_empty());
    // p2: no requirements (1), points 12 / 20 = 0.6. p3: a misses by 1 (0.7), points
    // 12 / 40 = 0.3: the smaller, 0.3.
    assert_eq!(
        levels(&r),
        [
            (true, 1.0, Tier::Ready),
            (false, 0.6, Tier::Stretch),
            (false, 0.3, Tier::Aspirational)
        ]
    );
    let mins: Vec<Option<f64>> = r.levels.iter().map(|l| l.min_points).collect();
    assert_eq!(mins, [Some(6.0), Some(20.0), Some(40.0)]);
}

#[test]
fn exactly_min_points_is_met_and_one_short_is_not() {
    let fw = load(POINTS);
    // 2 × 3 = 6 points: p1's 6 exactly.
    let r = rate(&fw, &[("a", AdvancedBeginner)]);
    assert_eq!((readiness(&r), r.points), (Some("p1"), 6.0));
    // 2 × 1 + 3 = 5 points: one short.
    let r = rate(&fw, &[("a", Novice), ("b", AdvancedBeginner)]);
    assert_eq!((readiness(&r), r.points), (None, 5.0));
    assert_eq!(r.missing_points, Some(1.0));
    // p1: 5 / 6 = 0.8333...: a stretch, just under near.
    assert_eq!(levels(&r)[0], (false, 5.0 / 6.0, Tier::Stretch));
}

#[test]
fn hybrid_requirement_met_but_points_short() {
    let fw = load(POINTS);
    // 2 × 12 + 1 = 25 points; a is proficient as p3 requires; 25 < 40.
    let r = rate(&fw, &[("a", Proficient), ("b", Novice)]);
    assert_eq!(readiness(&r), Some("p2"));
    assert_eq!(r.target, "p3");
    assert!(r.blockers.is_empty());
    assert_eq!(r.missing_points, Some(15.0));
    // p3: requirements 1, points 25 / 40 = 0.625.
    assert_eq!(levels(&r)[2], (false, 0.625, Tier::Stretch));
}

#[test]
fn hybrid_points_enough_but_requirement_missed() {
    let fw = load(POINTS);
    // 2 × 6 + 20 + 20 = 52 points, over p3's 40; a misses proficient by 1.
    let r = rate(&fw, &[("a", Competent), ("b", Expert), ("c", Expert)]);
    assert_eq!(readiness(&r), Some("p2"));
    assert_eq!(r.missing_points, None);
    assert_eq!(blockers(&r), [("a", Competent, Proficient, 1, 2.0)]);
    // p3: requirements 0.7, points min(1, 52 / 40) = 1: fit 0.7.
    assert_eq!(levels(&r)[2], (false, 0.7, Tier::Stretch));
    // 2 × 3 + 5 + 5 = 16 of 5 × 4 = 20: 80.
    assert_eq!(r.score, 80);
}

#[test]
fn fit_is_the_smaller_of_the_two_parts() {
    let fw = load(POINTS);
    // 2 × 6 + 20 = 32 points: p3's points part 0.8, requirements part 0.7.
    let r = rate(&fw, &[("a", Competent), ("b", Expert)]);
    assert_eq!(r.levels[2].fit, 0.7);
    // 2 × 12 = 24 points: requirements part 1, points part 0.6.
    let r = rate(&fw, &[("a", Proficient)]);
    assert_eq!(r.levels[2].fit, 0.6);
}

// ---------------------------------------------------------------------------------------
// Fit settings and tiers at their thresholds
// ---------------------------------------------------------------------------------------

#[test]
fn custom_decay_and_thresholds_change_fit_and_tiers() {
    let custom = r#"
id = "custom"
name = "Custom"
[fit]
decay = [1, 0.5, 0.25, 0.1, 0]
near = 0.9
stretch = 0.5
[[skills]]
id = "a"
name = "Alpha"
[[skills]]
id = "b"
name = "Beta"
[[levels]]
id = "l"
name = "L"
requires = { a = "expert", b = "competent" }
"#;
    let fw = load(custom);
    // a misses by 1 (0.5), b met (1): 0.75, stretch under these settings...
    let r = rate(&fw, &[("a", Proficient), ("b", Competent)]);
    assert_eq!(levels(&r), [(false, 0.75, Tier::Stretch)]);
    // ...and (0.7 + 1) / 2 = 0.85, near, under the defaults.
    let default = load(&custom.replace(
        "[fit]\ndecay = [1, 0.5, 0.25, 0.1, 0]\nnear = 0.9\nstretch = 0.5\n",
        "",
    ));
    assert_eq!(default.fit().near, 0.85);
    let r = rate(&default, &[("a", Proficient), ("b", Competent)]);
    assert_eq!(levels(&r), [(false, 0.85, Tier::Near)]);
    // a misses by 4 and by 5 alike (decay[4] = 0), b by 1 (0.5): 0.25.
    for a in [Novice, Proficiency::None] {
        let r = rate(&fw, &[("a", a), ("b", AdvancedBeginner)]);
        assert_eq!(levels(&r), [(false, 0.25, Tier::Aspirational)]);
    }
    // a by 1 (0.5) and b by 1 (0.5): 0.5, exactly stretch.
    let r = rate(&fw, &[("a", Proficient), ("b", AdvancedBeginner)]);
    assert_eq!(levels(&r), [(false, 0.5, Tier::Stretch)]);
}

#[test]
fn a_decay_that_does_not_start_at_1_is_refused() {
    let err = Framework::from_toml(
        "id = \"x\"\nname = \"X\"\n[fit]\ndecay = [0.9, 0.7, 0.4, 0.15, 0.05]\n[[skills]]\nid = \"a\"\nname = \"A\"\n[[levels]]\nid = \"l\"\nname = \"L\"\n",
    )
    .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::InvalidDecay { field, previous: None, .. } if field == "fit.decay[0]"),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "fit.decay[0]: 0.9 is not 1: a requirement met earns full credit (line 4, column 10)"
    );
}

/// Two skills `x` and `y` with `weights`, one level requiring both at competent.
fn two_weights(wx: &str, wy: &str) -> Framework {
    load(&format!(
        "id = \"w\"\nname = \"W\"\n[[skills]]\nid = \"x\"\nname = \"X\"\nweight = {wx}\n[[skills]]\nid = \"y\"\nname = \"Y\"\nweight = {wy}\n[[levels]]\nid = \"l\"\nname = \"L\"\nrequires = {{ x = \"competent\", y = \"competent\" }}\n"
    ))
}

#[test]
fn fit_exactly_at_near_is_near_with_fractional_weights() {
    // (0.1 × 1 + 0.1 × 0.7) / 0.2 = 0.85 exactly; in floating point it is 0.8499999999999999.
    for (wx, wy) in [("0.1", "0.1"), ("0.2", "0.2"), ("0.4", "0.4"), ("1", "1")] {
        let r = rate(
            &two_weights(wx, wy),
            &[("x", Competent), ("y", AdvancedBeginner)],
        );
        assert_eq!(
            levels(&r),
            [(false, 0.85, Tier::Near)],
            "weights {wx}, {wy}"
        );
    }
}

#[test]
fn fit_exactly_at_stretch_is_stretch_with_fractional_weights() {
    // x misses by 2 (0.4 × 0.3 = 0.12), y met (0.1): 0.22 / 0.4 = 0.55 exactly; in floating
    // point it is 0.5499999999999999.
    let r = rate(
        &two_weights("0.3", "0.1"),
        &[("x", Novice), ("y", Competent)],
    );
    assert_eq!(levels(&r), [(false, 0.55, Tier::Stretch)]);
    // Just under: x by 2 (0.12), y by 1 (0.07): 0.19 / 0.4 = 0.475.
    let r = rate(
        &two_weights("0.3", "0.1"),
        &[("x", Novice), ("y", AdvancedBeginner)],
    );
    assert_eq!(levels(&r), [(false, 0.475, Tier::Aspirational)]);
}

#[test]
fn points_fit_exactly_at_the_thresholds() {
    let fw = load(
        r#"
id = "pts"
name = "Pts"
[[skills]]
id = "a"
name = "Alpha"
weight = 3
[[skills]]
id = "b"
name = "Beta"
[[levels]]
id = "l"
name = "L"
min_points = 20
"#,
    );
    // (points, a, b): 3 × 5 + 2 = 17 → 0.85 near; 3 × 5 + 1 = 16 → 0.8 stretch;
    // 3 × 3 + 2 = 11 → 0.55 stretch; 3 × 3 + 1 = 10 → 0.5 aspirational.
    for (a, b, fit, tier) in [
        (Expert, AdvancedBeginner, 0.85, Tier::Near),
        (Expert, Novice, 0.8, Tier::Stretch),
        (Competent, AdvancedBeginner, 0.55, Tier::Stretch),
        (Competent, Novice, 0.5, Tier::Aspirational),
    ] {
        let r = rate(&fw, &[("a", a), ("b", b)]);
        assert_eq!(levels(&r), [(false, fit, tier)], "{a} {b}");
    }
}

// ---------------------------------------------------------------------------------------
// The overall score
// ---------------------------------------------------------------------------------------

#[test]
fn score_rounds_exact_halves_up() {
    // (weights, ratings, score): Σ w × r / (5 × Σ w) × 100.
    let cases: [(&str, &str, Proficiency, Proficiency, u8); 7] = [
        // 1 × 5 / (5 × 200) × 100 = 0.5 exactly: up to 1 (the reviewer's case, exact).
        ("1", "199", Expert, Proficiency::None, 1),
        // 100 / 200.001 = 0.4999975...: down to 0.
        ("1", "199.001", Expert, Proficiency::None, 0),
        // 100 / 199.999 = 0.5000025...: up to 1.
        ("1", "198.999", Expert, Proficiency::None, 1),
        // 0.1 / (5 × 0.8) × 100 = 2.5: up to 3 (floating point gives 2.5000000000000004).
        ("0.1", "0.7", Novice, Proficiency::None, 3),
        // 3 / (5 × 8) × 100 = 7.5: 8.
        ("3", "5", Novice, Proficiency::None, 8),
        // (3 × 5 + 5 × 4) / 40 × 100 = 87.5: 88.
        ("3", "5", Expert, Proficient, 88),
        // (3 × 3 + 5 × 1) / 40 × 100 = 35: 35.
        ("3", "5", Competent, Novice, 35),
    ];
    for (wx, wy, x, y, score) in cases {
        let r = rate(&two_weights(wx, wy), &[("x", x), ("y", y)]);
        assert_eq!(r.score, score, "weights {wx}, {wy}, ratings {x}, {y}");
    }
}

#[test]
fn a_weight_with_more_than_three_decimals_is_refused() {
    // The reviewer's 199.00000004 cannot be held exactly: refused, naming the skill.
    let err = Framework::from_toml(
        "id = \"w\"\nname = \"W\"\n[[skills]]\nid = \"x\"\nname = \"X\"\n[[skills]]\nid = \"y\"\nname = \"Y\"\nweight = 199.00000004\n[[levels]]\nid = \"l\"\nname = \"L\"\n",
    )
    .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::InvalidWeight { skill, .. } if skill == "y"),
        "{err:?}"
    );
    assert_eq!(err.field(), Some("skills[1].weight"));
}

#[test]
fn score_spans_0_to_100() {
    let fw = load(GATES);
    assert_eq!(rate(&fw, &[]).score, 0);
    assert_eq!(rate(&fw, &[("a", Expert), ("b", Expert)]).score, 100);
    // (3 × 2 + 1 × 1) / 20 × 100 = 35.
    assert_eq!(
        rate(&fw, &[("a", AdvancedBeginner), ("b", Novice)]).score,
        35
    );
}

// ---------------------------------------------------------------------------------------
// Exactness: equal on paper, equal in the engine, whatever the order
// ---------------------------------------------------------------------------------------

/// Skills `x` (0.2), `y` (0.7), `z` (0.1) and `w` (1.0), in `order`; one level requiring
/// each at competent.
fn split_weights(order: &[usize]) -> Framework {
    let skills = [("x", "0.2"), ("y", "0.7"), ("z", "0.1"), ("w", "1.0")];
    let mut toml = "id = \"split\"\nname = \"Split\"\n".to_owned();
    for &i in order {
        let (id, weight) = skills[i];
        let _ = write!(
            toml,
            "[[skills]]\nid = \"{id}\"\nname = \"Skill {id}\"\nweight = {weight}\n"
        );
    }
    toml += "[[levels]]\nid = \"l\"\nname = \"L\"\n[levels.requires]\n";
    for &i in order.iter().rev() {
        let _ = writeln!(toml, "{} = \"competent\"", skills[i].0);
    }
    load(&toml)
}

/// Every order of four items.
fn permutations() -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    for n in 0..256usize {
        let order: Vec<usize> = (0..4).map(|k| (n >> (2 * k)) & 3).collect();
        if (0..4).all(|i| order.contains(&i)) {
            out.push(order);
        }
    }
    out
}

#[test]
fn weights_adding_up_to_one_close_the_same_gap_as_weight_one() {
    let fw = split_weights(&[0, 1, 2, 3]);
    // x, y, z miss by 1: 0.7 × (0.2 + 0.7 + 0.1) = 0.7; w met: 1. (0.7 + 1) / 2 = 0.85.
    // In floating point the first sum is 0.8499999999999999, which would be a stretch.
    let a = rate(
        &fw,
        &[
            ("x", AdvancedBeginner),
            ("y", AdvancedBeginner),
            ("z", AdvancedBeginner),
            ("w", Competent),
        ],
    );
    // x, y, z met, w misses by 1: the same, the other way round.
    let b = rate(
        &fw,
        &[
            ("x", Competent),
            ("y", Competent),
            ("z", Competent),
            ("w", AdvancedBeginner),
        ],
    );
    assert_eq!(levels(&a), [(false, 0.85, Tier::Near)]);
    assert_eq!(levels(&b), levels(&a));
    // Score: (2 × 1 + 3 × 1) / (5 × 2) × 100 = 50, both ways.
    assert_eq!((a.score, b.score), (50, 50));
    // Points: 2 × 1 + 3 × 1 = 5 and 3 × 1 + 2 × 1 = 5.
    assert_eq!((a.points, b.points), (5.0, 5.0));

    // The same as one skill of weight 1 in place of the three.
    let single = two_weights("1", "1.0");
    let c = rate(&single, &[("x", AdvancedBeginner), ("y", Competent)]);
    assert_eq!(levels(&c), levels(&a));
    assert_eq!((c.score, c.points), (a.score, a.points));
}

#[test]
fn permuting_skills_changes_only_the_order_of_lists_in_framework_order() {
    let ratings = [
        ("x", AdvancedBeginner),
        ("y", AdvancedBeginner),
        ("z", AdvancedBeginner),
        ("w", Competent),
    ];
    let mut first: Option<Report> = None;
    for order in permutations() {
        let mut r = rate(&split_weights(&order), &ratings);
        // Blockers by weight × gap: y (0.7), x (0.2), z (0.1), whatever the order.
        let got: Vec<&str> = r.blockers.iter().map(|b| b.skill.as_str()).collect();
        assert_eq!(got, ["y", "x", "z"], "order {order:?}");
        // Skills follow framework order.
        let ids: Vec<&str> = r.skills.iter().map(|s| s.skill.as_str()).collect();
        let expected: Vec<&str> = order.iter().map(|&i| ["x", "y", "z", "w"][i]).collect();
        assert_eq!(ids, expected);
        r.skills.sort_by(|a, b| a.skill.cmp(&b.skill));
        r.warnings.sort_by(|a, b| a.skill.cmp(&b.skill));
        r.plan.unreachable.sort_by_key(|u| format!("{u:?}"));
        match &first {
            None => first = Some(r),
            Some(f) => assert_eq!(&r, f, "order {order:?}"),
        }
    }
    assert_eq!(permutations().len(), 24);
}

// ---------------------------------------------------------------------------------------
// Blockers, strengths and the salary band
// ---------------------------------------------------------------------------------------

/// Skills a (1), b (2), c (1), d (0.5): `low` asks novice of each, `high` more.
const FOUR: &str = r#"
id = "four"
name = "Four"
[[skills]]
id = "a"
name = "Alpha"
[[skills]]
id = "b"
name = "Beta"
weight = 2
[[skills]]
id = "c"
name = "Gamma"
[[skills]]
id = "d"
name = "Delta"
weight = 0.5
[[levels]]
id = "low"
name = "Low"
requires = { a = "novice", b = "novice", c = "novice", d = "novice" }
[[levels]]
id = "high"
name = "High"
requires = { a = "competent", b = "competent", c = "expert", d = "expert" }
"#;

#[test]
fn blockers_come_largest_weight_times_gap_first_ties_in_framework_order() {
    // a by 2 (× 1 = 2), b by 1 (× 2 = 2), c by 3 (× 1 = 3), d by 4 (× 0.5 = 2).
    let ratings = [
        ("a", Novice),
        ("b", AdvancedBeginner),
        ("c", AdvancedBeginner),
        ("d", Novice),
    ];
    let r = rate(&load(FOUR), &ratings);
    assert_eq!(r.target, "high");
    assert_eq!(
        blockers(&r),
        [
            ("c", AdvancedBeginner, Expert, 3, 1.0),
            ("a", Novice, Competent, 2, 1.0),
            ("b", AdvancedBeginner, Competent, 1, 2.0),
            ("d", Novice, Expert, 4, 0.5),
        ]
    );
    let names: Vec<&str> = r.blockers.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(names, ["Gamma", "Alpha", "Beta", "Delta"]);
    // With d first in the framework, d leads the tie.
    let reordered = FOUR.replace(
        "[[skills]]\nid = \"d\"\nname = \"Delta\"\nweight = 0.5\n",
        "",
    );
    let reordered = reordered.replace(
        "[[skills]]\nid = \"a\"",
        "[[skills]]\nid = \"d\"\nname = \"Delta\"\nweight = 0.5\n[[skills]]\nid = \"a\"",
    );
    let r = rate(&load(&reordered), &ratings);
    let got: Vec<&str> = r.blockers.iter().map(|b| b.skill.as_str()).collect();
    assert_eq!(got, ["c", "d", "a", "b"]);
}

#[test]
fn skill_results_measure_gaps_against_the_target() {
    let r = rate(
        &load(FOUR),
        &[("a", Expert), ("b", AdvancedBeginner), ("c", Novice)],
    );
    assert_eq!(readiness(&r), None);
    assert_eq!(r.target, "low");
    let got: Vec<(&str, &str, Proficiency, Proficiency, u8)> = r
        .skills
        .iter()
        .map(|s| {
            (
                s.skill.as_str(),
                s.name.as_str(),
                s.rating,
                s.required,
                s.gap,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("a", "Alpha", Expert, Novice, 0),
            ("b", "Beta", AdvancedBeginner, Novice, 0),
            ("c", "Gamma", Novice, Novice, 0),
            ("d", "Delta", Proficiency::None, Novice, 1),
        ]
    );
    assert!(r.skills.iter().all(|s| s.self_rating.is_none()));
}

#[test]
fn strengths_come_highest_surplus_first_ties_in_framework_order() {
    // Against `low` (novice each): b by 4, a by 2, c by 2; d exactly meets it.
    let r = rate_for(
        &load(FOUR),
        &[
            ("a", Competent),
            ("b", Expert),
            ("c", Competent),
            ("d", Novice),
        ],
        "low",
    );
    assert_eq!(readiness(&r), Some("low"));
    assert_eq!(r.target, "low");
    assert!(r.blockers.is_empty());
    let got: Vec<(&str, &str, Proficiency, Proficiency)> = r
        .strengths
        .iter()
        .map(|s| (s.skill.as_str(), s.name.as_str(), s.rating, s.required))
        .collect();
    assert_eq!(
        got,
        [
            ("b", "Beta", Expert, Novice),
            ("a", "Alpha", Competent, Novice),
            ("c", "Gamma", Competent, Novice),
        ]
    );
}

#[test]
fn the_target_is_the_preference_else_the_level_above_else_the_top() {
    let fw = load(GATES);
    assert_eq!(rate(&fw, &[("a", Novice)]).target, "l2");
    assert_eq!(rate_for(&fw, &[("a", Novice)], "l3").target, "l3");
    // A target already met: nothing blocks it.
    let r = rate_for(&fw, &[("a", Competent), ("b", Novice)], "l1");
    assert_eq!((r.target.as_str(), r.blockers.len()), ("l1", 0));
    // At the top, the top.
    let r = rate(&fw, &[("a", Expert), ("b", Competent)]);
    assert_eq!((readiness(&r), r.target.as_str()), (Some("l3"), "l3"));
    assert!(r.blockers.is_empty());
    assert_eq!(r.missing_points, None);
}

/// A profile of the built-in framework, in its skill order.
fn builtin(ratings: [Proficiency; 7]) -> Report {
    let fw = Framework::backend_developer();
    let pairs: Vec<(&str, Proficiency)> = fw
        .skills()
        .iter()
        .map(|s| s.id.as_str())
        .zip(ratings)
        .collect();
    rate(fw, &pairs)
}

#[test]
fn the_salary_band_is_the_readiness_levels() {
    // Not yet ready: no band.
    assert_eq!(builtin([Novice; 7]).salary, None);

    // Entry asks competent of programming languages, novice of security and advanced
    // beginner of the rest.
    let r = builtin([
        Competent,
        AdvancedBeginner,
        AdvancedBeginner,
        Novice,
        AdvancedBeginner,
        AdvancedBeginner,
        AdvancedBeginner,
    ]);
    assert_eq!(readiness(&r), Some("entry"));
    let salary = r.salary.expect("entry has a band");
    assert_eq!(
        (salary.level.as_str(), salary.name.as_str()),
        ("entry", "Entry level")
    );
    assert_eq!(
        (salary.band.min, salary.band.max),
        (Some(50_000), Some(65_000))
    );
    assert_eq!(salary.band.currency, "USD");
    assert!(
        salary
            .caveat
            .as_deref()
            .is_some_and(|c| c.starts_with("These figures are just rough estimates"))
    );

    // Expert: a floor and no ceiling.
    let r = builtin([Expert; 7]);
    let salary = r.salary.expect("expert has a band");
    assert_eq!(salary.name, "Expert level");
    assert_eq!((salary.band.min, salary.band.max), (Some(120_000), None));

    // A framework without bands: none, even when ready.
    assert_eq!(
        rate(&load(GATES), &[("a", Expert), ("b", Expert)]).salary,
        None
    );
}

#[test]
fn builtin_entry_profile_one_short_of_mid() {
    // Mid asks proficient of programming languages, advanced beginner of security and
    // competent of the rest. Weights 3, 2, 2, 2, 2, 1, 1 (13 in all).
    let r = builtin([
        Proficient, Competent, Competent, Novice, Competent, Competent, Competent,
    ]);
    assert_eq!(readiness(&r), Some("entry"));
    assert_eq!(r.target, "mid");
    assert_eq!(
        blockers(&r),
        [("security", Novice, AdvancedBeginner, 1, 2.0)]
    );
    // mid: 11 of 13 weight met, security by 1 (0.7 × 2): 12.4 / 13 = 0.9538...
    assert_eq!(r.levels[1].fit, 62.0 / 65.0);
    assert_eq!(r.levels[1].tier, Tier::Near);
    // (3 × 4 + 2 × 3 + 2 × 3 + 2 × 1 + 2 × 3 + 3 + 3) / (5 × 13) × 100 = 38 / 65 × 100
    // = 58.46...: 58.
    assert_eq!(r.score, 58);
    assert_eq!(r.points, 38.0);
}
