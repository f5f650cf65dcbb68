//! The business-hours model and its conversions, both ways, and each conversion error.

use chrono::{Month, NaiveDate, Weekday};
use telephony::schedule::{
    Nth, WebexLevel, WebexSchedule, holidays_from_webex, holidays_to_webex_mode,
};
use telephony::webex_types::OperatingModeScheduleTypeObject as Type;
use telephony::{Holiday, HolidayDate, Interval, ScheduleError, WeeklyHours, validate};
use telephony_fixtures::bodies::{forwarding, typed_office};

fn location() -> WebexLevel {
    WebexLevel::Location("TE9DQVRJT04vMQ".into())
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

#[test]
fn building_hours_refuses_bad_input_by_name() {
    assert_eq!(
        WeeklyHours::new("Mars/Olympus").unwrap_err(),
        ScheduleError::UnknownTimezone("Mars/Olympus".into())
    );
    let hours = WeeklyHours::new("UTC").expect("tz");
    assert_eq!(
        hours.clone().weekdays("9:00", "17:00").unwrap_err(),
        ScheduleError::BadTime("9:00".into())
    );
    assert_eq!(
        hours.clone().weekdays("09:00", "24:00").unwrap_err(),
        ScheduleError::BadTime("24:00".into())
    );
    assert!(matches!(
        hours.clone().weekdays("17:00", "09:00"),
        Err(ScheduleError::EmptyInterval { .. })
    ));
    let err = hours
        .clone()
        .open(Weekday::Tue, "08:00", "12:00")
        .and_then(|h| h.open(Weekday::Tue, "11:00", "14:00"))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Tuesday has overlapping or touching intervals 08:00-12:00 and 11:00-14:00"
    );
    let touching = hours
        .open(Weekday::Tue, "08:00", "12:00")
        .and_then(|h| h.open(Weekday::Tue, "12:00", "13:00"));
    assert!(
        touching.is_err(),
        "touching intervals are one interval written twice"
    );
}

#[test]
fn to_dialpad_sets_every_day_and_the_time_zone() {
    let hours = WeeklyHours::new("America/Chicago")
        .and_then(|h| h.weekdays("08:00", "12:00"))
        .and_then(|h| h.weekdays("13:00", "17:00"))
        .expect("hours");
    let mut office = typed_office();
    hours
        .to_dialpad()
        .apply_to(&mut office)
        .expect("hours apply");
    assert!(office.hours_on);
    assert_eq!(office.timezone.as_deref(), Some("America/Chicago"));
    let monday: Vec<String> = office
        .monday_hours
        .clone()
        .expect("set")
        .iter()
        .map(|t| t.to_string())
        .collect();
    assert_eq!(monday, ["08:00", "12:00", "13:00", "17:00"]);
    assert_eq!(
        office.sunday_hours,
        Some(vec![]),
        "a closed day is sent as []"
    );
    assert_eq!(
        validate::dialpad_office(&serde_json::to_value(&office).expect("json")),
        Ok(())
    );
    assert_eq!(
        WeeklyHours::from_dialpad(&office).expect("reads back"),
        hours
    );
}

#[test]
fn from_dialpad_fills_in_the_documented_defaults() {
    let mut office = typed_office();
    office.hours_on = true;
    office.timezone = Some("Europe/Paris".into());
    office.monday_hours = Some(vec![
        "07:00".try_into().expect("t"),
        "15:00".try_into().expect("t"),
    ]);
    let hours = WeeklyHours::from_dialpad(&office).expect("reads");
    assert_eq!(
        hours.intervals(Weekday::Mon),
        [Interval::new("07:00", "15:00").expect("i")]
    );
    assert_eq!(
        hours.intervals(Weekday::Thu),
        [Interval::new("08:00", "18:00").expect("i")],
        "weekday default"
    );
    assert!(hours.intervals(Weekday::Sat).is_empty(), "weekend default");
}

#[test]
fn from_dialpad_refuses_what_is_not_a_weekly_schedule() {
    let mut office = typed_office();
    assert!(matches!(
        WeeklyHours::from_dialpad(&office),
        Err(ScheduleError::NotWeekly(_))
    ));
    office.hours_on = true;
    assert!(
        matches!(
            WeeklyHours::from_dialpad(&office),
            Err(ScheduleError::VendorHours { .. })
        ),
        "no zone"
    );
    office.timezone = Some("UTC".into());
    office.friday_hours = Some(vec!["08:00".try_into().expect("t")]);
    let err = WeeklyHours::from_dialpad(&office).unwrap_err();
    assert!(
        err.to_string().starts_with("friday_hours: 1 times"),
        "{err}"
    );
}

#[test]
fn matching_weekdays_and_weekend_make_same_hours_daily() {
    let hours = WeeklyHours::new("UTC")
        .and_then(|h| h.weekdays("09:00", "17:00"))
        .expect("hours");
    let mode = hours
        .to_webex_mode("Business", &location(), forwarding())
        .expect("converts");
    assert_eq!(mode.type_, Type::SameHoursDaily);
    let same = mode.same_hours_daily.as_ref().expect("schedule");
    assert!(same.monday_to_friday.enabled && !same.saturday_to_sunday.enabled);
    assert_eq!(
        same.monday_to_friday
            .start_time
            .as_deref()
            .map(String::as_str),
        Some("09:00")
    );
    assert_eq!(
        validate::webex_operating_mode(&serde_json::to_value(&mode).expect("json")),
        Ok(())
    );
    assert_eq!(
        WeeklyHours::from_webex(&mode, "UTC").expect("reads back"),
        hours
    );
}

#[test]
fn differing_days_make_different_hours_daily() {
    let hours = WeeklyHours::new("UTC")
        .and_then(|h| h.weekdays("09:00", "17:00"))
        .and_then(|h| h.open(Weekday::Sat, "10:00", "12:00"))
        .expect("hours");
    let schedule = hours.to_webex_schedule().expect("converts");
    let WebexSchedule::DifferentHoursDaily(days) = schedule else {
        panic!("weekend days differ, so DIFFERENT_HOURS_DAILY");
    };
    assert!(days.saturday.enabled && !days.sunday.enabled);
    let mode = hours
        .to_webex_mode("Shop", &WebexLevel::Organization, forwarding())
        .expect("mode");
    assert_eq!(mode.type_, Type::DifferentHoursDaily);
    assert_eq!(mode.location_id, None);
    assert_eq!(
        validate::webex_operating_mode(&serde_json::to_value(&mode).expect("json")),
        Ok(())
    );
    assert_eq!(
        WeeklyHours::from_webex(&mode, "UTC").expect("reads back"),
        hours
    );
}

#[test]
fn a_lunch_break_cannot_go_to_webex_and_the_error_names_the_day() {
    let hours = WeeklyHours::new("UTC")
        .and_then(|h| h.weekdays("09:00", "12:00"))
        .and_then(|h| h.open(Weekday::Thu, "13:00", "17:00"))
        .expect("hours");
    let err = hours
        .to_webex_mode("Lunch", &location(), forwarding())
        .unwrap_err();
    assert_eq!(
        err,
        ScheduleError::MultipleIntervals {
            day: Weekday::Thu,
            count: 2
        }
    );
    assert_eq!(
        err.to_string(),
        "Webex allows one open interval per day; Thursday has 2"
    );
    assert_eq!(
        hours.to_dialpad().day(Weekday::Thu),
        ["09:00", "12:00", "13:00", "17:00"],
        "Dialpad can"
    );
}

#[test]
fn a_whole_day_is_webex_all_day_both_ways() {
    let hours = WeeklyHours::new("UTC")
        .and_then(|h| h.every_day("00:00", "23:59"))
        .expect("hours");
    let mode = hours
        .to_webex_mode("Always", &location(), forwarding())
        .expect("mode");
    let same = mode.same_hours_daily.as_ref().expect("same hours");
    assert!(same.monday_to_friday.all_day_enabled && same.monday_to_friday.start_time.is_none());
    assert_eq!(WeeklyHours::from_webex(&mode, "UTC").expect("reads"), hours);
}

#[test]
fn holiday_and_none_modes_are_not_weekly() {
    let mode = holidays_to_webex_mode("H", &location(), forwarding(), &[], date(2026, 1, 1))
        .expect("mode");
    assert!(matches!(
        WeeklyHours::from_webex(&mode, "UTC"),
        Err(ScheduleError::NotWeekly(_))
    ));
}

fn holidays() -> Vec<Holiday> {
    vec![
        Holiday::all_day("Company day", HolidayDate::On(date(2027, 3, 3))),
        Holiday::all_day(
            "Shutdown",
            HolidayDate::Range {
                first: date(2026, 12, 24),
                last: date(2027, 1, 1),
            },
        ),
        Holiday::all_day(
            "Christmas",
            HolidayDate::YearlyOn {
                month: Month::December,
                day: 25,
            },
        ),
        Holiday::all_day(
            "Thanksgiving",
            HolidayDate::YearlyNth {
                nth: Nth::Fourth,
                weekday: Weekday::Thu,
                month: Month::November,
            },
        ),
        Holiday {
            name: "Memorial Day afternoon".into(),
            date: HolidayDate::YearlyNth {
                nth: Nth::Last,
                weekday: Weekday::Mon,
                month: Month::May,
            },
            hours: Some(Interval::new("12:00", "23:59").expect("interval")),
        },
    ]
}

#[test]
fn holidays_become_a_valid_holiday_mode_and_read_back() {
    let from = date(2026, 11, 24);
    let mode = holidays_to_webex_mode("Holidays", &location(), forwarding(), &holidays(), from)
        .expect("mode");
    assert_eq!(mode.type_, Type::Holiday);
    assert_eq!(
        validate::webex_operating_mode(&serde_json::to_value(&mode).expect("json")),
        Ok(())
    );
    let starts: Vec<NaiveDate> = mode.holidays.iter().map(|h| h.start_date).collect();
    assert_eq!(
        starts,
        [
            date(2027, 3, 3),
            date(2026, 12, 24),
            date(2026, 12, 25),
            date(2026, 11, 26),
            date(2027, 5, 31)
        ]
    );
    assert_eq!(mode.holidays[1].end_date, date(2027, 1, 1));
    assert!(!mode.holidays[4].all_day_enabled);
    assert_eq!(holidays_from_webex(&mode).expect("reads back"), holidays());
}

#[test]
fn yearly_dates_find_their_next_occurrence() {
    let leap = Holiday::all_day(
        "Leap day",
        HolidayDate::YearlyOn {
            month: Month::February,
            day: 29,
        },
    );
    assert_eq!(
        leap.next_on_or_after(date(2026, 3, 1)).expect("exists"),
        date(2028, 2, 29)
    );
    let thanksgiving = &holidays()[3];
    assert_eq!(
        thanksgiving
            .next_on_or_after(date(2026, 11, 27))
            .expect("next year"),
        date(2027, 11, 25)
    );
    let last_friday = Holiday::all_day(
        "Last Friday",
        HolidayDate::YearlyNth {
            nth: Nth::Last,
            weekday: Weekday::Fri,
            month: Month::December,
        },
    );
    assert_eq!(
        last_friday
            .next_on_or_after(date(2026, 1, 1))
            .expect("exists"),
        date(2026, 12, 25)
    );
}

#[test]
fn impossible_holidays_are_errors_naming_them() {
    let from = date(2026, 1, 1);
    let april31 = Holiday::all_day(
        "Nope",
        HolidayDate::YearlyOn {
            month: Month::April,
            day: 31,
        },
    );
    let err = holidays_to_webex_mode("H", &location(), forwarding(), &[april31], from).unwrap_err();
    assert_eq!(err.to_string(), "holiday `Nope`: April 31 is not a date");
    let backwards = Holiday::all_day(
        "Backwards",
        HolidayDate::Range {
            first: date(2026, 5, 2),
            last: date(2026, 5, 1),
        },
    );
    let err =
        holidays_to_webex_mode("H", &location(), forwarding(), &[backwards], from).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("holiday `Backwards`: ends on 2026-05-01"),
        "{err}"
    );
    let many = vec![Holiday::all_day("x", HolidayDate::On(from)); 151];
    assert_eq!(
        holidays_to_webex_mode("H", &location(), forwarding(), &many, from).unwrap_err(),
        ScheduleError::TooManyHolidays {
            count: 151,
            max: 150
        }
    );
    let ok = vec![Holiday::all_day("x", HolidayDate::On(from)); 150];
    assert!(holidays_to_webex_mode("H", &location(), forwarding(), &ok, from).is_ok());
}
