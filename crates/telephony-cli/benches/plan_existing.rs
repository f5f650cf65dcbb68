//! The cost of `telephony plan` when everything exists: a Webex diff needs one `get` per
//! existing mode (a listing does not carry a mode's schedule), paced like every read. N modes
//! over N/100 locations are applied first (unpaced), then planned twice: unpaced (the cost of
//! the work itself), and with Webex reads paced at 100/s, against the ideal of the reads it must
//! make (N gets and N/100 listing pages) at that rate — the goal is a ratio of at most 1.05.
//! Release build; the mock runs in this process, the command in its own. Figures only.
//!
//!     cargo bench -p telephony-cli --bench plan_existing
//!
//! PLAN_EXISTING_MODES sets N (default 2,000).

use std::time::Instant;

use telephony_fixtures::cli;
use telephony_fixtures::mock::{self, answered};

const PER_SECOND: u32 = 100;
const GET: &str = "GET /v1/telephony/config/operatingModes/{modeId}";
const LIST: &str = "GET /v1/telephony/config/operatingModes";

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let modes: usize = match std::env::var("PLAN_EXISTING_MODES") {
        Ok(text) => text
            .parse()
            .unwrap_or_else(|_| panic!("PLAN_EXISTING_MODES=`{text}` is not a count")),
        Err(_) => 2_000,
    };
    let mock = mock::start(mock::unlimited()).await;
    let dir = std::env::temp_dir().join(format!("plan-existing-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let manifest = dir.join("sites.yaml");
    // At most 100 modes per location, the spec's limit per scope.
    std::fs::write(&manifest, cli::manifest(0, modes, modes.div_ceil(100))).expect("manifest");
    let path = manifest.to_str().expect("path").to_string();
    let run = |args: Vec<String>| {
        let mut command = cli::against(cli::command(env!("CARGO_BIN_EXE_telephony")), &mock);
        command
            .args(&args)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        async move {
            let started = Instant::now();
            let status = tokio::task::spawn_blocking(move || command.status())
                .await
                .expect("joined")
                .expect("runs");
            (status.code().unwrap_or(-1), started.elapsed().as_secs_f64())
        }
    };
    let unpaced = |command: &str| {
        vec![
            command.to_string(),
            path.clone(),
            "--webex-rate".into(),
            "off".into(),
        ]
    };
    let mut apply = unpaced("apply");
    apply.extend(["--concurrency".to_string(), "16".to_string()]);
    let (applied, _) = run(apply).await;
    let (gets, lists) = (answered(&mock, GET), answered(&mock, LIST));
    let (code, fast) = run(unpaced("plan")).await;
    let reads = (answered(&mock, GET) - gets) + (answered(&mock, LIST) - lists);
    let paced = vec![
        "plan".to_string(),
        path.clone(),
        "--webex-rate".into(),
        format!("{PER_SECOND}/s"),
    ];
    let (paced_code, slow) = run(paced).await;
    let ideal = reads as f64 / f64::from(PER_SECOND);
    println!(
        "plan of {modes} existing modes (apply exit {applied}): {reads} reads each time; \
         unpaced {fast:.3} s (exit {code}, {:.0} reads/s); paced at {PER_SECOND}/s \
         {slow:.3} s (exit {paced_code}; ideal {ideal:.2} s, ratio {:.3})",
        reads as f64 / fast.max(f64::EPSILON),
        slow / ideal.max(f64::EPSILON),
    );
    let _ = std::fs::remove_dir_all(&dir);
}
