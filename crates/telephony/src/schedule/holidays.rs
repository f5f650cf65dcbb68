//! Holidays: single dates, date ranges, and yearly ones by date or by n-th weekday, with the
//! date each next falls on. (Their Webex form, a HOLIDAY operating mode, is in the Webex
//! module; Dialpad's create-office operation takes no holidays.)

use chrono::{Datelike, Month, NaiveDate, Weekday};

use super::weekly::{Interval, ScheduleError};

/// Which occurrence of a weekday in a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Nth {
    /// The first.
    First,
    /// The second.
    Second,
    /// The third.
    Third,
    /// The fourth.
    Fourth,
    /// The last.
    Last,
}

/// When a holiday falls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HolidayDate {
    /// One date.
    On(NaiveDate),
    /// From `first` to `last`, both included.
    Range {
        /// First day.
        first: NaiveDate,
        /// Last day.
        last: NaiveDate,
    },
    /// Every year on this month and day, such as 25 December.
    YearlyOn {
        /// The month.
        month: Month,
        /// The day of the month.
        day: u32,
    },
    /// Every year on the n-th weekday of a month, such as the last Monday of May.
    YearlyNth {
        /// Which occurrence.
        nth: Nth,
        /// The weekday.
        weekday: Weekday,
        /// The month.
        month: Month,
    },
}

/// A named holiday, all day or during `hours` only.
///
/// ```
/// use chrono::{Month, NaiveDate, Weekday};
/// use telephony::{Holiday, HolidayDate, schedule::Nth};
///
/// let christmas = Holiday::all_day("Christmas", HolidayDate::YearlyOn { month: Month::December, day: 25 });
/// let memorial = Holiday::all_day(
///     "Memorial Day",
///     HolidayDate::YearlyNth { nth: Nth::Last, weekday: Weekday::Mon, month: Month::May },
/// );
/// let from = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
/// assert_eq!(christmas.next_on_or_after(from)?, NaiveDate::from_ymd_opt(2026, 12, 25).unwrap());
/// assert_eq!(memorial.next_on_or_after(from)?, NaiveDate::from_ymd_opt(2027, 5, 31).unwrap());
/// # Ok::<(), telephony::ScheduleError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holiday {
    /// The name.
    pub name: String,
    /// When it falls.
    pub date: HolidayDate,
    /// `None` for the whole day, else the hours it covers.
    pub hours: Option<Interval>,
}

impl Holiday {
    /// A holiday lasting whole days.
    pub fn all_day(name: impl Into<String>, date: HolidayDate) -> Holiday {
        Holiday {
            name: name.into(),
            date,
            hours: None,
        }
    }

    pub(crate) fn error(&self, reason: impl Into<String>) -> ScheduleError {
        ScheduleError::Holiday {
            name: self.name.clone(),
            reason: reason.into(),
        }
    }

    /// The first day of the holiday on or after `from` (for a one-off holiday, its first day,
    /// whatever `from` is).
    pub fn next_on_or_after(&self, from: NaiveDate) -> Result<NaiveDate, ScheduleError> {
        match self.date {
            HolidayDate::On(date) => Ok(date),
            HolidayDate::Range { first, last } if last < first => {
                Err(self.error(format!("ends on {last}, before it starts on {first}")))
            }
            HolidayDate::Range { first, .. } => Ok(first),
            HolidayDate::YearlyOn { month, day } => (from.year()..from.year() + 8)
                .filter_map(|year| NaiveDate::from_ymd_opt(year, month.number_from_month(), day))
                .find(|date| *date >= from)
                .ok_or_else(|| self.error(format!("{} {day} is not a date", month.name()))),
            HolidayDate::YearlyNth {
                nth,
                weekday,
                month,
            } => (from.year()..from.year() + 2)
                .filter_map(|year| nth_weekday(year, month, weekday, nth))
                .find(|date| *date >= from)
                .ok_or_else(|| self.error("no such weekday in the month")),
        }
    }
}

/// The `nth` `weekday` of `month` in `year`.
fn nth_weekday(year: i32, month: Month, weekday: Weekday, nth: Nth) -> Option<NaiveDate> {
    let m = month.number_from_month();
    let index = match nth {
        Nth::First => 1,
        Nth::Second => 2,
        Nth::Third => 3,
        Nth::Fourth => 4,
        Nth::Last => {
            let (next_year, next_month) = if m == 12 {
                (year + 1, 1)
            } else {
                (year, m + 1)
            };
            let last_day = NaiveDate::from_ymd_opt(next_year, next_month, 1)?.pred_opt()?;
            let back = (7 + last_day.weekday().num_days_from_monday()
                - weekday.num_days_from_monday())
                % 7;
            return last_day.checked_sub_days(chrono::Days::new(u64::from(back)));
        }
    };
    NaiveDate::from_weekday_of_month_opt(year, m, weekday, index)
}
