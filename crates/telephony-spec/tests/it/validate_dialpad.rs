//! Every constraint and rule of the Dialpad spec, from both sides.

use serde_json::{Value, json};
use telephony_spec::Vendor;
use telephony_spec::validate::{Validator, Violation};

use crate::violations::{example, one};

/// The spec's own example (a US office), with the optional fields this file exercises.
fn office() -> Value {
    let mut body = example(Vendor::Dialpad, "create_office");
    let extra = json!({
        "hours_on": true,
        "monday_hours": ["08:00", "12:00", "13:00", "18:00"],
        "saturday_hours": [],
        "ring_seconds": 30,
        "group_description": "Front desk",
        "routing_options": {
            "open": {"action": "menu", "try_dial_operators": true,
                     "dtmf": [{"input": "1", "options": {"action": "department", "action_target_type": "department", "action_target_id": 7}}]},
            "closed": {"action": "voicemail", "try_dial_operators": false}
        },
        "voice_intelligence": {"auto_start": true, "allow_pause": false}
    });
    for (key, value) in extra.as_object().expect("object") {
        body[key] = value.clone();
    }
    body
}

fn check(body: &Value) -> Vec<Violation> {
    Validator::dialpad()
        .request_body("create_office", body)
        .into_vec()
}

fn with(field: &str, value: Value) -> Value {
    let mut body = office();
    body[field] = value;
    body
}

/// (path, rule) of every violation, in order.
fn found(body: &Value) -> Vec<(String, String)> {
    crate::violations::found(Validator::dialpad(), "create_office", body)
}

#[test]
fn the_spec_example_is_valid() {
    assert_eq!(check(&example(Vendor::Dialpad, "create_office")), vec![]);
}

#[test]
fn a_complete_office_is_valid() {
    assert_eq!(check(&office()), vec![]);
}

#[test]
fn every_missing_required_field_is_reported_at_once() {
    let paths: Vec<String> = check(&json!({})).into_iter().map(|v| v.path).collect();
    assert_eq!(
        paths,
        [
            "$.annual_commit_monthly_billing",
            "$.billing_address",
            "$.country",
            "$.currency",
            "$.invoiced",
            "$.name",
            "$.plan_period",
            "$.unified_billing"
        ]
    );
}

#[test]
fn nested_required_fields_have_nested_paths() {
    let body = with("billing_address", json!({"city": "Austin"}));
    let paths: Vec<String> = check(&body).into_iter().map(|v| v.path).collect();
    assert_eq!(
        paths,
        [
            "$.billing_address.address_line_1",
            "$.billing_address.country",
            "$.billing_address.postal_code",
            "$.billing_address.region"
        ]
    );
}

#[test]
fn ring_seconds_is_an_integer_from_10_to_45() {
    for ok in [10, 45, 27] {
        assert_eq!(found(&with("ring_seconds", json!(ok))), vec![], "{ok}");
    }
    assert_eq!(
        found(&with("ring_seconds", json!(9))),
        one("$.ring_seconds", "minimum")
    );
    assert_eq!(
        found(&with("ring_seconds", json!(46))),
        one("$.ring_seconds", "maximum")
    );
    assert_eq!(
        found(&with("ring_seconds", json!(30.5))),
        one("$.ring_seconds", "type")
    );
    assert_eq!(
        found(&with("ring_seconds", json!("30"))),
        one("$.ring_seconds", "type")
    );
}

#[test]
fn integers_fit_their_format() {
    let mut body = office();
    body["routing_options"]["open"]["dtmf"][0]["options"]["action_target_id"] =
        json!(9_223_372_036_854_775_807_i64);
    assert_eq!(found(&body), vec![]);
    let too_big: Value = serde_json::from_str("9223372036854775808").expect("a u64");
    body["routing_options"]["open"]["dtmf"][0]["options"]["action_target_id"] = too_big;
    assert_eq!(
        found(&body),
        one(
            "$.routing_options.open.dtmf[0].options.action_target_id",
            "format"
        )
    );
}

#[test]
fn group_description_is_at_most_256_characters() {
    assert_eq!(
        found(&with("group_description", json!("é".repeat(256)))),
        vec![]
    );
    let long = with("group_description", json!("é".repeat(257)));
    assert_eq!(found(&long), one("$.group_description", "maxLength"));
    assert_eq!(
        check(&long)[0].message,
        "must be at most 256 characters (found 257)"
    );
}

#[test]
fn single_line_strings_reject_line_breaks() {
    assert_eq!(
        found(&with("name", json!("Austin\nSouth"))),
        one("$.name", "pattern")
    );
    let mut body = office();
    body["billing_address"]["city"] = json!("Aus\rtin");
    body["e911_address"]["zip"] = json!("78701\n");
    assert_eq!(
        found(&body),
        vec![
            ("$.billing_address.city".into(), "pattern".into()),
            ("$.e911_address.zip".into(), "pattern".into())
        ]
    );
    assert_eq!(
        check(&body)[0].message,
        "must be a single line (no line breaks)"
    );
}

#[test]
fn dtmf_input_is_one_key() {
    for (input, ok) in [
        ("0", true),
        ("9", true),
        ("10", false),
        ("#", false),
        ("", false),
    ] {
        let mut body = office();
        body["routing_options"]["open"]["dtmf"][0]["input"] = json!(input);
        let expected = if ok {
            vec![]
        } else {
            one("$.routing_options.open.dtmf[0].input", "pattern")
        };
        assert_eq!(found(&body), expected, "{input:?}");
    }
}

#[test]
fn enums_are_enforced_with_readable_messages() {
    // The messages list the spec's values, so they are a snapshot: a value the vendor adds
    // changes the snapshot, not the test.
    let body = with("country", json!("XX"));
    assert_eq!(found(&body), one("$.country", "enum"));
    let country = check(&body)[0].message.clone();
    assert!(country.starts_with("must be one of the ") && country.ends_with(" values of Country"));

    let body = with("currency", json!("usd"));
    assert_eq!(found(&body), one("$.currency", "enum"));
    let currency = check(&body)[0].message.clone();
    assert!(currency.starts_with("must be one of: ") && currency.contains("USD"));
    insta::with_settings!({snapshot_path => "../snapshots", prepend_module_to_snapshot => false}, {
        insta::assert_snapshot!(
            "validate_dialpad__enum_messages",
            format!("country: {country}\ncurrency: {currency}")
        );
    });

    let mut body = office();
    body["routing_options"]["closed"]["action"] = json!("ai_agent");
    body["routing_options"]["open"]["operator_routing"] = json!("fastest");
    body["routing_options"]["open"]["dtmf"][0]["options"]["action_target_type"] = json!("team");
    assert_eq!(
        found(&body),
        vec![
            ("$.routing_options.closed.action".into(), "enum".into()),
            (
                "$.routing_options.open.dtmf[0].options.action_target_type".into(),
                "enum".into()
            ),
            (
                "$.routing_options.open.operator_routing".into(),
                "enum".into()
            ),
        ]
    );
}

#[test]
fn unknown_fields_are_rejected_everywhere() {
    let mut body = with("nickname", json!("ATX"));
    body["voice_intelligence"]["record"] = json!(true);
    assert_eq!(
        found(&body),
        vec![
            ("$.nickname".into(), "additionalProperties".into()),
            (
                "$.voice_intelligence.record".into(),
                "additionalProperties".into()
            )
        ]
    );
}

#[test]
fn null_is_absent_for_hours_and_an_error_elsewhere() {
    assert_eq!(found(&with("tuesday_hours", Value::Null)), vec![]);
    assert_eq!(found(&with("name", Value::Null)), one("$.name", "nullable"));
    assert_eq!(
        found(&with("timezone", Value::Null)),
        one("$.timezone", "nullable")
    );
}

#[test]
fn e911_address_is_required_for_six_countries() {
    for country in ["US", "CA", "AU", "FR", "GB", "NZ"] {
        let mut body = with("country", json!(country));
        body.as_object_mut().expect("object").remove("e911_address");
        assert_eq!(
            found(&body),
            one("$.e911_address", "e911-address-required"),
            "{country}"
        );
        assert_eq!(
            found(&with("country", json!(country))),
            vec![],
            "{country} with an address"
        );
    }
    for country in ["DE", "JP", "MX"] {
        let mut body = with("country", json!(country));
        body.as_object_mut().expect("object").remove("e911_address");
        assert_eq!(found(&body), vec![], "{country}");
    }
    let body = with("e911_address", Value::Null);
    assert_eq!(
        found(&body),
        vec![
            ("$.e911_address".into(), "nullable".into()),
            ("$.e911_address".into(), "e911-address-required".into())
        ]
    );
}

#[test]
fn hours_are_ascending_open_close_pairs() {
    let rule = "hours-open-close-pairs";
    assert_eq!(
        found(&with("friday_hours", json!(["00:00", "23:59"]))),
        vec![]
    );
    assert_eq!(found(&with("friday_hours", json!([]))), vec![]);
    assert_eq!(
        found(&with("friday_hours", json!(["08:00", "12:00", "13:00"]))),
        one("$.friday_hours", rule)
    );
    assert_eq!(
        found(&with(
            "friday_hours",
            json!(["08:00", "18:00", "12:00", "20:00"])
        )),
        one("$.friday_hours[2]", rule)
    );
    assert_eq!(
        found(&with("friday_hours", json!(["18:00", "08:00"]))),
        one("$.friday_hours[1]", rule)
    );
    assert_eq!(
        found(&with("friday_hours", json!(["08:00", "08:00"]))),
        one("$.friday_hours[1]", rule)
    );
    // A malformed time is one violation (its pattern), not also a pairing problem.
    assert_eq!(
        found(&with("friday_hours", json!(["08:00", "24:00"]))),
        one("$.friday_hours[1]", "pattern")
    );
    assert_eq!(
        found(&with("friday_hours", json!(["8:00", "18:00"]))),
        one("$.friday_hours[0]", "pattern")
    );
    assert_eq!(found(&with("friday_hours", json!([800, 1800]))).len(), 2);
}

#[test]
fn many_problems_are_reported_together() {
    let mut body = office();
    body["ring_seconds"] = json!(60);
    body["country"] = json!("CA");
    body.as_object_mut().expect("object").remove("e911_address");
    body["sunday_hours"] = json!(["10:00"]);
    body["routing_options"]["open"]["dtmf"][0]["input"] = json!("12");
    body["billing_address"]
        .as_object_mut()
        .expect("object")
        .remove("city");
    let found = found(&body);
    assert_eq!(found.len(), 5, "{found:?}");
}

#[test]
fn a_flood_of_violations_keeps_the_first_hundred_and_counts_the_rest() {
    let mut body = example(Vendor::Dialpad, "create_office");
    body["monday_hours"] = Value::Array(vec![Value::from("x"); 200_000]);
    let found = Validator::dialpad().request_body("create_office", &body);
    assert_eq!(found.len(), telephony_spec::validate::MAX_VIOLATIONS);
    assert!(found.total() >= 200_000, "{}", found.total());
    assert_eq!(found.omitted(), found.total() - 100);
    assert_eq!(found[0].path, "$.monday_hours[0]");

    let mut long_key = serde_json::Map::new();
    long_key.insert("k".repeat(100_000), Value::Null);
    body["billing_address"] = Value::Object(long_key);
    let found = Validator::dialpad().request_body("create_office", &body);
    assert!(found.iter().all(|v| v.path.len() <= 204), "paths are cut");
}

#[test]
fn the_office_name_may_not_be_empty() {
    assert_eq!(found(&with("name", json!(""))), one("$.name", "minLength"));
    assert_eq!(found(&with("name", json!("A"))), vec![]);
}

#[test]
fn a_dtmf_entry_needs_a_key_or_an_action() {
    let mut body = office();
    body["routing_options"]["open"]["dtmf"] = json!([{"input": "1"}, {}]);
    assert_eq!(
        found(&body),
        one("$.routing_options.open.dtmf[1]", "dtmf-entry-not-empty")
    );
    // Either one alone is what the vendor's page allows.
    body["routing_options"]["open"]["dtmf"] =
        json!([{"input": "2"}, {"options": {"action": "operator"}}]);
    assert_eq!(found(&body), vec![]);
}
