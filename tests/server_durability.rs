//! Durability: a stored assessment the server acknowledged (201) survives the server being
//! killed (SIGKILL) in the middle of a load, and is there, with its report, after a restart.
#![cfg(feature = "server")]

mod harness;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use harness::{Db, READ, Server};
use serde_json::Value;

/// Client threads sending stored assessments.
const CLIENTS: usize = 4;
/// How long the load runs before the kill.
const LOAD: Duration = Duration::from_millis(1500);
/// The most requests one client sends, whatever the time.
const MAX_REQUESTS: usize = 5_000;

/// One acknowledged assessment: who, its id, the report answered.
struct Ack {
    person: String,
    id: i64,
    report: Value,
}

#[test]
fn acknowledged_assessments_survive_a_kill() {
    let db = Db::sqlite();
    let mut server = Server::start(&db);
    let stop = Arc::new(AtomicBool::new(false));
    let started = Instant::now();
    let clients: Vec<_> = (0..CLIENTS)
        .map(|c| {
            let client = server.client();
            let stop = Arc::clone(&stop);
            thread::spawn(move || {
                let mut acks = Vec::new();
                let mut failures = 0;
                for n in 0..MAX_REQUESTS {
                    // Keep sending until told to stop: the kill lands mid-stream.
                    if stop.load(Ordering::Relaxed) || started.elapsed() > LOAD * 4 {
                        break;
                    }
                    let person = format!("load-{c}-{}", n % 7);
                    let body = format!(
                        r#"{{ "ratings": {{ "security": {}, "communication": {} }} }}"#,
                        n % 6,
                        (n / 6) % 6
                    );
                    let auth = format!("Bearer {READ}");
                    let headers = [
                        ("Authorization", auth.as_str()),
                        ("Content-Type", "application/json"),
                    ];
                    match client.try_send(
                        "POST",
                        &format!("/v1/people/{person}/assessments"),
                        &headers,
                        Some(&body),
                    ) {
                        Ok(reply) if reply.status == 201 => {
                            let stored = reply.json();
                            acks.push(Ack {
                                person,
                                id: stored["id"].as_i64().expect("an id"),
                                report: stored["report"].clone(),
                            });
                        }
                        Ok(reply) => panic!(
                            "unexpected answer under load: {} {}",
                            reply.status, reply.body
                        ),
                        // The server is gone: nothing acknowledged, nothing promised.
                        Err(_) => {
                            failures += 1;
                            if failures > 3 {
                                break;
                            }
                            thread::sleep(Duration::from_millis(10));
                        }
                    }
                }
                acks
            })
        })
        .collect();
    thread::sleep(LOAD);
    server.kill();
    stop.store(true, Ordering::Relaxed);
    let acks: Vec<Ack> = clients
        .into_iter()
        .flat_map(|c| c.join().expect("a client thread"))
        .collect();
    assert!(
        acks.len() >= 20,
        "too little load to test anything: {} acknowledged",
        acks.len()
    );

    let server = Server::start(&db);
    for ack in &acks {
        let stored = server
            .get(
                &format!("/v1/people/{}/assessments/{}", ack.person, ack.id),
                Some(READ),
            )
            .expect(200)
            .json();
        assert_eq!(
            stored["report"], ack.report,
            "assessment {} changed",
            ack.id
        );
    }
    // Every person's history holds at least what was acknowledged for them.
    for c in 0..CLIENTS {
        for p in 0..7 {
            let person = format!("load-{c}-{p}");
            let acked = acks.iter().filter(|a| a.person == person).count();
            if acked > 0 {
                let history = server
                    .get(&format!("/v1/people/{person}/assessments"), Some(READ))
                    .json();
                assert!(history.as_array().expect("a list").len() >= acked);
            }
        }
    }
    eprintln!(
        "{} acknowledged assessments all survived the kill",
        acks.len()
    );
}
