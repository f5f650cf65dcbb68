//! The front door of each vendor operation: counts the request, injects faults, checks
//! credentials and the operation's rate limit, in that order, before the handler runs.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

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
    let fault = app.draw_fault(operation);
    if let Some(fault) = &fault {
        app.count_fault(fault);
    }
    let mut credential = "none";
    let response = match fault {
        Some(Fault::Status {
            status,
            retry_after,
        }) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
            VendorError::new(status, "simulated fault: the request was not processed")
                .retry_after(retry_after)
                .into_response(vendor, app.tracking_id())
        }
        Some(Fault::ResetBefore) => reset(StatusCode::INTERNAL_SERVER_ERROR.into_response()),
        other => {
            if let Some(Fault::Latency { millis }) = other {
                tokio::time::sleep(Duration::from_millis(millis)).await;
            }
            match admit(&app, operation, &req) {
                Err(refusal) => refusal.into_response(vendor, app.tracking_id()),
                Ok(kind) => {
                    credential = kind;
                    match other {
                        Some(Fault::LateCommit {
                            millis,
                            reset: drop,
                        }) => {
                            commit_later(&app, req, next, millis).await;
                            let answer = VendorError::new(
                                StatusCode::GATEWAY_TIMEOUT,
                                "simulated fault: the gateway gave up; the backend goes on",
                            )
                            .into_response(vendor, app.tracking_id());
                            if drop { reset(answer) } else { answer }
                        }
                        Some(Fault::ResetAfter) => reset(next.run(req).await),
                        _ => next.run(req).await,
                    }
                }
            }
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

/// Credentials, then the rate limit.
fn admit(app: &AppState, operation: Operation, req: &Request) -> Result<&'static str, VendorError> {
    let kind = authenticate(
        operation.vendor(),
        req.headers(),
        req.uri(),
        app.config.token.as_deref(),
    )
    .map_err(|reason| VendorError::new(StatusCode::UNAUTHORIZED, reason))?;
    app.admit(operation).map_err(|wait| {
        let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
        VendorError::new(StatusCode::TOO_MANY_REQUESTS, "rate limit exceeded")
            .retry_after(Some(seconds.max(1)))
    })?;
    Ok(kind.as_str())
}

fn reset(mut response: Response) -> Response {
    response.extensions_mut().insert(ResetConnection);
    response
}
