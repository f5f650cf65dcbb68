//! Dialpad's office E911 address: read and replaced by its own operations, part of the office
//! the create made (the office's listing and read show a change), with the same validation,
//! credentials, rate limits and faults as every other operation.

use serde_json::{Value, json};
use telephony_fixtures::bodies::spec_office;
use telephony_fixtures::mock::{
    TOKEN, get, json_of, post_office, request, sent, start, status, to, unlimited,
};
use telephony_mock::{Fault, IntegerForm, MockConfig, MockHandle, Operation, RateLimit};

/// The address change the Dialpad spec documents as its example.
fn spec_update() -> Value {
    let spec = telephony_mock::Vendor::Dialpad
        .spec()
        .expect("the Dialpad spec loads");
    telephony_spec::request_example(&spec, "update_office_e911").expect("the spec has an example")
}

fn put_e911(mock: &MockHandle, id: &str, body: &Value) -> reqwest::RequestBuilder {
    to(
        mock,
        reqwest::Method::PUT,
        &format!("/api/v2/offices/{id}/e911"),
    )
    .bearer_auth(TOKEN)
    .json(body)
}

/// Creates the spec's office and returns its id.
async fn office(mock: &MockHandle) -> i64 {
    assert_eq!(post_office(mock, &spec_office()).await.status(), 200);
    mock.offices().last().expect("one office").id
}

async fn e911_of(mock: &MockHandle, id: i64) -> Value {
    let answer = get(mock, &format!("/api/v2/offices/{id}/e911")).await;
    assert_eq!(answer.status(), 200);
    json_of(answer).await
}

#[tokio::test]
async fn the_e911_address_is_the_one_the_office_was_created_with() {
    for integers in [IntegerForm::Strings, IntegerForm::Numbers] {
        let mock = start(MockConfig {
            dialpad_integers: integers,
            ..unlimited()
        })
        .await;
        let id = office(&mock).await;
        assert_eq!(e911_of(&mock, id).await, spec_office()["e911_address"]);
    }
}

#[tokio::test]
async fn an_address_change_is_answered_and_shown_by_every_read_of_the_office() {
    let mock = start(unlimited()).await;
    let id = office(&mock).await;
    let mut change = spec_update();
    change.as_object_mut().expect("object").remove("address2");
    change["address"] = json!("600 Congress Ave");
    let answer = sent(put_e911(&mock, &id.to_string(), &change)).await;
    assert_eq!(answer.status(), 200);
    let expected = json!({"address": "600 Congress Ave", "address2": "", "city": "Austin",
                          "state": "TX", "zip": "78701", "country": "US"});
    assert_eq!(
        json_of(answer).await,
        expected,
        "the address as set: address2 takes its default, update_all is not part of it"
    );
    assert_eq!(e911_of(&mock, id).await, expected);
    let office = json_of(get(&mock, &format!("/api/v2/offices/{id}")).await).await;
    assert_eq!(office["e911_address"], expected);
    let listed = json_of(get(&mock, "/api/v2/offices").await).await;
    assert_eq!(listed["items"][0]["e911_address"], expected);
    assert_eq!(listed["items"][0]["id"], json!(id.to_string()));
}

#[tokio::test]
async fn an_invalid_change_is_refused_with_every_violation_and_changes_nothing() {
    let mock = start(unlimited()).await;
    let id = office(&mock).await;
    let mut change = spec_update();
    change.as_object_mut().expect("object").remove("city");
    change["address"] = json!("600 Congress Ave\nFloor 2");
    change["floor"] = json!(2);
    let answer = sent(put_e911(&mock, &id.to_string(), &change)).await;
    assert_eq!(answer.status(), 400);
    let body = json_of(answer).await;
    assert_eq!(body["error"]["code"], 400, "Dialpad's error shape");
    let mut paths: Vec<&str> = body["error"]["violations"]
        .as_array()
        .expect("violations")
        .iter()
        .map(|v| v["path"].as_str().expect("path"))
        .collect();
    paths.sort_unstable();
    assert_eq!(paths, ["$.address", "$.city", "$.floor"]);
    assert_eq!(e911_of(&mock, id).await, spec_office()["e911_address"]);
}

#[tokio::test]
async fn unknown_offices_bad_ids_and_missing_credentials_are_refused() {
    let mock = start(unlimited()).await;
    let id = office(&mock).await;
    for (answer, expected) in [
        (get(&mock, "/api/v2/offices/42/e911").await, 404),
        (get(&mock, "/api/v2/offices/abc/e911").await, 400),
        (sent(put_e911(&mock, "42", &spec_update())).await, 404),
        (sent(put_e911(&mock, "abc", &spec_update())).await, 400),
        (
            request(
                &mock,
                reqwest::Method::POST,
                &format!("/api/v2/offices/{id}/e911"),
            )
            .await,
            405,
        ),
        (
            sent(
                to(
                    &mock,
                    reqwest::Method::PUT,
                    &format!("/api/v2/offices/{id}/e911"),
                )
                .json(&spec_update()),
            )
            .await,
            401,
        ),
    ] {
        assert_eq!(answer.status(), expected);
        assert_eq!(
            json_of(answer).await["error"]["code"],
            expected,
            "Dialpad shape"
        );
    }
    assert_eq!(e911_of(&mock, id).await, spec_office()["e911_address"]);
}

#[tokio::test]
async fn faults_hit_the_change_as_scripted_for_its_operation() {
    let mock = start(unlimited()).await;
    let id = office(&mock).await;
    mock.push_faults_to(
        Operation::UpdateOfficeE911,
        [status(503, None), Fault::ResetBefore, Fault::ResetAfter],
    );
    let mut change = spec_update();
    change["address"] = json!("600 Congress Ave");
    let refused = sent(put_e911(&mock, &id.to_string(), &change)).await;
    assert_eq!(refused.status(), 503);
    assert!(
        put_e911(&mock, &id.to_string(), &change)
            .send()
            .await
            .is_err()
    );
    assert_eq!(
        e911_of(&mock, id).await["address"],
        "100 Congress Ave",
        "neither a 503 nor a reset before processing changes the address"
    );
    assert!(
        put_e911(&mock, &id.to_string(), &change)
            .send()
            .await
            .is_err()
    );
    assert_eq!(
        e911_of(&mock, id).await["address"],
        "600 Congress Ave",
        "a reset after processing did change it"
    );
    let stats = mock.stats();
    assert_eq!(
        stats["requests"]["PUT /api/v2/offices/{id}/e911"]["reset"],
        2
    );
    assert_eq!(stats["requests"]["PUT /api/v2/offices/{id}/e911"]["503"], 1);
}

#[tokio::test]
async fn the_change_and_the_read_each_have_their_own_rate_limit() {
    let mock = start(MockConfig {
        dialpad_rate: Some("1/h".parse::<RateLimit>().expect("rate")),
        ..unlimited()
    })
    .await;
    let id = office(&mock).await;
    assert_eq!(
        sent(put_e911(&mock, &id.to_string(), &spec_update()))
            .await
            .status(),
        200
    );
    let limited = sent(put_e911(&mock, &id.to_string(), &spec_update())).await;
    assert_eq!(limited.status(), 429);
    assert!(limited.headers().contains_key("retry-after"));
    assert_eq!(e911_of(&mock, id).await["address2"], "Suite 300");
    let read = get(&mock, &format!("/api/v2/offices/{id}/e911")).await;
    assert_eq!(read.status(), 429, "the read's one request was used above");
}
