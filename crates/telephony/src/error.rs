//! The one error type of the crate, with enough context to act on: which vendor, which
//! status, the parsed Webex body or the raw body (capped), `Retry-After`, and whether the
//! request may have been carried out.

use std::fmt;
use std::time::Duration;

use telephony_spec::Vendor;

use crate::validate::Violations;

/// Everything that can go wrong when creating or reading a resource. New variants may be added
/// (match with a wildcard arm).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request breaks rules of the vendor's spec; nothing was sent.
    #[error("the request is invalid ({}):\n{violations}", count_text(.0.len(), "problem"), violations = .0)]
    Validation(Violations),

    /// The vendor refused the request; it was not carried out. A 404 or 405 usually means the
    /// base URL is wrong (Webex's ends in `/v1`), and the message says so.
    #[error("{} answered {status}: {body}{}", .vendor.title(), status_hint(*.status))]
    Api {
        /// Which vendor answered.
        vendor: Vendor,
        /// The HTTP status.
        status: u16,
        /// The error body.
        body: ApiErrorBody,
        /// The `Retry-After` the vendor sent, if any.
        retry_after: Option<Duration>,
    },

    /// Still rate limited (429) or unavailable (423, 503) after the last attempt.
    #[error("{} is still refusing for now (status {status}) after {}", .vendor.title(), attempts_text(*.attempts))]
    RateLimited {
        /// Which vendor.
        vendor: Vendor,
        /// The last status: 429, 423 or 503.
        status: u16,
        /// How many attempts were made.
        attempts: u32,
        /// The last `Retry-After`, if any.
        retry_after: Option<Duration>,
    },

    /// The vendor asked to wait longer than this client is set to wait; nothing was sent again.
    #[error("{} asked to wait {wait:?} (status {status}), longer than the {cap:?} this client waits", .vendor.title())]
    RetryAfterTooLong {
        /// Which vendor.
        vendor: Vendor,
        /// The status that carried the header.
        status: u16,
        /// The wait the vendor asked for.
        wait: Duration,
        /// The longest wait this client accepts (`RetryPolicy::max_retry_after`).
        cap: Duration,
    },

    /// The request may or may not have been carried out: the connection broke after sending,
    /// the answer timed out, or a server or gateway failed (500, 502, 504). Creating again
    /// could make a duplicate (a billable one, for Dialpad offices): check first.
    #[error("the outcome at {} is unknown after {}: {reason}; check before creating again", .vendor.title(), attempts_text(*.attempts))]
    Ambiguous {
        /// Which vendor.
        vendor: Vendor,
        /// How many attempts were made.
        attempts: u32,
        /// The HTTP status, when an answer arrived.
        status: Option<u16>,
        /// What happened.
        reason: String,
    },

    /// Every attempt failed, and each one whose outcome was unknown was read back and found
    /// not carried out: nothing was created.
    #[error("{} did not create it after {} (read back: not created); last: {reason}", .vendor.title(), attempts_text(*.attempts))]
    NotCreated {
        /// Which vendor.
        vendor: Vendor,
        /// How many attempts were made.
        attempts: u32,
        /// The HTTP status of the last attempt, when an answer arrived.
        status: Option<u16>,
        /// What happened to the last attempt.
        reason: String,
    },

    /// The vendor answered with a redirect. Redirects are never followed (the request and its
    /// credentials would go wherever it points); nothing was carried out. Check the base URL.
    #[error("{} answered {status}, a redirect to {}; redirects are not followed: check the base URL", .vendor.title(), .location.as_deref().unwrap_or("(no Location)"))]
    Redirected {
        /// Which vendor.
        vendor: Vendor,
        /// The 3xx status.
        status: u16,
        /// Where it pointed (the `Location` header), if anywhere.
        location: Option<String>,
    },

    /// A read kept failing (server errors, broken connections) through all its attempts.
    #[error("{} failed to answer {operation} after {}: {reason}", .vendor.title(), attempts_text(*.attempts))]
    ReadFailed {
        /// Which vendor.
        vendor: Vendor,
        /// The operation.
        operation: &'static str,
        /// How many attempts were made.
        attempts: u32,
        /// What happened to the last attempt.
        reason: String,
    },

    /// A success answer's body was larger than the cap of its operation (the spec's
    /// `x-telephony-limits: max-answer-bytes`, `telephony_api::<vendor>::answer_cap`); it was
    /// not read further.
    #[error("{} answered {operation} with a body larger than its cap of {cap} bytes (max-answer-bytes); it was not read", .vendor.title())]
    AnswerTooLarge {
        /// Which vendor.
        vendor: Vendor,
        /// The operation.
        operation: &'static str,
        /// The cap, in bytes.
        cap: usize,
    },

    /// A read answered with success but its body is not what the spec says.
    #[error("{} answered {operation} with a body that cannot be read: {reason}", .vendor.title())]
    Decode {
        /// Which vendor.
        vendor: Vendor,
        /// The operation.
        operation: &'static str,
        /// Why it cannot be read.
        reason: String,
    },

    /// The vendor could not be reached at all (the connection failed before the request was
    /// sent), even after retrying; nothing was carried out.
    #[error("cannot reach {} after {}: {source}", .vendor.title(), attempts_text(*.attempts))]
    Transport {
        /// Which vendor.
        vendor: Vendor,
        /// How many attempts were made.
        attempts: u32,
        /// The last connection error.
        source: reqwest::Error,
    },

    /// The client is set up wrong (a missing token, a bad URL, an unreadable variable).
    #[error(transparent)]
    Config(#[from] ConfigError),
}

impl Error {
    /// The HTTP status of the last answer, when there was one.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api { status, .. }
            | Error::RateLimited { status, .. }
            | Error::Redirected { status, .. }
            | Error::RetryAfterTooLong { status, .. } => Some(*status),
            Error::Ambiguous { status, .. } | Error::NotCreated { status, .. } => *status,
            _ => None,
        }
    }

    /// Whether the request may have been carried out (see [`Error::Ambiguous`]).
    pub fn is_ambiguous(&self) -> bool {
        matches!(self, Error::Ambiguous { .. })
    }
}

/// The most bytes of an error answer's body that are kept (64 KiB); the rest is read no
/// further and the body is marked truncated.
pub const MAX_ERROR_BODY: usize = 64 * 1024;

/// The body of an error answer.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ApiErrorBody {
    /// Webex's documented error body.
    Webex(telephony_api::webex::types::WebexError),
    /// The raw body, as text: Dialpad documents no error body, and a gateway in front of either
    /// vendor may answer HTML, text or nothing. At most [`MAX_ERROR_BODY`] bytes are kept.
    Raw {
        /// The body (lossy UTF-8), cut at [`MAX_ERROR_BODY`] bytes.
        text: String,
        /// Whether the body was longer and was cut.
        truncated: bool,
    },
}

impl ApiErrorBody {
    /// Reads the bytes of an error answer: the Webex error body when they are one (for
    /// Webex), the raw text otherwise.
    pub(crate) fn from_bytes(vendor: Vendor, bytes: &[u8], truncated: bool) -> ApiErrorBody {
        let webex = (vendor == Vendor::Webex && !truncated)
            .then(|| serde_json::from_slice::<telephony_api::webex::types::WebexError>(bytes).ok())
            .flatten()
            .filter(|b| b.message.is_some() || !b.errors.is_empty() || b.tracking_id.is_some());
        if let Some(body) = webex {
            return ApiErrorBody::Webex(body);
        }
        ApiErrorBody::Raw {
            text: String::from_utf8_lossy(bytes).into_owned(),
            truncated,
        }
    }
}

impl fmt::Display for ApiErrorBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiErrorBody::Webex(body) => {
                let message = body.message.as_deref().unwrap_or("(no message)");
                f.write_str(message)?;
                // A detail that only repeats the message (Webex often sends one) adds nothing.
                let details = body.errors.iter().map(|d| d.description.as_deref());
                for detail in details.filter(|d| *d != Some(message)) {
                    write!(f, "; {}", detail.unwrap_or("?"))?;
                }
                if let Some(id) = &body.tracking_id {
                    write!(f, " (trackingId {id})")?;
                }
                Ok(())
            }
            ApiErrorBody::Raw { text, .. } if text.trim().is_empty() => f.write_str("(empty body)"),
            ApiErrorBody::Raw { text, truncated } => {
                f.write_str(text)?;
                if *truncated {
                    write!(f, "… (cut at {MAX_ERROR_BODY} bytes)")?;
                }
                Ok(())
            }
        }
    }
}

/// A client that cannot be built as asked.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConfigError {
    /// A token is empty or contains white space or a control character.
    #[error("the token is empty or contains white space or a control character")]
    InvalidToken,
    /// A required environment variable is not set.
    #[error("the environment variable {0} is not set")]
    MissingVariable(&'static str),
    /// An environment variable has a value that cannot be used.
    #[error("the environment variable {name} has an unusable value: {reason}")]
    BadVariable {
        /// The variable.
        name: &'static str,
        /// Why.
        reason: String,
    },
    /// A base URL cannot be used.
    #[error("base URL `{url}`: {reason}")]
    BaseUrl {
        /// The URL as given.
        url: String,
        /// Why.
        reason: String,
    },
    /// A setting is out of range.
    #[error("setting {name}: {reason}")]
    Setting {
        /// The setting.
        name: &'static str,
        /// Why.
        reason: String,
    },
    /// The HTTP client could not be built.
    #[error("the HTTP client cannot be built: {0}")]
    Http(String),
    /// A request could not be built or the connection's TLS handshake failed: a setting is
    /// wrong (the base URL, its scheme, the server's certificate), so nothing is retried.
    #[error("{0}")]
    Connection(String),
}

/// A word of advice for statuses that usually mean a wrong base URL.
fn status_hint(status: u16) -> &'static str {
    match status {
        404 | 405 => {
            " (a 404 or 405 usually means a wrong base URL: Dialpad's is the server root, Webex's ends in /v1)"
        }
        _ => "",
    }
}

/// "1 attempt", "3 attempts".
fn attempts_text(attempts: u32) -> String {
    count_text(attempts as usize, "attempt")
}

/// "1 problem", "2 problems".
fn count_text(count: usize, noun: &str) -> String {
    match count {
        1 => format!("1 {noun}"),
        n => format!("{n} {noun}s"),
    }
}

/// A duration as `40 s` or `1.5 s`.
pub(crate) fn seconds(duration: std::time::Duration) -> String {
    let secs = duration.as_secs_f64();
    if secs.fract() == 0.0 {
        format!("{secs:.0} s")
    } else {
        format!("{secs:.1} s")
    }
}

/// An error and its sources, one after the other.
pub(crate) fn chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(inner) = source {
        text.push_str(": ");
        text.push_str(&inner.to_string());
        source = inner.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_webex_detail_that_repeats_the_message_is_shown_once() {
        let body = br#"{"message": "name taken", "errors": [{"description": "name taken"},
            {"description": "see the docs"}], "trackingId": "T1"}"#;
        let shown = ApiErrorBody::from_bytes(Vendor::Webex, body, false).to_string();
        assert_eq!(shown, "name taken; see the docs (trackingId T1)");
    }
}
