//! Fault injection: statuses with and without `Retry-After`, latency, resets before and after
//! processing, and a seeded random plan that repeats itself.

use std::time::{Duration, Instant};

use serde_json::json;
use telephony_fixtures::bodies::{mode, spec_office};
use telephony_fixtures::mock::{
    get, json_of, post_mode, post_office, sent, start, status, to, try_post_mode, try_post_office,
    unlimited,
};
use telephony_mock::{Fault, MockConfig, MockHandle, Operation, Vendor, parse_fault_plan};

#[tokio::test]
async fn each_status_fault_with_and_without_retry_after() {
    let mock = start(unlimited()).await;
    for code in [423, 429, 500, 502, 503, 504] {
        for retry_after in [None, Some(3)] {
            mock.push_faults(Vendor::Webex, [status(code, retry_after)]);
            let response = post_mode(&mock, &mode("Day")).await;
            assert_eq!(response.status().as_u16(), code);
            let header = response
                .headers()
                .get("retry-after")
                .map(|v| v.to_str().expect("text").to_string());
            assert_eq!(header, retry_after.map(|s| s.to_string()), "{code}");
            let body = json_of(response).await;
            assert_eq!(body["errors"][0]["errorCode"], code, "Webex-shaped body");
        }
    }
    assert!(
        mock.operating_modes().is_empty(),
        "a status fault processes nothing"
    );
    mock.push_faults(Vendor::Dialpad, [status(503, Some(1))]);
    let response = post_office(&mock, &spec_office()).await;
    assert_eq!(response.status(), 503);
    assert_eq!(
        json_of(response).await["error"]["code"],
        503,
        "Dialpad-shaped body"
    );
}

#[tokio::test]
async fn scripted_faults_hit_only_their_vendor_in_order() {
    let mock = start(unlimited()).await;
    mock.push_faults(Vendor::Dialpad, [status(503, None), status(502, None)]);
    assert_eq!(post_mode(&mock, &mode("Day")).await.status(), 201);
    assert_eq!(post_office(&mock, &spec_office()).await.status(), 503);
    assert_eq!(post_office(&mock, &spec_office()).await.status(), 502);
    assert_eq!(post_office(&mock, &spec_office()).await.status(), 200);
}

#[tokio::test]
async fn latency_delays_then_processes() {
    let mock = start(unlimited()).await;
    mock.push_faults(Vendor::Dialpad, [Fault::Latency { millis: 300 }]);
    let started = Instant::now();
    assert_eq!(post_office(&mock, &spec_office()).await.status(), 200);
    assert!(started.elapsed() >= Duration::from_millis(300));
    assert_eq!(mock.offices().len(), 1);
}

#[tokio::test]
async fn reset_before_processing_creates_nothing() {
    let mock = start(unlimited()).await;
    mock.push_faults(Vendor::Dialpad, [Fault::ResetBefore]);
    let err = try_post_office(&mock, &spec_office())
        .await
        .expect_err("the connection is dropped");
    assert!(
        err.is_request() || err.is_connect() || err.is_body(),
        "{err:?}"
    );
    assert!(mock.offices().is_empty());
    assert_eq!(mock.stats()["requests"]["POST /api/v2/offices"]["reset"], 1);
}

#[tokio::test]
async fn reset_after_processing_creates_exactly_one_resource() {
    let mock = start(unlimited()).await;
    mock.push_faults(Vendor::Webex, [Fault::ResetAfter]);
    let result = try_post_mode(&mock, &mode("Day")).await;
    assert!(result.is_err(), "no answer arrives: {result:?}");
    assert_eq!(mock.operating_modes().len(), 1, "but the mode was created");
    // A naive retry now collides with the mode it already created.
    assert_eq!(post_mode(&mock, &mode("Day")).await.status(), 409);
}

#[tokio::test]
async fn faults_can_be_scripted_over_http() {
    let mock = start(unlimited()).await;
    let faults = || to(&mock, reqwest::Method::POST, "/_mock/faults");
    let pushed = sent(faults().json(&json!({"dialpad": ["429:2"]}))).await;
    assert_eq!(pushed.status(), 204);
    let response = post_office(&mock, &spec_office()).await;
    assert_eq!(response.status(), 429);
    assert_eq!(response.headers()["retry-after"], "2");
    for bad in [
        json!({"dialpad": ["418"]}),
        json!({"skype": ["503"]}),
        json!(["503"]),
    ] {
        let refused = sent(faults().json(&bad)).await;
        assert_eq!(refused.status(), 400, "{bad}");
    }
}

/// Outcomes of `n` sequential requests to a mock with a seeded random plan.
async fn outcomes(seed: u64, n: usize) -> Vec<String> {
    let mock = start(MockConfig {
        faults: parse_fault_plan("503@0.3,429:1@0.2").expect("plan"),
        seed,
        ..unlimited()
    })
    .await;
    let mut seen = Vec::new();
    for _ in 0..n {
        seen.push(
            post_office(&mock, &spec_office())
                .await
                .status()
                .as_u16()
                .to_string(),
        );
    }
    seen
}

#[tokio::test]
async fn a_seeded_plan_repeats_itself() {
    let first = outcomes(7, 40).await;
    assert_eq!(first, outcomes(7, 40).await);
    assert!(first.iter().any(|s| s == "503") && first.iter().any(|s| s == "429"));
    assert!(first.iter().any(|s| s == "200"));
    assert_ne!(
        first,
        outcomes(8, 40).await,
        "another seed, another sequence"
    );
}

#[test]
fn fault_plans_parse_and_bad_ones_are_named() {
    let plan = parse_fault_plan("503:2@0.1, reset-after@0.01,latency=50ms@0.2").expect("valid");
    assert_eq!(plan.len(), 3);
    assert_eq!(plan[0].fault, status(503, Some(2)));
    assert_eq!(plan[2].fault, Fault::Latency { millis: 50 });
    assert!(parse_fault_plan("").expect("empty").is_empty());
    let late = parse_fault_plan("late-commit=200ms@0.1,late-commit=5:reset@0.1").expect("valid");
    assert_eq!(
        late.iter().map(|f| f.fault).collect::<Vec<_>>(),
        [
            Fault::LateCommit {
                millis: 200,
                reset: false
            },
            Fault::LateCommit {
                millis: 5,
                reset: true
            }
        ]
    );
    assert_eq!(late[1].fault.to_string(), "late-commit=5ms:reset");
    for bad in [
        "418@0.1",
        "503",
        "503@2",
        "reset@0.1",
        "latency=fast@0.1",
        "late-commit=soon@0.1",
        "late-commit=5ms:close@0.1",
    ] {
        assert!(parse_fault_plan(bad).is_err(), "{bad}");
    }
    let err = parse_fault_plan("503@0.7,429@0.6").expect_err("too likely");
    assert!(err.to_string().contains("more than 1"), "{err}");
}

#[tokio::test]
async fn no_id_and_undecodable_create_then_answer_success_without_a_usable_id() {
    let mock = start(unlimited()).await;
    mock.push_faults(Vendor::Dialpad, [Fault::NoId, Fault::Undecodable]);
    let response = post_office(&mock, &spec_office()).await;
    assert_eq!(response.status(), 200);
    assert_eq!(json_of(response).await, json!({}));
    let response = post_office(&mock, &spec_office()).await;
    assert_eq!(response.status(), 200);
    assert_eq!(json_of(response).await, json!({"office": {"id": "x"}}));
    assert_eq!(mock.offices().len(), 2, "both offices were created");

    mock.push_faults(Vendor::Webex, [Fault::NoId, Fault::Undecodable]);
    let response = post_mode(&mock, &mode("Day")).await;
    assert_eq!(response.status(), 201);
    assert_eq!(json_of(response).await, json!({"id": ""}));
    let response = post_mode(&mock, &mode("Night")).await;
    assert_eq!(response.status(), 201);
    assert_eq!(json_of(response).await, json!({"id": 5}));
    assert_eq!(mock.operating_modes().len(), 2, "both modes were created");

    let stats = mock.stats();
    assert_eq!(stats["faults"]["no-id"], 2);
    assert_eq!(stats["faults"]["undecodable"], 2);
}

#[tokio::test]
async fn no_id_and_undecodable_leave_refusals_and_reads_alone() {
    let mock = start(unlimited()).await;
    // A create that is refused is refused as usual: nothing to hide an id of.
    mock.push_faults(Vendor::Webex, [Fault::NoId]);
    let mut bad = mode("Day");
    bad["type"] = json!("SOMETIMES");
    assert_eq!(post_mode(&mock, &bad).await.status(), 400);
    assert!(mock.operating_modes().is_empty());
    // A read they hit is answered normally.
    assert_eq!(post_office(&mock, &spec_office()).await.status(), 200);
    mock.push_faults_to(Operation::ListOffices, [Fault::NoId]);
    mock.push_faults_to(Operation::ListOperatingModes, [Fault::Undecodable]);
    let listed = get_json_of(&mock, "/api/v2/offices").await;
    assert_eq!(
        listed["items"].as_array().map(Vec::len),
        Some(1),
        "{listed}"
    );
    assert_eq!(post_mode(&mock, &mode("Day")).await.status(), 201);
    let listed = get_json_of(&mock, "/v1/telephony/config/operatingModes").await;
    assert_eq!(
        listed["operatingModes"].as_array().map(Vec::len),
        Some(1),
        "{listed}"
    );
    let stats = mock.stats();
    assert_eq!(
        stats["faults"]["no-id"], 1,
        "not counted for the read: {stats}"
    );
    assert_eq!(stats["faults"].get("undecodable"), None, "{stats}");
}

/// GETs a vendor path with the test token and decodes its JSON, expecting a success.
async fn get_json_of(mock: &MockHandle, path: &str) -> serde_json::Value {
    let response = get(mock, path).await;
    assert!(response.status().is_success(), "{}", response.status());
    json_of(response).await
}

#[test]
fn no_id_and_undecodable_parse_and_are_named_in_the_flag_error() {
    let plan = parse_fault_plan("no-id@0.05,undecodable@0.05").expect("valid");
    assert_eq!(
        plan.iter().map(|f| f.fault).collect::<Vec<_>>(),
        [Fault::NoId, Fault::Undecodable]
    );
    assert_eq!(
        plan.iter().map(|f| f.fault.to_string()).collect::<Vec<_>>(),
        ["no-id", "undecodable"]
    );
    for bad in ["no-id", "noid@0.1", "undecodable=5@0.1"] {
        let err = parse_fault_plan(bad).expect_err(bad);
        let text = err.to_string();
        assert!(
            text.contains("no-id") && text.contains("undecodable"),
            "{text}"
        );
    }
}
