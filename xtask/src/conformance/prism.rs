//! Starting and stopping Prism (and the other programs the run needs) with bounded waits: a
//! Prism that does not listen within [`LISTEN_TIMEOUT`] is a setup problem, and every process
//! started here is killed when its guard is dropped, on success, error or interruption alike.

use std::fs::File;
use std::net::{Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use super::error::SetupError;

/// How long Prism may take to open its port (Dialpad's document takes a few seconds).
pub const LISTEN_TIMEOUT: Duration = Duration::from_secs(30);

/// How often a waiting loop looks again.
const POLL: Duration = Duration::from_millis(100);

/// How Prism makes up its answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The document's examples.
    Static,
    /// Generated from the schemas (`-d`).
    Dynamic,
}

impl Mode {
    /// How the report names it.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Static => "static examples",
            Mode::Dynamic => "dynamic (-d, generated from the schemas)",
        }
    }
}

/// A child process that is killed when dropped.
pub struct Guard {
    child: Child,
    what: String,
}

impl Guard {
    /// Starts `command` with its output going to `log`.
    pub fn spawn(mut command: Command, what: &str, log: &Path) -> Result<Guard, SetupError> {
        let out =
            File::create(log).map_err(|e| SetupError::new(format!("{}: {e}", log.display())))?;
        let err = out
            .try_clone()
            .map_err(|e| SetupError::new(format!("{}: {e}", log.display())))?;
        let child = command
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .spawn()
            .map_err(|e| SetupError::new(format!("cannot start {what}: {e}")))?;
        Ok(Guard {
            child,
            what: what.to_string(),
        })
    }

    /// Whether it has exited, and how.
    pub fn exited(&mut self) -> Option<ExitStatus> {
        self.child.try_wait().ok().flatten()
    }

    /// Waits for it to exit, at most `timeout` (then it is killed and `None` returned).
    pub async fn wait(&mut self, timeout: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if let Some(status) = self.exited() {
                return Some(status);
            }
            tokio::time::sleep(POLL).await;
        }
        self.kill();
        None
    }

    fn kill(&mut self) {
        if self.exited().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        self.kill();
    }
}

impl std::fmt::Debug for Guard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} (pid {})", self.what, self.child.id())
    }
}

/// A running Prism.
#[derive(Debug)]
pub struct Prism {
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    /// Its log (stdout and stderr).
    pub log: PathBuf,
    guard: Guard,
}

impl Prism {
    /// Starts `prism mock` on a free loopback port with `document`; returns once the port
    /// accepts connections.
    pub async fn start(
        prism: &Path,
        document: &Path,
        mode: Mode,
        log: PathBuf,
    ) -> Result<Prism, SetupError> {
        let port = free_port()?;
        let mut command = Command::new(prism);
        command.args(["mock", "-h", "127.0.0.1", "-p", &port.to_string()]);
        if mode == Mode::Dynamic {
            command.arg("-d");
        }
        command.arg(document);
        let what = format!("Prism for {}", document.display());
        let mut guard = Guard::spawn(command, &what, &log)?;
        let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        let deadline = Instant::now() + LISTEN_TIMEOUT;
        loop {
            if let Some(status) = guard.exited() {
                return Err(SetupError::new(format!(
                    "{what} exited ({status}) before listening:\n{}",
                    tail(&log)
                )));
            }
            let attempt = tokio::time::timeout(POLL * 10, tokio::net::TcpStream::connect(address));
            if let Ok(Ok(_)) = attempt.await {
                break;
            }
            if Instant::now() >= deadline {
                return Err(SetupError::new(format!(
                    "{what} did not open port {port} within {} s:\n{}",
                    LISTEN_TIMEOUT.as_secs(),
                    tail(&log)
                )));
            }
            tokio::time::sleep(POLL).await;
        }
        Ok(Prism {
            url: format!("http://{address}"),
            log,
            guard,
        })
    }

    /// A setup error if Prism has stopped.
    pub fn check_running(&mut self) -> Result<(), SetupError> {
        match self.guard.exited() {
            None => Ok(()),
            Some(status) => Err(SetupError::new(format!(
                "Prism at {} exited during the run ({status}):\n{}",
                self.url,
                tail(&self.log)
            ))),
        }
    }
}

/// Prism's version (`prism --version`), within 30 s.
pub async fn version(prism: &Path, log: &Path) -> Result<String, SetupError> {
    let mut command = Command::new(prism);
    command.arg("--version");
    let mut guard = Guard::spawn(command, "prism --version", log)?;
    match guard.wait(LISTEN_TIMEOUT).await {
        Some(status) if status.success() => {
            let text = std::fs::read_to_string(log).unwrap_or_default();
            Ok(text.lines().last().unwrap_or("?").trim().to_string())
        }
        Some(status) => Err(SetupError::new(format!(
            "`{} --version` failed ({status}):\n{}",
            prism.display(),
            tail(log)
        ))),
        None => Err(SetupError::new(format!(
            "`{} --version` did not finish within {} s",
            prism.display(),
            LISTEN_TIMEOUT.as_secs()
        ))),
    }
}

/// A loopback port nothing listens on right now.
fn free_port() -> Result<u16, SetupError> {
    std::net::TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| SetupError::new(format!("no free loopback port: {e}")))
}

/// The last lines of a log.
pub fn tail(log: &Path) -> String {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(15)..].join("\n")
}
