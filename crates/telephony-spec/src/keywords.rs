//! Refuses a spec whose schemas use a keyword or `format` the validator does not interpret:
//! skipped silently, it would weaken validation in the client and the mock alike.

use serde_json::Value;

use crate::error::SpecError;

/// The schema keywords this validator interprets, and those that only annotate (descriptions,
/// examples, defaults). Any other keyword in a schema — `oneOf`, `allOf`, `not`, `multipleOf`,
/// a misspelling — would be skipped silently, weakening validation in the client and the mock
/// alike, so a spec that uses one is refused when loaded.
const SCHEMA_KEYWORDS: [&str; 28] = [
    "anyOf",
    "type",
    "format",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "enum",
    "pattern",
    "maxLength",
    "minLength",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "maxItems",
    "minItems",
    "uniqueItems",
    "nullable",
    "$ref",
    "default",
    "description",
    "title",
    "example",
    "readOnly",
    "writeOnly",
    "deprecated",
    "externalDocs",
];

/// The `format`s this validator checks.
const FORMATS: [&str; 3] = ["date", "int32", "int64"];

/// Refuses a spec whose schemas use a keyword or `format` this validator does not interpret,
/// naming it and where (`x-` extensions are annotations and pass).
pub(crate) fn check_keywords(path: &str, doc: &Value) -> Result<(), SpecError> {
    let mut roots: Vec<(String, &Value)> = Vec::new();
    for (name, schema) in children(&doc["components"]["schemas"]) {
        roots.push((format!("#/components/schemas/{name}"), schema));
    }
    for (name, header) in children(&doc["components"]["headers"]) {
        if let Some(schema) = header.get("schema") {
            roots.push((format!("#/components/headers/{name}/schema"), schema));
        }
    }
    for (name, response) in children(&doc["components"]["responses"]) {
        for (media, content) in children(&response["content"]) {
            if let Some(schema) = content.get("schema") {
                roots.push((
                    format!("#/components/responses/{name}/content/{media}/schema"),
                    schema,
                ));
            }
        }
    }
    for (route, item) in children(&doc["paths"]) {
        for (method, operation) in children(item) {
            let at = format!("#/paths/{route}/{method}");
            for (index, parameter) in operation["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .enumerate()
            {
                if let Some(schema) = parameter.get("schema") {
                    roots.push((format!("{at}/parameters/{index}/schema"), schema));
                }
            }
            for (media, content) in children(&operation["requestBody"]["content"]) {
                if let Some(schema) = content.get("schema") {
                    roots.push((format!("{at}/requestBody/content/{media}/schema"), schema));
                }
            }
            for (status, response) in children(&operation["responses"]) {
                for (media, content) in children(&response["content"]) {
                    if let Some(schema) = content.get("schema") {
                        roots.push((
                            format!("{at}/responses/{status}/content/{media}/schema"),
                            schema,
                        ));
                    }
                }
            }
        }
    }
    for (pointer, schema) in roots {
        check_schema(path, &pointer, schema)?;
    }
    Ok(())
}

fn check_schema(path: &str, pointer: &str, schema: &Value) -> Result<(), SpecError> {
    let Some(map) = schema.as_object() else {
        return Ok(());
    };
    let unsupported = |keyword: &str| SpecError::Unsupported {
        path: path.to_string(),
        pointer: pointer.to_string(),
        keyword: keyword.to_string(),
    };
    for (key, value) in map {
        if key.starts_with("x-") {
            continue;
        }
        if !SCHEMA_KEYWORDS.contains(&key.as_str()) {
            return Err(unsupported(key));
        }
        if key == "format" {
            let format = value.as_str().unwrap_or_default();
            if !FORMATS.contains(&format) {
                return Err(unsupported(&format!("format: {format}")));
            }
        }
    }
    if let Some(properties) = map.get("properties").and_then(Value::as_object) {
        for (name, property) in properties {
            check_schema(
                path,
                &format!("{pointer}/properties/{}", escape(name)),
                property,
            )?;
        }
    }
    for key in ["items", "additionalProperties"] {
        if let Some(inner) = map.get(key).filter(|v| v.is_object()) {
            check_schema(path, &format!("{pointer}/{key}"), inner)?;
        }
    }
    for (index, member) in map
        .get("anyOf")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        check_schema(path, &format!("{pointer}/anyOf/{index}"), member)?;
    }
    Ok(())
}

/// The entries of an object, with their keys escaped for a JSON pointer (none for anything
/// else).
fn children(value: &Value) -> Vec<(String, &Value)> {
    value
        .as_object()
        .map(|map| map.iter().map(|(k, v)| (escape(k), v)).collect())
        .unwrap_or_default()
}

/// A JSON-pointer segment (`~` and `/` escaped).
fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}
