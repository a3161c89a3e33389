//! The `sdgmap` binary: parses the command line and hands off to the
//! library (commands) or the terminal UI. Errors end here as a short,
//! friendly report and an exit code scripts can rely on:
//! 0 success, 1 "no" (invalid snapshot, nothing matched), 2 usage or input error.

mod cli;

use std::process::ExitCode;

use clap::Parser;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("sdgmap: {}", report(&err));
            ExitCode::from(2)
        }
    }
}

/// The error and its causes on one line, each cause once (many messages
/// already quote their cause), made safe for the terminal: a file name or
/// a value from a file can carry escape sequences.
fn report(err: &anyhow::Error) -> String {
    let mut msg = err.to_string();
    for cause in err.chain().skip(1) {
        let cause = cause.to_string();
        if !msg.contains(&cause) {
            msg.push_str(": ");
            msg.push_str(&cause);
        }
    }
    sdgmap::sanitize::sanitize(&msg, sdgmap::sanitize::Lines::Multi).into_owned()
}
