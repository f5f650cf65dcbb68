//! The manifest's day and occurrence words in chrono's and the client's terms.

use chrono::Weekday::{self, Fri, Mon, Sat, Sun, Thu, Tue, Wed};
use telephony::schedule::Nth;

use crate::manifest::{DayKey, NthKey, WeekdayKey};

/// A `weekly` key as written in the manifest, and the days it stands for.
pub fn day(key: DayKey) -> (&'static str, &'static [Weekday]) {
    match key {
        DayKey::Weekdays => ("weekdays", &[Mon, Tue, Wed, Thu, Fri]),
        DayKey::Monday => ("monday", &[Mon]),
        DayKey::Tuesday => ("tuesday", &[Tue]),
        DayKey::Wednesday => ("wednesday", &[Wed]),
        DayKey::Thursday => ("thursday", &[Thu]),
        DayKey::Friday => ("friday", &[Fri]),
        DayKey::Saturday => ("saturday", &[Sat]),
        DayKey::Sunday => ("sunday", &[Sun]),
    }
}

/// The day of a `yearly_nth` holiday.
pub fn weekday(key: WeekdayKey) -> Weekday {
    match key {
        WeekdayKey::Monday => Mon,
        WeekdayKey::Tuesday => Tue,
        WeekdayKey::Wednesday => Wed,
        WeekdayKey::Thursday => Thu,
        WeekdayKey::Friday => Fri,
        WeekdayKey::Saturday => Sat,
        WeekdayKey::Sunday => Sun,
    }
}

/// The occurrence of a `yearly_nth` holiday.
pub fn nth(key: NthKey) -> Nth {
    match key {
        NthKey::First => Nth::First,
        NthKey::Second => Nth::Second,
        NthKey::Third => Nth::Third,
        NthKey::Fourth => Nth::Fourth,
        NthKey::Last => Nth::Last,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_are_monday_to_friday_and_a_day_is_itself() {
        assert_eq!(
            day(DayKey::Weekdays),
            ("weekdays", &[Mon, Tue, Wed, Thu, Fri][..])
        );
        assert_eq!(day(DayKey::Sunday), ("sunday", &[Sun][..]));
        assert_eq!(weekday(WeekdayKey::Thursday), Thu);
    }
}
