//! Planning and applying: read back what exists, create only what is missing through the
//! client's billing-safe creates (paced, capped in flight), and journal every outcome. The two
//! vendors are independent (each client has its own pacing), so their items run at once.
//!
//! Every vendor's first read is tried before a plan fails, so that one run names every
//! setting to fix: the first reads that show one wrong (a refused token, a base URL that cannot
//! work) end the run as a configuration error (exit 2, [`RunError::Settings`]); any other
//! failure to read is a failure of the run (exit 3), naming the variable its base URL came
//! from. A create refused for a setting is journaled as failed with the setting named.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use futures_util::{Stream, StreamExt, TryStreamExt, stream};
use telephony::{OfficeBaseline, Vendor};

use crate::clients::{ClientError, Clients, Doing};
use crate::item::Item;
use crate::journal::{Entry, Journal, JournalError, Recorded};

/// An item and the id of the resource that already has its name, if any.
#[derive(Debug, Clone)]
pub struct Planned {
    pub item: Item,
    pub existing: Option<String>,
}

/// What a run would do.
#[derive(Debug)]
pub struct Plan {
    pub items: Vec<Planned>,
    /// Every office that existed when planning (the read-back of Dialpad creates).
    pub baseline: Option<OfficeBaseline>,
}

/// Why a run could not go on.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("reading what exists failed")]
    Read(#[from] telephony::Error),
    /// Reading what exists failed at a base URL that `variable` set.
    #[error("reading what exists failed (base URL from {variable})")]
    ReadAt {
        variable: &'static str,
        source: telephony::Error,
    },
    /// The vendors' first reads showed settings to fix (at least one), each named; `failed`
    /// are the other vendors' first reads that failed for another reason.
    #[error("reading what exists showed settings to fix")]
    Settings {
        fix: Vec<ClientError>,
        failed: Vec<RunError>,
    },
    #[error(transparent)]
    Journal(#[from] JournalError),
    #[error("the manifest has {} items but no client is set up for them", .0.name())]
    NoClient(Vendor),
}

/// The modes' ids by name, in each organization-and-location (none: organization level).
type Scopes = BTreeMap<(Option<String>, Option<String>), HashMap<String, String>>;

/// Reads back what exists: every Dialpad office once, and the operating modes of each
/// organization-and-scope the manifest names. Both vendors' first reads are tried whatever the
/// other's came to.
pub async fn plan(items: Vec<Item>, clients: &Clients) -> Result<Plan, RunError> {
    let mut baseline = None;
    let mut offices: HashMap<String, String> = HashMap::new();
    let mut unread = Vec::new();
    if items.iter().any(|i| i.vendor() == Vendor::Dialpad) {
        let client = clients
            .dialpad
            .as_ref()
            .ok_or(RunError::NoClient(Vendor::Dialpad))?;
        match list_offices(client).await {
            Ok(listed) => {
                for (id, name) in &listed {
                    if let Some(name) = name {
                        offices
                            .entry(name.clone())
                            .or_insert_with(|| id.to_string());
                    }
                }
                baseline = Some(OfficeBaseline::new(listed.into_iter().map(|(id, _)| id)));
            }
            Err(error) => unread.push((Vendor::Dialpad, error)),
        }
    }
    let mut scopes = Scopes::new();
    for item in &items {
        if let Item::Mode {
            org_id, location, ..
        } = item
        {
            scopes
                .entry((org_id.clone(), location.clone()))
                .or_default();
        }
    }
    if !scopes.is_empty() {
        let client = clients
            .webex
            .as_ref()
            .ok_or(RunError::NoClient(Vendor::Webex))?;
        if let Err(error) = list_modes(client, &mut scopes).await {
            unread.push((Vendor::Webex, error));
        }
    }
    if !unread.is_empty() {
        return Err(unread_error(clients, unread));
    }
    let items = items
        .into_iter()
        .map(|item| {
            let existing = match &item {
                Item::Office { name, .. } => offices.get(name).cloned(),
                Item::Mode {
                    name,
                    org_id,
                    location,
                    ..
                } => scopes
                    .get(&(org_id.clone(), location.clone()))
                    .and_then(|names| names.get(name).cloned()),
            };
            Planned { item, existing }
        })
        .collect();
    Ok(Plan { items, baseline })
}

/// Every Dialpad office, as its id and name.
async fn list_offices(
    client: &telephony::DialpadClient,
) -> Result<Vec<(i64, Option<String>)>, telephony::Error> {
    client
        .offices()
        .items()
        .try_filter_map(|o| async move { Ok(telephony::dialpad::id_of(&o).map(|id| (id, o.name))) })
        .try_collect()
        .await
}

/// The modes of each organization-and-scope in `scopes`, by name; stops at the first listing
/// that fails.
async fn list_modes(
    client: &telephony::WebexClient,
    scopes: &mut Scopes,
) -> Result<(), telephony::Error> {
    for ((org_id, location), names) in scopes.iter_mut() {
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
                names.entry(mode.name).or_insert(mode.id);
            }
        }
    }
    Ok(())
}

/// The error of first reads that failed (at least one): the settings they show wrong, each
/// named, if any; otherwise the first failure, with the variable its base URL came from.
fn unread_error(clients: &Clients, unread: Vec<(Vendor, telephony::Error)>) -> RunError {
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

/// Creates every missing item of `plan`, journaling each outcome (and every item that already
/// existed) as it is known. The Dialpad items and the Webex items are two streams that run at
/// once, each with up to `concurrency` creates in flight and its client's own pacing, so
/// neither vendor waits for the other. Stops starting new creates once `stop` is set; creates
/// in flight finish and are journaled. `report` hears each entry as it comes; the entries
/// returned are in the manifest's order.
pub async fn apply(
    plan: Plan,
    clients: &Clients,
    journal: &Arc<Journal>,
    concurrency: usize,
    stop: Arc<AtomicBool>,
    report: impl Fn(&Entry),
) -> Result<Vec<Entry>, RunError> {
    let mut entries = Vec::new();
    let mut missing = Vec::new();
    for (index, planned) in plan.items.into_iter().enumerate() {
        match planned.existing {
            Some(id) => {
                let entry = Entry::new(&planned.item, Recorded::Exists, Some(id), None);
                record(journal, &entry).await?;
                report(&entry);
                entries.push((index, entry));
            }
            None => missing.push((index, planned.item)),
        }
    }
    let baseline = plan.baseline.unwrap_or_default();
    let (offices, modes) = missing
        .into_iter()
        .partition(|(_, item)| item.vendor() == Vendor::Dialpad);
    let vendor = |items| creates(items, clients, &baseline, journal, &stop, concurrency);
    let mut outcomes = stream::select(vendor(offices), vendor(modes));
    while let Some(done) = outcomes.next().await {
        let (index, entry) = done?;
        report(&entry);
        entries.push((index, entry));
    }
    entries.sort_by_key(|(index, _)| *index);
    Ok(entries.into_iter().map(|(_, entry)| entry).collect())
}

/// The outcomes of creating `items` (one vendor's, with their places in the manifest),
/// `concurrency` at a time in order, each journaled; none is started once `stop` is set.
fn creates<'a>(
    items: Vec<(usize, Item)>,
    clients: &'a Clients,
    baseline: &'a OfficeBaseline,
    journal: &'a Arc<Journal>,
    stop: &'a AtomicBool,
    concurrency: usize,
) -> impl Stream<Item = Result<(usize, Entry), JournalError>> + 'a {
    stream::iter(items)
        .take_while(move |_| std::future::ready(!stop.load(Ordering::SeqCst)))
        .map(move |(index, item)| async move {
            let (outcome, id, error) = create(&item, clients, baseline).await;
            let entry = Entry::new(&item, outcome, id, error);
            // Written and synced by the create that made it, so other creates go on
            // meanwhile; reported only once it is on disk.
            record(journal, &entry).await.map(|()| (index, entry))
        })
        .buffer_unordered(concurrency.max(1))
}

/// One billing-safe create.
async fn create(
    item: &Item,
    clients: &Clients,
    baseline: &OfficeBaseline,
) -> (Recorded, Option<String>, Option<String>) {
    let result = match item {
        Item::Office { body, .. } => match (&clients.dialpad, serde_json::from_value(body.clone()))
        {
            (Some(client), Ok(office)) => client
                .create_office(&office)
                .baseline(baseline)
                .send()
                .await
                .map(|o| (o.is_created(), o.into_id().to_string())),
            (None, _) => return (Recorded::Failed, None, Some("no Dialpad client".into())),
            (_, Err(err)) => return (Recorded::Failed, None, Some(err.to_string())),
        },
        Item::Mode { body, org_id, .. } => {
            match (&clients.webex, serde_json::from_value(body.clone())) {
                (Some(client), Ok(mode)) => {
                    let mut create = client.create_operating_mode(&mode);
                    if let Some(org) = org_id {
                        create = create.org_id(org.as_str());
                    }
                    create.send().await.map(|o| (o.is_created(), o.into_id()))
                }
                (None, _) => return (Recorded::Failed, None, Some("no Webex client".into())),
                (_, Err(err)) => return (Recorded::Failed, None, Some(err.to_string())),
            }
        }
    };
    match result {
        Ok((true, id)) => (Recorded::Created, Some(id), None),
        Ok((false, id)) => (Recorded::Found, Some(id), None),
        Err(err) if err.is_ambiguous() => (Recorded::Ambiguous, None, Some(err.to_string())),
        Err(err) => {
            let said = match clients.named(item.vendor(), Doing::Creating, err) {
                Ok(named) => named.said(),
                Err(err) => err.to_string(),
            };
            (Recorded::Failed, None, Some(said))
        }
    }
}

/// Appends and syncs `entry` off the async threads.
async fn record(journal: &Arc<Journal>, entry: &Entry) -> Result<(), JournalError> {
    let journal = journal.clone();
    let entry = entry.clone();
    tokio::task::spawn_blocking(move || journal.record(&entry))
        .await
        .unwrap_or_else(|join| {
            Err(JournalError {
                path: String::new(),
                source: std::io::Error::other(join.to_string()),
            })
        })
}
