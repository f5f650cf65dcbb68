//! The command line, as clap reads it: the commands, their flags, and the flags every command
//! shares. [`crate::parse`] shapes it into what the binary parses and shows.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXAMPLES: &str = "\
Examples:
  telephony --mock apply sites.yaml          try a manifest against the built-in mock
  telephony validate sites.yaml office.json  check files; nothing is sent
  telephony plan sites.yaml --show-bodies    what apply would create, with the exact bodies
  telephony apply sites.yaml                 create what is missing (DIALPAD_API_TOKEN,
                                             WEBEX_ACCESS_TOKEN from the environment)
  telephony export > sites.yaml              a manifest of what exists (both vendors)
  telephony schema > manifest.schema.json    a JSON Schema for editors
  telephony completions bash                 a completion script (also zsh, fish, powershell)

Exit codes: 0 everything is present (or valid), 1 invalid input, 2 usage or configuration
error, 3 some items failed or remain unknown (or the run was interrupted).";

/// Provision Dialpad offices and Webex Calling operating modes from a manifest: validated
/// first, idempotent, resumable, exactly once.
#[derive(Debug, Parser)]
#[command(name = "telephony", after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[command(flatten)]
    pub global: Global,
}

/// The heading of the flags that set up the vendors' clients.
const VENDOR_OPTIONS: &str = "Vendor options";

/// Options read before the command or after it. `--output` and `-v` belong to every command;
/// the vendor options ([`VENDOR_FLAGS`]) only to those that send requests, and are shown only
/// there.
#[derive(Debug, Args)]
pub struct Global {
    /// Start the built-in mock server in this process and use it for both vendors (no
    /// credentials needed; nothing leaves this machine).
    #[arg(long, global = true, help_heading = VENDOR_OPTIONS)]
    pub mock: bool,
    /// Output format.
    #[arg(long, global = true, value_enum, default_value_t = Output::Text, env = "TELEPHONY_OUTPUT")]
    pub output: Output,
    /// More log lines on stderr (-v: each request, -vv: debug).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Read the Dialpad API key from this file instead of DIALPAD_API_TOKEN.
    #[arg(long, global = true, value_name = "PATH", help_heading = VENDOR_OPTIONS)]
    pub dialpad_token_file: Option<PathBuf>,
    /// Read the Webex access token from this file instead of WEBEX_ACCESS_TOKEN.
    #[arg(long, global = true, value_name = "PATH", help_heading = VENDOR_OPTIONS)]
    pub webex_token_file: Option<PathBuf>,
    /// Dialpad pacing: COUNT/s or COUNT/min (default: the documented 1200/min), `adaptive`, or
    /// `off`.
    #[arg(
        long,
        global = true,
        value_name = "RATE",
        env = "TELEPHONY_DIALPAD_RATE",
        help_heading = VENDOR_OPTIONS
    )]
    pub dialpad_rate: Option<String>,
    /// Webex pacing: COUNT/s, COUNT/min, `adaptive` (the default: found from Webex's 429s), or
    /// `off`.
    #[arg(long, global = true, value_name = "RATE", env = "TELEPHONY_WEBEX_RATE", help_heading = VENDOR_OPTIONS)]
    pub webex_rate: Option<String>,
    /// Seconds to wait after a create's outcome is unknown before reading back what exists
    /// (default 10: a vendor may commit a create after its gateway gave up).
    #[arg(long, global = true, value_name = "SECONDS", value_parser = seconds, env = "TELEPHONY_SETTLE_DELAY", help_heading = VENDOR_OPTIONS)]
    pub settle_delay: Option<std::time::Duration>,
    /// Seconds one read (a listing page or a get) may spend waiting for answers over all its
    /// attempts (default 40): a vendor that accepts requests and never answers fails within it.
    #[arg(long, global = true, value_name = "SECONDS", value_parser = seconds, env = "TELEPHONY_TIMEOUT", help_heading = VENDOR_OPTIONS)]
    pub timeout: Option<std::time::Duration>,
}

/// The ids of the vendor options: each is read by plan, apply and the single creates
/// ([`USES_VENDORS`]), and only there.
pub const VENDOR_FLAGS: [&str; 7] = [
    "mock",
    "dialpad_token_file",
    "webex_token_file",
    "dialpad_rate",
    "webex_rate",
    "settle_delay",
    "timeout",
];

/// The commands that read the vendor options, as paths of command names.
pub const USES_VENDORS: [&[&str]; 5] = [
    &["plan"],
    &["apply"],
    &["export"],
    &["dialpad", "create-office"],
    &["webex", "create-operating-mode"],
];

fn seconds(text: &str) -> Result<std::time::Duration, String> {
    text.parse::<f64>()
        .ok()
        .filter(|s| s.is_finite() && (0.0..=3600.0).contains(s))
        .map(std::time::Duration::from_secs_f64)
        .ok_or_else(|| format!("`{text}` is not a number of seconds from 0 to 3600"))
}

/// How results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Output {
    /// Tables and lines for people.
    Text,
    /// JSON for programs.
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check request bodies and manifests (YAML or JSON): every problem with its file, line,
    /// column and JSON path. Sends nothing.
    Validate {
        /// Files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Show what `apply` would do: create (+), update field by field (~), what the vendor's API
    /// cannot change (!), delete (-, with --prune), and what the manifest does not name (?).
    /// Sends only reads. Exit 0: nothing to do; 4: changes pending.
    Plan {
        /// The manifest.
        manifest: PathBuf,
        /// Print the exact body of each request that would be sent.
        #[arg(long)]
        show_bodies: bool,
        /// Plan to delete the Webex operating modes of the manifest's scopes that it does not
        /// name.
        #[arg(long)]
        prune: bool,
    },
    /// Make the vendors match the manifest: create what is missing, update what differs where
    /// the vendor's API allows (and say what it cannot change), delete with --prune. A second
    /// run does nothing. Every outcome goes to a journal.
    Apply {
        /// The manifest.
        manifest: PathBuf,
        /// Plan only: read what exists, change nothing.
        #[arg(long)]
        dry_run: bool,
        /// Print the exact body of each request (with --dry-run).
        #[arg(long)]
        show_bodies: bool,
        /// Also delete the Webex operating modes of the manifest's scopes that it does not name
        /// (never Dialpad offices); asks first on a terminal, needs --yes otherwise.
        #[arg(long)]
        prune: bool,
        /// Delete without asking (with --prune).
        #[arg(long, requires = "prune")]
        yes: bool,
        /// The journal (JSON lines; default: MANIFEST with `.journal.jsonl` in place of its
        /// extension; with --mock, a file in the temporary directory).
        #[arg(long, value_name = "PATH", env = "TELEPHONY_JOURNAL")]
        journal: Option<PathBuf>,
        /// Most actions in flight at once, per vendor: the Dialpad items and the Webex items run
        /// at the same time, each vendor with up to this many in flight and its own pacing
        /// (--dialpad-rate, --webex-rate).
        #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=64), env = "TELEPHONY_CONCURRENCY")]
        concurrency: u16,
    },
    /// Print a manifest of what exists, of which `plan` finds nothing to do. Sends only reads.
    ///
    /// Every Dialpad office but the primary one, and the Webex operating modes of the
    /// organization (or of some locations, or of the organization level), as YAML with a
    /// header saying what was exported and when (JSON with --output json). Identical hours are
    /// grouped into named schedules; what no schedule says exactly keeps the vendor's fields.
    /// Dialpad does not report the billing fields a create requires: they are not exported.
    Export {
        /// Only this vendor (default: both).
        #[arg(long, value_enum)]
        vendor: Option<ExportVendor>,
        /// The Webex organization (default: the token's).
        #[arg(long, value_name = "ORG")]
        org_id: Option<String>,
        /// Only the Webex operating modes of this location (repeatable; with
        /// --organization-level, those too).
        #[arg(long = "location", value_name = "ID")]
        locations: Vec<String>,
        /// Only the Webex operating modes defined at the organization level (with --location,
        /// those of the locations too).
        #[arg(long)]
        organization_level: bool,
    },
    /// Dialpad commands.
    #[command(subcommand)]
    Dialpad(DialpadCommand),
    /// Webex Calling commands.
    #[command(subcommand)]
    Webex(WebexCommand),
    /// Print the manifest's JSON Schema (for editors).
    Schema,
    /// Print a shell's completion script.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: Shell,
    },
}

/// The vendor `telephony export` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportVendor {
    /// Dialpad offices only.
    Dialpad,
    /// Webex operating modes only.
    Webex,
}

/// A shell that `telephony completions` writes a script for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
}

impl Shell {
    /// Every shell, in a fixed order.
    pub const ALL: [Shell; 4] = [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::Powershell];
}

#[derive(Debug, Subcommand)]
pub enum DialpadCommand {
    /// Create one office from a create-office body (YAML or JSON), exactly once.
    CreateOffice {
        /// The body.
        file: PathBuf,
        /// Record the outcome in this journal (JSON lines, appended) before it is read back
        /// (default: FILE with `.journal.jsonl`; none with --mock).
        #[arg(long, value_name = "PATH", env = "TELEPHONY_JOURNAL")]
        journal: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum WebexCommand {
    /// Create one operating mode from a create body (YAML or JSON), exactly once.
    CreateOperatingMode {
        /// The body.
        file: PathBuf,
        /// Organization to create it in (default: the token's).
        #[arg(long)]
        org_id: Option<String>,
        /// Record the outcome in this journal (JSON lines, appended) before it is read back
        /// (default: FILE with `.journal.jsonl`; none with --mock).
        #[arg(long, value_name = "PATH", env = "TELEPHONY_JOURNAL")]
        journal: Option<PathBuf>,
    },
}
