//! The one attempt loop of every call of both clients: pacing, a tracing span per attempt, the
//! classification of each outcome ([`classify`]), the waits after "not processed" answers,
//! and a [`Strategy`] that decides the rest — a read sends again what may have been processed,
//! a single-shot create fails on it, a billing-safe create reads back. Body capping and span
//! reporting sit beside it, so a new kind of call (an update, a delete) is one more strategy.

use std::future::Future;
use std::time::{Duration, Instant};

use telephony_spec::Vendor;
use tracing::Instrument;

use crate::error::{Error, seconds};
use crate::pacing::Limits;
use crate::retry::RetryPolicy;

mod capped;
mod change;
mod classify;
mod once;
mod outcome;
mod read;
mod report;

pub(crate) use change::{Change, Changed};
pub(crate) use classify::GenResult;
pub(crate) use once::Once;
pub(crate) use outcome::{Attempt, Kind, NO_ID, Next, Strategy, answered};
pub(crate) use read::Read;

/// Sends the requests of one client.
#[derive(Debug)]
pub(crate) struct Transport {
    pub vendor: Vendor,
    pub limits: Limits,
    pub policy: RetryPolicy,
}

impl Transport {
    /// Runs one call: sends, classifies, waits out "not processed" answers within the
    /// strategy's attempts, and lets the strategy decide every other outcome.
    pub async fn run<T, S, F, Fut>(
        &self,
        operation: &'static str,
        strategy: &mut S,
        mut send: F,
    ) -> Result<S::Output, Error>
    where
        T: serde::de::DeserializeOwned + Send + 'static,
        S: Strategy<T>,
        F: FnMut() -> Fut,
        Fut: Future<Output = GenResult<T>>,
    {
        let attempts = strategy.attempts();
        let mut attempt = 0;
        loop {
            attempt += 1;
            let (outcome, spent) = self
                .attempt(
                    operation,
                    strategy.kind(),
                    attempt,
                    strategy.budget(),
                    &mut send,
                )
                .await;
            strategy.waited(spent);
            let next = match outcome {
                Attempt::Success(value) => strategy.on_success(attempt, value).await,
                Attempt::Answered { status, reason } => {
                    strategy.on_answered(attempt, status, reason).await
                }
                Attempt::Ambiguous { status, reason } => {
                    strategy.on_unknown(attempt, status, reason).await
                }
                Attempt::Final(error) => strategy.on_refused(attempt, error).await,
                Attempt::NotProcessed {
                    status,
                    retry_after,
                    transport,
                } => {
                    if let Some(error) =
                        strategy.stop_before_resending(attempt, status, transport.as_ref())
                    {
                        return Err(error);
                    }
                    match self.wait_after(attempt, attempts, status, retry_after, transport) {
                        Ok(wait) => Next::Again(wait),
                        Err(error) => strategy.on_exhausted(attempt, error).await,
                    }
                }
            };
            match next {
                Next::Again(wait) => tokio::time::sleep(wait).await,
                Next::Done(result) => return result,
            }
        }
    }

    /// One attempt whose wait for the answer is cut at `budget` (when given), and the time it
    /// spent waiting for the answer (pacing not included). A cut attempt is an unknown
    /// outcome: for a read, a transient failure.
    async fn attempt<T, Fut>(
        &self,
        operation: &'static str,
        kind: Kind,
        number: u32,
        budget: Option<Duration>,
        send: impl FnOnce() -> Fut,
    ) -> (Attempt<T>, Duration)
    where
        T: serde::de::DeserializeOwned,
        Fut: Future<Output = GenResult<T>>,
    {
        let span = tracing::info_span!(
            "attempt",
            vendor = self.vendor.name(),
            operation,
            attempt = number,
            status = tracing::field::Empty,
            latency_ms = tracing::field::Empty,
            outcome = tracing::field::Empty,
        );
        let recorder = span.clone();
        async move {
            let (permit, sent) = self.limits.admit(kind == Kind::Read).await;
            let started = Instant::now();
            let result = match budget {
                None => Some(send().await),
                Some(budget) => tokio::time::timeout(budget, send()).await.ok(),
            };
            drop(permit);
            let outcome = match result {
                Some(result) => classify::classify(self.vendor, operation, kind, result).await,
                None => Attempt::Ambiguous {
                    status: None,
                    reason: format!("no answer within {}", seconds(budget.unwrap_or_default())),
                },
            };
            let waited = started.elapsed();
            let throttled = match &outcome {
                Attempt::NotProcessed {
                    status: Some(429),
                    retry_after,
                    ..
                } => Some(*retry_after),
                _ => None,
            };
            let reached = !matches!(outcome, Attempt::NotProcessed { status: None, .. });
            if reached {
                self.limits.feedback(kind == Kind::Read, sent, throttled);
            }
            report::report(&recorder, started, &outcome);
            (outcome, waited)
        }
        .instrument(span)
        .await
    }

    /// The wait before sending again after a "not processed" attempt, or the error that ends
    /// the request: the last attempt was used, or `Retry-After` asks for more than the cap.
    fn wait_after(
        &self,
        attempt: u32,
        attempts: u32,
        status: Option<u16>,
        retry_after: Option<Duration>,
        transport: Option<reqwest::Error>,
    ) -> Result<Duration, Error> {
        let vendor = self.vendor;
        if attempt >= attempts {
            return Err(match transport {
                Some(source) => Error::Transport {
                    vendor,
                    attempts: attempt,
                    source,
                },
                None => Error::RateLimited {
                    vendor,
                    status: status.unwrap_or(429),
                    attempts: attempt,
                    retry_after,
                },
            });
        }
        let cap = self.policy.max_retry_after_value();
        match retry_after {
            Some(wait) if wait > cap => Err(Error::RetryAfterTooLong {
                vendor,
                status: status.unwrap_or(429),
                wait,
                cap,
            }),
            Some(wait) => Ok(wait),
            None => Ok(self.policy.backoff_after(attempt)),
        }
    }

    /// Runs a read (see [`Read`]).
    pub async fn read<T, F, Fut>(&self, operation: &'static str, send: F) -> Result<T, Error>
    where
        T: serde::de::DeserializeOwned + Send + 'static,
        F: FnMut() -> Fut,
        Fut: Future<Output = GenResult<T>>,
    {
        let mut read = Read::new(self.vendor, operation, &self.policy);
        self.run(operation, &mut read, send).await
    }

    /// Runs a single-shot create (see [`Once`]).
    pub async fn create_once<T, F, Fut>(
        &self,
        operation: &'static str,
        send: F,
        has_id: impl Fn(&T) -> bool + Send,
    ) -> Result<T, Error>
    where
        T: serde::de::DeserializeOwned + Send + 'static,
        F: FnMut() -> Fut,
        Fut: Future<Output = GenResult<T>>,
    {
        let mut once = Once::new(self.vendor, &self.policy, has_id);
        self.run(operation, &mut once, send).await
    }

    /// Runs a change that may be sent again (a `PUT`; see [`Change`]): its answer, when it
    /// could be decoded.
    pub async fn change<T, F, Fut>(
        &self,
        operation: &'static str,
        send: F,
    ) -> Result<Option<T>, Error>
    where
        T: serde::de::DeserializeOwned + Send + 'static,
        F: FnMut() -> Fut,
        Fut: Future<Output = GenResult<T>>,
    {
        let mut change = Change::new(self.vendor, &self.policy, false);
        match self.run(operation, &mut change, send).await? {
            Changed::Applied(answer) => Ok(answer),
            // Only a delete ends missing (`missing_is_done`); a change's 404 is an error.
            Changed::Missing { .. } => Ok(None),
        }
    }

    /// Runs a delete (see [`Change`]): a 404 after an attempt whose outcome was unknown is
    /// [`Deleted::Deleted`], on the first answer [`Deleted::AlreadyGone`].
    pub async fn delete<T, F, Fut>(
        &self,
        operation: &'static str,
        send: F,
    ) -> Result<Deleted, Error>
    where
        T: serde::de::DeserializeOwned + Send + 'static,
        F: FnMut() -> Fut,
        Fut: Future<Output = GenResult<T>>,
    {
        let mut change = Change::new(self.vendor, &self.policy, true);
        Ok(match self.run(operation, &mut change, send).await? {
            Changed::Applied(_)
            | Changed::Missing {
                after_unknown: true,
            } => Deleted::Deleted,
            Changed::Missing {
                after_unknown: false,
            } => Deleted::AlreadyGone,
        })
    }
}

/// How a delete ended.
///
/// ```
/// use telephony::Deleted;
///
/// assert_eq!(Deleted::AlreadyGone.to_string(), "already gone");
/// assert_ne!(Deleted::Deleted, Deleted::AlreadyGone);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deleted {
    /// This call deleted it (a 404 after an attempt whose outcome was unknown included: that
    /// attempt deleted it).
    Deleted,
    /// It did not exist when the call began (the first answer was 404).
    AlreadyGone,
}

impl std::fmt::Display for Deleted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Deleted::Deleted => "deleted",
            Deleted::AlreadyGone => "already gone",
        })
    }
}
