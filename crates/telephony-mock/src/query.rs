//! Reading a request's query string, as both vendors' listings take their parameters from it.

use std::collections::HashMap;

use axum::http::Uri;

/// The query parameters of a request, or why they cannot be read.
pub(crate) fn query_map(uri: &Uri) -> Result<HashMap<String, String>, String> {
    axum::extract::Query::<HashMap<String, String>>::try_from_uri(uri)
        .map(|query| query.0)
        .map_err(|err| format!("the query cannot be read: {err}"))
}
