//! 300 office creates against a mock limited to 50 per second, from a client paced at 50 per
//! second: prints the elapsed time against the ideal 6 s (the goal is at most 1.05 times) and
//! how many requests were rate limited (the goal is none). The creates share one baseline (the
//! bulk way: one listing of the offices, then billing-safe creates).
//!
//! `cargo bench -p telephony --bench paced_creates`

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::Value;
use telephony::dialpad_types::CreateOfficeMessage;
use telephony::{DialpadClient, Rate, RetryPolicy, Settings, Token};
use telephony_mock::{MockConfig, MockServer};

const CREATES: usize = 300;
const PER_SECOND: u32 = 50;

#[tokio::main]
async fn main() {
    let mock = MockServer::start(MockConfig {
        dialpad_rate: Some(format!("{PER_SECOND}/s").parse().expect("rate")),
        ..MockConfig::default()
    })
    .await
    .expect("mock");
    let settings = Settings::dialpad(Token::new("bench").expect("token"))
        .base_url(mock.dialpad_url())
        .rate(Some(Rate::per_second(PER_SECOND)))
        .max_concurrency(16)
        .retry(RetryPolicy::default());
    let client = Arc::new(DialpadClient::new(settings).expect("client"));
    let office: Value =
        serde_json::from_str(include_str!("../examples/office.json")).expect("office");

    let started = Instant::now();
    let baseline = Arc::new(client.baseline().await.expect("baseline"));
    let tasks: Vec<_> = (0..CREATES)
        .map(|n| {
            let (client, baseline, mut office) = (client.clone(), baseline.clone(), office.clone());
            office["name"] = Value::from(format!("Office {n}"));
            let office: CreateOfficeMessage = serde_json::from_value(office).expect("typed");
            tokio::spawn(async move {
                client
                    .create_office(&office)
                    .baseline(&baseline)
                    .await
                    .is_ok()
            })
        })
        .collect();
    let mut failed = 0;
    for task in tasks {
        failed += usize::from(!task.await.unwrap_or(false));
    }
    let elapsed = started.elapsed();
    let ideal = Duration::from_secs_f64(CREATES as f64 / f64::from(PER_SECOND));
    let stats = mock.stats();
    let limited = stats["requests"]["POST /api/v2/offices"]["429"]
        .as_u64()
        .unwrap_or(0);
    println!("paced_creates: {CREATES} creates at {PER_SECOND}/s, {failed} failed");
    println!(
        "paced_creates: elapsed {:.3} s, ideal {:.3} s, ratio {:.3} (goal <= 1.05)",
        elapsed.as_secs_f64(),
        ideal.as_secs_f64(),
        elapsed.as_secs_f64() / ideal.as_secs_f64()
    );
    println!("paced_creates: 429 answers {limited} (goal 0)");
    mock.shutdown().await;
}
