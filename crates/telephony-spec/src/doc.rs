//! Reading an OpenAPI document as JSON: following `$ref`s and finding an operation by its id.
//!
//! One implementation of each, shared by the validator, the API surface and
//! `cargo xtask drift` (which reads vendors' documents with it too).
//!
//! ```
//! use serde_json::json;
//! use telephony_spec::doc;
//!
//! let spec = json!({
//!     "paths": {"/things": {"post": {"operationId": "create_thing",
//!         "requestBody": {"$ref": "#/components/requestBodies/Thing"}}}},
//!     "components": {"requestBodies": {"Thing": {"required": true}}}
//! });
//! let op = doc::operation(&spec, "create_thing").unwrap();
//! assert_eq!((op.route, op.method), ("/things", "post"));
//! assert_eq!(doc::resolve(&spec, &op.definition["requestBody"])["required"], true);
//! ```

use serde_json::Value;

/// The most `$ref` hops followed from one value; a longer chain is a cycle and stops there.
pub const MAX_REF_HOPS: usize = 32;

/// Follows local `$ref`s (`#/…`) from `value` and returns what they point at. A reference
/// that points nowhere (or outside the document) is returned as is.
pub fn resolve<'a>(doc: &'a Value, value: &'a Value) -> &'a Value {
    resolve_with(doc, value, |_| None).0
}

/// Like [`resolve`], and also returns the last reference followed. `known` may answer a
/// reference before the JSON-pointer walk (the validator keeps its components in a map).
pub fn resolve_with<'a>(
    doc: &'a Value,
    mut value: &'a Value,
    known: impl Fn(&str) -> Option<&'a Value>,
) -> (&'a Value, Option<&'a str>) {
    let mut followed = None;
    for _ in 0..MAX_REF_HOPS {
        let Some(reference) = value.get("$ref").and_then(Value::as_str) else {
            break;
        };
        let target = known(reference).or_else(|| {
            reference
                .strip_prefix('#')
                .and_then(|pointer| doc.pointer(pointer))
        });
        match target {
            Some(target) => {
                followed = Some(reference);
                value = target;
            }
            None => break,
        }
    }
    (value, followed)
}

/// The names an object schema lists as `required` (none when it lists none).
pub fn required(schema: &Value) -> impl Iterator<Item = &str> {
    schema
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
}

/// An operation of a document.
#[derive(Debug, Clone, Copy)]
pub struct Operation<'a> {
    /// Its path, such as `/api/v2/offices`.
    pub route: &'a str,
    /// Its method in lower case, as the document writes it.
    pub method: &'a str,
    /// Its definition.
    pub definition: &'a Value,
}

/// HTTP methods an OpenAPI path item can hold.
pub const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Every operation of a document, in path order.
pub fn operations(doc: &Value) -> impl Iterator<Item = Operation<'_>> {
    doc.get("paths")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .flat_map(|(route, item)| {
            METHODS.iter().filter_map(move |method| {
                item.get(*method).map(|definition| Operation {
                    route,
                    method,
                    definition,
                })
            })
        })
}

/// The operation whose `operationId` is `operation_id`.
pub fn operation<'a>(doc: &'a Value, operation_id: &str) -> Option<Operation<'a>> {
    operations(doc)
        .find(|op| op.definition.get("operationId").and_then(Value::as_str) == Some(operation_id))
}
