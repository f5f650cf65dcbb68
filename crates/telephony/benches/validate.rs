//! Validation and serialization of a full office and a full operating mode: the work the
//! client does before every create.
//!
//! `cargo bench -p telephony --bench validate`

use chrono::{Month, NaiveDate, Weekday};
use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::json;
use telephony::schedule::{Nth, WebexLevel, holidays_to_webex_mode};
use telephony::webex_types::{OperatingModeCallForwarding, OperatingModePostObject};
use telephony::{Holiday, HolidayDate, WeeklyHours, dialpad_types, validate};
use telephony_fixtures::bodies::{office, typed_office};

/// An office using every field of the request.
fn full_office() -> dialpad_types::CreateOfficeMessage {
    let mut office = office();
    let extra = json!({
        "billing_contact": {"name": "Ada", "email": "billing@example.com", "phone": "+13125550101"},
        "group_description": "Main office of the Chicago region",
        "international_enabled": true, "auto_call_recording": true, "use_same_address": true,
        "mainline_number": "+13125550100", "timezone": "America/Chicago",
        "voice_intelligence": {"auto_start": true, "allow_pause": true},
        "routing_options": {
            "open": {"action": "menu", "try_dial_operators": true, "operator_routing": "longestidle",
                     "dtmf": (0..10).map(|k| json!({"input": k.to_string(),
                              "options": {"action": "department", "action_target_type": "department", "action_target_id": 100 + k}}))
                              .collect::<Vec<_>>()},
            "closed": {"action": "voicemail", "try_dial_operators": false}
        }
    });
    for (key, value) in extra.as_object().expect("object") {
        office[key] = value.clone();
    }
    let mut office: dialpad_types::CreateOfficeMessage =
        serde_json::from_value(office).expect("typed");
    let hours = WeeklyHours::new("America/Chicago")
        .and_then(|h| h.weekdays("08:00", "12:00"))
        .and_then(|h| h.weekdays("13:00", "18:00"))
        .and_then(|h| h.open(Weekday::Sat, "10:00", "14:00"))
        .expect("hours");
    hours.to_dialpad().apply_to(&mut office).expect("hours");
    office
}

/// A holiday mode with the most holidays Webex holds.
fn full_mode() -> OperatingModePostObject {
    let forwarding = OperatingModeCallForwarding::builder()
        .enabled(true)
        .destination("+13125550100")
        .destination_voicemail_enabled(true)
        .try_into()
        .expect("complete call forwarding");
    let holidays: Vec<Holiday> = (0..150)
        .map(|n| match n % 3 {
            0 => Holiday::all_day(
                format!("H{n}"),
                HolidayDate::YearlyOn {
                    month: Month::December,
                    day: 1 + n % 28,
                },
            ),
            1 => Holiday::all_day(
                format!("H{n}"),
                HolidayDate::YearlyNth {
                    nth: Nth::Last,
                    weekday: Weekday::Mon,
                    month: Month::May,
                },
            ),
            _ => Holiday::all_day(
                format!("H{n}"),
                HolidayDate::On(NaiveDate::from_ymd_opt(2027, 1, 1 + n % 28).expect("date")),
            ),
        })
        .collect();
    let level = WebexLevel::Location("TE9DQVRJT04vMQ".into());
    holidays_to_webex_mode(
        "Holidays",
        &level,
        forwarding,
        &holidays,
        NaiveDate::from_ymd_opt(2026, 11, 24).expect("date"),
    )
    .expect("mode")
}

fn benches(c: &mut Criterion) {
    let office = full_office();
    let mode = full_mode();
    assert_eq!(
        validate::dialpad_office(&serde_json::to_value(&office).expect("json")),
        Ok(())
    );
    assert_eq!(validate::dialpad_typed(&office), Ok(()));
    assert_eq!(validate::webex_typed(&mode), Ok(()));
    assert_eq!(
        validate::webex_operating_mode(&serde_json::to_value(&mode).expect("json")),
        Ok(())
    );
    let small = typed_office();
    assert_eq!(validate::dialpad_typed(&small), Ok(()));
    c.bench_function(
        "dialpad office.json (the overhead bench's body): validate typed",
        |b| b.iter(|| validate::dialpad_typed(std::hint::black_box(&small)).is_ok()),
    );
    c.bench_function(
        "dialpad office.json: clone + serialize to bytes (what the generated call does)",
        |b| b.iter(|| serde_json::to_vec(&std::hint::black_box(&small).clone()).expect("json")),
    );
    c.bench_function(
        "dialpad full office: validate typed (the client's check)",
        |b| b.iter(|| validate::dialpad_typed(std::hint::black_box(&office)).is_ok()),
    );
    c.bench_function(
        "dialpad full office: validate typed + serialize to bytes (all before sending)",
        |b| {
            b.iter(|| {
                let ok = validate::dialpad_typed(std::hint::black_box(&office)).is_ok();
                (
                    ok,
                    serde_json::to_vec(std::hint::black_box(&office)).expect("json"),
                )
            })
        },
    );
    c.bench_function(
        "dialpad full office: to JSON + validate JSON (the JSON path)",
        |b| {
            b.iter(|| {
                let value = serde_json::to_value(std::hint::black_box(&office)).expect("json");
                validate::dialpad_office(&value).is_ok()
            })
        },
    );
    c.bench_function("webex holiday mode (150 holidays): validate typed", |b| {
        b.iter(|| validate::webex_typed(std::hint::black_box(&mode)).is_ok())
    });
    c.bench_function(
        "webex holiday mode (150 holidays): to JSON + validate JSON (the JSON path)",
        |b| {
            b.iter(|| {
                let value = serde_json::to_value(std::hint::black_box(&mode)).expect("json");
                validate::webex_operating_mode(&value).is_ok()
            })
        },
    );
}

criterion_group!(validation, benches);
criterion_main!(validation);
