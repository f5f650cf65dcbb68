//! Why a spec could not be read or understood: one error for parsing, checking keywords and
//! compiling patterns and rules, so every loader of a spec reports the same way.

/// Why a spec could not be read.
#[derive(Debug, thiserror::Error)]
pub enum SpecError {
    /// The text is not YAML, or not an OpenAPI 3.0 document.
    #[error("{path} is not a valid OpenAPI 3.0 document: {source}")]
    Parse {
        /// The spec's path (or another name for where the text came from).
        path: String,
        /// What the parser said.
        source: Box<serde_saphyr::Error>,
    },
    /// The document, read as JSON, is not an OpenAPI 3.0 document (or the model could not be
    /// turned back into JSON for validation).
    #[error("{path} is not a valid OpenAPI 3.0 document: {source}")]
    Json {
        /// The spec's path.
        path: String,
        /// What serde_json said.
        source: serde_json::Error,
    },
    /// A `pattern` in the spec is not a valid ECMA-262 regular expression.
    #[error("{path}: the pattern at {pointer} does not compile: {message}")]
    Pattern {
        /// The spec's path.
        path: String,
        /// JSON pointer of the schema holding the pattern.
        pointer: String,
        /// What the regex compiler said.
        message: String,
    },
    /// A schema uses a keyword or `format` the validator does not interpret (it would be
    /// skipped silently, weakening validation).
    #[error(
        "{path}: the schema at {pointer} uses `{keyword}`, which the validator does not interpret; express it with the supported keywords or an x-telephony-rules entry"
    )]
    Unsupported {
        /// The spec's path.
        path: String,
        /// JSON pointer of the schema.
        pointer: String,
        /// The keyword (or `format: NAME`).
        keyword: String,
    },
    /// An `x-telephony-rules` entry is malformed or of an unknown kind.
    #[error("{path}: x-telephony-rules at {pointer}: {message}")]
    Rule {
        /// The spec's path.
        path: String,
        /// JSON pointer of the schema holding the rules.
        pointer: String,
        /// What is wrong with the rule.
        message: String,
    },
}
