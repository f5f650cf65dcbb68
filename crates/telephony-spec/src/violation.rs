//! Violations and where they are: what the validator and the `x-telephony-rules` report.
//!
//! The schema interpreter, the `x-telephony-rules`, query reading and the typed walk all build
//! on this module, so none of them depends on another's internals.

use std::fmt;

/// One problem found in a value: where, which rule, and what is wrong in plain words.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Violation {
    /// JSON path of the offending value, such as `$.routing_options.open.dtmf[0].input`.
    pub path: String,
    /// The schema keyword (`required`, `pattern`, `maximum`, …) or the `x-telephony-rules` id.
    pub rule: String,
    /// What is wrong, for a person.
    pub message: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// The most violations kept with their paths for one value (100); the rest are only counted, so
/// that checking a body of 200,000 bad entries stays small in memory and in any answer built
/// from it.
pub const MAX_VIOLATIONS: usize = 100;

/// The violations found in one value: the first [`MAX_VIOLATIONS`] with their paths, and how
/// many there were in all. Reads as a slice of the kept ones.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViolationList {
    kept: Vec<Violation>,
    total: usize,
}

impl ViolationList {
    /// Counts a violation, and keeps it while fewer than [`MAX_VIOLATIONS`] are kept.
    pub fn push(&mut self, violation: Violation) {
        self.total += 1;
        if self.kept.len() < MAX_VIOLATIONS {
            self.kept.push(violation);
        }
    }

    /// How many violations were found in all (kept or not).
    pub fn total(&self) -> usize {
        self.total
    }

    /// How many were found beyond those kept.
    pub fn omitted(&self) -> usize {
        self.total - self.kept.len()
    }

    /// Appends another list's violations (its omitted ones counted, not kept).
    pub fn append(&mut self, other: ViolationList) {
        let omitted = other.omitted();
        for violation in other.kept {
            self.push(violation);
        }
        self.total += omitted;
    }

    /// Drops the kept violations `keep` refuses (and from the count).
    pub fn retain(&mut self, keep: impl FnMut(&Violation) -> bool) {
        let before = self.kept.len();
        self.kept.retain(keep);
        self.total -= before - self.kept.len();
    }

    /// The kept violations.
    pub fn into_vec(self) -> Vec<Violation> {
        self.kept
    }
}

impl std::ops::Deref for ViolationList {
    type Target = [Violation];

    fn deref(&self) -> &[Violation] {
        &self.kept
    }
}

impl From<Vec<Violation>> for ViolationList {
    fn from(found: Vec<Violation>) -> ViolationList {
        let mut list = ViolationList::default();
        for violation in found {
            list.push(violation);
        }
        list
    }
}

/// Longer JSON paths (from very long keys) are cut to this many bytes and marked with `…`.
const MAX_PATH_LENGTH: usize = 200;

/// Where a value sits in the document, rendered as a JSON path (`$.a.b[0]`) only when a
/// violation needs it, so that checking a valid document allocates no paths.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Path<'a> {
    /// The document itself, `$`.
    Root,
    /// A field of an object.
    Field(&'a Path<'a>, &'a str),
    /// An item of an array.
    Index(&'a Path<'a>, usize),
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => f.write_str("$"),
            Path::Field(parent, name) => write!(f, "{parent}.{name}"),
            Path::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

impl Path<'_> {
    /// A violation of `rule` at this path.
    pub(crate) fn violation(&self, rule: &str, message: impl Into<String>) -> Violation {
        let mut path = self.to_string();
        if path.len() > MAX_PATH_LENGTH {
            // A key can be as long as the body; the path names where, not what.
            let cut = (0..=MAX_PATH_LENGTH)
                .rev()
                .find(|i| path.is_char_boundary(*i))
                .unwrap_or(0);
            path.truncate(cut);
            path.push('…');
        }
        Violation {
            path,
            rule: rule.to_string(),
            message: message.into(),
        }
    }
}

/// `YYYY-MM-DD` naming a real calendar date.
pub(crate) fn is_date(text: &str) -> bool {
    crate::dates::parse_date(text).is_ok()
}
