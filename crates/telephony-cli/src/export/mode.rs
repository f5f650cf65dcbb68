//! A Webex operating mode as read (`get_operating_mode`), as a manifest entry: the create
//! body's fields as reported (the location's id as `locationId`, holidays without their ids),
//! and a schedule in their place only when the schedule gives back exactly what was read —
//! the same type, the same days with the same flags and times, the same holidays with the same
//! dates. A mode the schedule language cannot say exactly (a DIFFERENT_HOURS_DAILY mode whose
//! days would make a SAME_HOURS_DAILY one, which an explicit `type` does not change; a closed
//! day with times of its own; a yearly holiday whose start is not its next date) keeps the
//! vendor's fields.

use chrono::NaiveDate;
use serde_json::{Map, Value, json};
use telephony::WeeklyHours;
use telephony::schedule::{
    WEEK, WebexLevel, WebexSchedule, holidays_from_webex, holidays_to_webex_mode,
};
use telephony::webex_types::{OperatingModeDetails, OperatingModePostObject};

use super::entry::{Days, Entry, Wanted, pick, without_nulls};

/// The create body's fields that a read reports as they are.
const REPORTED: [&str; 7] = [
    "name",
    "type",
    "level",
    "callForwarding",
    "sameHoursDaily",
    "differentHoursDaily",
    "holidays",
];

/// The fields a schedule sets in a mode.
const SET_BY_SCHEDULE: [&str; 3] = ["sameHoursDaily", "differentHoursDaily", "holidays"];

/// The zone weekly hours are read in: Webex sends none, and a mode's schedule takes none.
const NO_ZONE: &str = "UTC";

/// The entry of one mode; yearly holidays are compared from `today` on, as `plan` gives them.
pub fn entry(mode: &OperatingModeDetails, today: NaiveDate) -> Entry {
    let reported = without_nulls(serde_json::to_value(mode).unwrap_or(Value::Null));
    let mut body = pick(&reported, &REPORTED);
    if let Some(location) = reported.pointer("/location/id") {
        body.insert("locationId".into(), location.clone());
    }
    if let Some(Value::Array(holidays)) = body.get_mut("holidays") {
        for holiday in holidays.iter_mut() {
            as_sent(holiday);
        }
    }
    match schedule(&body, today) {
        Some((wanted, taken)) => {
            for field in taken {
                body.remove(field);
            }
            Entry {
                body,
                schedule: Some(wanted),
            }
        }
        None => Entry::direct(body),
    }
}

/// A holiday as a create sends it: without the id a read gives it, and the day of a yearly
/// date as the whole number it is (a read may write 25 as 25.0).
fn as_sent(holiday: &mut Value) {
    let Value::Object(fields) = holiday else {
        return;
    };
    fields.remove("id");
    if let Some(day) = fields
        .get_mut("recurrence")
        .and_then(|r| r.get_mut("recurYearlyByDate"))
        && let Some(day) = day.get_mut("dayOfMonth")
        && let Some(number) = day.as_f64()
        && number.fract() == 0.0
        && (1.0..=31.0).contains(&number)
    {
        *day = json!(number as u32);
    }
}

/// The schedule that gives back exactly the mode's schedule fields, and the fields it stands
/// for.
fn schedule(body: &Map<String, Value>, today: NaiveDate) -> Option<(Wanted, Vec<&'static str>)> {
    let typed: OperatingModePostObject =
        serde_json::from_value(Value::Object(body.clone())).ok()?;
    let kind = body.get("type")?.as_str()?;
    let present: Vec<&str> = SET_BY_SCHEDULE
        .into_iter()
        .filter(|f| body.contains_key(*f))
        .collect();
    if kind == "HOLIDAY" {
        if present != ["holidays"] {
            return None;
        }
        let holidays = holidays_from_webex(&typed).ok()?;
        if holidays.is_empty() {
            return None;
        }
        let again = holidays_to_webex_mode(
            "holidays",
            &WebexLevel::Organization,
            typed.call_forwarding.clone(),
            &holidays,
            today,
        )
        .ok()?;
        let same = serde_json::to_value(&again.holidays).ok()? == body["holidays"];
        return same.then_some((Wanted::Holidays(holidays), vec!["holidays"]));
    }
    let week = WeeklyHours::from_webex(&typed, NO_ZONE).ok()?;
    let days: Days = WEEK.map(|day| week.intervals(day).to_vec());
    if days.iter().all(Vec::is_empty) {
        return None;
    }
    let (made, field, value) = match week.to_webex_schedule().ok()? {
        WebexSchedule::SameHoursDaily(same) => ("SAME_HOURS_DAILY", "sameHoursDaily", json!(same)),
        WebexSchedule::DifferentHoursDaily(different) => (
            "DIFFERENT_HOURS_DAILY",
            "differentHoursDaily",
            json!(different),
        ),
    };
    let exact = made == kind && present == [field] && body.get(field) == Some(&value);
    let wanted = Wanted::Weekly {
        days,
        timezone: None,
    };
    exact.then_some((wanted, vec!["type", field]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(fields: Value) -> OperatingModeDetails {
        serde_json::from_value(fields).expect("a mode as read")
    }

    fn day(enabled: bool, start: &str, end: &str) -> Value {
        json!({"enabled": enabled, "allDayEnabled": false, "startTime": start, "endTime": end})
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 2).expect("a date")
    }

    #[test]
    fn same_hours_become_a_schedule_with_the_location_kept() {
        let mode = read(json!({
            "id": "M1", "name": "Hours", "type": "SAME_HOURS_DAILY", "level": "LOCATION",
            "location": {"id": "LOC", "name": "Location LOC"},
            "callForwarding": {"enabled": false, "destination": "+1", "destinationVoicemailEnabled": false},
            "sameHoursDaily": {
                "mondayToFriday": day(true, "08:00", "17:00"),
                "saturdayToSunday": day(false, "00:00", "23:59"),
            },
        }));
        let entry = entry(&mode, today());
        assert_eq!(entry.body["locationId"], "LOC");
        assert!(!entry.body.contains_key("type"));
        assert!(!entry.body.contains_key("sameHoursDaily"));
        assert!(matches!(
            entry.schedule,
            Some(Wanted::Weekly { timezone: None, .. })
        ));
    }

    #[test]
    fn what_a_schedule_would_change_is_written_as_read() {
        let same_every_weekday = json!({
            "monday": day(true, "08:00", "17:00"), "tuesday": day(true, "08:00", "17:00"),
            "wednesday": day(true, "08:00", "17:00"), "thursday": day(true, "08:00", "17:00"),
            "friday": day(true, "08:00", "17:00"), "saturday": day(false, "00:00", "23:59"),
            "sunday": day(false, "00:00", "23:59"),
        });
        let mut closed_with_times = same_every_weekday.clone();
        closed_with_times["monday"] = day(false, "09:00", "12:00");
        closed_with_times["tuesday"] = day(true, "09:00", "12:00");
        for days in [same_every_weekday, closed_with_times] {
            let mode = read(json!({
                "id": "M2", "name": "Odd", "type": "DIFFERENT_HOURS_DAILY", "level": "ORGANIZATION",
                "callForwarding": {"destination": "+1"}, "differentHoursDaily": days,
            }));
            let entry = entry(&mode, today());
            assert_eq!(entry.schedule, None);
            assert_eq!(entry.body["differentHoursDaily"], days);
            assert_eq!(entry.body["type"], "DIFFERENT_HOURS_DAILY");
        }
    }

    #[test]
    fn holidays_become_a_schedule_only_when_their_dates_come_back() {
        let christmas = |start: &str| {
            json!({
                "id": "H1", "name": "Christmas", "allDayEnabled": true, "startDate": start,
                "endDate": start, "recurrence": {"recurYearlyByDate": {"dayOfMonth": 25.0, "month": "DECEMBER"}},
            })
        };
        let mode = |holiday: Value| {
            read(json!({
                "id": "M3", "name": "Holidays", "type": "HOLIDAY", "level": "ORGANIZATION",
                "callForwarding": {"destination": "+1"}, "holidays": [holiday],
            }))
        };
        let next = entry(&mode(christmas("2026-12-25")), today());
        assert!(matches!(next.schedule, Some(Wanted::Holidays(ref h)) if h.len() == 1));
        assert_eq!(next.body["type"], "HOLIDAY");
        let past = entry(&mode(christmas("2025-12-25")), today());
        assert_eq!(past.schedule, None);
        assert_eq!(
            past.body["holidays"][0]["recurrence"]["recurYearlyByDate"]["dayOfMonth"],
            json!(25)
        );
        assert!(past.body["holidays"][0].get("id").is_none());
    }
}
