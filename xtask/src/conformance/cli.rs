//! The real `telephony` command against both Prisms at once: `plan` and `apply` of the
//! example manifest, through the proxies, as a user would run them. Prism keeps no state, so
//! their exit codes say little (nothing created is ever found again); what counts is that
//! every answer decodes and every request conforms.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use super::error::SetupError;
use super::operations::{Row, Tally, decode_field};
use super::prism::{Guard, tail};
use super::proxy::Proxy;

/// How long building the command may take (it may wait for the cargo lock).
const BUILD_TIMEOUT: Duration = Duration::from_secs(30 * 60);

/// How long one command may run.
const RUN_TIMEOUT: Duration = Duration::from_secs(180);

/// The example manifest.
pub const MANIFEST: &str = "crates/telephony-cli/examples/sites.yaml";

/// Builds `telephony` (`cargo build -p telephony-cli`) and returns its path.
pub async fn build(root: &Path, logs: &Path) -> Result<PathBuf, SetupError> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command.current_dir(root).args([
        "build",
        "--quiet",
        "-p",
        "telephony-cli",
        "--bin",
        "telephony",
    ]);
    let log = logs.join("cargo-build.log");
    let mut guard = Guard::spawn(command, "cargo build -p telephony-cli", &log)?;
    match guard.wait(BUILD_TIMEOUT).await {
        Some(status) if status.success() => {}
        Some(status) => {
            return Err(SetupError::new(format!(
                "`cargo build -p telephony-cli` failed ({status}):\n{}",
                tail(&log)
            )));
        }
        None => {
            return Err(SetupError::new(format!(
                "`cargo build -p telephony-cli` did not finish within {} min",
                BUILD_TIMEOUT.as_secs() / 60
            )));
        }
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|t| if t.is_absolute() { t } else { root.join(t) })
        .unwrap_or_else(|| root.join("target"));
    let binary = target.join("debug").join("telephony");
    if !binary.is_file() {
        return Err(SetupError::new(format!(
            "{} was not built",
            binary.display()
        )));
    }
    Ok(binary)
}

/// One run of the command.
#[derive(Debug)]
pub struct CliRun {
    /// The command line shown (`telephony plan sites.yaml`).
    pub command: String,
    /// Its exit code, or why it has none.
    pub exit: String,
    /// What it printed (stdout and stderr).
    pub output: String,
    /// Its calls and requests, as a row of the report.
    pub row: Row,
}

/// Runs `telephony plan` then `telephony apply` of the example manifest, then of the same
/// manifest without its organization-level modes. Listing a whole organization's modes leaves
/// out `limitToLocationId`, which the vendor's document marks required (a recorded decision),
/// so Prism refuses that listing and the command stops before creating anything; without the
/// organization-level modes every listing is by location, and the creates the command sends
/// reach Prism too.
pub async fn plan_and_apply(
    root: &Path,
    binary: &Path,
    dialpad: &Proxy,
    webex: &Proxy,
    logs: &Path,
) -> Result<Vec<CliRun>, SetupError> {
    let located = location_level_only(root, logs)?;
    let mut runs = Vec::new();
    for (manifest, shown) in [
        (root.join(MANIFEST), MANIFEST.to_string()),
        (located, format!("{MANIFEST} (location-level modes only)")),
    ] {
        let manifest = manifest.to_string_lossy().into_owned();
        let journal = logs.join(format!("journal-{}.jsonl", runs.len()));
        let journal = journal.to_string_lossy().into_owned();
        for args in [
            vec!["plan", manifest.as_str()],
            vec!["apply", manifest.as_str(), "--journal", journal.as_str()],
        ] {
            runs.push(run(binary, &args, &shown, dialpad, webex, logs).await?);
        }
    }
    Ok(runs)
}

/// The example manifest without its organization-level Webex modes, as JSON in `logs`.
fn location_level_only(root: &Path, logs: &Path) -> Result<PathBuf, SetupError> {
    let text = std::fs::read_to_string(root.join(MANIFEST))
        .map_err(|e| SetupError::new(format!("cannot read {MANIFEST}: {e}")))?;
    let mut manifest: serde_json::Value = serde_saphyr::from_str(&text)
        .map_err(|e| SetupError::new(format!("cannot read {MANIFEST}: {e}")))?;
    if let Some(modes) = manifest
        .pointer_mut("/webex/operating_modes")
        .and_then(serde_json::Value::as_array_mut)
    {
        modes.retain(|mode| mode["level"] != "ORGANIZATION");
    }
    let path = logs.join("sites-location-level.json");
    std::fs::write(&path, manifest.to_string())
        .map_err(|e| SetupError::new(format!("cannot write {}: {e}", path.display())))?;
    Ok(path)
}

async fn run(
    binary: &Path,
    args: &[&str],
    manifest: &str,
    dialpad: &Proxy,
    webex: &Proxy,
    logs: &Path,
) -> Result<CliRun, SetupError> {
    let mut command = Command::new(binary);
    command
        .args(args)
        .args([
            "--settle-delay",
            "0",
            "--dialpad-rate",
            "off",
            "--webex-rate",
            "off",
        ])
        .env("DIALPAD_API_TOKEN", "conformance-token")
        .env("WEBEX_ACCESS_TOKEN", "conformance-token")
        .env("DIALPAD_BASE_URL", &dialpad.url)
        // Prism serves the document's paths as written, without Webex's `/v1`.
        .env("WEBEX_BASE_URL", &webex.url)
        .env("TELEPHONY_OUTPUT", "text")
        .env_remove("DIALPAD_SANDBOX")
        .env_remove("TELEPHONY_JOURNAL");
    let log = logs.join(format!("telephony-{}-{}.log", args[0], dialpad.len()));
    let shown = format!("telephony {} {manifest}", args[0]);
    let (from_dialpad, from_webex) = (dialpad.len(), webex.len());
    let mut guard = Guard::spawn(command, &shown, &log)?;
    let exit = match guard.wait(RUN_TIMEOUT).await {
        Some(status) => status
            .code()
            .map_or_else(|| status.to_string(), |c| format!("exit {c}")),
        None => format!("killed after {} s", RUN_TIMEOUT.as_secs()),
    };
    let output = std::fs::read_to_string(&log).unwrap_or_default();
    let mut decode_failures = BTreeMap::new();
    for line in output
        .lines()
        .filter(|l| l.contains("could not be decoded"))
    {
        *decode_failures.entry(decode_field(line)).or_default() += 1;
    }
    let mut exchanges = dialpad.since(from_dialpad);
    exchanges.extend(webex.since(from_webex));
    let tally = Tally {
        decoded: 0,
        decode_failures,
        errors: BTreeMap::new(),
    };
    Ok(CliRun {
        command: shown.clone(),
        exit,
        output,
        row: Row {
            label: shown,
            tally,
            exchanges,
        },
    })
}
