//! Wire snapshots of the read operations' answers: sample answers shaped as each vendor
//! documents them (values of our own), decoded with the generated types and written back.
//! A spec change to what a read-back relies on shows up here; unknown fields and enum values
//! a vendor adds must keep decoding (the answers are tolerant by design).

use serde_json::{Value, json};
use telephony_api::{dialpad::types as dp, webex::types as wx};
use telephony_fixtures::snapshots::snapshots;

fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(answer: Value) -> Value {
    let decoded: T = serde_json::from_value(answer).expect("the answer decodes");
    serde_json::to_value(decoded).expect("serializes")
}

fn dialpad_office(id: i64, name: &str) -> Value {
    json!({
        "id": id, "office_id": id, "name": name, "state": "active",
        "availability_status": "open", "country": "us", "timezone": "America/Denver",
        "is_primary_office": false, "first_action": "operators",
        "no_operators_action": "voicemail", "ring_seconds": 25,
        "monday_hours": ["07:30", "16:30"], "saturday_hours": [],
        "phone_numbers": ["+13035550142"],
        "e911_address": {"address": "1 Larimer Sq", "city": "Denver", "state": "CO",
                         "zip": "80202", "country": "us"},
        "office_settings": {"allow_device_guest_login": false},
        "routing_options": {"open": {"action": "operator", "operator_routing": "simultaneous",
                                     "try_dial_operators": true, "dtmf": []}}
    })
}

#[test]
fn dialpad_office_page() {
    let _snapshots = snapshots().bind_to_scope();
    let page = json!({
        "items": [dialpad_office(7_100_001, "Denver"), dialpad_office(7_100_002, "Boulder")],
        "cursor": "b2Zmc2V0OjI"
    });
    insta::assert_json_snapshot!(
        "wire_reads__dialpad_office_page",
        round_trip::<dp::OfficeCollection>(page)
    );
}

#[test]
fn dialpad_last_page_and_an_office_with_values_the_spec_does_not_know() {
    let _snapshots = snapshots().bind_to_scope();
    let last = round_trip::<dp::OfficeCollection>(json!({"items": null, "cursor": null}));
    assert_eq!(
        last,
        json!({}),
        "null and absent read the same: the last page"
    );
    let mut office = dialpad_office(7_100_003, "Fort Collins");
    office["state"] = json!("migrating");
    office["routing_options"]["open"]["action"] = json!("ai_agent");
    office["added_later"] = json!({"anything": true});
    insta::assert_json_snapshot!(
        "wire_reads__dialpad_office_tolerant",
        round_trip::<dp::OfficeProto>(office)
    );
}

fn webex_summary(id: &str, name: &str, location: Option<&str>) -> Value {
    let mut mode = json!({
        "id": id, "name": name, "type": "SAME_HOURS_DAILY",
        "level": if location.is_some() { "LOCATION" } else { "ORGANIZATION" },
        "callForwarding": {"enabled": true, "destination": "+17205550123",
                           "destinationVoicemailEnabled": false}
    });
    if let Some(location) = location {
        mode["location"] = json!({"id": location, "name": "Denver office"});
    }
    mode
}

#[test]
fn webex_operating_mode_page() {
    let _snapshots = snapshots().bind_to_scope();
    let page = json!({"operatingModes": [
        webex_summary("TU9ERS8x", "Business hours", Some("TE9DLzE")),
        webex_summary("TU9ERS8y", "Storm closure", None),
    ]});
    insta::assert_json_snapshot!(
        "wire_reads__webex_operating_mode_page",
        round_trip::<wx::OperatingModeList>(page)
    );
}

#[test]
fn webex_operating_mode_details_with_holidays_and_new_values() {
    let _snapshots = snapshots().bind_to_scope();
    let mut mode = webex_summary("TU9ERS8z", "Holidays", Some("TE9DLzE"));
    mode["type"] = json!("HOLIDAY");
    mode["holidays"] = json!([
        {"id": "SE9MLzE", "name": "Independence Day", "allDayEnabled": true,
         "startDate": "2027-07-04", "endDate": "2027-07-04",
         "recurrence": {"recurYearlyByDate": {"dayOfMonth": 4, "month": "JULY"}}},
        {"id": "SE9MLzI", "name": "Thanksgiving", "allDayEnabled": false,
         "startDate": "2027-11-25", "endDate": "2027-11-25",
         "startTime": "00:00", "endTime": "12:00",
         "recurrence": {"recurYearlyByDay": {"day": "THURSDAY", "week": "FOURTH",
                                              "month": "NOVEMBER"}}},
        {"id": "SE9MLzM", "name": "Leap", "allDayEnabled": true,
         "startDate": "2028-02-29", "endDate": "2028-02-29",
         "recurrence": {"recurYearlyByDay": {"day": "TUESDAY", "week": "FIFTH",
                                              "month": "FEBRUARY"}}}
    ]);
    mode["scheduleLevel"] = json!("a field added later");
    insta::assert_json_snapshot!(
        "wire_reads__webex_operating_mode_details",
        round_trip::<wx::OperatingModeDetails>(mode)
    );
}
