//! The bytes of an input read up to the limit, and taken as UTF-8 text: the first byte that
//! is not is found by its line and column, so that it can be shown like any other problem.

use std::io::{self, Read};

use super::limits::MAX_INPUT_BYTES;
use super::place::Position;

/// All of `reader`, or `None` if it holds more than [`MAX_INPUT_BYTES`] (at most one byte more
/// than that is read).
pub fn limited(reader: impl Read) -> io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    reader.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= MAX_INPUT_BYTES).then_some(bytes))
}

/// A byte that is not UTF-8, and where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotUtf8 {
    pub at: Position,
    pub byte: u8,
}

/// `bytes` as text.
pub fn decode(bytes: Vec<u8>) -> Result<String, NotUtf8> {
    String::from_utf8(bytes).map_err(|err| {
        let valid = err.utf8_error().valid_up_to();
        let bytes = err.as_bytes();
        let before = String::from_utf8_lossy(&bytes[..valid]);
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        NotUtf8 {
            at: Position {
                line: 1 + before.matches('\n').count() as u64,
                column: 1 + before[line_start..].chars().count() as u64,
            },
            byte: bytes[valid],
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_byte_that_is_not_utf8_is_found_by_line_and_column() {
        let found = decode(b"a:\n  b: \xc3\xa9t\xe9\n".to_vec()).expect_err("Latin-1");
        assert_eq!(found.at, Position { line: 2, column: 8 });
        assert_eq!(found.byte, 0xE9);
        assert_eq!(decode("é".into()).as_deref(), Ok("é"));
    }

    #[test]
    fn more_than_the_limit_is_not_read() {
        let size = MAX_INPUT_BYTES as usize;
        assert!(limited(&vec![b' '; size][..]).expect("read").is_some());
        assert!(limited(&vec![b' '; size + 1][..]).expect("read").is_none());
    }
}
