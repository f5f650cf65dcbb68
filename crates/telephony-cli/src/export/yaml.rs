//! A manifest written as YAML for people to read and commit: block mappings and lists, a list
//! of scalars on one line (`["08:00-17:00"]`), keys in the manifest's reading order (`name`
//! first, days Monday first), and every string quoted that could be read as anything else
//! (`"ON"`, `"+13125550100"`, `"2027-01-04"`, `"09:00"`). Comments come first, one per line.

use serde_json::{Map, Value};

/// Keys written before the others, in this order; the rest follow in alphabetical order (but
/// [`LAST`]).
const FIRST: [&str; 42] = [
    "schedules",
    "dialpad",
    "webex",
    "offices",
    "operating_modes",
    "name",
    "date",
    "until",
    "yearly",
    "yearly_nth",
    "nth",
    "weekday",
    "month",
    "day",
    "hours",
    "schedule",
    "org_id",
    "type",
    "level",
    "locationId",
    "callForwarding",
    "timezone",
    "weekly",
    "weekdays",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "holidays",
    "mondayToFriday",
    "saturdayToSunday",
    "enabled",
    "destination",
    "allDayEnabled",
    "startDate",
    "endDate",
    "startTime",
    "endTime",
    "recurrence",
];

/// Keys written after the others, in this order: the days of an office written as reported.
const LAST: [&str; 7] = [
    "monday_hours",
    "tuesday_hours",
    "wednesday_hours",
    "thursday_hours",
    "friday_hours",
    "saturday_hours",
    "sunday_hours",
];

/// `value` as YAML, after `comments` (each a line, written with `# `).
pub fn write(value: &Value, comments: &[String]) -> String {
    let mut out = String::new();
    for comment in comments {
        out.push_str(comment_line(comment).trim_end());
        out.push('\n');
    }
    match value {
        Value::Object(map) if !map.is_empty() => mapping(&mut out, map, 0, false),
        other => {
            out.push_str(&inline(other));
            out.push('\n');
        }
    }
    out
}

fn comment_line(text: &str) -> String {
    format!("# {}", text.replace('\n', " "))
}

/// The keys of `map` in writing order.
fn ordered(map: &Map<String, Value>) -> Vec<(&String, &Value)> {
    let mut keys: Vec<(&String, &Value)> = map.iter().collect();
    keys.sort_by_key(|(key, _)| {
        let first = FIRST.iter().position(|k| k == key);
        let last = LAST
            .iter()
            .position(|k| k == key)
            .map(|n| FIRST.len() + 1 + n);
        let rank = first.or(last).unwrap_or(FIRST.len());
        (rank, key.as_str())
    });
    keys
}

/// A block mapping whose keys start at `indent`; its first key on the current line when
/// `after_dash` (an item of a sequence).
fn mapping(out: &mut String, map: &Map<String, Value>, indent: usize, after_dash: bool) {
    for (index, (key, value)) in ordered(map).into_iter().enumerate() {
        if index > 0 || !after_dash {
            out.push_str(&" ".repeat(indent));
        }
        out.push_str(&scalar_text(key));
        out.push(':');
        after_key(out, value, indent);
    }
}

/// What follows `key:`: an inline value on the same line, or a block below it.
fn after_key(out: &mut String, value: &Value, indent: usize) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            out.push('\n');
            mapping(out, map, indent + 2, false);
        }
        Value::Array(items) if !is_flat(items) => {
            out.push('\n');
            sequence(out, items, indent + 2);
        }
        other => {
            out.push(' ');
            out.push_str(&inline(other));
            out.push('\n');
        }
    }
}

/// A block sequence whose dashes are at `indent`.
fn sequence(out: &mut String, items: &[Value], indent: usize) {
    for item in items {
        out.push_str(&" ".repeat(indent));
        out.push_str("- ");
        match item {
            Value::Object(map) if !map.is_empty() => mapping(out, map, indent + 2, true),
            Value::Array(inner) if !is_flat(inner) => {
                out.truncate(out.trim_end().len());
                out.push('\n');
                sequence(out, inner, indent + 2);
            }
            other => {
                out.push_str(&inline(other));
                out.push('\n');
            }
        }
    }
}

/// Whether a list is written on one line: only scalars (or nothing).
fn is_flat(items: &[Value]) -> bool {
    items
        .iter()
        .all(|item| !matches!(item, Value::Object(_) | Value::Array(_)))
}

/// A scalar, an empty mapping or a list of scalars, on one line.
fn inline(value: &Value) -> String {
    match value {
        Value::String(text) => scalar_text(text),
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(inline).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(map) => {
            let fields: Vec<String> = ordered(map)
                .into_iter()
                .map(|(k, v)| format!("{}: {}", scalar_text(k), inline(v)))
                .collect();
            format!("{{{}}}", fields.join(", "))
        }
        other => other.to_string(),
    }
}

/// Words a YAML reader might take for something other than text.
const RESERVED: [&str; 11] = [
    "true", "false", "null", "yes", "no", "on", "off", "y", "n", "~", "nan",
];

/// A string as is when nothing can read it as another value, else double-quoted (JSON's
/// escapes are YAML's).
fn scalar_text(text: &str) -> String {
    let plain = text.starts_with(|c: char| c.is_ascii_alphabetic())
        && !text.ends_with(' ')
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '_' | '-' | '.' | '/'))
        && !RESERVED.contains(&text.to_ascii_lowercase().as_str());
    if plain {
        text.to_string()
    } else {
        serde_json::to_string(text).unwrap_or_else(|_| format!("{text:?}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn what_is_written_reads_back_as_the_same_value() {
        let value = json!({
            "webex": {"operating_modes": [{
                "name": "Chicago: hours #1", "level": "LOCATION", "callForwarding": {"destination": "+13125550100", "enabled": false},
                "holidays": [{"name": "New Year", "startDate": "2027-01-01", "recurrence": {}}],
            }]},
            "schedules": {"mon-fri-0800-1700": {"timezone": "America/Chicago", "weekly": {"weekdays": ["08:00-17:00"], "saturday": []}}},
            "dialpad": {"offices": [{"name": "ON", "ring_seconds": 30, "e911_address": {"zip": "02110", "state": "no", "address2": "line\ttwo \"quoted\""}}]},
        });
        let text = write(&value, &["exported\nat noon".to_string()]);
        assert!(
            text.starts_with("# exported at noon\nschedules:\n"),
            "{text}"
        );
        assert!(
            text.contains("      weekdays: [\"08:00-17:00\"]\n"),
            "{text}"
        );
        assert!(
            text.contains("    - name: \"Chicago: hours #1\"\n      level: LOCATION\n"),
            "{text}"
        );
        let read: Value = serde_saphyr::from_str(&text).expect("YAML");
        assert_eq!(read, value, "{text}");
    }
}
