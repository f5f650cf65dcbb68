//! The attempt loop around a generated call: pacing, one tracing span per attempt, the
//! classification of each outcome by status (whatever the body), and the waits between
//! attempts. Creates and reads differ only in what counts as safe to send again.

use std::future::Future;
use std::time::{Duration, Instant};

use telephony_api::dialpad::{ByteStream, ResponseValue};
use telephony_spec::Vendor;
use tracing::Instrument;

use crate::error::{ApiErrorBody, ConfigError, Error, MAX_ERROR_BODY, vendor_name};
use crate::limit::Limits;
use crate::retry::{Class, RetryPolicy, classify_status, retry_after};
use crate::validate::type_mismatch;

/// The generated clients' error type: every operation of both specs declares its error
/// answers as raw bytes, so the status survives whatever body a gateway sends.
type GenError = progenitor_client::Error<ByteStream>;

/// What a generated call returns.
pub(crate) type GenResult<T> = Result<ResponseValue<T>, GenError>;

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

/// Sends requests of one client.
#[derive(Debug)]
pub(crate) struct Transport {
    pub vendor: Vendor,
    pub limits: Limits,
    pub policy: RetryPolicy,
}

impl Transport {
    /// One attempt: waits for pacing, sends, classifies; traced in an `attempt` span.
    pub async fn attempt<T, Fut>(
        &self,
        operation: &'static str,
        kind: Kind,
        number: u32,
        send: impl FnOnce() -> Fut,
    ) -> Attempt<T>
    where
        T: serde::de::DeserializeOwned,
        Fut: Future<Output = GenResult<T>>,
    {
        self.timed_attempt(operation, kind, number, None, send)
            .await
            .0
    }

    /// One attempt whose wait for the answer is cut at `budget` (when given), and the time it
    /// spent waiting for the answer (pacing not included). A cut attempt is an unknown
    /// outcome: for a read, a transient failure.
    pub async fn timed_attempt<T, Fut>(
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
                Some(result) => classify(self.vendor, operation, kind, result).await,
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
            report(&recorder, started, &outcome);
            (outcome, waited)
        }
        .instrument(span)
        .await
    }

    /// The wait before sending again after a "not processed" attempt, or the error that ends
    /// the request: the last attempt was used, or `Retry-After` asks for more than the cap.
    pub fn wait_after(
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
        let cap = self.policy.retry_after_cap();
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

    /// Runs a read until it succeeds, is refused, or its attempts are used up. Reads change
    /// nothing, so every transient failure is retried.
    pub async fn read<T, F, Fut>(&self, operation: &'static str, mut send: F) -> Result<T, Error>
    where
        T: serde::de::DeserializeOwned,
        F: FnMut() -> Fut,
        Fut: Future<Output = GenResult<T>>,
    {
        let attempts = self.policy.reads();
        let deadline = self.policy.read_deadline_value();
        let mut waited = Duration::ZERO;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let budget = deadline.saturating_sub(waited);
            let (outcome, spent) = self
                .timed_attempt(operation, Kind::Read, attempt, Some(budget), &mut send)
                .await;
            waited += spent;
            let out_of_time = waited >= deadline;
            let wait = match outcome {
                Attempt::Success(value) => return Ok(value),
                Attempt::Ambiguous { reason, .. } if out_of_time => {
                    return Err(Error::ReadFailed {
                        vendor: self.vendor,
                        operation,
                        attempts: attempt,
                        reason: format!(
                            "no answer within the read deadline of {} ({}); last: {reason}",
                            seconds(deadline),
                            "RetryPolicy::read_deadline, --timeout"
                        ),
                    });
                }
                Attempt::Final(error) => return Err(error),
                // Out of time after an answer that said "not processed": no attempt is started
                // with nothing left of the deadline; the error says what the last one got.
                Attempt::NotProcessed {
                    status, transport, ..
                } if out_of_time => {
                    let last = match (status, transport) {
                        (Some(status), _) => format!("status {status}"),
                        (None, Some(error)) => chain(&error),
                        (None, None) => "not processed".to_string(),
                    };
                    return Err(Error::ReadFailed {
                        vendor: self.vendor,
                        operation,
                        attempts: attempt,
                        reason: format!(
                            "the read deadline of {} ({}) ran out; last: {last}",
                            seconds(deadline),
                            "RetryPolicy::read_deadline, --timeout"
                        ),
                    });
                }
                Attempt::NotProcessed {
                    status,
                    retry_after,
                    transport,
                } => self.wait_after(attempt, attempts, status, retry_after, transport)?,
                Attempt::Ambiguous { reason, .. } if attempt >= attempts => {
                    return Err(Error::ReadFailed {
                        vendor: self.vendor,
                        operation,
                        attempts: attempt,
                        reason,
                    });
                }
                Attempt::Ambiguous { .. } => self.policy.backoff_after(attempt),
                // Only creates are answered so; a read's unusable success is a decode error.
                Attempt::Answered { reason, .. } => {
                    return Err(Error::Decode {
                        vendor: self.vendor,
                        operation,
                        reason,
                    });
                }
            };
            tokio::time::sleep(wait).await;
        }
    }

    /// Runs a create without reading back: retried only where the vendor did not process it
    /// (or, with [`RetryPolicy::retry_ambiguous`], also where it may have). `has_id` says
    /// whether a success names what it created; one that does not is an unknown outcome. Once
    /// an attempt's outcome was unknown, the result is a success or [`Error::Ambiguous`] —
    /// never an error that says nothing was carried out.
    pub async fn create_once<T, F, Fut>(
        &self,
        operation: &'static str,
        mut send: F,
        has_id: impl Fn(&T) -> bool,
    ) -> Result<T, Error>
    where
        T: serde::de::DeserializeOwned,
        F: FnMut() -> Fut,
        Fut: Future<Output = GenResult<T>>,
    {
        let vendor = self.vendor;
        let attempts = self.policy.attempts();
        let mut unknown: Option<(Option<u16>, String)> = None;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let (status, reason) = match self
                .attempt(operation, Kind::Create, attempt, &mut send)
                .await
            {
                Attempt::Success(value) if has_id(&value) => return Ok(value),
                Attempt::Success(_) => return Err(answered(vendor, attempt, None, NO_ID)),
                Attempt::Answered { status, reason } => {
                    return Err(answered(vendor, attempt, status, &reason));
                }
                Attempt::Ambiguous { status, reason } => (status, reason),
                Attempt::Final(error) => {
                    return Err(still_unknown(vendor, attempt, unknown, error));
                }
                Attempt::NotProcessed {
                    status,
                    retry_after,
                    transport,
                } => match self.wait_after(attempt, attempts, status, retry_after, transport) {
                    Ok(wait) => {
                        tokio::time::sleep(wait).await;
                        continue;
                    }
                    Err(error) => return Err(still_unknown(vendor, attempt, unknown, error)),
                },
            };
            if attempt < attempts && self.policy.retries_ambiguous() {
                unknown = Some((status, reason));
                tokio::time::sleep(self.policy.backoff_after(attempt)).await;
                continue;
            }
            return Err(Error::Ambiguous {
                vendor,
                attempts: attempt,
                status,
                reason,
            });
        }
    }
}

/// A duration as `40 s` or `1.5 s`.
pub(crate) fn seconds(duration: Duration) -> String {
    let secs = duration.as_secs_f64();
    if secs.fract() == 0.0 {
        format!("{secs:.0} s")
    } else {
        format!("{secs:.1} s")
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

/// The error that ends a create: once an earlier attempt's outcome was unknown, an error that
/// says "not carried out" would be false, so it stays [`Error::Ambiguous`].
fn still_unknown(
    vendor: Vendor,
    attempt: u32,
    unknown: Option<(Option<u16>, String)>,
    ended: Error,
) -> Error {
    match unknown {
        Some((status, reason)) if !ended.is_ambiguous() => Error::Ambiguous {
            vendor,
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

/// Records an attempt's latency and outcome on its span, and logs it (inside the span).
fn report<T>(span: &tracing::Span, started: Instant, outcome: &Attempt<T>) {
    span.record("latency_ms", started.elapsed().as_millis() as u64);
    match outcome {
        Attempt::Success(_) => {
            record(span, None, "success");
            tracing::info!("attempt succeeded");
        }
        Attempt::NotProcessed { status, .. } => {
            record(span, *status, "not processed");
            tracing::info!("attempt not processed");
        }
        Attempt::Ambiguous { status, reason } => {
            record(span, *status, "ambiguous");
            tracing::warn!(reason = reason.as_str(), "outcome unknown");
        }
        Attempt::Answered { status, reason } => {
            record(span, *status, "answered");
            tracing::warn!(reason = reason.as_str(), "success without a usable answer");
        }
        Attempt::Final(error) => {
            record(span, error.status(), "refused");
            tracing::info!(error = %error, "attempt refused");
        }
    }
}

fn record(span: &tracing::Span, status: Option<u16>, outcome: &str) {
    if let Some(status) = status {
        span.record("status", status);
    }
    span.record("outcome", outcome);
}

/// What an attempt's result means, by status first, whatever the body.
async fn classify<T: serde::de::DeserializeOwned>(
    vendor: Vendor,
    operation: &'static str,
    kind: Kind,
    result: Result<ResponseValue<T>, GenError>,
) -> Attempt<T> {
    let unknown = |status: Option<u16>, reason: String| Attempt::Ambiguous { status, reason };
    match result {
        Ok(answer) => {
            tracing::Span::current().record("status", answer.status().as_u16());
            Attempt::Success(answer.into_inner())
        }
        Err(GenError::ErrorResponse(answer)) => {
            let status = answer.status().as_u16();
            let wait = retry_after(answer.headers());
            let (bytes, truncated) = capped_stream(answer.into_inner()).await;
            by_status(
                vendor,
                status,
                wait,
                ApiErrorBody::from_bytes(vendor, &bytes, truncated),
            )
        }
        Err(GenError::UnexpectedResponse(response)) => {
            let status = response.status();
            if status.is_redirection() {
                let location = response
                    .headers()
                    .get(reqwest::header::LOCATION)
                    .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
                return Attempt::Final(Error::Redirected {
                    vendor,
                    status: status.as_u16(),
                    location,
                });
            }
            if status.is_success() {
                let reason = format!("an undocumented success status {status}");
                return unusable_success(vendor, operation, kind, Some(status.as_u16()), reason);
            }
            let wait = retry_after(response.headers());
            let (bytes, truncated) = capped_response(response).await;
            by_status(
                vendor,
                status.as_u16(),
                wait,
                ApiErrorBody::from_bytes(vendor, &bytes, truncated),
            )
        }
        Err(GenError::CommunicationError(error)) if error.is_builder() => {
            Attempt::Final(Error::Config(ConfigError::Connection(format!(
                "the request to {} could not be built (check the base URL): {}",
                vendor_name(vendor),
                chain(&error)
            ))))
        }
        Err(GenError::CommunicationError(error)) if error.is_connect() && is_tls(&error) => {
            Attempt::Final(Error::Config(ConfigError::Connection(format!(
                "the TLS handshake with {} failed (an https base URL for a server that speaks \
                 plain http, or a certificate this machine does not trust?): {}",
                vendor_name(vendor),
                chain(&error)
            ))))
        }
        Err(GenError::CommunicationError(error)) if error.is_connect() => Attempt::NotProcessed {
            status: None,
            retry_after: None,
            transport: Some(error),
        },
        Err(GenError::CommunicationError(error)) => unknown(
            error.status().map(|s| s.as_u16()),
            format!(
                "the connection failed after the request was sent: {}",
                chain(&error)
            ),
        ),
        Err(GenError::InvalidResponsePayload(bytes, error)) => {
            let reason = format!(
                "the answer could not be decoded{} ({error}): {}",
                decode_path::<T>(&bytes),
                String::from_utf8_lossy(&bytes[..bytes.len().min(200)])
            );
            unusable_success(vendor, operation, kind, None, reason)
        }
        Err(GenError::ResponseBodyError(error)) => {
            match telephony_wire::bounded::AnswerTooLarge::find(&error) {
                // Only a success's body is read whole, so this was a success.
                Some(too_large) => match kind {
                    Kind::Create => Attempt::Answered {
                        status: None,
                        reason: too_large.to_string(),
                    },
                    Kind::Read => Attempt::Final(Error::AnswerTooLarge {
                        vendor,
                        operation,
                        cap: too_large.cap,
                    }),
                },
                None => unknown(
                    error.status().map(|s| s.as_u16()),
                    format!("the answer's body could not be read: {}", chain(&error)),
                ),
            }
        }
        Err(GenError::InvalidRequest(message)) => {
            Attempt::Final(Error::Validation(type_mismatch(message)))
        }
        Err(other) => unknown(
            other.status().map(|s| s.as_u16()),
            format!("the generated client reported an unexpected error: {other}"),
        ),
    }
}

/// Where in an answer decoding failed, as ` at office.id` (nothing when the failure is the
/// document's own syntax, at its root): decoded again, which happens only on a failure.
fn decode_path<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> String {
    let mut reader = serde_json::Deserializer::from_slice(bytes);
    match serde_path_to_error::deserialize::<_, T>(&mut reader) {
        Err(error) if error.path().iter().next().is_some() => format!(" at {}", error.path()),
        _ => String::new(),
    }
}

/// A success that cannot be used: for a create it may have been carried out (unknown), for a
/// read it is an answer the client cannot read.
fn unusable_success<T>(
    vendor: Vendor,
    operation: &'static str,
    kind: Kind,
    status: Option<u16>,
    reason: String,
) -> Attempt<T> {
    match kind {
        Kind::Create => Attempt::Answered { status, reason },
        Kind::Read => Attempt::Final(Error::Decode {
            vendor,
            operation,
            reason,
        }),
    }
}

fn by_status<T>(
    vendor: Vendor,
    status: u16,
    retry_after: Option<Duration>,
    body: ApiErrorBody,
) -> Attempt<T> {
    match classify_status(status) {
        Class::Retryable => Attempt::NotProcessed {
            status: Some(status),
            retry_after,
            transport: None,
        },
        Class::Ambiguous => Attempt::Ambiguous {
            status: Some(status),
            reason: format!("status {status}: {body}"),
        },
        Class::Final => Attempt::Final(Error::Api {
            vendor,
            status,
            body,
            retry_after,
        }),
    }
}

/// At most [`MAX_ERROR_BODY`] bytes of a body stream, and whether there was more.
async fn capped_stream(stream: ByteStream) -> (Vec<u8>, bool) {
    use futures_util::StreamExt;
    let mut stream = stream.into_inner();
    let mut bytes = Vec::new();
    while let Some(Ok(chunk)) = stream.next().await {
        if keep(&mut bytes, &chunk) {
            return (bytes, true);
        }
    }
    (bytes, false)
}

/// As [`capped_stream`], for a whole response.
async fn capped_response(mut response: reqwest::Response) -> (Vec<u8>, bool) {
    let mut bytes = Vec::new();
    while let Ok(Some(chunk)) = response.chunk().await {
        if keep(&mut bytes, &chunk) {
            return (bytes, true);
        }
    }
    (bytes, false)
}

/// Appends what fits under the cap; true when the chunk did not fit.
fn keep(bytes: &mut Vec<u8>, chunk: &[u8]) -> bool {
    let room = MAX_ERROR_BODY - bytes.len();
    bytes.extend_from_slice(&chunk[..chunk.len().min(room)]);
    chunk.len() > room
}

/// Whether a connection failed in its TLS handshake (rustls names itself in its errors, and a
/// server that answers plain http to a TLS hello makes a "corrupt message"): a setting to fix,
/// not a network failure to wait out.
fn is_tls(error: &reqwest::Error) -> bool {
    let text = chain(error).to_ascii_lowercase();
    ["tls", "certificate", "corrupt message", "handshake"]
        .iter()
        .any(|word| text.contains(word))
}

/// An error and its sources, one after the other.
fn chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(inner) = source {
        text.push_str(": ");
        text.push_str(&inner.to_string());
        source = inner.source();
    }
    text
}
