//! The strategy of billing-safe creates (see [`crate::resolve`]): an unknown outcome is read
//! back after the settle delay — found ends the create, not found sends it again, a failing
//! read-back ends it unknown; a success without a usable answer is never sent again but looked
//! for; a 409 of a unique name is read back; "not created" after an unknown outcome is
//! confirmed once more before it is said.

use std::future::Future;

use telephony_spec::Vendor;

use crate::attempt::{Kind, NO_ID, Next, Strategy, answered};
use crate::error::{Error, seconds};
use crate::resolve::Outcome;
use crate::retry::RetryPolicy;

/// One billing-safe create in progress.
pub(crate) struct ReadBack<'a, I, R> {
    vendor: Vendor,
    policy: &'a RetryPolicy,
    /// The id a success names, if any.
    id_of: I,
    /// Looks for the resource this create would have made.
    read_back: R,
    /// Whether a 409 is read back (Webex: the name is taken, perhaps by this very create).
    conflict_reads_back: bool,
    /// Whether an earlier attempt's outcome was unknown (and read back as not created).
    unknown_before: bool,
}

impl<'a, I, R, Id, RFut> ReadBack<'a, I, R>
where
    R: FnMut() -> RFut,
    RFut: Future<Output = Result<Option<Id>, Error>>,
{
    pub fn new(
        vendor: Vendor,
        policy: &'a RetryPolicy,
        id_of: I,
        read_back: R,
        conflict_reads_back: bool,
    ) -> Self {
        ReadBack {
            vendor,
            policy,
            id_of,
            read_back,
            conflict_reads_back,
            unknown_before: false,
        }
    }

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
        let policy = self.policy;
        let mut last_error = None;
        for round in 1..=policy.max_attempts_value() {
            tokio::time::sleep(policy.settle_delay_value() * round).await;
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
        Err(answered(self.vendor, attempt, status, &looked))
    }

    /// Reads back; a read-back that fails for a transient reason (the reads ran out of
    /// attempts or time, the vendor could not be reached or kept throttling) is tried again
    /// with backoff until [`RetryPolicy::read_back_patience`](crate::RetryPolicy) has passed.
    async fn read_back_patiently(&mut self) -> Result<Option<Id>, Error> {
        let policy = self.policy;
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
                .max(policy.settle_delay_value().min(patience / 8));
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
        tokio::time::sleep(self.policy.confirm_delay_value()).await;
        match self.read_back_patiently().await {
            Ok(Some(id)) => Ok(Outcome::Found {
                id,
                attempts: attempt,
            }),
            Ok(None) => Err(error),
            Err(read) => Err(Error::Ambiguous {
                vendor: self.vendor,
                attempts: attempt,
                status: error.status(),
                reason: format!(
                    "{error}, after an earlier attempt whose outcome was unknown; reading back \
                     to check failed: {read}"
                ),
            }),
        }
    }
}

impl<T, I, R, Id, RFut> Strategy<T> for ReadBack<'_, I, R>
where
    T: Send + 'static,
    Id: Send + 'static,
    I: Fn(&T) -> Option<Id> + Send,
    R: FnMut() -> RFut + Send,
    RFut: Future<Output = Result<Option<Id>, Error>> + Send,
{
    type Output = Outcome<Id>;

    fn kind(&self) -> Kind {
        Kind::Create
    }

    fn attempts(&self) -> u32 {
        self.policy.max_attempts_value()
    }

    async fn on_success(&mut self, attempt: u32, value: T) -> Next<Outcome<Id>> {
        match (self.id_of)(&value) {
            Some(id) => Next::Done(Ok(Outcome::Created {
                id,
                attempts: attempt,
            })),
            None => Next::Done(self.find_answered(attempt, None, NO_ID).await),
        }
    }

    async fn on_answered(
        &mut self,
        attempt: u32,
        status: Option<u16>,
        reason: String,
    ) -> Next<Outcome<Id>> {
        Next::Done(self.find_answered(attempt, status, &reason).await)
    }

    async fn on_unknown(
        &mut self,
        attempt: u32,
        status: Option<u16>,
        reason: String,
    ) -> Next<Outcome<Id>> {
        let policy = self.policy;
        tokio::time::sleep(policy.settle_delay_value()).await;
        let last = attempt >= policy.max_attempts_value();
        let mut read = self.read_back_patiently().await;
        if last && matches!(read, Ok(None)) {
            // The last attempt: "not created" is confirmed once more after a longer wait, so
            // that a commit later than the settle delay is still found.
            tokio::time::sleep(policy.confirm_delay_value()).await;
            read = self.read_back_patiently().await;
            if let Ok(None) = read {
                return Next::Done(Err(Error::NotCreated {
                    vendor: self.vendor,
                    attempts: attempt,
                    status,
                    reason: format!(
                        "{reason}; confirmed by reading back {} after the last attempt (a \
                         commit the vendor makes later than that is not seen)",
                        seconds(policy.settle_delay_value() + policy.confirm_delay_value())
                    ),
                }));
            }
        }
        match read {
            Ok(Some(id)) => Next::Done(Ok(Outcome::Found {
                id,
                attempts: attempt,
            })),
            Ok(None) => {
                self.unknown_before = true;
                tracing::info!(attempt, "read back: not created; sending again");
                Next::Again(policy.backoff_after(attempt))
            }
            Err(error) => Next::Done(Err(Error::Ambiguous {
                vendor: self.vendor,
                attempts: attempt,
                status,
                reason: format!("{reason}; reading back to check failed: {error}"),
            })),
        }
    }

    async fn on_refused(&mut self, attempt: u32, error: Error) -> Next<Outcome<Id>> {
        match error {
            Error::Api { status: 409, .. } if self.conflict_reads_back => {
                // The name is taken: it exists now, so there is nothing to wait for.
                Next::Done(match self.read_back_patiently().await {
                    Ok(Some(id)) => Ok(Outcome::Found {
                        id,
                        attempts: attempt,
                    }),
                    Ok(None) => Err(error),
                    // An earlier attempt may have committed late and hold the name.
                    Err(read) if self.unknown_before => Err(Error::Ambiguous {
                        vendor: self.vendor,
                        attempts: attempt,
                        status: Some(409),
                        reason: format!(
                            "{error}, after an earlier attempt whose outcome was unknown; \
                             reading back to check failed: {read}"
                        ),
                    }),
                    Err(_) => Err(error),
                })
            }
            error if self.unknown_before => {
                Next::Done(self.confirm_not_created(attempt, error).await)
            }
            error => Next::Done(Err(error)),
        }
    }

    async fn on_exhausted(&mut self, attempt: u32, error: Error) -> Next<Outcome<Id>> {
        if self.unknown_before {
            Next::Done(self.confirm_not_created(attempt, error).await)
        } else {
            Next::Done(Err(error))
        }
    }
}
