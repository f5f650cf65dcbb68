//! Credentials as each vendor takes them.
//!
//! Dialpad takes its API key as `Authorization: Bearer <key>` or as the `apikey` query
//! parameter; Webex takes only a bearer token. Without a configured token any non-empty token is
//! accepted; with one, only that token is. The token itself is never logged.

use axum::http::{HeaderMap, Uri, header};
use telephony_spec::Vendor;

/// How a request presented its credentials (for logs: the token itself is not kept).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CredentialKind {
    Bearer,
    ApiKey,
}

impl CredentialKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CredentialKind::Bearer => "bearer",
            CredentialKind::ApiKey => "apikey",
        }
    }
}

/// Checks the credentials of a request to `vendor`; the error is the reason, for the answer.
pub(crate) fn authenticate(
    vendor: Vendor,
    headers: &HeaderMap,
    uri: &Uri,
    expected: Option<&str>,
) -> Result<CredentialKind, &'static str> {
    let (kind, token) = match headers.get(header::AUTHORIZATION) {
        Some(value) => (CredentialKind::Bearer, bearer(value.to_str().ok())?),
        None if vendor == Vendor::Dialpad => match query_api_key(uri) {
            Some(key) => (CredentialKind::ApiKey, key),
            None => {
                return Err("no credentials: send Authorization: Bearer <key> or ?apikey=<key>");
            }
        },
        None => return Err("no credentials: send Authorization: Bearer <token>"),
    };
    if token.is_empty() {
        return Err("the token is empty");
    }
    match expected {
        Some(expected) if expected != token => Err("the token is not valid"),
        _ => Ok(kind),
    }
}

fn bearer(value: Option<&str>) -> Result<String, &'static str> {
    let value = value.ok_or("the Authorization header is not readable text")?;
    let (scheme, token) = value
        .split_once(' ')
        .ok_or("the Authorization header is not `Bearer <token>`")?;
    if !scheme.eq_ignore_ascii_case("bearer") {
        return Err("the Authorization header is not `Bearer <token>`");
    }
    let token = token.trim();
    if token.contains(char::is_whitespace) {
        return Err("the Authorization header is not `Bearer <token>`");
    }
    Ok(token.to_string())
}

fn query_api_key(uri: &Uri) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Query {
        apikey: Option<String>,
    }
    let query: axum::extract::Query<Query> = axum::extract::Query::try_from_uri(uri).ok()?;
    query.0.apikey
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(authorization: Option<&str>) -> HeaderMap {
        let mut map = HeaderMap::new();
        if let Some(value) = authorization {
            map.insert(header::AUTHORIZATION, value.parse().expect("header"));
        }
        map
    }

    fn uri(text: &str) -> Uri {
        text.parse().expect("uri")
    }

    #[test]
    fn dialpad_takes_bearer_or_apikey() {
        let plain = uri("/api/v2/offices");
        let auth = |h, u: &Uri| authenticate(Vendor::Dialpad, &headers(h), u, None);
        assert_eq!(auth(Some("Bearer k1"), &plain), Ok(CredentialKind::Bearer));
        assert_eq!(auth(Some("bearer k1"), &plain), Ok(CredentialKind::Bearer));
        assert_eq!(
            auth(None, &uri("/api/v2/offices?apikey=k1")),
            Ok(CredentialKind::ApiKey)
        );
        assert!(auth(None, &plain).is_err());
        assert!(auth(None, &uri("/api/v2/offices?apikey=")).is_err());
        assert!(auth(Some("Basic dTpw"), &plain).is_err());
        assert!(auth(Some("Bearer"), &plain).is_err());
        assert!(auth(Some("Bearer a b"), &plain).is_err());
    }

    #[test]
    fn webex_takes_bearer_only() {
        let with_key = uri("/v1/telephony/config/operatingModes?apikey=k1");
        assert!(authenticate(Vendor::Webex, &headers(None), &with_key, None).is_err());
        assert_eq!(
            authenticate(Vendor::Webex, &headers(Some("Bearer t")), &with_key, None),
            Ok(CredentialKind::Bearer)
        );
    }

    #[test]
    fn a_configured_token_is_the_only_one_accepted() {
        let u = uri("/x?apikey=right");
        let h = headers(Some("Bearer wrong"));
        assert!(authenticate(Vendor::Dialpad, &h, &u, Some("right")).is_err());
        let ok = authenticate(Vendor::Dialpad, &headers(None), &u, Some("right"));
        assert_eq!(ok, Ok(CredentialKind::ApiKey));
    }
}
