//! Every constraint and rule of the Webex spec, from both sides.

use serde_json::{Value, json};
use telephony_spec::Vendor;
use telephony_spec::validate::Validator;

use crate::violations::{example, one};

/// (path, rule) of every violation, in order.
fn found(body: &Value) -> Vec<(String, String)> {
    crate::violations::found(Validator::webex(), "create_operating_mode", body)
}

fn base(kind: &str) -> Value {
    json!({
        "name": "Mode",
        "type": kind,
        "level": "ORGANIZATION",
        "callForwarding": {"enabled": false, "destination": "+19705550006"}
    })
}

fn day(start: &str, end: &str) -> Value {
    json!({"enabled": true, "allDayEnabled": false, "startTime": start, "endTime": end})
}

fn holiday() -> Value {
    json!({"name": "New Year", "allDayEnabled": true, "startDate": "2027-01-01", "endDate": "2027-01-01"})
}

fn holiday_mode(holidays: Value) -> Value {
    let mut body = base("HOLIDAY");
    body["holidays"] = holidays;
    body
}

#[test]
fn the_reference_example_is_valid() {
    let example = example(Vendor::Webex, "create_operating_mode");
    assert_eq!(found(&example), vec![]);
}

#[test]
fn location_level_needs_a_location_id() {
    let mut body = base("NONE");
    assert_eq!(found(&body), vec![]);
    body["level"] = json!("LOCATION");
    assert_eq!(
        found(&body),
        one("$.locationId", "location-id-for-location-level")
    );
    body["locationId"] = json!("TE9DQVRJT04vMQ");
    assert_eq!(found(&body), vec![]);
}

#[test]
fn each_type_needs_its_schedule() {
    assert_eq!(
        found(&base("SAME_HOURS_DAILY")),
        one("$.sameHoursDaily", "same-hours-daily-schedule")
    );
    assert_eq!(
        found(&base("DIFFERENT_HOURS_DAILY")),
        one("$.differentHoursDaily", "different-hours-daily-schedule")
    );
    assert_eq!(
        found(&base("HOLIDAY")),
        one("$.holidays", "holiday-schedule")
    );
    assert_eq!(found(&base("NONE")), vec![]);
    assert_eq!(found(&base("WEEKLY")), one("$.type", "enum"));
}

#[test]
fn a_working_day_needs_start_and_end_times() {
    let mut body = base("SAME_HOURS_DAILY");
    body["sameHoursDaily"] = json!({
        "mondayToFriday": {"enabled": true},
        "saturdayToSunday": {"enabled": true, "allDayEnabled": false, "startTime": "10:00"}
    });
    assert_eq!(
        found(&body),
        vec![
            (
                "$.sameHoursDaily.mondayToFriday.startTime".into(),
                "day-start-time".into()
            ),
            (
                "$.sameHoursDaily.mondayToFriday.endTime".into(),
                "day-end-time".into()
            ),
            (
                "$.sameHoursDaily.saturdayToSunday.endTime".into(),
                "day-end-time".into()
            ),
        ]
    );
    body["sameHoursDaily"] = json!({
        "mondayToFriday": day("09:00", "17:00"),
        "saturdayToSunday": {"enabled": true, "allDayEnabled": true}
    });
    assert_eq!(found(&body), vec![]);
    // The vendor's schema requires the times on every day; only a day enabled all day is shown
    // without them in the vendor's examples. A closed day carries them too.
    let closed_needs_times = vec![
        (
            "$.sameHoursDaily.saturdayToSunday.startTime".to_string(),
            "day-start-time".to_string(),
        ),
        (
            "$.sameHoursDaily.saturdayToSunday.endTime".to_string(),
            "day-end-time".to_string(),
        ),
    ];
    body["sameHoursDaily"]["saturdayToSunday"] = json!({"enabled": false});
    assert_eq!(found(&body), closed_needs_times, "a closed day");
    body["sameHoursDaily"]["saturdayToSunday"] = json!({});
    assert_eq!(
        found(&body),
        closed_needs_times,
        "enabled defaults to false"
    );
    body["sameHoursDaily"]["saturdayToSunday"] = json!({"enabled": false, "allDayEnabled": true});
    assert_eq!(found(&body), closed_needs_times, "closed, though all-day");
    body["sameHoursDaily"]["saturdayToSunday"] =
        json!({"enabled": false, "startTime": "00:00", "endTime": "23:59"});
    assert_eq!(found(&body), vec![], "a closed day with its times");
}

#[test]
fn different_hours_daily_needs_all_seven_days() {
    let mut body = base("DIFFERENT_HOURS_DAILY");
    body["differentHoursDaily"] = json!({
        "monday": day("09:00", "17:00"), "tuesday": day("09:00", "17:00"),
        "wednesday": day("09:00", "17:00"), "thursday": day("09:00", "17:00"),
        "friday": day("9:00", "17:00"),
        "saturday": {"enabled": false, "startTime": "00:00", "endTime": "23:59"}
    });
    assert_eq!(
        found(&body),
        vec![
            ("$.differentHoursDaily.sunday".into(), "required".into()),
            (
                "$.differentHoursDaily.friday.startTime".into(),
                "pattern".into()
            ),
        ]
    );
}

#[test]
fn a_partial_day_holiday_needs_times() {
    assert_eq!(found(&holiday_mode(json!([holiday()]))), vec![]);
    let mut partial = holiday();
    partial["allDayEnabled"] = json!(false);
    assert_eq!(
        found(&holiday_mode(json!([partial.clone()]))),
        vec![
            (
                "$.holidays[0].startTime".into(),
                "holiday-start-time".into()
            ),
            ("$.holidays[0].endTime".into(), "holiday-end-time".into()),
        ]
    );
    partial
        .as_object_mut()
        .expect("object")
        .remove("allDayEnabled");
    assert_eq!(
        found(&holiday_mode(json!([partial.clone()]))).len(),
        2,
        "absent means false"
    );
    partial["startTime"] = json!("12:00");
    partial["endTime"] = json!("17:00");
    assert_eq!(found(&holiday_mode(json!([partial]))), vec![]);
}

#[test]
fn a_holiday_does_not_end_before_it_starts() {
    let mut h = holiday();
    h["endDate"] = json!("2026-12-31");
    assert_eq!(
        found(&holiday_mode(json!([h]))),
        one("$.holidays[0].endDate", "holiday-date-order")
    );
    let mut h = holiday();
    h["startDate"] = json!("2027-02-30");
    assert_eq!(
        found(&holiday_mode(json!([h]))),
        one("$.holidays[0].startDate", "format")
    );
    let mut h = holiday();
    h["endDate"] = json!("01/02/2027");
    assert_eq!(
        found(&holiday_mode(json!([h]))),
        one("$.holidays[0].endDate", "format")
    );
}

#[test]
fn at_most_150_holidays() {
    let list = |n: usize| Value::Array(vec![holiday(); n]);
    assert_eq!(found(&holiday_mode(list(150))), vec![]);
    assert_eq!(
        found(&holiday_mode(list(151))),
        one("$.holidays", "maxItems")
    );
}

#[test]
fn recurrence_fields_are_checked() {
    let mut h = holiday();
    h["recurrence"] = json!({
        "recurYearlyByDate": {"dayOfMonth": 32, "month": "Dec"},
        "recurYearlyByDay": {"day": "MONDAY", "week": "FIFTH", "month": "MAY"}
    });
    assert_eq!(
        found(&holiday_mode(json!([h]))),
        vec![
            (
                "$.holidays[0].recurrence.recurYearlyByDate.dayOfMonth".into(),
                "maximum".into()
            ),
            (
                "$.holidays[0].recurrence.recurYearlyByDate.month".into(),
                "enum".into()
            ),
            (
                "$.holidays[0].recurrence.recurYearlyByDay.week".into(),
                "enum".into()
            ),
        ]
    );
    let mut h = holiday();
    h["recurrence"] =
        json!({"recurYearlyByDate": {"dayOfMonth": 4_294_967_297_u64, "month": "JANUARY"}});
    assert_eq!(
        found(&holiday_mode(json!([h]))),
        vec![
            (
                "$.holidays[0].recurrence.recurYearlyByDate.dayOfMonth".into(),
                "format".into()
            ),
            (
                "$.holidays[0].recurrence.recurYearlyByDate.dayOfMonth".into(),
                "maximum".into()
            ),
        ]
    );
    let mut h = holiday();
    h["recurrence"] = json!({"recurYearlyByDate": {"dayOfMonth": 0, "month": "JANUARY"}});
    assert_eq!(
        found(&holiday_mode(json!([h]))),
        one(
            "$.holidays[0].recurrence.recurYearlyByDate.dayOfMonth",
            "minimum"
        )
    );
}

#[test]
fn call_forwarding_needs_a_destination() {
    let mut body = base("NONE");
    body["callForwarding"] = json!({"enabled": true});
    assert_eq!(
        found(&body),
        one("$.callForwarding.destination", "required")
    );
    body.as_object_mut()
        .expect("object")
        .remove("callForwarding");
    assert_eq!(found(&body), one("$.callForwarding", "required"));
}

#[test]
fn a_body_that_is_not_an_object_is_one_violation() {
    assert_eq!(found(&json!([1, 2])), one("$", "type"));
    assert_eq!(found(&json!("mode")), one("$", "type"));
}

#[test]
fn names_may_not_be_empty() {
    let mut body = base("NONE");
    body["name"] = json!("");
    assert_eq!(found(&body), one("$.name", "minLength"));

    let mut unnamed = holiday();
    unnamed["name"] = json!("");
    assert_eq!(
        found(&holiday_mode(json!([unnamed]))),
        one("$.holidays[0].name", "minLength")
    );
}

#[test]
fn an_enabled_partial_day_starts_before_it_ends() {
    let mut body = base("SAME_HOURS_DAILY");
    body["sameHoursDaily"] = json!({
        "mondayToFriday": day("17:00", "09:00"),
        "saturdayToSunday": day("10:00", "10:00")
    });
    assert_eq!(
        found(&body),
        vec![
            (
                "$.sameHoursDaily.mondayToFriday.startTime".to_string(),
                "day-time-order".to_string()
            ),
            (
                "$.sameHoursDaily.saturdayToSunday.startTime".to_string(),
                "day-time-order".to_string()
            ),
        ]
    );
    let message = Validator::webex()
        .request_body("create_operating_mode", &body)
        .into_vec()[0]
        .message
        .clone();
    assert!(message.contains("17:00 is not before 09:00"), "{message}");

    // The order only matters on a day that uses the times.
    body["sameHoursDaily"]["mondayToFriday"]["allDayEnabled"] = json!(true);
    body["sameHoursDaily"]["saturdayToSunday"]["enabled"] = json!(false);
    assert_eq!(found(&body), vec![]);
    body["sameHoursDaily"]["mondayToFriday"] = day("09:00", "09:01");
    assert_eq!(found(&body), vec![]);
}
