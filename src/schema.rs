//! JSON Schemas for the JSON contract: framework files, assessments (the request) and
//! reports (the response).
//!
//! Available with the `schemars` feature. Each function returns a draft 2020-12 schema as
//! a [`serde_json::Value`], ready to write to a file, serve from an API or hand to a
//! validator or an editor. `cargo run --example schema --features schemars -- DIR` writes all
//! three to `DIR`.
//!
//! The schemas describe the shape of the data: required fields, types, enums, id syntax,
//! proficiencies as a name or 0–5, and `additionalProperties: false` wherever skillgauge
//! rejects unknown fields. Checks that need the whole document or the framework, such as ids
//! that resolve, prerequisite cycles or hours a week in 1–168, happen when skillgauge loads the
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
use serde_json::Value;

use crate::{Assessment, Framework, Report};

/// The schema of a framework file, as read by [`Framework::from_json`] (and, field for field,
/// [`Framework::from_toml`]).
///
/// # Example
/// ```
/// let schema = skillgauge::schema::framework();
/// assert_eq!(schema["title"], "Framework");
/// assert_eq!(schema["properties"]["points"]["minItems"], 6);
/// ```
pub fn framework() -> Value {
    schemars::schema_for!(Framework).to_value()
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
    schemars::schema_for!(Assessment).to_value()
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
    SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<Report>()
        .to_value()
}
