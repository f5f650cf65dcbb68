//! The compiled form of a schema that the typed walk reads: each keyword's ask, read once into
//! plain fields, and the patterns the specs use most matched by hand.
//!
//! Compiling writes these nodes and the walk only reads them, so both build on this module and
//! neither on the other.

use serde_json::Value;

use crate::rules::Rule;

/// A schema compiled for the walk: what each keyword asks, read once.
#[derive(Debug, Default)]
pub(super) struct Node {
    pub(super) ty: Option<Ty>,
    pub(super) nullable: bool,
    pub(super) enumeration: Option<Vec<Value>>,
    /// The texts of a string enum.
    pub(super) enum_texts: Option<Texts>,
    pub(super) min_length: Option<u64>,
    pub(super) max_length: Option<u64>,
    pub(super) pattern: Option<Pattern>,
    pub(super) date: bool,
    pub(super) int32: bool,
    pub(super) int64: bool,
    pub(super) minimum: Option<(f64, bool)>,
    pub(super) maximum: Option<(f64, bool)>,
    pub(super) min_items: Option<u64>,
    pub(super) max_items: Option<u64>,
    pub(super) unique: bool,
    pub(super) items: Option<usize>,
    pub(super) properties: Vec<Property>,
    pub(super) required: Vec<String>,
    pub(super) additional: Additional,
    pub(super) rules: Vec<Rule>,
    /// The `any_of` rules, as masks of property indices (checked without capturing).
    pub(super) any_of: Vec<u64>,
    /// Each property's schema `default`, for the rules.
    pub(super) defaults: Vec<(String, Value)>,
}

/// A property of an object node, sorted by name.
#[derive(Debug)]
pub(super) struct Property {
    pub(super) name: String,
    pub(super) node: usize,
    pub(super) required: bool,
    pub(super) capture: Capture,
    /// A `time_pairs` rule of the object names it (checked during the walk).
    pub(super) pairs: bool,
}

/// What the object's rules need of a property.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Capture {
    /// Nothing.
    No,
    /// Whether it is there and not null.
    Presence,
    /// Its value.
    Value,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ty {
    Object,
    Array,
    Text,
    Boolean,
    Integer,
    Number,
    /// A type keyword this walk does not know: defer to the JSON path.
    Unknown,
}

#[derive(Debug, Default, Clone, Copy)]
pub(super) enum Additional {
    #[default]
    Any,
    Forbidden,
    Schema(usize),
}

/// The values of a string enum: a few are compared one by one (lengths first), many are
/// hashed.
#[derive(Debug)]
pub(super) enum Texts {
    Few(Vec<String>),
    Many(std::collections::HashSet<String>),
}

impl Texts {
    pub(super) fn contains(&self, text: &str) -> bool {
        match self {
            Texts::Few(texts) => texts.iter().any(|t| t == text),
            Texts::Many(texts) => texts.contains(text),
        }
    }
}

/// A pattern: the three the specs use most, matched by hand, and any other by its regex.
#[derive(Debug)]
pub(super) enum Pattern {
    /// `^[^\r\n]*$`
    SingleLine,
    /// `^([01][0-9]|2[0-3]):[0-5][0-9]$`
    HourMinute,
    /// `^[0-9]$`
    Digit,
    Regex(regress::Regex),
}

impl Pattern {
    pub(super) fn new(pattern: &str, regex: &regress::Regex) -> Pattern {
        match pattern {
            r"^[^\r\n]*$" => Pattern::SingleLine,
            "^([01][0-9]|2[0-3]):[0-5][0-9]$" => Pattern::HourMinute,
            "^[0-9]$" => Pattern::Digit,
            _ => Pattern::Regex(regex.clone()),
        }
    }

    pub(super) fn matches(&self, text: &str) -> bool {
        match self {
            Pattern::SingleLine => text.bytes().all(|b| b != b'\r' && b != b'\n'),
            Pattern::HourMinute => matches!(
                text.as_bytes(),
                [b'0' | b'1', b'0'..=b'9', b':', b'0'..=b'5', b'0'..=b'9']
                    | [b'2', b'0'..=b'3', b':', b'0'..=b'5', b'0'..=b'9']
            ),
            Pattern::Digit => matches!(text.as_bytes(), [b'0'..=b'9']),
            Pattern::Regex(regex) => regex.find(text).is_some(),
        }
    }
}

impl Node {
    /// The index of the property `key`, looked for at `hint` first (a struct's fields come in
    /// the properties' order, so the hint is usually right) and then by name.
    pub(super) fn property(&self, hint: usize, key: &str) -> Option<usize> {
        match self.properties.get(hint) {
            Some(property) if property.name == key => Some(hint),
            _ => self
                .properties
                .binary_search_by(|p| p.name.as_str().cmp(key))
                .ok(),
        }
    }
}
