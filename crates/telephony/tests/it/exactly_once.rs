//! The billing-safe creates against the mock: an unknown outcome is read back, never resent blind.

use std::time::Duration;

use telephony::{Error, Outcome};
use telephony_fixtures::bodies::{mode, mode_at, office_named, typed_office_named};
use telephony_fixtures::clients::{dialpad, settling, webex};
use telephony_fixtures::mock::{self, quiet, status};
use telephony_mock::{Fault, MockConfig, MockHandle, Operation, Vendor};

/// A mock whose office listings come two to a page, so that read-backs page.
async fn paged() -> MockHandle {
    mock::start(MockConfig {
        dialpad_page_size: 2,
        ..mock::unlimited()
    })
    .await
}

/// The outcome of a create whose first attempt made the resource `id` and was read back.
fn found_first<T>(id: T) -> Outcome<T> {
    Outcome::Found { id, attempts: 1 }
}

/// The ids of the offices named `name`.
fn named(mock: &MockHandle, name: &str) -> Vec<i64> {
    mock.offices()
        .into_iter()
        .filter(|o| o.received["name"] == name)
        .map(|o| o.id)
        .collect()
}

#[tokio::test]
async fn a_reset_after_the_office_was_made_is_read_back_as_found() {
    let mock = paged().await;
    let client = dialpad(&mock, settling(Duration::from_millis(10)));
    for n in 0..3 {
        client
            .create_office_json(&office_named(&format!("Older {n}")))
            .await
            .expect("created");
    }
    mock.push_faults(Vendor::Dialpad, [Fault::ResetAfter]);
    let outcome = client
        .create_office_json(&office_named("Chicago Loop"))
        .await
        .expect("resolved");
    let ids = named(&mock, "Chicago Loop");
    assert_eq!(ids.len(), 1, "exactly one office");
    assert_eq!(outcome, found_first(ids[0]));
}

#[tokio::test]
async fn an_unknown_outcome_that_did_nothing_is_sent_again_once() {
    for fault in [
        status(500, None),
        status(502, None),
        status(504, None),
        Fault::ResetBefore,
    ] {
        let mock = paged().await;
        mock.push_faults(Vendor::Dialpad, [fault]);
        let outcome = dialpad(&mock, settling(Duration::from_millis(10)))
            .create_office_json(&office_named("Chicago Loop"))
            .await
            .expect("created");
        let ids = named(&mock, "Chicago Loop");
        assert_eq!(ids.len(), 1, "{fault}");
        assert_eq!(
            outcome,
            Outcome::Created {
                id: ids[0],
                attempts: 2
            },
            "{fault}"
        );
    }
}

#[tokio::test]
async fn a_same_named_office_that_existed_before_is_not_taken_for_this_creates() {
    let mock = paged().await;
    let client = dialpad(&mock, settling(Duration::from_millis(10)));
    let older = client
        .create_office_json(&office_named("Chicago Loop"))
        .await
        .expect("created")
        .into_id();
    mock.push_faults(Vendor::Dialpad, [status(502, None)]);
    let second = client
        .create_office_json(&office_named("Chicago Loop"))
        .await
        .expect("created");
    assert!(second.is_created(), "{second:?}");
    assert_ne!(*second.id(), older);
    assert_eq!(
        named(&mock, "Chicago Loop").len(),
        2,
        "two offices were asked for"
    );
}

#[tokio::test]
async fn the_settle_delay_is_what_prevents_a_duplicate_after_a_late_commit() {
    let late = Fault::LateCommit {
        millis: 300,
        reset: false,
    };
    // No settling: the read-back comes before the backend commits, finds nothing, and the
    // create is sent again: two offices.
    let hasty = paged().await;
    hasty.push_faults(Vendor::Dialpad, [late]);
    dialpad(&hasty, settling(Duration::ZERO))
        .create_office_json(&office_named("Late"))
        .await
        .expect("created");
    quiet(&hasty).await;
    assert_eq!(
        named(&hasty, "Late").len(),
        2,
        "the duplicate the settle delay prevents"
    );

    // Settling longer than the backend's lag: the read-back finds it; one office.
    for reset in [false, true] {
        let server = paged().await;
        server.push_faults(Vendor::Dialpad, [Fault::LateCommit { millis: 300, reset }]);
        let outcome = dialpad(&server, settling(Duration::from_millis(600)))
            .create_office_json(&office_named("Late"))
            .await
            .expect("resolved");
        quiet(&server).await;
        let ids = named(&server, "Late");
        assert_eq!(ids.len(), 1, "reset {reset}");
        assert_eq!(outcome, found_first(ids[0]));
    }
}

#[tokio::test]
async fn webex_unknown_outcomes_are_read_back_in_the_modes_scope() {
    let mock = paged().await;
    let client = webex(&mock, settling(Duration::from_millis(10)));
    // Same name elsewhere and a name that contains it: neither is taken for this create's.
    client
        .create_operating_mode_json(&mode("Day"))
        .await
        .expect("org level");
    client
        .create_operating_mode_json(&mode_at("Day shift", "LOC-1"))
        .await
        .expect("x");
    mock.push_faults(Vendor::Webex, [Fault::ResetAfter]);
    let outcome = client
        .create_operating_mode_json(&mode_at("Day", "LOC-1"))
        .await
        .expect("resolved");
    let at_location: Vec<String> = mock
        .operating_modes()
        .into_iter()
        .filter(|m| m.received["name"] == "Day" && m.received["locationId"] == "LOC-1")
        .map(|m| m.id)
        .collect();
    assert_eq!(at_location.len(), 1);
    assert_eq!(outcome, found_first(at_location[0].clone()));

    // A late commit with no settling: the create is sent again, Webex answers 409 (the name
    // is taken), and that is read back too — still one mode.
    mock.push_faults(
        Vendor::Webex,
        [Fault::LateCommit {
            millis: 100,
            reset: true,
        }],
    );
    let outcome = webex(&mock, settling(Duration::ZERO).max_attempts(6))
        .create_operating_mode_json(&mode("Night"))
        .org_id("ORG-2")
        .await
        .expect("resolved");
    quiet(&mock).await;
    let night: Vec<_> = mock
        .operating_modes()
        .into_iter()
        .filter(|m| m.received["name"] == "Night")
        .collect();
    assert_eq!(night.len(), 1);
    assert_eq!(outcome.id(), &night[0].id);
}

#[tokio::test]
async fn a_failing_read_back_leaves_the_outcome_ambiguous_and_says_so() {
    let mock = paged().await;
    mock.push_faults(Vendor::Dialpad, [Fault::ResetAfter]);
    let failing = status(500, None);
    let no_patience = settling(Duration::from_millis(5))
        .read_attempts(2)
        .read_back_patience(Duration::ZERO);
    let client = dialpad(&mock, no_patience);
    let baseline = client.baseline().await.expect("baseline");
    mock.push_faults_to(Operation::ListOffices, [failing; 2]);
    let err = client
        .create_office(&typed_office_named("Chicago Loop"))
        .baseline(&baseline)
        .await
        .unwrap_err();
    assert!(err.is_ambiguous(), "{err:?}");
    assert!(err.to_string().contains("reading back"), "{err}");
}

#[tokio::test]
async fn a_read_back_that_fails_for_a_while_is_tried_again_within_its_patience() {
    let mock = paged().await;
    mock.push_faults(Vendor::Dialpad, [Fault::ResetAfter]);
    let failing = status(500, None);
    // Each read gives up after 2 attempts; the read-back is tried again until it answers.
    let patient = settling(Duration::from_millis(5))
        .read_attempts(2)
        .read_back_patience(Duration::from_secs(30));
    let client = dialpad(&mock, patient);
    let baseline = client.baseline().await.expect("baseline");
    mock.push_faults_to(Operation::ListOffices, [failing; 5]);
    let outcome = client
        .create_office(&typed_office_named("Chicago Loop"))
        .baseline(&baseline)
        .await
        .expect("found once the listing answers");
    assert!(matches!(outcome, Outcome::Found { .. }), "{outcome:?}");
    assert_eq!(mock.offices().len(), 1, "created once");
}

#[tokio::test]
async fn when_every_attempt_did_nothing_the_create_is_surely_not_created() {
    let mock = paged().await;
    let gateway = status(502, None);
    mock.push_faults(Vendor::Dialpad, [gateway; 3]);
    let err = dialpad(&mock, settling(Duration::from_millis(5)).max_attempts(3))
        .create_office_json(&office_named("Chicago Loop"))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::NotCreated {
                attempts: 3,
                status: Some(502),
                ..
            }
        ),
        "{err:?}"
    );
    assert!(mock.offices().is_empty());
}

#[tokio::test]
async fn listings_page_through_everything_and_reads_are_retried() {
    use futures_util::TryStreamExt;
    let mock = paged().await;
    let client = dialpad(&mock, settling(Duration::ZERO));
    for n in 0..5 {
        client
            .create_office_json(&office_named(&format!("Office {n}")))
            .await
            .expect("created");
    }
    mock.push_faults_to(
        Operation::ListOffices,
        [Fault::ResetBefore, status(503, None)],
    );
    let pages: Vec<_> = client.offices().pages().try_collect().await.expect("pages");
    assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), [2, 2, 1]);
    let first = i64::from(pages[0][0].id.expect("id"));
    let office = client.get_office(first).await.expect("get");
    assert_eq!(office.name.as_deref(), Some("Office 0"));
    let missing = client.get_office(42).await.unwrap_err();
    assert!(
        matches!(missing, Error::Api { status: 404, .. }),
        "{missing:?}"
    );

    let webex = webex(&mock, settling(Duration::ZERO));
    for name in ["Alpha", "Beta", "Gamma", "Alpine"] {
        webex
            .create_operating_mode_json(&mode_at(name, "LOC-9"))
            .await
            .expect("mode");
    }
    let names: Vec<String> = webex
        .operating_modes()
        .location("LOC-9")
        .page_size(1)
        .items()
        .map_ok(|m| m.name)
        .try_collect()
        .await
        .expect("list");
    assert_eq!(names, ["Alpha", "Alpine", "Beta", "Gamma"]);
    let contains: Vec<String> = webex
        .operating_modes()
        .name_contains("alp")
        .items()
        .map_ok(|m| m.name)
        .try_collect()
        .await
        .expect("list");
    assert_eq!(contains, ["Alpha", "Alpine"]);
    let id = mock.operating_modes()[0].id.clone();
    let details = webex.get_operating_mode(&id).await.expect("get");
    assert_eq!(details.name, "Alpha");
    assert_eq!(details.location.map(|l| l.id).as_deref(), Some("LOC-9"));
}

#[tokio::test]
async fn not_created_is_confirmed_after_a_longer_wait_so_a_late_commit_is_found() {
    // One attempt, answered 504, committed 300 ms later: the read-back after the settle delay
    // (5 ms) finds nothing. Before "not created" is said, a last read-back after the confirm
    // delay finds the office.
    for vendor in [Vendor::Dialpad, Vendor::Webex] {
        let mock = paged().await;
        mock.push_faults(
            vendor,
            [Fault::LateCommit {
                millis: 300,
                reset: false,
            }],
        );
        let patient = settling(Duration::from_millis(5))
            .max_attempts(1)
            .confirm_delay(Duration::from_millis(900));
        let outcome = match vendor {
            Vendor::Dialpad => dialpad(&mock, patient)
                .create_office_json(&office_named("Late"))
                .await
                .map(|o| o.map_id(|id| id.to_string())),
            _ => {
                webex(&mock, patient)
                    .create_operating_mode_json(&mode("Late"))
                    .await
            }
        };
        quiet(&mock).await;
        assert!(
            matches!(outcome, Ok(Outcome::Found { attempts: 1, .. })),
            "{vendor:?}: {outcome:?}"
        );
    }
    // Nothing committed at all: "not created", saying it was confirmed.
    let mock = paged().await;
    mock.push_faults(Vendor::Dialpad, [status(502, None)]);
    let err = dialpad(&mock, settling(Duration::from_millis(5)).max_attempts(1))
        .create_office_json(&office_named("Never"))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::NotCreated { .. }), "{err:?}");
    assert!(
        err.to_string().contains("confirmed by reading back"),
        "{err}"
    );
}

#[tokio::test]
async fn read_backs_waiting_at_once_share_a_listing_and_each_finds_its_own_office() {
    const CREATES: usize = 8;
    // One page holds every office, so that a listing is one request.
    let mock = mock::mock().await;
    let listings = || mock::answered(&mock, "GET /api/v2/offices");
    let client = dialpad(&mock, settling(Duration::from_millis(50)));
    let baseline = client.baseline().await.expect("baseline");
    let before = listings();
    // Every create is carried out and its answer lost: each one is read back. The first
    // read-back's listing is slow, so that the others begin waiting while it runs; they may
    // not use it (it started before they began waiting) and share the next one instead.
    mock.push_faults(Vendor::Dialpad, [Fault::ResetAfter; CREATES]);
    mock.push_faults_to(Operation::ListOffices, [Fault::Latency { millis: 300 }]);
    let offices: Vec<_> = (0..CREATES)
        .map(|n| typed_office_named(&format!("Shared {n}")))
        .collect();
    let outcomes = futures_util::future::join_all(
        offices
            .iter()
            .map(|office| client.create_office(office).baseline(&baseline).send()),
    )
    .await;
    let read_backs = listings() - before;
    eprintln!("{CREATES} unknown outcomes read back with {read_backs} listings");
    assert!(
        read_backs <= CREATES as u64 / 2,
        "{read_backs} listings for {CREATES} read-backs waiting at once"
    );
    for (n, outcome) in outcomes.into_iter().enumerate() {
        let ids = named(&mock, &format!("Shared {n}"));
        assert_eq!(ids.len(), 1, "exactly one office named Shared {n}");
        assert_eq!(
            outcome.expect("resolved"),
            found_first(ids[0]),
            "Shared {n} found its own office"
        );
    }
    assert_eq!(mock.offices().len(), CREATES, "nothing created twice");
}
