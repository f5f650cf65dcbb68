//! Single-flight listings of every Dialpad office for read-backs: the read-backs of one
//! client that want a listing at the same moment share one, so a bulk run with many unknown
//! outcomes does not list every office once per unknown outcome, while each read-back still
//! sees only a listing that started after it began waiting (an earlier one could miss its own
//! late commit, and the create would be sent again).

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::Error;

/// An office as a read-back needs it: its id and name.
pub(crate) type Listed = (i64, Option<String>);

/// What a listing of every office found, or how it failed.
pub(crate) type Listing = Result<Arc<[Listed]>, Error>;

/// The listings of every office that one client's read-backs use, single-flight: the
/// read-backs that want one at the same moment share it, and at most one runs at a time.
///
/// A read-back may only use a listing that *started after* it began waiting: one that started
/// earlier may have read the offices before this create's late commit landed, would miss its
/// office, and the create would be sent again (a duplicate). So each read-back takes a ticket
/// (how many listings had started) and waits for its turn; then it uses the last listing if
/// that one started after its ticket, and otherwise lists itself, for itself and every
/// read-back that queued meanwhile. Read-backs that arrive while a listing runs are all served
/// by the next one: two listings at most, however many wait.
#[derive(Debug, Default)]
pub(crate) struct SharedListing {
    /// How many listings have started.
    started: AtomicU64,
    /// The last listing that ended: its number (the first is 1) and what it found, or how it
    /// failed. Held while a listing runs.
    last: tokio::sync::Mutex<Option<(u64, Listing)>>,
}

impl SharedListing {
    /// What `list` finds, or what a listing that started after this call did found. `list` is
    /// only run when no such listing has ended. Dropping the wait leaves nothing behind (a
    /// listing cut short is not kept; the next read-back in line lists again).
    pub(crate) async fn get(
        &self,
        list: impl Future<Output = Result<Vec<Listed>, Error>>,
    ) -> Listing {
        let ticket = self.started.load(Ordering::SeqCst);
        let mut last = self.last.lock().await;
        if let Some((number, found)) = last.as_ref()
            && *number > ticket
        {
            tracing::debug!(listing = number, "read-back: served by a shared listing");
            return found.as_ref().map(Arc::clone).map_err(shared_failure);
        }
        let number = self.started.fetch_add(1, Ordering::SeqCst) + 1;
        let found = list.await.map(Arc::<[Listed]>::from);
        *last = Some((
            number,
            found.as_ref().map(Arc::clone).map_err(shared_failure),
        ));
        found
    }
}

/// A failed listing, for each read-back that shared it: the same message, and as transient as
/// the original (a read-back tries a transient failure again; see `resolve`). A connection
/// error cannot be copied: it becomes a failed read saying what it was.
fn shared_failure(error: &Error) -> Error {
    match error {
        Error::ReadFailed {
            vendor,
            operation,
            attempts,
            reason,
        } => Error::ReadFailed {
            vendor: *vendor,
            operation,
            attempts: *attempts,
            reason: reason.clone(),
        },
        Error::Transport {
            vendor,
            attempts,
            source,
        } => Error::ReadFailed {
            vendor: *vendor,
            operation: "list_offices",
            attempts: *attempts,
            reason: format!("cannot reach it: {source}"),
        },
        Error::RateLimited {
            vendor,
            status,
            attempts,
            retry_after,
        } => Error::RateLimited {
            vendor: *vendor,
            status: *status,
            attempts: *attempts,
            retry_after: *retry_after,
        },
        Error::Api {
            vendor,
            status,
            body,
            retry_after,
        } => Error::Api {
            vendor: *vendor,
            status: *status,
            body: body.clone(),
            retry_after: *retry_after,
        },
        Error::Decode {
            vendor,
            operation,
            reason,
        } => Error::Decode {
            vendor: *vendor,
            operation,
            reason: reason.clone(),
        },
        Error::Redirected {
            vendor,
            status,
            location,
        } => Error::Redirected {
            vendor: *vendor,
            status: *status,
            location: location.clone(),
        },
        other => Error::Decode {
            vendor: telephony_spec::Vendor::Dialpad,
            operation: "list_offices",
            reason: other.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(found: &Listing) -> Vec<i64> {
        found
            .as_ref()
            .expect("listed")
            .iter()
            .map(|(id, _)| *id)
            .collect()
    }

    #[tokio::test]
    async fn a_read_back_is_served_only_by_a_listing_that_started_after_it_began_waiting() {
        let shared = SharedListing::default();
        let (release, released) = tokio::sync::oneshot::channel::<()>();
        let first = shared.get(async {
            let _ = released.await;
            Ok(vec![(1, None)])
        });
        let mut first = std::pin::pin!(first);
        assert!(
            futures_util::poll!(&mut first).is_pending(),
            "listing 1 runs"
        );
        // Two read-backs begin waiting while listing 1 runs: neither may use it; the first in
        // line lists again (listing 2), and the other shares that.
        let second = shared.get(async { Ok(vec![(2, None)]) });
        let third = shared.get(async { Ok(vec![(3, None)]) });
        let (first, second, third, ()) = tokio::join!(first, second, third, async {
            let _ = release.send(());
        });
        assert_eq!(ids(&first), [1]);
        assert_eq!(ids(&second), [2]);
        assert_eq!(
            ids(&third),
            [2],
            "shared listing 2, which started after it waited"
        );
        // Nothing runs now: a read-back that comes later lists again.
        let later = shared.get(async { Ok(vec![(4, None)]) }).await;
        assert_eq!(ids(&later), [4]);
    }

    #[tokio::test]
    async fn a_failed_listing_is_shared_as_the_same_failure() {
        let shared = SharedListing::default();
        let (release, released) = tokio::sync::oneshot::channel::<()>();
        let failing = || Error::ReadFailed {
            vendor: telephony_spec::Vendor::Dialpad,
            operation: "list_offices",
            attempts: 3,
            reason: "503".into(),
        };
        let first = shared.get(async {
            let _ = released.await;
            Ok(Vec::new())
        });
        let mut first = std::pin::pin!(first);
        assert!(futures_util::poll!(&mut first).is_pending());
        let second = shared.get(async { Err(failing()) });
        let third = shared.get(async { Ok(vec![(3, None)]) });
        let (_, second, third, ()) = tokio::join!(first, second, third, async {
            let _ = release.send(());
        });
        let (second, third) = (second.unwrap_err(), third.unwrap_err());
        assert!(
            matches!(third, Error::ReadFailed { attempts: 3, .. }),
            "{third:?}"
        );
        assert_eq!(second.to_string(), third.to_string());
    }
}
