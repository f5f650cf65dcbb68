//! A plan from what exists: each item matched to the resource of its name (or, renamed, of its
//! old name `was`) — an office by name, a mode by name in its organization and location — and
//! compared with it field by field; then, per scope the manifest manages, what it does not
//! name. Both vendors' first reads are tried whatever the other's came to.

use std::collections::{HashMap, HashSet};

use serde_json::Value;
use telephony::{OfficeBaseline, Vendor};

use super::read::{self, Scope, Scopes};
use super::{Action, Plan, Planned, RunError, Unnamed};
use crate::clients::Clients;
use crate::converge;
use crate::item::Item;

/// Reads what exists and plans `items`; with `prune`, the Webex modes of the manifest's scopes
/// that it does not name are to be deleted.
pub async fn plan(items: Vec<Item>, clients: &Clients, prune: bool) -> Result<Plan, RunError> {
    let mut unread = Vec::new();
    let mut offices = None;
    if items.iter().any(|i| i.vendor() == Vendor::Dialpad) {
        let client = clients
            .dialpad
            .as_ref()
            .ok_or(RunError::NoClient(Vendor::Dialpad))?;
        match read::offices(client).await {
            Ok(listed) => offices = Some(listed),
            Err(error) => unread.push((Vendor::Dialpad, error)),
        }
    }
    let mut scopes = Scopes::new();
    for item in &items {
        if let Some(scope) = scope_of(item) {
            scopes.entry(scope).or_default();
        }
    }
    if !scopes.is_empty() {
        let client = clients
            .webex
            .as_ref()
            .ok_or(RunError::NoClient(Vendor::Webex))?;
        if let Err(error) = read::modes(client, &mut scopes).await {
            unread.push((Vendor::Webex, error));
        }
    }
    if !unread.is_empty() {
        return Err(read::unread_error(clients, unread));
    }
    let offices = offices.unwrap_or_default();
    let baseline = (!offices.is_empty() || items.iter().any(|i| i.vendor() == Vendor::Dialpad))
        .then(|| OfficeBaseline::new(offices.iter().map(|o| o.id)));
    let mut office_ids: HashMap<String, (String, Value)> = HashMap::new();
    for listed in offices.iter().filter(|o| active(&o.office)) {
        if let Some(name) = listed.office.get("name").and_then(Value::as_str) {
            office_ids
                .entry(name.to_string())
                .or_insert_with(|| (listed.id.to_string(), listed.office.clone()));
        }
    }
    // Each resource stands for one item at most: first every item's own name, then the old
    // names of those left unmatched, never a resource another item has.
    let find = |item: &Item, name: &str| match item {
        Item::Office { .. } => office_ids.get(name).map(|(id, _)| id.clone()),
        Item::Mode { .. } => scopes.get(scope_of(item).as_ref()?).and_then(|modes| {
            modes
                .iter()
                .find(|(_, n)| n == name)
                .map(|(id, _)| id.clone())
        }),
    };
    let mut taken: HashSet<(Vendor, String)> = HashSet::new();
    let mut by_name: Vec<Option<String>> = Vec::new();
    for item in &items {
        let id = find(item, item.name()).filter(|id| taken.insert((item.vendor(), id.clone())));
        by_name.push(id);
    }
    let mut matched: Vec<(Item, Option<String>)> = Vec::new();
    for (item, id) in items.into_iter().zip(by_name) {
        let id = id.or_else(|| {
            let old = find(&item, item.was()?)?;
            taken.insert((item.vendor(), old.clone())).then_some(old)
        });
        matched.push((item, id));
    }
    let wanted: Vec<(String, Option<String>)> = matched
        .iter()
        .filter_map(|(item, id)| match item {
            Item::Mode { org_id, .. } => Some((id.clone()?, org_id.clone())),
            Item::Office { .. } => None,
        })
        .collect();
    let mut modes: HashMap<String, Value> = HashMap::new();
    if let (false, Some(client)) = (wanted.is_empty(), &clients.webex) {
        let ids: Vec<String> = wanted.iter().map(|(id, _)| id.clone()).collect();
        let read = read::details(client, wanted)
            .await
            .map_err(|error| read::unread_error(clients, vec![(Vendor::Webex, error)]))?;
        modes.extend(ids.into_iter().zip(read));
    }
    let by_id: HashMap<String, &Value> = offices
        .iter()
        .map(|o| (o.id.to_string(), &o.office))
        .collect();
    let planned = matched
        .into_iter()
        .map(|(item, existing)| {
            let current = existing.as_ref().and_then(|id| match &item {
                Item::Office { .. } => by_id.get(id).copied(),
                Item::Mode { .. } => modes.get(id),
            });
            let action = match (&existing, current) {
                (None, _) => Action::Create,
                (Some(_), None) => Action::Unchanged,
                (Some(_), Some(current)) => {
                    let comparison = converge::compare(&item, current);
                    if comparison.unchanged() {
                        Action::Unchanged
                    } else {
                        Action::Change(comparison)
                    }
                }
            };
            Planned {
                item,
                existing,
                action,
            }
        })
        .collect();
    let mut unnamed = Vec::new();
    for listed in &offices {
        let name = listed
            .office
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let primary = listed.office.get("is_primary_office") == Some(&Value::Bool(true));
        let id = (Vendor::Dialpad, listed.id.to_string());
        if !primary && active(&listed.office) && !taken.contains(&id) {
            unnamed.push(Unnamed {
                vendor: Vendor::Dialpad,
                label: Item::office(serde_json::json!({ "name": name })).label(),
                name: name.to_string(),
                id: listed.id.to_string(),
                org_id: None,
                delete: false,
            });
        }
    }
    for ((org_id, location), modes) in &scopes {
        for (id, name) in modes {
            // A mode listed in two scopes (an organization named and the token's) is one.
            if taken.insert((Vendor::Webex, id.clone())) {
                let item = Item::mode(
                    serde_json::json!({ "name": name }),
                    org_id.clone(),
                    location.clone(),
                );
                unnamed.push(Unnamed {
                    vendor: Vendor::Webex,
                    label: item.label(),
                    name: name.clone(),
                    id: id.clone(),
                    org_id: org_id.clone(),
                    delete: prune,
                });
            }
        }
    }
    Ok(Plan {
        items: planned,
        unnamed,
        baseline,
    })
}

/// Whether a listed office is in use (not deleted, cancelled …): only those stand for an item.
fn active(office: &Value) -> bool {
    office
        .get("state")
        .and_then(Value::as_str)
        .is_none_or(|state| state == "active")
}

/// The Webex scope of a mode (none for an office).
fn scope_of(item: &Item) -> Option<Scope> {
    match item {
        Item::Mode {
            org_id, location, ..
        } => Some((org_id.clone(), location.clone())),
        Item::Office { .. } => None,
    }
}
