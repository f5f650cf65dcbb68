//! What the validator suggests for a key or an enum value that is not the spec's: the nearest
//! one when it is clear, and a required field meant by a misspelled key reported once.

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
