//! Flattens the operations of an OpenAPI 3.0 document into comparable facts.
//!
//! A fact is `(location, facet) = value`: `create_office/request/body/ring_seconds` ·
//! `maximum` = `45`; `#` stands for every item of an array (`holidays/#/name`). Locations name operations by our `operationId` and fields by their path
//! in the body, so two documents that name their components differently, split a schema into
//! `$ref`s differently or word their descriptions differently still compare equal. Prose
//! (`description`, `summary`, `example`) and our own `x-` extensions are not facts, with one
//! exception: `x-telephony-known-values` on a string is compared as if it were its `enum`,
//! because that is what it records.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

/// How deep a schema is followed; deeper nodes (a recursive schema) are not compared.
const MAX_DEPTH: usize = 24;

/// Facts by location, then facet.
pub type Facts = BTreeMap<String, BTreeMap<String, String>>;

/// The facet that says a location exists at all.
pub const PRESENT: &str = "present";

/// Keywords whose value is compared as written (compact JSON).
const PLAIN: [&str; 10] = [
    "format",
    "pattern",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
];

/// Collects the facts of one operation of `doc` under `name`.
pub fn operation(doc: &Value, name: &str, route: &str, method: &str, facts: &mut Facts) {
    let Some(op) = doc["paths"][route].get(method) else {
        return;
    };
    let mut out = Collector { doc, facts };
    out.put(name, PRESENT, "yes");
    out.put(name, "method", &method.to_uppercase());
    out.put(name, "path", route);
    if let Some(id) = op["operationId"].as_str() {
        out.put(name, "operationId", id);
    }
    let shared = doc["paths"][route]["parameters"].as_array();
    let own = op["parameters"].as_array();
    for parameter in shared.into_iter().chain(own).flatten() {
        let parameter = out.resolve(parameter);
        let (Some(place), Some(key)) = (parameter["in"].as_str(), parameter["name"].as_str())
        else {
            continue;
        };
        let at = format!("{name}/parameters/{place}/{key}");
        out.put(&at, PRESENT, "yes");
        out.put(&at, "required", &flag(&parameter["required"]));
        out.schema(&at, &parameter["schema"], 0);
    }
    let body = out.resolve(&op["requestBody"]);
    if body.is_object() {
        let at = format!("{name}/request");
        out.put(&at, PRESENT, "yes");
        out.put(&at, "required", &flag(&body["required"]));
        out.content(&at, &body["content"]);
    }
    for (status, response) in entries(&op["responses"]) {
        let at = format!("{name}/responses/{status}");
        let response = out.resolve(response);
        out.put(&at, PRESENT, "yes");
        for (header, definition) in entries(&response["headers"]) {
            let definition = out.resolve(definition);
            let place = format!("{at}/headers/{header}");
            out.put(&place, PRESENT, "yes");
            out.schema(&place, &definition["schema"], 0);
        }
        out.content(&at, &response["content"]);
    }
}

/// `true`/`false` for an optional boolean keyword (absent is false).
fn flag(value: &Value) -> String {
    value.as_bool().unwrap_or(false).to_string()
}

/// The members of a JSON object, or none.
fn entries(value: &Value) -> impl Iterator<Item = (&String, &Value)> {
    value.as_object().into_iter().flatten()
}

struct Collector<'a> {
    doc: &'a Value,
    facts: &'a mut Facts,
}

impl<'a> Collector<'a> {
    fn put(&mut self, at: &str, facet: &str, value: &str) {
        self.facts
            .entry(at.to_string())
            .or_default()
            .insert(facet.to_string(), value.to_string());
    }

    fn resolve<'v>(&self, value: &'v Value) -> &'v Value
    where
        'a: 'v,
    {
        telephony_spec::doc::resolve(self.doc, value)
    }

    /// The media types of a body, and the schema of its JSON one.
    fn content(&mut self, at: &str, content: &'a Value) {
        let types: BTreeSet<&str> = entries(content).map(|(media, _)| media.as_str()).collect();
        if types.is_empty() {
            return;
        }
        let listed: Vec<&str> = types.iter().copied().collect();
        self.put(at, "content-types", &listed.join(", "));
        let json = ["application/json", "*/*"]
            .iter()
            .find_map(|media| content.get(*media));
        if let Some(media) = json {
            let place = format!("{at}/body");
            self.put(&place, PRESENT, "yes");
            self.schema(&place, &media["schema"], 0);
        }
    }

    /// The facts of one schema, and of its properties and items below it.
    fn schema(&mut self, at: &str, schema: &Value, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        let merged = self.merge(schema);
        let kind = match merged.get("type").and_then(Value::as_str) {
            Some(kind) => kind.to_string(),
            None if merged.contains_key("anyOf") => self.alternatives(&merged["anyOf"]),
            None if merged.contains_key("properties") => "object".to_string(),
            None if merged.contains_key("items") => "array".to_string(),
            None => "any".to_string(),
        };
        self.put(at, "type", &kind);
        // `nullable` on a member of an `anyOf` makes the whole schema nullable.
        let member_nullable = merged
            .get("anyOf")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .any(|member| self.merge(member).get("nullable") == Some(&Value::Bool(true)));
        let nullable = member_nullable || merged.get("nullable") == Some(&Value::Bool(true));
        self.put(at, "nullable", &nullable.to_string());
        for keyword in PLAIN {
            if let Some(value) = merged.get(keyword) {
                self.put(at, keyword, &value.to_string());
            }
        }
        if let Some(value) = merged.get("default") {
            self.put(at, "default", &value.to_string());
        }
        let closed = merged.get("enum").and_then(Value::as_array);
        let known = merged
            .get("x-telephony-known-values")
            .and_then(Value::as_array);
        if let Some(values) = closed.or(known) {
            let shape = if closed.is_some() { "closed" } else { "open" };
            self.put(at, "enum", shape);
            for value in values {
                let shown = value
                    .as_str()
                    .map_or_else(|| value.to_string(), str::to_string);
                self.put(at, &format!("value {shown}"), "listed");
            }
        }
        let merged = Value::Object(merged);
        let required: BTreeSet<&str> = telephony_spec::doc::required(&merged).collect();
        if let Some(properties) = merged.get("properties").and_then(Value::as_object) {
            for (key, property) in properties {
                let place = format!("{at}/{key}");
                self.put(&place, PRESENT, "yes");
                self.put(
                    &place,
                    "required",
                    &required.contains(key.as_str()).to_string(),
                );
                self.schema(&place, property, depth + 1);
            }
        }
        if let Some(items) = merged.get("items") {
            let place = format!("{at}/#");
            self.put(&place, PRESENT, "yes");
            self.schema(&place, items, depth + 1);
        }
    }

    /// The types an `anyOf` allows, in order (`integer | string`); a member without a `type`
    /// counts as `any`.
    fn alternatives(&self, members: &Value) -> String {
        let kinds: Vec<String> = members
            .as_array()
            .into_iter()
            .flatten()
            .map(|member| {
                self.merge(member)
                    .get("type")
                    .and_then(Value::as_str)
                    .unwrap_or("any")
                    .to_string()
            })
            .collect();
        kinds.join(" | ")
    }

    /// A schema with its `$ref` followed and its `allOf` members folded in (later members'
    /// keywords win; `properties` and `required` are united), so that the two ways of
    /// writing the same schema give the same facts.
    fn merge(&self, schema: &Value) -> serde_json::Map<String, Value> {
        let schema = self.resolve(schema);
        let mut merged = serde_json::Map::new();
        for part in schema["allOf"].as_array().into_iter().flatten() {
            for (key, value) in self.merge(part) {
                fold(&mut merged, key, value);
            }
        }
        for (key, value) in entries(schema) {
            if key != "allOf" && key != "$ref" {
                fold(&mut merged, key.clone(), value.clone());
            }
        }
        merged
    }
}

/// Adds one keyword to a merged schema.
fn fold(merged: &mut serde_json::Map<String, Value>, key: String, value: Value) {
    match (merged.get_mut(&key), value) {
        (Some(Value::Object(have)), Value::Object(more)) if key == "properties" => {
            have.extend(more);
        }
        (Some(Value::Array(have)), Value::Array(more)) if key == "required" => {
            have.extend(more);
        }
        (_, value) => {
            merged.insert(key, value);
        }
    }
}
