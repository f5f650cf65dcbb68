//! Reading an input file (YAML or JSON) into JSON, keeping where every value came from, so that
//! a problem found later (by the spec's validator, on a JSON path) can be shown with the file,
//! line and column it is about.
//!
//! YAML's surprises are settled one way and said so: only `true`/`false` are booleans (`no`,
//! `yes`, `on`, `off` stay text — `country: no` is Norway's code in the wrong case, not
//! `false`); a time such as `09:00` is text (YAML 1.2 has no base-60 numbers); a duplicate key,
//! a tab used for indentation or a malformed document is an error with its position.

use std::collections::HashMap;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use serde_saphyr::{DuplicateKeyPolicy, Options, Spanned};

/// The most bytes of an input file that are read (16 MiB).
pub const MAX_INPUT_BYTES: u64 = 16 * 1024 * 1024;

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

/// A file read into JSON, with the position of every value by JSON path (`$.a.b[0]`).
#[derive(Debug, Clone)]
pub struct Source {
    pub file: String,
    pub value: Value,
    positions: HashMap<String, Position>,
}

/// Why a file cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{file}: cannot be read: {source}")]
    Io {
        file: String,
        source: std::io::Error,
    },
    #[error("{file}: larger than {MAX_INPUT_BYTES} bytes")]
    TooLarge { file: String },
    #[error("{file}:{at}: {message}", at = .at.map_or("?".to_string(), |p| p.to_string()))]
    Syntax {
        file: String,
        at: Option<Position>,
        message: String,
    },
}

impl Source {
    /// Reads `file` (YAML; JSON is read the same way).
    pub fn read(file: &str) -> Result<Source, ReadError> {
        let io = |source| ReadError::Io {
            file: file.to_string(),
            source,
        };
        let size = std::fs::metadata(file).map_err(io)?.len();
        if size > MAX_INPUT_BYTES {
            return Err(ReadError::TooLarge {
                file: file.to_string(),
            });
        }
        let text = std::fs::read_to_string(file).map_err(io)?;
        Source::parse(file, &text)
    }

    /// Parses `text`, naming it `file` in errors.
    pub fn parse(file: &str, text: &str) -> Result<Source, ReadError> {
        let mut options = Options::default();
        options.duplicate_keys = DuplicateKeyPolicy::Error;
        options.strict_booleans = true;
        let tree: Spanned<Node> =
            serde_saphyr::from_str_with_options(text, options).map_err(|err| {
                ReadError::Syntax {
                    file: file.to_string(),
                    at: err.location().map(|l| Position {
                        line: l.line(),
                        column: l.column(),
                    }),
                    message: message(&err.to_string()),
                }
            })?;
        let mut positions = HashMap::new();
        let value = flatten(tree, "$".to_string(), &mut positions);
        Ok(Source {
            file: file.to_string(),
            value,
            positions,
        })
    }

    /// Where the value at `path` was written, or the nearest enclosing value that was (a
    /// missing field is shown at its object).
    pub fn position(&self, path: &str) -> Option<Position> {
        let mut path = path;
        loop {
            if let Some(found) = self.positions.get(path) {
                return Some(*found);
            }
            let cut = path.rfind(['.', '['])?;
            path = &path[..cut];
        }
    }
}

/// The parser's message without the position it repeats or advice about its own options.
fn message(text: &str) -> String {
    let first = text.lines().next().unwrap_or(text).trim();
    let first = first.strip_prefix("error: ").unwrap_or(first);
    let first = match first.split_once(": ") {
        Some((at, rest)) if at.starts_with("line ") => rest,
        _ => first,
    };
    first
        .split(", set DuplicateKeyPolicy")
        .next()
        .unwrap_or(first)
        .to_string()
}

/// A YAML node with the position of each child.
enum Node {
    Scalar(Value),
    Seq(Vec<Spanned<Node>>),
    Map(Vec<(String, Spanned<Node>)>),
}

fn flatten(node: Spanned<Node>, path: String, positions: &mut HashMap<String, Position>) -> Value {
    let at = node.referenced;
    if at.line() > 0 {
        positions.insert(
            path.clone(),
            Position {
                line: at.line(),
                column: at.column(),
            },
        );
    }
    match node.value {
        Node::Scalar(value) => value,
        Node::Seq(items) => Value::Array(
            items
                .into_iter()
                .enumerate()
                .map(|(i, item)| flatten(item, format!("{path}[{i}]"), positions))
                .collect(),
        ),
        Node::Map(entries) => Value::Object(
            entries
                .into_iter()
                .map(|(key, item)| {
                    let child = flatten(item, format!("{path}.{key}"), positions);
                    (key, child)
                })
                .collect::<Map<String, Value>>(),
        ),
    }
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
        while let Some(key) = map.next_key::<Key>()? {
            entries.push((key.0, map.next_value::<Spanned<Node>>()?));
        }
        Ok(Node::Map(entries))
    }
}

/// A mapping key, whatever scalar it is written as (`123:` is the key "123").
struct Key(String);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Key, D::Error> {
        match Node::deserialize(deserializer)? {
            Node::Scalar(Value::String(text)) => Ok(Key(text)),
            Node::Scalar(other) => Ok(Key(other.to_string())),
            _ => Err(de::Error::custom("a mapping key must be a scalar")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_of_nested_values() {
        let source = Source::parse(
            "f.yaml",
            "a:\n  b: [1, 2]\n  c:\n    - name: x\n      t: 09:00\n",
        )
        .expect("parses");
        assert_eq!(source.value["a"]["c"][0]["t"], "09:00", "a time stays text");
        let at = |p: &str| source.position(p).map(|p| (p.line, p.column));
        assert_eq!(at("$.a.c[0].name"), Some((4, 13)));
        assert_eq!(at("$.a.c[0].missing"), at("$.a.c[0]"));
        assert_eq!(at("$.a.b[1]").map(|p| p.0), Some(2));
    }

    #[test]
    fn yaml_surprises_are_settled_or_reported_with_a_position() {
        let source = Source::parse("f.yaml", "country: no\non: yes\n123: 456\n").expect("parses");
        assert_eq!(source.value["country"], "no");
        assert_eq!(source.value["on"], "yes");
        assert_eq!(source.value["123"], 456);
        for bad in ["a: 1\na: 2\n", "a:\n\t- 1\n", "a: [1, 2\n"] {
            let err = Source::parse("f.yaml", bad).expect_err(bad);
            let ReadError::Syntax { at: Some(_), .. } = &err else {
                panic!("no position for {bad:?}: {err:?}");
            };
        }
    }
}
