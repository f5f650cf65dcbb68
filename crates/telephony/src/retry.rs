//! When to send a create again, and how long to wait first.
//!
//! A create is not idempotent and neither vendor takes an idempotency key, so only answers that
//! mean "not processed" are retried: 429, 423, 503, and connections that failed before the
//! request was sent. Anything that may have been processed — a timeout or reset after sending,
//! 500, or a gateway's 502 or 504 (it may have passed the request on) — becomes
//! [`Error::Ambiguous`](crate::Error::Ambiguous) unless the caller opts in with
//! [`RetryPolicy::retry_ambiguous`]. Waits follow `Retry-After` when the vendor sends one
//! (up to a cap: a longer wait is returned as an error, not slept), otherwise exponential
//! backoff with full jitter.

use std::time::Duration;

use rand::RngExt;

/// How a client retries.
///
/// ```
/// use std::time::Duration;
/// use telephony::RetryPolicy;
///
/// let policy = RetryPolicy::default().max_attempts(6).max_retry_after(Duration::from_secs(30));
/// assert_eq!(policy.attempts(), 6);
/// assert!(!policy.retries_ambiguous());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct RetryPolicy {
    attempts: u32,
    base_delay: Duration,
    max_delay: Duration,
    max_retry_after: Duration,
    retry_ambiguous: bool,
}

impl Default for RetryPolicy {
    /// 4 attempts; backoff 0.5 s doubling up to 8 s, full jitter; `Retry-After` up to 60 s;
    /// ambiguous outcomes are not retried.
    fn default() -> Self {
        RetryPolicy {
            attempts: 4,
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(8),
            max_retry_after: Duration::from_secs(60),
            retry_ambiguous: false,
        }
    }
}

impl RetryPolicy {
    /// One attempt, no retries.
    pub fn never() -> RetryPolicy {
        RetryPolicy::default().max_attempts(1)
    }

    /// Attempts in all, the first included (at least 1).
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.attempts = attempts.max(1);
        self
    }

    /// The first backoff (before jitter) and the largest one.
    pub fn backoff(mut self, base: Duration, max: Duration) -> Self {
        self.base_delay = base;
        self.max_delay = max.max(base);
        self
    }

    /// The longest `Retry-After` this client waits; a longer one is returned as
    /// [`Error::RetryAfterTooLong`](crate::Error::RetryAfterTooLong).
    pub fn max_retry_after(mut self, cap: Duration) -> Self {
        self.max_retry_after = cap;
        self
    }

    /// Also retry outcomes that may have been processed (timeouts after sending, 500, 502,
    /// 504). Only for callers who can tolerate or detect duplicates.
    pub fn retry_ambiguous(mut self, retry: bool) -> Self {
        self.retry_ambiguous = retry;
        self
    }

    /// Attempts in all.
    pub fn attempts(&self) -> u32 {
        self.attempts
    }

    /// Whether ambiguous outcomes are retried.
    pub fn retries_ambiguous(&self) -> bool {
        self.retry_ambiguous
    }

    /// The cap on `Retry-After`.
    pub fn retry_after_cap(&self) -> Duration {
        self.max_retry_after
    }

    /// The backoff before attempt `attempt + 1` (after `attempt` failed): a random wait
    /// between zero and `min(base · 2^(attempt-1), max)`.
    pub fn backoff_after(&self, attempt: u32) -> Duration {
        let exponent = attempt.saturating_sub(1).min(20);
        let ceiling = self
            .base_delay
            .saturating_mul(1 << exponent)
            .min(self.max_delay);
        let fraction: f64 = rand::rng().random();
        ceiling.mul_f64(fraction)
    }
}

/// What one attempt's outcome means for the next step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Not processed; safe to send again.
    Retryable,
    /// May have been processed.
    Ambiguous,
    /// Refused for good.
    Final,
}

/// Classifies an HTTP status of a failed create.
pub(crate) fn classify_status(status: u16) -> Class {
    match status {
        429 | 423 | 503 => Class::Retryable,
        500 | 502 | 504 => Class::Ambiguous,
        _ => Class::Final,
    }
}

/// Reads `Retry-After` as whole seconds (an HTTP date is not used by these vendors and is
/// ignored, as is anything unreadable).
pub(crate) fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    let value = headers.get(reqwest::header::RETRY_AFTER)?.to_str().ok()?;
    value.trim().parse::<u64>().ok().map(Duration::from_secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_classified_by_whether_they_were_processed() {
        for status in [429, 423, 503] {
            assert_eq!(classify_status(status), Class::Retryable, "{status}");
        }
        for status in [500, 502, 504] {
            assert_eq!(classify_status(status), Class::Ambiguous, "{status}");
        }
        for status in [400, 401, 403, 404, 409, 413, 415] {
            assert_eq!(classify_status(status), Class::Final, "{status}");
        }
    }

    #[test]
    fn backoff_is_jittered_below_an_exponential_ceiling() {
        let policy =
            RetryPolicy::default().backoff(Duration::from_millis(100), Duration::from_secs(1));
        for attempt in 1..=8 {
            let ceiling =
                Duration::from_millis(100 * (1 << (attempt - 1))).min(Duration::from_secs(1));
            for _ in 0..50 {
                assert!(
                    policy.backoff_after(attempt) <= ceiling,
                    "attempt {attempt}"
                );
            }
        }
        let waits: Vec<Duration> = (0..50).map(|_| policy.backoff_after(4)).collect();
        assert!(
            waits.iter().any(|w| *w != waits[0]),
            "jitter varies the wait"
        );
    }

    #[test]
    fn retry_after_is_read_in_seconds() {
        let mut headers = reqwest::header::HeaderMap::new();
        assert_eq!(retry_after(&headers), None);
        headers.insert(reqwest::header::RETRY_AFTER, "7".parse().expect("header"));
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(7)));
        headers.insert(
            reqwest::header::RETRY_AFTER,
            "Wed, 21 Oct 2015 07:28:00 GMT".parse().expect("header"),
        );
        assert_eq!(retry_after(&headers), None);
    }

    #[test]
    fn at_least_one_attempt() {
        assert_eq!(RetryPolicy::default().max_attempts(0).attempts(), 1);
        assert_eq!(RetryPolicy::never().attempts(), 1);
    }
}
