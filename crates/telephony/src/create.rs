//! The create path of both clients, written once: validation (typed or as JSON, all problems at
//! once, nothing sent if any), then the billing-safe create or the single-shot one. What
//! differs between the vendors — operation names, body types, the checks, how a create is
//! found again — is the crate-private trait [`VendorClient`].

use std::future::Future;

use serde_json::Value;

use crate::attempt::{GenResult, Transport};
use crate::error::Error;
use crate::resolve::Outcome;
use crate::validate::{self, Violations};

/// A body given typed or as JSON (such as an entry of a manifest file).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Body<'a, T> {
    Typed(&'a T),
    Json(&'a Value),
}

/// What a vendor's client says about its creates.
pub(crate) trait VendorClient: Sync {
    /// The typed request body.
    type Body: serde::de::DeserializeOwned + Sync;
    /// The create's answer.
    type Created: serde::de::DeserializeOwned + Send + 'static;
    /// The id of what a create made.
    type Id: Send + 'static;
    /// What a create is made in, when given: the baseline of a Dialpad run, the organization
    /// of a Webex mode.
    type Scope: ?Sized + Sync;

    /// The create's operation name (spans, errors).
    const CREATE: &'static str;

    /// The client's attempt loop.
    fn transport(&self) -> &Transport;

    /// Every rule of the vendor's spec, on the typed body.
    fn check_typed(body: &Self::Body) -> Result<(), Violations>;

    /// Every rule of the vendor's spec, on the body as JSON.
    fn check_json(body: &Value) -> Result<(), Violations>;

    /// The id a create's answer names, if any.
    fn id_of(created: &Self::Created) -> Option<Self::Id>;

    /// One attempt of the create.
    fn send_create(
        &self,
        body: &Self::Body,
        scope: Option<&Self::Scope>,
    ) -> impl Future<Output = GenResult<Self::Created>> + Send;

    /// The billing-safe create of a checked body (see [`crate::resolve`]).
    fn resolve(
        &self,
        body: &Self::Body,
        scope: Option<&Self::Scope>,
    ) -> impl Future<Output = Result<Outcome<Self::Id>, Error>> + Send;
}

/// Checks `body`, then creates it billing-safe.
pub(crate) async fn create<C: VendorClient>(
    client: &C,
    body: Body<'_, C::Body>,
    scope: Option<&C::Scope>,
) -> Result<Outcome<C::Id>, Error> {
    match body {
        Body::Typed(typed) => {
            C::check_typed(typed).map_err(Error::Validation)?;
            client.resolve(typed, scope).await
        }
        Body::Json(value) => {
            C::check_json(value).map_err(Error::Validation)?;
            let typed: Box<C::Body> = validate::typed(value)?;
            client.resolve(&typed, scope).await
        }
    }
}

/// Checks `body`, then creates it with a single logical request and no read-back (see
/// [`crate::retry`]).
pub(crate) async fn create_once<C: VendorClient>(
    client: &C,
    body: &C::Body,
    scope: Option<&C::Scope>,
) -> Result<C::Created, Error> {
    C::check_typed(body).map_err(Error::Validation)?;
    client
        .transport()
        .create_once(
            C::CREATE,
            || client.send_create(body, scope),
            |created| C::id_of(created).is_some(),
        )
        .await
}
