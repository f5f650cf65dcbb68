//! The mock's integration tests, one binary: each module tests one part of how the mock
//! behaves like the vendors, over HTTP or as the `telephony-mock` program. The fixtures they
//! share are `telephony-fixtures`.

mod auth;
mod behaviour;
mod binary;
mod connections;
mod e911;
mod faults;
mod limits;
mod mode_changes;
mod reads;
mod routing;
mod storage;
mod validation;
