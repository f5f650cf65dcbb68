//! [`DialpadClient`]: creates offices exactly once (validated, paced, retried safely and read
//! back when an outcome is unknown) and reads them.

use std::collections::HashSet;
use std::sync::Mutex;

use futures_util::TryStreamExt;
use serde_json::Value;
use telephony_api::dialpad::{self, types};

use crate::error::Error;
use crate::names::NameLocks;
use crate::pages::{self, Paged};
use crate::requests::{Body, CreateOffice};
use crate::resolve::{Create, Outcome};
use crate::settings::{DialpadSettings, Settings};
use crate::single_flight::{Listed, SharedListing};
use crate::transport::Transport;
use crate::validate;

/// A Dialpad client.
///
/// ```no_run
/// # async fn run() -> Result<(), telephony::Error> {
/// use telephony::{DialpadClient, Settings, Token};
///
/// // From DIALPAD_API_TOKEN (and DIALPAD_SANDBOX=1 for the sandbox):
/// let from_env = DialpadClient::from_env()?;
/// // Or explicitly:
/// let client = DialpadClient::new(Settings::dialpad(Token::new("api-key")?).sandbox())?;
/// # let _ = (from_env, client);
/// # Ok(())
/// # }
/// ```
#[derive(Debug)]
pub struct DialpadClient {
    api: dialpad::Client,
    transport: Transport,
    /// Creates of offices with the same name are serialized within one client, so that a
    /// read-back can tell this client's offices apart.
    name_locks: NameLocks,
    /// The listings of every office that read-backs use, shared by those waiting at once.
    read_backs: SharedListing,
}

/// The offices that existed before some creates began, and the offices those creates have
/// made since: what a read-back needs to tell "this create's office" from an older office
/// with the same name (Dialpad office names are not unique).
///
/// [`DialpadClient::create_office`] takes a fresh one for each create (one listing of every
/// office). A bulk run takes one with [`DialpadClient::baseline`] and passes it to
/// [`CreateOffice::baseline`] for every create, paying that listing once. An
/// office made by another program after the baseline was taken, with the same name as one of
/// this baseline's creates, can be taken for that create's: keep a baseline to one run.
#[derive(Debug, Default)]
pub struct OfficeBaseline {
    before: HashSet<i64>,
    claimed: Mutex<HashSet<i64>>,
}

impl OfficeBaseline {
    /// A baseline from the ids of the offices that exist now.
    pub fn new(existing: impl IntoIterator<Item = i64>) -> OfficeBaseline {
        OfficeBaseline {
            before: existing.into_iter().collect(),
            claimed: Mutex::default(),
        }
    }

    /// How many offices existed when it was taken.
    pub fn len(&self) -> usize {
        self.before.len()
    }

    /// Whether no office existed when it was taken.
    pub fn is_empty(&self) -> bool {
        self.before.is_empty()
    }

    fn claimed(&self) -> std::sync::MutexGuard<'_, HashSet<i64>> {
        self.claimed.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Records an office made by a create of this baseline.
    fn claim(&self, id: i64) {
        self.claimed().insert(id);
    }

    /// Whether `id` existed before or was made by another create of this baseline.
    fn is_known(&self, id: i64) -> bool {
        self.before.contains(&id) || self.claimed().contains(&id)
    }
}

impl DialpadClient {
    /// Builds a client; fails on a base URL that is not `https://` (or loopback `http://`) and
    /// on unusable settings.
    pub fn new(settings: DialpadSettings) -> Result<DialpadClient, Error> {
        let (base_url, http, transport) = settings.build()?;
        Ok(DialpadClient {
            api: dialpad::Client::new_with_client(&base_url, http),
            transport,
            name_locks: NameLocks::default(),
            read_backs: SharedListing::default(),
        })
    }

    /// Builds a client from the environment (see [`Settings::dialpad_from_env`]).
    pub fn from_env() -> Result<DialpadClient, Error> {
        DialpadClient::new(Settings::dialpad_from_env()?)
    }

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

    pub(crate) async fn run_create(
        &self,
        body: Body<'_, types::CreateOfficeMessage>,
        baseline: Option<&OfficeBaseline>,
    ) -> Result<Outcome<i64>, Error> {
        let converted;
        let office = match body {
            Body::Typed(office) => {
                validate::dialpad_typed(office).map_err(Error::Validation)?;
                office
            }
            Body::Json(value) => {
                validate::dialpad_office(value).map_err(Error::Validation)?;
                converted = validate::typed(value)?;
                &*converted
            }
        };
        match baseline {
            Some(baseline) => self.resolve(office, baseline).await,
            None => self.resolve(office, &self.baseline().await?).await,
        }
    }

    /// Creates a secondary office with a single logical request and no read-back: retried
    /// only where Dialpad did not process it; an outcome that may have been processed is
    /// [`Error::Ambiguous`] (check before creating again). Prefer
    /// [`DialpadClient::create_office`].
    pub async fn create_office_once(
        &self,
        office: &types::CreateOfficeMessage,
    ) -> Result<types::OfficeUpdateResponse, Error> {
        validate::dialpad_typed(office).map_err(Error::Validation)?;
        self.transport
            .create_once(
                "create_office",
                || self.api.create_office().body(office.clone()).send(),
                |answer| office_id(answer).is_some(),
            )
            .await
    }

    /// The ids of every office that exists now, for [`CreateOffice::baseline`].
    pub async fn baseline(&self) -> Result<OfficeBaseline, Error> {
        let ids: Vec<i64> = self
            .offices()
            .items()
            .try_filter_map(|office| async move { Ok(id_of(&office)) })
            .try_collect()
            .await?;
        Ok(OfficeBaseline::new(ids))
    }

    /// Reads one office. An id read from an answer converts with `i64::from` (or take it
    /// with [`id_of`]).
    pub async fn get_office(&self, id: i64) -> Result<types::OfficeProto, Error> {
        self.transport
            .read("get_office", || self.api.get_office().id(id).send())
            .await
    }

    /// Lists offices, as a stream of pages or of offices.
    ///
    /// ```no_run
    /// # async fn run(client: telephony::DialpadClient) -> Result<(), telephony::Error> {
    /// use futures_util::TryStreamExt;
    ///
    /// let offices: Vec<_> = client.offices().active_only(true).items().try_collect().await?;
    /// println!("{} offices", offices.len());
    /// # Ok(())
    /// # }
    /// ```
    pub fn offices(&self) -> OfficeList<'_> {
        OfficeList {
            client: self,
            active_only: None,
        }
    }

    async fn resolve(
        &self,
        office: &types::CreateOfficeMessage,
        baseline: &OfficeBaseline,
    ) -> Result<Outcome<i64>, Error> {
        let name = office.name.as_str();
        let _same_name = self.name_locks.lock(name).await;
        let outcome = Create {
            transport: &self.transport,
            operation: "create_office",
            send: || self.api.create_office().body(office.clone()).send(),
            id_of: office_id,
            read_back: || self.find_new_office(name, baseline),
            conflict_reads_back: false,
        }
        .run()
        .await?;
        baseline.claim(*outcome.id());
        Ok(outcome)
    }

    /// The office named `name` that is not in `baseline`: `None` when there is none; an error
    /// when there are several (this create cannot tell which one is its own). From a listing
    /// shared with the other read-backs waiting now (see [`SharedListing`]).
    async fn find_new_office(
        &self,
        name: &str,
        baseline: &OfficeBaseline,
    ) -> Result<Option<i64>, Error> {
        let offices = self.read_backs.get(self.every_office()).await?;
        let new: Vec<i64> = offices
            .iter()
            .filter(|(id, named)| named.as_deref() == Some(name) && !baseline.is_known(*id))
            .map(|(id, _)| *id)
            .collect();
        match new.as_slice() {
            [] => Ok(None),
            [id] => Ok(Some(*id)),
            several => Err(Error::Decode {
                vendor: telephony_spec::Vendor::Dialpad,
                operation: "list_offices",
                reason: format!(
                    "{} new offices named `{name}` appeared (ids {several:?}); which one this \
                     create made cannot be told",
                    several.len()
                ),
            }),
        }
    }

    /// The id and name of every office, listed now.
    async fn every_office(&self) -> Result<Vec<Listed>, Error> {
        self.offices()
            .items()
            .try_filter_map(|office| async move { Ok(id_of(&office).map(|id| (id, office.name))) })
            .try_collect()
            .await
    }
}

/// The office id of a create's answer.
fn office_id(answer: &types::OfficeUpdateResponse) -> Option<i64> {
    answer.office.as_ref().and_then(id_of)
}

/// An office's id: `id`, or `office_id` (the same value, as the vendor documents it) when the
/// answer leaves `id` out. Either may come as a JSON number or a decimal string.
///
/// ```
/// use telephony::dialpad::id_of;
/// use telephony::dialpad_types::OfficeProto;
///
/// let office: OfficeProto = serde_json::from_str(r#"{"office_id": "124"}"#).unwrap();
/// assert_eq!(id_of(&office), Some(124));
/// ```
pub fn id_of(office: &types::OfficeProto) -> Option<i64> {
    office.id.or(office.office_id).map(i64::from)
}

/// A listing of offices; see [`DialpadClient::offices`].
#[derive(Debug, Clone)]
pub struct OfficeList<'a> {
    client: &'a DialpadClient,
    active_only: Option<bool>,
}

impl<'a> OfficeList<'a> {
    /// Only active offices (`true`), or all (`false`, the vendor's default).
    pub fn active_only(mut self, active_only: bool) -> Self {
        self.active_only = Some(active_only);
        self
    }

    /// The offices, a page at a time (each page one request, fetched when polled).
    pub fn pages(self) -> Paged<'a, Vec<types::OfficeProto>> {
        let OfficeList {
            client,
            active_only,
        } = self;
        pages::pages(
            telephony_spec::Vendor::Dialpad,
            "list_offices",
            None::<String>,
            move |cursor: Option<String>| async move {
                let page = client
                    .transport
                    .read("list_offices", || {
                        let mut call = client.api.list_offices();
                        if let Some(cursor) = &cursor {
                            call = call.cursor(cursor.clone());
                        }
                        if let Some(active_only) = active_only {
                            call = call.active_only(active_only);
                        }
                        call.send()
                    })
                    .await?;
                let next = page.cursor.filter(|next| !next.is_empty());
                if next.is_some() && next == cursor {
                    return Err(Error::Decode {
                        vendor: telephony_spec::Vendor::Dialpad,
                        operation: "list_offices",
                        reason: "the answer repeats the cursor it was asked for".into(),
                    });
                }
                Ok((page.items.unwrap_or_default(), next.map(Some)))
            },
        )
    }

    /// The offices, one by one.
    pub fn items(self) -> Paged<'a, types::OfficeProto> {
        pages::items(self.pages())
    }
}
