//! The model itself: a time zone and, for each weekday, zero or more open intervals, with the
//! errors of building and converting it. The vendors' forms of it live with each vendor.

use std::fmt;
use std::str::FromStr;

use chrono::{NaiveTime, Weekday};
use chrono_tz::Tz;

/// Weekdays from Monday, the order of [`WeeklyHours`]' days.
pub const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// Why a schedule cannot be built or converted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ScheduleError {
    /// Not a tz database name.
    #[error("`{0}` is not a tz database time zone (such as America/New_York)")]
    UnknownTimezone(String),
    /// Not a time as HH:MM from 00:00 to 23:59.
    #[error("`{0}` is not a time as HH:MM (00:00 to 23:59)")]
    BadTime(String),
    /// An interval that closes before (or when) it opens.
    #[error("{open}-{close} closes before it opens")]
    EmptyInterval {
        /// Opening time.
        open: String,
        /// Closing time.
        close: String,
    },
    /// Two intervals of a day that overlap or touch.
    #[error("{} has overlapping or touching intervals {first} and {second}", day_name(*.day))]
    Overlap {
        /// The day.
        day: Weekday,
        /// One interval.
        first: String,
        /// The other.
        second: String,
    },
    /// More intervals in a day than Webex can hold.
    #[error("Webex allows one open interval per day; {} has {count}", day_name(*.day))]
    MultipleIntervals {
        /// The day.
        day: Weekday,
        /// How many intervals it has.
        count: usize,
    },
    /// A vendor schedule that is not a weekly schedule (Webex HOLIDAY or NONE, Dialpad with
    /// `hours_on` false).
    #[error("not a weekly schedule: {0}")]
    NotWeekly(String),
    /// Vendor hours that cannot be read back (an odd count, an unreadable time, no time zone).
    #[error("{what}: {reason}")]
    VendorHours {
        /// Which field.
        what: String,
        /// Why.
        reason: String,
    },
    /// A holiday that ends before it starts, or names a date that does not exist.
    #[error("holiday `{name}`: {reason}")]
    Holiday {
        /// The holiday's name.
        name: String,
        /// Why.
        reason: String,
    },
    /// A vendor body could not be built because a field its spec requires is not set here:
    /// the spec gained a required field (see the drift workflow in the README).
    #[error("{what} cannot be built: {reason}")]
    Incomplete {
        /// The generated type.
        what: &'static str,
        /// What its builder said.
        reason: String,
    },
    /// More holidays than one Webex operating mode holds.
    #[error("{count} holidays, more than the {max} a Webex operating mode holds")]
    TooManyHolidays {
        /// How many were given.
        count: usize,
        /// The most allowed.
        max: usize,
    },
}

/// English name of a weekday.
pub fn day_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// An open interval of a day, from `open` up to `close` (minute precision, `open < close`).
///
/// ```
/// let lunch = telephony::Interval::new("12:00", "13:00")?;
/// assert_eq!(lunch.to_string(), "12:00-13:00");
/// assert!(telephony::Interval::new("13:00", "12:00").is_err());
/// # Ok::<(), telephony::ScheduleError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Interval {
    open: NaiveTime,
    close: NaiveTime,
}

impl Interval {
    /// An interval from two `HH:MM` times.
    pub fn new(open: &str, close: &str) -> Result<Interval, ScheduleError> {
        let (open, close) = (parse_time(open)?, parse_time(close)?);
        if open >= close {
            return Err(ScheduleError::EmptyInterval {
                open: hhmm(open),
                close: hhmm(close),
            });
        }
        Ok(Interval { open, close })
    }

    /// Opening time.
    pub fn open(&self) -> NaiveTime {
        self.open
    }

    /// Closing time.
    pub fn close(&self) -> NaiveTime {
        self.close
    }

    /// The opening time as `HH:MM`.
    pub fn open_hhmm(&self) -> String {
        hhmm(self.open)
    }

    /// The closing time as `HH:MM`.
    pub fn close_hhmm(&self) -> String {
        hhmm(self.close)
    }
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", hhmm(self.open), hhmm(self.close))
    }
}

/// Opening hours for a week in one time zone.
///
/// ```
/// use chrono::Weekday;
/// use telephony::WeeklyHours;
///
/// let hours = WeeklyHours::new("America/New_York")?
///     .weekdays("08:00", "12:00")?
///     .weekdays("13:00", "17:00")?;
/// assert_eq!(hours.intervals(Weekday::Wed).len(), 2);
/// assert!(hours.intervals(Weekday::Sun).is_empty());
/// assert_eq!(hours.timezone().name(), "America/New_York");
/// # Ok::<(), telephony::ScheduleError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeeklyHours {
    timezone: Tz,
    days: [Vec<Interval>; 7],
}

impl WeeklyHours {
    /// Closed every day, in `timezone` (a tz database name).
    pub fn new(timezone: &str) -> Result<WeeklyHours, ScheduleError> {
        let timezone = Tz::from_str(timezone)
            .map_err(|_| ScheduleError::UnknownTimezone(timezone.to_string()))?;
        Ok(WeeklyHours {
            timezone,
            days: Default::default(),
        })
    }

    /// Adds an open interval to `day`; it may not overlap or touch the day's others.
    pub fn open(
        mut self,
        day: Weekday,
        open: &str,
        close: &str,
    ) -> Result<WeeklyHours, ScheduleError> {
        self.add(day, Interval::new(open, close)?)?;
        Ok(self)
    }

    /// Adds the same interval to Monday through Friday.
    pub fn weekdays(self, open: &str, close: &str) -> Result<WeeklyHours, ScheduleError> {
        WEEK[..5]
            .iter()
            .try_fold(self, |hours, day| hours.open(*day, open, close))
    }

    /// Adds the same interval to every day.
    pub fn every_day(self, open: &str, close: &str) -> Result<WeeklyHours, ScheduleError> {
        WEEK.iter()
            .try_fold(self, |hours, day| hours.open(*day, open, close))
    }

    /// Adds an interval to a day, keeping the day sorted.
    pub fn add(&mut self, day: Weekday, interval: Interval) -> Result<(), ScheduleError> {
        let list = &mut self.days[day.num_days_from_monday() as usize];
        if let Some(clash) = list
            .iter()
            .find(|i| interval.open <= i.close && i.open <= interval.close)
        {
            return Err(ScheduleError::Overlap {
                day,
                first: clash.to_string(),
                second: interval.to_string(),
            });
        }
        list.push(interval);
        list.sort();
        Ok(())
    }

    /// The open intervals of `day`, in order.
    pub fn intervals(&self, day: Weekday) -> &[Interval] {
        &self.days[day.num_days_from_monday() as usize]
    }

    /// The time zone.
    pub fn timezone(&self) -> Tz {
        self.timezone
    }
}

fn parse_time(text: &str) -> Result<NaiveTime, ScheduleError> {
    let bad = || ScheduleError::BadTime(text.to_string());
    if text.len() != 5 {
        return Err(bad());
    }
    NaiveTime::parse_from_str(text, "%H:%M").map_err(|_| bad())
}

fn hhmm(time: NaiveTime) -> String {
    time.format("%H:%M").to_string()
}
