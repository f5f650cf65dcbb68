//! How a command ends, and the one place that turns the ending into what is printed and the
//! exit code: 0 when the vendors match the manifest (or the input is valid), 1 for invalid
//! input (nothing was sent), 2 for a usage or configuration error, 3 when some actions failed,
//! remain unknown or were not started, 4 when differences remain: `plan` found changes to make,
//! or `apply` left what the vendors' APIs cannot change.
//!
//! Errors are kept as they came, with their sources, and printed with their chain:
//! `outer: inner: …`. An error whose own message already shows its source speaks for the rest
//! of its chain, so the chain is followed only as far as that.

use std::error::Error;
use std::process::ExitCode;

use telephony::Vendor;

use crate::cli::Output;
use crate::clients::ClientError;
use crate::item;
use crate::journal::JournalError;
use crate::output;
use crate::problem::Problem;
use crate::run::RunError;
use crate::source::ReadError;

/// Everything is present (or valid).
const OK: u8 = 0;
/// Some input is invalid; nothing was sent.
const INVALID: u8 = 1;
/// A usage or configuration error (clap uses 2 for usage errors too).
const CONFIG: u8 = 2;
/// Some items failed, remain unknown, or were not started.
const INCOMPLETE: u8 = 3;
/// Differences remain: changes pending (`plan`), or what the APIs cannot change (`apply`).
const DIFFERS: u8 = 4;

/// How a command ended early.
#[derive(Debug)]
pub enum Stop {
    /// Some input is invalid; nothing was sent.
    Invalid(Vec<Problem>),
    /// The command cannot run as set up: every reason found (at least one).
    Config(Vec<Setup>),
    /// Some items are not present (boxed: a client's error is large).
    Incomplete(Box<Unfinished>),
    /// The vendors differ from the manifest, as printed above.
    Differs(Differs),
}

/// Which differences remain.
#[derive(Debug, thiserror::Error)]
pub enum Differs {
    /// `plan` found changes to make.
    #[error("changes pending: {0}")]
    Pending(String),
    /// `apply` converged what it could; the rest the vendors' APIs cannot change.
    #[error("{count} item{} differ{} in what the vendors' APIs cannot change (see above)", if *.count == 1 { "" } else { "s" }, if *.count == 1 { "s" } else { "" })]
    Unchangeable { count: usize },
}

/// Why a command cannot run as set up.
#[derive(Debug, thiserror::Error)]
pub enum Setup {
    /// A file that cannot be read (a syntax error is a problem of the input instead).
    #[error(transparent)]
    Read(ReadError),
    /// A body of the other vendor, given to a single create.
    #[error("{file}: not a {}", item::kind_of(*.vendor))]
    NotA { file: String, vendor: Vendor },
    #[error(transparent)]
    Client(#[from] ClientError),
    /// A vendor's item with no client for it.
    #[error("no {} client", .0.title())]
    NoClient(telephony::Vendor),
    #[error(transparent)]
    Journal(#[from] JournalError),
    /// A vendor's first read that failed for another reason, in a run whose other first reads
    /// showed settings to fix: named too, so that one run says everything it found.
    #[error(transparent)]
    Unread(Box<RunError>),
    /// `--prune` would delete modes and nobody confirmed it; nothing was changed.
    #[error("--prune would delete {count} operating mode{}; nothing was changed: confirm on a terminal or pass --yes", if *.count == 1 { "" } else { "s" })]
    Unconfirmed { count: usize },
}

/// Why some items are not present.
#[derive(Debug, thiserror::Error)]
pub enum Unfinished {
    /// Reading what exists, or journaling, failed during a run.
    #[error(transparent)]
    Run(#[from] RunError),
    /// A single create failed.
    #[error(transparent)]
    Create(telephony::Error),
    /// A single create ended known (`how`) but its journal line could not be written.
    #[error("{label} {how} ({id}); {source}")]
    Unrecorded {
        label: String,
        how: &'static str,
        id: String,
        source: JournalError,
    },
    /// A single create ended known (`how`) but reading it back failed.
    #[error("{label} {how} ({id}); reading it back failed")]
    ReadBack {
        label: String,
        how: &'static str,
        id: String,
        source: telephony::Error,
    },
    /// Ctrl-C stopped a run before every item was present.
    #[error("interrupted: run again to continue")]
    Interrupted,
    /// A run ended with items failed, unknown or not started; `journal` says whether its
    /// journal is kept (a `--mock` run's scratch journal is removed when it ends).
    #[error("some items are not present; {}", if *.journal { "see the journal and run again" } else { "see the summary above" })]
    NotPresent { journal: bool },
}

impl From<Setup> for Stop {
    fn from(setup: Setup) -> Stop {
        Stop::Config(vec![setup])
    }
}

impl From<Vec<ClientError>> for Stop {
    fn from(errors: Vec<ClientError>) -> Stop {
        Stop::Config(errors.into_iter().map(Setup::Client).collect())
    }
}

impl From<JournalError> for Stop {
    fn from(error: JournalError) -> Stop {
        Setup::Journal(error).into()
    }
}

impl From<Unfinished> for Stop {
    fn from(why: Unfinished) -> Stop {
        Stop::Incomplete(Box::new(why))
    }
}

/// The first reads' settings to fix are a configuration error (exit 2), with any other first
/// read that failed; every other failure of a run leaves items not present (exit 3).
impl From<RunError> for Stop {
    fn from(error: RunError) -> Stop {
        match error {
            RunError::Settings { fix, failed } => Stop::Config(
                fix.into_iter()
                    .map(Setup::Client)
                    .chain(failed.into_iter().map(|f| Setup::Unread(Box::new(f))))
                    .collect(),
            ),
            error => Unfinished::Run(error).into(),
        }
    }
}

/// Prints how the command ended and returns its exit code. Problems go out as `output` asks;
/// errors go to stderr as text, and with `--output json` also to stdout as one JSON object
/// ([`output::error_json`]) unless the command already printed its own JSON there.
pub fn finish(result: Result<(), Stop>, output: Output) -> ExitCode {
    let code = match result {
        Ok(()) => OK,
        Err(Stop::Invalid(problems)) => {
            match output {
                Output::Text => eprint!("{}", output::problems_text(&problems)),
                Output::Json => output::print_json(&output::problems_json(&problems)),
            }
            INVALID
        }
        Err(Stop::Config(reasons)) => {
            let messages: Vec<String> = reasons.iter().map(|reason| chain(reason)).collect();
            for message in &messages {
                eprintln!("error: {message}");
            }
            error_json(output, CONFIG, "configuration", &messages);
            CONFIG
        }
        Err(Stop::Incomplete(why)) => {
            let prefix = match *why {
                Unfinished::Create(_) => "error: ",
                _ => "",
            };
            let message = chain(why.as_ref());
            eprintln!("{prefix}{message}");
            error_json(output, INCOMPLETE, "incomplete", &[message]);
            INCOMPLETE
        }
        Err(Stop::Differs(differs)) => {
            let message = differs.to_string();
            eprintln!("{message}");
            error_json(output, DIFFERS, "differs", &[message]);
            DIFFERS
        }
    };
    ExitCode::from(code)
}

/// With `--output json`, the error as JSON on stdout, unless stdout holds the command's own
/// JSON already (an incomplete run's summary says how it ended).
fn error_json(output: Output, code: u8, kind: &str, messages: &[String]) {
    if output == Output::Json && !output::printed_json() {
        output::print_json(&output::error_json(code, kind, messages));
    }
}

/// `error` and its sources, `outer: inner: …`, as far as a message does not already show
/// its source.
fn chain(error: &dyn Error) -> String {
    let mut text = error.to_string();
    let mut next = error.source();
    while let Some(source) = next {
        let shown = source.to_string();
        if text.contains(&shown) {
            break;
        }
        text.push_str(": ");
        text.push_str(&shown);
        next = source.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, thiserror::Error)]
    #[error("{0}")]
    struct Leaf(&'static str);

    #[derive(Debug, thiserror::Error)]
    enum Layer {
        #[error("outer")]
        Hides(#[source] Leaf),
        #[error("outer: {0}")]
        Shows(#[source] Leaf),
        #[error("top")]
        Over(#[source] Box<Layer>),
    }

    #[test]
    fn a_chain_is_followed_until_a_message_shows_its_source() {
        assert_eq!(chain(&Layer::Hides(Leaf("inner"))), "outer: inner");
        assert_eq!(chain(&Layer::Shows(Leaf("inner"))), "outer: inner");
        let over = Layer::Over(Box::new(Layer::Hides(Leaf("inner"))));
        assert_eq!(chain(&over), "top: outer: inner");
    }

    #[test]
    fn the_errors_of_this_crate_print_as_they_always_have() {
        let io = || std::io::Error::new(std::io::ErrorKind::NotFound, "not there");
        let journal = || JournalError {
            path: "j.jsonl".into(),
            source: io(),
        };
        assert_eq!(
            chain(&Setup::Journal(journal())),
            "journal j.jsonl: not there"
        );
        let unrecorded = Unfinished::Unrecorded {
            label: "dialpad office \"A\"".into(),
            how: "created",
            id: "7".into(),
            source: journal(),
        };
        assert_eq!(
            chain(&unrecorded),
            "dialpad office \"A\" created (7); journal j.jsonl: not there"
        );
        let token = ClientError::TokenFile {
            path: "t".into(),
            source: io(),
        };
        assert_eq!(chain(&Setup::Client(token)), "token file t: not there");
        let read = RunError::Read(telephony::ConfigError::InvalidToken.into());
        assert_eq!(
            chain(&Unfinished::Run(read)),
            "reading what exists failed: the token is empty or contains white space or a control character"
        );
    }
}
