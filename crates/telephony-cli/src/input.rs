//! The files a command is given, read and checked: a syntax error or a body the spec refuses
//! is a problem of the input, a file that cannot be read at all a configuration error. The
//! file `-` is standard input.

use std::path::Path;

use chrono::NaiveDate;

use crate::exit::{Setup, Stop};
use crate::item::Item;
use crate::prepare;
use crate::problem::Problem;
use crate::source::{ReadError, Source};

/// Reads `file` (`-`: standard input) into JSON, keeping where every value came from.
pub fn read(file: &Path) -> Result<Source, Stop> {
    let read = if file == Path::new("-") {
        Source::read_stdin()
    } else {
        Source::read(&file.display().to_string())
    };
    read.map_err(|err| match err {
        ReadError::Syntax { file, at, message } => {
            Stop::Invalid(vec![Problem::at(&file, at, message)])
        }
        other => Setup::Read(other).into(),
    })
}

/// The items of the manifest `file`.
pub fn manifest(file: &Path) -> Result<Vec<Item>, Stop> {
    let source = read(file)?;
    prepare::manifest(&source, today()).map_err(Stop::Invalid)
}

/// The item of the request body `file`.
pub fn body(file: &Path) -> Result<Item, Stop> {
    let source = read(file)?;
    prepare::single_body(&source).map_err(Stop::Invalid)
}

/// Today, in UTC: holidays are given from this day on.
pub fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}
