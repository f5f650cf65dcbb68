//! The `telephony` command as the CLI's tests and bench run it: with nothing inherited from the
//! environment, pointed at a mock, on a manifest of as many items as they ask for.

use std::ffi::OsStr;
use std::process::Command;

use telephony_mock::MockHandle;

/// Every variable the command reads: none of them is inherited.
const READ_FROM_THE_ENVIRONMENT: [&str; 13] = [
    "DIALPAD_API_TOKEN",
    "DIALPAD_SANDBOX",
    "DIALPAD_BASE_URL",
    "WEBEX_ACCESS_TOKEN",
    "WEBEX_BASE_URL",
    "TELEPHONY_OUTPUT",
    "TELEPHONY_JOURNAL",
    "TELEPHONY_CONCURRENCY",
    "TELEPHONY_DIALPAD_RATE",
    "TELEPHONY_WEBEX_RATE",
    "TELEPHONY_SETTLE_DELAY",
    "TELEPHONY_TIMEOUT",
    "RUST_LOG",
];

/// `program` (the binary, `env!("CARGO_BIN_EXE_telephony")`) with no credential, base URL or
/// setting inherited from the environment.
pub fn command(program: impl AsRef<OsStr>) -> Command {
    let mut command = Command::new(program);
    for name in READ_FROM_THE_ENVIRONMENT {
        command.env_remove(name);
    }
    command
}

/// `command` with both vendors' tokens and base URLs pointing at `mock`.
pub fn against(mut command: Command, mock: &MockHandle) -> Command {
    command
        .env("DIALPAD_API_TOKEN", "dialpad-key")
        .env("WEBEX_ACCESS_TOKEN", "webex-token")
        .env("DIALPAD_BASE_URL", mock.dialpad_url())
        .env("WEBEX_BASE_URL", mock.webex_url());
    command
}

/// A manifest of `offices` Dialpad offices and `modes` Webex modes sharing one schedule, the
/// modes spread over `locations` locations (Webex holds at most 100 modes per location).
pub fn manifest(offices: usize, modes: usize, locations: usize) -> String {
    let mut text = String::from(
        "schedules:\n  hq:\n    timezone: America/Chicago\n    weekly:\n      weekdays: [\"08:00-17:00\"]\n\
         dialpad:\n  offices:\n",
    );
    for n in 0..offices {
        text.push_str(&format!(
            "    - {{name: Office {n}, hours: hq, country: CA, currency: CAD, plan_period: monthly, \
             annual_commit_monthly_billing: false, invoiced: false, unified_billing: true, \
             billing_address: {{address_line_1: 1 Main St, city: Toronto, region: \"ON\", \
             postal_code: M5V 1A1, country: CA}}, e911_address: {{address: 1 Main St, \
             city: Toronto, state: \"ON\", zip: M5V 1A1, country: CA}}}}\n"
        ));
    }
    text.push_str("webex:\n  operating_modes:\n");
    for n in 0..modes {
        text.push_str(&format!(
            "    - {{name: Mode {n}, schedule: hq, level: LOCATION, locationId: LOC-{}, \
             callForwarding: {{destination: \"+14165550100\"}}}}\n",
            n % locations.max(1)
        ));
    }
    text
}
