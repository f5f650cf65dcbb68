//! The emergency (E911) address of a Dialpad office as request builders: read it, and change
//! it. A change sends the whole address, so sending it again leaves the office as the first
//! one did: it is validated first (nothing is sent if anything is wrong), then sent as a
//! change that may be sent again, retried on transient failures and on unknown outcomes alike.

use std::borrow::Cow;

use serde_json::Value;
use telephony_api::dialpad::types;

use super::client::DialpadClient;
use crate::create::Body;
use crate::error::Error;
use crate::validate;

impl DialpadClient {
    /// Reads the E911 address of the office `office_id` (a read: retried on transient
    /// failures). An office unknown to Dialpad is an [`Error::Api`] with status 404.
    ///
    /// ```no_run
    /// # async fn run(client: telephony::DialpadClient) -> Result<(), telephony::Error> {
    /// let address = client.get_office_e911(5_100_000_000_001).await?;
    /// println!("{:?}, {:?}", address.address, address.city);
    /// # Ok(())
    /// # }
    /// ```
    pub fn get_office_e911(&self, office_id: i64) -> GetE911<'_> {
        GetE911 {
            client: self,
            office_id,
        }
    }

    /// Replaces the E911 address of the office `office_id` with `address`.
    ///
    /// The address is validated against the spec first (all problems at once as
    /// [`Error::Validation`], nothing sent if any). The change is idempotent, so it is sent
    /// again after a transient failure and after an attempt whose outcome is unknown (a
    /// dropped answer, a timeout); once an outcome was unknown, a later refusal ends in
    /// [`Error::Ambiguous`]. The answer is the address as Dialpad now holds it, or `None` when
    /// the change was carried out but its answer could not be decoded.
    ///
    /// ```no_run
    /// # async fn run(client: telephony::DialpadClient) -> Result<(), Box<dyn std::error::Error>> {
    /// use telephony::dialpad_types::E911UpdateMessage;
    ///
    /// let address: E911UpdateMessage = E911UpdateMessage::builder()
    ///     .address("100 Congress Ave")
    ///     .city("Austin")
    ///     .state("TX")
    ///     .zip("78701")
    ///     .country("US")
    ///     .try_into()?;
    /// let now = client.update_office_e911(5_100_000_000_001, &address).await?;
    /// println!("{now:?}");
    /// # Ok(())
    /// # }
    /// ```
    pub fn update_office_e911<'a>(
        &'a self,
        office_id: i64,
        address: &'a types::E911UpdateMessage,
    ) -> UpdateE911<'a> {
        UpdateE911 {
            client: self,
            office_id,
            body: Body::Typed(address),
        }
    }

    /// As [`DialpadClient::update_office_e911`], from JSON: validated as JSON, then converted
    /// to the typed body once.
    ///
    /// ```no_run
    /// # async fn run(client: telephony::DialpadClient) -> Result<(), telephony::Error> {
    /// let address = serde_json::json!({"address": "100 Congress Ave", "city": "Austin",
    ///                                  "state": "TX", "zip": "78701", "country": "US"});
    /// client.update_office_e911_json(5_100_000_000_001, &address).await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn update_office_e911_json<'a>(
        &'a self,
        office_id: i64,
        address: &'a Value,
    ) -> UpdateE911<'a> {
        UpdateE911 {
            client: self,
            office_id,
            body: Body::Json(address),
        }
    }
}

/// A read of an office's E911 address; see [`DialpadClient::get_office_e911`].
#[derive(Debug)]
#[must_use = "a request does nothing until it is awaited"]
pub struct GetE911<'a> {
    client: &'a DialpadClient,
    office_id: i64,
}

impl GetE911<'_> {
    /// Sends the read; the same as awaiting the builder.
    pub async fn send(self) -> Result<types::E911GetProto, Error> {
        let GetE911 { client, office_id } = self;
        client
            .transport
            .read("get_office_e911", || {
                client.api.get_office_e911().id(office_id).send()
            })
            .await
    }
}

/// A change of an office's E911 address; see [`DialpadClient::update_office_e911`].
#[derive(Debug)]
#[must_use = "a request does nothing until it is awaited"]
pub struct UpdateE911<'a> {
    client: &'a DialpadClient,
    office_id: i64,
    body: Body<'a, types::E911UpdateMessage>,
}

impl UpdateE911<'_> {
    /// Validates and sends the change; the same as awaiting the builder.
    pub async fn send(self) -> Result<Option<types::E911GetProto>, Error> {
        let UpdateE911 {
            client,
            office_id,
            body,
        } = self;
        let address: Cow<'_, types::E911UpdateMessage> = match body {
            Body::Typed(address) => {
                validate::dialpad_e911_typed(address).map_err(Error::Validation)?;
                Cow::Borrowed(address)
            }
            Body::Json(value) => {
                validate::dialpad_e911(value).map_err(Error::Validation)?;
                Cow::Owned(*validate::typed(value)?)
            }
        };
        client
            .transport
            .change("update_office_e911", || {
                client
                    .api
                    .update_office_e911()
                    .id(office_id)
                    .body(address.as_ref().clone())
                    .send()
            })
            .await
    }
}
