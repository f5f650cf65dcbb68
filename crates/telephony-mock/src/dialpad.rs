//! Dialpad `POST /api/v2/offices`: validates the office and answers with the office created
//! from it, the vendor's documented defaults applied; `GET /api/v2/offices` (paged by cursor)
//! and `GET /api/v2/offices/{id}` read what was created.

use std::sync::Arc;

use axum::extract::{Path, Request, State};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};
use telephony_spec::Vendor;
use telephony_spec::validate::Validator;

use crate::body::json_body;
use crate::config::IntegerForm;
use crate::errors::VendorError;
use crate::query::query_map;
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
        let err = VendorError::invalid_body(violations);
        return err.into_response(Vendor::Dialpad, app.tracking_id());
    }
    match app.create_office(office.clone(), |id| answer(id, &office)) {
        Ok(response) => respond(&app, response),
        Err(full) => VendorError::new(StatusCode::CONFLICT, full.0)
            .into_response(Vendor::Dialpad, app.tracking_id()),
    }
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

/// `GET /api/v2/offices`: the offices in the order created, `dialpad_page_size` at a time. The
/// cursor is opaque to clients (the offset of the next page); every mock office is active, so
/// `active_only` changes nothing.
pub(crate) async fn list_offices(State(app): State<Arc<AppState>>, uri: Uri) -> Response {
    let refuse = |message: String| {
        VendorError::new(StatusCode::BAD_REQUEST, message)
            .into_response(Vendor::Dialpad, app.tracking_id())
    };
    let query = match query_map(&uri) {
        Ok(query) => query,
        Err(message) => return refuse(message),
    };
    // Checks `active_only` (a boolean) against the spec; every mock office is active.
    if let Err(violations) = Validator::dialpad().query("list_offices", &query) {
        return VendorError::invalid_query(violations)
            .into_response(Vendor::Dialpad, app.tracking_id());
    }
    let start = match query.get("cursor").map(|c| decode_cursor(c)) {
        None => 0,
        Some(Some(start)) => start,
        Some(None) => return refuse("the cursor is not one this server gave out".into()),
    };
    let (items, more) = app.office_page(start, app.config.dialpad_page_size.max(1));
    let cursor = more.then(|| encode_cursor(start + items.len()));
    respond(&app, json!({ "items": items, "cursor": cursor }))
}

/// `GET /api/v2/offices/{id}`.
pub(crate) async fn get_office(
    State(app): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Response {
    let answer = match id.parse::<i64>() {
        Err(_) => Err(VendorError::new(
            StatusCode::BAD_REQUEST,
            format!("the office id must be an integer, not `{id}`"),
        )),
        Ok(id) => app.office(id).ok_or_else(|| {
            VendorError::new(StatusCode::NOT_FOUND, format!("no office has the id {id}"))
        }),
    };
    match answer {
        Ok(office) => respond(&app, office),
        Err(err) => err.into_response(Vendor::Dialpad, app.tracking_id()),
    }
}

/// A success answer, its integers written in the configured [`IntegerForm`].
pub(crate) fn respond(app: &AppState, mut answer: Value) -> Response {
    if app.config.dialpad_integers == IntegerForm::Strings {
        integers_as_strings(&mut answer);
    }
    axum::Json(answer).into_response()
}

/// Rewrites every integer in `value` as its decimal string (`124` → `"124"`), as the examples
/// of Dialpad's published document write them. Every number of a Dialpad answer is an integer.
pub(crate) fn integers_as_strings(value: &mut Value) {
    match value {
        Value::Number(number) if number.is_i64() || number.is_u64() => {
            *value = Value::String(number.to_string());
        }
        Value::Array(items) => items.iter_mut().for_each(integers_as_strings),
        Value::Object(map) => map.values_mut().for_each(integers_as_strings),
        _ => {}
    }
}

fn encode_cursor(start: usize) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(format!("offset:{start}"))
}

fn decode_cursor(cursor: &str) -> Option<usize> {
    use base64::Engine as _;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()?;
    std::str::from_utf8(&bytes)
        .ok()?
        .strip_prefix("offset:")?
        .parse()
        .ok()
}
