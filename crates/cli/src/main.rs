//! `chronicle`: a thin shell over Chronicle's library crates.
//!
//! Exit codes: 0 success; 1 error (nothing done, or a database failure); 2 usage error; 3 some inputs failed
//! and the rest were processed.

mod cli;
mod commands;

use std::process::ExitCode;

use clap::Parser;

/// Exit code when some inputs failed and the rest were processed.
const SOME_INPUTS_FAILED: u8 = 3;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match commands::run(cli) {
        Ok(commands::Outcome::Done) => ExitCode::SUCCESS,
        Ok(commands::Outcome::SomeInputsFailed) => ExitCode::from(SOME_INPUTS_FAILED),
        Err(error) => {
            eprintln!("chronicle: {error:#}");
            ExitCode::FAILURE
        }
    }
}
