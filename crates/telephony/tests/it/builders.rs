//! The office and operating-mode builders write the same bodies as the JSON and conversion
//! paths, and report every problem at once with its path.

use chrono::{Month, NaiveDate, Weekday};
use telephony::office::{
    Address, Billing, Country, Currency, FirstAction, PlanPeriod, RoutingAction,
};
use telephony::schedule::{WebexLevel, holidays_to_webex_mode};
use telephony::{Holiday, HolidayDate, ModeBuilder, OfficeBuilder, WeeklyHours};
use telephony_fixtures::bodies::{forwarding, typed_office};

fn hours() -> WeeklyHours {
    WeeklyHours::new("America/Chicago")
        .and_then(|h| h.weekdays("08:00", "17:00"))
        .and_then(|h| h.open(Weekday::Sat, "10:00", "14:00"))
        .expect("hours")
}

fn chicago() -> Address {
    Address::new("233 S Wacker Dr", "Chicago", "IL", "60606", "US")
}

#[test]
fn the_office_builder_writes_what_the_json_example_says() {
    let mut expected = typed_office();
    hours()
        .to_dialpad()
        .apply_to(&mut expected)
        .expect("hours apply");
    let built = OfficeBuilder::new(
        "Chicago Loop",
        Country::Us,
        Billing::new(PlanPeriod::Monthly, Currency::Usd).unified(true),
        chicago(),
    )
    .e911_address(chicago())
    .ring_seconds(25)
    .first_action(FirstAction::Operators)
    .no_operators_action(RoutingAction::Voicemail)
    .hours(&hours())
    .build()
    .expect("valid");
    assert_eq!(built, expected);
}

#[test]
fn the_office_builder_reports_every_problem_with_its_path() {
    let problems = OfficeBuilder::new(
        "Line one\nline two",
        Country::Us,
        Billing::new(PlanPeriod::Yearly, Currency::Usd),
        chicago().line_2(""),
    )
    .ring_seconds(500)
    .billing_contact("Ada", "ada@example.com", Some("+13125550101"))
    .set("no_such_field", true)
    .build()
    .expect_err("invalid");
    let paths: Vec<&str> = problems.iter().map(|v| v.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "$.name",
            "$.no_such_field",
            "$.ring_seconds",
            "$.e911_address"
        ],
        "{problems}"
    );
}

#[test]
fn the_mode_builder_writes_what_the_conversions_write() {
    let level = WebexLevel::Location("LOC-1".into());
    let built = ModeBuilder::new("Business hours", level.clone(), "+13125550100")
        .hours(&hours())
        .build()
        .expect("valid");
    let converted = hours()
        .to_webex_mode("Business hours", &level, forwarding())
        .expect("mode");
    assert_eq!(built, converted);

    let holidays = [Holiday::all_day(
        "New Year",
        HolidayDate::YearlyOn {
            month: Month::January,
            day: 1,
        },
    )];
    let from = NaiveDate::from_ymd_opt(2026, 11, 24).expect("date");
    let built = ModeBuilder::new("Holidays", WebexLevel::Organization, "+13125550100")
        .holidays(&holidays, from)
        .build()
        .expect("valid");
    let converted = holidays_to_webex_mode(
        "Holidays",
        &WebexLevel::Organization,
        forwarding(),
        &holidays,
        from,
    )
    .expect("mode");
    assert_eq!(built, converted);

    let plain = ModeBuilder::new("Always", WebexLevel::Organization, "+13125550100")
        .forwarding_enabled(true)
        .destination_voicemail(true)
        .build()
        .expect("valid");
    assert_eq!(plain.type_.to_string(), "NONE");
    assert!(plain.call_forwarding.enabled && plain.call_forwarding.destination_voicemail_enabled);
}

#[test]
fn the_mode_builder_reports_schedule_and_spec_problems_together() {
    let split = hours().open(Weekday::Mon, "18:00", "20:00").expect("split");
    let problems = ModeBuilder::new("", WebexLevel::Organization, "+13125550100")
        .hours(&split)
        .build()
        .expect_err("invalid");
    let found: Vec<(&str, &str)> = problems
        .iter()
        .map(|v| (v.path.as_str(), v.rule.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("$.differentHoursDaily", "schedule"),
            ("$.name", "minLength")
        ],
        "{problems}"
    );

    let many: Vec<Holiday> = (0..151)
        .map(|n| {
            let date = NaiveDate::from_ymd_opt(2027, 1, 1).expect("date") + chrono::Days::new(n);
            Holiday::all_day(format!("H{n}"), HolidayDate::On(date))
        })
        .collect();
    let from = NaiveDate::from_ymd_opt(2026, 11, 24).expect("date");
    let problems = ModeBuilder::new("Too many", WebexLevel::Location("L".into()), "+1")
        .holidays(&many, from)
        .build()
        .expect_err("too many");
    assert_eq!(
        problems.iter().next().map(|v| v.path.as_str()),
        Some("$.holidays")
    );
}
