//! Adaptive pacing, for a vendor that publishes no rate limit (Webex, for creating operating
//! modes): the client finds the limit from the vendor's answers instead of guessing it.
//!
//! The scheme is the one of the AWS SDKs' adaptive retry mode, a CUBIC-like rate:
//! - until the first throttling answer (429), the rate grows geometrically with each success
//!   (a "slow start" from [`AdaptiveRate::starting_at`]);
//! - a 429 records as `w_max` the rate it came at (or, when lower, the rate of successes since
//!   the last cut: what the vendor really let through), cuts the rate to `β · w_max` (to half of it
//!   when the last cut was less than a recovery ago: still far above the limit), and holds
//!   every request of the client back for the `Retry-After` it carried; a 429 of a request
//!   sent before the last cut cuts nothing more;
//! - afterwards the rate climbs back along a cubic: quickly at first, flat around `w_max` (the
//!   rate that was too much last time), then probing above it ever faster while no 429 comes.
//!
//! The cubic's time scale is relative (it reaches `w_max` again after
//! [`AdaptiveRate::recovery`], whatever the rate), so the same settings suit 5 and 500
//! requests per second. The rate never exceeds twice the rate requests actually went out at
//! (a client held back by its concurrency does not inflate it), nor the bounds set.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::rate::Rate;

/// Settings of adaptive pacing.
///
/// ```
/// use std::time::Duration;
/// use telephony::{AdaptiveRate, Rate};
///
/// let adaptive = AdaptiveRate::default()
///     .starting_at(Rate::per_second(20))
///     .bounds(Rate::per_minute(6), Rate::per_second(1000))
///     .recovery(Duration::from_secs(8));
/// assert_eq!(adaptive.starting_at_value(), 20.0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AdaptiveRate {
    start: f64,
    min: f64,
    max: f64,
    beta: f64,
    recovery: Duration,
    growth: f64,
}

impl Default for AdaptiveRate {
    /// Starts at 40 per second; between 1 per minute and 5,000 per second; a 429 cuts the
    /// rate to 0.9 of `w_max`, which is regained after 12 s; before the first
    /// 429 each success raises the rate by 10 % (at most doubling per quarter second).
    fn default() -> Self {
        AdaptiveRate {
            start: 40.0,
            min: 1.0 / 60.0,
            max: 5000.0,
            beta: 0.9,
            recovery: Duration::from_secs(12),
            growth: 1.10,
        }
    }
}

impl AdaptiveRate {
    /// The rate of the first requests.
    pub fn starting_at(mut self, rate: Rate) -> Self {
        self.start = per_second(rate);
        self
    }

    /// The lowest and highest rates it may choose.
    pub fn bounds(mut self, min: Rate, max: Rate) -> Self {
        self.min = per_second(min);
        self.max = per_second(max).max(self.min);
        self
    }

    /// The time after a 429 in which the rate climbs back to the one the 429 came at.
    pub fn recovery(mut self, recovery: Duration) -> Self {
        self.recovery = recovery.max(Duration::from_millis(100));
        self
    }

    /// The starting rate, in requests per second.
    pub fn starting_at_value(&self) -> f64 {
        self.start
    }

    /// The lowest and highest rates, in requests per second.
    pub fn bounds_value(&self) -> (f64, f64) {
        (self.min, self.max)
    }

    /// The recovery time after a 429.
    pub fn recovery_value(&self) -> Duration {
        self.recovery
    }
}

fn per_second(rate: Rate) -> f64 {
    1.0 / rate.interval().as_secs_f64().max(1e-9)
}

/// The state of one adaptive bucket.
#[derive(Debug)]
struct State {
    /// Requests per second now.
    rate: f64,
    /// The rate of the last 429, and when the rate was cut for it (`None` before the first).
    last_throttle: Option<(f64, Instant)>,
    /// Successes since the last cut.
    successes: u32,
    /// When the last request went (its slot), and the end of a `Retry-After` pause.
    last: Option<Instant>,
    paused_until: Instant,
    /// Requests sent in the current window, when it began, and the rate of the last whole
    /// window.
    window: (u32, Instant),
    measured: Option<f64>,
}

impl State {
    /// Counts a request sent, and updates the measured sending rate at the end of a window.
    fn count_sent(&mut self, now: Instant) {
        let (count, began) = self.window;
        let elapsed = now.duration_since(began);
        if elapsed < WINDOW {
            self.window.0 += 1;
            return;
        }
        self.measured = Some(f64::from(count) / elapsed.as_secs_f64());
        self.window = (1, now);
    }
}

/// An adaptive bucket: one per operation kind (creates, reads) of a client.
#[derive(Debug)]
pub(crate) struct Adaptive {
    settings: AdaptiveRate,
    state: Mutex<State>,
}

/// The length of the windows the sending rate is measured over.
const WINDOW: Duration = Duration::from_millis(250);

impl Adaptive {
    pub fn new(settings: AdaptiveRate) -> Adaptive {
        let now = Instant::now();
        Adaptive {
            settings,
            state: Mutex::new(State {
                rate: settings.start.clamp(settings.min, settings.max),
                last_throttle: None,
                successes: 0,
                last: None,
                paused_until: now,
                window: (0, now),
                measured: None,
            }),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Waits for this request's turn. A turn is taken only when it has come (not booked
    /// ahead), so a change of rate applies to every request still waiting.
    pub async fn until_ready(&self) -> Instant {
        loop {
            let due = {
                let mut state = self.state();
                let now = Instant::now();
                let interval = Duration::from_secs_f64(1.0 / state.rate);
                let due = state
                    .last
                    .map_or(now, |last| last + interval)
                    .max(state.paused_until);
                if due <= now {
                    // Keep an even spacing unless the bucket sat idle for a whole interval.
                    state.last = Some(if now - due < interval { due } else { now });
                    state.count_sent(now);
                    return now;
                }
                due
            };
            tokio::time::sleep_until(due.into()).await;
        }
    }

    /// A request of this bucket succeeded (or was refused for a reason other than its rate).
    pub fn on_success(&self) {
        let settings = &self.settings;
        let mut state = self.state();
        state.successes = state.successes.saturating_add(1);
        let target = match state.last_throttle {
            None => state.rate * settings.growth,
            Some((w_max, at)) => {
                let k = settings.recovery.as_secs_f64();
                let t = at.elapsed().as_secs_f64();
                // w_max (1 - (1-β)(1 - t/K)^3): β·w_max at t = 0, w_max at t = K, then above.
                w_max * (1.0 - (1.0 - settings.beta) * (1.0 - t / k).powi(3))
            }
        };
        let ceiling = state
            .measured
            .map_or(settings.max, |measured| (2.0 * measured).max(state.rate));
        state.rate = target.min(ceiling).clamp(settings.min, settings.max);
    }

    /// A request of this bucket, sent at `sent`, was throttled (429): cut the rate, and hold
    /// every request back for `retry_after`. A request sent before the last cut tells nothing
    /// new (the cut already answers the congestion it met), so it cuts nothing.
    pub fn on_throttle(&self, sent: Instant, retry_after: Option<Duration>) {
        let settings = &self.settings;
        let mut state = self.state();
        let now = Instant::now();
        if state.last_throttle.is_some_and(|(_, cut)| sent < cut) {
            return;
        }
        // The rate to climb back to: the one that was too much, or, when lower, the rate the
        // vendor let through since the last cut (what it really allows, without the overshoot
        // that found the limit).
        let admitted = state.last_throttle.and_then(|(_, cut)| {
            let elapsed = now.duration_since(cut).as_secs_f64();
            (elapsed >= 1.0).then(|| f64::from(state.successes) / elapsed)
        });
        let w_max = admitted.map_or(state.rate, |admitted| admitted.min(state.rate));
        state.successes = 0;
        // Throttled again before regaining the last 429's rate: still far above the limit
        // (as after a slow start's overshoot), so halve rather than cut by β.
        let again = state
            .last_throttle
            .is_some_and(|(_, cut)| now.duration_since(cut) < settings.recovery);
        let factor = if again { 0.5 } else { settings.beta };
        state.rate = (w_max * factor).clamp(settings.min, settings.max);
        state.last_throttle = Some((w_max, now));
        let pause = now + retry_after.unwrap_or_default();
        state.paused_until = state.paused_until.max(pause);
    }

    /// The rate now, in requests per second.
    #[cfg(test)]
    pub fn rate(&self) -> f64 {
        self.state().rate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_until_throttled_then_cuts_and_climbs_back() {
        let adaptive = Adaptive::new(AdaptiveRate::default().recovery(Duration::from_secs(60)));
        for _ in 0..10 {
            adaptive.on_success();
        }
        let before = adaptive.rate();
        assert!((before - 40.0 * 1.1_f64.powi(10)).abs() < 1e-6, "{before}");
        adaptive.on_throttle(Instant::now(), None);
        let cut = adaptive.rate();
        assert!((cut - before * 0.9).abs() < 1e-9, "{cut}");
        adaptive.on_success();
        let after = adaptive.rate();
        assert!(
            after >= cut && after < before,
            "climbs back slowly: {after}"
        );
    }

    #[test]
    fn throttles_of_requests_sent_before_a_cut_cut_nothing() {
        let adaptive = Adaptive::new(AdaptiveRate::default());
        let sent = Instant::now();
        adaptive.on_throttle(Instant::now(), None);
        let cut = adaptive.rate();
        adaptive.on_throttle(sent, None);
        assert_eq!(adaptive.rate(), cut);
        adaptive.on_throttle(Instant::now(), None);
        assert!(
            (adaptive.rate() - cut * 0.5).abs() < 1e-9,
            "halved when throttled again"
        );
    }

    #[test]
    fn stays_within_its_bounds() {
        let settings = AdaptiveRate::default()
            .starting_at(Rate::per_second(100))
            .bounds(Rate::per_second(2), Rate::per_second(120));
        let adaptive = Adaptive::new(settings);
        for _ in 0..100 {
            adaptive.on_success();
        }
        assert!(
            (adaptive.rate() - 120.0).abs() < 1e-3,
            "{}",
            adaptive.rate()
        );
        for _ in 0..100 {
            adaptive.on_throttle(Instant::now(), None);
        }
        assert!((adaptive.rate() - 2.0).abs() < 1e-3, "{}", adaptive.rate());
    }

    #[tokio::test]
    async fn a_retry_after_holds_the_next_request_back() {
        let adaptive = Adaptive::new(AdaptiveRate::default());
        adaptive.on_throttle(Instant::now(), Some(Duration::from_millis(200)));
        let started = Instant::now();
        adaptive.until_ready().await;
        assert!(started.elapsed() >= Duration::from_millis(190));
    }
}
