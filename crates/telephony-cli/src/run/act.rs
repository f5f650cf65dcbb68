//! One action of a run against a vendor, through the client's safe paths: a create through the
//! billing-safe create (an unknown outcome is read back, never blindly repeated); an update
//! through the retried change (a Webex mode's modify, a Dialpad office's E911 address), which
//! may be sent again since it sets the same state; a delete through the retried delete, where
//! "not found" after an unknown attempt is "deleted". Each ends as what happened: done, failed
//! (nothing changed), or unknown (it may have been carried out; the next plan reads it again).

use telephony::OfficeBaseline;

use super::Unnamed;
use crate::clients::{Clients, Doing};
use crate::converge;
use crate::item::Item;
use crate::journal::Recorded;

/// What one action is.
#[derive(Debug, Clone)]
pub enum Task {
    /// Create a missing item.
    Create(Item),
    /// Update the existing resource `id` to what the item asks for.
    Update(Item, String),
    /// Delete a Webex mode the manifest does not name.
    Delete(Unnamed),
}

impl Task {
    pub fn vendor(&self) -> telephony::Vendor {
        match self {
            Task::Create(item) | Task::Update(item, _) => item.vendor(),
            Task::Delete(unnamed) => unnamed.vendor,
        }
    }
}

/// How an action ended: its outcome, the resource's id, and why when it failed or is unknown.
pub type Ended = (Recorded, Option<String>, Option<String>);

/// Runs one action.
pub async fn act(task: &Task, clients: &Clients, baseline: &OfficeBaseline) -> Ended {
    match task {
        Task::Create(item) => create(item, clients, baseline).await,
        Task::Update(item, id) => update(item, id, clients).await,
        Task::Delete(unnamed) => delete(unnamed, clients).await,
    }
}

fn failed(why: impl Into<String>) -> Ended {
    (Recorded::Failed, None, Some(why.into()))
}

/// What a client's error means for the journal: unknown when it may have been carried out,
/// else failed, with the setting it shows wrong named.
fn ended(
    clients: &Clients,
    vendor: telephony::Vendor,
    doing: Doing,
    err: telephony::Error,
) -> Ended {
    if err.is_ambiguous() {
        return (Recorded::Ambiguous, None, Some(err.to_string()));
    }
    let said = match clients.named(vendor, doing, err) {
        Ok(named) => named.said(),
        Err(err) => err.to_string(),
    };
    failed(said)
}

/// One billing-safe create.
async fn create(item: &Item, clients: &Clients, baseline: &OfficeBaseline) -> Ended {
    let result = match item {
        Item::Office { body, .. } => match (&clients.dialpad, serde_json::from_value(body.clone()))
        {
            (Some(client), Ok(office)) => client
                .create_office(&office)
                .baseline(baseline)
                .send()
                .await
                .map(|o| (o.is_created(), o.into_id().to_string())),
            (None, _) => return failed("no Dialpad client"),
            (_, Err(err)) => return failed(err.to_string()),
        },
        Item::Mode { body, org_id, .. } => {
            match (&clients.webex, serde_json::from_value(body.clone())) {
                (Some(client), Ok(mode)) => {
                    let mut create = client.create_operating_mode(&mode);
                    if let Some(org) = org_id {
                        create = create.org_id(org.as_str());
                    }
                    create.send().await.map(|o| (o.is_created(), o.into_id()))
                }
                (None, _) => return failed("no Webex client"),
                (_, Err(err)) => return failed(err.to_string()),
            }
        }
    };
    match result {
        Ok((true, id)) => (Recorded::Created, Some(id), None),
        Ok((false, id)) => (Recorded::Found, Some(id), None),
        Err(err) => ended(clients, item.vendor(), Doing::Creating, err),
    }
}

/// One update: a Webex mode's modify with every field the manifest gives that the modify can
/// set, or a Dialpad office's E911 address.
async fn update(item: &Item, id: &str, clients: &Clients) -> Ended {
    let result = match item {
        Item::Office { body, .. } => {
            let Some(client) = &clients.dialpad else {
                return failed("no Dialpad client");
            };
            let Ok(office_id) = id.parse::<i64>() else {
                return failed(format!("Dialpad office id {id:?} is not a number"));
            };
            let Some(address) = converge::dialpad::e911_update(body) else {
                return failed("the manifest gives no E911 address to set");
            };
            client
                .update_office_e911_json(office_id, &address)
                .send()
                .await
                .map(|_| ())
        }
        Item::Mode { body, org_id, .. } => {
            let Some(client) = &clients.webex else {
                return failed("no Webex client");
            };
            let patch = converge::webex::patch(body);
            let mut update = client.update_operating_mode_json(id, &patch);
            if let Some(org) = org_id {
                update = update.org_id(org.as_str());
            }
            update.send().await
        }
    };
    match result {
        Ok(()) => (Recorded::Updated, Some(id.to_string()), None),
        Err(err) => {
            let (outcome, _, why) = ended(clients, item.vendor(), Doing::Changing, err);
            (outcome, Some(id.to_string()), why)
        }
    }
}

/// One delete of a Webex mode the manifest does not name.
async fn delete(unnamed: &Unnamed, clients: &Clients) -> Ended {
    let Some(client) = &clients.webex else {
        return failed("no Webex client");
    };
    let mut delete = client.delete_operating_mode(unnamed.id.as_str());
    if let Some(org) = &unnamed.org_id {
        delete = delete.org_id(org.as_str());
    }
    match delete.send().await {
        Ok(_) => (Recorded::Deleted, Some(unnamed.id.clone()), None),
        Err(err) => {
            let (outcome, _, why) = ended(clients, unnamed.vendor, Doing::Changing, err);
            (outcome, Some(unnamed.id.clone()), why)
        }
    }
}
