//! A started mock and plain HTTP to it: how the tests and benches start `telephony-mock`, send
//! it raw requests and read its counts.

use std::time::Duration;

use serde_json::{Value, json};
use telephony_mock::{Fault, MockConfig, MockHandle, MockServer, RateLimit};

use crate::bodies::spec_office;

/// The bearer token the raw requests send (the mock takes any unless one is configured).
pub const TOKEN: &str = "test-token";

/// The mock's defaults with its rate limits off, so that tests run at full speed.
pub fn unlimited() -> MockConfig {
    MockConfig {
        dialpad_rate: None,
        webex_rate: None,
        ..MockConfig::default()
    }
}

/// The mock's defaults with both vendors limited to `limit`.
pub fn limited(limit: RateLimit) -> MockConfig {
    MockConfig {
        dialpad_rate: Some(limit),
        webex_rate: Some(limit),
        ..MockConfig::default()
    }
}

/// A mock started with `config`.
pub async fn start(config: MockConfig) -> MockHandle {
    MockServer::start(config).await.expect("the mock starts")
}

/// A mock started with [`unlimited`].
pub async fn mock() -> MockHandle {
    start(unlimited()).await
}

/// A fault answering `status`, with `Retry-After: retry_after` seconds if given.
pub fn status(status: u16, retry_after: Option<u64>) -> Fault {
    Fault::Status {
        status,
        retry_after,
    }
}

/// Waits until every late commit the mock owes has landed.
pub async fn quiet(mock: &MockHandle) {
    while mock.pending_late_commits() > 0 {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// How many requests to `route` (`"POST /api/v2/offices"`) the mock answered, whatever their
/// outcome, from its stats.
pub fn answered(mock: &MockHandle, route: &str) -> u64 {
    answered_in(&mock.stats(), route, |_| true)
}

/// How many requests to `route` in `stats` (as [`MockHandle::stats`] gives them) had an outcome
/// (`"200"`, `"429"`, `"reset"` …) that `outcome` picks.
pub fn answered_in(stats: &Value, route: &str, outcome: impl Fn(&str) -> bool) -> u64 {
    stats["requests"][route]
        .as_object()
        .into_iter()
        .flatten()
        .filter(|(status, _)| outcome(status))
        .filter_map(|(_, count)| count.as_u64())
        .sum()
}

/// A plain HTTP client that keeps no idle connection, so that every request opens its own.
pub fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .expect("client")
}

/// A request of `method` to `path_and_query` below the mock's root, with no credentials yet.
pub fn to(
    mock: &MockHandle,
    method: reqwest::Method,
    path_and_query: &str,
) -> reqwest::RequestBuilder {
    http().request(method, format!("{}{path_and_query}", mock.base_url()))
}

/// Sends `request` and expects an answer.
pub async fn sent(request: reqwest::RequestBuilder) -> reqwest::Response {
    request.send().await.expect("answered")
}

/// POSTs `body` as JSON to Dialpad's offices with [`TOKEN`].
pub async fn post_office(mock: &MockHandle, body: &Value) -> reqwest::Response {
    try_post_office(mock, body).await.expect("answered")
}

/// [`post_office`], for a request that may get no answer.
pub async fn try_post_office(
    mock: &MockHandle,
    body: &Value,
) -> reqwest::Result<reqwest::Response> {
    post(mock, "/api/v2/offices", body).await
}

/// POSTs `body` as JSON to Webex's operating modes with [`TOKEN`].
pub async fn post_mode(mock: &MockHandle, body: &Value) -> reqwest::Response {
    try_post_mode(mock, body).await.expect("answered")
}

/// [`post_mode`], for a request that may get no answer.
pub async fn try_post_mode(mock: &MockHandle, body: &Value) -> reqwest::Result<reqwest::Response> {
    post(mock, "/v1/telephony/config/operatingModes", body).await
}

async fn post(mock: &MockHandle, path: &str, body: &Value) -> reqwest::Result<reqwest::Response> {
    to(mock, reqwest::Method::POST, path)
        .bearer_auth(TOKEN)
        .json(body)
        .send()
        .await
}

/// Creates `count` of the spec's offices, named `Office 0`, `Office 1` …, each answered 200.
pub async fn post_offices(mock: &MockHandle, count: usize) {
    for n in 0..count {
        let mut body = spec_office();
        body["name"] = json!(format!("Office {n}"));
        assert_eq!(post_office(mock, &body).await.status(), 200, "Office {n}");
    }
}

/// Sends `method` to `path_and_query` below the mock's root with [`TOKEN`] and no body.
pub async fn request(
    mock: &MockHandle,
    method: reqwest::Method,
    path_and_query: &str,
) -> reqwest::Response {
    sent(to(mock, method, path_and_query).bearer_auth(TOKEN)).await
}

/// GETs `path_and_query` below the mock's root with [`TOKEN`].
pub async fn get(mock: &MockHandle, path_and_query: &str) -> reqwest::Response {
    request(mock, reqwest::Method::GET, path_and_query).await
}

/// The JSON body of `response`.
pub async fn json_of(response: reqwest::Response) -> Value {
    response.json().await.expect("JSON body")
}

/// GETs an inspection endpoint such as `/_mock/stats`, without credentials, and decodes it.
pub async fn get_json(mock: &MockHandle, path: &str) -> Value {
    json_of(sent(to(mock, reqwest::Method::GET, path)).await).await
}
