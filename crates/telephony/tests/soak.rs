//! A small fault soak (200 billing-safe creates per vendor, every fault on): no duplicates and
//! no outcome reported wrongly. Correctness only; the full run with figures is the
//! `fault_soak` bench.

mod support;

use support::soak;
use telephony_mock::Vendor;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_creates_under_every_fault_end_known_and_never_duplicated() {
    for (vendor, seed) in [(Vendor::Dialpad, 11), (Vendor::Webex, 12)] {
        let report = soak::run(vendor, 200, 16, seed).await;
        println!("{vendor:?}: {report:?}");
        assert_eq!(report.duplicates, 0, "{vendor:?}: {report:?}");
        assert_eq!(report.wrongly_reported, 0, "{vendor:?}: {report:?}");
        assert_eq!(
            report.created + report.found + report.not_created + report.ambiguous,
            200
        );
        assert!(
            report.found > 0,
            "the faults made some outcomes unknown: {report:?}"
        );
    }
}
