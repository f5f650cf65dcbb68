//! Reading a vendor's published document from a file or a URL, with a size limit.

use std::io::Read;

use serde_json::Value;

use super::error::DriftError;

/// The largest document read, from a file or a URL (Dialpad's full document is about 1 MiB).
pub const MAX_DOCUMENT_BYTES: usize = 32 * 1024 * 1024;

/// How long fetching a URL may take in all.
const FETCH_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

/// Reads a JSON or YAML document from a path or an `http(s)://` URL.
pub fn read_document(source: &str) -> Result<Value, DriftError> {
    let bytes = if source.starts_with("https://") || source.starts_with("http://") {
        fetch(source)?
    } else {
        let file = std::fs::File::open(source).map_err(|e| DriftError::Read {
            path: source.to_string(),
            source: e,
        })?;
        let mut bytes = Vec::new();
        file.take(MAX_DOCUMENT_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| DriftError::Read {
                path: source.to_string(),
                source: e,
            })?;
        bytes
    };
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(DriftError::TooLarge {
            what: source.to_string(),
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    parse(source, &bytes)
}

/// Parses JSON, or YAML when it is not JSON.
pub fn parse(what: &str, bytes: &[u8]) -> Result<Value, DriftError> {
    if let Ok(value) = serde_json::from_slice(bytes) {
        return Ok(value);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| DriftError::Parse {
        what: what.to_string(),
        message: e.to_string(),
    })?;
    serde_saphyr::from_str(text).map_err(|e| DriftError::Parse {
        what: what.to_string(),
        message: e.to_string(),
    })
}

/// Fetches a URL, refusing an answer that is not a success or is too large.
fn fetch(url: &str) -> Result<Vec<u8>, DriftError> {
    let failed = |message: String| DriftError::Fetch {
        url: url.to_string(),
        message,
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| failed(e.to_string()))?;
    runtime.block_on(async {
        let client = reqwest::Client::builder()
            .timeout(FETCH_TIMEOUT)
            .build()
            .map_err(|e| failed(e.to_string()))?;
        let mut answer = client
            .get(url)
            .send()
            .await
            .map_err(|e| failed(e.to_string()))?;
        if !answer.status().is_success() {
            return Err(failed(format!("the server answered {}", answer.status())));
        }
        let mut bytes = Vec::new();
        while let Some(chunk) = answer.chunk().await.map_err(|e| failed(e.to_string()))? {
            bytes.extend_from_slice(&chunk);
            if bytes.len() > MAX_DOCUMENT_BYTES {
                return Err(DriftError::TooLarge {
                    what: url.to_string(),
                    limit: MAX_DOCUMENT_BYTES,
                });
            }
        }
        Ok(bytes)
    })
}
