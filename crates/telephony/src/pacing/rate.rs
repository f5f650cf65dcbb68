//! A request rate as the client's settings state it (`count` per `per`, with a burst), shared by
//! the fixed buckets and the adaptive pacing's bounds.

use std::time::Duration;

/// A request rate: `count` requests per `per`.
///
/// ```
/// use std::time::{Duration, Instant};
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
            burst: 2,
        }
    }

    /// Lets up to `burst` requests go at once after a quiet spell (default 2: evenly spaced,
    /// with room for one more, so that a request the timer wakes a little late does not push
    /// every later one back: with a burst of 1 that lateness was lost on every request, and a
    /// paced run fell about 1.5 % short of its rate). 1 spaces every request strictly.
    pub fn with_burst(mut self, burst: u32) -> Rate {
        self.burst = burst.max(1);
        self
    }

    /// How many requests may go at once after a quiet spell.
    pub(crate) fn burst(&self) -> u32 {
        self.burst
    }

    /// The time between two requests at this rate.
    pub fn interval(&self) -> Duration {
        self.per / self.count
    }
}
