//! Log lines on stderr: errors only by default, more with `-v` and `-vv`, or as `RUST_LOG`
//! says.

use tracing_subscriber::EnvFilter;

/// Sets up logging for `verbose` (the count of `-v`).
pub fn init(verbose: u8) {
    let level = match verbose {
        0 => "error",
        1 => "info",
        _ => "debug",
    };
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(level));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .init();
}
