//! The accept loop: HTTP/1.1 on hyper, graceful shutdown, real TCP resets on demand, and the
//! limits that keep a slow or hostile client from holding the server: a cap on open
//! connections (past it, new ones are closed at once), a time limit on reading a request's
//! headers, on a connection with nothing in progress, and on a whole request.
//!
//! axum's own `serve` always answers; a fault that must look like a dropped connection needs
//! control of the socket. Each connection's stream is wrapped so that, when a handler marks
//! its response with [`ResetConnection`], the connection is aborted and the socket closed with
//! `SO_LINGER 0`, which makes the kernel send a TCP RST.

use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::Router;
use hyper_util::rt::TokioIo;
use hyper_util::server::graceful::GracefulShutdown;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Semaphore, oneshot};
use tower::ServiceExt;

use crate::gate::ResetConnection;

/// How long open connections get to finish when the server shuts down.
const DRAIN: Duration = Duration::from_secs(5);

/// The limits of connections and requests.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ConnectionLimits {
    pub max_connections: usize,
    pub header_timeout: Duration,
    pub idle_timeout: Duration,
    pub request_timeout: Duration,
}

/// Serves `router` on `listener` until `shutdown` fires (or its sender is dropped).
/// `refused` counts connections closed at once because the cap was reached.
pub(crate) async fn run(
    listener: TcpListener,
    router: Router,
    limits: ConnectionLimits,
    refused: Arc<AtomicU64>,
    shutdown: oneshot::Receiver<()>,
) {
    let graceful = GracefulShutdown::new();
    let slots = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let mut last_accept_warning: Option<Instant> = None;
    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => match slots.clone().try_acquire_owned() {
                    Ok(slot) => {
                        let _ = stream.set_nodelay(true);
                        serve_connection(stream, router.clone(), limits, slot, &graceful);
                    }
                    Err(_) => {
                        // At the cap: closed at once, counted, not logged one by one.
                        refused.fetch_add(1, Ordering::Relaxed);
                        drop(stream);
                    }
                },
                Err(err) => {
                    // Out of file descriptors and the like: wait a little, keep serving, and
                    // say so at most once a second.
                    if last_accept_warning.is_none_or(|at| at.elapsed() >= Duration::from_secs(1)) {
                        tracing::warn!(error = %err, "accept failed");
                        last_accept_warning = Some(Instant::now());
                    }
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
            },
            _ = &mut shutdown => break,
        }
    }
    drop(listener);
    if tokio::time::timeout(DRAIN, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("connections still open after {DRAIN:?}; closing them");
    }
}

/// The reason a connection is aborted; hyper closes the connection when a service fails.
#[derive(Debug)]
struct Aborted;

impl std::fmt::Display for Aborted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection reset by fault injection")
    }
}

impl std::error::Error for Aborted {}

fn serve_connection(
    stream: TcpStream,
    router: Router,
    limits: ConnectionLimits,
    slot: tokio::sync::OwnedSemaphorePermit,
    graceful: &GracefulShutdown,
) {
    let reset = Arc::new(AtomicBool::new(false));
    let activity = Activity::new();
    let io = TokioIo::new(ResettableStream {
        inner: stream,
        reset: reset.clone(),
        activity: activity.clone(),
    });
    let in_service = activity.clone();
    let service = hyper::service::service_fn(move |req: hyper::Request<hyper::body::Incoming>| {
        let router = router.clone();
        let reset = reset.clone();
        let activity = in_service.clone();
        async move {
            activity.requests.fetch_add(1, Ordering::SeqCst);
            let answered = tokio::time::timeout(limits.request_timeout, router.oneshot(req)).await;
            activity.requests.fetch_sub(1, Ordering::SeqCst);
            activity.touch();
            let response = match answered {
                Ok(response) => response.unwrap_or_else(|never| match never {}),
                Err(_) => {
                    // Too slow a request (a body sent a byte at a time, say): dropped.
                    reset.store(true, Ordering::SeqCst);
                    return Err(Aborted);
                }
            };
            if response.extensions().get::<ResetConnection>().is_some() {
                reset.store(true, Ordering::SeqCst);
                return Err(Aborted);
            }
            Ok(response)
        }
    });
    let connection = hyper::server::conn::http1::Builder::new()
        .timer(hyper_util::rt::TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .keep_alive(true)
        .serve_connection(io, service);
    let connection = graceful.watch(connection);
    tokio::spawn(async move {
        let _slot = slot;
        tokio::pin!(connection);
        loop {
            tokio::select! {
                ended = &mut connection => {
                    if let Err(err) = ended {
                        tracing::debug!(error = %err, "connection ended");
                    }
                    break;
                }
                _ = tokio::time::sleep(limits.idle_timeout / 4) => {
                    if activity.idle_for() >= limits.idle_timeout {
                        tracing::debug!("idle connection closed");
                        break;
                    }
                }
            }
        }
    });
}

/// When a connection last read or wrote, and how many requests it has in progress.
#[derive(Clone)]
struct Activity {
    start: Instant,
    last_millis: Arc<AtomicU64>,
    requests: Arc<AtomicUsize>,
}

impl Activity {
    fn new() -> Activity {
        Activity {
            start: Instant::now(),
            last_millis: Arc::new(AtomicU64::new(0)),
            requests: Arc::new(AtomicUsize::new(0)),
        }
    }

    fn touch(&self) {
        let now = self.start.elapsed().as_millis() as u64;
        self.last_millis.store(now, Ordering::Relaxed);
    }

    /// How long nothing happened; zero while a request is in progress.
    fn idle_for(&self) -> Duration {
        if self.requests.load(Ordering::SeqCst) > 0 {
            return Duration::ZERO;
        }
        let last = Duration::from_millis(self.last_millis.load(Ordering::Relaxed));
        self.start.elapsed().saturating_sub(last)
    }
}

/// A TCP stream that, when flagged, closes with a reset instead of an orderly shutdown.
struct ResettableStream {
    inner: TcpStream,
    reset: Arc<AtomicBool>,
    activity: Activity,
}

impl Drop for ResettableStream {
    fn drop(&mut self) {
        if self.reset.load(Ordering::SeqCst) {
            let _ = socket2::SockRef::from(&self.inner).set_linger(Some(Duration::ZERO));
        }
    }
}

impl AsyncRead for ResettableStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.inner).poll_read(cx, buf);
        if buf.filled().len() > before {
            self.activity.touch();
        }
        polled
    }
}

impl AsyncWrite for ResettableStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        let polled = Pin::new(&mut self.inner).poll_write(cx, buf);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            self.activity.touch();
        }
        polled
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }
}
