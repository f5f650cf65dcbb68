//! Weekly hours as Dialpad office hours: `hours_on`, `timezone` and the seven `*_hours` arrays
//! of open/close pairs. Dialpad holds any number of intervals per day, so this direction
//! cannot fail.

use chrono::Weekday;
use serde_json::Value;
use telephony_api::dialpad::types::{CreateOfficeMessage, HourMinute};
use telephony_spec::validate::Validator;

use crate::schedule::weekly::{Interval, ScheduleError, WEEK, WeeklyHours};

/// The office fields weekly hours set: `hours_on`, `timezone` and the seven `*_hours`,
/// Monday first.
pub const DIALPAD_HOURS_FIELDS: [&str; 9] = [
    "hours_on",
    "timezone",
    "monday_hours",
    "tuesday_hours",
    "wednesday_hours",
    "thursday_hours",
    "friday_hours",
    "saturday_hours",
    "sunday_hours",
];

/// Dialpad's form of a week: a time zone and, per day, `HH:MM` open/close pairs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialpadHours {
    timezone: String,
    days: [Vec<String>; 7],
}

impl DialpadHours {
    /// The `*_hours` values of `day`.
    pub fn day(&self, day: Weekday) -> &[String] {
        &self.days[day.num_days_from_monday() as usize]
    }

    /// The time zone name.
    pub fn timezone(&self) -> &str {
        &self.timezone
    }

    /// The value of each of [`DIALPAD_HOURS_FIELDS`] as JSON, in that order (`hours_on` true;
    /// a closed day `[]`).
    ///
    /// ```
    /// let hours = telephony::WeeklyHours::new("Europe/Paris")?.weekdays("09:00", "17:00")?;
    /// let fields = hours.to_dialpad().json_fields();
    /// assert_eq!(fields[2], ("monday_hours", serde_json::json!(["09:00", "17:00"])));
    /// assert_eq!(fields[8], ("sunday_hours", serde_json::json!([])));
    /// # Ok::<(), telephony::ScheduleError>(())
    /// ```
    pub fn json_fields(&self) -> [(&'static str, Value); 9] {
        let mut values = [true.into(), self.timezone.clone().into()]
            .into_iter()
            .chain(self.days.iter().map(|times| Value::from(times.clone())));
        DIALPAD_HOURS_FIELDS.map(|field| (field, values.next().unwrap_or(Value::Null)))
    }

    /// Sets `hours_on`, `timezone` and all seven `*_hours` of an office (a closed day is sent
    /// as `[]`, so Dialpad's defaults never fill it in).
    ///
    /// Fails, leaving the office as it was, only if the generated `HourMinute` type refuses
    /// one of the times (were the spec's pattern for times to change): a time is never
    /// silently left out.
    pub fn apply_to(&self, office: &mut CreateOfficeMessage) -> Result<(), ScheduleError> {
        let [mon, tue, wed, thu, fri, sat, sun] = self.days.clone().map(|times| {
            times
                .into_iter()
                .map(|t| HourMinute::try_from(t.as_str()).map_err(|_| ScheduleError::BadTime(t)))
                .collect::<Result<Vec<_>, _>>()
        });
        let days = [mon?, tue?, wed?, thu?, fri?, sat?, sun?];
        let [mon, tue, wed, thu, fri, sat, sun] = days.map(Some);
        office.hours_on = true;
        office.timezone = Some(self.timezone.clone());
        office.monday_hours = mon;
        office.tuesday_hours = tue;
        office.wednesday_hours = wed;
        office.thursday_hours = thu;
        office.friday_hours = fri;
        office.saturday_hours = sat;
        office.sunday_hours = sun;
        Ok(())
    }
}

impl WeeklyHours {
    /// Dialpad's form of these hours.
    pub fn to_dialpad(&self) -> DialpadHours {
        let days = WEEK.map(|day| {
            self.intervals(day)
                .iter()
                .flat_map(|i| [i.open_hhmm(), i.close_hhmm()])
                .collect()
        });
        DialpadHours {
            timezone: self.timezone().name().to_string(),
            days,
        }
    }

    /// Reads an office's hours back. Days the office leaves out take Dialpad's documented
    /// defaults (from the spec's `x-telephony-default`). An office with `hours_on` false takes
    /// calls at any time, which is not a weekly schedule, and is an error, as is one without a
    /// time zone.
    pub fn from_dialpad(office: &CreateOfficeMessage) -> Result<WeeklyHours, ScheduleError> {
        if !office.hours_on {
            return Err(ScheduleError::NotWeekly(
                "hours_on is false: the office takes calls at any time".into(),
            ));
        }
        let timezone = office
            .timezone
            .as_deref()
            .ok_or_else(|| ScheduleError::VendorHours {
                what: "timezone".into(),
                reason: "the office has no time zone".into(),
            })?;
        let mut hours = WeeklyHours::new(timezone)?;
        let defaults = Validator::dialpad().defaults("CreateOfficeMessage");
        let given = [
            &office.monday_hours,
            &office.tuesday_hours,
            &office.wednesday_hours,
            &office.thursday_hours,
            &office.friday_hours,
            &office.saturday_hours,
            &office.sunday_hours,
        ];
        for ((day, values), field) in WEEK.into_iter().zip(given).zip(&DIALPAD_HOURS_FIELDS[2..]) {
            let times: Vec<String> = match values {
                Some(list) => list.iter().map(|t| t.to_string()).collect(),
                None => default_of(&defaults, field)?,
            };
            if times.len() % 2 == 1 {
                return Err(ScheduleError::VendorHours {
                    what: field.to_string(),
                    reason: format!("{} times do not make open/close pairs", times.len()),
                });
            }
            for pair in times.chunks(2) {
                hours.add(day, Interval::new(&pair[0], &pair[1])?)?;
            }
        }
        Ok(hours)
    }
}

/// The spec's default of a day's hours (none documented: closed); a default that is not a
/// list of texts is an error naming the field, never read as fewer times.
fn default_of(defaults: &[(String, Value)], field: &str) -> Result<Vec<String>, ScheduleError> {
    let Some((_, value)) = defaults.iter().find(|(name, _)| name == field) else {
        return Ok(Vec::new());
    };
    let bad = || ScheduleError::VendorHours {
        what: field.to_string(),
        reason: format!("the spec's default {value} is not a list of HH:MM times"),
    };
    value
        .as_array()
        .ok_or_else(bad)?
        .iter()
        .map(|v| v.as_str().map(str::to_string).ok_or_else(bad))
        .collect()
}
