//! From a manifest to the requests it stands for: schedules converted, every body checked by
//! the vendor's spec, names unique — every problem at once, each with its file, line, column
//! and JSON path. Nothing is sent unless there is no problem at all.

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use chrono::{Month, NaiveDate, Weekday};
use serde_json::{Value, json};
use telephony::schedule::{
    DIALPAD_HOURS_FIELDS, Holiday, HolidayDate, Interval, Nth, WebexLevel, WebexSchedule,
};
use telephony::{WeeklyHours, validate};

use crate::manifest::{
    DayKey, HolidaySpec, MODE_EXTRAS, Manifest, NthKey, OFFICE_EXTRAS, Schedule, WeekdayKey,
};
use crate::source::{Position, Source};

/// One problem of an input file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub file: String,
    pub line: Option<u64>,
    pub column: Option<u64>,
    pub path: String,
    pub message: String,
}

impl Problem {
    fn new(source: &Source, path: &str, message: impl Into<String>) -> Problem {
        let at = source.position(path);
        Problem {
            file: source.file.clone(),
            line: at.map(|p| p.line),
            column: at.map(|p| p.column),
            path: path.to_string(),
            message: message.into(),
        }
    }

    /// A problem with no JSON path, such as a syntax error.
    pub fn at(file: &str, at: Option<Position>, message: impl Into<String>) -> Problem {
        Problem {
            file: file.to_string(),
            line: at.map(|p| p.line),
            column: at.map(|p| p.column),
            path: "$".into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(f, "{}:{line}:{column}", self.file)?,
            _ => write!(f, "{}", self.file)?,
        }
        write!(f, ": {}: {}", self.path, self.message)
    }
}

/// A request the manifest stands for, checked and ready to send.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A Dialpad office; present when an office with its name exists.
    Office { name: String, body: Value },
    /// A Webex operating mode; present when a mode with its name exists in its scope.
    Mode {
        name: String,
        org_id: Option<String>,
        location: Option<String>,
        body: Value,
    },
}

impl Item {
    pub fn vendor(&self) -> &'static str {
        match self {
            Item::Office { .. } => "dialpad",
            Item::Mode { .. } => "webex",
        }
    }

    pub fn name(&self) -> &str {
        match self {
            Item::Office { name, .. } | Item::Mode { name, .. } => name,
        }
    }

    pub fn body(&self) -> &Value {
        match self {
            Item::Office { body, .. } | Item::Mode { body, .. } => body,
        }
    }

    /// What the item is, for people and the journal: `dialpad office "Denver"`,
    /// `webex mode "Business hours" (location LOC, org ORG)`.
    pub fn label(&self) -> String {
        match self {
            Item::Office { name, .. } => format!("dialpad office {name:?}"),
            Item::Mode {
                name,
                org_id,
                location,
                ..
            } => {
                let mut label = format!("webex mode {name:?} (");
                match location {
                    Some(location) => label.push_str(&format!("location {location}")),
                    None => label.push_str("organization level"),
                }
                if let Some(org) = org_id {
                    label.push_str(&format!(", org {org}"));
                }
                label.push(')');
                label
            }
        }
    }
}

/// Checks a manifest and returns its items, or every problem found.
pub fn manifest(source: &Source, today: NaiveDate) -> Result<Vec<Item>, Vec<Problem>> {
    let parsed: Manifest = serde_path_to_error::deserialize(&source.value).map_err(|err| {
        let path = json_path(err.path());
        vec![Problem::new(source, &path, err.inner().to_string())]
    })?;
    let mut problems = Vec::new();
    let mut schedules = BTreeMap::new();
    for (name, schedule) in &parsed.schedules {
        let path = format!("$.schedules.{name}");
        match convert(schedule, &path) {
            Ok(converted) => {
                schedules.insert(name.clone(), Some(converted));
            }
            Err((path, message)) => {
                // Reported once, here; its users are not reported again.
                schedules.insert(name.clone(), None);
                problems.push(Problem::new(source, &path, message));
            }
        }
    }
    let mut items = Vec::new();
    for (index, entry) in parsed.dialpad.offices.iter().enumerate() {
        let path = format!("$.dialpad.offices[{index}]");
        let mut body = Value::Object(entry.0.clone());
        let before = problems.len();
        if let Some(name) = take_extra(source, &mut body, &path, "hours", &mut problems) {
            match schedules.get(&name) {
                Some(Some(schedule)) => {
                    apply_dialpad(source, &mut body, schedule, &path, &mut problems)
                }
                Some(None) => {}
                None => problems.push(unknown_schedule(source, &path, "hours", &name, &schedules)),
            }
        }
        if let Err(violations) = validate::dialpad_office(&body) {
            problems.extend(violations.iter().map(|v| violation(source, &path, v)));
        }
        if problems.len() == before {
            let name = body["name"].as_str().unwrap_or_default().to_string();
            items.push((path, Item::Office { name, body }));
        }
    }
    for (index, entry) in parsed.webex.operating_modes.iter().enumerate() {
        let path = format!("$.webex.operating_modes[{index}]");
        let mut body = Value::Object(entry.0.clone());
        let before = problems.len();
        let org_id = take_extra(source, &mut body, &path, "org_id", &mut problems);
        if let Some(name) = take_extra(source, &mut body, &path, "schedule", &mut problems) {
            match schedules.get(&name) {
                Some(Some(schedule)) => {
                    apply_webex(source, &mut body, schedule, &path, today, &mut problems)
                }
                Some(None) => {}
                None => problems.push(unknown_schedule(
                    source, &path, "schedule", &name, &schedules,
                )),
            }
        }
        if let Err(violations) = validate::webex_operating_mode(&body) {
            problems.extend(violations.iter().map(|v| violation(source, &path, v)));
        }
        if problems.len() == before {
            let name = body["name"].as_str().unwrap_or_default().to_string();
            let location = (body["level"] == "LOCATION")
                .then(|| body["locationId"].as_str().map(str::to_string))
                .flatten();
            items.push((
                path,
                Item::Mode {
                    name,
                    org_id,
                    location,
                    body,
                },
            ));
        }
    }
    let mut seen = HashSet::new();
    for (path, item) in &items {
        if !seen.insert(item.label()) {
            problems.push(Problem::new(
                source,
                &format!("{path}.name"),
                format!(
                    "{} appears twice; names identify what the manifest asks for",
                    item.label()
                ),
            ));
        }
    }
    if problems.is_empty() {
        Ok(items.into_iter().map(|(_, item)| item).collect())
    } else {
        problems.sort_by_key(|p| (p.line, p.column));
        Err(problems)
    }
}

/// Checks one request body (a Dialpad office or a Webex operating mode, told apart by its
/// fields: a mode has `level`).
pub fn single_body(source: &Source) -> Result<Item, Vec<Problem>> {
    let body = &source.value;
    let Some(object) = body.as_object() else {
        return Err(vec![Problem::new(
            source,
            "$",
            "expected a mapping (a request body or a manifest)",
        )]);
    };
    let checked = if object.contains_key("level") {
        validate::webex_operating_mode(body)
    } else {
        validate::dialpad_office(body)
    };
    if let Err(violations) = checked {
        return Err(violations
            .iter()
            .map(|v| violation(source, "$", v))
            .collect());
    }
    let name = body["name"].as_str().unwrap_or_default().to_string();
    Ok(if object.contains_key("level") {
        let location = body["locationId"].as_str().map(str::to_string);
        Item::Mode {
            name,
            org_id: None,
            location,
            body: body.clone(),
        }
    } else {
        Item::Office {
            name,
            body: body.clone(),
        }
    })
}

/// Whether a file's top level is a manifest (it has `schedules`, `dialpad` or `webex`).
pub fn is_manifest(value: &Value) -> bool {
    ["schedules", "dialpad", "webex"]
        .iter()
        .any(|key| value.get(key).is_some())
}

/// A violation of the spec at `entry` + its path, with a word about YAML where the value was
/// probably meant otherwise.
fn violation(source: &Source, entry: &str, v: &validate::Violation) -> Problem {
    let path = format!("{entry}{}", v.path.strip_prefix('$').unwrap_or(&v.path));
    let written = value_at(&source.value, &path);
    let hint = match written {
        Some(Value::String(text))
            if ["yes", "no", "on", "off", "y", "n"].contains(&text.to_lowercase().as_str()) =>
        {
            format!(
                " (YAML: `{text}` is read as text here; write true or false for a flag, or quote an uppercase code)"
            )
        }
        Some(Value::Number(number)) if v.message.contains("must be a string") => {
            format!(" (YAML: write \"{number}\" in quotes to make it text)")
        }
        _ => String::new(),
    };
    Problem::new(source, &path, format!("{}{hint}", v.message))
}

/// The value at a JSON path of the simple form this module writes (`$.a.b[0]`).
fn value_at<'a>(root: &'a Value, path: &str) -> Option<&'a Value> {
    let mut value = root;
    let rest = path.strip_prefix('$')?;
    for part in rest.split('.').filter(|p| !p.is_empty()) {
        let (key, indexes) = part.split_once('[').map_or((part, ""), |(k, i)| (k, i));
        if !key.is_empty() {
            value = value.get(key)?;
        }
        for index in indexes.split('[').filter(|i| !i.is_empty()) {
            value = value.get(index.trim_end_matches(']').parse::<usize>().ok()?)?;
        }
    }
    Some(value)
}

/// Removes an extra key (a string) from an entry.
fn take_extra(
    source: &Source,
    body: &mut Value,
    entry: &str,
    key: &str,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    debug_assert!(OFFICE_EXTRAS.contains(&key) || MODE_EXTRAS.contains(&key));
    match body.as_object_mut()?.remove(key)? {
        Value::String(text) => Some(text),
        other => {
            problems.push(Problem::new(
                source,
                &format!("{entry}.{key}"),
                format!("expected a string, found {other}"),
            ));
            None
        }
    }
}

fn unknown_schedule(
    source: &Source,
    entry: &str,
    key: &str,
    name: &str,
    schedules: &BTreeMap<String, Option<Converted>>,
) -> Problem {
    let known: Vec<&str> = schedules.keys().map(String::as_str).collect();
    Problem::new(
        source,
        &format!("{entry}.{key}"),
        format!(
            "no schedule is named `{name}` (schedules: {})",
            known.join(", ")
        ),
    )
}

/// A schedule in the client's model.
struct Converted {
    weekly: Option<WeeklyHours>,
    holidays: Vec<Holiday>,
}

fn convert(schedule: &Schedule, path: &str) -> Result<Converted, (String, String)> {
    let err = |at: String| move |e: telephony::ScheduleError| (at.clone(), e.to_string());
    let mut hours =
        WeeklyHours::new(&schedule.timezone).map_err(err(format!("{path}.timezone")))?;
    for (key, intervals) in &schedule.weekly {
        for (index, text) in intervals.iter().enumerate() {
            let at = format!("{path}.weekly.{}[{index}]", day_key_name(*key));
            let interval = interval(text).map_err(|m| (at.clone(), m))?;
            for day in days_of(*key) {
                hours.add(day, interval).map_err(err(at.clone()))?;
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
        holidays,
    })
}

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
            nth: match nth.nth {
                NthKey::First => Nth::First,
                NthKey::Second => Nth::Second,
                NthKey::Third => Nth::Third,
                NthKey::Fourth => Nth::Fourth,
                NthKey::Last => Nth::Last,
            },
            weekday: weekday(nth.weekday),
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

fn weekday(key: WeekdayKey) -> Weekday {
    match key {
        WeekdayKey::Monday => Weekday::Mon,
        WeekdayKey::Tuesday => Weekday::Tue,
        WeekdayKey::Wednesday => Weekday::Wed,
        WeekdayKey::Thursday => Weekday::Thu,
        WeekdayKey::Friday => Weekday::Fri,
        WeekdayKey::Saturday => Weekday::Sat,
        WeekdayKey::Sunday => Weekday::Sun,
    }
}

fn days_of(key: DayKey) -> Vec<Weekday> {
    match key {
        DayKey::Weekdays => vec![
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
        ],
        DayKey::Monday => vec![Weekday::Mon],
        DayKey::Tuesday => vec![Weekday::Tue],
        DayKey::Wednesday => vec![Weekday::Wed],
        DayKey::Thursday => vec![Weekday::Thu],
        DayKey::Friday => vec![Weekday::Fri],
        DayKey::Saturday => vec![Weekday::Sat],
        DayKey::Sunday => vec![Weekday::Sun],
    }
}

fn day_key_name(key: DayKey) -> &'static str {
    match key {
        DayKey::Weekdays => "weekdays",
        DayKey::Monday => "monday",
        DayKey::Tuesday => "tuesday",
        DayKey::Wednesday => "wednesday",
        DayKey::Thursday => "thursday",
        DayKey::Friday => "friday",
        DayKey::Saturday => "saturday",
        DayKey::Sunday => "sunday",
    }
}

fn apply_dialpad(
    source: &Source,
    body: &mut Value,
    schedule: &Converted,
    entry: &str,
    problems: &mut Vec<Problem>,
) {
    let Some(weekly) = &schedule.weekly else {
        problems.push(Problem::new(
            source,
            &format!("{entry}.hours"),
            "the schedule has no weekly hours",
        ));
        return;
    };
    if let Some(field) = DIALPAD_HOURS_FIELDS
        .iter()
        .find(|f| body.get(**f).is_some())
    {
        problems.push(Problem::new(
            source,
            &format!("{entry}.{field}"),
            format!("`{field}` is set by `hours`; give one or the other"),
        ));
        return;
    }
    for (field, value) in weekly.to_dialpad().json_fields() {
        body[field] = value;
    }
}

fn apply_webex(
    source: &Source,
    body: &mut Value,
    schedule: &Converted,
    entry: &str,
    today: NaiveDate,
    problems: &mut Vec<Problem>,
) {
    let at = format!("{entry}.schedule");
    let mut fail = |message: String| problems.push(Problem::new(source, &at, message));
    let set_by_schedule = ["sameHoursDaily", "differentHoursDaily", "holidays"];
    if let Some(field) = set_by_schedule.iter().find(|f| body.get(**f).is_some()) {
        fail(format!(
            "`{field}` is set by `schedule`; give one or the other"
        ));
        return;
    }
    if body["type"] == "HOLIDAY" {
        if schedule.holidays.is_empty() {
            fail("the schedule has no holidays for a HOLIDAY mode".into());
            return;
        }
        // Only the holidays of this mode are used; the rest of the body is the entry's.
        let Ok(forward) = telephony::webex_types::OperatingModeCallForwarding::builder()
            .destination("")
            .try_into()
        else {
            fail("internal: a call forwarding could not be built".into());
            return;
        };
        match telephony::schedule::holidays_to_webex_mode(
            "holidays",
            &WebexLevel::Organization,
            forward,
            &schedule.holidays,
            today,
        ) {
            Ok(mode) => body["holidays"] = json!(mode.holidays),
            Err(err) => fail(err.to_string()),
        }
        return;
    }
    let Some(weekly) = &schedule.weekly else {
        fail("the schedule has no weekly hours (for a HOLIDAY mode, set `type: HOLIDAY`)".into());
        return;
    };
    let (kind, field, days) = match weekly.to_webex_schedule() {
        Ok(WebexSchedule::SameHoursDaily(same)) => {
            ("SAME_HOURS_DAILY", "sameHoursDaily", json!(same))
        }
        Ok(WebexSchedule::DifferentHoursDaily(different)) => (
            "DIFFERENT_HOURS_DAILY",
            "differentHoursDaily",
            json!(different),
        ),
        Err(err) => {
            fail(err.to_string());
            return;
        }
    };
    match body.get("type").and_then(Value::as_str) {
        None => body["type"] = json!(kind),
        Some(given) if given == kind => {}
        Some(given) => {
            fail(format!(
                "the schedule's hours make a {kind} mode, not {given}"
            ));
            return;
        }
    }
    body[field] = days;
}

/// A JSON path from serde_path_to_error's path.
fn json_path(path: &serde_path_to_error::Path) -> String {
    let mut out = String::from("$");
    for segment in path.iter() {
        match segment {
            serde_path_to_error::Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            serde_path_to_error::Segment::Map { key } => out.push_str(&format!(".{key}")),
            serde_path_to_error::Segment::Enum { variant } => out.push_str(&format!(".{variant}")),
            serde_path_to_error::Segment::Unknown => {}
        }
    }
    out
}
