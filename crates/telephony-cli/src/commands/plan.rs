//! `telephony plan` (and `apply --dry-run`): what a run would do, field by field. Sends only
//! reads. Each vendor's first read is tried; the settings they show wrong (a refused token, a
//! base URL that cannot work) exit 2, every one named; a read that fails otherwise (a vendor
//! that cannot be reached) exits 3. Exit 0 when there is nothing to do, 4 when changes are
//! pending.

use std::path::Path;

use crate::cli::{Global, Output};
use crate::clients;
use crate::exit::{Differs, Stop};
use crate::input;
use crate::output;
use crate::plan_output;
use crate::run;

/// Prints the plan of `manifest`, with each request's body when `show_bodies`.
pub async fn run(
    global: &Global,
    manifest: &Path,
    show_bodies: bool,
    prune: bool,
) -> Result<(), Stop> {
    let items = input::manifest(manifest)?;
    let (clients, _mock) = clients::build(global, &items).await?;
    let plan = run::plan(items, &clients, prune).await?;
    let needs = plan.create_problems();
    if !needs.is_empty() {
        return Err(Stop::Invalid(needs));
    }
    match global.output {
        Output::Text => print!("{}", plan_output::text(&plan, show_bodies)),
        Output::Json => output::print_json(&plan_output::json(&plan, show_bodies)),
    }
    if plan.nothing_to_do() {
        Ok(())
    } else {
        let counts = plan_output::Counts::of(&plan);
        Err(Stop::Differs(Differs::Pending(format!(
            "{} to create, {} to update, {} cannot be updated, {} to delete",
            counts.create, counts.update, counts.cannot, counts.delete
        ))))
    }
}
