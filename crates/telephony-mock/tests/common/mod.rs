//! Helpers shared by the mock's HTTP tests.
#![allow(dead_code)]

use serde_json::{Value, json};
use telephony_mock::{MockConfig, MockHandle, MockServer};

pub const TOKEN: &str = "test-token";

pub async fn start(config: MockConfig) -> MockHandle {
    MockServer::start(config).await.expect("mock starts")
}

/// A mock with rate limits off, so tests run at full speed.
pub fn unlimited() -> MockConfig {
    MockConfig {
        dialpad_rate: None,
        webex_rate: None,
        ..MockConfig::default()
    }
}

/// The request example of the Dialpad spec: a valid US office.
pub fn office() -> Value {
    let spec = telephony_spec::Vendor::Dialpad.spec().expect("spec");
    telephony_spec::request_example(&spec, "create_office").expect("the spec has an example")
}

pub fn mode(name: &str) -> Value {
    json!({
        "name": name,
        "type": "NONE",
        "level": "ORGANIZATION",
        "callForwarding": {"enabled": true, "destination": "+19705550006"}
    })
}

pub fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .pool_max_idle_per_host(0)
        .build()
        .expect("client")
}

/// POSTs JSON to Dialpad's offices with a bearer token.
pub async fn post_office(mock: &MockHandle, body: &Value) -> reqwest::Response {
    http()
        .post(format!("{}/api/v2/offices", mock.dialpad_url()))
        .bearer_auth(TOKEN)
        .json(body)
        .send()
        .await
        .expect("answered")
}

/// POSTs JSON to Webex's operating modes with a bearer token.
pub async fn post_mode(mock: &MockHandle, body: &Value) -> reqwest::Response {
    http()
        .post(format!(
            "{}/telephony/config/operatingModes",
            mock.webex_url()
        ))
        .bearer_auth(TOKEN)
        .json(body)
        .send()
        .await
        .expect("answered")
}

pub async fn json_of(response: reqwest::Response) -> Value {
    response.json().await.expect("JSON body")
}

/// GETs an inspection endpoint such as `/_mock/stats` and decodes its JSON.
pub async fn get_json(mock: &MockHandle, path: &str) -> Value {
    let response = http()
        .get(format!("{}{path}", mock.base_url()))
        .send()
        .await
        .expect("answered");
    json_of(response).await
}
