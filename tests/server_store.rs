//! The server's stored routes over real HTTP on loopback, against SQLite and PostgreSQL:
//! a person's assessments, history and progress, person links, restarts, and logs that carry
//! nothing about a person.
#![cfg(feature = "server")]

mod harness;

use harness::{ADMIN, Db, READ, Server};
use serde_json::{Value, json};

/// An assessment of the built-in framework with every skill at `level`, security at
/// `security`.
fn assessment(level: u8, security: &str) -> String {
    json!({
        "ratings": {
            "programming-languages": level, "databases-data-modeling": level,
            "apis-integration": level, "security": security,
            "problem-solving-debugging": level, "attention-to-detail": level, "communication": level
        },
        "completed_steps": if level >= 3 { json!(["programming-foundations"]) } else { json!([]) },
        "preferences": { "hours_per_week": 10 }
    })
    .to_string()
}

/// The first and a later assessment of one person.
const PERSON: &str = "candidate-8842.x_y";

/// Stores three assessments of [`PERSON`], each better than the one before; their ids.
fn store_three(server: &Server) -> Vec<i64> {
    let path = format!("/v1/people/{PERSON}/assessments");
    let mut ids = Vec::new();
    for (level, security) in [(1, "novice"), (2, "advanced_beginner"), (3, "competent")] {
        let reply = server.post(&path, Some(READ), &assessment(level, security));
        reply.expect(201);
        assert_eq!(reply.content_type, "application/json");
        let stored = reply.json();
        assert_eq!(stored["person"], PERSON);
        assert!(stored["created_at"].as_str().unwrap().ends_with('Z'));
        assert_eq!(stored["report"]["framework"], "backend-developer");
        ids.push(stored["id"].as_i64().unwrap());
    }
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "{ids:?}");
    ids
}

fn history(db: &Db) {
    let server = Server::start(db);
    let path = format!("/v1/people/{PERSON}/assessments");
    // Unknown person: nothing stored yet.
    server.get(&path, Some(READ)).problem(404, None);
    server
        .get(&format!("/v1/people/{PERSON}/progress"), Some(READ))
        .problem(404, None);

    let ids = store_three(&server);
    // Another person's assessments are not this person's.
    server
        .post(
            "/v1/people/someone-else/assessments",
            Some(READ),
            &assessment(5, "expert"),
        )
        .expect(201);

    let history = server.get(&path, Some(READ)).expect(200).json();
    let history = history.as_array().unwrap();
    assert_eq!(history.len(), 3);
    let got: Vec<i64> = history.iter().map(|h| h["id"].as_i64().unwrap()).collect();
    assert_eq!(got, ids, "oldest first");
    let first = &history[0];
    assert_eq!(first["framework"], "backend-developer");
    assert!(first["readiness"].is_null() && first["readiness_name"].is_null());
    assert_eq!(first["fits"].as_array().unwrap().len(), 4);
    assert_eq!(first["fits"][0]["level"], "entry");
    assert_eq!(first["fits"][0]["name"], "Entry level");
    assert!(history[2]["score"].as_u64() > first["score"].as_u64());
    assert!(history[2]["fits"][1]["fit"].as_f64() > first["fits"][1]["fit"].as_f64());
    for item in history {
        for key in [
            "id",
            "created_at",
            "framework",
            "readiness",
            "readiness_name",
            "score",
            "target",
            "fits",
        ] {
            assert!(item.get(key).is_some(), "history item lacks {key}");
        }
    }

    // One stored assessment, with what was sent and what was answered.
    let one = server
        .get(&format!("{path}/{}", ids[1]), Some(READ))
        .expect(200)
        .json();
    assert_eq!(one["id"], ids[1]);
    assert_eq!(one["person"], PERSON);
    assert_eq!(
        one["assessment"]["ratings"]["security"],
        "advanced_beginner"
    );
    assert_eq!(one["report"]["skills"][3]["skill"], "security");
    server
        .get(&format!("{path}/999999"), Some(READ))
        .problem(404, None);
    server
        .get(&format!("{path}/not-a-number"), Some(READ))
        .problem(404, None);
    // Reachable only through its own person.
    server
        .get(
            &format!("/v1/people/someone-else/assessments/{}", ids[1]),
            Some(READ),
        )
        .problem(404, None);

    // It all survives a restart.
    drop(server);
    let server = Server::start(db);
    let after = server.get(&path, Some(READ)).expect(200).json();
    assert_eq!(after.as_array().unwrap().len(), 3);
    let again = server
        .get(&format!("{path}/{}", ids[1]), Some(READ))
        .expect(200)
        .json();
    assert_eq!(again, one);
}

fn person_errors(db: &Db) {
    let server = Server::start(db);
    let path = format!("/v1/people/{PERSON}/assessments");
    store_three(&server);
    // Bad input is refused before anything is stored.
    server
        .post(&path, Some(READ), r#"{ "ratings": { "securty": 1 } }"#)
        .problem(400, Some("ratings.securty"));
    server.post(&path, Some(READ), "{").problem(400, None);
    server
        .post(&path, Some(READ), r#"{ "ratings": {}, "x": 1 }"#)
        .problem(400, Some("x"));
    assert_eq!(
        server
            .get(&path, Some(READ))
            .json()
            .as_array()
            .unwrap()
            .len(),
        3
    );
    // Person ids: letters, digits, `-`, `_`, `.`; at most 128.
    for bad in ["a%20b", "caf%C3%A9", "a:b", &"x".repeat(129)] {
        server
            .post(
                &format!("/v1/people/{bad}/assessments"),
                Some(READ),
                &assessment(1, "none"),
            )
            .problem(400, Some("person"));
        server
            .get(&format!("/v1/people/{bad}/assessments"), Some(READ))
            .problem(400, Some("person"));
    }
    server
        .post(
            &format!("/v1/people/{}/assessments", "x".repeat(128)),
            Some(READ),
            &assessment(1, "none"),
        )
        .expect(201);
}

fn progress(db: &Db) {
    let server = Server::start(db);
    let path = format!("/v1/people/{PERSON}/assessments");
    let ids = store_three(&server);
    // Progress: first to latest by default.
    let progress_path = format!("/v1/people/{PERSON}/progress");
    let progress = server.get(&progress_path, Some(READ)).expect(200).json();
    let security = |p: &Value| {
        p["skills"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["skill"] == "security")
            .cloned()
            .unwrap()
    };
    assert_eq!(security(&progress)["before"], "novice");
    assert_eq!(security(&progress)["after"], "competent");
    assert!(progress["score_after"].as_u64() > progress["score_before"].as_u64());
    assert_eq!(
        progress["steps_completed"][0]["step"],
        "programming-foundations"
    );
    assert_eq!(progress["levels"].as_array().unwrap().len(), 4);
    // Explicit from and to.
    let explicit = server
        .get(
            &format!("{progress_path}?from={}&to={}", ids[1], ids[0]),
            Some(READ),
        )
        .expect(200)
        .json();
    assert_eq!(security(&explicit)["before"], "advanced_beginner");
    assert_eq!(security(&explicit)["after"], "novice");
    let same = server
        .get(&format!("{progress_path}?to={}", ids[0]), Some(READ))
        .expect(200)
        .json();
    assert_eq!(security(&same)["before"], security(&same)["after"]);
    server
        .get(&format!("{progress_path}?from=424242"), Some(READ))
        .problem(404, None);
    server
        .get(&format!("{progress_path}?from=first"), Some(READ))
        .problem(400, Some("from"));
    server
        .get(&format!("{progress_path}?since=1"), Some(READ))
        .problem(400, Some("since"));

    // Progress across two frameworks is a conflict.
    let custom = json!({
        "id": "tiny", "name": "Tiny",
        "skills": [{ "id": "sql", "name": "SQL" }],
        "levels": [{ "id": "one", "name": "One", "requires": { "sql": "novice" } }]
    });
    server
        .put("/v1/frameworks/tiny", Some(ADMIN), &custom.to_string())
        .expect(201);
    let other = server
        .post(
            &path,
            Some(READ),
            r#"{ "framework": "tiny", "ratings": { "sql": 2 } }"#,
        )
        .expect(201)
        .json();
    assert_eq!(other["report"]["framework"], "tiny");
    server.get(&progress_path, Some(READ)).problem(409, None);
    let history = server.get(&path, Some(READ)).json();
    assert_eq!(history.as_array().unwrap().len(), 4);
    assert_eq!(history[3]["framework"], "tiny");
}

fn links(db: &Db) {
    let server = Server::start(db);
    // No key: the link is the credential.
    let created = server.post("/v1/links", None, &assessment(1, "novice"));
    created.expect(201);
    let created = created.json();
    let link = created["link"].as_str().unwrap().to_owned();
    assert_eq!(link.len(), 32);
    assert!(
        link.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    );
    assert_eq!(created["report"]["framework"], "backend-developer");
    assert!(created["id"].is_i64() && created["created_at"].is_string());
    let other = server
        .post("/v1/links", None, &assessment(2, "novice"))
        .expect(201)
        .json();
    assert_ne!(other["link"], created["link"]);

    let view = server
        .get(&format!("/v1/links/{link}"), None)
        .expect(200)
        .json();
    assert_eq!(view["history"].as_array().unwrap().len(), 1);
    assert_eq!(view["latest"]["id"], created["id"]);
    assert_eq!(view["latest"]["report"], created["report"]);
    assert_eq!(
        view["progress"]["score_before"],
        view["progress"]["score_after"]
    );

    let next = server.post(
        &format!("/v1/links/{link}/assessments"),
        None,
        &assessment(3, "competent"),
    );
    let next = next.expect(201).json();
    assert!(
        next.get("person").is_none(),
        "a link's person has no job board id"
    );
    let view = server
        .get(&format!("/v1/links/{link}"), None)
        .expect(200)
        .json();
    let history = view["history"].as_array().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0]["id"], created["id"]);
    assert_eq!(history[1]["id"], next["id"]);
    assert_eq!(view["latest"]["id"], next["id"]);
    assert!(view["progress"]["score_after"].as_u64() > view["progress"]["score_before"].as_u64());
    assert!(history[1]["fits"][0]["fit"].as_f64() >= history[0]["fits"][0]["fit"].as_f64());

    // Unknown and malformed links look alike.
    let unknown = server
        .get("/v1/links/00000000000000000000000000000000", None)
        .problem(404, None);
    let malformed = server.get("/v1/links/not-a-link", None).problem(404, None);
    assert_eq!(unknown, malformed);
    server
        .get(&format!("/v1/links/{}", link.to_uppercase()), None)
        .problem(404, None);
    server
        .post(
            "/v1/links/00000000000000000000000000000000/assessments",
            None,
            &assessment(1, "none"),
        )
        .problem(404, None);
    server
        .post(
            &format!("/v1/links/{link}/assessments"),
            None,
            r#"{ "ratings": { "securty": 1 } }"#,
        )
        .problem(400, Some("ratings.securty"));
    server
        .post("/v1/links", None, r#"{ "ratings": [] }"#)
        .problem(400, Some("ratings"));
    server
        .request_typed(
            "POST",
            "/v1/links",
            None,
            Some(("text/plain", &assessment(1, "none"))),
        )
        .problem(415, None);
    // A link's person is not reachable as a job board person.
    assert_eq!(
        server.get(&format!("/v1/links/{link}"), None).json()["history"]
            .as_array()
            .unwrap()
            .len(),
        2
    );

    // It survives a restart.
    drop(server);
    let server = Server::start(db);
    let again = server
        .get(&format!("/v1/links/{link}"), None)
        .expect(200)
        .json();
    assert_eq!(again["history"].as_array().unwrap().len(), 2);
}

fn logs_carry_nothing_about_a_person(db: &Db) {
    let server = Server::start(db);
    let person = "jane.doe-4471";
    server
        .post(
            &format!("/v1/people/{person}/assessments"),
            Some(READ),
            &assessment(2, "novice"),
        )
        .expect(201);
    server
        .get(&format!("/v1/people/{person}/assessments"), Some(READ))
        .expect(200);
    server.get(&format!("/v1/people/{person}/progress?from=1"), Some(READ));
    let link = server
        .post("/v1/links", None, &assessment(2, "novice"))
        .json()["link"]
        .as_str()
        .unwrap()
        .to_owned();
    server.get(&format!("/v1/links/{link}"), None).expect(200);
    server
        .get("/v1/links/ffffffffffffffffffffffffffffffff", None)
        .problem(404, None);
    server
        .post("/v1/assess", Some("wrong-key-123"), "{}")
        .problem(401, None);
    server
        .post(
            "/v1/assess",
            Some(READ),
            r#"{ "ratings": { "security": "guru-level-secret" } }"#,
        )
        .problem(400, Some("ratings.security"));

    let log = server.log_text();
    for secret in [
        person,
        &link,
        READ,
        ADMIN,
        "wrong-key-123",
        "guru-level-secret",
        "advanced_beginner",
    ] {
        assert!(!log.contains(secret), "the log contains `{secret}`:\n{log}");
    }
    // One JSON object per line; requests by route template.
    let mut routes = Vec::new();
    for line in log.lines() {
        let entry: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert!(
            entry["time"].is_string() && entry["level"].is_string(),
            "{line}"
        );
        if entry["message"] == "request" {
            for key in ["method", "route", "status", "latency_ms"] {
                assert!(entry.get(key).is_some(), "{line}");
            }
            routes.push(entry["route"].as_str().unwrap().to_owned());
        }
    }
    assert!(
        routes.contains(&"/v1/people/{person}/assessments".to_owned()),
        "{routes:?}"
    );
    assert!(
        routes.contains(&"/v1/links/{link}".to_owned()),
        "{routes:?}"
    );
}

on_both_backends!(
    history,
    person_errors,
    progress,
    links,
    logs_carry_nothing_about_a_person
);

#[test]
fn database_urls_of_test_databases() {
    assert_eq!(
        harness::with_database("postgres://u@127.0.0.1:5432/skillgauge", "t1"),
        "postgres://u@127.0.0.1:5432/t1"
    );
    assert_eq!(
        harness::with_database("postgres://u:p@h/db?sslmode=disable", "t2"),
        "postgres://u:p@h/t2?sslmode=disable"
    );
    assert_eq!(
        harness::with_database("postgres://h", "t3"),
        "postgres://h/t3"
    );
}
