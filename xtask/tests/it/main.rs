//! The workspace tools' integration tests, one binary: `cargo xtask codegen` and
//! `cargo xtask drift`.

mod codegen;
mod drift;
