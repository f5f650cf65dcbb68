//! The parser's errors said in the project's words: what is wrong at the position, and for a
//! limit, which one and what to do. Anything else is the parser's own first line, without
//! the position it repeats or advice about its options.

use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::granit_parser::ErrorKind;
use serde_saphyr::{Error, ExternalMessageSource};

use super::limits::{MAX_ANCHORED, MAX_DEPTH, MAX_NODES, MAX_TEXT_BYTES};

/// What to say about `err`.
pub fn said(err: &Error) -> String {
    let mut inner = err.without_snippet();
    while let Error::AliasError { error, .. } | Error::WithSnippet { error, .. } = inner {
        inner = error;
    }
    match inner {
        Error::Budget { breach, .. } => breached(breach),
        Error::AliasReplayLimitExceeded { .. } | Error::AliasExpansionLimitExceeded { .. } => {
            too_many_values()
        }
        Error::ExternalMessage { source, .. } => match source.as_ref() {
            ExternalMessageSource::Parser(scan) => match scan.kind() {
                ErrorKind::TabInBlockIndentation => {
                    "a tab indents this line; YAML indents with spaces only".into()
                }
                ErrorKind::TabNotAllowed => {
                    "a tab where YAML allows only spaces; use spaces".into()
                }
                _ => first_line(&err.to_string()),
            },
            _ => first_line(&err.to_string()),
        },
        _ => first_line(&err.to_string()),
    }
}

/// A limit of [`super::limits`] that the file went past.
fn breached(breach: &BudgetBreach) -> String {
    match breach {
        BudgetBreach::Nodes { .. }
        | BudgetBreach::Events { .. }
        | BudgetBreach::Aliases { .. }
        | BudgetBreach::Anchors { .. } => too_many_values(),
        BudgetBreach::Depth { .. } => format!(
            "nested more than {MAX_DEPTH} levels deep, the most a file may nest; a manifest \
             needs at most 6"
        ),
        BudgetBreach::ScalarBytes { .. } => format!(
            "holds more than {} MiB of text (counting what aliases repeat), the most a file \
             may; split it into smaller files",
            MAX_TEXT_BYTES / (1024 * 1024)
        ),
        BudgetBreach::RecordedAnchorEvents { .. } | BudgetBreach::RecordedAnchorBytes { .. } => {
            format!(
                "its anchors (`&name`) keep more than {MAX_ANCHORED} values for their aliases, \
                 the most a file may; write the repeated parts out instead"
            )
        }
        _ => "goes past a limit of the YAML reader on anchors and aliases; write the repeated \
              parts out instead"
            .into(),
    }
}

fn too_many_values() -> String {
    format!(
        "holds more than {MAX_NODES} values (counting those aliases repeat), the most a file \
         may; split it into smaller files, or write out fewer aliases"
    )
}

/// The parser's message without the position it repeats or advice about its own options.
fn first_line(text: &str) -> String {
    let first = text.lines().next().unwrap_or(text).trim();
    let first = first.strip_prefix("error: ").unwrap_or(first);
    let first = match first.split_once(": ") {
        Some((at, rest)) if at.starts_with("line ") => rest,
        _ => first,
    };
    first
        .split(", set DuplicateKeyPolicy")
        .next()
        .unwrap_or(first)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_limit_is_named_with_what_to_do() {
        let nodes = breached(&BudgetBreach::Nodes {
            nodes: MAX_NODES + 1,
        });
        assert!(nodes.contains("more than 4194304 values") && nodes.contains("split it"));
        let depth = breached(&BudgetBreach::Depth { depth: 65 });
        assert!(depth.starts_with("nested more than 64 levels"), "{depth}");
        let text = breached(&BudgetBreach::ScalarBytes {
            total_scalar_bytes: MAX_TEXT_BYTES + 1,
        });
        assert!(text.contains("64 MiB of text"), "{text}");
        let ratio = breached(&BudgetBreach::AliasAnchorRatio {
            aliases: 1,
            anchors: 1,
        });
        assert!(!ratio.contains("AliasAnchorRatio"), "{ratio}");
        let kept = breached(&BudgetBreach::RecordedAnchorEvents {
            recorded_anchor_events: MAX_ANCHORED + 1,
        });
        assert!(
            kept.contains("anchors (`&name`) keep more than 1000000"),
            "{kept}"
        );
    }
}
