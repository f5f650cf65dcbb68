//! Adaptive pacing against a limit the client is not told: for each limit, the mock is set to
//! it and a client with adaptive pacing creates operating modes (spread over locations, below
//! the mock's 100 per scope) as fast as it finds it can. Prints the throughput achieved as a
//! fraction of the limit (goal ≥ 0.90; the mock's bucket holds one second of requests, so a
//! short run can pass 1.0) and the 429s as a fraction of requests (goal ≤ 2 %), and failed
//! creates (goal 0). Then Dialpad at its documented rate (the mock limited to it, per
//! second), fixed against adaptive.
//!
//! `cargo bench -p telephony --bench adaptive_pacing` (5/s, 40/s and 400/s, 2,000 creates
//! each, about 8 minutes). `ADAPTIVE_LIMITS=5 ADAPTIVE_CREATES=300` runs a shorter version.

use std::sync::Arc;
use std::time::Instant;

use futures_util::StreamExt;
use serde_json::Value;
use telephony::{
    AdaptiveRate, DialpadClient, Pacing, Rate, RetryPolicy, Settings, Token, WebexClient,
};
use telephony_fixtures::bodies::{mode_at, typed_office_named};
use telephony_fixtures::mock::{self, answered_in};
use telephony_mock::{MockConfig, RateLimit};

/// Requests in flight at once (the client's own cap).
const CONCURRENCY: usize = 32;

struct Run {
    creates: usize,
    failed: usize,
    requests: u64,
    limited: u64,
    seconds: f64,
}

impl Run {
    fn print(&self, what: &str, limit: f64) {
        let achieved = self.creates as f64 / self.seconds;
        println!(
            "adaptive_pacing: {what}: {} creates in {:.2} s = {:.1}/s, {:.3} of the limit {limit}/s; \
             429s {} of {} requests ({:.2} %); {} failed",
            self.creates,
            self.seconds,
            achieved,
            achieved / limit,
            self.limited,
            self.requests,
            100.0 * self.limited as f64 / self.requests.max(1) as f64,
            self.failed
        );
    }
}

/// Requests to `route` in `stats`, and of those the ones answered 429.
fn count(stats: &Value, route: &str) -> (u64, u64) {
    (
        answered_in(stats, route, |_| true),
        answered_in(stats, route, |status| status == "429"),
    )
}

/// Runs `creates` calls, [`CONCURRENCY`] × 2 at a time (the client's own cap holds them to
/// [`CONCURRENCY`]); returns how many failed and the seconds taken.
async fn drive<F, Fut>(creates: usize, create: F) -> (usize, f64)
where
    F: Fn(usize) -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let started = Instant::now();
    let failed = futures_util::stream::iter(0..creates)
        .map(create)
        .buffer_unordered(CONCURRENCY * 2)
        .filter(|ok| std::future::ready(!ok))
        .count()
        .await;
    (failed, started.elapsed().as_secs_f64())
}

fn per_second(limit: u32) -> Option<RateLimit> {
    Some(format!("{limit}/s").parse().expect("rate"))
}

async fn webex(limit: u32, creates: usize) -> Run {
    let mock = mock::start(MockConfig {
        webex_rate: per_second(limit),
        max_resources: creates + 10,
        ..MockConfig::default()
    })
    .await;
    let settings = Settings::webex(Token::new("bench").expect("token"))
        .base_url(mock.webex_url())
        .pacing(Pacing::Adaptive(AdaptiveRate::default()))
        .max_concurrency(CONCURRENCY)
        .retry(RetryPolicy::default());
    let client = Arc::new(WebexClient::new(settings).expect("client"));
    let (failed, seconds) = drive(creates, |n| {
        let client = client.clone();
        async move {
            let mode = mode_at(&format!("Mode {n}"), &format!("LOC-{}", n % 25));
            client.create_operating_mode_json(&mode).await.is_ok()
        }
    })
    .await;
    let (requests, limited) = count(&mock.stats(), "POST /v1/telephony/config/operatingModes");
    mock.shutdown().await;
    Run {
        creates,
        failed,
        requests,
        limited,
        seconds,
    }
}

async fn dialpad(pacing: Pacing, limit: u32, creates: usize) -> Run {
    let mock = mock::start(MockConfig {
        // The documented rate as a bucket of one second: a bucket of a minute's 1,200 would
        // let a short run through at any speed.
        dialpad_rate: per_second(limit),
        max_resources: creates + 10,
        ..MockConfig::default()
    })
    .await;
    let settings = Settings::dialpad(Token::new("bench").expect("token"))
        .base_url(mock.dialpad_url())
        .pacing(pacing)
        .max_concurrency(CONCURRENCY);
    let client = Arc::new(DialpadClient::new(settings).expect("client"));
    let baseline = Arc::new(client.baseline().await.expect("baseline"));
    let (failed, seconds) = drive(creates, |n| {
        let (client, baseline) = (client.clone(), baseline.clone());
        async move {
            let typed = typed_office_named(&format!("Office {n}"));
            client
                .create_office(&typed)
                .baseline(&baseline)
                .await
                .is_ok()
        }
    })
    .await;
    let (requests, limited) = count(&mock.stats(), "POST /api/v2/offices");
    mock.shutdown().await;
    Run {
        creates,
        failed,
        requests,
        limited,
        seconds,
    }
}

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    match std::env::var(name) {
        Ok(text) => text
            .parse()
            .unwrap_or_else(|_| panic!("{name}=`{text}` cannot be read")),
        Err(_) => default,
    }
}

#[tokio::main]
async fn main() {
    let creates: usize = env_or("ADAPTIVE_CREATES", 2000);
    let limits: String = env_or("ADAPTIVE_LIMITS", "5,40,400".to_string());
    for limit in limits.split(',') {
        let limit: u32 = limit.trim().parse().expect("ADAPTIVE_LIMITS: numbers");
        webex(limit, creates).await.print(
            &format!("webex, limit {limit}/s not told"),
            f64::from(limit),
        );
    }
    let (count, seconds) = telephony_spec::validate::Validator::dialpad()
        .rate_limit("create_office")
        .expect("documented");
    let documented = f64::from(count) / seconds as f64;
    let limit = documented.round() as u32;
    let dialpad_creates = creates.min(env_or("ADAPTIVE_DIALPAD_CREATES", 1000));
    let fixed = Pacing::Fixed(Rate::new(count, std::time::Duration::from_secs(seconds)));
    dialpad(fixed, limit, dialpad_creates)
        .await
        .print("dialpad, fixed at the documented rate", documented);
    let adaptive = Pacing::Adaptive(AdaptiveRate::default());
    dialpad(adaptive, limit, dialpad_creates)
        .await
        .print("dialpad, adaptive", documented);
}
