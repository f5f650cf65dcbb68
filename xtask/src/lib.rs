//! Library side of the `xtask` binary, so that the generator can be tested.

pub mod cli_files;
pub mod codegen;
pub mod conformance;
pub mod drift;
