//! What one exported resource becomes before schedules are named: the create body that stands
//! for it exactly (the vendor's fields, as reported), and the schedule that could say the same
//! in the manifest's terms, when one can.

use serde_json::{Map, Value};
use telephony::{Holiday, Interval};

/// The open intervals of each day, Monday first.
pub type Days = [Vec<Interval>; 7];

/// One office or mode, ready to be written.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The body as a create would send it. When `schedule` is set, the fields it stands for
    /// are already taken out.
    pub body: Map<String, Value>,
    /// The schedule that gives back exactly the fields taken out of `body`.
    pub schedule: Option<Wanted>,
}

/// A schedule an entry can use instead of the vendor's fields.
#[derive(Debug, Clone, PartialEq)]
pub enum Wanted {
    /// Weekly hours; offices name their time zone, modes never do (Webex takes none).
    Weekly {
        days: Days,
        timezone: Option<String>,
    },
    /// The holidays of a HOLIDAY mode.
    Holidays(Vec<Holiday>),
}

impl Entry {
    /// An entry written with the vendor's fields only.
    pub fn direct(body: Map<String, Value>) -> Entry {
        Entry {
            body,
            schedule: None,
        }
    }

    /// The entry's `name`.
    pub fn name(&self) -> &str {
        self.body
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or_default()
    }
}

/// `value` without its `null`s, at any depth (an answer's absent fields).
pub fn without_nulls(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, without_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(without_nulls).collect()),
        other => other,
    }
}

/// The fields of `reported` named in `fields`, as they are.
pub fn pick(reported: &Value, fields: &[&str]) -> Map<String, Value> {
    fields
        .iter()
        .filter_map(|field| Some((field.to_string(), reported.get(*field)?.clone())))
        .collect()
}
