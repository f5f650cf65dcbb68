//! The fault soak: many billing-safe creates against the mock with every fault on, then the
//! outcomes checked against what the mock holds. Shared by the `soak` test (a small run, with
//! assertions) and the `fault_soak` bench (the full run, figures printed).
#![allow(dead_code)]

use std::collections::HashMap;
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use serde_json::{Value, json};
use telephony::{DialpadClient, Error, Outcome, RetryPolicy, Settings, Token, WebexClient};
use telephony_mock::{MockConfig, MockServer, Vendor, parse_fault_plan};

/// 429 at 0.1 and every other fault at 0.05 each; the late commit lands 200 ms after its 504.
pub const FAULT_PLAN: &str = "429@0.1,423@0.05,503@0.05,503:1@0.05,500@0.05,502@0.05,504@0.05,\
    reset-before@0.05,reset-after@0.05,latency=20ms@0.05,late-commit=200ms@0.05";

/// The settle delay of the soak's clients: longer than the late commit's 200 ms.
pub const SETTLE: Duration = Duration::from_millis(400);

/// How the creates of one vendor ended, checked against the mock.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    pub creates: usize,
    pub created: usize,
    pub found: usize,
    pub not_created: usize,
    pub ambiguous: usize,
    /// Resources beyond the first with a create's name.
    pub duplicates: usize,
    /// A resource exists but the outcome said not created, or the reverse (or another id).
    pub wrongly_reported: usize,
    /// Requests the mock answered (creates and reads, faults included).
    pub requests: u64,
    pub elapsed: Duration,
    /// Why the first few creates that ended unknown or not created did, for the record.
    pub reasons: Vec<String>,
}

/// Runs `creates` billing-safe creates of `vendor`, `concurrency` at a time.
pub async fn run(vendor: Vendor, creates: usize, concurrency: usize, seed: u64) -> Report {
    let mock = MockServer::start(MockConfig {
        dialpad_rate: None,
        webex_rate: None,
        faults: parse_fault_plan(FAULT_PLAN).expect("plan"),
        seed,
        ..MockConfig::default()
    })
    .await
    .expect("mock");
    let policy = RetryPolicy::default()
        .max_attempts(8)
        .read_attempts(20)
        .backoff(Duration::from_millis(5), Duration::from_millis(50))
        .settle_delay(SETTLE);
    let token = Token::new("soak").expect("token");
    let started = Instant::now();
    let outcomes = match vendor {
        Vendor::Dialpad => {
            let client = DialpadClient::new(
                Settings::dialpad(token)
                    .base_url(mock.dialpad_url())
                    .rate(None)
                    .max_concurrency(concurrency)
                    .retry(policy),
            )
            .expect("client");
            create_all(creates, concurrency, &|n| {
                let name = format!("Soak office {n}");
                let client = &client;
                async move {
                    let outcome = client.create_office_json(&office(&name)).await;
                    (name, outcome.map(|o| o.map_id(|id| id.to_string())))
                }
            })
            .await
        }
        Vendor::Webex => {
            let client = WebexClient::new(
                Settings::webex(token)
                    .base_url(mock.webex_url())
                    .rate(None)
                    .max_concurrency(concurrency)
                    .retry(policy),
            )
            .expect("client");
            create_all(creates, concurrency, &|n| {
                let name = format!("Soak mode {n}");
                let body = mode(&name, &format!("LOC-{}", n % 20));
                let client = &client;
                async move {
                    let outcome = client.create_operating_mode_json(&body).await;
                    (name, outcome)
                }
            })
            .await
        }
    };
    let elapsed = started.elapsed();
    while mock.pending_late_commits() > 0 {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let held: Vec<(String, String)> = match vendor {
        Vendor::Dialpad => mock
            .offices()
            .into_iter()
            .map(|o| (name_of(&o.received), o.id.to_string()))
            .collect(),
        Vendor::Webex => mock
            .operating_modes()
            .into_iter()
            .map(|m| (name_of(&m.received), m.id))
            .collect(),
    };
    let mut by_name: HashMap<String, Vec<String>> = HashMap::new();
    for (name, id) in held {
        by_name.entry(name).or_default().push(id);
    }
    let mut report = Report {
        creates,
        elapsed,
        requests: requests(&mock.stats()),
        ..Report::default()
    };
    for (name, outcome) in outcomes {
        let ids = by_name.get(&name).cloned().unwrap_or_default();
        report.duplicates += ids.len().saturating_sub(1);
        match outcome {
            Ok(outcome) => {
                if outcome.is_created() {
                    report.created += 1;
                } else {
                    report.found += 1;
                }
                if !ids.contains(outcome.id()) {
                    report.wrongly_reported += 1;
                }
            }
            Err(err) if err.is_ambiguous() => {
                report.ambiguous += 1;
                keep_reason(&mut report.reasons, &name, &err);
            }
            Err(err) => {
                report.not_created += 1;
                keep_reason(&mut report.reasons, &name, &err);
                if !ids.is_empty() {
                    report.wrongly_reported += 1;
                }
            }
        }
    }
    mock.shutdown().await;
    report
}

/// Runs `create(0..creates)`, `concurrency` at a time.
async fn create_all<'a, F, Fut>(
    creates: usize,
    concurrency: usize,
    create: &'a F,
) -> Vec<(String, Result<Outcome<String>, Error>)>
where
    F: Fn(usize) -> Fut,
    Fut: std::future::Future<Output = (String, Result<Outcome<String>, Error>)> + 'a,
{
    futures_util::stream::iter(0..creates)
        .map(create)
        .buffer_unordered(concurrency)
        .collect()
        .await
}

fn keep_reason(reasons: &mut Vec<String>, name: &str, err: &Error) {
    if reasons.len() < 5 {
        reasons.push(format!("{name}: {err}"));
    }
}

fn name_of(body: &Value) -> String {
    body["name"].as_str().unwrap_or_default().to_string()
}

fn requests(stats: &Value) -> u64 {
    stats["requests"]
        .as_object()
        .map(|routes| {
            routes
                .values()
                .filter_map(Value::as_object)
                .flat_map(|by_status| by_status.values().filter_map(Value::as_u64))
                .sum()
        })
        .unwrap_or(0)
}

fn office(name: &str) -> Value {
    let mut office: Value =
        serde_json::from_str(include_str!("../../examples/office.json")).expect("office");
    office["name"] = json!(name);
    office
}

fn mode(name: &str, location: &str) -> Value {
    json!({"name": name, "type": "NONE", "level": "LOCATION", "locationId": location,
           "callForwarding": {"enabled": true, "destination": "+19705550006"}})
}
