//! The strategy of single-shot creates: sent again only where the vendor did not process it
//! (or, with [`RetryPolicy::retry_ambiguous`], also where it may have). Once an attempt's
//! outcome was unknown, the result is a success or [`Error::Ambiguous`] — never an error that
//! says nothing was carried out.

use telephony_spec::Vendor;

use super::outcome::{Kind, NO_ID, Next, Strategy, answered};
use crate::error::Error;
use crate::retry::RetryPolicy;

/// One single-shot create in progress; `has_id` says whether a success names what it created
/// (one that does not is an unknown outcome).
pub(crate) struct Once<'a, H> {
    vendor: Vendor,
    policy: &'a RetryPolicy,
    has_id: H,
    /// An earlier attempt's unknown outcome, resent under `retry_ambiguous`.
    unknown: Option<(Option<u16>, String)>,
}

impl<'a, H> Once<'a, H> {
    pub fn new(vendor: Vendor, policy: &'a RetryPolicy, has_id: H) -> Once<'a, H> {
        Once {
            vendor,
            policy,
            has_id,
            unknown: None,
        }
    }

    /// The error that ends a create: once an earlier attempt's outcome was unknown, an error
    /// that says "not carried out" would be false, so it stays [`Error::Ambiguous`].
    fn still_unknown(&mut self, attempt: u32, ended: Error) -> Error {
        match self.unknown.take() {
            Some((status, reason)) if !ended.is_ambiguous() => Error::Ambiguous {
                vendor: self.vendor,
                attempts: attempt,
                status,
                reason: format!(
                    "{reason}; a later attempt ended with: {ended} (the earlier attempt may have \
                     created it)"
                ),
            },
            _ => ended,
        }
    }
}

impl<T: Send + 'static, H: Fn(&T) -> bool + Send> Strategy<T> for Once<'_, H> {
    type Output = T;

    fn kind(&self) -> Kind {
        Kind::Create
    }

    fn attempts(&self) -> u32 {
        self.policy.max_attempts_value()
    }

    async fn on_success(&mut self, attempt: u32, value: T) -> Next<T> {
        if (self.has_id)(&value) {
            Next::Done(Ok(value))
        } else {
            Next::Done(Err(answered(self.vendor, attempt, None, NO_ID)))
        }
    }

    async fn on_answered(&mut self, attempt: u32, status: Option<u16>, reason: String) -> Next<T> {
        Next::Done(Err(answered(self.vendor, attempt, status, &reason)))
    }

    async fn on_unknown(&mut self, attempt: u32, status: Option<u16>, reason: String) -> Next<T> {
        if attempt < self.policy.max_attempts_value() && self.policy.retry_ambiguous_value() {
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

    async fn on_refused(&mut self, attempt: u32, error: Error) -> Next<T> {
        Next::Done(Err(self.still_unknown(attempt, error)))
    }

    async fn on_exhausted(&mut self, attempt: u32, error: Error) -> Next<T> {
        Next::Done(Err(self.still_unknown(attempt, error)))
    }
}
