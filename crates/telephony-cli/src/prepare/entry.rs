//! One office or mode entry of a manifest made ready to send, the same steps for both vendors:
//! its extra keys taken out, its schedule written in, the body checked by the vendor's spec.

use chrono::NaiveDate;
use serde_json::{Map, Value};
use telephony::{Vendor, validate};

use super::fill::{self, Fill};
use super::hints;
use super::schedule::Schedules;
use crate::item::Item;
use crate::manifest::{MODE_EXTRAS, OFFICE_EXTRAS};
use crate::problem::Problem;
use crate::source::Source;

/// What every entry of one manifest is prepared with.
pub struct Entries<'a> {
    pub source: &'a Source,
    pub schedules: &'a Schedules,
    /// Holidays are given from this day on.
    pub today: NaiveDate,
}

impl Entries<'_> {
    /// The entry at `index` of `vendor`'s section, with its path; `None` once it has added a
    /// problem to `problems`.
    pub fn prepare(
        &self,
        vendor: Vendor,
        index: usize,
        fields: &Map<String, Value>,
        problems: &mut Vec<Problem>,
    ) -> Option<(String, Item)> {
        let path = entry_path(vendor, index);
        let mut body = Value::Object(fields.clone());
        let before = problems.len();
        let org_id = match vendor {
            Vendor::Dialpad => None,
            Vendor::Webex => self.take_extra(&mut body, &path, "org_id", problems),
        };
        let was = self.take_extra(&mut body, &path, "was", problems);
        let key = schedule_key(vendor);
        // The fields a broken schedule would have set: not checked, since what is wrong is
        // the schedule, reported where it is defined.
        let mut unset = Vec::new();
        if let Some(name) = self.take_extra(&mut body, &path, key, problems) {
            match self.schedules.get(&name) {
                Some(Ok(schedule)) => {
                    let fill = Fill {
                        source: self.source,
                        entry: &path,
                        key,
                        today: self.today,
                    };
                    // A schedule this vendor cannot take is one problem at the entry's
                    // schedule key, not also the fields it would have set.
                    let would_set = fill::set_by_schedule(vendor, &body);
                    if !fill.fill(vendor, &mut body, schedule, problems) {
                        unset = would_set;
                    }
                }
                Some(Err(_)) => unset = fill::set_by_schedule(vendor, &body),
                None => problems.push(self.unknown_schedule(&path, key, &name)),
            }
        }
        let defer = match vendor {
            Vendor::Dialpad => create_only(),
            Vendor::Webex => Vec::new(),
        };
        let (found, needs) = checked(self.source, vendor, &path, &body, &unset, &defer);
        problems.extend(found);
        // With a broken schedule the item is still returned, to be checked with the others
        // (its name), though never sent: the schedule's problem stops the manifest.
        if problems.len() != before {
            return None;
        }
        let item = match vendor {
            Vendor::Dialpad => Item::office(body).renamed_from(was).needing(needs),
            Vendor::Webex => {
                // A mode's scope is its location only at the location level.
                let location = (body["level"] == "LOCATION")
                    .then(|| body["locationId"].as_str().map(str::to_string))
                    .flatten();
                Item::mode(body, org_id, location).renamed_from(was)
            }
        };
        Some((path, item))
    }

    /// Removes an extra key (a string) from an entry.
    fn take_extra(
        &self,
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
                    self.source,
                    &format!("{entry}.{key}"),
                    format!("expected a string, found {other}"),
                ));
                None
            }
        }
    }

    fn unknown_schedule(&self, entry: &str, key: &str, name: &str) -> Problem {
        let known: Vec<&str> = self.schedules.keys().map(String::as_str).collect();
        Problem::new(
            self.source,
            &format!("{entry}.{key}"),
            format!(
                "no schedule is named `{name}` (schedules: {})",
                known.join(", ")
            ),
        )
    }
}

/// The body at `entry` checked by `vendor`'s spec: every violation, as problems, but those
/// about the fields `unset` (or within them).
pub fn check(
    source: &Source,
    vendor: Vendor,
    entry: &str,
    body: &Value,
    unset: &[&str],
) -> Vec<Problem> {
    checked(source, vendor, entry, body, unset, &[]).0
}

/// As [`check`], with the problems of required fields `defer` kept apart: they matter only if
/// the item must be created.
fn checked(
    source: &Source,
    vendor: Vendor,
    entry: &str,
    body: &Value,
    unset: &[&str],
    defer: &[String],
) -> (Vec<Problem>, Vec<Problem>) {
    let checked = match vendor {
        Vendor::Dialpad => validate::dialpad_office(body),
        Vendor::Webex => validate::webex_operating_mode(body),
    };
    let Err(violations) = checked else {
        return (Vec::new(), Vec::new());
    };
    let (mut now, mut later) = (Vec::new(), Vec::new());
    for violation in violations.iter() {
        let field = field_of(&violation.path);
        if unset.contains(&field) {
            continue;
        }
        let deferred = violation.rule == "required"
            && violation.path == format!("$.{field}")
            && defer.iter().any(|f| f == field);
        let problem = hints::violation(source, entry, violation);
        if deferred {
            later.push(Problem {
                message: format!(
                    "{}: needed to create this office (Dialpad does not report it back, so it \
                     is needed only while the office does not exist)",
                    problem.message
                ),
                ..problem
            });
        } else {
            now.push(problem);
        }
    }
    (now, later)
}

/// The fields an office's create requires that Dialpad's listing does not report (the billing
/// fields): read from the spec, they are needed only to create an office.
pub fn create_only() -> Vec<String> {
    let dialpad = telephony_spec::validate::Validator::dialpad();
    let reported = dialpad.properties("OfficeProto");
    dialpad
        .required("CreateOfficeMessage")
        .into_iter()
        .filter(|field| !reported.contains(field))
        .collect()
}

/// The field of the body a JSON path is in: `holidays` for `$.holidays[0].name`.
fn field_of(path: &str) -> &str {
    let rest = path.strip_prefix("$.").unwrap_or_default();
    rest.split(['.', '[']).next().unwrap_or_default()
}

/// The path of the entry at `index` of `vendor`'s section of a manifest.
pub fn entry_path(vendor: Vendor, index: usize) -> String {
    let section = match vendor {
        Vendor::Dialpad => "$.dialpad.offices",
        Vendor::Webex => "$.webex.operating_modes",
    };
    format!("{section}[{index}]")
}

/// The name of the schedule an entry of `vendor` uses, if it names one.
pub fn schedule_of(vendor: Vendor, fields: &Map<String, Value>) -> Option<&str> {
    fields.get(schedule_key(vendor)).and_then(Value::as_str)
}

/// The key of an entry that names its schedule.
fn schedule_key(vendor: Vendor) -> &'static str {
    match vendor {
        Vendor::Dialpad => "hours",
        Vendor::Webex => "schedule",
    }
}
