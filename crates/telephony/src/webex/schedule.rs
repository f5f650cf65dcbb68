//! Weekly hours as a Webex operating mode: SAME_HOURS_DAILY when Monday to Friday match and
//! Saturday and Sunday match, otherwise DIFFERENT_HOURS_DAILY. Webex holds one interval per
//! day; a day with more is an error naming it. Webex schedules run in the location's time
//! zone, so the zone of the hours is not sent: use hours in the zone of the location. A day
//! open 00:00-23:59 is Webex's "all day", and an all-day Webex day reads back as 00:00-23:59.
//! A closed day is sent with times too ([`CLOSED_DAY_TIMES`]), as the vendor's schema asks.

use chrono::Weekday;
use telephony_api::webex::types::{
    OperatingModeCallForwarding, OperatingModeDayScheduleObject as Day,
    OperatingModeDifferentHoursDailyScheduleObject as Different, OperatingModePostObject,
    OperatingModeSameHoursDailyScheduleObject as Same, OperatingModeScheduleTypeObject as Type,
    OrgLocLevelObject, TimeOfDay,
};

use crate::schedule::weekly::{Interval, ScheduleError, WEEK, WeeklyHours, day_name};

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
        let [mon, tue, wed, thu, fri, sat, sun] = WEEK.map(day);
        let (mon, tue, wed, thu, fri, sat, sun) = (mon?, tue?, wed?, thu?, fri?, sat?, sun?);
        if [&tue, &wed, &thu, &fri].iter().all(|d| **d == mon) && sat == sun {
            let same = Same::builder()
                .monday_to_friday(mon)
                .saturday_to_sunday(sat);
            return Ok(WebexSchedule::SameHoursDaily(build(
                "sameHoursDaily",
                same,
            )?));
        }
        let different = Different::builder()
            .monday(mon)
            .tuesday(tue)
            .wednesday(wed)
            .thursday(thu)
            .friday(fri)
            .saturday(sat)
            .sunday(sun);
        Ok(WebexSchedule::DifferentHoursDaily(Box::new(build(
            "differentHoursDaily",
            different,
        )?)))
    }

    /// A complete operating mode with these hours.
    pub fn to_webex_mode(
        &self,
        name: &str,
        level: &WebexLevel,
        call_forwarding: OperatingModeCallForwarding,
    ) -> Result<OperatingModePostObject, ScheduleError> {
        let (level, location_id) = level.apply();
        let mode = OperatingModePostObject::builder()
            .name(name.to_string())
            .level(level)
            .location_id(location_id)
            .call_forwarding(call_forwarding);
        let mode = match self.to_webex_schedule()? {
            WebexSchedule::SameHoursDaily(same) => mode
                .type_(Type::SameHoursDaily)
                .same_hours_daily(Some(same)),
            WebexSchedule::DifferentHoursDaily(different) => mode
                .type_(Type::DifferentHoursDaily)
                .different_hours_daily(Some(*different)),
        };
        build("OperatingModePostObject", mode)
    }

    /// Reads a SAME_HOURS_DAILY or DIFFERENT_HOURS_DAILY mode back, in `timezone` (the
    /// location's zone, which the mode does not carry).
    pub fn from_webex(
        mode: &OperatingModePostObject,
        timezone: &str,
    ) -> Result<WeeklyHours, ScheduleError> {
        let missing = || {
            ScheduleError::NotWeekly(format!(
                "a {} operating mode without its schedule",
                mode.type_
            ))
        };
        // Every type is named: a type the vendor adds must be decided here.
        let days: [&Day; 7] = match mode.type_ {
            Type::SameHoursDaily => {
                let s = mode.same_hours_daily.as_ref().ok_or_else(missing)?;
                let (wd, we) = (&s.monday_to_friday, &s.saturday_to_sunday);
                [wd, wd, wd, wd, wd, we, we]
            }
            Type::DifferentHoursDaily => {
                let d = mode.different_hours_daily.as_ref().ok_or_else(missing)?;
                [
                    &d.monday,
                    &d.tuesday,
                    &d.wednesday,
                    &d.thursday,
                    &d.friday,
                    &d.saturday,
                    &d.sunday,
                ]
            }
            Type::Holiday | Type::None => {
                return Err(ScheduleError::NotWeekly(format!(
                    "a {} operating mode",
                    mode.type_
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

/// The times a closed day carries. The vendor's published schema requires `startTime` and
/// `endTime` on every day, and nothing in the vendor's pages shows a closed day accepted
/// without them (only a day enabled all day is shown without times), so a closed day sends
/// the whole day as its span, which no ordering rule can refuse; `enabled: false` is what
/// closes it.
pub const CLOSED_DAY_TIMES: (&str, &str) = ("00:00", "23:59");

fn to_day(day: Weekday, intervals: &[Interval]) -> Result<Day, ScheduleError> {
    let base = Day::builder().enabled(false).all_day_enabled(false);
    let schedule = match intervals {
        [] => base
            .start_time(Some(time_of_day(CLOSED_DAY_TIMES.0.to_string())?))
            .end_time(Some(time_of_day(CLOSED_DAY_TIMES.1.to_string())?)),
        [only] if only.open_hhmm() == "00:00" && only.close_hhmm() == "23:59" => {
            base.enabled(true).all_day_enabled(true)
        }
        [only] => base
            .enabled(true)
            .start_time(Some(time_of_day(only.open_hhmm())?))
            .end_time(Some(time_of_day(only.close_hhmm())?)),
        many => {
            return Err(ScheduleError::MultipleIntervals {
                day,
                count: many.len(),
            });
        }
    };
    build("OperatingModeDayScheduleObject", schedule)
}

/// A Webex time of day from an HH:MM text.
pub(crate) fn time_of_day(hhmm: String) -> Result<TimeOfDay, ScheduleError> {
    TimeOfDay::try_from(hhmm.as_str()).map_err(|_| ScheduleError::BadTime(hhmm))
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
            what: day_name(day).to_string(),
            reason: "enabled and not all-day, but without start and end times".into(),
        }),
    }
}

/// Builds a generated Webex type from its builder.
///
/// Vendor bodies are built with the generated builders, never with struct literals, so that
/// a field a vendor adds with a default (or as optional) changes snapshots, not the compile
/// of this crate. A required field left unset is an error naming the type, not a panic.
pub(crate) fn build<T, B>(what: &'static str, builder: B) -> Result<T, ScheduleError>
where
    B: TryInto<T, Error = telephony_api::webex::types::error::ConversionError>,
{
    builder.try_into().map_err(|e| ScheduleError::Incomplete {
        what,
        reason: e.to_string(),
    })
}
