//! A local HTTP server that behaves like Dialpad and Webex for the two operations this
//! workspace covers, so that clients, examples and integration tests run without accounts.
//!
//! - `POST /api/v2/offices` (Dialpad; its base URL is the server root) and
//!   `POST /v1/telephony/config/operatingModes` (Webex; base URL `<root>/v1`), and the reads
//!   that confirm what was created: `GET /api/v2/offices` (paged by cursor),
//!   `GET /api/v2/offices/{id}`, `GET /v1/telephony/config/operatingModes` (filtered, paged by
//!   `max` and `start`) and `GET /v1/telephony/config/operatingModes/{modeId}`.
//! - Credentials as each vendor takes them ([`auth`](crate::MockConfig::token)).
//! - Every constraint and `x-telephony-rules` entry of the curated specs, checked by
//!   [`telephony_spec::validate`] — the same code the client uses. A bad body is a 400 that
//!   lists every violation with its JSON path.
//! - RateLimit limits (429 with `Retry-After`), seeded fault injection (statuses, latency, resets
//!   before and after processing), and inspection under `/_mock/`.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() {
//! use telephony_mock::{MockConfig, MockServer};
//!
//! let mock = MockServer::start(MockConfig::default()).await.unwrap();
//! assert!(mock.webex_url().ends_with("/v1"));
//! let stats = reqwest::get(format!("{}/_mock/stats", mock.base_url())).await.unwrap();
//! assert_eq!(stats.status(), 200);
//! mock.shutdown().await;
//! # }
//! ```

#![warn(missing_docs)]

mod auth;
mod body;
mod config;
mod dialpad;
mod dialpad_e911;
mod errors;
mod gate;
mod inspect;
mod operation;
mod query;
mod serve;
mod state;
mod webex;
mod webex_changes;

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::routing::{MethodRouter, delete, get, post, put};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub use config::{
    Fault, FaultChance, FlagError, IntegerForm, MockConfig, RateLimit, parse_fault_plan,
    parse_rate_flag,
};
pub use operation::Operation;
pub use state::{ModeRecord, OfficeRecord};
pub use telephony_spec::Vendor;

use state::AppState;

/// Starts mock servers.
pub struct MockServer;

/// Why a mock server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The listen address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// What the OS said.
        source: std::io::Error,
    },
}

impl MockServer {
    /// Binds `config.listen` and serves in the background until the handle is shut down or
    /// dropped.
    pub async fn start(config: MockConfig) -> Result<MockHandle, StartError> {
        let listener = tokio::net::TcpListener::bind(config.listen)
            .await
            .map_err(|source| StartError::Bind {
                addr: config.listen,
                source,
            })?;
        let addr = listener.local_addr().map_err(|source| StartError::Bind {
            addr: config.listen,
            source,
        })?;
        let limits = serve::ConnectionLimits {
            max_connections: config.max_connections,
            header_timeout: config.header_timeout,
            idle_timeout: config.idle_timeout,
            request_timeout: config.request_timeout,
        };
        let state = Arc::new(AppState::new(config));
        let (stop, stopped) = oneshot::channel();
        let task = tokio::spawn(serve::run(
            listener,
            router(state.clone()),
            limits,
            state.refused_connections.clone(),
            stopped,
        ));
        Ok(MockHandle {
            addr,
            state,
            stop: Some(stop),
            task: Some(task),
        })
    }
}

fn router(state: Arc<AppState>) -> Router {
    let gated = |operation: Operation, method: MethodRouter<Arc<AppState>>| {
        method.route_layer(axum::middleware::from_fn_with_state(
            (state.clone(), operation),
            gate::gate,
        ))
    };
    let vendors = Router::new()
        .route(
            "/api/v2/offices",
            gated(Operation::ListOffices, get(dialpad::list_offices))
                .merge(gated(Operation::CreateOffice, post(dialpad::create_office))),
        )
        .route(
            "/api/v2/offices/{id}",
            gated(Operation::GetOffice, get(dialpad::get_office)),
        )
        .route(
            "/api/v2/offices/{id}/e911",
            gated(Operation::GetOfficeE911, get(dialpad_e911::get_office_e911)).merge(gated(
                Operation::UpdateOfficeE911,
                put(dialpad_e911::update_office_e911),
            )),
        )
        .route(
            "/v1/telephony/config/operatingModes",
            gated(
                Operation::ListOperatingModes,
                get(webex::list_operating_modes),
            )
            .merge(gated(
                Operation::CreateOperatingMode,
                post(webex::create_operating_mode),
            )),
        )
        .route(
            "/v1/telephony/config/operatingModes/{modeId}",
            gated(Operation::GetOperatingMode, get(webex::get_operating_mode))
                .merge(gated(
                    Operation::UpdateOperatingMode,
                    put(webex_changes::update_operating_mode),
                ))
                .merge(gated(
                    Operation::DeleteOperatingMode,
                    delete(webex_changes::delete_operating_mode),
                )),
        )
        .route(
            "/v1/telephony/config/operatingModes/{modeId}/holidays",
            gated(
                Operation::CreateOperatingModeHoliday,
                post(webex_changes::create_operating_mode_holiday),
            ),
        )
        .route(
            "/v1/telephony/config/operatingModes/{modeId}/holidays/{holidayId}",
            gated(
                Operation::GetOperatingModeHoliday,
                get(webex_changes::get_operating_mode_holiday),
            )
            .merge(gated(
                Operation::UpdateOperatingModeHoliday,
                put(webex_changes::update_operating_mode_holiday),
            ))
            .merge(gated(
                Operation::DeleteOperatingModeHoliday,
                delete(webex_changes::delete_operating_mode_holiday),
            )),
        );
    let inspect = Router::new()
        .route("/_mock/offices", get(inspect::offices))
        .route("/_mock/operating-modes", get(inspect::operating_modes))
        .route("/_mock/stats", get(inspect::stats))
        .route("/_mock/state", delete(inspect::reset))
        .route("/_mock/faults", post(inspect::push_faults))
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            inspect::guard,
        ));
    vendors
        .merge(inspect)
        .method_not_allowed_fallback(gate::not_served)
        .fallback(gate::not_served)
        .with_state(state)
}

/// A running mock server. Dropping it stops the server (open connections get a few seconds to
/// finish); [`MockHandle::shutdown`] does the same and waits for it.
pub struct MockHandle {
    addr: SocketAddr,
    state: Arc<AppState>,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl MockHandle {
    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://ADDR`, the server root.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Base URL for the Dialpad client (the server root).
    pub fn dialpad_url(&self) -> String {
        self.base_url()
    }

    /// Base URL for the Webex client (`<root>/v1`).
    pub fn webex_url(&self) -> String {
        format!("{}/v1", self.base_url())
    }

    /// Faults that hit the next requests of `vendor`'s create operation, in order, before any
    /// random ones.
    pub fn push_faults(&self, vendor: Vendor, faults: impl IntoIterator<Item = Fault>) {
        self.state.push_faults(Operation::create_of(vendor), faults);
    }

    /// Faults that hit the next requests of `operation`, in order, before any random ones.
    pub fn push_faults_to(&self, operation: Operation, faults: impl IntoIterator<Item = Fault>) {
        self.state.push_faults(operation, faults);
    }

    /// Creates answered by a late-commit fault and not processed yet.
    pub fn pending_late_commits(&self) -> usize {
        self.state
            .pending_commits
            .load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Every office created so far.
    pub fn offices(&self) -> Vec<OfficeRecord> {
        self.state.offices()
    }

    /// Every operating mode created so far.
    pub fn operating_modes(&self) -> Vec<ModeRecord> {
        self.state.modes()
    }

    /// Request counts by route and outcome, fault counts, resource counts (as `/_mock/stats`).
    pub fn stats(&self) -> serde_json::Value {
        self.state.stats()
    }

    /// Forgets all resources, counts, scripted faults and rate-limit state.
    pub fn reset(&self) {
        self.state.reset();
    }

    /// Stops accepting connections and waits for open ones to finish.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for MockHandle {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}
