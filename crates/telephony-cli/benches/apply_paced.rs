//! `telephony apply` of a manifest with both vendors — N Dialpad offices and N Webex operating
//! modes, each client paced at 100/s — against the mock limited to 100/s per vendor (release
//! build; the mock runs in this process, the command in its own). The two vendors run at once,
//! so the ideal is N / 100 s, not 2N / 100 s. Prints the elapsed time against that ideal (as a
//! ratio: the goal is at most 1.03), the 429s the mock answered, and when each vendor's first
//! and last outcomes were journaled (both vendors should span the same seconds). Figures only.
//!
//!     cargo bench -p telephony-cli --bench apply_paced
//!
//! APPLY_PACED_ITEMS sets N (default 500: a 5 s ideal).

use std::time::{Duration, Instant};

use telephony_fixtures::cli;
use telephony_fixtures::mock::{self, answered_in};
use telephony_mock::RateLimit;

const PER_SECOND: u32 = 100;
const OFFICES: &str = "POST /api/v2/offices";
const MODES: &str = "POST /v1/telephony/config/operatingModes";

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let items: usize = match std::env::var("APPLY_PACED_ITEMS") {
        Ok(text) => text
            .parse()
            .unwrap_or_else(|_| panic!("APPLY_PACED_ITEMS=`{text}` is not a count")),
        Err(_) => 500,
    };
    let limit = RateLimit {
        count: PER_SECOND,
        per: Duration::from_secs(1),
    };
    let mock = mock::start(mock::limited(limit)).await;
    let dir = std::env::temp_dir().join(format!("apply-paced-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let manifest = dir.join("sites.yaml");
    let journal = dir.join("sites.journal.jsonl");
    // At most 100 modes per location, the spec's limit per scope.
    let text = cli::manifest(items, items, items.div_ceil(100));
    std::fs::write(&manifest, text).expect("manifest");
    let mut command = cli::against(cli::command(env!("CARGO_BIN_EXE_telephony")), &mock);
    command
        .args(["apply", manifest.to_str().expect("path")])
        .args(["--dialpad-rate", &format!("{PER_SECOND}/s")])
        .args(["--webex-rate", &format!("{PER_SECOND}/s")])
        .args(["--concurrency", "8"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    let started = Instant::now();
    let started_at = chrono::Utc::now().timestamp_millis();
    let status = tokio::task::spawn_blocking(move || command.status())
        .await
        .expect("joined")
        .expect("runs");
    let elapsed = started.elapsed().as_secs_f64();
    let stats = mock.stats();
    // Answers to `route` whose status `wanted` picks.
    let answers = |route: &str, wanted: fn(&str) -> bool| answered_in(&stats, route, wanted);
    let created = |status: &str| status.starts_with('2');
    let limited = |status: &str| status == "429";
    let throttled: u64 = stats["requests"]
        .as_object()
        .into_iter()
        .flat_map(|routes| routes.values())
        .filter_map(|by_status| by_status["429"].as_u64())
        .sum();
    // Both vendors at once, each at PER_SECOND: the slower of the two streams.
    let ideal = items as f64 / f64::from(PER_SECOND);
    println!(
        "apply: {items} offices + {items} modes, each vendor at {PER_SECOND}/s against a mock \
         limited to {PER_SECOND}/s per vendor: exit {}, {elapsed:.3} s (parallel ideal \
         {ideal:.1} s, ratio {:.3}; one after the other would be {:.1} s), created {} offices \
         and {} modes, {throttled} answers of 429 ({} to office creates, {} to mode creates)",
        status.code().unwrap_or(-1),
        elapsed / ideal,
        2.0 * ideal,
        answers(OFFICES, created),
        answers(MODES, created),
        answers(OFFICES, limited),
        answers(MODES, limited),
    );
    for (vendor, first, last, outcomes) in spans(&journal) {
        let span = (last - first) as f64 / 1000.0;
        println!(
            "  {vendor}: {outcomes} outcomes journaled from {:.3} s to {:.3} s ({:.1}/s)",
            (first - started_at) as f64 / 1000.0,
            (last - started_at) as f64 / 1000.0,
            outcomes.saturating_sub(1) as f64 / span.max(f64::EPSILON)
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Each vendor's outcomes in the journal: when its first and its last were written (Unix
/// milliseconds), and how many.
fn spans(journal: &std::path::Path) -> Vec<(String, i64, i64, usize)> {
    let mut by_vendor: std::collections::BTreeMap<String, Vec<i64>> = Default::default();
    for line in std::fs::read_to_string(journal).unwrap_or_default().lines() {
        let Ok(entry) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let at = entry["at"]
            .as_str()
            .and_then(|at| chrono::DateTime::parse_from_rfc3339(at).ok());
        if let (Some(vendor), Some(at)) = (entry["vendor"].as_str(), at) {
            by_vendor
                .entry(vendor.to_string())
                .or_default()
                .push(at.timestamp_millis());
        }
    }
    by_vendor
        .into_iter()
        .map(|(vendor, times)| {
            let first = times.iter().min().copied().unwrap_or_default();
            let last = times.iter().max().copied().unwrap_or_default();
            (vendor, first, last, times.len())
        })
        .collect()
}
