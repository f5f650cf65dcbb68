//! A spec read once for checking values against it: the document as JSON, its component
//! schemas by `$ref`, its patterns compiled and its `x-telephony-rules` parsed.
//!
//! The JSON Schema interpreter, the typed walk, query reading and the vendor facts all read
//! the spec through this index, so each finds an operation or follows a `$ref` the same way,
//! and a pattern that does not compile or a rule that is not understood refuses the spec once,
//! when it is loaded.

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::error::SpecError;
use crate::rules::{Rule, RuleError};

/// The media type of the request bodies checked, as a JSON-pointer segment.
const JSON_BODY_SCHEMA: &str = "/requestBody/content/application~1json/schema";

/// One spec, indexed.
#[derive(Debug)]
pub(crate) struct Index {
    doc: Value,
    /// Component schemas by their `$ref` (`#/components/schemas/Name`), so that following a
    /// reference is one hash lookup rather than a JSON-pointer walk.
    components: HashMap<String, Value>,
    patterns: HashMap<String, regress::Regex>,
    rules: HashMap<String, Vec<Rule>>,
}

impl Index {
    /// Indexes a spec; `name` only names it in errors. Fails on a keyword the validator does
    /// not interpret, a pattern that does not compile or an `x-telephony-rules` entry it does
    /// not understand.
    pub(crate) fn new(name: &str, spec: &openapiv3::OpenAPI) -> Result<Index, SpecError> {
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
        Ok(Index {
            doc,
            components,
            patterns,
            rules,
        })
    }

    /// Follows `$ref`s; returns the schema and the pointer it was found at (for its rules).
    pub(crate) fn resolve<'a>(&'a self, schema: &'a Value) -> (&'a Value, Option<&'a str>) {
        crate::doc::resolve_with(&self.doc, schema, |reference| {
            self.components.get(reference)
        })
    }

    /// The operation whose `operationId` is `operation_id`.
    pub(crate) fn operation(&self, operation_id: &str) -> Option<&Value> {
        crate::doc::operation(&self.doc, operation_id).map(|op| op.definition)
    }

    /// The JSON request body schema of the operation `operation_id`.
    pub(crate) fn request_schema(&self, operation_id: &str) -> Option<&Value> {
        self.operation(operation_id)?.pointer(JSON_BODY_SCHEMA)
    }

    /// Every operation with a JSON request body, and its schema.
    pub(crate) fn request_schemas(&self) -> impl Iterator<Item = (&str, &Value)> {
        crate::doc::operations(&self.doc).filter_map(|op| {
            let id = op.definition.get("operationId")?.as_str()?;
            Some((id, op.definition.pointer(JSON_BODY_SCHEMA)?))
        })
    }

    /// The properties of the component schema `name`, as the document writes them.
    /// The component schema `name`, as the document writes it.
    pub(crate) fn component(&self, name: &str) -> Option<&Value> {
        self.doc.pointer(&format!("/components/schemas/{name}"))
    }

    pub(crate) fn component_properties(&self, name: &str) -> Option<&Map<String, Value>> {
        self.doc
            .pointer(&format!("/components/schemas/{name}/properties"))
            .and_then(Value::as_object)
    }

    /// The property `property` of the component schema `schema`, as the document writes it.
    pub(crate) fn component_property(&self, schema: &str, property: &str) -> Option<&Value> {
        self.doc.pointer(&format!(
            "/components/schemas/{schema}/properties/{property}"
        ))
    }

    /// A compiled pattern of the spec.
    pub(crate) fn pattern(&self, pattern: &str) -> Option<&regress::Regex> {
        self.patterns.get(pattern)
    }

    /// The rules of the component schema at `pointer`.
    pub(crate) fn rules_at(&self, pointer: &str) -> Option<&[Rule]> {
        self.rules.get(pointer).map(Vec::as_slice)
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
