//! The classifier: what a generated call's result means — success, not processed (safe to send
//! again), unknown (may have been processed), answered (processed, but the answer cannot be
//! used) or refused — decided by status first, whatever the body says. Strategies decide what
//! to do about it; this module only says what it was.

use std::time::Duration;

use telephony_api::dialpad::{ByteStream, ResponseValue};
use telephony_spec::Vendor;

use super::capped::{capped_response, capped_stream};
use super::outcome::{Attempt, Kind};
use crate::error::{ApiErrorBody, ConfigError, Error, chain};
use crate::validate::type_mismatch;

/// The generated clients' error type: every operation of both specs declares its error
/// answers as raw bytes, so the status survives whatever body a gateway sends.
pub(crate) type GenError = progenitor_client::Error<ByteStream>;

/// What a generated call returns.
pub(crate) type GenResult<T> = Result<ResponseValue<T>, GenError>;

/// What an attempt's result means, by status first, whatever the body.
pub(super) async fn classify<T: serde::de::DeserializeOwned>(
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
                // 303 See Other answers a request that was carried out: a create's outcome is
                // then unknown, never a refusal (the other redirects ask to send elsewhere).
                if status == reqwest::StatusCode::SEE_OTHER && kind == Kind::Create {
                    return Attempt::Ambiguous {
                        status: Some(303),
                        reason: format!(
                            "answered 303 See Other (to {}): the create may have been carried out",
                            location.as_deref().unwrap_or("no location")
                        ),
                    };
                }
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
                vendor.title(),
                chain(&error)
            ))))
        }
        Err(GenError::CommunicationError(error)) if error.is_connect() && is_tls(&error) => {
            Attempt::Final(Error::Config(ConfigError::Connection(format!(
                "the TLS handshake with {} failed (an https base URL for a server that speaks \
                 plain http, or a certificate this machine does not trust?): {}",
                vendor.title(),
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

/// Whether a connection failed in its TLS handshake (rustls names itself in its errors, and a
/// server that answers plain http to a TLS hello makes a "corrupt message"): a setting to fix,
/// not a network failure to wait out.
fn is_tls(error: &reqwest::Error) -> bool {
    let text = chain(error).to_ascii_lowercase();
    ["tls", "certificate", "corrupt message", "handshake"]
        .iter()
        .any(|word| text.contains(word))
}

/// What one attempt's outcome means for the next step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Not processed; safe to send again.
    Retryable,
    /// May have been processed.
    Ambiguous,
    /// Refused for good.
    Final,
}

/// Classifies an HTTP status of a failed create: 429, 423 and 503 were not processed; 501 and
/// 505 refuse the request as such; any other 5xx may have been processed; the rest (4xx) are
/// refusals.
pub(crate) fn classify_status(status: u16) -> Class {
    match status {
        429 | 423 | 503 => Class::Retryable,
        501 | 505 => Class::Final,
        500..=599 => Class::Ambiguous,
        _ => Class::Final,
    }
}

/// Reads `Retry-After`: whole seconds, or an HTTP date (the wait until then, zero if it has
/// passed). A number too large for a `u64` reads as the longest wait, so the cap turns it into
/// [`Error::RetryAfterTooLong`](crate::Error::RetryAfterTooLong); anything else unreadable is
/// ignored (backoff applies).
pub(crate) fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    let value = headers
        .get(reqwest::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return Some(
            value
                .parse::<u64>()
                .map_or(Duration::MAX, Duration::from_secs),
        );
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(
        when.duration_since(std::time::SystemTime::now())
            .unwrap_or(Duration::ZERO),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_classified_by_whether_they_were_processed() {
        for status in [429, 423, 503] {
            assert_eq!(classify_status(status), Class::Retryable, "{status}");
        }
        for status in [500, 502, 504, 507, 599] {
            assert_eq!(classify_status(status), Class::Ambiguous, "{status}");
        }
        for status in [400, 401, 403, 404, 405, 409, 413, 415, 501, 505] {
            assert_eq!(classify_status(status), Class::Final, "{status}");
        }
    }

    fn with_retry_after(value: &str) -> Option<Duration> {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(reqwest::header::RETRY_AFTER, value.parse().expect("header"));
        retry_after(&headers)
    }

    #[test]
    fn retry_after_is_read_in_seconds_or_as_a_date() {
        assert_eq!(retry_after(&reqwest::header::HeaderMap::new()), None);
        assert_eq!(with_retry_after("7"), Some(Duration::from_secs(7)));
        assert_eq!(with_retry_after(" 0 "), Some(Duration::ZERO));
        // Larger than u64: the longest wait, which the cap turns into an error.
        assert_eq!(
            with_retry_after("99999999999999999999999"),
            Some(Duration::MAX)
        );
        // A date that has passed: no wait.
        assert_eq!(
            with_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(Duration::ZERO)
        );
        // A date in the future: the wait until then.
        let later = std::time::SystemTime::now() + Duration::from_secs(120);
        let wait = with_retry_after(&httpdate::fmt_http_date(later)).expect("a date");
        assert!(
            wait > Duration::from_secs(110) && wait <= Duration::from_secs(120),
            "{wait:?}"
        );
        assert_eq!(with_retry_after("soon"), None);
        assert_eq!(with_retry_after("-5"), None);
    }
}
