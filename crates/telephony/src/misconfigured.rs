//! Which setting an error shows to be wrong: a token its vendor refused, a base URL that
//! cannot work. Callers name the setting to fix (the CLI exits 2 for these) instead of sending
//! again, and an outcome that may have been carried out is never one of them.

use crate::error::{ConfigError, Error};

impl Error {
    /// The setting this error shows to be wrong, if it shows one: sending again with the same
    /// settings cannot succeed, so none of these is retried. Never an outcome that may have
    /// been carried out ([`Error::Ambiguous`]) nor one read back as not carried out
    /// ([`Error::NotCreated`]): only an answer or a connection that refused the request as
    /// such.
    pub fn misconfigured(&self) -> Option<Misconfigured> {
        match self {
            Error::Api {
                status: status @ (401 | 403),
                ..
            } => Some(Misconfigured::Token { status: *status }),
            Error::Redirected { .. }
            | Error::Config(ConfigError::Connection(_) | ConfigError::BaseUrl { .. }) => {
                Some(Misconfigured::BaseUrl)
            }
            _ => None,
        }
    }
}

/// The setting an error shows to be wrong ([`Error::misconfigured`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Misconfigured {
    /// The vendor refused the token: 401, not valid (wrong, expired or revoked); 403, valid
    /// but not allowed the call (Webex: a token without the scope or the administrator role
    /// the operation asks for).
    Token {
        /// 401 or 403.
        status: u16,
    },
    /// The base URL cannot work: the TLS handshake failed (an https URL for a server that
    /// speaks plain http, or a certificate this machine does not trust), a request could not
    /// be built from it, or the vendor answered with a redirect.
    BaseUrl,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ApiErrorBody;
    use telephony_spec::Vendor;

    fn api(status: u16) -> Error {
        Error::Api {
            vendor: Vendor::Dialpad,
            status,
            body: ApiErrorBody::from_bytes(Vendor::Dialpad, b"no", false),
            retry_after: None,
        }
    }

    #[test]
    fn only_refusals_as_such_show_a_setting_to_fix() {
        assert_eq!(
            api(401).misconfigured(),
            Some(Misconfigured::Token { status: 401 })
        );
        assert_eq!(
            api(403).misconfigured(),
            Some(Misconfigured::Token { status: 403 })
        );
        for status in [400, 404, 409, 429] {
            assert_eq!(api(status).misconfigured(), None, "{status}");
        }
        let tls = Error::Config(ConfigError::Connection("the TLS handshake failed".into()));
        assert_eq!(tls.misconfigured(), Some(Misconfigured::BaseUrl));
        let redirected = Error::Redirected {
            vendor: Vendor::Webex,
            status: 301,
            location: None,
        };
        assert_eq!(redirected.misconfigured(), Some(Misconfigured::BaseUrl));
        // A 401 after an attempt whose outcome was unknown stays unknown, never a setting.
        let unknown = Error::Ambiguous {
            vendor: Vendor::Dialpad,
            attempts: 2,
            status: Some(401),
            reason: "status 502; a later attempt ended with: Dialpad answered 401".into(),
        };
        assert_eq!(unknown.misconfigured(), None);
        let not_created = Error::NotCreated {
            vendor: Vendor::Dialpad,
            attempts: 4,
            status: Some(401),
            reason: "status 401".into(),
        };
        assert_eq!(not_created.misconfigured(), None);
    }
}
