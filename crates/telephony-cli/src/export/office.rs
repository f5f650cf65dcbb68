//! A Dialpad office as reported, as a manifest entry: every field of the create body that the
//! listing reports, and its hours as a schedule when the schedule gives back exactly the
//! reported `timezone` and seven `*_hours` (what `hours` sets). The listing does not report
//! `hours_on`: hours reported with a time zone are taken as in use, which `hours` sets.

use serde_json::Value;
use telephony::dialpad_types::OfficeProto;
use telephony::schedule::{DIALPAD_HOURS_FIELDS, WEEK};
use telephony::{Interval, WeeklyHours};

use super::entry::{Days, Entry, Wanted, pick, without_nulls};

/// The create body's fields that the listing reports, besides the hours.
const REPORTED: [&str; 8] = [
    "name",
    "country",
    "timezone",
    "first_action",
    "no_operators_action",
    "ring_seconds",
    "e911_address",
    "routing_options",
];

/// The create body's fields Dialpad does not report, which a create requires.
pub const UNREPORTED_BILLING: [&str; 6] = [
    "annual_commit_monthly_billing",
    "billing_address",
    "currency",
    "invoiced",
    "plan_period",
    "unified_billing",
];

/// The entry of one office.
pub fn entry(office: &OfficeProto) -> Entry {
    let reported = without_nulls(serde_json::to_value(office).unwrap_or(Value::Null));
    let mut body = pick(&reported, &REPORTED);
    body.extend(pick(&reported, &DIALPAD_HOURS_FIELDS[2..]));
    let Some((days, timezone)) = hours(&body) else {
        return Entry::direct(body);
    };
    for field in DIALPAD_HOURS_FIELDS {
        body.remove(field);
    }
    Entry {
        body,
        schedule: Some(Wanted::Weekly {
            days,
            timezone: Some(timezone),
        }),
    }
}

/// The office's week and time zone, when a schedule gives back exactly its `timezone` and
/// `*_hours` (and it is open at some time: a schedule without hours is refused).
fn hours(body: &serde_json::Map<String, Value>) -> Option<(Days, String)> {
    let timezone = body.get("timezone")?.as_str()?;
    let mut week = WeeklyHours::new(timezone).ok()?;
    for (day, field) in WEEK.into_iter().zip(&DIALPAD_HOURS_FIELDS[2..]) {
        let times: Vec<&str> = body
            .get(*field)?
            .as_array()?
            .iter()
            .map(Value::as_str)
            .collect::<Option<_>>()?;
        if times.len() % 2 == 1 {
            return None;
        }
        for pair in times.chunks(2) {
            week.add(day, Interval::new(pair[0], pair[1]).ok()?).ok()?;
        }
    }
    let days: Days = WEEK.map(|day| week.intervals(day).to_vec());
    if days.iter().all(Vec::is_empty) {
        return None;
    }
    // `hours_on` is not reported; the rest must come back as it is.
    let same = week.to_dialpad().json_fields()[1..]
        .iter()
        .all(|(field, value)| body.get(*field) == Some(value));
    same.then(|| (days, timezone.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn office(fields: Value) -> OfficeProto {
        serde_json::from_value(fields).expect("an office as reported")
    }

    fn week(monday: Value, saturday: Value) -> Value {
        json!({
            "id": "5000000000001", "name": "Denver", "country": "US", "is_primary_office": false,
            "timezone": "America/Denver", "state": "active", "phone_numbers": [],
            "monday_hours": monday, "tuesday_hours": ["08:00", "17:00"],
            "wednesday_hours": ["08:00", "17:00"], "thursday_hours": ["08:00", "17:00"],
            "friday_hours": ["08:00", "17:00"], "saturday_hours": saturday, "sunday_hours": [],
        })
    }

    #[test]
    fn reported_hours_become_a_schedule_and_the_rest_stays() {
        let entry = entry(&office(week(json!(["08:00", "17:00"]), json!([]))));
        assert_eq!(
            serde_json::to_value(&entry.body).expect("JSON"),
            json!({"name": "Denver", "country": "US"})
        );
        let Some(Wanted::Weekly { days, timezone }) = entry.schedule else {
            panic!("a weekly schedule: {:?}", entry.schedule);
        };
        assert_eq!(timezone.as_deref(), Some("America/Denver"));
        assert_eq!(days[0][0].to_string(), "08:00-17:00");
        assert!(days[5].is_empty());
    }

    #[test]
    fn hours_a_schedule_cannot_give_back_are_written_as_reported() {
        // Unordered times, and an odd count: the reported fields are kept as they are.
        for monday in [json!(["17:00", "08:00"]), json!(["08:00"])] {
            let entry = entry(&office(week(monday.clone(), json!([]))));
            assert_eq!(entry.schedule, None);
            assert_eq!(entry.body["monday_hours"], monday);
            assert_eq!(entry.body["timezone"], "America/Denver");
        }
        let mut no_zone = week(json!(["08:00", "17:00"]), json!([]));
        no_zone["timezone"] = Value::Null;
        let entry = entry(&office(no_zone));
        assert_eq!(entry.schedule, None);
        assert_eq!(entry.body["sunday_hours"], json!([]));
        assert!(!entry.body.contains_key("timezone"));
    }
}
