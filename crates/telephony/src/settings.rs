//! How a client is set up: token, base URL, pacing, retries, timeouts — from code or from the
//! environment. What is particular to a vendor (its servers, its variables, its default pacing)
//! is in that vendor's `settings` module.

use std::marker::PhantomData;
use std::time::Duration;

use telephony_spec::Vendor;

use crate::attempt::Transport;
use crate::auth::{Token, check_base_url, redact_url};
use crate::error::ConfigError;
use crate::pacing::{Limits, Pacing, Rate};
use crate::retry::RetryPolicy;

/// Which API a [`Settings`] is for: [`DialpadApi`] or [`WebexApi`]. Sealed: the two vendors
/// are the only ones.
pub trait Api: sealed::Sealed + Clone + std::fmt::Debug + Send + Sync + 'static {
    /// The vendor.
    const VENDOR: Vendor;
}

/// Marks settings of a [`DialpadClient`](crate::DialpadClient).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DialpadApi;

/// Marks settings of a [`WebexClient`](crate::WebexClient).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WebexApi;

impl Api for DialpadApi {
    const VENDOR: Vendor = Vendor::Dialpad;
}

impl Api for WebexApi {
    const VENDOR: Vendor = Vendor::Webex;
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::DialpadApi {}
    impl Sealed for super::WebexApi {}
}

/// Settings of a [`DialpadClient`](crate::DialpadClient).
pub type DialpadSettings = Settings<DialpadApi>;
/// Settings of a [`WebexClient`](crate::WebexClient).
pub type WebexSettings = Settings<WebexApi>;

/// Settings of a [`DialpadClient`](crate::DialpadClient) ([`DialpadSettings`]) or a
/// [`WebexClient`](crate::WebexClient) ([`WebexSettings`]). The vendor is part of the type:
/// settings made for one vendor do not compile as the other's.
///
/// ```
/// use std::time::Duration;
/// use telephony::{Rate, RetryPolicy, Settings, Token};
///
/// let settings = Settings::dialpad(Token::new("key")?)
///     .sandbox()
///     .rate(Some(Rate::per_second(10)))
///     .retry(RetryPolicy::default().max_attempts(3))
///     .max_concurrency(4)
///     .timeouts(Duration::from_secs(20), Duration::from_secs(5));
/// assert_eq!(settings.base_url_value(), "https://sandbox.dialpad.com");
/// # Ok::<(), telephony::ConfigError>(())
/// ```
///
/// ```compile_fail
/// # use telephony::{Settings, Token, WebexClient};
/// // Dialpad settings are not Webex settings:
/// let client = WebexClient::new(Settings::dialpad(Token::new("key").unwrap()));
/// ```
#[derive(Clone)]
pub struct Settings<V: Api> {
    api: PhantomData<V>,
    token: Token,
    base_url: String,
    pacing: Pacing,
    retry: RetryPolicy,
    max_concurrency: usize,
    timeout: Duration,
    connect_timeout: Duration,
}

impl<V: Api> std::fmt::Debug for Settings<V> {
    /// Every field, with the token redacted and any password in the base URL replaced by
    /// `***`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("vendor", &V::VENDOR)
            .field("token", &self.token)
            .field("base_url", &redact_url(&self.base_url))
            .field("pacing", &self.pacing)
            .field("retry", &self.retry)
            .field("max_concurrency", &self.max_concurrency)
            .field("timeout", &self.timeout)
            .field("connect_timeout", &self.connect_timeout)
            .finish()
    }
}

impl<V: Api> Settings<V> {
    pub(crate) fn defaults(token: Token, base_url: &str, pacing: Pacing) -> Settings<V> {
        Settings {
            api: PhantomData,
            token,
            base_url: base_url.to_string(),
            pacing,
            retry: RetryPolicy::default(),
            max_concurrency: 8,
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
        }
    }

    /// Another server: `https://…`, or `http://` to a loopback host (checked when the client
    /// is built).
    pub fn base_url(mut self, url: impl Into<String>) -> Settings<V> {
        self.base_url = url.into();
        self
    }

    /// A fixed rate; `None` sends as fast as allowed by [`Settings::max_concurrency`]. The
    /// same as [`Settings::pacing`] with [`Pacing::Fixed`] or [`Pacing::Off`].
    pub fn rate(mut self, rate: Option<Rate>) -> Settings<V> {
        self.pacing = rate.map_or(Pacing::Off, Pacing::Fixed);
        self
    }

    /// How requests are spaced: off, a fixed rate, or adaptive.
    pub fn pacing(mut self, pacing: Pacing) -> Settings<V> {
        self.pacing = pacing;
        self
    }

    /// The retry policy.
    pub fn retry(mut self, retry: RetryPolicy) -> Settings<V> {
        self.retry = retry;
        self
    }

    /// Most requests in flight at once (default 8).
    pub fn max_concurrency(mut self, max: usize) -> Settings<V> {
        self.max_concurrency = max;
        self
    }

    /// Time allowed for a whole request and for connecting (defaults 30 s and 10 s).
    pub fn timeouts(mut self, request: Duration, connect: Duration) -> Settings<V> {
        self.timeout = request;
        self.connect_timeout = connect;
        self
    }

    /// The base URL as set (a password in it, which building a client refuses, shows as
    /// `***`).
    pub fn base_url_value(&self) -> String {
        redact_url(&self.base_url)
    }

    /// Checks the settings and builds the HTTP client and transport.
    pub(crate) fn build(&self) -> Result<(String, reqwest::Client, Transport), ConfigError> {
        let base_url = check_base_url(&self.base_url)?;
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(reqwest::header::AUTHORIZATION, self.token.authorization()?);
        let mut builder = reqwest::Client::builder()
            .default_headers(headers)
            // Static: every request copies the default headers, and a static value is copied
            // without touching a shared reference count.
            .user_agent(reqwest::header::HeaderValue::from_static(concat!(
                "telephony/",
                env!("CARGO_PKG_VERSION")
            )))
            .timeout(self.timeout)
            .connect_timeout(self.connect_timeout)
            // A redirect would re-send the request, credentials included, wherever it points:
            // a 3xx is returned as an error naming the place instead.
            .redirect(reqwest::redirect::Policy::none());
        if base_url.starts_with("http://") {
            // Plain http is for loopback only; through a proxy (HTTP_PROXY) the token would
            // cross the network in cleartext.
            builder = builder.no_proxy();
        }
        let http = builder
            .build()
            .map_err(|err| ConfigError::Http(err.to_string()))?;
        let transport = Transport {
            vendor: V::VENDOR,
            limits: Limits::new(self.pacing, self.max_concurrency)?,
            policy: self.retry.clone(),
        };
        Ok((base_url, http, transport))
    }
}

pub(crate) fn required(
    lookup: &impl Fn(&str) -> Option<String>,
    name: &'static str,
) -> Result<Token, ConfigError> {
    let value = lookup(name).ok_or(ConfigError::MissingVariable(name))?;
    if let Some(reason) = crate::auth::token_problem(&value) {
        return Err(ConfigError::BadVariable { name, reason });
    }
    Token::new(value).map_err(|_| ConfigError::BadVariable {
        name,
        reason: "the token cannot be used".into(),
    })
}

pub(crate) fn flag(
    lookup: &impl Fn(&str) -> Option<String>,
    name: &'static str,
) -> Result<bool, ConfigError> {
    match lookup(name).as_deref().map(str::trim) {
        None | Some("") | Some("0") => Ok(false),
        Some("1") => Ok(true),
        Some(v) if v.eq_ignore_ascii_case("true") || v.eq_ignore_ascii_case("yes") => Ok(true),
        Some(v) if v.eq_ignore_ascii_case("false") || v.eq_ignore_ascii_case("no") => Ok(false),
        Some(other) => Err(ConfigError::BadVariable {
            name,
            reason: format!("`{other}` is not one of 1, 0, true, false, yes, no"),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dialpad::{DIALPAD_PRODUCTION, DIALPAD_SANDBOX};
    use std::collections::HashMap;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| map.get(name).cloned()
    }

    #[test]
    fn dialpad_is_paced_at_the_rate_its_spec_documents() {
        let settings = Settings::dialpad(Token::new("k").expect("token"));
        assert_eq!(settings.pacing, Pacing::Fixed(Rate::per_minute(1200)));
    }

    #[test]
    fn dialpad_from_the_environment() {
        let settings = Settings::dialpad_from(env(&[("DIALPAD_API_TOKEN", "k")])).expect("ok");
        assert_eq!(settings.base_url_value(), DIALPAD_PRODUCTION);
        let sandbox =
            Settings::dialpad_from(env(&[("DIALPAD_API_TOKEN", "k"), ("DIALPAD_SANDBOX", "1")]))
                .expect("ok");
        assert_eq!(sandbox.base_url_value(), DIALPAD_SANDBOX);
        let local = Settings::dialpad_from(env(&[
            ("DIALPAD_API_TOKEN", "k"),
            ("DIALPAD_SANDBOX", "true"),
            ("DIALPAD_BASE_URL", "http://127.0.0.1:8080"),
        ]))
        .expect("ok");
        assert_eq!(local.base_url_value(), "http://127.0.0.1:8080");
    }

    #[test]
    fn bad_environment_is_named() {
        assert_eq!(
            Settings::dialpad_from(env(&[])).map(|_| ()),
            Err(ConfigError::MissingVariable("DIALPAD_API_TOKEN"))
        );
        let err = Settings::dialpad_from(env(&[
            ("DIALPAD_API_TOKEN", "k"),
            ("DIALPAD_SANDBOX", "maybe"),
        ]))
        .expect_err("bad flag");
        assert!(err.to_string().contains("DIALPAD_SANDBOX"), "{err}");
        let err = Settings::webex_from(env(&[("WEBEX_ACCESS_TOKEN", " ")])).expect_err("blank");
        assert!(err.to_string().contains("WEBEX_ACCESS_TOKEN"), "{err}");
        assert!(!err.to_string().contains(' ') || !err.to_string().contains("  "));
    }

    #[test]
    fn plain_http_to_a_remote_host_is_refused_at_build() {
        let settings =
            Settings::webex(Token::new("t").expect("token")).base_url("http://webexapis.com/v1");
        assert!(matches!(settings.build(), Err(ConfigError::BaseUrl { .. })));
        let zero = Settings::webex(Token::new("t").expect("token")).max_concurrency(0);
        assert!(matches!(
            zero.build(),
            Err(ConfigError::Setting {
                name: "max_concurrency",
                ..
            })
        ));
    }
}
