//! One problem of an input file, with the file, line, column and JSON path it is about: what
//! `validate` lists and what stops a command before anything is sent.

use std::fmt;

use crate::source::{Position, Source};

/// One problem of an input file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub file: String,
    pub line: Option<u64>,
    pub column: Option<u64>,
    pub path: String,
    pub message: String,
}

impl Problem {
    /// A problem at a JSON path of `source`, shown where the value (or the nearest enclosing
    /// one) was written; serde's "unknown field" is about the key, and shown at the key.
    pub fn new(source: &Source, path: &str, message: impl Into<String>) -> Problem {
        let message = message.into();
        if names_an_unknown_field(path, &message) {
            return Problem::about_key(source, path, message);
        }
        Problem::placed(source, path, source.position(path), message)
    }

    /// A problem about the key of the value at `path` (a key that is not a field), shown
    /// where the key was written.
    pub fn about_key(source: &Source, path: &str, message: impl Into<String>) -> Problem {
        Problem::placed(source, path, source.key_position(path), message)
    }

    fn placed(
        source: &Source,
        path: &str,
        at: Option<Position>,
        message: impl Into<String>,
    ) -> Problem {
        Problem {
            file: source.file.clone(),
            line: at.map(|p| p.line),
            column: at.map(|p| p.column),
            path: path.to_string(),
            message: message.into(),
        }
    }

    /// A problem with no JSON path, such as a syntax error.
    pub fn at(file: &str, at: Option<Position>, message: impl Into<String>) -> Problem {
        Problem {
            file: file.to_string(),
            line: at.map(|p| p.line),
            column: at.map(|p| p.column),
            path: "$".into(),
            message: message.into(),
        }
    }
}

/// Whether `message` is serde's about the key `path` ends in (``unknown field `webx`, …``).
fn names_an_unknown_field(path: &str, message: &str) -> bool {
    let key = path.rsplit_once('.').map_or("", |(_, key)| key);
    !key.is_empty() && message.starts_with(&format!("unknown field `{key}`"))
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(f, "{}:{line}:{column}", self.file)?,
            _ => write!(f, "{}", self.file)?,
        }
        write!(f, ": {}: {}", self.path, self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_about_a_key_is_shown_at_the_key() {
        let source = Source::parse("f.yaml", "dialpad: {}\nwebx:\n  a: 1\n").expect("parses");
        let unknown = Problem::new(&source, "$.webx", "unknown field `webx`, expected …");
        assert_eq!((unknown.line, unknown.column), (Some(2), Some(1)));
        let other = Problem::new(&source, "$.webx", "must be a string");
        assert_eq!((other.line, other.column), (Some(3), Some(3)));
        let key = Problem::about_key(&source, "$.webx.a", "is not a field of this object");
        assert_eq!(
            key.to_string(),
            "f.yaml:3:3: $.webx.a: is not a field of this object"
        );
    }
}
