//! Reading a request's query parameters as the spec declares them.
//!
//! A query string is text; the spec says each parameter's type. The mock reads `start`, `max`
//! and the like through this, so a `max=0` is refused by the spec's `minimum` and an absent one
//! takes the spec's `default`, exactly as the documented API says.

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::index::Index;
use crate::interpret::Interpreter;
use crate::violation::{Path, ViolationList};

/// The query parameters of `operation_id` read from `given`: each known one as its schema's
/// type and checked against that schema, an absent one as its schema `default` (if any), an
/// unknown one left out. The violations name `$.query.<name>`.
pub(crate) fn read(
    index: &Index,
    operation_id: &str,
    given: &HashMap<String, String>,
) -> Result<Map<String, Value>, ViolationList> {
    let parameters = index
        .operation(operation_id)
        .and_then(|op| op.get("parameters"))
        .and_then(Value::as_array);
    let interpreter = Interpreter::new(index);
    let mut read = Map::new();
    let mut violations = ViolationList::default();
    for parameter in parameters.into_iter().flatten() {
        let (parameter, _) = index.resolve(parameter);
        if parameter.get("in").and_then(Value::as_str) != Some("query") {
            continue;
        }
        let (Some(name), Some(schema)) = (
            parameter.get("name").and_then(Value::as_str),
            parameter.get("schema"),
        ) else {
            continue;
        };
        let (resolved, _) = index.resolve(schema);
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
        interpreter.check(schema, &value, &at, &mut violations);
        read.insert(name.to_string(), value);
    }
    if violations.is_empty() {
        Ok(read)
    } else {
        Err(violations)
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
