//! Where a value was written: its line and column, the key's when it is a mapping's value,
//! and the text of a scalar that is not a string, as it stands in the file — what a problem
//! points at and what a hint quotes.

use std::fmt;

/// A line and column, both from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: u64,
    pub column: u64,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Where one value of a file was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The value.
    pub value: Position,
    /// Its key, for a mapping's value.
    pub key: Option<Position>,
    /// The text of a number, boolean or null as written (`02110`, not the 2110 it was read
    /// as); strings are their own text.
    pub written: Option<Box<str>>,
}
