//! `plan` and `apply` a month later, against the mock: the manifest edited as an admin would
//! (hours, a forwarding number, a holiday, an E911 address, a site removed, a rename), the plan
//! field by field, `apply` updating in place, what the vendors' APIs cannot change said
//! plainly, `--prune`, and a plan after a converged apply that finds nothing to do.

use serde_json::Value;
use telephony_fixtures::mock::answered;
use telephony_fixtures::snapshots::snapshots;

use crate::command::{against, creates, example, held, journal, mock, redact, run, stderr, stdout};

/// The example manifest, applied, in a directory of its own.
async fn applied(mock: &telephony_mock::MockHandle) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("dir");
    let sites = dir.path().join("sites.yaml");
    std::fs::copy(example(), &sites).expect("copy");
    let sites = sites.to_str().expect("path").to_string();
    let first = run(against(mock, &["apply", &sites])).await;
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    (dir, sites)
}

/// The example, edited: each `(from, to)` replaced once (it must be there).
fn edited(path: &str, edits: &[(&str, &str)]) {
    let mut text = std::fs::read_to_string(path).expect("read");
    for (from, to) in edits {
        assert!(text.contains(from), "the example has {from:?}");
        text = text.replacen(from, to, 1);
    }
    std::fs::write(path, text).expect("write");
}

fn plan_json(output: &std::process::Output) -> Value {
    serde_json::from_slice(&output.stdout).expect("JSON")
}

/// The month-later edits: a mode's forwarding number, the Mountain hours (an office's and a
/// mode's), a holiday added, an office's E911 street, and the Denver mode replaced by another.
const MONTH_LATER: [(&str, &str); 5] = [
    (
        r#"destination: "+13125550100""#,
        r#"destination: "+13125550111""#,
    ),
    (
        r#"weekdays: ["07:30-16:30"]"#,
        r#"weekdays: ["08:00-17:00"]"#,
    ),
    (
        "      - name: Thanksgiving\n",
        "      - name: Company Day\n        date: 2027-03-05\n      - name: Thanksgiving\n",
    ),
    (
        "        address: 233 S Wacker Dr\n",
        "        address: 233 S Wacker Dr Fl 2\n",
    ),
    (
        "    - name: Denver business hours\n      schedule: us-mountain\n",
        "    - name: Denver summer hours\n      schedule: us-mountain\n",
    ),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_month_later_plan_shows_each_field_and_apply_changes_what_the_vendors_allow() {
    let mock = mock("").await;
    let (dir, sites) = applied(&mock).await;
    edited(&sites, &MONTH_LATER);
    let before = creates(&mock);

    let _snapshots = snapshots().bind_to_scope();
    let plan = run(against(&mock, &["plan", &sites])).await;
    assert_eq!(
        plan.status.code(),
        Some(4),
        "changes pending: {}",
        stderr(&plan)
    );
    insta::assert_snapshot!(
        "converge__month_later_plan",
        redact(&stdout(&plan), dir.path())
    );

    let json = plan_json(&run(against(&mock, &["plan", &sites, "--output", "json"])).await);
    let chicago = json["plan"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["name"] == "Chicago business hours")
        .expect("the Chicago mode");
    assert_eq!(chicago["action"], "update");
    assert!(
        chicago["changes"]
            .as_array()
            .expect("changes")
            .iter()
            .any(|c| c["path"] == "callForwarding.destination"
                && c["old"] == "+13125550100"
                && c["new"] == "+13125550111"),
        "{chicago}"
    );

    let apply = run(against(&mock, &["apply", &sites])).await;
    assert_eq!(apply.status.code(), Some(4), "{}", stderr(&apply));
    assert!(
        stderr(&apply).contains("cannot change"),
        "{}",
        stderr(&apply)
    );
    insta::assert_snapshot!(
        "converge__month_later_apply",
        redact(&stdout(&apply), dir.path())
    );
    // "Denver summer hours" is new: one create; nothing else is created.
    assert_eq!(creates(&mock), before + 1);
    let modes = mock.operating_modes();
    let chicago = modes
        .iter()
        .find(|m| m.received["name"] == "Chicago business hours")
        .expect("held");
    assert_eq!(
        chicago.received["callForwarding"]["destination"],
        "+13125550111"
    );
    let recorded = journal(&dir.path().join("sites.journal.jsonl"));
    assert_eq!(recorded["Chicago business hours"]["outcome"], "updated");
    assert_eq!(recorded["Denver Union Station"]["outcome"], "unchangeable");

    // What is left is what Dialpad cannot change, and the mode the manifest no longer names.
    let again = plan_json(&run(against(&mock, &["plan", &sites, "--output", "json"])).await);
    let left: Vec<(&str, &str)> = again["plan"]
        .as_array()
        .expect("items")
        .iter()
        .filter(|i| i["action"] != "unchanged")
        .map(|i| {
            (
                i["name"].as_str().unwrap_or(""),
                i["action"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(left, [("Denver Union Station", "cannot")]);
    let unnamed = again["unnamed"].as_array().expect("unnamed");
    assert!(
        unnamed
            .iter()
            .any(|u| u["name"] == "Denver business hours" && u["action"] == "keep"),
        "{unnamed:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_converged_apply_plan_finds_nothing_to_do() {
    let mock = mock("").await;
    let (dir, sites) = applied(&mock).await;
    edited(&sites, &[MONTH_LATER[0], MONTH_LATER[2], MONTH_LATER[3]]);
    let apply = run(against(&mock, &["apply", &sites])).await;
    assert_eq!(apply.status.code(), Some(0), "{}", stderr(&apply));
    let updates = answered(&mock, "PUT /v1/telephony/config/operatingModes/{modeId}")
        + answered(&mock, "PUT /api/v2/offices/{id}/e911");
    assert!(updates >= 3, "two modes and an office updated: {updates}");
    let plan = run(against(&mock, &["plan", &sites])).await;
    assert_eq!(plan.status.code(), Some(0), "{}", stdout(&plan));
    assert!(stdout(&plan).contains("Nothing to do"), "{}", stdout(&plan));
    let second = run(against(&mock, &["apply", &sites])).await;
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    assert!(stdout(&second).contains("0 updated"), "{}", stdout(&second));
    drop(dir);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rename_with_was_updates_in_place_and_an_office_rename_is_refused_not_duplicated() {
    let mock = mock("").await;
    let (_dir, sites) = applied(&mock).await;
    edited(
        &sites,
        &[
            (
                "    - name: Chicago business hours\n",
                "    - name: Chicago opening hours\n      was: Chicago business hours\n",
            ),
            (
                "    - name: Denver Union Station\n",
                "    - name: Denver Union Station West\n      was: Denver Union Station\n",
            ),
        ],
    );
    let before = creates(&mock);
    let plan = plan_json(&run(against(&mock, &["plan", &sites, "--output", "json"])).await);
    let action = |name: &str| {
        plan["plan"]
            .as_array()
            .expect("items")
            .iter()
            .find(|i| i["name"] == name)
            .map(|i| i["action"].as_str().unwrap_or("").to_string())
    };
    assert_eq!(action("Chicago opening hours").as_deref(), Some("update"));
    assert_eq!(
        action("Denver Union Station West").as_deref(),
        Some("cannot")
    );
    let apply = run(against(&mock, &["apply", &sites])).await;
    assert_eq!(apply.status.code(), Some(4), "{}", stderr(&apply));
    assert_eq!(creates(&mock), before, "a rename creates nothing");
    let names = held(&mock);
    assert!(names.contains_key("Chicago opening hours"), "{names:?}");
    assert!(!names.contains_key("Chicago business hours"), "{names:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn prune_deletes_only_when_confirmed_and_never_an_office() {
    let mock = mock("").await;
    let (_dir, sites) = applied(&mock).await;
    edited(&sites, &[MONTH_LATER[4]]);
    let modes = mock.operating_modes().len();
    let unconfirmed = run(against(&mock, &["apply", &sites, "--prune"])).await;
    assert_eq!(
        unconfirmed.status.code(),
        Some(2),
        "{}",
        stderr(&unconfirmed)
    );
    assert!(
        stderr(&unconfirmed).contains("--yes"),
        "{}",
        stderr(&unconfirmed)
    );
    assert_eq!(mock.operating_modes().len(), modes, "nothing deleted");

    let plan = run(against(&mock, &["plan", &sites, "--prune"])).await;
    assert_eq!(plan.status.code(), Some(4));
    assert!(
        stdout(&plan).contains("- webex mode \"Denver business hours\""),
        "{}",
        stdout(&plan)
    );
    let offices = mock.offices().len();
    let pruned = run(against(&mock, &["apply", &sites, "--prune", "--yes"])).await;
    assert_eq!(pruned.status.code(), Some(0), "{}", stderr(&pruned));
    let names = held(&mock);
    assert!(!names.contains_key("Denver business hours"), "{names:?}");
    assert_eq!(mock.offices().len(), offices, "offices are never deleted");
    let plan = run(against(&mock, &["plan", &sites, "--prune"])).await;
    assert_eq!(plan.status.code(), Some(0), "{}", stdout(&plan));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_office_without_billing_is_fine_while_it_exists_and_refused_before_a_create() {
    let mock = mock("").await;
    let (_dir, sites) = applied(&mock).await;
    let billing = "      currency: USD\n      plan_period: monthly\n";
    edited(&sites, &[(billing, "")]);
    let plan = run(against(&mock, &["plan", &sites])).await;
    assert_eq!(
        plan.status.code(),
        Some(0),
        "exists, so no billing needed: {}",
        stderr(&plan)
    );
    edited(
        &sites,
        &[(
            "    - name: Chicago Loop\n",
            "    - name: Chicago River North\n",
        )],
    );
    let before = creates(&mock);
    let apply = run(against(&mock, &["apply", &sites])).await;
    assert_eq!(apply.status.code(), Some(1), "{}", stderr(&apply));
    assert!(
        stderr(&apply).contains("needed to create this office"),
        "{}",
        stderr(&apply)
    );
    assert!(stderr(&apply).contains("currency"), "{}", stderr(&apply));
    assert_eq!(creates(&mock), before, "nothing was sent");
}
