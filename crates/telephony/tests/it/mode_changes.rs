//! The Webex changes against the mock: a modify and a delete are sent again when their outcome
//! is unknown and land once; a holiday create whose answer is lost is found by reading the mode
//! back; refusals and invalid bodies end as they must.

use std::time::Duration;

use serde_json::{Value, json};
use telephony::webex_types::{OperatingModeHolidayPostRequestObject, OperatingModePatchObject};
use telephony::{Deleted, Error, Outcome};
use telephony_fixtures::bodies::mode;
use telephony_fixtures::clients::{settling, webex};
use telephony_fixtures::mock::{self, answered, status};
use telephony_mock::{Fault, MockHandle, Operation};

const PUT_MODE: &str = "PUT /v1/telephony/config/operatingModes/{modeId}";
const DELETE_MODE: &str = "DELETE /v1/telephony/config/operatingModes/{modeId}";
const POST_HOLIDAY: &str = "POST /v1/telephony/config/operatingModes/{modeId}/holidays";

fn typed<T: serde::de::DeserializeOwned>(body: Value) -> T {
    serde_json::from_value(body).expect("the body fits the generated type")
}

fn christmas() -> Value {
    json!({"name": "Christmas", "allDayEnabled": true, "startDate": "2025-12-25", "endDate": "2025-12-26"})
}

/// A HOLIDAY mode named `name` with one Christmas holiday, made through the client.
async fn holiday_mode(mock: &MockHandle, name: &str) -> String {
    let mut body = mode(name);
    body["type"] = json!("HOLIDAY");
    body["holidays"] = json!([christmas()]);
    let client = webex(mock, settling(Duration::ZERO));
    let made = client
        .create_operating_mode_json(&body)
        .await
        .expect("created");
    made.into_id()
}

#[tokio::test]
async fn a_modify_retried_after_a_503_and_a_lost_answer_lands_once() {
    let mock = mock::mock().await;
    let id = holiday_mode(&mock, "Day").await;
    mock.push_faults_to(
        Operation::UpdateOperatingMode,
        [status(503, None), Fault::ResetAfter],
    );
    let change: OperatingModePatchObject = typed(json!({
        "name": "Night",
        "callForwarding": {"enabled": true, "destination": "+19705550008"}
    }));
    let client = webex(&mock, settling(Duration::ZERO));
    client
        .update_operating_mode(&id, &change)
        .await
        .expect("modified");
    assert_eq!(answered(&mock, PUT_MODE), 3, "503, lost answer, then 204");
    let modes = mock.operating_modes();
    assert_eq!(modes.len(), 1);
    assert_eq!(modes[0].received["name"], "Night");
    assert_eq!(modes[0].received["callForwarding"]["enabled"], true);
    assert_eq!(
        modes[0].received["type"], "HOLIDAY",
        "what it did not carry stays"
    );
    // The JSON form lands the same way.
    client
        .update_operating_mode_json(&id, &json!({"name": "Evening"}))
        .await
        .expect("modified from JSON");
    assert_eq!(mock.operating_modes()[0].received["name"], "Evening");
}

#[tokio::test]
async fn a_delete_whose_answer_is_lost_and_whose_resend_finds_nothing_is_deleted() {
    let mock = mock::mock().await;
    let id = holiday_mode(&mock, "Gone").await;
    mock.push_faults_to(Operation::DeleteOperatingMode, [Fault::ResetAfter]);
    let client = webex(&mock, settling(Duration::ZERO));
    let deleted = client.delete_operating_mode(&id).await.expect("deleted");
    assert_eq!(deleted, Deleted::Deleted);
    assert_eq!(answered(&mock, DELETE_MODE), 2, "lost answer, then 404");
    assert!(mock.operating_modes().is_empty());
}

#[tokio::test]
async fn a_delete_of_an_unknown_id_is_already_gone() {
    let mock = mock::mock().await;
    let client = webex(&mock, settling(Duration::ZERO));
    let deleted = client
        .delete_operating_mode("no-such-mode")
        .await
        .expect("ended");
    assert_eq!(deleted, Deleted::AlreadyGone);
    let id = holiday_mode(&mock, "Kept").await;
    let gone = client
        .delete_operating_mode_holiday(&id, "no-such-holiday")
        .await
        .expect("ended");
    assert_eq!(gone, Deleted::AlreadyGone);
}

#[tokio::test]
async fn a_holiday_create_whose_answer_is_lost_is_found_and_not_made_twice() {
    let mock = mock::mock().await;
    let id = holiday_mode(&mock, "Closed").await;
    let client = webex(&mock, settling(Duration::from_millis(5)));
    let before = client.get_operating_mode(&id).await.expect("read").holidays;
    assert_eq!(before.len(), 1);
    // The same name and dates as the holiday the mode already has: only a new id counts.
    let holiday: OperatingModeHolidayPostRequestObject = typed(christmas());
    mock.push_faults_to(Operation::CreateOperatingModeHoliday, [Fault::ResetAfter]);
    let outcome = client
        .create_operating_mode_holiday(&id, &holiday)
        .await
        .expect("resolved");
    assert_eq!(answered(&mock, POST_HOLIDAY), 1, "sent once");
    let after = client.get_operating_mode(&id).await.expect("read").holidays;
    assert_eq!(after.len(), 2);
    let new: Vec<&str> = after
        .iter()
        .map(|h| h.id.as_str())
        .filter(|held| *held != before[0].id)
        .collect();
    assert_eq!(new.len(), 1);
    assert_eq!(
        outcome,
        Outcome::Found {
            id: new[0].to_string(),
            attempts: 1
        }
    );
    // A create answered normally is Created, and the holiday reads back.
    let made = client
        .create_operating_mode_holiday(&id, &holiday)
        .await
        .expect("created");
    assert!(made.is_created());
    let read = client
        .get_operating_mode_holiday(&id, made.id())
        .await
        .expect("read");
    assert_eq!(read.name, "Christmas");
    let change = typed(json!({"name": "Boxing Day", "startDate": "2025-12-26"}));
    client
        .update_operating_mode_holiday(&id, made.id(), &change)
        .await
        .expect("modified");
    let read = client
        .get_operating_mode_holiday(&id, made.id())
        .await
        .expect("read");
    assert_eq!(
        (read.name.as_str(), read.start_date.as_deref()),
        ("Boxing Day", Some("2025-12-26"))
    );
    let deleted = client
        .delete_operating_mode_holiday(&id, made.id())
        .await
        .expect("deleted");
    assert_eq!(deleted, Deleted::Deleted);
}

#[tokio::test]
async fn a_rename_to_a_taken_name_is_refused() {
    let mock = mock::mock().await;
    holiday_mode(&mock, "Taken").await;
    let id = holiday_mode(&mock, "Free").await;
    let client = webex(&mock, settling(Duration::ZERO));
    let change: OperatingModePatchObject = typed(json!({"name": "Taken"}));
    let refused = client.update_operating_mode(&id, &change).await;
    assert!(
        matches!(refused, Err(Error::Api { status: 409, .. })),
        "{refused:?}"
    );
    assert_eq!(answered(&mock, PUT_MODE), 1, "a refusal is not sent again");
}

#[tokio::test]
async fn an_invalid_modify_is_refused_before_anything_is_sent() {
    let mock = mock::mock().await;
    let id = holiday_mode(&mock, "Valid").await;
    let client = webex(&mock, settling(Duration::ZERO));
    let reversed = json!({"sameHoursDaily": {
        "mondayToFriday": {"enabled": true, "startTime": "17:00", "endTime": "09:00"},
        "saturdayToSunday": {"enabled": true, "allDayEnabled": true}}});
    let typed_change: OperatingModePatchObject = typed(reversed.clone());
    for refused in [
        client.update_operating_mode(&id, &typed_change).await,
        client.update_operating_mode_json(&id, &reversed).await,
        client
            .update_operating_mode_json(&id, &json!({"type": "NONE"}))
            .await,
    ] {
        assert!(matches!(refused, Err(Error::Validation(_))), "{refused:?}");
    }
    let backwards = typed(json!({"startDate": "2025-03-01", "endDate": "2025-02-01"}));
    let refused = client
        .update_operating_mode_holiday(&id, "any", &backwards)
        .await;
    assert!(matches!(refused, Err(Error::Validation(_))), "{refused:?}");
    assert_eq!(answered(&mock, PUT_MODE), 0, "the mock saw no modify");
    let holiday_route = "PUT /v1/telephony/config/operatingModes/{modeId}/holidays/{holidayId}";
    assert_eq!(answered(&mock, holiday_route), 0);
}
