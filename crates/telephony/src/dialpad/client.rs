//! [`DialpadClient`]: the generated Dialpad client behind this crate's attempt loop, with what
//! its read-backs share (name locks, one listing for those waiting at once).

use telephony_api::dialpad::{self, types};

use crate::attempt::Transport;
use crate::error::Error;
use crate::names::NameLocks;
use crate::settings::{DialpadSettings, Settings};
use crate::single_flight::SharedListing;

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
    pub(super) api: dialpad::Client,
    pub(super) transport: Transport,
    /// Creates of offices with the same name are serialized within one client, so that a
    /// read-back can tell this client's offices apart.
    pub(super) name_locks: NameLocks,
    /// The listings of every office that read-backs use, shared by those waiting at once.
    pub(super) read_backs: SharedListing,
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
}

/// The office id of a create's answer.
pub(super) fn office_id(answer: &types::OfficeUpdateResponse) -> Option<i64> {
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
