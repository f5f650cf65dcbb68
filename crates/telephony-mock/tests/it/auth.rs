//! Credentials over HTTP, in each vendor's style.

use reqwest::Method;
use serde_json::Value;
use telephony_fixtures::bodies::{mode, spec_office};
use telephony_fixtures::mock::{TOKEN, json_of, request, sent, start, to, unlimited};
use telephony_mock::MockConfig;

#[tokio::test]
async fn dialpad_without_credentials_is_401_in_its_shape() {
    let mock = start(unlimited()).await;
    let response = sent(to(&mock, Method::POST, "/api/v2/offices").json(&spec_office())).await;
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
    let with_key = to(&mock, Method::POST, "/api/v2/offices?apikey=k").json(&spec_office());
    assert_eq!(sent(with_key).await.status(), 200);
}

#[tokio::test]
async fn malformed_authorization_is_401() {
    let mock = start(unlimited()).await;
    for value in ["Basic dXNlcjpwYXNz", "Bearer", "Bearer two words", "token"] {
        let request = to(&mock, Method::POST, "/api/v2/offices").header("authorization", value);
        let response = sent(request.json(&spec_office())).await;
        assert_eq!(response.status(), 401, "{value}");
    }
}

#[tokio::test]
async fn webex_takes_bearer_only_and_answers_in_its_shape() {
    let mock = start(unlimited()).await;
    let with_key = to(
        &mock,
        Method::POST,
        "/v1/telephony/config/operatingModes?apikey=k",
    );
    let response = sent(with_key.json(&mode("Day"))).await;
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
        let request = to(&mock, Method::POST, "/v1/telephony/config/operatingModes");
        sent(request.bearer_auth(token).json(&mode(token)))
    };
    assert_eq!(send("wrong").await.status(), 401);
    assert_eq!(send("right").await.status(), 201);
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
    for (method, path) in [
        (Method::GET, "/_mock/offices"),
        (Method::GET, "/_mock/operating-modes"),
        (Method::GET, "/_mock/stats"),
        (Method::DELETE, "/_mock/state"),
    ] {
        let anonymous = sent(to(&mock, method.clone(), path)).await;
        assert_eq!(anonymous.status(), 401, "{method} {path}");
        let wrong = sent(to(&mock, method.clone(), path).bearer_auth("wrong")).await;
        assert_eq!(wrong.status(), 401, "{method} {path}");
        let right = request(&mock, method.clone(), path).await;
        assert!(
            right.status().is_success(),
            "{method} {path}: {}",
            right.status()
        );
    }
    let faults = || to(&mock, Method::POST, "/_mock/faults").bearer_auth(TOKEN);
    let as_text = faults()
        .header("content-type", "text/plain")
        .body(r#"{"dialpad": ["500"]}"#);
    let as_text = sent(as_text).await;
    assert_eq!(as_text.status(), 415, "a browser form cannot script faults");
    let as_json = sent(faults().json(&serde_json::json!({"dialpad": ["500"]}))).await;
    assert_eq!(as_json.status(), 204);
}
