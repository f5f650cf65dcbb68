//! Planning and applying. A plan reads what exists — every Dialpad office once, the operating
//! modes of each scope the manifest names, and each existing mode's details — and says per item
//! what `apply` would do: create it, leave it, update it (field by field, old → new), or not
//! be able to change what differs; and per scope what the manifest does not name (deleted with
//! `--prune`, Webex modes only). Applying creates through the client's billing-safe creates,
//! updates and deletes through its retried changes, and journals every action before it is
//! reported. The two vendors are independent (each client has its own pacing), so their items
//! run at once.
//!
//! Every vendor's first read is tried before a plan fails, so that one run names every
//! setting to fix: the first reads that show one wrong (a refused token, a base URL that cannot
//! work) end the run as a configuration error (exit 2, [`RunError::Settings`]); any other
//! failure to read is a failure of the run (exit 3), naming the variable its base URL came
//! from. An action refused for a setting is journaled as failed with the setting named.

mod act;
mod apply;
mod plan;
pub mod read;

pub use apply::apply;
pub use plan::plan;

use telephony::{OfficeBaseline, Vendor};

use crate::clients::ClientError;
use crate::converge::Comparison;
use crate::item::Item;
use crate::journal::JournalError;

/// What `apply` would do for one item.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Nothing of its name (or old name) exists: create it.
    Create,
    /// It exists as the manifest says.
    Unchanged,
    /// It exists and differs: update what the API can change, say what it cannot.
    Change(Comparison),
}

/// An item, the id of the resource that has its name (or old name), and what to do.
#[derive(Debug, Clone)]
pub struct Planned {
    pub item: Item,
    pub existing: Option<String>,
    pub action: Action,
}

/// A resource in a scope the manifest manages that the manifest does not name.
#[derive(Debug, Clone, PartialEq)]
pub struct Unnamed {
    pub vendor: Vendor,
    /// As `plan` names it: `webex mode "Old hours" (location LOC)`.
    pub label: String,
    pub name: String,
    pub id: String,
    /// The organization the mode is in (none: the token's).
    pub org_id: Option<String>,
    /// Whether `apply --prune` deletes it (Webex modes); offices are never deleted.
    pub delete: bool,
}

/// What a run would do.
#[derive(Debug)]
pub struct Plan {
    pub items: Vec<Planned>,
    /// What exists in the manifest's scopes that it does not name.
    pub unnamed: Vec<Unnamed>,
    /// Every office that existed when planning (the read-back of Dialpad creates).
    pub baseline: Option<OfficeBaseline>,
}

impl Plan {
    /// The problems of the items that must be created but leave out what a create needs
    /// (fields the vendor never reports back, so needed only for a create): none may be sent.
    pub fn create_problems(&self) -> Vec<crate::problem::Problem> {
        self.items
            .iter()
            .filter(|p| p.action == Action::Create)
            .flat_map(|p| p.item.needs().iter().cloned())
            .collect()
    }

    /// How many outcomes applying it journals: one per item (two for an item with both an
    /// update and fields that cannot be changed), one per delete.
    pub fn actions(&self) -> usize {
        let items: usize = self
            .items
            .iter()
            .map(|p| match &p.action {
                Action::Change(c) if !c.update.is_empty() && !c.cannot.is_empty() => 2,
                _ => 1,
            })
            .sum();
        items + self.unnamed.iter().filter(|u| u.delete).count()
    }

    /// Whether applying would change nothing and nothing differs.
    pub fn nothing_to_do(&self) -> bool {
        self.items.iter().all(|p| p.action == Action::Unchanged)
            && self.unnamed.iter().all(|u| !u.delete)
    }
}

/// Why a run could not go on.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("reading what exists failed")]
    Read(#[from] telephony::Error),
    /// Reading what exists failed at a base URL that `variable` set.
    #[error("reading what exists failed (base URL from {variable})")]
    ReadAt {
        variable: &'static str,
        source: telephony::Error,
    },
    /// The vendors' first reads showed settings to fix (at least one), each named; `failed`
    /// are the other vendors' first reads that failed for another reason.
    #[error("reading what exists showed settings to fix")]
    Settings {
        fix: Vec<ClientError>,
        failed: Vec<RunError>,
    },
    #[error(transparent)]
    Journal(#[from] JournalError),
    #[error("the manifest has {} items but no client is set up for them", .0.name())]
    NoClient(Vendor),
}
