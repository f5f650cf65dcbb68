//! Fault soak: 1,000 billing-safe creates per vendor against the mock with every fault on
//! (429 at 0.1; 423, 503, 503 with `Retry-After: 1`, 500, 502, 504, reset before, reset after,
//! 20 ms latency and a late commit 200 ms after a 504, at 0.05 each), release build, 32 at a
//! time. Prints how the creates ended, checked against what the mock holds. Figures only; the
//! goals (no duplicate, nothing reported wrongly, nothing left unknown) are asserted by the
//! smaller `soak` test.
//!
//!     cargo bench -p telephony --bench fault_soak [-- CREATES]

#[path = "../tests/support/soak.rs"]
mod soak;

use telephony_mock::Vendor;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let creates = std::env::args()
        .skip(1)
        .find_map(|arg| arg.parse().ok())
        .unwrap_or(1000);
    println!("fault plan: {}", soak::FAULT_PLAN);
    println!(
        "settle delay {:?}; {creates} creates per vendor, 32 at a time",
        soak::SETTLE
    );
    println!(
        "{:<8} {:>8} {:>8} {:>8} {:>12} {:>10} {:>11} {:>17} {:>9} {:>8}",
        "vendor",
        "creates",
        "created",
        "found",
        "not created",
        "ambiguous",
        "duplicates",
        "wrongly reported",
        "requests",
        "seconds"
    );
    for (vendor, seed) in [(Vendor::Dialpad, 1), (Vendor::Webex, 2)] {
        let r = soak::run(vendor, creates, 32, seed).await;
        println!(
            "{:<8} {:>8} {:>8} {:>8} {:>12} {:>10} {:>11} {:>17} {:>9} {:>8.1}",
            vendor.name(),
            r.creates,
            r.created,
            r.found,
            r.not_created,
            r.ambiguous,
            r.duplicates,
            r.wrongly_reported,
            r.requests,
            r.elapsed.as_secs_f64()
        );
        for reason in &r.reasons {
            println!("    {reason}");
        }
    }
}
