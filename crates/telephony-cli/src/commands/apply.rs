//! `telephony apply`: create what the manifest asks for and does not exist yet, each outcome
//! journaled as it is known; Ctrl-C stops starting new creates. Settings that the first reads
//! show wrong exit 2 before any create, as with `plan`; a token refused once creates have
//! begun leaves the items it refused failed (journaled, the token named) and exits 3.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::cli::{Global, Output};
use crate::clients;
use crate::exit::{Stop, Unfinished};
use crate::input;
use crate::interrupt::Interrupt;
use crate::journal::{self, Journal};
use crate::output::{self, Tally};
use crate::progress::Progress;
use crate::run;

/// Applies `manifest`, journaling to `journal` (or beside the manifest).
pub async fn run(
    global: &Global,
    manifest: &Path,
    journal: Option<PathBuf>,
    concurrency: usize,
) -> Result<(), Stop> {
    let items = input::manifest(manifest)?;
    let (clients, mock) = clients::build(global, &items).await?;
    // Removes a scratch journal (--mock, no --journal) when the run ends, however it ends.
    let place = journal::Place::choose(journal, manifest, mock.is_some());
    let total = items.len();
    let earlier = Journal::read(place.path())?;
    let journal = Arc::new(Journal::open(place.path())?);
    if place.kept() {
        eprintln!("journal: {}", journal.path().display());
    }
    if !earlier.is_empty() {
        eprintln!(
            "resuming: the journal holds {} earlier outcomes; what exists is read back again",
            earlier.len()
        );
    }
    let plan = run::plan(items, &clients).await?;
    let interrupt = Interrupt::watch();
    let progress = Progress::new(total);
    let entries = run::apply(
        plan,
        &clients,
        &journal,
        concurrency,
        interrupt.flag(),
        |e| progress.report(e),
    )
    .await?;
    progress.finish();
    interrupt.stop_watching();
    let tally = Tally::of(&entries, total);
    match global.output {
        Output::Text => print!("{}", output::summary_text(&entries, &tally)),
        Output::Json => output::print_json(&output::summary_json(&entries, &tally)),
    }
    if tally.all_present() {
        Ok(())
    } else if interrupt.pressed() {
        Err(Unfinished::Interrupted.into())
    } else {
        Err(Unfinished::NotPresent {
            journal: place.kept(),
        }
        .into())
    }
}
