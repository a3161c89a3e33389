//! Command-line surface: the clap definitions and the dispatch to each
//! subcommand. Each subcommand lives in its own module and returns the
//! process exit code; anything it cannot do is an `anyhow` error that
//! `main` reports with exit code 2.

/// `println!` for text that may hold anything from outside — file names,
/// bookmark names, values from files: control, bidi and zero-width
/// characters come out as visible placeholders, line breaks are kept.
macro_rules! outln {
    ($($arg:tt)*) => {
        println!(
            "{}",
            sdgmap::sanitize::sanitize(&format!($($arg)*), sdgmap::sanitize::Lines::Multi)
        )
    };
}

/// [`outln!`] for standard error.
macro_rules! errln {
    ($($arg:tt)*) => {
        eprintln!(
            "{}",
            sdgmap::sanitize::sanitize(&format!($($arg)*), sdgmap::sanitize::Lines::Multi)
        )
    };
}

/// Prints JSON text made terminal-safe without changing its meaning
/// ([`sdgmap::sanitize::json`]).
macro_rules! jsonln {
    ($text:expr) => {
        println!("{}", sdgmap::sanitize::json(&$text))
    };
}

mod app;
mod bookmarks;
mod check;
mod diff;
mod export;
mod figure;
mod import;
mod paths;
mod query;
mod shell;
mod suggest;
mod tour;

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
    #[arg(long, global = true, value_enum, default_value_t = ThemeName::Dark)]
    pub theme: ThemeName,

    /// Do not capture the mouse.
    #[arg(long, global = true)]
    pub no_mouse: bool,

    /// Open the app on this view (view language, e.g. "sdg:4 al:C7 health").
    #[arg(long, value_name = "VIEW")]
    pub view: Option<String>,

    /// Show the matrix with each cell's change since this older snapshot.
    #[arg(long, value_name = "OLD")]
    pub compare: Option<PathBuf>,

    /// Open the app on a saved bookmark (see `sdgmap bookmarks list`).
    #[arg(long, value_name = "NAME", conflicts_with = "view")]
    pub bookmark: Option<String>,

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
        /// Also validate this tour (a file or a bundled tour's name) against the snapshot.
        #[arg(long, value_name = "FILE")]
        tour: Option<PathBuf>,
    },
    /// Print the records a view selects (exit 0 matched, 1 none, 2 bad view).
    Query {
        /// The view, e.g. "sdg:4,9 al:C7 -status:disputed digital health".
        #[arg(required_unless_present = "bookmark")]
        view: Option<String>,
        /// Use the view of this bookmark instead.
        #[arg(long, value_name = "NAME", conflicts_with = "view")]
        bookmark: Option<String>,
        /// What to list (default: the view's show:, else activities).
        #[arg(long, value_enum)]
        show: Option<query::ShowArg>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = query::QueryFormat::Table)]
        format: query::QueryFormat,
    },
    /// Show what changed between two snapshots (exit 0 identical, 1 different, 2 error).
    Diff {
        /// The old snapshot.
        old: PathBuf,
        /// The new snapshot.
        new: PathBuf,
        /// Report format.
        #[arg(long, value_enum, default_value_t = diff::DiffFormat::Text)]
        format: diff::DiffFormat,
    },
    /// Add or update activities from a CSV and write a new snapshot, atomically.
    Import(import::ImportArgs),
    /// Write the records a view selects to a file, atomically.
    Export {
        /// The view, e.g. "sdg:9 show:links".
        view: String,
        /// What to list (default: the view's show:, else activities).
        #[arg(long, value_enum)]
        show: Option<query::ShowArg>,
        /// File format.
        #[arg(long, value_enum)]
        format: export::ExportFormat,
        /// The file to write.
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
        /// Options of the svg and html figures.
        #[command(flatten)]
        figure: figure::FigureArgs,
    },
    /// Guided tours: print speaker notes, list the bundled tours and yours.
    Tour {
        /// What to do.
        #[command(subcommand)]
        command: tour::TourCommand,
    },
    /// Saved views: list, add, rm, rename, show, export, import.
    #[command(subcommand)]
    Bookmarks(bookmarks::BookmarksCommand),
    /// Print where sdgmap keeps its files (SDGMAP_HOME overrides the data directory).
    Paths {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
    },
    /// Suggest SDGs, targets and Action Lines for a text, with evidence (Aurora SDG queries, CC-BY-4.0).
    Suggest(suggest::SuggestArgs),
    /// Present a guided tour (a file, or one of your tours or a bundled one by name; default itu-2030-agenda).
    Present {
        /// The tour to present.
        tour: Option<PathBuf>,
    },
    /// Print a shell completion script (bash, zsh or fish) to standard output.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: shell::Shell,
    },
    /// Print the man page (roff) to standard output: `sdgmap man > sdgmap.1`.
    Man,
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    if let Some(text) = &cli.view
        && let Err(e) = sdgmap::view::parse(text)
    {
        errln!("sdgmap: bad --view:\n{}", e.render(text));
        return Ok(ExitCode::from(2));
    }
    match cli.command {
        Some(Command::Check {
            ref path,
            format,
            tour: Some(ref t),
        }) => tour::check(t, path.as_deref().or(cli.data.as_deref()), format),
        Some(Command::Check {
            ref path, format, ..
        }) => check::run(path.as_deref().or(cli.data.as_deref()), format),
        Some(Command::Tour { ref command }) => tour::run(command, cli.data.as_deref()),
        Some(Command::Present { ref tour }) => app::present(&cli, tour.as_deref()),
        Some(Command::Query {
            ref view,
            ref bookmark,
            show,
            format,
        }) => {
            let text = match (bookmark, view) {
                (Some(name), _) => match bookmarks::resolve(name, cli.data.as_deref())? {
                    Ok(text) => text,
                    Err(code) => return Ok(code),
                },
                (None, Some(view)) => view.clone(),
                (None, None) => anyhow::bail!("query needs a VIEW or --bookmark NAME"),
            };
            query::run(&text, cli.data.as_deref(), show, format)
        }
        Some(Command::Bookmarks(ref command)) => bookmarks::run(command, cli.data.as_deref()),
        Some(Command::Paths { format }) => paths::run(cli.data.as_deref(), format),
        Some(Command::Export {
            ref view,
            show,
            format,
            ref output,
            ref figure,
        }) => export::run(view, cli.data.as_deref(), show, format, figure, output),
        Some(Command::Diff {
            ref old,
            ref new,
            format,
        }) => diff::run(old, new, format),
        Some(Command::Import(ref args)) => import::run(args, cli.data.as_deref()),
        Some(Command::Suggest(ref args)) => suggest::run(args, cli.data.as_deref()),
        Some(Command::Completions { shell }) => shell::completions(shell),
        Some(Command::Man) => shell::man(),
        None => app::run(&cli),
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

/// Text for the terminal, made safe (see [`outln!`]).
pub fn safe(text: &str) -> std::borrow::Cow<'_, str> {
    sdgmap::sanitize::sanitize(text, sdgmap::sanitize::Lines::Multi)
}

/// The display name of a snapshot location.
pub fn display_name(path: Option<&std::path::Path>) -> String {
    path.map_or_else(
        || snapshot::BUNDLED_NAME.to_string(),
        |p| p.display().to_string(),
    )
}
