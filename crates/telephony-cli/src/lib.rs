//! The `telephony` command as a library: [`main`] is the whole binary, and [`command`],
//! [`man_command`] and [`completion`] give `cargo xtask codegen` the clap definition it writes
//! the shell completions and the man pages from. No HTTP or validation of its own: all of it
//! is the `telephony` crate's.

mod cli;
mod clients;
mod commands;
mod converge;
mod exit;
mod export;
mod input;
mod interrupt;
mod item;
mod journal;
mod logs;
mod manifest;
mod output;
mod parse;
mod plan_output;
mod prepare;
mod problem;
mod progress;
mod run;
mod source;

use std::process::ExitCode;

pub use cli::Shell;
pub use commands::completions::{file_name as completion_file, script as completion};
pub use parse::{command, man_command};

/// Parses the command line, sets up logs, runs the command and says how it ended: the exit
/// code (a usage error is clap's, 2).
pub async fn main() -> ExitCode {
    let cli = match parse::parse(std::env::args_os()) {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
        }
    };
    logs::init(cli.global.verbose);
    let output = cli.global.output;
    exit::finish(commands::run(cli).await, output)
}
