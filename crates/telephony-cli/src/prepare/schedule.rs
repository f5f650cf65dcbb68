//! The manifest's named schedules in the client's model: weekly hours per day and holidays,
//! each problem at the path of the value that caused it.

use std::collections::BTreeMap;

use chrono::Month;
use telephony::WeeklyHours;
use telephony::schedule::{Holiday, HolidayDate, Interval};

use super::keys;
use crate::manifest::{HolidaySpec, Schedule};
use crate::problem::Problem;
use crate::source::Source;

/// A schedule in the client's model.
pub struct Converted {
    pub weekly: Option<WeeklyHours>,
    /// Whether the schedule names its time zone: an office needs one; without one the weekly
    /// hours are held in UTC, which Webex never sees (its modes run in the location's zone).
    pub zoned: bool,
    pub holidays: Vec<Holiday>,
}

/// Why a schedule cannot be used: the path and message of its first problem, reported once,
/// where it is defined (with the entries that use it), and not again for each of them.
pub struct Broken {
    pub path: String,
    pub message: String,
}

impl Broken {
    /// The problem, naming the entries at `users` that use the schedule.
    pub fn problem(&self, source: &Source, users: &[String]) -> Problem {
        let message = match users {
            [] => self.message.clone(),
            [only] => format!("{}; the schedule is used by {only}", self.message),
            [first @ .., last] => format!(
                "{}; the schedule is used by {} and {last}",
                self.message,
                first.join(", ")
            ),
        };
        Problem::new(source, &self.path, message)
    }
}

/// Every schedule by name, converted or broken.
pub type Schedules = BTreeMap<String, Result<Converted, Broken>>;

/// Converts every schedule of a manifest.
pub fn convert_all(schedules: &BTreeMap<String, Schedule>) -> Schedules {
    schedules
        .iter()
        .map(|(name, schedule)| {
            let converted = convert(schedule, &format!("$.schedules.{name}"))
                .map_err(|(path, message)| Broken { path, message });
            (name.clone(), converted)
        })
        .collect()
}

/// One schedule, or the path and message of its first problem.
fn convert(schedule: &Schedule, path: &str) -> Result<Converted, (String, String)> {
    let err = |at: String| move |e: telephony::ScheduleError| (at.clone(), e.to_string());
    let zone = schedule.timezone.as_deref().unwrap_or(UNZONED);
    let mut hours = WeeklyHours::new(zone).map_err(err(format!("{path}.timezone")))?;
    for (key, intervals) in &schedule.weekly {
        let (name, days) = keys::day(*key);
        for (index, text) in intervals.iter().enumerate() {
            let at = format!("{path}.weekly.{name}[{index}]");
            let interval = interval(text).map_err(|m| (at.clone(), m))?;
            for day in days {
                hours.add(*day, interval).map_err(err(at.clone()))?;
            }
        }
    }
    let holidays = schedule
        .holidays
        .iter()
        .enumerate()
        .map(|(index, spec)| holiday(spec).map_err(|m| (format!("{path}.holidays[{index}]"), m)))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Converted {
        weekly: (!schedule.weekly.is_empty()).then_some(hours),
        zoned: schedule.timezone.is_some(),
        holidays,
    })
}

/// The zone weekly hours are held in when the schedule names none (only Webex takes them, and
/// sends no zone).
const UNZONED: &str = "UTC";

/// `"08:00-17:00"`.
fn interval(text: &str) -> Result<Interval, String> {
    let (open, close) = text
        .split_once('-')
        .ok_or_else(|| format!("`{text}` is not an interval such as \"08:00-17:00\""))?;
    Interval::new(open.trim(), close.trim()).map_err(|e| e.to_string())
}

fn holiday(spec: &HolidaySpec) -> Result<Holiday, String> {
    let month = |n: u32| {
        u8::try_from(n)
            .ok()
            .and_then(|n| Month::try_from(n).ok())
            .ok_or_else(|| format!("month {n} is not 1 to 12"))
    };
    let date = match (spec.date, spec.until, &spec.yearly, &spec.yearly_nth) {
        (Some(date), None, None, None) => HolidayDate::On(date),
        (Some(first), Some(last), None, None) => HolidayDate::Range { first, last },
        (None, None, Some(yearly), None) => HolidayDate::YearlyOn {
            month: month(yearly.month)?,
            day: yearly.day,
        },
        (None, None, None, Some(nth)) => HolidayDate::YearlyNth {
            nth: keys::nth(nth.nth),
            weekday: keys::weekday(nth.weekday),
            month: month(nth.month)?,
        },
        _ => {
            return Err(
                "give exactly one of `date` (with `until` for a range), `yearly` or `yearly_nth`"
                    .into(),
            );
        }
    };
    let hours = spec.hours.as_deref().map(interval).transpose()?;
    Ok(Holiday {
        name: spec.name.clone(),
        date,
        hours,
    })
}
