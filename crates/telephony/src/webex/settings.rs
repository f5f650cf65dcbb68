//! Webex's settings: its server, its environment variables, and adaptive pacing (Webex
//! publishes no rate limit for these operations).

use crate::auth::Token;
use crate::error::ConfigError;
use crate::pacing::{AdaptiveRate, Pacing};
use crate::settings::{Settings, WebexApi, WebexSettings, required};

/// Webex's server (the API's `/v1` base).
pub const WEBEX_PRODUCTION: &str = "https://webexapis.com/v1";

/// The scope Webex's document asks of a token that reads operating modes (listing one, getting
/// one): a full, read-only or location administrator's token with it.
pub const WEBEX_READ_SCOPE: &str = "spark-admin:telephony_config_read";

/// The scope Webex's document asks of a token that creates an operating mode: a full or
/// location administrator's token with it.
pub const WEBEX_WRITE_SCOPE: &str = "spark-admin:telephony_config_write";

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

#[cfg(test)]
mod tests {
    use super::*;

    /// The scopes the curated spec's operations declare.
    fn scopes_of(operation: &str) -> Vec<String> {
        let spec = telephony_spec::Vendor::Webex
            .spec()
            .expect("the Webex spec");
        let spec = serde_json::to_value(spec).expect("JSON");
        let found = telephony_spec::doc::operation(&spec, operation).expect("operation");
        let security = found
            .definition
            .get("security")
            .or_else(|| spec.get("security"))
            .and_then(|s| s.as_array())
            .cloned()
            .unwrap_or_default();
        security
            .iter()
            .filter_map(|alternative| alternative.get("bearerAuth"))
            .filter_map(|scopes| scopes.as_array())
            .flatten()
            .filter_map(|scope| scope.as_str().map(str::to_string))
            .collect()
    }

    #[test]
    fn the_scopes_named_are_those_the_spec_declares() {
        for read in ["list_operating_modes", "get_operating_mode"] {
            assert_eq!(scopes_of(read), [WEBEX_READ_SCOPE], "{read}");
        }
        assert_eq!(scopes_of("create_operating_mode"), [WEBEX_WRITE_SCOPE]);
    }
}
