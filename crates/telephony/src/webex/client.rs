//! [`WebexClient`]: the generated Webex Calling client behind this crate's attempt loop.

use telephony_api::webex;

use crate::attempt::Transport;
use crate::error::Error;
use crate::settings::{Settings, WebexSettings};

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
    pub(super) api: webex::Client,
    pub(super) transport: Transport,
}

impl WebexClient {
    /// Builds a client; fails on a base URL that is not `https://` (or loopback `http://`) and
    /// on unusable settings.
    pub fn new(settings: WebexSettings) -> Result<WebexClient, Error> {
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
}
