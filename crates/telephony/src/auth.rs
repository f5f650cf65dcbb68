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
    /// Wraps a token; an empty one, or one with white space or a control character, is
    /// refused ([`token_problem`] says which).
    pub fn new(value: impl Into<String>) -> Result<Token, ConfigError> {
        let value: String = value.into();
        if token_problem(&value).is_some() {
            return Err(ConfigError::InvalidToken);
        }
        Ok(Token(SecretString::from(value)))
    }

    /// Why `value` cannot be a token (empty, white space, a control character, with the
    /// position of the first bad character; never the value itself), or `None`.
    ///
    /// ```
    /// use telephony::Token;
    ///
    /// assert_eq!(Token::problem("abc"), None);
    /// assert_eq!(
    ///     Token::problem("abc\u{1}").as_deref(),
    ///     Some("the token contains a control character (U+0001) at character 4")
    /// );
    /// ```
    pub fn problem(value: &str) -> Option<String> {
        token_problem(value)
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

/// Why a token cannot be used, naming the position of the first bad character (never the
/// token itself); `None` when it can.
pub(crate) fn token_problem(value: &str) -> Option<String> {
    if value.is_empty() {
        return Some("the token is empty".into());
    }
    let (at, bad) = value
        .chars()
        .enumerate()
        .find(|(_, c)| c.is_whitespace() || c.is_control())?;
    let what = if bad.is_whitespace() {
        "white space"
    } else {
        "a control character"
    };
    Some(format!(
        "the token contains {what} (U+{:04X}) at character {}",
        u32::from(bad),
        at + 1
    ))
}

/// Checks a base URL: `https://`, or `http://` to a loopback host, without credentials, query
/// or fragment, and without a backslash (parsers disagree on the host it names). Returns it
/// without a trailing slash. Errors show the URL with any password, query and fragment
/// replaced by `***`.
pub(crate) fn check_base_url(url: &str) -> Result<String, ConfigError> {
    if let Some((at, bad)) = url
        .chars()
        .enumerate()
        .find(|(_, c)| c.is_whitespace() || c.is_control())
    {
        return Err(ConfigError::BaseUrl {
            url: redact_url(url).escape_debug().to_string(),
            reason: format!(
                "it contains {} (U+{:04X}) at character {}; a URL has none",
                if bad.is_whitespace() {
                    "white space"
                } else {
                    "a control character"
                },
                u32::from(bad),
                at + 1
            ),
        });
    }
    let parsed = reqwest::Url::parse(url).map_err(|err| ConfigError::BaseUrl {
        url: redact_url(url),
        reason: err.to_string(),
    })?;
    if url.contains('\\') {
        let host = parsed.host_str().unwrap_or("no host");
        return Err(ConfigError::BaseUrl {
            url: redact_url(url),
            reason: format!(
                "a backslash makes the host ambiguous (this URL parses to the host `{host}`); \
                 write the URL with `/` only"
            ),
        });
    }
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
                url: redact_url(url),
                reason: format!("unsupported scheme `{other}`"),
            });
        }
    }
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Err(ConfigError::BaseUrl {
            url: redact_url(url),
            reason: "a base URL takes no query or fragment".into(),
        });
    }
    Ok(url.trim_end_matches('/').to_string())
}

/// `url` with whatever stands before the last `@` of its authority, and its query and
/// fragment, replaced by `***`, so that a password or a key given in a URL is never printed.
/// The authority ends at the first `/` after the scheme: a `\`, `?` or `#` before an `@` does
/// not protect what precedes it (`https://u:p#w@h` shows as `https://***@h`).
pub(crate) fn redact_url(url: &str) -> String {
    let Some(scheme_end) = url.find("://").map(|i| i + 3) else {
        return mask_query(url);
    };
    let rest = &url[scheme_end..];
    let authority_end = rest.find('/').unwrap_or(rest.len());
    let (user, after) = match rest[..authority_end].rfind('@') {
        Some(at) => ("***", &rest[at..]),
        None => ("", rest),
    };
    format!("{}{user}{}", &url[..scheme_end], mask_query(after))
}

/// `text` with everything from its first `?` or `#` replaced by that mark and `***`.
fn mask_query(text: &str) -> String {
    match text.find(['?', '#']) {
        Some(at) => format!("{}{}***", &text[..at], &text[at..at + 1]),
        None => text.to_string(),
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

    #[test]
    fn a_query_or_fragment_of_a_url_is_never_printed() {
        for url in [
            "https://dialpad.test/?apikey=KEY123#frag456",
            "https://dialpad.test/#frag456",
            "ftp://dialpad.test/?apikey=KEY123",
        ] {
            let err = check_base_url(url).expect_err(url);
            let shown = format!("{err} {err:?}");
            assert!(
                !shown.contains("KEY123") && !shown.contains("frag456"),
                "{shown}"
            );
        }
        assert_eq!(
            redact_url("https://u:p@x.test/v1?apikey=K#F"),
            "https://***@x.test/v1?***"
        );
        for (url, shown) in [
            ("https://u:pw\\@h.test/v1", "https://***@h.test/v1"),
            ("https://u:p#w@h.test", "https://***@h.test"),
            ("https://u:p?w@h.test", "https://***@h.test"),
            ("https://h.test?apikey=K", "https://h.test?***"),
        ] {
            assert_eq!(redact_url(url), shown, "{url}");
            let err = check_base_url(url).unwrap_err().to_string();
            assert!(
                !err.contains("pw") && !err.contains("p#w") && !err.contains("=K"),
                "{err}"
            );
        }
    }

    #[test]
    fn white_space_in_a_url_is_refused_before_any_request() {
        let err = check_base_url("https://dialpad.test/ ").unwrap_err();
        assert!(
            err.to_string()
                .contains("white space (U+0020) at character 22"),
            "{err}"
        );
        assert!(check_base_url("https://dialpad.test/\tx").is_err());
    }

    #[test]
    fn a_backslash_in_a_url_is_refused_naming_the_host_it_parses_to() {
        let err = check_base_url("http://example.com\\@127.0.0.1").unwrap_err();
        let shown = err.to_string();
        assert!(shown.contains("host `example.com`"), "{shown}");
        // What stands before the `@` may be a password (`u:pw\\@h`): masked either way.
        assert!(shown.contains("http://***@127.0.0.1"), "{shown}");
    }

    #[test]
    fn a_token_problem_names_the_character_and_its_position_not_the_token() {
        assert_eq!(token_problem("tok"), None);
        assert_eq!(token_problem("").as_deref(), Some("the token is empty"));
        let control = token_problem("secret\u{1}").expect("refused");
        assert_eq!(
            control,
            "the token contains a control character (U+0001) at character 7"
        );
        assert!(!control.contains("secret"));
        let space = token_problem("a b").expect("refused");
        assert!(
            space.contains("white space (U+0020) at character 2"),
            "{space}"
        );
        assert!(Token::new("tok\u{7f}").is_err());
    }
}
