//! Everything of Dialpad's in one place: the client ([`DialpadClient`]: creates offices exactly
//! once — validated, paced, retried safely and read back when an outcome is unknown — and reads
//! them, and reads and changes their E911 addresses), its request builders, listings,
//! read-back baseline, settings, and the office builder.

mod baseline;
mod client;
mod create;
mod e911;
pub(crate) mod hours;
mod list;
pub mod office;
mod requests;
mod settings;

pub use baseline::OfficeBaseline;
pub use client::{DialpadClient, id_of};
pub use e911::{GetE911, UpdateE911};
pub use list::OfficeList;
pub use requests::{CreateOffice, CreateOfficeOnce, GetOffice};
pub use settings::{DIALPAD_PRODUCTION, DIALPAD_SANDBOX};
