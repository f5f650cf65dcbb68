//! Workspace-level tests live in `it/`, one test binary: `surface` (API surface snapshots of
//! the curated specs), `wire` and `wire_reads` (request bodies and read answers through the
//! generated types) and `client` (the generated client against a loopback server). Their
//! snapshots are under `snapshots/`; review changes with `cargo insta review`.
