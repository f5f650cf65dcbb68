//! `export` against the mock: hundreds of offices and modes of every kind created through the
//! client, exported, the export validated and planned — nothing to create, nothing to change —
//! and the export of a small fixed set as a snapshot. The resources are in [`resources`].

use std::path::Path;

use futures_util::TryStreamExt;
use serde_json::{Value, json};
use telephony_fixtures::snapshots::snapshots;
use telephony_mock::MockHandle;

use crate::command::{against, mock, run, stderr, stdout, telephony, write};

mod resources;

use resources::{BILLING, billing, create, mode, office};

/// Validates the export at `file`: it must be valid as it is (the billing fields Dialpad does
/// not report are needed only to create an office).
async fn validated(mock: &MockHandle, file: &Path) {
    let path = file.to_str().expect("path");
    let out = run(against(mock, &["validate", path, "--output", "json"])).await;
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(report["valid"], true, "{report:#}");
    assert_eq!(out.status.code(), Some(0));
}

/// A copy of the export at `file` with the billing fields given, so that its offices can be
/// planned as creates against an empty mock.
fn billed(dir: &Path, file: &Path) -> std::path::PathBuf {
    let text = std::fs::read_to_string(file).expect("export");
    let mut manifest: Value = serde_saphyr::from_str(&text).expect("YAML");
    for office in manifest["dialpad"]["offices"]
        .as_array_mut()
        .into_iter()
        .flatten()
    {
        for (key, value) in billing().as_object().expect("billing") {
            office[key] = value.clone();
        }
    }
    write(dir, "billed.json", &manifest.to_string())
}

/// Plans `file` and checks that nothing is to be done; returns how many items it holds.
async fn nothing_to_do(mock: &MockHandle, file: &Path) -> usize {
    let out = run(against(
        mock,
        &["plan", file.to_str().expect("path"), "--output", "json"],
    ))
    .await;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let plan: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(plan["nothing_to_do"], true, "{plan:#}");
    let items = plan["plan"].as_array().expect("items");
    for item in items {
        let action = item["action"].as_str().expect("action");
        assert_eq!(action, "unchanged", "{item}");
        let changes = item.get("changes").and_then(Value::as_array);
        assert!(changes.is_none_or(Vec::is_empty), "{item}");
    }
    items.len()
}

/// Each body that `file` stands for (as `plan` against an empty mock shows them, to create)
/// against what `mock` reports of the resource of its name: every field the read reports is
/// the body's, and the body has no other field but billing ones and `hours_on`, which Dialpad
/// does not report.
async fn same_fields(mock: &MockHandle, file: &Path, count: usize) {
    let empty = crate::command::mock("").await;
    let path = file.to_str().expect("path");
    let out = run(against(
        &empty,
        &["plan", path, "--show-bodies", "--output", "json"],
    ))
    .await;
    let plan: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let mut reported = std::collections::HashMap::new();
    let dialpad = telephony_fixtures::clients::dialpad(mock, telephony_fixtures::clients::fast());
    let offices: Vec<_> = dialpad
        .offices()
        .items()
        .try_collect()
        .await
        .expect("offices");
    for office in offices.into_iter().rev() {
        let mut fields = serde_json::to_value(&office).expect("JSON");
        for field in [
            "id",
            "office_id",
            "state",
            "is_primary_office",
            "availability_status",
            "phone_numbers",
            "office_settings",
        ] {
            fields[field] = Value::Null;
        }
        reported.insert(office.name.clone().unwrap_or_default(), normal(fields));
    }
    let webex = telephony_fixtures::clients::webex(mock, telephony_fixtures::clients::fast());
    let modes: Vec<_> = webex
        .operating_modes()
        .items()
        .try_collect()
        .await
        .expect("modes");
    for mode in modes {
        let read = webex
            .get_operating_mode(mode.id)
            .send()
            .await
            .expect("read");
        let mut fields = serde_json::to_value(&read).expect("JSON");
        fields["locationId"] = fields["location"]["id"].clone();
        fields["location"] = Value::Null;
        fields["id"] = Value::Null;
        for holiday in fields["holidays"].as_array_mut().into_iter().flatten() {
            holiday["id"] = Value::Null;
        }
        reported.insert(read.name.clone(), normal(fields));
    }
    let items = plan["plan"].as_array().expect("items");
    assert_eq!(items.len(), count);
    for item in items {
        let body = normal(item["body"].clone());
        let body = body.as_object().expect("a body to create");
        let read = &reported[item["name"].as_str().expect("name")];
        for (field, value) in read.as_object().expect("fields") {
            if !value.is_null() {
                assert_eq!(body.get(field), Some(value), "{field} of {item}");
            }
        }
        for field in body.keys() {
            let unreported = BILLING.contains(&field.as_str()) || field == "hours_on";
            assert!(unreported || !read[field].is_null(), "{field} of {item}");
        }
    }
}

/// `value` without nulls, its whole numbers as integers (a read may write 25 as 25.0).
fn normal(value: Value) -> Value {
    match value {
        Value::Object(map) => map
            .into_iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| (k, normal(v)))
            .collect(),
        Value::Array(items) => items.into_iter().map(normal).collect(),
        Value::Number(n) if n.as_f64().is_some_and(|f| f.fract() == 0.0) && !n.is_i64() => {
            json!(n.as_f64().unwrap_or_default() as i64)
        }
        other => other,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_export_of_hundreds_of_resources_validates_and_plans_to_nothing() {
    let mock = mock("").await;
    let dir = tempfile::tempdir().expect("dir");
    let mut offices: Vec<Value> = (0..120).map(office).collect();
    offices.push(office(7)); // A second office named "Office 007": left out, and said so.
    let modes: Vec<Value> = (0..100).map(mode).collect();
    create(&mock, &offices, &modes, None).await;
    let org: Vec<Value> = (0..6).map(|n| mode(n * 7 + 1)).collect();
    create(&mock, &[], &org, Some("ORG-B")).await;

    let out = run(against(&mock, &["export"])).await;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("exported 120 offices, 100 operating modes"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("\"Office 007\""), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("# Exported by `telephony export` at "),
        "{text}"
    );
    for fact in [
        "billing_address",
        "Dialpad does not report",
        "Left out: office \"Office 007\"",
    ] {
        assert!(text.contains(fact), "{fact}: {text}");
    }
    let manifest: Value = serde_saphyr::from_str(&text).expect("YAML");
    let exported = manifest["webex"]["operating_modes"]
        .as_array()
        .expect("modes");
    let by_schedule = exported
        .iter()
        .filter(|m| m.get("schedule").is_some())
        .count();
    let direct = exported
        .iter()
        .filter(|m| m.get("holidays").is_some() || m.get("differentHoursDaily").is_some())
        .count();
    assert!(
        by_schedule > 30 && direct > 10,
        "{by_schedule} by schedule, {direct} direct"
    );
    let hours = manifest["dialpad"]["offices"]
        .as_array()
        .expect("offices")
        .iter()
        .filter(|o| o.get("hours").is_some())
        .count();
    assert!(hours > 60, "{hours} offices use a schedule");
    let file = write(dir.path(), "export.yaml", &text);
    validated(&mock, &file).await;
    assert_eq!(nothing_to_do(&mock, &file).await, 220);
    same_fields(&mock, &billed(dir.path(), &file), 220).await;

    let out = run(against(
        &mock,
        &[
            "export",
            "--vendor",
            "webex",
            "--org-id",
            "ORG-B",
            "--location",
            "LOC-1",
            "--output",
            "json",
        ],
    ))
    .await;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let manifest: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let modes = manifest["webex"]["operating_modes"]
        .as_array()
        .expect("modes");
    let expected = org.iter().filter(|m| m["locationId"] == "LOC-1").count();
    assert!(expected > 0 && modes.len() == expected, "{manifest:#}");
    assert!(
        modes
            .iter()
            .all(|m| m["org_id"] == "ORG-B" && m["locationId"] == "LOC-1")
    );
    assert!(manifest.get("dialpad").is_none());
    let file = write(dir.path(), "org.json", &manifest.to_string());
    validated(&mock, &file).await;
    assert_eq!(nothing_to_do(&mock, &file).await, expected);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_export_of_a_small_set_reads_as_a_manifest() {
    let mock = mock("").await;
    let (mut chicago, mut denver) = (office(0), office(6));
    chicago["name"] = json!("Chicago Loop");
    denver["name"] = json!("Denver");
    let mut shared = mode(1);
    shared["name"] = json!("Business hours");
    let mut holiday = mode(5);
    holiday["name"] = json!("Holidays");
    let mut odd = mode(4);
    odd["name"] = json!("Weekdays alike");
    create(
        &mock,
        &[chicago, denver],
        &[shared, holiday, odd, mode(0)],
        None,
    )
    .await;

    let out = run(against(&mock, &["export"])).await;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let time = regex::Regex::new(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ").expect("regex");
    let next = regex::Regex::new(r#"startDate: "\d{4}-"#).expect("regex");
    let printed = stdout(&out);
    let text = time.replace_all(&printed, "[TIME]");
    let _snapshots = snapshots().bind_to_scope();
    insta::assert_snapshot!(
        "export__small",
        next.replace_all(&text, "startDate: \"[YEAR]-")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_office_needs_its_schedule_to_name_a_time_zone() {
    let mock = mock("").await;
    let dir = tempfile::tempdir().expect("dir");
    let mut body = office(0);
    body.as_object_mut()
        .expect("office")
        .retain(|k, _| !k.ends_with("hours") && k != "hours_on" && k != "timezone");
    body["hours"] = json!("open");
    let manifest = json!({"schedules": {"open": {"weekly": {"weekdays": ["08:00-17:00"]}}},
        "dialpad": {"offices": [body]}, "webex": {"operating_modes": [{"name": "M", "schedule": "open",
        "level": "ORGANIZATION", "callForwarding": {"destination": "+13125550100"}}]}});
    let file = write(dir.path(), "zoneless.json", &manifest.to_string());
    let out = run(against(
        &mock,
        &["validate", file.to_str().expect("path"), "--output", "json"],
    ))
    .await;
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let problems = report["problems"].as_array().expect("problems");
    assert_eq!(problems.len(), 1, "{report:#}");
    assert_eq!(problems[0]["path"], "$.dialpad.offices[0].hours");
    assert!(
        problems[0]["message"]
            .as_str()
            .expect("message")
            .contains("timezone")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_primary_office_is_left_out() {
    let office = |id: u64, name: &str, primary: bool| {
        json!({"id": id, "name": name, "country": "US", "is_primary_office": primary,
               "state": "active", "timezone": "America/Chicago"})
    };
    let page = json!({"items": [office(1, "Headquarters", true), office(2, "Branch", false)]});
    let dialpad = telephony_fixtures::canned::Server::answering(
        telephony_fixtures::canned::Canned::json(200, &page.to_string()),
    )
    .await;
    let mut command = telephony();
    command
        .env("DIALPAD_API_TOKEN", "dialpad-key")
        .env("DIALPAD_BASE_URL", &dialpad.url)
        .args(["export", "--vendor", "dialpad", "--output", "json"]);
    let out = run(command).await;
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let manifest: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(
        manifest,
        json!({"dialpad": {"offices": [{"name": "Branch", "country": "US", "timezone": "America/Chicago"}]}})
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_vendor_to_read_needs_its_token_and_webex_filters_need_webex() {
    let mut command = telephony();
    command.args(["export", "--vendor", "webex"]);
    let out = run(command).await;
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("WEBEX_ACCESS_TOKEN"),
        "{}",
        stderr(&out)
    );
    assert!(
        !stderr(&out).contains("DIALPAD_API_TOKEN"),
        "{}",
        stderr(&out)
    );
    let mut command = telephony();
    command.args(["export", "--vendor", "dialpad", "--location", "LOC-1"]);
    let out = run(command).await;
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--location chooses Webex"),
        "{}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty());
}
