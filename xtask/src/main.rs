//! Workspace automation.
//!
//! - `cargo xtask codegen [--check]` regenerates `crates/telephony-api` from `openapi/*.yaml`,
//!   then the CLI's manifest schema (which embeds the generated types).
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

use xtask::{codegen, conformance, drift};

const USAGE: &str = "usage: cargo xtask codegen [--check]
       cargo xtask drift --vendor dialpad|webex FILE|URL
       cargo xtask conformance --prism PATH [--answers N] [--docs DIR]";

/// Lines of unified diff shown per stale file by `--check`.
const DIFF_LINES: usize = 40;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["codegen"] => run_codegen(false),
        ["codegen", "--check"] => run_codegen(true),
        ["drift", "--vendor", vendor, source] | ["drift", source, "--vendor", vendor] => {
            run_drift(vendor, source)
        }
        ["conformance", rest @ ..] => run_conformance(rest),
        ["-h" | "--help" | "help"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run_drift(vendor: &str, source: &str) -> ExitCode {
    let vendor = match telephony_spec::Vendor::ALL
        .into_iter()
        .find(|v| v.name() == vendor)
    {
        Some(vendor) => vendor,
        None => {
            eprintln!("error: --vendor is `{vendor}`; expected dialpad or webex\n{USAGE}");
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

fn run_conformance(args: &[&str]) -> ExitCode {
    let mut options = conformance::Options {
        prism: PathBuf::new(),
        answers: conformance::DEFAULT_ANSWERS,
        docs: None,
    };
    let mut prism = None;
    let mut rest = args.iter();
    while let Some(flag) = rest.next() {
        let Some(value) = rest.next() else {
            eprintln!("error: {flag} needs a value\n{USAGE}");
            return ExitCode::from(2);
        };
        match *flag {
            "--prism" => prism = Some(PathBuf::from(value)),
            "--docs" => options.docs = Some(PathBuf::from(value)),
            "--answers" => match value.parse::<usize>() {
                Ok(n) if n > 0 => options.answers = n,
                _ => {
                    eprintln!("error: --answers is `{value}`; expected a positive number");
                    return ExitCode::from(2);
                }
            },
            other => {
                eprintln!("error: unknown option `{other}`\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(prism) = prism else {
        eprintln!("error: --prism PATH is required\n{USAGE}");
        return ExitCode::from(2);
    };
    options.prism = prism;
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
