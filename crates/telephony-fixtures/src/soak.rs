//! The fault soak: many billing-safe creates through the default, resolving path against the
//! mock with every fault on, on every operation, reads included, then the outcomes checked
//! against what the mock holds once every late commit has landed. Shared by the `soak` test (a
//! small run, with assertions) and the `fault_soak` bench (the full runs, figures printed).
//!
//! The faults are the mock's seeded random plan ([`MockConfig::faults`]), which applies to
//! every operation: the creates and the listings that take the baseline and read back. (The
//! mock has no random plan per operation; only scripted faults are per operation.) `no-id` and
//! `undecodable` change only a create's success answer; a read they hit is answered normally.

mod trace;

use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use serde_json::Value;
use telephony::{DialpadClient, Error, Outcome, RetryPolicy, Settings, Token, WebexClient};
use telephony_mock::{MockConfig, Vendor, parse_fault_plan};
use tracing::Instrument;
use tracing::instrument::WithSubscriber;

use crate::bodies::{mode_at, office_named};

/// The issue's plan apart from the late commit: 429 at 0.1; 423, 503, 503 with
/// `Retry-After: 1`, 500, 502, 504, reset before, reset after and 20 ms of latency at 0.05 each.
pub const ISSUE_FAULTS: &str = "429@0.1,423@0.05,503@0.05,503:1@0.05,500@0.05,502@0.05,\
    504@0.05,reset-before@0.05,reset-after@0.05,latency=20ms@0.05";

/// Successes without a usable id, at 0.05 each: a create is processed, then answered
/// `200 {}` / `201 {"id": ""}` (`no-id`) or with a body that does not decode (`undecodable`).
pub const UNUSABLE_SUCCESSES: &str = "no-id@0.05,undecodable@0.05";

/// The settle delay of every scenario: 300 ms, the issue's, instead of the default 10 s, so
/// that a run takes minutes, not hours. Everything else is `RetryPolicy::default()`: 4
/// attempts, backoff 0.5 s to 8 s, 6 attempts and 40 s per read, read-backs tried again for
/// 120 s, and the confirm delay its default, three settle delays (900 ms).
pub const SETTLE: Duration = Duration::from_millis(300);

/// One soak: a fault plan and the client's retry policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scenario {
    /// What it is called in the figures.
    pub name: &'static str,
    /// How long after its 504 a late commit is processed.
    pub late_commit: Duration,
    /// The settle delay.
    pub settle: Duration,
}

/// (a) Every fault, a late commit within the settle delay (200 ms vs 300 ms): every promise
/// holds — no duplicate, nothing reported wrongly, nothing left ambiguous.
pub const WITHIN_SETTLE: Scenario = Scenario {
    name: "late commit 200 ms < settle 300 ms",
    late_commit: Duration::from_millis(200),
    settle: SETTLE,
};

/// (b) The same with a late commit longer than the settle delay (2 s vs 300 ms), and longer
/// than the settle delay plus the default confirm delay (1.2 s): the documented limit. Dialpad
/// can make a duplicate (a later attempt is sent before the commit lands), and either vendor
/// can report "not created" for a create that commits after the confirming read-back.
pub const BEYOND_SETTLE: Scenario = Scenario {
    name: "late commit 2 s > settle 300 ms",
    late_commit: Duration::from_millis(2000),
    settle: SETTLE,
};

impl Scenario {
    /// The mock's fault plan.
    pub fn plan(&self) -> String {
        format!(
            "{ISSUE_FAULTS},late-commit={}ms@0.05,{UNUSABLE_SUCCESSES}",
            self.late_commit.as_millis()
        )
    }

    /// The client's retry policy: the default, with this scenario's settle delay.
    pub fn policy(&self) -> RetryPolicy {
        RetryPolicy::default().settle_delay(self.settle)
    }

    /// Whether a late commit can land after the client has read back (the documented limit):
    /// later than the settle delay.
    pub fn late_beyond_settle(&self) -> bool {
        self.late_commit >= self.settle
    }
}

/// How the creates of one vendor ended, checked against the mock.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    pub creates: usize,
    /// `Outcome::Created`.
    pub created: usize,
    /// `Outcome::Found`.
    pub found: usize,
    /// Any error but `Error::Ambiguous`: says nothing was created.
    pub not_created: usize,
    /// `Error::Ambiguous`: the outcome is still unknown to the caller.
    pub ambiguous: usize,
    /// Of those, the ones whose name the mock holds more than once (Dialpad: a read-back that
    /// finds two new offices of the name cannot tell which is its own).
    pub ambiguous_duplicated: usize,
    /// Creates that met an unknown outcome on the way (an attempt answered 500, 502 or 504, a
    /// connection broken after sending): the ones the read-back had to resolve.
    pub met_unknown: usize,
    /// Creates the vendor answered with success but no usable id (`no-id`, `undecodable`).
    pub met_unusable_success: usize,
    /// Faults the mock injected, by kind, on creates and reads (as `/_mock/stats` counts them).
    pub faults: BTreeMap<String, u64>,
    /// Resources beyond the first with a create's name.
    pub duplicates: usize,
    /// The outcome said created or found, but no resource of that name has the id.
    pub reported_but_absent: usize,
    /// The outcome said not created, but a resource of that name exists.
    pub not_created_but_present: usize,
    /// Create requests the mock answered (every attempt, faults included).
    pub create_requests: u64,
    /// Read requests the mock answered (baselines and read-backs, faults included).
    pub read_requests: u64,
    pub elapsed: Duration,
    /// The not-created outcomes by error kind (`NotCreated`, `RateLimited` …), `… before
    /// sending` when no create was sent (Dialpad: listing the baseline failed).
    pub not_created_by_kind: BTreeMap<String, usize>,
    /// The wrongly reported ones by error kind, or `Created`/`Found`.
    pub wrong_by_kind: BTreeMap<String, usize>,
    /// Up to five creates of each kind that ended ambiguous or were reported wrongly, why.
    pub examples: Vec<String>,
}

impl Report {
    /// Outcomes that say something the mock contradicts.
    pub fn wrongly_reported(&self) -> usize {
        self.reported_but_absent + self.not_created_but_present
    }

    /// Create requests per create.
    pub fn attempts_per_create(&self) -> f64 {
        self.create_requests as f64 / self.creates.max(1) as f64
    }

    /// Read requests per create.
    pub fn reads_per_create(&self) -> f64 {
        self.read_requests as f64 / self.creates.max(1) as f64
    }
}

/// Runs `creates` billing-safe creates of `vendor` under `scenario`, `concurrency` at a time.
pub async fn run(
    vendor: Vendor,
    scenario: Scenario,
    creates: usize,
    concurrency: usize,
    seed: u64,
) -> Report {
    let run_id = trace::next_run();
    soak(vendor, scenario, creates, concurrency, seed, run_id)
        .with_subscriber(trace::counter())
        .await
}

/// [`run`] with its traces counted under `run_id`.
async fn soak(
    vendor: Vendor,
    scenario: Scenario,
    creates: usize,
    concurrency: usize,
    seed: u64,
    run_id: u64,
) -> Report {
    let mock = crate::mock::start(MockConfig {
        faults: parse_fault_plan(&scenario.plan()).expect("plan"),
        seed,
        ..crate::mock::unlimited()
    })
    .await;
    let token = Token::new("soak").expect("token");
    let started = Instant::now();
    let outcomes = match vendor {
        Vendor::Dialpad => {
            let client = DialpadClient::new(
                Settings::dialpad(token)
                    .base_url(mock.dialpad_url())
                    .rate(None)
                    .max_concurrency(concurrency)
                    .retry(scenario.policy()),
            )
            .expect("client");
            create_all(run_id, creates, concurrency, &|n| {
                let name = format!("Soak office {n}");
                let client = &client;
                async move {
                    let outcome = client.create_office_json(&office_named(&name)).await;
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
                    .retry(scenario.policy()),
            )
            .expect("client");
            create_all(run_id, creates, concurrency, &|n| {
                let name = format!("Soak mode {n}");
                let body = mode_at(&name, &format!("LOC-{}", n % 20));
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
    crate::mock::quiet(&mock).await;
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
    let stats = mock.stats();
    let met = trace::take(run_id);
    let mut report = Report {
        creates,
        elapsed,
        create_requests: requests(&stats, "POST "),
        read_requests: requests(&stats, "GET "),
        faults: serde_json::from_value(stats["faults"].clone()).unwrap_or_default(),
        ..Report::default()
    };
    let mut shown: BTreeMap<String, usize> = BTreeMap::new();
    let mut examples = Vec::new();
    let mut note = |what: &str, name: &str, held: usize, detail: String| {
        let count = shown.entry(what.to_string()).or_default();
        *count += 1;
        if *count <= 5 {
            examples.push(format!("{what}: {name} (held {held}): {detail}"));
        }
    };
    for (n, name, outcome) in outcomes {
        let seen = met.get(&n).copied().unwrap_or_default();
        report.met_unknown += usize::from(seen.unknown > 0);
        let created = matches!(&outcome, Ok(outcome) if outcome.is_created());
        report.met_unusable_success += usize::from(seen.last_success && !created);
        let ids = by_name.get(&name).cloned().unwrap_or_default();
        report.duplicates += ids.len().saturating_sub(1);
        let detail = match &outcome {
            Ok(outcome) => outcome.to_string(),
            Err(err) => err.to_string(),
        };
        let wrong = match &outcome {
            Ok(outcome) => {
                if outcome.is_created() {
                    report.created += 1;
                } else {
                    report.found += 1;
                }
                let wrong = !ids.contains(outcome.id());
                report.reported_but_absent += usize::from(wrong);
                wrong.then(|| kind_of_outcome(outcome))
            }
            Err(err) if err.is_ambiguous() => {
                report.ambiguous += 1;
                report.ambiguous_duplicated += usize::from(ids.len() > 1);
                note("ambiguous", &name, ids.len(), detail.clone());
                None
            }
            Err(err) => {
                report.not_created += 1;
                let kind = match seen.sent {
                    0 => format!("{} before sending", kind_of(err)),
                    _ => kind_of(err),
                };
                *report.not_created_by_kind.entry(kind).or_default() += 1;
                let wrong = !ids.is_empty();
                report.not_created_but_present += usize::from(wrong);
                wrong.then(|| kind_of(err))
            }
        };
        if ids.len() > 1 {
            note("duplicate", &name, ids.len(), detail.clone());
        }
        if let Some(kind) = wrong {
            note(
                &format!("wrongly reported ({kind})"),
                &name,
                ids.len(),
                detail,
            );
            *report.wrong_by_kind.entry(kind).or_default() += 1;
        }
    }
    report.examples = examples;
    mock.shutdown().await;
    report
}

/// Runs `create(0..creates)`, `concurrency` at a time, each in a `soak_create` span that
/// [`trace`] follows; each result with its number.
async fn create_all<'a, F, Fut>(
    run_id: u64,
    creates: usize,
    concurrency: usize,
    create: &'a F,
) -> Vec<(usize, String, Result<Outcome<String>, Error>)>
where
    F: Fn(usize) -> Fut,
    Fut: std::future::Future<Output = (String, Result<Outcome<String>, Error>)> + 'a,
{
    futures_util::stream::iter(0..creates)
        .map(|n| {
            let span = tracing::info_span!(
                target: "telephony_soak",
                "soak_create",
                run = run_id,
                n = n as u64
            );
            async move {
                let (name, outcome) = create(n).instrument(span).await;
                (n, name, outcome)
            }
        })
        .buffer_unordered(concurrency)
        .collect()
        .await
}

fn kind_of_outcome(outcome: &Outcome<String>) -> String {
    if outcome.is_created() {
        "Created".into()
    } else {
        "Found".into()
    }
}

/// The variant of an error, as its `Debug` form begins.
fn kind_of(err: &Error) -> String {
    let debug = format!("{err:?}");
    debug
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default()
        .to_string()
}

pub(crate) fn name_of(body: &Value) -> String {
    body["name"].as_str().unwrap_or_default().to_string()
}

/// Requests the mock answered on routes that start with `method` (`"POST "`, `"GET "`).
pub(crate) fn requests(stats: &Value, method: &str) -> u64 {
    stats["requests"]
        .as_object()
        .map(|routes| {
            routes
                .iter()
                .filter(|(route, _)| route.starts_with(method))
                .filter_map(|(_, by_status)| by_status.as_object())
                .flat_map(|by_status| by_status.values().filter_map(Value::as_u64))
                .sum()
        })
        .unwrap_or(0)
}
