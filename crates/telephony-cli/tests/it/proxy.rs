//! A proxy named in the environment never sees a plain-http request (the token would cross it
//! in cleartext): the real binary, run with `HTTP_PROXY` and the like pointing at a counting
//! "proxy", creates an office on a loopback mock directly. It runs as its own process, so the
//! environment of the tests sharing this one never changes.

use telephony_fixtures::canned::Silent;
use telephony_fixtures::mock;
use telephony_mock::MockConfig;

use crate::command::{against, run, stderr, write};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plain_http_to_loopback_bypasses_an_environment_proxy() {
    let proxy = Silent::start().await;
    let mock = mock::start(MockConfig::default()).await;
    let dir = tempfile::tempdir().expect("dir");
    let office = write(
        dir.path(),
        "office.json",
        &telephony_fixtures::bodies::office().to_string(),
    );
    let mut command = against(&mock, &["dialpad", "create-office"]);
    command.arg(&office);
    for name in ["HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"] {
        command.env(name, &proxy.url);
    }
    for name in ["NO_PROXY", "no_proxy"] {
        command.env_remove(name);
    }
    let out = run(command).await;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(mock.offices().len(), 1, "created directly");
    assert_eq!(proxy.connections(), 0, "the proxy saw nothing");
}
