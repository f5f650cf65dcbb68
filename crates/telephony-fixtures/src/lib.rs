//! What the workspace's tests and benches share, so that each is written once: the bodies they
//! send ([`bodies`]), a started mock and plain HTTP to it ([`mock`]), unpaced clients and the
//! retry policies the tests use ([`clients`]), a scripted server for answers the mock never
//! gives ([`canned`]), the fault soak ([`soak`]), the CLI run against a mock on a manifest of
//! any size ([`cli`]), where snapshots are kept ([`snapshots`]) and how a test's own tracing
//! subscriber sees what it should in a shared process ([`traces`]).
//!
//! A crate of its own, used only as a dev-dependency: the fixtures need the client (`telephony`)
//! and the mock (`telephony-mock`), and the mock cannot depend on the client, whose tests
//! depend on the mock.

pub mod bodies;
pub mod canned;
pub mod change_soak;
pub mod cli;
pub mod clients;
pub mod mock;
pub mod snapshots;
pub mod soak;
pub mod traces;
