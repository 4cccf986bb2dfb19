//! JSON-LD out: Rich Skill Descriptors and schema.org `Occupation`s parse as JSON and carry
//! their required keys.
#![cfg(feature = "import")]

use serde_json::Value;
use skillgauge::import::{self, EscoOptions, OnetOptions, RSD_CONTEXT, SCHEMA_ORG_CONTEXT};
use skillgauge::{Framework, FrameworkDefinition, SalaryBand};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
const DEVELOPER: &str =
    "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1";

fn read(path: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}/{path}")).expect("fixture")
}

fn onet() -> FrameworkDefinition {
    let mut options = OnetOptions::default();
    options.title = Some("Software Developers".to_owned());
    import::onet(&read("onet/Skills.txt"), "15-1252.00", &options)
        .unwrap()
        .framework
}

fn esco() -> FrameworkDefinition {
    import::esco(
        &read("esco/occupationSkillRelations_en.csv"),
        &read("esco/skills_en.csv"),
        DEVELOPER,
        &EscoOptions::default(),
    )
    .unwrap()
    .framework
}

/// The value written out as JSON text and parsed back, as a consumer would receive it.
#[track_caller]
fn reparse(value: &Value) -> Value {
    let text = serde_json::to_string_pretty(value).unwrap();
    serde_json::from_str(&text).expect("valid JSON")
}

#[track_caller]
fn text<'a>(value: &'a Value, key: &str) -> &'a str {
    value[key]
        .as_str()
        .unwrap_or_else(|| panic!("`{key}` is a string in {value}"))
}

#[test]
fn rich_skill_descriptors_have_the_required_keys() {
    for def in [
        onet(),
        esco(),
        Framework::backend_developer().definition().clone(),
    ] {
        let rsds = reparse(&import::rich_skill_descriptors(&def));
        let rsds = rsds.as_array().expect("an array");
        assert_eq!(rsds.len(), def.skills.len());
        for (rsd, skill) in rsds.iter().zip(&def.skills) {
            assert_eq!(text(rsd, "@context"), RSD_CONTEXT);
            assert_eq!(text(rsd, "type"), "RichSkillDescriptor");
            assert_eq!(text(rsd, "skillName"), skill.name);
            assert!(!text(rsd, "skillStatement").is_empty());
            assert!(["Technical", "Professional"].contains(&text(rsd, "category")));
            let keywords: Vec<&str> = rsd["keywords"]
                .as_array()
                .expect("keywords")
                .iter()
                .map(|k| k.as_str().unwrap())
                .collect();
            assert_eq!(keywords, skill.keywords);
        }
    }
}

#[test]
fn esco_skills_align_to_their_concepts() {
    let def = esco();
    let rsd = import::rich_skill_descriptor(&def, &def.skills[0]);
    assert_eq!(rsd["skillName"], "computer programming");
    assert_eq!(
        rsd["skillStatement"],
        "Writing, testing and maintaining the instructions that make computers do useful work."
    );
    assert_eq!(rsd["category"], "Technical");
    assert_eq!(rsd["keywords"][0], "programming");
    assert_eq!(rsd["alignments"][0]["type"], "Alignment");
    assert_eq!(
        rsd["alignments"][0]["id"],
        def.skills[0].reference.as_deref().unwrap()
    );
    // O*NET element ids are not URLs: no alignment.
    let def = onet();
    let rsd = import::rich_skill_descriptor(&def, &def.skills[0]);
    assert!(rsd.get("alignments").is_none());
}

#[test]
fn onet_level_as_an_occupation() {
    let mut def = onet();
    let occupation = reparse(&import::occupation(&def, "job-ready").expect("level"));
    assert_eq!(text(&occupation, "@context"), SCHEMA_ORG_CONTEXT);
    assert_eq!(text(&occupation, "@type"), "Occupation");
    assert_eq!(text(&occupation, "name"), "Software Developers (Job-ready)");
    let category = &occupation["occupationalCategory"];
    assert_eq!(category["@type"], "CategoryCode");
    assert_eq!(category["codeValue"], "15-1252.00");
    assert_eq!(category["name"], "Software Developers");
    assert_eq!(category["inCodeSet"]["name"], "O*NET-SOC");
    // The eleven required skills, in framework order.
    let skills = occupation["skills"].as_array().expect("skills");
    assert_eq!(skills.len(), 11);
    assert!(skills.iter().all(|s| s["@type"] == "DefinedTerm"));
    assert_eq!(skills[0]["name"], "Reading Comprehension");
    assert_eq!(skills[0]["termCode"], "reading-comprehension");
    let programming = skills
        .iter()
        .find(|s| s["termCode"] == "programming")
        .unwrap();
    assert_eq!(
        programming["description"],
        "Required at proficient or above."
    );
    // No salary band, no estimatedSalary.
    assert!(occupation.get("estimatedSalary").is_none());

    // With a band on the level, a MonetaryAmountDistribution.
    let level = def.levels.iter_mut().find(|l| l.id == "job-ready").unwrap();
    level.salary = Some(SalaryBand::new(Some(90_000), Some(120_000), "USD"));
    let occupation = reparse(&import::occupation(&def, "job-ready").unwrap());
    let salary = &occupation["estimatedSalary"][0];
    assert_eq!(salary["@type"], "MonetaryAmountDistribution");
    assert_eq!(salary["currency"], "USD");
    assert_eq!(salary["duration"], "P1Y");
    assert_eq!(salary["percentile10"], 90_000);
    assert_eq!(salary["percentile90"], 120_000);

    assert!(import::occupation(&def, "senior").is_none());
}

#[test]
fn esco_and_built_in_levels_as_occupations() {
    let def = esco();
    let occupation = reparse(&import::occupation(&def, "entry").unwrap());
    assert_eq!(occupation["occupationalCategory"]["codeValue"], DEVELOPER);
    assert_eq!(occupation["occupationalCategory"]["url"], DEVELOPER);
    assert_eq!(
        occupation["occupationalCategory"]["inCodeSet"]["name"],
        "ESCO"
    );
    assert_eq!(occupation["skills"].as_array().unwrap().len(), 6);
    assert_eq!(
        occupation["skills"][0]["url"],
        def.skills[0].reference.as_deref().unwrap()
    );

    // The built-in framework has salary bands and no taxonomy occupation.
    let builtin = Framework::backend_developer().definition();
    for level in &builtin.levels {
        let occupation = reparse(&import::occupation(builtin, level.id.as_str()).unwrap());
        assert_eq!(occupation["@type"], "Occupation");
        assert!(occupation.get("occupationalCategory").is_none());
        assert!(!occupation["skills"].as_array().unwrap().is_empty());
        assert!(
            !occupation["responsibilities"]
                .as_array()
                .unwrap()
                .is_empty()
        );
        if level.salary.is_some() {
            assert_eq!(
                occupation["estimatedSalary"][0]["@type"],
                "MonetaryAmountDistribution"
            );
        }
    }
}
