//! The strategy of reads (a listing page, a get): they change nothing, so every transient
//! failure is sent again, within the read's attempts and its deadline of answer-waiting
//! ([`RetryPolicy::read_deadline`]).

use std::time::Duration;

use telephony_spec::Vendor;

use super::outcome::{Kind, Next, Strategy};
use crate::error::{Error, chain, seconds};
use crate::retry::RetryPolicy;

/// Where the deadline is set, for the errors that name it.
const DEADLINE_SETTING: &str = "RetryPolicy::read_deadline, --timeout";

/// One read in progress.
pub(crate) struct Read<'a> {
    vendor: Vendor,
    operation: &'static str,
    policy: &'a RetryPolicy,
    waited: Duration,
}

impl<'a> Read<'a> {
    pub fn new(vendor: Vendor, operation: &'static str, policy: &'a RetryPolicy) -> Read<'a> {
        Read {
            vendor,
            operation,
            policy,
            waited: Duration::ZERO,
        }
    }

    fn out_of_time(&self) -> bool {
        self.waited >= self.policy.read_deadline_value()
    }

    fn failed(&self, attempt: u32, reason: String) -> Error {
        Error::ReadFailed {
            vendor: self.vendor,
            operation: self.operation,
            attempts: attempt,
            reason,
        }
    }
}

impl<T: Send + 'static> Strategy<T> for Read<'_> {
    type Output = T;

    fn kind(&self) -> Kind {
        Kind::Read
    }

    fn attempts(&self) -> u32 {
        self.policy.read_attempts_value()
    }

    fn budget(&self) -> Option<Duration> {
        Some(
            self.policy
                .read_deadline_value()
                .saturating_sub(self.waited),
        )
    }

    fn waited(&mut self, spent: Duration) {
        self.waited += spent;
    }

    /// Out of time after an answer that said "not processed": no attempt is started with
    /// nothing left of the deadline; the error says what the last one got.
    fn stop_before_resending(
        &self,
        attempt: u32,
        status: Option<u16>,
        transport: Option<&reqwest::Error>,
    ) -> Option<Error> {
        if !self.out_of_time() {
            return None;
        }
        let last = match (status, transport) {
            (Some(status), _) => format!("status {status}"),
            (None, Some(error)) => chain(error),
            (None, None) => "not processed".to_string(),
        };
        Some(self.failed(
            attempt,
            format!(
                "the read deadline of {} ({DEADLINE_SETTING}) ran out; last: {last}",
                seconds(self.policy.read_deadline_value()),
            ),
        ))
    }

    async fn on_success(&mut self, _attempt: u32, value: T) -> Next<T> {
        Next::Done(Ok(value))
    }

    /// Only creates are answered so; a read's unusable success is a decode error.
    async fn on_answered(
        &mut self,
        _attempt: u32,
        _status: Option<u16>,
        reason: String,
    ) -> Next<T> {
        Next::Done(Err(Error::Decode {
            vendor: self.vendor,
            operation: self.operation,
            reason,
        }))
    }

    async fn on_unknown(&mut self, attempt: u32, _status: Option<u16>, reason: String) -> Next<T> {
        if self.out_of_time() {
            return Next::Done(Err(self.failed(
                attempt,
                format!(
                    "no answer within the read deadline of {} ({DEADLINE_SETTING}); last: {reason}",
                    seconds(self.policy.read_deadline_value()),
                ),
            )));
        }
        if attempt >= self.policy.read_attempts_value() {
            return Next::Done(Err(self.failed(attempt, reason)));
        }
        Next::Again(self.policy.backoff_after(attempt))
    }

    async fn on_refused(&mut self, _attempt: u32, error: Error) -> Next<T> {
        Next::Done(Err(error))
    }
}
