//! What the handwritten client costs over the generated call it wraps: loopback creates
//! against a server answering a fixed 200, side by side in one run (release build), at
//! concurrency 1 and 32, pacing off. The paths take turns in short batches, many times over,
//! and each path's figure is the median of its batches, so that the noise of a shared machine
//! falls on every path alike. Prints a table and the ratio of `DialpadClient::create_office`
//! to the generated call at concurrency 32 (goal ≤ 1.10), against a plain reqwest client and
//! against one set up as `DialpadClient` sets up its own (a bearer header, a user agent, no
//! redirects: what any authenticated call needs), and where the difference goes, one step at
//! a time.
//!
//! `cargo bench -p telephony --bench overhead` (`OVERHEAD_REQUESTS`, default 400 per batch;
//! `OVERHEAD_ROUNDS`, default 15 batches per path and concurrency; `OVERHEAD_ONLY`, a
//! comma-separated list of path numbers from 0 to 8 to run alone, for a profiler).

use std::future::Future;
use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::routing::post;
use futures_util::StreamExt;
use serde_json::Value;
use telephony::dialpad_types::{CreateOfficeMessage, OfficeUpdateResponse};
use telephony::{DialpadClient, OfficeBaseline, Settings, Token};
use telephony_fixtures::bodies::office_named;

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

/// CPU time of the whole process so far (every thread, the server's included), in seconds;
/// `None` where `/proc` is not there.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The fields after the command name (which may hold spaces) end with `)`.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// Microseconds per request of `requests` calls, `concurrency` at a time, each call its own
/// task (as an application runs them).
async fn round<F, Fut>(requests: usize, concurrency: usize, call: F) -> (f64, f64)
where
    F: Fn(usize) -> Fut,
    Fut: Future<Output = bool> + Send + 'static,
{
    let (started, cpu_before) = (Instant::now(), cpu_seconds());
    let failed = futures_util::stream::iter(0..requests)
        .map(|n| tokio::spawn(call(n)))
        .buffer_unordered(concurrency)
        .filter(|ok| std::future::ready(!matches!(ok, Ok(true))))
        .count()
        .await;
    assert_eq!(failed, 0, "every request must succeed");
    let cpu = cpu_seconds()
        .zip(cpu_before)
        .map_or(0.0, |(after, before)| after - before);
    (started.elapsed().as_secs_f64() * 1e6 / requests as f64, cpu)
}

/// One create through the generated call, its body checked first when `check` is true.
async fn generated_create(
    api: &'static telephony_api::dialpad::Client,
    typed: Arc<Vec<CreateOfficeMessage>>,
    n: usize,
    check: bool,
) -> bool {
    if check && telephony::validate::dialpad_typed(&typed[n]).is_err() {
        return false;
    }
    let call = api.create_office().body(typed[n].clone());
    call.send().await.is_ok()
}

/// One create through `DialpadClient::create_office`: with `send()`, or the builder awaited
/// directly when `awaited` is true.
async fn handwritten_create(
    client: Arc<DialpadClient>,
    baseline: Arc<OfficeBaseline>,
    typed: Arc<Vec<CreateOfficeMessage>>,
    n: usize,
    awaited: bool,
) -> bool {
    let create = client.create_office(&typed[n]).baseline(&baseline);
    if awaited {
        create.await.is_ok()
    } else {
        create.send().await.is_ok()
    }
}

/// Runs a path's batch unless `OVERHEAD_ONLY` leaves it out.
async fn gate(
    only: &Option<Vec<usize>>,
    path: usize,
    batch: impl Future<Output = (f64, f64)>,
) -> Option<(f64, f64)> {
    match only {
        Some(paths) if !paths.contains(&path) => None,
        _ => Some(batch.await),
    }
}

/// The median; NaN for a path that did not run.
fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

const PATHS: [&str; 9] = [
    "raw reqwest posting pre-serialized bytes",
    "raw reqwest posting the typed body",
    "the generated client's call",
    "DialpadClient::create_office(..).send()",
    "DialpadClient::create_office_json",
    "DialpadClient::create_office_once (no read-back)",
    "the generated call, reqwest set up as DialpadClient's",
    "validate typed, then the generated call set up as DialpadClient's",
    "DialpadClient::create_office(..) awaited directly (the future boxed)",
];

#[tokio::main]
async fn main() {
    let requests = env_or("OVERHEAD_REQUESTS", 400);
    let rounds = env_or("OVERHEAD_ROUNDS", 15);
    let only: Option<Vec<usize>> = std::env::var("OVERHEAD_ONLY").ok().map(|list| {
        list.split(',')
            .map(|n| n.trim().parse().expect("OVERHEAD_ONLY: path numbers"))
            .collect()
    });
    let base = server();
    // Distinct names: the client serializes creates of one name (see DialpadClient).
    let json: Arc<Vec<Value>> = Arc::new(
        (0..requests)
            .map(|n| office_named(&format!("Office {n}")))
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
    let url = Arc::new(format!("{base}/api/v2/offices"));
    // The reqwest settings DialpadClient uses (a bearer header, user agent, no redirects).
    let mut headers = reqwest::header::HeaderMap::new();
    let mut auth = reqwest::header::HeaderValue::from_static("Bearer bench");
    auth.set_sensitive(true);
    headers.insert(reqwest::header::AUTHORIZATION, auth);
    let configured = reqwest::Client::builder()
        .no_proxy()
        .default_headers(headers)
        .user_agent(reqwest::header::HeaderValue::from_static("telephony/bench"))
        .timeout(std::time::Duration::from_secs(30))
        .connect_timeout(std::time::Duration::from_secs(10))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("http");
    // The generated calls borrow their client; the tasks need it for the whole run.
    let generated_configured: &'static telephony_api::dialpad::Client = Box::leak(Box::new(
        telephony_api::dialpad::Client::new_with_client(&base, configured),
    ));
    let generated: &'static telephony_api::dialpad::Client = Box::leak(Box::new(
        telephony_api::dialpad::Client::new_with_client(&base, http.clone()),
    ));
    let client = Arc::new(
        DialpadClient::new(
            Settings::dialpad(Token::new("bench").expect("token"))
                .base_url(base.clone())
                .rate(None)
                .max_concurrency(64),
        )
        .expect("client"),
    );
    let baseline = Arc::new(OfficeBaseline::default());

    let mut results = vec![[Vec::new(), Vec::new()]; PATHS.len()];
    // CPU seconds and requests per path at concurrency 32.
    let mut cpu = vec![(0.0_f64, 0_usize); PATHS.len()];
    for _ in 0..rounds {
        for (slot, concurrency) in [1, 32].into_iter().enumerate() {
            let raw_bytes = gate(
                &only,
                0,
                round(requests, concurrency, |n| {
                    let (http, url, body) = (http.clone(), url.clone(), bytes[n].clone());
                    async move {
                        let answer = http
                            .post(url.as_str())
                            .header("content-type", "application/json")
                            .body(body)
                            .send()
                            .await;
                        match answer {
                            Ok(answer) => answer.bytes().await.is_ok(),
                            Err(_) => false,
                        }
                    }
                }),
            )
            .await;
            let raw_typed = gate(
                &only,
                1,
                round(requests, concurrency, |n| {
                    let (http, url, typed) = (http.clone(), url.clone(), typed.clone());
                    async move {
                        match http.post(url.as_str()).json(&typed[n]).send().await {
                            Ok(answer) => answer.json::<OfficeUpdateResponse>().await.is_ok(),
                            Err(_) => false,
                        }
                    }
                }),
            )
            .await;
            let generated_call = gate(
                &only,
                2,
                round(requests, concurrency, |n| {
                    generated_create(generated, typed.clone(), n, false)
                }),
            )
            .await;
            let handwritten = gate(
                &only,
                3,
                round(requests, concurrency, |n| {
                    handwritten_create(client.clone(), baseline.clone(), typed.clone(), n, false)
                }),
            )
            .await;
            let awaited = gate(
                &only,
                8,
                round(requests, concurrency, |n| {
                    handwritten_create(client.clone(), baseline.clone(), typed.clone(), n, true)
                }),
            )
            .await;
            let configured_call = gate(
                &only,
                6,
                round(requests, concurrency, |n| {
                    generated_create(generated_configured, typed.clone(), n, false)
                }),
            )
            .await;
            let validated_call = gate(
                &only,
                7,
                round(requests, concurrency, |n| {
                    generated_create(generated_configured, typed.clone(), n, true)
                }),
            )
            .await;
            let once = gate(
                &only,
                5,
                round(requests, concurrency, |n| {
                    let (client, typed) = (client.clone(), typed.clone());
                    async move { client.create_office_once(&typed[n]).await.is_ok() }
                }),
            )
            .await;
            let from_json = gate(
                &only,
                4,
                round(requests, concurrency, |n| {
                    let (client, baseline, json) = (client.clone(), baseline.clone(), json.clone());
                    async move {
                        client
                            .create_office_json(&json[n])
                            .baseline(&baseline)
                            .await
                            .is_ok()
                    }
                }),
            )
            .await;
            for (path, value) in [
                raw_bytes,
                raw_typed,
                generated_call,
                handwritten,
                from_json,
                once,
                configured_call,
                validated_call,
                awaited,
            ]
            .into_iter()
            .enumerate()
            {
                let Some(value) = value else { continue };
                results[path][slot].push(value.0);
                if concurrency == 32 {
                    cpu[path].0 += value.1;
                    cpu[path].1 += requests;
                }
            }
        }
    }
    let medians: Vec<[f64; 2]> = results
        .into_iter()
        .map(|[one, many]| [median(one), median(many)])
        .collect();
    println!("overhead: {rounds} batches of {requests} requests per path, medians, µs per request");
    println!("overhead: | path | concurrency 1 | concurrency 32 |");
    println!("overhead: |---|---|---|");
    let generated_32 = medians[2][1];
    for (path, [one, many]) in PATHS.iter().zip(&medians) {
        println!(
            "overhead: | {path} | {one:.1} µs | {many:.1} µs ({:.2}× the generated call) |",
            many / generated_32
        );
    }
    for (path, (seconds, count)) in PATHS.iter().zip(&cpu) {
        println!(
            "overhead: CPU per request at concurrency 32 (all threads, server included): {path}: \
             {:.1} µs",
            seconds * 1e6 / (*count).max(1) as f64
        );
    }
    // Where the cost goes, one step at a time (each against the step before).
    for (step, from, to) in [
        ("reqwest set up for authenticated calls", 2, 6),
        ("validating the body first", 6, 7),
        ("the attempt loop (pacing, span, classification)", 7, 5),
        ("exactly-once bookkeeping (name lock, baseline)", 5, 3),
        ("awaiting the builder instead of send() (one box)", 3, 8),
    ] {
        println!(
            "overhead: step at concurrency 32: {step}: {:.3}× ({:+.1} µs per request)",
            medians[to][1] / medians[from][1],
            medians[to][1] - medians[from][1]
        );
    }
    println!(
        "overhead: create_office / generated call at concurrency 32: {:.3} (goal <= 1.10)",
        medians[3][1] / generated_32
    );
    println!(
        "overhead: create_office / generated call with the same reqwest settings (bearer \
         header, user agent, no redirects) at concurrency 32: {:.3}",
        medians[3][1] / medians[6][1]
    );
}
