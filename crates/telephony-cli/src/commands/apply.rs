//! `telephony apply`: make the vendors match the manifest — create what is missing, update
//! what differs where the vendor's API allows, delete with `--prune` (asked first on a
//! terminal, `--yes` otherwise) — each outcome journaled as it is known; Ctrl-C stops starting
//! new actions. Settings that the first reads show wrong exit 2 before any change, as with
//! `plan`; a token refused once changes have begun leaves the items it refused failed
//! (journaled, the token named) and exits 3. What the vendors' APIs cannot change is reported
//! and exits 4.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::cli::{Global, Output};
use crate::clients;
use crate::exit::{Differs, Setup, Stop, Unfinished};
use crate::input;
use crate::interrupt::Interrupt;
use crate::journal::{self, Journal};
use crate::output::{self, Tally};
use crate::progress::Progress;
use crate::run;

/// What `--prune` and `--yes` asked for.
#[derive(Debug, Clone, Copy)]
pub struct Prune {
    pub prune: bool,
    pub yes: bool,
}

/// Applies `manifest`, journaling to `journal` (or beside the manifest).
pub async fn run(
    global: &Global,
    manifest: &Path,
    journal: Option<PathBuf>,
    concurrency: usize,
    prune: Prune,
) -> Result<(), Stop> {
    let items = input::manifest(manifest)?;
    let (clients, mock) = clients::build(global, &items).await?;
    // Removes a scratch journal (--mock, no --journal) when the run ends, however it ends.
    let place = journal::Place::choose(journal, manifest, mock.is_some());
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
    let plan = run::plan(items, &clients, prune.prune).await?;
    let needs = plan.create_problems();
    if !needs.is_empty() {
        return Err(Stop::Invalid(needs));
    }
    confirm_deletes(&plan, prune)?;
    let total = plan.actions();
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
    if !tally.all_present() {
        if interrupt.pressed() {
            return Err(Unfinished::Interrupted.into());
        }
        return Err(Unfinished::NotPresent {
            journal: place.kept(),
        }
        .into());
    }
    if tally.unchangeable > 0 {
        return Err(Stop::Differs(Differs::Unchangeable {
            count: tally.unchangeable,
        }));
    }
    Ok(())
}

/// Deletes go ahead only when asked for: `--yes`, or "y" typed on a terminal after the list.
fn confirm_deletes(plan: &run::Plan, prune: Prune) -> Result<(), Stop> {
    let deletes: Vec<&run::Unnamed> = plan.unnamed.iter().filter(|u| u.delete).collect();
    if deletes.is_empty() || prune.yes {
        return Ok(());
    }
    if !std::io::stdin().is_terminal() {
        return Err(Setup::Unconfirmed {
            count: deletes.len(),
        }
        .into());
    }
    let mut stderr = std::io::stderr();
    for unnamed in &deletes {
        let _ = writeln!(stderr, "- {} ({})", unnamed.label, unnamed.id);
    }
    let _ = write!(
        stderr,
        "Delete these {} operating modes, which the manifest does not name? [y/N] ",
        deletes.len()
    );
    let _ = stderr.flush();
    let mut answer = String::new();
    let _ = std::io::stdin().lock().read_line(&mut answer);
    if matches!(answer.trim(), "y" | "Y" | "yes") {
        Ok(())
    } else {
        Err(Setup::Unconfirmed {
            count: deletes.len(),
        }
        .into())
    }
}
