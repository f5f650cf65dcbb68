//! JSON values as the surface writes them: maps in key order, strings bare, anything else as
//! compact JSON with sorted keys, so the rendered text never depends on the order of the YAML.

use serde_json::{Map, Value};

/// The entries of a map (none for `None`), sorted by key.
pub(super) fn sorted(map: Option<&Map<String, Value>>) -> Vec<(&String, &Value)> {
    let mut entries: Vec<(&String, &Value)> = map.into_iter().flatten().collect();
    entries.sort_by(|a, b| a.0.cmp(b.0));
    entries
}

/// A string as its bare text; anything else as compact JSON.
pub(super) fn plain(value: &Value) -> String {
    value
        .as_str()
        .map(str::to_string)
        .unwrap_or_else(|| json(value))
}

/// Compact JSON with object keys sorted, so the text never depends on map order.
pub(super) fn json(value: &Value) -> String {
    fn canonical(value: &Value) -> Value {
        match value {
            Value::Object(map) => {
                let mut entries: Vec<(&String, &Value)> = map.iter().collect();
                entries.sort_by(|a, b| a.0.cmp(b.0));
                Value::Object(
                    entries
                        .into_iter()
                        .map(|(k, v)| (k.clone(), canonical(v)))
                        .collect(),
                )
            }
            Value::Array(items) => Value::Array(items.iter().map(canonical).collect()),
            other => other.clone(),
        }
    }
    canonical(value).to_string()
}
