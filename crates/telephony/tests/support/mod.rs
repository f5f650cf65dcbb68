//! Helpers shared by the client's integration tests.
#![allow(dead_code)]

pub mod canned;
pub mod soak;

use telephony::{DialpadClient, RetryPolicy, Settings, Token, WebexClient};
use telephony_mock::MockHandle;

/// A Dialpad client of `mock`, unpaced, with `retry`.
pub fn dialpad(mock: &MockHandle, retry: RetryPolicy) -> DialpadClient {
    let settings = Settings::dialpad(Token::new("key").expect("token"))
        .base_url(mock.dialpad_url())
        .rate(None)
        .retry(retry);
    DialpadClient::new(settings).expect("client")
}

/// A Webex client of `mock`, unpaced, with `retry`.
pub fn webex(mock: &MockHandle, retry: RetryPolicy) -> WebexClient {
    let settings = Settings::webex(Token::new("token").expect("token"))
        .base_url(mock.webex_url())
        .rate(None)
        .retry(retry);
    WebexClient::new(settings).expect("client")
}
