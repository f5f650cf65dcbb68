//! The strategy of changes to what exists (a `PUT`, a `DELETE`): sending one twice leaves the
//! same state as sending it once, so unlike a create, an attempt whose outcome is unknown is
//! sent again, within the creates' attempts. A delete that finds nothing (404) is done: after
//! an unknown attempt, that attempt deleted it; on a first answer, it was already gone. Once an
//! attempt's outcome was unknown, a later refusal leaves the state unknown
//! ([`Error::Ambiguous`]), never "not changed".

use telephony_spec::Vendor;

use super::outcome::{Kind, Next, Strategy};
use crate::error::Error;
use crate::retry::RetryPolicy;

/// How a change ended.
#[derive(Debug)]
pub(crate) enum Changed<T> {
    /// The vendor answered success (an answer that cannot be decoded included: it was carried
    /// out, and nothing of a change's answer is needed).
    Applied(Option<T>),
    /// A delete answered 404; `after_unknown`: an earlier attempt may have deleted it.
    Missing { after_unknown: bool },
}

/// One change in progress; `missing_is_done` for a delete.
pub(crate) struct Change<'a> {
    vendor: Vendor,
    policy: &'a RetryPolicy,
    missing_is_done: bool,
    /// The last unknown outcome of an earlier attempt.
    unknown: Option<(Option<u16>, String)>,
}

impl<'a> Change<'a> {
    pub fn new(vendor: Vendor, policy: &'a RetryPolicy, missing_is_done: bool) -> Change<'a> {
        Change {
            vendor,
            policy,
            missing_is_done,
            unknown: None,
        }
    }

    /// The error that ends a change: once an attempt's outcome was unknown, what it did is
    /// unknown too, whatever a later attempt was told.
    fn ended(&mut self, attempt: u32, ended: Error) -> Error {
        match self.unknown.take() {
            Some((status, reason)) if !ended.is_ambiguous() => Error::Ambiguous {
                vendor: self.vendor,
                attempts: attempt,
                status,
                reason: format!(
                    "{reason}; a later attempt ended with: {ended} (the earlier attempt may have \
                     carried out the change)"
                ),
            },
            _ => ended,
        }
    }
}

impl<T: Send + 'static> Strategy<T> for Change<'_> {
    type Output = Changed<T>;

    fn kind(&self) -> Kind {
        Kind::Create
    }

    fn attempts(&self) -> u32 {
        self.policy.max_attempts_value()
    }

    async fn on_success(&mut self, _attempt: u32, value: T) -> Next<Changed<T>> {
        Next::Done(Ok(Changed::Applied(Some(value))))
    }

    async fn on_answered(
        &mut self,
        _attempt: u32,
        _status: Option<u16>,
        _reason: String,
    ) -> Next<Changed<T>> {
        Next::Done(Ok(Changed::Applied(None)))
    }

    async fn on_unknown(
        &mut self,
        attempt: u32,
        status: Option<u16>,
        reason: String,
    ) -> Next<Changed<T>> {
        if attempt < self.policy.max_attempts_value() {
            self.unknown = Some((status, reason));
            return Next::Again(self.policy.backoff_after(attempt));
        }
        Next::Done(Err(Error::Ambiguous {
            vendor: self.vendor,
            attempts: attempt,
            status,
            reason,
        }))
    }

    async fn on_refused(&mut self, attempt: u32, error: Error) -> Next<Changed<T>> {
        if self.missing_is_done && error.status() == Some(404) {
            return Next::Done(Ok(Changed::Missing {
                after_unknown: self.unknown.is_some(),
            }));
        }
        Next::Done(Err(self.ended(attempt, error)))
    }

    async fn on_exhausted(&mut self, attempt: u32, error: Error) -> Next<Changed<T>> {
        Next::Done(Err(self.ended(attempt, error)))
    }
}
