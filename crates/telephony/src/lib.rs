//! A client for the Dialpad and Webex Calling provisioning APIs that can be trusted with many
//! sites.
//!
//! On top of the generated clients of `telephony-api`, it adds:
//! - [`OfficeBuilder`] and [`ModeBuilder`]: request bodies built in plain Rust, required
//!   fields up front, every violation reported at once;
//! - [`validate`]: every rule of the vendors' specs checked before sending, all problems at
//!   once with JSON paths;
//! - [`schedule`]: one business-hours model ([`WeeklyHours`], [`Holiday`]) that converts to
//!   Dialpad's office hours and to Webex operating modes, refusing what a vendor cannot
//!   express;
//! - [`DialpadClient`] and [`WebexClient`], set up by [`DialpadSettings`] and
//!   [`WebexSettings`]: credentials that never show ([`Token`]), TLS-only
//!   base URLs without redirects or cleartext proxies, client-side pacing ([`Rate`]), bounded
//!   retries, a tracing span per attempt, and listings as streams ([`Paged`]);
//! - [`resolve`]: billing-safe creates — every create ends known ([`Outcome::Created`],
//!   [`Outcome::Found`] by reading back after an unknown outcome, or an error that means
//!   nothing was created); [`Error::Ambiguous`] only when the read-back itself failed.
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! use telephony::office::{Address, Billing, Country, Currency, PlanPeriod};
//! use telephony::{DialpadClient, OfficeBuilder, WeeklyHours};
//!
//! let hours = WeeklyHours::new("America/Chicago")?.weekdays("08:00", "17:00")?;
//! let address = Address::new("233 S Wacker Dr", "Chicago", "IL", "60606", "US");
//! let billing = Billing::new(PlanPeriod::Monthly, Currency::Usd);
//! let office = OfficeBuilder::new("Chicago Loop", Country::Us, billing, address.clone())
//!     .e911_address(address)
//!     .hours(&hours)
//!     .build()?;
//! let created = DialpadClient::from_env()?.create_office(&office).await?;
//! println!("office {created}");
//! # Ok(())
//! # }
//! ```

#![warn(missing_docs)]

mod attempt;
mod auth;
mod create;
pub mod dialpad;
mod error;
mod misconfigured;
mod names;
mod pacing;
mod pages;
mod read_back;
mod requests;
pub mod resolve;
pub mod retry;
pub mod schedule;
mod settings;
mod single_flight;
pub mod validate;
pub mod webex;

pub use attempt::Deleted;
pub use auth::Token;
pub use dialpad::office;
pub use dialpad::{
    CreateOffice, CreateOfficeOnce, DIALPAD_PRODUCTION, DIALPAD_SANDBOX, DialpadClient, GetE911,
    GetOffice, OfficeBaseline, OfficeList, UpdateE911,
};
pub use error::{ApiErrorBody, ConfigError, Error, MAX_ERROR_BODY};
pub use misconfigured::Misconfigured;
pub use mode::ModeBuilder;
pub use office::OfficeBuilder;
pub use pacing::{AdaptiveRate, Pacing, Rate};
pub use pages::{MAX_PAGES, Paged};
pub use resolve::Outcome;
pub use retry::RetryPolicy;
pub use schedule::{Holiday, HolidayDate, Interval, ScheduleError, WeeklyHours};
pub use settings::{Api, DialpadApi, DialpadSettings, Settings, WebexApi, WebexSettings};
/// Which vendor an error is about (`Error::Api::vendor` and the like).
pub use telephony_spec::Vendor;
pub use webex::mode;
pub use webex::{
    CreateHoliday, CreateMode, CreateModeOnce, DeleteHoliday, DeleteMode, GetHoliday, GetMode,
    ModeList, UpdateHoliday, UpdateMode, WEBEX_PRODUCTION, WEBEX_READ_SCOPE, WEBEX_WRITE_SCOPE,
    WebexClient,
};

/// The generated Dialpad request and response types.
pub use telephony_api::dialpad::types as dialpad_types;
/// The generated Webex request and response types.
pub use telephony_api::webex::types as webex_types;

/// The Rust examples of the workspace README, compiled as doc tests: the way the README shows
/// to use the client (builders, never struct literals of generated types) must keep
/// compiling when a vendor adds a field.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeExamples;
