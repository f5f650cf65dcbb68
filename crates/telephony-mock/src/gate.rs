//! The front door of each vendor operation: counts the request, injects faults, checks
//! credentials and the operation's rate limit, in that order, before the handler runs. Faults
//! that change a create's success answer (`no-id`, `undecodable`) apply after it; a read they
//! hit is answered normally, and they are not counted.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use telephony_spec::Vendor;

use crate::auth::authenticate;
use crate::config::Fault;
use crate::errors::VendorError;
use crate::operation::Operation;
use crate::state::AppState;

/// Put in a response's extensions: drop the connection (TCP reset) instead of answering.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ResetConnection;

/// The gate of one operation, as a middleware with `(state, operation)` as its state.
pub(crate) async fn gate(
    State((app, operation)): State<(Arc<AppState>, Operation)>,
    req: Request,
    next: Next,
) -> Response {
    let vendor = operation.vendor();
    let route = operation.route();
    let started = Instant::now();
    let mut credential = "none";
    let mut fault = None;
    // Credentials first: an unauthenticated request gets its 401 and uses up no fault.
    let response = match authenticate(
        vendor,
        req.headers(),
        req.uri(),
        app.config.token.as_deref(),
    ) {
        Err(reason) => VendorError::new(StatusCode::UNAUTHORIZED, reason)
            .into_response(vendor, app.tracking_id()),
        Ok(kind) => {
            credential = kind.as_str();
            // A fault that changes a create's success answer does nothing to a read: it is
            // drawn (the plan's sequence stays the same) but neither applied nor counted.
            let changes_answer = |f: &Fault| matches!(f, Fault::NoId | Fault::Undecodable);
            fault = app
                .draw_fault(operation)
                .filter(|f| !changes_answer(f) || operation == Operation::create_of(vendor));
            if let Some(fault) = &fault {
                app.count_fault(fault);
            }
            faulted(&app, operation, fault, req, next).await
        }
    };
    let outcome = if response.extensions().get::<ResetConnection>().is_some() {
        "reset".to_string()
    } else {
        response.status().as_u16().to_string()
    };
    app.count_request(route, &outcome);
    tracing::info!(
        vendor = vendor.name(),
        route,
        outcome = outcome.as_str(),
        credential,
        fault = fault.map(|f| f.to_string()).unwrap_or_default(),
        millis = started.elapsed().as_millis() as u64,
        "request"
    );
    response
}

/// The answer of an authenticated request, with its fault (if any) applied.
async fn faulted(
    app: &Arc<AppState>,
    operation: Operation,
    fault: Option<Fault>,
    req: Request,
    next: Next,
) -> Response {
    let vendor = operation.vendor();
    match fault {
        Some(Fault::Status {
            status,
            retry_after,
        }) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
            return VendorError::new(status, "simulated fault: the request was not processed")
                .retry_after(retry_after)
                .into_response(vendor, app.tracking_id());
        }
        Some(Fault::ResetBefore) => {
            return reset(StatusCode::INTERNAL_SERVER_ERROR.into_response());
        }
        Some(Fault::Latency { millis }) => {
            tokio::time::sleep(Duration::from_millis(millis)).await;
        }
        _ => {}
    }
    if let Err(refusal) = within_rate(app, operation) {
        return refusal.into_response(vendor, app.tracking_id());
    }
    match fault {
        Some(Fault::LateCommit {
            millis,
            reset: drop,
        }) => {
            commit_later(app, req, next, millis).await;
            let answer = VendorError::new(
                StatusCode::GATEWAY_TIMEOUT,
                "simulated fault: the gateway gave up; the backend goes on",
            )
            .into_response(vendor, app.tracking_id());
            if drop { reset(answer) } else { answer }
        }
        Some(Fault::ResetAfter) => reset(next.run(req).await),
        Some(fault @ (Fault::NoId | Fault::Undecodable)) => {
            let answer = next.run(req).await;
            if answer.status().is_success() {
                unusable_success(vendor, fault, answer.status())
            } else {
                answer
            }
        }
        _ => next.run(req).await,
    }
}

/// The answer of a create that was processed, in place of the one that names what it made:
/// the same success status, without a usable id (`no-id`) or with a body that does not decode
/// as the vendor's answer (`undecodable`).
fn unusable_success(vendor: Vendor, fault: Fault, status: StatusCode) -> Response {
    let body = match (vendor, fault) {
        (Vendor::Dialpad, Fault::NoId) => serde_json::json!({}),
        (Vendor::Webex, Fault::NoId) => serde_json::json!({"id": ""}),
        (Vendor::Dialpad, _) => serde_json::json!({"office": {"id": "x"}}),
        (Vendor::Webex, _) => serde_json::json!({"id": 5}),
    };
    (status, axum::Json(body)).into_response()
}

/// Reads the request's body now (the client may be gone by the time it is processed) and
/// processes the request `millis` later, in the background.
async fn commit_later(app: &Arc<AppState>, req: Request, next: Next, millis: u64) {
    let (parts, body) = req.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, app.config.body_limit).await else {
        return;
    };
    let req = Request::from_parts(parts, axum::body::Body::from(bytes));
    app.pending_commits.fetch_add(1, Ordering::SeqCst);
    let app = app.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(millis)).await;
        let _ = next.run(req).await;
        app.pending_commits.fetch_sub(1, Ordering::SeqCst);
    });
}

/// The operation's rate limit.
fn within_rate(app: &AppState, operation: Operation) -> Result<(), VendorError> {
    app.admit(operation).map_err(|wait| {
        let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
        VendorError::new(StatusCode::TOO_MANY_REQUESTS, "rate limit exceeded")
            .retry_after(Some(seconds.max(1)))
    })
}

/// The route template a path belongs to, if it is one the vendors serve.
fn route_of(path: &str) -> Option<&'static str> {
    let one_below = |prefix: &str| {
        path.strip_prefix(prefix)
            .and_then(|rest| rest.strip_prefix('/'))
            .is_some_and(|id| !id.is_empty() && !id.contains('/'))
    };
    match path {
        "/api/v2/offices" => Some("/api/v2/offices"),
        "/v1/telephony/config/operatingModes" => Some("/v1/telephony/config/operatingModes"),
        _ if one_below("/api/v2/offices") => Some("/api/v2/offices/{id}"),
        _ if path.strip_suffix("/e911").is_some_and(|office| {
            office
                .strip_prefix("/api/v2/offices/")
                .is_some_and(|id| !id.is_empty() && !id.contains('/'))
        }) =>
        {
            Some("/api/v2/offices/{id}/e911")
        }
        _ if one_below("/v1/telephony/config/operatingModes") => {
            Some("/v1/telephony/config/operatingModes/{modeId}")
        }
        _ => None,
    }
}

/// A method or path the vendor does not serve, answered in its error shape and counted under
/// the method and path it came with.
pub(crate) async fn not_served(State(app): State<Arc<AppState>>, req: Request) -> Response {
    let path = req.uri().path().to_string();
    let vendor = if path.starts_with("/v1/") {
        Vendor::Webex
    } else {
        Vendor::Dialpad
    };
    let known = route_of(&path);
    let (status, message) = match known {
        Some(_) => (
            StatusCode::METHOD_NOT_ALLOWED,
            format!("{} is not served on {path}", req.method()),
        ),
        None => (StatusCode::NOT_FOUND, format!("no resource at {path}")),
    };
    let route = match known {
        Some(route) => format!("{} {route}", req.method()),
        None => format!("{} (unknown path)", req.method()),
    };
    app.count_request(&route, &status.as_u16().to_string());
    VendorError::new(status, message).into_response(vendor, app.tracking_id())
}

fn reset(mut response: Response) -> Response {
    response.extensions_mut().insert(ResetConnection);
    response
}
