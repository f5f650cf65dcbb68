//! `telephony`: validate, plan and apply a manifest of Dialpad offices and Webex operating
//! modes — every problem before anything is sent, only what is missing created, each create
//! exactly once, every outcome journaled. No HTTP or validation of its own: all of it is the
//! `telephony` crate's.

mod cli;
mod clients;
mod commands;
mod exit;
mod input;
mod interrupt;
mod item;
mod journal;
mod logs;
mod manifest;
mod output;
mod prepare;
mod problem;
mod progress;
mod run;
mod source;

use std::process::ExitCode;

use clap::Parser;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    logs::init(cli.global.verbose);
    let output = cli.global.output;
    exit::finish(commands::run(cli).await, output)
}
