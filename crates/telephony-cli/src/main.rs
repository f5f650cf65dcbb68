//! `telephony`: validate, plan and apply a manifest of Dialpad offices and Webex operating
//! modes — every problem before anything is sent, only what is missing created, each create
//! exactly once, every outcome journaled. The command is the library's ([`telephony_cli::main`]).

#[tokio::main]
async fn main() -> std::process::ExitCode {
    telephony_cli::main().await
}
