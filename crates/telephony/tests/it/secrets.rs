//! A token never shows: not in `Debug` of the client, its settings or its errors, and not in
//! logs at trace level while requests go out.

use std::io::Write;
use std::sync::{Arc, Mutex};

use telephony::{DialpadClient, RetryPolicy, Settings, Token, WebexClient};
use telephony_fixtures::bodies::{mode, office};
use telephony_fixtures::mock::{self, status};
use telephony_mock::{MockConfig, Vendor};

const SECRET: &str = "tok_3f9a7c-very-secret";

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("lock").extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn the_token_never_appears_in_debug_output_or_trace_logs() {
    let capture = Capture::default();
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    telephony_fixtures::traces::prepare_for_scoped_subscribers();
    let _guard = tracing::subscriber::set_default(subscriber);

    let mock = mock::start(MockConfig::default()).await;
    let settings =
        Settings::dialpad(Token::new(SECRET).expect("token")).base_url(mock.dialpad_url());
    let debug_settings = format!("{settings:?}");
    let dialpad = DialpadClient::new(settings.retry(RetryPolicy::never())).expect("client");
    let office = office();
    dialpad.create_office_json(&office).await.expect("created");
    mock.push_faults(Vendor::Dialpad, [status(503, None)]);
    let err = dialpad
        .create_office_json(&office)
        .await
        .expect_err("503 with no retries");

    let webex = WebexClient::new(
        Settings::webex(Token::new(SECRET).expect("token")).base_url(mock.webex_url()),
    )
    .expect("client");
    webex
        .create_operating_mode_json(&mode("Day"))
        .await
        .expect("created");

    let logs = String::from_utf8(capture.0.lock().expect("lock").clone()).expect("utf-8");
    assert!(logs.contains("attempt"), "attempts are traced:\n{logs}");
    assert!(
        logs.contains("vendor=\"dialpad\"") && logs.contains("status=200"),
        "{logs}"
    );
    for text in [
        debug_settings,
        format!("{dialpad:?}"),
        format!("{webex:?}"),
        format!("{err:?}"),
        err.to_string(),
        logs,
    ] {
        assert!(!text.contains(SECRET), "the token leaked into:\n{text}");
    }
}
