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
/// assert_eq!(policy.max_attempts_value(), 6);
/// assert!(!policy.retry_ambiguous_value());
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

    /// Attempts in all, the first included.
    pub fn max_attempts_value(&self) -> u32 {
        self.attempts
    }

    /// The first backoff (before jitter) and the largest one.
    pub fn backoff_value(&self) -> (Duration, Duration) {
        (self.base_delay, self.max_delay)
    }

    /// The longest `Retry-After` this client waits.
    pub fn max_retry_after_value(&self) -> Duration {
        self.max_retry_after
    }

    /// Whether outcomes that may have been processed are retried.
    pub fn retry_ambiguous_value(&self) -> bool {
        self.retry_ambiguous
    }

    /// The settle delay before a read-back.
    pub fn settle_delay_value(&self) -> Duration {
        self.settle_delay
    }

    /// Attempts of each read.
    pub fn read_attempts_value(&self) -> u32 {
        self.read_attempts
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn at_least_one_attempt() {
        assert_eq!(
            RetryPolicy::default().max_attempts(0).max_attempts_value(),
            1
        );
        assert_eq!(RetryPolicy::never().max_attempts_value(), 1);
    }
}
