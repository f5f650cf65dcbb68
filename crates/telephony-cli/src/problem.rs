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
    /// one) was written.
    pub fn new(source: &Source, path: &str, message: impl Into<String>) -> Problem {
        let at = source.position(path);
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

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(f, "{}:{line}:{column}", self.file)?,
            _ => write!(f, "{}", self.file)?,
        }
        write!(f, ": {}: {}", self.path, self.message)
    }
}
