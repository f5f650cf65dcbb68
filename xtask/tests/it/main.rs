//! The workspace tools' integration tests, one binary: `cargo xtask codegen`,
//! `cargo xtask drift` and each task's help.

mod codegen;
mod drift;
mod help;
