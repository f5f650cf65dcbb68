//! The generated client against a real HTTP server on loopback: the request it sends (method,
//! path, query, headers, body) and how it hands back success and error answers.

use axum::body::Bytes;
use axum::http::{Method, StatusCode};
use futures_util::TryStreamExt;
use serde_json::{Value, json};
use telephony_api::{dialpad, webex};
use telephony_fixtures::bodies::spec_office;
use telephony_fixtures::canned::{Canned, Request, Server};

/// The Dialpad spec's request example, with Monday explicitly closed.
fn office() -> dialpad::types::CreateOfficeMessage {
    let mut body = spec_office();
    body["monday_hours"] = json!([]);
    serde_json::from_value(body).expect("a valid office")
}

/// The one request `server` received.
fn only(server: &Server) -> Request {
    let received = server.received();
    assert_eq!(received.len(), 1, "exactly one request was sent");
    received[0].clone()
}

async fn body_text(stream: dialpad::ByteStream) -> String {
    let chunks: Vec<Bytes> = stream
        .into_inner()
        .try_collect()
        .await
        .expect("body readable");
    String::from_utf8(chunks.concat()).expect("utf-8 body")
}

#[tokio::test]
async fn dialpad_create_office_sends_the_body_and_decodes_the_office() {
    let server = Server::answering(Canned::json(
        200,
        r#"{"office": {"id": 42, "name": "Austin", "state": "active"}, "plan": {"talk_lines": 3}}"#,
    ))
    .await;
    let client = dialpad::Client::new(&server.url);
    let created = client
        .create_office()
        .body(office())
        .send()
        .await
        .expect("created");
    assert_eq!(created.status(), StatusCode::OK);
    let office_out = created.into_inner().office.expect("office in answer");
    assert_eq!(office_out.id, Some(42.into()));

    let request = only(&server);
    assert_eq!(request.method, Method::POST);
    assert_eq!(request.uri.path(), "/api/v2/offices");
    assert_eq!(request.headers["content-type"], "application/json");
    let sent: Value = serde_json::from_slice(&request.body).expect("JSON body");
    assert_eq!(sent, serde_json::to_value(office()).expect("serializes"));
    assert_eq!(
        sent["monday_hours"],
        json!([]),
        "an empty day is sent, not dropped"
    );
    assert!(
        sent.get("tuesday_hours").is_none(),
        "an unset day stays off the wire"
    );
}

#[tokio::test]
async fn dialpad_error_keeps_status_and_raw_body() {
    let server = Server::answering(
        Canned::new(400, "e911_address: missing (not JSON at all)")
            .header("content-type", "text/plain"),
    )
    .await;
    let client = dialpad::Client::new(&server.url);
    let err = client
        .create_office()
        .body(office())
        .send()
        .await
        .expect_err("400 is an error");
    assert_eq!(err.status(), Some(StatusCode::BAD_REQUEST));
    let dialpad::Error::ErrorResponse(answer) = err else {
        panic!("a documented status is an ErrorResponse, got {err:?}");
    };
    assert_eq!(answer.headers()["content-type"], "text/plain");
    assert_eq!(
        body_text(answer.into_inner()).await,
        "e911_address: missing (not JSON at all)"
    );
}

#[tokio::test]
async fn dialpad_undocumented_status_is_handed_back_whole() {
    let server = Server::answering(Canned::json(500, r#"{"error": "boom"}"#)).await;
    let err = dialpad::Client::new(&server.url)
        .create_office()
        .body(office())
        .send()
        .await
        .expect_err("500 is an error");
    let dialpad::Error::UnexpectedResponse(response) = err else {
        panic!("an undocumented status is UnexpectedResponse, got {err:?}");
    };
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(response.text().await.expect("body"), r#"{"error": "boom"}"#);
}

/// The Webex spec's request example.
fn operating_mode() -> webex::types::OperatingModePostObject {
    let spec = telephony_spec::Vendor::Webex.spec().expect("spec");
    let example = telephony_spec::request_example(&spec, "create_operating_mode").expect("example");
    serde_json::from_value(example).expect("the reference example fits the types")
}

#[tokio::test]
async fn webex_create_sends_org_id_and_decodes_the_id() {
    let server = Server::answering(Canned::json(201, r#"{"id": "T1BFUkFUSU5HX01PREUvMQ"}"#)).await;
    let client = webex::Client::new(&format!("{}/v1", server.url));
    let created = client
        .create_operating_mode()
        .org_id("ORG-1")
        .body(operating_mode())
        .send()
        .await
        .expect("created");
    assert_eq!(created.status(), StatusCode::CREATED);
    assert_eq!(created.into_inner().id, "T1BFUkFUSU5HX01PREUvMQ");

    let request = only(&server);
    assert_eq!(request.method, Method::POST);
    assert_eq!(request.uri.path(), "/v1/telephony/config/operatingModes");
    assert_eq!(request.uri.query(), Some("orgId=ORG-1"));
    let sent: Value = serde_json::from_slice(&request.body).expect("JSON body");
    assert_eq!(
        sent["sameHoursDaily"]["mondayToFriday"]["startTime"],
        "09:00"
    );
}

#[tokio::test]
async fn webex_rate_limit_answer_keeps_retry_after_and_the_error_body() {
    let server = Server::answering(
        Canned::json(
            429,
            r#"{"message": "slow down", "errors": [{"description": "rate limited", "errorCode": 429}], "trackingId": "ROUTER_1"}"#,
        )
        .header("retry-after", "7"),
    )
    .await;
    let err = webex::Client::new(&format!("{}/v1", server.url))
        .create_operating_mode()
        .body(operating_mode())
        .send()
        .await
        .expect_err("429 is an error");
    assert!(err.is_retryable());
    let webex::Error::ErrorResponse(answer) = err else {
        panic!("429 is a documented error, got {err:?}");
    };
    assert_eq!(answer.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(answer.headers()["retry-after"], "7");
    let body: webex::types::WebexError =
        serde_json::from_str(&body_text(answer.into_inner()).await).expect("the Webex body");
    assert_eq!(body.tracking_id.as_deref(), Some("ROUTER_1"));
    assert_eq!(body.errors[0].error_code, Some(429));
}

#[tokio::test]
async fn webex_gateway_page_that_is_not_json_keeps_its_bytes() {
    let server = Server::answering(
        Canned::new(502, "<html>bad gateway</html>").header("content-type", "text/html"),
    )
    .await;
    let err = webex::Client::new(&format!("{}/v1", server.url))
        .create_operating_mode()
        .body(operating_mode())
        .send()
        .await
        .expect_err("502 is an error");
    // Error bodies are declared as any content: the status survives a gateway's HTML page.
    let webex::Error::ErrorResponse(answer) = err else {
        panic!("a non-JSON error body keeps its status, got {err:?}");
    };
    assert_eq!(answer.status(), StatusCode::BAD_GATEWAY);
    assert_eq!(
        body_text(answer.into_inner()).await,
        "<html>bad gateway</html>"
    );
}
