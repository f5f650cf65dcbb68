//! 300 office creates against a mock limited to 50 per second, from a client paced at 50 per
//! second: prints the elapsed time against the ideal 6 s (the goal is at most 1.05 times) and
//! how many requests were rate limited (the goal is none). The creates share one baseline (the
//! bulk way: one listing of the offices, then billing-safe creates).
//!
//! `cargo bench -p telephony --bench paced_creates`

use std::sync::Arc;
use std::time::{Duration, Instant};

use telephony::{DialpadClient, Rate, RetryPolicy, Settings, Token};
use telephony_fixtures::bodies::typed_office_named;
use telephony_fixtures::mock::{self, answered_in};
use telephony_mock::MockConfig;

const CREATES: usize = 300;
const PER_SECOND: u32 = 50;

#[tokio::main]
async fn main() {
    let mock = mock::start(MockConfig {
        dialpad_rate: Some(format!("{PER_SECOND}/s").parse().expect("rate")),
        ..MockConfig::default()
    })
    .await;
    let settings = Settings::dialpad(Token::new("bench").expect("token"))
        .base_url(mock.dialpad_url())
        .rate(Some(Rate::per_second(PER_SECOND)))
        .max_concurrency(16)
        .retry(RetryPolicy::default());
    let client = Arc::new(DialpadClient::new(settings).expect("client"));

    let started = Instant::now();
    let baseline = Arc::new(client.baseline().await.expect("baseline"));
    let tasks: Vec<_> = (0..CREATES)
        .map(|n| {
            let (client, baseline) = (client.clone(), baseline.clone());
            let office = typed_office_named(&format!("Office {n}"));
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
    let limited = answered_in(&mock.stats(), "POST /api/v2/offices", |status| {
        status == "429"
    });
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
