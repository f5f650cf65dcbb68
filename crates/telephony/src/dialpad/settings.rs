//! Dialpad's settings: its servers, its environment variables, and pacing at the rate its spec
//! documents.

use std::time::Duration;

use crate::auth::Token;
use crate::error::ConfigError;
use crate::pacing::{Pacing, Rate};
use crate::settings::{DialpadApi, DialpadSettings, Settings, flag, required};

/// Dialpad's production server.
pub const DIALPAD_PRODUCTION: &str = "https://dialpad.com";
/// Dialpad's sandbox server.
pub const DIALPAD_SANDBOX: &str = "https://sandbox.dialpad.com";

impl Settings<DialpadApi> {
    /// Dialpad production, paced at the documented rate of creating an office (the spec's
    /// `x-telephony-rate-limit`: 1200 requests per minute).
    pub fn dialpad(token: Token) -> DialpadSettings {
        let (requests, seconds) = telephony_spec::validate::Validator::dialpad()
            .rate_limit("create_office")
            // The spec documents it (a test says so); were it dropped, one per second.
            .unwrap_or((1, 1));
        Settings::defaults(
            token,
            DIALPAD_PRODUCTION,
            Pacing::Fixed(Rate::new(requests, Duration::from_secs(seconds))),
        )
    }

    /// From `DIALPAD_API_TOKEN` (required), `DIALPAD_SANDBOX` (`1`/`true` for the sandbox)
    /// and `DIALPAD_BASE_URL` (overrides both servers).
    pub fn dialpad_from_env() -> Result<DialpadSettings, ConfigError> {
        Settings::dialpad_from(|name| std::env::var(name).ok())
    }

    /// As [`Settings::dialpad_from_env`], reading variables through `lookup`.
    pub fn dialpad_from(
        lookup: impl Fn(&str) -> Option<String>,
    ) -> Result<DialpadSettings, ConfigError> {
        let token = required(&lookup, "DIALPAD_API_TOKEN")?;
        let mut settings = Settings::dialpad(token);
        if flag(&lookup, "DIALPAD_SANDBOX")? {
            settings = settings.sandbox();
        }
        if let Some(url) = lookup("DIALPAD_BASE_URL").filter(|u| !u.is_empty()) {
            settings = settings.base_url(url);
        }
        Ok(settings)
    }

    /// Dialpad's sandbox server.
    pub fn sandbox(self) -> DialpadSettings {
        self.base_url(DIALPAD_SANDBOX)
    }
}
