//! Validation of JSON values against the curated specs, driven by the specs themselves.
//!
//! The generated types enforce only part of a spec (string patterns and lengths, enums) and stop
//! at the first problem. This module interprets the schema keywords the specs use (`type`,
//! `nullable`, `required`, `properties`, `additionalProperties`, `enum`, `pattern`,
//! `minLength`/`maxLength`, `minimum`/`maximum`, `minItems`/`maxItems`, `uniqueItems`,
//! `format: date`) and the `x-telephony-rules` extension, and reports **every** violation with
//! its JSON path. The client checks a request with it before sending, and the mock server
//! checks what it receives with the same code, so the two cannot disagree.
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

use crate::rules::{Rule, RuleError};
pub use crate::violation::{MAX_VIOLATIONS, Violation, ViolationList};
use crate::violation::{Path, is_date};
use crate::{SpecError, Vendor};

/// Enums with more values than this are not spelled out in messages.
const ENUM_IN_MESSAGE_MAX: usize = 12;

/// A validator for one spec: the document plus its compiled patterns and rules.
#[derive(Debug)]
pub struct Validator {
    doc: Value,
    /// Component schemas by their `$ref` (`#/components/schemas/Name`), so that following a
    /// reference is one hash lookup rather than a JSON-pointer walk.
    components: HashMap<String, Value>,
    patterns: HashMap<String, regress::Regex>,
    rules: HashMap<String, Vec<Rule>>,
    /// The request schemas compiled for checking typed values, on first use.
    compiled: OnceLock<crate::typed::Compiled>,
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
        let doc = serde_json::to_value(spec).map_err(|source| SpecError::Json {
            path: name.to_string(),
            source,
        })?;
        crate::keywords::check_keywords(name, &doc)?;
        let mut patterns = HashMap::new();
        let mut rules = HashMap::new();
        collect(&doc, "#", &mut |pointer, schema| {
            if let Some(pattern) = schema.get("pattern").and_then(Value::as_str) {
                let regex = regress::Regex::new(pattern).map_err(|err| SpecError::Pattern {
                    path: name.to_string(),
                    pointer: pointer.to_string(),
                    message: err.to_string(),
                })?;
                patterns.insert(pattern.to_string(), regex);
            }
            if let Some(list) = schema.get("x-telephony-rules") {
                let is_component = pointer
                    .strip_prefix("#/components/schemas/")
                    .is_some_and(|name| !name.contains('/'));
                if !is_component {
                    return Err(SpecError::Rule {
                        path: name.to_string(),
                        pointer: pointer.to_string(),
                        message: "x-telephony-rules must sit on a component schema".into(),
                    });
                }
                let parsed =
                    Rule::parse_list(list).map_err(|RuleError(message)| SpecError::Rule {
                        path: name.to_string(),
                        pointer: pointer.to_string(),
                        message,
                    })?;
                rules.insert(pointer.to_string(), parsed);
            }
            Ok(())
        })?;
        let components = doc
            .pointer("/components/schemas")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
            .map(|(name, schema)| (format!("#/components/schemas/{name}"), schema.clone()))
            .collect();
        Ok(Validator {
            doc,
            components,
            patterns,
            rules,
            compiled: OnceLock::new(),
        })
    }

    /// Checks a request body of the operation `operation_id`; an unknown operation or one
    /// without a JSON body is reported as a violation at `$`.
    pub fn request_body(&self, operation_id: &str, body: &Value) -> ViolationList {
        match self.request_schema(operation_id) {
            Some(schema) => self.value(schema, body),
            None => vec![Violation {
                path: "$".into(),
                rule: "operation".into(),
                message: format!("the spec has no JSON request body for operation {operation_id}"),
            }]
            .into(),
        }
    }

    /// As [`Validator::request_body`], for a typed value (such as a generated request type):
    /// the same violations, found without turning a valid value into JSON first (see
    /// `typed.rs`); an invalid one is turned into JSON and checked as such.
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
        let compiled = self
            .compiled
            .get_or_init(|| crate::typed::Compiled::new(self));
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

    /// Every operation with a JSON request body, and its schema.
    pub(crate) fn request_schemas(&self) -> impl Iterator<Item = (&str, &Value)> {
        crate::doc::operations(&self.doc).filter_map(|op| {
            let id = op.definition.get("operationId")?.as_str()?;
            Some((
                id,
                op.definition
                    .pointer("/requestBody/content/application~1json/schema")?,
            ))
        })
    }

    /// A compiled pattern of the spec.
    pub(crate) fn pattern(&self, pattern: &str) -> Option<&regress::Regex> {
        self.patterns.get(pattern)
    }

    /// The rules of the component schema at `pointer`.
    pub(crate) fn rules_at(&self, pointer: &str) -> Option<&Vec<Rule>> {
        self.rules.get(pointer)
    }

    /// Follows `$ref`s (see [`crate::doc::resolve_with`]).
    pub(crate) fn resolve_schema<'a>(&'a self, schema: &'a Value) -> (&'a Value, Option<&'a str>) {
        self.resolve(schema)
    }

    /// Checks a value against the component schema `name` (such as `CreateOfficeMessage`).
    pub fn schema(&self, name: &str, value: &Value) -> ViolationList {
        let reference = Value::String(format!("#/components/schemas/{name}"));
        self.value(&serde_json::json!({ "$ref": reference }), value)
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
        let properties = self
            .doc
            .pointer(&format!("/components/schemas/{name}/properties"))
            .and_then(Value::as_object);
        properties
            .into_iter()
            .flatten()
            .filter_map(|(field, property)| {
                let (property, _) = self.resolve(property);
                let default = property
                    .get("x-telephony-default")
                    .or_else(|| property.get("default"))?;
                Some((field.clone(), default.clone()))
            })
            .collect()
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
        self.operation(operation_id)?.get(key)
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
        let parameters = self
            .operation(operation_id)
            .and_then(|op| op.get("parameters"))
            .and_then(Value::as_array);
        let mut read = serde_json::Map::new();
        let mut violations = ViolationList::default();
        for parameter in parameters.into_iter().flatten() {
            let (parameter, _) = self.resolve(parameter);
            if parameter.get("in").and_then(Value::as_str) != Some("query") {
                continue;
            }
            let (Some(name), Some(schema)) = (
                parameter.get("name").and_then(Value::as_str),
                parameter.get("schema"),
            ) else {
                continue;
            };
            let (resolved, _) = self.resolve(schema);
            let value = match given.get(name) {
                Some(text) => typed_text(resolved.get("type").and_then(Value::as_str), text),
                None => match resolved.get("default") {
                    Some(default) => default.clone(),
                    None => continue,
                },
            };
            let root = Path::Root;
            let query = Path::Field(&root, "query");
            let at = Path::Field(&query, name);
            self.check(schema, &value, &at, &mut violations);
            read.insert(name.to_string(), value);
        }
        if violations.is_empty() {
            Ok(read)
        } else {
            Err(violations)
        }
    }

    /// The request rate the operation documents (`x-telephony-rate-limit`), as requests per
    /// number of seconds.
    ///
    /// ```
    /// let limit = telephony_spec::validate::Validator::dialpad().rate_limit("create_office");
    /// assert_eq!(limit, Some((1200, 60)));
    /// ```
    pub fn rate_limit(&self, operation_id: &str) -> Option<(u32, u64)> {
        let limit = self.operation_extension(operation_id, "x-telephony-rate-limit")?;
        let requests = u32::try_from(limit.get("requests")?.as_u64()?).ok()?;
        Some((requests, limit.get("per-seconds")?.as_u64()?))
    }

    /// A numeric limit the operation documents in `x-telephony-limits`.
    ///
    /// ```
    /// let webex = telephony_spec::validate::Validator::webex();
    /// assert_eq!(webex.limit("create_operating_mode", "max-operating-modes-per-scope"), Some(100));
    /// ```
    pub fn limit(&self, operation_id: &str, key: &str) -> Option<u64> {
        self.operation_extension(operation_id, "x-telephony-limits")?
            .get(key)?
            .as_u64()
    }

    /// The `maxItems` of an array property of the component schema `schema`.
    ///
    /// ```
    /// let webex = telephony_spec::validate::Validator::webex();
    /// assert_eq!(webex.max_items("OperatingModePostObject", "holidays"), Some(150));
    /// ```
    pub fn max_items(&self, schema: &str, property: &str) -> Option<usize> {
        let property = self.doc.pointer(&format!(
            "/components/schemas/{schema}/properties/{property}"
        ))?;
        let (property, _) = self.resolve(property);
        usize::try_from(property.get("maxItems")?.as_u64()?).ok()
    }

    /// The operation whose `operationId` is `operation_id`.
    fn operation(&self, operation_id: &str) -> Option<&Value> {
        crate::doc::operation(&self.doc, operation_id).map(|op| op.definition)
    }

    fn request_schema(&self, operation_id: &str) -> Option<&Value> {
        self.operation(operation_id)?
            .pointer("/requestBody/content/application~1json/schema")
    }

    fn value(&self, schema: &Value, value: &Value) -> ViolationList {
        let mut out = ViolationList::default();
        self.check(schema, value, &Path::Root, &mut out);
        out
    }

    /// Follows `$ref`s; returns the schema and the pointer it was found at (for its rules).
    fn resolve<'a>(&'a self, schema: &'a Value) -> (&'a Value, Option<&'a str>) {
        crate::doc::resolve_with(&self.doc, schema, |reference| {
            self.components.get(reference)
        })
    }

    fn check(&self, schema: &Value, value: &Value, path: &Path<'_>, out: &mut ViolationList) {
        let (schema, at) = self.resolve(schema);
        if let Some(members) = schema.get("anyOf").and_then(Value::as_array)
            && value.is_null()
        {
            // `nullable` of an `anyOf` sits on its members.
            self.check_any_of(members, value, path, out);
            return;
        }
        if value.is_null() {
            if !schema
                .get("nullable")
                .and_then(Value::as_bool)
                .unwrap_or(false)
            {
                out.push(path.violation("nullable", "must not be null"));
            }
            return;
        }
        if let Some(members) = schema.get("anyOf").and_then(Value::as_array) {
            self.check_any_of(members, value, path, out);
        }
        let expected = schema.get("type").and_then(Value::as_str);
        if let Some(expected) = expected
            && !has_type(value, expected)
        {
            out.push(path.violation(
                "type",
                format!("must be {} (found {})", article(expected), kind(value)),
            ));
            return;
        }
        if let Some(values) = schema.get("enum").and_then(Value::as_array)
            && !values.contains(value)
        {
            out.push(path.violation("enum", enum_message(values, at)));
        }
        match value {
            Value::String(text) => self.check_string(schema, text, path, out),
            Value::Number(number) => check_number(schema, number, path, out),
            Value::Array(items) => self.check_array(schema, items, path, out),
            Value::Object(map) => self.check_object(schema, at, map, path, out),
            _ => {}
        }
    }

    /// `anyOf`: the value passes when one member passes; otherwise one violation names what
    /// the members allow (`must be an integer or a string matching ...`).
    fn check_any_of(
        &self,
        members: &[Value],
        value: &Value,
        path: &Path<'_>,
        out: &mut ViolationList,
    ) {
        let mut allowed = Vec::new();
        for member in members {
            let mut scratch = ViolationList::default();
            self.check(member, value, path, &mut scratch);
            if scratch.is_empty() {
                return;
            }
            let (member, _) = self.resolve(member);
            let kind = member
                .get("type")
                .and_then(Value::as_str)
                .unwrap_or("any value");
            allowed.push(match member.get("pattern").and_then(Value::as_str) {
                Some(pattern) => format!("{} matching {pattern}", article(kind)),
                None => article(kind),
            });
        }
        out.push(path.violation(
            "anyOf",
            format!("must be {} (found {})", allowed.join(" or "), kind(value)),
        ));
    }

    fn check_string(&self, schema: &Value, text: &str, path: &Path<'_>, out: &mut ViolationList) {
        let length = text.chars().count() as u64;
        if let Some(max) = schema.get("maxLength").and_then(Value::as_u64)
            && length > max
        {
            out.push(path.violation(
                "maxLength",
                format!(
                    "must be at most {} (found {length})",
                    plural(max, "character")
                ),
            ));
        }
        if let Some(min) = schema.get("minLength").and_then(Value::as_u64)
            && length < min
        {
            out.push(path.violation(
                "minLength",
                format!(
                    "must be at least {} (found {length})",
                    plural(min, "character")
                ),
            ));
        }
        if let Some(pattern) = schema.get("pattern").and_then(Value::as_str) {
            let matches = self
                .patterns
                .get(pattern)
                .is_some_and(|re| re.find(text).is_some());
            if !matches {
                out.push(path.violation("pattern", pattern_message(pattern)));
            }
        }
        if schema.get("format").and_then(Value::as_str) == Some("date") && !is_date(text) {
            out.push(path.violation("format", "must be a date as YYYY-MM-DD"));
        }
    }

    fn check_array(
        &self,
        schema: &Value,
        items: &[Value],
        path: &Path<'_>,
        out: &mut ViolationList,
    ) {
        let count = items.len() as u64;
        if let Some(max) = schema.get("maxItems").and_then(Value::as_u64)
            && count > max
        {
            out.push(path.violation(
                "maxItems",
                format!("must have at most {} (found {count})", plural(max, "item")),
            ));
        }
        if let Some(min) = schema.get("minItems").and_then(Value::as_u64)
            && count < min
        {
            out.push(path.violation(
                "minItems",
                format!("must have at least {} (found {count})", plural(min, "item")),
            ));
        }
        if schema.get("uniqueItems").and_then(Value::as_bool) == Some(true) {
            let duplicate = items
                .iter()
                .enumerate()
                .any(|(i, a)| items[..i].contains(a));
            if duplicate {
                out.push(path.violation("uniqueItems", "must not repeat an item"));
            }
        }
        if let Some(item_schema) = schema.get("items") {
            for (index, item) in items.iter().enumerate() {
                self.check(item_schema, item, &Path::Index(path, index), out);
            }
        }
    }

    fn check_object(
        &self,
        schema: &Value,
        at: Option<&str>,
        map: &serde_json::Map<String, Value>,
        path: &Path<'_>,
        out: &mut ViolationList,
    ) {
        let properties = schema.get("properties").and_then(Value::as_object);
        for name in crate::doc::required(schema) {
            if !map.contains_key(name) {
                out.push(Path::Field(path, name).violation("required", "is required"));
            }
        }
        let additional = schema.get("additionalProperties");
        for (name, value) in map {
            match properties.and_then(|p| p.get(name)) {
                Some(property) => self.check(property, value, &Path::Field(path, name), out),
                None => match additional {
                    Some(Value::Bool(false)) => out.push(
                        Path::Field(path, name)
                            .violation("additionalProperties", "is not a field of this object"),
                    ),
                    Some(extra @ Value::Object(_)) => {
                        self.check(extra, value, &Path::Field(path, name), out)
                    }
                    _ => {}
                },
            }
        }
        let rules = at.and_then(|pointer| self.rules.get(pointer));
        let default_of = |field: &str| {
            let property = properties?.get(field)?;
            self.resolve(property).0.get("default").cloned()
        };
        for rule in rules.into_iter().flatten() {
            rule.check(map, path, &default_of, out);
        }
    }
}

/// A query parameter's text as the JSON value its schema type says: a number or boolean when
/// it reads as one, otherwise the text itself (which the type check then refuses).
fn typed_text(kind: Option<&str>, text: &str) -> Value {
    let parsed = match kind {
        Some("integer") => text.parse::<i64>().ok().map(Value::from),
        Some("number") => text.parse::<f64>().ok().map(Value::from),
        Some("boolean") => match text {
            "true" => Some(Value::Bool(true)),
            "false" => Some(Value::Bool(false)),
            _ => None,
        },
        _ => None,
    };
    parsed.unwrap_or_else(|| Value::String(text.to_string()))
}

/// "1 item", "2 items".
fn plural(count: u64, noun: &str) -> String {
    match count {
        1 => format!("1 {noun}"),
        n => format!("{n} {noun}s"),
    }
}

fn has_type(value: &Value, expected: &str) -> bool {
    match expected {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        _ => true,
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(n) if n.is_f64() => "a fractional number",
        Value::Number(_) => "an integer",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn article(ty: &str) -> String {
    match ty {
        "object" | "array" | "integer" => format!("an {ty}"),
        _ => format!("a {ty}"),
    }
}

fn enum_message(values: &[Value], at: Option<&str>) -> String {
    let listed: Vec<String> = values
        .iter()
        .map(|v| {
            v.as_str()
                .map(str::to_string)
                .unwrap_or_else(|| v.to_string())
        })
        .collect();
    if listed.len() <= ENUM_IN_MESSAGE_MAX {
        return format!("must be one of: {}", listed.join(", "));
    }
    let name = at
        .and_then(|r| r.rsplit('/').next())
        .unwrap_or("this field");
    format!("must be one of the {} values of {name}", listed.len())
}

fn pattern_message(pattern: &str) -> String {
    match pattern {
        "^[^\\r\\n]*$" => "must be a single line (no line breaks)".into(),
        "^([01][0-9]|2[0-3]):[0-5][0-9]$" => "must be a time as HH:MM (00:00 to 23:59)".into(),
        "^[0-9]$" => "must be a single key 0-9".into(),
        other => format!("must match the pattern {other}"),
    }
}

fn check_number(
    schema: &Value,
    number: &serde_json::Number,
    path: &Path<'_>,
    out: &mut ViolationList,
) {
    let Some(n) = number.as_f64() else { return };
    let exclusive = |key: &str| schema.get(key).and_then(Value::as_bool).unwrap_or(false);
    let fits = match schema.get("format").and_then(Value::as_str) {
        Some("int64") => Some((number.is_i64(), "a 64-bit signed integer")),
        Some("int32") => Some((
            number.as_i64().is_some_and(|v| i32::try_from(v).is_ok()),
            "a 32-bit signed integer",
        )),
        _ => None,
    };
    if let Some((false, what)) = fits {
        out.push(path.violation("format", format!("must fit in {what} (found {number})")));
    }
    if let Some(max) = schema.get("maximum").and_then(Value::as_f64)
        && (n > max || (exclusive("exclusiveMaximum") && n >= max))
    {
        out.push(path.violation(
            "maximum",
            format!("must be at most {} (found {number})", trim(max)),
        ));
    }
    if let Some(min) = schema.get("minimum").and_then(Value::as_f64)
        && (n < min || (exclusive("exclusiveMinimum") && n <= min))
    {
        out.push(path.violation(
            "minimum",
            format!("must be at least {} (found {number})", trim(min)),
        ));
    }
}

fn trim(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

/// Calls `visit` with every schema object in the document (and its JSON pointer), depth first.
fn collect(
    value: &Value,
    pointer: &str,
    visit: &mut dyn FnMut(&str, &Value) -> Result<(), SpecError>,
) -> Result<(), SpecError> {
    match value {
        Value::Object(map) => {
            visit(pointer, value)?;
            for (key, inner) in map {
                let escaped = key.replace('~', "~0").replace('/', "~1");
                collect(inner, &format!("{pointer}/{escaped}"), visit)?;
            }
        }
        Value::Array(items) => {
            for (index, inner) in items.iter().enumerate() {
                collect(inner, &format!("{pointer}/{index}"), visit)?;
            }
        }
        _ => {}
    }
    Ok(())
}
