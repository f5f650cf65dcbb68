//! Running the real `telephony` binary in tests, against the mock, and reading what it
//! printed, what it journaled and what the mock holds afterwards.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use telephony_fixtures::mock::{self, answered};
use telephony_mock::{MockConfig, MockHandle, parse_fault_plan};

/// The binary, with no credential, base URL or setting inherited from the environment.
pub fn telephony() -> Command {
    telephony_fixtures::cli::command(env!("CARGO_BIN_EXE_telephony"))
}

/// The binary running `args` against `mock`, with both vendors' tokens.
pub fn against(mock: &MockHandle, args: &[&str]) -> Command {
    let mut command = telephony_fixtures::cli::against(telephony(), mock);
    command.args(args);
    command
}

/// Runs it to the end (off the async runtime, so an in-process mock keeps serving).
pub async fn run(mut command: Command) -> Output {
    tokio::task::spawn_blocking(move || command.output().expect("the binary runs"))
        .await
        .expect("joined")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Text with `dir` and opaque ids replaced, for snapshots.
pub fn redact(text: &str, dir: &Path) -> String {
    let text = text.replace(&dir.display().to_string(), "[DIR]");
    let ids =
        regex::Regex::new(r"\b(5\d{12}|Y2lzY29zcGFyazovL3VzL09QRVJBVElOR19NT0RF[A-Za-z0-9_-]+)")
            .expect("regex");
    let text = ids.replace_all(&text, "[ID]");
    let port = regex::Regex::new(r"127\.0\.0\.1:\d+").expect("regex");
    port.replace_all(&text, "127.0.0.1:[PORT]").into_owned()
}

/// The example manifest.
pub fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sites.yaml")
}

/// A file in `dir` with `text`.
pub fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

/// A mock with rate limits off and `faults`, seeded.
pub async fn mock(faults: &str) -> MockHandle {
    mock::start(MockConfig {
        faults: parse_fault_plan(faults).expect("plan"),
        seed: 5,
        ..mock::unlimited()
    })
    .await
}

/// Create requests the mock answered, both vendors'.
pub fn creates(mock: &MockHandle) -> u64 {
    answered(mock, "POST /api/v2/offices")
        + answered(mock, "POST /v1/telephony/config/operatingModes")
}

/// A manifest of `offices` Dialpad offices and `modes` Webex modes over five locations.
pub fn manifest(offices: usize, modes: usize) -> String {
    telephony_fixtures::cli::manifest(offices, modes, 5)
}

/// Each resource's ids by name, from the mock.
pub fn held(mock: &MockHandle) -> HashMap<String, Vec<String>> {
    let mut by_name: HashMap<String, Vec<String>> = HashMap::new();
    for office in mock.offices() {
        let name = office.received["name"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        by_name.entry(name).or_default().push(office.id.to_string());
    }
    for mode in mock.operating_modes() {
        let name = mode.received["name"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        by_name.entry(name).or_default().push(mode.id);
    }
    by_name
}

/// The last journal entry of each item.
pub fn journal(path: &Path) -> HashMap<String, Value> {
    std::fs::read_to_string(path)
        .expect("journal")
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .map(|entry| {
            (
                entry["name"].as_str().unwrap_or_default().to_string(),
                entry,
            )
        })
        .collect()
}
