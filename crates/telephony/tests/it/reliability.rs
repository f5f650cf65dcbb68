//! The clients against `telephony-mock`: what is retried, what is not, and what the caller gets.

use std::time::Duration;

use serde_json::json;
use telephony::{ApiErrorBody, Error, RetryPolicy};
use telephony_fixtures::bodies::{mode, office, typed_mode, typed_office};
use telephony_fixtures::clients::{dialpad, settling, webex};
use telephony_fixtures::mock::{self, answered, mock, status};
use telephony_mock::{Fault, MockConfig, Vendor};

/// Settling for 20 ms: nothing here commits late.
fn policy() -> RetryPolicy {
    settling(Duration::from_millis(20))
}

const OFFICES: &str = "POST /api/v2/offices";
const MODES: &str = "POST /v1/telephony/config/operatingModes";

#[tokio::test]
async fn not_processed_answers_are_retried_with_and_without_retry_after() {
    for code in [429, 423, 503] {
        for retry_after in [None, Some(1)] {
            let mock = mock().await;
            mock.push_faults(Vendor::Dialpad, [status(code, retry_after)]);
            let created = dialpad(&mock, policy()).create_office_json(&office()).await;
            assert!(created.is_ok(), "{code} {retry_after:?}: {created:?}");
            assert_eq!(answered(&mock, OFFICES), 2, "{code} {retry_after:?}");
            assert_eq!(mock.offices().len(), 1);
        }
    }
}

#[tokio::test]
async fn retry_after_is_honoured() {
    let mock = mock().await;
    mock.push_faults(Vendor::Webex, [status(429, Some(1))]);
    let started = std::time::Instant::now();
    webex(&mock, policy())
        .create_operating_mode_json(&mode("Day"))
        .await
        .expect("created");
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "waited as asked"
    );
}

#[tokio::test]
async fn a_wait_beyond_the_cap_is_an_error_not_a_sleep() {
    let mock = mock().await;
    mock.push_faults(Vendor::Webex, [status(429, Some(3600))]);
    let err = webex(&mock, policy())
        .create_operating_mode_json(&mode("Day"))
        .await
        .unwrap_err();
    let Error::RetryAfterTooLong {
        wait, cap, status, ..
    } = err
    else {
        panic!("expected RetryAfterTooLong, got {err:?}");
    };
    assert_eq!(
        (wait, cap, status),
        (Duration::from_secs(3600), Duration::from_secs(60), 429)
    );
    assert_eq!(answered(&mock, MODES), 1);
}

#[tokio::test]
async fn persistent_rate_limiting_ends_as_rate_limited() {
    let mock = mock().await;
    mock.push_faults(Vendor::Dialpad, [status(429, None); 3]);
    let err = dialpad(&mock, policy().max_attempts(3))
        .create_office_json(&office())
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::RateLimited {
                attempts: 3,
                status: 429,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(answered(&mock, OFFICES), 3);
    assert!(mock.offices().is_empty());
}

#[tokio::test]
async fn possibly_processed_answers_are_ambiguous_and_not_retried_by_the_single_shot_create() {
    for code in [500, 502, 504] {
        let mock = mock().await;
        mock.push_faults(Vendor::Dialpad, [status(code, None)]);
        let err = dialpad(&mock, policy())
            .create_office_once(&typed_office())
            .await
            .unwrap_err();
        assert!(err.is_ambiguous(), "{code}: {err:?}");
        assert_eq!(err.status(), Some(code));
        assert_eq!(
            answered(&mock, OFFICES),
            1,
            "{code} is not retried by default"
        );
    }
}

#[tokio::test]
async fn a_reset_after_processing_is_ambiguous_for_the_single_shot_create_and_leaves_one_office() {
    let mock = mock().await;
    mock.push_faults(Vendor::Dialpad, [Fault::ResetAfter]);
    let err = dialpad(&mock, policy())
        .create_office_once(&typed_office())
        .await
        .unwrap_err();
    assert!(err.is_ambiguous(), "{err:?}");
    assert!(
        err.to_string().contains("check before creating again"),
        "{err}"
    );
    assert_eq!(mock.offices().len(), 1, "the office exists, once");
    assert_eq!(answered(&mock, OFFICES), 1);
}

#[tokio::test]
async fn ambiguous_outcomes_are_retried_only_on_request() {
    let mock = mock().await;
    mock.push_faults(Vendor::Webex, [status(502, None)]);
    let client = webex(&mock, policy().retry_ambiguous(true));
    client
        .create_operating_mode_once(&typed_mode("Day"))
        .await
        .expect("created on the second attempt");
    assert_eq!(answered(&mock, MODES), 2);
}

#[tokio::test]
async fn an_unreachable_server_is_a_transport_error_after_retrying() {
    let unused = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", unused.local_addr().expect("addr"));
    drop(unused);
    let client = dialpad(url.as_str(), policy().max_attempts(3));
    let err = client
        .create_office_once(&typed_office())
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Transport { attempts: 3, .. }),
        "{err:?}"
    );
    // The billing-safe create lists offices first; that read fails the same way, and nothing
    // is sent.
    let err = client.create_office_json(&office()).await.unwrap_err();
    assert!(
        matches!(err, Error::Transport { attempts: 6, .. }),
        "{err:?}"
    );
}

#[tokio::test]
async fn refusals_carry_the_status_and_the_vendor_body() {
    let mock = mock().await;
    let client = webex(&mock, policy());
    let first = client
        .create_operating_mode_json(&mode("Day"))
        .org_id("ORG")
        .await
        .expect("first");
    // The billing-safe create reads a 409 back: the mode of that name is found.
    let again = client
        .create_operating_mode_json(&mode("Day"))
        .org_id("ORG")
        .await
        .expect("found");
    assert!(first.is_created() && !again.is_created(), "{again:?}");
    assert_eq!(first.id(), again.id());
    // The single-shot create hands the 409 back.
    let err = client
        .create_operating_mode_once(&typed_mode("Day"))
        .org_id("ORG")
        .await
        .unwrap_err();
    let Error::Api {
        status: 409,
        body: ApiErrorBody::Webex(body),
        ..
    } = &err
    else {
        panic!("expected a Webex 409, got {err:?}");
    };
    assert!(body.tracking_id.is_some());
    assert!(err.to_string().contains("already exists"), "{err}");

    let mock2 = mock::start(MockConfig {
        token: Some("other".into()),
        ..MockConfig::default()
    })
    .await;
    let client = dialpad(&mock2, RetryPolicy::default());
    let err = client.create_office_json(&office()).await.unwrap_err();
    let Error::Api {
        status: 401,
        body: ApiErrorBody::Raw { text, truncated },
        ..
    } = &err
    else {
        panic!("expected a Dialpad 401 with its raw body, got {err:?}");
    };
    assert!(text.contains("not valid") && !truncated, "{text}");
}

#[tokio::test]
async fn an_invalid_request_is_refused_before_anything_is_sent() {
    let mock = mock().await;
    let mut body = office();
    body["ring_seconds"] = json!(99);
    body["monday_hours"] = json!(["17:00", "09:00"]);
    body.as_object_mut().expect("object").remove("e911_address");
    let err = dialpad(&mock, policy())
        .create_office_json(&body)
        .await
        .unwrap_err();
    let Error::Validation(problems) = &err else {
        panic!("expected validation, got {err:?}")
    };
    let paths: Vec<&str> = problems.iter().map(|v| v.path.as_str()).collect();
    assert_eq!(
        paths,
        ["$.ring_seconds", "$.e911_address", "$.monday_hours[1]"]
    );
    assert_eq!(answered(&mock, OFFICES), 0, "nothing reached the server");
}
