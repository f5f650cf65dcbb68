//! Running the real `telephony` binary in tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

/// The binary, with no credential, base URL or setting inherited from the environment.
pub fn telephony() -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_telephony"));
    for name in [
        "DIALPAD_API_TOKEN",
        "DIALPAD_SANDBOX",
        "DIALPAD_BASE_URL",
        "WEBEX_ACCESS_TOKEN",
        "WEBEX_BASE_URL",
        "TELEPHONY_OUTPUT",
        "TELEPHONY_JOURNAL",
        "TELEPHONY_CONCURRENCY",
        "TELEPHONY_DIALPAD_RATE",
        "TELEPHONY_WEBEX_RATE",
        "TELEPHONY_SETTLE_DELAY",
        "TELEPHONY_TIMEOUT",
        "RUST_LOG",
    ] {
        command.env_remove(name);
    }
    command
}

/// Runs it to the end (off the async runtime, so an in-process mock keeps serving).
pub async fn run(mut command: std::process::Command) -> Output {
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
