//! A Webex operating mode made comparable, and the modify that converges it. Compared: the
//! name, the type, the schedule of the mode's type (its days, or its holidays) and the call
//! forwarding; the level and location are what identifies a mode, the ids are the vendor's.
//! Normalised alike on both sides: the defaults of the spec written in; a day that is not
//! enabled is only that (its times mean nothing), a day or holiday enabled all day has no
//! times; holidays lose their ids, and a recurring holiday its dates (the manifest gives a
//! yearly holiday from its next date, so the dates move every year while the holiday stays the
//! same). What Webex's modify (`OperatingModePatchObject`) has no field for cannot be updated.

use serde_json::{Map, Value};
use telephony_spec::validate::Validator;

use super::normalize::{defaults, keep, object_at, tidy};

/// The schema of Webex's modify.
const PATCH: &str = "OperatingModePatchObject";

/// The field that holds the schedule of each type.
fn schedule_field(kind: &str) -> Option<&'static str> {
    match kind {
        "SAME_HOURS_DAILY" => Some("sameHoursDaily"),
        "DIFFERENT_HOURS_DAILY" => Some("differentHoursDaily"),
        "HOLIDAY" => Some("holidays"),
        _ => None,
    }
}

/// `mode` (a create body, or the vendor's mode as read) as compared, for a mode of type `kind`
/// (the manifest's: the schedule compared is the one that type uses).
pub fn normalized(mode: &Value, kind: &str) -> Value {
    let webex = Validator::webex();
    let mut value = mode.clone();
    tidy(&mut value);
    let mut fields = vec!["name".to_string(), "type".into(), "callForwarding".into()];
    fields.extend(schedule_field(kind).map(str::to_string));
    keep(&mut value, &fields);
    if let Some(forwarding) = value.get_mut("callForwarding") {
        defaults(forwarding, webex, "OperatingModeCallForwarding");
    }
    for week in ["sameHoursDaily", "differentHoursDaily"] {
        if let Some(days) = object_at(&mut value, week) {
            days.values_mut().for_each(|day| self::day(day, webex));
        }
    }
    if let Some(Value::Array(holidays)) = value.get_mut("holidays") {
        holidays.iter_mut().for_each(|h| holiday(h, webex));
        holidays.sort_by_key(|h| h.get("name").and_then(Value::as_str).map(str::to_string));
    }
    value
}

fn day(day: &mut Value, webex: &Validator) {
    defaults(day, webex, "OperatingModeDayScheduleObject");
    let Value::Object(object) = day else { return };
    if object.get("enabled") != Some(&Value::Bool(true)) {
        object.retain(|key, _| key == "enabled");
    } else if object.get("allDayEnabled") == Some(&Value::Bool(true)) {
        drop_times(object);
    }
}

fn holiday(holiday: &mut Value, webex: &Validator) {
    defaults(holiday, webex, "OperatingModeHolidayObject");
    let Value::Object(object) = holiday else {
        return;
    };
    object.remove("id");
    if object.get("allDayEnabled") == Some(&Value::Bool(true)) {
        drop_times(object);
    }
    let recurs = object
        .get("recurrence")
        .and_then(Value::as_object)
        .is_some_and(|r| r.values().any(|v| !v.is_null()));
    if recurs {
        object.remove("startDate");
        object.remove("endDate");
    } else {
        object.remove("recurrence");
    }
}

fn drop_times(object: &mut Map<String, Value>) {
    object.remove("startTime");
    object.remove("endTime");
}

/// The fields Webex's modify can set.
pub fn updatable() -> Vec<String> {
    Validator::webex().properties(PATCH)
}

/// The body of the modify that makes the vendor's mode what `body` (the manifest's create
/// body) asks for: every field of the modify that the body has, the type's schedule only.
pub fn patch(body: &Value) -> Value {
    let kind = body.get("type").and_then(Value::as_str).unwrap_or_default();
    let mut fields: Vec<String> = updatable()
        .into_iter()
        .filter(|f| !["sameHoursDaily", "differentHoursDaily", "holidays"].contains(&f.as_str()))
        .collect();
    fields.extend(schedule_field(kind).map(str::to_string));
    let mut patch = body.clone();
    keep(&mut patch, &fields);
    patch
}

/// Why a field Webex's modify has no place for (a mode's type) cannot be updated.
pub const CANNOT: &str = "Webex's modify cannot change a mode's type; create the mode under a \
    new name and delete this one (`apply --prune`)";

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_mode_as_read_matches_the_body_that_made_it() {
        let body = json!({
            "name": "Hours", "type": "SAME_HOURS_DAILY", "level": "LOCATION", "locationId": "L",
            "sameHoursDaily": {
                "mondayToFriday": {"enabled": true, "startTime": "08:00", "endTime": "17:00"},
                "saturdayToSunday": {"enabled": false, "startTime": "00:00", "endTime": "23:59"}
            },
            "callForwarding": {"destination": "+1"}
        });
        let read = json!({
            "id": "M", "name": "Hours", "type": "SAME_HOURS_DAILY", "level": "LOCATION",
            "location": {"id": "L", "name": "Loc"},
            "sameHoursDaily": {
                "mondayToFriday": {"enabled": true, "allDayEnabled": false, "startTime": "08:00", "endTime": "17:00"},
                "saturdayToSunday": {"enabled": false, "allDayEnabled": false}
            },
            "callForwarding": {"enabled": false, "destination": "+1", "destinationVoicemailEnabled": false},
            "holidays": []
        });
        assert_eq!(
            normalized(&read, "SAME_HOURS_DAILY"),
            normalized(&body, "SAME_HOURS_DAILY")
        );
        let mut moved = read.clone();
        moved["sameHoursDaily"]["mondayToFriday"]["endTime"] = json!("18:00");
        assert_ne!(
            normalized(&moved, "SAME_HOURS_DAILY"),
            normalized(&body, "SAME_HOURS_DAILY")
        );
    }

    #[test]
    fn a_recurring_holiday_is_the_same_whatever_year_its_dates_name() {
        let holiday = |date: &str| {
            json!({"name": "H", "type": "HOLIDAY", "holidays": [{
                "id": "X", "name": "Xmas", "allDayEnabled": true, "startDate": date, "endDate": date,
                "recurrence": {"recurYearlyByDate": {"dayOfMonth": 25.0, "month": "DECEMBER"}}
            }]})
        };
        assert_eq!(
            normalized(&holiday("2026-12-25"), "HOLIDAY"),
            normalized(&holiday("2027-12-25"), "HOLIDAY")
        );
    }

    #[test]
    fn the_patch_carries_the_types_schedule_and_never_the_type() {
        let body = json!({
            "name": "H", "type": "HOLIDAY", "level": "ORGANIZATION",
            "holidays": [], "callForwarding": {"destination": "+1"}
        });
        let patch = patch(&body);
        assert!(patch.get("type").is_none());
        assert!(patch.get("level").is_none());
        assert_eq!(patch["holidays"], json!([]));
        assert_eq!(patch["name"], "H");
    }
}
