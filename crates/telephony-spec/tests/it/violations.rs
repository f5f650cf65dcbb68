//! What the validation tests compare: each vendor's request example, and the violations the
//! validator finds in a body as `(path, rule)` pairs.

use serde_json::Value;
use telephony_spec::Vendor;
use telephony_spec::validate::Validator;

/// The request example of `operation` in `vendor`'s spec.
pub fn example(vendor: Vendor, operation: &str) -> Value {
    let spec = vendor.spec().expect("spec");
    telephony_spec::request_example(&spec, operation).expect("example")
}

/// `(path, rule)` of every violation `validator` finds in `body` sent to `operation`, in order.
pub fn found(validator: &Validator, operation: &str, body: &Value) -> Vec<(String, String)> {
    validator
        .request_body(operation, body)
        .into_vec()
        .into_iter()
        .map(|v| (v.path, v.rule))
        .collect()
}

/// One violation at `path` of `rule`.
pub fn one(path: &str, rule: &str) -> Vec<(String, String)> {
    vec![(path.to_string(), rule.to_string())]
}
