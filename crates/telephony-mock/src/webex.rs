//! Webex `POST /v1/telephony/config/operatingModes`: validates the mode, keeps names unique and
//! the count per organization or location within the limit, answers 201 with an opaque id.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use telephony_spec::Vendor;
use telephony_spec::validate::Validator;

use crate::body::json_body;
use crate::errors::VendorError;
use crate::state::{AppState, ModeRecord};

pub(crate) async fn create_operating_mode(
    State(app): State<Arc<AppState>>,
    req: Request,
) -> Response {
    match create(&app, req).await {
        Ok(id) => (StatusCode::CREATED, axum::Json(json!({ "id": id }))).into_response(),
        Err(err) => err.into_response(Vendor::Webex, app.tracking_id()),
    }
}

async fn create(app: &AppState, req: Request) -> Result<String, VendorError> {
    let (parts, body) = req.into_parts();
    let org_id = org_id(&parts.uri);
    let mode = json_body(Vendor::Webex, &parts.headers, body, app.config.body_limit).await?;
    let violations = Validator::webex().request_body("create_operating_mode", &mode);
    if !violations.is_empty() {
        return Err(VendorError::invalid_body(violations));
    }
    let scope = Scope::of(org_id.as_deref(), &mode);
    let name = mode
        .get("name")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let limit = app.max_modes_per_scope;
    app.create_mode(
        org_id.clone(),
        mode.clone(),
        |record: &ModeRecord| Scope::of(record.org_id.as_deref(), &record.received) == scope,
        |existing: &[&ModeRecord]| {
            if existing
                .iter()
                .any(|m| m.received.get("name").and_then(Value::as_str) == Some(&name))
            {
                return Err(VendorError::new(
                    StatusCode::CONFLICT,
                    format!(
                        "an operating mode named `{name}` already exists at this {}",
                        scope.what()
                    ),
                ));
            }
            if existing.len() >= limit {
                return Err(VendorError::new(
                    StatusCode::CONFLICT,
                    format!(
                        "this {} already has the most operating modes allowed ({limit})",
                        scope.what()
                    ),
                ));
            }
            Ok(())
        },
    )
}

fn org_id(uri: &axum::http::Uri) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Query {
        #[serde(rename = "orgId")]
        org_id: Option<String>,
    }
    let query: axum::extract::Query<Query> = axum::extract::Query::try_from_uri(uri).ok()?;
    query.0.org_id.filter(|id| !id.is_empty())
}

/// Where names must be unique and modes are counted: the organization, or one location of it.
#[derive(Debug, PartialEq, Eq)]
struct Scope {
    org_id: Option<String>,
    location_id: Option<String>,
}

impl Scope {
    fn of(org_id: Option<&str>, mode: &Value) -> Scope {
        let level = mode.get("level").and_then(Value::as_str);
        Scope {
            org_id: org_id.map(str::to_string),
            location_id: (level == Some("LOCATION"))
                .then(|| {
                    mode.get("locationId")
                        .and_then(Value::as_str)
                        .map(str::to_string)
                })
                .flatten(),
        }
    }

    fn what(&self) -> &'static str {
        if self.location_id.is_some() {
            "location"
        } else {
            "organization"
        }
    }
}
