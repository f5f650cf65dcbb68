//! What `plan` prints, the way people know it from Terraform: `+` create, `~` update with each
//! differing field (its path, old → new, long values shortened), `!` what the vendor's API
//! cannot change and why, `-` delete (only with `--prune`), `?` what exists in a managed scope
//! that the manifest does not name; then one line of counts. `--output json` carries the same,
//! values whole.

use std::fmt::Write as _;

use serde_json::{Value, json};

use crate::converge::{Difference, webex};
use crate::item::Item;
use crate::run::{Action, Plan, Planned};

/// The longest a value is shown in text; longer ones end in `…`.
const SHOWN_CHARS: usize = 60;

/// How many of each kind of action a plan holds.
#[derive(Debug, Default, PartialEq)]
pub struct Counts {
    pub create: usize,
    pub update: usize,
    pub cannot: usize,
    pub delete: usize,
    pub unchanged: usize,
    pub unnamed: usize,
}

impl Counts {
    pub fn of(plan: &Plan) -> Counts {
        let mut counts = Counts::default();
        for planned in &plan.items {
            match &planned.action {
                Action::Create => counts.create += 1,
                Action::Unchanged => counts.unchanged += 1,
                Action::Change(c) => {
                    counts.update += usize::from(!c.update.is_empty());
                    counts.cannot += usize::from(!c.cannot.is_empty());
                }
            }
        }
        for unnamed in &plan.unnamed {
            if unnamed.delete {
                counts.delete += 1;
            } else {
                counts.unnamed += 1;
            }
        }
        counts
    }

    fn line(&self) -> String {
        format!(
            "Plan: {} to create, {} to update, {} cannot be updated, {} to delete, {} unchanged, \
             {} not in the manifest.",
            self.create, self.update, self.cannot, self.delete, self.unchanged, self.unnamed
        )
    }
}

pub fn text(plan: &Plan, show_bodies: bool) -> String {
    let mut out = String::new();
    for planned in &plan.items {
        let label = labelled(planned);
        match &planned.action {
            Action::Create => {
                let _ = writeln!(out, "+ {label}");
                if show_bodies {
                    let _ = writeln!(out, "{}", indented(planned.item.body()));
                }
            }
            Action::Unchanged => {}
            Action::Change(comparison) => {
                if !comparison.update.is_empty() {
                    let _ = writeln!(out, "~ {label}");
                    for difference in &comparison.update {
                        let _ = writeln!(out, "    {}", shown(difference));
                    }
                    if show_bodies {
                        let _ = writeln!(out, "{}", indented(&update_body(&planned.item)));
                    }
                }
                if !comparison.cannot.is_empty() {
                    let _ = writeln!(out, "! {label}");
                    let mut whys: Vec<&str> = Vec::new();
                    for (difference, why) in &comparison.cannot {
                        let _ = writeln!(out, "    {}", shown(difference));
                        if !whys.contains(&why.as_str()) {
                            whys.push(why);
                        }
                    }
                    for why in whys {
                        let _ = writeln!(out, "    ({why})");
                    }
                }
            }
        }
    }
    for unnamed in &plan.unnamed {
        if unnamed.delete {
            let _ = writeln!(out, "- {} ({})", unnamed.label, unnamed.id);
        } else if unnamed.vendor == telephony::Vendor::Webex {
            let _ = writeln!(
                out,
                "? {} ({}): not in the manifest; `apply --prune` deletes it",
                unnamed.label, unnamed.id
            );
        } else {
            let _ = writeln!(
                out,
                "? {} ({}): not in the manifest; Dialpad's API cannot delete offices",
                unnamed.label, unnamed.id
            );
        }
    }
    let counts = Counts::of(plan);
    if plan.nothing_to_do() {
        let _ = writeln!(out, "Nothing to do: the vendors match the manifest.");
    }
    let _ = writeln!(out, "{}", counts.line());
    out
}

pub fn json(plan: &Plan, show_bodies: bool) -> Value {
    let items: Vec<Value> = plan
        .items
        .iter()
        .map(|planned| {
            let (action, changes) = match &planned.action {
                Action::Create => ("create", Vec::new()),
                Action::Unchanged => ("unchanged", Vec::new()),
                Action::Change(c) => {
                    let mut changes: Vec<Value> =
                        c.update.iter().map(|d| change_json(d, None)).collect();
                    changes.extend(c.cannot.iter().map(|(d, why)| change_json(d, Some(why))));
                    let action = if c.update.is_empty() {
                        "cannot"
                    } else {
                        "update"
                    };
                    (action, changes)
                }
            };
            let mut item = json!({
                "item": planned.item.label(),
                "vendor": planned.item.vendor().name(),
                "name": planned.item.name(),
                "was": planned.item.was(),
                "action": action,
                "id": planned.existing,
                "changes": changes,
            });
            if show_bodies {
                match &planned.action {
                    Action::Create => item["body"] = planned.item.body().clone(),
                    Action::Change(c) if !c.update.is_empty() => {
                        item["body"] = update_body(&planned.item);
                    }
                    _ => {}
                }
            }
            item
        })
        .collect();
    let unnamed: Vec<Value> = plan
        .unnamed
        .iter()
        .map(|u| {
            json!({
                "item": u.label,
                "vendor": u.vendor.name(),
                "name": u.name,
                "id": u.id,
                "action": if u.delete { "delete" } else { "keep" },
            })
        })
        .collect();
    let counts = Counts::of(plan);
    json!({
        "plan": items,
        "unnamed": unnamed,
        "nothing_to_do": plan.nothing_to_do(),
        "counts": {
            "create": counts.create,
            "update": counts.update,
            "cannot": counts.cannot,
            "delete": counts.delete,
            "unchanged": counts.unchanged,
            "unnamed": counts.unnamed,
        },
    })
}

fn change_json(difference: &Difference, cannot: Option<&String>) -> Value {
    json!({
        "path": difference.path,
        "old": difference.old,
        "new": difference.new,
        "updatable": cannot.is_none(),
        "why": cannot,
    })
}

/// The body `apply` sends to update the item.
fn update_body(item: &Item) -> Value {
    match item {
        Item::Office { body, .. } => {
            crate::converge::dialpad::e911_update(body).unwrap_or_default()
        }
        Item::Mode { body, .. } => webex::patch(body),
    }
}

fn labelled(planned: &Planned) -> String {
    let mut label = planned.item.label();
    if let Some(id) = &planned.existing {
        let _ = write!(label, " ({id})");
    }
    if let (Some(was), Some(_)) = (planned.item.was(), &planned.existing) {
        let _ = write!(label, ", was {was:?}");
    }
    label
}

/// `path: old → new`, each value shortened.
fn shown(difference: &Difference) -> String {
    format!(
        "{}: {} → {}",
        difference.path,
        short(difference.old.as_ref()),
        short(difference.new.as_ref())
    )
}

fn short(value: Option<&Value>) -> String {
    let Some(value) = value else {
        return "(absent)".into();
    };
    let text = value.to_string();
    if text.chars().count() <= SHOWN_CHARS {
        return text;
    }
    let mut cut: String = text.chars().take(SHOWN_CHARS - 1).collect();
    cut.push('…');
    cut
}

fn indented(value: &Value) -> String {
    serde_json::to_string_pretty(value)
        .unwrap_or_default()
        .lines()
        .map(|line| format!("    {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn long_values_are_shortened_and_absent_ones_named() {
        let long = json!("x".repeat(100));
        let shown = short(Some(&long));
        assert_eq!(shown.chars().count(), SHOWN_CHARS);
        assert!(shown.ends_with('…'));
        assert_eq!(short(None), "(absent)");
        assert_eq!(short(Some(&json!("+1"))), "\"+1\"");
    }
}
