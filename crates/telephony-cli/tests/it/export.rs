//! `export` against the mock: hundreds of offices and modes of every kind created through the
//! client, exported, the export validated and planned — nothing to create, nothing to change —
//! and the export of a small fixed set as a snapshot.

use std::path::Path;

use chrono::{Datelike, Month, NaiveDate};
use serde_json::{Value, json};
use telephony::{Holiday, HolidayDate};
use telephony_fixtures::clients::{dialpad, fast, webex};
use telephony_fixtures::snapshots::snapshots;
use telephony_mock::MockHandle;

use crate::command::{against, mock, run, stderr, stdout, write};

/// The billing fields a create requires and Dialpad does not report (so not exported).
const BILLING: [&str; 6] = [
    "annual_commit_monthly_billing",
    "billing_address",
    "currency",
    "invoiced",
    "plan_period",
    "unified_billing",
];

fn billing() -> Value {
    json!({
        "currency": "USD", "plan_period": "monthly", "annual_commit_monthly_billing": false,
        "invoiced": false, "unified_billing": true,
        "billing_address": {"address_line_1": "1 Main St", "city": "Chicago", "region": "IL",
                            "postal_code": "60606", "country": "US"},
    })
}

fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

/// Office `n` of a varied set: four countries, three zones or none, five kinds of hours, both
/// first actions, rings of 10 to 45 s, and routing with and without menus.
fn office(n: usize) -> Value {
    let mut body = billing();
    body["name"] = json!(format!("Office {n:03}"));
    let (country, state) = [("US", "IL"), ("CA", "ON"), ("GB", "London"), ("DE", "BE")][n % 4];
    body["country"] = json!(country);
    if country != "DE" || n % 3 == 0 {
        body["e911_address"] = json!({"address": format!("{n} Main St"), "city": "Springfield",
            "state": state, "zip": format!("{:05}", n * 7), "country": country});
        if n % 5 == 0 {
            body["e911_address"]["address2"] = json!("Suite 2");
        }
    }
    let zones = ["America/Chicago", "America/New_York", "Europe/Berlin"];
    if n % 7 != 6 {
        body["timezone"] = json!(zones[n % 3]);
    }
    let nine_to_five = json!(["09:00", "17:00"]);
    let days = ["monday", "tuesday", "wednesday", "thursday", "friday"];
    match n % 5 {
        0 => set_days(&mut body, &days, &json!(["08:00", "17:00"])),
        1 => {
            set_days(
                &mut body,
                &days,
                &json!(["09:00", "12:00", "13:00", "17:00"]),
            );
            body["saturday_hours"] = json!(["10:00", "14:00"]);
        }
        2 => {} // Dialpad's default hours, as the mock reports them.
        3 => set_days(&mut body, &days[..3], &nine_to_five),
        _ => set_days(&mut body, &[], &nine_to_five),
    }
    if n % 5 != 2 {
        body["hours_on"] = json!(true);
        for day in days.iter().chain(&["saturday", "sunday"]) {
            let field = format!("{day}_hours");
            if body.get(&field).is_none() {
                body[field] = json!([]);
            }
        }
    }
    if n % 2 == 0 {
        body["first_action"] = json!(["menu", "operators"][n % 4 / 2]);
        body["no_operators_action"] = json!(["voicemail", "message", "menu"][n % 3]);
        body["ring_seconds"] = json!(10 + n % 36);
    }
    if n % 3 == 1 {
        body["routing_options"] = json!({
            "open": {"action": "operator", "try_dial_operators": true, "operator_routing": "roundrobin"},
            "closed": {"action": "menu", "try_dial_operators": false, "action_target_id": 4000 + n,
                       "action_target_type": "callrouter",
                       "dtmf": [{"input": "1", "options": {"action": "voicemail"}},
                                {"input": "2", "options": {"action": "person", "action_target_id": 77,
                                                           "action_target_type": "user"}}]},
        });
    }
    body
}

fn set_days(body: &mut Value, days: &[&str], hours: &Value) {
    for day in days {
        body[format!("{day}_hours")] = hours.clone();
    }
}

fn day(hours: Option<(&str, &str)>) -> Value {
    match hours {
        Some((open, close)) => json!({"enabled": true, "startTime": open, "endTime": close}),
        None => json!({"enabled": false, "startTime": "00:00", "endTime": "23:59"}),
    }
}

/// The first date of a yearly holiday from today on, as the manifest's schedules give it.
fn next(date: HolidayDate) -> String {
    let holiday = Holiday::all_day("next", date);
    holiday
        .next_on_or_after(today())
        .expect("a date")
        .to_string()
}

/// Holidays of every kind: a date, a range, yearly by date and by weekday, part of a day, and
/// (when `past`) a yearly one whose start has gone by, which no schedule gives back.
fn holidays(past: bool) -> Value {
    let christmas = next(HolidayDate::YearlyOn {
        month: Month::December,
        day: 25,
    });
    let thanksgiving = next(HolidayDate::YearlyNth {
        nth: telephony::schedule::Nth::Fourth,
        weekday: chrono::Weekday::Thu,
        month: Month::November,
    });
    let mut list = json!([
        {"name": "Inventory", "allDayEnabled": true, "startDate": "2030-01-04", "endDate": "2030-01-04"},
        {"name": "Move", "allDayEnabled": true, "startDate": "2030-03-01", "endDate": "2030-03-05"},
        {"name": "Christmas", "allDayEnabled": true, "startDate": christmas, "endDate": christmas,
         "recurrence": {"recurYearlyByDate": {"dayOfMonth": 25, "month": "DECEMBER"}}},
        {"name": "Thanksgiving", "allDayEnabled": true, "startDate": thanksgiving, "endDate": thanksgiving,
         "recurrence": {"recurYearlyByDay": {"day": "THURSDAY", "week": "FOURTH", "month": "NOVEMBER"}}},
        {"name": "Training", "allDayEnabled": false, "startDate": "2030-02-02", "endDate": "2030-02-02",
         "startTime": "08:00", "endTime": "12:00"},
    ]);
    if past {
        let year = today().year() - 1;
        list.as_array_mut().expect("a list").push(
            json!({"name": "Founders", "allDayEnabled": true,
            "startDate": format!("{year}-01-02"), "endDate": format!("{year}-01-02"),
            "recurrence": {"recurYearlyByDate": {"dayOfMonth": 2, "month": "JANUARY"}}}),
        );
    }
    list
}

/// Mode `n` of a varied set: every type, organization and location level, and three kinds of
/// call forwarding.
fn mode(n: usize) -> Value {
    let forwarding = [
        json!({"destination": "+13125550100"}),
        json!({"destination": format!("+1312555{n:04}"), "enabled": true}),
        json!({"destination": "+13125550199", "enabled": true, "destinationVoicemailEnabled": true}),
    ];
    let mut body = json!({"name": format!("Mode {n:03}"), "level": "ORGANIZATION",
        "callForwarding": forwarding[n % 3].clone()});
    if n % 5 != 0 {
        body["level"] = json!("LOCATION");
        body["locationId"] = json!(format!("LOC-{}", n % 4));
    }
    let (wd, we) = (Some(("08:00", "17:00")), Some(("10:00", "14:00")));
    match n % 7 {
        0 => body["type"] = json!("NONE"),
        1 | 2 => {
            body["type"] = json!("SAME_HOURS_DAILY");
            let weekend = if n % 7 == 1 {
                day(None)
            } else {
                json!({"enabled": true, "allDayEnabled": true})
            };
            body["sameHoursDaily"] =
                json!({"mondayToFriday": day(wd), "saturdayToSunday": weekend});
        }
        3 | 4 => {
            // Different days; with n % 7 == 4, days that would make a SAME_HOURS_DAILY mode.
            let friday = if n % 7 == 3 {
                day(Some(("08:00", "15:00")))
            } else {
                day(wd)
            };
            body["type"] = json!("DIFFERENT_HOURS_DAILY");
            body["differentHoursDaily"] = json!({"monday": day(wd), "tuesday": day(wd),
                "wednesday": day(wd), "thursday": day(wd), "friday": friday,
                "saturday": day(we), "sunday": day(we)});
        }
        k => {
            body["type"] = json!("HOLIDAY");
            body["holidays"] = holidays(k == 6 && n % 2 == 0);
        }
    }
    body
}

/// Creates each body through the client.
async fn create(mock: &MockHandle, offices: &[Value], modes: &[Value], org: Option<&str>) {
    let (dialpad, webex) = (dialpad(mock, fast()), webex(mock, fast()));
    for body in offices {
        let typed = serde_json::from_value(body.clone()).expect("an office");
        dialpad
            .create_office_once(&typed)
            .send()
            .await
            .expect("created");
    }
    for body in modes {
        let typed = serde_json::from_value(body.clone()).expect("a mode");
        let mut create = webex.create_operating_mode_once(&typed);
        if let Some(org) = org {
            create = create.org_id(org);
        }
        create.send().await.expect("created");
    }
}

/// Validates the export at `file`: valid, or (until the manifest asks for billing fields only
/// when an office must be created) every problem a billing field missing from an office. The
/// manifest to plan: the export, or a copy with the billing fields given.
async fn validated(
    mock: &MockHandle,
    dir: &Path,
    file: &Path,
    offices: usize,
) -> std::path::PathBuf {
    let path = file.to_str().expect("path");
    let out = run(against(mock, &["validate", path, "--output", "json"])).await;
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    if report["valid"] == true {
        assert_eq!(out.status.code(), Some(0));
        return file.to_path_buf();
    }
    let problems = report["problems"].as_array().expect("problems");
    assert_eq!(problems.len(), offices * BILLING.len(), "{report:#}");
    for problem in problems {
        let at = problem["path"].as_str().expect("path");
        let message = problem["message"].as_str().expect("message");
        assert!(at.starts_with("$.dialpad.offices["), "{problem}");
        assert!(
            BILLING
                .iter()
                .any(|f| message.contains(f) || at.ends_with(f)),
            "{problem}"
        );
    }
    let text = std::fs::read_to_string(file).expect("export");
    let mut manifest: Value = serde_saphyr::from_str(&text).expect("YAML");
    for office in manifest["dialpad"]["offices"]
        .as_array_mut()
        .expect("offices")
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
    let items = plan["plan"].as_array().expect("items");
    for item in items {
        let action = item["action"].as_str().expect("action");
        assert!(["unchanged", "exists"].contains(&action), "{item}");
        let changes = item.get("changes").and_then(Value::as_array);
        assert!(changes.is_none_or(Vec::is_empty), "{item}");
    }
    items.len()
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
    let planned = validated(&mock, dir.path(), &file, 120).await;
    assert_eq!(nothing_to_do(&mock, &planned).await, 220);

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
    assert_eq!(validated(&mock, dir.path(), &file, 0).await, file);
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
