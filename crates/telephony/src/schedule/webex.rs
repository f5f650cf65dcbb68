//! Weekly hours as a Webex operating mode: SAME_HOURS_DAILY when Monday to Friday match and
//! Saturday and Sunday match, otherwise DIFFERENT_HOURS_DAILY. Webex holds one interval per
//! day; a day with more is an error naming it. Webex schedules run in the location's time
//! zone, so the zone of the hours is not sent: use hours in the zone of the location. A day
//! open 00:00-23:59 is Webex's "all day", and an all-day Webex day reads back as 00:00-23:59.

use chrono::Weekday;
use telephony_api::webex::types::{
    OperatingModeCallForwarding, OperatingModeDayScheduleObject as Day,
    OperatingModeDifferentHoursDailyScheduleObject as Different, OperatingModePostObject,
    OperatingModeSameHoursDailyScheduleObject as Same, OperatingModeScheduleTypeObject as Type,
    OrgLocLevelObject,
};

use super::{Interval, ScheduleError, WEEK, WeeklyHours};

/// Where an operating mode is defined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WebexLevel {
    /// For the whole organization.
    Organization,
    /// For one location, by its id.
    Location(String),
}

impl WebexLevel {
    pub(crate) fn apply(&self) -> (OrgLocLevelObject, Option<String>) {
        match self {
            WebexLevel::Organization => (OrgLocLevelObject::Organization, None),
            WebexLevel::Location(id) => (OrgLocLevelObject::Location, Some(id.clone())),
        }
    }
}

/// The schedule part of a Webex operating mode.
#[derive(Debug, Clone, PartialEq)]
pub enum WebexSchedule {
    /// One schedule for Monday to Friday, one for Saturday and Sunday.
    SameHoursDaily(Same),
    /// One schedule per day.
    DifferentHoursDaily(Box<Different>),
}

impl WeeklyHours {
    /// The Webex schedule of these hours.
    pub fn to_webex_schedule(&self) -> Result<WebexSchedule, ScheduleError> {
        let day = |d: Weekday| to_day(d, self.intervals(d));
        let days = Different {
            monday: day(Weekday::Mon)?,
            tuesday: day(Weekday::Tue)?,
            wednesday: day(Weekday::Wed)?,
            thursday: day(Weekday::Thu)?,
            friday: day(Weekday::Fri)?,
            saturday: day(Weekday::Sat)?,
            sunday: day(Weekday::Sun)?,
        };
        let weekdays = [&days.tuesday, &days.wednesday, &days.thursday, &days.friday];
        if weekdays.iter().all(|d| **d == days.monday) && days.saturday == days.sunday {
            return Ok(WebexSchedule::SameHoursDaily(Same {
                monday_to_friday: days.monday,
                saturday_to_sunday: days.saturday,
            }));
        }
        Ok(WebexSchedule::DifferentHoursDaily(Box::new(days)))
    }

    /// A complete operating mode with these hours.
    pub fn to_webex_mode(
        &self,
        name: &str,
        level: &WebexLevel,
        call_forwarding: OperatingModeCallForwarding,
    ) -> Result<OperatingModePostObject, ScheduleError> {
        let (level, location_id) = level.apply();
        let mut mode = OperatingModePostObject {
            name: name.to_string(),
            type_: Type::SameHoursDaily,
            level,
            location_id,
            same_hours_daily: None,
            different_hours_daily: None,
            holidays: Vec::new(),
            call_forwarding,
        };
        match self.to_webex_schedule()? {
            WebexSchedule::SameHoursDaily(same) => mode.same_hours_daily = Some(same),
            WebexSchedule::DifferentHoursDaily(different) => {
                mode.type_ = Type::DifferentHoursDaily;
                mode.different_hours_daily = Some(*different);
            }
        }
        Ok(mode)
    }

    /// Reads a SAME_HOURS_DAILY or DIFFERENT_HOURS_DAILY mode back, in `timezone` (the
    /// location's zone, which the mode does not carry).
    pub fn from_webex(
        mode: &OperatingModePostObject,
        timezone: &str,
    ) -> Result<WeeklyHours, ScheduleError> {
        let days: [&Day; 7] = match (
            &mode.type_,
            &mode.same_hours_daily,
            &mode.different_hours_daily,
        ) {
            (Type::SameHoursDaily, Some(s), _) => {
                let (wd, we) = (&s.monday_to_friday, &s.saturday_to_sunday);
                [wd, wd, wd, wd, wd, we, we]
            }
            (Type::DifferentHoursDaily, _, Some(d)) => [
                &d.monday,
                &d.tuesday,
                &d.wednesday,
                &d.thursday,
                &d.friday,
                &d.saturday,
                &d.sunday,
            ],
            (kind, _, _) => {
                return Err(ScheduleError::NotWeekly(format!(
                    "a {kind} operating mode (or one without its schedule)"
                )));
            }
        };
        let mut hours = WeeklyHours::new(timezone)?;
        for (day, schedule) in WEEK.into_iter().zip(days) {
            if let Some(interval) = from_day(day, schedule)? {
                hours.add(day, interval)?;
            }
        }
        Ok(hours)
    }
}

fn to_day(day: Weekday, intervals: &[Interval]) -> Result<Day, ScheduleError> {
    match intervals {
        [] => Ok(Day {
            enabled: false,
            all_day_enabled: false,
            start_time: None,
            end_time: None,
        }),
        [only] if only.open_hhmm() == "00:00" && only.close_hhmm() == "23:59" => Ok(Day {
            enabled: true,
            all_day_enabled: true,
            start_time: None,
            end_time: None,
        }),
        [only] => Ok(Day {
            enabled: true,
            all_day_enabled: false,
            start_time: only.open_hhmm().as_str().try_into().ok(),
            end_time: only.close_hhmm().as_str().try_into().ok(),
        }),
        many => Err(ScheduleError::MultipleIntervals {
            day,
            count: many.len(),
        }),
    }
}

fn from_day(day: Weekday, schedule: &Day) -> Result<Option<Interval>, ScheduleError> {
    if !schedule.enabled {
        return Ok(None);
    }
    if schedule.all_day_enabled {
        return Interval::new("00:00", "23:59").map(Some);
    }
    match (&schedule.start_time, &schedule.end_time) {
        (Some(start), Some(end)) => Interval::new(start, end).map(Some),
        _ => Err(ScheduleError::VendorHours {
            what: super::day_name(day).to_string(),
            reason: "enabled and not all-day, but without start and end times".into(),
        }),
    }
}
