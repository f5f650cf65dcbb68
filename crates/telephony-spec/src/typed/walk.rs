//! The walk itself: a `serde::Serializer` that checks each value against its compiled node
//! and stops at the first doubt.
//!
//! The serializer only routes: each value goes to the node of its place in the schema, and
//! what the node asks of it is checked by the functions of `check`.

use serde::Serialize;
use serde::ser::{self, Impossible};
use serde_json::{Map, Value};

use super::check::{self, Seen, Stop, ensure};
use super::tree::{Additional, Capture, Node, Ty};
use crate::rules::is_time;

/// A serializer checking one value against one node (`None`: anything goes, as for a field
/// that `additionalProperties` leaves open).
#[derive(Clone, Copy)]
pub(super) struct Walk<'t> {
    tree: &'t [Node],
    node: Option<usize>,
    /// The value is an array a `time_pairs` rule of its object names.
    pairs: bool,
}

impl<'t> Walk<'t> {
    /// A walk of a whole body against the node `root` of `tree`.
    pub(super) fn root(tree: &'t [Node], root: usize) -> Walk<'t> {
        Walk {
            tree,
            node: Some(root),
            pairs: false,
        }
    }

    fn node(&self) -> Option<&'t Node> {
        self.node.map(|index| &self.tree[index])
    }

    fn typed(&self, ty: Ty, value: impl FnOnce() -> Value) -> Result<Option<&'t Node>, Stop> {
        let Some(node) = self.node() else {
            return Ok(None);
        };
        check::typed(node, ty, value)?;
        Ok(Some(node))
    }

    fn number(&self, value: serde_json::Number) -> Result<(), Stop> {
        let ty = if value.is_f64() {
            Ty::Number
        } else {
            Ty::Integer
        };
        match self.typed(ty, || Value::Number(value.clone()))? {
            Some(node) => check::number(node, &value),
            None => Ok(()),
        }
    }

    fn object(self) -> Result<Fields<'t>, Stop> {
        let node = self.typed(Ty::Object, || Value::Null)?;
        Ok(Fields {
            tree: self.tree,
            node,
            required_seen: 0,
            present: 0,
            next: 0,
            captured: Map::new(),
            key: None,
        })
    }
}

impl<'t> ser::Serializer for Walk<'t> {
    type Ok = Seen;
    type Error = Stop;
    type SerializeSeq = Items<'t>;
    type SerializeTuple = Impossible<Seen, Stop>;
    type SerializeTupleStruct = Impossible<Seen, Stop>;
    type SerializeTupleVariant = Impossible<Seen, Stop>;
    type SerializeMap = Fields<'t>;
    type SerializeStruct = Fields<'t>;
    type SerializeStructVariant = Impossible<Seen, Stop>;

    fn serialize_bool(self, v: bool) -> Result<Seen, Stop> {
        self.typed(Ty::Boolean, || Value::Bool(v))
            .map(|_| Seen::default())
    }
    fn serialize_i8(self, v: i8) -> Result<Seen, Stop> {
        self.number(i64::from(v).into()).map(|()| Seen::default())
    }
    fn serialize_i16(self, v: i16) -> Result<Seen, Stop> {
        self.number(i64::from(v).into()).map(|()| Seen::default())
    }
    fn serialize_i32(self, v: i32) -> Result<Seen, Stop> {
        self.number(i64::from(v).into()).map(|()| Seen::default())
    }
    fn serialize_i64(self, v: i64) -> Result<Seen, Stop> {
        self.number(v.into()).map(|()| Seen::default())
    }
    fn serialize_u8(self, v: u8) -> Result<Seen, Stop> {
        self.number(u64::from(v).into()).map(|()| Seen::default())
    }
    fn serialize_u16(self, v: u16) -> Result<Seen, Stop> {
        self.number(u64::from(v).into()).map(|()| Seen::default())
    }
    fn serialize_u32(self, v: u32) -> Result<Seen, Stop> {
        self.number(u64::from(v).into()).map(|()| Seen::default())
    }
    fn serialize_u64(self, v: u64) -> Result<Seen, Stop> {
        self.number(v.into()).map(|()| Seen::default())
    }
    fn serialize_f32(self, v: f32) -> Result<Seen, Stop> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<Seen, Stop> {
        self.number(serde_json::Number::from_f64(v).ok_or(Stop)?)
            .map(|()| Seen::default())
    }
    fn serialize_char(self, v: char) -> Result<Seen, Stop> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<Seen, Stop> {
        if let Some(node) = self.node() {
            check::text(node, v)?;
        }
        Ok(Seen::text(v))
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<Seen, Stop> {
        Err(Stop)
    }
    fn serialize_none(self) -> Result<Seen, Stop> {
        self.serialize_unit()
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<Seen, Stop> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Seen, Stop> {
        ensure(self.node().is_none_or(|node| node.nullable)).map(|()| Seen::NULL)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Seen, Stop> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<Seen, Stop> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<Seen, Stop> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<Seen, Stop> {
        Err(Stop)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Items<'t>, Stop> {
        let node = self.typed(Ty::Array, || Value::Null)?;
        let unique = node.is_some_and(|n| n.unique);
        Ok(Items {
            walk: Walk {
                tree: self.tree,
                node: node.and_then(|n| n.items),
                pairs: false,
            },
            node,
            pairs: self.pairs.then_some(None),
            count: 0,
            seen: Vec::with_capacity(if unique { len.unwrap_or(0) } else { 0 }),
        })
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Stop> {
        Err(Stop)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Stop> {
        Err(Stop)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Stop> {
        Err(Stop)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Fields<'t>, Stop> {
        self.object()
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Fields<'t>, Stop> {
        self.object()
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Stop> {
        Err(Stop)
    }
}

/// The items of an array.
pub(super) struct Items<'t> {
    walk: Walk<'t>,
    node: Option<&'t Node>,
    /// For a `time_pairs` array: the last time so far.
    pairs: Option<Option<[u8; 5]>>,
    count: u64,
    /// The items so far, kept only when they must be unique.
    seen: Vec<Value>,
}

impl ser::SerializeSeq for Items<'_> {
    type Ok = Seen;
    type Error = Stop;

    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Stop> {
        self.count += 1;
        let seen = value.serialize(self.walk)?;
        if let Some(last) = &mut self.pairs {
            // Strictly ascending HH:MM times (as text they compare as times).
            let time = seen.text5.filter(|t| is_time(t)).ok_or(Stop)?;
            ensure(last.is_none_or(|last| last < time))?;
            *last = Some(time);
        }
        if self.node.is_some_and(|n| n.unique) {
            let item = serde_json::to_value(value).map_err(|_| Stop)?;
            ensure(!self.seen.contains(&item))?;
            self.seen.push(item);
        }
        Ok(())
    }

    fn end(self) -> Result<Seen, Stop> {
        if let Some(node) = self.node {
            check::items(node, self.count, self.pairs.is_some())?;
        }
        Ok(Seen::default())
    }
}

/// The fields of an object (a struct or a map).
pub(super) struct Fields<'t> {
    tree: &'t [Node],
    node: Option<&'t Node>,
    /// How many required properties were given.
    required_seen: usize,
    /// The properties given and not null, by index (the first 64).
    present: u64,
    /// Where the next field is likely to be among the properties (a struct's fields come in
    /// the properties' order).
    next: usize,
    /// The fields the object's rules read.
    captured: Map<String, Value>,
    /// A map's key, between `serialize_key` and `serialize_value`.
    key: Option<String>,
}

impl<'t> Fields<'t> {
    fn field<T: ?Sized + Serialize>(&mut self, key: &str, value: &T) -> Result<(), Stop> {
        let Some(node) = self.node else {
            return value
                .serialize(Walk {
                    tree: self.tree,
                    node: None,
                    pairs: false,
                })
                .map(|_| ());
        };
        let found = node.property(self.next, key).map(|index| {
            self.next = index + 1;
            (index, &node.properties[index])
        });
        let (child, capture, index, pairs) = match found {
            Some((index, property)) => {
                self.required_seen += usize::from(property.required);
                (
                    Some(property.node),
                    property.capture,
                    Some(index),
                    property.pairs,
                )
            }
            None => match node.additional {
                Additional::Forbidden => return Err(Stop),
                Additional::Schema(child) => (Some(child), Capture::No, None, false),
                Additional::Any => (None, Capture::No, None, false),
            },
        };
        let null = value
            .serialize(Walk {
                tree: self.tree,
                node: child,
                pairs,
            })?
            .null;
        if let Some(index) = index.filter(|i| *i < 64 && !null) {
            self.present |= 1 << index;
        }
        let captured = match capture {
            Capture::No => return Ok(()),
            Capture::Presence if null => Value::Null,
            Capture::Presence => Value::Bool(true),
            Capture::Value => serde_json::to_value(value).map_err(|_| Stop)?,
        };
        self.captured.insert(key.to_string(), captured);
        Ok(())
    }

    fn finish(self) -> Result<Seen, Stop> {
        if let Some(node) = self.node {
            check::object(node, self.required_seen, self.present, &self.captured)?;
        }
        Ok(Seen::default())
    }
}

impl ser::SerializeStruct for Fields<'_> {
    type Ok = Seen;
    type Error = Stop;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Stop> {
        self.field(key, value)
    }

    /// A field left out (`skip_serializing_if`): the next one is likely the property after
    /// it, so the hint moves past it instead of the next field being searched for.
    fn skip_field(&mut self, key: &'static str) -> Result<(), Stop> {
        if let Some(node) = self.node
            && node
                .properties
                .get(self.next)
                .is_some_and(|p| p.name == key)
        {
            self.next += 1;
        }
        Ok(())
    }

    fn end(self) -> Result<Seen, Stop> {
        self.finish()
    }
}

impl ser::SerializeMap for Fields<'_> {
    type Ok = Seen;
    type Error = Stop;

    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Stop> {
        match serde_json::to_value(key) {
            Ok(Value::String(key)) => {
                self.key = Some(key);
                Ok(())
            }
            _ => Err(Stop),
        }
    }

    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Stop> {
        let key = self.key.take().ok_or(Stop)?;
        self.field(&key, value)
    }

    fn end(self) -> Result<Seen, Stop> {
        self.finish()
    }
}
