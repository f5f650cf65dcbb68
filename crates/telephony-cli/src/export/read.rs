//! Reading what exists, for an export: every Dialpad office (but the primary one) and the
//! Webex operating modes of an organization — all of them, or those of some locations and/or
//! of the organization level — each mode read once more for its schedule and holidays (paced
//! by the client, a few at a time). A progress bar on stderr, on a terminal, while the modes
//! are read.
//!
//! As for `plan`, every vendor's first read is tried before the export fails, so that one run
//! names every setting to fix (exit 2); another failure to read names the variable its base URL
//! came from (exit 3).

use std::io::IsTerminal;

use futures_util::{StreamExt, TryStreamExt, stream};
use indicatif::{ProgressBar, ProgressStyle};
use telephony::Vendor;
use telephony::dialpad_types::OfficeProto;
use telephony::webex_types::{OperatingModeDetails, OperatingModeSummary};

use crate::clients::Clients;
use crate::run::RunError;
use crate::run::read::unread_error;

/// Which Webex operating modes to read.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// The organization (default: the token's).
    pub org_id: Option<String>,
    /// Only these locations' modes …
    pub locations: Vec<String>,
    /// … and/or only the organization level's. Neither: every mode.
    pub organization_level: bool,
}

/// What was read; a vendor not read is `None`.
#[derive(Debug, Default)]
pub struct State {
    pub offices: Option<Vec<OfficeProto>>,
    /// How many primary offices were left out.
    pub primary: usize,
    pub modes: Option<Vec<OperatingModeDetails>>,
}

/// How many mode reads are in flight at once (each paced by the client).
const IN_FLIGHT: usize = 4;

/// Reads the offices when `dialpad`, and the modes `webex` chooses.
pub async fn read(
    clients: &Clients,
    dialpad: bool,
    webex: Option<&Filter>,
) -> Result<State, RunError> {
    let mut state = State::default();
    let mut unread = Vec::new();
    if dialpad {
        let client = clients
            .dialpad
            .as_ref()
            .ok_or(RunError::NoClient(Vendor::Dialpad))?;
        match client.offices().items().try_collect::<Vec<_>>().await {
            Ok(listed) => {
                let (primary, offices): (Vec<_>, Vec<_>) = listed
                    .into_iter()
                    .partition(|o| o.is_primary_office == Some(true));
                state.primary = primary.len();
                state.offices = Some(offices);
            }
            Err(error) => unread.push((Vendor::Dialpad, error)),
        }
    }
    let mut summaries = None;
    if let Some(filter) = webex {
        let client = clients
            .webex
            .as_ref()
            .ok_or(RunError::NoClient(Vendor::Webex))?;
        match list_modes(client, filter).await {
            Ok(listed) => summaries = Some((client, filter, listed)),
            Err(error) => unread.push((Vendor::Webex, error)),
        }
    }
    if !unread.is_empty() {
        return Err(unread_error(clients, unread));
    }
    if let Some((client, filter, listed)) = summaries {
        let modes = details(client, filter, listed)
            .await
            .map_err(|error| unread_error(clients, vec![(Vendor::Webex, error)]))?;
        state.modes = Some(modes);
    }
    Ok(state)
}

/// The modes `filter` chooses, each once, in the order listed.
async fn list_modes(
    client: &telephony::WebexClient,
    filter: &Filter,
) -> Result<Vec<OperatingModeSummary>, telephony::Error> {
    let every = filter.locations.is_empty() && !filter.organization_level;
    let mut scopes: Vec<Option<&str>> = filter.locations.iter().map(|l| Some(l.as_str())).collect();
    if filter.organization_level || every {
        scopes.push(None);
    }
    let mut modes: Vec<OperatingModeSummary> = Vec::new();
    for location in scopes {
        let mut list = client.operating_modes().page_size(100);
        if let Some(org) = &filter.org_id {
            list = list.org_id(org.clone());
        }
        list = match location {
            Some(location) => list.location(location),
            None if every => list,
            None => list.organization_level_only(),
        };
        for mode in list.items().try_collect::<Vec<_>>().await? {
            let level = mode.level.as_deref();
            let in_scope = every
                || match location {
                    Some(id) => {
                        level.is_none_or(|l| l == "LOCATION")
                            && mode.location.as_ref().map(|l| l.id.as_str()) == Some(id)
                    }
                    None => level.is_none_or(|l| l == "ORGANIZATION"),
                };
            if in_scope && !modes.iter().any(|m| m.id == mode.id) {
                modes.push(mode);
            }
        }
    }
    Ok(modes)
}

/// Each listed mode read with its schedule and holidays, in the order listed.
async fn details(
    client: &telephony::WebexClient,
    filter: &Filter,
    listed: Vec<OperatingModeSummary>,
) -> Result<Vec<OperatingModeDetails>, telephony::Error> {
    let bar = progress(listed.len());
    let read = stream::iter(listed)
        .map(|mode| {
            let bar = &bar;
            async move {
                let mut get = client.get_operating_mode(mode.id);
                if let Some(org) = &filter.org_id {
                    get = get.org_id(org.clone());
                }
                let read = get.send().await;
                if let Some(bar) = bar {
                    bar.inc(1);
                }
                read
            }
        })
        .buffered(IN_FLIGHT)
        .try_collect()
        .await;
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    read
}

/// A progress bar of `total` mode reads, on a terminal only.
fn progress(total: usize) -> Option<ProgressBar> {
    std::io::stderr().is_terminal().then(|| {
        let bar = ProgressBar::new(total as u64);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} operating modes read")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    })
}
