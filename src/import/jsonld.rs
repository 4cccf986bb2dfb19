//! JSON-LD out: Rich Skill Descriptors for skills, a schema.org `Occupation` for a level.

use serde_json::{Map, Value, json};

use crate::{Category, FrameworkDefinition, Period, Proficiency, Skill};

/// The JSON-LD context of Rich Skill Descriptors, as the Open Skills Network publishes it.
pub const RSD_CONTEXT: &str = "https://rsd.openskillsnetwork.org/context-v1.json";

/// The JSON-LD context of schema.org.
pub const SCHEMA_ORG_CONTEXT: &str = "https://schema.org";

/// A skill as a Rich Skill Descriptor (RSD), the Open Skills Network's format for exchanging
/// skills between registries.
///
/// The keys: `@context` ([`RSD_CONTEXT`]), `type` (`RichSkillDescriptor`), `skillName` (the
/// name), `skillStatement` (the description; when the skill has none, a sentence naming the
/// skill and the framework), `category` (`Technical` or `Professional`), `keywords` (the
/// skill's keywords, possibly empty); and `alignments`, when the skill's
/// [`reference`](Skill::reference) is a URL (an ESCO concept), with that URL as an
/// `Alignment`. No `id` is given: an RSD's id is the URL a registry publishes it at.
///
/// # Example
/// ```
/// use skillgauge::{Framework, import};
///
/// let framework = Framework::backend_developer();
/// let definition = framework.definition();
/// let rsd = import::rich_skill_descriptor(definition, &definition.skills[0]);
/// assert_eq!(rsd["type"], "RichSkillDescriptor");
/// assert_eq!(rsd["@context"], import::RSD_CONTEXT);
/// assert_eq!(rsd["skillName"], definition.skills[0].name.as_str());
/// ```
pub fn rich_skill_descriptor(framework: &FrameworkDefinition, skill: &Skill) -> Value {
    let statement = if skill.description.trim().is_empty() {
        format!(
            "{}, a skill of the {} framework.",
            skill.name, framework.name
        )
    } else {
        skill.description.clone()
    };
    let mut rsd = Map::new();
    rsd.insert("@context".into(), RSD_CONTEXT.into());
    rsd.insert("type".into(), "RichSkillDescriptor".into());
    rsd.insert("skillName".into(), skill.name.as_str().into());
    rsd.insert("skillStatement".into(), statement.into());
    rsd.insert("category".into(), category(skill.category).into());
    rsd.insert("keywords".into(), skill.keywords.clone().into());
    if let Some(url) = skill.reference.as_deref().filter(|r| is_url(r)) {
        rsd.insert(
            "alignments".into(),
            json!([{ "type": "Alignment", "id": url, "skillName": skill.name }]),
        );
    }
    Value::Object(rsd)
}

/// Every skill of the framework as a Rich Skill Descriptor ([`rich_skill_descriptor`]), as a
/// JSON array in framework order.
///
/// # Example
/// ```
/// use skillgauge::{Framework, import};
///
/// let framework = Framework::backend_developer();
/// let rsds = import::rich_skill_descriptors(framework.definition());
/// assert_eq!(rsds.as_array().map(Vec::len), Some(framework.skills().len()));
/// ```
pub fn rich_skill_descriptors(framework: &FrameworkDefinition) -> Value {
    Value::Array(
        framework
            .skills
            .iter()
            .map(|skill| rich_skill_descriptor(framework, skill))
            .collect(),
    )
}

/// The level `level` of the framework as a schema.org
/// [`Occupation`](https://schema.org/Occupation) in JSON-LD, `None` when the framework has no
/// such level.
///
/// The keys: `@context` ([`SCHEMA_ORG_CONTEXT`]), `@type` (`Occupation`), `name` (the
/// framework's name and the level's, `Software Developers (Job-ready)`), `description` (the
/// level's summary, else the framework's), `skills` and, when there is something to put in
/// them, `responsibilities`, `occupationalCategory` and `estimatedSalary`:
/// - `skills`: the skills the level requires above `none`, in framework order, each a
///   `DefinedTerm` with its name, its id as `termCode`, the required proficiency in its
///   `description`, and its reference as `url` when that is a URL; a level that requires
///   nothing lists every skill of the framework, with no proficiency;
/// - `occupationalCategory`: when the framework describes an [`Occupation`](crate::Occupation)
///   (it came from O*NET or ESCO), a `CategoryCode` with the code as `codeValue`, the name,
///   and the scheme (`O*NET-SOC`, `ESCO`) as its `inCodeSet`;
/// - `estimatedSalary`: when the level has a salary band, one `MonetaryAmountDistribution`
///   with the currency, the period as an ISO 8601 `duration` (`P1Y`, `P1M`, `PT1H`), and the
///   band's ends as `percentile10` and `percentile90` (the type has no minimum and maximum;
///   its `description` says they are the band's ends).
///
/// # Example
/// ```
/// use skillgauge::{Framework, import};
///
/// let framework = Framework::backend_developer();
/// let occupation = import::occupation(framework.definition(), "mid").unwrap();
/// assert_eq!(occupation["@type"], "Occupation");
/// assert_eq!(occupation["estimatedSalary"][0]["@type"], "MonetaryAmountDistribution");
/// assert_eq!(occupation["skills"][0]["@type"], "DefinedTerm");
/// assert!(import::occupation(framework.definition(), "wizard").is_none());
/// ```
pub fn occupation(framework: &FrameworkDefinition, level: &str) -> Option<Value> {
    let level = framework.levels.iter().find(|l| l.id.as_str() == level)?;
    let mut out = Map::new();
    out.insert("@context".into(), SCHEMA_ORG_CONTEXT.into());
    out.insert("@type".into(), "Occupation".into());
    out.insert(
        "name".into(),
        format!("{} ({})", framework.name, level.name).into(),
    );
    let description = if level.summary.trim().is_empty() {
        &framework.summary
    } else {
        &level.summary
    };
    if !description.trim().is_empty() {
        out.insert("description".into(), description.as_str().into());
    }
    if !framework.responsibilities.is_empty() {
        out.insert(
            "responsibilities".into(),
            framework.responsibilities.clone().into(),
        );
    }
    if let Some(occupation) = &framework.occupation {
        let mut code = Map::new();
        code.insert("@type".into(), "CategoryCode".into());
        code.insert("codeValue".into(), occupation.code.as_str().into());
        if !occupation.name.is_empty() {
            code.insert("name".into(), occupation.name.as_str().into());
        }
        if is_url(&occupation.code) {
            code.insert("url".into(), occupation.code.as_str().into());
        }
        code.insert(
            "inCodeSet".into(),
            json!({ "@type": "CategoryCodeSet", "name": occupation.scheme }),
        );
        out.insert("occupationalCategory".into(), Value::Object(code));
    }

    let required: Vec<(&Skill, Option<Proficiency>)> =
        if level.requires.values().any(|p| *p > Proficiency::None) {
            framework
                .skills
                .iter()
                .filter_map(|s| {
                    let p = level.requires.get(&s.id).copied()?;
                    (p > Proficiency::None).then_some((s, Some(p)))
                })
                .collect()
        } else {
            framework.skills.iter().map(|s| (s, None)).collect()
        };
    let skills: Vec<Value> = required
        .into_iter()
        .map(|(skill, p)| defined_term(skill, p))
        .collect();
    out.insert("skills".into(), skills.into());

    if let Some(band) = &level.salary {
        let mut salary = Map::new();
        salary.insert("@type".into(), "MonetaryAmountDistribution".into());
        salary.insert("name".into(), "base".into());
        salary.insert("currency".into(), band.currency.as_str().into());
        salary.insert("duration".into(), duration(band.period).into());
        if let Some(min) = band.min {
            salary.insert("percentile10".into(), min.into());
        }
        if let Some(max) = band.max {
            salary.insert("percentile90".into(), max.into());
        }
        let mut words = match (band.min, band.max) {
            (Some(min), Some(max)) => format!(
                "Salary band from {min} to {max} {}: percentile10 and percentile90 are the band's ends.",
                band.currency
            ),
            (Some(min), None) => format!(
                "Salary band from {min} {} with no upper end: percentile10 is the band's floor.",
                band.currency
            ),
            (None, Some(max)) => format!(
                "Salary band up to {max} {}: percentile90 is the band's ceiling.",
                band.currency
            ),
            (None, None) => "No figures given.".to_owned(),
        };
        for note in [band.note.as_deref(), framework.salary_note.as_deref()]
            .into_iter()
            .flatten()
        {
            words.push(' ');
            words.push_str(note);
        }
        salary.insert("description".into(), words.into());
        out.insert("estimatedSalary".into(), json!([salary]));
    }
    Some(Value::Object(out))
}

fn defined_term(skill: &Skill, required: Option<Proficiency>) -> Value {
    let mut term = Map::new();
    term.insert("@type".into(), "DefinedTerm".into());
    term.insert("name".into(), skill.name.as_str().into());
    term.insert("termCode".into(), skill.id.as_str().into());
    if let Some(p) = required {
        term.insert(
            "description".into(),
            format!("Required at {} or above.", p.label()).into(),
        );
    }
    if let Some(url) = skill.reference.as_deref().filter(|r| is_url(r)) {
        term.insert("url".into(), url.into());
    }
    Value::Object(term)
}

fn category(category: Category) -> &'static str {
    match category {
        Category::Professional => "Professional",
        Category::Technical => "Technical",
    }
}

fn duration(period: Period) -> &'static str {
    match period {
        Period::Year => "P1Y",
        Period::Month => "P1M",
        Period::Hour => "PT1H",
    }
}

fn is_url(text: &str) -> bool {
    text.starts_with("http://") || text.starts_with("https://")
}
