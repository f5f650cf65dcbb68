//! One lock per office name in use: creates of offices with the same name wait for each other
//! (so a read-back can tell which office is whose), creates of different names never do.
//!
//! A lock exists only while a create of its name runs or waits, so the table holds at most as
//! many names as creates in flight.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tokio::sync::{Mutex as AsyncMutex, OwnedMutexGuard};

/// The locks by name.
#[derive(Debug, Default)]
pub(crate) struct NameLocks {
    locks: Mutex<HashMap<String, Arc<AsyncMutex<()>>>>,
}

/// Held while a create of one name runs; frees the name's entry when the last holder or
/// waiter is gone.
pub(crate) struct NameGuard<'a> {
    locks: &'a NameLocks,
    name: String,
    guard: Option<OwnedMutexGuard<()>>,
}

impl NameLocks {
    fn table(&self) -> std::sync::MutexGuard<'_, HashMap<String, Arc<AsyncMutex<()>>>> {
        self.locks.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Waits until no other create of `name` runs.
    pub async fn lock(&self, name: &str) -> NameGuard<'_> {
        let lock = self.table().entry(name.to_string()).or_default().clone();
        // Built before waiting, so that a cancelled wait also frees the entry.
        let mut held = NameGuard {
            locks: self,
            name: name.to_string(),
            guard: None,
        };
        held.guard = Some(lock.lock_owned().await);
        held
    }

    /// How many names have an entry (for tests).
    #[cfg(test)]
    fn len(&self) -> usize {
        self.table().len()
    }
}

impl Drop for NameGuard<'_> {
    fn drop(&mut self) {
        drop(self.guard.take());
        let mut table = self.locks.table();
        // Only the table holds it: nobody runs or waits for this name any more.
        if table
            .get(&self.name)
            .is_some_and(|lock| Arc::strong_count(lock) == 1)
        {
            table.remove(&self.name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn one_name_waits_other_names_do_not_and_entries_go() {
        let locks = NameLocks::default();
        let first = locks.lock("A").await;
        let other = locks.lock("B").await;
        assert_eq!(locks.len(), 2);
        let waiting = tokio::time::timeout(std::time::Duration::from_millis(50), locks.lock("A"));
        assert!(waiting.await.is_err(), "a second create of A waits");
        drop((first, other));
        assert_eq!(
            locks.len(),
            0,
            "no entry is left behind, the cancelled wait's included"
        );
        let again = locks.lock("A").await;
        drop(again);
        assert_eq!(locks.len(), 0);
    }
}
