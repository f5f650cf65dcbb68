//! Everything of Dialpad's in one place: the client ([`DialpadClient`]: creates offices exactly
//! once — validated, paced, retried safely and read back when an outcome is unknown — and reads
//! them), its request builders, listings, read-back baseline, settings, and the office
//! builder.

mod baseline;
mod client;
mod create;
pub(crate) mod hours;
mod list;
pub mod office;
mod requests;
mod settings;

pub use baseline::OfficeBaseline;
pub use client::{DialpadClient, id_of};
pub use list::OfficeList;
pub use requests::{CreateOffice, CreateOfficeOnce, GetOffice};
pub use settings::{DIALPAD_PRODUCTION, DIALPAD_SANDBOX};
