//! The resources the export tests create: offices and operating modes of every kind a
//! manifest can carry, numbered so that each test can pick a varied set, and created through
//! the client.

use chrono::{Datelike, Month, NaiveDate};
use serde_json::{Value, json};
use telephony::{Holiday, HolidayDate};
use telephony_fixtures::clients::{dialpad, fast, webex};
use telephony_mock::MockHandle;

/// The billing fields a create requires and Dialpad does not report (so not exported).
pub const BILLING: [&str; 6] = [
    "annual_commit_monthly_billing",
    "billing_address",
    "currency",
    "invoiced",
    "plan_period",
    "unified_billing",
];

pub fn billing() -> Value {
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
pub fn office(n: usize) -> Value {
    let mut body = billing();
    body["name"] = json!(format!("Office {n:03}"));
    let (country, state) = [("US", "IL"), ("CA", "ON"), ("GB", "London"), ("DE", "BE")][n % 4];
    body["country"] = json!(country);
    if country != "DE" || n.is_multiple_of(3) {
        body["e911_address"] = json!({"address": format!("{n} Main St"), "city": "Springfield",
            "state": state, "zip": format!("{:05}", n * 7), "country": country});
        if n.is_multiple_of(5) {
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
    if n.is_multiple_of(2) {
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
pub fn mode(n: usize) -> Value {
    let forwarding = [
        json!({"destination": "+13125550100"}),
        json!({"destination": format!("+1312555{n:04}"), "enabled": true}),
        json!({"destination": "+13125550199", "enabled": true, "destinationVoicemailEnabled": true}),
    ];
    let mut body = json!({"name": format!("Mode {n:03}"), "level": "ORGANIZATION",
        "callForwarding": forwarding[n % 3].clone()});
    if !n.is_multiple_of(5) {
        body["level"] = json!("LOCATION");
        body["locationId"] = json!(format!("LOC-{}", n % 4));
    }
    let (wd, we) = (Some(("08:00", "17:00")), Some(("10:00", "14:00")));
    match n % 7 {
        0 => body["type"] = json!("NONE"),
        1 | 2 => {
            body["type"] = json!("SAME_HOURS_DAILY");
            let weekend = if n % 7 == 1 && n % 3 == 2 {
                // Closed, with times of its own: no schedule gives them back.
                json!({"enabled": false, "startTime": "09:00", "endTime": "12:00"})
            } else if n % 7 == 1 {
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
            body["holidays"] = holidays(k == 6 && n.is_multiple_of(2));
        }
    }
    body
}

/// Creates each body through the client.
pub async fn create(mock: &MockHandle, offices: &[Value], modes: &[Value], org: Option<&str>) {
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
