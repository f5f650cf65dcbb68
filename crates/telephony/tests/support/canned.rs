//! A loopback HTTP server that answers from a script, for answers the mock never gives (a
//! success without an id, an HTML 503, an empty 429, a redirect, a 300 KB error body).
#![allow(dead_code)]

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::http::{Method, Response, StatusCode};

/// One scripted answer.
#[derive(Debug, Clone)]
pub struct Canned {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

impl Canned {
    pub fn new(status: u16, body: impl Into<Vec<u8>>) -> Canned {
        Canned {
            status,
            headers: Vec::new(),
            body: body.into(),
        }
    }

    pub fn json(status: u16, body: &str) -> Canned {
        Canned::new(status, body).header("content-type", "application/json")
    }

    pub fn header(mut self, name: &'static str, value: impl Into<String>) -> Canned {
        self.headers.push((name, value.into()));
        self
    }
}

#[derive(Default)]
struct Script {
    posts: VecDeque<Canned>,
    gets: VecDeque<Canned>,
    seen: Vec<String>,
}

/// A running scripted server.
#[derive(Clone)]
pub struct Server {
    pub url: String,
    script: Arc<Mutex<Script>>,
}

impl Server {
    pub async fn start() -> Server {
        let script = Arc::new(Mutex::new(Script::default()));
        let shared = script.clone();
        let app = axum::Router::new().fallback(move |req: axum::extract::Request| {
            let script = shared.clone();
            async move {
                let mut script = script.lock().expect("lock");
                script.seen.push(format!("{} {}", req.method(), req.uri()));
                let next = if req.method() == Method::GET {
                    script.gets.pop_front()
                } else {
                    script.posts.pop_front()
                };
                let canned = next.unwrap_or_else(|| Canned::new(599, "the script ran out"));
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

    /// Answers for the next POSTs, in order.
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
        self.script.lock().expect("lock").seen.clone()
    }
}
