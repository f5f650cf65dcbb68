//! Error answers are read only up to [`MAX_ERROR_BODY`]: a gateway's error page or a hostile
//! server cannot make the client hold more than that to word an error.

use telephony_api::dialpad::ByteStream;

use crate::error::MAX_ERROR_BODY;

/// At most [`MAX_ERROR_BODY`] bytes of a body stream, and whether there was more.
pub(super) async fn capped_stream(stream: ByteStream) -> (Vec<u8>, bool) {
    use futures_util::StreamExt;
    let mut stream = stream.into_inner();
    let mut bytes = Vec::new();
    while let Some(Ok(chunk)) = stream.next().await {
        if keep(&mut bytes, &chunk) {
            return (bytes, true);
        }
    }
    (bytes, false)
}

/// As [`capped_stream`], for a whole response.
pub(super) async fn capped_response(mut response: reqwest::Response) -> (Vec<u8>, bool) {
    let mut bytes = Vec::new();
    while let Ok(Some(chunk)) = response.chunk().await {
        if keep(&mut bytes, &chunk) {
            return (bytes, true);
        }
    }
    (bytes, false)
}

/// Appends what fits under the cap; true when the chunk did not fit.
fn keep(bytes: &mut Vec<u8>, chunk: &[u8]) -> bool {
    let room = MAX_ERROR_BODY - bytes.len();
    bytes.extend_from_slice(&chunk[..chunk.len().min(room)]);
    chunk.len() > room
}
