//! Building a create-operating-mode body in plain Rust: name, level and forwarding destination
//! up front; weekly hours or holidays from the [`crate::schedule`] model; every problem at
//! once when the body is built.
//!
//! It is the operating-mode side of [`crate::office`]: the fields are gathered as JSON and
//! checked by the spec's own validator at [`ModeBuilder::build`], and a schedule Webex cannot
//! hold (two intervals on one day, say) is reported among the violations instead of failing
//! alone.

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Map, Value, json};
use telephony_api::webex::types::{
    OperatingModePostObject, OperatingModeScheduleTypeObject as Type,
};

use crate::schedule::{Holiday, WebexLevel, WebexSchedule, WeeklyHours};
use crate::validate::{self, Violation, Violations};

/// The schedule a mode is given.
#[derive(Debug, Clone)]
enum Schedule {
    Hours(WeeklyHours),
    Holidays(Vec<Holiday>, NaiveDate),
}

/// A create-operating-mode body, built in Rust.
///
/// ```
/// use telephony::schedule::WebexLevel;
/// use telephony::{ModeBuilder, WeeklyHours};
///
/// let hours = WeeklyHours::new("America/Chicago")?.weekdays("08:00", "17:00")?;
/// let mode = ModeBuilder::new("Business hours", WebexLevel::Location("LOC".into()), "+13125550100")
///     .forwarding_enabled(true)
///     .hours(&hours)
///     .build()?;
/// assert_eq!(mode.type_.to_string(), "SAME_HOURS_DAILY");
///
/// // Two intervals on Monday and an empty name, reported together:
/// let split = hours.clone().open(chrono::Weekday::Mon, "18:00", "20:00")?;
/// let problems = ModeBuilder::new("", WebexLevel::Organization, "+13125550100")
///     .hours(&split)
///     .build()
///     .unwrap_err();
/// assert_eq!(problems.len(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[must_use = "an operating mode body is made by `build()`"]
pub struct ModeBuilder {
    fields: Map<String, Value>,
    forwarding: Map<String, Value>,
    schedule: Option<Schedule>,
    problems: Vec<Violation>,
}

impl ModeBuilder {
    /// A mode named `name` at `level`, forwarding calls to `destination` when forwarding is
    /// enabled (Webex requires a destination either way).
    pub fn new(
        name: impl Into<String>,
        level: WebexLevel,
        destination: impl Into<String>,
    ) -> ModeBuilder {
        let (level, location_id) = level.apply();
        let mut forwarding = Map::new();
        forwarding.insert("destination".into(), json!(destination.into()));
        let builder = ModeBuilder {
            fields: Map::new(),
            forwarding,
            schedule: None,
            problems: Vec::new(),
        };
        let builder = builder.set("name", name.into()).set("level", level);
        match location_id {
            Some(id) => builder.set("locationId", id),
            None => builder,
        }
    }

    /// Whether calls are forwarded while the mode is active (Webex's default: no).
    pub fn forwarding_enabled(mut self, yes: bool) -> ModeBuilder {
        self.forwarding.insert("enabled".into(), json!(yes));
        self
    }

    /// Whether forwarded calls may reach the destination's voicemail (default: no).
    pub fn destination_voicemail(mut self, yes: bool) -> ModeBuilder {
        self.forwarding
            .insert("destinationVoicemailEnabled".into(), json!(yes));
        self
    }

    /// Weekly hours: a SAME_HOURS_DAILY mode when Monday to Friday match and the weekend
    /// days match, else DIFFERENT_HOURS_DAILY. Replaces holidays given before.
    pub fn hours(mut self, hours: &WeeklyHours) -> ModeBuilder {
        self.schedule = Some(Schedule::Hours(hours.clone()));
        self
    }

    /// Holidays (at most 150): a HOLIDAY mode; yearly holidays start at their first
    /// occurrence on or after `from`. Replaces hours given before.
    pub fn holidays(mut self, holidays: &[Holiday], from: NaiveDate) -> ModeBuilder {
        self.schedule = Some(Schedule::Holidays(holidays.to_vec(), from));
        self
    }

    /// Any field by its name in the spec, for a field without a setter here; checked at
    /// [`ModeBuilder::build`] like every other.
    pub fn set(mut self, field: &str, value: impl Serialize) -> ModeBuilder {
        match serde_json::to_value(value) {
            Ok(value) => {
                self.fields.insert(field.to_string(), value);
            }
            Err(err) => self.problems.push(problem(
                format!("$.{field}"),
                "types",
                format!("cannot be written as JSON: {err}"),
            )),
        }
        self
    }

    /// The body, or every violation with its path. Without hours or holidays the mode's type
    /// is NONE.
    pub fn build(mut self) -> Result<OperatingModePostObject, Violations> {
        let forwarding = std::mem::take(&mut self.forwarding);
        self = self.set("callForwarding", forwarding);
        let (kind, fields) = match self.schedule.take() {
            None => (Type::None, Vec::new()),
            Some(Schedule::Hours(hours)) => match hours.to_webex_schedule() {
                Ok(WebexSchedule::SameHoursDaily(same)) => (
                    Type::SameHoursDaily,
                    vec![("sameHoursDaily", validate::to_json(&same))],
                ),
                Ok(WebexSchedule::DifferentHoursDaily(different)) => (
                    Type::DifferentHoursDaily,
                    vec![("differentHoursDaily", validate::to_json(&different))],
                ),
                Err(err) => {
                    let at = "$.differentHoursDaily".to_string();
                    self.problems.push(problem(at, "schedule", err.to_string()));
                    (Type::DifferentHoursDaily, Vec::new())
                }
            },
            Some(Schedule::Holidays(holidays, from)) => {
                let mut converted = Vec::new();
                for (index, holiday) in holidays.iter().enumerate() {
                    match holiday.to_webex(from) {
                        Ok(holiday) => converted.push(validate::to_json(&holiday)),
                        Err(err) => self.problems.push(problem(
                            format!("$.holidays[{index}]"),
                            "schedule",
                            err.to_string(),
                        )),
                    }
                }
                (Type::Holiday, vec![("holidays", Value::Array(converted))])
            }
        };
        self = self.set("type", kind);
        for (field, value) in fields {
            self = self.set(field, value);
        }
        let body = Value::Object(self.fields);
        validate::built(self.problems, validate::webex_operating_mode(&body), body)
    }
}

fn problem(path: String, rule: &str, message: String) -> Violation {
    Violation {
        path,
        rule: rule.into(),
        message,
    }
}
