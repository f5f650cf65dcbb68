//! Checks a request against the vendor's curated spec before it leaves the process.
//!
//! The generated types enforce only string patterns, lengths and enums, and stop at the first
//! problem. These functions apply every constraint and `x-telephony-rules` entry of the spec —
//! ranges, counts, ascending hour pairs, E911 for US/CA/AU/FR/GB/NZ, Webex's "mandatory if"
//! rules, date order — and report all violations at once with JSON paths. They run the same
//! code as the mock server ([`telephony_spec::validate`]), driven by the spec itself.
//!
//! ```
//! use serde_json::json;
//!
//! let problems = telephony::validate::webex_operating_mode(&json!({
//!     "name": "Hours", "type": "SAME_HOURS_DAILY", "level": "LOCATION",
//!     "callForwarding": {"destination": "+19705550006"}
//! }))
//! .unwrap_err();
//! assert_eq!(problems.len(), 2);
//! assert_eq!(problems.iter().next().unwrap().path, "$.locationId");
//! ```

use std::fmt;

use serde::Serialize;
use serde_json::Value;
use telephony_spec::validate::Validator;

pub use telephony_spec::validate::Violation;

/// Every violation found in one request (never empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violations(Vec<Violation>);

impl Violations {
    /// How many violations.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Always false: a `Violations` holds at least one.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The violations, in the order found.
    pub fn iter(&self) -> std::slice::Iter<'_, Violation> {
        self.0.iter()
    }

    /// The violations as a vector.
    pub fn into_vec(self) -> Vec<Violation> {
        self.0
    }
}

impl fmt::Display for Violations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, violation) in self.0.iter().enumerate() {
            if index > 0 {
                writeln!(f)?;
            }
            write!(f, "  {violation}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Violations {}

fn result(found: Vec<Violation>) -> Result<(), Violations> {
    if found.is_empty() {
        Ok(())
    } else {
        Err(Violations(found))
    }
}

/// Checks a Dialpad create-office body given as JSON.
pub fn dialpad_office(body: &Value) -> Result<(), Violations> {
    result(Validator::dialpad().request_body("create_office", body))
}

/// Checks a Webex create-operating-mode body given as JSON.
pub fn webex_operating_mode(body: &Value) -> Result<(), Violations> {
    result(Validator::webex().request_body("create_operating_mode", body))
}

/// Serializes a typed request to the JSON that would be sent.
pub(crate) fn to_json(body: &impl Serialize) -> Value {
    // The generated request types serialize to JSON objects and cannot fail.
    serde_json::to_value(body).unwrap_or(Value::Null)
}

/// Converts JSON that passed validation into a generated type; a leftover mismatch is still a
/// validation error, never a panic.
pub(crate) fn typed<T: serde::de::DeserializeOwned>(body: &Value) -> Result<T, crate::Error> {
    serde_json::from_value(body.clone())
        .map_err(|err| crate::Error::Validation(type_mismatch(err.to_string())))
}

/// A body the generated types refuse, as one violation at `$` (rule `types`).
pub(crate) fn type_mismatch(message: String) -> Violations {
    Violations(vec![Violation {
        path: "$".into(),
        rule: "types".into(),
        message,
    }])
}
