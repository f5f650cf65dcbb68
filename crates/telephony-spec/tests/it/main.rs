//! The spec crate's integration tests, one binary: loading specs the validator cannot
//! understand, and every constraint and rule of each vendor's spec.

mod spec_errors;
mod suggestions;
mod validate_dialpad;
mod validate_webex;
mod violations;
