//! The reads of a plan: every Dialpad office (the listing carries every field compared), the
//! operating modes of each Webex scope the manifest names, and one `get` per existing mode
//! (a listing does not carry a mode's schedule), a few at a time within the client's pacing,
//! with a progress bar on a terminal.

use std::collections::BTreeMap;
use std::io::IsTerminal;

use futures_util::{StreamExt, TryStreamExt, stream};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::Value;
use telephony::Vendor;

use super::RunError;
use crate::clients::{Clients, Doing};

/// A Webex scope: its organization (none: the token's) and location (none: organization level).
pub type Scope = (Option<String>, Option<String>);

/// The modes of each scope, as (id, name), in the vendor's order.
pub type Scopes = BTreeMap<Scope, Vec<(String, String)>>;

/// How many mode reads are in flight at once (the client paces them).
const GETS_IN_FLIGHT: usize = 8;

/// An office as listed: its id, and the office as JSON.
pub struct Listed {
    pub id: i64,
    pub office: Value,
}

/// Every Dialpad office.
pub async fn offices(client: &telephony::DialpadClient) -> Result<Vec<Listed>, telephony::Error> {
    client
        .offices()
        .items()
        .try_filter_map(|office| async move {
            let Some(id) = telephony::dialpad::id_of(&office) else {
                return Ok(None);
            };
            let office = serde_json::to_value(&office).unwrap_or(Value::Null);
            Ok(Some(Listed { id, office }))
        })
        .try_collect()
        .await
}

/// The modes of each scope of `scopes`; stops at the first listing that fails.
pub async fn modes(
    client: &telephony::WebexClient,
    scopes: &mut Scopes,
) -> Result<(), telephony::Error> {
    for ((org_id, location), found) in scopes.iter_mut() {
        let mut list = client.operating_modes().page_size(100);
        if let Some(org) = org_id {
            list = list.org_id(org.clone());
        }
        list = match location {
            Some(location) => list.location(location.clone()),
            None => list.organization_level_only(),
        };
        let expected_level = if location.is_some() {
            "LOCATION"
        } else {
            "ORGANIZATION"
        };
        let modes: Vec<_> = list.items().try_collect().await?;
        for mode in modes {
            let same_scope = mode.level.as_deref().is_none_or(|l| l == expected_level)
                && (location.is_none()
                    || mode.location.as_ref().map(|l| &l.id) == location.as_ref());
            if same_scope {
                found.push((mode.id, mode.name));
            }
        }
    }
    Ok(())
}

/// Each mode of `wanted` (its id and organization) as read, in `wanted`'s order.
pub async fn details(
    client: &telephony::WebexClient,
    wanted: Vec<(String, Option<String>)>,
) -> Result<Vec<Value>, telephony::Error> {
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = ProgressBar::new(wanted.len() as u64);
        bar.set_style(
            ProgressStyle::with_template("reading operating modes {bar:40} {pos}/{len}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    });
    let read = stream::iter(wanted)
        .map(|(id, org_id)| async move {
            let mut get = client.get_operating_mode(id);
            if let Some(org) = org_id {
                get = get.org_id(org);
            }
            get.send()
                .await
                .map(|mode| serde_json::to_value(mode).unwrap_or(Value::Null))
        })
        .buffered(GETS_IN_FLIGHT)
        .inspect(|_| {
            if let Some(bar) = &bar {
                bar.inc(1);
            }
        })
        .try_collect()
        .await;
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    read
}

/// The error of first reads that failed (at least one): the settings they show wrong, each
/// named, if any; otherwise the first failure, with the variable its base URL came from.
pub fn unread_error(clients: &Clients, unread: Vec<(Vendor, telephony::Error)>) -> RunError {
    let mut fix = Vec::new();
    let mut failed = Vec::new();
    for (vendor, error) in unread {
        match clients.named(vendor, Doing::Reading, error) {
            Ok(named) => fix.push(named),
            Err(error) => failed.push(match clients.base_url_variable(vendor) {
                Some(variable) => RunError::ReadAt {
                    variable,
                    source: error,
                },
                None => RunError::Read(error),
            }),
        }
    }
    match (fix.is_empty(), failed.is_empty()) {
        (true, false) => failed.remove(0),
        _ => RunError::Settings { fix, failed },
    }
}
