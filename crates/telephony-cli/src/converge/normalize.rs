//! The steps that make what a manifest asks for and what a vendor holds comparable, applied the
//! same way to both sides: only the fields that are compared kept, the vendor's defaults
//! (`x-telephony-default`, else the schema's `default`, read from the spec) written in where a
//! field is absent, nulls dropped, whole floats written as integers (Webex may answer 4 as 4.0)
//! and integers written as strings read as numbers where the other side has a number (Dialpad's
//! answers write them so).

use serde_json::{Map, Value};
use telephony_spec::validate::Validator;

/// Keeps only `fields` of an object.
pub fn keep(value: &mut Value, fields: &[String]) {
    if let Value::Object(object) = value {
        object.retain(|key, _| fields.iter().any(|f| f == key));
    }
}

/// Writes the defaults of the component schema `schema` into the object `value` where a field
/// is absent (or null).
pub fn defaults(value: &mut Value, validator: &Validator, schema: &str) {
    let Value::Object(object) = value else { return };
    for (field, default) in validator.defaults(schema) {
        let absent = object.get(&field).is_none_or(Value::is_null);
        if absent {
            object.insert(field, default);
        }
    }
}

/// Drops null fields at every depth, and writes whole floats as integers.
pub fn tidy(value: &mut Value) {
    match value {
        Value::Object(object) => {
            object.retain(|_, v| !v.is_null());
            object.values_mut().for_each(tidy);
        }
        Value::Array(items) => items.iter_mut().for_each(tidy),
        Value::Number(number) => {
            if let Some(float) = number
                .as_f64()
                .filter(|_| !number.is_i64() && !number.is_u64())
                && float.fract() == 0.0
                && float.abs() < 9.0e15
            {
                *value = Value::from(float as i64);
            }
        }
        _ => {}
    }
}

/// Where `new` has a number and `old` a string of the same integer, `old` takes the number.
pub fn align_numbers(old: &mut Value, new: &Value) {
    match (old, new) {
        (Value::Object(old), Value::Object(new)) => {
            for (key, value) in old.iter_mut() {
                if let Some(other) = new.get(key) {
                    align_numbers(value, other);
                }
            }
        }
        (Value::Array(old), Value::Array(new)) if old.len() == new.len() => {
            for (value, other) in old.iter_mut().zip(new) {
                align_numbers(value, other);
            }
        }
        (old @ Value::String(_), Value::Number(number)) => {
            let parsed = old
                .as_str()
                .and_then(|text| text.trim().parse::<i64>().ok());
            if parsed.is_some() && parsed == number.as_i64() {
                *old = Value::Number(number.clone());
            }
        }
        _ => {}
    }
}

/// The object at `field` of `value`, when there is one.
pub fn object_at<'v>(value: &'v mut Value, field: &str) -> Option<&'v mut Map<String, Value>> {
    value.get_mut(field).and_then(Value::as_object_mut)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn defaults_fill_only_what_is_absent() {
        let webex = Validator::webex();
        let mut forwarding = json!({"destination": "+1", "enabled": true});
        defaults(&mut forwarding, webex, "OperatingModeCallForwarding");
        // What was given stays; what was absent takes the spec's default (a field the vendor
        // adds with a default joins them, and is not this test's to list).
        assert_eq!(forwarding["destination"], "+1");
        assert_eq!(forwarding["enabled"], true);
        assert_eq!(forwarding["destinationVoicemailEnabled"], false);
    }

    #[test]
    fn nulls_go_and_whole_floats_become_integers() {
        let mut value = json!({"a": null, "b": [4.0, 4.5], "c": {"d": null}});
        tidy(&mut value);
        assert_eq!(value, json!({"b": [4, 4.5], "c": {}}));
    }

    #[test]
    fn integers_written_as_strings_match_numbers() {
        let mut old = json!({"ring_seconds": "30", "name": "30"});
        align_numbers(&mut old, &json!({"ring_seconds": 30, "name": "30"}));
        assert_eq!(old, json!({"ring_seconds": 30, "name": "30"}));
        let mut other = json!({"ring_seconds": "31"});
        align_numbers(&mut other, &json!({"ring_seconds": 30}));
        assert_eq!(other, json!({"ring_seconds": "31"}));
    }
}
