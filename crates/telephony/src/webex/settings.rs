//! Webex's settings: its server, its environment variables, and adaptive pacing (Webex
//! publishes no rate limit for these operations).

use crate::auth::Token;
use crate::error::ConfigError;
use crate::pacing::{AdaptiveRate, Pacing};
use crate::settings::{Settings, WebexApi, WebexSettings, required};

/// Webex's server (the API's `/v1` base).
pub const WEBEX_PRODUCTION: &str = "https://webexapis.com/v1";

impl Settings<WebexApi> {
    /// Webex production, with adaptive pacing ([`Pacing::Adaptive`]): Webex publishes no rate
    /// limit for this operation, so the client finds it from Webex's 429 answers (measured
    /// against limits of 5, 40 and 400 per second: see the README). Set a fixed rate with
    /// [`Settings::rate`] or [`Settings::pacing`].
    pub fn webex(token: Token) -> WebexSettings {
        Settings::defaults(
            token,
            WEBEX_PRODUCTION,
            Pacing::Adaptive(AdaptiveRate::default()),
        )
    }

    /// From `WEBEX_ACCESS_TOKEN` (required) and `WEBEX_BASE_URL` (overrides the server).
    pub fn webex_from_env() -> Result<WebexSettings, ConfigError> {
        Settings::webex_from(|name| std::env::var(name).ok())
    }

    /// As [`Settings::webex_from_env`], reading variables through `lookup`.
    pub fn webex_from(
        lookup: impl Fn(&str) -> Option<String>,
    ) -> Result<WebexSettings, ConfigError> {
        let mut settings = Settings::webex(required(&lookup, "WEBEX_ACCESS_TOKEN")?);
        if let Some(url) = lookup("WEBEX_BASE_URL").filter(|u| !u.is_empty()) {
            settings = settings.base_url(url);
        }
        Ok(settings)
    }
}
