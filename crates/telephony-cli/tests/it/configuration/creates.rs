//! Creates refused for a setting: a single create refused with 401 (exit 2, the variable
//! named, nothing created), a token refused once an apply's creates began (exit 3, each failure
//! naming the variable), and an unknown outcome whose read-back is refused (still unknown).

use telephony_fixtures::canned::{Canned, Server};
use telephony_fixtures::mock::answered;

use super::{GOOD, ending, guarded, with_tokens};
use crate::command::{journal, run, stderr, stdout, telephony, write};

/// The snapshot settings of this folder's parent: `tests/snapshots`, as for every module.
fn snapshots() -> insta::Settings {
    let mut settings = telephony_fixtures::snapshots::snapshots();
    settings.set_snapshot_path("../../snapshots");
    settings
}

/// A mode body in `dir`.
fn mode_file(dir: &std::path::Path) -> std::path::PathBuf {
    write(
        dir,
        "mode.yaml",
        "name: Night\ntype: NONE\nlevel: ORGANIZATION\ncallForwarding: {destination: \"+13125550199\"}\n",
    )
}

/// A Dialpad that lists no office and refuses the create itself with 401: the office was
/// surely not created, so the command says which variable to fix and journals no creation.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_single_create_refused_with_401_names_the_variable_and_creates_nothing() {
    let _s = snapshots().bind_to_scope();
    let dialpad = Server::start().await;
    dialpad
        .gets([Canned::json(200, r#"{"items": []}"#)])
        .posts([Canned::json(
            401,
            r#"{"error": {"code": 401, "message": "the token is not valid"}}"#,
        )]);
    let dir = tempfile::tempdir().expect("dir");
    let office = write(
        dir.path(),
        "office.json",
        &telephony_fixtures::bodies::office().to_string(),
    );
    let journal_path = dir.path().join("office.jsonl");
    let mut command = telephony();
    command
        .env("DIALPAD_API_TOKEN", "bad")
        .env("DIALPAD_BASE_URL", &dialpad.url)
        .args(["dialpad", "create-office", "--journal"])
        .arg(&journal_path)
        .arg(&office);
    let out = run(command).await;
    insta::assert_snapshot!(
        "configuration__create_office_refused",
        ending(&out, dir.path())
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        dialpad.posts_seen(),
        1,
        "a refused create is not sent again"
    );
    assert_eq!(stdout(&out), "", "nothing is said to be created");
    let recorded = std::fs::read_to_string(&journal_path).unwrap_or_default();
    assert!(
        !recorded.contains("\"created\"") && !recorded.contains("\"found\""),
        "{recorded}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_single_mode_create_refused_by_the_mock_names_the_variable() {
    let _s = snapshots().bind_to_scope();
    let mock = guarded().await;
    let dir = tempfile::tempdir().expect("dir");
    let mode = mode_file(dir.path());
    let mut command = with_tokens(&mock, (GOOD, "bad"));
    command.args(["webex", "create-operating-mode"]).arg(&mode);
    let out = run(command).await;
    insta::assert_snapshot!(
        "configuration__create_mode_refused",
        ending(&out, dir.path())
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        answered(&mock, "POST /v1/telephony/config/operatingModes"),
        1
    );
    assert!(mock.operating_modes().is_empty());
}

/// A Webex that creates the first mode and then refuses the token: the run has created
/// something, so it ends 3 with the rest failed and journaled, and each failure names the
/// variable.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_refused_after_creates_began_names_the_variable_in_each_failure() {
    let _s = snapshots().bind_to_scope();
    let webex = Server::start().await;
    let refused = || {
        Canned::json(
            401,
            r#"{"message": "the token expired", "trackingId": "T401"}"#,
        )
    };
    webex
        .gets([Canned::json(200, r#"{"operatingModes": []}"#)])
        .posts([
            Canned::json(201, r#"{"id": "MODE-1"}"#),
            refused(),
            refused(),
        ]);
    let dir = tempfile::tempdir().expect("dir");
    let modes = write(
        dir.path(),
        "modes.yaml",
        &telephony_fixtures::cli::manifest(0, 3, 1).replace("dialpad:\n  offices:\n", ""),
    );
    let journal_path = dir.path().join("modes.jsonl");
    let mut command = telephony();
    command
        .env("WEBEX_ACCESS_TOKEN", "token")
        .env("WEBEX_BASE_URL", format!("{}/v1", webex.url))
        .args(["apply", "--concurrency", "1", "--journal"])
        .arg(&journal_path)
        .arg(&modes);
    let out = run(command).await;
    insta::assert_snapshot!(
        "configuration__token_refused_midway",
        format!("{}\n{}", ending(&out, dir.path()), stdout(&out))
    );
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert_eq!(webex.posts_seen(), 3, "each create sent once");
    let recorded = journal(&journal_path);
    assert_eq!(recorded["Mode 0"]["outcome"], "created");
    for name in ["Mode 1", "Mode 2"] {
        assert_eq!(recorded[name]["outcome"], "failed", "{name}");
        let error = recorded[name]["error"].as_str().unwrap_or_default();
        assert!(error.contains("WEBEX_ACCESS_TOKEN"), "{name}: {error}");
    }
}

/// A Webex whose create answers 502 (it may have been carried out) and whose read-back then
/// refuses the token: the outcome stays unknown (exit 3), never a configuration error, since
/// the mode may exist.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_outcome_stays_unknown_when_the_read_back_is_refused() {
    let _s = snapshots().bind_to_scope();
    let webex = Server::start().await;
    webex
        .posts([Canned::json(
            502,
            r#"{"message": "bad gateway", "trackingId": "T502"}"#,
        )])
        .gets([Canned::json(
            401,
            r#"{"message": "the token expired", "trackingId": "T401"}"#,
        )]);
    let dir = tempfile::tempdir().expect("dir");
    let mode = mode_file(dir.path());
    let mut command = telephony();
    command
        .env("WEBEX_ACCESS_TOKEN", "token")
        .env("WEBEX_BASE_URL", format!("{}/v1", webex.url))
        .args([
            "--settle-delay",
            "0",
            "webex",
            "create-operating-mode",
            "--journal",
        ])
        .arg(dir.path().join("mode.jsonl"))
        .arg(&mode);
    let out = run(command).await;
    insta::assert_snapshot!(
        "configuration__unknown_then_refused",
        ending(&out, dir.path())
    );
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert_eq!(
        webex.posts_seen(),
        1,
        "an unknown outcome is not sent again"
    );
}
