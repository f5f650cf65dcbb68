//! Checking a typed request (any `Serialize` value) without first turning it into JSON.
//!
//! A client checks every typed body before sending it. Converting it to a `serde_json::Value`
//! and walking the spec's schema as JSON costs more than the request itself on loopback, so the
//! schema is compiled once into a tree of [`Node`]s, and a `serde::Serializer` walks the value
//! against it, allocating nothing for a valid body. The walk only answers "valid or not": at
//! the first problem it stops, and the value is checked again by the JSON validator, which
//! reports every violation with its path. So the two can never disagree on what is reported,
//! and a walk that meets anything unusual simply says "not sure" and defers to the JSON path.

mod check;
mod compile;
mod tree;
mod walk;

use std::collections::HashMap;

use serde::Serialize;

use crate::index::Index;
use tree::Node;
use walk::Walk;

/// The compiled request schemas of a spec's operations.
#[derive(Debug)]
pub(crate) struct Compiled {
    nodes: Vec<Node>,
    /// Each operation's body, as the index of its root node.
    bodies: HashMap<String, usize>,
}

impl Compiled {
    /// Compiles the JSON request body schema of every operation of the spec.
    pub(crate) fn new(index: &Index) -> Compiled {
        let (nodes, bodies) = compile::compile(index);
        Compiled { nodes, bodies }
    }

    /// Whether `value`, as a body of `operation`, surely breaks nothing; `false` means "check
    /// it as JSON" (it may still be valid).
    pub(crate) fn surely_valid(&self, operation: &str, value: &impl Serialize) -> bool {
        match self.bodies.get(operation) {
            Some(&root) => value.serialize(Walk::root(&self.nodes, root)).is_ok(),
            None => false,
        }
    }
}

#[cfg(test)]
mod tests;
