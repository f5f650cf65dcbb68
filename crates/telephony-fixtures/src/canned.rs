//! A loopback HTTP server that answers from a script, for answers the mock never gives (a
//! success without an id, an HTML 503, an empty 429, a redirect, a 300 KB error body), and that
//! keeps every request it received; and one that never answers at all.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, Method, Response, StatusCode, Uri};

/// One scripted answer.
#[derive(Debug, Clone)]
pub struct Canned {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

impl Canned {
    /// `status` with `body` and no header.
    pub fn new(status: u16, body: impl Into<Vec<u8>>) -> Canned {
        Canned {
            status,
            headers: Vec::new(),
            body: body.into(),
        }
    }

    /// `status` with a JSON `body`.
    pub fn json(status: u16, body: &str) -> Canned {
        Canned::new(status, body).header("content-type", "application/json")
    }

    /// The same answer with the header `name: value` as well.
    pub fn header(mut self, name: &'static str, value: impl Into<String>) -> Canned {
        self.headers.push((name, value.into()));
        self
    }
}

/// One request the server received.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: Method,
    pub uri: Uri,
    pub headers: HeaderMap,
    pub body: Bytes,
}

#[derive(Default)]
struct Script {
    posts: VecDeque<Canned>,
    gets: VecDeque<Canned>,
    otherwise: Option<Canned>,
    received: Vec<Request>,
}

impl Script {
    /// The answer to a request of `method`: the next scripted one, else the standing one, else
    /// a 599 that says the script ran out.
    fn answer(&mut self, method: &Method) -> Canned {
        let next = if method == Method::GET {
            self.gets.pop_front()
        } else {
            self.posts.pop_front()
        };
        next.or_else(|| self.otherwise.clone())
            .unwrap_or_else(|| Canned::new(599, "the script ran out"))
    }
}

/// A running scripted server.
#[derive(Clone)]
pub struct Server {
    /// `http://ADDR`, the server's root.
    pub url: String,
    script: Arc<Mutex<Script>>,
}

impl Server {
    /// Starts a server on 127.0.0.1 with an empty script.
    pub async fn start() -> Server {
        let script = Arc::new(Mutex::new(Script::default()));
        let shared = script.clone();
        let app = axum::Router::new().fallback(move |req: axum::extract::Request| {
            let script = shared.clone();
            async move {
                let (parts, body) = req.into_parts();
                let body = axum::body::to_bytes(body, usize::MAX)
                    .await
                    .unwrap_or_default();
                let canned = {
                    let mut script = script.lock().expect("lock");
                    let canned = script.answer(&parts.method);
                    script.received.push(Request {
                        method: parts.method,
                        uri: parts.uri,
                        headers: parts.headers,
                        body,
                    });
                    canned
                };
                let mut answer = Response::builder()
                    .status(StatusCode::from_u16(canned.status).expect("status"));
                for (name, value) in &canned.headers {
                    answer = answer.header(*name, value);
                }
                answer.body(Body::from(canned.body)).expect("response")
            }
        });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        tokio::spawn(async move { axum::serve(listener, app).await });
        Server { url, script }
    }

    /// A server that answers every request with `answer`.
    pub async fn answering(answer: Canned) -> Server {
        let server = Server::start().await;
        server.script.lock().expect("lock").otherwise = Some(answer);
        server
    }

    /// Answers for the next POSTs (and any other method but GET), in order.
    pub fn posts(&self, answers: impl IntoIterator<Item = Canned>) -> &Self {
        self.script.lock().expect("lock").posts.extend(answers);
        self
    }

    /// Answers for the next GETs, in order.
    pub fn gets(&self, answers: impl IntoIterator<Item = Canned>) -> &Self {
        self.script.lock().expect("lock").gets.extend(answers);
        self
    }

    /// Every request received, as `METHOD URI`.
    pub fn seen(&self) -> Vec<String> {
        let script = self.script.lock().expect("lock");
        script
            .received
            .iter()
            .map(|request| format!("{} {}", request.method, request.uri))
            .collect()
    }

    /// How many POSTs were received.
    pub fn posts_seen(&self) -> usize {
        let script = self.script.lock().expect("lock");
        script
            .received
            .iter()
            .filter(|request| request.method == Method::POST)
            .count()
    }

    /// Every request received, whole.
    pub fn received(&self) -> Vec<Request> {
        self.script.lock().expect("lock").received.clone()
    }
}

/// A loopback server that accepts connections, holds them open and never answers: every
/// request to it waits forever. It stops when dropped.
pub struct Silent {
    /// `http://ADDR`, the server's root.
    pub url: String,
    connections: Arc<AtomicUsize>,
    task: tokio::task::JoinHandle<()>,
}

impl Silent {
    /// Starts a silent server on 127.0.0.1.
    pub async fn start() -> Silent {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        let connections = Arc::new(AtomicUsize::new(0));
        let counted = connections.clone();
        let task = tokio::spawn(async move {
            let mut held = Vec::new();
            while let Ok((socket, _)) = listener.accept().await {
                counted.fetch_add(1, Ordering::SeqCst);
                held.push(socket);
            }
        });
        Silent {
            url,
            connections,
            task,
        }
    }

    /// How many connections it accepted.
    pub fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }
}

impl Drop for Silent {
    fn drop(&mut self) {
        self.task.abort();
    }
}
