//! A proxy set in the environment never sees a plain-http request (the token would cross it
//! in cleartext). Its own test binary: it sets process-wide environment variables.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use telephony::{DialpadClient, Settings, Token};
use telephony_mock::{MockConfig, MockServer};

#[tokio::test]
async fn plain_http_to_loopback_bypasses_an_environment_proxy() {
    // A "proxy" that counts the connections it gets and never answers.
    let proxy = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let proxy_url = format!("http://{}", proxy.local_addr().expect("addr"));
    let connections = Arc::new(AtomicUsize::new(0));
    let counted = connections.clone();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = proxy.accept().await {
            counted.fetch_add(1, Ordering::SeqCst);
            held.push(socket);
        }
    });
    // SAFETY: this test binary has one test, and no other thread reads the environment while
    // it is changed (the runtime of `tokio::test` runs on this thread).
    unsafe {
        for name in ["HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"] {
            std::env::set_var(name, &proxy_url);
        }
        for name in ["NO_PROXY", "no_proxy"] {
            std::env::remove_var(name);
        }
    }
    let mock = MockServer::start(MockConfig::default())
        .await
        .expect("mock");
    let settings = Settings::dialpad(Token::new("secret-token").expect("token"))
        .base_url(mock.dialpad_url())
        .timeouts(
            std::time::Duration::from_secs(5),
            std::time::Duration::from_secs(2),
        );
    let client = DialpadClient::new(settings).expect("client");
    let office = serde_json::from_str(include_str!("../examples/office.json")).expect("office");
    client
        .create_office_json(&office)
        .await
        .expect("created directly, not through the proxy");
    assert_eq!(
        connections.load(Ordering::SeqCst),
        0,
        "the proxy saw nothing"
    );
    assert_eq!(mock.offices().len(), 1);
}
