//! From a manifest to the requests it stands for: schedules converted, every body checked by
//! the vendor's spec, names unique — every problem at once, each with its file, line, column
//! and JSON path. Nothing is sent unless there is no problem at all.

mod entry;
mod fill;
mod hints;
mod keys;
mod path;
mod schedule;

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use serde_json::Value;
use telephony::Vendor;

use crate::item::Item;
use crate::manifest::Manifest;
use crate::problem::Problem;
use crate::source::Source;

/// Checks a manifest and returns its items, or every problem found.
pub fn manifest(source: &Source, today: NaiveDate) -> Result<Vec<Item>, Vec<Problem>> {
    let parsed: Manifest = serde_path_to_error::deserialize(&source.value).map_err(|err| {
        let path = path::from_serde(err.path());
        let message = date_message(source, &path).unwrap_or_else(|| err.inner().to_string());
        vec![Problem::new(source, &path, message)]
    })?;
    let mut problems = Vec::new();
    let schedules = schedule::convert_all(&parsed.schedules);
    let entries = entry::Entries {
        source,
        schedules: &schedules,
        today,
    };
    let offices = parsed
        .dialpad
        .offices
        .iter()
        .map(|e| (Vendor::Dialpad, &e.0));
    let modes = parsed
        .webex
        .operating_modes
        .iter()
        .map(|e| (Vendor::Webex, &e.0));
    let mut items = Vec::new();
    let mut users: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (index, (vendor, fields)) in offices.enumerate().chain(modes.enumerate()) {
        if let Some(name) = entry::schedule_of(vendor, fields) {
            users
                .entry(name)
                .or_default()
                .push(entry::entry_path(vendor, index));
        }
        items.extend(entries.prepare(vendor, index, fields, &mut problems));
    }
    for (name, broken) in schedules
        .iter()
        .filter_map(|(n, s)| Some((n, s.as_ref().err()?)))
    {
        let users = users.get(name.as_str()).map_or(&[][..], Vec::as_slice);
        problems.push(broken.problem(source, users));
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

/// What is wrong with a holiday's `date` or `until` at `path`, if it is text: the manifest reads
/// dates with chrono, whose errors do not say what a date is (`input is out of range`).
fn date_message(source: &Source, path: &str) -> Option<String> {
    let in_holidays = path.starts_with("$.schedules.") && path.contains(".holidays[");
    if !in_holidays || !(path.ends_with(".date") || path.ends_with(".until")) {
        return None;
    }
    let text = path::value_at(&source.value, path)?.as_str()?;
    telephony::schedule::parse_date(text)
        .err()
        .map(|err| err.to_string())
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
    let vendor = if object.contains_key("level") {
        Vendor::Webex
    } else {
        Vendor::Dialpad
    };
    let problems = entry::check(source, vendor, "$", body, &[]);
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(match vendor {
        Vendor::Dialpad => Item::office(body.clone()),
        Vendor::Webex => {
            let location = body["locationId"].as_str().map(str::to_string);
            Item::mode(body.clone(), None, location)
        }
    })
}

/// Whether a file's top level is a manifest (it has `schedules`, `dialpad` or `webex`).
pub fn is_manifest(value: &Value) -> bool {
    ["schedules", "dialpad", "webex"]
        .iter()
        .any(|key| value.get(key).is_some())
}
