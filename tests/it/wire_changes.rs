//! Wire snapshots of the Webex change bodies: a modify of an operating mode and a holiday
//! create, built with the generated builders, as JSON. A spec change that alters what a
//! change sends (a flag now sent by default, a renamed field) shows here.

use chrono::NaiveDate;
use telephony_api::webex::types as wx;
use telephony_fixtures::snapshots::snapshots;
use telephony_spec::validate::Validator;

fn time(text: &str) -> Option<wx::TimeOfDay> {
    Some(wx::TimeOfDay::try_from(text).expect("HH:MM"))
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

/// The published modify example: a new name, the same-hours schedule and call forwarding.
fn modify() -> wx::OperatingModePatchObject {
    let all_day = wx::OperatingModeDayScheduleObject::builder()
        .enabled(true)
        .all_day_enabled(true);
    let office_hours = wx::OperatingModeDayScheduleObject::builder()
        .enabled(true)
        .start_time(time("09:00"))
        .end_time(time("17:00"));
    wx::OperatingModePatchObject::builder()
        .name(Some(
            wx::OperatingModePatchObjectName::try_from("Day Operating Mode Updated")
                .expect("a name"),
        ))
        .same_hours_daily(Some(
            wx::OperatingModeSameHoursDailyScheduleObject::builder()
                .monday_to_friday(all_day)
                .saturday_to_sunday(office_hours)
                .try_into()
                .expect("complete same-hours schedule"),
        ))
        .call_forwarding(Some(
            wx::OperatingModeCallForwarding::builder()
                .enabled(true)
                .destination("+19705550008")
                .destination_voicemail_enabled(true)
                .try_into()
                .expect("complete call forwarding"),
        ))
        .try_into()
        .expect("complete modify")
}

/// A partial-day holiday that recurs on the first Tuesday of January.
fn holiday() -> wx::OperatingModeHolidayPostRequestObject {
    wx::OperatingModeHolidayPostRequestObject::builder()
        .name("New Year staff day")
        .start_date(date(2027, 1, 5))
        .end_date(date(2027, 1, 5))
        .start_time(time("09:00"))
        .end_time(time("12:00"))
        .recurrence(Some(
            wx::OperatingModeRecurrenceObject::builder()
                .recur_yearly_by_day(Some(
                    wx::RecurYearlyByDayObject::builder()
                        .day(wx::Weekday::Tuesday)
                        .week(wx::WeekOfMonth::First)
                        .month(wx::Month::January)
                        .try_into()
                        .expect("complete yearly weekday"),
                ))
                .try_into()
                .expect("complete recurrence"),
        ))
        .try_into()
        .expect("complete holiday")
}

#[test]
fn webex_modify_of_an_operating_mode() {
    let _snapshots = snapshots().bind_to_scope();
    let body = modify();
    let found = Validator::webex().request_body_typed("update_operating_mode", &body);
    assert!(found.is_empty(), "{found:?}");
    insta::assert_json_snapshot!("wire__webex_modify", body);
}

#[test]
fn webex_holiday_create() {
    let _snapshots = snapshots().bind_to_scope();
    let body = holiday();
    let found = Validator::webex().request_body_typed("create_operating_mode_holiday", &body);
    assert!(found.is_empty(), "{found:?}");
    insta::assert_json_snapshot!("wire__webex_holiday_create", body);
}
