//! `telephony validate`: request bodies and manifests checked, every problem of every file at
//! once. Nothing is sent.

use std::path::PathBuf;

use crate::cli::Output;
use crate::exit::Stop;
use crate::input;
use crate::output;
use crate::prepare;

/// Checks `files`, each a manifest or a single request body.
pub fn run(files: &[PathBuf], output: Output) -> Result<(), Stop> {
    let mut problems = Vec::new();
    let mut checked = Vec::new();
    for file in files {
        let found = match input::read(file) {
            Err(Stop::Invalid(found)) => found,
            Err(other) => return Err(other),
            Ok(source) if prepare::is_manifest(&source.value) => {
                match prepare::manifest(&source, input::today()) {
                    Ok(items) => {
                        checked.push(format!(
                            "{}: a manifest of {} items",
                            source.file,
                            items.len()
                        ));
                        Vec::new()
                    }
                    Err(found) => found,
                }
            }
            Ok(source) => match prepare::single_body(&source) {
                Ok(item) => {
                    checked.push(format!("{}: {}", source.file, item.label()));
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
        Output::Json => output::print_json(&output::problems_json(&[])),
    }
    Ok(())
}
