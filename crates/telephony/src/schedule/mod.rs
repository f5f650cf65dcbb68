//! One business-hours model for both vendors.
//!
//! [`WeeklyHours`] is a tz-database time zone plus, for each weekday, zero or more open
//! intervals; [`Holiday`]s are single dates, date ranges, or yearly by date or by n-th weekday.
//! They convert into Dialpad's `hours_on` + `*_hours` ([`WeeklyHours::to_dialpad`]) and into
//! Webex operating modes ([`WeeklyHours::to_webex_mode`], [`holidays_to_webex_mode`]), and
//! back. What a vendor cannot express is a [`ScheduleError`] naming the day or holiday — never
//! silently dropped: Webex has one interval per day, so a lunch break cannot go there.
//!
//! ```
//! use chrono::Weekday;
//! use telephony::WeeklyHours;
//!
//! let hours = WeeklyHours::new("Europe/Berlin")?
//!     .weekdays("09:00", "17:00")?
//!     .open(Weekday::Sat, "10:00", "14:00")?;
//! let dialpad = hours.to_dialpad();
//! assert_eq!(dialpad.day(Weekday::Sat), ["10:00", "14:00"]);
//! assert!(dialpad.day(Weekday::Sun).is_empty());
//!
//! let with_lunch = hours.open(Weekday::Mon, "17:30", "19:00")?;
//! let err = with_lunch.to_webex_schedule().unwrap_err();
//! assert_eq!(err.to_string(), "Webex allows one open interval per day; Monday has 2");
//! # Ok::<(), telephony::ScheduleError>(())
//! ```

pub(crate) mod holidays;
pub(crate) mod weekly;

pub use crate::dialpad::hours::{DIALPAD_HOURS_FIELDS, DialpadHours};
pub use crate::webex::holidays::{holidays_from_webex, holidays_to_webex_mode};
pub use crate::webex::schedule::{WebexLevel, WebexSchedule};
pub use holidays::{Holiday, HolidayDate, Nth};
/// Dates as `YYYY-MM-DD`, read as the specs' `format: date` is (one implementation).
pub use telephony_spec::dates::{DateError, parse_date};
pub use weekly::{Interval, ScheduleError, WEEK, WeeklyHours, day_name};
