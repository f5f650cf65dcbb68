//! The manifest: named business-hours schedules, Dialpad offices and Webex operating modes,
//! with the APIs' own field names. These types are the manifest's JSON Schema (`telephony
//! schema`) and read the schedules; office and mode entries are kept as JSON and checked by the
//! vendors' specs (every problem at once, with its position).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use schemars::JsonSchema;
use schemars::r#gen::SchemaGenerator;
use schemars::schema::{InstanceType, Schema, SchemaObject};
use serde::Deserialize;
use serde_json::{Map, Value};
use telephony::dialpad_types::CreateOfficeMessage;
use telephony::webex_types::OperatingModePostObject;

/// A manifest of sites to provision.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "telephony manifest")]
pub struct Manifest {
    /// Business hours by name, used by offices (`hours`) and operating modes (`schedule`).
    #[serde(default, deserialize_with = "empty_if_null")]
    pub schedules: BTreeMap<String, Schedule>,
    /// Dialpad offices.
    #[serde(default, deserialize_with = "empty_if_null")]
    pub dialpad: DialpadSection,
    /// Webex Calling operating modes.
    #[serde(default, deserialize_with = "empty_if_null")]
    pub webex: WebexSection,
}

/// The Dialpad part of a manifest.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DialpadSection {
    /// Offices, each a create-office body; an office is present when one with its name
    /// exists.
    #[serde(default, deserialize_with = "empty_if_null")]
    pub offices: Vec<OfficeEntry>,
}

/// The Webex part of a manifest.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WebexSection {
    /// Operating modes, each a create body; a mode is present when one with its name exists
    /// in its organization and level (and location).
    #[serde(default, deserialize_with = "empty_if_null")]
    pub operating_modes: Vec<ModeEntry>,
}

/// A Dialpad create-office body, plus `hours`: the name of a schedule to take the office
/// hours from.
#[derive(Debug, Deserialize)]
pub struct OfficeEntry(pub Map<String, Value>);

/// A Webex create-operating-mode body, plus `org_id` (the organization, default the
/// token's) and `schedule` (the name of a schedule: its weekly hours, or its holidays for
/// `type: HOLIDAY`).
#[derive(Debug, Deserialize)]
pub struct ModeEntry(pub Map<String, Value>);

/// The keys an office entry may carry besides the API's fields.
pub const OFFICE_EXTRAS: [&str; 2] = ["hours", "was"];
/// The keys a mode entry may carry besides the API's fields.
pub const MODE_EXTRAS: [&str; 3] = ["org_id", "schedule", "was"];

impl JsonSchema for OfficeEntry {
    fn schema_name() -> String {
        "OfficeEntry".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        with_extras(
            CreateOfficeMessage::json_schema(generator),
            &[
                (
                    "hours",
                    "Name of a schedule: sets hours_on, timezone and every *_hours.",
                ),
                (
                    "was",
                    "The office's name before a rename: the office of that name is this one \
                     (Dialpad's API cannot rename it; plan says so).",
                ),
            ],
            &[],
        )
    }
}

impl JsonSchema for ModeEntry {
    fn schema_name() -> String {
        "ModeEntry".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        with_extras(
            OperatingModePostObject::json_schema(generator),
            &[
                (
                    "org_id",
                    "Organization to create the mode in (default: the token's).",
                ),
                (
                    "schedule",
                    "Name of a schedule: its weekly hours (SAME_HOURS_DAILY or \
                     DIFFERENT_HOURS_DAILY, chosen from the hours), or its holidays when type \
                     is HOLIDAY.",
                ),
                (
                    "was",
                    "The mode's name before a rename: the mode of that name in the same scope \
                     is this one, and apply renames it.",
                ),
            ],
            // With a schedule, the type follows from its hours.
            &["type"],
        )
    }
}

/// A request body's schema with optional string properties added and some properties no
/// longer required.
fn with_extras(schema: Schema, extras: &[(&str, &str)], optional: &[&str]) -> Schema {
    let Schema::Object(mut object) = schema else {
        return schema;
    };
    let validation = object.object();
    validation
        .required
        .retain(|name| !optional.contains(&name.as_str()));
    for (name, description) in extras {
        let mut property = SchemaObject {
            instance_type: Some(InstanceType::String.into()),
            ..SchemaObject::default()
        };
        property.metadata().description = Some(description.to_string());
        validation
            .properties
            .insert(name.to_string(), Schema::Object(property));
    }
    Schema::Object(object)
}

/// Business hours: a time zone, opening intervals per day, and holidays.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Schedule {
    /// A tz database zone, such as `America/Chicago`. Required when an office uses the
    /// schedule; Webex modes run in their location's zone and take none.
    #[serde(default)]
    pub timezone: Option<String>,
    /// Opening intervals (`"08:00-17:00"`) per day; `weekdays` sets Monday to Friday. A day
    /// left out is closed.
    #[serde(default)]
    pub weekly: BTreeMap<DayKey, Vec<String>>,
    /// Holidays (for Webex HOLIDAY modes; Dialpad's create takes none).
    #[serde(default)]
    pub holidays: Vec<HolidaySpec>,
}

/// A day of the week, or `weekdays` (Monday to Friday).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[allow(missing_docs)]
pub enum DayKey {
    Weekdays,
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

/// A holiday: exactly one of `date` (with `until` for a range), `yearly` or `yearly_nth`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HolidaySpec {
    /// Its name.
    pub name: String,
    /// A date (`YYYY-MM-DD`), the first of a range when `until` is set.
    pub date: Option<NaiveDate>,
    /// The last date of a range.
    pub until: Option<NaiveDate>,
    /// Every year on a month and day.
    pub yearly: Option<YearlyDate>,
    /// Every year on the n-th weekday of a month.
    pub yearly_nth: Option<YearlyNth>,
    /// Hours it covers (`"09:00-12:00"`); the whole day when left out.
    pub hours: Option<String>,
}

/// Every year on `month` `day`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct YearlyDate {
    /// The month, 1 to 12.
    pub month: u32,
    /// The day of the month.
    pub day: u32,
}

/// Every year on the `nth` `weekday` of `month`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct YearlyNth {
    /// first, second, third, fourth or last.
    pub nth: NthKey,
    /// monday … sunday.
    pub weekday: WeekdayKey,
    /// The month, 1 to 12.
    pub month: u32,
}

/// Which occurrence of a weekday.
#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[allow(missing_docs)]
pub enum NthKey {
    First,
    Second,
    Third,
    Fourth,
    Last,
}

/// A day of the week.
#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[allow(missing_docs)]
pub enum WeekdayKey {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

/// A section left empty (`offices:` with nothing after it) reads as empty, not as an error.
fn empty_if_null<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Option::unwrap_or_default)
}

/// The manifest's JSON Schema, for editors.
pub fn schema() -> Value {
    serde_json::to_value(schemars::schema_for!(Manifest)).unwrap_or(Value::Null)
}
