//! What the commands print: aligned tables for people, JSON for programs.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicBool, Ordering};

use serde_json::{Value, json};

use crate::journal::{Entry, Recorded};
use crate::problem::Problem;

/// Whether a command printed its JSON on stdout (see [`printed_json`]).
static PRINTED_JSON: AtomicBool = AtomicBool::new(false);

/// `value` as pretty JSON on stdout.
pub fn print_json(value: &Value) {
    println!(
        "{}",
        serde_json::to_string_pretty(value).unwrap_or_default()
    );
    PRINTED_JSON.store(true, Ordering::SeqCst);
}

/// Whether stdout already holds a JSON document (a summary, say): a command's stdout holds
/// one, its result or else its error.
pub fn printed_json() -> bool {
    PRINTED_JSON.load(Ordering::SeqCst)
}

/// How a command that printed nothing ended, for programs:
/// `{"error": {"exit_code": 2, "kind": "configuration", "messages": […]}}`.
pub fn error_json(exit_code: u8, kind: &str, messages: &[String]) -> Value {
    json!({ "error": { "exit_code": exit_code, "kind": kind, "messages": messages } })
}

/// Rows as columns padded to their widest cell.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let mut line = |cells: Vec<&str>| {
        let mut text = String::new();
        for (index, (cell, width)) in cells.iter().zip(&widths).enumerate() {
            if index + 1 == cells.len() {
                text.push_str(cell);
            } else {
                let _ = write!(text, "{cell:<width$}  ");
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    };
    line(header.to_vec());
    for row in rows {
        line(row.iter().map(String::as_str).collect());
    }
    out
}

pub fn problems_text(problems: &[Problem]) -> String {
    let mut out = String::new();
    for problem in problems {
        let _ = writeln!(out, "{problem}");
    }
    let _ = writeln!(
        out,
        "{} problem{}; nothing was sent",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" }
    );
    out
}

pub fn problems_json(problems: &[Problem]) -> Value {
    json!({ "valid": problems.is_empty(), "problems": problems })
}

/// Counts of each outcome, and the items never started.
pub struct Tally {
    pub created: usize,
    pub found: usize,
    pub exists: usize,
    pub unchanged: usize,
    pub updated: usize,
    pub deleted: usize,
    pub unchangeable: usize,
    pub failed: usize,
    pub ambiguous: usize,
    pub not_started: usize,
}

impl Tally {
    pub fn of(entries: &[Entry], total: usize) -> Tally {
        let count = |o: Recorded| entries.iter().filter(|e| e.outcome == o).count();
        Tally {
            created: count(Recorded::Created),
            found: count(Recorded::Found),
            exists: count(Recorded::Exists),
            unchanged: count(Recorded::Unchanged),
            updated: count(Recorded::Updated),
            deleted: count(Recorded::Deleted),
            unchangeable: count(Recorded::Unchangeable),
            failed: count(Recorded::Failed),
            ambiguous: count(Recorded::Ambiguous),
            not_started: total.saturating_sub(entries.len()),
        }
    }

    pub fn all_present(&self) -> bool {
        self.failed == 0 && self.ambiguous == 0 && self.not_started == 0
    }
}

pub fn summary_text(entries: &[Entry], tally: &Tally) -> String {
    let rows: Vec<Vec<String>> = entries
        .iter()
        .map(|e| {
            vec![
                e.item.clone(),
                e.outcome.word().to_string(),
                match (&e.id, &e.error) {
                    (Some(id), Some(error)) => format!("{id}: {error}"),
                    (id, error) => id.clone().or_else(|| error.clone()).unwrap_or_default(),
                },
            ]
        })
        .collect();
    let mut out = table(&["ITEM", "OUTCOME", "ID / ERROR"], &rows);
    let _ = writeln!(
        out,
        "{} created, {} found by reading back, {} updated, {} unchanged, {} deleted, {} cannot be \
         changed, {} failed, {} unknown, {} not started",
        tally.created,
        tally.found,
        tally.updated,
        tally.unchanged + tally.exists,
        tally.deleted,
        tally.unchangeable,
        tally.failed,
        tally.ambiguous,
        tally.not_started
    );
    out
}

pub fn summary_json(entries: &[Entry], tally: &Tally) -> Value {
    json!({
        "items": entries,
        "created": tally.created,
        "found": tally.found,
        "updated": tally.updated,
        "unchanged": tally.unchanged + tally.exists,
        "deleted": tally.deleted,
        "unchangeable": tally.unchangeable,
        "failed": tally.failed,
        "ambiguous": tally.ambiguous,
        "not_started": tally.not_started,
    })
}
