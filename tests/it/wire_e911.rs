//! Wire snapshots of Dialpad's E911 address change: the request body built with the generated
//! types, and its answer decoded and written back. A spec change to what goes over the wire
//! (a field renamed, a default now sent) or to what the answer keeps shows up here.

use serde_json::{Value, json};
use telephony_api::dialpad::types as dp;
use telephony_fixtures::snapshots::snapshots;

/// An address change using every field of the request.
fn full_update() -> dp::E911UpdateMessage {
    dp::E911UpdateMessage::builder()
        .address("100 Congress Ave")
        .address2("Suite 300")
        .city("Austin")
        .state("TX")
        .zip("78701")
        .country("US")
        .update_all(Some(true))
        .use_validated_option(Some(false))
        .try_into()
        .expect("a valid address change")
}

#[test]
fn dialpad_e911_update() {
    let _snapshots = snapshots().bind_to_scope();
    insta::assert_json_snapshot!("wire__dialpad_e911_update", full_update());
}

#[test]
fn dialpad_e911_update_without_its_optional_fields_sends_an_empty_second_line() {
    let update: dp::E911UpdateMessage = dp::E911UpdateMessage::builder()
        .address("1 Larimer Sq")
        .city("Denver")
        .state("CO")
        .zip("80202")
        .country("US")
        .try_into()
        .expect("a valid address change");
    let sent = serde_json::to_value(&update).expect("serializes");
    assert_eq!(
        sent,
        json!({"address": "1 Larimer Sq", "address2": "", "city": "Denver", "state": "CO",
               "zip": "80202", "country": "US"}),
        "address2 takes the vendor's default; the unset booleans are left out"
    );
    let back: dp::E911UpdateMessage = serde_json::from_value(sent).expect("decodes");
    assert_eq!(back, update);
}

#[test]
fn dialpad_e911_update_refuses_a_second_line_break() {
    let built: Result<dp::E911UpdateMessage, _> = dp::E911UpdateMessage::builder()
        .address("100 Congress Ave\nFloor 2")
        .city("Austin")
        .state("TX")
        .zip("78701")
        .country("US")
        .try_into();
    assert!(built.is_err(), "an address line is single-line");
}

fn round_trip(answer: Value) -> Value {
    let decoded: dp::E911GetProto = serde_json::from_value(answer).expect("the answer decodes");
    serde_json::to_value(decoded).expect("serializes")
}

#[test]
fn dialpad_e911_answer_through_the_types() {
    let _snapshots = snapshots().bind_to_scope();
    // As the published document's example writes it (lower-case codes), with a field the
    // spec does not know and a null line.
    let answer = json!({
        "address": "3001 Bishop Dr", "address2": null, "city": "San Ramon",
        "country": "us", "state": "ca", "zip": "94583",
        "validated": {"status": "a value added later"}
    });
    insta::assert_json_snapshot!("wire_reads__dialpad_e911_address", round_trip(answer));
}
