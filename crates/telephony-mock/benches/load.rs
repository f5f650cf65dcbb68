//! Load run of the mock on loopback: 20,000 creates (half Dialpad offices, half Webex operating
//! modes) from 64 concurrent clients, rate limits off. Prints throughput and latency
//! percentiles, and exits non-zero if any request failed.
//!
//! `cargo bench -p telephony-mock --bench load` (override with LOAD_REQUESTS, LOAD_CONCURRENCY).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde_json::json;
use telephony_fixtures::mock;

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[tokio::main]
async fn main() {
    let total = env_or("LOAD_REQUESTS", 20_000);
    let concurrency = env_or("LOAD_CONCURRENCY", 64);
    let mock = mock::mock().await;
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(concurrency)
        .build()
        .expect("client");
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..concurrency {
        let (client, next) = (client.clone(), next.clone());
        let (offices, modes) = (
            format!("{}/api/v2/offices", mock.dialpad_url()),
            format!("{}/telephony/config/operatingModes", mock.webex_url()),
        );
        workers.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut errors = 0usize;
            loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                if n >= total {
                    break;
                }
                let request = if n % 2 == 0 {
                    client.post(&offices).json(&office_with_hours(n))
                } else {
                    client.post(&modes).json(&business_hours_mode(n))
                };
                let sent = Instant::now();
                let ok = match request.bearer_auth("load").send().await {
                    Ok(response) => {
                        response.status().is_success() && response.bytes().await.is_ok()
                    }
                    Err(_) => false,
                };
                latencies.push(sent.elapsed());
                errors += usize::from(!ok);
            }
            (latencies, errors)
        }));
    }
    let mut latencies = Vec::with_capacity(total);
    let mut errors = 0;
    for worker in workers {
        let (mut l, e) = worker.await.expect("worker finishes");
        latencies.append(&mut l);
        errors += e;
    }
    let elapsed = started.elapsed();
    latencies.sort();
    let pct = |p: f64| {
        latencies[((latencies.len() as f64 * p).ceil() as usize).clamp(1, latencies.len()) - 1]
    };
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("load: {total} requests, concurrency {concurrency}, {errors} errors");
    println!(
        "load: elapsed {:.2} s, throughput {:.0} req/s",
        elapsed.as_secs_f64(),
        total as f64 / elapsed.as_secs_f64()
    );
    println!(
        "load: latency p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        ms(pct(0.50)),
        ms(pct(0.90)),
        ms(pct(0.99)),
        ms(*latencies.last().expect("at least one request"))
    );
    println!(
        "load: mock holds {} offices, {} operating modes",
        mock.offices().len(),
        mock.operating_modes().len()
    );
    mock.shutdown().await;
    if errors > 0 {
        eprintln!("load: FAILED, {errors} requests did not succeed");
        std::process::exit(1);
    }
}

/// A German office with split Monday hours: more for the mock to validate and default than
/// the shared example office.
fn office_with_hours(n: usize) -> serde_json::Value {
    json!({
        "name": format!("Office {n}"), "country": "DE", "currency": "EUR", "plan_period": "monthly",
        "annual_commit_monthly_billing": false, "invoiced": false, "unified_billing": true,
        "billing_address": {"address_line_1": "Hauptstrasse 1", "city": "Berlin", "region": "BE",
                            "postal_code": "10115", "country": "DE"},
        "hours_on": true, "monday_hours": ["08:00", "12:00", "13:00", "17:00"], "ring_seconds": 20
    })
}

/// A business-hours mode at a location of its own, so that no scope fills up.
fn business_hours_mode(n: usize) -> serde_json::Value {
    json!({
        "name": "Business hours", "type": "SAME_HOURS_DAILY", "level": "LOCATION",
        "locationId": format!("LOCATION-{n}"),
        "sameHoursDaily": {
            "mondayToFriday": {"enabled": true, "startTime": "09:00", "endTime": "17:00"},
            "saturdayToSunday": {"enabled": false, "startTime": "00:00", "endTime": "23:59"}
        },
        "callForwarding": {"enabled": false, "destination": "+19705550006"}
    })
}
