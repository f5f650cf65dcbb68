//! The printed report of a conformance run: per vendor and mode a table of operations (sent,
//! decoded, decode failures by field, violations), the other errors, and each kind of
//! violation with its count and the decision that covers it — or `NOT COVERED`. It also
//! counts what fails the run.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::cli::CliRun;
use super::operations::{Row, cut};
use super::proxy::Exchange;
use super::violations::{Context, Place};

/// What fails the run, summed over every section.
#[derive(Debug, Default)]
pub struct Totals {
    /// Requests sent.
    pub sent: usize,
    /// Decode failures.
    pub decode_failures: usize,
    /// Violations a decision covers.
    pub covered: usize,
    /// Violations no decision covers (each occurrence).
    pub uncovered: usize,
    /// Kinds of violation no decision covers.
    pub uncovered_kinds: usize,
    /// Violations Prism found in its own answers (reported, not failures).
    pub in_answers: usize,
    /// Calls the client refused before sending (its own body broke the curated spec: a
    /// conversion that makes what the rules refuse).
    pub refused_own: usize,
    /// `telephony` runs killed at their time limit or ended by a signal.
    pub broken_runs: usize,
}

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct KindKey {
    vendor: &'static str,
    place: Place,
    severity: String,
}

#[derive(Debug)]
struct KindInfo {
    count: usize,
    message: String,
    /// `kind at` of the covering decision.
    decision: Option<String>,
}

/// Every violation of an exchange, located, with the decision that covers it. A request
/// Prism refused with an error of its own is a violation no decision covers: of the
/// operation's `route` when its path or method is not in the document (a `path-changed`
/// decision is already applied by the proxy), of its `security` when Prism found no
/// credentials the document accepts.
fn violations<'a>(
    exchange: &'a Exchange,
    contexts: &'a [&'a Context],
) -> impl Iterator<Item = (KindKey, String, Option<String>)> + 'a {
    let context = contexts.iter().find(|c| c.vendor == exchange.vendor);
    let operation = exchange
        .operation
        .clone()
        .unwrap_or_else(|| format!("{} {}", exchange.method, exchange.path));
    let route = exchange.prism_error.as_ref().map(|error| {
        let kind = error
            .split_once(':')
            .map_or(error.as_str(), |(kind, _)| kind);
        let facet = match kind {
            "NO_PATH_MATCHED_ERROR" | "NO_METHOD_MATCHED_ERROR" => "route".to_string(),
            "UNAUTHORIZED" => "security".to_string(),
            other => other.to_lowercase(),
        };
        let place = Place {
            at: operation.clone(),
            facet,
            answer: false,
        };
        (place, "Error".to_string(), error.clone(), None)
    });
    let listed = exchange.violations.iter().map(move |v| {
        let place = match context {
            Some(context) => context.locate(&operation, exchange.status, v),
            None => Place {
                at: format!("{operation}/{}", v.location.join("/")),
                facet: v.code.clone(),
                answer: v.location.first().map(String::as_str) == Some("response"),
            },
        };
        // A decision covers a body violation only where our own rules accept the body.
        let body_refused = place.at.contains("/request/body") && !exchange.ours.is_empty();
        let decision = context
            .and_then(|c| c.decision(&place))
            .filter(|_| !body_refused)
            .map(|d| format!("{} {}", d.kind.name(), d.at));
        (place, v.severity.clone(), v.message.clone(), decision)
    });
    route
        .into_iter()
        .chain(listed)
        .map(move |(place, severity, message, decision)| {
            let key = KindKey {
                vendor: exchange.vendor.name(),
                place,
                severity,
            };
            (key, message, decision)
        })
}

/// `n (m NOT COVERED)` of a row's request violations, then those Prism found in its answers.
fn violation_cell(exchanges: &[Exchange], contexts: &[&Context]) -> String {
    let (mut request, mut uncovered, mut answer, mut answer_uncovered) = (0, 0, 0, 0);
    for exchange in exchanges {
        for (key, _, decision) in violations(exchange, contexts) {
            if key.place.answer {
                answer += 1;
                answer_uncovered += usize::from(decision.is_none());
            } else {
                request += 1;
                uncovered += usize::from(decision.is_none());
            }
        }
    }
    let shown = |n: usize, m: usize| match (n, m) {
        (0, _) => "0".to_string(),
        (n, 0) => format!("{n} (all covered)"),
        (n, m) => format!("{n} ({m} NOT COVERED)"),
    };
    match answer {
        0 => shown(request, uncovered),
        _ => format!(
            "{}; in answers: {}",
            shown(request, uncovered),
            shown(answer, answer_uncovered).replace("NOT COVERED", "not covered")
        ),
    }
}

/// `200 ×198, 400 ×2`.
fn answers(exchanges: &[Exchange]) -> String {
    let mut statuses: BTreeMap<u16, usize> = BTreeMap::new();
    for exchange in exchanges {
        *statuses.entry(exchange.status).or_default() += 1;
    }
    counts(statuses.iter().map(|(s, n)| (s.to_string(), *n)))
}

fn counts(items: impl Iterator<Item = (String, usize)>) -> String {
    let shown: Vec<String> = items.map(|(what, n)| format!("{what} ×{n}")).collect();
    if shown.is_empty() {
        "0".into()
    } else {
        shown.join(", ")
    }
}

/// A table with a header line, columns padded to their widest cell.
fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(cell, width)| format!("{cell:<width$}"))
            .collect();
        format!("| {} |\n", padded.join(" | "))
    };
    let mut out = line(header.to_vec());
    let dashes: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    out.push_str(&line(dashes.iter().map(String::as_str).collect()));
    for row in rows {
        out.push_str(&line(row.iter().map(String::as_str).collect()));
    }
    out
}

/// The report of the client's operations against one Prism.
pub fn operations(rows: &[Row], contexts: &[&Context], totals: &mut Totals) -> String {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            vec![
                row.label.clone(),
                row.exchanges.len().to_string(),
                answers(&row.exchanges),
                row.tally.decoded.to_string(),
                failures(row),
                violation_cell(&row.exchanges, contexts),
            ]
        })
        .collect();
    let header = [
        "operation",
        "sent",
        "Prism answered",
        "decoded",
        "decode failures (by field)",
        "violations",
    ];
    let mut out = table(&header, &cells);
    let errors: Vec<String> = rows
        .iter()
        .flat_map(|row| {
            row.tally.errors.iter().map(|(label, (n, text))| {
                format!("  {}: {label} ×{n} — {}\n", row.label, cut(text, 200))
            })
        })
        .collect();
    if !errors.is_empty() {
        out.push_str("other errors (not decode failures):\n");
        out.extend(errors);
    }
    out.push_str(&details(rows, contexts, totals));
    out
}

/// The report of the `telephony` command's runs.
pub fn commands(runs: &[CliRun], contexts: &[&Context], totals: &mut Totals) -> String {
    let cells: Vec<Vec<String>> = runs
        .iter()
        .map(|run| {
            vec![
                run.command.clone(),
                run.exit.clone(),
                run.row.exchanges.len().to_string(),
                answers(&run.row.exchanges),
                failures(&run.row),
                violation_cell(&run.row.exchanges, contexts),
            ]
        })
        .collect();
    let header = [
        "command",
        "result",
        "sent",
        "Prism answered",
        "decode failures (by field)",
        "violations",
    ];
    let mut out = table(&header, &cells);
    for run in runs {
        let mut sent: BTreeMap<String, usize> = BTreeMap::new();
        for exchange in &run.row.exchanges {
            let operation = exchange.operation.as_deref().unwrap_or("?");
            let key = format!(
                "{} {operation} ({} {}{}) → {}",
                exchange.vendor.name(),
                exchange.method,
                exchange.path,
                exchange.query,
                exchange.status
            );
            *sent.entry(key).or_default() += 1;
        }
        let _ = writeln!(out, "requests of `{}`:", run.command);
        for (request, n) in sent {
            let _ = writeln!(out, "  ×{n:<4} {request}");
        }
    }
    let rows: Vec<&Row> = runs.iter().map(|r| &r.row).collect();
    out.push_str(&details_of(&rows, contexts, totals));
    out
}

fn failures(row: &Row) -> String {
    let total: usize = row.tally.decode_failures.values().sum();
    if total == 0 {
        return "0".into();
    }
    let fields = row
        .tally
        .decode_failures
        .iter()
        .map(|(field, n)| format!("{n} at {field}"));
    fields.collect::<Vec<_>>().join("; ")
}

fn details(rows: &[Row], contexts: &[&Context], totals: &mut Totals) -> String {
    let rows: Vec<&Row> = rows.iter().collect();
    details_of(&rows, contexts, totals)
}

/// Path rewrites, then each kind of violation with its count and decision; adds to `totals`.
fn details_of(rows: &[&Row], contexts: &[&Context], totals: &mut Totals) -> String {
    let mut out = String::new();
    let exchanges = || rows.iter().flat_map(|r| &r.exchanges);
    totals.sent += exchanges().count();
    totals.decode_failures += rows
        .iter()
        .map(|r| r.tally.decode_failures.values().sum::<usize>())
        .sum::<usize>();
    totals.refused_own += rows
        .iter()
        .filter_map(|r| r.tally.errors.get(super::operations::REFUSED_OWN))
        .map(|(n, _)| n)
        .sum::<usize>();
    let mut rewrites: BTreeMap<String, usize> = BTreeMap::new();
    for exchange in exchanges() {
        if let Some(to) = &exchange.rewritten {
            let key = format!("{} {} → {to}", exchange.method, exchange.path);
            *rewrites.entry(key).or_default() += 1;
        }
    }
    for (rewrite, n) in &rewrites {
        let _ = writeln!(
            out,
            "path sent as the vendor publishes it (path-changed decision): {rewrite} ×{n}"
        );
    }
    let mut kinds: BTreeMap<KindKey, KindInfo> = BTreeMap::new();
    for exchange in exchanges() {
        for (key, message, decision) in violations(exchange, contexts) {
            let info = kinds.entry(key).or_insert(KindInfo {
                count: 0,
                message,
                decision,
            });
            info.count += 1;
        }
    }
    let (answers, requests): (Vec<_>, Vec<_>) = kinds.iter().partition(|(k, _)| k.place.answer);
    if requests.is_empty() {
        out.push_str("request violations: none\n");
    } else {
        out.push_str("request violations (count, location · facet, covered by):\n");
    }
    for (key, info) in requests {
        if info.decision.is_some() {
            totals.covered += info.count;
        } else {
            totals.uncovered += info.count;
            totals.uncovered_kinds += 1;
        }
        out.push_str(&kind_line(key, info, "NOT COVERED"));
    }
    if !answers.is_empty() {
        out.push_str(
            "answer violations (Prism's check of the answer it made up from the vendor's \
             document against the vendor's own schema; reported, not failures):\n",
        );
    }
    for (key, info) in answers {
        totals.in_answers += info.count;
        out.push_str(&kind_line(key, info, "no decision"));
    }
    out
}

fn kind_line(key: &KindKey, info: &KindInfo, uncovered: &str) -> String {
    let verdict = match &info.decision {
        Some(decision) => format!("covered by {decision}"),
        None => uncovered.to_string(),
    };
    let severity = if key.severity == "Error" {
        String::new()
    } else {
        format!(" [{}]", key.severity)
    };
    format!(
        "  ×{:<4} {} {} · {}{severity} — {verdict}\n         Prism: {}\n",
        info.count,
        key.vendor,
        key.place.at,
        key.place.facet,
        cut(&info.message, 160)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_pads_its_columns() {
        let shown = table(&["a", "bb"], &[vec!["long".into(), "1".into()]]);
        assert_eq!(shown, "| a    | bb |\n| ---- | -- |\n| long | 1  |\n");
    }
}
