//! `plan` and `apply` against the mock (started in this test process; the binary reaches it
//! through DIALPAD_BASE_URL and WEBEX_BASE_URL): idempotent, resumable after SIGKILL, exactly
//! once under faults, with a journal that matches what exists.

use std::time::Duration;

use serde_json::Value;
use telephony_fixtures::canned::Silent;
use telephony_fixtures::mock::{self, quiet};
use telephony_fixtures::snapshots::snapshots;

use crate::command::{
    against, creates, example, held, journal, manifest, mock, redact, run, stderr, stdout,
    telephony, write,
};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plan_apply_and_a_second_run_that_creates_nothing() {
    let mock = mock("").await;
    let dir = tempfile::tempdir().expect("dir");
    let sites = dir.path().join("sites.yaml");
    std::fs::copy(example(), &sites).expect("copy");
    let sites = sites.to_str().expect("path");

    let _snapshots = snapshots().bind_to_scope();
    let plan = run(against(&mock, &["plan", sites])).await;
    assert_eq!(
        plan.status.code(),
        Some(4),
        "creates pending: {}",
        stderr(&plan)
    );
    insta::assert_snapshot!("apply__plan_before", redact(&stdout(&plan), dir.path()));
    assert_eq!(creates(&mock), 0, "plan sends only reads");

    let first = run(against(&mock, &["apply", sites])).await;
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    insta::assert_snapshot!("apply__apply_summary", redact(&stdout(&first), dir.path()));
    assert_eq!(creates(&mock), 6);
    let recorded = journal(&dir.path().join("sites.journal.jsonl"));
    assert_eq!(recorded.len(), 6);
    assert!(recorded.values().all(|e| e["outcome"] == "created"));

    let plan = run(against(&mock, &["plan", sites, "--output", "json"])).await;
    let plan: Value = serde_json::from_slice(&plan.stdout).expect("JSON");
    let actions: Vec<&str> = plan["plan"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["action"].as_str().expect("action"))
        .collect();
    assert_eq!(actions, ["unchanged"; 6]);

    let second = run(against(&mock, &["apply", sites])).await;
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    assert!(stdout(&second).contains("0 created"), "{}", stdout(&second));
    assert_eq!(creates(&mock), 6, "nothing created the second time");
    assert!(stderr(&second).contains("resuming"), "{}", stderr(&second));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_run_killed_midway_resumes_and_every_item_exists_exactly_once() {
    let mock = mock("").await;
    let dir = tempfile::tempdir().expect("dir");
    let sites = write(dir.path(), "many.yaml", &manifest(40, 40));
    let sites = sites.to_str().expect("path");
    let journal_path = dir.path().join("many.journal.jsonl");

    let mut child = against(
        &mock,
        &[
            "apply",
            sites,
            "--dialpad-rate",
            "20/s",
            "--webex-rate",
            "20/s",
        ],
    )
    .stdout(std::process::Stdio::null())
    .stderr(std::process::Stdio::null())
    .spawn()
    .expect("spawn");
    tokio::time::sleep(Duration::from_millis(1200)).await;
    child.kill().expect("SIGKILL");
    let _ = child.wait();
    let partial = creates(&mock);
    assert!(
        partial > 0 && partial < 80,
        "killed midway: {partial} creates"
    );

    let resumed = run(against(&mock, &["apply", sites, "--concurrency", "8"])).await;
    assert_eq!(resumed.status.code(), Some(0), "{}", stderr(&resumed));
    let by_name = held(&mock);
    assert_eq!(by_name.len(), 80);
    assert!(
        by_name.values().all(|ids| ids.len() == 1),
        "exactly once each"
    );
    let recorded = journal(&journal_path);
    assert_eq!(recorded.len(), 80);
    for (name, entry) in &recorded {
        assert_eq!(
            entry["id"].as_str(),
            by_name[name].first().map(String::as_str),
            "the journal matches the mock for {name}"
        );
    }

    let third = run(against(&mock, &["apply", sites])).await;
    assert_eq!(third.status.code(), Some(0));
    assert_eq!(
        creates(&mock),
        partial + (80 - partial),
        "the third run created nothing"
    );
    assert_eq!(held(&mock).values().map(Vec::len).sum::<usize>(), 80);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn under_faults_every_item_ends_created_once_or_reported_and_the_exit_code_says_which() {
    let mock = mock(
        "429@0.1,503:1@0.05,503@0.05,reset-before@0.05,reset-after@0.05,late-commit=100ms@0.05",
    )
    .await;
    let dir = tempfile::tempdir().expect("dir");
    let sites = write(dir.path(), "faults.yaml", &manifest(20, 20));
    let sites = sites.to_str().expect("path");
    let out = run(against(
        &mock,
        &[
            "apply",
            sites,
            "--concurrency",
            "8",
            "--settle-delay",
            "0.5",
        ],
    ))
    .await;
    quiet(&mock).await;
    let by_name = held(&mock);
    let recorded = journal(&dir.path().join("faults.journal.jsonl"));
    assert_eq!(recorded.len(), 40, "every item is journaled");
    let mut all_present = true;
    for (name, entry) in &recorded {
        let ids = by_name.get(name).cloned().unwrap_or_default();
        assert!(ids.len() <= 1, "no duplicate of {name}: {ids:?}");
        match entry["outcome"].as_str() {
            Some("created" | "found" | "exists" | "unchanged") => {
                assert_eq!(
                    entry["id"].as_str(),
                    ids.first().map(String::as_str),
                    "{name}"
                );
            }
            Some("failed") => {
                all_present = false;
                assert!(ids.is_empty(), "{name} reported failed but exists");
            }
            Some("ambiguous") => all_present = false,
            other => panic!("unexpected outcome {other:?}"),
        }
    }
    let expected = if all_present { 0 } else { 3 };
    assert_eq!(out.status.code(), Some(expected), "{}", stdout(&out));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ctrl_c_stops_cleanly_with_a_journal_that_matches_what_exists() {
    let mock = mock("").await;
    let dir = tempfile::tempdir().expect("dir");
    let sites = write(dir.path(), "stop.yaml", &manifest(30, 0));
    let sites = sites.to_str().expect("path");
    let child = against(&mock, &["apply", sites, "--dialpad-rate", "10/s"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    tokio::time::sleep(Duration::from_millis(1000)).await;
    let interrupted = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill -INT");
    assert!(interrupted.success());
    let out = tokio::task::spawn_blocking(move || child.wait_with_output())
        .await
        .expect("joined")
        .expect("waited");
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(stderr(&out).contains("interrupted"), "{}", stderr(&out));
    let by_name = held(&mock);
    let recorded = journal(&dir.path().join("stop.journal.jsonl"));
    assert!(
        !by_name.is_empty() && by_name.len() < 30,
        "stopped midway: {}",
        by_name.len()
    );
    assert_eq!(
        recorded.len(),
        by_name.len(),
        "every create in flight finished and was journaled"
    );
    for (name, entry) in &recorded {
        assert_eq!(
            entry["id"].as_str(),
            by_name[name].first().map(String::as_str)
        );
    }
    let rest = run(against(&mock, &["apply", sites])).await;
    assert_eq!(rest.status.code(), Some(0), "{}", stderr(&rest));
    assert_eq!(held(&mock).len(), 30);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_from_a_file_is_never_printed() {
    let mock = mock("").await;
    let dir = tempfile::tempdir().expect("dir");
    let token = write(dir.path(), "token", "  file-secret-7f3a\n");
    let sites = write(dir.path(), "one.yaml", &manifest(1, 0));
    let mut command = telephony();
    command
        .env("DIALPAD_BASE_URL", mock.dialpad_url())
        .args(["-vv", "apply", sites.to_str().expect("path")])
        .arg("--dialpad-token-file")
        .arg(&token);
    let out = run(command).await;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let printed = format!("{}{}", stdout(&out), stderr(&out));
    assert!(printed.contains("attempt"), "-vv logs the attempts");
    assert!(
        !printed.contains("file-secret-7f3a"),
        "the token leaked:\n{printed}"
    );
    let text = std::fs::read_to_string(dir.path().join("one.journal.jsonl")).expect("journal");
    assert!(!text.contains("file-secret-7f3a"));
}

/// A Dialpad that accepts connections and never answers: `plan` fails within `--timeout`,
/// naming what did not answer, instead of waiting out every attempt's request timeout.
#[tokio::test]
async fn plan_against_a_server_that_never_answers_ends_within_the_timeout() {
    let silent = Silent::start().await;
    let dir = tempfile::tempdir().expect("dir");
    let sites = write(dir.path(), "sites.yaml", &manifest(1, 0));
    let mut command = telephony();
    command
        .env("DIALPAD_API_TOKEN", "dialpad-key")
        .env("DIALPAD_BASE_URL", &silent.url)
        .args(["--timeout", "0.5", "plan"])
        .arg(&sites);
    let out = tokio::time::timeout(Duration::from_secs(60), run(command))
        .await
        .expect("plan ends by itself");
    drop(silent);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(
        said.contains("list_offices")
            && said.contains("no answer within the read deadline of 0.5 s"),
        "{said}"
    );
}

/// Both vendors progress at once, each under its own pacing: with both paced at 20/s (and the
/// mock limiting each to 20/s), the journal holds Webex outcomes among the Dialpad ones, not
/// all after them, and nothing is throttled.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_vendors_are_created_at_once_each_under_its_own_pacing() {
    let limit = telephony_mock::RateLimit {
        count: 20,
        per: Duration::from_secs(1),
    };
    let mock = mock::start(mock::limited(limit)).await;
    let dir = tempfile::tempdir().expect("dir");
    let sites = write(dir.path(), "both.yaml", &manifest(20, 20));
    let sites = sites.to_str().expect("path");
    let out = run(against(
        &mock,
        &[
            "apply",
            sites,
            "--dialpad-rate",
            "20/s",
            "--webex-rate",
            "20/s",
        ],
    ))
    .await;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let vendors: Vec<String> = std::fs::read_to_string(dir.path().join("both.journal.jsonl"))
        .expect("journal")
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .map(|entry| entry["vendor"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(vendors.len(), 40, "{vendors:?}");
    // One vendor after the other, the first Webex create would start only once all but the
    // last `--concurrency` (4) Dialpad creates had ended: at most 3 Webex outcomes among the
    // first 20. At once, at the same rate, about half of them.
    let webex_early = vendors[..20].iter().filter(|v| *v == "webex").count();
    assert!(
        (5..=15).contains(&webex_early),
        "{webex_early} Webex outcomes among the first 20: {vendors:?}"
    );
    let stats = mock.stats();
    let throttled: u64 = stats["requests"]
        .as_object()
        .expect("requests")
        .values()
        .filter_map(|by_status| by_status["429"].as_u64())
        .sum();
    assert_eq!(throttled, 0, "each vendor kept to its pacing: {stats}");
}
