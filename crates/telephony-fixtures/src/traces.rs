//! Subscribers of one test in a binary whose tests share the process. `tracing` caches each
//! callsite's interest for the whole process, and while only one subscriber is registered it
//! asks only the default of the thread that reaches the callsite first: a test's scoped
//! subscriber would never see a callsite that another test's thread, with no subscriber,
//! reached first. With a second subscriber registered, one that takes nothing, every
//! callsite's interest is asked of every subscriber, and each thread's default decides.

use std::sync::OnceLock;

use tracing::Dispatch;
use tracing::subscriber::NoSubscriber;

/// Registers the subscriber that takes nothing (once per process). Call it before installing
/// a subscriber for one test (`tracing::subscriber::set_default`, `.with_subscriber`).
pub fn prepare_for_scoped_subscribers() {
    static BYSTANDER: OnceLock<Dispatch> = OnceLock::new();
    BYSTANDER.get_or_init(|| Dispatch::new(NoSubscriber::default()));
}
