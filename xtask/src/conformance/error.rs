//! A problem that keeps a conformance run from being made at all (exit 2), shared by the
//! modules that start Prism, the proxy and the command.

/// A problem that keeps the run from being made at all (exit 2).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct SetupError(String);

impl SetupError {
    /// A setup problem described by `message`.
    pub fn new(message: impl Into<String>) -> SetupError {
        SetupError(message.into())
    }
}
