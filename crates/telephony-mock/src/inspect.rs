//! `/_mock/*`: what the mock received and created, request counts, reset, scripted faults.
//!
//! What they show (billing contacts, E911 addresses) and what they change (the state, the
//! faults) is guarded: when the mock has a token, they need it too, as a bearer token; a body
//! must be sent as `application/json`, so that a web page cannot post to them from a browser
//! (a cross-site form can only send text, form or multipart bodies).

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use telephony_spec::Vendor;

use crate::config::Fault;
use crate::operation::Operation;
use crate::state::AppState;

/// The guard of every `/_mock/*` route.
pub(crate) async fn guard(
    State(app): State<Arc<AppState>>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let refuse = |status: StatusCode, message: &str| {
        (status, axum::Json(json!({ "error": message }))).into_response()
    };
    if let Some(expected) = app.config.token.as_deref() {
        let given = req
            .headers()
            .get(axum::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "));
        if given != Some(expected) {
            return refuse(
                StatusCode::UNAUTHORIZED,
                "the control endpoints need the mock's token: Authorization: Bearer <token>",
            );
        }
    }
    let has_body = req.method() == axum::http::Method::POST;
    let json = req
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("application/json"));
    if has_body && !json {
        return refuse(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "send the body as Content-Type: application/json",
        );
    }
    next.run(req).await
}

/// The most records one page of `/_mock/offices` or `/_mock/operating-modes` holds.
pub const MAX_PAGE: usize = 1000;

/// `?start=N&max=M`: which records (default the first 100, at most [`MAX_PAGE`]).
#[derive(serde::Deserialize)]
pub(crate) struct Page {
    start: Option<usize>,
    max: Option<usize>,
}

impl Page {
    fn bounds(&self) -> (usize, usize) {
        (
            self.start.unwrap_or(0),
            self.max.unwrap_or(100).clamp(1, MAX_PAGE),
        )
    }
}

/// A page of records as `{"items", "total", "next"}` (`next` is the `start` of the next page,
/// null on the last).
fn paged<T: serde::Serialize>(page: &Page, (items, total): (Vec<T>, usize)) -> Response {
    let (start, max) = page.bounds();
    let next = (start.saturating_add(max) < total).then_some(start + max);
    axum::Json(json!({ "items": items, "total": total, "next": next })).into_response()
}

pub(crate) async fn offices(
    State(app): State<Arc<AppState>>,
    axum::extract::Query(page): axum::extract::Query<Page>,
) -> Response {
    let (start, max) = page.bounds();
    paged(&page, app.office_records(start, max))
}

pub(crate) async fn operating_modes(
    State(app): State<Arc<AppState>>,
    axum::extract::Query(page): axum::extract::Query<Page>,
) -> Response {
    let (start, max) = page.bounds();
    paged(&page, app.mode_records(start, max))
}

pub(crate) async fn stats(State(app): State<Arc<AppState>>) -> Response {
    axum::Json(app.stats()).into_response()
}

pub(crate) async fn reset(State(app): State<Arc<AppState>>) -> StatusCode {
    app.reset();
    StatusCode::NO_CONTENT
}

/// `POST /_mock/faults` with `{"dialpad": ["503:2", "reset-after"], "webex": ["429"]}`: the
/// listed faults hit the next requests of that vendor's create operation, in order, before any
/// random ones. An `operationId` as the key (`"list_offices": ["500"]`) scripts that operation.
pub(crate) async fn push_faults(
    State(app): State<Arc<AppState>>,
    body: axum::body::Bytes,
) -> Response {
    let bad = |message: String| {
        (
            StatusCode::BAD_REQUEST,
            axum::Json(json!({ "error": message })),
        )
            .into_response()
    };
    let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(&body) else {
        return bad(
            "expected a JSON object such as {\"dialpad\": [\"503:2\"], \"webex\": [\"429\"]}"
                .into(),
        );
    };
    let mut plan = Vec::new();
    for (name, list) in &map {
        let operation = match name.as_str() {
            "dialpad" => Operation::create_of(Vendor::Dialpad),
            "webex" => Operation::create_of(Vendor::Webex),
            other => match Operation::from_id(other) {
                Some(operation) => operation,
                None => {
                    return bad(format!(
                        "unknown key `{other}` (expected dialpad, webex or an operationId)"
                    ));
                }
            },
        };
        let Some(items) = list.as_array() else {
            return bad(format!("`{name}` must be a list of faults"));
        };
        let mut faults = Vec::new();
        for item in items {
            match item.as_str().map(str::parse::<Fault>) {
                Some(Ok(fault)) => faults.push(fault),
                Some(Err(err)) => return bad(err.to_string()),
                None => return bad(format!("`{name}` must be a list of strings")),
            }
        }
        plan.push((operation, faults));
    }
    for (operation, faults) in plan {
        app.push_faults(operation, faults);
    }
    StatusCode::NO_CONTENT.into_response()
}
