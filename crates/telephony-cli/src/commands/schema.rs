//! `telephony schema`: the manifest's JSON Schema, for editors.

use crate::exit::Stop;
use crate::manifest;
use crate::output;

/// Prints the schema.
pub fn run() -> Result<(), Stop> {
    output::print_json(&manifest::schema());
    Ok(())
}
