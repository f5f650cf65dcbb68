//! Configuration errors of the real binary: a token the vendor refuses, a base URL that cannot
//! work (https to a plain-http server, white space, a bad port), missing tokens. Each ends with
//! exit 2 naming the variable or flag to fix, before anything is created and without being
//! sent again; a network failure stays exit 3 but names where its base URL came from. The
//! creates refused for a setting are in [`creates`].

use std::path::Path;
use std::process::{Command, Output};

use telephony_fixtures::canned::{Canned, Server};
use telephony_fixtures::mock::{self, answered};
use telephony_mock::{MockConfig, MockHandle};

use crate::command::{example, redact, run, stderr, telephony, write};

mod creates;

/// The token the mock of these tests accepts.
const GOOD: &str = "good";

/// A mock that accepts only [`GOOD`].
async fn guarded() -> MockHandle {
    mock::start(MockConfig {
        token: Some(GOOD.into()),
        ..mock::unlimited()
    })
    .await
}

/// The binary with `tokens` (Dialpad's, Webex's) and both base URLs at `mock`.
fn with_tokens(mock: &MockHandle, (dialpad, webex): (&str, &str)) -> Command {
    let mut command = telephony();
    command
        .env("DIALPAD_API_TOKEN", dialpad)
        .env("WEBEX_ACCESS_TOKEN", webex)
        .env("DIALPAD_BASE_URL", mock.dialpad_url())
        .env("WEBEX_BASE_URL", mock.webex_url());
    command
}

/// The example manifest, copied into `dir`.
fn sites(dir: &Path) -> String {
    let sites = dir.join("sites.yaml");
    std::fs::copy(example(), &sites).expect("copy");
    sites.display().to_string()
}

/// The exit code and stderr of `out`, redacted, for a snapshot.
fn ending(out: &Output, dir: &Path) -> String {
    format!(
        "exit {:?}\n{}",
        out.status.code(),
        redact(&stderr(out), dir)
    )
}

/// The exit code and stderr of `out` exactly as printed (only `dir` replaced), for a snapshot
/// of a message that quotes a port.
fn exact(out: &Output, dir: &Path) -> String {
    let text = stderr(out).replace(&dir.display().to_string(), "[DIR]");
    format!("exit {:?}\n{text}", out.status.code())
}

/// How many attempts of `operation` a `-v` run logged.
fn attempts_logged(out: &Output, operation: &str) -> usize {
    let quoted = format!("\"{operation}\"");
    stderr(out)
        .lines()
        .filter(|line| line.contains(&quoted))
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tokens_both_vendors_refuse_are_named_in_one_run_and_not_sent_again() {
    let _s = telephony_fixtures::snapshots::snapshots().bind_to_scope();
    let mock = guarded().await;
    let dir = tempfile::tempdir().expect("dir");
    let mut command = with_tokens(&mock, ("bad", "bad"));
    command.arg("plan").arg(sites(dir.path()));
    let out = run(command).await;
    insta::assert_snapshot!(
        "configuration__both_tokens_refused",
        ending(&out, dir.path())
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        answered(&mock, "GET /api/v2/offices"),
        1,
        "a 401 is not retried"
    );
    assert_eq!(
        answered(&mock, "GET /v1/telephony/config/operatingModes"),
        1,
        "Webex's first read is tried once, after Dialpad's failed"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_token_from_a_file_names_the_flag_and_its_path() {
    let _s = telephony_fixtures::snapshots::snapshots().bind_to_scope();
    let mock = guarded().await;
    let dir = tempfile::tempdir().expect("dir");
    let token = write(dir.path(), "dialpad.token", "bad\n");
    let mut command = with_tokens(&mock, ("unused", GOOD));
    command
        .arg("--dialpad-token-file")
        .arg(&token)
        .arg("plan")
        .arg(sites(dir.path()));
    let out = run(command).await;
    insta::assert_snapshot!(
        "configuration__token_file_refused",
        ending(&out, dir.path())
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

/// A Webex (and a Dialpad) that answers every request with 403, as to a token without the
/// rights the call needs.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_without_the_rights_names_the_variable_and_the_scope_webex_documents() {
    let _s = telephony_fixtures::snapshots::snapshots().bind_to_scope();
    let forbidden = Server::answering(Canned::json(
        403,
        r#"{"message": "the token lacks the scope", "trackingId": "T403"}"#,
    ))
    .await;
    let dir = tempfile::tempdir().expect("dir");
    let mut command = telephony();
    command
        .env("DIALPAD_API_TOKEN", "key")
        .env("WEBEX_ACCESS_TOKEN", "token")
        .env("DIALPAD_BASE_URL", &forbidden.url)
        .env("WEBEX_BASE_URL", format!("{}/v1", forbidden.url))
        .arg("plan")
        .arg(sites(dir.path()));
    let out = run(command).await;
    insta::assert_snapshot!("configuration__token_forbidden", ending(&out, dir.path()));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        forbidden.seen().len(),
        2,
        "one read of each vendor, none again"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn https_to_a_plain_http_server_names_the_base_url_variable_after_one_attempt() {
    let _s = telephony_fixtures::snapshots::snapshots().bind_to_scope();
    let mock = guarded().await;
    let dir = tempfile::tempdir().expect("dir");
    let mut command = with_tokens(&mock, (GOOD, GOOD));
    command
        .env(
            "DIALPAD_BASE_URL",
            mock.dialpad_url().replace("http://", "https://"),
        )
        .args(["-v", "plan"])
        .arg(sites(dir.path()));
    let out = run(command).await;
    assert_eq!(
        attempts_logged(&out, "list_offices"),
        1,
        "a TLS handshake that fails is not tried again: {}",
        stderr(&out)
    );
    let last = stderr(&out).lines().last().unwrap_or_default().to_string();
    insta::assert_snapshot!(
        "configuration__https_to_plain_http",
        format!(
            "exit {:?}\n{}",
            out.status.code(),
            redact(&last, dir.path())
        )
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_connection_stays_a_network_failure_and_names_the_base_url_variable() {
    let _s = telephony_fixtures::snapshots::snapshots().bind_to_scope();
    let mock = guarded().await;
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = closed.local_addr().expect("addr").port();
    drop(closed);
    let dir = tempfile::tempdir().expect("dir");
    let mut command = with_tokens(&mock, (GOOD, GOOD));
    command
        .env("DIALPAD_BASE_URL", format!("http://127.0.0.1:{port}"))
        .arg("plan")
        .arg(sites(dir.path()));
    let out = run(command).await;
    insta::assert_snapshot!(
        "configuration__connection_refused",
        ending(&out, dir.path())
    );
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
}

/// Settings refused before any request: white space in a base URL, a port out of range, both
/// tokens unset.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn settings_that_cannot_work_are_named_before_any_request() {
    let _s = telephony_fixtures::snapshots::snapshots().bind_to_scope();
    let mock = guarded().await;
    let dir = tempfile::tempdir().expect("dir");
    let sites = sites(dir.path());
    for (name, url) in [
        (
            "configuration__base_url_trailing_space",
            "http://127.0.0.1:9 ",
        ),
        ("configuration__base_url_bad_port", "http://127.0.0.1:99999"),
    ] {
        let mut command = with_tokens(&mock, (GOOD, GOOD));
        command.env("DIALPAD_BASE_URL", url).args(["plan", &sites]);
        let out = run(command).await;
        insta::assert_snapshot!(name, exact(&out, dir.path()));
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    }
    let mut command = telephony();
    command.args(["plan", &sites]);
    let out = run(command).await;
    insta::assert_snapshot!("configuration__tokens_unset", ending(&out, dir.path()));
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let stats = mock.stats();
    assert_eq!(stats["requests"], serde_json::json!({}), "nothing was sent");
}

/// Dialpad refuses the token while Webex cannot be reached: the run ends as a configuration
/// error (exit 2) and names both, the unreachable one with the variable its base URL came
/// from.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_token_and_an_unreachable_vendor_are_both_named() {
    let _s = telephony_fixtures::snapshots::snapshots().bind_to_scope();
    let mock = guarded().await;
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = closed.local_addr().expect("addr").port();
    drop(closed);
    let dir = tempfile::tempdir().expect("dir");
    let mut command = with_tokens(&mock, ("bad", GOOD));
    command
        .env("WEBEX_BASE_URL", format!("http://127.0.0.1:{port}/v1"))
        .arg("plan")
        .arg(sites(dir.path()));
    let out = run(command).await;
    insta::assert_snapshot!(
        "configuration__refused_and_unreachable",
        ending(&out, dir.path())
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        answered(&mock, "GET /api/v2/offices"),
        1,
        "a 401 is not retried"
    );
}

/// A token file that never ends (a device) is read no further than a token could be.
#[test]
fn an_endless_token_file_is_refused_not_read_forever() {
    let dir = tempfile::tempdir().expect("dir");
    let out = telephony()
        .env("WEBEX_ACCESS_TOKEN", GOOD)
        .args(["--dialpad-token-file", "/dev/zero", "plan"])
        .arg(sites(dir.path()))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "error: token file /dev/zero: longer than 65536 bytes, more than any token\n"
    );
}
