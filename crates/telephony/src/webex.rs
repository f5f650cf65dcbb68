//! [`WebexClient`]: creates operating modes, validated, paced and retried safely.

use serde_json::Value;
use telephony_api::webex::{self, types};

use crate::error::Error;
use crate::settings::Settings;
use crate::transport::Transport;
use crate::validate;

/// A Webex Calling client.
///
/// ```no_run
/// # async fn run() -> Result<(), telephony::Error> {
/// use telephony::{Settings, Token, WebexClient};
///
/// // From WEBEX_ACCESS_TOKEN (and WEBEX_BASE_URL to point elsewhere):
/// let from_env = WebexClient::from_env()?;
/// // Or explicitly:
/// let client = WebexClient::new(Settings::webex(Token::new("access-token")?))?;
/// # let _ = (from_env, client);
/// # Ok(())
/// # }
/// ```
#[derive(Debug)]
pub struct WebexClient {
    api: webex::Client,
    transport: Transport,
}

impl WebexClient {
    /// Builds a client; fails on a base URL that is not `https://` (or loopback `http://`) and
    /// on unusable settings.
    pub fn new(settings: Settings) -> Result<WebexClient, Error> {
        settings.expect_vendor(telephony_spec::Vendor::Webex)?;
        let (base_url, http, transport) = settings.build()?;
        Ok(WebexClient {
            api: webex::Client::new_with_client(&base_url, http),
            transport,
        })
    }

    /// Builds a client from the environment (see [`Settings::webex_from_env`]).
    pub fn from_env() -> Result<WebexClient, Error> {
        WebexClient::new(Settings::webex_from_env()?)
    }

    /// Creates an operating mode (in `org_id`, or the token's organization), returning its id.
    /// Validated first; paced; retried only where Webex did not process the request.
    pub async fn create_operating_mode(
        &self,
        mode: &types::OperatingModePostObject,
        org_id: Option<&str>,
    ) -> Result<types::OperatingModeCreated, Error> {
        validate::webex_operating_mode(&validate::to_json(mode)).map_err(Error::Validation)?;
        self.transport
            .run("create_operating_mode", || {
                let call = self.api.create_operating_mode().body(mode.clone());
                match org_id {
                    Some(org) => call.org_id(org.to_string()).send(),
                    None => call.send(),
                }
            })
            .await
    }

    /// As [`WebexClient::create_operating_mode`], from JSON.
    pub async fn create_operating_mode_json(
        &self,
        mode: &Value,
        org_id: Option<&str>,
    ) -> Result<types::OperatingModeCreated, Error> {
        validate::webex_operating_mode(mode).map_err(Error::Validation)?;
        self.create_operating_mode(&validate::typed(mode)?, org_id)
            .await
    }
}
