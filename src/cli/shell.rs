//! `sdgmap completions SHELL` and `sdgmap man`: shell completions and the
//! man page, generated from the clap definitions themselves, so they always
//! name the flags and subcommands this binary has.

use std::io::Write;
use std::process::ExitCode;

use clap::{CommandFactory, ValueEnum};

use super::Cli;

/// Shells `sdgmap completions` writes a script for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    /// Bash (source it, or put it in bash-completion's directory).
    Bash,
    /// Zsh (put it on `$fpath` as `_sdgmap`).
    Zsh,
    /// Fish (put it in `~/.config/fish/completions/sdgmap.fish`).
    Fish,
}

/// Writes the completion script for `shell` to stdout.
pub fn completions(shell: Shell) -> anyhow::Result<ExitCode> {
    let mut cmd = Cli::command();
    let sh = match shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
    };
    let mut script = Vec::new();
    clap_complete::generate(sh, &mut cmd, "sdgmap", &mut script);
    print(&script)
}

/// Writes the man page (roff) to stdout.
pub fn man() -> anyhow::Result<ExitCode> {
    let cmd = Cli::command();
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd).render(&mut page)?;
    print(&page)
}

/// Writes `bytes` to stdout; a reader that went away (`sdgmap man | head`)
/// is no error.
fn print(bytes: &[u8]) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(ExitCode::SUCCESS),
    }
}
