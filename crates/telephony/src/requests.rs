//! Request builders of the clients' calls: what a call needs is its argument, what it may take
//! is a named setter, so an optional choice (the organization, a shared baseline) reads at the
//! call site instead of hiding in a positional `None`. Each builder is awaited directly (it is
//! [`IntoFuture`]) or through `send()`.

use std::future::IntoFuture;

use futures_util::future::BoxFuture;
use serde_json::Value;
use telephony_api::dialpad::types as dialpad_types;
use telephony_api::webex::types as webex_types;

use crate::dialpad::{DialpadClient, OfficeBaseline};
use crate::error::Error;
use crate::resolve::Outcome;
use crate::webex::WebexClient;

/// Awaiting a request builder sends it (`send()` by another name). The future is boxed, as an
/// `async fn`'s type cannot be named here: one allocation of the whole create (about 5.6 KB for
/// `CreateOffice`) that `send().await` does without.
macro_rules! awaited_by_send {
    ($($builder:ident => $output:ty;)*) => {$(
        impl<'a> IntoFuture for $builder<'a> {
            type Output = $output;
            type IntoFuture = BoxFuture<'a, Self::Output>;

            fn into_future(self) -> Self::IntoFuture {
                Box::pin(self.send())
            }
        }
    )*};
}

awaited_by_send! {
    CreateOffice => Result<Outcome<i64>, Error>;
    CreateMode => Result<Outcome<String>, Error>;
    CreateModeOnce => Result<webex_types::OperatingModeCreated, Error>;
    GetMode => Result<webex_types::OperatingModeDetails, Error>;
}

/// A body given typed or as JSON (such as an entry of a manifest file).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Body<'a, T> {
    Typed(&'a T),
    Json(&'a Value),
}

/// A create of an office; see [`DialpadClient::create_office`].
#[derive(Debug)]
#[must_use = "a request does nothing until it is awaited"]
pub struct CreateOffice<'a> {
    pub(crate) client: &'a DialpadClient,
    pub(crate) body: Body<'a, dialpad_types::CreateOfficeMessage>,
    pub(crate) baseline: Option<&'a OfficeBaseline>,
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
        self.client.run_create(self.body, self.baseline).await
    }
}

/// A create of an operating mode; see [`WebexClient::create_operating_mode`].
#[derive(Debug)]
#[must_use = "a request does nothing until it is awaited"]
pub struct CreateMode<'a> {
    pub(crate) client: &'a WebexClient,
    pub(crate) body: Body<'a, webex_types::OperatingModePostObject>,
    pub(crate) org_id: Option<String>,
}

impl CreateMode<'_> {
    /// Creates it in this organization (`orgId`; default: the token's).
    pub fn org_id(mut self, org_id: impl Into<String>) -> Self {
        self.org_id = Some(org_id.into());
        self
    }

    /// Sends the create; the same as awaiting the builder.
    pub async fn send(self) -> Result<Outcome<String>, Error> {
        self.client
            .run_create(self.body, self.org_id.as_deref())
            .await
    }
}

/// A create of an operating mode without read-back; see
/// [`WebexClient::create_operating_mode_once`].
#[derive(Debug)]
#[must_use = "a request does nothing until it is awaited"]
pub struct CreateModeOnce<'a> {
    pub(crate) client: &'a WebexClient,
    pub(crate) mode: &'a webex_types::OperatingModePostObject,
    pub(crate) org_id: Option<String>,
}

impl CreateModeOnce<'_> {
    /// Creates it in this organization (`orgId`; default: the token's).
    pub fn org_id(mut self, org_id: impl Into<String>) -> Self {
        self.org_id = Some(org_id.into());
        self
    }

    /// Sends the create; the same as awaiting the builder.
    pub async fn send(self) -> Result<webex_types::OperatingModeCreated, Error> {
        self.client
            .run_create_once(self.mode, self.org_id.as_deref())
            .await
    }
}

/// A read of one operating mode; see [`WebexClient::get_operating_mode`].
#[derive(Debug)]
#[must_use = "a request does nothing until it is awaited"]
pub struct GetMode<'a> {
    pub(crate) client: &'a WebexClient,
    pub(crate) mode_id: String,
    pub(crate) org_id: Option<String>,
}

impl GetMode<'_> {
    /// Reads it in this organization (`orgId`; default: the token's).
    pub fn org_id(mut self, org_id: impl Into<String>) -> Self {
        self.org_id = Some(org_id.into());
        self
    }

    /// Sends the read; the same as awaiting the builder.
    pub async fn send(self) -> Result<webex_types::OperatingModeDetails, Error> {
        self.client
            .run_get(&self.mode_id, self.org_id.as_deref())
            .await
    }
}
