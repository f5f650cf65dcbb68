//! A Dialpad office made comparable, and the one change Dialpad's API offers for it: its E911
//! address. Compared: the fields of the create body that Dialpad's listing reports (both read
//! from the spec: `CreateOfficeMessage` and `OfficeProto`), so the billing fields, which Dialpad
//! never reports back, are not; the create's defaults written in on both sides. An E911 address
//! is compared without regard to case and with an empty line as no line (Dialpad's own examples
//! answer `SAN RAMON` and `us` for what was sent otherwise).

use serde_json::Value;
use telephony_spec::validate::Validator;

use super::normalize::{defaults, keep, tidy};

/// The field of the create body that `PUT /api/v2/offices/{id}/e911` changes.
pub const E911: &str = "e911_address";

/// The fields compared: those of the create body that the listing reports.
pub fn compared() -> Vec<String> {
    let dialpad = Validator::dialpad();
    let reported = dialpad.properties("OfficeProto");
    dialpad
        .properties("CreateOfficeMessage")
        .into_iter()
        .filter(|field| reported.contains(field))
        .collect()
}

/// `office` (a create body, or the office as listed) as compared.
pub fn normalized(office: &Value) -> Value {
    let mut value = office.clone();
    tidy(&mut value);
    let fields = compared();
    defaults(&mut value, Validator::dialpad(), "CreateOfficeMessage");
    keep(&mut value, &fields);
    if let Some(Value::Object(address)) = value.get_mut(E911) {
        address.retain(|_, v| v.as_str() != Some(""));
        for line in address.values_mut() {
            if let Value::String(text) = line {
                *text = text.trim().to_uppercase();
            }
        }
    }
    value
}

/// The body of the E911 update that gives the office the address `body` (the manifest's
/// create body) asks for, if it asks for one.
pub fn e911_update(body: &Value) -> Option<Value> {
    body.get(E911).filter(|a| a.is_object()).cloned()
}

/// Why the fields other than the E911 address cannot be updated.
pub const CANNOT: &str = "Dialpad's API changes only an office's E911 address; change the rest \
    in Dialpad's admin pages, or create a new office under a new name";

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn billing_is_not_compared_and_defaults_apply_to_both_sides() {
        let fields = compared();
        assert!(fields.contains(&"timezone".to_string()));
        assert!(!fields.contains(&"billing_address".to_string()));
        let body = json!({"name": "Denver", "country": "US", "currency": "USD"});
        let listed = json!({"id": "7", "name": "Denver", "country": "US", "state": "active",
            "monday_hours": ["08:00", "18:00"]});
        let (body, listed) = (normalized(&body), normalized(&listed));
        assert_eq!(body["monday_hours"], listed["monday_hours"]);
        assert!(body.get("currency").is_none());
        assert!(listed.get("state").is_none());
    }

    #[test]
    fn an_e911_address_compares_without_case() {
        let sent = json!({"e911_address": {"address": "3001 Bishop Dr", "address2": "",
            "city": "San Ramon", "country": "US", "state": "CA", "zip": "94583"}});
        let read = json!({"e911_address": {"address": "3001 BISHOP DR", "city": "SAN RAMON",
            "country": "us", "state": "ca", "zip": "94583", "address2": null}});
        assert_eq!(normalized(&sent)[E911], normalized(&read)[E911]);
        assert!(e911_update(&sent).is_some());
    }
}
