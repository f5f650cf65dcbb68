//! `cargo xtask drift`: compares a curated spec with the vendor's published document.
//!
//! Both documents are flattened into facts (see [`facts`]) for the operations the curated
//! spec covers; every fact that differs is either explained by a recorded decision (see
//! [`curation`]) or reported as new. A decision that explains nothing any more is reported
//! too: the vendor fixed what it worked around, and it should be dropped.

pub mod curation;
mod error;
pub mod facts;
mod load;
mod report;

use std::collections::BTreeSet;

use serde_json::Value;

pub use error::DriftError;
pub use load::{MAX_DOCUMENT_BYTES, read_document};
pub use report::{Difference, Report};

use curation::Kind;
use facts::{Facts, PRESENT};

/// Compares the curated spec `ours` with the vendor's published document `theirs`.
pub fn compare(ours: &Value, theirs: &Value) -> Result<Report, DriftError> {
    let decisions = curation::decisions(ours)?;
    let mut mine = Facts::new();
    let mut vendor = Facts::new();
    let mut pairs = Vec::new();
    for op in telephony_spec::doc::operations(ours) {
        let (route, method) = (op.route, op.method);
        let name = op.definition["operationId"].as_str().map_or_else(
            || format!("{} {route}", method.to_uppercase()),
            str::to_string,
        );
        facts::operation(ours, &name, route, method, &mut mine);
        // The vendor's path: ours, or the one a `path-changed` decision records.
        let recorded = decisions.iter().filter_map(|d| {
            let vendor_path = d.vendor.as_deref()?;
            (d.kind == Kind::PathChanged && d.covers(&name, "path", Some(vendor_path)))
                .then_some(vendor_path)
        });
        let published = std::iter::once(route)
            .chain(recorded)
            .find(|r| theirs["paths"][*r].get(method).is_some());
        if let Some(published) = published {
            facts::operation(theirs, &name, published, method, &mut vendor);
        }
        let shown = published.map(|p| format!("{} {p}", method.to_uppercase()));
        pairs.push((name, shown));
    }
    let differences = differences(&vendor, &mine);
    Ok(Report::new(pairs, differences, decisions))
}

/// Every fact that differs, with the facts below a location that only one side has folded
/// into that one difference.
fn differences(vendor: &Facts, mine: &Facts) -> Vec<Difference> {
    let locations: BTreeSet<&String> = vendor.keys().chain(mine.keys()).collect();
    let mut out: Vec<Difference> = Vec::new();
    let mut one_sided: Vec<String> = Vec::new();
    for at in locations {
        if one_sided.iter().any(|gone| {
            at.strip_prefix(gone.as_str())
                .is_some_and(|r| r.starts_with('/'))
        }) {
            continue;
        }
        let empty = Default::default();
        let theirs = vendor.get(at).unwrap_or(&empty);
        let ours = mine.get(at).unwrap_or(&empty);
        if theirs.contains_key(PRESENT) != ours.contains_key(PRESENT) {
            one_sided.push(at.clone());
            let summary = |facts: &std::collections::BTreeMap<String, String>| {
                facts.get(PRESENT).map(|_| describe(facts))
            };
            out.push(Difference {
                at: at.clone(),
                facet: PRESENT.to_string(),
                vendor: summary(theirs),
                ours: summary(ours),
            });
            continue;
        }
        let facets: BTreeSet<&String> = theirs.keys().chain(ours.keys()).collect();
        for facet in facets {
            let (v, o) = (theirs.get(facet), ours.get(facet));
            if v != o {
                out.push(Difference {
                    at: at.clone(),
                    facet: facet.clone(),
                    vendor: v.cloned(),
                    ours: o.cloned(),
                });
            }
        }
    }
    out
}

/// A short description of a location that only one side has: its type and whether it is
/// required, or its method and path.
fn describe(facts: &std::collections::BTreeMap<String, String>) -> String {
    let mut parts = Vec::new();
    if let (Some(method), Some(path)) = (facts.get("method"), facts.get("path")) {
        parts.push(format!("{method} {path}"));
    }
    if let Some(kind) = facts.get("type") {
        parts.push(kind.clone());
    }
    if let Some(format) = facts.get("format") {
        parts.push(format!("format {}", format.trim_matches('"')));
    }
    if facts.get("required").map(String::as_str) == Some("true") {
        parts.push("required".to_string());
    }
    if parts.is_empty() {
        "yes".to_string()
    } else {
        parts.join(", ")
    }
}
