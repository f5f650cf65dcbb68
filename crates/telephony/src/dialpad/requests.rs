//! The Dialpad client's calls as request builders: what a call needs is its argument, what it
//! may take is a named setter (a shared baseline) that reads at the call site. Each builder is
//! awaited directly (it is [`IntoFuture`](std::future::IntoFuture)) or through `send()`.

use serde_json::Value;
use telephony_api::dialpad::types;

use super::baseline::OfficeBaseline;
use super::client::DialpadClient;
use super::e911::{GetE911, UpdateE911};
use crate::create::{self, Body};
use crate::error::Error;
use crate::resolve::Outcome;

crate::requests::awaited_by_send! {
    CreateOffice => Result<Outcome<i64>, Error>;
    CreateOfficeOnce => Result<types::OfficeUpdateResponse, Error>;
    GetOffice => Result<types::OfficeProto, Error>;
    GetE911 => Result<types::E911GetProto, Error>;
    UpdateE911 => Result<Option<types::E911GetProto>, Error>;
}

impl DialpadClient {
    /// Creates a secondary office, exactly once: the billing-safe path. Await it, or set
    /// [`CreateOffice::baseline`] first.
    ///
    /// The office is validated against the spec first (all problems at once, nothing sent if
    /// any). Then the ids of every existing office are listed (the baseline), and the create
    /// is sent, paced, and retried where Dialpad did not process it. When an attempt's outcome
    /// is unknown, the client waits the settle delay and lists the offices again: an office
    /// with exactly this name that is not in the baseline (and was not made by another create
    /// of this client) is this create's, returned as [`Outcome::Found`]; none means nothing
    /// was created, and the create is sent again. An office with the same name that existed
    /// before is ignored: Dialpad allows two offices of one name, and this call makes a new
    /// one. See [`crate::resolve`].
    ///
    /// The read-backs of one client that wait at the same moment share one listing (a bulk
    /// run with many unknown outcomes does not list every office once for each): always one
    /// that started after the read-back began waiting, so that it sees a commit that landed
    /// before then.
    ///
    /// ```no_run
    /// # async fn run(client: telephony::DialpadClient, offices: Vec<telephony::dialpad_types::CreateOfficeMessage>) -> Result<(), telephony::Error> {
    /// // One office:
    /// let created = client.create_office(&offices[0]).await?;
    /// println!("{created}");
    /// // Many, sharing one listing of the offices that existed before:
    /// let baseline = client.baseline().await?;
    /// for office in &offices {
    ///     client.create_office(office).baseline(&baseline).await?;
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn create_office<'a>(&'a self, office: &'a types::CreateOfficeMessage) -> CreateOffice<'a> {
        CreateOffice {
            client: self,
            body: Body::Typed(office),
            baseline: None,
        }
    }

    /// As [`DialpadClient::create_office`], from JSON (such as an entry of a manifest file):
    /// validated as JSON, then converted to the typed body once.
    pub fn create_office_json<'a>(&'a self, office: &'a Value) -> CreateOffice<'a> {
        CreateOffice {
            client: self,
            body: Body::Json(office),
            baseline: None,
        }
    }

    /// Creates a secondary office with a single logical request and no read-back: retried
    /// only where Dialpad did not process it; an outcome that may have been processed is
    /// [`Error::Ambiguous`] (check before creating again). Prefer
    /// [`DialpadClient::create_office`].
    pub fn create_office_once<'a>(
        &'a self,
        office: &'a types::CreateOfficeMessage,
    ) -> CreateOfficeOnce<'a> {
        CreateOfficeOnce {
            client: self,
            office,
        }
    }

    /// Reads one office. An id read from an answer converts with `i64::from` (or take it
    /// with [`id_of`]).
    pub fn get_office(&self, id: i64) -> GetOffice<'_> {
        GetOffice { client: self, id }
    }
}

/// A create of an office; see [`DialpadClient::create_office`].
#[derive(Debug)]
#[must_use = "a request does nothing until it is awaited"]
pub struct CreateOffice<'a> {
    client: &'a DialpadClient,
    body: Body<'a, types::CreateOfficeMessage>,
    baseline: Option<&'a OfficeBaseline>,
}

impl<'a> CreateOffice<'a> {
    /// Reads back against `baseline`, taken earlier with [`DialpadClient::baseline`], instead
    /// of listing every office for this create: one listing for a bulk run.
    pub fn baseline(mut self, baseline: &'a OfficeBaseline) -> Self {
        self.baseline = Some(baseline);
        self
    }

    /// Sends the create; the same as awaiting the builder.
    pub async fn send(self) -> Result<Outcome<i64>, Error> {
        create::create(self.client, self.body, self.baseline).await
    }
}

/// A create of an office without read-back; see [`DialpadClient::create_office_once`].
#[derive(Debug)]
#[must_use = "a request does nothing until it is awaited"]
pub struct CreateOfficeOnce<'a> {
    client: &'a DialpadClient,
    office: &'a types::CreateOfficeMessage,
}

impl CreateOfficeOnce<'_> {
    /// Sends the create; the same as awaiting the builder.
    pub async fn send(self) -> Result<types::OfficeUpdateResponse, Error> {
        create::create_once(self.client, self.office, None).await
    }
}

/// A read of one office; see [`DialpadClient::get_office`].
#[derive(Debug)]
#[must_use = "a request does nothing until it is awaited"]
pub struct GetOffice<'a> {
    client: &'a DialpadClient,
    id: i64,
}

impl GetOffice<'_> {
    /// Sends the read; the same as awaiting the builder.
    pub async fn send(self) -> Result<types::OfficeProto, Error> {
        let GetOffice { client, id } = self;
        client
            .transport
            .read("get_office", || client.api.get_office().id(id).send())
            .await
    }
}
