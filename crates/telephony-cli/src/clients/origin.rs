//! Where a vendor's token and base URL came from, and the words that name them: what each
//! vendor calls its token, and what a token refused with 403 was not allowed (with Webex, the
//! scope its document asks for).

use std::path::Path;

use telephony::{Vendor, WEBEX_READ_SCOPE, WEBEX_WRITE_SCOPE};
use telephony_mock::MockHandle;

/// Where a vendor's token and base URL came from.
#[derive(Debug, Default, Clone)]
pub struct Origin {
    /// `DIALPAD_API_TOKEN`, `--dialpad-token-file PATH`, the built-in mock's token.
    pub token: String,
    /// The variable that set the base URL; none for the vendor's own server or the mock.
    pub base_url: Option<&'static str>,
}

/// What a request was for when it failed: says which rights a token without them lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doing {
    Reading,
    Creating,
    /// Updating or deleting what exists.
    Changing,
}

/// What a token refused with 403 was not allowed: with Webex, the scope its document asks for.
pub fn allowed(vendor: Vendor, doing: Doing) -> String {
    match (vendor, doing) {
        (Vendor::Dialpad, Doing::Reading) => "read offices".into(),
        (Vendor::Dialpad, Doing::Creating) => "create offices".into(),
        (Vendor::Webex, Doing::Reading) => format!(
            "read operating modes (Webex asks for a full, read-only or location administrator's \
             token with the scope {WEBEX_READ_SCOPE})"
        ),
        (Vendor::Dialpad, Doing::Changing) => "change the E911 address of offices".into(),
        (Vendor::Webex, Doing::Creating) => format!(
            "create operating modes (Webex asks for a full or location administrator's token \
             with the scope {WEBEX_WRITE_SCOPE})"
        ),
        (Vendor::Webex, Doing::Changing) => format!(
            "modify and delete operating modes (Webex asks for a full or location \
             administrator's token with the scope {WEBEX_WRITE_SCOPE})"
        ),
    }
}

/// What a vendor calls its token.
pub fn credential(vendor: Vendor) -> &'static str {
    match vendor {
        Vendor::Dialpad => "API key",
        Vendor::Webex => "access token",
    }
}

/// Where a vendor's token and base URL come from: the mock's, a token file given by
/// `file_flag`, or the variables.
pub fn origin(
    mock: &Option<MockHandle>,
    (file, file_flag): (Option<&Path>, &str),
    token_variable: &str,
    url_variable: &'static str,
) -> Origin {
    if mock.is_some() {
        return Origin {
            token: "the built-in mock's token".into(),
            base_url: None,
        };
    }
    let token = match file {
        Some(path) => format!("{file_flag} {}", path.display()),
        None => token_variable.to_string(),
    };
    let url_set = std::env::var_os(url_variable).is_some_and(|url| !url.is_empty());
    Origin {
        token,
        base_url: url_set.then_some(url_variable),
    }
}
