//! Reading a JSON request body: media type, size limit, syntax — each refused with the status
//! the vendor's spec declares for it.

use axum::body::Body;
use axum::http::{HeaderMap, StatusCode, header};
use serde_json::Value;
use telephony_spec::Vendor;

use crate::errors::VendorError;

/// The body as JSON, or the vendor's answer for why not. Dialpad declares 413 for a body that
/// is too large and no 415, so a wrong media type is a 400 there; Webex declares 415 and no
/// 413, so a body that is too large is a 400 there.
pub(crate) async fn json_body(
    vendor: Vendor,
    headers: &HeaderMap,
    body: Body,
    limit: usize,
) -> Result<Value, VendorError> {
    if !is_json(headers) {
        let status = match vendor {
            Vendor::Dialpad => StatusCode::BAD_REQUEST,
            Vendor::Webex => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        };
        return Err(VendorError::new(
            status,
            "the body must be sent as Content-Type: application/json",
        ));
    }
    let bytes = axum::body::to_bytes(body, limit).await.map_err(|err| {
        if is_length_limit(&err) {
            let status = match vendor {
                Vendor::Dialpad => StatusCode::PAYLOAD_TOO_LARGE,
                Vendor::Webex => StatusCode::BAD_REQUEST,
            };
            VendorError::new(status, format!("the body is larger than {limit} bytes"))
        } else {
            VendorError::new(StatusCode::BAD_REQUEST, "the body could not be read")
        }
    })?;
    serde_json::from_slice(&bytes).map_err(|err| {
        VendorError::new(
            StatusCode::BAD_REQUEST,
            format!("the body is not valid JSON: {err}"),
        )
    })
}

fn is_json(headers: &HeaderMap) -> bool {
    let Some(value) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let essence = value.split(';').next().unwrap_or("").trim();
    essence.eq_ignore_ascii_case("application/json")
}

fn is_length_limit(err: &axum::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(err);
    while let Some(current) = source {
        if current.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        source = current.source();
    }
    false
}
