//! A schedule written into a request body in each vendor's terms: Dialpad's `*_hours` fields,
//! or a Webex mode's type with its daily hours or its holidays. A field the schedule would set
//! that the entry already gives is a problem, not overwritten.

use chrono::NaiveDate;
use serde_json::{Value, json};
use telephony::Vendor;
use telephony::schedule::{DIALPAD_HOURS_FIELDS, WebexLevel, WebexSchedule};

use super::schedule::Converted;
use crate::problem::Problem;
use crate::source::Source;

/// Where a schedule goes into one entry's body.
pub struct Fill<'a> {
    pub source: &'a Source,
    /// The entry's path.
    pub entry: &'a str,
    /// The key that named the schedule (`hours`, `schedule`).
    pub key: &'a str,
    /// Holidays are given from this day on.
    pub today: NaiveDate,
}

impl Fill<'_> {
    /// Writes `schedule` into `body` for `vendor`, or adds why not to `problems` and returns
    /// false.
    pub fn fill(
        &self,
        vendor: Vendor,
        body: &mut Value,
        schedule: &Converted,
        problems: &mut Vec<Problem>,
    ) -> bool {
        let filled = match vendor {
            Vendor::Dialpad => dialpad(body, schedule),
            Vendor::Webex => webex(body, schedule, self.today),
        };
        if let Err((field, message)) = filled {
            let path = format!("{}.{}", self.entry, field.unwrap_or(self.key));
            problems.push(Problem::new(self.source, &path, message));
            return false;
        }
        true
    }
}

/// The fields of a Webex mode's body a schedule sets (and `type`, when the body has none).
const WEBEX_SET_BY_SCHEDULE: [&str; 3] = ["sameHoursDaily", "differentHoursDaily", "holidays"];

/// The fields of `body` that a schedule would set for `vendor`.
pub fn set_by_schedule(vendor: Vendor, body: &Value) -> Vec<&'static str> {
    match vendor {
        Vendor::Dialpad => DIALPAD_HOURS_FIELDS.to_vec(),
        Vendor::Webex => {
            let mut fields = WEBEX_SET_BY_SCHEDULE.to_vec();
            if body.get("type").is_none() {
                fields.push("type");
            }
            fields
        }
    }
}

/// Why a schedule cannot go into a body: the field at fault (the schedule's key when `None`)
/// and what to say.
type Unfilled = (Option<&'static str>, String);

fn dialpad(body: &mut Value, schedule: &Converted) -> Result<(), Unfilled> {
    let Some(weekly) = &schedule.weekly else {
        return Err((None, "the schedule has no weekly hours".into()));
    };
    if !schedule.zoned {
        return Err((
            None,
            "the schedule has no timezone, which an office needs (Webex modes take none)".into(),
        ));
    }
    if let Some(field) = DIALPAD_HOURS_FIELDS
        .iter()
        .find(|f| body.get(**f).is_some())
    {
        return Err((
            Some(*field),
            format!("`{field}` is set by `hours`; give one or the other"),
        ));
    }
    for (field, value) in weekly.to_dialpad().json_fields() {
        body[field] = value;
    }
    Ok(())
}

fn webex(body: &mut Value, schedule: &Converted, today: NaiveDate) -> Result<(), Unfilled> {
    let fail = |message: String| (None, message);
    if let Some(field) = WEBEX_SET_BY_SCHEDULE
        .iter()
        .find(|f| body.get(**f).is_some())
    {
        return Err(fail(format!(
            "`{field}` is set by `schedule`; give one or the other"
        )));
    }
    if body["type"] == "HOLIDAY" {
        if schedule.holidays.is_empty() {
            return Err(fail(
                "the schedule has no holidays for a HOLIDAY mode".into(),
            ));
        }
        // Only the holidays of this mode are used; the rest of the body is the entry's.
        let Ok(forward) = telephony::webex_types::OperatingModeCallForwarding::builder()
            .destination("")
            .try_into()
        else {
            return Err(fail(
                "internal: a call forwarding could not be built".into(),
            ));
        };
        let mode = telephony::schedule::holidays_to_webex_mode(
            "holidays",
            &WebexLevel::Organization,
            forward,
            &schedule.holidays,
            today,
        )
        .map_err(|err| fail(err.to_string()))?;
        body["holidays"] = json!(mode.holidays);
        return Ok(());
    }
    let Some(weekly) = &schedule.weekly else {
        return Err(fail(
            "the schedule has no weekly hours (for a HOLIDAY mode, set `type: HOLIDAY`)".into(),
        ));
    };
    let (kind, field, days) = match weekly.to_webex_schedule() {
        Ok(WebexSchedule::SameHoursDaily(same)) => {
            ("SAME_HOURS_DAILY", "sameHoursDaily", json!(same))
        }
        Ok(WebexSchedule::DifferentHoursDaily(different)) => (
            "DIFFERENT_HOURS_DAILY",
            "differentHoursDaily",
            json!(different),
        ),
        Err(err) => return Err(fail(err.to_string())),
    };
    match body.get("type").and_then(Value::as_str) {
        None => body["type"] = json!(kind),
        Some(given) if given == kind => {}
        Some(given) => {
            return Err(fail(format!(
                "the schedule's hours make a {kind} mode, not {given}"
            )));
        }
    }
    body[field] = days;
    Ok(())
}
