//! Applying a plan: what is unchanged, and what differs in fields the vendor's API cannot
//! change, is journaled at once; creates, updates and deletes run as two streams, one per
//! vendor, each with up to `concurrency` actions in flight and its client's own pacing, so
//! neither vendor waits for the other. Every outcome is written and synced to the journal
//! before it is reported.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use futures_util::{Stream, StreamExt, stream};
use telephony::{OfficeBaseline, Vendor};

use super::act::{self, Task};
use super::{Action, Plan, RunError};
use crate::clients::Clients;
use crate::converge::Difference;
use crate::journal::{Entry, Journal, JournalError, Recorded};

/// Carries out `plan`, journaling each outcome as it is known. Stops starting new actions once
/// `stop` is set; those in flight finish and are journaled. `report` hears each entry as it
/// comes; the entries returned are in the manifest's order, the deletes last.
pub async fn apply(
    plan: Plan,
    clients: &Clients,
    journal: &Arc<Journal>,
    concurrency: usize,
    stop: Arc<AtomicBool>,
    report: impl Fn(&Entry),
) -> Result<Vec<Entry>, RunError> {
    let items = plan.items.len();
    let mut entries = Vec::new();
    let mut tasks = Vec::new();
    let mut now = Vec::new();
    for (index, planned) in plan.items.into_iter().enumerate() {
        match (planned.action, planned.existing) {
            (Action::Create, _) | (_, None) => tasks.push((index, Task::Create(planned.item))),
            (Action::Unchanged, Some(id)) => {
                now.push((
                    index,
                    Entry::new(&planned.item, Recorded::Unchanged, Some(id), None),
                ));
            }
            (Action::Change(comparison), Some(id)) => {
                if !comparison.cannot.is_empty() {
                    let why = cannot_text(&comparison.cannot);
                    let entry = Entry::new(
                        &planned.item,
                        Recorded::Unchangeable,
                        Some(id.clone()),
                        Some(why),
                    );
                    now.push((index, entry));
                }
                if !comparison.update.is_empty() {
                    tasks.push((index, Task::Update(planned.item, id)));
                }
            }
        }
    }
    let deletes = plan.unnamed.into_iter().filter(|u| u.delete);
    tasks.extend(
        deletes
            .enumerate()
            .map(|(n, u)| (items + n, Task::Delete(u))),
    );
    for (index, entry) in now {
        record(journal, &entry).await?;
        report(&entry);
        entries.push((index, entry));
    }
    let baseline = plan.baseline.unwrap_or_default();
    let (offices, modes) = tasks
        .into_iter()
        .partition(|(_, task)| task.vendor() == Vendor::Dialpad);
    let vendor = |tasks| actions(tasks, clients, &baseline, journal, &stop, concurrency);
    let mut outcomes = stream::select(vendor(offices), vendor(modes));
    while let Some(done) = outcomes.next().await {
        let (index, entry) = done?;
        report(&entry);
        entries.push((index, entry));
    }
    entries.sort_by_key(|(index, _)| *index);
    Ok(entries.into_iter().map(|(_, entry)| entry).collect())
}

/// What cannot be changed, for the journal and the summary: `timezone: "A" → "B" (why)`.
pub fn cannot_text(cannot: &[(Difference, String)]) -> String {
    let mut whys: Vec<&str> = Vec::new();
    let fields: Vec<String> = cannot
        .iter()
        .map(|(d, why)| {
            if !whys.contains(&why.as_str()) {
                whys.push(why);
            }
            d.path.clone()
        })
        .collect();
    format!("cannot change {}: {}", fields.join(", "), whys.join("; "))
}

/// The outcomes of `tasks` (one vendor's, with their places), `concurrency` at a time in order,
/// each journaled; none is started once `stop` is set.
fn actions<'a>(
    tasks: Vec<(usize, Task)>,
    clients: &'a Clients,
    baseline: &'a OfficeBaseline,
    journal: &'a Arc<Journal>,
    stop: &'a AtomicBool,
    concurrency: usize,
) -> impl Stream<Item = Result<(usize, Entry), JournalError>> + 'a {
    stream::iter(tasks)
        .take_while(move |_| std::future::ready(!stop.load(Ordering::SeqCst)))
        .map(move |(index, task)| async move {
            let (outcome, id, error) = act::act(&task, clients, baseline).await;
            let entry = match &task {
                Task::Create(item) | Task::Update(item, _) => Entry::new(item, outcome, id, error),
                Task::Delete(unnamed) => Entry::labelled(
                    unnamed.label.clone(),
                    unnamed.vendor,
                    &unnamed.name,
                    outcome,
                    id,
                    error,
                ),
            };
            // Written and synced by the action that made it, so others go on meanwhile;
            // reported only once it is on disk.
            record(journal, &entry).await.map(|()| (index, entry))
        })
        .buffer_unordered(concurrency.max(1))
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
