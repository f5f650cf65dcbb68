//! The YAML tree as serde-saphyr hands it over, every node and key with its position, and
//! its flattening into JSON plus a [`Place`] per JSON path.

use std::collections::HashMap;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use serde_saphyr::{Location, Spanned};

use super::place::{Place, Position};

/// A YAML node with the position of each child (and of each key).
pub enum Node {
    Scalar(Value),
    Seq(Vec<Spanned<Node>>),
    Map(Vec<(Spanned<Key>, Spanned<Node>)>),
}

/// A mapping key, whatever scalar it is written as (`123:` is the key "123").
pub struct Key(String);

/// `node` (read from `text`) as JSON, with the place of every value under `path` added to
/// `places`.
pub fn flatten(
    node: Spanned<Node>,
    text: &str,
    path: String,
    key: Option<Position>,
    places: &mut HashMap<String, Place>,
) -> Value {
    let written = match &node.value {
        Node::Scalar(Value::String(_)) | Node::Seq(_) | Node::Map(_) => None,
        Node::Scalar(_) => as_written(&node.defined, text),
    };
    if let Some(value) = position(&node.referenced) {
        let place = Place {
            value,
            key,
            written,
        };
        places.insert(path.clone(), place);
    }
    match node.value {
        Node::Scalar(value) => value,
        Node::Seq(items) => Value::Array(
            items
                .into_iter()
                .enumerate()
                .map(|(i, item)| flatten(item, text, format!("{path}[{i}]"), None, places))
                .collect(),
        ),
        Node::Map(entries) => Value::Object(
            entries
                .into_iter()
                .map(|(key, item)| {
                    let at = position(&key.referenced);
                    let name = key.value.0;
                    let child = flatten(item, text, format!("{path}.{name}"), at, places);
                    (name, child)
                })
                .collect::<Map<String, Value>>(),
        ),
    }
}

/// A location the parser knows (line 0 is none).
fn position(at: &Location) -> Option<Position> {
    (at.line() > 0).then(|| Position {
        line: at.line(),
        column: at.column(),
    })
}

/// The text at `at` in `text`, if the parser gave its bytes.
fn as_written(at: &Location, text: &str) -> Option<Box<str>> {
    let span = at.span();
    let start = usize::try_from(span.byte_offset()?).ok()?;
    let len = usize::try_from(span.byte_len()?).ok()?;
    let written = text.get(start..start.checked_add(len)?)?.trim();
    (!written.is_empty()).then(|| written.into())
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Node, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a YAML value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Scalar(Value::Bool(v)))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Scalar(Value::from(v)))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Node, E> {
        Ok(Node::Scalar(Value::from(v)))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node, E> {
        Number::from_f64(v)
            .map(|n| Node::Scalar(Value::Number(n)))
            .ok_or_else(|| E::custom("a number that JSON cannot hold (NaN or infinity)"))
    }

    fn visit_str<E>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Scalar(Value::String(v.to_string())))
    }

    fn visit_string<E>(self, v: String) -> Result<Node, E> {
        Ok(Node::Scalar(Value::String(v)))
    }

    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Scalar(Value::Null))
    }

    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Scalar(Value::Null))
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Node, D::Error> {
        Node::deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<Node>>()? {
            items.push(item);
        }
        Ok(Node::Seq(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<Key>>()? {
            entries.push((key, map.next_value::<Spanned<Node>>()?));
        }
        Ok(Node::Map(entries))
    }
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Key, D::Error> {
        match Node::deserialize(deserializer)? {
            Node::Scalar(Value::String(text)) => Ok(Key(text)),
            Node::Scalar(other) => Ok(Key(other.to_string())),
            _ => Err(de::Error::custom("a mapping key must be a scalar")),
        }
    }
}
