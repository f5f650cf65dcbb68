//! Client-side pacing, so that a bulk run at full speed never meets the vendor's rate limit:
//! token buckets per client and a cap on requests in flight.
//!
//! Each bucket holds one request by default and refills evenly, spreading requests out instead
//! of sending a burst; the vendor's own bucket then never runs dry, whatever its burst size.
//! Creates and reads have a bucket each, at the same rate: the vendors limit each operation on
//! its own (Dialpad documents 1200 per minute per operation), so the read-backs of a bulk run
//! do not slow its creates.

use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use governor::{DefaultDirectRateLimiter, Quota};
use tokio::sync::{Semaphore, SemaphorePermit};

use crate::error::ConfigError;

/// A request rate: `count` requests per `per`.
///
/// ```
/// use std::time::Duration;
/// let rate = telephony::Rate::per_minute(1200);
/// assert_eq!(rate.interval(), Duration::from_millis(50));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    count: u32,
    per: Duration,
    burst: u32,
}

impl Rate {
    /// `count` requests per second.
    pub fn per_second(count: u32) -> Rate {
        Rate::new(count, Duration::from_secs(1))
    }

    /// `count` requests per minute.
    pub fn per_minute(count: u32) -> Rate {
        Rate::new(count, Duration::from_secs(60))
    }

    /// `count` requests per `per` (a zero count is treated as one).
    pub fn new(count: u32, per: Duration) -> Rate {
        Rate {
            count: count.max(1),
            per,
            burst: 1,
        }
    }

    /// Lets up to `burst` requests go at once after a quiet spell (default 1: evenly spaced).
    pub fn with_burst(mut self, burst: u32) -> Rate {
        self.burst = burst.max(1);
        self
    }

    /// The time between two requests at this rate.
    pub fn interval(&self) -> Duration {
        self.per / self.count
    }
}

/// Pacing and concurrency of one client.
#[derive(Debug)]
pub(crate) struct Limits {
    creates: Option<DefaultDirectRateLimiter>,
    reads: Option<DefaultDirectRateLimiter>,
    in_flight: Arc<Semaphore>,
}

impl Limits {
    pub fn new(rate: Option<Rate>, max_in_flight: usize) -> Result<Limits, ConfigError> {
        if max_in_flight == 0 {
            return Err(ConfigError::Setting {
                name: "max_concurrency",
                reason: "must be at least 1".into(),
            });
        }
        let bucket = || -> Result<Option<DefaultDirectRateLimiter>, ConfigError> {
            let Some(rate) = rate else {
                return Ok(None);
            };
            let quota = Quota::with_period(rate.interval()).ok_or(ConfigError::Setting {
                name: "rate",
                reason: "the interval between requests must be longer than zero".into(),
            })?;
            let burst = NonZeroU32::new(rate.burst).unwrap_or(NonZeroU32::MIN);
            Ok(Some(DefaultDirectRateLimiter::direct(
                quota.allow_burst(burst),
            )))
        };
        Ok(Limits {
            creates: bucket()?,
            reads: bucket()?,
            in_flight: Arc::new(Semaphore::new(max_in_flight)),
        })
    }

    /// Waits for a slot in flight, then for the bucket of creates (`read` false) or reads; the
    /// permit is held for the attempt.
    pub async fn admit(&self, read: bool) -> Option<SemaphorePermit<'_>> {
        let permit = self.in_flight.acquire().await.ok();
        let bucket = if read { &self.reads } else { &self.creates };
        if let Some(bucket) = bucket {
            bucket.until_ready().await;
        }
        permit
    }
}
