//! A violation of a vendor's spec as a problem of the file, with a word about YAML where the
//! value was probably meant otherwise (`no` read as text, a number where text was wanted,
//! quoted as it stands in the file); a key that is not a field is shown at the key.

use serde_json::Value;
use telephony::validate::Violation;

use super::path;
use crate::problem::Problem;
use crate::source::Source;

/// The words YAML 1.1 read as booleans; here they stay text.
const YAML_FLAGS: [&str; 6] = ["yes", "no", "on", "off", "y", "n"];

/// A violation of the spec in the entry at `entry`.
pub fn violation(source: &Source, entry: &str, v: &Violation) -> Problem {
    let path = path::under(entry, &v.path);
    let value = path::value_at(&source.value, &path);
    let hint = hint(value, source.written(&path), &v.message);
    let message = format!("{}{hint}", v.message);
    if v.rule == "additionalProperties" {
        Problem::about_key(source, &path, message)
    } else {
        Problem::new(source, &path, message)
    }
}

/// What to say about the value read (`as_written` in the file), if YAML probably read it
/// otherwise than meant.
fn hint(read: Option<&Value>, as_written: Option<&str>, message: &str) -> String {
    match read {
        Some(Value::String(text)) if YAML_FLAGS.contains(&text.to_lowercase().as_str()) => {
            format!(
                " (YAML: `{text}` is read as text here; write true or false for a flag, or quote an uppercase code)"
            )
        }
        Some(Value::Number(number)) if message.contains("must be a string") => {
            let text = as_written.map_or_else(|| number.to_string(), str::to_string);
            format!(" (YAML: write \"{text}\" in quotes to make it text)")
        }
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_yaml_flag_word_or_a_bare_number_gets_a_hint() {
        let no = hint(Some(&json!("No")), None, "is not one of");
        assert!(no.contains("`No` is read as text"), "{no}");
        let zip = hint(Some(&json!(80202)), Some("80202"), "must be a string");
        assert!(zip.contains("\"80202\" in quotes"), "{zip}");
        let zero = hint(Some(&json!(2110.0)), Some("02110"), "must be a string");
        assert!(zero.contains("write \"02110\" in quotes"), "{zero}");
        assert_eq!(hint(Some(&json!(3)), Some("3"), "must be at most 2"), "");
        assert_eq!(hint(None, None, "is required"), "");
    }
}
