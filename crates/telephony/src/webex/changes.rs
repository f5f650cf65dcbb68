//! The changes of an operating mode as request builders: the modify (a `PUT`, validated first
//! and sent again on unknown outcomes, since sending it twice changes nothing more) and the
//! delete (a 404 after an unknown attempt means that attempt deleted it).

use serde_json::Value;
use telephony_api::webex::types;

use super::client::WebexClient;
use crate::attempt::Deleted;
use crate::create::Body;
use crate::error::Error;
use crate::validate;

crate::requests::awaited_by_send! {
    UpdateMode => Result<(), Error>;
    DeleteMode => Result<Deleted, Error>;
}

impl WebexClient {
    /// Modifies an operating mode: only the parts `change` carries change, and its
    /// `holidays` replace every holiday of the mode (the type and level cannot change). Await
    /// it, or set [`UpdateMode::org_id`] first.
    ///
    /// Validated first (nothing is sent if any rule fails); paced; retried where Webex did not
    /// process it and where the outcome is unknown (the same modify twice is the same state).
    /// A rename to a name another mode of the same level and location has is refused with a
    /// 409 ([`Error::Api`]); after an unknown outcome, a refusal is [`Error::Ambiguous`].
    ///
    /// ```no_run
    /// # async fn run(client: telephony::WebexClient, change: telephony::webex_types::OperatingModePatchObject) -> Result<(), telephony::Error> {
    /// client.update_operating_mode("MODE_ID", &change).await?;
    /// client.update_operating_mode("MODE_ID", &change).org_id("ORG_ID").await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn update_operating_mode<'a>(
        &'a self,
        mode_id: impl Into<String>,
        change: &'a types::OperatingModePatchObject,
    ) -> UpdateMode<'a> {
        UpdateMode {
            client: self,
            mode_id: mode_id.into(),
            body: Body::Typed(change),
            org_id: None,
        }
    }

    /// As [`WebexClient::update_operating_mode`], from JSON: validated as JSON, then converted
    /// to the typed body once.
    pub fn update_operating_mode_json<'a>(
        &'a self,
        mode_id: impl Into<String>,
        change: &'a Value,
    ) -> UpdateMode<'a> {
        UpdateMode {
            client: self,
            mode_id: mode_id.into(),
            body: Body::Json(change),
            org_id: None,
        }
    }

    /// Deletes an operating mode with its holidays: [`Deleted::Deleted`], or
    /// [`Deleted::AlreadyGone`] when there was none with this id. Retried like a modify.
    ///
    /// ```no_run
    /// # async fn run(client: telephony::WebexClient) -> Result<(), telephony::Error> {
    /// let deleted = client.delete_operating_mode("MODE_ID").await?;
    /// println!("{deleted}");
    /// # Ok(())
    /// # }
    /// ```
    pub fn delete_operating_mode(&self, mode_id: impl Into<String>) -> DeleteMode<'_> {
        DeleteMode {
            client: self,
            mode_id: mode_id.into(),
            org_id: None,
        }
    }
}

/// A modify of an operating mode; see [`WebexClient::update_operating_mode`].
#[derive(Debug)]
#[must_use = "a request does nothing until it is awaited"]
pub struct UpdateMode<'a> {
    client: &'a WebexClient,
    mode_id: String,
    body: Body<'a, types::OperatingModePatchObject>,
    org_id: Option<String>,
}

impl UpdateMode<'_> {
    /// Modifies it in this organization (`orgId`; default: the token's).
    pub fn org_id(mut self, org_id: impl Into<String>) -> Self {
        self.org_id = Some(org_id.into());
        self
    }

    /// Sends the modify; the same as awaiting the builder.
    pub async fn send(self) -> Result<(), Error> {
        let UpdateMode {
            client,
            mode_id,
            body,
            org_id,
        } = self;
        let converted: Box<types::OperatingModePatchObject>;
        let change = match body {
            Body::Typed(typed) => {
                validate::webex_patch_typed(typed).map_err(Error::Validation)?;
                typed
            }
            Body::Json(value) => {
                validate::webex_operating_mode_patch(value).map_err(Error::Validation)?;
                converted = validate::typed(value)?;
                &*converted
            }
        };
        client
            .transport
            .change::<(), _, _>("update_operating_mode", || {
                let call = client
                    .api
                    .update_operating_mode()
                    .mode_id(&mode_id)
                    .body(change.clone());
                match &org_id {
                    Some(org) => call.org_id(org).send(),
                    None => call.send(),
                }
            })
            .await?;
        Ok(())
    }
}

/// A delete of an operating mode; see [`WebexClient::delete_operating_mode`].
#[derive(Debug)]
#[must_use = "a request does nothing until it is awaited"]
pub struct DeleteMode<'a> {
    client: &'a WebexClient,
    mode_id: String,
    org_id: Option<String>,
}

impl DeleteMode<'_> {
    /// Deletes it in this organization (`orgId`; default: the token's).
    pub fn org_id(mut self, org_id: impl Into<String>) -> Self {
        self.org_id = Some(org_id.into());
        self
    }

    /// Sends the delete; the same as awaiting the builder.
    pub async fn send(self) -> Result<Deleted, Error> {
        let DeleteMode {
            client,
            mode_id,
            org_id,
        } = self;
        client
            .transport
            .delete::<(), _, _>("delete_operating_mode", || {
                let call = client.api.delete_operating_mode().mode_id(&mode_id);
                match &org_id {
                    Some(org) => call.org_id(org).send(),
                    None => call.send(),
                }
            })
            .await
    }
}
