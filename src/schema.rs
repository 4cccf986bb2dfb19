//! JSON Schemas for the JSON contract: framework files, assessments (the request) and
//! reports (the response).
//!
//! Available with the `schemars` feature. Each function returns a draft 2020-12 schema as
//! a [`serde_json::Value`], ready to write to a file, serve from an API or hand to a
//! validator or an editor. `cargo run --example schema --features schemars -- DIR` writes all
//! three to `DIR`.
//!
//! The schemas describe the shape of the data: required fields, types, enums, id syntax,
//! proficiencies as a name or 0–5, the ranges of hours, weeks and years, currency codes, the
//! effort each kind of step needs (`hours_per_week` for a habit, `hours` for every other
//! kind), and `additionalProperties: false` wherever skillgauge rejects unknown fields. Checks
//! that need the whole document or the framework, such as ids that resolve, prerequisite
//! cycles or requirements that never decrease up the ladder, happen when skillgauge loads the
//! data: a document the schema accepts can still be refused with an [`Error`](crate::Error).
//!
//! # Example
//! ```
//! use skillgauge::schema;
//!
//! let assessment = schema::assessment();
//! assert_eq!(assessment["$schema"], "https://json-schema.org/draft/2020-12/schema");
//! assert_eq!(assessment["title"], "Assessment");
//! // Unknown fields are rejected, as skillgauge itself does.
//! assert_eq!(assessment["additionalProperties"], false);
//! assert_eq!(schema::framework()["required"], serde_json::json!(["id", "name", "skills", "levels"]));
//! ```

use schemars::generate::SchemaSettings;
use serde_json::{Value, json};

use crate::limits::{
    MAX_DEADLINE_WEEKS, MAX_EXPERIENCE_YEARS, MAX_HOURS_PER_WEEK, MAX_STEP_HOURS, MAX_WEIGHT,
};
use crate::{Assessment, FrameworkDefinition, Proficiency, Report};

/// The schema of a framework file, a [`FrameworkDefinition`], as read by
/// [`Framework::from_json`](crate::Framework::from_json) (and, field for field,
/// [`Framework::from_toml`](crate::Framework::from_toml)).
///
/// # Example
/// ```
/// let schema = skillgauge::schema::framework();
/// assert_eq!(schema["title"], "Framework");
/// assert_eq!(schema["properties"]["points"]["minItems"], 6);
/// assert_eq!(schema["properties"]["work_hours_per_week"]["maximum"], 168);
/// ```
pub fn framework() -> Value {
    let mut schema = schemars::schema_for!(FrameworkDefinition).to_value();
    set(
        &mut schema,
        &["description"],
        "A career framework: one role's skills, levels, steps, training and hiring. Loading \
         also checks that every id resolves, that prerequisites have no cycle and that \
         requirements never decrease up the ladder."
            .into(),
    );
    range(
        &mut schema,
        &["properties", "work_hours_per_week"],
        1,
        MAX_HOURS_PER_WEEK,
    );
    let defs = &["$defs"][..];
    let at = |tail: &[&'static str]| -> Vec<&'static str> { [defs, tail].concat() };
    if let Some(Value::Object(weight)) =
        get_mut(&mut schema, &at(&["Skill", "properties", "weight"]))
    {
        weight.insert("exclusiveMinimum".to_owned(), 0.into());
        weight.insert("maximum".to_owned(), MAX_WEIGHT.into());
        weight.remove("format");
    }
    // Descriptors are keyed by proficiency name.
    set(
        &mut schema,
        &at(&["Skill", "properties", "descriptors", "propertyNames"]),
        json!({ "enum": names() }),
    );
    set(
        &mut schema,
        &at(&["SalaryBand", "properties", "currency", "pattern"]),
        "^[A-Z]{3}$".into(),
    );
    range(
        &mut schema,
        &at(&["Step", "properties", "hours"]),
        1,
        MAX_STEP_HOURS,
    );
    range(
        &mut schema,
        &at(&["Step", "properties", "hours_per_week"]),
        1,
        MAX_HOURS_PER_WEEK,
    );
    range(
        &mut schema,
        &at(&["TrainingOption", "properties", "hours_per_week"]),
        1,
        MAX_HOURS_PER_WEEK,
    );
    // A habit takes `hours_per_week` and no `hours`; every other kind (`learn` when `kind` is
    // left out) takes `hours` and no `hours_per_week`. `null` is the same as leaving it out.
    set(
        &mut schema,
        &at(&["Step", "allOf"]),
        json!([{
            "if": { "properties": { "kind": { "const": "habit" } }, "required": ["kind"] },
            "then": {
                "required": ["hours_per_week"],
                "properties": { "hours_per_week": { "type": "integer" }, "hours": { "type": "null" } }
            },
            "else": {
                "required": ["hours"],
                "properties": { "hours": { "type": "integer" }, "hours_per_week": { "type": "null" } }
            }
        }]),
    );
    for_json_readers(&mut schema);
    schema
}

/// The schema of an assessment, the request read by [`Assessment::from_json`].
///
/// A rating is a proficiency name, an integer from 0 to 5, or an object with `proficiency`
/// and optionally `confidence` and `evidence`.
///
/// # Example
/// ```
/// let schema = skillgauge::schema::assessment();
/// assert_eq!(schema["properties"]["ratings"]["type"], "object");
/// assert!(schema["$defs"]["Rating"]["oneOf"].is_array());
/// ```
pub fn assessment() -> Value {
    let mut schema = schemars::schema_for!(Assessment).to_value();
    let prefs = ["$defs", "Preferences", "properties"];
    range(
        &mut schema,
        &[&prefs[..], &["hours_per_week"]].concat(),
        1,
        MAX_HOURS_PER_WEEK,
    );
    range(
        &mut schema,
        &[&prefs[..], &["deadline_weeks"]].concat(),
        1,
        MAX_DEADLINE_WEEKS,
    );
    set(
        &mut schema,
        &["properties", "experience_years", "minimum"],
        0.into(),
    );
    set(
        &mut schema,
        &["properties", "experience_years", "maximum"],
        MAX_EXPERIENCE_YEARS.into(),
    );
    for_json_readers(&mut schema);
    schema
}

/// The schema of a report, the response written by [`Report::to_json`].
///
/// It describes what skillgauge writes: proficiencies are names (never numbers), and fields
/// that are always written, such as `readiness` (`null` when not yet ready), are required.
///
/// # Example
/// ```
/// let schema = skillgauge::schema::report();
/// assert_eq!(schema["title"], "Report");
/// assert_eq!(schema["additionalProperties"], false);
/// assert!(schema["required"].as_array().unwrap().contains(&"readiness".into()));
/// ```
pub fn report() -> Value {
    // The serialize contract: the schema of what `Report` writes rather than of everything
    // its deserializer would accept.
    let mut schema = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<Report>()
        .to_value();
    range(&mut schema, &["properties", "score"], 0, 100);
    set(
        &mut schema,
        &["$defs", "LevelResult", "properties", "fit", "minimum"],
        0.into(),
    );
    set(
        &mut schema,
        &["$defs", "LevelResult", "properties", "fit", "maximum"],
        1.into(),
    );
    for_json_readers(&mut schema);
    schema
}

/// The proficiency names, `none` first.
fn names() -> Vec<&'static str> {
    Proficiency::ALL
        .into_iter()
        .map(Proficiency::as_str)
        .collect()
}

fn get_mut<'a>(value: &'a mut Value, path: &[&str]) -> Option<&'a mut Value> {
    path.iter().try_fold(value, |v, key| v.get_mut(*key))
}

/// Sets `path` (the last key is created) when the parent exists; the derived schemas always
/// have it, and a test checks every refinement took.
fn set(schema: &mut Value, path: &[&str], value: Value) {
    if let Some((last, parent)) = path.split_last()
        && let Some(Value::Object(map)) = get_mut(schema, parent)
    {
        map.insert((*last).to_owned(), value);
    }
}

/// Bounds the number at `path` to `min..=max`.
fn range(schema: &mut Value, path: &[&str], min: u32, max: u32) {
    if let Some(Value::Object(map)) = get_mut(schema, path) {
        map.insert("minimum".to_owned(), min.into());
        map.insert("maximum".to_owned(), max.into());
        // The Rust integer width says nothing to a reader of JSON.
        map.remove("format");
    }
}

/// Rewrites every description from rustdoc for readers of JSON: no `# Example` sections or
/// code, no intra-doc links, `null` rather than `None`, and lines wrapped for the source
/// joined back into paragraphs.
fn for_json_readers(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                if key == "description"
                    && let Value::String(text) = v
                {
                    *text = plain(text);
                } else {
                    for_json_readers(v);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(for_json_readers),
        _ => {}
    }
}

fn plain(doc: &str) -> String {
    // Everything from the first rustdoc section on (`# Example`, `# Errors`) is for Rust.
    let doc = doc.find("\n# ").map_or(doc, |at| &doc[..at]);
    // [`Name`](path) and [`Name`] are links in rustdoc; `Name` alone in JSON.
    let mut text = String::with_capacity(doc.len());
    let mut rest = doc;
    while let Some(open) = rest.find("[`") {
        let Some(close) = rest[open..].find("`]").map(|c| open + c) else {
            break;
        };
        text.push_str(&rest[..open]);
        text.push_str(&rest[open + 1..=close]);
        rest = &rest[close + 2..];
        if rest.starts_with('(')
            && let Some(end) = rest.find(')')
        {
            rest = &rest[end + 1..];
        }
    }
    text.push_str(rest);
    let text = text
        .replace("`None` (JSON `null`)", "`null`")
        .replace("`None`", "`null`");
    text.trim()
        .split("\n\n")
        .map(|para| {
            para.split('\n')
                .map(str::trim)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn descriptions_lose_rustdoc_syntax() {
        assert_eq!(
            plain("A skill.\n\n# Example\n```\nlet x = 1;\n```"),
            "A skill."
        );
        assert_eq!(
            plain(
                "A pace is\n[`TrainingOption::hours_per_week`]; see [`Framework`](crate::Framework)."
            ),
            "A pace is `TrainingOption::hours_per_week`; see `Framework`."
        );
        assert_eq!(
            plain("`None` (JSON `null`) is\n*not yet ready*; `None` for none."),
            "`null` is *not yet ready*; `null` for none."
        );
        assert_eq!(plain("One.\n\nTwo,\nthree."), "One.\n\nTwo, three.");
        assert_eq!(plain("An unclosed [`link"), "An unclosed [`link");
    }
}
