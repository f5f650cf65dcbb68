//! What each attempt leaves in its tracing span: latency, status and outcome, and one event
//! saying how it went.

use std::time::Instant;

use super::outcome::Attempt;

/// Records an attempt's latency and outcome on its span, and logs it (inside the span).
pub(super) fn report<T>(span: &tracing::Span, started: Instant, outcome: &Attempt<T>) {
    span.record("latency_ms", started.elapsed().as_millis() as u64);
    match outcome {
        Attempt::Success(_) => {
            record(span, None, "success");
            tracing::info!("attempt succeeded");
        }
        Attempt::NotProcessed { status, .. } => {
            record(span, *status, "not processed");
            tracing::info!("attempt not processed");
        }
        Attempt::Ambiguous { status, reason } => {
            record(span, *status, "ambiguous");
            tracing::warn!(reason = reason.as_str(), "outcome unknown");
        }
        Attempt::Answered { status, reason } => {
            record(span, *status, "answered");
            tracing::warn!(reason = reason.as_str(), "success without a usable answer");
        }
        Attempt::Final(error) => {
            record(span, error.status(), "refused");
            tracing::info!(error = %error, "attempt refused");
        }
    }
}

fn record(span: &tracing::Span, status: Option<u16>, outcome: &str) {
    if let Some(status) = status {
        span.record("status", status);
    }
    span.record("outcome", outcome);
}
