//! What the client's own traces say about each create of a soak: the outcome of each create
//! attempt is recorded on its `attempt` span (`ambiguous`, `answered` …), which runs inside the
//! create's `soak_create` span. A subscriber of its own counts them; it is the default only
//! while a soak's future is polled, so that tests sharing the process keep their own.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};

use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::subscriber::Interest;
use tracing::{Dispatch, Metadata, Subscriber};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use tracing_subscriber::registry::LookupSpan;

/// What the create attempts of one create came to.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Met {
    /// Create attempts made (0: the create failed before sending, taking the baseline).
    pub sent: u32,
    /// Attempts whose outcome was unknown.
    pub unknown: u32,
    /// Whether the last attempt was answered with success (`success`, or `answered`: a
    /// success that did not decode). A create that then ends other than `Created` was
    /// answered success without a usable id.
    pub last_success: bool,
}

type Counts = HashMap<(u64, usize), Met>;

fn counts() -> &'static Mutex<Counts> {
    static COUNTS: OnceLock<Mutex<Counts>> = OnceLock::new();
    COUNTS.get_or_init(Mutex::default)
}

/// A new run's id.
pub fn next_run() -> u64 {
    static RUNS: AtomicU64 = AtomicU64::new(0);
    RUNS.fetch_add(1, Ordering::SeqCst)
}

/// The counting subscriber, one for the process: every run's counts are kept by its id.
pub fn counter() -> Dispatch {
    static COUNTER: OnceLock<Dispatch> = OnceLock::new();
    crate::traces::prepare_for_scoped_subscribers();
    COUNTER
        .get_or_init(|| Dispatch::new(tracing_subscriber::registry().with(Counter)))
        .clone()
}

/// The counts of run `run`, by create number; forgotten afterwards.
pub fn take(run: u64) -> HashMap<usize, Met> {
    let mut counts = counts().lock().unwrap_or_else(|p| p.into_inner());
    let keys: Vec<_> = counts.keys().filter(|(r, _)| *r == run).copied().collect();
    keys.into_iter()
        .filter_map(|key| counts.remove(&key).map(|met| (key.1, met)))
        .collect()
}

/// On a `soak_create` span: which create it is.
struct CreateKey(u64, usize);
/// On an `attempt` span of a create operation.
struct CreateAttempt;

struct Counter;

/// Whether the counter follows spans of `metadata`: the soak's creates and the client's attempts.
fn followed(metadata: &Metadata<'_>) -> bool {
    metadata.is_span()
        && match metadata.name() {
            "soak_create" => metadata.target() == "telephony_soak",
            "attempt" => metadata.target().starts_with("telephony"),
            _ => false,
        }
}

#[derive(Default)]
struct Fields {
    run: Option<u64>,
    n: Option<u64>,
    operation: Option<String>,
    outcome: Option<String>,
}

impl Visit for Fields {
    fn record_u64(&mut self, field: &Field, value: u64) {
        match field.name() {
            "run" => self.run = Some(value),
            "n" => self.n = Some(value),
            _ => {}
        }
    }

    fn record_str(&mut self, field: &Field, value: &str) {
        match field.name() {
            "operation" => self.operation = Some(value.to_string()),
            "outcome" => self.outcome = Some(value.to_string()),
            _ => {}
        }
    }

    fn record_debug(&mut self, _: &Field, _: &dyn std::fmt::Debug) {}
}

impl<S> Layer<S> for Counter
where
    S: Subscriber + for<'a> LookupSpan<'a>,
{
    fn register_callsite(&self, metadata: &'static Metadata<'static>) -> Interest {
        if followed(metadata) {
            Interest::always()
        } else {
            Interest::never()
        }
    }

    /// Asked where another subscriber of the process takes what this one does not.
    fn enabled(&self, metadata: &Metadata<'_>, _: Context<'_, S>) -> bool {
        followed(metadata)
    }

    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, ctx: Context<'_, S>) {
        let Some(span) = ctx.span(id) else { return };
        let mut fields = Fields::default();
        attrs.record(&mut fields);
        match attrs.metadata().name() {
            "soak_create" => {
                if let (Some(run), Some(n)) = (fields.run, fields.n) {
                    span.extensions_mut().insert(CreateKey(run, n as usize));
                }
            }
            "attempt" if fields.operation.is_some_and(|op| op.starts_with("create_")) => {
                span.extensions_mut().insert(CreateAttempt);
            }
            _ => {}
        }
    }

    fn on_record(&self, id: &Id, values: &Record<'_>, ctx: Context<'_, S>) {
        let Some(span) = ctx.span(id) else { return };
        if span.extensions().get::<CreateAttempt>().is_none() {
            return;
        }
        let mut fields = Fields::default();
        values.record(&mut fields);
        let Some(outcome) = fields.outcome else {
            return;
        };
        let key = span.scope().skip(1).find_map(|ancestor| {
            ancestor
                .extensions()
                .get::<CreateKey>()
                .map(|key| (key.0, key.1))
        });
        let Some(key) = key else { return };
        let mut counts = counts().lock().unwrap_or_else(|p| p.into_inner());
        let met = counts.entry(key).or_default();
        met.sent += 1;
        met.unknown += u32::from(outcome == "ambiguous");
        met.last_success = matches!(outcome.as_str(), "success" | "answered");
    }
}
