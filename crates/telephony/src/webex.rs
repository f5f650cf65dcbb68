//! [`WebexClient`]: creates operating modes exactly once (validated, paced, retried safely and
//! read back when an outcome is unknown) and reads them.

use futures_util::TryStreamExt;
use serde_json::Value;
use telephony_api::webex::{self, types};

use crate::error::Error;
use crate::pages::{self, Paged};
use crate::requests::{Body, CreateMode, CreateModeOnce, GetMode};
use crate::resolve::{Create, Outcome};
use crate::settings::{Settings, WebexSettings};
use crate::transport::Transport;
use crate::validate;

/// The page size of the listings a read-back makes (the most Webex allows).
const READ_BACK_PAGE: u32 = 100;

/// A Webex Calling client.
///
/// ```no_run
/// # async fn run() -> Result<(), telephony::Error> {
/// use telephony::{Settings, Token, WebexClient};
///
/// // From WEBEX_ACCESS_TOKEN (and WEBEX_BASE_URL to point elsewhere):
/// let from_env = WebexClient::from_env()?;
/// // Or explicitly:
/// let client = WebexClient::new(Settings::webex(Token::new("access-token")?))?;
/// # let _ = (from_env, client);
/// # Ok(())
/// # }
/// ```
#[derive(Debug)]
pub struct WebexClient {
    api: webex::Client,
    transport: Transport,
}

impl WebexClient {
    /// Builds a client; fails on a base URL that is not `https://` (or loopback `http://`) and
    /// on unusable settings.
    pub fn new(settings: WebexSettings) -> Result<WebexClient, Error> {
        let (base_url, http, transport) = settings.build()?;
        Ok(WebexClient {
            api: webex::Client::new_with_client(&base_url, http),
            transport,
        })
    }

    /// Builds a client from the environment (see [`Settings::webex_from_env`]).
    pub fn from_env() -> Result<WebexClient, Error> {
        WebexClient::new(Settings::webex_from_env()?)
    }

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

    pub(crate) async fn run_create(
        &self,
        body: Body<'_, types::OperatingModePostObject>,
        org_id: Option<&str>,
    ) -> Result<Outcome<String>, Error> {
        match body {
            Body::Typed(mode) => {
                validate::webex_typed(mode).map_err(Error::Validation)?;
                self.resolve(mode, org_id).await
            }
            Body::Json(value) => {
                validate::webex_operating_mode(value).map_err(Error::Validation)?;
                let mode = validate::typed(value)?;
                self.resolve(&mode, org_id).await
            }
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

    pub(crate) async fn run_create_once(
        &self,
        mode: &types::OperatingModePostObject,
        org_id: Option<&str>,
    ) -> Result<types::OperatingModeCreated, Error> {
        validate::webex_typed(mode).map_err(Error::Validation)?;
        self.transport
            .create_once(
                "create_operating_mode",
                || self.send_create(mode, org_id),
                |created| !created.id.is_empty(),
            )
            .await
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

    pub(crate) async fn run_get(
        &self,
        mode_id: &str,
        org_id: Option<&str>,
    ) -> Result<types::OperatingModeDetails, Error> {
        self.transport
            .read("get_operating_mode", || {
                let call = self.api.get_operating_mode().mode_id(mode_id);
                match org_id {
                    Some(org) => call.org_id(org).send(),
                    None => call.send(),
                }
            })
            .await
    }

    /// Lists operating modes, as a stream of pages or of modes, with the vendor's filters.
    ///
    /// ```no_run
    /// # async fn run(client: telephony::WebexClient) -> Result<(), telephony::Error> {
    /// use futures_util::TryStreamExt;
    ///
    /// let modes: Vec<_> = client
    ///     .operating_modes()
    ///     .name_contains("Business")
    ///     .location("LOCATION_ID")
    ///     .items()
    ///     .try_collect()
    ///     .await?;
    /// println!("{} modes", modes.len());
    /// # Ok(())
    /// # }
    /// ```
    pub fn operating_modes(&self) -> ModeList<'_> {
        ModeList {
            client: self,
            filter: Filter::default(),
            page_size: None,
        }
    }

    fn send_create(
        &self,
        mode: &types::OperatingModePostObject,
        org_id: Option<&str>,
    ) -> impl Future<Output = crate::transport::GenResult<types::OperatingModeCreated>> {
        let call = self.api.create_operating_mode().body(mode.clone());
        match org_id {
            Some(org) => call.org_id(org.to_string()).send(),
            None => call.send(),
        }
    }

    async fn resolve(
        &self,
        mode: &types::OperatingModePostObject,
        org_id: Option<&str>,
    ) -> Result<Outcome<String>, Error> {
        Create {
            transport: &self.transport,
            operation: "create_operating_mode",
            send: || self.send_create(mode, org_id),
            id_of: |created: &types::OperatingModeCreated| {
                Some(created.id.clone()).filter(|id| !id.is_empty())
            },
            read_back: || self.find_mode(mode, org_id),
            conflict_reads_back: true,
        }
        .run()
        .await
    }

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

/// The filters of a listing of operating modes.
#[derive(Debug, Clone, Default)]
struct Filter {
    name: Option<String>,
    location: Option<String>,
    org_level_only: Option<bool>,
    order: Option<String>,
    org_id: Option<String>,
}

/// A listing of operating modes; see [`WebexClient::operating_modes`].
#[derive(Debug, Clone)]
pub struct ModeList<'a> {
    client: &'a WebexClient,
    filter: Filter,
    page_size: Option<u32>,
}

impl<'a> ModeList<'a> {
    /// Only modes whose name contains `text` (the vendor's filter; not an exact match).
    pub fn name_contains(mut self, text: impl Into<String>) -> Self {
        self.filter.name = Some(text.into());
        self
    }

    /// Only modes of this location (`limitToLocationId`).
    pub fn location(mut self, location_id: impl Into<String>) -> Self {
        self.filter.location = Some(location_id.into());
        self
    }

    /// Only modes defined at the organization level (`limitToOrgLevelEnabled`).
    pub fn organization_level_only(mut self) -> Self {
        self.filter.org_level_only = Some(true);
        self
    }

    /// Sort order: `name-asc` (the vendor's default) or `name-desc`.
    pub fn order(mut self, order: impl Into<String>) -> Self {
        self.filter.order = Some(order.into());
        self
    }

    /// The organization to list (default: the token's).
    pub fn org_id(mut self, org_id: impl Into<String>) -> Self {
        self.filter.org_id = Some(org_id.into());
        self
    }

    /// Modes per page, 1 to 100 (the vendor's default is 10; values outside are clamped).
    pub fn page_size(mut self, size: u32) -> Self {
        self.page_size = Some(size.clamp(1, 100));
        self
    }

    /// The modes, a page at a time (each page one request, fetched when polled). A page
    /// shorter than the page size is the last.
    pub fn pages(self) -> Paged<'a, Vec<types::OperatingModeSummary>> {
        let ModeList {
            client,
            filter,
            page_size,
        } = self;
        let size = page_size.unwrap_or(10);
        pages::pages(
            telephony_spec::Vendor::Webex,
            "list_operating_modes",
            0_u32,
            move |start: u32| {
                let filter = filter.clone();
                async move {
                    let page = client
                        .transport
                        .read("list_operating_modes", || {
                            let mut call = client.api.list_operating_modes().max(size).start(start);
                            if let Some(name) = &filter.name {
                                call = call.name(name.clone());
                            }
                            if let Some(location) = &filter.location {
                                call = call.limit_to_location_id(location.clone());
                            }
                            if let Some(only) = filter.org_level_only {
                                call = call.limit_to_org_level_enabled(only);
                            }
                            if let Some(order) = &filter.order {
                                call = call.order(order.clone());
                            }
                            if let Some(org) = &filter.org_id {
                                call = call.org_id(org.clone());
                            }
                            call.send()
                        })
                        .await?;
                    let modes = page.operating_modes;
                    let full = modes.len() >= size as usize;
                    let next = start.checked_add(modes.len() as u32).filter(|_| full);
                    Ok((modes, next))
                }
            },
        )
    }

    /// The modes, one by one.
    pub fn items(self) -> Paged<'a, types::OperatingModeSummary> {
        pages::items(self.pages())
    }
}
