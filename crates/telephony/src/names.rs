//! One lock per office name in use: creates of offices with the same name wait for each other
//! (so a read-back can tell which office is whose), creates of different names never do.
//!
//! A name is in the table only while a create of it runs, so the table holds at most as many
//! names as creates in flight.

use std::collections::HashMap;
use std::sync::Mutex;

use tokio::sync::Notify;

/// The names in use.
#[derive(Debug, Default)]
pub(crate) struct NameLocks {
    /// Each name in use, and whether another create waits for it.
    held: Mutex<HashMap<String, bool>>,
    /// Told when a name that another create waits for is freed; the waiting creates then look
    /// again. Creates of one name are rare, so waking every waiter costs nothing in practice,
    /// and a create whose name is free pays one table entry and nothing else.
    freed: Notify,
}

/// Held while a create of one name runs; frees the name when dropped.
pub(crate) struct NameGuard<'a> {
    locks: &'a NameLocks,
    name: &'a str,
}

impl NameLocks {
    fn table(&self) -> std::sync::MutexGuard<'_, HashMap<String, bool>> {
        self.held.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Waits until no other create of `name` runs. Dropping the wait leaves nothing behind.
    pub async fn lock<'a>(&'a self, name: &'a str) -> NameGuard<'a> {
        loop {
            // Made before looking: a `Notified` receives every `notify_waiters` from its
            // making on, so a name freed in between is not missed.
            let freed = self.freed.notified();
            {
                let mut table = self.table();
                match table.get_mut(name) {
                    Some(waited) => *waited = true,
                    None => {
                        table.insert(name.to_string(), false);
                        return NameGuard { locks: self, name };
                    }
                }
            }
            freed.await;
        }
    }

    /// How many names are in use (for tests).
    #[cfg(test)]
    fn len(&self) -> usize {
        self.table().len()
    }
}

impl Drop for NameGuard<'_> {
    fn drop(&mut self) {
        let waited = self.locks.table().remove(self.name);
        if waited == Some(true) {
            self.locks.freed.notify_waiters();
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

    #[tokio::test]
    async fn a_waiting_create_goes_on_when_the_name_is_freed() {
        let locks = std::sync::Arc::new(NameLocks::default());
        let first = locks.lock("A").await;
        let waiter = tokio::spawn({
            let locks = locks.clone();
            async move {
                let _second = locks.lock("A").await;
                locks.len()
            }
        });
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        assert!(!waiter.is_finished(), "it waits while A is held");
        drop(first);
        let held = tokio::time::timeout(std::time::Duration::from_secs(5), waiter)
            .await
            .expect("the waiter is woken when A is freed")
            .expect("task");
        assert_eq!(held, 1, "it holds A alone");
        assert_eq!(locks.len(), 0);
    }

    #[tokio::test]
    async fn two_waiters_of_one_name_each_get_it_in_turn() {
        let locks = std::sync::Arc::new(NameLocks::default());
        let first = locks.lock("A").await;
        let (done, mut finished) = tokio::sync::mpsc::unbounded_channel();
        for waiter in 0..2 {
            let (locks, done) = (locks.clone(), done.clone());
            tokio::spawn(async move {
                let held = locks.lock("A").await;
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                done.send((waiter, locks.len())).expect("send");
                drop(held);
            });
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        assert_eq!(locks.len(), 1, "both wait while A is held");
        drop(first);
        for _ in 0..2 {
            let (_, held) =
                tokio::time::timeout(std::time::Duration::from_secs(5), finished.recv())
                    .await
                    .expect("each waiter is woken in turn")
                    .expect("a waiter finished");
            assert_eq!(held, 1, "one create holds A at a time");
        }
        assert_eq!(locks.len(), 0);
    }
}
