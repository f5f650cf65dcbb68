//! The change soak: creates, updates and deletes mixed, through the client's safe paths, against
//! the mock with every fault on every operation; then every outcome checked against what the
//! mock holds once every late commit has landed — no duplicate, no update reported done that
//! the mock does not hold (lost), no update reported failed that the mock holds, nothing
//! deleted that should stay, nothing reported deleted that is still there.
//!
//! Each resource goes through its own sequence, in order: create; update (Webex: its call
//! forwarding number; Dialpad: its E911 street); Webex, every other one: delete. Sequences run
//! `concurrency` at a time. Of N actions per vendor, Webex has 2/5 creates, 2/5 updates and 1/5
//! deletes; Dialpad (whose API deletes no office) half creates and half updates. A resource
//! whose create did not end created skips the rest of its sequence (counted as not started).

use std::collections::HashMap;
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use serde_json::{Value, json};
use telephony::{DialpadClient, Error, Settings, Token, WebexClient};
use telephony_mock::{MockConfig, Vendor, parse_fault_plan};

use crate::bodies::{mode_at, office_named};
use crate::soak::{self, Scenario};

/// How the actions of one vendor ended, checked against the mock.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ChangeReport {
    pub creates: usize,
    pub updates: usize,
    pub deletes: usize,
    /// Actions skipped because their resource's create did not end created.
    pub not_started: usize,
    /// Actions that ended done (created or found, updated, deleted or already gone).
    pub done: usize,
    /// Actions that ended refused or not carried out.
    pub failed: usize,
    /// Actions that ended `Error::Ambiguous` (may or may not have been carried out).
    pub ambiguous: usize,
    /// Resources beyond the first with a name.
    pub duplicates: usize,
    /// Updates reported done whose value the mock does not hold.
    pub lost_updates: usize,
    /// Updates reported not carried out whose value the mock holds.
    pub updates_wrongly_failed: usize,
    /// Resources no delete was reported for (or a delete reported not carried out) that the
    /// mock no longer holds.
    pub wrongly_deleted: usize,
    /// Deletes reported done whose resource the mock still holds.
    pub deleted_but_present: usize,
    /// Creates reported not created whose resource the mock holds, or reported created and
    /// absent without a delete.
    pub creates_wrongly_reported: usize,
    /// Requests the mock answered (every attempt, faults included).
    pub requests: u64,
    pub elapsed: Duration,
    /// Up to ten examples of what went wrong.
    pub examples: Vec<String>,
}

impl ChangeReport {
    /// Outcomes that say something the mock contradicts, duplicates included.
    pub fn broken(&self) -> usize {
        self.duplicates
            + self.lost_updates
            + self.updates_wrongly_failed
            + self.wrongly_deleted
            + self.deleted_but_present
            + self.creates_wrongly_reported
    }
}

/// How one action ended, as the caller was told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Told {
    Done,
    Failed,
    Unknown,
}

fn told<T>(result: &Result<T, Error>) -> Told {
    match result {
        Ok(_) => Told::Done,
        Err(err) if err.is_ambiguous() => Told::Unknown,
        Err(_) => Told::Failed,
    }
}

/// One resource's sequence, as it ended.
#[derive(Debug, Clone)]
struct Sequence {
    name: String,
    created: Told,
    /// The value the update set, and how it ended.
    update: Option<(String, Told)>,
    delete: Option<Told>,
}

/// Runs `actions` mixed actions of `vendor` under `scenario`, `concurrency` sequences at a time.
pub async fn run(
    vendor: Vendor,
    scenario: Scenario,
    actions: usize,
    concurrency: usize,
    seed: u64,
) -> ChangeReport {
    let mock = crate::mock::start(MockConfig {
        faults: parse_fault_plan(&scenario.plan()).expect("plan"),
        seed,
        ..crate::mock::unlimited()
    })
    .await;
    let token = Token::new("soak").expect("token");
    let started = Instant::now();
    let sequences = match vendor {
        Vendor::Dialpad => {
            let client = DialpadClient::new(
                Settings::dialpad(token)
                    .base_url(mock.dialpad_url())
                    .rate(None)
                    .max_concurrency(concurrency)
                    .retry(scenario.policy()),
            )
            .expect("client");
            let client = &client;
            futures_util::stream::iter(0..actions / 2)
                .map(|n| office_sequence(client, n))
                .buffer_unordered(concurrency)
                .collect::<Vec<_>>()
                .await
        }
        Vendor::Webex => {
            let client = WebexClient::new(
                Settings::webex(token)
                    .base_url(mock.webex_url())
                    .rate(None)
                    .max_concurrency(concurrency)
                    .retry(scenario.policy()),
            )
            .expect("client");
            let client = &client;
            futures_util::stream::iter(0..actions * 2 / 5)
                .map(|n| mode_sequence(client, n))
                .buffer_unordered(concurrency)
                .collect::<Vec<_>>()
                .await
        }
    };
    let elapsed = started.elapsed();
    crate::mock::quiet(&mock).await;
    let held: HashMap<String, Vec<Value>> = match vendor {
        Vendor::Dialpad => group(
            mock.offices()
                .into_iter()
                .map(|o| o.response["office"].clone()),
        ),
        Vendor::Webex => group(mock.operating_modes().into_iter().map(|m| m.received)),
    };
    let mut report = ChangeReport {
        elapsed,
        requests: soak::requests(&mock.stats(), ""),
        ..ChangeReport::default()
    };
    for sequence in &sequences {
        check(vendor, sequence, held.get(&sequence.name), &mut report);
    }
    mock.shutdown().await;
    report
}

fn group(bodies: impl Iterator<Item = Value>) -> HashMap<String, Vec<Value>> {
    let mut by_name: HashMap<String, Vec<Value>> = HashMap::new();
    for body in bodies {
        let name = soak::name_of(&body);
        by_name.entry(name).or_default().push(body);
    }
    by_name
}

async fn office_sequence(client: &DialpadClient, n: usize) -> Sequence {
    let name = format!("Soak office {n}");
    let created = client.create_office_json(&office_named(&name)).await;
    let mut sequence = Sequence {
        name,
        created: told(&created),
        update: None,
        delete: None,
    };
    let Ok(outcome) = created else {
        return sequence;
    };
    let street = format!("{n} Changed St");
    let address = json!({"address": street, "city": "Toronto", "state": "ON",
        "zip": "M5V 1A1", "country": "CA"});
    let updated = client
        .update_office_e911_json(*outcome.id(), &address)
        .await;
    sequence.update = Some((street, told(&updated)));
    sequence
}

async fn mode_sequence(client: &WebexClient, n: usize) -> Sequence {
    let name = format!("Soak mode {n}");
    let body = mode_at(&name, &format!("LOC-{}", n % 20));
    let created = client.create_operating_mode_json(&body).await;
    let mut sequence = Sequence {
        name,
        created: told(&created),
        update: None,
        delete: None,
    };
    let Ok(outcome) = created else {
        return sequence;
    };
    let id = outcome.id().clone();
    let number = format!("+1206555{n:04}");
    let patch = json!({"callForwarding": {"enabled": true, "destination": number}});
    let updated = client.update_operating_mode_json(&id, &patch).await;
    sequence.update = Some((number, told(&updated)));
    if n.is_multiple_of(2) {
        sequence.delete = Some(told(&client.delete_operating_mode(&id).await));
    }
    sequence
}

/// The value an update set, as the mock holds it.
fn updated_value(vendor: Vendor, body: &Value) -> Option<&str> {
    match vendor {
        Vendor::Dialpad => body["e911_address"]["address"].as_str(),
        Vendor::Webex => body["callForwarding"]["destination"].as_str(),
    }
}

fn check(
    vendor: Vendor,
    sequence: &Sequence,
    held: Option<&Vec<Value>>,
    report: &mut ChangeReport,
) {
    let held = held.map_or(&[][..], Vec::as_slice);
    let wrong = |what: &str, report: &mut ChangeReport| {
        if report.examples.len() < 10 {
            report
                .examples
                .push(format!("{what}: {} (held {})", sequence.name, held.len()));
        }
    };
    let count = |told: Told, report: &mut ChangeReport| match told {
        Told::Done => report.done += 1,
        Told::Failed => report.failed += 1,
        Told::Unknown => report.ambiguous += 1,
    };
    report.creates += 1;
    count(sequence.created, report);
    report.duplicates += held.len().saturating_sub(1);
    if held.len() > 1 {
        wrong("duplicate", report);
    }
    let present = !held.is_empty();
    let skipped = usize::from(sequence.update.is_none() && sequence.created != Told::Done);
    let deletes_planned = vendor == Vendor::Webex
        && sequence
            .name
            .rsplit(' ')
            .next()
            .and_then(|n| n.parse::<usize>().ok())
            .is_some_and(|n| n.is_multiple_of(2));
    report.not_started += skipped * (1 + usize::from(deletes_planned));
    if sequence.created == Told::Failed && present {
        report.creates_wrongly_reported += 1;
        wrong("reported not created, but present", report);
    }
    if let Some((value, told)) = &sequence.update {
        report.updates += 1;
        count(*told, report);
        let holds = held
            .iter()
            .any(|b| updated_value(vendor, b) == Some(value.as_str()));
        let deleted = sequence.delete.is_some_and(|d| d != Told::Failed);
        if *told == Told::Done && !holds && !deleted {
            report.lost_updates += 1;
            wrong("update reported done, not held", report);
        }
        if *told == Told::Failed && holds {
            report.updates_wrongly_failed += 1;
            wrong("update reported failed, but held", report);
        }
    }
    match sequence.delete {
        Some(told) => {
            report.deletes += 1;
            count(told, report);
            if told == Told::Done && present {
                report.deleted_but_present += 1;
                wrong("delete reported done, but present", report);
            }
            if told == Told::Failed && !present {
                report.wrongly_deleted += 1;
                wrong("delete reported failed, but gone", report);
            }
        }
        None if sequence.created == Told::Done && !present => {
            report.wrongly_deleted += 1;
            wrong("created and never deleted, but gone", report);
        }
        None => {}
    }
}
