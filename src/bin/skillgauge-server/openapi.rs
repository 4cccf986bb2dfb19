//! `/openapi.json`: an OpenAPI 3.1 document built from the crate's JSON Schemas
//! (`skillgauge::schema`) and the server's own types, so it cannot drift from what the
//! handlers read and write.
//!
//! The library's three root schemas (framework, assessment, report) carry their definitions
//! in `$defs`; here every definition becomes a component of its own and every `$ref` points
//! at `#/components/schemas/…`. Where two roots define a name differently (a proficiency is
//! a name or 0–5 when read, always a name when written) the later one is renamed after its
//! root (`AssessmentProficiency`).

use std::collections::BTreeMap;

use schemars::SchemaGenerator;
use schemars::generate::SchemaSettings;
use serde_json::{Map, Value, json};
use skillgauge::Progress;

use crate::model::{
    FrameworkSummary, HistoryItem, LinkCreated, LinkView, MatchRequest, MatchResult, RankRequest,
    RankedCandidate, Status, StoredAssessment, StoredReport,
};
use crate::problem::{PROBLEM_JSON, Problem};

const COMPONENTS: &str = "#/components/schemas/";

/// The whole document.
pub fn document() -> Value {
    let mut schemas = Map::new();
    // The report first: what responses hold (proficiencies written as names) keeps the plain
    // names; the read side of the inputs is renamed where it differs.
    add_root(&mut schemas, "Report", skillgauge::schema::report());
    add_root(&mut schemas, "Framework", skillgauge::schema::framework());
    add_root(&mut schemas, "Assessment", skillgauge::schema::assessment());

    let mut requests = generator(SchemaSettings::draft2020_12().for_deserialize());
    let mut responses = generator(SchemaSettings::draft2020_12().for_serialize());
    // Registering a type adds it, and every type it refers to, to its generator's
    // definitions.
    let _ = requests.subschema_for::<RankRequest>();
    let _ = requests.subschema_for::<MatchRequest>();
    let _ = responses.subschema_for::<Problem>();
    let _ = responses.subschema_for::<Status>();
    let _ = responses.subschema_for::<Vec<FrameworkSummary>>();
    let _ = responses.subschema_for::<StoredReport>();
    let _ = responses.subschema_for::<StoredAssessment>();
    let _ = responses.subschema_for::<Vec<HistoryItem>>();
    let _ = responses.subschema_for::<Progress>();
    let _ = responses.subschema_for::<LinkCreated>();
    let _ = responses.subschema_for::<LinkView>();
    let _ = responses.subschema_for::<Vec<RankedCandidate>>();
    let _ = responses.subschema_for::<Vec<MatchResult>>();
    // The library's definitions win over the server's view of the same type: they carry the
    // library's refinements (ranges, patterns, descriptions for JSON readers).
    for generated in [
        requests.take_definitions(true),
        responses.take_definitions(true),
    ] {
        for (name, schema) in generated {
            schemas.entry(name).or_insert(schema);
        }
    }
    for schema in schemas.values_mut() {
        strip_rustdoc(schema);
    }

    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "skillgauge",
            "version": env!("CARGO_PKG_VERSION"),
            "summary": "Developer skills self-assessment: readiness levels, explanations and personalised next-steps plans.",
            "description": "A person rates themselves on the skills of a career framework; the service answers with a report: the career level they are ready for, what blocks the next one, and a plan. Job boards store assessments per person and read their progress over time.\n\nEvery route under `/v1` needs an API key (`Authorization: Bearer <key>`) except the person-link routes, where the link is the credential, and `/v1/public/framework`. A read key reads and assesses; an admin key may also change frameworks. Errors are `application/problem+json`, naming the field at fault. Unknown fields are refused.",
            "license": { "name": "MIT OR Apache-2.0", "identifier": "MIT OR Apache-2.0" }
        },
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "security": [{ "apiKey": [] }],
        "tags": [
            { "name": "assess", "description": "Stateless assessment, ranking and matching." },
            { "name": "people", "description": "A person's stored assessments, by the job board's id for them." },
            { "name": "links", "description": "A person's own link: public, the link is the credential." },
            { "name": "frameworks", "description": "Career frameworks." },
            { "name": "service", "description": "Health and this document." }
        ],
        "paths": paths(),
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "apiKey": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "An API key from the server's configuration: a read key, or an admin key, which may also change frameworks."
                }
            }
        }
    })
}

fn generator(settings: SchemaSettings) -> SchemaGenerator {
    settings
        .with(|s| s.definitions_path = COMPONENTS.into())
        .into_generator()
}

/// Adds a root schema as component `root` and its `$defs` as components of their own.
fn add_root(schemas: &mut Map<String, Value>, root: &str, mut schema: Value) {
    let defs = match schema.as_object_mut() {
        Some(map) => {
            map.remove("$schema");
            match map.remove("$defs") {
                Some(Value::Object(defs)) => defs,
                _ => Map::new(),
            }
        }
        None => Map::new(),
    };
    // The name each definition gets: its own, unless another root took it with different
    // content; references inside are rewritten before comparing.
    let mut names = BTreeMap::new();
    for name in defs.keys() {
        names.insert(name.clone(), name.clone());
    }
    let mut pending: Vec<(String, Value)> = defs.into_iter().collect();
    // Rewriting can change what a definition looks like (its references), so settle the
    // names until nothing moves; a handful of rounds at most.
    for _ in 0..8 {
        let mut changed = false;
        for (name, def) in &pending {
            let mut rewritten = def.clone();
            rewrite_refs(&mut rewritten, &names);
            let current = names.get(name).cloned().unwrap_or_else(|| name.clone());
            if schemas
                .get(&current)
                .is_some_and(|existing| *existing != rewritten)
            {
                let renamed = format!("{root}{name}");
                if current != renamed {
                    names.insert(name.clone(), renamed);
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    for (name, def) in pending.drain(..) {
        let mut def = def;
        rewrite_refs(&mut def, &names);
        let target = names.get(&name).cloned().unwrap_or(name);
        schemas.entry(target).or_insert(def);
    }
    rewrite_refs(&mut schema, &names);
    schemas.insert(root.to_owned(), schema);
}

/// Points `#/$defs/X` references at the components, under X's new name.
fn rewrite_refs(value: &mut Value, names: &BTreeMap<String, String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                if key == "$ref"
                    && let Value::String(target) = v
                    && let Some(name) = target.strip_prefix("#/$defs/")
                {
                    let name = names.get(name).map_or(name, String::as_str);
                    *target = format!("{COMPONENTS}{name}");
                } else {
                    rewrite_refs(v, names);
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                rewrite_refs(item, names);
            }
        }
        _ => {}
    }
}

/// The server's own descriptions come from rustdoc too: keep the text before any
/// `# Section`, and join lines wrapped for the source back into paragraphs.
fn strip_rustdoc(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                if key == "description"
                    && let Value::String(text) = v
                {
                    let cut = text.find("\n# ").map_or(text.as_str(), |at| &text[..at]);
                    *text = cut
                        .trim()
                        .split("\n\n")
                        .map(|p| p.split('\n').map(str::trim).collect::<Vec<_>>().join(" "))
                        .collect::<Vec<_>>()
                        .join("\n\n");
                } else {
                    strip_rustdoc(v);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(strip_rustdoc),
        _ => {}
    }
}

fn schema_ref(name: &str) -> Value {
    json!({ "$ref": format!("{COMPONENTS}{name}") })
}

fn json_body(schema: &Value) -> Value {
    json!({ "application/json": { "schema": schema } })
}

/// An operation: where it is, what it takes and answers.
struct Op {
    path: &'static str,
    method: &'static str,
    id: &'static str,
    tag: &'static str,
    summary: &'static str,
    public: bool,
    params: Vec<Value>,
    body: Option<(&'static str, &'static str)>,
    ok: (u16, &'static str, Value),
    errors: &'static [u16],
}

/// An operation answering 200 with `schema`; the builder methods below add the rest.
fn op(
    method: &'static str,
    path: &'static str,
    id: &'static str,
    tag: &'static str,
    summary: &'static str,
    schema: Value,
) -> Op {
    Op {
        path,
        method,
        id,
        tag,
        summary,
        public: false,
        params: Vec::new(),
        body: None,
        ok: (200, "OK.", schema),
        errors: &[],
    }
}

impl Op {
    /// No key needed.
    fn public(mut self) -> Op {
        self.public = true;
        self
    }

    fn params(mut self, params: Vec<Value>) -> Op {
        self.params = params;
        self
    }

    /// A JSON request body of component `schema`.
    fn body(mut self, schema: &'static str, description: &'static str) -> Op {
        self.body = Some((schema, description));
        self
    }

    /// The success status and what it means.
    fn ok(mut self, status: u16, description: &'static str) -> Op {
        self.ok.0 = status;
        self.ok.1 = description;
        self
    }

    fn errors(mut self, errors: &'static [u16]) -> Op {
        self.errors = errors;
        self
    }

    fn to_value(&self) -> Value {
        let mut responses = Map::new();
        let (code, description, schema) = &self.ok;
        responses.insert(
            code.to_string(),
            json!({ "description": description, "content": json_body(schema) }),
        );
        let problem = json!({ PROBLEM_JSON: { "schema": schema_ref("Problem") } });
        for code in self.errors {
            let description = match code {
                400 => "The input is malformed or invalid; `field` names the culprit.",
                401 => "The API key is missing or not valid.",
                403 => "The API key's scope does not allow this.",
                404 => "Nothing was found.",
                409 => "The request conflicts with what is stored.",
                413 => "The request body is larger than the limit.",
                415 => "The request body is not sent as `application/json`.",
                503 => "The database is not answering, or the request took too long.",
                _ => "An error.",
            };
            responses.insert(
                code.to_string(),
                json!({ "description": description, "content": problem.clone() }),
            );
        }
        responses.insert(
            "default".into(),
            json!({ "description": "An error.", "content": problem }),
        );
        let mut op = json!({
            "operationId": self.id,
            "tags": [self.tag],
            "summary": self.summary,
            "responses": responses,
        });
        if self.public {
            op["security"] = json!([]);
        }
        if !self.params.is_empty() {
            op["parameters"] = Value::Array(self.params.clone());
        }
        if let Some((schema, description)) = self.body {
            op["requestBody"] = json!({
                "required": true,
                "description": description,
                "content": json_body(&schema_ref(schema)),
            });
        }
        op
    }
}

fn path_param(name: &str, description: &str, schema: &Value) -> Value {
    json!({ "name": name, "in": "path", "required": true, "description": description, "schema": schema })
}

fn person() -> Value {
    path_param(
        "person",
        "The job board's own id for the person: 1 to 128 ASCII letters, digits, `-`, `_` and `.`.",
        &json!({ "type": "string", "pattern": "^[A-Za-z0-9._-]{1,128}$" }),
    )
}

fn link() -> Value {
    path_param(
        "link",
        "The person's link: 32 lowercase hex characters.",
        &json!({ "type": "string", "pattern": "^[0-9a-f]{32}$" }),
    )
}

/// Errors every keyed route with a body can answer.
const KEYED_ERRORS: &[u16] = &[400, 401, 403, 413, 415];

fn query(name: &str, description: &str) -> Value {
    json!({ "name": name, "in": "query", "required": false, "description": description,
            "schema": { "type": "integer", "format": "int64" } })
}

fn list(name: &str) -> Value {
    json!({ "type": "array", "items": schema_ref(name) })
}

/// Health, this document, the public framework.
#[rustfmt::skip]
fn service_routes() -> Vec<Op> {
    vec![
        op("get", "/healthz", "healthz", "service", "Whether the service is up.", schema_ref("Status"))
            .public(),
        op("get", "/readyz", "readyz", "service", "Whether the service can serve: its database answers.", schema_ref("Status"))
            .public().errors(&[503]),
        op("get", "/openapi.json", "openapi", "service", "This document.", json!({ "type": "object" }))
            .public(),
        op("get", "/v1/public/framework", "publicFramework", "frameworks", "The built-in framework, for the web page.", schema_ref("Framework"))
            .public(),
    ]
}

/// Frameworks, assess, rank and match.
#[rustfmt::skip]
fn assess_routes() -> Vec<Op> {
    let framework_id = || vec![path_param("id", "The framework's id.", &schema_ref("Id"))];
    vec![
        op("get", "/v1/frameworks", "listFrameworks", "frameworks", "Every framework: the built-in one first, then by id.", list("FrameworkSummary"))
            .errors(&[401, 403]),
        op("get", "/v1/frameworks/{id}", "getFramework", "frameworks", "One framework's definition.", schema_ref("Framework"))
            .params(framework_id()).errors(&[401, 403, 404]),
        op("put", "/v1/frameworks/{id}", "putFramework", "frameworks",
           "Stores a framework (admin key): 201 when new, 200 when replaced. The built-in one is read-only.", schema_ref("Framework"))
            .params(framework_id())
            .body("Framework", "The framework; its `id` must be the one in the path.")
            .ok(200, "Replaced (201 when new), answered with the framework.")
            .errors(&[400, 401, 403, 409, 413, 415]),
        op("post", "/v1/assess", "assess", "assess", "Assesses a person: an assessment in, a report out. Nothing is stored.", schema_ref("Report"))
            .body("Assessment", "The assessment; `framework` picks the framework (default `backend-developer`).")
            .ok(200, "The report.").errors(KEYED_ERRORS),
        op("post", "/v1/rank", "rank", "assess", "Ranks candidates for a level: the best k, best first.", list("RankedCandidate"))
            .body("RankRequest", "The level, k and the candidates.")
            .ok(200, "The best k candidates.").errors(KEYED_ERRORS),
        op("post", "/v1/match", "match", "assess", "Matches one person against job postings, best fit first.", list("MatchResult"))
            .body("MatchRequest", "The person and the postings.")
            .ok(200, "One result per posting.").errors(KEYED_ERRORS),
    ]
}

/// A person's stored assessments, by the job board's id or by their link.
#[rustfmt::skip]
fn people_routes() -> Vec<Op> {
    let assessment_id = path_param("id", "The stored assessment's id.", &json!({ "type": "integer", "format": "int64" }));
    vec![
        op("post", "/v1/people/{person}/assessments", "storeAssessment", "people",
           "Stores a person's assessment and answers with its report, once it is on disk.", schema_ref("StoredReport"))
            .params(vec![person()]).body("Assessment", "The assessment.")
            .ok(201, "Stored.").errors(KEYED_ERRORS),
        op("get", "/v1/people/{person}/assessments", "listAssessments", "people", "A person's stored assessments, oldest first.", list("HistoryItem"))
            .params(vec![person()]).ok(200, "The history.").errors(&[400, 401, 403, 404]),
        op("get", "/v1/people/{person}/assessments/{id}", "getAssessment", "people", "One stored assessment with its report.", schema_ref("StoredAssessment"))
            .params(vec![person(), assessment_id]).ok(200, "The stored assessment.").errors(&[400, 401, 403, 404]),
        op("get", "/v1/people/{person}/progress", "getProgress", "people",
           "Progress between two stored assessments on the same framework: the first and the latest by default.", schema_ref("Progress"))
            .params(vec![
                person(),
                query("from", "The earlier stored assessment (default: the first)."),
                query("to", "The later stored assessment (default: the latest)."),
            ])
            .ok(200, "The progress.").errors(&[400, 401, 403, 404, 409]),
        op("post", "/v1/links", "createLink", "links",
           "A new person with their own link (128 random bits), and their first stored assessment.", schema_ref("LinkCreated"))
            .public().body("Assessment", "The assessment.")
            .ok(201, "Stored; the link is shown this once.").errors(&[400, 413, 415]),
        op("get", "/v1/links/{link}", "getLink", "links", "The link's person: history, latest report and progress.", schema_ref("LinkView"))
            .public().params(vec![link()]).ok(200, "The person's view.").errors(&[404]),
        op("post", "/v1/links/{link}/assessments", "storeLinkAssessment", "links", "Stores another assessment for the link's person.", schema_ref("StoredReport"))
            .public().params(vec![link()]).body("Assessment", "The assessment.")
            .ok(201, "Stored.").errors(&[400, 404, 413, 415]),
    ]
}

fn paths() -> Value {
    let mut paths = Map::new();
    for op in [service_routes(), assess_routes(), people_routes()]
        .into_iter()
        .flatten()
    {
        let entry = paths.entry(op.path).or_insert_with(|| json!({}));
        entry[op.method] = op.to_value();
    }
    // The web page is public HTML, outside the JSON API.
    paths.insert(
        "/".into(),
        json!({ "get": {
            "operationId": "webPage", "tags": ["service"], "summary": "The web questionnaire.",
            "security": [],
            "responses": { "200": { "description": "The page.", "content": { "text/html": { "schema": { "type": "string" } } } } }
        } }),
    );
    Value::Object(paths)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs(value: &Value, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    if k == "$ref" {
                        if let Value::String(s) = v {
                            out.push(s.clone());
                        }
                    } else {
                        refs(v, out);
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
            _ => {}
        }
    }

    #[test]
    fn every_reference_resolves() {
        let doc = document();
        let mut found = Vec::new();
        refs(&doc, &mut found);
        assert!(!found.is_empty());
        for r in found {
            let name = r.strip_prefix(COMPONENTS).unwrap_or_else(|| panic!("{r}"));
            assert!(
                doc["components"]["schemas"].get(name).is_some(),
                "{r} does not resolve"
            );
        }
    }

    #[test]
    fn defs_are_hoisted() {
        let doc = document();
        let schemas = doc["components"]["schemas"].as_object().unwrap();
        for (name, schema) in schemas {
            assert!(schema.get("$defs").is_none(), "{name} keeps $defs");
            assert!(schema.get("$schema").is_none(), "{name} keeps $schema");
        }
        assert_eq!(doc["openapi"], "3.1.0");
    }
}
