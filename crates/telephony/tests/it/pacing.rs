//! A bulk run at full speed meets no rate limit: 300 creates against a mock limited to 50/s,
//! from a client paced at 50/s with 16 requests in flight, get zero 429s.

use std::sync::Arc;

use telephony::{DialpadClient, Rate, RetryPolicy, Settings, Token};
use telephony_fixtures::bodies::office_named;
use telephony_fixtures::mock;
use telephony_mock::MockConfig;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_hundred_creates_at_the_limit_get_no_429() {
    let mock = mock::start(MockConfig {
        dialpad_rate: Some("50/s".parse().expect("rate")),
        ..MockConfig::default()
    })
    .await;
    let settings = Settings::dialpad(Token::new("key").expect("token"))
        .base_url(mock.dialpad_url())
        .rate(Some(Rate::per_second(50)))
        .max_concurrency(16)
        .retry(RetryPolicy::never());
    let client = Arc::new(DialpadClient::new(settings).expect("client"));
    let tasks: Vec<_> = (0..300)
        .map(|n| {
            let (client, office) = (client.clone(), office_named(&format!("Office {n}")));
            tokio::spawn(async move { client.create_office_json(&office).await })
        })
        .collect();
    let mut failures = Vec::new();
    for task in tasks {
        if let Err(err) = task.await.expect("task") {
            failures.push(err.to_string());
        }
    }
    let stats = mock.stats();
    let by_status = &stats["requests"]["POST /api/v2/offices"];
    assert_eq!(
        by_status.get("429"),
        None,
        "no request was rate limited: {by_status}"
    );
    assert!(failures.is_empty(), "{failures:?}");
    assert_eq!(by_status["200"], 300);
    assert_eq!(mock.offices().len(), 300);
}
