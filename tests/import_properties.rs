//! Property tests of the importers: no bytes make them panic; the O*NET level mapping never
//! decreases; importance becomes a weight exactly.
#![cfg(feature = "import")]

use proptest::prelude::*;
use skillgauge::import::{self, EscoOptions, OnetOptions};
use skillgauge::{Framework, Proficiency};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
const DEVELOPER: &str =
    "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1";

fn read(path: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}/{path}")).expect("fixture")
}

/// A fixture with a few bytes overwritten, deleted or inserted: mostly well-formed input
/// with something wrong somewhere, which reaches deeper than random bytes.
fn mutated(path: &'static str) -> impl Strategy<Value = Vec<u8>> {
    let original = read(path);
    let len = original.len();
    proptest::collection::vec((0..len, any::<u8>(), 0..3u8), 1..8).prop_map(move |edits| {
        let mut bytes = original.clone();
        for (at, byte, op) in edits {
            let at = at.min(bytes.len().saturating_sub(1));
            match op {
                0 => bytes[at] = byte,
                1 => {
                    bytes.remove(at);
                }
                _ => bytes.insert(at, byte),
            }
        }
        bytes
    })
}

fn interesting_bytes() -> impl Strategy<Value = Vec<u8>> {
    // Separators, quotes, line breaks, digits and letters the formats care about, and any byte.
    let byte = prop_oneof![
        Just(b'\t'),
        Just(b','),
        Just(b'"'),
        Just(b'\n'),
        Just(b'\r'),
        Just(b'.'),
        Just(b'-'),
        b'0'..=b'9',
        b'A'..=b'Z',
        any::<u8>(),
    ];
    proptest::collection::vec(byte, 0..400)
}

proptest! {
    #[test]
    fn onet_never_panics(bytes in interesting_bytes(), code in "[0-9.-]{0,12}") {
        let _ = import::onet(&bytes, &code, &OnetOptions::default());
        let _ = import::onet_title(&bytes, &code);
    }

    #[test]
    fn onet_never_panics_on_a_damaged_file(bytes in mutated("onet/Skills.txt")) {
        if let Ok(imported) = import::onet(&bytes, "15-1252.00", &OnetOptions::default()) {
            // Whatever it builds from a damaged file is still a valid framework.
            prop_assert!(Framework::new(imported.framework).is_ok());
        }
    }

    #[test]
    fn esco_never_panics(relations in interesting_bytes(), skills in interesting_bytes()) {
        let _ = import::esco(&relations, &skills, DEVELOPER, &EscoOptions::default());
    }

    #[test]
    fn esco_never_panics_on_damaged_files(
        relations in mutated("esco/occupationSkillRelations_en.csv"),
        skills in mutated("esco/skills_en.csv"),
    ) {
        if let Ok(imported) = import::esco(&relations, &skills, DEVELOPER, &EscoOptions::default()) {
            prop_assert!(Framework::new(imported.framework).is_ok());
        }
    }

    #[test]
    fn resume_never_panics(bytes in interesting_bytes()) {
        let _ = import::resume(&bytes, Framework::backend_developer().definition());
    }

    #[test]
    fn resume_never_panics_on_a_damaged_file(bytes in mutated("resume/backend.json")) {
        let framework = Framework::backend_developer();
        if let Ok(draft) = import::resume(&bytes, framework.definition()) {
            prop_assert!(framework.assess(&draft.assessment).is_ok());
        }
    }

    #[test]
    fn onet_level_mapping_is_monotone(a in 0..=7000u32, b in 0..=7000u32) {
        let (low, high) = (a.min(b), a.max(b));
        let (p, q) = (
            import::proficiency_for_onet_level(low),
            import::proficiency_for_onet_level(high),
        );
        prop_assert!(p.is_some() && q.is_some());
        prop_assert!(p <= q, "{low} -> {p:?}, {high} -> {q:?}");
        prop_assert_eq!(import::proficiency_for_onet_level(high + 7001), None);
    }

    #[test]
    fn importance_is_the_weight_exactly(importance in 1000..=5000u32) {
        let weight = import::weight_for_onet_importance(importance).unwrap();
        let text = format!("{}.{:03}", importance / 1000, importance % 1000);
        prop_assert_eq!(weight.to_bits(), text.parse::<f64>().unwrap().to_bits());
    }
}

#[test]
fn onet_level_mapping_covers_the_scale() {
    let all: Vec<Proficiency> = (0..=7000)
        .filter_map(import::proficiency_for_onet_level)
        .collect();
    assert_eq!(all.first(), Some(&Proficiency::None));
    assert_eq!(all.last(), Some(&Proficiency::Expert));
    assert!(all.windows(2).all(|w| w[0] <= w[1]));
    for p in Proficiency::ALL {
        assert!(all.contains(&p), "{p} is reached");
    }
}

#[test]
fn public_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<import::ImportError>();
    check::<import::ImportErrorKind>();
    check::<import::Imported>();
    check::<import::Skipped>();
    check::<import::Draft>();
    check::<OnetOptions>();
    check::<EscoOptions>();
}
