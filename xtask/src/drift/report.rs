//! The drift report: new differences, decisions that still hold, decisions that no longer do.

use std::fmt;

use super::curation::Decision;
use super::facts::PRESENT;

/// One fact that differs between the vendor's document and our spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// Where: operation, then parameter, request or response, then field path.
    pub at: String,
    /// Which facet (`type`, `required`, `value FIFTH`, … or `present`).
    pub facet: String,
    /// The vendor's value, if it has one.
    pub vendor: Option<String>,
    /// Our value, if we have one.
    pub ours: Option<String>,
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = |v: &Option<String>| v.clone().unwrap_or_else(|| "(absent)".to_string());
        match (&self.vendor, &self.ours) {
            (Some(v), None) if self.facet == PRESENT => {
                write!(f, "only in the vendor's document ({v})")
            }
            (None, Some(o)) if self.facet == PRESENT => write!(f, "only in our spec ({o})"),
            _ => write!(
                f,
                "{}: vendor {}, ours {}",
                self.facet,
                shown(&self.vendor),
                shown(&self.ours)
            ),
        }
    }
}

/// The outcome of a comparison.
#[derive(Debug)]
pub struct Report {
    /// Our operations and the published operation each was compared with (`None`: the
    /// vendor's document has no such operation).
    pub operations: Vec<(String, Option<String>)>,
    /// Differences no decision explains.
    pub new: Vec<Difference>,
    /// Decisions that explain at least one difference, with how many.
    pub holding: Vec<(Decision, usize)>,
    /// Decisions that explain nothing any more.
    pub stale: Vec<Decision>,
}

impl Report {
    /// Sorts the differences into explained and new, and the decisions into holding and
    /// stale.
    pub fn new(
        operations: Vec<(String, Option<String>)>,
        differences: Vec<Difference>,
        decisions: Vec<Decision>,
    ) -> Report {
        let mut counts = vec![0usize; decisions.len()];
        let mut new = Vec::new();
        for difference in differences {
            let mut explained = false;
            for (index, decision) in decisions.iter().enumerate() {
                if decision.covers(
                    &difference.at,
                    &difference.facet,
                    difference.vendor.as_deref(),
                ) {
                    counts[index] += 1;
                    explained = true;
                }
            }
            if !explained {
                new.push(difference);
            }
        }
        let (mut holding, mut stale) = (Vec::new(), Vec::new());
        for (decision, count) in decisions.into_iter().zip(counts) {
            if count == 0 {
                stale.push(decision);
            } else {
                holding.push((decision, count));
            }
        }
        Report {
            operations,
            new,
            holding,
            stale,
        }
    }

    /// Whether the spec needs no edit: nothing new, nothing stale.
    pub fn is_clean(&self) -> bool {
        self.new.is_empty() && self.stale.is_empty()
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Operations compared (ours: published):")?;
        for (ours, published) in &self.operations {
            let published = published
                .as_deref()
                .unwrap_or("(not in the vendor's document)");
            writeln!(f, "  {ours}: {published}")?;
        }
        writeln!(f, "\nNew differences ({}):", self.new.len())?;
        let mut last: Option<&str> = None;
        for difference in &self.new {
            if last != Some(difference.at.as_str()) {
                writeln!(f, "  {}", difference.at)?;
                last = Some(&difference.at);
            }
            writeln!(f, "    {difference}")?;
        }
        writeln!(
            f,
            "\nRecorded decisions that still hold ({}):",
            self.holding.len()
        )?;
        for (decision, count) in &self.holding {
            write_decision(f, decision)?;
            let plural = if *count == 1 { "" } else { "s" };
            writeln!(f, "      explains {count} difference{plural}")?;
        }
        writeln!(
            f,
            "\nRecorded decisions that no longer hold ({}):",
            self.stale.len()
        )?;
        for decision in &self.stale {
            write_decision(f, decision)?;
            writeln!(
                f,
                "      explains no difference any more: drop it (or correct it, if a new difference took its place)"
            )?;
        }
        Ok(())
    }
}

fn write_decision(f: &mut fmt::Formatter<'_>, decision: &Decision) -> fmt::Result {
    let vendor = decision
        .vendor
        .as_deref()
        .map(|v| format!(" (vendor: {v})"))
        .unwrap_or_default();
    writeln!(
        f,
        "  {} {} [{}]{vendor}",
        decision.kind.name(),
        decision.at,
        decision.facets.join(", ")
    )?;
    writeln!(f, "      {}", decision.why)
}
