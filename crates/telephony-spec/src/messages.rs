//! The wording of the validator's violations: how a type, a count, a bound, an enum or a
//! pattern is said to a person.
//!
//! The client's errors and the mock's answers both show these texts, so they are written in
//! one place, apart from the checks that decide when to say them.

use serde_json::Value;

use crate::nearest::nearest;

/// Enums with more values than this are not spelled out in messages.
const ENUM_IN_MESSAGE_MAX: usize = 12;

/// "1 item", "2 items".
pub(crate) fn plural(count: u64, noun: &str) -> String {
    match count {
        1 => format!("1 {noun}"),
        n => format!("{n} {noun}s"),
    }
}

/// What a value is, with its article: `a string`, `an integer`, `a fractional number`.
pub(crate) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(n) if n.is_f64() => "a fractional number",
        Value::Number(_) => "an integer",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A schema type with its article: `an object`, `a string`.
pub(crate) fn article(ty: &str) -> String {
    match ty {
        "object" | "array" | "integer" => format!("an {ty}"),
        _ => format!("a {ty}"),
    }
}

/// `must be one of: A, B`, or, for a long enum, `must be one of the N values of Schema` (named
/// by the last segment of `at`, the reference it was found at); with `; did you mean `A`?` when
/// one value is clearly what `written` meant.
pub(crate) fn enum_message(values: &[Value], at: Option<&str>, written: &Value) -> String {
    let listed: Vec<String> = values
        .iter()
        .map(|v| {
            v.as_str()
                .map(str::to_string)
                .unwrap_or_else(|| v.to_string())
        })
        .collect();
    let suggestion = match written.as_str() {
        Some(text) => {
            let names: Vec<&str> = listed.iter().map(String::as_str).collect();
            did_you_mean(nearest(text, &names), "")
        }
        None => String::new(),
    };
    if listed.len() <= ENUM_IN_MESSAGE_MAX {
        return format!("must be one of: {}{suggestion}", listed.join(", "));
    }
    let name = at
        .and_then(|r| r.rsplit('/').next())
        .unwrap_or("this field");
    format!(
        "must be one of the {} values of {name}{suggestion}",
        listed.len()
    )
}

/// `; did you mean `word`?` (with `note` after the word), or nothing without a word.
pub(crate) fn did_you_mean(word: Option<&str>, note: &str) -> String {
    match word {
        Some(word) => format!("; did you mean `{word}`{note}?"),
        None => String::new(),
    }
}

/// What a pattern asks, in words for the patterns the specs use most.
pub(crate) fn pattern_message(pattern: &str) -> String {
    match pattern {
        "^[^\\r\\n]*$" => "must be a single line (no line breaks)".into(),
        "^([01][0-9]|2[0-3]):[0-5][0-9]$" => "must be a time as HH:MM (00:00 to 23:59)".into(),
        "^[0-9]$" => "must be a single key 0-9".into(),
        other => format!("must match the pattern {other}"),
    }
}

/// A bound as a person writes it: `10`, not `10.0`.
pub(crate) fn bound(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}
