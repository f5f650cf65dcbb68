//! JSON paths of the simple form this crate writes (`$.a.b[0]`): made from where a manifest
//! failed to deserialize, joined under an entry, and followed back to the value written there.

use serde_json::Value;

/// A JSON path from serde_path_to_error's path.
pub fn from_serde(path: &serde_path_to_error::Path) -> String {
    let mut out = String::from("$");
    for segment in path.iter() {
        match segment {
            serde_path_to_error::Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            serde_path_to_error::Segment::Map { key } => out.push_str(&format!(".{key}")),
            serde_path_to_error::Segment::Enum { variant } => out.push_str(&format!(".{variant}")),
            serde_path_to_error::Segment::Unknown => {}
        }
    }
    out
}

/// `path` (a path from the body's root, `$…`) under the entry at `entry`.
pub fn under(entry: &str, path: &str) -> String {
    format!("{entry}{}", path.strip_prefix('$').unwrap_or(path))
}

/// The value at `path`.
pub fn value_at<'a>(root: &'a Value, path: &str) -> Option<&'a Value> {
    let mut value = root;
    let rest = path.strip_prefix('$')?;
    for part in rest.split('.').filter(|p| !p.is_empty()) {
        let (key, indexes) = part.split_once('[').map_or((part, ""), |(k, i)| (k, i));
        if !key.is_empty() {
            value = value.get(key)?;
        }
        for index in indexes.split('[').filter(|i| !i.is_empty()) {
            value = value.get(index.trim_end_matches(']').parse::<usize>().ok()?)?;
        }
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_path_under_an_entry_leads_back_to_its_value() {
        let root = json!({"webex": {"operating_modes": [{"days": [[1, 2], [3]]}]}});
        let path = under("$.webex.operating_modes[0]", "$.days[1][0]");
        assert_eq!(path, "$.webex.operating_modes[0].days[1][0]");
        assert_eq!(value_at(&root, &path), Some(&json!(3)));
        assert_eq!(value_at(&root, "$.webex.absent"), None);
        assert_eq!(value_at(&root, "$"), Some(&root));
    }
}
