//! What Webex's creates are ([`VendorClient`]): the operating-mode body and its checks, the id
//! an answer names, and the read-back — names are unique per organization (level
//! ORGANIZATION) or location, so the exact name is looked up in the mode's scope, and a 409 is
//! read back too.

use futures_util::TryStreamExt;
use serde_json::Value;
use telephony_api::webex::types;

use super::client::WebexClient;
use crate::attempt::{GenResult, Transport};
use crate::create::VendorClient;
use crate::error::Error;
use crate::read_back::ReadBack;
use crate::resolve::Outcome;
use crate::validate::{self, Violations};

/// The page size of the listings a read-back makes (the most Webex allows).
const READ_BACK_PAGE: u32 = 100;

impl VendorClient for WebexClient {
    type Body = types::OperatingModePostObject;
    type Created = types::OperatingModeCreated;
    type Id = String;
    type Scope = str;

    const CREATE: &'static str = "create_operating_mode";

    fn transport(&self) -> &Transport {
        &self.transport
    }

    fn check_typed(body: &Self::Body) -> Result<(), Violations> {
        validate::webex_typed(body)
    }

    fn check_json(body: &Value) -> Result<(), Violations> {
        validate::webex_operating_mode(body)
    }

    fn id_of(created: &Self::Created) -> Option<String> {
        Some(created.id.clone()).filter(|id| !id.is_empty())
    }

    fn send_create(
        &self,
        mode: &Self::Body,
        org_id: Option<&str>,
    ) -> impl Future<Output = GenResult<Self::Created>> + Send {
        let call = self.api.create_operating_mode().body(mode.clone());
        match org_id {
            Some(org) => call.org_id(org.to_string()).send(),
            None => call.send(),
        }
    }

    async fn resolve(
        &self,
        mode: &Self::Body,
        org_id: Option<&str>,
    ) -> Result<Outcome<String>, Error> {
        let mut strategy = ReadBack::new(
            self.transport.vendor,
            &self.transport.policy,
            Self::id_of,
            || self.find_mode(mode, org_id),
            true,
        );
        self.transport
            .run(Self::CREATE, &mut strategy, || {
                self.send_create(mode, org_id)
            })
            .await
    }
}

impl WebexClient {
    /// The id of the operating mode with exactly `mode`'s name in `mode`'s scope, if any.
    async fn find_mode(
        &self,
        mode: &types::OperatingModePostObject,
        org_id: Option<&str>,
    ) -> Result<Option<String>, Error> {
        let mut list = self
            .operating_modes()
            .name_contains(mode.name.clone())
            .page_size(READ_BACK_PAGE);
        if let Some(org) = org_id {
            list = list.org_id(org);
        }
        let (level, location) = match mode.level {
            types::OrgLocLevelObject::Organization => {
                list = list.organization_level_only();
                ("ORGANIZATION", None)
            }
            types::OrgLocLevelObject::Location => {
                let location = mode.location_id.clone().unwrap_or_default();
                list = list.location(location.clone());
                ("LOCATION", Some(location))
            }
        };
        let found = list
            .items()
            .try_filter(|found| {
                let same = found.name.as_str() == mode.name.as_str()
                    && found.level.as_deref().is_none_or(|l| l == level)
                    && (location.is_none()
                        || found.location.as_ref().map(|l| &l.id) == location.as_ref());
                std::future::ready(same)
            })
            .try_next()
            .await?;
        Ok(found.map(|mode| mode.id))
    }
}
