//! Answer bodies read only up to a cap: a vendor (or anything between) that sends a body larger
//! than the operation's cap cannot make the client hold it in memory. The generated clients
//! call [`execute`] for every request (their `ClientHooks::exec`), with the cap the curated
//! spec gives the operation (`x-telephony-limits: max-answer-bytes`).

use std::fmt;

use http_body_util::{BodyExt, LengthLimitError, Limited};

/// The error a body read ends with once it passes its cap; found in the source chain of the
/// `reqwest::Error` that reading the body returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnswerTooLarge {
    /// The cap, in bytes.
    pub cap: usize,
}

impl fmt::Display for AnswerTooLarge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the answer is larger than its cap of {} bytes", self.cap)
    }
}

impl std::error::Error for AnswerTooLarge {}

impl AnswerTooLarge {
    /// The cap error in `error`'s source chain, if reading a capped body is what failed.
    pub fn find(error: &(dyn std::error::Error + 'static)) -> Option<AnswerTooLarge> {
        let mut next = Some(error);
        while let Some(error) = next {
            if let Some(found) = error.downcast_ref::<AnswerTooLarge>() {
                return Some(*found);
            }
            next = error.source();
        }
        None
    }
}

/// Sends `request` with `client` and returns the response with its body limited to `cap`
/// bytes: reading past the cap fails with [`AnswerTooLarge`] (streamed: no more than the cap
/// is ever held).
pub async fn execute(
    client: &reqwest::Client,
    request: reqwest::Request,
    cap: usize,
) -> reqwest::Result<reqwest::Response> {
    let response = client.execute(request).await?;
    Ok(limit(response, cap))
}

/// `response` with its body limited to `cap` bytes.
pub fn limit(response: reqwest::Response, cap: usize) -> reqwest::Response {
    use reqwest::ResponseBuilderExt as _;
    let url = response.url().clone();
    let (parts, body) = http::Response::<reqwest::Body>::from(response).into_parts();
    let limited = Limited::new(body, cap).map_err(move |error| {
        if error.is::<LengthLimitError>() {
            Box::new(AnswerTooLarge { cap }) as Box<dyn std::error::Error + Send + Sync>
        } else {
            error
        }
    });
    let mut rebuilt = http::Response::new(reqwest::Body::wrap(limited));
    *rebuilt.status_mut() = parts.status;
    *rebuilt.version_mut() = parts.version;
    *rebuilt.headers_mut() = parts.headers;
    // The URL travels in an extension only reqwest's own builder can set.
    let (with_url, _) = http::Response::builder()
        .url(url)
        .body(())
        .map(http::Response::into_parts)
        .unwrap_or_else(|_| http::Response::new(()).into_parts());
    *rebuilt.extensions_mut() = with_url.extensions;
    reqwest::Response::from(rebuilt)
}

#[cfg(test)]
mod tests {
    use super::{AnswerTooLarge, limit};

    fn response(body: &'static str) -> reqwest::Response {
        reqwest::Response::from(
            http::Response::builder()
                .status(200)
                .body(reqwest::Body::from(body))
                .expect("response"),
        )
    }

    #[tokio::test]
    async fn a_body_within_its_cap_reads_whole() {
        let read = limit(response("0123456789"), 10)
            .bytes()
            .await
            .expect("read");
        assert_eq!(&read[..], b"0123456789");
    }

    #[tokio::test]
    async fn a_body_past_its_cap_fails_naming_the_cap() {
        let error = limit(response("0123456789"), 9).bytes().await.unwrap_err();
        assert_eq!(
            AnswerTooLarge::find(&error),
            Some(AnswerTooLarge { cap: 9 }),
            "{error:?}"
        );
        assert_eq!(
            AnswerTooLarge { cap: 9 }.to_string(),
            "the answer is larger than its cap of 9 bytes"
        );
    }
}
