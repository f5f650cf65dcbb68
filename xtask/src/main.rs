//! Workspace automation.
//!
//! - `cargo xtask codegen [--check]` regenerates `crates/telephony-api` from `openapi/*.yaml`,
//!   then the CLI's manifest schema (which embeds the generated types), its completion scripts
//!   and its man pages.
//!   With `--check` nothing is written: the generated files are rebuilt in memory and compared
//!   with the checked-in ones, and the command fails naming every stale file with the first
//!   lines of its unified diff.
//! - `cargo xtask drift --vendor dialpad|webex FILE|URL` compares a curated spec with the
//!   vendor's published document and reports new differences (exit 1), recorded decisions that
//!   still hold, and recorded decisions that no longer hold (exit 1: drop them).
//! - `cargo xtask conformance --prism PATH [--answers N] [--docs DIR]` runs the client's
//!   covered operations (N calls each, default 200) and `telephony plan`/`apply` of the example
//!   manifest against Stoplight Prism serving each vendor's published document (from DIR,
//!   default `../shared/vendor-docs/upstream` beside the workspace), and reports decode
//!   failures and the request violations Prism finds, each covered by a curation decision or
//!   not (exit 1 on a decode failure or an uncovered violation, 2 on a setup problem).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use xtask::{codegen, conformance, drift};

/// Lines of unified diff shown per stale file by `--check`.
const DIFF_LINES: usize = 40;

/// Workspace automation: code generation, vendor drift, conformance against the vendors'
/// documents.
#[derive(Debug, Parser)]
#[command(name = "cargo xtask", bin_name = "cargo xtask")]
struct Args {
    #[command(subcommand)]
    command: Task,
}

#[derive(Debug, Subcommand)]
enum Task {
    /// Regenerate crates/telephony-api, the CLI's manifest schema, completion scripts and man
    /// pages from openapi/*.yaml and the CLI's definition.
    Codegen {
        /// Write nothing: fail naming every generated file that is stale, with its diff.
        #[arg(long)]
        check: bool,
    },
    /// Compare a curated spec with the vendor's published document (exit 1 on a new
    /// difference or a decision that no longer holds).
    Drift {
        /// Which curated spec.
        #[arg(long, value_parser = ["dialpad", "webex"])]
        vendor: String,
        /// The vendor's document: a file or an https URL.
        source: String,
    },
    /// Run the client and `telephony plan`/`apply` against Prism serving each vendor's
    /// published document (exit 1 on a decode failure or an uncovered violation).
    Conformance {
        /// The `prism` executable.
        #[arg(long)]
        prism: PathBuf,
        /// Calls per operation and mode.
        #[arg(long, default_value_t = conformance::DEFAULT_ANSWERS as u32, value_parser = clap::value_parser!(u32).range(1..))]
        answers: u32,
        /// The folder holding the vendors' documents (default ../shared/vendor-docs/upstream
        /// beside the workspace).
        #[arg(long)]
        docs: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let args = Args::parse();
    match args.command {
        Task::Codegen { check } => run_codegen(check),
        Task::Drift { vendor, source } => run_drift(&vendor, &source),
        Task::Conformance {
            prism,
            answers,
            docs,
        } => run_conformance(conformance::Options {
            prism,
            answers: answers as usize,
            docs,
        }),
    }
}

fn run_drift(vendor: &str, source: &str) -> ExitCode {
    let vendor = match telephony_spec::Vendor::ALL
        .into_iter()
        .find(|v| v.name() == vendor)
    {
        Some(vendor) => vendor,
        None => {
            eprintln!("error: --vendor is `{vendor}`; expected dialpad or webex");
            return ExitCode::from(2);
        }
    };
    let spec = workspace_root().join(vendor.spec_path());
    let ours = match drift::read_document(&spec.to_string_lossy()) {
        Ok(ours) => ours,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::from(2);
        }
    };
    let report = drift::read_document(source).and_then(|theirs| drift::compare(&ours, &theirs));
    match report {
        Ok(report) => {
            println!("drift: {} against {source}\n", vendor.spec_path());
            print!("{report}");
            if report.is_clean() {
                println!("\nNo new difference: {} needs no edit.", vendor.spec_path());
                ExitCode::SUCCESS
            } else {
                println!(
                    "\nEdit {} (spec or x-telephony-curation), then run `cargo xtask codegen`.",
                    vendor.spec_path()
                );
                ExitCode::FAILURE
            }
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(2)
        }
    }
}

fn run_conformance(options: conformance::Options) -> ExitCode {
    match conformance::run(&workspace_root(), &options) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(2)
        }
    }
}

fn run_codegen(check: bool) -> ExitCode {
    let root = workspace_root();
    let started = std::time::Instant::now();
    let files = match codegen::generate(&root) {
        Ok(files) => files,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::FAILURE;
        }
    };
    if check {
        let mut files = files;
        match codegen::manifest_schema(&root) {
            Ok(schema) => files.push(schema),
            Err(err) => {
                eprintln!("error: {err}");
                return ExitCode::FAILURE;
            }
        }
        let stale = codegen::stale_files(&root, &files);
        if stale.is_empty() {
            println!("codegen: {} generated files are up to date", files.len());
            return ExitCode::SUCCESS;
        }
        for path in &stale {
            eprintln!("stale: {path} (run `cargo xtask codegen`)");
            if let Some(file) = files.iter().find(|f| &f.path == path) {
                eprintln!("{}\n", codegen::diff_of(&root, file, DIFF_LINES));
            }
        }
        eprintln!("error: {} generated file(s) are stale", stale.len());
        return ExitCode::FAILURE;
    }
    // The generated crate first: the manifest schema is derived from it.
    let written = codegen::write(&root, &files).and_then(|mut changed| {
        let schema = codegen::manifest_schema(&root)?;
        if codegen::write_file(&root, &schema)? {
            changed.push(schema.path);
        }
        Ok((files.len() + 1, changed))
    });
    match written {
        Ok((count, changed)) => {
            for path in &changed {
                println!("wrote {path}");
            }
            println!(
                "codegen: {count} files, {} changed, {} ms",
                changed.len(),
                started.elapsed().as_millis()
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root: the parent of this crate's manifest directory.
fn workspace_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}
