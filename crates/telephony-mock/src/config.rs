//! What a mock server is told to do: credentials, rate limits, faults, limits.
//!
//! Rates and faults have a text form used by the command line (`100/s`, `503:2@0.1`), parsed
//! here so that a bad flag is a clear error naming the flag's value.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

/// Configuration of a [`MockServer`](crate::MockServer).
///
/// ```
/// use telephony_mock::{MockConfig, RateLimit};
///
/// let config = MockConfig {
///     token: Some("secret".into()),
///     dialpad_rate: Some("100/s".parse::<RateLimit>().unwrap()),
///     ..MockConfig::default()
/// };
/// assert_eq!(config.listen.port(), 0);
/// ```
#[derive(Debug, Clone)]
pub struct MockConfig {
    /// Address to listen on; port 0 picks a free port.
    pub listen: std::net::SocketAddr,
    /// When set, only this token is accepted; otherwise any non-empty token is.
    pub token: Option<String>,
    /// Rate limit of each Dialpad operation (each has its own bucket, as documented);
    /// `None` is unlimited.
    pub dialpad_rate: Option<RateLimit>,
    /// Rate limit of each Webex operation (each its own bucket); `None` is unlimited.
    pub webex_rate: Option<RateLimit>,
    /// Faults injected at random (seeded) into every vendor operation, reads included.
    pub faults: Vec<FaultChance>,
    /// Seed of the fault draws and of generated identifiers (the same seed gives the same ids;
    /// the binary draws one at random unless `--seed` is given).
    pub seed: u64,
    /// Largest request body accepted, in bytes.
    pub body_limit: usize,
    /// Most operating modes per organization or location; `None` takes the spec's value.
    pub max_modes_per_scope: Option<usize>,
    /// Offices per page of Dialpad's `GET /api/v2/offices` (Dialpad documents none; 100).
    pub dialpad_page_size: usize,
    /// Most offices kept, and most operating modes kept (default 20,000 each); past it a
    /// create is refused with 409 until the state is reset.
    pub max_resources: usize,
    /// Most bytes of bodies kept, received and answered (default 64 MiB); past it a create
    /// is refused with 409 until the state is reset.
    pub max_stored_bytes: usize,
    /// Most connections open at once (default 512); past it, a new connection is closed at
    /// once. Keep it below the process's file-descriptor limit.
    pub max_connections: usize,
    /// Time to receive a request's headers, and the longest wait for the next request on an
    /// open connection (default 10 s).
    pub header_timeout: Duration,
    /// Time a connection may stay open with no request in progress and nothing read or
    /// written (default 60 s).
    pub idle_timeout: Duration,
    /// Time to read a whole request and answer it (default 60 s, above the longest latency
    /// fault the tests use); past it the connection is dropped.
    pub request_timeout: Duration,
    /// How Dialpad answers write their integers (ids, `ring_seconds`, line counts): as decimal
    /// strings by default, as every example of Dialpad's published document does, or as JSON
    /// numbers, as its schema declares. A client must read both.
    pub dialpad_integers: IntegerForm,
}

/// How a mock's Dialpad answers write integers; see [`MockConfig::dialpad_integers`].
///
/// ```
/// use telephony_mock::IntegerForm;
///
/// assert_eq!("numbers".parse::<IntegerForm>(), Ok(IntegerForm::Numbers));
/// assert_eq!(IntegerForm::default(), IntegerForm::Strings);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum IntegerForm {
    /// `"id": "124"`, as the vendor's examples write them.
    #[default]
    Strings,
    /// `"id": 124`, as the vendor's schema declares them.
    Numbers,
}

impl FromStr for IntegerForm {
    type Err = FlagError;

    fn from_str(text: &str) -> Result<IntegerForm, FlagError> {
        match text {
            "strings" => Ok(IntegerForm::Strings),
            "numbers" => Ok(IntegerForm::Numbers),
            other => Err(FlagError::IntegerForm(other.to_string())),
        }
    }
}

impl Default for MockConfig {
    /// Loopback on a free port, any token, Dialpad limited as documented (1200 per minute, read
    /// from the spec), Webex unlimited, no faults, 1 MiB bodies, Dialpad integers written as
    /// strings.
    fn default() -> Self {
        MockConfig {
            listen: std::net::SocketAddr::from(([127, 0, 0, 1], 0)),
            token: None,
            dialpad_rate: Some(RateLimit::dialpad_documented()),
            webex_rate: None,
            faults: Vec::new(),
            seed: 0,
            body_limit: 1024 * 1024,
            max_modes_per_scope: None,
            dialpad_page_size: 100,
            max_resources: 20_000,
            max_stored_bytes: 64 * 1024 * 1024,
            max_connections: 512,
            header_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(60),
            request_timeout: Duration::from_secs(60),
            dialpad_integers: IntegerForm::Strings,
        }
    }
}

/// A rate: `count` requests per `per`, as a token bucket that holds `count` requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    /// Requests allowed per period (also the burst size).
    pub count: u32,
    /// The period.
    pub per: Duration,
}

impl RateLimit {
    /// Dialpad's documented limit for creating offices, from `x-telephony-rate-limit`.
    pub fn dialpad_documented() -> RateLimit {
        let (count, seconds) = telephony_spec::validate::Validator::dialpad()
            .rate_limit("create_office")
            .unwrap_or((1, 1));
        RateLimit {
            count,
            per: Duration::from_secs(seconds),
        }
    }
}

/// Why a rate or fault flag could not be read.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum FlagError {
    /// A rate is not `N/s`, `N/min`, `N/h` (or `off`).
    #[error("rate `{0}`: expected COUNT/UNIT such as 100/s, 1200/min or 5000/h, or `off`")]
    Rate(String),
    /// A fault is not one of the known forms.
    #[error(
        "fault `{0}`: expected STATUS[:RETRY_AFTER] (STATUS one of 423, 429, 500, 502, 503, 504), \
         reset-before, reset-after, latency=MSms, late-commit=MSms[:reset], no-id or \
         undecodable, followed by @PROBABILITY (0 to 1) in a plan"
    )]
    Fault(String),
    /// An integer form is not `strings` or `numbers`.
    #[error("integer form `{0}`: expected `strings` or `numbers`")]
    IntegerForm(String),
    /// The chances of a fault plan add up to more than 1.
    #[error("the fault chances add up to {0}, more than 1")]
    TooLikely(f64),
}

/// Parses `off` as no limit, anything else as a [`RateLimit`].
pub fn parse_rate_flag(text: &str) -> Result<Option<RateLimit>, FlagError> {
    if text.eq_ignore_ascii_case("off") {
        return Ok(None);
    }
    text.parse().map(Some)
}

impl FromStr for RateLimit {
    type Err = FlagError;

    fn from_str(text: &str) -> Result<RateLimit, FlagError> {
        let bad = || FlagError::Rate(text.to_string());
        let (count, unit) = text.trim().split_once('/').ok_or_else(bad)?;
        let count: u32 = count.trim().parse().map_err(|_| bad())?;
        let per = match unit.trim() {
            "s" | "sec" | "second" => Duration::from_secs(1),
            "m" | "min" | "minute" => Duration::from_secs(60),
            "h" | "hour" => Duration::from_secs(3600),
            _ => return Err(bad()),
        };
        if count == 0 {
            return Err(bad());
        }
        Ok(RateLimit { count, per })
    }
}

impl fmt::Display for RateLimit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.per.as_secs() {
            1 => write!(f, "{}/s", self.count),
            60 => write!(f, "{}/min", self.count),
            3600 => write!(f, "{}/h", self.count),
            secs => write!(f, "{}/{secs}s", self.count),
        }
    }
}

/// A fault the mock can inject into a vendor operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Fault {
    /// Answer with this status (423, 429, 500, 502, 503 or 504) without processing the
    /// request; with `Retry-After: N` when `retry_after` is set.
    Status {
        /// The HTTP status.
        status: u16,
        /// Seconds for the `Retry-After` header, if any.
        retry_after: Option<u64>,
    },
    /// Wait this long, then process the request normally.
    Latency {
        /// The added delay in milliseconds.
        millis: u64,
    },
    /// Drop the connection (TCP reset) without processing the request.
    ResetBefore,
    /// Process the request (the resource is created), then drop the connection instead of
    /// answering: the ambiguous case a client must not turn into a duplicate.
    ResetAfter,
    /// Answer 504 at once (or, with `reset`, drop the connection) and process the request only
    /// `millis` later: a backend that commits after its gateway gave up. A client that reads
    /// back before then finds nothing.
    LateCommit {
        /// How long after the answer the request is processed, in milliseconds.
        millis: u64,
        /// Drop the connection instead of answering 504.
        reset: bool,
    },
    /// Process a create (the resource is created), then answer success without a usable id:
    /// Dialpad `200 {}`, Webex `201 {"id": ""}`. A read it hits is answered normally.
    NoId,
    /// Process a create (the resource is created), then answer success with a body that does
    /// not decode: Dialpad `200 {"office": {"id": "x"}}`, Webex `201 {"id": 5}`. A read it hits
    /// is answered normally.
    Undecodable,
}

const FAULT_STATUSES: [u16; 6] = [423, 429, 500, 502, 503, 504];

impl FromStr for Fault {
    type Err = FlagError;

    fn from_str(text: &str) -> Result<Fault, FlagError> {
        let bad = || FlagError::Fault(text.to_string());
        let text = text.trim();
        match text {
            "reset-before" => return Ok(Fault::ResetBefore),
            "reset-after" => return Ok(Fault::ResetAfter),
            "no-id" => return Ok(Fault::NoId),
            "undecodable" => return Ok(Fault::Undecodable),
            _ => {}
        }
        if let Some(rest) = text.strip_prefix("late-commit=") {
            let (delay, reset) = match rest.split_once(':') {
                Some((delay, "reset")) => (delay, true),
                Some(_) => return Err(bad()),
                None => (rest, false),
            };
            let millis = delay
                .strip_suffix("ms")
                .unwrap_or(delay)
                .parse()
                .map_err(|_| bad())?;
            return Ok(Fault::LateCommit { millis, reset });
        }
        if let Some(ms) = text.strip_prefix("latency=") {
            let millis = ms
                .strip_suffix("ms")
                .unwrap_or(ms)
                .parse()
                .map_err(|_| bad())?;
            return Ok(Fault::Latency { millis });
        }
        let (status, retry_after) = match text.split_once(':') {
            Some((status, secs)) => (status, Some(secs.parse().map_err(|_| bad())?)),
            None => (text, None),
        };
        let status: u16 = status.parse().map_err(|_| bad())?;
        if !FAULT_STATUSES.contains(&status) {
            return Err(bad());
        }
        Ok(Fault::Status {
            status,
            retry_after,
        })
    }
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fault::Status {
                status,
                retry_after: Some(secs),
            } => write!(f, "{status}:{secs}"),
            Fault::Status { status, .. } => write!(f, "{status}"),
            Fault::Latency { millis } => write!(f, "latency={millis}ms"),
            Fault::ResetBefore => f.write_str("reset-before"),
            Fault::ResetAfter => f.write_str("reset-after"),
            Fault::NoId => f.write_str("no-id"),
            Fault::Undecodable => f.write_str("undecodable"),
            Fault::LateCommit {
                millis,
                reset: false,
            } => write!(f, "late-commit={millis}ms"),
            Fault::LateCommit {
                millis,
                reset: true,
            } => write!(f, "late-commit={millis}ms:reset"),
        }
    }
}

/// A fault and the chance (0 to 1) that it hits a request.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FaultChance {
    /// The fault.
    pub fault: Fault,
    /// Probability per request.
    pub chance: f64,
}

/// Parses a plan such as `503:2@0.1,reset-after@0.01,latency=50ms@0.2` (an empty text is no
/// faults). At most one fault hits a request, so the chances may add up to 1 at most.
pub fn parse_fault_plan(text: &str) -> Result<Vec<FaultChance>, FlagError> {
    let mut plan = Vec::new();
    for entry in text.split(',').map(str::trim).filter(|e| !e.is_empty()) {
        let (fault, chance) = entry
            .rsplit_once('@')
            .ok_or_else(|| FlagError::Fault(entry.to_string()))?;
        let chance: f64 = chance
            .parse()
            .ok()
            .filter(|c: &f64| (0.0..=1.0).contains(c))
            .ok_or_else(|| FlagError::Fault(entry.to_string()))?;
        plan.push(FaultChance {
            fault: fault.parse()?,
            chance,
        });
    }
    let total: f64 = plan.iter().map(|f| f.chance).sum();
    if total > 1.0 + 1e-9 {
        return Err(FlagError::TooLikely(total));
    }
    Ok(plan)
}
