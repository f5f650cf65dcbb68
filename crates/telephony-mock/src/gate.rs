//! The front door of each vendor operation: counts the request, injects faults, checks
//! credentials and the rate limit, in that order, before the operation's handler runs.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use telephony_spec::Vendor;

use crate::auth::authenticate;
use crate::config::Fault;
use crate::errors::VendorError;
use crate::state::AppState;

/// Put in a response's extensions: drop the connection (TCP reset) instead of answering.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ResetConnection;

pub(crate) const DIALPAD_ROUTE: &str = "POST /api/v2/offices";
pub(crate) const WEBEX_ROUTE: &str = "POST /v1/telephony/config/operatingModes";

pub(crate) async fn dialpad(
    State(app): State<Arc<AppState>>,
    req: Request,
    next: Next,
) -> Response {
    gate(app, Vendor::Dialpad, DIALPAD_ROUTE, req, next).await
}

pub(crate) async fn webex(State(app): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    gate(app, Vendor::Webex, WEBEX_ROUTE, req, next).await
}

async fn gate(
    app: Arc<AppState>,
    vendor: Vendor,
    route: &str,
    req: Request,
    next: Next,
) -> Response {
    let started = Instant::now();
    let fault = app.draw_fault(vendor);
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
            let admitted = admit(&app, vendor, &req);
            let response = match admitted {
                Ok(kind) => {
                    credential = kind;
                    next.run(req).await
                }
                Err(refusal) => refusal.into_response(vendor, app.tracking_id()),
            };
            match other {
                Some(Fault::ResetAfter) => reset(response),
                _ => response,
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

/// Credentials, then the rate limit.
fn admit(app: &AppState, vendor: Vendor, req: &Request) -> Result<&'static str, VendorError> {
    let kind = authenticate(
        vendor,
        req.headers(),
        req.uri(),
        app.config.token.as_deref(),
    )
    .map_err(|reason| VendorError::new(StatusCode::UNAUTHORIZED, reason))?;
    app.admit(vendor).map_err(|wait| {
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
