//! Every error answer is classified by its status, whatever its body; a success without an id
//! is never taken as done; once an attempt's outcome was unknown the result never says "not
//! carried out"; `Retry-After` is honoured in every form; redirects are never followed; error
//! bodies are kept only up to a cap.

use std::time::Duration;

use futures_util::TryStreamExt;
use serde_json::json;
use telephony::{ApiErrorBody, Error, MAX_ERROR_BODY, Outcome, Settings, Token, WebexClient};
use telephony_fixtures::bodies::{office, typed_mode, typed_office};
use telephony_fixtures::canned::{Canned, Server, Silent};
use telephony_fixtures::clients::{dialpad, fast, webex};
use telephony_fixtures::mock;
use telephony_mock::MockConfig;

/// A single-shot Webex create answered first with `answer`, then with a plain success (which
/// a resend would get): its error and how many creates were sent.
async fn single_shot_answered(answer: Canned) -> (Error, usize) {
    let server = Server::start().await;
    server.posts([answer, Canned::json(201, CREATED)]);
    let err = webex(&server, fast().retry_ambiguous(true))
        .create_operating_mode_once(&typed_mode("Day"))
        .await
        .unwrap_err();
    (err, server.posts_seen())
}

const CREATED: &str = r#"{"id": "MODE-1"}"#;

#[tokio::test]
async fn webex_refusals_that_are_not_webex_json_keep_their_status_and_are_retried() {
    for refusal in [
        Canned::new(503, "<html><body>Service Unavailable</body></html>")
            .header("content-type", "text/html"),
        Canned::new(429, ""),
        Canned::new(423, "").header("retry-after", "0"),
    ] {
        let server = Server::start().await;
        server.posts([refusal.clone(), Canned::json(201, CREATED)]);
        let created = webex(&server, fast())
            .create_operating_mode_once(&typed_mode("Day"))
            .await;
        assert_eq!(
            created.map(|c| c.id).ok().as_deref(),
            Some("MODE-1"),
            "{refusal:?}"
        );
        assert_eq!(server.seen().len(), 2, "{refusal:?}");
    }
}

#[tokio::test]
async fn webex_final_refusals_of_any_shape_are_api_errors_with_their_status() {
    for (refusal, status) in [
        (Canned::new(401, ""), 401),
        (
            Canned::new(409, "name taken").header("content-type", "text/plain"),
            409,
        ),
        (Canned::json(400, r#"{"detail": "another shape"}"#), 400),
    ] {
        let server = Server::start().await;
        server.posts([refusal]);
        let err = webex(&server, fast())
            .create_operating_mode_once(&typed_mode("Day"))
            .await
            .unwrap_err();
        assert!(
            matches!(&err, Error::Api { status: s, body: ApiErrorBody::Raw { .. }, .. } if *s == status),
            "{status}: {err:?}"
        );
    }
}

#[tokio::test]
async fn a_base_url_without_v1_is_a_404_that_says_to_check_the_url() {
    let mock = mock::start(MockConfig::default()).await;
    let settings = Settings::webex(Token::new("t").expect("token"))
        .base_url(mock.base_url())
        .rate(None);
    let err = WebexClient::new(settings)
        .expect("client")
        .create_operating_mode(&typed_mode("Day"))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Api { status: 404, .. }), "{err:?}");
    assert!(!err.is_ambiguous());
    assert!(err.to_string().contains("base URL"), "{err}");
    assert!(mock.operating_modes().is_empty());
}

#[tokio::test]
async fn a_success_without_an_id_is_not_taken_as_done() {
    // Single shot: unknown, so the caller does not lose track of a created resource.
    let server = Server::start().await;
    server.posts([Canned::json(201, r#"{"id": ""}"#)]);
    let err = webex(&server, fast())
        .create_operating_mode_once(&typed_mode("Day"))
        .await
        .unwrap_err();
    assert!(err.is_ambiguous(), "{err:?}");

    let server = Server::start().await;
    server.posts([Canned::json(200, "{}")]);
    let err = dialpad(&server, fast())
        .create_office_once(&typed_office())
        .await
        .unwrap_err();
    assert!(err.is_ambiguous(), "{err:?}");

    // Billing-safe: read back, and the office that appeared is the one created.
    let server = Server::start().await;
    server.gets([
        Canned::json(200, r#"{"items": [{"id": 1, "name": "Chicago Loop"}]}"#),
        Canned::json(
            200,
            r#"{"items": [{"id": 1, "name": "Chicago Loop"}, {"id": 2, "name": "Chicago Loop"}]}"#,
        ),
    ]);
    server.posts([Canned::json(200, "{}")]);
    let outcome = dialpad(&server, fast())
        .create_office(&typed_office())
        .await
        .expect("resolved");
    assert_eq!(outcome, Outcome::Found { id: 2, attempts: 1 });
}

#[tokio::test]
async fn once_an_attempt_was_ambiguous_a_later_refusal_is_not_reported_as_not_carried_out() {
    for later in [
        vec![Canned::new(429, ""), Canned::new(429, "")],
        vec![Canned::json(409, r#"{"message": "already exists"}"#)],
    ] {
        let server = Server::start().await;
        let mut answers = vec![Canned::new(502, "bad gateway")];
        answers.extend(later);
        server.posts(answers);
        let err = webex(&server, fast().max_attempts(3).retry_ambiguous(true))
            .create_operating_mode_once(&typed_mode("Day"))
            .await
            .unwrap_err();
        assert!(err.is_ambiguous(), "{err:?}");
        assert!(err.to_string().contains("502"), "{err}");
    }
}

#[tokio::test]
async fn retry_after_beyond_u64_or_as_a_far_date_is_refused_by_the_cap() {
    let far = httpdate::fmt_http_date(std::time::SystemTime::now() + Duration::from_secs(3600));
    for value in ["184467440737095516160".to_string(), far] {
        let server = Server::start().await;
        server.posts([Canned::new(429, "").header("retry-after", value.clone())]);
        let err = webex(&server, fast())
            .create_operating_mode_once(&typed_mode("Day"))
            .await
            .unwrap_err();
        assert!(
            matches!(err, Error::RetryAfterTooLong { status: 429, .. }),
            "{value}: {err:?}"
        );
        assert_eq!(server.seen().len(), 1, "{value}");
    }
}

#[tokio::test]
async fn retry_after_as_a_near_date_is_waited_for() {
    let server = Server::start().await;
    let soon = httpdate::fmt_http_date(std::time::SystemTime::now() + Duration::from_secs(2));
    server.posts([
        Canned::new(503, "").header("retry-after", soon),
        Canned::json(201, CREATED),
    ]);
    let started = std::time::Instant::now();
    webex(&server, fast())
        .create_operating_mode_once(&typed_mode("Day"))
        .await
        .expect("created");
    assert!(started.elapsed() >= Duration::from_millis(900), "waited");
}

#[tokio::test]
async fn error_bodies_are_cut_at_the_cap_and_marked() {
    let server = Server::start().await;
    server.posts([Canned::new(400, vec![b'x'; 300 * 1024])]);
    let err = dialpad(&server, fast())
        .create_office_once(&typed_office())
        .await
        .unwrap_err();
    let Error::Api {
        body: ApiErrorBody::Raw { text, truncated },
        ..
    } = &err
    else {
        panic!("expected a raw 400, got {err:?}");
    };
    assert!(*truncated);
    assert_eq!(text.len(), MAX_ERROR_BODY);
    assert!(err.to_string().contains("cut at"), "the cut is shown");
}

#[tokio::test]
async fn a_redirect_is_an_error_naming_where_it_pointed_and_is_not_followed() {
    let elsewhere = Server::start().await;
    let server = Server::start().await;
    let target = format!("{}/v1/telephony/config/operatingModes", elsewhere.url);
    server.posts([Canned::new(307, "").header("location", target.clone())]);
    let err = webex(&server, fast())
        .create_operating_mode(&typed_mode("Day"))
        .await
        .unwrap_err();
    let Error::Redirected {
        status: 307,
        location,
        ..
    } = &err
    else {
        panic!("expected Redirected, got {err:?}");
    };
    assert_eq!(location.as_deref(), Some(target.as_str()));
    assert!(elsewhere.seen().is_empty(), "nothing went to the target");
}

/// A 303 See Other answers a request that was carried out: for a create, its outcome is
/// unknown (read back or reported so), never "refused" nor a setting to fix.
#[tokio::test]
async fn a_create_answered_see_other_may_have_been_carried_out() {
    let server = Server::start().await;
    let elsewhere = format!("{}/v1/telephony/config/operatingModes/M1", server.url);
    server.posts([Canned::new(303, "").header("location", elsewhere)]);
    let err = webex(&server, fast())
        .create_operating_mode_once(&typed_mode("Day"))
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Ambiguous { .. }),
        "expected Ambiguous, got {err:?}"
    );
    assert_eq!(err.misconfigured(), None);
}

#[test]
fn a_flood_of_violations_is_bounded_and_the_count_is_kept() {
    let mut body = office();
    body["monday_hours"] = serde_json::Value::Array(vec![json!("x"); 10_000]);
    let problems = telephony::validate::dialpad_office(&body).unwrap_err();
    assert_eq!(problems.iter().count(), telephony::validate::MAX_VIOLATIONS);
    assert!(problems.len() >= 10_000);
    assert_eq!(problems.omitted(), problems.len() - 100);
    assert!(
        problems
            .to_string()
            .contains(&format!("and {} more", problems.omitted()))
    );
}

#[tokio::test]
async fn a_create_answered_with_success_is_never_sent_again() {
    let empty_offices = || Canned::json(200, r#"{"items": []}"#);
    let empty_modes = || Canned::json(200, r#"{"operatingModes": []}"#);
    // A 200 `{}`, and a 200 whose office id cannot be read: Dialpad processed the create.
    for answer in ["{}", r#"{"office": {"id": "not a number"}}"#] {
        let server = Server::start().await;
        server.gets((0..6).map(|_| empty_offices()));
        // Were it sent again, this second answer would make it "created".
        server.posts([
            Canned::json(200, answer),
            Canned::json(200, r#"{"office": {"id": 7}}"#),
        ]);
        let err = dialpad(&server, fast())
            .create_office(&typed_office())
            .await
            .unwrap_err();
        assert!(err.is_ambiguous(), "{answer}: {err:?}");
        assert!(
            err.to_string().contains("the vendor answered success"),
            "{err}"
        );
        assert_eq!(server.posts_seen(), 1, "{answer}: sent once");
    }
    // A 201 with an empty id: the mode is found once the listing catches up.
    let server = Server::start().await;
    server.gets([
        empty_modes(),
        Canned::json(
            200,
            r#"{"operatingModes": [{"id": "MODE-9", "name": "Day"}]}"#,
        ),
    ]);
    server.posts([
        Canned::json(201, r#"{"id": ""}"#),
        Canned::json(201, CREATED),
    ]);
    let outcome = webex(&server, fast())
        .create_operating_mode(&typed_mode("Day"))
        .await
        .expect("found");
    assert_eq!(
        outcome,
        Outcome::Found {
            id: "MODE-9".to_string(),
            attempts: 1
        }
    );
    assert_eq!(server.posts_seen(), 1, "sent once");
    // Single shot: unknown at once, and not sent again even when told to retry unknowns.
    let (err, sent) = single_shot_answered(Canned::json(201, r#"{"id": ""}"#)).await;
    assert!(
        err.to_string().contains("the vendor answered success"),
        "{err}"
    );
    assert_eq!(sent, 1, "single shot sent once");
}

#[tokio::test]
async fn a_server_that_accepts_and_never_answers_fails_a_read_within_its_deadline() {
    let silent = Silent::start().await;
    let client = dialpad(
        silent.url.as_str(),
        fast().read_deadline(Duration::from_millis(300)),
    );
    let read = tokio::time::timeout(Duration::from_secs(20), client.get_office(1)).await;
    drop(silent);
    let err = read.expect("the read ends by itself").unwrap_err();
    assert!(matches!(err, Error::ReadFailed { .. }), "{err:?}");
    let text = err.to_string();
    assert!(
        text.contains("get_office") && text.contains("no answer within the read deadline of 0.3 s"),
        "{text}"
    );
}

#[tokio::test]
async fn a_success_body_past_its_operations_cap_is_not_read_and_says_so() {
    // A listing page one byte past its cap (8 MiB, from the spec): refused, naming the cap.
    let cap = telephony_api::dialpad::answer_cap("list_offices");
    assert_eq!(cap, 8 * 1024 * 1024);
    let padding = "x".repeat(cap);
    let server = Server::start().await;
    server.gets([Canned::json(
        200,
        &format!(r#"{{"items": [], "pad": "{padding}"}}"#),
    )]);
    let err = dialpad(&server, fast())
        .offices()
        .pages()
        .try_collect::<Vec<_>>()
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::AnswerTooLarge {
                cap: 8388608,
                operation: "list_offices",
                ..
            }
        ),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .contains("larger than its cap of 8388608 bytes"),
        "{err}"
    );
    assert_eq!(server.seen().len(), 1, "not read again");

    // A create's success past its cap: the vendor answered success, so it is never sent
    // again; single shot, it ends unknown.
    let cap = telephony_api::webex::answer_cap("create_operating_mode");
    let big = format!(r#"{{"id": "MODE-1", "pad": "{}"}}"#, "x".repeat(cap));
    let (err, sent) = single_shot_answered(Canned::json(201, &big)).await;
    assert!(
        err.to_string().contains("the vendor answered success"),
        "{err}"
    );
    assert!(err.to_string().contains("larger than its cap"), "{err}");
    assert_eq!(sent, 1, "sent once");
}

#[tokio::test]
async fn https_to_a_plain_http_server_is_a_configuration_error_not_retried() {
    let server = Server::start().await;
    let url = server.url.replace("http://", "https://");
    let err = dialpad(url.as_str(), fast())
        .get_office(1)
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Config(telephony::ConfigError::Connection(text)) if text.contains("TLS handshake with Dialpad failed")),
        "{err:?}"
    );
}
