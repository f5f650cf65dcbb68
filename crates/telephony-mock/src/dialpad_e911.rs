//! Dialpad `GET /api/v2/offices/{id}/e911` answers the emergency address of an office the mock
//! created; `PUT` validates the new address against the spec, replaces the office's address
//! with it (the office's listing and read show it from then on) and answers it.

use std::sync::Arc;

use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{Map, Value};
use telephony_spec::Vendor;
use telephony_spec::validate::Validator;

use crate::body::json_body;
use crate::dialpad::respond;
use crate::errors::VendorError;
use crate::state::AppState;

/// The fields of the answer (`E911GetProto`): what an address change keeps of its body.
const ANSWERED: [&str; 6] = ["address", "address2", "city", "country", "state", "zip"];

/// `GET /api/v2/offices/{id}/e911`.
pub(crate) async fn get_office_e911(
    State(app): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Response {
    let answer = office_id(&id).and_then(|id| app.office_e911(id).ok_or_else(|| unknown(id)));
    match answer {
        Ok(address) => respond(&app, address),
        Err(err) => err.into_response(Vendor::Dialpad, app.tracking_id()),
    }
}

/// `PUT /api/v2/offices/{id}/e911`.
pub(crate) async fn update_office_e911(
    State(app): State<Arc<AppState>>,
    Path(id): Path<String>,
    req: Request,
) -> Response {
    let refuse = |err: VendorError| err.into_response(Vendor::Dialpad, app.tracking_id());
    let id = match office_id(&id) {
        Ok(id) => id,
        Err(err) => return refuse(err),
    };
    let (parts, body) = req.into_parts();
    let update = match json_body(Vendor::Dialpad, &parts.headers, body, app.config.body_limit).await
    {
        Ok(value) => value,
        Err(err) => return refuse(err),
    };
    let violations = Validator::dialpad().request_body("update_office_e911", &update);
    if !violations.is_empty() {
        return refuse(VendorError::invalid_body(violations));
    }
    match app.replace_office_e911(id, address(&update)) {
        Some(address) => respond(&app, address),
        None => refuse(unknown(id)),
    }
}

/// The address a valid change sets: its address fields, those it leaves out that have a
/// default in the spec (`address2`: empty) taking it.
fn address(update: &Value) -> Value {
    let mut address = Map::new();
    for (name, default) in Validator::dialpad().defaults("E911UpdateMessage") {
        if ANSWERED.contains(&name.as_str()) {
            address.insert(name, default);
        }
    }
    for name in ANSWERED {
        if let Some(value) = update.get(name).filter(|v| !v.is_null()) {
            address.insert(name.into(), value.clone());
        }
    }
    Value::Object(address)
}

/// The office id of the path, or Dialpad's 400 for one that is not an integer.
fn office_id(id: &str) -> Result<i64, VendorError> {
    id.parse::<i64>().map_err(|_| {
        VendorError::new(
            StatusCode::BAD_REQUEST,
            format!("the office id must be an integer, not `{id}`"),
        )
    })
}

fn unknown(id: i64) -> VendorError {
    VendorError::new(StatusCode::NOT_FOUND, format!("no office has the id {id}"))
}
