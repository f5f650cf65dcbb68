//! Compiling a spec's request schemas into the nodes the typed walk reads.
//!
//! Each schema is read once: `$ref`s are followed through the spec's index, each keyword is
//! turned into a field of a [`Node`], and the `x-telephony-rules` are sorted into those the walk
//! checks on the way (`any_of`, `time_pairs`) and those it checks on captured fields. Anything
//! the walk cannot decide marks the node `Unknown`, so the walk defers to the JSON validator.

use std::collections::HashMap;

use serde_json::Value;

use super::tree::{Additional, Capture, Node, Pattern, Property, Texts, Ty};
use crate::index::Index;
use crate::rules::Rule;

/// The compiled request schemas of a spec: the nodes, and each operation's root node.
pub(super) fn compile(index: &Index) -> (Vec<Node>, HashMap<String, usize>) {
    let mut compiler = Compiler {
        index,
        nodes: Vec::new(),
        memo: HashMap::new(),
    };
    let mut bodies = HashMap::new();
    for (operation, schema) in index.request_schemas() {
        let root = compiler.compile(schema);
        bodies.insert(operation.to_string(), root);
    }
    (compiler.nodes, bodies)
}

/// The nodes compiled so far, and which schema each was compiled from.
struct Compiler<'i> {
    index: &'i Index,
    nodes: Vec<Node>,
    memo: HashMap<*const Value, usize>,
}

impl Compiler<'_> {
    /// Compiles `schema` (and what it refers to), returning its node's index; a schema met
    /// again, through a `$ref` or a cycle, is compiled once.
    fn compile(&mut self, schema: &Value) -> usize {
        let (schema, at) = self.index.resolve(schema);
        if let Some(&index) = self.memo.get(&(schema as *const Value)) {
            return index;
        }
        let index = self.nodes.len();
        self.nodes.push(Node::default());
        self.memo.insert(schema as *const Value, index);
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
                .and_then(|p| Some(Pattern::new(p, self.index.pattern(p)?))),
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
                .and_then(|pointer| self.index.rules_at(pointer))
                .map(<[Rule]>::to_vec)
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
            node.items = Some(self.compile(items));
        }
        let properties = schema.get("properties").and_then(Value::as_object);
        for (name, property) in properties.into_iter().flatten() {
            let child = self.compile(property);
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
            let (resolved, _) = self.index.resolve(property);
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
            Some(extra @ Value::Object(_)) => Additional::Schema(self.compile(extra)),
            _ => Additional::Any,
        };
        self.nodes[index] = node;
        index
    }
}
