//! The CLI's integration tests, one binary: the real `telephony` binary run offline and
//! against the mock. The fixtures they share are `telephony-fixtures` and [`command`].

mod apply;
mod command;
mod configuration;
mod converge;
mod export;
mod guidance;
mod offline;
mod proxy;
mod reading;
mod single;
mod surface;
