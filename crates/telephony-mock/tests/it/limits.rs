//! RateLimit limits: over the limit is a 429 with `Retry-After` in seconds, in the vendor's shape.

use telephony_fixtures::bodies::{mode, spec_office};
use telephony_fixtures::mock::{json_of, post_mode, post_office, start, unlimited};
use telephony_mock::{MockConfig, RateLimit};

#[tokio::test]
async fn dialpad_over_the_limit_is_429_with_retry_after() {
    let mock = start(MockConfig {
        dialpad_rate: Some("5/min".parse::<RateLimit>().expect("rate")),
        ..unlimited()
    })
    .await;
    for n in 0..5 {
        assert_eq!(
            post_office(&mock, &spec_office()).await.status(),
            200,
            "request {n}"
        );
    }
    let limited = post_office(&mock, &spec_office()).await;
    assert_eq!(limited.status(), 429);
    let seconds: u64 = limited.headers()["retry-after"]
        .to_str()
        .expect("text")
        .parse()
        .expect("whole seconds");
    assert!(
        (1..=12).contains(&seconds),
        "one token comes back every 12 s, got {seconds}"
    );
    assert_eq!(json_of(limited).await["error"]["code"], 429);
    assert_eq!(mock.offices().len(), 5, "a limited request creates nothing");
}

#[tokio::test]
async fn webex_is_unlimited_by_default_and_limited_when_configured() {
    let mock = start(MockConfig::default()).await;
    for n in 0..30 {
        assert_eq!(
            post_mode(&mock, &mode(&format!("M{n}"))).await.status(),
            201
        );
    }
    let mock = start(MockConfig {
        webex_rate: Some("2/h".parse::<RateLimit>().expect("rate")),
        ..MockConfig::default()
    })
    .await;
    assert_eq!(post_mode(&mock, &mode("A")).await.status(), 201);
    assert_eq!(post_mode(&mock, &mode("B")).await.status(), 201);
    let limited = post_mode(&mock, &mode("C")).await;
    assert_eq!(limited.status(), 429);
    assert!(limited.headers().contains_key("retry-after"));
    let body = json_of(limited).await;
    assert_eq!(body["errors"][0]["errorCode"], 429);
}

#[tokio::test]
async fn the_dialpad_default_is_the_documented_1200_per_minute() {
    assert_eq!(
        MockConfig::default().dialpad_rate,
        Some("1200/min".parse().expect("rate"))
    );
}

#[tokio::test]
async fn reset_refills_the_bucket() {
    let mock = start(MockConfig {
        dialpad_rate: Some("1/h".parse::<RateLimit>().expect("rate")),
        ..unlimited()
    })
    .await;
    assert_eq!(post_office(&mock, &spec_office()).await.status(), 200);
    assert_eq!(post_office(&mock, &spec_office()).await.status(), 429);
    mock.reset();
    assert_eq!(post_office(&mock, &spec_office()).await.status(), 200);
}

#[test]
fn rate_flags_parse_and_bad_ones_are_named() {
    assert_eq!(telephony_mock::parse_rate_flag("off"), Ok(None));
    let rate = telephony_mock::parse_rate_flag("100/s")
        .expect("valid")
        .expect("limited");
    assert_eq!((rate.count, rate.per.as_secs()), (100, 1));
    for bad in ["100", "0/s", "ten/s", "5/week", ""] {
        let err = telephony_mock::parse_rate_flag(bad).expect_err(bad);
        assert!(err.to_string().contains(&format!("`{bad}`")), "{err}");
    }
}
