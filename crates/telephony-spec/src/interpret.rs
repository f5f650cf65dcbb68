//! The JSON Schema interpreter: checks a JSON value against a schema of the spec and reports
//! every violation with its JSON path.
//!
//! It reads the keywords the specs use (`type`, `nullable`, `anyOf`, `required`, `properties`,
//! `additionalProperties`, `enum`, `pattern`, `minLength`/`maxLength`, `minimum`/`maximum`,
//! `minItems`/`maxItems`, `uniqueItems`, `format`) and applies the component schemas'
//! `x-telephony-rules`. This is the one place that decides what a violation is; the typed walk
//! only answers "surely valid" and defers to it otherwise.

use serde_json::{Map, Number, Value};

use crate::dates::parse_date;
use crate::index::Index;
use crate::messages::{article, bound, did_you_mean, enum_message, kind, pattern_message, plural};
use crate::nearest::nearest;
use crate::violation::{Path, ViolationList};

/// Checks values against the schemas of one indexed spec.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Interpreter<'i> {
    index: &'i Index,
}

impl<'i> Interpreter<'i> {
    /// An interpreter of the schemas of `index`.
    pub(crate) fn new(index: &'i Index) -> Interpreter<'i> {
        Interpreter { index }
    }

    /// Every violation of `value` against `schema`, with paths from `$`.
    pub(crate) fn value(&self, schema: &Value, value: &Value) -> ViolationList {
        let mut out = ViolationList::default();
        self.check(schema, value, &Path::Root, &mut out);
        out
    }

    /// Adds to `out` every violation of `value`, found at `path`, against `schema`.
    pub(crate) fn check(
        &self,
        schema: &Value,
        value: &Value,
        path: &Path<'_>,
        out: &mut ViolationList,
    ) {
        let (schema, at) = self.index.resolve(schema);
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
            out.push(path.violation("enum", enum_message(values, at, value)));
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
            let (member, _) = self.index.resolve(member);
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
                .index
                .pattern(pattern)
                .is_some_and(|re| re.find(text).is_some());
            if !matches {
                out.push(path.violation("pattern", pattern_message(pattern)));
            }
        }
        if schema.get("format").and_then(Value::as_str) == Some("date")
            && let Err(err) = parse_date(text)
        {
            let reason = err.reason().map(|r| format!(" ({r})")).unwrap_or_default();
            out.push(path.violation("format", format!("must be a date as YYYY-MM-DD{reason}")));
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
        map: &Map<String, Value>,
        path: &Path<'_>,
        out: &mut ViolationList,
    ) {
        let properties = schema.get("properties").and_then(Value::as_object);
        let additional = schema.get("additionalProperties");
        let missing: Vec<&str> = crate::doc::required(schema)
            .filter(|name| !map.contains_key(*name))
            .collect();
        // A key that is not a field, and the field not given that it probably meant: a
        // required field meant is reported with the key, once, not again as missing.
        let meant = |name: &str| {
            let names: Vec<&str> = properties?
                .keys()
                .filter(|field| !map.contains_key(*field))
                .map(String::as_str)
                .collect();
            nearest(name, &names)
        };
        let unknown: Vec<(&str, Option<&str>)> = match additional {
            Some(Value::Bool(false)) => map
                .keys()
                .filter(|name| !properties.is_some_and(|p| p.contains_key(*name)))
                .map(|name| (name.as_str(), meant(name)))
                .collect(),
            _ => Vec::new(),
        };
        for name in &missing {
            if !unknown.iter().any(|(_, meant)| meant == &Some(*name)) {
                out.push(Path::Field(path, name).violation("required", "is required"));
            }
        }
        for (name, value) in map {
            match properties.and_then(|p| p.get(name)) {
                Some(property) => self.check(property, value, &Path::Field(path, name), out),
                None => match additional {
                    Some(Value::Bool(false)) => {
                        let meant = unknown
                            .iter()
                            .find(|(unknown, _)| unknown == name)
                            .and_then(|(_, meant)| *meant);
                        let note = match meant {
                            Some(meant) if missing.contains(&meant) => " (required)",
                            _ => "",
                        };
                        out.push(Path::Field(path, name).violation(
                            "additionalProperties",
                            format!("is not a field of this object{}", did_you_mean(meant, note)),
                        ))
                    }
                    Some(extra @ Value::Object(_)) => {
                        self.check(extra, value, &Path::Field(path, name), out)
                    }
                    _ => {}
                },
            }
        }
        let rules = at.and_then(|pointer| self.index.rules_at(pointer));
        let default_of = |field: &str| {
            let property = properties?.get(field)?;
            self.index.resolve(property).0.get("default").cloned()
        };
        for rule in rules.into_iter().flatten() {
            rule.check(map, path, &default_of, out);
        }
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

fn check_number(schema: &Value, number: &Number, path: &Path<'_>, out: &mut ViolationList) {
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
            format!("must be at most {} (found {number})", bound(max)),
        ));
    }
    if let Some(min) = schema.get("minimum").and_then(Value::as_f64)
        && (n < min || (exclusive("exclusiveMinimum") && n <= min))
    {
        out.push(path.violation(
            "minimum",
            format!("must be at least {} (found {number})", bound(min)),
        ));
    }
}
