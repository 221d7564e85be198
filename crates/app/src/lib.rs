//! The `mouse` application: command line, configuration and the demo organisation.
//! The binary in `main.rs` only parses arguments and calls into here.

pub mod cli;
pub mod demo;
pub mod people_import;
pub mod user_add;
