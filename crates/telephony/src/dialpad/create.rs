//! What Dialpad's creates are ([`VendorClient`]): the office body and its checks, the id an
//! answer names, and the read-back — the office of this name that is not in the baseline,
//! with creates of one name serialized within a client so that each finds its own.

use serde_json::Value;
use telephony_api::dialpad::types;

use super::baseline::OfficeBaseline;
use super::client::{DialpadClient, office_id};
use crate::attempt::{GenResult, Transport};
use crate::create::VendorClient;
use crate::error::Error;
use crate::read_back::ReadBack;
use crate::resolve::Outcome;
use crate::validate::{self, Violations};

impl VendorClient for DialpadClient {
    type Body = types::CreateOfficeMessage;
    type Created = types::OfficeUpdateResponse;
    type Id = i64;
    type Scope = OfficeBaseline;

    const CREATE: &'static str = "create_office";

    fn transport(&self) -> &Transport {
        &self.transport
    }

    fn check_typed(body: &Self::Body) -> Result<(), Violations> {
        validate::dialpad_typed(body)
    }

    fn check_json(body: &Value) -> Result<(), Violations> {
        validate::dialpad_office(body)
    }

    fn id_of(created: &Self::Created) -> Option<i64> {
        office_id(created)
    }

    fn send_create(
        &self,
        body: &Self::Body,
        _scope: Option<&OfficeBaseline>,
    ) -> impl Future<Output = GenResult<Self::Created>> + Send {
        self.api.create_office().body(body.clone()).send()
    }

    /// Against `baseline`, or a fresh one (one listing of every office) when none is given.
    async fn resolve(
        &self,
        office: &Self::Body,
        baseline: Option<&OfficeBaseline>,
    ) -> Result<Outcome<i64>, Error> {
        let fresh;
        let baseline = match baseline {
            Some(baseline) => baseline,
            None => {
                fresh = self.baseline().await?;
                &fresh
            }
        };
        let name = office.name.as_str();
        let _same_name = self.name_locks.lock(name).await;
        let mut strategy = ReadBack::new(
            self.transport.vendor,
            &self.transport.policy,
            Self::id_of,
            || self.find_new_office(name, baseline),
            false,
        );
        let outcome = self
            .transport
            .run(Self::CREATE, &mut strategy, || {
                self.send_create(office, Some(baseline))
            })
            .await?;
        baseline.claim(*outcome.id());
        Ok(outcome)
    }
}
