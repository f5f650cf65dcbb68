//! The field-by-field difference of two JSON values that were normalised the same way: every
//! leaf that differs, with its path, what the vendor holds and what the manifest asks for. Lists
//! whose order means nothing and whose items have names (holidays) are matched by name, so a
//! holiday added, removed or changed is one difference at `holidays[name=…]`. A field of an
//! object that the manifest does not give is not compared (the vendor's to choose).

use serde_json::{Map, Value};

/// One field that differs.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    /// Where, as a path in the request body: `callForwarding.destination`,
    /// `holidays[name=Christmas].startDate`.
    pub path: String,
    /// What the vendor holds (`None`: nothing).
    pub old: Option<Value>,
    /// What the manifest asks for (`None`: nothing).
    pub new: Option<Value>,
}

/// The keys of the lists matched by an item's field instead of by position.
const KEYED_LISTS: [(&str, &str); 1] = [("holidays", "name")];

/// Every difference between `old` (the vendor's) and `new` (the manifest's), both normalised.
pub fn differences(old: &Value, new: &Value) -> Vec<Difference> {
    let mut out = Vec::new();
    walk("", Some(old), Some(new), &mut out);
    out
}

fn walk(path: &str, old: Option<&Value>, new: Option<&Value>, out: &mut Vec<Difference>) {
    match (old, new) {
        (Some(Value::Object(old)), Some(Value::Object(new))) => objects(path, old, new, out),
        (Some(Value::Array(old)), Some(Value::Array(new))) => match keyed(path) {
            Some(key) => lists(path, key, old, new, out),
            None if old == new => {}
            None => push(
                path,
                Some(&Value::Array(old.clone())),
                Some(&Value::Array(new.clone())),
                out,
            ),
        },
        (old, new) if old == new => {}
        (old, new) => push(path, old, new, out),
    }
}

fn objects(
    path: &str,
    old: &Map<String, Value>,
    new: &Map<String, Value>,
    out: &mut Vec<Difference>,
) {
    let mut keys: Vec<&String> = old.keys().chain(new.keys()).collect();
    keys.sort();
    keys.dedup();
    // A field the manifest does not give (after the vendor's defaults were written in) is the
    // vendor's to choose, not a difference.
    for key in keys.into_iter().filter(|key| new.contains_key(*key)) {
        walk(&join(path, key), old.get(key), new.get(key), out);
    }
}

/// Items matched by `key`; an item without it (or a name given twice) is matched by position
/// among those.
fn lists(path: &str, key: &str, old: &[Value], new: &[Value], out: &mut Vec<Difference>) {
    let name = |item: &Value| item.get(key).and_then(Value::as_str).map(str::to_string);
    let mut names: Vec<String> = old.iter().chain(new).filter_map(name).collect();
    names.sort();
    names.dedup();
    for wanted in &names {
        let pick = |list: &[Value]| -> Vec<Value> {
            list.iter()
                .filter(|i| name(i).as_deref() == Some(wanted.as_str()))
                .cloned()
                .collect()
        };
        let (before, after) = (pick(old), pick(new));
        let at = format!("{path}[{key}={wanted}]");
        if before.len() <= 1 && after.len() <= 1 {
            walk(&at, before.first(), after.first(), out);
        } else if before != after {
            push(
                &at,
                Some(&Value::Array(before)),
                Some(&Value::Array(after)),
                out,
            );
        }
    }
    let unnamed = |list: &[Value]| -> Vec<Value> {
        list.iter().filter(|i| name(i).is_none()).cloned().collect()
    };
    let (before, after) = (unnamed(old), unnamed(new));
    if before != after {
        push(
            path,
            Some(&Value::Array(before)),
            Some(&Value::Array(after)),
            out,
        );
    }
}

fn keyed(path: &str) -> Option<&'static str> {
    KEYED_LISTS
        .iter()
        .find(|(field, _)| *field == path)
        .map(|(_, key)| *key)
}

fn push(path: &str, old: Option<&Value>, new: Option<&Value>, out: &mut Vec<Difference>) {
    out.push(Difference {
        path: path.to_string(),
        old: old.cloned(),
        new: new.cloned(),
    });
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn leaves_that_differ_are_named_by_path() {
        let old = json!({"name": "A", "callForwarding": {"destination": "+1", "enabled": true}});
        let new = json!({"name": "A", "callForwarding": {"destination": "+2", "enabled": true}});
        assert_eq!(
            differences(&old, &new),
            [Difference {
                path: "callForwarding.destination".into(),
                old: Some(json!("+1")),
                new: Some(json!("+2")),
            }]
        );
        assert!(differences(&old, &old).is_empty());
    }

    #[test]
    fn holidays_are_matched_by_name_whatever_their_order() {
        let old = json!({"holidays": [{"name": "B", "startDate": "2027-01-01"}, {"name": "A"}]});
        let new = json!({"holidays": [{"name": "A"}, {"name": "B", "startDate": "2027-01-02"}, {"name": "C"}]});
        let found = differences(&old, &new);
        let paths: Vec<&str> = found.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(paths, ["holidays[name=B].startDate", "holidays[name=C]"]);
        assert_eq!(found[1].old, None);
    }

    #[test]
    fn other_lists_compare_whole_and_in_order() {
        let old = json!({"monday_hours": ["08:00", "17:00"]});
        let new = json!({"monday_hours": ["08:00", "18:00"]});
        assert_eq!(differences(&old, &new)[0].path, "monday_hours");
        let absent = differences(&json!({}), &new);
        assert_eq!(absent[0].old, None);
        let unasked = json!({"timezone": "America/Denver", "monday_hours": ["08:00", "18:00"]});
        assert!(
            differences(&unasked, &new).is_empty(),
            "only what the manifest gives"
        );
    }
}
