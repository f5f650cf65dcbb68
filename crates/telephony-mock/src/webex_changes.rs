//! Webex's changes of operating modes: the modify (`PUT`: only the parts the body carries
//! change, `holidays` replaces all holidays with new ids, a name another mode of the same
//! level and location has is a 409) and the delete of a mode, and the create, read, modify and
//! delete of one of its holidays (at most 150 per mode). An unknown mode or holiday is a 404.
//!
//! A holiday's id is derived from its place until a change touches the mode's holidays; from
//! then on each holiday keeps its id with it (under `id`), so deleting one does not renumber
//! the others.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum::extract::{Path, Request, State};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use telephony_spec::Vendor;
use telephony_spec::validate::Validator;

use crate::body::json_body;
use crate::errors::VendorError;
use crate::state::{AppState, ModeRecord, holiday_id};
use crate::webex::{Scope, org_id, with_flags};

/// The most holidays one mode holds (the published holiday create says so).
const MAX_HOLIDAYS: usize = 150;

/// Where new holiday ids are numbered from: above any place a derived id can have.
static NEXT_HOLIDAY: AtomicUsize = AtomicUsize::new(1_000_000);

fn answer(app: &AppState, result: Result<Response, VendorError>) -> Response {
    result.unwrap_or_else(|err| err.into_response(Vendor::Webex, app.tracking_id()))
}

fn no_mode(mode_id: &str) -> VendorError {
    VendorError::new(
        StatusCode::NOT_FOUND,
        format!("no operating mode has the id `{mode_id}`"),
    )
}

fn no_holiday(holiday_id: &str) -> VendorError {
    VendorError::new(
        StatusCode::NOT_FOUND,
        format!("the operating mode has no holiday with the id `{holiday_id}`"),
    )
}

/// The body, checked against the spec's request schema of `operation`.
async fn checked(
    app: &AppState,
    operation: &str,
    req: Request,
) -> Result<(Uri, Value), VendorError> {
    let (parts, body) = req.into_parts();
    let value = json_body(Vendor::Webex, &parts.headers, body, app.config.body_limit).await?;
    let violations = Validator::webex().request_body(operation, &value);
    if !violations.is_empty() {
        return Err(VendorError::invalid_body(violations));
    }
    Ok((parts.uri, value))
}

/// A new holiday id for a holiday of `mode_id`.
fn new_holiday_id(mode_id: &str) -> String {
    holiday_id(mode_id, NEXT_HOLIDAY.fetch_add(1, Ordering::Relaxed))
}

/// Runs `change` on the mode's holidays, each with its id stored in it from now on.
fn with_holidays<R>(record: &mut ModeRecord, change: impl FnOnce(&mut Vec<Value>) -> R) -> R {
    let mut holidays = match record.received.get_mut("holidays").map(Value::take) {
        Some(Value::Array(holidays)) => holidays,
        _ => Vec::new(),
    };
    for (index, holiday) in holidays.iter_mut().enumerate() {
        if holiday.get("id").is_none() {
            holiday["id"] = json!(holiday_id(&record.id, index));
        }
    }
    let result = change(&mut holidays);
    record.received["holidays"] = Value::Array(holidays);
    result
}

/// Runs `change` on the mode `mode_id` of organization `org`, or answers 404.
fn on_mode<R>(
    app: &AppState,
    mode_id: &str,
    org: Option<&str>,
    change: impl FnOnce(&mut ModeRecord, &[ModeRecord]) -> Result<R, VendorError>,
) -> Result<R, VendorError> {
    app.with_modes(|modes| {
        let at = modes
            .iter()
            .position(|m| m.id == mode_id && m.org_id.as_deref() == org)
            .ok_or_else(|| no_mode(mode_id))?;
        let mut record = modes.remove(at);
        let result = change(&mut record, modes);
        modes.insert(at, record);
        result
    })
}

/// `PUT /v1/telephony/config/operatingModes/{modeId}`.
pub(crate) async fn update_operating_mode(
    State(app): State<Arc<AppState>>,
    Path(mode_id): Path<String>,
    req: Request,
) -> Response {
    let result = async {
        let (uri, change) = checked(&app, "update_operating_mode", req).await?;
        let org = org_id(&uri);
        on_mode(&app, &mode_id, org.as_deref(), |record, others| {
            let scope = Scope::of(record.org_id.as_deref(), &record.received);
            if let Some(name) = change.get("name").and_then(Value::as_str) {
                let taken = others.iter().any(|other| {
                    Scope::of(other.org_id.as_deref(), &other.received) == scope
                        && other.received.get("name").and_then(Value::as_str) == Some(name)
                });
                if taken {
                    return Err(VendorError::new(
                        StatusCode::CONFLICT,
                        format!(
                            "an operating mode named `{name}` already exists at this {}",
                            scope.what()
                        ),
                    ));
                }
            }
            let Value::Object(parts) = change else {
                return Ok(());
            };
            for (key, value) in parts {
                let value = match (key.as_str(), value) {
                    ("holidays", Value::Array(holidays)) => Value::Array(
                        holidays
                            .into_iter()
                            .map(|mut holiday| {
                                holiday["id"] = json!(new_holiday_id(&record.id));
                                holiday
                            })
                            .collect(),
                    ),
                    (_, value) => value,
                };
                record.received[key] = value;
            }
            Ok(())
        })?;
        Ok(StatusCode::NO_CONTENT.into_response())
    }
    .await;
    answer(&app, result)
}

/// `DELETE /v1/telephony/config/operatingModes/{modeId}`.
pub(crate) async fn delete_operating_mode(
    State(app): State<Arc<AppState>>,
    Path(mode_id): Path<String>,
    uri: Uri,
) -> Response {
    let org = org_id(&uri);
    let gone = app.with_modes(|modes| {
        let before = modes.len();
        modes.retain(|m| !(m.id == mode_id && m.org_id == org));
        modes.len() < before
    });
    let result = if gone {
        Ok(StatusCode::NO_CONTENT.into_response())
    } else {
        Err(no_mode(&mode_id))
    };
    answer(&app, result)
}

/// `POST /v1/telephony/config/operatingModes/{modeId}/holidays`.
pub(crate) async fn create_operating_mode_holiday(
    State(app): State<Arc<AppState>>,
    Path(mode_id): Path<String>,
    req: Request,
) -> Response {
    let result = async {
        let (uri, mut holiday) = checked(&app, "create_operating_mode_holiday", req).await?;
        let org = org_id(&uri);
        let id = on_mode(&app, &mode_id, org.as_deref(), |record, _| {
            let id = new_holiday_id(&record.id);
            with_holidays(record, |holidays| {
                if holidays.len() >= MAX_HOLIDAYS {
                    return Err(VendorError::new(
                        StatusCode::BAD_REQUEST,
                        format!("an operating mode holds at most {MAX_HOLIDAYS} holidays"),
                    ));
                }
                holiday["id"] = json!(id);
                holidays.push(holiday);
                Ok(id)
            })
        })?;
        Ok((StatusCode::CREATED, axum::Json(json!({ "id": id }))).into_response())
    }
    .await;
    answer(&app, result)
}

/// `GET /v1/telephony/config/operatingModes/{modeId}/holidays/{holidayId}`.
pub(crate) async fn get_operating_mode_holiday(
    State(app): State<Arc<AppState>>,
    Path((mode_id, wanted)): Path<(String, String)>,
    uri: Uri,
) -> Response {
    let org = org_id(&uri);
    let result = on_mode(&app, &mode_id, org.as_deref(), |record, _| {
        with_holidays(record, |holidays| {
            let found = holidays
                .iter()
                .find(|h| h.get("id").and_then(Value::as_str) == Some(wanted.as_str()))
                .ok_or_else(|| no_holiday(&wanted))?;
            Ok(axum::Json(with_flags(found, &["allDayEnabled"])).into_response())
        })
    });
    answer(&app, result)
}

/// `PUT /v1/telephony/config/operatingModes/{modeId}/holidays/{holidayId}`: the fields given
/// replace the holiday's.
pub(crate) async fn update_operating_mode_holiday(
    State(app): State<Arc<AppState>>,
    Path((mode_id, wanted)): Path<(String, String)>,
    req: Request,
) -> Response {
    let result = async {
        let (uri, change) = checked(&app, "update_operating_mode_holiday", req).await?;
        let org = org_id(&uri);
        on_mode(&app, &mode_id, org.as_deref(), |record, _| {
            with_holidays(record, |holidays| {
                let found = holidays
                    .iter_mut()
                    .find(|h| h.get("id").and_then(Value::as_str) == Some(wanted.as_str()))
                    .ok_or_else(|| no_holiday(&wanted))?;
                if let (Value::Object(held), Value::Object(parts)) = (found, change) {
                    held.extend(parts);
                }
                Ok(())
            })
        })?;
        Ok(StatusCode::NO_CONTENT.into_response())
    }
    .await;
    answer(&app, result)
}

/// `DELETE /v1/telephony/config/operatingModes/{modeId}/holidays/{holidayId}`.
pub(crate) async fn delete_operating_mode_holiday(
    State(app): State<Arc<AppState>>,
    Path((mode_id, wanted)): Path<(String, String)>,
    uri: Uri,
) -> Response {
    let org = org_id(&uri);
    let result = on_mode(&app, &mode_id, org.as_deref(), |record, _| {
        with_holidays(record, |holidays| {
            let before = holidays.len();
            holidays.retain(|h| h.get("id").and_then(Value::as_str) != Some(wanted.as_str()));
            if holidays.len() < before {
                Ok(StatusCode::NO_CONTENT.into_response())
            } else {
                Err(no_holiday(&wanted))
            }
        })
    });
    answer(&app, result)
}
