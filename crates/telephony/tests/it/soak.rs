//! A small fault soak (60 billing-safe creates per vendor and scenario, every fault on every
//! operation, reads included, successes without a usable id among them; the default retry
//! policy but a 300 ms settle delay): no duplicate, no outcome reported wrongly, none left
//! ambiguous — except, with a late commit beyond the settle delay, the documented case. The
//! full runs with figures are the `fault_soak` bench.

use std::time::Duration;

use telephony_fixtures::bodies::mode;
use telephony_fixtures::clients::{settling, webex};
use telephony_fixtures::mock::{mock, quiet, status};
use telephony_fixtures::soak::{self, BEYOND_SETTLE, Report, WITHIN_SETTLE};
use telephony_mock::{Fault, Vendor};

const CREATES: usize = 60;
const CONCURRENCY: usize = 16;

/// Both vendors at once, each against its own mock.
async fn both(scenario: soak::Scenario, seeds: (u64, u64)) -> [(Vendor, Report); 2] {
    let (dialpad, webex) = tokio::join!(
        soak::run(Vendor::Dialpad, scenario, CREATES, CONCURRENCY, seeds.0),
        soak::run(Vendor::Webex, scenario, CREATES, CONCURRENCY, seeds.1),
    );
    [(Vendor::Dialpad, dialpad), (Vendor::Webex, webex)]
}

fn every_create_ended(report: &Report) -> bool {
    report.created + report.found + report.not_created + report.ambiguous == report.creates
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn creates_under_every_fault_end_known_and_never_duplicated() {
    for (vendor, report) in both(WITHIN_SETTLE, (11, 12)).await {
        println!("{vendor:?}: {report:#?}");
        assert!(every_create_ended(&report), "{vendor:?}: {report:?}");
        assert_eq!(report.duplicates, 0, "{vendor:?}: {report:?}");
        assert_eq!(report.wrongly_reported(), 0, "{vendor:?}: {report:?}");
        assert_eq!(report.ambiguous, 0, "{vendor:?}: {report:?}");
        // The faults did their work: outcomes were unknown, successes came without an id.
        assert!(report.met_unknown > 0, "{vendor:?}: {report:?}");
        assert!(report.met_unusable_success > 0, "{vendor:?}: {report:?}");
        assert!(report.found > 0, "{vendor:?}: {report:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_late_commit_beyond_the_settle_delay_breaks_only_the_documented_promises() {
    for (vendor, report) in both(BEYOND_SETTLE, (13, 14)).await {
        println!("{vendor:?}: {report:#?}");
        assert!(every_create_ended(&report), "{vendor:?}: {report:?}");
        if vendor == Vendor::Webex {
            // Webex refuses the second create of a name: never a duplicate.
            assert_eq!(report.duplicates, 0, "{vendor:?}: {report:?}");
        }
        // Created and Found are never wrong; "not created" is, for a commit later than the
        // settle delay plus the confirm delay (documented), whichever error ended the create.
        for kind in report.wrong_by_kind.keys() {
            assert!(
                ["NotCreated", "RateLimited", "Transport", "Api"].contains(&kind.as_str()),
                "{vendor:?}: wrongly reported as {kind}: {report:?}"
            );
        }
        // Ambiguous only where a read-back found two new offices of the name (Dialpad).
        assert_eq!(
            report.ambiguous, report.ambiguous_duplicated,
            "{vendor:?}: {report:?}"
        );
        assert!(report.met_unknown > 0, "{vendor:?}: {report:?}");
    }
}

/// The read-back that confirms "not created" after `confirm_delay` also runs when an earlier
/// attempt's outcome was unknown (a commit later than the settle delay) and the attempts after
/// it were not processed (429, 423, 503): the earlier attempt commits within settle + confirm
/// delay and the create is `Found`, as with the same faults in the other order.
#[tokio::test]
async fn not_created_after_a_late_commit_is_confirmed_too() {
    let unavailable = status(503, None);
    let late = Fault::LateCommit {
        millis: 1000,
        reset: false,
    };
    let mock = mock().await;
    let client = webex(&mock, settling(Duration::from_millis(300)));
    // Committed 1 s after its 504, within settle (300 ms) + confirm delay (900 ms).
    mock.push_faults(Vendor::Webex, [late, unavailable, unavailable, unavailable]);
    let result = client.create_operating_mode_json(&mode("Night")).await;
    quiet(&mock).await;
    assert_eq!(mock.operating_modes().len(), 1, "the mode exists");
    assert!(
        result.as_ref().is_ok_and(|o| !o.is_created()),
        "expected Found, got {result:?}"
    );
}
