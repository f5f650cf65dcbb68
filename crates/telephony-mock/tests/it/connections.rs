//! Slow and idle clients cannot hold the server: header, idle and whole-request time limits
//! close their connections, and past the connection cap new connections are closed at once and
//! counted, while normal requests go on being answered.

use std::time::{Duration, Instant};

use telephony_fixtures::bodies::spec_office;
use telephony_fixtures::mock::{post_office, sent, start, to, unlimited};
use telephony_mock::{MockConfig, MockHandle};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

fn limited() -> MockConfig {
    MockConfig {
        header_timeout: Duration::from_secs(1),
        idle_timeout: Duration::from_secs(1),
        request_timeout: Duration::from_secs(1),
        ..unlimited()
    }
}

/// A connection to `mock` that has sent `bytes`.
async fn sending(mock: &MockHandle, bytes: &[u8]) -> TcpStream {
    let mut stream = TcpStream::connect(mock.addr()).await.expect("connect");
    stream.write_all(bytes).await.expect("write");
    stream
}

/// Waits until the server closes the connection; how long that took.
async fn closed_within(stream: &mut TcpStream, limit: Duration) -> Option<Duration> {
    let started = Instant::now();
    let mut buf = [0u8; 1024];
    loop {
        match tokio::time::timeout(
            limit.saturating_sub(started.elapsed()),
            stream.read(&mut buf),
        )
        .await
        {
            Err(_) => return None,
            Ok(Ok(0)) | Ok(Err(_)) => return Some(started.elapsed()),
            Ok(Ok(_)) => continue,
        }
    }
}

#[tokio::test]
async fn half_sent_headers_are_cut_off_by_the_header_timeout() {
    let mock = start(limited()).await;
    let mut stream = sending(&mock, b"GET /api/v2/offices HTTP/1.1\r\nHost: mock\r\n").await;
    let closed = closed_within(&mut stream, Duration::from_secs(5)).await;
    assert!(closed.is_some(), "still open after 5 s");
}

#[tokio::test]
async fn an_idle_keep_alive_connection_is_closed() {
    let mock = start(MockConfig {
        header_timeout: Duration::from_secs(30),
        ..limited()
    })
    .await;
    let mut stream = sending(&mock, b"GET /_mock/stats HTTP/1.1\r\nHost: mock\r\n\r\n").await;
    let mut buf = [0u8; 4096];
    let read = stream.read(&mut buf).await.expect("answer");
    assert!(String::from_utf8_lossy(&buf[..read]).starts_with("HTTP/1.1 200"));
    let closed = closed_within(&mut stream, Duration::from_secs(5)).await;
    assert!(
        closed.is_some(),
        "an idle connection was kept past the idle timeout"
    );
}

#[tokio::test]
async fn a_body_sent_too_slowly_is_cut_off_by_the_request_timeout() {
    let mock = start(limited()).await;
    let mut stream = sending(
        &mock,
        b"POST /api/v2/offices HTTP/1.1\r\nHost: mock\r\nAuthorization: Bearer k\r\n\
              Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{",
    )
    .await;
    let closed = closed_within(&mut stream, Duration::from_secs(5)).await;
    assert!(closed.is_some(), "a trickled body held the connection");
}

#[tokio::test]
async fn past_the_connection_cap_new_connections_are_closed_and_counted() {
    let mock = start(MockConfig {
        max_connections: 8,
        header_timeout: Duration::from_secs(2),
        ..limited()
    })
    .await;
    let mut slow = Vec::new();
    for _ in 0..8 {
        slow.push(sending(&mock, b"GET / HTTP/1.1\r\n").await);
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    let mut refused = TcpStream::connect(mock.addr()).await.expect("connect");
    let closed = closed_within(&mut refused, Duration::from_secs(1)).await;
    assert!(closed.is_some(), "the ninth connection was closed at once");
    assert_eq!(mock.stats()["refused_connections"], 1);
    // The slow ones are cut off by the header timeout; then requests are answered again.
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let answer = sent(to(&mock, reqwest::Method::GET, "/_mock/stats")).await;
    assert_eq!(answer.status(), 200);
}

#[tokio::test]
async fn normal_requests_are_answered_while_many_slow_connections_are_held() {
    let mock = start(unlimited()).await;
    let mut slow = Vec::new();
    for _ in 0..300 {
        slow.push(sending(&mock, b"GET / HTTP/1.1\r\n").await);
    }
    for _ in 0..20 {
        let answer = post_office(&mock, &spec_office()).await;
        assert_eq!(answer.status(), 200);
    }
    assert_eq!(mock.stats()["refused_connections"], 0);
}
