//! Holidays in their Webex form: a HOLIDAY operating mode, and back.
//!
//! A yearly holiday still needs a first date in Webex; it is the first occurrence on or after
//! the `from` date given to [`holidays_to_webex_mode`].

use chrono::{Month, NaiveDate, Weekday};
use telephony_api::webex::types::{
    Month as WxMonth, OperatingModeCallForwarding, OperatingModeHolidayObject,
    OperatingModePostObject, OperatingModeRecurrenceObject,
    OperatingModeScheduleTypeObject as Type, RecurYearlyByDateObject, RecurYearlyByDayObject,
    WeekOfMonth, Weekday as WxWeekday,
};

use super::schedule::{WebexLevel, build, time_of_day};
use crate::schedule::holidays::{Holiday, HolidayDate, Nth};
use crate::schedule::weekly::{Interval, ScheduleError};

/// The most holidays in one Webex operating mode: the spec's `maxItems` of `holidays` (150).
pub fn max_webex_holidays() -> usize {
    telephony_spec::validate::Validator::webex()
        .max_items("OperatingModePostObject", "holidays")
        .unwrap_or(usize::MAX)
}

impl Holiday {
    pub(crate) fn to_webex(
        &self,
        from: NaiveDate,
    ) -> Result<OperatingModeHolidayObject, ScheduleError> {
        let start = self.next_on_or_after(from)?;
        let end = match self.date {
            HolidayDate::Range { last, .. } => last,
            HolidayDate::On(_) | HolidayDate::YearlyOn { .. } | HolidayDate::YearlyNth { .. } => {
                start
            }
        };
        let recurrence = match self.date {
            HolidayDate::YearlyOn { month, day } => {
                let day = std::num::NonZeroU32::new(day).ok_or_else(|| self.error("day 0"))?;
                let by_date = RecurYearlyByDateObject::builder()
                    .day_of_month(day)
                    .month(to_webex_month(month));
                let recurrence = OperatingModeRecurrenceObject::builder()
                    .recur_yearly_by_date(Some(build("recurYearlyByDate", by_date)?));
                Some(build("recurrence", recurrence)?)
            }
            HolidayDate::YearlyNth {
                nth,
                weekday,
                month,
            } => {
                let by_day = RecurYearlyByDayObject::builder()
                    .day(to_webex_weekday(weekday))
                    .week(to_webex_week(nth))
                    .month(to_webex_month(month));
                let recurrence = OperatingModeRecurrenceObject::builder()
                    .recur_yearly_by_day(Some(build("recurYearlyByDay", by_day)?));
                Some(build("recurrence", recurrence)?)
            }
            HolidayDate::On(_) | HolidayDate::Range { .. } => None,
        };
        let holiday = OperatingModeHolidayObject::builder()
            .name(self.name.clone())
            .all_day_enabled(self.hours.is_none())
            .start_date(start)
            .end_date(end)
            .recurrence(recurrence);
        let holiday = match self.hours {
            None => holiday,
            Some(hours) => holiday
                .start_time(Some(time_of_day(hours.open_hhmm())?))
                .end_time(Some(time_of_day(hours.close_hhmm())?)),
        };
        build("OperatingModeHolidayObject", holiday)
    }
}

/// A HOLIDAY operating mode holding `holidays` (at most 150); yearly ones start at their first
/// occurrence on or after `from`.
pub fn holidays_to_webex_mode(
    name: &str,
    level: &WebexLevel,
    call_forwarding: OperatingModeCallForwarding,
    holidays: &[Holiday],
    from: NaiveDate,
) -> Result<OperatingModePostObject, ScheduleError> {
    let max = max_webex_holidays();
    if holidays.len() > max {
        return Err(ScheduleError::TooManyHolidays {
            count: holidays.len(),
            max,
        });
    }
    let (level, location_id) = level.apply();
    let holidays = holidays
        .iter()
        .map(|h| h.to_webex(from))
        .collect::<Result<Vec<_>, _>>()?;
    let mode = OperatingModePostObject::builder()
        .name(name.to_string())
        .type_(Type::Holiday)
        .level(level)
        .location_id(location_id)
        .holidays(holidays)
        .call_forwarding(call_forwarding);
    build("OperatingModePostObject", mode)
}

/// Reads the holidays of a HOLIDAY operating mode back.
pub fn holidays_from_webex(mode: &OperatingModePostObject) -> Result<Vec<Holiday>, ScheduleError> {
    if mode.type_ != Type::Holiday {
        return Err(ScheduleError::NotWeekly(format!(
            "a {} operating mode has no holidays",
            mode.type_
        )));
    }
    mode.holidays.iter().map(from_webex).collect()
}

fn from_webex(holiday: &OperatingModeHolidayObject) -> Result<Holiday, ScheduleError> {
    let hours = match (
        holiday.all_day_enabled,
        &holiday.start_time,
        &holiday.end_time,
    ) {
        (true, _, _) => None,
        (false, Some(start), Some(end)) => Some(Interval::new(start, end)?),
        (false, _, _) => {
            return Err(ScheduleError::Holiday {
                name: holiday.name.as_str().to_string(),
                reason: "not all-day, but without start and end times".into(),
            });
        }
    };
    let recurrence = holiday.recurrence.as_ref();
    let date = match (
        recurrence.and_then(|r| r.recur_yearly_by_date.as_ref()),
        recurrence.and_then(|r| r.recur_yearly_by_day.as_ref()),
    ) {
        (Some(by_date), _) => HolidayDate::YearlyOn {
            month: from_webex_month(by_date.month),
            day: by_date.day_of_month.get(),
        },
        (None, Some(by_day)) => HolidayDate::YearlyNth {
            nth: from_webex_week(by_day.week),
            weekday: from_webex_weekday(by_day.day),
            month: from_webex_month(by_day.month),
        },
        (None, None) if holiday.start_date == holiday.end_date => {
            HolidayDate::On(holiday.start_date)
        }
        (None, None) => HolidayDate::Range {
            first: holiday.start_date,
            last: holiday.end_date,
        },
    };
    Ok(Holiday {
        name: holiday.name.as_str().to_string(),
        date,
        hours,
    })
}

// The conversions below name every value on both sides: a value the vendor adds to a
// generated enum stops the compile here, naming it, instead of being misread.

fn to_webex_month(month: Month) -> WxMonth {
    match month {
        Month::January => WxMonth::January,
        Month::February => WxMonth::February,
        Month::March => WxMonth::March,
        Month::April => WxMonth::April,
        Month::May => WxMonth::May,
        Month::June => WxMonth::June,
        Month::July => WxMonth::July,
        Month::August => WxMonth::August,
        Month::September => WxMonth::September,
        Month::October => WxMonth::October,
        Month::November => WxMonth::November,
        Month::December => WxMonth::December,
    }
}

fn from_webex_month(month: WxMonth) -> Month {
    match month {
        WxMonth::January => Month::January,
        WxMonth::February => Month::February,
        WxMonth::March => Month::March,
        WxMonth::April => Month::April,
        WxMonth::May => Month::May,
        WxMonth::June => Month::June,
        WxMonth::July => Month::July,
        WxMonth::August => Month::August,
        WxMonth::September => Month::September,
        WxMonth::October => Month::October,
        WxMonth::November => Month::November,
        WxMonth::December => Month::December,
    }
}

fn to_webex_weekday(day: Weekday) -> WxWeekday {
    match day {
        Weekday::Mon => WxWeekday::Monday,
        Weekday::Tue => WxWeekday::Tuesday,
        Weekday::Wed => WxWeekday::Wednesday,
        Weekday::Thu => WxWeekday::Thursday,
        Weekday::Fri => WxWeekday::Friday,
        Weekday::Sat => WxWeekday::Saturday,
        Weekday::Sun => WxWeekday::Sunday,
    }
}

fn from_webex_weekday(day: WxWeekday) -> Weekday {
    match day {
        WxWeekday::Monday => Weekday::Mon,
        WxWeekday::Tuesday => Weekday::Tue,
        WxWeekday::Wednesday => Weekday::Wed,
        WxWeekday::Thursday => Weekday::Thu,
        WxWeekday::Friday => Weekday::Fri,
        WxWeekday::Saturday => Weekday::Sat,
        WxWeekday::Sunday => Weekday::Sun,
    }
}

fn to_webex_week(nth: Nth) -> WeekOfMonth {
    match nth {
        Nth::First => WeekOfMonth::First,
        Nth::Second => WeekOfMonth::Second,
        Nth::Third => WeekOfMonth::Third,
        Nth::Fourth => WeekOfMonth::Fourth,
        Nth::Last => WeekOfMonth::Last,
    }
}

fn from_webex_week(week: WeekOfMonth) -> Nth {
    match week {
        WeekOfMonth::First => Nth::First,
        WeekOfMonth::Second => Nth::Second,
        WeekOfMonth::Third => Nth::Third,
        WeekOfMonth::Fourth => Nth::Fourth,
        WeekOfMonth::Last => Nth::Last,
    }
}
