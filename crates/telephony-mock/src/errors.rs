//! Error answers in each vendor's shape.
//!
//! Webex documents its error body (`message`, `errors[].description`, `errors[].errorCode`,
//! `trackingId`), and the mock answers in exactly that shape, with `errorCode` set to the HTTP
//! status. Dialpad documents none, so the mock uses one of its own:
//! `{"error": {"code": STATUS, "message": "...", "violations": [{"path", "rule", "message"}]}}`
//! (`violations` only when the request body broke rules of the spec).

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;
use telephony_spec::Vendor;
use telephony_spec::validate::{Violation, ViolationList};

/// An error answer about to be sent.
#[derive(Debug, Clone)]
pub(crate) struct VendorError {
    pub status: StatusCode,
    pub message: String,
    pub violations: Vec<Violation>,
    /// Violations found beyond those listed (the validator keeps the first 100).
    pub omitted: usize,
    pub retry_after: Option<u64>,
}

impl From<crate::state::Full> for VendorError {
    fn from(full: crate::state::Full) -> VendorError {
        VendorError::new(StatusCode::CONFLICT, full.0)
    }
}

impl VendorError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> VendorError {
        VendorError {
            status,
            message: message.into(),
            violations: Vec::new(),
            omitted: 0,
            retry_after: None,
        }
    }

    pub fn invalid_body(violations: ViolationList) -> VendorError {
        VendorError::invalid("request body", violations)
    }

    pub fn invalid_query(violations: ViolationList) -> VendorError {
        VendorError::invalid("query", violations)
    }

    /// A 400 listing the kept violations (at most 100) and counting the rest, so that the
    /// answer stays small whatever the body.
    fn invalid(what: &str, violations: ViolationList) -> VendorError {
        let count = violations.total();
        let omitted = violations.omitted();
        let listed = if omitted > 0 {
            format!("; the first {} are listed", count - omitted)
        } else {
            String::new()
        };
        VendorError {
            omitted,
            violations: violations.into_vec(),
            ..VendorError::new(
                StatusCode::BAD_REQUEST,
                format!(
                    "the {what} breaks {count} rule{} of the API{listed}",
                    if count == 1 { "" } else { "s" }
                ),
            )
        }
    }

    pub fn retry_after(mut self, seconds: Option<u64>) -> VendorError {
        self.retry_after = seconds;
        self
    }

    /// The answer in `vendor`'s shape; `tracking_id` is used by Webex only.
    pub fn into_response(self, vendor: Vendor, tracking_id: String) -> Response {
        let status = self.status.as_u16();
        let body = match vendor {
            Vendor::Dialpad => {
                let mut error = json!({ "code": status, "message": self.message });
                if !self.violations.is_empty() {
                    error["violations"] = json!(self.violations);
                }
                if self.omitted > 0 {
                    error["omitted"] = json!(self.omitted);
                }
                json!({ "error": error })
            }
            Vendor::Webex => {
                let errors: Vec<_> = if self.violations.is_empty() {
                    vec![json!({ "description": self.message, "errorCode": status })]
                } else {
                    self.violations
                        .iter()
                        .map(|v| json!({ "description": v.to_string(), "errorCode": status }))
                        .collect()
                };
                json!({ "message": self.message, "errors": errors, "trackingId": tracking_id })
            }
        };
        let mut response = (self.status, axum::Json(body)).into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}
