//! The `telephony-mock` program: one `listening on` line, request logs without tokens, bad
//! flags refused with a message, clean exit on SIGTERM.

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, ChildStdout, Command, Stdio};

use telephony_fixtures::bodies::{mode, spec_office};

const SECRET: &str = "s3cr3t-token-value";

fn mock_command() -> Command {
    Command::new(env!("CARGO_BIN_EXE_telephony-mock"))
}

/// Starts `command` with stdout and stderr piped and reads its first line, `listening on URL`:
/// the child, the rest of its stdout, and the URL.
fn listening(mut command: Command) -> (Child, BufReader<ChildStdout>, String) {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    stdout.read_line(&mut line).expect("a line");
    let url = line
        .trim_end()
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .to_string();
    (child, stdout, url)
}

#[tokio::test]
async fn prints_one_line_logs_without_tokens_and_stops_on_sigterm() {
    let mut command = mock_command();
    command
        .args(["--listen", "127.0.0.1:0", "--token", SECRET])
        .env("RUST_LOG", "trace");
    let (mut child, mut stdout, url) = listening(command);
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");

    let client = reqwest::Client::new();
    let office = client
        .post(format!("{url}/api/v2/offices?apikey={SECRET}"))
        .json(&serde_json::json!({}))
        .send()
        .await
        .expect("answered");
    assert_eq!(office.status(), 400, "authenticated, then refused as empty");
    let mode = client
        .post(format!("{url}/v1/telephony/config/operatingModes"))
        .bearer_auth(SECRET)
        .json(&mode("Day"))
        .send()
        .await
        .expect("answered");
    assert_eq!(mode.status(), 201);

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let status = child.wait().expect("exits");
    assert!(status.success(), "clean exit on SIGTERM: {status}");

    let mut rest = String::new();
    stdout.read_to_string(&mut rest).expect("stdout readable");
    assert_eq!(rest, "", "exactly one line on stdout");
    let mut logs = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut logs)
        .expect("stderr readable");
    assert!(
        logs.contains("POST /api/v2/offices"),
        "requests are logged:\n{logs}"
    );
    assert!(logs.contains("apikey"), "the kind of credential is logged");
    assert!(
        !logs.contains(SECRET),
        "the token never appears in the logs:\n{logs}"
    );
}

#[test]
fn bad_flags_are_refused_with_a_message() {
    for args in [
        &["--dialpad-rate", "fast"][..],
        &["--faults", "418@0.5"][..],
        &["--listen", "not-an-address"][..],
    ] {
        let output = mock_command().args(args).output().expect("runs");
        assert!(!output.status.success(), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(args[1]), "{args:?}: {stderr}");
        assert!(output.stdout.is_empty());
    }
}

#[test]
fn a_busy_address_is_an_error_not_a_panic() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = taken.local_addr().expect("addr").to_string();
    let output = mock_command()
        .args(["--listen", &addr])
        .output()
        .expect("runs");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cannot listen on"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// Starts the binary on `listen` with `args`; returns it (stderr piped) and its URL.
fn started(listen: &str, args: &[&str]) -> (Child, String) {
    let mut command = mock_command();
    command.args(["--listen", listen]).args(args);
    let (child, _, url) = listening(command);
    (child, url)
}

/// Stops a started binary and returns what it wrote on stderr.
fn stopped(mut child: Child) -> String {
    child.kill().expect("stopped");
    let mut stderr = String::new();
    if let Some(mut pipe) = child.stderr.take() {
        pipe.read_to_string(&mut stderr).expect("read");
    }
    let _ = child.wait();
    stderr
}

#[test]
fn listening_beyond_loopback_warns_about_what_is_exposed() {
    let (exposed, _) = started("0.0.0.0:0", &[]);
    let stderr = stopped(exposed);
    assert!(stderr.contains("warning: listening on 0.0.0.0"), "{stderr}");
    assert!(stderr.contains("/_mock/"), "{stderr}");
    let (quiet, _) = started("127.0.0.1:0", &[]);
    let stderr = stopped(quiet);
    assert!(!stderr.contains("warning: listening"), "{stderr}");
}

/// Starts the binary with `args`, creates one office, returns its id (as the answer wrote it).
async fn first_office_id(args: &[&str]) -> i64 {
    let id = first_office_id_as_written(args).await;
    id.as_i64()
        .or_else(|| id.as_str().and_then(|text| text.parse().ok()))
        .expect("id")
}

/// Starts the binary with `args`, creates one office, returns its `id` as written.
async fn first_office_id_as_written(args: &[&str]) -> serde_json::Value {
    let (child, url) = started("127.0.0.1:0", args);
    let answer: serde_json::Value = reqwest::Client::new()
        .post(format!("{url}/api/v2/offices"))
        .bearer_auth("k")
        .json(&spec_office())
        .send()
        .await
        .expect("answered")
        .json()
        .await
        .expect("JSON");
    stopped(child);
    answer["office"]["id"].clone()
}

#[tokio::test]
async fn dialpad_integers_are_strings_unless_numbers_are_asked_for() {
    assert!(first_office_id_as_written(&[]).await.is_string());
    assert!(
        first_office_id_as_written(&["--dialpad-integers", "numbers"])
            .await
            .is_i64()
    );
}

#[tokio::test]
async fn ids_repeat_across_restarts_only_with_the_same_explicit_seed() {
    assert_ne!(first_office_id(&[]).await, first_office_id(&[]).await);
    assert_eq!(
        first_office_id(&["--seed", "42"]).await,
        first_office_id(&["--seed", "42"]).await
    );
}
