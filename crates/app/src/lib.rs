//! The `mouse` application: command line, configuration, the demo organisation and the
//! generated one for benchmarks.
//! The binary in `main.rs` only parses arguments and calls into here.

pub mod cli;
pub mod demo;
pub mod generate;
pub mod people_import;
pub mod user_add;
