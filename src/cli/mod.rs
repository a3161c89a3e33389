//! Command-line surface: the clap definitions and the dispatch to each
//! subcommand. Each subcommand lives in its own module and returns the
//! process exit code; anything it cannot do is an `anyhow` error that
//! `main` reports with exit code 2.

mod check;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use sdgmap::snapshot::{self, LoadError, Snapshot};

/// A fast, offline terminal explorer for how the 17 SDGs, the WSIS Action
/// Lines and ICT activities link to one another.
///
/// Run with no arguments to explore the bundled snapshot.
#[derive(Debug, Parser)]
#[command(name = "sdgmap", version, about, long_about = None, after_help = "Exit codes: 0 success, 1 invalid snapshot or nothing matched, 2 usage or input error.")]
pub struct Cli {
    /// Load this snapshot instead of the bundled one.
    #[arg(long, global = true, env = "SDGMAP_DATA", value_name = "PATH")]
    pub data: Option<PathBuf>,

    /// Colour theme of the app (NO_COLOR selects mono).
    #[arg(long, value_enum, default_value_t = ThemeName::Dark)]
    pub theme: ThemeName,

    /// Do not capture the mouse.
    #[arg(long)]
    pub no_mouse: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Theme names accepted by `--theme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeName {
    /// Dark theme that paints its own background.
    Dark,
    /// Light background.
    Light,
    /// Maximum contrast.
    HighContrast,
    /// No colour: glyphs, bold and reverse only.
    Mono,
}

impl From<ThemeName> for sdgmap::tui::ThemeChoice {
    fn from(t: ThemeName) -> Self {
        use sdgmap::tui::ThemeChoice as T;
        match t {
            ThemeName::Dark => T::Dark,
            ThemeName::Light => T::Light,
            ThemeName::HighContrast => T::HighContrast,
            ThemeName::Mono => T::Mono,
        }
    }
}

/// Output formats of reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Human-readable text.
    Text,
    /// Machine-readable JSON.
    Json,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a snapshot (the bundled one without PATH) and summarize it.
    Check {
        /// The snapshot to check.
        path: Option<PathBuf>,
        /// Report format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
    },
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Some(Command::Check { ref path, format }) => {
            check::run(path.as_deref().or(cli.data.as_deref()), format)
        }
        None => {
            // Load and validate before the terminal enters raw mode, so load
            // errors print as plain text.
            let snapshot = load(cli.data.as_deref())?;
            let options = sdgmap::tui::Options {
                theme: cli.theme.into(),
                mouse: !cli.no_mouse,
                source: display_name(cli.data.as_deref()),
            };
            sdgmap::tui::run(snapshot, options)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Loads the snapshot at `path`, or the bundled one.
pub fn load_result(path: Option<&std::path::Path>) -> Result<Snapshot, LoadError> {
    match path {
        Some(p) => snapshot::load_file(p),
        None => snapshot::load_bundled(),
    }
}

/// Loads a snapshot for a command that needs one; failure is an input error.
pub fn load(path: Option<&std::path::Path>) -> anyhow::Result<Snapshot> {
    Ok(load_result(path)?)
}

/// The display name of a snapshot location.
pub fn display_name(path: Option<&std::path::Path>) -> String {
    path.map_or_else(
        || snapshot::BUNDLED_NAME.to_string(),
        |p| p.display().to_string(),
    )
}
