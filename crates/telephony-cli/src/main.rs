//! `telephony`: validate, plan and apply a manifest of Dialpad offices and Webex operating
//! modes — every problem before anything is sent, only what is missing created, each create
//! exactly once, every outcome journaled. No HTTP or validation of its own: all of it is the
//! `telephony` crate's.

mod cli;
mod clients;
mod journal;
mod manifest;
mod output;
mod prepare;
mod run;
mod source;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::Parser;
use serde_json::Value;

use crate::cli::{Cli, Command, DialpadCommand, Output, WebexCommand};
use crate::journal::{Entry, Journal};
use crate::output::Tally;
use crate::prepare::{Item, Problem};
use crate::source::{ReadError, Source};

/// Everything is present (or valid).
const OK: u8 = 0;
/// Some input is invalid; nothing was sent.
const INVALID: u8 = 1;
/// A usage or configuration error (clap uses 2 for usage errors too).
const CONFIG: u8 = 2;
/// Some items failed, remain unknown, or were not started.
const INCOMPLETE: u8 = 3;

/// How a command ended early.
enum Stop {
    Invalid(Vec<Problem>),
    Config(String),
    Incomplete(String),
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logs(cli.global.verbose);
    let output = cli.global.output;
    match run_command(cli).await {
        Ok(()) => ExitCode::from(OK),
        Err(Stop::Invalid(problems)) => {
            match output {
                Output::Text => eprint!("{}", output::problems_text(&problems)),
                Output::Json => print_json(&output::problems_json(&problems)),
            }
            ExitCode::from(INVALID)
        }
        Err(Stop::Config(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(CONFIG)
        }
        Err(Stop::Incomplete(message)) => {
            eprintln!("{message}");
            ExitCode::from(INCOMPLETE)
        }
    }
}

fn init_logs(verbose: u8) {
    let level = match verbose {
        0 => "error",
        1 => "info",
        _ => "debug",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(level));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .init();
}

fn print_json(value: &Value) {
    println!(
        "{}",
        serde_json::to_string_pretty(value).unwrap_or_default()
    );
}

async fn run_command(cli: Cli) -> Result<(), Stop> {
    let global = cli.global;
    match cli.command {
        Command::Schema => {
            print_json(&manifest::schema());
            Ok(())
        }
        Command::Validate { files } => validate(&files, global.output),
        Command::Plan {
            manifest,
            show_bodies,
        } => {
            let items = read_manifest(&manifest)?;
            let (clients, _mock) = clients::build(&global, &items).await?;
            plan(items, &clients, global.output, show_bodies).await
        }
        Command::Apply {
            manifest,
            dry_run,
            show_bodies,
            journal,
            concurrency,
        } => {
            let items = read_manifest(&manifest)?;
            let (clients, mock) = clients::build(&global, &items).await?;
            if dry_run {
                return plan(items, &clients, global.output, show_bodies).await;
            }
            let journal = journal.unwrap_or_else(|| default_journal(&manifest, mock.is_some()));
            apply(items, &clients, &journal, concurrency.into(), global.output).await
        }
        Command::Dialpad(DialpadCommand::CreateOffice { file, journal }) => {
            let item = read_body(&file)?;
            if !matches!(item, Item::Office { .. }) {
                return Err(Stop::Config(format!(
                    "{}: not a Dialpad office",
                    file.display()
                )));
            }
            let (clients, _mock) = clients::build(&global, std::slice::from_ref(&item)).await?;
            let journal = single_journal(journal, &file, global.mock);
            create_one(item, None, &clients, journal.as_deref(), global.output).await
        }
        Command::Webex(WebexCommand::CreateOperatingMode {
            file,
            org_id,
            journal,
        }) => {
            let item = read_body(&file)?;
            if !matches!(item, Item::Mode { .. }) {
                return Err(Stop::Config(format!(
                    "{}: not a Webex operating mode",
                    file.display()
                )));
            }
            let (clients, _mock) = clients::build(&global, std::slice::from_ref(&item)).await?;
            let journal = single_journal(journal, &file, global.mock);
            create_one(item, org_id, &clients, journal.as_deref(), global.output).await
        }
    }
}

fn read(file: &Path) -> Result<Source, Stop> {
    let name = file.display().to_string();
    Source::read(&name).map_err(|err| match err {
        ReadError::Syntax { file, at, message } => {
            Stop::Invalid(vec![Problem::at(&file, at, message)])
        }
        other => Stop::Config(other.to_string()),
    })
}

fn read_manifest(file: &Path) -> Result<Vec<Item>, Stop> {
    let source = read(file)?;
    prepare::manifest(&source, today()).map_err(Stop::Invalid)
}

fn read_body(file: &Path) -> Result<Item, Stop> {
    let source = read(file)?;
    prepare::single_body(&source).map_err(Stop::Invalid)
}

fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

fn validate(files: &[PathBuf], output: Output) -> Result<(), Stop> {
    let mut problems = Vec::new();
    let mut checked = Vec::new();
    for file in files {
        let found = match read(file) {
            Err(Stop::Invalid(found)) => found,
            Err(other) => return Err(other),
            Ok(source) if prepare::is_manifest(&source.value) => {
                match prepare::manifest(&source, today()) {
                    Ok(items) => {
                        checked.push(format!(
                            "{}: a manifest of {} items",
                            file.display(),
                            items.len()
                        ));
                        Vec::new()
                    }
                    Err(found) => found,
                }
            }
            Ok(source) => match prepare::single_body(&source) {
                Ok(item) => {
                    checked.push(format!("{}: {}", file.display(), item.label()));
                    Vec::new()
                }
                Err(found) => found,
            },
        };
        problems.extend(found);
    }
    if !problems.is_empty() {
        return Err(Stop::Invalid(problems));
    }
    match output {
        Output::Text => {
            for line in checked {
                println!("valid: {line}");
            }
        }
        Output::Json => print_json(&output::problems_json(&[])),
    }
    Ok(())
}

async fn plan(
    items: Vec<Item>,
    clients: &run::Clients,
    output: Output,
    show_bodies: bool,
) -> Result<(), Stop> {
    let plan = run::plan(items, clients)
        .await
        .map_err(|err| Stop::Incomplete(err.to_string()))?;
    match output {
        Output::Text => print!("{}", output::plan_text(&plan.items, show_bodies)),
        Output::Json => print_json(&output::plan_json(&plan.items, show_bodies)),
    }
    Ok(())
}

/// `MANIFEST.journal.jsonl` beside the manifest; with the in-process mock (whose state ends
/// with the process) a fresh file in the temporary directory instead.
/// The journal of a single create: the one asked for, or FILE with `.journal.jsonl` beside
/// the body; none against the built-in mock (whose state ends with the process).
fn single_journal(asked: Option<PathBuf>, file: &Path, mock: bool) -> Option<PathBuf> {
    asked.or_else(|| (!mock).then(|| default_journal(file, false)))
}

fn default_journal(manifest: &Path, mock: bool) -> PathBuf {
    if mock {
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3f");
        return std::env::temp_dir().join(format!(
            "telephony-mock-{stamp}-{}.journal.jsonl",
            std::process::id()
        ));
    }
    manifest.with_extension("journal.jsonl")
}

async fn apply(
    items: Vec<Item>,
    clients: &run::Clients,
    journal_path: &Path,
    concurrency: usize,
    output: Output,
) -> Result<(), Stop> {
    let total = items.len();
    let earlier = Journal::read(journal_path).map_err(|e| Stop::Config(e.to_string()))?;
    let journal = Arc::new(Journal::open(journal_path).map_err(|e| Stop::Config(e.to_string()))?);
    eprintln!("journal: {}", journal.path().display());
    if !earlier.is_empty() {
        eprintln!(
            "resuming: the journal holds {} earlier outcomes; what exists is read back again",
            earlier.len()
        );
    }
    let plan = run::plan(items, clients)
        .await
        .map_err(|err| Stop::Incomplete(err.to_string()))?;
    let stop = Arc::new(AtomicBool::new(false));
    let watcher = tokio::spawn({
        let stop = stop.clone();
        async move {
            if tokio::signal::ctrl_c().await.is_ok() {
                stop.store(true, Ordering::SeqCst);
                eprintln!("stopping: no new creates; waiting for those in flight");
            }
        }
    });
    let progress = Progress::new(total);
    let entries = run::apply(plan, clients, &journal, concurrency, stop.clone(), |e| {
        progress.report(e)
    })
    .await
    .map_err(|err| Stop::Incomplete(err.to_string()))?;
    progress.finish();
    watcher.abort();
    let tally = Tally::of(&entries, total);
    match output {
        Output::Text => print!("{}", output::summary_text(&entries, &tally)),
        Output::Json => print_json(&output::summary_json(&entries, &tally)),
    }
    if tally.all_present() {
        Ok(())
    } else if stop.load(Ordering::SeqCst) {
        Err(Stop::Incomplete(
            "interrupted: run again to continue".into(),
        ))
    } else {
        Err(Stop::Incomplete(
            "some items are not present; see the journal and run again".into(),
        ))
    }
}

/// A progress bar on a terminal, one line per outcome otherwise.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    fn new(total: usize) -> Progress {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = indicatif::ProgressBar::new(total as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        });
        Progress { bar }
    }

    fn report(&self, entry: &Entry) {
        let line = format!(
            "{} {}{}",
            entry.outcome.word(),
            entry.item,
            entry
                .id
                .as_ref()
                .map(|id| format!(" ({id})"))
                .or_else(|| entry.error.as_ref().map(|e| format!(": {e}")))
                .unwrap_or_default()
        );
        match &self.bar {
            Some(bar) => {
                bar.inc(1);
                if !entry.outcome.present() {
                    bar.println(line);
                }
            }
            None => eprintln!("{line}"),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// One create, then its read-back. The id is printed (and journaled, with `--journal`) as
/// soon as the create ends known, so that nothing that fails afterwards can lose it: a failed
/// read-back says "created; reading it back failed" with the id, and exits 3.
async fn create_one(
    item: Item,
    org_id: Option<String>,
    clients: &run::Clients,
    journal: Option<&Path>,
    output: Output,
) -> Result<(), Stop> {
    let failed = |err: telephony::Error| Stop::Incomplete(format!("error: {err}"));
    let journal = journal
        .map(Journal::open)
        .transpose()
        .map_err(|err| Stop::Config(err.to_string()))?;
    let created = match &item {
        Item::Office { body, .. } => {
            let client = clients
                .dialpad
                .as_ref()
                .ok_or_else(|| Stop::Config("no Dialpad client".into()))?;
            let outcome = client.create_office_json(body).await.map_err(failed)?;
            Created::Office(outcome)
        }
        Item::Mode { body, .. } => {
            let client = clients
                .webex
                .as_ref()
                .ok_or_else(|| Stop::Config("no Webex client".into()))?;
            let mut create = client.create_operating_mode_json(body);
            if let Some(org) = org_id.as_deref() {
                create = create.org_id(org);
            }
            Created::Mode(create.await.map_err(failed)?)
        }
    };
    let (id, how) = created.id_and_word();
    if let Some(journal) = &journal {
        let outcome = if how == "created" {
            journal::Outcome::Created
        } else {
            journal::Outcome::Found
        };
        let entry = run::entry(&item, outcome, Some(id.clone()), None);
        journal
            .record(&entry)
            .map_err(|err| Stop::Incomplete(format!("{} {how} ({id}); {err}", item.label())))?;
    }
    if output == Output::Text {
        println!("{} {how}: {id}", item.label());
    }
    let read = match &created {
        Created::Office(outcome) => {
            let client = clients.dialpad.as_ref();
            match client {
                Some(client) => client.get_office(*outcome.id()).await.map(to_value),
                None => Ok(Value::Null),
            }
        }
        Created::Mode(outcome) => match clients.webex.as_ref() {
            Some(client) => {
                let mut get = client.get_operating_mode(outcome.id());
                if let Some(org) = org_id.as_deref() {
                    get = get.org_id(org);
                }
                get.await.map(to_value)
            }
            None => Ok(Value::Null),
        },
    };
    let word = if how == "created" { "created" } else { "found" };
    match (output, &read) {
        (Output::Json, Ok(details)) => print_json(&serde_json::json!({
            "outcome": word, "id": id, "resource": details,
        })),
        (Output::Json, Err(err)) => print_json(&serde_json::json!({
            "outcome": word, "id": id, "resource": null,
            "read_back_error": err.to_string(),
        })),
        (Output::Text, Ok(details)) => {
            let rows: Vec<Vec<String>> = details
                .as_object()
                .into_iter()
                .flatten()
                .map(|(k, v)| vec![k.clone(), compact(v)])
                .collect();
            print!("{}", output::table(&["FIELD", "VALUE"], &rows));
        }
        (Output::Text, Err(_)) => {}
    }
    match read {
        Ok(_) => Ok(()),
        Err(err) => Err(Stop::Incomplete(format!(
            "{} {how} ({id}); reading it back failed: {err}",
            item.label()
        ))),
    }
}

/// What a single create made, before it is read back.
enum Created {
    Office(telephony::Outcome<i64>),
    Mode(telephony::Outcome<String>),
}

impl Created {
    /// The id as text, and "created" or "found by reading back".
    fn id_and_word(&self) -> (String, &'static str) {
        let (id, created) = match self {
            Created::Office(outcome) => (outcome.id().to_string(), outcome.is_created()),
            Created::Mode(outcome) => (outcome.id().clone(), outcome.is_created()),
        };
        (
            id,
            if created {
                "created"
            } else {
                "found by reading back"
            },
        )
    }
}

/// A resource as JSON, for printing (`null` if it cannot be shown).
fn to_value(resource: impl serde::Serialize) -> Value {
    serde_json::to_value(resource).unwrap_or(Value::Null)
}

fn compact(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}
