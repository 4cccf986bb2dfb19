//! The load generator example (`examples/loadtest.rs`) runs as a person would run it:
//! briefly, against a server on loopback, with no errors; and it refuses other hosts.
#![cfg(feature = "server")]

mod harness;

use std::process::{Command, Output};

use harness::{Db, READ, Server};

fn loadtest(args: &[&str]) -> Output {
    Command::new(env!("CARGO"))
        .args([
            "run",
            "--quiet",
            "--features",
            "server",
            "--example",
            "loadtest",
            "--",
        ])
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs")
}

#[test]
fn runs_briefly_on_loopback_and_refuses_other_hosts() {
    let db = Db::sqlite();
    let server = Server::start(&db);
    for mode in ["assess", "store"] {
        let out = loadtest(&[
            "--url",
            &server.base,
            "--key",
            READ,
            "--seconds",
            "1",
            "--concurrency",
            "2",
            "--mode",
            mode,
        ]);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(stdout.contains(", 0 errors"), "{stdout}");
        assert!(
            stdout.contains("requests/s") && stdout.contains("p50") && stdout.contains("p99"),
            "{stdout}"
        );
    }
    // A wrong key is counted as errors, and the exit code says so.
    let out = loadtest(&[
        "--url",
        &server.base,
        "--key",
        "wrong",
        "--seconds",
        "1",
        "--concurrency",
        "1",
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );

    for refused in [
        &["--url", "http://10.1.2.3:8080", "--key", "k"][..],
        &["--url", &server.base, "--key", "k", "--seconds", "61"],
        &["--url", &server.base],
    ] {
        let out = loadtest(refused);
        assert_eq!(out.status.code(), Some(2), "{refused:?}");
    }
}
