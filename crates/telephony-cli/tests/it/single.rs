//! The single creates, `dialpad create-office` and `webex create-operating-mode`, against the
//! built-in mock and a scripted Webex: what they print and journal, also when reading the
//! created mode back fails; and a dry run, which sends no create.

use serde_json::Value;

use crate::command::{
    against, creates, example, journal, mock, run, stderr, stdout, telephony, write,
};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn single_creates_print_what_was_created_and_dry_run_sends_no_create() {
    let dir = tempfile::tempdir().expect("dir");
    let office = write(
        dir.path(),
        "office.json",
        &telephony_fixtures::bodies::office().to_string(),
    );
    let mode = write(
        dir.path(),
        "mode.yaml",
        "name: Night\ntype: NONE\nlevel: ORGANIZATION\ncallForwarding: {destination: \"+13125550199\"}\n",
    );
    let mut command = telephony();
    command
        .args(["--mock", "dialpad", "create-office"])
        .arg(&office);
    let out = run(command).await;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("dialpad office \"Chicago Loop\" created"),
        "{}",
        stdout(&out)
    );
    assert!(
        stdout(&out).contains("monday_hours"),
        "the office read back is shown"
    );
    assert!(
        stderr(&out).contains("built-in mock"),
        "--mock is announced"
    );

    let mut command = telephony();
    command
        .args([
            "--mock",
            "--output",
            "json",
            "webex",
            "create-operating-mode",
            "--org-id",
            "ORG-1",
        ])
        .arg(&mode);
    let out = run(command).await;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let created: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(created["outcome"], "created");
    assert_eq!(created["resource"]["name"], "Night");

    let mut command = telephony();
    command
        .args(["--mock", "webex", "create-operating-mode"])
        .arg(&office);
    assert_eq!(
        run(command).await.status.code(),
        Some(2),
        "an office is not a mode"
    );

    let mock = mock("").await;
    let sites = dir.path().join("sites.yaml");
    std::fs::copy(example(), &sites).expect("copy");
    let dry = run(against(
        &mock,
        &[
            "apply",
            "--dry-run",
            "--show-bodies",
            sites.to_str().expect("path"),
        ],
    ))
    .await;
    assert_eq!(
        dry.status.code(),
        Some(4),
        "creates pending: {}",
        stderr(&dry)
    );
    assert!(
        stdout(&dry).contains("\"sameHoursDaily\""),
        "the exact bodies are shown"
    );
    assert_eq!(creates(&mock), 0);
    assert!(
        !dir.path().join("sites.journal.jsonl").exists(),
        "a dry run writes no journal"
    );
}

/// A Webex that creates (201 with the new id) and then answers the read-back with a body that
/// cannot be decoded: the id is printed and journaled, and the command says what failed.
#[tokio::test]
async fn a_create_whose_read_back_fails_still_prints_and_journals_its_id() {
    use axum::routing::{get, post};
    let undecodable = r#"{"id": "MODE-1", "name": "Night", "holidays": "not a list"}"#;
    let app = axum::Router::new()
        .route(
            "/v1/telephony/config/operatingModes",
            post(|| async {
                (
                    axum::http::StatusCode::CREATED,
                    [("content-type", "application/json")],
                    r#"{"id": "MODE-1"}"#,
                )
            })
            .get(|| async {
                (
                    [("content-type", "application/json")],
                    r#"{"operatingModes": []}"#,
                )
            }),
        )
        .route(
            "/v1/telephony/config/operatingModes/{id}",
            get(move || async move { ([("content-type", "application/json")], undecodable) }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let base = format!("http://{}/v1", listener.local_addr().expect("addr"));
    let server = tokio::spawn(async move { axum::serve(listener, app).await });

    let dir = tempfile::tempdir().expect("dir");
    let mode = write(
        dir.path(),
        "mode.yaml",
        "name: Night\ntype: NONE\nlevel: ORGANIZATION\ncallForwarding: {destination: \"+13125550199\"}\n",
    );
    let journal_path = dir.path().join("single.jsonl");
    let mut command = telephony();
    command
        .env("WEBEX_ACCESS_TOKEN", "webex-token")
        .env("WEBEX_BASE_URL", &base)
        .args(["webex", "create-operating-mode", "--journal"])
        .arg(&journal_path)
        .arg(&mode);
    let out = run(command).await;
    server.abort();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("webex mode \"Night\" (organization level) created: MODE-1"),
        "the id is printed before the read-back: {}",
        stdout(&out)
    );
    let said = stderr(&out);
    assert!(
        said.contains("created (MODE-1); reading it back failed") && said.contains("at holidays"),
        "{said}"
    );
    let entries = journal(&journal_path);
    let entry = entries.values().next().expect("one entry");
    assert_eq!(entry["outcome"], "created");
    assert_eq!(entry["id"], "MODE-1");
}
