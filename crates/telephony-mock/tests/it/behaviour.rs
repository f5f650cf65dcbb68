//! What the mock creates and answers: Dialpad offices with documented defaults, Webex modes
//! with opaque ids, unique names and a per-scope limit. Valid requests go through the
//! generated client.

use base64::Engine as _;
use serde_json::json;
use telephony_api::{dialpad, webex};
use telephony_fixtures::bodies::{mode, spec_office};
use telephony_fixtures::mock::{
    TOKEN, get_json, json_of, post_mode, post_office, sent, start, to, unlimited,
};
use telephony_mock::MockConfig;

fn authed(token: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::AUTHORIZATION,
        format!("Bearer {token}").parse().expect("header"),
    );
    reqwest::Client::builder()
        .default_headers(headers)
        .build()
        .expect("client")
}

#[tokio::test]
async fn dialpad_answers_a_full_office_with_defaults_applied() {
    let mock = start(unlimited()).await;
    let client = dialpad::Client::new_with_client(&mock.dialpad_url(), authed(TOKEN));
    let mut body = spec_office();
    body["monday_hours"] = json!(["09:00", "17:00"]);
    body["sunday_hours"] = json!(["10:00", "12:00"]);
    body["mainline_number"] = json!("+15125550100");
    let request: dialpad::types::CreateOfficeMessage = serde_json::from_value(body).expect("typed");
    let answer = client
        .create_office()
        .body(request)
        .send()
        .await
        .expect("created")
        .into_inner();

    let office = answer.office.expect("office");
    let id = office.id.expect("id");
    assert_eq!(office.office_id, Some(id));
    assert_eq!(office.name.as_deref(), Some("Austin"));
    assert_eq!(office.state.as_deref(), Some("active"));
    assert_eq!(
        office.monday_hours,
        Some(vec!["09:00".into(), "17:00".into()])
    );
    assert_eq!(
        office.tuesday_hours,
        Some(vec!["08:00".into(), "18:00".into()]),
        "weekday default"
    );
    assert_eq!(office.saturday_hours, Some(vec![]), "weekend default");
    assert_eq!(
        office.sunday_hours,
        Some(vec!["10:00".into(), "12:00".into()])
    );
    assert_eq!(office.phone_numbers, Some(vec!["+15125550100".into()]));
    assert!(answer.plan.is_some());

    let created = mock.offices();
    assert_eq!(created.len(), 1);
    assert_eq!(created[0].id, id);
    assert_eq!(created[0].received["name"], "Austin");
}

#[tokio::test]
async fn office_ids_are_unique() {
    let mock = start(unlimited()).await;
    for _ in 0..3 {
        assert_eq!(post_office(&mock, &spec_office()).await.status(), 200);
    }
    let mut ids: Vec<i64> = mock.offices().iter().map(|o| o.id).collect();
    ids.dedup();
    assert_eq!(ids.len(), 3);
}

#[tokio::test]
async fn webex_answers_201_with_an_opaque_id() {
    let mock = start(unlimited()).await;
    let client = webex::Client::new_with_client(&mock.webex_url(), authed(TOKEN));
    let request: webex::types::OperatingModePostObject =
        serde_json::from_value(mode("Day")).expect("typed");
    let created = client
        .create_operating_mode()
        .org_id("ORG1")
        .body(request)
        .send()
        .await
        .expect("created");
    assert_eq!(created.status(), 201);
    let id = created.into_inner().id;
    let decoded = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(&id)
        .expect("base64");
    let uri = String::from_utf8(decoded).expect("utf-8");
    assert!(uri.starts_with("ciscospark://us/OPERATING_MODE/"), "{uri}");
    let modes = mock.operating_modes();
    assert_eq!(modes.len(), 1);
    assert_eq!(modes[0].id, id);
    assert_eq!(modes[0].org_id.as_deref(), Some("ORG1"));
}

#[tokio::test]
async fn names_are_unique_per_level_and_location() {
    let mock = start(unlimited()).await;
    assert_eq!(post_mode(&mock, &mode("Day")).await.status(), 201);
    let duplicate = post_mode(&mock, &mode("Day")).await;
    assert_eq!(duplicate.status(), 409);
    assert!(
        json_of(duplicate).await["message"]
            .as_str()
            .expect("message")
            .contains("already exists")
    );

    let at_location = |location: &str| {
        let mut body = mode("Day");
        body["level"] = json!("LOCATION");
        body["locationId"] = json!(location);
        body
    };
    assert_eq!(post_mode(&mock, &at_location("L1")).await.status(), 201);
    assert_eq!(post_mode(&mock, &at_location("L2")).await.status(), 201);
    assert_eq!(post_mode(&mock, &at_location("L1")).await.status(), 409);
    assert_eq!(mock.operating_modes().len(), 3);
}

#[tokio::test]
async fn at_most_100_modes_per_organization_by_default() {
    let mock = start(unlimited()).await;
    for n in 0..100 {
        assert_eq!(
            post_mode(&mock, &mode(&format!("Mode {n}"))).await.status(),
            201,
            "{n}"
        );
    }
    let over = post_mode(&mock, &mode("Mode 100")).await;
    assert_eq!(over.status(), 409);
    assert!(
        json_of(over).await["message"]
            .as_str()
            .expect("message")
            .contains("(100)")
    );
    let mut elsewhere = mode("Mode 100");
    elsewhere["level"] = json!("LOCATION");
    elsewhere["locationId"] = json!("L9");
    assert_eq!(
        post_mode(&mock, &elsewhere).await.status(),
        201,
        "a location is its own scope"
    );
}

#[tokio::test]
async fn the_per_scope_limit_is_configurable() {
    let mock = start(MockConfig {
        max_modes_per_scope: Some(2),
        ..unlimited()
    })
    .await;
    assert_eq!(post_mode(&mock, &mode("A")).await.status(), 201);
    assert_eq!(post_mode(&mock, &mode("B")).await.status(), 201);
    assert_eq!(post_mode(&mock, &mode("C")).await.status(), 409);
}

#[tokio::test]
async fn inspection_shows_counts_and_reset_forgets_everything() {
    let mock = start(unlimited()).await;
    assert_eq!(post_office(&mock, &spec_office()).await.status(), 200);
    assert_eq!(post_office(&mock, &json!({})).await.status(), 400);
    assert_eq!(post_mode(&mock, &mode("Day")).await.status(), 201);

    let stats = get_json(&mock, "/_mock/stats").await;
    assert_eq!(
        stats["requests"]["POST /api/v2/offices"],
        json!({"200": 1, "400": 1})
    );
    assert_eq!(
        stats["requests"]["POST /v1/telephony/config/operatingModes"],
        json!({"201": 1})
    );
    assert_eq!(stats["offices"], 1);

    let listed = get_json(&mock, "/_mock/offices").await;
    assert_eq!(listed["items"][0]["received"]["name"], "Austin");
    assert!(listed["items"][0]["id"].is_i64());
    assert_eq!(
        (listed["total"].as_u64(), listed["next"].is_null()),
        (Some(1), true)
    );
    let modes = get_json(&mock, "/_mock/operating-modes").await;
    assert_eq!(modes["items"][0]["received"]["name"], "Day");

    let reset = sent(to(&mock, reqwest::Method::DELETE, "/_mock/state")).await;
    assert_eq!(reset.status(), 204);
    assert!(mock.offices().is_empty() && mock.operating_modes().is_empty());
    assert_eq!(mock.stats()["requests"], json!({}));
    assert_eq!(
        post_mode(&mock, &mode("Day")).await.status(),
        201,
        "the name is free again"
    );
}
