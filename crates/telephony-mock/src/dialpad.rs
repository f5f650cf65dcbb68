//! Dialpad `POST /api/v2/offices`: validates the office and answers with the office created
//! from it, the vendor's documented defaults applied.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};
use telephony_spec::Vendor;
use telephony_spec::validate::Validator;

use crate::body::json_body;
use crate::state::AppState;

pub(crate) async fn create_office(State(app): State<Arc<AppState>>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let office = match json_body(Vendor::Dialpad, &parts.headers, body, app.config.body_limit).await
    {
        Ok(value) => value,
        Err(err) => return err.into_response(Vendor::Dialpad, app.tracking_id()),
    };
    let violations = Validator::dialpad().request_body("create_office", &office);
    if !violations.is_empty() {
        let err = crate::errors::VendorError::invalid_body(violations);
        return err.into_response(Vendor::Dialpad, app.tracking_id());
    }
    let response = app.create_office(office.clone(), |id| answer(id, &office));
    axum::Json(response).into_response()
}

/// The `OfficeUpdateResponse` for a new office. Hours absent from the request take the
/// defaults the spec records (`x-telephony-default`); other absent fields are left out.
fn answer(id: i64, request: &Value) -> Value {
    let field = |name: &str| request.get(name).filter(|v| !v.is_null()).cloned();
    let mut office = Map::new();
    office.insert("id".into(), json!(id));
    office.insert("office_id".into(), json!(id));
    office.insert("state".into(), json!("active"));
    office.insert("is_primary_office".into(), json!(false));
    office.insert("availability_status".into(), json!("open"));
    for name in [
        "name",
        "country",
        "timezone",
        "first_action",
        "no_operators_action",
        "ring_seconds",
        "e911_address",
        "routing_options",
    ] {
        if let Some(value) = field(name) {
            office.insert(name.into(), value);
        }
    }
    for (name, default) in Validator::dialpad().defaults("CreateOfficeMessage") {
        if name.ends_with("_hours") {
            office.insert(name.clone(), field(&name).unwrap_or(default));
        }
    }
    let numbers: Vec<Value> = field("mainline_number").into_iter().collect();
    office.insert("phone_numbers".into(), Value::Array(numbers));
    office.insert(
        "office_settings".into(),
        json!({
            "allow_device_guest_login": false,
            "block_caller_id_disabled": false,
            "bridged_target_recording_allowed": field("auto_call_recording").unwrap_or(json!(false)),
            "disable_desk_phone_self_provision": false,
            "disable_ivr_voicemail": false,
            "no_recording_message_on_user_calls": false,
            "set_caller_id_disabled": false
        }),
    );
    json!({
        "office": office,
        "plan": {
            "balance": "0.00",
            "ppu_address": field("billing_address"),
            "talk_lines": 0, "sell_lines": 0, "room_lines": 0, "fax_lines": 0,
            "contact_center_lines": 0, "additional_number_lines": 0,
            "tollfree_additional_number_lines": 0, "tollfree_room_lines": 0,
            "tollfree_uberconference_lines": 0, "uberconference_lines": 0
        }
    })
}
