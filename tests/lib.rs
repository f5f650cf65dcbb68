//! Workspace-level tests live beside this file: `surface.rs` (API surface snapshots of the
//! curated specs) and `wire.rs` (request bodies built with the generated types). Their
//! snapshots are under `snapshots/`; review changes with `cargo insta review`.
