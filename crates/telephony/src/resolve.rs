//! Billing-safe creates: every create ends known — created exactly once, or surely not.
//!
//! Neither vendor takes an idempotency key, so a create whose outcome is unknown (the
//! connection broke after sending, a timeout, 500/502/504) cannot simply be sent again: a
//! Dialpad office is billable. A create the vendor answered with success is never sent again,
//! even when the answer names no id or cannot be decoded: it is read back with growing waits,
//! and ends [`Error::Ambiguous`] ("the vendor answered success") if not found. Otherwise the client
//! waits a settle delay ([`RetryPolicy::settle_delay`](crate::RetryPolicy::settle_delay): a
//! backend may commit after its gateway gave up), then reads back what exists:
//!
//! - **found** → [`Outcome::Found`] with its id; nothing is sent again;
//! - **not found** → the attempt surely did nothing, so the create is sent again (within
//!   [`RetryPolicy::max_attempts`](crate::RetryPolicy::max_attempts)); when the attempts run
//!   out, [`Error::NotCreated`];
//! - **the read-back itself fails** → [`Error::Ambiguous`], saying so. This is the only way
//!   a billing-safe create ends unknown.
//!
//! How each vendor reads back is described on
//! [`DialpadClient::create_office`](crate::DialpadClient::create_office) and
//! [`WebexClient::create_operating_mode`](crate::WebexClient::create_operating_mode).

use std::future::Future;

use crate::error::Error;
use crate::transport::{Attempt, GenResult, Kind, NO_ID, Transport};

/// How a billing-safe create ended when the resource exists.
///
/// ```
/// use telephony::Outcome;
///
/// let outcome = Outcome::Created { id: 42_i64, attempts: 1 };
/// assert_eq!(*outcome.id(), 42);
/// assert!(outcome.is_created());
/// assert_eq!(outcome.to_string(), "created 42");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Outcome<Id> {
    /// The vendor answered this create with success and the id of what it created.
    Created {
        /// The id of the new resource.
        id: Id,
        /// Attempts made, the first included.
        attempts: u32,
    },
    /// The resource exists and was found by reading back: an attempt whose outcome was unknown
    /// did create it, or (Webex, whose names are unique) an operating mode of that name
    /// already existed in the scope. Nothing more was sent.
    Found {
        /// The id of the resource found.
        id: Id,
        /// Attempts made, the first included.
        attempts: u32,
    },
}

impl<Id> Outcome<Id> {
    /// The id of the resource, however it was learned.
    pub fn id(&self) -> &Id {
        match self {
            Outcome::Created { id, .. } | Outcome::Found { id, .. } => id,
        }
    }

    /// The id, by value.
    pub fn into_id(self) -> Id {
        match self {
            Outcome::Created { id, .. } | Outcome::Found { id, .. } => id,
        }
    }

    /// The same outcome with the id converted (to text, say).
    pub fn map_id<T>(self, convert: impl FnOnce(Id) -> T) -> Outcome<T> {
        match self {
            Outcome::Created { id, attempts } => Outcome::Created {
                id: convert(id),
                attempts,
            },
            Outcome::Found { id, attempts } => Outcome::Found {
                id: convert(id),
                attempts,
            },
        }
    }

    /// Whether the vendor answered this create with success.
    pub fn is_created(&self) -> bool {
        matches!(self, Outcome::Created { .. })
    }

    /// Attempts made, the first included.
    pub fn attempts(&self) -> u32 {
        match self {
            Outcome::Created { attempts, .. } | Outcome::Found { attempts, .. } => *attempts,
        }
    }
}

impl<Id: std::fmt::Display> std::fmt::Display for Outcome<Id> {
    /// `created 42` or `found 42 by reading back`, with the attempts when more than one.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Outcome::Created { id, .. } => write!(f, "created {id}")?,
            Outcome::Found { id, .. } => write!(f, "found {id} by reading back")?,
        }
        match self.attempts() {
            1 => Ok(()),
            n => write!(f, " ({n} attempts)"),
        }
    }
}

/// One billing-safe create.
pub(crate) struct Create<'a, S, I, R> {
    pub transport: &'a Transport,
    pub operation: &'static str,
    /// Sends one attempt.
    pub send: S,
    /// The id a success names, if any.
    pub id_of: I,
    /// Looks for the resource this create would have made.
    pub read_back: R,
    /// Whether a 409 is read back (Webex: the name is taken, perhaps by this very create).
    pub conflict_reads_back: bool,
}

impl<S, I, R, T, Id, SFut, RFut> Create<'_, S, I, R>
where
    S: FnMut() -> SFut,
    SFut: Future<Output = GenResult<T>>,
    T: serde::de::DeserializeOwned,
    I: Fn(&T) -> Option<Id>,
    R: FnMut() -> RFut,
    RFut: Future<Output = Result<Option<Id>, Error>>,
{
    /// The vendor answered success without saying what it made: it was processed, so it is
    /// never sent again. The listing may lag behind the create, so it is read back after the
    /// settle delay and then after growing waits (`settle × n`, n up to the attempts), and
    /// ends [`Error::Ambiguous`] saying the vendor answered success when it is not found.
    async fn find_answered(
        &mut self,
        attempt: u32,
        status: Option<u16>,
        reason: &str,
    ) -> Result<Outcome<Id>, Error> {
        let policy = &self.transport.policy;
        let mut last_error = None;
        for round in 1..=policy.attempts() {
            tokio::time::sleep(policy.settle() * round).await;
            match self.read_back_patiently().await {
                Ok(Some(id)) => {
                    return Ok(Outcome::Found {
                        id,
                        attempts: attempt,
                    });
                }
                Ok(None) => last_error = None,
                Err(error) => last_error = Some(error),
            }
        }
        let looked = match last_error {
            Some(error) => format!("{reason}; reading back to find it failed: {error}"),
            None => format!("{reason}; reading back did not find it"),
        };
        Err(crate::transport::answered(
            self.transport.vendor,
            attempt,
            status,
            &looked,
        ))
    }

    /// Reads back; a read-back that fails for a transient reason (the reads ran out of
    /// attempts or time, the vendor could not be reached or kept throttling) is tried again
    /// with backoff until [`RetryPolicy::read_back_patience`](crate::RetryPolicy) has passed.
    async fn read_back_patiently(&mut self) -> Result<Option<Id>, Error> {
        let policy = &self.transport.policy;
        let patience = policy.read_back_patience_value();
        let started = tokio::time::Instant::now();
        let mut round = 0;
        loop {
            round += 1;
            let error = match (self.read_back)().await {
                Ok(found) => return Ok(found),
                Err(error) => error,
            };
            let transient = matches!(
                error,
                Error::ReadFailed { .. } | Error::Transport { .. } | Error::RateLimited { .. }
            );
            let wait = policy
                .backoff_after(round)
                .max(policy.settle().min(patience / 8));
            if !transient || started.elapsed() + wait >= patience {
                return Err(error);
            }
            tracing::info!(round, error = %error, "read-back failed; reading back again");
            tokio::time::sleep(wait).await;
        }
    }

    /// The create ends with `error` (refused, or out of attempts while nothing was processed)
    /// after an earlier attempt's outcome was unknown and read back as not created: that
    /// attempt may still commit late, so "not created" is confirmed by one more read-back after
    /// [`RetryPolicy::confirm_delay`](crate::RetryPolicy::confirm_delay) — found, the create is
    /// [`Outcome::Found`]; not found, `error` stands; the read-back failing, it is unknown.
    async fn confirm_not_created(
        &mut self,
        attempt: u32,
        error: Error,
    ) -> Result<Outcome<Id>, Error> {
        tokio::time::sleep(self.transport.policy.confirm_delay_value()).await;
        match self.read_back_patiently().await {
            Ok(Some(id)) => Ok(Outcome::Found {
                id,
                attempts: attempt,
            }),
            Ok(None) => Err(error),
            Err(read) => Err(Error::Ambiguous {
                vendor: self.transport.vendor,
                attempts: attempt,
                status: error.status(),
                reason: format!(
                    "{error}, after an earlier attempt whose outcome was unknown; reading back \
                     to check failed: {read}"
                ),
            }),
        }
    }

    pub async fn run(mut self) -> Result<Outcome<Id>, Error> {
        let transport = self.transport;
        let vendor = transport.vendor;
        let policy = &transport.policy;
        let attempts = policy.attempts();
        let mut attempt = 0;
        // Whether an earlier attempt's outcome was unknown (and read back as not created).
        let mut unknown_before = false;
        loop {
            attempt += 1;
            let outcome = transport
                .attempt(self.operation, Kind::Create, attempt, &mut self.send)
                .await;
            let (status, reason) = match outcome {
                Attempt::Success(value) => match (self.id_of)(&value) {
                    Some(id) => {
                        return Ok(Outcome::Created {
                            id,
                            attempts: attempt,
                        });
                    }
                    None => return self.find_answered(attempt, None, NO_ID).await,
                },
                Attempt::Answered { status, reason } => {
                    return self.find_answered(attempt, status, &reason).await;
                }
                Attempt::Ambiguous { status, reason } => (status, reason),
                Attempt::Final(error @ Error::Api { status: 409, .. })
                    if self.conflict_reads_back =>
                {
                    // The name is taken: it exists now, so there is nothing to wait for.
                    return match self.read_back_patiently().await {
                        Ok(Some(id)) => Ok(Outcome::Found {
                            id,
                            attempts: attempt,
                        }),
                        Ok(None) => Err(error),
                        // An earlier attempt may have committed late and hold the name.
                        Err(read) if unknown_before => Err(Error::Ambiguous {
                            vendor,
                            attempts: attempt,
                            status: Some(409),
                            reason: format!(
                                "{error}, after an earlier attempt whose outcome was unknown; \
                                 reading back to check failed: {read}"
                            ),
                        }),
                        Err(_) => Err(error),
                    };
                }
                Attempt::Final(error) if unknown_before => {
                    return self.confirm_not_created(attempt, error).await;
                }
                Attempt::Final(error) => return Err(error),
                Attempt::NotProcessed {
                    status,
                    retry_after,
                    transport: source,
                } => {
                    match transport.wait_after(attempt, attempts, status, retry_after, source) {
                        Ok(wait) => tokio::time::sleep(wait).await,
                        Err(error) if unknown_before => {
                            return self.confirm_not_created(attempt, error).await;
                        }
                        Err(error) => return Err(error),
                    }
                    continue;
                }
            };
            tokio::time::sleep(policy.settle()).await;
            let read = match self.read_back_patiently().await {
                // The last attempt: "not created" is confirmed once more after a longer wait,
                // so that a commit later than the settle delay is still found.
                Ok(None) if attempt >= attempts => {
                    tokio::time::sleep(policy.confirm_delay_value()).await;
                    match self.read_back_patiently().await {
                        Ok(None) => {
                            return Err(Error::NotCreated {
                                vendor,
                                attempts: attempt,
                                status,
                                reason: format!(
                                    "{reason}; confirmed by reading back {} after the last \
                                     attempt (a commit the vendor makes later than that is not \
                                     seen)",
                                    crate::transport::seconds(
                                        policy.settle() + policy.confirm_delay_value()
                                    )
                                ),
                            });
                        }
                        other => other,
                    }
                }
                other => other,
            };
            match read {
                Ok(Some(id)) => {
                    return Ok(Outcome::Found {
                        id,
                        attempts: attempt,
                    });
                }
                Ok(None) if attempt >= attempts => unreachable!("confirmed above"),
                Ok(None) => {
                    unknown_before = true;
                    tracing::info!(attempt, "read back: not created; sending again");
                    tokio::time::sleep(policy.backoff_after(attempt)).await;
                }
                Err(error) => {
                    return Err(Error::Ambiguous {
                        vendor,
                        attempts: attempt,
                        status,
                        reason: format!("{reason}; reading back to check failed: {error}"),
                    });
                }
            }
        }
    }
}
