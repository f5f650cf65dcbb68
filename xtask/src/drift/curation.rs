//! The deliberate differences between a curated spec and the vendor's published document.
//!
//! Each spec lists them under `x-telephony-curation.decisions`, one entry per decision:
//! where (`at`, a glob over fact locations), which facets (`facets`, globs), what kind of
//! change, optionally the value the vendor's document has (`vendor`), and why. The drift
//! report uses them to tell an intended difference from a new one.

use globset::{Glob, GlobBuilder, GlobMatcher};
use serde::Deserialize;
use serde_json::Value;

use super::error::DriftError;

/// How a decision's `vendor` says that the vendor's document has no value for the facet.
pub const ABSENT: &str = "(absent)";

/// What kind of deliberate difference a decision records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// The path differs from the published one.
    PathChanged,
    /// The `operationId` differs from the published one.
    OperationRenamed,
    /// A field or parameter the vendor marks required is optional here.
    RequirementRelaxed,
    /// A body, field or parameter the vendor leaves optional is required here.
    RequirementAdded,
    /// A type is narrower here (`number` read as integer, a string given a `format`).
    TypeNarrowed,
    /// An answer's type is wider here: it also accepts the form the vendor's own examples
    /// use (an `integer` that may come as a decimal string).
    TypeWidened,
    /// A response enum is read as an open string listing its known values.
    EnumReadAsString,
    /// Enum values are listed here that the published document leaves out, or the reverse.
    EnumValuesChanged,
    /// A limit (range, length, item count, pattern) stated only in the vendor's prose.
    LimitAdded,
    /// A default stated only in the vendor's prose.
    DefaultAdded,
    /// `nullable` differs from the published document.
    NullableChanged,
    /// A response (status, media type or body) documented here that the published
    /// document leaves out or documents differently.
    ResponseDocumented,
    /// A schema fact replaced by an `x-telephony-rules` entry that says it more precisely
    /// (a field required only in some cases).
    RuleAdded,
}

impl Kind {
    /// The name used in the spec and in the report.
    pub fn name(self) -> &'static str {
        match self {
            Kind::PathChanged => "path-changed",
            Kind::OperationRenamed => "operation-renamed",
            Kind::RequirementRelaxed => "requirement-relaxed",
            Kind::RequirementAdded => "requirement-added",
            Kind::TypeNarrowed => "type-narrowed",
            Kind::TypeWidened => "type-widened",
            Kind::EnumReadAsString => "enum-read-as-string",
            Kind::EnumValuesChanged => "enum-values-changed",
            Kind::LimitAdded => "limit-added",
            Kind::DefaultAdded => "default-added",
            Kind::NullableChanged => "nullable-changed",
            Kind::ResponseDocumented => "response-documented",
            Kind::RuleAdded => "rule-added",
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    at: String,
    facets: Vec<String>,
    kind: Kind,
    #[serde(default)]
    vendor: Option<String>,
    why: String,
}

/// One recorded decision.
#[derive(Debug)]
pub struct Decision {
    /// The glob over locations, as written.
    pub at: String,
    /// The facet globs, as written.
    pub facets: Vec<String>,
    /// What kind of difference it is.
    pub kind: Kind,
    /// The value the vendor's document has, when the decision depends on it ([`ABSENT`]: it
    /// has none).
    pub vendor: Option<String>,
    /// Why the spec differs.
    pub why: String,
    at_matcher: GlobMatcher,
    facet_matchers: Vec<GlobMatcher>,
}

impl Decision {
    /// Whether this decision explains a difference of `facet` at `at` where the vendor has
    /// `vendor`.
    pub fn covers(&self, at: &str, facet: &str, vendor: Option<&str>) -> bool {
        self.at_matcher.is_match(at)
            && self.facet_matchers.iter().any(|m| m.is_match(facet))
            && self
                .vendor
                .as_deref()
                .is_none_or(|v| v == vendor.unwrap_or(ABSENT))
    }

    /// Whether this decision is about `facet` at `at`, whatever value the vendor's document
    /// has there (`cargo xtask conformance` sees what Prism refused, not the vendor's value).
    pub fn matches(&self, at: &str, facet: &str) -> bool {
        self.at_matcher.is_match(at) && self.facet_matchers.iter().any(|m| m.is_match(facet))
    }
}

/// Reads the decisions of a curated spec (none when it records none).
pub fn decisions(spec: &Value) -> Result<Vec<Decision>, DriftError> {
    let listed = &spec["x-telephony-curation"]["decisions"];
    if listed.is_null() {
        return Ok(Vec::new());
    }
    let entries: Vec<Entry> =
        serde_json::from_value(listed.clone()).map_err(|source| DriftError::Curation {
            message: source.to_string(),
        })?;
    entries
        .into_iter()
        .enumerate()
        .map(|(index, entry)| {
            let glob = |pattern: &str, separator: bool| {
                GlobBuilder::new(pattern)
                    .literal_separator(separator)
                    .build()
                    .map(|g: Glob| g.compile_matcher())
                    .map_err(|source| DriftError::Curation {
                        message: format!("decision {index} (`{}`): {source}", entry.at),
                    })
            };
            if entry.facets.is_empty() {
                return Err(DriftError::Curation {
                    message: format!("decision {index} (`{}`) names no facets", entry.at),
                });
            }
            Ok(Decision {
                at_matcher: glob(&entry.at, true)?,
                facet_matchers: entry
                    .facets
                    .iter()
                    .map(|f| glob(f, false))
                    .collect::<Result<_, _>>()?,
                at: entry.at,
                facets: entry.facets,
                kind: entry.kind,
                vendor: entry.vendor,
                why: entry.why,
            })
        })
        .collect()
}
