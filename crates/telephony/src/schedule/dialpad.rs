//! Weekly hours as Dialpad office hours: `hours_on`, `timezone` and the seven `*_hours` arrays
//! of open/close pairs. Dialpad holds any number of intervals per day, so this direction
//! cannot fail.

use chrono::Weekday;
use serde_json::Value;
use telephony_api::dialpad::types::{CreateOfficeMessage, HourMinute};
use telephony_spec::validate::Validator;

use super::{Interval, ScheduleError, WEEK, WeeklyHours, day_name};

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

    /// Sets `hours_on`, `timezone` and all seven `*_hours` of an office (a closed day is sent
    /// as `[]`, so Dialpad's defaults never fill it in).
    pub fn apply_to(&self, office: &mut CreateOfficeMessage) {
        let day = |d: Weekday| -> Option<Vec<HourMinute>> {
            Some(
                self.day(d)
                    .iter()
                    .filter_map(|t| HourMinute::try_from(t.as_str()).ok())
                    .collect(),
            )
        };
        office.hours_on = true;
        office.timezone = Some(self.timezone.clone());
        office.monday_hours = day(Weekday::Mon);
        office.tuesday_hours = day(Weekday::Tue);
        office.wednesday_hours = day(Weekday::Wed);
        office.thursday_hours = day(Weekday::Thu);
        office.friday_hours = day(Weekday::Fri);
        office.saturday_hours = day(Weekday::Sat);
        office.sunday_hours = day(Weekday::Sun);
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
            timezone: self.timezone.name().to_string(),
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
        for (day, values) in WEEK.into_iter().zip(given) {
            let field = format!("{}_hours", day_name(day).to_lowercase());
            let times: Vec<String> = match values {
                Some(list) => list.iter().map(|t| t.to_string()).collect(),
                None => default_of(&defaults, &field),
            };
            if times.len() % 2 == 1 {
                return Err(ScheduleError::VendorHours {
                    what: field,
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

fn default_of(defaults: &[(String, Value)], field: &str) -> Vec<String> {
    defaults
        .iter()
        .find(|(name, _)| name == field)
        .and_then(|(_, value)| value.as_array())
        .map(|list| {
            list.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}
