//! Change soak: 1,000 mixed actions per vendor — creates, updates and (Webex) deletes, each
//! resource's in order — through the client's safe paths against the mock with every fault on
//! every operation (the fault soak's plan, late commits within the settle delay), then every
//! outcome checked against what the mock holds once every late commit has landed: no
//! duplicate, no lost update, nothing deleted that should stay, every outcome reported as what
//! happened. Release build, 32 sequences at a time. Prints the figures; exits non-zero when a
//! promise broke.
//!
//!     cargo bench -p telephony --bench change_soak [-- ACTIONS]

use telephony_fixtures::change_soak;
use telephony_fixtures::soak::WITHIN_SETTLE;
use telephony_mock::Vendor;

const ACTIONS: usize = 1_000;
const CONCURRENCY: usize = 32;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let actions = std::env::args()
        .skip(1)
        .find_map(|arg| arg.parse().ok())
        .unwrap_or(ACTIONS);
    println!(
        "{actions} actions per vendor, {CONCURRENCY} resources at a time; fault plan: {}",
        WITHIN_SETTLE.plan()
    );
    let mut broken = 0;
    for (vendor, seed) in [(Vendor::Dialpad, 11), (Vendor::Webex, 12)] {
        let r = change_soak::run(vendor, WITHIN_SETTLE, actions, CONCURRENCY, seed).await;
        println!(
            "{vendor:?}: {} creates, {} updates, {} deletes ({} not started): {} done, {} failed, \
             {} unknown; duplicates {}, lost updates {}, updates reported failed but held {}, \
             wrongly deleted {}, reported deleted but present {}, creates wrongly reported {}; \
             {} requests in {:.1} s",
            r.creates,
            r.updates,
            r.deletes,
            r.not_started,
            r.done,
            r.failed,
            r.ambiguous,
            r.duplicates,
            r.lost_updates,
            r.updates_wrongly_failed,
            r.wrongly_deleted,
            r.deleted_but_present,
            r.creates_wrongly_reported,
            r.requests,
            r.elapsed.as_secs_f64(),
        );
        for example in &r.examples {
            println!("  {example}");
        }
        broken += r.broken();
    }
    if broken > 0 {
        println!("BROKEN: {broken} outcomes contradict what the mock holds");
        std::process::exit(1);
    }
    println!("every promise held");
}
