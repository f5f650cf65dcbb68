//! Dates as the specs and the manifests write them, `YYYY-MM-DD`, read strictly, with what is
//! wrong with one that is not a date said in words (`February 2027 has 28 days`), where
//! chrono's own errors say only `input is out of range`.
//!
//! ```
//! use telephony_spec::dates::parse_date;
//!
//! assert!(parse_date("2028-02-29").is_ok());
//! let err = parse_date("2027-02-30").unwrap_err();
//! assert_eq!(err.to_string(), "`2027-02-30` is not a date: February 2027 has 28 days");
//! ```

use chrono::{Month, NaiveDate};

/// Why a text is not a date as `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD` (four, two and two digits).
    #[error("`{0}` is not a date as YYYY-MM-DD")]
    Form(String),
    /// A month that is not 1 to 12.
    #[error("`{text}` is not a date: there is no month {month}")]
    NoMonth {
        /// The text read.
        text: String,
        /// The month written.
        month: u32,
    },
    /// A day that is not in its month.
    #[error("`{text}` is not a date: {}", day_reason(*.day, *.month, *.year, *.days))]
    NoDay {
        /// The text read.
        text: String,
        /// The day written.
        day: u32,
        /// The month (1 to 12).
        month: u32,
        /// The year.
        year: i32,
        /// How many days the month has that year.
        days: u32,
    },
}

impl DateError {
    /// What is wrong with a text of the right form (`there is no month 13`), if that is the
    /// trouble.
    pub fn reason(&self) -> Option<String> {
        match self {
            DateError::Form(_) => None,
            DateError::NoMonth { month, .. } => Some(format!("there is no month {month}")),
            DateError::NoDay {
                day,
                month,
                year,
                days,
                ..
            } => Some(day_reason(*day, *month, *year, *days)),
        }
    }
}

fn day_reason(day: u32, month: u32, year: i32, days: u32) -> String {
    let name = u8::try_from(month)
        .ok()
        .and_then(|m| Month::try_from(m).ok())
        .map_or("the month", |m| m.name());
    match day {
        0 => "there is no day 0".into(),
        _ => format!("{name} {year} has {days} days"),
    }
}

/// The date a `YYYY-MM-DD` text names.
pub fn parse_date(text: &str) -> Result<NaiveDate, DateError> {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes[range.clone()]
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| text[range].parse::<u32>().ok())
            .flatten()
    };
    let form = bytes.len() == 10 && bytes[4] == b'-' && bytes[7] == b'-';
    let parts = form
        .then(|| Some((digits(0..4)?, digits(5..7)?, digits(8..10)?)))
        .flatten();
    let Some((year, month, day)) = parts else {
        return Err(DateError::Form(text.to_string()));
    };
    if !(1..=12).contains(&month) {
        return Err(DateError::NoMonth {
            text: text.to_string(),
            month,
        });
    }
    // At most 9999: an i32.
    let year = year as i32;
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| DateError::NoDay {
        text: text.to_string(),
        day,
        month,
        year,
        days: (28..=31)
            .rev()
            .find(|d| NaiveDate::from_ymd_opt(year, month, *d).is_some())
            .unwrap_or(28),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_that_is_not_says_why() {
        let said = |text: &str| parse_date(text).map_err(|e| e.to_string());
        assert_eq!(
            said("2027-02-01"),
            Ok(NaiveDate::from_ymd_opt(2027, 2, 1).unwrap())
        );
        assert_eq!(
            said("2027-13-01"),
            Err("`2027-13-01` is not a date: there is no month 13".into())
        );
        assert_eq!(
            said("2028-02-30"),
            Err("`2028-02-30` is not a date: February 2028 has 29 days".into())
        );
        assert_eq!(
            said("2027-04-31"),
            Err("`2027-04-31` is not a date: April 2027 has 30 days".into())
        );
        assert_eq!(
            said("2027-04-00"),
            Err("`2027-04-00` is not a date: there is no day 0".into())
        );
        for bad in [
            "2027-2-01",
            "02/03/2027",
            "2027-02-01x",
            "",
            "+027-02-01",
            "2027-0٣-01",
        ] {
            assert_eq!(parse_date(bad), Err(DateError::Form(bad.into())), "{bad:?}");
        }
        assert_eq!(
            parse_date("2027-00-01").unwrap_err().reason().as_deref(),
            Some("there is no month 0")
        );
    }
}
