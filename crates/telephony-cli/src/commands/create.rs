//! `telephony dialpad create-office` and `telephony webex create-operating-mode`: one create,
//! then its read-back. The id is printed (and journaled) as soon as the create ends known, so
//! that nothing that fails afterwards can lose it: a failed read-back says "created; reading
//! it back failed" with the id, and exits 3. A create its vendor refused for a setting (the
//! token, with 401 or 403: refused as such, so surely not created; a base URL that cannot
//! work) exits 2 naming where that setting came from, and journals nothing; an outcome that
//! may have been carried out is never taken for one, and exits 3.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use telephony::Vendor;

use crate::cli::{Global, Output};
use crate::clients::{self, Clients, Doing};
use crate::exit::{Setup, Stop, Unfinished};
use crate::input;
use crate::item::Item;
use crate::journal::{self, Entry, Journal, Recorded};
use crate::output;

/// Creates the `vendor` resource whose body is `file`, in `org_id` (Webex only), journaled
/// to `journal` (or beside FILE; none against the built-in mock, whose state ends with the
/// process).
pub async fn run(
    global: &Global,
    file: &Path,
    vendor: Vendor,
    org_id: Option<String>,
    journal: Option<PathBuf>,
) -> Result<(), Stop> {
    let item = input::body(file)?;
    if item.vendor() != vendor {
        return Err(Setup::NotA {
            file: file.display().to_string(),
            vendor,
        }
        .into());
    }
    let (clients, _mock) = clients::build(global, std::slice::from_ref(&item)).await?;
    let journal = journal.or_else(|| (!global.mock).then(|| journal::default_path(file, false)));
    let journal = journal.as_deref().map(Journal::open).transpose()?;
    let created = send(&item, org_id.as_deref(), &clients).await?;
    let (id, how) = (created.id(), created.how());
    if let Some(journal) = &journal {
        let entry = Entry::new(&item, created.recorded(), Some(id.clone()), None);
        journal
            .record(&entry)
            .map_err(|source| Unfinished::Unrecorded {
                label: item.label(),
                how,
                id: id.clone(),
                source,
            })?;
    }
    if global.output == Output::Text {
        println!("{} {how}: {id}", item.label());
    }
    let read = read_back(&created, org_id.as_deref(), &clients).await;
    show(global.output, created.recorded().word(), &id, &read);
    match read {
        Ok(_) => Ok(()),
        Err(source) => Err(Unfinished::ReadBack {
            label: item.label(),
            how,
            id,
            source,
        }
        .into()),
    }
}

/// What a single create made, before it is read back.
enum Created {
    Office(telephony::Outcome<i64>),
    Mode(telephony::Outcome<String>),
}

impl Created {
    fn id(&self) -> String {
        match self {
            Created::Office(outcome) => outcome.id().to_string(),
            Created::Mode(outcome) => outcome.id().clone(),
        }
    }

    fn is_created(&self) -> bool {
        match self {
            Created::Office(outcome) => outcome.is_created(),
            Created::Mode(outcome) => outcome.is_created(),
        }
    }

    /// "created", or "found by reading back".
    fn how(&self) -> &'static str {
        if self.is_created() {
            "created"
        } else {
            "found by reading back"
        }
    }

    fn recorded(&self) -> Recorded {
        if self.is_created() {
            Recorded::Created
        } else {
            Recorded::Found
        }
    }
}

/// The create of `item`, exactly once.
async fn send(item: &Item, org_id: Option<&str>, clients: &Clients) -> Result<Created, Stop> {
    let created = match item {
        Item::Office { body, .. } => {
            let client = clients
                .dialpad
                .as_ref()
                .ok_or(Setup::NoClient(telephony::Vendor::Dialpad))?;
            client.create_office_json(body).await.map(Created::Office)
        }
        Item::Mode { body, .. } => {
            let client = clients
                .webex
                .as_ref()
                .ok_or(Setup::NoClient(telephony::Vendor::Webex))?;
            let mut create = client.create_operating_mode_json(body);
            if let Some(org) = org_id {
                create = create.org_id(org);
            }
            create.await.map(Created::Mode)
        }
    };
    // A create refused for a setting (401, 403: refused as such, so surely not created) is a
    // configuration error naming it; any other failure, an unknown outcome above all, is not.
    created.map_err(
        |err| match clients.named(item.vendor(), Doing::Creating, err) {
            Ok(named) => Setup::Client(named).into(),
            Err(err) => Unfinished::Create(err).into(),
        },
    )
}

/// The resource as the vendor holds it now, as JSON.
async fn read_back(
    created: &Created,
    org_id: Option<&str>,
    clients: &Clients,
) -> Result<Value, telephony::Error> {
    match created {
        Created::Office(outcome) => match clients.dialpad.as_ref() {
            Some(client) => client.get_office(*outcome.id()).await.map(to_value),
            None => Ok(Value::Null),
        },
        Created::Mode(outcome) => match clients.webex.as_ref() {
            Some(client) => {
                let mut get = client.get_operating_mode(outcome.id());
                if let Some(org) = org_id {
                    get = get.org_id(org);
                }
                get.await.map(to_value)
            }
            None => Ok(Value::Null),
        },
    }
}

/// Prints the outcome (`word`: created or found) with the resource read back: a table of its
/// fields, or JSON (with the read-back's error in place of the resource).
fn show(output: Output, word: &str, id: &str, read: &Result<Value, telephony::Error>) {
    match (output, read) {
        (Output::Json, Ok(details)) => output::print_json(&json!({
            "outcome": word, "id": id, "resource": details,
        })),
        (Output::Json, Err(err)) => output::print_json(&json!({
            "outcome": word, "id": id, "resource": null,
            "read_back_error": err.to_string(),
        })),
        (Output::Text, Ok(details)) => {
            let rows: Vec<Vec<String>> = details
                .as_object()
                .into_iter()
                .flatten()
                .map(|(k, v)| vec![k.clone(), compact(v)])
                .collect();
            print!("{}", output::table(&["FIELD", "VALUE"], &rows));
        }
        (Output::Text, Err(_)) => {}
    }
}

/// A resource as JSON, for printing (`null` if it cannot be shown).
fn to_value(resource: impl serde::Serialize) -> Value {
    serde_json::to_value(resource).unwrap_or(Value::Null)
}

/// A field's value for a table cell: text as it is, anything else as JSON.
fn compact(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}
