//! `telephony apply` of 500 Dialpad offices at a client rate of 100/s against the mock limited
//! to 100/s (release build; the mock runs in this process, the command in its own). Prints the
//! elapsed time against the ideal (500 / 100 = 5 s) and the 429s the mock answered. Figures
//! only.
//!
//!     cargo bench -p telephony-cli --bench apply_paced

use std::time::{Duration, Instant};

use telephony_mock::{MockConfig, MockServer, RateLimit};

const ITEMS: usize = 500;
const PER_SECOND: u32 = 100;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let mock = MockServer::start(MockConfig {
        dialpad_rate: Some(RateLimit {
            count: PER_SECOND,
            per: Duration::from_secs(1),
        }),
        ..MockConfig::default()
    })
    .await
    .expect("mock");
    let dir = std::env::temp_dir().join(format!("apply-paced-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let manifest = dir.join("sites.yaml");
    let mut text = String::from("dialpad:\n  offices:\n");
    for n in 0..ITEMS {
        text.push_str(&format!(
            "    - {{name: Site {n}, country: CA, currency: CAD, plan_period: monthly, \
             annual_commit_monthly_billing: false, invoiced: false, unified_billing: true, \
             billing_address: {{address_line_1: 1 Main St, city: Toronto, region: \"ON\", \
             postal_code: M5V 1A1, country: CA}}, e911_address: {{address: 1 Main St, \
             city: Toronto, state: \"ON\", zip: M5V 1A1, country: CA}}}}\n"
        ));
    }
    std::fs::write(&manifest, text).expect("manifest");
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_telephony"));
    command
        .env("DIALPAD_API_TOKEN", "bench")
        .env("DIALPAD_BASE_URL", mock.dialpad_url())
        .args(["apply", manifest.to_str().expect("path")])
        .args([
            "--dialpad-rate",
            &format!("{PER_SECOND}/s"),
            "--concurrency",
            "8",
        ])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    let started = Instant::now();
    let status = tokio::task::spawn_blocking(move || command.status())
        .await
        .expect("joined")
        .expect("runs");
    let elapsed = started.elapsed();
    let stats = mock.stats();
    let answers = &stats["requests"]["POST /api/v2/offices"];
    let count = |status: &str| answers[status].as_u64().unwrap_or(0);
    let ideal = ITEMS as f64 / f64::from(PER_SECOND);
    println!(
        "apply: {ITEMS} offices at {PER_SECOND}/s against a mock limited to {PER_SECOND}/s: \
         exit {}, {:.3} s (ideal {ideal:.1} s, ratio {:.3}), {} created, {} answers of 429",
        status.code().unwrap_or(-1),
        elapsed.as_secs_f64(),
        elapsed.as_secs_f64() / ideal,
        count("200"),
        count("429"),
    );
    let _ = std::fs::remove_dir_all(&dir);
}
