//! Validation of JSON values against the curated specs, driven by the specs themselves.
//!
//! The generated types enforce only part of a spec (string patterns and lengths, enums) and stop
//! at the first problem. The [`Validator`] interprets the schema keywords the specs use (`type`,
//! `nullable`, `required`, `properties`, `additionalProperties`, `enum`, `pattern`,
//! `minLength`/`maxLength`, `minimum`/`maximum`, `minItems`/`maxItems`, `uniqueItems`,
//! `format: date`) and the `x-telephony-rules` extension, and reports **every** violation with
//! its JSON path. The client checks a request with it before sending, and the mock server
//! checks what it receives with the same code, so the two cannot disagree.
//!
//! This module is the public face of that work: the spec's index, the schema interpreter, the
//! typed walk, query reading and the vendor facts each live in their own module, and a
//! `Validator` holds one spec's index and answers through them.
//!
//! ```
//! use serde_json::json;
//! use telephony_spec::validate::Validator;
//!
//! let webex = Validator::webex();
//! let problems = webex.request_body("create_operating_mode", &json!({
//!     "name": "Day", "type": "SAME_HOURS_DAILY", "level": "LOCATION",
//!     "callForwarding": {"destination": "+19705550006"}
//! }));
//! let paths: Vec<&str> = problems.iter().map(|v| v.path.as_str()).collect();
//! assert_eq!(paths, ["$.locationId", "$.sameHoursDaily"]);
//! ```

use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

use serde_json::Value;

use crate::Vendor;
use crate::error::SpecError;
use crate::index::Index;
use crate::interpret::Interpreter;
use crate::typed::Compiled;
pub use crate::violation::{MAX_VIOLATIONS, Violation, ViolationList};

/// A validator for one spec: the document plus its compiled patterns and rules.
#[derive(Debug)]
pub struct Validator {
    index: Index,
    /// The request schemas compiled for checking typed values, on first use.
    compiled: OnceLock<Compiled>,
}

static DIALPAD: LazyLock<Validator> = LazyLock::new(|| {
    Validator::for_vendor(Vendor::Dialpad).expect("the embedded Dialpad spec is checked by tests")
});
static WEBEX: LazyLock<Validator> = LazyLock::new(|| {
    Validator::for_vendor(Vendor::Webex).expect("the embedded Webex spec is checked by tests")
});

impl Validator {
    /// The validator of the embedded Dialpad spec (built once, then shared).
    pub fn dialpad() -> &'static Validator {
        &DIALPAD
    }

    /// The validator of the embedded Webex spec (built once, then shared).
    pub fn webex() -> &'static Validator {
        &WEBEX
    }

    /// Builds a validator for a vendor's embedded spec.
    pub fn for_vendor(vendor: Vendor) -> Result<Validator, SpecError> {
        Validator::new(vendor.spec_path(), &vendor.spec()?)
    }

    /// Builds a validator for any spec; `name` only names it in errors. Fails on a pattern
    /// that does not compile or an `x-telephony-rules` entry it does not understand, so a typo
    /// in a spec is caught when the spec is loaded, not silently ignored.
    pub fn new(name: &str, spec: &openapiv3::OpenAPI) -> Result<Validator, SpecError> {
        Ok(Validator {
            index: Index::new(name, spec)?,
            compiled: OnceLock::new(),
        })
    }

    /// Checks a request body of the operation `operation_id`; an unknown operation or one
    /// without a JSON body is reported as a violation at `$`.
    pub fn request_body(&self, operation_id: &str, body: &Value) -> ViolationList {
        match self.index.request_schema(operation_id) {
            Some(schema) => Interpreter::new(&self.index).value(schema, body),
            None => vec![Violation {
                path: "$".into(),
                rule: "operation".into(),
                message: format!("the spec has no JSON request body for operation {operation_id}"),
            }]
            .into(),
        }
    }

    /// As [`Validator::request_body`], for a typed value (such as a generated request type):
    /// the same violations, found without turning a valid value into JSON first (see the
    /// crate's typed walk); an invalid one is turned into JSON and checked as such.
    ///
    /// ```
    /// use serde_json::json;
    /// let webex = telephony_spec::validate::Validator::webex();
    /// let mode = json!({"name": "Day", "type": "NONE", "level": "ORGANIZATION",
    ///                   "callForwarding": {"destination": "+19705550006"}});
    /// assert!(webex.request_body_typed("create_operating_mode", &mode).is_empty());
    /// ```
    pub fn request_body_typed(
        &self,
        operation_id: &str,
        body: &impl serde::Serialize,
    ) -> ViolationList {
        let compiled = self.compiled.get_or_init(|| Compiled::new(&self.index));
        if compiled.surely_valid(operation_id, body) {
            return ViolationList::default();
        }
        match serde_json::to_value(body) {
            Ok(value) => self.request_body(operation_id, &value),
            Err(err) => vec![Violation {
                path: "$".into(),
                rule: "types".into(),
                message: format!("cannot be written as JSON: {err}"),
            }]
            .into(),
        }
    }

    /// Checks a value against the component schema `name` (such as `CreateOfficeMessage`).
    pub fn schema(&self, name: &str, value: &Value) -> ViolationList {
        let reference = Value::String(format!("#/components/schemas/{name}"));
        Interpreter::new(&self.index).value(&serde_json::json!({ "$ref": reference }), value)
    }

    /// The value the vendor applies to each property of the component schema `name` when it is
    /// absent: its `x-telephony-default` or, failing that, its schema `default`.
    ///
    /// ```
    /// use serde_json::json;
    /// let defaults = telephony_spec::validate::Validator::dialpad().defaults("CreateOfficeMessage");
    /// assert!(defaults.contains(&("monday_hours".to_string(), json!(["08:00", "18:00"]))));
    /// assert!(defaults.contains(&("hours_on".to_string(), json!(false))));
    /// ```
    pub fn defaults(&self, name: &str) -> Vec<(String, Value)> {
        crate::facts::defaults(&self.index, name)
    }

    /// An extension (`x-…` key) of the operation `operation_id`, such as
    /// `x-telephony-rate-limit`.
    ///
    /// ```
    /// let limit = telephony_spec::validate::Validator::dialpad()
    ///     .operation_extension("create_office", "x-telephony-rate-limit")
    ///     .unwrap();
    /// assert_eq!(limit["requests"], 1200);
    /// ```
    pub fn operation_extension(&self, operation_id: &str, key: &str) -> Option<&Value> {
        crate::facts::operation_extension(&self.index, operation_id, key)
    }

    /// Reads the query parameters of a request of `operation_id` as the spec declares them:
    /// each known parameter converted to its schema's type (`integer`, `number`, `boolean`,
    /// else a string) and checked against that schema; an absent one takes its schema
    /// `default`, if any. Unknown parameters are left out. The violations name
    /// `$.query.<name>`.
    ///
    /// ```
    /// use std::collections::HashMap;
    /// let webex = telephony_spec::validate::Validator::webex();
    /// let read = webex
    ///     .query("list_operating_modes", &HashMap::from([("start".to_string(), "5".to_string())]))
    ///     .unwrap();
    /// assert_eq!((read["start"].as_i64(), read["max"].as_i64()), (Some(5), Some(10)));
    /// let refused = webex
    ///     .query("list_operating_modes", &HashMap::from([("max".to_string(), "0".to_string())]))
    ///     .unwrap_err();
    /// assert_eq!(refused[0].path, "$.query.max");
    /// ```
    pub fn query(
        &self,
        operation_id: &str,
        given: &HashMap<String, String>,
    ) -> Result<serde_json::Map<String, Value>, ViolationList> {
        crate::query::read(&self.index, operation_id, given)
    }

    /// The request rate the operation documents (`x-telephony-rate-limit`), as requests per
    /// number of seconds.
    ///
    /// ```
    /// let limit = telephony_spec::validate::Validator::dialpad().rate_limit("create_office");
    /// assert_eq!(limit, Some((1200, 60)));
    /// ```
    pub fn rate_limit(&self, operation_id: &str) -> Option<(u32, u64)> {
        crate::facts::rate_limit(&self.index, operation_id)
    }

    /// A numeric limit the operation documents in `x-telephony-limits`.
    ///
    /// ```
    /// let webex = telephony_spec::validate::Validator::webex();
    /// assert_eq!(webex.limit("create_operating_mode", "max-operating-modes-per-scope"), Some(100));
    /// ```
    pub fn limit(&self, operation_id: &str, key: &str) -> Option<u64> {
        crate::facts::limit(&self.index, operation_id, key)
    }

    /// The `maxItems` of an array property of the component schema `schema`.
    ///
    /// ```
    /// let webex = telephony_spec::validate::Validator::webex();
    /// assert_eq!(webex.max_items("OperatingModePostObject", "holidays"), Some(150));
    /// ```
    pub fn max_items(&self, schema: &str, property: &str) -> Option<usize> {
        crate::facts::max_items(&self.index, schema, property)
    }

    /// The names of the properties of the component schema `name`, in the document's order
    /// (none for a schema that does not exist).
    ///
    /// ```
    /// let dialpad = telephony_spec::validate::Validator::dialpad();
    /// assert!(dialpad.properties("OfficeProto").contains(&"timezone".to_string()));
    /// assert!(dialpad.properties("NoSuchSchema").is_empty());
    /// ```
    pub fn properties(&self, name: &str) -> Vec<String> {
        self.index
            .component_properties(name)
            .map(|properties| properties.keys().cloned().collect())
            .unwrap_or_default()
    }

    /// The names of the required properties of the component schema `name`.
    ///
    /// ```
    /// let dialpad = telephony_spec::validate::Validator::dialpad();
    /// assert!(dialpad.required("CreateOfficeMessage").contains(&"billing_address".to_string()));
    /// ```
    pub fn required(&self, name: &str) -> Vec<String> {
        self.index
            .component(name)
            .and_then(|schema| schema.get("required"))
            .and_then(serde_json::Value::as_array)
            .map(|names| {
                names
                    .iter()
                    .filter_map(|n| n.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests;
