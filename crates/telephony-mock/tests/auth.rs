//! Credentials over HTTP, in each vendor's style.

mod common;

use common::*;
use serde_json::Value;
use telephony_mock::MockConfig;

#[tokio::test]
async fn dialpad_without_credentials_is_401_in_its_shape() {
    let mock = start(unlimited()).await;
    let response = http()
        .post(format!("{}/api/v2/offices", mock.dialpad_url()))
        .json(&office())
        .send()
        .await
        .expect("answered");
    assert_eq!(response.status(), 401);
    let body = json_of(response).await;
    assert_eq!(body["error"]["code"], 401);
    assert!(
        body["error"]["message"]
            .as_str()
            .expect("message")
            .contains("no credentials")
    );
    assert!(mock.offices().is_empty());
}

#[tokio::test]
async fn dialpad_takes_an_api_key_in_the_query() {
    let mock = start(unlimited()).await;
    let response = http()
        .post(format!("{}/api/v2/offices?apikey=k", mock.dialpad_url()))
        .json(&office())
        .send()
        .await
        .expect("answered");
    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn malformed_authorization_is_401() {
    let mock = start(unlimited()).await;
    for value in ["Basic dXNlcjpwYXNz", "Bearer", "Bearer two words", "token"] {
        let response = http()
            .post(format!("{}/api/v2/offices", mock.dialpad_url()))
            .header("authorization", value)
            .json(&office())
            .send()
            .await
            .expect("answered");
        assert_eq!(response.status(), 401, "{value}");
    }
}

#[tokio::test]
async fn webex_takes_bearer_only_and_answers_in_its_shape() {
    let mock = start(unlimited()).await;
    let response = http()
        .post(format!(
            "{}/telephony/config/operatingModes?apikey=k",
            mock.webex_url()
        ))
        .json(&mode("Day"))
        .send()
        .await
        .expect("answered");
    assert_eq!(response.status(), 401);
    let body = json_of(response).await;
    assert!(body["message"].is_string());
    assert_eq!(body["errors"][0]["errorCode"], 401);
    assert!(
        body["trackingId"]
            .as_str()
            .expect("trackingId")
            .starts_with("MOCK_")
    );
}

#[tokio::test]
async fn a_configured_token_is_the_only_one_accepted() {
    let mock = start(MockConfig {
        token: Some("right".into()),
        ..unlimited()
    })
    .await;
    let send = |token: &'static str| {
        http()
            .post(format!(
                "{}/telephony/config/operatingModes",
                mock.webex_url()
            ))
            .bearer_auth(token)
            .json(&mode(token))
            .send()
    };
    assert_eq!(send("wrong").await.expect("answered").status(), 401);
    assert_eq!(send("right").await.expect("answered").status(), 201);
    let stats: Value = mock.stats();
    assert_eq!(
        stats["requests"]["POST /v1/telephony/config/operatingModes"]["401"],
        1
    );
}

#[tokio::test]
async fn with_a_token_the_control_endpoints_need_it_and_bodies_must_be_json() {
    let mock = start(MockConfig {
        token: Some(TOKEN.into()),
        ..unlimited()
    })
    .await;
    let base = mock.base_url();
    for (method, path) in [
        (reqwest::Method::GET, "/_mock/offices"),
        (reqwest::Method::GET, "/_mock/operating-modes"),
        (reqwest::Method::GET, "/_mock/stats"),
        (reqwest::Method::DELETE, "/_mock/state"),
    ] {
        let anonymous = http()
            .request(method.clone(), format!("{base}{path}"))
            .send()
            .await
            .expect("answered");
        assert_eq!(anonymous.status(), 401, "{method} {path}");
        let wrong = http()
            .request(method.clone(), format!("{base}{path}"))
            .bearer_auth("wrong")
            .send()
            .await
            .expect("answered");
        assert_eq!(wrong.status(), 401, "{method} {path}");
        let right = http()
            .request(method.clone(), format!("{base}{path}"))
            .bearer_auth(TOKEN)
            .send()
            .await
            .expect("answered");
        assert!(
            right.status().is_success(),
            "{method} {path}: {}",
            right.status()
        );
    }
    let as_text = http()
        .post(format!("{base}/_mock/faults"))
        .bearer_auth(TOKEN)
        .header("content-type", "text/plain")
        .body(r#"{"dialpad": ["500"]}"#)
        .send()
        .await
        .expect("answered");
    assert_eq!(as_text.status(), 415, "a browser form cannot script faults");
    let as_json = http()
        .post(format!("{base}/_mock/faults"))
        .bearer_auth(TOKEN)
        .json(&serde_json::json!({"dialpad": ["500"]}))
        .send()
        .await
        .expect("answered");
    assert_eq!(as_json.status(), 204);
}
