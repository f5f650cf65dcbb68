//! `telephony export`: what exists, as a manifest that `validate` accepts and `plan` of which
//! finds nothing to do.
//!
//! Each office and mode is first written as the create body that stands for it exactly: the
//! fields of the create that the vendor reports, as reported ([`office`], [`mode`]). Its hours
//! or holidays become a named schedule only where the schedule, converted as `plan` and
//! `apply` convert it, gives back exactly those fields; anything else (a DIFFERENT_HOURS_DAILY
//! mode whose days would make a SAME_HOURS_DAILY one — an explicit `type` is refused by the
//! conversion, not honoured —, a closed day with times of its own, a yearly holiday whose start
//! is not its next date, an office with no time zone) keeps the vendor's fields, so nothing is
//! lost or changed. Identical hours share one schedule, named from the hours ([`group`]); a
//! schedule only modes use has no time zone (Webex takes none).
//!
//! Dialpad does not report the billing fields a create requires, nor `hours_on`; the header
//! says so. Offices are written in the order of their names (an office whose name another has
//! is left out, named in the header: names identify offices in a manifest); modes by level,
//! location and name.

mod entry;
mod group;
mod mode;
mod office;
mod read;
mod yaml;

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::{Map, Value, json};
use telephony::dialpad_types::OfficeProto;

pub use read::{Filter, State, read};

/// An export: the manifest, and the comments that go before it.
#[derive(Debug)]
pub struct Exported {
    pub manifest: Value,
    pub comments: Vec<String>,
    /// Offices, modes and schedules written.
    pub counts: (usize, usize, usize),
    /// The offices left out because another has their name: name and id.
    pub duplicates: Vec<(String, String)>,
}

impl Exported {
    /// The manifest as YAML, its header first.
    pub fn yaml(&self) -> String {
        yaml::write(&self.manifest, &self.comments)
    }
}

/// The manifest of `state`, read with `filter` (the Webex modes'); yearly holidays are given
/// from `today` on, as `plan` gives them, and the header says it was exported at `now`.
pub fn manifest(state: State, filter: &Filter, today: NaiveDate, now: DateTime<Utc>) -> Exported {
    let mut duplicates = Vec::new();
    let mut offices = Vec::new();
    if let Some(mut listed) = state.offices.clone() {
        // Stable: of offices with one name, the first listed is the one `plan` finds.
        listed.sort_by(|a, b| a.name.cmp(&b.name));
        let mut last: Option<&OfficeProto> = None;
        for office in &listed {
            if last.is_some_and(|l| l.name == office.name) {
                let id = telephony::dialpad::id_of(office).map_or(String::new(), |i| i.to_string());
                duplicates.push((office.name.clone().unwrap_or_default(), id));
                continue;
            }
            last = Some(office);
            offices.push(office::entry(office));
        }
    }
    let mut modes: Vec<_> = state
        .modes
        .iter()
        .flatten()
        .map(|mode| mode::entry(mode, today))
        .collect();
    let key = |e: &entry::Entry| {
        let text = |k: &str| {
            e.body
                .get(k)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        };
        (
            text("level") != "ORGANIZATION",
            text("locationId"),
            text("name"),
        )
    };
    modes.sort_by_key(key);
    if let Some(org) = &filter.org_id {
        for mode in &mut modes {
            mode.body.insert("org_id".into(), json!(org));
        }
    }
    let schedules = group::schedules(&mut offices, &mut modes);
    let counts = (offices.len(), modes.len(), schedules.len());
    let mut manifest = Map::new();
    if !schedules.is_empty() {
        manifest.insert("schedules".into(), Value::Object(schedules));
    }
    let bodies = |entries: Vec<entry::Entry>| {
        Value::Array(entries.into_iter().map(|e| Value::Object(e.body)).collect())
    };
    if state.offices.is_some() {
        manifest.insert("dialpad".into(), json!({ "offices": bodies(offices) }));
    }
    if state.modes.is_some() {
        manifest.insert("webex".into(), json!({ "operating_modes": bodies(modes) }));
    }
    let comments = header(&state, filter, now, counts, &duplicates);
    Exported {
        manifest: Value::Object(manifest),
        comments,
        counts,
        duplicates,
    }
}

/// What was exported and when, and what the manifest does not hold, as comment lines.
fn header(
    state: &State,
    filter: &Filter,
    now: DateTime<Utc>,
    (offices, modes, schedules): (usize, usize, usize),
    duplicates: &[(String, String)],
) -> Vec<String> {
    let mut text = vec![format!(
        "Exported by `telephony export` at {}: what exists, as {schedules} schedules and the \
         entries below; `telephony plan` of this manifest finds nothing to do.",
        now.format("%Y-%m-%dT%H:%M:%SZ")
    )];
    if state.offices.is_some() {
        let primary = match state.primary {
            0 => String::new(),
            _ => " (the primary office left out)".to_string(),
        };
        text.push(format!("Dialpad: {offices} offices{primary}."));
        text.push(format!(
            "Not exported, since Dialpad does not report them: the billing fields an office's \
             create requires ({}); add them to an office that must be created again. Dialpad \
             does not report hours_on either: an office's hours with its time zone are written \
             as `hours`, which turns them on.",
            office::UNREPORTED_BILLING.join(", ")
        ));
    }
    if state.modes.is_some() {
        let org = match &filter.org_id {
            Some(org) => format!("organization {org}"),
            None => "the token's organization".to_string(),
        };
        let mut scope = Vec::new();
        if filter.organization_level {
            scope.push("the organization level".to_string());
        }
        if !filter.locations.is_empty() {
            scope.push(format!("locations {}", filter.locations.join(", ")));
        }
        let scope = match scope.is_empty() {
            true => "every level".to_string(),
            false => scope.join(" and "),
        };
        text.push(format!(
            "Webex: {modes} operating modes of {org} ({scope})."
        ));
    }
    text.push(
        "Schedules are named from their hours (-2, -3 … for the same hours in other time zones) \
         or after the first mode that uses their holidays; an entry whose hours no schedule says \
         exactly keeps the vendor's fields."
            .to_string(),
    );
    for (name, id) in duplicates {
        text.push(format!(
            "Left out: office {name:?} ({id}): another office has its name, and names identify \
             offices."
        ));
    }
    text.iter().flat_map(|t| wrap(t, 96)).collect()
}

/// `text` in lines of at most `width` characters (a longer word on a line of its own).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let line = lines.last_mut().map(|l| l.len()).unwrap_or(0);
        if line > 0 && line + 1 + word.len() > width {
            lines.push(String::new());
        }
        if let Some(line) = lines.last_mut() {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines
}
