//! Values and answers as the vendors send them, for the generated code of `telephony-api`:
//! [`Int64`] (below) and answer bodies read only up to a cap ([`bounded`]).
//!
//! Dialpad's published document declares its ids and counts `integer`/`int64`, while every
//! example in that document writes them as decimal strings (`"id": "124"`), as protobuf's JSON
//! mapping does for 64-bit integers. The curated spec describes such an answer field as "an
//! integer, or a string holding a decimal integer", and the code generator maps that schema
//! to [`Int64`], which reads both forms and always writes a JSON number (the form the
//! document's schema declares, and the one requests send).
//!
//! ```
//! use telephony_wire::Int64;
//!
//! let from_number: Int64 = serde_json::from_str("124").unwrap();
//! let from_string: Int64 = serde_json::from_str("\"124\"").unwrap();
//! assert_eq!(from_number, from_string);
//! assert_eq!(i64::from(from_string), 124);
//! assert_eq!(serde_json::to_string(&from_string).unwrap(), "124");
//! assert!(serde_json::from_str::<Int64>("\"12.5\"").is_err());
//! ```

use std::fmt;
use std::str::FromStr;

pub mod bounded;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A 64-bit integer that a vendor may write as a JSON number or as a string holding a decimal
/// integer (an optional `-`, then digits; range-checked). Written as a JSON number.
///
/// ```
/// use telephony_wire::Int64;
///
/// let id = Int64::new(5_100_000_000_001);
/// assert_eq!(id.get(), 5_100_000_000_001);
/// assert_eq!(id.to_string(), "5100000000001");
/// assert_eq!("42".parse::<Int64>().unwrap(), Int64::from(42));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Int64(i64);

impl Int64 {
    /// Wraps a value.
    pub const fn new(value: i64) -> Int64 {
        Int64(value)
    }

    /// The value.
    pub const fn get(self) -> i64 {
        self.0
    }
}

impl From<i64> for Int64 {
    fn from(value: i64) -> Int64 {
        Int64(value)
    }
}

impl From<Int64> for i64 {
    fn from(value: Int64) -> i64 {
        value.0
    }
}

impl PartialEq<i64> for Int64 {
    fn eq(&self, other: &i64) -> bool {
        self.0 == *other
    }
}

impl PartialEq<Int64> for i64 {
    fn eq(&self, other: &Int64) -> bool {
        *self == other.0
    }
}

impl fmt::Display for Int64 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// Why a text is not a decimal integer in range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseInt64Error(String);

impl fmt::Display for ParseInt64Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ParseInt64Error {}

impl FromStr for Int64 {
    type Err = ParseInt64Error;

    /// Reads an optional `-` and one or more ASCII digits, nothing else (no sign `+`, no
    /// spaces, no fraction or exponent), within the range of `i64`.
    fn from_str(text: &str) -> Result<Int64, ParseInt64Error> {
        let digits = text.strip_prefix('-').unwrap_or(text);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ParseInt64Error(format!(
                "{text:?} is not a decimal integer"
            )));
        }
        text.parse::<i64>().map(Int64).map_err(|_| {
            ParseInt64Error(format!("{text:?} is out of the range of a 64-bit integer"))
        })
    }
}

impl TryFrom<&str> for Int64 {
    type Error = ParseInt64Error;

    fn try_from(text: &str) -> Result<Int64, ParseInt64Error> {
        text.parse()
    }
}

impl TryFrom<String> for Int64 {
    type Error = ParseInt64Error;

    fn try_from(text: String) -> Result<Int64, ParseInt64Error> {
        text.parse()
    }
}

impl Serialize for Int64 {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(self.0)
    }
}

impl<'de> Deserialize<'de> for Int64 {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Int64, D::Error> {
        deserializer.deserialize_any(Int64Visitor)
    }
}

struct Int64Visitor;

impl Visitor<'_> for Int64Visitor {
    type Value = Int64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an integer, or a string holding a decimal integer")
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Int64, E> {
        Ok(Int64(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Int64, E> {
        i64::try_from(value).map(Int64).map_err(|_| {
            E::custom(format_args!(
                "{value} is out of the range of a 64-bit integer"
            ))
        })
    }

    /// A number written with a fraction or an exponent is accepted when it is a whole number
    /// that an `f64` holds exactly (`30.0`, `1e3`), as a JSON number is a number whatever its
    /// spelling; anything else is refused.
    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Int64, E> {
        const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
        if value.fract() != 0.0 || !value.is_finite() {
            Err(E::custom(format_args!("{value} is not a whole number")))
        } else if value.abs() > EXACT {
            Err(E::custom(format_args!(
                "{value} is too large to be read exactly as a number with a fraction or exponent; \
                 write it as digits"
            )))
        } else {
            Ok(Int64(value as i64))
        }
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Int64, E> {
        text.parse().map_err(E::custom)
    }
}

impl schemars::JsonSchema for Int64 {
    fn schema_name() -> String {
        "Int64".to_string()
    }

    fn json_schema(_: &mut schemars::r#gen::SchemaGenerator) -> schemars::schema::Schema {
        use schemars::schema::{
            InstanceType, Metadata, Schema, SchemaObject, StringValidation, SubschemaValidation,
        };
        let integer = SchemaObject {
            instance_type: Some(InstanceType::Integer.into()),
            format: Some("int64".to_string()),
            ..Default::default()
        };
        let decimal = SchemaObject {
            instance_type: Some(InstanceType::String.into()),
            string: Some(Box::new(StringValidation {
                pattern: Some(DECIMAL_PATTERN.to_string()),
                ..Default::default()
            })),
            ..Default::default()
        };
        Schema::Object(SchemaObject {
            metadata: Some(Box::new(Metadata {
                description: Some("An integer, or a string holding a decimal integer.".to_string()),
                ..Default::default()
            })),
            subschemas: Some(Box::new(SubschemaValidation {
                any_of: Some(vec![integer.into(), decimal.into()]),
                ..Default::default()
            })),
            ..Default::default()
        })
    }
}

/// The pattern of the string form, as the curated specs write it.
pub const DECIMAL_PATTERN: &str = "^-?[0-9]+$";

#[cfg(test)]
mod tests {
    use super::Int64;

    fn read(json: &str) -> Result<Int64, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn reads_both_forms_and_writes_a_number() {
        assert_eq!(read("124"), Ok(Int64(124)));
        assert_eq!(read("\"124\""), Ok(Int64(124)));
        assert_eq!(read("\"-7\""), Ok(Int64(-7)));
        assert_eq!(read("30.0"), Ok(Int64(30)));
        assert_eq!(read("\"9223372036854775807\""), Ok(Int64(i64::MAX)));
        assert_eq!(serde_json::to_string(&Int64(124)).unwrap(), "124");
    }

    #[test]
    fn refuses_what_is_not_a_decimal_integer() {
        for bad in [
            "\"\"", "\"-\"", "\"+5\"", "\" 5\"", "\"5 \"", "\"1e3\"", "\"12.5\"", "\"0x10\"",
            "12.5", "true", "null", "[]", "{}",
        ] {
            assert!(read(bad).is_err(), "{bad} was accepted");
        }
        let over = read("\"9223372036854775808\"").unwrap_err();
        assert!(over.contains("out of the range"), "{over}");
        let over = read("9223372036854775808").unwrap_err();
        assert!(over.contains("out of the range"), "{over}");
        let kind = read("true").unwrap_err();
        assert!(
            kind.contains("a string holding a decimal integer"),
            "{kind}"
        );
    }
}
