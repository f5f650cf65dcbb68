//! The holidays of an operating mode as request builders: the exactly-once create (see
//! `holiday_create`), the read, the modify (a `PUT`, validated and sent again on unknown
//! outcomes) and the delete.

use telephony_api::webex::types;

use super::client::WebexClient;
use super::holiday_create::create_holiday;
use crate::attempt::Deleted;
use crate::error::Error;
use crate::resolve::Outcome;
use crate::validate;

crate::requests::awaited_by_send! {
    CreateHoliday => Result<Outcome<String>, Error>;
    GetHoliday => Result<types::OperatingModeHolidayGetObject, Error>;
    UpdateHoliday => Result<(), Error>;
    DeleteHoliday => Result<Deleted, Error>;
}

impl WebexClient {
    /// Adds a holiday to an operating mode, exactly once: [`Outcome::Created`] with its id,
    /// or [`Outcome::Found`] when an attempt whose outcome was unknown made it. Await it, or
    /// set [`CreateHoliday::org_id`] first.
    ///
    /// Validated first. Holiday names are not unique, so the mode is read before the first
    /// attempt and the ids of its holidays kept; after an unknown outcome the mode is read
    /// again, and a holiday with the same name, dates and times that was not there before is
    /// the one made. None found: it was not created, and it is sent again.
    ///
    /// ```no_run
    /// # async fn run(client: telephony::WebexClient, holiday: telephony::webex_types::OperatingModeHolidayPostRequestObject) -> Result<(), telephony::Error> {
    /// let made = client.create_operating_mode_holiday("MODE_ID", &holiday).await?;
    /// println!("holiday {made}");
    /// # Ok(())
    /// # }
    /// ```
    pub fn create_operating_mode_holiday<'a>(
        &'a self,
        mode_id: impl Into<String>,
        holiday: &'a types::OperatingModeHolidayPostRequestObject,
    ) -> CreateHoliday<'a> {
        CreateHoliday {
            client: self,
            mode_id: mode_id.into(),
            holiday,
            org_id: None,
        }
    }

    /// Reads one holiday of an operating mode.
    ///
    /// ```no_run
    /// # async fn run(client: telephony::WebexClient) -> Result<(), telephony::Error> {
    /// let holiday = client.get_operating_mode_holiday("MODE_ID", "HOLIDAY_ID").await?;
    /// println!("{}", holiday.name);
    /// # Ok(())
    /// # }
    /// ```
    pub fn get_operating_mode_holiday(
        &self,
        mode_id: impl Into<String>,
        holiday_id: impl Into<String>,
    ) -> GetHoliday<'_> {
        GetHoliday {
            client: self,
            mode_id: mode_id.into(),
            holiday_id: holiday_id.into(),
            org_id: None,
        }
    }

    /// Modifies one holiday of an operating mode: only the fields `change` carries change.
    /// Validated first; retried where Webex did not process it and where the outcome is
    /// unknown.
    ///
    /// ```no_run
    /// # async fn run(client: telephony::WebexClient, change: telephony::webex_types::OperatingModeHolidayPatchObject) -> Result<(), telephony::Error> {
    /// client.update_operating_mode_holiday("MODE_ID", "HOLIDAY_ID", &change).await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn update_operating_mode_holiday<'a>(
        &'a self,
        mode_id: impl Into<String>,
        holiday_id: impl Into<String>,
        change: &'a types::OperatingModeHolidayPatchObject,
    ) -> UpdateHoliday<'a> {
        UpdateHoliday {
            client: self,
            mode_id: mode_id.into(),
            holiday_id: holiday_id.into(),
            change,
            org_id: None,
        }
    }

    /// Deletes one holiday of an operating mode: [`Deleted::Deleted`], or
    /// [`Deleted::AlreadyGone`] when the mode has no holiday with this id.
    ///
    /// ```no_run
    /// # async fn run(client: telephony::WebexClient) -> Result<(), telephony::Error> {
    /// let deleted = client.delete_operating_mode_holiday("MODE_ID", "HOLIDAY_ID").await?;
    /// println!("{deleted}");
    /// # Ok(())
    /// # }
    /// ```
    pub fn delete_operating_mode_holiday(
        &self,
        mode_id: impl Into<String>,
        holiday_id: impl Into<String>,
    ) -> DeleteHoliday<'_> {
        DeleteHoliday {
            client: self,
            mode_id: mode_id.into(),
            holiday_id: holiday_id.into(),
            org_id: None,
        }
    }
}

/// A create of a holiday; see [`WebexClient::create_operating_mode_holiday`].
#[derive(Debug)]
#[must_use = "a request does nothing until it is awaited"]
pub struct CreateHoliday<'a> {
    client: &'a WebexClient,
    mode_id: String,
    holiday: &'a types::OperatingModeHolidayPostRequestObject,
    org_id: Option<String>,
}

impl CreateHoliday<'_> {
    /// Creates it in this organization's mode (`orgId`; default: the token's).
    pub fn org_id(mut self, org_id: impl Into<String>) -> Self {
        self.org_id = Some(org_id.into());
        self
    }

    /// Sends the create; the same as awaiting the builder.
    pub async fn send(self) -> Result<Outcome<String>, Error> {
        create_holiday(
            self.client,
            &self.mode_id,
            self.holiday,
            self.org_id.as_deref(),
        )
        .await
    }
}

/// A read of one holiday; see [`WebexClient::get_operating_mode_holiday`].
#[derive(Debug)]
#[must_use = "a request does nothing until it is awaited"]
pub struct GetHoliday<'a> {
    client: &'a WebexClient,
    mode_id: String,
    holiday_id: String,
    org_id: Option<String>,
}

impl GetHoliday<'_> {
    /// Reads it in this organization (`orgId`; default: the token's).
    pub fn org_id(mut self, org_id: impl Into<String>) -> Self {
        self.org_id = Some(org_id.into());
        self
    }

    /// Sends the read; the same as awaiting the builder.
    pub async fn send(self) -> Result<types::OperatingModeHolidayGetObject, Error> {
        let GetHoliday {
            client,
            mode_id,
            holiday_id,
            org_id,
        } = self;
        client
            .transport
            .read("get_operating_mode_holiday", || {
                let call = client
                    .api
                    .get_operating_mode_holiday()
                    .mode_id(&mode_id)
                    .holiday_id(&holiday_id);
                match &org_id {
                    Some(org) => call.org_id(org).send(),
                    None => call.send(),
                }
            })
            .await
    }
}

/// A modify of one holiday; see [`WebexClient::update_operating_mode_holiday`].
#[derive(Debug)]
#[must_use = "a request does nothing until it is awaited"]
pub struct UpdateHoliday<'a> {
    client: &'a WebexClient,
    mode_id: String,
    holiday_id: String,
    change: &'a types::OperatingModeHolidayPatchObject,
    org_id: Option<String>,
}

impl UpdateHoliday<'_> {
    /// Modifies it in this organization (`orgId`; default: the token's).
    pub fn org_id(mut self, org_id: impl Into<String>) -> Self {
        self.org_id = Some(org_id.into());
        self
    }

    /// Sends the modify; the same as awaiting the builder.
    pub async fn send(self) -> Result<(), Error> {
        let UpdateHoliday {
            client,
            mode_id,
            holiday_id,
            change,
            org_id,
        } = self;
        validate::webex_holiday_patch_typed(change).map_err(Error::Validation)?;
        client
            .transport
            .change::<(), _, _>("update_operating_mode_holiday", || {
                let call = client
                    .api
                    .update_operating_mode_holiday()
                    .mode_id(&mode_id)
                    .holiday_id(&holiday_id)
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

/// A delete of one holiday; see [`WebexClient::delete_operating_mode_holiday`].
#[derive(Debug)]
#[must_use = "a request does nothing until it is awaited"]
pub struct DeleteHoliday<'a> {
    client: &'a WebexClient,
    mode_id: String,
    holiday_id: String,
    org_id: Option<String>,
}

impl DeleteHoliday<'_> {
    /// Deletes it in this organization (`orgId`; default: the token's).
    pub fn org_id(mut self, org_id: impl Into<String>) -> Self {
        self.org_id = Some(org_id.into());
        self
    }

    /// Sends the delete; the same as awaiting the builder.
    pub async fn send(self) -> Result<Deleted, Error> {
        let DeleteHoliday {
            client,
            mode_id,
            holiday_id,
            org_id,
        } = self;
        client
            .transport
            .delete::<(), _, _>("delete_operating_mode_holiday", || {
                let call = client
                    .api
                    .delete_operating_mode_holiday()
                    .mode_id(&mode_id)
                    .holiday_id(&holiday_id);
                match &org_id {
                    Some(org) => call.org_id(org).send(),
                    None => call.send(),
                }
            })
            .await
    }
}
