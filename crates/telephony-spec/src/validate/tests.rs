//! The typed walk agrees with the JSON validator: it never passes what the JSON path refuses,
//! and it passes the valid bodies it is there to speed up.

use serde_json::{Value, json};

use super::Validator;
use crate::typed::Compiled;

fn both(validator: &Validator, operation: &str, body: &Value) -> (bool, usize) {
    let compiled = Compiled::new(&validator.index);
    let fast = compiled.surely_valid(operation, body);
    let found = validator.request_body(operation, body).total();
    assert!(
        !fast || found == 0,
        "walked as valid, but {found} violations: {body}"
    );
    assert_eq!(
        validator.request_body_typed(operation, body).into_vec(),
        validator.request_body(operation, body).into_vec()
    );
    (fast, found)
}

fn office() -> Value {
    json!({
        "name": "Chicago Loop", "country": "US", "currency": "USD", "plan_period": "monthly",
        "annual_commit_monthly_billing": false, "invoiced": false, "unified_billing": true,
        "billing_address": {"address_line_1": "233 S Wacker Dr", "city": "Chicago",
                            "region": "IL", "postal_code": "60606", "country": "US"},
        "e911_address": {"address": "233 S Wacker Dr", "city": "Chicago", "state": "IL",
                         "zip": "60606", "country": "US"},
        "ring_seconds": 25, "hours_on": true, "timezone": "America/Chicago",
        "monday_hours": ["08:00", "12:00", "13:00", "17:00"], "sunday_hours": [],
        "routing_options": {
            "open": {"action": "menu", "try_dial_operators": true,
                     "dtmf": [{"input": "1", "options": {"action": "department",
                               "action_target_type": "department", "action_target_id": 7}}]},
            "closed": {"action": "voicemail", "try_dial_operators": false}
        }
    })
}

#[test]
fn a_valid_body_is_walked_without_json_and_agrees() {
    assert_eq!(
        both(Validator::dialpad(), "create_office", &office()),
        (true, 0)
    );
    let mode = json!({"name": "Day", "type": "SAME_HOURS_DAILY", "level": "LOCATION",
        "locationId": "L", "callForwarding": {"destination": "+1", "enabled": true},
        "sameHoursDaily": {
            "mondayToFriday": {"enabled": true, "allDayEnabled": false,
                               "startTime": "08:00", "endTime": "17:00"},
            "saturdayToSunday": {"enabled": false, "startTime": "00:00", "endTime": "23:59"}}});
    assert_eq!(
        both(Validator::webex(), "create_operating_mode", &mode),
        (true, 0)
    );
}

#[test]
fn every_kind_of_problem_stops_the_walk() {
    let breaks: [(&str, Value); 12] = [
        ("name", json!("")),
        ("name", json!("two\nlines")),
        ("ring_seconds", json!(5)),
        ("ring_seconds", json!(25.5)),
        ("country", json!("XX")),
        ("invoiced", json!(null)),
        ("monday_hours", json!(["08:00"])),
        ("monday_hours", json!(["17:00", "08:00"])),
        ("sunday_hours", json!(["8:00", "09:00"])),
        ("e911_address", json!(null)),
        ("no_such_field", json!(1)),
        (
            "routing_options",
            json!({"open": {"action": "menu", "try_dial_operators": true,
            "dtmf": [{"input": "12"}]}, "closed": {"action": "voicemail",
            "try_dial_operators": false}}),
        ),
    ];
    for (field, value) in breaks {
        let mut body = office();
        body[field] = value;
        let (fast, found) = both(Validator::dialpad(), "create_office", &body);
        assert!(!fast && found > 0, "{field}: {body}");
    }
    let mut body = office();
    body.as_object_mut().map(|o| o.remove("e911_address"));
    assert!(!both(Validator::dialpad(), "create_office", &body).0);
    body.as_object_mut().map(|o| o.remove("name"));
    assert!(!both(Validator::dialpad(), "create_office", &body).0);
}
