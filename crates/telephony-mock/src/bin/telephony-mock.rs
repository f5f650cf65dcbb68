//! `telephony-mock`: the mock server as a program.
//!
//! Prints exactly one line, `listening on http://ADDR`, on standard output once it accepts
//! connections; logs requests to standard error (`RUST_LOG` sets the level; tokens are never
//! logged); stops cleanly on Ctrl-C or SIGTERM.

use std::io::Write as _;
use std::net::SocketAddr;
use std::process::ExitCode;

use clap::Parser;
use telephony_mock::{
    FaultChance, IntegerForm, MockConfig, MockServer, RateLimit, parse_fault_plan, parse_rate_flag,
};

/// A local server that behaves like Dialpad (POST /api/v2/offices) and Webex Calling
/// (POST /v1/telephony/config/operatingModes).
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    /// Address to listen on; port 0 picks a free port.
    #[arg(long, default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// Accept only this token (default: any non-empty token).
    #[arg(long, env = "TELEPHONY_MOCK_TOKEN", hide_env_values = true)]
    token: Option<String>,
    /// Dialpad rate limit: COUNT/UNIT (s, min, h) or `off`. Default: the documented limit.
    #[arg(long, value_parser = rate_flag)]
    dialpad_rate: Option<RateFlag>,
    /// Webex rate limit: COUNT/UNIT (s, min, h) or `off`.
    #[arg(long, value_parser = rate_flag, default_value = "off")]
    webex_rate: RateFlag,
    /// Faults to inject into every vendor operation, reads included, e.g.
    /// `503:2@0.1,429@0.05,reset-after@0.01,latency=50ms@0.2,late-commit=500ms@0.01`
    /// (STATUS[:RETRY_AFTER_SECONDS], reset-before, reset-after, latency=MSms,
    /// late-commit=MSms[:reset], no-id, undecodable; @chance 0-1). `no-id` and `undecodable`
    /// create, then answer success without a usable id (Dialpad `200 {}`, Webex
    /// `201 {"id": ""}`) or with a body that does not decode; a read they hit is answered
    /// normally.
    #[arg(long, value_parser = fault_plan, default_value = "")]
    faults: FaultPlan,
    /// Seed of fault draws and generated ids; the same seed gives the same ids (default: a
    /// random one, so ids do not repeat across restarts).
    #[arg(long)]
    seed: Option<u64>,
    /// Largest accepted request body, in bytes.
    #[arg(long, default_value_t = 1024 * 1024)]
    body_limit: usize,
    /// Most Webex operating modes per organization or location (default: the spec's 100).
    #[arg(long)]
    max_modes_per_scope: Option<usize>,
    /// How Dialpad answers write integers: `strings` (`"id": "124"`, as the vendor's examples
    /// do) or `numbers` (as its schema declares).
    #[arg(long, default_value = "strings", value_parser = integer_form)]
    dialpad_integers: IntegerForm,
    /// Offices per page of Dialpad's office listing.
    #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..))]
    dialpad_page_size: u32,
    /// Most offices kept, and most operating modes kept; past it a create gets 409.
    #[arg(long, default_value_t = 20_000)]
    max_resources: usize,
    /// Most bytes of bodies kept; past it a create gets 409.
    #[arg(long, default_value_t = 64 * 1024 * 1024)]
    max_stored_bytes: usize,
    /// Most connections open at once; past it, new ones are closed at once (keep it below the
    /// file-descriptor limit, `ulimit -n`).
    #[arg(long, default_value_t = 512, value_parser = clap::value_parser!(u32).range(1..))]
    max_connections: u32,
    /// Seconds to receive a request's headers (also the longest wait for the next request).
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..))]
    header_timeout: u64,
    /// Seconds a connection may stay open with nothing in progress.
    #[arg(long, default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..))]
    idle_timeout: u64,
    /// Seconds to read a whole request and answer it.
    #[arg(long, default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..))]
    request_timeout: u64,
}

/// A rate flag: a limit, or `off`.
#[derive(Debug, Clone, Copy)]
struct RateFlag(Option<RateLimit>);

fn rate_flag(text: &str) -> Result<RateFlag, telephony_mock::FlagError> {
    parse_rate_flag(text).map(RateFlag)
}

/// The faults flag: a list of faults with their chances.
#[derive(Debug, Clone)]
struct FaultPlan(Vec<FaultChance>);

fn fault_plan(text: &str) -> Result<FaultPlan, telephony_mock::FlagError> {
    parse_fault_plan(text).map(FaultPlan)
}

/// The Dialpad integer form flag.
fn integer_form(text: &str) -> Result<IntegerForm, telephony_mock::FlagError> {
    text.parse()
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    let args = Args::parse();
    let config = MockConfig {
        listen: args.listen,
        token: args.token,
        dialpad_rate: args
            .dialpad_rate
            .map_or(Some(RateLimit::dialpad_documented()), |flag| flag.0),
        webex_rate: args.webex_rate.0,
        faults: args.faults.0,
        seed: args.seed.unwrap_or_else(rand::random),
        body_limit: args.body_limit,
        max_modes_per_scope: args.max_modes_per_scope,
        dialpad_page_size: args.dialpad_page_size as usize,
        max_resources: args.max_resources,
        max_stored_bytes: args.max_stored_bytes,
        max_connections: args.max_connections as usize,
        header_timeout: std::time::Duration::from_secs(args.header_timeout),
        idle_timeout: std::time::Duration::from_secs(args.idle_timeout),
        request_timeout: std::time::Duration::from_secs(args.request_timeout),
        dialpad_integers: args.dialpad_integers,
    };
    tracing::info!(
        dialpad_rate = config
            .dialpad_rate
            .map(|r| r.to_string())
            .unwrap_or("off".into()),
        webex_rate = config
            .webex_rate
            .map(|r| r.to_string())
            .unwrap_or("off".into()),
        faults = config.faults.len(),
        token = if config.token.is_some() {
            "fixed"
        } else {
            "any"
        },
        "starting"
    );
    if !config.listen.ip().is_loopback() {
        eprintln!(
            "warning: listening on {}, not a loopback address: anyone who can reach it can create \
             and read offices and operating modes{}, and {} the control endpoints under /_mock/ \
             (every body received, including billing contacts and E911 addresses; reset; faults)",
            config.listen,
            if config.token.is_some() {
                " with the token"
            } else {
                " with any token"
            },
            if config.token.is_some() {
                "with the token,"
            } else {
                "without any credential,"
            },
        );
    }
    let mock = match MockServer::start(config).await {
        Ok(mock) => mock,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::FAILURE;
        }
    };
    let mut stdout = std::io::stdout();
    if writeln!(stdout, "listening on {}", mock.base_url())
        .and_then(|()| stdout.flush())
        .is_err()
    {
        // Nobody reads our output any more; keep serving.
        tracing::warn!("could not write the listening line to stdout");
    }
    wait_for_signal().await;
    tracing::info!("shutting down");
    mock.shutdown().await;
    ExitCode::SUCCESS
}

async fn wait_for_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
