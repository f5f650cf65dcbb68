//! `telephony export`: prints a manifest of what exists — the Dialpad offices and the Webex
//! operating modes — that `validate` accepts and `plan` of which finds nothing to do. Sends
//! only reads. Credentials, `--mock` and the reading errors are as for `plan`: a vendor to read
//! without a token is a configuration error (exit 2), naming what to set.

use serde_json::json;

use crate::cli::{ExportVendor, Global, Output};
use crate::clients;
use crate::exit::Stop;
use crate::export::{self, Filter};
use crate::input;
use crate::item::Item;
use crate::output;

/// Prints the manifest of `vendor`'s resources (both when `None`); the Webex modes are those
/// `filter` chooses.
pub async fn run(
    global: &Global,
    vendor: Option<ExportVendor>,
    filter: Filter,
) -> Result<(), Stop> {
    let dialpad = vendor != Some(ExportVendor::Webex);
    let webex = vendor != Some(ExportVendor::Dialpad);
    // The clients are built for the vendors the items name: one item of each vendor read.
    let mut reads = Vec::new();
    if dialpad {
        reads.push(Item::office(json!({})));
    }
    if webex {
        reads.push(Item::mode(json!({}), filter.org_id.clone(), None));
    }
    let (clients, _mock) = clients::build(global, &reads).await?;
    let state = export::read(&clients, dialpad, webex.then_some(&filter)).await?;
    let exported = export::manifest(state, &filter, input::today(), chrono::Utc::now());
    match global.output {
        Output::Text => print!("{}", exported.yaml()),
        Output::Json => output::print_json(&exported.manifest),
    }
    for (name, id) in &exported.duplicates {
        eprintln!(
            "warning: office {name:?} ({id}) left out: another office has its name, and names \
             identify offices in a manifest"
        );
    }
    let (offices, modes, schedules) = exported.counts;
    eprintln!("exported {offices} offices, {modes} operating modes and {schedules} schedules");
    Ok(())
}
