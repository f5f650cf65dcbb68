//! The clients a command needs: from the environment (or token files), or pointed at the
//! built-in mock started in this process with `--mock`; and where each one's token and base
//! URL came from, so that an error showing one of them wrong names what to fix.
//!
//! Every [`ClientError`] is a configuration error (exit 2): a token missing, unreadable or
//! refused by its vendor (401: not valid; 403: not allowed the call, with the scope Webex's
//! document asks for), a base URL that cannot work (named by its variable: white space, a bad
//! port, plain http to a remote host, https to a plain-http server, a certificate this machine
//! does not trust, a redirect), a pacing flag that cannot be read. None of them is sent again.
//! A vendor that cannot be reached is not one of them: that stays a failure of the run (exit
//! 3), whose message names the variable its base URL came from.

use std::io::Read;
use std::path::Path;

use telephony::{
    AdaptiveRate, Api, ConfigError, DIALPAD_SANDBOX, DialpadClient, Misconfigured, Pacing, Rate,
    RetryPolicy, Settings, Token, Vendor, WebexClient,
};
use telephony_mock::{MockConfig, MockHandle, MockServer, StartError};

use crate::cli::Global;
use crate::item::Item;

mod origin;

pub use origin::Doing;
use origin::{Origin, allowed, credential, origin};

/// The clients a run uses (one per vendor the manifest names), and where their settings came
/// from.
#[derive(Debug, Default)]
pub struct Clients {
    pub dialpad: Option<DialpadClient>,
    pub webex: Option<WebexClient>,
    dialpad_from: Origin,
    webex_from: Origin,
}

impl Clients {
    /// `error` as the setting it shows wrong, named by where that setting came from (a token
    /// the vendor refused, a base URL that cannot work); `Err(error)` as it was when it shows
    /// none. An outcome that may have been carried out is never one of them.
    pub fn named(
        &self,
        vendor: Vendor,
        doing: Doing,
        error: telephony::Error,
    ) -> Result<ClientError, telephony::Error> {
        let from = self.origin(vendor);
        let origin = from.token.clone();
        match error.misconfigured() {
            Some(Misconfigured::Token { status: 403 }) => Ok(ClientError::Forbidden {
                vendor,
                origin,
                doing: allowed(vendor, doing),
                source: Box::new(error),
            }),
            Some(Misconfigured::Token { .. }) => Ok(ClientError::Refused {
                vendor,
                origin,
                source: Box::new(error),
            }),
            Some(_) => Ok(match from.base_url {
                Some(variable) => ClientError::BaseUrl {
                    variable,
                    source: error,
                },
                None => ClientError::Client(error),
            }),
            None => Err(error),
        }
    }

    /// The variable the base URL of `vendor` came from, if one set it.
    pub fn base_url_variable(&self, vendor: Vendor) -> Option<&'static str> {
        self.origin(vendor).base_url
    }

    fn origin(&self, vendor: Vendor) -> &Origin {
        match vendor {
            Vendor::Dialpad => &self.dialpad_from,
            Vendor::Webex => &self.webex_from,
        }
    }
}

/// Why a client cannot be set up.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error(transparent)]
    Mock(#[from] StartError),
    /// A base URL from the environment that cannot be used, with the variable it came from.
    #[error("{variable}")]
    BaseUrl {
        variable: &'static str,
        source: telephony::Error,
    },
    #[error(transparent)]
    Client(telephony::Error),
    #[error(transparent)]
    Settings(#[from] ConfigError),
    #[error("token file {path}")]
    TokenFile {
        path: String,
        source: std::io::Error,
    },
    #[error("token file {path}: {problem}")]
    Token { path: String, problem: String },
    #[error("{flag} `{text}`: expected COUNT/s, COUNT/min, adaptive or off")]
    Rate { flag: &'static str, text: String },
    /// A token its vendor refused (401): wrong, expired or revoked.
    #[error("{} refused the {} from {origin}", .vendor.title(), credential(*.vendor))]
    Refused {
        vendor: Vendor,
        origin: String,
        source: Box<telephony::Error>,
    },
    /// A token its vendor does not allow a call (403).
    #[error("{} does not allow the {} from {origin} to {doing}", .vendor.title(), credential(*.vendor))]
    Forbidden {
        vendor: Vendor,
        origin: String,
        doing: String,
        source: Box<telephony::Error>,
    },
}

impl ClientError {
    /// The message with the vendor's own words, on one line (for a journal line): `Dialpad
    /// refused the API key from DIALPAD_API_TOKEN: Dialpad answered 401: …`.
    pub fn said(&self) -> String {
        match self {
            ClientError::Refused { source, .. } | ClientError::Forbidden { source, .. } => {
                format!("{self}: {source}")
            }
            ClientError::BaseUrl { source, .. } => format!("{self}: {source}"),
            other => other.to_string(),
        }
    }
}

/// Builds a client for each vendor that `items` name. With `--mock`, also the running mock
/// (kept alive by the caller for as long as the clients are used). Every vendor's settings
/// are checked before any is used, so that one run names every problem (both tokens missing,
/// say), not only the first: the error holds at least one.
pub async fn build(
    global: &Global,
    items: &[Item],
) -> Result<(Clients, Option<MockHandle>), Vec<ClientError>> {
    let needs = |vendor: Vendor| items.iter().any(|i| i.vendor() == vendor);
    let mut clients = Clients::default();
    let mock = if global.mock {
        let mock = MockServer::start(MockConfig::default())
            .await
            .map_err(|e| vec![e.into()])?;
        eprintln!(
            "using the built-in mock server at {} (no credentials needed; nothing leaves this machine)",
            mock.base_url()
        );
        Some(mock)
    } else {
        None
    };
    let mut problems = Vec::new();
    if needs(Vendor::Dialpad) {
        let client = vendor_settings(
            global,
            mock.as_ref()
                .map(|m| (Settings::dialpad as fn(Token) -> _, m.dialpad_url()) as MockTarget<_>),
            global.dialpad_token_file.as_deref(),
            "DIALPAD_API_TOKEN",
            Settings::dialpad_from,
            (global.dialpad_rate.as_deref(), "--dialpad-rate"),
        )
        .and_then(|settings| {
            clients.dialpad_from = origin(
                &mock,
                (global.dialpad_token_file.as_deref(), "--dialpad-token-file"),
                "DIALPAD_API_TOKEN",
                "DIALPAD_BASE_URL",
            );
            if clients.dialpad_from.base_url.is_none()
                && mock.is_none()
                && settings.base_url_value() == DIALPAD_SANDBOX
            {
                clients.dialpad_from.base_url = Some("DIALPAD_SANDBOX");
            }
            DialpadClient::new(settings).map_err(|e| naming(e, "DIALPAD_BASE_URL", &mock))
        });
        match client {
            Ok(client) => clients.dialpad = Some(client),
            Err(problem) => problems.push(problem),
        }
    }
    if needs(Vendor::Webex) {
        let client = vendor_settings(
            global,
            mock.as_ref()
                .map(|m| (Settings::webex as fn(Token) -> _, m.webex_url()) as MockTarget<_>),
            global.webex_token_file.as_deref(),
            "WEBEX_ACCESS_TOKEN",
            Settings::webex_from,
            (global.webex_rate.as_deref(), "--webex-rate"),
        )
        .and_then(|settings| {
            clients.webex_from = origin(
                &mock,
                (global.webex_token_file.as_deref(), "--webex-token-file"),
                "WEBEX_ACCESS_TOKEN",
                "WEBEX_BASE_URL",
            );
            WebexClient::new(settings).map_err(|e| naming(e, "WEBEX_BASE_URL", &mock))
        });
        match client {
            Ok(client) => clients.webex = Some(client),
            Err(problem) => problems.push(problem),
        }
    }
    if problems.is_empty() {
        Ok((clients, mock))
    } else {
        Err(problems)
    }
}

/// A client that cannot be built; a bad base URL names the variable it came from (unless it
/// is the mock's).
fn naming(
    error: telephony::Error,
    variable: &'static str,
    mock: &Option<MockHandle>,
) -> ClientError {
    match &error {
        telephony::Error::Config(ConfigError::BaseUrl { .. }) if mock.is_none() => {
            ClientError::BaseUrl {
                variable,
                source: error,
            }
        }
        _ => ClientError::Client(error),
    }
}

/// A vendor's settings for the mock: how to make them from a token, and the mock's URL.
type MockTarget<V> = (fn(Token) -> Settings<V>, String);

/// One vendor's settings: the mock's URL with a demo token, or the environment with the token
/// from a file in place of `token_variable`; then pacing and settling from the flags.
fn vendor_settings<V: Api, F>(
    global: &Global,
    mock: Option<MockTarget<V>>,
    token_file_path: Option<&Path>,
    token_variable: &str,
    from_env: F,
    (rate_flag, rate_name): (Option<&str>, &'static str),
) -> Result<Settings<V>, ClientError>
where
    F: FnOnce(Box<dyn Fn(&str) -> Option<String>>) -> Result<Settings<V>, ConfigError>,
{
    let settings = match mock {
        Some((demo, url)) => demo(demo_token()?).base_url(url),
        None => {
            let file = token_file(token_file_path)?;
            let variable = token_variable.to_string();
            from_env(Box::new(move |name| match &file {
                Some(token) if name == variable => Some(token.clone()),
                _ => std::env::var(name).ok(),
            }))?
        }
    };
    let settings = settings.retry(policy(global));
    Ok(match rate(rate_flag, rate_name)? {
        Some(pacing) => settings.pacing(pacing),
        None => settings,
    })
}

fn policy(global: &Global) -> RetryPolicy {
    let mut policy = RetryPolicy::default();
    if let Some(delay) = global.settle_delay {
        policy = policy.settle_delay(delay);
    }
    if let Some(deadline) = global.timeout {
        policy = policy.read_deadline(deadline);
    }
    policy
}

fn demo_token() -> Result<Token, ClientError> {
    Ok(Token::new("mock-token")?)
}

/// The most of a token file that is read (tokens are a few hundred bytes).
const MAX_TOKEN_FILE_BYTES: u64 = 64 * 1024;

/// A token read from a file (surrounding white space removed); its content is never shown.
fn token_file(path: Option<&Path>) -> Result<Option<String>, ClientError> {
    let Some(path) = path else {
        return Ok(None);
    };
    let io = |source| ClientError::TokenFile {
        path: path.display().to_string(),
        source,
    };
    // A token is far shorter than this; a file that is longer (or endless, such as a device)
    // is read no further than it.
    let mut text = String::new();
    std::fs::File::open(path)
        .map_err(io)?
        .take(MAX_TOKEN_FILE_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(io)?;
    if text.len() as u64 > MAX_TOKEN_FILE_BYTES {
        return Err(ClientError::Token {
            path: path.display().to_string(),
            problem: format!("longer than {MAX_TOKEN_FILE_BYTES} bytes, more than any token"),
        });
    }
    let token = text.trim().to_string();
    if let Some(problem) = Token::problem(&token) {
        return Err(ClientError::Token {
            path: path.display().to_string(),
            problem,
        });
    }
    Ok(Some(token))
}

/// `COUNT/s`, `COUNT/min`, `adaptive` or `off`; `None` keeps the client's default.
fn rate(text: Option<&str>, flag: &'static str) -> Result<Option<Pacing>, ClientError> {
    let Some(text) = text.map(str::trim) else {
        return Ok(None);
    };
    if text.eq_ignore_ascii_case("off") {
        return Ok(Some(Pacing::Off));
    }
    if text.eq_ignore_ascii_case("adaptive") {
        return Ok(Some(Pacing::Adaptive(AdaptiveRate::default())));
    }
    let bad = || ClientError::Rate {
        flag,
        text: text.to_string(),
    };
    let (count, unit) = text.split_once('/').ok_or_else(bad)?;
    let count: u32 = count
        .trim()
        .parse()
        .ok()
        .filter(|c| *c > 0)
        .ok_or_else(bad)?;
    match unit.trim() {
        "s" => Ok(Some(Pacing::Fixed(Rate::per_second(count)))),
        "min" => Ok(Some(Pacing::Fixed(Rate::per_minute(count)))),
        _ => Err(bad()),
    }
}
