//! Wire snapshots: canonical request bodies built with the generated types, as JSON.
//!
//! If a spec change alters what goes over the wire (a renamed field, a default that is now
//! sent, a changed enum spelling), these snapshots show it. Accept an intended change with
//! `cargo insta review`.

use chrono::NaiveDate;
use serde_json::{Value, json};
use telephony_api::{dialpad::types as dp, webex::types as wx};
use telephony_fixtures::snapshots::snapshots;

fn hours(values: &[&str]) -> Vec<dp::HourMinute> {
    values
        .iter()
        .map(|v| dp::HourMinute::try_from(*v).expect("a valid HH:MM"))
        .collect()
}

fn routing(
    action: dp::RoutingAction,
    dtmf: Vec<dp::DtmfMapping>,
) -> dp::builder::RoutingOptionsInner {
    dp::RoutingOptionsInner::builder()
        .action(action)
        .try_dial_operators(true)
        .operator_routing(Some(dp::OperatorRouting::Longestidle))
        .dtmf(dtmf)
}

/// An office using every field of the request.
fn full_office() -> dp::CreateOfficeMessage {
    let menu = vec![
        dp::DtmfMapping::builder()
            .input(Some("1".try_into().expect("one key")))
            .options(Some(
                dp::DtmfOptions::builder()
                    .action(Some(dp::RoutingAction::Department))
                    .action_target_type(Some(dp::RoutingTargetType::Department))
                    .action_target_id(Some(5_550_001_i64))
                    .try_into()
                    .expect("valid DTMF options"),
            ))
            .try_into()
            .expect("valid DTMF entry"),
        dp::DtmfMapping::builder()
            .input(Some("0".try_into().expect("one key")))
            .options(Some(
                dp::DtmfOptions::builder()
                    .action(Some(dp::RoutingAction::Operator))
                    .try_into()
                    .expect("valid DTMF options"),
            ))
            .try_into()
            .expect("valid DTMF entry"),
    ];
    dp::CreateOfficeMessage::builder()
        .name("Berlin Mitte")
        .country(dp::Country::De)
        .currency(dp::CreateOfficeMessageCurrency::Eur)
        .plan_period(dp::CreateOfficeMessagePlanPeriod::Yearly)
        .annual_commit_monthly_billing(false)
        .invoiced(true)
        .unified_billing(true)
        .international_enabled(Some(true))
        .auto_call_recording(true)
        .use_same_address(Some(false))
        .mainline_number(Some("+4930555000".to_string()))
        .group_description(Some(
            "Sales and support for Berlin".try_into().expect("short"),
        ))
        .timezone(Some("Europe/Berlin".to_string()))
        .ring_seconds(Some(30_i64))
        .first_action(Some(dp::CreateOfficeMessageFirstAction::Menu))
        .no_operators_action(Some(dp::RoutingAction::Voicemail))
        .hours_on(true)
        .monday_hours(Some(hours(&["08:00", "12:00", "13:00", "18:00"])))
        .tuesday_hours(Some(hours(&["08:00", "18:00"])))
        .wednesday_hours(Some(hours(&["08:00", "18:00"])))
        .thursday_hours(Some(hours(&["08:00", "20:00"])))
        .friday_hours(Some(hours(&["08:00", "16:00"])))
        .saturday_hours(Some(hours(&["10:00", "14:00"])))
        .sunday_hours(Some(Vec::new()))
        .billing_address(
            dp::BillingAddress::builder()
                .address_line_1("Friedrichstrasse 1")
                .address_line_2(Some("3. Etage".try_into().expect("one line")))
                .city("Berlin")
                .region("Berlin")
                .postal_code("10117")
                .country("DE".to_string()),
        )
        .billing_contact(Some(
            dp::BillingContact::builder()
                .name("Ada Muster")
                .email("billing@example.com".to_string())
                .phone(Some("+4930555001".to_string()))
                .try_into()
                .expect("valid contact"),
        ))
        .e911_address(Some(
            dp::E911Address::builder()
                .address("Friedrichstrasse 1")
                .address2(Some("3. Etage".try_into().expect("one line")))
                .city("Berlin")
                .state("Berlin")
                .zip("10117")
                .country("DE".to_string())
                .try_into()
                .expect("valid E911 address"),
        ))
        .routing_options(Some(
            dp::RoutingOptions::builder()
                .open(routing(dp::RoutingAction::Menu, menu))
                .closed(routing(dp::RoutingAction::Voicemail, Vec::new()))
                .try_into()
                .expect("valid routing"),
        ))
        .voice_intelligence(Some(
            dp::VoiceIntelligence::builder()
                .allow_pause(Some(true))
                .auto_start(Some(false))
                .try_into()
                .expect("valid voice intelligence"),
        ))
        .try_into()
        .expect("a complete office")
}

/// Only the required fields: everything optional must stay off the wire.
fn minimal_office() -> dp::CreateOfficeMessage {
    dp::CreateOfficeMessage::builder()
        .name("Tokyo")
        .country(dp::Country::Jp)
        .currency(dp::CreateOfficeMessageCurrency::Jpy)
        .plan_period(dp::CreateOfficeMessagePlanPeriod::Monthly)
        .annual_commit_monthly_billing(false)
        .invoiced(false)
        .unified_billing(false)
        .billing_address(
            dp::BillingAddress::builder()
                .address_line_1("1-1 Marunouchi")
                .city("Chiyoda")
                .region("Tokyo")
                .postal_code("100-0005")
                .country("JP".to_string()),
        )
        .try_into()
        .expect("a minimal office")
}

#[test]
fn dialpad_full_office() {
    let _snapshots = snapshots().bind_to_scope();
    insta::assert_json_snapshot!("wire__dialpad_full_office", full_office());
}

#[test]
fn dialpad_minimal_office() {
    let _snapshots = snapshots().bind_to_scope();
    insta::assert_json_snapshot!("wire__dialpad_minimal_office", minimal_office());
}

#[test]
fn dialpad_office_round_trips() {
    let office = full_office();
    let text = serde_json::to_string(&office).expect("serializes");
    let back: dp::CreateOfficeMessage = serde_json::from_str(&text).expect("deserializes");
    assert_eq!(back, office);
}

// Bodies are built with the generated builders, as the README recommends: a field the
// vendor adds with a default changes the snapshots below, not the compile of this file.

fn day(start: &str, end: &str) -> wx::builder::OperatingModeDayScheduleObject {
    wx::OperatingModeDayScheduleObject::builder()
        .enabled(true)
        .start_time(Some(wx::TimeOfDay::try_from(start).expect("HH:MM")))
        .end_time(Some(wx::TimeOfDay::try_from(end).expect("HH:MM")))
}

fn closed() -> wx::builder::OperatingModeDayScheduleObject {
    wx::OperatingModeDayScheduleObject::builder()
}

fn forwarding() -> wx::builder::OperatingModeCallForwarding {
    wx::OperatingModeCallForwarding::builder()
        .enabled(true)
        .destination("+19705550006")
}

fn mode(
    name: &str,
    kind: wx::OperatingModeScheduleTypeObject,
) -> wx::builder::OperatingModePostObject {
    wx::OperatingModePostObject::builder()
        .name(name.to_string())
        .type_(kind)
        .level(wx::OrgLocLevelObject::Location)
        .location_id(Some("Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzE".to_string()))
        .call_forwarding(forwarding())
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

fn operating_modes() -> Vec<(&'static str, wx::OperatingModePostObject)> {
    use wx::OperatingModeScheduleTypeObject as Type;
    let same = mode("Business hours", Type::SameHoursDaily).same_hours_daily(Some(
        wx::OperatingModeSameHoursDailyScheduleObject::builder()
            .monday_to_friday(day("09:00", "17:00"))
            .saturday_to_sunday(closed())
            .try_into()
            .expect("complete same-hours schedule"),
    ));
    let different = mode("Shop hours", Type::DifferentHoursDaily).different_hours_daily(Some(
        wx::OperatingModeDifferentHoursDailyScheduleObject::builder()
            .monday(day("09:00", "18:00"))
            .tuesday(day("09:00", "18:00"))
            .wednesday(day("09:00", "13:00"))
            .thursday(day("09:00", "20:00"))
            .friday(day("09:00", "18:00"))
            .saturday(day("10:00", "14:00"))
            .sunday(closed())
            .try_into()
            .expect("complete different-hours schedule"),
    ));
    let christmas = wx::OperatingModeHolidayObject::builder()
        .name("Christmas")
        .all_day_enabled(true)
        .start_date(date(2026, 12, 25))
        .end_date(date(2026, 12, 26))
        .recurrence(Some(
            wx::OperatingModeRecurrenceObject::builder()
                .recur_yearly_by_date(Some(
                    wx::RecurYearlyByDateObject::builder()
                        .day_of_month(std::num::NonZeroU32::new(25).expect("non-zero"))
                        .month(wx::Month::December)
                        .try_into()
                        .expect("complete yearly date"),
                ))
                .try_into()
                .expect("complete recurrence"),
        ));
    let memorial = wx::OperatingModeHolidayObject::builder()
        .name("Memorial Day afternoon")
        .start_date(date(2027, 5, 31))
        .end_date(date(2027, 5, 31))
        .start_time(Some(wx::TimeOfDay::try_from("12:00").expect("HH:MM")))
        .end_time(Some(wx::TimeOfDay::try_from("23:59").expect("HH:MM")))
        .recurrence(Some(
            wx::OperatingModeRecurrenceObject::builder()
                .recur_yearly_by_day(Some(
                    wx::RecurYearlyByDayObject::builder()
                        .day(wx::Weekday::Monday)
                        .week(wx::WeekOfMonth::Last)
                        .month(wx::Month::May)
                        .try_into()
                        .expect("complete yearly weekday"),
                ))
                .try_into()
                .expect("complete recurrence"),
        ));
    let holiday = mode("Holidays", Type::Holiday).holidays(
        [christmas, memorial]
            .into_iter()
            .map(|h| h.try_into().expect("complete holiday"))
            .collect::<Vec<wx::OperatingModeHolidayObject>>(),
    );
    let none = mode("Always forward", Type::None)
        .level(wx::OrgLocLevelObject::Organization)
        .location_id(None::<String>);
    [
        ("webex_same_hours_daily", same),
        ("webex_different_hours_daily", different),
        ("webex_holiday", holiday),
        ("webex_none", none),
    ]
    .into_iter()
    .map(|(name, builder)| (name, builder.try_into().expect("a complete operating mode")))
    .collect()
}

#[test]
fn webex_operating_mode_of_each_type() {
    let _snapshots = snapshots().bind_to_scope();
    for (name, mode) in operating_modes() {
        insta::assert_json_snapshot!(format!("wire__{name}"), mode);
    }
}

#[test]
fn webex_reference_example_round_trips() {
    let _snapshots = snapshots().bind_to_scope();
    let spec = telephony_spec::Vendor::Webex.spec().expect("spec parses");
    let example = telephony_spec::request_example(&spec, "create_operating_mode")
        .expect("the spec carries the reference page's example");
    let typed: wx::OperatingModePostObject =
        serde_json::from_value(example.clone()).expect("the example fits the generated types");
    let back = serde_json::to_value(&typed).expect("serializes");
    // What the types add to or lose from the reference page's example, one line per field: a
    // field the vendor adds with a default shows up here as `added`; update the spec's
    // `example:` when the vendor's page shows it, or accept the snapshot.
    insta::assert_snapshot!(
        "wire__webex_reference_example_through_the_types",
        json_changes(&example, &back)
    );
    insta::assert_json_snapshot!("wire__webex_reference_example", back);
}

/// The fields `after` adds, loses or changes compared with `before`, one per line, by JSON
/// pointer.
fn json_changes(before: &Value, after: &Value) -> String {
    fn walk(at: &str, before: Option<&Value>, after: Option<&Value>, out: &mut Vec<String>) {
        match (before, after) {
            (Some(Value::Object(b)), Some(Value::Object(a))) => {
                let keys: std::collections::BTreeSet<&String> = b.keys().chain(a.keys()).collect();
                for key in keys {
                    walk(&format!("{at}/{key}"), b.get(key), a.get(key), out);
                }
            }
            (Some(Value::Array(b)), Some(Value::Array(a))) => {
                for index in 0..b.len().max(a.len()) {
                    walk(&format!("{at}/{index}"), b.get(index), a.get(index), out);
                }
            }
            (Some(b), Some(a)) if b == a => {}
            (Some(b), Some(a)) => out.push(format!("changed {at}: {b} -> {a}")),
            (None, Some(a)) => out.push(format!("added {at}: {a}")),
            (Some(b), None) => out.push(format!("lost {at}: {b}")),
            (None, None) => {}
        }
    }
    let mut out = Vec::new();
    walk("", Some(before), Some(after), &mut out);
    if out.is_empty() {
        "nothing added, lost or changed".to_string()
    } else {
        out.join("\n")
    }
}

#[test]
fn webex_created_response_decodes() {
    let body = json!({"id": "Y2lzY29zcGFyazovL3VzL09QRVJBVElOR19NT0RFL2JiOTc1OTcxLTBjZWYtNDdhNi05Yzc5LTliZWFjY2IwYjg4Mg"});
    let created: wx::OperatingModeCreated = serde_json::from_value(body.clone()).expect("decodes");
    assert_eq!(serde_json::to_value(created).expect("serializes"), body);
}

#[test]
fn dialpad_response_tolerates_nulls_and_unknown_values() {
    // Every response field may be null or absent, and a value newer than the spec must not
    // turn a successful (billable) create into a decoding error.
    let body = json!({
        "office": {
            "id": 4_711,
            "name": "Berlin Mitte",
            "state": "a_state_added_later",
            "routing_options": {"open": {"action": "ai_agent", "dtmf": null}, "closed": null},
            "monday_hours": ["08:00", "18:00"],
            "e911_address": null
        },
        "plan": null
    });
    let response: dp::OfficeUpdateResponse = serde_json::from_value(body).expect("decodes");
    let office = response.office.expect("office present");
    assert_eq!(office.id, Some(4_711.into()));
    assert_eq!(office.state.as_deref(), Some("a_state_added_later"));
    let open = office
        .routing_options
        .and_then(|r| r.open)
        .expect("open routing present");
    assert_eq!(open.action.as_deref(), Some("ai_agent"));
    assert!(response.plan.is_none());
}

#[test]
fn webex_error_body_decodes() {
    let body: Value = json!({
        "message": "Invalid field value",
        "errors": [{"description": "name is required", "errorCode": 25008}],
        "trackingId": "ROUTER_0123"
    });
    let error: wx::WebexError = serde_json::from_value(body).expect("decodes");
    assert_eq!(error.tracking_id.as_deref(), Some("ROUTER_0123"));
    assert_eq!(error.errors[0].error_code, Some(25008));
}
