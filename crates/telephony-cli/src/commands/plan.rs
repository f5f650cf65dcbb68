//! `telephony plan` (and `apply --dry-run`): what a run would create and what already exists.
//! Sends only reads. Each vendor's first read is tried; the settings they show wrong (a
//! refused token, a base URL that cannot work) exit 2, every one named; a read that fails
//! otherwise (a vendor that cannot be reached) exits 3.

use std::path::Path;

use crate::cli::{Global, Output};
use crate::clients;
use crate::exit::Stop;
use crate::input;
use crate::output;
use crate::run;

/// Prints the plan of `manifest`, with each request's body when `show_bodies`.
pub async fn run(global: &Global, manifest: &Path, show_bodies: bool) -> Result<(), Stop> {
    let items = input::manifest(manifest)?;
    let (clients, _mock) = clients::build(global, &items).await?;
    let plan = run::plan(items, &clients).await?;
    match global.output {
        Output::Text => print!("{}", output::plan_text(&plan.items, show_bodies)),
        Output::Json => output::print_json(&output::plan_json(&plan.items, show_bodies)),
    }
    Ok(())
}
