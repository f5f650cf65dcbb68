//! Hostile load against the `telephony-mock` binary (release build, its own process, rate
//! limits off), with its memory read from /proc. Prints:
//! - the largest answer to a 1 MB office whose `monday_hours` holds ~200,000 bad entries
//!   (goal: at most 64 KiB);
//! - peak RSS above idle while 8 such requests run at once (goal: at most 64 MB);
//! - latency (p50, p99) of 200 normal creates while 300 connections sit on half-sent headers
//!   (goal: p99 at most 50 ms);
//! - RSS before and after `DELETE /_mock/state`, with the store filled by 1 MB offices.
//!
//! Figures only. `cargo bench -p telephony-mock --bench hostile`

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use telephony_fixtures::bodies::spec_office;
use tokio::io::AsyncWriteExt;

/// A /proc/PID/status field in kB, as MB.
fn memory(pid: u32, field: &str) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix(field))
        .and_then(|rest| {
            rest.trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<f64>()
                .ok()
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

#[tokio::main]
async fn main() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_telephony-mock"))
        .args(["--listen", "127.0.0.1:0", "--dialpad-rate", "off"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the mock starts");
    let pid = child.id();
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("a line");
    let url = line
        .trim_end()
        .trim_start_matches("listening on ")
        .to_string();
    let addr = url.trim_start_matches("http://").to_string();
    let client = reqwest::Client::new();
    let offices = format!("{url}/api/v2/offices");
    tokio::time::sleep(Duration::from_millis(200)).await;
    let idle = memory(pid, "VmRSS:");

    let mut bad = spec_office();
    bad["monday_hours"] = Value::Array(vec![json!("x"); 200_000]);
    let bad = serde_json::to_vec(&bad).expect("body");
    let answer = client
        .post(&offices)
        .bearer_auth("k")
        .header("content-type", "application/json")
        .body(bad.clone())
        .send()
        .await
        .expect("answered");
    let status = answer.status();
    let size = answer.bytes().await.expect("body").len();
    println!(
        "hostile: a {:.2} MB body of bad entries got {status} with {size} bytes (goal <= 65536)",
        bad.len() as f64 / 1e6
    );

    let parallel: Vec<_> = (0..8)
        .map(|_| {
            let (client, offices, bad) = (client.clone(), offices.clone(), bad.clone());
            tokio::spawn(async move {
                client
                    .post(&offices)
                    .bearer_auth("k")
                    .header("content-type", "application/json")
                    .body(bad)
                    .send()
                    .await
                    .map(|a| a.status().as_u16())
            })
        })
        .collect();
    for task in parallel {
        let _ = task.await;
    }
    let peak = memory(pid, "VmHWM:");
    println!(
        "hostile: RSS idle {idle:.1} MB, peak with 8 such requests at once {peak:.1} MB \
         ({:.1} MB above idle; goal <= 64)",
        peak - idle
    );

    let mut slow = Vec::new();
    for _ in 0..300 {
        if let Ok(mut stream) = tokio::net::TcpStream::connect(&addr).await {
            let _ = stream
                .write_all(b"POST /api/v2/offices HTTP/1.1\r\nHost: m\r\n")
                .await;
            slow.push(stream);
        }
    }
    let body = spec_office();
    let mut latencies = Vec::new();
    for _ in 0..200 {
        let started = Instant::now();
        let answered = client
            .post(&offices)
            .bearer_auth("k")
            .json(&body)
            .send()
            .await;
        if answered.is_ok_and(|a| a.status().is_success()) {
            latencies.push(started.elapsed());
        }
    }
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)];
    println!(
        "hostile: with {} slow connections held, {} of 200 normal creates answered, p50 {:.2} ms, \
         p99 {:.2} ms (goal <= 50)",
        slow.len(),
        latencies.len(),
        at(0.50).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3
    );
    drop(slow);

    let mut big = spec_office();
    big["billing_address"]["address_line_1"] = json!("x".repeat(1_000_000));
    let mut kept = 0;
    for _ in 0..150 {
        let answered = client
            .post(&offices)
            .bearer_auth("k")
            .json(&big)
            .send()
            .await;
        if answered.is_ok_and(|a| a.status().is_success()) {
            kept += 1;
        }
    }
    let full = memory(pid, "VmRSS:");
    let _ = client.delete(format!("{url}/_mock/state")).send().await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let after = memory(pid, "VmRSS:");
    println!(
        "hostile: 150 creates of 1 MB offices kept {kept} (the store's cap); RSS {full:.1} MB, \
         {after:.1} MB after the reset (idle {idle:.1} MB)"
    );
    let _ = child.kill();
    let _ = child.wait();
}
