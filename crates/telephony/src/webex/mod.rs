//! Everything of Webex Calling's in one place: the client ([`WebexClient`]: creates operating
//! modes and their holidays exactly once — validated, paced, retried safely and read back
//! when an outcome is unknown — and reads, modifies and deletes them), its request builders,
//! listings, read-back, settings, and the mode builder.

mod changes;
mod client;
mod create;
mod holiday_create;
mod holiday_requests;
pub(crate) mod holidays;
mod list;
pub mod mode;
mod requests;
pub(crate) mod schedule;
mod settings;

pub use changes::{DeleteMode, UpdateMode};
pub use client::WebexClient;
pub use holiday_requests::{CreateHoliday, DeleteHoliday, GetHoliday, UpdateHoliday};
pub use list::ModeList;
pub use requests::{CreateMode, CreateModeOnce, GetMode};
pub use settings::{WEBEX_PRODUCTION, WEBEX_READ_SCOPE, WEBEX_WRITE_SCOPE};
