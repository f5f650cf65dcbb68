//! The curated OpenAPI specs of the workspace, loaded and described.
//!
//! The specs in `openapi/` are the single source of truth: the generated client is built from
//! them, and this crate lets every other part of the workspace read the same documents — to
//! render the reviewable [API surface](surface::render) whose snapshot shows any drift, and to
//! read the `x-telephony-*` rules that plain JSON Schema cannot express.
//!
//! ```
//! let spec = telephony_spec::Vendor::Dialpad.spec().unwrap();
//! assert!(spec.paths.paths.contains_key("/api/v2/offices"));
//! ```

#![warn(missing_docs)]

pub mod dates;
pub mod doc;
mod error;
mod facts;
mod index;
mod interpret;
mod keywords;
mod messages;
mod nearest;
mod query;
pub mod rules;
pub mod surface;
mod typed;
pub mod validate;
mod violation;

pub use error::SpecError;

/// The text of `openapi/dialpad.yaml`, embedded at build time (from the copy in this crate's
/// `openapi/`, which `cargo xtask codegen` writes and `--check` compares).
pub const DIALPAD_YAML: &str = include_str!("../openapi/dialpad.yaml");
/// The text of `openapi/webex.yaml`, embedded at build time (from the copy in this crate's
/// `openapi/`).
pub const WEBEX_YAML: &str = include_str!("../openapi/webex.yaml");

/// A vendor whose API the workspace covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Vendor {
    /// Dialpad: `POST /api/v2/offices`.
    Dialpad,
    /// Webex Calling: `POST /v1/telephony/config/operatingModes`.
    Webex,
}

impl Vendor {
    /// Every vendor, in a fixed order.
    pub const ALL: [Vendor; 2] = [Vendor::Dialpad, Vendor::Webex];

    /// Lower-case name, as used for the spec file, the module and the cargo feature.
    pub fn name(self) -> &'static str {
        match self {
            Vendor::Dialpad => "dialpad",
            Vendor::Webex => "webex",
        }
    }

    /// The vendor's name as written in prose and messages.
    ///
    /// ```
    /// assert_eq!(telephony_spec::Vendor::Webex.title(), "Webex");
    /// ```
    pub fn title(self) -> &'static str {
        match self {
            Vendor::Dialpad => "Dialpad",
            Vendor::Webex => "Webex",
        }
    }

    /// The spec file, relative to the workspace root.
    pub fn spec_path(self) -> &'static str {
        match self {
            Vendor::Dialpad => "openapi/dialpad.yaml",
            Vendor::Webex => "openapi/webex.yaml",
        }
    }

    /// One line saying what the vendor's operation does.
    pub fn summary(self) -> &'static str {
        match self {
            Vendor::Dialpad => "Dialpad: create a secondary office (`POST /api/v2/offices`).",
            Vendor::Webex => {
                "Webex Calling: create an operating mode \
                 (`POST /v1/telephony/config/operatingModes`)."
            }
        }
    }

    /// The embedded text of the curated spec.
    pub fn yaml(self) -> &'static str {
        match self {
            Vendor::Dialpad => DIALPAD_YAML,
            Vendor::Webex => WEBEX_YAML,
        }
    }

    /// The embedded spec, parsed.
    pub fn spec(self) -> Result<openapiv3::OpenAPI, SpecError> {
        parse(self.spec_path(), self.yaml())
    }
}

/// Parses OpenAPI 3.0 YAML (or JSON) text; `path` only names the source in errors.
///
/// The text's schemas are checked for keywords the validator does not interpret first: the
/// OpenAPI model drops keys it does not know (a misspelled `maxLenght` would vanish), so this
/// check reads the text itself. The text is read once, into JSON, which is then checked and
/// turned into the model.
pub fn parse(path: &str, text: &str) -> Result<openapiv3::OpenAPI, SpecError> {
    let raw: serde_json::Value =
        serde_saphyr::from_str(text).map_err(|source| SpecError::Parse {
            path: path.to_string(),
            source: Box::new(source),
        })?;
    keywords::check_keywords(path, &raw)?;
    serde_json::from_value(raw).map_err(|source| SpecError::Json {
        path: path.to_string(),
        source,
    })
}

/// The JSON request example that a spec gives for an operation, if it has one.
///
/// ```
/// let spec = telephony_spec::Vendor::Webex.spec().unwrap();
/// let example = telephony_spec::request_example(&spec, "create_operating_mode").unwrap();
/// assert_eq!(example["type"], "SAME_HOURS_DAILY");
/// ```
pub fn request_example(spec: &openapiv3::OpenAPI, operation_id: &str) -> Option<serde_json::Value> {
    let doc = serde_json::to_value(spec).ok()?;
    let op = doc::operation(&doc, operation_id)?;
    let body = doc::resolve(&doc, &op.definition["requestBody"]);
    body.pointer("/content/application~1json/example").cloned()
}
