//! A plain-text rendering of everything a spec promises to a caller.
//!
//! Every server, security scheme, operation, parameter, body, response and schema field is one
//! line with its type, whether it is required or nullable, its enum values, limits and `x-`
//! extensions. Descriptions and examples are left out, so the snapshot of this text changes
//! only when the contract changes, and a spec edit shows up as a small diff a reviewer can read.
//! Schemas and fields are sorted by name so that moving things around in the YAML is not drift.
//!
//! ```
//! let spec = telephony_spec::Vendor::Webex.spec().unwrap();
//! let text = telephony_spec::surface::render(&spec).unwrap();
//! assert!(text.contains("operation create_operating_mode: POST /telephony/config/operatingModes"));
//! ```

mod canonical;

use std::fmt::Write as _;

use serde_json::Value;

use canonical::{json, plain, sorted};

/// Enums with more values than this list one value per line, so that a changed value is a
/// one-line diff.
const INLINE_ENUM_MAX: usize = 8;

/// Keys of a schema that are shown by the type label or by nesting, or not shown at all.
const NOT_CONSTRAINTS: &[&str] = &[
    "$ref",
    "type",
    "format",
    "description",
    "example",
    "title",
    "properties",
    "required",
    "items",
    "anyOf",
];

/// Renders the API surface of `spec`.
pub fn render(spec: &openapiv3::OpenAPI) -> Result<String, serde_json::Error> {
    let doc = serde_json::to_value(spec)?;
    let mut out = String::new();
    render_header(&mut out, &doc);
    if let Some(paths) = doc.get("paths").and_then(Value::as_object) {
        for (path, item) in paths {
            for (method, op) in item.as_object().into_iter().flatten() {
                if op.get("responses").is_some() {
                    render_operation(&mut out, &doc, path, method, op);
                }
            }
        }
    }
    let schemas = doc
        .pointer("/components/schemas")
        .and_then(Value::as_object);
    for (name, schema) in sorted(schemas) {
        out.push('\n');
        render_schema(&mut out, name, schema);
    }
    Ok(out)
}

fn render_header(out: &mut String, doc: &Value) {
    let text = |ptr: &str| doc.pointer(ptr).and_then(Value::as_str).unwrap_or("?");
    let _ = writeln!(
        out,
        "openapi {}: {} (version {})",
        text("/openapi"),
        text("/info/title"),
        text("/info/version")
    );
    for server in doc
        .get("servers")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let _ = writeln!(
            out,
            "server {}",
            server.get("url").and_then(Value::as_str).unwrap_or("?")
        );
    }
    if let Some(security) = doc.get("security") {
        let _ = writeln!(out, "security {}", security_alternatives(security));
    }
    let schemes = doc
        .pointer("/components/securitySchemes")
        .and_then(Value::as_object);
    for (name, scheme) in sorted(schemes) {
        let _ = writeln!(out, "security scheme {name}: {}", security_scheme(scheme));
    }
}

/// `a | b[scope]`: any one of the alternatives is enough.
fn security_alternatives(security: &Value) -> String {
    let alternatives: Vec<String> = security
        .as_array()
        .into_iter()
        .flatten()
        .map(|requirement| {
            let parts: Vec<String> = requirement
                .as_object()
                .into_iter()
                .flatten()
                .map(|(name, scopes)| match scopes.as_array() {
                    Some(list) if !list.is_empty() => format!("{name}{}", json(scopes)),
                    _ => name.clone(),
                })
                .collect();
            parts.join(" + ")
        })
        .collect();
    alternatives.join(" | ")
}

fn security_scheme(scheme: &Value) -> String {
    let field = |key: &str| scheme.get(key).and_then(Value::as_str).unwrap_or("?");
    match field("type") {
        "apiKey" => format!("apiKey in {} `{}`", field("in"), field("name")),
        "http" => format!("http {}", field("scheme")),
        "oauth2" => {
            let mut flows = Vec::new();
            for (flow, data) in scheme
                .get("flows")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
            {
                let scopes: Vec<&String> = data
                    .get("scopes")
                    .and_then(Value::as_object)
                    .map(|s| s.keys().collect())
                    .unwrap_or_default();
                flows.push(format!(
                    "{flow} (authorize {}, token {}, scopes {})",
                    data.get("authorizationUrl")
                        .and_then(Value::as_str)
                        .unwrap_or("-"),
                    data.get("tokenUrl").and_then(Value::as_str).unwrap_or("-"),
                    json(&Value::from(
                        scopes.into_iter().cloned().collect::<Vec<_>>()
                    ))
                ));
            }
            format!("oauth2 {}", flows.join(", "))
        }
        other => other.to_string(),
    }
}

fn render_operation(out: &mut String, doc: &Value, path: &str, method: &str, op: &Value) {
    let id = op
        .get("operationId")
        .and_then(Value::as_str)
        .unwrap_or("(no operationId)");
    let _ = writeln!(out, "\noperation {id}: {} {path}", method.to_uppercase());
    if let Some(security) = op.get("security") {
        let _ = writeln!(out, "  security {}", security_alternatives(security));
    }
    for (key, value) in extensions(op) {
        let _ = writeln!(out, "  {key}: {}", json(value));
    }
    for param in op
        .get("parameters")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let param = crate::doc::resolve(doc, param);
        let name = param.get("name").and_then(Value::as_str).unwrap_or("?");
        let location = param.get("in").and_then(Value::as_str).unwrap_or("?");
        let required = param
            .get("required")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let schema = param.get("schema").unwrap_or(&Value::Null);
        let _ = writeln!(
            out,
            "  parameter {location} {name}: {}",
            field_line(schema, required)
        );
    }
    if let Some(body) = op.get("requestBody") {
        let body = crate::doc::resolve(doc, body);
        let required = body
            .get("required")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        for (media, content) in body
            .get("content")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            let schema = content.get("schema").unwrap_or(&Value::Null);
            let _ = writeln!(
                out,
                "  request body {media}: {}",
                field_line(schema, required)
            );
        }
    }
    let responses = op.get("responses").and_then(Value::as_object);
    for (status, response) in sorted(responses) {
        let response = crate::doc::resolve(doc, response);
        let content = response.get("content").and_then(Value::as_object);
        let mut line = format!("  response {status}");
        match content {
            Some(content) if !content.is_empty() => {
                let bodies: Vec<String> = content
                    .iter()
                    .map(|(media, c)| {
                        let schema = c.get("schema").unwrap_or(&Value::Null);
                        format!("{media} {}", type_label(schema))
                    })
                    .collect();
                let _ = write!(line, ": {}", bodies.join(", "));
            }
            _ => line.push_str(": no body"),
        }
        let headers = response.get("headers").and_then(Value::as_object);
        for (name, header) in sorted(headers) {
            let header = crate::doc::resolve(doc, header);
            let schema = header.get("schema").unwrap_or(&Value::Null);
            let required = header
                .get("required")
                .and_then(Value::as_bool)
                .unwrap_or(false);
            let _ = write!(line, "; header {name}: {}", field_line(schema, required));
        }
        let _ = writeln!(out, "{line}");
    }
}

fn render_schema(out: &mut String, name: &str, schema: &Value) {
    let mut head = format!("schema {name}: {}", type_label(schema));
    for constraint in constraints(schema, false) {
        let _ = write!(head, ", {constraint}");
    }
    let _ = writeln!(out, "{head}");
    write_long_enum(out, "  ", schema);
    for (key, value) in extensions(schema) {
        write_extension(out, "  ", key, value);
    }
    render_properties(out, "  ", "", schema);
}

/// One line per property (and per property of an inline object, with a dotted name).
fn render_properties(out: &mut String, indent: &str, prefix: &str, schema: &Value) {
    let required: Vec<&str> = crate::doc::required(schema).collect();
    let properties = schema.get("properties").and_then(Value::as_object);
    for (name, property) in sorted(properties) {
        let is_required = required.contains(&name.as_str());
        let _ = writeln!(
            out,
            "{indent}{prefix}{name}: {}",
            field_line(property, is_required)
        );
        write_long_enum(out, &format!("{indent}  "), property);
        if property.get("properties").is_some() {
            render_properties(out, indent, &format!("{prefix}{name}."), property);
        }
    }
}

/// `type, required|optional, constraint, …` for a property, parameter or body.
fn field_line(schema: &Value, required: bool) -> String {
    let mut parts = vec![
        type_label(schema),
        if required { "required" } else { "optional" }.to_string(),
    ];
    parts.extend(constraints(schema, true));
    parts.join(", ")
}

/// `string`, `integer(int64)`, `array<HourMinute>`, a referenced schema's name, or the
/// alternatives of an `anyOf` (`integer(int64) | string(pattern=...)`).
fn type_label(schema: &Value) -> String {
    if let Some(members) = schema.get("anyOf").and_then(Value::as_array) {
        let labels: Vec<String> = members
            .iter()
            .map(|member| {
                let limits = constraints(member, true);
                match limits.is_empty() {
                    true => type_label(member),
                    false => format!("{}({})", type_label(member), limits.join(", ")),
                }
            })
            .collect();
        return labels.join(" | ");
    }
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        return reference
            .rsplit('/')
            .next()
            .unwrap_or(reference)
            .to_string();
    }
    let ty = schema.get("type").and_then(Value::as_str).unwrap_or("any");
    if ty == "array" {
        let items = schema
            .get("items")
            .map(type_label)
            .unwrap_or_else(|| "any".into());
        return format!("array<{items}>");
    }
    match schema.get("format").and_then(Value::as_str) {
        Some(format) => format!("{ty}({format})"),
        None => ty.to_string(),
    }
}

/// The limits, flags and enum values of a schema; `with_extensions` adds its `x-` keys inline.
fn constraints(schema: &Value, with_extensions: bool) -> Vec<String> {
    let mut parts = Vec::new();
    let Some(map) = schema.as_object() else {
        return parts;
    };
    for (key, value) in sorted(Some(map)) {
        if NOT_CONSTRAINTS.contains(&key.as_str()) || (key.starts_with("x-") && !with_extensions) {
            continue;
        }
        match (key.as_str(), value) {
            ("nullable", Value::Bool(true)) => parts.push("nullable".into()),
            ("nullable", Value::Bool(false)) => {}
            ("enum", Value::Array(values)) if values.len() > INLINE_ENUM_MAX => {
                parts.push(format!("enum({}) below", values.len()));
            }
            ("enum", Value::Array(values)) => {
                let list: Vec<String> = values.iter().map(plain).collect();
                parts.push(format!("enum({}) [{}]", values.len(), list.join(", ")));
            }
            _ => parts.push(format!("{key}={}", json(value))),
        }
    }
    if let Some(items) = schema.get("items").filter(|i| i.get("$ref").is_none()) {
        parts.extend(
            constraints(items, true)
                .into_iter()
                .map(|c| format!("items.{c}")),
        );
    }
    parts
}

/// The values of an enum too long for one line, one per line (in spec order).
fn write_long_enum(out: &mut String, indent: &str, schema: &Value) {
    let schema = schema
        .get("items")
        .filter(|i| i.get("$ref").is_none())
        .unwrap_or(schema);
    let values = schema.get("enum").and_then(Value::as_array);
    for value in values
        .filter(|v| v.len() > INLINE_ENUM_MAX)
        .into_iter()
        .flatten()
    {
        let _ = writeln!(out, "{indent}| {}", plain(value));
    }
}

/// Extension keys of a schema or operation, sorted.
fn extensions(value: &Value) -> Vec<(&String, &Value)> {
    sorted(value.as_object())
        .into_iter()
        .filter(|(key, _)| key.starts_with("x-"))
        .collect()
}

/// An extension holding a list of objects (such as rules) gets one line per entry.
fn write_extension(out: &mut String, indent: &str, key: &str, value: &Value) {
    match value.as_array() {
        Some(list) if list.iter().all(Value::is_object) => {
            let _ = writeln!(out, "{indent}{key}:");
            for entry in list {
                let _ = writeln!(out, "{indent}  - {}", json(entry));
            }
        }
        _ => {
            let _ = writeln!(out, "{indent}{key}: {}", json(value));
        }
    }
}
