//! The `sdgmap` binary: parses the command line and hands off to the
//! library (commands) or the terminal UI. Errors end here as a short,
//! friendly report and an exit code scripts can rely on:
//! 0 success, 1 "no" (invalid snapshot, nothing matched), 2 usage or input error.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("sdgmap: {err:#}");
            ExitCode::from(2)
        }
    }
}
