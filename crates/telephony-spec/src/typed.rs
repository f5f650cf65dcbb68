//! Checking a typed request (any `Serialize` value) without first turning it into JSON.
//!
//! A client checks every typed body before sending it. Converting it to a `serde_json::Value`
//! and walking the spec's schema as JSON costs more than the request itself on loopback, so the
//! schema is compiled once into a tree of [`Node`]s, and a `serde::Serializer` walks the value
//! against it, allocating nothing for a valid body. The walk only answers "valid or not": at
//! the first problem it stops, and the value is checked again by the JSON validator, which
//! reports every violation with its path. So the two can never disagree on what is reported,
//! and a walk that meets anything unusual simply says "not sure" and defers to the JSON path.

use std::collections::HashMap;

use serde::Serialize;
use serde::ser::{self, Impossible};
use serde_json::{Map, Value};

use crate::rules::{Rule, is_time};
use crate::validate::Validator;
use crate::violation::{Path, ViolationList, is_date};

/// A schema compiled for the walk: what each keyword asks, read once.
#[derive(Debug, Default)]
pub(crate) struct Node {
    ty: Option<Ty>,
    nullable: bool,
    enumeration: Option<Vec<Value>>,
    /// The texts of a string enum.
    enum_texts: Option<Texts>,
    min_length: Option<u64>,
    max_length: Option<u64>,
    pattern: Option<Pattern>,
    date: bool,
    int32: bool,
    int64: bool,
    minimum: Option<(f64, bool)>,
    maximum: Option<(f64, bool)>,
    min_items: Option<u64>,
    max_items: Option<u64>,
    unique: bool,
    items: Option<usize>,
    properties: Vec<Property>,
    required: Vec<String>,
    additional: Additional,
    rules: Vec<Rule>,
    /// The `any_of` rules, as masks of property indices (checked without capturing).
    any_of: Vec<u64>,
    /// Each property's schema `default`, for the rules.
    defaults: Vec<(String, Value)>,
}

/// A property of an object node, sorted by name.
#[derive(Debug)]
struct Property {
    name: String,
    node: usize,
    required: bool,
    capture: Capture,
    /// A `time_pairs` rule of the object names it (checked during the walk).
    pairs: bool,
}

/// What the object's rules need of a property.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Capture {
    /// Nothing.
    No,
    /// Whether it is there and not null.
    Presence,
    /// Its value.
    Value,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ty {
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
enum Additional {
    #[default]
    Any,
    Forbidden,
    Schema(usize),
}

/// The values of a string enum: a few are compared one by one (lengths first), many are
/// hashed.
#[derive(Debug)]
enum Texts {
    Few(Vec<String>),
    Many(std::collections::HashSet<String>),
}

impl Texts {
    fn contains(&self, text: &str) -> bool {
        match self {
            Texts::Few(texts) => texts.iter().any(|t| t == text),
            Texts::Many(texts) => texts.contains(text),
        }
    }
}

/// A pattern: the three the specs use most, matched by hand, and any other by its regex.
#[derive(Debug)]
enum Pattern {
    /// `^[^\r\n]*$`
    SingleLine,
    /// `^([01][0-9]|2[0-3]):[0-5][0-9]$`
    HourMinute,
    /// `^[0-9]$`
    Digit,
    Regex(regress::Regex),
}

impl Pattern {
    fn new(pattern: &str, regex: &regress::Regex) -> Pattern {
        match pattern {
            r"^[^\r\n]*$" => Pattern::SingleLine,
            "^([01][0-9]|2[0-3]):[0-5][0-9]$" => Pattern::HourMinute,
            "^[0-9]$" => Pattern::Digit,
            _ => Pattern::Regex(regex.clone()),
        }
    }

    fn matches(&self, text: &str) -> bool {
        match self {
            Pattern::SingleLine => !text.contains(['\r', '\n']),
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

/// The compiled request schemas of a spec's operations.
#[derive(Debug, Default)]
pub(crate) struct Compiled {
    nodes: Vec<Node>,
    bodies: HashMap<String, usize>,
}

impl Compiled {
    pub(crate) fn new(validator: &Validator) -> Compiled {
        let mut compiled = Compiled::default();
        let mut memo = HashMap::new();
        for (operation, schema) in validator.request_schemas() {
            let root = compiled.compile(validator, schema, &mut memo);
            compiled.bodies.insert(operation.to_string(), root);
        }
        compiled
    }

    fn compile(
        &mut self,
        validator: &Validator,
        schema: &Value,
        memo: &mut HashMap<*const Value, usize>,
    ) -> usize {
        let (schema, at) = validator.resolve_schema(schema);
        if let Some(&index) = memo.get(&(schema as *const Value)) {
            return index;
        }
        let index = self.nodes.len();
        self.nodes.push(Node::default());
        memo.insert(schema as *const Value, index);
        let number = |key: &str| schema.get(key).and_then(Value::as_u64);
        let flag = |key: &str| schema.get(key).and_then(Value::as_bool).unwrap_or(false);
        let bound = |key: &str, exclusive: &str| {
            schema
                .get(key)
                .and_then(Value::as_f64)
                .map(|b| (b, flag(exclusive)))
        };
        let format = schema.get("format").and_then(Value::as_str);
        let mut node = Node {
            ty: schema.get("type").and_then(Value::as_str).map(|t| match t {
                "object" => Ty::Object,
                "array" => Ty::Array,
                "string" => Ty::Text,
                "boolean" => Ty::Boolean,
                "integer" => Ty::Integer,
                "number" => Ty::Number,
                _ => Ty::Unknown,
            }),
            nullable: flag("nullable"),
            enumeration: schema.get("enum").and_then(Value::as_array).cloned(),
            min_length: number("minLength"),
            max_length: number("maxLength"),
            pattern: schema
                .get("pattern")
                .and_then(Value::as_str)
                .and_then(|p| Some(Pattern::new(p, validator.pattern(p)?))),
            date: format == Some("date"),
            int32: format == Some("int32"),
            int64: format == Some("int64"),
            minimum: bound("minimum", "exclusiveMinimum"),
            maximum: bound("maximum", "exclusiveMaximum"),
            min_items: number("minItems"),
            max_items: number("maxItems"),
            unique: flag("uniqueItems"),
            required: crate::doc::required(schema).map(str::to_string).collect(),
            rules: at
                .and_then(|pointer| validator.rules_at(pointer))
                .cloned()
                .unwrap_or_default(),
            ..Node::default()
        };
        if schema.get("pattern").is_some() && node.pattern.is_none() {
            node.ty = Some(Ty::Unknown);
        }
        node.enum_texts = node.enumeration.as_ref().and_then(|values| {
            let texts: Vec<String> = values
                .iter()
                .map(|v| v.as_str().map(str::to_string))
                .collect::<Option<_>>()?;
            Some(if texts.len() > 8 {
                Texts::Many(texts.into_iter().collect())
            } else {
                Texts::Few(texts)
            })
        });
        let (any_of, rules): (Vec<Rule>, Vec<Rule>) = std::mem::take(&mut node.rules)
            .into_iter()
            .partition(|rule| matches!(rule, Rule::AnyOf { .. }));
        let (pairs, rules): (Vec<Rule>, Vec<Rule>) = rules
            .into_iter()
            .partition(|rule| matches!(rule, Rule::TimePairs { .. }));
        let paired: Vec<String> = pairs.iter().flat_map(Rule::fields).map(|f| f.0).collect();
        node.rules = rules;
        let read: Vec<(String, bool)> = node.rules.iter().flat_map(Rule::fields).collect();
        if let Some(items) = schema.get("items") {
            node.items = Some(self.compile(validator, items, memo));
        }
        let properties = schema.get("properties").and_then(Value::as_object);
        for (name, property) in properties.into_iter().flatten() {
            let child = self.compile(validator, property, memo);
            let reads = read.iter().filter(|(field, _)| field == name);
            let capture = reads.fold(Capture::No, |capture, (_, value)| match (capture, value) {
                (_, true) | (Capture::Value, _) => Capture::Value,
                _ => Capture::Presence,
            });
            node.properties.push(Property {
                name: name.clone(),
                node: child,
                required: node.required.iter().any(|r| r == name),
                capture,
                pairs: paired.contains(name),
            });
            let (resolved, _) = validator.resolve_schema(property);
            if let Some(default) = resolved.get("default") {
                node.defaults.push((name.clone(), default.clone()));
            }
        }
        node.properties.sort_by(|a, b| a.name.cmp(&b.name));
        let index_of = |field: &str| node.properties.iter().position(|p| p.name == field);
        if paired.iter().any(|field| index_of(field).is_none()) {
            node.ty = Some(Ty::Unknown);
        }
        for rule in &any_of {
            let fields = rule.fields();
            let indices: Option<Vec<usize>> = fields.iter().map(|(f, _)| index_of(f)).collect();
            match indices {
                Some(indices) if indices.iter().all(|i| *i < 64) => node
                    .any_of
                    .push(indices.iter().fold(0, |mask, i| mask | 1 << i)),
                _ => node.ty = Some(Ty::Unknown),
            }
        }
        if read
            .iter()
            .any(|(field, _)| !node.properties.iter().any(|p| &p.name == field))
            || node
                .required
                .iter()
                .any(|r| !node.properties.iter().any(|p| &p.name == r))
        {
            // A rule or `required` names a field that is not a property: the JSON path
            // handles such objects.
            node.ty = Some(Ty::Unknown);
        }
        node.additional = match schema.get("additionalProperties") {
            Some(Value::Bool(false)) => Additional::Forbidden,
            Some(extra @ Value::Object(_)) => {
                Additional::Schema(self.compile(validator, extra, memo))
            }
            _ => Additional::Any,
        };
        self.nodes[index] = node;
        index
    }

    /// Whether `value`, as a body of `operation`, surely breaks nothing; `false` means "check
    /// it as JSON" (it may still be valid).
    pub(crate) fn surely_valid(&self, operation: &str, value: &impl Serialize) -> bool {
        match self.bodies.get(operation) {
            Some(&root) => value
                .serialize(Walk {
                    tree: self,
                    node: Some(root),
                    pairs: false,
                })
                .is_ok(),
            None => false,
        }
    }
}

/// The walk stopped: a problem, or something it does not handle.
#[derive(Debug)]
pub(crate) struct Stop;

impl std::fmt::Display for Stop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not surely valid")
    }
}

impl std::error::Error for Stop {}

impl ser::Error for Stop {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Stop
    }
}

fn ensure(ok: bool) -> Result<(), Stop> {
    if ok { Ok(()) } else { Err(Stop) }
}

/// A serializer checking one value against one node (`None`: anything goes, as for a field
/// that `additionalProperties` leaves open).
#[derive(Clone, Copy)]
struct Walk<'t> {
    tree: &'t Compiled,
    node: Option<usize>,
    /// The value is an array a `time_pairs` rule of its object names.
    pairs: bool,
}

impl<'t> Walk<'t> {
    fn node(&self) -> Option<&'t Node> {
        self.node.map(|index| &self.tree.nodes[index])
    }

    fn typed(&self, ty: Ty, value: impl FnOnce() -> Value) -> Result<Option<&'t Node>, Stop> {
        let Some(node) = self.node() else {
            return Ok(None);
        };
        let fits = match node.ty {
            None => true,
            Some(Ty::Number) => matches!(ty, Ty::Integer | Ty::Number),
            Some(expected) => expected == ty,
        };
        ensure(fits)?;
        if let Some(values) = &node.enumeration {
            ensure(values.contains(&value()))?;
        }
        Ok(Some(node))
    }

    fn number(&self, value: serde_json::Number) -> Result<(), Stop> {
        let ty = if value.is_f64() {
            Ty::Number
        } else {
            Ty::Integer
        };
        let Some(node) = self.typed(ty, || Value::Number(value.clone()))? else {
            return Ok(());
        };
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

    fn object(self, fields: usize) -> Result<Fields<'t>, Stop> {
        let node = self.typed(Ty::Object, || Value::Null)?;
        let _ = fields;
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

/// What a walked value was, as far as its parent needs to know.
#[derive(Debug, Clone, Copy, Default)]
struct Seen {
    /// It was null.
    null: bool,
    /// A text of 5 bytes (a time, perhaps), for `time_pairs`.
    text5: Option<[u8; 5]>,
}

const NULL: Seen = Seen {
    null: true,
    text5: None,
};

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
        let Some(node) = self.node() else {
            return Ok(Seen {
                null: false,
                text5: v.as_bytes().try_into().ok(),
            });
        };
        ensure(matches!(node.ty, None | Some(Ty::Text)))?;
        match (&node.enum_texts, &node.enumeration) {
            (Some(texts), _) => ensure(texts.contains(v))?,
            (None, Some(_)) => return Err(Stop),
            (None, None) => {}
        }
        if node.min_length.is_some() || node.max_length.is_some() {
            let length = v.chars().count() as u64;
            ensure(node.max_length.is_none_or(|max| length <= max))?;
            ensure(node.min_length.is_none_or(|min| length >= min))?;
        }
        if let Some(pattern) = &node.pattern {
            ensure(pattern.matches(v))?;
        }
        ensure(!node.date || is_date(v))?;
        Ok(Seen {
            null: false,
            text5: v.as_bytes().try_into().ok(),
        })
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
        ensure(self.node().is_none_or(|node| node.nullable)).map(|()| NULL)
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
    fn serialize_map(self, len: Option<usize>) -> Result<Fields<'t>, Stop> {
        self.object(len.unwrap_or(0))
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Fields<'t>, Stop> {
        self.object(len)
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
struct Items<'t> {
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
        let Some(node) = self.node else {
            return Ok(Seen::default());
        };
        ensure(node.max_items.is_none_or(|max| self.count <= max))?;
        ensure(node.min_items.is_none_or(|min| self.count >= min))?;
        ensure(self.pairs.is_none() || self.count.is_multiple_of(2))?;
        Ok(Seen::default())
    }
}

/// The fields of an object (a struct or a map).
struct Fields<'t> {
    tree: &'t Compiled,
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
        let hinted = node
            .properties
            .get(self.next)
            .filter(|p| p.name == key)
            .map(|_| self.next);
        let found = match hinted {
            Some(index) => Ok(index),
            None => node
                .properties
                .binary_search_by(|p| p.name.as_str().cmp(key)),
        }
        .map(|index| {
            self.next = index + 1;
            (index, &node.properties[index])
        });
        let (child, capture, index, pairs) = match found {
            Ok((index, property)) => {
                self.required_seen += usize::from(property.required);
                (
                    Some(property.node),
                    property.capture,
                    Some(index),
                    property.pairs,
                )
            }
            Err(_) => match node.additional {
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
        let Some(node) = self.node else {
            return Ok(Seen::default());
        };
        ensure(self.required_seen == node.required.len())?;
        ensure(node.any_of.iter().all(|mask| self.present & mask != 0))?;
        if node.rules.is_empty() {
            return Ok(Seen::default());
        }
        let default_of = |field: &str| {
            node.defaults
                .iter()
                .find(|(name, _)| name == field)
                .map(|(_, value)| value.clone())
        };
        let mut found = ViolationList::default();
        for rule in &node.rules {
            rule.check(&self.captured, &Path::Root, &default_of, &mut found);
        }
        ensure(found.total() == 0).map(|()| Seen::default())
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

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use crate::validate::Validator;

    fn both(validator: &Validator, operation: &str, body: &Value) -> (bool, usize) {
        let compiled = super::Compiled::new(validator);
        let fast = compiled.surely_valid(operation, body);
        let found = validator.request_body(operation, body).total();
        assert!(
            !fast || found == 0,
            "walked as valid, but {found} violations: {body}"
        );
        assert_eq!(
            validator.request_body_typed(operation, body).into_vec(),
            validator.request_body(operation, body).into_vec()
        );
        (fast, found)
    }

    fn office() -> Value {
        json!({
            "name": "Chicago Loop", "country": "US", "currency": "USD", "plan_period": "monthly",
            "annual_commit_monthly_billing": false, "invoiced": false, "unified_billing": true,
            "billing_address": {"address_line_1": "233 S Wacker Dr", "city": "Chicago",
                                "region": "IL", "postal_code": "60606", "country": "US"},
            "e911_address": {"address": "233 S Wacker Dr", "city": "Chicago", "state": "IL",
                             "zip": "60606", "country": "US"},
            "ring_seconds": 25, "hours_on": true, "timezone": "America/Chicago",
            "monday_hours": ["08:00", "12:00", "13:00", "17:00"], "sunday_hours": [],
            "routing_options": {
                "open": {"action": "menu", "try_dial_operators": true,
                         "dtmf": [{"input": "1", "options": {"action": "department",
                                   "action_target_type": "department", "action_target_id": 7}}]},
                "closed": {"action": "voicemail", "try_dial_operators": false}
            }
        })
    }

    #[test]
    fn hand_matched_patterns_agree_with_their_regexes() {
        let samples = [
            "",
            "0",
            "9",
            "a",
            "10",
            "00:00",
            "23:59",
            "24:00",
            "19:60",
            "9:30",
            "09:30",
            "09:30 ",
            "one line",
            "two\nlines",
            "cr\r",
            "\u{2028}",
            "é:00",
            "１",
        ];
        for pattern in [r"^[^\r\n]*$", "^([01][0-9]|2[0-3]):[0-5][0-9]$", "^[0-9]$"] {
            let regex = regress::Regex::new(pattern).expect("regex");
            let fast = super::Pattern::new(pattern, &regex);
            assert!(!matches!(fast, super::Pattern::Regex(_)), "{pattern}");
            for text in samples {
                assert_eq!(
                    fast.matches(text),
                    regex.find(text).is_some(),
                    "{pattern} {text:?}"
                );
            }
        }
    }

    #[test]
    fn a_valid_body_is_walked_without_json_and_agrees() {
        assert_eq!(
            both(Validator::dialpad(), "create_office", &office()),
            (true, 0)
        );
        let mode = json!({"name": "Day", "type": "SAME_HOURS_DAILY", "level": "LOCATION",
            "locationId": "L", "callForwarding": {"destination": "+1", "enabled": true},
            "sameHoursDaily": {
                "mondayToFriday": {"enabled": true, "allDayEnabled": false,
                                   "startTime": "08:00", "endTime": "17:00"},
                "saturdayToSunday": {"enabled": false}}});
        assert_eq!(
            both(Validator::webex(), "create_operating_mode", &mode),
            (true, 0)
        );
    }

    #[test]
    fn every_kind_of_problem_stops_the_walk() {
        let breaks: [(&str, Value); 12] = [
            ("name", json!("")),
            ("name", json!("two\nlines")),
            ("ring_seconds", json!(5)),
            ("ring_seconds", json!(25.5)),
            ("country", json!("XX")),
            ("invoiced", json!(null)),
            ("monday_hours", json!(["08:00"])),
            ("monday_hours", json!(["17:00", "08:00"])),
            ("sunday_hours", json!(["8:00", "09:00"])),
            ("e911_address", json!(null)),
            ("no_such_field", json!(1)),
            (
                "routing_options",
                json!({"open": {"action": "menu", "try_dial_operators": true,
                "dtmf": [{"input": "12"}]}, "closed": {"action": "voicemail",
                "try_dial_operators": false}}),
            ),
        ];
        for (field, value) in breaks {
            let mut body = office();
            body[field] = value;
            let (fast, found) = both(Validator::dialpad(), "create_office", &body);
            assert!(!fast && found > 0, "{field}: {body}");
        }
        let mut body = office();
        body.as_object_mut().map(|o| o.remove("e911_address"));
        assert!(!both(Validator::dialpad(), "create_office", &body).0);
        body.as_object_mut().map(|o| o.remove("name"));
        assert!(!both(Validator::dialpad(), "create_office", &body).0);
    }
}
