//! The words the attempt loop and its strategies share: what one attempt came to (said by the
//! classifier), what a strategy decides next, and the endings of a create that no strategy
//! may word differently.

use std::future::Future;
use std::time::Duration;

use telephony_spec::Vendor;

use crate::error::Error;

/// Whether a request changes anything: a create must not be sent twice blindly, a read may.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Create,
    Read,
}

/// What one attempt came to.
pub(crate) enum Attempt<T> {
    /// The answer, decoded.
    Success(T),
    /// Not processed: safe to send again after a wait.
    NotProcessed {
        status: Option<u16>,
        retry_after: Option<Duration>,
        transport: Option<reqwest::Error>,
    },
    /// May have been processed (for a read: a transient failure, safe to send again).
    Ambiguous { status: Option<u16>, reason: String },
    /// A create the vendor answered with success, whose answer does not say what it made (no
    /// id, an undecodable body, an undocumented success status): it was processed, so it is
    /// never sent again; what it made can only be read back.
    Answered { status: Option<u16>, reason: String },
    /// Refused for good.
    Final(Error),
}

/// What a strategy decides after an attempt.
pub(crate) enum Next<R> {
    /// Send again after this wait.
    Again(Duration),
    /// The call ends so.
    Done(Result<R, Error>),
}

/// What a kind of call does with each kind of outcome. The loop
/// ([`Transport::run`](super::Transport::run)) sends, waits out "not processed" answers
/// itself, and asks the strategy about everything else; so a read (resend what may have been
/// processed), a single-shot create (fail on it) and a billing-safe create (read back) differ
/// only here.
pub(crate) trait Strategy<T> {
    /// What the call returns.
    type Output: Send + 'static;

    /// Whether the call changes anything (pacing bucket, what an unusable success means).
    fn kind(&self) -> Kind;

    /// Attempts in all, the first included.
    fn attempts(&self) -> u32;

    /// The most time the next attempt may wait for its answer; `None`: the request timeout
    /// only.
    fn budget(&self) -> Option<Duration> {
        None
    }

    /// Told how long an attempt waited for its answer.
    fn waited(&mut self, _spent: Duration) {}

    /// Before waiting to send again after a "not processed" answer: an error ends the call
    /// here instead (a read whose deadline ran out).
    fn stop_before_resending(
        &self,
        _attempt: u32,
        _status: Option<u16>,
        _transport: Option<&reqwest::Error>,
    ) -> Option<Error> {
        None
    }

    /// The vendor answered with a decoded success.
    fn on_success(
        &mut self,
        attempt: u32,
        value: T,
    ) -> impl Future<Output = Next<Self::Output>> + Send;

    /// The vendor answered success in a way that cannot be used.
    fn on_answered(
        &mut self,
        attempt: u32,
        status: Option<u16>,
        reason: String,
    ) -> impl Future<Output = Next<Self::Output>> + Send;

    /// The attempt may have been processed.
    fn on_unknown(
        &mut self,
        attempt: u32,
        status: Option<u16>,
        reason: String,
    ) -> impl Future<Output = Next<Self::Output>> + Send;

    /// The vendor refused it for good.
    fn on_refused(
        &mut self,
        attempt: u32,
        error: Error,
    ) -> impl Future<Output = Next<Self::Output>> + Send;

    /// Nothing was processed and no attempt is left (or `Retry-After` asks too much).
    fn on_exhausted(
        &mut self,
        _attempt: u32,
        error: Error,
    ) -> impl Future<Output = Next<Self::Output>> + Send {
        std::future::ready(Next::Done(Err(error)))
    }
}

/// The reason given when a create's success names nothing.
pub(crate) const NO_ID: &str = "the vendor answered success without the id of what it created";

/// The end of a create the vendor answered with success but whose answer does not say what it
/// made, when it cannot be (or was not) found by reading back: it is not sent again.
pub(crate) fn answered(vendor: Vendor, attempt: u32, status: Option<u16>, reason: &str) -> Error {
    Error::Ambiguous {
        vendor,
        attempts: attempt,
        status,
        reason: format!("the vendor answered success ({reason}), so it was not sent again"),
    }
}
