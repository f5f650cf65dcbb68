//! The recording proxy between the client and Prism: the client cannot tell what Prism thought
//! of a request (Prism's verdict is in a response header the client ignores), so every
//! exchange passes through here and is written down — method, path, status, the violations
//! Prism reported — before the answer goes back unchanged.
//!
//! One rewrite is made: a path our spec changed on purpose (a `path-changed` decision) is
//! sent to Prism as the vendor publishes it, since Prism serves only the published paths.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, StatusCode, header};
use axum::response::Response;
use serde_json::Value;

use super::violations::{Context, Violation};

/// The largest body forwarded either way.
const MAX_BODY: usize = 8 * 1024 * 1024;

/// How long one forwarded request may take.
const FORWARD_TIMEOUT: Duration = Duration::from_secs(30);

/// One request and its answer.
#[derive(Debug, Clone)]
pub struct Exchange {
    /// Whose Prism answered.
    pub vendor: telephony_spec::Vendor,
    /// The method.
    pub method: String,
    /// The path the client sent (without the query).
    pub path: String,
    /// The query the client sent (`?max=10&start=0`, or empty).
    pub query: String,
    /// The path sent to Prism instead, when a `path-changed` decision rewrote it.
    pub rewritten: Option<String>,
    /// Our operationId for the method and path, if any operation matches.
    pub operation: Option<String>,
    /// The status Prism answered.
    pub status: u16,
    /// The violations of the `sl-violations` header (or, when Prism made up a 422 itself,
    /// of its problem body).
    pub violations: Vec<Violation>,
    /// Prism's own error (`NO_PATH_MATCHED_ERROR`, …) when it answered with one.
    pub prism_error: Option<String>,
    /// What our own validator (the curated spec and its rules) finds wrong with the request
    /// body: a decision covers a violation of the vendor's schema only in a body our rules
    /// accept, so a body that breaks a rule the decision relies on is never called covered.
    pub ours: Vec<String>,
}

struct Shared {
    upstream: String,
    http: reqwest::Client,
    context: Arc<Context>,
    log: Mutex<Vec<Exchange>>,
}

/// A running proxy; it stops when dropped.
pub struct Proxy {
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    shared: Arc<Shared>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Proxy {
    /// Starts a proxy on a free loopback port in front of `upstream` (`http://127.0.0.1:PORT`).
    pub async fn start(upstream: String, context: Arc<Context>) -> std::io::Result<Proxy> {
        let http = reqwest::Client::builder()
            .no_proxy()
            .timeout(FORWARD_TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(std::io::Error::other)?;
        let shared = Arc::new(Shared {
            upstream,
            http,
            context,
            log: Mutex::new(Vec::new()),
        });
        let listener = tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0))).await?;
        let url = format!("http://{}", listener.local_addr()?);
        let app = Router::new().fallback(forward).with_state(shared.clone());
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await;
        });
        Ok(Proxy {
            url,
            shared,
            stop: Some(stop),
        })
    }

    /// How many exchanges are recorded so far.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    /// The exchanges recorded from `from` on.
    pub fn since(&self, from: usize) -> Vec<Exchange> {
        self.lock()
            .get(from..)
            .map(<[_]>::to_vec)
            .unwrap_or_default()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Exchange>> {
        self.shared.log.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// Headers that belong to one connection, not to the request or answer.
fn hop_by_hop(name: &HeaderName) -> bool {
    [
        header::HOST,
        header::CONNECTION,
        header::CONTENT_LENGTH,
        header::TRANSFER_ENCODING,
        header::UPGRADE,
        header::TE,
        HeaderName::from_static("keep-alive"),
        HeaderName::from_static("proxy-connection"),
    ]
    .contains(name)
}

fn copy_headers(from: &HeaderMap) -> HeaderMap {
    let mut to = HeaderMap::new();
    for (name, value) in from {
        if !hop_by_hop(name) {
            to.append(name.clone(), value.clone());
        }
    }
    to
}

async fn forward(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let method = parts.method.to_string();
    let path = parts.uri.path().to_string();
    let query = parts
        .uri
        .query()
        .map(|q| format!("?{q}"))
        .unwrap_or_default();
    let operation = shared.context.operation(&method, &path);
    let rewritten = shared.context.rewrite(&method, &path);
    let target = format!(
        "{}{}{query}",
        shared.upstream,
        rewritten.as_deref().unwrap_or(&path)
    );
    let bytes = match axum::body::to_bytes(body, MAX_BODY).await {
        Ok(bytes) => bytes,
        Err(err) => return failed(StatusCode::BAD_REQUEST, format!("request body: {err}")),
    };
    let ours = our_violations(shared.context.vendor, operation.as_deref(), &bytes);
    let record = |status: u16, violations, prism_error| Exchange {
        vendor: shared.context.vendor,
        method: method.clone(),
        path: path.clone(),
        query: query.clone(),
        rewritten: rewritten.clone(),
        operation: operation.clone(),
        status,
        violations,
        prism_error,
        ours: ours.clone(),
    };
    let answer = shared
        .http
        .request(parts.method.clone(), &target)
        .headers(copy_headers(&parts.headers))
        .body(bytes)
        .send()
        .await;
    let answer = match answer {
        Ok(answer) => answer,
        Err(err) => {
            let exchange = record(502, Vec::new(), Some(format!("proxy: {err}")));
            shared
                .log
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push(exchange);
            return failed(
                StatusCode::BAD_GATEWAY,
                format!("forwarding to Prism: {err}"),
            );
        }
    };
    let status = answer.status();
    let headers = copy_headers(answer.headers());
    let body = match answer.bytes().await {
        Ok(body) => body,
        Err(err) => return failed(StatusCode::BAD_GATEWAY, format!("Prism's answer: {err}")),
    };
    let (violations, prism_error) = verdict(&headers, &body);
    let exchange = record(status.as_u16(), violations, prism_error);
    shared
        .log
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .push(exchange);
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    *response.headers_mut() = headers;
    response
}

/// Our validator's findings on a request body (none for a request without one).
fn our_violations(
    vendor: telephony_spec::Vendor,
    operation: Option<&str>,
    body: &[u8],
) -> Vec<String> {
    let (Some(operation), false) = (operation, body.is_empty()) else {
        return Vec::new();
    };
    let Ok(body) = serde_json::from_slice::<Value>(body) else {
        return vec!["the body is not JSON".to_string()];
    };
    let validator = match vendor {
        telephony_spec::Vendor::Dialpad => telephony_spec::validate::Validator::dialpad(),
        telephony_spec::Vendor::Webex => telephony_spec::validate::Validator::webex(),
    };
    validator
        .request_body(operation, &body)
        .iter()
        .map(ToString::to_string)
        .collect()
}

fn failed(status: StatusCode, message: String) -> Response {
    let mut response = Response::new(Body::from(message));
    *response.status_mut() = status;
    response
}

/// Prism's violations and its own error, from an answer: the `sl-violations` header, or the
/// `validation` list of a problem body Prism made up itself (a 422 when the document has no
/// answer for an invalid request).
fn verdict(headers: &HeaderMap, body: &[u8]) -> (Vec<Violation>, Option<String>) {
    let mut violations: Vec<Violation> = headers
        .get_all("sl-violations")
        .iter()
        .filter_map(|v| serde_json::from_slice::<Value>(v.as_bytes()).ok())
        .flat_map(|list| parse_list(&list))
        .collect();
    let problem = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("application/problem+json"));
    let mut prism_error = None;
    if problem && let Ok(body) = serde_json::from_slice::<Value>(body) {
        let kind = body["type"].as_str().unwrap_or_default();
        let kind = kind.rsplit('#').next().unwrap_or(kind).to_string();
        if violations.is_empty() {
            violations = parse_list(&body["validation"]);
        }
        if !kind.is_empty() && kind != "UNPROCESSABLE_ENTITY" {
            let detail = body["detail"].as_str().unwrap_or_default();
            prism_error = Some(format!("{kind}: {detail}"));
        }
    }
    (violations, prism_error)
}

fn parse_list(list: &Value) -> Vec<Violation> {
    let text = |v: &Value| v.as_str().map_or_else(|| v.to_string(), str::to_string);
    list.as_array()
        .into_iter()
        .flatten()
        .map(|entry| Violation {
            location: entry["location"]
                .as_array()
                .into_iter()
                .flatten()
                .map(text)
                .collect(),
            severity: text(&entry["severity"]),
            code: text(&entry["code"]),
            message: text(&entry["message"]),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn violations_come_from_the_header_or_a_made_up_problem() {
        let mut headers = HeaderMap::new();
        headers.insert(
            "sl-violations",
            r#"[{"location":["request","query"],"severity":"Error","code":"required","message":"Request query must have required property 'limittolocationid'"}]"#
                .parse()
                .expect("header"),
        );
        let (found, error) = verdict(&headers, b"");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].location, ["request", "query"]);
        assert!(error.is_none());

        let mut problem = HeaderMap::new();
        problem.insert(
            header::CONTENT_TYPE,
            "application/problem+json".parse().expect("type"),
        );
        let body = br#"{"type":"https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY","validation":[{"location":["body"],"severity":"Error","code":"required","message":"Request body must have required property 'country'"}]}"#;
        let (found, error) = verdict(&problem, body);
        assert_eq!(found[0].location, ["body"]);
        assert!(error.is_none());
        let body = br#"{"type":"https://stoplight.io/prism/errors#NO_METHOD_MATCHED_ERROR","detail":"no post"}"#;
        let (found, error) = verdict(&problem, body);
        assert!(found.is_empty());
        assert_eq!(error.as_deref(), Some("NO_METHOD_MATCHED_ERROR: no post"));
    }
}
