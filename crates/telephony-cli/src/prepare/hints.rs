//! A violation of a vendor's spec as a problem of the file, with a word about YAML where the
//! value was probably meant otherwise (`no` read as text, a number where text was wanted).

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
    let hint = hint(path::value_at(&source.value, &path), &v.message);
    Problem::new(source, &path, format!("{}{hint}", v.message))
}

/// What to say about the value written, if YAML probably read it otherwise than meant.
fn hint(written: Option<&Value>, message: &str) -> String {
    match written {
        Some(Value::String(text)) if YAML_FLAGS.contains(&text.to_lowercase().as_str()) => {
            format!(
                " (YAML: `{text}` is read as text here; write true or false for a flag, or quote an uppercase code)"
            )
        }
        Some(Value::Number(number)) if message.contains("must be a string") => {
            format!(" (YAML: write \"{number}\" in quotes to make it text)")
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
        assert!(hint(Some(&json!("No")), "is not one of").contains("`No` is read as text"));
        assert!(hint(Some(&json!(80202)), "must be a string").contains("\"80202\" in quotes"));
        assert_eq!(hint(Some(&json!(3)), "must be at most 2"), "");
        assert_eq!(hint(None, "is required"), "");
    }
}
