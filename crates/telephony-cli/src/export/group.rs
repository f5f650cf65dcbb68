//! Identical hours grouped into named schedules, and each entry pointed at its schedule.
//!
//! Weekly hours are grouped by their days and time zone. A Webex mode has no time zone, so it
//! shares the schedule of offices with the same days (the first of them by zone, when several
//! zones have those days), or a schedule with no zone when no office has them. Holidays are
//! grouped when they are the same list.
//!
//! Names are derived from what they hold, so the same state always gives the same names:
//! weekly hours are runs of consecutive days with the same intervals, `mon-fri-0800-1700`,
//! `mon-fri-0900-1200+1300-1700_sat-1000-1400` (closed days left out; `daily-…` when all seven
//! days are the same); schedules with the same days in other zones get `-2`, `-3` … in the order
//! of their zones' names. Holidays are named after the first mode (in the manifest's order)
//! that uses them, `holidays-chicago` (or `holidays` for a mode named "Holidays"), with `-2` …
//! when two names would be the same.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value, json};
use telephony::schedule::Nth;
use telephony::{Holiday, HolidayDate};

use super::entry::{Days, Entry, Wanted};

/// The short names of the days, Monday first.
const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
/// The manifest's day keys, Monday first.
const DAY_KEYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Names the schedules of `offices` and `modes`, sets each entry's `hours` or `schedule` to
/// its schedule's name, and returns the schedules as the manifest writes them.
pub fn schedules(offices: &mut [Entry], modes: &mut [Entry]) -> Map<String, Value> {
    let mut zones: BTreeMap<Days, BTreeSet<Option<String>>> = BTreeMap::new();
    for entry in offices.iter() {
        if let Some(Wanted::Weekly { days, timezone }) = &entry.schedule {
            zones
                .entry(days.clone())
                .or_default()
                .insert(timezone.clone());
        }
    }
    for entry in modes.iter() {
        if let Some(Wanted::Weekly { days, .. }) = &entry.schedule {
            zones.entry(days.clone()).or_default();
        }
    }
    let mut schedules = Map::new();
    let mut weekly: BTreeMap<(Days, Option<String>), String> = BTreeMap::new();
    for (days, zoned) in &mut zones {
        if zoned.is_empty() {
            zoned.insert(None);
        }
        let base = weekly_name(days);
        for (index, zone) in zoned.iter().enumerate() {
            let name = numbered(&base, index);
            schedules.insert(name.clone(), weekly_schedule(days, zone.as_deref()));
            weekly.insert((days.clone(), zone.clone()), name);
        }
    }
    for entry in offices.iter_mut() {
        if let Some(Wanted::Weekly { days, timezone }) = &entry.schedule
            && let Some(name) = weekly.get(&(days.clone(), timezone.clone()))
        {
            entry.body.insert("hours".into(), json!(name));
        }
    }
    let mut holidays: Vec<(Vec<Holiday>, String)> = Vec::new();
    for entry in modes.iter_mut() {
        let name = match &entry.schedule {
            None => continue,
            Some(Wanted::Weekly { days, .. }) => zones
                .get(days)
                .and_then(|zoned| zoned.first())
                .and_then(|zone| weekly.get(&(days.clone(), zone.clone())))
                .cloned(),
            Some(Wanted::Holidays(list)) => match holidays.iter().find(|(held, _)| held == list) {
                Some((_, name)) => Some(name.clone()),
                None => {
                    let base = match slug(entry.name()) {
                        named if named.starts_with("holiday") => named,
                        named => format!("holidays-{named}"),
                    };
                    let name = (0..)
                        .map(|index| numbered(base.trim_end_matches('-'), index))
                        .find(|name| !schedules.contains_key(name))
                        .unwrap_or(base);
                    schedules.insert(
                        name.clone(),
                        json!({"holidays": list.iter().map(holiday).collect::<Vec<_>>()}),
                    );
                    holidays.push((list.clone(), name.clone()));
                    Some(name)
                }
            },
        };
        if let Some(name) = name {
            entry.body.insert("schedule".into(), json!(name));
        }
    }
    schedules
}

/// `base` for the first, `base-2`, `base-3` … after it.
fn numbered(base: &str, index: usize) -> String {
    match index {
        0 => base.to_string(),
        n => format!("{base}-{}", n + 1),
    }
}

/// The name of a week: its runs of consecutive days with the same intervals.
fn weekly_name(days: &Days) -> String {
    let times = |intervals: &[telephony::Interval]| {
        intervals
            .iter()
            .map(|i| format!("{}-{}", i.open_hhmm(), i.close_hhmm()).replace(':', ""))
            .collect::<Vec<_>>()
            .join("+")
    };
    if days.iter().all(|day| *day == days[0]) {
        return format!("daily-{}", times(&days[0]));
    }
    let mut runs = Vec::new();
    let mut start = 0;
    while start < days.len() {
        let end = (start..days.len())
            .take_while(|d| days[*d] == days[start])
            .last()
            .unwrap_or(start);
        if !days[start].is_empty() {
            let span = if end == start {
                DAYS[start].to_string()
            } else {
                format!("{}-{}", DAYS[start], DAYS[end])
            };
            runs.push(format!("{span}-{}", times(&days[start])));
        }
        start = end + 1;
    }
    runs.join("_")
}

/// A weekly schedule as the manifest writes it: `weekdays` when Monday to Friday are the same.
fn weekly_schedule(days: &Days, timezone: Option<&str>) -> Value {
    let list = |day: &Vec<telephony::Interval>| {
        json!(day.iter().map(|i| i.to_string()).collect::<Vec<_>>())
    };
    let mut weekly = Map::new();
    let weekdays_alike = days[..5].iter().all(|day| *day == days[0]) && !days[0].is_empty();
    for (index, day) in days.iter().enumerate() {
        if day.is_empty() || (weekdays_alike && index < 5) {
            continue;
        }
        weekly.insert(DAY_KEYS[index].into(), list(day));
    }
    if weekdays_alike {
        weekly.insert("weekdays".into(), list(&days[0]));
    }
    let mut schedule = Map::new();
    if let Some(zone) = timezone {
        schedule.insert("timezone".into(), json!(zone));
    }
    schedule.insert("weekly".into(), Value::Object(weekly));
    Value::Object(schedule)
}

/// A holiday as the manifest writes it.
fn holiday(holiday: &Holiday) -> Value {
    let mut fields = Map::new();
    fields.insert("name".into(), json!(holiday.name));
    match holiday.date {
        HolidayDate::On(date) => {
            fields.insert("date".into(), json!(date));
        }
        HolidayDate::Range { first, last } => {
            fields.insert("date".into(), json!(first));
            fields.insert("until".into(), json!(last));
        }
        HolidayDate::YearlyOn { month, day } => {
            fields.insert(
                "yearly".into(),
                json!({"month": month.number_from_month(), "day": day}),
            );
        }
        HolidayDate::YearlyNth {
            nth,
            weekday,
            month,
        } => {
            let nth = match nth {
                Nth::First => "first",
                Nth::Second => "second",
                Nth::Third => "third",
                Nth::Fourth => "fourth",
                Nth::Last => "last",
            };
            let weekday = telephony::schedule::day_name(weekday).to_lowercase();
            fields.insert(
                "yearly_nth".into(),
                json!({"nth": nth, "weekday": weekday, "month": month.number_from_month()}),
            );
        }
    }
    if let Some(hours) = holiday.hours {
        fields.insert("hours".into(), json!(hours.to_string()));
    }
    Value::Object(fields)
}

/// `Chicago Holidays` → `chicago-holidays`: lower-case letters and digits, runs of anything
/// else as one `-`.
fn slug(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use telephony::Interval;

    fn week(open: &str, close: &str, saturday: bool) -> Days {
        let interval = Interval::new(open, close).expect("an interval");
        std::array::from_fn(|day| {
            if day < 5 || (day == 5 && saturday) {
                vec![interval]
            } else {
                Vec::new()
            }
        })
    }

    fn entry(name: &str, schedule: Wanted) -> Entry {
        let mut body = Map::new();
        body.insert("name".into(), json!(name));
        Entry {
            body,
            schedule: Some(schedule),
        }
    }

    fn weekly(days: Days, zone: Option<&str>) -> Wanted {
        Wanted::Weekly {
            days,
            timezone: zone.map(str::to_string),
        }
    }

    #[test]
    fn two_offices_and_a_mode_with_the_same_hours_share_one_schedule() {
        let chicago = Some("America/Chicago");
        let mut offices = [
            entry("A", weekly(week("08:00", "17:00", false), chicago)),
            entry("B", weekly(week("08:00", "17:00", false), chicago)),
        ];
        let mut modes = [entry("M", weekly(week("08:00", "17:00", false), None))];
        let schedules = schedules(&mut offices, &mut modes);
        assert_eq!(
            Value::Object(schedules),
            json!({"mon-fri-0800-1700": {
                "timezone": "America/Chicago", "weekly": {"weekdays": ["08:00-17:00"]}
            }})
        );
        for entry in &offices {
            assert_eq!(entry.body["hours"], "mon-fri-0800-1700");
        }
        assert_eq!(modes[0].body["schedule"], "mon-fri-0800-1700");
    }

    #[test]
    fn zones_are_numbered_and_other_hours_named_from_their_days() {
        let mut offices = [
            entry(
                "A",
                weekly(week("09:00", "17:30", true), Some("Europe/Paris")),
            ),
            entry(
                "B",
                weekly(week("09:00", "17:30", true), Some("America/Denver")),
            ),
        ];
        let mut modes = [
            entry("M", weekly(week("09:00", "17:30", true), None)),
            entry("N", weekly(week("07:00", "19:00", false), None)),
        ];
        let schedules = schedules(&mut offices, &mut modes);
        let names: Vec<&String> = schedules.keys().collect();
        assert_eq!(
            names,
            [
                "mon-fri-0700-1900",
                "mon-sat-0900-1730",
                "mon-sat-0900-1730-2"
            ]
        );
        assert_eq!(schedules["mon-sat-0900-1730"]["timezone"], "America/Denver");
        assert_eq!(offices[0].body["hours"], "mon-sat-0900-1730-2");
        assert_eq!(modes[0].body["schedule"], "mon-sat-0900-1730");
        assert!(schedules["mon-fri-0700-1900"].get("timezone").is_none());
        let mut days = week("09:00", "12:00", true);
        days[5] = vec![Interval::new("10:00", "14:00").expect("interval")];
        days[6] = days[5].clone();
        assert_eq!(weekly_name(&days), "mon-fri-0900-1200_sat-sun-1000-1400");
        assert_eq!(
            weekly_schedule(&days, None),
            json!({"weekly": {"weekdays": ["09:00-12:00"], "saturday": ["10:00-14:00"], "sunday": ["10:00-14:00"]}})
        );
    }

    #[test]
    fn the_same_holidays_share_a_schedule_named_after_their_first_mode() {
        let christmas = Holiday::all_day(
            "Christmas",
            HolidayDate::YearlyOn {
                month: chrono::Month::December,
                day: 25,
            },
        );
        let mut modes = [
            entry("Chicago!", Wanted::Holidays(vec![christmas.clone()])),
            entry("Denver", Wanted::Holidays(vec![christmas.clone()])),
            entry("Chicago", Wanted::Holidays(Vec::new())),
            entry("Holidays", Wanted::Holidays(vec![christmas.clone(); 2])),
        ];
        let schedules = schedules(&mut [], &mut modes);
        assert_eq!(modes[0].body["schedule"], "holidays-chicago");
        assert_eq!(modes[1].body["schedule"], "holidays-chicago");
        assert_eq!(modes[2].body["schedule"], "holidays-chicago-2");
        assert_eq!(modes[3].body["schedule"], "holidays");
        assert_eq!(
            schedules["holidays-chicago"],
            json!({"holidays": [{"name": "Christmas", "yearly": {"month": 12, "day": 25}}]})
        );
    }
}
