//! What one compiled node asks of a value, checked apart from the serializer that meets it.
//!
//! The walk calls these as each value goes by: a scalar against its node, an array's count, an
//! object's required fields and rules once all its fields are seen. Each answers only "fits" or
//! [`Stop`], so the walk stays a plain `serde::Serializer` and the checks read like the
//! schema keywords they stand for.

use serde_json::{Map, Number, Value};

use super::tree::{Node, Ty};
use crate::violation::{Path, ViolationList, is_date};

/// The walk stopped: a problem, or something it does not handle.
#[derive(Debug)]
pub(super) struct Stop;

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not surely valid")
    }
}

impl std::error::Error for Stop {}

impl serde::ser::Error for Stop {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Stop
    }
}

/// `Ok` when `ok`, else [`Stop`].
pub(super) fn ensure(ok: bool) -> Result<(), Stop> {
    if ok { Ok(()) } else { Err(Stop) }
}

/// What a walked value was, as far as its parent needs to know.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Seen {
    /// It was null.
    pub(super) null: bool,
    /// A text of 5 bytes (a time, perhaps), for `time_pairs`.
    pub(super) text5: Option<[u8; 5]>,
}

impl Seen {
    /// A null value.
    pub(super) const NULL: Seen = Seen {
        null: true,
        text5: None,
    };

    /// A text value.
    pub(super) fn text(text: &str) -> Seen {
        Seen {
            null: false,
            text5: text.as_bytes().try_into().ok(),
        }
    }
}

/// A value of type `ty` fits the node's `type` and `enum` (`value` builds it for the enum).
pub(super) fn typed(node: &Node, ty: Ty, value: impl FnOnce() -> Value) -> Result<(), Stop> {
    let fits = match node.ty {
        None => true,
        Some(Ty::Number) => matches!(ty, Ty::Integer | Ty::Number),
        Some(expected) => expected == ty,
    };
    ensure(fits)?;
    if let Some(values) = &node.enumeration {
        ensure(values.contains(&value()))?;
    }
    Ok(())
}

/// A number (already of a fitting type) fits the node's `format` and bounds.
pub(super) fn number(node: &Node, value: &Number) -> Result<(), Stop> {
    let n = value.as_f64().ok_or(Stop)?;
    if node.int64 {
        ensure(value.is_i64())?;
    }
    if node.int32 {
        ensure(value.as_i64().is_some_and(|v| i32::try_from(v).is_ok()))?;
    }
    if let Some((max, exclusive)) = node.maximum {
        ensure(n <= max && !(exclusive && n >= max))?;
    }
    if let Some((min, exclusive)) = node.minimum {
        ensure(n >= min && !(exclusive && n <= min))?;
    }
    Ok(())
}

/// A text fits the node's `type`, `enum`, lengths, `pattern` and `format: date`.
pub(super) fn text(node: &Node, text: &str) -> Result<(), Stop> {
    ensure(matches!(node.ty, None | Some(Ty::Text)))?;
    match (&node.enum_texts, &node.enumeration) {
        (Some(texts), _) => ensure(texts.contains(text))?,
        (None, Some(_)) => return Err(Stop),
        (None, None) => {}
    }
    if node.min_length.is_some() || node.max_length.is_some() {
        let length = text.chars().count() as u64;
        ensure(node.max_length.is_none_or(|max| length <= max))?;
        ensure(node.min_length.is_none_or(|min| length >= min))?;
    }
    if let Some(pattern) = &node.pattern {
        ensure(pattern.matches(text))?;
    }
    ensure(!node.date || is_date(text))
}

/// An array of `count` items fits the node's `minItems`/`maxItems`; a `time_pairs` array
/// (`pairs`) holds an even number of times.
pub(super) fn items(node: &Node, count: u64, pairs: bool) -> Result<(), Stop> {
    ensure(node.max_items.is_none_or(|max| count <= max))?;
    ensure(node.min_items.is_none_or(|min| count >= min))?;
    ensure(!pairs || count.is_multiple_of(2))
}

/// An object, once all its fields are seen, fits the node's `required` (`required_seen` of
/// them were given), its `any_of` rules (`present`: the properties given and not null, by
/// index) and its other rules (on the `captured` fields).
pub(super) fn object(
    node: &Node,
    required_seen: usize,
    present: u64,
    captured: &Map<String, Value>,
) -> Result<(), Stop> {
    ensure(required_seen == node.required.len())?;
    ensure(node.any_of.iter().all(|mask| present & mask != 0))?;
    if node.rules.is_empty() {
        return Ok(());
    }
    let default_of = |field: &str| {
        node.defaults
            .iter()
            .find(|(name, _)| name == field)
            .map(|(_, value)| value.clone())
    };
    let mut found = ViolationList::default();
    for rule in &node.rules {
        rule.check(captured, &Path::Root, &default_of, &mut found);
    }
    ensure(found.total() == 0)
}
