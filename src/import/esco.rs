//! ESCO's `occupationSkillRelations` and `skills` CSV files → a framework for one occupation.

use std::collections::{BTreeMap, BTreeSet};

use super::table::{Dialect, Table};
use super::{
    Ids, ImportError, ImportErrorKind, Imported, cut, cut_bytes, invalid_id, ladder, slug, weight,
    weight_option,
};
use crate::{Category, FrameworkDefinition, Id, Occupation, Proficiency, Skill};

/// The attribution an ESCO framework carries when [`EscoOptions::esco_version`] is not given.
///
/// ESCO (European Skills, Competences, Qualifications and Occupations) is a European Commission
/// project; its data may be reused, with acknowledgement, under the Commission's reuse policy.
pub const ESCO_ATTRIBUTION: &str = "This framework uses the ESCO classification of the European Commission. ESCO is a European Commission project. skillgauge has modified the data: it selected the skills of one occupation and mapped their relations to weights and proficiencies.";

/// How [`esco`] builds a framework.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct EscoOptions {
    /// The occupation's name. By default the `occupationLabel` column of the relations file
    /// (ESCO v1.2 and later); older files have no label, and then the framework is named
    /// after the URI unless this is given.
    pub name: Option<String>,
    /// The proficiency `job-ready` requires of each essential skill: `competent` by default.
    /// Above `none`.
    pub essential: Proficiency,
    /// The weight of an essential skill: 1 by default.
    pub essential_weight: f64,
    /// The weight of an optional skill, which no level requires: 0.5 by default.
    pub optional_weight: f64,
    /// How many levels go below `job-ready`, each asking one proficiency less (0–2, default 1:
    /// `entry`).
    pub lower_levels: u8,
    /// The ESCO version (`"v1.2.0"`), named in the attribution when given.
    pub esco_version: Option<String>,
}

impl Default for EscoOptions {
    fn default() -> Self {
        EscoOptions {
            name: None,
            essential: Proficiency::Competent,
            essential_weight: 1.0,
            optional_weight: 0.5,
            lower_levels: 1,
            esco_version: None,
        }
    }
}

/// One skill of the occupation, as the relations file gives it.
struct Relation {
    uri: String,
    essential: bool,
    label: String,
    line: u64,
    column: u64,
}

/// What the skills file says of a skill.
#[derive(Default)]
struct Concept {
    label: String,
    alt_labels: Vec<String>,
    description: String,
    transversal: bool,
}

/// The most alternative labels kept as keywords of one skill.
const MAX_KEYWORDS: usize = 64;

/// The longest description kept, in bytes (a framework's text limit).
const MAX_DESCRIPTION: usize = 10_000;

/// Builds a framework for the ESCO occupation `occupation_uri` from ESCO's
/// `occupationSkillRelations_<lang>.csv` (`relations`) and `skills_<lang>.csv` (`skills`).
///
/// Columns are found by their header names, so the order does not matter and releases with
/// different layouts both read: the relations file needs `occupationUri`, `relationType` and
/// `skillUri` (v1.2 adds `occupationLabel`, `skillType` and `skillLabel`, used when present);
/// the skills file needs `conceptUri` and `preferredLabel`, and uses `altLabels`,
/// `description` and `reuseLevel` when present. Every relation row is checked, not only the
/// occupation's.
///
/// The framework:
/// - one skill per skill of the occupation, essential ones first, each group in order of
///   label (so the order of the rows does not matter); the id comes from the preferred label
///   (`manage-ict-projects`), made unique with `-2`, `-3`, … in order of label then URI; the
///   concept URI is the [`reference`](Skill::reference), the alternative labels (one a line in
///   ESCO's files) the keywords, the description the description; transversal skills are
///   professional, all others technical;
/// - weights [`EscoOptions::essential_weight`] and [`EscoOptions::optional_weight`];
/// - levels: `job-ready` requires each essential skill at [`EscoOptions::essential`]; below
///   it, [`EscoOptions::lower_levels`] levels each ask one proficiency less; optional skills
///   are never required;
/// - the [`Occupation`] (`ESCO`, the URI, the name) and [`ESCO_ATTRIBUTION`].
///
/// A skill both essential and optional for the occupation counts as essential. A skill missing
/// from the skills file is taken with the relation's `skillLabel` when the file has one.
///
/// # Errors
/// An [`ImportError`] whose [`input`](ImportError::input) is `relations` or `skills`, with the
/// line and column, for a missing column, a short row, an empty field, a relation type other
/// than `essential`/`optional`, and a skill in neither the skills file nor with a label;
/// without a place for an occupation not in the relations file and options out of range.
pub fn esco(
    relations: &[u8],
    skills: &[u8],
    occupation_uri: &str,
    options: &EscoOptions,
) -> Result<Imported, ImportError> {
    let occupation_uri = occupation_uri.trim();
    let essential_weight = weight_option("essential_weight", options.essential_weight)?;
    let optional_weight = weight_option("optional_weight", options.optional_weight)?;
    if options.essential == Proficiency::None {
        return Err(ImportErrorKind::InvalidOption {
            name: "essential",
            message: "the proficiency essential skills require must be above none".to_owned(),
        }
        .into());
    }
    let (relations, label) =
        read_relations(relations, occupation_uri).map_err(|e| e.in_input("relations"))?;
    let wanted: BTreeSet<&str> = relations.iter().map(|r| r.uri.as_str()).collect();
    let mut concepts = read_skills(skills, &wanted).map_err(|e| e.in_input("skills"))?;

    let (skills, top) = build_skills(
        relations,
        &mut concepts,
        options,
        essential_weight,
        optional_weight,
    )?;

    let name = options
        .name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .or(label)
        .unwrap_or_else(|| format!("ESCO occupation {}", last_segment(occupation_uri)));
    let framework_id = format!("esco-{}", slug(last_segment(occupation_uri)));
    let framework_id = super::cut_bytes(&framework_id, 64);
    let framework_id = framework_id.trim_end_matches('-');
    let essential_count = top.len();
    let top_summary = format!(
        "Every essential skill of the occupation at {} or above.",
        options.essential.label()
    );
    let levels = ladder(&top, options.lower_levels, &top_summary)?;
    let mut framework = FrameworkDefinition::new(framework_id, name.clone(), skills, levels)
        .map_err(|e| invalid_id(&e))?;
    framework.summary = format!(
        "Skills of {name} in ESCO: {essential_count} essential, {} optional.",
        framework.skills.len() - essential_count
    );
    framework.attribution = Some(match options.esco_version.as_deref().map(str::trim) {
        Some(v) if !v.is_empty() => ESCO_ATTRIBUTION.replacen(
            "the ESCO classification",
            &format!("the ESCO classification ({v})"),
            1,
        ),
        _ => ESCO_ATTRIBUTION.to_owned(),
    });
    framework.occupation = Some(Occupation::new("ESCO", occupation_uri, name));
    Ok(Imported {
        framework,
        skipped: Vec::new(),
    })
}

/// The framework's skills, essential ones first, then by label and URI, and what `job-ready`
/// requires of them.
fn build_skills(
    relations: Vec<Relation>,
    concepts: &mut BTreeMap<String, Concept>,
    options: &EscoOptions,
    essential_weight: u64,
    optional_weight: u64,
) -> Result<(Vec<Skill>, BTreeMap<Id, Proficiency>), ImportError> {
    // Resolve every skill to its concept, essential ones first, then by label and URI.
    let mut resolved = Vec::new();
    for relation in relations {
        let concept = match concepts.remove(&relation.uri) {
            Some(concept) => concept,
            None if !relation.label.is_empty() => Concept {
                label: relation.label.clone(),
                ..Concept::default()
            },
            None => {
                return Err(ImportError::at(
                    ImportErrorKind::UnknownSkill {
                        uri: cut(&relation.uri),
                    },
                    relation.line,
                    relation.column,
                )
                .in_input("relations"));
            }
        };
        resolved.push((relation, concept));
    }
    resolved.sort_by(|(a, ca), (b, cb)| {
        b.essential
            .cmp(&a.essential)
            .then_with(|| ca.label.to_lowercase().cmp(&cb.label.to_lowercase()))
            .then_with(|| a.uri.cmp(&b.uri))
    });

    // Ids are handed out in order of slug then URI, so the suffixes do not depend on which
    // group a skill is in or on the order of the rows.
    let mut by_slug: Vec<usize> = (0..resolved.len()).collect();
    by_slug.sort_by_cached_key(|&i| {
        resolved
            .get(i)
            .map(|(r, c)| (slug(&c.label), r.uri.clone()))
    });
    let mut ids = Ids::default();
    let mut assigned = vec![None; resolved.len()];
    for i in by_slug {
        if let (Some((_, concept)), Some(slot)) = (resolved.get(i), assigned.get_mut(i)) {
            *slot = Some(ids.take(&concept.label));
        }
    }

    let mut skills = Vec::new();
    let mut top = BTreeMap::new();
    for ((relation, concept), id) in resolved.into_iter().zip(assigned) {
        let Some(id) = id else { continue };
        let mut skill = Skill::new(id.as_str(), concept.label).map_err(|e| invalid_id(&e))?;
        skill.category = if concept.transversal {
            Category::Professional
        } else {
            Category::Technical
        };
        skill.description = concept.description;
        skill.keywords = concept.alt_labels;
        skill.reference = Some(relation.uri);
        if relation.essential {
            skill.weight = weight(essential_weight);
            top.insert(id, options.essential);
        } else {
            skill.weight = weight(optional_weight);
        }
        skills.push(skill);
    }

    Ok((skills, top))
}

/// The skills of the occupation, one per URI, and its label if the file gives one.
fn read_relations(
    bytes: &[u8],
    occupation_uri: &str,
) -> Result<(Vec<Relation>, Option<String>), ImportError> {
    let mut table = Table::open(bytes, Dialect::Csv)?;
    let occupation = table.require("occupationUri")?;
    let relation_type = table.require("relationType")?;
    let skill = table.require("skillUri")?;
    let occupation_label = table.find("occupationLabel");
    let skill_label = table.find("skillLabel");

    let mut relations: Vec<Relation> = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut label = None;
    let mut suggestion = None;
    while let Some(row) = table.next_row() {
        let row = row?;
        let row_occupation = row.non_empty(occupation)?;
        let kind = row.non_empty(relation_type)?;
        let essential = if kind.eq_ignore_ascii_case("essential") {
            true
        } else if kind.eq_ignore_ascii_case("optional") {
            false
        } else {
            return Err(row.error(
                relation_type,
                ImportErrorKind::UnknownRelation { value: cut(kind) },
            ));
        };
        let uri = row.non_empty(skill)?;
        if row_occupation != occupation_uri {
            if suggestion.is_none()
                && !occupation_uri.is_empty()
                && (row_occupation.ends_with(occupation_uri)
                    || row_occupation.starts_with(occupation_uri))
            {
                suggestion = Some(row_occupation.to_owned());
            }
            continue;
        }
        if label.is_none() {
            label = Some(row.optional(occupation_label))
                .filter(|l| !l.is_empty())
                .map(str::to_owned);
        }
        if let Some(existing) = seen.get(uri).and_then(|&i| relations.get_mut(i)) {
            existing.essential |= essential;
        } else {
            seen.insert(uri.to_owned(), relations.len());
            relations.push(Relation {
                uri: uri.to_owned(),
                essential,
                label: row.optional(skill_label).to_owned(),
                line: row.line(),
                column: skill.index() as u64 + 1,
            });
        }
    }
    if relations.is_empty() {
        return Err(ImportErrorKind::UnknownOccupation {
            code: cut(occupation_uri),
            suggestion,
        }
        .into());
    }
    Ok((relations, label))
}

/// The concepts of the skills file whose URIs are `wanted`.
fn read_skills(
    bytes: &[u8],
    wanted: &BTreeSet<&str>,
) -> Result<BTreeMap<String, Concept>, ImportError> {
    let mut table = Table::open(bytes, Dialect::Csv)?;
    let uri = table.require("conceptUri")?;
    let label = table.require("preferredLabel")?;
    let alt_labels = table.find("altLabels");
    let description = table.find("description");
    let reuse_level = table.find("reuseLevel");
    let mut concepts = BTreeMap::new();
    while let Some(row) = table.next_row() {
        let row = row?;
        let concept_uri = row.non_empty(uri)?;
        if !wanted.contains(concept_uri) || concepts.contains_key(concept_uri) {
            continue;
        }
        let preferred = row.non_empty(label)?;
        let mut keywords: Vec<String> = Vec::new();
        for alt in row.optional(alt_labels).lines().map(str::trim) {
            if keywords.len() == MAX_KEYWORDS {
                break;
            }
            if !alt.is_empty()
                && !alt.eq_ignore_ascii_case(preferred)
                && !keywords.iter().any(|k| k.eq_ignore_ascii_case(alt))
            {
                keywords.push(cut_bytes(alt, 200));
            }
        }
        concepts.insert(
            concept_uri.to_owned(),
            Concept {
                label: preferred.to_owned(),
                alt_labels: keywords,
                description: cut_bytes(row.optional(description), MAX_DESCRIPTION),
                transversal: row
                    .optional(reuse_level)
                    .eq_ignore_ascii_case("transversal"),
            },
        );
    }
    Ok(concepts)
}

/// The last path segment of a URI (`…/occupation/f2b15a0e-…` → `f2b15a0e-…`).
fn last_segment(uri: &str) -> &str {
    uri.trim_end_matches('/').rsplit('/').next().unwrap_or(uri)
}
