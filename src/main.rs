//! The `steppe-atlas` program: parse the command line and hand over to the library.

use clap::Parser as _;

fn main() -> std::process::ExitCode {
    steppe_atlas::cli::run(steppe_atlas::cli::Cli::parse())
}
