//! Webex `POST /v1/telephony/config/operatingModes`: validates the mode, keeps names unique and
//! the count per organization or location within the limit, answers 201 with an opaque id;
//! `GET` of the list (filtered, sorted, paged) and of one mode read what was created.

use std::sync::Arc;

use axum::extract::{Path, Request, State};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use telephony_spec::Vendor;
use telephony_spec::validate::Validator;

use crate::body::json_body;
use crate::errors::VendorError;
use crate::query::query_map;
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

pub(crate) fn org_id(uri: &axum::http::Uri) -> Option<String> {
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
pub(crate) struct Scope {
    org_id: Option<String>,
    location_id: Option<String>,
}

impl Scope {
    pub(crate) fn of(org_id: Option<&str>, mode: &Value) -> Scope {
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

    pub(crate) fn what(&self) -> &'static str {
        if self.location_id.is_some() {
            "location"
        } else {
            "organization"
        }
    }
}

/// `GET /v1/telephony/config/operatingModes`: the modes of one organization, filtered as the
/// vendor documents (`name` contains, ignoring case; `limitToLocationId`;
/// `limitToOrgLevelEnabled`), sorted by name (`order=name-desc` reverses), paged by `max`
/// (1..=100, default 10) and `start`.
pub(crate) async fn list_operating_modes(State(app): State<Arc<AppState>>, uri: Uri) -> Response {
    match list(&app, &uri) {
        Ok(modes) => axum::Json(json!({ "operatingModes": modes })).into_response(),
        Err(err) => err.into_response(Vendor::Webex, app.tracking_id()),
    }
}

fn list(app: &AppState, uri: &Uri) -> Result<Vec<Value>, VendorError> {
    let bad = |message: String| VendorError::new(StatusCode::BAD_REQUEST, message);
    let query = query_map(uri).map_err(bad)?;
    // Types, limits and defaults of the parameters come from the spec (`max` 1..=100,
    // default 10; `start` >= 0; `limitToOrgLevelEnabled` a boolean).
    let read = Validator::webex()
        .query("list_operating_modes", &query)
        .map_err(VendorError::invalid_query)?;
    let count = |name: &str| read.get(name).and_then(Value::as_u64).unwrap_or(0) as usize;
    let (max, start) = (count("max"), count("start"));
    let org_level_only = read.get("limitToOrgLevelEnabled") == Some(&Value::Bool(true));
    let org_id = query.get("orgId").filter(|id| !id.is_empty()).cloned();
    let name = query.get("name").map(|n| n.to_lowercase());
    let location = query.get("limitToLocationId");
    let mut modes = app.modes_where(|record| {
        let scope = Scope::of(record.org_id.as_deref(), &record.received);
        scope.org_id == org_id
            && (!org_level_only || scope.location_id.is_none())
            && location.is_none_or(|l| scope.location_id.as_ref() == Some(l))
            && name
                .as_ref()
                .is_none_or(|n| mode_name(record).to_lowercase().contains(n.as_str()))
    });
    modes.sort_by(|a, b| mode_name(a).cmp(mode_name(b)).then(a.id.cmp(&b.id)));
    if query.get("order").map(String::as_str) == Some("name-desc") {
        modes.reverse();
    }
    Ok(modes.iter().skip(start).take(max).map(summary).collect())
}

/// `GET /v1/telephony/config/operatingModes/{modeId}`, in the organization of `orgId` (or the
/// token's).
pub(crate) async fn get_operating_mode(
    State(app): State<Arc<AppState>>,
    Path(mode_id): Path<String>,
    uri: Uri,
) -> Response {
    let org = org_id(&uri);
    let found = app.modes_where(|record| record.id == mode_id && record.org_id == org);
    match found.first() {
        Some(record) => axum::Json(details(record)).into_response(),
        None => VendorError::new(
            StatusCode::NOT_FOUND,
            format!("no operating mode has the id `{mode_id}`"),
        )
        .into_response(Vendor::Webex, app.tracking_id()),
    }
}

fn mode_name(record: &ModeRecord) -> &str {
    record
        .received
        .get("name")
        .and_then(Value::as_str)
        .unwrap_or_default()
}

/// A mode as listed: its id, name, type, level, location and call forwarding (flags the
/// request left out take their documented default, false).
fn summary(record: &ModeRecord) -> Value {
    let mode = &record.received;
    let mut answer = json!({
        "id": record.id,
        "name": mode_name(record),
        "type": mode["type"],
        "level": mode["level"],
        "callForwarding": with_flags(&mode["callForwarding"], &["enabled", "destinationVoicemailEnabled"]),
    });
    if let Some(location) = mode.get("locationId").and_then(Value::as_str) {
        let short: String = location.chars().take(8).collect();
        answer["location"] = json!({ "id": location, "name": format!("Location {short}") });
    }
    answer
}

/// A mode with its schedule and holidays; each holiday gets an id of its own (the one stored
/// with it once a change has touched the mode's holidays, else one derived from its place).
fn details(record: &ModeRecord) -> Value {
    let mode = &record.received;
    let mut answer = summary(record);
    let day_flags = ["enabled", "allDayEnabled"];
    for schedule in ["sameHoursDaily", "differentHoursDaily"] {
        if let Some(Value::Object(days)) = mode.get(schedule) {
            let days: serde_json::Map<String, Value> = days
                .iter()
                .map(|(day, value)| (day.clone(), with_flags(value, &day_flags)))
                .collect();
            answer[schedule] = Value::Object(days);
        }
    }
    if let Some(Value::Array(holidays)) = mode.get("holidays") {
        let holidays: Vec<Value> = holidays
            .iter()
            .enumerate()
            .map(|(index, holiday)| {
                let mut holiday = with_flags(holiday, &["allDayEnabled"]);
                if holiday.get("id").is_none() {
                    holiday["id"] = json!(crate::state::holiday_id(&record.id, index));
                }
                holiday
            })
            .collect();
        answer["holidays"] = Value::Array(holidays);
    }
    answer
}

/// `value` with each of `flags` set to false where absent.
pub(crate) fn with_flags(value: &Value, flags: &[&str]) -> Value {
    let mut value = value.clone();
    if let Value::Object(map) = &mut value {
        for flag in flags {
            map.entry(flag.to_string()).or_insert(Value::Bool(false));
        }
    }
    value
}
