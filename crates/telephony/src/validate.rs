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
use telephony_spec::validate::{Validator, ViolationList};

pub use telephony_spec::validate::{MAX_VIOLATIONS, Violation};

/// Every violation found in one request (never empty): the first [`MAX_VIOLATIONS`] (100)
/// with their paths, and the count of all of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violations(ViolationList);

impl Violations {
    /// How many violations were found (kept with their paths or not).
    pub fn len(&self) -> usize {
        self.0.total()
    }

    /// Always false: a `Violations` holds at least one.
    pub fn is_empty(&self) -> bool {
        self.0.total() == 0
    }

    /// How many were found beyond the first [`MAX_VIOLATIONS`] kept.
    pub fn omitted(&self) -> usize {
        self.0.omitted()
    }

    /// The kept violations, in the order found.
    pub fn iter(&self) -> std::slice::Iter<'_, Violation> {
        self.0.iter()
    }

    /// The kept violations as a vector.
    pub fn into_vec(self) -> Vec<Violation> {
        self.0.into_vec()
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
        if self.omitted() > 0 {
            write!(f, "\n  … and {} more", self.omitted())?;
        }
        Ok(())
    }
}

impl std::error::Error for Violations {}

fn result(found: ViolationList) -> Result<(), Violations> {
    if found.total() == 0 {
        Ok(())
    } else {
        Err(Violations(found))
    }
}

/// Checks a Dialpad create-office body given as JSON.
pub fn dialpad_office(body: &Value) -> Result<(), Violations> {
    result(Validator::dialpad().request_body("create_office", body))
}

/// Checks a Dialpad E911 address change (`update_office_e911`) given as JSON.
pub fn dialpad_e911(body: &Value) -> Result<(), Violations> {
    result(Validator::dialpad().request_body("update_office_e911", body))
}

/// Checks a typed Dialpad E911 address change (what [`DialpadClient::update_office_e911`]
/// does before sending).
///
/// [`DialpadClient::update_office_e911`]: crate::DialpadClient::update_office_e911
pub fn dialpad_e911_typed(
    address: &telephony_api::dialpad::types::E911UpdateMessage,
) -> Result<(), Violations> {
    result(Validator::dialpad().request_body_typed("update_office_e911", address))
}

/// Checks a Webex create-operating-mode body given as JSON.
pub fn webex_operating_mode(body: &Value) -> Result<(), Violations> {
    result(Validator::webex().request_body("create_operating_mode", body))
}

/// Checks a typed Dialpad create-office body (what [`DialpadClient::create_office`] does
/// before sending).
///
/// [`DialpadClient::create_office`]: crate::DialpadClient::create_office
pub fn dialpad_typed(
    office: &telephony_api::dialpad::types::CreateOfficeMessage,
) -> Result<(), Violations> {
    result(Validator::dialpad().request_body_typed("create_office", office))
}

/// Checks a typed Webex create-operating-mode body (what
/// [`WebexClient::create_operating_mode`] does before sending).
///
/// [`WebexClient::create_operating_mode`]: crate::WebexClient::create_operating_mode
pub fn webex_typed(
    mode: &telephony_api::webex::types::OperatingModePostObject,
) -> Result<(), Violations> {
    result(Validator::webex().request_body_typed("create_operating_mode", mode))
}

/// Checks a Webex modify-operating-mode body given as JSON.
pub fn webex_operating_mode_patch(body: &Value) -> Result<(), Violations> {
    result(Validator::webex().request_body("update_operating_mode", body))
}

/// Checks a typed Webex modify-operating-mode body (what
/// [`WebexClient::update_operating_mode`] does before sending).
///
/// [`WebexClient::update_operating_mode`]: crate::WebexClient::update_operating_mode
pub fn webex_patch_typed(
    change: &telephony_api::webex::types::OperatingModePatchObject,
) -> Result<(), Violations> {
    result(Validator::webex().request_body_typed("update_operating_mode", change))
}

/// Checks a Webex create-holiday body given as JSON.
pub fn webex_holiday(body: &Value) -> Result<(), Violations> {
    result(Validator::webex().request_body("create_operating_mode_holiday", body))
}

/// Checks a typed Webex create-holiday body (what
/// [`WebexClient::create_operating_mode_holiday`] does before sending).
///
/// [`WebexClient::create_operating_mode_holiday`]: crate::WebexClient::create_operating_mode_holiday
pub fn webex_holiday_typed(
    holiday: &telephony_api::webex::types::OperatingModeHolidayPostRequestObject,
) -> Result<(), Violations> {
    result(Validator::webex().request_body_typed("create_operating_mode_holiday", holiday))
}

/// Checks a Webex modify-holiday body given as JSON.
pub fn webex_holiday_patch(body: &Value) -> Result<(), Violations> {
    result(Validator::webex().request_body("update_operating_mode_holiday", body))
}

/// Checks a typed Webex modify-holiday body (what
/// [`WebexClient::update_operating_mode_holiday`] does before sending).
///
/// [`WebexClient::update_operating_mode_holiday`]: crate::WebexClient::update_operating_mode_holiday
pub fn webex_holiday_patch_typed(
    change: &telephony_api::webex::types::OperatingModeHolidayPatchObject,
) -> Result<(), Violations> {
    result(Validator::webex().request_body_typed("update_operating_mode_holiday", change))
}

/// `own` problems (found while building a body) followed by what validation `found`, less
/// the validator's complaints at a path an own problem already explains.
pub(crate) fn joined(own: Vec<Violation>, found: Result<(), Violations>) -> Result<(), Violations> {
    let explained: Vec<String> = own.iter().map(|v| v.path.clone()).collect();
    let mut all = ViolationList::from(own);
    if let Err(Violations(mut more)) = found {
        more.retain(|v| !explained.contains(&v.path));
        all.append(more);
    }
    result(all)
}

/// A body a builder gathered: its own `problems` and what validation found, or else the
/// body converted to the generated type.
pub(crate) fn built<T: serde::de::DeserializeOwned>(
    problems: Vec<Violation>,
    validated: Result<(), Violations>,
    body: Value,
) -> Result<T, Violations> {
    joined(problems, validated)?;
    serde_json::from_value(body).map_err(|err| type_mismatch(err.to_string()))
}

/// Serializes a typed request to the JSON that would be sent.
pub(crate) fn to_json(body: &impl Serialize) -> Value {
    // The generated request types serialize to JSON objects and cannot fail.
    serde_json::to_value(body).unwrap_or(Value::Null)
}

/// Converts JSON that passed validation into a generated type; a leftover mismatch is still a
/// validation error, never a panic. Boxed: a create holds the body across its whole run, and
/// inline it would enlarge the future of every create, typed ones included.
pub(crate) fn typed<T: serde::de::DeserializeOwned>(body: &Value) -> Result<Box<T>, crate::Error> {
    serde_json::from_value(body.clone())
        .map_err(|err| crate::Error::Validation(type_mismatch(err.to_string())))
}

/// A body the generated types refuse, as one violation at `$` (rule `types`).
pub(crate) fn type_mismatch(message: String) -> Violations {
    Violations(
        vec![Violation {
            path: "$".into(),
            rule: "types".into(),
            message,
        }]
        .into(),
    )
}
