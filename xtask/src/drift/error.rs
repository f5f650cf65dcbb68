//! Why a drift comparison could not be made: the one error of the drift modules.

/// Why the comparison could not be made.
#[derive(Debug, thiserror::Error)]
pub enum DriftError {
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// A document is not JSON or YAML.
    #[error("{what} is neither JSON nor YAML: {message}")]
    Parse {
        /// Which document.
        what: String,
        /// What the parser said.
        message: String,
    },
    /// A document is larger than [`MAX_DOCUMENT_BYTES`](super::MAX_DOCUMENT_BYTES).
    #[error("{what} is larger than {limit} bytes")]
    TooLarge {
        /// Which document.
        what: String,
        /// The limit.
        limit: usize,
    },
    /// A URL could not be fetched.
    #[error("cannot fetch {url}: {message}")]
    Fetch {
        /// The URL.
        url: String,
        /// What went wrong.
        message: String,
    },
    /// The curated spec's `x-telephony-curation` is malformed.
    #[error("x-telephony-curation: {message}")]
    Curation {
        /// What is wrong.
        message: String,
    },
}
