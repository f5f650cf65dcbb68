//! The commands, one function per command family; `run` calls the one the command line names.

mod apply;
pub mod completions;
mod create;
mod export;
mod plan;
mod schema;
mod validate;

use telephony::Vendor;

use crate::cli::{Cli, Command, DialpadCommand, WebexCommand};
use crate::exit::Stop;

/// Runs the command `cli` names.
pub async fn run(cli: Cli) -> Result<(), Stop> {
    let Cli { command, global } = cli;
    match command {
        Command::Schema => schema::run(),
        Command::Completions { shell } => completions::run(shell),
        Command::Validate { files } => validate::run(&files, global.output),
        Command::Plan {
            manifest,
            show_bodies,
            prune,
        }
        | Command::Apply {
            manifest,
            dry_run: true,
            show_bodies,
            prune,
            ..
        } => plan::run(&global, &manifest, show_bodies, prune).await,
        Command::Apply {
            manifest,
            journal,
            concurrency,
            prune,
            yes,
            ..
        } => {
            let prune = apply::Prune { prune, yes };
            apply::run(&global, &manifest, journal, concurrency.into(), prune).await
        }
        Command::Export {
            vendor,
            org_id,
            locations,
            organization_level,
        } => {
            let filter = crate::export::Filter {
                org_id,
                locations,
                organization_level,
            };
            export::run(&global, vendor, filter).await
        }
        Command::Dialpad(DialpadCommand::CreateOffice { file, journal }) => {
            create::run(&global, &file, Vendor::Dialpad, None, journal).await
        }
        Command::Webex(WebexCommand::CreateOperatingMode {
            file,
            org_id,
            journal,
        }) => create::run(&global, &file, Vendor::Webex, org_id, journal).await,
    }
}
