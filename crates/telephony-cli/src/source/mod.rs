//! Reading an input file (YAML or JSON) into JSON, keeping where every value came from, so that
//! a problem found later (by the spec's validator, on a JSON path) can be shown with the file,
//! line and column it is about.
//!
//! YAML's surprises are settled one way and said so: only `true`/`false` are booleans (`no`,
//! `yes`, `on`, `off` stay text — `country: no` is Norway's code in the wrong case, not
//! `false`); a time such as `09:00` is text (YAML 1.2 has no base-60 numbers); a duplicate key,
//! a tab used for indentation or a malformed document is an error with its position.
//!
//! Each value's key is kept with its position too (a key that is not a field is shown at the
//! key), and so is the text of a number as written (`02110`, not the 2110 YAML reads). `-`
//! is standard input; the size limit and the parser's limits are in [`limits`].

mod limits;
mod node;
mod place;
mod text;
mod words;

use std::collections::HashMap;

use serde_json::Value;
use serde_saphyr::Spanned;

pub use limits::MAX_INPUT_BYTES;
pub use place::Position;

/// The name standard input is given in problems (read for the file name `-`).
pub const STDIN: &str = "<stdin>";

/// A file read into JSON, with where every value was written by JSON path (`$.a.b[0]`).
#[derive(Debug, Clone)]
pub struct Source {
    pub file: String,
    pub value: Value,
    places: HashMap<String, place::Place>,
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
        // A file known to be too large is refused before it is read.
        if std::fs::metadata(file).map_err(io)?.len() > MAX_INPUT_BYTES {
            return Err(ReadError::TooLarge {
                file: file.to_string(),
            });
        }
        let opened = std::fs::File::open(file).map_err(io)?;
        Source::from_bytes(file, text::limited(opened).map_err(io)?)
    }

    /// Reads standard input, named [`STDIN`].
    pub fn read_stdin() -> Result<Source, ReadError> {
        let read = text::limited(std::io::stdin().lock()).map_err(|source| ReadError::Io {
            file: STDIN.to_string(),
            source,
        })?;
        Source::from_bytes(STDIN, read)
    }

    /// The bytes read of `file` (`None`: more than the limit).
    fn from_bytes(file: &str, bytes: Option<Vec<u8>>) -> Result<Source, ReadError> {
        let Some(bytes) = bytes else {
            return Err(ReadError::TooLarge {
                file: file.to_string(),
            });
        };
        let text = text::decode(bytes).map_err(|found| ReadError::Syntax {
            file: file.to_string(),
            at: Some(found.at),
            message: format!(
                "the {} is not UTF-8 text (byte 0x{:02X}); save it as UTF-8",
                if file == STDIN { "input" } else { "file" },
                found.byte
            ),
        })?;
        Source::parse(file, &text)
    }

    /// Parses `text`, naming it `file` in errors.
    pub fn parse(file: &str, text: &str) -> Result<Source, ReadError> {
        let tree: Spanned<node::Node> =
            serde_saphyr::from_str_with_options(text, limits::options()).map_err(|err| {
                ReadError::Syntax {
                    file: file.to_string(),
                    at: err.location().map(|l| Position {
                        line: l.line(),
                        column: l.column(),
                    }),
                    message: words::said(&err),
                }
            })?;
        let mut places = HashMap::new();
        let value = node::flatten(tree, text, "$".to_string(), None, &mut places);
        Ok(Source {
            file: file.to_string(),
            value,
            places,
        })
    }

    /// Where the value at `path` was written, or the nearest enclosing value that was (a
    /// missing field is shown at its object).
    pub fn position(&self, path: &str) -> Option<Position> {
        let mut path = path;
        loop {
            if let Some(found) = self.places.get(path) {
                return Some(found.value);
            }
            let cut = path.rfind(['.', '['])?;
            path = &path[..cut];
        }
    }

    /// Where the key of the value at `path` was written (for a problem about the key itself,
    /// such as a key that is not a field), or else where [`Source::position`] says.
    pub fn key_position(&self, path: &str) -> Option<Position> {
        self.places
            .get(path)
            .and_then(|place| place.key)
            .or_else(|| self.position(path))
    }

    /// The text of the number, boolean or null at `path` as it stands in the file (`02110`,
    /// which YAML reads as a number).
    pub fn written(&self, path: &str) -> Option<&str> {
        self.places.get(path)?.written.as_deref()
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

    #[test]
    fn keys_and_numbers_are_kept_as_written() {
        let text = "office:\n  zip: 02110\n  plan_peroid: monthly\n  n: 1.50\n";
        let source = Source::parse("f.yaml", text).expect("parses");
        let at = |p: Option<Position>| p.map(|p| (p.line, p.column));
        assert_eq!(
            at(source.key_position("$.office.plan_peroid")),
            Some((3, 3))
        );
        assert_eq!(at(source.position("$.office.plan_peroid")), Some((3, 16)));
        assert_eq!(at(source.key_position("$.office.absent")), Some((2, 3)));
        assert_eq!(source.written("$.office.zip"), Some("02110"));
        assert_eq!(source.written("$.office.n"), Some("1.50"));
        assert_eq!(
            source.written("$.office.plan_peroid"),
            None,
            "text is its own"
        );
    }

    #[test]
    fn an_anchor_used_many_times_is_read_and_a_bomb_is_refused() {
        let mut text = String::from("a: &a {x: 1, y: [2, 3]}\nb:\n");
        text.push_str(&"  - *a\n".repeat(500));
        let source = Source::parse("f.yaml", &text).expect("parses");
        assert_eq!(source.value["b"][499]["y"][1], 3);

        let mut bomb = String::from("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for n in 1..10 {
            let refs = vec![format!("*l{}", n - 1); 10].join(", ");
            bomb.push_str(&format!("l{n}: &l{n} [{refs}]\n"));
        }
        let err = Source::parse("f.yaml", &bomb).expect_err("a bomb");
        assert!(
            err.to_string().contains("anchors (`&name`) keep more"),
            "{err}"
        );
    }
}
