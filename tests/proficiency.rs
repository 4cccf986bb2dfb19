//! The one proficiency grammar: `FromStr`, serde and `Display` agree.

use proptest::prelude::*;
use serde_json::json;
use skillgauge::{ParseProficiencyError, Proficiency};

const EXPECTED: &str =
    "expected one of none, novice, advanced_beginner, competent, proficient, expert or 0-5";

const NAMES: [&str; 6] = [
    "none",
    "novice",
    "advanced_beginner",
    "competent",
    "proficient",
    "expert",
];

fn parse(text: &str) -> Result<Proficiency, ParseProficiencyError> {
    text.parse()
}

fn parse_err(text: &str) -> ParseProficiencyError {
    match parse(text) {
        Ok(p) => panic!("{text:?} parsed as {p:?}"),
        Err(err) => err,
    }
}

fn message(input: &str, suggestion: Option<&str>) -> String {
    match suggestion {
        Some(name) => {
            format!("unknown proficiency `{input}`: did you mean `{name}`? {EXPECTED}")
        }
        None => format!("unknown proficiency `{input}`: {EXPECTED}"),
    }
}

/// The message serde gives for a JSON value, without `serde_json`'s position suffix.
fn serde_message(value: serde_json::Value) -> String {
    serde_json::from_value::<Proficiency>(value)
        .expect_err("rejected")
        .to_string()
}

// ---------------------------------------------------------------------------------------------
// Accepted forms
// ---------------------------------------------------------------------------------------------

#[test]
fn snake_case_names_parse() {
    for (p, name) in Proficiency::ALL.into_iter().zip(NAMES) {
        assert_eq!(parse(name), Ok(p), "{name}");
    }
}

#[test]
fn names_parse_in_any_ascii_case() {
    let cases = [
        ("None", Proficiency::None),
        ("NONE", Proficiency::None),
        ("Novice", Proficiency::Novice),
        ("ADVANCED_BEGINNER", Proficiency::AdvancedBeginner),
        ("Advanced_Beginner", Proficiency::AdvancedBeginner),
        ("Competent", Proficiency::Competent),
        ("cOmPeTeNt", Proficiency::Competent),
        ("PROFICIENT", Proficiency::Proficient),
        ("Expert", Proficiency::Expert),
    ];
    for (text, p) in cases {
        assert_eq!(parse(text), Ok(p), "{text:?}");
    }
}

#[test]
fn a_space_or_a_dash_may_stand_for_the_underscore() {
    for text in [
        "advanced beginner",
        "Advanced Beginner",
        "advanced-beginner",
        "Advanced-Beginner",
        "ADVANCED BEGINNER",
        "ADVANCED-BEGINNER",
    ] {
        assert_eq!(parse(text), Ok(Proficiency::AdvancedBeginner), "{text:?}");
    }
}

#[test]
fn surrounding_whitespace_is_trimmed() {
    for text in [
        " competent",
        "competent ",
        "  competent  ",
        "\tcompetent\n",
        "\r\nCompetent\r\n",
        "\u{2003}competent\u{a0}",
        " 3 ",
        "\n3\n",
    ] {
        assert_eq!(parse(text), Ok(Proficiency::Competent), "{text:?}");
    }
    assert_eq!(
        parse("  Advanced Beginner \n"),
        Ok(Proficiency::AdvancedBeginner)
    );
}

#[test]
fn a_single_digit_zero_to_five_parses() {
    for (n, p) in Proficiency::ALL.into_iter().enumerate() {
        assert_eq!(parse(&n.to_string()), Ok(p), "{n}");
    }
}

#[test]
fn labels_parse() {
    for p in Proficiency::ALL {
        assert_eq!(parse(p.label()), Ok(p), "{}", p.label());
    }
}

// ---------------------------------------------------------------------------------------------
// Rejected forms and their messages
// ---------------------------------------------------------------------------------------------

#[test]
fn other_numbers_are_rejected_with_the_exact_message() {
    for text in [
        "+3", "003", "03", "3.0", "3.", "6", "9", "-1", "-0", "+0", "10", "35", "3e0", "0x3",
        "\u{ff13}", // fullwidth digit three
        "\u{663}",  // Arabic-Indic digit three
    ] {
        let err = parse_err(text);
        assert_eq!(err.to_string(), message(text, None), "{text:?}");
        assert_eq!(err.input(), text);
        assert_eq!(err.suggestion(), None, "{text:?}");
    }
}

#[test]
fn other_words_are_rejected_with_the_exact_message() {
    for text in [
        "",
        "   ",
        "guru",
        "master",
        "beginner",
        "no",
        "x",
        "advanced beginner expert",
        "none novice",
        "COMPETENT!!!!",
        "\u{ff23}\u{ff2f}\u{ff2d}\u{ff30}\u{ff25}\u{ff34}\u{ff25}\u{ff2e}\u{ff34}", // fullwidth
    ] {
        let err = parse_err(text);
        assert_eq!(err.to_string(), message(text.trim(), None), "{text:?}");
        assert_eq!(err.input(), text.trim());
        assert_eq!(err.suggestion(), None, "{text:?}");
    }
}

#[test]
fn only_one_separator_and_only_space_or_dash() {
    for text in [
        "advanced  beginner",
        "advanced\tbeginner",
        "advanced_-beginner",
        "advanced.beginner",
        "advancedbeginner",
        "advanced__beginner",
    ] {
        let err = parse_err(text);
        assert_eq!(
            err.suggestion(),
            Some(Proficiency::AdvancedBeginner),
            "{text:?}"
        );
        assert_eq!(
            err.to_string(),
            message(text, Some("advanced_beginner")),
            "{text:?}"
        );
    }
}

#[test]
fn the_issue_example_suggests_competent() {
    let err = parse_err("compitent");
    assert_eq!(err.input(), "compitent");
    assert_eq!(err.suggestion(), Some(Proficiency::Competent));
    assert_eq!(
        err.to_string(),
        "unknown proficiency `compitent`: did you mean `competent`? expected one of none, novice, \
         advanced_beginner, competent, proficient, expert or 0-5"
    );
}

#[test]
fn close_words_get_a_suggestion() {
    let cases = [
        // Typos within two edits, after lowercasing and mapping ' ' and '-' to '_'.
        ("compitent", Proficiency::Competent),
        ("Compitent", Proficiency::Competent),
        ("competnet", Proficiency::Competent),
        ("compétent", Proficiency::Competent),
        ("competant", Proficiency::Competent),
        ("exprt", Proficiency::Expert),
        ("EXPERTT", Proficiency::Expert),
        ("expret", Proficiency::Expert),
        ("ex pert", Proficiency::Expert),
        ("expert\u{0}", Proficiency::Expert),
        ("profficient", Proficiency::Proficient),
        ("proficent", Proficiency::Proficient),
        ("novise", Proficiency::Novice),
        ("noone", Proficiency::None),
        ("one", Proficiency::None),
        ("advanced begginer", Proficiency::AdvancedBeginner),
        ("advanced-beginer", Proficiency::AdvancedBeginner),
        // Unique prefixes of at least three letters.
        ("nov", Proficiency::Novice),
        ("non", Proficiency::None),
        ("adv", Proficiency::AdvancedBeginner),
        ("advanced", Proficiency::AdvancedBeginner),
        ("Advanced Beg", Proficiency::AdvancedBeginner),
        ("comp", Proficiency::Competent),
        ("pro", Proficiency::Proficient),
        ("exp", Proficiency::Expert),
    ];
    for (text, p) in cases {
        let err = parse_err(text);
        assert_eq!(err.suggestion(), Some(p), "{text:?}");
        assert_eq!(err.input(), text);
        assert_eq!(err.to_string(), message(text, Some(p.as_str())), "{text:?}");
    }
}

#[test]
fn far_or_ambiguous_words_get_no_suggestion() {
    // Too short for a prefix ("no", "ex"), too far ("compatibility"), or all edits ("on").
    for text in [
        "no",
        "ex",
        "on",
        "n",
        "e",
        "compatibility",
        "expertise!!",
        "nobody",
    ] {
        assert_eq!(parse_err(text).suggestion(), None, "{text:?}");
    }
}

#[test]
fn the_input_keeps_the_text_trimmed_and_cut_to_80_characters() {
    let err = parse_err("  Compitent \n");
    assert_eq!(err.input(), "Compitent");
    assert_eq!(err.to_string(), message("Compitent", Some("competent")));
    assert_eq!(err.suggestion(), Some(Proficiency::Competent));

    let long = "a".repeat(10_000);
    let err = parse_err(&long);
    assert_eq!(err.input(), "a".repeat(80));
    assert_eq!(err.suggestion(), None);
    assert_eq!(err.to_string(), message(&"a".repeat(80), None));

    let wide = "é".repeat(100);
    assert_eq!(parse_err(&wide).input(), "é".repeat(80));

    // A long text is never "close", however it starts.
    let padded = format!("competent{}", "x".repeat(1_000));
    assert_eq!(parse_err(&padded).suggestion(), None);
    let repeated = "competent".repeat(1_000);
    assert_eq!(parse_err(&repeated).suggestion(), None);
    // But surrounding whitespace does not count against it.
    let spaced = format!("{}compitent{}", " ".repeat(1_000), " ".repeat(1_000));
    assert_eq!(
        parse_err(&spaced).suggestion(),
        Some(Proficiency::Competent)
    );
    assert_eq!(parse_err(&spaced).input(), "compitent");
    let spaced_long = format!(" {} ", "b".repeat(100));
    assert_eq!(parse_err(&spaced_long).input(), "b".repeat(80));
}

#[test]
fn the_error_is_a_well_behaved_error() {
    fn assert_traits<T: std::error::Error + Clone + PartialEq + Eq + Send + Sync + 'static>() {}
    assert_traits::<ParseProficiencyError>();
    let err = parse_err("compitent");
    assert_eq!(err.clone(), err);
    assert_ne!(err, parse_err("guru"));
    assert!(format!("{err:?}").contains("compitent"));
    let message = err.to_string();
    assert_eq!(message, message.to_lowercase());
    assert!(!message.ends_with('.'));
}

// ---------------------------------------------------------------------------------------------
// Serde
// ---------------------------------------------------------------------------------------------

#[test]
fn serde_reads_strings_with_the_same_grammar() {
    let cases = [
        ("\"competent\"", Proficiency::Competent),
        ("\"Competent\"", Proficiency::Competent),
        ("\"advanced beginner\"", Proficiency::AdvancedBeginner),
        ("\"Advanced-Beginner\"", Proficiency::AdvancedBeginner),
        ("\"ADVANCED_BEGINNER\"", Proficiency::AdvancedBeginner),
        ("\" expert \"", Proficiency::Expert),
        ("\"3\"", Proficiency::Competent),
        ("\"0\"", Proficiency::None),
        ("\"5\"", Proficiency::Expert),
    ];
    for (json, p) in cases {
        assert_eq!(
            serde_json::from_str::<Proficiency>(json).unwrap(),
            p,
            "{json}"
        );
    }
}

#[test]
fn serde_reads_integers_zero_to_five() {
    for (n, p) in Proficiency::ALL.into_iter().enumerate() {
        assert_eq!(
            serde_json::from_str::<Proficiency>(&n.to_string()).unwrap(),
            p
        );
        assert_eq!(serde_json::from_value::<Proficiency>(json!(n)).unwrap(), p);
        let signed = i64::try_from(n).unwrap();
        assert_eq!(
            serde_json::from_value::<Proficiency>(json!(signed)).unwrap(),
            p
        );
    }
}

#[test]
fn serde_rejects_other_integers_with_the_exact_message() {
    assert_eq!(serde_message(json!(6)), "proficiency 6 is outside 0-5");
    assert_eq!(serde_message(json!(-1)), "proficiency -1 is outside 0-5");
    assert_eq!(
        serde_message(json!(u64::MAX)),
        "proficiency 18446744073709551615 is outside 0-5"
    );
    assert_eq!(
        serde_message(json!(i64::MIN)),
        "proficiency -9223372036854775808 is outside 0-5"
    );
    let err = serde_json::from_str::<Proficiency>("6").unwrap_err();
    assert_eq!(
        err.to_string(),
        "proficiency 6 is outside 0-5 at line 1 column 1"
    );
}

#[test]
fn serde_rejects_other_kinds_of_value() {
    for value in [
        json!(3.0),
        json!(2.5),
        json!(null),
        json!(true),
        json!([3]),
        json!({}),
    ] {
        assert!(
            serde_json::from_value::<Proficiency>(value.clone()).is_err(),
            "{value}"
        );
    }
}

#[test]
fn serde_gives_the_from_str_message_for_strings() {
    for text in [
        "compitent",
        "guru",
        "+3",
        "003",
        "3.0",
        "6",
        "-1",
        "",
        "advancedbeginner",
    ] {
        assert_eq!(
            serde_message(json!(text)),
            parse_err(text).to_string(),
            "{text:?}"
        );
    }
    assert_eq!(
        serde_message(json!("compitent")),
        message("compitent", Some("competent"))
    );
    assert_eq!(serde_message(json!("6")), message("6", None));
    let err = serde_json::from_str::<Proficiency>("\"compitent\"").unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{} at line 1 column 11",
            message("compitent", Some("competent"))
        )
    );
}

#[test]
fn serialization_is_the_snake_case_name() {
    for (p, name) in Proficiency::ALL.into_iter().zip(NAMES) {
        assert_eq!(serde_json::to_value(p).unwrap(), json!(name));
        assert_eq!(serde_json::to_string(&p).unwrap(), format!("\"{name}\""));
    }
}

// ---------------------------------------------------------------------------------------------
// One name everywhere
// ---------------------------------------------------------------------------------------------

#[test]
fn display_and_from_str_round_trip() {
    for (p, name) in Proficiency::ALL.into_iter().zip(NAMES) {
        assert_eq!(p.to_string(), name);
        assert_eq!(parse(&p.to_string()), Ok(p));
    }
}

#[test]
fn strum_names_agree_with_serde_and_display() {
    for p in Proficiency::ALL {
        let serialized = serde_json::to_value(p).unwrap();
        assert_eq!(serialized.as_str(), Some(p.as_str()));
        assert_eq!(p.as_str(), p.to_string());
        let from_json: Proficiency = serde_json::from_value(serialized).unwrap();
        assert_eq!(from_json, p);
        assert_eq!(p.as_str().parse::<Proficiency>(), Ok(p));
        assert_eq!(Proficiency::from_u8(p.as_u8()), Some(p));
    }
    assert_eq!(
        Proficiency::ALL.map(Proficiency::as_str),
        NAMES,
        "strum's snake_case names"
    );
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

/// A name in a random ASCII case, with a random separator and random surrounding whitespace.
fn spelled() -> impl Strategy<Value = (Proficiency, String)> {
    (
        0..Proficiency::ALL.len(),
        prop::collection::vec(any::<bool>(), 17),
        prop_oneof![Just('_'), Just(' '), Just('-')],
        "[ \t\r\n]{0,3}",
        "[ \t\r\n]{0,3}",
    )
        .prop_map(|(i, upper, separator, before, after)| {
            let p = Proficiency::ALL[i];
            let name: String = p
                .as_str()
                .chars()
                .zip(upper)
                .map(|(c, up)| match c {
                    '_' => separator,
                    c if up => c.to_ascii_uppercase(),
                    c => c,
                })
                .collect();
            (p, format!("{before}{name}{after}"))
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parsing_never_panics_and_accepted_text_round_trips(s in any::<String>()) {
        match s.parse::<Proficiency>() {
            Ok(p) => {
                prop_assert_eq!(p.to_string().parse::<Proficiency>(), Ok(p));
                prop_assert_eq!(serde_json::from_value::<Proficiency>(json!(s)).unwrap(), p);
            }
            Err(err) => {
                prop_assert_eq!(err.input(), s.trim().chars().take(80).collect::<String>());
                let message = err.to_string();
                prop_assert!(message.starts_with("unknown proficiency `"), "{}", message);
                prop_assert!(message.ends_with(EXPECTED), "{}", message);
                // A suggestion is a name that is itself accepted.
                if let Some(p) = err.suggestion() {
                    prop_assert_eq!(p.as_str().parse::<Proficiency>(), Ok(p));
                }
                prop_assert_eq!(serde_message(json!(s)), message);
            }
        }
    }

    #[test]
    fn long_and_unusual_text_never_panics(s in "(\\PC|\\s|[_ -]|[0-9]){0,400}") {
        let _ = s.parse::<Proficiency>();
        let long = s.repeat(20);
        if let Err(err) = long.parse::<Proficiency>() {
            prop_assert!(err.input().chars().count() <= 80);
        }
    }

    #[test]
    fn near_names_never_panic(s in "[ \t]{0,2}[a-zA-Z_ -]{0,20}[ \t]{0,2}") {
        if let Ok(p) = s.parse::<Proficiency>() {
            prop_assert_eq!(p.to_string().parse::<Proficiency>(), Ok(p));
        }
    }

    #[test]
    fn every_spelling_of_a_name_parses((p, text) in spelled()) {
        prop_assert_eq!(text.parse::<Proficiency>(), Ok(p));
        prop_assert_eq!(serde_json::from_value::<Proficiency>(json!(text)).unwrap(), p);
    }

    #[test]
    fn only_a_single_digit_zero_to_five_is_a_number(n in any::<i64>()) {
        let plain = n.to_string();
        let accepted = (0..=5).contains(&n);
        prop_assert_eq!(plain.parse::<Proficiency>().is_ok(), accepted);
        let signed = format!("+{n}");
        let padded = format!("0{n}");
        let decimal = format!("{n}.0");
        for text in [signed, padded, decimal] {
            let err = text.parse::<Proficiency>().unwrap_err();
            prop_assert_eq!(err.to_string(), message(&text, None));
        }
    }
}
