//! Write the JSON Schemas of framework files, assessments and reports.
//!
//! ```text
//! cargo run --example schema --features schemars             # print all three
//! cargo run --example schema --features schemars -- DIR      # write DIR/*.schema.json
//! ```
//!
//! With a directory, it writes `framework.schema.json`, `assessment.schema.json` and
//! `report.schema.json` there, creating the directory, and prints each path.
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use serde_json::Value;
use skillgauge::schema;

fn schemas() -> [(&'static str, Value); 3] {
    [
        ("framework", schema::framework()),
        ("assessment", schema::assessment()),
        ("report", schema::report()),
    ]
}

fn pretty(schema: &Value) -> Result<String, String> {
    serde_json::to_string_pretty(schema).map_err(|e| e.to_string())
}

fn print_all() -> Result<(), String> {
    let mut out = io::stdout().lock();
    let mut text = String::new();
    for (i, (name, schema)) in schemas().iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        text.push_str("=== ");
        text.push_str(name);
        text.push_str(".schema.json\n");
        text.push_str(&pretty(schema)?);
        text.push('\n');
    }
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        // A closed pipe (`| head`) is the reader's choice, not an error.
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(format!("cannot write: {e}")),
        _ => Ok(()),
    }
}

fn write_all(dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for (name, schema) in schemas() {
        let path = dir.join(format!("{name}.schema.json"));
        let text = pretty(&schema)? + "\n";
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        println!("{}", path.display());
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [] => print_all(),
        [flag] if flag == "-h" || flag == "--help" => {
            println!("usage: cargo run --example schema --features schemars -- [DIR]");
            Ok(())
        }
        [dir] => write_all(Path::new(dir)),
        _ => Err("expected at most one argument, a directory".to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
