//! Checking a typed request (any `Serialize` value) without first turning it into JSON.
//!
//! A client checks every typed body before sending it. Converting it to a `serde_json::Value`
//! and walking the spec's schema as JSON costs more than the request itself on loopback, so the
//! schema is compiled once into a tree of [`Node`]s, and a `serde::Serializer` walks the value
//! against it, allocating nothing for a valid body. The walk only answers "valid or not": at
//! the first problem it stops, and the value is checked again by the JSON validator, which
//! reports every violation with its path. So the two can never disagree on what is reported,
//! and a walk that meets anything unusual simply says "not sure" and defers to the JSON path.

mod walk;

use std::collections::HashMap;

use serde::Serialize;
use serde_json::Value;

use crate::rules::Rule;
use crate::validate::Validator;
use walk::Walk;

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

#[cfg(test)]
mod tests;
