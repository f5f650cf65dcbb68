//! The client's integration tests, one binary: each module tests one promise of the client
//! against the mock or a scripted server. The fixtures they share are `telephony-fixtures`.

mod builders;
mod classification;
mod e911;
mod exactly_once;
mod mode_changes;
mod pacing;
mod reliability;
mod schedule;
mod secrets;
mod soak;
mod vendor_answers;
