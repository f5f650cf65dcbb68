//! The Webex client's calls as request builders: what a call needs is its argument, what it
//! may take is a named setter (the organization) that reads at the call site instead of hiding
//! in a positional `None`. Each builder is awaited directly (it is
//! [`IntoFuture`](std::future::IntoFuture)) or through `send()`.

use serde_json::Value;
use telephony_api::webex::types;

use super::client::WebexClient;
use crate::create::{self, Body};
use crate::error::Error;
use crate::resolve::Outcome;

crate::requests::awaited_by_send! {
    CreateMode => Result<Outcome<String>, Error>;
    CreateModeOnce => Result<types::OperatingModeCreated, Error>;
    GetMode => Result<types::OperatingModeDetails, Error>;
}

impl WebexClient {
    /// Creates an operating mode, exactly once: the billing-safe path. Await it, or set
    /// [`CreateMode::org_id`] first (default: the token's organization).
    ///
    /// Validated first; paced; retried where Webex did not process it. Names are unique per
    /// organization (level ORGANIZATION) or location, so when an attempt's outcome is unknown
    /// the client waits the settle delay and looks the exact name up in the mode's scope (the
    /// vendor's `name` filter matches names that *contain* it; the client keeps only the exact
    /// name at the same level and location): found is [`Outcome::Found`], not found means
    /// nothing was created and the create is sent again. A 409 (the name is taken) is read
    /// back the same way: the mode found is returned as [`Outcome::Found`], whether an earlier
    /// attempt of this call made it or it existed before. See [`crate::resolve`].
    ///
    /// ```no_run
    /// # async fn run(client: telephony::WebexClient, mode: telephony::webex_types::OperatingModePostObject) -> Result<(), telephony::Error> {
    /// let in_token_org = client.create_operating_mode(&mode).await?;
    /// let in_other_org = client.create_operating_mode(&mode).org_id("ORG_ID").await?;
    /// println!("{in_token_org}, {in_other_org}");
    /// # Ok(())
    /// # }
    /// ```
    pub fn create_operating_mode<'a>(
        &'a self,
        mode: &'a types::OperatingModePostObject,
    ) -> CreateMode<'a> {
        CreateMode {
            client: self,
            body: Body::Typed(mode),
            org_id: None,
        }
    }

    /// As [`WebexClient::create_operating_mode`], from JSON: validated as JSON, then
    /// converted to the typed body once.
    pub fn create_operating_mode_json<'a>(&'a self, mode: &'a Value) -> CreateMode<'a> {
        CreateMode {
            client: self,
            body: Body::Json(mode),
            org_id: None,
        }
    }

    /// Creates an operating mode with a single logical request and no read-back: retried only
    /// where Webex did not process it; an outcome that may have been processed is
    /// [`Error::Ambiguous`]. Prefer [`WebexClient::create_operating_mode`].
    pub fn create_operating_mode_once<'a>(
        &'a self,
        mode: &'a types::OperatingModePostObject,
    ) -> CreateModeOnce<'a> {
        CreateModeOnce {
            client: self,
            mode,
            org_id: None,
        }
    }

    /// Reads one operating mode with its schedule and holidays; set [`GetMode::org_id`] for
    /// another organization than the token's.
    pub fn get_operating_mode(&self, mode_id: impl Into<String>) -> GetMode<'_> {
        GetMode {
            client: self,
            mode_id: mode_id.into(),
            org_id: None,
        }
    }
}

/// A create of an operating mode; see [`WebexClient::create_operating_mode`].
#[derive(Debug)]
#[must_use = "a request does nothing until it is awaited"]
pub struct CreateMode<'a> {
    client: &'a WebexClient,
    body: Body<'a, types::OperatingModePostObject>,
    org_id: Option<String>,
}

impl CreateMode<'_> {
    /// Creates it in this organization (`orgId`; default: the token's).
    pub fn org_id(mut self, org_id: impl Into<String>) -> Self {
        self.org_id = Some(org_id.into());
        self
    }

    /// Sends the create; the same as awaiting the builder.
    pub async fn send(self) -> Result<Outcome<String>, Error> {
        create::create(self.client, self.body, self.org_id.as_deref()).await
    }
}

/// A create of an operating mode without read-back; see
/// [`WebexClient::create_operating_mode_once`].
#[derive(Debug)]
#[must_use = "a request does nothing until it is awaited"]
pub struct CreateModeOnce<'a> {
    client: &'a WebexClient,
    mode: &'a types::OperatingModePostObject,
    org_id: Option<String>,
}

impl CreateModeOnce<'_> {
    /// Creates it in this organization (`orgId`; default: the token's).
    pub fn org_id(mut self, org_id: impl Into<String>) -> Self {
        self.org_id = Some(org_id.into());
        self
    }

    /// Sends the create; the same as awaiting the builder.
    pub async fn send(self) -> Result<types::OperatingModeCreated, Error> {
        create::create_once(self.client, self.mode, self.org_id.as_deref()).await
    }
}

/// A read of one operating mode; see [`WebexClient::get_operating_mode`].
#[derive(Debug)]
#[must_use = "a request does nothing until it is awaited"]
pub struct GetMode<'a> {
    client: &'a WebexClient,
    mode_id: String,
    org_id: Option<String>,
}

impl GetMode<'_> {
    /// Reads it in this organization (`orgId`; default: the token's).
    pub fn org_id(mut self, org_id: impl Into<String>) -> Self {
        self.org_id = Some(org_id.into());
        self
    }

    /// Sends the read; the same as awaiting the builder.
    pub async fn send(self) -> Result<types::OperatingModeDetails, Error> {
        let GetMode {
            client,
            mode_id,
            org_id,
        } = self;
        client
            .transport
            .read("get_operating_mode", || {
                let call = client.api.get_operating_mode().mode_id(&mode_id);
                match &org_id {
                    Some(org) => call.org_id(org).send(),
                    None => call.send(),
                }
            })
            .await
    }
}
