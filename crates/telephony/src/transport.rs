//! The attempt loop around a generated call: pacing, one tracing span per attempt, the
//! classification of each outcome, and the waits between attempts.

use std::future::Future;
use std::time::{Duration, Instant};

use telephony_api::dialpad::{ByteStream, ResponseValue};
use telephony_api::webex::types::WebexError;
use telephony_spec::Vendor;
use tracing::Instrument;

use crate::error::{ApiErrorBody, Error};
use crate::limit::Limits;
use crate::retry::{Class, RetryPolicy, classify_status, retry_after};
use crate::validate::type_mismatch;

/// The generated clients' error type (the same for both vendors).
type GenError<E> = progenitor_client::Error<E>;

/// An error body type of a generated operation, turned into an [`ApiErrorBody`].
pub(crate) trait ErrorBody: Sized {
    fn into_api_body(answer: ResponseValue<Self>) -> impl Future<Output = ApiErrorBody> + Send;
}

impl ErrorBody for ByteStream {
    async fn into_api_body(answer: ResponseValue<Self>) -> ApiErrorBody {
        use futures_util::TryStreamExt;
        let chunks: Vec<bytes::Bytes> = answer
            .into_inner()
            .into_inner()
            .try_collect()
            .await
            .unwrap_or_default();
        ApiErrorBody::Raw(String::from_utf8_lossy(&chunks.concat()).into_owned())
    }
}

impl ErrorBody for WebexError {
    async fn into_api_body(answer: ResponseValue<Self>) -> ApiErrorBody {
        ApiErrorBody::Webex(answer.into_inner())
    }
}

/// One attempt that did not succeed.
enum Failure {
    /// Not processed: send again after a wait.
    NotProcessed {
        status: Option<u16>,
        retry_after: Option<Duration>,
        transport: Option<reqwest::Error>,
    },
    /// May have been processed.
    Ambiguous { status: Option<u16>, reason: String },
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
    /// Runs `send` until it succeeds, fails for good, or the policy says stop.
    pub async fn run<T, E, F, Fut>(&self, operation: &'static str, mut send: F) -> Result<T, Error>
    where
        E: ErrorBody,
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<ResponseValue<T>, GenError<E>>>,
    {
        let vendor = self.vendor;
        let attempts = self.policy.attempts();
        let mut attempt = 0;
        loop {
            attempt += 1;
            let span = tracing::info_span!(
                "attempt",
                vendor = vendor.name(),
                operation,
                attempt,
                status = tracing::field::Empty,
                latency_ms = tracing::field::Empty,
                outcome = tracing::field::Empty,
            );
            let permit = self.limits.admit().instrument(span.clone()).await;
            let started = Instant::now();
            let result = send().instrument(span.clone()).await;
            drop(permit);
            let outcome = classify(vendor, result).instrument(span.clone()).await;
            span.record("latency_ms", started.elapsed().as_millis() as u64);
            let failure = match outcome {
                Ok((status, value)) => {
                    span.record("status", status);
                    span.record("outcome", "success");
                    span.in_scope(|| tracing::info!("attempt succeeded"));
                    return Ok(value);
                }
                Err(failure) => failure,
            };
            let last = attempt >= attempts;
            match failure {
                Failure::Final(error) => {
                    record(&span, error.status(), "refused");
                    span.in_scope(|| tracing::info!(error = %error, "attempt refused"));
                    return Err(error);
                }
                Failure::Ambiguous { status, reason } => {
                    record(&span, status, "ambiguous");
                    span.in_scope(|| tracing::warn!(reason = reason.as_str(), "outcome unknown"));
                    if last || !self.policy.retries_ambiguous() {
                        return Err(Error::Ambiguous {
                            vendor,
                            attempts: attempt,
                            status,
                            reason,
                        });
                    }
                    tokio::time::sleep(self.policy.backoff_after(attempt)).await;
                }
                Failure::NotProcessed {
                    status,
                    retry_after,
                    transport,
                } => {
                    record(&span, status, "not processed");
                    if last {
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
                    let wait = match retry_after {
                        Some(wait) if wait > cap => {
                            return Err(Error::RetryAfterTooLong {
                                vendor,
                                status: status.unwrap_or(429),
                                wait,
                                cap,
                            });
                        }
                        Some(wait) => wait,
                        None => self.policy.backoff_after(attempt),
                    };
                    span.in_scope(|| tracing::info!(wait_ms = wait.as_millis() as u64, "retrying"));
                    tokio::time::sleep(wait).await;
                }
            }
        }
    }
}

fn record(span: &tracing::Span, status: Option<u16>, outcome: &str) {
    if let Some(status) = status {
        span.record("status", status);
    }
    span.record("outcome", outcome);
}

/// What an attempt's result means: the value (with its status), or a failure.
async fn classify<T, E: ErrorBody>(
    vendor: Vendor,
    result: Result<ResponseValue<T>, GenError<E>>,
) -> Result<(u16, T), Failure> {
    match result {
        Ok(answer) => Ok((answer.status().as_u16(), answer.into_inner())),
        Err(GenError::ErrorResponse(answer)) => {
            let status = answer.status().as_u16();
            let wait = retry_after(answer.headers());
            let body = E::into_api_body(answer).await;
            Err(by_status(vendor, status, wait, body))
        }
        Err(GenError::UnexpectedResponse(response)) => {
            let status = response.status().as_u16();
            let wait = retry_after(response.headers());
            if response.status().is_success() {
                return Err(Failure::Ambiguous {
                    status: Some(status),
                    reason: format!("an undocumented success status {status}"),
                });
            }
            let body = ApiErrorBody::Raw(response.text().await.unwrap_or_default());
            Err(by_status(vendor, status, wait, body))
        }
        Err(GenError::CommunicationError(error)) if error.is_connect() => {
            Err(Failure::NotProcessed {
                status: None,
                retry_after: None,
                transport: Some(error),
            })
        }
        Err(GenError::CommunicationError(error)) => Err(Failure::Ambiguous {
            status: error.status().map(|s| s.as_u16()),
            reason: format!(
                "the connection failed after the request was sent: {}",
                chain(&error)
            ),
        }),
        Err(GenError::InvalidResponsePayload(bytes, error)) => Err(Failure::Ambiguous {
            status: None,
            reason: format!(
                "the answer could not be decoded ({error}): {}",
                String::from_utf8_lossy(&bytes[..bytes.len().min(200)])
            ),
        }),
        Err(GenError::ResponseBodyError(error)) => Err(Failure::Ambiguous {
            status: error.status().map(|s| s.as_u16()),
            reason: format!("the answer's body could not be read: {}", chain(&error)),
        }),
        Err(GenError::InvalidRequest(message)) => {
            Err(Failure::Final(Error::Validation(type_mismatch(message))))
        }
        Err(other) => Err(Failure::Ambiguous {
            status: other.status().map(|s| s.as_u16()),
            reason: "the generated client reported an unexpected error".into(),
        }),
    }
}

fn by_status(
    vendor: Vendor,
    status: u16,
    retry_after: Option<Duration>,
    body: ApiErrorBody,
) -> Failure {
    match classify_status(status) {
        Class::Retryable => Failure::NotProcessed {
            status: Some(status),
            retry_after,
            transport: None,
        },
        Class::Ambiguous => Failure::Ambiguous {
            status: Some(status),
            reason: format!("status {status}: {body}"),
        },
        Class::Final => Failure::Final(Error::Api {
            vendor,
            status,
            body,
            retry_after,
        }),
    }
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
