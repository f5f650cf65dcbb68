//! What the validator says about a key or an enum value that is not the spec's (the nearest one
//! when it is clear, and a required field meant by a misspelled key reported once) and about a
//! date that does not exist (why not).

use serde_json::{Value, json};
use telephony_spec::Vendor;
use telephony_spec::validate::{Validator, Violation};

use crate::violations::example;

fn office_with(change: impl FnOnce(&mut serde_json::Map<String, Value>)) -> Vec<Violation> {
    let mut body = example(Vendor::Dialpad, "create_office");
    change(body.as_object_mut().expect("an object"));
    Validator::dialpad()
        .request_body("create_office", &body)
        .into_vec()
}

/// (path, rule, message) of each violation.
fn said(found: Vec<Violation>) -> Vec<(String, String, String)> {
    found
        .into_iter()
        .map(|v| (v.path, v.rule, v.message))
        .collect()
}

fn one(path: &str, rule: &str, message: &str) -> Vec<(String, String, String)> {
    vec![(path.into(), rule.into(), message.into())]
}

#[test]
fn a_misspelled_required_field_is_one_violation_at_the_key_written() {
    let found = office_with(|body| {
        let period = body
            .remove("plan_period")
            .expect("the example has plan_period");
        body.insert("plan_peroid".into(), period);
    });
    assert_eq!(
        said(found),
        one(
            "$.plan_peroid",
            "additionalProperties",
            "is not a field of this object; did you mean `plan_period` (required)?"
        )
    );
}

#[test]
fn a_misspelled_optional_field_is_suggested_and_a_far_one_is_not() {
    let found = office_with(|body| {
        body.insert("ring_second".into(), json!(30));
    });
    assert_eq!(
        said(found),
        one(
            "$.ring_second",
            "additionalProperties",
            "is not a field of this object; did you mean `ring_seconds`?"
        )
    );
    let found = office_with(|body| {
        body.insert("colour".into(), json!("blue"));
    });
    assert_eq!(
        said(found),
        one(
            "$.colour",
            "additionalProperties",
            "is not a field of this object"
        )
    );
    // A field already given is not what an extra key meant.
    let found = office_with(|body| {
        body.insert("countyr".into(), json!("US"));
    });
    assert_eq!(
        said(found),
        one(
            "$.countyr",
            "additionalProperties",
            "is not a field of this object"
        )
    );
}

#[test]
fn an_enum_value_gets_the_value_meant_when_one_is_clear() {
    let country = |value: &str| {
        let value = value.to_string();
        said(office_with(move |body| {
            body.insert("country".into(), json!(value));
        }))
    };
    let message = |suffix: &str| {
        let total = Validator::dialpad()
            .request_body("create_office", &json!({"country": "XX"}))
            .iter()
            .find(|v| v.path == "$.country")
            .map(|v| v.message.clone())
            .expect("a country violation");
        format!("{total}{suffix}")
    };
    for (written, meant) in [("UK", "GB"), ("EL", "GR"), ("us", "US"), ("Gb", "GB")] {
        assert_eq!(
            country(written),
            one(
                "$.country",
                "enum",
                &message(&format!("; did you mean `{meant}`?"))
            ),
            "{written}"
        );
    }
    assert_eq!(country("QQ"), one("$.country", "enum", &message("")));
}

#[test]
fn a_date_of_the_right_form_that_does_not_exist_says_why() {
    let message = |start: &str| {
        let body = json!({
            "name": "Closed", "type": "HOLIDAY", "level": "ORGANIZATION",
            "callForwarding": {"enabled": false, "destination": "+19705550006"},
            "holidays": [{"name": "Inventory", "allDayEnabled": true,
                          "startDate": start, "endDate": "2027-12-31"}]
        });
        let found = Validator::webex().request_body("create_operating_mode", &body);
        said(found.into_vec())
    };
    let at = "$.holidays[0].startDate";
    assert_eq!(
        message("2027-02-30"),
        one(
            at,
            "format",
            "must be a date as YYYY-MM-DD (February 2027 has 28 days)"
        )
    );
    assert_eq!(
        message("2027-13-01"),
        one(
            at,
            "format",
            "must be a date as YYYY-MM-DD (there is no month 13)"
        )
    );
    assert_eq!(
        message("01/02/2027"),
        one(at, "format", "must be a date as YYYY-MM-DD")
    );
}
