//! Bodies the mock refuses, and how: every violation with its path, in the vendor's shape;
//! malformed JSON, wrong media types and oversized bodies get the declared 4xx, never a 500.

use serde_json::{Value, json};
use telephony_fixtures::bodies::{mode, spec_office};
use telephony_fixtures::mock::{
    TOKEN, json_of, post_mode, post_office, sent, start, to, unlimited,
};
use telephony_mock::MockConfig;

#[tokio::test]
async fn dialpad_lists_every_violation_with_its_path() {
    let mock = start(unlimited()).await;
    let mut body = spec_office();
    body["ring_seconds"] = json!(5);
    body["group_description"] = json!("x".repeat(300));
    body["monday_hours"] = json!(["18:00", "08:00"]);
    body["routing_options"] = json!({
        "open": {"action": "menu", "try_dial_operators": true, "dtmf": [{"input": "12"}]},
        "closed": {"action": "hang_up", "try_dial_operators": false}
    });
    body.as_object_mut().expect("object").remove("e911_address");
    let response = post_office(&mock, &body).await;
    assert_eq!(response.status(), 400);
    let answer = json_of(response).await;
    let paths: Vec<&str> = answer["error"]["violations"]
        .as_array()
        .expect("violations")
        .iter()
        .map(|v| v["path"].as_str().expect("path"))
        .collect();
    assert_eq!(
        paths,
        [
            "$.group_description",
            "$.ring_seconds",
            "$.routing_options.closed.action",
            "$.routing_options.open.dtmf[0].input",
            "$.e911_address",
            "$.monday_hours[1]",
        ]
    );
    assert!(
        mock.offices().is_empty(),
        "nothing is created from a refused body"
    );
}

#[tokio::test]
async fn webex_lists_every_violation_in_its_error_body() {
    let mock = start(unlimited()).await;
    let body = json!({
        "name": "Night", "type": "HOLIDAY", "level": "LOCATION",
        "holidays": [{"name": "Eve", "startDate": "2026-12-24", "endDate": "2026-12-23"}],
        "callForwarding": {"destination": "+19705550006"}
    });
    let response = post_mode(&mock, &body).await;
    assert_eq!(response.status(), 400);
    let answer = json_of(response).await;
    let descriptions: Vec<&str> = answer["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| e["description"].as_str().expect("description"))
        .collect();
    assert_eq!(descriptions.len(), 4, "{descriptions:?}");
    for path in [
        "$.locationId",
        "$.holidays[0].startTime",
        "$.holidays[0].endTime",
        "$.holidays[0].endDate",
    ] {
        assert!(
            descriptions.iter().any(|d| d.starts_with(path)),
            "{path} in {descriptions:?}"
        );
    }
    assert!(answer["trackingId"].is_string());
}

/// POSTs `body` to `path` with the test token, sent as `content_type`.
async fn raw(
    mock: &telephony_mock::MockHandle,
    path: &str,
    content_type: &str,
    body: Vec<u8>,
) -> reqwest::Response {
    let request = to(mock, reqwest::Method::POST, path).bearer_auth(TOKEN);
    sent(request.header("content-type", content_type).body(body)).await
}

const OFFICES: &str = "/api/v2/offices";
const MODES: &str = "/v1/telephony/config/operatingModes";

#[tokio::test]
async fn malformed_json_is_400_for_both() {
    let mock = start(unlimited()).await;
    for url in [OFFICES, MODES] {
        for body in [&b"{\"name\": "[..], b"", b"\xff\xfe", b"[1,2"] {
            let response = raw(&mock, url, "application/json", body.to_vec()).await;
            assert_eq!(response.status(), 400, "{url} {body:?}");
            let answer: Value = response.json().await.expect("JSON error body");
            assert!(answer.is_object());
        }
    }
}

#[tokio::test]
async fn a_body_that_is_not_an_object_is_400() {
    let mock = start(unlimited()).await;
    let response = post_office(&mock, &json!(["not", "an", "office"])).await;
    assert_eq!(response.status(), 400);
    let answer = json_of(response).await;
    assert_eq!(answer["error"]["violations"][0]["path"], "$");
}

#[tokio::test]
async fn wrong_media_type_is_400_for_dialpad_and_415_for_webex() {
    let mock = start(unlimited()).await;
    let body = serde_json::to_vec(&spec_office()).expect("bytes");
    assert_eq!(
        raw(&mock, OFFICES, "text/plain", body.clone())
            .await
            .status(),
        400
    );
    let body = serde_json::to_vec(&mode("Day")).expect("bytes");
    assert_eq!(
        raw(&mock, MODES, "application/xml", body.clone())
            .await
            .status(),
        415
    );
    let ok = raw(&mock, MODES, "application/json; charset=utf-8", body).await;
    assert_eq!(ok.status(), 201, "parameters of the media type are fine");
}

#[tokio::test]
async fn oversized_bodies_are_413_for_dialpad_and_400_for_webex() {
    let mock = start(MockConfig {
        body_limit: 2048,
        ..unlimited()
    })
    .await;
    let mut big = spec_office();
    big["group_description"] = json!("x".repeat(4096));
    let response = post_office(&mock, &big).await;
    assert_eq!(response.status(), 413);
    let mut big = mode("Day");
    big["name"] = json!("x".repeat(4096));
    let response = post_mode(&mock, &big).await;
    assert_eq!(response.status(), 400);
    assert!(
        json_of(response).await["message"]
            .as_str()
            .expect("message")
            .contains("larger than 2048")
    );
}

#[tokio::test]
async fn a_body_of_many_bad_entries_gets_a_small_answer_listing_the_first_hundred() {
    let mock = start(unlimited()).await;
    let mut body = spec_office();
    body["monday_hours"] = serde_json::Value::Array(vec![json!("x"); 200_000]);
    let answer = post_office(&mock, &body).await;
    assert_eq!(answer.status(), 400);
    let bytes = answer.bytes().await.expect("body");
    assert!(bytes.len() <= 64 * 1024, "answer of {} bytes", bytes.len());
    let error: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
    assert_eq!(
        error["error"]["violations"].as_array().map(Vec::len),
        Some(100)
    );
    assert!(error["error"]["omitted"].as_u64() >= Some(199_900));

    let holidays: Vec<_> = (0..60_000).map(|_| json!({"name": 1})).collect();
    let mode = json!({"name": "H", "type": "HOLIDAY", "level": "ORGANIZATION",
        "holidays": holidays, "callForwarding": {"destination": "+1"}});
    let answer = post_mode(&mock, &mode).await;
    assert_eq!(answer.status(), 400);
    let bytes = answer.bytes().await.expect("body");
    assert!(bytes.len() <= 64 * 1024, "answer of {} bytes", bytes.len());
    let error: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
    assert_eq!(error["errors"].as_array().map(Vec::len), Some(100));
    assert!(
        error["message"]
            .as_str()
            .unwrap_or_default()
            .contains("the first 100 are listed")
    );
}
