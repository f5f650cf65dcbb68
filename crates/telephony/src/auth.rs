//! Credentials: a token type that never shows itself, and the rule that tokens only travel
//! over TLS (plain `http://` is allowed for loopback hosts only, such as the local mock).

use std::fmt;

use secrecy::{ExposeSecret, SecretString};

use crate::error::ConfigError;

/// An API token or access token. `Debug` and `Display` print `Token(***)`; the value is only
/// read when the `Authorization` header is built.
///
/// ```
/// let token = telephony::Token::new("abc123").unwrap();
/// assert_eq!(format!("{token:?}"), "Token(***)");
/// assert_eq!(token.to_string(), "Token(***)");
/// ```
#[derive(Clone)]
pub struct Token(SecretString);

impl Token {
    /// Wraps a token; an empty or whitespace-only one is refused.
    pub fn new(value: impl Into<String>) -> Result<Token, ConfigError> {
        let value: String = value.into();
        if value.trim().is_empty() || value.contains(char::is_whitespace) {
            return Err(ConfigError::InvalidToken);
        }
        Ok(Token(SecretString::from(value)))
    }

    /// The `Authorization` header value, marked sensitive so that HTTP libraries redact it.
    pub(crate) fn authorization(&self) -> Result<reqwest::header::HeaderValue, ConfigError> {
        let mut value =
            reqwest::header::HeaderValue::from_str(&format!("Bearer {}", self.0.expose_secret()))
                .map_err(|_| ConfigError::InvalidToken)?;
        value.set_sensitive(true);
        Ok(value)
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(***)")
    }
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(***)")
    }
}

/// Checks a base URL: `https://`, or `http://` to a loopback host, without credentials, query
/// or fragment. Returns it without a trailing slash. Errors show the URL with any password
/// replaced by `***`.
pub(crate) fn check_base_url(url: &str) -> Result<String, ConfigError> {
    let parsed = reqwest::Url::parse(url).map_err(|err| ConfigError::BaseUrl {
        url: redact_url(url),
        reason: err.to_string(),
    })?;
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(ConfigError::BaseUrl {
            url: redact_url(url),
            reason: "a base URL takes no user name or password; the token is the credential".into(),
        });
    }

    let loopback = match parsed.host() {
        Some(url::Host::Domain(name)) => name.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    };
    match parsed.scheme() {
        "https" => {}
        "http" if loopback => {}
        "http" => {
            return Err(ConfigError::BaseUrl {
                url: redact_url(url),
                reason: "plain http is only allowed for loopback hosts; use https".into(),
            });
        }
        other => {
            return Err(ConfigError::BaseUrl {
                url: url.to_string(),
                reason: format!("unsupported scheme `{other}`"),
            });
        }
    }
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Err(ConfigError::BaseUrl {
            url: url.to_string(),
            reason: "a base URL takes no query or fragment".into(),
        });
    }
    Ok(url.trim_end_matches('/').to_string())
}

/// `url` with whatever stands before an `@` in its authority replaced by `***`, so that a
/// password given in a URL is never printed.
pub(crate) fn redact_url(url: &str) -> String {
    let Some(scheme_end) = url.find("://").map(|i| i + 3) else {
        return url.to_string();
    };
    let rest = &url[scheme_end..];
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => format!("{}***{}", &url[..scheme_end], &rest[at..]),
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_redacted_and_never_empty() {
        let token = Token::new("very-secret").expect("valid");
        assert!(!format!("{token:?} {token}").contains("very-secret"));
        assert!(Token::new("").is_err());
        assert!(Token::new("  ").is_err());
        assert!(Token::new("two parts").is_err());
        let header = token.authorization().expect("header");
        assert!(header.is_sensitive());
        assert!(!format!("{header:?}").contains("very-secret"));
    }

    #[test]
    fn plain_http_only_for_loopback() {
        for ok in [
            "https://dialpad.com",
            "https://sandbox.dialpad.com/",
            "http://127.0.0.1:8080",
            "http://127.3.2.1",
            "http://localhost:9000/v1",
            "http://[::1]:8080",
        ] {
            assert!(check_base_url(ok).is_ok(), "{ok}");
        }
        for bad in [
            "http://dialpad.com",
            "http://10.0.0.1",
            "ftp://127.0.0.1",
            "not a url",
            "https://dialpad.com/?apikey=x",
            "https://user:pass@dialpad.com",
            "https://user@dialpad.com",
            "http://admin:hunter2@127.0.0.1:8080",
        ] {
            assert!(check_base_url(bad).is_err(), "{bad}");
        }
        assert_eq!(
            check_base_url("https://x.test/v1/").expect("ok"),
            "https://x.test/v1"
        );
    }

    #[test]
    fn a_password_in_a_url_is_never_printed() {
        for url in [
            "https://user:hunter2@dialpad.com/v1",
            "http://admin:hunter2@127.0.0.1:8080",
            "https://:hunter2@x.test",
            "ht tp://user:hunter2@bad url",
        ] {
            let err = check_base_url(url).expect_err(url);
            let shown = format!("{err} {err:?}");
            assert!(!shown.contains("hunter2"), "{shown}");
        }
        assert_eq!(
            redact_url("https://u:p@x.test/a@b"),
            "https://***@x.test/a@b"
        );
        assert_eq!(redact_url("https://x.test/a@b"), "https://x.test/a@b");
    }
}
