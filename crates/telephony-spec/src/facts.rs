//! What a spec documents about the vendor beyond the shape of a valid request: the values it
//! applies to absent fields, its request rate, its numeric limits and its array sizes.
//!
//! The client paces and batches by these facts and the mock enforces them, so both read them
//! from the spec (its `x-telephony-*` extensions and schema keywords) rather than from numbers
//! written down twice.

use serde_json::Value;

use crate::index::Index;

/// The value the vendor applies to each property of the component schema `name` when it is
/// absent: its `x-telephony-default` or, failing that, its schema `default`.
pub(crate) fn defaults(index: &Index, name: &str) -> Vec<(String, Value)> {
    index
        .component_properties(name)
        .into_iter()
        .flatten()
        .filter_map(|(field, property)| {
            let (property, _) = index.resolve(property);
            let default = property
                .get("x-telephony-default")
                .or_else(|| property.get("default"))?;
            Some((field.clone(), default.clone()))
        })
        .collect()
}

/// An extension (`x-…` key) of the operation `operation_id`.
pub(crate) fn operation_extension<'i>(
    index: &'i Index,
    operation_id: &str,
    key: &str,
) -> Option<&'i Value> {
    index.operation(operation_id)?.get(key)
}

/// The `x-telephony-rate-limit` of an operation, as requests per number of seconds.
pub(crate) fn rate_limit(index: &Index, operation_id: &str) -> Option<(u32, u64)> {
    let limit = operation_extension(index, operation_id, "x-telephony-rate-limit")?;
    let requests = u32::try_from(limit.get("requests")?.as_u64()?).ok()?;
    Some((requests, limit.get("per-seconds")?.as_u64()?))
}

/// A numeric limit of an operation's `x-telephony-limits`.
pub(crate) fn limit(index: &Index, operation_id: &str, key: &str) -> Option<u64> {
    operation_extension(index, operation_id, "x-telephony-limits")?
        .get(key)?
        .as_u64()
}

/// The `maxItems` of an array property of the component schema `schema`.
pub(crate) fn max_items(index: &Index, schema: &str, property: &str) -> Option<usize> {
    let property = index.component_property(schema, property)?;
    let (property, _) = index.resolve(property);
    usize::try_from(property.get("maxItems")?.as_u64()?).ok()
}
