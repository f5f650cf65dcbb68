//! The command line as the binary reads and shows it: clap's definition with the vendor
//! options shown only on the commands that read them (and refused by the others), a version
//! that names the curated specs, and the checks clap cannot express. The completions and the
//! man pages are written from this same command.

use std::ffi::OsString;
use std::path::Path;

use clap::error::ErrorKind;
use clap::parser::ValueSource;
use clap::{ArgMatches, CommandFactory, FromArgMatches};

use crate::cli::{
    Cli, Command, DialpadCommand, ExportVendor, USES_VENDORS, VENDOR_FLAGS, WebexCommand,
};

/// The command as the binary parses it, its version naming the specs this build embeds.
pub fn command() -> clap::Command {
    shaped(Cli::command().version(version(
        telephony_spec::DIALPAD_YAML,
        telephony_spec::WEBEX_YAML,
    )))
}

/// The command as its man pages document it: the version from the specs' text given (the
/// files on disk, when `cargo xtask codegen` writes the pages), and no `help` command.
pub fn man_command(dialpad_yaml: &str, webex_yaml: &str) -> clap::Command {
    shaped(
        Cli::command()
            .version(version(dialpad_yaml, webex_yaml))
            .disable_help_subcommand(true),
    )
}

/// `0.1.0 (Dialpad API spec v2, Webex Calling spec 1.0.0)`: this crate's version and each
/// spec's `info.version`.
pub fn version(dialpad_yaml: &str, webex_yaml: &str) -> String {
    format!(
        "{} (Dialpad API spec {}, Webex Calling spec {})",
        env!("CARGO_PKG_VERSION"),
        spec_version(dialpad_yaml),
        spec_version(webex_yaml)
    )
}

/// The `info.version` of an OpenAPI document (`unknown` if it has none).
fn spec_version(yaml: &str) -> String {
    #[derive(serde::Deserialize)]
    struct Document {
        info: Info,
    }
    #[derive(serde::Deserialize)]
    struct Info {
        version: String,
    }
    serde_saphyr::from_str::<Document>(yaml)
        .map(|document| document.info.version)
        .unwrap_or_else(|_| "unknown".to_string())
}

/// The command as the completion scripts describe it. Completions offer every option a command
/// holds, hidden or not, so here the vendor options are not global: the top level keeps them
/// (they are read there, before the command) and the commands that read them get copies.
pub fn completion_command() -> clap::Command {
    let is_vendor = |arg: &clap::Arg| VENDOR_FLAGS.contains(&arg.get_id().as_str());
    // The version's text is not in a script; only its flag is.
    let root = Cli::command()
        .version(env!("CARGO_PKG_VERSION"))
        .mut_args(|arg| {
            if is_vendor(&arg) {
                arg.global(false)
            } else {
                arg
            }
        });
    let vendor: Vec<clap::Arg> = root
        .get_arguments()
        .filter(|a| is_vendor(a))
        .cloned()
        .collect();
    with_vendor_options(root, &[], &vendor)
}

/// `command` (at `path`) and the commands below it, each that reads them with `vendor` added.
fn with_vendor_options(
    mut command: clap::Command,
    path: &[String],
    vendor: &[clap::Arg],
) -> clap::Command {
    for sub in command.get_subcommands_mut() {
        let mut below = path.to_vec();
        below.push(sub.get_name().to_string());
        let taken = std::mem::take(sub);
        *sub = with_vendor_options(taken, &below, vendor);
    }
    if reads_vendors(path) {
        command.args(vendor.iter().cloned())
    } else {
        command
    }
}

/// `command` built (so that every command holds the global options), with the vendor options
/// hidden wherever they are not read.
fn shaped(mut command: clap::Command) -> clap::Command {
    command.build();
    hide_where_unused(command, &[])
}

/// Hides the vendor options of `command`, the command at `path` (names below the root), and
/// of the commands below it, where they are not read. The top level keeps `--mock` shown:
/// `telephony --mock apply FILE` is how it is written most.
fn hide_where_unused(mut command: clap::Command, path: &[String]) -> clap::Command {
    for sub in command.get_subcommands_mut() {
        let mut below = path.to_vec();
        below.push(sub.get_name().to_string());
        let taken = std::mem::take(sub);
        *sub = hide_where_unused(taken, &below);
    }
    if reads_vendors(path) {
        return command;
    }
    let top = path.is_empty();
    // `mut_args` keeps the arguments in their order, so a built command stays consistent.
    command.mut_args(|arg| {
        let id = arg.get_id().as_str();
        if VENDOR_FLAGS.contains(&id) && !(top && id == "mock") {
            arg.hide(true)
        } else {
            arg
        }
    })
}

fn reads_vendors(path: &[String]) -> bool {
    USES_VENDORS.iter().any(|uses| uses.iter().eq(path.iter()))
}

/// Parses `args` (the program's name first) as the binary does: clap's parse, then a vendor
/// option given to a command that does not read it, and standard input without a journal, are
/// usage errors too.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Cli, clap::Error> {
    let mut command = command();
    let matches = command.try_get_matches_from_mut(args)?;
    refuse_unread(&command, &matches)?;
    let cli = Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut command))?;
    if let Some(message) = webex_filter_for_dialpad(&cli) {
        return Err(usage_error(
            &command,
            &["export"],
            ErrorKind::ArgumentConflict,
            message,
        ));
    }
    if let Some((path, message)) = journal_needed(&cli) {
        return Err(usage_error(
            &command,
            path,
            ErrorKind::MissingRequiredArgument,
            message,
        ));
    }
    Ok(cli)
}

/// A vendor option written on the command line of a command that does not read it.
fn refuse_unread(command: &clap::Command, matches: &ArgMatches) -> Result<(), clap::Error> {
    let mut path = Vec::new();
    let mut leaf = matches;
    while let Some((name, sub)) = leaf.subcommand() {
        path.push(name.to_string());
        leaf = sub;
    }
    if reads_vendors(&path) {
        return Ok(());
    }
    let given = VENDOR_FLAGS
        .iter()
        .find(|id| leaf.value_source(id) == Some(ValueSource::CommandLine));
    let Some(id) = given else { return Ok(()) };
    let readers: Vec<String> = USES_VENDORS.iter().map(|uses| uses.join(" ")).collect();
    let message = format!(
        "--{} is for {} and {}; {} does not read it",
        id.replace('_', "-"),
        readers[..readers.len() - 1].join(", "),
        readers[readers.len() - 1],
        path.join(" "),
    );
    let names: Vec<&str> = path.iter().map(String::as_str).collect();
    Err(usage_error(
        command,
        &names,
        ErrorKind::UnknownArgument,
        message,
    ))
}

/// A usage error of the command at `path` below `command` (so that it shows that command's
/// usage).
fn usage_error(
    command: &clap::Command,
    path: &[&str],
    kind: ErrorKind,
    message: String,
) -> clap::Error {
    let mut at = command;
    for name in path {
        match at.find_subcommand(name) {
            Some(sub) => at = sub,
            None => break,
        }
    }
    at.clone().error(kind, message)
}

/// A Webex option of `export` given with `--vendor dialpad`, which reads no Webex.
fn webex_filter_for_dialpad(cli: &Cli) -> Option<String> {
    let Command::Export {
        vendor: Some(ExportVendor::Dialpad),
        org_id,
        locations,
        organization_level,
    } = &cli.command
    else {
        return None;
    };
    let given = [
        (org_id.is_some(), "--org-id"),
        (!locations.is_empty(), "--location"),
        (*organization_level, "--organization-level"),
    ];
    let (_, flag) = given.iter().find(|(given, _)| *given)?;
    Some(format!(
        "{flag} chooses Webex operating modes; --vendor dialpad reads none"
    ))
}

/// Where a journal would be kept beside standard input (`-`): the command's path and the
/// message saying which flag to give. Only a command that journals, without `--mock` (whose
/// journal is a scratch file) and without `--journal`.
fn journal_needed(cli: &Cli) -> Option<(&'static [&'static str], String)> {
    if cli.global.mock {
        return None;
    }
    let (path, file, journal): (&'static [&'static str], &Path, _) = match &cli.command {
        Command::Apply {
            manifest,
            dry_run: false,
            journal,
            ..
        } => (&["apply"], manifest, journal),
        Command::Dialpad(DialpadCommand::CreateOffice { file, journal }) => {
            (&["dialpad", "create-office"], file, journal)
        }
        Command::Webex(WebexCommand::CreateOperatingMode { file, journal, .. }) => {
            (&["webex", "create-operating-mode"], file, journal)
        }
        _ => return None,
    };
    (file.as_os_str() == "-" && journal.is_none()).then(|| {
        (
            path,
            "`-` (standard input) has no place beside it for the journal: give --journal PATH"
                .to_string(),
        )
    })
}
