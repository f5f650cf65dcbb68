//! `cargo xtask codegen [--check]`: regenerates `crates/telephony-api` from `openapi/*.yaml`.
//!
//! With `--check` nothing is written: the generated files are rebuilt in memory and compared
//! with the checked-in ones, and the command fails naming every stale file with the first
//! lines of its unified diff.

use std::path::PathBuf;
use std::process::ExitCode;

use xtask::codegen;

const USAGE: &str = "usage: cargo xtask codegen [--check]";

/// Lines of unified diff shown per stale file by `--check`.
const DIFF_LINES: usize = 40;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let check = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["codegen"] => false,
        ["codegen", "--check"] => true,
        ["-h" | "--help" | "help"] => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
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
    match codegen::write(&root, &files) {
        Ok(changed) => {
            for path in &changed {
                println!("wrote {path}");
            }
            println!(
                "codegen: {} files, {} changed, {} ms",
                files.len(),
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
