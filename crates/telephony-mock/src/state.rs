//! What the mock remembers: created resources, request counts, rate limiters, fault draws.
//! One mutex guards everything that changes per request: bookkeeping only, never across an await.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultDirectRateLimiter, Quota};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::{Value, json};
use telephony_spec::Vendor;

use crate::config::{Fault, MockConfig, RateLimit};
use crate::operation::Operation;
mod office_e911;

/// An office the mock created.
#[derive(Debug, Clone, serde::Serialize)]
pub struct OfficeRecord {
    /// The office id it answered with.
    pub id: i64,
    /// The request body it received.
    pub received: Value,
    /// The body it answered with.
    pub response: Value,
}

/// An operating mode the mock created.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ModeRecord {
    /// The id it answered with.
    pub id: String,
    /// The `orgId` query parameter, if one was given.
    pub org_id: Option<String>,
    /// The request body it received.
    pub received: Value,
}

/// Shared state of one running mock.
pub(crate) struct AppState {
    pub config: MockConfig,
    /// Where ids come from: never reset, so an id is never handed out twice by one process.
    ids: Mutex<Ids>,
    pub max_modes_per_scope: usize,
    /// Creates answered but not yet processed (late-commit faults).
    pub pending_commits: std::sync::atomic::AtomicUsize,
    /// Connections closed at once because the connection cap was reached.
    pub refused_connections: Arc<std::sync::atomic::AtomicU64>,
    inner: Mutex<Inner>,
}

struct Inner {
    offices: Vec<OfficeRecord>,
    modes: Vec<ModeRecord>,
    /// Requests by route, then by status (or `reset`).
    requests: BTreeMap<String, BTreeMap<String, u64>>,
    /// Faults injected, by kind.
    faults: BTreeMap<String, u64>,
    scripted: HashMap<Operation, VecDeque<Fault>>,
    limiters: HashMap<Operation, Arc<DefaultDirectRateLimiter>>,
    rng: ChaCha8Rng,
    /// Bytes of the bodies stored (received and answered), counted against the cap.
    stored_bytes: usize,
    next_tracking_id: u64,
}

/// The lowest office id handed out; ids count up from a point above it the seed chooses.
const FIRST_OFFICE_ID: i64 = 5_100_000_000_001;
/// The storage caps are reached.
#[derive(Debug)]
pub(crate) struct Full(pub String);

/// The ids of one process, drawn from the seed (the same seed, the same ids); never reset.
struct Ids {
    next_office: i64,
    rng: ChaCha8Rng,
}

impl Ids {
    fn new(seed: u64) -> Ids {
        let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x1D5_1D5);
        let start = FIRST_OFFICE_ID + i64::from(rng.random_range(0..1_000_000_u32)) * 1_000_000;
        Ids {
            next_office: start,
            rng,
        }
    }

    fn next_office_id(&mut self) -> i64 {
        self.next_office += 1;
        self.next_office - 1
    }

    fn next_mode_id(&mut self) -> String {
        let mut bytes = [0u8; 16];
        self.rng.fill(&mut bytes);
        let uuid = uuid::Builder::from_random_bytes(bytes).into_uuid();
        base64_id(&format!("ciscospark://us/OPERATING_MODE/{uuid}"))
    }
}

/// Up to `max` records from the `start`-th, and how many there are.
fn page_of<T: Clone>(records: &[T], start: usize, max: usize) -> (Vec<T>, usize) {
    let page = records.iter().skip(start).take(max).cloned().collect();
    (page, records.len())
}

/// The size of a value written as JSON.
fn json_size(value: &Value) -> usize {
    serde_json::to_vec(value).map_or(0, |bytes| bytes.len())
}

impl AppState {
    pub fn new(config: MockConfig) -> AppState {
        let max_modes_per_scope = config.max_modes_per_scope.unwrap_or_else(spec_max_modes);
        let inner = Inner::new(&config);
        AppState {
            ids: Mutex::new(Ids::new(config.seed)),
            config,
            max_modes_per_scope,
            pending_commits: std::sync::atomic::AtomicUsize::new(0),
            refused_connections: Arc::default(),
            inner: Mutex::new(inner),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock leaves plain data behind; keep serving.
        self.inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Forgets every resource, count, scripted fault and rate-limit state.
    pub fn reset(&self) {
        *self.lock() = Inner::new(&self.config);
    }

    /// The next fault for a request of `operation`: a scripted one first, else a seeded draw.
    pub fn draw_fault(&self, operation: Operation) -> Option<Fault> {
        let mut inner = self.lock();
        if let Some(fault) = inner
            .scripted
            .get_mut(&operation)
            .and_then(VecDeque::pop_front)
        {
            return Some(fault);
        }
        if self.config.faults.is_empty() {
            return None;
        }
        let roll: f64 = inner.rng.random();
        let mut total = 0.0;
        self.config.faults.iter().find_map(|entry| {
            total += entry.chance;
            (roll < total).then_some(entry.fault)
        })
    }

    /// Appends faults that hit the next requests of `operation`, in order.
    pub fn push_faults(&self, operation: Operation, faults: impl IntoIterator<Item = Fault>) {
        self.lock()
            .scripted
            .entry(operation)
            .or_default()
            .extend(faults);
    }

    /// `Ok` when the request is within the operation's rate limit, else the wait to retry.
    pub fn admit(&self, operation: Operation) -> Result<(), Duration> {
        let limiter = self.lock().limiters.get(&operation).cloned();
        match limiter {
            None => Ok(()),
            Some(limiter) => limiter
                .check()
                .map_err(|not_until| not_until.wait_time_from(DefaultClock::default().now())),
        }
    }

    pub fn count_request(&self, route: &str, outcome: &str) {
        *self
            .lock()
            .requests
            .entry(route.to_string())
            .or_default()
            .entry(outcome.to_string())
            .or_default() += 1;
    }

    pub fn count_fault(&self, fault: &Fault) {
        let kind = match fault {
            Fault::Status { status, .. } => status.to_string(),
            Fault::Latency { .. } => "latency".to_string(),
            Fault::ResetBefore => "reset-before".to_string(),
            Fault::ResetAfter => "reset-after".to_string(),
            Fault::NoId => "no-id".to_string(),
            Fault::Undecodable => "undecodable".to_string(),
            Fault::LateCommit { reset: false, .. } => "late-commit".to_string(),
            Fault::LateCommit { reset: true, .. } => "late-commit-reset".to_string(),
        };
        *self.lock().faults.entry(kind).or_default() += 1;
    }

    pub fn tracking_id(&self) -> String {
        let mut inner = self.lock();
        inner.next_tracking_id += 1;
        format!("MOCK_{:08}", inner.next_tracking_id)
    }

    fn ids(&self) -> MutexGuard<'_, Ids> {
        self.ids
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Why nothing more can be stored, if so.
    fn full(&self, inner: &Inner, held: usize, adding: usize, what: &str) -> Result<(), Full> {
        if held >= self.config.max_resources {
            return Err(Full(format!(
                "the mock keeps at most {} {what}; DELETE /_mock/state to start over",
                self.config.max_resources
            )));
        }
        if inner.stored_bytes.saturating_add(adding) > self.config.max_stored_bytes {
            return Err(Full(format!(
                "the mock keeps at most {} bytes of bodies; DELETE /_mock/state to start over",
                self.config.max_stored_bytes
            )));
        }
        Ok(())
    }

    /// Stores an office; `respond` builds the answer from the id it is given.
    pub fn create_office(
        &self,
        received: Value,
        respond: impl FnOnce(i64) -> Value,
    ) -> Result<Value, Full> {
        let mut inner = self.lock();
        let id = self.ids().next_office_id();
        let response = respond(id);
        let size = json_size(&received) + json_size(&response);
        self.full(&inner, inner.offices.len(), size, "offices")?;
        inner.stored_bytes += size;
        inner.offices.push(OfficeRecord {
            id,
            received,
            response: response.clone(),
        });
        Ok(response)
    }

    /// Stores an operating mode unless `admissible` (given the modes of the same scope) says
    /// why not; returns the new id.
    pub fn create_mode<E>(
        &self,
        org_id: Option<String>,
        received: Value,
        same_scope: impl Fn(&ModeRecord) -> bool,
        admissible: impl FnOnce(&[&ModeRecord]) -> Result<(), E>,
    ) -> Result<String, E>
    where
        E: From<Full>,
    {
        let mut inner = self.lock();
        let scope: Vec<&ModeRecord> = inner.modes.iter().filter(|m| same_scope(m)).collect();
        admissible(&scope)?;
        let size = json_size(&received);
        self.full(&inner, inner.modes.len(), size, "operating modes")?;
        inner.stored_bytes += size;
        let id = self.ids().next_mode_id();
        inner.modes.push(ModeRecord {
            id: id.clone(),
            org_id,
            received,
        });
        Ok(id)
    }

    /// Up to `max` office records from the `start`-th, and how many there are.
    pub fn office_records(&self, start: usize, max: usize) -> (Vec<OfficeRecord>, usize) {
        page_of(&self.lock().offices, start, max)
    }

    /// Up to `max` mode records from the `start`-th, and how many there are.
    pub fn mode_records(&self, start: usize, max: usize) -> (Vec<ModeRecord>, usize) {
        page_of(&self.lock().modes, start, max)
    }

    pub fn offices(&self) -> Vec<OfficeRecord> {
        self.lock().offices.clone()
    }

    /// The answers of up to `count` offices from the `start`-th, and whether more follow.
    pub fn office_page(&self, start: usize, count: usize) -> (Vec<Value>, bool) {
        let inner = self.lock();
        let page = inner
            .offices
            .iter()
            .skip(start)
            .take(count)
            .map(|record| record.response["office"].clone())
            .collect();
        (page, inner.offices.len() > start.saturating_add(count))
    }

    /// The answer of the office with this id.
    pub fn office(&self, id: i64) -> Option<Value> {
        let inner = self.lock();
        let record = inner.offices.iter().find(|record| record.id == id)?;
        Some(record.response["office"].clone())
    }

    /// The modes `keep` selects.
    pub fn modes_where(&self, keep: impl Fn(&ModeRecord) -> bool) -> Vec<ModeRecord> {
        self.lock()
            .modes
            .iter()
            .filter(|m| keep(m))
            .cloned()
            .collect()
    }

    pub fn modes(&self) -> Vec<ModeRecord> {
        self.lock().modes.clone()
    }

    /// Runs `change` on the stored modes under the lock (modify, delete, holidays).
    pub fn with_modes<R>(&self, change: impl FnOnce(&mut Vec<ModeRecord>) -> R) -> R {
        change(&mut self.lock().modes)
    }

    pub fn stats(&self) -> Value {
        let inner = self.lock();
        json!({
            "requests": inner.requests,
            "refused_connections": self
                .refused_connections
                .load(std::sync::atomic::Ordering::Relaxed),
            "faults": inner.faults,
            "offices": inner.offices.len(),
            "operating_modes": inner.modes.len(),
        })
    }
}

impl Inner {
    fn new(config: &MockConfig) -> Inner {
        let mut limiters = HashMap::new();
        for operation in Operation::ALL {
            let rate = match operation.vendor() {
                Vendor::Dialpad => config.dialpad_rate,
                Vendor::Webex => config.webex_rate,
            };
            if let Some(limiter) = rate.and_then(limiter) {
                limiters.insert(operation, Arc::new(limiter));
            }
        }
        Inner {
            offices: Vec::new(),
            modes: Vec::new(),
            requests: BTreeMap::new(),
            faults: BTreeMap::new(),
            scripted: HashMap::new(),
            limiters,
            rng: ChaCha8Rng::seed_from_u64(config.seed),
            stored_bytes: 0,
            next_tracking_id: 0,
        }
    }
}

/// A token bucket holding `rate.count` requests, refilled evenly over `rate.per`.
fn limiter(rate: RateLimit) -> Option<DefaultDirectRateLimiter> {
    let burst = NonZeroU32::new(rate.count)?;
    let quota = Quota::with_period(rate.per / rate.count)?.allow_burst(burst);
    Some(DefaultDirectRateLimiter::direct(quota))
}

/// Webex-style opaque id: unpadded URL-safe base64 of a `ciscospark://` URI.
fn base64_id(uri: &str) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(uri)
}

/// The id of the `index`-th holiday of a mode: opaque, stable, distinct per mode and holiday.
pub(crate) fn holiday_id(mode_id: &str, index: usize) -> String {
    base64_id(&format!("ciscospark://us/SCHEDULE_EVENT/{mode_id}/{index}"))
}

/// `x-telephony-limits.max-operating-modes-per-scope` of the Webex spec (100).
fn spec_max_modes() -> usize {
    telephony_spec::validate::Validator::webex()
        .limit("create_operating_mode", "max-operating-modes-per-scope")
        .and_then(|n| usize::try_from(n).ok())
        .unwrap_or(usize::MAX)
}
