//! [`DialpadClient`]: creates offices, validated, paced and retried safely.

use serde_json::Value;
use telephony_api::dialpad::{self, types};

use crate::error::Error;
use crate::settings::Settings;
use crate::transport::Transport;
use crate::validate;

/// A Dialpad client.
///
/// ```no_run
/// # async fn run() -> Result<(), telephony::Error> {
/// use telephony::{DialpadClient, Settings, Token};
///
/// // From DIALPAD_API_TOKEN (and DIALPAD_SANDBOX=1 for the sandbox):
/// let from_env = DialpadClient::from_env()?;
/// // Or explicitly:
/// let client = DialpadClient::new(Settings::dialpad(Token::new("api-key")?).sandbox())?;
/// # let _ = (from_env, client);
/// # Ok(())
/// # }
/// ```
#[derive(Debug)]
pub struct DialpadClient {
    api: dialpad::Client,
    transport: Transport,
}

impl DialpadClient {
    /// Builds a client; fails on a base URL that is not `https://` (or loopback `http://`) and
    /// on unusable settings.
    pub fn new(settings: Settings) -> Result<DialpadClient, Error> {
        settings.expect_vendor(telephony_spec::Vendor::Dialpad)?;
        let (base_url, http, transport) = settings.build()?;
        Ok(DialpadClient {
            api: dialpad::Client::new_with_client(&base_url, http),
            transport,
        })
    }

    /// Builds a client from the environment (see [`Settings::dialpad_from_env`]).
    pub fn from_env() -> Result<DialpadClient, Error> {
        DialpadClient::new(Settings::dialpad_from_env()?)
    }

    /// Creates a secondary office. The office is validated against the spec first (all
    /// problems at once, nothing sent if any); then the request is paced and retried only
    /// where the vendor did not process it. A billable duplicate is never risked by default:
    /// an outcome that may have been processed is [`Error::Ambiguous`].
    pub async fn create_office(
        &self,
        office: &types::CreateOfficeMessage,
    ) -> Result<types::OfficeUpdateResponse, Error> {
        validate::dialpad_office(&validate::to_json(office)).map_err(Error::Validation)?;
        self.transport
            .run("create_office", || {
                self.api.create_office().body(office.clone()).send()
            })
            .await
    }

    /// As [`DialpadClient::create_office`], from JSON (such as a line of a manifest file).
    pub async fn create_office_json(
        &self,
        office: &Value,
    ) -> Result<types::OfficeUpdateResponse, Error> {
        validate::dialpad_office(office).map_err(Error::Validation)?;
        self.create_office(&validate::typed(office)?).await
    }
}
