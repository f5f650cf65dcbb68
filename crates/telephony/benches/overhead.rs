//! What the handwritten client costs over the generated call it wraps: loopback creates
//! against a server answering a fixed 200, side by side in one run (release build, rounds of
//! requests, medians), at concurrency 1 and 32, pacing off. Prints a table and the ratio of
//! `DialpadClient::create_office` to the generated call at concurrency 32 (goal ≤ 1.10).
//!
//! `cargo bench -p telephony --bench overhead` (`OVERHEAD_REQUESTS`, default 3,000 per round;
//! `OVERHEAD_ROUNDS`, default 3).

use std::future::Future;
use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::routing::post;
use futures_util::StreamExt;
use serde_json::Value;
use telephony::dialpad_types::{CreateOfficeMessage, OfficeUpdateResponse};
use telephony::{DialpadClient, OfficeBaseline, Settings, Token};

const ANSWER: &str = r#"{"office": {"id": 5692027000001, "office_id": 5692027000001,
    "name": "Office", "state": "active"}}"#;

/// Starts the fixed-answer server on its own thread and runtime; returns its base URL.
fn server() -> String {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("bind");
            tx.send(listener.local_addr().expect("addr")).expect("send");
            let app = Router::new().route(
                "/api/v2/offices",
                post(|| async { ([("content-type", "application/json")], ANSWER) }),
            );
            axum::serve(listener, app).await.expect("serve");
        });
    });
    format!("http://{}", rx.recv().expect("address"))
}

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Microseconds per request of `requests` calls, `concurrency` at a time.
async fn round<F, Fut>(requests: usize, concurrency: usize, call: F) -> f64
where
    F: Fn(usize) -> Fut,
    Fut: Future<Output = bool>,
{
    let started = Instant::now();
    let failed = futures_util::stream::iter(0..requests)
        .map(&call)
        .buffer_unordered(concurrency)
        .filter(|ok| std::future::ready(!ok))
        .count()
        .await;
    assert_eq!(failed, 0, "every request must succeed");
    started.elapsed().as_secs_f64() * 1e6 / requests as f64
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

const PATHS: [&str; 5] = [
    "raw reqwest posting pre-serialized bytes",
    "raw reqwest posting the typed body",
    "the generated client's call",
    "DialpadClient::create_office",
    "DialpadClient::create_office_json",
];

#[tokio::main]
async fn main() {
    let requests = env_or("OVERHEAD_REQUESTS", 3000);
    let rounds = env_or("OVERHEAD_ROUNDS", 3);
    let base = server();
    let example: Value =
        serde_json::from_str(include_str!("../examples/office.json")).expect("office");
    // Distinct names: the client serializes creates of one name (see DialpadClient).
    let json: Arc<Vec<Value>> = Arc::new(
        (0..requests)
            .map(|n| {
                let mut office = example.clone();
                office["name"] = Value::from(format!("Office {n}"));
                office
            })
            .collect(),
    );
    let typed: Arc<Vec<CreateOfficeMessage>> = Arc::new(
        json.iter()
            .map(|v| serde_json::from_value(v.clone()).expect("typed"))
            .collect(),
    );
    let bytes: Arc<Vec<bytes::Bytes>> = Arc::new(
        typed
            .iter()
            .map(|o| serde_json::to_vec(o).expect("json").into())
            .collect(),
    );
    let http = reqwest::Client::builder()
        .no_proxy()
        .timeout(std::time::Duration::from_secs(30))
        .connect_timeout(std::time::Duration::from_secs(10))
        .build()
        .expect("http");
    let url = format!("{base}/api/v2/offices");
    let generated = telephony_api::dialpad::Client::new_with_client(&base, http.clone());
    let client = DialpadClient::new(
        Settings::dialpad(Token::new("bench").expect("token"))
            .base_url(base.clone())
            .rate(None)
            .max_concurrency(64),
    )
    .expect("client");
    let baseline = OfficeBaseline::default();

    let mut results = vec![[Vec::new(), Vec::new()]; PATHS.len()];
    for _ in 0..rounds {
        for (slot, concurrency) in [1, 32].into_iter().enumerate() {
            let (http, url) = (&http, &url);
            let raw_bytes = round(requests, concurrency, |n| {
                let body = bytes[n].clone();
                async move {
                    let answer = http
                        .post(url)
                        .header("content-type", "application/json")
                        .body(body)
                        .send()
                        .await;
                    match answer {
                        Ok(answer) => answer.bytes().await.is_ok(),
                        Err(_) => false,
                    }
                }
            })
            .await;
            let raw_typed = round(requests, concurrency, |n| {
                let typed = typed.clone();
                async move {
                    match http.post(url).json(&typed[n]).send().await {
                        Ok(answer) => answer.json::<OfficeUpdateResponse>().await.is_ok(),
                        Err(_) => false,
                    }
                }
            })
            .await;
            let generated_call = round(requests, concurrency, |n| {
                let call = generated.create_office().body(typed[n].clone());
                async move { call.send().await.is_ok() }
            })
            .await;
            let handwritten = round(requests, concurrency, |n| {
                let (client, baseline, typed) = (&client, &baseline, &typed);
                async move {
                    client
                        .create_office(&typed[n])
                        .baseline(baseline)
                        .await
                        .is_ok()
                }
            })
            .await;
            let from_json = round(requests, concurrency, |n| {
                let (client, baseline, json) = (&client, &baseline, &json);
                async move {
                    client
                        .create_office_json(&json[n])
                        .baseline(baseline)
                        .await
                        .is_ok()
                }
            })
            .await;
            for (path, value) in [raw_bytes, raw_typed, generated_call, handwritten, from_json]
                .into_iter()
                .enumerate()
            {
                results[path][slot].push(value);
            }
        }
    }
    let medians: Vec<[f64; 2]> = results
        .into_iter()
        .map(|[one, many]| [median(one), median(many)])
        .collect();
    println!("overhead: {rounds} rounds of {requests} requests, medians, µs per request");
    println!("overhead: | path | concurrency 1 | concurrency 32 |");
    println!("overhead: |---|---|---|");
    let generated_32 = medians[2][1];
    for (path, [one, many]) in PATHS.iter().zip(&medians) {
        println!(
            "overhead: | {path} | {one:.1} µs | {many:.1} µs ({:.2}× the generated call) |",
            many / generated_32
        );
    }
    println!(
        "overhead: create_office / generated call at concurrency 32: {:.3} (goal <= 1.10)",
        medians[3][1] / generated_32
    );
}
