//! When to send a request again, and how long to wait first.
//!
//! A create is not idempotent and neither vendor takes an idempotency key, so a create is sent
//! again only after answers that mean "not processed": 429, 423, 503, and connections that
//! failed before the request was sent. Anything that may have been processed — a timeout or
//! reset after sending, 500, or a gateway's 502 or 504 (it may have passed the request on) —
//! is an unknown outcome: the billing-safe creates read back what exists before deciding
//! (see [`crate::resolve`]); the single-shot creates return
//! [`Error::Ambiguous`](crate::Error::Ambiguous) unless the caller opts in with
//! [`RetryPolicy::retry_ambiguous`]. Reads are idempotent: every transient failure is retried.
//! Waits follow `Retry-After` when the vendor sends one (seconds or an HTTP date, up to a cap:
//! a longer wait is returned as an error, not slept), otherwise exponential backoff with full
//! jitter.

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
    settle_delay: Duration,
    read_attempts: u32,
    read_deadline: Duration,
    read_back_patience: Duration,
    confirm_delay: Option<Duration>,
}

impl Default for RetryPolicy {
    /// 4 attempts; backoff 0.5 s doubling up to 8 s, full jitter; `Retry-After` up to 60 s;
    /// ambiguous outcomes are not retried blindly; 10 s of settling before a read-back; 6
    /// attempts per read, which gets no more than 40 s of waiting for answers; read-backs
    /// tried again for up to 120 s; three settle delays more before "not created" is
    /// confirmed.
    fn default() -> Self {
        RetryPolicy {
            attempts: 4,
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(8),
            max_retry_after: Duration::from_secs(60),
            retry_ambiguous: false,
            settle_delay: DEFAULT_SETTLE_DELAY,
            read_attempts: 6,
            read_deadline: Duration::from_secs(40),
            read_back_patience: Duration::from_secs(120),
            confirm_delay: None,
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

    /// How long the billing-safe creates wait after an unknown outcome before reading back
    /// what exists (default 10 s): a vendor's backend may finish a create after its gateway
    /// gave up with a 504 or the connection broke, and a read-back that comes too early would
    /// find nothing and send the create again.
    pub fn settle_delay(mut self, delay: Duration) -> Self {
        self.settle_delay = delay;
        self
    }

    /// Attempts of each read (listing page or get), the first included (at least 1; default
    /// 6). Reads change nothing, so every transient failure of a read is retried.
    pub fn read_attempts(mut self, attempts: u32) -> Self {
        self.read_attempts = attempts.max(1);
        self
    }

    /// The most time one read (a listing page or a get) spends waiting for answers, over all
    /// its attempts (default 40 s): a server that accepts requests and never answers fails
    /// the read within it, saying so. Deliberate waits (pacing, backoff, `Retry-After`) are
    /// not counted. Each attempt is also bounded by the client's request timeout.
    pub fn read_deadline(mut self, deadline: Duration) -> Self {
        self.read_deadline = deadline.max(Duration::from_millis(1));
        self
    }

    /// How long a billing-safe create keeps reading back when the read-back itself fails
    /// (default 120 s): a read-back is a read, so it may try longer than a create; each try is
    /// one read, bounded by [`read_deadline`](RetryPolicy::read_deadline).
    pub fn read_back_patience(mut self, patience: Duration) -> Self {
        self.read_back_patience = patience;
        self
    }

    /// How much longer than the settle delay a billing-safe create waits before the last
    /// read-back that confirms "not created" (default three settle delays: 30 s with the
    /// default settle delay), once any attempt's outcome was unknown: a commit that lands
    /// later than the settle delay is still found then.
    pub fn confirm_delay(mut self, delay: Duration) -> Self {
        self.confirm_delay = Some(delay);
        self
    }

    /// The read deadline.
    pub fn read_deadline_value(&self) -> Duration {
        self.read_deadline
    }

    /// The read-back patience.
    pub fn read_back_patience_value(&self) -> Duration {
        self.read_back_patience
    }

    /// The confirm delay.
    pub fn confirm_delay_value(&self) -> Duration {
        self.confirm_delay
            .unwrap_or_else(|| self.settle_delay.saturating_mul(3))
    }

    /// The settle delay before a read-back.
    pub fn settle(&self) -> Duration {
        self.settle_delay
    }

    /// Attempts per read.
    pub fn reads(&self) -> u32 {
        self.read_attempts
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

/// The default settle delay: 10 s. It is paid only after an unknown outcome, which is rare, so
/// it can be generous; it covers a backend that commits a few seconds after its gateway timed
/// out. A create that commits later still than this can be duplicated at Dialpad (Webex refuses
/// the second create of a name, and that answer is read back too).
pub const DEFAULT_SETTLE_DELAY: Duration = Duration::from_secs(10);

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

/// Classifies an HTTP status of a failed create: 429, 423 and 503 were not processed; 501 and
/// 505 refuse the request as such; any other 5xx may have been processed; the rest (4xx) are
/// refusals.
pub(crate) fn classify_status(status: u16) -> Class {
    match status {
        429 | 423 | 503 => Class::Retryable,
        501 | 505 => Class::Final,
        500..=599 => Class::Ambiguous,
        _ => Class::Final,
    }
}

/// Reads `Retry-After`: whole seconds, or an HTTP date (the wait until then, zero if it has
/// passed). A number too large for a `u64` reads as the longest wait, so the cap turns it into
/// [`Error::RetryAfterTooLong`](crate::Error::RetryAfterTooLong); anything else unreadable is
/// ignored (backoff applies).
pub(crate) fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    let value = headers
        .get(reqwest::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return Some(
            value
                .parse::<u64>()
                .map_or(Duration::MAX, Duration::from_secs),
        );
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(
        when.duration_since(std::time::SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_classified_by_whether_they_were_processed() {
        for status in [429, 423, 503] {
            assert_eq!(classify_status(status), Class::Retryable, "{status}");
        }
        for status in [500, 502, 504, 507, 599] {
            assert_eq!(classify_status(status), Class::Ambiguous, "{status}");
        }
        for status in [400, 401, 403, 404, 405, 409, 413, 415, 501, 505] {
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

    fn with_retry_after(value: &str) -> Option<Duration> {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(reqwest::header::RETRY_AFTER, value.parse().expect("header"));
        retry_after(&headers)
    }

    #[test]
    fn retry_after_is_read_in_seconds_or_as_a_date() {
        assert_eq!(retry_after(&reqwest::header::HeaderMap::new()), None);
        assert_eq!(with_retry_after("7"), Some(Duration::from_secs(7)));
        assert_eq!(with_retry_after(" 0 "), Some(Duration::ZERO));
        // Larger than u64: the longest wait, which the cap turns into an error.
        assert_eq!(
            with_retry_after("99999999999999999999999"),
            Some(Duration::MAX)
        );
        // A date that has passed: no wait.
        assert_eq!(
            with_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(Duration::ZERO)
        );
        // A date in the future: the wait until then.
        let later = std::time::SystemTime::now() + Duration::from_secs(120);
        let wait = with_retry_after(&httpdate::fmt_http_date(later)).expect("a date");
        assert!(
            wait > Duration::from_secs(110) && wait <= Duration::from_secs(120),
            "{wait:?}"
        );
        assert_eq!(with_retry_after("soon"), None);
        assert_eq!(with_retry_after("-5"), None);
    }

    #[test]
    fn at_least_one_attempt() {
        assert_eq!(RetryPolicy::default().max_attempts(0).attempts(), 1);
        assert_eq!(RetryPolicy::never().attempts(), 1);
    }
}
