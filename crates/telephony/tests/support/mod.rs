//! Helpers shared by the client's integration tests.
#![allow(dead_code)]

pub mod canned;
pub mod soak;
