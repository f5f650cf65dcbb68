//! What a Dialpad read-back needs to tell "this create's office" from an older office of the
//! same name (Dialpad office names are not unique): the offices that existed before, and the
//! offices this run's creates made since.

use std::collections::HashSet;
use std::sync::Mutex;

use futures_util::TryStreamExt;

use super::client::{DialpadClient, id_of};
use crate::error::Error;
use crate::single_flight::Listed;

/// The offices that existed before some creates began, and the offices those creates have
/// made since: what a read-back needs to tell "this create's office" from an older office
/// with the same name (Dialpad office names are not unique).
///
/// [`DialpadClient::create_office`] takes a fresh one for each create (one listing of every
/// office). A bulk run takes one with [`DialpadClient::baseline`] and passes it to
/// [`CreateOffice::baseline`] for every create, paying that listing once. An
/// office made by another program after the baseline was taken, with the same name as one of
/// this baseline's creates, can be taken for that create's: keep a baseline to one run.
#[derive(Debug, Default)]
pub struct OfficeBaseline {
    before: HashSet<i64>,
    claimed: Mutex<HashSet<i64>>,
}

impl OfficeBaseline {
    /// A baseline from the ids of the offices that exist now.
    pub fn new(existing: impl IntoIterator<Item = i64>) -> OfficeBaseline {
        OfficeBaseline {
            before: existing.into_iter().collect(),
            claimed: Mutex::default(),
        }
    }

    /// How many offices existed when it was taken.
    pub fn len(&self) -> usize {
        self.before.len()
    }

    /// Whether no office existed when it was taken.
    pub fn is_empty(&self) -> bool {
        self.before.is_empty()
    }

    fn claimed(&self) -> std::sync::MutexGuard<'_, HashSet<i64>> {
        self.claimed.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Records an office made by a create of this baseline.
    pub(super) fn claim(&self, id: i64) {
        self.claimed().insert(id);
    }

    /// Whether `id` existed before or was made by another create of this baseline.
    fn is_known(&self, id: i64) -> bool {
        self.before.contains(&id) || self.claimed().contains(&id)
    }
}

impl DialpadClient {
    /// The ids of every office that exists now, for [`CreateOffice::baseline`].
    pub async fn baseline(&self) -> Result<OfficeBaseline, Error> {
        let ids: Vec<i64> = self
            .offices()
            .items()
            .try_filter_map(|office| async move { Ok(id_of(&office)) })
            .try_collect()
            .await?;
        Ok(OfficeBaseline::new(ids))
    }

    /// The office named `name` that is not in `baseline`: `None` when there is none; an error
    /// when there are several (this create cannot tell which one is its own). From a listing
    /// shared with the other read-backs waiting now (see [`SharedListing`]).
    pub(super) async fn find_new_office(
        &self,
        name: &str,
        baseline: &OfficeBaseline,
    ) -> Result<Option<i64>, Error> {
        let offices = self.read_backs.get(self.every_office()).await?;
        let new: Vec<i64> = offices
            .iter()
            .filter(|(id, named)| named.as_deref() == Some(name) && !baseline.is_known(*id))
            .map(|(id, _)| *id)
            .collect();
        match new.as_slice() {
            [] => Ok(None),
            [id] => Ok(Some(*id)),
            several => Err(Error::Decode {
                vendor: telephony_spec::Vendor::Dialpad,
                operation: "list_offices",
                reason: format!(
                    "{} new offices named `{name}` appeared (ids {several:?}); which one this \
                     create made cannot be told",
                    several.len()
                ),
            }),
        }
    }

    /// The id and name of every office, listed now.
    async fn every_office(&self) -> Result<Vec<Listed>, Error> {
        self.offices()
            .items()
            .try_filter_map(|office| async move { Ok(id_of(&office).map(|id| (id, office.name))) })
            .try_collect()
            .await
    }
}
