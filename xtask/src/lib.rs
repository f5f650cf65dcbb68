//! Library side of the `xtask` binary, so that the generator can be tested.

pub mod codegen;
pub mod conformance;
pub mod drift;
