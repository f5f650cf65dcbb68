//! Dialpad's office E911 address through the client, against the mock: a change is validated
//! before anything is sent, resent after a transient failure and after an unknown outcome (it
//! is idempotent), and lands where the office's reads see it.

use std::time::Duration;

use futures_util::TryStreamExt;

use serde_json::{Value, json};
use telephony::dialpad_types::E911UpdateMessage;
use telephony::{DialpadClient, Error};
use telephony_fixtures::bodies::office;
use telephony_fixtures::clients::{dialpad, settling};
use telephony_fixtures::mock::{answered, start, status, unlimited};
use telephony_mock::{Fault, IntegerForm, MockConfig, MockHandle, Operation};

const CHANGES: &str = "PUT /api/v2/offices/{id}/e911";

fn new_address() -> Value {
    json!({"address": "1 N Dearborn St", "address2": "Suite 400", "city": "Chicago",
           "state": "IL", "zip": "60602", "country": "US", "update_all": true})
}

fn typed_address() -> E911UpdateMessage {
    serde_json::from_value(new_address()).expect("a valid address change")
}

/// A mock writing integers as `integers`, a client of it, and one office created through it.
async fn with_office(integers: IntegerForm) -> (MockHandle, DialpadClient, i64) {
    let mock = start(MockConfig {
        dialpad_integers: integers,
        ..unlimited()
    })
    .await;
    let client = dialpad(&mock, settling(Duration::from_millis(20)));
    client.create_office_json(&office()).await.expect("created");
    let id = mock.offices()[0].id;
    (mock, client, id)
}

/// The office's E911 address as the mock holds it, seen through its listing.
async fn listed_address(client: &DialpadClient) -> Value {
    let offices: Vec<_> = client
        .offices()
        .items()
        .try_collect()
        .await
        .expect("listed");
    assert_eq!(offices.len(), 1);
    serde_json::to_value(&offices[0].e911_address).expect("serializes")
}

#[tokio::test]
async fn a_change_retried_after_a_503_and_after_a_dropped_answer_lands() {
    let (mock, client, id) = with_office(IntegerForm::Strings).await;
    mock.push_faults_to(
        Operation::UpdateOfficeE911,
        [status(503, None), Fault::ResetAfter],
    );
    let answer = client
        .update_office_e911(id, &typed_address())
        .await
        .expect("changed")
        .expect("the last answer decodes");
    assert_eq!(answer.address.as_deref(), Some("1 N Dearborn St"));
    assert_eq!(answered(&mock, CHANGES), 3, "503, reset, then 200");
    let expected = json!({"address": "1 N Dearborn St", "address2": "Suite 400",
                          "city": "Chicago", "state": "IL", "zip": "60602", "country": "US"});
    assert_eq!(listed_address(&client).await, expected);
    let read = client.get_office_e911(id).await.expect("read");
    assert_eq!(serde_json::to_value(read).expect("serializes"), expected);
}

#[tokio::test]
async fn the_json_change_lands_and_reads_back_with_integers_in_either_form() {
    for integers in [IntegerForm::Strings, IntegerForm::Numbers] {
        let (_mock, client, id) = with_office(integers).await;
        let mut address = new_address();
        address.as_object_mut().expect("object").remove("address2");
        let answer = client
            .update_office_e911_json(id, &address)
            .await
            .expect("changed")
            .expect("decodes");
        assert_eq!(answer.address2.as_deref(), Some(""), "{integers:?}");
        let office = client.get_office(id).await.expect("read");
        assert_eq!(i64::from(office.id.expect("an id")), id, "{integers:?}");
        let held = office.e911_address.expect("an address");
        assert_eq!(
            held.address.as_deref(),
            Some("1 N Dearborn St"),
            "{integers:?}"
        );
    }
}

#[tokio::test]
async fn a_change_of_an_unknown_office_is_a_404() {
    let (mock, client, id) = with_office(IntegerForm::Strings).await;
    let unknown = id + 1_000;
    let err = client
        .update_office_e911(unknown, &typed_address())
        .await
        .expect_err("no such office");
    assert!(matches!(err, Error::Api { status: 404, .. }), "{err:?}");
    assert_eq!(answered(&mock, CHANGES), 1, "a 404 is not retried");
    let err = client
        .get_office_e911(unknown)
        .await
        .expect_err("no such office");
    assert!(matches!(err, Error::Api { status: 404, .. }), "{err:?}");
}

#[tokio::test]
async fn an_invalid_change_is_refused_before_anything_is_sent() {
    let (mock, client, id) = with_office(IntegerForm::Strings).await;
    let mut address = new_address();
    address["address"] = json!("1 N Dearborn St\nSuite 400");
    address.as_object_mut().expect("object").remove("zip");
    let err = client
        .update_office_e911_json(id, &address)
        .await
        .expect_err("invalid");
    let Error::Validation(violations) = err else {
        panic!("a validation error, got {err:?}");
    };
    let paths: Vec<&str> = violations.iter().map(|v| v.path.as_str()).collect();
    assert_eq!(paths.len(), 2, "{paths:?}");
    assert!(
        paths.contains(&"$.address") && paths.contains(&"$.zip"),
        "{paths:?}"
    );
    assert_eq!(answered(&mock, CHANGES), 0, "the mock saw no change");
    assert_eq!(
        listed_address(&client).await["address"],
        office()["e911_address"]["address"],
        "the address is the one the office was created with"
    );
}

#[test]
fn the_typed_change_is_checked_like_the_json_one() {
    assert!(telephony::validate::dialpad_e911_typed(&typed_address()).is_ok());
    assert!(telephony::validate::dialpad_e911(&new_address()).is_ok());
    let mut country_missing = new_address();
    country_missing
        .as_object_mut()
        .expect("object")
        .remove("country");
    let found = telephony::validate::dialpad_e911(&country_missing).expect_err("invalid");
    assert_eq!(
        found.iter().next().map(|v| v.path.as_str()),
        Some("$.country")
    );
}
