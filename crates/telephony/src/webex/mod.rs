//! Everything of Webex Calling's in one place: the client ([`WebexClient`]: creates operating
//! modes exactly once — validated, paced, retried safely and read back when an outcome is
//! unknown — and reads them), its request builders, listings, read-back, settings, and the
//! mode builder.

mod client;
mod create;
pub(crate) mod holidays;
mod list;
pub mod mode;
mod requests;
pub(crate) mod schedule;
mod settings;

pub use client::WebexClient;
pub use list::ModeList;
pub use requests::{CreateMode, CreateModeOnce, GetMode};
pub use settings::{WEBEX_PRODUCTION, WEBEX_READ_SCOPE, WEBEX_WRITE_SCOPE};
