//! The clients a command needs: from the environment (or token files), or pointed at the
//! built-in mock started in this process with `--mock`.

use std::path::Path;

use telephony::{DialpadClient, Rate, RetryPolicy, Settings, Token, WebexClient};
use telephony_mock::{MockConfig, MockHandle, MockServer};

use crate::Stop;
use crate::cli::Global;
use crate::prepare::Item;
use crate::run::Clients;

/// Builds a client for each vendor that `items` name. With `--mock`, also the running mock
/// (kept alive by the caller for as long as the clients are used).
pub async fn build(global: &Global, items: &[Item]) -> Result<(Clients, Option<MockHandle>), Stop> {
    let needs = |vendor: &str| items.iter().any(|i| i.vendor() == vendor);
    let config = |e: telephony::Error| Stop::Config(e.to_string());
    let mut clients = Clients::default();
    let mock = if global.mock {
        let mock = MockServer::start(MockConfig::default())
            .await
            .map_err(|e| Stop::Config(e.to_string()))?;
        eprintln!(
            "using the built-in mock server at {} (no credentials needed; nothing leaves this machine)",
            mock.base_url()
        );
        Some(mock)
    } else {
        None
    };
    if needs("dialpad") {
        let settings = match &mock {
            Some(mock) => Settings::dialpad(demo_token()?).base_url(mock.dialpad_url()),
            None => {
                let file = token_file(global.dialpad_token_file.as_deref())?;
                Settings::dialpad_from(|name| match (name, &file) {
                    ("DIALPAD_API_TOKEN", Some(token)) => Some(token.clone()),
                    _ => std::env::var(name).ok(),
                })
                .map_err(|e| Stop::Config(e.to_string()))?
            }
        };
        let settings = settings.retry(policy(global));
        let settings = match rate(global.dialpad_rate.as_deref(), "--dialpad-rate")? {
            Some(rate) => settings.rate(rate),
            None => settings,
        };
        clients.dialpad = Some(DialpadClient::new(settings).map_err(config)?);
    }
    if needs("webex") {
        let settings = match &mock {
            Some(mock) => Settings::webex(demo_token()?).base_url(mock.webex_url()),
            None => {
                let file = token_file(global.webex_token_file.as_deref())?;
                Settings::webex_from(|name| match (name, &file) {
                    ("WEBEX_ACCESS_TOKEN", Some(token)) => Some(token.clone()),
                    _ => std::env::var(name).ok(),
                })
                .map_err(|e| Stop::Config(e.to_string()))?
            }
        };
        let settings = settings.retry(policy(global));
        let settings = match rate(global.webex_rate.as_deref(), "--webex-rate")? {
            Some(rate) => settings.rate(rate),
            None => settings,
        };
        clients.webex = Some(WebexClient::new(settings).map_err(config)?);
    }
    Ok((clients, mock))
}

fn policy(global: &Global) -> RetryPolicy {
    let policy = RetryPolicy::default();
    match global.settle_delay {
        Some(delay) => policy.settle_delay(delay),
        None => policy,
    }
}

fn demo_token() -> Result<Token, Stop> {
    Token::new("mock-token").map_err(|e| Stop::Config(e.to_string()))
}

/// A token read from a file (surrounding white space removed); its content is never shown.
fn token_file(path: Option<&Path>) -> Result<Option<String>, Stop> {
    let Some(path) = path else {
        return Ok(None);
    };
    let text = std::fs::read_to_string(path)
        .map_err(|e| Stop::Config(format!("token file {}: {e}", path.display())))?;
    let token = text.trim().to_string();
    Token::new(token.clone()).map_err(|_| {
        Stop::Config(format!(
            "token file {}: empty or contains white space",
            path.display()
        ))
    })?;
    Ok(Some(token))
}

/// `COUNT/s`, `COUNT/min` or `off`; `None` keeps the client's default.
fn rate(text: Option<&str>, flag: &str) -> Result<Option<Option<Rate>>, Stop> {
    let Some(text) = text.map(str::trim) else {
        return Ok(None);
    };
    if text.eq_ignore_ascii_case("off") {
        return Ok(Some(None));
    }
    let bad = || {
        Stop::Config(format!(
            "{flag} `{text}`: expected COUNT/s, COUNT/min or off"
        ))
    };
    let (count, unit) = text.split_once('/').ok_or_else(bad)?;
    let count: u32 = count
        .trim()
        .parse()
        .ok()
        .filter(|c| *c > 0)
        .ok_or_else(bad)?;
    match unit.trim() {
        "s" => Ok(Some(Some(Rate::per_second(count)))),
        "min" => Ok(Some(Some(Rate::per_minute(count)))),
        _ => Err(bad()),
    }
}
