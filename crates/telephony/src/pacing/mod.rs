//! Client-side pacing, so that a bulk run at full speed never meets the vendor's rate limit:
//! token buckets per client and a cap on requests in flight.
//!
//! Each bucket holds two requests by default and refills evenly, spreading requests out instead
//! of sending a burst (the second place only absorbs a timer's lateness); the vendor's own
//! bucket then never runs dry unless it holds fewer than two requests.
//! Creates and reads have a bucket each, at the same rate: the vendors limit each operation on
//! its own (Dialpad documents 1200 per minute per operation), so the read-backs of a bulk run
//! do not slow its creates.

use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::{Duration, Instant};

use governor::{DefaultDirectRateLimiter, Quota};
use tokio::sync::{Semaphore, SemaphorePermit};

use crate::error::ConfigError;
use adaptive::Adaptive;
pub use adaptive::AdaptiveRate;
pub use rate::Rate;

mod adaptive;
mod rate;

/// How a client spaces its requests.
///
/// ```
/// use telephony::{AdaptiveRate, Pacing, Rate, Settings, Token};
///
/// // Webex publishes no limit for creating operating modes: find it from its 429s.
/// let webex = Settings::webex(Token::new("t")?).pacing(Pacing::Adaptive(AdaptiveRate::default()));
/// // Dialpad documents one: keep to it.
/// let dialpad = Settings::dialpad(Token::new("k")?).pacing(Pacing::Fixed(Rate::per_minute(1200)));
/// # let _ = (webex, dialpad);
/// # Ok::<(), telephony::ConfigError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Pacing {
    /// No pacing: as fast as the concurrency limit allows.
    Off,
    /// A fixed rate, evenly spaced.
    Fixed(Rate),
    /// A rate found from the vendor's throttling answers (see [`AdaptiveRate`]).
    Adaptive(AdaptiveRate),
}

/// One bucket of a client.
#[derive(Debug)]
enum Bucket {
    Off,
    Fixed(DefaultDirectRateLimiter),
    Adaptive(Adaptive),
}

/// Pacing and concurrency of one client.
#[derive(Debug)]
pub(crate) struct Limits {
    creates: Bucket,
    reads: Bucket,
    in_flight: Arc<Semaphore>,
}

impl Limits {
    pub fn new(pacing: Pacing, max_in_flight: usize) -> Result<Limits, ConfigError> {
        if max_in_flight == 0 {
            return Err(ConfigError::Setting {
                name: "max_concurrency",
                reason: "must be at least 1".into(),
            });
        }
        let bucket = || -> Result<Bucket, ConfigError> {
            let rate = match pacing {
                Pacing::Off => return Ok(Bucket::Off),
                Pacing::Adaptive(settings) => return Ok(Bucket::Adaptive(Adaptive::new(settings))),
                Pacing::Fixed(rate) => rate,
            };
            let quota = Quota::with_period(rate.interval()).ok_or(ConfigError::Setting {
                name: "rate",
                reason: "the interval between requests must be longer than zero".into(),
            })?;
            let burst = NonZeroU32::new(rate.burst()).unwrap_or(NonZeroU32::MIN);
            Ok(Bucket::Fixed(DefaultDirectRateLimiter::direct(
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
    /// Also returns when the request was let go.
    pub async fn admit(&self, read: bool) -> (Option<SemaphorePermit<'_>>, Instant) {
        let permit = self.in_flight.acquire().await.ok();
        let sent = match self.bucket(read) {
            Bucket::Off => Instant::now(),
            Bucket::Fixed(bucket) => {
                bucket.until_ready().await;
                Instant::now()
            }
            Bucket::Adaptive(bucket) => bucket.until_ready().await,
        };
        (permit, sent)
    }

    fn bucket(&self, read: bool) -> &Bucket {
        if read { &self.reads } else { &self.creates }
    }

    /// Tells an adaptive bucket how an attempt let go at `sent` went: `throttled` with the
    /// `Retry-After` it carried, or answered (anything else that reached the vendor).
    pub fn feedback(&self, read: bool, sent: Instant, throttled: Option<Option<Duration>>) {
        if let Bucket::Adaptive(bucket) = self.bucket(read) {
            match throttled {
                Some(retry_after) => bucket.on_throttle(sent, retry_after),
                None => bucket.on_success(),
            }
        }
    }
}
