//! The workspace's own tests, one binary: the API surface of each curated spec, the request
//! bodies and read answers of the generated types as snapshots, and the generated client
//! against a loopback server.

mod client;
mod surface;
mod wire;
mod wire_changes;
mod wire_e911;
mod wire_reads;
