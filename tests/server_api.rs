//! The server's stateless routes over real HTTP on loopback, against SQLite and PostgreSQL:
//! health, the OpenAPI document, the web page, frameworks, assess, rank and match; keys and
//! scopes; limits and errors.
#![cfg(feature = "server")]

mod harness;

use harness::{ADMIN, Db, READ, Server};
use serde_json::{Value, json};

/// A graduate's assessment of the built-in framework.
const ASSESSMENT: &str = r#"{
    "framework": "backend-developer",
    "ratings": {
        "programming-languages": "competent",
        "databases-data-modeling": 2,
        "apis-integration": 2,
        "security": { "proficiency": "novice", "confidence": "low" },
        "problem-solving-debugging": "competent",
        "attention-to-detail": 2,
        "communication": 3
    },
    "preferences": { "target_level": "mid", "hours_per_week": 8, "deadline_weeks": 52 }
}"#;

/// A small custom framework.
fn custom_framework(id: &str) -> Value {
    json!({
        "id": id,
        "name": "Data Engineer",
        "skills": [
            { "id": "sql", "name": "SQL", "weight": 2 },
            { "id": "pipelines", "name": "Pipelines" }
        ],
        "levels": [
            { "id": "junior", "name": "Junior", "requires": { "sql": "competent" } },
            { "id": "senior", "name": "Senior", "requires": { "sql": "proficient", "pipelines": "competent" } }
        ],
        "steps": [
            { "id": "sql-course", "title": "Take an SQL course", "hours": 40, "develops": { "sql": "competent" } }
        ]
    })
}

/// Every route of the API as (method, path template, needs a key).
const ROUTES: &[(&str, &str, bool)] = &[
    ("get", "/healthz", false),
    ("get", "/readyz", false),
    ("get", "/openapi.json", false),
    ("get", "/v1/public/framework", false),
    ("get", "/v1/frameworks", true),
    ("get", "/v1/frameworks/{id}", true),
    ("put", "/v1/frameworks/{id}", true),
    ("post", "/v1/assess", true),
    ("post", "/v1/people/{person}/assessments", true),
    ("get", "/v1/people/{person}/assessments", true),
    ("get", "/v1/people/{person}/assessments/{id}", true),
    ("get", "/v1/people/{person}/progress", true),
    ("post", "/v1/rank", true),
    ("post", "/v1/match", true),
    ("post", "/v1/links", false),
    ("get", "/v1/links/{link}", false),
    ("post", "/v1/links/{link}/assessments", false),
];

fn collect_refs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                match (k.as_str(), v) {
                    ("$ref", Value::String(r)) => out.push(r.clone()),
                    _ => collect_refs(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_refs(v, out)),
        _ => {}
    }
}

fn health_openapi_and_web(db: &Db) {
    let server = Server::start(db);
    let health = server.get("/healthz", None);
    health.expect(200);
    assert_eq!(health.content_type, "application/json");
    assert_eq!(health.json(), json!({ "status": "ok" }));
    assert_eq!(
        server.get("/readyz", None).expect(200).json(),
        json!({ "status": "ready" })
    );

    let reply = server.get("/openapi.json", None);
    reply.expect(200);
    assert_eq!(reply.content_type, "application/json");
    let doc = reply.json();
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3.1"),
        "{}",
        doc["openapi"]
    );
    for (method, path, keyed) in ROUTES {
        let op = &doc["paths"][path][method];
        assert!(
            op.is_object(),
            "{method} {path} is missing from /openapi.json"
        );
        assert!(
            op["responses"].is_object(),
            "{method} {path} has no responses"
        );
        // Public routes say so; keyed ones inherit the document's security.
        assert_eq!(op["security"] == json!([]), !keyed, "{method} {path}");
    }
    assert_eq!(doc["security"], json!([{ "apiKey": [] }]));
    assert_eq!(
        doc["components"]["securitySchemes"]["apiKey"]["scheme"],
        "bearer"
    );
    // Bodies and answers refer to the crate's schemas, and every reference resolves.
    assert_eq!(
        doc["paths"]["/v1/assess"]["post"]["requestBody"]["content"]["application/json"]["schema"]
            ["$ref"],
        "#/components/schemas/Assessment"
    );
    assert_eq!(
        doc["paths"]["/v1/assess"]["post"]["responses"]["200"]["content"]["application/json"]["schema"]
            ["$ref"],
        "#/components/schemas/Report"
    );
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for name in [
        "Assessment",
        "Report",
        "Framework",
        "Progress",
        "Problem",
        "RankRequest",
        "MatchRequest",
    ] {
        assert!(schemas.contains_key(name), "{name} is not a component");
    }
    assert_eq!(schemas["Assessment"]["additionalProperties"], false);
    assert_eq!(schemas["RankRequest"]["additionalProperties"], false);
    let mut refs = Vec::new();
    collect_refs(&doc, &mut refs);
    assert!(refs.len() > 50);
    for r in refs {
        let name = r
            .strip_prefix("#/components/schemas/")
            .unwrap_or_else(|| panic!("{r} is not a component reference"));
        assert!(schemas.contains_key(name), "{r} does not resolve");
    }

    let page = server.get("/", None);
    page.expect(200);
    assert!(page.content_type.starts_with("text/html"));
    assert!(page.body.contains("<html"));
    assert!(
        server
            .get("/app.js", None)
            .expect(200)
            .content_type
            .starts_with("text/javascript")
    );
    assert!(
        server
            .get("/app.css", None)
            .expect(200)
            .content_type
            .starts_with("text/css")
    );
    let public = server.get("/v1/public/framework", None);
    assert_eq!(public.expect(200).json()["id"], "backend-developer");
    assert_eq!(public.header("cache-control"), Some("no-store"));
}

fn keys_and_scopes(db: &Db) {
    let server = Server::start(db);
    // Every keyed route: no key and a wrong key are 401, with a Bearer challenge.
    for (method, path, keyed) in ROUTES.iter().filter(|r| r.2) {
        assert!(keyed);
        let path = path.replace("{id}", "1").replace("{person}", "p1");
        let body = (*method != "get").then_some("{}");
        for key in [None, Some("not-a-key"), Some("")] {
            let reply = server.request(&method.to_uppercase(), &path, key, body);
            reply.problem(401, None);
            assert_eq!(
                reply.header("www-authenticate"),
                Some("Bearer"),
                "{method} {path}"
            );
        }
    }
    // Only `Bearer` is a scheme the server knows.
    let basic = server.send(
        "GET",
        "/v1/frameworks",
        &[("Authorization", &format!("Basic {READ}"))],
        None,
    );
    basic.problem(401, None);
    let bare = server.send("GET", "/v1/frameworks", &[("Authorization", READ)], None);
    bare.problem(401, None);
    let lowercase = server.send(
        "GET",
        "/v1/frameworks",
        &[("Authorization", &format!("bearer {READ}"))],
        None,
    );
    lowercase.expect(200);
    // A read key may not change frameworks; an admin key may do everything.
    let body = custom_framework("data-engineer").to_string();
    server
        .put("/v1/frameworks/data-engineer", Some(READ), &body)
        .problem(403, None);
    server.get("/v1/frameworks", Some(READ)).expect(200);
    server.get("/v1/frameworks", Some(ADMIN)).expect(200);
    server
        .post("/v1/assess", Some(ADMIN), ASSESSMENT)
        .expect(200);
    server
        .put("/v1/frameworks/data-engineer", Some(ADMIN), &body)
        .expect(201);
}

fn assess(db: &Db) {
    let server = Server::start(db);
    let reply = server.post("/v1/assess", Some(READ), ASSESSMENT);
    reply.expect(200);
    assert_eq!(reply.content_type, "application/json");
    let report = reply.json();
    assert_eq!(report["framework"], "backend-developer");
    assert_eq!(report["readiness"], "entry");
    assert_eq!(report["target"], "mid");
    assert!(
        report["plan"]["items"]
            .as_array()
            .is_some_and(|i| !i.is_empty())
    );
    // The framework field is optional: the built-in one is the default.
    let bare = server.post(
        "/v1/assess",
        Some(READ),
        r#"{ "ratings": { "security": 3 } }"#,
    );
    assert_eq!(bare.expect(200).json()["framework"], "backend-developer");
}

fn assess_errors(db: &Db) {
    let server = Server::start(db);
    // Malformed JSON: 400 with where it broke.
    let problem = server
        .post(
            "/v1/assess",
            Some(READ),
            "{\n  \"ratings\": {\n    \"security\": 3,\n}",
        )
        .problem(400, Some("ratings"));
    assert_eq!(problem["line"], 4);
    // An unknown field is refused and named.
    let problem = server
        .post(
            "/v1/assess",
            Some(READ),
            r#"{ "ratings": {}, "ratinsg": {} }"#,
        )
        .problem(400, Some("ratinsg"));
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("unknown field `ratinsg`"),
        "{problem}"
    );
    // An unknown skill: the field is named, with a suggestion, line and column.
    let problem = server
        .post(
            "/v1/assess",
            Some(READ),
            "{ \"ratings\": {\n  \"securty\": \"competent\" } }",
        )
        .problem(400, Some("ratings.securty"));
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("did you mean `security`?"),
        "{problem}"
    );
    assert_eq!(
        (problem["line"].as_u64(), problem["column"].as_u64()),
        (Some(2), Some(3))
    );
    // A bad value.
    let problem = server
        .post(
            "/v1/assess",
            Some(READ),
            r#"{ "ratings": { "security": "compitent" } }"#,
        )
        .problem(400, Some("ratings.security"));
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("did you mean `competent`?")
    );
    server
        .post(
            "/v1/assess",
            Some(READ),
            r#"{ "ratings": {}, "preferences": { "hours_per_week": 500 } }"#,
        )
        .problem(400, Some("preferences.hours_per_week"));
    server
        .post(
            "/v1/assess",
            Some(READ),
            r#"{ "ratings": {}, "preferences": { "target_level": "cto" } }"#,
        )
        .problem(400, Some("preferences.target_level"));
    server
        .post(
            "/v1/assess",
            Some(READ),
            r#"{ "framework": "nope", "ratings": {} }"#,
        )
        .problem(400, Some("framework"));
    // Not JSON at all, an empty body, JSON of the wrong shape.
    server.post("/v1/assess", Some(READ), "").problem(400, None);
    server
        .post("/v1/assess", Some(READ), "[1, 2]")
        .problem(400, None);
    server
        .post("/v1/assess", Some(READ), "null")
        .problem(400, None);
    // Wrong content type.
    server
        .request_typed(
            "POST",
            "/v1/assess",
            Some(READ),
            Some(("text/plain", ASSESSMENT)),
        )
        .problem(415, None);
    server
        .request_typed(
            "POST",
            "/v1/assess",
            Some(READ),
            Some(("application/json; charset=utf-8", ASSESSMENT)),
        )
        .expect(200);
}

fn limits_and_unknown_routes(db: &Db) {
    let server = Server::start_with(db, &["--max-body-bytes", "4096"]);
    // A body over the limit: 413, whatever is in it.
    let big = format!(r#"{{ "ratings": {{}}, "x": "{}" }}"#, "a".repeat(8_000));
    server
        .post("/v1/assess", Some(READ), &big)
        .problem(413, None);
    server.post("/v1/links", None, &big).problem(413, None);
    server
        .post("/v1/people/p1/assessments", Some(READ), &big)
        .problem(413, None);
    // Under the limit the same route works.
    server
        .post("/v1/assess", Some(READ), ASSESSMENT)
        .expect(200);
    // The key is checked before the body is read.
    server.post("/v1/assess", None, &big).problem(401, None);
    // Unknown routes and methods are problems too.
    server.get("/v1/nothing", Some(READ)).problem(404, None);
    server.get("/nothing", None).problem(404, None);
    server
        .request(
            "DELETE",
            "/v1/frameworks/backend-developer",
            Some(ADMIN),
            None,
        )
        .problem(405, None);
    server
        .request("GET", "/v1/assess", Some(READ), None)
        .problem(405, None);
    server.post("/healthz", None, "{}").problem(405, None);
}

fn frameworks(db: &Db) {
    let mut server = Server::start(db);
    let list = server.get("/v1/frameworks", Some(READ)).expect(200).json();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["id"], "backend-developer");
    assert_eq!(
        list[0]["levels"][0],
        json!({ "id": "entry", "name": "Entry level" })
    );
    assert_eq!(list[0]["skills"].as_array().unwrap().len(), 7);
    assert!(list[0]["version"].is_string());
    let builtin = server
        .get("/v1/frameworks/backend-developer", Some(READ))
        .expect(200)
        .json();
    assert_eq!(builtin["name"], "Backend Developer");
    assert_eq!(builtin, server.get("/v1/public/framework", None).json());
    server
        .get("/v1/frameworks/nope", Some(READ))
        .problem(404, None);
    server
        .get("/v1/frameworks/NOT%20AN%20ID", Some(READ))
        .problem(404, None);

    // Store one: 201, then 200 when replaced.
    let mut custom = custom_framework("data-engineer");
    let created = server.put(
        "/v1/frameworks/data-engineer",
        Some(ADMIN),
        &custom.to_string(),
    );
    assert_eq!(created.expect(201).json()["id"], "data-engineer");
    custom["name"] = json!("Data Engineer (v2)");
    let replaced = server.put(
        "/v1/frameworks/data-engineer",
        Some(ADMIN),
        &custom.to_string(),
    );
    assert_eq!(replaced.expect(200).json()["name"], "Data Engineer (v2)");
    let ids: Vec<Value> = server
        .get("/v1/frameworks", Some(READ))
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].clone())
        .collect();
    assert_eq!(ids, [json!("backend-developer"), json!("data-engineer")]);

    // Assess against it.
    let assessment = r#"{ "framework": "data-engineer", "ratings": { "sql": "competent" } }"#;
    let report = server
        .post("/v1/assess", Some(READ), assessment)
        .expect(200)
        .json();
    assert_eq!(report["readiness"], "junior");
    server
        .post(
            "/v1/assess",
            Some(READ),
            r#"{ "framework": "data-engineer", "ratings": { "security": 1 } }"#,
        )
        .problem(400, Some("ratings.security"));

    // It survives a restart.
    assert!(
        server.terminate(),
        "the server did not stop cleanly on SIGTERM"
    );
    let server = Server::start(db);
    let stored = server
        .get("/v1/frameworks/data-engineer", Some(READ))
        .expect(200)
        .json();
    assert_eq!(stored["name"], "Data Engineer (v2)");
    assert_eq!(
        server
            .post("/v1/assess", Some(READ), assessment)
            .expect(200)
            .json(),
        report
    );
}

fn framework_errors(db: &Db) {
    let server = Server::start(db);
    let builtin = server.get("/v1/public/framework", None).expect(200).json();
    let custom = custom_framework("data-engineer");
    // Validation errors name the field.
    let mut bad = custom_framework("bad");
    bad["levels"][0]["requires"] = json!({ "sqll": "competent" });
    server
        .put("/v1/frameworks/bad", Some(ADMIN), &bad.to_string())
        .problem(400, Some("levels[0].requires.sqll"));
    let mut bad = custom_framework("bad");
    bad["skills"][0]["weight"] = json!(-1);
    server
        .put("/v1/frameworks/bad", Some(ADMIN), &bad.to_string())
        .problem(400, Some("skills[0].weight"));
    let mut bad = custom_framework("bad");
    bad["skils"] = json!([]);
    let problem = server
        .put("/v1/frameworks/bad", Some(ADMIN), &bad.to_string())
        .problem(400, Some("skils"));
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("unknown field `skils`")
    );
    // Conflicts: the built-in one, and an id that differs from the path.
    server
        .put(
            "/v1/frameworks/backend-developer",
            Some(ADMIN),
            &builtin.to_string(),
        )
        .problem(409, None);
    server
        .put("/v1/frameworks/other", Some(ADMIN), &custom.to_string())
        .problem(409, Some("id"));
    server
        .get("/v1/frameworks/bad", Some(READ))
        .problem(404, None);
}

fn rank(db: &Db) {
    let server = Server::start(db);
    let request = json!({
        "level": "mid",
        "k": 2,
        "candidates": [
            { "id": "novice", "ratings": { "programming-languages": 1 } },
            { "id": "strong", "ratings": {
                "programming-languages": "proficient", "databases-data-modeling": 3, "apis-integration": 3,
                "security": 2, "problem-solving-debugging": 3, "attention-to-detail": 3, "communication": 3 } },
            { "id": "graduate", "ratings": {
                "programming-languages": 3, "databases-data-modeling": 2, "apis-integration": 2,
                "security": { "proficiency": "novice" }, "problem-solving-debugging": 3, "attention-to-detail": 2,
                "communication": 3 } }
        ]
    });
    let ranked = server
        .post("/v1/rank", Some(READ), &request.to_string())
        .expect(200)
        .json();
    let ranked = ranked.as_array().unwrap();
    assert_eq!(ranked.len(), 2);
    assert_eq!(ranked[0]["id"], "strong");
    assert_eq!(ranked[0]["readiness"], "mid");
    assert_eq!(ranked[0]["readiness_name"], "Mid-level");
    assert_eq!(ranked[0]["tier"], "ready");
    assert_eq!(ranked[1]["id"], "graduate");
    assert!(ranked[0]["fit"].as_f64() >= ranked[1]["fit"].as_f64());
    assert!(ranked[1]["points"].as_f64().unwrap() > 0.0);

    let with = |change: &dyn Fn(&mut Value)| {
        let mut r = request.clone();
        change(&mut r);
        r.to_string()
    };
    let unknown_skill = with(&|r| r["candidates"][1]["ratings"]["securty"] = json!(2));
    let problem = server
        .post("/v1/rank", Some(READ), &unknown_skill)
        .problem(400, Some("candidates[1].ratings.securty"));
    assert!(
        problem["detail"]
            .as_str()
            .unwrap()
            .contains("unknown skill")
    );
    server
        .post(
            "/v1/rank",
            Some(READ),
            &with(&|r| r["level"] = json!("cto")),
        )
        .problem(400, Some("level"));
    server
        .post("/v1/rank", Some(READ), &with(&|r| r["k"] = json!(0)))
        .problem(400, Some("k"));
    server
        .post(
            "/v1/rank",
            Some(READ),
            &with(&|r| r["framework"] = json!("nope")),
        )
        .problem(400, Some("framework"));
    server
        .post(
            "/v1/rank",
            Some(READ),
            &with(&|r| r["candidates"][0]["ratings"]["security"] = json!(9)),
        )
        .problem(400, Some("candidates[0].ratings.security"));
    server
        .post(
            "/v1/rank",
            Some(READ),
            &with(&|r| r["candidates"][0]["id"] = json!("")),
        )
        .problem(400, Some("candidates[0].id"));
    server
        .post("/v1/rank", Some(READ), &with(&|r| r["extra"] = json!(1)))
        .problem(400, Some("extra"));
    server.post("/v1/rank", Some(READ), "{").problem(400, None);
    // No candidates: nobody to rank.
    let empty = with(&|r| r["candidates"] = json!([]));
    assert_eq!(
        server
            .post("/v1/rank", Some(READ), &empty)
            .expect(200)
            .json(),
        json!([])
    );
}

fn rank_limits(db: &Db) {
    let server = Server::start(db);
    // Candidates × skills is bounded: 60,000 candidates of a 400-skill framework is too many.
    let skills: Vec<Value> = (0..400)
        .map(|i| json!({ "id": format!("s{i}"), "name": format!("Skill {i}") }))
        .collect();
    let wide = json!({ "id": "wide", "name": "Wide", "skills": skills, "levels": [{ "id": "one", "name": "One" }] });
    server
        .put("/v1/frameworks/wide", Some(ADMIN), &wide.to_string())
        .expect(201);
    let many = json!({ "framework": "wide", "level": "one", "k": 1, "candidates": vec![json!({ "id": "c" }); 60_000] });
    server
        .post("/v1/rank", Some(READ), &many.to_string())
        .problem(400, Some("candidates"));
    let few = json!({ "framework": "wide", "level": "one", "k": 1, "candidates": vec![json!({ "id": "c" }); 1_000] });
    assert_eq!(
        server
            .post("/v1/rank", Some(READ), &few.to_string())
            .expect(200)
            .json()[0]["tier"],
        "ready"
    );
}

fn match_postings(db: &Db) {
    let server = Server::start(db);
    server
        .put(
            "/v1/frameworks/data-engineer",
            Some(ADMIN),
            &custom_framework("data-engineer").to_string(),
        )
        .expect(201);
    let person: Value = serde_json::from_str(ASSESSMENT).unwrap();
    let mut person_with_sql = person.clone();
    person_with_sql["ratings"]["sql"] = json!("competent");
    let request = json!({
        "assessment": person_with_sql,
        "postings": [
            { "level": "senior" },
            { "framework": "backend-developer", "level": "entry" },
            { "framework": "data-engineer", "level": "junior" }
        ]
    });
    let matches = server
        .post("/v1/match", Some(READ), &request.to_string())
        .expect(200)
        .json();
    let matches = matches.as_array().unwrap();
    assert_eq!(matches.len(), 3);
    // Best fit first; both entry-level and junior are met.
    assert!(
        matches
            .windows(2)
            .all(|w| w[0]["fit"].as_f64() >= w[1]["fit"].as_f64())
    );
    let senior = matches.iter().find(|m| m["posting"] == 0).unwrap();
    assert_eq!(senior["level_name"], "Senior level");
    assert_eq!(senior["ready"], false);
    assert!(!senior["blockers"].as_array().unwrap().is_empty());
    let junior = matches.iter().find(|m| m["posting"] == 2).unwrap();
    assert_eq!(
        (junior["framework_name"].as_str(), junior["ready"].as_bool()),
        (Some("Data Engineer"), Some(true))
    );
    assert_eq!(junior["tier"], "ready");
    let mut top = request.clone();
    top["limit"] = json!(1);
    let best = server
        .post("/v1/match", Some(READ), &top.to_string())
        .expect(200)
        .json();
    assert_eq!(
        best,
        json!([matches[0]]),
        "the best match, as without a limit"
    );

    let bad =
        json!({ "assessment": person, "postings": [{ "level": "entry" }, { "level": "cto" }] });
    server
        .post("/v1/match", Some(READ), &bad.to_string())
        .problem(400, Some("postings[1].level"));
    let bad =
        json!({ "assessment": person, "postings": [{ "framework": "nope", "level": "entry" }] });
    server
        .post("/v1/match", Some(READ), &bad.to_string())
        .problem(400, Some("postings[0].framework"));
    let bad = json!({ "assessment": { "ratings": { "security": "guru" } }, "postings": [] });
    server
        .post("/v1/match", Some(READ), &bad.to_string())
        .problem(400, Some("assessment.ratings.security"));
    let bad = json!({ "assessment": person, "postings": [], "limit": -1 });
    server
        .post("/v1/match", Some(READ), &bad.to_string())
        .problem(400, Some("limit"));
    let bad = json!({ "assessment": person, "postings": [], "top": 3 });
    server
        .post("/v1/match", Some(READ), &bad.to_string())
        .problem(400, Some("top"));
}

on_both_backends!(
    health_openapi_and_web,
    keys_and_scopes,
    assess,
    assess_errors,
    framework_errors,
    limits_and_unknown_routes,
    frameworks,
    rank,
    rank_limits,
    match_postings,
);
