//! Clients of a test server, unpaced, and the retry policies the tests give them: fast
//! backoff and a short settle delay, so that a test of retries takes milliseconds while
//! `Retry-After` is still honoured.

use std::time::Duration;

use telephony::{DialpadClient, RetryPolicy, Settings, Token, WebexClient};
use telephony_mock::MockHandle;

use crate::canned;

/// Where a test server answers each vendor.
pub trait Server {
    /// The Dialpad client's base URL.
    fn dialpad_url(&self) -> String;
    /// The Webex client's base URL (the server's root and `/v1`).
    fn webex_url(&self) -> String;
}

impl Server for MockHandle {
    fn dialpad_url(&self) -> String {
        MockHandle::dialpad_url(self)
    }

    fn webex_url(&self) -> String {
        MockHandle::webex_url(self)
    }
}

impl Server for canned::Server {
    fn dialpad_url(&self) -> String {
        self.url.clone()
    }

    fn webex_url(&self) -> String {
        format!("{}/v1", self.url)
    }
}

/// A server's root URL, such as that of a listener that never answers.
impl Server for str {
    fn dialpad_url(&self) -> String {
        self.to_string()
    }

    fn webex_url(&self) -> String {
        format!("{self}/v1")
    }
}

/// A Dialpad client of `server`, unpaced, with `retry`.
pub fn dialpad(server: &(impl Server + ?Sized), retry: RetryPolicy) -> DialpadClient {
    let settings = Settings::dialpad(Token::new("key").expect("token"))
        .base_url(server.dialpad_url())
        .rate(None)
        .retry(retry);
    DialpadClient::new(settings).expect("client")
}

/// A Webex client of `server`, unpaced, with `retry`.
pub fn webex(server: &(impl Server + ?Sized), retry: RetryPolicy) -> WebexClient {
    let settings = Settings::webex(Token::new("token").expect("token"))
        .base_url(server.webex_url())
        .rate(None)
        .retry(retry);
    WebexClient::new(settings).expect("client")
}

/// The default policy with a backoff of 2 to 10 ms and a settle delay of `settle`: for tests
/// against the mock, where a late commit lands after a delay the test chose.
pub fn settling(settle: Duration) -> RetryPolicy {
    RetryPolicy::default()
        .backoff(Duration::from_millis(2), Duration::from_millis(10))
        .settle_delay(settle)
}

/// [`settling`] for 1 ms: for scripted servers, where nothing commits late.
pub fn fast() -> RetryPolicy {
    settling(Duration::from_millis(1))
}
