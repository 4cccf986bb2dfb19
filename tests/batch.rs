//! Batch scoring with `Prepared` (one row, batches, a reused buffer, top-k, and their
//! parallel forms), its errors, agreement with `assess`; and `match_roles`.

// Exact values are the point: fits, points and weights are compared exactly.
#![allow(clippy::float_cmp)]

use std::fmt::Write;

use skillgauge::Proficiency::{AdvancedBeginner, Competent, Expert, Novice, Proficient};
use skillgauge::{
    Assessment, ErrorKind, Framework, LevelScores, Posting, Prepared, Proficiency, Scored,
    TOP_BLOCKERS, Tier, match_roles, match_top_roles,
};

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

const NONE: Proficiency = Proficiency::None;

/// Skills `a` (weight 3) and `b` (weight 1); l1 asks a novice, l2 a competent and b
/// novice, l3 a expert and b competent.
const GATES: &str = include_str!("fixtures/score-gates.toml");

fn gates() -> Framework {
    Framework::from_toml(GATES).expect("valid")
}

/// A deterministic pseudo-random sequence of proficiencies.
fn rows(count: usize, skills: usize, seed: u64) -> Vec<Proficiency> {
    let mut state = seed;
    (0..count * skills)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            Proficiency::ALL[usize::try_from(state >> 61).unwrap_or(0) % 6]
        })
        .collect()
}

/// `row` (in framework order) as an assessment, leaving skills rated `none` unrated.
fn assessment_of(framework: &Framework, row: &[Proficiency]) -> Assessment {
    let mut a = Assessment::new();
    for (skill, &p) in framework.skills().iter().zip(row) {
        if p != NONE {
            a = a.rate(skill.id.as_str(), p).expect("a valid id");
        }
    }
    a
}

/// Assesses `row` (in framework order) the ordinary way.
fn assess_row(framework: &Framework, row: &[Proficiency]) -> skillgauge::Report {
    framework
        .assess(&assessment_of(framework, row))
        .expect("a report")
}

#[track_caller]
fn assert_agrees_with_assess(framework: &Framework, prepared: &Prepared, row: &[Proficiency]) {
    let report = assess_row(framework, row);
    let readiness = report
        .readiness
        .as_ref()
        .and_then(|id| framework.level_index(id.as_str()));
    assert_eq!(
        prepared.readiness(row).expect("a row"),
        readiness,
        "{row:?}"
    );
    let all = prepared.score_levels(row).expect("a row");
    let one = prepared
        .score_assessment(&assessment_of(framework, row))
        .expect("known skills");
    assert_eq!(
        (all.len(), all.levels(), one.levels()),
        (1, report.levels.len(), report.levels.len())
    );
    assert_eq!(
        (all.readiness(0), one.readiness),
        (readiness, readiness),
        "{row:?}"
    );
    assert_eq!(
        (all.points(0), one.points),
        (report.points, report.points),
        "{row:?}"
    );
    for (l, level) in report.levels.iter().enumerate() {
        let scored = prepared.score(row, l).expect("a row");
        assert_eq!(scored.readiness, readiness, "{row:?}");
        assert_eq!(scored.points, report.points, "{row:?}");
        assert_eq!(
            scored.fit.to_bits(),
            level.fit.to_bits(),
            "{row:?} level {l}"
        );
        assert_eq!(scored.tier, level.tier, "{row:?} level {l}");
        assert_eq!(all.scored(0, l), scored, "{row:?} all levels, level {l}");
        assert_eq!(one.scored(l), scored, "{row:?} by assessment, level {l}");
    }
}

/// (readiness, points, fit, tier) of a scored row.
fn parts(s: &Scored) -> (Option<usize>, f64, f64, Tier) {
    (s.readiness, s.points, s.fit, s.tier)
}

// ---------------------------------------------------------------------------------------
// Prepared: one row
// ---------------------------------------------------------------------------------------

#[test]
fn a_row_is_scored_by_hand() {
    let prepared = gates().prepare();
    assert_eq!((prepared.skills(), prepared.levels()), (2, 3));
    // l1 met; l2: a met (3), b misses by 1 (0.7): 3.7 / 4 = 0.925. Points 3 × 3 = 9.
    let scored = prepared.score(&[Competent, NONE], 1).expect("a row");
    assert_eq!(parts(&scored), (Some(0), 9.0, 0.925, Tier::Near));
    // The same row against l1: met.
    let scored = prepared.score(&[Competent, NONE], 0).expect("a row");
    assert_eq!(parts(&scored), (Some(0), 9.0, 1.0, Tier::Ready));
    // Nothing: l3 fit (0.05 × 3 + 0.15) / 4 = 0.075.
    let scored = prepared.score(&[NONE, NONE], 2).expect("a row");
    assert_eq!(parts(&scored), (None, 0.0, 0.075, Tier::Aspirational));
    assert_eq!(
        prepared.readiness(&[Expert, Competent]).expect("a row"),
        Some(2)
    );
    assert_eq!(prepared.readiness(&[NONE, Expert]).expect("a row"), None);
}

#[test]
fn a_row_of_the_wrong_length_is_refused() {
    let prepared = gates().prepare();
    let four = [Competent, Novice, Novice, Expert];
    for row in [
        &[Competent][..],
        &[Competent, Novice, Novice][..],
        &[][..],
        &four[..],
    ] {
        let err = prepared.score(row, 0).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::RowLength { len, skills: 2 } if *len == row.len()),
            "{err:?}"
        );
        assert_eq!(err.field(), Some("row"));
        assert_eq!(
            err.to_string(),
            format!(
                "row: a row holds one rating per skill, 2, but this one has {}",
                row.len()
            )
        );
        assert!(matches!(
            prepared.readiness(row).unwrap_err().kind(),
            ErrorKind::RowLength { .. }
        ));
    }
}

#[test]
fn a_level_index_outside_the_levels_is_refused() {
    let prepared = gates().prepare();
    for level in [3, 100, usize::MAX] {
        let err = prepared.score(&[Competent, Novice], level).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::LevelIndex { field, index, levels: 3 }
                if field == "level" && *index == level),
            "{err:?}"
        );
        assert_eq!(err.field(), Some("level"));
        assert_eq!(
            err.to_string(),
            format!("level: level index {level} is outside 0-2")
        );
    }
}

#[test]
fn prepared_scores_agree_with_assess_on_every_gates_row() {
    let fw = gates();
    let prepared = fw.prepare();
    for a in Proficiency::ALL {
        for b in Proficiency::ALL {
            assert_agrees_with_assess(&fw, &prepared, &[a, b]);
        }
    }
}

#[test]
fn prepared_scores_agree_with_assess_on_the_builtin_framework() {
    let fw = Framework::backend_developer();
    let prepared = fw.prepare();
    assert_eq!((prepared.skills(), prepared.levels()), (7, 4));
    for row in rows(200, 7, 7).chunks(7) {
        assert_agrees_with_assess(fw, &prepared, row);
    }
}

#[test]
fn prepared_scores_agree_with_assess_on_points_and_fractional_weights() {
    let fw = Framework::from_toml(
        r#"
id = "mixed"
name = "Mixed"
points = [0, 1, 3, 6, 12, 20]
[fit]
decay = [1, 0.6, 0.3, 0.1, 0]
near = 0.8
stretch = 0.4
[[skills]]
id = "x"
name = "X"
weight = 0.2
[[skills]]
id = "y"
name = "Y"
weight = 0.7
[[skills]]
id = "z"
name = "Z"
weight = 0.1
[[levels]]
id = "one"
name = "One"
min_points = 1.5
[[levels]]
id = "two"
name = "Two"
min_points = 6
requires = { y = "competent" }
[[levels]]
id = "three"
name = "Three"
min_points = 12.5
requires = { x = "competent", y = "proficient", z = "novice" }
"#,
    )
    .expect("valid");
    let prepared = fw.prepare();
    for row in rows(300, 3, 11).chunks(3) {
        assert_agrees_with_assess(&fw, &prepared, row);
    }
}

/// A ladder of `levels` levels over skills `a`, `b`, `c` (weights 1.5, 2, 0.25), each
/// level asking a little more, and from the third on a rising points threshold too. Forty levels are
/// more than the prepared scorer's packed tables hold, so it scores them the plain way.
fn long_ladder(levels: usize) -> Framework {
    let mut toml = String::from(
        "id = \"long\"\nname = \"Long ladder\"\npoints = [0, 1, 2, 4, 7, 11]\n\
         [fit]\ndecay = [1, 0.5, 0.25, 0.125, 0]\n\
         [[skills]]\nid = \"a\"\nname = \"A\"\nweight = 1.5\n\
         [[skills]]\nid = \"b\"\nname = \"B\"\nweight = 2\n\
         [[skills]]\nid = \"c\"\nname = \"C\"\nweight = 0.25\n",
    );
    let word = |n: usize| Proficiency::ALL[n.min(5)].to_string();
    for l in 0..levels {
        write!(
            toml,
            "[[levels]]\nid = \"l{l}\"\nname = \"Level {l}\"\n\
             requires = {{ a = \"{}\", b = \"{}\", c = \"{}\" }}\n",
            word(1 + l / 8),
            word(l / 10),
            word(l / 7),
        )
        .expect("writing to a string");
        if l >= 2 {
            writeln!(toml, "min_points = {}", 2.5 + l as f64 * 0.75).expect("writing to a string");
        }
    }
    Framework::from_toml(&toml).expect("a valid ladder")
}

#[test]
fn prepared_scores_agree_with_assess_on_a_forty_level_ladder_row_by_row() {
    let fw = long_ladder(40);
    let prepared = fw.prepare();
    assert_eq!(prepared.levels(), 40);
    for a in Proficiency::ALL {
        for b in Proficiency::ALL {
            for c in Proficiency::ALL {
                assert_agrees_with_assess(&fw, &prepared, &[a, b, c]);
            }
        }
    }
}

#[test]
fn score_levels_agrees_with_score_on_every_row_and_level() {
    for fw in [
        long_ladder(40),
        long_ladder(6),
        Framework::backend_developer().clone(),
    ] {
        let prepared = fw.prepare();
        let skills = prepared.skills();
        // More rows than one internal block, and not a multiple of it.
        let batch = rows(1_337, skills, 5);
        let all = prepared.score_levels(&batch).expect("whole rows");
        assert_eq!((all.len(), all.levels()), (1_337, prepared.levels()));
        for (i, row) in batch.chunks(skills).enumerate() {
            for level in 0..prepared.levels() {
                assert_eq!(
                    all.scored(i, level),
                    prepared.score(row, level).expect("a row")
                );
            }
        }
    }
}

#[test]
fn score_levels_into_reuses_the_buffer_and_leaves_it_empty_on_error() {
    let prepared = gates().prepare();
    let mut out = LevelScores::new();
    prepared
        .score_levels_into(&rows(10, 2, 1), &mut out)
        .expect("whole rows");
    assert_eq!(out.len(), 10);
    prepared
        .score_levels_into(&[Expert, Competent], &mut out)
        .expect("one row");
    assert_eq!((out.len(), out.levels()), (1, 3));
    assert_eq!(out.readiness(0), Some(2));
    assert_eq!(out.tiers(0), [Tier::Ready; 3]);
    assert_eq!(out.fits(0), [1.0; 3]);
    let err = prepared
        .score_levels_into(&[Expert, Competent, Novice], &mut out)
        .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::BatchLength { len: 3, .. }),
        "{err}"
    );
    assert!(out.is_empty());
    // Left empty and sized for this framework, whatever the buffer held before.
    let builtin = Framework::backend_developer().prepare();
    builtin
        .score_levels_into(&[Expert; 7], &mut out)
        .expect("one row");
    assert_eq!(out.levels(), 4);
    prepared.score_levels_into(&[Expert], &mut out).unwrap_err();
    assert_eq!((out.len(), out.levels()), (0, 3));
}

#[test]
fn score_assessment_refuses_unknown_skills_and_other_frameworks() {
    let prepared = gates().prepare();
    let typo = Assessment::new().rate("alpha", Expert).expect("an id");
    let err = prepared.score_assessment(&typo).unwrap_err();
    assert_eq!(err.field(), Some("ratings.alpha"), "{err}");
    assert!(matches!(err.kind(), ErrorKind::UnknownId { .. }), "{err}");

    let other: Assessment = serde_json::from_str(
        r#"{ "framework": "backend-developer", "ratings": { "a": "expert" } }"#,
    )
    .expect("an assessment");
    let err = prepared.score_assessment(&other).unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::FrameworkMismatch { .. }),
        "{err}"
    );

    let mine: Assessment = serde_json::from_str(
        r#"{ "framework": "gates", "ratings": { "b": "competent", "a": "expert" } }"#,
    )
    .expect("an assessment");
    let scores = prepared.score_assessment(&mine).expect("known skills");
    assert_eq!(scores.readiness, Some(2));
    // a: 3 × 5 (expert) + b: 1 × 3 (competent), with the default points 0, 1, 2, 3, 4, 5.
    assert_eq!(scores.points, 18.0);
}

// ---------------------------------------------------------------------------------------
// Batches
// ---------------------------------------------------------------------------------------

#[test]
fn score_batch_scores_each_row_in_order() {
    let prepared = gates().prepare();
    let batch = [Competent, NONE, NONE, NONE, Expert, Competent];
    let scored = prepared.score_batch(&batch, 1).expect("whole rows");
    let got: Vec<_> = scored.iter().map(parts).collect();
    assert_eq!(
        got,
        [
            (Some(0), 9.0, 0.925, Tier::Near),
            // l2: a misses by 3 (0.15 × 3), b by 1 (0.7): 1.15 / 4 = 0.2875.
            (None, 0.0, 0.2875, Tier::Aspirational),
            (Some(2), 18.0, 1.0, Tier::Ready),
        ]
    );
    for (row, s) in batch.chunks(2).zip(&scored) {
        assert_eq!(*s, prepared.score(row, 1).expect("a row"));
    }
    assert_eq!(prepared.score_batch(&[], 0).expect("no rows"), []);
}

#[test]
fn score_batch_refuses_a_partial_row_and_a_bad_level() {
    let prepared = gates().prepare();
    let err = prepared
        .score_batch(&[Competent, NONE, Novice], 0)
        .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::BatchLength { len: 3, skills: 2 }),
        "{err:?}"
    );
    assert_eq!(err.field(), Some("ratings"));
    assert_eq!(
        err.to_string(),
        "ratings: 3 ratings are not a whole number of rows of 2 (one per skill)"
    );
    let err = prepared.score_batch(&[Competent, NONE], 3).unwrap_err();
    assert!(
        matches!(
            err.kind(),
            ErrorKind::LevelIndex {
                index: 3,
                levels: 3,
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn score_batch_into_reuses_the_buffer_and_leaves_it_empty_on_error() {
    let prepared = gates().prepare();
    let batch = rows(50, 2, 3);
    let mut out = Vec::new();
    prepared
        .score_batch_into(&batch, 2, &mut out)
        .expect("whole rows");
    assert_eq!(out, prepared.score_batch(&batch, 2).expect("whole rows"));
    prepared
        .score_batch_into(&batch[..4], 2, &mut out)
        .expect("whole rows");
    assert_eq!(out.len(), 2);
    let err = prepared
        .score_batch_into(&batch[..5], 2, &mut out)
        .unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::BatchLength { len: 5, .. }),
        "{err:?}"
    );
    assert!(out.is_empty());
    prepared
        .score_batch_into(&batch[..4], 2, &mut out)
        .expect("whole rows");
    assert!(prepared.score_batch_into(&batch[..4], 9, &mut out).is_err());
    assert!(out.is_empty());
}

// ---------------------------------------------------------------------------------------
// Top k
// ---------------------------------------------------------------------------------------

/// Eight candidates for l2, by hand:
/// 0 [novice, none]: a by 2 (0.4 × 3), b by 1 (0.7): 1.9 / 4 = 0.475, 3 points;
/// 1 [competent, none]: 0.925, 9 points; 2 [expert, none]: 0.925, 15 points;
/// 3 [competent, novice]: met, 10 points; 4 the same as 1;
/// 5 [advanced beginner, competent]: a by 1 (2.1), b met (1): 3.1 / 4 = 0.775, 9 points;
/// 6 [competent, proficient]: met, 13 points; 7 [proficient, novice]: met, 13 points.
const CANDIDATES: [Proficiency; 16] = [
    Novice,
    NONE,
    Competent,
    NONE,
    Expert,
    NONE,
    Competent,
    Novice,
    Competent,
    NONE,
    AdvancedBeginner,
    Competent,
    Competent,
    Proficient,
    Proficient,
    Novice,
];

#[test]
fn top_k_ranks_by_fit_then_points_then_ratings_then_position() {
    let prepared = gates().prepare();
    let ranked = prepared.top_k(&CANDIDATES, 1, 100).expect("whole rows");
    let order: Vec<usize> = ranked.iter().map(|r| r.candidate).collect();
    // Fit 1: 7 and 6 tie on 13 points, 7's ratings are higher (proficient first); then 3.
    // Fit 0.925: 2 (15 points), then 1 and 4, identical, by position. Then 5, then 0.
    assert_eq!(order, [7, 6, 3, 2, 1, 4, 5, 0]);
    for r in &ranked {
        let row = &CANDIDATES[r.candidate * 2..r.candidate * 2 + 2];
        assert_eq!(r.scored, prepared.score(row, 1).expect("a row"));
    }
    let top3: Vec<usize> = prepared
        .top_k(&CANDIDATES, 1, 3)
        .expect("whole rows")
        .iter()
        .map(|r| r.candidate)
        .collect();
    assert_eq!(top3, [7, 6, 3]);
    assert!(
        prepared
            .top_k(&CANDIDATES, 1, 0)
            .expect("whole rows")
            .is_empty()
    );
    assert!(prepared.top_k(&[], 1, 5).expect("no rows").is_empty());
}

#[test]
fn top_k_does_not_depend_on_the_order_candidates_come_in() {
    let prepared = gates().prepare();
    // The candidates in reverse: the same rows come out in the same order.
    let reversed: Vec<Proficiency> = CANDIDATES.chunks(2).rev().flatten().copied().collect();
    let rows_of = |batch: &[Proficiency]| -> Vec<Vec<Proficiency>> {
        prepared
            .top_k(batch, 1, 8)
            .expect("whole rows")
            .iter()
            .map(|r| batch[r.candidate * 2..r.candidate * 2 + 2].to_vec())
            .collect()
    };
    assert_eq!(rows_of(&reversed), rows_of(&CANDIDATES));
}

#[test]
fn top_k_refuses_what_score_batch_refuses() {
    let prepared = gates().prepare();
    assert!(matches!(
        prepared.top_k(&CANDIDATES[..3], 1, 2).unwrap_err().kind(),
        ErrorKind::BatchLength { len: 3, skills: 2 }
    ));
    assert!(matches!(
        prepared.top_k(&CANDIDATES, 7, 2).unwrap_err().kind(),
        ErrorKind::LevelIndex { index: 7, .. }
    ));
    // A huge k is only as many as there are candidates.
    assert_eq!(
        prepared
            .top_k(&CANDIDATES, 1, usize::MAX)
            .expect("rows")
            .len(),
        8
    );
}

#[test]
fn top_k_agrees_with_sorting_every_score() {
    let fw = Framework::backend_developer();
    let prepared = fw.prepare();
    let batch = rows(500, 7, 42);
    let all = prepared.top_k(&batch, 1, 500).expect("whole rows");
    let best = prepared.top_k(&batch, 1, 25).expect("whole rows");
    assert_eq!(best, all[..25]);
    // Non-increasing fit, then points.
    for pair in all.windows(2) {
        let (a, b) = (&pair[0].scored, &pair[1].scored);
        assert!(
            a.fit > b.fit || (a.fit == b.fit && a.points >= b.points),
            "{pair:?}"
        );
    }
}

#[cfg(feature = "rayon")]
#[test]
fn parallel_forms_give_identical_results() {
    let prepared = gates().prepare();
    // More rows than one parallel chunk of 65,536.
    let batch = rows(150_000, 2, 99);
    for level in 0..3 {
        assert_eq!(
            prepared.score_batch_parallel(&batch, level).expect("rows"),
            prepared.score_batch(&batch, level).expect("rows")
        );
        for k in [0, 1, 10, 1000] {
            assert_eq!(
                prepared.top_k_parallel(&batch, level, k).expect("rows"),
                prepared.top_k(&batch, level, k).expect("rows"),
                "level {level}, k {k}"
            );
        }
    }
    assert!(matches!(
        prepared
            .score_batch_parallel(&batch[..3], 0)
            .unwrap_err()
            .kind(),
        ErrorKind::BatchLength { len: 3, .. }
    ));
    assert!(matches!(
        prepared.top_k_parallel(&batch, 3, 1).unwrap_err().kind(),
        ErrorKind::LevelIndex { index: 3, .. }
    ));
}

// ---------------------------------------------------------------------------------------
// match_roles
// ---------------------------------------------------------------------------------------

/// Rated on both frameworks' skills at once.
fn profile() -> Assessment {
    Assessment::new()
        .rate("a", Competent)
        .and_then(|a| a.rate("programming-languages", Competent))
        .and_then(|a| a.rate("security", Competent))
        .and_then(|a| a.rate("kubernetes", Expert)) // in neither framework: ignored
        .expect("valid ids")
}

#[test]
fn match_roles_orders_by_fit_and_names_everything() {
    let (g, bd) = (gates(), Framework::backend_developer());
    let postings = [
        Posting {
            framework: &g,
            level: 1,
        },
        Posting {
            framework: bd,
            level: 0,
        },
        Posting {
            framework: &g,
            level: 0,
        },
        Posting {
            framework: bd,
            level: 2,
        },
    ];
    let matches = match_roles(&profile(), &postings).expect("valid postings");
    // Gates l1: met. Gates l2: 0.925 (b misses by 1).
    // Backend entry: programming languages (3) and security (2) met; databases, APIs and
    // problem-solving miss advanced beginner by 2 (0.4 × 2 each); attention to detail and
    // communication by 2 (0.4 × 1 each): (3 + 2 + 2.4 + 0.8) / 13 = 8.2 / 13.
    // Backend senior: programming languages by 1 (0.7 × 3), databases, APIs and
    // problem-solving by 4 (0.05 × 2 each), security met (2), attention to detail by 3
    // (0.15), communication by 4 (0.05): 4.6 / 13.
    let got: Vec<_> = matches
        .iter()
        .map(|m| {
            (
                m.posting,
                m.framework.as_str(),
                m.framework_name.as_str(),
                m.level.as_str(),
                m.level_name.as_str(),
                m.ready,
                m.fit,
                m.tier,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (2, "gates", "Gates", "l1", "One", true, 1.0, Tier::Ready),
            (0, "gates", "Gates", "l2", "Two", false, 0.925, Tier::Near),
            (
                1,
                "backend-developer",
                "Backend Developer",
                "entry",
                "Entry level",
                false,
                82.0 / 130.0,
                Tier::Stretch
            ),
            (
                3,
                "backend-developer",
                "Backend Developer",
                "senior",
                "Senior level",
                false,
                46.0 / 130.0,
                Tier::Aspirational
            ),
        ]
    );
    // Blockers: the largest weight × gap, at most three, ties in framework order.
    let blockers = |i: usize| -> Vec<(&str, &str, u8)> {
        matches[i]
            .blockers
            .iter()
            .map(|b| (b.skill.as_str(), b.name.as_str(), b.gap))
            .collect()
    };
    assert!(blockers(0).is_empty());
    assert_eq!(blockers(1), [("b", "Beta", 1)]);
    // Entry: databases, APIs, problem-solving (2 × 2 each) before attention and
    // communication (1 × 2).
    assert_eq!(
        blockers(2),
        [
            ("databases-data-modeling", "Databases and data modeling", 2),
            ("apis-integration", "APIs and integration", 2),
            (
                "problem-solving-debugging",
                "Problem-solving and debugging",
                2
            ),
        ]
    );
    // Senior: databases, APIs, problem-solving (2 × 4 = 8) before communication (4) and
    // programming languages or attention to detail (3).
    assert_eq!(TOP_BLOCKERS, 3);
    assert_eq!(
        blockers(3),
        [
            ("databases-data-modeling", "Databases and data modeling", 4),
            ("apis-integration", "APIs and integration", 4),
            (
                "problem-solving-debugging",
                "Problem-solving and debugging",
                4
            ),
        ]
    );
}

#[test]
fn match_roles_agrees_with_assess_and_keeps_input_order_on_ties() {
    let bd = Framework::backend_developer();
    let me = profile();
    let postings: Vec<Posting<'_>> = (0..4)
        .chain(0..4)
        .map(|level| Posting {
            framework: bd,
            level,
        })
        .collect();
    let matches = match_roles(&me, &postings).expect("valid postings");
    let report = bd
        .assess(
            &Assessment::new()
                .rate("programming-languages", Competent)
                .and_then(|a| a.rate("security", Competent))
                .expect("valid ids"),
        )
        .expect("a report");
    for m in &matches {
        let level = &report.levels[postings[m.posting].level];
        assert_eq!((m.fit, m.tier, m.ready), (level.fit, level.tier, level.met));
    }
    // Each level twice: equal fits keep input order.
    let order: Vec<usize> = matches.iter().map(|m| m.posting).collect();
    assert_eq!(order, [0, 4, 1, 5, 2, 6, 3, 7]);
    assert!(match_roles(&me, &[]).expect("no postings").is_empty());
}

#[test]
fn match_top_roles_is_the_head_of_match_roles() {
    let (g, bd) = (gates(), Framework::backend_developer());
    let me = profile();
    // Frameworks interleaved, each level twice, so ties and row reuse are both exercised.
    let postings: Vec<Posting<'_>> = (0..3)
        .flat_map(|level| {
            [
                Posting {
                    framework: bd,
                    level,
                },
                Posting {
                    framework: &g,
                    level,
                },
                Posting {
                    framework: bd,
                    level: level + 1,
                },
                Posting {
                    framework: &g,
                    level,
                },
            ]
        })
        .collect();
    let all = match_roles(&me, &postings).expect("valid postings");
    assert_eq!(all.len(), 12);
    for limit in [0, 1, 2, 3, 5, 11, 12, 13, usize::MAX] {
        let top = match_top_roles(&me, &postings, limit).expect("valid postings");
        assert_eq!(top, all[..limit.min(12)], "limit {limit}");
    }
    let bad = [Posting {
        framework: &g,
        level: 3,
    }];
    let err = match_top_roles(&me, &bad, 0).unwrap_err();
    assert_eq!(err.field(), Some("postings[0].level"), "{err}");
}

#[test]
fn match_roles_names_the_posting_with_a_bad_level_index() {
    let (g, bd) = (gates(), Framework::backend_developer());
    let postings = [
        Posting {
            framework: &g,
            level: 2,
        },
        Posting {
            framework: bd,
            level: 4,
        },
    ];
    let err = match_roles(&profile(), &postings).unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::LevelIndex { field, index: 4, levels: 4 }
            if field == "postings[1].level"),
        "{err:?}"
    );
    assert_eq!(err.field(), Some("postings[1].level"));
    assert_eq!(
        err.to_string(),
        "postings[1].level: level index 4 is outside 0-3"
    );
}
